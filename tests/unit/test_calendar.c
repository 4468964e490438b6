/* test_calendar.c - working days: a holiday-cn year file of 2019 (the
 * project's own, tests/data/holiday-cn/2019.json), calendar documents,
 * and Monday to Friday without a calendar (lib/calendar.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core_fixture.h"

static fz_calendar *cal2019;	/* loaded once from holiday-cn/2019.json */

/* The path of name in the source tree: $top_srcdir (make check sets it), else the
 * tree this test was built from. */
static void
srcdir_path(const char *name, char *buf, size_t size)
{
	const char *top = getenv("top_srcdir");

	snprintf(buf, size, "%s/%s", top != NULL && *top != '\0' ? top :
	    FZ_SRCDIR, name);
}

static int
load_2019(void **state)
{
	char path[4096];
	fz_error err = { 0 };

	(void)state;
	srcdir_path("tests/data/holiday-cn/2019.json", path, sizeof path);
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "test_calendar: %s is missing: the holiday "
		    "file of 2019 is needed\n", path);
		return -1;
	}
	cal2019 = fz_calendar_new();
	if (fz_calendar_load(cal2019, path, &err) != FZ_OK) {
		fprintf(stderr, "test_calendar: %s:%u:%u: %s\n", err.file,
		    err.line, err.col, err.msg);
		return -1;
	}
	return 0;
}

static int
free_2019(void **state)
{
	(void)state;
	fz_calendar_free(cal2019);
	return 0;
}

static void
test_national_day(void **state)
{
	(void)state;
	for (int d = 1; d <= 7; d++)
		assert_false(fz_calendar_is_workday(cal2019,
		    fz_date_make(2019, 10, d)));
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-10-08")));
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-09-30")));
}

static void
test_make_up_workdays(void **state)
{
	(void)state;
	/* 2019-09-29 is a Sunday and 2019-10-12 a Saturday: both worked. */
	assert_int_equal(fz_date_weekday(fx_date("2019-09-29")), 6);
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-09-29")));
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-10-12")));
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-02-02")));
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-04-28")));
	/* The weekends around them are not. */
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-09-28")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-10-13")));
}

static void
test_ordinary_days(void **state)
{
	(void)state;
	assert_true(fz_calendar_is_workday(cal2019, fx_date("2019-03-05")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-03-09")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-03-10")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-09-13")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-01-01")));
	assert_false(fz_calendar_is_workday(cal2019, fx_date("2019-02-05")));
}

static void
assert_add(const fz_calendar *c, const char *from, int n, const char *want)
{
	char buf[16];

	assert_string_equal(fz_date_format(fz_calendar_add_workdays(c,
	    fx_date(from), n), buf), want);
}

static void
test_add_workdays_across_national_day(void **state)
{
	(void)state;
	assert_add(cal2019, "2019-09-30", 1, "2019-10-08");
	assert_add(cal2019, "2019-09-27", 1, "2019-09-29");
	assert_add(cal2019, "2019-09-27", 2, "2019-09-30");
	assert_add(cal2019, "2019-09-27", 3, "2019-10-08");
	assert_add(cal2019, "2019-09-27", 7, "2019-10-12");
	assert_add(cal2019, "2019-09-27", 8, "2019-10-14");
	/* n = 0 is the day itself, even a holiday. */
	assert_add(cal2019, "2019-10-01", 0, "2019-10-01");
	assert_add(cal2019, "2019-10-01", 1, "2019-10-08");
}

static void
test_workdays_between(void **state)
{
	fz_date a = fx_date("2019-09-27"), b = fx_date("2019-10-08");

	(void)state;
	/* (09-27, 10-08]: 09-29, 09-30, 10-08. */
	assert_int_equal(fz_calendar_workdays_between(cal2019, a, b), 3);
	assert_int_equal(fz_calendar_workdays_between(cal2019, b, a), -3);
	assert_int_equal(fz_calendar_workdays_between(cal2019, a, a), 0);
	assert_int_equal(fz_calendar_workdays_between(cal2019,
	    fx_date("2019-09-30"), fx_date("2019-10-07")), 0);
	assert_int_equal(fz_calendar_workdays_between(cal2019,
	    fx_date("2018-12-31"), fx_date("2019-12-31")), 250);
}

/* Adding n working days and counting them back agree all year. */
static void
test_add_and_between_agree(void **state)
{
	(void)state;
	for (fz_date d = fx_date("2019-01-01"); d <= fx_date("2019-12-31"); d++)
		for (int n = 0; n < 12; n++) {
			fz_date e = fz_calendar_add_workdays(cal2019, d, n);

			assert_int_equal(fz_calendar_workdays_between(cal2019,
			    d, e), n);
			if (n > 0)
				assert_true(fz_calendar_is_workday(cal2019, e));
		}
}

