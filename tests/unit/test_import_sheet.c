/* test_import_sheet.c - workbooks into records: xlsx made here with
 * libxlsxwriter (a title merged across the header, dates as serial
 * numbers and as text, ids as text and as numbers, an empty column, a
 * second sheet, shared and inline strings), the header found or named,
 * the sheet picked, and positions FILE:SHEET!CELL. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "fazhi.h"

static char dir[64];

static const char *
path_of(const char *name)
{
	static char buf[128];

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

/* The register: a title merged over A1:F1, the header in row 2 with an
 * empty column C, three entities (ids as text 00123, as the number
 * 4567 and as text; dates as a serial number formatted as a date, as
 * text, and as a serial in a Chinese date format), a risk that is no
 * risk when bad, cells styled but empty right of F; then a second
 * sheet.  constant_memory: strings inline instead of shared. */
static void
make_register(const char *name, int bad, int constant_memory)
{
	lxw_workbook_options opt = { .constant_memory = constant_memory };
	lxw_workbook *wb = workbook_new_opt(path_of(name), &opt);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "名录库");
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "第二页");
	lxw_format *iso = workbook_add_format(wb);
	lxw_format *zh = workbook_add_format(wb);
	lxw_format *fill = workbook_add_format(wb);
	static const char *const head[] = { "统一社会信用代码", "单位名称", "",
		"行业类别", "最近检查日期", "风险等级" };

	format_set_num_format(iso, "yyyy-mm-dd");
	format_set_num_format(zh, "yyyy\"年\"m\"月\"d\"日\"");
	format_set_bg_color(fill, LXW_COLOR_YELLOW);
	worksheet_merge_range(ws, 0, 0, 0, 5, "2024年文化市场经营单位名录", NULL);
	for (lxw_col_t c = 0; c < 6; c++)
		if (head[c][0] != '\0')
			worksheet_write_string(ws, 1, c, head[c], NULL);
	worksheet_write_string(ws, 2, 0, "00123", NULL);
	worksheet_write_string(ws, 2, 1, "甲网吧", NULL);
	worksheet_write_string(ws, 2, 3, "网吧", NULL);
	worksheet_write_number(ws, 2, 4, 43529, iso);	/* 2019-03-05 */
	worksheet_write_string(ws, 2, 5, "高", NULL);
	worksheet_write_blank(ws, 2, 7, fill);
	worksheet_write_number(ws, 3, 0, 4567, NULL);
	worksheet_write_string(ws, 3, 1, "乙印刷厂", NULL);
	worksheet_write_string(ws, 3, 3, "印刷企业", NULL);
	worksheet_write_string(ws, 3, 4, "2019/3/6", NULL);
	worksheet_write_string(ws, 3, 5, bad ? "很高" : "一般", NULL);
	worksheet_write_string(ws, 4, 0, "91330203MA2CCCCC3M", NULL);
	worksheet_write_string(ws, 4, 1, "丙娱乐城", NULL);
	worksheet_write_string(ws, 4, 3, "娱乐场所", NULL);
	worksheet_write_number(ws, 4, 4, 61.75, zh);	/* 1900-03-01 */
	worksheet_write_blank(ws, 6, 0, fill);
	worksheet_write_blank(ws, 9, 2, fill);
	worksheet_write_string(ws2, 0, 0, "统一社会信用代码", NULL);
	worksheet_write_string(ws2, 0, 1, "名称", NULL);
	worksheet_write_string(ws2, 1, 0, "X1", NULL);
	worksheet_write_string(ws2, 0, 2, "类别", NULL);
	worksheet_write_string(ws2, 1, 1, "第二页的单位", NULL);
	worksheet_write_string(ws2, 1, 2, "网吧", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* Dates by the built-in formats, a date and time, a time of day, a
 * number without a format, and the first days of 1900 (1, 59 and 60,
 * the 29 February 1900 that the 1900 date system has and the calendar
 * has not): rows 2 to 9, each a serial in column D. */
static void
make_dates(const char *name)
{
	static const struct { int fmt; double serial; } rows[] = {
		{ 14, 43529 },		/* m/d/yyyy */
		{ 31, 43530 },		/* yyyy"年"m"月"d"日" (zh-CN) */
		{ 22, 43531.25 },	/* m/d/yyyy h:mm */
		{ 20, 0.5 },		/* h:mm: no date */
		{ 0, 43532 },		/* General: a number */
		{ 14, 1 }, { 14, 59 }, { 14, 60 },
	};
	lxw_workbook *wb = workbook_new(path_of(name));
	lxw_worksheet *ws = workbook_add_worksheet(wb, "日期");
	static const char *const head[] = { "统一社会信用代码", "名称", "类别",
		"最近检查日期" };

	for (lxw_col_t c = 0; c < 4; c++)
		worksheet_write_string(ws, 0, c, head[c], NULL);
	for (lxw_row_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		lxw_format *f = workbook_add_format(wb);
		char id[8];
		snprintf(id, sizeof id, "D%u", (unsigned)r + 2);
		format_set_num_format_index(f, (uint8_t)rows[r].fmt);
		worksheet_write_string(ws, r + 1, 0, id, NULL);
		worksheet_write_string(ws, r + 1, 1, "某单位", NULL);
		worksheet_write_string(ws, r + 1, 2, "网吧", NULL);
		worksheet_write_number(ws, r + 1, 3, rows[r].serial,
		    rows[r].fmt ? f : NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* The part of workbook name replaced by the len bytes of text. */
static void
replace_part(const char *name, const char *part, const char *text,
    size_t len)
{
	zip_t *z = zip_open(path_of(name), 0, NULL);
	char *copy = malloc(len + 1);
	zip_source_t *src;

	assert_non_null(z);
	memcpy(copy, text, len);
	assert_non_null(src = zip_source_buffer(z, copy, len, 1));
	assert_true(zip_file_add(z, part, src, ZIP_FL_OVERWRITE) >= 0);
	assert_int_equal(zip_close(z), 0);
}

/* The workbook name rewritten to count its dates from 1904, as Excel
 * for the Mac once did: date1904 on its workbookPr. */
static void
make_1904(const char *name)
{
	zip_t *z = zip_open(path_of(name), ZIP_RDONLY, NULL);
	zip_file_t *f;
	char xml[8192], out[8300], *pr;
	zip_int64_t n;
	size_t head;

	assert_non_null(z);
	assert_non_null(f = zip_fopen(z, "xl/workbook.xml", 0));
	n = zip_fread(f, xml, sizeof xml - 1);
	zip_fclose(f);
	zip_discard(z);
	assert_true(n > 0);
	xml[n] = '\0';
	assert_non_null(pr = strstr(xml, "<workbookPr "));
	head = (size_t)(pr - xml) + strlen("<workbookPr ");
	snprintf(out, sizeof out, "%.*sdate1904=\"1\" %s", (int)head, xml,
	    xml + head);
	replace_part(name, "xl/workbook.xml", out, strlen(out));
}

struct got {
	char text[4096];
	size_t errors;
};

static void
collect(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	struct got *g = ctx;
	size_t n = strlen(g->text);
	char pos[256];

	snprintf(g->text + n, sizeof g->text - n, "%s: %s: %s\n",
	    fz_pos_format(pos, sizeof pos, file, line, col),
	    severity == FZ_ERROR ? "error" : "warning", msg);
	g->errors += severity == FZ_ERROR;
}

/* One import: its problems, records and error. */
struct run {
	struct got g;
	const fz_node *r;
	fz_import *im;
	fz_error err;
};

/* Import the workbook name's sheet sel, header row hr (0: guessed);
 * the import of the run before is freed. */
static int
import(const char *name, const char *sel, unsigned hr, struct run *u)
{
	size_t n = strlen(name);
	int rc;

	fz_import_free(u->im);
	memset(u, 0, sizeof *u);
	u->im = fz_import_new(FZ_KIND_ENTITIES, FZ_ENC_UTF8, name,
	    fz_date_make(2020, 1, 1));
	if (hr > 0)
		assert_int_equal(fz_import_header_row(u->im, hr), 0);
	rc = strcmp(name + n - 4, ".xls") == 0 ?
	    fz_import_xls(u->im, path_of(name), name, sel, &u->err) :
	    fz_import_xlsx(u->im, path_of(name), name, sel, &u->err);
	if (rc != FZ_OK)
		return rc;
	return fz_import_end(u->im, collect, &u->g, &u->r, &u->err);
}

static const char *
get(const fz_node *records, size_t i, const char *key)
{
	const fz_node *v;

	assert_true(i < records->n);
	v = fz_node_get(records->kids[i], key);
	return v != NULL && v->type == FZ_SCALAR ? v->str : "";
}

static void
assert_register(const fz_node *r)
{
	assert_int_equal(r->n, 3);
	assert_string_equal(get(r, 0, "id"), "00123");
	assert_string_equal(get(r, 0, "name"), "甲网吧");
	assert_string_equal(get(r, 0, "last_inspected"), "2019-03-05");
	assert_string_equal(get(r, 0, "risk"), "high");
	assert_string_equal(get(r, 1, "id"), "4567");
	assert_string_equal(get(r, 1, "last_inspected"), "2019-03-06");
	assert_string_equal(get(r, 2, "last_inspected"), "1900-03-01");
	assert_string_equal(get(r, 2, "category"), "娱乐场所");
}

static void
test_register(void **state)
{
	struct run u = { 0 };

	(void)state;
	make_register("r.xlsx", 0, 0);
	assert_int_equal(import("r.xlsx", NULL, 0, &u), FZ_OK);
	assert_string_equal(u.g.text, "");
	assert_register(u.r);
	/* The rows keep the sheet's numbers: the first record is row 3. */
	assert_int_equal(u.r->kids[0]->line, 3);
	assert_string_equal(u.r->kids[0]->file, "r.xlsx:名录库");
	/* Inline strings instead of shared ones. */
	make_register("inline.xlsx", 0, 1);
	assert_int_equal(import("inline.xlsx", NULL, 0, &u), FZ_OK);
	assert_register(u.r);
	fz_import_free(u.im);
}

static void
test_bad_cell_position(void **state)
{
	struct run u = { 0 };
	char buf[2048];

	(void)state;
	make_register("bad.xlsx", 1, 0);
	assert_int_equal(import("bad.xlsx", NULL, 0, &u), FZ_DATAERR);
	assert_int_equal(u.g.errors, 1);
	assert_non_null(strstr(u.g.text, "bad.xlsx:名录库!F4: error: "));
	assert_non_null(strstr(u.g.text, "很高"));
	fz_error_format(&u.err, buf, sizeof buf);
	assert_true(strncmp(buf, "bad.xlsx:名录库!F4: ",
	    strlen("bad.xlsx:名录库!F4: ")) == 0);
	fz_import_free(u.im);
}

static void
test_date_formats(void **state)
{
	struct run u = { 0 };

	(void)state;
	make_dates("d.xlsx");
	assert_int_equal(import("d.xlsx", NULL, 0, &u), FZ_DATAERR);
	assert_string_equal(get(u.r, 0, "last_inspected"), "2019-03-05");
	assert_string_equal(get(u.r, 1, "last_inspected"), "2019-03-06");
	assert_string_equal(get(u.r, 2, "last_inspected"), "2019-03-07");
	assert_string_equal(u.g.text,
	    "d.xlsx:日期!D5: error: last_inspected: '0.5' is not a date "
	    "(expected YYYY-MM-DD)\n"
	    "d.xlsx:日期!D6: error: last_inspected: '43532' is not a date "
	    "(expected YYYY-MM-DD)\n"
	    "d.xlsx:日期!D9: error: last_inspected: '1900-02-29' is not a "
	    "date (expected YYYY-MM-DD)\n");
	assert_string_equal(get(u.r, 5, "last_inspected"), "1900-01-01");
	assert_string_equal(get(u.r, 6, "last_inspected"), "1900-02-28");
	make_1904("d.xlsx");
	assert_int_equal(import("d.xlsx", NULL, 0, &u), FZ_DATAERR);
	assert_string_equal(get(u.r, 0, "last_inspected"), "2023-03-06");
	fz_import_free(u.im);
}

static void
test_sheets(void **state)
{
	struct run u = { 0 };

	(void)state;
	make_register("s.xlsx", 0, 0);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(import("s.xlsx", i ? "2" : "第二页", 0, &u),
		    FZ_OK);
		assert_int_equal(u.r->n, 1);
		assert_string_equal(get(u.r, 0, "name"), "第二页的单位");
		assert_string_equal(u.r->kids[0]->file, "s.xlsx:第二页");
	}
	assert_int_equal(import("s.xlsx", "3", 0, &u), FZ_DATAERR);
	assert_string_equal(u.err.msg, "--sheet: no sheet '3' (the workbook "
	    "has 2: 名录库, 第二页)");
	fz_import_free(u.im);
}

static void
test_header_row(void **state)
{
	struct run u = { 0 };

	(void)state;
	make_register("h.xlsx", 0, 0);
	assert_int_equal(import("h.xlsx", NULL, 2, &u), FZ_OK);
	assert_register(u.r);
	/* The title taken for the header: it names no column. */
	assert_int_equal(import("h.xlsx", NULL, 1, &u), FZ_DATAERR);
	assert_non_null(strstr(u.g.text, "h.xlsx:名录库!A1: warning: column "
	    "'2024年文化市场经营单位名录' has no key"));
	assert_non_null(strstr(u.g.text, "h.xlsx:名录库!1:1: error: no column "
	    "gives the required key 'id'"));
	assert_int_equal(import("h.xlsx", NULL, 40, &u), FZ_DATAERR);
	assert_string_equal(u.g.text, "h.xlsx:名录库: error: no header row: "
	    "--header-row 40 is past the last row\n");
	fz_import_free(u.im);
}

static void
test_not_a_workbook(void **state)
{
	static const char bad_xml[] =
	    "<worksheet>\n<sheetData><row r=\"1\"></sheetData>";
	struct run u = { 0 };
	char from[128];
	FILE *fp = fopen(path_of("text.xlsx"), "w");

	(void)state;
	assert_non_null(fp);
	fputs("统一社会信用代码,名称\n", fp);
	fclose(fp);
	assert_int_equal(import("text.xlsx", NULL, 0, &u), FZ_DATAERR);
	assert_string_equal(u.err.file, "text.xlsx");
	assert_string_equal(u.err.msg, "not an xlsx workbook: Not a zip archive");
	assert_int_equal(import("none.xlsx", NULL, 0, &u), FZ_NOINPUT);
	assert_int_equal(import("text.xls", NULL, 0, &u), FZ_NOINPUT);
	snprintf(from, sizeof from, "%s", path_of("text.xlsx"));
	assert_int_equal(rename(from, path_of("text.xls")), 0);
	assert_int_equal(import("text.xls", NULL, 0, &u), FZ_DATAERR);
	assert_true(strncmp(u.err.msg, "not an xls workbook: ",
	    strlen("not an xls workbook: ")) == 0);
	/* A zip whose sheet is not well-formed XML: expat names the
	 * closing tag's name, line 2, column 25. */
	make_register("x.xlsx", 0, 0);
	replace_part("x.xlsx", "xl/worksheets/sheet1.xml",
	    bad_xml, strlen(bad_xml));
	assert_int_equal(import("x.xlsx", NULL, 0, &u), FZ_DATAERR);
	assert_string_equal(u.err.msg, "xl/worksheets/sheet1.xml:2:25: XML: "
	    "mismatched tag");
	fz_import_free(u.im);
}

static void
test_positions(void **state)
{
	static const struct { unsigned col; const char *want; } letters[] = {
		{ 1, "A" }, { 26, "Z" }, { 27, "AA" }, { 702, "ZZ" },
		{ 703, "AAA" }, { 16384, "XFD" },
	};
	char buf[64], col[8];

	(void)state;
	for (size_t i = 0; i < sizeof letters / sizeof *letters; i++)
		assert_string_equal(fz_col_letters(letters[i].col, col),
		    letters[i].want);
	assert_string_equal(fz_pos_format(buf, sizeof buf, "a.xlsx:S", 7,
	    3 | FZ_COL_CELL), "a.xlsx:S!C7");
	assert_string_equal(fz_pos_format(buf, sizeof buf, "a.xlsx:S", 7,
	    FZ_COL_CELL), "a.xlsx:S!7:7");
	assert_string_equal(fz_pos_format(buf, sizeof buf, "a.csv", 7, 3),
	    "a.csv:7:3");
	assert_string_equal(fz_pos_format(buf, sizeof buf, "a.csv", 7, 0),
	    "a.csv:7");
	assert_string_equal(fz_pos_format(buf, sizeof buf, "a.csv", 0, 0),
	    "a.csv");
	assert_string_equal(fz_pos_format(buf, sizeof buf, NULL, 1, 1), "");
}

/* FAZHI_SHEET_KEEP=DIR makes the workbooks in DIR and keeps them:
 * tests/data/import/名录库.xlsx is r.xlsx made so. */
static int
setup(void **state)
{
	const char *keep = getenv("FAZHI_SHEET_KEEP");

	(void)state;
	if (keep != NULL && keep[0] != '\0') {
		snprintf(dir, sizeof dir, "%s", keep);
		return 0;
	}
	snprintf(dir, sizeof dir, "%s", "/tmp/fazhi-sheet-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	if (getenv("FAZHI_SHEET_KEEP") != NULL &&
	    getenv("FAZHI_SHEET_KEEP")[0] != '\0')
		return 0;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_bad_cell_position),
		cmocka_unit_test(test_date_formats),
		cmocka_unit_test(test_sheets),
		cmocka_unit_test(test_header_row),
		cmocka_unit_test(test_not_a_workbook),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
