/* node.c - YAML value trees and the YAML 1.1 resolution of plain
 * scalars, so that true, null and 42 mean what libyaml's users expect. */
#include <string.h>

#include "core.h"

static int
is_one_of(const char *s, size_t len, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == len && memcmp(*words, s, len) == 0)
			return 1;
	return 0;
}

static int
all_digits(const char *s, size_t len, const char *extra)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!(s[i] >= '0' && s[i] <= '9') &&
		    (extra == NULL || strchr(extra, s[i]) == NULL))
			return 0;
	return 1;
}

static int
is_int(const char *s, size_t len)
{
	if (len > 0 && (*s == '-' || *s == '+'))
		s++, len--;
	if (len == 0)
		return 0;
	if (len > 2 && s[0] == '0' && s[1] == 'x') {
		for (size_t i = 2; i < len; i++)
			if (strchr("0123456789abcdefABCDEF_", s[i]) == NULL)
				return 0;
		return 1;
	}
	if (len > 2 && s[0] == '0' && s[1] == 'b')
		return strspn(s + 2, "01_") >= len - 2;
	if (s[0] == '_')
		return 0;
	/* Decimal, octal and sexagesimal (190:20:30) of YAML 1.1. */
	return all_digits(s, len, "_") ||
	    (s[0] != '0' && all_digits(s, len, "_:") && s[len - 1] != ':');
}

/* [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* : a sexagesimal float. */
static int
is_sexagesimal_float(const char *s, size_t len)
{
	size_t i = 0, colons = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i == len || s[i] < '0' || s[i] > '9')
		return 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
		i++;
	while (i < len && s[i] == ':') {
		size_t d = 0;

		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0 || d > 2 || (d == 2 && s[i - 2] > '5'))
			return 0;
		colons++;
	}
	if (colons == 0 || i == len || s[i] != '.')
		return 0;
	for (i++; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int
is_float(const char *s, size_t len)
{
	static const char *const special[] = { ".inf", ".Inf", ".INF",
		"-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
		".nan", ".NaN", ".NAN", NULL };
	size_t i = 0, digits = 0, dots = 0;

	if (is_one_of(s, len, special) || is_sexagesimal_float(s, len))
		return 1;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '_')
			return 0;
	}
	if (dots != 1 || digits == 0)
		return 0;
	if (i < len) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		if (i == len)
			return 0;
		return all_digits(s + i, len - i, NULL);
	}
	return 1;
}

int
fz_scalar_bool(const char *s, size_t len)
{
	static const char *const yes[] = { "y", "Y", "yes", "Yes", "YES",
		"true", "True", "TRUE", "on", "On", "ON", NULL };
	static const char *const no[] = { "n", "N", "no", "No", "NO",
		"false", "False", "FALSE", "off", "Off", "OFF", NULL };

	if (is_one_of(s, len, yes))
		return 1;
	if (is_one_of(s, len, no))
		return 0;
	return -1;
}

enum fz_scalar_tag
fz_scalar_resolve(const char *s, size_t len)
{
	static const char *const nulls[] = { "", "~", "null", "Null",
		"NULL", NULL };
	static const char *const bools[] = { "y", "Y", "yes", "Yes", "YES",
		"n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
		"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
		NULL };

	/* Most scalars are names and ids: nothing that resolves otherwise
	 * starts with a letter past these, or with a byte of UTF-8. */
	if (len > 0 && strchr("~nNyYtTfFoO0123456789+-._", s[0]) == NULL)
		return FZ_TAG_STR;
	if (is_one_of(s, len, nulls))
		return FZ_TAG_NULL;
	if (is_one_of(s, len, bools))
		return FZ_TAG_BOOL;
	if (is_int(s, len))
		return FZ_TAG_INT;
	if (is_float(s, len))
		return FZ_TAG_FLOAT;
	return FZ_TAG_STR;
}

enum fz_scalar_tag
fz_node_tag(const fz_node *n)
{
	if (n == NULL)
		return FZ_TAG_NULL;
	if (n->type != FZ_SCALAR || n->quoted)
		return FZ_TAG_STR;
	return fz_scalar_resolve(n->str, n->len);
}

