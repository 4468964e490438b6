/* check.c - fazhi-check's records: every record is decoded and checked
 * as it is read (rules.c), its id registered and duplicates found at
 * once; the problems the store keeps (store.c) are given back at the
 * end in file order, whatever found them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

fz_check *
fz_check_new(const fz_check_opts *o)
{
	fz_check *c = fz_xcalloc(1, sizeof *c);

	c->o = *o;
	if (c->o.as_of == FZ_NODATE)
		c->o.as_of = fz_date_today();
	if (c->o.calendar == NULL)
		c->o.calendar = c->own_calendar = fz_calendar_new();
	c->arena = fz_arena_new();
	c->files = fz_map_new();
	c->banned = fz_map_new();
	c->credit = fz_map_new();
	c->reviewers = fz_map_new();
	c->names[0] = fz_map_new();
	c->names[1] = fz_map_new();
	c->strings = fz_map_new();
	for (int k = 0; k < FZ_KIND_COUNT; k++)
		c->ids[k] = fz_map_new();
	return c;
}

void
fz_check_free(fz_check *c)
{
	if (c == NULL)
		return;
	for (int k = 0; k < FZ_KIND_COUNT; k++)
		fz_map_free(c->ids[k]);
	fz_map_free(c->files);
	fz_map_free(c->banned);
	fz_map_free(c->credit);
	fz_map_free(c->reviewers);
	fz_map_free(c->names[0]);
	fz_map_free(c->names[1]);
	free(c->named);
	fz_map_free(c->strings);
	free(c->matters);
	free(c->refs);
	fz_calendar_free(c->own_calendar);
	fz_arena_free(c->arena);
	free(c->problems);
	free(c->sheets);
	free(c->verdicts);
	free(c);
}

static int
problem_cmp(const void *a, const void *b)
{
	const fz_check__problem *p = a, *q = b;

	if (p->order != q->order)
		return p->order < q->order ? -1 : 1;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* A draw or a results document is published as a notice, which the
 * organization signs: without one it is signed with a place to write. */
static void
organization_missing(fz_check *c)
{
	if (c->notice.file == NULL || c->seen[FZ_KIND_ORGANIZATION])
		return;
	fz_check__report_pos(c, FZ_WARNING, c->notice, "no organization "
	    "document: the notices fazhi-render makes of this are signed "
	    "【待填写：单位名称】 (give the bureau's, kind: organization)");
}

void
fz_check_finish(fz_check *c, fz_problem_fn fn, void *ctx, size_t counts[3])
{
	fz_check__run(c);
	organization_missing(c);
	if (c->nproblems > 1)
		qsort(c->problems, c->nproblems, sizeof *c->problems,
		    problem_cmp);
	if (counts != NULL)
		counts[0] = counts[1] = counts[2] = 0;
	for (size_t i = 0; i < c->nproblems; i++) {
		const fz_check__problem *p = &c->problems[i];

		if (counts != NULL)
			counts[p->severity]++;
		if (fn != NULL)
			fn(ctx, p->severity, p->file, p->line, p->col, p->msg);
	}
}

/* Room for the struct of any record kind. */
union any_record {
	fz_entity entity;
	fz_inspector inspector;
	fz_inspection inspection;
	fz_case kase;
	fz_matter matter;
	fz_application application;
	fz_credit credit;
	fz_complaint complaint;
	fz_activity activity;
	fz_item item;
	fz_document document;
};

/* The id of a record: from its struct, or from its node when it could
 * not be decoded, so that a bad record still takes part in duplicates
 * and references without a second error. */
static const char *
record_id(enum fz_kind k, const fz_check__rec *r)
{
	const char *key = fz_check__id_key(k);
	const fz_node *v;

	if (key == NULL)
		return NULL;
	if (r->data != NULL)
		return *(const char *const *)((const char *)r->data +
		    fz_field_find(k, key)->offset);
	v = fz_node_get(r->at, key);
	return v != NULL && v->type == FZ_SCALAR && v->len > 0 ? v->str : NULL;
}

