#!/bin/sh
# The man pages' examples are tests: every command of the EXAMPLES
# section of man/*.1 (as tests/cli/man-examples.awk reads them) runs in
# a copy of the worked example examples/haishu-2019, one copy a page and
# its commands in order, so that a command may read what an earlier one
# of its page wrote.  The programs of the build tree come first on PATH,
# FAZHI_DATADIR is the source tree's data/, SRC the source tree (for the
# setup marks), standard input is empty, and mail, lpr and less are
# stand-ins that read their input and exit 0.
#
# A command passes when it exits with its documented status (0 unless
# the page marks it with `.\" example: exit N`) and every program of
# fazhi it ran ended with 0, 1 or that status (a pipe into a stand-in
# does not hide a failure).  A command marked `.\" example: skip REASON`
# is not run: it is counted and its reason shown.  The test fails on any
# other status, or when no command ran.
. "${top_srcdir:-.}/tests/cli/lib.sh"

SRC=$top_srcdir
FAZHI_DATADIR=$top_srcdir/data
LC_ALL=C.UTF-8
export SRC FAZHI_DATADIR LC_ALL
W=$(mktemp -d)
trap 'rm -rf "$W"; [ -z "${FAZHI_WRAPPER:-}" ] || rm -rf "$bin"' EXIT

# Each program of fazhi by its name, noting how it ended; then the
# stand-ins.
mkdir "$W/path"
for p in "$top_builddir"/fazhi-*; do
	case ${p##*/} in *.*) continue ;; esac
	[ -f "$p" ] && [ -x "$p" ] || continue
	printf '#!/bin/sh\nPATH=%s:$PATH %s "$@"\ns=$?\necho "%s $s" >>"$FZ_EXAMPLE_LOG"\nexit $s\n' \
	    "'$bin:$top_builddir'" "${p##*/}" "${p##*/}" >"$W/path/${p##*/}"
	chmod +x "$W/path/${p##*/}"
done
for p in mail lpr less; do
	printf '#!/bin/sh\ncat >/dev/null\n' >"$W/path/$p"
	chmod +x "$W/path/$p"
done

run=0
skipped=0
failed=0
for page in "$top_srcdir"/man/*.1; do
	name=man/${page##*/}
	rm -rf "$W/cmds" "$W/here"
	mkdir "$W/cmds"
	if ! awk -v out="$W/cmds" -f "$top_srcdir/tests/cli/man-examples.awk" \
	    "$page" >"$W/list"; then
		echo "FAIL $name: its examples cannot be read"
		failed=$((failed + 1))
		continue
	fi
	if [ ! -s "$W/list" ]; then
		echo "FAIL $name: no example"
		failed=$((failed + 1))
		continue
	fi
	cp -R "$top_srcdir/examples/haishu-2019" "$W/here"
	chmod -R u+w "$W/here"
	tab=$(printf '\t')
	while IFS=$tab read -r n where want reason; do
		where=man/${where##*/man/}
		if [ -n "$reason" ]; then
			echo "SKIP $where: $reason"
			skipped=$((skipped + 1))
			continue
		fi
		mkdir "$W/log"
		: >"$W/statuses"
		if [ -f "$W/cmds/$n.setup" ] && ! (cd "$W/here" &&
		    FZ_EXAMPLE_LOG=/dev/null FAZHI_LOG="$W/log" PATH="$W/path:$PATH" \
		    sh -e "$W/cmds/$n.setup" >"$W/out" 2>&1 </dev/null); then
			echo "FAIL $where: its setup failed:"
			sed 's/^/  /' "$W/cmds/$n.setup"
			head -n 20 "$W/out"
			failed=$((failed + 1))
			rm -rf "$W/log"
			continue
		fi
		(cd "$W/here" && FAZHI_LOG="$W/log" \
		    FZ_EXAMPLE_LOG="$W/statuses" PATH="$W/path:$PATH" \
		    sh "$W/cmds/$n.cmd" >"$W/out" 2>"$W/err" </dev/null)
		got=$?
		why=
		[ "$got" = "$want" ] || why="exit status $got, documented $want"
		while read -r prog st; do
			case $st in 0 | 1 | "$want") ;; *) why=${why:-"$prog ended with $st"} ;; esac
		done <"$W/statuses"
		for f in "$W"/log/*; do
			[ -s "$f" ] && why=${why:-"$FAZHI_WRAPPER reported"}
		done
		if [ -z "$why" ]; then
			run=$((run + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $where: $why:"
			sed 's/^/  /' "$W/cmds/$n.cmd"
			sed 's/^/  ran: /' "$W/statuses"
			head -n 20 "$W/err"
			for f in "$W"/log/*; do
				[ -s "$f" ] || continue
				echo "$FAZHI_WRAPPER reported:"
				head -n 60 "$f"
			done
		fi
		rm -rf "$W/log"
	done <"$W/list"
done
echo "man-examples: $run passed, $skipped skipped, $failed failed"
[ $failed = 0 ] && [ $run -gt 0 ]
