/* test_tally_figures.c - the case figures of a tally (lib/tally/
 * tally_figures.c, lib/cases/clocks.c), each at its edges and counted
 * in the period of the date it is about. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cases/cases.h"
#include "tally_fixture.h"

/* A tally by month over 2019, its cases given as YAML mappings. */
static fz_tally *
monthly(const char *const *cases, const fz_calendar *cal)
{
	fz_tally *t = tally_by("month", NULL);

	fz_tally_set_calendar(t, cal);
	fz_tally_set_range(t, fx_date("2019-01-01"), fx_date("2019-12-31"));
	for (size_t i = 0; cases[i] != NULL; i++)
		add_case_yaml(t, cases[i]);
	return t;
}

/* 45 days from filing is within half the limit, 46 is not; a case
 * decided in the simple procedure is none of the general cases. */
static void
test_general_within_half(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-01-01, decided: 2019-02-15}",
		"{id: C2, filed: 2019-01-01, decided: 2019-02-16}",
		"{id: C3, filed: 2019-02-20, decided: 2019-02-20, "
		    "procedure: simple}",
		"{id: C4, filed: 2019-02-01}",
		NULL };
	fz_tally *t = monthly(cases, NULL);
	const fz_tally_counts *feb;

	(void)state;
	assert_int_equal(totals(t)->general_decided, 2);
	assert_int_equal(totals(t)->general_within_half, 1);
	assert_int_equal(totals(t)->decision_days, 45 + 46);
	assert_int_equal(totals(t)->simple_procedure, 1);
	feb = row(t, 1, 1, "2019-02");
	assert_int_equal(feb->general_decided, 2);
	assert_int_equal(feb->general_within_half, 1);
	assert_int_equal(row(t, 0, 1, "2019-01")->general_decided, 0);
	fz_tally_free(t);
}

/* Majors and supervised cases, in the month of filing: recorded on
 * video or not. */
static void
test_major_av_recorded(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-03-01, major: true, av_recorded: true}",
		"{id: C2, filed: 2019-03-02, supervised: true}",
		"{id: C3, filed: 2019-04-01, av_recorded: true}",
		"{id: C4, filed: 2019-04-02, major: true, supervised: true, "
		    "av_recorded: true}",
		NULL };
	fz_tally *t = monthly(cases, NULL);
	const fz_tally_counts *c = totals(t);

	(void)state;
	assert_int_equal(c->major, 2);
	assert_int_equal(c->major_supervised, 3);
	assert_int_equal(c->major_av_recorded, 2);
	assert_int_equal(row(t, 0, 1, "2019-03")->major_av_recorded, 1);
	assert_int_equal(row(t, 0, 1, "2019-03")->major_supervised, 2);
	assert_int_equal(row(t, 1, 1, "2019-04")->major_supervised, 1);
	fz_tally_free(t);
}

static void
test_not_punished(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-03-01, decided: 2019-03-05, "
		    "not_punished: minor, educated: true}",
		"{id: C2, filed: 2019-03-01, decided: 2019-04-05, "
		    "not_punished: 首违不罚, educated: true}",
		"{id: C3, filed: 2019-03-01, decided: 2019-04-06, "
		    "not_punished: first_offense, educated: true}",
		"{id: C4, filed: 2019-03-01, decided: 2019-04-07, "
		    "not_punished: no_fault}",
		"{id: C5, filed: 2019-03-01, not_punished: minor}",
		NULL };
	fz_tally *t = monthly(cases, NULL);

	(void)state;
	assert_int_equal(totals(t)->not_punished_minor, 1);
	assert_int_equal(totals(t)->not_punished_first_offense, 2);
	assert_int_equal(totals(t)->not_punished_no_fault, 1);
	assert_int_equal(row(t, 1, 1, "2019-04")->not_punished_first_offense,
	    2);
	fz_tally_free(t);
}

/* Served by the 7th working day after the decision: across National
 * Day 2019 (10-01 to 10-07 off, 09-29 and 10-12 worked) the 7th working
 * day after Friday 09-27 is 10-12; on the spot needs no date. */
