/* tally_merge.c - adding tallies written with --mergeable: their sets
 * and cases go in as if their records had been read, so the merge gives
 * exactly what one run over all the inputs gives, distinct counts
 * included.  Whatever would make it inexact is an error. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

static int
bad(fz_error *err, const fz_node *at, const char *what)
{
	return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
	    at ? at->line : 0, at ? at->col : 0, "%s", fz_gettext(what));
}

static int
get_int(const fz_node *m, const char *key, long long *v, fz_error *err)
{
	const fz_node *n = fz_node_get(m, key);

	*v = 0;
	if (n == NULL)
		return FZ_OK;
	if (n->type != FZ_SCALAR || fz_int_parse(n->str, n->len, v) != 0)
		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "%s must be a whole number", key);
	return FZ_OK;
}

static int
get_date(const fz_node *m, const char *key, fz_date *d, fz_error *err)
{
	const fz_node *n = fz_node_get(m, key);

	*d = FZ_NODATE;
	if (fz_node_is_null(n))
		return FZ_OK;
	if (n->type != FZ_SCALAR || fz_date_parse(n->str, n->len, d) != 0)
		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "%s must be a date", key);
	return FZ_OK;
}

/* The by list of a tally document, checked. */
static int
read_by(const fz_node *doc, char ***by, int *nby, fz_error *err)
{
	const fz_node *n = fz_node_get(doc, "by");

	if (n == NULL || n->type != FZ_SEQ)
		return bad(err, n ? n : doc, "a tally needs by: as a list");
	*by = fz_xcalloc(n->n + 1, sizeof **by);
	*nby = (int)n->n;
	for (size_t i = 0; i < n->n; i++) {
		if (n->kids[i]->type != FZ_SCALAR)
			return bad(err, n->kids[i], "by: keys must be names");
		(*by)[i] = n->kids[i]->str;
	}
	return FZ_OK;
}

static int
same_by(const fz_tally *t, char **by, int nby)
{
	if (nby != t->nby)
		return 0;
	for (int i = 0; i < nby; i++)
		if (strcmp(by[i], t->by[i]) != 0)
			return 0;
	return 1;
}

static int
same_where(const fz_tally *t, const fz_node *where)
{
	size_t n = where != NULL && where->type == FZ_MAP ? where->n : 0;

	if (n != t->nwhere)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(where->kids[2 * i]->str, t->where_key[i]) != 0 ||
		    strcmp(where->kids[2 * i + 1]->str, t->where_value[i]) != 0)
			return 0;
	return 1;
}

static void
take_where(fz_tally *t, const fz_node *where)
{
	size_t n = where != NULL && where->type == FZ_MAP ? where->n : 0;

	t->nwhere = n;
	t->where_key = fz_xcalloc(n + 1, sizeof(char *));
	t->where_value = fz_xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		t->where_key[i] = fz_xstrdup(where->kids[2 * i]->str);
		t->where_value[i] = fz_xstrdup(where->kids[2 * i + 1]->str);
	}
}

static int
merge_state(fz_tally *t, uint32_t row, const fz_node *st, fz_error *err)
{
	const fz_node *ents = fz_node_get(st, "entities");
	const fz_node *outs = fz_node_get(st, "outings");
	long long so, sp;
	int rc;

	if (st == NULL || st->type != FZ_MAP || ents == NULL ||
	    ents->type != FZ_SEQ || outs == NULL || outs->type != FZ_SEQ)
		return bad(err, st, "a tally row needs its state: to merge");
	if ((rc = get_int(st, "solo_outings", &so, err)) != FZ_OK ||
	    (rc = get_int(st, "solo_person_times", &sp, err)) != FZ_OK)
		return rc;
	for (int k = 0; k < 2; k++) {
		struct row *r = k ? &t->total : &t->rows[row];

		r->solo_outings += so;
		r->solo_person_times += sp;
		r->c.outings += so;
		r->c.person_times += sp;
	}
	for (size_t i = 0; i < ents->n; i++)
		fz_tally__entity(t, row, ents->kids[i]->str);
	for (size_t i = 0; i < outs->n; i++) {
		const fz_node *id = fz_node_get(outs->kids[i], "id");
		const fz_node *in = fz_node_get(outs->kids[i], "inspectors");

		if (id == NULL || in == NULL || in->type != FZ_SEQ)
			return bad(err, outs->kids[i],
			    "an outing needs id and inspectors");
		fz_tally__outing(t, row, id->str, in->kids, in->n);
	}
	return FZ_OK;
}

