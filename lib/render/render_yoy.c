/* render_yoy.c - 同比: the documents of the previous period
 * (fazhi-render --previous), each paired with the document of the same
 * kind and grouping, refused unless it covers the same period a year
 * before; then beside each figure KEY both have, KEY_yoy with the
 * previous value, the change and its words (fazhi-templates(7)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

int
fz_render_ctx_add_previous(fz_render_ctx *c, const fz_event *ev,
    fz_error *err)
{
	const fz_node *n = ev->node;
	fz_table_set *shape;
	int rc;

	if (ev->type == FZ_EV_END)
		return FZ_OK;
	if (ev->type != FZ_EV_DOC || n == NULL || n->type != FZ_MAP ||
	    (ev->kind != FZ_KIND_TALLY && ev->kind != FZ_KIND_METRICS))
		return fz_error_set(err, FZ_DATAERR, ev->file, n ? n->line :
		    ev->doc_line, n ? n->col : ev->doc_col, "--previous takes "
		    "tally and metrics documents of the period before, not %s",
		    ev->kind_name != NULL ? ev->kind_name : "a document "
		    "without kind");
	/* Of the shape an input of its kind must have, or refused alike. */
	shape = fz_table_set_new();
	rc = fz_table_set_add_doc(shape, n, ev->file, err);
	fz_table_set_free(shape);
	if (rc != FZ_OK)
		return rc;
	c->prev = fz_xrealloc(c->prev, (c->nprev + 1) * sizeof *c->prev);
	if ((c->prev[c->nprev] = fz_node_copy(c->a, n)) == NULL)
		abort();
	c->prev_kinds = fz_xrealloc(c->prev_kinds, (c->nprev + 1) *
	    sizeof *c->prev_kinds);
	c->prev_kinds[c->nprev++] = ev->kind == FZ_KIND_TALLY ? "tally" :
	    "metrics";
	c->root = NULL;
	return FZ_OK;
}

/* The same day a year before; the last day of a month stays the last
 * of that month (2020-02-29 and 2019-02-28 both go to the 28th of
 * February of the year before, 2021-02-28 to 2020-02-29). */
static fz_date
year_before(fz_date d)
{
	int y, m, day, ny, nm, nd;

	fz_date_split(d, &y, &m, &day);
	fz_date_split(d + 1, &ny, &nm, &nd);
	if (nd == 1)	/* the month's last day: the day before the next */
		return (m == 12 ? fz_date_make(y, 1, 1) :
		    fz_date_make(y - 1, m + 1, 1)) - 1;
	if (!fz_date_valid(y - 1, m, day))
		day--;
	return fz_date_make(y - 1, m, day);
}

static int
date_of(const fz_node *doc, const char *key, fz_date *d)
{
	const fz_node *v = fz_node_get(doc, key);

	return v != NULL && v->type == FZ_SCALAR &&
	    fz_date_parse(v->str, v->len, d) == 0 ? 0 : -1;
}

/* by: of a document as text ("[]" when it has none). */
static void
by_text(const fz_node *doc, fz_buf *b)
{
	const fz_node *by = fz_node_get(doc, "by");

	fz_buf_adds(b, "[");
	for (size_t i = 0; by != NULL && by->type == FZ_SEQ && i < by->n; i++) {
		fz_buf_adds(b, i ? ", " : "");
		if (by->kids[i]->type == FZ_SCALAR)
			fz_buf_adds(b, by->kids[i]->str);
	}
	fz_buf_adds(b, "]");
}

static int
same_by(const fz_node *a, const fz_node *b)
{
	fz_buf x = { 0 }, y = { 0 };
	int same;

	by_text(a, &x);
	by_text(b, &y);
	same = strcmp(fz_buf_str(&x), fz_buf_str(&y)) == 0;
	fz_buf_free(&x);
	fz_buf_free(&y);
	return same;
}

static const char *
where(const fz_node *n)
{
	return n->file != NULL ? n->file : "-";
}