static void
test_served_on_time(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-09-01, decided: 2019-09-27, "
		    "served: 2019-10-12}",
		"{id: C2, filed: 2019-09-01, decided: 2019-09-27, "
		    "served: 2019-10-14}",
		"{id: C3, filed: 2019-09-01, decided: 2019-09-27, "
		    "served_on_spot: true}",
		"{id: C4, filed: 2019-09-01, decided: 2019-09-27}",
		"{id: C5, filed: 2019-09-01, decided: 2019-09-27, "
		    "served: 2019-09-26}",
		NULL };
	fz_calendar *cal = national_day();
	fz_tally *t = monthly(cases, cal), *plain = monthly(cases, NULL);

	(void)state;
	assert_int_equal(totals(t)->served_on_time, 2);
	/* Monday to Friday, the 7th working day is 10-08: 10-12 is late. */
	assert_int_equal(totals(plain)->served_on_time, 1);
	fz_tally_free(t);
	fz_tally_free(plain);
	fz_calendar_free(cal);
}

/* Review required (a major case, review_required, a hearing) and had
 * on or before the decision; review not required is not counted. */
static void
test_reviewed_required(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-03-01, decided: 2019-03-20, major: true, "
		    "legal_review: 2019-03-20}",
		"{id: C2, filed: 2019-03-01, decided: 2019-03-20, major: true, "
		    "legal_review: 2019-03-21}",
		"{id: C3, filed: 2019-03-01, decided: 2019-03-20, "
		    "hearing: 2019-03-10, legal_review: 2019-03-15}",
		"{id: C4, filed: 2019-03-01, decided: 2019-03-20, "
		    "legal_review: 2019-03-15}",
		"{id: C5, filed: 2019-03-01, decided: 2019-03-20, major: true, "
		    "review_required: false, legal_review: 2019-03-15}",
		NULL };
	fz_tally *t = monthly(cases, NULL);

	(void)state;
	assert_int_equal(totals(t)->reviewed_required, 2);
	assert_int_equal(totals(t)->reviewed, 4);
	assert_int_equal(totals(t)->hearings, 1);
	fz_tally_free(t);
}

/* Reconsiderations in the month applied, corrected in the month
 * decided; litigations and the leader's appearance in the month filed,
 * lost in the month judged. */
static void
test_appeals(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-01-02, decided: 2019-02-01, "
		    "reconsideration: {applied: 2019-03-01, decided: 2019-05-01, "
		    "result: revoked}}",
		"{id: C2, filed: 2019-01-02, decided: 2019-02-01, "
		    "reconsideration: {applied: 2019-03-02, decided: 2019-05-02, "
		    "result: upheld}}",
		"{id: C3, filed: 2019-01-02, decided: 2019-02-01, "
		    "reconsideration: {applied: 2019-03-03, decided: 2019-05-03, "
		    "result: confirmed_illegal}}",
		"{id: C4, filed: 2019-01-02, decided: 2019-02-01, "
		    "litigation: {filed: 2019-03-05, judged: 2019-06-01, "
		    "result: lost, leader_appeared: true}}",
		"{id: C5, filed: 2019-01-02, decided: 2019-02-01, "
		    "litigation: {filed: 2019-03-06, judged: 2019-06-02, "
		    "result: won}, transferred: 2019-01-20}",
		NULL };
	fz_tally *t = monthly(cases, NULL);
	const fz_tally_counts *c = totals(t), *mar, *may, *jun;

	(void)state;
	assert_int_equal(c->reconsiderations, 3);
	assert_int_equal(c->reconsiderations_corrected, 2);
	assert_int_equal(c->litigations, 2);
	assert_int_equal(c->litigations_lost, 1);
	assert_int_equal(c->leader_appeared, 1);
	assert_int_equal(c->transferred, 1);
	/* With a range every month has its row. */
	mar = row(t, 2, 1, "2019-03");
	may = row(t, 4, 1, "2019-05");
	jun = row(t, 5, 1, "2019-06");
	assert_int_equal(mar->reconsiderations, 3);
	assert_int_equal(mar->reconsiderations_corrected, 0);
	assert_int_equal(may->reconsiderations_corrected, 2);
	assert_int_equal(mar->litigations, 2);
	assert_int_equal(mar->leader_appeared, 1);
	assert_int_equal(jun->litigations_lost, 1);
	assert_int_equal(row(t, 0, 1, "2019-01")->transferred, 1);
	fz_tally_free(t);
}

