/* test_table.c - the table each kind of document gives. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tables_fixture.h"

static const char tally_yaml[] =
    "kind: tally\n"
    "from: 2019-01-01\n"
    "to: 2019-02-28\n"
    "by: [month, town]\n"
    "rows:\n"
    "  - {month: 2019-01, town: 鼓楼, visits: 12, violations: 1, fines: 1250.50}\n"
    "  - {month: 2019-02, town: 鼓楼, visits: 7, filed: 2}\n"
    "totals: {visits: 19, violations: 1, filed: 2, fines: 1250.50}\n";

static void
test_tally_columns(void **state)
{
	fz_table_set *ts = tables_of(tally_yaml);
	const fz_table *t;

	(void)state;
	assert_int_equal(ts->ndocs, 1);
	t = ts->docs[0];
	assert_null(t->next);
	assert_string_equal(t->kind, "tally");
	assert_string_equal(t->name, "执法统计");
	assert_string_equal(t->title, "执法统计 2019-01-01 至 2019-02-28");
	assert_int_equal(t->ngroup, 2);
	assert_int_equal(t->period_col, 0);
	assert_int_equal(t->ncols, 6);
	assert_string_equal(t->cols[0].label, "月份");
	assert_string_equal(t->cols[1].label, "镇(乡)街道");
	assert_string_equal(t->cols[2].label, "检查单位家次");
	/* filed first appears in the second row: after the first's keys */
	assert_string_equal(t->cols[5].key, "filed");
	assert_int_equal(t->cols[2].type, FZ_C_INT);
	assert_int_equal(t->cols[column_of(t, "fines")].type, FZ_C_MONEY);
	assert_int_equal(t->to, fz_date_make(2019, 2, 28));
	fz_table_set_free(ts);
}

static void
test_tally_cells_and_totals(void **state)
{
	fz_table_set *ts = tables_of(tally_yaml);
	const fz_table *t = ts->docs[0];
	size_t fines = column_of(t, "fines"), filed = column_of(t, "filed");
	const fz_table_cell *c;

	(void)state;
	assert_int_equal(t->nrows, 3);
	assert_true(t->totals);
	c = cell_at(t, 0, 0);
	assert_int_equal(c->type, FZ_C_TEXT);
	assert_string_equal(c->text, "2019-01");
	c = cell_at(t, 0, fines);
	assert_int_equal(c->type, FZ_C_MONEY);
	assert_int_equal(c->num, 125050);
	assert_true(cell_at(t, 0, filed)->empty);
	assert_true(cell_at(t, 1, fines)->empty);
	c = cell_at(t, 2, 0);
	assert_string_equal(c->text, "合计");
	assert_true(cell_at(t, 2, 1)->empty);
	c = cell_at(t, 2, column_of(t, "visits"));
	assert_int_equal(c->type, FZ_C_INT);
	assert_int_equal(c->num, 19);
	fz_table_set_free(ts);
}

static void
test_tally_words_and_no_totals(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: tally\nby: [result]\n"
	    "rows: [{result: violation, visits: 3}, {result: ok, visits: 9}]\n"
	    "totals: {visits: 12}\n"
	    "---\n"
	    "kind: tally\nby: []\nrows: [{visits: 12}]\ntotals: {visits: 12}\n");
	const fz_table *t = ts->docs[0];

	(void)state;
	assert_int_equal(ts->ndocs, 2);
	/* in the order of the enumeration, not of the words or the file */
	assert_string_equal(cell_at(t, 0, 0)->text, "合格");
	assert_string_equal(cell_at(t, 1, 0)->text, "违规");
	assert_int_equal(cell_at(t, 0, 1)->num, 9);
	assert_int_equal(t->period_col, -1);
	t = ts->docs[1];
	/* without group keys the one row is the totals */
	assert_int_equal(t->nrows, 1);
	assert_false(t->totals);
	assert_int_equal(t->ngroup, 0);
	fz_table_set_free(ts);
}

/* A tally's inspections and cases apart: the group columns and the
 * part's figures, the rows with a figure, the totals; none where a
 * group key is no key of the part's records. */
