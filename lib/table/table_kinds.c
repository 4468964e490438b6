/* table_kinds.c - which table each kind of document gives: a tally its
 * rows and totals, a draw its selections, a record kind one row per
 * record; metrics and any other mapping are table_kv.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "table_int.h"

static int
records_table(fz_table_set *ts, const fz_node *doc, enum fz_kind k,
    const char *kind, const char *file, fz_error *err)
{
	const fz_node *recs = fz_node_get(doc, "records");
	fz_table *t;
	int status = fz_table__want_maps(recs, "records", file, err);

	if (status != FZ_OK)
		return status;
	t = fz_table__new(ts, kind, NULL, doc, file);
	fz_table__attach(ts, t, 1);
	for (size_t i = 0; i < fz_table__items(recs); i++)
		fz_table__record_row(ts, t, k, recs->kids[i]);
	return FZ_OK;
}

static void
tally_row(fz_table_set *ts, fz_table *t, const fz_node *row)
{
	int cases = 0;

	for (size_t i = 0; i < row->n; i++) {
		const char *key = row->kids[2 * i]->str;
		const fz_node *v = row->kids[2 * i + 1];
		size_t col;
		/* A mergeable tally's state is for --merge, not a figure;
		 * the case figures, after fines, are a table of their own. */
		if (strcmp(key, "state") == 0 || cases)
			continue;
		cases = strcmp(key, "fines") == 0;
		col = fz_table__column(ts, t, key, strcmp(key, "fines") == 0 ?
		    FZ_C_MONEY : FZ_C_INT, NULL, i);
		if (col < t->ngroup)
			fz_table__row_set(ts, col, fz_table__group_cell(ts, key, v));
		else if (v->type == FZ_SCALAR)
			fz_table__row_set(ts, col, fz_table__scalar(ts, v, t->cols[col].type));
		else
			fz_table__row_set(ts, col, fz_table__field_cell(ts, NULL, v));
	}
}

/* Row order: by each group key in turn, an enumeration's values in
 * its own order (日常, 双随机, 联合 ...), others by their text, none
 * last; else as they came. */
struct row_order {
	const fz_node *by, *rows;
};

static int
group_cmp(const struct row_order *o, size_t a, size_t b)
{
	for (size_t k = 0; k < o->by->n; k++) {
		const char *key = o->by->kids[k]->str;
		const fz_node *va = fz_node_get(o->rows->kids[a], key);
		const fz_node *vb = fz_node_get(o->rows->kids[b], key);
		int na = va == NULL || va->type != FZ_SCALAR || fz_node_is_null(va);
		int nb = vb == NULL || vb->type != FZ_SCALAR || fz_node_is_null(vb);
		int ra, rb, c;
		if (na || nb) {
			if (na != nb)
				return na - nb;
			continue;
		}
		ra = fz_value_rank(key, va->str);
		rb = fz_value_rank(key, vb->str);
		c = ra >= 0 && rb >= 0 ? ra - rb : strcmp(va->str, vb->str);
		if (c != 0)
			return c;
	}
	return a < b ? -1 : a > b;
}

/* A merge sort of idx[0..n) (stable, n log n) with tmp as room. */
static void
sort_rows(const struct row_order *o, size_t *idx, size_t *tmp, size_t n)
{
	size_t h = n / 2;

	if (n < 2)
		return;
	sort_rows(o, idx, tmp, h);
	sort_rows(o, idx + h, tmp, n - h);
	for (size_t i = 0, j = h, k = 0; k < n; k++)
		tmp[k] = j >= n || (i < h && group_cmp(o, idx[i], idx[j]) <= 0) ?
		    idx[i++] : idx[j++];
	memcpy(idx, tmp, n * sizeof *idx);
}

/* The rows of t, one for each of rows, in the Chinese reader's order
 * when a group key is an enumeration. */
