/* tally_sections.c - what the tally's rows and its sections of rows of
 * their own (complaints, activities) share: a record's group values,
 * the key of a row by them, rows in output order, and the writing and
 * reading back of their keys and numbers.  It calls no other file of
 * lib/tally/, so that each of them may call it. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

void
fz_tally__record_keys(const fz_tally *t, fz_arena *scratch, enum fz_kind k,
    const fz_node *rec, fz_date d, const char **vals)
{
	for (int i = 0; i < t->nby; i++) {
		if (t->period[i] != FZ_P_NONE) {
			char *buf = fz_arena_alloc(scratch, 16);
			vals[i] = fz_period_label(t->period[i], d, buf);
		} else {
			vals[i] = fz_node_group_value(scratch,
			    fz_record_get(k, rec, t->by[i]));
		}
	}
}

void **
fz_tally__row_slot(const fz_tally *t, fz_map *rows, fz_buf *key,
    const char *const *vals, int *added)
{
	fz_tally__group_key(t, key, vals);
	return fz_map_insert(rows, fz_buf_str(key), key->len, added, NULL);
}

const char **
fz_tally__keys_dup(fz_arena *a, const fz_tally *t, const char *const *vals)
{
	const char **keys = fz_arena_alloc(a, ((size_t)t->nby + 1) *
	    sizeof *keys);

	for (int i = 0; i < t->nby; i++)
		keys[i] = vals[i] != NULL ? fz_arena_strdup(a, vals[i]) : NULL;
	return keys;
}

int
fz_tally__count_once(fz_map *ids, const char *noun, const char *id,
    const fz_node *at, fz_error *err)
{
	int added;

	(void)fz_map_insert(ids, id, strlen(id), &added, NULL);
	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0, "%s '%s' is "
		    "counted twice", noun, id);
	return FZ_OK;
}

const char **
fz_tally__row_vals(const fz_tally *t, const fz_node *rn)
{
	const char **vals = fz_xcalloc((size_t)t->nby + 1, sizeof *vals);

	for (int i = 0; i < t->nby && rn->type == FZ_MAP; i++) {
		const fz_node *k = fz_node_get(rn, t->by[i]);

		vals[i] = fz_node_is_null(k) ? NULL : k->str;
	}
	return vals;
}

void
fz_tally__group_key(const fz_tally *t, fz_buf *b, const char *const *vals)
{
	b->len = 0;
	for (int i = 0; i < t->nby; i++) {
		/* \377 marks null (no UTF-8 holds it), \1 ends a value. */
		fz_buf_adds(b, vals[i] != NULL ? vals[i] : "\377");
		fz_buf_adds(b, "\1");
	}
}

/* The keys sort as the tally's rows do: key after key, in byte order,
 * null (\377) last. */
static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct fz_tally__keyed *)a)->key,
	    ((const struct fz_tally__keyed *)b)->key);
}

struct fz_tally__keyed *
fz_tally__sorted(const fz_map *rows)
{
	size_t n = fz_map_count(rows);
	struct fz_tally__keyed *k = fz_xcalloc(n + 1, sizeof *k);

	for (size_t i = 0; i < n; i++)
		k[i] = (struct fz_tally__keyed){ fz_map_key(rows, i, NULL),
		    fz_map_value(rows, i) };
	qsort(k, n, sizeof *k, cmp_keyed);
	return k;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
fz_tally__write_keys(fz_writer *w, const char *key, const fz_map *m)
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

void
fz_tally__write_group(fz_writer *w, const fz_tally *t,
    const char *const *keys)
{
	for (int k = 0; k < t->nby; k++) {
		const char *v = keys[k];

		/* As the tally's rows have them: a period plain. */
		fz_write_key(w, t->by[k]);
		(void)(v == NULL ? fz_write_null(w) : t->period[k] !=
		    FZ_P_NONE ? fz_write_plain(w, v) : fz_write_str(w, v));
	}
}

int
fz_tally__whole(const fz_node *m, const char *section, const char *key,
    long long *v, fz_error *err)
{
	const fz_node *n = fz_node_get(m, key);

	if (n != NULL && n->type == FZ_SCALAR &&
	    fz_int_parse(n->str, n->len, v) == 0)
		return FZ_OK;
	return fz_error_set(err, FZ_DATAERR, n ? n->file : m->file,
	    n ? n->line : m->line, n ? n->col : m->col, "%s: %s "
	    "must be a whole number", section, key);
}

int
fz_tally__section_fail(fz_error *err, const fz_node *at, const char *section,
    const char *what)
{
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col,
	    "%s: %s", section, what);
}