static void
test_tally_parts(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: tally\nby: [month]\n"
	    "rows:\n  - {month: 2019-01, visits: 12, violations: 1, filed: 0, fines: 0}\n"
	    "  - {month: 2019-02, visits: 0, violations: 0, filed: 2, fines: 12.5}\n"
	    "totals: {visits: 12, violations: 1, filed: 2, fines: 12.5}\n"
	    "---\n"
	    "kind: tally\nby: [type]\n"
	    "rows: [{type: night, visits: 3, filed: 0}]\ntotals: {visits: 3, filed: 0}\n");
	const fz_table *in = fz_table_tally_part(ts, ts->docs[0],
	    FZ_PART_INSPECTIONS);
	const fz_table *cs = fz_table_tally_part(ts, ts->docs[0], FZ_PART_CASES);
	char buf[48];

	(void)state;
	assert_non_null(in);
	assert_string_equal(in->key, "inspections");
	assert_int_equal(in->ncols, 3);
	assert_string_equal(in->cols[1].key, "visits");
	assert_string_equal(in->cols[2].key, "violations");
	assert_int_equal(in->nrows, 2);		/* 2019-02 has none */
	assert_string_equal(cell_at(in, 0, 0)->text, "2019-01");
	assert_string_equal(cell_at(in, 1, 0)->text, "合计");
	assert_true(in->totals);
	/* Its columns the table's first: the row's cells, not a copy;
	 * the cases' are a choice of columns, their own. */
	assert_ptr_equal(in->rows[0].cells, ts->docs[0]->rows[0].cells);
	assert_ptr_equal(in->rows[1].cells, ts->docs[0]->rows[2].cells);
	assert_non_null(cs);
	assert_ptr_not_equal(cs->rows[0].cells, ts->docs[0]->rows[1].cells);
	assert_int_equal(cs->ncols, 3);
	assert_string_equal(cs->cols[2].label, "罚没款（元）");
	assert_int_equal(cs->nrows, 2);		/* 2019-01 has none */
	assert_string_equal(cell_at(cs, 0, 0)->text, "2019-02");
	assert_string_equal(fz_table_cell_format(cell_at(cs, 0, 2), buf),
	    "12.50");
	/* not documents of the set: CSV and xlsx do not see them */
	assert_int_equal(ts->ndocs, 2);
	/* a case has no type */
	assert_non_null(fz_table_tally_part(ts, ts->docs[1], FZ_PART_INSPECTIONS));
	assert_null(fz_table_tally_part(ts, ts->docs[1], FZ_PART_CASES));
	fz_table_set_free(ts);
}

static void
test_metrics_rates_and_counts(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: metrics\nfrom: 2019-01-01\nto: 2019-12-31\n"
	    "catalogue: {matters: 220, by_level: {item: 58}}\n"
	    "applications: {completed: 913, by_channel: {online: 798}}\n"
	    "rates:\n"
	    "  - {key: online_rate, label: 网上办实现率, numerator: 106, denominator: 107, value: 0.9907}\n"
	    "  - {key: e_license_rate, label: x, numerator: 0, denominator: 0, value: null}\n"
	    "  - {key: satisfaction, numerator: 17, denominator: 2, value: 8.5}\n");
	const fz_table *t = ts->docs[0], *counts;
	const fz_table_cell *c;
	char buf[48];

	(void)state;
	/* Shares: no code, the label, numerator, denominator, the share. */
	assert_int_equal(t->ncols, 4);
	assert_string_equal(t->key, "rates");
	assert_string_equal(t->cols[0].label, "指标");
	assert_string_equal(t->cols[3].label, "比率");
	assert_string_equal(t->title, "审批指标 · 比率 2019-01-01 至 2019-12-31");
	assert_int_equal(t->nrows, 2);
	c = cell_at(t, 0, 3);
	assert_int_equal(c->type, FZ_C_RATE);
	assert_int_equal(c->num, 106);
	assert_int_equal(c->den, 107);
	assert_string_equal(fz_table_cell_format(c, buf), "99.07%");
	assert_true(cell_at(t, 1, 3)->empty);
	/* Means apart, their sums and counts under their own heads. */
	t = t->next;
	assert_string_equal(t->key, "means");
	assert_string_equal(t->cols[1].label, "总和");
	assert_string_equal(t->cols[2].label, "件数");
	assert_string_equal(t->cols[3].label, "平均值");
	c = cell_at(t, 0, 3);
	assert_int_equal(c->type, FZ_C_MEAN);
	assert_string_equal(fz_table_cell_format(c, buf), "8.50");
	/* a rate without a label gets the word for its key */
	assert_string_equal(cell_at(t, 0, 0)->text, "满意度");
	counts = t->next;
	assert_non_null(counts);
	assert_null(counts->next);
	assert_string_equal(counts->key, "counts");
	assert_int_equal(counts->ncols, 2);
	assert_int_equal(counts->nrows, 4);
	assert_string_equal(cell_at(counts, 1, 0)->text, "事项目录·按层级·大项");
	assert_string_equal(cell_at(counts, 3, 0)->text, "办件·按渠道·网上");
	c = cell_at(counts, 3, 1);
	assert_int_equal(c->type, FZ_C_INT);
	assert_int_equal(c->num, 798);
	fz_table_set_free(ts);
}

