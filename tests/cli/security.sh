#!/bin/sh
# Security: HTML escapes every value, CSV and xlsx hold no formulas,
# partials stay in their folders, programs write only their output
# (tests/cli/security/*/cmd).
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases security
