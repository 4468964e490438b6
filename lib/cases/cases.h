/* cases.h - the procedure of a case and its clocks (行政处罚法 2021),
 * what fazhi-check's rules and fazhi-tally's case figures share: the
 * time limit of a decision, service, publication, the day the party
 * had the decision.  Pure functions of a decoded case; a calendar is
 * borrowed (NULL: Monday to Friday). */
#ifndef FAZHI_CASES_H
#define FAZHI_CASES_H

#include "core/core.h"
#include "io/io.h"

#define FZ_CASES_LIMIT_DAYS 90		/* art. 60: days, not working days */
#define FZ_CASES_HALF_LIMIT_DAYS 45	/* half of it: the plan's 缩短50% */
#define FZ_CASES_SERVE_WORKDAYS 7	/* art. 61 */
#define FZ_CASES_PUBLISH_WORKDAYS 7	/* 国办发〔2018〕118号 */

/* The last day of art. 60's limit: filed + 90 days + extended_days. */
fz_date fz_cases_decision_limit(const fz_case *k);
/* The day the case was decided, or closed without a decision;
 * FZ_NODATE when neither. */
fz_date fz_cases_decision_of(const fz_case *k);
/* 1 when the decision was handed over on the spot: served_on_spot, or
 * the simple procedure, which hands it over there (art. 52). */
int fz_cases_on_spot(const fz_case *k);
/* The day the party had the decision: served, or the decision's day
 * when handed over on the spot; FZ_NODATE when not yet. */
fz_date fz_cases_service_day(const fz_case *k);
/* 1 when a decided case reached the party in time: on the spot, or
 * served on or after the decision and within 7 working days of it. */
int fz_cases_served_on_time(const fz_calendar *cal, const fz_case *k);
/* 1 when a decided case was published on or after the decision and
 * within 7 working days of it. */
int fz_cases_published_on_time(const fz_calendar *cal, const fz_case *k);
/* 1 when a general-procedure case was decided within 45 days of its
 * filing (the 45th day included). */
int fz_cases_within_half(const fz_case *k);
/* 1 when art. 58 ¶1 asks legal review of the case: review_required
 * (one of its grounds; by default a major case), or a hearing held. */
int fz_cases_review_required(const fz_case *k);
/* 1 when a case that requires legal review had it on or before its
 * decision. */
int fz_cases_reviewed_required(const fz_case *k);
/* 1 when a reconsideration's result corrected the decision (被纠错):
 * revoked, changed or confirmed illegal. */
int fz_cases_corrected(int reconsideration_result);
/* The heaviest of the penalties of a case (penalty, a mask of bits
 * 1u << enum fz_penalty), in the order the yearly enforcement statistics
 * count a case of several penalties once: 吊销 revocation > 责令停业
 * suspension > 没收 confiscation > 罚款 fine > 警告 warning.  -1 when the
 * mask holds none of them (no penalty given, or only none). */
int fz_cases_heaviest_penalty(unsigned penalty);

#endif
