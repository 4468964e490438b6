/* The vectors of DRAW.md through the verifier's own functions (run in
   the notice by tests/cli/browser.sh), then a plan with credit_ratios
   (rules 1.1) drawn from records given here. */
(async function () {
	var V = fzVerify, out = [], t, ids = ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"];

	out.push(V.uniform(await V.sha256(new TextEncoder().encode("abc"))));
	t = await V.ticketer("01382438112797316654");
	out.push(await t("AB-130"));
	t = await V.ticketer("314159");
	var c = [];

	for (var i = 0; i < ids.length; i++)
		c.push({ id: ids[i], ticket: await t(ids[i]) });
	c.sort(V.order);
	out.push(c.slice(0, 4).map(function (x) { return x.id; }).join(" "));

	var plan = V.parseYaml("kind: plan\nseed: \"12345678901234567\"\ndate: 2026-03-01\n" +
	    "credit_default: B\nstrata:\n- name: 网吧\n  where: {category: 网吧}\n" +
	    "  credit_ratios: {A: 0.3, B: 1}\n- {name: 其他, where: {}, count: 1}\n", "plan.yaml")[0];
	var ents = "kind: entities\nrecords:\n", cred = "kind: credit\nrecords:\n";

	for (i = 0; i < 13; i++) {
		ents += "- {id: E" + i + ", name: n" + i + ", category: " + (i < 12 ? "网吧" : "影院") + "}\n";
		if (i < 10)
			cred += "- {entity: E" + i + ", class: A, from: 2026-01-01}\n";
	}
	cred += "- {entity: E10, class: A, from: 2025-01-01, until: 2025-12-31}\n";
	var recs = function (text, kind) {
		return V.parseYaml(text, kind + ".yaml")[0].get("records").map(function (r) { r.file = kind + ".yaml"; return r; });
	};
	var d = await V.draw(plan, "plan.yaml", recs(ents, "entities"),
	    recs("kind: inspectors\nrecords:\n- {id: P1, name: a, department: x}\n- {id: P2, name: b, department: x}\n", "inspectors"),
	    recs(cred, "credit"));
	out.push(d.strata.map(function (s) { return s.name + " " + s.population + " " + s.selected; }).join("; "));
	return out.join("\n");
})()
