/* test_xlsx.c - workbooks read back from their XML parts with unzip -p:
 * values, number formats, frozen header, autofilter, charts, formula-
 * looking text kept a string, and the same parts from two runs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tables_fixture.h"

static const char book_yaml[] =
    "kind: tally\nfrom: 2019-01-01\nto: 2019-03-31\nby: [month]\n"
    "rows:\n"
    "  - {month: 2019-01, visits: 12, violations: 2, fines: 1250.50}\n"
    "  - {month: 2019-02, visits: 7, violations: 0}\n"
    "  - {month: 2019-03, visits: 9, violations: 1}\n"
    "totals: {visits: 28, violations: 3, fines: 1250.50}\n"
    "---\n"
    "kind: inspections\nrecords:\n"
    "  - {date: 2019-03-05, entity: '=HYPERLINK(\"http://x\")', inspectors: [P1]}\n"
    "  - {date: 2019-03-06, entity: '+1', inspectors: ['-2', '@x']}\n"
    "---\n"
    "kind: metrics\n"
    "rates: [{key: online_rate, label: 网上办实现率, numerator: 1, denominator: 4}]\n";

/* Write the workbook of yaml to dir/name; returns its path (caller's). */
static char *
workbook_of(const char *yaml, const char *dir, const char *name)
{
	fz_table_set *ts = tables_of(yaml);
	fz_error err = { 0 };
	char *path = malloc(strlen(dir) + strlen(name) + 2);

	assert_non_null(path);
	sprintf(path, "%s/%s", dir, name);
	if (fz_table_xlsx_write(path, ts, &err) != FZ_OK)
		fail_msg("%s", err.msg);
	fz_table_set_free(ts);
	return path;
}

/* The output of a shell command, owned by the caller ("" when none). */
static char *
output_of(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	assert_non_null(p);
	do {
		if (len + 4096 + 1 > cap)
			buf = realloc(buf, cap = 2 * cap + 8192);
		assert_non_null(buf);
		n = fread(buf + len, 1, 4096, p);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	pclose(p);
	return buf;
}

/* A part of the zip, "" when absent. */
static char *
part(const char *xlsx, const char *name)
{
	char cmd[1024], pattern[512];
	size_t n = 0;

	/* unzip reads [ ] as a wildcard class: \[ and \] are literal. */
	for (; *name != '\0' && n + 3 < sizeof pattern; name++) {
		if (*name == '[' || *name == ']')
			pattern[n++] = '\\';
		pattern[n++] = *name;
	}
	pattern[n] = '\0';
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", xlsx,
	    pattern);
	return output_of(cmd);
}

/* Every sheet: text cells hold their strings inline, the workbook being
 * written row by row (constant_memory). */
#define SHEETS "xl/worksheets/sheet*.xml"

static void
assert_part_has(const char *xlsx, const char *name, const char *const *want)
{
	char *xml = part(xlsx, name);

	for (; *want != NULL; want++)
		if (strstr(xml, *want) == NULL)
			fail_msg("%s lacks %s", name, *want);
	free(xml);
}

static void
assert_part_lacks(const char *xlsx, const char *name, const char *unwanted)
{
	char *xml = part(xlsx, name);

	if (strstr(xml, unwanted) != NULL)
		fail_msg("%s has %s", name, unwanted);
	free(xml);
}

static int
setup(void **state)
{
	if (system("unzip -v >/dev/null 2>&1") != 0)
		return -1;
	*state = scratch_dir();
	return 0;
}

static int
teardown(void **state)
{
	scratch_remove(*state);
	return 0;
}

static void
test_values_and_headers(void **state)
{
	char *x = workbook_of(book_yaml, *state, "a.xlsx");
	const char *strings[] = { "<t>月份</t>", "<t>检查单位家次</t>",
		"<t>罚没款（元）</t>", "<t>合计</t>", "<t>网上办实现率</t>",
		"<t>检查对象</t>", NULL };
	/* Each sheet named for what it holds. */
	const char *sheets[] = { "<sheet name=\"按月份\"",
		"<sheet name=\"检查记录\"", "<sheet name=\"审批指标·比率\"", NULL };
	const char *tally[] = { "<c r=\"B2\" s=\"2\"><v>12</v>",
		"<v>1250.5</v>",
		/* a row's formats are numbered when the row is written out,
		 * as the next begins: the totals' last, after the other
		 * sheets' */
		"<c r=\"B5\" s=\"6\"><v>28</v>", NULL };
	const char *rate[] = { "<v>0.25</v>", NULL };
	const char *date[] = { "<v>43529</v>", NULL };	/* 2019-03-05 */

	assert_part_has(x, SHEETS, strings);
	assert_part_has(x, "xl/workbook.xml", sheets);
	assert_part_has(x, "xl/worksheets/sheet1.xml", tally);
	assert_part_has(x, "xl/worksheets/sheet3.xml", rate);
	assert_part_has(x, "xl/worksheets/sheet2.xml", date);
	free(x);
}

