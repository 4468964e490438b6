/* test_arena.c - bump allocation, string copies, the x-allocators and
 * fz_trim (lib/arena.c). */
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
test_alloc_is_aligned_and_distinct(void **state)
{
	fz_arena *a = fz_arena_new();
	unsigned char *prev = NULL;

	(void)state;
	assert_non_null(a);
	for (size_t size = 1; size < 200; size += 7) {
		unsigned char *p = fz_arena_alloc(a, size);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		memset(p, 0xAB, size);
		if (prev != NULL)
			assert_ptr_not_equal(p, prev);
		prev = p;
	}
	fz_arena_free(a);
}

/* Many allocations across blocks keep their contents. */
static void
test_alloc_many_blocks_keep_contents(void **state)
{
	enum { N = 20000 };
	fz_arena *a = fz_arena_new();
	uint32_t **p = calloc(N, sizeof *p);

	(void)state;
	for (uint32_t i = 0; i < N; i++) {
		p[i] = fz_arena_alloc(a, 4 * sizeof(uint32_t));
		for (int k = 0; k < 4; k++)
			p[i][k] = i * 4 + (uint32_t)k;
	}
	for (uint32_t i = 0; i < N; i++)
		for (int k = 0; k < 4; k++)
			assert_int_equal(p[i][k], i * 4 + (uint32_t)k);
	free(p);
	fz_arena_free(a);
}

static void
test_alloc_larger_than_a_block(void **state)
{
	fz_arena *a = fz_arena_new();
	size_t big = 1u << 20;
	char *small1 = fz_arena_strdup(a, "before");
	char *p = fz_arena_alloc(a, big);
	char *small2 = fz_arena_strdup(a, "after");

	(void)state;
	assert_non_null(p);
	memset(p, 'z', big);
	assert_string_equal(small1, "before");
	assert_string_equal(small2, "after");
	assert_int_equal(p[big - 1], 'z');
	fz_arena_free(a);
}

static void
test_reset_forgets_and_reuses(void **state)
{
	fz_arena *a = fz_arena_new();
	char *first, *again;

	(void)state;
	first = fz_arena_strdup(a, "x");
	for (int i = 0; i < 1000; i++)
		assert_non_null(fz_arena_alloc(a, 1000));
	fz_arena_reset(a);
	again = fz_arena_strdup(a, "y");
	/* The first block is kept and allocation starts over in it. */
	assert_ptr_equal(first, again);
	assert_string_equal(again, "y");
	fz_arena_reset(a);
	fz_arena_reset(a);
	assert_non_null(fz_arena_alloc(a, 10));
	fz_arena_free(a);
	fz_arena_free(NULL);
}

/* Memory taken after a mark is handed out again after its release, in
 * the block it came from; what came before the mark is kept; marks nest. */
static void
test_mark_release(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_arena_mark outer, inner;
	char *kept = fz_arena_strdup(a, "kept"), *first, *again;

	(void)state;
	fz_arena_mark_at(a, &outer);
	first = fz_arena_alloc(a, 32);
	for (int round = 0; round < 1000; round++) {
		fz_arena_release(a, &outer);
		again = fz_arena_alloc(a, 32);
		assert_ptr_equal(again, first);
		fz_arena_mark_at(a, &inner);
		/* Many blocks' worth, and one larger than a block. */
		for (int i = 0; i < 100; i++)
			memset(fz_arena_alloc(a, 4096), 'x', 4096);
		assert_non_null(fz_arena_alloc(a, 1 << 20));
		fz_arena_release(a, &inner);
		assert_ptr_equal(fz_arena_alloc(a, 16), (char *)first + 32);
	}
	assert_string_equal(kept, "kept");
	fz_arena_release(a, &outer);
	assert_ptr_equal(fz_arena_alloc(a, 32), first);
	fz_arena_free(a);
}

static void
test_strings(void **state)
{
	fz_arena *a = fz_arena_new();
	const char src[] = "网吧 and more";
	char *s;

	(void)state;
	s = fz_arena_strndup(a, src, 6);
	assert_string_equal(s, "网吧");
	s = fz_arena_strndup(a, "a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	assert_string_equal(fz_arena_strdup(a, ""), "");
	assert_string_equal(fz_arena_strdup(a, src), src);
	assert_string_equal(fz_arena_printf(a, "%s-%03d-%.2f", "案", 7, 1.5),
	    "案-007-1.50");
	s = fz_arena_printf(a, "%0*d", 100000, 1);
	assert_int_equal(strlen(s), 100000);
	assert_int_equal(s[99999], '1');
	fz_arena_free(a);
}

static void
test_x_allocators(void **state)
{
	char *s = fz_xstrdup("法治");
	int *z = fz_xcalloc(16, sizeof *z);
	char *m = fz_xmalloc(0);

	(void)state;
	assert_string_equal(s, "法治");
	for (int i = 0; i < 16; i++)
		assert_int_equal(z[i], 0);
	z = fz_xrealloc(z, 1024 * sizeof *z);
	z[1023] = 5;
	assert_int_equal(z[0], 0);
	assert_non_null(m);
	free(m);
	free(z);
	free(s);
}

/* fz_trim on s: the text that is left. */
static void
assert_trims_to(const char *s, const char *want)
{
	size_t len = strlen(s);
	const char *t = fz_trim(s, &len);

	assert_true(t >= s && t + len <= s + strlen(s));
	assert_int_equal(len, strlen(want));
	assert_memory_equal(t, want, len);
}

static void
test_trim_ascii(void **state)
{
	(void)state;
	assert_trims_to("  城关镇 \t\r\n", "城关镇");
	assert_trims_to("a b", "a b");
	assert_trims_to("", "");
	assert_trims_to(" \t \n", "");
	assert_trims_to("x", "x");
}

static void
test_trim_ideographic_space(void **state)
{
	(void)state;
	/* U+3000 IDEOGRAPHIC SPACE is E3 80 80 in UTF-8. */
	assert_trims_to("\xe3\x80\x80网吧\xe3\x80\x80", "网吧");
	assert_trims_to("\xe3\x80\x80 \xe3\x80\x80 网吧 \xe3\x80\x80\t", "网吧");
	assert_trims_to("网\xe3\x80\x80吧", "网\xe3\x80\x80吧");
	assert_trims_to("\xe3\x80\x80\xe3\x80\x80", "");
	/* Other characters that share its leading bytes stay. */
	assert_trims_to("\xe3\x80\x81", "\xe3\x80\x81");
	assert_trims_to("\xe3\x80", "\xe3\x80");
	assert_trims_to("a\x80\x80", "a\x80\x80");
}

static void
test_trim_keeps_within_len(void **state)
{
	const char s[] = "  ab  cd";
	size_t len = 5;		/* "  ab " */
	const char *t = fz_trim(s, &len);

	(void)state;
	assert_ptr_equal(t, s + 2);
	assert_int_equal(len, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_is_aligned_and_distinct),
		cmocka_unit_test(test_alloc_many_blocks_keep_contents),
		cmocka_unit_test(test_alloc_larger_than_a_block),
		cmocka_unit_test(test_reset_forgets_and_reuses),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_mark_release),
		cmocka_unit_test(test_x_allocators),
		cmocka_unit_test(test_trim_ascii),
		cmocka_unit_test(test_trim_ideographic_space),
		cmocka_unit_test(test_trim_keeps_within_len),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
