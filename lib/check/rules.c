/* rules.c - the checks of fazhi-check over the records kept: references
 * among the files given together, the sanity of dates and figures, and
 * with --rules the enforcement rules the bureau answers for: two
 * inspectors (行政处罚法 art. 42), 回避 (art. 43), the two and five years
 * (art. 36), the simple procedure (art. 51), collection on the spot and
 * its handing in (art. 68, 71), preserved evidence (art. 56), the
 * collective discussion (art. 57), legal review before the decision
 * (art. 58), the 90-day limit (art. 60), service (art. 61), notice
 * before the decision (art. 44, 62) and publication within 7 working
 * days (国办发〔2018〕118号); working days counted as art. 85 says.
 * A record is checked when it is read; what it refers to and is not yet
 * known is settled at the end (fz_check__run), as are the matters' parents. */
#include <string.h>

#include "check_int.h"

#define UNFOUND_YEARS 2		/* art. 36 */
#define UNFOUND_YEARS_HARM 5	/* art. 36: life, health, financial safety */
#define SIMPLE_FINE_PERSON 20000	/* art. 51: 200 yuan, in fen */
#define SIMPLE_FINE_ORGANIZATION 300000	/* art. 51: 3000 yuan */
#define ON_SPOT_FINE 10000	/* art. 68 (一): 100 yuan */
#define HAND_IN_WORKDAYS 2	/* art. 71 */
#define EVIDENCE_WORKDAYS 7	/* art. 56 */

static size_t
distinct_items(const fz_node *list)
{
	size_t n = 0;

	for (size_t i = 0; list != NULL && i < list->n; i++) {
		size_t j = 0;
		while (j < i && strcmp(list->kids[j]->str, list->kids[i]->str))
			j++;
		n += j == i;
	}
	return n;
}

/* ------------------------------------------------------------ every kind */

/* Dates that bound a span of validity rather than tell of something
 * done: a certificate's last day, a credit class's first and last, which
 * are often ahead. */
static int
bound_of_span(enum fz_kind k, const char *key)
{
	return (k == FZ_KIND_INSPECTORS && strcmp(key, "cert_expires") == 0) ||
	    k == FZ_KIND_CREDIT || (k == FZ_KIND_DOCUMENTS &&
	    (strcmp(key, "valid_until") == 0 ||
	    strcmp(key, "exception_until") == 0));
}

static void
dates_after_as_of(fz_check *c, enum fz_kind k, const fz_check__rec *r)
{
	char a[16], b[16];

	for (const fz_field *f = fz_kind_fields(k); f->key != NULL; f++) {
		fz_date d;
		if (f->type != FZ_T_DATE || bound_of_span(k, f->key))
			continue;
		d = *(const fz_date *)((const char *)r->data + f->offset);
		if (d != FZ_NODATE && d > c->o.as_of)
			fz_check__report(c, FZ_ERROR, fz_check__at(r, f->key), "%s %s is "
			    "after the as-of date %s", f->key, fz_check__day(d, a),
			    fz_check__day(c->o.as_of, b));
	}
}

/* A date that must not come before an earlier one. */
static void
not_before(fz_check *c, const fz_check__rec *r, const char *key, fz_date d,
    const char *key0, fz_date d0)
{
	char a[16], b[16];

	if (d != FZ_NODATE && d0 != FZ_NODATE && d < d0)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, key), "%s %s is before %s %s",
		    key, fz_check__day(d, a), key0, fz_check__day(d0, b));
}

void
fz_check__not_before(fz_check *c, const fz_check__rec *r, const char *key,
    fz_date d, const char *key0, fz_date d0)
{
	not_before(c, r, key, d, key0, d0);
}

static void
check_entity(fz_check *c, const fz_check__rec *r)
{
	const fz_entity *e = r->data;

	fz_check__name_seen(c, FZ_CHECK__CATEGORY, e->category);
	if (fz_uscc_check(e->id) == 0)
		fz_check__report(c, FZ_WARNING, fz_check__at(r, "id"), "统一社会信用代码 "
		    "'%s' has a wrong check character (GB 32100)", e->id);
}

/* ------------------------------------------------------------ references */

