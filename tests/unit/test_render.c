/* test_render.c - the render context and its helpers (documents under
 * their kind, lists, merging, percent, yuan, Chinese words, dates,
 * counts, tally columns and charts, draw teams, tables), the labels, and
 * templates on disk (built-ins, widgets, partials refused, --list and
 * --dump).  Values are read back through templates, as users read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fazhi.h"

/* A context from YAML text, read through a scratch file as
 * fazhi-render reads its inputs; with lazy, as it reads them to render
 * a template: lazy, and the nodes as the stream kept them. */
static fz_render_ctx *
context_of(const char *yaml, int lazy)
{
	char path[] = "/tmp/test_render_XXXXXX";
	char *paths[1] = { path };
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	fz_render_ctx *c = fz_render_ctx_new();
	fz_stream *s;
	fz_event ev;
	fz_error err = { 0 };
	int rc;

	assert_non_null(fp);
	fputs(yaml, fp);
	fclose(fp);
	if (lazy) {
		fz_render_ctx_lazy(c);
		fz_render_ctx_share(c);
	}
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND |
	    (lazy ? FZ_STREAM_KEEP | FZ_STREAM_SHARE_KEYS : 0));
	while ((rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		assert_int_equal(fz_render_ctx_add_event(c, &ev, &err), FZ_OK);
	assert_int_equal(rc, 0);
	if (lazy)
		fz_render_ctx_hold(c, fz_stream_take_arena(s));
	fz_stream_close(s);
	unlink(path);
	return c;
}

/* What t renders over a lazy context of yaml through
 * fz_render_ctx_render, whole or straight, into out. */
static void
render_lazy(const char *yaml, fz_render_template *t, int whole,
    fz_buf *out)
{
	fz_render_ctx *c = context_of(yaml, 1);
	FILE *fp = tmpfile();
	fz_error err = { 0 };
	char buf[4096];
	size_t n;

	assert_non_null(fp);
	assert_int_equal(fz_render_ctx_render(c, t, FZ_ESCAPE_NONE, fp, whole,
	    &err), FZ_OK);
	rewind(fp);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		fz_buf_add(out, buf, n);
	fz_buf_add(out, "", 0);
	fclose(fp);
	fz_render_ctx_free(c);
}

/* What tpl renders over the context of yaml: the same with every item's
 * helpers added at once and made lazily as the template comes to them. */
static void
assert_context(const char *yaml, const char *tpl, const char *want)
{
	fz_render_ctx *c = context_of(yaml, 0);
	fz_render_template *t = NULL;
	fz_error err = { 0 };
	fz_buf out = { 0 };

	assert_int_equal(fz_render_template_parse("t", tpl, strlen(tpl), &t, &err),
	    FZ_OK);
	assert_int_equal(fz_render_template_render(t, fz_render_ctx_root(c),
	    FZ_ESCAPE_NONE, &out, &err), FZ_OK);
	assert_string_equal(out.data != NULL ? out.data : "", want);
	for (int whole = 0; whole <= 1; whole++) {
		fz_buf lazy = { 0 };
		render_lazy(yaml, t, whole, &lazy);
		assert_string_equal(lazy.data != NULL ? lazy.data : "", want);
		fz_buf_free(&lazy);
	}
	fz_buf_free(&out);
	fz_render_template_free(t);
	fz_render_ctx_free(c);
}

static const char tally_by_month[] =
    "kind: tally\nfrom: 2019-01-01\nto: 2019-12-31\nby: [month]\n"
    "rows:\n"
    "- {month: 2019-01, visits: 40, violations: 0, fines: 0}\n"
    "- {month: 2019-02, visits: 25, violations: 3, fines: 1250.50}\n"
    "- {month: 2019-03, visits: 13, violations: 1, fines: 5000}\n"
    "totals: {visits: 78, violations: 4, fines: 6250.50}\n";

static void
kinds_lists_and_merging(void **state)
{
	const char *yaml = "title: first\norg: A\n---\nkind: tally\n"
	    "from: 2019-03-01\nto: 2019-03-31\nby: []\nrows: []\n"
	    "totals: {visits: 1}\n---\nkind: tally\nfrom: 2019-01-01\n"
	    "to: 2019-12-31\nby: []\nrows: []\ntotals: {visits: 2}\n"
	    "---\norg: B\ntally: shadowed\n";

	(void)state;
	/* The first of a kind under its name, all in KIND_list. */
	assert_context(yaml, "{{tally.totals.visits}} {{tally_list_count}}"
	    "{{#tally_list}} {{index}}:{{totals.visits}}{{/tally_list}} "
	    "{{documents_count}}", "1 2 1:1 2:2 4");
	/* Documents without kind merge at the top, later keys winning; a
	 * kind's name wins over them. */
	assert_context(yaml, "{{title}} {{org}} {{tally.kind}}",
	    "first B tally");
	/* period and year of from and to; year at the top from the first. */
	assert_context(yaml, "{{#tally_list}}{{period}}|{{/tally_list}}"
	    "{{year}} {{kind_label}}{{tally.kind_label}}",
	    "2019年3月|2019年|2019 执法统计");
	/* The second spans two years: its year comes from the top. */
	assert_context("kind: tally\nfrom: 2019-04-01\nto: 2019-06-30\n"
	    "by: []\nrows: []\n---\nkind: tally\nfrom: 2019-03-05\n"
	    "to: 2020-01-08\nby: []\nrows: []\n",
	    "{{#tally_list}}{{period}}|{{year}}|{{/tally_list}}",
	    "2019年第2季度|2019|2019年3月5日至2020年1月8日|2019|");
}

static void
rates_percent_and_mean(void **state)
{
	const char *yaml = "kind: metrics\nrates:\n"
	    "- {key: online_rate, numerator: 107, denominator: 107}\n"
	    "- {key: zero_trip_rate, label: 跑零次, numerator: 2, "
	    "denominator: 3}\n"
	    "- {key: instant_rate, numerator: 1, denominator: 8}\n"
	    "- {key: e_license_rate, numerator: 0, denominator: 0}\n"
	    "- {key: satisfaction, numerator: 28, denominator: 3}\n"
	    "- {key: mean_workdays, numerator: 30, denominator: 3}\n";

	(void)state;
	assert_context(yaml, "{{#metrics.rates}}{{label}} {{percent}}"
	    "{{mean}} {{bar}}|{{/metrics.rates}}",
	    "网上办实现率 100% 100|跑零次 66.67% 67|即办事项比例 12.50% 13|"
	    "办理结果提供电子证照实现率  |满意度 9.33 |"
	    "平均办理时间(工作日) 10 |");
	/* A list of mappings with key: is also a mapping by key. */
	assert_context(yaml, "{{metrics.rates_by_key.zero_trip_rate.percent}}"
	    "{{^metrics.rates_by_key.e_license_rate.percent}} none"
	    "{{/metrics.rates_by_key.e_license_rate.percent}}",
	    "66.67% none");
}

static void
money_words_dates_counts(void **state)
{
	const char *yaml = "kind: cases\nrecords:\n"
	    "- {id: C1, filed: 2019-03-05, fine: 1250.5, penalty: [warning, "
	    "fine], source: town_lead}\n"
	    "- {id: C2, filed: 2019-04-01, fine: 5000, penalty: none}\n";

	(void)state;
	assert_context(yaml, "{{#cases.records}}{{id}} {{fine_yuan}} "
	    "{{fine_wan}} {{penalty_label}} {{source_label}} {{filed_cn}} "
	    "{{#first}}first{{/first}}{{#last}}last{{/last}}|"
	    "{{/cases.records}}{{cases.records_count}}",
	    "C1 1250.50 0.13 警告、罚款 镇街线索 2019年3月5日 first|"
	    "C2 5000.00 0.50 不予处罚  2019年4月1日 last|2");
	/* Money is a number: 0 is falsey; its text is KEY_yuan. */
	assert_context("kind: tally\nby: []\nrows: []\n"
	    "totals: {fines: 0, visits: 0}\n", "{{#tally.totals}}"
	    "[{{#fines}}fined{{/fines}}{{fines_yuan}}]{{/tally.totals}}",
	    "[0.00]");
}

static void
tally_helpers(void **state)
{
	(void)state;
	assert_context(tally_by_month, "{{#tally.columns}}{{label}} "
	    "{{/tally.columns}}|{{#tally.groups}}{{label}}{{/tally.groups}}",
	    "检查单位家次 违规家次 罚没款 |月份");
	assert_context(tally_by_month, "{{#tally.rows}}{{month_cn}}:"
	    "{{#cells}}{{value}}{{value_yuan}},{{/cells}} {{/tally.rows}}",
	    "2019年1月:40,0,00.00, 2019年2月:25,3,1250.51250.50, "
	    "2019年3月:13,1,50005000.00, ");
	/* A chart per indicator that is not always 0, bars against the
	 * largest, money in yuan. */
	assert_context(tally_by_month, "{{#tally.charts}}{{key}}:{{#bars}}"
	    "{{group}}={{bar}}/{{value}} {{/bars}}|{{/tally.charts}}",
	    "visits:2019-01=100/40 2019-02=63/25 2019-03=33/13 |"
	    "violations:2019-01=0/0 2019-02=100/3 2019-03=33/1 |"
	    "fines:2019-01=0/0.00 2019-02=25/1250.50 2019-03=100/5000.00 |");
	/* tally_by: the rows of a tally by one key, by their value. */
	assert_context(tally_by_month, "{{tally_by.month.2019-02.visits}} "
	    "{{#tally.totals_items}}{{label}}={{value}}{{value_yuan}} "
	    "{{/tally.totals_items}}",
	    "25 检查单位家次=78 违规家次=4 罚没款=6250.56250.50 ");
	/* No charts without a period key; group words of enumerations. */
	assert_context("kind: tally\nby: [type, town]\nrows:\n"
	    "- {type: joint, town: 月湖街道, visits: 2}\n",
	    "{{#tally.charts}}chart{{/tally.charts}}{{#tally.rows}}{{group}}"
	    "{{/tally.rows}}", "联合 月湖街道");
}

static void
draw_teams_and_tables(void **state)
{
	const char *yaml = "kind: draw\ntask: T\ninputs:\n"
	    "  entities: {records: 3, digest: ab}\nselections:\n"
	    "- {entity: E1, name: 甲, team: [{id: P1, name: 张}, "
	    "{id: P2, name: 李}]}\n"
	    "- {entity: E2, name: 乙, team: [{id: P3, name: 王}, "
	    "{id: P1, name: 张}]}\n"
	    "- {entity: E3, name: 丙, team: [{id: P1, name: 张}, "
	    "{id: P2, name: 李}]}\n";

	(void)state;
	assert_context(yaml, "{{#draw.teams}}{{index}}:{{#members}}{{name}}"
	    "{{/members}}={{#selections}}{{index}}{{name}}{{/selections}} "
	    "{{/draw.teams}}", "1:张李=1甲2丙 2:王张=1乙 ");
	assert_context(yaml, "{{#draw.inputs_items}}{{label}} {{records}}"
	    "{{/draw.inputs_items}}", "检查对象名录 3");
	/* The tables CSV and xlsx show, with Chinese heads. */
	assert_context(yaml, "{{#draw.tables}}{{#first}}{{#head}}{{text}}"
	    "{{^last}},{{/last}}{{/head}}/{{rows_count}}{{/first}}"
	    "{{/draw.tables}}", "序号,名称,类别,镇(乡)街道,分层,检查组/3");
	/* Each table by its key; ids and tickets are code, set apart. */
	assert_context(yaml, "{{#draw.tables_by_key.tickets}}{{#head}}{{text}}"
	    "{{^last}},{{/last}}{{/head}}:{{#rows}}{{#cells}}{{#code}}[{{/code}}"
	    "{{text}}{{#code}}]{{/code}}{{/cells}} {{/rows}}"
	    "{{/draw.tables_by_key.tickets}}", "序号,编号,签号:1[E1][] "
	    "2[E2][] 3[E3][] ");
	assert_context(yaml, "{{#draw.tables_by_key.basis}}{{#rows}}{{#cells}}"
	    "{{text}};{{/cells}}{{/rows}}{{/draw.tables_by_key.basis}}",
	    "任务;T;检查对象名录库（3条）摘要;ab;");
}

static void
records_gathered_into_their_document(void **state)
{
	(void)state;
	assert_context("kind: inspections\nrecords:\n- {date: 2019-03-01, "
	    "entity: E1, inspectors: [P1], result: violation}\n"
	    "- {date: 2019-03-02, entity: E2, inspectors: [P1]}\n",
	    "{{inspections.records_count}}{{#inspections.records}} "
	    "{{entity}}{{result_label}}{{/inspections.records}}",
	    "2 E1违规 E2");
}

static void
labels(void **state)
{
	const char *key, *label, *prev = "";
	size_t n = 0;

	(void)state;
	assert_string_equal(fz_label("person_times"), "出动检查人次");
	assert_string_equal(fz_label("visits"), "检查单位家次");
	assert_string_equal(fz_label("units"), "检查单位家数");
	assert_string_equal(fz_label("fines"), "罚没款");
	assert_null(fz_label("no_such_key"));
	assert_string_equal(fz_value_label("type", "joint"), "联合");
	assert_string_equal(fz_value_label("type", "licensing"), "行政许可");
	assert_string_equal(fz_value_label("result", "违规"), "违规");
	assert_null(fz_value_label("type", "nothing"));
	while ((key = fz_label_at(n, &label)) != NULL) {
		assert_true(strcmp(prev, key) < 0);
		assert_non_null(label);
		prev = key;
		n++;
	}
	assert_true(n > 100);
	assert_true(fz_rate_is_mean("satisfaction"));
	assert_false(fz_rate_is_mean("online_rate"));
}

/* ------------------------------------------------------ templates on disk */

static char root[64];

static void
put_file(const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", root, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* root/builtin with two built-ins and an md widget; root/own with a
 * template of the user's and its own partial. */
static int
setup_files(void **state)
{
	char dir[128];

	(void)state;
	snprintf(root, sizeof root, "/tmp/test_render_files_XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	snprintf(dir, sizeof dir, "%s/builtin", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/builtin/md", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/own", root);
	mkdir(dir, 0755);
	put_file("builtin/report.mustache", "{{! report: the report }}\n"
	    "[{{>part}}|{{>w}}]\n");
	put_file("builtin/blank.mustache", "no description\n");
	put_file("builtin/notes.txt", "not a template\n");
	put_file("builtin/part.mustache", "built-in part");
	put_file("builtin/md/w.mustache", "md widget");
	put_file("own/t.mustache", "{{>part}}/{{>w}}/{{>missing}}/{{>report}}");
	put_file("own/part.mustache", "own part");
	put_file("own/bad.mustache", "x\n  {{>../builtin/part}}");
	return 0;
}

static int
teardown_files(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

/* What which renders (over nothing) in format md, or its error. */
static int
render_file(const char *which, const char *format, char *buf, size_t size)
{
	char builtin[128], path[256];
	fz_render_template *t = NULL;
	fz_error err = { 0 };
	fz_buf out = { 0 };
	int rc;

	snprintf(builtin, sizeof builtin, "%s/builtin", root);
	snprintf(path, sizeof path, "%s/%s", root, which);
	rc = fz_render_template_open(builtin, format, strchr(which, '/') ? path :
	    which, &t, &err);
	if (rc == FZ_OK)
		rc = fz_render_template_render(t, NULL, FZ_ESCAPE_NONE, &out, &err);
	if (rc == FZ_OK)
		snprintf(buf, size, "%s", out.data ? out.data : "");
	else
		fz_error_format(&err, buf, size);
	fz_buf_free(&out);
	fz_render_template_free(t);
	return rc;
}

static void
builtins_widgets_and_partials(void **state)
{
	char buf[512], want[512];

	(void)state;
	assert_int_equal(render_file("report", "md", buf, sizeof buf), FZ_OK);
	assert_string_equal(buf, "[built-in part|md widget]\n");
	/* Beside the template first, then the format's widgets, then the
	 * built-ins; a missing partial is nothing. */
	assert_int_equal(render_file("own/t.mustache", "md", buf, sizeof buf),
	    FZ_OK);
	assert_string_equal(buf, "own part/md widget//[own part|md widget]\n");
	assert_int_equal(render_file("own/t.mustache", "html", buf,
	    sizeof buf), FZ_OK);
	assert_string_equal(buf, "own part///[own part|]\n");
	/* A partial leaving the folder is refused at its tag. */
	assert_int_equal(render_file("own/bad.mustache", "md", buf,
	    sizeof buf), FZ_DATAERR);
	snprintf(want, sizeof want, "%s/own/bad.mustache:2:3: partial "
	    "'../builtin/part' is not a name in the template's folder", root);
	assert_string_equal(buf, want);
	assert_int_equal(render_file("nothing", "md", buf, sizeof buf),
	    FZ_USAGE);
	assert_string_equal(buf, "no built-in template 'nothing' (--list "
	    "names them)");
	assert_int_equal(render_file("report", "pdf", buf, sizeof buf),
	    FZ_USAGE);
	assert_int_equal(render_file("own/none.mustache", "md", buf,
	    sizeof buf), FZ_NOINPUT);
}

static void
list_and_dump(void **state)
{
	char builtin[128];
	fz_buf out = { 0 };
	fz_error err = { 0 };

	(void)state;
	snprintf(builtin, sizeof builtin, "%s/builtin", root);
	assert_int_equal(fz_render_templates_list(builtin, &out, &err), FZ_OK);
	assert_string_equal(out.data, "blank\t\npart\t\nreport\tthe report\n");
	fz_buf_free(&out);
	assert_int_equal(fz_render_template_dump(builtin, "md/w", &out, &err), FZ_OK);
	assert_string_equal(out.data, "md widget");
	fz_buf_free(&out);
	assert_int_equal(fz_render_template_dump(builtin, "pdf/w", &out, &err),
	    FZ_USAGE);
	assert_int_equal(fz_render_template_dump(builtin, "../own/t", &out, &err),
	    FZ_USAGE);
	assert_int_equal(fz_render_template_dump(builtin, "md/../part", &out, &err),
	    FZ_USAGE);
	assert_null(out.data);
}

static const char venues_yaml[] =
    "kind: entities\nversion: 1\nrecords:\n"
    "- {id: E1, name: 甲, town: 月湖街道}\n"
    "- {id: E2, name: 乙, town: 西门街道}\n"
    "---\nkind: inspectors\nversion: 1\nrecords:\n"
    "- {id: P1, name: 张明, department: 文旅}\n"
    "---\nkind: inspections\nversion: 1\nrecords:\n"
    "- {date: 2019-03-02, entity: E1, inspectors: [P1, P2]}\n"
    "- {date: 2019-01-15, entity: E1, inspectors: [P1], result: violation}\n"
    "- {date: 2019-01-15, entity: E9, inspectors: [P1]}\n"
    "- {date: 2019-02-01, entity: E1, inspectors: [P2]}\n"
    "---\nkind: cases\nversion: 1\nrecords:\n"
    "- {id: C2, entity: E2, filed: 2019-05-01, fine: 100}\n"
    "- {id: C1, entity: E2, filed: 2019-04-01}\n";

static void
venue_book(void **state)
{
	static const char tpl[] = "{{#venues}}{{index}}{{id}}:"
	    "{{#inspections}}{{date}},{{/inspections}}|"
	    "{{#cases}}{{id}},{{/cases}}|{{inspections_count}}"
	    "{{#inspection_table.rows}}[{{#cells}}{{text}};{{/cells}}]"
	    "{{/inspection_table.rows}}"
	    "{{#case_table.rows}}[{{#cells}}{{text}};{{/cells}}]"
	    "{{/case_table.rows}}\n{{/venues}}";
	fz_render_ctx *c;
	fz_render_template *t = NULL;
	fz_where *w = fz_where_new();
	fz_error err = { 0 };
	fz_buf out = { 0 };

	(void)state;
	/* Venues in directory order, their records in date order (equal
	 * dates in input order), no book for E9, names from the roster,
	 * 合格 where no result is written, fines in yuan. */
	assert_context(venues_yaml, tpl,
	    "1E1:2019-01-15,2019-02-01,2019-03-02,||3"
	    "[2019-01-15;日常;张明;违规;;][2019-02-01;日常;P2;合格;;]"
	    "[2019-03-02;日常;张明、P2;合格;;]\n"
	    "2E2:|C1,C2,|0[C1;2019-04-01;;;;;;][C2;2019-05-01;;;100.00;;;]\n");
	/* --where: only the venues it keeps, numbered in the book. */
	c = context_of(venues_yaml, 0);
	assert_int_equal(fz_where_add(w, "town=西门街道", &err), FZ_OK);
	fz_render_ctx_set_where(c, w);
	assert_int_equal(fz_render_template_parse("t", tpl, strlen(tpl), &t,
	    &err), FZ_OK);
	assert_int_equal(fz_render_ctx_check(c, NULL, &err), FZ_OK);
	assert_int_equal(fz_render_template_render(t, fz_render_ctx_root(c),
	    FZ_ESCAPE_NONE, &out, &err), FZ_OK);
	assert_string_equal(out.data, "1E2:|C1,C2,|0[C1;2019-04-01;;;;;;]"
	    "[C2;2019-05-01;;;100.00;;;]\n");
	/* One that keeps none is refused, naming it. */
	assert_int_equal(fz_where_add(w, "name=甲", &err), FZ_OK);
	fz_render_ctx_set_where(c, w);
	assert_int_equal(fz_render_ctx_check(c, NULL, &err), FZ_DATAERR);
	assert_non_null(strstr(err.msg, "town=西门街道 name=甲"));
	fz_buf_free(&out);
	fz_render_template_free(t);
	fz_render_ctx_free(c);
	fz_where_free(w);
}

/* The partials of mentions_venues: p1 shows venues, p2 includes
 * itself, p3 does not parse. */
static int
venue_partials(void *ctx, const char *name, fz_partial *out, fz_error *err)
{
	static const char *const src[][2] = {
		{ "p1", "{{#venues}}{{name}}{{/venues}}" },
		{ "p2", "{{>p2}}{{venuesque}}" },
		{ "p3", "{{#venues}}" },
	};

	(void)ctx;
	(void)err;
	for (size_t i = 0; i < sizeof src / sizeof *src; i++)
		if (strcmp(name, src[i][0]) == 0)
			out->src = fz_xstrdup(src[i][1]);
	if (out->src != NULL)
		out->len = strlen(out->src);
	return FZ_OK;
}

static int
mentions(const char *tpl)
{
	fz_render_template *t;
	fz_error err = { 0 };
	int yes;

	assert_int_equal(fz_render_template_parse("t", tpl, strlen(tpl), &t,
	    &err), FZ_OK);
	fz_render_template_set_partials(t, venue_partials, NULL);
	yes = fz_render_template_mentions(t, "venues");
	fz_render_template_free(t);
	return yes;
}

/* The venue book's lists are made only for a template that looks them
 * up, itself or through its partials. */
static void
venues_only_when_shown(void **state)
{
	static const char tpl[] = "{{#entities}}{{#records}}{{id}}"
	    "{{/records}}{{/entities}}";
	fz_render_template *t;
	fz_render_ctx *c;
	fz_error err = { 0 };

	(void)state;
	assert_true(mentions("{{#venues}}x{{/venues}}"));
	assert_true(mentions("{{^venues}}x{{/venues}}"));
	assert_true(mentions("{{#a}}{{venues.0.name}}{{/a}}"));
	assert_true(mentions("{{>p1}}"));
	assert_true(mentions("{{<p1}}{{$b}}{{/b}}{{/p1}}"));
	assert_true(mentions("{{>*which}}"));
	assert_true(mentions("{{>p3}}"));
	assert_false(mentions("{{venuesque}}{{name.venues}}{{>p2}}{{>none}}"));
	assert_false(mentions("venues {{! venues }}"));

	assert_int_equal(fz_render_template_parse("t", tpl, strlen(tpl), &t,
	    &err), FZ_OK);
	c = context_of(venues_yaml, 0);
	assert_non_null(fz_node_get(fz_render_ctx_root(c), "venues"));
	assert_int_equal(fz_render_ctx_check(c, t, &err), FZ_OK);
	assert_null(fz_node_get(fz_render_ctx_root(c), "venues"));
	assert_non_null(fz_node_get(fz_render_ctx_root(c), "entities"));
	fz_render_template_free(t);
	fz_render_ctx_free(c);
}

int
main(void)
{
	const struct CMUnitTest context[] = {
		cmocka_unit_test(kinds_lists_and_merging),
		cmocka_unit_test(rates_percent_and_mean),
		cmocka_unit_test(money_words_dates_counts),
		cmocka_unit_test(tally_helpers),
		cmocka_unit_test(draw_teams_and_tables),
		cmocka_unit_test(records_gathered_into_their_document),
		cmocka_unit_test(labels),
		cmocka_unit_test(venue_book),
		cmocka_unit_test(venues_only_when_shown),
	};
	const struct CMUnitTest files[] = {
		cmocka_unit_test(builtins_widgets_and_partials),
		cmocka_unit_test(list_and_dump),
	};

	return cmocka_run_group_tests(context, NULL, NULL) |
	    cmocka_run_group_tests(files, setup_files, teardown_files);
}
