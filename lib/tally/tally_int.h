/* tally_int.h - the inside of a tally, shared by tally.c (counting) and
 * tally_io.c (writing and merging).  Not installed. */
#ifndef FAZHI_TALLY_INT_H
#define FAZHI_TALLY_INT_H

#include "tally.h"

struct row {
	const char **keys;		/* nby group values, NULL for null */
	fz_tally_counts c;
	long long solo_outings, solo_person_times;
};

/* A row's outing: its row and the outing's interned number. */
struct row_outing {
	uint32_t row, outing;
};

struct tcase {
	fz_case k;			/* the keys the figures read
					 * (tally_figures.c); id in the
					 * tally's arena, other strings NULL */
	const char **keys;		/* record keys; NULL at period keys */
};

/* An input a tally counted (tally_covers.c): its name as given, the
 * hex SHA-256 of its bytes, the period counted of it.  own: an input of
 * this run, whose period is the tally's (known when it is written);
 * else one of a tally merged in, named tally. */
struct cover {
	const char *input, *tally;
	char sha256[FZ_DIGEST_HEX];
	fz_date from, to;
	int own;
};

struct fz_tally {
	char **by;
	enum fz_period *period;		/* per key: FZ_P_NONE or its period */
	int nby, finest;		/* finest: index of the finest period key, -1 */
	char **where_key, **where_value;
	size_t nwhere;
	const char *const *filled;	/* keys filled in beside the records'
					 * (borrowed, static), NULL: none */
	fz_date from, to;		/* as set; FZ_NODATE when open */
	int fill;			/* both set: empty periods written */
	fz_date lo, hi;			/* the data's first and last date */
	const fz_calendar *cal;
	long long inputs[FZ_KIND_COUNT];

	fz_arena *arena;		/* keys and strings of the tally */
	fz_arena *scratch;		/* one record's group values */
	fz_map *rowmap;			/* row key -> row index + 1 */
	struct row *rows;
	size_t nrows, caprows;
	struct row total;
	/* Distinct counts.  Entities, outings and inspectors are interned
	 * to numbers (their index in the map, in first-seen order); the
	 * memberships are sets of number pairs, see tally.c. */
	fz_map *entity_ids, *outing_ids, *inspector_ids;
	fz_u64map *units;		/* row, entity */
	fz_u64map *outings;		/* row, outing -> row outing + 1 */
	fz_u64map *persons;		/* row outing, inspector */
	fz_u64map *all_persons;		/* outing, inspector */
	struct row_outing *ro;
	size_t nro, capro;
	const char *last_outing;	/* the outing of the last visit */
	uint32_t last_row, last_o, last_ro;
	fz_buf key;			/* scratch for a row's key */

	struct tcase *cases;
	size_t ncases, capcases;
	fz_map *caseids;		/* id -> index + 1 */

	size_t *order;			/* rows in output order */
	int finished;

	/* The bureau's and the towns' inspections apart, whatever by says:
	 * a tally by reported_by beside this one, fed the same inspections
	 * (no cases: they have no reporter).  It shares the intern maps of
	 * its owner (so its own totals mean nothing and are never used).
	 * NULL in that inner tally.  lost: a tally merged in had none, so
	 * the figures are unknown and not written. */
	struct fz_tally *rep;
	int rep_lost, rep_inner;

	/* What it covers; uncovered: the first tally merged in without
	 * covers (then the covers are unknown and not written), or NULL. */
	struct cover *covers;
	size_t ncovers, capcovers;
	const char *uncovered;

	/* The complaints (tally_complaints.c), NULL until one is read or
	 * merged; the reply clock they are counted on time by. */
	struct fz_tally__register *complaints;
	int complaint_reply_workdays;
	/* The documents (tally_documents.c), NULL until one is read or
	 * merged. */
	struct fz_tally__register *documents;
	/* The activities (tally_activities.c), NULL until one is read or
	 * merged. */
	struct fz_tally__register *activities;
};

/* The indicators of inspections: the first FZ_TALLY__NINSPECTION of
 * fz_tally_indicators, the only ones a reporter has. */
#define FZ_TALLY__NINSPECTION 7

/* tally.c */
uint32_t fz_tally__row(fz_tally *t, const char *const *keys);
void fz_tally__entity(fz_tally *t, uint32_t row, const char *id);
void fz_tally__outing(fz_tally *t, uint32_t row, const char *outing,
    fz_node *const *inspectors, size_t n);
void fz_tally__seen(fz_tally *t, fz_date d);
/* The number of s in an intern map, in first-seen order; *added is 1
 * when s is new.  The row outing number of (row, outing), made when
 * new (counted in the row's outings), the outing's number in *o. */
uint32_t fz_tally__intern(fz_map *m, const char *s, int *added);
uint32_t fz_tally__row_outing(fz_tally *t, uint32_t row,
    const char *outing, uint32_t *o);
void fz_tally__range(const fz_tally *t, fz_date *from, fz_date *to);
int fz_tally__case(fz_tally *t, const struct tcase *c, fz_error *err,
    const fz_node *at);

