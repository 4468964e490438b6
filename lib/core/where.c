/* where.c - the --where KEY=VALUE filters, with the Chinese aliases of
 * enumerations resolved per kind. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct cond {
	char *key, *value;
	char *shown;		/* KEY=VALUE as given, for messages */
	size_t hits;		/* records that had the value */
};

struct fz_where {
	struct cond *v;
	size_t n;
	fz_arena *arena;
};

fz_where *
fz_where_new(void)
{
	fz_where *w = fz_xcalloc(1, sizeof *w);

	if ((w->arena = fz_arena_new()) == NULL)
		fz_nomem();
	return w;
}

void
fz_where_free(fz_where *w)
{
	if (w == NULL)
		return;
	free(w->v);
	fz_arena_free(w->arena);
	free(w);
}

fz_where *
fz_where_copy(const fz_where *w)
{
	fz_where *c;

	if (w == NULL)
		return NULL;
	c = fz_where_new();
	c->n = w->n;
	c->v = fz_xcalloc(w->n + 1, sizeof *c->v);
	for (size_t i = 0; i < w->n; i++) {
		c->v[i].key = fz_arena_strdup(c->arena, w->v[i].key);
		c->v[i].value = fz_arena_strdup(c->arena, w->v[i].value);
		c->v[i].shown = fz_arena_strdup(c->arena, w->v[i].shown);
	}
	return c;
}

void
fz_where_add_hits(fz_where *w, const fz_where *from)
{
	for (size_t i = 0; w != NULL && from != NULL && i < w->n; i++)
		w->v[i].hits += from->v[i].hits;
}

size_t fz_where_count(const fz_where *w) { return w ? w->n : 0; }

void
fz_where_get(const fz_where *w, size_t i, const char **key,
    const char **value)
{
	*key = w->v[i].key;
	*value = w->v[i].value;
}

const char *
fz_where_shown(const fz_where *w, size_t i)
{
	return w->v[i].shown;
}

int
fz_where_add_as(fz_where *w, const char *expr, const char *alias,
    const char *key, fz_error *err)
{
	const char *eq = strchr(expr, '=');
	const char *k, *v;
	size_t klen, vlen;
	struct cond *c;

	if (eq == NULL || eq == expr)
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0,
		    "--where takes KEY=VALUE, not '%s'", expr);
	klen = (size_t)(eq - expr);
	k = fz_trim(expr, &klen);
	vlen = strlen(eq + 1);
	v = fz_trim(eq + 1, &vlen);
	w->v = fz_xrealloc(w->v, (w->n + 1) * sizeof *w->v);
	c = &w->v[w->n++];
	c->shown = fz_arena_alloc(w->arena, klen + vlen + 2);
	memcpy(c->shown, k, klen);
	c->shown[klen] = '=';
	memcpy(c->shown + klen + 1, v, vlen);
	c->shown[klen + 1 + vlen] = '\0';
	if (alias != NULL && strlen(alias) == klen &&
	    memcmp(alias, k, klen) == 0)
		k = key, klen = strlen(key);
	c->key = fz_arena_strndup(w->arena, k, klen);
	c->value = fz_arena_strndup(w->arena, v, vlen);
	c->hits = 0;
	return FZ_OK;
}

int
fz_where_add(fz_where *w, const char *expr, fz_error *err)
{
	return fz_where_add_as(w, expr, NULL, NULL, err);
}

/* The field of key in the first of the kinds that has it, else NULL. */
static const fz_field *
field_of(const enum fz_kind *kinds, size_t nk, const char *key)
{
	const fz_field *f = NULL;

	for (size_t i = 0; f == NULL && i < nk; i++)
		f = fz_field_find(kinds[i], key);
	/* A mapping (a case's reconsideration), a list of them (an
	 * inspection's items) or a map of ratios is no value to group by. */
	return f != NULL && (FZ_FIELD_NESTED(f) ||
	    f->type == FZ_T_RATIOS) ? NULL : f;
}

/* "inspections and cases" */
static void
kind_names(fz_buf *b, const enum fz_kind *kinds, size_t nk)
{
	for (size_t i = 0; i < nk; i++) {
		if (i > 0)
			fz_buf_adds(b, i + 1 == nk ? _(" and ") : _(", "));
		fz_buf_adds(b, fz_kind_name(kinds[i]));
	}
}

