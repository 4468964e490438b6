/* draw.h - the random inspection draw: tickets, plans, strata, teams,
 * inputs and their digests, the draw document.
 *
 * What other folders of lib/ and the programs may use of lib/draw/; what
 * stays inside it is in draw_int.h. */
#ifndef FAZHI_DRAW_H
#define FAZHI_DRAW_H

#include "core/core.h"
#include "io/io.h"

/* ------------------------------------------------------------------------------------ draw */

/* A draw hashes with lib/io's fz_hash (DRAW.md): SHA-256 or SM3. */
#define FZ_TICKET_SIZE 81	/* "0.", at most 78 digits, a NUL */

/* DRAW.md steps 3-4: the digest as a 256-bit big-endian integer, in
 * decimal padded to 64 digits, reversed, after "0.". */
void fz_draw_ticket_format(const unsigned char md[FZ_DIGEST_SIZE],
    char ticket[FZ_TICKET_SIZE]);
/* Steps 3-4 on the digest of buf (consistent_sampler's sha256_uniform);
 * -1 when libcrypto lacks the hash. */
int fz_draw_hash_uniform(enum fz_hash h, const void *buf, size_t len,
    char ticket[FZ_TICKET_SIZE]);
/* The first nine digits of the ticket of md, as an integer: tickets with
 * different leads are ordered as their leads. */
uint32_t fz_draw_ticket_lead(const unsigned char md[FZ_DIGEST_SIZE]);
/* <0, 0, >0 as the ticket of a is below, equal to, above that of b. */
int fz_draw_ticket_cmp(const unsigned char a[FZ_DIGEST_SIZE],
    const unsigned char b[FZ_DIGEST_SIZE]);

/* Tickets under one seed (step 1 done once).  The identifier ticketed is
 * the prefix last set (none at first) followed by id, so the inspector
 * tickets of an entity E hash E.id + "|" once.  fz_draw_ticketer_new copies
 * nothing it is given and returns a ticketer owned by the caller, NULL
 * when libcrypto lacks the hash.  A ticketer is not shared by threads. */
typedef struct fz_draw_ticketer fz_draw_ticketer;
fz_draw_ticketer *fz_draw_ticketer_new(enum fz_hash h, const char *seed, size_t len);
void fz_draw_ticketer_free(fz_draw_ticketer *t);
void fz_draw_ticketer_prefix(fz_draw_ticketer *t, const char *prefix, size_t len);
/* Step 2: the digest n of the identifier. */
void fz_draw_ticketer_digest(fz_draw_ticketer *t, const char *id, size_t len,
    unsigned char md[FZ_DIGEST_SIZE]);
/* fz_draw_ticket_lead of that digest, at less cost. */
uint32_t fz_draw_ticketer_lead(fz_draw_ticketer *t, const char *id, size_t len);
/* The first three digits of the ticket, 0 to 999, at less cost still:
 * tickets with different heads are ordered as their heads. */
uint32_t fz_draw_ticketer_head(fz_draw_ticketer *t, const char *id, size_t len);
/* The ticket of the identifier. */
void fz_draw_ticket(fz_draw_ticketer *t, const char *id, size_t len,
    char ticket[FZ_TICKET_SIZE]);

/* A condition of a stratum: the entity's field equals one of values
 * (enumerations as their canonical value, index in indexes). */
typedef struct fz_draw_cond {
	const fz_field *field;		/* an entity field, FZ_T_STR or ENUM */
	const char **values;
	int *indexes;
	size_t nvalues;
} fz_draw_cond;

typedef struct fz_stratum {
	const char *name;
	fz_draw_cond *where;		/* all must hold; none: every entity */
	size_t nwhere;
	long long count;		/* -1 when the stratum has a ratio */
	uint64_t ratio_num, ratio_den;	/* the exact decimal ratio, num/den */
	const char *credit;		/* of credit_ratios (v1.1): the
					 * entity's class must be this one;
					 * NULL: any class or none */
	const fz_node *at;		/* for messages */
} fz_stratum;

