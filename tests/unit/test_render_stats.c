/* test_render_stats.c - the yearly enforcement statistics of -t
 * statistics (lib/render/render_stats.c, render_certs.c): the 持证率 on
 * the period's last day at its edges, 罚没金额 in 万元 rounded half up
 * at its edges, and a figure the inputs lack left a place to write, not
 * a 0.  Values are read back through templates, as users read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

/* What tpl renders over the documents docs (YAML, NULL-terminated), the
 * context checked for tpl as fazhi-render checks it. */
static char *
rendered(const char *const *docs, const char *tpl)
{
	fz_render_ctx *c = fz_render_ctx_new();
	fz_render_template *t = NULL;
	fz_error err = { 0 };
	fz_buf out = { 0 };

	for (size_t i = 0; docs[i] != NULL; i++) {
		fz_node *doc = fx_parse(fx_arena, docs[i]);
		const fz_node *kind = fz_node_get(doc, "kind");

		assert_int_equal(fz_render_ctx_add(c, doc, kind->str, &err),
		    FZ_OK);
	}
	assert_int_equal(fz_render_template_parse("t", tpl, strlen(tpl), &t,
	    &err), FZ_OK);
	assert_int_equal(fz_render_ctx_check(c, t, &err), FZ_OK);
	assert_int_equal(fz_render_template_render(t, fz_render_ctx_root(c),
	    FZ_ESCAPE_NONE, &out, &err), FZ_OK);
	fz_buf_add(&out, "", 1);
	fz_render_template_free(t);
	fz_render_ctx_free(c);
	return out.data;
}

static const char year[] = "kind: tally\nfrom: 2019-01-01\nto: 2019-12-31\n"
    "by: []\nrows: []\ntotals: {visits: 0}\n";

/* Valid on the last day counts, a day before does not; a number without
 * an expiry is told apart, not counted; an inactive inspector is not
 * staff; by department in order of first sight. */
static void
test_certificates_edges(void **state)
{
	static const char roster[] = "kind: inspectors\nrecords:\n"
	    "- {id: P1, name: 甲, department: 文旅, cert_no: A1, "
	    "cert_expires: 2019-12-31}\n"
	    "- {id: P2, name: 乙, department: 文旅, cert_no: A2, "
	    "cert_expires: 2019-12-30}\n"
	    "- {id: P3, name: 丙, department: 文旅, cert_no: A3}\n"
	    "- {id: P4, name: 丁, department: 文旅}\n"
	    "- {id: P5, name: 戊, department: 文旅, active: false, "
	    "cert_no: A5, cert_expires: 2021-01-01}\n"
	    "- {id: P6, name: 己, department: 公安, cert_no: B1, "
	    "cert_expires: 2020-06-30}\n";
	const char *const docs[] = { year, roster, NULL };
	char *s;

	(void)state;
	s = rendered(docs, "{{#certificates}}{{on}} {{holding}}/{{staff}} "
	    "{{rate.numerator}}/{{rate.denominator}} {{rate.percent}} "
	    "{{undated}}{{#by_department}}|{{department}}:{{holding}}/"
	    "{{staff}}={{rate.percent}}{{/by_department}}{{/certificates}}");
	assert_string_equal(s, "2019-12-31 2/5 2/5 40.00% 1|文旅:1/4=25.00%"
	    "|公安:1/1=100.00%");
	free(s);
}

/* A roster that records no certificate says nothing of them: the
 * statistics count its active staff and leave the holders and the rate
 * places to write, saying why. */
static void
test_certificates_unrecorded(void **state)
{
	static const char roster[] = "kind: inspectors\nrecords:\n"
	    "- {id: P1, name: 甲, department: 文旅}\n"
	    "- {id: P2, name: 乙, department: 文旅, active: false}\n"
	    "- {id: P3, name: 丙, department: 文旅}\n";
	const char *const docs[] = { year, roster, NULL };
	char *s;

	(void)state;
	s = rendered(docs, "{{^certificates}}none{{/certificates}}"
	    "{{#statistics.tables}}{{#last}}{{#rows}}{{#cells}}"
	    "{{text}};{{/cells}}\n{{/rows}}{{/last}}"
	    "{{/statistics.tables}}");
	assert_non_null(strstr(s, "none在岗执法人员;人;2;名录中在岗的;"));
	assert_non_null(strstr(s, "\n持有效执法证;人;待填写;名录未登记任何人"
	    "的执法证"));
	assert_non_null(strstr(s, "\n持证率;%;待填写;名录未登记任何人的执法证"));
	free(s);
}

