/* test_tally_merge.c - merging tallies written with --mergeable
 * (lib/tally_merge.c): exactly what one tally over everything gives, or
 * a refusal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tally_fixture.h"

/* Read every tally document of text and merge it into *t. */
static int
merge_text(fz_tally **t, const char *text, fz_error *err)
{
	char *dir = fx_tmpdir();
	char *path = fx_write_str(dir, "tally.yaml", text);
	char *paths[1] = { path };
	fz_stream *s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	fz_event ev;
	int rc;

	while ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		assert_int_equal(ev.type, FZ_EV_DOC);
		if ((rc = fz_tally_merge(t, ev.node, err)) != FZ_OK)
			break;
	}
	fz_stream_close(s);
	free(path);
	fx_rmtree(dir);
	return rc;
}

/* Records for the merge: the five visits and more, and cases that
 * reach across months; split into halves by taking every other one. */
static const struct visit more[] = {
	{ "2019-03-31", "E4", "新桥镇", "P5,P6", "O3", 0, 0, "影院" },
	{ "2019-04-01", "E4", "新桥镇", "P6,P7", "O3", 2, 1, "影院" },
	{ "2019-05-20", "E2", "城关镇", "P1,P3", "O1", 1, 0, "网吧" },
	{ "2019-05-21", "E5", NULL, "P8", NULL, 0, 0, NULL },
	{ "2019-06-02", "E1", "城关镇", "P9,P1", "O4", 0, 1, "网吧" },
};

static const struct kase merge_cases[] = {
	{ "M1", "2019-01-10", NULL, NULL, NULL, NULL, 0, NOFINE, "城关镇" },
	{ "M2", "2019-02-01", "2019-06-25", "2019-06-20", "2019-06-21",
	    "2019-07-05", 60, 500000, NULL },
	{ "M3", "2019-03-05", "2019-03-20", "2019-03-18", "2019-03-18",
	    "2019-03-19", 0, 125050, "新桥镇" },
	{ "M4", "2019-05-01", "2019-09-01", NULL, NULL, NULL, 0, 20000,
	    "城关镇" },
};

/* Cases with the keys of the case figures, across the months. */
static const char *const figure_cases[] = {
	"{id: F1, filed: 2019-03-01, decided: 2019-04-15, major: true, "
	    "av_recorded: true, legal_review: 2019-04-10, served: 2019-04-16, "
	    "town: 城关镇, penalty: [warning, fine, confiscation]}",
	"{id: F2, filed: 2019-04-01, decided: 2019-04-01, procedure: simple, "
	    "not_punished: first_offense, educated: true}",
	"{id: F3, filed: 2019-03-10, decided: 2019-05-20, hearing: "
	    "2019-05-10, legal_review: 2019-05-15, supervised: true, "
	    "reconsideration: {applied: 2019-05-25, decided: 2019-06-20, "
	    "result: changed}, town: 新桥镇, penalty: fine}",
	"{id: F4, filed: 2019-04-20, decided: 2019-05-30, transferred: "
	    "2019-06-05, litigation: {filed: 2019-06-10, judged: 2019-06-28, "
	    "result: lost, leader_appeared: true}, penalty: revocation}",
};

/* Add the records of half h (0 or 1; 2 for all of them) to t. */
static void
add_half(fz_tally *t, int h)
{
	for (size_t i = 0; i < 5; i++) {
		if (h == 2 || (int)(i % 2) == h)
			add_visit(t, &five[i]);
		if (h == 2 || (int)((i + 1) % 2) == h)
			add_visit(t, &more[i]);
	}
	for (size_t i = 0; i < 4; i++)
		if (h == 2 || (int)(i % 2) == h) {
			add_case(t, &merge_cases[i]);
			add_case_yaml(t, figure_cases[i]);
		}
}

/* A tally of half h of the records (2: all of them), counting only what
 * falls within range[0..1] when range is not NULL. */
static fz_tally *
tally_of(char *const *by, int nby, int h, const fz_calendar *cal,
    const char *const *range)
{
	fz_error err = { 0 };
	fz_tally *t = fz_tally_new(by, nby, &err);

	assert_non_null(t);
	fz_tally_set_calendar(t, cal);
	if (range != NULL)
		fz_tally_set_range(t, fx_date(range[0]), fx_date(range[1]));
	add_half(t, h);
	return t;
}

/* The two parts a merge is tried on: halves of the records, or (monthly)
 * every record counted in two ranges that meet, as monthly runs over one
 * case register do. */
static const char *const whole_range[] = { "2019-03-01", "2019-06-30" };
static const char *const part_range[2][2] = {
	{ "2019-03-01", "2019-04-30" }, { "2019-05-01", "2019-06-30" } };

