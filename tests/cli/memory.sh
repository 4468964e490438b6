#!/bin/sh
# Memory exhausted under an address-space limit (ulimit -v): one message
# and exit 70 (tests/cli/memory/*/cmd).  A program under valgrind, or
# built with AddressSanitizer (which reserves terabytes of address space
# at start), cannot run under such a limit: the suite is then skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
skip_unless_own_memory memory
run_cases memory
