/* tally.h - the inspection and case tally, its output and its exact merge.
 *
 * What other folders of lib/ and the programs may use of lib/tally/; what
 * stays inside it is in tally_int.h. */
#ifndef FAZHI_TALLY_H
#define FAZHI_TALLY_H

#include "core/core.h"
#include "io/io.h"

/* ----------------------------------------------------------------- tally */

/* The indicators of FORMATS.md's tally, for one row or the totals. */
typedef struct fz_tally_counts {
	long long visits, units, person_times, outings, violations, banned,
	    leader_led, filed, closed, open, closed_on_time, overdue,
	    reviewed, published_on_time;
	int64_t fines;		/* fen */
	/* The case figures (fazhi-formats(5)): mean_decision_days is
	 * decision_days over general_decided, leader_appeared a rate over
	 * litigations, both written as numerator and denominator. */
	long long major, major_supervised, major_av_recorded,
	    simple_procedure, general_decided, general_within_half,
	    decision_days, not_punished_minor, not_punished_first_offense,
	    not_punished_no_fault, hearings, served_on_time, transferred,
	    reviewed_required, reconsiderations, reconsiderations_corrected,
	    litigations, litigations_lost, leader_appeared;
	/* The penalties of the cases decided (fz_cases_decision_of) in the
	 * period: penalized, the cases given one, and each case once more
	 * under its heaviest (fz_cases_heaviest_penalty). */
	long long penalized, penalty_revocation, penalty_suspension,
	    penalty_confiscation, penalty_fine, penalty_warning;
} fz_tally_counts;

/* The indicator keys in output order, NULL-terminated. */
extern const char *const fz_tally_indicators[];

typedef struct fz_tally fz_tally;

/* A tally grouped by the keys of by (period keys year, quarter, month,
 * week, day, and any key of inspections or cases), in that order.
 * Returns a tally owned by the caller, or NULL with err set (FZ_USAGE)
 * when by names a key twice, an empty key or one no record kind has.
 * by is copied. */
fz_tally *fz_tally_new(char *const *by, int nby, fz_error *err);
/* The same, by and --where also taking the keys of filled (NULL-
 * terminated, static; NULL: none), which the records are given before
 * they are counted: fz_directory_filled's zone and grade. */
fz_tally *fz_tally_new_filled(char *const *by, int nby,
    const char *const *filled, fz_error *err);
void fz_tally_free(fz_tally *t);
/* Count only what falls within [from, to]; either may be FZ_NODATE, and
 * an open end is then the data's first or last date. */
void fz_tally_set_range(fz_tally *t, fz_date from, fz_date to);
/* The filters the records passed, written into the document (copied):
 * FZ_OK, or FZ_USAGE with err set when a condition names a key neither
 * inspections nor cases have, or a value its enumeration does not. */
int fz_tally_set_where(fz_tally *t, const fz_where *w, fz_error *err);
/* For shell completion, one a line into b: what --by takes ("by"), the
 * keys of --where ("where"), the values of a key ("value=KEY"). */
void fz_tally_words(const char *what, fz_buf *b);
/* Working days for published_on_time (borrowed; NULL: Monday-Friday). */
void fz_tally_set_calendar(fz_tally *t, const fz_calendar *c);
/* Add a decoded inspection; rec is its node, for the group keys. */
void fz_tally_add_inspection(fz_tally *t, const fz_inspection *in,
    const fz_node *rec);
/* Add a decoded case; FZ_DATAERR when its id was added before. */
int fz_tally_add_case(fz_tally *t, const fz_case *c, const fz_node *rec,
    fz_error *err);
/* The complaint indicators in output order, NULL-terminated: received
 * (in the period), telephone (by the 12318, 12345 or 12301 hotline),
 * accepted, substantiated (属实 and 部分属实), with_case, replied_on_time
 * (not anonymous, replied within the reply clock of verified, or of
 * referred without it), handled (办结: not accepted, or given a result:
 * verified as one of the results, or referred); each complaint counted in
 * the period of the day it was received. */
#define FZ_TALLY_NCOMPLAINT 7
extern const char *const fz_tally_complaint_indicators[];
/* Add a decoded complaint; FZ_DATAERR when its id was added before. */
int fz_tally_add_complaint(fz_tally *t, const fz_complaint *c,
    const fz_node *rec, fz_error *err);
/* The document indicators in output order, NULL-terminated: issued (in
 * the period), normative (规范性文件), policy (政策性文件),
 * to_lower_levels (发给县级以下), legality_reviewed (with a
 * legality_review date), fair_competition_reviewed (with a
 * fair_competition_review date), no_restriction and exceptions (of
 * fair_competition_result); each document counted in the period of the
 * day it was issued. */
#define FZ_TALLY_NDOCUMENT 8
extern const char *const fz_tally_document_indicators[];
/* Add a decoded document; FZ_DATAERR when its id was added before. */
int fz_tally_add_document(fz_tally *t, const fz_document *d,
    const fz_node *rec, fz_error *err);
/* The working days of the reply clock replied_on_time counts by (the
 * complaint rules file's reply; with the tally's calendar). */
