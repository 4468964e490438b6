/* test_where.c - the --where KEY=VALUE filters (lib/where.c), the
 * group value of a key, and the suggestions of lib/core/suggest.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

/* A record of kind k read from YAML flow text and decoded, so that its
 * enumerations hold their canonical values. */
static fz_node *
decoded(enum fz_kind k, const char *flow)
{
	char yaml[1024];
	fz_node *doc, *rec;
	fx_record out;
	fz_error err = { 0 };

	snprintf(yaml, sizeof yaml, "kind: %s\nrecords:\n  - %s\n",
	    fz_kind_name(k), flow);
	doc = fx_parse(fx_arena, yaml);
	rec = fz_node_get(doc, "records")->kids[0];
	if (fz_record_decode(k, rec, &out, NULL, &err) != FZ_OK)
		fail_msg("%s", err.msg);
	return rec;
}

/* Does a where of the NULL-terminated conditions match rec? */
static int
matches(enum fz_kind k, const fz_node *rec, ...)
{
	fz_where *w = fz_where_new();
	const char *expr;
	fz_error err = { 0 };
	va_list ap;
	int hit;

	va_start(ap, rec);
	while ((expr = va_arg(ap, const char *)) != NULL)
		assert_int_equal(fz_where_add(w, expr, &err), FZ_OK);
	va_end(ap);
	hit = fz_where_match(w, k, rec);
	fz_where_free(w);
	return hit;
}

static void
test_parse_errors(void **state)
{
	static const char *const bad[] = { "town", "=城关镇", "", NULL };
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	char msg[128];

	(void)state;
	for (int i = 0; bad[i] != NULL; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(fz_where_add(w, bad[i], &err), FZ_USAGE);
		assert_int_equal(err.status, FZ_USAGE);
		snprintf(msg, sizeof msg, "--where takes KEY=VALUE, not '%s'",
		    bad[i]);
		assert_string_equal(err.msg, msg);
	}
	assert_int_equal(fz_where_count(w), 0);
	fz_where_free(w);
}

static void
test_conditions_are_kept(void **state)
{
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	const char *k, *v;

	(void)state;
	assert_int_equal(fz_where_add(w, " town = 城关镇\xe3\x80\x80", &err),
	    FZ_OK);
	assert_int_equal(fz_where_add(w, "cause=a=b", &err), FZ_OK);
	assert_int_equal(fz_where_count(w), 2);
	fz_where_get(w, 0, &k, &v);
	assert_string_equal(k, "town");
	assert_string_equal(v, "城关镇");
	fz_where_get(w, 1, &k, &v);
	assert_string_equal(k, "cause");
	assert_string_equal(v, "a=b");
	fz_where_free(w);
	assert_int_equal(fz_where_count(NULL), 0);
	fz_where_free(NULL);
}

/* An alias key matches as the key it stands for, and is shown as given. */
static void
test_alias_key(void **state)
{
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	const char *k, *v;

	(void)state;
	assert_int_equal(fz_where_add_as(w, " entity = E1", "entity", "id",
	    &err), FZ_OK);
	assert_int_equal(fz_where_add_as(w, "id=E2", "entity", "id", &err),
	    FZ_OK);
	assert_int_equal(fz_where_add_as(w, "entityx=E3", "entity", "id",
	    &err), FZ_OK);
	assert_int_equal(fz_where_add(w, "town=月湖", &err), FZ_OK);
	fz_where_get(w, 0, &k, &v);
	assert_string_equal(k, "id");
	assert_string_equal(v, "E1");
	assert_string_equal(fz_where_shown(w, 0), "entity=E1");
	fz_where_get(w, 1, &k, &v);
	assert_string_equal(k, "id");
	assert_string_equal(fz_where_shown(w, 1), "id=E2");
	fz_where_get(w, 2, &k, &v);
	assert_string_equal(k, "entityx");
	assert_string_equal(fz_where_shown(w, 3), "town=月湖");
	assert_int_equal(fz_where_add_as(w, "entity", "entity", "id", &err),
	    FZ_USAGE);
	fz_where_free(w);
}

