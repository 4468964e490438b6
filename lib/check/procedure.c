/* procedure.c - the rules of a case's procedure beyond the clocks of
 * rules.c: legal review and its reviewer (行政处罚法 art. 58), the basis
 * of an extension (art. 60), hearings (art. 63-65), no penalty (art. 33),
 * payment and its surcharge (art. 67, 72) and the withdrawal of a
 * publication (art. 48); their clocks for --due-within.  What the
 * statute leaves to the bureau (the 较大数额 of a hearing, legal review
 * of every case) comes from the rules file (settings.c). */
#include <string.h>

#include "check_int.h"

#define HEARING_REQUEST_WORKDAYS 5	/* art. 64 (一) */
#define HEARING_NOTICE_WORKDAYS 7	/* art. 64 (二) */
#define PAY_DAYS 15		/* art. 67: days, not working days (art. 85) */
#define SURCHARGE_PERCENT 3	/* art. 72 (一): of the fine, a day */
#define UNPUBLISH_WORKDAYS 3	/* art. 48 */

/* art. 58 ¶2 asks the qualification of those who first review from the
 * day the 2021 law took effect (art. 86). */
static fz_date
qualification_from(void)
{
	return fz_date_make(2021, 7, 15);
}

int64_t
fz_check_surcharge(int64_t fine, int days)
{
	int64_t q = fine / 100, rem = fine % 100;

	if (fine <= 0 || days <= 0)
		return 0;
	if ((int64_t)days * SURCHARGE_PERCENT >= 100)
		return fine;
	/* fine * 3% * days, to the fen, half up, without overflow. */
	return q * SURCHARGE_PERCENT * days +
	    (rem * SURCHARGE_PERCENT * days + 50) / 100;
}

int
fz_check_hearing_eligible(const fz_check_settings *s, const fz_case *k)
{
	int64_t most = k->party == FZ_PARTY_PERSON ? s->hearing_fine_person :
	    s->hearing_fine_organization;

	if (k->hearing_eligible >= 0)
		return k->hearing_eligible;
	if (k->penalty & ((1u << FZ_PENALTY_SUSPENSION) |
	    (1u << FZ_PENALTY_REVOCATION)))
		return 1;
	return k->fine != FZ_NOMONEY && most > 0 && k->fine >= most;
}

/* ------------------------------------------------------------ review */

/* A reviewer named: known now or settled at the end (not in the roster),
 * and their earliest review kept for art. 58 ¶2. */
static void
keep_reviewer(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_check__reviewer *rv;
	void **slot;
	int added;

	if (fz_check__find(c, FZ_KIND_INSPECTORS, k->reviewer) == NULL)
		fz_check__ref_add(c, &(fz_check__ref){ FZ_KIND_INSPECTORS,
		    fz_check__intern(c, k->reviewer), NULL, 0, FZ_NODATE,
		    fz_check__pos_of(c, fz_check__at(r, "reviewer")) });
	slot = fz_map_insert(c->reviewers, k->reviewer, strlen(k->reviewer),
	    &added, NULL);
	rv = *slot;
	if (added) {
		rv = *slot = fz_arena_alloc(c->arena, sizeof *rv);
		rv->id = fz_check__intern(c, k->reviewer);
		rv->first = FZ_NODATE;
	}
	if (rv->first == FZ_NODATE || k->legal_review < rv->first) {
		rv->first = k->legal_review;
		rv->at = fz_check__pos_of(c, fz_check__at(r, "reviewer"));
	}
}

/* art. 58: review before the decision of the cases of ¶1 (the case's
 * review_required, a hearing held), or every case by the bureau's
 * policy. */
static void
case_review(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	char a[16], b[16];

	if (k->legal_review != FZ_NODATE) {
		if (k->legal_review > k->decided)
			fz_check__report(c, FZ_ERROR, fz_check__at(r,
			    "legal_review"), "legal review %s after the "
			    "decision %s (行政处罚法 art. 58)",
			    fz_check__day(k->legal_review, a),
			    fz_check__day(k->decided, b));
		if (k->reviewer != NULL)
			keep_reviewer(c, r);
	} else if (k->review_required == 1) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"),
		    "decided without legal review (法制审核, 行政处罚法 "
		    "art. 58)");
	} else if (k->hearing != FZ_NODATE) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"),
		    "decided after a hearing without legal review (法制审核, "
		    "行政处罚法 art. 58 ¶1 (二))");
	} else if (c->o.settings.review_all) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"),
		    "decided without legal review, which the bureau's policy "
		    "asks of every case (法制审核, --review-all; 行政处罚法 "
		    "art. 58)");
	} else {
		fz_check__not_applicable(c, "legal review not required");
	}
}

