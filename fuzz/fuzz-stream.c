/* fuzz-stream.c - the streaming reader and what reads its events: every
 * record decoded by its kind, calendars, plans, --where, group values,
 * tables and CSV; and every event written back out as YAML, which must
 * read back as the same tree.
 *
 * Input: one byte of flags (1: any kind, 2: keep every node), then the
 * YAML. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

struct state {
	fz_calendar *cal;
	fz_where *where;
	fz_table_set *ts;
	int tables_ok;
	fz_arena *arena;
};

static void
decode_record(struct state *st, enum fz_kind k, fz_node *rec)
{
	union fuzz_record r;
	fz_error err;

	fz_record_decode(k, rec, &r, NULL, &err);
	fz_record_decode(k, rec, &r, &fuzz_quiet_diag, &err);
	fz_where_match(st->where, k, rec);
	for (size_t i = 0; i < rec->n; i++)
		fz_node_group_value(st->arena, rec->kids[2 * i + 1]);
}

/* The working days of a calendar document, asked around its days. */
static void
use_calendar(struct state *st, const fz_node *doc)
{
	fz_error err;
	fz_date d = fz_date_make(2019, 9, 28);

	if (fz_calendar_add_doc(st->cal, doc, &err) != FZ_OK)
		return;
	for (int i = 0; i < 12; i++) {
		fz_calendar_is_workday(st->cal, d + i);
		fz_calendar_add_workdays(st->cal, d, i * 3);
		fz_calendar_workdays_between(st->cal, d + i, d - i * 7);
	}
	fz_calendar_covers(st->cal, 2019);
}

static void
use_plan(struct state *st, const fz_node *doc)
{
	fz_plan plan;
	fz_error err;

	fz_draw_plan_decode(doc, &plan, st->arena, &fuzz_quiet_diag, &err);
}

/* Written as the value of x: in a document, it reads back the same. */
static void
round_trip(const fz_node *n)
{
	fuzz_mem m;
	fz_writer *w;
	fz_stream *s;
	fz_error err;
	fz_node *back;
	const fz_node *d;

	if (fuzz_depth(n) > 60)
		return;
	fuzz_mem_open(&m);
	w = fz_writer_new(m.fp);
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "x");
	fz_write_node(w, n);
	fz_write_map_end(w);
	fz_write_doc_end(w);
	FUZZ_ASSERT(fz_writer_free(w) == 0, "the writer failed");
	fuzz_mem_close(&m);
	back = fuzz_read_back(fuzz_file2(m.buf, m.len), &s, &err);
	if (back == NULL)
		fuzz_fail("reading back what was written", err.msg);
	if ((d = fuzz_differ(n, fz_node_get(back, "x"))) != NULL) {
		fprintf(stderr, "written:\n%.*s\nfirst difference: %u:%u "
		    "'%s'\n", (int)m.len, m.buf, d->line, d->col,
		    d->type == FZ_SCALAR ? d->str : "(a list or map)");
		fuzz_fail("the written tree reads back the same", NULL);
	}
	fz_stream_close(s);
	free(m.buf);
}

static void
on_event(struct state *st, fz_event *ev)
{
	enum fz_kind k = ev->kind;
	fz_error err;

	if (st->tables_ok && fz_table_set_add_event(st->ts, ev, &err) != FZ_OK)
		st->tables_ok = 0;
	if (ev->type == FZ_EV_RECORD && fz_kind_fields(k) != NULL)
		decode_record(st, k, ev->node);
	else if (ev->type == FZ_EV_DOC && k == FZ_KIND_CALENDAR)
		use_calendar(st, ev->node);
	else if (ev->type == FZ_EV_DOC && k == FZ_KIND_PLAN)
		use_plan(st, ev->node);
	round_trip(ev->node);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state st = { 0 };
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	unsigned flags;

	if (size < 1)
		return 0;
	flags = data[0] & (FZ_STREAM_ANY_KIND | FZ_STREAM_KEEP);
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	st.cal = fz_calendar_new();
	st.where = fz_where_new();
	fz_where_add(st.where, "result=违规", &err);
	st.ts = fz_table_set_new();
	st.tables_ok = 1;
	st.arena = fz_arena_new();
	s = fz_stream_open(paths, 1, flags);
	while (fz_stream_next(s, &ev, &err) == FZ_OK &&
	    ev.type != FZ_EV_END)
		on_event(&st, &ev);
	fz_stream_count(s, FZ_KIND_INSPECTIONS);
	fz_stream_close(s);
	if (st.tables_ok)
		fz_table_csv_write(fuzz_null(), st.ts, FZ_CSV_BOM, &err);
	fz_arena_free(st.arena);
	fz_table_set_free(st.ts);
	fz_where_free(st.where);
	fz_calendar_free(st.cal);
	return 0;
}
