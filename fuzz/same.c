/* same.c - node trees compared: what a written tree reads back as. */
#include <string.h>

#include "fuzz.h"

size_t
fuzz_depth(const fz_node *n)
{
	size_t d = 0, k;

	if (n == NULL || n->type == FZ_SCALAR)
		return 1;
	for (size_t i = 0; i < (n->type == FZ_MAP ? 2 * n->n : n->n); i++)
		if ((k = fuzz_depth(n->kids[i])) > d)
			d = k;
	return d + 1;
}

/* A null value may come back as a null of another spelling. */
static int
same_scalar(const fz_node *a, const fz_node *b)
{
	enum fz_scalar_tag ta = fz_node_tag(a), tb = fz_node_tag(b);

	if (ta != tb)
		return 0;
	if (ta == FZ_TAG_NULL)
		return 1;
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

const fz_node *
fuzz_differ(const fz_node *a, const fz_node *b)
{
	const fz_node *d;

	if (a == NULL || b == NULL)
		return a == b ? NULL : a ? a : b;
	if (fz_node_is_null(a) && fz_node_is_null(b))
		return NULL;
	if (a->type != b->type || a->n != b->n)
		return a;
	if (a->type == FZ_SCALAR)
		return same_scalar(a, b) ? NULL : a;
	for (size_t i = 0; i < (a->type == FZ_MAP ? 2 * a->n : a->n); i++) {
		const fz_node *ka = a->kids[i], *kb = b->kids[i];

		/* A key is its text: an empty key may come back quoted. */
		if (a->type == FZ_MAP && i % 2 == 0) {
			if (ka->len != kb->len ||
			    memcmp(ka->str, kb->str, ka->len) != 0)
				return ka;
		} else if ((d = fuzz_differ(ka, kb)) != NULL) {
			return d;
		}
	}
	return NULL;
}

fz_node *
fuzz_read_back(const char *path, fz_stream **s, fz_error *err)
{
	static char *paths[1];
	fz_event ev;

	paths[0] = (char *)path;
	*s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND | FZ_STREAM_KEEP);
	if (fz_stream_next(*s, &ev, err) != FZ_OK || ev.type == FZ_EV_END)
		return NULL;
	return ev.node;
}