static const char *const not_found[FZ_KIND_COUNT] = {
	[FZ_KIND_ENTITIES] = N_("entity '%s' is not in the entity directory"),
	[FZ_KIND_INSPECTORS] = N_("inspector '%s' is not in the inspector roster"),
	[FZ_KIND_CASES] = N_("case '%s' is not among the cases"),
	[FZ_KIND_MATTERS] = N_("matter '%s' is not in the matter catalogue"),
	[FZ_KIND_INSPECTIONS] = N_("inspection '%s' is no outing of "
	    "the inspections"),
	[FZ_KIND_ITEMS] = N_("item '%s' is not in the item list"),
};

/* An inspector on the roster at an inspection of entity on a date:
 * 回避 (行政处罚法 art. 43), and a certificate valid that day (art. 42:
 * 具有行政执法资格). */
static void
check_inspector(fz_check *c, const fz_check__id *who, const char *inspector,
    const char *entity, fz_date on, fz_check__pos at)
{
	char a[16], b[16];

	for (size_t i = 0; i < who->navoid; i++)
		if (strcmp(who->avoid[i], entity) == 0)
			fz_check__report_pos(c, FZ_ERROR, at, "inspector '%s' must "
			    "avoid entity '%s' (回避, 行政处罚法 art. 43)",
			    inspector, entity);
	if (who->cert_expires != FZ_NODATE && on != FZ_NODATE &&
	    on > who->cert_expires)
		fz_check__report_pos(c, FZ_ERROR, at, "inspector '%s' holds "
		    "no valid 执法证 on %s: it expired on %s (行政处罚法 "
		    "art. 42)", inspector, fz_check__day(on, a),
		    fz_check__day(who->cert_expires, b));
}

/* An entity an inspection banned is known: an unlicensed operator has
 * no entry in the directory. */
static int
banned(const fz_check *c, const char *id)
{
	return fz_map_find(c->banned, id, strlen(id)) != NULL;
}

/* A reference from node at to id of kind k: settled now when the id is
 * known, else kept for the end, when its directory may have come.  An
 * inspector's, with --rules, names the entity inspected and the day. */
static void
refer_on(fz_check *c, enum fz_kind k, const char *id, const fz_node *at,
    const char *avoid_entity, fz_date on, int banned_ok)
{
	const fz_check__id *found = fz_check__find(c, k, id);
	fz_check__ref ref;

	if (found != NULL) {
		if (avoid_entity != NULL)
			check_inspector(c, found, id, avoid_entity, on,
			    fz_check__pos_of(c, at));
		return;
	}
	if (banned_ok && banned(c, id))
		return;
	ref = (fz_check__ref){ k, fz_check__intern(c, id), avoid_entity ?
	    fz_check__intern(c, avoid_entity) : NULL, banned_ok, on,
	    fz_check__pos_of(c, at) };
	fz_check__ref_add(c, &ref);
}

static void
refer(fz_check *c, enum fz_kind k, const char *id, const fz_node *at,
    const char *avoid_entity, int banned_ok)
{
	refer_on(c, k, id, at, avoid_entity, FZ_NODATE, banned_ok);
}

void
fz_check__refer(fz_check *c, enum fz_kind k, const char *id,
    const fz_node *at)
{
	refer(c, k, id, at, NULL, k == FZ_KIND_ENTITIES);
}

/* The references kept: reported only when some document of their kind
 * was given. */
static void
settle_refs(fz_check *c)
{
	for (size_t i = 0; i < c->nrefs; i++) {
		const fz_check__ref *ref = &c->refs[i];
		const fz_check__id *found = fz_check__find(c, ref->kind, ref->id);
		if (found != NULL && ref->avoid_entity != NULL)
			check_inspector(c, found, ref->id, ref->avoid_entity,
			    ref->on, ref->at);
		if (found != NULL || !c->seen[ref->kind] ||
		    (ref->banned_ok && banned(c, ref->id)))
			continue;
		fz_check__report_pos(c, FZ_ERROR, ref->at, not_found[ref->kind],
		    ref->id);
	}
}

/* ------------------------------------------------------------ inspections */

