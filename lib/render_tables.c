/* render_tables.c - a document's tables, as CSV and xlsx have them, put
 * into the context for the table widgets: one way to tabulate each kind,
 * whatever the output. */
#include <string.h>

#include "render_int.h"

static fz_node *
cell_node(fz_arena *a, const char *text, int num)
{
	fz_node *c = fz_node_map(a);

	fz_node_put(a, c, "text", rn_text(a, text));
	fz_node_put(a, c, "num", rn_plain(a, num ? "true" : "false"));
	return c;
}

static fz_node *
table_node(fz_arena *a, const fz_table *t)
{
	fz_node *tn = fz_node_map(a), *head = fz_node_seq(a);
	fz_node *rows = fz_node_seq(a);
	static const fz_cell empty = { .empty = 1 };
	char buf[64];

	fz_node_put(a, tn, "name", rn_text(a, t->name));
	fz_node_put(a, tn, "title", rn_text(a, t->title));
	for (size_t c = 0; c < t->ncols; c++) {
		fz_node *h = cell_node(a, t->cols[c].label,
		    t->cols[c].type != FZ_C_TEXT);
		fz_node_put(a, h, "key", rn_text(a, t->cols[c].key));
		fz_node_push(a, head, h);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		fz_node *row = fz_node_map(a), *cells = fz_node_seq(a);
		for (size_t c = 0; c < t->ncols; c++) {
			const fz_cell *cell = c < t->rows[r].n ?
			    &t->rows[r].cells[c] : &empty;
			fz_node_push(a, cells, cell_node(a,
			    fz_cell_format(cell, buf), !cell->empty &&
			    cell->type != FZ_C_TEXT));
		}
		fz_node_put(a, row, "cells", cells);
		fz_node_put(a, row, "total", rn_plain(a, t->totals &&
		    r + 1 == t->nrows ? "true" : "false"));
		fz_node_push(a, rows, row);
	}
	fz_node_put(a, tn, "head", head);
	fz_node_put(a, tn, "rows", rows);
	return tn;
}

int
rn_tables(fz_arena *a, fz_node *doc, fz_tableset *ts, fz_error *err)
{
	size_t before = ts->ndocs;
	fz_node *list = fz_node_seq(a);
	int rc = fz_tableset_add_doc(ts, doc, doc->file, err);

	if (rc != FZ_OK)
		return rc;
	for (const fz_table *t = ts->ndocs > before ?
	    ts->docs[ts->ndocs - 1] : NULL; t != NULL; t = t->next)
		fz_node_push(a, list, table_node(a, t));
	rn_add(a, doc, "tables", list);
	return FZ_OK;
}
