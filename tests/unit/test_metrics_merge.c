/* test_metrics_merge.c - metrics written with mergeable and merged: a
 * split merged writes what one run writes, byte for byte, and every
 * merge that could not be exact is refused with its position. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"
#include "core_fixture.h"

/* 2019-01-07 is a Monday. */
#define MON fz_date_make(2019, 1, 7)
#define NAPPS 6

/* Matters A (promises 2 days) and B (instant), under an item I. */
static void
catalogue(fz_metrics *m, long long promised)
{
	fz_matter mt = { 0 };
	fz_error err = { 0 };
	const char *codes[] = { "I", "A", "B" };

	for (int i = 0; i < 3; i++) {
		memset(&mt, 0, sizeof mt);
		mt.code = mt.name = codes[i];
		mt.level = i == 0 ? FZ_LEVEL_ITEM : FZ_LEVEL_SUB;
		mt.parent = i == 0 ? NULL : "I";
		mt.type = FZ_MT_LICENSING;
		mt.online = mt.mobile = mt.zero_trip = 1;
		mt.instant = i == 2;
		mt.statutory_days = 20;
		mt.promised_days = i == 1 ? promised : FZ_NOINT;
		mt.materials = mt.e_materials = FZ_NOINT;
		assert_int_equal(fz_metrics_add_matter(m, &mt, NULL, &err),
		    FZ_OK);
	}
}

/* Applications first to last - 1 of a fixed set. */
static void
applications(fz_metrics *m, int first, int last)
{
	static const char *const ids[NAPPS] = { "X1", "X2", "X3", "X4",
		"X5", "X6" };
	fz_error err = { 0 };

	for (int i = first; i < last; i++) {
		fz_application a = { 0 };

		a.id = ids[i];
		a.matter = i % 2 ? "A" : "B";
		a.received = MON + i;
		a.completed = i == 5 ? FZ_NODATE : MON + i + i % 3;
		a.channel = i % 3;
		a.action = i % 4;
		a.outcome = i % 3;
		a.site_survey = i == 1;
		a.trips = 1;
		a.satisfaction = i < 3 ? 7 + i : FZ_NOINT;
		assert_int_equal(fz_metrics_add_application(m, &a, NULL, &err),
		    FZ_OK);
	}
}

static fz_metrics *
run(int mergeable, fz_date to, int first, int last)
{
	fz_metrics *m = fz_metrics_new(NULL, fz_date_make(2019, 1, 1), to);
	fz_error err = { 0 };

	if (mergeable)
		fz_metrics_set_mergeable(m);
	catalogue(m, 2);
	applications(m, first, last);
	assert_int_equal(fz_metrics_check(m, &err), FZ_OK);
	return m;
}

static char *
written(fz_metrics *m, enum fz_metrics_by by)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	fz_writer *w = fz_writer_new(fp);

	assert_int_equal(fz_metrics_write(m, w, by), 0);
	assert_int_equal(fz_writer_free(w), 0);
	fclose(fp);
	return buf;
}

/* The document of a mergeable run over applications first to last - 1,
 * with from replaced by to in its text. */
static fz_node *
part(int first, int last, const char *from, const char *to)
{
	fz_metrics *m = run(1, FZ_NODATE, first, last);
	char *text = written(m, FZ_BY_NONE), *at;
	fz_node *doc;

	if (from != NULL) {
		assert_non_null(at = strstr(text, from));
		assert_int_equal(strlen(from), strlen(to));
		memcpy(at, to, strlen(to));
	}
	doc = fx_parse(fx_arena, text);
	free(text);
	fz_metrics_free(m);
	return doc;
}

/* x and y write the same document grouped by by. */
static void
assert_same_written(fz_metrics *x, fz_metrics *y, int by)
{
	char *a = written(x, by), *b = written(y, by);

	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void
test_split_equals_one_run(void **state)
{
	fz_metrics *one = run(0, FZ_NODATE, 0, NAPPS);
	fz_metrics *merged = run(0, FZ_NODATE, 0, 0);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_metrics_merge(merged, part(0, 1, NULL, NULL),
	    &err), FZ_OK);
	assert_int_equal(fz_metrics_merge(merged, part(1, 4, NULL, NULL),
	    &err), FZ_OK);
	assert_int_equal(fz_metrics_merge(merged, part(4, 6, NULL, NULL),
	    &err), FZ_OK);
	for (int by = FZ_BY_NONE; by <= FZ_BY_OFFICE; by++)
		assert_same_written(one, merged, by);
	fz_metrics_free(one);
	fz_metrics_free(merged);
}