static void
test_covers(void **state)
{
	(void)state;
	assert_true(fz_calendar_covers(cal2019, 2019));
	assert_false(fz_calendar_covers(cal2019, 2020));
	assert_false(fz_calendar_covers(cal2019, 0));
	assert_false(fz_calendar_covers(cal2019, 10000));
	assert_false(fz_calendar_covers(NULL, 2019));
}

static void
test_null_calendar_is_monday_to_friday(void **state)
{
	fz_calendar *empty = fz_calendar_new();

	(void)state;
	for (fz_date d = fx_date("2019-09-23"); d < fx_date("2019-10-14");
	    d++) {
		int weekday = fz_date_weekday(d) < 5;

		assert_int_equal(fz_calendar_is_workday(NULL, d), weekday);
		assert_int_equal(fz_calendar_is_workday(empty, d), weekday);
	}
	assert_add(NULL, "2019-03-08", 1, "2019-03-11");
	assert_add(NULL, "2019-09-27", 3, "2019-10-02");
	assert_add(empty, "2019-03-09", 1, "2019-03-11");
	assert_int_equal(fz_calendar_workdays_between(NULL,
	    fx_date("2019-03-08"), fx_date("2019-03-15")), 5);
	assert_false(fz_calendar_covers(empty, 2019));
	fz_calendar_free(empty);
	fz_calendar_free(NULL);
}

static void
test_calendar_document(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };
	fz_node *doc = fx_parse(a,
	    "kind: calendar\n"
	    "holidays: [2019-05-01, 2019-05-02, 2019-05-03]\n"
	    "workdays: [2019-05-05]\n");

	(void)state;
	/* A query before the days are added must not hide them after. */
	assert_true(fz_calendar_is_workday(c, fx_date("2019-05-01")));
	assert_int_equal(fz_calendar_add_doc(c, doc, &err), FZ_OK);
	assert_false(fz_calendar_is_workday(c, fx_date("2019-05-01")));
	assert_false(fz_calendar_is_workday(c, fx_date("2019-05-03")));
	assert_true(fz_calendar_is_workday(c, fx_date("2019-05-05")));
	assert_true(fz_calendar_is_workday(c, fx_date("2019-05-06")));
	assert_false(fz_calendar_is_workday(c, fx_date("2019-05-04")));
	assert_add(c, "2019-04-30", 1, "2019-05-05");
	assert_true(fz_calendar_covers(c, 2019));
	assert_false(fz_calendar_covers(c, 2020));
	fz_calendar_free(c);
	fz_arena_free(a);
}

static void
test_calendar_document_years(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };

	(void)state;
	/* A year without any holiday listed can still be declared. */
	assert_int_equal(fz_calendar_add_doc(c, fx_parse(a,
	    "kind: calendar\nyears: [2021]\nholidays: []\n"), &err), FZ_OK);
	assert_true(fz_calendar_covers(c, 2021));
	assert_false(fz_calendar_covers(c, 2019));
	fz_calendar_free(c);
	fz_arena_free(a);
}

/* The status and position of adding the document yaml. */
static void
add_fails(const char *yaml, unsigned line, unsigned col, const char *msg)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };

	assert_int_equal(fz_calendar_add_doc(c, fx_parse(a, yaml), &err),
	    FZ_DATAERR);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_string_equal(err.msg, msg);
	assert_string_equal(err.file, line != 0 ? "doc.yaml" : "");
	fz_calendar_free(c);
	fz_arena_free(a);
}

static void
test_bad_calendar_documents(void **state)
{
	(void)state;
	add_fails("kind: calendar\nholidays: [2019-05-01, 2019-02-30]\n",
	    2, 24, "expected a date like 2019-10-01");
	add_fails("kind: calendar\nworkdays: 2019-05-05\n", 2, 11,
	    "expected a list of dates");
	add_fails("kind: calendar\nholidays:\n  - [2019-05-01]\n", 3, 5,
	    "expected a date like 2019-10-01");
	add_fails("year: 2019\ndays:\n  - {date: 2019-10-01, isOffDay: maybe}\n",
	    3, 5, "isOffDay must be true or false");
	add_fails("year: 2019\ndays:\n  - {name: x, isOffDay: true}\n", 0, 0,
	    "expected a date like 2019-10-01");
	add_fails("year: 2019\ndays: {}\n", 1, 1,
	    "a holiday-cn file needs a list of days");
}

