/* coverage.c - the year's coverage of the item list (一单): the items,
 * the directory, the credit classes, the plans' caps, the draws of the
 * year and the inspections read and kept (copied), so that the inputs
 * may come in any order and files; what the year reached is counted by
 * fz_results_coverage_finish (coverage_join.c). */
#include <stdlib.h>
#include <string.h>

#include "results_int.h"

fz_results_coverage *
fz_results_coverage_new(int year)
{
	fz_results_coverage *cv = fz_xcalloc(1, sizeof *cv);

	cv->year = year;
	cv->first = fz_date_make(year, 1, 1);
	cv->last = fz_date_make(year, 12, 31);
	cv->a = fz_arena_new();
	cv->entities = fz_map_new();
	cv->item_codes = fz_map_new();
	cv->checks = fz_map_new();
	return cv;
}

void
fz_results_coverage_free(fz_results_coverage *cv)
{
	if (cv == NULL)
		return;
	free(cv->items);
	free(cv->draws);
	free(cv->visits);
	free(cv->over);
	fz_map_free(cv->entities);
	fz_map_free(cv->item_codes);
	fz_map_free(cv->checks);
	fz_arena_free(cv->a);
	free(cv);
}

static const char *
copy(fz_results_coverage *cv, const char *s)
{
	return s != NULL ? fz_arena_strdup(cv->a, s) : NULL;
}

static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? 2 * *cap : 16;
	return fz_xrealloc(v, *cap * size);
}

static int
at_error(fz_error *err, const fz_node *at, const char *fmt, const char *s)
{
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col, fmt,
	    s);
}

static int
take_item(fz_results_coverage *cv, fz_node *rec, fz_error *err)
{
	fz_results__cov_item *ci = fz_arena_alloc(cv->a, sizeof *ci);
	const fz_node *ratio;
	void **slot;
	int rc, added;

	memset(ci, 0, sizeof *ci);
	if ((rc = fz_record_decode(FZ_KIND_ITEMS, rec, &ci->it, NULL, err)) !=
	    FZ_OK)
		return rc;
	if (ci->it.ratio.den == 0 && ci->it.ratios == NULL)
		return at_error(err, rec, "item '%s' has neither ratio nor "
		    "ratios", ci->it.code);
	slot = fz_map_insert(cv->item_codes, ci->it.code, strlen(ci->it.code),
	    &added, NULL);
	if (!added)
		return at_error(err, fz_node_get(rec, "code"), "item '%s' is "
		    "given twice", ci->it.code);
	*slot = ci;
	ci->file = copy(cv, rec->file);
	ci->line = rec->line;
	ci->col = rec->col;
	ci->it.code = copy(cv, ci->it.code);
	ci->it.name = copy(cv, ci->it.name);
	ci->it.basis = copy(cv, ci->it.basis);
	ci->it.method = copy(cv, ci->it.method);
	ci->it.department = copy(cv, ci->it.department);
	ci->it.categories = fz_node_copy(cv->a, ci->it.categories);
	ci->it.with = ci->it.with ? fz_node_copy(cv->a, ci->it.with) : NULL;
	ci->it.ratios = ci->it.ratios ? fz_node_copy(cv->a, ci->it.ratios) :
	    NULL;
	if ((ratio = fz_node_get(rec, "ratio")) != NULL && ci->it.ratio.den)
		ci->ratio_text = copy(cv, ratio->str);
	cv->items = grow(cv->items, &cv->capitems, cv->nitems,
	    sizeof *cv->items);
	cv->items[cv->nitems++] = ci;
	return FZ_OK;
}

/* The entity of id, made when new (credit may come before the
 * directory); *added says which. */
static fz_results__cov_entity *
entity_of(fz_results_coverage *cv, const char *id, int *added)
{
	void **slot = fz_map_insert(cv->entities, id, strlen(id), added, NULL);
	fz_results__cov_entity *ce;

	if (*added) {
		*slot = ce = fz_arena_alloc(cv->a, sizeof *ce);
		memset(ce, 0, sizeof *ce);
		ce->id = copy(cv, id);
	}
	return *slot;
}

static int
take_entity(fz_results_coverage *cv, fz_node *rec, fz_error *err)
{
	fz_entity e;
	fz_results__cov_entity *ce;
	int rc, added;

	if ((rc = fz_record_decode(FZ_KIND_ENTITIES, rec, &e, NULL, err)) !=
	    FZ_OK)
		return rc;
	cv->nentities++;
	ce = entity_of(cv, e.id, &added);
	if (!added && ce->category != NULL)
		return at_error(err, fz_node_get(rec, "id"), "entity '%s' is "
		    "given twice", e.id);
	ce->name = copy(cv, e.name);
	ce->category = copy(cv, e.category);
	ce->active = e.status == FZ_ENTITY_ACTIVE;
	return FZ_OK;
}

static int
take_credit(fz_results_coverage *cv, fz_node *rec, fz_error *err)
{
	fz_credit c;
	fz_results__cov_entity *ce;
	fz_results__cov_span *s;
	int rc, added;

	if ((rc = fz_record_decode(FZ_KIND_CREDIT, rec, &c, NULL, err)) !=
	    FZ_OK)
		return rc;
	cv->ncredit++;
	cv->have_credit = 1;
	ce = entity_of(cv, c.entity, &added);
	s = fz_arena_alloc(cv->a, sizeof *s);
	*s = (fz_results__cov_span){ copy(cv, c.klass), c.from, c.until,
	    ce->spans };
	ce->spans = s;
	return FZ_OK;
}

