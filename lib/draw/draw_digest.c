/* draw_digest.c - the input digests of a draw (DRAW.md "Digests"): for
 * each kind, the digest of the bytes of the files that held it, in the
 * order read.
 *
 * Which kinds a file holds is known only once it has been read, and a
 * digest cannot be extended afterwards.  So each file is hashed on its
 * own, and also into every kind that already has files (after saving
 * that kind's state).  At the end of the file, a kind it held for the
 * first time takes the file's digest; a kind it did not hold goes back
 * to its saved state.  While the hash itself is not yet known (the plan
 * names it, and may come last), both hashes are kept.
 *
 * The hashing runs on a thread of its own, beside the parsing: the
 * reader's bytes are copied into chunks that the thread takes in order,
 * each chunk also saying which kinds its file was seen to hold.  The
 * chunks go round, filled to the hasher and hashed back to the filling,
 * so the reader waits for one when the hasher holds all the others. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

#define CHUNK (1u << 20)
#define NCHUNKS 8

struct per_hash {
	int live;
	fz_digest *kind[FZ_IN_COUNT], *saved[FZ_IN_COUNT], *file;
};

/* Bytes of one file, then what is known after them. */
struct chunk {
	long file;
	size_t len;
	unsigned seen;		/* kinds the file holds */
	int keep;		/* the hash decided, or -1 */
	int end;
	unsigned char data[CHUNK];
};

struct fz_draw__kind_digests {
	struct per_hash h[2];
	int started[FZ_IN_COUNT];	/* the kind has had a file */
	long file;			/* the file being hashed, -1 before */
	unsigned seen;			/* kinds held by that file: bits */

	struct chunk *chunks;		/* NCHUNKS of them */
	struct chunk *cur;		/* the one being filled */
	fz_queue *filled, *hashed;	/* to the hasher, and back */
	long tapped;			/* the file being read */
	int threaded;
	pthread_t thread;
};

static void
per_hash_free(struct per_hash *p)
{
	for (int k = 0; k < FZ_IN_COUNT; k++) {
		fz_digest_free(p->kind[k]);
		fz_digest_free(p->saved[k]);
	}
	fz_digest_free(p->file);
	memset(p, 0, sizeof *p);
}

/* The file that was being hashed is over. */
static void
file_end(fz_draw__kind_digests *kd)
{
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		for (int k = 0; p->live && k < FZ_IN_COUNT; k++) {
			int held = (kd->seen >> k) & 1;

			if (held && !kd->started[k])
				fz_digest_copy(p->kind[k], p->file);
			else if (!held && kd->started[k])
				fz_digest_copy(p->kind[k], p->saved[k]);
		}
	}
	for (int k = 0; k < FZ_IN_COUNT; k++)
		kd->started[k] |= (kd->seen >> k) & 1;
	kd->seen = 0;
}

static void
file_begin(fz_draw__kind_digests *kd)
{
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		if (!p->live)
			continue;
		fz_digest_free(p->file);
		p->file = fz_digest_new(h);
		for (int k = 0; k < FZ_IN_COUNT; k++)
			if (kd->started[k])
				fz_digest_copy(p->saved[k], p->kind[k]);
	}
}

static void
hash_bytes(fz_draw__kind_digests *kd, const struct chunk *c)
{
	if (c->file != kd->file) {
		if (kd->file >= 0)
			file_end(kd);
		file_begin(kd);
		kd->file = c->file;
	}
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		if (!p->live)
			continue;
		fz_digest_update(p->file, c->data, c->len);
		for (int k = 0; k < FZ_IN_COUNT; k++)
			if (kd->started[k])
				fz_digest_update(p->kind[k], c->data, c->len);
	}
}

/* Take one chunk: its bytes, then what it tells. */
static void
take(fz_draw__kind_digests *kd, const struct chunk *c)
{
	if (c->len > 0)
		hash_bytes(kd, c);
	kd->seen |= c->seen;
	if (c->keep >= 0)
		per_hash_free(&kd->h[!c->keep]);
	if (c->end && kd->file >= 0) {
		file_end(kd);
		kd->file = -1;
	}
}

/* Take the chunks in order until the queue is closed and empty. */
static void *
hasher(void *arg)
{
	fz_draw__kind_digests *kd = arg;
	struct chunk *c;

	while ((c = fz_queue_pop(kd->filled)) != NULL) {
		take(kd, c);
		fz_queue_push(kd->hashed, c);
	}
	return NULL;
}

/* Hand the chunk being filled over, and start the next (the one chunk
 * again with one thread). */