/* The merge of the parts' mergeable documents, written, equals the
 * tally of everything, written. */
static void
assert_merge_exact(char *const *by, int nby, int monthly)
{
	fz_calendar *cal = national_day();
	fz_tally *whole = tally_of(by, nby, 2, cal, monthly ? whole_range :
	    NULL), *merged = NULL;
	fz_error err = { 0 };
	char *want = fx_written(write_plain, whole, NULL), *got;

	for (int h = 0; h < 2; h++) {
		fz_tally *part = monthly ? tally_of(by, nby, 2, cal,
		    part_range[h]) : tally_of(by, nby, h, cal, NULL);
		char *text = fx_written(write_mergeable, part, NULL);

		if (merge_text(&merged, text, &err) != 0)
			fail_msg("merge: %s:%u:%u: %s", err.file, err.line,
			    err.col, err.msg);
		free(text);
		fz_tally_free(part);
	}
	assert_non_null(merged);
	fz_tally_set_calendar(merged, cal);
	got = fx_written(write_plain, merged, NULL);
	assert_string_equal(got, want);
	free(want);
	free(got);
	fz_tally_free(whole);
	fz_tally_free(merged);
	fz_calendar_free(cal);
}

static void
test_merge_exact_without_by(void **state)
{
	(void)state;
	assert_merge_exact(NULL, 0, 0);
}

static void
test_merge_exact_by_month_and_town(void **state)
{
	char *by[] = { "month", "town" };

	(void)state;
	assert_merge_exact(by, 2, 0);
}

static void
test_merge_exact_by_town(void **state)
{
	char *by[] = { "town" };

	(void)state;
	assert_merge_exact(by, 1, 0);
}

static void
test_merge_exact_by_quarter_week_category(void **state)
{
	char *by[] = { "quarter", "week", "category" };

	(void)state;
	assert_merge_exact(by, 3, 0);
}

static void
test_merge_exact_of_monthly_tallies(void **state)
{
	char *by[] = { "month", "town" };

	(void)state;
	assert_merge_exact(by, 2, 1);
	assert_merge_exact(by + 1, 1, 1);
	assert_merge_exact(NULL, 0, 1);
}

/* The units of the merge are distinct across the halves. */
/* A case written before the case figures (no procedure) would count
 * as none of them: refused. */
static void
test_merge_refuses_case_without_figures(void **state)
{
	fz_tally *t = tally_by(NULL), *merged = NULL;
	fz_error err = { 0 };
	char *text, *p;

	(void)state;
	add_case_yaml(t, figure_cases[1]);
	text = fx_written(write_mergeable, t, NULL);
	p = strstr(text, "procedure: simple, ");
	assert_non_null(p);
	memmove(p, p + strlen("procedure: simple, "),
	    strlen(p + strlen("procedure: simple, ")) + 1);
	assert_int_equal(merge_text(&merged, text, &err), FZ_DATAERR);
	assert_non_null(strstr(err.msg, "written before the case figures"));
	free(text);
	fz_tally_free(t);
	fz_tally_free(merged);
}

/* A case written before the penalty figures (no penalty key, where a
 * tally now writes null for none) would count as none of them: refused. */
static void
test_merge_refuses_case_without_penalty(void **state)
{
	fz_tally *t = tally_by(NULL), *merged = NULL;
	fz_error err = { 0 };
	char *text, *p;

	(void)state;
	add_case_yaml(t, figure_cases[1]);
	text = fx_written(write_mergeable, t, NULL);
	p = strstr(text, ", penalty: null");
	assert_non_null(p);
	memmove(p, p + strlen(", penalty: null"),
	    strlen(p + strlen(", penalty: null")) + 1);
	assert_int_equal(merge_text(&merged, text, &err), FZ_DATAERR);
	assert_non_null(strstr(err.msg, "written before the penalty figures"));
	free(text);
	fz_tally_free(t);
	fz_tally_free(merged);
}

/* The penalties of merged cases, each under its heaviest, as one tally
 * over all the cases counts them. */
static void
test_merge_penalties(void **state)
{
	fz_tally *merged = NULL;
	fz_error err = { 0 };

	(void)state;
	for (int h = 0; h < 2; h++) {
		fz_tally *half = tally_of(NULL, 0, h, NULL, NULL);
		char *text = fx_written(write_mergeable, half, NULL);

		assert_int_equal(merge_text(&merged, text, &err), FZ_OK);
		free(text);
		fz_tally_free(half);
	}
	assert_int_equal(totals(merged)->penalized, 3);
	assert_int_equal(totals(merged)->penalty_confiscation, 1);
	assert_int_equal(totals(merged)->penalty_fine, 1);
	assert_int_equal(totals(merged)->penalty_revocation, 1);
	assert_int_equal(totals(merged)->penalty_warning, 0);
	fz_tally_free(merged);
}

