/* render_lazy.c - which lists of a lazy render context give their items
 * on demand, and the holes those items stand in for until then.  It
 * calls nothing else of lib/render/, so that every part that notes a
 * list may. */
#include <string.h>

#include "render_int.h"

void
fz_render__holes(fz_render_ctx *c, fz_node *seq, size_t n)
{
	if (n > c->nholes) {
		/* The old array stays for the lists given it. */
		size_t cap = 4;
		while (cap < n)
			cap *= 2;
		c->holes = fz_arena_alloc(c->a, cap * sizeof *c->holes);
		for (size_t i = 0; i < cap; i++)
			c->holes[i] = c->hole;
		c->nholes = cap;
	}
	seq->kids = n > 0 ? c->holes : NULL;
	seq->n = n;
}

fz_render__lazy_list *
fz_render__lazy_find(const fz_render_ctx *c, const fz_node *seq)
{
	void **slot = c->lazy_lists == NULL || seq == NULL ||
	    seq->type != FZ_SEQ ? NULL : fz_map_find(c->lazy_lists,
	    (const char *)&seq, sizeof seq);

	return slot != NULL ? *slot : NULL;
}

fz_render__lazy_list *
fz_render__lazy_note(fz_render_ctx *c, const fz_node *seq, int how)
{
	int added;
	void **slot = fz_map_insert(c->lazy_lists, (const char *)&seq,
	    sizeof seq, &added, NULL);
	fz_render__lazy_list *l;

	if (!added)
		return *slot;
	l = fz_arena_alloc(c->a, sizeof *l);
	memset(l, 0, sizeof *l);
	l->how = how;
	l->seq = seq;
	*slot = l;
	return l;
}

void
fz_render__lazy_ref(fz_render_ctx *c, const fz_node *seq, size_t i)
{
	const fz_render__lazy_list *l = c != NULL ? fz_render__lazy_find(c,
	    seq) : NULL;
	const fz_node *item = l != NULL ? seq->kids[i] : NULL;
	fz_render__lazy_item *it;
	void **slot;
	int added;

	if (l == NULL || l->how != LZ_ITEMS || item == NULL ||
	    (item->type != FZ_MAP && item->type != FZ_SEQ))
		return;
	slot = fz_map_insert(c->lazy_items, (const char *)&item, sizeof item,
	    &added, NULL);
	if (!added)
		return;
	it = fz_arena_alloc(c->a, sizeof *it);
	it->list = l;
	it->index = i;
	*slot = it;
}
