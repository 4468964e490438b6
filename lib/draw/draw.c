/* draw.c - the random draw of DRAW.md over plain structs: the strata,
 * the entities taken in each, the draw order; the teams, and the exact
 * order of two tickets (fz_draw_cand_cmp), are draw_team.c's.
 *
 * Every entity in a stratum is ticketed once; only the lead of its ticket
 * (nine digits) is kept, and the exact order (whole ticket, then id) is
 * worked out again for the rare equal leads.  The smallest tickets of a
 * stratum are found with a bounded heap, so a directory of a million
 * entities costs a million hashes and little more. */
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

/* Max-heap by ticket: the largest on top. */
void
fz_draw__sift_down(const fz_draw_order *o, fz_draw_cand *h, size_t n,
    size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, top = i;
		fz_draw_cand t;

		if (l < n && fz_draw_cand_cmp(o, &h[l], &h[top]) > 0)
			top = l;
		if (r < n && fz_draw_cand_cmp(o, &h[r], &h[top]) > 0)
			top = r;
		if (top == i)
			return;
		t = h[i];
		h[i] = h[top];
		h[top] = t;
		i = top;
	}
}

void
fz_draw__heapify(const fz_draw_order *o, fz_draw_cand *h, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		fz_draw__sift_down(o, h, n, i);
}

/* A max-heap into ascending order. */
static void
heap_sort(const fz_draw_order *o, fz_draw_cand *h, size_t n)
{
	while (n > 1) {
		fz_draw_cand t = h[0];

		h[0] = h[--n];
		h[n] = t;
		fz_draw__sift_down(o, h, n, 0);
	}
}

void
fz_draw_cand_sort(const fz_draw_order *o, fz_draw_cand *c, size_t n)
{
	fz_draw__heapify(o, c, n);
	heap_sort(o, c, n);
}

/* The k smallest of c[0..n) into c[0..k), ascending. */
static void
smallest(const fz_draw_order *o, fz_draw_cand *c, size_t n, size_t k)
{
	if (k == 0)
		return;
	fz_draw__heapify(o, c, k);
	for (size_t i = k; i < n; i++)
		if (fz_draw_cand_cmp(o, &c[i], &c[0]) < 0) {
			c[0] = c[i];
			fz_draw__sift_down(o, c, k, 0);
		}
	heap_sort(o, c, k);
}

static const char *
entity_id(const void *items, uint32_t i)
{
	return ((const fz_entity *)items)[i].id;
}

static int
cond_holds(const fz_draw_cond *c, const fz_entity *e)
{
	const char *field = (const char *)e + c->field->offset;
	const char *s;

	if (c->field->type == FZ_T_ENUM) {
		for (size_t i = 0; i < c->nvalues; i++)
			if (c->indexes[i] == *(const int *)field)
				return 1;
		return 0;
	}
	if ((s = *(const char *const *)field) == NULL)
		return 0;
	for (size_t i = 0; i < c->nvalues; i++)
		if (strcmp(c->values[i], s) == 0)
			return 1;
	return 0;
}

/* A stratum of credit_ratios takes the entities of its class only. */
static int
class_holds(const fz_stratum *s, const fz_entity *e)
{
	return s->credit == NULL || (e->credit != NULL &&
	    strcmp(s->credit, e->credit) == 0);
}

size_t
fz_draw__stratum_of(const fz_plan *p, const fz_entity *e)
{
	size_t s, i;

	for (s = 0; s < p->nstrata; s++) {
		if (!class_holds(&p->strata[s], e))
			continue;
		for (i = 0; i < p->strata[s].nwhere; i++)
			if (!cond_holds(&p->strata[s].where[i], e))
				break;
		if (i == p->strata[s].nwhere)
			return s;
	}
	return s;
}

/* Steps 1 and 2: the population of each stratum, ticketed. */
struct strata_cands {
	fz_draw_cand *v;
	size_t n, cap;
};

static void
push(struct strata_cands *sc, fz_draw_cand c)
{
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? 2 * sc->cap : 64;
		sc->v = fz_xrealloc(sc->v, sc->cap * sizeof *sc->v);
	}
	sc->v[sc->n++] = c;
}

int
fz_draw__recent(const fz_plan *p, const fz_entity *e)
{
	return p->exclude_days > 0 && e->last_inspected != FZ_NODATE &&
	    e->last_inspected <= p->date &&
	    (long long)p->date - e->last_inspected < p->exclude_days;
}

/* One thread's share of the directory: entities [first, end). */
struct share {
	const fz_draw *d;
	size_t first, end;
	struct strata_cands *sc;
	size_t closed, recent, unmatched;
};

