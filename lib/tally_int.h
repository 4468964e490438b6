/* tally_int.h - the inside of a tally, shared by tally.c (counting) and
 * tally_io.c (writing and merging).  Not installed. */
#ifndef FAZHI_TALLY_INT_H
#define FAZHI_TALLY_INT_H

#include "fazhi.h"

#define TOTAL_ROW UINT32_MAX

struct outing {
	const char *id;
	const char **inspectors;
	size_t n, cap;
};

struct row {
	const char **keys;		/* nby group values, NULL for null */
	fz_tally_counts c;
	const char **entities;		/* distinct, in first-seen order */
	size_t nent, capent;
	struct outing *outs;		/* outings with an id */
	size_t nout, capout;
	long long solo_outings, solo_person_times;
};

struct tcase {
	const char *id;
	fz_date filed, closed, decided, legal_review, published;
	long long extended_days;
	int64_t fine;			/* FZ_NOMONEY when none */
	const char **keys;		/* record keys; NULL at period keys */
};

struct fz_tally {
	char **by;
	enum fz_period *period;		/* per key: FZ_P_NONE or its period */
	int nby, finest;		/* finest: index of the finest period key, -1 */
	char **where_key, **where_value;
	size_t nwhere;
	fz_date from, to;		/* as set; FZ_NODATE when open */
	fz_date lo, hi;			/* the data's first and last date */
	const fz_calendar *cal;
	long long inputs[FZ_KIND_COUNT];

	fz_arena *arena;		/* keys and strings of the tally */
	fz_arena *scratch;		/* one record's group values */
	fz_map *rowmap;			/* row key -> row index + 1 */
	struct row *rows;
	size_t nrows, caprows;
	struct row total;
	fz_map *sets;			/* memberships, see tally.c */
	char *kbuf;			/* scratch for keys */
	size_t kcap;

	struct tcase *cases;
	size_t ncases, capcases;
	fz_map *caseids;		/* id -> index + 1 */

	size_t *order;			/* rows in output order */
	int finished;
};

/* tally.c */
uint32_t fz__tally_row(fz_tally *t, const char *const *keys);
void fz__tally_entity(fz_tally *t, uint32_t row, const char *id);
void fz__tally_outing(fz_tally *t, uint32_t row, const char *outing,
    const char *inspector);
struct row *fz__tally_rowp(fz_tally *t, uint32_t row);
void fz__tally_seen(fz_tally *t, fz_date d);
void fz__tally_range(const fz_tally *t, fz_date *from, fz_date *to);
int fz__tally_case(fz_tally *t, const struct tcase *c, fz_error *err,
    const fz_node *at);

#endif
