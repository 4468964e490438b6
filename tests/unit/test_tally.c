/* test_tally.c - the counting of the tally of FORMATS.md (lib/tally.c):
 * every indicator on records built here, rows and their order, ranges;
 * and what fazhi-tally reads, event by event (lib/tally_take.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tally_fixture.h"

static void
test_inspection_indicators(void **state)
{
	fz_tally *t = five_by(tally_by(NULL));

	(void)state;
	/* person_times: O1 {P1, P2, P3}, O2 {P1}, solo {P2}, solo {P4}. */
	assert_visits(totals(t), 5, 3, 6, 4, 1, 1, 1);
	assert_int_equal(nrows(t), 1);
	assert_visits(row(t, 0, 0), 5, 3, 6, 4, 1, 1, 1);
	assert_int_equal(totals(t)->fines, 0);
	fz_tally_free(t);
}

static void
test_solo_visits_are_their_own_outings(void **state)
{
	static const struct visit solo[] = {
		{ "2019-03-05", "E1", NULL, "P1,P2", NULL, 0, 0, NULL },
		{ "2019-03-05", "E2", NULL, "P1,P2", NULL, 0, 0, NULL },
		{ "2019-03-05", "E3", NULL, "P1,P2", "X", 0, 0, NULL },
		{ "2019-03-05", "E4", NULL, "P2,P1", "X", 0, 0, NULL },
	};
	fz_tally *t = tally_by(NULL);

	(void)state;
	for (size_t i = 0; i < 4; i++)
		add_visit(t, &solo[i]);
	/* Two solo outings of two people, and outing X of the same two. */
	assert_visits(totals(t), 4, 4, 6, 3, 0, 0, 0);
	fz_tally_free(t);
}

static void
test_rows_by_month_and_town_null_last(void **state)
{
	fz_tally *t = five_by(tally_by("month", "town", NULL));

	(void)state;
	assert_int_equal(nrows(t), 4);
	assert_visits(row(t, 0, 2, "2019-03", "城关镇"), 2, 2, 3, 1, 1, 0, 1);
	assert_visits(row(t, 1, 2, "2019-03", "新桥镇"), 1, 1, 1, 1, 0, 1, 0);
	assert_visits(row(t, 2, 2, "2019-04", "城关镇"), 1, 1, 1, 1, 0, 0, 0);
	assert_visits(row(t, 3, 2, "2019-04", NULL), 1, 1, 1, 1, 0, 0, 0);
	assert_visits(totals(t), 5, 3, 6, 4, 1, 1, 1);
	fz_tally_free(t);
}

static void
test_rows_by_town(void **state)
{
	fz_tally *t = five_by(tally_by("town", NULL));

	(void)state;
	assert_int_equal(nrows(t), 3);
	/* O1 and O2 in 城关镇: {P1, P2, P3} and {P1}. */
	assert_visits(row(t, 0, 1, "城关镇"), 3, 2, 4, 2, 1, 0, 1);
	assert_visits(row(t, 1, 1, "新桥镇"), 1, 1, 1, 1, 0, 1, 0);
	assert_visits(row(t, 2, 1, NULL), 1, 1, 1, 1, 0, 0, 0);
	fz_tally_free(t);
}

static void
test_rows_by_two_period_keys(void **state)
{
	fz_tally *t = five_by(tally_by("year", "month", NULL));
	fz_tally *q = five_by(tally_by("quarter", "week", "category", NULL));

	(void)state;
	assert_int_equal(nrows(t), 2);
	assert_visits(row(t, 0, 2, "2019", "2019-03"), 3, 2, 4, 2, 1, 1, 1);
	assert_visits(row(t, 1, 2, "2019", "2019-04"), 2, 2, 2, 2, 0, 0, 0);
	/* 书店 sorts before 网吧, and a null category last. */
	assert_int_equal(nrows(q), 4);
	assert_visits(row(q, 0, 3, "2019-Q1", "2019-W10", "网吧"),
	    2, 2, 3, 1, 1, 0, 1);
	assert_visits(row(q, 1, 3, "2019-Q1", "2019-W10", NULL),
	    1, 1, 1, 1, 0, 1, 0);
	assert_visits(row(q, 2, 3, "2019-Q2", "2019-W14", "书店"),
	    1, 1, 1, 1, 0, 0, 0);
	assert_visits(row(q, 3, 3, "2019-Q2", "2019-W14", "网吧"),
	    1, 1, 1, 1, 0, 0, 0);
	fz_tally_free(t);
	fz_tally_free(q);
}