/* Every check of the year counts toward the cap but complaint visits
 * (国办发〔2024〕54号 caps the planned checks, not the answers to a
 * complaint); random ones under a task are kept for the draws. */
static int
take_inspection(fz_results_coverage *cv, fz_node *rec, fz_error *err)
{
	fz_inspection in;
	void **slot;
	int rc, added;

	if ((rc = fz_record_decode(FZ_KIND_INSPECTIONS, rec, &in, NULL,
	    err)) != FZ_OK)
		return rc;
	cv->ninspections++;
	if (in.date < cv->first || in.date > cv->last)
		return FZ_OK;
	if (in.type != FZ_VISIT_COMPLAINT) {
		slot = fz_map_insert(cv->checks, in.entity, strlen(in.entity),
		    &added, NULL);
		if (added)
			*slot = fz_arena_alloc(cv->a, sizeof(long long)),
			    *(long long *)*slot = 0;
		++*(long long *)*slot;
	}
	if ((in.type != FZ_VISIT_RANDOM && in.type != FZ_VISIT_JOINT) ||
	    in.task == NULL)
		return FZ_OK;
	cv->visits = grow(cv->visits, &cv->capvisits, cv->nvisits,
	    sizeof *cv->visits);
	cv->visits[cv->nvisits++] = (fz_results__cov_visit){ copy(cv, in.entity),
	    copy(cv, in.task), in.date };
	return FZ_OK;
}

static int
take_plan(fz_results_coverage *cv, const fz_node *doc, fz_error *err)
{
	fz_arena *a = fz_arena_new();
	fz_plan p;
	int rc;

	if ((rc = fz_draw_plan_decode(doc, &p, a, NULL, err)) == FZ_OK) {
		cv->nplans++;
		if (p.max_checks_per_year > 0 && (cv->plan_cap == 0 ||
		    p.max_checks_per_year < cv->plan_cap))
			cv->plan_cap = p.max_checks_per_year;
		if (cv->credit_default == NULL)
			cv->credit_default = copy(cv, p.credit_default);
	}
	fz_arena_free(a);
	return rc;
}

/* A draw of the year is kept; of another year, left out. */
static int
take_draw(fz_results_coverage *cv, const fz_node *doc, fz_error *err)
{
	fz_results_draw *d = fz_arena_alloc(cv->a, sizeof *d);
	int rc;

	if ((rc = fz_results_draw_decode(fz_node_copy(cv->a, doc), d, cv->a,
	    err)) != FZ_OK || d->date < cv->first || d->date > cv->last)
		return rc;
	cv->draws = grow(cv->draws, &cv->capdraws, cv->ndraws,
	    sizeof *cv->draws);
	cv->draws[cv->ndraws++] = d;
	return FZ_OK;
}

int
fz_results_coverage_take(fz_results_coverage *cv, const fz_event *ev,
    fz_error *err)
{
	if (ev->type == FZ_EV_END)
		return FZ_OK;
	cv->finished = 0;
	switch (ev->kind) {
	case FZ_KIND_PLAN:
		return take_plan(cv, ev->node, err);
	case FZ_KIND_DRAW:
		return take_draw(cv, ev->node, err);
	case FZ_KIND_ITEMS:
	case FZ_KIND_ENTITIES:
	case FZ_KIND_CREDIT:
	case FZ_KIND_INSPECTIONS:
		break;
	default:
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "expected items, entities, credit, "
		    "inspections, plans or draws, not %s", ev->kind_name ?
		    ev->kind_name : "a document without kind");
	}
	if (ev->type != FZ_EV_RECORD)
		return FZ_OK;
	switch (ev->kind) {
	case FZ_KIND_ITEMS:
		return take_item(cv, ev->node, err);
	case FZ_KIND_ENTITIES:
		return take_entity(cv, ev->node, err);
	case FZ_KIND_CREDIT:
		return take_credit(cv, ev->node, err);
	default:
		return take_inspection(cv, ev->node, err);
	}
}

int
fz_results_coverage_ready(const fz_results_coverage *cv, fz_error *err)
{
	const char *none = cv->nitems == 0 ? _("no items") : cv->nentities == 0 ?
	    _("no entities (the directory gives each item its population)") :
	    cv->ndraws == 0 ? _("no draw of the year") : NULL;

	if (none != NULL)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "%s given",
		    none);
	/* Without classes, ratios by class would ask nothing of anyone. */
	for (size_t i = 0; i < cv->nitems; i++) {
		const fz_results__cov_item *ci = cv->items[i];

		if (ci->it.ratios != NULL && !cv->have_credit &&
		    cv->credit_default == NULL)
			return fz_error_set(err, FZ_DATAERR, ci->file, ci->line,
			    ci->col, "item '%s' gives ratios by credit class: "
			    "give the credit records, or a plan's "
			    "credit_default", ci->it.code);
	}
	return FZ_OK;
}
