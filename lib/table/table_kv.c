/* table_kv.c - nested mappings as tables: key/value rows of any
 * document, and the tables of a metrics document (its rates, its
 * counts, and with --by one row per group). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "table_int.h"

/* Called for every leaf of a mapping: a scalar or a list of scalars,
 * with its joined key path and Chinese label. */
typedef void (*leaf_fn)(fz_table_set *ts, void *ctx, const char *path,
    const char *label, const fz_node *v);

static int
is_leaf(const fz_node *n)
{
	return n->type == FZ_SCALAR || (n->type == FZ_SEQ && (n->n == 0 ||
	    n->kids[0]->type == FZ_SCALAR));
}

/* Paths join keys with . (list items by their number from 1), labels
 * with ·: applications.by_channel.online is 办件·按渠道·网上.  by is X
 * while under a by_X key, whose keys are values of the field X. */
static void
flatten(fz_table_set *ts, const char *path, const char *label,
    const fz_node *n, const char *by, leaf_fn fn, void *ctx)
{
	if (is_leaf(n)) {
		fn(ts, ctx, path, label, n);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const fz_node *key = n->type == FZ_MAP ? n->kids[2 * i] : NULL;
		const fz_node *v = n->type == FZ_MAP ? n->kids[2 * i + 1] :
		    n->kids[i];
		char num[24];
		const char *k = key != NULL ? key->str : num, *word = NULL;

		snprintf(num, sizeof num, "%zu", i + 1);
		if (by != NULL)
			word = fz_value_label(by, k);
		if (word == NULL)
			word = fz_table__label(k);
		flatten(ts, *path ? fz_arena_printf(ts->arena, "%s.%s", path,
		    k) : k, *label ? fz_arena_printf(ts->arena, "%s·%s", label,
		    word) : word, v, strncmp(k, "by_", 3) == 0 ? k + 3 : NULL,
		    fn, ctx);
	}
}

static void
kv_leaf(fz_table_set *ts, void *ctx, const char *path, const char *label,
    const fz_node *v)
{
	fz_table *t = ctx;
	size_t at = strcmp(t->cols[0].key, "key") == 0;

	fz_table__row_begin(ts);
	if (at > 0)
		fz_table__row_set(ts, 0, fz_table__text(ts, path));
	fz_table__row_set(ts, at, fz_table__text(ts, label));
	fz_table__row_set(ts, at + 1, fz_table__field_cell(ts, NULL, v));
	fz_table__row_end(ts, t);
}

/* The keys of a mapping other than skip[] (NULL-terminated). */
static fz_node *
without(fz_table_set *ts, const fz_node *map, const char *const *skip)
{
	fz_node *rest = fz_node_map(ts->arena);

	for (size_t i = 0; i < map->n; i++) {
		const char *key = map->kids[2 * i]->str;
		const char *const *s = skip;
		while (*s != NULL && strcmp(*s, key) != 0)
			s++;
		if (*s == NULL)
			fz_node_put(ts->arena, rest, key, map->kids[2 * i + 1]);
	}
	return rest;
}

fz_table *
fz_table__kv(fz_table_set *ts, const fz_node *doc, const char *kind,
    const char *part, const char *file, const char *const *skip, int keys)
{
	fz_table *t = fz_table__new(ts, kind, part, doc, file);

	if (keys)
		fz_table__column(ts, t, "key", FZ_C_TEXT, "代码", 0);
	fz_table__column(ts, t, "item", FZ_C_TEXT, "项目", keys);
	fz_table__column(ts, t, "value", FZ_C_TEXT, "数值", keys + 1);
	flatten(ts, "", "", without(ts, doc, skip), NULL, kv_leaf, t);
	return t;
}

/* Rates that are means, not shares: a score, a number of days. */
static int
is_mean(const char *key)
{
	return strcmp(key, "satisfaction") == 0 ||
	    strcmp(key, "mean_workdays") == 0;
}

/* A rate's value: numerator / denominator exactly (value: is rounded),
 * a percent or a mean; empty over 0. */
