# What of an mdoc page its translation must keep, one item a line, for
# tests/cli/man-zh.sh to compare between the English and Chinese pages:
#   sh                  a .Sh section (counted)
#   fl WORD             an option, each .Fl argument (compared as a set)
#   it WORD             an option an .It head names with .Fl (in order)
#   cm WORD             a .Cm keyword (compared as a set)
#   bd N LINE           line of the Nth .Bd -literal block (verbatim)
# Only macro lines are read for fl, it and cm: prose never holds them.

# A word a macro takes as text, not a macro's name nor punctuation
# (ASCII as mdoc knows it, or the full-width marks of Chinese prose).
function callable(w) {
	return w ~ /^(Ac|Ao|Ap|Aq|Ar|Bc|Bo|Bq|Brc|Bro|Brq|Cm|Dc|Do|Dq|Dv|Ec|Em|Eo|Er|Ev|Fl|Ic|Li|Ms|No|Ns|Oc|Oo|Op|Pa|Pc|Pf|Po|Pq|Qc|Ql|Qo|Qq|Sc|So|Sq|Sx|Sy|Ta|Tn|Va|Xo|Xc|Xr)$/
}
function punct(w) {
	return w ~ /^([.,:;?!()\[\]|]|，|。|；|：|、|（|）)+$/
}
BEGIN { block = 0; inblock = 0 }
inblock && /^\.Ed([ \t]|$)/ { inblock = 0; next }
inblock { print "bd " block " " $0; next }
/^\.Bd[ \t].*-literal/ { block++; inblock = 1; print "bd " block; next }
/^\.Sh[ \t]/ { print "sh"; next }
/^\.\\"/ { next }
/^\./ {
	head = ($1 == ".It")
	n = split(substr($0, 2), w, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		gsub(/"/, "", w[i])
		if (w[i] == "Fl") {
			f = "-"
			if (i < n && !callable(w[i + 1]) && !punct(w[i + 1]))
				f = "-" w[++i]
			print "fl " f
			if (head)
				print "it " f
		} else if (w[i] == "Cm") {
			while (i < n && !callable(w[i + 1])) {
				i++
				if (!punct(w[i]) && w[i] != "")
					print "cm " w[i]
			}
		}
	}
}
