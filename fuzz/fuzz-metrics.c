/* fuzz-metrics.c - the approval figures: matters and applications into
 * fz_metrics, the catalogue checked, the figures of every grouping and
 * the document written.
 *
 * Input: one byte of options (bit 0: the period 2019-03; 1: --where
 * channel=online; 2: the calendar of calendar documents met), then the
 * YAML of matters and applications. */
#include <string.h>

#include "fuzz.h"

static int
add_record(fz_metrics *m, fz_event *ev)
{
	enum fz_kind k = ev->kind;
	fz_matter mt;
	fz_application a;
	fz_error err;

	if (k == FZ_KIND_MATTERS)
		return fz_record_decode(k, ev->node, &mt, NULL, &err) == FZ_OK &&
		    fz_metrics_add_matter(m, &mt, ev->node, &err) == FZ_OK;
	if (k == FZ_KIND_APPLICATIONS)
		return fz_record_decode(k, ev->node, &a, NULL, &err) == FZ_OK &&
		    fz_metrics_add_application(m, &a, ev->node, &err) == FZ_OK;
	return 1;
}

static void
report(fz_metrics *m)
{
	fz_metrics_figures f;
	const fz_metrics_row *rows;
	fz_date from, to;
	fz_writer *w;
	char buf[32];

	fz_metrics_total(m, &f);
	for (int r = 0; r < FZ_RATE_COUNT; r++)
		fz_metrics_fraction_format(f.rates[r], buf);
	for (int by = FZ_BY_MATTER; by <= FZ_BY_OFFICE; by++)
		fz_metrics_rows(m, by, &rows);
	fz_metrics_period(m, &from, &to);
	for (int by = FZ_BY_NONE; by <= FZ_BY_OFFICE; by++) {
		w = fz_writer_new(fuzz_null());
		FUZZ_ASSERT(fz_metrics_write(m, w, by) == 0, NULL);
		fz_writer_free(w);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_calendar *cal;
	fz_metrics *m;
	fz_where *where;
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	int ok = 1, rc = 0;

	if (size < 1)
		return 0;
	cal = fz_calendar_new();
	where = fz_where_new();
	m = fz_metrics_new(data[0] & 4 ? cal : NULL, data[0] & 1 ?
	    fz_date_make(2019, 3, 1) : FZ_NODATE, data[0] & 1 ?
	    fz_date_make(2019, 3, 31) : FZ_NODATE);
	if (data[0] & 2) {
		fz_where_add(where, "channel=online", &err);
		fz_metrics_set_where(m, where, &err);
	}
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while (ok && (rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.type == FZ_EV_DOC && ev.kind == FZ_KIND_CALENDAR)
			fz_calendar_add_doc(cal, ev.node, &err);
		else if (ev.type == FZ_EV_RECORD)
			ok = add_record(m, &ev);
	}
	fz_stream_close(s);
	/* Like fazhi-metrics: the figures only of inputs read whole. */
	if (ok && rc == 0 && fz_metrics_check(m, &err) == FZ_OK)
		report(m);
	fz_metrics_free(m);
	fz_where_free(where);
	fz_calendar_free(cal);
	return 0;
}