/* The document prev is the previous period of: *cur, or FZ_DATAERR. */
static int
partner(fz_render_ctx *c, size_t p, fz_node **cur, fz_error *err)
{
	const fz_node *prev = c->prev[p], *kin = NULL;
	const char *kind = c->prev_kinds[p];
	fz_date pf, pt, cf, ct;
	fz_buf b = { 0 }, kb = { 0 };
	int rc;

	*cur = NULL;
	for (size_t i = 0; i < c->ndocs && *cur == NULL; i++) {
		if (c->kinds[i] == NULL || strcmp(c->kinds[i], kind) != 0)
			continue;
		if (kin == NULL)
			kin = c->docs[i];
		if (same_by(c->docs[i], prev))
			*cur = c->docs[i];
	}
	if (*cur == NULL && kin == NULL)
		return fz_error_set(err, FZ_DATAERR, prev->file, prev->line,
		    prev->col, "this previous %s has no %s among the inputs to "
		    "compare with", kind, kind);
	if (*cur == NULL) {
		by_text(prev, &b);
		by_text(kin, &kb);
		rc = fz_error_set(err, FZ_DATAERR, prev->file, prev->line,
		    prev->col, "this previous %s is by %s, the one of %s by "
		    "%s: 同比 compares the same grouping", kind, fz_buf_str(&b),
		    where(kin), fz_buf_str(&kb));
		fz_buf_free(&b);
		fz_buf_free(&kb);
		return rc;
	}
	if (date_of(prev, "from", &pf) || date_of(prev, "to", &pt) ||
	    date_of(*cur, "from", &cf) || date_of(*cur, "to", &ct) ||
	    pf != year_before(cf) || pt != year_before(ct)) {
		char a[16] = "?", z[16] = "?", f[16] = "?", t[16] = "?";
		if (!date_of(*cur, "from", &cf) && !date_of(*cur, "to", &ct)) {
			fz_date_format(year_before(cf), a);
			fz_date_format(year_before(ct), z);
		}
		if (!date_of(prev, "from", &pf) && !date_of(prev, "to", &pt)) {
			fz_date_format(pf, f);
			fz_date_format(pt, t);
		}
		return fz_error_set(err, FZ_DATAERR, prev->file, prev->line,
		    prev->col, "this previous %s covers %s to %s, not the same "
		    "period a year before that of %s (%s to %s): 同比 compares "
		    "a period with the same period of the year before", kind, f,
		    t, where(*cur), a, z);
	}
	return FZ_OK;
}

int
fz_render__yoy(fz_render_ctx *c, fz_error *err)
{
	fz_node *cur;
	int rc;

	if (c->yoy_done)
		return FZ_OK;
	for (size_t p = 0; p < c->nprev; p++) {
		if ((rc = partner(c, p, &cur, err)) != FZ_OK)
			return rc;
		/* Two of the year before for one input: which to say? */
		for (size_t q = 0; q < p; q++) {
			fz_node *other;
			if (partner(c, q, &other, err) == FZ_OK && other == cur)
				return fz_error_set(err, FZ_DATAERR,
				    c->prev[p]->file, c->prev[p]->line,
				    c->prev[p]->col, "a second previous %s "
				    "for %s (the first is %s:%u:%u): give one",
				    c->prev_kinds[p], where(cur),
				    where(c->prev[q]), c->prev[q]->line,
				    c->prev[q]->col);
		}
	}
	for (size_t p = 0; p < c->nprev; p++)
		if (partner(c, p, &cur, err) == FZ_OK)
			fz_render__yoy_doc(c->a, cur, c->prev[p]);
	c->yoy_done = 1;
	c->root = NULL;
	return FZ_OK;
}

/* ------------------------------------------------ the figures compared */

/* A rate, compared in percentage points; a mean (mean_*, satisfaction)
 * is not one and has no 同比. */
static int
is_rate(const char *key)
{
	size_t n = key != NULL ? strlen(key) : 0;

	return key != NULL && ((n > 5 && strcmp(key + n - 5, "_rate") == 0) ||
	    strcmp(key, "time_compression") == 0 ||
	    strcmp(key, "leader_appeared") == 0);
}

static int
ratio_of(const fz_node *m, int64_t *num, int64_t *den)
{
	return m != NULL && m->type == FZ_MAP &&
	    fz_render__number(fz_node_get(m, "numerator"), 0, num) == 0 &&
	    fz_render__number(fz_node_get(m, "denominator"), 0, den) == 0 ?
	    0 : -1;
}

static fz_node *
yoy_node(fz_arena *a, const fz_node *prev, const char *change,
    const char *percent, const char *words)
{
	fz_node *m = fz_node_map(a);

	fz_node_put(a, m, "previous", (fz_node *)prev);
	/* As text: a decimal keeps its places (25.0, 26210.00). */
	if (change != NULL)
		fz_node_put(a, m, "change", fz_render__text(a, change));
	if (percent != NULL)
		fz_node_put(a, m, percent[0] == 'p' ? "points" : "percent",
		    fz_render__text(a, percent + 1));
	fz_node_put(a, m, "words", fz_render__text(a, words));
	return m;
}

/* The 同比 of figure key, cur against prev: a node, or NULL when they
 * are not figures both. */
