#!/bin/sh
# fazhi-render's memory grows with its input and no faster: a tally by
# month and entity of N and of 4N inspections, rendered in every format;
# the peak resident memory (GNU time's %M) of the larger must grow by at
# most RATIO times the bytes its input grew by, and by at most four
# times the smaller's peak.  Generous bounds on counts of memory, no
# timing: helpers made for every row at once (about 150 times the
# input) or a copy of the output in memory fail it.  make bench measures
# the bound itself (10 times the input) on a larger tally.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if [ ! -x /usr/bin/time ]; then
	echo "SKIP: render-memory: GNU time (/usr/bin/time) is not installed"
	exit 77
fi
skip_unless_own_memory render-memory
RATIO=16
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# N inspections, each of a distinct entity on one of 12 months: as many
# rows in the tally, with every indicator.
inspections() {
	awk -v n="$1" 'BEGIN {
		print "kind: inspections\nversion: 1\nrecords:"
		for (i = 0; i < n; i++)
			printf "  - {date: 2019-%02d-%02d, entity: \"E%07d\", " \
			    "town: 古林镇, category: 网吧, inspectors: [A1, A2], " \
			    "outing: O-%07d, type: routine, result: %s}\n",
			    i % 12 + 1, i % 28 + 1, i, i, i % 7 ? "ok" : \
			    "violation"
	}'
}
for n in 2000 8000; do
	inspections $n >"$T/insp-$n.yaml"
	"$top_builddir/fazhi-tally" --by month,entity -o "$T/tally-$n.yaml" \
	    "$T/insp-$n.yaml" || exit 1
done
size() { wc -c <"$1" | tr -d ' '; }
small=$(size "$T/tally-2000.yaml")
large=$(size "$T/tally-8000.yaml")
fail=0
for f in text md html csv xlsx; do
	for n in 2000 8000; do
		/usr/bin/time -f %M -o "$T/kb-$n" "$top_builddir/fazhi-render" \
		    -f $f -o "$T/out.$f" "$T/tally-$n.yaml" || exit 1
	done
	k1=$(cat "$T/kb-2000")
	k4=$(cat "$T/kb-8000")
	if ! awk -v k1="$k1" -v k4="$k4" -v i1="$small" -v i4="$large" \
	    -v r="$RATIO" -v f="$f" 'BEGIN {
		grown = (k4 - k1) * 1024 / (i4 - i1)
		printf "%s: %d KB for %d bytes, %d KB for %d bytes: %.1f " \
		    "bytes a byte of input more\n", f, k1, i1, k4, i4, grown
		exit !(grown <= r && k4 <= 4 * k1)
	}'; then
		echo "FAIL: render-memory: -f $f grows faster than its input" \
		    "(bound: $RATIO bytes a byte, and 4 times the peak of a" \
		    "quarter of the input)"
		fail=1
	fi
done
exit $fail
