/* tally_take.c - what fazhi-tally reads, taken one event at a time:
 * records of inspections and cases counted into a tally (an inspection
 * without category or town given them from the entity directory, a
 * record with a town its zone and grade from the towns, then the
 * --where filters), or with merge, tallies written with --mergeable
 * added up. */
#include <string.h>

#include "tally_int.h"

int
fz_tally_far_date(const fz_tally_reader *r, fz_date d, const char *key,
    const fz_node *at, fz_error *err)
{
	fz_date to = r->tally != NULL ? r->tally->to : FZ_NODATE;
	char day[16], as_of[16];

	if (d == FZ_NODATE || (to != FZ_NODATE && d <= to))
		return FZ_OK;		/* asked for */
	fz_date_format(d, day);
	if (to == FZ_NODATE &&
	    d > fz_date_make(FZ_TALLY_LAST_DATE_YEAR, 12, 31))
		return fz_error_set(err, FZ_DATAERR, at->file, at->line,
		    at->col, "%s %s is after %d: a row for every period up to "
		    "it would be written; --to %s takes it", key, day,
		    FZ_TALLY_LAST_DATE_YEAR, day);
	if (r->cli != NULL && r->as_of != FZ_NODATE &&
	    (long long)d - r->as_of > r->horizon)
		fz_cli_warn(r->cli, "warning: %s:%d:%d: %s %s is more than %lld "
		    "days after %s (--as-of, --horizon)", at->file, at->line,
		    at->col, key, day, r->horizon, fz_date_format(r->as_of,
		    as_of));
	return FZ_OK;
}

/* The dates of record rec that place it in periods, through
 * fz_tally_far_date. */
static int
far_dates(const fz_tally_reader *r, const fz_node *rec,
    const char *const *keys, const fz_date *dates, int n, fz_error *err)
{
	int rc = FZ_OK;

	for (int i = 0; i < n && rc == FZ_OK; i++)
		if (dates[i] != FZ_NODATE)
			rc = fz_tally_far_date(r, dates[i], keys[i],
			    fz_node_get(rec, keys[i]), err);
	return rc;
}

/* A complaint, counted in the period of received. */
static int
add_complaint(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	fz_complaint q;
	int rc;

	if ((rc = fz_record_decode(ev->kind, ev->node, &q, NULL, err)) != FZ_OK)
		return rc;
	if (!fz_where_match(r->where, ev->kind, ev->node))
		return FZ_OK;
	if ((rc = fz_tally_far_date(r, q.received, "received",
	    fz_node_get(ev->node, "received"), err)) != FZ_OK)
		return rc;
	return fz_tally_add_complaint(r->tally, &q, ev->node, err);
}

/* A document, counted in the period of issued. */
static int
add_document(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	fz_document d;
	int rc;

	if ((rc = fz_record_decode(ev->kind, ev->node, &d, NULL, err)) != FZ_OK)
		return rc;
	if (!fz_where_match(r->where, ev->kind, ev->node))
		return FZ_OK;
	if ((rc = fz_tally_far_date(r, d.issued, "issued",
	    fz_node_get(ev->node, "issued"), err)) != FZ_OK)
		return rc;
	return fz_tally_add_document(r->tally, &d, ev->node, err);
}

/* An activity, counted in the period of its date, or from. */
static int
add_activity(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	fz_activity a;
	int rc;

	if ((rc = fz_record_decode(ev->kind, ev->node, &a, NULL, err)) != FZ_OK)
		return rc;
	if (!fz_where_match(r->where, ev->kind, ev->node))
		return FZ_OK;
	if ((rc = far_dates(r, ev->node, (const char *const[]){ "date",
	    "from", "to" }, (const fz_date[]){ a.date, a.from, a.to }, 3,
	    err)) != FZ_OK)
		return rc;
	return fz_tally_add_activity(r->tally, &a, ev->node, err);
}

static int
add_record(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	static const char *const case_dates[] = { "filed", "closed",
		"decided", "hearing", "transferred", "reconsideration",
		"reconsideration", "litigation", "litigation" };
	static const char *const inspection_date[] = { "date" };
	fz_inspection in;
	fz_case c;
	int rc;

	if (ev->kind == FZ_KIND_COMPLAINTS)
		return add_complaint(r, ev, err);
	if (ev->kind == FZ_KIND_DOCUMENTS)
		return add_document(r, ev, err);
	if (ev->kind == FZ_KIND_ACTIVITIES)
		return add_activity(r, ev, err);
	if (ev->kind == FZ_KIND_INSPECTIONS) {
		if ((rc = fz_record_decode(ev->kind, ev->node, &in, NULL,
		    err)) != FZ_OK)
			return rc;
		if (r->dir != NULL && (rc = fz_directory_fill(r->dir, ev->arena,
		    ev->node, in.entity, &in.category, &in.town, err)) != FZ_OK)
			return rc;
		if (!fz_where_match(r->where, ev->kind, ev->node))
			return FZ_OK;
		if ((rc = far_dates(r, ev->node, inspection_date, &in.date, 1,
		    err)) != FZ_OK)
			return rc;
		fz_tally_add_inspection(r->tally, &in, ev->node);
		return FZ_OK;
	}
	if ((rc = fz_record_decode(ev->kind, ev->node, &c, NULL, err)) != FZ_OK)
		return rc;
	/* A case's entity is not looked up (its category and town are the
	 * case's own), but its town has a zone. */
	if (r->dir != NULL && (rc = fz_directory_fill(r->dir, ev->arena,
	    ev->node, NULL, &(const char *){ c.category }, &c.town, err)) !=
	    FZ_OK)
		return rc;
	if (!fz_where_match(r->where, ev->kind, ev->node))
		return FZ_OK;
	if ((rc = far_dates(r, ev->node, case_dates, (const fz_date[]){
	    c.filed, c.closed, c.decided, c.hearing, c.transferred,
	    c.reconsideration.applied, c.reconsideration.decided,
	    c.litigation.filed, c.litigation.judged }, 9, err)) != FZ_OK)
		return rc;
	return fz_tally_add_case(r->tally, &c, ev->node, err);
}

int
fz_tally_take(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	int is_tally = ev->kind == FZ_KIND_TALLY;
	int is_record = ev->kind == FZ_KIND_INSPECTIONS ||
	    ev->kind == FZ_KIND_CASES || ev->kind == FZ_KIND_COMPLAINTS ||
	    ev->kind == FZ_KIND_DOCUMENTS || ev->kind == FZ_KIND_ACTIVITIES;

	if (ev->type == FZ_EV_END)
		return r->merge && r->tally == NULL ? fz_error_set(err,
		    FZ_DATAERR, NULL, 0, 0, "--merge found no tally to merge")
		    : FZ_OK;
	if (r->merge ? !is_tally : !is_record)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, r->merge ? _("--merge reads tallies, not %s") :
		    _("fazhi-tally reads inspections, cases, complaints, "
		    "documents and activities, not %s"),
		    ev->kind_name);
	if (r->merge)
		return fz_tally_merge(&r->tally, ev->node, err);
	if (ev->type == FZ_EV_RECORD)
		return add_record(r, ev, err);
	return FZ_OK;
}
