/* render_kinds.c - the helpers of particular kinds: a tally's columns,
 * cells and charts, a draw's teams. */
#include <stdio.h>
#include <string.h>

#include "render_int.h"

static fz_node *
key_label(fz_arena *a, const char *key)
{
	fz_node *m = fz_node_map(a);

	fz_node_put(a, m, "key", fz_render__text(a, key));
	fz_node_put(a, m, "label", fz_render__text(a, fz_render__word(key)));
	return m;
}

static int
in_list(const fz_node *seq, const char *s)
{
	for (size_t i = 0; seq != NULL && seq->type == FZ_SEQ && i < seq->n;
	    i++)
		if (seq->kids[i]->type == FZ_SCALAR &&
		    strcmp(seq->kids[i]->str, s) == 0)
			return 1;
	return 0;
}

/* The indicator keys: those of the totals, else of the first row, that
 * are not group keys. */
static fz_node *
columns(fz_arena *a, const fz_node *by, const fz_node *rows,
    const fz_node *totals)
{
	const fz_node *model = totals;
	fz_node *cols = fz_node_seq(a);

	if ((model == NULL || model->type != FZ_MAP) && rows->n > 0)
		model = rows->kids[0];
	for (size_t i = 0; model != NULL && model->type == FZ_MAP &&
	    i < model->n; i++) {
		const char *key = model->kids[2 * i]->str;
		if (!in_list(by, key) &&
		    model->kids[2 * i + 1]->type == FZ_SCALAR)
			fz_node_push(a, cols, key_label(a, key));
		/* The case figures after it are a table of their own. */
		if (strcmp(key, "fines") == 0)
			break;
	}
	return cols;
}

/* 1 when a case figure of totals (a key after fines) is not 0: a
 * report then has something to say of them. */
static int
case_figures_given(const fz_node *totals)
{
	int after = 0;

	for (size_t i = 0; i < totals->n; i++) {
		const fz_node *v = totals->kids[2 * i + 1];

		if (after && v->type == FZ_MAP)
			v = fz_node_get(v, "numerator");
		if (after && v != NULL && v->type == FZ_SCALAR &&
		    strcmp(v->str, "0") != 0)
			return 1;
		after |= strcmp(totals->kids[2 * i]->str, "fines") == 0;
	}
	return 0;
}

/* cells: {key, label, value} of each indicator of a row. */
static void
add_cells(fz_arena *a, fz_node *row, const fz_node *cols)
{
	fz_node *cells = fz_node_seq(a);

	for (size_t i = 0; i < cols->n; i++) {
		const char *key = fz_node_get(cols->kids[i], "key")->str;
		fz_node *cell = key_label(a, key);
		fz_node *v = fz_node_get(row, key);
		fz_node_put(a, cell, "value", v != NULL ? v :
		    fz_render__plain(a, "null"));
		if (v != NULL && v->type == FZ_SCALAR && fz_render__is_money(key))
			fz_render__money(a, cell, "value", v);
		fz_node_push(a, cells, cell);
	}
	fz_render__add(a, row, "cells", cells);
}

/* group: the row's group values in words, joined with a space. */
static fz_node *
group_text(fz_arena *a, const fz_node *row, const fz_node *by)
{
	fz_buf b = { 0 };
	fz_node *n;

	for (size_t i = 0; by != NULL && by->type == FZ_SEQ && i < by->n; i++) {
		const fz_node *v = by->kids[i]->type == FZ_SCALAR ?
		    fz_node_get(row, by->kids[i]->str) : NULL;
		const char *w;
		if (v == NULL || v->type != FZ_SCALAR)
			continue;
		w = fz_value_label(by->kids[i]->str, v->str);
		if (b.len > 0)
			fz_buf_add(&b, " ", 1);
		fz_buf_add(&b, w != NULL ? w : v->str, strlen(w != NULL ? w :
		    v->str));
	}
	n = fz_render__text(a, b.data != NULL ? b.data : "");
	fz_buf_free(&b);
	return n;
}

/* The bar of row over its chart's indicator key, in percent of max. */
static fz_node *
bar_of(fz_arena *a, const fz_node *row, fz_node *group, const char *key,
    int64_t max)
{
	int money = fz_render__is_money(key);
	fz_node *bar = fz_node_map(a);
	fz_node *value = fz_node_get(row, key);
	int64_t v;
	char buf[32];

	if (fz_render__number(value, money, &v) != 0 || v < 0)
		v = 0;
	fz_node_put(a, bar, "group", group);
	/* The value as the tables show it: money in yuan. */
	fz_node_put(a, bar, "value", money && fz_render__yuan(a, value) !=
	    NULL ? fz_render__yuan(a, value) : value);
	snprintf(buf, sizeof buf, "%lld", (long long)((v * 200 + max) /
	    (2 * max)));
	fz_node_put(a, bar, "bar", fz_render__plain(a, buf));
	return bar;
}

fz_node *
fz_render__bar(fz_arena *a, const fz_render__lazy_list *l, size_t i)
{
	const fz_node *row = l->rows->kids[i];
	fz_node *group = fz_node_get(row, "group");

	/* The row's group as its cells would have it. */
	if (group == NULL && row->type == FZ_MAP)
		group = group_text(a, row, l->by);
	return bar_of(a, row, group, l->key, l->max);
}

/* A chart of one indicator over the rows: bars in percent of the
 * largest value; NULL when every value is 0.  With a lazy context the
 * bars are made when a template comes to them. */
