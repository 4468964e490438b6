/* ticket.c - the tickets of the random draw (DRAW.md "Tickets"): Rivest's
 * consistent-sampling first ticket under SHA-256 or SM3 (the digests of
 * the draw's inputs are lib/io's, digest.c).
 *
 * A draw tickets every entity of the directory and, for each selected
 * entity, every inspector of the roster: tens of millions of hashes.  Two
 * things keep that cheap.  The 64 hex digits of the hashed seed are
 * exactly one SHA-256/SM3 block, so the state after them (and after an
 * entity's "id|") is computed once and copied.  And the order of tickets
 * is decided on their first nine digits (fz_draw_ticket_lead), computed from
 * the digest with two machine words; the full decimal, through OpenSSL's
 * big numbers, is needed only for the tickets written out and for the
 * rare equal leads. */

/* SHA-256 goes through the low-level interface, which OpenSSL 3 marks
 * deprecated: a copied SHA256_CTX costs a third of an EVP context copy,
 * and the inspector tickets are the draw's largest cost.  SM3 has no such
 * interface and goes through EVP. */
#define OPENSSL_API_COMPAT 10101
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"

/* libcrypto fails here only when memory is exhausted. */
static void
check(int ok)
{
	if (!ok)
		abort();
}

static const EVP_MD *
sm3_md(void)
{
	return EVP_sm3();
}

/* ------------------------------------------------------------- tickets */

void
fz_draw_ticket_format(const unsigned char md[FZ_DIGEST_SIZE],
    char ticket[FZ_TICKET_SIZE])
{
	BIGNUM *n = BN_bin2bn(md, FZ_DIGEST_SIZE, NULL);
	char *dec = NULL;
	size_t len, pad;

	check(n != NULL && (dec = BN_bn2dec(n)) != NULL);
	len = strlen(dec);
	pad = len < 64 ? 64 - len : 0;
	ticket[0] = '0';
	ticket[1] = '.';
	for (size_t i = 0; i < len; i++)	/* the digits reversed ... */
		ticket[2 + i] = dec[len - 1 - i];
	memset(ticket + 2 + len, '0', pad);	/* ... then the padding */
	ticket[2 + len + pad] = '\0';
	OPENSSL_free(dec);
	BN_free(n);
}

int
fz_draw_hash_uniform(enum fz_hash h, const void *buf, size_t len,
    char ticket[FZ_TICKET_SIZE])
{
	fz_digest *d = fz_digest_new(h);
	unsigned char md[FZ_DIGEST_SIZE];

	if (d == NULL)
		return -1;
	fz_digest_update(d, buf, len);
	fz_digest_peek(d, md);
	fz_digest_free(d);
	fz_draw_ticket_format(md, ticket);
	return 0;
}

/* Three digits reversed, by table: 123 is 321, 7 is 700. */
#define REV(a, b, c) ((c) * 100 + (b) * 10 + (a))
#define REV_ROW(a, b) REV(a, b, 0), REV(a, b, 1), REV(a, b, 2), \
	REV(a, b, 3), REV(a, b, 4), REV(a, b, 5), REV(a, b, 6), REV(a, b, 7), \
	REV(a, b, 8), REV(a, b, 9)
#define REV_BLOCK(a) REV_ROW(a, 0), REV_ROW(a, 1), REV_ROW(a, 2), \
	REV_ROW(a, 3), REV_ROW(a, 4), REV_ROW(a, 5), REV_ROW(a, 6), \
	REV_ROW(a, 7), REV_ROW(a, 8), REV_ROW(a, 9)
static const uint16_t reverse3[1000] = { REV_BLOCK(0), REV_BLOCK(1),
	REV_BLOCK(2), REV_BLOCK(3), REV_BLOCK(4), REV_BLOCK(5), REV_BLOCK(6),
	REV_BLOCK(7), REV_BLOCK(8), REV_BLOCK(9) };