/* An inspector's avoid list, kept. */
static void
keep_avoid(fz_check *c, fz_check__id *e, const fz_inspector *p)
{
	const fz_node *list = p->avoid;

	if (list == NULL || list->n == 0)
		return;
	e->avoid = fz_arena_alloc(c->arena, list->n * sizeof *e->avoid);
	for (size_t i = 0; i < list->n; i++)
		e->avoid[e->navoid++] = fz_check__intern(c, list->kids[i]->str);
}

static void
register_id(fz_check *c, enum fz_kind k, const fz_check__rec *r, const char *id)
{
	const fz_check__id *first;
	fz_check__id *e;
	void **slot;
	int added;

	slot = fz_map_insert(c->ids[k], id, strlen(id), &added, NULL);
	if (!added) {
		char pos[1100];
		first = *slot;
		fz_check__report(c, FZ_ERROR, fz_check__at(r, fz_check__id_key(k)), "duplicate "
		    "%s '%s' in %s (first at %s)", fz_check__id_key(k), id,
		    fz_kind_name(k), fz_pos_format(pos, sizeof pos,
		    first->first.file ? first->first.file : "",
		    first->first.line, first->first.col));
		return;
	}
	e = fz_arena_alloc(c->arena, sizeof *e);
	*e = (fz_check__id){ fz_check__pos_of(c, r->at), NULL, 0, -1, 0, 0,
	    FZ_NODATE };
	if (k == FZ_KIND_INSPECTORS && r->data != NULL) {
		const fz_inspector *p = r->data;

		keep_avoid(c, e, p);
		e->legal_reviewer = p->legal_reviewer == 1;
		e->legal_qualification = p->legal_qualification == 1;
		e->cert_expires = p->cert_expires;
	}
	if (k == FZ_KIND_MATTERS && r->data != NULL)
		e->matter = (long)c->nmatters;	/* rules.c adds it next */
	*slot = e;
}

static void
take(fz_check *c, enum fz_kind k, const fz_node *at, const void *data)
{
	fz_check__rec r = { at, data };
	const char *id = record_id(k, &r);

	c->seen[k] = 1;
	(void)fz_check__pos_of(c, at);	/* the file is met */
	if (id != NULL)
		register_id(c, k, &r, id);
	if (data != NULL)
		fz_check__record(c, k, &r);
	/* complaints.c and documents.c, which use rules.c's references
	 * and dates. */
	if (data != NULL && k == FZ_KIND_COMPLAINTS)
		fz_check__complaint(c, &r);
	if (data != NULL && k == FZ_KIND_DOCUMENTS)
		fz_check__document(c, &r);
	if (data != NULL && k == FZ_KIND_INSPECTIONS)
		fz_check__outing(c, &r);
	if (data != NULL && k == FZ_KIND_ACTIVITIES)
		fz_check__activity(c, &r);
}

static void
diag_report(void *ctx, int severity, const fz_node *at, const char *msg)
{
	fz_check__report(ctx, severity, at, "%s", msg);
}

int
fz_check_record(fz_check *c, enum fz_kind k, fz_node *rec)
{
	fz_diag diag = { diag_report, c, c->o.strict };
	union any_record data;
	fz_error err;
	int rc;

	(void)fz_check__pos_of(c, rec);
	rc = fz_record_decode(k, rec, &data, &diag, &err);
	if (fz_kind_has_records(k))
		take(c, k, rec, rc == FZ_OK ? &data : NULL);
	return rc;
}

