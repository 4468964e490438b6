#!/bin/sh
# Faults of the system: full devices, folders that are missing or
# cannot be written, closed pipes, read errors, -o onto an input, a
# failing rename (tests/cli/faults/*/cmd).
. "${top_srcdir:-.}/tests/cli/lib.sh"
run_cases faults
