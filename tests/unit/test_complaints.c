/* test_complaints.c - the complaints register in fazhi-check: the
 * sanity of a record, its references, and the clocks of the shipped
 * complaint-rules.yaml (5, 15 and 5 working days) at their edges, over
 * the shipped calendar: a day on the last day, a day late, across the
 * 2019 国庆 holiday and its make-up working day. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

/* Room for what fazhi-check writes of one test's problems. */
struct got {
	char text[8192];
};

/* The problems of the complaints records of yaml (the body of a
 * complaints document, its records from line 4) as of as_of, with the
 * rules and with due within due days (-1: none). */
static const char *
check(struct got *g, const char *records, const char *as_of, int due)
{
	static char yaml[4096];
	fz_check_opts o = { .as_of = fx_date(as_of), .rules = 1,
		.due_within = due };
	fz_error err = { 0 };
	fz_calendar *cal = fz_calendar_open("cn", &err);
	fz_node *doc;
	fz_check *c;
	FILE *fp;
	char *out = NULL;
	size_t len = 0;

	assert_non_null(cal);
	assert_int_equal(fz_check_complaint_rules_load(&o.complaint_rules,
	    NULL, &err), FZ_OK);
	o.calendar = cal;
	snprintf(yaml, sizeof yaml, "kind: complaints\nversion: 1\n"
	    "records:\n%s", records);
	doc = fx_parse(fx_arena, yaml);
	c = fz_check_new(&o);
	for (size_t i = 0; i < fz_node_get(doc, "records")->n; i++)
		fz_check_record(c, FZ_KIND_COMPLAINTS,
		    fz_node_get(doc, "records")->kids[i]);
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	fz_check_write_text(c, fp);
	fclose(fp);
	assert_true(len < sizeof g->text);
	memcpy(g->text, out, len + 1);
	free(out);
	fz_check_free(c);
	fz_calendar_free(cal);
	return g->text;
}

#define SRC "(BUREAU SETTING: not verified (文化市场举报办理规范 2012: " \
	"article not checked))"

/* verified on a Friday: the 5th working day after is the next Friday;
 * the Saturday after is late. */
static void
test_reply_edges(void **state)
{
	struct got g;

	(void)state;
	assert_string_equal(check(&g, "  - {id: J1, received: 2019-09-02, "
	    "channel: 12318, accepted: 2019-09-03, verified: 2019-09-20, "
	    "result: 属实, replied: 2019-09-27}\n", "2019-12-31", -1), "");
	assert_string_equal(check(&g, "  - {id: J1, received: 2019-09-02, "
	    "channel: 12318, accepted: 2019-09-03, verified: 2019-09-20, "
	    "result: 属实, replied: 2019-09-28}\n", "2019-12-31", -1),
	    "doc.yaml:4:117: error: complaint 'J1' replied 2019-09-28, after "
	    "2019-09-27, 5 working days after verified 2019-09-20 " SRC "\n");
	/* Anonymous: no one to tell. */
	assert_string_equal(check(&g, "  - {id: J1, received: 2019-09-02, "
	    "channel: 12318, anonymous: true, accepted: 2019-09-03, "
	    "verified: 2019-09-20, result: 不属实}\n", "2019-12-31", -1), "");
	/* Not yet told, the clock run out. */
	assert_string_equal(check(&g, "  - {id: J1, received: 2019-09-02, "
	    "channel: 12318, accepted: 2019-09-03, verified: 2019-09-20, "
	    "result: partly}\n", "2019-09-28", -1),
	    "doc.yaml:4:84: error: complaint 'J1' must reply to the reporter by "
	    "2019-09-27, 5 working days after verified 2019-09-20 " SRC "\n");
}

/* Received on the Friday before 国庆 2019: Sunday 29 September is a
 * working day, 1 to 7 October are not; the 5th is 10 October (Monday
 * to Friday would make it 4 October). */
static void
test_acceptance_across_guoqing(void **state)
{
	struct got g;

	(void)state;
	assert_string_equal(check(&g, "  - {id: J2, received: 2019-09-27, "
	    "channel: 来信, accepted: 2019-10-10}\n", "2019-10-10", -1), "");
	assert_string_equal(check(&g, "  - {id: J2, received: 2019-09-27, "
	    "channel: 来信, accepted: 2019-10-11}\n", "2019-10-11", -1),
	    "doc.yaml:4:59: error: complaint 'J2' accepted 2019-10-11, after "
	    "2019-10-10, 5 working days after received 2019-09-27 " SRC "\n");
	/* Referred instead: the referral decides. */
	assert_string_equal(check(&g, "  - {id: J2, received: 2019-09-27, "
	    "channel: 12345, referred: 2019-10-11, to: 公安, result: "
	    "已移送, replied: 2019-10-11}\n", "2019-10-11", -1),
	    "doc.yaml:4:62: error: complaint 'J2' referred 2019-10-11, after "
	    "2019-10-10, 5 working days after received 2019-09-27 " SRC "\n");
	/* Undecided, due the next day. */
	assert_string_equal(check(&g, "  - {id: J2, received: 2019-09-27, "
	    "channel: 12318}\n", "2019-10-09", 3),
	    "doc.yaml:4:24: note: complaint 'J2' must accept by 2019-10-10, in 1 "
	    "day " SRC "\n");
}

