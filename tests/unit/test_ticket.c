/* test_ticket.c - the tickets of DRAW.md, its vectors and the published
 * examples of the reference consistent_sampler. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static void
ticket_of(enum fz_hash h, const char *seed, const char *id,
    char out[FZ_TICKET_SIZE])
{
	fz_draw_ticketer *t = fz_draw_ticketer_new(h, seed, strlen(seed));

	assert_non_null(t);
	fz_draw_ticket(t, id, strlen(id), out);
	fz_draw_ticketer_free(t);
}

static void
test_uniform_abc(void **state)
{
	char t[FZ_TICKET_SIZE];

	(void)state;
	assert_int_equal(fz_draw_hash_uniform(FZ_HASH_SHA256, "abc", 3, t), 0);
	assert_string_equal(t, "0.569980718617928589264773415610596388401066"
	    "36224182943832566300809078486324348");
}

static void
test_first_ticket_vector(void **state)
{
	char t[FZ_TICKET_SIZE];

	(void)state;
	ticket_of(FZ_HASH_SHA256, "01382438112797316654", "AB-130", t);
	assert_string_equal(t, "0.262997141228380084165075442975466635997153"
	    "95525154425586041245287750224561854");
}

struct ranked {
	char ticket[FZ_TICKET_SIZE];
	const char *id;
};

static int
by_ticket(const void *a, const void *b)
{
	return strcmp(((const struct ranked *)a)->ticket,
	    ((const struct ranked *)b)->ticket);
}

/* ids sorted by their tickets into out. */
static void
order_of(enum fz_hash h, const char *seed, const char *const *ids, size_t n,
    const char **out)
{
	struct ranked *r = calloc(n, sizeof *r);

	for (size_t i = 0; i < n; i++) {
		ticket_of(h, seed, ids[i], r[i].ticket);
		r[i].id = ids[i];
	}
	qsort(r, n, sizeof *r, by_ticket);
	for (size_t i = 0; i < n; i++)
		out[i] = r[i].id;
	free(r);
}

static void
test_order_vector(void **state)
{
	static const char *const ids[] = { "A-1", "A-2", "A-3", "B-1", "B-2",
		"B-3" };
	const char *order[6];

	(void)state;
	order_of(FZ_HASH_SHA256, "314159", ids, 6, order);
	assert_string_equal(order[0], "B-2");
	assert_string_equal(order[1], "B-3");
	assert_string_equal(order[2], "A-3");
	assert_string_equal(order[3], "A-2");
	assert_string_equal(order[4], "B-1");	/* past DRAW.md's four */
	assert_string_equal(order[5], "A-1");
}

/* make_ticket_heap(['dog', 'cat', 'fish', 'goat'], 'xy()134!g2n') and
 * sampler([...], seed=314159) in the reference's documentation. */
static void
test_reference_examples(void **state)
{
	static const struct { const char *id, *ticket; } heap[] = {
		{ "cat", "0.24866413894129579898796850445568128508290132707"
		    "747976039848637531569373309555" },
		{ "dog", "0.33886035615681875183111698317327684455682722683"
		    "976874746986356932751818935066" },
		{ "fish", "0.7468593208882795050914594172978914320405604195"
		    "8068799542050396198792954500593" },
		{ "goat", "0.4959984207202271366342375330808017163673568999"
		    "7237236247068925068573448764387" },
	};
	static const struct { const char *id, *lead; } sample[] = {
		{ "cd-1", "0.317685817" }, { "ef-3", "0.832984519" },
		{ "ab-1", "0.9098039269" }, { "ab-2", "0.9231549043" },
	};
	char t[FZ_TICKET_SIZE];

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		ticket_of(FZ_HASH_SHA256, "xy()134!g2n", heap[i].id, t);
		assert_string_equal(t, heap[i].ticket);
		ticket_of(FZ_HASH_SHA256, "314159", sample[i].id, t);
		assert_memory_equal(t, sample[i].lead, strlen(sample[i].lead));
	}
}

/* The seed is text: "00123" and "123" are different seeds. */
static void
test_seed_is_text(void **state)
{
	char a[FZ_TICKET_SIZE], b[FZ_TICKET_SIZE];

	(void)state;
	ticket_of(FZ_HASH_SHA256, "00123", "X", a);
	ticket_of(FZ_HASH_SHA256, "123", "X", b);
	assert_string_not_equal(a, b);
}

