# page.sh: what tests/cli/look cases use.  look FILE.html: a line of
# what is wrong in its page (or that it fits), then its A4 pages.
# look_xlsx FILE.xlsx: its pages printed by LibreOffice, and the cells
# shown as ### (a column narrower than its value).

# Chromium as root in a container: no sandbox, no GPU, nothing fetched,
# a profile of its own each time.
chromium_run() {
	profile=$(mktemp -d)
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$profile" \
	    --no-pdf-header-footer "$@" 2>/dev/null
	status=$?
	rm -rf "$profile"
	return $status
}

# The measure, run in the page once it is laid out: every table within
# the text column (the body's content box, 156 mm as on the A4 page),
# every cell of a table at least two characters of its own font wide
# (the bars of a chart are not cells of text), no line of a paragraph
# spread out.
measure_script='<script>
(function () {
	var out = [], body = document.body, s = getComputedStyle(body);
	var column = body.clientWidth - parseFloat(s.paddingLeft) -
	    parseFloat(s.paddingRight);
	var tables = document.querySelectorAll("table");
	for (var i = 0; i < tables.length; i++) {
		var t = tables[i], w = t.getBoundingClientRect().width;
		if (w > column + 1)
			out.push("table " + (i + 1) + " is " + Math.round(w) +
			    " px wide, the text column " + Math.round(column));
		if (t.classList.contains("bars"))
			continue;
		var cells = t.querySelectorAll("th, td");
		for (var j = 0; j < cells.length; j++) {
			var c = cells[j], em = parseFloat(getComputedStyle(c).fontSize);
			var cw = c.getBoundingClientRect().width;
			if (cw < 2 * em - 0.5)
				out.push("table " + (i + 1) + ": cell \"" +
				    c.textContent.slice(0, 16) + "\" is " +
				    (cw / em).toFixed(1) + " characters wide");
		}
	}
	/* A justified line spread out around a word it cannot break: one
	 * character (a glyph and the room added after it) wider than one
	 * and a half of its own font. */
	var ps = document.querySelectorAll("p, li"), spread = 0;
	for (var i = 0; i < ps.length; i++) {
		var em = parseFloat(getComputedStyle(ps[i]).fontSize);
		var walk = document.createTreeWalker(ps[i], NodeFilter.SHOW_TEXT);
		for (var n = walk.nextNode(); n; n = walk.nextNode()) {
			for (var k = 0; k < n.data.length; k++) {
				var r = document.createRange();
				r.setStart(n, k);
				r.setEnd(n, k + 1);
				var rs = r.getClientRects();
				if (rs.length && rs[0].width > 1.5 * em) {
					out.push("paragraph " + (i + 1) +
					    ": a line spread out at \"" +
					    n.data.slice(Math.max(0, k - 6), k + 6) + "\"");
					spread++;
					break;
				}
			}
		}
	}
	var pre = document.createElement("pre");
	pre.id = "look";
	pre.textContent = out.length ? out.join("\n") : "fits: " +
	    tables.length + (tables.length == 1 ? " table" : " tables") +
	    " within the text column, no cell under two characters, " +
	    ps.length + (ps.length == 1 ? " paragraph" : " paragraphs") +
	    ", none spread out";
	body.appendChild(pre);
})();
</script>'

look() {
	f=$1
	name=$(basename "$f" .html)
	dir=$(dirname "$f")
	MEASURE=$measure_script awk '/<\/body>/ { print ENVIRON["MEASURE"] } { print }' "$f" \
	    >"$dir/$name.measure.html"
	chromium_run --dump-dom "file://$dir/$name.measure.html" |
	    tr '\n' '\001' | sed -e 's/.*<pre id="look">//' -e 's/<\/pre>.*//' |
	    tr '\001' '\n' | sed -e 's/&quot;/"/g' -e "s/^/$name: /"
	echo
	chromium_run --print-to-pdf="$dir/$name.pdf" "file://$f" >/dev/null
	echo "$name: $(pdfinfo "$dir/$name.pdf" 2>/dev/null |
	    sed -n 's/^Pages: *//p') A4 pages ($(pdfinfo "$dir/$name.pdf" |
	    sed -n 's/^Page size: *[0-9.]* x [0-9.]* pts (\(.*\))/\1/p'))"
}

# soffice_pdf FILE: LibreOffice converts FILE to a PDF beside it, with a
# profile of its own in FILE's folder.
soffice_pdf() {
	HOME=$(dirname "$1") timeout 180 soffice --headless --norestore \
	    "-env:UserInstallation=file://$(dirname "$1")/.lo" --convert-to pdf \
	    --outdir "$(dirname "$1")" "$1" >/dev/null 2>&1
}

look_xlsx() {
	f=$1
	name=$(basename "$f" .xlsx)
	dir=$(dirname "$f")
	soffice_pdf "$f"
	echo "$name: $(pdfinfo "$dir/$name.pdf" 2>/dev/null |
	    sed -n 's/^Pages: *//p') pages ($(pdfinfo "$dir/$name.pdf" |
	    sed -n 's/^Page size: *[0-9.]* x [0-9.]* pts (\(.*\))/\1/p')), $(pdftotext \
	    -layout "$dir/$name.pdf" - | grep -c '###') lines with ###"
}

# look_docx FILE.docx: its pages printed by LibreOffice Writer (their
# count and size), and whether the text of the PDF holds the title and
# the first line of the signature of word/document.xml (spaces and line
# ends aside, as a title wraps).
look_docx() {
	f=$1
	name=$(basename "$f" .docx)
	dir=$(dirname "$f")
	soffice_pdf "$f"
	xml=$(unzip -p "$f" word/document.xml)
	title=$(printf '%s\n' "$xml" | sed -n \
	    '/w:val="Title"/ { s/.*preserve">//; s/<.*//; p; q; }')
	signer=$(printf '%s\n' "$xml" | sed -n \
	    '/w:val="fzSign"/ { s/<w:br\/>.*//; s/.*preserve">//; s/<.*//; p; q; }')
	text=$(pdftotext "$dir/$name.pdf" - 2>/dev/null | tr -d ' \n\f')
	read_back() {
		case $text in *"$1"*) echo "read back" ;; *) echo "NOT read back" ;; esac
	}
	echo "$name: $(pdfinfo "$dir/$name.pdf" 2>/dev/null |
	    sed -n 's/^Pages: *//p') pages ($(pdfinfo "$dir/$name.pdf" |
	    awk '/^Page size:/ { printf "%d x %d pts", $3 + 0.5, $5 + 0.5 }'))"
	# An empty title or signature is said, not "read back" (every text
	# holds the empty one).
	if [ -n "$title" ]; then echo "$name: title $title: $(read_back "$title")"
	else echo "$name: no title"; fi
	if [ -n "$signer" ]; then echo "$name: signed $signer: $(read_back "$signer")"
	else echo "$name: not signed"; fi
}
