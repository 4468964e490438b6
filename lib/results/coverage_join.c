/* coverage_join.c - what the year reached: each item's population by
 * credit class, the entities its draws selected and the random
 * inspections of their tasks, the share and rounds against the item's,
 * and the entities past their cap of checks.  Every share is compared as
 * integers: inspected * den against population * num, never a float. */
#include <stdlib.h>
#include <string.h>

#include "results_int.h"

long long
fz_results_coverage_needed(long long population, fz_ratio r)
{
	uint64_t p = (uint64_t)population;

	if (r.den == 0 || population <= 0)
		return 0;
	/* num <= den <= 10^9 and populations far below 2^34: no overflow */
	return (long long)((p * r.num + r.den - 1) / r.den);
}

/* The class an entity holds on the year's last day, else the plans'
 * default. */
static const char *
class_of(const fz_results_coverage *cv, const fz_results__cov_entity *e)
{
	for (const fz_results__cov_span *s = e->spans; s != NULL; s = s->next)
		if (s->from <= cv->last && (s->until == FZ_NODATE ||
		    s->until >= cv->last))
			return s->klass;
	return cv->credit_default;
}

static int
covers(const fz_item *it, const char *category)
{
	for (size_t i = 0; category != NULL && i < it->categories->n; i++)
		if (strcmp(it->categories->kids[i]->str, category) == 0)
			return 1;
	return 0;
}

/* The draw is for the item: it names it, or names no items. */
static int
draw_for(const fz_results_draw *d, const char *code)
{
	const fz_node *items = fz_node_get(d->doc, "items");

	if (items == NULL || items->type != FZ_SEQ)
		return 1;
	for (size_t i = 0; i < items->n; i++)
		if (items->kids[i]->type == FZ_SCALAR &&
		    strcmp(items->kids[i]->str, code) == 0)
			return 1;
	return 0;
}

/* A random inspection of the entity under the draw's task, from its
 * date to the year's end. */
static int
inspected(const fz_results_coverage *cv, const fz_results_draw *d,
    const char *id)
{
	for (size_t i = 0; i < cv->nvisits; i++) {
		const fz_results__cov_visit *v = &cv->visits[i];

		if (v->date >= d->date && strcmp(v->entity, id) == 0 &&
		    strcmp(v->task, d->task) == 0)
			return 1;
	}
	return 0;
}

enum { DRAWN = 1, INSPECTED = 2 };

/* The entities of the item the year's draws selected (DRAWN) and had
 * inspected (INSPECTED), into marks by entity id; the rounds. */
static long long
mark(fz_results_coverage *cv, const fz_results__cov_item *ci, fz_map *marks)
{
	long long rounds = 0;

	for (size_t k = 0; k < cv->ndraws; k++) {
		const fz_results_draw *d = cv->draws[k];
		int round = 0;

		if (!draw_for(d, ci->it.code))
			continue;
		for (size_t s = 0; s < d->nselections; s++) {
			const char *id = d->selections[s].entity;
			void **e = fz_map_find(cv->entities, id, strlen(id));
			const fz_results__cov_entity *ce = e ? *e : NULL;
			void **slot;
			uintptr_t m;

			if (ce == NULL || !ce->active || !covers(&ci->it,
			    ce->category))
				continue;
			slot = fz_map_insert(marks, id, strlen(id), NULL, NULL);
			m = (uintptr_t)*slot | DRAWN;
			if (inspected(cv, d, id))
				m |= INSPECTED, round = 1;
			*slot = (void *)m;
		}
		rounds += round;
	}
	return rounds;
}

/* The class k of the item's list, added at the end when new. */
static fz_results__cov_class *
class_slot(fz_results__cov_item *ci, const char *k)
{
	size_t i;

	for (i = 0; i < ci->nclasses; i++) {
		const char *c = ci->classes[i].klass;
		if (c == k || (c != NULL && k != NULL && strcmp(c, k) == 0))
			return &ci->classes[i];
	}
	ci->classes[i] = (fz_results__cov_class){ k, { 0 } };
	ci->classes[i].n.ratio.den = 0;
	ci->nclasses++;
	return &ci->classes[i];
}

/* The classes of ratios first, in their order, with their ratios. */
static void
classes_begin(fz_results_coverage *cv, fz_results__cov_item *ci, size_t cap)
{
	const fz_node *r = ci->it.ratios;

	ci->classes = fz_arena_alloc(cv->a, cap * sizeof *ci->classes);
	ci->nclasses = 0;
	for (size_t i = 0; r != NULL && i < r->n; i++) {
		const fz_node *v = r->kids[2 * i + 1];
		fz_results__cov_class *c = class_slot(ci, r->kids[2 * i]->str);

		(void)fz_ratio_parse(v->str, v->len, &c->n.ratio);
	}
}

static void
tally(fz_results_coverage_count *n, uintptr_t m)
{
	n->population++;
	n->drawn += (m & DRAWN) != 0;
	n->inspected += (m & INSPECTED) != 0;
}

/* The item's population, by class when there are classes, and its
 * entities never drawn. */
