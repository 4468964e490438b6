# bench/plot.sh: the scaling part of `make bench`, sourced by run.sh
# (measure, $bin, $out and $runs come from there).  For each size of
# BENCH_SIZES (default 100000 1000000; BENCH_BIG=1 adds 10000000): that
# many inspection records read by the bare scan, fazhi-tally --by month
# and, where installed, Miller counting the same records (as JSON Lines)
# by month; that many entities drawn from by fazhi-draw, against the bare
# scan of its three files.  Writes $out/scale.dat (a line a size),
# $out/scale.md (the table of bench/README.md) and, with gnuplot,
# $out/scale.png: wall time and peak memory against the size, so that
# how each grows can be seen at a glance.

echo "== scaling: wall time and peak memory against input size"
sizes=${BENCH_SIZES:-100000 1000000}
[ "${BENCH_BIG:-}" = 1 ] && sizes="$sizes 10000000"
have_mlr=
command -v mlr >/dev/null 2>&1 && have_mlr=1
# Miller's part of the tally: visits, distinct units and outings a month.
mlr_tally='m = substr($date, 0, 6); @visits[m] += 1;
@units[m][$entity] = 1; @outings[m][$outing] = 1;
end { for (m, v in @visits) { emit1 {"month": m, "visits": v,
"units": length(@units[m]), "outings": length(@outings[m])} } }'

label() {	# label N: 100k, 1m, 10m (the names run.sh gives its files)
	awk -v n="$1" 'BEGIN { if (n % 1000000 == 0) printf "%dm", n / 1000000
	    else if (n % 1000 == 0) printf "%dk", n / 1000; else printf "%d", n }'
}

d=$out/draw
mkdir -p "$d"
[ -s "$d/inspectors.yaml" ] || "$bin/bench/gen-draw" inspectors 2000 >"$d/inspectors.yaml"
[ -s "$d/plan.yaml" ] || "$bin/bench/gen-draw" plan 10000 >"$d/plan.yaml"
dat=$out/scale.dat
# A program is three columns: wall seconds, CPU seconds, peak KB.
echo "# size scan tally mlr draw-scan draw" >"$dat"
for n in $sizes; do
	l=$(label "$n")
	f=$out/inspections-$l.yaml
	[ -s "$f" ] || "$bin/bench/gen-inspections" "$n" >"$f"
	measure "yaml-scan, $l records" "$bin/bench/yaml-scan" "$f"
	row="$n $secs $cpu $kb"
	measure "fazhi-tally --by month, $l" "$bin/fazhi-tally" --by month "$f"
	row="$row $secs $cpu $kb"
	if [ -n "$have_mlr" ]; then
		j=$out/inspections-$l.jsonl
		[ -s "$j" ] || "$bin/bench/gen-inspections" -j "$n" >"$j"
		measure "mlr (JSON Lines), $l" mlr --ijsonl --ojsonl put -q "$mlr_tally" "$j"
		row="$row $secs $cpu $kb"
	else
		row="$row ? ? ?"
	fi
	e=$d/entities-$l.yaml
	[ -s "$e" ] || "$bin/bench/gen-draw" entities "$n" >"$e"
	measure "yaml-scan, $l entities" "$bin/bench/yaml-scan" "$d/plan.yaml" \
	    "$e" "$d/inspectors.yaml"
	row="$row $secs $cpu $kb"
	measure "fazhi-draw, $l entities" "$bin/fazhi-draw" -o "$d/draw-$l.yaml" \
	    "$d/plan.yaml" "$e" "$d/inspectors.yaml"
	echo "$row $secs $cpu $kb" >>"$dat"
done
[ -n "$have_mlr" ] || echo "(Miller is not installed: no mlr line)"

# The table: wall seconds (CPU seconds) and MB (of 2^20 bytes) a
# program, a line a size.
awk 'function c(s, u, k) { return s == "?" ? "–" : sprintf("%s s (%s), %.0f MB", s, u, k / 1024) }
function th(n,    r) { r = ""; while (n >= 1000) { r = sprintf(",%03d", n % 1000) r; n = int(n / 1000) } return n r }
NR == 1 { print "| size | yaml-scan (records) | fazhi-tally --by month | Miller (JSON Lines) | yaml-scan (draw files) | fazhi-draw |"
	print "| ---: | ---: | ---: | ---: | ---: | ---: |"; next }
{ printf "| %s | %s | %s | %s | %s | %s |\n", th($1), c($2, $3, $4),
	c($5, $6, $7), c($8, $9, $10), c($11, $12, $13), c($14, $15, $16) }' \
    "$dat" >"$out/scale.md"
cat "$out/scale.md"

if ! command -v gnuplot >/dev/null 2>&1; then
	echo "(gnuplot is not installed: no plot; ./bootstrap installs gnuplot-nox)"
	return 0
fi
series() {	# series s|kb COL...: the plot's lines, COL a program's first column
	scale=$1
	shift
	sep=
	for c in "$@"; do
		[ "$c" = 8 ] && [ -z "$have_mlr" ] && continue
		case $c in
		2) t='yaml-scan (records)' ;; 5) t='fazhi-tally --by month' ;;
		8) t='Miller (JSON Lines)' ;; 11) t='yaml-scan (draw files)' ;;
		*) t='fazhi-draw' ;;
		esac
		if [ "$scale" = kb ]; then u="1:(\$$((c + 2)) / 1024)"; else u="1:$c"; fi
		printf "%s'%s' using %s with linespoints title '%s'" "$sep" "$dat" "$u" "$t"
		sep=', '
	done
}
gnuplot <<EOF
set terminal pngcairo size 1200,520 font 'sans,10'
set output '$out/scale.png'
set datafile missing '?'
set logscale xy
set format x '%.0s%c'
set grid
set key left top
set xlabel 'inspection records, or entities of the directory'
set multiplot layout 1,2 title 'make bench: best of $runs runs'
set ylabel 'wall seconds'
plot $(series s 2 5 8 11 14)
set ylabel 'peak resident memory (MB)'
plot $(series kb 2 5 8 11 14)
unset multiplot
EOF
echo "plot: $out/scale.png"
