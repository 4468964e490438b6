/* test_import.c - CSV exports into records: every conversion of a cell,
 * the header map, the positions of bad cells, encodings and BOMs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iconv.h>
#include <cmocka.h>

#include "fazhi.h"

/* ------------------------------------------------------------ helpers */

static void
assert_date(const char *s, const char *want)
{
	fz_date d;
	char buf[16];

	assert_int_equal(fz_import_date(s, strlen(s), &d), 0);
	assert_string_equal(fz_date_format(d, buf), want);
}

static void
assert_not_date(const char *s)
{
	fz_date d;

	assert_int_equal(fz_import_date(s, strlen(s), &d), -1);
}

/* The cell as the node of field key of kind k, as text: "a|b" for a
 * list, "" for no node. */
static const char *
value_of(enum fz_kind k, const char *key, const char *cell)
{
	static char buf[256];
	static fz_arena *a;
	const fz_field *f = fz_field_find(k, key);
	fz_node *n;

	assert_non_null(f);
	if (a == NULL)
		a = fz_arena_new();
	n = fz_import_value(a, f, cell, strlen(cell));
	buf[0] = '\0';
	if (n == NULL)
		return buf;
	if (n->type == FZ_SCALAR)
		return n->str;
	assert_int_equal(n->type, FZ_SEQ);
	for (size_t i = 0; i < n->n; i++) {
		strcat(buf, i ? "|" : "");
		strcat(buf, n->kids[i]->str);
	}
	return buf;
}

struct got {
	char text[4096];
	size_t errors, warnings;
};

static void
collect(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	struct got *g = ctx;
	size_t n = strlen(g->text);

	snprintf(g->text + n, sizeof g->text - n, "%s:%u:%u: %s: %s\n", file,
	    line, col, severity == FZ_ERROR ? "error" : "warning", msg);
	if (severity == FZ_ERROR)
		g->errors++;
	else
		g->warnings++;
}

/* Import csv whole, or chunk bytes at a time; returns the status. */
static int
import(enum fz_kind k, enum fz_import_encoding enc, const char *map,
    const char *csv, size_t len, size_t chunk, struct got *g,
    const fz_node **records, fz_import **out)
{
	fz_import *im = fz_import_new(k, enc, "t.csv",
	    fz_date_make(2020, 1, 1));
	fz_error err;

	assert_non_null(im);
	memset(g, 0, sizeof *g);
	if (map != NULL)
		assert_int_equal(fz_import_map(im, map, &err), FZ_OK);
	for (size_t i = 0; i < len; i += chunk)
		fz_import_feed(im, csv + i, len - i < chunk ? len - i : chunk);
	*out = im;
	return fz_import_end(im, collect, g, records, &err);
}

static const char *
get(const fz_node *rec, const char *key)
{
	const fz_node *v = fz_node_get(rec, key);

	return v != NULL && v->type == FZ_SCALAR ? v->str : NULL;
}

/* ------------------------------------------------------------ cells */

static void
test_encoding_names(void **state)
{
	(void)state;
	assert_int_equal(fz_import_encoding_parse("utf-8"), FZ_ENC_UTF8);
	assert_int_equal(fz_import_encoding_parse("UTF8"), FZ_ENC_UTF8);
	assert_int_equal(fz_import_encoding_parse("GB18030"), FZ_ENC_GB18030);
	assert_int_equal(fz_import_encoding_parse("gbk"), FZ_ENC_GBK);
	assert_int_equal(fz_import_encoding_parse("big5"), -1);
}

static void
test_dates(void **state)
{
	(void)state;
	assert_date("2019/3/5", "2019-03-05");
	assert_date("2019-3-5", "2019-03-05");
	assert_date("2019.3.5", "2019-03-05");
	assert_date("2019年3月5日", "2019-03-05");
	assert_date("2019年12月31", "2019-12-31");
	assert_date("2019-03-05", "2019-03-05");
	assert_date(" 2019/03/05 ", "2019-03-05");
	assert_date("2019/3/5 14:30", "2019-03-05");
	assert_date("2019-03-05T08:00:00", "2019-03-05");
	assert_date("20190305", "2019-03-05");
	assert_date("2020/2/29", "2020-02-29");
	assert_not_date("2019/2/29");
	assert_not_date("2019/13/1");
	assert_not_date("2019/3/32");
	assert_not_date("19/3/5");
	assert_not_date("2019/3-5");
	assert_not_date("2019-3");
	assert_not_date("2019年3月");
	assert_not_date("2019/3/5x");
	assert_not_date("2019/003/5");
	assert_not_date("");
}

