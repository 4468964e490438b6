#!/bin/sh
# check-layout.sh - the house rules of lib/, checked on the sources and
# on the objects (make check-layout; make check runs it too).
#
#   check-layout.sh SRCDIR [OBJECT...]
#
# 1. A folder of lib/ includes only its own headers and the public
#    header (G/G.h) of a folder its row below names; nothing outside
#    lib/G includes G's internal header G_int.h.
# 2. A file of lib/ calls only into its own folder and the folders its
#    row names (read from the objects' symbols with nm), and no files
#    call each other in a circle.
# 3. Names: what lib/G exports is fz_G_... for a domain folder (tally,
#    draw ...), fz_... for core and io; fz_G__... is internal to lib/G:
#    defined there and used nowhere else.
#
# Exit status 0 when every rule holds, 1 otherwise, with one line per
# breach naming the file.
set -u

# The folders and which each may use (DESIGN.md, "Layout").
RULES='
core:
io: core
tally: core io cases
metrics: core io
draw: core io
results: core io draw
check: core io cases draw
cases: core io
import: core io check
table: core io
render: core io table
'
DOMAINS='tally metrics draw results check cases import table render'

srcdir=${1:?usage: check-layout.sh SRCDIR [OBJECT...]}
shift
[ -d "$srcdir/lib" ] || { echo "check-layout.sh: $srcdir/lib: no such folder" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' "$RULES" | sed '/^$/d' > "$tmp/rules"

# ---------------------------------------------------------- 1. includes
(cd "$srcdir" && {
	find lib -name '*.[ch]' | sort | while read -r f; do
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		    sed "s|^|$f:|"
	done
	for d in cmd tests fuzz bench; do
		[ -d "$d" ] || continue
		find "$d" -name '*.[ch]' | sort | while read -r f; do
			grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' \
			    "$f" | sed "s|^|$f:|"
		done
	done
}) | sed 's|^\([^:]*\):\([0-9]*\):.*"\([^"]*\)".*|\1 \2 \3|' > "$tmp/includes"

awk -v rules="$tmp/rules" -v src="$srcdir" '
BEGIN {
	while ((getline l < rules) > 0) {
		split(l, p, ":"); f = p[1]; known[f] = 1
		n = split(p[2], u, " ")
		for (i = 1; i <= n; i++) may[f, u[i]] = 1
	}
}
{
	file = $1; line = $2; inc = $3; bad = ""
	if (inc == "config.h") next
	if (file ~ /^lib\/[a-z]+\//) {
		split(file, q, "/"); f = q[2]
		if (!(f in known)) { print file ": lib/" f "/ is no folder of the layout"; fails++; next }
		if (inc ~ /^[a-z_]+\.h$/) {
			if (inc ~ /_int\.h$/ && inc != f "_int.h")
				bad = "an internal header not of lib/" f "/"
			else if (file == "lib/" f "/" f ".h" && inc == f "_int.h")
				bad = "the internal header from the public one"
			else if (system("test -f \"" src "/lib/" f "/" inc "\"") != 0)
				bad = "a header not in lib/" f "/"
		} else if (inc ~ /^[a-z]+\/[a-z]+\.h$/) {
			split(inc, r, "/"); g = r[1]
			if (r[2] != g ".h") bad = "a header other than the public " g "/" g ".h"
			else if (g != f && !((f, g) in may))
				bad = "lib/" f "/ may not use lib/" g "/"
		} else
			bad = "an unknown header"
	} else if (file ~ /^lib\//) {
		if (inc !~ /^[a-z]+\/[a-z]+\.h$/) bad = "not a folder header"
	} else if (inc ~ /_int\.h$/ && inc !~ /^(core_fixture|tally_fixture|tables_fixture)/)
		bad = "an internal header of lib/"
	if (bad != "") {
		print file ":" line ": includes \"" inc "\": " bad
		fails++
	}
}
END { exit fails > 0 }' "$tmp/includes" > "$tmp/out.includes"
status=$?
cat "$tmp/out.includes"

# ---------------------------------------------------------- 2. calls, 3. names
if [ $# -gt 0 ]; then
	for o in "$@"; do
		case $o in *lib/*/*.o | *cmd/*.o) ;; *) continue ;; esac
		# Names the compiler makes (__odr_asan.x, __asan_...) are not
		# the project's.
		nm -g "$o" 2>/dev/null | awk -v o="$o" '
		    NF == 3 && $2 ~ /^[TDBRCGSV]$/ && $3 !~ /^__/ { print "D", o, $3 }
		    NF == 2 && $1 == "U" && $2 !~ /^__/ { print "U", o, $2 }'
	done > "$tmp/symbols"
	awk -v rules="$tmp/rules" -v domains="$DOMAINS" -v edges="$tmp/edges" '
	# The folder of an object: lib/F/x.o is F, cmd/x.o is cmd.
	function folder(o,   n, q) {
		n = split(o, q, "/")
		if (n >= 2 && q[n - 1] == "cmd") return "cmd"
		return n >= 3 && q[n - 2] == "lib" ? q[n - 1] : "?"
	}
	BEGIN {
		while ((getline l < rules) > 0) {
			split(l, p, ":"); f = p[1]
			n = split(p[2], u, " ")
			for (i = 1; i <= n; i++) may[f, u[i]] = 1
		}
		n = split(domains, d, " ")
		for (i = 1; i <= n; i++) domain[d[i]] = 1
	}
	$1 == "D" { def[$3] = $2; defs[NR] = $2 " " $3; next }
	{ use[NR] = $2 " " $3 }
	END {
		for (i in defs) {
			split(defs[i], p, " "); o = p[1]; s = p[2]; f = folder(o)
			if (f == "cmd") continue
			if (s ~ /^fz_[a-z]+__/) {
				g = s; sub(/^fz_/, "", g); sub(/__.*/, "", g)
				if (g != f) { print o ": defines " s ", a name internal to lib/" g "/"; fails++ }
			} else if (f in domain) {
				if (index(s, "fz_" f "_") != 1) {
					print o ": exports " s ": lib/" f "/ names its own fz_" f "_..."
					fails++
				}
			} else if (s !~ /^fz_/) {
				print o ": exports " s ", a name without fz_"; fails++
			} else {
				g = s; sub(/^fz_/, "", g); sub(/_.*/, "", g)
				if (g in domain) { print o ": exports " s ", a name of lib/" g "/"; fails++ }
			}
		}
		for (i in use) {
			split(use[i], p, " "); o = p[1]; s = p[2]
			if (!(s in def)) continue
			t = def[s]; f = folder(o); g = folder(t)
			if (s ~ /^fz_[a-z]+__/ && f != g) {
				print o ": uses " s ", internal to lib/" g "/"; fails++
			}
			if (f == "cmd" || t == o) continue
			if (f != g && !((f, g) in may)) {
				print o ": calls " s " of " t ": lib/" f "/ may not use lib/" g "/"
				fails++
			}
			print o, t > edges
		}
		exit fails > 0
	}' "$tmp/symbols" | sort > "$tmp/out.calls"
	cat "$tmp/out.calls"
	[ -s "$tmp/out.calls" ] && status=1
	if [ -s "$tmp/edges" ]; then
		sort -u "$tmp/edges" > "$tmp/edges.u"
		if ! tsort "$tmp/edges.u" > /dev/null 2> "$tmp/loops"; then
			sed -n 's/^tsort: \(.*\.o\)$/\1/p' "$tmp/loops" |
			    sort -u | sed 's/$/: calls files that call it back (a circle)/'
			status=1
		fi
	fi
fi
exit $status