static void
test_metrics_by_groups(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: metrics\n"
	    "catalogue: {matters: 8, by_type: {licensing: 3, filing: 1}}\n"
	    "rates:\n"
	    "- {key: online_rate, label: 网上办实现率, numerator: 4, denominator: 4, value: 1}\n"
	    "- {key: mean_workdays, label: 平均办理时间(工作日), numerator: 15, denominator: 8, value: 1.875}\n"
	    "inputs: {matters: 8}\n"
	    "by: type\n"
	    "rows:\n"
	    "- type: licensing\n"
	    "  catalogue: {matters: 6, by_type: {licensing: 3}}\n"
	    "  rates:\n"
	    "  - {key: online_rate, label: 网上办实现率, numerator: 3, denominator: 3, value: 1}\n"
	    "- type: filing\n"
	    "  catalogue: {matters: 1, by_type: {filing: 1}}\n"
	    "  rates:\n"
	    "  - {key: online_rate, label: 网上办实现率, numerator: 0, denominator: 0, value: null}\n");
	const fz_table *counts = ts->docs[0]->next->next, *g;
	size_t matters, online, filing;
	char buf[48];

	(void)state;
	assert_non_null(counts);
	/* by and rows are the groups' table, not counts, nor are the
	 * inputs read */
	assert_string_equal(counts->key, "counts");
	for (size_t i = 0; i < counts->nrows; i++) {
		assert_null(strstr(cell_at(counts, i, 0)->text, "明细"));
		assert_null(strstr(cell_at(counts, i, 0)->text, "输入"));
	}
	g = counts->next;
	assert_non_null(g);
	assert_string_equal(g->title, "审批指标 · 按类型");
	assert_int_equal(g->nrows, 3);
	assert_true(g->totals);
	assert_string_equal(g->cols[0].label, "类型");
	assert_string_equal(cell_at(g, 0, 0)->text, "行政许可");
	assert_string_equal(cell_at(g, 1, 0)->text, "其他行政权力(备案)");
	assert_string_equal(cell_at(g, 2, 0)->text, "合计");
	matters = column_of(g, "catalogue.matters");
	assert_string_equal(g->cols[matters].label, "事项目录·事项");
	assert_int_equal(cell_at(g, 0, matters)->num, 6);
	assert_int_equal(cell_at(g, 2, matters)->num, 8);
	filing = column_of(g, "catalogue.by_type.filing");
	assert_string_equal(g->cols[filing].label,
	    "事项目录·按类型·其他行政权力(备案)");
	assert_true(cell_at(g, 0, filing)->empty);
	online = column_of(g, "online_rate");
	assert_string_equal(g->cols[online].label, "网上办实现率");
	assert_int_equal(g->cols[online].type, FZ_C_RATE);
	assert_string_equal(fz_table_cell_format(cell_at(g, 0, online), buf),
	    "100.00%");
	assert_true(cell_at(g, 1, online)->empty);
	/* the totals row has the document's own rates, means included */
	assert_string_equal(fz_table_cell_format(cell_at(g, 2,
	    column_of(g, "mean_workdays")), buf), "1.88");
	assert_null(g->next);
	fz_table_set_free(ts);
}

