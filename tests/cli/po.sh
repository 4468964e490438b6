#!/bin/sh
# Every message marked for translation (_() and N_() in the files of
# po/POTFILES) has its translation in po/zh_CN.po, none fuzzy, none
# with other printf conversions than its msgid.  The messages are
# extracted afresh from the sources with xgettext and merged into a copy
# of the catalogue, so that a --help or a message changed in the source
# without its translation fails here (and make check), naming it: run
# make update-po, translate what it marks, and run make check again.
# The cases of tests/cli/po/*/ are trees made to fail, each with the
# messages it must give (out): the check is shown to catch what it is
# for.
. "${top_srcdir:-.}/tests/cli/lib.sh"

W=$(mktemp -d)
trap 'rm -rf "$W"; [ -z "${FAZHI_WRAPPER:-}" ] || rm -rf "$bin"' EXIT
for t in xgettext msgmerge msgattrib msgfmt; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP: po: no $t (Debian's gettext)"
		exit 77
	fi
done

# msgids PO: the first line of each msgid of PO, one a line.
msgids() {
	awk '/^msgid "/ { s = substr($0, 8, length($0) - 8); getline;
		while ($0 ~ /^"/) { s = s substr($0, 2, length($0) - 2); getline }
		if (s != "") { sub(/\\n.*/, "", s); print s } }' "$1"
}

# The functions that translate the format they are given, as
# Makefile.am's update-po takes them.
keywords=$(sed -n 's/^\([a-z_]*\):\([0-9]*\)\(,[0-9]*t\)\{0,1\}$/--keyword=\1:\2\3 --flag=\1:\2:c-format/p' \
    "$top_srcdir/po/keywords")

# check DIR: the messages for DIR's po/zh_CN.po, into standard output.
check() {
	# $keywords: one word an option, split on purpose.
	# shellcheck disable=SC2086
	(cd "$1" && xgettext --from-code=UTF-8 --language=C --keyword=_ \
	    --keyword=N_ --keyword=P_:1c,2 $keywords --files-from=po/POTFILES \
	    --output="$W/fazhi.pot") &&
	msgmerge --quiet --no-wrap --output-file="$W/merged.po" \
	    "$1/po/zh_CN.po" "$W/fazhi.pot" || {
		echo "$1: the messages cannot be extracted"
		return
	}
	msgattrib --no-obsolete --untranslated --no-wrap "$W/merged.po" \
	    >"$W/un.po"
	msgattrib --no-obsolete --only-fuzzy --no-wrap "$W/merged.po" \
	    >"$W/fuzzy.po"
	msgids "$W/un.po" | sed 's/^/po\/zh_CN.po: untranslated: /'
	msgids "$W/fuzzy.po" | sed 's/^/po\/zh_CN.po: changed, its translation fuzzy: /'
	msgfmt --check-format --output-file=/dev/null "$W/merged.po" 2>&1 |
	    sed -n 's/^[^:]*:[0-9]*: /po\/zh_CN.po: /p' | head -n 5
}

fail=0
# Every C file of lib/ and cmd/ is in po/POTFILES: a new file's messages
# would otherwise never reach the catalogue.
for f in $(cd "$top_srcdir" && find lib cmd -name '*.c' | LC_ALL=C sort); do
	if ! grep -qx "$f" "$top_srcdir/po/POTFILES"; then
		echo "po/POTFILES: $f is not listed"
		fail=1
	fi
done
check "$top_srcdir" >"$W/msgs"
if [ -s "$W/msgs" ]; then
	cat "$W/msgs"
	fail=1
else
	echo "po: every marked message translated"
fi
for c in "$top_srcdir"/tests/cli/po/*/; do
	check "$c" >"$W/msgs"
	if ! cmp -s "$c/out" "$W/msgs"; then
		echo "FAIL po/$(basename "$c"): the messages differ"
		diff -u "$c/out" "$W/msgs"
		fail=1
	fi
done
exit $fail
