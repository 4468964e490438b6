/* results.h - a published draw read back and joined to its inspections.
 *
 * What other folders of lib/ and the programs may use of lib/results/; what
 * stays inside it is in results_int.h. */
#ifndef FAZHI_RESULTS_H
#define FAZHI_RESULTS_H

#include "core/core.h"
#include "io/io.h"
#include "draw/draw.h"

/* ---------------------------------------------------------------- results */

/* fazhi-results: a published draw joined to the inspections that
 * followed it (and to their cases), what each drawn entity went
 * through, and what is due for publication (抽查结果公示). */

/* A published draw document read back: its
 * task, seed, hash and date, and each selection with its drawn team.
 * Every string is a copy owned by the arena given. */
typedef struct fz_draw_member {
	const char *id, *name, *department;	/* name, department may be NULL */
} fz_draw_member;

typedef struct fz_draw_selection {
	const char *entity, *name, *category, *town, *stratum;	/* all but
				 * entity may be NULL */
	fz_draw_member *team;	/* in the order drawn; none when unfilled */
	size_t nteam;
	const fz_node *at;	/* the selection, for messages */
} fz_draw_selection;

#define FZ_RESULTS_MAX_DAYS 3650	/* working days a limit may span */

typedef struct fz_results_draw {
	const char *task, *seed;
	enum fz_hash hash;
	fz_date date;
	long long inspect_within_days;	/* the draw's, -1 when it does not say */
	fz_draw_selection *selections;	/* in draw order */
	size_t nselections;
	char digest[FZ_DIGEST_HEX];	/* of the file read, by hash; "" when
					 * decoded from a node */
	const fz_node *doc;
} fz_results_draw;

/* Decode the draw document doc into d: FZ_OK, or FZ_DATAERR with err at
 * the fault (not a draw; task, seed or date missing or bad; hash not
 * sha256 or sm3; a selection without entity, a member without id; an
 * entity drawn twice).  Keys it does not use are ignored.  d points
 * into doc and into memory of a; both must outlive it. */
int fz_results_draw_decode(const fz_node *doc, fz_results_draw *d, fz_arena *a,
    fz_error *err);
/* Read the one draw document of path ("-": standard input) into d, its
 * nodes copied into a, with the digest of the file's bytes under the
 * draw's hash.  FZ_OK; FZ_NOINPUT, FZ_IOERR; FZ_DATAERR for no document,
 * another kind, a second document, or the errors of fz_results_draw_decode. */
int fz_results_draw_read(const char *path, fz_results_draw *d, fz_arena *a,
    fz_error *err);

/* What a selection is flagged with. */
enum fz_results_flag {
	FZ_RF_NOT_INSPECTED = 1,	/* no inspection yet */
	FZ_RF_OVERDUE = 2,		/* none within the working days given */
	FZ_RF_TEAM_CHANGED = 4		/* no inspection by the drawn team */
};

/* A random inspection under the draw's task, copied (memory of the
 * results).  added and missing compare its inspectors with the drawn
 * team (none for the inspection of an entity not drawn). */
typedef struct fz_results_visit {
	fz_date date, publish_by;
	fz_date published;		/* its result made public; FZ_NODATE */
	const char *entity, *category, *town;
	const char **inspectors;
	size_t ninspectors;
	int result;			/* enum fz_result */
	int outcome;			/* enum fz_inspection_outcome, -1 */
	fz_date followup_closed;	/* FZ_NODATE when not given */
	const char *case_id;		/* NULL when none */
	const fz_case *c;		/* its case; NULL without one or unknown */
	const char **added, **missing;
	size_t nadded, nmissing;
	size_t selection;		/* index of its selection, or SIZE_MAX */
	size_t order;			/* in reading order */
} fz_results_visit;

typedef struct fz_results_selection {
	const fz_draw_selection *sel;
	fz_results_visit **visits;	/* by date, then reading order */
	size_t nvisits;
	unsigned flags;			/* enum fz_results_flag */
} fz_results_selection;

/* The summary: selections (家) drawn, inspected, inspected by their
 * drawn team, whose inspections were all ok, with a violation or a ban;
 * distinct cases filed from their inspections and the fines of those
 * cases (fen; FZ_NOMONEY without cases); then the counts of each flag,
 * of inspections of entities not drawn, and of results due for
 * publication and late. */
typedef struct fz_results_summary {
	long long drawn, inspected, by_drawn_team, compliant, violations,
	    filed;
	int64_t fines;
	long long not_inspected, overdue, team_changed, not_drawn,
	    publication_due, publication_late, published_on_time,
	    published_late;
} fz_results_summary;

/* Where the result of an inspection of a drawn entity stands, against
 * its publish_by: not yet published and due (publish_by on or after the
 * as-of date), not published and late, published after publish_by.
 * Those published by publish_by are only counted. */
enum fz_results_publication {
	FZ_RESULTS_DUE, FZ_RESULTS_LATE, FZ_RESULTS_PUBLISHED_LATE,
	FZ_RESULTS_NPUBLICATION
};

#define FZ_RESULTS_DEFAULT_DAYS 20	/* to inspect, and to publish */

typedef struct fz_results_opts {
	fz_date as_of;			/* later inspections are left out */
	long long inspect_within_days;	/* -1: the draw's, else 20 */
	const fz_calendar *calendar;	/* borrowed; NULL: Monday to Friday */
} fz_results_opts;

typedef struct fz_results fz_results;

/* Results of the draw d (borrowed: it must outlive them) with o (copied).
 * Owned by the caller: fz_results_free. */
