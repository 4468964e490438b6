/* table_results.c - the tables of a results document (fazhi-results(1)):
 * the public table of what each inspection found, in the columns the
 * national enterprise credit publicity system shows (检查实施机关, 类型,
 * 日期, 结果), the check of teams, days and flags, the inspections of
 * entities not drawn, and the summary. */
#include <string.h>

#include "table.h"
#include "table_int.h"

struct results_col {
	const char *key, *label;	/* label NULL: fz_label's */
	unsigned char type;		/* enum fz_ctype */
	int words;			/* the record kind naming its values,
					 * FZ_KIND_NONE: none */
};

static const struct results_col results_public[] = {
	{ "entity", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "name", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "category", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "town", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "organ", "检查实施机关", FZ_C_TEXT, FZ_KIND_NONE },
	{ "type", "类型", FZ_C_TEXT, FZ_KIND_NONE },
	{ "date", "日期", FZ_C_DATE, FZ_KIND_NONE },
	{ "outcome", "结果", FZ_C_TEXT, FZ_KIND_INSPECTIONS },
	{ "case", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "decided", "处罚决定日期", FZ_C_DATE, FZ_KIND_NONE },
	{ "penalty", NULL, FZ_C_TEXT, FZ_KIND_CASES },
	{ "fine", NULL, FZ_C_MONEY, FZ_KIND_NONE },
	{ NULL, NULL, 0, 0 }
};

static const struct results_col results_check[] = {
	{ "entity", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "name", NULL, FZ_C_TEXT, FZ_KIND_NONE },
	{ "team", "抽取的检查组", FZ_C_TEXT, FZ_KIND_NONE },
	{ "inspectors", "实际检查人员", FZ_C_TEXT, FZ_KIND_NONE },
	{ "added", "增加的人员", FZ_C_TEXT, FZ_KIND_NONE },
	{ "missing", "未到的人员", FZ_C_TEXT, FZ_KIND_NONE },
	{ "date", "检查日期", FZ_C_DATE, FZ_KIND_NONE },
	{ "flags", "问题", FZ_C_TEXT, FZ_KIND_NONE },
	{ "case_outcome", "案件状态", FZ_C_TEXT, FZ_KIND_NONE },
	{ "publish_by", "结果公示期限", FZ_C_DATE, FZ_KIND_NONE },
	{ NULL, NULL, 0, 0 }
};

static const struct results_col results_summary[] = {
	{ "drawn", "抽取家数", FZ_C_INT, FZ_KIND_NONE },
	{ "inspected", "已检查", FZ_C_INT, FZ_KIND_NONE },
	{ "by_drawn_team", "由抽取的检查组检查", FZ_C_INT, FZ_KIND_NONE },
	{ "compliant", "合格", FZ_C_INT, FZ_KIND_NONE },
	{ "violations", "违规", FZ_C_INT, FZ_KIND_NONE },
	{ "filed", "立案", FZ_C_INT, FZ_KIND_NONE },
	{ "fines", "罚没款", FZ_C_MONEY, FZ_KIND_NONE },
	{ "not_inspected", "未检查", FZ_C_INT, FZ_KIND_NONE },
	{ "overdue", "逾期检查", FZ_C_INT, FZ_KIND_NONE },
	{ "team_changed", "检查人员变更", FZ_C_INT, FZ_KIND_NONE },
	{ "not_drawn", "检查未抽取的对象", FZ_C_INT, FZ_KIND_NONE },
	{ "publication_due", "待公示", FZ_C_INT, FZ_KIND_NONE },
	{ "publication_late", "逾期未公示", FZ_C_INT, FZ_KIND_NONE },
	{ "published_on_time", "按时公示", FZ_C_INT, FZ_KIND_NONE },
	{ "published_late", "逾期公示", FZ_C_INT, FZ_KIND_NONE },
	{ NULL, NULL, 0, 0 }
};

