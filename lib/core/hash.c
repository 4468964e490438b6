/* hash.c - string-keyed maps that remember insertion order, so that
 * nothing the programs write depends on hashing. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct entry {
	const char *key;
	size_t len;
	uint64_t hash;
	void *value;
};

struct fz_map {
	struct entry *entries;	/* in insertion order */
	size_t count, cap;
	uint64_t *slots;	/* high half: the hash's; low: index + 1; 0 empty */
	size_t nslots;		/* a power of two */
	fz_arena *arena;	/* the keys */
};

static uint64_t
hash_bytes(const char *s, size_t len)
{
	/* Eight bytes at a time, each word mixed in by a multiply. */
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	if (len > 0)	/* s may be NULL for an empty key */
		memcpy(&w, s, len);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
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

	uint32_t frag = (uint32_t)(h >> 32);

	for (;; i = (i + 1) & mask) {
		uint64_t s = m->slots[i];
		const struct entry *e;

		if (s == 0) {
			*found = 0;
			return i;
		}
		/* Only a slot whose hash agrees costs a look at the entry. */
		if ((uint32_t)(s >> 32) != frag)
			continue;
		e = &m->entries[(uint32_t)s - 1];
		if (e->len == len && (len == 0 ||
		    memcmp(e->key, key, len) == 0)) {
			*found = 1;
			return i;
		}
	}
}

static void
grow(fz_map *m)
{
	size_t n = m->nslots * 2, mask = n - 1;
	uint64_t *slots = fz_xcalloc(n, sizeof *slots);

	for (size_t k = 0; k < m->count; k++) {
		uint64_t h = m->entries[k].hash;
		size_t i = (size_t)h & mask;

		while (slots[i] != 0)
			i = (i + 1) & mask;
		slots[i] = (h >> 32 << 32) | (uint64_t)(k + 1);
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

	return found ? &m->entries[(uint32_t)m->slots[i] - 1].value : NULL;
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
		m->slots[i] = (h >> 32 << 32) | (uint64_t)++m->count;
		if (m->count * 4 > m->nslots * 3)
			grow(m);
	} else {
		e = &m->entries[(uint32_t)m->slots[i] - 1];
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

/* Keys and values in two arrays, so that a map used as a set (no
 * value ever asked for) costs 8 bytes a slot. */
struct fz_u64map {
	uint64_t *keys;
	uint32_t *values;	/* NULL until a value is asked for */
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

static uint64_t *
u64_keys(size_t cap)
{
	uint64_t *k = fz_xmalloc(cap * sizeof *k);

	for (size_t i = 0; i < cap; i++)
		k[i] = U64_EMPTY;
	return k;
}

fz_u64map *
fz_u64map_new(void)
{
	fz_u64map *m = fz_xcalloc(1, sizeof *m);

	m->cap = 64;
	m->keys = u64_keys(m->cap);
	return m;
}

void
fz_u64map_free(fz_u64map *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->values);
	free(m);
}

size_t fz_u64map_count(const fz_u64map *m) { return m->n; }

static void
u64_grow(fz_u64map *m)
{
	size_t cap = 2 * m->cap, mask = cap - 1;
	uint64_t *keys = u64_keys(cap);
	uint32_t *values = m->values ? fz_xcalloc(cap, sizeof *values) : NULL;

	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i] == U64_EMPTY)
			continue;
		size_t j = mix64(m->keys[i]) & mask;
		while (keys[j] != U64_EMPTY)
			j = (j + 1) & mask;
		keys[j] = m->keys[i];
		if (values != NULL)
			values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	m->keys = keys;
	m->values = values;
	m->cap = cap;
}

/* The slot of key, taken when absent. */
static size_t
u64_slot(fz_u64map *m, uint64_t key, int *added)
{
	size_t mask, i;

	if ((m->n + 1) * 10 > m->cap * 7)
		u64_grow(m);
	mask = m->cap - 1;
	for (i = mix64(key) & mask; m->keys[i] != U64_EMPTY;
	    i = (i + 1) & mask)
		if (m->keys[i] == key) {
			*added = 0;
			return i;
		}
	m->keys[i] = key;
	if (m->values != NULL)
		m->values[i] = 0;
	m->n++;
	*added = 1;
	return i;
}

int
fz_u64set_add(fz_u64map *m, uint64_t key)
{
	int added;

	u64_slot(m, key, &added);
	return added;
}

uint32_t *
fz_u64map_insert(fz_u64map *m, uint64_t key, int *added)
{
	size_t i;

	if (m->values == NULL)
		m->values = fz_xcalloc(m->cap, sizeof *m->values);
	i = u64_slot(m, key, added);
	return &m->values[i];
}

int
fz_u64map_next(const fz_u64map *m, size_t *pos, uint64_t *key,
    uint32_t *value)
{
	for (; *pos < m->cap; ++*pos) {
		if (m->keys[*pos] == U64_EMPTY)
			continue;
		*key = m->keys[*pos];
		*value = m->values ? m->values[*pos] : 0;
		++*pos;
		return 1;
	}
	return 0;
}