int
fz_key_check(const char *opt, const char *key, const enum fz_kind *kinds,
    size_t nk, const char *const *extra, fz_error *err)
{
	const char *known[128] = { NULL }, *near;
	size_t n = 0;
	fz_buf b = { 0 };
	int rc;

	if (field_of(kinds, nk, key) != NULL)
		return FZ_OK;
	fz_buf_adds(&b, _("; it takes "));
	for (size_t i = 0; extra != NULL && extra[i] != NULL; i++) {
		if (strcmp(extra[i], key) == 0) {
			fz_buf_free(&b);
			return FZ_OK;
		}
		fz_buf_adds(&b, extra[i]);
		fz_buf_adds(&b, extra[i + 1] != NULL ? _(", ") : _(" or "));
		known[n++] = extra[i];
	}
	fz_buf_adds(&b, _("a key of "));
	kind_names(&b, kinds, nk);
	/* TRANSLATORS: after the kinds a key is of, before the keys. */
	fz_buf_adds(&b, _(": "));
	for (size_t i = 0; i < nk; i++)
		for (const fz_field *f = fz_kind_fields(kinds[i]);
		    f != NULL && f->key != NULL && n < 128; f++)
			if (!FZ_FIELD_NESTED(f) &&
			    field_of(kinds, i, f->key) == NULL) {
				fz_buf_adds(&b, f == fz_kind_fields(kinds[0]) ?
				    "" : _(", "));
				fz_buf_adds(&b, f->key);
				known[n++] = f->key;
			}
	near = fz_nearest(key, known, n);
	rc = fz_error_set(err, FZ_USAGE, NULL, 0, 0, "%s: unknown key '%s'%s%s"
	    "%s%s", opt, key, near ? _(" (did you mean '") : "", near ? near : "",
	    near ? _("'?)") : "", fz_buf_str(&b));
	fz_buf_free(&b);
	return rc;
}

/* The value of an enumeration or a bool, known or FZ_USAGE. */
static int
value_check(const fz_field *f, const char *value, fz_error *err)
{
	const char *known[128] = { NULL }, *near;
	size_t n = 0;
	fz_buf b = { 0 };
	int rc;

	if (f->type == FZ_T_BOOL || f->type == FZ_T_TRISTATE) {
		if (fz_scalar_bool(value, strlen(value)) >= 0 ||
		    (f->type == FZ_T_TRISTATE && (!strcmp(value, "exempt") ||
		    !strcmp(value, "不适宜"))))
			return FZ_OK;
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0, "--where: %s "
		    "is true or false%s, not '%s'", f->key,
		    f->type == FZ_T_TRISTATE ? _(" or exempt 不适宜") : "", value);
	}
	if (f->values == NULL ||
	    fz_enum_lookup(f->values, value, strlen(value)) >= 0)
		return FZ_OK;
	fz_enum_words(f->values, &b, known, &n);
	near = fz_nearest(value, known, n);
	rc = fz_error_set(err, FZ_USAGE, NULL, 0, 0, "--where: unknown %s "
	    "'%s'%s%s%s (expected one of %s)", f->key, value,
	    near ? _(" (did you mean '") : "", near ? near : "",
	    near ? _("'?)") : "",
	    fz_buf_str(&b));
	fz_buf_free(&b);
	return rc;
}

/* 1 when another kind of kinds than f's has the key of f with value
 * among its own (an activity's type interview beside an inspection's):
 * each record is then matched by the value as its kind spells it. */
static int
value_elsewhere(const enum fz_kind *kinds, size_t nk, const fz_field *f,
    const char *value)
{
	fz_error ignored;

	for (size_t i = 0; i < nk; i++) {
		const fz_field *g = fz_field_find(kinds[i], f->key);

		if (g != NULL && g != f && g->values != f->values &&
		    value_check(g, value, &ignored) == FZ_OK)
			return 1;
	}
	return 0;
}

int
fz_where_check(const fz_where *w, const enum fz_kind *kinds, size_t nk,
    const char *const *extra, fz_error *err)
{
	for (size_t i = 0; w != NULL && i < w->n; i++) {
		const fz_field *f = field_of(kinds, nk, w->v[i].key);
		int rc;

		if (f == NULL) {
			if ((rc = fz_key_check("--where", w->v[i].key, kinds,
			    nk, extra, err)) != FZ_OK)
				return rc;
			continue;	/* a key of extra: free text */
		}
		if ((rc = value_check(f, w->v[i].value, err)) != FZ_OK &&
		    !value_elsewhere(kinds, nk, f, w->v[i].value))
			return rc;
	}
	return FZ_OK;
}

int
fz_where_unmatched(const fz_where *w, enum fz_kind k, size_t i)
{
	const fz_field *f = fz_field_find(k, w->v[i].key);

	return w->v[i].hits == 0 && (f == NULL || (f->values == NULL &&
	    f->type != FZ_T_BOOL && f->type != FZ_T_TRISTATE));
}

