/* hash.c - string-keyed maps that remember insertion order, so that
 * nothing the programs write depends on hashing; maps of 64-bit keys;
 * and the keyed hash both use. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core.h"

/* ------------------------------------------------------------ the hash */

/* SipHash-1-3: SipHash (Aumasson and Bernstein, "SipHash: a fast
 * short-input PRF", 2012) with one round per 8-byte word and three to
 * finish.  Its key is drawn once a process from the system's randomness,
 * so that which keys share a slot cannot be known from outside and no
 * input can pile its keys into one chain of probes.  Nothing written
 * depends on the key: string maps keep insertion order, and what walks a
 * u64 map sorts what it finds. */

struct sip {
	uint64_t v0, v1, v2, v3;
};

static uint64_t sip_key[2];
static pthread_once_t sip_once = PTHREAD_ONCE_INIT;

static uint64_t
rotl(uint64_t x, int b)
{
	return x << b | x >> (64 - b);
}

static void
sip_round(struct sip *s)
{
	s->v0 += s->v1;
	s->v1 = rotl(s->v1, 13) ^ s->v0;
	s->v0 = rotl(s->v0, 32);
	s->v2 += s->v3;
	s->v3 = rotl(s->v3, 16) ^ s->v2;
	s->v0 += s->v3;
	s->v3 = rotl(s->v3, 21) ^ s->v0;
	s->v2 += s->v1;
	s->v1 = rotl(s->v1, 17) ^ s->v2;
	s->v2 = rotl(s->v2, 32);
}

/* Up to n bytes from fd into b; how many came. */
static size_t
read_some(int fd, unsigned char *b, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n && ((r = read(fd, b + got, n - got)) > 0 ||
	    (r < 0 && errno == EINTR)))
		got += r > 0 ? (size_t)r : 0;
	return got;
}

/* getrandom, else /dev/urandom (getrandom missing, or the system's pool
 * not yet ready so early after boot), else the clock, the process id and
 * where the system placed the stack and the library: weak, but no
 * worse than no key. */
static void
sip_seed(void)
{
	unsigned char b[16];
	size_t got = 0;
	ssize_t r;
	int fd, saved = errno;

	while (got < sizeof b && ((r = getrandom(b + got, sizeof b - got,
	    GRND_NONBLOCK)) > 0 || (r < 0 && errno == EINTR)))
		got += r > 0 ? (size_t)r : 0;
	if (got < sizeof b &&
	    (fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0) {
		got = read_some(fd, b, sizeof b);
		close(fd);
	}
	memcpy(sip_key, b, sizeof sip_key);
	if (got < sizeof b) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		sip_key[0] ^= (uint64_t)ts.tv_sec * 1000000007u ^
		    (uint64_t)ts.tv_nsec ^ (uint64_t)getpid() << 40;
		sip_key[1] ^= (uint64_t)(uintptr_t)&ts ^
		    (uint64_t)(uintptr_t)&sip_seed << 17;
	}
	errno = saved;
}

static struct sip
sip_start(void)
{
	pthread_once(&sip_once, sip_seed);
	return (struct sip){ sip_key[0] ^ 0x736f6d6570736575ULL,
		sip_key[1] ^ 0x646f72616e646f6dULL,
		sip_key[0] ^ 0x6c7967656e657261ULL,
		sip_key[1] ^ 0x7465646279746573ULL };
}

static void
sip_word(struct sip *s, uint64_t m)
{
	s->v3 ^= m;
	sip_round(s);
	s->v0 ^= m;
}

static uint64_t
sip_end(struct sip *s)
{
	s->v2 ^= 0xff;
	sip_round(s);
	sip_round(s);
	sip_round(s);
	return s->v0 ^ s->v1 ^ s->v2 ^ s->v3;
}

static uint64_t
hash_bytes(const char *key, size_t len)
{
	const unsigned char *p = (const unsigned char *)key;
	struct sip s = sip_start();
	uint64_t m;
	size_t i, left = len;

	/* Words are read little-endian, as the algorithm says. */
	for (; left >= 8; p += 8, left -= 8) {
		for (m = 0, i = 8; i-- > 0;)
			m = m << 8 | p[i];
		sip_word(&s, m);
	}
	/* The last word: what is left, and the length in its top byte. */
	m = (uint64_t)len << 56;
	for (i = 0; i < left; i++)	/* p may be NULL when len is 0 */
		m |= (uint64_t)p[i] << (8 * i);
	sip_word(&s, m);
	return sip_end(&s);
}

/* The hash of the 8 bytes of k, little-endian: a 64-bit key. */
static uint64_t
hash_u64(uint64_t k)
{
	struct sip s = sip_start();

	sip_word(&s, k);
	sip_word(&s, (uint64_t)8 << 56);
	return sip_end(&s);
}

/* ------------------------------------------------------------- str map */

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
	size_t probes;		/* slots the inserts looked at */
};

fz_map *
fz_map_new(void)
{
	fz_map *m = fz_xcalloc(1, sizeof *m);

	m->nslots = 16;
	m->slots = fz_xcalloc(m->nslots, sizeof *m->slots);
	m->arena = fz_arena_new();
	if (m->arena == NULL)
		fz_nomem();
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
size_t fz_map_probes(const fz_map *m) { return m->probes; }
fz_arena *fz_map_arena(fz_map *m) { return m->arena; }

/* The slot of key, or the empty slot where it would go; *steps counts
 * the slots looked at. */
static size_t
probe(const fz_map *m, const char *key, size_t len, uint64_t h, int *found,
    size_t *steps)
{
	size_t mask = m->nslots - 1, i = (size_t)h & mask;

	uint32_t frag = (uint32_t)(h >> 32);

	for (;; i = (i + 1) & mask) {
		uint64_t s = m->slots[i];
		const struct entry *e;

		++*steps;
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
	size_t steps = 0;
	size_t i = probe(m, key, len, hash_bytes(key, len), &found, &steps);

	return found ? &m->entries[(uint32_t)m->slots[i] - 1].value : NULL;
}

void **
fz_map_insert(fz_map *m, const char *key, size_t len, int *added,
    const char **key_out)
{
	uint64_t h = hash_bytes(key, len);
	int found;
	size_t i = probe(m, key, len, h, &found, &m->probes);
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
			fz_nomem();
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
	size_t probes;		/* slots the inserts looked at */
};

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
size_t fz_u64map_probes(const fz_u64map *m) { return m->probes; }

static void
u64_grow(fz_u64map *m)
{
	size_t cap = 2 * m->cap, mask = cap - 1;
	uint64_t *keys = u64_keys(cap);
	uint32_t *values = m->values ? fz_xcalloc(cap, sizeof *values) : NULL;

	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i] == U64_EMPTY)
			continue;
		size_t j = (size_t)hash_u64(m->keys[i]) & mask;
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
	for (i = (size_t)hash_u64(key) & mask;; i = (i + 1) & mask) {
		m->probes++;
		if (m->keys[i] == U64_EMPTY)
			break;
		if (m->keys[i] == key) {
			*added = 0;
			return i;
		}
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
