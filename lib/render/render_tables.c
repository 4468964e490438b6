/* render_tables.c - a document's tables, as CSV and xlsx have them, put
 * into the context for the table widgets: one way to tabulate each kind,
 * whatever the output.  A table of records has a cell per field of each
 * record, so cells share their texts and flags: the same words in a
 * column are one node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* One text node per distinct text of the context; in a scratch arena
 * a node of its own. */
static fz_node *
text_of(fz_render_ctx *c, fz_arena *a, const char *s)
{
	void **slot;

	if (a != c->a)
		return fz_render__text(a, s);
	slot = fz_map_insert(c->texts, s, strlen(s), NULL, NULL);
	if (*slot == NULL)
		*slot = fz_render__text(c->a, s);
	return *slot;
}

static fz_node *
flag(fz_render_ctx *c, int on)
{
	return on ? c->yes : c->no;
}

/* How a cell is set: num a figure (right-aligned), code an id, ticket or
 * digest (a fixed font, broken anywhere), period a period (2019-01,
 * never broken at its hyphen). */
enum { NUM = 1, CODE = 2, PERIOD = 4 };

static fz_node *
cell_node(fz_render_ctx *c, fz_arena *a, const char *text, int how)
{
	fz_node *cell = fz_node_map(a);

	fz_node_put(a, cell, "text", text_of(c, a, text));
	fz_node_put(a, cell, "num", flag(c, how & NUM));
	fz_node_put(a, cell, "code", flag(c, how & CODE));
	fz_node_put(a, cell, "period", flag(c, how & PERIOD));
	return cell;
}

static int
column_how(const fz_column *col)
{
	return (col->code ? CODE : 0) | (fz_period_parse(col->key) !=
	    FZ_P_NONE ? PERIOD : 0);
}

/* last: true in the last cell only, for separators; {{^last}} in the
 * others finds the last: false of their row (or of the head item). */
static void
mark_last(fz_render_ctx *c, fz_arena *a, fz_node *seq)
{
	if (seq->n > 0)
		fz_node_put(a, seq->kids[seq->n - 1], "last", c->yes);
}

fz_node *
fz_render__table_row(fz_render_ctx *c, fz_arena *a, const fz_table *t,
    size_t r)
{
	static const fz_table_cell empty = { .empty = 1 };
	fz_node *row = fz_node_map(a), *cells = fz_node_seq(a);
	char buf[64];

	for (size_t col = 0; col < t->ncols; col++) {
		const fz_table_cell *cell = col < t->rows[r].n ?
		    &t->rows[r].cells[col] : &empty;
		fz_node_push(a, cells, cell_node(c, a,
		    fz_table_cell_format(cell, buf), (!cell->empty &&
		    cell->type != FZ_C_TEXT ? NUM : 0) |
		    column_how(&t->cols[col])));
	}
	mark_last(c, a, cells);
	fz_node_put(a, row, "cells", cells);
	fz_node_put(a, row, "total", flag(c, t->totals &&
	    r + 1 == t->nrows));
	fz_node_put(a, row, "last", c->no);
	return row;
}

static fz_node *
table_node(fz_render_ctx *c, const fz_table *t)
{
	fz_node *tn = fz_node_map(c->a), *head = fz_node_seq(c->a);
	fz_node *rows = fz_node_seq(c->a);
	char buf[32];

	fz_node_put(c->a, tn, "name", fz_render__text(c->a, t->name));
	if (t->key != NULL)
		fz_node_put(c->a, tn, "key", fz_render__text(c->a, t->key));
	fz_node_put(c->a, tn, "title", fz_render__text(c->a, t->title));
	for (size_t col = 0; col < t->ncols; col++) {
		fz_node *h = cell_node(c, c->a, t->cols[col].label,
		    t->cols[col].type != FZ_C_TEXT ? NUM : 0);
		fz_node_put(c->a, h, "key", text_of(c, c->a, t->cols[col].key));
		fz_node_put(c->a, h, "last", flag(c, col + 1 == t->ncols));
		fz_node_push(c->a, head, h);
	}
	if (c->lazy) {
		/* Each row when a template comes to it. */
		fz_render__lazy_note(c, rows, LZ_TABLE_ROWS)->table = t;
		fz_render__holes(c, rows, t->nrows);
	} else {
		for (size_t r = 0; r < t->nrows; r++)
			fz_node_push(c->a, rows, fz_render__table_row(c, c->a,
			    t, r));
	}
	fz_node_put(c->a, tn, "head", head);
	fz_node_put(c->a, tn, "rows", rows);
	snprintf(buf, sizeof buf, "%zu", t->nrows);
	fz_node_put(c->a, tn, "rows_count", fz_render__plain(c->a, buf));
	return tn;
}

int
fz_render__tables_make(fz_render_ctx *c, const fz_node *doc, size_t *at,
    fz_error *err)
{
	*at = c->tables->ndocs;
	return fz_table_set_add_doc(c->tables, doc, doc->file, err);
}

void
fz_render__tables_put(fz_render_ctx *c, fz_node *doc, size_t at)
{
	const fz_table *first = at < c->tables->ndocs ? c->tables->docs[at] :
	    NULL, *part;
	fz_node *list = fz_node_seq(c->a), *by_key = NULL;

	for (const fz_table *t = first; t != NULL; t = t->next)
		fz_node_push(c->a, list, table_node(c, t));
	fz_render__list_flags(c->a, list);
	fz_render__add(c->a, doc, "tables", list);
	/* A tally's inspections and cases, each a table of its own. */
	for (int p = FZ_PART_INSPECTIONS; p <= FZ_PART_CASES; p++)
		if ((part = fz_table_tally_part(c->tables, first, p)) != NULL) {
			if (by_key == NULL)
				by_key = fz_node_map(c->a);
			fz_render__add(c->a, by_key, part->key,
			    table_node(c, part));
		}
	/* tables_by_key.KEY: a table by which it is (draw: tickets ...). */
	for (size_t i = 0; i < list->n; i++) {
		const fz_node *key = fz_node_get(list->kids[i], "key");
		if (key == NULL)
			continue;
		if (by_key == NULL)
			by_key = fz_node_map(c->a);
		fz_render__add(c->a, by_key, key->str, list->kids[i]);
	}
	if (by_key != NULL)
		fz_render__add(c->a, doc, "tables_by_key", by_key);
}
