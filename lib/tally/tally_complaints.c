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

	slot = fz_tally__row_slot(t, q->rows, &q->key, vals, &added);
	if (!added)
		return *slot;
	r = fz_arena_alloc(q->arena, sizeof *r);
	memset(r, 0, sizeof *r);
	r->keys = fz_tally__keys_dup(q->arena, t, vals);
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
	return fz_tally__count_once(complaints_of(t)->ids, "complaint", id,
	    at, err);
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
	fz_tally__record_keys(t, t->scratch, FZ_KIND_COMPLAINTS, rec,
	    c->received, vals);
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

static void
write_values(fz_writer *w, const long long *v)
{
	for (int i = 0; i < FZ_TALLY_NCOMPLAINT; i++)
		fz_write_key_int(w, fz_tally_complaint_indicators[i], v[i]);
}

void
fz_tally__write_complaints(fz_writer *w, fz_tally *t, int mergeable)
{
	struct fz_tally__complaints *q = t->complaints;
	size_t n = q != NULL ? fz_map_count(q->rows) : 0;
	struct fz_tally__keyed *rows;

	if (q == NULL)
		return;
	rows = fz_tally__sorted(q->rows);
	fz_write_key(w, "complaints");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "reply_workdays", q->reply_workdays);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < n; i++) {
		fz_write_map_begin(w, 0);
		const struct crow *r = rows[i].row;

		fz_tally__write_group(w, t, r->keys);
		write_values(w, r->v);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_values(w, q->total);
	fz_write_map_end(w);
	if (mergeable)
		fz_tally__write_keys(w, "ids", q->ids);
	fz_write_map_end(w);
	free(rows);
}

/* ------------------------------------------------------------ merge */

static int
merge_fail(fz_error *err, const fz_node *at, const char *what)
{
	return fz_tally__section_fail(err, at, "complaints", what);
}

static int
whole(const fz_node *m, const char *key, long long *v, fz_error *err)
{
	return fz_tally__whole(m, "complaints", key, v, err);
}

static int
merge_crow(fz_tally *t, const fz_node *rn, fz_error *err)
{
	const char **vals = fz_tally__row_vals(t, rn);
	long long v[FZ_TALLY_NCOMPLAINT];
	int rc = FZ_OK;

	if (rn->type != FZ_MAP)
		rc = merge_fail(err, rn, "a row must be a mapping");
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
