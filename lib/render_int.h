/* render_int.h - what render.c shares with render_kinds.c; private to
 * libfazhi. */
#ifndef FAZHI_RENDER_INT_H
#define FAZHI_RENDER_INT_H

#include "fazhi.h"

struct fz_render_ctx {
	fz_arena *a;
	fz_node **docs;		/* copies, helpers added, in input order */
	const char **kinds;	/* their kinds, NULL for none */
	size_t ndocs, cap;
	fz_node *records;	/* records of the document being read */
	const char *records_kind;
	fz_node *root;		/* built on first fz_render_ctx_root */
	fz_tableset *tables;	/* the documents' tables */
};

/* New scalars owned by a: text always reads as text, a plain scalar
 * resolves as YAML would (numbers, true, null). */
fz_node *rn_text(fz_arena *a, const char *s);
fz_node *rn_plain(fz_arena *a, const char *s);
/* Put key: value into map unless map has key already. */
void rn_add(fz_arena *a, fz_node *map, const char *key, fz_node *value);
/* A whole number (plain) or money (fen) in a scalar; -1 when neither. */
int rn_number(const fz_node *v, int64_t *out);
/* The Chinese word of a key, else the key. */
const char *rn_word(const char *key);

/* The helpers of a tally: groups, columns, each row's cells and group,
 * the totals' cells, a chart per indicator. */
void rn_tally(fz_arena *a, fz_node *doc);
/* The helpers of a draw: its teams, each with its selections. */
void rn_draw(fz_arena *a, fz_node *doc);
/* tables: the tables ts makes of doc, as CSV and xlsx show them.  FZ_OK,
 * or FZ_DATAERR when a kind has the wrong shape. */
int rn_tables(fz_arena *a, fz_node *doc, fz_tableset *ts, fz_error *err);

#endif