static void
test_draw_selections(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: draw\ntask: 2019-H2\n"
	    "selections:\n"
	    "  - entity: E1\n    name: 网吧甲\n    category: 网吧\n    town: 鼓楼\n"
	    "    stratum: 网吧\n    ticket: 0.0123\n"
	    "    team: [{id: P1, name: 张三, department: 文旅}, {id: P2, name: 李四, department: 公安}]\n"
	    "unfilled:\n  - {entity: E9, reason: no inspector left}\n");
	const fz_table *t = ts->docs[0], *u, *k, *b;
	size_t ticket;

	(void)state;
	/* The list: 序号 and what a notice shows, no id and no ticket. */
	assert_int_equal(t->ncols, 6);
	assert_string_equal(t->key, "selections");
	assert_string_equal(t->cols[0].label, "序号");
	assert_int_equal(cell_at(t, 0, 0)->num, 1);
	assert_string_equal(cell_at(t, 0, column_of(t, "team"))->text,
	    "张三(文旅)、李四(公安)");
	u = t->next;
	assert_non_null(u);
	assert_string_equal(u->title, "随机抽查 · 未能组队");
	assert_string_equal(u->key, "unfilled");
	assert_string_equal(u->cols[0].label, "编号");
	assert_true(u->cols[0].code);
	assert_string_equal(cell_at(u, 0, 1)->text, "no inspector left");
	/* The tickets: 序号, the id and the ticket, as code. */
	k = u->next;
	assert_string_equal(k->key, "tickets");
	ticket = column_of(k, "ticket");
	assert_string_equal(k->cols[ticket].label, "签号");
	assert_true(k->cols[ticket].code);
	assert_false(k->cols[0].code);
	/* a ticket is text: a number would lose its digits */
	assert_int_equal(cell_at(k, 0, ticket)->type, FZ_C_TEXT);
	assert_string_equal(cell_at(k, 0, ticket)->text, "0.0123");
	assert_string_equal(cell_at(k, 0, column_of(k, "entity"))->text, "E1");
	/* What it was drawn from. */
	b = k->next;
	assert_string_equal(b->key, "basis");
	assert_string_equal(cell_at(b, 0, 0)->text, "任务");
	assert_string_equal(cell_at(b, 0, 1)->text, "2019-H2");
	assert_null(b->next);
	fz_table_set_free(ts);
}

static void
test_records_union_of_keys(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: inspections\nrecords:\n"
	    "  - {date: 2019-03-05, entity: E1, inspectors: [P1, P2], result: violation}\n"
	    "  - {date: 2019-03-06, entity: '=cmd|x', inspectors: [P3], note: 夜间, result: ok}\n");
	const fz_table *t = ts->docs[0];
	const fz_table_cell *c;

	(void)state;
	assert_int_equal(t->nrows, 2);
	/* the keys left to their defaults come after the first record's,
	 * filled in: 日常, 否, 本局 */
	assert_int_equal(t->ncols, 8);
	assert_string_equal(t->cols[4].label, "类型");
	assert_string_equal(cell_at(t, 0, 4)->text, "日常");
	assert_string_equal(cell_at(t, 1, 5)->text, "否");
	assert_string_equal(t->cols[6].label, "上报方");
	assert_string_equal(cell_at(t, 1, 6)->text, "本局");
	assert_string_equal(t->cols[7].key, "note");
	assert_string_equal(t->cols[7].label, "note");
	assert_string_equal(t->cols[0].label, "日期");
	assert_int_equal(t->cols[0].type, FZ_C_DATE);
	c = cell_at(t, 0, 0);
	assert_int_equal(c->type, FZ_C_DATE);
	assert_int_equal(c->num, fz_date_make(2019, 3, 5));
	assert_string_equal(cell_at(t, 0, 2)->text, "P1、P2");
	assert_string_equal(cell_at(t, 0, 3)->text, "违规");
	assert_true(cell_at(t, 0, 7)->empty);
	c = cell_at(t, 1, 1);
	assert_int_equal(c->type, FZ_C_TEXT);
	assert_string_equal(c->text, "=cmd|x");
	assert_string_equal(cell_at(t, 1, 3)->text, "合格");
	fz_table_set_free(ts);
}

