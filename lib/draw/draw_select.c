/* draw_select.c - the draw's entities kept in bounded memory as the
 * directory is read, once the plan is known: per stratum only the
 * entities that can still be taken, and of every entity an 8-byte
 * fingerprint of its id, never the directory's records.
 *
 * A stratum with a count keeps a max-heap of at most count candidates:
 * an entity whose ticket is above the heap's largest can no longer be
 * taken and is let go at once.  A stratum with a ratio cannot know its
 * share before its population is known: it keeps the lead of each
 * candidate's ticket and its place in the directory (8 bytes), and once
 * the share is known, the records of those whose lead is at most the
 * share's largest are kept as the inputs are read again.
 * Duplicate ids are found at the end, by sorting the fingerprints:
 * equal fingerprints are only a sign, which a second look at the inputs
 * (fz_draw__select_relook) confirms or clears, so two different ids
 * that happen to share a fingerprint never stop a draw. */
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

static int fingerprint_bits = 64;

void
fz_draw_fingerprint_bits(int bits)
{
	fingerprint_bits = bits < 1 ? 1 : bits > 64 ? 64 : bits;
}

uint64_t
fz_draw__fingerprint(const char *id, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a, then a mix */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 0x100000001b3ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	if (fingerprint_bits < 64)
		h &= ((uint64_t)1 << fingerprint_bits) - 1;
	return h;
}

#define FP_BLOCK 65536

struct pool {
	/* count: a max-heap of kept entities once full, else as met;
	 * ratio: every candidate, its index its place in the directory */
	fz_draw_cand *c;
	size_t n, cap, limit;	/* limit: count, or SIZE_MAX */
	int ratio;
};

struct fz_draw__select {
	const fz_plan *plan;
	fz_draw_order o;
	struct pool *pools;	/* per stratum */
	fz_draw__tally t;
	fz_entity *v;		/* the kept entities, freed slots among them */
	size_t nv, capv;
	uint32_t *freed;
	size_t nfreed, capfreed;
	uint64_t **fp;		/* blocks of FP_BLOCK fingerprints */
	size_t nfp;
	uint64_t *collide;	/* the fingerprints met twice, sorted */
	size_t ncollide;
	int finished;
	uint32_t *wanted;	/* the places a ratio takes, ascending */
	size_t nwanted, nextwanted;
	fz_map *words;		/* the shared strings of the second look */
	/* The second look: the ids of the colliding fingerprints. */
	fz_map *seen;
	fz_place *seen_at;
	size_t nseen, capseen, looked;
};

/* Here, beside its one use in this file, so that calls between the
 * files of the draw go one way. */
const char *
fz_draw_word(fz_map *words, const char *s)
{
	const char *copy;
	int added;

	if (s == NULL)
		return NULL;
	fz_map_insert(words, s, strlen(s), &added, &copy);
	return copy;
}

static const char *
kept_id(const void *items, uint32_t i)
{
	return ((const fz_entity *)items)[i].id;
}

fz_draw__select *
fz_draw__select_new(const fz_plan *plan, enum fz_hash h)
{
	fz_draw__select *s = fz_xcalloc(1, sizeof *s);
	size_t ns = plan->nstrata ? plan->nstrata : 1;

	s->plan = plan;
	s->o = (fz_draw_order){ fz_draw_ticketer_new(h, plan->seed,
	    plan->seed_len), kept_id, NULL };
	s->pools = fz_xcalloc(ns, sizeof *s->pools);
	s->t.population = fz_xcalloc(ns, sizeof *s->t.population);
	for (size_t i = 0; i < plan->nstrata; i++)
		s->pools[i].ratio = plan->strata[i].count < 0;
	for (size_t i = 0; i < plan->nstrata; i++)
		s->pools[i].limit = plan->strata[i].count >= 0 &&
		    (unsigned long long)plan->strata[i].count < SIZE_MAX ?
		    (size_t)plan->strata[i].count : SIZE_MAX;
	return s;
}

/* A copy of e in a free slot: its id and name in one block of its own,
 * its shared words as they are. */
static uint32_t
keep(fz_draw__select *s, const fz_entity *e)
{
	size_t li = strlen(e->id) + 1, ln = e->name ? strlen(e->name) + 1 : 0;
	char *b = fz_xmalloc(li + ln);
	uint32_t slot;

	if (s->nfreed > 0)
		slot = s->freed[--s->nfreed];
	else {
		if (s->nv == s->capv) {
			s->capv = s->capv ? 2 * s->capv : 256;
			s->v = fz_xrealloc(s->v, s->capv * sizeof *s->v);
		}
		slot = (uint32_t)s->nv++;
	}
	s->v[slot] = *e;
	s->v[slot].id = memcpy(b, e->id, li);
	s->v[slot].name = ln ? memcpy(b + li, e->name, ln) : NULL;
	s->o.items = s->v;
	return slot;
}