static void
order_rows(fz_table *t, const fz_node *by, const fz_node *rows)
{
	struct row_order o = { by, rows };
	size_t n = t->nrows, *idx, *tmp;
	fz_row *sorted;
	int any = 0;

	for (size_t k = 0; k < fz_table__items(by); k++)
		for (size_t r = 0; r < n && !any; r++) {
			const fz_node *v = fz_node_get(rows->kids[r],
			    by->kids[k]->str);
			any = v != NULL && v->type == FZ_SCALAR &&
			    fz_value_rank(by->kids[k]->str, v->str) >= 0;
		}
	if (!any || n != rows->n)
		return;
	idx = fz_xcalloc(2 * n, sizeof *idx);
	tmp = idx + n;
	for (size_t r = 0; r < n; r++)
		idx[r] = r;
	sort_rows(&o, idx, tmp, n);
	sorted = fz_xcalloc(n, sizeof *sorted);
	for (size_t r = 0; r < n; r++)
		sorted[r] = t->rows[idx[r]];
	memcpy(t->rows, sorted, n * sizeof *sorted);
	free(sorted);
	free(idx);
}

/* 按上报方, 按月份、镇(乡)街道; 合计 without group keys. */
static const char *
by_words(fz_table_set *ts, const fz_node *by)
{
	fz_buf b = { 0 };
	const char *s;

	for (size_t i = 0; i < fz_table__items(by); i++) {
		fz_buf_adds(&b, i == 0 ? "按" : "、");
		fz_buf_adds(&b, fz_table__label(by->kids[i]->str));
	}
	s = fz_table__strdup(ts, b.len > 0 ? fz_buf_str(&b) : "合计");
	fz_buf_free(&b);
	return s;
}

static int
tally_table(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	const fz_node *by = fz_node_get(doc, "by");
	const fz_node *rows = fz_node_get(doc, "rows");
	const fz_node *totals = fz_node_get(doc, "totals");
	fz_table *t, *cases;
	int status;

	if ((status = fz_table__want(by, FZ_SEQ, "by", file, err)) != FZ_OK ||
	    (status = fz_table__want_maps(rows, "rows", file, err)) != FZ_OK ||
	    (status = fz_table__want(totals, FZ_MAP, "totals", file, err)) != FZ_OK)
		return status;
	for (size_t i = 0; i < fz_table__items(by); i++)
		if ((status = fz_table__want(by->kids[i], FZ_SCALAR, "by", file, err)))
			return status;
	t = fz_table__new(ts, "tally", NULL, doc, file);
	fz_table__attach(ts, t, 1);
	t->sheet = by_words(ts, by);
	for (size_t i = 0; i < fz_table__items(by); i++) {
		const char *key = by->kids[i]->str;
		size_t col = fz_table__column(ts, t, key, FZ_C_TEXT, NULL, i);
		if (col == t->ngroup)
			t->ngroup++;
		if (t->period_col < 0 && fz_period_parse(key) != FZ_P_NONE)
			t->period_col = (int)col;
	}
	for (size_t i = 0; i < fz_table__items(rows); i++) {
		fz_table__row_begin(ts);
		tally_row(ts, t, rows->kids[i]);
		fz_table__row_end(ts, t);
	}
	order_rows(t, by, rows);
	/* Without group keys the one row is the totals: nothing to add. */
	if (totals != NULL && totals->type == FZ_MAP && t->ngroup > 0) {
		fz_table__row_begin(ts);
		fz_table__row_set(ts, 0, fz_table__text(ts, "合计"));
		tally_row(ts, t, totals);
		fz_table__row_end(ts, t);
		t->totals = 1;
	}
	if (totals != NULL && totals->type == FZ_MAP &&
	    (cases = fz_table__tally_cases(ts, doc, totals, file)) != NULL)
		fz_table__attach(ts, cases, 0);
	return FZ_OK;
}

/* ------------------------------------------------------------ parts */

static const char *const part_figures[][9] = {
	{ "visits", "units", "person_times", "outings", "violations",
	    "banned", "leader_led", NULL },
	{ "filed", "closed", "open", "closed_on_time", "overdue", "reviewed",
	    "published_on_time", "fines", NULL },
};

static int
of_part(const char *key, enum fz_table_part part)
{
	for (size_t i = 0; part_figures[part][i] != NULL; i++)
		if (strcmp(part_figures[part][i], key) == 0)
			return 1;
	return 0;
}

