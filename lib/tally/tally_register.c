/* tally_register.c - a register's section of a tally (complaints,
 * documents): rows by the tally's keys of whole-number indicators, each
 * record counted once in the period of its own day, so that monthly
 * tallies add up to the year's exactly; written only when such records
 * were read or merged, with the ids counted when mergeable, so that a
 * merge refuses a record counted twice; a register may count, as its
 * last indicator, the distinct members its records list (the entities of
 * activities), a set per row. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

struct rrow {
	const char **keys;		/* nby group values, NULL for null */
	long long v[FZ_TALLY__NREGISTER];
	fz_map *set;			/* the members, with a set */
};

fz_tally__register *
fz_tally__register_new(const char *name, const char *what,
    const char *const *indicators, const char *setting, const char *clash)
{
	fz_tally__register *g = fz_xcalloc(1, sizeof *g);

	g->name = name;
	g->what = what;
	g->indicators = indicators;
	while (indicators[g->n] != NULL)
		g->n++;
	g->setting = setting;
	g->clash = clash;
	g->arena = fz_arena_new();
	g->rows = fz_map_new();
	g->ids = fz_map_new();
	return g;
}

void
fz_tally__register_free(fz_tally__register *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; g->set_key != NULL && i < fz_map_count(g->rows); i++)
		fz_map_free(((struct rrow *)fz_map_value(g->rows, i))->set);
	fz_map_free(g->total_set);
	fz_map_free(g->rows);
	fz_map_free(g->ids);
	fz_buf_free(&g->key);
	fz_arena_free(g->arena);
	free(g);
}

void
fz_tally__register_set(fz_tally__register *g, const char *key)
{
	g->set_key = key;
	g->n--;
	g->total_set = fz_map_new();
}

/* The row of the group values vals, made when new. */
static struct rrow *
row_of(const fz_tally *t, fz_tally__register *g, const char *const *vals)
{
	struct rrow *r;
	void **slot;
	int added;

	g->key.len = 0;
	for (int i = 0; i < t->nby; i++) {
		/* \377 marks null (no UTF-8 holds it), \1 ends a value. */
		fz_buf_adds(&g->key, vals[i] != NULL ? vals[i] : "\377");
		fz_buf_adds(&g->key, "\1");
	}
	slot = fz_map_insert(g->rows, fz_buf_str(&g->key), g->key.len, &added,
	    NULL);
	if (!added)
		return *slot;
	r = fz_arena_alloc(g->arena, sizeof *r);
	memset(r, 0, sizeof *r);
	r->keys = fz_arena_alloc(g->arena, ((size_t)t->nby + 1) *
	    sizeof *r->keys);
	for (int i = 0; i < t->nby; i++)
		r->keys[i] = vals[i] != NULL ? fz_arena_strdup(g->arena,
		    vals[i]) : NULL;
	if (g->set_key != NULL)
		r->set = fz_map_new();
	*slot = r;
	return r;
}

/* The sums v and the members (a list of strings, or NULL) into row r and
 * the totals. */
static void
add_counts(fz_tally__register *g, struct rrow *r, const long long *v,
    const fz_node *members)
{
	int added;

	for (int i = 0; i < g->n; i++) {
		r->v[i] += v[i];
		g->total[i] += v[i];
	}
	for (size_t i = 0; g->set_key != NULL && members != NULL &&
	    i < members->n; i++) {
		const fz_node *e = members->kids[i];

		(void)fz_map_insert(r->set, e->str, e->len, &added, NULL);
		(void)fz_map_insert(g->total_set, e->str, e->len, &added,
		    NULL);
	}
}

/* An id counted once; FZ_DATAERR at at when it was counted before. */
static int
count_id(fz_tally__register *g, const char *id, const fz_node *at,
    fz_error *err)
{
	int added;

	(void)fz_map_insert(g->ids, id, strlen(id), &added, NULL);
	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0, "%s '%s' is "
		    "counted twice", g->what, id);
	return FZ_OK;
}