/* GB/T 32905-2016 appendix A, example 1. */
/* SM3 tickets follow the same steps with SM3 in place of SHA-256. */
static void
test_sm3_tickets(void **state)
{
	static const char *const ids[] = { "A-1", "A-2", "A-3", "B-1", "B-2",
		"B-3" };
	static const char *const want[] = { "B-2", "B-3", "A-1", "A-3", "A-2",
		"B-1" };
	const char *order[6];
	char t[FZ_TICKET_SIZE];

	(void)state;
	assert_int_equal(fz_draw_hash_uniform(FZ_HASH_SM3, "abc", 3, t), 0);
	assert_string_equal(t, "0.639975038472396138256628655211774495871414"
	    "39797675304950023908135192167198464");
	ticket_of(FZ_HASH_SM3, "01382438112797316654", "AB-130", t);
	assert_string_equal(t, "0.556305173129692378147678273997653494925042"
	    "652188321413817205819721132429882011");
	order_of(FZ_HASH_SM3, "314159", ids, 6, order);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(order[i], want[i]);
}

/* A prefix set once gives the ticket of prefix + id. */
static void
test_prefix(void **state)
{
	fz_draw_ticketer *t = fz_draw_ticketer_new(FZ_HASH_SHA256, "314159", 6);
	char a[FZ_TICKET_SIZE], b[FZ_TICKET_SIZE];

	(void)state;
	fz_draw_ticketer_prefix(t, "E-1|", 4);
	fz_draw_ticket(t, "P-2", 3, a);
	assert_string_equal(a, "0.86820424408967335069880664522705629313096"
	    "5488191688397244505071342660422765311");
	fz_draw_ticketer_prefix(t, "", 0);
	fz_draw_ticket(t, "E-1|P-2", 7, b);
	assert_string_equal(a, b);
	fz_draw_ticketer_free(t);
}

/* Digests of prefixes and ids of every length around the end of one
 * block agree with a plain incremental digest of hs + prefix + id. */
static void
test_digest_lengths(void **state)
{
	static const char text[] = "9133020312345678901234567890abcdefghijklmnopq"
	    "rstuvwxyz0123456789ABCDEFGHIJKLMNOP";
	char hs[FZ_DIGEST_HEX], want[FZ_DIGEST_HEX], got[FZ_DIGEST_HEX];

	(void)state;
	for (int h = FZ_HASH_SHA256; h <= FZ_HASH_SM3; h++) {
		fz_draw_ticketer *t = fz_draw_ticketer_new(h, "314159", 6);

		fz_hash_hex(h, "314159", 6, hs);
		for (size_t p = 0; p <= 60; p += 6)
			for (size_t n = 0; n <= 70; n++) {
				unsigned char md[FZ_DIGEST_SIZE];
				fz_digest *d = fz_digest_new(h);

				fz_draw_ticketer_prefix(t, text, p);
				fz_draw_ticketer_digest(t, text + 3, n, md);
				fz_digest_update(d, hs, 64);
				fz_digest_update(d, text, p);
				fz_digest_update(d, text + 3, n);
				fz_digest_hex(d, want);
				fz_digest_free(d);
				for (int i = 0; i < FZ_DIGEST_SIZE; i++)
					snprintf(got + 2 * i, 3, "%02x", md[i]);
				assert_string_equal(got, want);
			}
		fz_draw_ticketer_free(t);
	}
}

/* The lead of fz_draw_ticketer_lead is that of the digest, for ids long and
 * short in any order (the block of the last id must not leak into the
 * next), under both hashes. */
static void
test_ticketer_lead(void **state)
{
	static const char text[] = "9133020312345678901234567890abcdefghijklmnopq"
	    "rstuvwxyz0123456789ABCDEFGHIJKLMNOP";
	static const size_t lens[] = { 70, 3, 54, 0, 55, 1, 40, 12, 56, 7 };

	char hs[FZ_DIGEST_HEX], hex[FZ_DIGEST_HEX];

	(void)state;
	for (int h = FZ_HASH_SHA256; h <= FZ_HASH_SM3; h++) {
		fz_draw_ticketer *t = fz_draw_ticketer_new(h, "314159", 6);

		fz_hash_hex(h, "314159", 6, hs);
		for (size_t p = 0; p <= 60; p += 5) {
			fz_draw_ticketer_prefix(t, text + 1, p);
			for (size_t k = 0; k < 3 * sizeof lens / sizeof *lens;
			    k++) {
				size_t n = lens[(k * 7) % (sizeof lens /
				    sizeof *lens)];
				const char *id = text + k % 5;
				unsigned char md[FZ_DIGEST_SIZE];
				fz_digest *d = fz_digest_new(h);
				unsigned byte;

				/* The digest the long way, as bytes. */
				fz_digest_update(d, hs, 64);
				fz_digest_update(d, text + 1, p);
				fz_digest_update(d, id, n);
				fz_digest_hex(d, hex);
				fz_digest_free(d);
				for (int i = 0; i < FZ_DIGEST_SIZE; i++) {
					assert_int_equal(sscanf(hex + 2 * i,
					    "%2x", &byte), 1);
					md[i] = (unsigned char)byte;
				}
				assert_int_equal(fz_draw_ticketer_lead(t, id, n),
				    fz_draw_ticket_lead(md));
			}
		}
		fz_draw_ticketer_free(t);
	}
}

