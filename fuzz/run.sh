#!/bin/sh
# fuzz/run.sh - build the libFuzzer harnesses with clang, the library
# with them, and run each for FUZZ_SECONDS; called by `make fuzz`, which
# sets the variables below.  Usage: run.sh HARNESS...
#
#   FUZZ_CC        clang (libFuzzer comes with clang's compiler-rt)
#   FUZZ_SECONDS   seconds each harness runs (default 60)
#   FUZZ_TIMEOUT   seconds one input may take before it is a finding (10)
#   FUZZ_FLAGS     extra libFuzzer options, e.g. -jobs=2 or -max_len=65536
#   srcdir, builddir, LIB_SOURCES, FZ_SRCDIR, PKGDATADIR, LOCALEDIR, DEP_CFLAGS,
#   DEP_LIBS       from the Makefile
#
# In builddir/fuzz: obj/ (the library built for fuzzing), NAME-fuzzer,
# seeds/NAME (made from the tests), corpus/NAME (what the fuzzer found
# worth keeping, kept from run to run), crashes/ (failing inputs).
set -u
: "${FUZZ_CC:=clang}" "${FUZZ_SECONDS:=60}" "${FUZZ_FLAGS:=}"
# An input that takes longer than FUZZ_TIMEOUT seconds is a finding.
: "${FUZZ_TIMEOUT:=10}"
out=$builddir/fuzz
san='-fsanitize=address,undefined -fno-sanitize-recover=undefined'
cflags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
-DHAVE_CONFIG_H -I$builddir -I$srcdir/lib -DFZ_SRCDIR=\"$FZ_SRCDIR\"
-DPKGDATADIR=\"$PKGDATADIR\" -DLOCALEDIR=\"$LOCALEDIR\"
-DFZ_BUILDDIR=\"$builddir\" -fno-omit-frame-pointer $DEP_CFLAGS"

mkdir -p "$out/obj" "$out/seeds" "$out/corpus" "$out/crashes" || exit 1
if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
	echo "fuzz: $FUZZ_CC not found: install the Debian packages clang and libclang-rt-14-dev" >&2
	exit 1
fi

# The library, instrumented for coverage: a source is compiled again
# when it or a header is newer than its object.
newest_header=$(ls -t "$srcdir"/lib/*.h "$srcdir"/lib/*/*.h | head -n 1)
for src in $LIB_SOURCES; do
	case $src in *.c) ;; *) continue ;; esac
	# Named by the whole path: two folders may hold files of one name
	# (lib/check/clocks.c, lib/cases/clocks.c).
	obj=$out/obj/$(echo "${src%.c}" | tr / _).o
	if [ ! -f "$obj" ] || [ "$srcdir/$src" -nt "$obj" ] ||
	    [ "$newest_header" -nt "$obj" ]; then
		echo "  CC (fuzz) $src"
		# shellcheck disable=SC2086
		$FUZZ_CC $cflags $san -fsanitize=fuzzer-no-link -c \
		    "$srcdir/$src" -o "$obj" || exit 1
	fi
done

# Seeds: every harness's input made from the test data.
sh "$srcdir/fuzz/seeds.sh" "$srcdir" "$builddir" "$out/seeds" || exit 1

status=0
summary=
for name in "$@"; do
	echo "  CCLD (fuzz) $name-fuzzer"
	# shellcheck disable=SC2086
	$FUZZ_CC $cflags $san -fsanitize=fuzzer -I"$srcdir/fuzz" \
	    "$srcdir/fuzz/fuzz-$name.c" "$srcdir/fuzz/common.c" \
	    "$srcdir/fuzz/same.c" "$out"/obj/*.o $DEP_LIBS \
	    -o "$out/$name-fuzzer" || exit 1
	mkdir -p "$out/corpus/$name"
	kept=$srcdir/tests/data/fuzz/$name
	[ -d "$kept" ] || kept=
	echo "== $name: $FUZZ_SECONDS seconds"
	start=$(date +%s)
	# shellcheck disable=SC2086
	TMPDIR=${TMPDIR:-/tmp} "$out/$name-fuzzer" -max_total_time="$FUZZ_SECONDS" \
	    -timeout="$FUZZ_TIMEOUT" \
	    -print_final_stats=1 -artifact_prefix="$out/crashes/$name-" \
	    $FUZZ_FLAGS "$out/corpus/$name" "$out/seeds/$name" $kept \
	    >"$out/$name.log" 2>&1
	rc=$?
	end=$(date +%s)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$name.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$out/$name.log" | tail -n 1)
	corpus=$(ls "$out/corpus/$name" | wc -l)
	line=$(printf '%-9s %10s runs %7s/s %4ss  %-10s corpus %s' "$name" \
	    "${runs:-?}" "${rate:-?}" "$((end - start))" "${cov:-cov: ?}" "$corpus")
	if [ $rc != 0 ]; then
		status=1
		line="$line  FAILED (status $rc)"
		grep -E 'ERROR|SUMMARY|fuzz: |Test unit written' "$out/$name.log" | head -n 8
	fi
	echo "$line"
	summary="$summary$line
"
done
echo
echo "harness        executions   per sec  time  coverage    corpus"
printf '%s' "$summary"
if [ $status != 0 ]; then
	echo
	echo "fuzz: failing inputs are in $out/crashes/; each becomes a test:"
	echo "  cp $out/crashes/NAME-crash-... $srcdir/tests/data/fuzz/NAME/"
	echo "and is replayed by make check (fuzz/replay-NAME)."
fi
exit $status
