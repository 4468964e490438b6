# What the browser suites share (tests/cli/browser.sh in Chromium,
# tests/cli/browser-firefox.sh in Firefox, tests/cli/browser-webkit.sh
# in WebKit): the page's result read the same way, the same verdicts
# asked of it, and the checks each browser must pass (the check_*
# below).  Sourced once the suite knows its browser is there: T, its
# temporary folder (removed at exit, and TMPDIR for the drivers), E the
# example, D the test data's draws, the programs built on PATH.  The
# suite names its driver (tests/cli/cdp, tests/cli/bidi,
# tests/cli/webdriver) in DRIVER.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
E=$top_srcdir/examples/haishu-2019
D=$top_srcdir/tests/data/draw
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

# ---- the checks every browser must pass, each with the files it makes

# The example's draws, verified in the notice and in its page of its
# own: digests first, every selection.
check_example() {
	fazhi-render -o "$T/h2.html" "$E/draw-2019-h2.yaml" "$E/organization.yaml"
	fazhi-render -o "$T/joint.html" "$E/draw-2019-joint.yaml" "$E/organization.yaml"
	fazhi-render -t draw-verify -o "$T/h2-verify.html" "$E/draw-2019-h2.yaml"
	verify h2 "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
	verify joint "$T/joint.html" "$E/plan-2019-joint.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
	verify page "$T/h2-verify.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
	all_verified h2:15 joint:3 page:15
}

# A roster with one inspector changed (励雷, on the first team, under
# another id); a directory with the first selected entity removed; a
# plan with its seed changed: each reported, none verified.  After
# check_example.
check_changed() {
	sed 's/"33020019009"/"33020019099"/' "$E/inspectors.yaml" >"$T/inspectors.yaml"
	verify roster "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$T/inspectors.yaml"
	not_verified roster '^- 执法检查人员名录库文件摘要不一致' '^- 第1家：检查组公示为 励雷（33020019009）'
	awk '/^  - id: 91330203695304675W$/ { skip = 1; next } skip && /^  - / { skip = 0 } !skip' \
	    "$E/entities.yaml" >"$T/entities.yaml"
	verify directory "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/entities.yaml" "$E/inspectors.yaml"
	not_verified directory '^- 检查对象名录库文件摘要不一致' '^- 检查对象名录库记录数不一致：公示 518 条，所选文件 517 条' \
	    '^- 分层不一致：公示为“网吧-一般风险”对象56家' '^- 第1家：公示为 宁波乐游网络科技有限公司（91330203695304675W）'
	sed 's/^seed: "07319954280163572946"/seed: "07319954280163572947"/' "$E/plan-2019-h2.yaml" >"$T/plan.yaml"
	verify seed "$T/h2.html" "$T/plan.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
	not_verified seed '^- 抽查计划文件摘要不一致' '^- 随机种子不一致：公示为 07319954280163572946，抽查计划为 07319954280163572947' '^- 第1家：'
}

# Outside the YAML fazhi writes: an anchor, named with its line.  An SM3
# draw: the page cannot recompute it, and says what can.  After
# check_example.
check_unverifiable() {
	sed '12s/risk: low/risk: \&r low/' "$E/entities.yaml" >"$T/anchor.yaml"
	verify anchor "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/anchor.yaml" "$E/inspectors.yaml"
	grep -q "^error anchor.yaml:12: '&' (an anchor, alias, tag or block scalar): not in the YAML fazhi writes$" "$T/anchor" ||
	    bad "anchor: $(head -1 "$T/anchor")"
	fazhi-draw --hash sm3 -o "$T/sm3.yaml" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml" 2>/dev/null
	fazhi-render -o "$T/sm3.html" "$T/sm3.yaml"
	verify sm3 "$T/sm3.html" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
	[ "$(head -1 "$T/sm3")" = unsupported ] && grep -q 'fazhi-draw --verify' "$T/sm3" ||
	    bad "sm3: $(head -2 "$T/sm3")"
}

