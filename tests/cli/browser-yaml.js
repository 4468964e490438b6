/* The YAML the verifier reads (run in the notice by tests/cli/browser.sh):
   what fazhi writes, read as it means; what fazhi does not write, a
   message naming its line. */
(function () {
	var V = fzVerify, out = [];
	var good = [
		"a: 'it''s'\nb: \"\\u00e9\\t\\\"x\\\"\"\nc: ~\nd: []\ne: {}\nf: plain text # a comment\n",
		"---\n# a comment\nkind: x\nrecords:\n- id: \"007\"\n  team:\n  - {id: P1, name: 甲}\n  - id: P2\n- - nested\n  - list\n---\nsecond: 2\n",
		"\"quoted key\": v\nkey with spaces: [a, 'b, c', \"d\"]\nempty:\nnext: {k: [1, 2], m: {n: o}}\n"
	];
	var bad = [
		"a: &x 1\n", "a: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
		"a: [1,\n  2]\n", "a: \"x\n  y\"\n", "a: 1\na: 2\n", "a:\n\tb: 1\n",
		"a: b\n   c\n", "? a\n: b\n", "%YAML 1.1\n---\na: 1\n", "a: b: c\n",
		"a: {b: 1\n", "a: \"\\q\"\n", "- a\nb: 1\n", "a:\n  - x\n y: 1\n", "--- !tag\na: 1\n"
	];

	function plain(v) {
		if (v instanceof Map) {
			var o = {};

			v.forEach(function (x, k) { o[k] = plain(x); });
			return o;
		}
		return Array.isArray(v) ? v.map(plain) : v;
	}
	good.forEach(function (y) {
		out.push(JSON.stringify(V.parseYaml(y, "good.yaml").map(plain)));
	});
	bad.forEach(function (y) {
		try {
			out.push("verified?! " + JSON.stringify(V.parseYaml(y, "bad.yaml").map(plain)));
		} catch (e) {
			out.push(e.message);
		}
	});
	return out.join("\n");
})()
