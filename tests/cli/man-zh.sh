#!/bin/sh
# The Chinese manual man/zh_CN/ is kept in step with the English one
# man/: every page has its translation and every translation its page,
# and the two have the same number of sections (.Sh), the same options
# (.Fl), the same keywords (.Cm) and the same example blocks
# (.Bd -literal), as tests/cli/man-zh.awk reads them.  Options and
# keywords are compared as sets, since Chinese word order may name them
# in another order inside a sentence; the options the .It heads of a
# list name (the OPTIONS section) are compared in order as well, as the
# lists themselves are not reordered.  Example blocks are what the user
# types and sees: they must be the same byte for byte.
#
# Each message names the page, the item and the language that lacks it.
# The cases of tests/cli/man-zh/*/ are trees made to fail, each with the
# messages it must give (out): the comparison is shown to catch what it
# is for.
. "${top_srcdir:-.}/tests/cli/lib.sh"

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
AWK=$top_srcdir/tests/cli/man-zh.awk

# compare EN ZH NAME: the messages for one page, into standard output.
compare() {
	awk -f "$AWK" "$1" >"$W/en" && awk -f "$AWK" "$2" >"$W/zh" || {
		echo "$3: cannot be read"
		return
	}
	a=$(grep -c '^sh' "$W/en")
	b=$(grep -c '^sh' "$W/zh")
	[ "$a" = "$b" ] ||
	    echo "$3: $a sections (.Sh) in English, $b in Chinese"
	for k in fl cm; do
		case $k in fl) what=option ;; cm) what=keyword ;; esac
		sed -n "s/^$k //p" "$W/en" | LC_ALL=C sort -u >"$W/en.$k"
		sed -n "s/^$k //p" "$W/zh" | LC_ALL=C sort -u >"$W/zh.$k"
		LC_ALL=C comm -23 "$W/en.$k" "$W/zh.$k" | while IFS= read -r x; do
			echo "$3: $what '$x': the Chinese page lacks it"
		done
		LC_ALL=C comm -13 "$W/en.$k" "$W/zh.$k" | while IFS= read -r x; do
			echo "$3: $what '$x': the English page lacks it"
		done
	done
	sed -n 's/^it //p' "$W/en" >"$W/en.it"
	sed -n 's/^it //p' "$W/zh" >"$W/zh.it"
	if cmp -s "$W/en.fl" "$W/zh.fl" && ! cmp -s "$W/en.it" "$W/zh.it"; then
		echo "$3: the options of its lists (.It Fl) come in another order:" \
		    "English $(paste -s -d ' ' "$W/en.it"); Chinese $(paste -s -d ' ' "$W/zh.it")"
	fi
	grep '^bd ' "$W/en" >"$W/en.bd"
	grep '^bd ' "$W/zh" >"$W/zh.bd"
	a=$(grep -c '^bd [0-9]*$' "$W/en.bd")
	b=$(grep -c '^bd [0-9]*$' "$W/zh.bd")
	if [ "$a" != "$b" ]; then
		echo "$3: $a example blocks (.Bd -literal) in English, $b in Chinese"
	else
		diff "$W/en.bd" "$W/zh.bd" | sed -n 's/^\([<>]\) bd \([0-9]*\) \(.*\)/\1 \2 \3/p' |
		while read -r side n line; do
			case $side in '<') l=Chinese ;; *) l=English ;; esac
			echo "$3: example block $n: the $l page lacks the line: $line"
		done
	fi
}

# check DIR: the messages for the whole tree DIR (its man/ folder).
check() {
	for p in "$1"/*.[1-9]; do
		[ -f "$p" ] || continue
		n=${p##*/}
		if [ -f "$1/zh_CN/$n" ]; then
			compare "$p" "$1/zh_CN/$n" "man/zh_CN/$n"
		else
			echo "man/$n: no Chinese page man/zh_CN/$n"
		fi
	done
	for p in "$1"/zh_CN/*.[1-9]; do
		[ -f "$p" ] || continue
		n=${p##*/}
		[ -f "$1/$n" ] || echo "man/zh_CN/$n: no English page man/$n"
	done
}

status=0
check "$top_srcdir/man" >"$W/msgs"
if [ -s "$W/msgs" ]; then
	cat "$W/msgs"
	echo "FAIL man/zh_CN: not in step with man/"
	status=1
else
	echo "PASS man/zh_CN: $(ls "$top_srcdir"/man/zh_CN/*.[1-9] | wc -l) pages in step with man/"
fi

for c in "$top_srcdir"/tests/cli/man-zh/*/; do
	[ -d "$c/man" ] || continue
	name=${c%/}
	name=${name##*/}
	check "$c/man" >"$W/got"
	if [ -n "${FAZHI_UPDATE_GOLDEN:-}" ]; then
		cp "$W/got" "$c/out"
	fi
	if [ -s "$W/got" ] && cmp -s "$W/got" "$c/out"; then
		echo "PASS man-zh/$name"
	else
		echo "FAIL man-zh/$name: the messages differ from out:"
		diff "$c/out" "$W/got"
		status=1
	fi
done
exit $status
