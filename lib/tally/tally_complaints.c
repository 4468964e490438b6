/* tally_complaints.c - the complaints of a tally (举报投诉): rows by the
 * tally's keys, each complaint counted once, in the period of the day it
 * was received, whatever happened to it later, so that a month's tally
 * says what became of that month's complaints and monthly tallies add
 * up to the year's exactly.  Written as the tally's complaints: section
 * only when complaints were read or merged, with the ids counted when
 * mergeable, so that a merge refuses a complaint counted twice. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

const char *const fz_tally_complaint_indicators[] = { "received",
	"telephone", "accepted", "substantiated", "with_case",
	"replied_on_time", NULL };

struct crow {
	const char **keys;		/* nby group values, NULL for null */
	long long v[FZ_TALLY_NCOMPLAINT];
};

struct fz_tally__complaints {
	int reply_workdays;		/* the reply clock of replied_on_time */
	fz_arena *arena;
	fz_map *rows;			/* row key: struct crow * */
	fz_map *ids;			/* the complaints counted */
	long long total[FZ_TALLY_NCOMPLAINT];
	fz_buf key;
};

static struct fz_tally__complaints *
complaints_of(fz_tally *t)
{
	struct fz_tally__complaints *q = t->complaints;

	if (q == NULL) {
		q = t->complaints = fz_xcalloc(1, sizeof *q);
		q->reply_workdays = t->complaint_reply_workdays;
		q->arena = fz_arena_new();
		q->rows = fz_map_new();
		q->ids = fz_map_new();
	}
	return q;
}

void
fz_tally__complaints_free(fz_tally *t)
{
	struct fz_tally__complaints *q = t->complaints;

	if (q == NULL)
		return;
	fz_map_free(q->rows);
	fz_map_free(q->ids);
	fz_buf_free(&q->key);
	fz_arena_free(q->arena);
	free(q);
}

void
fz_tally_set_complaint_reply(fz_tally *t, int workdays)
{
	t->complaint_reply_workdays = workdays;
	if (t->complaints != NULL)
		t->complaints->reply_workdays = workdays;
}

/* The row of the group values vals, made when new. */
static struct crow *
row_of(fz_tally *t, const char *const *vals)
{
	struct fz_tally__complaints *q = complaints_of(t);
	struct crow *r;
	void **slot;
	int added;

	q->key.len = 0;
	for (int i = 0; i < t->nby; i++) {
		/* \377 marks null (no UTF-8 holds it), \1 ends a value. */
		fz_buf_adds(&q->key, vals[i] != NULL ? vals[i] : "\377");
		fz_buf_adds(&q->key, "\1");
	}
	slot = fz_map_insert(q->rows, fz_buf_str(&q->key), q->key.len, &added,
	    NULL);
	if (!added)
		return *slot;
	r = fz_arena_alloc(q->arena, sizeof *r);
	memset(r, 0, sizeof *r);
	r->keys = fz_arena_alloc(q->arena, ((size_t)t->nby + 1) *
	    sizeof *r->keys);
	for (int i = 0; i < t->nby; i++)
		r->keys[i] = vals[i] != NULL ? fz_arena_strdup(q->arena,
		    vals[i]) : NULL;
	*slot = r;
	return r;
}

static void
add_counts(fz_tally *t, struct crow *r, const long long *v)
{
	for (int i = 0; i < FZ_TALLY_NCOMPLAINT; i++) {
		r->v[i] += v[i];
		t->complaints->total[i] += v[i];
	}
}

/* An id counted once; FZ_DATAERR at at when it was counted before. */
static int
count_id(fz_tally *t, const char *id, const fz_node *at, fz_error *err)
{
	int added;

	(void)fz_map_insert(complaints_of(t)->ids, id, strlen(id), &added,
	    NULL);
	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0, "complaint '%s' is "
		    "counted twice", id);
	return FZ_OK;
}

/* Told within the reply clock of the day it was verified (or, without
 * it, referred); an anonymous report is never counted. */
static int
replied_on_time(const fz_tally *t, const fz_complaint *c)
{
	fz_date from = c->verified != FZ_NODATE ? c->verified : c->referred;

	if (c->anonymous == 1 || c->replied == FZ_NODATE || from == FZ_NODATE)
		return 0;
	return c->replied <= fz_calendar_add_workdays(t->cal, from,
	    t->complaints->reply_workdays);
}

int
fz_tally__complaint(fz_tally *t, const fz_complaint *c, const fz_node *rec,
    fz_error *err)
{
	const char **vals;
	long long v[FZ_TALLY_NCOMPLAINT];
	int rc;

	if ((rc = count_id(t, c->id, fz_node_get(rec, "id"), err)) != FZ_OK)
		return rc;
	fz_arena_reset(t->scratch);
	vals = fz_arena_alloc(t->scratch, ((size_t)t->nby + 1) * sizeof *vals);
	for (int i = 0; i < t->nby; i++) {
		char *buf = fz_arena_alloc(t->scratch, 16);

		vals[i] = t->period[i] != FZ_P_NONE ? fz_period_label(
		    t->period[i], c->received, buf) : fz_node_group_value(
		    t->scratch, fz_record_get(FZ_KIND_COMPLAINTS, rec, t->by[i]));
	}
	v[0] = 1;
	v[1] = c->channel == FZ_CC_12318 || c->channel == FZ_CC_12345 ||
	    c->channel == FZ_CC_12301;
	v[2] = c->accepted != FZ_NODATE && c->accepted != FZ_FALSEDATE;
	v[3] = c->result == FZ_CR_SUBSTANTIATED || c->result == FZ_CR_PARTLY;
	v[4] = c->case_id != NULL;
	v[5] = replied_on_time(t, c);
	add_counts(t, row_of(t, vals), v);
	return FZ_OK;
}

