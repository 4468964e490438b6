# tests/cli/parts.awk: a file large enough to be read in parts (more
# than 8 MB of records), for tests/cli/parts.sh.  -v what=inspections
# (n records, a far date at far1 and far2, the text of -v odd before
# record at), or what=matters (20) or what=applications (n).
function day(i) {
	return sprintf("2019-%02d-%02d", i % 12 + 1, i % 28 + 1)
}
BEGIN {
	if (far1 == "") far1 = -1
	if (far2 == "") far2 = -1
	if (at == "") at = -1
	if (what == "matters") {
		print "kind: matters\nversion: 1\nrecords:"
		for (i = 0; i < 20; i++)
			printf "  - code: \"M%03d\"\n    name: 事项%d\n    level: item\n    type: award\n    statutory_days: 20\n    promised_days: %d\n", i, i, i % 10 + 1
		exit
	}
	printf "kind: %s\nversion: 1\nrecords:\n", what
	for (i = 0; i < n; i++) {
		if (i == at && odd != "")
			printf "%s\n", odd
		if (what == "applications") {
			printf "  - id: SP%07d\n    matter: \"M%03d\"\n    received: %s\n    completed: 2019-12-%02d\n    channel: %s\n    action: new\n", i, i % 20, day(i), i % 28 + 1, (i % 3 ? "window" : "online")
			continue
		}
		printf "  - date: %s\n    entity: \"91330200%010d\"\n    town: %s\n    category: %s\n    inspectors: [\"3302%07d\", \"3302%07d\"]\n    outing: O-%07d\n    type: routine\n    result: %s\n", (i == far1 || i == far2) ? "2021-06-01" : day(i), i % 7919, (i % 2 ? "鼓楼街道" : "古林镇"), (i % 3 ? "网吧" : "演出场所"), i % 97, i % 89, int(i / 3), (i % 17 ? "ok" : "violation")
	}
}
