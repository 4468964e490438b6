/* render_helpers.c - the helpers added everywhere in a document:
 * percent and bar of rates, yuan of money, Chinese words of enumeration
 * values, dates and periods, counts, items and list positions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* num/den as a percent ("98.34%", "100%") or a number ("9.33", "10"):
 * two places, none when exact. */
static char *
ratio_text(int64_t num, int64_t den, int percent, char *buf)
{
	int64_t scale = percent ? 100 : 1;
	int exact = num <= INT64_MAX / 100 && (num * scale) % den == 0;

	return fz_table_ratio_format(num, den, exact ? 0 : 2, percent, buf);
}

/* A rate: percent (or mean) and bar, its length against 100%. */
static void
rate_helpers(fz_arena *a, fz_node *m)
{
	const fz_node *k = fz_node_get(m, "key");
	const char *key = k != NULL && k->type == FZ_SCALAR ? k->str : "";
	int mean = fz_rate_is_mean(key);
	int64_t num, den;
	char buf[64];

	if (fz_render__number(fz_node_get(m, "numerator"), 0, &num) != 0 ||
	    fz_render__number(fz_node_get(m, "denominator"), 0, &den) != 0)
		return;
	if (fz_label(key) != NULL)
		fz_render__add(a, m, "label", fz_render__text(a, fz_label(key)));
	if (den == 0) {
		fz_render__add(a, m, mean ? "mean" : "percent", fz_render__plain(a, "null"));
		return;
	}
	fz_render__add(a, m, mean ? "mean" : "percent",
	    fz_render__text(a, ratio_text(num, den, !mean, buf)));
	if (!mean) {
		int64_t bar = (num * 200 + den) / (2 * den);
		snprintf(buf, sizeof buf, "%lld", (long long)(bar > 100 ?
		    100 : bar));
		fz_render__add(a, m, "bar", fz_render__plain(a, buf));
	}
}

int
fz_render__is_money(const char *key)
{
	const fz_field *f = fz_field_find(FZ_KIND_CASES, key);

	return strcmp(key, "fines") == 0 || (f != NULL &&
	    f->type == FZ_T_MONEY);
}

fz_node *
fz_render__yuan(fz_arena *a, const fz_node *v)
{
	int64_t fen;
	char buf[64];

	if (v == NULL || v->type != FZ_SCALAR ||
	    fz_money_parse(v->str, v->len, &fen) != 0)
		return NULL;
	return fz_render__text(a, fz_table_ratio_format(fen, 100, 2, 0, buf));
}

void
fz_render__money(fz_arena *a, fz_node *map, const char *key, fz_node *v)
{
	int64_t fen;
	char name[128], buf[64];

	if (fz_money_parse(v->str, v->len, &fen) != 0 ||
	    strlen(key) > sizeof name - 8)
		return;
	snprintf(name, sizeof name, "%s_yuan", key);
	fz_render__add(a, map, name, fz_render__yuan(a, v));
	snprintf(name, sizeof name, "%s_wan", key);
	fz_render__add(a, map, name, fz_render__text(a, fz_table_ratio_format(fen, 1000000, 2, 0,
	    buf)));
}

/* The Chinese form of a date or of the period key's value: 2019年3月5日,
 * 2019年3月, 2019年第3季度, 2019年第9周, 2019年; NULL when v is neither. */
static const char *
cn_text(const char *key, const fz_node *v, char *buf, size_t size)
{
	enum fz_period p = fz_period_parse(key);
	const char *s = v->str;
	fz_date d, last;
	int y, m, day;

	if (v->len == 10 && fz_date_parse(s, v->len, &d) == 0) {
		fz_date_split(d, &y, &m, &day);
		snprintf(buf, size, "%d年%d月%d日", y, m, day);
	} else if (p == FZ_P_MONTH && fz_month_parse(s, &d, &last) == 0) {
		fz_date_split(d, &y, &m, &day);
		snprintf(buf, size, "%d年%d月", y, m);
	} else if (p == FZ_P_YEAR && v->len == 4 && fz_year_parse(s, &d,
	    &last) == 0) {
		snprintf(buf, size, "%s年", s);
	} else if (p == FZ_P_QUARTER && v->len == 7 && s[5] == 'Q') {
		snprintf(buf, size, "%.4s年第%c季度", s, s[6]);
	} else if (p == FZ_P_WEEK && v->len == 8 && s[5] == 'W') {
		snprintf(buf, size, "%.4s年第%d周", s, atoi(s + 6));
	} else {
		return NULL;
	}
	return buf;
}