static void
send(fz_draw__kind_digests *kd)
{
	struct chunk *c;

	if (!kd->threaded) {
		take(kd, kd->cur);
	} else {
		fz_queue_push(kd->filled, kd->cur);
		kd->cur = fz_queue_pop(kd->hashed);
	}
	c = kd->cur;
	c->file = kd->tapped;
	c->len = 0;
	c->seen = 0;
	c->keep = -1;
	c->end = 0;
}

/* Hash on a thread of its own when there is another processor, the
 * other chunks waiting to be filled.  Neither queue ever waits to push:
 * there are only NCHUNKS chunks. */
static void
start_hasher(fz_draw__kind_digests *kd)
{
	if (fz_draw__nthreads() < 2)
		return;
	kd->filled = fz_queue_new(NCHUNKS);
	kd->hashed = fz_queue_new(NCHUNKS);
	for (int i = 1; i < NCHUNKS; i++)
		fz_queue_push(kd->hashed, &kd->chunks[i]);
	kd->threaded = pthread_create(&kd->thread, NULL, hasher, kd) == 0;
}

fz_draw__kind_digests *
fz_draw__kind_digests_new(int force)
{
	fz_draw__kind_digests *kd = fz_xcalloc(1, sizeof *kd);

	kd->file = kd->tapped = -1;
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		if ((force >= 0 && force != h) ||
		    (p->file = fz_digest_new(h)) == NULL)
			continue;	/* not asked, or this OpenSSL lacks it */
		p->live = 1;
		for (int k = 0; k < FZ_IN_COUNT; k++) {
			p->kind[k] = fz_digest_new(h);
			p->saved[k] = fz_digest_new(h);
		}
	}
	kd->chunks = fz_xmalloc(NCHUNKS * sizeof *kd->chunks);
	kd->cur = &kd->chunks[0];
	*kd->cur = (struct chunk){ .file = -1, .keep = -1 };
	start_hasher(kd);
	return kd;
}

/* The thread has taken everything sent, the last chunk ending it. */
static void
finish(fz_draw__kind_digests *kd)
{
	if (kd->chunks == NULL)
		return;
	kd->cur->end = 1;
	if (kd->threaded) {
		fz_queue_push(kd->filled, kd->cur);
		fz_queue_close(kd->filled);
		pthread_join(kd->thread, NULL);
	} else {
		take(kd, kd->cur);
	}
	fz_queue_free(kd->filled, NULL);
	fz_queue_free(kd->hashed, NULL);
	kd->filled = kd->hashed = NULL;
	free(kd->chunks);
	kd->chunks = kd->cur = NULL;
}

void
fz_draw__kind_digests_free(fz_draw__kind_digests *kd)
{
	if (kd == NULL)
		return;
	finish(kd);
	per_hash_free(&kd->h[0]);
	per_hash_free(&kd->h[1]);
	free(kd);
}

void
fz_draw__kind_digests_tap(void *ctx, size_t file, const void *buf, size_t len)
{
	fz_draw__kind_digests *kd = ctx;
	const unsigned char *b = buf;

	if ((long)file != kd->tapped) {
		if (kd->cur->len > 0 || kd->cur->seen)
			send(kd);
		kd->tapped = (long)file;
		kd->cur->file = kd->tapped;
	}
	while (len > 0) {
		struct chunk *c = kd->cur;
		size_t n = CHUNK - c->len < len ? CHUNK - c->len : len;

		memcpy(c->data + c->len, b, n);
		c->len += n;
		b += n;
		len -= n;
		if (c->len == CHUNK)
			send(kd);
	}
}

void
fz_draw__kind_digests_seen(fz_draw__kind_digests *kd, enum fz_draw_input k)
{
	kd->cur->seen |= 1u << k;
}

/* Called before any fz_draw__kind_digests_keep, so the hasher has not yet
 * touched h's live flag. */
int
fz_draw__kind_digests_has(const fz_draw__kind_digests *kd, enum fz_hash h)
{
	return kd->h[h].live;
}

void
fz_draw__kind_digests_keep(fz_draw__kind_digests *kd, enum fz_hash h)
{
	kd->cur->keep = (int)h;
}

void
fz_draw__kind_digests_hex(fz_draw__kind_digests *kd, enum fz_hash h,
    char hex[FZ_IN_COUNT][FZ_DIGEST_HEX])
{
	finish(kd);
	for (int k = 0; k < FZ_IN_COUNT; k++)
		fz_digest_hex(kd->h[h].kind[k], hex[k]);
}