void fz_tally_set_complaint_reply(fz_tally *t, int workdays);
/* The activity indicators in output order, NULL-terminated: count (in
 * the period of the activity's date, or from), participants (people,
 * 人次), units (家次: each activity's units, or the number of its
 * entities when it gives none, a unit listed never counted beside
 * units again), entities (the distinct entities listed, 家). */
#define FZ_TALLY_NACTIVITY 4
extern const char *const fz_tally_activity_indicators[];
/* Add a decoded activity; FZ_DATAERR when its id was added before. */
int fz_tally_add_activity(fz_tally *t, const fz_activity *a,
    const fz_node *rec, fz_error *err);
/* Add a tally document written with --mergeable.  *t NULL: a new tally
 * with the document's by and where.  FZ_DATAERR when the merge cannot
 * be exact (no state, other by or where, a case that differs), or when
 * it covers an input over a period that a tally merged before covers
 * too (the same records twice: the message names both tallies), or when
 * its cases were written before the case figures.  doc's cases are
 * decoded in place (their values made canonical). */
int fz_tally_merge(fz_tally **t, fz_node *doc, fz_error *err);
/* An input of this run, by its name and the hex SHA-256 of its bytes
 * (fz_input_digests): the tally covers it over its own period, written
 * as covers: with mergeable.  FZ_DATAERR, at input, when an input added
 * before has the same digest: the same records, counted twice. */
int fz_tally_add_cover(fz_tally *t, const char *input,
    const char sha256[FZ_DIGEST_HEX], fz_error *err);
/* The first tally merged in that did not say what it covers (written
 * before covers: were), NULL when none: its inputs were not checked
 * against the others', and the merge has no covers to write. */
const char *fz_tally_uncovered(const fz_tally *t);
/* Compute the case indicators and order the rows (idempotent). */
void fz_tally_finish(fz_tally *t);
size_t fz_tally_nrows(const fz_tally *t);
/* Row i in output order; *keys receives its group values (NULL: null). */
const fz_tally_counts *fz_tally_row(const fz_tally *t, size_t i,
    const char *const **keys);
const fz_tally_counts *fz_tally_totals(const fz_tally *t);
/* The inspection indicators of one reporter ("bureau" 我局, "town" 镇街
 * 上报), whatever the tally is grouped by (its case indicators are 0:
 * cases have no reporter); NULL for another reporter, or when a tally
 * merged in did not carry them.  Finishes the tally. */
const fz_tally_counts *fz_tally_reporter(fz_tally *t, const char *reporter);
/* Finish and write the tally document; with mergeable, the state an
 * exact merge needs.  0, or -1 on a write error. */
int fz_tally_write(fz_tally *t, fz_writer *w, int mergeable);

/* What fazhi-tally reads, and what it counts it into. */
typedef struct fz_tally_reader {
	fz_tally *tally;	/* counted into; with merge, NULL until the
				 * first tally is read (then the caller's) */
	int merge;		/* read tallies written with --mergeable */
	fz_where *where;	/* the records counted (borrowed; counts its hits) */
	const fz_directory *dir;	/* NULL, or the entity directory
				 * (borrowed) */
	/* Far dates (fz_tally_far_date): warned of through cli (NULL:
	 * not warned) when more than horizon days after as_of. */
	const fz_cli *cli;
	fz_date as_of;
	long long horizon;
} fz_tally_reader;

/* The last date a tally takes without a --to that reaches it: a later
 * one would make a row for every period up to it. */
#define FZ_TALLY_LAST_DATE_YEAR 2100
/* Date d of a record, at node at (named key): FZ_OK, with a warning
 * through r->cli when it is more than r->horizon days after r->as_of;
 * FZ_DATAERR with err set when it is after FZ_TALLY_LAST_DATE_YEAR and
 * the tally's range has no --to, while a --to on or after it takes it
 * without a word. */
int fz_tally_far_date(const fz_tally_reader *r, fz_date d, const char *key,
    const fz_node *at, fz_error *err);
/* One event of the inputs: a record of inspections or cases decoded
 * (its node rewritten to canonical values), an inspection that leaves
 * out category or town given those of its entity in dir (its node then
 * holds them, in the event's arena), and counted when it passes where
 * and its dates pass fz_tally_far_date;
 * with merge, a tally merged (fz_tally_merge).  FZ_DATAERR with err set
 * for a document of another kind, a bad record, a far date, a case
 * given twice, a
 * tally that cannot be merged, and at the end of a merge that found no
 * tally. */
int fz_tally_take(fz_tally_reader *r, const fz_event *ev, fz_error *err);
/* The parts of a large file read at once (fz_stream_parts, its ctx a
 * fz_tally_reader): with three processors or more, inspections counted
 * into a tally of the part's own, then added exactly to the reader's;
 * any other records (whose ids are refused when given twice), and all
 * with fewer processors, in one part. */
void *fz_tally_part_open(void *ctx, enum fz_kind k);
int fz_tally_part_take(void *part, const fz_event *ev, fz_error *err);
int fz_tally_part_merge(void *ctx, void *part, fz_error *err);
void fz_tally_part_drop(void *part);

#endif