/* A key left out of a record groups under its default. */
static void
test_rows_by_a_key_with_a_default(void **state)
{
	fz_tally *t = five_by(tally_by("type", "result", NULL));

	(void)state;
	assert_int_equal(nrows(t), 3);
	assert_visits(row(t, 0, 2, "routine", "banned"), 1, 1, 1, 1, 0, 1, 0);
	assert_visits(row(t, 1, 2, "routine", "ok"), 3, 2, 4, 3, 0, 0, 0);
	assert_visits(row(t, 2, 2, "routine", "violation"), 1, 1, 2, 1, 1, 0,
	    1);
	fz_tally_free(t);
}

static void
test_range_filters_records(void **state)
{
	fz_tally *t = tally_by("month", NULL);
	fz_tally *open_end = tally_by(NULL);

	(void)state;
	fz_tally_set_range(t, fx_date("2019-03-01"), fx_date("2019-03-31"));
	five_by(t);
	assert_int_equal(nrows(t), 1);
	assert_visits(row(t, 0, 1, "2019-03"), 3, 2, 4, 2, 1, 1, 1);
	assert_visits(totals(t), 3, 2, 4, 2, 1, 1, 1);
	fz_tally_set_range(open_end, fx_date("2019-03-06"), FZ_NODATE);
	five_by(open_end);
	/* E1 twice, E3: solo {P2}, solo {P4} and O2 {P1}. */
	assert_visits(totals(open_end), 3, 2, 3, 3, 0, 1, 0);
	fz_tally_free(t);
	fz_tally_free(open_end);
}

static void
test_new_refuses_bad_by(void **state)
{
	char *twice[] = { "month", "town", "month" };
	char *empty[] = { "town", "" };
	fz_error err = { 0 };

	(void)state;
	assert_null(fz_tally_new(twice, 3, &err));
	assert_int_equal(err.status, FZ_USAGE);
	assert_string_equal(err.msg, "--by: 'month' named twice");
	memset(&err, 0, sizeof err);
	assert_null(fz_tally_new(empty, 2, &err));
	assert_int_equal(err.status, FZ_USAGE);
	assert_string_equal(err.msg, "--by: empty key");
}

/* zone and grade are keys the towns fill: taken with them only. */
static void
test_new_filled_keys(void **state)
{
	char *by[] = { "grade", "zone", "month" };
	fz_error err = { 0 };
	fz_tally *t;

	(void)state;
	assert_null(fz_tally_new(by + 1, 1, &err));
	assert_string_equal(err.msg, "--by: zone comes from the towns: give "
	    "--towns FILE");
	t = fz_tally_new_filled(by, 3, fz_directory_town_keys, &err);
	assert_non_null(t);
	fz_tally_free(t);
}

/* ----------------------------------------------------------- cases */

#define NOFINE FZ_NOMONEY

static void
test_filed_closed_open_by_month(void **state)
{
	static const struct kase cases[] = {
		{ "C1", "2019-01-15", "2019-03-10", "2019-03-01", NULL, NULL, 0,
		    NOFINE, NULL },
		{ "C2", "2019-02-20", NULL, NULL, NULL, NULL, 0, NOFINE, NULL },
		{ "C3", "2019-03-05", "2019-03-20", "2019-03-18", NULL, NULL, 0,
		    NOFINE, NULL },
	};
	fz_tally *t = tally_by("month", NULL);

	(void)state;
	fz_tally_set_range(t, fx_date("2019-01-01"), fx_date("2019-03-31"));
	for (size_t i = 0; i < 3; i++)
		add_case(t, &cases[i]);
	assert_int_equal(nrows(t), 3);
	assert_cases(row(t, 0, 1, "2019-01"), 1, 0, 1, 0, 0, 0, 0);
	assert_cases(row(t, 1, 1, "2019-02"), 1, 0, 2, 0, 0, 0, 0);
	assert_cases(row(t, 2, 1, "2019-03"), 1, 2, 1, 2, 0, 0, 0);
	assert_cases(totals(t), 3, 2, 1, 2, 0, 0, 0);
	assert_visits(totals(t), 0, 0, 0, 0, 0, 0, 0);
	fz_tally_free(t);
}

