/* render_made.c - the items of a lazy render context's lists as a
 * template comes to them: copied into a scratch arena and given the
 * helpers the context, made all at once, would have given them. */
#include <string.h>

#include "render_int.h"

/* A copy of n in a to add helpers to: its mappings and lists, with the
 * room fz_node_put takes them to have; scalars (which nothing writes
 * to) and lazy lists (whose items are made on demand) shared. */
static fz_node *
copy_to_complete(const fz_render_ctx *c, fz_arena *a, const fz_node *n)
{
	size_t slots, cap = 4;
	fz_node *copy;

	if (n == NULL || n->type == FZ_SCALAR ||
	    fz_render__lazy_find(c, n) != NULL)
		return (fz_node *)n;
	copy = fz_arena_alloc(a, sizeof *copy);
	*copy = *n;
	copy->kids = NULL;
	slots = n->type == FZ_MAP ? 2 * n->n : n->n;
	if (slots == 0)
		return copy;
	while (cap < slots)
		cap *= 2;
	copy->kids = fz_arena_alloc(a, cap * sizeof *copy->kids);
	for (size_t i = 0; i < slots; i++)
		copy->kids[i] = n->type == FZ_MAP && i % 2 == 0 ? n->kids[i] :
		    copy_to_complete(c, a, n->kids[i]);
	return copy;
}

const fz_node *
fz_render__lazy(void *ctx, fz_arena *scratch, const fz_node *seq,
    size_t i, const fz_node *node)
{
	fz_render_ctx *c = ctx;
	const fz_render__lazy_list *l;
	fz_node *item;

	if (seq == NULL) {
		void **slot = fz_map_find(c->lazy_items, (const char *)&node,
		    sizeof node);
		const fz_render__lazy_item *it = slot != NULL ? *slot : NULL;
		if (it == NULL)
			return node;
		l = it->list;
		i = it->index;
	} else if ((l = fz_render__lazy_find(c, seq)) == NULL) {
		return node;
	}
	/* The item as the documents' helpers, added all at once, would
	 * have made it: made, then completed, then walked and flagged. */
	if (l->how == LZ_TABLE_ROWS)
		return fz_render__table_row(c, scratch, l->table, i);
	if (l->how == LZ_BARS)
		item = fz_render__bar(scratch, l, i);
	else if (node->type == FZ_MAP || node->type == FZ_SEQ)
		item = copy_to_complete(c, scratch, node);
	else
		return node;
	if (l->cols != NULL && item->type == FZ_MAP)
		fz_render__tally_row(scratch, item, l->cols, l->by);
	if (l->walked) {
		fz_render__walk(scratch, c, 0, item, l->depth);
		fz_render__item_flags(scratch, item, i, l->seq->n);
	}
	return item;
}