static fz_node *
compare(fz_arena *a, const char *key, const fz_node *cur,
    const fz_node *prev)
{
	int money = fz_render__is_money(key);
	int64_t c, p, cd, pd, t;
	char words[128], change[48], pct[40];

	if (cur->type == FZ_MAP) {
		if (!is_rate(key) || ratio_of(cur, &c, &cd) ||
		    ratio_of(prev, &p, &pd) ||
		    fz_render_yoy_points(p, pd, c, cd, &t) != 0)
			return NULL;
		fz_render_yoy_points_words(t, words, sizeof words);
		pct[0] = 'p';
		fz_render_yoy_tenths_text(t, pct + 1, sizeof pct - 1);
		return yoy_node(a, prev, NULL, pct, words);
	}
	if (fz_render__number(cur, money, &c) != 0 ||
	    fz_render__number(prev, money, &p) != 0 ||
	    fz_render_yoy_words(p, c, money, words, sizeof words) != 0)
		return NULL;
	if (money)
		snprintf(change, sizeof change, "%s%lld.%02lld", c < p ? "-" :
		    "", (long long)((c < p ? p - c : c - p) / 100),
		    (long long)((c < p ? p - c : c - p) % 100));
	else
		snprintf(change, sizeof change, "%lld", (long long)(c - p));
	pct[0] = '%';
	if (p != 0 && fz_render_yoy_percent(p, c, &t) == 0)
		fz_render_yoy_tenths_text(t, pct + 1, sizeof pct - 1);
	return yoy_node(a, prev, change, p != 0 ? pct : NULL, words);
}

/* What names an item of a list: its values of the grouping keys, key:
 * (a rate) and reported_by:; "" when none. */
static void
identity(const fz_node *item, const fz_node *by, fz_buf *b)
{
	for (size_t i = 0; i < item->n; i++) {
		const char *k = item->kids[2 * i]->str;
		const fz_node *v = item->kids[2 * i + 1];
		int named = !strcmp(k, "key") || !strcmp(k, "reported_by");
		for (size_t j = 0; !named && by != NULL && by->type == FZ_SEQ &&
		    j < by->n; j++)
			named = by->kids[j]->type == FZ_SCALAR &&
			    !strcmp(by->kids[j]->str, k);
		if (named && v->type == FZ_SCALAR) {
			fz_buf_adds(b, k);
			fz_buf_adds(b, "=");
			fz_buf_adds(b, v->str);
			fz_buf_adds(b, "\n");
		}
	}
}

static void annotate(fz_arena *a, fz_node *cur, const fz_node *prev,
    const fz_node *by, int depth);

/* The items of two lists paired by what names them. */
static void
annotate_list(fz_arena *a, fz_node *cur, const fz_node *prev,
    const fz_node *by, int depth)
{
	for (size_t i = 0; i < cur->n; i++) {
		fz_buf x = { 0 };
		if (cur->kids[i]->type != FZ_MAP)
			continue;
		identity(cur->kids[i], by, &x);
		for (size_t j = 0; x.len > 0 && j < prev->n; j++) {
			fz_buf y = { 0 };
			const fz_node *key = fz_node_get(cur->kids[i], "key");
			fz_node *rate;
			if (prev->kids[j]->type != FZ_MAP)
				continue;
			identity(prev->kids[j], by, &y);
			if (strcmp(fz_buf_str(&x), fz_buf_str(&y)) == 0) {
				/* A rate's numerator and denominator are
				 * not figures of their own. */
				if (ratio_of(cur->kids[i], &(int64_t){ 0 },
				    &(int64_t){ 0 }) != 0)
					annotate(a, cur->kids[i],
					    prev->kids[j], by, depth + 1);
				if (key != NULL && key->type == FZ_SCALAR &&
				    (rate = compare(a, key->str, cur->kids[i],
				    prev->kids[j])) != NULL)
					fz_render__add(a, cur->kids[i], "yoy",
					    rate);
				fz_buf_free(&y);
				break;
			}
			fz_buf_free(&y);
		}
		fz_buf_free(&x);
	}
}

/* KEY_yoy beside each figure of cur that prev has too, below it. */
static void
annotate(fz_arena *a, fz_node *cur, const fz_node *prev, const fz_node *by,
    int depth)
{
	size_t n = cur->n;
	char name[128];

	if (depth > 8 || cur->type != FZ_MAP || prev->type != FZ_MAP)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *k = cur->kids[2 * i]->str;
		fz_node *v = cur->kids[2 * i + 1], *y;
		const fz_node *pv = fz_node_get(prev, k);
		if (pv == NULL || pv->type != v->type ||
		    !strcmp(k, "version") || strlen(k) > sizeof name - 5)
			continue;
		if (v->type == FZ_SEQ)
			annotate_list(a, v, pv, by, depth);
		else if ((y = compare(a, k, v, pv)) != NULL) {
			snprintf(name, sizeof name, "%s_yoy", k);
			fz_render__add(a, cur, name, y);
		} else if (v->type == FZ_MAP && ratio_of(v, &(int64_t){ 0 },
		    &(int64_t){ 0 }) != 0)
			annotate(a, v, pv, by, depth + 1);
	}
}

void
fz_render__yoy_doc(fz_arena *a, fz_node *cur, const fz_node *prev)
{
	annotate(a, cur, prev, fz_node_get(cur, "by"), 0);
}