/* A cell, the field it fills, and the text of the node it becomes. */
struct cell_case {
	enum fz_kind kind;
	const char *key, *cell, *want;
};

static const struct cell_case cell_cases[] = {
	/* Enumerations: aliases to canonical values; a word not known is
	 * kept, for the decoding to report. */
	{ FZ_KIND_ENTITIES, "risk", "高", "high" },
	{ FZ_KIND_ENTITIES, "risk", "一般", "medium" },
	{ FZ_KIND_ENTITIES, "risk", "低", "low" },
	{ FZ_KIND_ENTITIES, "risk", "low", "low" },
	{ FZ_KIND_ENTITIES, "risk", "很高", "很高" },
	{ FZ_KIND_ENTITIES, "status", "注销", "closed" },
	{ FZ_KIND_INSPECTIONS, "type", "双随机", "random" },
	{ FZ_KIND_INSPECTIONS, "result", "取缔", "banned" },
	{ FZ_KIND_INSPECTIONS, "reported_by", "镇街上报", "town" },
	{ FZ_KIND_CASES, "source", "镇街线索", "town_lead" },
	{ FZ_KIND_MATTERS, "level", "孙项", "leaf" },
	{ FZ_KIND_MATTERS, "type", "行政许可", "licensing" },
	{ FZ_KIND_APPLICATIONS, "channel", "掌上", "mobile" },
	{ FZ_KIND_APPLICATIONS, "action", "换证", "renewal" },
	/* Lists split on 、 ， ； , ; with empty items dropped. */
	{ FZ_KIND_INSPECTIONS, "inspectors", "A01、A02，A03; A04,A05；A06",
	    "A01|A02|A03|A04|A05|A06" },
	{ FZ_KIND_INSPECTIONS, "inspectors", " A01 、、 A02 ", "A01|A02" },
	{ FZ_KIND_INSPECTIONS, "inspectors", "A01", "A01" },
	{ FZ_KIND_INSPECTIONS, "inspectors", "、，", "" },
	{ FZ_KIND_INSPECTORS, "avoid", "91330203MA2AAAAA1Y、91330203MA2BBBBB2A",
	    "91330203MA2AAAAA1Y|91330203MA2BBBBB2A" },
	{ FZ_KIND_INSPECTORS, "categories", "网吧，娱乐场所", "网吧|娱乐场所" },
	{ FZ_KIND_CASES, "penalty", "警告、罚款", "warning|fine" },
	{ FZ_KIND_CASES, "penalty", "责令停业", "suspension" },
	/* Dates, money, booleans, numbers, text. */
	{ FZ_KIND_CASES, "filed", "2019年3月5日", "2019-03-05" },
	{ FZ_KIND_CASES, "filed", "3月5日", "3月5日" },
	{ FZ_KIND_CASES, "fine", "1,250.50元", "1250.50" },
	{ FZ_KIND_CASES, "fine", "5000", "5000" },
	{ FZ_KIND_CASES, "fine", "五千元", "五千元" },
	{ FZ_KIND_INSPECTIONS, "leader_led", "是", "true" },
	{ FZ_KIND_INSPECTIONS, "leader_led", "否", "false" },
	{ FZ_KIND_INSPECTIONS, "leader_led", "Yes", "true" },
	{ FZ_KIND_MATTERS, "online", "不适宜", "exempt" },
	{ FZ_KIND_MATTERS, "instant", "不适宜", "不适宜" },
	{ FZ_KIND_CASES, "extended_days", " 30 ", "30" },
	{ FZ_KIND_ENTITIES, "name", "　某网吧　", "某网吧" },
	{ FZ_KIND_ENTITIES, "name", "  ", "" },
};

static void
test_cells(void **state)
{
	const size_t n = sizeof cell_cases / sizeof cell_cases[0];

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const struct cell_case *t = &cell_cases[i];
		const char *got = value_of(t->kind, t->key, t->cell);
		if (strcmp(got, t->want) != 0)
			fail_msg("%s '%s': got '%s', want '%s'", t->key,
			    t->cell, got, t->want);
	}
}

static void
test_quoting(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *n;

	(void)state;
	/* Text stays text when written back, even when it looks like a
	 * number; numbers and canonical words stay plain. */
	n = fz_import_value(a, fz_field_find(FZ_KIND_ENTITIES, "id"), "0042",
	    4);
	assert_true(n->quoted);
	n = fz_import_value(a, fz_field_find(FZ_KIND_CASES, "fine"), "5000",
	    4);
	assert_false(n->quoted);
	fz_arena_free(a);
}

