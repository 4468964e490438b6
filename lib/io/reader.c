/* reader.c - the one loop through which every program reads its input:
 * files or standard input, documents by kind, records one at a time,
 * every value with its file, line and column.  Memory is per record:
 * the record arena is reset before each record.  The YAML is parsed by
 * the feed (reader_feed.c), on a thread of its own; this side turns its
 * events into documents and records. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io_int.h"

#define PROGRESS_STEP (8u << 20)
#define MERGE_REFUSED N_("merge keys (<<) are not accepted")

enum state { S_BETWEEN, S_IN_DOC, S_RECORDS, S_FLUSH, S_DONE };

struct fz_stream {
	char *const *paths;
	int npaths;
	unsigned flags;
	fz_io__feed *feed;		/* opened by the first fz_stream_next */
	const char *name;	/* the input being read */
	size_t cur;		/* and its index */

	fz_arena *doc_arena, *rec_arena;
	enum state state;
	enum fz_kind kind;
	const char *kind_name;	/* as the event gives it */
	fz_node *doc, *buffered, *kept;	/* kept: records under KEEP */
	fz_map *doc_keys;	/* the document's keys, for key_seen */
	fz_map *shared_keys;	/* FZ_STREAM_SHARE_KEYS: key text -> node */
	/* The children of the collections being built, innermost last:
	 * each gets its kids array once, at its end, of the size
	 * fz_node_push would have grown it to, with no smaller ones left
	 * behind in the arena. */
	fz_node **pend;
	size_t npend, cappend;
	size_t bufpos, rec_index, ndocs;
	int streamed;		/* records: of this document were streamed */
	unsigned doc_line, doc_col;
	size_t counts[FZ_KIND_COUNT];

	/* Records read in parts (fz_stream_set_parts): the part being
	 * read on its own; between: the stream is between two records of
	 * a list it streams.  sub: the stream is a part's (reader_parts.c),
	 * ended at the end of its list (closed). */
	const fz_stream_parts *parts;
	fz_io__run *run;
	struct part_read *part;
	int between, sub, closed;

	fz_tap_fn tap;
	void *tap_ctx;
	fz_progress_fn progress;
	void *progress_ctx;
	uint64_t total, next_progress;
};

/* The records of a part of a large file, read by a stream of the part
 * on its own thread (reader_parts.c) into a partial result of p; with
 * its status at the end (its first error in err). */
struct part_read {
	fz_stream *sub;
	const fz_stream_parts *p;
	void *part;
	int status;
	fz_error err;
};

static void part_free(fz_stream *s);