/* The plan document (FORMATS.md "plan"). */
typedef struct fz_plan {
	const char *task, *seed;
	size_t seed_len;
	fz_date date;
	int hash;			/* enum fz_hash, -1 when not named */
	fz_stratum *strata;
	size_t nstrata;
	long long team_size;		/* at least 2 */
	const char **departments;	/* team.departments, in order */
	const fz_node **department_at;
	size_t ndepartments;
	const char *department;		/* team.department (v1.1): the seats
					 * beyond those of department only;
					 * NULL: of any */
	const fz_node *team_at, *fill_at;	/* team, team.department */
	long long max_per_inspector;	/* 0: no cap */
	long long exclude_days;		/* exclude_inspected_within_days, 0: none */
	int credit;			/* a stratum gives credit_ratios */
	const char *credit_default;	/* the class of an entity without a
					 * credit record on the date, or NULL */
	const char **items;		/* the codes of the items it draws
					 * for (抽查事项), in order */
	size_t nitems;
	long long max_checks_per_year;	/* per entity; 0: no cap */
	const fz_node *doc, *hash_at;
} fz_plan;

/* Decode the plan document doc into plan: every error of FORMATS.md and
 * DRAW.md with its position (FZ_DATAERR, err set), the warning of a seed
 * under 15 digits to diag (may be NULL).  plan points into doc and into
 * memory from a; both must outlive it. */
int fz_draw_plan_decode(const fz_node *doc, fz_plan *plan, fz_arena *a,
    const fz_diag *diag, fz_error *err);

/* One entity taken, in draw order. */
typedef struct fz_draw_pick {
	size_t entity;			/* index into the entities */
	size_t stratum;
	char ticket[FZ_TICKET_SIZE];
	size_t *team;			/* indexes into the inspectors, as taken */
	size_t nteam;			/* 0 when unfilled */
	const char *unfilled;		/* why no team could be formed, or NULL */
} fz_draw_pick;

/* The result of a draw.  It borrows the plan, entities and inspectors
 * it was run on. */
typedef struct fz_draw {
	const fz_plan *plan;
	const fz_entity *entities;
	const fz_inspector *inspectors;
	enum fz_hash hash;
	size_t *population, *selected;	/* per stratum */
	size_t closed, recent, unmatched;	/* entities left out */
	fz_draw_pick *picks;
	size_t npicks, nunfilled;
	fz_arena *arena;		/* picks, teams, reasons */
} fz_draw;

/* Run the draw of DRAW.md over decoded entities and inspectors (ids
 * unique and without '|', as fz_draw_take checks).  Warnings (a stratum
 * that matches nothing, entities in no stratum) go to diag, which may be
 * NULL; a report's node is NULL when it has no place.  Returns FZ_OK, or
 * FZ_DATAERR with err set when a department of team.departments has no
 * active inspector.  d is filled and owned by the caller: fz_draw_free. */
int fz_draw_run(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, size_t nentities,
    const fz_inspector *inspectors, size_t ninspectors,
    const fz_diag *diag, fz_error *err);
void fz_draw_free(fz_draw *d);

/* The inputs of a draw, read from files by kind in any order. */
enum fz_draw_input { FZ_IN_PLAN, FZ_IN_ENTITIES, FZ_IN_INSPECTORS,
	FZ_IN_CREDIT, FZ_IN_COUNT };

typedef struct fz_draw_inputs {
	fz_plan plan;
	fz_entity *entities;
	size_t nentities;
	fz_inspector *inspectors;
	size_t ninspectors;
	enum fz_hash hash;		/* the draw's hash, once read */
	int credit_read;		/* a credit document was read */
	size_t records[FZ_IN_COUNT];	/* records (plan: documents) read */
	char digest[FZ_IN_COUNT][FZ_DIGEST_HEX];
	struct fz_draw_store *store;	/* private */
} fz_draw_inputs;

/* The plan, entities, inspectors and credit records read from one
 * stream (opened
 * without FZ_STREAM_KEEP) into in, with the digests of DRAW.md.
 * fz_draw_inputs_init readies in: the hash is force when it is not -1 (a
 * plan naming another is an error), else the plan's, else fallback;
 * warnings (an 18-character id whose check character is wrong, a short
 * seed) go to diag (may be NULL, else it must outlive in).  The stream's
 * tap is fz_draw_inputs_tap with in as its context; every event goes to
 * fz_draw_take; then, whatever the reading's status, fz_draw_inputs_end
 * gives the status of the whole.  Errors (FZ_DATAERR, or the stream's):
 * every error of the plan, no plan or two, duplicate ids (the first
 * coming before any later error), '|' in an id, a document of another
 * kind, two credit records of one entity valid on the plan's date.
 * Each entity's credit is its class on the plan's date (DRAW.md), or
 * the plan's credit_default.  in is owned by the caller: fz_draw_inputs_free, also after an
 * error. */
