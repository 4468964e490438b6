/* suggest.c - the "did you mean" of a mistyped key or value: the nearest
 * of the known words by edit distance over characters (a swap of two
 * neighbours counts once), when it is near enough to be a typo; and the
 * hint for a key typed with a full-width colon. */
#include <stdio.h>
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

/* ------------------------------------------------------- full-width colon */

#define COLON "\xef\xbc\x9a"	/* ：, U+FF1A, as Chinese input methods type ':' */
#define QUOTED 60		/* bytes of a scalar quoted, at most */

/* The first colon in the len bytes of s, or NULL. */
static const char *
find_colon(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while (p != NULL && end - p >= 3) {
		if ((p = memchr(p, COLON[0], (size_t)(end - p - 2))) == NULL)
			break;
		if (memcmp(p, COLON, 3) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* At most max of the len bytes of s, cut between two characters. */
static int
cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return (int)len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

int
fz_colon_hint(const char *s, size_t len, unsigned *col, char *buf,
    size_t size)
{
	const char *c = s != NULL ? find_colon(s, len) : NULL, *k;
	unsigned chars = 0;
	int blank = 0, q;

	if (c == NULL)
		return 0;
	/* The key: the word before the colon. */
	for (k = c; k > s && k[-1] != ' ' && k[-1] != '\t' && k[-1] != '\n';
	    k--)
		;
	for (const char *p = s; p < c; p++) {
		blank |= *p == ' ' || *p == '\t' || *p == '\n';
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	}
	/* Nothing before it may be a line break folded into a space: the
	 * colon is on the scalar's first line. */
	if (!blank && col != NULL)
		*col += chars;
	q = cut(k, len - (size_t)(k - s), QUOTED);
	snprintf(buf, size, _("full-width colon ： in '%.*s%s': a key ends with "
	    "an ASCII ':' and a space, as in '%.*s: '"), q, k,
	    q < (int)(len - (size_t)(k - s)) ? "..." : "",
	    cut(k, (size_t)(c - k), QUOTED), k);
	return 1;
}

const fz_node *
fz_colon_key(const fz_node *m)
{
	for (size_t i = 0; m != NULL && m->type == FZ_MAP && i < m->n; i++)
		if (m->kids[2 * i]->type == FZ_SCALAR &&
		    find_colon(m->kids[2 * i]->str, m->kids[2 * i]->len))
			return m->kids[2 * i];
	return NULL;
}

const char *
fz_colon_note(const fz_node *k, char *buf, size_t size)
{
	char hint[256];

	buf[0] = '\0';
	if (k != NULL && k->type == FZ_SCALAR &&
	    fz_colon_hint(k->str, k->len, NULL, hint, sizeof hint))
		snprintf(buf, size, " (%s)", hint);
	return buf;
}
