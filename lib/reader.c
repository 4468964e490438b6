/* reader.c - the one loop through which every program reads its input:
 * files or standard input, documents by kind, records one at a time,
 * every value with its file, line and column.  Memory is per record:
 * the record arena is reset before each record. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "fazhi.h"

#define PROGRESS_STEP (8u << 20)

enum state { S_BETWEEN, S_IN_DOC, S_RECORDS, S_FLUSH, S_DONE };

struct fz_stream {
	char *const *paths;
	int npaths, cur;	/* cur: index of the open input, -1 before */
	unsigned flags;
	FILE *fp;
	const char *name;
	yaml_parser_t parser;
	int parser_live, read_errno;

	fz_arena *doc_arena, *rec_arena;
	enum state state;
	const char *kind;
	enum fz_kind kindk;
	fz_node *doc, *buffered, *kept;	/* kept: records under KEEP */
	size_t bufpos, rec_index, ndocs;
	int streamed;		/* records: of this document were streamed */
	unsigned doc_line, doc_col;
	size_t counts[FZ_KIND_COUNT];

	fz_tap_fn tap;
	void *tap_ctx;
	fz_progress_fn progress;
	void *progress_ctx;
	uint64_t done, total, next_progress;
};

fz_stream *
fz_stream_open(char *const *paths, int npaths, unsigned flags)
{
	fz_stream *s = fz_xcalloc(1, sizeof *s);
	struct stat st;

	s->paths = paths;
	s->npaths = npaths;
	s->cur = -1;
	s->flags = flags;
	s->doc_arena = fz_arena_new();
	s->rec_arena = (flags & FZ_STREAM_KEEP) ? s->doc_arena : fz_arena_new();
	if (s->doc_arena == NULL || s->rec_arena == NULL)
		abort();
	for (int i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			s->total += (uint64_t)st.st_size;
	s->next_progress = PROGRESS_STEP;
	return s;
}

void fz_stream_set_tap(fz_stream *s, fz_tap_fn fn, void *ctx) { s->tap = fn; s->tap_ctx = ctx; }
void fz_stream_set_progress(fz_stream *s, fz_progress_fn fn, void *ctx) { s->progress = fn; s->progress_ctx = ctx; }
fz_arena *fz_stream_arena(fz_stream *s) { return s->rec_arena; }

size_t
fz_stream_count(const fz_stream *s, const char *kind)
{
	enum fz_kind k = fz_kind_parse(kind);

	return k == FZ_KIND_NONE ? 0 : s->counts[k];
}

static void
close_input(fz_stream *s)
{
	if (s->parser_live)
		yaml_parser_delete(&s->parser);
	s->parser_live = 0;
	if (s->fp != NULL && s->fp != stdin)
		fclose(s->fp);
	s->fp = NULL;
}

void
fz_stream_close(fz_stream *s)
{
	if (s == NULL)
		return;
	close_input(s);
	if (s->rec_arena != s->doc_arena)
		fz_arena_free(s->rec_arena);
	fz_arena_free(s->doc_arena);
	free(s);
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *got)
{
	fz_stream *s = data;
	size_t n = fread(buf, 1, size, s->fp);

	if (n == 0 && ferror(s->fp)) {
		s->read_errno = errno ? errno : EIO;
		return 0;
	}
	*got = n;
	if (s->tap != NULL && n > 0)
		s->tap(s->tap_ctx, (size_t)s->cur, buf, n);
	s->done += n;
	if (s->progress != NULL && s->done >= s->next_progress) {
		s->progress(s->progress_ctx, s->done, s->total);
		s->next_progress = s->done + PROGRESS_STEP;
	}
	return 1;
}

/* Open the next input: 1 when there is one, 0 at the end, or a status. */
static int
open_next(fz_stream *s, fz_error *err)
{
	int last = s->npaths > 0 ? s->npaths : 1;
	const char *path;
	struct stat st;

	close_input(s);
	if (++s->cur >= last)
		return 0;
	path = s->npaths > 0 ? s->paths[s->cur] : "-";
	s->read_errno = 0;
	if (strcmp(path, "-") == 0) {
		s->fp = stdin;
		s->name = "<stdin>";
	} else {
		s->name = path;
		s->fp = fopen(path, "rb");
		if (s->fp == NULL)
			return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
			    "cannot open: %s", strerror(errno));
		if (fstat(fileno(s->fp), &st) == 0 && S_ISDIR(st.st_mode))
			return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
			    "cannot open: is a directory");
	}
	if (!yaml_parser_initialize(&s->parser))
		abort();
	s->parser_live = 1;
	yaml_parser_set_input(&s->parser, read_handler, s);
	return 1;
}

/* libyaml's reader knows only the byte offset of an encoding error: find
 * its line and column (in characters) by reading the file again. */
