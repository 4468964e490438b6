/* test_tally_io.c - the tally document (lib/tally_io.c): what is written,
 * plain and with the state of an exact merge. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tally_fixture.h"

static void
test_written_document(void **state)
{
	static const struct kase c = { "C1", "2019-03-01", "2019-03-20",
		"2019-03-10", "2019-03-09", "2019-03-12", 0, 125050, "新桥镇" };
	fz_tally *t = tally_by("month", "town", NULL);
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	char *text;

	(void)state;
	assert_int_equal(fz_where_add(w, "category=网吧", &err), FZ_OK);
	assert_int_equal(fz_tally_set_where(t, w, &err), FZ_OK);
	add_visit(t, &five[0]);
	add_visit(t, &five[1]);
	add_case(t, &c);
	text = fx_written(write_plain, t, NULL);
	assert_string_equal(text,
	    "---\n"
	    "kind: tally\n"
	    "version: 1\n"
	    "from: 2019-03-01\n"
	    "to: 2019-03-20\n"
	    "by: [month, town]\n"
	    "where: {category: 网吧}\n"
	    "inputs: {inspections: 2, cases: 1}\n"
	    "rows:\n"
	    "- month: 2019-03\n"
	    "  town: 城关镇\n"
	    "  visits: 2\n"
	    "  units: 2\n"
	    "  person_times: 3\n"
	    "  outings: 1\n"
	    "  violations: 1\n"
	    "  banned: 0\n"
	    "  leader_led: 1\n"
	    "  filed: 0\n"
	    "  closed: 0\n"
	    "  open: 0\n"
	    "  closed_on_time: 0\n"
	    "  overdue: 0\n"
	    "  reviewed: 0\n"
	    "  published_on_time: 0\n"
	    "  fines: 0\n"
	    "  major: 0\n"
	    "  major_supervised: 0\n"
	    "  major_av_recorded: 0\n"
	    "  simple_procedure: 0\n"
	    "  general_decided: 0\n"
	    "  general_within_half: 0\n"
	    "  mean_decision_days: {numerator: 0, denominator: 0}\n"
	    "  not_punished_minor: 0\n"
	    "  not_punished_first_offense: 0\n"
	    "  not_punished_no_fault: 0\n"
	    "  hearings: 0\n"
	    "  served_on_time: 0\n"
	    "  transferred: 0\n"
	    "  reviewed_required: 0\n"
	    "  reconsiderations: 0\n"
	    "  reconsiderations_corrected: 0\n"
	    "  litigations: 0\n"
	    "  litigations_lost: 0\n"
	    "  leader_appeared: {numerator: 0, denominator: 0}\n"
	    "  penalized: 0\n"
	    "  penalty_revocation: 0\n"
	    "  penalty_suspension: 0\n"
	    "  penalty_confiscation: 0\n"
	    "  penalty_fine: 0\n"
	    "  penalty_warning: 0\n"
	    "- month: 2019-03\n"
	    "  town: 新桥镇\n"
	    "  visits: 0\n"
	    "  units: 0\n"
	    "  person_times: 0\n"
	    "  outings: 0\n"
	    "  violations: 0\n"
	    "  banned: 0\n"
	    "  leader_led: 0\n"
	    "  filed: 1\n"
	    "  closed: 1\n"
	    "  open: 0\n"
	    "  closed_on_time: 1\n"
	    "  overdue: 0\n"
	    "  reviewed: 1\n"
	    "  published_on_time: 1\n"
	    "  fines: 1250.50\n"
	    "  major: 0\n"
	    "  major_supervised: 0\n"
	    "  major_av_recorded: 0\n"
	    "  simple_procedure: 0\n"
	    "  general_decided: 1\n"
	    "  general_within_half: 1\n"
	    "  mean_decision_days: {numerator: 9, denominator: 1}\n"
	    "  not_punished_minor: 0\n"
	    "  not_punished_first_offense: 0\n"
	    "  not_punished_no_fault: 0\n"
	    "  hearings: 0\n"
	    "  served_on_time: 0\n"
	    "  transferred: 0\n"
	    "  reviewed_required: 0\n"
	    "  reconsiderations: 0\n"
	    "  reconsiderations_corrected: 0\n"
	    "  litigations: 0\n"
	    "  litigations_lost: 0\n"
	    "  leader_appeared: {numerator: 0, denominator: 0}\n"
	    "  penalized: 0\n"
	    "  penalty_revocation: 0\n"
	    "  penalty_suspension: 0\n"
	    "  penalty_confiscation: 0\n"
	    "  penalty_fine: 0\n"
	    "  penalty_warning: 0\n"
	    "totals:\n"
	    "  visits: 2\n"
	    "  units: 2\n"
	    "  person_times: 3\n"
	    "  outings: 1\n"
	    "  violations: 1\n"
	    "  banned: 0\n"
	    "  leader_led: 1\n"
	    "  filed: 1\n"
	    "  closed: 1\n"
	    "  open: 0\n"
	    "  closed_on_time: 1\n"
	    "  overdue: 0\n"
	    "  reviewed: 1\n"
	    "  published_on_time: 1\n"
	    "  fines: 1250.50\n"
	    "  major: 0\n"
	    "  major_supervised: 0\n"
	    "  major_av_recorded: 0\n"
	    "  simple_procedure: 0\n"
	    "  general_decided: 1\n"
	    "  general_within_half: 1\n"
	    "  mean_decision_days: {numerator: 9, denominator: 1}\n"
	    "  not_punished_minor: 0\n"
	    "  not_punished_first_offense: 0\n"
	    "  not_punished_no_fault: 0\n"
	    "  hearings: 0\n"
	    "  served_on_time: 0\n"
	    "  transferred: 0\n"
	    "  reviewed_required: 0\n"
	    "  reconsiderations: 0\n"
	    "  reconsiderations_corrected: 0\n"
	    "  litigations: 0\n"
	    "  litigations_lost: 0\n"
	    "  leader_appeared: {numerator: 0, denominator: 0}\n"
	    "  penalized: 0\n"
	    "  penalty_revocation: 0\n"
	    "  penalty_suspension: 0\n"
	    "  penalty_confiscation: 0\n"
	    "  penalty_fine: 0\n"
	    "  penalty_warning: 0\n"
	    "reporters:\n"
	    "- reported_by: bureau\n"
	    "  visits: 2\n"
	    "  units: 2\n"
	    "  person_times: 3\n"
	    "  outings: 1\n"
	    "  violations: 1\n"
	    "  banned: 0\n"
	    "  leader_led: 1\n"
	    "- reported_by: town\n"
	    "  visits: 0\n"
	    "  units: 0\n"
	    "  person_times: 0\n"
	    "  outings: 0\n"
	    "  violations: 0\n"
	    "  banned: 0\n"
	    "  leader_led: 0\n");
	free(text);
	fz_where_free(w);
	fz_tally_free(t);
}

static void
test_indicator_names(void **state)
{
	static const char *const want[] = { "visits", "units", "person_times",
		"outings", "violations", "banned", "leader_led", "filed",
		"closed", "open", "closed_on_time", "overdue", "reviewed",
		"published_on_time", "fines", "major", "major_supervised",
		"major_av_recorded", "simple_procedure", "general_decided",
		"general_within_half", "mean_decision_days",
		"not_punished_minor", "not_punished_first_offense",
		"not_punished_no_fault", "hearings", "served_on_time",
		"transferred", "reviewed_required", "reconsiderations",
		"reconsiderations_corrected", "litigations", "litigations_lost",
		"leader_appeared", "penalized", "penalty_revocation",
		"penalty_suspension", "penalty_confiscation", "penalty_fine",
		"penalty_warning", NULL };

	(void)state;
	for (int i = 0; want[i] != NULL; i++)
		assert_string_equal(fz_tally_indicators[i], want[i]);
	assert_null(fz_tally_indicators[40]);
}

/* The item i of the list key of map m, a scalar. */
static const char *
item(const fz_node *m, const char *key, size_t i)
{
	const fz_node *l = fz_node_get(m, key);

	assert_non_null(l);
	assert_int_equal(l->type, FZ_SEQ);
	assert_true(i < l->n);
	return l->kids[i]->str;
}