static void
test_records_by_document(void **state)
{
	fz_table_set *ts = tables_of(
	    "kind: cases\nrecords:\n  - {id: C1, filed: 2019-01-02, fine: 500}\n"
	    "---\nkind: cases\nrecords: []\n"
	    "---\nkind: cases\nrecords:\n  - {id: C2, filed: 2019-02-02}\n");

	(void)state;
	assert_int_equal(ts->ndocs, 3);
	assert_int_equal(ts->docs[0]->nrows, 1);
	assert_int_equal(ts->docs[1]->nrows, 0);
	assert_int_equal(ts->docs[2]->nrows, 1);
	assert_int_equal(cell_at(ts->docs[0], 0, 2)->type, FZ_C_MONEY);
	assert_int_equal(cell_at(ts->docs[0], 0, 2)->num, 50000);
	assert_string_equal(ts->docs[2]->name, "案件");
	fz_table_set_free(ts);
}

static void
test_any_mapping_key_values(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *doc = fz_node_map(a), *inner = fz_node_map(a);
	fz_node *list = fz_node_seq(a);
	fz_table_set *ts = fz_table_set_new();
	fz_error err = { 0 };
	fz_node *id = fz_node_scalar(a, "007", 3);
	const fz_table *t;

	(void)state;
	fz_node_put(a, inner, "count", fz_node_scalar(a, "42", 2));
	fz_node_push(a, list, fz_node_scalar(a, "甲", strlen("甲")));
	fz_node_push(a, list, fz_node_scalar(a, "乙", strlen("乙")));
	fz_node_put(a, inner, "names", list);
	fz_node_put(a, doc, "id", id);
	fz_node_put(a, doc, "town", inner);
	assert_int_equal(fz_table_set_add_doc(ts, doc, "x.yaml", &err), FZ_OK);
	t = ts->docs[0];
	assert_null(t->kind);
	assert_string_equal(t->name, "数据");
	assert_int_equal(t->nrows, 3);
	/* 007 keeps its zeros */
	assert_int_equal(cell_at(t, 0, 2)->type, FZ_C_TEXT);
	assert_string_equal(cell_at(t, 0, 2)->text, "007");
	assert_string_equal(cell_at(t, 1, 0)->text, "town.count");
	assert_string_equal(cell_at(t, 1, 1)->text, "镇(乡)街道·数量");
	assert_int_equal(cell_at(t, 1, 2)->num, 42);
	assert_string_equal(cell_at(t, 2, 1)->text, "镇(乡)街道·names");
	assert_string_equal(cell_at(t, 2, 2)->text, "甲、乙");
	fz_table_set_free(ts);
	fz_arena_free(a);
}

static void
test_bad_shapes(void **state)
{
	fz_table_set *ts;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(tables_try("kind: tally\nby: [month]\nrows: 3\n", &ts,
	    &err), FZ_DATAERR);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 7);
	assert_non_null(strstr(err.msg, "rows: expected a list"));
	fz_table_set_free(ts);
	assert_int_equal(tables_try("kind: draw\nselections: [1]\n", &ts, &err),
	    FZ_DATAERR);
	assert_non_null(strstr(err.msg, "selections: expected a mapping"));
	fz_table_set_free(ts);
}

