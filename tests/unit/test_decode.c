/* test_decode.c - the decoding of records into structs (lib/decode.c),
 * on node trees built here: every type, the defaults of FORMATS.md, the
 * diag sink, money in fen and GB 32100 check characters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

/* A record of key, value pairs (plain scalars), NULL-terminated.  The
 * record stands at t.yaml:3:5, its i-th value at line 10 + i, column 7. */
static fz_node *
rec(const char *key, ...)
{
	fz_node *m = fz_node_map(fx_arena);
	va_list ap;
	unsigned i = 0;

	m->file = "t.yaml";
	m->line = 3;
	m->col = 5;
	va_start(ap, key);
	for (; key != NULL; key = va_arg(ap, const char *), i++) {
		fz_node *v = fx_plain(fx_arena, va_arg(ap, const char *));

		v->file = "t.yaml";
		v->line = 10 + i;
		v->col = 7;
		fz_node_put(fx_arena, m, key, v);
	}
	va_end(ap);
	return m;
}

/* Put a list of plain scalars under key: the list at line 30, column 9,
 * its i-th item at column 10 + i. */
static fz_node *
put_list(fz_node *m, const char *key, const char *const *items)
{
	fz_node *l = fx_list(fx_arena, items);

	l->file = "t.yaml";
	l->line = 30;
	l->col = 9;
	for (size_t i = 0; i < l->n; i++) {
		l->kids[i]->file = "t.yaml";
		l->kids[i]->line = 30;
		l->kids[i]->col = 10 + (unsigned)i;
	}
	fz_node_put(fx_arena, m, key, l);
	return l;
}

static void
decodes(enum fz_kind k, fz_node *r, void *out)
{
	fz_error err = { 0 };

	if (fz_record_decode(k, r, out, NULL, &err) != FZ_OK)
		fail_msg("decode failed: %s:%u:%u: %s", err.file, err.line,
		    err.col, err.msg);
}

