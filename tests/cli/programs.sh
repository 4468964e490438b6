# What the hardening cases (tests/cli/faults, determinism, security)
# share: every program with a good run of it.  A case's cmd sources this
# file from the source tree: . tests/cli/programs.sh

PROGRAMS="fazhi-tally fazhi-metrics fazhi-draw fazhi-check fazhi-import fazhi-render fazhi-results"
D=tests/data

# The options and the input files of a good run of program $1, over
# files of tests/data.  fazhi-results's draw goes with its options, so
# that a case feeding the input files on standard input feeds it the
# inspections (the draw and they cannot both come from there).
good_opts() {
	case $1 in
	fazhi-tally) echo "--by month" ;;
	fazhi-metrics) echo "--by matter" ;;
	fazhi-draw) ;;
	fazhi-check) echo "--rules --as-of 2019-12-31" ;;
	fazhi-import) echo "--kind entities" ;;
	fazhi-render) echo "-f md" ;;
	fazhi-results) echo "--as-of 2019-07-04 $D/results/draw-one.yaml" ;;
	esac
}
good_files() {
	case $1 in
	fazhi-tally) echo "$D/tally/march.yaml $D/tally/cases.yaml" ;;
	fazhi-metrics) echo "$D/metrics/matters.yaml $D/metrics/applications.yaml" ;;
	fazhi-draw) echo "$D/draw/plan.yaml $D/draw/entities.yaml $D/draw/inspectors.yaml" ;;
	fazhi-check) echo "$D/check/warnings.yaml" ;;
	fazhi-import) echo "$D/import/entities.csv" ;;
	fazhi-render) echo "$D/render/tally-2019.yaml $D/render/metrics-2019.yaml" ;;
	fazhi-results) echo "$D/results/inspections.yaml $D/results/cases.yaml" ;;
	esac
}
good_args() {
	echo "$(good_opts "$1") $(good_files "$1")"
}

# The input files of a good run as one stream for standard input: YAML
# files as documents one after the other.
stdin_data() {
	for f in $(good_files "$1"); do
		cat "$f"
		case $f in *.yaml) printf '\n---\n' ;; esac
	done
}

# Run program $1 with the good arguments and the rest ($2...): "$1
# STATUS" on standard output; its own standard output is dropped.
run_good() {
	p=$1
	shift
	# shellcheck disable=SC2046
	$p $(good_args "$p") "$@" >/dev/null
	echo "$p $?"
}

# Scratch folder names in messages as $T, so that they are the same
# from run to run.
tidy() {
	sed "s|$T|\$T|g"
}

# The files of folder $1, one a line ("(none)" when empty), dot files
# (temporary files of -o) included.
files_in() {
	if [ -z "$(ls -A "$1")" ]; then echo "(none)"; else ls -A "$1"; fi
}

# Inputs whose output is far larger than a pipe holds, in $T: big.yaml
# (inspections of 4000 entities), big-check.yaml (the same, each with
# one inspector: a problem each), big-matters.yaml (3000 matters),
# big-draw.yaml (a plan to draw all of 3000 entities), big.csv,
# big-tally.yaml (the tally of big.yaml by entity), big-drawn.yaml (a
# draw of 3000 entities) and big-random.yaml (an inspection of each by
# its drawn team).
make_big() {
	awk 'BEGIN {
		print "kind: inspections\nversion: 1\nrecords:"
		for (i = 0; i < 4000; i++)
			printf "  - {date: 2019-03-%02d, entity: E%d, inspectors: [P1, P2]}\n", i % 28 + 1, i
	}' >"$T/big.yaml"
	awk 'BEGIN {
		print "kind: matters\nversion: 1\nrecords:"
		for (i = 0; i < 3000; i++)
			printf "  - {code: \"M%04d\", name: 事项%d, level: item, type: licensing}\n", i, i
	}' >"$T/big-matters.yaml"
	awk 'BEGIN {
		print "kind: plan\nversion: 1\ntask: all\nseed: \"73016952841379024651\"\ndate: 2019-07-01"
		print "strata:\n  - {name: all, ratio: 1}\nteam: {size: 2}\n---"
		print "kind: inspectors\nversion: 1\nrecords:"
		for (i = 0; i < 10; i++)
			printf "  - {id: P%d, name: 人%d, department: 文旅}\n", i, i
		print "---\nkind: entities\nversion: 1\nrecords:"
		for (i = 0; i < 3000; i++)
			printf "  - {id: E%d, name: 网吧%d, category: 网吧}\n", i, i
	}' >"$T/big-draw.yaml"
	awk 'BEGIN {
		print "统一社会信用代码,单位名称,行业类别"
		for (i = 0; i < 4000; i++)
			printf "E%d,网吧%d,网吧\n", i, i
	}' >"$T/big.csv"
	awk 'BEGIN {
		print "kind: draw\nversion: 1\ntask: all\nseed: \"73016952841379024651\"\nhash: sha256\ndate: 2019-07-01\nselections:"
		for (i = 0; i < 3000; i++)
			printf "- entity: E%d\n  name: 网吧%d\n  team:\n  - {id: P1, name: 人1, department: 文旅}\n  - {id: P2, name: 人2, department: 文旅}\n", i, i
	}' >"$T/big-drawn.yaml"
	awk 'BEGIN {
		print "kind: inspections\nversion: 1\nrecords:"
		for (i = 0; i < 3000; i++)
			printf "  - {date: 2019-07-%02d, entity: E%d, inspectors: [P2, P1], type: random, task: all}\n", i % 18 + 2, i
	}' >"$T/big-random.yaml"
	sed 's/inspectors: \[P1, P2\]/inspectors: [P1]/' "$T/big.yaml" \
	    >"$T/big-check.yaml"
	fazhi-tally --by entity "$T/big.yaml" >"$T/big-tally.yaml"
}

# The arguments of a run of $1 over the big inputs.
big_args() {
	case $1 in
	fazhi-tally) echo "--by entity $T/big.yaml" ;;
	fazhi-metrics) echo "--by matter $T/big-matters.yaml" ;;
	fazhi-draw) echo "$T/big-draw.yaml" ;;
	fazhi-check) echo "--rules --as-of 2019-12-31 $T/big-check.yaml" ;;
	fazhi-import) echo "--kind entities $T/big.csv" ;;
	fazhi-render) echo "-f md $T/big-tally.yaml" ;;
	fazhi-results) echo "--as-of 2019-07-31 $T/big-drawn.yaml $T/big-random.yaml" ;;
	esac
}

# The exit status of the run of $1 over the big inputs.
big_status() {
	case $1 in fazhi-check) echo 1 ;; *) echo 0 ;; esac
}