/* A copy of e, its words shared through s->words. */
static void
keep_again(fz_draw__select *s, fz_entity *e)
{
	if (s->words == NULL)
		s->words = fz_map_new();
	e->category = fz_draw_word(s->words, e->category);
	e->town = fz_draw_word(s->words, e->town);
	e->grade = fz_draw_word(s->words, e->grade);
	e->credit = NULL;
	keep(s, e);
}

static void
let_go(fz_draw__select *s, uint32_t slot)
{
	free((char *)s->v[slot].id);
	s->v[slot].id = NULL;
	if (s->nfreed == s->capfreed) {
		s->capfreed = s->capfreed ? 2 * s->capfreed : 256;
		s->freed = fz_xrealloc(s->freed, s->capfreed * sizeof *s->freed);
	}
	s->freed[s->nfreed++] = slot;
}

static void
push(struct pool *p, fz_draw_cand c)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->c = fz_xrealloc(p->c, p->cap * sizeof *p->c);
	}
	p->c[p->n++] = c;
}

/* Offer a candidate of lead to a pool: kept while it can be taken. */
static void
offer(fz_draw__select *s, struct pool *p, uint32_t lead, const fz_entity *e)
{
	fz_draw_cand c = { lead, (uint32_t)(s->nfp - 1) };

	if (p->ratio) {
		push(p, c);
		return;
	}
	if (p->n < p->limit) {
		c.index = keep(s, e);
		push(p, c);
		if (p->n == p->limit)
			fz_draw__heapify(&s->o, p->c, p->n);
		return;
	}
	if (p->limit == 0 || lead > p->c[0].lead)
		return;
	c.index = keep(s, e);
	if (lead == p->c[0].lead && fz_draw_cand_cmp(&s->o, &c, &p->c[0]) > 0) {
		let_go(s, c.index);
		return;
	}
	let_go(s, p->c[0].index);
	p->c[0] = c;
	fz_draw__sift_down(&s->o, p->c, p->n, 0);
}

