#!/bin/sh
# The built-in workbooks as a person sees them printed: LibreOffice
# converts each to PDF, whose pages (their count and size) the golden
# holds and whose text holds no ### (a column narrower than its value).
# Without LibreOffice Calc or pdftotext the suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
for p in soffice pdftotext pdfinfo; do
	if ! command -v $p >/dev/null 2>&1; then
		echo "SKIP: $p is not installed (Debian packages libreoffice-calc-nogui and poppler-utils; ./bootstrap and .ci/run install them)"
		exit 77
	fi
done
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf -- '---\nkind: tally\nby: [town]\nrows: [{town: 月湖, visits: 1}]\n' |
    "$top_builddir/fazhi-render" -o "$probe/p.xlsx" -
. "$top_srcdir/tests/cli/look/page.sh"
soffice_pdf "$probe/p.xlsx"
if [ ! -s "$probe/p.pdf" ]; then
	echo "SKIP: LibreOffice cannot convert a workbook: Calc is not installed (Debian package libreoffice-calc-nogui)"
	exit 77
fi
run_cases look-xlsx