/* The words of the flags and case outcomes. */
static const char *const results_words[][2] = {
	{ "not_inspected", "未检查" }, { "overdue", "逾期检查" },
	{ "team_changed", "检查人员变更" }, { "open", "未结" },
	{ "decided", "已作出处罚决定" }, { "closed", "已办结" },
	{ "unknown", "未见案件" },
};

/* A flag, a list of them, or an outcome in words. */
static fz_table_cell
words_cell(fz_table_set *ts, const fz_node *v)
{
	fz_buf b = { 0 };
	size_t n = v->type == FZ_SEQ ? v->n : 1;

	for (size_t i = 0; i < n; i++) {
		const fz_node *item = v->type == FZ_SEQ ? v->kids[i] : v;
		const char *w = item->type == FZ_SCALAR ? item->str : "";
		for (size_t j = 0; j < sizeof results_words /
		    sizeof results_words[0]; j++)
			if (strcmp(results_words[j][0], w) == 0)
				w = results_words[j][1];
		if (i > 0)
			fz_buf_adds(&b, "、");
		fz_buf_adds(&b, w);
	}
	return fz_table__text_cell(ts, &b);
}

/* 检查实施机关: the organization the results name, else the departments
 * of the drawn team, each once. */
static fz_table_cell
organ_cell(fz_table_set *ts, const char *organ, const fz_node *sel)
{
	const fz_node *team = fz_node_get(sel, "team");
	fz_buf b = { 0 };

	if (organ != NULL)
		return fz_table__text(ts, organ);
	for (size_t i = 0; i < fz_table__items(team); i++) {
		const fz_node *d = fz_node_get(team->kids[i], "department");
		size_t j;
		if (d == NULL || d->type != FZ_SCALAR)
			continue;
		for (j = 0; j < i; j++) {
			const fz_node *e = fz_node_get(team->kids[j],
			    "department");
			if (e != NULL && e->type == FZ_SCALAR &&
			    strcmp(e->str, d->str) == 0)
				break;
		}
		if (j < i)
			continue;
		fz_buf_adds(&b, b.len > 0 ? "、" : "");
		fz_buf_adds(&b, d->str);
	}
	return fz_table__text_cell(ts, &b);
}

/* The columns of the credit publicity system, of inspection in of
 * selection sel (in NULL: not inspected, which its result says): 1 when
 * key is one of them, its cell set if it has one. */
static int
public_cell(fz_table_set *ts, size_t col, const char *key,
    const fz_node *sel, const fz_node *in, const char *organ)
{
	const fz_node *v = in != NULL ? fz_node_get(in, key) : NULL;

	if (strcmp(key, "organ") == 0) {
		if (in != NULL)
			fz_table__row_set(ts, col, organ_cell(ts, organ, sel));
	} else if (strcmp(key, "type") == 0) {
		if (in != NULL)
			fz_table__row_set(ts, col, fz_table__text(ts,
			    "双随机抽查"));
	} else if (strcmp(key, "outcome") == 0) {
		/* An inspection's own outcome only (another inspection's is
		 * not its result); a record without one has its result
		 * (合格, 违规 ...) as v1 wrote it. */
		if (v == NULL && in != NULL)
			v = fz_node_get(in, "result"), key = "result";
		if (in == NULL)
			fz_table__row_set(ts, col, fz_table__text(ts, "未检查"));
		else if (v != NULL)
			fz_table__row_set(ts, col, fz_table__field_cell(ts,
			    fz_field_find(FZ_KIND_INSPECTIONS, key), v));
	} else
		return 0;
	return 1;
}

/* One row of cols: each value from the inspection, else from the
 * selection; organ (may be NULL) is the results' organization. */