static void
test_plain_values(void **state)
{
	fz_node *r = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, entity: "
	    "E1, town: 城关镇, inspectors: [P1], category: 网吧}");

	(void)state;
	assert_true(matches(FZ_KIND_INSPECTIONS, r, "town=城关镇", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, r, " town =城关镇 ", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=城关", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=城关镇镇", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, r, "town=城关镇",
	    "category=网吧", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=城关镇",
	    "category=书店", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, r, NULL));
	assert_true(fz_where_match(NULL, FZ_KIND_INSPECTIONS, r));
}

static void
test_aliases_per_kind(void **state)
{
	fz_node *visit = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, "
	    "entity: E1, inspectors: [P1], result: 违规, type: random}");
	fz_node *cas = decoded(FZ_KIND_CASES, "{id: C1, filed: 2019-01-02, "
	    "source: 双随机}");
	fz_node *ent = decoded(FZ_KIND_ENTITIES, "{id: E1, name: n, "
	    "category: c, status: closed, risk: 中}");
	fz_node *app = decoded(FZ_KIND_APPLICATIONS, "{id: A1, matter: M1, "
	    "received: 2019-01-02, action: 注销}");

	(void)state;
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "result=违规", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "result=violation",
	    NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, visit, "result=合格", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, visit, "result=pass", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "type=双随机", NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "source=双随机", NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "source=random", NULL));
	/* 注销 is status closed for entities, action cancellation for
	 * applications. */
	assert_true(matches(FZ_KIND_ENTITIES, ent, "status=注销", NULL));
	assert_true(matches(FZ_KIND_APPLICATIONS, app, "action=注销", NULL));
	assert_true(matches(FZ_KIND_APPLICATIONS, app, "action=cancellation",
	    NULL));
	assert_false(matches(FZ_KIND_APPLICATIONS, app, "status=注销", NULL));
	/* An extra alias, and every alias of one value. */
	assert_true(matches(FZ_KIND_ENTITIES, ent, "risk=一般", NULL));
	assert_true(matches(FZ_KIND_ENTITIES, ent, "risk=中", NULL));
	assert_true(matches(FZ_KIND_ENTITIES, ent, "risk=medium", NULL));
	/* A key without an enumeration compares the text as it is. */
	assert_false(matches(FZ_KIND_ENTITIES, ent, "name=违规", NULL));
}

static void
test_list_values(void **state)
{
	fz_node *visit = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, "
	    "entity: E1, inspectors: [P1, ' P2 ']}");
	fz_node *cas = decoded(FZ_KIND_CASES, "{id: C1, filed: 2019-01-02, "
	    "penalty: [警告, 罚款]}");
	fz_node *one = decoded(FZ_KIND_CASES, "{id: C2, filed: 2019-01-02, "
	    "penalty: fine}");

	(void)state;
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "inspectors=P1", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "inspectors=P2", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, visit, "inspectors=P3",
	    NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "penalty=fine", NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "penalty=罚款", NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "penalty=警告", NULL));
	assert_false(matches(FZ_KIND_CASES, cas, "penalty=吊销", NULL));
	assert_true(matches(FZ_KIND_CASES, one, "penalty=罚款", NULL));
	assert_true(matches(FZ_KIND_CASES, cas, "penalty=fine",
	    "penalty=warning", NULL));
}

static void
test_absent_keys_do_not_match(void **state)
{
	fz_node *r = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, entity: "
	    "E1, inspectors: [P1], town: ~}");

	(void)state;
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=城关镇", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=~", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "task=T1", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "town=", NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, r, "nonsense=x", NULL));
}