/* Written: the mean and the leader's appearance as exact rates. */
static void
test_rates_written(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-01-01, decided: 2019-01-11}",
		"{id: C2, filed: 2019-01-01, decided: 2019-01-05, "
		    "litigation: {filed: 2019-01-20, leader_appeared: true}}",
		"{id: C3, filed: 2019-01-01, decided: 2019-01-06, "
		    "litigation: {filed: 2019-01-21}}",
		NULL };
	fz_tally *t = tally_by(NULL);
	char *text;

	(void)state;
	for (size_t i = 0; cases[i] != NULL; i++)
		add_case_yaml(t, cases[i]);
	text = fx_written(write_plain, t, NULL);
	assert_non_null(strstr(text, "  mean_decision_days: {numerator: 19, "
	    "denominator: 3}\n"));
	assert_non_null(strstr(text, "  leader_appeared: {numerator: 1, "
	    "denominator: 2}\n"));
	free(text);
	fz_tally_free(t);
}

/* The heaviest-penalty order at each of its steps: a case of several
 * penalties is counted once, under the heaviest, in the month of its
 * decision (closed without a decided date: the closing); none and no
 * penalty are not penalized. */
static void
test_penalty_heaviest(void **state)
{
	static const char *const cases[] = {
		"{id: C1, filed: 2019-01-01, decided: 2019-01-20, penalty: "
		    "[warning, fine, confiscation, suspension, revocation]}",
		"{id: C2, filed: 2019-01-01, decided: 2019-01-20, penalty: "
		    "[warning, fine, confiscation, suspension]}",
		"{id: C3, filed: 2019-01-01, decided: 2019-02-20, penalty: "
		    "[fine, confiscation, warning]}",
		"{id: C4, filed: 2019-01-01, decided: 2019-02-20, penalty: "
		    "[warning, fine], fine: 2000}",
		"{id: C5, filed: 2019-01-01, closed: 2019-03-20, penalty: "
		    "警告}",
		"{id: C6, filed: 2019-01-01, decided: 2019-03-20, penalty: "
		    "none}",
		"{id: C7, filed: 2019-01-01, decided: 2019-03-20}",
		"{id: C8, filed: 2019-01-01, penalty: revocation}",
		NULL };
	fz_tally *t = monthly(cases, NULL);
	const fz_tally_counts *c = totals(t), *mar = row(t, 2, 1, "2019-03");

	(void)state;
	assert_int_equal(c->penalized, 5);
	assert_int_equal(c->penalty_revocation, 1);
	assert_int_equal(c->penalty_suspension, 1);
	assert_int_equal(c->penalty_confiscation, 1);
	assert_int_equal(c->penalty_fine, 1);
	assert_int_equal(c->penalty_warning, 1);
	assert_int_equal(row(t, 0, 1, "2019-01")->penalized, 2);
	assert_int_equal(row(t, 1, 1, "2019-02")->penalty_confiscation, 1);
	assert_int_equal(mar->penalty_warning, 1);
	assert_int_equal(mar->penalized, 1);
	assert_int_equal(fz_cases_heaviest_penalty(0), -1);
	assert_int_equal(fz_cases_heaviest_penalty(1u << FZ_PENALTY_NONE), -1);
	assert_int_equal(fz_cases_heaviest_penalty(1u << FZ_PENALTY_WARNING |
	    1u << FZ_PENALTY_NONE), FZ_PENALTY_WARNING);
	assert_int_equal(fz_cases_heaviest_penalty(1u << FZ_PENALTY_FINE |
	    1u << FZ_PENALTY_WARNING), FZ_PENALTY_FINE);
	fz_tally_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_general_within_half),
		cmocka_unit_test(test_major_av_recorded),
		cmocka_unit_test(test_not_punished),
		cmocka_unit_test(test_served_on_time),
		cmocka_unit_test(test_reviewed_required),
		cmocka_unit_test(test_appeals),
		cmocka_unit_test(test_rates_written),
		cmocka_unit_test(test_penalty_heaviest),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
