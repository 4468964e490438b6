/* tally.c - the inspection and case tally of FORMATS.md.
 *
 * Inspections are counted as they stream by.  For the distinct counts
 * (units, outings, person-times) entities, outings and inspectors are
 * interned to numbers, and memberships kept as sets of number pairs (row
 * and entity, row and outing, row outing and inspector): 8 to 16 bytes a
 * membership, so memory grows with distinct entities and outings, never
 * with records.  Cases are few: they are
 * kept, and their indicators computed at the end, when the period bounds
 * are known.  Rows and merges share one code path: a merge adds a
 * mergeable tally's sets and cases as if its records had been read. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cases/cases.h"
#include "tally_int.h"

const char *const fz_tally_indicators[] = { "visits", "units",
	"person_times", "outings", "violations", "banned", "leader_led",
	"filed", "closed", "open", "closed_on_time", "overdue", "reviewed",
	"published_on_time", "fines", "major", "major_supervised",
	"major_av_recorded", "simple_procedure", "general_decided",
	"general_within_half", "mean_decision_days", "not_punished_minor",
	"not_punished_first_offense", "not_punished_no_fault", "hearings",
	"served_on_time", "transferred", "reviewed_required",
	"reconsiderations", "reconsiderations_corrected", "litigations",
	"litigations_lost", "leader_appeared", "penalized",
	"penalty_revocation", "penalty_suspension", "penalty_confiscation",
	"penalty_fine", "penalty_warning", NULL };

/* A tally by by[0..nby) (checked), its intern maps those of owner when
 * there is one. */
static fz_tally *
tally_make(char *const *by, int nby, fz_tally *owner)
{
	fz_tally *t = fz_xcalloc(1, sizeof *t);

	t->by = fz_xcalloc((size_t)nby + 1, sizeof *t->by);
	t->period = fz_xcalloc((size_t)nby + 1, sizeof *t->period);
	t->nby = nby;
	t->finest = -1;
	for (int i = 0; i < nby; i++) {
		t->by[i] = fz_xstrdup(by[i]);
		t->period[i] = fz_period_parse(by[i]);
		if (t->period[i] != FZ_P_NONE && (t->finest < 0 ||
		    t->period[i] > t->period[t->finest]))
			t->finest = i;
	}
	t->from = t->to = t->lo = t->hi = FZ_NODATE;
	t->arena = fz_arena_new();
	t->scratch = fz_arena_new();
	t->rowmap = fz_map_new();
	t->rep_inner = owner != NULL;
	t->entity_ids = owner ? owner->entity_ids : fz_map_new();
	t->outing_ids = owner ? owner->outing_ids : fz_map_new();
	t->inspector_ids = owner ? owner->inspector_ids : fz_map_new();
	t->units = fz_u64map_new();
	t->outings = fz_u64map_new();
	t->persons = fz_u64map_new();
	t->all_persons = fz_u64map_new();
	t->caseids = fz_map_new();
	return t;
}

/* What a tally counts, and the periods --by takes beside their keys. */
static const enum fz_kind counted[] = { FZ_KIND_INSPECTIONS, FZ_KIND_CASES,
	FZ_KIND_COMPLAINTS, FZ_KIND_DOCUMENTS, FZ_KIND_ACTIVITIES };
#define NCOUNTED (sizeof counted / sizeof counted[0])
static const char *const by_periods[] = { "year", "quarter", "month", "week",
	"day", NULL };

void
fz_tally_words(const char *what, fz_buf *b)
{
	fz_complete_words(what, counted, NCOUNTED, by_periods, 1, b);
}

/* The periods, then the filled keys: what --by takes beside the keys of
 * the records, into extra (room for 16). */
static const char *const *
by_extra(const char *const *filled, const char **extra)
{
	size_t n = 0;

	for (size_t i = 0; by_periods[i] != NULL; i++)
		extra[n++] = by_periods[i];
	for (size_t i = 0; filled != NULL && filled[i] != NULL && n < 15; i++)
		extra[n++] = filled[i];
	extra[n] = NULL;
	return extra;
}

/* FZ_USAGE when key is one the towns fill and none are given: it is no
 * typo, and the message says what gives it. */
