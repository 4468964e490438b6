/* render_yoy_calc.c - the arithmetic of 同比: a change as an exact
 * difference and a percentage of the previous figure, or of a rate in
 * percentage points, to one decimal, from integers only (no floats),
 * rounded half away from zero; and its words. */
#include <stdio.h>
#include <string.h>

#include "render_int.h"

/* round(num * scale / den), half away from zero, for num >= 0 and
 * den > 0: 0, or -1 when it would overflow. */
static int
scaled_round(uint64_t num, uint64_t den, uint64_t scale, uint64_t *out)
{
	uint64_t q = num / den, r = num % den;

	if (den > UINT64_MAX / (2 * scale) || q > (UINT64_MAX / 2) / scale)
		return -1;
	/* r * scale / den rounded: (2 r scale + den) / (2 den). */
	*out = q * scale + (2 * r * scale + den) / (2 * den);
	return 0;
}

static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v;
}

int
fz_render_yoy_percent(int64_t previous, int64_t current, int64_t *tenths)
{
	uint64_t t;
	int64_t change;

	if (previous == 0 || __builtin_sub_overflow(current, previous, &change)
	    || scaled_round(magnitude(change), magnitude(previous), 1000,
	    &t) != 0 || t > INT64_MAX)
		return -1;
	*tenths = change < 0 ? -(int64_t)t : (int64_t)t;
	return 0;
}

int
fz_render_yoy_points(int64_t pn, int64_t pd, int64_t cn, int64_t cd,
    int64_t *tenths)
{
	int64_t a, b, diff, den;
	uint64_t t;

	/* cn/cd - pn/pd = (cn pd - pn cd) / (cd pd), in points: x 100. */
	if (pd <= 0 || cd <= 0 || __builtin_mul_overflow(cn, pd, &a) ||
	    __builtin_mul_overflow(pn, cd, &b) ||
	    __builtin_sub_overflow(a, b, &diff) ||
	    __builtin_mul_overflow(cd, pd, &den) ||
	    scaled_round(magnitude(diff), (uint64_t)den, 1000, &t) != 0 ||
	    t > INT64_MAX)
		return -1;
	*tenths = diff < 0 ? -(int64_t)t : (int64_t)t;
	return 0;
}

/* tenths as "12.3" (without its sign) into buf. */
static const char *
decimal(int64_t tenths, char *buf, size_t n)
{
	uint64_t m = magnitude(tenths);

	snprintf(buf, n, "%llu.%llu", (unsigned long long)(m / 10),
	    (unsigned long long)(m % 10));
	return buf;
}

/* The difference in the figure's own terms: a count, or yuan for
 * money (fen given). */
static const char *
amount(uint64_t m, int money, char *buf, size_t n)
{
	if (money)
		snprintf(buf, n, "%llu.%02llu元", (unsigned long long)(m / 100),
		    (unsigned long long)(m % 100));
	else
		snprintf(buf, n, "%llu", (unsigned long long)m);
	return buf;
}

int
fz_render_yoy_words(int64_t previous, int64_t current, int money,
    char *buf, size_t n)
{
	char d[48], p[32];
	int64_t change, tenths;

	if (__builtin_sub_overflow(current, previous, &change))
		return -1;
	if (change == 0) {
		snprintf(buf, n, "与上年持平");
		return 0;
	}
	amount(magnitude(change), money, d, sizeof d);
	if (previous == 0) {
		/* No percentage of nothing: the difference alone. */
		snprintf(buf, n, "比上年%s%s，上年为0", change > 0 ? "增加" :
		    "减少", d);
		return 0;
	}
	if (fz_render_yoy_percent(previous, current, &tenths) != 0)
		return -1;
	snprintf(buf, n, "比上年%s%s，%s%s%%", change > 0 ? "增加" : "减少",
	    d, change > 0 ? "增长" : "下降", decimal(tenths, p, sizeof p));
	return 0;
}

int
fz_render_yoy_points_words(int64_t tenths, char *buf, size_t n)
{
	char p[32];

	if (tenths == 0)
		snprintf(buf, n, "与上年持平");
	else
		snprintf(buf, n, "比上年%s%s个百分点", tenths > 0 ? "提高" :
		    "降低", decimal(tenths, p, sizeof p));
	return 0;
}

const char *
fz_render_yoy_tenths_text(int64_t tenths, char *buf, size_t n)
{
	char p[32];

	snprintf(buf, n, "%s%s", tenths < 0 ? "-" : "", decimal(tenths, p,
	    sizeof p));
	return buf;
}
