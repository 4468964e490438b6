#!/bin/sh
# fuzz/seeds.sh SRCDIR BUILDDIR OUT - the first inputs of each harness,
# made from the test data in the byte layout the harness reads (see the
# head of each fuzz/fuzz-NAME.c).  Inputs over 64 KiB are left out:
# small inputs mutate faster.
set -eu
src=$1 build=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
for h in stream tally draw check mustache import workbook render metrics; do
	mkdir -p "$out/$h"
done

# seed HARNESS NAME PREFIX FILE...: PREFIX (printf format) then the files.
seed() {
	h=$1 name=$2 prefix=$3
	shift 3
	{ printf "$prefix"; cat "$@"; } >"$out/$h/$name"
	[ "$(wc -c <"$out/$h/$name")" -le 65536 ] || rm -f "$out/$h/$name"
}

yaml=$(cd "$src" && find tests/data examples -name '*.yaml' | sort)
outs=$(cd "$src" && grep -l '^kind:' tests/cli/*/*/out | sort)
i=0
for f in $yaml $outs; do
	i=$((i + 1))
	seed stream "$i" '\001' "$src/$f"
	seed stream "$i-keep" '\003' "$src/$f"
	seed check "$i" '\000' "$src/$f"
done
seed check all-faulty '\007' "$src"/examples/faulty/*.yaml
seed check all-defects '\003' "$src"/tests/data/check/defects/*.yaml

# tally: a byte of options (see fuzz-tally.c), then records or tallies.
i=0
for f in "$src"/tests/data/tally/*.yaml; do
	i=$((i + 1))
	seed tally "$i" '\001' "$f"
	seed tally "$i-by" '\022' "$f"
done
seed tally all '\033' "$src"/tests/data/tally/march.yaml \
    "$src"/tests/data/tally/cases.yaml
if [ -x "$build/fazhi-tally" ]; then
	for by in month town,quarter day; do
		"$build/fazhi-tally" --mergeable --by "$by" \
		    "$src"/tests/data/tally/march.yaml \
		    "$src"/tests/data/tally/cases.yaml >"$out/tally.tmp"
		seed tally "merge-$by" '\010' "$out/tally.tmp"
	done
	rm -f "$out/tally.tmp"
fi

# metrics: a byte of options, then matters, applications, a calendar.
m=$src/tests/data/metrics
for o in 0 1 2 4 7; do
	{ printf "\\00$o"; cat "$m/calendar.yaml"; echo ---; cat "$m/matters.yaml";
	    echo ---; cat "$m/applications.yaml"; } >"$out/metrics/$o"
done

# draw: a plan, its entities and inspectors in one input.
d=$src/tests/data/draw
for p in plan plan-joint plan-unfilled; do
	{ cat "$d/$p.yaml"; echo ---; cat "$d/entities.yaml"; echo ---;
	    cat "$d/inspectors.yaml"; } >"$out/draw/$p"
done

# mustache: template NUL partial NUL partial NUL data.
i=0
data=$src/tests/cli/tally/by-month/out
for t in $(cd "$src" && find templates -name '*.mustache' | sort); do
	i=$((i + 1))
	{ cat "$src/$t"; printf '\000{{x}}<{{&y}}>\000{{>a}}\000'; cat "$data"; } \
	    >"$out/mustache/$i"
done
printf '{{#records}}{{date}} {{>a}}{{/records}}\000{{entity}}\000\000' >"$out/mustache/records"
cat "$src/tests/data/tally/march.yaml" >>"$out/mustache/records"

# import: a byte of kind and encoding, a byte of chunk size, the CSV.
for k in entities inspectors inspections cases matters applications; do
	case $k in
	entities) b=0 ;; inspectors) b=1 ;; inspections) b=2 ;;
	cases) b=3 ;; matters) b=4 ;; applications) b=5 ;;
	esac
	[ -f "$src/tests/data/import/$k.csv" ] || continue
	seed import "$k" "\\00$b\\177" "$src/tests/data/import/$k.csv"
	seed import "$k-gb" "\\$(printf '%03o' $((b + 6)))\\007" \
	    "$src/tests/data/import/$k.csv"
done
seed import shop '\000\177' "$src/tests/data/import/shop-export.csv"
seed import bad-cases '\003\177' "$src/tests/data/import/bad-cases.csv"

# workbook: a byte of kind, a byte of sheet and header row, the xlsx.
seed workbook xlsx '\000\000' "$src/tests/data/import/名录库.xlsx"
seed workbook xlsx-sheet2 '\000\002' "$src/tests/data/import/名录库.xlsx"
seed workbook xlsx-header '\000\101' "$src/tests/data/import/名录库.xlsx"

# render: a byte of template and format, then documents.
i=0
for f in $outs; do
	i=$((i + 1))
	seed render "$i" "\\$(printf '%03o' $((i % 64)))" "$src/$f"
done