static void
locate(const fz_stream *s, size_t offset, unsigned *line, unsigned *col)
{
	FILE *fp;
	int c;

	if (s->fp == stdin || (fp = fopen(s->name, "rb")) == NULL)
		return;
	*line = *col = 1;
	for (size_t i = 0; i < offset && (c = getc(fp)) != EOF; i++) {
		if (c == '\n') {
			++*line;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			++*col;
		}
	}
	fclose(fp);
}

static int
parse_error(fz_stream *s, fz_error *err)
{
	yaml_parser_t *p = &s->parser;
	yaml_mark_t m = p->problem_mark;

	if (s->read_errno != 0)
		return fz_error_set(err, FZ_IOERR, s->name, 0, 0,
		    "read error: %s", strerror(s->read_errno));
	if (p->error == YAML_READER_ERROR) {
		unsigned line = 0, col = 0;

		locate(s, p->problem_offset, &line, &col);
		return fz_error_set(err, FZ_DATAERR, s->name, line, col,
		    "%s (byte %zu)", p->problem, p->problem_offset);
	}
	if (p->error == YAML_MEMORY_ERROR)
		abort();
	if (p->context != NULL)
		return fz_error_set(err, FZ_DATAERR, s->name, m.line + 1,
		    m.column + 1, "%s %s", p->problem, p->context);
	return fz_error_set(err, FZ_DATAERR, s->name, m.line + 1, m.column + 1,
	    "%s", p->problem ? p->problem : "malformed YAML");
}

static int
next_event(fz_stream *s, yaml_event_t *e, fz_error *err)
{
	if (!yaml_parser_parse(&s->parser, e))
		return parse_error(s, err);
	return FZ_OK;
}

static int
at_event(fz_stream *s, const yaml_event_t *e, fz_error *err, const char *msg)
{
	return fz_error_set(err, FZ_DATAERR, s->name, e->start_mark.line + 1,
	    e->start_mark.column + 1, "%s", msg);
}

static void
place(fz_stream *s, fz_node *n, const yaml_event_t *e)
{
	n->file = s->name;
	n->line = e->start_mark.line + 1;
	n->col = e->start_mark.column + 1;
}

static int
map_has(const fz_node *m, const char *key, size_t len)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->kids[2 * i]->len == len && m->kids[2 * i]->str[0] == *key &&
		    memcmp(m->kids[2 * i]->str, key, len) == 0)
			return 1;
	return 0;
}

static int build(fz_stream *s, fz_arena *a, yaml_event_t *e, int depth,
    fz_node **out, fz_error *err);

static int
build_scalar(fz_stream *s, fz_arena *a, yaml_event_t *e, fz_node **out,
    fz_error *err)
{
	size_t len = e->data.scalar.length;
	fz_node *n;

	if (len > FZ_MAX_SCALAR)
		return fz_error_set(err, FZ_DATAERR, s->name,
		    e->start_mark.line + 1, e->start_mark.column + 1,
		    "scalar of %zu bytes is longer than the limit of %u",
		    len, FZ_MAX_SCALAR);
	n = fz_node_scalar(a, (const char *)e->data.scalar.value, len);
	if (n == NULL)
		abort();
	/* Quoted, block and !!str scalars are strings, never resolved. */
	n->quoted = e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    (e->data.scalar.tag != NULL && strcmp((const char *)
	    e->data.scalar.tag, YAML_STR_TAG) == 0);
	place(s, n, e);
	*out = n;
	return FZ_OK;
}

/* The children of a collection that began with e, up to its end event. */
static int
build_kids(fz_stream *s, fz_arena *a, fz_node *n, int depth, fz_error *err)
{
	yaml_event_type_t end = n->type == FZ_MAP ? YAML_MAPPING_END_EVENT
	    : YAML_SEQUENCE_END_EVENT;
	fz_node *kid, *key = NULL;
	yaml_event_t e;
	int rc;

	for (;;) {
		if ((rc = next_event(s, &e, err)) != FZ_OK)
			return rc;
		if (e.type == end) {
			yaml_event_delete(&e);
			break;
		}
		if (n->type == FZ_MAP && key == NULL &&
		    e.type != YAML_SCALAR_EVENT) {
			rc = at_event(s, &e, err, "a mapping key must be a scalar");
			yaml_event_delete(&e);
			return rc;
		}
		rc = build(s, a, &e, depth + 1, &kid, err);
		if (rc == FZ_OK && n->type == FZ_MAP && key == NULL &&
		    map_has(n, kid->str, kid->len))
			rc = at_event(s, &e, err, "duplicate key in mapping");
		yaml_event_delete(&e);
		if (rc != FZ_OK)
			return rc;
		if (n->type == FZ_SEQ) {
			fz_node_push(a, n, kid);
		} else if (key == NULL) {
			key = kid;
		} else {
			/* Keys and values go in as items, counted as pairs
			 * after the push. */
			size_t pairs = n->n;

			n->n = 2 * pairs;
			fz_node_push(a, n, key);
			fz_node_push(a, n, kid);
			n->n = pairs + 1;
			key = NULL;
		}
	}
	return FZ_OK;
}

