/* render_nodes.c - the nodes every part of the render context is made
 * of: scalars, texts, keys put into mappings, numbers read back, and
 * the Chinese word of a key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

fz_node *
fz_render__plain(fz_arena *a, const char *s)
{
	fz_node *n = fz_node_scalar(a, s, strlen(s));

	if (n == NULL)
		abort();
	return n;
}

fz_node *
fz_render__text(fz_arena *a, const char *s)
{
	fz_node *n = fz_render__plain(a, s);

	n->quoted = 1;
	return n;
}

void
fz_render__add(fz_arena *a, fz_node *map, const char *key, fz_node *value)
{
	if (fz_node_get(map, key) == NULL)
		fz_node_put(a, map, key, value);
}

int
fz_render__number(const fz_node *v, int money, int64_t *out)
{
	long long n;

	if (v == NULL || v->type != FZ_SCALAR || v->len == 0)
		return -1;
	if (money)
		return fz_money_parse(v->str, v->len, out);
	if (fz_int_parse(v->str, v->len, &n) != 0)
		return -1;
	*out = n;
	return 0;
}

const char *
fz_render__word(const char *key)
{
	const char *w = fz_label(key);

	return w != NULL ? w : key;
}
