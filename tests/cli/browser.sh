#!/bin/sh
# The draw notice verifies itself in a real browser: headless Chromium,
# driven over --remote-debugging-pipe by tests/cli/cdp, opens the notice
# rendered from the example's draws from file://, is given the example's
# plan, directory and roster in its file inputs, and must say every
# selection verified; a roster with one inspector changed, a directory
# with one entity removed, a changed seed, must each be reported and not
# verified; a file outside the YAML fazhi writes is named with its line;
# an SM3 draw sends the reader to fazhi-draw --verify; the YAML subset
# is read as meant, and what is outside it named with its line; a draw
# by credit class (rules 1.1) is verified with its credit file, and a
# changed class reported; expired certificates are applied.  The vectors of
# DRAW.md run through the page's own functions.  The verifier fits a
# phone's width and is not printed.  Without Chromium the suite is
# skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v chromium >/dev/null 2>&1; then
	echo "SKIP: chromium is not installed (Debian package chromium; ./bootstrap and .ci/run install it)"
	exit 77
fi
. "$top_srcdir/tests/cli/browser-lib.sh"
CDP=$top_builddir/tests/cli/cdp
DRIVER=$CDP

fazhi-render -o "$T/h2.html" "$E/draw-2019-h2.yaml" "$E/organization.yaml"
fazhi-render -o "$T/joint.html" "$E/draw-2019-joint.yaml" "$E/organization.yaml"
fazhi-render -t draw-verify -o "$T/h2-verify.html" "$E/draw-2019-h2.yaml"
fazhi-render -o "$T/credit.html" "$E/draw-2019-credit.yaml" "$E/organization.yaml"

# The example's draws, verified: digests first, every selection.
verify h2 "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
verify joint "$T/joint.html" "$E/plan-2019-joint.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
verify page "$T/h2-verify.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
all_verified h2:15 joint:3 page:15

# A roster with one inspector changed: 励雷, on the first team, gone
# under another id.
sed 's/"33020019009"/"33020019099"/' "$E/inspectors.yaml" >"$T/inspectors.yaml"
verify roster "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$T/inspectors.yaml"
not_verified roster '^- 执法检查人员名录库文件摘要不一致' '^- 第1家：检查组公示为 励雷（33020019009）'
# A directory with the first selected entity removed.
awk '/^  - id: 91330203695304675W$/ { skip = 1; next } skip && /^  - / { skip = 0 } !skip' \
    "$E/entities.yaml" >"$T/entities.yaml"
verify directory "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/entities.yaml" "$E/inspectors.yaml"
not_verified directory '^- 检查对象名录库文件摘要不一致' '^- 检查对象名录库记录数不一致：公示 518 条，所选文件 517 条' \
    '^- 分层不一致：公示为“网吧-一般风险”对象56家' '^- 第1家：公示为 宁波乐游网络科技有限公司（91330203695304675W）'
# A directory with the name of a selected entity changed: the tickets
# and teams hold, the name shown does not.
sed 's/^    name: 宁波乐游网络科技有限公司$/    name: 宁波乐游网络有限公司/' "$E/entities.yaml" >"$T/renamed.yaml"
verify renamed "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/renamed.yaml" "$E/inspectors.yaml"
not_verified renamed '^- 检查对象名录库文件摘要不一致' '^- 第1家：名称公示为“宁波乐游网络科技有限公司”，名录库为“宁波乐游网络有限公司”$'
[ "$(grep -c '^- ' "$T/renamed")" = 2 ] || bad "renamed: not two differences: $(grep '^- ' "$T/renamed")"
# A plan with its seed changed: another draw altogether.
sed 's/^seed: "07319954280163572946"/seed: "07319954280163572947"/' "$E/plan-2019-h2.yaml" >"$T/plan.yaml"
verify seed "$T/h2.html" "$T/plan.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
not_verified seed '^- 抽查计划文件摘要不一致' '^- 随机种子不一致：公示为 07319954280163572946，抽查计划为 07319954280163572947' '^- 第1家：'
# A notice whose seed was changed, checked with the files of the draw.
sed 's/^seed: "07319954280163572946"/seed: "07319954280163572940"/' "$E/draw-2019-h2.yaml" >"$T/draw.yaml"
fazhi-render -o "$T/seed.html" "$T/draw.yaml"
verify notice-seed "$T/seed.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
not_verified notice-seed '^- 随机种子不一致：公示为 07319954280163572940'

# Outside the YAML fazhi writes: an anchor, named with its line; a
# directory given as the plan.
sed '12s/risk: low/risk: \&r low/' "$E/entities.yaml" >"$T/anchor.yaml"
verify anchor "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/anchor.yaml" "$E/inspectors.yaml"
grep -q "^error anchor.yaml:12: '&' (an anchor, alias, tag or block scalar): not in the YAML fazhi writes$" "$T/anchor" ||
    bad "anchor: $(head -1 "$T/anchor")"
