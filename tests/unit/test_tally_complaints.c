/* test_tally_complaints.c - the complaints of a tally: each indicator,
 * replied_on_time at the edges of its clock (on the last day, a day
 * late, across National Day 2019), the period of received, and the
 * exact merge that refuses a complaint counted twice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tally_fixture.h"

static int
add_all(fz_tally *t, const char *records, fz_error *err)
{
	return add_register(t, FZ_KIND_COMPLAINTS, records, err);
}

static char *
section(fz_tally *t, int mergeable)
{
	return section_of(t, mergeable, "complaints:\n  reply");
}

static fz_tally *
year_by(const char *key, fz_calendar *cal)
{
	fz_tally *t = tally_by(key, NULL);

	fz_tally_set_calendar(t, cal);
	fz_tally_set_complaint_reply(t, 5);
	return t;
}

static const char *const september =
    /* verified Friday 27 September: 29 September worked, 1 to 7 October
     * not; the 5th working day is 10 October. */
    "- {id: A, received: 2019-09-02, channel: 12318, accepted: 2019-09-03,"
    " verified: 2019-09-27, result: 属实, replied: 2019-10-10, case: C1}\n"
    "- {id: B, received: 2019-09-02, channel: 12345, accepted: 2019-09-03,"
    " verified: 2019-09-27, result: partly, replied: 2019-10-11}\n"
    /* Anonymous: never on time, whenever told. */
    "- {id: C, received: 2019-09-20, channel: 12301, anonymous: true,"
    " accepted: 2019-09-23, verified: 2019-09-24, result: 不属实,"
    " replied: 2019-09-24}\n"
    /* Referred on Monday 16 September: told on Monday 23, the 5th
     * working day (13 September, 中秋, is before it). */
    "- {id: D, received: 2019-09-10, channel: letter, referred: 2019-09-16,"
    " to: 公安, result: referred, replied: 2019-09-23}\n"
    /* Refused. */
    "- {id: E, received: 2019-10-09, channel: visit, accepted: false,"
    " reason: 重复举报}\n"
    /* Accepted, not yet verified: not handled. */
    "- {id: F, received: 2019-10-15, channel: other, accepted: 2019-10-16}"
    "\n";

static void
test_indicators_and_edges(void **state)
{
	fz_calendar *cal = national_day();
	fz_tally *t = year_by("month", cal);
	fz_error err = { 0 };
	char *s;

	(void)state;
	assert_int_equal(add_all(t, september, &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "complaints:\n  reply_workdays: 5\n  rows:\n"
	    "  - month: 2019-09\n    received: 4\n    telephone: 3\n"
	    "    accepted: 3\n    substantiated: 2\n    with_case: 1\n"
	    "    replied_on_time: 2\n    handled: 4\n"
	    "  - month: 2019-10\n    received: 2\n    telephone: 0\n"
	    "    accepted: 1\n    substantiated: 0\n    with_case: 0\n"
	    "    replied_on_time: 0\n    handled: 1\n"
	    "  totals:\n    received: 6\n    telephone: 3\n    accepted: 4\n"
	    "    substantiated: 2\n    with_case: 1\n    replied_on_time: 2\n"
	    "    handled: 5\n");
	free(s);
	fz_tally_free(t);
	/* The same reply on Monday to Friday: 4 October, both late. */
	t = year_by(NULL, NULL);
	assert_int_equal(add_all(t, september, &err), FZ_OK);
	s = section(t, 0);
	assert_non_null(strstr(s, "  totals:\n    received: 6\n"
	    "    telephone: 3\n    accepted: 4\n    substantiated: 2\n"
	    "    with_case: 1\n    replied_on_time: 1\n    handled: 5\n"));
	free(s);
	fz_tally_free(t);
	fz_calendar_free(cal);
}

static void
test_counted_twice(void **state)
{
	fz_tally *t = year_by(NULL, NULL);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(add_all(t, "- {id: A, received: 2019-01-02, "
	    "channel: other}\n- {id: A, received: 2019-01-03, channel: "
	    "other}\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "complaint 'A' is counted twice");
	fz_tally_free(t);
}

/* Out of the range: not counted, but the section says complaints were
 * read (none in it). */
static void
test_range(void **state)
{
	fz_tally *t = year_by(NULL, NULL);
	fz_error err = { 0 };
	char *s;

	(void)state;
	fz_tally_set_range(t, fx_date("2019-10-01"), fx_date("2019-10-31"));
	assert_int_equal(add_all(t, "- {id: A, received: 2019-09-30, "
	    "channel: other}\n", &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "complaints:\n  reply_workdays: 5\n  rows: []\n"
	    "  totals:\n    received: 0\n    telephone: 0\n    accepted: 0\n"
	    "    substantiated: 0\n    with_case: 0\n    replied_on_time: 0\n"
	    "    handled: 0\n");
	free(s);
	fz_tally_free(t);
}

/* A mergeable tally read back and merged: what it was, and a second
 * one with a complaint it holds refused. */
static void
test_merge(void **state)
{
	fz_calendar *cal = national_day();
	fz_tally *t = year_by("channel", cal), *m = NULL;
	fz_error err = { 0 };
	char *text, *s, *back;

	(void)state;
	assert_int_equal(add_all(t, september, &err), FZ_OK);
	text = fx_written(write_mergeable, t, NULL);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_OK);
	s = section(t, 0);
	back = section(m, 0);
	assert_string_equal(back, s);
	free(back);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "is counted twice"));
	free(s);
	free(text);
	fz_tally_free(m);
	/* Another reply clock cannot be merged in. */
	fz_tally_set_complaint_reply(t, 3);
	text = fx_written(write_mergeable, t, NULL);
	m = year_by("channel", cal);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_OK);
	fz_tally_free(m);
	fz_tally_free(t);
	m = NULL;
	assert_int_equal(add_all(t = year_by("channel", cal), "- {id: Z, "
	    "received: 2019-01-02, channel: other}\n", &err), FZ_OK);
	s = fx_written(write_mergeable, t, NULL);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, s), &err),
	    FZ_OK);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "different clocks"));
	free(s);
	free(text);
	fz_tally_free(m);
	fz_tally_free(t);
	fz_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indicators_and_edges),
		cmocka_unit_test(test_counted_twice),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_merge),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
