/* draw_int.h - what the modules of the draw share and nothing else sees. */
#ifndef FAZHI_DRAW_INT_H
#define FAZHI_DRAW_INT_H

#include "draw.h"

typedef struct fz_draw_store fz_draw_store;

/* Where something was read. */
typedef struct fz_place {
	const char *file;
	unsigned line, col;
} fz_place;

/* A ticketed item and its index: its lead is the ticket's first digits,
 * nine (entities) or three (inspectors, fz_draw_ticketer_head), as an
 * integer. */
typedef struct fz_draw_cand {
	uint32_t lead;
	uint32_t index;
} fz_draw_cand;

/* The exact order of tickets (DRAW.md): the lead, then the whole
 * ticket (the leads being equal), then the identifier's bytes.  id gives the identifier of an
 * index (the part after the ticketer's prefix).  fz_draw_cand_cmp is
 * draw_team.c's, the sort draw.c's. */
typedef struct fz_draw_order {
	fz_draw_ticketer *tk;
	const char *(*id)(const void *items, uint32_t index);
	const void *items;
} fz_draw_order;

int fz_draw_cand_cmp(const fz_draw_order *o, const fz_draw_cand *a,
    const fz_draw_cand *b);
/* Sort n candidates by ticket, smallest first. */
void fz_draw_cand_sort(const fz_draw_order *o, fz_draw_cand *c, size_t n);

/* The threads the draw's hashing runs on, through fz_fanout
 * (draw_thread.c): the processors (fz_nprocs), at most
 * FZ_DRAW_MAX_THREADS, the size of its arrays of each thread's state. */
#define FZ_DRAW_MAX_THREADS 4
int fz_draw__nthreads(void);

/* The teams (draw_team.c): fz_draw__staff_new checks team.departments against
 * the roster (NULL with err set when one has no active inspector) and
 * returns a staffer owned by the caller; fz_draw__staff_run forms the teams of
 * all picks, in draw order (tk: for the order of equal leads). */
typedef struct fz_draw__staff fz_draw__staff;
fz_draw__staff *fz_draw__staff_new(const fz_plan *plan, enum fz_hash h,
    const fz_inspector *inspectors, size_t ninspectors, fz_error *err);
void fz_draw__staff_run(fz_draw__staff *st, fz_draw *d, fz_draw_ticketer *tk);
void fz_draw__staff_free(fz_draw__staff *st);

/* The digests of the inputs by kind (draw_digest.c).  force: the one
 * hash to compute, or -1 for both until fz_draw__kind_digests_keep.  The tap
 * goes to fz_stream_set_tap with the digests as its context; the kind of
 * every document read is told with fz_draw__kind_digests_seen before the next
 * file is read.  fz_draw__kind_digests_hex ends the digests. */
typedef struct fz_draw__kind_digests fz_draw__kind_digests;
fz_draw__kind_digests *fz_draw__kind_digests_new(int force);
void fz_draw__kind_digests_free(fz_draw__kind_digests *kd);
void fz_draw__kind_digests_keep(fz_draw__kind_digests *kd, enum fz_hash h);
int fz_draw__kind_digests_has(const fz_draw__kind_digests *kd, enum fz_hash h);
void fz_draw__kind_digests_tap(void *ctx, size_t file, const void *buf,
    size_t len);
void fz_draw__kind_digests_seen(fz_draw__kind_digests *kd, enum fz_draw_input k);
void fz_draw__kind_digests_hex(fz_draw__kind_digests *kd, enum fz_hash h,
    char hex[FZ_IN_COUNT][FZ_DIGEST_HEX]);

/* The one copy in words of a short, often repeated value (a category, a
 * town), made on first sight; NULL for NULL (draw_select.c). */
const char *fz_draw_word(fz_map *words, const char *s);

typedef struct fz_draw__select fz_draw__select;
typedef struct fz_draw__tally fz_draw__tally;

