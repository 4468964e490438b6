#!/bin/sh
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases results