fz_stream *
fz_stream_open(char *const *paths, int npaths, unsigned flags)
{
	fz_stream *s = fz_xcalloc(1, sizeof *s);
	struct stat st;

	s->paths = paths;
	s->npaths = npaths;
	s->flags = flags;
	s->doc_arena = fz_arena_new();
	s->rec_arena = (flags & FZ_STREAM_KEEP) ? s->doc_arena : fz_arena_new();
	if (s->doc_arena == NULL || s->rec_arena == NULL)
		fz_nomem();
	for (int i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			s->total += (uint64_t)st.st_size;
	s->next_progress = PROGRESS_STEP;
	return s;
}

void fz_stream_set_tap(fz_stream *s, fz_tap_fn fn, void *ctx) { s->tap = fn; s->tap_ctx = ctx; }
void fz_stream_set_parts(fz_stream *s, const fz_stream_parts *p) { s->parts = p; }
void fz_stream_set_progress(fz_stream *s, fz_progress_fn fn, void *ctx) { s->progress = fn; s->progress_ctx = ctx; }
fz_arena *fz_stream_arena(fz_stream *s) { return s->rec_arena; }

size_t
fz_stream_count(const fz_stream *s, enum fz_kind k)
{
	return k > FZ_KIND_NONE && k < FZ_KIND_COUNT ? s->counts[k] : 0;
}

size_t
fz_stream_splits(const fz_stream *s)
{
	return s->feed != NULL ? fz_io__feed_splits(s->feed) : 0;
}

void
fz_stream_close(fz_stream *s)
{
	if (s == NULL)
		return;
	part_free(s);	/* before the feed whose part it reads */
	if (!s->sub)
		fz_io__feed_close(s->feed);
	fz_map_free(s->doc_keys);
	fz_map_free(s->shared_keys);
	free(s->pend);
	if (s->rec_arena != s->doc_arena)
		fz_arena_free(s->rec_arena);
	fz_arena_free(s->doc_arena);
	free(s);
}

fz_arena *
fz_stream_take_arena(fz_stream *s)
{
	fz_arena *a = s->doc_arena;

	if (!(s->flags & FZ_STREAM_KEEP))
		return NULL;
	/* One arena holds documents and records alike. */
	s->doc_arena = s->rec_arena = fz_arena_new();
	/* The keys shared so far are the taker's. */
	fz_map_free(s->shared_keys);
	s->shared_keys = NULL;
	return a;
}

static int at_event(fz_stream *s, const fz_pev *e, fz_error *err,
    const char *msg);

/* Parts read at once only for a stream that reads what it keeps of
 * none (a tap sees the bytes in order). */
static unsigned
feed_flags(const fz_stream *s)
{
	if (s->parts != NULL && s->tap == NULL &&
	    !(s->flags & (FZ_STREAM_KEEP | FZ_STREAM_SPLIT)))
		return FZ_FEED_PARTS;
	return (s->tap != NULL ? FZ_FEED_TAP : 0) |
	    (s->flags & FZ_STREAM_SPLIT ? FZ_FEED_SPLIT : 0);
}

/* The part's records into its result, up to the end of their list
 * (the stream closed) or the first error. */
static void
read_part(void *arg)
{
	struct part_read *pr = arg;
	fz_event ev;

	do {
		pr->status = fz_stream_next(pr->sub, &ev, &pr->err);
		if (pr->status == FZ_OK && ev.type == FZ_EV_RECORD)
			pr->status = pr->p->take(pr->part, &ev, &pr->err);
	} while (pr->status == FZ_OK && ev.type != FZ_EV_END);
}

/* A stream of part g from s's place: between two records of its list. */
static fz_stream *
sub_stream(const fz_stream *s, fz_io__feed *g)
{
	fz_stream *sub = fz_stream_open(NULL, 0, s->flags);

	sub->feed = g;
	sub->sub = 1;
	sub->name = s->name;
	sub->cur = s->cur;
	sub->kind = s->kind;
	sub->kind_name = s->kind_name;
	sub->doc_line = s->doc_line;
	sub->doc_col = s->doc_col;
	sub->state = S_RECORDS;
	sub->streamed = 1;
	return sub;
}

/* Part g read at once, when the reader takes these records in parts. */
static void
part_start(fz_stream *s, fz_io__feed *g)
{
	void *part = s->parts->open(s->parts->ctx, s->kind);
	struct part_read *pr;

	if (part == NULL)
		return;
	pr = fz_xcalloc(1, sizeof *pr);
	pr->sub = sub_stream(s, g);
	pr->p = s->parts;
	pr->part = part;
	s->part = pr;
	if ((s->run = fz_io__run_start(g, read_part, pr)) == NULL)
		part_free(s);	/* its events follow the others' */
}

/* The part read at once stopped and dropped, if any. */
static void
part_free(fz_stream *s)
{
	fz_io__run_free(s->run);
	s->run = NULL;
	if (s->part != NULL) {
		if (s->part->part != NULL)
			s->part->p->drop(s->part->part);
		fz_stream_close(s->part->sub);
		free(s->part);
	}
	s->part = NULL;
}

/* The part takes over: what it took merged and counted (FZ_OK), or
 * its first error, what it took before it merged first. */
static int
part_merge(fz_stream *s, fz_error *err)
{
	struct part_read *pr = s->part;
	fz_stream *sub = pr->sub;
	void *part = pr->part;
	int rc;

	fz_io__run_join(s->run);
	pr->part = NULL;
	if (pr->status == FZ_OK && !sub->closed) {
		/* The parser before it confirmed a cut the part could not
		 * count its lines to: no such file is known. */
		pr->p->drop(part);
		return fz_error_set(err, FZ_IOERR, s->name, 0, 0, "read error: "
		    "a part of the file could not be read");
	}
	for (size_t k = 0; k < FZ_KIND_COUNT; k++)
		s->counts[k] += sub->counts[k];
	s->rec_index += sub->rec_index;
	if ((rc = pr->p->merge(pr->p->ctx, part, err)) != FZ_OK)
		return rc;
	if (pr->status != FZ_OK)
		*err = pr->err;
	return pr->status;
}

/* A part began: between records, read at once (when the reader takes
 * these records in parts).  A part takes over: read at once, its
 * records are merged and the list ends here (*e its end); else its
 * events follow.  -1: go on. */
static int
part_event(fz_stream *s, fz_pev *e, fz_error *err)
{
	int rc;

	if (e->type == FZ_PEV_PART) {
		if (s->parts != NULL && s->run == NULL && s->between &&
		    s->state == S_RECORDS)
			part_start(s, fz_io__feed_part(s->feed, e->len));
		return -1;
	}
	if (s->run == NULL)
		return -1;
	rc = part_merge(s, err);
	part_free(s);
	if (rc != FZ_OK)
		return rc;
	e->type = FZ_PEV_SEQ_END;
	return FZ_OK;
}

/* The next event of the YAML: the inputs' beginnings and the bytes read
 * are taken here, on the way; a tagged node is refused. */
static int
next_event(fz_stream *s, fz_pev *e, fz_error *err)
{
	int rc;

	if (s->feed == NULL)
		s->feed = fz_io__feed_open(s->paths, s->npaths, feed_flags(s));
	for (;;) {
		if ((rc = fz_io__feed_next(s->feed, e, err)) != FZ_OK)
			return rc;
		if (e->type == FZ_PEV_PART || e->type == FZ_PEV_CUT) {
			if ((rc = part_event(s, e, err)) != -1)
				return rc;
			continue;
		}
		if (s->progress != NULL &&
		    fz_io__feed_done(s->feed) >= s->next_progress) {
			uint64_t done = fz_io__feed_done(s->feed);

			s->progress(s->progress_ctx, done, s->total);
			s->next_progress = done + PROGRESS_STEP;
		}
		if (e->type == FZ_PEV_FILE) {
			s->cur = e->len;
			s->name = fz_io__feed_name(s->feed, s->cur);
		} else if (e->type == FZ_PEV_BYTES) {
			s->tap(s->tap_ctx, s->cur, e->str, e->len);
		} else if (e->tagged) {
			/* A tag would make the value something else than
			 * what the schema decodes. */
			return at_event(s, e, err, "tags (!!int, !!binary, "
			    "!name ...) are not accepted: a value is untagged "
			    "or !!str");
		} else {
			return FZ_OK;
		}
	}
}

static int
at_event(fz_stream *s, const fz_pev *e, fz_error *err, const char *msg)
{
	return fz_error_set(err, FZ_DATAERR, s->name, e->line,
	    e->col, "%s", fz_gettext(msg));
}

/* The error msg at line:col about a scalar (str, or NULL for another
 * node) where a mapping was wanted; but when the scalar is plain and
 * holds a full-width colon, what was meant as a key and its value, the
 * hint at the colon. */
static int
not_a_map(fz_stream *s, const char *str, size_t len, int quoted,
    unsigned line, unsigned col, const char *msg, fz_error *err)
{
	char hint[256];

	if (str != NULL && !quoted &&
	    fz_colon_hint(str, len, &col, hint, sizeof hint))
		msg = hint;
	return fz_error_set(err, FZ_DATAERR, s->name, line, col, "%s", msg);
}

static void
place(fz_stream *s, fz_node *n, const fz_pev *e)
{
	n->file = s->name;
	n->line = e->line;
	n->col = e->col;
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

/* A merge key (<< unquoted) would take keys from elsewhere: refused,
 * as aliases are. */
static int
is_merge_key(const fz_pev *e)
{
	return e->type == FZ_PEV_SCALAR && !e->quoted && e->len == 2 &&
	    memcmp(e->str, "<<", 2) == 0;
}

/* Whether key is already a key of the mapping m: a scan of m's keys
 * while it has few, and from KEY_SCAN of them on a hash set of them in
 * *seen (made here, the caller's to free), so that a mapping of many
 * keys costs no more than reading them.  A key not seen is noted. */
#define KEY_SCAN 32

static int
key_seen(fz_map **seen, const fz_node *m, const char *key, size_t len)
{
	int added;

	if (*seen == NULL) {
		if (m->n < KEY_SCAN)
			return map_has(m, key, len);
		*seen = fz_map_new();
		for (size_t i = 0; i < m->n; i++)
			fz_map_insert(*seen, m->kids[2 * i]->str,
			    m->kids[2 * i]->len, NULL, NULL);
	}
	fz_map_insert(*seen, key, len, &added, NULL);
	return !added;
}

static int build(fz_stream *s, fz_arena *a, fz_pev *e, int depth,
    fz_node **out, fz_error *err);

static fz_node *
new_scalar(fz_stream *s, fz_arena *a, const fz_pev *e)
{
	fz_node *n = fz_node_scalar(a, e->str, e->len);

	if (n == NULL)
		fz_nomem();
	/* Quoted, block and !!str scalars are strings, never resolved. */
	n->quoted = e->quoted;
	place(s, n, e);
	return n;
}

/* The one node of a mapping key's text (and quoting), made where it is
 * first met. */
static int
shared_key(fz_stream *s, fz_arena *a, const fz_pev *e, fz_node **out)
{
	char quoted = e->quoted ? 'q' : 'p';
	fz_buf text = { 0 };
	void **slot;

	if (s->shared_keys == NULL)
		s->shared_keys = fz_map_new();
	fz_buf_add(&text, &quoted, 1);
	fz_buf_add(&text, e->str, e->len);
	slot = fz_map_insert(s->shared_keys, text.data, text.len, NULL, NULL);
	fz_buf_free(&text);
	if (*slot == NULL)
		*slot = new_scalar(s, a, e);
	*out = *slot;
	return FZ_OK;
}

/* A scalar; key: a mapping's key. */
static int
build_scalar(fz_stream *s, fz_arena *a, fz_pev *e, int key, fz_node **out,
    fz_error *err)
{
	size_t len = e->len;

	if (len > FZ_MAX_SCALAR)
		return fz_error_set(err, FZ_DATAERR, s->name, e->line, e->col,
		    "scalar of %zu bytes is longer than the limit of %u",
		    len, FZ_MAX_SCALAR);
	/* libyaml refuses a NUL byte in its input: only an escape of a
	 * double-quoted scalar makes one. */
	if (e->escaped && memchr(e->str, '\0', len) != NULL)
		return at_event(s, e, err, "a scalar must not hold a NUL "
		    "character (\\0)");
	if (key && (s->flags & FZ_STREAM_SHARE_KEYS) &&
	    (s->flags & FZ_STREAM_KEEP))
		return shared_key(s, a, e, out);
	*out = new_scalar(s, a, e);
	return FZ_OK;
}

static void
pend(fz_stream *s, fz_node *kid)
{
	if (s->npend == s->cappend) {
		s->cappend = s->cappend ? 2 * s->cappend : 256;
		s->pend = fz_xrealloc(s->pend, s->cappend * sizeof *s->pend);
	}
	s->pend[s->npend++] = kid;
}

/* The children pended from base on, into n's own kids array of just
 * their number (a document's nodes are mostly read, seldom added to). */
static void
settle(fz_stream *s, fz_arena *a, fz_node *n, size_t base)
{
	size_t used = s->npend - base;

	n->kids = NULL;
	n->n = n->type == FZ_MAP ? used / 2 : used;
	n->exact = 1;
	if (used > 0) {
		n->kids = fz_arena_alloc(a, used * sizeof *n->kids);
		memcpy(n->kids, s->pend + base, used * sizeof *n->kids);
	}
	s->npend = base;
}

/* The children of a collection that began with e, up to its end event;
 * *seen: the keys of a mapping, for key_seen. */
static int
build_kids_seen(fz_stream *s, fz_arena *a, fz_node *n, int depth,
    fz_map **seen, fz_error *err)
{
	unsigned end = n->type == FZ_MAP ? FZ_PEV_MAP_END
	    : FZ_PEV_SEQ_END;
	fz_node *kid, *key = NULL;
	size_t base = s->npend;
	fz_pev e;
	int rc;

	for (;;) {
		if ((rc = next_event(s, &e, err)) != FZ_OK)
			break;
		if (e.type == end)
			break;
		if (n->type == FZ_MAP && key == NULL &&
		    e.type != FZ_PEV_SCALAR) {
			rc = at_event(s, &e, err, "a mapping key must be a "
			    "scalar");
			break;
		}
		if (n->type == FZ_MAP && key == NULL && is_merge_key(&e)) {
			rc = at_event(s, &e, err, MERGE_REFUSED);
			break;
		}
		rc = n->type == FZ_MAP && key == NULL && e.type ==
		    FZ_PEV_SCALAR ? build_scalar(s, a, &e, 1, &kid, err) :
		    build(s, a, &e, depth + 1, &kid, err);
		if (rc == FZ_OK && n->type == FZ_MAP && key == NULL) {
			/* The pairs so far, as key_seen looks at them
			 * (none yet: pend may not be allocated). */
			n->kids = s->npend > base ? s->pend + base : NULL;
			n->n = (s->npend - base) / 2;
			if (key_seen(seen, n, kid->str, kid->len))
				rc = at_event(s, &e, err, "duplicate key in "
				    "mapping");
		}
		if (rc != FZ_OK)
			break;
		if (n->type == FZ_SEQ) {
			pend(s, kid);
		} else if (key == NULL) {
			key = kid;
		} else {
			pend(s, key);
			pend(s, kid);
			key = NULL;
		}
	}
	settle(s, a, n, base);
	return rc;
}

static int
build_kids(fz_stream *s, fz_arena *a, fz_node *n, int depth, fz_error *err)
{
	fz_map *seen = NULL;
	int rc = build_kids_seen(s, a, n, depth, &seen, err);

	fz_map_free(seen);
	return rc;
}

static int
build(fz_stream *s, fz_arena *a, fz_pev *e, int depth, fz_node **out,
    fz_error *err)
{
	fz_node *n;

	switch (e->type) {
	case FZ_PEV_SCALAR:
		return build_scalar(s, a, e, 0, out, err);
	case FZ_PEV_ALIAS:
		return at_event(s, e, err, "aliases (*name) are not accepted");
	case FZ_PEV_SEQ:
	case FZ_PEV_MAP:
		/* The document is the first collection, depth 1. */
		if (depth > FZ_MAX_DEPTH)
			return at_event(s, e, err, "nesting deeper than the "
			    "limit of 64 levels");
		n = e->type == FZ_PEV_MAP ? fz_node_map(a)
		    : fz_node_seq(a);
		if (n == NULL)
			fz_nomem();
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
	ev->kind_name = s->kind_name;
	ev->node = node;
	ev->arena = type == FZ_EV_RECORD ? s->rec_arena : s->doc_arena;
	ev->file = s->name;
	ev->doc_line = s->doc_line;
	ev->doc_col = s->doc_col;
	ev->index = type == FZ_EV_RECORD ? s->rec_index++ : 0;
	if (type == FZ_EV_RECORD && s->kind != FZ_KIND_NONE)
		s->counts[s->kind]++;
}

static int
check_record(fz_stream *s, fz_node *rec, fz_error *err)
{
	if (rec->type != FZ_MAP)
		return not_a_map(s, rec->type == FZ_SCALAR ? rec->str : NULL,
		    rec->len, rec->quoted, rec->line, rec->col, _("a record must "
		    "be a mapping of keys to values"), err);
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
	s->kind = fz_kind_parse(v->str);
	if (s->kind == FZ_KIND_NONE && !(s->flags & FZ_STREAM_ANY_KIND))
		return fz_error_set(err, FZ_DATAERR, s->name, v->line, v->col,
		    "unknown kind '%s'", v->str);
	s->kind_name = s->kind != FZ_KIND_NONE ? fz_kind_name(s->kind) : v->str;
	return FZ_OK;
}

/* One key of the document's top mapping.  Returns FZ_OK, or a status. */
static int
doc_key(fz_stream *s, fz_pev *ke, fz_error *err)
{
	fz_node *key, *val;
	fz_pev e;
	int rc;

	if (ke->type != FZ_PEV_SCALAR)
		return at_event(s, ke, err, "a mapping key must be a scalar");
	if (is_merge_key(ke))
		return at_event(s, ke, err, MERGE_REFUSED);
	if ((rc = build(s, s->doc_arena, ke, 2, &key, err)) != FZ_OK)
		return rc;
	if (key_seen(&s->doc_keys, s->doc, key->str, key->len) ||
	    ((s->streamed || s->buffered != NULL) &&
	    strcmp(key->str, "records") == 0))
		return at_event(s, ke, err, strcmp(key->str, "kind") == 0 ?
		    _("duplicate key 'kind' in one document: documents are "
		    "separated by --- (a file that does not begin with --- "
		    "read after another, as by cat?)") :
		    _("duplicate key in mapping"));
	if ((rc = next_event(s, &e, err)) != FZ_OK)
		return rc;
	if (strcmp(key->str, "records") == 0 && s->kind_name != NULL &&
	    fz_kind_has_records(s->kind) && e.type == FZ_PEV_SEQ) {
		/* The common case: stream the records one by one. */
		s->state = S_RECORDS;
		s->streamed = 1;
		if (s->flags & FZ_STREAM_KEEP) {
			s->kept = fz_node_seq(s->doc_arena);
			fz_node_put(s->doc_arena, s->doc, "records", s->kept);
		}
		return FZ_OK;
	}
	rc = build(s, s->doc_arena, &e, 2, &val, err);
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

/* One more document, empty ones included. */
static int
count_doc(fz_stream *s, const fz_pev *e, fz_error *err)
{
	if (++s->ndocs > FZ_MAX_DOCUMENTS)
		return at_event(s, e, err, "more documents than the limit of "
		    "100000");
	return FZ_OK;
}

static int
doc_begin(fz_stream *s, const fz_pev *e, fz_error *err)
{
	if (count_doc(s, e, err) != FZ_OK)
		return err->status;
	if (!(s->flags & FZ_STREAM_KEEP)) {
		fz_arena_reset(s->doc_arena);
		fz_arena_reset(s->rec_arena);
	}
	fz_map_free(s->doc_keys);
	s->doc_keys = NULL;
	s->doc = fz_node_map(s->doc_arena);
	place(s, s->doc, e);
	s->doc_line = s->doc->line;
	s->doc_col = s->doc->col;
	s->kind_name = NULL;
	s->kind = FZ_KIND_NONE;
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
	char note[320];

	if (s->kind_name == NULL && !(s->flags & FZ_STREAM_ANY_KIND))
		return fz_error_set(err, FZ_DATAERR, s->name, s->doc_line,
		    s->doc_col, "document has no kind%s", fz_colon_note(
		    fz_colon_key(s->doc), note, sizeof note));
	if (s->buffered != NULL && !fz_kind_has_records(s->kind)) {
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

/* Between documents: a document began (S_IN_DOC), or the last input
 * ended (S_DONE). */
static int
find_doc(fz_stream *s, fz_error *err)
{
	fz_pev e;
	int rc;

	for (;;) {
		if ((rc = next_event(s, &e, err)) != FZ_OK)
			return rc;
		switch (e.type) {
		case FZ_PEV_END:
			s->state = S_DONE;
			return FZ_OK;
		case FZ_PEV_MAP:
			return doc_begin(s, &e, err);
		case FZ_PEV_SCALAR:
			/* An empty document (a lone ---) is nothing, but
			 * counts against the limit. */
			if (e.len == 0 && !e.quoted) {
				if ((rc = count_doc(s, &e, err)) != FZ_OK)
					return rc;
				break;
			}
			/* fall through */
		case FZ_PEV_SEQ:
		case FZ_PEV_ALIAS:
			return not_a_map(s, e.type == FZ_PEV_SCALAR ? e.str :
			    NULL, e.len, e.quoted, e.line, e.col, _("a document "
			    "must be a mapping with a kind: key"), err);
		default:
			break;
		}
	}
}

/* The next streamed record, or at their end back to the document's
 * other keys (S_IN_DOC). */
static int
next_record(fz_stream *s, fz_event *ev, fz_error *err)
{
	fz_pev e;
	fz_node *rec;
	int rc;

	s->between = 1;
	rc = next_event(s, &e, err);
	s->between = 0;
	if (rc != FZ_OK)
		return rc;
	if (e.type == FZ_PEV_SEQ_END) {
		/* A part read on its own began past the list's end: its
		 * records are not these. */
		part_free(s);
		s->closed = s->sub;
		s->state = s->sub ? S_DONE : S_IN_DOC;
		return FZ_OK;
	}
	if (!(s->flags & FZ_STREAM_KEEP))
		fz_arena_reset(s->rec_arena);
	rc = build(s, s->rec_arena, &e, 3, &rec, err);
	if (rc == FZ_OK)
		rc = check_record(s, rec, err);
	if (rc == FZ_OK)
		emit(s, ev, FZ_EV_RECORD, rec);
	return rc;
}

/* After the document's mapping: the records it held before its kind,
 * then the document (S_BETWEEN). */
static int
flush(fz_stream *s, fz_event *ev, fz_error *err)
{
	fz_node *rec;
	int rc;

	if (s->buffered != NULL && s->buffered->type == FZ_SEQ &&
	    s->bufpos < s->buffered->n) {
		rec = s->buffered->kids[s->bufpos++];
		if ((rc = check_record(s, rec, err)) == FZ_OK)
			emit(s, ev, FZ_EV_RECORD, rec);
		return rc;
	}
	s->state = S_BETWEEN;
	emit(s, ev, FZ_EV_DOC, s->doc);
	return FZ_OK;
}

/* One step of the state: FZ_OK, with an event in ev or not yet. */
static int
step(fz_stream *s, fz_event *ev, fz_error *err)
{
	fz_pev e;
	int rc;

	switch (s->state) {
	case S_BETWEEN:
		return find_doc(s, err);
	case S_IN_DOC:
		if ((rc = next_event(s, &e, err)) != FZ_OK)
			return rc;
		return e.type == FZ_PEV_MAP_END ? doc_end(s, err) :
		    doc_key(s, &e, err);
	case S_RECORDS:
		return next_record(s, ev, err);
	case S_FLUSH:
		return flush(s, ev, err);
	default:
		memset(ev, 0, sizeof *ev);
		ev->type = FZ_EV_END;
		ev->kind = FZ_KIND_NONE;
		return FZ_OK;
	}
}

int
fz_stream_next(fz_stream *s, fz_event *ev, fz_error *err)
{
	int rc = FZ_OK;

	ev->type = 0;		/* no event yet */
	while (rc == FZ_OK && ev->type == 0)
		rc = step(s, ev, err);
	return rc;
}

