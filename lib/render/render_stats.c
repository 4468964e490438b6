/* render_stats.c - the tables of the yearly enforcement statistics
 * (行政执法统计年报, 国办发〔2018〕118号), for -t statistics: penalties by
 * kind (a case once under its heaviest, as the tally counts it), 罚没金额
 * in 万元, licences, inspections, coercive measures, complaints and the
 * 持证率, from what the context holds: the first tally, tally_by, the
 * first metrics document and certificates (render_certs.c).  A figure
 * the inputs do not give is a place to write, never a 0; a figure is
 * never put under a label meaning something else (the applications of
 * the catalogue's every matter are not called licences). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* The text of a place to write in a cell. */
#define TODO "待填写"

static const char *const heads[] = { "项目", "单位", "#数量", "说明",
	NULL };

/* The node at the dotted path under n, or NULL. */
static const fz_node *
at(const fz_node *n, const char *path)
{
	char key[64];

	while (n != NULL && *path != '\0') {
		size_t len = strcspn(path, ".");

		if (len >= sizeof key || n->type != FZ_MAP)
			return NULL;
		memcpy(key, path, len);
		key[len] = '\0';
		n = fz_node_get(n, key);
		path += len + (path[len] == '.');
	}
	return n;
}

/* The text of a scalar, NULL when n is none. */
static const char *
text(const fz_node *n)
{
	return n != NULL && n->type == FZ_SCALAR && !fz_node_is_null(n) ?
	    n->str : NULL;
}

/* A row: item, unit, the value (NULL: a place to write), a note. */
static void
row(fz_arena *a, fz_node *t, const char *item, const char *unit,
    const char *value, const char *note)
{
	fz_node *cells = fz_node_seq(a);

	fz_node_push(a, cells, fz_render__cell(a, item, 0, 0));
	fz_node_push(a, cells, fz_render__cell(a, unit, 0, 0));
	fz_node_push(a, cells, fz_render__cell(a, value != NULL ? value :
	    TODO, value != NULL, 0));
	fz_node_push(a, cells, fz_render__cell(a, note, 0, 0));
	fz_render__table_row_add(a, t, cells);
}

/* The count under key of a breakdown that lists only what occurred (a
 * metrics by_outcome, a tally_by group): "0" when the breakdown is there
 * without it, NULL when the breakdown itself is not. */
static const char *
count_in(const fz_node *breakdown, const char *path)
{
	const char *v;

	if (breakdown == NULL || breakdown->type != FZ_MAP)
		return NULL;
	v = text(at(breakdown, path));
	return v != NULL ? v : "0";
}

static fz_node *
penalties(fz_arena *a, const fz_node *tally)
{
	static const char *const kinds[][2] = {
		{ "penalty_revocation", "其中：吊销许可证件" },
		{ "penalty_suspension", "　　　责令停产停业" },
		{ "penalty_confiscation", "　　　没收违法所得、非法财物" },
		{ "penalty_fine", "　　　罚款" },
		{ "penalty_warning", "　　　警告" } };
	/* A tally of inspections alone writes its case figures as 0: they
	 * are figures only when cases were read. */
	int cases = text(at(tally, "inputs.cases")) != NULL;
	const fz_node *tot = cases ? at(tally, "totals") : NULL;
	fz_node *t = fz_render__table_new(a, heads, "表一　行政处罚");
	int given = text(at(tot, "penalized")) != NULL;
	const char *why = tally == NULL ? "需 fazhi-tally 的统计（含案件）" :
	    !cases ? "第一个统计未读案件（cases）" :
	    "此统计早于处罚种类的统计：请重新统计";
	char note[160], buf[64];
	int64_t fen;

	row(a, t, "作出行政处罚决定", "件", text(at(tot, "penalized")),
	    given ? "一案多种处罚只计一件，计入其最重的一种" : why);
	for (size_t i = 0; i < 5; i++)
		row(a, t, kinds[i][1], "件", text(at(tot, kinds[i][0])),
		    given ? "" : why);
	if (text(at(tot, "fines")) == NULL || fz_money_parse(at(tot,
	    "fines")->str, at(tot, "fines")->len, &fen) != 0) {
		row(a, t, "罚没金额", "万元", NULL, why);
		return t;
	}
	snprintf(note, sizeof note, "%s元，四舍五入到0.01万元",
	    fz_table_ratio_format(fen, 100, 2, 0, buf));
	row(a, t, "罚没金额", "万元", fz_table_ratio_format(fen, 1000000, 2, 0,
	    buf), note);
	return t;
}