/* The 罚没金额 row of the statistics for fines (yuan). */
static char *
fines_row(const char *fines)
{
	char tally[256];
	const char *const docs[] = { tally, NULL };

	snprintf(tally, sizeof tally, "kind: tally\nfrom: 2019-01-01\nto: "
	    "2019-12-31\nby: []\ninputs: {cases: 1}\nrows: []\ntotals: "
	    "{fines: %s, penalized: 1}\n", fines);
	return rendered(docs, "{{#statistics.tables}}{{#first}}{{#rows}}"
	    "{{#cells}}{{text}};{{/cells}}\n{{/rows}}{{/first}}"
	    "{{/statistics.tables}}");
}

/* 0.01 万元 is 100 元: 49.99 元 rounds down, 50.00 up (half up), and so
 * on at the next step; exact from fen, whatever the size. */
static void
test_fines_wan_half_up(void **state)
{
	static const char *const cases[][2] = {
		{ "49.99", "0.00" }, { "50.00", "0.01" },
		{ "149.99", "0.01" }, { "150", "0.02" },
		{ "126210", "12.62" }, { "99995000.00", "9999.50" },
		{ "0", "0.00" } };

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = fines_row(cases[i][0]);
		char want[64];

		snprintf(want, sizeof want, "\n罚没金额;万元;%s;", cases[i][1]);
		assert_non_null(strstr(s, want));
		free(s);
	}
}

/* A metrics document gives received and its outcomes (only those that
 * occurred: an outcome it lists not is 0); it has no applications not
 * accepted and no revocations: places to write.  Without metrics every
 * licence figure is one. */
static void
test_licences(void **state)
{
	static const char metrics[] = "kind: metrics\nfrom: 2019-01-01\nto: "
	    "2019-12-31\ncatalogue: {by_type: {licensing: 46}}\n"
	    "applications: {received: 914, completed: 913, by_outcome: "
	    "{approved: 913}}\n";
	static const char tpl[] = "{{#statistics.tables}}{{#index}}"
	    "{{#rows}}{{#cells}}{{text}};{{/cells}}\n{{/rows}}{{/index}}"
	    "{{/statistics.tables}}";
	const char *const with[] = { year, metrics, NULL };
	const char *const without[] = { year, NULL };
	char *s;

	(void)state;
	s = rendered(with, tpl);
	assert_non_null(strstr(s, "申请;件;待填写;"));
	assert_non_null(strstr(s, "受理;件;914;事项目录全部办事项的办件（含"
	    "行政许可事项46项）;"));
	assert_non_null(strstr(s, "准予;件;913;"));
	assert_non_null(strstr(s, "不予许可;件;0;"));
	assert_non_null(strstr(s, "撤销、吊销许可;件;待填写;"));
	free(s);
	s = rendered(without, tpl);
	assert_non_null(strstr(s, "受理;件;待填写;"));
	assert_non_null(strstr(s, "不予许可;件;待填写;"));
	/* No complaints in the tally: a place to write, not 0. */
	assert_non_null(strstr(s, "收到投诉举报;件;待填写;"));
	free(s);
}

/* A tally that read no cases (inspections by type, say) writes its case
 * figures as 0: the penalties are then places to write, not 0. */
static void
test_penalties_need_cases(void **state)
{
	static const char inspections[] = "kind: tally\nfrom: 2019-01-01\n"
	    "to: 2019-12-31\nby: []\ninputs: {inspections: 9}\n"
	    "rows: []\ntotals: {visits: 9, fines: 0, penalized: 0, "
	    "penalty_fine: 0}\n";
	const char *const docs[] = { inspections, NULL };
	char *s;

	(void)state;
	s = rendered(docs, "{{#statistics.tables}}{{#first}}{{#rows}}"
	    "{{#cells}}{{text}};{{/cells}}\n{{/rows}}{{/first}}"
	    "{{/statistics.tables}}");
	assert_non_null(strstr(s, "作出行政处罚决定;件;待填写;第一个统计未读"
	    "案件（cases）;"));
	assert_non_null(strstr(s, "\n　　　罚款;件;待填写;"));
	assert_non_null(strstr(s, "\n罚没金额;万元;待填写;"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_certificates_edges),
		cmocka_unit_test(test_certificates_unrecorded),
		cmocka_unit_test(test_fines_wan_half_up),
		cmocka_unit_test(test_licences),
		cmocka_unit_test(test_penalties_need_cases),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
