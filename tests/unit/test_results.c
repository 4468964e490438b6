/* test_results.c - a published draw read back, and joined to inspections
 * and cases: every flag, the entities not drawn, the summary, the
 * results due for publication, and the document written.  Without a
 * calendar, Monday to Friday are the working days: the draw of Monday
 * 2019-07-01 is due for inspection by 2019-07-29, the 20th working day
 * after it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

#define DRAW \
	"kind: draw\nversion: 1\ntask: T\nseed: \"007\"\nhash: sha256\n" \
	"date: 2019-07-01\nselections:\n" \
	"- entity: E1\n  name: 甲网吧\n  team:\n" \
	"  - {id: P1, name: 张三, department: 文旅}\n" \
	"  - {id: P2, name: 李四, department: 文旅}\n" \
	"- entity: E2\n  name: 乙KTV\n  team: [{id: P3}, {id: P4}]\n"

static fz_results_draw draw;
static fz_results *results;

static fz_results_draw *
draw_of(const char *yaml)
{
	fz_error err = { 0 };

	assert_int_equal(fz_results_draw_decode(fx_parse(fx_arena, yaml), &draw,
	    fx_arena, &err), FZ_OK);
	return &draw;
}

/* Results of DRAW as of as_of, within days (-1: the default). */
static fz_results *
results_of(const char *as_of, long long within)
{
	fz_results_opts o = { fx_date(as_of), within, NULL };

	results = fz_results_new(draw_of(DRAW), &o);
	return results;
}

static int
setup(void **state)
{
	results = NULL;
	return fx_arena_setup(state);
}

static int
teardown(void **state)
{
	fz_results_free(results);
	return fx_arena_teardown(state);
}

/* A random inspection under task T by the inspectors of the
 * NULL-terminated list. */
/* The published date visit gives its inspections. */
static fz_date published_on = FZ_NODATE;
/* And the outcome and follow-up: none unless a test sets them. */
static int outcome_is = -1;
static fz_date followup_on = FZ_NODATE;

static void
visit(const char *date, const char *entity, const char *task, int result,
    const char *case_id, ...)
{
	const char *ids[8];
	size_t n = 0;
	va_list ap;
	fz_inspection in = { .date = fx_date(date), .entity = entity,
		.type = FZ_VISIT_RANDOM, .result = result, .task = task,
		.case_id = case_id, .reported_by = FZ_REPORTED_BUREAU,
		.published = published_on, .outcome = outcome_is,
		.followup_closed = followup_on };

	va_start(ap, case_id);
	while (n < 7 && (ids[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	ids[n] = NULL;
	in.inspectors = fx_list(fx_arena, ids);
	fz_results_add_inspection(results, &in);
}

static unsigned
flags_of(size_t i)
{
	return fz_results_selection_at(results, i)->flags;
}

static void
decode_draw(void **state)
{
	fz_results_draw *d = draw_of(DRAW "inspect_within_days: 15\n");

	(void)state;
	assert_string_equal(d->task, "T");
	assert_string_equal(d->seed, "007");
	assert_int_equal(d->hash, FZ_HASH_SHA256);
	assert_int_equal(d->date, fx_date("2019-07-01"));
	assert_int_equal(d->inspect_within_days, 15);
	assert_int_equal(d->nselections, 2);
	assert_string_equal(d->selections[0].name, "甲网吧");
	assert_int_equal(d->selections[0].nteam, 2);
	assert_string_equal(d->selections[0].team[1].id, "P2");
	assert_string_equal(d->selections[0].team[1].department, "文旅");
	assert_null(d->selections[1].team[0].name);
	assert_null(d->selections[1].category);
	assert_string_equal(d->digest, "");
	d = draw_of("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "selections:\n- {entity: E9, team: []}\n");
	assert_int_equal(d->inspect_within_days, -1);
	assert_int_equal(d->selections[0].nteam, 0);
}

/* The message and place of the error a draw text gives. */
static void
assert_draw_error(const char *yaml, unsigned line, unsigned col,
    const char *msg)
{
	fz_results_draw d;
	fz_error err = { 0 };

	assert_int_equal(fz_results_draw_decode(fx_parse(fx_arena, yaml), &d,
	    fx_arena, &err), FZ_DATAERR);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

static void
draw_errors(void **state)
{
	(void)state;
	assert_draw_error("kind: plan\ntask: T\n", 1, 7,
	    "expected a draw (kind: draw), not plan");
	assert_draw_error("kind: draw\nseed: 1\ndate: 2019-07-01\n", 1, 1,
	    "draw without task");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-02-30\n",
	    4, 7, "date: '2019-02-30' is not a date (YYYY-MM-DD)");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "hash: md5\n", 5, 7, "hash: expected sha256 or sm3");
	assert_draw_error("kind: draw\ntask: [T]\n", 2, 7,
	    "task must be a single value");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "selections:\n- {entity: E1}\n- {name: x}\n", 7, 3,
	    "a selection without entity");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "selections:\n- {entity: E1}\n- {entity: E1}\n", 7, 12,
	    "entity 'E1' is drawn twice");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "selections:\n- {entity: E1, team: [{name: x}]}\n", 6, 23,
	    "a team member without id");
	assert_draw_error("kind: draw\ntask: T\nseed: 1\ndate: 2019-07-01\n"
	    "inspect_within_days: -3\n", 5, 22, "inspect_within_days: "
	    "expected a whole number of working days up to 3650");
}

