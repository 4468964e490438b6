#!/bin/sh
# Determinism: the same input gives the same bytes, run after run
# (tests/cli/determinism/*/cmd).
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases determinism