void
fz_tally__complaints_open(fz_tally *t)
{
	(void)complaints_of(t);
}

/* ------------------------------------------------------------ output */

/* A row with its key: the group values each ended by \1, null as
 * \377, so that the keys sort as the tally's rows do: key after key, in
 * byte order, null last. */
struct keyed {
	const char *key;
	const struct crow *row;
};

static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key,
	    ((const struct keyed *)b)->key);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
write_values(fz_writer *w, const long long *v)
{
	for (int i = 0; i < FZ_TALLY_NCOMPLAINT; i++)
		fz_write_key_int(w, fz_tally_complaint_indicators[i], v[i]);
}

/* The ids, sorted, for a merge to find one counted twice. */
static void
write_ids(fz_writer *w, const struct fz_tally__complaints *q)
{
	size_t n = fz_map_count(q->ids);
	const char **ids = fz_xcalloc(n + 1, sizeof *ids);

	for (size_t i = 0; i < n; i++)
		ids[i] = fz_map_key(q->ids, i, NULL);
	qsort(ids, n, sizeof *ids, cmp_str);
	fz_write_key(w, "ids");
	fz_write_strs(w, ids, n);
	free(ids);
}

void
fz_tally__write_complaints(fz_writer *w, fz_tally *t, int mergeable)
{
	struct fz_tally__complaints *q = t->complaints;
	size_t n = q != NULL ? fz_map_count(q->rows) : 0;
	struct keyed *rows;

	if (q == NULL)
		return;
	rows = fz_xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct keyed){ fz_map_key(q->rows, i, NULL),
		    fz_map_value(q->rows, i) };
	qsort(rows, n, sizeof *rows, cmp_keyed);
	fz_write_key(w, "complaints");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "reply_workdays", q->reply_workdays);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < n; i++) {
		fz_write_map_begin(w, 0);
		for (int k = 0; k < t->nby; k++) {
			const char *v = rows[i].row->keys[k];

			/* As the tally's rows have them: a period plain. */
			fz_write_key(w, t->by[k]);
			(void)(v == NULL ? fz_write_null(w) : t->period[k] !=
			    FZ_P_NONE ? fz_write_plain(w, v) : fz_write_str(w, v));
		}
		write_values(w, rows[i].row->v);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_values(w, q->total);
	fz_write_map_end(w);
	if (mergeable)
		write_ids(w, q);
	fz_write_map_end(w);
	free(rows);
}

/* ------------------------------------------------------------ merge */

static int
merge_fail(fz_error *err, const fz_node *at, const char *what)
{
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col,
	    "complaints: %s", what);
}

/* A whole number at key of m into *v. */
static int
whole(const fz_node *m, const char *key, long long *v, fz_error *err)
{
	const fz_node *n = fz_node_get(m, key);

	if (n != NULL && n->type == FZ_SCALAR &&
	    fz_int_parse(n->str, n->len, v) == 0)
		return FZ_OK;
	return fz_error_set(err, FZ_DATAERR, n ? n->file : m->file,
	    n ? n->line : m->line, n ? n->col : m->col, "complaints: %s "
	    "must be a whole number", key);
}

static int
merge_crow(fz_tally *t, const fz_node *rn, fz_error *err)
{
	const char **vals = fz_xcalloc((size_t)t->nby + 1, sizeof *vals);
	long long v[FZ_TALLY_NCOMPLAINT];
	int rc = FZ_OK;

	if (rn->type != FZ_MAP)
		rc = merge_fail(err, rn, "a row must be a mapping");
	for (int i = 0; i < t->nby && rc == FZ_OK; i++) {
		const fz_node *k = fz_node_get(rn, t->by[i]);

		vals[i] = fz_node_is_null(k) ? NULL : k->str;
	}
	for (int i = 0; i < FZ_TALLY_NCOMPLAINT && rc == FZ_OK; i++)
		rc = whole(rn, fz_tally_complaint_indicators[i], &v[i], err);
	if (rc == FZ_OK)
		add_counts(t, row_of(t, vals), v);
	free(vals);
	return rc;
}

int
fz_tally__merge_complaints(fz_tally *t, const fz_node *cq, fz_error *err)
{
	const fz_node *rows = fz_node_get(cq, "rows");
	const fz_node *ids = fz_node_get(cq, "ids");
	int fresh = t->complaints == NULL;
	long long days;
	int rc;

	if (cq == NULL)
		return FZ_OK;
	if (cq->type != FZ_MAP || rows == NULL || rows->type != FZ_SEQ)
		return merge_fail(err, cq, "a mapping with rows: as a list");
	if (ids == NULL || ids->type != FZ_SEQ)
		return merge_fail(err, cq, "no ids: written without "
		    "--mergeable, merging it would not be exact");
	if ((rc = whole(cq, "reply_workdays", &days, err)) != FZ_OK)
		return rc;
	if (fresh)
		fz_tally_set_complaint_reply(t, (int)days);
	if (days != complaints_of(t)->reply_workdays)
		return merge_fail(err, fz_node_get(cq, "reply_workdays"),
		    "cannot merge tallies whose replies were counted on time "
		    "by different clocks (reply_workdays)");
	for (size_t i = 0; i < ids->n; i++)
		if (ids->kids[i]->type != FZ_SCALAR ||
		    (rc = count_id(t, ids->kids[i]->str, ids->kids[i], err)) !=
		    FZ_OK)
			return rc != FZ_OK ? rc : merge_fail(err, ids->kids[i],
			    "an id must be a string");
	for (size_t i = 0; i < rows->n; i++)
		if ((rc = merge_crow(t, rows->kids[i], err)) != FZ_OK)
			return rc;
	return FZ_OK;
}