tail -1 "$T/anchor" | grep -q '^未能核验：anchor.yaml:12:' || bad "anchor: the verdict does not name the line"
verify swapped "$T/h2.html" "$E/entities.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
grep -q '^error entities.yaml:4: not a plan (kind: plan)$' "$T/swapped" || bad "swapped: $(head -1 "$T/swapped")"

# An SM3 draw: the page cannot recompute it, and says what can.
D=$top_srcdir/tests/data/draw
fazhi-draw --hash sm3 -o "$T/sm3.yaml" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml" 2>/dev/null
fazhi-render -o "$T/sm3.html" "$T/sm3.yaml"
verify sm3 "$T/sm3.html" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
[ "$(head -1 "$T/sm3")" = unsupported ] && grep -q 'fazhi-draw --verify' "$T/sm3" ||
    bad "sm3: $(head -2 "$T/sm3")"

# The test data's draws: departments, team.department (rules 1.1) and
# unfilled entities.
for p in plan plan-joint plan-unfilled plan-department; do
	fazhi-draw -o "$T/$p.yaml" "$D/$p.yaml" "$D/entities.yaml" "$D/inspectors.yaml" 2>/dev/null
	fazhi-render -o "$T/$p.html" "$T/$p.yaml"
	verify "$p" "$T/$p.html" "$D/$p.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
	[ "$(head -1 "$T/$p")" = verified ] || bad "$p: $(grep -m1 '^- \|^error' "$T/$p")"
done
grep -q '^+ 未能组成检查组的对象一致：' "$T/plan-unfilled" || bad "plan-unfilled: no line of the unfilled"

# Rules 1.1 in full: the example's draw by credit class, verified with
# its credit file; that file with one entity's class changed (a C 网吧
# made A) is reported; expired certificates (tests/cli/draw's
# expired-certificates) keep their holders off the teams, as fazhi-draw
# does.
"$CDP" -f "#fz-file-plan=$E/plan-2019-credit.yaml" -f "#fz-file-entities=$E/entities.yaml" \
    -f "#fz-file-inspectors=$E/inspectors.yaml" -f "#fz-file-credit=$E/credit.yaml" \
    "file://$T/credit.html" "$RESULT" >"$T/credit" 2>"$T/credit.err" || bad "credit: cdp failed: $(cat "$T/credit.err")"
[ "$(head -1 "$T/credit")" = verified ] || bad "credit: $(grep -m1 '^- \|^error' "$T/credit")"
grep -q '^+ 信用分类文件摘要一致：' "$T/credit" || bad "credit: the credit file's digest is not checked"
grep -q '^+ 分层“网吧·C”：对象18家，抽取4家，一致$' "$T/credit" || bad "credit: the expanded strata are not checked"
sed 's/^\(  - {entity: "92330203MA2A3RT98H", class: \)C/\1A/' "$E/credit.yaml" >"$T/credit.yaml"
cmp -s "$T/credit.yaml" "$E/credit.yaml" && bad "credit-changed: the class was not changed"
"$CDP" -f "#fz-file-plan=$E/plan-2019-credit.yaml" -f "#fz-file-entities=$E/entities.yaml" \
    -f "#fz-file-inspectors=$E/inspectors.yaml" -f "#fz-file-credit=$T/credit.yaml" \
    "file://$T/credit.html" "$RESULT" >"$T/credit-changed" 2>&1 || bad "credit-changed: cdp failed"
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

# The vectors of DRAW.md, through the page's functions; and credit_ratios
# (rules 1.1) expanded, 0.3 of 10 taken as 3.
"$CDP" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-vectors.js")" >"$T/vectors" 2>&1 ||
    bad "vectors: $(cat "$T/vectors")"
vectors_want >"$T/vectors.want"
cmp -s "$T/vectors" "$T/vectors.want" || bad "vectors: $(diff "$T/vectors.want" "$T/vectors")"

# The YAML subset, in the browser: what fazhi writes read as meant, the
# rest (anchors, tags, block scalars, values on two lines ...) named
# with its line (tests/cli/browser-yaml.want).
"$CDP" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-yaml.js")" >"$T/yaml" 2>&1 ||
    bad "yaml: $(cat "$T/yaml")"
cmp -s "$T/yaml" "$top_srcdir/tests/cli/browser-yaml.want" ||
    bad "yaml: $(diff "$top_srcdir/tests/cli/browser-yaml.want" "$T/yaml")"

# A phone's width: nothing wider than the screen.  Printed: the notice
# without its verifier.
w=$("$CDP" -w 390 -h 800 "file://$T/h2.html" "$WIDEST")
[ "$w" -le 390 ] || bad "phone: the page is $w px wide on a 390 px screen"
if command -v pdftotext >/dev/null 2>&1; then
	"$CDP" -p "$T/h2.pdf" "file://$T/h2.html" || bad "print: cdp failed"
	pdftotext "$T/h2.pdf" "$T/h2.txt"
	grep -q '抽查名单' "$T/h2.txt" || bad "print: the notice is not printed"
	grep -q '在线核验\|抽查计划文件摘要' "$T/h2.txt" && bad "print: the verifier is printed"
fi
[ $fail = 0 ] && echo "PASS: browser"
exit $fail