static void
inspected_by_drawn_team(void **state)
{
	(void)state;
	results_of("2019-07-10", -1);
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P2", "P1", NULL);
	visit("2019-07-04", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	assert_int_equal(flags_of(0), 0);
	assert_int_equal(flags_of(1), 0);
	assert_int_equal(fz_results_selection_at(results, 0)->nvisits, 1);
	assert_int_equal(fz_results_selection_at(results, 0)->visits[0]->nadded,
	    0);
	assert_int_equal(fz_results_inspect_by(results), fx_date("2019-07-29"));
	assert_int_equal(fz_results_status(results), FZ_OK);
}

static void
not_inspected(void **state)
{
	(void)state;
	/* Still in time: not inspected, not yet overdue. */
	results_of("2019-07-29", -1);
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	assert_int_equal(flags_of(1), FZ_RF_NOT_INSPECTED);
	assert_int_equal(fz_results_status(results), FZ_PROBLEMS);
	fz_results_free(results);
	/* The day after the last day: overdue too. */
	results_of("2019-07-30", -1);
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	assert_int_equal(flags_of(0), 0);
	assert_int_equal(flags_of(1), FZ_RF_NOT_INSPECTED | FZ_RF_OVERDUE);
	assert_int_equal(fz_results_summary_of(results)->not_inspected, 1);
	assert_int_equal(fz_results_summary_of(results)->overdue, 1);
}

static void
overdue(void **state)
{
	(void)state;
	results_of("2019-12-31", -1);
	visit("2019-07-29", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	visit("2019-07-30", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	assert_int_equal(flags_of(0), 0);		/* on the last day */
	assert_int_equal(flags_of(1), FZ_RF_OVERDUE);	/* the day after */
	fz_results_free(results);
	/* --within 0: the draw's own day only; --within 40 from options. */
	results_of("2019-12-31", 0);
	visit("2019-07-01", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	visit("2019-07-02", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	assert_int_equal(flags_of(0), 0);
	assert_int_equal(flags_of(1), FZ_RF_OVERDUE);
	fz_results_free(results);
	results_of("2019-12-31", 40);
	visit("2019-08-26", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	visit("2019-08-27", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	assert_int_equal(fz_results_within(results), 40);
	assert_int_equal(flags_of(0), 0);
	assert_int_equal(flags_of(1), FZ_RF_OVERDUE);
}

static void
within_from_the_draw(void **state)
{
	fz_results_opts o = { fx_date("2019-12-31"), -1, NULL };
	fz_calendar *cal = fz_calendar_new();
	fz_node *doc = fx_parse(fx_arena, "kind: calendar\nholidays: "
	    "[2019-07-02]\n");
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_calendar_add_doc(cal, doc, &err), FZ_OK);
	o.calendar = cal;
	results = fz_results_new(draw_of(DRAW "inspect_within_days: 5\n"),
	    &o);
	/* 5 working days after 07-01, the holiday of 07-02 not counted. */
	assert_int_equal(fz_results_within(results), 5);
	assert_int_equal(fz_results_inspect_by(results), fx_date("2019-07-09"));
	visit("2019-07-09", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	assert_int_equal(flags_of(0), 0);
	fz_results_free(results);
	results = NULL;
	fz_calendar_free(cal);
}

static void
team_changed(void **state)
{
	const fz_results_visit *v;

	(void)state;
	results_of("2019-07-10", -1);
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P5", "P5",
	    "P6", NULL);
	visit("2019-07-04", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", "P7",
	    NULL);
	assert_int_equal(flags_of(0), FZ_RF_TEAM_CHANGED);
	assert_int_equal(flags_of(1), FZ_RF_TEAM_CHANGED);
	v = fz_results_selection_at(results, 0)->visits[0];
	assert_int_equal(v->nadded, 2);
	assert_string_equal(v->added[0], "P5");
	assert_string_equal(v->added[1], "P6");
	assert_int_equal(v->nmissing, 1);
	assert_string_equal(v->missing[0], "P2");
	v = fz_results_selection_at(results, 1)->visits[0];
	assert_int_equal(v->nadded, 1);
	assert_int_equal(v->nmissing, 0);
	assert_int_equal(fz_results_summary_of(results)->team_changed, 2);
	assert_int_equal(fz_results_summary_of(results)->by_drawn_team, 0);
	/* A later visit by the drawn team: E1 was inspected by its team. */
	visit("2019-07-05", "E1", "T", FZ_RESULT_OK, NULL, "P2", "P1", NULL);
	assert_int_equal(flags_of(0), 0);
	assert_int_equal(fz_results_selection_at(results, 0)->nvisits, 2);
	assert_int_equal(fz_results_summary_of(results)->by_drawn_team, 1);
}

static void
not_drawn_and_left_out(void **state)
{
	fz_results_visit *const *v;
	fz_inspection routine = { .date = fx_date("2019-07-03"),
		.entity = "E9", .type = FZ_VISIT_ROUTINE, .task = "T" };

	(void)state;
	results_of("2019-07-31", -1);
	visit("2019-07-05", "E9", "T", FZ_RESULT_VIOLATION, "C1", "P1", NULL);
	visit("2019-07-04", "E8", "T", FZ_RESULT_OK, NULL, "P1", NULL);
	visit("2019-07-04", "E7", "T", FZ_RESULT_OK, NULL, "P1", NULL);
	/* Left out: another task, none, before the draw, after as-of, not
	 * random. */
	visit("2019-07-03", "E9", "U", FZ_RESULT_OK, NULL, "P1", NULL);
	visit("2019-07-03", "E1", NULL, FZ_RESULT_OK, NULL, "P1", NULL);
	visit("2019-06-28", "E1", "T", FZ_RESULT_OK, NULL, "P1", NULL);
	visit("2019-08-01", "E2", "T", FZ_RESULT_OK, NULL, "P1", NULL);
	fz_results_add_inspection(results, &routine);
	routine.entity = "E1";
	fz_results_add_inspection(results, &routine);
	assert_int_equal(fz_results_not_drawn(results, &v), 3);
	assert_string_equal(v[0]->entity, "E7");
	assert_string_equal(v[1]->entity, "E8");
	assert_string_equal(v[2]->entity, "E9");
	assert_int_equal(v[2]->nadded, 0);
	assert_int_equal(flags_of(0), FZ_RF_NOT_INSPECTED | FZ_RF_OVERDUE);
	assert_int_equal(fz_results_summary_of(results)->not_drawn, 3);
	assert_int_equal(fz_results_summary_of(results)->inspected, 0);
	assert_int_equal(fz_results_status(results), FZ_PROBLEMS);
}

static fz_case
case_of(const char *id, const char *decided, int64_t fine, unsigned penalty)
{
	fz_case c = { .id = id, .filed = fx_date("2019-07-05"),
		.closed = FZ_NODATE, .legal_review = FZ_NODATE,
		.published = FZ_NODATE, .extended_days = FZ_NOINT,
		.source = FZ_SOURCE_RANDOM, .penalty = penalty, .fine = fine };

	c.decided = decided != NULL ? fx_date(decided) : FZ_NODATE;
	return c;
}

static void
summary_with_cases(void **state)
{
	const fz_results_summary *m;
	fz_case c1 = case_of("C1", "2019-08-01", 125050,
	    1u << FZ_PENALTY_WARNING | 1u << FZ_PENALTY_FINE);
	fz_case c2 = case_of("C2", NULL, 300000, 1u << FZ_PENALTY_FINE);
	fz_case c3 = case_of("C3", NULL, 900000, 0);
	fz_error err = { 0 };

	(void)state;
	results_of("2019-07-31", -1);
	/* E1: two visits, one violation, of case C1 twice; E2: banned,
	 * case C2.  C3 is of no inspection of the draw. */
	visit("2019-07-03", "E1", "T", FZ_RESULT_VIOLATION, "C1", "P1", "P2",
	    NULL);
	visit("2019-07-09", "E1", "T", FZ_RESULT_OK, "C1", "P1", "P2", NULL);
	visit("2019-07-04", "E2", "T", FZ_RESULT_BANNED, "C2", "P3", "P4",
	    NULL);
	m = fz_results_summary_of(results);
	assert_int_equal(m->fines, FZ_NOMONEY);		/* no cases given */
	assert_int_equal(m->filed, 2);
	assert_int_equal(fz_results_add_case(results, &c1, NULL, &err), FZ_OK);
	assert_int_equal(fz_results_add_case(results, &c2, NULL, &err), FZ_OK);
	assert_int_equal(fz_results_add_case(results, &c3, NULL, &err), FZ_OK);
	assert_int_equal(fz_results_add_case(results, &c3, NULL, &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "case 'C3' is given twice");
	m = fz_results_summary_of(results);
	assert_int_equal(m->drawn, 2);
	assert_int_equal(m->inspected, 2);
	assert_int_equal(m->compliant, 0);
	assert_int_equal(m->violations, 2);
	assert_int_equal(m->filed, 2);
	assert_int_equal(m->fines, 425050);
	assert_int_equal(m->by_drawn_team, 2);
	assert_int_equal(fz_results_selection_at(results, 0)->visits[0]->c->fine,
	    125050);
}

/* A result published by its day is counted; one published later is
 * listed apart from those not yet published. */
static void
published(void **state)
{
	fz_results_visit *const *v;
	const fz_results_summary *m;

	(void)state;
	/* publish_by: 07-31 for 07-03, 07-30 for 07-02. */
	results_of("2019-08-30", -1);
	published_on = fx_date("2019-07-31");
	visit("2019-07-03", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	visit("2019-07-02", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	published_on = FZ_NODATE;
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	m = fz_results_summary_of(results);
	assert_int_equal(m->published_on_time, 1);
	assert_int_equal(m->published_late, 1);
	assert_int_equal(m->publication_late, 1);
	assert_int_equal(m->publication_due, 0);
	assert_int_equal(fz_results_due(results, FZ_RESULTS_PUBLISHED_LATE,
	    &v), 1);
	assert_int_equal(v[0]->date, fx_date("2019-07-02"));
	assert_int_equal(v[0]->published, fx_date("2019-07-31"));
	assert_int_equal(fz_results_due(results, FZ_RESULTS_LATE, &v), 1);
	assert_int_equal(v[0]->date, fx_date("2019-07-03"));
	assert_int_equal(v[0]->published, FZ_NODATE);
}

static void
publication(void **state)
{
	fz_results_visit *const *v;

	(void)state;
	/* 20 working days after 07-03 is 07-31; after 07-02, 07-30. */
	results_of("2019-07-31", -1);
	visit("2019-07-03", "E2", "T", FZ_RESULT_OK, NULL, "P3", "P4", NULL);
	visit("2019-07-02", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	visit("2019-07-03", "E1", "T", FZ_RESULT_OK, NULL, "P1", "P2", NULL);
	assert_int_equal(fz_results_due(results, FZ_RESULTS_LATE, &v), 1);
	assert_int_equal(v[0]->publish_by, fx_date("2019-07-30"));
	assert_int_equal(fz_results_due(results, FZ_RESULTS_DUE, &v), 2);
	assert_int_equal(v[0]->publish_by, fx_date("2019-07-31"));
	assert_string_equal(v[0]->entity, "E1");	/* draw order */
	assert_string_equal(v[1]->entity, "E2");
	assert_int_equal(fz_results_summary_of(results)->publication_late, 1);
	assert_int_equal(fz_results_summary_of(results)->publication_due, 2);
	/* Publication is not a flag: the draw was followed. */
	assert_int_equal(fz_results_status(results), FZ_OK);
}

static void
write_results(fz_writer *w, void *ctx)
{
	assert_int_equal(fz_results_write(ctx, w), 0);
}

static void
written(void **state)
{
	fz_case c1 = case_of("C1", "2019-07-20", 125050,
	    1u << FZ_PENALTY_WARNING | 1u << FZ_PENALTY_FINE);
	fz_error err = { 0 };
	char *text;

	(void)state;
	results_of("2019-07-31", -1);
	fz_results_set_organization(results, "某区文化和广电旅游体育局");
	outcome_is = FZ_IO_PROBLEM_PENDING;
	followup_on = fx_date("2019-07-25");
	visit("2019-07-03", "E1", "T", FZ_RESULT_VIOLATION, "C1", "P1", "P9",
	    NULL);
	outcome_is = -1;
	followup_on = FZ_NODATE;
	visit("2019-07-04", "E9", "T", FZ_RESULT_OK, "C2", "P9", NULL);
	assert_int_equal(fz_results_add_case(results, &c1, NULL, &err), FZ_OK);
	text = fx_written(write_results, results, NULL);
	assert_string_equal(text,
	    "---\nkind: results\nversion: 1\ntask: T\nseed: \"007\"\n"
	    "hash: sha256\ndate: 2019-07-01\n"
	    "organ: 某区文化和广电旅游体育局\nas_of: 2019-07-31\n"
	    "inspect_within_days: 20\ninspect_by: 2019-07-29\n"
	    "publish_within_days: 20\ninputs: {inspections: 0, cases: 0}\n"
	    "summary:\n  drawn: 2\n  inspected: 1\n  by_drawn_team: 0\n"
	    "  compliant: 0\n  violations: 1\n  filed: 1\n  fines: 1250.50\n"
	    "  not_inspected: 1\n  overdue: 1\n  team_changed: 1\n"
	    "  not_drawn: 1\n  publication_due: 1\n  publication_late: 0\n"
	    "  published_on_time: 0\n  published_late: 0\n"
	    "  outcomes:\n  - {outcome: problem_pending, count: 1}\n"
	    "selections:\n- entity: E1\n  name: 甲网吧\n  team:\n"
	    "  - {id: P1, name: 张三, department: 文旅}\n"
	    "  - {id: P2, name: 李四, department: 文旅}\n"
	    "  outcome: problem_pending\n"
	    "  flags: [team_changed]\n  inspections:\n"
	    "  - date: 2019-07-03\n    inspectors: [P1, P9]\n"
	    "    result: violation\n    outcome: problem_pending\n"
	    "    followup_closed: 2019-07-25\n"
	    "    added: [P9]\n    missing: [P2]\n"
	    "    case: C1\n    case_outcome: decided\n"
	    "    decided: 2019-07-20\n    penalty: [warning, fine]\n"
	    "    fine: 1250.50\n    publish_by: 2019-07-31\n"
	    "- entity: E2\n  name: 乙KTV\n  team:\n  - {id: P3}\n"
	    "  - {id: P4}\n  flags: [not_inspected, overdue]\n"
	    "  inspections: []\nnot_drawn:\n- entity: E9\n"
	    "  date: 2019-07-04\n  inspectors: [P9]\n  result: ok\n"
	    "  case: C2\n  case_outcome: unknown\npublication:\n  due:\n"
	    "  - {entity: E1, name: 甲网吧, date: 2019-07-03, "
	    "publish_by: 2019-07-31}\n  late: []\n  published_late: []\n");
	free(text);
}

/* Records come through events: inspections and cases only. */
static void
events(void **state)
{
	fz_node *rec = fx_parse(fx_arena, "{date: 2019-07-03, entity: E1, "
	    "inspectors: [P1, P2], type: 双随机, task: T}");
	fz_event ev = { .type = FZ_EV_RECORD, .kind = FZ_KIND_INSPECTIONS,
		.kind_name = "inspections", .node = rec, .file = "x.yaml" };
	fz_error err = { 0 };

	(void)state;
	results_of("2019-07-10", -1);
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_OK);
	assert_int_equal(fz_results_selection_at(results, 0)->nvisits, 1);
	ev.kind = FZ_KIND_TALLY, ev.kind_name = "tally";
	ev.type = FZ_EV_DOC;
	ev.doc_line = 3, ev.doc_col = 1;
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "expected inspections, cases or an "
	    "organization, not tally");
	assert_int_equal(err.line, 3);
	/* One organization: its name is the results'. */
	ev.kind = FZ_KIND_ORGANIZATION, ev.kind_name = "organization";
	ev.node = fx_parse(fx_arena, "{kind: organization, version: 1, "
	    "name: 某局}");
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_OK);
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "a second organization document (the "
	    "first is at x.yaml:3:1): give one");
	/* A cases document without records: every case was given. */
	ev.kind = FZ_KIND_CASES, ev.kind_name = "cases";
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_OK);
	assert_int_equal(fz_results_summary_of(results)->fines, 0);
	ev.type = FZ_EV_RECORD;
	ev.node = fx_parse(fx_arena, "{id: C1, filed: 2019-02-30}");
	assert_int_equal(fz_results_take(results, &ev, &err), FZ_DATAERR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(decode_draw, setup, teardown),
		cmocka_unit_test_setup_teardown(draw_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(inspected_by_drawn_team, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(not_inspected, setup, teardown),
		cmocka_unit_test_setup_teardown(overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(within_from_the_draw, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(team_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(not_drawn_and_left_out, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(summary_with_cases, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(publication, setup, teardown),
		cmocka_unit_test_setup_teardown(published, setup, teardown),
		cmocka_unit_test_setup_teardown(written, setup, teardown),
		cmocka_unit_test_setup_teardown(events, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
