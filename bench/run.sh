#!/bin/sh
# bench/run.sh: the speed and memory benchmarks of `make bench`.  Each
# program is timed against a bare libyaml event scan of the same input
# (bench/yaml-scan), the floor for any libyaml reader; wall seconds and
# peak resident memory come from /usr/bin/time.  Data is generated once
# into bench/out/.
set -e
bin=${top_builddir:-.}
out=$bin/bench/out
mkdir -p "$out"

# Each command runs $runs times (FAZHI_BENCH_RUNS, default 3): the fastest
# wall time is kept, the least noisy figure on a shared machine, with its
# CPU seconds (user + system: above the wall time when a program uses
# more than one processor) and the largest peak memory of the runs.
runs=${FAZHI_BENCH_RUNS:-3}

measure() {	# measure NAME COMMAND...: prints seconds and peak KB, sets $secs
	name=$1
	shift
	secs= cpu= kb=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f "%e %U %S %M" -o "$out/.time" "$@" >/dev/null
		read -r s u y k <"$out/.time"
		if [ -z "$secs" ] || awk -v a="$s" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
			secs=$s
			cpu=$(awk -v u="$u" -v y="$y" 'BEGIN { printf "%.2f", u + y }')
		fi
		[ "$k" -gt "$kb" ] && kb=$k
		i=$((i + 1))
	done
	printf '%-28s %8s s %8s s cpu %10s KB\n' "$name" "$secs" "$cpu" "$kb"
}

ratio() {	# ratio A B: A/B to two decimals
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

echo "best of $runs runs: wall seconds, CPU seconds, peak memory"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc 2>/dev/null) processors"
echo "== fazhi-tally: 1,000,000 inspection records"
f=$out/inspections-1m.yaml
[ -s "$f" ] || "$bin/bench/gen-inspections" 1000000 >"$f"
ls -l "$f" | awk '{ printf "input: %.0f MB\n", $5 / 1e6 }'
measure "yaml-scan (floor)" "$bin/bench/yaml-scan" "$f"
scan_secs=$secs
measure "fazhi-tally --by month" "$bin/fazhi-tally" --by month "$f"
echo "fazhi-tally --by month / scan: $(ratio "$secs" "$scan_secs") (target <= 0.65)"
# In two parts at once, as from three processors (on two, as many
# threads as processors, for comparison).
measure "fazhi-tally, FAZHI_THREADS=3" env FAZHI_THREADS=3 "$bin/fazhi-tally" --by month "$f"
echo "fazhi-tally in two parts / scan: $(ratio "$secs" "$scan_secs")"
measure "fazhi-tally, FAZHI_THREADS=1" env FAZHI_THREADS=1 "$bin/fazhi-tally" --by month "$f"
echo "fazhi-tally on one thread / scan: $(ratio "$secs" "$scan_secs") (target <= 1.25)"
half=$out/inspections-500k.yaml
[ -s "$half" ] || "$bin/bench/gen-inspections" 500000 >"$half"
measure "fazhi-tally, 500k records" "$bin/fazhi-tally" --by month "$half"
echo "(memory is flat in the number of records when 500k and 1M peak alike;"
echo " it grows with distinct entities and outings)"

echo "== fazhi-metrics: 1,000,000 applications against 5,000 matters"
mf=$out/matters-5k.yaml
af=$out/applications-1m.yaml
[ -s "$af" ] || "$bin/bench/gen-metrics" 5000 1000000 "$mf" "$af"
ls -l "$mf" "$af" | awk '{ s += $5 } END { printf "input: %.0f MB\n", s / 1e6 }'
measure "yaml-scan (floor)" "$bin/bench/yaml-scan" "$mf" "$af"
scan_secs=$secs
measure "fazhi-metrics --year 2019" "$bin/fazhi-metrics" --year 2019 "$mf" "$af"
echo "fazhi-metrics --year 2019 / scan: $(ratio "$secs" "$scan_secs") (target <= 0.65, in two parts at once)"
measure "fazhi-metrics, FAZHI_THREADS=1" env FAZHI_THREADS=1 "$bin/fazhi-metrics" --year 2019 "$mf" "$af"
echo "fazhi-metrics on one thread / scan: $(ratio "$secs" "$scan_secs") (target <= 1.25)"
tf=$out/applications-100k.yaml
[ -s "$tf" ] || "$bin/bench/gen-metrics" 5000 100000 "$mf" "$tf"
measure "fazhi-metrics, 100k" "$bin/fazhi-metrics" --year 2019 "$mf" "$tf"
echo "(memory is flat in the number of applications when 100k and 1M peak alike;"
echo " it grows with the matters)"
. "$(dirname "$0")/draw.sh"
. "$(dirname "$0")/render.sh"
. "$(dirname "$0")/plot.sh"
