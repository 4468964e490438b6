#!/bin/sh
# -o onto a file system that is full (a small tmpfs, filled):
# tests/cli/fullfs/*/cmd.  Mounting one takes root and a system that
# lets a test mount: elsewhere the suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
probe=$(mktemp -d)
if ! mount -t tmpfs -o size=64k tmpfs "$probe" 2>/dev/null; then
	rmdir "$probe"
	echo "SKIP: fullfs: this system does not let the tests mount a tmpfs (needs root)"
	exit 77
fi
umount "$probe"
rmdir "$probe"
run_cases fullfs
