/* table_casefile.c - the tables of a casefile document (fazhi-check
 * --rules -f yaml, 案卷评查): a row per rule of each case (the case, the
 * rule, its article, 符合 / 不符合 / 不适用 and what was found or why it
 * does not apply), and the summary, a row per rule with its verdicts
 * counted: what a reviewer sorts and filters in a workbook. */
#include "table.h"
#include "table_int.h"

struct casefile_col {
	const char *key, *label;
	unsigned char type;		/* enum fz_ctype */
};

static const struct casefile_col rule_cols[] = {
	{ "case", "案件编号", FZ_C_TEXT },
	{ "name", "评查项目", FZ_C_TEXT },
	{ "article", "依据", FZ_C_TEXT },
	{ "label", "结论", FZ_C_TEXT },
	{ "detail", "说明", FZ_C_TEXT },
	{ NULL, NULL, 0 }
};

static const struct casefile_col summary_cols[] = {
	{ "name", "评查项目", FZ_C_TEXT },
	{ "article", "依据", FZ_C_TEXT },
	{ "holds", "符合", FZ_C_INT },
	{ "fails", "不符合", FZ_C_INT },
	{ "not_applicable", "不适用", FZ_C_INT },
	{ NULL, NULL, 0 }
};

static fz_table *
table_of(fz_table_set *ts, const fz_node *doc, const char *part,
    const struct casefile_col *cols, const char *file, int new_doc)
{
	fz_table *t = fz_table__new(ts, "casefile", part, doc, file);

	fz_table__attach(ts, t, new_doc);
	for (size_t i = 0; cols[i].key != NULL; i++)
		fz_table__column(ts, t, cols[i].key, cols[i].type,
		    cols[i].label, i);
	return t;
}

/* A row of cols from rec, the case's id from k (NULL: none). */
static void
row(fz_table_set *ts, fz_table *t, const struct casefile_col *cols,
    const fz_node *k, const fz_node *rec)
{
	fz_table__row_begin(ts);
	for (size_t i = 0; cols[i].key != NULL; i++) {
		const fz_node *v = k != NULL && i == 0 ?
		    fz_node_get(k, "case") : fz_node_get(rec, cols[i].key);

		if (v != NULL && v->type == FZ_SCALAR)
			fz_table__row_set(ts, i, fz_table__scalar(ts, v,
			    cols[i].type));
	}
	fz_table__row_end(ts, t);
}

int
fz_table__casefile(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	const fz_node *cases = fz_node_get(doc, "cases");
	const fz_node *sum = fz_node_get(doc, "summary");
	const fz_node *rules = sum != NULL && sum->type == FZ_MAP ?
	    fz_node_get(sum, "rules") : NULL;
	fz_table *t;
	int status;

	if ((status = fz_table__want_maps(cases, "cases", file, err)) != FZ_OK ||
	    (status = fz_table__want(sum, FZ_MAP, "summary", file, err)) !=
	    FZ_OK ||
	    (status = fz_table__want_maps(rules, "rules", file, err)) != FZ_OK)
		return status;
	for (size_t i = 0; i < fz_table__items(cases); i++)
		if ((status = fz_table__want_maps(fz_node_get(cases->kids[i],
		    "rules"), "rules", file, err)) != FZ_OK)
			return status;
	t = table_of(ts, doc, "评查项目", rule_cols, file, 1);
	for (size_t i = 0; i < fz_table__items(cases); i++) {
		const fz_node *k = cases->kids[i];
		const fz_node *rs = fz_node_get(k, "rules");

		for (size_t j = 0; j < fz_table__items(rs); j++)
			row(ts, t, rule_cols, k, rs->kids[j]);
	}
	t = table_of(ts, doc, "评查汇总", summary_cols, file, 0);
	for (size_t i = 0; i < fz_table__items(rules); i++)
		row(ts, t, summary_cols, NULL, rules->kids[i]);
	return FZ_OK;
}
