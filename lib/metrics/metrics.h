/* metrics.h - the approval metrics of the matter catalogue and applications.
 *
 * What other folders of lib/ and the programs may use of lib/metrics/; what
 * stays inside it is in metrics_int.h. */
#ifndef FAZHI_METRICS_H
#define FAZHI_METRICS_H

#include "core/core.h"
#include "io/io.h"

/* ---------------------------------------------------------------- metrics */

/* The "最多跑一次" approval figures of fazhi-metrics(1): the matter
 * catalogue, the applications of a period and the rates of FORMATS.md,
 * every rate an exact fraction.  Matters are kept (a few thousand);
 * applications are counted and forgotten, so memory does not grow with
 * their number.  The matters must be added before the applications to
 * them. */

/* The rates, in the order they are written. */
enum fz_metrics_rate_id {
	FZ_RATE_ONLINE, FZ_RATE_MOBILE, FZ_RATE_ZERO_TRIP, FZ_RATE_INSTANT,
	FZ_RATE_TIME_COMPRESSION, FZ_RATE_E_MATERIAL, FZ_RATE_E_LICENSE,
	FZ_RATE_ONLINE_COMPLETION, FZ_RATE_SATISFACTION,
	FZ_RATE_MEAN_WORKDAYS, FZ_RATE_ON_TIME,
	FZ_RATE_COUNT
};

typedef struct fz_metrics_fraction {
	long long num, den;
} fz_metrics_fraction;

/* "online_rate", "网上办实现率" ...: static strings. */
const char *fz_metrics_rate_key(enum fz_metrics_rate_id r);
const char *fz_metrics_rate_label(enum fz_metrics_rate_id r);
/* num/den (both >= 0) as a decimal rounded half up to 4 places, trailing
 * zeros dropped ("1", "0.9813"), by integer arithmetic; "null" when den
 * is 0.  Written into buf (at least 32 bytes), which is returned. */
char *fz_metrics_fraction_format(fz_metrics_fraction f, char *buf);

/* The figures of a group of matters, or of the whole catalogue.
 * Applications counts are of completed applications unless named
 * otherwise (received, pending). */
typedef struct fz_metrics_figures {
	long long matters, counted;	/* all; without children */
	long long by_level[3];		/* enum fz_level, all matters */
	long long by_type[7];		/* enum fz_matter_type, counted */
	long long received, completed, pending;
	long long by_action[4], by_channel[3], by_outcome[3];
	long long site_surveys;
	fz_metrics_fraction rates[FZ_RATE_COUNT];
} fz_metrics_figures;

enum fz_metrics_by { FZ_BY_NONE, FZ_BY_MATTER, FZ_BY_TYPE, FZ_BY_OFFICE };
/* "matter", "type", "office"; -1 for anything else. */
int fz_metrics_by_parse(const char *name);

/* One row of --by: the group's value (matter code, type, office; NULL
 * for matters without an office) and, by matter, the matter's name. */
typedef struct fz_metrics_row {
	const char *group, *name;
	fz_metrics_figures figures;
} fz_metrics_row;

typedef struct fz_metrics fz_metrics;

/* Metrics of the applications of [from, to]; either bound may be
 * FZ_NODATE (open).  cal may be NULL (Monday to Friday); it must outlive
 * m.  Returns metrics owned by the caller. */
fz_metrics *fz_metrics_new(const fz_calendar *cal, fz_date from,
    fz_date to);
void fz_metrics_free(fz_metrics *m);
/* Count only the applications that pass the conditions of w (copied),
 * with the records given to the add functions: a condition on a key of
 * applications is tested on the application, one on a key only matters
 * have (office, type, level ...) on its matter.  Before the first add. */
int fz_metrics_set_where(fz_metrics *m, const fz_where *w, fz_error *err);
/* For shell completion, one a line into b: what --by takes ("by"), the
 * keys of --where ("where"), the values of a key ("value=KEY"). */
void fz_metrics_words(const char *what, fz_buf *b);
/* The conditions of where tested on applications, and on matters (for
 * their counts of records that had each value); owned by m. */
