/* test_node.c - YAML value trees and the YAML 1.1 resolution of plain
 * scalars (lib/node.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static void
assert_tag(const char *const *words, enum fz_scalar_tag want)
{
	for (; *words != NULL; words++) {
		enum fz_scalar_tag got = fz_scalar_resolve(*words,
		    strlen(*words));

		if (got != want)
			fail_msg("'%s' resolves to %d, not %d", *words, got,
			    want);
	}
}

static void
test_resolve_null(void **state)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL",
		NULL };
	static const char *const not_null[] = { "nULL", "None", "nil", "~~",
		" ", "null ", NULL };

	(void)state;
	assert_tag(nulls, FZ_TAG_NULL);
	assert_tag(not_null, FZ_TAG_STR);
}

static void
test_resolve_bool(void **state)
{
	static const char *const bools[] = { "y", "Y", "yes", "Yes", "YES",
		"n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
		"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", NULL };
	static const char *const not_bool[] = { "tRue", "yES", "oN", "t",
		"f", "是", "否", "truee", "yes!", NULL };

	(void)state;
	assert_tag(bools, FZ_TAG_BOOL);
	assert_tag(not_bool, FZ_TAG_STR);
}

static void
test_resolve_int(void **state)
{
	static const char *const ints[] = { "0", "-0", "+12", "42", "-17",
		"1_000", "0x1F", "0xff", "-0x1F", "0x_1", "0b1010", "-0b1",
		"0b1_0", "017", "-017", "0_7", "190:20:30", "1:30", "-1:30",
		NULL };
	static const char *const not_int[] = { "0x", "0xG", "0b", "0b102",
		"12abc", "_1", "1:", "0:30", "+", "-", "0o17", "一", "1 000",
		"2019-03-05", NULL };

	(void)state;
	assert_tag(ints, FZ_TAG_INT);
	assert_tag(not_int, FZ_TAG_STR);
}

static void
test_resolve_float(void **state)
{
	static const char *const floats[] = { "1.5", "-1.5", "+1.5", ".5",
		"-.5", "5.", "1_000.5", "1250.50", "1.0e+3", "1.0E-3",
		".inf", ".Inf", ".INF", "-.inf", "+.INF", ".nan", ".NaN",
		".NAN", NULL };
	/* 1e3 has no dot: YAML 1.1 reads it as a string. */
	static const char *const not_float[] = { "1e3", "1.0e", "1.0e+",
		"inf", "nan", "NaN", "-.nan", ".iNf", ".", "-.", "1.5x",
		NULL };

	(void)state;
	assert_tag(floats, FZ_TAG_FLOAT);
	assert_tag(not_float, FZ_TAG_STR);
}

/* The sexagesimal floats of YAML 1.1, which a writer must quote. */
static void
test_resolve_sexagesimal_float(void **state)
{
	static const char *const floats[] = { "190:20:30.15", "1:30.5",
		"-1:30.5", "0:30.5", "1:30.", "1:3.5", "+1_0:59.9_9", NULL };
	static const char *const not_float[] = { "1:60.5", "1:300.5",
		"1::30.5", ":30.5", "1:30:.5", "1:3a.5", NULL };

	(void)state;
	/* [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* of yaml.org/type/float:
	 * a YAML 1.1 reader takes these for numbers, so the writer must
	 * quote such strings. */
	assert_tag(floats, FZ_TAG_FLOAT);
	assert_tag(not_float, FZ_TAG_STR);
}

static void
test_scalar_bool(void **state)
{
	static const char *const yes[] = { "y", "Y", "yes", "Yes", "YES",
		"true", "True", "TRUE", "on", "On", "ON", NULL };
	static const char *const no[] = { "n", "N", "no", "No", "NO", "false",
		"False", "FALSE", "off", "Off", "OFF", NULL };
	static const char *const neither[] = { "", "~", "null", "1", "0",
		"tRue", "oN", "是", "否", "exempt", "yes ", NULL };

	(void)state;
	for (int i = 0; yes[i] != NULL; i++)
		assert_int_equal(fz_scalar_bool(yes[i], strlen(yes[i])), 1);
	for (int i = 0; no[i] != NULL; i++)
		assert_int_equal(fz_scalar_bool(no[i], strlen(no[i])), 0);
	for (int i = 0; neither[i] != NULL; i++)
		if (fz_scalar_bool(neither[i], strlen(neither[i])) != -1)
			fail_msg("'%s' taken for a bool", neither[i]);
	assert_int_equal(fz_scalar_bool("yesterday", 3), 1);
	assert_int_equal(fz_scalar_bool("no\0", 3), -1);
}