static void
test_defaults_are_seen(void **state)
{
	fz_node *visit = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, "
	    "entity: E1, inspectors: [P1]}");
	fz_node *ent = decoded(FZ_KIND_ENTITIES, "{id: E1, name: n, "
	    "category: c}");
	fz_node *app = decoded(FZ_KIND_APPLICATIONS, "{id: A1, matter: M1, "
	    "received: 2019-01-02}");

	(void)state;
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "result=ok", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "result=合格", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "type=日常", NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "reported_by=bureau",
	    NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "leader_led=false",
	    NULL));
	assert_false(matches(FZ_KIND_INSPECTIONS, visit, "result=violation",
	    NULL));
	assert_true(matches(FZ_KIND_ENTITIES, ent, "status=active", NULL));
	assert_false(matches(FZ_KIND_ENTITIES, ent, "risk=low", NULL));
	assert_true(matches(FZ_KIND_APPLICATIONS, app, "channel=窗口", NULL));
	assert_true(matches(FZ_KIND_APPLICATIONS, app, "outcome=approved",
	    NULL));
}

/* The defaults that depend on another key: a matter is instant when
 * promised_days is 0; trips are 1 at the window, 0 online. */
static void
test_derived_defaults_are_seen(void **state)
{
	fz_node *matter = decoded(FZ_KIND_MATTERS, "{code: M1, name: n, "
	    "level: item, type: filing, promised_days: 0}");
	fz_node *app = decoded(FZ_KIND_APPLICATIONS, "{id: A1, matter: M1, "
	    "received: 2019-01-02, channel: online}");

	(void)state;
	assert_true(matches(FZ_KIND_MATTERS, matter, "instant=true", NULL));
	assert_true(matches(FZ_KIND_APPLICATIONS, app, "trips=0", NULL));
}

/* Bools and tristates compare by their meaning: leader_led=true finds
 * leader_led: yes, online=exempt finds online: 不适宜. */
static void
test_bool_values_match_canonically(void **state)
{
	fz_node *visit = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, "
	    "entity: E1, inspectors: [P1], leader_led: yes}");
	fz_node *matter = decoded(FZ_KIND_MATTERS, "{code: M1, name: n, "
	    "level: item, type: filing, online: 不适宜}");

	(void)state;
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "leader_led=yes",
	    NULL));
	assert_true(matches(FZ_KIND_INSPECTIONS, visit, "leader_led=true",
	    NULL));
	assert_true(matches(FZ_KIND_MATTERS, matter, "online=exempt", NULL));
}

static void
test_group_value(void **state)
{
	fz_node *r = fx_parse(fx_arena, "a: ' 城关镇　'\nb: [x, y, z]\nc: ~\n"
	    "d: {k: v}\ne: []\nf: 42\ng: [solo]\n");

	(void)state;
	assert_string_equal(fz_node_group_value(fx_arena, fz_node_get(r, "a")),
	    "城关镇");
	assert_string_equal(fz_node_group_value(fx_arena, fz_node_get(r, "b")),
	    "x,y,z");
	assert_null(fz_node_group_value(fx_arena, fz_node_get(r, "c")));
	assert_null(fz_node_group_value(fx_arena, fz_node_get(r, "d")));
	assert_null(fz_node_group_value(fx_arena, fz_node_get(r, "e")));
	assert_string_equal(fz_node_group_value(fx_arena, fz_node_get(r, "f")),
	    "42");
	assert_string_equal(fz_node_group_value(fx_arena, fz_node_get(r, "g")),
	    "solo");
	assert_null(fz_node_group_value(fx_arena, fz_node_get(r, "absent")));
	assert_null(fz_node_group_value(fx_arena, NULL));
}

/* A typo in a key or a value is a usage error that names the known
 * ones, never a filter that quietly matches nothing. */
