/* draw_entities.c - the entity directory kept as it is read: a million
 * entities, each found again by its id (duplicates are errors) and with
 * its category, town and grade shared with the others.
 *
 * The reading thread copies an entity's strings (the few distinct
 * categories and towns found again through a small cache) and stages it;
 * the look-ups of ids run on a thread of their own, batch after batch in reading
 * order, so that the first duplicate it finds is the first in the input.
 * An error met by the reading thread is always further on in the input
 * than every entity staged, so a duplicate, when there is one, is the
 * error to report.
 *
 * Once the plan is known before any entity, the sink hands the
 * entities to a bounded selection (draw_select.c) instead of keeping
 * them: a batch's strings are then its own, let go with it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

#define BATCH 4096

struct staged {
	fz_entity e;
	fz_place at;		/* of the id */
};

struct batch {
	struct staged rec[BATCH];
	size_t n;
	fz_arena *strings;	/* with a selection: the batch's strings */
};

/* Batches staged and not yet kept, at most: the reading waits beyond,
 * so that what is staged stays bounded whatever the keeping's pace. */
#define STAGED 16

#define CACHE 64

struct fz_draw__entity_sink {
	fz_arena *strings;	/* the reading thread's copies */
	fz_map *words;		/* its shared copies, */
	const char *cache[CACHE];	/* the last met at each slot */
	struct batch *filling;

	/* From the reading thread to the keeper, at most STAGED. */
	fz_queue *staged;
	int threaded;
	pthread_t thread;

	/* The keeper's: the directory so far. */
	fz_map *ids;
	fz_entity *v;
	fz_place *at;
	size_t n, cap;
	int status;
	fz_error err;
	fz_draw__select *select;	/* or NULL: the directory kept */
};

/* Keep one staged entity, unless a duplicate was met before. */
static void
keep(fz_draw__entity_sink *k, const struct staged *r)
{
	fz_entity e = r->e;
	int added;
	void **slot;

	if (k->select != NULL) {
		fz_draw__select_add(k->select, &r->e);
		return;
	}
	if (k->status != FZ_OK)
		return;
	slot = fz_map_insert(k->ids, e.id, strlen(e.id), &added, &e.id);
	if (!added) {
		const fz_place *first = &k->at[(uintptr_t)*slot - 1];

		k->status = fz_error_set(&k->err, FZ_DATAERR, r->at.file,
		    r->at.line, r->at.col, "duplicate entity id '%s' (first at "
		    "%s:%u:%u)", e.id, first->file, first->line, first->col);
		return;
	}
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : BATCH;
		k->v = fz_xrealloc(k->v, k->cap * sizeof *k->v);
		k->at = fz_xrealloc(k->at, k->cap * sizeof *k->at);
	}
	*slot = (void *)(uintptr_t)(k->n + 1);
	k->at[k->n] = r->at;
	k->v[k->n++] = e;
}

static void
keep_batch(fz_draw__entity_sink *k, struct batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		keep(k, &b->rec[i]);
	fz_arena_free(b->strings);
	free(b);
}

/* Keep the batches in order until the queue is closed and empty. */
static void *
keeper(void *arg)
{
	fz_draw__entity_sink *k = arg;
	struct batch *b;

	while ((b = fz_queue_pop(k->staged)) != NULL)
		keep_batch(k, b);
	return NULL;
}

fz_draw__entity_sink *
fz_draw__entity_sink_new(void)
{
	fz_draw__entity_sink *k = fz_xcalloc(1, sizeof *k);

	k->strings = fz_arena_new();
	k->ids = fz_map_new();
	k->words = fz_map_new();
	if (fz_draw__nthreads() > 1) {
		k->staged = fz_queue_new(STAGED);
		k->threaded = pthread_create(&k->thread, NULL, keeper, k) == 0;
	}
	return k;
}

/* Hand the batch being filled to the keeper. */
static void
send(fz_draw__entity_sink *k)
{
	struct batch *b = k->filling;

	k->filling = NULL;
	if (b == NULL)
		return;
	if (!k->threaded)
		keep_batch(k, b);
	else
		fz_queue_push(k->staged, b);
}

static const char *
copy(fz_draw__entity_sink *k, const char *s)
{
	return s == NULL ? NULL : fz_arena_strdup(k->filling->strings != NULL ?
	    k->filling->strings : k->strings, s);
}

/* The shared copy of a repeated value, mostly straight from the cache. */
static const char *
shared(fz_draw__entity_sink *k, const char *s)
{
	size_t len, slot;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	slot = (len * 31 + (unsigned char)s[0] +
	    (len ? (unsigned char)s[len - 1] : 0)) % CACHE;
	if (k->cache[slot] == NULL || strcmp(k->cache[slot], s) != 0)
		k->cache[slot] = fz_draw_word(k->words, s);
	return k->cache[slot];
}

void
fz_draw__entity_sink_add(fz_draw__entity_sink *k, const fz_entity *e, const fz_node *id)
{
	struct staged *r;

	if (k->filling == NULL) {
		k->filling = fz_xmalloc(sizeof *k->filling);
		k->filling->n = 0;
		k->filling->strings = k->select != NULL ? fz_arena_new() : NULL;
	}
	r = &k->filling->rec[k->filling->n++];
	r->e = *e;
	r->e.id = copy(k, e->id);
	r->e.name = copy(k, e->name);
	r->e.category = shared(k, e->category);
	r->e.town = shared(k, e->town);
	r->e.grade = shared(k, e->grade);
	r->at = (fz_place){ id->file, id->line, id->col };
	if (k->filling->n == BATCH)
		send(k);
}

/* Every staged entity kept. */
static void
drain(fz_draw__entity_sink *k)
{
	send(k);
	if (!k->threaded)
		return;
	fz_queue_close(k->staged);
	pthread_join(k->thread, NULL);
	k->threaded = 0;
}

void
fz_draw__entity_sink_select(fz_draw__entity_sink *k, const fz_plan *plan,
    enum fz_hash h)
{
	k->select = fz_draw__select_new(plan, h);
}

fz_draw__select *
fz_draw__entity_sink_drained(fz_draw__entity_sink *k)
{
	drain(k);
	return k->select;
}

int
fz_draw__entity_sink_finish(fz_draw__entity_sink *k, fz_entity **v, size_t *n,
    fz_draw__tally *t, fz_error *err)
{
	drain(k);
	t->population = NULL;
	if (k->select != NULL) {
		fz_draw__select_finish(k->select, v, n, t);
		return FZ_OK;
	}
	*v = k->v;
	*n = k->n;
	if (k->status != FZ_OK)
		*err = k->err;
	return k->status;
}

void
fz_draw__entity_sink_free(fz_draw__entity_sink *k)
{
	if (k == NULL)
		return;
	drain(k);
	fz_queue_free(k->staged, NULL);
	fz_draw__select_free(k->select);
	fz_map_free(k->ids);
	fz_map_free(k->words);
	fz_arena_free(k->strings);
	free(k->v);
	free(k->at);
	free(k);
}