static void
test_header_keys(void **state)
{
	const char *h, *k;

	(void)state;
	assert_string_equal(fz_import_header_key(FZ_KIND_ENTITIES,
	    "统一社会信用代码", strlen("统一社会信用代码")), "id");
	assert_string_equal(fz_import_header_key(FZ_KIND_INSPECTIONS,
	    "统一社会信用代码", strlen("统一社会信用代码")), "entity");
	assert_string_equal(fz_import_header_key(FZ_KIND_INSPECTORS,
	    " 执法证号 ", strlen(" 执法证号 ")), "id");
	assert_string_equal(fz_import_header_key(FZ_KIND_CASES, "办结日期",
	    strlen("办结日期")), "closed");
	assert_string_equal(fz_import_header_key(FZ_KIND_CASES, "extended_days",
	    strlen("extended_days")), "extended_days");
	assert_null(fz_import_header_key(FZ_KIND_CASES, "备注",
	    strlen("备注")));
	/* The words fazhi-render -f csv writes for keys, money with its
	 * unit; a unit on what is not money is no key. */
	assert_string_equal(fz_import_header_key(FZ_KIND_CASES, "罚款（元）",
	    strlen("罚款（元）")), "fine");
	assert_null(fz_import_header_key(FZ_KIND_CASES, "立案（元）",
	    strlen("立案（元）")));
	assert_string_equal(fz_import_header_key(FZ_KIND_ENTITIES, "编号",
	    strlen("编号")), "id");
	assert_string_equal(fz_import_header_key(FZ_KIND_CASES, "立案",
	    strlen("立案")), "filed");
	assert_string_equal(fz_import_header_key(FZ_KIND_INSPECTIONS,
	    "上报方", strlen("上报方")), "reported_by");
	/* Every built-in header names a key of its kind. */
	for (int kind = 0; kind < FZ_KIND_COUNT; kind++)
		for (size_t i = 0; fz_import_builtin(kind, i, &h, &k); i++)
			assert_non_null(fz_field_find(kind, k));
	assert_true(fz_import_builtin(FZ_KIND_APPLICATIONS, 0, &h, &k));
	assert_false(fz_import_builtin(FZ_KIND_PLAN, 0, &h, &k));
}

/* ------------------------------------------------------------ files */

static void
test_rfc4180(void **state)
{
	static const char csv[] = "\xef\xbb\xbf\"统一社会信用代码\",单位名称,"
	    "行业类别,风险等级,备注\r\n"
	    "91330203MA2AAAAA1Y,\"某某网吧, 二店\",网吧,高,\r\n"
	    "X2,\"印刷\"\"厂\"\"\",印刷企业,,\"两行\r\n备注\"\r\n"
	    "\r\n"
	    ",,,,\r\n"
	    "X3,书店,书店,一般,x";
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	/* Whole, and one byte at a time (the BOM split across feeds). */
	for (size_t chunk = sizeof csv; chunk >= 1; chunk = chunk > 1 ? 1 : 0) {
		assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL,
		    csv, sizeof csv - 1, chunk, &g, &recs, &im), FZ_OK);
		assert_string_equal(g.text, "t.csv:1:5: warning: column '备注' "
		    "has no key; skipped (name one with --map '备注=KEY')\n");
		assert_int_equal(recs->n, 3);
		assert_string_equal(get(recs->kids[0], "id"),
		    "91330203MA2AAAAA1Y");
		assert_string_equal(get(recs->kids[0], "name"),
		    "某某网吧, 二店");
		assert_string_equal(get(recs->kids[0], "risk"), "high");
		assert_string_equal(get(recs->kids[1], "name"), "印刷\"厂\"");
		assert_null(fz_node_get(recs->kids[1], "risk"));
		assert_string_equal(get(recs->kids[2], "risk"), "medium");
		assert_int_equal(recs->kids[2]->line, 5);	/* the blank line is no record */
		fz_import_free(im);
	}
}