static int
build(fz_stream *s, fz_arena *a, yaml_event_t *e, int depth, fz_node **out,
    fz_error *err)
{
	fz_node *n;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return build_scalar(s, a, e, out, err);
	case YAML_ALIAS_EVENT:
		return at_event(s, e, err, "aliases (*name) are not accepted");
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		/* The document is the first collection, depth 1. */
		if (depth > FZ_MAX_DEPTH)
			return at_event(s, e, err, "nesting deeper than the "
			    "limit of 64 levels");
		n = e->type == YAML_MAPPING_START_EVENT ? fz_node_map(a)
		    : fz_node_seq(a);
		if (n == NULL)
			abort();
		place(s, n, e);
		*out = n;
		return build_kids(s, a, n, depth, err);
	default:
		return at_event(s, e, err, "unexpected YAML event");
	}
}

static void
emit(fz_stream *s, fz_event *ev, enum fz_event_type type, fz_node *node)
{
	ev->type = type;
	ev->kind = s->kind;
	ev->node = node;
	ev->file = s->name;
	ev->doc_line = s->doc_line;
	ev->doc_col = s->doc_col;
	ev->index = type == FZ_EV_RECORD ? s->rec_index++ : 0;
	if (type == FZ_EV_RECORD && s->kindk != FZ_KIND_NONE)
		s->counts[s->kindk]++;
}

static int
check_record(fz_stream *s, fz_node *rec, fz_error *err)
{
	if (rec->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, s->name, rec->line,
		    rec->col, "a record must be a mapping of keys to values");
	if (s->kept != NULL)
		fz_node_push(s->doc_arena, s->kept, rec);
	return FZ_OK;
}

/* The key 'kind' of the document being read. */
static int
take_kind(fz_stream *s, fz_node *v, fz_error *err)
{
	if (v->type != FZ_SCALAR || fz_node_is_null(v))
		return fz_error_set(err, FZ_DATAERR, s->name, v->line, v->col,
		    "kind must be the name of a kind");
	s->kindk = fz_kind_parse(v->str);
	if (s->kindk == FZ_KIND_NONE && !(s->flags & FZ_STREAM_ANY_KIND))
		return fz_error_set(err, FZ_DATAERR, s->name, v->line, v->col,
		    "unknown kind '%s'", v->str);
	s->kind = s->kindk != FZ_KIND_NONE ? fz_kind_name(s->kindk) : v->str;
	return FZ_OK;
}

/* One key of the document's top mapping.  Returns FZ_OK, or a status. */
static int
doc_key(fz_stream *s, yaml_event_t *ke, fz_error *err)
{
	fz_node *key, *val;
	yaml_event_t e;
	int rc;

	if (ke->type != YAML_SCALAR_EVENT)
		return at_event(s, ke, err, "a mapping key must be a scalar");
	if ((rc = build(s, s->doc_arena, ke, 2, &key, err)) != FZ_OK)
		return rc;
	if (map_has(s->doc, key->str, key->len) ||
	    ((s->streamed || s->buffered != NULL) &&
	    strcmp(key->str, "records") == 0))
		return at_event(s, ke, err, "duplicate key in mapping");
	if ((rc = next_event(s, &e, err)) != FZ_OK)
		return rc;
	if (strcmp(key->str, "records") == 0 && s->kind != NULL &&
	    fz_kind_has_records(s->kindk) && e.type == YAML_SEQUENCE_START_EVENT) {
		/* The common case: stream the records one by one. */
		yaml_event_delete(&e);
		s->state = S_RECORDS;
		s->streamed = 1;
		if (s->flags & FZ_STREAM_KEEP) {
			s->kept = fz_node_seq(s->doc_arena);
			fz_node_put(s->doc_arena, s->doc, "records", s->kept);
		}
		return FZ_OK;
	}
	rc = build(s, s->doc_arena, &e, 2, &val, err);
	yaml_event_delete(&e);
	if (rc != FZ_OK)
		return rc;
	if (strcmp(key->str, "kind") == 0 &&
	    (rc = take_kind(s, val, err)) != FZ_OK)
		return rc;
	if (strcmp(key->str, "records") == 0)
		s->buffered = val;	/* before kind: emitted at the end */
	else
		fz_node_put(s->doc_arena, s->doc, key->str, val);
	return FZ_OK;
}

