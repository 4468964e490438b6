/* where.c - the --where KEY=VALUE filters, with the Chinese aliases of
 * enumerations resolved per kind. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct cond {
	char *key, *value;
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
		abort();
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

size_t fz_where_count(const fz_where *w) { return w ? w->n : 0; }

void
fz_where_get(const fz_where *w, size_t i, const char **key,
    const char **value)
{
	*key = w->v[i].key;
	*value = w->v[i].value;
}

int
fz_where_add(fz_where *w, const char *expr, fz_error *err)
{
	const char *eq = strchr(expr, '=');
	const char *k, *v;
	size_t klen, vlen;

	if (eq == NULL || eq == expr)
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0,
		    "--where takes KEY=VALUE, not '%s'", expr);
	klen = (size_t)(eq - expr);
	k = fz_trim(expr, &klen);
	vlen = strlen(eq + 1);
	v = fz_trim(eq + 1, &vlen);
	w->v = fz_xrealloc(w->v, (w->n + 1) * sizeof *w->v);
	w->v[w->n].key = fz_arena_strndup(w->arena, k, klen);
	w->v[w->n].value = fz_arena_strndup(w->arena, v, vlen);
	w->n++;
	return FZ_OK;
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
fz_where_match(const fz_where *w, enum fz_kind k, const fz_node *rec)
{
	for (size_t i = 0; w != NULL && i < w->n; i++) {
		const fz_node *v = fz_record_get(k, rec, w->v[i].key);
		const char *want = canonical(k, &w->v[i]);
		int hit = 0;

		if (v == NULL || fz_node_is_null(v))
			return 0;
		if (v->type == FZ_SEQ) {
			for (size_t j = 0; j < v->n && !hit; j++)
				hit = equals(v->kids[j], want);
		} else {
			hit = equals(v, want);
		}
		if (!hit)
			return 0;
	}
	return 1;
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