static void
test_resolve_only_within_len(void **state)
{
	(void)state;
	assert_int_equal(fz_scalar_resolve("truex", 4), FZ_TAG_BOOL);
	assert_int_equal(fz_scalar_resolve("12ab", 2), FZ_TAG_INT);
	assert_int_equal(fz_scalar_resolve("nullx", 0), FZ_TAG_NULL);
}

static void
test_tag_of_nodes(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *plain = fz_node_scalar(a, "true", 4);
	fz_node *quoted = fz_node_scalar(a, "true", 4);
	fz_node *empty = fz_node_scalar(a, "", 0);
	fz_node *qempty = fz_node_scalar(a, "", 0);
	fz_node *tilde = fz_node_scalar(a, "~", 1);

	(void)state;
	quoted->quoted = 1;
	qempty->quoted = 1;
	assert_int_equal(fz_node_tag(plain), FZ_TAG_BOOL);
	assert_int_equal(fz_node_tag(quoted), FZ_TAG_STR);
	assert_int_equal(fz_node_tag(NULL), FZ_TAG_NULL);
	assert_int_equal(fz_node_tag(fz_node_seq(a)), FZ_TAG_STR);
	assert_true(fz_node_is_null(NULL));
	assert_true(fz_node_is_null(empty));
	assert_true(fz_node_is_null(tilde));
	assert_false(fz_node_is_null(qempty));
	assert_false(fz_node_is_null(plain));
	assert_false(fz_node_is_null(fz_node_map(a)));
	assert_false(fz_node_is_null(fz_node_seq(a)));
	fz_arena_free(a);
}

static void
test_scalar_copies_its_text(void **state)
{
	fz_arena *a = fz_arena_new();
	char buf[] = "网吧xyz";
	fz_node *n = fz_node_scalar(a, buf, 6);

	(void)state;
	buf[0] = 'Q';
	assert_int_equal(n->type, FZ_SCALAR);
	assert_string_equal(n->str, "网吧");
	assert_int_equal(n->len, 6);
	assert_int_equal(n->quoted, 0);
	assert_int_equal(n->n, 0);
	assert_null(n->kids);
	fz_arena_free(a);
}

static void
test_get(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *m = fz_node_map(a), *v1 = fz_node_scalar(a, "1", 1);
	fz_node *v2 = fz_node_scalar(a, "2", 1);

	(void)state;
	fz_node_put(a, m, "ab", v1);
	fz_node_put(a, m, "a", v2);
	assert_int_equal(m->n, 2);
	assert_ptr_equal(fz_node_get(m, "ab"), v1);
	assert_ptr_equal(fz_node_get(m, "a"), v2);
	assert_null(fz_node_get(m, "abc"));
	assert_null(fz_node_get(m, ""));
	assert_null(fz_node_get(NULL, "a"));
	assert_null(fz_node_get(v1, "a"));
	assert_null(fz_node_get(fz_node_seq(a), "a"));
	/* Keys are scalars, values follow them. */
	assert_int_equal(m->kids[0]->type, FZ_SCALAR);
	assert_string_equal(m->kids[0]->str, "ab");
	assert_ptr_equal(m->kids[1], v1);
	fz_arena_free(a);
}

static void
test_put_null_value_and_key_position(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *m = fz_node_map(a), *v = fz_node_scalar(a, "x", 1);

	(void)state;
	v->line = 7;
	v->col = 3;
	v->file = "f.yaml";
	fz_node_put(a, m, "k", v);
	fz_node_put(a, m, "nothing", NULL);
	assert_int_equal(m->kids[0]->line, 7);
	assert_int_equal(m->kids[0]->col, 3);
	assert_string_equal(m->kids[0]->file, "f.yaml");
	assert_null(fz_node_get(m, "nothing"));
	assert_int_equal(m->n, 2);
	fz_arena_free(a);
}

static void
test_push_and_put_grow(void **state)
{
	enum { N = 3000 };
	fz_arena *a = fz_arena_new();
	fz_node *seq = fz_node_seq(a), *map = fz_node_map(a);
	char key[16];

	(void)state;
	for (int i = 0; i < N; i++) {
		snprintf(key, sizeof key, "%d", i);
		fz_node_push(a, seq, fz_node_scalar(a, key, strlen(key)));
		fz_node_put(a, map, key, fz_node_scalar(a, key, strlen(key)));
		/* Allocations between pushes must not land in the lists. */
		memset(fz_arena_alloc(a, 24), 0xEE, 24);
	}
	assert_int_equal(seq->n, N);
	assert_int_equal(map->n, N);
	for (int i = 0; i < N; i++) {
		snprintf(key, sizeof key, "%d", i);
		assert_string_equal(seq->kids[i]->str, key);
		assert_string_equal(map->kids[2 * i]->str, key);
		assert_string_equal(fz_node_get(map, key)->str, key);
	}
	fz_arena_free(a);
}

