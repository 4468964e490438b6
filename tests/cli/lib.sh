# Golden-file runner for the shell tests of every program.
#
# A case is a folder tests/cli/PROG/NAME/ holding:
#   cmd     a shell fragment, run by sh in the source tree (so file names
#           in messages are relative and stable), with the programs of the
#           build tree first on PATH, $T a fresh scratch folder and
#           $SRC the source tree;
#   out     the expected standard output (absent: empty);
#   err     the expected standard error (absent: empty);
#   status  the expected exit status (absent: 0);
#   check   optional, a shell fragment run after cmd in the same way that
#           must exit 0 (to look at files cmd wrote).
# FAZHI_UPDATE_GOLDEN=1 rewrites out, err and status from what the
# programs do now; review the diff before committing it.
# FAZHI_WRAPPER, when set, is a command that runs each program of the
# build tree (make check-valgrind sets it to valgrind): PATH then starts
# with a folder of scripts, one a program, running
# `$FAZHI_WRAPPER PROGRAM ARGS...`.  The wrapper may write reports into
# $FAZHI_LOG, a folder of each case's own: a case fails when its folder
# holds a file that is not empty, and the file is shown.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
top_srcdir=$(cd "$top_srcdir" && pwd)
top_builddir=$(cd "$top_builddir" && pwd)

bin=$top_builddir
if [ -n "${FAZHI_WRAPPER:-}" ]; then
	bin=$(mktemp -d)
	trap 'rm -rf "$bin"' EXIT
	for p in "$top_builddir"/fazhi-*; do
		case ${p##*/} in *.*) continue ;; esac
		[ -f "$p" ] && [ -x "$p" ] || continue
		# By its name on a PATH where it comes first, so that its
		# argv[0], in getopt's messages, is the same.
		printf '#!/bin/sh\nPATH=%s:$PATH exec %s %s "$@"\n' \
		    "'$top_builddir'" "$FAZHI_WRAPPER" "${p##*/}" >"$bin/${p##*/}"
		chmod +x "$bin/${p##*/}"
	done
fi

run_cases() {
	prog=$1
	pass=0
	fail=0
	for c in "$top_srcdir"/tests/cli/"$prog"/*/; do
		[ -f "$c/cmd" ] || continue
		name=$(basename "$c")
		T=$(mktemp -d)
		W=$(mktemp -d)
		mkdir "$W/.log"
		(cd "$top_srcdir" && T=$T SRC=$top_srcdir LC_ALL=C.UTF-8 \
		    FAZHI_LOG="$W/.log" PATH="$bin:$top_builddir:$PATH" \
		    sh "$c/cmd" >"$W/.out" 2>"$W/.err" </dev/null)
		echo $? >"$W/.status"
		ok=1
		if [ -n "${FAZHI_UPDATE_GOLDEN:-}" ]; then
			for f in out err; do
				if [ -s "$W/.$f" ]; then cp "$W/.$f" "$c/$f"; else rm -f "$c/$f"; fi
			done
			if [ "$(cat "$W/.status")" = 0 ]; then rm -f "$c/status"; else cp "$W/.status" "$c/status"; fi
		fi
		for f in out err status; do
			if [ -f "$c/$f" ]; then exp="$c/$f"
			elif [ "$f" = status ]; then exp="$W/.zero"; echo 0 >"$exp"
			else exp=/dev/null; fi
			if ! cmp -s "$exp" "$W/.$f"; then
				ok=0
				echo "FAIL $prog/$name: $f differs"
				diff -u "$exp" "$W/.$f" | head -n 40
			fi
		done
		if [ $ok = 1 ] && [ -f "$c/check" ]; then
			if ! (cd "$top_srcdir" && T=$T SRC=$top_srcdir LC_ALL=C.UTF-8 \
			    FAZHI_LOG="$W/.log" PATH="$bin:$top_builddir:$PATH" \
			    sh "$c/check" </dev/null); then
				ok=0
				echo "FAIL $prog/$name: check failed"
			fi
		fi
		for f in "$W"/.log/*; do
			[ -s "$f" ] || continue
			ok=0
			echo "FAIL $prog/$name: $FAZHI_WRAPPER reported:"
			head -n 60 "$f"
		done
		rm -rf "$T" "$W"
		if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	done
	echo "$prog: $pass passed, $fail failed"
	[ $fail = 0 ] && [ $pass -gt 0 ]
}

# Exit 77 (skip) when the programs' memory is not their own: run under
# $FAZHI_WRAPPER, or built with AddressSanitizer (which reserves
# terabytes of address space at start and keeps freed memory).
# skip_unless_own_memory SUITE
skip_unless_own_memory() {
	if ! own_memory; then
		echo "SKIP: $1: $not_own_memory"
		exit 77
	fi
}
# own_memory: true when the programs' memory is their own; else false,
# with the reason in not_own_memory.
own_memory() {
	if [ -n "${FAZHI_WRAPPER:-}" ]; then
		not_own_memory="the programs run under $FAZHI_WRAPPER, whose memory is not theirs"
		return 1
	fi
	if ldd "$top_builddir/fazhi-render" 2>/dev/null | grep -q 'libasan'; then
		not_own_memory="a sanitizer build, whose memory is not the program's"
		return 1
	fi
	return 0
}
