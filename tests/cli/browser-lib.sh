# What the browser suites share (tests/cli/browser.sh in Chromium,
# tests/cli/browser-firefox.sh in Firefox): the page's result read the
# same way, and the same verdicts asked of it.  Sourced once the suite
# knows its browser is there: T, its temporary folder (removed at exit,
# and TMPDIR for the drivers), E the example, the programs built on
# PATH.  The suite names its driver (tests/cli/cdp, tests/cli/bidi) in
# DRIVER.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
E=$top_srcdir/examples/haishu-2019
PATH=$top_builddir:$PATH
TMPDIR=$T
export LC_ALL=C.UTF-8 TMPDIR
fail=0

bad() {
	echo "FAIL: $*"
	fail=1
}

# verify NAME PAGE PLAN ENTITIES INSPECTORS [CREDIT]: the page's result
# in $T/NAME.
verify() {
	"$DRIVER" -f "#fz-file-plan=$3" -f "#fz-file-entities=$4" -f "#fz-file-inspectors=$5" \
	    ${6:+-f "#fz-file-credit=$6"} "file://$2" "$RESULT" >"$T/$1" 2>"$T/$1.err" ||
	    bad "$1: ${DRIVER##*/} failed: $(cat "$T/$1.err")"
}

# The result of a check: the status, then each line (+ or -, its text).
RESULT='fzVerify.run().then(function (r) { return [r.status + (r.message ? " " + r.message : "")].concat(r.lines.map(function (l) { return (l.ok ? "+ " : "- ") + l.text; })).join("\n") + "\n" + document.getElementById("fz-verdict").textContent; })'

# all_verified NAME:COUNT...: each check verified, digests first, its
# COUNT selections each verified.
all_verified() {
	for c in "$@"; do
		n=${c%:*} want=${c#*:}
		[ "$(head -1 "$T/$n")" = verified ] || bad "$n: not verified: $(head -3 "$T/$n")"
		grep -q '^- ' "$T/$n" && bad "$n: a line differs: $(grep '^- ' "$T/$n" | head -1)"
		[ "$(grep -c '^+ 第[0-9]*家 .*一致$' "$T/$n")" = "$want" ] ||
		    bad "$n: not every one of $want selections verified"
		sed -n 2p "$T/$n" | grep -q '^+ 抽查计划文件摘要一致：[0-9a-f]\{64\}$' ||
		    bad "$n: the plan's digest is not the first line"
		tail -1 "$T/$n" | grep -q '^核验通过' || bad "$n: the page does not say 核验通过"
	done
}

# not_verified NAME WHAT...: the check differs, and says each WHAT.
not_verified() {
	n=$1
	shift
	[ "$(head -1 "$T/$n")" = differs ] || bad "$n: $(head -1 "$T/$n"), not differs"
	tail -1 "$T/$n" | grep -q '^核验未通过' || bad "$n: the verdict is not 核验未通过"
	grep -q 核验通过 "$T/$n" && bad "$n: says 核验通过"
	for w in "$@"; do
		grep -q -- "$w" "$T/$n" || bad "$n: does not say '$w'"
	done
}

# The vectors of DRAW.md through the page's functions
# (tests/cli/browser-vectors.js), as they must come out.
vectors_want() {
	cat <<'WANT'
0.56998071861792858926477341561059638840106636224182943832566300809078486324348
0.26299714122838008416507544297546663599715395525154425586041245287750224561854
B-2 B-3 A-3 A-2
网吧·A 10 3; 网吧·B 2 2; 其他 1 1
WANT
}

# The widest of the page and of the verifier's elements, in px.
WIDEST='String(Math.max(document.documentElement.scrollWidth, ...Array.from(document.querySelectorAll("#fz-verify, #fz-verify *")).map(function (e) { return Math.ceil(e.getBoundingClientRect().right); })))'