static void
test_formats_pane_filter(void **state)
{
	char *x = workbook_of(book_yaml, *state, "a.xlsx");
	const char *styles[] = { "formatCode=\"0\"", "formatCode=\"#,##0.00\"",
		"formatCode=\"0.00%\"", "formatCode=\"yyyy-mm-dd\"", NULL };
	const char *sheet1[] = { "ySplit=\"1\"", "state=\"frozen\"",
		/* the filter leaves the totals row (5) out */
		"<autoFilter ref=\"A1:D4\"/>", NULL };
	const char *sheet3[] = { "state=\"frozen\"",
		"<autoFilter ref=\"A1:D2\"/>", NULL };

	assert_part_has(x, "xl/styles.xml", styles);
	assert_part_has(x, "xl/worksheets/sheet1.xml", sheet1);
	assert_part_has(x, "xl/worksheets/sheet3.xml", sheet3);
	free(x);
}

static void
test_formula_text_stays_text(void **state)
{
	char *x = workbook_of(book_yaml, *state, "a.xlsx");
	const char *strings[] = { "<t>=HYPERLINK(\"http://x\")</t>",
		"<t>+1</t>", "<t>-2、@x</t>", NULL };
	const char *sheet2[] = { "<c r=\"B2\" t=\"inlineStr\">",
		"<c r=\"B3\" t=\"inlineStr\">",
		NULL };

	assert_part_has(x, SHEETS, strings);
	assert_part_has(x, "xl/worksheets/sheet2.xml", sheet2);
	for (int i = 1; i <= 3; i++) {
		char name[64];
		snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
		assert_part_lacks(x, name, "<f>");
	}
	free(x);
}

static void
test_chart_for_tally_by_period(void **state)
{
	char *x = workbook_of(book_yaml, *state, "a.xlsx");
	const char *chart[] = { "<c:barChart>",
		"<c:f>'按月份'!$A$2:$A$4</c:f>",
		"<c:f>'按月份'!$B$2:$B$4</c:f>",	/* visits */
		"<c:f>'按月份'!$C$1</c:f>",		/* violations' name */
		NULL };
	const char *types[] = { "/xl/charts/chart1.xml", NULL };
	/* Below the table, on a page of its own. */
	const char *sheet[] = { "<rowBreaks count=\"1\" manualBreakCount=\"1\">"
		"<brk id=\"6\" max=\"16383\" man=\"1\"/></rowBreaks>", NULL };
	const char *drawing[] = { "<xdr:row>6</xdr:row>", NULL };

	assert_part_has(x, "xl/charts/chart1.xml", chart);
	assert_part_has(x, "[Content_Types].xml", types);
	assert_part_has(x, "xl/worksheets/sheet1.xml", sheet);
	assert_part_has(x, "xl/drawings/drawing1.xml", drawing);
	/* only the tally has a chart, one: its figures are of one scale */
	assert_part_lacks(x, "[Content_Types].xml", "chart2");
	free(x);
}

static void
test_line_chart_and_levels(void **state)
{
	char yaml[4096] = "kind: tally\nby: [day, town]\nrows:\n";
	const char *chart[] = { "<c:lineChart>",
		"<c:f>'按日期、镇(乡)街道'!$A$2:$B$21</c:f>", NULL };
	char *x;

	for (int d = 1; d <= 20; d++)
		snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml),
		    "  - {day: 2019-03-%02d, town: 鼓楼, visits: %d}\n", d, d);
	x = workbook_of(yaml, *state, "b.xlsx");
	assert_part_has(x, "xl/charts/chart1.xml", chart);
	free(x);
	x = workbook_of("kind: tally\nby: [town]\nrows: [{town: 鼓楼, visits: 1}]\n",
	    *state, "c.xlsx");
	assert_part_lacks(x, "[Content_Types].xml", "chart");
	free(x);
}

/* A small series gets a chart of its own scale; every sheet prints on
 * A4 fitted to its width with its header repeated, landscape when wide,
 * its title at the head and its page number at the foot. */
