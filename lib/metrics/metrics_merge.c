/* metrics_merge.c - metrics written with mergeable and added up: each
 * matter's counts are sums (fz_metrics__add_counts, as for the parts of
 * one file), so the merge gives what one run over all the inputs gives,
 * as long as the inputs share the catalogue, the period and the
 * conditions and no application is in two of them.  Whatever breaks
 * that is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics_int.h"

/* The counts of a matter in the order they are written as sums:. */
#define NCOUNTS 20

static void
count_slots(struct app_counts *c, long long *v[NCOUNTS])
{
	long long *fixed[] = { &c->received, &c->completed, &c->pending,
		&c->by_action[0], &c->by_action[1], &c->by_action[2],
		&c->by_action[3], &c->by_channel[0], &c->by_channel[1],
		&c->by_channel[2], &c->by_outcome[0], &c->by_outcome[1],
		&c->by_outcome[2], &c->site_surveys, &c->online_completed,
		&c->scored, &c->score_sum, &c->workdays, &c->timed,
		&c->on_time };

	memcpy(v, fixed, sizeof fixed);
}

/* Also the sum of a part of a file (metrics_parts.c). */
void
fz_metrics__add_counts(struct app_counts *to, const struct app_counts *c)
{
	struct app_counts from = *c;	/* count_slots writes through */
	long long *t[NCOUNTS], *v[NCOUNTS];

	count_slots(to, t);
	count_slots(&from, v);
	for (int k = 0; k < NCOUNTS; k++)
		*t[k] += *v[k];
}

void
fz_metrics_set_mergeable(fz_metrics *m)
{
	m->mergeable = 1;
	if (m->ids == NULL)
		m->ids = fz_map_new();
}

int
fz_metrics_is_mergeable(const fz_metrics *m)
{
	return m->mergeable;
}

static void
digest_str(fz_digest *d, const char *s)
{
	if (s != NULL)
		fz_digest_update(d, s, strlen(s) + 1);
	else
		fz_digest_update(d, "", 0);
	fz_digest_update(d, "\n", 1);
}

/* The SHA-256 of the catalogue as read: every field of every matter in
 * order, so two runs agree only on the same matters. */
static void
catalogue_digest(const fz_metrics *m, char hex[FZ_DIGEST_HEX])
{
	fz_digest *d = fz_digest_new(FZ_HASH_SHA256);
	char num[256];

	if (d == NULL)
		abort();	/* every libcrypto has SHA-256 */
	for (size_t i = 0; i < m->n; i++) {
		const fz_matter *t = &m->entries[i]->m;

		digest_str(d, t->code);
		digest_str(d, t->name);
		digest_str(d, t->parent);
		digest_str(d, t->office);
		snprintf(num, sizeof num, "%d %d %d %d %d %d %lld %lld %lld "
		    "%lld %d %d", t->level, t->type, t->online, t->mobile,
		    t->zero_trip, t->instant, t->statutory_days,
		    t->promised_days, t->materials, t->e_materials,
		    t->license, t->e_license);
		digest_str(d, num);
	}
	fz_digest_hex(d, hex);
	fz_digest_free(d);
}

/* The SHA-256 of the working days of m's calendar from a to b (the
 * dates of a document's applications): the days its working days and
 * on-time counts were taken over, so a merge under another calendar that
 * would count them otherwise is refused. */
static void
calendar_digest(const fz_metrics *m, fz_date a, fz_date b,
    char hex[FZ_DIGEST_HEX])
{
	fz_digest *d = fz_digest_new(FZ_HASH_SHA256);

	if (d == NULL)
		abort();	/* every libcrypto has SHA-256 */
	for (fz_date t = a; a != FZ_NODATE && t <= b; t++)
		fz_digest_update(d, fz_calendar_is_workday(m->cal, t) ?
		    "1" : "0", 1);
	fz_digest_hex(d, hex);
	fz_digest_free(d);
}