int
fz_tally__register_add(fz_tally *t, fz_tally__register *g, enum fz_kind k,
    const char *id, fz_date day, const fz_node *rec, const long long *v,
    const fz_node *members, fz_error *err)
{
	const char **vals;
	int rc;

	if ((rc = count_id(g, id, fz_node_get(rec, "id"), err)) != FZ_OK)
		return rc;
	fz_arena_reset(t->scratch);
	vals = fz_arena_alloc(t->scratch, ((size_t)t->nby + 1) * sizeof *vals);
	for (int i = 0; i < t->nby; i++) {
		char *buf = fz_arena_alloc(t->scratch, 16);

		vals[i] = t->period[i] != FZ_P_NONE ? fz_period_label(
		    t->period[i], day, buf) : fz_node_group_value(t->scratch,
		    fz_record_get(k, rec, t->by[i]));
	}
	add_counts(g, row_of(t, g, vals), v, members);
	return FZ_OK;
}

/* ------------------------------------------------------------ output */

/* A row with its key: the group values each ended by \1, null as
 * \377, so that the keys sort as the tally's rows do: key after key, in
 * byte order, null last. */
struct keyed {
	const char *key;
	const struct rrow *row;
};

static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key,
	    ((const struct keyed *)b)->key);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sums v, and the number of members of set, with a set. */
static void
write_values(fz_writer *w, const fz_tally__register *g, const long long *v,
    const fz_map *set)
{
	for (int i = 0; i < g->n; i++)
		fz_write_key_int(w, g->indicators[i], v[i]);
	if (g->set_key != NULL)
		fz_write_key_int(w, g->indicators[g->n],
		    (long long)fz_map_count(set));
}

/* The keys of m, sorted, under key: the ids, for a merge to find one
 * counted twice; a row's members, for a merge to count their union. */
static void
write_keys(fz_writer *w, const char *key, const fz_map *m)
{
	size_t n = fz_map_count(m);
	const char **ids = fz_xcalloc(n + 1, sizeof *ids);

	for (size_t i = 0; i < n; i++)
		ids[i] = fz_map_key(m, i, NULL);
	qsort(ids, n, sizeof *ids, cmp_str);
	fz_write_key(w, key);
	fz_write_strs(w, ids, n);
	free(ids);
}

static void
write_row(fz_writer *w, const fz_tally *t, const fz_tally__register *g,
    const struct rrow *r, int mergeable)
{
	fz_write_map_begin(w, 0);
	for (int k = 0; k < t->nby; k++) {
		const char *v = r->keys[k];

		/* As the tally's rows have them: a period plain. */
		fz_write_key(w, t->by[k]);
		(void)(v == NULL ? fz_write_null(w) : t->period[k] !=
		    FZ_P_NONE ? fz_write_plain(w, v) : fz_write_str(w, v));
	}
	write_values(w, g, r->v, r->set);
	if (mergeable && g->set_key != NULL)
		write_keys(w, g->set_key, r->set);
	fz_write_map_end(w);
}

void
fz_tally__register_write(fz_writer *w, const fz_tally *t,
    const fz_tally__register *g, int mergeable)
{
	size_t n = g != NULL ? fz_map_count(g->rows) : 0;
	struct keyed *rows;

	if (g == NULL)
		return;
	rows = fz_xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct keyed){ fz_map_key(g->rows, i, NULL),
		    fz_map_value(g->rows, i) };
	qsort(rows, n, sizeof *rows, cmp_keyed);
	fz_write_key(w, g->name);
	fz_write_map_begin(w, 0);
	if (g->setting != NULL)
		fz_write_key_int(w, g->setting, g->setting_value);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < n; i++)
		write_row(w, t, g, rows[i].row, mergeable);
	fz_write_seq_end(w);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_values(w, g, g->total, g->total_set);
	fz_write_map_end(w);
	if (mergeable)
		write_keys(w, "ids", g->ids);
	fz_write_map_end(w);
	free(rows);
}

/* ------------------------------------------------------------ merge */

static int
merge_fail(const fz_tally__register *g, fz_error *err, const fz_node *at,
    const char *what)
{
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col,
	    "%s: %s", g->name, fz_gettext(what));
}

