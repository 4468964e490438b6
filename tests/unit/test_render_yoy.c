/* test_render_yoy.c - the arithmetic of 同比 at its edges: from 0, to 0,
 * equal, rounding at .x5 (half away from zero, both ways), decreases,
 * negative figures, overflow, money in yuan, rates in points. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static const char *
words(int64_t prev, int64_t cur, int money)
{
	static char buf[128];

	assert_int_equal(fz_render_yoy_words(prev, cur, money, buf,
	    sizeof buf), 0);
	return buf;
}

static int64_t
percent(int64_t prev, int64_t cur)
{
	int64_t t = 99999;

	assert_int_equal(fz_render_yoy_percent(prev, cur, &t), 0);
	return t;
}

static void
percent_edges(void **state)
{
	int64_t t;

	(void)state;
	/* From 0: no percentage, the difference only. */
	assert_int_equal(fz_render_yoy_percent(0, 5, &t), -1);
	assert_string_equal(words(0, 5, 0), "比上年增加5，上年为0");
	assert_string_equal(words(0, 0, 0), "与上年持平");
	/* To 0: down a whole hundred. */
	assert_int_equal(percent(7, 0), -1000);
	assert_string_equal(words(7, 0, 0), "比上年减少7，下降100.0%");
	/* Equal. */
	assert_int_equal(percent(913, 913), 0);
	assert_string_equal(words(913, 913, 0), "与上年持平");
	/* Grown and fallen. */
	assert_int_equal(percent(4500, 4914), 92);	/* 9.2% */
	assert_string_equal(words(4500, 4914, 0), "比上年增加414，增长9.2%");
	assert_string_equal(words(100, 96, 0), "比上年减少4，下降4.0%");
	assert_int_equal(percent(100, 300), 2000);
}

static void
rounding_half_away(void **state)
{
	(void)state;
	/* 1/400 = 0.25% exactly: up to 0.3, and down to -0.3. */
	assert_int_equal(percent(400, 401), 3);
	assert_int_equal(percent(400, 399), -3);
	/* 3/80 = 3.75%: 3.8; 1/80 = 1.25%: 1.3. */
	assert_int_equal(percent(80, 83), 38);
	assert_int_equal(percent(80, 81), 13);
	assert_int_equal(percent(80, 79), -13);
	/* Just under .x5 rounds down: 1/401 = 0.2493...%. */
	assert_int_equal(percent(401, 402), 2);
	/* 1/3 = 33.33...%, 2/3 = 66.66...%. */
	assert_int_equal(percent(3, 4), 333);
	assert_int_equal(percent(3, 5), 667);
	assert_int_equal(percent(3, 1), -667);
	assert_string_equal(words(80, 81, 0), "比上年增加1，增长1.3%");
	assert_string_equal(words(400, 399, 0), "比上年减少1，下降0.3%");
}

static void
negative_and_overflow(void **state)
{
	int64_t t;

	(void)state;
	/* A negative previous figure: the change against its size. */
	assert_int_equal(percent(-10, -5), 500);
	assert_int_equal(percent(-10, -15), -500);
	assert_int_equal(fz_render_yoy_percent(INT64_MIN, INT64_MAX, &t), -1);
	assert_int_equal(fz_render_yoy_percent(INT64_MAX, INT64_MAX - 1, &t),
	    -1);
	assert_int_equal(fz_render_yoy_percent(INT64_MAX / 4, INT64_MAX / 2,
	    &t), -1);
}

static void
money_in_yuan(void **state)
{
	(void)state;
	/* fen: 100000.25 yuan to 125000.50 yuan. */
	assert_string_equal(words(10000025, 12500050, 1),
	    "比上年增加25000.25元，增长25.0%");
	assert_string_equal(words(0, 150, 1), "比上年增加1.50元，上年为0");
	assert_string_equal(words(150, 0, 1), "比上年减少1.50元，下降100.0%");
}

static void
rates_in_points(void **state)
{
	int64_t t = 0;
	char buf[64];

	(void)state;
	/* 798/913 against 600/878: 87.40% - 68.34% = 19.07 points. */
	assert_int_equal(fz_render_yoy_points(600, 878, 798, 913, &t), 0);
	assert_int_equal(t, 191);
	/* 1/8 = 12.5% against 1/10 = 10%: 2.5 points, exact. */
	assert_int_equal(fz_render_yoy_points(1, 10, 1, 8, &t), 0);
	assert_int_equal(t, 25);
	/* 1/400 - 0 = 0.25 points: 0.3, and -0.3 back. */
	assert_int_equal(fz_render_yoy_points(0, 1, 1, 400, &t), 0);
	assert_int_equal(t, 3);
	assert_int_equal(fz_render_yoy_points(1, 400, 0, 1, &t), 0);
	assert_int_equal(t, -3);
	assert_int_equal(fz_render_yoy_points(1, 2, 2, 4, &t), 0);
	assert_int_equal(t, 0);
	/* A rate of nothing has no change. */
	assert_int_equal(fz_render_yoy_points(0, 0, 1, 2, &t), -1);
	assert_int_equal(fz_render_yoy_points(1, 2, 0, 0, &t), -1);
	assert_int_equal(fz_render_yoy_points(INT64_MAX, 3, 1, INT64_MAX, &t),
	    -1);
	fz_render_yoy_points_words(191, buf, sizeof buf);
	assert_string_equal(buf, "比上年提高19.1个百分点");
	fz_render_yoy_points_words(-3, buf, sizeof buf);
	assert_string_equal(buf, "比上年降低0.3个百分点");
	fz_render_yoy_points_words(0, buf, sizeof buf);
	assert_string_equal(buf, "与上年持平");
	assert_string_equal(fz_render_yoy_tenths_text(-3, buf, sizeof buf),
	    "-0.3");
	assert_string_equal(fz_render_yoy_tenths_text(1000, buf, sizeof buf),
	    "100.0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(percent_edges),
		cmocka_unit_test(rounding_half_away),
		cmocka_unit_test(negative_and_overflow),
		cmocka_unit_test(money_in_yuan),
		cmocka_unit_test(rates_in_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
