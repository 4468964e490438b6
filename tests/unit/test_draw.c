/* test_draw.c - the plan, the draw and its verification, on cases worked
 * out by hand from DRAW.md (tickets of DRAW.md's seed 314159 and ids
 * A-1 .. B-3; inspector tickets of "entity|inspector" the same way); the
 * inputs and the published draw taken from events. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fazhi.h"

static fz_arena *arena;
static char yaml_path[] = "/tmp/test_draw_XXXXXX";

/* The first document of a YAML text, kept in arena. */
static fz_node *
yaml_doc(const char *text)
{
	static char path[sizeof yaml_path];	/* the nodes name it */
	char *paths[1] = { path };
	fz_stream *s;
	fz_event ev;
	fz_error err;
	fz_node *doc;
	int fd;

	memcpy(path, yaml_path, sizeof path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	s = fz_stream_open(paths, 1, FZ_STREAM_KEEP);
	assert_int_equal(fz_stream_next(s, &ev, &err), FZ_OK);
	assert_int_equal(ev.type, FZ_EV_DOC);
	doc = fz_node_copy(arena, ev.node);
	fz_stream_close(s);
	unlink(path);
	return doc;
}

static int warnings;
static char last_warning[1024];

static void
on_warning(void *ctx, int severity, const fz_node *at, const char *msg)
{
	(void)ctx;
	(void)at;
	assert_int_equal(severity, FZ_WARNING);
	warnings++;
	snprintf(last_warning, sizeof last_warning, "%s", msg);
}

static const fz_diag diag = { on_warning, NULL, 0 };

static int
setup(void **state)
{
	(void)state;
	arena = fz_arena_new();
	warnings = 0;
	last_warning[0] = '\0';
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fz_arena_free(arena);
	return 0;
}

#define PLAN_HEAD "kind: plan\ntask: T\nseed: \"314159\"\ndate: 2019-07-01\n"

static int
plan_of(const char *text, fz_plan *p, fz_error *err)
{
	return fz_draw_plan_decode(yaml_doc(text), p, arena, &diag, err);
}

/* The error of a plan, at line and column. */
static void
plan_fails(const char *text, unsigned line, unsigned col, const char *msg)
{
	fz_plan p;
	fz_error err;

	assert_int_equal(plan_of(text, &p, &err), FZ_DATAERR);
	if (err.line != line || err.col != col)
		print_error("at %u:%u: %s\n", err.line, err.col, err.msg);
	assert_int_equal(err.status, FZ_DATAERR);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_non_null(strstr(err.msg, msg));
}

static void
test_plan_decoded(void **state)
{
	fz_plan p;
	fz_error err;

	(void)state;
	assert_int_equal(plan_of("kind: plan\ntask: 2019-H2-网吧\n"
	    "seed: 01382438112797316654\ndate: 2019-07-01\nhash: sm3\n"
	    "strata:\n- {name: 高, where: {category: 网吧, risk: 高}, "
	    "count: 5}\n- {name: 其他, where: {town: [甲, 乙]}, ratio: 0.25}\n"
	    "team: {departments: [文旅, 消防, 公安]}\nmax_per_inspector: 4\n"
	    "exclude_inspected_within_days: 90\n", &p, &err), FZ_OK);
	assert_string_equal(p.task, "2019-H2-网吧");
	assert_string_equal(p.seed, "01382438112797316654");
	assert_int_equal(p.date, fz_date_make(2019, 7, 1));
	assert_int_equal(p.hash, FZ_HASH_SM3);
	assert_int_equal(p.nstrata, 2);
	assert_int_equal(p.strata[0].count, 5);
	assert_int_equal(p.strata[0].nwhere, 2);
	assert_string_equal(p.strata[0].where[1].values[0], "high");
	assert_int_equal(p.strata[0].where[1].indexes[0], FZ_RISK_HIGH);
	assert_int_equal(p.strata[1].count, -1);
	assert_int_equal(p.strata[1].ratio_num, 25);
	assert_int_equal(p.strata[1].ratio_den, 100);
	assert_int_equal(p.strata[1].where[0].nvalues, 2);
	/* three departments and no size: a team of three */
	assert_int_equal(p.team_size, 3);
	assert_int_equal(p.ndepartments, 3);
	assert_string_equal(p.departments[1], "消防");
	assert_int_equal(p.max_per_inspector, 4);
	assert_int_equal(p.exclude_days, 90);
	assert_int_equal(warnings, 0);
}

/* credit_ratios (DRAW.md v1.1): one stratum per class, in the map's
 * order, named NAME·CLASS, with the stratum's where and the class's
 * ratio, in the place of the original. */
static void
test_plan_credit_ratios(void **state)
{
	fz_plan p;
	fz_error err;

	(void)state;
	assert_int_equal(plan_of(PLAN_HEAD "credit_default: ' B '\nstrata:\n"
	    "- {name: 首, count: 1}\n"
	    "- {name: 网吧, where: {category: 网吧}, credit_ratios: "
	    "{D: 1, A: 0.05, C: 0.3}}\n- {name: 其他, ratio: 0.2}\n", &p,
	    &err), FZ_OK);
	assert_int_equal(p.credit, 1);
	assert_string_equal(p.credit_default, "B");
	assert_int_equal(p.nstrata, 5);
	assert_string_equal(p.strata[0].name, "首");
	assert_null(p.strata[0].credit);
	assert_string_equal(p.strata[1].name, "网吧\xc2\xb7" "D");
	assert_string_equal(p.strata[2].name, "网吧·A");
	assert_string_equal(p.strata[3].name, "网吧·C");
	assert_string_equal(p.strata[1].credit, "D");
	assert_string_equal(p.strata[2].credit, "A");
	assert_string_equal(p.strata[3].credit, "C");
	assert_int_equal(p.strata[1].ratio_num, 1);
	assert_int_equal(p.strata[1].ratio_den, 1);
	assert_int_equal(p.strata[2].ratio_num, 5);
	assert_int_equal(p.strata[2].ratio_den, 100);
	assert_int_equal(p.strata[3].ratio_num, 3);
	assert_int_equal(p.strata[3].ratio_den, 10);
	for (size_t s = 1; s <= 3; s++) {
		assert_int_equal(p.strata[s].count, -1);
		assert_int_equal(p.strata[s].nwhere, 1);
		assert_string_equal(p.strata[s].where[0].values[0], "网吧");
	}
	/* Each expanded stratum is placed at its class, for messages. */
	assert_int_equal(p.strata[2].at->line, 8);
	assert_string_equal(p.strata[4].name, "其他");
	assert_null(p.strata[4].credit);
	assert_int_equal(p.strata[4].ratio_num, 2);
	/* Without credit_ratios, no class anywhere. */
	assert_int_equal(plan_of(PLAN_HEAD "strata: [{name: a, count: 1}]\n",
	    &p, &err), FZ_OK);
	assert_int_equal(p.credit, 0);
	assert_null(p.credit_default);
}

static void
test_plan_defaults_and_short_seed(void **state)
{
	fz_plan p;
	fz_error err;

	(void)state;
	assert_int_equal(plan_of(PLAN_HEAD "strata: [{name: a, count: 1}]\n",
	    &p, &err), FZ_OK);
	assert_int_equal(p.hash, -1);
	assert_int_equal(p.team_size, 2);
	assert_int_equal(p.max_per_inspector, 0);
	assert_int_equal(p.strata[0].nwhere, 0);
	assert_int_equal(warnings, 1);
	assert_non_null(strstr(last_warning, "6 digits"));
}

/* Every mistake of a plan, at its place.  The reader places a
 * document's top-level keys at their values. */
static const struct {
	const char *text;
	unsigned line, col;
	const char *msg;
} bad_plans[] = {
	{ "kind: plan\nseed: \"1\"\ndate: 2019-07-01\nstrata: []\n",
	    1, 1, "plan without task" },
	{ "kind: plan\ntask: T\ndate: 2019-07-01\n", 1, 1,
	    "plan without seed" },
	{ "kind: plan\ntask: T\nseed: \"1\"\n", 1, 1,
	    "plan without date" },
	{ PLAN_HEAD "strata: [{name: a, ratio: 0}]\n", 5, 27,
	    "outside (0, 1]" },
	{ PLAN_HEAD "strata: [{name: a, ratio: 1.5}]\n", 5, 27,
	    "outside (0, 1]" },
	{ PLAN_HEAD "strata: [{name: a, ratio: 99999999999999999.5}]\n", 5,
	    27, "outside (0, 1]" },
	{ PLAN_HEAD "strata: [{name: a, ratio: 3e-1}]\n", 5, 27,
	    "decimal" },
	{ PLAN_HEAD "strata: [{name: a, count: 1, ratio: 0.5}]\n",
	    5, 37, "exactly one of count, ratio and credit_ratios" },
	{ PLAN_HEAD "strata: [{name: a}]\n", 5, 10,
	    "exactly one of count, ratio and credit_ratios" },
	{ PLAN_HEAD "strata: [{name: a, count: 1, credit_ratios: {A: 1}}]\n",
	    5, 45, "exactly one of count, ratio and credit_ratios" },
	{ PLAN_HEAD "strata: [{name: a, credit_ratios: [A, B]}]\n", 5, 35,
	    "credit_ratios must be a mapping of credit classes" },
	{ PLAN_HEAD "strata: [{name: a, credit_ratios: {}}]\n", 5, 35,
	    "credit_ratios must be a mapping of credit classes" },
	{ PLAN_HEAD "strata: [{name: a, credit_ratios: {A: 1, B: 0}}]\n", 5,
	    45, "ratio 0 is outside (0, 1]" },
	{ PLAN_HEAD "strata: [{name: a, credit_ratios: {A: 1.01}}]\n", 5, 39,
	    "ratio 1.01 is outside (0, 1]" },
	{ PLAN_HEAD "strata: [{name: a, credit_ratios: {'': 1}}]\n", 5, 36,
	    "a class must not be empty" },
	{ PLAN_HEAD "strata: [{name: a·B, count: 1}, {name: a, "
	    "credit_ratios: {A: 1, B: 1}}]\n", 5, 65,
	    "duplicate stratum name 'a·B'" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\ncredit_default: [A]\n", 6,
	    17, "credit_default must be a single value" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {size: 1}\n",
	    6, 14, "at least 2" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nseeds: 3\n", 6, 8,
	    "unknown key 'seeds' in a plan" },
	{ PLAN_HEAD "strata: [{name: a, count: 1, weight: 2}]\n", 5,
	    30, "unknown key 'weight' in a stratum" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {sise: 3}\n",
	    6, 8, "unknown key 'sise' in team" },
	{ PLAN_HEAD "strata: [{name: a, count: 1, where: {colour: "
	    "red}}]\n", 5, 38, "'colour' is not a key of an entity" },
	{ PLAN_HEAD "strata: [{name: a, count: 1, where: {risk: "
	    "huge}}]\n", 5, 44, "unknown risk 'huge'" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}, {name: a, "
	    "count: 2}]\n", 5, 38, "duplicate stratum name" },
	{ PLAN_HEAD "hash: md5\nstrata: [{name: a, count: 1}]\n", 5,
	    7, "sha256 or sm3" },
	{ PLAN_HEAD "strata: [{name: a, count: -1}]\n", 5, 27,
	    "whole number" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\n"
	    "max_per_inspector: 0\n", 6, 20, "at least 1" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {size: 2, "
	    "departments: [a, b, c]}\n", 6, 14, "smaller than the 3" },
	{ PLAN_HEAD "version: 2\nstrata: [{name: a, count: 1}]\n", 5,
	    10, "unsupported plan version" },
	{ PLAN_HEAD "strata: []\n", 5, 9, "at least one stratum" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {department: "
	    "[a, b]}\n", 6, 20, "team.department must be a single value" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {department: "
	    "''}\n", 6, 20, "team.department must not be empty" },
	{ PLAN_HEAD "strata: [{name: a, count: 1}]\nteam: {size：3}\n", 6,
	    8, "unknown key 'size：3' in team (full-width colon ： in "
	    "'size：3'" },
	{ "{kind: plan, task：T, seed: \"1\"}\n", 1, 20, "unknown key "
	    "'task：T' in a plan (full-width colon ： in 'task：T'" },
};

static void
test_plan_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_plans / sizeof *bad_plans; i++)
		plan_fails(bad_plans[i].text, bad_plans[i].line,
		    bad_plans[i].col, bad_plans[i].msg);
}

/* ------------------------------------------------------------ draws */

static fz_entity ents[6];
static fz_inspector insps[5];

static const fz_node *
list_of(const char *a, const char *b)
{
	fz_node *seq = fz_node_seq(arena);

	fz_node_push(arena, seq, fz_node_scalar(arena, a, strlen(a)));
	if (b != NULL)
		fz_node_push(arena, seq, fz_node_scalar(arena, b, strlen(b)));
	return seq;
}

/* A-1 .. A-3 are 网吧 in town 甲, B-1 .. B-3 娱乐场所 in town 乙; P-1 ..
 * P-5 active inspectors of 文旅 for any category. */
static void
directory(void)
{
	static const char *const ids[] = { "A-1", "A-2", "A-3", "B-1", "B-2",
		"B-3" };
	static const char *const pids[] = { "P-1", "P-2", "P-3", "P-4",
		"P-5" };

	for (int i = 0; i < 6; i++)
		ents[i] = (fz_entity){ ids[i], ids[i], i < 3 ? "网吧" : "娱乐场所",
		    i < 3 ? "甲" : "乙", NULL, FZ_RISK_LOW, FZ_NODATE,
		    FZ_ENTITY_ACTIVE, NULL };
	for (int i = 0; i < 5; i++)
		insps[i] = (fz_inspector){ pids[i], pids[i], "文旅", NULL, NULL,
		    NULL, 1, NULL, FZ_NODATE, 0, 0 };
}

static void
run(fz_draw *d, const char *plan_text, fz_plan *p)
{
	fz_error err;

	assert_int_equal(plan_of(plan_text, p, &err), FZ_OK);
	assert_int_equal(fz_draw_run(d, p, FZ_HASH_SHA256, ents, 6, insps, 5,
	    &diag, &err), FZ_OK);
}

static const char *
pick_id(const fz_draw *d, size_t i)
{
	return d->entities[d->picks[i].entity].id;
}

static void
assert_team(const fz_draw *d, size_t i, const char *a, const char *b)
{
	assert_null(d->picks[i].unfilled);
	assert_int_equal(d->picks[i].nteam, 2);
	assert_string_equal(d->inspectors[d->picks[i].team[0]].id, a);
	assert_string_equal(d->inspectors[d->picks[i].team[1]].id, b);
}

/* DRAW.md's vector as a draw: one stratum of all six. */
static void
test_draw_order(void **state)
{
	static const char *const want[] = { "B-2", "B-3", "A-3", "A-2" };
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	run(&d, PLAN_HEAD "strata: [{name: all, count: 4}]\n", &p);
	assert_int_equal(d.npicks, 4);
	assert_int_equal(d.population[0], 6);
	assert_int_equal(d.selected[0], 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(pick_id(&d, i), want[i]);
	assert_string_equal(d.picks[0].ticket, "0.410310858090729035148720008"
	    "96790351462382130463015916888993860148207487365068");
	/* Teams without departments: the two smallest "E|P" tickets. */
	assert_team(&d, 0, "P-3", "P-5");
	assert_team(&d, 1, "P-4", "P-5");
	assert_team(&d, 2, "P-2", "P-4");
	assert_team(&d, 3, "P-2", "P-4");
	fz_draw_free(&d);
}

/* Strata by where: the first that matches; the order over all strata. */
static void
test_strata(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	run(&d, PLAN_HEAD "strata:\n- {name: a, where: {category: 网吧}, "
	    "count: 2}\n- {name: b, where: {town: [丙, 乙]}, count: 1}\n"
	    "- {name: none, where: {town: 丁}, count: 3}\n", &p);
	assert_int_equal(d.population[0], 3);
	assert_int_equal(d.population[1], 3);
	assert_int_equal(d.population[2], 0);
	assert_int_equal(d.npicks, 3);
	assert_string_equal(pick_id(&d, 0), "B-2");
	assert_int_equal(d.picks[0].stratum, 1);
	assert_string_equal(pick_id(&d, 1), "A-3");
	assert_string_equal(pick_id(&d, 2), "A-2");
	assert_int_equal(d.picks[2].stratum, 0);
	assert_int_equal(warnings, 2);	/* short seed, empty stratum */
	assert_non_null(strstr(last_warning, "'none' matches no entity"));
	fz_draw_free(&d);
}

/* Closed entities and the exclusion window: B-2 closed; B-3 inspected
 * 16 days before, excluded; A-3 30 days before, kept (not fewer than
 * 30); A-2 after the draw date, kept. */
static void
test_left_out(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	ents[4].status = FZ_ENTITY_CLOSED;
	ents[5].last_inspected = fz_date_make(2019, 6, 15);
	ents[2].last_inspected = fz_date_make(2019, 6, 1);
	ents[1].last_inspected = fz_date_make(2019, 7, 5);
	run(&d, PLAN_HEAD "exclude_inspected_within_days: 30\n"
	    "strata: [{name: a, where: {category: 网吧}, count: 9}]\n", &p);
	assert_int_equal(d.closed, 1);
	assert_int_equal(d.recent, 1);
	assert_int_equal(d.unmatched, 1);	/* B-1 */
	assert_int_equal(d.npicks, 3);		/* at most the population */
	assert_string_equal(pick_id(&d, 0), "A-3");
	assert_string_equal(pick_id(&d, 1), "A-2");
	assert_string_equal(pick_id(&d, 2), "A-1");
	assert_non_null(strstr(last_warning, "1 entity is in no stratum"));
	fz_draw_free(&d);
}

/* ceil(ratio * P) without floats: 0.3 of 6 is 1.8, so 2; 0.5 of 6 is 3
 * exactly; 0.34 of 3 is 1.02, so 2. */
static void
test_ratio(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	run(&d, PLAN_HEAD "strata: [{name: a, ratio: 0.3}]\n", &p);
	assert_int_equal(d.selected[0], 2);
	fz_draw_free(&d);
	run(&d, PLAN_HEAD "strata: [{name: a, ratio: 0.5}]\n", &p);
	assert_int_equal(d.selected[0], 3);
	fz_draw_free(&d);
	run(&d, PLAN_HEAD "strata: [{name: a, where: {town: 甲}, ratio: 0.34}"
	    ", {name: b, ratio: 1}]\n", &p);
	assert_int_equal(d.selected[0], 2);
	assert_int_equal(d.selected[1], 3);
	fz_draw_free(&d);
}

/* Departments first, categories, avoid, the inactive, the cap, and
 * unfilled with what ran out (worked through in the comments). */
static void
test_teams(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	insps[1].categories = list_of("网吧", NULL);	/* P-2 */
	insps[2].department = "消防";			/* P-3 */
	insps[3].avoid = list_of("B-3", NULL);		/* P-4 */
	insps[4].active = 0;				/* P-5 */
	run(&d, PLAN_HEAD "strata: [{name: all, count: 6}]\nteam: "
	    "{departments: [消防]}\nmax_per_inspector: 3\n", &p);
	/* B-2: 消防 is P-3; then P-5 (inactive), P-1. */
	assert_team(&d, 0, "P-3", "P-1");
	/* B-3: P-3; then P-4 (avoids), P-5, P-2 (网吧 only), P-1. */
	assert_team(&d, 1, "P-3", "P-1");
	/* P-3 (its third); then P-2. */
	assert_team(&d, 2, "P-3", "P-2");
	/* A-2, B-1, A-1: P-3 is at the cap. */
	assert_string_equal(pick_id(&d, 3), "A-2");
	assert_string_equal(d.picks[3].unfilled, "seat 1 of 2 (消防): 1 "
	    "active, 1 qualified for 网吧, 1 not avoiding it, 0 below "
	    "max_per_inspector 3");
	assert_int_equal(d.picks[3].nteam, 0);
	assert_string_equal(d.picks[4].unfilled, "seat 1 of 2 (消防): 1 "
	    "active, 1 qualified for 娱乐场所, 1 not avoiding it, 0 below "
	    "max_per_inspector 3");
	assert_int_equal(d.nunfilled, 3);
	fz_draw_free(&d);
}

/* A seat left empty after others were filled: nobody's count grows, so
 * the next entity meets the same roster. */
static void
test_unfilled_counts_nothing(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	insps[2].active = insps[3].active = insps[4].active = 0;
	insps[0].categories = list_of("网吧", "娱乐场所");
	run(&d, PLAN_HEAD "strata: [{name: all, count: 2}]\nteam: {size: 3}\n"
	    "max_per_inspector: 1\n", &p);
	assert_string_equal(d.picks[0].unfilled, "seat 3 of 3 (any "
	    "department): 2 active, 2 qualified for 娱乐场所, 2 not avoiding "
	    "it, 2 below max_per_inspector 1, all on the team already");
	assert_string_equal(d.picks[1].unfilled, d.picks[0].unfilled);
	fz_draw_free(&d);
	/* No qualified inspector at all. */
	insps[0].categories = list_of("书店", NULL);
	insps[1].categories = list_of("书店", NULL);
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n", &p);
	assert_string_equal(d.picks[0].unfilled, "seat 1 of 2 (any "
	    "department): 2 active, 0 qualified for 娱乐场所");
	fz_draw_free(&d);
}

/* A team larger than the roster: the seat after the last inspector. */
static void
test_team_beyond_roster(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n"
	    "team: {size: 999999999999}\n", &p);
	assert_string_equal(d.picks[0].unfilled, "seat 6 of 999999999999 (any "
	    "department): 5 active, 5 qualified for 娱乐场所, 5 not avoiding "
	    "it, all on the team already");
	fz_draw_free(&d);
}

static void
test_department_without_inspector(void **state)
{
	fz_draw d;
	fz_plan p;
	fz_error err;

	(void)state;
	directory();
	insps[2].department = "消防";
	insps[2].active = 0;
	assert_int_equal(plan_of(PLAN_HEAD "strata: [{name: a, count: 1}]\n"
	    "team: {departments: [文旅, 消防]}\n", &p, &err), FZ_OK);
	assert_int_equal(fz_draw_run(&d, &p, FZ_HASH_SHA256, ents, 6, insps,
	    5, &diag, &err), FZ_DATAERR);
	assert_int_equal(err.line, 6);
	assert_int_equal(err.col, 26);
	assert_non_null(strstr(err.msg, "no active inspector of department "
	    "'消防'"));
	fz_draw_free(&d);
}

/* team.department (DRAW.md v1.1): the seats beyond team.departments
 * from D only.  P-3 and P-5 are 消防, the rest 文旅; the tickets of B-2
 * (the first pick) are P-3 .123, P-5 .132, P-1 .227, P-4 .577, P-2 .886. */
static void
test_team_department(void **state)
{
	fz_draw d;
	fz_plan p;
	fz_node *doc;
	fz_draw_inputs in = { 0 };

	(void)state;
	directory();
	insps[2].department = insps[4].department = "消防";
	/* No department named: any; B-2's two are both 消防. */
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n", &p);
	assert_team(&d, 0, "P-3", "P-5");
	assert_int_equal(warnings, 1);	/* the short seed */
	fz_draw_free(&d);
	run(&d, PLAN_HEAD "strata: [{name: all, count: 4}]\n", &p);
	/* B-3's P-4 and P-5 mix them (test_draw_order's teams). */
	assert_string_equal(last_warning, "1 of 4 teams mixes departments "
	    "(文旅, 消防): the plan names no department; team.department: D "
	    "fills the seats from D only");
	fz_draw_free(&d);
	/* 文旅 only: P-1 and P-4; rules 1.1 named. */
	warnings = 0;
	run(&d, PLAN_HEAD "strata: [{name: all, count: 4}]\n"
	    "team: {department: 文旅}\n", &p);
	assert_string_equal(p.department, "文旅");
	assert_team(&d, 0, "P-1", "P-4");
	for (size_t i = 0; i < d.npicks; i++)
		for (size_t k = 0; k < d.picks[i].nteam; k++)
			assert_string_equal(d.inspectors[d.picks[i].team[k]].
			    department, "文旅");
	assert_int_equal(warnings, 1);	/* the seed; nothing mixes */
	in.plan = p;
	doc = fz_draw_document(&d, &in, arena);
	assert_non_null(strstr(fz_node_get(doc, "algorithm")->str,
	    "fazhi draw rules 1.1: "));
	fz_draw_free(&d);
	/* One of 消防 first, then two of 文旅. */
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n"
	    "team: {size: 3, departments: [消防], department: 文旅}\n", &p);
	assert_int_equal(d.picks[0].nteam, 3);
	assert_string_equal(d.inspectors[d.picks[0].team[0]].id, "P-3");
	assert_string_equal(d.inspectors[d.picks[0].team[1]].id, "P-1");
	assert_string_equal(d.inspectors[d.picks[0].team[2]].id, "P-4");
	fz_draw_free(&d);
	/* Without it, the rules 1 of every published draw. */
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n"
	    "team: {departments: [消防]}\n", &p);
	doc = fz_draw_document(&d, &in, arena);
	assert_non_null(strstr(fz_node_get(doc, "algorithm")->str,
	    "fazhi draw rules 1: "));
	fz_draw_free(&d);
	/* A seat of D that no one can take: the reason names D. */
	insps[0].categories = insps[1].categories = list_of("网吧", NULL);
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n"
	    "team: {department: 文旅}\n", &p);
	assert_string_equal(d.picks[0].unfilled, "seat 2 of 2 (文旅): 3 active, "
	    "1 qualified for 娱乐场所, 1 not avoiding it, all on the team "
	    "already");
	fz_draw_free(&d);
}

