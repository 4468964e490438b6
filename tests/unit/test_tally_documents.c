/* test_tally_documents.c - the documents of a tally: each indicator, the
 * period of issued, a document out of the range, and the exact merge of
 * two months into the year's figures that refuses a document counted
 * twice. */
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
	return add_register(t, FZ_KIND_DOCUMENTS, records, err);
}

static char *
section(fz_tally *t, int mergeable)
{
	return section_of(t, mergeable, "documents:\n  rows");
}

static const char *const march =
    "- {id: D1, title: t, issued: 2019-03-01, type: normative,"
    " to_lower_levels: true, legality_review: 2019-02-27,"
    " fair_competition_review: 2019-02-27,"
    " fair_competition_result: no_restriction}\n"
    "- {id: D2, title: t, issued: 2019-03-31, type: 政策性文件,"
    " legality_review: 2019-03-30, fair_competition_review: 2019-03-30,"
    " fair_competition_result: exception, exception_until: 2020-03-31}\n";
static const char *const april =
    /* Neither reviewed: counted issued, not reviewed. */
    "- {id: D3, title: t, issued: 2019-04-01, type: other,"
    " to_lower_levels: true}\n"
    "- {id: D4, title: t, issued: 2019-04-15, type: policy,"
    " legality_review: 2019-04-10}\n";

static void
test_indicators(void **state)
{
	fz_tally *t = tally_by("month", NULL);
	fz_error err = { 0 };
	char *s;

	(void)state;
	assert_int_equal(add_all(t, march, &err), FZ_OK);
	assert_int_equal(add_all(t, april, &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "documents:\n  rows:\n"
	    "  - month: 2019-03\n    issued: 2\n    normative: 1\n"
	    "    policy: 1\n    to_lower_levels: 1\n"
	    "    legality_reviewed: 2\n    fair_competition_reviewed: 2\n"
	    "    no_restriction: 1\n    exceptions: 1\n"
	    "  - month: 2019-04\n    issued: 2\n    normative: 0\n"
	    "    policy: 1\n    to_lower_levels: 1\n"
	    "    legality_reviewed: 1\n    fair_competition_reviewed: 0\n"
	    "    no_restriction: 0\n    exceptions: 0\n"
	    "  totals:\n    issued: 4\n    normative: 1\n    policy: 2\n"
	    "    to_lower_levels: 2\n    legality_reviewed: 3\n"
	    "    fair_competition_reviewed: 2\n    no_restriction: 1\n"
	    "    exceptions: 1\n");
	free(s);
	fz_tally_free(t);
}

/* By type: a row for each, the 30%-50% cut's figures are the year's
 * to_lower_levels of two tallies. */
static void
test_by_type_and_range(void **state)
{
	fz_tally *t = tally_by("type", NULL);
	fz_error err = { 0 };
	char *s;

	(void)state;
	fz_tally_set_range(t, fx_date("2019-04-01"), fx_date("2019-04-30"));
	assert_int_equal(add_all(t, march, &err), FZ_OK);
	assert_int_equal(add_all(t, april, &err), FZ_OK);
	s = section(t, 0);
	assert_string_equal(s, "documents:\n  rows:\n"
	    "  - type: other\n    issued: 1\n    normative: 0\n"
	    "    policy: 0\n    to_lower_levels: 1\n"
	    "    legality_reviewed: 0\n    fair_competition_reviewed: 0\n"
	    "    no_restriction: 0\n    exceptions: 0\n"
	    "  - type: policy\n    issued: 1\n    normative: 0\n"
	    "    policy: 1\n    to_lower_levels: 0\n"
	    "    legality_reviewed: 1\n    fair_competition_reviewed: 0\n"
	    "    no_restriction: 0\n    exceptions: 0\n"
	    "  totals:\n    issued: 2\n    normative: 0\n    policy: 1\n"
	    "    to_lower_levels: 1\n    legality_reviewed: 1\n"
	    "    fair_competition_reviewed: 0\n    no_restriction: 0\n"
	    "    exceptions: 0\n");
	free(s);
	fz_tally_free(t);
}

static void
test_counted_twice(void **state)
{
	fz_tally *t = tally_by(NULL, NULL);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(add_all(t, "- {id: A, title: t, issued: 2019-01-02, "
	    "type: other}\n- {id: A, title: u, issued: 2019-01-03, type: "
	    "other}\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "document 'A' is counted twice");
	fz_tally_free(t);
}

/* March and April merged equal the two months counted at once; March
 * merged again is refused. */
static void
test_merge(void **state)
{
	fz_tally *a = tally_by("month", NULL), *b = tally_by("month", NULL);
	fz_tally *both = tally_by("month", NULL), *m = NULL;
	fz_error err = { 0 };
	char *ta, *tb, *s, *back;

	(void)state;
	assert_int_equal(add_all(a, march, &err), FZ_OK);
	assert_int_equal(add_all(b, april, &err), FZ_OK);
	assert_int_equal(add_all(both, march, &err), FZ_OK);
	assert_int_equal(add_all(both, april, &err), FZ_OK);
	ta = fx_written(write_mergeable, a, NULL);
	tb = fx_written(write_mergeable, b, NULL);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, ta), &err),
	    FZ_OK);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, tb), &err),
	    FZ_OK);
	s = section(both, 1);
	back = section(m, 1);
	assert_string_equal(back, s);
	assert_int_equal(fz_tally_merge(&m, fx_parse(fx_arena, ta), &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "is counted twice"));
	free(s);
	free(back);
	free(ta);
	free(tb);
	fz_tally_free(a);
	fz_tally_free(b);
	fz_tally_free(both);
	fz_tally_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indicators),
		cmocka_unit_test(test_by_type_and_range),
		cmocka_unit_test(test_counted_twice),
		cmocka_unit_test(test_merge),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
