/* test_coverage.c - the year's coverage of an item list at the edges of
 * its arithmetic: an exact decimal share (0.25 of 7 entities asks 2, not
 * 1.75), a ratio of 1, an entity in two items, a population of none, a
 * share by credit class, rounds against times, the cap of checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

static fz_ratio
ratio(const char *s)
{
	fz_ratio r = { 0, 0 };

	assert_int_equal(fz_ratio_parse(s, strlen(s), &r), 0);
	return r;
}

static void
test_needed(void **state)
{
	(void)state;
	assert_int_equal(fz_results_coverage_needed(7, ratio("0.25")), 2);
	assert_int_equal(fz_results_coverage_needed(8, ratio("0.25")), 2);
	assert_int_equal(fz_results_coverage_needed(9, ratio("0.25")), 3);
	assert_int_equal(fz_results_coverage_needed(7, ratio("1")), 7);
	assert_int_equal(fz_results_coverage_needed(3, ratio("0.333333333")), 1);
	assert_int_equal(fz_results_coverage_needed(1000000000, ratio("0.000000001")),
	    1);
	assert_int_equal(fz_results_coverage_needed(0, ratio("0.5")), 0);
	assert_int_equal(fz_results_coverage_needed(5, (fz_ratio){ 0, 0 }), 0);
}

#define ENTITIES \
	"kind: entities\nrecords:\n" \
	"- {id: W1, name: a, category: 网吧}\n- {id: W2, name: b, category: 网吧}\n" \
	"- {id: W3, name: c, category: 网吧}\n- {id: W4, name: d, category: 网吧}\n" \
	"- {id: W5, name: e, category: 网吧}\n- {id: W6, name: f, category: 网吧}\n" \
	"- {id: W7, name: g, category: 网吧}\n" \
	"- {id: W8, name: h, category: 网吧, status: closed}\n" \
	"- {id: K1, name: k, category: 娱乐场所}\n"
#define ITEMS \
	"kind: items\nrecords:\n" \
	"- {code: A, name: 网吧, categories: [网吧], ratio: 0.25, times: 2}\n" \
	"- {code: B, name: 两类, categories: [网吧, 娱乐场所], ratio: 1}\n" \
	"- {code: C, name: 书店, categories: [书店], ratio: 0.5}\n" \
	"- {code: D, name: 信用, categories: [娱乐场所], ratios: {A: 0.5, C: 1}," \
	" max_checks_per_year: 1}\n"
#define DRAW(task, date, ids) \
	"kind: draw\nversion: 1\ntask: " task "\nseed: \"1\"\nhash: sha256\n" \
	"date: " date "\nselections: " ids "\n"
#define VISITS \
	"kind: inspections\nrecords:\n" \
	"- {date: 2019-03-02, entity: W1, inspectors: [P], type: random, task: T1}\n" \
	"- {date: 2019-08-02, entity: W2, inspectors: [P], type: random, task: T2}\n" \
	"- {date: 2019-08-03, entity: K1, inspectors: [P], type: random, task: T2}\n" \
	"- {date: 2019-09-03, entity: K1, inspectors: [P], type: complaint}\n"

static fz_results_coverage *
coverage_of(const char *const *docs, size_t n)
{
	char *dir = fx_tmpdir(), *paths[8];
	fz_results_coverage *cv = fz_results_coverage_new(2019);
	fz_stream *s;
	fz_event ev;
	fz_error err;
	char name[32];

	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%zu.yaml", i);
		paths[i] = fx_write_str(dir, name, docs[i]);
	}
	s = fz_stream_open(paths, (int)n, FZ_STREAM_ANY_KIND);
	do {
		assert_int_equal(fz_stream_next(s, &ev, &err), FZ_OK);
		assert_int_equal(fz_results_coverage_take(cv, &ev, &err), FZ_OK);
	} while (ev.type != FZ_EV_END);
	fz_stream_close(s);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	fx_rmtree(dir);
	return cv;
}

static void
test_items(void **state)
{
	const char *docs[] = { ITEMS, ENTITIES, VISITS,
		DRAW("T1", "2019-03-01", "[{entity: W1}, {entity: W8}]"),
		DRAW("T2", "2019-08-01", "[{entity: W2}, {entity: K1}, "
		    "{entity: X9}]") };
	fz_results_coverage *cv = coverage_of(docs, 5);
	const fz_results_coverage_count *n;
	long long rounds;
	int shrt;

	(void)state;
	/* A: 0.25 of 7 active 网吧 asks 2; two inspected over two rounds. */
	n = fz_results_coverage_item(cv, 0, &rounds, &shrt);
	assert_int_equal(n->population, 7);
	assert_int_equal(n->needed, 2);
	assert_int_equal(n->drawn, 2);
	assert_int_equal(n->inspected, 2);
	assert_int_equal(rounds, 2);
	assert_false(shrt);
	/* B: W1, W2 and K1, each in A too, of 8: short of 1. */
	n = fz_results_coverage_item(cv, 1, &rounds, &shrt);
	assert_int_equal(n->population, 8);
	assert_int_equal(n->needed, 8);
	assert_int_equal(n->inspected, 3);
	assert_true(shrt);
	/* C: no population asks nothing. */
	n = fz_results_coverage_item(cv, 2, &rounds, &shrt);
	assert_int_equal(n->population, 0);
	assert_int_equal(n->needed, 0);
	assert_false(shrt);
	/* D: K1 has no class; A and C have none to inspect. */
	n = fz_results_coverage_item(cv, 3, &rounds, &shrt);
	assert_int_equal(n->needed, 0);
	assert_int_equal(fz_results_coverage_classes(cv, 3), 3);
	assert_false(shrt);
	/* K1: one check (the complaint visit not counted), cap 1. */
	assert_int_equal(fz_results_coverage_over_cap(cv), 0);
	assert_int_equal(fz_results_coverage_status(cv), FZ_PROBLEMS);
	fz_results_coverage_free(cv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needed),
		cmocka_unit_test(test_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
