/* draw_digest.c - the input digests of a draw (DRAW.md "Digests"): for
 * each kind, the digest of the bytes of the files that held it, in the
 * order read.
 *
 * Which kinds a file holds is known only once it has been read, and a
 * digest cannot be extended afterwards.  So each file is hashed on its
 * own, and also into every kind that already has files (after saving
 * that kind's state).  At the end of the file, a kind it held for the
 * first time takes the file's digest; a kind it did not hold goes back
 * to its saved state.  In the usual run, one kind per file, every byte
 * is hashed once.  While the hash itself is not yet known (the plan
 * names it, and may come last), both hashes are kept. */
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

struct per_hash {
	int live;
	fz_digest *kind[FZ_IN_COUNT], *saved[FZ_IN_COUNT], *file;
};

struct fz_kind_digests {
	struct per_hash h[2];
	int started[FZ_IN_COUNT];	/* the kind has had a file */
	long file;			/* the file being read, -1 before */
	unsigned seen;			/* kinds held by that file: bits */
};

fz_kind_digests *
fz_kind_digests_new(int force)
{
	fz_kind_digests *kd = fz_xcalloc(1, sizeof *kd);

	kd->file = -1;
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		if (force >= 0 && force != h)
			continue;
		p->file = fz_digest_new(h);
		if (p->file == NULL)
			continue;	/* this OpenSSL lacks the hash */
		p->live = 1;
		for (int k = 0; k < FZ_IN_COUNT; k++) {
			p->kind[k] = fz_digest_new(h);
			p->saved[k] = fz_digest_new(h);
		}
	}
	return kd;
}

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

void
fz_kind_digests_free(fz_kind_digests *kd)
{
	if (kd == NULL)
		return;
	per_hash_free(&kd->h[0]);
	per_hash_free(&kd->h[1]);
	free(kd);
}

void
fz_kind_digests_keep(fz_kind_digests *kd, enum fz_hash h)
{
	per_hash_free(&kd->h[!h]);
}

int
fz_kind_digests_has(const fz_kind_digests *kd, enum fz_hash h)
{
	return kd->h[h].live;
}

/* The file that was being read is over. */
static void
file_end(fz_kind_digests *kd)
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
file_begin(fz_kind_digests *kd)
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

void
fz_kind_digests_tap(void *ctx, size_t file, const void *buf, size_t len)
{
	fz_kind_digests *kd = ctx;

	if ((long)file != kd->file) {
		if (kd->file >= 0)
			file_end(kd);
		file_begin(kd);
		kd->file = (long)file;
	}
	for (int h = 0; h < 2; h++) {
		struct per_hash *p = &kd->h[h];

		if (!p->live)
			continue;
		fz_digest_update(p->file, buf, len);
		for (int k = 0; k < FZ_IN_COUNT; k++)
			if (kd->started[k])
				fz_digest_update(p->kind[k], buf, len);
	}
}

void
fz_kind_digests_seen(fz_kind_digests *kd, enum fz_draw_input k)
{
	kd->seen |= 1u << k;
}

void
fz_kind_digests_hex(fz_kind_digests *kd, enum fz_hash h,
    char hex[FZ_IN_COUNT][FZ_DIGEST_HEX])
{
	if (kd->file >= 0) {
		file_end(kd);
		kd->file = -1;
	}
	for (int k = 0; k < FZ_IN_COUNT; k++)
		fz_digest_hex(kd->h[h].kind[k], hex[k]);
}
