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

/* A place in the input; file is owned by the check. */
typedef struct chk_pos {
	const char *file;
	unsigned line, col;
} chk_pos;

/* A record being checked: its node, valid during the call only, and its
 * decoded struct (fz_entity, fz_case ...). */
typedef struct chk_rec {
	const fz_node *at;
	const void *data;
} chk_rec;

/* What the check keeps of an id. */
typedef struct chk_id {
	chk_pos first;		/* the record that first gave it */
	const char **avoid;	/* inspectors: the entities to avoid */
	size_t navoid;
	long matter;		/* matters: index into matters, or -1 */
} chk_id;

/* A matter of the catalogue, for the parent chains. */
typedef struct chk_matter {
	const char *code, *parent;	/* parent NULL when none */
	int level;
	chk_pos at, parent_at;		/* the record, its parent key */
} chk_matter;

/* A reference to an id of kind that was not known when read. */
typedef struct chk_ref {
	enum fz_kind kind;
	const char *id;
	const char *avoid_entity;	/* an inspector: the entity inspected,
					 * for 回避 (--rules); else NULL */
	int banned_ok;			/* an entity an inspection banned is
					 * known too */
	chk_pos at;
} chk_ref;

typedef struct chk_problem {
	int severity;
	size_t order, seq;	/* file's order, then report order */
	const char *file;	/* owned by the check's file map */
	unsigned line, col;
	char *msg;		/* owned by the check's arena */
} chk_problem;

struct fz_check {
	fz_check_opts o;
	fz_calendar *own_calendar;	/* when none was given */
	fz_arena *arena;		/* ids, lists, messages */
	fz_map *strings;		/* every id kept, once */
	fz_map *ids[FZ_KIND_COUNT];	/* id: chk_id */
	unsigned char seen[FZ_KIND_COUNT];
	fz_map *files;			/* file name: order + 1 */
	fz_map *banned;			/* entities an inspection banned */
	chk_matter *matters;
	size_t nmatters, capmatters;
	chk_ref *refs;
	size_t nrefs, caprefs;
	chk_problem *problems;
	size_t nproblems, capproblems;
	unsigned char years_warned[10000 / 8 + 1];
};

/* Keep a problem at node at, or at pos. */
void chk_report(fz_check *c, int severity, const fz_node *at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void chk_report_pos(fz_check *c, int severity, chk_pos pos,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The place of node n, its file name kept by the check. */
chk_pos chk_pos_of(fz_check *c, const fz_node *n);
/* s kept by the check, once for every equal string. */
const char *chk_intern(fz_check *c, const char *s);
/* The value of key in the record's node, else the record's node. */
const fz_node *chk_at(const chk_rec *r, const char *key);
/* What the check knows of id of kind k, NULL when nothing yet. */
const chk_id *chk_find(const fz_check *c, enum fz_kind k, const char *id);
/* The key that identifies records of kind k, NULL for none. */
const char *chk_id_key(enum fz_kind k);
/* Keep a reference, or a matter, for the end (copied). */
void chk_ref_add(fz_check *c, const chk_ref *ref);
void chk_matter_add(fz_check *c, const chk_matter *m);

/* rules.c: the checks of one record as it is read, and at the end those
 * of the references and matters kept. */
void chk_record(fz_check *c, enum fz_kind k, const chk_rec *r);
void chk_run(fz_check *c);

#endif