static uint32_t
load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* The lead of the digest whose big-endian 32-bit words are w. */
static uint32_t
lead_of_words(const uint32_t w[8])
{
	/* 2^(32k) mod 10^9: n mod 10^9 is the sum of the 32-bit words of n
	 * times these, reduced.  Four such products, each below
	 * 2^32 * 10^9, still fit in 64 bits. */
	static const uint64_t coef[8] = { 610249216, 34512896, 932542976,
		768211456, 543950336, 709551616, 294967296, 1 };
	uint64_t hi = 0, lo = 0, r;

	for (int k = 0; k < 4; k++) {
		hi += w[k] * coef[k];
		lo += w[4 + k] * coef[4 + k];
	}
	r = hi % 1000000000u + lo % 1000000000u;
	if (r >= 1000000000u)
		r -= 1000000000u;
	/* The ticket's digits are n's last digits reversed. */
	return reverse3[r % 1000] * 1000000u + reverse3[r / 1000 % 1000] *
	    1000u + reverse3[r / 1000000];
}

/* The first three digits of the ticket of the digest whose words are w:
 * n mod 1000 from 2^(32k) mod 1000, fewer and smaller products. */
static uint32_t
head_of_words(const uint32_t w[8])
{
	static const uint64_t coef[8] = { 216, 896, 976, 456, 336, 616, 296,
		1 };
	uint64_t sum = 0;

	for (int k = 0; k < 8; k++)
		sum += w[k] * coef[k];
	return reverse3[sum % 1000];
}

uint32_t
fz_draw_ticket_lead(const unsigned char md[FZ_DIGEST_SIZE])
{
	uint32_t w[8];

	for (int k = 0; k < 8; k++)
		w[k] = load_be32(md + 4 * k);
	return lead_of_words(w);
}

int
fz_draw_ticket_cmp(const unsigned char a[FZ_DIGEST_SIZE],
    const unsigned char b[FZ_DIGEST_SIZE])
{
	uint32_t la = fz_draw_ticket_lead(a), lb = fz_draw_ticket_lead(b);
	char ta[FZ_TICKET_SIZE], tb[FZ_TICKET_SIZE];

	if (la != lb)
		return la < lb ? -1 : 1;
	if (memcmp(a, b, FZ_DIGEST_SIZE) == 0)
		return 0;
	fz_draw_ticket_format(a, ta);
	fz_draw_ticket_format(b, tb);
	return strcmp(ta, tb);
}

/* ---------------------------------------------------------- ticketers */

/* The last block of a short SHA-256 message (FIPS 180-4, 5.1.1): the
 * message after hs, 0x80, zeros, the length in bits. */
#define LAST_BLOCK_ROOM (SHA256_CBLOCK - 9)
#define NO_PADDING ((size_t)-1)

struct fz_draw_ticketer {
	enum fz_hash hash;
	SHA256_CTX sha_seed, sha_prefix;	/* after hs; after hs+prefix */
	unsigned char block[SHA256_CBLOCK];	/* the prefix, then id ... */
	size_t prefix_len, used;	/* used: prefix and id of block */
	EVP_MD_CTX *sm3_seed, *sm3_prefix, *sm3_work;
};

fz_draw_ticketer *
fz_draw_ticketer_new(enum fz_hash h, const char *seed, size_t len)
{
	fz_draw_ticketer *t = fz_xcalloc(1, sizeof *t);
	char hs[FZ_DIGEST_HEX];

	t->hash = h;
	t->used = NO_PADDING;
	if (fz_hash_hex(h, seed, len, hs) != 0) {
		free(t);
		return NULL;
	}
	if (h == FZ_HASH_SHA256) {
		SHA256_Init(&t->sha_seed);
		SHA256_Update(&t->sha_seed, hs, 64);
		t->sha_prefix = t->sha_seed;
		return t;
	}
	t->sm3_seed = EVP_MD_CTX_new();
	t->sm3_prefix = EVP_MD_CTX_new();
	t->sm3_work = EVP_MD_CTX_new();
	check(t->sm3_seed && t->sm3_prefix && t->sm3_work &&
	    EVP_DigestInit_ex(t->sm3_seed, sm3_md(), NULL) &&
	    EVP_DigestUpdate(t->sm3_seed, hs, 64) &&
	    EVP_MD_CTX_copy_ex(t->sm3_prefix, t->sm3_seed));
	return t;
}

void
fz_draw_ticketer_free(fz_draw_ticketer *t)
{
	if (t == NULL)
		return;
	EVP_MD_CTX_free(t->sm3_seed);
	EVP_MD_CTX_free(t->sm3_prefix);
	EVP_MD_CTX_free(t->sm3_work);
	free(t);
}