static int
towns_missing(const char *opt, const char *key, const char *const *filled,
    fz_error *err)
{
	for (size_t i = 0; filled == NULL && fz_directory_town_keys[i]; i++)
		if (strcmp(key, fz_directory_town_keys[i]) == 0)
			return fz_error_set(err, FZ_USAGE, NULL, 0, 0, "%s: %s "
			    "comes from the towns: give --towns FILE", opt, key);
	return FZ_OK;
}

fz_tally *
fz_tally_new(char *const *by, int nby, fz_error *err)
{
	return fz_tally_new_filled(by, nby, NULL, err);
}

fz_tally *
fz_tally_new_filled(char *const *by, int nby, const char *const *filled,
    fz_error *err)
{
	static char *const rep_by[] = { "reported_by" };
	static const char *const reporters[] = { "bureau", "town" };
	const char *extra[16];
	fz_tally *t;

	by_extra(filled, extra);
	for (int i = 0; i < nby; i++) {
		if (by[i][0] == '\0') {
			fz_error_set(err, FZ_USAGE, NULL, 0, 0, "--by: empty key");
			return NULL;
		}
		/* A key no record has would give one row of nulls. */
		if (towns_missing("--by", by[i], filled, err) != FZ_OK ||
		    fz_key_check("--by", by[i], counted, NCOUNTED, extra, err) !=
		    FZ_OK)
			return NULL;
		for (int j = 0; j < i; j++)
			if (strcmp(by[i], by[j]) == 0) {
				fz_error_set(err, FZ_USAGE, NULL, 0, 0,
				    "--by: '%s' named twice", by[i]);
				return NULL;
			}
	}
	t = tally_make(by, nby, NULL);
	t->filled = filled;
	/* The bureau's and the towns' inspections apart, each with its
	 * row even when it has none. */
	t->rep = tally_make(rep_by, 1, t);
	for (size_t i = 0; i < 2; i++)
		fz_tally__row(t->rep, &reporters[i]);
	return t;
}

void
fz_tally_free(fz_tally *t)
{
	if (t == NULL)
		return;
	fz_tally_free(t->rep);
	fz_tally__complaints_free(t);
	fz_tally__register_free(t->documents);
	fz_tally__register_free(t->activities);
	for (int i = 0; i < t->nby; i++)
		free(t->by[i]);
	free(t->by);
	free(t->period);
	for (size_t i = 0; i < t->nwhere; i++) {
		free(t->where_key[i]);
		free(t->where_value[i]);
	}
	free(t->where_key);
	free(t->where_value);
	free(t->rows);
	fz_map_free(t->rowmap);
	if (!t->rep_inner) {
		fz_map_free(t->entity_ids);
		fz_map_free(t->outing_ids);
		fz_map_free(t->inspector_ids);
	}
	fz_u64map_free(t->units);
	fz_u64map_free(t->outings);
	fz_u64map_free(t->persons);
	fz_u64map_free(t->all_persons);
	free(t->ro);
	fz_map_free(t->caseids);
	fz_buf_free(&t->key);
	free(t->cases);
	free(t->order);
	free(t->covers);
	fz_arena_free(t->arena);
	fz_arena_free(t->scratch);
	free(t);
}

void
fz_tally_set_range(fz_tally *t, fz_date from, fz_date to)
{
	t->from = from;
	t->to = to;
	t->fill = from != FZ_NODATE && to != FZ_NODATE;
	t->finished = 0;
	if (t->rep != NULL)
		fz_tally_set_range(t->rep, from, to);
}
void fz_tally_set_calendar(fz_tally *t, const fz_calendar *c) { t->cal = c; }

int
fz_tally_set_where(fz_tally *t, const fz_where *w, fz_error *err)
{
	const char *k, *v;
	int rc;

	for (size_t i = 0; i < fz_where_count(w); i++) {
		fz_where_get(w, i, &k, &v);
		if ((rc = towns_missing("--where", k, t->filled, err)) != FZ_OK)
			return rc;
	}
	if ((rc = fz_where_check(w, counted, NCOUNTED, t->filled, err)) != FZ_OK)
		return rc;
	t->nwhere = fz_where_count(w);
	t->where_key = fz_xcalloc(t->nwhere + 1, sizeof(char *));
	t->where_value = fz_xcalloc(t->nwhere + 1, sizeof(char *));
	for (size_t i = 0; i < t->nwhere; i++) {
		fz_where_get(w, i, &k, &v);
		t->where_key[i] = fz_xstrdup(k);
		t->where_value[i] = fz_xstrdup(v);
	}
	return FZ_OK;
}