static void
test_check_unknown_keys_and_values(void **state)
{
	static const enum fz_kind kinds[] = { FZ_KIND_INSPECTIONS,
		FZ_KIND_CASES };
	static const char *const good[] = { "town=月湖街道", "type=夜查",
		"type=night", "result=违规", "leader_led=yes", "fine=100",
		"id=C1", NULL };
	static const struct { const char *expr, *msg; } bad[] = {
		{ "twon=月湖街道", "--where: unknown key 'twon' (did you mean "
		    "'town'?); it takes a key of inspections and cases: date, " },
		{ "type=nite", "--where: unknown type 'nite' (expected one of "
		    "routine 日常, " },
		{ "result=pas", "--where: unknown result 'pas' (expected " },
		{ "result=vilation", "--where: unknown result 'vilation' (did "
		    "you mean 'violation'?) (expected one of ok 合格, " },
		{ "leader_led=maybe", "--where: leader_led is true or false, "
		    "not 'maybe'" },
	};
	fz_error err = { 0 };

	(void)state;
	for (size_t i = 0; good[i] != NULL; i++) {
		fz_where *w = fz_where_new();

		assert_int_equal(fz_where_add(w, good[i], &err), FZ_OK);
		if (fz_where_check(w, kinds, 2, NULL, &err) != FZ_OK)
			fail_msg("%s: %s", good[i], err.msg);
		fz_where_free(w);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		fz_where *w = fz_where_new();

		assert_int_equal(fz_where_add(w, bad[i].expr, &err), FZ_OK);
		assert_int_equal(fz_where_check(w, kinds, 2, NULL, &err), FZ_USAGE);
		if (strncmp(err.msg, bad[i].msg, strlen(bad[i].msg)) != 0)
			fail_msg("%s: %s", bad[i].expr, err.msg);
		fz_where_free(w);
	}
}

/* Keys filled in from elsewhere (the towns' zone) are taken as free
 * text, and the conditions after one are still checked. */
static void
test_check_extra(void **state)
{
	static const enum fz_kind kinds[] = { FZ_KIND_INSPECTIONS,
		FZ_KIND_CASES };
	static const char *const extra[] = { "zone", NULL };
	fz_where *w = fz_where_new();
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_where_add(w, "zone=老城片区", &err), FZ_OK);
	assert_int_equal(fz_where_check(w, kinds, 2, NULL, &err), FZ_USAGE);
	assert_int_equal(fz_where_check(w, kinds, 2, extra, &err), FZ_OK);
	assert_int_equal(fz_where_add(w, "type=daily", &err), FZ_OK);
	assert_int_equal(fz_where_check(w, kinds, 2, extra, &err), FZ_USAGE);
	assert_non_null(strstr(err.msg, "unknown type 'daily'"));
	fz_where_free(w);
}

/* A free-text value no record had is worth a warning; an enumeration's
 * value is checked beforehand instead. */
static void
test_unmatched_free_text(void **state)
{
	fz_where *w = fz_where_new();
	fz_node *rec = decoded(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, "
	    "entity: E1, inspectors: [P1], town: 月湖街道, type: night}");
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_where_add(w, "town=月胡街道", &err), FZ_OK);
	assert_int_equal(fz_where_add(w, "type=routine", &err), FZ_OK);
	assert_int_equal(fz_where_add(w, "category=网吧", &err), FZ_OK);
	assert_false(fz_where_match(w, FZ_KIND_INSPECTIONS, rec));
	assert_true(fz_where_unmatched(w, FZ_KIND_INSPECTIONS, 0));
	assert_false(fz_where_unmatched(w, FZ_KIND_INSPECTIONS, 1));
	assert_true(fz_where_unmatched(w, FZ_KIND_INSPECTIONS, 2));
	fz_where_free(w);
	w = fz_where_new();
	assert_int_equal(fz_where_add(w, "town=月湖街道", &err), FZ_OK);
	assert_true(fz_where_match(w, FZ_KIND_INSPECTIONS, rec));
	assert_false(fz_where_unmatched(w, FZ_KIND_INSPECTIONS, 0));
	fz_where_free(w);
}