static int
doc_begin(fz_stream *s, const yaml_event_t *e, fz_error *err)
{
	if (++s->ndocs > FZ_MAX_DOCUMENTS)
		return at_event(s, e, err, "more documents than the limit of "
		    "100000");
	if (!(s->flags & FZ_STREAM_KEEP)) {
		fz_arena_reset(s->doc_arena);
		fz_arena_reset(s->rec_arena);
	}
	s->doc = fz_node_map(s->doc_arena);
	place(s, s->doc, e);
	s->doc_line = s->doc->line;
	s->doc_col = s->doc->col;
	s->kind = NULL;
	s->kindk = FZ_KIND_NONE;
	s->buffered = s->kept = NULL;
	s->bufpos = s->rec_index = 0;
	s->streamed = 0;
	s->state = S_IN_DOC;
	return FZ_OK;
}

/* The document's mapping ended. */
static int
doc_end(fz_stream *s, fz_error *err)
{
	if (s->kind == NULL && !(s->flags & FZ_STREAM_ANY_KIND))
		return fz_error_set(err, FZ_DATAERR, s->name, s->doc_line,
		    s->doc_col, "document has no kind");
	if (s->buffered != NULL && !fz_kind_has_records(s->kindk)) {
		fz_node_put(s->doc_arena, s->doc, "records", s->buffered);
		s->buffered = NULL;
	}
	if (s->buffered != NULL) {
		if (s->buffered->type != FZ_SEQ && !fz_node_is_null(s->buffered))
			return fz_error_set(err, FZ_DATAERR, s->name,
			    s->buffered->line, s->buffered->col,
			    "records must be a list");
		if (s->flags & FZ_STREAM_KEEP)
			fz_node_put(s->doc_arena, s->doc, "records",
			    s->buffered);
	}
	s->state = S_FLUSH;
	return FZ_OK;
}

/* Between documents: 1 when a document began, 0 at the end of all
 * inputs, or a status. */
static int
find_doc(fz_stream *s, fz_error *err)
{
	yaml_event_t e;
	int rc;

	for (;;) {
		if (s->fp == NULL) {
			if ((rc = open_next(s, err)) != 1)
				return rc;
		}
		if ((rc = next_event(s, &e, err)) != FZ_OK)
			return rc;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			close_input(s);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = doc_begin(s, &e, err);
			yaml_event_delete(&e);
			return rc == FZ_OK ? 1 : rc;
		case YAML_SCALAR_EVENT:
			/* An empty document (a lone ---) is nothing. */
			if (e.data.scalar.length == 0 &&
			    e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
				break;
			/* fall through */
		case YAML_SEQUENCE_START_EVENT:
		case YAML_ALIAS_EVENT:
			rc = at_event(s, &e, err, "a document must be a mapping "
			    "with a kind: key");
			yaml_event_delete(&e);
			return rc;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
}

static int
next_record(fz_stream *s, fz_event *ev, fz_error *err)
{
	yaml_event_t e;
	fz_node *rec;
	int rc;

	if ((rc = next_event(s, &e, err)) != FZ_OK)
		return rc;
	if (e.type == YAML_SEQUENCE_END_EVENT) {
		yaml_event_delete(&e);
		s->state = S_IN_DOC;
		return 0;
	}
	if (!(s->flags & FZ_STREAM_KEEP))
		fz_arena_reset(s->rec_arena);
	rc = build(s, s->rec_arena, &e, 3, &rec, err);
	yaml_event_delete(&e);
	if (rc == FZ_OK)
		rc = check_record(s, rec, err);
	if (rc != FZ_OK)
		return rc;
	emit(s, ev, FZ_EV_RECORD, rec);
	return 1;
}

int
fz_stream_next(fz_stream *s, fz_event *ev, fz_error *err)
{
	yaml_event_t e;
	int rc;

	for (;;) {
		switch (s->state) {
		case S_DONE:
			return 0;
		case S_BETWEEN:
			if ((rc = find_doc(s, err)) != 1) {
				if (rc == 0)
					s->state = S_DONE;
				return rc;
			}
			break;
		case S_RECORDS:
			if ((rc = next_record(s, ev, err)) != 0)
				return rc;
			break;
		case S_IN_DOC:
			if ((rc = next_event(s, &e, err)) != FZ_OK)
				return rc;
			if (e.type == YAML_MAPPING_END_EVENT)
				rc = doc_end(s, err);
			else
				rc = doc_key(s, &e, err);
			yaml_event_delete(&e);
			if (rc != FZ_OK)
				return rc;
			break;
		case S_FLUSH:
			if (s->buffered != NULL && s->buffered->type == FZ_SEQ &&
			    s->bufpos < s->buffered->n) {
				fz_node *rec = s->buffered->kids[s->bufpos++];

				if ((rc = check_record(s, rec, err)) != FZ_OK)
					return rc;
				emit(s, ev, FZ_EV_RECORD, rec);
				return 1;
			}
			s->state = S_BETWEEN;
			emit(s, ev, FZ_EV_DOC, s->doc);
			return 1;
		}
	}
}
