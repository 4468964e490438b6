/* test_documents.c - the documents register in lib/core: the count of a
 * text's characters (字数) over Chinese, Latin, digits, full-width and
 * ASCII punctuation and spaces, and the decoding of a record. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

static long long
count(const char *s)
{
	return fz_text_characters(s, strlen(s));
}

/* One each for a Chinese character, a letter, a digit and a mark,
 * ASCII or full-width; none for any space, ASCII or ideographic. */
static void
test_characters(void **state)
{
	(void)state;
	assert_int_equal(count(""), 0);
	assert_int_equal(count(" \t\r\n\f\v"), 0);
	assert_int_equal(count("规范性文件"), 5);
	assert_int_equal(count("abc 123"), 6);
	/* 关于印发《2019年工作要点》的通知：第1条, ok. */
	assert_int_equal(count("关于印发《2019年工作要点》的通知：第1条, ok."),
	    26);
	/* Full-width letters, digits and marks: one each. */
	assert_int_equal(count("ＡＢ１２，。！"), 7);
	/* The ideographic space, NBSP, the narrow NBSP and a BOM: none. */
	assert_int_equal(count("\xe3\x80\x80第一条\xc2\xa0一、\xe2\x80\xaf"
	    "\xef\xbb\xbf"), 5);
	/* A line of a text with CRLF ends and indentation. */
	assert_int_equal(count("\xe3\x80\x80\xe3\x80\x80各镇（乡）、街道：\r\n"
	    "  现将 Wi-Fi 管理办法印发给你们。\r\n"), 26);
	/* A character beyond the BMP (𠀀) is one. */
	assert_int_equal(count("\xf0\xa0\x80\x80"), 1);
}

/* Not UTF-8: a count that would be wrong is refused. */
static void
test_characters_bad(void **state)
{
	(void)state;
	assert_int_equal(fz_text_characters("\xe8\xa7", 2), -1);
	assert_int_equal(fz_text_characters("a\xff", 2), -1);
	assert_int_equal(fz_text_characters("\xc0\xaf", 2), -1);
	assert_int_equal(fz_text_characters("\xed\xa0\x80", 3), -1);
	assert_int_equal(fz_text_characters("\xf4\x90\x80\x80", 4), -1);
}

/* The first record of a documents YAML text, decoded into d. */
static int
decode_first(const char *yaml, fz_document *d, fz_error *err)
{
	fz_node *doc = fx_parse(fx_arena, yaml);
	const fz_node *recs = fz_node_get(doc, "records");

	assert_non_null(recs);
	return fz_record_decode(FZ_KIND_DOCUMENTS, recs->kids[0], d, NULL,
	    err);
}

static void
test_decode(void **state)
{
	fz_document d;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(decode_first("kind: documents\nrecords:\n"
	    "  - {id: 海文旅〔2019〕1号, title: t, issued: 2019-03-01,\n"
	    "     type: 规范性文件, characters: 1200,\n"
	    "     fair_competition_result: 例外, exception_until: 2021-12-31}\n",
	    &d, &err), FZ_OK);
	assert_int_equal(d.type, FZ_DOC_NORMATIVE);
	assert_int_equal(d.to_lower_levels, 0);
	assert_int_equal(d.characters, 1200);
	assert_null(d.text);
	assert_int_equal(d.fair_competition_result, FZ_FAIR_EXCEPTION);
	assert_int_equal(d.exception_until, fx_date("2021-12-31"));
	assert_int_equal(d.legality_review, FZ_NODATE);
	assert_int_equal(decode_first("kind: documents\nrecords:\n"
	    "  - {id: X1, title: t, issued: 2019-03-01, type: paper}\n",
	    &d, &err), FZ_DATAERR);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "type"));
	assert_int_equal(decode_first("kind: documents\nrecords:\n"
	    "  - {id: X1, title: t, issued: 2019-03-01, type: policy,\n"
	    "     characters: -3}\n", &d, &err), FZ_DATAERR);
	assert_int_equal(err.line, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_characters_bad),
		cmocka_unit_test(test_decode),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup, fx_arena_teardown);
}
