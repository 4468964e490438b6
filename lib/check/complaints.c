/* complaints.c - the complaints register (举报投诉) in fazhi-check: a
 * record's sanity (its dates in order, accepted: false with the reason
 * of 文化市场举报办理规范 art. 4, a referral with whom it went to, a
 * result with its verification), its references (an inspection by its
 * outing, a case, an entity of the directory when the subject is a
 * 统一社会信用代码), and with --rules and --due-within the clocks of
 * acceptance, verification and reply of the complaint rules file,
 * counted in working days of the calendar (the first day not counted). */
#include <string.h>

#include "check_int.h"

/* An inspection's outing: the id a complaint's inspection names. */
void
fz_check__outing(fz_check *c, const fz_check__rec *r)
{
	const fz_inspection *v = r->data;
	fz_check__id *e;
	void **slot;
	int added;

	if (v->outing == NULL)
		return;
	slot = fz_map_insert(c->ids[FZ_KIND_INSPECTIONS], v->outing,
	    strlen(v->outing), &added, NULL);
	if (!added)
		return;
	e = fz_arena_alloc(c->arena, sizeof *e);
	*e = (fz_check__id){ fz_check__pos_of(c, r->at), NULL, 0, -1, 0, 0,
	    FZ_NODATE };
	*slot = e;
}

static int
is_date(fz_date d)
{
	return d != FZ_NODATE && d != FZ_FALSEDATE;
}

/* What a complaint refused (accepted: false) cannot have. */
static void
refused(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;
	static const char *const keys[] = { "verified", "result",
		"inspection", "case", NULL };

	if (q->reason == NULL)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "accepted"),
		    "complaint '%s' is not accepted without a reason (the "
		    "grounds of 文化市场举报办理规范 art. 4: past the 2 years "
		    "of 行政处罚法 art. 36, a repeat of an accepted report ...)",
		    q->id);
	for (int i = 0; keys[i] != NULL; i++)
		if (fz_node_get(r->at, keys[i]) != NULL &&
		    !fz_node_is_null(fz_node_get(r->at, keys[i])))
			fz_check__report(c, FZ_ERROR, fz_check__at(r, keys[i]),
			    "complaint '%s' was not accepted (accepted: false) "
			    "and has no %s", q->id, keys[i]);
}

/* The keys that go together: a referral and whom to, a result and its
 * verification (or its referral). */
static void
pairs(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;

	if (q->reason != NULL && q->accepted != FZ_FALSEDATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "reason"),
		    "complaint '%s': reason is the grounds of not accepting, "
		    "given with accepted: false", q->id);
	if (q->referred != FZ_NODATE && q->to == NULL)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "referred"),
		    "complaint '%s' is referred without to (whom it went to)",
		    q->id);
	if (q->to != NULL && q->referred == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "to"),
		    "complaint '%s' names to without referred (the day it "
		    "went)", q->id);
	if (q->result == FZ_CR_REFERRED && q->referred == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "result"),
		    "complaint '%s': result referred needs referred (the "
		    "day) and to", q->id);
	else if (q->result >= 0 && q->result != FZ_CR_REFERRED &&
	    q->verified == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "result"),
		    "complaint '%s' has a result without verified (the day "
		    "its 核查 ended)", q->id);
	if (q->verified != FZ_NODATE && q->result < 0)
		fz_check__report(c, FZ_WARNING, fz_check__at(r, "verified"),
		    "complaint '%s' is verified without a result", q->id);
}

static void
references(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;

	if (q->case_id != NULL)
		fz_check__refer(c, FZ_KIND_CASES, q->case_id,
		    fz_check__at(r, "case"));
	if (q->inspection != NULL)
		fz_check__refer(c, FZ_KIND_INSPECTIONS, q->inspection,
		    fz_check__at(r, "inspection"));
	/* A name is an unlicensed operator's, or one not yet known. */
	if (q->subject != NULL && fz_uscc_check(q->subject) >= 0)
		fz_check__refer(c, FZ_KIND_ENTITIES, q->subject,
		    fz_check__at(r, "subject"));
}