# Rules 1.1 in full: the example's draw by credit class, verified with
# its credit file; that file with one entity's class changed (a C 网吧
# made A) is reported; expired certificates (tests/cli/draw's
# expired-certificates) keep their holders off the teams, as fazhi-draw
# does, and the roster without them is reported.
check_rules_1_1() {
	fazhi-render -o "$T/credit.html" "$E/draw-2019-credit.yaml" "$E/organization.yaml"
	verify credit "$T/credit.html" "$E/plan-2019-credit.yaml" "$E/entities.yaml" "$E/inspectors.yaml" "$E/credit.yaml"
	[ "$(head -1 "$T/credit")" = verified ] || bad "credit: $(grep -m1 '^- \|^error' "$T/credit")"
	grep -q '^+ 信用分类文件摘要一致：' "$T/credit" || bad "credit: the credit file's digest is not checked"
	grep -q '^+ 分层“网吧·C”：对象18家，抽取4家，一致$' "$T/credit" || bad "credit: the expanded strata are not checked"
	sed 's/^\(  - {entity: "92330203MA2A3RT98H", class: \)C/\1A/' "$E/credit.yaml" >"$T/credit.yaml"
	cmp -s "$T/credit.yaml" "$E/credit.yaml" && bad "credit-changed: the class was not changed"
	verify credit-changed "$T/credit.html" "$E/plan-2019-credit.yaml" "$E/entities.yaml" "$E/inspectors.yaml" "$T/credit.yaml"
	not_verified credit-changed '^- 信用分类文件摘要不一致' '^- 分层不一致：公示为“网吧·C”对象18家、抽取4家，复算为“网吧·C”对象17家'
	sed -e 's/id: ZJ-0203, name: 张伟,/& cert_no: 浙A0203, cert_expires: 2019-06-30,/' \
	    -e 's/id: ZJ-0202, name: 李敏,/& cert_no: 浙A0202, cert_expires: 2019-07-01,/' \
	    "$D/inspectors.yaml" >"$T/certified.yaml"
	fazhi-draw -o "$T/certified-draw.yaml" "$D/plan.yaml" "$D/entities.yaml" "$T/certified.yaml" 2>/dev/null
	fazhi-render -o "$T/certified.html" "$T/certified-draw.yaml"
	verify certified "$T/certified.html" "$D/plan.yaml" "$D/entities.yaml" "$T/certified.yaml"
	[ "$(head -1 "$T/certified")" = verified ] || bad "certified: $(grep -m1 '^- \|^error' "$T/certified")"
	grep -q 'ZJ-0203' "$T/certified" && bad "certified: the expired 张伟 is on a team"
	verify uncertified "$T/certified.html" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
	not_verified uncertified '^- 执法检查人员名录库文件摘要不一致'
}

# The vectors of DRAW.md (with credit_ratios expanded, 0.3 of 10 taken
# as 3), and the YAML subset (tests/cli/browser-yaml.want), through the
# page's own functions.  After check_example.
check_functions() {
	"$DRIVER" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-vectors.js")" >"$T/vectors" 2>&1 ||
	    bad "vectors: $(cat "$T/vectors")"
	vectors_want >"$T/vectors.want"
	cmp -s "$T/vectors" "$T/vectors.want" || bad "vectors: $(diff "$T/vectors.want" "$T/vectors")"
	"$DRIVER" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-yaml.js")" >"$T/yaml" 2>&1 ||
	    bad "yaml: $(cat "$T/yaml")"
	cmp -s "$T/yaml" "$top_srcdir/tests/cli/browser-yaml.want" ||
	    bad "yaml: $(diff "$top_srcdir/tests/cli/browser-yaml.want" "$T/yaml")"
}

# A phone's width: a page of 390 px, and nothing in it wider.  After
# check_example.
check_phone() {
	w=$("$DRIVER" -w 390 -h 800 "file://$T/h2.html" "$WIDEST") || bad "phone: ${DRIVER##*/} failed"
	[ "${w:-9999}" -le 390 ] || bad "phone: the page is $w px wide on a 390 px screen"
	w=$("$DRIVER" -w 390 -h 800 "file://$T/h2.html" 'String(innerWidth)') || bad "phone: ${DRIVER##*/} failed"
	[ "$w" = 390 ] || bad "phone: the page is $w px wide, not 390"
}

# All of the above, in a browser that has no checks of its own.
check_all() {
	check_example
	check_changed
	check_unverifiable
	check_rules_1_1
	check_functions
	check_phone
}