static void
test_nearest(void **state)
{
	static const char *const keys[] = { "town", "type", "category",
		"inspectors", "月湖街道" };

	(void)state;
	assert_string_equal(fz_nearest("twon", keys, 5), "town");
	assert_string_equal(fz_nearest("categroy", keys, 5), "category");
	assert_string_equal(fz_nearest("inspector", keys, 5), "inspectors");
	assert_string_equal(fz_nearest("月胡街道", keys, 5), "月湖街道");
	assert_null(fz_nearest("town", keys, 5));	/* itself: no typo */
	assert_null(fz_nearest("nite", keys, 5));
	assert_null(fz_nearest("x", keys, 5));
	assert_null(fz_nearest("", keys, 5));
}

/* A key typed with a full-width colon: the hint, and the colon's column
 * when nothing before it may be a folded line break. */
#define S(text) text, strlen(text)

static void
test_colon_hint(void **state)
{
	char hint[256], note[320];
	unsigned col = 5;
	fz_node *doc;

	(void)state;
	assert_int_equal(fz_colon_hint(S("date：2019-03-01"), &col, hint,
	    sizeof hint), 1);
	assert_int_equal(col, 9);
	assert_string_equal(hint, "full-width colon ： in 'date：2019-03-01': "
	    "a key ends with an ASCII ':' and a space, as in 'date: '");
	/* "日期" is two characters; a space before the colon keeps col. */
	col = 1;
	assert_int_equal(fz_colon_hint(S("日期：x"), &col, hint, sizeof hint),
	    1);
	assert_int_equal(col, 3);
	col = 1;
	assert_int_equal(fz_colon_hint(S("a b：c"), &col, hint, sizeof hint), 1);
	assert_int_equal(col, 1);
	assert_non_null(strstr(hint, "in 'b：c'"));
	assert_non_null(strstr(hint, "as in 'b: '"));
	/* None: nothing touched; NULL column. */
	strcpy(hint, "-");
	assert_int_equal(fz_colon_hint(S("date: x"), &col, hint, sizeof hint),
	    0);
	assert_int_equal(col, 1);
	assert_string_equal(hint, "-");
	assert_int_equal(fz_colon_hint(S("\xef\xbc"), NULL, hint, sizeof hint), 0);
	/* A long scalar is quoted in part, cut between characters. */
	assert_int_equal(fz_colon_hint(S("k：一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十"), NULL, hint, sizeof hint), 1);
	assert_non_null(strstr(hint, "in 'k：一二三四五六七八九十一二三四五六七八"
	    "...'"));
	/* The key of a mapping holding one, and its note. */
	doc = fx_parse(fx_arena, "kind: x\nrec: {a: 1, date：2019: , b: 2}\n");
	assert_string_equal(fz_colon_key(fz_node_get(doc, "rec"))->str,
	    "date：2019");
	assert_null(fz_colon_key(doc));
	assert_null(fz_colon_key(NULL));
	assert_string_equal(fz_colon_note(fz_colon_key(fz_node_get(doc,
	    "rec")), note, sizeof note), " (full-width colon ： in "
	    "'date：2019': a key ends with an ASCII ':' and a space, as in "
	    "'date: ')");
	assert_string_equal(fz_colon_note(NULL, note, sizeof note), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_check_extra),
		cmocka_unit_test(test_conditions_are_kept),
		cmocka_unit_test(test_alias_key),
		cmocka_unit_test(test_plain_values),
		cmocka_unit_test(test_aliases_per_kind),
		cmocka_unit_test(test_list_values),
		cmocka_unit_test(test_absent_keys_do_not_match),
		cmocka_unit_test(test_defaults_are_seen),
		cmocka_unit_test(test_derived_defaults_are_seen),
		cmocka_unit_test(test_bool_values_match_canonically),
		cmocka_unit_test(test_group_value),
		cmocka_unit_test(test_check_unknown_keys_and_values),
		cmocka_unit_test(test_unmatched_free_text),
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_colon_hint),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