/* Decoding r fails with msg at line:col. */
static void
refused(enum fz_kind k, fz_node *r, unsigned line, unsigned col,
    const char *msg)
{
	fx_record out;
	fz_error err = { 0 };

	assert_int_equal(fz_record_decode(k, r, &out, NULL, &err), FZ_DATAERR);
	assert_int_equal(err.status, FZ_DATAERR);
	assert_string_equal(err.msg, msg);
	assert_string_equal(err.file, "t.yaml");
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

static void
test_entity(void **state)
{
	fz_node *r = rec("id", "91350100M000100Y43", "name", "新华书店",
	    "category", " 书店\xe3\x80\x80", "town", "城关镇", "grade", "A",
	    "risk", "一般", "last_inspected", "2019-03-05",
	    "status", "注销", NULL);
	fz_entity e;

	(void)state;
	decodes(FZ_KIND_ENTITIES, r, &e);
	assert_string_equal(e.id, "91350100M000100Y43");
	assert_string_equal(e.name, "新华书店");
	assert_string_equal(e.category, "书店");
	assert_string_equal(e.town, "城关镇");
	assert_string_equal(e.grade, "A");
	assert_int_equal(e.risk, FZ_RISK_MEDIUM);
	assert_int_equal(e.last_inspected, fx_date("2019-03-05"));
	assert_int_equal(e.status, FZ_ENTITY_CLOSED);
	/* Strings point into the record, and aliases were rewritten. */
	assert_ptr_equal(e.name, fz_node_get(r, "name")->str);
	assert_string_equal(fz_node_get(r, "risk")->str, "medium");
	assert_string_equal(fz_node_get(r, "status")->str, "closed");
	assert_string_equal(fz_node_get(r, "category")->str, "书店");
}

static void
test_entity_defaults(void **state)
{
	fz_entity e;

	(void)state;
	decodes(FZ_KIND_ENTITIES, rec("id", "E1", "name", "n", "category", "网吧",
	    NULL), &e);
	assert_int_equal(e.status, FZ_ENTITY_ACTIVE);
	assert_int_equal(e.risk, -1);
	assert_int_equal(e.last_inspected, FZ_NODATE);
	assert_null(e.town);
	assert_null(e.grade);
}

static void
test_required_keys(void **state)
{
	(void)state;
	refused(FZ_KIND_ENTITIES, rec("id", "E1", "category", "网吧", NULL),
	    3, 5, "entities record without name");
	refused(FZ_KIND_CASES, rec("id", "C1", NULL), 3, 5,
	    "cases record without filed");
	refused(FZ_KIND_INSPECTIONS, rec("date", "2019-03-05", "entity", "E1",
	    NULL), 3, 5, "inspections record without inspectors");
	refused(FZ_KIND_MATTERS, rec("code", "M1", "name", "n", "level",
	    "item", NULL), 3, 5, "matters record without type");
	/* An explicit null is no value. */
	refused(FZ_KIND_ENTITIES, rec("id", "E1", "name", "~", "category",
	    "网吧", NULL), 3, 5, "entities record without name");
	refused(FZ_KIND_ENTITIES, rec("id", "E1", "name", "", "category",
	    "网吧", NULL), 3, 5, "entities record without name");
}

static void
test_empty_string_after_trim(void **state)
{
	(void)state;
	refused(FZ_KIND_ENTITIES, rec("id", "E1", "name", "\xe3\x80\x80 ",
	    "category", "网吧", NULL), 11, 7, "name must not be empty");
}

static void
test_scalar_wanted(void **state)
{
	fz_node *r = rec("id", "E1", "category", "网吧", NULL);

	(void)state;
	put_list(r, "name", (const char *const[]){ "a", NULL });
	refused(FZ_KIND_ENTITIES, r, 30, 9,
	    "name must be a single value, not a list");
}

static void
test_not_a_record(void **state)
{
	fz_node *seq = fz_node_seq(fx_arena);
	fz_entity e;
	fz_error err = { 0 };

	(void)state;
	seq->file = "t.yaml";
	seq->line = 2;
	seq->col = 3;
	refused(FZ_KIND_ENTITIES, seq, 2, 3, "a record must be a mapping");
	assert_int_equal(fz_record_decode(FZ_KIND_PLAN, rec("task", "T", NULL),
	    &e, NULL, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "plan has no records");
}

static fz_node *
inspection(const char *result)
{
	fz_node *r = rec("date", "2019-03-05", "entity", "E1", "result",
	    result, NULL);

	put_list(r, "inspectors", (const char *const[]){ "P1", "P2", NULL });
	return r;
}

static void
test_enumeration_aliases(void **state)
{
	fz_node *r = inspection("违规");
	fz_inspection in;

	(void)state;
	fz_node_put(fx_arena, r, "type", fx_quoted(fx_arena, "双随机"));
	fz_node_put(fx_arena, r, "reported_by", fx_plain(fx_arena, "镇街上报"));
	decodes(FZ_KIND_INSPECTIONS, r, &in);
	assert_int_equal(in.result, FZ_RESULT_VIOLATION);
	assert_int_equal(in.type, FZ_VISIT_RANDOM);
	assert_int_equal(in.reported_by, FZ_REPORTED_TOWN);
	assert_string_equal(fz_node_get(r, "result")->str, "violation");
	assert_int_equal(fz_node_get(r, "result")->len, strlen("violation"));
	assert_string_equal(fz_node_get(r, "type")->str, "random");
	assert_int_equal(fz_node_get(r, "type")->quoted, 0);
	assert_string_equal(fz_node_get(r, "reported_by")->str, "town");
}

/* The words staff write in exports are accepted for the values they
 * mean. */
static void
test_enumeration_synonyms(void **state)
{
	static const struct { const char *key, *word, *value; } syn[] = {
		{ "type", "日常检查", "routine" }, { "type", "联合检查", "joint" },
		{ "type", "专项检查", "special" }, { "type", "双随机抽查", "random" },
		{ "type", "夜间检查", "night" }, { "type", "举报核查", "complaint" },
		{ "type", "投诉", "complaint" }, { "result", "合格", "ok" },
		{ "result", "不合格", "violation" }, { "result", "违规", "violation" },
		{ "reported_by", "我局", "bureau" },
	};
	const fz_field *f;

	(void)state;
	for (size_t i = 0; i < sizeof syn / sizeof *syn; i++) {
		int v;

		f = fz_field_find(FZ_KIND_INSPECTIONS, syn[i].key);
		v = fz_enum_lookup(f->values, syn[i].word, strlen(syn[i].word));
		assert_true(v >= 0);
		assert_string_equal(f->values[v].value, syn[i].value);
	}
}

static void
test_unknown_enumeration_value(void **state)
{
	(void)state;
	refused(FZ_KIND_INSPECTIONS, inspection("pass"), 12, 7,
	    "unknown result 'pass' (expected ok 合格, violation 违规, banned 取缔)");
	/* Extra aliases do not repeat a value in the list. */
	refused(FZ_KIND_ENTITIES, rec("id", "E1", "name", "n", "category", "c",
	    "risk", "extreme", NULL), 13, 7,
	    "unknown risk 'extreme' (expected low 低, medium 一般, high 高)");
}

static void
test_inspection_defaults_and_lists(void **state)
{
	fz_node *r = rec("date", "2019-03-05T09:30", "entity", "E1",
	    "case", "C-7", "outing", "O1", NULL);
	fz_inspection in;

	(void)state;
	put_list(r, "inspectors", (const char *const[]){ " P1", "P2　", NULL });
	decodes(FZ_KIND_INSPECTIONS, r, &in);
	assert_int_equal(in.date, fx_date("2019-03-05"));
	assert_int_equal(in.type, FZ_VISIT_ROUTINE);
	assert_int_equal(in.result, FZ_RESULT_OK);
	assert_int_equal(in.leader_led, 0);
	assert_int_equal(in.reported_by, FZ_REPORTED_BUREAU);
	assert_string_equal(in.case_id, "C-7");
	assert_string_equal(in.outing, "O1");
	assert_null(in.task);
	assert_int_equal(in.inspectors->n, 2);
	assert_string_equal(in.inspectors->kids[0]->str, "P1");
	assert_string_equal(in.inspectors->kids[1]->str, "P2");
}

static void
test_list_rules(void **state)
{
	fz_node *r = rec("date", "2019-03-05", "entity", "E1", NULL);
	fz_node *bad = rec("date", "2019-03-05", "entity", "E1", NULL);
	fz_node *one = rec("date", "2019-03-05", "entity", "E1",
	    "inspectors", "P1", NULL);

	(void)state;
	put_list(r, "inspectors", (const char *const[]){ NULL });
	refused(FZ_KIND_INSPECTIONS, r, 30, 9,
	    "inspectors must list at least 1");
	put_list(bad, "inspectors", (const char *const[]){ "P1", "~", NULL });
	refused(FZ_KIND_INSPECTIONS, bad, 30, 11,
	    "inspectors: each item must be a single value");
	refused(FZ_KIND_INSPECTIONS, one, 12, 7, "inspectors must be a list");
}

static void
test_bools(void **state)
{
	static const char *const yes[] = { "yes", "Yes", "YES", "true", "True",
		"TRUE", NULL };
	static const char *const no[] = { "no", "No", "NO", "false", "False",
		"FALSE", NULL };
	fz_inspection in;

	(void)state;
	for (int i = 0; yes[i] != NULL; i++) {
		fz_node *r = inspection("ok");

		fz_node_put(fx_arena, r, "leader_led", fx_plain(fx_arena, yes[i]));
		decodes(FZ_KIND_INSPECTIONS, r, &in);
		assert_int_equal(in.leader_led, 1);
		r = inspection("ok");
		fz_node_put(fx_arena, r, "leader_led", fx_plain(fx_arena, no[i]));
		decodes(FZ_KIND_INSPECTIONS, r, &in);
		assert_int_equal(in.leader_led, 0);
	}
	/* Every YAML 1.1 spelling is taken, and written back canonical. */
	{
		fz_node *r = inspection("ok");

		fz_node_put(fx_arena, r, "leader_led", fx_quoted(fx_arena, "On"));
		decodes(FZ_KIND_INSPECTIONS, r, &in);
		assert_int_equal(in.leader_led, 1);
		assert_string_equal(fz_node_get(r, "leader_led")->str, "true");
		assert_int_equal(fz_node_get(r, "leader_led")->quoted, 0);
	}
	refused(FZ_KIND_INSPECTORS, rec("id", "P1", "name", "n", "department",
	    "文旅", "active", "maybe", NULL), 13, 7,
	    "active must be true or false, not 'maybe'");
	refused(FZ_KIND_INSPECTORS, rec("id", "P1", "name", "n", "department",
	    "文旅", "active", "exempt", NULL), 13, 7,
	    "active must be true or false, not 'exempt'");
}

static void
test_inspector(void **state)
{
	fz_node *r = rec("id", "P1", "name", "张三", "department", "文旅",
	    "active", "no", NULL);
	fz_inspector p;

	(void)state;
	put_list(r, "categories", (const char *const[]){ "网吧", "书店", NULL });
	decodes(FZ_KIND_INSPECTORS, r, &p);
	assert_int_equal(p.active, 0);
	assert_int_equal(p.categories->n, 2);
	assert_null(p.avoid);
	assert_null(p.squad);
	decodes(FZ_KIND_INSPECTORS, rec("id", "P1", "name", "张三",
	    "department", "文旅", NULL), &p);
	assert_int_equal(p.active, 1);
	assert_null(p.categories);
}

static fz_node *
case_with(const char *key, const char *value)
{
	return rec("id", "C1", "filed", "2019-01-02", key, value, NULL);
}

static void
test_money(void **state)
{
	static const struct { const char *s; int64_t fen; } good[] = {
		{ "1250.5", 125050 }, { "1250.50", 125050 }, { "5000", 500000 },
		{ "0.05", 5 }, { "0", 0 }, { "0.5", 50 }, { " 200 ", 20000 },
		{ "999999999999999.99", 99999999999999999LL } };
	static const char *const bad[] = { "12.345", "-5", "+5", "1,250",
		".5", "5.", "1e3", "¥5", "5元", "0x10", "1 000",
		"1000000000000000", NULL };
	fz_case c;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		decodes(FZ_KIND_CASES, case_with("fine", good[i].s), &c);
		assert_int_equal(c.fine, good[i].fen);
	}
	for (int i = 0; bad[i] != NULL; i++) {
		char msg[256];

		snprintf(msg, sizeof msg, "fine: '%s' is not an amount in yuan "
		    "(a number with at most 2 decimals, not negative)", bad[i]);
		refused(FZ_KIND_CASES, case_with("fine", bad[i]), 12, 7, msg);
	}
	decodes(FZ_KIND_CASES, rec("id", "C1", "filed", "2019-01-02", NULL), &c);
	assert_int_equal(c.fine, FZ_NOMONEY);
}

/* Ratios exactly, at the edges of (0, 1] and of their decimals. */
static void
test_ratio_parse(void **state)
{
	fz_ratio r = { 7, 7 };

	(void)state;
	assert_int_equal(fz_ratio_parse("0.25", 4, &r), 0);
	assert_true(r.num == 25 && r.den == 100);
	assert_int_equal(fz_ratio_parse("1", 1, &r), 0);
	assert_true(r.num == 1 && r.den == 1);
	assert_int_equal(fz_ratio_parse("1.000", 5, &r), 0);
	assert_true(r.num == 1000 && r.den == 1000);
	assert_int_equal(fz_ratio_parse("0.000000001", 11, &r), 0);
	assert_true(r.num == 1 && r.den == 1000000000);
	assert_int_equal(fz_ratio_parse("0.0000000001", 12, &r), -1);
	assert_int_equal(fz_ratio_parse("0", 1, &r), -2);
	assert_int_equal(fz_ratio_parse("0.0", 3, &r), -2);
	assert_int_equal(fz_ratio_parse("1.001", 5, &r), -2);
	assert_int_equal(fz_ratio_parse("2", 1, &r), -2);
	assert_int_equal(fz_ratio_parse(".5", 2, &r), -1);
	assert_int_equal(fz_ratio_parse("0.", 2, &r), -1);
	assert_int_equal(fz_ratio_parse("0.5%", 4, &r), -1);
	assert_int_equal(fz_ratio_parse("", 0, &r), -1);
}

static void
test_money_parse_and_format(void **state)
{
	char buf[32];
	int64_t fen = 7;

	(void)state;
	assert_int_equal(fz_money_parse("1250.5", 6, &fen), 0);
	assert_int_equal(fen, 125050);
	assert_int_equal(fz_money_parse("1250.5x", 6, &fen), 0);
	assert_int_equal(fz_money_parse("", 0, &fen), -1);
	assert_int_equal(fz_money_parse("12.345", 6, &fen), -1);
	assert_string_equal(fz_money_format(125050, buf), "1250.50");
	assert_string_equal(fz_money_format(500000, buf), "5000");
	assert_string_equal(fz_money_format(125055, buf), "1250.55");
	assert_string_equal(fz_money_format(5, buf), "0.05");
	assert_string_equal(fz_money_format(50, buf), "0.50");
	assert_string_equal(fz_money_format(0, buf), "0");
	assert_string_equal(fz_money_format(-150, buf), "-1.50");
	assert_string_equal(fz_money_format(-100, buf), "-1");
	assert_string_equal(fz_money_format(INT64_MAX, buf),
	    "92233720368547758.07");
	assert_string_equal(fz_money_format(INT64_MIN, buf),
	    "-92233720368547758.08");
	assert_ptr_equal(fz_money_format(1, buf), buf);
}

static void
test_ints(void **state)
{
	static const char *const bad[] = { "3.0", "-1", "+1", "1e2", "3x",
		"0x10", "三", NULL };
	long long v = 0;
	fz_case c;

	(void)state;
	decodes(FZ_KIND_CASES, case_with("extended_days", "30"), &c);
	assert_int_equal(c.extended_days, 30);
	decodes(FZ_KIND_CASES, case_with("extended_days", "3650"), &c);
	assert_int_equal(c.extended_days, 3650);
	decodes(FZ_KIND_CASES, rec("id", "C1", "filed", "2019-01-02", NULL), &c);
	assert_int_equal(c.extended_days, 0);
	for (int i = 0; bad[i] != NULL; i++) {
		char msg[128];

		snprintf(msg, sizeof msg, "extended_days: '%s' is not a whole "
		    "number", bad[i]);
		refused(FZ_KIND_CASES, case_with("extended_days", bad[i]), 12, 7,
		    msg);
	}
	refused(FZ_KIND_CASES, case_with("extended_days", "3651"), 12, 7,
	    "extended_days: 3651 is out of range (0 to 3650)");
	refused(FZ_KIND_APPLICATIONS, rec("id", "A1", "matter", "M1",
	    "received", "2019-01-02", "satisfaction", "0", NULL), 13, 7,
	    "satisfaction: 0 is out of range (1 to 10)");
	assert_int_equal(fz_int_parse("42", 2, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(fz_int_parse("999999999999999999", 18, &v), 0);
	assert_int_equal(v, 999999999999999999LL);
	assert_int_equal(fz_int_parse("9999999999999999999", 19, &v), -1);
	assert_int_equal(fz_int_parse("", 0, &v), -1);
	assert_int_equal(fz_int_parse("-1", 2, &v), -1);
}

/* accepted: a date, or false for a complaint not accepted; a hotline
 * by its number, its name an alias. */
static void
test_complaint(void **state)
{
	fz_complaint q;
	fz_node *r;

	(void)state;
	decodes(FZ_KIND_COMPLAINTS, rec("id", "J1", "received", "2019-03-01",
	    "channel", "12318", "accepted", "2019-03-02", NULL), &q);
	assert_int_equal(q.accepted, fx_date("2019-03-02"));
	assert_int_equal(q.channel, FZ_CC_12318);
	assert_int_equal(q.anonymous, 0);
	assert_int_equal(q.result, -1);
	assert_int_equal(q.verified, FZ_NODATE);
	r = rec("id", "J1", "received", "2019-03-01", "channel", "来信",
	    "accepted", "不予受理", "result", "部分属实", NULL);
	decodes(FZ_KIND_COMPLAINTS, r, &q);
	assert_int_equal(q.accepted, FZ_FALSEDATE);
	assert_int_equal(q.channel, FZ_CC_LETTER);
	assert_int_equal(q.result, FZ_CR_PARTLY);
	assert_string_equal(fz_node_get(r, "accepted")->str, "false");
	assert_string_equal(fz_node_get(r, "channel")->str, "letter");
	decodes(FZ_KIND_COMPLAINTS, rec("id", "J1", "received", "2019-03-01",
	    "channel", "12345", NULL), &q);
	assert_int_equal(q.accepted, FZ_NODATE);
	refused(FZ_KIND_COMPLAINTS, rec("id", "J1", "received", "2019-03-01",
	    "channel", "12318", "accepted", "yes", NULL), 13, 7,
	    "accepted: 'yes' is neither a date (YYYY-MM-DD) nor false");
	refused(FZ_KIND_COMPLAINTS, rec("id", "J1", "received", "2019-03-01",
	    NULL), 3, 5, "complaints record without channel");
}

static void
test_dates(void **state)
{
	fz_case c;

	(void)state;
	decodes(FZ_KIND_CASES, rec("id", "C1", "filed", "2019-01-02",
	    "closed", "2019-03-05 16:00", NULL), &c);
	assert_int_equal(c.filed, fx_date("2019-01-02"));
	assert_int_equal(c.closed, fx_date("2019-03-05"));
	assert_int_equal(c.decided, FZ_NODATE);
	refused(FZ_KIND_CASES, rec("id", "C1", "filed", "2019-02-30", NULL),
	    11, 7, "filed: '2019-02-30' is not a date (expected YYYY-MM-DD)");
}

/* An activity: a day or a span, its type by the Chinese word (a town's
 * report too), its units never fewer than the entities it lists; the
 * day it counts in. */
static void
test_activity(void **state)
{
	fz_activity a;
	fz_node *r;

	(void)state;
	r = rec("id", "A1", "date", "2019-05-20", "type", "行政约谈",
	    "campaign", "扫黄打非", NULL);
	put_list(r, "entities", (const char *const[]){ "E1", "E2", NULL });
	decodes(FZ_KIND_ACTIVITIES, r, &a);
	assert_int_equal(a.type, FZ_AT_INTERVIEW);
	assert_string_equal(fz_node_get(r, "type")->str, "interview");
	assert_int_equal(a.level, -1);
	assert_int_equal(a.participants, FZ_NOINT);
	assert_int_equal(fz_activity_units(&a), 2);
	assert_int_equal(fz_activity_day(&a), fx_date("2019-05-20"));
	assert_string_equal(a.campaign, "扫黄打非");
	decodes(FZ_KIND_ACTIVITIES, rec("id", "A2", "from", "2019-03-01",
	    "to", "2019-11-30", "type", "demo_site", "level", "省级标兵",
	    "units", "1", NULL), &a);
	assert_int_equal(a.level, FZ_AL_PROVINCE_MODEL);
	assert_int_equal(fz_activity_day(&a), fx_date("2019-03-01"));
	assert_int_equal(fz_activity_units(&a), 1);
	/* A town's report of inspection information, by either word, and
	 * the case its lead gave. */
	r = rec("id", "A5", "date", "2019-04-08", "type", "上报检查信息",
	    "town", "望春街道", "lead", "接纳未成年人", "case", "C-1", NULL);
	decodes(FZ_KIND_ACTIVITIES, r, &a);
	assert_int_equal(a.type, FZ_AT_REPORT);
	assert_string_equal(fz_node_get(r, "type")->str, "report");
	assert_string_equal(a.case_id, "C-1");
	decodes(FZ_KIND_ACTIVITIES, rec("id", "A6", "date", "2019-04-09",
	    "type", "上报信息", NULL), &a);
	assert_int_equal(a.type, FZ_AT_REPORT);
	refused(FZ_KIND_ACTIVITIES, rec("id", "A3", "type", "drill", NULL),
	    3, 5, "activity: a date, or from and to both");
	refused(FZ_KIND_ACTIVITIES, rec("id", "A3", "type", "drill", "date",
	    "2019-01-02", "to", "2019-01-03", NULL), 12, 7,
	    "activity: date or from and to, not both");
	refused(FZ_KIND_ACTIVITIES, rec("id", "A3", "type", "drill", "from",
	    "2019-01-05", "to", "2019-01-03", NULL), 13, 7,
	    "activity: to is before from");
	r = rec("id", "A4", "type", "pledge", "date", "2019-01-02", "units",
	    "1", NULL);
	put_list(r, "entities", (const char *const[]){ "E1", "E2", NULL });
	refused(FZ_KIND_ACTIVITIES, r, 13, 7, "activity: units 1 is fewer "
	    "than the 2 entities listed (units counts them too)");
}

static void
test_penalties(void **state)
{
	fz_node *r = rec("id", "C1", "filed", "2019-01-02", "source", "双随机",
	    NULL);
	fz_node *bad = rec("id", "C1", "filed", "2019-01-02", NULL);
	fz_case c;

	(void)state;
	put_list(r, "penalty", (const char *const[]){ "警告", "fine", NULL });
	decodes(FZ_KIND_CASES, r, &c);
	assert_int_equal(c.penalty,
	    (1u << FZ_PENALTY_WARNING) | (1u << FZ_PENALTY_FINE));
	assert_int_equal(c.source, FZ_SOURCE_RANDOM);
	assert_string_equal(fz_node_get(r, "penalty")->kids[0]->str, "warning");
	decodes(FZ_KIND_CASES, case_with("penalty", "没收"), &c);
	assert_int_equal(c.penalty, 1u << FZ_PENALTY_CONFISCATION);
	decodes(FZ_KIND_CASES, rec("id", "C1", "filed", "2019-01-02", NULL), &c);
	assert_int_equal(c.penalty, 0);
	assert_int_equal(c.source, -1);
	put_list(bad, "penalty", (const char *const[]){ "fine", "jail", NULL });
	refused(FZ_KIND_CASES, bad, 30, 11, "unknown penalty 'jail' (expected "
	    "warning 警告, fine 罚款, confiscation 没收, suspension 责令停业, "
	    "revocation 吊销, none 不予处罚)");
}

/* The keys of the procedure: their defaults, aliases, and each fault
 * at its value. */
static void
test_case_procedure_keys(void **state)
{
	fz_node *r = rec("id", "C1", "filed", "2019-01-02", NULL);
	fz_case c;

	(void)state;
	decodes(FZ_KIND_CASES, r, &c);
	assert_int_equal(c.party, FZ_PARTY_ORGANIZATION);
	assert_int_equal(c.procedure, FZ_PROCEDURE_GENERAL);
	assert_int_equal(c.serious_harm, 0);
	assert_int_equal(c.major, 0);
	assert_int_equal(c.statement_waived, 0);
	assert_int_equal(c.served_on_spot, 0);
	assert_int_equal(c.collected_on_spot, FZ_NOMONEY);
	assert_int_equal(c.violation_date, FZ_NODATE);
	assert_int_equal(c.found, FZ_NODATE);
	assert_int_equal(c.notified, FZ_NODATE);
	r = rec("id", "C1", "filed", "2019-01-02", "party", "自然人",
	    "procedure", "简易程序", "violation_date", "2018-12-30",
	    "found", "2019-01-01", "serious_harm", "yes", "major", "true",
	    "collective", "2019-01-20", "notified", "2019-01-15",
	    "statement_waived", "no", "served", "2019-01-25",
	    "served_on_spot", "false", "evidence_preserved", "2019-01-03",
	    "evidence_decided", "2019-01-10", "collected_on_spot", "50.5",
	    "handed_in", "2019-01-04", NULL);
	decodes(FZ_KIND_CASES, r, &c);
	assert_int_equal(c.party, FZ_PARTY_PERSON);
	assert_string_equal(fz_node_get(r, "party")->str, "person");
	assert_int_equal(c.procedure, FZ_PROCEDURE_SIMPLE);
	assert_string_equal(fz_node_get(r, "procedure")->str, "simple");
	assert_int_equal(c.violation_date, fx_date("2018-12-30"));
	assert_int_equal(c.found, fx_date("2019-01-01"));
	assert_int_equal(c.serious_harm, 1);
	assert_int_equal(c.major, 1);
	assert_int_equal(c.collective, fx_date("2019-01-20"));
	assert_int_equal(c.notified, fx_date("2019-01-15"));
	assert_int_equal(c.statement_waived, 0);
	assert_int_equal(c.served, fx_date("2019-01-25"));
	assert_int_equal(c.served_on_spot, 0);
	assert_int_equal(c.evidence_preserved, fx_date("2019-01-03"));
	assert_int_equal(c.evidence_decided, fx_date("2019-01-10"));
	assert_int_equal(c.collected_on_spot, 5050);
	assert_int_equal(c.handed_in, fx_date("2019-01-04"));
	decodes(FZ_KIND_CASES, case_with("party", "法人"), &c);
	assert_int_equal(c.party, FZ_PARTY_ORGANIZATION);
	decodes(FZ_KIND_CASES, case_with("procedure", "普通程序"), &c);
	assert_int_equal(c.procedure, FZ_PROCEDURE_GENERAL);
	refused(FZ_KIND_CASES, case_with("party", "company"), 12, 7,
	    "unknown party 'company' (expected organization 法人或者其他组织, "
	    "person 自然人)");
	refused(FZ_KIND_CASES, case_with("procedure", "fast"), 12, 7,
	    "unknown procedure 'fast' (expected general 普通程序, simple "
	    "简易程序)");
	refused(FZ_KIND_CASES, case_with("notified", "2019-02-30"), 12, 7,
	    "notified: '2019-02-30' is not a date (expected YYYY-MM-DD)");
	refused(FZ_KIND_CASES, case_with("served", "soon"), 12, 7,
	    "served: 'soon' is not a date (expected YYYY-MM-DD)");
	refused(FZ_KIND_CASES, case_with("major", "maybe"), 12, 7,
	    "major must be true or false, not 'maybe'");
	refused(FZ_KIND_CASES, case_with("served_on_spot", "2019-01-02"), 12,
	    7, "served_on_spot must be true or false, not '2019-01-02'");
	refused(FZ_KIND_CASES, case_with("collected_on_spot", "20.005"), 12, 7,
	    "collected_on_spot: '20.005' is not an amount in yuan (a number "
	    "with at most 2 decimals, not negative)");
}

/* The keys of review, hearing, payment and appeal: their defaults, the
 * two mappings of their own keys, and each fault at its value. */
static void
test_case_review_keys(void **state)
{
	fz_node *r = rec("id", "C1", "filed", "2019-01-02", "major", "true",
	    NULL), *rc, *lit;
	fz_case c;
	fz_inspector p;

	(void)state;
	decodes(FZ_KIND_CASES, r, &c);
	assert_int_equal(c.review_required, 1);		/* as major */
	assert_int_equal(c.hearing_eligible, -1);	/* derived later */
	assert_int_equal(c.supervised, 0);
	assert_int_equal(c.educated, 0);
	assert_int_equal(c.av_recorded, 0);
	assert_int_equal(c.not_punished, -1);
	assert_null(c.reviewer);
	assert_null(c.extension_basis);
	assert_int_equal(c.paid, FZ_NODATE);
	assert_int_equal(c.reconsideration.applied, FZ_NODATE);
	assert_int_equal(c.reconsideration.result, -1);
	assert_int_equal(c.litigation.judged, FZ_NODATE);
	assert_int_equal(c.litigation.leader_appeared, 0);
	r = rec("id", "C1", "filed", "2019-01-02", "major", "true",
	    "review_required", "false", "reviewer", "P1", "supervised", "yes",
	    "hearing_eligible", "true", "hearing_requested", "2019-01-05",
	    "hearing_notice", "2019-01-07", "hearing", "2019-01-16",
	    "paid", "2019-02-01", "not_punished", "首违不罚", "educated", "true",
	    "av_recorded", "true", "extension_basis", "某规章第十条",
	    "transferred", "2019-02-02", "decision_revoked", "2019-03-01",
	    "unpublished", "2019-03-04", NULL);
	rc = rec("applied", "2019-02-10", "decided", "2019-04-01", "result",
	    "撤销", NULL);
	lit = rec("filed", "2019-05-01", "judged", "2019-08-01", "result",
	    "lost", "leader_appeared", "true", NULL);
	fz_node_put(fx_arena, r, "reconsideration", rc);
	fz_node_put(fx_arena, r, "litigation", lit);
	decodes(FZ_KIND_CASES, r, &c);
	assert_int_equal(c.review_required, 0);
	assert_string_equal(c.reviewer, "P1");
	assert_int_equal(c.supervised, 1);
	assert_int_equal(c.hearing_eligible, 1);
	assert_int_equal(c.hearing_requested, fx_date("2019-01-05"));
	assert_int_equal(c.hearing_notice, fx_date("2019-01-07"));
	assert_int_equal(c.hearing, fx_date("2019-01-16"));
	assert_int_equal(c.paid, fx_date("2019-02-01"));
	assert_int_equal(c.not_punished, FZ_NOT_PUNISHED_FIRST_OFFENSE);
	assert_string_equal(fz_node_get(r, "not_punished")->str,
	    "first_offense");
	assert_int_equal(c.educated, 1);
	assert_int_equal(c.av_recorded, 1);
	assert_string_equal(c.extension_basis, "某规章第十条");
	assert_int_equal(c.transferred, fx_date("2019-02-02"));
	assert_int_equal(c.decision_revoked, fx_date("2019-03-01"));
	assert_int_equal(c.unpublished, fx_date("2019-03-04"));
	assert_int_equal(c.reconsideration.applied, fx_date("2019-02-10"));
	assert_int_equal(c.reconsideration.decided, fx_date("2019-04-01"));
	assert_int_equal(c.reconsideration.result, FZ_RECONSIDERATION_REVOKED);
	assert_string_equal(fz_node_get(rc, "result")->str, "revoked");
	assert_int_equal(c.litigation.filed, fx_date("2019-05-01"));
	assert_int_equal(c.litigation.judged, fx_date("2019-08-01"));
	assert_int_equal(c.litigation.result, FZ_LITIGATION_LOST);
	assert_int_equal(c.litigation.leader_appeared, 1);
	refused(FZ_KIND_CASES, case_with("not_punished", "lucky"), 12, 7,
	    "unknown not_punished 'lucky' (expected minor 轻微不罚, "
	    "first_offense 首违不罚, no_fault 无过错不罚)");
	refused(FZ_KIND_CASES, case_with("hearing", "soon"), 12, 7,
	    "hearing: 'soon' is not a date (expected YYYY-MM-DD)");
	refused(FZ_KIND_CASES, case_with("reconsideration", "2019-02-10"), 12,
	    7, "reconsideration must be a mapping of applied, decided, result");
	r = case_with("x", "y");
	fz_node_put(fx_arena, r, "litigation", rec("result", "draw", NULL));
	refused(FZ_KIND_CASES, r, 10, 7, "unknown result 'draw' (expected "
	    "won 胜诉, lost 败诉, withdrawn 撤诉, settled 调解)");
	decodes(FZ_KIND_INSPECTORS, rec("id", "P1", "name", "张三",
	    "department", "文旅", NULL), &p);
	assert_int_equal(p.legal_reviewer, 0);
	assert_int_equal(p.legal_qualification, 0);
	decodes(FZ_KIND_INSPECTORS, rec("id", "P1", "name", "张三",
	    "department", "文旅", "legal_reviewer", "true",
	    "legal_qualification", "true", NULL), &p);
	assert_int_equal(p.legal_reviewer, 1);
	assert_int_equal(p.legal_qualification, 1);
}

/* An inspection's record: its items (a list of mappings, each checked
 * and rewritten to canonical values), outcome and follow-up. */
static void
test_inspection_record(void **state)
{
	fz_node *r = rec("date", "2019-07-10", "entity", "E1", "type",
	    "双随机", "outcome", "经责令已改正", "followup_closed", "2019-07-20",
	    NULL), *items = fz_node_seq(fx_arena), *bad = fz_node_seq(fx_arena);
	fz_node *one = rec("item", "WB-01", "finding", "发现问题", "disposal",
	    "责令改正", NULL);
	static const char *const who[] = { "P1", "P2", NULL };
	fz_inspection in;

	(void)state;
	put_list(r, "inspectors", who);
	decodes(FZ_KIND_INSPECTIONS, r, &in);
	assert_null(in.items);
	assert_int_equal(in.outcome, FZ_IO_CORRECTED);
	assert_string_equal(fz_node_get(r, "outcome")->str, "corrected");
	assert_int_equal(in.followup_closed, fx_date("2019-07-20"));
	fz_node_push(fx_arena, items, one);
	fz_node_push(fx_arena, items, rec("item", "WB-02", "finding", "none",
	    NULL));
	fz_node_put(fx_arena, r, "items", items);
	decodes(FZ_KIND_INSPECTIONS, r, &in);
	assert_ptr_equal(in.items, items);
	assert_string_equal(fz_node_get(one, "finding")->str, "problem");
	r = rec("date", "2019-07-10", "entity", "E1", "outcome", "迁出", NULL);
	put_list(r, "inspectors", who);
	decodes(FZ_KIND_INSPECTIONS, r, &in);
	assert_int_equal(in.outcome, FZ_IO_DEREGISTERED);
	r = rec("date", "2019-07-10", "entity", "E1", "items", "WB-01", NULL);
	put_list(r, "inspectors", who);
	refused(FZ_KIND_INSPECTIONS, r, 12, 7,
	    "items must be a list of mappings");
	fz_node_push(fx_arena, bad, rec("finding", "none", NULL));
	r = rec("date", "2019-07-10", "entity", "E1", NULL);
	put_list(r, "inspectors", who);
	fz_node_put(fx_arena, r, "items", bad);
	refused(FZ_KIND_INSPECTIONS, r, 3, 5,
	    "inspections items entry without item");
}

static fz_node *
matter_with(const char *key, const char *value)
{
	return rec("code", "M1", "name", "网吧设立审批", "level", "子项",
	    "type", "行政许可", "parent", "M0", key, value, NULL);
}

static void
test_tristate(void **state)
{
	static const struct { const char *s; int v; } cases[] = {
		{ "exempt", FZ_EXEMPT }, { "不适宜", FZ_EXEMPT }, { "yes", 1 },
		{ "true", 1 }, { "no", 0 }, { "false", 0 } };
	fz_matter m;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fz_node *r = matter_with("online", cases[i].s);

		decodes(FZ_KIND_MATTERS, r, &m);
		assert_int_equal(m.online, cases[i].v);
		assert_string_equal(fz_node_get(r, "online")->str,
		    cases[i].v == FZ_EXEMPT ? "exempt" : cases[i].v ? "true" :
		    "false");
		decodes(FZ_KIND_MATTERS, matter_with("zero_trip", cases[i].s), &m);
		assert_int_equal(m.zero_trip, cases[i].v);
	}
	assert_int_equal(m.level, FZ_LEVEL_SUB);
	assert_int_equal(m.type, FZ_MT_LICENSING);
	assert_int_equal(m.mobile, -1);
	refused(FZ_KIND_MATTERS, matter_with("mobile", "sometimes"), 15, 7,
	    "mobile must be true or false or exempt, not 'sometimes'");
	refused(FZ_KIND_MATTERS, matter_with("instant", "exempt"), 15, 7,
	    "instant must be true or false, not 'exempt'");
}

static void
test_matter_instant_default(void **state)
{
	fz_matter m;

	(void)state;
	decodes(FZ_KIND_MATTERS, matter_with("promised_days", "0"), &m);
	assert_int_equal(m.instant, 1);
	decodes(FZ_KIND_MATTERS, matter_with("promised_days", "5"), &m);
	assert_int_equal(m.instant, 0);
	assert_int_equal(m.promised_days, 5);
	assert_int_equal(m.statutory_days, FZ_NOINT);
	assert_int_equal(m.license, 0);
	assert_int_equal(m.e_license, 0);
	/* Said outright, instant wins over the promise. */
	decodes(FZ_KIND_MATTERS, rec("code", "M1", "name", "n", "level", "item",
	    "type", "filing", "promised_days", "0", "instant", "no", NULL), &m);
	assert_int_equal(m.instant, 0);
	assert_int_equal(m.type, FZ_MT_FILING);
}

static fz_node *
application(const char *channel, const char *trips)
{
	fz_node *r = rec("id", "A1", "matter", "M1", "received", "2019-01-02",
	    NULL);

	if (channel != NULL)
		fz_node_put(fx_arena, r, "channel", fx_plain(fx_arena, channel));
	if (trips != NULL)
		fz_node_put(fx_arena, r, "trips", fx_plain(fx_arena, trips));
	return r;
}

static void
test_application_trips_by_channel(void **state)
{
	fz_application a;

	(void)state;
	decodes(FZ_KIND_APPLICATIONS, application(NULL, NULL), &a);
	assert_int_equal(a.channel, FZ_CHANNEL_WINDOW);
	assert_int_equal(a.trips, 1);
	assert_int_equal(a.action, FZ_ACTION_NEW);
	assert_int_equal(a.outcome, FZ_OUTCOME_APPROVED);
	assert_int_equal(a.site_survey, 0);
	assert_int_equal(a.e_license, 0);
	assert_int_equal(a.completed, FZ_NODATE);
	assert_int_equal(a.satisfaction, FZ_NOINT);
	decodes(FZ_KIND_APPLICATIONS, application("online", NULL), &a);
	assert_int_equal(a.trips, 0);
	decodes(FZ_KIND_APPLICATIONS, application("掌上", NULL), &a);
	assert_int_equal(a.channel, FZ_CHANNEL_MOBILE);
	assert_int_equal(a.trips, 0);
	decodes(FZ_KIND_APPLICATIONS, application("窗口", NULL), &a);
	assert_int_equal(a.trips, 1);
	decodes(FZ_KIND_APPLICATIONS, application("window", "3"), &a);
	assert_int_equal(a.trips, 3);
	decodes(FZ_KIND_APPLICATIONS, application("online", "2"), &a);
	assert_int_equal(a.trips, 2);
}

struct report {
	int severity;
	const fz_node *at;
	char msg[256];
};

struct sink {
	struct report r[8];
	int n;
};

static void
collect(void *ctx, int severity, const fz_node *at, const char *msg)
{
	struct sink *s = ctx;

	assert_true(s->n < 8);
	s->r[s->n].severity = severity;
	s->r[s->n].at = at;
	snprintf(s->r[s->n].msg, sizeof s->r[s->n].msg, "%s", msg);
	s->n++;
}

static void
test_diag_collects_every_problem(void **state)
{
	fz_node *r = rec("date", "2019-02-30", "entity", "E1", "result", "pass",
	    "leader_led", "sure", NULL);
	struct sink s = { .n = 0 };
	fz_diag diag = { collect, &s, 0 };
	fz_inspection in;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_record_decode(FZ_KIND_INSPECTIONS, r, &in, &diag,
	    &err), FZ_DATAERR);
	assert_int_equal(s.n, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(s.r[i].severity, FZ_ERROR);
	assert_string_equal(s.r[0].msg,
	    "date: '2019-02-30' is not a date (expected YYYY-MM-DD)");
	assert_ptr_equal(s.r[0].at, fz_node_get(r, "date"));
	assert_string_equal(s.r[1].msg,
	    "unknown result 'pass' (expected ok 合格, violation 违规, banned 取缔)");
	assert_ptr_equal(s.r[1].at, fz_node_get(r, "result"));
	assert_string_equal(s.r[2].msg,
	    "leader_led must be true or false, not 'sure'");
	assert_string_equal(s.r[3].msg,
	    "inspections record without inspectors");
	assert_ptr_equal(s.r[3].at, r);
	/* err holds the first. */
	assert_string_equal(err.msg, s.r[0].msg);
	assert_int_equal(err.line, 10);
}

static void
test_strict_reports_unknown_keys_as_warnings(void **state)
{
	fz_node *r = inspection("ok");
	struct sink s = { .n = 0 };
	fz_diag diag = { collect, &s, 1 }, lax = { collect, &s, 0 };
	fz_inspection in;
	fz_error err = { 0 };

	(void)state;
	fz_node_put(fx_arena, r, "remark", fx_plain(fx_arena, "夜间"));
	assert_int_equal(fz_record_decode(FZ_KIND_INSPECTIONS, r, &in, &diag,
	    &err), FZ_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.r[0].severity, FZ_WARNING);
	assert_string_equal(s.r[0].msg, "unknown key 'remark' in inspections");
	assert_ptr_equal(s.r[0].at, r->kids[2 * (r->n - 1)]);
	/* Without strict, and without a sink, unknown keys are carried. */
	s.n = 0;
	assert_int_equal(fz_record_decode(FZ_KIND_INSPECTIONS, r, &in, &lax,
	    &err), FZ_OK);
	assert_int_equal(s.n, 0);
	decodes(FZ_KIND_INSPECTIONS, r, &in);
}

/* The organization document: name required, each key one value; its
 * own kind and version are no unknown keys, another key is. */
static void
test_organization(void **state)
{
	fz_node *d = rec("kind", "organization", "version", "1", "name",
	    " 海曙区文化和广电旅游体育局 ", "signer", "局办公室", NULL);
	struct sink s = { .n = 0 };
	fz_diag strict = { collect, &s, 1 };
	fz_organization org;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_organization_decode(d, &org, &strict, &err), FZ_OK);
	assert_int_equal(s.n, 0);
	assert_string_equal(org.name, "海曙区文化和广电旅游体育局");
	assert_string_equal(org.signer, "局办公室");
	assert_null(org.short_name);
	assert_null(org.leader);
	fz_node_put(fx_arena, d, "seal", fx_plain(fx_arena, "公章"));
	assert_int_equal(fz_organization_decode(d, &org, &strict, &err), FZ_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.r[0].msg, "unknown key 'seal' in organization");
	d = rec("kind", "organization", "short_name", "区文旅局", NULL);
	assert_int_equal(fz_organization_decode(d, &org, NULL, &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "organization document without name");
	assert_int_equal(err.line, 3);
	d = rec("name", "局", NULL);
	put_list(d, "phone", (const char *const[]){ "1", "2", NULL });
	assert_int_equal(fz_organization_decode(d, &org, NULL, &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "phone must be a single value, not a list");
	assert_int_equal(err.line, 30);
}

/* The GB 32100 check character of the first 17 characters of code,
 * computed here from the standard's weights 3^i mod 31. */
static char
uscc_check_char(const char *code)
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	int sum = 0, w = 1;

	for (int i = 0; i < 17; i++, w = w * 3 % 31)
		sum += (int)(strchr(chars, code[i]) - chars) * w;
	return chars[(31 - sum % 31) % 31];
}

static void
test_uscc(void **state)
{
	char code[] = "91330203MA2CJ8XX0Q";
	char good[19];

	(void)state;
	/* The weights give 0 for this code, not Q. */
	assert_int_equal(uscc_check_char(code), '0');
	assert_int_equal(fz_uscc_check(code), 0);
	memcpy(good, code, 17);
	good[17] = uscc_check_char(code);
	good[18] = '\0';
	assert_int_equal(fz_uscc_check(good), 1);
	assert_int_equal(uscc_check_char("91350100M000100Y43"), '3');
	assert_int_equal(fz_uscc_check("91350100M000100Y43"), 1);
	assert_int_equal(fz_uscc_check("91110000600037341L"), 1);
	assert_int_equal(fz_uscc_check("91110000600037341M"), 0);
	/* Not codes at all: length, letters GB 32100 leaves out, case. */
	assert_int_equal(fz_uscc_check("91350100M000100Y4"), -1);
	assert_int_equal(fz_uscc_check("91350100M000100Y433"), -1);
	assert_int_equal(fz_uscc_check(""), -1);
	assert_int_equal(fz_uscc_check("91350100M000100I43"), -1);
	assert_int_equal(fz_uscc_check("91350100M000100O43"), -1);
	assert_int_equal(fz_uscc_check("91350100M000100Z43"), -1);
	assert_int_equal(fz_uscc_check("91350100M000100S43"), -1);
	assert_int_equal(fz_uscc_check("91350100M000100V43"), -1);
	assert_int_equal(fz_uscc_check("91350100m000100Y43"), -1);
	assert_int_equal(fz_uscc_check("网吧网吧网吧"), -1);
}

/* Every code of one wrong character is caught. */
static void
test_uscc_single_errors(void **state)
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char code[] = "91350100M000100Y43";

	(void)state;
	for (int i = 0; i < 18; i++) {
		char keep = code[i];

		for (int c = 0; chars[c] != '\0'; c++) {
			if (chars[c] == keep)
				continue;
			code[i] = chars[c];
			assert_int_equal(fz_uscc_check(code), 0);
		}
		code[i] = keep;
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity),
		cmocka_unit_test(test_entity_defaults),
		cmocka_unit_test(test_required_keys),
		cmocka_unit_test(test_empty_string_after_trim),
		cmocka_unit_test(test_scalar_wanted),
		cmocka_unit_test(test_not_a_record),
		cmocka_unit_test(test_enumeration_aliases),
		cmocka_unit_test(test_unknown_enumeration_value),
		cmocka_unit_test(test_enumeration_synonyms),
		cmocka_unit_test(test_inspection_defaults_and_lists),
		cmocka_unit_test(test_list_rules),
		cmocka_unit_test(test_bools),
		cmocka_unit_test(test_inspector),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_money_parse_and_format),
		cmocka_unit_test(test_ratio_parse),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_complaint),
		cmocka_unit_test(test_activity),
		cmocka_unit_test(test_penalties),
		cmocka_unit_test(test_case_procedure_keys),
		cmocka_unit_test(test_tristate),
		cmocka_unit_test(test_matter_instant_default),
		cmocka_unit_test(test_application_trips_by_channel),
		cmocka_unit_test(test_diag_collects_every_problem),
		cmocka_unit_test(test_strict_reports_unknown_keys_as_warnings),
		cmocka_unit_test(test_case_review_keys),
		cmocka_unit_test(test_inspection_record),
		cmocka_unit_test(test_organization),
		cmocka_unit_test(test_uscc),
		cmocka_unit_test(test_uscc_single_errors),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