/* The condition's value as the record's kind spells it. */
static const char *
canonical(enum fz_kind k, const struct cond *c)
{
	const fz_field *f = fz_field_find(k, c->key);
	int i;

	if (f != NULL && (f->type == FZ_T_BOOL || f->type == FZ_T_TRISTATE)) {
		i = fz_scalar_bool(c->value, strlen(c->value));
		if (i >= 0)
			return i ? "true" : "false";
		if (strcmp(c->value, "不适宜") == 0)
			return "exempt";
		return c->value;
	}
	if (f == NULL || f->values == NULL)
		return c->value;
	i = fz_enum_lookup(f->values, c->value, strlen(c->value));
	return i < 0 ? c->value : f->values[i].value;
}

static int
equals(const fz_node *n, const char *value)
{
	size_t len = n->len;
	const char *s = fz_trim(n->str, &len);

	return n->type == FZ_SCALAR && len == strlen(value) &&
	    memcmp(s, value, len) == 0;
}

int
fz_where_match(fz_where *w, enum fz_kind k, const fz_node *rec)
{
	int all = 1;

	/* Every condition is tried, so that each knows whether any record
	 * had its value. */
	for (size_t i = 0; w != NULL && i < w->n; i++) {
		const fz_node *v = fz_record_get(k, rec, w->v[i].key);
		const char *want;
		int hit = 0;

		if (v == NULL || fz_node_is_null(v)) {
			all = 0;
			continue;
		}
		want = canonical(k, &w->v[i]);
		if (v->type == FZ_SEQ) {
			for (size_t j = 0; j < v->n && !hit; j++)
				hit = equals(v->kids[j], want);
		} else {
			hit = equals(v, want);
		}
		w->v[i].hits += hit;
		all &= hit;
	}
	return all;
}

const char *
fz_node_group_value(fz_arena *a, const fz_node *v)
{
	size_t len = 0, at = 0;
	char *s;

	if (v == NULL || fz_node_is_null(v) || v->type == FZ_MAP)
		return NULL;
	if (v->type == FZ_SCALAR) {
		len = v->len;
		const char *t = fz_trim(v->str, &len);
		return fz_arena_strndup(a, t, len);
	}
	if (v->n == 0)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		len += v->kids[i]->len + 1;
	s = fz_arena_alloc(a, len);
	for (size_t i = 0; i < v->n; i++) {
		if (i > 0)
			s[at++] = ',';
		if (v->kids[i]->len > 0)	/* a list or map item: no text */
			memcpy(s + at, v->kids[i]->str, v->kids[i]->len);
		at += v->kids[i]->len;
	}
	s[at] = '\0';
	return s;
}

/* A word a line into b, once (words seen so far in b are skipped). */
static void
word_line(fz_buf *b, const char *w)
{
	const char *s = fz_buf_str(b);
	size_t n = strlen(w);

	for (const char *p = s; (p = strstr(p, w)) != NULL; p += n)
		if ((p == s || p[-1] == '\n') && p[n] == '\n')
			return;
	fz_buf_adds(b, w);
	fz_buf_adds(b, "\n");
}

void
fz_key_words(const enum fz_kind *kinds, size_t nk, const char *const *extra,
    fz_buf *b)
{
	for (size_t i = 0; extra != NULL && extra[i] != NULL; i++)
		word_line(b, extra[i]);
	for (size_t i = 0; i < nk; i++)
		for (const fz_field *f = fz_kind_fields(kinds[i]);
		    f != NULL && f->key != NULL; f++)
			if (!FZ_FIELD_NESTED(f))
				word_line(b, f->key);
}

void
fz_value_words(const enum fz_kind *kinds, size_t nk, const char *key,
    fz_buf *b)
{
	const fz_field *f = field_of(kinds, nk, key);

	if (f == NULL)
		return;
	if (f->type == FZ_T_BOOL || f->type == FZ_T_TRISTATE) {
		word_line(b, "true");
		word_line(b, "false");
		if (f->type == FZ_T_TRISTATE)
			word_line(b, "exempt");
		return;
	}
	for (size_t i = 0; f->values != NULL && f->values[i].value != NULL;
	    i++) {
		word_line(b, f->values[i].value);
		if (f->values[i].alias != NULL)
			word_line(b, f->values[i].alias);
	}
}

void
fz_complete_words(const char *what, const enum fz_kind *kinds, size_t nk,
    const char *const *by, int by_keys, fz_buf *b)
{
	if (strcmp(what, "by") == 0)
		fz_key_words(kinds, by_keys ? nk : 0, by, b);
	else if (strcmp(what, "where") == 0)
		fz_key_words(kinds, nk, NULL, b);
	else if (strncmp(what, "value=", 6) == 0)
		fz_value_words(kinds, nk, what + 6, b);
}