static void
test_merge_counts_units_once(void **state)
{
	fz_tally *merged = NULL;
	fz_error err = { 0 };

	(void)state;
	for (int h = 0; h < 2; h++) {
		fz_tally *half = tally_of(NULL, 0, h, NULL, NULL);
		char *text = fx_written(write_mergeable, half, NULL);

		assert_int_equal(merge_text(&merged, text, &err), FZ_OK);
		free(text);
		fz_tally_free(half);
	}
	/* E1..E5 each once, though E1, E2 and E4 are in both halves. */
	assert_int_equal(totals(merged)->units, 5);
	assert_int_equal(totals(merged)->visits, 10);
	fz_tally_free(merged);
}

static void
test_merge_refuses_plain_tally(void **state)
{
	fz_tally *t = five_by(tally_by("month", NULL)), *merged = NULL;
	char *text = fx_written(write_plain, t, NULL);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(merge_text(&merged, text, &err), FZ_DATAERR);
	assert_int_equal(err.status, FZ_DATAERR);
	assert_string_equal(err.msg, "tally written without --mergeable: "
	    "merging it would not be exact");
	assert_null(merged);
	free(text);
	fz_tally_free(t);
}

static void
test_merge_refuses_other_by(void **state)
{
	fz_tally *a = five_by(tally_by("month", NULL));
	fz_tally *b = five_by(tally_by("month", "town", NULL));
	fz_tally *merged = NULL;
	char *ta = fx_written(write_mergeable, a, NULL);
	char *tb = fx_written(write_mergeable, b, NULL);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(merge_text(&merged, ta, &err), FZ_OK);
	assert_int_equal(merge_text(&merged, tb, &err), FZ_DATAERR);
	assert_string_equal(err.msg,
	    "cannot merge tallies grouped by different keys");
	free(ta);
	free(tb);
	fz_tally_free(a);
	fz_tally_free(b);
	fz_tally_free(merged);
}

