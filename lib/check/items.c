/* items.c - the checks of the inspection item list (抽查事项清单): a
 * ratio or ratios, not both; categories the entity directory has; credit
 * classes some credit record or plan uses; and the plans' items, which
 * the list must hold.  Categories and classes may come in later files,
 * so they are settled at the end, and only when their source was given. */
#include <string.h>

#include "check_int.h"

void
fz_check__name_seen(fz_check *c, int what, const char *value)
{
	if (value != NULL)
		fz_map_insert(c->names[what], value, strlen(value), NULL, NULL);
	c->names_given[what] = 1;
}

static void
named(fz_check *c, int what, const char *item, const char *value,
    const fz_node *at)
{
	if (c->nnamed == c->capnamed) {
		c->capnamed = c->capnamed ? 2 * c->capnamed : 32;
		c->named = fz_xrealloc(c->named, c->capnamed * sizeof *c->named);
	}
	c->named[c->nnamed++] = (fz_check__named){ what,
	    fz_check__intern(c, item), fz_check__intern(c, value),
	    fz_check__pos_of(c, at) };
}

void
fz_check__item(fz_check *c, const fz_check__rec *r)
{
	const fz_item *it = r->data;
	const fz_node *cats = it->categories, *ratios = it->ratios;

	if (it->ratio.den == 0 && ratios == NULL)
		fz_check__report(c, FZ_ERROR, r->at, "item '%s' has neither "
		    "ratio nor ratios: the share of its population to check "
		    "a year", it->code);
	if (it->ratio.den != 0 && ratios != NULL)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "ratios"),
		    "item '%s' has both ratio and ratios (give one)", it->code);
	for (size_t i = 0; cats != NULL && i < cats->n; i++)
		named(c, FZ_CHECK__CATEGORY, it->code, cats->kids[i]->str,
		    cats->kids[i]);
	for (size_t i = 0; ratios != NULL && i < ratios->n; i++)
		named(c, FZ_CHECK__CLASS, it->code, ratios->kids[2 * i]->str,
		    ratios->kids[2 * i]);
}

void
fz_check__plan_names(fz_check *c, const fz_plan *p)
{
	for (size_t i = 0; i < p->nstrata; i++)
		if (p->strata[i].credit != NULL)
			fz_check__name_seen(c, FZ_CHECK__CLASS, p->strata[i].credit);
	if (p->credit_default != NULL)
		fz_check__name_seen(c, FZ_CHECK__CLASS, p->credit_default);
	for (size_t i = 0; i < p->nitems; i++) {
		const fz_node *at = fz_node_get(p->doc, "items")->kids[i];

		fz_check__ref_add(c, &(fz_check__ref){ FZ_KIND_ITEMS,
		    fz_check__intern(c, p->items[i]), NULL, 0, FZ_NODATE,
		    fz_check__pos_of(c, at) });
	}
}

void
fz_check__items_settle(fz_check *c)
{
	static const char *const fmt[] = {
		[FZ_CHECK__CATEGORY] = N_("item '%s' covers category '%s', "
		    "which no entity of the directory has"),
		[FZ_CHECK__CLASS] = N_("item '%s' gives a ratio for credit "
		    "class '%s', which no credit record or plan uses"),
	};

	for (size_t i = 0; i < c->nnamed; i++) {
		const fz_check__named *n = &c->named[i];

		if (!c->names_given[n->what] || fz_map_find(c->names[n->what],
		    n->value, strlen(n->value)) != NULL)
			continue;
		fz_check__report_pos(c, FZ_ERROR, n->at, fmt[n->what], n->item,
		    n->value);
	}
}
