#!/bin/sh
# The messages in the locale's language (po/zh_CN.po, built into the
# build tree's po/locale, which the programs of the build tree read:
# lib/io/cli.c's fz_cli_start).  A zh_CN.UTF-8 and an en_US.UTF-8 locale
# are made here with localedef and found through LOCPATH, so that the
# machine need not have them generated (SKIP, with the reason, when
# localedef or the locales' source, Debian's locales package, is not
# there).
#
# tests/cli/nls/*/: with LANG=zh_CN.UTF-8, every program's --help, the
# usage errors fazhi makes and the messages of lib/ (a bad enumeration
# value, an unknown key, a check problem, an input that cannot be
# opened, a draw's differences: one program at least each) are the
# Chinese of the golden files.
# tests/cli/nls-getopt/*/: an option getopt refuses, whose first line is
# glibc's own message: Chinese only with glibc's catalogues (Debian's
# libc-l10n, which locales depends on); run when they are there.
# With LANG=C and LANG=en_US.UTF-8, every program's --help and a usage
# error are byte for byte the English golden files of tests/cli/PROG/
# (which run with LC_ALL=C.UTF-8).
. "${top_srcdir:-.}/tests/cli/lib.sh"

L=$(mktemp -d)
trap 'rm -rf "$L"; [ -z "${FAZHI_WRAPPER:-}" ] || rm -rf "$bin"' EXIT
if ! command -v localedef >/dev/null 2>&1; then
	echo "SKIP: nls: no localedef (Debian's libc-bin) to make the zh_CN.UTF-8 locale"
	exit 77
fi
mkdir "$L/loc"
for l in zh_CN en_US; do
	localedef -i $l -f UTF-8 "$L/loc/$l.UTF-8" >"$L/log" 2>&1
	if [ ! -f "$L/loc/$l.UTF-8/LC_CTYPE" ]; then
		echo "SKIP: nls: localedef cannot make $l.UTF-8 (its source is in Debian's locales package): $(tail -n 1 "$L/log")"
		exit 77
	fi
done
# Nothing of the caller's locale may choose the language but what each
# case sets (LANGUAGE would override LC_MESSAGES).
unset LC_ALL LC_MESSAGES LC_CTYPE LANGUAGE LANG
LOCPATH=$L/loc
export LOCPATH

# rc, not fail: run_cases counts its failures in fail.
rc=0
# english LANG PROG CASE: PROG's case CASE of its own suite, run with
# LANG, gives its golden standard output and error.
# Under make check-valgrind the wrapper writes its reports into
# FAZHI_LOG, as in run_cases: one not empty fails the case.
english() {
	rm -rf "$L/log"
	mkdir "$L/log"
	(cd "$top_srcdir" && LANG=$1 FAZHI_LOG="$L/log" \
	    PATH="$bin:$top_builddir:$PATH" \
	    sh "tests/cli/$3/$4/cmd" >"$L/out" 2>"$L/err" </dev/null)
	for f in "$L"/log/*; do
		[ -s "$f" ] || continue
		echo "FAIL nls: LANG=$1: tests/cli/$3/$4: $FAZHI_WRAPPER reported:"
		head -n 60 "$f"
		rc=1
	done
	for f in out err; do
		exp=$top_srcdir/tests/cli/$3/$4/$f
		[ -f "$exp" ] || exp=/dev/null
		if ! cmp -s "$exp" "$L/$f"; then
			echo "FAIL nls: LANG=$1: tests/cli/$3/$4: $f differs"
			diff -u "$exp" "$L/$f" | head -n 20
			rc=1
		fi
	done
}
for lang in C en_US.UTF-8; do
	for p in check draw import metrics render results tally; do
		english $lang fazhi-$p $p help
	done
	english $lang fazhi-tally tally err-unknown-flag
done
[ $rc = 0 ] && echo "nls: English in LANG=C and en_US.UTF-8"

run_cases nls || rc=1
# tests/cli/nls-memory/*/: memory exhausted, the line made beforehand in
# the locale's language (fz_nomem_init); run when the programs' memory
# is their own, as tests/cli/memory.sh.
if own_memory; then
	run_cases nls-memory || rc=1
else
	echo "nls-memory: not run: $not_own_memory"
fi
if [ -f /usr/share/locale/zh_CN/LC_MESSAGES/libc.mo ]; then
	run_cases nls-getopt || rc=1
else
	echo "nls-getopt: not run: glibc's Chinese messages (Debian's libc-l10n) are not installed"
fi
exit $rc
