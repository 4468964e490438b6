/* test_csvout.c - RFC 4180 CSV of the tables, formula injection kept out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tables_fixture.h"

/* The CSV of yaml's tables, owned by the caller. */
static char *
csv_of(const char *yaml, unsigned flags)
{
	fz_table_set *ts = tables_of(yaml);
	fz_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(fz_table_csv_write(out, ts, flags, &err), FZ_OK);
	assert_int_equal(fclose(out), 0);
	fz_table_set_free(ts);
	return buf;
}

static void
test_tally_csv(void **state)
{
	char *csv = csv_of(
	    "kind: tally\nby: [month]\n"
	    "rows:\n  - {month: 2019-01, visits: 12, fines: 1250.50}\n"
	    "  - {month: 2019-02, visits: 7}\n"
	    "totals: {visits: 19, fines: 1250.50}\n", 0);

	(void)state;
	/* no 合计 among the data, for pivot tables, unless asked */
	assert_string_equal(csv,
	    "月份,检查单位家次,罚没款（元）\r\n"
	    "2019-01,12,1250.50\r\n"
	    "2019-02,7,\r\n");
	free(csv);
	csv = csv_of("kind: tally\nby: [month]\n"
	    "rows:\n  - {month: 2019-01, visits: 12}\n"
	    "totals: {visits: 12}\n", FZ_CSV_TOTALS);
	assert_string_equal(csv, "月份,检查单位家次\r\n2019-01,12\r\n合计,12\r\n");
	free(csv);
}

static void
test_quoting(void **state)
{
	char *csv = csv_of(
	    "a: 'x,y'\n"
	    "b: 'say \"hi\"'\n"
	    "c: \"two\\nlines\"\n"
	    "d: \"cr\\rhere\"\n"
	    "e: plain 文本\n", 0);

	(void)state;
	assert_string_equal(csv,
	    "代码,项目,数值\r\n"
	    "a,a,\"x,y\"\r\n"
	    "b,b,\"say \"\"hi\"\"\"\r\n"
	    "c,c,\"two\nlines\"\r\n"
	    "d,d,\"cr\rhere\"\r\n"
	    "e,e,plain 文本\r\n");
	free(csv);
}

static void
test_formula_injection(void **state)
{
	char *csv = csv_of(
	    "f1: '=HYPERLINK(\"http://x\",\"y\")'\n"
	    "f2: '+1'\n"
	    "f3: '-2+3'\n"
	    "f4: '@SUM(A1)'\n"
	    "f5: \"\\tx\"\n"
	    "n: -5\n"
	    "'=k': v\n", 0);

	(void)state;
	assert_string_equal(csv,
	    "代码,项目,数值\r\n"
	    "f1,f1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
	    "f2,f2,'+1\r\n"
	    "f3,f3,'-2+3\r\n"
	    "f4,f4,'@SUM(A1)\r\n"
	    "f5,f5,'\tx\r\n"
	    "n,n,-5\r\n"	/* a number, not text: left alone */
	    "'=k,'=k,v\r\n");
	free(csv);
}

/* A text of quotes then = + - @ gets the guard too, so that taking one
 * leading quote off (fazhi-import) gives every text back. */
static void
test_quotes_before_a_formula(void **state)
{
	char *csv = csv_of(
	    "q1: \"'=1\"\n"
	    "q2: \"''-2\"\n"
	    "q3: \"'x\"\n"
	    "q4: \"'\"\n"
	    "q5: \"x'=1\"\n", 0);

	(void)state;
	assert_string_equal(csv,
	    "代码,项目,数值\r\n"
	    "q1,q1,''=1\r\n"
	    "q2,q2,'''-2\r\n"
	    "q3,q3,'x\r\n"
	    "q4,q4,'\r\n"
	    "q5,q5,x'=1\r\n");
	free(csv);
}

static void
test_bom_and_several_tables(void **state)
{
	char *csv = csv_of(
	    "kind: cases\nrecords:\n  - {id: C1, fine: 500}\n"
	    "---\n"
	    "kind: metrics\n"
	    "rates: [{key: online_rate, label: 网上办实现率, numerator: 1, denominator: 3}]\n"
	    "applications: {completed: 3}\n", FZ_CSV_BOM);

	(void)state;
	assert_string_equal(csv,
	    "\xEF\xBB\xBF"
	    "案件\r\n"
	    "编号,罚款（元）,延长天数\r\n"
	    "C1,500.00,0\r\n"
	    "\r\n"
	    "审批指标 · 比率\r\n"
	    "指标,分子,分母,比率\r\n"
	    "网上办实现率,1,3,33.33%\r\n"
	    "\r\n"
	    "审批指标 · 数量\r\n"
	    "项目,数值\r\n"
	    "办件·办结,3\r\n");
	free(csv);
}

static void
test_write_error(void **state)
{
	fz_table_set *ts = tables_of("a: 1\n");
	fz_error err = { 0 };
	FILE *full = fopen("/dev/full", "w");

	(void)state;
	if (full == NULL)
		skip();
	assert_int_equal(fz_table_csv_write(full, ts, 0, &err), FZ_IOERR);
	assert_non_null(strstr(err.msg, "write error"));
	fclose(full);
	fz_table_set_free(ts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally_csv),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_formula_injection),
		cmocka_unit_test(test_quotes_before_a_formula),
		cmocka_unit_test(test_bom_and_several_tables),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
