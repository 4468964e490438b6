/* test_digest.c - lib/io's digests: SHA-256 and SM3 against their
 * standards' vectors, incremental and copied states, hash names, and the
 * digest of each input a stream reads through its tap. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

#define SHA256_ABC "ba7816bf8f01cfea414140de5dae2223" \
	"b00361a396177a9cb410ff61f20015ad"
#define SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb924" \
	"27ae41e4649b934ca495991b7852b855"

/* FIPS 180-4 and GB/T 32905's examples for "abc". */
static void
test_abc_vectors(void **state)
{
	char hex[FZ_DIGEST_HEX];

	(void)state;
	assert_int_equal(fz_hash_hex(FZ_HASH_SM3, "abc", 3, hex), 0);
	assert_string_equal(hex, "66c7f0f462eeedd9d1f2d46bdc10e4e2"
	    "4167c4875cf2f7a2297da02b8f4ba8e0");
	assert_int_equal(fz_hash_hex(FZ_HASH_SHA256, "abc", 3, hex), 0);
	assert_string_equal(hex, SHA256_ABC);
	assert_int_equal(fz_hash_hex(FZ_HASH_SHA256, "", 0, hex), 0);
	assert_string_equal(hex, SHA256_EMPTY);
}

/* An incremental digest equals the one-shot digest, and can be copied
 * and read without being closed. */
static void
test_digest_stream(void **state)
{
	for (int h = FZ_HASH_SHA256; h <= FZ_HASH_SM3; h++) {
		fz_digest *d = fz_digest_new(h), *c = fz_digest_new(h);
		char hex[FZ_DIGEST_HEX], want[FZ_DIGEST_HEX];
		unsigned char md[FZ_DIGEST_SIZE];

		(void)state;
		assert_non_null(d);
		fz_digest_update(d, "ab", 2);
		fz_digest_copy(c, d);
		fz_digest_update(d, "c", 1);
		fz_digest_hex(d, hex);
		fz_hash_hex(h, "abc", 3, want);
		assert_string_equal(hex, want);
		fz_digest_peek(d, md);
		fz_digest_hex_of(md, hex);
		assert_string_equal(hex, want);
		fz_digest_hex(c, hex);
		fz_hash_hex(h, "ab", 2, want);
		assert_string_equal(hex, want);
		fz_digest_update(c, "c", 1);
		fz_digest_hex(c, hex);
		fz_hash_hex(h, "abc", 3, want);
		assert_string_equal(hex, want);
		fz_digest_free(d);
		fz_digest_free(c);
	}
}

static void
test_hash_names(void **state)
{
	(void)state;
	assert_int_equal(fz_hash_parse("sha256", 6), FZ_HASH_SHA256);
	assert_int_equal(fz_hash_parse("sm3", 3), FZ_HASH_SM3);
	assert_int_equal(fz_hash_parse("SM3", 3), -1);
	assert_int_equal(fz_hash_parse("sha2", 4), -1);
	assert_string_equal(fz_hash_name(FZ_HASH_SM3), "sm3");
	assert_string_equal(fz_hash_name(FZ_HASH_SHA256), "sha256");
}

/* Bytes tapped to input 2, then 0: each input has its own digest, an
 * input never tapped the digest of nothing. */
static void
test_input_digests_apart(void **state)
{
	fz_input_digests *ds = fz_input_digests_new(FZ_HASH_SHA256);
	char hex[FZ_DIGEST_HEX];

	(void)state;
	assert_non_null(ds);
	fz_input_digests_tap(ds, 2, "a", 1);
	fz_input_digests_tap(ds, 0, "abc", 3);
	fz_input_digests_tap(ds, 2, "bc", 2);
	assert_int_equal(fz_input_digests_hex(ds, 0, hex), 3);
	assert_string_equal(hex, SHA256_ABC);
	assert_int_equal(fz_input_digests_hex(ds, 2, hex), 3);
	assert_string_equal(hex, SHA256_ABC);
	assert_int_equal(fz_input_digests_hex(ds, 1, hex), 0);
	assert_string_equal(hex, SHA256_EMPTY);
	assert_int_equal(fz_input_digests_hex(ds, 5, hex), 0);
	assert_string_equal(hex, SHA256_EMPTY);
	fz_input_digests_free(ds);
}

/* Read through a stream, the digest of each file is that of its bytes:
 * two files of the same text have the same digest, another text
 * another, wherever they come in the inputs. */
static void
test_input_digests_of_stream(void **state)
{
	static const char a[] = "---\nkind: calendar\nholidays: [2019-10-01]\n";
	static const char b[] = "---\nkind: calendar\nholidays: [2019-10-02]\n";
	char *dir = fx_tmpdir();
	char *paths[3] = { fx_write_str(dir, "a.yaml", a),
		fx_write_str(dir, "b.yaml", b), fx_write_str(dir, "c.yaml", a) };
	fz_input_digests *ds = fz_input_digests_new(FZ_HASH_SHA256);
	fz_stream *s = fz_stream_open(paths, 3, 0);
	char hex[3][FZ_DIGEST_HEX], want[FZ_DIGEST_HEX];
	fz_error err = { 0 };
	fz_event ev;

	(void)state;
	fz_stream_set_tap(s, fz_input_digests_tap, ds);
	do
		assert_int_equal(fz_stream_next(s, &ev, &err), FZ_OK);
	while (ev.type != FZ_EV_END);
	fz_stream_close(s);
	for (int i = 0; i < 3; i++)
		assert_int_equal(fz_input_digests_hex(ds, (size_t)i, hex[i]),
		    strlen(i == 1 ? b : a));
	fz_hash_hex(FZ_HASH_SHA256, a, strlen(a), want);
	assert_string_equal(hex[0], want);
	assert_string_equal(hex[2], want);
	fz_hash_hex(FZ_HASH_SHA256, b, strlen(b), want);
	assert_string_equal(hex[1], want);
	fz_input_digests_free(ds);
	for (int i = 0; i < 3; i++)
		free(paths[i]);
	fx_rmtree(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abc_vectors),
		cmocka_unit_test(test_digest_stream),
		cmocka_unit_test(test_hash_names),
		cmocka_unit_test(test_input_digests_apart),
		cmocka_unit_test(test_input_digests_of_stream),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