/* Thread t's share, of the shares at ctx. */
static void
populate_share(int t, void *ctx)
{
	struct share *sh = (struct share *)ctx + t;
	const fz_plan *p = sh->d->plan;
	fz_draw_ticketer *tk = fz_draw_ticketer_new(sh->d->hash, p->seed, p->seed_len);

	for (size_t i = sh->first; i < sh->end; i++) {
		const fz_entity *e = &sh->d->entities[i];
		size_t s;

		if (e->status == FZ_ENTITY_CLOSED) {
			sh->closed++;
			continue;
		}
		if (fz_draw__recent(p, e)) {
			sh->recent++;
			continue;
		}
		if ((s = fz_draw__stratum_of(p, e)) == p->nstrata) {
			sh->unmatched++;
			continue;
		}
		push(&sh->sc[s], (fz_draw_cand){ fz_draw_ticketer_lead(tk, e->id,
		    strlen(e->id)), (uint32_t)i });
	}
	fz_draw_ticketer_free(tk);
}

/* The shares of every core, put together in the directory's order. */
static void
populate(fz_draw *d, struct strata_cands *sc, size_t ne)
{
	struct share sh[FZ_DRAW_MAX_THREADS];
	size_t ns = d->plan->nstrata;
	int n = ne < 4096 ? 1 : fz_draw__nthreads();

	for (int t = 0; t < n; t++)
		sh[t] = (struct share){ d, ne * (size_t)t / (size_t)n,
		    ne * (size_t)(t + 1) / (size_t)n,
		    fz_xcalloc(ns ? ns : 1, sizeof *sc), 0, 0, 0 };
	fz_fanout_run(n, populate_share, sh);
	for (int t = 0; t < n; t++) {
		for (size_t s = 0; s < ns; s++) {
			for (size_t k = 0; k < sh[t].sc[s].n; k++)
				push(&sc[s], sh[t].sc[s].v[k]);
			free(sh[t].sc[s].v);
		}
		free(sh[t].sc);
		d->closed += sh[t].closed;
		d->recent += sh[t].recent;
		d->unmatched += sh[t].unmatched;
	}
}

/* Step 3: count, or ceil(ratio * P) in whole numbers; at most P. */
size_t
fz_draw__take_of(const fz_stratum *s, size_t population)
{
	uint64_t t;

	if (s->count >= 0)
		t = (uint64_t)s->count;
	else
		t = (s->ratio_num * population + s->ratio_den - 1) /
		    s->ratio_den;
	return t < population ? (size_t)t : population;
}

static void
warn(const fz_diag *diag, const fz_node *at, const char *msg)
{
	if (diag != NULL)
		diag->report(diag->ctx, FZ_WARNING, at, msg);
}

static void
strata_warnings(const fz_draw *d, const fz_diag *diag)
{
	char msg[512];

	for (size_t s = 0; s < d->plan->nstrata; s++)
		if (d->population[s] == 0) {
			snprintf(msg, sizeof msg, _("stratum '%s' matches no "
			    "entity"), d->plan->strata[s].name);
			warn(diag, d->plan->strata[s].at, msg);
		}
	if (d->unmatched > 0) {
		snprintf(msg, sizeof msg, _("%zu entit%s in no stratum, not in "
		    "the draw"), d->unmatched, d->unmatched == 1 ? "y is" :
		    "ies are");
		warn(diag, NULL, msg);
	}
}

/* The departments of the mixed teams, first seen first, at most
 * MIX_NAMES of them named. */
#define MIX_NAMES 4

static void
note_departments(const fz_draw *d, const fz_draw_pick *pk,
    const char **names, size_t *n)
{
	for (size_t k = 0; k < pk->nteam; k++) {
		const char *dep = d->inspectors[pk->team[k]].department;
		size_t i = 0;

		while (i < *n && i < MIX_NAMES && strcmp(names[i], dep) != 0)
			i++;
		if (i == *n && *n <= MIX_NAMES)
			names[(*n)++] = dep;
	}
}

/* A plan that names no department staffs its teams from any: teams that
 * come out mixing departments are told of, the bureau's own draw
 * sending other agencies' officers unasked (team.department keeps the
 * seats to one). */
static void
mix_warning(const fz_draw *d, const fz_diag *diag)
{
	const fz_plan *p = d->plan;
	const char *names[MIX_NAMES + 1];
	size_t staffed = 0, mixed = 0, nnames = 0, len = 0;
	char list[256], msg[512];

	if (p->ndepartments > 0 || p->department != NULL)
		return;
	for (size_t i = 0; i < d->npicks; i++) {
		const fz_draw_pick *pk = &d->picks[i];
		size_t k = 1;

		staffed += pk->nteam > 0;
		while (k < pk->nteam && strcmp(d->inspectors[pk->team[k]].
		    department, d->inspectors[pk->team[0]].department) == 0)
			k++;
		if (k < pk->nteam) {
			mixed++;
			note_departments(d, pk, names, &nnames);
		}
	}
	if (mixed == 0)
		return;
	list[0] = '\0';
	for (size_t i = 0; i < nnames && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i ? _(", ") : "", i < MIX_NAMES ? names[i] : "...");
	snprintf(msg, sizeof msg, _("%zu of %zu team%s mix%s departments (%s): "
	    "the plan names no department; team.department: D fills the "
	    "seats from D only"), mixed, staffed, staffed == 1 ? "" : "s",
	    mixed == 1 ? "es" : "", list);
	warn(diag, p->team_at != NULL ? p->team_at : p->doc, msg);
}