/* NAME_percent of a decimal ratio (an item's 0.25: 25%), exactly. */
static void
ratio_percent(fz_arena *a, fz_node *map, const char *name, const fz_node *v)
{
	char key[128], buf[64];
	fz_ratio r;

	if (v->type != FZ_SCALAR || fz_ratio_parse(v->str, v->len, &r) != 0)
		return;
	snprintf(key, sizeof key, "%s_percent", name);
	fz_render__add(a, map, key, fz_render__text(a, ratio_text((int64_t)r.num,
	    (int64_t)r.den, 1, buf)));
}

/* KEY_yuan for money, KEY_label for an enumeration value, KEY_cn for a
 * date or period, KEY_percent for a ratio. */
static void
scalar_helpers(fz_arena *a, fz_node *map, const char *key, fz_node *v)
{
	char name[128], buf[64];
	const char *word;

	if (fz_node_is_null(v) || strlen(key) > sizeof name - 8)
		return;
	if (strcmp(key, "ratio") == 0) {
		ratio_percent(a, map, key, v);
	} else if (fz_render__is_money(key)) {
		fz_render__money(a, map, key, v);
	} else if ((word = fz_value_label(key, v->str)) != NULL) {
		snprintf(name, sizeof name, "%s_label", key);
		fz_render__add(a, map, name, fz_render__text(a, word));
	} else if (cn_text(key, v, buf, sizeof buf) != NULL) {
		snprintf(name, sizeof name, "%s_cn", key);
		fz_render__add(a, map, name, fz_render__text(a, buf));
	}
}

void
fz_render__item_flags(fz_arena *a, fz_node *item, size_t i, size_t n)
{
	/* Every list shares these two; nothing writes to a scalar. */
	static char t[] = "true", f[] = "false";
	static fz_node yes = { .type = FZ_SCALAR, .str = t, .len = 4 };
	static fz_node no = { .type = FZ_SCALAR, .str = f, .len = 5 };
	char buf[32];

	if (item == NULL || item->type != FZ_MAP)
		return;
	snprintf(buf, sizeof buf, "%zu", i + 1);
	fz_render__add(a, item, "index", fz_render__plain(a, buf));
	fz_render__add(a, item, "first", i == 0 ? &yes : &no);
	fz_render__add(a, item, "last", i + 1 == n ? &yes : &no);
}

void
fz_render__list_flags(fz_arena *a, fz_node *seq)
{
	for (size_t i = 0; i < seq->n; i++)
		fz_render__item_flags(a, seq->kids[i], i, seq->n);
}

void
fz_render__seq_helpers(fz_arena *a, fz_render_ctx *lazy, fz_node *map,
    const char *key, fz_node *seq)
{
	char name[128], buf[32];
	fz_node *by_key = fz_node_map(a);
	fz_buf words = { 0 }, text = { 0 };
	int all_words = 1, all_scalars = seq->n > 0;

	if (strlen(key) > sizeof name - 10)
		return;
	snprintf(name, sizeof name, "%s_count", key);
	snprintf(buf, sizeof buf, "%zu", seq->n);
	fz_render__add(a, map, name, fz_render__plain(a, buf));
	for (size_t i = 0; i < seq->n; i++) {
		const fz_node *item = seq->kids[i];
		const fz_node *k = fz_node_get(item, "key");
		const char *w = item->type == FZ_SCALAR ?
		    fz_value_label(key, item->str) : NULL;
		if (k != NULL && k->type == FZ_SCALAR && by_key != NULL) {
			fz_render__add(a, by_key, k->str, seq->kids[i]);
			fz_render__lazy_ref(lazy, seq, i);
		} else
			by_key = NULL;
		if (item->type != FZ_SCALAR)
			all_scalars = 0;
		else {
			if (i > 0)
				fz_buf_add(&text, "、", strlen("、"));
			fz_buf_add(&text, item->str, item->len);
		}
		if (w == NULL)
			all_words = 0;
		else if (all_words) {
			if (i > 0)
				fz_buf_add(&words, "、", strlen("、"));
			fz_buf_add(&words, w, strlen(w));
		}
	}
	snprintf(name, sizeof name, "%s_by_key", key);
	if (by_key != NULL && seq->n > 0)
		fz_render__add(a, map, name, by_key);
	snprintf(name, sizeof name, "%s_label", key);
	if (all_words && words.len > 0)
		fz_render__add(a, map, name, fz_render__text(a, words.data));
	/* A list of free text (categories, departments) as one phrase. */
	snprintf(name, sizeof name, "%s_text", key);
	if (all_scalars && text.len > 0)
		fz_render__add(a, map, name, fz_render__text(a, text.data));
	fz_buf_free(&words);
	fz_buf_free(&text);
}