static int
merge_row(fz_tally *t, const fz_node *rn, fz_error *err)
{
	static const char *const add[] = { "visits", "violations", "banned",
		"leader_led" };
	const char **vals = fz_xcalloc((size_t)t->nby + 1, sizeof *vals);
	long long v[4];
	uint32_t row;
	int rc = FZ_OK;

	for (int i = 0; i < t->nby; i++) {
		const fz_node *k = fz_node_get(rn, t->by[i]);

		vals[i] = fz_node_is_null(k) ? NULL : k->str;
	}
	for (int i = 0; i < 4 && rc == FZ_OK; i++)
		rc = get_int(rn, add[i], &v[i], err);
	if (rc == FZ_OK) {
		row = fz_tally__row(t, vals);
		for (int k = 0; k < 2; k++) {
			struct row *r = k ? &t->total : &t->rows[row];

			r->c.visits += v[0];
			r->c.violations += v[1];
			r->c.banned += v[2];
			r->c.leader_led += v[3];
		}
		rc = merge_state(t, row, fz_node_get(rn, "state"), err);
	}
	free(vals);
	return rc;
}

static int
same_case(const struct tcase *a, const struct tcase *b, int nby)
{
	if (!fz_tally__case_same(&a->k, &b->k))
		return 0;
	for (int i = 0; i < nby; i++)
		if ((a->keys[i] == NULL) != (b->keys[i] == NULL) ||
		    (a->keys[i] != NULL && strcmp(a->keys[i], b->keys[i]) != 0))
			return 0;
	return 1;
}

static int
merge_case(fz_tally *t, fz_node *cn, fz_error *err)
{
	struct tcase c = { 0 };
	const fz_node *id = fz_node_get(cn, "id");
	const fz_node *keys = fz_node_get(cn, "keys");
	void **seen;
	int rc;

	if (cn->type != FZ_MAP || id == NULL || id->type != FZ_SCALAR ||
	    keys == NULL || keys->type != FZ_SEQ || keys->n != (size_t)t->nby)
		return bad(err, cn, "a merged case needs id and keys");
	if ((rc = fz_tally__case_read(cn, &c.k, err)) != FZ_OK)
		return rc;
	c.keys = fz_arena_alloc(t->arena, ((size_t)t->nby + 1) *
	    sizeof *c.keys);
	for (int i = 0; i < t->nby; i++)
		c.keys[i] = fz_node_is_null(keys->kids[i]) ? NULL :
		    fz_arena_strdup(t->arena, keys->kids[i]->str);
	seen = fz_map_find(t->caseids, c.k.id, strlen(c.k.id));
	if (seen == NULL)
		return fz_tally__case(t, &c, err, id);
	if (!same_case(&t->cases[(uintptr_t)*seen - 1], &c, t->nby))
		return fz_error_set(err, FZ_DATAERR, id->file, id->line,
		    id->col, "case '%s' differs between the tallies merged",
		    c.k.id);
	return FZ_OK;
}

/* The bureau's and the towns' rows: a tally without them (written before
 * they were) leaves them unknown in the merge. */
static int
merge_reporters(fz_tally *t, const fz_node *reps, fz_error *err)
{
	int rc;

	if (reps == NULL || reps->type != FZ_SEQ) {
		t->rep_lost = 1;
		return FZ_OK;
	}
	for (size_t i = 0; i < reps->n; i++)
		if ((rc = merge_row(t->rep, reps->kids[i], err)) != FZ_OK)
			return rc;
	t->rep->finished = 0;
	return FZ_OK;
}