static void
test_closed_on_time(void **state)
{
	static const struct kase cases[] = {
		/* decided on day 90 after filing */
		{ "K1", "2019-01-01", "2019-04-05", "2019-04-01", NULL, NULL, 0,
		    NOFINE, NULL },
		/* on day 91 */
		{ "K2", "2019-01-01", "2019-04-05", "2019-04-02", NULL, NULL, 0,
		    NOFINE, NULL },
		/* on day 91 with one day of extension */
		{ "K3", "2019-01-01", "2019-04-05", "2019-04-02", NULL, NULL, 1,
		    NOFINE, NULL },
		/* closed without a decision on day 90, and on day 91 */
		{ "K4", "2019-01-01", "2019-04-01", NULL, NULL, NULL, 0, NOFINE,
		    NULL },
		{ "K5", "2019-01-01", "2019-04-02", NULL, NULL, NULL, 0, NOFINE,
		    NULL },
		/* decided in time but not closed: not counted */
		{ "K6", "2019-01-01", NULL, "2019-02-01", NULL, NULL, 0, NOFINE,
		    NULL },
	};
	fz_tally *t = tally_by(NULL);

	(void)state;
	fz_tally_set_range(t, fx_date("2019-01-01"), fx_date("2019-12-31"));
	for (size_t i = 0; i < 6; i++)
		add_case(t, &cases[i]);
	assert_cases(totals(t), 6, 5, 1, 3, 0, 0, 0);
	fz_tally_free(t);
}

static void
test_overdue_at_each_period_end(void **state)
{
	static const struct kase cases[] = {
		/* never decided: the limit is 2019-04-01 */
		{ "O1", "2019-01-01", NULL, NULL, NULL, NULL, 0, NOFINE, NULL },
		/* decided late, in May */
		{ "O2", "2019-01-01", "2019-05-20", "2019-05-10", NULL, NULL, 0,
		    NOFINE, NULL },
		/* extended by 60 days: the limit is 2019-05-31 */
		{ "O3", "2019-01-01", NULL, NULL, NULL, NULL, 60, NOFINE, NULL },
		{ "O4", "2019-05-01", NULL, "2019-06-15", NULL, NULL, 0, NOFINE,
		    NULL },
	};
	static const long long overdue[] = { 0, 0, 0, 2, 1, 2 };
	static const long long open[] = { 3, 3, 3, 3, 3, 3 };
	fz_tally *t = tally_by("month", NULL);

	(void)state;
	fz_tally_set_range(t, fx_date("2019-01-01"), fx_date("2019-06-30"));
	for (size_t i = 0; i < 4; i++)
		add_case(t, &cases[i]);
	assert_int_equal(nrows(t), 6);
	for (size_t m = 0; m < 6; m++) {
		char month[16];
		const fz_tally_counts *c;

		snprintf(month, sizeof month, "2019-%02zu", m + 1);
		c = row(t, m, 1, month);
		if (c->overdue != overdue[m] || c->open != open[m])
			fail_msg("%s: overdue %lld open %lld", month,
			    c->overdue, c->open);
	}
	assert_int_equal(totals(t)->overdue, 2);
	assert_int_equal(totals(t)->open, 3);
	fz_tally_free(t);
}

static void
test_reviewed(void **state)
{
	static const struct kase cases[] = {
		{ "R1", "2019-03-01", NULL, "2019-03-10", "2019-03-10", NULL, 0,
		    NOFINE, NULL },
		{ "R2", "2019-03-01", NULL, "2019-03-10", "2019-03-11", NULL, 0,
		    NOFINE, NULL },
		{ "R3", "2019-03-01", NULL, "2019-03-10", NULL, NULL, 0, NOFINE,
		    NULL },
		{ "R4", "2019-03-01", NULL, "2019-05-01", "2019-03-02", NULL, 0,
		    NOFINE, NULL },
	};
	fz_tally *t = tally_by("month", NULL);

	(void)state;
	fz_tally_set_range(t, fx_date("2019-03-01"), fx_date("2019-05-31"));
	for (size_t i = 0; i < 4; i++)
		add_case(t, &cases[i]);
	assert_int_equal(row(t, 0, 1, "2019-03")->reviewed, 1);
	assert_int_equal(row(t, 1, 1, "2019-04")->reviewed, 0);
	assert_int_equal(row(t, 2, 1, "2019-05")->reviewed, 1);
	assert_int_equal(totals(t)->reviewed, 2);
	fz_tally_free(t);
}