/* The map key of the row of group values keys, in t->key. */
static void
row_key(fz_tally *t, const char *const *keys)
{
	fz_buf_reset(&t->key);
	for (int i = 0; i < t->nby; i++) {
		if (keys[i] == NULL)
			fz_buf_add(&t->key, "\x1e", 1);
		else
			fz_buf_adds(&t->key, keys[i]);
		fz_buf_add(&t->key, "\x1f", 1);
	}
}

uint32_t
fz_tally__row(fz_tally *t, const char *const *keys)
{
	int added;
	void **slot;

	row_key(t, keys);
	slot = fz_map_insert(t->rowmap, t->key.data, t->key.len, &added,
	    NULL);
	if (!added)
		return (uint32_t)((uintptr_t)*slot - 1);
	if (t->nrows == t->caprows) {
		t->caprows = t->caprows ? 2 * t->caprows : 64;
		t->rows = fz_xrealloc(t->rows, t->caprows * sizeof *t->rows);
	}
	struct row *r = &t->rows[t->nrows];
	memset(r, 0, sizeof *r);
	r->keys = fz_arena_alloc(t->arena, ((size_t)t->nby + 1) *
	    sizeof *r->keys);
	for (int i = 0; i < t->nby; i++)
		r->keys[i] = keys[i] ? fz_arena_strdup(t->arena, keys[i]) : NULL;
	*slot = (void *)(uintptr_t)(t->nrows + 1);
	t->finished = 0;
	return (uint32_t)t->nrows++;
}

/* The number of s in an intern map, in first-seen order; *added is 1
 * when s is new. */
uint32_t
fz_tally__intern(fz_map *m, const char *s, int *added)
{
	void **slot = fz_map_insert(m, s, strlen(s), added, NULL);

	if (*added)
		*slot = (void *)(uintptr_t)fz_map_count(m);
	return (uint32_t)((uintptr_t)*slot - 1);
}

static uint64_t
pair(uint32_t a, uint32_t b)
{
	return (uint64_t)a << 32 | b;
}

void
fz_tally__entity(fz_tally *t, uint32_t row, const char *id)
{
	int added;
	uint32_t e = fz_tally__intern(t->entity_ids, id, &added);

	t->total.c.units += added;
	t->rows[row].c.units += fz_u64set_add(t->units, pair(row, e));
}

/* The row outing number of (row, outing), made when new. */
uint32_t
fz_tally__row_outing(fz_tally *t, uint32_t row, const char *outing,
    uint32_t *o)
{
	int added;
	uint32_t *slot;

	*o = fz_tally__intern(t->outing_ids, outing, &added);
	t->total.c.outings += added;
	slot = fz_u64map_insert(t->outings, pair(row, *o), &added);
	if (added) {
		if (t->nro == t->capro) {
			t->capro = t->capro ? 2 * t->capro : 256;
			t->ro = fz_xrealloc(t->ro, t->capro * sizeof *t->ro);
		}
		t->ro[t->nro].row = row;
		t->ro[t->nro].outing = *o;
		*slot = (uint32_t)++t->nro;
		t->rows[row].c.outings++;
	}
	return *slot - 1;
}

void
fz_tally__outing(fz_tally *t, uint32_t row, const char *outing,
    fz_node *const *inspectors, size_t n)
{
	uint32_t o, ro, p;
	int added;

	/* Visits of one outing come together: ask the maps once. */
	if (t->last_outing == NULL || t->last_row != row ||
	    strcmp(t->last_outing, outing) != 0) {
		ro = fz_tally__row_outing(t, row, outing, &o);
		t->last_row = row;
		t->last_o = o;
		t->last_ro = ro;
		t->last_outing = fz_map_key(t->outing_ids, o, NULL);
	}
	o = t->last_o;
	ro = t->last_ro;
	for (size_t i = 0; i < n; i++) {
		p = fz_tally__intern(t->inspector_ids, inspectors[i]->str, &added);
		t->rows[row].c.person_times += fz_u64set_add(t->persons,
		    pair(ro, p));
		t->total.c.person_times += fz_u64set_add(t->all_persons,
		    pair(o, p));
	}
}

