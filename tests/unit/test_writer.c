/* test_writer.c - the YAML writer (lib/writer.c): what it writes, and
 * that the reader reads back what was meant. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

/* Strings a YAML 1.1 reader would take for something else, and strings
 * that need quoting for their characters. */
static const char *const tricky[] = { "true", "123", "null", "", "yes",
	"~", "0x1F", "1.5", "on", "NO", ".inf", "1_000", "190:20:30", " lead",
	"trail ", "a: b", "- x", "#c", "@x", "line1\nline2", "'q'", "\"dq\"",
	"网吧\xe3\x80\x80", "tab\there", "[1]", "{a: 1}", "*x", "&a", "!t",
	"%p", "`b", "|", ">", "?", "---", "...", "a  b", "x\n", "\nx",
	"a\r\nb", "\t", "😀 emoji", "a\xe2\x80\xa8" "b", "\xef\xbb\xbf" "bom",
	"a # not a comment", "key: value: more", "0o17", "09", "1e3",
	"2019-03-05", "是", "否", NULL };

static void
write_tricky_map(fz_writer *w, void *ctx)
{
	(void)ctx;
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	for (int i = 0; tricky[i] != NULL; i++) {
		char key[16];

		snprintf(key, sizeof key, "k%d", i);
		fz_write_key(w, key);
		fz_write_str(w, tricky[i]);
	}
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

static void
test_strings_read_back_as_strings(void **state)
{
	fz_arena *a = fz_arena_new();
	int rc;
	char *text = fx_written(write_tricky_map, NULL, &rc);
	fz_node *doc = fx_parse(a, text);

	(void)state;
	assert_int_equal(rc, 0);
	for (int i = 0; tricky[i] != NULL; i++) {
		char key[16];
		const fz_node *v;

		snprintf(key, sizeof key, "k%d", i);
		v = fz_node_get(doc, key);
		assert_non_null(v);
		assert_int_equal(v->type, FZ_SCALAR);
		assert_string_equal(v->str, tricky[i]);
		if (fz_node_tag(v) != FZ_TAG_STR)
			fail_msg("'%s' reads back as tag %d", tricky[i],
			    fz_node_tag(v));
	}
	free(text);
	fz_arena_free(a);
}

static void
write_words(fz_writer *w, void *ctx)
{
	const char *const *words = ctx;

	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	for (; words[0] != NULL; words += 2) {
		fz_write_key(w, words[0]);
		fz_write_str(w, words[1]);
	}
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

static void
write_long(fz_writer *w, void *ctx)
{
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "cause");
	fz_write_str(w, ctx);
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

/* A long text with spaces stays on one line: no folding. */
static void
test_long_strings_are_not_folded(void **state)
{
	fz_arena *a = fz_arena_new();
	size_t n = 20000;
	char *cause = malloc(n + 1), *text, *want = malloc(n + 32);

	(void)state;
	for (size_t i = 0; i < n; i++)
		cause[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 7);
	cause[n] = '\0';
	text = fx_written(write_long, cause, NULL);
	snprintf(want, n + 32, "---\ncause: %s\n", cause);
	assert_string_equal(text, want);
	assert_string_equal(fz_node_get(fx_parse(a, text), "cause")->str,
	    cause);
	free(cause);
	free(want);
	free(text);
	fz_arena_free(a);
}

static void
test_quoting_of_strings(void **state)
{
	static const char *const words[] = { "a", "true", "b", "123",
		"c", "null", "d", "", "e", "网吧", "f", "plain text", "on",
		"key", "g", "2019-03-05", NULL };
	char *text = fx_written(write_words, (void *)words, NULL);

	(void)state;
	assert_string_equal(text,
	    "---\n"
	    "a: \"true\"\n"
	    "b: \"123\"\n"
	    "c: \"null\"\n"
	    "d: \"\"\n"
	    "e: 网吧\n"
	    "f: plain text\n"
	    "\"on\": key\n"
	    "g: 2019-03-05\n");
	free(text);
}

static void
test_chinese_is_not_escaped(void **state)
{
	static const char *const words[] = { "name", "新华书店（城关店）",
		"town", "城关镇　", "cause", "未按规定核对登记上网消费者的有效身份证件",
		NULL };
	char *text = fx_written(write_words, (void *)words, NULL);

	(void)state;
	assert_null(strstr(text, "\\u"));
	assert_null(strstr(text, "\\x"));
	assert_non_null(strstr(text, "新华书店（城关店）"));
	assert_non_null(strstr(text, "未按规定核对登记上网消费者的有效身份证件"));
	free(text);
}

static void
write_values(fz_writer *w, void *ctx)
{
	(void)ctx;
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "fine");
	fz_write_money(w, 125050);
	fz_write_key(w, "round");
	fz_write_money(w, 500000);
	fz_write_key(w, "cents");
	fz_write_money(w, 5);
	fz_write_key(w, "zero");
	fz_write_money(w, 0);
	fz_write_key(w, "minus");
	fz_write_money(w, -150);
	fz_write_key(w, "date");
	fz_write_date(w, fz_date_make(2019, 3, 5));
	fz_write_key(w, "nodate");
	fz_write_date(w, FZ_NODATE);
	fz_write_key(w, "int");
	fz_write_int(w, -42);
	fz_write_key(w, "big");
	fz_write_int(w, INT64_MAX);
	fz_write_key(w, "yes");
	fz_write_bool(w, 1);
	fz_write_key(w, "no");
	fz_write_bool(w, 0);
	fz_write_key(w, "nothing");
	fz_write_null(w);
	fz_write_key(w, "plain");
	fz_write_plain(w, "2019-Q3");
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

static void
test_money_dates_and_numbers(void **state)
{
	char *text = fx_written(write_values, NULL, NULL);

	(void)state;
	assert_string_equal(text,
	    "---\n"
	    "fine: 1250.50\n"
	    "round: 5000\n"
	    "cents: 0.05\n"
	    "zero: 0\n"
	    "minus: -1.50\n"
	    "date: 2019-03-05\n"
	    "nodate: null\n"
	    "int: -42\n"
	    "big: 9223372036854775807\n"
	    "\"yes\": true\n"
	    "\"no\": false\n"
	    "nothing: null\n"
	    "plain: 2019-Q3\n");
	free(text);
}

static void
test_values_read_back_with_their_tags(void **state)
{
	fz_arena *a = fz_arena_new();
	char *text = fx_written(write_values, NULL, NULL);
	fz_node *doc = fx_parse(a, text);
	int64_t fen;

	(void)state;
	assert_int_equal(fz_node_tag(fz_node_get(doc, "fine")), FZ_TAG_FLOAT);
	assert_int_equal(fz_node_tag(fz_node_get(doc, "round")), FZ_TAG_INT);
	assert_int_equal(fz_node_tag(fz_node_get(doc, "yes")), FZ_TAG_BOOL);
	assert_true(fz_node_is_null(fz_node_get(doc, "nodate")));
	assert_true(fz_node_is_null(fz_node_get(doc, "nothing")));
	assert_int_equal(fz_money_parse(fz_node_get(doc, "fine")->str,
	    fz_node_get(doc, "fine")->len, &fen), 0);
	assert_int_equal(fen, 125050);
	free(text);
	fz_arena_free(a);
}

static void
write_flow(fz_writer *w, void *ctx)
{
	(void)ctx;
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "inputs");
	fz_write_map_begin(w, 1);
	fz_write_key(w, "inspections");
	fz_write_int(w, 12);
	fz_write_key(w, "town");
	fz_write_str(w, "城关镇");
	fz_write_key(w, "empty");
	fz_write_str(w, "");
	fz_write_map_end(w);
	fz_write_key(w, "by");
	fz_write_seq_begin(w, 1);
	fz_write_str(w, "month");
	fz_write_str(w, "true");
	fz_write_seq_end(w);
	fz_write_key(w, "none");
	fz_write_seq_begin(w, 1);
	fz_write_seq_end(w);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "a");
	fz_write_int(w, 1);
	fz_write_key(w, "b");
	fz_write_int(w, 2);
	fz_write_map_end(w);
	fz_write_seq_end(w);
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

static void
test_flow_and_block_collections(void **state)
{
	char *text = fx_written(write_flow, NULL, NULL);

	(void)state;
	assert_string_equal(text,
	    "---\n"
	    "inputs: {inspections: 12, town: 城关镇, empty: \"\"}\n"
	    "by: [month, \"true\"]\n"
	    "none: []\n"
	    "rows:\n"
	    "- a: 1\n"
	    "  b: 2\n");
	free(text);
}

static void
write_two_docs(fz_writer *w, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < 2; i++) {
		fz_write_doc_begin(w);
		fz_write_map_begin(w, 0);
		fz_write_key(w, "kind");
		fz_write_str(w, i ? "cases" : "inspections");
		fz_write_map_end(w);
		fz_write_doc_end(w);
	}
}