static void
count_item(fz_results_coverage *cv, fz_results__cov_item *ci, fz_map *marks)
{
	size_t n = fz_map_count(cv->entities);
	size_t nr = ci->it.ratios ? ci->it.ratios->n : 0;
	int by_class = cv->have_credit || nr > 0;

	classes_begin(cv, ci, nr + n + 1);
	ci->never = fz_arena_alloc(cv->a, (n + 1) * sizeof *ci->never);
	memset(&ci->n, 0, sizeof ci->n);
	ci->n.ratio = ci->it.ratio;
	for (size_t i = 0; i < n; i++) {
		fz_results__cov_entity *e = fz_map_value(cv->entities, i);
		void **slot;
		uintptr_t m;

		if (e->category == NULL || !e->active ||
		    !covers(&ci->it, e->category))
			continue;
		slot = fz_map_find(marks, e->id, strlen(e->id));
		m = slot != NULL ? (uintptr_t)*slot : 0;
		tally(&ci->n, m);
		if (by_class)
			tally(&class_slot(ci, class_of(cv, e))->n, m);
		if (!(m & DRAWN))
			ci->never[ci->nnever++] = e->id;
	}
}

/* Short: below the ratio, of the item or of a class, or fewer rounds
 * than its times; an item without population asks nothing. */
static void
judge_item(fz_results__cov_item *ci)
{
	fz_results_coverage_count *n = &ci->n;

	n->needed = fz_results_coverage_needed(n->population, n->ratio);
	n->short_ = n->inspected < n->needed;
	for (size_t j = 0; j < ci->nclasses; j++) {
		fz_results_coverage_count *c = &ci->classes[j].n;

		c->needed = fz_results_coverage_needed(c->population, c->ratio);
		c->short_ = c->inspected < c->needed;
		if (ci->it.ratios != NULL) {
			n->needed += c->needed;
			n->short_ |= c->short_;
		}
	}
	ci->short_ = n->population > 0 && (n->short_ ||
	    ci->rounds < ci->it.times);
}

static int
over_cmp(const void *a, const void *b)
{
	return strcmp(((const fz_results__cov_over *)a)->entity,
	    ((const fz_results__cov_over *)b)->entity);
}

/* The cap of an entity: the least of its items', else the plans'. */
static void
caps(fz_results_coverage *cv)
{
	size_t n = fz_map_count(cv->checks);

	cv->over = fz_xrealloc(cv->over, (n + 1) * sizeof *cv->over);
	cv->nover = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *id = fz_map_key(cv->checks, i, &len);
		long long checks = *(long long *)fz_map_value(cv->checks, i);
		void **slot = fz_map_find(cv->entities, id, len);
		const fz_results__cov_entity *e = slot ? *slot : NULL;
		fz_results__cov_over o = { id, e ? e->name : NULL, NULL, checks,
			cv->plan_cap };

		for (size_t k = 0; e != NULL && k < cv->nitems; k++) {
			const fz_item *it = &cv->items[k]->it;
			if (it->max_checks_per_year != FZ_NOINT &&
			    covers(it, e->category) && (o.by == NULL ||
			    it->max_checks_per_year < o.cap))
				o.cap = it->max_checks_per_year,
				    o.by = it->code;
		}
		if (o.cap > 0 && checks > o.cap)
			cv->over[cv->nover++] = o;
	}
	qsort(cv->over, cv->nover, sizeof *cv->over, over_cmp);
}

void
fz_results_coverage_finish(fz_results_coverage *cv)
{
	if (cv->finished)
		return;
	cv->nshort = 0;
	for (size_t i = 0; i < cv->nitems; i++) {
		fz_results__cov_item *ci = cv->items[i];
		fz_map *marks = fz_map_new();

		ci->rounds = mark(cv, ci, marks);
		ci->nnever = 0;
		count_item(cv, ci, marks);
		judge_item(ci);
		cv->nshort += ci->short_ != 0;
		fz_map_free(marks);
	}
	caps(cv);
	cv->finished = 1;
}

size_t
fz_results_coverage_items(fz_results_coverage *cv)
{
	return cv->nitems;
}

const fz_results_coverage_count *
fz_results_coverage_item(fz_results_coverage *cv, size_t i, long long *rounds,
    int *short_)
{
	fz_results_coverage_finish(cv);
	if (i >= cv->nitems)
		return NULL;
	if (rounds != NULL)
		*rounds = cv->items[i]->rounds;
	if (short_ != NULL)
		*short_ = cv->items[i]->short_;
	return &cv->items[i]->n;
}

size_t
fz_results_coverage_classes(fz_results_coverage *cv, size_t i)
{
	fz_results_coverage_finish(cv);
	return i < cv->nitems ? cv->items[i]->nclasses : 0;
}

const fz_results_coverage_count *
fz_results_coverage_class(fz_results_coverage *cv, size_t i, size_t j,
    const char **klass)
{
	fz_results_coverage_finish(cv);
	if (i >= cv->nitems || j >= cv->items[i]->nclasses)
		return NULL;
	if (klass != NULL)
		*klass = cv->items[i]->classes[j].klass;
	return &cv->items[i]->classes[j].n;
}

size_t
fz_results_coverage_over_cap(fz_results_coverage *cv)
{
	fz_results_coverage_finish(cv);
	return cv->nover;
}

int
fz_results_coverage_status(fz_results_coverage *cv)
{
	fz_results_coverage_finish(cv);
	return cv->nshort > 0 || cv->nover > 0 ? FZ_PROBLEMS : FZ_OK;
}

int
fz_results_coverage_write(fz_results_coverage *cv, fz_writer *w)
{
	fz_results_coverage_finish(cv);
	return fz_results__coverage_write(cv, w);
}