static void
results_row(fz_table_set *ts, fz_table *t, const struct results_col *cols,
    const fz_node *sel, const fz_node *in, const char *organ)
{
	fz_table__row_begin(ts);
	for (size_t i = 0; cols[i].key != NULL; i++) {
		const char *key = cols[i].key;
		const fz_node *v = in != NULL && fz_node_get(in, key) != NULL ?
		    fz_node_get(in, key) : fz_node_get(sel, key);
		size_t col = fz_table__column(ts, t, key, cols[i].type,
		    cols[i].label, i);
		if (cols == results_public &&
		    public_cell(ts, col, key, sel, in, organ))
			continue;
		if (v == NULL)
			continue;
		else if (strcmp(key, "team") == 0)
			fz_table__row_set(ts, col, fz_table__team_cell(ts, v));
		else if (!strcmp(key, "flags") || !strcmp(key, "case_outcome"))
			fz_table__row_set(ts, col, words_cell(ts, v));
		else if (cols[i].type != FZ_C_TEXT && v->type == FZ_SCALAR)
			fz_table__row_set(ts, col, fz_table__scalar(ts, v, cols[i].type));
		else
			fz_table__row_set(ts, col, fz_table__field_cell(ts,
			    cols[i].words == FZ_KIND_NONE ? NULL :
			    fz_field_find(cols[i].words, key), v));
	}
	fz_table__row_end(ts, t);
}

/* A table of cols: a row per inspection of each selection, or one for
 * a selection without any. */
static void
results_table(fz_table_set *ts, const fz_node *doc, const char *part,
    const struct results_col *cols, const char *file)
{
	const fz_node *sel = fz_node_get(doc, "selections");
	const fz_node *org = fz_node_get(doc, "organ");
	const char *organ = org != NULL && org->type == FZ_SCALAR &&
	    org->len > 0 ? org->str : NULL;
	fz_table *t = fz_table__new(ts, "results", part, doc, file);

	fz_table__attach(ts, t, cols == results_public);
	for (size_t i = 0; cols[i].key != NULL; i++) {
		size_t col = fz_table__column(ts, t, cols[i].key, cols[i].type,
		    cols[i].label, i);
		t->cols[col].code = strcmp(cols[i].key, "entity") == 0;
	}
	for (size_t i = 0; i < fz_table__items(sel); i++) {
		const fz_node *ins = fz_node_get(sel->kids[i], "inspections");
		if (fz_table__items(ins) == 0)
			results_row(ts, t, cols, sel->kids[i], NULL, organ);
		for (size_t j = 0; j < fz_table__items(ins); j++)
			results_row(ts, t, cols, sel->kids[i], ins->kids[j],
			    organ);
	}
}

int
fz_table__results(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err)
{
	const fz_node *sel = fz_node_get(doc, "selections");
	const fz_node *others = fz_node_get(doc, "not_drawn");
	const fz_node *sum = fz_node_get(doc, "summary");
	fz_table *t;
	int status;

	if ((status = fz_table__want_maps(sel, "selections", file, err)) != FZ_OK ||
	    (status = fz_table__want_maps(others, "not_drawn", file, err)) != FZ_OK ||
	    (status = fz_table__want(sum, FZ_MAP, "summary", file, err)) != FZ_OK)
		return status;
	for (size_t i = 0; i < fz_table__items(sel); i++)
		if ((status = fz_table__want_maps(fz_node_get(sel->kids[i],
		    "inspections"), "inspections", file, err)) != FZ_OK)
			return status;
	results_table(ts, doc, "抽查结果", results_public, file);
	results_table(ts, doc, "核查", results_check, file);
	if (fz_table__items(others) > 0) {
		t = fz_table__new(ts, "results", "检查未抽取的对象", doc, file);
		fz_table__attach(ts, t, 0);
		for (size_t i = 0; i < others->n; i++)
			fz_table__record_row(ts, t, FZ_KIND_INSPECTIONS, others->kids[i]);
	}
	if (sum != NULL && sum->type == FZ_MAP) {
		t = fz_table__new(ts, "results", "汇总", doc, file);
		fz_table__attach(ts, t, 0);
		results_row(ts, t, results_summary, sum, NULL, NULL);
	}
	fz_table__name_by_task(ts, doc, ts->docs[ts->ndocs - 1]);
	return FZ_OK;
}