fz_results *fz_results_new(const fz_results_draw *d, const fz_results_opts *o);
void fz_results_free(fz_results *r);
/* Keep a decoded inspection (copied) when its type is random, its task
 * the draw's and its date within [draw date, as-of]. */
void fz_results_add_inspection(fz_results *r, const fz_inspection *in);
/* The organization whose inspections these are (its name, copied), or
 * NULL for none: written as the results' organization. */
void fz_results_set_organization(fz_results *r, const char *name);
/* Keep a decoded case (copied); FZ_DATAERR at `at` (may be NULL) when
 * its id was added before.  Once a case is added, or fz_results_take
 * has seen a cases document, every case is taken to have been given. */
int fz_results_add_case(fz_results *r, const fz_case *c, const fz_node *at,
    fz_error *err);
/* An event of fz_stream_next: records of inspections and cases decoded
 * (their nodes rewritten to canonical values) and added; an organization
 * document names the 检查实施机关 of the results (its name, copied); the
 * end event is nothing.  FZ_OK, or FZ_DATAERR with err set for a bad
 * record, a bad or second organization, or a document of another kind. */
int fz_results_take(fz_results *r, const fz_event *ev, fz_error *err);
/* Join, flag and count; idempotent, and done by the functions below. */
void fz_results_finish(fz_results *r);
/* The i-th selection in draw order, i below the draw's nselections. */
const fz_results_selection *fz_results_selection_at(fz_results *r,
    size_t i);
/* The inspections of entities the draw did not select, by date, then
 * entity, then reading order; *v owned by r. */
size_t fz_results_not_drawn(fz_results *r, fz_results_visit *const **v);
/* The inspections of the selections whose results stand as which says,
 * by publish_by, then draw order, then date; *v owned by r. */
size_t fz_results_due(fz_results *r, enum fz_results_publication which,
    fz_results_visit *const **v);
const fz_results_summary *fz_results_summary_of(fz_results *r);
/* Working days used, and the last day to inspect. */
long long fz_results_within(const fz_results *r);
fz_date fz_results_inspect_by(const fz_results *r);
/* FZ_OK when every selection was inspected by its drawn team in time and
 * nothing is flagged, FZ_PROBLEMS otherwise. */
int fz_results_status(fz_results *r);
/* Write the results document; 0, or -1 when a write
 * failed. */
int fz_results_write(fz_results *r, fz_writer *w);

/* --------------------------------------------------------------- coverage */

/* fazhi-results --coverage: the year's coverage of the item list (一单)
 * by its draws and their random inspections.  Per item its population
 * (the active entities of the directory in its categories, by credit
 * class), the entities drawn for it and inspected, the share reached as
 * an exact fraction against the item's ratio or ratios, the rounds (the
 * year's draws for it of which some entity of it was inspected) against
 * its times, and its entities never drawn; per entity its checks of the
 * year (every inspection but complaint visits) against the cap, the
 * item's max_checks_per_year or else the plan's. */
typedef struct fz_results_coverage fz_results_coverage;

/* The coverage of the year (1 to 9999).  Owned by the caller:
 * fz_results_coverage_free. */
fz_results_coverage *fz_results_coverage_new(int year);
void fz_results_coverage_free(fz_results_coverage *cv);
/* An event of fz_stream_next (FZ_STREAM_ANY_KIND): records of items,
 * entities, credit and inspections, plan and draw documents, decoded
 * and kept (copied); the end event is nothing.  FZ_OK, or FZ_DATAERR
 * with err set for a bad record or document, an item code given twice,
 * or a document of another kind. */
int fz_results_coverage_take(fz_results_coverage *cv, const fz_event *ev,
    fz_error *err);
/* After the inputs: FZ_OK, or FZ_DATAERR when no item, no entity or no
 * draw was given (a coverage of nothing is no coverage), or an item
 * gives ratios by class and neither credit records nor a plan's
 * credit_default were read. */
int fz_results_coverage_ready(const fz_results_coverage *cv, fz_error *err);

/* What the coverage found of one item (of one credit class of it). */
typedef struct fz_results_coverage_count {
	long long population, needed, drawn, inspected;
	fz_ratio ratio;			/* asked; den 0: none */
	int short_;			/* inspected below needed */
} fz_results_coverage_count;

/* The least whole number of entities of population that ratio asks:
 * ceil(population * num / den), exactly; 0 for no ratio. */
long long fz_results_coverage_needed(long long population, fz_ratio ratio);
/* Join and count; idempotent. */
void fz_results_coverage_finish(fz_results_coverage *cv);
/* The counts of item i (in the list's order) and of its j-th class
 * (j below fz_results_coverage_classes), its rounds; NULL past the end. */
size_t fz_results_coverage_items(fz_results_coverage *cv);
const fz_results_coverage_count *fz_results_coverage_item(
    fz_results_coverage *cv, size_t i,
    long long *rounds, int *short_);
size_t fz_results_coverage_classes(fz_results_coverage *cv, size_t i);
const fz_results_coverage_count *fz_results_coverage_class(
    fz_results_coverage *cv, size_t i,
    size_t j, const char **klass);
/* Entities whose checks of the year pass their cap. */
size_t fz_results_coverage_over_cap(fz_results_coverage *cv);
/* FZ_PROBLEMS when an item falls short or an entity passes its cap,
 * else FZ_OK. */
int fz_results_coverage_status(fz_results_coverage *cv);
/* Write the coverage document; 0, or -1 when a write failed. */
int fz_results_coverage_write(fz_results_coverage *cv, fz_writer *w);

/* end of results */

#endif