/* Strata by credit class: A-1 and B-1 are A, A-2 and B-3 D, B-2 C, A-3
 * has none.  The tickets: B-2 .410, B-3 .4709, A-3 .4714, A-2 .567,
 * B-1 .978, A-1 .983.  x·D takes both of D, x·A half of A (B-1); C and
 * no class are in no class of x and fall through to rest. */
static void
test_credit_strata(void **state)
{
	static const char *const classes[] = { "A", "D", NULL, "A", "C",
		"D" };
	static const char *const want[] = { "B-2", "B-3", "A-2", "B-1" };
	static const size_t stratum[] = { 2, 0, 0, 1 };
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	for (int i = 0; i < 6; i++)
		ents[i].credit = classes[i];
	run(&d, PLAN_HEAD "strata:\n- {name: x, credit_ratios: {D: 1, A: 0.5}}"
	    "\n- {name: rest, count: 1}\n", &p);
	assert_int_equal(p.nstrata, 3);
	assert_int_equal(d.population[0], 2);
	assert_int_equal(d.selected[0], 2);
	assert_int_equal(d.population[1], 2);
	assert_int_equal(d.selected[1], 1);	/* ceil(0.5 * 2) */
	assert_int_equal(d.population[2], 2);	/* B-2 and A-3 */
	assert_int_equal(d.selected[2], 1);
	assert_int_equal(d.unmatched, 0);
	assert_int_equal(d.npicks, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(pick_id(&d, i), want[i]);
		assert_int_equal(d.picks[i].stratum, stratum[i]);
	}
	fz_draw_free(&d);
	/* A where and a class both hold: x·A of 网吧 is A-1 only; without
	 * a later stratum, the rest are in none. */
	run(&d, PLAN_HEAD "strata: [{name: x, where: {category: 网吧}, "
	    "credit_ratios: {A: 1}}]\n", &p);
	assert_int_equal(d.population[0], 1);
	assert_int_equal(d.unmatched, 5);
	assert_string_equal(pick_id(&d, 0), "A-1");
	fz_draw_free(&d);
}

