/* fuzz-draw.c - the plan and draw reader (fz_draw_take), the draw, its
 * document; and --verify's property: the draw document written out and
 * read back is found equal to the one recomputed (no difference).
 *
 * Input: one byte of options (bit 0: force SM3; 1: SM3 when the plan
 * names no hash), then the YAML of a plan, entities and inspectors. */
#include <stdlib.h>

#include "fuzz.h"

static void
no_difference(void *ctx, const fz_node *at, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%u:%u: %s\n", at ? at->line : 0, at ? at->col : 0,
	    msg);
	fuzz_fail("the draw written is the draw recomputed", msg);
}

static void
verify(fz_node *doc)
{
	fuzz_mem m;
	fz_writer *w;
	fz_stream *s;
	fz_error err;
	fz_node *pub;

	fuzz_mem_open(&m);
	w = fz_writer_new(m.fp);
	fz_write_doc_begin(w);
	fz_write_node(w, doc);
	fz_write_doc_end(w);
	FUZZ_ASSERT(fz_writer_free(w) == 0, NULL);
	fuzz_mem_close(&m);
	pub = fuzz_read_back(fuzz_file2(m.buf, m.len), &s, &err);
	if (pub == NULL) {
		fprintf(stderr, "%.*s\n", (int)m.len, m.buf);
		fuzz_fail("reading back the draw", err.msg);
	}
	fz_draw_compare(pub, doc, no_difference, NULL);
	fz_stream_close(s);
	free(m.buf);
}

/* The inputs of the stream s into in, as fazhi-draw reads them. */
static int
read_inputs(fz_draw_inputs *in, fz_stream *s, unsigned options,
    fz_error *err)
{
	fz_event ev;
	int rc;

	fz_draw_inputs_init(in, options & 1 ? FZ_HASH_SM3 : -1,
	    options & 2 ? FZ_HASH_SM3 : FZ_HASH_SHA256, &fuzz_quiet_diag);
	fz_stream_set_tap(s, fz_draw_inputs_tap, in);
	do {
		if ((rc = fz_stream_next(s, &ev, err)) == FZ_OK)
			rc = fz_draw_take(in, &ev, err);
	} while (rc == FZ_OK && ev.type != FZ_EV_END);
	return fz_draw_inputs_end(in, rc, err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_draw_inputs in = { 0 };
	fz_draw d = { 0 };
	fz_arena *a;
	char *paths[1];
	fz_stream *s;
	fz_error err;
	int rc;

	if (size < 1)
		return 0;
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	s = fz_stream_open(paths, 1, 0);
	rc = read_inputs(&in, s, data[0], &err);
	fz_stream_close(s);
	if (rc == FZ_OK && fz_draw_run(&d, &in.plan, in.hash, in.entities,
	    in.nentities, in.inspectors, in.ninspectors, &fuzz_quiet_diag,
	    &err) == FZ_OK) {
		a = fz_arena_new();
		verify(fz_draw_document(&d, &in, a));
		fz_arena_free(a);
	}
	fz_draw_free(&d);
	fz_draw_inputs_free(&in);
	return 0;
}
