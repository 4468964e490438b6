/* tally_fixture.h - records built by hand and tallies over them, for the
 * tests of tally.c, tally_io.c and tally_merge.c
 * (tests/unit/tally_fixture.c).  Nodes come from fx_arena. */
#ifndef TALLY_FIXTURE_H
#define TALLY_FIXTURE_H

#include "core_fixture.h"

/* An inspection: inspectors as "P1,P2"; town, outing and category may
 * be NULL; result an enum fz_result. */
struct visit {
	const char *date, *entity, *town, *inspectors, *outing;
	int result, leader_led;
	const char *category;
};

/* A case: dates NULL when absent, fine in fen or FZ_NOMONEY. */
struct kase {
	const char *id, *filed, *closed, *decided, *legal_review, *published;
	long long extended_days;
	int64_t fine;
	const char *town;
};
#define NOFINE FZ_NOMONEY

/* Add the record, built as a struct and as the node it would be read
 * from; add_case fails the test when the tally refuses the case. */
void add_visit(fz_tally *t, const struct visit *v);
/* The same, reported by reported_by ("bureau", "town"; NULL: absent). */
void add_visit_from(fz_tally *t, const struct visit *v,
    const char *reported_by);
int try_case(fz_tally *t, const struct kase *k, fz_error *err);
void add_case(fz_tally *t, const struct kase *k);
/* A case given as a YAML mapping, "{id: C1, filed: 2019-03-01, ...}",
 * decoded as fazhi-tally decodes it. */
void add_case_yaml(fz_tally *t, const char *yaml);

/* A tally by the NULL-terminated keys. */
fz_tally *tally_by(const char *key, ...);
/* Once finished: the counts of row i in output order, whose nby keys
 * must be the ones given (NULL for null); the number of rows; totals. */
const fz_tally_counts *row(fz_tally *t, size_t i, int nby, ...);
size_t nrows(fz_tally *t);
const fz_tally_counts *totals(fz_tally *t);

/* Seven indicators of c in fz_tally_indicators order from the first,
 * given as ints: visits, units, person_times, outings, violations,
 * banned, leader_led; or filed, closed, open, closed_on_time, overdue,
 * reviewed, published_on_time. */
void assert_indicators(const fz_tally_counts *c, int first, int n, ...);
#define assert_visits(c, ...) assert_indicators(c, 0, 7, __VA_ARGS__)
#define assert_cases(c, ...) assert_indicators(c, 7, 7, __VA_ARGS__)

/* Five visits in March and April 2019 (tally_fixture.c says which), and
 * a tally given them. */
extern const struct visit five[5];
fz_tally *five_by(fz_tally *t);

/* A calendar of National Day 2019: 10-01 to 10-07 off, 09-29 and 10-12
 * worked.  Owned by the caller. */
fz_calendar *national_day(void);

/* fx_written functions: the tally ctx written plain, or mergeable. */
void write_plain(fz_writer *w, void *ctx);
void write_mergeable(fz_writer *w, void *ctx);
/* Add the records of a register (complaints, documents, activities), a
 * flow list of YAML lines "- {...}", to t as fazhi-tally decodes them:
 * the first refusal returned. */
int add_register(fz_tally *t, enum fz_kind k, const char *records,
    fz_error *err);
/* The section of t as written (mergeable or not) from the line that
 * begins with start to mergeable: or the end, malloc'd. */
char *section_of(fz_tally *t, int mergeable, const char *start);

#endif