void
fz_check__reviewers(fz_check *c)
{
	char a[16];

	if (!c->o.rules || !c->seen[FZ_KIND_INSPECTORS])
		return;
	for (size_t i = 0; i < fz_map_count(c->reviewers); i++) {
		const fz_check__reviewer *rv = fz_map_value(c->reviewers, i);
		const fz_check__id *p = fz_check__find(c, FZ_KIND_INSPECTORS,
		    rv->id);

		if (p == NULL)
			continue;	/* not in the roster: reported so */
		if (!p->legal_reviewer)
			fz_check__report_pos(c, FZ_ERROR, rv->at, "reviewer "
			    "'%s' is not marked legal_reviewer in the inspector "
			    "roster (法制审核人员, 行政处罚法 art. 58)", rv->id);
		else if (!p->legal_qualification &&
		    rv->first >= qualification_from())
			fz_check__report_pos(c, FZ_ERROR, rv->at, "reviewer "
			    "'%s' first reviewed on %s, since 2021-07-15, "
			    "without legal_qualification (法律职业资格, 行政处罚法 "
			    "art. 58 ¶2)", rv->id, fz_check__day(rv->first, a));
	}
}

/* ------------------------------------------------------------ hearings */

/* art. 64 (一): the 5th working day after the notice. */
static fz_date
request_by(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	return fz_check__workdays_after(c, r, "notified", k->notified,
	    HEARING_REQUEST_WORKDAYS);
}

/* A request in time asks for a hearing; a late one does not count. */
static void
hearing_request(fz_check *c, const fz_check__rec *r, int eligible)
{
	const fz_case *k = r->data;
	fz_date by;
	char a[16], b[16];

	if (k->hearing_requested == FZ_NODATE || k->notified == FZ_NODATE)
		return;
	by = request_by(c, r);
	if (k->hearing_requested > by)
		fz_check__report(c, FZ_WARNING, fz_check__at(r,
		    "hearing_requested"), "a hearing requested %s, after %s, "
		    "the 5th working day after the notice: the request does "
		    "not count (行政处罚法 art. 64 (一))",
		    fz_check__day(k->hearing_requested, a),
		    fz_check__day(by, b));
	else if (eligible && k->hearing == FZ_NODATE &&
	    k->decided != FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"),
		    "decided without the hearing the party asked for on %s "
		    "(行政处罚法 art. 63)",
		    fz_check__day(k->hearing_requested, a));
}

/* art. 64 (二): the notice at least 7 working days before the hearing;
 * art. 65: the decision after it. */
static void
hearing_held(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_date by;
	char a[16], b[16], d[16];

	if (k->hearing == FZ_NODATE)
		return;
	if (k->hearing_notice == FZ_NODATE) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "hearing"), "a "
		    "hearing without its hearing_notice (行政处罚法 art. 64 "
		    "(二))");
	} else {
		by = fz_check__workdays_after(c, r, "hearing_notice",
		    k->hearing_notice, HEARING_NOTICE_WORKDAYS);
		if (k->hearing < by)
			fz_check__report(c, FZ_ERROR, fz_check__at(r,
			    "hearing_notice"), "the hearing notice %s, less than "
			    "7 working days before the hearing %s: %s at the "
			    "earliest (行政处罚法 art. 64 (二))",
			    fz_check__day(k->hearing_notice, a),
			    fz_check__day(k->hearing, b), fz_check__day(by, d));
	}
	if (k->decided != FZ_NODATE && k->decided < k->hearing)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"),
		    "decided %s, before the hearing %s (行政处罚法 art. 65)",
		    fz_check__day(k->decided, a), fz_check__day(k->hearing, b));
}

static void
case_hearing(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	int eligible = k->procedure == FZ_PROCEDURE_GENERAL &&
	    fz_check_hearing_eligible(&c->o.settings, k);

	if (!eligible && k->hearing_requested == FZ_NODATE &&
	    k->hearing == FZ_NODATE)
		fz_check__not_applicable(c, "not hearing-eligible");
	if (eligible && k->decided != FZ_NODATE && k->notified == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"), "a "
		    "hearing-eligible case decided without telling the party "
		    "of the right to a hearing (听证, 行政处罚法 art. 63, 64)");
	hearing_request(c, r, eligible);
	hearing_held(c, r);
}

/* ------------------------------------------------------------ the rest */

