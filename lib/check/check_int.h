/* check_int.h - what check.c (ids, problems, the order of reports)
 * shares with rules.c (the checks themselves); not installed.
 *
 * Records are checked as they are read and not kept, so that memory
 * grows with the distinct ids and the problems, not with the records:
 * what a record refers to and is not yet known (its directory may come
 * in a later file) is kept as a reference and settled at the end, and
 * so are the matters, whose parent chains need the whole catalogue. */
#ifndef FAZHI_CHECK_INT_H
#define FAZHI_CHECK_INT_H

#include "check.h"
#include "cases/cases.h"

/* A place in the input; file is owned by the check. */
typedef struct fz_check__pos {
	const char *file;
	unsigned line, col;
} fz_check__pos;

/* A record being checked: its node, valid during the call only, and its
 * decoded struct (fz_entity, fz_case ...). */
typedef struct fz_check__rec {
	const fz_node *at;
	const void *data;
} fz_check__rec;

/* What the check keeps of an id. */
typedef struct fz_check__id {
	fz_check__pos first;		/* the record that first gave it */
	const char **avoid;	/* inspectors: the entities to avoid */
	size_t navoid;
	long matter;		/* matters: index into matters, or -1 */
	int legal_reviewer, legal_qualification;	/* inspectors */
	fz_date cert_expires;	/* inspectors: FZ_NODATE, none given */
} fz_check__id;

/* An inspector named as a case's reviewer: the earliest review, for
 * art. 58 ¶2, and the first case that named them. */
typedef struct fz_check__reviewer {
	const char *id;
	fz_date first;			/* the earliest legal_review */
	fz_check__pos at;		/* that case's reviewer key */
} fz_check__reviewer;

/* A matter of the catalogue, for the parent chains. */
typedef struct fz_check__matter {
	const char *code, *parent;	/* parent NULL when none */
	int level;
	fz_check__pos at, parent_at;		/* the record, its parent key */
} fz_check__matter;

/* A reference to an id of kind that was not known when read. */
typedef struct fz_check__ref {
	enum fz_kind kind;
	const char *id;
	const char *avoid_entity;	/* an inspector: the entity inspected,
					 * for 回避 (--rules); else NULL */
	int banned_ok;			/* an entity an inspection banned is
					 * known too */
	fz_date on;			/* an inspector: the inspection's date,
					 * for the certificate (--rules) */
	fz_check__pos at;
} fz_check__ref;

/* What a name an item gives is checked against. */
enum { FZ_CHECK__CATEGORY, FZ_CHECK__CLASS };

/* A category or credit class an item names, settled at the end. */
typedef struct fz_check__named {
	int what;			/* FZ_CHECK__CATEGORY, __CLASS */
	const char *item, *value;
	fz_check__pos at;
} fz_check__named;

typedef struct fz_check__problem {
	int severity;
	size_t order, seq;	/* file's order, then report order */
	const char *file;	/* owned by the check's file map */
	unsigned line, col;
	char *msg;		/* owned by the check's arena */
	int aside;		/* a note of the calendar, no rule's finding */
} fz_check__problem;

/* A rule's verdict on a case; strings borrowed (rule, article: static)
 * or owned by the check's arena (detail, NULL when none). */
typedef struct fz_check__verdict {
	const char *rule, *article;
	int verdict;		/* FZ_CHECK_HOLDS ... */
	const char *detail;
} fz_check__verdict;

/* The dates of a case's timeline: filed ... closed (casefile.c). */
#define FZ_CHECK__STEPS 10

/* A case's sheet: its verdicts are verdicts[first] up to the next
 * sheet's first. */
typedef struct fz_check__sheet {
	const char *id;			/* owned by the check's arena */
	fz_check__pos at;
	fz_date dates[FZ_CHECK__STEPS];
	size_t first;
} fz_check__sheet;