/* Accepted on 3 September 2019: 15 working days, 13 September (中秋)
 * not one of them, end on 25 September. */
static void
test_verification_edges(void **state)
{
	struct got g;

	(void)state;
	assert_string_equal(check(&g, "  - {id: J3, received: 2019-09-02, "
	    "channel: visit, accepted: 2019-09-03, verified: 2019-09-25, "
	    "result: unsubstantiated, replied: 2019-09-25}\n", "2019-12-31",
	    -1), "");
	assert_string_equal(check(&g, "  - {id: J3, received: 2019-09-02, "
	    "channel: visit, accepted: 2019-09-03, verified: 2019-09-26, "
	    "result: unsubstantiated, replied: 2019-09-26}\n", "2019-12-31",
	    -1), "doc.yaml:4:84: error: complaint 'J3' verified 2019-09-26, after "
	    "2019-09-25, 15 working days after accepted 2019-09-03 " SRC "\n");
	/* Referred: verified by the body it went to, no clock here. */
	assert_string_equal(check(&g, "  - {id: J3, received: 2019-09-02, "
	    "channel: visit, accepted: 2019-09-03, referred: 2019-09-04, "
	    "to: 市场监管局, result: referred, replied: 2019-09-05}\n",
	    "2019-12-31", -1), "");
}

static void
test_refused_and_pairs(void **state)
{
	struct got g;

	(void)state;
	assert_string_equal(check(&g, "  - {id: J4, received: 2019-03-01, "
	    "channel: letter, accepted: false, reason: 超过二年追溯期限}\n",
	    "2019-12-31", -1), "");
	assert_string_equal(check(&g, "  - {id: J4, received: 2019-03-01, "
	    "channel: letter, accepted: false, verified: 2019-03-05}\n",
	    "2019-12-31", -1),
	    "doc.yaml:4:63: error: complaint 'J4' is not accepted without a reason "
	    "(the grounds of 文化市场举报办理规范 art. 4: past the 2 years of "
	    "行政处罚法 art. 36, a repeat of an accepted report ...)\n"
	    "doc.yaml:4:80: error: complaint 'J4' was not accepted (accepted: false) "
	    "and has no verified\n"
	    "doc.yaml:4:80: warning: complaint 'J4' is verified without a result\n");
	assert_string_equal(check(&g, "  - {id: J4, received: 2019-03-01, "
	    "channel: letter, accepted: 2019-03-01, reason: x, to: y}\n",
	    "2019-12-31", -1),
	    "doc.yaml:4:63: error: complaint 'J4' must verify by 2019-03-22, 15 "
	    "working days after accepted 2019-03-01 " SRC "\n"
	    "doc.yaml:4:83: error: complaint 'J4': reason is the grounds of not "
	    "accepting, given with accepted: false\n"
	    "doc.yaml:4:90: error: complaint 'J4' names to without referred (the "
	    "day it went)\n");
	assert_string_equal(check(&g, "  - {id: J4, received: 2019-03-04, "
	    "channel: letter, accepted: 2019-03-01, result: 属实}\n",
	    "2019-03-04", -1),
	    "doc.yaml:4:63: error: accepted 2019-03-01 is before received 2019-03-04\n"
	    "doc.yaml:4:83: error: complaint 'J4' has a result without verified (the "
	    "day its 核查 ended)\n");
	assert_string_equal(check(&g, "  - {id: J4, received: 2019-03-04, "
	    "channel: phone}\n", "2019-03-04", -1),
	    "doc.yaml:4:45: error: unknown channel 'phone' (expected 12318 文化市场举报, "
	    "12345 政务服务热线, 12301 旅游服务热线, letter 来信, visit 来访, "
	    "online 网络, referral 交办移送, other 其他)\n");
}

/* The complaint rules file: every clock, each with its source. */
static void
test_rules_file(void **state)
{
	char *dir = fx_tmpdir();
	char *p = fx_write_str(dir, "r.yaml", "kind: complaint-rules\n"
	    "version: 1\nacceptance: {workdays: 2, source: a}\n"
	    "verification: {workdays: 9, source: b}\n");
	char *q = fx_write_str(dir, "q.yaml", "kind: complaint-rules\n"
	    "version: 1\nacceptance: {workdays: 2, source: a}\n"
	    "verification: {workdays: 9}\nreply: {workdays: 1, source: c}\n");
	fz_check_complaint_rules cr;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_check_complaint_rules_load(&cr, p, &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "the complaint rules file does not give "
	    "'reply'");
	assert_int_equal(fz_check_complaint_rules_load(&cr, q, &err),
	    FZ_DATAERR);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "verification: source must say where "
	    "the number comes from (at most 255 bytes)");
	assert_int_equal(fz_check_complaint_rules_load(&cr, NULL, &err),
	    FZ_OK);
	assert_int_equal(cr.acceptance.workdays, 5);
	assert_int_equal(cr.verification.workdays, 15);
	assert_int_equal(cr.reply.workdays, 5);
	free(p);
	free(q);
	fx_rmtree(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_edges),
		cmocka_unit_test(test_acceptance_across_guoqing),
		cmocka_unit_test(test_verification_edges),
		cmocka_unit_test(test_refused_and_pairs),
		cmocka_unit_test(test_rules_file),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
