/* check_int.h - what check.c (records, problems) shares with rules.c
 * (the checks themselves); not installed. */
#ifndef FAZHI_CHECK_INT_H
#define FAZHI_CHECK_INT_H

#include "fazhi.h"

/* A record kept: its node (positions) and its decoded struct, NULL when
 * it could not be decoded (then only its id takes part). */
typedef struct chk_rec {
	const fz_node *at;
	void *data;
} chk_rec;

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
	fz_arena *arena;		/* decoded structs, messages */
	chk_rec *recs[FZ_KIND_COUNT];
	size_t nrecs[FZ_KIND_COUNT], caprecs[FZ_KIND_COUNT];
	fz_map *ids[FZ_KIND_COUNT];	/* id: index + 1 into recs */
	unsigned char seen[FZ_KIND_COUNT];
	fz_map *files;			/* file name: order + 1 */
	fz_map *banned;			/* entities an inspection banned */
	chk_problem *problems;
	size_t nproblems, capproblems;
	unsigned char years_warned[10000 / 8 + 1];
};

/* Keep a problem at node at (file, line and column taken from it). */
void chk_report(fz_check *c, int severity, const fz_node *at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The value of key in the record's node, else the record's node. */
const fz_node *chk_at(const chk_rec *r, const char *key);
/* The record of kind k whose id is id, NULL when none. */
const chk_rec *chk_find(const fz_check *c, enum fz_kind k, const char *id);
/* The key that identifies records of kind k, NULL for none. */
const char *chk_id_key(enum fz_kind k);
/* The checks across the records kept (rules.c). */
void chk_run(fz_check *c);

#endif
