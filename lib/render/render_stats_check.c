/* render_stats_check.c - what -t statistics refuses before it fills a
 * table: a yearbook goes out under a signature, so a figure that would
 * be of another period, of a part of the records (a tally made with
 * --where) or of the towns under the bureau's label is an error naming
 * the document and what to give instead, never a table filled silently.
 * The tables read (render_stats.c): the totals of the first tally; the
 * bureau's inspections of the first tally by reported_by alone, else of
 * the first tally's reporters; the random and joint checks of the first
 * tally by type alone, a part (其中) of the bureau's; the licences of the
 * first metrics document. */
#include <stdio.h>
#include <string.h>

#include "render_int.h"

/* The text of a scalar under key of n, NULL when there is none. */
static const char *
scalar(const fz_node *n, const char *key)
{
	const fz_node *v = fz_node_get(n, key);

	return v != NULL && v->type == FZ_SCALAR && !fz_node_is_null(v) ?
	    v->str : NULL;
}

/* The filters of a document's where: as KEY=VALUE words into buf; 0
 * when it has none. */
static int
filters(const fz_node *doc, char *buf, size_t size)
{
	const fz_node *w = fz_node_get(doc, "where");
	size_t len = 0;

	buf[0] = '\0';
	if (w == NULL || w->type != FZ_MAP || w->n == 0)
		return 0;
	for (size_t i = 0; i < w->n && len < size; i++) {
		const fz_node *v = w->kids[2 * i + 1];
		int k;

		/* The context's helpers (type_label) were not read. */
		if (w->kids[2 * i]->line == 0)
			continue;
		k = snprintf(buf + len, size - len, "%s%s=%s", len ? " " : "",
		    w->kids[2 * i]->str, v->type == FZ_SCALAR ? v->str : "…");

		len += k > 0 ? (size_t)k : 0;
	}
	return 1;
}

/* The first document of kind, by the key alone when by is not NULL. */
static const fz_node *
first(const fz_render_ctx *c, const char *kind, const char *by)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		const fz_node *b = fz_node_get(c->docs[i], "by");

		if (c->kinds[i] == NULL || strcmp(c->kinds[i], kind) != 0)
			continue;
		if (by == NULL || (b != NULL && b->type == FZ_SEQ &&
		    b->n == 1 && b->kids[0]->type == FZ_SCALAR &&
		    !strcmp(b->kids[0]->str, by)))
			return c->docs[i];
	}
	return NULL;
}

/* Every tally and metrics document of the period of the first tally
 * (else of the first metrics document): the yearbook's. */
static int
same_period(const fz_render_ctx *c, const fz_node *year, fz_error *err)
{
	const char *from = scalar(year, "from"), *to = scalar(year, "to");

	for (size_t i = 0; i < c->ndocs && from != NULL && to != NULL; i++) {
		const fz_node *d = c->docs[i];
		const char *f = scalar(d, "from"), *t = scalar(d, "to");

		if (c->kinds[i] == NULL || (strcmp(c->kinds[i], "tally") &&
		    strcmp(c->kinds[i], "metrics")) || (f != NULL && t != NULL &&
		    !strcmp(f, from) && !strcmp(t, to)))
			continue;
		return fz_error_set(err, FZ_DATAERR, d->file, d->line, d->col,
		    "this document counts %s to %s, the yearbook %s to %s "
		    "(the period of %s:%u:%u): make it again over the "
		    "yearbook's period, or give the documents of one period",
		    f != NULL ? f : "?", t != NULL ? t : "?", from, to,
		    year->file != NULL ? year->file : "", year->line,
		    year->col);
	}
	return FZ_OK;
}

/* The tally of the bureau's random and joint checks: of the bureau's
 * inspections alone, by its where or by its reporters. */
static int
type_tally(const fz_node *d, fz_error *err)
{
	const fz_node *reps = fz_node_get(d, "reporters");
	char where[256];

	if (filters(d, where, sizeof where)) {
		if (!strcmp(where, "reported_by=bureau"))
			return FZ_OK;
		return fz_error_set(err, FZ_DATAERR, d->file, d->line, d->col,
		    "this tally by type counts only the records with %s "
		    "(--where): the yearbook's random and joint checks are a "
		    "part of all the bureau's visits; give a tally --by type "
		    "--where reported_by=bureau", where);
	}
	for (size_t i = 0; reps != NULL && reps->type == FZ_SEQ &&
	    i < reps->n; i++) {
		const char *r = scalar(reps->kids[i], "reported_by");

		if (r == NULL || strcmp(r, "bureau") != 0)
			reps = NULL;
	}
	if (reps != NULL && reps->type == FZ_SEQ)
		return FZ_OK;
	return fz_error_set(err, FZ_DATAERR, d->file, d->line, d->col,
	    "this tally by type counts the towns' inspections beside the "
	    "bureau's (or does not say whose): the yearbook's random and "
	    "joint checks are a part of the bureau's visits; give a tally "
	    "--by type --where reported_by=bureau");
}

/* A document whose figures must be of all the records: none of where;
 * else the error msg (a format of the filters, N_ marked). */
static int
whole(const fz_node *d, const char *msg, fz_error *err)
{
	char where[256];

	if (d == NULL || !filters(d, where, sizeof where))
		return FZ_OK;
	return fz_error_set(err, FZ_DATAERR, d->file, d->line, d->col, msg,
	    where);
}

int
fz_render__statistics_check(const fz_render_ctx *c, fz_error *err)
{
	const fz_node *tally = first(c, "tally", NULL);
	const fz_node *metrics = first(c, "metrics", NULL);
	const fz_node *by_rep = first(c, "tally", "reported_by");
	const fz_node *by_type = first(c, "tally", "type");
	int rc;

	if ((tally != NULL || metrics != NULL) && (rc = same_period(c,
	    tally != NULL ? tally : metrics, err)) != FZ_OK)
		return rc;
	if ((rc = whole(tally, N_("this tally counts only the records with "
	    "%s (--where): the yearbook's totals are the first tally's and "
	    "must count every record; give first a tally made without "
	    "--where"), err)) != FZ_OK ||
	    (rc = whole(by_rep, N_("this tally by reported_by counts only "
	    "the records with %s (--where): the yearbook's bureau's "
	    "inspections are all of them; make it again without --where"),
	    err)) != FZ_OK ||
	    (rc = whole(metrics, N_("this metrics document counts only %s "
	    "(--where): the yearbook's licences are the whole catalogue's; "
	    "make it again without --where"), err)) != FZ_OK)
		return rc;
	return by_type != NULL ? type_tally(by_type, err) : FZ_OK;
}
