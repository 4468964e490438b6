/* table_cases.c - the case figures of a tally (fazhi-formats(5): the
 * indicators after fines) as a table of their own, a row a figure, so
 * that the tally's table keeps the width of its page: the figure, its
 * count (a rate's numerator), and for a rate its denominator. */
#include <string.h>

#include "table.h"
#include "table_int.h"

/* A rate's words: what its numerator and denominator count. */
static const char *
rate_label(const char *key)
{
	if (strcmp(key, "mean_decision_days") == 0)
		return "普通程序办案天数合计（分母：作出决定件数）";
	return "负责人出庭应诉（分母：行政诉讼件数）";
}

static void
figure_row(fz_table_set *ts, fz_table *t, const char *key, const fz_node *v)
{
	const fz_node *n = fz_node_get(v, "numerator");
	const fz_node *d = fz_node_get(v, "denominator");

	fz_table__row_begin(ts);
	if (v->type == FZ_MAP) {
		fz_table__row_set(ts, 0, fz_table__text(ts, rate_label(key)));
		if (n != NULL && n->type == FZ_SCALAR)
			fz_table__row_set(ts, 1, fz_table__scalar(ts, n,
			    FZ_C_INT));
		if (d != NULL && d->type == FZ_SCALAR)
			fz_table__row_set(ts, 2, fz_table__scalar(ts, d,
			    FZ_C_INT));
	} else {
		fz_table__row_set(ts, 0, fz_table__text(ts,
		    fz_table__label(key)));
		if (v->type == FZ_SCALAR)
			fz_table__row_set(ts, 1, fz_table__scalar(ts, v,
			    FZ_C_INT));
	}
	fz_table__row_end(ts, t);
}

fz_table *
fz_table__tally_cases(fz_table_set *ts, const fz_node *doc,
    const fz_node *totals, const char *file)
{
	const fz_node *n = fz_node_get(fz_node_get(doc, "inputs"), "cases");
	fz_table *t = NULL;
	size_t i = 0;

	/* A tally of inspections alone has nothing to say of cases: its
	 * CSV stays one table. */
	if (n != NULL && n->type == FZ_SCALAR && strcmp(n->str, "0") == 0)
		return NULL;
	while (i < totals->n && strcmp(totals->kids[2 * i]->str, "fines") != 0)
		i++;
	for (i++; i < totals->n; i++) {
		if (t == NULL) {
			t = fz_table__new(ts, "tally", "案件指标", doc, file);
			t->key = "case_figures";
			t->sheet = "案件指标";
			fz_table__column(ts, t, "label", FZ_C_TEXT, "指标", 0);
			fz_table__column(ts, t, "value", FZ_C_INT, "数值", 1);
			fz_table__column(ts, t, "denominator", FZ_C_INT, "分母",
			    2);
		}
		figure_row(ts, t, totals->kids[2 * i]->str,
		    totals->kids[2 * i + 1]);
	}
	return t;
}