/* Steps 3 and 4: the picks, all strata together, by ticket. */
static void
take(fz_draw *d, struct strata_cands *sc, const fz_draw_order *o)
{
	const fz_plan *p = d->plan;
	fz_draw_cand *all;
	size_t n = 0;

	for (size_t s = 0; s < p->nstrata; s++) {
		d->selected[s] = fz_draw__take_of(&p->strata[s], d->population[s]);
		smallest(o, sc[s].v, sc[s].n, d->selected[s]);
		n += d->selected[s];
	}
	all = fz_xcalloc(n ? n : 1, sizeof *all);
	n = 0;
	for (size_t s = 0; s < p->nstrata; s++) {
		if (d->selected[s] > 0)	/* an empty stratum has no vector */
			memcpy(all + n, sc[s].v, d->selected[s] * sizeof *all);
		n += d->selected[s];
	}
	fz_draw_cand_sort(o, all, n);
	d->picks = fz_arena_alloc(d->arena, (n ? n : 1) * sizeof *d->picks);
	memset(d->picks, 0, (n ? n : 1) * sizeof *d->picks);
	d->npicks = n;
	for (size_t i = 0; i < n; i++) {
		fz_draw_pick *pk = &d->picks[i];
		const fz_entity *e = &d->entities[all[i].index];

		pk->entity = all[i].index;
		pk->stratum = fz_draw__stratum_of(p, e);
		fz_draw_ticket(o->tk, e->id, strlen(e->id), pk->ticket);
	}
	free(all);
}

static void
draw_clear(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, const fz_inspector *inspectors)
{
	size_t ns = plan->nstrata ? plan->nstrata : 1;

	memset(d, 0, sizeof *d);
	d->plan = plan;
	d->entities = entities;
	d->inspectors = inspectors;
	d->hash = h;
	d->arena = fz_arena_new();
	d->population = fz_arena_alloc(d->arena, ns * sizeof *d->population);
	d->selected = fz_arena_alloc(d->arena, ns * sizeof *d->selected);
	memset(d->population, 0, ns * sizeof *d->population);
	memset(d->selected, 0, ns * sizeof *d->selected);
}

int
fz_draw_run(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, size_t nentities,
    const fz_inspector *inspectors, size_t ninspectors,
    const fz_diag *diag, fz_error *err)
{
	return fz_draw__run(d, plan, h, entities, nentities, NULL, inspectors,
	    ninspectors, diag, err);
}

/* The figures of the whole directory, of the entities themselves or of
 * the selection that kept them. */
static void
figures(fz_draw *d, const struct strata_cands *sc, const fz_draw__tally *t)
{
	for (size_t s = 0; s < d->plan->nstrata; s++)
		d->population[s] = t != NULL ? t->population[s] : sc[s].n;
	if (t == NULL)
		return;
	d->closed = t->closed;
	d->recent = t->recent;
	d->unmatched = t->unmatched;
}

int
fz_draw__run(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, size_t nentities, const fz_draw__tally *t,
    const fz_inspector *inspectors, size_t ninspectors,
    const fz_diag *diag, fz_error *err)
{
	struct strata_cands *sc;
	fz_draw_order o = { NULL, entity_id, entities };
	fz_draw__staff *st;

	draw_clear(d, plan, h, entities, inspectors);
	if (nentities > UINT32_MAX || ninspectors > UINT32_MAX)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "more than "
		    "%u entities or inspectors", UINT32_MAX);
	if ((st = fz_draw__staff_new(plan, h, inspectors, ninspectors, err)) == NULL)
		return err->status;
	o.tk = fz_draw_ticketer_new(h, plan->seed, plan->seed_len);
	if (o.tk == NULL) {
		fz_draw__staff_free(st);
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "this OpenSSL "
		    "has no %s", fz_hash_name(h));
	}
	sc = fz_xcalloc(plan->nstrata ? plan->nstrata : 1, sizeof *sc);
	populate(d, sc, nentities);
	figures(d, sc, t);
	take(d, sc, &o);
	for (size_t s = 0; s < plan->nstrata; s++)
		free(sc[s].v);
	free(sc);
	strata_warnings(d, diag);
	fz_draw__staff_run(st, d, o.tk);
	mix_warning(d, diag);
	fz_draw_ticketer_free(o.tk);
	fz_draw__staff_free(st);
	return FZ_OK;
}

void
fz_draw_free(fz_draw *d)
{
	if (d == NULL)
		return;
	fz_arena_free(d->arena);
	memset(d, 0, sizeof *d);
}