static const struct kase published[] = {
	/* Friday before National Day, published on the 4th working day
	 * with the calendar, the 8th without */
	{ "P1", "2019-09-01", NULL, "2019-09-27", NULL, "2019-10-09", 0, NOFINE,
	    NULL },
	/* Monday, published on the 7th working day, on the 8th, the same day */
	{ "P2", "2019-03-01", NULL, "2019-03-04", NULL, "2019-03-13", 0, NOFINE,
	    NULL },
	{ "P3", "2019-03-01", NULL, "2019-03-04", NULL, "2019-03-14", 0, NOFINE,
	    NULL },
	{ "P4", "2019-03-01", NULL, "2019-03-04", NULL, "2019-03-04", 0, NOFINE,
	    NULL },
	{ "P5", "2019-03-01", NULL, "2019-03-04", NULL, NULL, 0, NOFINE, NULL },
};

static void
test_published_on_time(void **state)
{
	fz_calendar *cal = national_day();
	fz_tally *with = tally_by("month", NULL), *without = tally_by(NULL);

	(void)state;
	fz_tally_set_calendar(with, cal);
	for (size_t i = 0; i < 5; i++) {
		add_case(with, &published[i]);
		add_case(without, &published[i]);
	}
	fz_tally_set_range(with, fx_date("2019-01-01"), fx_date("2019-12-31"));
	fz_tally_set_range(without, fx_date("2019-01-01"),
	    fx_date("2019-12-31"));
	assert_int_equal(totals(with)->published_on_time, 3);
	assert_int_equal(totals(without)->published_on_time, 2);
	/* Counted in the month of the decision. */
	assert_int_equal(row(with, 0, 1, "2019-03")->published_on_time, 2);
	assert_int_equal(row(with, 6, 1, "2019-09")->published_on_time, 1);
	fz_tally_free(with);
	fz_tally_free(without);
	fz_calendar_free(cal);
}

static void
test_fines(void **state)
{
	static const struct kase cases[] = {
		{ "F1", "2019-03-01", "2019-03-20", "2019-03-10", NULL, NULL, 0,
		    125050, NULL },
		{ "F2", "2019-03-01", "2019-04-01", NULL, NULL, NULL, 0, 500000,
		    NULL },
		{ "F3", "2019-03-01", "2019-04-01", "2019-03-30", NULL, NULL, 0,
		    NOFINE, NULL },
	};
	fz_tally *t = tally_by("month", NULL);

	(void)state;
	for (size_t i = 0; i < 3; i++)
		add_case(t, &cases[i]);
	assert_int_equal(totals(t)->fines, 625050);
	assert_int_equal(row(t, 0, 1, "2019-03")->fines, 125050);
	assert_int_equal(row(t, 1, 1, "2019-04")->fines, 500000);
	fz_tally_free(t);
}