static fz_node *
chart(fz_render_ctx *c, const fz_node *col, const fz_node *rows,
    const fz_node *by)
{
	fz_arena *a = c->a;
	const char *key = fz_node_get(col, "key")->str;
	int money = fz_render__is_money(key);
	int64_t max = 0, v;
	fz_node *ch, *bars;

	for (size_t i = 0; i < rows->n; i++)
		if (fz_render__number(fz_node_get(rows->kids[i], key), money, &v) == 0 &&
		    v > max)
			max = v;
	if (max == 0)
		return NULL;
	ch = key_label(a, key);
	bars = fz_node_seq(a);
	if (c->lazy) {
		fz_render__lazy_list *l = fz_render__lazy_note(c, bars,
		    LZ_BARS);
		fz_render__holes(c, bars, rows->n);
		l->rows = rows;
		l->by = by;
		l->key = key;
		l->max = max;
		/* doc, charts, a chart, bars: the walk's depth of a bar. */
		l->walked = 1;
		l->depth = 4;
	} else {
		for (size_t i = 0; i < rows->n; i++)
			fz_node_push(a, bars, bar_of(a, rows->kids[i],
			    fz_node_get(rows->kids[i], "group"), key, max));
	}
	fz_node_put(a, ch, "bars", bars);
	return ch;
}

static int
by_period(const fz_node *by)
{
	for (size_t i = 0; by != NULL && by->type == FZ_SEQ && i < by->n; i++)
		if (by->kids[i]->type == FZ_SCALAR &&
		    fz_period_parse(by->kids[i]->str) != FZ_P_NONE)
			return 1;
	return 0;
}

void
fz_render__tally_row(fz_arena *a, fz_node *row, const fz_node *cols,
    const fz_node *by)
{
	add_cells(a, row, cols);
	fz_render__add(a, row, "group", group_text(a, row, by));
}

void
fz_render__tally(fz_render_ctx *c, fz_node *doc)
{
	fz_arena *a = c->a;
	const fz_node *by = fz_node_get(doc, "by");
	fz_node *rows = fz_node_get(doc, "rows");
	fz_node *totals = fz_node_get(doc, "totals");
	fz_node *groups = fz_node_seq(a), *cols, *charts;

	if (rows == NULL || rows->type != FZ_SEQ)
		return;
	for (size_t i = 0; by != NULL && by->type == FZ_SEQ && i < by->n; i++)
		if (by->kids[i]->type == FZ_SCALAR)
			fz_node_push(a, groups, key_label(a, by->kids[i]->str));
	cols = columns(a, by, rows, totals);
	if (c->lazy) {
		/* Each row's cells and group when a template comes to it. */
		fz_render__lazy_list *l = fz_render__lazy_note(c, rows,
		    LZ_ITEMS);
		l->cols = cols;
		l->by = by;
	} else {
		for (size_t i = 0; i < rows->n; i++)
			if (rows->kids[i]->type == FZ_MAP)
				fz_render__tally_row(a, rows->kids[i], cols,
				    by);
	}
	if (totals != NULL && totals->type == FZ_MAP) {
		add_cells(a, totals, cols);
		if (case_figures_given(totals))
			fz_render__add(a, totals, "case_figures_given", c->yes);
	}
	fz_render__add(a, doc, "groups", groups);
	fz_render__add(a, doc, "columns", cols);
	if (!by_period(by))
		return;
	charts = fz_node_seq(a);
	for (size_t i = 0; i < cols->n; i++) {
		fz_node *ch = chart(c, cols->kids[i], rows, by);
		if (ch != NULL)
			fz_node_push(a, charts, ch);
	}
	fz_render__add(a, doc, "charts", charts);
}

/* The ids of a team joined with |, which no id holds (DRAW.md). */
static void
team_key(const fz_node *team, fz_buf *b)
{
	for (size_t i = 0; team != NULL && team->type == FZ_SEQ &&
	    i < team->n; i++) {
		const fz_node *id = fz_node_get(team->kids[i], "id");
		fz_buf_add(b, "|", 1);
		if (id != NULL && id->type == FZ_SCALAR)
			fz_buf_add(b, id->str, id->len);
	}
}

void
fz_render__draw(fz_arena *a, fz_node *doc)
{
	const fz_node *sel = fz_node_get(doc, "selections");
	fz_node *teams = fz_node_seq(a);
	fz_map *seen = fz_map_new();

	for (size_t i = 0; sel != NULL && sel->type == FZ_SEQ && i < sel->n;
	    i++) {
		const fz_node *s = sel->kids[i];
		const fz_node *team = fz_node_get(s, "team");
		fz_buf key = { 0 };
		int added;
		void **slot;
		if (team == NULL || team->type != FZ_SEQ || team->n == 0)
			continue;
		team_key(team, &key);
		slot = fz_map_insert(seen, key.data, key.len, &added, NULL);
		fz_buf_free(&key);
		if (added) {
			fz_node *t = fz_node_map(a);
			fz_node_put(a, t, "members", fz_node_copy(a, team));
			fz_node_put(a, t, "selections", fz_node_seq(a));
			fz_node_push(a, teams, t);
			*slot = t;
		}
		fz_node_push(a, fz_node_get(*slot, "selections"),
		    fz_node_copy(a, s));
	}
	fz_map_free(seen);
	fz_render__add(a, doc, "teams", teams);
}
