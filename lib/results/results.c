/* results.c - a published draw joined to the random inspections of its
 * task: per drawn entity its inspections, whether the drawn team went,
 * in time; the inspections of entities the draw did not select; and the
 * results due for publication.  Only the inspections of the task are
 * kept, so memory grows with them and with the cases, not with the
 * inspection log. */
#include <stdlib.h>
#include <string.h>

#include "results_int.h"

fz_results *
fz_results_new(const fz_results_draw *d, const fz_results_opts *o)
{
	fz_results *r = fz_xcalloc(1, sizeof *r);

	r->d = d;
	r->o = *o;
	r->a = fz_arena_new();
	r->by_entity = fz_map_new();
	r->cases = fz_map_new();
	r->cal = o->calendar;
	if (r->cal == NULL)
		r->cal = r->own_cal = fz_calendar_new();
	for (size_t i = 0; i < d->nselections; i++) {
		const char *id = d->selections[i].entity;
		void **slot = fz_map_insert(r->by_entity, id, strlen(id), NULL,
		    NULL);
		if (*slot == NULL)
			*slot = &d->selections[i];
	}
	r->within = o->inspect_within_days >= 0 ? o->inspect_within_days :
	    d->inspect_within_days >= 0 ? d->inspect_within_days :
	    FZ_RESULTS_DEFAULT_DAYS;
	r->inspect_by = fz_calendar_add_workdays(r->cal, d->date,
	    (int)r->within);
	return r;
}

void
fz_results_free(fz_results *r)
{
	if (r == NULL)
		return;
	fz_results__forget(r);
	free(r->visits);
	fz_calendar_free(r->own_cal);
	fz_map_free(r->by_entity);
	fz_map_free(r->cases);
	fz_arena_free(r->a);
	free(r);
}

static const char *
copy(fz_results *r, const char *s)
{
	return s != NULL ? fz_arena_strdup(r->a, s) : NULL;
}

void
fz_results_add_inspection(fz_results *r, const fz_inspection *in)
{
	const fz_node *ids = in->inspectors;
	fz_results_visit *v;

	if (in->type != FZ_VISIT_RANDOM || in->task == NULL ||
	    strcmp(in->task, r->d->task) != 0 || in->date < r->d->date ||
	    in->date > r->o.as_of)
		return;
	v = fz_arena_alloc(r->a, sizeof *v);
	memset(v, 0, sizeof *v);
	v->date = in->date;
	v->published = in->published;
	v->entity = copy(r, in->entity);
	v->category = copy(r, in->category);
	v->town = copy(r, in->town);
	v->result = in->result;
	v->outcome = in->outcome;
	v->followup_closed = in->followup_closed;
	v->case_id = copy(r, in->case_id);
	v->ninspectors = ids != NULL && ids->type == FZ_SEQ ? ids->n : 0;
	v->inspectors = fz_arena_alloc(r->a, (v->ninspectors + 1) *
	    sizeof *v->inspectors);
	for (size_t i = 0; i < v->ninspectors; i++)
		v->inspectors[i] = copy(r, ids->kids[i]->str);
	v->order = r->nvisits;
	v->selection = SIZE_MAX;
	if (r->nvisits == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->visits = fz_xrealloc(r->visits, r->cap * sizeof *r->visits);
	}
	r->visits[r->nvisits++] = v;
	r->finished = 0;
}

int
fz_results_add_case(fz_results *r, const fz_case *c, const fz_node *at,
    fz_error *err)
{
	void **slot = fz_map_insert(r->cases, c->id, strlen(c->id), NULL,
	    NULL);
	fz_case *k;

	r->have_cases = 1;
	if (*slot != NULL)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0, "case '%s' is given "
		    "twice", c->id);
	k = fz_arena_alloc(r->a, sizeof *k);
	*k = *c;
	k->id = copy(r, c->id);
	k->category = k->town = k->entity = k->cause = NULL;
	*slot = k;
	r->finished = 0;
	return FZ_OK;
}

void
fz_results_set_organization(fz_results *r, const char *name)
{
	r->organization = copy(r, name);
}

/* The organization document: one, decoded as FORMATS.md has it. */
static int
take_organization(fz_results *r, const fz_event *ev, fz_error *err)
{
	fz_organization org;
	char at[256];
	int rc;

	if (r->organization != NULL)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "a second organization document (the first "
		    "is at %s): give one", r->organization_at);
	if ((rc = fz_organization_decode(ev->node, &org, NULL, err)) != FZ_OK)
		return rc;
	fz_results_set_organization(r, org.name);
	r->organization_at = copy(r, fz_pos_format(at, sizeof at,
	    ev->file != NULL ? ev->file : "", ev->doc_line, ev->doc_col));
	return FZ_OK;
}

int
fz_results_take(fz_results *r, const fz_event *ev, fz_error *err)
{
	enum fz_kind k = ev->kind;
	fz_inspection in;
	fz_case c;
	int rc;

	if (ev->type == FZ_EV_END)
		return FZ_OK;
	if (k == FZ_KIND_ORGANIZATION)
		return ev->type == FZ_EV_DOC ? take_organization(r, ev, err) :
		    FZ_OK;
	if (k != FZ_KIND_INSPECTIONS && k != FZ_KIND_CASES)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "expected inspections, cases or an "
		    "organization, not %s",
		    ev->kind_name != NULL ? ev->kind_name :
		    "a document without kind");
	if (k == FZ_KIND_CASES && !r->have_cases)
		r->have_cases = 1, r->finished = 0;
	if (ev->type != FZ_EV_RECORD)
		return FZ_OK;
	if (k == FZ_KIND_CASES) {
		r->ncases++;
		if ((rc = fz_record_decode(k, ev->node, &c, NULL, err)) != FZ_OK)
			return rc;
		return fz_results_add_case(r, &c, fz_node_get(ev->node, "id"),
		    err);
	}
	r->ninspections++;
	if ((rc = fz_record_decode(k, ev->node, &in, NULL, err)) != FZ_OK)
		return rc;
	fz_results_add_inspection(r, &in);
	return FZ_OK;
}

long long
fz_results_within(const fz_results *r)
{
	return r->within;
}

fz_date
fz_results_inspect_by(const fz_results *r)
{
	return r->inspect_by;
}