static void
test_ratio_format(void **state)
{
	char buf[48];

	(void)state;
	assert_string_equal(fz_table_ratio_format(1, 3, 2, 1, buf), "33.33%");
	assert_string_equal(fz_table_ratio_format(2, 3, 2, 1, buf), "66.67%");
	assert_string_equal(fz_table_ratio_format(1, 800, 2, 1, buf), "0.13%");
	assert_string_equal(fz_table_ratio_format(107, 107, 2, 1, buf), "100.00%");
	assert_string_equal(fz_table_ratio_format(-1, 3, 2, 1, buf), "-33.33%");
	assert_string_equal(fz_table_ratio_format(1, -3, 1, 0, buf), "-0.3");
	assert_string_equal(fz_table_ratio_format(17, 2, 2, 0, buf), "8.50");
	assert_string_equal(fz_table_ratio_format(5, 2, 0, 0, buf), "3");
	assert_string_equal(fz_table_ratio_format(-1, 1000, 2, 0, buf), "0.00");
}

static void
test_cell_format(void **state)
{
	char buf[48];
	fz_table_cell money = { .type = FZ_C_MONEY, .num = 125050 };
	fz_table_cell date = { .type = FZ_C_DATE, .num = fz_date_make(2019, 3, 5) };
	fz_table_cell neg = { .type = FZ_C_INT, .num = -5 };
	fz_table_cell none = { .type = FZ_C_INT, .empty = 1 };
	fz_table_cell over0 = { .type = FZ_C_RATE, .num = 1, .den = 0 };

	(void)state;
	assert_string_equal(fz_table_cell_format(&money, buf), "1250.50");
	assert_string_equal(fz_table_cell_format(&date, buf), "2019-03-05");
	assert_string_equal(fz_table_cell_format(&neg, buf), "-5");
	assert_string_equal(fz_table_cell_format(&none, buf), "");
	assert_string_equal(fz_table_cell_format(&over0, buf), "");
}

/* A grid's number column: whole numbers, decimals and percents of two
 * places as numbers of their value; anything else, as a place to write
 * or a decimal of one place, its text. */
static void
test_grid_cells(void **state)
{
	static const char *const heads[] = { "项目", "#数量", NULL };
	static const char *const cells[] = { "a", "27", "b", "12.62", "c",
		"-0.50", "d", "40.00%", "e", "待填写", "f", "1.5", "g", "" };
	fz_table_set *ts = fz_table_set_new();
	const fz_table *t = fz_table_set_add_grid(ts, "表一", "表一", heads,
	    cells, 7, 1);
	char buf[64];

	(void)state;
	assert_int_equal(ts->ndocs, 1);
	assert_int_equal(t->nrows, 7);
	assert_int_equal(t->rows[0].cells[1].type, FZ_C_INT);
	assert_int_equal(t->rows[0].cells[1].num, 27);
	assert_int_equal(t->rows[1].cells[1].type, FZ_C_MONEY);
	assert_int_equal(t->rows[1].cells[1].num, 1262);
	assert_int_equal(t->rows[2].cells[1].num, -50);
	assert_int_equal(t->rows[3].cells[1].type, FZ_C_RATE);
	assert_string_equal(fz_table_cell_format(&t->rows[3].cells[1], buf),
	    "40.00%");
	assert_int_equal(t->rows[4].cells[1].type, FZ_C_TEXT);
	assert_string_equal(t->rows[4].cells[1].text, "待填写");
	assert_int_equal(t->rows[5].cells[1].type, FZ_C_TEXT);
	assert_int_equal(t->rows[6].cells[1].type, FZ_C_TEXT);
	assert_string_equal(t->cols[1].label, "数量");
	fz_table_set_free(ts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally_columns),
		cmocka_unit_test(test_tally_cells_and_totals),
		cmocka_unit_test(test_tally_words_and_no_totals),
		cmocka_unit_test(test_tally_parts),
		cmocka_unit_test(test_metrics_rates_and_counts),
		cmocka_unit_test(test_metrics_by_groups),
		cmocka_unit_test(test_draw_selections),
		cmocka_unit_test(test_records_union_of_keys),
		cmocka_unit_test(test_records_by_document),
		cmocka_unit_test(test_any_mapping_key_values),
		cmocka_unit_test(test_bad_shapes),
		cmocka_unit_test(test_ratio_format),
		cmocka_unit_test(test_cell_format),
		cmocka_unit_test(test_grid_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