static void
check_inspection(fz_check *c, const fz_check__rec *r)
{
	const fz_inspection *v = r->data;
	const fz_node *list = v->inspectors;
	size_t n = distinct_items(list);
	int added;

	if (v->result == FZ_RESULT_BANNED)
		fz_map_insert(c->banned, v->entity, strlen(v->entity), &added,
		    NULL);
	else
		refer(c, FZ_KIND_ENTITIES, v->entity, fz_check__at(r, "entity"),
		    NULL, 0);
	if (v->case_id != NULL)
		refer(c, FZ_KIND_CASES, v->case_id, fz_check__at(r, "case"), NULL, 0);
	not_before(c, r, "published", v->published, "date", v->date);
	/* The towns' grid staff are not in the enforcement roster, and
	 * their logs are not the bureau's inspections. */
	if (v->reported_by == FZ_REPORTED_TOWN)
		return;
	for (size_t i = 0; list != NULL && i < list->n; i++)
		refer_on(c, FZ_KIND_INSPECTORS, list->kids[i]->str,
		    list->kids[i], c->o.rules ? v->entity : NULL, v->date, 0);
	if (c->o.rules && n < 2)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "inspectors"), "%zu "
		    "inspector%s: an inspection needs at least two "
		    "(行政处罚法 art. 42)", n, n == 1 ? "" : "s");
}

/* ------------------------------------------------------------ cases */

/* The 7th working day after the decision. */
static fz_date
publish_by(fz_check *c, const fz_check__rec *r, fz_date decided)
{
	return fz_check__workdays_after(c, r, "decided", decided,
	    FZ_CASES_PUBLISH_WORKDAYS);
}

/* The last day of a period of years from d (art. 36): the same day
 * years later, or the end of February for the 29th. */
static fz_date
years_after(fz_date d, int years)
{
	int y, m, dd;

	fz_date_split(d, &y, &m, &dd);
	y += years;
	if (!fz_date_valid(y, m, dd))
		dd = 28;
	return fz_date_make(y, m, dd);
}

/* The date the violation was found: the filing date when not given. */
static fz_date
found_on(const fz_case *k)
{
	return k->found != FZ_NODATE ? k->found : k->filed;
}

static void
case_sanity(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	if (k->entity != NULL)
		refer(c, FZ_KIND_ENTITIES, k->entity, fz_check__at(r, "entity"), NULL,
		    1);
	not_before(c, r, "closed", k->closed, "filed", k->filed);
	not_before(c, r, "decided", k->decided, "filed", k->filed);
	not_before(c, r, "published", k->published, "decided", k->decided);
	not_before(c, r, "found", k->found, "violation_date",
	    k->violation_date);
	not_before(c, r, "served", k->served, "decided", k->decided);
	not_before(c, r, "evidence_decided", k->evidence_decided,
	    "evidence_preserved", k->evidence_preserved);
	if (k->collected_on_spot != FZ_NOMONEY)
		not_before(c, r, "handed_in", k->handed_in, "decided",
		    k->decided);
	not_before(c, r, "hearing_requested", k->hearing_requested,
	    "notified", k->notified);
	not_before(c, r, "hearing", k->hearing, "hearing_notice",
	    k->hearing_notice);
	not_before(c, r, "paid", k->paid, "decided", k->decided);
	not_before(c, r, "unpublished", k->unpublished, "published",
	    k->published);
	not_before(c, r, "decision_revoked", k->decision_revoked, "decided",
	    k->decided);
	fz_check__case_appeals(c, r);
}

static void
case_time_limit(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_date limit = fz_cases_decision_limit(k);
	fz_date end = k->decided != FZ_NODATE ? k->decided : k->closed;
	char a[16], ext[48] = "";

	if (k->extended_days > 0)
		snprintf(ext, sizeof ext, _(" plus %lld days of extension"),
		    k->extended_days);
	if (end != FZ_NODATE && end > limit)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, k->decided != FZ_NODATE ?
		    "decided" : "closed"), "%s %d days after filing, past the "
		    "limit of %d days%s (行政处罚法 art. 60)",
		    k->decided != FZ_NODATE ? "decided" : "closed",
		    end - k->filed, FZ_CASES_LIMIT_DAYS, ext);
	else if (end == FZ_NODATE && c->o.as_of > limit)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "filed"), "case '%s' is not "
		    "decided by %s, %d days after filing%s (行政处罚法 art. 60)",
		    k->id, fz_check__day(limit, a), FZ_CASES_LIMIT_DAYS, ext);
}

