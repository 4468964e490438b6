/* core_int.h - what the files of lib/core/ share and no other folder
 * uses.  Not installed. */
#ifndef FAZHI_CORE_INT_H
#define FAZHI_CORE_INT_H

#include <stddef.h>

#include "core.h"

/* The entries of a kind's field table (schema.c, activity.c). */
#define F(st, key, type, req, values, member) \
	{ key, type, req, values, offsetof(st, member), 0, 0, NULL }
#define FI(st, key, req, member, lo, hi) \
	{ key, FZ_T_INT, req, NULL, offsetof(st, member), lo, hi, NULL }
#define FM(st, key, member, sub) \
	{ key, FZ_T_MAP, 0, NULL, offsetof(st, member), 0, 0, sub }
#define FL(st, key, member, sub, itemst) { key, FZ_T_MAPS, 0, NULL, \
	offsetof(st, member), 0, sizeof(itemst), sub }
#define END { NULL, 0, 0, NULL, 0, 0, 0, NULL }
#define BIG 1000000000LL

/* activity.c: the fields of the activities kind; the rules of a decoded
 * activity beyond its keys' own (a day or a span, in order; no fewer
 * units than entities listed), each broken one given to report at its
 * node; the number broken returned. */
extern const fz_field fz_core__activity_fields[];
int fz_core__activity_rules(const fz_activity *a, const fz_node *rec,
    void (*report)(void *ctx, const fz_node *at, const char *msg),
    void *ctx);

#endif