/* tally_figures.c: the keys of a case the tally keeps, copied from a
 * decoded case (strings left out but the id); compared (1 when the
 * same); written as keys of a cases record; read back from such a
 * record cn (decoded in place): FZ_DATAERR with err set when it is not
 * one, or was written before the case figures. */
void fz_tally__case_copy(fz_case *dst, const fz_case *src);
int fz_tally__case_same(const fz_case *a, const fz_case *b);
void fz_tally__case_write(fz_writer *w, const fz_case *k);
int fz_tally__case_read(fz_node *cn, fz_case *out, fz_error *err);
/* The case figures of k: each a count n of a field of fz_tally_counts
 * (its offset) in the period of date; into hit, their number returned. */
struct fz_tally__hit {
	fz_date date;
	size_t field;
	long long n;
};
#define FZ_TALLY__MAXHITS 24
size_t fz_tally__case_hits(const fz_calendar *cal, const fz_case *k,
    struct fz_tally__hit hit[FZ_TALLY__MAXHITS]);
/* tally_register.c: a register's section of a tally (complaints,
 * documents), named name, its records what ("complaint") in messages:
 * rows by the tally's keys of the n whole-number indicators (at most
 * FZ_TALLY__NREGISTER), the ids counted, and a setting (NULL: none)
 * written beside the rows that merged sections must share (clash: the
 * message when they do not).  With a set (fz_tally__register_set), the
 * last indicator is no sum but the number of distinct members listed
 * in the row's records, written under set_key when mergeable so that a
 * merge counts those of the union exactly.  Owned by the tally. */
#define FZ_TALLY__NREGISTER 8
typedef struct fz_tally__register {
	const char *name, *what, *setting, *clash;
	const char *const *indicators;
	int n;
	long long setting_value;
	fz_arena *arena;
	fz_map *rows;			/* row key: its row */
	fz_map *ids;			/* the records counted */
	long long total[FZ_TALLY__NREGISTER];
	const char *set_key;		/* NULL: no set */
	fz_map *total_set;		/* the members of every row */
	fz_buf key;
} fz_tally__register;
fz_tally__register *fz_tally__register_new(const char *name,
    const char *what, const char *const *indicators, const char *setting,
    const char *clash);
void fz_tally__register_free(fz_tally__register *g);
/* The last indicator of g counted as a set, its members under key. */
void fz_tally__register_set(fz_tally__register *g, const char *key);
/* The record of kind k with id, in the period of day, its values v (n)
 * and, with a set, its members (a list of strings, or NULL) added to
 * its row; FZ_DATAERR when its id was counted before. */
int fz_tally__register_add(fz_tally *t, fz_tally__register *g,
    enum fz_kind k, const char *id, fz_date day, const fz_node *rec,
    const long long *v, const fz_node *members, fz_error *err);
/* Written as name: (nothing when g is NULL), the ids when mergeable. */
void fz_tally__register_write(fz_writer *w, const fz_tally *t,
    const fz_tally__register *g, int mergeable);
/* A merged tally's section sec added; fresh: g has counted nothing, and
 * takes the setting of sec. */
int fz_tally__register_merge(fz_tally *t, fz_tally__register *g,
    const fz_node *sec, int fresh, fz_error *err);

/* tally_documents.c: the same for documents, counted in the period of
 * the day they were issued; written by fz_tally__register_write. */
void fz_tally__documents_open(fz_tally *t);
int fz_tally__document(fz_tally *t, const fz_document *d,
    const fz_node *rec, fz_error *err);
int fz_tally__merge_documents(fz_tally *t, const fz_node *dq,
    fz_error *err);

/* tally_complaints.c: the complaints section opened (complaints were
 * read) and freed; a complaint in the range counted (FZ_DATAERR when its
 * id was counted before); written (nothing when none were read or
 * merged), with their ids when mergeable; those of a merged tally's
 * complaints: section (NULL: none) added. */
void fz_tally__complaints_open(fz_tally *t);
void fz_tally__complaints_free(fz_tally *t);
int fz_tally__complaint(fz_tally *t, const fz_complaint *c,
    const fz_node *rec, fz_error *err);
void fz_tally__write_complaints(fz_writer *w, fz_tally *t, int mergeable);
int fz_tally__merge_complaints(fz_tally *t, const fz_node *cq,
    fz_error *err);

/* tally_activities.c: the same for activities, counted in the period of
 * their day (date, or from), with the distinct entities of each row;
 * written by fz_tally__register_write. */
void fz_tally__activities_open(fz_tally *t);
int fz_tally__activity(fz_tally *t, const fz_activity *a,
    const fz_node *rec, fz_error *err);
int fz_tally__merge_activities(fz_tally *t, const fz_node *aq,
    fz_error *err);

/* tally_covers.c: a merged tally's covers: taken in, each checked
 * against those taken before (FZ_DATAERR at the cover that meets
 * another); the covers written, when known. */
int fz_tally__merge_covers(fz_tally *t, const fz_node *doc, fz_error *err);
void fz_tally__write_covers(fz_writer *w, const fz_tally *t);

#endif
