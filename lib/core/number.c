/* number.c - the numbers of records, exactly: whole numbers, money as
 * integer fen, ratios as a numerator over a power of ten (no floating
 * point: a share of a population is compared as integers). */
#include <stdio.h>
#include <string.h>

#include "core.h"

int
fz_int_parse(const char *s, size_t len, long long *out)
{
	long long v = 0;

	if (len == 0 || len > 18)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
fz_money_parse(const char *s, size_t len, int64_t *fen)
{
	size_t dot = len, i;
	long long yuan, cents = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '.') {
			dot = i;
			break;
		}
	if (dot == 0 || dot > 15 || fz_int_parse(s, dot, &yuan) != 0)
		return -1;
	if (dot < len) {
		size_t nd = len - dot - 1;

		if (nd == 0 || nd > 2 ||
		    fz_int_parse(s + dot + 1, nd, &cents) != 0)
			return -1;
		if (nd == 1)
			cents *= 10;
	}
	*fen = (int64_t)yuan * 100 + cents;
	return 0;
}

char *
fz_money_format(int64_t fen, char *buf)
{
	const char *sign = fen < 0 ? "-" : "";
	uint64_t a = fen < 0 ? (uint64_t)-(fen + 1) + 1 : (uint64_t)fen;

	if (a % 100 == 0)
		snprintf(buf, 32, "%s%llu", sign, (unsigned long long)(a / 100));
	else
		snprintf(buf, 32, "%s%llu.%02llu", sign,
		    (unsigned long long)(a / 100),
		    (unsigned long long)(a % 100));
	return buf;
}

int
fz_ratio_parse(const char *s, size_t len, fz_ratio *r)
{
	size_t dot, nd;
	long long whole = 0, frac = 0;
	uint64_t den = 1;

	for (dot = 0; dot < len && s[dot] != '.'; dot++)
		;
	nd = dot < len ? len - dot - 1 : 0;
	if (dot == 0 || fz_int_parse(s, dot, &whole) != 0 ||
	    (dot < len && (nd == 0 || nd > FZ_RATIO_DIGITS ||
	    fz_int_parse(s + dot + 1, nd, &frac) != 0)))
		return -1;
	if (whole > 1)
		return -2;
	for (size_t i = 0; i < nd; i++)
		den *= 10;
	r->num = (uint64_t)whole * den + (uint64_t)frac;
	r->den = den;
	return r->num == 0 || r->num > den ? -2 : 0;
}