/* 行政处罚法 art. 36: found within two years of the violation, five when
 * it harmed life, health or financial safety. */
static void
case_unfound(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	int years = k->serious_harm == 1 ? UNFOUND_YEARS_HARM : UNFOUND_YEARS;
	fz_date found = found_on(k);
	char a[16], b[16];

	if (k->violation_date == FZ_NODATE) {
		fz_check__not_applicable(c, "no violation_date");
		return;
	}
	if (found <= years_after(k->violation_date, years))
		return;
	fz_check__report(c, FZ_ERROR, fz_check__at(r, k->found != FZ_NODATE ?
	    "found" : "filed"), "found %s, more than %d years after the "
	    "violation of %s: no penalty may be given (行政处罚法 art. 36)",
	    fz_check__day(found, a), years, fz_check__day(k->violation_date, b));
}

/* 行政处罚法 art. 51: on the spot, only a warning, or a fine of at most
 * 200 yuan for a person, 3000 for an organization. */
static void
case_simple(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	const fz_enum_value *words = fz_field_find(FZ_KIND_CASES,
	    "penalty")->values;
	unsigned other = k->penalty & ~((1u << FZ_PENALTY_WARNING) |
	    (1u << FZ_PENALTY_FINE) | (1u << FZ_PENALTY_NONE));
	int person = k->party == FZ_PARTY_PERSON;
	int64_t most = person ? SIMPLE_FINE_PERSON : SIMPLE_FINE_ORGANIZATION;
	char a[32], b[32];

	if (k->procedure != FZ_PROCEDURE_SIMPLE) {
		fz_check__not_applicable(c, "general procedure");
		return;
	}
	for (int i = 0; other != 0 && words[i].value != NULL; i++)
		if (other & (1u << i))
			fz_check__report(c, FZ_ERROR, fz_check__at(r, "penalty"),
			    "%s in the simple procedure: only a warning or a "
			    "small fine may be decided on the spot (行政处罚法 "
			    "art. 51)", words[i].value);
	if (k->fine != FZ_NOMONEY && k->fine > most)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "fine"), "a fine of "
		    "%s yuan in the simple procedure: above %s yuan for %s "
		    "(行政处罚法 art. 51)", fz_money_format(k->fine, a),
		    fz_money_format(most, b), person ? _("a person") :
		    _("an organization"));
}

/* 行政处罚法 art. 68: a fine collected on the spot, of a decision made on
 * the spot, of at most 100 yuan; art. 71: handed in to the bureau within
 * 2 working days of its collection, the day of the decision. */
static void
case_on_spot(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_date by;
	char a[32], b[32];

	if (k->collected_on_spot == FZ_NOMONEY) {
		fz_check__not_applicable(c, "nothing collected on the spot");
		return;
	}
	if (k->procedure != FZ_PROCEDURE_SIMPLE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "collected_on_spot"),
		    "a fine collected on the spot in the general procedure: "
		    "only a decision made on the spot may be (行政处罚法 "
		    "art. 68)");
	else if (k->collected_on_spot > ON_SPOT_FINE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "collected_on_spot"),
		    "%s yuan collected on the spot: above %s yuan (行政处罚法 "
		    "art. 68)", fz_money_format(k->collected_on_spot, a),
		    fz_money_format(ON_SPOT_FINE, b));
	if (k->decided == FZ_NODATE)
		return;
	by = fz_check__workdays_after(c, r, "collected_on_spot", k->decided,
	    HAND_IN_WORKDAYS);
	fz_check__clock(c, r, "handed_in", k->handed_in, "collected_on_spot", by,
	    N_("handed in"), N_("not handed in"), N_("the 2nd working day "
	    "after the collection (行政处罚法 art. 71)"));
}

/* 行政处罚法 art. 56: evidence registered and preserved is decided on
 * within 7 working days. */