static fz_table_cell
rate_value(fz_table_set *ts, const fz_node *rate)
{
	const fz_node *key = fz_node_get(rate, "key");
	const fz_node *n = fz_node_get(rate, "numerator");
	const fz_node *d = fz_node_get(rate, "denominator");
	fz_table_cell value = { .type = FZ_C_RATE, .empty = 1 }, num, den;

	if (key != NULL && key->type == FZ_SCALAR && is_mean(key->str))
		value.type = FZ_C_MEAN;
	if (n == NULL || d == NULL || n->type != FZ_SCALAR ||
	    d->type != FZ_SCALAR)
		return value;
	num = fz_table__scalar(ts, n, FZ_C_INT);
	den = fz_table__scalar(ts, d, FZ_C_INT);
	if (num.type == FZ_C_INT && !num.empty && den.type == FZ_C_INT &&
	    !den.empty && den.num != 0) {
		value.num = num.num, value.den = den.num;
		value.empty = 0;
	}
	return value;
}

/* A rate in words: its label (the Chinese of its key when it has
 * none), numerator, denominator, and its value exactly. */
static void
rate_row(fz_table_set *ts, fz_table *t, const fz_node *rate)
{
	const fz_node *key = fz_node_get(rate, "key");
	const fz_node *label = fz_node_get(rate, "label");
	const fz_node *n = fz_node_get(rate, "numerator");
	const fz_node *d = fz_node_get(rate, "denominator");

	fz_table__row_begin(ts);
	if (label != NULL && label->type == FZ_SCALAR)
		fz_table__row_set(ts, 0, fz_table__field_cell(ts, NULL, label));
	else if (key != NULL && key->type == FZ_SCALAR)
		fz_table__row_set(ts, 0, fz_table__text(ts,
		    fz_table__label(key->str)));
	if (n != NULL)
		fz_table__row_set(ts, 1, fz_table__field_cell(ts, NULL, n));
	if (d != NULL)
		fz_table__row_set(ts, 2, fz_table__field_cell(ts, NULL, d));
	fz_table__row_set(ts, 3, rate_value(ts, rate));
	fz_table__row_end(ts, t);
}

/* The rates that are shares (比率: numerator, denominator, percent), or
 * those that are means (平均: the sum, the count, the mean), as a table
 * of key; NULL when there are none. */
static fz_table *
rates_table(fz_table_set *ts, const fz_node *doc, const fz_node *rates,
    int means, const char *file)
{
	fz_table *t = NULL;

	for (size_t i = 0; i < fz_table__items(rates); i++) {
		const fz_node *key = fz_node_get(rates->kids[i], "key");
		int mean = key != NULL && key->type == FZ_SCALAR &&
		    is_mean(key->str);
		if (mean != means)
			continue;
		if (t == NULL) {
			t = fz_table__new(ts, "metrics", means ? "平均" : "比率",
			    doc, file);
			t->key = means ? "means" : "rates";
			fz_table__column(ts, t, "label", FZ_C_TEXT, "指标", 0);
			fz_table__column(ts, t, "numerator", FZ_C_INT,
			    means ? "总和" : "分子", 1);
			fz_table__column(ts, t, "denominator", FZ_C_INT,
			    means ? "件数" : "分母", 2);
			fz_table__column(ts, t, "value", means ? FZ_C_MEAN :
			    FZ_C_RATE, means ? "平均值" : "比率", 3);
		}
		rate_row(ts, t, rates->kids[i]);
	}
	return t;
}

/* A group's figures as columns: counts by their path, rates by key. */
static void
wide_leaf(fz_table_set *ts, void *ctx, const char *path, const char *label,
    const fz_node *v)
{
	fz_table *t = ctx;

	fz_table__row_set(ts, fz_table__column(ts, t, path, FZ_C_INT, label, t->ncols),
	    fz_table__field_cell(ts, NULL, v));
}

