/* test_tally_activities.c - the activities of a tally: each indicator
 * (units as each activity's units or, without them, its entities, never
 * both; entities distinct within a row), the period of date or from,
 * the range, and the exact merge of months into the year that refuses
 * an activity counted twice and unions the entities. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tally_fixture.h"

/* Add the activities of a flow list of records (YAML) to t. */
static int
add_all(fz_tally *t, const char *records, fz_error *err)
{
	return add_register(t, FZ_KIND_ACTIVITIES, records, err);
}

/* The activities: section of t as written (mergeable or not). */
static char *
section(fz_tally *t, int mergeable)
{
	return section_of(t, mergeable, "activities:\n  rows");
}

static const char *const year =
    /* Two interviews of E1 in March: one entity, two units (家次). */
    "- {id: A, date: 2019-03-04, type: interview, entities: [E1, E2]}\n"
    "- {id: B, date: 2019-03-28, type: 约谈, entities: [E1]}\n"
    /* units given: the entity listed is among them. */
    "- {id: C, date: 2019-06-10, type: joint_action, entities: [E1],"
    " units: 12, participants: 30}\n"
    /* A span, counted in the month of from. */
    "- {id: D, from: 2019-06-30, to: 2019-11-30, type: demo_site,"
    " level: 省级, units: 2}\n"
    "- {id: E, date: 2019-12-02, type: appointment, participants: 10}\n";

static void
test_indicators(void **state)
{
	fz_tally *t = tally_by("month", NULL);
	fz_error err = { 0 };
	char *s;

	(void)state;
	assert_int_equal(add_all(t, year, &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "activities:\n  rows:\n"
	    "  - month: 2019-03\n    count: 2\n    participants: 0\n"
	    "    units: 3\n    entities: 2\n"
	    "  - month: 2019-06\n    count: 2\n    participants: 30\n"
	    "    units: 14\n    entities: 1\n"
	    "  - month: 2019-12\n    count: 1\n    participants: 10\n"
	    "    units: 0\n    entities: 0\n"
	    "  totals:\n    count: 5\n    participants: 40\n    units: 17\n"
	    "    entities: 2\n");
	free(s);
	fz_tally_free(t);
}

static void
test_counted_twice_and_range(void **state)
{
	fz_tally *t = tally_by(NULL, NULL);
	fz_error err = { 0 };
	char *s;

	(void)state;
	assert_int_equal(add_all(t, "- {id: A, date: 2019-01-02, type: other}\n"
	    "- {id: A, date: 2019-01-03, type: other}\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "activity 'A' is counted twice");
	fz_tally_free(t);
	t = tally_by(NULL, NULL);
	fz_tally_set_range(t, fx_date("2019-07-01"), fx_date("2019-12-31"));
	assert_int_equal(add_all(t, year, &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "activities:\n  rows:\n"
	    "  - count: 1\n    participants: 10\n    units: 0\n"
	    "    entities: 0\n"
	    "  totals:\n    count: 1\n    participants: 10\n    units: 0\n"
	    "    entities: 0\n");
	free(s);
	fz_tally_free(t);
}

/* Each activity in a tally of its own, by year, merged: the year's
 * tally, E1 of three activities one entity; the same one again refused;
 * a tally written without --mergeable refused. */
static void
test_merge(void **state)
{
	fz_tally *whole = tally_by("year", NULL), *m = NULL, *one;
	fz_error err = { 0 };
	const char *rec = year;
	char *text, *s, *back;

	(void)state;
	assert_int_equal(add_all(whole, year, &err), FZ_OK);
	while (*rec != '\0') {
		const char *nl = strchr(rec, '\n');
		char line[512];

		snprintf(line, sizeof line, "%.*s\n", (int)(nl - rec), rec);
		rec = nl + 1;
		one = tally_by("year", NULL);
		assert_int_equal(add_all(one, line, &err), FZ_OK);
		text = fx_written(write_mergeable, one, NULL);
		assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text),
		    &err), FZ_OK);
		free(text);
		fz_tally_free(one);
	}
	s = section(whole, 0);
	back = section(m, 0);
	assert_string_equal(back, s);
	assert_non_null(strstr(s, "    units: 17\n    entities: 2\n"));
	free(back);
	free(s);
	text = fx_written(write_mergeable, whole, NULL);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "is counted twice"));
	free(text);
	fz_tally_free(m);
	m = NULL;
	text = fx_written(write_plain, whole, NULL);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, text), &err),
	    FZ_DATAERR);
	free(text);
	fz_tally_free(m);
	fz_tally_free(whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indicators),
		cmocka_unit_test(test_counted_twice_and_range),
		cmocka_unit_test(test_merge),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
