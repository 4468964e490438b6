#!/bin/sh
# The built-in html outputs as a person sees them: each is loaded in
# headless Chromium, which measures in the page itself that no table is
# wider than the text column and no cell narrower than two characters,
# and prints it on A4, whose page count the golden holds
# (tests/cli/look/page.sh).  The page counts are those of the fonts
# ./bootstrap installs (Noto CJK); without Chromium or pdfinfo the suite
# is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
for p in chromium pdfinfo; do
	if ! command -v $p >/dev/null 2>&1; then
		echo "SKIP: $p is not installed (Debian packages chromium and poppler-utils; ./bootstrap and .ci/run install them)"
		exit 77
	fi
done
run_cases look