/* A whole number at key of m into *v. */
static int
whole(const fz_tally__register *g, const fz_node *m, const char *key,
    long long *v, fz_error *err)
{
	const fz_node *n = fz_node_get(m, key);

	if (n != NULL && n->type == FZ_SCALAR &&
	    fz_int_parse(n->str, n->len, v) == 0)
		return FZ_OK;
	/* A figure added since (handled): the tally is older, not bad. */
	if (n == NULL)
		return fz_error_set(err, FZ_DATAERR, m->file, m->line, m->col,
		    "%s: no %s: the tally was written before the %s figure, "
		    "merging it would not be exact; make it again with "
		    "fazhi-tally --mergeable", g->name, key, key);
	return fz_error_set(err, FZ_DATAERR, n ? n->file : m->file,
	    n ? n->line : m->line, n ? n->col : m->col, "%s: %s "
	    "must be a whole number", g->name, key);
}

/* The members of a merged row rn into *out: a list of strings. */
static int
members_of(const fz_tally__register *g, const fz_node *rn,
    const fz_node **out, fz_error *err)
{
	const fz_node *l = fz_node_get(rn, g->set_key);

	if (l == NULL || l->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, rn->file, rn->line,
		    rn->col, "%s: a row without %s: written without "
		    "--mergeable, its distinct %s cannot be merged", g->name,
		    g->set_key, g->indicators[g->n]);
	for (size_t i = 0; i < l->n; i++)
		if (l->kids[i]->type != FZ_SCALAR)
			return merge_fail(g, err, l->kids[i], "an id must be "
			    "a string");
	*out = l;
	return FZ_OK;
}

static int
merge_row(const fz_tally *t, fz_tally__register *g, const fz_node *rn,
    fz_error *err)
{
	const char **vals = fz_xcalloc((size_t)t->nby + 1, sizeof *vals);
	long long v[FZ_TALLY__NREGISTER];
	const fz_node *members = NULL;
	int rc = FZ_OK;

	if (rn->type != FZ_MAP)
		rc = merge_fail(g, err, rn, "a row must be a mapping");
	for (int i = 0; i < t->nby && rc == FZ_OK; i++) {
		const fz_node *k = fz_node_get(rn, t->by[i]);

		vals[i] = fz_node_is_null(k) ? NULL : k->str;
	}
	for (int i = 0; i < g->n && rc == FZ_OK; i++)
		rc = whole(g, rn, g->indicators[i], &v[i], err);
	if (rc == FZ_OK && g->set_key != NULL)
		rc = members_of(g, rn, &members, err);
	if (rc == FZ_OK)
		add_counts(g, row_of(t, g, vals), v, members);
	free(vals);
	return rc;
}

/* The setting of a merged section: taken by a fresh one, else the same. */
static int
merge_setting(fz_tally__register *g, const fz_node *sec, int fresh,
    fz_error *err)
{
	long long v;
	int rc;

	if (g->setting == NULL)
		return FZ_OK;
	if ((rc = whole(g, sec, g->setting, &v, err)) != FZ_OK)
		return rc;
	if (fresh)
		g->setting_value = v;
	if (v != g->setting_value)
		return merge_fail(g, err, fz_node_get(sec, g->setting),
		    g->clash);
	return FZ_OK;
}

int
fz_tally__register_merge(fz_tally *t, fz_tally__register *g,
    const fz_node *sec, int fresh, fz_error *err)
{
	const fz_node *rows = fz_node_get(sec, "rows");
	const fz_node *ids = fz_node_get(sec, "ids");
	int rc;

	if (sec->type != FZ_MAP || rows == NULL || rows->type != FZ_SEQ)
		return merge_fail(g, err, sec, "a mapping with rows: as a list");
	if (ids == NULL || ids->type != FZ_SEQ)
		return merge_fail(g, err, sec, "no ids: written without "
		    "--mergeable, merging it would not be exact");
	if ((rc = merge_setting(g, sec, fresh, err)) != FZ_OK)
		return rc;
	for (size_t i = 0; i < ids->n; i++)
		if (ids->kids[i]->type != FZ_SCALAR ||
		    (rc = count_id(g, ids->kids[i]->str, ids->kids[i], err)) !=
		    FZ_OK)
			return rc != FZ_OK ? rc : merge_fail(g, err,
			    ids->kids[i], "an id must be a string");
	for (size_t i = 0; i < rows->n; i++)
		if ((rc = merge_row(t, g, rows->kids[i], err)) != FZ_OK)
			return rc;
	return FZ_OK;
}