/* A part without applications merges as nothing. */
static void
test_empty_part(void **state)
{
	fz_metrics *one = run(0, FZ_NODATE, 0, NAPPS);
	fz_metrics *merged = run(0, FZ_NODATE, 0, 0);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_metrics_merge(merged, part(0, 0, NULL, NULL),
	    &err), FZ_OK);
	assert_int_equal(fz_metrics_merge(merged, part(0, 6, NULL, NULL),
	    &err), FZ_OK);
	assert_same_written(one, merged, FZ_BY_MATTER);
	fz_metrics_free(one);
	fz_metrics_free(merged);
}

static void
refused(fz_node *doc, fz_metrics *into, const char *msg)
{
	fz_metrics *m = into != NULL ? into : run(0, FZ_NODATE, 0, 0);
	fz_error err = { 0 };

	assert_int_equal(fz_metrics_merge(m, doc, &err), FZ_DATAERR);
	assert_string_equal(err.msg, msg);
	assert_true(err.line > 0);
	fz_metrics_free(m);
}

/* A catalogue whose matter A promises another number of days. */
static fz_metrics *
other_catalogue(void)
{
	fz_metrics *m = fz_metrics_new(NULL, fz_date_make(2019, 1, 1),
	    FZ_NODATE);
	fz_error err = { 0 };

	catalogue(m, 3);
	assert_int_equal(fz_metrics_check(m, &err), FZ_OK);
	return m;
}

static void
test_refused(void **state)
{
	fz_metrics *plain = run(0, FZ_NODATE, 0, 2);
	char *text = written(plain, FZ_BY_NONE);

	(void)state;
	refused(fx_parse(fx_arena, text), NULL, "the metrics were written "
	    "without --mergeable: they cannot be merged exactly");
	free(text);
	fz_metrics_free(plain);
	refused(part(0, 2, "given: [2019-01-01, null]",
	    "given: [2019-01-02, null]"), NULL,
	    "the metrics merged were counted over another period");
	refused(part(0, 2, NULL, NULL), run(0, fz_date_make(2019, 12, 31),
	    0, 0), "the metrics merged were counted over another period");
	refused(part(0, 2, NULL, NULL), other_catalogue(),
	    "the metrics merged were counted over another matter catalogue");
	refused(part(0, 2, "matter: A", "matter: Z"), NULL,
	    "counts: names a matter not in the catalogue");
	refused(part(0, 2, "sums: [1", "sums: [x"), NULL,
	    "counts: must be whole numbers, not negative");
	refused(part(0, 2, "sums: [1, ", "sums: [-1,"), NULL,
	    "counts: must be whole numbers, not negative");
	refused(part(0, 2, "{matter: A", "{mutter: A"), NULL,
	    "counts: rows need matter: and sums: with 20 whole numbers");
	refused(part(0, 2, "\n  applications: 2\n",
	    "\n  applications: x\n"), NULL,
	    "applications: must be a whole number");
}

static void
test_same_application_twice(void **state)
{
	fz_metrics *m = run(0, FZ_NODATE, 0, 0);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_metrics_merge(m, part(0, 3, NULL, NULL), &err),
	    FZ_OK);
	assert_int_equal(fz_metrics_merge(m, part(2, 4, NULL, NULL), &err),
	    FZ_DATAERR);
	assert_string_equal(err.msg, "application 'X3' is counted in two of "
	    "the metrics merged");
	fz_metrics_free(m);
}

static void
test_other_where(void **state)
{
	fz_metrics *m;
	fz_where *w = fz_where_new();
	fz_error err = { 0 };

	(void)state;
	m = fz_metrics_new(NULL, fz_date_make(2019, 1, 1), FZ_NODATE);
	assert_int_equal(fz_where_add(w, "channel=online", &err), FZ_OK);
	assert_int_equal(fz_metrics_set_where(m, w, &err), FZ_OK);
	catalogue(m, 2);
	assert_int_equal(fz_metrics_check(m, &err), FZ_OK);
	refused(part(0, 2, NULL, NULL), m, "the metrics merged were counted "
	    "with other --where conditions");
	fz_where_free(w);
}

/* Wednesday 9 January a holiday: within the dates of the part. */
static void
test_other_calendar(void **state)
{
	fz_calendar *cal = fz_calendar_new();
	fz_metrics *m;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_calendar_add_doc(cal, fx_parse(fx_arena,
	    "kind: calendar\nholidays: [2019-01-09]\n"), &err), FZ_OK);
	m = fz_metrics_new(cal, fz_date_make(2019, 1, 1), FZ_NODATE);
	catalogue(m, 2);
	assert_int_equal(fz_metrics_check(m, &err), FZ_OK);
	refused(part(0, 4, NULL, NULL), m, "the metrics merged were counted "
	    "with other working days (--calendar)");
	fz_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_equals_one_run),
		cmocka_unit_test(test_empty_part),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_same_application_twice),
		cmocka_unit_test(test_other_where),
		cmocka_unit_test(test_other_calendar),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
