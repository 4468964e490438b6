#!/bin/sh
# A large file read in parts at once (FAZHI_THREADS=3 for fazhi-tally,
# 2 for fazhi-metrics) gives what a read in one part gives
# (FAZHI_THREADS=1): the same output, warnings, messages and status
# (tests/cli/parts/*/cmd).  The files are made by
# tests/cli/parts.awk.
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases parts