void
fz_tally__seen(fz_tally *t, fz_date d)
{
	if (d == FZ_NODATE)
		return;
	if (t->lo == FZ_NODATE || d < t->lo)
		t->lo = d;
	if (t->hi == FZ_NODATE || d > t->hi)
		t->hi = d;
}

static int
in_range(const fz_tally *t, fz_date d)
{
	return d != FZ_NODATE && (t->from == FZ_NODATE || d >= t->from) &&
	    (t->to == FZ_NODATE || d <= t->to);
}


/* The group values of a record at date d, into vals (scratch memory). */
static void
record_keys(fz_tally *t, fz_arena *scratch, const fz_node *rec, fz_date d,
    const char **vals)
{
	for (int i = 0; i < t->nby; i++) {
		if (t->period[i] != FZ_P_NONE) {
			char *buf = fz_arena_alloc(scratch, 16);
			vals[i] = fz_period_label(t->period[i], d, buf);
		} else {
			vals[i] = fz_node_group_value(scratch,
			    fz_record_get(FZ_KIND_INSPECTIONS, rec, t->by[i]));
		}
	}
}

static long long
distinct_inspectors(const fz_node *list)
{
	long long n = 0;

	for (size_t i = 0; list != NULL && i < list->n; i++) {
		size_t j = 0;

		while (j < i && strcmp(list->kids[j]->str,
		    list->kids[i]->str) != 0)
			j++;
		n += j == i;
	}
	return n;
}

/* Count inspection in in row of t (and in t's totals). */
static void
count_inspection(fz_tally *t, uint32_t row, const fz_inspection *in)
{
	for (int k = 0; k < 2; k++) {
		struct row *r = k ? &t->total : &t->rows[row];

		r->c.visits++;
		r->c.violations += in->result == FZ_RESULT_VIOLATION;
		r->c.banned += in->result == FZ_RESULT_BANNED;
		r->c.leader_led += in->leader_led == 1;
		if (in->outing == NULL) {
			long long n = distinct_inspectors(in->inspectors);

			r->solo_outings++;
			r->solo_person_times += n;
			r->c.outings++;
			r->c.person_times += n;
		}
	}
	fz_tally__entity(t, row, in->entity);
	if (in->outing != NULL)
		fz_tally__outing(t, row, in->outing, in->inspectors->kids,
		    in->inspectors->n);
}

void
fz_tally_add_inspection(fz_tally *t, const fz_inspection *in,
    const fz_node *rec)
{
	fz_arena *scratch;
	const char **vals;

	if (!in_range(t, in->date))
		return;
	t->inputs[FZ_KIND_INSPECTIONS]++;
	fz_tally__seen(t, in->date);
	scratch = t->scratch;
	fz_arena_reset(scratch);
	vals = fz_arena_alloc(scratch, ((size_t)t->nby + 1) * sizeof *vals);
	record_keys(t, scratch, rec, in->date, vals);
	count_inspection(t, fz_tally__row(t, vals), in);
	/* The reporters' rows were made in the order of enum fz_reporter. */
	if (t->rep != NULL)
		count_inspection(t->rep, in->reported_by == FZ_REPORTED_TOWN,
		    in);
}

