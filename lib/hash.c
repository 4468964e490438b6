/* hash.c - string-keyed maps that remember insertion order, so that
 * nothing the programs write depends on hashing. */
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

struct entry {
	const char *key;
	size_t len;
	uint64_t hash;
	void *value;
};

struct fz_map {
	struct entry *entries;	/* in insertion order */
	size_t count, cap;
	uint32_t *slots;	/* index + 1 into entries; 0 is empty */
	size_t nslots;		/* a power of two */
	fz_arena *arena;	/* the keys */
};

static uint64_t
hash_bytes(const char *s, size_t len)
{
	/* FNV-1a, 64 bits: short keys, good enough spread. */
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

fz_map *
fz_map_new(void)
{
	fz_map *m = fz_xcalloc(1, sizeof *m);

	m->nslots = 16;
	m->slots = fz_xcalloc(m->nslots, sizeof *m->slots);
	m->arena = fz_arena_new();
	if (m->arena == NULL)
		abort();
	return m;
}

void
fz_map_free(fz_map *m)
{
	if (m == NULL)
		return;
	free(m->entries);
	free(m->slots);
	fz_arena_free(m->arena);
	free(m);
}

size_t fz_map_count(const fz_map *m) { return m->count; }
fz_arena *fz_map_arena(fz_map *m) { return m->arena; }

static size_t
probe(const fz_map *m, const char *key, size_t len, uint64_t h, int *found)
{
	size_t mask = m->nslots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t s = m->slots[i];
		const struct entry *e;

		if (s == 0) {
			*found = 0;
			return i;
		}
		e = &m->entries[s - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0) {
			*found = 1;
			return i;
		}
	}
}

static void
grow(fz_map *m)
{
	size_t n = m->nslots * 2, mask = n - 1;
	uint32_t *slots = fz_xcalloc(n, sizeof *slots);

	for (size_t k = 0; k < m->count; k++) {
		size_t i = (size_t)m->entries[k].hash & mask;

		while (slots[i] != 0)
			i = (i + 1) & mask;
		slots[i] = (uint32_t)(k + 1);
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = n;
}

void **
fz_map_find(const fz_map *m, const char *key, size_t len)
{
	int found;
	size_t i = probe(m, key, len, hash_bytes(key, len), &found);

	return found ? &m->entries[m->slots[i] - 1].value : NULL;
}

void **
fz_map_insert(fz_map *m, const char *key, size_t len, int *added,
    const char **key_out)
{
	uint64_t h = hash_bytes(key, len);
	int found;
	size_t i = probe(m, key, len, h, &found);
	struct entry *e;

	if (!found) {
		if (m->count == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 16;
			m->entries = fz_xrealloc(m->entries,
			    m->cap * sizeof *m->entries);
		}
		e = &m->entries[m->count];
		e->key = fz_arena_strndup(m->arena, key, len);
		if (e->key == NULL)
			abort();
		e->len = len;
		e->hash = h;
		e->value = NULL;
		m->slots[i] = (uint32_t)++m->count;
		if (m->count * 4 > m->nslots * 3)
			grow(m);
	} else {
		e = &m->entries[m->slots[i] - 1];
	}
	if (added != NULL)
		*added = !found;
	if (key_out != NULL)
		*key_out = e->key;
	return &e->value;
}

const char *
fz_map_key(const fz_map *m, size_t i, size_t *len)
{
	if (len != NULL)
		*len = m->entries[i].len;
	return m->entries[i].key;
}

void *fz_map_value(const fz_map *m, size_t i) { return m->entries[i].value; }

/* ------------------------------------------------------------- u64 map */

#define U64_EMPTY UINT64_MAX

struct u64entry {
	uint64_t key;
	uint32_t value;
};

struct fz_u64map {
	struct u64entry *t;
	size_t n, cap;		/* cap: a power of two */
};

static size_t
mix64(uint64_t k)
{
	/* The finaliser of MurmurHash3: every key bit moves every slot bit. */
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return (size_t)k;
}

static struct u64entry *
u64_table(size_t cap)
{
	struct u64entry *t = fz_xmalloc(cap * sizeof *t);

	for (size_t i = 0; i < cap; i++)
		t[i].key = U64_EMPTY;
	return t;
}

fz_u64map *
fz_u64map_new(void)
{
	fz_u64map *m = fz_xcalloc(1, sizeof *m);

	m->cap = 64;
	m->t = u64_table(m->cap);
	return m;
}

void
fz_u64map_free(fz_u64map *m)
{
	if (m == NULL)
		return;
	free(m->t);
	free(m);
}

size_t fz_u64map_count(const fz_u64map *m) { return m->n; }

static void
u64_grow(fz_u64map *m)
{
	size_t cap = 2 * m->cap, mask = cap - 1;
	struct u64entry *t = u64_table(cap);

	for (size_t i = 0; i < m->cap; i++) {
		if (m->t[i].key == U64_EMPTY)
			continue;
		size_t j = mix64(m->t[i].key) & mask;
		while (t[j].key != U64_EMPTY)
			j = (j + 1) & mask;
		t[j] = m->t[i];
	}
	free(m->t);
	m->t = t;
	m->cap = cap;
}

uint32_t *
fz_u64map_insert(fz_u64map *m, uint64_t key, int *added)
{
	size_t mask, i;

	if ((m->n + 1) * 10 > m->cap * 7)
		u64_grow(m);
	mask = m->cap - 1;
	for (i = mix64(key) & mask; m->t[i].key != U64_EMPTY;
	    i = (i + 1) & mask)
		if (m->t[i].key == key) {
			*added = 0;
			return &m->t[i].value;
		}
	m->t[i].key = key;
	m->t[i].value = 0;
	m->n++;
	*added = 1;
	return &m->t[i].value;
}

int
fz_u64map_next(const fz_u64map *m, size_t *pos, uint64_t *key,
    uint32_t *value)
{
	for (; *pos < m->cap; ++*pos) {
		if (m->t[*pos].key == U64_EMPTY)
			continue;
		*key = m->t[*pos].key;
		*value = m->t[*pos].value;
		++*pos;
		return 1;
	}
	return 0;
}