static void
test_case_counted_twice(void **state)
{
	static const struct kase c = { "C1", "2019-03-01", NULL, NULL, NULL,
		NULL, 0, NOFINE, NULL };
	fz_tally *t = tally_by(NULL);
	fz_error err = { 0 };

	(void)state;
	add_case(t, &c);
	assert_int_equal(try_case(t, &c, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "case 'C1' is counted twice");
	fz_tally_free(t);
}

static void
test_cases_by_town(void **state)
{
	static const struct kase cases[] = {
		{ "T1", "2019-03-01", NULL, NULL, NULL, NULL, 0, NOFINE, "城关镇" },
		{ "T2", "2019-03-02", "2019-03-03", "2019-03-03", NULL, NULL, 0,
		    1000, NULL },
	};
	fz_tally *t = five_by(tally_by("town", NULL));

	(void)state;
	for (size_t i = 0; i < 2; i++)
		add_case(t, &cases[i]);
	assert_int_equal(nrows(t), 3);
	assert_cases(row(t, 0, 1, "城关镇"), 1, 0, 1, 0, 0, 0, 0);
	assert_cases(row(t, 2, 1, NULL), 1, 1, 0, 1, 0, 0, 0);
	assert_int_equal(row(t, 2, 1, NULL)->fines, 1000);
	assert_visits(row(t, 2, 1, NULL), 1, 1, 1, 1, 0, 0, 0);
	fz_tally_free(t);
}

/* The bureau's and the towns' inspections come apart whatever the
 * tally is grouped by: the annual report's 我局 figures are never the
 * towns' logs added in. */
static void
test_reporters_apart(void **state)
{
	static const struct visit v[] = {
		{ "2019-03-05", "E1", "城关镇", "P1,P2", "O1", 1, 0, NULL },
		{ "2019-03-05", "E2", "城关镇", "P1,P2", "O1", 0, 0, NULL },
		{ "2019-03-06", "E1", "城关镇", "T1", NULL, 0, 1, NULL },
		{ "2019-03-07", "E3", "新桥镇", "T2", NULL, 2, 1, NULL },
	};
	static const char *const from[] = { NULL, "bureau", "town", "town" };
	fz_tally *t = tally_by("town", NULL);

	(void)state;
	for (size_t i = 0; i < 4; i++)
		add_visit_from(t, &v[i], from[i]);
	assert_visits(totals(t), 4, 3, 4, 3, 1, 1, 2);
	assert_visits(fz_tally_reporter(t, "bureau"), 2, 2, 2, 1, 1, 0, 0);
	assert_visits(fz_tally_reporter(t, "town"), 2, 2, 2, 2, 0, 1, 2);
	assert_null(fz_tally_reporter(t, "twon"));
	fz_tally_free(t);
}

/* Each reporter has its figures, zero when it reported nothing. */
static void
test_reporters_without_inspections(void **state)
{
	fz_tally *t = five_by(tally_by("month", NULL));

	(void)state;
	assert_visits(fz_tally_reporter(t, "bureau"), 5, 3, 6, 4, 1, 1, 1);
	assert_visits(fz_tally_reporter(t, "town"), 0, 0, 0, 0, 0, 0, 0);
	fz_tally_free(t);
}

/* An event of a record of kind k, its node parsed from yaml. */
static fz_event
record_event(enum fz_kind k, const char *yaml)
{
	fz_event ev = { .type = FZ_EV_RECORD, .kind = k,
		.kind_name = fz_kind_name(k), .file = "x.yaml", .doc_line = 1,
		.doc_col = 1, .arena = fx_arena };

	ev.node = fx_parse(fx_arena, yaml);
	return ev;
}

static void
test_take_fills_from_the_directory(void **state)
{
	static const fz_entity e1 = { .id = "E1", .name = "一",
		.category = "网吧", .town = "城关镇",
		.last_inspected = FZ_NODATE };
	static const fz_entity e2 = { .id = "E2", .name = "二",
		.town = "新桥镇", .last_inspected = FZ_NODATE };
	fz_directory *dir = fz_directory_new();
	fz_where *where = fz_where_new();
	fz_tally_reader r = { .tally = tally_by("town", "category", NULL),
		.where = where, .dir = dir };
	fz_error err = { 0 };
	fz_event ev;

	(void)state;
	assert_int_equal(fz_directory_add(dir, &e1, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add(dir, &e2, NULL, &err), FZ_OK);
	assert_int_equal(fz_where_add(where, "town=城关镇", &err), FZ_OK);
	/* E1's town and category come from the directory ... */
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2019-03-05, entity: E1, "
	    "inspectors: [P1, P2]}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_OK);
	assert_string_equal(fz_node_get(ev.node, "category")->str, "网吧");
	/* ... but not what a record says itself; E2 is in 新桥镇 and so
	 * not counted, and E3 is not in the directory. */
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2019-03-06, entity: E1, "
	    "inspectors: [P1, P2], category: 影院}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_OK);
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2019-03-07, entity: E2, "
	    "inspectors: [P1, P2]}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_OK);
	assert_string_equal(fz_node_get(ev.node, "town")->str, "新桥镇");
	assert_null(fz_node_get(ev.node, "category"));
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2019-03-08, entity: E3, "
	    "town: 城关镇, inspectors: [P1, P2]}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_OK);
	ev = (fz_event){ .type = FZ_EV_END, .kind = FZ_KIND_NONE };
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_OK);
	assert_int_equal(nrows(r.tally), 3);
	assert_int_equal(row(r.tally, 0, 2, "城关镇", "影院")->visits, 1);
	assert_int_equal(row(r.tally, 1, 2, "城关镇", "网吧")->visits, 1);
	assert_int_equal(row(r.tally, 2, 2, "城关镇", NULL)->visits, 1);
	fz_tally_free(r.tally);
	fz_where_free(where);
	fz_directory_free(dir);
}

/* What standard error receives while fn runs on r, ev. */
static int
take_to_stderr(fz_tally_reader *r, fz_event *ev, fz_error *err, char *out,
    size_t size)
{
	FILE *f = tmpfile();
	int saved, rc;
	size_t n;

	assert_non_null(f);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0 && dup2(fileno(f), 2) == 2);
	rc = fz_tally_take(r, ev, err);
	fflush(stderr);
	assert_int_equal(dup2(saved, 2), 2);
	close(saved);
	rewind(f);
	n = fread(out, 1, size - 1, f);
	out[n] = '\0';
	fclose(f);
	return rc;
}