/* art. 60: an extension only as a 法律、法规、规章 allows. */
static void
case_extension(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	if (k->extended_days <= 0)
		fz_check__not_applicable(c, "no extension");
	else if (k->extension_basis == NULL)
		fz_check__report(c, FZ_WARNING, fz_check__at(r,
		    "extended_days"), "%lld days of extension without "
		    "extension_basis, the 法律、法规、规章 that allows them "
		    "(行政处罚法 art. 60)", k->extended_days);
}

/* art. 33: no penalty, and the party taught the law. */
static void
case_not_punished(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	const char *why;

	if (k->not_punished < 0) {
		fz_check__not_applicable(c, "not a case of 不予处罚");
		return;
	}
	why = fz_field_find(FZ_KIND_CASES, "not_punished")->values[
	    k->not_punished].alias;
	if ((k->penalty & ~(1u << FZ_PENALTY_NONE)) != 0 ||
	    (k->fine != FZ_NOMONEY && k->fine > 0))
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "not_punished"),
		    "%s, yet a penalty or a fine is given (不予行政处罚, "
		    "行政处罚法 art. 33)", why);
	if (k->educated != 1)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "not_punished"),
		    "%s without educating the party (educated, 行政处罚法 "
		    "art. 33 ¶3)", why);
}

/* A fine to be paid at a bank (art. 67): decided, served, not collected
 * on the spot; FZ_NODATE when none, else the 15th day after service. */
static fz_date
pay_by(const fz_case *k)
{
	fz_date served = fz_cases_service_day(k);

	if (k->fine == FZ_NOMONEY || k->fine == 0 || k->decided == FZ_NODATE ||
	    k->collected_on_spot != FZ_NOMONEY || k->not_punished >= 0 ||
	    served == FZ_NODATE)
		return FZ_NODATE;
	return served + PAY_DAYS;
}

/* art. 67: paid within 15 days of service; art. 72: else 3% of the fine
 * a day, never more than the fine. */
static void
case_payment(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_date by = pay_by(k), until;
	char a[16], b[16], d[16], f[32], s[32];

	if (by == FZ_NODATE) {
		fz_check__not_applicable(c, "no fine to pay after service");
		return;
	}
	until = k->paid != FZ_NODATE ? k->paid : c->o.as_of;
	if (until <= by)
		return;
	fz_money_format(k->fine, f);
	fz_money_format(fz_check_surcharge(k->fine, until - by), s);
	if (k->paid != FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "paid"), "the "
		    "fine of %s yuan paid %s, after %s, the 15th day after "
		    "service (行政处罚法 art. 67): a surcharge of %s yuan for "
		    "%d day%s (3%% a day, at most the fine, art. 72)", f,
		    fz_check__day(k->paid, a), fz_check__day(by, b), s,
		    until - by, until - by == 1 ? "" : "s");
	else
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "fine"), "the "
		    "fine of %s yuan not paid by %s, the 15th day after "
		    "service (行政处罚法 art. 67): the surcharge on %s is %s "
		    "yuan for %d day%s (3%% a day, at most the fine, art. 72)",
		    f, fz_check__day(by, a), fz_check__day(until, d), s,
		    until - by, until - by == 1 ? "" : "s");
}

/* The day a published decision was revoked or changed, by the bureau or
 * on reconsideration, and the key that says it; FZ_NODATE when not. */
static fz_date
corrected_on(const fz_case *k, const char **key)
{
	int res = k->reconsideration.result;

	*key = "decision_revoked";
	if (k->decision_revoked != FZ_NODATE)
		return k->decision_revoked;
	*key = "reconsideration";
	if (res == FZ_RECONSIDERATION_REVOKED ||
	    res == FZ_RECONSIDERATION_CHANGED ||
	    res == FZ_RECONSIDERATION_CONFIRMED_ILLEGAL)
		return k->reconsideration.decided;
	return FZ_NODATE;
}

/* art. 48: the publication withdrawn within 3 working days. */
static fz_date
unpublish_by(fz_check *c, const fz_check__rec *r, const char **key)
{
	const fz_case *k = r->data;
	fz_date on = corrected_on(k, key);

	if (on == FZ_NODATE || k->published == FZ_NODATE)
		return FZ_NODATE;
	return fz_check__workdays_after(c, r, *key, on, UNPUBLISH_WORKDAYS);
}