static void
group_row(fz_table_set *ts, fz_table *t, const fz_node *row)
{
	for (size_t i = 0; i < row->n; i++) {
		const char *k = row->kids[2 * i]->str;
		const fz_node *v = row->kids[2 * i + 1];
		if (strcmp(k, "rates") == 0 && v->type == FZ_SEQ) {
			for (size_t j = 0; j < v->n; j++) {
				const fz_node *r = v->kids[j];
				const fz_node *key = fz_node_get(r, "key");
				const fz_node *label = fz_node_get(r, "label");
				fz_table_cell c = rate_value(ts, r);
				if (r->type != FZ_MAP || key == NULL ||
				    key->type != FZ_SCALAR)
					continue;
				fz_table__row_set(ts, fz_table__column(ts, t, key->str, c.type,
				    label != NULL && label->type == FZ_SCALAR ?
				    label->str : NULL, t->ncols), c);
			}
		} else if (v->type == FZ_SCALAR) {
			fz_table__row_set(ts, fz_table__column(ts, t, k, FZ_C_TEXT, NULL, i),
			    fz_table__group_cell(ts, k, v));
		} else {
			flatten(ts, k, fz_table__label(k), v, NULL, wide_leaf, t);
		}
	}
}

/* With --by: a row per group, then the document's own figures as the
 * totals (合计). */
static void
groups_table(fz_table_set *ts, const fz_node *doc, const fz_node *rows,
    const char *file)
{
	static const char *const totals[] = { "catalogue", "applications",
		"rates", NULL };
	const fz_node *by = fz_node_get(doc, "by");
	const char *word = by != NULL && by->type == FZ_SCALAR ?
	    fz_table__label(by->str) : "组";
	fz_table *t = fz_table__new(ts, "metrics", fz_arena_printf(ts->arena,
	    "按%s", word), doc, file);

	fz_node *all = fz_node_map(ts->arena);
	const fz_node *first = rows->kids[0];

	fz_table__attach(ts, t, 0);
	for (size_t i = 0; totals[i] != NULL; i++) {
		const fz_node *v = fz_node_get(doc, totals[i]);
		if (v != NULL)
			fz_node_put(ts->arena, all, totals[i], (fz_node *)v);
	}
	/* Columns in the order of the document's own figures, which name
	 * every type and channel; the group keys first. */
	for (size_t i = 0; i < first->n; i++)
		if (first->kids[2 * i + 1]->type == FZ_SCALAR)
			fz_table__column(ts, t, first->kids[2 * i]->str, FZ_C_TEXT,
			    NULL, i);
	fz_table__row_begin(ts);
	group_row(ts, t, all);
	for (size_t i = 0; i < rows->n; i++) {
		fz_table__row_begin(ts);
		group_row(ts, t, rows->kids[i]);
		fz_table__row_end(ts, t);
	}
	fz_table__row_begin(ts);
	fz_table__row_set(ts, 0, fz_table__text(ts, "合计"));
	group_row(ts, t, all);
	fz_table__row_end(ts, t);
	t->totals = 1;
}

int
fz_table__metrics(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	/* inputs: the records read, not figures of the period. */
	static const char *const skip[] = { "kind", "version", "from", "to",
		"rates", "by", "rows", "inputs", NULL };
	const fz_node *rates = fz_node_get(doc, "rates");
	const fz_node *rows = fz_node_get(doc, "rows");
	fz_table *t;
	int status, first = 1;

	if ((status = fz_table__want_maps(rates, "rates", file, err)) != FZ_OK ||
	    (status = fz_table__want_maps(rows, "rows", file, err)) != FZ_OK)
		return status;
	for (int means = 0; means <= 1; means++)
		if ((t = rates_table(ts, doc, rates, means, file)) != NULL) {
			fz_table__attach(ts, t, first);
			first = 0;
		}
	t = fz_table__kv(ts, doc, "metrics", "数量", file, skip, 0);
	t->key = "counts";
	if (t->nrows > 0 || first) {
		fz_table__attach(ts, t, first);
	} else {	/* no counts: no table */
		free(t->cols);
		free(t->rows);
	}
	if (fz_table__items(rows) > 0)
		groups_table(ts, doc, rows, file);
	return FZ_OK;
}