void
fz_check_add(fz_check *c, enum fz_kind k, const void *rec,
    const fz_node *at)
{
	if (fz_kind_has_records(k))
		take(c, k, at, rec);
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
			fz_check__report(c, FZ_WARNING, key, "unknown key '%s' in a "
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

/* A plan as fazhi-draw reads it; its first error, and its warnings. */
static void
check_plan(fz_check *c, const fz_node *doc)
{
	fz_diag diag = { diag_report, c, c->o.strict };
	fz_arena *a = fz_arena_new();
	fz_plan plan;
	fz_error err;

	if (fz_draw_plan_decode(doc, &plan, a, &diag, &err) != FZ_OK)
		fz_check_report(c, FZ_ERROR, err.file[0] ? err.file : doc->file,
		    err.line, err.col, "%s", err.msg);
	else
		fz_check__plan_names(c, &plan);
	fz_arena_free(a);
}

/* The day a draw's notice went out: a date, not before the draw, not
 * after the day of the check. */
static void
check_draw(fz_check *c, const fz_node *doc)
{
	fz_date when;
	fz_error err;

	if (fz_draw_notice_date(doc, &when, &err) != FZ_OK)
		fz_check_report(c, FZ_ERROR, err.file, err.line, err.col, "%s",
		    err.msg);
	else if (when != FZ_NODATE && when > c->o.as_of)
		fz_check__report(c, FZ_ERROR, fz_node_get(doc, "published"),
		    "published is after the day of the check (--as-of)");
}

/* The organization document as fazhi-render reads it, and only one. */
static void
check_organization(fz_check *c, const fz_node *doc)
{
	fz_diag diag = { diag_report, c, c->o.strict };
	fz_arena *a = fz_arena_new();
	fz_node *copy = fz_node_copy(a, doc);
	fz_organization org;
	fz_error err;

	if (c->seen[FZ_KIND_ORGANIZATION])
		fz_check__report(c, FZ_ERROR, doc, "a second organization "
		    "document (the first is at %s:%u:%u): give one",
		    c->organization.file, c->organization.line,
		    c->organization.col);
	else
		c->organization = fz_check__pos_of(c, doc);
	if (copy == NULL)
		abort();
	(void)fz_organization_decode(copy, &org, &diag, &err);
	fz_arena_free(a);
}

/* A document of kind k, whose kind is written kind (NULL: none). */
static void
check_doc(fz_check *c, enum fz_kind k, const char *kind, const fz_node *doc)
{
	const fz_node *v = fz_node_get(doc, "version");
	char note[320];

	(void)fz_check__pos_of(c, doc);
	if (kind == NULL) {
		fz_check__report(c, FZ_ERROR, doc, "document has no kind%s",
		    fz_colon_note(fz_colon_key(doc), note, sizeof note));
		return;
	}
	if (k == FZ_KIND_NONE) {
		v = fz_node_get(doc, "kind");
		fz_check__report(c, FZ_ERROR, v ? v : doc, "unknown kind '%s'", kind);
		return;
	}
	if (k == FZ_KIND_ORGANIZATION)
		check_organization(c, doc);
	if ((k == FZ_KIND_DRAW || k == FZ_KIND_RESULTS) &&
	    c->notice.file == NULL)
		c->notice = fz_check__pos_of(c, doc);
	c->seen[k] = 1;
	if (v != NULL && !(v->type == FZ_SCALAR && strcmp(v->str, "1") == 0))
		fz_check__report(c, FZ_ERROR, v, "version %s is not supported "
		    "(expected %d)", v->type == FZ_SCALAR ? v->str : "",
		    FZ_FORMAT_VERSION);
	if (k == FZ_KIND_CALENDAR)
		check_calendar(c, doc);
	if (k == FZ_KIND_PLAN)
		check_plan(c, doc);
	if (k == FZ_KIND_DRAW)
		check_draw(c, doc);
	if (c->o.strict && fz_kind_has_records(k))
		check_doc_keys(c, kind, doc);
}

void
fz_check_doc(fz_check *c, const char *kind, const fz_node *doc)
{
	check_doc(c, kind != NULL ? fz_kind_parse(kind) : FZ_KIND_NONE, kind,
	    doc);
}

int
fz_check_take(fz_check *c, const fz_event *ev, fz_error *err)
{
	(void)err;
	if (ev->type == FZ_EV_DOC)
		check_doc(c, ev->kind, ev->kind_name, ev->node);
	else if (ev->type == FZ_EV_RECORD)
		(void)fz_check_record(c, ev->kind, ev->node);
	return FZ_OK;
}