static void
test_documents_are_separated(void **state)
{
	char *text = fx_written(write_two_docs, NULL, NULL);

	(void)state;
	assert_string_equal(text, "---\nkind: inspections\n---\nkind: cases\n");
	free(text);
}

/* Two trees are the same YAML: same shapes, texts and resolution. */
static void
assert_same_tree(const fz_node *x, const fz_node *y)
{
	assert_int_equal(x->type, y->type);
	assert_int_equal(x->n, y->n);
	if (x->type == FZ_SCALAR) {
		assert_int_equal(x->len, y->len);
		assert_memory_equal(x->str, y->str, x->len);
		assert_int_equal(fz_node_tag(x), fz_node_tag(y));
		return;
	}
	for (size_t i = 0; i < (x->type == FZ_MAP ? 2 * x->n : x->n); i++)
		assert_same_tree(x->kids[i], y->kids[i]);
}

static void
write_tree(fz_writer *w, void *ctx)
{
	fz_write_doc_begin(w);
	assert_int_equal(fz_write_node(w, ctx), 0);
	fz_write_doc_end(w);
}

static void
test_write_node_round_trip(void **state)
{
	static const char src[] =
	    "kind: inspections\n"
	    "plain_bool: true\n"
	    "quoted_bool: \"true\"\n"
	    "single: '123'\n"
	    "number: 123\n"
	    "money: 1250.50\n"
	    "empty: ''\n"
	    "nothing:\n"
	    "tilde: ~\n"
	    "name: 新华书店\n"
	    "\"on\": key that is a word\n"
	    "literal: |\n"
	    "  line one\n"
	    "  line two\n"
	    "list: [a, \"b\", 3, null]\n"
	    "nested:\n"
	    "  - {x: 1, y: [2, {z: \"no\"}]}\n"
	    "  - []\n"
	    "  - {}\n";
	fz_arena *a = fz_arena_new();
	fz_node *first = fx_parse(a, src), *second, *third;
	char *text1 = fx_written(write_tree, first, NULL), *text2;

	(void)state;
	second = fx_parse(a, text1);
	assert_same_tree(first, second);
	/* And once written, it is written the same again. */
	text2 = fx_written(write_tree, second, NULL);
	assert_string_equal(text1, text2);
	third = fx_parse(a, text2);
	assert_same_tree(first, third);
	assert_int_equal(fz_node_tag(fz_node_get(third, "quoted_bool")),
	    FZ_TAG_STR);
	assert_int_equal(fz_node_tag(fz_node_get(third, "plain_bool")),
	    FZ_TAG_BOOL);
	assert_true(fz_node_is_null(fz_node_get(third, "nothing")));
	assert_string_equal(fz_node_get(third, "literal")->str,
	    "line one\nline two\n");
	free(text1);
	free(text2);
	fz_arena_free(a);
}