/* The head is the ticket's first three digits, and the lead its first
 * nine, under both hashes. */
static void
test_head_is_the_first_digits(void **state)
{
	(void)state;
	for (int h = FZ_HASH_SHA256; h <= FZ_HASH_SM3; h++) {
		fz_draw_ticketer *t = fz_draw_ticketer_new(h, "20190301", 8);

		fz_draw_ticketer_prefix(t, "913302000000000749|", 19);
		for (int i = 0; i < 3000; i++) {
			char id[16], ticket[FZ_TICKET_SIZE], want[10];
			size_t len = (size_t)snprintf(id, sizeof id, "ZJ-%05d",
			    i);

			fz_draw_ticket(t, id, len, ticket);
			/* "0." and the digits, at least nine (zeros
			 * padded). */
			memcpy(want, ticket + 2, 9);
			want[9] = '\0';
			assert_int_equal(fz_draw_ticketer_lead(t, id, len),
			    strtoul(want, NULL, 10));
			want[3] = '\0';
			assert_int_equal(fz_draw_ticketer_head(t, id, len),
			    strtoul(want, NULL, 10));
		}
		fz_draw_ticketer_free(t);
	}
}

/* Padding to 64 digits and the longest ticket, 78 digits. */
static void
test_format_bounds(void **state)
{
	unsigned char md[FZ_DIGEST_SIZE] = { 0 };
	char t[FZ_TICKET_SIZE], want[FZ_TICKET_SIZE];

	(void)state;
	md[FZ_DIGEST_SIZE - 1] = 1;
	fz_draw_ticket_format(md, t);
	memset(want, '0', sizeof want);
	want[1] = '.';
	want[2] = '1';
	want[66] = '\0';
	assert_string_equal(t, want);
	memset(md, 0xff, sizeof md);
	fz_draw_ticket_format(md, t);
	/* 2^256 - 1, reversed */
	assert_string_equal(t, "0.53993692131970048575493046504656648996235"
	    "8709786800589075324591613732980297511");
	assert_int_equal(strlen(t), 80);
	assert_int_equal(fz_draw_ticket_lead(md), 539936921u);
}

/* The lead is the ticket's first nine digits, and fz_draw_ticket_cmp orders
 * as the ticket strings do, equal leads included. */
static void
test_lead_and_cmp(void **state)
{
	unsigned char md[64][FZ_DIGEST_SIZE];
	char t[64][FZ_TICKET_SIZE];
	fz_draw_ticketer *tk = fz_draw_ticketer_new(FZ_HASH_SHA256, "lead", 4);

	(void)state;
	for (int i = 0; i < 64; i++) {
		char id[16], lead[10] = { 0 };
		int n = snprintf(id, sizeof id, "id-%d", i);

		fz_draw_ticketer_digest(tk, id, (size_t)n, md[i]);
		fz_draw_ticket_format(md[i], t[i]);
		memcpy(lead, t[i] + 2, 9);
		assert_int_equal(fz_draw_ticket_lead(md[i]), strtoul(lead, NULL, 10));
	}
	for (int i = 0; i < 64; i++)
		for (int j = 0; j < 64; j++) {
			int a = fz_draw_ticket_cmp(md[i], md[j]);
			int b = strcmp(t[i], t[j]);

			assert_true((a < 0) == (b < 0) && (a > 0) == (b > 0));
		}
	/* Two digests whose leads are equal: 7 and 7 + 10^9 * 2^64. */
	memset(md[0], 0, FZ_DIGEST_SIZE);
	memset(md[1], 0, FZ_DIGEST_SIZE);
	md[0][31] = 7;
	md[1][31] = 7;
	md[1][20] = 0x3b;	/* 10^9 is 0x3b9aca00 */
	md[1][21] = 0x9a;
	md[1][22] = 0xca;
	assert_int_equal(fz_draw_ticket_lead(md[0]), fz_draw_ticket_lead(md[1]));
	fz_draw_ticket_format(md[0], t[0]);
	fz_draw_ticket_format(md[1], t[1]);
	assert_true(strcmp(t[0], t[1]) < 0);
	assert_true(fz_draw_ticket_cmp(md[0], md[1]) < 0);
	assert_true(fz_draw_ticket_cmp(md[1], md[0]) > 0);
	assert_int_equal(fz_draw_ticket_cmp(md[1], md[1]), 0);
	fz_draw_ticketer_free(tk);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uniform_abc),
		cmocka_unit_test(test_first_ticket_vector),
		cmocka_unit_test(test_order_vector),
		cmocka_unit_test(test_reference_examples),
		cmocka_unit_test(test_seed_is_text),
		cmocka_unit_test(test_sm3_tickets),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_digest_lengths),
		cmocka_unit_test(test_format_bounds),
		cmocka_unit_test(test_lead_and_cmp),
		cmocka_unit_test(test_ticketer_lead),
		cmocka_unit_test(test_head_is_the_first_digits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