static void
check_complaint(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;
	fz_date from = is_date(q->accepted) ? q->accepted : q->received;
	char a[16], b[16];

	if (is_date(q->accepted) && q->accepted > c->o.as_of)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "accepted"),
		    "accepted %s is after the as-of date %s",
		    fz_check__day(q->accepted, a),
		    fz_check__day(c->o.as_of, b));
	if (is_date(q->accepted))
		fz_check__not_before(c, r, "accepted", q->accepted, "received",
		    q->received);
	fz_check__not_before(c, r, "referred", q->referred, "received",
	    q->received);
	fz_check__not_before(c, r, "verified", q->verified,
	    is_date(q->accepted) ? "accepted" : "received", from);
	fz_check__not_before(c, r, "replied", q->replied, "received",
	    q->received);
	if (q->accepted == FZ_FALSEDATE)
		refused(c, r);
	pairs(c, r);
	references(c, r);
}

/* ------------------------------------------------------------ clocks */

/* A clock of the complaint: its last day, FZ_NODATE when it does not
 * run (no clock set, or nothing to start it). */
struct clock {
	const fz_check_complaint_clock *rule;
	const char *from_key, *done_key, *name;
	fz_date from, done, by;
};

/* Acceptance runs from received and ends with the decision: accepted,
 * refused (no day written: taken as in time) or referred. */
static void
clocks_of(fz_check *c, const fz_check__rec *r, struct clock ck[3])
{
	const fz_complaint *q = r->data;
	const fz_check_complaint_rules *cr = &c->o.complaint_rules;
	fz_date decided = is_date(q->accepted) ? q->accepted : q->referred;
	fz_date told_from = q->verified != FZ_NODATE ? q->verified :
	    q->referred;

	ck[0] = (struct clock){ &cr->acceptance, "received",
	    is_date(q->accepted) || q->referred == FZ_NODATE ? "accepted" :
	    "referred", N_("accept"), q->received, decided, FZ_NODATE };
	if (q->accepted == FZ_FALSEDATE)
		ck[0].from = FZ_NODATE;
	ck[1] = (struct clock){ &cr->verification, "accepted", "verified",
	    N_("verify"), q->referred == FZ_NODATE && is_date(q->accepted) ?
	    q->accepted : FZ_NODATE, q->verified, FZ_NODATE };
	/* A refusal (no verification to tell of) and an anonymous report
	 * (no one to tell) run no reply clock. */
	ck[2] = (struct clock){ &cr->reply, q->verified != FZ_NODATE ?
	    "verified" : "referred", "replied", N_("reply to"), q->anonymous == 1 ||
	    q->accepted == FZ_FALSEDATE ? FZ_NODATE : told_from, q->replied,
	    FZ_NODATE };
	for (int i = 0; i < 3; i++)
		if (ck[i].rule->workdays > 0 && ck[i].from != FZ_NODATE)
			ck[i].by = fz_check__workdays_after(c, r, ck[i].from_key,
			    ck[i].from, ck[i].rule->workdays);
}

static void
complaint_rules(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;
	struct clock ck[3];
	char did[160], undone[160], since[400], a[16];

	clocks_of(c, r, ck);
	for (int i = 0; i < 3; i++) {
		if (ck[i].by == FZ_NODATE)
			continue;
		snprintf(did, sizeof did, _("complaint '%s' %s"), q->id,
		    ck[i].done_key);
		snprintf(undone, sizeof undone, _("complaint '%s' must %s%s"),
		    q->id, fz_gettext(ck[i].name),
		    i == 2 ? _(" the reporter") : "");
		snprintf(since, sizeof since, _("%d working day%s after %s %s "
		    "(%s)"), ck[i].rule->workdays, ck[i].rule->workdays == 1 ?
		    "" : "s", ck[i].from_key, fz_check__day(ck[i].from, a),
		    ck[i].rule->source);
		fz_check__clock(c, r, ck[i].done_key, ck[i].done,
		    ck[i].from_key, ck[i].by, did, undone, since);
	}
}

static void
complaint_due(fz_check *c, const fz_check__rec *r)
{
	const fz_complaint *q = r->data;
	struct clock ck[3];
	char what[64];

	clocks_of(c, r, ck);
	for (int i = 0; i < 3; i++) {
		if (ck[i].by == FZ_NODATE || ck[i].done != FZ_NODATE)
			continue;
		snprintf(what, sizeof what, "%s%s", fz_gettext(ck[i].name),
		    i == 2 ? _(" the reporter") : "");
		fz_check__due_of(c, r, ck[i].from_key, N_("complaint"), q->id,
		    ck[i].by, what, ck[i].rule->source);
	}
}

void
fz_check__complaint(fz_check *c, const fz_check__rec *r)
{
	check_complaint(c, r);
	if (c->o.rules)
		complaint_rules(c, r);
	if (c->o.due_within >= 0)
		complaint_due(c, r);
}
