/* tally_activities.c - the activities of a tally (工作活动): rows by the
 * tally's keys, each activity counted once in the period of its day
 * (date, or from).  count: the activities; participants: their people
 * (人次); units: the units taking part (家次), each activity's units, or
 * the number of its entities when it gives none, so that a unit listed
 * in entities is never counted again beside units; entities: the
 * distinct entities listed (家), a unit in two activities of a row once.
 * Written as the tally's activities: section only when activities were
 * read or merged; when mergeable with the ids counted and each row's
 * entities, so that a merge refuses an activity counted twice and
 * counts the distinct entities of the union exactly. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

const char *const fz_tally_activity_indicators[] = { "count",
	"participants", "units", "entities", NULL };

/* The sums; entities is the size of the set beside them. */
#define NSUM (FZ_TALLY_NACTIVITY - 1)

struct arow {
	const char **keys;		/* nby group values, NULL for null */
	long long v[NSUM];
	fz_map *ents;			/* the entity ids listed */
};

struct fz_tally__activities {
	fz_arena *arena;
	fz_map *rows;			/* row key: struct arow * */
	fz_map *ids;			/* the activities counted */
	struct arow total;		/* keys unused */
	fz_buf key;
};

static struct fz_tally__activities *
activities_of(fz_tally *t)
{
	struct fz_tally__activities *q = t->activities;

	if (q == NULL) {
		q = t->activities = fz_xcalloc(1, sizeof *q);
		q->arena = fz_arena_new();
		q->rows = fz_map_new();
		q->ids = fz_map_new();
		q->total.ents = fz_map_new();
	}
	return q;
}

void
fz_tally__activities_free(fz_tally *t)
{
	struct fz_tally__activities *q = t->activities;

	if (q == NULL)
		return;
	for (size_t i = 0; i < fz_map_count(q->rows); i++)
		fz_map_free(((struct arow *)fz_map_value(q->rows, i))->ents);
	fz_map_free(q->rows);
	fz_map_free(q->ids);
	fz_map_free(q->total.ents);
	fz_buf_free(&q->key);
	fz_arena_free(q->arena);
	free(q);
}

void
fz_tally__activities_open(fz_tally *t)
{
	(void)activities_of(t);
}

/* The row of the group values vals, made when new. */
static struct arow *
row_of(fz_tally *t, const char *const *vals)
{
	struct fz_tally__activities *q = activities_of(t);
	struct arow *r;
	void **slot;
	int added;

	slot = fz_tally__row_slot(t, q->rows, &q->key, vals, &added);
	if (!added)
		return *slot;
	r = fz_arena_alloc(q->arena, sizeof *r);
	memset(r, 0, sizeof *r);
	r->ents = fz_map_new();
	r->keys = fz_tally__keys_dup(q->arena, t, vals);
	*slot = r;
	return r;
}

/* The sums v and the entities ents (SEQ of strings, or NULL) into row
 * r and the totals. */
static void
add_to(fz_tally *t, struct arow *r, const long long *v, const fz_node *ents)
{
	struct arow *tot = &t->activities->total;
	int added;

	for (int i = 0; i < NSUM; i++) {
		r->v[i] += v[i];
		tot->v[i] += v[i];
	}
	for (size_t i = 0; ents != NULL && i < ents->n; i++) {
		const fz_node *e = ents->kids[i];

		(void)fz_map_insert(r->ents, e->str, e->len, &added, NULL);
		(void)fz_map_insert(tot->ents, e->str, e->len, &added, NULL);
	}
}

/* An id counted once; FZ_DATAERR at at when it was counted before. */
static int
count_id(fz_tally *t, const char *id, const fz_node *at, fz_error *err)
{
	return fz_tally__count_once(activities_of(t)->ids, "activity", id,
	    at, err);
}

