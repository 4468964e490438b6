/* clocks.c - the clocks of a case's procedure that the rules of
 * fazhi-check and the figures of fazhi-tally both read, kept in one
 * place so that a rule and its figure can never disagree. */
#include "cases.h"

fz_date
fz_cases_decision_limit(const fz_case *k)
{
	return k->filed + FZ_CASES_LIMIT_DAYS + (fz_date)k->extended_days;
}

fz_date
fz_cases_decision_of(const fz_case *k)
{
	return k->decided != FZ_NODATE ? k->decided : k->closed;
}

int
fz_cases_on_spot(const fz_case *k)
{
	return k->served_on_spot == 1 || k->procedure == FZ_PROCEDURE_SIMPLE;
}

fz_date
fz_cases_service_day(const fz_case *k)
{
	if (k->served != FZ_NODATE)
		return k->served;
	return fz_cases_on_spot(k) ? k->decided : FZ_NODATE;
}

/* d on or after from, and no later than n working days after it. */
static int
within_workdays(const fz_calendar *cal, fz_date d, fz_date from, int n)
{
	return d != FZ_NODATE && from != FZ_NODATE && d >= from &&
	    d <= fz_calendar_add_workdays(cal, from, n);
}

int
fz_cases_served_on_time(const fz_calendar *cal, const fz_case *k)
{
	if (k->decided == FZ_NODATE)
		return 0;
	if (fz_cases_on_spot(k))
		return 1;
	return within_workdays(cal, k->served, k->decided,
	    FZ_CASES_SERVE_WORKDAYS);
}

int
fz_cases_published_on_time(const fz_calendar *cal, const fz_case *k)
{
	return within_workdays(cal, k->published, k->decided,
	    FZ_CASES_PUBLISH_WORKDAYS);
}

int
fz_cases_within_half(const fz_case *k)
{
	return k->procedure == FZ_PROCEDURE_GENERAL &&
	    k->decided != FZ_NODATE && k->filed != FZ_NODATE &&
	    k->decided >= k->filed &&
	    k->decided - k->filed <= FZ_CASES_HALF_LIMIT_DAYS;
}

int
fz_cases_review_required(const fz_case *k)
{
	return k->review_required == 1 || k->hearing != FZ_NODATE;
}

int
fz_cases_reviewed_required(const fz_case *k)
{
	return fz_cases_review_required(k) && k->legal_review != FZ_NODATE &&
	    k->decided != FZ_NODATE && k->legal_review <= k->decided;
}

int
fz_cases_corrected(int result)
{
	return result == FZ_RECONSIDERATION_REVOKED ||
	    result == FZ_RECONSIDERATION_CHANGED ||
	    result == FZ_RECONSIDERATION_CONFIRMED_ILLEGAL;
}

int
fz_cases_heaviest_penalty(unsigned penalty)
{
	/* Written out, not read from the enumeration's order, so that a
	 * kind added to it cannot move a case to another line. */
	static const int heaviest_first[] = { FZ_PENALTY_REVOCATION,
		FZ_PENALTY_SUSPENSION, FZ_PENALTY_CONFISCATION,
		FZ_PENALTY_FINE, FZ_PENALTY_WARNING };

	for (size_t i = 0; i < sizeof heaviest_first /
	    sizeof heaviest_first[0]; i++)
		if (penalty & 1u << heaviest_first[i])
			return heaviest_first[i];
	return -1;
}