static void
case_unpublish(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	const char *key;
	fz_date by = unpublish_by(c, r, &key);

	if (by == FZ_NODATE)
		fz_check__not_applicable(c, "no published decision revoked "
		    "or changed");
	else
		fz_check__clock(c, r, "unpublished", k->unpublished, key, by,
		    N_("the publication withdrawn"), N_("the publication not "
		    "withdrawn"), N_("the 3rd working day after the decision "
		    "was revoked or changed (行政处罚法 art. 48)"));
}

/* ------------------------------------------------------------ appeals */

/* The node of key in the record's mapping map, else the mapping. */
static const fz_node *
at_in(const fz_check__rec *r, const char *map, const char *key)
{
	const fz_node *m = fz_check__at(r, map);
	const fz_node *v = m->type == FZ_MAP ? fz_node_get(m, key) : NULL;

	return v != NULL ? v : m;
}

/* No date of the mapping map (its struct sub) after the as-of date. */
static void
appeal_as_of(fz_check *c, const fz_check__rec *r, const char *map,
    const void *sub)
{
	const fz_field *f = fz_field_find(FZ_KIND_CASES, map)->fields;
	char a[16], b[16];

	for (; f->key != NULL; f++) {
		fz_date v = f->type == FZ_T_DATE ? *(const fz_date *)
		    ((const char *)sub + f->offset) : FZ_NODATE;

		if (v != FZ_NODATE && v > c->o.as_of)
			fz_check__report(c, FZ_ERROR, at_in(r, map, f->key),
			    "%s %s %s is after the as-of date %s", map, f->key,
			    fz_check__day(v, a), fz_check__day(c->o.as_of, b));
	}
}

/* The date d of key in the mapping map not before d0, what key0 names. */
static void
appeal_order(fz_check *c, const fz_check__rec *r, const char *map,
    const char *key, fz_date d, const char *key0, fz_date d0)
{
	char a[16], b[16];

	if (d != FZ_NODATE && d0 != FZ_NODATE && d < d0)
		fz_check__report(c, FZ_ERROR, at_in(r, map, key), "%s %s %s is "
		    "before %s %s", map, key, fz_check__day(d, a), key0,
		    fz_check__day(d0, b));
}

void
fz_check__case_appeals(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	const fz_reconsideration *rc = &k->reconsideration;
	const fz_litigation *li = &k->litigation;

	appeal_as_of(c, r, "reconsideration", rc);
	appeal_order(c, r, "reconsideration", "applied", rc->applied,
	    "the decision", k->decided);
	appeal_order(c, r, "reconsideration", "decided", rc->decided,
	    "applied", rc->applied);
	appeal_as_of(c, r, "litigation", li);
	appeal_order(c, r, "litigation", "filed", li->filed, "the decision",
	    k->decided);
	appeal_order(c, r, "litigation", "judged", li->judged, "filed",
	    li->filed);
}

/* The rules of a decision, in the order of the casefile. */
static const fz_check__case_rule decision_rules[] = {
	{ "review", "行政处罚法 art. 58", case_review },
	{ "payment", "行政处罚法 art. 67, 72", case_payment },
	{ "unpublished", "行政处罚法 art. 48", case_unpublish },
};

void
fz_check__case_procedure(fz_check *c, const fz_check__rec *r)
{
	size_t n = sizeof decision_rules / sizeof decision_rules[0];

	fz_check__rule(c, r, "extension", "行政处罚法 art. 60", case_extension);
	fz_check__rule(c, r, "not_punished", "行政处罚法 art. 33",
	    case_not_punished);
	fz_check__rule(c, r, "hearing", "行政处罚法 art. 63-65", case_hearing);
	fz_check__decision_rules(c, r, decision_rules, n);
}

/* ------------------------------------------------------------ due */

void
fz_check__case_procedure_due(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	const char *key;
	fz_date by;

	if (k->decided == FZ_NODATE && k->notified != FZ_NODATE &&
	    k->hearing_requested == FZ_NODATE &&
	    k->procedure == FZ_PROCEDURE_GENERAL &&
	    fz_check_hearing_eligible(&c->o.settings, k))
		fz_check__due(c, r, "notified", request_by(c, r), N_("see whether a "
		    "hearing is requested"), "行政处罚法 art. 64 (一)");
	if ((by = pay_by(k)) != FZ_NODATE && k->paid == FZ_NODATE)
		fz_check__due(c, r, "fine", by, N_("have the fine paid"),
		    "行政处罚法 art. 67");
	if ((by = unpublish_by(c, r, &key)) != FZ_NODATE &&
	    k->unpublished == FZ_NODATE)
		fz_check__due(c, r, key, by, N_("withdraw the publication"),
		    "行政处罚法 art. 48");
}