/* isOffDay in every YAML 1.1 spelling, on and off included. */
static void
test_holiday_cn_booleans(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_calendar_add_doc(c, fx_parse(a,
	    "year: 2019\n"
	    "days:\n"
	    "  - {date: 2019-10-01, isOffDay: yes}\n"
	    "  - {date: 2019-10-02, isOffDay: True}\n"
	    "  - {date: 2019-10-03, isOffDay: on}\n"
	    "  - {date: 2019-09-29, isOffDay: false}\n"
	    "  - {date: 2019-10-12, isOffDay: off}\n"), &err), FZ_OK);
	assert_false(fz_calendar_is_workday(c, fx_date("2019-10-01")));
	assert_false(fz_calendar_is_workday(c, fx_date("2019-10-02")));
	assert_true(fz_calendar_is_workday(c, fx_date("2019-09-29")));
	assert_true(fz_calendar_is_workday(c, fx_date("2019-10-12")));
	assert_false(fz_calendar_is_workday(c, fx_date("2019-10-03")));
	fz_calendar_free(c);
	fz_arena_free(a);
}

static void
test_load_files(void **state)
{
	char *dir = fx_tmpdir();
	char *good = fx_write_str(dir, "cal.yaml",
	    "kind: calendar\nholidays: [2020-01-01]\n---\n"
	    "kind: calendar\nworkdays: [2020-01-19]\n");
	char *other = fx_write_str(dir, "other.yaml",
	    "kind: calendar\nholidays: [2020-01-01]\n---\n"
	    "kind: inspections\nrecords: []\n");
	char missing[4096];
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_calendar_load(c, good, &err), FZ_OK);
	assert_false(fz_calendar_is_workday(c, fx_date("2020-01-01")));
	assert_true(fz_calendar_is_workday(c, fx_date("2020-01-19")));
	assert_true(fz_calendar_covers(c, 2020));
	assert_int_equal(fz_calendar_load(c, other, &err), FZ_DATAERR);
	assert_string_equal(err.file, other);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "not a calendar (kind inspections)");
	snprintf(missing, sizeof missing, "%s/none.json", dir);
	assert_int_equal(fz_calendar_load(c, missing, &err), FZ_NOINPUT);
	assert_string_equal(err.file, missing);
	fz_calendar_free(c);
	free(good);
	free(other);
	fx_rmtree(dir);
}

/* The calendar shipped with fazhi agrees with the year file of 2019. */
static void
test_shipped_calendar(void **state)
{
	fz_calendar *cn = fz_calendar_new();
	fz_error err = { 0 };

	(void)state;
	if (fz_calendar_load(cn, "cn", &err) != FZ_OK)
		fail_msg("%s: %s", err.file, err.msg);
	for (int y = 2018; y <= 2027; y++)
		assert_true(fz_calendar_covers(cn, y));
	assert_false(fz_calendar_covers(cn, 2017));
	assert_false(fz_calendar_covers(cn, 2028));
	for (fz_date d = fx_date("2019-01-01"); d <= fx_date("2019-12-31"); d++)
		if (fz_calendar_is_workday(cn, d) !=
		    fz_calendar_is_workday(cal2019, d)) {
			char buf[16];

			fail_msg("%s differs", fz_date_format(d, buf));
		}
	fz_calendar_free(cn);
}

static void
test_data_path(void **state)
{
	char *dir = fx_tmpdir(), *probe = fx_write_str(dir, "probe.txt", "x");
	char buf[4096];
	const char *old = getenv("FAZHI_DATADIR");
	char *saved = old ? strdup(old) : NULL;

	(void)state;
	setenv("FAZHI_DATADIR", dir, 1);
	assert_string_equal(fz_data_path("probe.txt", buf, sizeof buf), probe);
	assert_ptr_equal(fz_data_path("probe.txt", buf, sizeof buf), buf);
	/* Not there: the next places are looked in. */
	assert_non_null(fz_data_path("calendar-cn.yaml", buf, sizeof buf));
	assert_non_null(strstr(buf, "calendar-cn.yaml"));
	assert_null(fz_data_path("no-such-file.yaml", buf, sizeof buf));
	if (saved != NULL)
		setenv("FAZHI_DATADIR", saved, 1);
	else
		unsetenv("FAZHI_DATADIR");
	free(saved);
	free(probe);
	fx_rmtree(dir);
}

/* Counting working days agrees with walking the days one by one, over a
 * calendar with every kind of entry: weekend holidays, weekday workdays
 * (no change), a day in both lists (a holiday), a day listed twice, and
 * dates far apart; and across the whole range of dates. */