struct fz_check {
	fz_check_opts o;
	fz_calendar *own_calendar;	/* when none was given */
	fz_arena *arena;		/* ids, lists, messages */
	fz_map *strings;		/* every id kept, once */
	fz_map *ids[FZ_KIND_COUNT];	/* id: fz_check__id */
	unsigned char seen[FZ_KIND_COUNT];
	fz_check__pos organization;	/* the first organization document */
	fz_check__pos notice;		/* the first draw or results document */
	fz_map *files;			/* file name: order + 1 */
	fz_map *banned;			/* entities an inspection banned */
	fz_map *credit;			/* entity: its credit spans so far */
	fz_map *reviewers;		/* id: fz_check__reviewer */
	fz_map *names[2];		/* the categories of the entities, the
					 * classes of credit and plans */
	int names_given[2];		/* a directory, credit or plan seen */
	fz_check__named *named;
	size_t nnamed, capnamed;
	fz_check__matter *matters;
	size_t nmatters, capmatters;
	fz_check__ref *refs;
	size_t nrefs, caprefs;
	fz_check__problem *problems;
	size_t nproblems, capproblems;
	unsigned char years_warned[10000 / 8 + 1];
	const char *rule_na;		/* why the rule running does not apply */
	fz_check__sheet *sheets;	/* opts.casefile: the cases */
	size_t nsheets, capsheets;
	fz_check__verdict *verdicts;
	size_t nverdicts, capverdicts;
};