/* 行政处罚法 art. 42: an inspector whose certificate expired before the
 * plan's date is not eligible; one expiring on the date is.  B-2's
 * tickets: P-3 .123, P-5 .132, P-1 .227, P-4 .577, P-2 .886. */
static void
test_expired_certificates(void **state)
{
	fz_draw d;
	fz_plan p;

	(void)state;
	directory();
	insps[2].cert_expires = fz_date_make(2019, 6, 30);	/* P-3 */
	insps[4].cert_expires = fz_date_make(2019, 7, 1);	/* P-5 */
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n", &p);
	assert_team(&d, 0, "P-5", "P-1");
	fz_draw_free(&d);
	/* Only P-1 certified: the second seat runs out, and says why. */
	for (int i = 1; i < 5; i++)
		insps[i].cert_expires = fz_date_make(2018, 12, 31);
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n", &p);
	assert_int_equal(d.nunfilled, 1);
	assert_string_equal(d.picks[0].unfilled, "seat 2 of 2 (any "
	    "department): 5 active, 1 certified on 2019-07-01, 1 qualified "
	    "for 娱乐场所, 1 not avoiding it, all on the team already");
	fz_draw_free(&d);
	insps[0].cert_expires = fz_date_make(2019, 1, 1);
	run(&d, PLAN_HEAD "strata: [{name: all, count: 1}]\n", &p);
	assert_string_equal(d.picks[0].unfilled, "seat 1 of 2 (any "
	    "department): 5 active, 0 certified on 2019-07-01");
	fz_draw_free(&d);
}

