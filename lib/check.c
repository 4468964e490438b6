/* check.c - the records and problems of fazhi-check: records are kept
 * as they are read (ids registered, duplicates found at once), problems
 * gathered from the decoding and from the checks of rules.c, and all of
 * them given back at the end in file order, whatever found them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_int.h"

static fz_date
today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return fz_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

fz_check *
fz_check_new(const fz_check_opts *o)
{
	fz_check *c = fz_xcalloc(1, sizeof *c);

	c->o = *o;
	if (c->o.as_of == FZ_NODATE)
		c->o.as_of = today();
	if (c->o.calendar == NULL)
		c->o.calendar = c->own_calendar = fz_calendar_new();
	c->arena = fz_arena_new();
	c->files = fz_map_new();
	c->banned = fz_map_new();
	for (int k = 0; k < FZ_KIND_COUNT; k++)
		c->ids[k] = fz_map_new();
	return c;
}

void
fz_check_free(fz_check *c)
{
	if (c == NULL)
		return;
	for (int k = 0; k < FZ_KIND_COUNT; k++) {
		fz_map_free(c->ids[k]);
		free(c->recs[k]);
	}
	fz_map_free(c->files);
	fz_map_free(c->banned);
	fz_calendar_free(c->own_calendar);
	fz_arena_free(c->arena);
	free(c->problems);
	free(c);
}

/* ------------------------------------------------------------ problems */

static void
problem_add(fz_check *c, int severity, const char *file, unsigned line,
    unsigned col, char *msg)
{
	chk_problem *p;
	void **slot;
	int added;

	if (c->nproblems == c->capproblems) {
		c->capproblems = c->capproblems ? 2 * c->capproblems : 64;
		c->problems = fz_xrealloc(c->problems,
		    c->capproblems * sizeof *c->problems);
	}
	p = &c->problems[c->nproblems];
	*p = (chk_problem){ severity, SIZE_MAX, c->nproblems, NULL, line,
		col, msg };
	if (file != NULL) {
		slot = fz_map_insert(c->files, file, strlen(file), &added,
		    &p->file);
		if (added)
			*slot = (void *)(uintptr_t)fz_map_count(c->files);
		p->order = (size_t)(uintptr_t)*slot;
	}
	c->nproblems++;
}

void
chk_report(fz_check *c, int severity, const fz_node *at, const char *fmt,
    ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	problem_add(c, severity, at->file, at->line, at->col,
	    fz_arena_strdup(c->arena, msg));
}

void
fz_check_report(fz_check *c, int severity, const char *file, unsigned line,
    unsigned col, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	problem_add(c, severity, file, line, col,
	    fz_arena_strdup(c->arena, msg));
}

/* Files in the order first met: records are read in order, so a file
 * is met with its first record or problem. */
static void
file_seen(fz_check *c, const char *file)
{
	int added;
	void **slot;

	if (file == NULL)
		return;
	slot = fz_map_insert(c->files, file, strlen(file), &added, NULL);
	if (added)
		*slot = (void *)(uintptr_t)fz_map_count(c->files);
}

