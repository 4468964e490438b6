/* render_casefile.c - the helpers of the casefile document (案卷评查,
 * from fazhi-check --rules -f yaml): each case's timeline and rules as
 * tables of the context, and the summary's, which every format's table
 * widget prints. */
#include <string.h>

#include "render_int.h"

static const char *const timeline_heads[] = { "办案环节", "日期", NULL };
static const char *const rule_heads[] = { "评查项目", "依据", "结论",
	"说明", NULL };
static const char *const summary_heads[] = { "评查项目", "依据", "#符合",
	"#不符合", "#不适用", NULL };

/* The mappings of list key of map; NULL when it is not a list. */
static const fz_node *
list_of(const fz_node *map, const char *key)
{
	const fz_node *v = map->type == FZ_MAP ? fz_node_get(map, key) : NULL;

	return v != NULL && v->type == FZ_SEQ ? v : NULL;
}

/* A table of the mappings of list, a row each of the keys given (a
 * leading '#' in heads marks the columns that are numbers). */
static fz_node *
table_of(fz_arena *a, const fz_node *list, const char *const *heads,
    const char *const *keys, const char *caption)
{
	fz_node *t = fz_render__table_new(a, heads, caption);

	for (size_t i = 0; list != NULL && i < list->n; i++) {
		fz_node *cells = fz_node_seq(a);

		for (size_t j = 0; keys[j] != NULL; j++)
			fz_render__cell_add(a, cells, list->kids[i], keys[j],
			    NULL, heads[j][0] == '#', 0);
		fz_render__table_row_add(a, t, cells);
	}
	return t;
}

void
fz_render__casefile(fz_arena *a, fz_node *doc)
{
	static const char *const timeline_keys[] = { "label", "date", NULL };
	static const char *const rule_keys[] = { "name", "article", "label",
		"detail", NULL };
	static const char *const summary_keys[] = { "name", "article",
		"holds", "fails", "not_applicable", NULL };
	const fz_node *cases = list_of(doc, "cases");
	fz_node *summary = doc->type == FZ_MAP ?
	    (fz_node *)fz_node_get(doc, "summary") : NULL;

	for (size_t i = 0; cases != NULL && i < cases->n; i++) {
		fz_node *k = cases->kids[i];

		if (k->type != FZ_MAP)
			continue;
		fz_render__add(a, k, "timeline_table", table_of(a,
		    list_of(k, "timeline"), timeline_heads, timeline_keys,
		    "办案过程"));
		fz_render__add(a, k, "rule_table", table_of(a,
		    list_of(k, "rules"), rule_heads, rule_keys, "评查项目"));
	}
	if (summary != NULL && summary->type == FZ_MAP)
		fz_render__add(a, summary, "summary_table", table_of(a,
		    list_of(summary, "rules"), summary_heads, summary_keys,
		    "评查汇总"));
}