static void
test_gb18030(void **state)
{
	static const char utf8[] = "执法证号,姓名,所属部门,回避对象\n"
	    "A01,张三,文旅,X1、X2\n";
	char gb[256], *in = (char *)utf8, *out = gb;
	size_t inleft = sizeof utf8 - 1, outleft = sizeof gb;
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_true(cd != (iconv_t)-1);
	assert_int_not_equal(iconv(cd, &in, &inleft, &out, &outleft),
	    (size_t)-1);
	iconv_close(cd);
	assert_int_equal(import(FZ_KIND_INSPECTORS, FZ_ENC_GB18030, NULL, gb,
	    sizeof gb - outleft, 7, &g, &recs, &im), FZ_OK);
	assert_string_equal(g.text, "");
	assert_string_equal(get(recs->kids[0], "name"), "张三");
	assert_int_equal(fz_node_get(recs->kids[0], "avoid")->n, 2);
	fz_import_free(im);
	/* The same bytes read as UTF-8: the first cell that is not. */
	assert_int_equal(import(FZ_KIND_INSPECTORS, FZ_ENC_UTF8, NULL, gb,
	    sizeof gb - outleft, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_non_null(strstr(g.text, "t.csv:1:1: error: not UTF-8 "
	    "(try --encoding gb18030)\n"));
	fz_import_free(im);
}

static void
test_bad_rows(void **state)
{
	static const char csv[] = "案件编号,立案日期,办结日期,处罚种类,罚款金额\n"
	    "C1,2019/3/5,2019/3/1,警告,\n"
	    "C2,2019/3/5,,拘留,100\n"
	    ",2019/3/5,,,\n"
	    "C4,2019/2/30,,,,9\n"
	    "C5,\"2019/3/5\"x,,,\n";
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_int_equal(import(FZ_KIND_CASES, FZ_ENC_UTF8, NULL, csv,
	    sizeof csv - 1, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text,
	    "t.csv:2:3: error: closed 2019-03-01 is before filed 2019-03-05\n"
	    "t.csv:3:4: error: unknown penalty '拘留' (expected warning 警告, "
	    "fine 罚款, confiscation 没收, suspension 责令停业, revocation 吊销, "
	    "none 不予处罚)\n"
	    "t.csv:4:1: error: empty cell for the required key 'id'\n"
	    "t.csv:5:2: error: filed: '2019/2/30' is not a date "
	    "(expected YYYY-MM-DD)\n"
	    "t.csv:5:6: error: cell beyond the header's 5 columns\n"
	    "t.csv:6:2: error: CSV: a quote inside an unquoted cell, or text "
	    "after a closing quote\n");
	fz_import_free(im);
}

/* The ' of fazhi-render's formula guard is taken off, and only it: a
 * quote at the start of a cell before quotes and = + - @. */
static void
test_formula_guard(void **state)
{
	static const char csv[] = "id,name,category\n"
	    "E1,'=1+2,a\n" "E2,'+86,a\n" "E3,'-x,a\n" "E4,'@y,a\n"
	    "E5,''=z,a\n" "E6,'x,a\n" "E7,',a\n" "E8,x'=1,a\n"
	    "E9,\"'=a,b\",a\n" "E10,\" '=c\",a\n";
	static const char *const names[] = { "=1+2", "+86", "-x", "@y",
		"'=z", "'x", "'", "x'=1", "=a,b", "'=c" };
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, csv,
	    sizeof csv - 1, 3, &g, &recs, &im), FZ_OK);
	assert_int_equal(recs->n, 10);
	for (size_t i = 0; i < 10; i++)
		assert_string_equal(get(recs->kids[i], "name"), names[i]);
	fz_import_free(im);
}

/* A cell longer than a reader's scalar is refused at its place; one of
 * the limit, white space around it aside, is taken. */
static void
test_cell_over_the_scalar_limit(void **state)
{
	size_t n = FZ_MAX_SCALAR + 64;
	char *csv = malloc(n + 64), *p = csv;
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	p += sprintf(p, "id,name,category\nE1,\" ");
	memset(p, 'x', FZ_MAX_SCALAR);
	p += FZ_MAX_SCALAR;
	p += sprintf(p, " \",a\n");
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, csv,
	    (size_t)(p - csv), 65536, &g, &recs, &im), FZ_OK);
	assert_int_equal(strlen(get(recs->kids[0], "name")), FZ_MAX_SCALAR);
	fz_import_free(im);
	p -= 5;
	p += sprintf(p, "x\",a\n");
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, csv,
	    (size_t)(p - csv), 65536, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:2:2: error: cell of 1048577 bytes "
	    "is longer than the limit of 1048576 bytes a value may have\n");
	fz_import_free(im);
	free(csv);
}