static void
case_evidence(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_date by;

	if (k->evidence_preserved == FZ_NODATE) {
		fz_check__not_applicable(c, "no evidence preserved");
		return;
	}
	by = fz_check__workdays_after(c, r, "evidence_preserved", k->evidence_preserved,
	    EVIDENCE_WORKDAYS);
	fz_check__clock(c, r, "evidence_decided", k->evidence_decided,
	    "evidence_preserved", by, N_("the preserved evidence decided on"),
	    N_("the preserved evidence not decided on"), N_("the 7th working "
	    "day after its preservation (行政处罚法 art. 56)"));
}

/* 行政处罚法 art. 44, 62: in the general procedure, the party is told of
 * the intended penalty and of their rights before the decision, unless
 * they gave up statement and defence. */
static void
case_notified(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	char a[16], b[16];

	if (k->procedure != FZ_PROCEDURE_GENERAL || k->statement_waived == 1) {
		fz_check__not_applicable(c, k->statement_waived == 1 ?
		    "statement and defence waived" : "simple procedure");
		return;
	}
	if (k->notified == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"), "decided "
		    "without telling the party first (告知, 行政处罚法 art. 44, "
		    "62)");
	else if (k->notified >= k->decided)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "notified"), "the "
		    "party told %s, not before the decision %s (告知, 行政处罚法 "
		    "art. 44, 62)", fz_check__day(k->notified, a), fz_check__day(k->decided, b));
}

/* 行政处罚法 art. 57: a major case is decided by the leaders' collective
 * discussion. */
static void
case_collective(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	char a[16], b[16];

	if (k->major != 1) {
		fz_check__not_applicable(c, "not a major case");
		return;
	}
	if (k->collective == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "decided"), "a major "
		    "case decided without the leaders' collective discussion "
		    "(集体讨论, 行政处罚法 art. 57)");
	else if (k->collective > k->decided)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "collective"), "the "
		    "collective discussion %s after the decision %s (行政处罚法 "
		    "art. 57)", fz_check__day(k->collective, a), fz_check__day(k->decided, b));
}

/* 行政处罚法 art. 61: a decision not handed over on the spot is served
 * within 7 working days. */
static fz_date
serve_by(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	return fz_check__workdays_after(c, r, "decided", k->decided,
	    FZ_CASES_SERVE_WORKDAYS);
}

static void
case_served(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	if (fz_cases_on_spot(k)) {
		fz_check__not_applicable(c, "handed over on the spot");
		return;
	}
	fz_check__clock(c, r, "served", k->served, "decided", serve_by(c, r),
	    N_("served"), N_("not served"), N_("the 7th working day after "
	    "the decision (行政处罚法 art. 61)"));
}

static void
case_published(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	fz_check__clock(c, r, "published", k->published, "decided",
	    publish_by(c, r, k->decided), N_("published"), N_("not published"),
	    N_("the 7th working day after the decision (国办发〔2018〕118号)"));
}

/* The rules of a decision, in the order of the casefile. */
static const fz_check__case_rule decision_rules[] = {
	{ "notified", "行政处罚法 art. 44, 62", case_notified },
	{ "collective", "行政处罚法 art. 57", case_collective },
	{ "published", "国办发〔2018〕118号", case_published },
	{ "served", "行政处罚法 art. 61", case_served },
};

static void
case_rules(fz_check *c, const fz_check__rec *r)
{
	size_t n = sizeof decision_rules / sizeof decision_rules[0];

	fz_check__sheet_begin(c, r);
	fz_check__rule(c, r, "found", "行政处罚法 art. 36", case_unfound);
	fz_check__rule(c, r, "simple", "行政处罚法 art. 51", case_simple);
	fz_check__rule(c, r, "on_spot", "行政处罚法 art. 68, 71", case_on_spot);
	fz_check__rule(c, r, "evidence", "行政处罚法 art. 56", case_evidence);
	fz_check__rule(c, r, "time_limit", "行政处罚法 art. 60",
	    case_time_limit);
	fz_check__case_procedure(c, r);
	fz_check__decision_rules(c, r, decision_rules, n);
}