static void
test_write_node_null(void **state)
{
	char *text = fx_written(write_tree, NULL, NULL);

	(void)state;
	assert_string_equal(text, "--- null\n");
	free(text);
}

static void
write_small(fz_writer *w, void *ctx)
{
	(void)ctx;
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "kind");
	fz_write_str(w, "tally");
	fz_write_map_end(w);
	fz_write_doc_end(w);
}

static void
write_large(fz_writer *w, void *ctx)
{
	(void)ctx;
	fz_write_doc_begin(w);
	fz_write_seq_begin(w, 0);
	for (int i = 0; i < 100000; i++)
		fz_write_str(w, "检查记录");
	fz_write_seq_end(w);
	fz_write_doc_end(w);
}

/* fz_writer_free on a writer over /dev/full after fn wrote. */
static int
free_on_dev_full(fx_write_fn fn)
{
	FILE *full = fopen("/dev/full", "w");
	fz_writer *w;
	int rc;

	if (full == NULL)
		skip();
	w = fz_writer_new(full);
	fn(w, NULL);
	rc = fz_writer_free(w);
	fclose(full);
	return rc;
}

static void
test_dev_full_large(void **state)
{
	(void)state;
	assert_int_equal(free_on_dev_full(write_large), -1);
}

/* What stdio still buffers when the writer is freed is flushed and its
 * failure seen. */
static void
test_dev_full_small(void **state)
{
	(void)state;
	assert_int_equal(free_on_dev_full(write_small), -1);
}

static void
test_calls_after_a_failure_fail(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	fz_writer *w;

	(void)state;
	if (full == NULL)
		skip();
	setvbuf(full, NULL, _IONBF, 0);
	w = fz_writer_new(full);
	write_large(w, NULL);
	assert_int_equal(fz_write_doc_begin(w), -1);
	assert_int_equal(fz_write_str(w, "x"), -1);
	assert_int_equal(fz_writer_free(w), -1);
	fclose(full);
}

static void
test_free_null(void **state)
{
	(void)state;
	assert_int_equal(fz_writer_free(NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_read_back_as_strings),
		cmocka_unit_test(test_quoting_of_strings),
		cmocka_unit_test(test_long_strings_are_not_folded),
		cmocka_unit_test(test_chinese_is_not_escaped),
		cmocka_unit_test(test_money_dates_and_numbers),
		cmocka_unit_test(test_values_read_back_with_their_tags),
		cmocka_unit_test(test_flow_and_block_collections),
		cmocka_unit_test(test_documents_are_separated),
		cmocka_unit_test(test_write_node_round_trip),
		cmocka_unit_test(test_write_node_null),
		cmocka_unit_test(test_dev_full_large),
		cmocka_unit_test(test_dev_full_small),
		cmocka_unit_test(test_calls_after_a_failure_fail),
		cmocka_unit_test(test_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
