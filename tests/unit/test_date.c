/* test_date.c - dates as day numbers, parsing, weekdays, ISO weeks and
 * the periods of a tally (lib/date.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static int
parses(const char *s, fz_date *d)
{
	return fz_date_parse(s, strlen(s), d);
}

static void
assert_date(fz_date d, int y, int m, int day)
{
	int yy, mm, dd;

	fz_date_split(d, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != day)
		fail_msg("%04d-%02d-%02d, not %04d-%02d-%02d", yy, mm, dd, y, m,
		    day);
}

static void
test_parse_valid(void **state)
{
	fz_date d;

	(void)state;
	assert_int_equal(parses("2019-03-05", &d), 0);
	assert_int_equal(d, 17960);
	assert_int_equal(parses("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(parses("1969-12-31", &d), 0);
	assert_int_equal(d, -1);
	assert_int_equal(parses("2020-02-29", &d), 0);
	assert_date(d, 2020, 2, 29);
	assert_int_equal(parses("2000-02-29", &d), 0);
	assert_int_equal(d, 11016);
	assert_int_equal(parses("0001-01-01", &d), 0);
	assert_int_equal(d, -719162);
	assert_int_equal(parses("9999-12-31", &d), 0);
	assert_int_equal(d, 2932896);
	/* Only len bytes are read. */
	assert_int_equal(fz_date_parse("2019-03-05xyz", 10, &d), 0);
	assert_int_equal(d, 17960);
}

static void
test_parse_invalid(void **state)
{
	static const char *const bad[] = { "2019-02-30", "2019-02-29",
		"1900-02-29", "2019-04-31", "2019-13-01", "2019-00-10",
		"2019-01-00", "2019-01-32", "0000-01-01", "2019-3-5",
		"2019/03/05", "20190305", "2019-03-5", "2019-03-05x",
		"2019-03-05 ", " 2019-03-05", "19-03-05", "", "2019",
		"2019-03", "２０１９-03-05", "+019-03-05", "2019-03-0a",
		NULL };
	fz_date d = 12345;

	(void)state;
	for (int i = 0; bad[i] != NULL; i++)
		if (parses(bad[i], &d) != -1)
			fail_msg("'%s' was taken for a date", bad[i]);
	assert_int_equal(d, 12345);	/* untouched */
}

static void
test_parse_datetimes(void **state)
{
	static const char *const good[] = { "2019-03-05T14:30",
		"2019-03-05T14:30:00", "2019-03-05 14:30", "2019-03-05 23:59:59",
		"2019-03-05T00:00", NULL };
	static const char *const bad[] = { "2019-03-05T24:00",
		"2019-03-05T14:60", "2019-03-05T14:30:61", "2019-03-05T",
		"2019-03-05T1430", "2019-03-05T14", "2019-03-05T14:3",
		"2019-03-05X14:30", "2019-03-05T14:30:0", "2019-03-05Tab:cd",
		"2019-02-30T10:00", "2019-03-05T14:30:00:00", NULL };
	fz_date d;

	(void)state;
	for (int i = 0; good[i] != NULL; i++) {
		if (parses(good[i], &d) != 0)
			fail_msg("'%s' was refused", good[i]);
		assert_int_equal(d, 17960);
	}
	for (int i = 0; bad[i] != NULL; i++)
		if (parses(bad[i], &d) != -1)
			fail_msg("'%s' was taken for a date", bad[i]);
}

static void
test_valid(void **state)
{
	(void)state;
	assert_true(fz_date_valid(2020, 2, 29));
	assert_false(fz_date_valid(2019, 2, 29));
	assert_false(fz_date_valid(2100, 2, 29));
	assert_true(fz_date_valid(2400, 2, 29));
	assert_true(fz_date_valid(2019, 12, 31));
	assert_false(fz_date_valid(2019, 11, 31));
	assert_false(fz_date_valid(0, 1, 1));
	assert_false(fz_date_valid(10000, 1, 1));
	assert_false(fz_date_valid(2019, 0, 1));
}

static int
days_in(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : n[m - 1];
}

/* Every day from 1600 to 2400: make and split agree, and day numbers
 * follow the calendar one by one. */