void
fz_draw__select_add(fz_draw__select *s, const fz_entity *e)
{
	size_t k;

	if (s->nfp % FP_BLOCK == 0) {
		s->fp = fz_xrealloc(s->fp, (s->nfp / FP_BLOCK + 1) * sizeof *s->fp);
		s->fp[s->nfp / FP_BLOCK] = fz_xmalloc(FP_BLOCK * sizeof **s->fp);
	}
	s->fp[s->nfp / FP_BLOCK][s->nfp % FP_BLOCK] =
	    fz_draw__fingerprint(e->id, strlen(e->id));
	s->nfp++;
	if (e->status == FZ_ENTITY_CLOSED) {
		s->t.closed++;
		return;
	}
	if (fz_draw__recent(s->plan, e)) {
		s->t.recent++;
		return;
	}
	if ((k = fz_draw__stratum_of(s->plan, e)) == s->plan->nstrata) {
		s->t.unmatched++;
		return;
	}
	s->t.population[k]++;
	offer(s, &s->pools[k], fz_draw_ticketer_lead(s->o.tk, e->id,
	    strlen(e->id)), e);
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The fingerprints met more than once, into s->collide; the blocks go
 * into one array as they are freed, so the peak stays at one copy. */
static void
collisions(fz_draw__select *s)
{
	uint64_t *all = fz_xmalloc((s->nfp ? s->nfp : 1) * sizeof *all);
	size_t nb = (s->nfp + FP_BLOCK - 1) / FP_BLOCK;

	for (size_t b = 0; b < nb; b++) {
		size_t n = b + 1 < nb ? FP_BLOCK : s->nfp - b * FP_BLOCK;

		memcpy(all + b * FP_BLOCK, s->fp[b], n * sizeof *all);
		free(s->fp[b]);
	}
	free(s->fp);
	s->fp = NULL;
	qsort(all, s->nfp, sizeof *all, u64_cmp);
	for (size_t i = 1; i < s->nfp; i++)
		if (all[i] == all[i - 1] && (s->ncollide == 0 ||
		    all[s->ncollide - 1] != all[i]))
			all[s->ncollide++] = all[i];	/* below i: free */
	s->collide = fz_xrealloc(all, (s->ncollide ? s->ncollide : 1) *
	    sizeof *all);
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void
swap(fz_draw_cand *c, size_t i, size_t j)
{
	fz_draw_cand t = c[i];

	c[i] = c[j];
	c[j] = t;
}

/* The k-th smallest lead of c[0..n), 1 <= k <= n (c reordered): a
 * quickselect with three parts, below, equal to and above the pivot. */
static uint32_t
kth_lead(fz_draw_cand *c, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	k--;
	for (;;) {
		uint32_t pivot = c[lo + (hi - lo) / 2].lead;
		size_t lt = lo, i = lo, gt = hi + 1;

		while (i < gt)
			if (c[i].lead < pivot)
				swap(c, lt++, i++);
			else if (c[i].lead > pivot)
				swap(c, i, --gt);
			else
				i++;
		if (k < lt)
			hi = lt - 1;
		else if (k >= gt)
			lo = gt;
		else
			return pivot;
	}
}

/* The places of the candidates each ratio can take: every one whose
 * lead is at most that of its share's largest (the exact order among
 * equal leads is worked out once their ids are kept). */
static void
ratio_shares(fz_draw__select *s)
{
	size_t cap = 0;

	for (size_t i = 0; i < s->plan->nstrata; i++) {
		struct pool *p = &s->pools[i];
		size_t k = fz_draw__take_of(&s->plan->strata[i], p->n);
		uint32_t top;

		if (!p->ratio || k == 0)
			continue;
		top = kth_lead(p->c, p->n, k);
		for (size_t j = 0; j < p->n; j++) {
			if (p->c[j].lead > top)
				continue;
			if (s->nwanted == cap) {
				cap = cap ? 2 * cap : 256;
				s->wanted = fz_xrealloc(s->wanted, cap *
				    sizeof *s->wanted);
			}
			s->wanted[s->nwanted++] = p->c[j].index;
		}
		free(p->c);
		p->c = NULL;
		p->n = p->cap = 0;
	}
	if (s->nwanted > 0)
		qsort(s->wanted, s->nwanted, sizeof *s->wanted, u32_cmp);
}

int
fz_draw__select_again(fz_draw__select *s)
{
	if (!s->finished) {
		s->finished = 1;
		collisions(s);
		ratio_shares(s);
	}
	return s->ncollide > 0 || s->nwanted > 0;
}

/* A record the first reading took whose place a ratio takes: kept. */
static void
take_wanted(fz_draw__select *s, size_t place, fz_node *rec)
{
	fz_entity e;
	fz_error err;

	if (s->nextwanted >= s->nwanted || s->wanted[s->nextwanted] != place)
		return;
	s->nextwanted++;
	if (fz_record_decode(FZ_KIND_ENTITIES, rec, &e, NULL, &err) == FZ_OK)
		keep_again(s, &e);
}

int
fz_draw__select_relook(fz_draw__select *s, fz_node *rec, fz_error *err)
{
	const fz_node *id;
	size_t place = s->looked;
	uint64_t f;
	int added;
	void **slot;

	if (s->looked++ >= s->nfp)
		return FZ_OK;	/* beyond what the reading took */
	take_wanted(s, place, rec);
	if (s->ncollide == 0 || (id = fz_node_get(rec, "id")) == NULL ||
	    id->str == NULL)
		return FZ_OK;
	f = fz_draw__fingerprint(id->str, id->len);
	if (bsearch(&f, s->collide, s->ncollide, sizeof f, u64_cmp) == NULL)
		return FZ_OK;
	if (s->seen == NULL)
		s->seen = fz_map_new();
	slot = fz_map_insert(s->seen, id->str, id->len, &added, NULL);
	if (!added) {
		const fz_place *first = &s->seen_at[(uintptr_t)*slot - 1];

		return fz_error_set(err, FZ_DATAERR, id->file, id->line,
		    id->col, "duplicate entity id '%s' (first at %s:%u:%u)",
		    id->str, first->file, first->line, first->col);
	}
	if (s->nseen == s->capseen) {
		s->capseen = s->capseen ? 2 * s->capseen : 16;
		s->seen_at = fz_xrealloc(s->seen_at, s->capseen *
		    sizeof *s->seen_at);
	}
	s->seen_at[s->nseen] = (fz_place){ id->file, id->line, id->col };
	*slot = (void *)(uintptr_t)++s->nseen;
	return FZ_OK;
}

/* The kept entities in a vector of their own (the caller's), with the
 * figures of the whole directory. */
void
fz_draw__select_finish(fz_draw__select *s, fz_entity **v, size_t *n,
    fz_draw__tally *t)
{
	size_t k = 0;

	for (size_t i = 0; i < s->nv; i++)
		if (s->v[i].id != NULL)
			s->v[k++] = s->v[i];
	s->nv = k;
	s->nfreed = 0;
	*v = s->v;
	*n = s->nv;
	*t = s->t;
}

void
fz_draw__select_free(fz_draw__select *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nv; i++)
		if (s->v[i].id != NULL)
			free((char *)s->v[i].id);
	for (size_t b = 0; s->fp != NULL && b * FP_BLOCK < s->nfp; b++)
		free(s->fp[b]);
	for (size_t i = 0; i < s->plan->nstrata; i++)
		free(s->pools[i].c);
	fz_draw_ticketer_free(s->o.tk);
	fz_map_free(s->seen);
	fz_map_free(s->words);
	free(s->wanted);
	free(s->seen_at);
	free(s->fp);
	free(s->collide);
	free(s->v);
	free(s->freed);
	free(s->pools);
	free(s->t.population);
	free(s);
}