int
fz_node_is_null(const fz_node *n)
{
	if (n == NULL)
		return 1;
	if (n->type != FZ_SCALAR || n->quoted || n->len > 4)
		return 0;
	return fz_scalar_resolve(n->str, n->len) == FZ_TAG_NULL;
}

fz_node *
fz_node_get(const fz_node *m, const char *key)
{
	size_t len;

	if (m == NULL || m->type != FZ_MAP)
		return NULL;
	len = strlen(key);
	for (size_t i = 0; i < m->n; i++) {
		const fz_node *k = m->kids[2 * i];

		if (k->len == len && memcmp(k->str, key, len) == 0)
			return m->kids[2 * i + 1];
	}
	return NULL;
}

static fz_node *
node_new(fz_arena *a, enum fz_node_type type)
{
	fz_node *n = fz_arena_alloc(a, sizeof *n);

	if (n == NULL)
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = type;
	return n;
}

fz_node *
fz_node_scalar(fz_arena *a, const char *s, size_t len)
{
	/* The node and its text in one allocation. */
	fz_node *n = fz_arena_alloc(a, sizeof *n + len + 1);

	if (n == NULL)
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = FZ_SCALAR;
	n->str = (char *)(n + 1);
	memcpy(n->str, s, len);
	n->str[len] = '\0';
	n->len = len;
	return n;
}

fz_node *fz_node_seq(fz_arena *a) { return node_new(a, FZ_SEQ); }
fz_node *fz_node_map(fz_arena *a) { return node_new(a, FZ_MAP); }

/* Room for one more slot in kids.  Capacity is the next power of two
 * at or above the used count, so it need not be stored; a node marked
 * exact has just the slots it uses, and the first addition moves them. */
static int
reserve(fz_arena *a, fz_node *n, size_t used, size_t more)
{
	size_t cap = 4;
	int exact = n->exact;

	n->exact = 0;
	while (cap < used)
		cap *= 2;
	if (!exact && used + more <= cap && n->kids != NULL)
		return 0;
	while (cap < used + more)
		cap *= 2;
	fz_node **kids = fz_arena_alloc(a, cap * sizeof *kids);
	if (kids == NULL)
		return -1;
	if (used > 0)
		memcpy(kids, n->kids, used * sizeof *kids);
	n->kids = kids;
	return 0;
}

void
fz_node_push(fz_arena *a, fz_node *seq, fz_node *item)
{
	if (reserve(a, seq, seq->n, 1) == 0)
		seq->kids[seq->n++] = item;
}

void
fz_node_put(fz_arena *a, fz_node *map, const char *key, fz_node *value)
{
	fz_node *k = fz_node_scalar(a, key, strlen(key));

	if (k == NULL || reserve(a, map, 2 * map->n, 2) != 0)
		return;
	k->line = value != NULL ? value->line : 0;
	k->col = value != NULL ? value->col : 0;
	k->file = value != NULL ? value->file : NULL;
	map->kids[2 * map->n] = k;
	map->kids[2 * map->n + 1] = value;
	map->n++;
}

fz_node *
fz_node_copy(fz_arena *a, const fz_node *n)
{
	fz_node *c = node_new(a, n->type);
	size_t slots = n->type == FZ_MAP ? 2 * n->n : n->n;

	if (c == NULL)
		return NULL;
	*c = *n;
	c->kids = NULL;
	if (n->type == FZ_SCALAR)
		return (c->str = fz_arena_strndup(a, n->str, n->len)) ? c : NULL;
	if (slots > 0) {
		/* The capacity reserve() takes it to have, so that the copy
		 * can grow with fz_node_push and fz_node_put. */
		size_t cap = 4;
		while (cap < slots)
			cap *= 2;
		if ((c->kids = fz_arena_alloc(a, cap * sizeof *c->kids)) == NULL)
			return NULL;
		for (size_t i = 0; i < slots; i++)
			if ((c->kids[i] = fz_node_copy(a, n->kids[i])) == NULL)
				return NULL;
	}
	return c;
}