static void
write_counts(fz_metrics *m, fz_writer *w)
{
	long long *v[NCOUNTS];

	fz_write_key(w, "counts");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < m->n; i++) {
		struct app_counts *c = &m->entries[i]->apps;
		int any = 0;

		count_slots(c, v);
		for (int k = 0; k < NCOUNTS; k++)
			any |= *v[k] != 0;
		if (!any)
			continue;
		fz_write_map_begin(w, 1);
		fz_write_key(w, "matter");
		fz_write_str(w, m->entries[i]->m.code);
		fz_write_key(w, "sums");
		fz_write_seq_begin(w, 1);
		for (int k = 0; k < NCOUNTS; k++)
			fz_write_int(w, *v[k]);
		fz_write_seq_end(w);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

void
fz_metrics__write_mergeable(fz_metrics *m, fz_writer *w)
{
	char hex[FZ_DIGEST_HEX];

	catalogue_digest(m, hex);
	fz_write_key(w, "mergeable");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "matters_sha256");
	fz_write_str(w, hex);
	fz_write_key(w, "given");
	fz_write_seq_begin(w, 1);
	fz_write_date(w, m->from);
	fz_write_date(w, m->to);
	fz_write_seq_end(w);
	fz_write_key(w, "dates");
	fz_write_seq_begin(w, 1);
	fz_write_date(w, m->earliest);
	fz_write_date(w, m->latest);
	fz_write_seq_end(w);
	calendar_digest(m, m->earliest, m->latest, hex);
	fz_write_key(w, "workdays_sha256");
	fz_write_str(w, hex);
	fz_write_key_int(w, "applications", m->applications);
	fz_write_key(w, "ids");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < fz_map_count(m->ids); i++)
		fz_write_str(w, fz_map_key(m->ids, i, NULL));
	fz_write_seq_end(w);
	write_counts(m, w);
	fz_write_map_end(w);
}

static int
bad(fz_error *err, const fz_node *at, const char *what)
{
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col,
	    "%s", fz_gettext(what));
}

/* The two dates of key (null: none), as the list written above. */
static int
read_pair(const fz_node *mg, const char *key, fz_date d[2], fz_error *err)
{
	const fz_node *n = fz_node_get(mg, key);

	if (n == NULL || n->type != FZ_SEQ || n->n != 2)
		return bad(err, n ? n : mg, "a mergeable metrics needs its "
		    "given period and dates as lists of two");
	for (int i = 0; i < 2; i++) {
		const fz_node *k = n->kids[i];

		d[i] = FZ_NODATE;
		if (!fz_node_is_null(k) && (k->type != FZ_SCALAR ||
		    fz_date_parse(k->str, k->len, &d[i]) != 0))
			return bad(err, k, "a date or null expected");
	}
	return FZ_OK;
}

/* The document's where: against m's, condition by condition. */
static int
same_where(const fz_metrics *m, const fz_node *doc, fz_error *err)
{
	const fz_node *n = fz_node_get(doc, "where");
	size_t count = n != NULL && n->type == FZ_MAP ? n->n : 0;
	const char *key, *value;

	if (count != fz_where_count(m->where))
		return bad(err, n ? n : doc, "the metrics merged were counted "
		    "with other --where conditions");
	for (size_t i = 0; i < count; i++) {
		const fz_node *k = n->kids[2 * i], *v = n->kids[2 * i + 1];

		fz_where_get(m->where, i, &key, &value);
		if (k->type != FZ_SCALAR || v->type != FZ_SCALAR ||
		    strcmp(k->str, key) != 0 || strcmp(v->str, value) != 0)
			return bad(err, k, "the metrics merged were counted "
			    "with other --where conditions");
	}
	return FZ_OK;
}

static int
merge_ids(fz_metrics *m, const fz_node *mg, fz_error *err)
{
	const fz_node *n = fz_node_get(mg, "ids");
	int added;

	if (n == NULL || n->type != FZ_SEQ)
		return bad(err, n ? n : mg, "a mergeable metrics needs ids: "
		    "as a list");
	if (m->ids == NULL)
		m->ids = fz_map_new();
	for (size_t i = 0; i < n->n; i++) {
		const fz_node *k = n->kids[i];

		if (k->type != FZ_SCALAR)
			return bad(err, k, "ids: must be application ids");
		fz_map_insert(m->ids, k->str, k->len, &added, NULL);
		if (!added)
			return fz_error_set(err, FZ_DATAERR, k->file, k->line,
			    k->col, "application '%s' is counted in two of "
			    "the metrics merged", k->str);
	}
	return FZ_OK;
}

