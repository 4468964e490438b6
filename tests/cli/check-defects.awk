# Hold fazhi-check to the defect corpus (tests/data/check/defects/README):
#   awk -f check-defects.awk PROBLEMS CORPUS.yaml...
# PROBLEMS is fazhi-check's text output.  A record of the corpus begins
# with a line "  - " and runs to the next one or to the end of its
# document; its first line may carry "# defect: TEXT".  Exits 1, saying
# why, when a marked record has no problem containing TEXT among its
# lines, or when a problem falls in an unmarked record or outside any.

FNR == NR {
	n = split($0, part, ":")
	if (n < 5) {
		print "not a problem line: " $0
		bad = 1
		next
	}
	np++
	pfile[np] = part[1]
	pline[np] = part[2] + 0
	ptext[np] = $0
	next
}

FNR == 1 || /^(---|kind:|records:)/ { rec = 0 }

/^  - / {
	rec = ++nrec
	where[rec] = FILENAME ":" FNR
	want[rec] = ""
	if (match($0, /# defect: /))
		want[rec] = substr($0, RSTART + RLENGTH)
}

rec { owner[FILENAME, FNR] = rec }

END {
	for (p = 1; p <= np; p++) {
		r = owner[pfile[p], pline[p]]
		if (r == "") {
			print "outside any record: " ptext[p]
			bad = 1
		} else if (want[r] == "") {
			print "clean record reported: " ptext[p]
			bad = 1
		} else if (index(ptext[p], want[r])) {
			found[r] = 1
		}
	}
	for (r = 1; r <= nrec; r++)
		if (want[r] != "" && !found[r]) {
			print "defect not reported: " where[r] ": " want[r]
			bad = 1
		}
	if (nrec == 0 || np == 0) {
		print "no records or no problems: nothing was tested"
		bad = 1
	}
	exit bad
}
