#!/bin/sh
# The recipe of fazhi(7) for many files on many hosts, run with GNU
# parallel on local workers (tests/cli/parallel/*/cmd): the merged tally,
# the problems and the metrics are those of one run.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	echo "SKIP: parallel.sh: GNU parallel is not installed (Debian package parallel; ./bootstrap installs it)"
	exit 77
fi
run_cases parallel