/* Keep a problem at node at, or at pos. */
void fz_check__report(fz_check *c, int severity, const fz_node *at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void fz_check__report_pos(fz_check *c, int severity, fz_check__pos pos,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The place of node n, its file name kept by the check. */
fz_check__pos fz_check__pos_of(fz_check *c, const fz_node *n);
/* s kept by the check, once for every equal string. */
const char *fz_check__intern(fz_check *c, const char *s);
/* The value of key in the record's node, else the record's node. */
const fz_node *fz_check__at(const fz_check__rec *r, const char *key);
/* What the check knows of id of kind k, NULL when nothing yet. */
const fz_check__id *fz_check__find(const fz_check *c, enum fz_kind k, const char *id);
/* The key that identifies records of kind k, NULL for none. */
const char *fz_check__id_key(enum fz_kind k);
/* Keep a reference, or a matter, for the end (copied). */
void fz_check__ref_add(fz_check *c, const fz_check__ref *ref);
void fz_check__matter_add(fz_check *c, const fz_check__matter *m);

/* items.c: a category or credit class (what) in use; an item's
 * checks; the classes and items a plan names; the names settled. */
void fz_check__name_seen(fz_check *c, int what, const char *value);
void fz_check__item(fz_check *c, const fz_check__rec *r);
void fz_check__plan_names(fz_check *c, const fz_plan *p);
void fz_check__items_settle(fz_check *c);

/* clocks.c: d as YYYY-MM-DD into buf (16 bytes). */
const char *fz_check__day(fz_date d, char *buf);
/* The n-th working day after from (art. 85), warning at key once for
 * each year the calendar does not cover. */
fz_date fz_check__workdays_after(fz_check *c, const fz_check__rec *r,
    const char *key, fz_date from, int n);
/* A clock: done (at done_key) on or before by, or, not done, the as-of
 * date not past by (else an error at open_key).  did and undone say
 * what was and was not done, since which day by is. */
void fz_check__clock(fz_check *c, const fz_check__rec *r,
    const char *done_key, fz_date done, const char *open_key, fz_date by,
    const char *did, const char *undone, const char *since);
/* --due-within: a note at key when by falls between the as-of date and
 * the days after it: the case "must what by ..., in n days (law)". */
void fz_check__due(fz_check *c, const fz_check__rec *r, const char *key,
    fz_date by, const char *what, const char *law);
/* The same for any record: "noun 'id' must what by ...". */
void fz_check__due_of(fz_check *c, const fz_check__rec *r, const char *key,
    const char *noun, const char *id, fz_date by, const char *what,
    const char *law);

/* procedure.c: the rules of review, hearing, payment and publication of
 * a case (--rules), its clocks (--due-within), and at the end those of
 * the reviewers, whose roster may come after the cases. */
void fz_check__case_procedure(fz_check *c, const fz_check__rec *r);
void fz_check__case_procedure_due(fz_check *c, const fz_check__rec *r);
void fz_check__reviewers(fz_check *c);
/* The dates of a case's reconsideration and litigation: none after the
 * as-of date, none before what must come first. */
void fz_check__case_appeals(fz_check *c, const fz_check__rec *r);

/* record.c: the inspection record of an inspection: its outcome, the
 * follow-up's dates (as of the check's date). */
void fz_check__inspection_record(fz_check *c, const fz_check__rec *r);

/* rules.c: the checks of one record as it is read, and at the end those
 * of the references and matters kept. */
void fz_check__record(fz_check *c, enum fz_kind k, const fz_check__rec *r);
void fz_check__run(fz_check *c);
/* A reference from node at to id of kind k (an entity may be one an
 * inspection banned), settled now or at the end. */
void fz_check__refer(fz_check *c, enum fz_kind k, const char *id,
    const fz_node *at);
/* An error at key when d is before d0 (at key0); either absent: none. */
void fz_check__not_before(fz_check *c, const fz_check__rec *r,
    const char *key, fz_date d, const char *key0, fz_date d0);

/* rules_file.c: a file of locally set figures, of kind kind (noun in
 * messages; unknown says what it sets), its keys each given once, none
 * left out, each read by take(ctx, its index in keys ...).  path NULL:
 * the shipped file of the data folder.  FZ_OK, or FZ_NOINPUT or
 * FZ_DATAERR with err set; ctx may be half filled after an error. */
typedef struct fz_check__rules_file {
	const char *shipped, *kind, *noun, *unknown;
	const char *const *keys;	/* NULL-terminated, at most 32 */
	int (*take)(void *ctx, int k, const char *file, const fz_node *key,
	    const fz_node *v, fz_error *err);
} fz_check__rules_file;
int fz_check__rules_file_load(const fz_check__rules_file *rf,
    const char *path, void *ctx, fz_error *err);

/* complaints.c: a complaint's checks, its clocks (--rules) and their
 * due dates (--due-within); an inspection's outing kept as the id a
 * complaint's inspection names. */
void fz_check__complaint(fz_check *c, const fz_check__rec *r);
/* documents.c: a document's checks, its text counted, and with --rules
 * its reviews before issue, consultation and length. */
void fz_check__document(fz_check *c, const fz_check__rec *r);
void fz_check__outing(fz_check *c, const fz_check__rec *r);
/* activities.c: an activity's references, kept for the end. */
void fz_check__activity(fz_check *c, const fz_check__rec *r);

/* casefile.c: the 案卷评查.  A case's sheet begins before its rules
 * run; each rule runs through fz_check__rule, which keeps its verdict
 * (a rule calls fz_check__not_applicable(c, why) where it finds it does
 * not apply: why is static).
 * All do nothing but run fn without opts.casefile. */
void fz_check__sheet_begin(fz_check *c, const fz_check__rec *r);
void fz_check__rule(fz_check *c, const fz_check__rec *r, const char *rule,
    const char *article, void (*fn)(fz_check *, const fz_check__rec *));
void fz_check__not_applicable(fz_check *c, const char *why);
/* A rule of a decision: the n of rules run through fz_check__rule, or
 * all not applicable to a case not decided. */
typedef struct fz_check__case_rule {
	const char *rule, *article;
	void (*fn)(fz_check *, const fz_check__rec *);
} fz_check__case_rule;
void fz_check__decision_rules(fz_check *c, const fz_check__rec *r,
    const fz_check__case_rule *rules, size_t n);
/* The casefile document onto w; -1 when a write failed. */
int fz_check__write_casefile(fz_check *c, fz_writer *w);

#endif