static void
test_merge_refuses_other_where(void **state)
{
	fz_tally *a = five_by(tally_by("month", NULL));
	fz_tally *b = five_by(tally_by("month", NULL));
	fz_tally *merged = NULL;
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	char *ta, *tb;

	(void)state;
	assert_int_equal(fz_where_add(w, "town=城关镇", &err), FZ_OK);
	assert_int_equal(fz_tally_set_where(b, w, &err), FZ_OK);
	ta = fx_written(write_mergeable, a, NULL);
	tb = fx_written(write_mergeable, b, NULL);
	assert_int_equal(merge_text(&merged, ta, &err), FZ_OK);
	assert_int_equal(merge_text(&merged, tb, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "cannot merge tallies with different where");
	free(ta);
	free(tb);
	fz_where_free(w);
	fz_tally_free(a);
	fz_tally_free(b);
	fz_tally_free(merged);
}

static void
test_merge_refuses_a_case_that_differs(void **state)
{
	static const struct kase c1 = { "C1", "2019-03-01", NULL, NULL, NULL,
		NULL, 0, NOFINE, NULL };
	static const struct kase c1b = { "C1", "2019-03-02", NULL, NULL, NULL,
		NULL, 0, NOFINE, NULL };
	fz_tally *a = tally_by(NULL), *b = tally_by(NULL), *merged = NULL;
	char *ta, *tb;
	fz_error err = { 0 };

	(void)state;
	add_case(a, &c1);
	add_case(b, &c1b);
	ta = fx_written(write_mergeable, a, NULL);
	tb = fx_written(write_mergeable, b, NULL);
	assert_int_equal(merge_text(&merged, ta, &err), FZ_OK);
	assert_int_equal(merge_text(&merged, tb, &err), FZ_DATAERR);
	assert_string_equal(err.msg,
	    "case 'C1' differs between the tallies merged");
	free(ta);
	free(tb);
	fz_tally_free(a);
	fz_tally_free(b);
	fz_tally_free(merged);
}

#define H1 "3b15592754f24d77ffc98fb788012404f573ae80b15f80e45fd753996c5cf4d0"
#define H2 "1845995be4372616c27b5c5fee5978856de2f761bf92d8bd561a8afd752c6ec0"

/* One run that reads the same bytes twice is refused at the second. */
static void
test_cover_same_bytes_twice(void **state)
{
	fz_tally *t = tally_by("month", NULL);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_tally_add_cover(t, "a.yaml", H1, &err), FZ_OK);
	assert_int_equal(fz_tally_add_cover(t, "b.yaml", H2, &err), FZ_OK);
	assert_int_equal(fz_tally_add_cover(t, "c.yaml", H1, &err),
	    FZ_DATAERR);
	assert_string_equal(err.file, "c.yaml");
	assert_string_equal(err.msg, "the same bytes as a.yaml, read before: "
	    "its records would be counted twice");
	assert_int_equal(fz_tally_add_cover(t, "b.yaml", H2, &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "read twice: its records would be "
	    "counted twice");
	fz_tally_free(t);
}

/* A tally of range r whose one input is logs.yaml of digest H1,
 * written mergeable. */
static char *
covering(const char *const *r)
{
	fz_tally *t = tally_of(NULL, 0, 2, NULL, r);
	fz_error err = { 0 };
	char *text;

	assert_int_equal(fz_tally_add_cover(t, "logs.yaml", H1, &err), FZ_OK);
	text = fx_written(write_mergeable, t, NULL);
	fz_tally_free(t);
	return text;
}

/* Two periods of one input merge, and the merge covers both; merged
 * again with either, it is refused. */
static void
test_merge_covers_union_then_overlap(void **state)
{
	char *a = covering(part_range[0]), *b = covering(part_range[1]);
	fz_tally *merged = NULL;
	fz_error err = { 0 };
	char *text;

	(void)state;
	assert_non_null(strstr(a, "covers:\n- {input: logs.yaml, sha256: "
	    H1 ", from: 2019-03-01, to: 2019-04-30}\nrows:"));
	assert_int_equal(merge_text(&merged, a, &err), FZ_OK);
	assert_int_equal(merge_text(&merged, b, &err), FZ_OK);
	text = fx_written(write_mergeable, merged, NULL);
	assert_non_null(strstr(text, "covers:\n"
	    "- {input: logs.yaml, sha256: " H1 ", from: 2019-03-01, to: "
	    "2019-04-30}\n"
	    "- {input: logs.yaml, sha256: " H1 ", from: 2019-05-01, to: "
	    "2019-06-30}\nrows:"));
	assert_int_equal(merge_text(&merged, b, &err), FZ_DATAERR);
	assert_non_null(strstr(err.msg, "counts logs.yaml from 2019-05-01 "
	    "to 2019-06-30, which "));
	assert_non_null(strstr(err.msg, " counts too: merging both would "
	    "count its records twice"));
	fz_tally_free(merged);
	/* The merge, kept, merged again with a part it holds. */
	merged = NULL;
	assert_int_equal(merge_text(&merged, text, &err), FZ_OK);
	assert_int_equal(merge_text(&merged, a, &err), FZ_DATAERR);
	assert_non_null(strstr(err.msg, "counts logs.yaml from 2019-03-01 "
	    "to 2019-04-30, which "));
	free(text);
	free(a);
	free(b);
	fz_tally_free(merged);
}

/* A tally without covers: is merged, but the merge knows it, and
 * writes none. */
static void
test_merge_without_covers(void **state)
{
	char *a = covering(part_range[0]);
	char *cut = strstr(a, "covers:"), *rows = strstr(a, "rows:");
	fz_tally *merged = NULL;
	fz_error err = { 0 };
	char *text;

	(void)state;
	memmove(cut, rows, strlen(rows) + 1);
	assert_int_equal(merge_text(&merged, a, &err), FZ_OK);
	assert_non_null(fz_tally_uncovered(merged));
	text = fx_written(write_mergeable, merged, NULL);
	assert_null(strstr(text, "covers:"));
	free(text);
	free(a);
	fz_tally_free(merged);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_exact_without_by),
		cmocka_unit_test(test_merge_exact_by_month_and_town),
		cmocka_unit_test(test_merge_exact_by_town),
		cmocka_unit_test(test_merge_exact_by_quarter_week_category),
		cmocka_unit_test(test_merge_exact_of_monthly_tallies),
		cmocka_unit_test(test_merge_counts_units_once),
		cmocka_unit_test(test_merge_refuses_plain_tally),
		cmocka_unit_test(test_merge_refuses_other_by),
		cmocka_unit_test(test_merge_refuses_other_where),
		cmocka_unit_test(test_merge_refuses_a_case_that_differs),
		cmocka_unit_test(test_cover_same_bytes_twice),
		cmocka_unit_test(test_merge_covers_union_then_overlap),
		cmocka_unit_test(test_merge_without_covers),
		cmocka_unit_test(test_merge_refuses_case_without_figures),
		cmocka_unit_test(test_merge_refuses_case_without_penalty),
		cmocka_unit_test(test_merge_penalties),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
