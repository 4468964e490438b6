# bench/render.sh: fazhi-render's part of `make bench`, sourced by run.sh
# (measure, $bin, $out and $runs come from there).  A tally by month and
# entity of 20,000 inspections (about 19,000 rows, 5 MB) rendered in
# every format: the peak resident memory of each over the input's size,
# which must be at most 10 (fazhi-render(1), MEMORY); the part fails
# above it.

echo "== fazhi-render: a tally of 20,000 inspections by month and entity"
ri=$out/inspections-20k.yaml
rt=$out/tally-20k.yaml
[ -s "$ri" ] || "$bin/bench/gen-inspections" 20000 >"$ri"
[ -s "$rt" ] || "$bin/fazhi-tally" --by month,entity -o "$rt" "$ri"
rbytes=$(wc -c <"$rt" | tr -d ' ')
echo "input: $rbytes bytes"
rover=
for f in text md html csv xlsx; do
	measure "fazhi-render -f $f" "$bin/fazhi-render" -f "$f" \
	    -o "$out/render.$f" "$rt"
	r=$(awk -v k="$kb" -v b="$rbytes" 'BEGIN { printf "%.2f", k * 1024 / b }')
	echo "fazhi-render -f $f peak / input: $r (bound 10)"
	awk -v k="$kb" -v b="$rbytes" 'BEGIN { exit !(k * 1024 > 10 * b) }' &&
	    rover="$rover $f"
done
if [ -n "$rover" ]; then
	echo "FAIL: fazhi-render needs more than 10 times its input:$rover"
	exit 1
fi