static int
is_rate(const fz_node *m)
{
	return fz_node_get(m, "numerator") != NULL &&
	    fz_node_get(m, "denominator") != NULL;
}

/* KEY_items of inputs, totals, ratios and by_X: the scalars of a mapping
 * as a list of {key, label, value} (value_yuan for money, value_percent
 * for a ratio of ratios), or a mapping of
 * mappings as the list of them, each given key and label.  Under by_X
 * the label is the word of X's value. */
static void
map_items(fz_arena *a, fz_node *map, const char *key, fz_node *m)
{
	const char *of = strncmp(key, "by_", 3) == 0 ? key + 3 : NULL;
	fz_node *items;
	char name[128];
	size_t scalars = 0;

	int ratios = strcmp(key, "ratios") == 0;

	if ((of == NULL && strcmp(key, "inputs") != 0 &&
	    strcmp(key, "totals") != 0 && !ratios) || is_rate(m) ||
	    strlen(key) > sizeof name - 8)
		return;
	for (size_t i = 0; i < m->n; i++)
		scalars += m->kids[2 * i + 1]->type == FZ_SCALAR;
	items = fz_node_seq(a);
	for (size_t i = 0; i < m->n; i++) {
		const char *k = m->kids[2 * i]->str;
		const char *w = of != NULL ? fz_value_label(of, k) : NULL;
		fz_node *v = m->kids[2 * i + 1], *item = v;
		if (v->type != (scalars > 0 ? FZ_SCALAR : FZ_MAP))
			continue;	/* a list, or a mapping among scalars */
		if (scalars > 0) {
			item = fz_node_map(a);
			fz_node_put(a, item, "value", v);
			if (fz_render__is_money(k))
				fz_render__money(a, item, "value", v);
			if (ratios)
				ratio_percent(a, item, "value", v);
		}
		fz_render__add(a, item, "key", fz_render__text(a, k));
		fz_render__add(a, item, "label", fz_render__text(a, w != NULL ? w : fz_render__word(k)));
		fz_node_push(a, items, item);
	}
	if (items->n == 0)
		return;
	fz_render__list_flags(a, items);
	snprintf(name, sizeof name, "%s_items", key);
	fz_render__add(a, map, name, items);
}

/* What a walk does: its arena, and the lazy context whose lists it
 * notes (or, without note, only leaves alone when noted already). */
struct walk {
	fz_arena *a;
	fz_render_ctx *lazy;
	int note;
};

static void
walk(const struct walk *w, fz_node *n, int depth)
{
	fz_arena *a = w->a;
	size_t count = n->n;

	if (depth > 2 * FZ_MAX_DEPTH)
		return;
	if (n->type == FZ_SEQ) {
		fz_render__lazy_list *l = w->lazy == NULL ? NULL :
		    w->note ? fz_render__lazy_note(w->lazy, n, LZ_ITEMS) :
		    fz_render__lazy_find(w->lazy, n);
		if (l != NULL) {
			/* Its items are walked when a template comes to
			 * them. */
			l->walked = 1;
			l->depth = depth + 1;
			return;
		}
		for (size_t i = 0; i < count; i++)
			if (n->kids[i] != NULL)
				walk(w, n->kids[i], depth + 1);
		fz_render__list_flags(a, n);
		return;
	}
	if (n->type != FZ_MAP)
		return;
	if (is_rate(n))
		rate_helpers(a, n);
	for (size_t i = 0; i < count; i++) {
		const char *key = n->kids[2 * i]->str;
		fz_node *v = n->kids[2 * i + 1];
		if (v == NULL)
			continue;
		/* Items before the helpers below add keys to them. */
		if (v->type == FZ_MAP)
			map_items(a, n, key, v);
		walk(w, v, depth + 1);
		if (v->type == FZ_SCALAR)
			scalar_helpers(a, n, key, v);
		else if (v->type == FZ_SEQ)
			fz_render__seq_helpers(a, w->lazy, n, key, v);
	}
}

void
fz_render__walk(fz_arena *a, fz_render_ctx *lazy, int note, fz_node *n,
    int depth)
{
	walk(&(struct walk){ a, lazy, note }, n, depth);
}