void
fz_draw_ticketer_prefix(fz_draw_ticketer *t, const char *prefix, size_t len)
{
	if (t->hash == FZ_HASH_SHA256) {
		t->sha_prefix = t->sha_seed;
		SHA256_Update(&t->sha_prefix, prefix, len);
		t->prefix_len = len;
		t->used = NO_PADDING;
		if (len <= LAST_BLOCK_ROOM)
			memcpy(t->block, prefix, len);
		return;
	}
	check(EVP_MD_CTX_copy_ex(t->sm3_prefix, t->sm3_seed) &&
	    EVP_DigestUpdate(t->sm3_prefix, prefix, len));
}

/* The state after hs + prefix + id when prefix and id fit in the last
 * block: one compression from the state after hs, without the general
 * path's bookkeeping (the inspector tickets are tens of millions).  The
 * block keeps the padding of the last length (used), so that ids of one
 * length, the common case, cost a copy each. */
static void
sha256_last_block(fz_draw_ticketer *t, const char *id, size_t len, SHA256_CTX *c)
{
	size_t used = t->prefix_len + len;

	*c = t->sha_seed;
	if (used != t->used) {
		/* Another length: the padding moves. */
		uint64_t bits = (uint64_t)(SHA256_CBLOCK + used) * 8;

		memset(t->block + t->prefix_len, 0,
		    SHA256_CBLOCK - t->prefix_len);
		t->block[used] = 0x80;
		for (int i = 0; i < 8; i++)
			t->block[SHA256_CBLOCK - 1 - i] =
			    (unsigned char)(bits >> 8 * i);
		t->used = used;
	}
	memcpy(t->block + t->prefix_len, id, len);
	SHA256_Transform(c, t->block);
}

static int
short_sha256(const fz_draw_ticketer *t, size_t len)
{
	return t->hash == FZ_HASH_SHA256 &&
	    t->prefix_len + len <= LAST_BLOCK_ROOM;
}

void
fz_draw_ticketer_digest(fz_draw_ticketer *t, const char *id, size_t len,
    unsigned char md[FZ_DIGEST_SIZE])
{
	unsigned int n;

	if (short_sha256(t, len)) {
		SHA256_CTX c;

		sha256_last_block(t, id, len, &c);
		for (int i = 0; i < 8; i++) {
			md[4 * i] = (unsigned char)(c.h[i] >> 24);
			md[4 * i + 1] = (unsigned char)(c.h[i] >> 16);
			md[4 * i + 2] = (unsigned char)(c.h[i] >> 8);
			md[4 * i + 3] = (unsigned char)c.h[i];
		}
		return;
	}
	if (t->hash == FZ_HASH_SHA256) {
		SHA256_CTX c = t->sha_prefix;

		SHA256_Update(&c, id, len);
		SHA256_Final(md, &c);
		return;
	}
	check(EVP_MD_CTX_copy_ex(t->sm3_work, t->sm3_prefix) &&
	    EVP_DigestUpdate(t->sm3_work, id, len) &&
	    EVP_DigestFinal_ex(t->sm3_work, md, &n));
}

/* The digest of the identifier as its eight big-endian 32-bit words:
 * for a short SHA-256 message, the state itself. */
static void
digest_words(fz_draw_ticketer *t, const char *id, size_t len, uint32_t w[8])
{
	unsigned char md[FZ_DIGEST_SIZE];

	if (short_sha256(t, len)) {
		SHA256_CTX c;

		sha256_last_block(t, id, len, &c);
		for (int i = 0; i < 8; i++)
			w[i] = (uint32_t)c.h[i];
		return;
	}
	fz_draw_ticketer_digest(t, id, len, md);
	for (int i = 0; i < 8; i++)
		w[i] = load_be32(md + 4 * i);
}

uint32_t
fz_draw_ticketer_head(fz_draw_ticketer *t, const char *id, size_t len)
{
	uint32_t w[8];

	digest_words(t, id, len, w);
	return head_of_words(w);
}

uint32_t
fz_draw_ticketer_lead(fz_draw_ticketer *t, const char *id, size_t len)
{
	uint32_t w[8];

	digest_words(t, id, len, w);
	return lead_of_words(w);
}

void
fz_draw_ticket(fz_draw_ticketer *t, const char *id, size_t len,
    char ticket[FZ_TICKET_SIZE])
{
	unsigned char md[FZ_DIGEST_SIZE];

	fz_draw_ticketer_digest(t, id, len, md);
	fz_draw_ticket_format(md, ticket);
}