static void
test_mergeable_state(void **state)
{
	static const struct kase c = { "C1", "2019-03-01", NULL, "2019-03-10",
		NULL, NULL, 30, 5000, "城关镇" };
	fz_tally *t = five_by(tally_by("town", NULL));
	const fz_node *doc, *rows, *st, *outs, *kc;
	char *text;

	(void)state;
	add_case(t, &c);
	text = fx_written(write_mergeable, t, NULL);
	doc = fx_parse(fx_arena, text);
	rows = fz_node_get(doc, "rows");
	assert_int_equal(rows->n, 3);
	/* 城关镇: E1 and E2; O1 with P1, P2, P3 and O2 with P1. */
	st = fz_node_get(rows->kids[0], "state");
	assert_int_equal(fz_node_get(st, "entities")->n, 2);
	assert_string_equal(item(st, "entities", 0), "E1");
	assert_string_equal(item(st, "entities", 1), "E2");
	outs = fz_node_get(st, "outings");
	assert_int_equal(outs->n, 2);
	assert_string_equal(fz_node_get(outs->kids[0], "id")->str, "O1");
	assert_int_equal(fz_node_get(outs->kids[0], "inspectors")->n, 3);
	assert_string_equal(item(outs->kids[0], "inspectors", 2), "P3");
	assert_string_equal(fz_node_get(outs->kids[1], "id")->str, "O2");
	assert_string_equal(item(outs->kids[1], "inspectors", 0), "P1");
	assert_string_equal(fz_node_get(st, "solo_outings")->str, "0");
	/* 新桥镇: the solo visit with P2 twice. */
	st = fz_node_get(rows->kids[1], "state");
	assert_string_equal(item(st, "entities", 0), "E1");
	assert_int_equal(fz_node_get(st, "outings")->n, 0);
	assert_string_equal(fz_node_get(st, "solo_outings")->str, "1");
	assert_string_equal(fz_node_get(st, "solo_person_times")->str, "1");
	/* The case, whole. */
	kc = fz_node_get(fz_node_get(doc, "mergeable"), "cases");
	assert_int_equal(kc->n, 1);
	kc = kc->kids[0];
	assert_string_equal(fz_node_get(kc, "id")->str, "C1");
	assert_string_equal(fz_node_get(kc, "filed")->str, "2019-03-01");
	assert_true(fz_node_is_null(fz_node_get(kc, "closed")));
	assert_string_equal(fz_node_get(kc, "decided")->str, "2019-03-10");
	assert_string_equal(fz_node_get(kc, "extended_days")->str, "30");
	assert_string_equal(fz_node_get(kc, "fine")->str, "50");
	assert_string_equal(item(kc, "keys", 0), "城关镇");
	free(text);
	fz_tally_free(t);
}

