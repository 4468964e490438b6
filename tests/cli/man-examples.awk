# The commands of the EXAMPLES section of a man page (mdoc), for
# tests/cli/man-examples.sh:
#   awk -v out=DIR -f man-examples.awk PAGE
# writes DIR/N.cmd (the command as sh reads it), DIR/N.setup (when it
# has one) and one line per command to standard output:
#   N <TAB> PAGE:LINE <TAB> STATUS <TAB> SKIP-REASON
# N counts from 1; STATUS is the documented exit status (0 unless a mark
# says otherwise); SKIP-REASON is empty for a command to run.
#
# A command is a line of a literal display (.Bd -literal to .Ed, or one
# .Dl line) with the lines it continues: a line ending in \e, |, && or
# || goes on on the next.  A leading "$ " is a prompt.  Marks are roff
# comments of the section:
#   .\" example: exit N          the command exits with N;
#   .\" example: skip REASON     the command is not run, and why;
#   .\" example: setup COMMAND   run COMMAND first, in the same folder.
# Before .Bd a mark holds for every command of the display (a setup runs
# once, before the first; a display skipped is one command, whatever its
# lines); inside the display, for the next command.
# Exits 2, saying why, on an escape it does not know, a request inside a
# display, a mark it does not know, one outside EXAMPLES or one that
# holds for no command.

function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	bad = 1
	exit 2
}

# The text of a display line as sh gets it.
function unescape(s,    r, c, n) {
	r = ""
	while ((n = index(s, "\\")) > 0) {
		r = r substr(s, 1, n - 1)
		c = substr(s, n + 1, 1)
		if (c == "e") { r = r "\\"; s = substr(s, n + 2) }
		else if (c == "-") { r = r "-"; s = substr(s, n + 2) }
		else if (c == "&") { s = substr(s, n + 2) }
		else if (substr(s, n + 1, 3) == "(aq") { r = r "'"; s = substr(s, n + 4) }
		else if (substr(s, n + 1, 3) == "(dq") { r = r "\""; s = substr(s, n + 4) }
		else fail("unknown escape \\" c " in an example")
	}
	return r s
}

# A mark into the pending marks of the display (d) or of the next
# command (c).
function mark(line, w,    m) {
	m = line
	sub(/^\.\\" example: */, "", m)
	if (m ~ /^exit [0-9]+$/) { sub(/^exit /, "", m); status[w] = m }
	else if (m ~ /^skip [^ ]/) { sub(/^skip /, "", m); skip[w] = m }
	else if (m ~ /^setup [^ ]/) { sub(/^setup /, "", m); setup[w] = setup[w] m "\n" }
	else fail("unknown mark: " line)
	used[w] = 0
}

function clear(w) {
	if (w in used && !used[w])
		fail("a mark that holds for no command")
	delete status[w]; delete skip[w]; delete setup[w]; delete used[w]
}

function begin_command() {
	n++
	cmd = ""
	where = FILENAME ":" FNR
	st = ("c" in status) ? status["c"] : ("d" in status) ? status["d"] : 0
	sk = ("c" in skip) ? skip["c"] : ("d" in skip) ? skip["d"] : ""
	su = setup["d"] setup["c"]
	setup["d"] = ""
	if ("d" in used) used["d"] = 1
	if ("c" in used) used["c"] = 1
	clear("c")
	if (su != "") printf "%s", su > (out "/" n ".setup")
}

function end_command() {
	print cmd > (out "/" n ".cmd")
	close(out "/" n ".cmd")
	close(out "/" n ".setup")
	printf "%d\t%s\t%s\t%s\n", n, where, st, sk
	cmd = ""
	incmd = 0
}

function add_line(text) {
	if (!incmd) {
		begin_command()
		sub(/^\$ /, "", text)
		incmd = 1
	}
	cmd = cmd (cmd == "" ? "" : "\n") text
	if (text !~ /(\\|\||&&)[ \t]*$/ && !("d" in skip))
		end_command()
}

/^\.Sh / {
	if (incmd) fail("a command that goes on past its display")
	ex = ($0 ~ /^\.Sh EXAMPLES[ \t]*$/)
	clear("d"); clear("c")
	next
}
/^\.\\" example:/ && !ex { fail("a mark outside EXAMPLES") }
!ex { next }
/^\.\\" example:/ { mark($0, disp ? "c" : "d"); next }
/^\.\\"/ { next }
/^\.Bd / {
	if (disp) fail("a display inside a display")
	disp = ($0 ~ /-literal/) ? 1 : 2
	next
}
/^\.Ed/ {
	if (incmd && ("d" in skip)) end_command()
	if (incmd) fail("a command that goes on past its display")
	disp = 0
	clear("d"); clear("c")
	next
}
disp == 1 && /^\./ { fail("a request inside an example: " $0) }
disp == 1 && !incmd && /^[ \t]*$/ { next }
disp == 1 { add_line(unescape($0)); next }
/^\.Dl / {
	s = $0
	sub(/^\.Dl +/, "", s)
	add_line(unescape(s))
	if (incmd) fail("a command that goes on past its display")
	clear("d"); clear("c")
	next
}

END {
	if (bad) exit 2
	if (incmd) fail("a command that goes on past the end of the page")
	clear("d"); clear("c")
	if (bad) exit 2
}
