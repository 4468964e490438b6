#!/bin/sh
# The draw notice verifies itself in WebKit, the engine of Safari: what
# tests/cli/browser.sh shows in Chromium, shown in WebKitGTK (Debian's
# webkit2gtk-driver, whose WebKitWebDriver starts WebKitGTK's
# MiniBrowser), driven by tests/cli/webdriver through classic W3C
# WebDriver over HTTP.  The notice rendered from the example's draws is
# opened from file://, given the example's plan, directory and roster in
# its file inputs (Element Send Keys of their paths), and must say every
# selection verified; a roster with one inspector changed, a directory
# with one entity removed, a changed seed, must each be reported and not
# verified; a file outside the YAML fazhi writes is named with its line;
# an SM3 draw sends the reader to fazhi-draw --verify; a draw by credit
# class is verified with its credit file, and a changed class reported;
# expired certificates are applied; the YAML subset and the vectors of
# DRAW.md run through the page's own functions; the verifier fits a
# phone's 390 px.
#
# WebKitGTK cannot draw without a display (MiniBrowser has no headless
# mode: without one it stops at "cannot open display"), so webdriver
# runs it on a virtual display, Xvfb (Debian's xvfb), started for each
# run at a free display number and killed with WebKitWebDriver and the
# browser at every way out; the browser's HOME is under this suite's
# folder, removed at its exit.  Without WebKitWebDriver or Xvfb the
# suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v WebKitWebDriver >/dev/null 2>&1; then
	echo "SKIP: WebKitWebDriver is not installed (Debian package webkit2gtk-driver; ./bootstrap and .ci/run install it)"
	exit 77
fi
if ! command -v Xvfb >/dev/null 2>&1; then
	echo "SKIP: Xvfb, the display WebKitGTK needs, is not installed (Debian package xvfb; ./bootstrap and .ci/run install it)"
	exit 77
fi
. "$top_srcdir/tests/cli/browser-lib.sh"
DRIVER=$top_builddir/tests/cli/webdriver

# The checks of tests/cli/browser-lib.sh.  The phone's width: the
# window is set so that its page is 390 px wide, or, as MiniBrowser's
# window is never narrower than its toolbar, the page is opened in a
# frame of 390 px (tests/cli/webdriver.c).
check_all

# The browser, its driver and the display gone, their HOME removed.
ls "$T" | grep -q '^webdriver-home-' && bad "a HOME of WebKit was left: $(ls "$T" | grep '^webdriver-home-')"
[ $fail = 0 ] && echo "PASS: browser-webkit"
exit $fail
