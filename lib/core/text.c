/* text.c - the characters of a document's text, as a word limit such
 * as 政策性文件字数控制在5000字以内 counts them: what is written, not its
 * bytes and not the space between. */
#include "core.h"

/* The code point at s (n bytes left) into *cp, its length returned; 0
 * for a byte sequence that is not UTF-8 (overlong, a surrogate, past
 * U+10FFFF, cut short). */
static size_t
decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len;
	unsigned long c, min;

	if (s[0] < 0x80)
		return *cp = s[0], 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return *cp = c, len;
}

/* White space and controls, which a count of characters leaves out:
 * the ASCII ones, NEL, NBSP, the Unicode spaces of U+1680, U+2000 to
 * U+200A, U+2028, U+2029, U+202F, U+205F, the ideographic space U+3000
 * (全角空格) and the byte order mark U+FEFF. */
static int
blank(unsigned long c)
{
	return c <= 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 ||
	    c == 0xfeff;
}

long long
fz_text_characters(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	long long n = 0;
	unsigned long c;

	while (len > 0) {
		size_t k = decode(p, len, &c);

		if (k == 0)
			return -1;
		if (!blank(c))
			n++;
		p += k, len -= k;
	}
	return n;
}