static void
test_header_problems(void **state)
{
	static const char twice[] = "名称,单位名称,类别,统一社会信用代码\nA,B,C,D\n";
	static const char missing[] = "名称,类别\nA,B\n";
	static const char open[] = "id,name,category\nA,\"B,C\n";
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, twice,
	    sizeof twice - 1, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:1:2: error: columns '名称' and "
	    "'单位名称' give the same key (skip one with --map 'COLUMN=-')\n");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, "名称=-",
	    twice, sizeof twice - 1, 4096, &g, &recs, &im), FZ_OK);
	assert_string_equal(get(recs->kids[0], "name"), "B");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, missing,
	    sizeof missing - 1, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:1:0: error: no column gives the "
	    "required key 'id' (name one with --map 'COLUMN=id')\n");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, open,
	    sizeof open - 1, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:2:2: error: CSV: a quoted cell is "
	    "not closed\n");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, "", 0, 1,
	    &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:1:0: error: no header row\n");
	fz_import_free(im);
}

static void
test_map(void **state)
{
	static const char csv[] = "代码,店名,业态,备注\nA,B,C,D\n";
	fz_import *im = fz_import_new(FZ_KIND_ENTITIES, FZ_ENC_UTF8, "t.csv",
	    0);
	struct got g;
	const fz_node *recs;
	fz_error err;

	(void)state;
	assert_int_equal(fz_import_map(im, "代码", &err), FZ_USAGE);
	assert_int_equal(fz_import_map(im, "代码=nom", &err), FZ_USAGE);
	assert_string_equal(err.msg, "--map: '代码=nom': nom is not a key of "
	    "entities");
	assert_int_equal(fz_import_map(im, "=id", &err), FZ_USAGE);
	assert_int_equal(fz_import_map(im, "代码=id,代码=name", &err),
	    FZ_USAGE);
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8,
	    " 代码 = id , 店名=name,业态=category,备注=-,", csv,
	    sizeof csv - 1, 4096, &g, &recs, &im), FZ_OK);
	assert_string_equal(g.text, "");
	assert_string_equal(get(recs->kids[0], "category"), "C");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8,
	    "代码=id,店名=name,业态=category,地址=town", csv, sizeof csv - 1,
	    4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:1:0: error: no column '地址' "
	    "(named in --map)\nt.csv:1:4: warning: column '备注' has no key; "
	    "skipped (name one with --map '备注=KEY')\n");
	fz_import_free(im);
	assert_null(fz_import_new(FZ_KIND_PLAN, FZ_ENC_UTF8, "t.csv", 0));
}

static void
test_checked_as_fazhi_check(void **state)
{
	static const char csv[] = "执法证号,姓名,所属部门\nA1,张三,文旅\n"
	    "A1,李四,文旅\nA3,王五\n";
	static const char uscc[] = "统一社会信用代码,名称,类别\n"
	    "91330203MA2AAAAA1X,某网吧,网吧\n";
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_int_equal(import(FZ_KIND_INSPECTORS, FZ_ENC_UTF8, NULL, csv,
	    sizeof csv - 1, 4096, &g, &recs, &im), FZ_DATAERR);
	assert_string_equal(g.text, "t.csv:3:1: error: duplicate id 'A1' in "
	    "inspectors (first at t.csv:2:1)\n"
	    "t.csv:4:3: error: empty cell for the required key "
	    "'department'\n");
	fz_import_free(im);
	assert_int_equal(import(FZ_KIND_ENTITIES, FZ_ENC_UTF8, NULL, uscc,
	    sizeof uscc - 1, 4096, &g, &recs, &im), FZ_OK);
	assert_string_equal(g.text, "t.csv:2:1: warning: 统一社会信用代码 "
	    "'91330203MA2AAAAA1X' has a wrong check character (GB 32100)\n");
	fz_import_free(im);
}

static void
test_write(void **state)
{
	static const char csv[] = "案件编号,立案日期,处罚种类\n007,2019/3/5,警告\n";
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	fz_writer *w = fz_writer_new(fp);
	struct got g;
	const fz_node *recs;
	fz_import *im;

	(void)state;
	assert_int_equal(import(FZ_KIND_CASES, FZ_ENC_UTF8, NULL, csv,
	    sizeof csv - 1, 4096, &g, &recs, &im), FZ_OK);
	assert_int_equal(fz_import_write(w, FZ_KIND_CASES, recs), 0);
	assert_int_equal(fz_writer_free(w), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "kind: cases\n"));
	assert_non_null(strstr(buf, "version: 1\n"));
	assert_non_null(strstr(buf, "\"007\""));
	assert_non_null(strstr(buf, "filed: 2019-03-05"));
	assert_non_null(strstr(buf, "warning"));
	free(buf);
	fz_import_free(im);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_header_keys),
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_cell_over_the_scalar_limit),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_checked_as_fazhi_check),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