/* The entity directory as it is read (draw_entities.c): entities are
 * added in reading order (their strings copied; id: the node of the id,
 * for messages) and kept, duplicates found, beside the reading.
 * fz_draw__entity_sink_select, before the first entity, hands them to a
 * bounded selection (draw_select.c) instead, which fz_draw__entity_sink_drained
 * gives once every entity added is in it.  fz_draw__entity_sink_finish waits
 * for them all and gives the directory (the sink's until it is freed)
 * or the first duplicate as an error; with a selection, the entities it
 * kept and in t the figures of the whole (t->population NULL without). */
typedef struct fz_draw__entity_sink fz_draw__entity_sink;
fz_draw__entity_sink *fz_draw__entity_sink_new(void);
void fz_draw__entity_sink_select(fz_draw__entity_sink *k, const fz_plan *plan,
    enum fz_hash h);
fz_draw__select *fz_draw__entity_sink_drained(fz_draw__entity_sink *k);
void fz_draw__entity_sink_add(fz_draw__entity_sink *k, const fz_entity *e,
    const fz_node *id);
int fz_draw__entity_sink_finish(fz_draw__entity_sink *k, fz_entity **v, size_t *n,
    fz_draw__tally *t, fz_error *err);
void fz_draw__entity_sink_free(fz_draw__entity_sink *k);

/* The heap of draw.c, a max-heap by ticket (the largest on top). */
void fz_draw__sift_down(const fz_draw_order *o, fz_draw_cand *h, size_t n,
    size_t i);
void fz_draw__heapify(const fz_draw_order *o, fz_draw_cand *h, size_t n);
/* DRAW.md "Entities" (draw.c): the first stratum e belongs to, or
 * nstrata; whether e was inspected too recently to be drawn. */
size_t fz_draw__stratum_of(const fz_plan *p, const fz_entity *e);
int fz_draw__recent(const fz_plan *p, const fz_entity *e);
/* Step 3: how many of a population a stratum takes. */
size_t fz_draw__take_of(const fz_stratum *s, size_t population);

/* The figures of a directory of which only some entities are kept:
 * the population of each stratum and the entities left out. */
struct fz_draw__tally {
	size_t *population;
	size_t closed, recent, unmatched;
};

/* The draw of fz_draw_run over the entities kept by a selection (those
 * that can be taken, draw_select.c), with the figures t of the whole
 * directory; t NULL: entities is the whole directory. */
int fz_draw__run(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, size_t nentities, const fz_draw__tally *t,
    const fz_inspector *inspectors, size_t ninspectors,
    const fz_diag *diag, fz_error *err);

/* The bounded selection (draw_select.c), on one thread: every entity
 * goes to fz_draw__select_add (its strings borrowed for the call, the
 * kept ones copied), with the plan (borrowed) and hash of the draw.
 * fz_draw__select_again ends the adding and gives 1 when the inputs must
 * be read again: fingerprints met twice, or strata by ratio, whose
 * entities are known only by their tickets until then.  Every entity
 * record read again, in order, goes then to fz_draw__select_relook, which
 * keeps those a ratio takes and gives FZ_DATAERR with err set at the
 * first exact duplicate.
 * fz_draw__select_finish gives the kept entities (the selection's until
 * it is freed) and the figures (the population the selection's). */
fz_draw__select *fz_draw__select_new(const fz_plan *plan, enum fz_hash h);
void fz_draw__select_add(fz_draw__select *s, const fz_entity *e);
int fz_draw__select_again(fz_draw__select *s);
int fz_draw__select_relook(fz_draw__select *s, fz_node *rec, fz_error *err);
void fz_draw__select_finish(fz_draw__select *s, fz_entity **v, size_t *n,
    fz_draw__tally *t);
void fz_draw__select_free(fz_draw__select *s);
/* The fingerprint of an id, cut to the low bits fz_draw_fingerprint_bits
 * set (64 unless a test asked for fewer). */
uint64_t fz_draw__fingerprint(const char *id, size_t len);

#endif
