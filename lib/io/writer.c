/* writer.c - YAML out through libyaml's emitter: Chinese unescaped, keys
 * in the order the caller writes them, strings quoted whenever a YAML 1.1
 * reader would take them for anything but a string. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "io.h"

struct fz_writer {
	yaml_emitter_t emitter;
	FILE *out;
	int failed;
};

int fz_stdout_errno;

/* A failed write: errno is the write's, kept for standard output. */
static void
fail(fz_writer *w)
{
	w->failed = 1;
	if (w->out == stdout && errno != 0)
		fz_stdout_errno = errno;
}

static int
write_handler(void *data, unsigned char *buf, size_t size)
{
	fz_writer *w = data;

	errno = 0;
	if (fwrite(buf, 1, size, w->out) == size)
		return 1;
	fail(w);
	return 0;
}

static int
emit(fz_writer *w, yaml_event_t *e)
{
	if (w->failed) {
		yaml_event_delete(e);
		return -1;
	}
	if (!yaml_emitter_emit(&w->emitter, e)) {
		w->failed = 1;
		return -1;
	}
	return 0;
}

fz_writer *
fz_writer_new(FILE *out)
{
	fz_writer *w = fz_xcalloc(1, sizeof *w);
	yaml_event_t e;

	w->out = out;
	if (!yaml_emitter_initialize(&w->emitter))
		abort();
	yaml_emitter_set_output(&w->emitter, write_handler, w);
	yaml_emitter_set_unicode(&w->emitter, 1);
	yaml_emitter_set_width(&w->emitter, -1);
	yaml_emitter_set_indent(&w->emitter, 2);
	yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
	emit(w, &e);
	return w;
}

int
fz_writer_free(fz_writer *w)
{
	yaml_event_t ev;
	int failed, e;

	if (w == NULL)
		return 0;
	yaml_stream_end_event_initialize(&ev);
	emit(w, &ev);
	if (!w->failed && !yaml_emitter_flush(&w->emitter))
		w->failed = 1;
	/* The stream's own buffer hides a full disk until it is flushed. */
	errno = 0;
	if (!w->failed && (fflush(w->out) != 0 || ferror(w->out)))
		fail(w);
	failed = w->failed;
	e = errno;
	yaml_emitter_delete(&w->emitter);
	free(w);
	errno = e;	/* the caller's message names the write's error */
	return failed ? -1 : 0;
}

int
fz_write_doc_begin(fz_writer *w)
{
	yaml_event_t e;

	yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 0);
	return emit(w, &e);
}

int
fz_write_doc_end(fz_writer *w)
{
	yaml_event_t e;

	yaml_document_end_event_initialize(&e, 1);
	return emit(w, &e);
}

int
fz_write_map_begin(fz_writer *w, int flow)
{
	yaml_event_t e;

	yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
	    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	return emit(w, &e);
}

int
fz_write_map_end(fz_writer *w)
{
	yaml_event_t e;

	yaml_mapping_end_event_initialize(&e);
	return emit(w, &e);
}

int
fz_write_seq_begin(fz_writer *w, int flow)
{
	yaml_event_t e;

	yaml_sequence_start_event_initialize(&e, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	return emit(w, &e);
}

int
fz_write_seq_end(fz_writer *w)
{
	yaml_event_t e;

	yaml_sequence_end_event_initialize(&e);
	return emit(w, &e);
}

static int
scalar(fz_writer *w, const char *s, size_t len, yaml_scalar_style_t style)
{
	yaml_event_t e;

	if (!yaml_scalar_event_initialize(&e, NULL, NULL,
	    (yaml_char_t *)s, (int)len, 1, 1, style)) {
		w->failed = 1;
		return -1;
	}
	return emit(w, &e);
}

int
fz_write_strn(fz_writer *w, const char *s, size_t len)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (fz_scalar_resolve(s, len) != FZ_TAG_STR)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	return scalar(w, s, len, style);
}

int fz_write_str(fz_writer *w, const char *s) { return fz_write_strn(w, s, strlen(s)); }
int fz_write_key(fz_writer *w, const char *key) { return fz_write_str(w, key); }
int fz_write_plain(fz_writer *w, const char *s) { return scalar(w, s, strlen(s), YAML_PLAIN_SCALAR_STYLE); }
int fz_write_null(fz_writer *w) { return fz_write_plain(w, "null"); }
int fz_write_bool(fz_writer *w, int v) { return fz_write_plain(w, v ? "true" : "false"); }

int
fz_write_int(fz_writer *w, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	return fz_write_plain(w, buf);
}

int
fz_write_key_int(fz_writer *w, const char *key, long long v)
{
	return fz_write_key(w, key) | fz_write_int(w, v);
}

int
fz_write_strs(fz_writer *w, const char *const *v, size_t n)
{
	int rc = fz_write_seq_begin(w, 1);

	for (size_t i = 0; i < n; i++)
		rc |= fz_write_str(w, v[i]);
	return rc | fz_write_seq_end(w);
}

int
fz_write_money(fz_writer *w, int64_t fen)
{
	char buf[32];

	return fz_write_plain(w, fz_money_format(fen, buf));
}

int
fz_write_date(fz_writer *w, fz_date d)
{
	char buf[16];

	if (d == FZ_NODATE)
		return fz_write_null(w);
	return fz_write_plain(w, fz_date_format(d, buf));
}

int
fz_write_node(fz_writer *w, const fz_node *n)
{
	if (n == NULL)
		return fz_write_null(w);
	switch (n->type) {
	case FZ_SCALAR:
		if (n->quoted)
			return fz_write_strn(w, n->str, n->len);
		return scalar(w, n->str, n->len, YAML_ANY_SCALAR_STYLE);
	case FZ_SEQ:
		fz_write_seq_begin(w, 0);
		for (size_t i = 0; i < n->n; i++)
			fz_write_node(w, n->kids[i]);
		return fz_write_seq_end(w);
	case FZ_MAP:
		fz_write_map_begin(w, 0);
		for (size_t i = 0; i < 2 * n->n; i++)
			fz_write_node(w, n->kids[i]);
		return fz_write_map_end(w);
	}
	return -1;
}