static void
widen(fz_date *lo, fz_date *hi, fz_date from, fz_date to)
{
	if (from != FZ_NODATE && (*lo == FZ_NODATE || from < *lo))
		*lo = from;
	if (to != FZ_NODATE && (*hi == FZ_NODATE || to > *hi))
		*hi = to;
}

/* Inspections add up; cases are counted once each, as merged. */
static int
merge_inputs(fz_tally *t, const fz_node *in, fz_error *err)
{
	long long v;
	int rc;

	if ((rc = get_int(in, "inspections", &v, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_INSPECTIONS] += v;
	if ((rc = get_int(in, "complaints", &v, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_COMPLAINTS] += v;
	if ((rc = get_int(in, "documents", &v, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_DOCUMENTS] += v;
	if ((rc = get_int(in, "activities", &v, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_ACTIVITIES] += v;
	return FZ_OK;
}

int
fz_tally_merge(fz_tally **tp, fz_node *doc, fz_error *err)
{
	const fz_node *rows = fz_node_get(doc, "rows");
	const fz_node *state = fz_node_get(doc, "mergeable");
	const fz_node *cases = fz_node_get(state, "cases");
	fz_date from, to;
	char **by = NULL;
	int nby = 0, rc;

	if (state == NULL || cases == NULL || cases->type != FZ_SEQ)
		return bad(err, doc, "tally written without --mergeable: "
		    "merging it would not be exact");
	if (rows == NULL || rows->type != FZ_SEQ)
		return bad(err, doc, "a tally needs rows: as a list");
	if ((rc = read_by(doc, &by, &nby, err)) != FZ_OK) {
		free(by);
		return rc;
	}
	if (*tp == NULL) {
		/* A tally by zone was counted with its towns: merged, its
		 * rows are taken as they stand. */
		*tp = fz_tally_new_filled(by, nby, fz_directory_town_keys, err);
		if (*tp != NULL)
			take_where(*tp, fz_node_get(doc, "where"));
	} else if (!same_by(*tp, by, nby)) {
		rc = bad(err, fz_node_get(doc, "by"), "cannot merge tallies "
		    "grouped by different keys");
	} else if (!same_where(*tp, fz_node_get(doc, "where"))) {
		rc = bad(err, doc, "cannot merge tallies with different where");
	}
	free(by);
	if (*tp == NULL)
		return err->status == FZ_USAGE ? FZ_DATAERR : err->status;
	if (rc != FZ_OK)
		return rc;
	if ((rc = fz_tally__merge_covers(*tp, doc, err)) != FZ_OK ||
	    (rc = get_date(doc, "from", &from, err)) != FZ_OK ||
	    (rc = get_date(doc, "to", &to, err)) != FZ_OK ||
	    (rc = merge_inputs(*tp, fz_node_get(doc, "inputs"), err)) != FZ_OK)
		return rc;
	widen(&(*tp)->from, &(*tp)->to, from, to);
	for (size_t i = 0; i < rows->n; i++)
		if ((rc = merge_row(*tp, rows->kids[i], err)) != FZ_OK)
			return rc;
	for (size_t i = 0; i < cases->n; i++)
		if ((rc = merge_case(*tp, cases->kids[i], err)) != FZ_OK)
			return rc;
	if ((rc = merge_reporters(*tp, fz_node_get(doc, "reporters"),
	    err)) != FZ_OK ||
	    (rc = fz_tally__merge_complaints(*tp, fz_node_get(doc,
	    "complaints"), err)) != FZ_OK ||
	    (rc = fz_tally__merge_documents(*tp, fz_node_get(doc,
	    "documents"), err)) != FZ_OK ||
	    (rc = fz_tally__merge_activities(*tp, fz_node_get(doc,
	    "activities"), err)) != FZ_OK)
		return rc;
	(*tp)->finished = 0;
	return FZ_OK;
}
