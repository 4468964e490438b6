/* check.h - fazhi-check: validation of every kind, references, and the
 * rules of law.
 *
 * What other folders of lib/ and the programs may use of lib/check/; what
 * stays inside it is in check_int.h. */
#ifndef FAZHI_CHECK_H
#define FAZHI_CHECK_H

#include "core/core.h"
#include "io/io.h"
#include "draw/draw.h"

/* -------------------------------------------------------------------------- check */

/* fazhi-check.  A check takes the records one at a time and checks
 * each as it comes; what a record refers to and is not yet known (its
 * directory may come later) is settled at the end.  Every problem is
 * reported at the end, sorted in file order (files in the order first
 * met, then line and column).  Memory grows with the distinct ids and
 * the problems, not with the records; with opts.casefile, with the
 * cases too (a verdict per rule of each). */

/* Severity of a --due-within line: a date coming, not a problem. */
#define FZ_NOTE 2

/* What the statute leaves to local rules or to the bureau, read from a
 * rules file (data/rules.yaml, fazhi-check --rules-file).  A zeroed one
 * sets nothing: no fine makes a case hearing-eligible, and only the
 * cases the statute names need legal review. */
typedef struct fz_check_settings {
	int64_t hearing_fine_person;	/* 较大数额 (art. 63) in fen; 0: none */
	int64_t hearing_fine_organization;
	int review_all;			/* bureau policy: every decision has
					 * the legal review of art. 58 */
} fz_check_settings;

/* Read the rules file path (NULL: the shipped rules.yaml) into s: every
 * key given, once; an unknown key is an error, since nothing of the
 * statute can be set.  FZ_OK, or FZ_NOINPUT or FZ_DATAERR with err
 * set (file:line:col). */
int fz_check_settings_load(fz_check_settings *s, const char *path,
    fz_error *err);

/* The surcharge of art. 72 (一) on a fine (fen) paid days late: 3% of
 * the fine a day, to the fen (half up), never more than the fine. */
int64_t fz_check_surcharge(int64_t fine, int days);
/* 1 when the party of case k may ask for a hearing (art. 63): the case
 * says so, or its penalty is a suspension or a revocation, or its fine
 * is at or above the 较大数额 of s for its party. */
int fz_check_hearing_eligible(const fz_check_settings *s, const fz_case *k);

/* A clock of the complaints register: so many working days (0: no
 * clock), and where the number comes from, quoted by every breach. */
typedef struct fz_check_complaint_clock {
	int workdays;
	char source[256];
} fz_check_complaint_clock;

/* The complaint clocks (data/complaint-rules.yaml): accepted (or
 * refused) after received, verified after accepted, replied after
 * verified or referred.  A zeroed one runs no clock. */
typedef struct fz_check_complaint_rules {
	fz_check_complaint_clock acceptance, verification, reply;
} fz_check_complaint_rules;

/* Read the complaint rules file path (NULL: the shipped
 * complaint-rules.yaml) into cr: each clock given once with its source.
 * FZ_OK, or FZ_NOINPUT or FZ_DATAERR with err set (file:line:col). */
int fz_check_complaint_rules_load(fz_check_complaint_rules *cr,
    const char *path, fz_error *err);

typedef struct fz_check_opts {
	fz_date as_of;		/* later dates are errors, due dates count
				 * from it; FZ_NODATE: today */
	int rules;		/* the legal rules (--rules) */
	int strict;		/* report keys a kind does not name */
	int due_within;		/* days for --due-within, -1 for none */
	const fz_calendar *calendar;	/* working days; NULL: Monday to Friday */
	fz_check_settings settings;	/* the rules file's */
	fz_check_complaint_rules complaint_rules;	/* the complaint clocks */
	int casefile;		/* with rules: keep every case's verdicts, and
				 * fz_check_write_yaml writes the casefile
				 * document after the problems */
} fz_check_opts;

/* What a rule of --rules says of a case (案卷评查). */
enum { FZ_CHECK_HOLDS, FZ_CHECK_FAILS, FZ_CHECK_NOT_APPLICABLE };

/* One problem; severity is FZ_WARNING, FZ_ERROR or FZ_NOTE.  file and
 * msg are valid only during the call. */
typedef void (*fz_problem_fn)(void *ctx, int severity, const char *file,
    unsigned line, unsigned col, const char *msg);

typedef struct fz_check fz_check;

/* A check owned by the caller; o is copied (the calendar is borrowed
 * and must outlive the check). */
fz_check *fz_check_new(const fz_check_opts *o);
void fz_check_free(fz_check *c);
/* Decode rec, a record of kind k, and check it, keeping every problem
 * of it.  rec is used during the call only (enumerations are rewritten
 * to their canonical values).  Returns FZ_OK, or FZ_DATAERR when rec is
 * not a valid record. */
int fz_check_record(fz_check *c, enum fz_kind k, fz_node *rec);
/* Check a decoded record (an fz_entity, fz_case ... as k says) whose
 * problems are placed at node at or its keys; both are used during the
 * call only.  For callers that build records without files. */
void fz_check_add(fz_check *c, enum fz_kind k, const void *rec,
    const fz_node *at);
/* Check a document (its node without records, kind its kind: NULL
 * when it has none): the kind is known, version is 1, a calendar reads
 * as one; --strict: no other key beside records.  References to a kind
 * are checked only when some document of it was given.  doc is used
 * during the call only. */
void fz_check_doc(fz_check *c, const char *kind, const fz_node *doc);
/* An event of a stream opened with FZ_STREAM_ANY_KIND: a document
 * checked as fz_check_doc does, a record as fz_check_record (its node
 * rewritten so); nothing else.  Problems are kept for fz_check_finish,
 * so it returns FZ_OK. */
int fz_check_take(fz_check *c, const fz_event *ev, fz_error *err);
/* Keep a problem found outside the records (a document, a cell). */
void fz_check_report(fz_check *c, int severity, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Check the records together, then call fn with every problem kept, in
 * file order; counts[severity] receives the number of each (counts may
 * be NULL).  Call once. */
void fz_check_finish(fz_check *c, fz_problem_fn fn, void *ctx,
    size_t counts[3]);
/* What fazhi-check writes, through fz_check_finish (so once, and
 * instead of it): the problems one a line, FILE:LINE:COL: severity:
 * message, onto fp; or the problems document onto w (-1 when a write
 * failed).  Both return FZ_PROBLEMS when an error was found, or with
 * strict a warning, else FZ_OK. */
int fz_check_write_text(fz_check *c, FILE *fp);
int fz_check_write_yaml(fz_check *c, fz_writer *w);
/* With opts.casefile: the verdict (FZ_CHECK_HOLDS ...) of the rule
 * named rule (its id in the casefile document) on case case_id, as
 * recorded when the case was added; -1 when none was. */
int fz_check_verdict(const fz_check *c, const char *case_id,
    const char *rule);

#endif