/* Every group key of t is a period or a key of part's records. */
static int
groups_apply(const fz_table *t, enum fz_table_part part)
{
	enum fz_kind k = part == FZ_PART_CASES ? FZ_KIND_CASES :
	    FZ_KIND_INSPECTIONS;

	for (size_t i = 0; i < t->ngroup; i++)
		if (fz_period_parse(t->cols[i].key) == FZ_P_NONE &&
		    fz_field_find(k, t->cols[i].key) == NULL)
			return 0;
	return 1;
}

static int
has_figure(const fz_row *r, const size_t *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cols[i] < r->n && !r->cells[cols[i]].empty &&
		    r->cells[cols[i]].num != 0)
			return 1;
	return 0;
}

const fz_table *
fz_table_tally_part(fz_table_set *ts, const fz_table *t,
    enum fz_table_part part)
{
	size_t *cols, n = 0, nrows = 0;
	int prefix = 1;
	fz_table *v;

	if (t == NULL || t->kind == NULL || strcmp(t->kind, "tally") != 0 ||
	    !groups_apply(t, part))
		return NULL;
	cols = fz_arena_alloc(ts->arena, (t->ncols + 1) * sizeof *cols);
	v = fz_arena_alloc(ts->arena, sizeof *v);
	for (size_t j = 0; j < t->ncols; j++)
		if (j < t->ngroup || of_part(t->cols[j].key, part))
			cols[n++] = j;
	*v = *t;
	v->key = part == FZ_PART_CASES ? "cases" : "inspections";
	v->next = NULL;
	v->ncols = n;
	v->cols = fz_arena_alloc(ts->arena, n * sizeof *v->cols);
	v->rows = fz_arena_alloc(ts->arena, (t->nrows + 1) * sizeof *v->rows);
	for (size_t j = 0; j < n; j++) {
		v->cols[j] = t->cols[cols[j]];
		prefix &= cols[j] == j;
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const fz_row *r = &t->rows[i];
		int total = t->totals && i + 1 == t->nrows;
		fz_row *w = &v->rows[nrows];
		if (!total && !has_figure(r, cols + t->ngroup, n - t->ngroup))
			continue;
		w->n = n;
		/* The part's columns the first of the table's: its row's
		 * cells, shared (nothing writes to a table made). */
		if (prefix && r->n >= n) {
			w->cells = r->cells;
			nrows++;
			continue;
		}
		w->cells = fz_arena_alloc(ts->arena, (n + 1) * sizeof *w->cells);
		for (size_t j = 0; j < n; j++)
			w->cells[j] = cols[j] < r->n ? r->cells[cols[j]] :
			    (fz_table_cell){ .type = t->cols[cols[j]].type,
			    .empty = 1 };
		nrows++;
	}
	v->nrows = nrows;
	v->cap_cols = v->cap_rows = 0;
	return nrows > (size_t)t->totals ? v : NULL;
}

/* 序号 of the i-th row, from 0. */
static fz_table_cell
index_cell(fz_table_set *ts, size_t i)
{
	char num[24];

	snprintf(num, sizeof num, "%zu", i + 1);
	return fz_table__scalar(ts, &(fz_node){ .type = FZ_SCALAR, .str = num,
	    .len = strlen(num) }, FZ_C_INT);
}

/* The selections in draw order: 序号, then each key of a selection
 * but the entity's id and the ticket, which are the tickets table's. */
static fz_table *
draw_selections(fz_table_set *ts, const fz_node *doc, const fz_node *sel,
    const char *file)
{
	static const char *const keys[] = { "name", "category", "town",
		"stratum", "team", NULL };
	fz_table *t = fz_table__new(ts, "draw", "抽取结果", doc, file);

	t->key = "selections";
	fz_table__attach(ts, t, 1);
	fz_table__column(ts, t, "index", FZ_C_INT, "序号", 0);
	for (size_t i = 0; keys[i] != NULL; i++)
		fz_table__column(ts, t, keys[i], FZ_C_TEXT, NULL, i + 1);
	for (size_t i = 0; i < fz_table__items(sel); i++) {
		const fz_node *s = sel->kids[i];
		fz_table__row_begin(ts);
		fz_table__row_set(ts, 0, index_cell(ts, i));
		for (size_t j = 0; j < s->n; j++) {
			const char *k = s->kids[2 * j]->str;
			const fz_node *v = s->kids[2 * j + 1];
			if (!strcmp(k, "ticket") || !strcmp(k, "entity"))
				continue;
			fz_table__row_set(ts, fz_table__column(ts, t, k,
			    FZ_C_TEXT, NULL, j + 1), strcmp(k, "team") == 0 ?
			    fz_table__team_cell(ts, v) : fz_table__field_cell(ts, NULL, v));
		}
		fz_table__row_end(ts, t);
	}
	return t;
}

