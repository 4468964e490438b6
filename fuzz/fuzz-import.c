/* fuzz-import.c - the CSV importer: a column map, the CSV fed in pieces
 * of any size, in UTF-8, GB18030 or GBK; and when the import succeeds,
 * the records it writes must read back and decode without an error.
 *
 * Input: one byte (kind: % 6 over entities, inspectors, inspections,
 * cases, matters, applications; encoding: / 6 % 3), one byte (bits
 * 0-6: pieces of that many bytes plus one, 127 all at once; bit 7: the
 * first line is a --map), then the CSV. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const enum fz_kind kinds[6] = { FZ_KIND_ENTITIES,
	FZ_KIND_INSPECTORS, FZ_KIND_INSPECTIONS, FZ_KIND_CASES,
	FZ_KIND_MATTERS, FZ_KIND_APPLICATIONS };

static void
on_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	(void)ctx;
	(void)severity;
	(void)line;
	(void)col;
	(void)strlen(file);
	(void)strlen(msg);
}

/* What fazhi-import writes is what every program reads. */
static void
read_back(enum fz_kind k, const fz_node *records)
{
	fuzz_mem m;
	fz_writer *w;
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	union fuzz_record r;
	int rc;

	fuzz_mem_open(&m);
	w = fz_writer_new(m.fp);
	fz_import_write(w, k, records);
	FUZZ_ASSERT(fz_writer_free(w) == 0, NULL);
	fuzz_mem_close(&m);
	paths[0] = (char *)fuzz_file2(m.buf, m.len);
	s = fz_stream_open(paths, 1, 0);
	while ((rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		if (ev.type == FZ_EV_RECORD &&
		    fz_record_decode(k, ev.node, &r, NULL, &err) != FZ_OK)
			break;
	if (rc != 0) {
		fprintf(stderr, "%.*s\n%u:%u: %s\n", (int)m.len, m.buf,
		    err.line, err.col, err.msg);
		fuzz_fail("the records imported read back", err.msg);
	}
	fz_stream_close(s);
	free(m.buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum fz_kind k;
	fz_import *im;
	fz_error err;
	const fz_node *records;
	const uint8_t *map = NULL;
	size_t piece, maplen = 0;
	char *spec;
	int rc;

	if (size < 2)
		return 0;
	k = kinds[data[0] % 6];
	im = fz_import_new(k, data[0] / 6 % 3, "t.csv",
	    fz_date_make(2019, 12, 31));
	if (im == NULL)
		return 0;
	piece = (data[1] & 127) == 127 ? SIZE_MAX : (size_t)(data[1] & 127) + 1;
	if (data[1] & 128) {
		data += 2;
		size -= 2;
		map = fuzz_take(&data, &size, '\n', &maplen);
		spec = fz_xmalloc(maplen + 1);
		memcpy(spec, map, maplen);
		spec[maplen] = '\0';
		rc = fz_import_map(im, spec, &err);
		free(spec);
		if (rc != FZ_OK) {	/* the program stops there */
			fz_import_free(im);
			return 0;
		}
	} else {
		data += 2;
		size -= 2;
	}
	while (size > 0) {
		size_t n = size < piece ? size : piece;

		fz_import_feed(im, data, n);
		data += n;
		size -= n;
	}
	if (fz_import_end(im, on_problem, NULL, &records, &err) == FZ_OK)
		read_back(k, records);
	fz_import_free(im);
	return 0;
}
