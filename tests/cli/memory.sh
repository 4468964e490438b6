#!/bin/sh
# Memory exhausted under an address-space limit (ulimit -v): one message
# and exit 70 (tests/cli/memory/*/cmd).  A program under valgrind, or
# built with AddressSanitizer (which reserves terabytes of address space
# at start), cannot run under such a limit: the suite is then skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if [ -n "${FAZHI_WRAPPER:-}" ]; then
	echo "SKIP: memory: the programs run under $FAZHI_WRAPPER, which needs more address space than the limits tested"
	exit 77
fi
if ldd "${top_builddir:-.}/fazhi-render" 2>/dev/null | grep -q 'libasan'; then
	echo "SKIP: memory: a sanitizer build, which cannot start under an address-space limit"
	exit 77
fi
run_cases memory
