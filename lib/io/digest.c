/* digest.c - message digests, SHA-256 and SM3 (GB/T 32905), through
 * OpenSSL's EVP interface: one implementation for the digests of a
 * draw's inputs and for what a tally covers, and a tap that digests
 * every input a stream reads, each on its own. */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

static const char *const hash_names[] = { "sha256", "sm3" };

const char *
fz_hash_name(enum fz_hash h)
{
	return h == FZ_HASH_SM3 ? hash_names[1] : hash_names[0];
}

int
fz_hash_parse(const char *s, size_t len)
{
	for (int i = 0; i < 2; i++)
		if (strlen(hash_names[i]) == len &&
		    memcmp(hash_names[i], s, len) == 0)
			return i;
	return -1;
}

/* libcrypto fails here only when memory is exhausted. */
static void
check(int ok)
{
	if (!ok)
		abort();
}

static const EVP_MD *
md_of(enum fz_hash h)
{
	return h == FZ_HASH_SM3 ? EVP_sm3() : EVP_sha256();
}

struct fz_digest {
	enum fz_hash hash;
	EVP_MD_CTX *evp;
};

fz_digest *
fz_digest_new(enum fz_hash h)
{
	fz_digest *d = fz_xcalloc(1, sizeof *d);

	d->hash = h;
	d->evp = EVP_MD_CTX_new();
	if (d->evp == NULL || md_of(h) == NULL ||
	    !EVP_DigestInit_ex(d->evp, md_of(h), NULL)) {
		fz_digest_free(d);
		return NULL;
	}
	return d;
}

void
fz_digest_free(fz_digest *d)
{
	if (d == NULL)
		return;
	EVP_MD_CTX_free(d->evp);
	free(d);
}

void
fz_digest_update(fz_digest *d, const void *buf, size_t len)
{
	check(EVP_DigestUpdate(d->evp, buf, len));
}

void
fz_digest_copy(fz_digest *dst, const fz_digest *src)
{
	dst->hash = src->hash;
	check(EVP_MD_CTX_copy_ex(dst->evp, src->evp));
}

void
fz_digest_peek(const fz_digest *d, unsigned char md[FZ_DIGEST_SIZE])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned int n;

	check(c != NULL && EVP_MD_CTX_copy_ex(c, d->evp) &&
	    EVP_DigestFinal_ex(c, md, &n));
	EVP_MD_CTX_free(c);
}

void
fz_digest_hex_of(const unsigned char md[FZ_DIGEST_SIZE],
    char hex[FZ_DIGEST_HEX])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < FZ_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[2 * FZ_DIGEST_SIZE] = '\0';
}

void
fz_digest_hex(const fz_digest *d, char hex[FZ_DIGEST_HEX])
{
	unsigned char md[FZ_DIGEST_SIZE];

	fz_digest_peek(d, md);
	fz_digest_hex_of(md, hex);
}

int
fz_hash_hex(enum fz_hash h, const void *buf, size_t len,
    char hex[FZ_DIGEST_HEX])
{
	fz_digest *d = fz_digest_new(h);

	if (d == NULL)
		return -1;
	fz_digest_update(d, buf, len);
	fz_digest_hex(d, hex);
	fz_digest_free(d);
	return 0;
}

/* ----------------------------------------------------------- per input */

struct fz_input_digests {
	enum fz_hash hash;
	fz_digest **d;		/* by input index; NULL: no byte read yet */
	uint64_t *bytes;	/* read of each */
	size_t n;
};

fz_input_digests *
fz_input_digests_new(enum fz_hash h)
{
	fz_digest *probe = fz_digest_new(h);
	fz_input_digests *ds;

	if (probe == NULL)
		return NULL;
	fz_digest_free(probe);
	ds = fz_xcalloc(1, sizeof *ds);
	ds->hash = h;
	return ds;
}

void
fz_input_digests_free(fz_input_digests *ds)
{
	if (ds == NULL)
		return;
	for (size_t i = 0; i < ds->n; i++)
		fz_digest_free(ds->d[i]);
	free(ds->d);
	free(ds->bytes);
	free(ds);
}

/* The digest of input i, made when first needed. */
static fz_digest *
input(fz_input_digests *ds, size_t i)
{
	if (i >= ds->n) {
		ds->d = fz_xrealloc(ds->d, (i + 1) * sizeof *ds->d);
		ds->bytes = fz_xrealloc(ds->bytes, (i + 1) * sizeof *ds->bytes);
		memset(ds->d + ds->n, 0, (i + 1 - ds->n) * sizeof *ds->d);
		memset(ds->bytes + ds->n, 0, (i + 1 - ds->n) *
		    sizeof *ds->bytes);
		ds->n = i + 1;
	}
	if (ds->d[i] == NULL && (ds->d[i] = fz_digest_new(ds->hash)) == NULL)
		abort();	/* the hash was there when ds was made */
	return ds->d[i];
}

void
fz_input_digests_tap(void *ctx, size_t file, const void *buf, size_t len)
{
	fz_input_digests *ds = ctx;

	fz_digest_update(input(ds, file), buf, len);
	ds->bytes[file] += len;
}

uint64_t
fz_input_digests_hex(fz_input_digests *ds, size_t file,
    char hex[FZ_DIGEST_HEX])
{
	fz_digest_hex(input(ds, file), hex);
	return ds->bytes[file];
}
