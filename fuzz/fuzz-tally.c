/* fuzz-tally.c - the tally: inspections and cases into fz_tally, or
 * tally documents into fz_tally_merge; then the document written with
 * --mergeable, merged alone, must give the same tally.
 *
 * Input: one byte of options (bits 0-2: the --by of the table below;
 * 3: merge tallies instead of counting records; 4: a range; 5: the
 * calendar of a calendar document met in the input), then the YAML. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static char *const by_sets[8][3] = {
	{ NULL }, { "month" }, { "year", "town" },
	{ "quarter", "category", "type" }, { "week", "result" }, { "day" },
	{ "town", "month", "entity" }, { "source", "penalty" },
};

static void
add_record(fz_tally *t, fz_event *ev)
{
	enum fz_kind k = ev->kind;
	fz_inspection in;
	fz_case c;
	fz_error err;

	if (k == FZ_KIND_INSPECTIONS &&
	    fz_record_decode(k, ev->node, &in, NULL, &err) == FZ_OK)
		fz_tally_add_inspection(t, &in, ev->node);
	else if (k == FZ_KIND_CASES &&
	    fz_record_decode(k, ev->node, &c, NULL, &err) == FZ_OK)
		fz_tally_add_case(t, &c, ev->node, &err);
}

/* The document of t with or without its state, in m (buf: free). */
static void
write_tally(fz_tally *t, int mergeable, fuzz_mem *m)
{
	fz_writer *w;

	fuzz_mem_open(m);
	w = fz_writer_new(m->fp);
	FUZZ_ASSERT(fz_tally_write(t, w, mergeable) == 0, NULL);
	FUZZ_ASSERT(fz_writer_free(w) == 0, NULL);
	fuzz_mem_close(m);
}

/* A mergeable tally merged alone gives the same tally (plain is its
 * document without the state, which lists outings in the order met). */
static void
merge_back(const fuzz_mem *mergeable, const fuzz_mem *a,
    const fz_calendar *cal)
{
	fz_tally *t = NULL;
	fz_stream *s;
	fz_error err;
	fz_node *doc = fuzz_read_back(fuzz_file2(mergeable->buf,
	    mergeable->len), &s, &err);
	fuzz_mem b;

	if (doc == NULL)
		fuzz_fail("reading back the tally", err.msg);
	if (fz_tally_merge(&t, doc, &err) != FZ_OK)
		fuzz_fail("merging the tally written", err.msg);
	fz_tally_set_calendar(t, cal);
	write_tally(t, 0, &b);
	if (a->len != b.len || memcmp(a->buf, b.buf, a->len) != 0) {
		fprintf(stderr, "written:\n%.*s\nmerged:\n%.*s\n", (int)a->len,
		    a->buf, (int)b.len, b.buf);
		fuzz_fail("a tally merged alone is itself", NULL);
	}
	free(b.buf);
	fz_tally_free(t);
	fz_stream_close(s);
}

static void
report(fz_tally *t, const fz_calendar *cal)
{
	const char *const *keys;
	fuzz_mem m, plain;

	fz_tally_set_calendar(t, cal);
	fz_tally_finish(t);
	for (size_t i = 0; i < fz_tally_nrows(t); i++)
		fz_tally_row(t, i, &keys);
	fz_tally_totals(t);
	write_tally(t, 0, &plain);
	write_tally(t, 1, &m);
	merge_back(&m, &plain, cal);
	free(plain.buf);
	free(m.buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *paths[1];
	fz_tally *t = NULL;
	fz_calendar *cal;
	fz_stream *s;
	fz_event ev;
	fz_error err;
	int opts, nby = 0, ok = 1;

	if (size < 1)
		return 0;
	opts = data[0];
	cal = fz_calendar_new();
	while (nby < 3 && by_sets[opts & 7][nby] != NULL)
		nby++;
	if (!(opts & 8)) {
		t = fz_tally_new(by_sets[opts & 7], nby, &err);
		FUZZ_ASSERT(t != NULL, err.msg);
		if (opts & 16)
			fz_tally_set_range(t, fz_date_make(2019, 3, 1),
			    fz_date_make(2019, 6, 30));
	}
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while (ok && fz_stream_next(s, &ev, &err) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.type == FZ_EV_DOC && ev.kind == FZ_KIND_CALENDAR)
			fz_calendar_add_doc(cal, ev.node, &err);
		else if ((opts & 8) && ev.kind == FZ_KIND_TALLY)
			ok = fz_tally_merge(&t, ev.node, &err) == FZ_OK;
		else if (!(opts & 8) && ev.type == FZ_EV_RECORD)
			add_record(t, &ev);
	}
	fz_stream_close(s);
	if (t != NULL && ok)
		report(t, opts & 32 ? cal : NULL);
	fz_tally_free(t);
	fz_calendar_free(cal);
	return 0;
}
