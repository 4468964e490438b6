#!/bin/sh
# Cost that must grow with the input and no faster: each case counts the
# instructions of runs over inputs of three sizes (tests/cli/cost/work.sh,
# with valgrind; skipped without it).
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: cost: valgrind is not installed"
	exit 77
fi
# A sanitizer build's programs do not run under valgrind.
if ! valgrind -q --tool=none "${top_builddir:-.}/fazhi-tally" --version \
    >/dev/null 2>&1; then
	echo "SKIP: cost: the programs do not run under valgrind (a sanitizer build?)"
	exit 77
fi
run_cases cost