/* --due-within: what falls due between as_of and as_of + days. */
static void
case_due(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;

	if (k->decided == FZ_NODATE && k->closed == FZ_NODATE)
		fz_check__due(c, r, "filed", fz_cases_decision_limit(k), N_("be decided"),
		    "行政处罚法 art. 60");
	else if (k->decided != FZ_NODATE && k->published == FZ_NODATE)
		fz_check__due(c, r, "decided", publish_by(c, r, k->decided),
		    N_("be published"), "国办发〔2018〕118号");
	if (k->decided != FZ_NODATE && k->served == FZ_NODATE &&
	    !fz_cases_on_spot(k))
		fz_check__due(c, r, "decided", serve_by(c, r), N_("be served"),
		    "行政处罚法 art. 61");
	if (k->evidence_preserved != FZ_NODATE &&
	    k->evidence_decided == FZ_NODATE)
		fz_check__due(c, r, "evidence_preserved", fz_check__workdays_after(c, r,
		    "evidence_preserved", k->evidence_preserved,
		    EVIDENCE_WORKDAYS), N_("decide on the preserved evidence"),
		    "行政处罚法 art. 56");
	if (k->collected_on_spot != FZ_NOMONEY && k->decided != FZ_NODATE &&
	    k->handed_in == FZ_NODATE)
		fz_check__due(c, r, "collected_on_spot", fz_check__workdays_after(c, r,
		    "collected_on_spot", k->decided, HAND_IN_WORKDAYS),
		    N_("hand in the fine collected on the spot"),
		    "行政处罚法 art. 71");
	fz_check__case_procedure_due(c, r);
}

/* ------------------------------------------------------------ matters */

static const char *const a_level[] = { "an item", "a sub", "a leaf" };

static const fz_check__matter *
matter_of(const fz_check *c, const char *code)
{
	const fz_check__id *id = fz_check__find(c, FZ_KIND_MATTERS, code);

	return id != NULL && id->matter >= 0 ? &c->matters[id->matter] : NULL;
}

/* A parent one level up, in the catalogue, and no loop of parents. */
static void
matter_parent(fz_check *c, const fz_check__matter *m)
{
	const fz_check__matter *p;
	size_t steps = 0;

	if (m->level == FZ_LEVEL_ITEM) {
		if (m->parent != NULL)
			fz_check__report_pos(c, FZ_ERROR, m->parent_at, "an item has "
			    "no parent");
		return;
	}
	if (m->parent == NULL) {
		fz_check__report_pos(c, FZ_ERROR, m->at, "%s matter needs a parent",
		    a_level[m->level]);
		return;
	}
	if (fz_check__find(c, FZ_KIND_MATTERS, m->parent) == NULL) {
		fz_check__report_pos(c, FZ_ERROR, m->parent_at, "parent '%s' is not "
		    "in the matter catalogue", m->parent);
		return;
	}
	if ((p = matter_of(c, m->parent)) != NULL && p->level != m->level - 1)
		fz_check__report_pos(c, FZ_ERROR, m->parent_at, "the parent of %s "
		    "must be %s; '%s' is %s", a_level[m->level],
		    a_level[m->level - 1], m->parent, a_level[p->level]);
	/* A loop needs wrong levels too, but say what it is. */
	for (p = m; p != NULL && p->parent != NULL && steps <= c->nmatters;
	    steps++) {
		p = matter_of(c, p->parent);
		if (p != NULL && strcmp(p->code, m->code) == 0) {
			fz_check__report_pos(c, FZ_ERROR, m->parent_at, "the parents "
			    "of '%s' lead back to it", m->code);
			break;
		}
	}
}

/* A matter is kept for its parent chain, checked at the end. */
static void
check_matter(fz_check *c, const fz_check__rec *r)
{
	const fz_matter *m = r->data;
	fz_check__matter kept = { fz_check__intern(c, m->code), m->parent ?
	    fz_check__intern(c, m->parent) : NULL, m->level, fz_check__pos_of(c, r->at),
	    fz_check__pos_of(c, fz_check__at(r, "parent")) };

	fz_check__matter_add(c, &kept);
	if (m->promised_days != FZ_NOINT && m->statutory_days != FZ_NOINT &&
	    m->promised_days > m->statutory_days)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "promised_days"),
		    "promised_days %lld is above statutory_days %lld",
		    m->promised_days, m->statutory_days);
}