/* A complaint, in the period of the day it was received. */
int
fz_tally_add_complaint(fz_tally *t, const fz_complaint *c,
    const fz_node *rec, fz_error *err)
{
	int rc;

	fz_tally__complaints_open(t);
	if (!in_range(t, c->received))
		return FZ_OK;
	if ((rc = fz_tally__complaint(t, c, rec, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_COMPLAINTS]++;
	fz_tally__seen(t, c->received);
	return FZ_OK;
}

/* A document, in the period of the day it was issued. */
int
fz_tally_add_document(fz_tally *t, const fz_document *d, const fz_node *rec,
    fz_error *err)
{
	int rc;

	fz_tally__documents_open(t);
	if (!in_range(t, d->issued))
		return FZ_OK;
	if ((rc = fz_tally__document(t, d, rec, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_DOCUMENTS]++;
	fz_tally__seen(t, d->issued);
	return FZ_OK;
}

/* An activity, in the period of its day (date, or from). */
int
fz_tally_add_activity(fz_tally *t, const fz_activity *a, const fz_node *rec,
    fz_error *err)
{
	fz_date d = fz_activity_day(a);
	int rc;

	fz_tally__activities_open(t);
	if (!in_range(t, d))
		return FZ_OK;
	if ((rc = fz_tally__activity(t, a, rec, err)) != FZ_OK)
		return rc;
	t->inputs[FZ_KIND_ACTIVITIES]++;
	fz_tally__seen(t, d);
	return FZ_OK;
}

/* ---------------------------------------------------------------- cases */

int
fz_tally__case(fz_tally *t, const struct tcase *c, fz_error *err,
    const fz_node *at)
{
	int added;
	void **slot = fz_map_insert(t->caseids, c->k.id, strlen(c->k.id),
	    &added, NULL);
	struct fz_tally__hit hit[FZ_TALLY__MAXHITS];
	size_t n;

	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0,
		    "case '%s' is counted twice", c->k.id);
	if (t->ncases == t->capcases) {
		t->capcases = t->capcases ? 2 * t->capcases : 64;
		t->cases = fz_xrealloc(t->cases, t->capcases * sizeof *t->cases);
	}
	t->cases[t->ncases] = *c;
	t->cases[t->ncases].k.id = fz_arena_strdup(t->arena, c->k.id);
	*slot = (void *)(uintptr_t)++t->ncases;
	fz_tally__seen(t, c->k.filed);
	fz_tally__seen(t, c->k.closed);
	fz_tally__seen(t, c->k.decided);
	/* A figure's date is the case's too: a tally without a range
	 * reaches it. */
	n = fz_tally__case_hits(NULL, &c->k, hit);
	for (size_t i = 0; i < n; i++)
		fz_tally__seen(t, hit[i].date);
	t->finished = 0;
	return FZ_OK;
}

int
fz_tally_add_case(fz_tally *t, const fz_case *fc, const fz_node *rec,
    fz_error *err)
{
	struct tcase c;

	fz_tally__case_copy(&c.k, fc);
	c.keys = fz_arena_alloc(t->arena, ((size_t)t->nby + 1) *
	    sizeof *c.keys);
	for (int i = 0; i < t->nby; i++) {
		c.keys[i] = NULL;
		if (t->period[i] == FZ_P_NONE)
			c.keys[i] = fz_node_group_value(t->arena,
			    fz_record_get(FZ_KIND_CASES, rec, t->by[i]));
	}
	return fz_tally__case(t, &c, err, fz_node_get(rec, "id"));
}

/* The group values of case c for date d, into t's scratch memory. */
static const char **
case_keys(fz_tally *t, const struct tcase *c, fz_date d)
{
	const char **vals;

	fz_arena_reset(t->scratch);
	vals = fz_arena_alloc(t->scratch, ((size_t)t->nby + 1) * sizeof *vals);
	for (int i = 0; i < t->nby; i++) {
		if (t->period[i] == FZ_P_NONE) {
			vals[i] = c->keys[i];
		} else {
			char *buf = fz_arena_alloc(t->scratch, 16);
			vals[i] = fz_period_label(t->period[i], d, buf);
		}
	}
	return vals;
}

/* The row of case c for date d, made when new. */
static struct row *
case_row(fz_tally *t, const struct tcase *c, fz_date d)
{
	uint32_t row = fz_tally__row(t, case_keys(t, c, d));	/* may move t->rows */

	return &t->rows[row];
}

/* The row of case c for date d when the tally has it, or NULL. */
static struct row *
case_row_if(fz_tally *t, const struct tcase *c, fz_date d)
{
	const char **vals = case_keys(t, c, d);
	void **slot;

	row_key(t, vals);
	slot = fz_map_find(t->rowmap, t->key.data, t->key.len);
	return slot ? &t->rows[(uintptr_t)*slot - 1] : NULL;
}

static int
within(fz_date d, fz_date from, fz_date to)
{
	return d != FZ_NODATE && d >= from && d <= to;
}

static int
open_at(const struct tcase *c, fz_date e)
{
	return c->k.filed <= e && (c->k.closed == FZ_NODATE ||
	    c->k.closed > e);
}

static int
overdue_at(const struct tcase *c, fz_date e)
{
	fz_date dec = fz_cases_decision_of(&c->k);

	return c->k.filed <= e && e > fz_cases_decision_limit(&c->k) &&
	    (dec == FZ_NODATE || dec > e);
}

#define BUMP(field, date, n) do { \
	case_row(t, c, date)->c.field += (n); \
	t->total.c.field += (n); \
} while (0)

static void
case_flows(fz_tally *t, const struct tcase *c, fz_date from, fz_date to)
{
	fz_date dec = fz_cases_decision_of(&c->k);

	if (within(c->k.filed, from, to))
		BUMP(filed, c->k.filed, 1);
	if (within(c->k.closed, from, to)) {
		BUMP(closed, c->k.closed, 1);
		if (dec != FZ_NODATE && dec <= fz_cases_decision_limit(&c->k))
			BUMP(closed_on_time, c->k.closed, 1);
	}
	if (within(c->k.decided, from, to)) {
		if (c->k.legal_review != FZ_NODATE &&
		    c->k.legal_review <= c->k.decided)
			BUMP(reviewed, c->k.decided, 1);
		if (fz_cases_published_on_time(t->cal, &c->k))
			BUMP(published_on_time, c->k.decided, 1);
	}
	if (c->k.fine != FZ_NOMONEY && within(dec, from, to))
		BUMP(fines, dec, c->k.fine);
}

/* The case figures of c (tally_figures.c) whose dates are in range. */
static void
case_figures(fz_tally *t, const struct tcase *c, fz_date from, fz_date to)
{
	struct fz_tally__hit hit[FZ_TALLY__MAXHITS];
	size_t n = fz_tally__case_hits(t->cal, &c->k, hit);

	for (size_t i = 0; i < n; i++) {
		if (!within(hit[i].date, from, to))
			continue;
		*(long long *)((char *)&case_row(t, c, hit[i].date)->c +
		    hit[i].field) += hit[i].n;
		*(long long *)((char *)&t->total.c + hit[i].field) += hit[i].n;
	}
}

/* The first days of the periods of the finest period key that have a
 * row, sorted and each once (free); *n their number. */
static fz_date *
row_periods(const fz_tally *t, size_t *n)
{
	enum fz_period p = t->period[t->finest];
	fz_date *v = fz_xcalloc(t->nrows + 1, sizeof *v);
	size_t m = 0;

	for (size_t i = 0; i < t->nrows; i++) {
		const char *label = t->rows[i].keys[t->finest];

		if (label != NULL && fz_period_first(p, label, &v[m]) == 0)
			m++;
	}
	qsort(v, m, sizeof *v, fz_date_cmp);
	*n = 0;
	for (size_t i = 0; i < m; i++)
		if (*n == 0 || v[*n - 1] != v[i])
			v[(*n)++] = v[i];
	return v;
}

/* Case c's stock at e, the end of a period (or of the tally): into its
 * row, made when make, else only when the tally has it.  0 once the
 * case is closed and decided by e: no later period has it. */
static int
stock_at(fz_tally *t, const struct tcase *c, fz_date e, int make)
{
	fz_date dec = fz_cases_decision_of(&c->k);
	struct row *r;

	if (open_at(c, e) && (r = make ? case_row(t, c, e) :
	    case_row_if(t, c, e)) != NULL)
		r->c.open++;
	if (overdue_at(c, e) && (r = make ? case_row(t, c, e) :
	    case_row_if(t, c, e)) != NULL)
		r->c.overdue++;
	return !(c->k.closed != FZ_NODATE && c->k.closed <= e &&
	    dec != FZ_NODATE && dec <= e);
}

/* open and overdue at the end of every period the case lives in: every
 * period of an explicit range (fill), else only the periods that have
 * rows, the first days of which are periods[0..n). */
static void
case_stock(fz_tally *t, const struct tcase *c, fz_date from, fz_date to,
    const fz_date *periods, size_t n)
{
	enum fz_period p;
	fz_date d, first, last, start = c->k.filed > from ? c->k.filed : from;
	size_t lo = 0, hi = n;

	t->total.c.open += open_at(c, to);
	t->total.c.overdue += overdue_at(c, to);
	if (t->finest < 0) {
		stock_at(t, c, to, 1);
		return;
	}
	p = t->period[t->finest];
	if (t->fill) {
		for (d = start; d <= to; d = last + 1) {
			fz_period_bounds(p, d, &first, &last);
			if (!stock_at(t, c, last < to ? last : to, 1))
				break;
		}
		return;
	}
	while (lo < hi) {		/* the first period ending at start or later */
		size_t mid = lo + (hi - lo) / 2;

		fz_period_bounds(p, periods[mid], &first, &last);
		if (last < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n && periods[i] <= to; i++) {
		fz_period_bounds(p, periods[i], &first, &last);
		if (!stock_at(t, c, last < to ? last : to, 0))
			break;
	}
}

static void
clear_case_counts(fz_tally_counts *c)
{
	c->filed = c->closed = c->open = c->closed_on_time = c->overdue = 0;
	c->reviewed = c->published_on_time = 0;
	c->fines = 0;
	/* The case figures, all after fines. */
	memset(&c->major, 0, sizeof *c - offsetof(fz_tally_counts, major));
}

static const fz_tally *sort_tally;

static int
cmp_rows(const void *a, const void *b)
{
	const struct row *x = &sort_tally->rows[*(const size_t *)a];
	const struct row *y = &sort_tally->rows[*(const size_t *)b];

	for (int i = 0; i < sort_tally->nby; i++) {
		const char *p = x->keys[i], *q = y->keys[i];
		int c;

		if (p == NULL || q == NULL) {
			if (p != q)
				return p == NULL ? 1 : -1;	/* null last */
			continue;
		}
		if ((c = strcmp(p, q)) != 0)
			return c;
	}
	return 0;
}

void
fz_tally__range(const fz_tally *t, fz_date *from, fz_date *to)
{
	*from = t->from != FZ_NODATE ? t->from : t->lo;
	*to = t->to != FZ_NODATE ? t->to : t->hi;
}

void
fz_tally_finish(fz_tally *t)
{
	fz_date from, to;

	if (t->finished)
		return;
	for (size_t i = 0; i < t->nrows; i++)
		clear_case_counts(&t->rows[i].c);
	clear_case_counts(&t->total.c);
	fz_tally__range(t, &from, &to);
	/* The flows first: without an explicit range, the stock goes only
	 * into the rows they and the inspections made, whatever the order
	 * of the cases. */
	if (from != FZ_NODATE && to != FZ_NODATE) {
		fz_date *periods = NULL;
		size_t n = 0;

		for (size_t i = 0; i < t->ncases; i++) {
			case_flows(t, &t->cases[i], from, to);
			case_figures(t, &t->cases[i], from, to);
		}
		if (!t->fill && t->finest >= 0)
			periods = row_periods(t, &n);
		for (size_t i = 0; i < t->ncases; i++)
			case_stock(t, &t->cases[i], from, to, periods, n);
		free(periods);
	}
	free(t->order);
	t->order = fz_xcalloc(t->nrows + 1, sizeof *t->order);
	for (size_t i = 0; i < t->nrows; i++)
		t->order[i] = i;
	sort_tally = t;
	qsort(t->order, t->nrows, sizeof *t->order, cmp_rows);
	sort_tally = NULL;
	t->finished = 1;
	if (t->rep != NULL)
		fz_tally_finish(t->rep);
}

size_t
fz_tally_nrows(const fz_tally *t)
{
	return t->nrows;
}

const fz_tally_counts *
fz_tally_row(const fz_tally *t, size_t i, const char *const **keys)
{
	const struct row *r = &t->rows[t->order[i]];

	if (keys != NULL)
		*keys = r->keys;
	return &r->c;
}

const fz_tally_counts *
fz_tally_totals(const fz_tally *t)
{
	return &t->total.c;
}

const fz_tally_counts *
fz_tally_reporter(fz_tally *t, const char *reporter)
{
	if (t->rep == NULL || t->rep_lost)
		return NULL;
	fz_tally_finish(t);
	for (size_t i = 0; i < t->rep->nrows; i++)
		if (t->rep->rows[i].keys[0] != NULL &&
		    strcmp(t->rep->rows[i].keys[0], reporter) == 0)
			return &t->rep->rows[i].c;
	return NULL;
}
