# work.sh - whether the work of a run grows with its input and no faster,
# for the cases of tests/cli/cost (sourced by their cmd files).
#
#   linear N GEN PROG ARG...
#   linear_heap N GEN PROG ARG...
#   flat N GEN PROG ARG...
#
# make three inputs with the shell function GEN (GEN K writes an input
# of size K to standard output, which becomes the file $T/input) of sizes
# N, 2N and 4N, run PROG ARG... on each, and count the work of each run:
# linear counts the instructions executed (valgrind's cachegrind),
# linear_heap the bytes allocated (valgrind's memcheck; a buffer grown a
# little at a time costs as many bytes as a copying allocator copies).
# A count is the same on a busy machine as on an idle one.  What a run
# costs whatever its input is the same in the three runs, so the growth
# is told from the differences: the step from 2N to 4N costs about twice
# the step from N to 2N when the work is linear (or N log N), four times
# when it is quadratic.  Print "linear (exit S)", S the exit status of
# the largest run, or the counts when the ratio is 3 or more.  PROG is
# the build tree's own program, never a wrapper.
#
# flat is for a size that is not the input's length (a span of dates):
# it counts the instructions of the runs of sizes N and 4N, and prints
# "flat (exit S)" when the larger costs less than an eighth more than the
# smaller, the counts otherwise.

work_count() {
	if [ "$work_what" = bytes ]; then
		tool="--tool=memcheck --leak-check=no"
	else
		tool="--tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null"
	fi
	valgrind $tool --log-file="$T/.vg" "$@" >/dev/null 2>"$T/.stderr" \
	    </dev/null
	echo $? >"$T/.status"
	if [ "$work_what" = bytes ]; then
		sed -n 's/.*total heap usage:.* frees, \([0-9,]*\) bytes.*/\1/p' \
		    "$T/.vg"
	else
		sed -n 's/.*I *refs: *//p' "$T/.vg"
	fi | tr -d ,
}

linear() {
	work_what=${work_what:-instructions}
	n=$1 gen=$2 prog=$3
	shift 3
	counts=
	for k in "$n" $((2 * n)) $((4 * n)); do
		"$gen" "$k" >"$T/input"
		c=$(work_count "$top_builddir/$prog" "$@")
		[ -n "$c" ] || { echo "no count from valgrind"; cat "$T/.vg"; return 1; }
		counts="$counts $c"
		work_status=$(cat "$T/.status")
	done
	rm -f "$T/input" "$T/.vg" "$T/.stderr" "$T/.status"
	set -- $counts
	# (c4 - c2) / (c2 - c1) below 3, in integers.
	if [ $(($3 - $2)) -lt $((3 * ($2 - $1))) ]; then
		echo "linear (exit $work_status)"
	else
		echo "grows faster than its input: $* $work_what" \
		    "for $n, $((2 * n)), $((4 * n)) (exit $work_status)"
	fi
	work_what=
}

linear_heap() {
	work_what=bytes
	linear "$@"
}

flat() {
	n=$1 gen=$2 prog=$3
	shift 3
	counts=
	for k in "$n" $((4 * n)); do
		"$gen" "$k" >"$T/input"
		c=$(work_count "$top_builddir/$prog" "$@")
		[ -n "$c" ] || { echo "no count from valgrind"; cat "$T/.vg"; return 1; }
		counts="$counts $c"
		work_status=$(cat "$T/.status")
	done
	rm -f "$T/input" "$T/.vg" "$T/.stderr" "$T/.status"
	set -- $counts
	if [ $((8 * ($2 - $1))) -lt "$1" ]; then
		echo "flat (exit $work_status)"
	else
		echo "grows with the size: $* instructions for $n and" \
		    "$((4 * n)) (exit $work_status)"
	fi
}