static void
test_empty_tally(void **state)
{
	fz_tally *t = tally_by("month", NULL);
	char *text = fx_written(write_plain, t, NULL);

	(void)state;
	assert_string_equal(text,
	    "---\n"
	    "kind: tally\n"
	    "version: 1\n"
	    "from: null\n"
	    "to: null\n"
	    "by: [month]\n"
	    "inputs: {inspections: 0, cases: 0}\n"
	    "rows: []\n"
	    "totals:\n"
	    "  visits: 0\n"
	    "  units: 0\n"
	    "  person_times: 0\n"
	    "  outings: 0\n"
	    "  violations: 0\n"
	    "  banned: 0\n"
	    "  leader_led: 0\n"
	    "  filed: 0\n"
	    "  closed: 0\n"
	    "  open: 0\n"
	    "  closed_on_time: 0\n"
	    "  overdue: 0\n"
	    "  reviewed: 0\n"
	    "  published_on_time: 0\n"
	    "  fines: 0\n"
	    "  major: 0\n"
	    "  major_supervised: 0\n"
	    "  major_av_recorded: 0\n"
	    "  simple_procedure: 0\n"
	    "  general_decided: 0\n"
	    "  general_within_half: 0\n"
	    "  mean_decision_days: {numerator: 0, denominator: 0}\n"
	    "  not_punished_minor: 0\n"
	    "  not_punished_first_offense: 0\n"
	    "  not_punished_no_fault: 0\n"
	    "  hearings: 0\n"
	    "  served_on_time: 0\n"
	    "  transferred: 0\n"
	    "  reviewed_required: 0\n"
	    "  reconsiderations: 0\n"
	    "  reconsiderations_corrected: 0\n"
	    "  litigations: 0\n"
	    "  litigations_lost: 0\n"
	    "  leader_appeared: {numerator: 0, denominator: 0}\n"
	    "  penalized: 0\n"
	    "  penalty_revocation: 0\n"
	    "  penalty_suspension: 0\n"
	    "  penalty_confiscation: 0\n"
	    "  penalty_fine: 0\n"
	    "  penalty_warning: 0\n"
	    "reporters:\n"
	    "- reported_by: bureau\n"
	    "  visits: 0\n"
	    "  units: 0\n"
	    "  person_times: 0\n"
	    "  outings: 0\n"
	    "  violations: 0\n"
	    "  banned: 0\n"
	    "  leader_led: 0\n"
	    "- reported_by: town\n"
	    "  visits: 0\n"
	    "  units: 0\n"
	    "  person_times: 0\n"
	    "  outings: 0\n"
	    "  violations: 0\n"
	    "  banned: 0\n"
	    "  leader_led: 0\n");
	free(text);
	fz_tally_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_document),
		cmocka_unit_test(test_indicator_names),
		cmocka_unit_test(test_mergeable_state),
		cmocka_unit_test(test_empty_tally),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
