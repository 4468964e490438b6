# bench/draw.sh: fazhi-draw's part of `make bench`, sourced by run.sh
# (measure, ratio, $bin and $out come from there).  1,000,000 entities,
# 2,000 inspectors, 10,000 selections in teams of two, against a bare
# libyaml scan of the same three files; then half the directory, to show
# memory growing with the directory.

echo "== fazhi-draw: 1,000,000 entities, 2,000 inspectors, 10,000 selections"
d=$out/draw
mkdir -p "$d"
[ -s "$d/entities-1m.yaml" ] ||
	"$bin/bench/gen-draw" entities 1000000 >"$d/entities-1m.yaml"
[ -s "$d/entities-500k.yaml" ] ||
	"$bin/bench/gen-draw" entities 500000 >"$d/entities-500k.yaml"
"$bin/bench/gen-draw" inspectors 2000 >"$d/inspectors.yaml"
"$bin/bench/gen-draw" plan 10000 >"$d/plan.yaml"
ls -l "$d/entities-1m.yaml" | awk '{ printf "input: %.0f MB\n", $5 / 1e6 }'
measure "yaml-scan (floor)" "$bin/bench/yaml-scan" "$d/plan.yaml" \
	"$d/entities-1m.yaml" "$d/inspectors.yaml"
scan_secs=$secs
measure "fazhi-draw" "$bin/fazhi-draw" -o "$d/draw.yaml" "$d/plan.yaml" \
	"$d/entities-1m.yaml" "$d/inspectors.yaml"
echo "fazhi-draw / scan: $(ratio "$secs" "$scan_secs") (target <= 1.5)"
measure "fazhi-draw --verify" "$bin/fazhi-draw" --verify "$d/draw.yaml" \
	"$d/plan.yaml" "$d/entities-1m.yaml" "$d/inspectors.yaml"
measure "fazhi-draw, 500k entities" "$bin/fazhi-draw" -o "$d/draw-500k.yaml" \
	"$d/plan.yaml" "$d/entities-500k.yaml" "$d/inspectors.yaml"
echo "(bounded: at most 40 MB and 16 bytes per entity; compare the 500k and 1M peaks)"
measure "fazhi-draw, one thread" env FAZHI_THREADS=1 "$bin/fazhi-draw" \
	-o "$d/draw-1.yaml" "$d/plan.yaml" "$d/entities-1m.yaml" "$d/inspectors.yaml"
cmp "$d/draw.yaml" "$d/draw-1.yaml" >/dev/null || echo "one thread: a different draw"
