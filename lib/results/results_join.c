/* results_join.c - the inspections kept joined to the selections of the
 * draw: each one's difference from the drawn team, its case and the day
 * its result is due for publication; the flags of each selection, the
 * inspections of entities not drawn, and the summary. */
#include <stdlib.h>
#include <string.h>

#include "results_int.h"

static int
has(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* added: who went and was not drawn; missing: who was drawn and did not
 * go.  A name listed twice counts once. */
static void
team_diff(fz_results *r, fz_results_visit *v, const fz_draw_selection *s)
{
	v->added = fz_arena_alloc(r->a, (v->ninspectors + 1) *
	    sizeof *v->added);
	v->missing = fz_arena_alloc(r->a, (s->nteam + 1) * sizeof *v->missing);
	v->nadded = v->nmissing = 0;
	for (size_t i = 0; i < v->ninspectors; i++) {
		const char *id = v->inspectors[i];
		int drawn = 0;
		for (size_t t = 0; t < s->nteam && !drawn; t++)
			drawn = strcmp(s->team[t].id, id) == 0;
		if (!drawn && !has(v->added, v->nadded, id))
			v->added[v->nadded++] = id;
	}
	for (size_t t = 0; t < s->nteam; t++)
		if (!has(v->inspectors, v->ninspectors, s->team[t].id))
			v->missing[v->nmissing++] = s->team[t].id;
}

static void
push(fz_results_visit ***v, size_t *n, fz_results_visit *item)
{
	/* Grown at powers of two. */
	if ((*n & (*n - 1)) == 0)
		*v = fz_xrealloc(*v, (*n ? 2 * *n : 1) * sizeof **v);
	(*v)[(*n)++] = item;
}

static int
by_date(const void *a, const void *b)
{
	const fz_results_visit *x = *(fz_results_visit *const *)a;
	const fz_results_visit *y = *(fz_results_visit *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_date_entity(const void *a, const void *b)
{
	const fz_results_visit *x = *(fz_results_visit *const *)a;
	const fz_results_visit *y = *(fz_results_visit *const *)b;
	int c = strcmp(x->entity, y->entity);

	if (x->date != y->date || c == 0)
		return by_date(a, b);
	return c;
}

static int
by_publish_by(const void *a, const void *b)
{
	const fz_results_visit *x = *(fz_results_visit *const *)a;
	const fz_results_visit *y = *(fz_results_visit *const *)b;

	if (x->publish_by != y->publish_by)
		return x->publish_by < y->publish_by ? -1 : 1;
	if (x->selection != y->selection)
		return x->selection < y->selection ? -1 : 1;
	return by_date(a, b);
}

void
fz_results__forget(fz_results *r)
{
	for (size_t i = 0; r->sels != NULL && i < r->d->nselections; i++)
		free(r->sels[i].visits);
	free(r->sels);
	free(r->not_drawn);
	for (int i = 0; i < FZ_RESULTS_NPUBLICATION; i++) {
		free(r->due[i]);
		r->due[i] = NULL;
		r->ndue[i] = 0;
	}
	r->sels = NULL;
	r->not_drawn = NULL;
	r->nnot_drawn = 0;
	memset(&r->sum, 0, sizeof r->sum);
}

/* Each visit to its selection, or to the entities not drawn. */
static void
join(fz_results *r)
{
	for (size_t i = 0; i < r->nvisits; i++) {
		fz_results_visit *v = r->visits[i];
		void **s = fz_map_find(r->by_entity, v->entity,
		    strlen(v->entity));
		void **c = v->case_id == NULL ? NULL :
		    fz_map_find(r->cases, v->case_id, strlen(v->case_id));
		fz_results_selection *rs;

		v->c = c != NULL ? *c : NULL;
		v->publish_by = fz_calendar_add_workdays(r->cal, v->date,
		    FZ_RESULTS_DEFAULT_DAYS);
		if (s == NULL) {
			v->selection = SIZE_MAX;
			v->nadded = v->nmissing = 0;
			push(&r->not_drawn, &r->nnot_drawn, v);
			continue;
		}
		v->selection = (size_t)((const fz_draw_selection *)*s -
		    r->d->selections);
		team_diff(r, v, *s);
		rs = &r->sels[v->selection];
		push(&rs->visits, &rs->nvisits, v);
	}
}

/* The flags of a selection whose visits are in date order. */
static unsigned
flags(const fz_results *r, const fz_results_selection *s)
{
	unsigned f = 0;
	int by_team = 0;

	if (s->nvisits == 0)
		f |= FZ_RF_NOT_INSPECTED;
	if (s->nvisits == 0 ? r->o.as_of > r->inspect_by :
	    s->visits[0]->date > r->inspect_by)
		f |= FZ_RF_OVERDUE;
	for (size_t i = 0; i < s->nvisits; i++)
		by_team |= s->visits[i]->nadded == 0 &&
		    s->visits[i]->nmissing == 0;
	if (s->nvisits > 0 && !by_team)
		f |= FZ_RF_TEAM_CHANGED;
	return f;
}

/* What the selections' inspections found: per selection, and the
 * distinct cases filed from them with their fines. */
static void
count(fz_results *r)
{
	fz_results_summary *m = &r->sum;
	fz_map *filed = fz_map_new();

	m->drawn = (long long)r->d->nselections;
	m->fines = r->have_cases ? 0 : FZ_NOMONEY;
	for (size_t i = 0; i < r->d->nselections; i++) {
		const fz_results_selection *s = &r->sels[i];
		int bad = 0;
		m->inspected += s->nvisits > 0;
		m->not_inspected += (s->flags & FZ_RF_NOT_INSPECTED) != 0;
		m->overdue += (s->flags & FZ_RF_OVERDUE) != 0;
		m->team_changed += (s->flags & FZ_RF_TEAM_CHANGED) != 0;
		for (size_t j = 0; j < s->nvisits; j++) {
			const fz_results_visit *v = s->visits[j];
			int added = 0;
			bad |= v->result != FZ_RESULT_OK;
			if (v->case_id != NULL)
				fz_map_insert(filed, v->case_id,
				    strlen(v->case_id), &added, NULL);
			if (added && v->c != NULL && v->c->fine != FZ_NOMONEY)
				m->fines += v->c->fine;
		}
		if (s->nvisits > 0) {
			m->compliant += !bad;
			m->violations += bad;
		}
	}
	m->by_drawn_team = m->inspected - m->team_changed;
	m->filed = (long long)fz_map_count(filed);
	m->not_drawn = (long long)r->nnot_drawn;
	fz_map_free(filed);
}

/* The result of visit v: published by its day (counted), published
 * after it, or not yet published, due or late at the as-of date. */
static void
publication(fz_results *r, fz_results_visit *v)
{
	enum fz_results_publication which;

	if (v->published != FZ_NODATE && v->published <= v->publish_by) {
		r->sum.published_on_time++;
		return;
	}
	if (v->published != FZ_NODATE)
		which = FZ_RESULTS_PUBLISHED_LATE;
	else
		which = v->publish_by < r->o.as_of ? FZ_RESULTS_LATE :
		    FZ_RESULTS_DUE;
	push(&r->due[which], &r->ndue[which], v);
}

void
fz_results_finish(fz_results *r)
{
	if (r->finished)
		return;
	fz_results__forget(r);
	r->sels = fz_xcalloc(r->d->nselections + 1, sizeof *r->sels);
	join(r);
	/* No qsort of an empty list: its NULL base is undefined. */
	if (r->nnot_drawn > 0)
		qsort(r->not_drawn, r->nnot_drawn, sizeof *r->not_drawn,
		    by_date_entity);
	for (size_t i = 0; i < r->d->nselections; i++) {
		fz_results_selection *s = &r->sels[i];
		s->sel = &r->d->selections[i];
		if (s->nvisits > 0)
			qsort(s->visits, s->nvisits, sizeof *s->visits,
			    by_date);
		s->flags = flags(r, s);
		for (size_t j = 0; j < s->nvisits; j++)
			publication(r, s->visits[j]);
	}
	for (int i = 0; i < FZ_RESULTS_NPUBLICATION; i++)
		if (r->ndue[i] > 0)
			qsort(r->due[i], r->ndue[i], sizeof *r->due[i],
			    by_publish_by);
	count(r);
	r->sum.publication_due = (long long)r->ndue[FZ_RESULTS_DUE];
	r->sum.publication_late = (long long)r->ndue[FZ_RESULTS_LATE];
	r->sum.published_late = (long long)r->ndue[FZ_RESULTS_PUBLISHED_LATE];
	r->finished = 1;
}

const fz_results_selection *
fz_results_selection_at(fz_results *r, size_t i)
{
	fz_results_finish(r);
	return &r->sels[i];
}

size_t
fz_results_not_drawn(fz_results *r, fz_results_visit *const **v)
{
	fz_results_finish(r);
	*v = r->not_drawn;
	return r->nnot_drawn;
}

size_t
fz_results_due(fz_results *r, enum fz_results_publication which,
    fz_results_visit *const **v)
{
	fz_results_finish(r);
	*v = r->due[which];
	return r->ndue[which];
}

const fz_results_summary *
fz_results_summary_of(fz_results *r)
{
	fz_results_finish(r);
	return &r->sum;
}

int
fz_results_status(fz_results *r)
{
	const fz_results_summary *m = fz_results_summary_of(r);

	return m->not_inspected || m->overdue || m->team_changed ||
	    m->not_drawn ? FZ_PROBLEMS : FZ_OK;
}