static fz_node *
licences(fz_arena *a, const fz_node *metrics)
{
	const fz_node *apps = at(metrics, "applications");
	const fz_node *outcome = at(apps, "by_outcome");
	const char *licensing = text(at(metrics, "catalogue.by_type.licensing"));
	fz_node *t = fz_render__table_new(a, heads, "表二　行政许可（审批）");
	const char *none = "办件登记不记", *why = "需 fazhi-metrics 的统计";
	char note[160];

	snprintf(note, sizeof note, "事项目录全部办事项的办件%s%s%s",
	    licensing != NULL ? "（含行政许可事项" : "（不只行政许可",
	    licensing != NULL ? licensing : "", licensing != NULL ? "项）" :
	    "）");
	row(a, t, "申请", "件", NULL, metrics != NULL ? none : why);
	row(a, t, "受理", "件", text(at(apps, "received")), apps != NULL ?
	    note : why);
	row(a, t, "准予", "件", count_in(outcome, "approved"), outcome !=
	    NULL ? "办结中准予" : why);
	row(a, t, "不予许可", "件", count_in(outcome, "rejected"), outcome !=
	    NULL ? "办结中不予批准" : why);
	row(a, t, "撤销、吊销许可", "件", NULL, metrics != NULL ? none : why);
	return t;
}

static fz_node *
inspections(fz_arena *a, const fz_node *root)
{
	const fz_node *bureau = at(root, "tally_by.reported_by.bureau");
	const fz_node *type = at(root, "tally_by.type");
	fz_node *t = fz_render__table_new(a, heads, "表三　行政检查");
	const char *why = "需 fazhi-tally --by type 的统计";

	row(a, t, "检查单位", "家次", text(at(bureau, "visits")), bureau !=
	    NULL ? "本局，不含镇街上报" : "需 fazhi-tally 的统计");
	row(a, t, "出动检查", "人次", text(at(bureau, "person_times")), bureau
	    != NULL ? "本局" : "需 fazhi-tally 的统计");
	row(a, t, "其中：“双随机”抽查", "家次", count_in(type, "random.visits"),
	    type != NULL ? "type: random" : why);
	row(a, t, "　　　联合检查", "次", count_in(type, "joint.outings"),
	    type != NULL ? "type: joint，出动次数" : why);
	row(a, t, "　　　联合检查", "家次", count_in(type, "joint.visits"),
	    type != NULL ? "type: joint" : why);
	return t;
}

static fz_node *
coercion(fz_arena *a)
{
	fz_node *t = fz_render__table_new(a, heads, "表四　行政强制");

	row(a, t, "行政强制措施（查封、扣押）", "件", NULL,
	    "案件登记不记");
	return t;
}

static fz_node *
complaints(fz_arena *a, const fz_node *tally)
{
	const fz_node *tot = at(tally, "complaints.totals");
	fz_node *t = fz_render__table_new(a, heads, "表五　投诉举报");
	const char *why = "需含举报登记的 fazhi-tally 统计";

	row(a, t, "收到投诉举报", "件", text(at(tot, "received")), tot != NULL ?
	    "按收到之日计" : why);
	row(a, t, "其中：受理", "件", text(at(tot, "accepted")), tot != NULL ?
	    "" : why);
	row(a, t, "　　　办结", "件", text(at(tot, "handled")), tot == NULL ?
	    why : text(at(tot, "handled")) == NULL ? "统计早于此项：请重新统计" :
	    "不予受理，或已核查、移送");
	return t;
}

/* A roster of several departments (the officers of joint checks beside
 * the bureau's): the rate of each (the staff, without rates), so that
 * the bureau's own is read. */
static void
by_department(fz_arena *a, fz_node *t, const fz_node *deps, int rates)
{
	char item[160], note[160];

	for (size_t i = 0; deps != NULL && deps->n > 1 && i < deps->n; i++) {
		const fz_node *d = deps->kids[i];
		const char *name = text(at(d, "department"));

		snprintf(item, sizeof item, "%s%s", i == 0 ? "其中：" :
		    "　　　", name != NULL ? name : "未填部门");
		if (!rates) {
			row(a, t, item, "人", text(at(d, "staff")), "");
			continue;
		}
		snprintf(note, sizeof note, "%s/%s", text(at(d,
		    "rate.numerator")), text(at(d, "rate.denominator")));
		row(a, t, item, "%", text(at(d, "rate.percent")), note);
	}
}

