#!/bin/sh
# The draw notice verifies itself in Firefox too: what tests/cli/browser.sh
# shows in Chromium, shown in headless Firefox (Debian's firefox-esr),
# driven by tests/cli/bidi through WebDriver BiDi.  The notice rendered
# from the example's draws is opened from file://, given the example's
# plan, directory and roster in its file inputs (input.setFiles), and
# must say every selection verified; a roster with one inspector changed,
# a directory with one entity removed, a changed seed, must each be
# reported and not verified; a file outside the YAML fazhi writes is
# named with its line; an SM3 draw sends the reader to fazhi-draw
# --verify; a draw by credit class is verified with its credit file; the
# YAML subset and the vectors of DRAW.md run through the page's own
# functions; the verifier fits a phone's 390 px.
#
# Firefox headless as root in a container, as Debian's firefox-esr runs
# it: no display and no sandbox option are needed (--headless, and
# MOZ_HEADLESS=1 for what it starts); bidi gives it a profile of its own
# under $TMPDIR (--profile, with --no-remote so that no running Firefox
# is reused) and a HOME inside it, so that nothing is written in root's
# home; MOZ_CRASHREPORTER_DISABLE=1 keeps the crash reporter from
# waiting on a window.  The profile's user.js enables WebDriver BiDi
# alone (remote.active-protocols 1) and turns off the first run, updates,
# telemetry and the experiments Firefox would fetch; Firefox applies its
# own remote.prefs.recommended when the remote agent starts.  The port is
# Firefox's choice (--remote-debugging-port 0), read from the profile's
# WebDriverBiDiServer.json.  bidi gives up after 90 seconds, and kills
# Firefox's process group and removes the profile on every way out; the
# profile is under this suite's folder, removed at its exit too.
# Without Firefox the suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v firefox >/dev/null 2>&1; then
	echo "SKIP: firefox is not installed (Debian package firefox-esr; ./bootstrap and .ci/run install it)"
	exit 77
fi
. "$top_srcdir/tests/cli/browser-lib.sh"
BIDI=$top_builddir/tests/cli/bidi
DRIVER=$BIDI

fazhi-render -o "$T/h2.html" "$E/draw-2019-h2.yaml" "$E/organization.yaml"
fazhi-render -t draw-verify -o "$T/h2-verify.html" "$E/draw-2019-h2.yaml"
fazhi-render -o "$T/credit.html" "$E/draw-2019-credit.yaml" "$E/organization.yaml"

# The example's H2 draw, verified in the notice and in its page of its
# own: digests first, every selection.
verify h2 "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
verify page "$T/h2-verify.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
all_verified h2:15 page:15

# A roster with one inspector changed (励雷, on the first team, under
# another id); a directory with the first selected entity removed; a
# plan with its seed changed.
sed 's/"33020019009"/"33020019099"/' "$E/inspectors.yaml" >"$T/inspectors.yaml"
verify roster "$T/h2.html" "$E/plan-2019-h2.yaml" "$E/entities.yaml" "$T/inspectors.yaml"
not_verified roster '^- 执法检查人员名录库文件摘要不一致' '^- 第1家：检查组公示为 励雷（33020019009）'
awk '/^  - id: 91330203695304675W$/ { skip = 1; next } skip && /^  - / { skip = 0 } !skip' \
    "$E/entities.yaml" >"$T/entities.yaml"
verify directory "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/entities.yaml" "$E/inspectors.yaml"
not_verified directory '^- 检查对象名录库文件摘要不一致' '^- 检查对象名录库记录数不一致：公示 518 条，所选文件 517 条' \
    '^- 第1家：公示为 宁波乐游网络科技有限公司（91330203695304675W）'
sed 's/^seed: "07319954280163572946"/seed: "07319954280163572947"/' "$E/plan-2019-h2.yaml" >"$T/plan.yaml"
verify seed "$T/h2.html" "$T/plan.yaml" "$E/entities.yaml" "$E/inspectors.yaml"
not_verified seed '^- 抽查计划文件摘要不一致' '^- 随机种子不一致：公示为 07319954280163572946，抽查计划为 07319954280163572947' '^- 第1家：'

# Outside the YAML fazhi writes: an anchor, named with its line.
sed '12s/risk: low/risk: \&r low/' "$E/entities.yaml" >"$T/anchor.yaml"
verify anchor "$T/h2.html" "$E/plan-2019-h2.yaml" "$T/anchor.yaml" "$E/inspectors.yaml"
grep -q "^error anchor.yaml:12: '&' (an anchor, alias, tag or block scalar): not in the YAML fazhi writes$" "$T/anchor" ||
    bad "anchor: $(head -1 "$T/anchor")"

# An SM3 draw: the page cannot recompute it, and says what can.
D=$top_srcdir/tests/data/draw
fazhi-draw --hash sm3 -o "$T/sm3.yaml" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml" 2>/dev/null
fazhi-render -o "$T/sm3.html" "$T/sm3.yaml"
verify sm3 "$T/sm3.html" "$D/plan.yaml" "$D/entities.yaml" "$D/inspectors.yaml"
[ "$(head -1 "$T/sm3")" = unsupported ] && grep -q 'fazhi-draw --verify' "$T/sm3" ||
    bad "sm3: $(head -2 "$T/sm3")"

# Rules 1.1: the example's draw by credit class, with its credit file.
verify credit "$T/credit.html" "$E/plan-2019-credit.yaml" "$E/entities.yaml" "$E/inspectors.yaml" "$E/credit.yaml"
[ "$(head -1 "$T/credit")" = verified ] || bad "credit: $(grep -m1 '^- \|^error' "$T/credit")"
grep -q '^+ 分层“网吧·C”：对象18家，抽取4家，一致$' "$T/credit" || bad "credit: the expanded strata are not checked"

# The vectors of DRAW.md, and the YAML subset, through the page's
# functions.
"$BIDI" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-vectors.js")" >"$T/vectors" 2>&1 ||
    bad "vectors: $(cat "$T/vectors")"
vectors_want >"$T/vectors.want"
cmp -s "$T/vectors" "$T/vectors.want" || bad "vectors: $(diff "$T/vectors.want" "$T/vectors")"
"$BIDI" "file://$T/h2.html" "$(cat "$top_srcdir/tests/cli/browser-yaml.js")" >"$T/yaml" 2>&1 ||
    bad "yaml: $(cat "$T/yaml")"
cmp -s "$T/yaml" "$top_srcdir/tests/cli/browser-yaml.want" ||
    bad "yaml: $(diff "$top_srcdir/tests/cli/browser-yaml.want" "$T/yaml")"

# A phone's width (browsingContext.setViewport): nothing wider than the
# screen.
w=$("$BIDI" -w 390 -h 800 "file://$T/h2.html" "$WIDEST") || bad "phone: bidi failed"
[ "${w:-9999}" -le 390 ] || bad "phone: the page is $w px wide on a 390 px screen"

# Firefox gone, its profiles removed.
ls "$T" | grep -q '^bidi-profile-' && bad "a profile of Firefox was left: $(ls "$T" | grep '^bidi-profile-')"
[ $fail = 0 ] && echo "PASS: browser-firefox"
exit $fail
