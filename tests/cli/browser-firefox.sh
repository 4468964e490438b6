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
# --verify; a draw by credit class is verified with its credit file, and
# a changed class reported; expired certificates are applied; the YAML
# subset and the vectors of DRAW.md run through the page's own
# functions; the verifier fits a phone's 390 px (the checks of
# tests/cli/browser-lib.sh).
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
DRIVER=$top_builddir/tests/cli/bidi

# The checks of tests/cli/browser-lib.sh; the phone's width set by
# browsingContext.setViewport.
check_all

# Firefox gone, its profiles removed.
ls "$T" | grep -q '^bidi-profile-' && bad "a profile of Firefox was left: $(ls "$T" | grep '^bidi-profile-')"
[ $fail = 0 ] && echo "PASS: browser-firefox"
exit $fail