static fz_node *
certificates(fz_arena *a, const fz_node *root)
{
	const fz_node *c = at(root, "certificates");
	fz_node *t = fz_render__table_new(a, heads, "表六　执法人员持证");
	const fz_node *roster = at(root, "roster_staff");
	const char *staff = text(at(roster, "staff"));
	const char *why = staff != NULL ? "名录未登记任何人的执法证（cert_no、"
	    "cert_expires），持证人数须据实填写" : "需执法人员名录（inspectors）";
	const char *on = text(at(c, "on")), *undated = text(at(c, "undated"));
	char note[200];

	if (c == NULL && staff != NULL) {
		row(a, t, "在岗执法人员", "人", staff, "名录中在岗的");
		by_department(a, t, at(roster, "by_department"), 0);
		row(a, t, "持有效执法证", "人", NULL, why);
		row(a, t, "持证率", "%", NULL, why);
		return t;
	}

	snprintf(note, sizeof note, "期末%s有效%s%s%s", on != NULL ? on : "",
	    undated != NULL && strcmp(undated, "0") ? "；另" : "",
	    undated != NULL && strcmp(undated, "0") ? undated : "",
	    undated != NULL && strcmp(undated, "0") ? "人证件无有效期，未计" :
	    "");
	row(a, t, "在岗执法人员", "人", text(at(c, "staff")), c != NULL ?
	    "名录中在岗的" : why);
	row(a, t, "持有效执法证", "人", text(at(c, "holding")), c != NULL ?
	    note : why);
	snprintf(note, sizeof note, "%s/%s，四舍五入",
	    c != NULL ? text(at(c, "rate.numerator")) : "",
	    c != NULL ? text(at(c, "rate.denominator")) : "");
	row(a, t, "持证率", "%", text(at(c, "rate.percent")), c != NULL ?
	    note : why);
	by_department(a, t, at(c, "by_department"), 1);
	return t;
}

void
fz_render__statistics(fz_render_ctx *c, fz_node *root)
{
	fz_arena *a = c->a;
	const fz_node *tally = at(root, "tally"), *metrics = at(root,
	    "metrics");
	fz_node *m = fz_node_map(a), *tables = fz_node_seq(a);

	fz_node_push(a, tables, penalties(a, tally));
	fz_node_push(a, tables, licences(a, metrics));
	fz_node_push(a, tables, inspections(a, root));
	fz_node_push(a, tables, coercion(a));
	fz_node_push(a, tables, complaints(a, tally));
	fz_node_push(a, tables, certificates(a, root));
	fz_render__list_flags(a, tables);
	fz_node_put(a, m, "tables", tables);
	fz_render__add(a, root, "statistics", m);
}

/* The text at path of root, else a place to write of what. */
static const char *
or_todo(const fz_node *root, const char *path, const char *what, char *buf,
    size_t size)
{
	const char *v = text(at(root, path));

	if (v != NULL)
		return v;
	snprintf(buf, size, "【%s：%s】", TODO, what);
	return buf;
}

/* The yearbook's title and its closing lines (who files it and when),
 * as the md, html and docx have them, for each sheet of the workbook. */
static void
frame(fz_table_set *ts, fz_table *t, const fz_node *root)
{
	const char *name = text(at(root, "organization.name"));
	const char *period = text(at(root, "tally.period"));
	char title[400], foot[1200], b1[64], b2[64], b3[64], b4[64];

	if (period == NULL)
		period = text(at(root, "metrics.period"));
	snprintf(title, sizeof title, "%s%s行政执法统计年报", name != NULL ?
	    name : "", period != NULL ? period : "");
	snprintf(foot, sizeof foot, "填报单位（盖章）：%s\n单位负责人：%s　　"
	    "填报人：【%s：填报人】\n联系电话：%s\n填报日期：%s",
	    or_todo(root, "organization.name", "单位名称", b1, sizeof b1),
	    or_todo(root, "organization.leader", "单位负责人", b2, sizeof b2),
	    TODO, or_todo(root, "organization.phone", "联系电话", b3,
	    sizeof b3), or_todo(root, "signed_cn", "填报日期", b4, sizeof b4));
	fz_table_frame(ts, t, title, foot);
}

/* One table of the statistics (a table node of the context, made with
 * heads) as a grid of ts, framed as the yearbook. */
static void
grid_of(fz_table_set *ts, const fz_node *root, const fz_node *t,
    int new_doc)
{
	const size_t ncols = sizeof heads / sizeof heads[0] - 1;
	const fz_node *rows = fz_node_get(t, "rows");
	const char **cells = fz_xcalloc(rows->n * ncols + 1, sizeof *cells);
	const char *caption = text(fz_node_get(t, "caption"));

	for (size_t r = 0; r < rows->n; r++) {
		const fz_node *cs = fz_node_get(rows->kids[r], "cells");

		for (size_t i = 0; i < ncols; i++)
			cells[r * ncols + i] = text(fz_node_get(cs->kids[i],
			    "text")) != NULL ? text(fz_node_get(cs->kids[i],
			    "text")) : "";
	}
	frame(ts, fz_table_set_add_grid(ts, caption, caption, heads, cells,
	    rows->n, new_doc), root);
	free(cells);
}

void
fz_render__statistics_grids(const fz_node *root, fz_table_set *ts)
{
	const fz_node *tables = at(root, "statistics.tables");

	for (size_t i = 0; tables != NULL && i < tables->n; i++)
		grid_of(ts, root, tables->kids[i], i == 0);
}