static void
test_make_split_round_trip(void **state)
{
	int y = 1600, m = 1, d = 1;
	fz_date z = fz_date_make(1600, 1, 1);
	char buf[16], want[40];

	(void)state;
	assert_int_equal(z, -135140);
	while (y <= 2400) {
		assert_int_equal(fz_date_make(y, m, d), z);
		assert_date(z, y, m, d);
		if (d == 1) {
			snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
			assert_string_equal(fz_date_format(z, buf), want);
		}
		if (++d > days_in(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		z++;
	}
}

static void
test_format(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(fz_date_format(17960, buf), "2019-03-05");
	assert_string_equal(fz_date_format(-719162, buf), "0001-01-01");
	assert_string_equal(fz_date_format(2932896, buf), "9999-12-31");
	assert_ptr_equal(fz_date_format(0, buf), buf);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(fz_date_weekday(0), 3);		/* 1970-01-01 Thu */
	assert_int_equal(fz_date_weekday(-1), 2);		/* 1969-12-31 Wed */
	assert_int_equal(fz_date_weekday(17960), 1);	/* 2019-03-05 Tue */
	assert_int_equal(fz_date_weekday(fz_date_make(2019, 9, 29)), 6);
	assert_int_equal(fz_date_weekday(fz_date_make(1900, 1, 1)), 0);
	assert_int_equal(fz_date_weekday(fz_date_make(1600, 1, 1)), 5);
	assert_int_equal(fz_date_weekday(-719162), 0);	/* 0001-01-01 Mon */
	for (fz_date d = -800; d < 800; d++)
		assert_int_equal(fz_date_weekday(d + 1),
		    (fz_date_weekday(d) + 1) % 7);
}

static char *
label(enum fz_period p, int y, int m, int d, char *buf)
{
	return fz_period_label(p, fz_date_make(y, m, d), buf);
}

static void
test_iso_week_labels(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(label(FZ_P_WEEK, 2019, 3, 5, buf), "2019-W10");
	assert_string_equal(label(FZ_P_WEEK, 2019, 12, 30, buf), "2020-W01");
	assert_string_equal(label(FZ_P_WEEK, 2021, 1, 3, buf), "2020-W53");
	assert_string_equal(label(FZ_P_WEEK, 2020, 12, 31, buf), "2020-W53");
	assert_string_equal(label(FZ_P_WEEK, 2018, 12, 31, buf), "2019-W01");
	assert_string_equal(label(FZ_P_WEEK, 2016, 1, 3, buf), "2015-W53");
	assert_string_equal(label(FZ_P_WEEK, 2027, 1, 1, buf), "2026-W53");
	assert_string_equal(label(FZ_P_WEEK, 2008, 12, 29, buf), "2009-W01");
	assert_string_equal(label(FZ_P_WEEK, 2010, 1, 3, buf), "2009-W53");
	assert_string_equal(label(FZ_P_WEEK, 2000, 1, 1, buf), "1999-W52");
	assert_string_equal(label(FZ_P_WEEK, 2019, 1, 7, buf), "2019-W02");
}

/* ISO 8601 by its definition: week 1 holds the year's first Thursday. */
static void
iso_week(fz_date d, int *year, int *week)
{
	int y, m, day, wd = fz_date_weekday(d);
	fz_date jan1;

	fz_date_split(d, &y, &m, &day);
	jan1 = fz_date_make(y, 1, 1);
	*week = (int)((d - jan1) - wd + 10) / 7;
	*year = y;
	if (*week < 1) {
		fz_date prev = fz_date_make(y - 1, 12, 31);

		iso_week(prev, year, week);
	} else if (*week == 53) {
		int j = fz_date_weekday(jan1);
		int leap = days_in(y, 2) == 29;

		if (!(j == 3 || (leap && j == 2))) {
			*week = 1;
			*year = y + 1;
		}
	}
}

static void
test_iso_weeks_by_definition(void **state)
{
	char buf[16], want[40];
	int y, w;

	(void)state;
	for (fz_date d = fz_date_make(1990, 1, 1);
	    d <= fz_date_make(2040, 12, 31); d++) {
		iso_week(d, &y, &w);
		snprintf(want, sizeof want, "%04d-W%02d", y, w);
		assert_string_equal(fz_period_label(FZ_P_WEEK, d, buf), want);
	}
}

static void
test_other_labels(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(label(FZ_P_YEAR, 2019, 3, 5, buf), "2019");
	assert_string_equal(label(FZ_P_QUARTER, 2019, 1, 1, buf), "2019-Q1");
	assert_string_equal(label(FZ_P_QUARTER, 2019, 3, 31, buf), "2019-Q1");
	assert_string_equal(label(FZ_P_QUARTER, 2019, 4, 1, buf), "2019-Q2");
	assert_string_equal(label(FZ_P_QUARTER, 2019, 8, 15, buf), "2019-Q3");
	assert_string_equal(label(FZ_P_QUARTER, 2019, 12, 31, buf), "2019-Q4");
	assert_string_equal(label(FZ_P_MONTH, 2019, 3, 5, buf), "2019-03");
	assert_string_equal(label(FZ_P_MONTH, 2019, 12, 31, buf), "2019-12");
	assert_string_equal(label(FZ_P_DAY, 2019, 3, 5, buf), "2019-03-05");
	assert_ptr_equal(label(FZ_P_DAY, 2019, 3, 5, buf), buf);
	assert_ptr_equal(label(FZ_P_MONTH, 2019, 3, 5, buf), buf);
}

static void
assert_bounds(enum fz_period p, const char *day, const char *first,
    const char *last)
{
	fz_date d, f, l, want_f, want_l;

	assert_int_equal(parses(day, &d), 0);
	assert_int_equal(parses(first, &want_f), 0);
	assert_int_equal(parses(last, &want_l), 0);
	fz_period_bounds(p, d, &f, &l);
	assert_int_equal(f, want_f);
	assert_int_equal(l, want_l);
}

static void
test_period_bounds(void **state)
{
	(void)state;
	assert_bounds(FZ_P_YEAR, "2019-03-05", "2019-01-01", "2019-12-31");
	assert_bounds(FZ_P_QUARTER, "2019-08-15", "2019-07-01", "2019-09-30");
	assert_bounds(FZ_P_QUARTER, "2019-01-01", "2019-01-01", "2019-03-31");
	assert_bounds(FZ_P_QUARTER, "2019-12-31", "2019-10-01", "2019-12-31");
	assert_bounds(FZ_P_QUARTER, "2019-05-31", "2019-04-01", "2019-06-30");
	assert_bounds(FZ_P_MONTH, "2020-02-10", "2020-02-01", "2020-02-29");
	assert_bounds(FZ_P_MONTH, "2019-02-28", "2019-02-01", "2019-02-28");
	assert_bounds(FZ_P_WEEK, "2019-03-05", "2019-03-04", "2019-03-10");
	assert_bounds(FZ_P_WEEK, "2019-03-04", "2019-03-04", "2019-03-10");
	assert_bounds(FZ_P_WEEK, "2019-03-10", "2019-03-04", "2019-03-10");
	assert_bounds(FZ_P_WEEK, "2021-01-03", "2020-12-28", "2021-01-03");
	assert_bounds(FZ_P_DAY, "2019-03-05", "2019-03-05", "2019-03-05");
}

/* Every day lies in its period, and the period's bounds share its label. */
static void
test_bounds_agree_with_labels(void **state)
{
	char a[16], b[16], c[16];
	fz_date f, l;

	(void)state;
	for (enum fz_period p = FZ_P_YEAR; p <= FZ_P_DAY; p++)
		for (fz_date d = fz_date_make(2018, 12, 1);
		    d <= fz_date_make(2021, 1, 31); d++) {
			fz_period_bounds(p, d, &f, &l);
			assert_true(f <= d && d <= l);
			fz_period_label(p, d, a);
			assert_string_equal(fz_period_label(p, f, b), a);
			assert_string_equal(fz_period_label(p, l, c), a);
			assert_string_not_equal(fz_period_label(p, f - 1, b), a);
			assert_string_not_equal(fz_period_label(p, l + 1, c), a);
		}
}

/* The label of every day's period gives back the period's first day,
 * and what is not a label of the period is refused. */
static void
test_period_first(void **state)
{
	static const struct {
		enum fz_period p;
		const char *s;
	} bad[] = {
		{ FZ_P_YEAR, "19" }, { FZ_P_YEAR, "2019-01" },
		{ FZ_P_QUARTER, "2019-Q5" }, { FZ_P_QUARTER, "2019-Q0" },
		{ FZ_P_QUARTER, "2019-03" }, { FZ_P_MONTH, "2019-13" },
		{ FZ_P_MONTH, "2019-3" }, { FZ_P_WEEK, "2019-W53" },
		{ FZ_P_WEEK, "2019-W00" }, { FZ_P_DAY, "2019-02-29" },
		{ FZ_P_DAY, "2019-03-05x" }, { FZ_P_MONTH, "" },
	};
	char buf[16];
	fz_date f, l, got;

	(void)state;
	for (enum fz_period p = FZ_P_YEAR; p <= FZ_P_DAY; p++)
		for (fz_date d = fz_date_make(2018, 12, 1);
		    d <= fz_date_make(2021, 1, 31); d++) {
			fz_period_bounds(p, d, &f, &l);
			got = FZ_NODATE;
			assert_int_equal(fz_period_first(p, fz_period_label(p,
			    d, buf), &got), 0);
			assert_int_equal(got, f);
		}
	/* 2020 has an ISO week 53, which begins on 28 December. */
	assert_int_equal(fz_period_first(FZ_P_WEEK, "2020-W53", &got), 0);
	assert_int_equal(got, fz_date_make(2020, 12, 28));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(fz_period_first(bad[i].p, bad[i].s, &got), -1);
}

static void
test_period_names(void **state)
{
	static const char *const names[] = { "year", "quarter", "month",
		"week", "day" };

	(void)state;
	for (int i = 0; i < 5; i++) {
		assert_int_equal(fz_period_parse(names[i]), i);
		assert_string_equal(fz_period_name((enum fz_period)i), names[i]);
	}
	assert_int_equal(fz_period_parse("Year"), FZ_P_NONE);
	assert_int_equal(fz_period_parse("town"), FZ_P_NONE);
	assert_int_equal(fz_period_parse(""), FZ_P_NONE);
	assert_null(fz_period_name(FZ_P_NONE));
	assert_null(fz_period_name((enum fz_period)5));
}

static void
test_year_and_month_parse(void **state)
{
	static const char *const bad_years[] = { "19", "20190", "2019-",
		"0000", "２０１９", "", "abcd", NULL };
	static const char *const bad_months[] = { "2019-13", "2019-00",
		"2019-2", "2019-022", "201902", "2019/02", "0000-01", "2019",
		"", NULL };
	fz_date f = 1, l = 1;

	(void)state;
	assert_int_equal(fz_year_parse("2019", &f, &l), 0);
	assert_date(f, 2019, 1, 1);
	assert_date(l, 2019, 12, 31);
	assert_int_equal(fz_month_parse("2019-02", &f, &l), 0);
	assert_date(f, 2019, 2, 1);
	assert_date(l, 2019, 2, 28);
	assert_int_equal(fz_month_parse("2020-02", &f, &l), 0);
	assert_date(l, 2020, 2, 29);
	assert_int_equal(fz_month_parse("2019-12", &f, &l), 0);
	assert_date(f, 2019, 12, 1);
	assert_date(l, 2019, 12, 31);
	for (int i = 0; bad_years[i] != NULL; i++)
		if (fz_year_parse(bad_years[i], &f, &l) != -1)
			fail_msg("year '%s' was taken", bad_years[i]);
	for (int i = 0; bad_months[i] != NULL; i++)
		if (fz_month_parse(bad_months[i], &f, &l) != -1)
			fail_msg("month '%s' was taken", bad_months[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_parse_datetimes),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_make_split_round_trip),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_iso_week_labels),
		cmocka_unit_test(test_iso_weeks_by_definition),
		cmocka_unit_test(test_other_labels),
		cmocka_unit_test(test_period_bounds),
		cmocka_unit_test(test_bounds_agree_with_labels),
		cmocka_unit_test(test_period_first),
		cmocka_unit_test(test_period_names),
		cmocka_unit_test(test_year_and_month_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