const fz_where *fz_metrics_where_of(const fz_metrics *m, enum fz_kind k);

/* Add a matter to the catalogue.  Its strings are copied; rec (may be
 * NULL) is its record, for the positions of errors, and is not kept.
 * FZ_DATAERR for a duplicate code, promised_days above statutory_days
 * or e_materials above materials. */
int fz_metrics_add_matter(fz_metrics *m, const fz_matter *mt,
    const fz_node *rec, fz_error *err);
/* The matter of a code, NULL when unknown.  Owned by m. */
const fz_matter *fz_metrics_matter(const fz_metrics *m, const char *code);

/* Count one application (rec as above).  FZ_DATAERR for an unknown
 * matter, a completion before receipt, or, when m was given a calendar,
 * one completed in the period with a year from its receipt to its
 * completion that the calendar does not cover. */
int fz_metrics_add_application(fz_metrics *m, const fz_application *a,
    const fz_node *rec, fz_error *err);

/* Cross-references of the catalogue, after its last matter and before
 * the figures are asked: a parent that does not exist, a cycle in the
 * parent chain, a sub or leaf without a parent.  FZ_OK or FZ_DATAERR. */
int fz_metrics_check(fz_metrics *m, fz_error *err);
/* One event of the inputs: a record of matters or applications decoded
 * (its node rewritten to canonical values) and added; at the end event,
 * fz_metrics_check.  FZ_DATAERR with err set for a document of another
 * kind, or the errors of the functions above. */
int fz_metrics_take(fz_metrics *m, const fz_event *ev, fz_error *err);
/* The parts of a large file read at once (fz_stream_parts, its ctx the
 * metrics): applications counted apart against the matters read before
 * them, then added; matters in one part. */
void *fz_metrics_part_open(void *ctx, enum fz_kind k);
int fz_metrics_part_take(void *part, const fz_event *ev, fz_error *err);
int fz_metrics_part_merge(void *ctx, void *part, fz_error *err);
void fz_metrics_part_drop(void *part);

/* The figures over the whole catalogue. */
void fz_metrics_total(const fz_metrics *m, fz_metrics_figures *out);
/* The rows of a grouping (not FZ_BY_NONE), in catalogue order (by type:
 * in the order of the enumeration); *rows is owned by m and valid until
 * the next call.  Returns the number of rows. */
size_t fz_metrics_rows(fz_metrics *m, enum fz_metrics_by by,
    const fz_metrics_row **rows);
/* The period written: the bounds given, an open one replaced by the
 * earliest receipt or latest date of the applications counted
 * (FZ_NODATE when there are none). */
void fz_metrics_period(const fz_metrics *m, fz_date *from, fz_date *to);

/* Write the metrics document: kind, version, from,
 * to, catalogue, applications, rates, then with a grouping by and rows.
 * Returns 0, or -1 when a write failed. */
int fz_metrics_write(fz_metrics *m, fz_writer *w, enum fz_metrics_by by);

/* Keep what an exact merge needs (the ids of the applications, the
 * given period, a digest of the catalogue) and write it as mergeable:.
 * Before the first add.  A mergeable metrics is read in one part. */
void fz_metrics_set_mergeable(fz_metrics *m);
int fz_metrics_is_mergeable(const fz_metrics *m);
/* Add the counts of a metrics document written with mergeable, after
 * the whole catalogue was added and checked.  FZ_DATAERR, at the
 * position of the value, for a document without mergeable:, another
 * period or where than m's, another catalogue (its digest), or an
 * application id that m or a document merged before counted. */
int fz_metrics_merge(fz_metrics *m, const fz_node *doc, fz_error *err);
/* fz_metrics_take for --merge: the matters, then metrics documents
 * (fz_metrics_merge, the catalogue checked before the first).
 * FZ_DATAERR for applications, a matter after a metrics document, or
 * at the end when no metrics document was merged. */
int fz_metrics_merge_take(fz_metrics *m, const fz_event *ev,
    fz_error *err);

/* end of metrics */

#endif
