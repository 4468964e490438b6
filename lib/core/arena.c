/* arena.c - bump allocation for nodes and strings, and the allocation
 * wrappers the rest of the library uses. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct block {
	struct block *next;
	size_t size, used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct fz_arena {
	struct block *head;	/* the block allocations come from */
	struct block *first;	/* kept across resets */
};

static struct block *
block_new(size_t size)
{
	struct block *b = malloc(sizeof *b + size);

	if (b == NULL)
		fz_nomem();
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

fz_arena *
fz_arena_new(void)
{
	fz_arena *a = fz_xmalloc(sizeof *a);

	a->first = a->head = block_new(ARENA_BLOCK);
	return a;
}

static void
free_chain(struct block *b)
{
	while (b != NULL) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
}

void
fz_arena_free(fz_arena *a)
{
	if (a == NULL)
		return;
	free_chain(a->head);
	free(a);
}

void
fz_arena_reset(fz_arena *a)
{
	/* Blocks are pushed in front of the first one: free all but it. */
	struct block *b = a->head;

	while (b != a->first) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	a->head = a->first;
	a->first->used = 0;
}

void
fz_arena_mark_at(fz_arena *a, fz_arena_mark *m)
{
	m->block = a->head;
	m->used = a->head->used;
}

void
fz_arena_release(fz_arena *a, const fz_arena_mark *m)
{
	/* Blocks taken since the mark are in front of it. */
	while (a->head != m->block) {
		struct block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
	a->head->used = m->used;
}

void *
fz_arena_alloc(fz_arena *a, size_t size)
{
	struct block *b = a->head;
	size_t at = (b->used + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

	if (size > b->size || at > b->size - size) {
		size_t bs = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		struct block *nb = block_new(bs);

		nb->next = a->head;
		a->head = nb;
		b = nb;
		at = 0;
	}
	b->used = at + size;
	return b->data + at;
}

char *
fz_arena_strndup(fz_arena *a, const char *s, size_t len)
{
	char *p = fz_arena_alloc(a, len + 1);

	if (p == NULL)
		return NULL;
	if (len > 0)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
fz_arena_strdup(fz_arena *a, const char *s)
{
	return fz_arena_strndup(a, s, strlen(s));
}

char *
fz_arena_printf(fz_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = fz_arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static void *
check(void *p)
{
	if (p == NULL)
		fz_nomem();
	return p;
}

void *fz_xmalloc(size_t size) { return check(malloc(size ? size : 1)); }
void *fz_xcalloc(size_t n, size_t size) { return check(calloc(n ? n : 1, size ? size : 1)); }
void *fz_xrealloc(void *p, size_t size) { return check(realloc(p, size ? size : 1)); }
char *fz_xstrdup(const char *s) { return check(strdup(s)); }

const char *
fz_trim(const char *s, size_t *len)
{
	size_t n = *len;

	for (;;) {
		if (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' ||
		    *s == '\n')) {
			s++, n--;
		} else if (n >= 3 && *s == '\xe3' &&
		    memcmp(s, "\xe3\x80\x80", 3) == 0) {
			s += 3, n -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		    s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 3 && s[n - 3] == '\xe3' &&
		    memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	*len = n;
	return s;
}
