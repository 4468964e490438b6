/* fuzz-check.c - fazhi-check's checks: every record and document kept,
 * the references, the sanity checks and the legal rules, due dates.
 *
 * Input: one byte of options (bit 0: the legal rules; 1: strict;
 * 2: --due-within 30; 3: the calendar of calendar documents met), then
 * the YAML of any kinds. */
#include <string.h>

#include "fuzz.h"

static void
on_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	size_t *n = ctx;

	(void)line;
	(void)col;
	FUZZ_ASSERT(severity >= FZ_WARNING && severity <= FZ_NOTE, msg);
	if (file != NULL)
		(void)strlen(file);
	(void)strlen(msg);
	++*n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_check_opts o = { 0 };
	fz_calendar *cal;
	fz_check *c;
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	size_t counts[3], n = 0;

	if (size < 1)
		return 0;
	cal = fz_calendar_new();
	o.as_of = fz_date_make(2019, 12, 31);
	o.rules = data[0] & 1;
	o.strict = (data[0] & 2) != 0;
	o.due_within = data[0] & 4 ? 30 : -1;
	o.calendar = data[0] & 8 ? cal : NULL;
	c = fz_check_new(&o);
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND | FZ_STREAM_KEEP);
	while (fz_stream_next(s, &ev, &err) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.type == FZ_EV_DOC && ev.kind == FZ_KIND_CALENDAR)
			fz_calendar_add_doc(cal, ev.node, &err);
		fz_check_take(c, &ev, &err);
	}
	fz_check_finish(c, on_problem, &n, counts);
	FUZZ_ASSERT(counts[0] + counts[1] + counts[2] == n, "counts");
	fz_check_free(c);
	fz_stream_close(s);
	fz_calendar_free(cal);
	return 0;
}
