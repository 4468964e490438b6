/* buf.c - the growing byte buffer every part of libfazhi builds its
 * strings in. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

void
fz_buf_add(fz_buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = b->cap ? b->cap : 256;
		while (b->len + len + 1 > b->cap)
			b->cap *= 2;
		b->data = fz_xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
fz_buf_adds(fz_buf *b, const char *s)
{
	fz_buf_add(b, s, strlen(s));
}

void
fz_buf_reset(fz_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

const char *
fz_buf_str(const fz_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void
fz_buf_free(fz_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
