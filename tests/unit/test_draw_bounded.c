/* test_draw_bounded.c - the draw in bounded memory against the draw
 * over the whole directory, on generated directories: strata by count
 * and by ratio with counts at their edges (0, 1, the population and
 * around it), entities closed, recently inspected and in no stratum,
 * duplicates, and fingerprints cut short so that different ids collide.
 * The draw documents must be the same text, the errors the same error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fazhi.h"

static char path[] = "/tmp/test_draw_bounded_XXXXXX";

static void
quiet(void *ctx, int severity, const fz_node *at, const char *msg)
{
	(void)ctx;
	(void)severity;
	(void)at;
	(void)msg;
}

static const fz_diag diag = { quiet, NULL, 0 };

/* A generator of its own, so that every run makes the same inputs. */
static uint32_t rng;

static uint32_t
next(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static const char *const categories[] = { "网吧", "娱乐场所", "影院", "旅行社" };

/* The plan (first, as bounded reading needs), a directory of n
 * entities in two documents (dup: entity dup repeats an earlier id, when
 * above 0), the roster. */
static void
write_inputs(FILE *fp, size_t n, long c1, const char *ratio, size_t dup)
{
	fprintf(fp, "kind: plan\ntask: T\nseed: \"20190701314159265358\"\n"
	    "date: 2019-07-01\nexclude_inspected_within_days: 90\n"
	    "strata:\n  - {name: 网吧, where: {category: 网吧}, count: %ld}\n"
	    "  - {name: 娱乐, where: {category: 娱乐场所}, ratio: %s}\n"
	    "  - {name: 旅行社, where: {category: 旅行社}, count: 3}\n"
	    "  - {name: 空, where: {category: 印刷企业}, count: 2}\n"
	    "team: {size: 2}\n", c1, ratio);
	for (size_t i = 0; i < n; i++) {
		uint32_t r = next();

		if (i == 0 || i == n / 2)
			fprintf(fp, "---\nkind: entities\nrecords:\n");
		fprintf(fp, "- {id: E%zu, name: 户%zu, category: %s, "
		    "status: %s, last_inspected: 2019-%02u-01}\n",
		    i == dup && dup > 0 ? i / 3 : i, i, categories[(r >> 4) % 4],
		    (r >> 7) % 9 == 0 ? "closed" : "active", 1 + (r >> 9) % 12);
	}
	fprintf(fp, "---\nkind: inspectors\nrecords:\n");
	for (int i = 0; i < 12; i++)
		fprintf(fp, "- {id: P-%d, name: 员%d, department: 文旅}\n", i, i);
}

static int
read_all(fz_draw_inputs *in, int again, fz_error *err)
{
	char *paths[1] = { path };
	fz_stream *s = fz_stream_open(paths, 1, 0);
	fz_event ev;
	int rc;

	if (!again)
		fz_stream_set_tap(s, fz_draw_inputs_tap, in);
	do {
		if ((rc = fz_stream_next(s, &ev, err)) == FZ_OK)
			rc = again ? fz_draw_look_again(in, &ev, err) :
			    fz_draw_take(in, &ev, err);
	} while (rc == FZ_OK && ev.type != FZ_EV_END);
	fz_stream_close(s);
	return rc;
}

/* The draw of the inputs at path as text into *out (malloc'd), or the
 * error; *kept: the entities held at the end. */
static int
draw_text(int bounded, char **out, size_t *kept, fz_error *err)
{
	fz_draw_inputs in;
	fz_draw d = { 0 };
	fz_arena *a = fz_arena_new();
	size_t len;
	FILE *fp = open_memstream(out, &len);
	int rc;

	fz_draw_inputs_init(&in, -1, FZ_HASH_SHA256, &diag);
	if (bounded)
		fz_draw_inputs_bounded(&in);
	rc = read_all(&in, 0, err);
	if (fz_draw_inputs_again(&in)) {
		fz_error again;

		assert_true(bounded);
		(void)read_all(&in, 1, &again);
	}
	rc = fz_draw_inputs_end(&in, rc, err);
	*kept = in.nentities;
	if (rc == FZ_OK && (rc = fz_draw_run_inputs(&d, &in, &diag,
	    err)) == FZ_OK) {
		fz_writer *w = fz_writer_new(fp);

		fz_write_doc_begin(w);
		fz_write_node(w, fz_draw_document(&d, &in, a));
		fz_write_doc_end(w);
		assert_int_equal(fz_writer_free(w), 0);
	}
	fclose(fp);
	fz_draw_free(&d);
	fz_draw_inputs_free(&in);
	fz_arena_free(a);
	return rc;
}

/* One case: both ways the same; the number of entities bounded kept. */
static size_t
same_draw(size_t n, long c1, const char *ratio, size_t dup, int bits)
{
	char *ref, *got;
	size_t kref, kgot;
	fz_error eref = { 0 }, egot = { 0 };
	int fd, rref, rgot;
	FILE *fp;

	memcpy(path, "/tmp/test_draw_bounded_XXXXXX", sizeof path);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	rng = (uint32_t)(n * 7 + (size_t)c1 + dup);
	write_inputs(fp, n, c1, ratio, dup);
	fclose(fp);
	fz_draw_fingerprint_bits(64);
	rref = draw_text(0, &ref, &kref, &eref);
	fz_draw_fingerprint_bits(bits);
	rgot = draw_text(1, &got, &kgot, &egot);
	fz_draw_fingerprint_bits(64);
	unlink(path);
	if (rref != (dup > 0 ? FZ_DATAERR : FZ_OK))
		fail_msg("%s", eref.msg);
	assert_int_equal(rgot, rref);
	if (rref == FZ_OK) {
		assert_int_equal(kref, n);
		assert_string_equal(got, ref);
	} else {
		assert_string_equal(egot.msg, eref.msg);
		assert_int_equal(egot.line, eref.line);
		assert_int_equal(egot.col, eref.col);
	}
	free(ref);
	free(got);
	return kgot;
}

static void
test_counts_at_edges(void **state)
{
	size_t kept;

	(void)state;
	/* About a quarter of 2000 are 网吧: counts below, at, above P. */
	kept = same_draw(2000, 0, "0.1", 0, 64);
	assert_true(kept < 80);	/* the ratio's share, 3 旅行社, no 网吧 */
	same_draw(2000, 1, "0.1", 0, 64);
	for (long c = 380; c <= 480; c += 5)
		same_draw(2000, c, "0.5", 0, 64);
	same_draw(2000, 100000, "1", 0, 64);
	same_draw(1, 1, "0.3", 0, 64);
	same_draw(0, 5, "0.3", 0, 64);
}

static void
test_ratios(void **state)
{
	static const char *const ratios[] = { "0.001", "0.3", "0.333",
		"0.999", "1" };

	(void)state;
	for (size_t i = 0; i < sizeof ratios / sizeof *ratios; i++)
		same_draw(3000, 10, ratios[i], 0, 64);
}

/* Few bits: many different ids share a fingerprint, and the second
 * look must clear them all; an exact duplicate among them is still the
 * error, at the same place. */
static void
test_collisions(void **state)
{
	(void)state;
	same_draw(3000, 25, "0.2", 0, 6);
	same_draw(3000, 25, "0.2", 0, 1);
	same_draw(3000, 25, "0.2", 2000, 6);
	same_draw(3000, 25, "0.2", 2000, 64);
	same_draw(3000, 25, "0.2", 1501, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_at_edges),
		cmocka_unit_test(test_ratios),
		cmocka_unit_test(test_collisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
