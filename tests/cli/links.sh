#!/bin/sh
# -o through symbolic links that someone else may have planted
# (tests/cli/links/*/cmd).  The cases make links owned by another user,
# which takes root: run as anyone else, the suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ]; then
	echo "SKIP: links: making a link owned by another user needs root"
	exit 77
fi
run_cases links
