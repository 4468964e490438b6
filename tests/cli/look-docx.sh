#!/bin/sh
# The built-in Word documents as a person sees them printed: LibreOffice
# Writer converts each to PDF, whose pages (their count, A4 as 595 x 842
# pts) the golden holds, and whose text holds the title and the
# signature.  Without LibreOffice Writer, pdftotext or unzip the suite
# is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
for p in soffice pdftotext pdfinfo unzip; do
	if ! command -v $p >/dev/null 2>&1; then
		echo "SKIP: $p is not installed (Debian packages libreoffice-writer-nogui, poppler-utils and unzip; ./bootstrap and .ci/run install them)"
		exit 77
	fi
done
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf -- '---\nkind: tally\nby: [town]\nrows: [{town: 月湖, visits: 1}]\n' |
    "$top_builddir/fazhi-render" -t monthly -o "$probe/p.docx" -
. "$top_srcdir/tests/cli/look/page.sh"
soffice_pdf "$probe/p.docx"
if [ ! -s "$probe/p.pdf" ]; then
	echo "SKIP: LibreOffice cannot convert a Word document: Writer is not installed (Debian package libreoffice-writer-nogui)"
	exit 77
fi
run_cases look-docx