static void
test_small_series_and_page_setup(void **state)
{
	char yaml[8192] = "kind: tally\nfrom: 2019-01-01\nto: 2019-12-31\n"
	    "by: [month]\nrows:\n";
	const char *big[] = { "<c:tx><c:rich>", "检查单位家次",
		"<c:f>'按月份'!$B$1</c:f>", NULL };
	const char *small[] = { "违规家次、立案", "<c:f>'按月份'!$C$1</c:f>",
		"<c:f>'按月份'!$D$1</c:f>", NULL };
	const char *sheet[] = { "paperSize=\"9\"", "orientation=\"landscape\"",
		"fitToHeight=\"0\"", "<pageSetUpPr fitToPage=\"1\"/>",
		"<oddHeader>&amp;C执法统计 2019-01-01 至 2019-12-31</oddHeader>",
		"<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>", NULL };
	const char *titles[] = { "<definedName name=\"_xlnm.Print_Titles\" "
		"localSheetId=\"0\">'按月份'!$1:$1</definedName>", NULL };
	char *x;

	for (int m = 1; m <= 12; m++)
		snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml),
		    "  - {month: 2019-%02d, visits: %d, violations: %d, filed: %d,"
		    " units: 1, person_times: 1, outings: 1, banned: 0,"
		    " leader_led: 0, closed: 0, open: 0, closed_on_time: 0,"
		    " overdue: 0, reviewed: 0, published_on_time: 0,"
		    " fines: 12345678.50}\n", m, 500 + m, m % 3, m % 2);
	x = workbook_of(yaml, *state, "s.xlsx");
	assert_part_has(x, "xl/charts/chart1.xml", big);
	assert_part_has(x, "xl/charts/chart2.xml", small);
	assert_part_lacks(x, "xl/charts/chart1.xml", "违规家次");
	assert_part_has(x, "xl/worksheets/sheet1.xml", sheet);
	assert_part_has(x, "xl/workbook.xml", titles);
	free(x);
}

/* Columns as wide as their values as shown (12,345,678.50: 13, and 2 of
 * margin); a head wider than its values wraps. */
static void
test_column_widths(void **state)
{
	char *x = workbook_of("kind: cases\nrecords:\n"
	    "  - {id: C1, fine: 12345678.50, cause: 擅自从事互联网上网服务经营活动}\n",
	    *state, "w.xlsx");
	const char *sheet[] = {
		"<col min=\"2\" max=\"2\" width=\"15.7109375\"",
		"<col min=\"3\" max=\"3\" width=\"32.7109375\"", NULL };
	const char *styles[] = { "wrapText=\"1\"", NULL };

	assert_part_has(x, "xl/worksheets/sheet1.xml", sheet);
	assert_part_has(x, "xl/styles.xml", styles);
	free(x);
}

/* A draw: its list named by its task, its task, seed and date above
 * it, each table on a sheet of its own with its filter. */
static void
test_draw_sheets(void **state)
{
	char *x = workbook_of("kind: draw\ntask: 2019-H2-网吧\nseed: '123'\n"
	    "date: 2019-07-08\ninputs: {plan: {documents: 1, digest: ab}}\n"
	    "selections:\n  - {entity: E1, name: 甲网吧, ticket: '0.1',"
	    " team: [{id: P1, name: 张三, department: 文旅}]}\n", *state, "d.xlsx");
	const char *sheets[] = { "<sheet name=\"2019-H2-网吧\"",
		"<sheet name=\"2019-H2-网吧·签号\"",
		"<sheet name=\"2019-H2-网吧·抽取依据\"", NULL };
	const char *strings[] = { "<t>任务：2019-H2-网吧　随机种子：123　"
		"抽取日期：2019-07-08</t>", NULL };
	const char *filter[] = { "<autoFilter ref=\"A4:", NULL };

	assert_part_has(x, "xl/workbook.xml", sheets);
	assert_part_has(x, SHEETS, strings);
	for (int i = 1; i <= 3; i++) {
		char name[64];
		snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
		assert_part_has(x, name, filter);
	}
	free(x);
}

static void
test_fixed_properties(void **state)
{
	char *x = workbook_of(book_yaml, *state, "a.xlsx");
	const char *core[] = { "<dc:creator>fazhi</dc:creator>",
		"<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
		"2019-03-31T00:00:00Z</dcterms:created>", NULL };
	const char *fixed[] = { "2000-01-01T00:00:00Z", NULL };

	assert_part_has(x, "docProps/core.xml", core);
	free(x);
	x = workbook_of("a: 1\n", *state, "d.xlsx");
	assert_part_has(x, "docProps/core.xml", fixed);
	free(x);
}