/* The tickets, for whoever verifies the draw: 序号, the entity's id
 * (编号), ticket. */
static void
draw_tickets(fz_table_set *ts, const fz_node *doc, const fz_node *sel,
    const char *file)
{
	fz_table *t = fz_table__new(ts, "draw", "签号", doc, file);

	t->key = "tickets";
	fz_table__attach(ts, t, 0);
	fz_table__column(ts, t, "index", FZ_C_INT, "序号", 0);
	fz_table__column(ts, t, "entity", FZ_C_TEXT, "编号", 1);
	fz_table__column(ts, t, "ticket", FZ_C_TEXT, NULL, 2);
	t->cols[1].code = t->cols[2].code = 1;
	for (size_t i = 0; i < fz_table__items(sel); i++) {
		const fz_node *e = fz_node_get(sel->kids[i], "entity");
		const fz_node *k = fz_node_get(sel->kids[i], "ticket");
		fz_table__row_begin(ts);
		fz_table__row_set(ts, 0, index_cell(ts, i));
		if (e != NULL)
			fz_table__row_set(ts, 1, fz_table__field_cell(ts, NULL, e));
		if (k != NULL)
			fz_table__row_set(ts, 2, fz_table__field_cell(ts, NULL, k));
		fz_table__row_end(ts, t);
	}
}

/* A row of item and the value of key (in its word: SHA-256). */
static void
basis_row(fz_table_set *ts, fz_table *t, const char *key, const char *item,
    const fz_node *v)
{
	if (v == NULL || v->type != FZ_SCALAR)
		return;
	fz_table__row_begin(ts);
	fz_table__row_set(ts, 0, fz_table__text(ts, item));
	fz_table__row_set(ts, 1, fz_table__group_cell(ts, key, v));
	fz_table__row_end(ts, t);
}

/* What the draw was made from: task, date, seed, hash, and the digest
 * of each input with its count. */
static void
draw_basis(fz_table_set *ts, const fz_node *doc, const char *file)
{
	static const char *const scalars[][2] = { { "task", "任务" },
		{ "date", "抽取日期" }, { "seed", "随机种子" },
		{ "hash", "摘要算法" } };
	const fz_node *inputs = fz_node_get(doc, "inputs");
	fz_table *t = fz_table__new(ts, "draw", "抽取依据", doc, file);

	t->key = "basis";
	fz_table__attach(ts, t, 0);
	fz_table__column(ts, t, "item", FZ_C_TEXT, "项目", 0);
	fz_table__column(ts, t, "value", FZ_C_TEXT, "内容", 1);
	t->cols[1].code = 1;
	for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
		basis_row(ts, t, scalars[i][0], scalars[i][1],
		    fz_node_get(doc, scalars[i][0]));
	for (size_t i = 0; inputs != NULL && inputs->type == FZ_MAP &&
	    i < inputs->n; i++) {
		const char *kind = inputs->kids[2 * i]->str;
		const fz_node *in = inputs->kids[2 * i + 1];
		const fz_node *n = fz_node_get(in, "records");
		const char *unit = "条";
		if (n == NULL)
			n = fz_node_get(in, "documents"), unit = "份";
		basis_row(ts, t, "digest", fz_arena_printf(ts->arena,
		    "%s（%s%s）摘要",
		    strcmp(kind, "entities") == 0 ? "检查对象名录库" :
		    strcmp(kind, "inspectors") == 0 ? "执法检查人员名录库" :
		    fz_table__label(kind), n != NULL && n->type == FZ_SCALAR ?
		    n->str : "", unit), fz_node_get(in, "digest"));
	}
}