void fz_draw_inputs_init(fz_draw_inputs *in, int force,
    enum fz_hash fallback, const fz_diag *diag);
void fz_draw_inputs_tap(void *in, size_t file, const void *buf, size_t len);
int fz_draw_take(fz_draw_inputs *in, const fz_event *ev, fz_error *err);
int fz_draw_inputs_end(fz_draw_inputs *in, int status, fz_error *err);
void fz_draw_inputs_free(fz_draw_inputs *in);

/* Bounded memory (fazhi-draw(1)): when the inputs can be read a second
 * time (files, not a pipe), fz_draw_inputs_bounded after
 * fz_draw_inputs_init lets a plan read before any entity keep only the
 * entities that can be taken, in->entities then holding those alone
 * (a plan with credit_ratios keeps the directory all the same).  Two ids
 * are then told apart by fingerprints, and the entities of a stratum by
 * ratio by their tickets alone until its population is known: after the
 * reading, when fz_draw_inputs_again gives 1 (fingerprints met twice, or
 * a stratum by ratio), the inputs are read again, every event to
 * fz_draw_look_again (no tap), which keeps the entities a ratio takes and
 * stops the reading at the first duplicate id (its error then
 * fz_draw_inputs_end's too); then fz_draw_inputs_end as always. */
void fz_draw_inputs_bounded(fz_draw_inputs *in);
int fz_draw_inputs_again(fz_draw_inputs *in);
int fz_draw_look_again(fz_draw_inputs *in, const fz_event *ev, fz_error *err);
/* A test's hook: fingerprints cut to their bits low bits (1 to 64; 64
 * as the program runs), so that different ids share them and the second
 * look is seen to tell them apart.  Not for threads at once. */
void fz_draw_fingerprint_bits(int bits);
/* fz_draw_run over what in holds, a bounded selection or the whole
 * directory. */
int fz_draw_run_inputs(fz_draw *d, const fz_draw_inputs *in,
    const fz_diag *diag, fz_error *err);

/* The draw document of FORMATS.md for d read from in, as a tree owned by
 * a: what fazhi-draw writes and what --verify compares. */
fz_node *fz_draw_document(const fz_draw *d, const fz_draw_inputs *in,
    fz_arena *a);

/* Compare a published draw document with the recomputed one: each
 * difference goes to report (at: the published node nearest to it), the
 * digests first.  Returns the number of differences. */
typedef void (*fz_draw_diff_fn)(void *ctx, const fz_node *at,
    const char *msg);
size_t fz_draw_compare(const fz_node *published, const fz_node *recomputed,
    fz_draw_diff_fn report, void *ctx);

/* The published: of a draw document, the day its notice went out,
 * which the bureau adds once it is out (no input gives it): FZ_OK with
 * *when FZ_NODATE when absent or the date; FZ_DATAERR with err at it when
 * it is not a date or is before the draw's date. */
int fz_draw_notice_date(const fz_node *draw, fz_date *when, fz_error *err);
/* The published draw --verify reads: the one document of its file. */
typedef struct fz_draw_published {
	const char *path;	/* the file, named when it holds nothing */
	fz_arena *arena;	/* the document is copied into it */
	fz_node *doc;		/* the draw document, once read */
} fz_draw_published;
/* One event of the published draw's file: FZ_OK, or FZ_DATAERR with err
 * set for a document not of kind draw, a second document, and at the
 * end event when there was none. */
int fz_draw_published_take(fz_draw_published *p, const fz_event *ev,
    fz_error *err);
/* The hash the published draw names, else SHA-256: the hash of the draw
 * its inputs are recomputed with, unless one is asked for. */
enum fz_hash fz_draw_published_hash(const fz_draw_published *p);
/* The verdict of --verify onto fp: every difference of fz_draw_compare
 * between the published draw and recomputed, the draw d of the inputs
 * (FILE:LINE:COL: what differs), then one line of the whole.  FZ_OK
 * when the draw holds, else FZ_PROBLEMS. */
int fz_draw_verify_write(FILE *fp, const fz_draw_published *p,
    const fz_node *recomputed, const fz_draw *d);

/* end of ticket and draw */

#endif