static int
problem_cmp(const void *a, const void *b)
{
	const chk_problem *p = a, *q = b;

	if (p->order != q->order)
		return p->order < q->order ? -1 : 1;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

void
fz_check_finish(fz_check *c, fz_problem_fn fn, void *ctx, size_t counts[3])
{
	chk_run(c);
	qsort(c->problems, c->nproblems, sizeof *c->problems, problem_cmp);
	if (counts != NULL)
		counts[0] = counts[1] = counts[2] = 0;
	for (size_t i = 0; i < c->nproblems; i++) {
		const chk_problem *p = &c->problems[i];

		if (counts != NULL)
			counts[p->severity]++;
		if (fn != NULL)
			fn(ctx, p->severity, p->file, p->line, p->col, p->msg);
	}
}

/* ------------------------------------------------------------ records */

const char *
chk_id_key(enum fz_kind k)
{
	switch (k) {
	case FZ_KIND_ENTITIES:
	case FZ_KIND_INSPECTORS:
	case FZ_KIND_CASES:
	case FZ_KIND_APPLICATIONS:
		return "id";
	case FZ_KIND_MATTERS:
		return "code";
	default:
		return NULL;
	}
}

const fz_node *
chk_at(const chk_rec *r, const char *key)
{
	const fz_node *v = fz_node_get(r->at, key);

	return v != NULL ? v : r->at;
}

const chk_rec *
chk_find(const fz_check *c, enum fz_kind k, const char *id)
{
	void **slot = fz_map_find(c->ids[k], id, strlen(id));

	return slot != NULL ? &c->recs[k][(uintptr_t)*slot - 1] : NULL;
}

static size_t
struct_size(enum fz_kind k)
{
	switch (k) {
	case FZ_KIND_ENTITIES:		return sizeof(fz_entity);
	case FZ_KIND_INSPECTORS:	return sizeof(fz_inspector);
	case FZ_KIND_INSPECTIONS:	return sizeof(fz_inspection);
	case FZ_KIND_CASES:		return sizeof(fz_case);
	case FZ_KIND_MATTERS:		return sizeof(fz_matter);
	case FZ_KIND_APPLICATIONS:	return sizeof(fz_application);
	default:			return 0;
	}
}

/* The id of a record: from its struct, or from its node when it could
 * not be decoded, so that a bad record still takes part in duplicates
 * and references without a second error. */
static const char *
record_id(enum fz_kind k, const chk_rec *r)
{
	const char *key = chk_id_key(k);
	const fz_node *v;

	if (key == NULL)
		return NULL;
	if (r->data != NULL)
		return *(const char **)((char *)r->data +
		    fz_field_find(k, key)->offset);
	v = fz_node_get(r->at, key);
	return v != NULL && v->type == FZ_SCALAR && v->len > 0 ? v->str : NULL;
}

static void
keep(fz_check *c, enum fz_kind k, const fz_node *at, void *data)
{
	const chk_rec *first;
	const char *id;
	void **slot;
	int added;

	c->seen[k] = 1;
	file_seen(c, at->file);
	if (c->nrecs[k] == c->caprecs[k]) {
		c->caprecs[k] = c->caprecs[k] ? 2 * c->caprecs[k] : 64;
		c->recs[k] = fz_xrealloc(c->recs[k],
		    c->caprecs[k] * sizeof *c->recs[k]);
	}
	c->recs[k][c->nrecs[k]++] = (chk_rec){ at, data };
	id = record_id(k, &c->recs[k][c->nrecs[k] - 1]);
	if (id == NULL)
		return;
	slot = fz_map_insert(c->ids[k], id, strlen(id), &added, NULL);
	if (added) {
		*slot = (void *)(uintptr_t)c->nrecs[k];
		return;
	}
	first = &c->recs[k][(uintptr_t)*slot - 1];
	chk_report(c, FZ_ERROR, chk_at(&c->recs[k][c->nrecs[k] - 1],
	    chk_id_key(k)), "duplicate %s '%s' in %s (first at %s:%u:%u)",
	    chk_id_key(k), id, fz_kind_name(k),
	    first->at->file ? first->at->file : "", first->at->line,
	    first->at->col);
}

static void
diag_report(void *ctx, int severity, const fz_node *at, const char *msg)
{
	chk_report(ctx, severity, at, "%s", msg);
}

int
fz_check_record(fz_check *c, enum fz_kind k, fz_node *rec)
{
	fz_diag diag = { diag_report, c, c->o.strict };
	size_t size = struct_size(k);
	void *data = size > 0 ? fz_arena_alloc(c->arena, size) : NULL;
	fz_error err;
	int rc;

	file_seen(c, rec->file);
	rc = fz_record_decode(k, rec, data, &diag, &err);
	if (size > 0)
		keep(c, k, rec, rc == FZ_OK ? data : NULL);
	return rc;
}

void
fz_check_add(fz_check *c, enum fz_kind k, const void *rec,
    const fz_node *at)
{
	size_t size = struct_size(k);
	void *data;

	if (size == 0)
		return;
	data = fz_arena_alloc(c->arena, size);
	memcpy(data, rec, size);
	keep(c, k, at, data);
}

/* ------------------------------------------------------------ documents */

static void
check_doc_keys(fz_check *c, const char *kind, const fz_node *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		const fz_node *key = doc->kids[2 * i];

		if (strcmp(key->str, "kind") != 0 &&
		    strcmp(key->str, "version") != 0 &&
		    strcmp(key->str, "records") != 0)
			chk_report(c, FZ_WARNING, key, "unknown key '%s' in a "
			    "%s document", key->str, kind);
	}
}

static void
check_calendar(fz_check *c, const fz_node *doc)
{
	fz_calendar *cal = fz_calendar_new();
	fz_error err;

	if (fz_calendar_add_doc(cal, doc, &err) != FZ_OK)
		fz_check_report(c, FZ_ERROR, err.file[0] ? err.file : doc->file,
		    err.line, err.col, "%s", err.msg);
	fz_calendar_free(cal);
}

void
fz_check_doc(fz_check *c, const char *kind, const fz_node *doc)
{
	const fz_node *v = fz_node_get(doc, "version");
	enum fz_kind k;

	file_seen(c, doc->file);
	if (kind == NULL) {
		chk_report(c, FZ_ERROR, doc, "document has no kind");
		return;
	}
	k = fz_kind_parse(kind);
	if (k == FZ_KIND_NONE && strcmp(kind, "problems") == 0)
		return;		/* what fazhi-check -f yaml writes */
	if (k == FZ_KIND_NONE) {
		v = fz_node_get(doc, "kind");
		chk_report(c, FZ_ERROR, v ? v : doc, "unknown kind '%s'", kind);
		return;
	}
	c->seen[k] = 1;
	if (v != NULL && !(v->type == FZ_SCALAR && strcmp(v->str, "1") == 0))
		chk_report(c, FZ_ERROR, v, "version %s is not supported "
		    "(expected %d)", v->type == FZ_SCALAR ? v->str : "",
		    FZ_FORMAT_VERSION);
	if (k == FZ_KIND_CALENDAR)
		check_calendar(c, doc);
	if (c->o.strict && fz_kind_has_records(k))
		check_doc_keys(c, kind, doc);
}