static int
draw_tables(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	const fz_node *sel = fz_node_get(doc, "selections");
	const fz_node *unfilled = fz_node_get(doc, "unfilled");
	fz_table *t, *first;
	int status;

	if ((status = fz_table__want_maps(sel, "selections", file, err)) != FZ_OK ||
	    (status = fz_table__want_maps(unfilled, "unfilled", file, err)) != FZ_OK ||
	    (status = fz_table__want(fz_node_get(doc, "inputs"), FZ_MAP,
	    "inputs", file, err)) != FZ_OK)
		return status;
	t = draw_selections(ts, doc, sel, file);
	first = t;
	if (fz_table__items(unfilled) > 0) {
		t = fz_table__new(ts, "draw", "未能组队", doc, file);
		t->key = "unfilled";
		fz_table__attach(ts, t, 0);
		fz_table__column(ts, t, "entity", FZ_C_TEXT, "编号", 0);
		t->cols[0].code = 1;
		for (size_t i = 0; i < unfilled->n; i++)
			fz_table__record_row(ts, t, FZ_KIND_NONE, unfilled->kids[i]);
	}
	draw_tickets(ts, doc, sel, file);
	draw_basis(ts, doc, file);
	fz_table__name_by_task(ts, doc, first);
	return FZ_OK;
}

/* The tables of doc, of kind k named kind (NULL: none). */
static int
doc_tables(fz_table_set *ts, const fz_node *doc, enum fz_kind k,
    const char *kind, const char *file, fz_error *err)
{
	static const char *const skip[] = { "kind", "version", NULL };

	if (doc == NULL || doc->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, file,
		    doc ? doc->line : 0, doc ? doc->col : 0,
		    "a document must be a mapping");
	if (k == FZ_KIND_TALLY)
		return tally_table(ts, doc, file, err);
	if (k == FZ_KIND_METRICS)
		return fz_table__metrics(ts, doc, file, err);
	if (k == FZ_KIND_DRAW)
		return draw_tables(ts, doc, file, err);
	if (k == FZ_KIND_RESULTS)
		return fz_table__results(ts, doc, file, err);
	if (k == FZ_KIND_CASEFILE)
		return fz_table__casefile(ts, doc, file, err);
	if (k != FZ_KIND_NONE && fz_kind_has_records(k))
		return records_table(ts, doc, k, kind, file, err);
	fz_table__attach(ts, fz_table__kv(ts, doc, kind, NULL, file, skip, 1),
	    1);
	return FZ_OK;
}

int
fz_table_set_add_doc(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	const fz_node *v = fz_node_get(doc, "kind");
	const char *kind = v != NULL && v->type == FZ_SCALAR ? v->str : NULL;

	ts->open = NULL;
	return doc_tables(ts, doc, kind != NULL ? fz_kind_parse(kind) :
	    FZ_KIND_NONE, kind, file, err);
}

int
fz_table_set_add_event(fz_table_set *ts, const fz_event *ev, fz_error *err)
{
	fz_table *t = ts->open;

	if (ev->type == FZ_EV_END)
		return FZ_OK;
	if (ev->type == FZ_EV_DOC) {
		ts->open = NULL;
		/* A record kind's records came first: its table is whole. */
		if (t != NULL && ev->kind != FZ_KIND_NONE &&
		    ts->open_kind == ev->kind)
			return FZ_OK;
		return doc_tables(ts, ev->node, ev->kind, ev->kind_name,
		    ev->file, err);
	}
	if (ev->node == NULL || ev->node->type != FZ_MAP)
		return fz_table__want(ev->node, FZ_MAP, "records", ev->file, err);
	if (t == NULL || ev->index == 0 || ev->kind == FZ_KIND_NONE ||
	    ts->open_kind != ev->kind) {
		t = ts->open = fz_table__new(ts, ev->kind_name, NULL, NULL,
		    ev->file);
		ts->open_kind = ev->kind;
		t->line = ev->doc_line, t->col = ev->doc_col;
		fz_table__attach(ts, t, 1);
	}
	fz_table__record_row(ts, t, ev->kind, ev->node);
	return FZ_OK;
}