/* A date within the horizon after --as-of is taken without a word, a
 * later one with a warning naming the record, one after 2100 refused
 * unless the tally's --to reaches it. */
static void
test_take_far_dates(void **state)
{
	fz_cli cli = { .prog = "fazhi-tally" };
	fz_tally_reader r = { .tally = tally_by("month", NULL), .cli = &cli,
		.as_of = fz_date_make(2019, 12, 31), .horizon = 365 };
	fz_error err = { 0 };
	fz_event ev;
	char said[512];

	(void)state;
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2020-12-30, entity: E1, "
	    "inspectors: [P1, P2]}");
	assert_int_equal(take_to_stderr(&r, &ev, &err, said, sizeof said),
	    FZ_OK);
	assert_string_equal(said, "");
	ev = record_event(FZ_KIND_INSPECTIONS, "{date: 2021-01-01, entity: E1, "
	    "inspectors: [P1, P2]}");
	assert_int_equal(take_to_stderr(&r, &ev, &err, said, sizeof said),
	    FZ_OK);
	assert_string_equal(said, "fazhi-tally: warning: doc.yaml:1:8: date "
	    "2021-01-01 is more than 365 days after 2019-12-31 (--as-of, "
	    "--horizon)\n");
	ev = record_event(FZ_KIND_CASES, "{id: C1, filed: 2019-03-01, "
	    "closed: 9999-05-10}");
	assert_int_equal(take_to_stderr(&r, &ev, &err, said, sizeof said),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "closed 9999-05-10 is after 2100: a row "
	    "for every period up to it would be written; --to 9999-05-10 "
	    "takes it");
	assert_int_equal(err.line, 1);
	/* A --to that reaches it takes it, and says nothing of it. */
	fz_tally_set_range(r.tally, FZ_NODATE, fz_date_make(9999, 12, 31));
	ev = record_event(FZ_KIND_CASES, "{id: C2, filed: 2019-03-01, "
	    "closed: 9999-05-10}");
	assert_int_equal(take_to_stderr(&r, &ev, &err, said, sizeof said),
	    FZ_OK);
	assert_string_equal(said, "");
	fz_tally_free(r.tally);
}

static void
test_take_refuses_other_kinds(void **state)
{
	fz_tally_reader r = { .tally = tally_by(NULL) };
	fz_error err = { 0 };
	fz_event ev = record_event(FZ_KIND_MATTERS, "{code: M1}");

	(void)state;
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "fazhi-tally reads inspections, cases, "
	    "complaints, documents and activities, not matters");
	assert_string_equal(err.file, "x.yaml");
	ev = record_event(FZ_KIND_CASES, "{id: C1, filed: 2019-02-30}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_DATAERR);
	fz_tally_free(r.tally);
	/* A merge reads tallies, and at least one. */
	r = (fz_tally_reader){ .merge = 1 };
	ev = record_event(FZ_KIND_CASES, "{id: C1, filed: 2019-03-01}");
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "--merge reads tallies, not cases");
	ev = (fz_event){ .type = FZ_EV_END, .kind = FZ_KIND_NONE };
	assert_int_equal(fz_tally_take(&r, &ev, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "--merge found no tally to merge");
	assert_null(r.tally);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inspection_indicators),
		cmocka_unit_test(test_solo_visits_are_their_own_outings),
		cmocka_unit_test(test_rows_by_month_and_town_null_last),
		cmocka_unit_test(test_rows_by_town),
		cmocka_unit_test(test_rows_by_two_period_keys),
		cmocka_unit_test(test_rows_by_a_key_with_a_default),
		cmocka_unit_test(test_range_filters_records),
		cmocka_unit_test(test_new_refuses_bad_by),
		cmocka_unit_test(test_new_filled_keys),
		cmocka_unit_test(test_filed_closed_open_by_month),
		cmocka_unit_test(test_closed_on_time),
		cmocka_unit_test(test_overdue_at_each_period_end),
		cmocka_unit_test(test_reviewed),
		cmocka_unit_test(test_published_on_time),
		cmocka_unit_test(test_fines),
		cmocka_unit_test(test_case_counted_twice),
		cmocka_unit_test(test_cases_by_town),
		cmocka_unit_test(test_reporters_apart),
		cmocka_unit_test(test_reporters_without_inspections),
		cmocka_unit_test(test_take_fills_from_the_directory),
		cmocka_unit_test(test_take_far_dates),
		cmocka_unit_test(test_take_refuses_other_kinds),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
