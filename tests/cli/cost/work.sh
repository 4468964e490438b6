# work.sh - whether the work of a run grows with its input and no faster,
# for the cases of tests/cli/cost (sourced by their cmd files).
#
#   linear N GEN PROG ARG...
#
# makes three inputs with the shell function GEN (GEN K writes an input
# of size K to standard output, which becomes the file $T/input) of sizes
# N, 2N and 4N, runs PROG ARG... on each, and counts the instructions
# each run executes (valgrind's cachegrind: a count of work, the same on
# a busy machine as on an idle one).  What a run costs whatever its
# input is the same in the three runs, so the growth is told from the
# differences: the step from 2N to 4N costs about twice the step from N
# to 2N when the work is linear (or N log N), four times when it is
# quadratic.  Prints "linear (exit S)", S the exit status of the largest
# run, or the counts when the ratio is 3 or more.  PROG is the build
# tree's own program, never a wrapper.

work_count() {
	valgrind --tool=cachegrind --cache-sim=no \
	    --cachegrind-out-file=/dev/null --log-file="$T/.vg" "$@" \
	    >/dev/null 2>"$T/.stderr" </dev/null
	echo $? >"$T/.status"
	sed -n 's/.*I *refs: *//p' "$T/.vg" | tr -d ,
}

linear() {
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
		echo "grows faster than its input: $* instructions" \
		    "for $n, $((2 * n)), $((4 * n)) (exit $work_status)"
	fi
}