/* A tree: {id: "123", tags: [a, b], sub: {k: v}} with positions. */
static fz_node *
sample(fz_arena *a)
{
	fz_node *m = fz_node_map(a), *tags = fz_node_seq(a);
	fz_node *sub = fz_node_map(a), *id = fz_node_scalar(a, "123", 3);

	id->quoted = 1;
	id->line = 4;
	id->col = 9;
	id->file = "in.yaml";
	fz_node_put(a, m, "id", id);
	fz_node_push(a, tags, fz_node_scalar(a, "a", 1));
	fz_node_push(a, tags, fz_node_scalar(a, "b", 1));
	fz_node_put(a, m, "tags", tags);
	fz_node_put(a, sub, "k", fz_node_scalar(a, "v", 1));
	fz_node_put(a, m, "sub", sub);
	return m;
}

static void
test_copy_is_deep(void **state)
{
	fz_arena *a = fz_arena_new(), *b = fz_arena_new();
	fz_node *orig = sample(a), *c = fz_node_copy(b, orig);
	const fz_node *id;

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->type, FZ_MAP);
	assert_int_equal(c->n, 3);
	id = fz_node_get(c, "id");
	assert_string_equal(id->str, "123");
	assert_int_equal(id->quoted, 1);
	assert_int_equal(id->line, 4);
	assert_int_equal(id->col, 9);
	assert_string_equal(id->file, "in.yaml");
	assert_int_equal(fz_node_get(c, "tags")->n, 2);
	assert_string_equal(fz_node_get(c, "tags")->kids[1]->str, "b");
	assert_string_equal(fz_node_get(fz_node_get(c, "sub"), "k")->str, "v");
	/* Nothing is shared: the original's arena can go. */
	assert_ptr_not_equal(fz_node_get(c, "tags"), fz_node_get(orig, "tags"));
	fz_arena_free(a);
	assert_string_equal(fz_node_get(c, "tags")->kids[0]->str, "a");
	assert_string_equal(fz_node_get(c, "id")->str, "123");
	fz_arena_free(b);
}

static void
test_copy_of_empty_collections_and_scalar(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *s = fz_node_copy(a, fz_node_scalar(a, "x", 1));
	fz_node *e = fz_node_copy(a, fz_node_seq(a));

	(void)state;
	assert_string_equal(s->str, "x");
	assert_int_equal(e->type, FZ_SEQ);
	assert_int_equal(e->n, 0);
	fz_node_push(a, e, s);
	assert_ptr_equal(e->kids[0], s);
	fz_arena_free(a);
}

/* A copy can grow: its kids have the capacity fz_node_push and
 * fz_node_put assume (a power of two, at least 4). */
static void
test_copy_then_grow(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_node *seq = fz_node_seq(a), *map = fz_node_map(a), *cs, *cm;

	(void)state;
	fz_node_push(a, seq, fz_node_scalar(a, "first", 5));
	fz_node_put(a, map, "a", fz_node_scalar(a, "1", 1));
	cs = fz_node_copy(a, seq);
	cm = fz_node_copy(a, map);
	for (int i = 0; i < 6; i++) {
		fz_node_push(a, cs, fz_node_scalar(a, "more", 4));
		fz_node_put(a, cm, i % 2 ? "b" : "c", fz_node_scalar(a, "2", 1));
	}
	assert_int_equal(cs->n, 7);
	/* The copy's own first items must be intact. */
	assert_int_equal(cs->kids[0]->type, FZ_SCALAR);
	assert_int_equal(cs->kids[0]->len, 5);
	assert_string_equal(cs->kids[0]->str, "first");
	assert_int_equal(cm->n, 7);
	assert_int_equal(cm->kids[0]->type, FZ_SCALAR);
	assert_int_equal(cm->kids[0]->line, 0);
	assert_string_equal(cm->kids[0]->str, "a");
	assert_int_equal(cm->kids[1]->type, FZ_SCALAR);
	assert_string_equal(cm->kids[1]->str, "1");
	fz_arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_null),
		cmocka_unit_test(test_resolve_bool),
		cmocka_unit_test(test_resolve_int),
		cmocka_unit_test(test_resolve_float),
		cmocka_unit_test(test_resolve_sexagesimal_float),
		cmocka_unit_test(test_scalar_bool),
		cmocka_unit_test(test_resolve_only_within_len),
		cmocka_unit_test(test_tag_of_nodes),
		cmocka_unit_test(test_scalar_copies_its_text),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_put_null_value_and_key_position),
		cmocka_unit_test(test_push_and_put_grow),
		cmocka_unit_test(test_copy_is_deep),
		cmocka_unit_test(test_copy_of_empty_collections_and_scalar),
		cmocka_unit_test(test_copy_then_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