/* team.department with fewer active inspectors than a team takes of it:
 * no team could ever be formed, so no draw. */
static void
test_team_department_too_few(void **state)
{
	fz_draw d;
	fz_plan p;
	fz_error err;

	(void)state;
	directory();
	insps[2].department = insps[4].department = "消防";
	insps[4].active = 0;
	assert_int_equal(plan_of(PLAN_HEAD "strata: [{name: a, count: 1}]\n"
	    "team: {size: 3, departments: [消防], department: 消防}\n", &p,
	    &err), FZ_OK);
	assert_int_equal(fz_draw_run(&d, &p, FZ_HASH_SHA256, ents, 6, insps,
	    5, &diag, &err), FZ_DATAERR);
	assert_int_equal(err.line, 6);
	assert_int_equal(err.col, 48);
	assert_string_equal(err.msg, "team.department: department '消防' has "
	    "1 active inspector, fewer than the 3 a team of 3 takes of it");
	fz_draw_free(&d);
	assert_int_equal(plan_of(PLAN_HEAD "strata: [{name: a, count: 1}]\n"
	    "team: {department: 公安}\n", &p, &err), FZ_OK);
	assert_int_equal(fz_draw_run(&d, &p, FZ_HASH_SHA256, ents, 6, insps,
	    5, &diag, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "team.department: no active inspector "
	    "of department '公安'");
	fz_draw_free(&d);
}

/* ------------------------------------------------------------ compare */

struct diffs {
	size_t n;
	char first[512];
	unsigned line;
};

static void
on_diff(void *ctx, const fz_node *at, const char *msg)
{
	struct diffs *df = ctx;

	if (df->n++ == 0) {
		snprintf(df->first, sizeof df->first, "%s", msg);
		df->line = at->line;
	}
}

static void
test_compare(void **state)
{
	fz_node *pub = yaml_doc("kind: draw\ninputs:\n  plan: {digest: aa}\n"
	    "  entities: {records: 3, digest: bb}\nstrata:\n"
	    "- {name: a, population: 3, selected: 1}\nextra: 1\n");
	fz_node *rec = yaml_doc("kind: draw\ninputs:\n  plan: {digest: aa}\n"
	    "  entities: {records: 4, digest: cc}\nstrata:\n"
	    "- {name: a, population: 3, selected: 2}\n- {name: b, "
	    "population: 0, selected: 0}\n");
	struct diffs df = { 0, "", 0 };

	(void)state;
	assert_int_equal(fz_draw_compare(pub, rec, on_diff, &df), 5);
	/* the digest first, though records comes before it */
	assert_string_equal(df.first, "inputs.entities.digest is 'bb'; the "
	    "inputs give 'cc'");
	assert_int_equal(df.line, 4);
	df.n = 0;
	assert_int_equal(fz_draw_compare(rec, rec, on_diff, &df), 0);
}

/* The inputs of a draw in a YAML text, read as fazhi-draw reads them:
 * the status of the whole. */
static int
inputs_of(const char *text, fz_draw_inputs *in, fz_error *err)
{
	static char path[sizeof yaml_path];
	char *paths[1] = { path };
	fz_stream *s;
	fz_event ev;
	int fd, rc;

	memcpy(path, yaml_path, sizeof path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	s = fz_stream_open(paths, 1, 0);
	fz_draw_inputs_init(in, -1, FZ_HASH_SHA256, &diag);
	fz_stream_set_tap(s, fz_draw_inputs_tap, in);
	do {
		if ((rc = fz_stream_next(s, &ev, err)) == FZ_OK)
			rc = fz_draw_take(in, &ev, err);
	} while (rc == FZ_OK && ev.type != FZ_EV_END);
	rc = fz_draw_inputs_end(in, rc, err);
	fz_stream_close(s);
	unlink(path);
	return rc;
}

#define ENTITIES "---\nkind: entities\nrecords:\n" \
	"- {id: A-1, name: 甲, category: 网吧}\n"
#define INSPECTORS "---\nkind: inspectors\nrecords:\n" \
	"- {id: P-1, name: 一, department: 文旅}\n"

static void
test_inputs_taken(void **state)
{
	fz_draw_inputs in;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(inputs_of(INSPECTORS ENTITIES "---\n" PLAN_HEAD
	    "strata: [{name: all, count: 1}]\n", &in, &err), FZ_OK);
	assert_int_equal(in.nentities, 1);
	assert_string_equal(in.entities[0].id, "A-1");
	assert_int_equal(in.records[FZ_IN_INSPECTORS], 1);
	assert_int_equal(in.records[FZ_IN_PLAN], 1);
	assert_int_equal(in.hash, FZ_HASH_SHA256);
	assert_int_equal(strlen(in.digest[FZ_IN_ENTITIES]), 64);
	fz_draw_inputs_free(&in);
	/* No plan: known only at the end. */
	assert_int_equal(inputs_of(ENTITIES INSPECTORS, &in, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "no plan among the inputs: a draw takes "
	    "exactly one");
	fz_draw_inputs_free(&in);
	/* A duplicate entity is the error, though a second plan follows. */
	assert_int_equal(inputs_of("---\n" PLAN_HEAD "strata: [{name: all, "
	    "count: 1}]\n" ENTITIES "- {id: A-1, name: 乙, category: 网吧}\n"
	    "---\n" PLAN_HEAD "strata: [{name: all, count: 1}]\n", &in, &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "duplicate entity id 'A-1'"));
	assert_int_equal(err.line, 11);
	fz_draw_inputs_free(&in);
}

static void
test_published(void **state)
{
	fz_draw_published p = { "pub.yaml", NULL, NULL };
	fz_event ev = { .type = FZ_EV_DOC, .kind = FZ_KIND_PLAN,
		.kind_name = "plan", .file = "pub.yaml", .doc_line = 2,
		.doc_col = 1 };
	fz_event end = { .type = FZ_EV_END, .kind = FZ_KIND_NONE };
	fz_error err = { 0 };

	(void)state;
	p.arena = arena;
	assert_int_equal(fz_draw_published_take(&p, &end, &err), FZ_DATAERR);
	assert_string_equal(err.file, "pub.yaml");
	assert_string_equal(err.msg, "no draw document to verify");
	assert_int_equal(fz_draw_published_take(&p, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "--verify takes a draw, not plan");
	assert_int_equal(err.line, 2);
	ev.kind = FZ_KIND_DRAW, ev.kind_name = "draw";
	ev.node = yaml_doc("kind: draw\nhash: sm3\n");
	assert_int_equal(fz_draw_published_take(&p, &ev, &err), FZ_OK);
	assert_non_null(p.doc);
	assert_int_equal(fz_draw_published_hash(&p), FZ_HASH_SM3);
	assert_int_equal(fz_draw_published_take(&p, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "--verify takes one draw document");
	assert_int_equal(fz_draw_published_take(&p, &end, &err), FZ_OK);
	p.doc = yaml_doc("kind: draw\nhash: md5\n");
	assert_int_equal(fz_draw_published_hash(&p), FZ_HASH_SHA256);
}

/* The verdict of --verify on a draw of DRAW.md's vector. */
static void
test_verify_write(void **state)
{
	fz_draw_inputs in = { 0 };
	fz_draw_published p = { "pub.yaml", NULL, NULL };
	fz_draw d;
	fz_plan plan;
	fz_node *doc, *other;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	directory();
	run(&d, PLAN_HEAD "strata: [{name: all, count: 4}]\n", &plan);
	in.plan = plan;
	doc = fz_draw_document(&d, &in, arena);
	p.doc = doc;
	assert_int_equal(fz_draw_verify_write(fp, &p, doc, &d), FZ_OK);
	other = fz_node_copy(arena, doc);
	fz_node_get(other, "task")->str = "U";
	assert_int_equal(fz_draw_verify_write(fp, &p, other, &d), FZ_PROBLEMS);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(strstr(buf, "pub.yaml: the draw holds: 4 selections, "
	    "1 stratum, the digests of the inputs match\n"));
	assert_non_null(strstr(buf, "task is 'T'; the inputs give 'U'\n"
	    "pub.yaml: 1 difference from the draw the inputs give\n"));
	free(buf);
	fz_draw_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_decoded, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_plan_credit_ratios, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_credit_strata, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_expired_certificates,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_defaults_and_short_seed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_draw_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_left_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ratio, setup, teardown),
		cmocka_unit_test_setup_teardown(test_teams, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unfilled_counts_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_team_beyond_roster, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_department_without_inspector, setup, teardown),
		cmocka_unit_test_setup_teardown(test_team_department, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_team_department_too_few,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inputs_taken, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_published, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_verify_write, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
