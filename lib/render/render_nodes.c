/* render_nodes.c - the nodes every part of the render context is made
 * of: scalars, texts, keys put into mappings, numbers read back, and
 * the Chinese word of a key, and the tables (head, rows of cells) that
 * every format's table widget prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

fz_node *
fz_render__plain(fz_arena *a, const char *s)
{
	fz_node *n = fz_node_scalar(a, s, strlen(s));

	if (n == NULL)
		abort();
	return n;
}

fz_node *
fz_render__text(fz_arena *a, const char *s)
{
	fz_node *n = fz_render__plain(a, s);

	n->quoted = 1;
	return n;
}

void
fz_render__add(fz_arena *a, fz_node *map, const char *key, fz_node *value)
{
	if (fz_node_get(map, key) == NULL)
		fz_node_put(a, map, key, value);
}

int
fz_render__number(const fz_node *v, int money, int64_t *out)
{
	long long n;

	if (v == NULL || v->type != FZ_SCALAR || v->len == 0)
		return -1;
	if (money)
		return fz_money_parse(v->str, v->len, out);
	if (fz_int_parse(v->str, v->len, &n) != 0)
		return -1;
	*out = n;
	return 0;
}

const char *
fz_render__word(const char *key)
{
	const char *w = fz_label(key);

	return w != NULL ? w : key;
}

/* The text of key in rec, or of key_label / key_cn when there is one
 * (the helpers of the record), or "". */
const char *
fz_render__text_of(const fz_node *rec, const char *key, const char *helper)
{
	const fz_node *v = NULL;
	char name[64];

	if (helper != NULL) {
		snprintf(name, sizeof name, "%s_%s", key, helper);
		v = fz_node_get(rec, name);
	}
	if (v == NULL)
		v = fz_node_get(rec, key);
	return v != NULL && v->type == FZ_SCALAR && !fz_node_is_null(v) ?
	    v->str : "";
}

fz_node *
fz_render__cell(fz_arena *a, const char *text, int num, int period)
{
	fz_node *c = fz_node_map(a);

	fz_node_put(a, c, "text", fz_render__text(a, text));
	if (num)
		fz_node_put(a, c, "num", fz_render__plain(a, "true"));
	if (period)
		fz_node_put(a, c, "period", fz_render__plain(a, "true"));
	return c;
}

/* A table: the heads (a leading '#' marks a number), then no rows yet. */
fz_node *
fz_render__table_new(fz_arena *a, const char *const *heads,
    const char *caption)
{
	fz_node *t = fz_node_map(a), *head = fz_node_seq(a);

	for (size_t i = 0; heads[i] != NULL; i++)
		fz_node_push(a, head, fz_render__cell(a, heads[i] +
		    (heads[i][0] == '#'), heads[i][0] == '#', 0));
	fz_node_put(a, t, "caption", fz_render__text(a, caption));
	fz_node_put(a, t, "head", head);
	fz_node_put(a, t, "rows", fz_node_seq(a));
	return t;
}

void
fz_render__table_row_add(fz_arena *a, fz_node *t, fz_node *cells)
{
	fz_node *row = fz_node_map(a);

	fz_node_put(a, row, "cells", cells);
	fz_node_push(a, fz_node_get(t, "rows"), row);
}

void
fz_render__cell_add(fz_arena *a, fz_node *cells, const fz_node *rec,
    const char *key, const char *helper, int num, int period)
{
	fz_node_push(a, cells, fz_render__cell(a, fz_render__text_of(rec, key,
	    helper), num, period));
}
