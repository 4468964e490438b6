#!/bin/sh
# The house rules of lib/ (tests/check-layout.sh): the tree keeps them,
# and each kind of breach is caught.
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases layout
