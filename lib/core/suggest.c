/* suggest.c - the "did you mean" of a mistyped key or value: the nearest
 * of the known words by edit distance over characters (a swap of two
 * neighbours counts once), when it is near enough to be a typo. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define MAXCHARS 64

/* The characters of s (UTF-8 sequences as wholes) into c; their count,
 * or -1 when s is too long to be a typo of a short word. */
static int
chars(const char *s, unsigned c[MAXCHARS])
{
	int n = 0;

	while (*s != '\0') {
		unsigned ch = (unsigned char)*s++;

		while (((unsigned char)*s & 0xc0) == 0x80)
			ch = ch << 8 | (unsigned char)*s++;
		if (n == MAXCHARS)
			return -1;
		c[n++] = ch;
	}
	return n;
}

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* The edit distance of a and b: insertions, deletions, substitutions
 * and swaps of neighbours. */
static int
distance(const unsigned *a, int n, const unsigned *b, int m)
{
	int d[MAXCHARS + 1][MAXCHARS + 1];

	for (int i = 0; i <= n; i++)
		d[i][0] = i;
	for (int j = 0; j <= m; j++)
		d[0][j] = j;
	for (int i = 1; i <= n; i++)
		for (int j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];

			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
			    d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[n][m];
}

const char *
fz_nearest(const char *word, const char *const *known, size_t n)
{
	unsigned a[MAXCHARS], b[MAXCHARS];
	int la = chars(word, a), best = -1;
	const char *found = NULL;

	if (la <= 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int lb = known[i] != NULL ? chars(known[i], b) : -1, d;

		if (lb < 0)
			continue;
		d = distance(a, la, b, lb);
		/* Near enough: one edit in a short word, a third of a long
		 * one; never the whole word. */
		if (d > 0 && d < la && d <= (la > 6 ? la / 3 : 1 + (la > 3)) &&
		    (best < 0 || d < best)) {
			best = d;
			found = known[i];
		}
	}
	return found;
}