static int
walked(const fz_calendar *c, fz_date a, fz_date b)
{
	int n = 0, sign = 1;

	if (b < a) {
		fz_date t = a;
		a = b, b = t, sign = -1;
	}
	for (fz_date d = a + 1; d <= b; d++)
		n += fz_calendar_is_workday(c, d);
	return sign * n;
}

static void
test_counts_agree_with_walking(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };
	fz_node *doc = fx_parse(a,
	    "kind: calendar\n"
	    "holidays: [2019-10-01, 2019-10-05, 2019-10-06, 2019-10-07, "
	    "2019-10-07, 2019-09-29, 1000-01-01, 9999-12-31, 0001-01-01]\n"
	    "workdays: [2019-09-29, 2019-10-12, 2019-10-08, 2020-01-04, "
	    "1000-01-03, 9999-12-25]\n");
	fz_date lo = fx_date("2019-09-01"), hi = fx_date("2020-01-31");
	fz_date first = fx_date("0001-01-01"), last = fx_date("9999-12-31");
	fz_date e;
	int n;

	(void)state;
	assert_int_equal(fz_calendar_add_doc(c, doc, &err), FZ_OK);
	for (fz_date x = lo; x <= hi; x += 3)
		for (fz_date y = lo; y <= hi; y += 7) {
			assert_int_equal(fz_calendar_workdays_between(c, x, y),
			    walked(c, x, y));
			assert_int_equal(fz_calendar_workdays_between(NULL, x,
			    y), walked(NULL, x, y));
		}
	for (fz_date x = lo; x <= hi; x++)
		for (n = 0; n < 30; n += 1 + n / 4) {
			e = fz_calendar_add_workdays(c, x, n);
			assert_int_equal(walked(c, x, e), n);
			assert_true(n == 0 || (fz_calendar_is_workday(c, e) &&
			    walked(c, x, e - 1) == n - 1));
		}
	assert_int_equal(fz_calendar_workdays_between(c, first, last),
	    walked(c, first, last));
	assert_int_equal(fz_calendar_workdays_between(NULL, first, last),
	    walked(NULL, first, last));
	n = walked(c, first, last);
	e = fz_calendar_add_workdays(c, first, n);
	assert_true(e <= last && fz_calendar_is_workday(c, e));
	assert_int_equal(walked(c, first, e), n);
	fz_calendar_free(c);
	fz_arena_free(a);
}

static void
test_uncovered(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *c = fz_calendar_new();
	fz_error err = { 0 };
	fz_node *doc = fx_parse(a, "kind: calendar\n"
	    "years: [2018, 2019, 2021, 9999]\n");

	(void)state;
	assert_int_equal(fz_calendar_add_doc(c, doc, &err), FZ_OK);
	assert_int_equal(fz_calendar_uncovered(c, 2018, 2019), 0);
	assert_int_equal(fz_calendar_uncovered(c, 2019, 2019), 0);
	assert_int_equal(fz_calendar_uncovered(c, 2019, 2021), 2020);
	assert_int_equal(fz_calendar_uncovered(c, 2017, 2019), 2017);
	assert_int_equal(fz_calendar_uncovered(c, 2021, 2022), 2022);
	assert_int_equal(fz_calendar_uncovered(c, 9999, 9999), 0);
	assert_int_equal(fz_calendar_uncovered(c, 9999, 10000), 10000);
	assert_int_equal(fz_calendar_uncovered(c, 1, 9999), 1);
	assert_int_equal(fz_calendar_uncovered(c, 2020, 2019), 0);
	assert_int_equal(fz_calendar_uncovered(NULL, 2019, 2019), 2019);
	assert_int_equal(fz_calendar_uncovered(cal2019, 2019, 2019), 0);
	assert_int_equal(fz_calendar_uncovered(cal2019, 2019, 2020), 2020);
	fz_calendar_free(c);
	fz_arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_national_day),
		cmocka_unit_test(test_make_up_workdays),
		cmocka_unit_test(test_ordinary_days),
		cmocka_unit_test(test_add_workdays_across_national_day),
		cmocka_unit_test(test_workdays_between),
		cmocka_unit_test(test_add_and_between_agree),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_null_calendar_is_monday_to_friday),
		cmocka_unit_test(test_calendar_document),
		cmocka_unit_test(test_calendar_document_years),
		cmocka_unit_test(test_bad_calendar_documents),
		cmocka_unit_test(test_holiday_cn_booleans),
		cmocka_unit_test(test_load_files),
		cmocka_unit_test(test_shipped_calendar),
		cmocka_unit_test(test_data_path),
		cmocka_unit_test(test_counts_agree_with_walking),
		cmocka_unit_test(test_uncovered),
	};

	return cmocka_run_group_tests(tests, load_2019, free_2019);
}
