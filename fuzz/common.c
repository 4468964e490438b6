/* common.c - the files, streams and checks the harnesses share. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static const char *
write_file(char *path, size_t size, const char *suffix, const void *data,
    size_t len)
{
	FILE *fp;

	if (path[0] == '\0') {
		const char *tmp = getenv("TMPDIR");

		snprintf(path, size, "%s/fazhi-fuzz-%ld%s", tmp && *tmp ? tmp
		    : "/tmp", (long)getpid(), suffix);
	}
	if ((fp = fopen(path, "wb")) == NULL)
		fuzz_fail("fopen", path);
	if (len > 0 && fwrite(data, 1, len, fp) != len)
		fuzz_fail("fwrite", path);
	if (fclose(fp) != 0)
		fuzz_fail("fclose", path);
	return path;
}

static char path1[512], path2[512];

static void
remove_files(void)
{
	if (path1[0] != '\0')
		unlink(path1);
	if (path2[0] != '\0')
		unlink(path2);
}

const char *
fuzz_file(const void *data, size_t size)
{
	static int registered;

	if (!registered++)
		atexit(remove_files);
	return write_file(path1, sizeof path1, ".in", data, size);
}

const char *
fuzz_file2(const void *data, size_t size)
{
	fuzz_file("", 0);	/* registers the removal */
	return write_file(path2, sizeof path2, ".out", data, size);
}

FILE *
fuzz_null(void)
{
	static FILE *null;

	if (null == NULL && (null = fopen("/dev/null", "wb")) == NULL)
		fuzz_fail("fopen", "/dev/null");
	return null;
}

static void
quiet_report(void *ctx, int severity, const fz_node *at, const char *msg)
{
	(void)ctx;
	(void)severity;
	/* Read what is reported, so that a bad pointer shows. */
	if (at != NULL && at->file != NULL)
		(void)strlen(at->file);
	(void)strlen(msg);
}

const fz_diag fuzz_quiet_diag = { quiet_report, NULL, 1 };

const uint8_t *
fuzz_take(const uint8_t **data, size_t *size, int sep, size_t *len)
{
	const uint8_t *p = *data;
	const uint8_t *end = memchr(p, sep, *size);

	*len = end ? (size_t)(end - p) : *size;
	*data += end ? *len + 1 : *len;
	*size -= end ? *len + 1 : *len;
	return p;
}

void
fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s failed%s%s\n", what, detail ? ": " : "",
	    detail ? detail : "");
	abort();
}

void
fuzz_mem_open(fuzz_mem *m)
{
	m->buf = NULL;
	m->len = 0;
	if ((m->fp = open_memstream(&m->buf, &m->len)) == NULL)
		fuzz_fail("open_memstream", NULL);
}

void
fuzz_mem_close(fuzz_mem *m)
{
	if (fclose(m->fp) != 0)
		fuzz_fail("fclose", "memory stream");
	m->fp = NULL;
}

const enum fz_kind fuzz_import_kinds[6] = { FZ_KIND_ENTITIES,
	FZ_KIND_INSPECTORS, FZ_KIND_INSPECTIONS, FZ_KIND_CASES,
	FZ_KIND_MATTERS, FZ_KIND_APPLICATIONS };

void
fuzz_problem_quiet(void *ctx, int severity, const char *file, unsigned line,
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
void
fuzz_import_read_back(enum fz_kind k, const fz_node *records)
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