int
fz_tally__activity(fz_tally *t, const fz_activity *a, const fz_node *rec,
    fz_error *err)
{
	const char **vals;
	long long v[NSUM];
	int rc;

	if ((rc = count_id(t, a->id, fz_node_get(rec, "id"), err)) != FZ_OK)
		return rc;
	fz_arena_reset(t->scratch);
	vals = fz_arena_alloc(t->scratch, ((size_t)t->nby + 1) * sizeof *vals);
	fz_tally__record_keys(t, t->scratch, FZ_KIND_ACTIVITIES, rec,
	    fz_activity_day(a), vals);
	v[0] = 1;
	v[1] = a->participants != FZ_NOINT ? a->participants : 0;
	v[2] = fz_activity_units(a);
	add_to(t, row_of(t, vals), v, a->entities);
	return FZ_OK;
}

/* ------------------------------------------------------------ output */

static void
write_values(fz_writer *w, const struct arow *r)
{
	for (int i = 0; i < NSUM; i++)
		fz_write_key_int(w, fz_tally_activity_indicators[i], r->v[i]);
	fz_write_key_int(w, fz_tally_activity_indicators[NSUM],
	    (long long)fz_map_count(r->ents));
}

void
fz_tally__write_activities(fz_writer *w, fz_tally *t, int mergeable)
{
	struct fz_tally__activities *q = t->activities;
	struct fz_tally__keyed *rows;

	if (q == NULL)
		return;
	rows = fz_tally__sorted(q->rows);
	fz_write_key(w, "activities");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < fz_map_count(q->rows); i++) {
		const struct arow *r = rows[i].row;

		fz_write_map_begin(w, 0);
		fz_tally__write_group(w, t, r->keys);
		write_values(w, r);
		if (mergeable)
			fz_tally__write_keys(w, "entity_ids", r->ents);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_values(w, &q->total);
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
	return fz_tally__section_fail(err, at, "activities", what);
}

/* A list of strings at key of m, or an error. */
static int
strings(const fz_node *m, const char *key, const fz_node **out,
    fz_error *err)
{
	const fz_node *l = fz_node_get(m, key);

	if (l == NULL || l->type != FZ_SEQ)
		return merge_fail(err, m, key[0] == 'i' ? "no ids: written "
		    "without --mergeable, merging it would not be exact" :
		    "a row without entity_ids: written without --mergeable, "
		    "its distinct entities cannot be merged");
	for (size_t i = 0; i < l->n; i++)
		if (l->kids[i]->type != FZ_SCALAR)
			return merge_fail(err, l->kids[i], "an id must be a "
			    "string");
	*out = l;
	return FZ_OK;
}

static int
merge_arow(fz_tally *t, const fz_node *rn, fz_error *err)
{
	const char **vals = fz_tally__row_vals(t, rn);
	const fz_node *ents = NULL;
	long long v[NSUM];
	int rc = FZ_OK;

	if (rn->type != FZ_MAP)
		rc = merge_fail(err, rn, "a row must be a mapping");
	for (int i = 0; i < NSUM && rc == FZ_OK; i++)
		rc = fz_tally__whole(rn, "activities",
		    fz_tally_activity_indicators[i], &v[i], err);
	if (rc == FZ_OK)
		rc = strings(rn, "entity_ids", &ents, err);
	if (rc == FZ_OK)
		add_to(t, row_of(t, vals), v, ents);
	free(vals);
	return rc;
}

int
fz_tally__merge_activities(fz_tally *t, const fz_node *aq, fz_error *err)
{
	const fz_node *rows, *ids;
	int rc;

	if (aq == NULL)
		return FZ_OK;
	rows = fz_node_get(aq, "rows");
	if (aq->type != FZ_MAP || rows == NULL || rows->type != FZ_SEQ)
		return merge_fail(err, aq, "a mapping with rows: as a list");
	if ((rc = strings(aq, "ids", &ids, err)) != FZ_OK)
		return rc;
	for (size_t i = 0; i < ids->n; i++)
		if ((rc = count_id(t, ids->kids[i]->str, ids->kids[i], err)) !=
		    FZ_OK)
			return rc;
	for (size_t i = 0; i < rows->n; i++)
		if ((rc = merge_arow(t, rows->kids[i], err)) != FZ_OK)
			return rc;
	return FZ_OK;
}