static int
merge_one(fz_metrics *m, const fz_node *row, fz_error *err)
{
	const fz_node *code = fz_node_get(row, "matter");
	const fz_node *n = fz_node_get(row, "sums");
	struct app_counts c = { 0 };
	long long *v[NCOUNTS];
	void **e;

	if (code == NULL || code->type != FZ_SCALAR || n == NULL ||
	    n->type != FZ_SEQ || n->n != NCOUNTS)
		return bad(err, row, "counts: rows need matter: and sums: "
		    "with 20 whole numbers");
	if ((e = fz_map_find(m->codes, code->str, code->len)) == NULL)
		return bad(err, code, "counts: names a matter not in the "
		    "catalogue");
	count_slots(&c, v);
	for (int k = 0; k < NCOUNTS; k++)
		if (n->kids[k]->type != FZ_SCALAR || fz_int_parse(
		    n->kids[k]->str, n->kids[k]->len, v[k]) != 0 || *v[k] < 0)
			return bad(err, n->kids[k], "counts: must be whole "
			    "numbers, not negative");
	fz_metrics__add_counts(&((struct entry *)*e)->apps, &c);
	return FZ_OK;
}

static int
merge_counts(fz_metrics *m, const fz_node *mg, fz_error *err)
{
	const fz_node *n = fz_node_get(mg, "counts");
	int rc;

	if (n == NULL || n->type != FZ_SEQ)
		return bad(err, n ? n : mg, "a mergeable metrics needs "
		    "counts: as a list");
	for (size_t i = 0; i < n->n; i++)
		if ((rc = merge_one(m, n->kids[i], err)) != FZ_OK)
			return rc;
	return FZ_OK;
}

/* The checks that make the sum exact, before anything is added. */
static int
check_doc(fz_metrics *m, const fz_node *doc, const fz_node *mg,
    fz_error *err)
{
	const fz_node *sha = fz_node_get(mg, "matters_sha256");
	char hex[FZ_DIGEST_HEX];
	fz_date given[2];
	int rc;

	catalogue_digest(m, hex);
	if (sha == NULL || sha->type != FZ_SCALAR || strcmp(sha->str, hex))
		return bad(err, sha ? sha : mg, "the metrics merged were "
		    "counted over another matter catalogue");
	if ((rc = read_pair(mg, "given", given, err)) != FZ_OK)
		return rc;
	if (given[0] != m->from || given[1] != m->to)
		return bad(err, fz_node_get(mg, "given"), "the metrics merged "
		    "were counted over another period");
	return same_where(m, doc, err);
}

static int
same_calendar(const fz_metrics *m, const fz_node *mg, const fz_date d[2],
    fz_error *err)
{
	const fz_node *sha = fz_node_get(mg, "workdays_sha256");
	char hex[FZ_DIGEST_HEX];

	calendar_digest(m, d[0], d[1], hex);
	if (sha == NULL || sha->type != FZ_SCALAR || strcmp(sha->str, hex))
		return bad(err, sha ? sha : mg, "the metrics merged were "
		    "counted with other working days (--calendar)");
	return FZ_OK;
}

int
fz_metrics_merge(fz_metrics *m, const fz_node *doc, fz_error *err)
{
	const fz_node *mg = fz_node_get(doc, "mergeable");
	const fz_node *apps;
	long long napps;
	fz_date dates[2];
	int rc;

	if (mg == NULL || mg->type != FZ_MAP)
		return bad(err, mg ? mg : doc, "the metrics were written "
		    "without --mergeable: they cannot be merged exactly");
	apps = fz_node_get(mg, "applications");
	if (apps == NULL || apps->type != FZ_SCALAR ||
	    fz_int_parse(apps->str, apps->len, &napps) != 0 || napps < 0)
		return bad(err, apps ? apps : mg, "applications: must be a "
		    "whole number");
	if ((rc = check_doc(m, doc, mg, err)) != FZ_OK ||
	    (rc = read_pair(mg, "dates", dates, err)) != FZ_OK ||
	    (rc = same_calendar(m, mg, dates, err)) != FZ_OK ||
	    (rc = merge_ids(m, mg, err)) != FZ_OK ||
	    (rc = merge_counts(m, mg, err)) != FZ_OK)
		return rc;
	m->applications += napps;
	fz_metrics__widen(m, dates[0]);
	fz_metrics__widen(m, dates[1]);
	return FZ_OK;
}