static void
check_application(fz_check *c, const fz_check__rec *r)
{
	const fz_application *a = r->data;

	refer(c, FZ_KIND_MATTERS, a->matter, fz_check__at(r, "matter"), NULL, 0);
	not_before(c, r, "completed", a->completed, "received", a->received);
}

/* ------------------------------------------------------------ credit */

/* The span of days a credit record holds, kept per entity. */
struct credit_span {
	fz_date from, until;		/* until FZ_NODATE: open */
	fz_check__pos at;
	struct credit_span *next;
};

/* The first day two spans both hold, or FZ_NODATE when none. */
static fz_date
overlap(const struct credit_span *a, const struct credit_span *b)
{
	fz_date from = a->from > b->from ? a->from : b->from;

	if ((a->until != FZ_NODATE && a->until < from) ||
	    (b->until != FZ_NODATE && b->until < from))
		return FZ_NODATE;
	return from;
}

/* An entity of the directory; until not before from; no two records of
 * one entity valid on one day (DRAW.md: a draw on that day refuses
 * them). */
static void
check_credit(fz_check *c, const fz_check__rec *r)
{
	const fz_credit *cr = r->data;
	struct credit_span *s = fz_arena_alloc(c->arena, sizeof *s);
	void **slot;
	int added;
	char a[16];

	refer(c, FZ_KIND_ENTITIES, cr->entity, fz_check__at(r, "entity"), NULL,
	    0);
	fz_check__name_seen(c, FZ_CHECK__CLASS, cr->klass);
	not_before(c, r, "until", cr->until, "from", cr->from);
	if (cr->until != FZ_NODATE && cr->until < cr->from)
		return;		/* holds on no day */
	*s = (struct credit_span){ cr->from, cr->until,
	    fz_check__pos_of(c, r->at), NULL };
	slot = fz_map_insert(c->credit, cr->entity, strlen(cr->entity), &added,
	    NULL);
	for (const struct credit_span *o = added ? NULL : *slot; o != NULL;
	    o = o->next) {
		fz_date d = overlap(s, o);

		if (d != FZ_NODATE) {
			fz_check__report(c, FZ_ERROR, r->at, "credit of entity "
			    "'%s' overlaps the record at %s:%u:%u: both hold on "
			    "%s, and an entity has one class on a day",
			    cr->entity, o->at.file, o->at.line, o->at.col,
			    fz_check__day(d, a));
			break;
		}
	}
	s->next = added ? NULL : *slot;
	*slot = s;
}

/* ------------------------------------------------------------ towns */

/* A zone's 中队长 is an officer of the roster. */
static void
check_town(fz_check *c, const fz_check__rec *r)
{
	const fz_town *t = r->data;

	if (t->leader != NULL)
		refer(c, FZ_KIND_INSPECTORS, t->leader, fz_check__at(r, "leader"),
		    NULL, 0);
}

/* ------------------------------------------------------------ all */

void
fz_check__record(fz_check *c, enum fz_kind k, const fz_check__rec *r)
{
	dates_after_as_of(c, k, r);
	switch (k) {
	case FZ_KIND_ENTITIES:
		check_entity(c, r);
		break;
	case FZ_KIND_INSPECTIONS:
		check_inspection(c, r);
		fz_check__inspection_record(c, r);
		break;
	case FZ_KIND_CASES:
		case_sanity(c, r);
		if (c->o.rules)
			case_rules(c, r);
		if (c->o.due_within >= 0)
			case_due(c, r);
		break;
	case FZ_KIND_MATTERS:
		check_matter(c, r);
		break;
	case FZ_KIND_APPLICATIONS:
		check_application(c, r);
		break;
	case FZ_KIND_CREDIT:
		check_credit(c, r);
		break;
	case FZ_KIND_TOWNS:
		check_town(c, r);
		break;
	case FZ_KIND_ITEMS:
		fz_check__item(c, r);
		break;
	default:
		break;
	}
}

void
fz_check__run(fz_check *c)
{
	settle_refs(c);
	fz_check__items_settle(c);
	fz_check__reviewers(c);
	for (size_t i = 0; i < c->nmatters; i++)
		matter_parent(c, &c->matters[i]);
}