static void
test_two_runs_same_parts(void **state)
{
	char *a = workbook_of(book_yaml, *state, "a.xlsx"), *b, *list, *name;
	char cmd[1024];
	int parts = 0;

	sleep(1);	/* a part that held the clock would now differ */
	b = workbook_of(book_yaml, *state, "b.xlsx");
	snprintf(cmd, sizeof cmd, "unzip -Z1 '%s'", a);
	list = output_of(cmd);
	for (name = strtok(list, "\n"); name != NULL; name = strtok(NULL, "\n")) {
		char *pa = part(a, name), *pb = part(b, name);
		if (strcmp(pa, pb) != 0)
			fail_msg("part %s differs", name);
		assert_true(strlen(pa) > 0);
		free(pa);
		free(pb);
		parts++;
	}
	assert_true(parts >= 10);
	free(list);
	free(a);
	free(b);
}

static void
test_sheet_names(void **state)
{
	char out[128], a[128], b[128];
	char *used[] = { a, b };

	(void)state;
	assert_string_equal(fz_table_sheet_name("a[b]:c*d?e/f\\g", NULL, 0, out),
	    "a_b__c_d_e_f_g");
	assert_string_equal(fz_table_sheet_name("'quoted'", NULL, 0, out), "quoted");
	assert_string_equal(fz_table_sheet_name("", NULL, 0, out), "Sheet");
	assert_string_equal(fz_table_sheet_name("history", NULL, 0, out),
	    "history~2");
	/* 40 Chinese characters: 31 kept, counted as characters */
	assert_string_equal(fz_table_sheet_name(
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
	    NULL, 0, out),
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
	strcpy(a, "执法统计");
	strcpy(b, "TALLY");
	assert_string_equal(fz_table_sheet_name("执法统计", used, 2, out), "执法统计~2");
	assert_string_equal(fz_table_sheet_name("tally", used, 2, out), "tally~2");
	strcpy(b, "执法统计~2");
	assert_string_equal(fz_table_sheet_name("执法统计", used, 2, out), "执法统计~3");
	fz_table_sheet_name("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
	    NULL, 0, a);
	assert_string_equal(fz_table_sheet_name(a, used, 1, out),
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九~2");
}

static void
test_same_kind_twice(void **state)
{
	char *x = workbook_of("kind: cases\nrecords: []\n---\n"
	    "kind: cases\nrecords: [{id: C1}]\n", *state, "e.xlsx");
	const char *sheets[] = { "<sheet name=\"案件\"",
		"<sheet name=\"案件~2\"", NULL };

	assert_part_has(x, "xl/workbook.xml", sheets);
	free(x);
}

static void
test_errors_and_stream(void **state)
{
	fz_table_set *ts = tables_of("a: 1\n");
	fz_error err = { 0 };
	char path[1024], head[4] = { 0 };
	FILE *out = tmpfile();

	snprintf(path, sizeof path, "%s/no/such/dir/x.xlsx", (char *)*state);
	assert_int_equal(fz_table_xlsx_write(path, ts, &err), FZ_CANTCREAT);
	assert_string_equal(err.file, path);
	assert_non_null(out);
	assert_int_equal(fz_table_xlsx_stream(out, *state, ts, &err), FZ_OK);
	rewind(out);
	assert_int_equal(fread(head, 1, 2, out), 2);
	assert_string_equal(head, "PK");
	fclose(out);
	/* the temporary file is gone */
	snprintf(path, sizeof path, "ls '%s' | grep -c fazhi-xlsx",
	    (char *)*state);
	out = popen(path, "r");
	assert_int_equal(fgetc(out), '0');
	pclose(out);
	fz_table_set_free(ts);
}

static void
test_output_commit(void **state)
{
	fz_table_set *ts = tables_of(book_yaml);
	fz_error err = { 0 };
	fz_output o;
	char path[1024];
	const char *sheets[] = { "<sheet name=\"按月份\"", NULL };

	snprintf(path, sizeof path, "%s/out.xlsx", (char *)*state);
	assert_int_equal(fz_output_open(&o, path, &err), FZ_OK);
	assert_int_equal(fz_table_xlsx_output(&o, ts, &err), FZ_OK);
	/* nothing at the target before the commit */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_part_has(path, "xl/workbook.xml", sheets);
	fz_table_set_free(ts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_and_headers),
		cmocka_unit_test(test_formats_pane_filter),
		cmocka_unit_test(test_formula_text_stays_text),
		cmocka_unit_test(test_chart_for_tally_by_period),
		cmocka_unit_test(test_line_chart_and_levels),
		cmocka_unit_test(test_small_series_and_page_setup),
		cmocka_unit_test(test_column_widths),
		cmocka_unit_test(test_draw_sheets),
		cmocka_unit_test(test_fixed_properties),
		cmocka_unit_test(test_two_runs_same_parts),
		cmocka_unit_test(test_sheet_names),
		cmocka_unit_test(test_same_kind_twice),
		cmocka_unit_test(test_errors_and_stream),
		cmocka_unit_test(test_output_commit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
