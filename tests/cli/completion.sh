#!/bin/sh
# Shell completion (completion/fazhi.bash, and --complete WHAT of the
# programs it asks): tests/cli/completion/*/cmd.  Without bash the suite
# is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: completion: bash is not installed"
	exit 77
fi
run_cases completion
