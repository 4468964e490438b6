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

# The example's draws, verified; a roster, a directory, a seed changed,
# each reported (tests/cli/browser-lib.sh).
check_example
check_changed
# A directory with the name of a selected entity changed: the tickets
# and teams hold, the name shown does not.
sed 's/^    name: 宁波乐游网络科技有限公司$/    name: 宁波乐游网络有限公司/' "$E/entities.yaml" >"$T/renamed.yaml"
verify renamed "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/renamed.yaml" "$E/inspectors.yaml"
not_verified renamed '^- 检查对象名录库文件摘要不一致' '^- 第1家：名称公示为“宁波乐游网络科技有限公司”，名录库为“宁波乐游网络有限公司”$'
[ "$(grep -c '^- ' "$T/renamed")" = 2 ] || bad "renamed: not two differences: $(grep '^- ' "$T/renamed")"
# A notice whose seed was changed, checked with the files of the draw.
sed 's/^seed: "07319954280163572946"/seed: "07319954280163572940"/' "$E/draw-2019-h2.yaml" >"$T/draw.yaml"
fazhi-render -o "$T/seed.html" "$T/draw.yaml"
verify notice-seed "$T/seed.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
not_verified notice-seed '^- 随机种子不一致：公示为 07319954280163572940'

# Outside the YAML fazhi writes: an anchor, named with its line, and
# an SM3 draw, sent to fazhi-draw --verify (tests/cli/browser-lib.sh);
# and a directory given as the plan.
check_unverifiable
tail -1 "$T/anchor" | grep -q '^未能核验：anchor.yaml:12:' || bad "anchor: the verdict does not name the line"
verify swapped "$T/h2.html" "$E/entities.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
grep -q '^error entities.yaml:4: not a plan (kind: plan)$' "$T/swapped" || bad "swapped: $(head -1 "$T/swapped")"

# The test data's draws: departments, team.department (rules 1.1) and
# unfilled entities.
for p in plan plan-joint plan-unfilled plan-department; do
	fazhi-draw -o "$T/$p.yaml" "$D/$p.yaml" "$D/entities.yaml" "$D/inspectors.yaml" 2>/dev/null
	fazhi-render -o "$T/$p.html" "$T/$p.yaml"
	verify "$p" "$T/$p.html" "$D/$p.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
	[ "$(head -1 "$T/$p")" = verified ] || bad "$p: $(grep -m1 '^- \|^error' "$T/$p")"
done
grep -q '^+ 未能组成检查组的对象一致：' "$T/plan-unfilled" || bad "plan-unfilled: no line of the unfilled"

# Rules 1.1 in full: credit classes, a changed class, expired
# certificates; the vectors of DRAW.md and the YAML subset through the
# page's functions (tests/cli/browser-lib.sh).
check_rules_1_1
check_functions

# A phone's width: nothing wider than the screen.  Printed: the notice
# without its verifier.
check_phone
if command -v pdftotext >/dev/null 2>&1; then
	"$CDP" -p "$T/h2.pdf" "file://$T/h2.html" || bad "print: cdp failed"
	pdftotext "$T/h2.pdf" "$T/h2.txt"
	grep -q '抽查名单' "$T/h2.txt" || bad "print: the notice is not printed"
	grep -q '在线核验\|抽查计划文件摘要' "$T/h2.txt" && bad "print: the verifier is printed"
fi
[ $fail = 0 ] && echo "PASS: browser"
exit $fail
