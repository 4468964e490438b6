/* metrics.c - the "最多跑一次" approval figures: a kept catalogue of
 * matters, applications counted into their matter as they stream by,
 * and the figures of any group of matters summed from both.  Every rate
 * is an exact fraction; only its rounded value is written as a decimal. */
#include <stdlib.h>
#include <string.h>

#include "metrics_int.h"

fz_metrics *
fz_metrics_new(const fz_calendar *cal, fz_date from, fz_date to)
{
	fz_metrics *m = fz_xcalloc(1, sizeof *m);

	m->arena = fz_arena_new();
	m->codes = fz_map_new();
	m->files = fz_map_new();
	if (cal == NULL)
		cal = m->own_cal = fz_calendar_new();
	m->cal = cal;
	m->from = from;
	m->to = to;
	m->earliest = m->latest = FZ_NODATE;
	return m;
}

void
fz_metrics_free(fz_metrics *m)
{
	if (m == NULL)
		return;
	fz_arena_free(m->arena);
	fz_map_free(m->codes);
	fz_map_free(m->files);
	fz_map_free(m->ids);
	fz_where_free(m->where);
	fz_where_free(m->app_where);
	fz_where_free(m->matter_where);
	if (m->own_cal != NULL)
		fz_calendar_free(m->own_cal);
	free(m->entries);
	free(m->rows);
	free(m);
}

const fz_where *
fz_metrics_where_of(const fz_metrics *m, enum fz_kind k)
{
	return k == FZ_KIND_MATTERS ? m->matter_where : m->app_where;
}

/* What --where of the approval figures filters. */
static const enum fz_kind filtered[] = { FZ_KIND_APPLICATIONS,
	FZ_KIND_MATTERS };

void
fz_metrics_words(const char *what, fz_buf *b)
{
	static const char *const by[] = { "matter", "type", "office", NULL };

	fz_complete_words(what, filtered, 2, by, 0, b);
}

int
fz_metrics_set_where(fz_metrics *m, const fz_where *w, fz_error *err)
{
	const char *key, *value;
	int rc;

	if ((rc = fz_where_check(w, filtered, 2, NULL, err)) != FZ_OK)
		return rc;
	fz_where_free(m->where);
	fz_where_free(m->app_where);
	fz_where_free(m->matter_where);
	m->where = fz_where_new();
	m->app_where = fz_where_new();
	m->matter_where = fz_where_new();
	for (size_t i = 0; i < fz_where_count(w); i++) {
		char *cond;
		fz_where *to = m->app_where;

		fz_where_get(w, i, &key, &value);
		if (fz_field_find(FZ_KIND_APPLICATIONS, key) == NULL &&
		    fz_field_find(FZ_KIND_MATTERS, key) != NULL)
			to = m->matter_where;
		cond = fz_arena_printf(m->arena, "%s=%s", key, value);
		fz_where_add(m->where, cond, NULL);
		fz_where_add(to, cond, NULL);
	}
	return FZ_OK;
}

/* The position of key's value in rec, or of rec itself when key is NULL
 * or absent; file names are interned so they outlive the input. */
static struct pos
pos_of(fz_metrics *m, const fz_node *rec, const char *key)
{
	struct pos p = { NULL, 0, 0 };
	const fz_node *n = rec;

	if (key != NULL && fz_node_get(rec, key) != NULL)
		n = fz_node_get(rec, key);
	if (n == NULL)
		return p;
	if (n->file != NULL)
		fz_map_insert(m->files, n->file, strlen(n->file), NULL,
		    &p.file);
	p.line = n->line;
	p.col = n->col;
	return p;
}

static int
fail_at(struct pos p, fz_error *err, const char *fmt, const char *a,
    const char *b)
{
	return fz_error_set(err, FZ_DATAERR, p.file, p.line, p.col, fmt, a, b);
}

static const char *
keep(fz_metrics *m, const char *s)
{
	return s == NULL ? NULL : fz_arena_strdup(m->arena, s);
}

/* Limits within one matter, checked as it comes. */
static int
check_matter_fields(fz_metrics *m, const fz_matter *mt, const fz_node *rec,
    fz_error *err)
{
	if (mt->statutory_days != FZ_NOINT && mt->promised_days != FZ_NOINT &&
	    mt->promised_days > mt->statutory_days)
		return fail_at(pos_of(m, rec, "promised_days"), err,
		    "matter '%s': promised_days above statutory_days%s",
		    mt->code, "");
	if (mt->materials != FZ_NOINT && mt->e_materials != FZ_NOINT &&
	    mt->e_materials > mt->materials)
		return fail_at(pos_of(m, rec, "e_materials"), err,
		    "matter '%s': e_materials above materials%s", mt->code,
		    "");
	return FZ_OK;
}

int
fz_metrics_add_matter(fz_metrics *m, const fz_matter *mt, const fz_node *rec,
    fz_error *err)
{
	struct entry *e;
	int added;
	void **slot;

	if (check_matter_fields(m, mt, rec, err) != FZ_OK)
		return err->status;
	slot = fz_map_insert(m->codes, mt->code, strlen(mt->code), &added,
	    NULL);
	if (!added) {
		struct entry *first = *slot;
		char where[1100] = "";

		if (first->at.file != NULL)
			snprintf(where, sizeof where, _(" (first at %s:%u:%u)"),
			    first->at.file, first->at.line, first->at.col);
		return fail_at(pos_of(m, rec, "code"), err,
		    "duplicate matter code '%s'%s", mt->code, where);
	}
	e = fz_arena_alloc(m->arena, sizeof *e);
	memset(e, 0, sizeof *e);
	e->m = *mt;
	e->m.code = keep(m, mt->code);
	e->m.name = keep(m, mt->name);
	e->m.parent = keep(m, mt->parent);
	e->m.office = keep(m, mt->office);
	e->at = pos_of(m, rec, NULL);
	e->at_parent = pos_of(m, rec, "parent");
	e->selected = fz_where_count(m->matter_where) == 0 ||
	    (rec != NULL && fz_where_match(m->matter_where, FZ_KIND_MATTERS,
	    rec));
	*slot = e;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->entries = fz_xrealloc(m->entries,
		    m->cap * sizeof *m->entries);
	}
	e->index = m->n;
	m->entries[m->n++] = e;
	return FZ_OK;
}

static struct entry *
find(const fz_metrics *m, const char *code)
{
	void **slot = fz_map_find(m->codes, code, strlen(code));

	return slot == NULL ? NULL : *slot;
}

const fz_matter *
fz_metrics_matter(const fz_metrics *m, const char *code)
{
	struct entry *e = find(m, code);

	return e == NULL ? NULL : &e->m;
}

/* The working days a matter promises, or -1 when it promises none:
 * promised_days, else 0 for an instant matter (即办). */
static long long
promised_limit(const fz_matter *mt)
{
	if (mt->promised_days != FZ_NOINT)
		return mt->promised_days;
	return mt->instant == 1 ? 0 : -1;
}

static int
in_period(const fz_metrics *m, fz_date d)
{
	return d != FZ_NODATE && (m->from == FZ_NODATE || d >= m->from) &&
	    (m->to == FZ_NODATE || d <= m->to);
}

/* Completed on or before the limit-th working day after receipt, told
 * from the working days it took: fewer than the limit, or as many and
 * completed on a working day (a weekend after the deadline is late);
 * with no days allowed, the same day. */
static int
on_time(const fz_metrics *m, const fz_application *a, int days,
    long long limit)
{
	if (limit == 0)
		return a->completed == a->received;
	return days < limit || (days == limit &&
	    fz_calendar_is_workday(m->cal, a->completed));
}

static void
count_completed(fz_metrics *m, struct app_counts *c, const fz_matter *mt,
    const fz_application *a)
{
	long long limit = promised_limit(mt);
	int days = fz_calendar_workdays_between(m->cal, a->received,
	    a->completed);

	c->completed++;
	if (a->action >= 0 && a->action < 4)
		c->by_action[a->action]++;
	if (a->channel >= 0 && a->channel < 3)
		c->by_channel[a->channel]++;
	if (a->outcome >= 0 && a->outcome < 3)
		c->by_outcome[a->outcome]++;
	c->site_surveys += a->site_survey == 1;
	c->online_completed += a->channel == FZ_CHANNEL_ONLINE ||
	    a->channel == FZ_CHANNEL_MOBILE;
	if (a->satisfaction != FZ_NOINT) {
		c->scored++;
		c->score_sum += a->satisfaction;
	}
	c->workdays += days;
	if (limit >= 0) {
		c->timed++;
		c->on_time += on_time(m, a, days, limit);
	}
}

/* With a calendar given, the working days of an application are counted
 * only over years it covers: elsewhere they would be Monday to Friday
 * without a word, and the figures wrong (a calendar covers a few years;
 * 0001-01-01 is no date an office received an application on). */
static int
check_years(fz_metrics *m, const fz_application *a, const fz_node *rec,
    fz_error *err)
{
	char from[16], to[16];
	int y0, y1, mo, d, y;
	struct pos p;

	if (m->own_cal != NULL)		/* no calendar: Monday to Friday */
		return FZ_OK;
	fz_date_split(a->received, &y0, &mo, &d);
	fz_date_split(a->completed, &y1, &mo, &d);
	if ((y = fz_calendar_uncovered(m->cal, y0, y1)) == 0)
		return FZ_OK;
	p = pos_of(m, rec, y == y0 ? "received" : "completed");
	return fz_error_set(err, FZ_DATAERR, p.file, p.line, p.col,
	    "application '%s': the calendar does not cover %d, so the "
	    "working days from %s to %s cannot be counted", a->id, y,
	    fz_date_format(a->received, from),
	    fz_date_format(a->completed, to));
}

void
fz_metrics__widen(fz_metrics *m, fz_date d)
{
	if (d == FZ_NODATE)
		return;
	if (m->earliest == FZ_NODATE || d < m->earliest)
		m->earliest = d;
	if (m->latest == FZ_NODATE || d > m->latest)
		m->latest = d;
}

int
fz_metrics_add_application(fz_metrics *m, const fz_application *a,
    const fz_node *rec, fz_error *err)
{
	struct entry *e = find(m, a->matter);
	struct app_counts *c;
	int done_by_end, added;

	if (e == NULL && m->n == 0)
		return fail_at(pos_of(m, rec, "matter"), err,
		    "application to matter '%s' before any matter: name the "
		    "matters before the applications%s", a->matter, "");
	if (e == NULL)
		return fail_at(pos_of(m, rec, "matter"), err,
		    "application to unknown matter '%s'%s", a->matter, "");
	if (a->completed != FZ_NODATE && a->completed < a->received)
		return fail_at(pos_of(m, rec, "completed"), err,
		    "application '%s' completed before it was received%s",
		    a->id, "");
	m->applications++;
	if (m->ids != NULL)
		fz_map_insert(m->ids, a->id, strlen(a->id), &added, NULL);
	if (!e->selected || (fz_where_count(m->app_where) > 0 &&
	    (rec == NULL || !fz_where_match(m->app_where,
	    FZ_KIND_APPLICATIONS, rec))))
		return FZ_OK;
	if (in_period(m, a->completed) &&
	    check_years(m, a, rec, err) != FZ_OK)
		return err->status;
	fz_metrics__widen(m, a->received);
	fz_metrics__widen(m, a->completed);
	c = m->part_apps != NULL ? &m->part_apps[e->index] : &e->apps;
	if (in_period(m, a->received))
		c->received++;
	if (in_period(m, a->completed))
		count_completed(m, c, &e->m, a);
	done_by_end = a->completed != FZ_NODATE &&
	    (m->to == FZ_NODATE || a->completed <= m->to);
	if ((m->to == FZ_NODATE || a->received <= m->to) && !done_by_end)
		c->pending++;
	return FZ_OK;
}

/* Follow the parent chain from e; a matter met twice on one walk closes
 * a cycle. */
static int
check_chain(struct entry *e, fz_error *err)
{
	struct entry *p;

	for (p = e; p != NULL && p->mark == 0; p = p->up)
		p->mark = 1;
	if (p != NULL && p->mark == 1)
		return fail_at(p->at_parent, err,
		    "cycle in the parent chain of matter '%s'%s", p->m.code,
		    "");
	for (p = e; p != NULL && p->mark == 1; p = p->up)
		p->mark = 2;
	return FZ_OK;
}

int
fz_metrics_check(fz_metrics *m, fz_error *err)
{
	for (size_t i = 0; i < m->n; i++) {
		struct entry *e = m->entries[i];

		e->up = NULL;
		e->children = 0;
		e->mark = 0;
	}
	for (size_t i = 0; i < m->n; i++) {
		struct entry *e = m->entries[i];

		if (e->m.parent == NULL) {
			if (e->m.level == FZ_LEVEL_SUB ||
			    e->m.level == FZ_LEVEL_LEAF)
				return fail_at(e->at, err,
				    "matter '%s' is a %s without a parent",
				    e->m.code, e->m.level == FZ_LEVEL_SUB ?
				    "sub" : "leaf");
			continue;
		}
		e->up = find(m, e->m.parent);
		if (e->up == NULL)
			return fail_at(e->at_parent, err,
			    "parent '%s' of matter '%s' does not exist",
			    e->m.parent, e->m.code);
		e->up->children++;
	}
	for (size_t i = 0; i < m->n; i++)
		if (check_chain(m->entries[i], err) != FZ_OK)
			return err->status;
	return FZ_OK;
}

static void
add_fraction(fz_metrics_fraction *f, long long num, long long den)
{
	f->num += num;
	f->den += den;
}

/* An online, mobile or zero-trip flag: exempt matters stay out of both
 * sides of the rate. */
static void
add_flag(fz_metrics_fraction *f, int flag)
{
	if (flag != FZ_EXEMPT)
		add_fraction(f, flag == 1, 1);
}

static int
is_instant(const fz_matter *mt)
{
	if (mt->instant != -1)
		return mt->instant == 1;
	return mt->promised_days == 0;
}

static void
add_counted(fz_metrics_figures *f, const fz_matter *mt)
{
	fz_metrics_fraction *r = f->rates;

	f->counted++;
	if (mt->type >= 0 && mt->type < 7)
		f->by_type[mt->type]++;
	add_flag(&r[FZ_RATE_ONLINE], mt->online);
	add_flag(&r[FZ_RATE_MOBILE], mt->mobile);
	add_flag(&r[FZ_RATE_ZERO_TRIP], mt->zero_trip);
	add_fraction(&r[FZ_RATE_INSTANT], is_instant(mt), 1);
	if (mt->statutory_days != FZ_NOINT && mt->promised_days != FZ_NOINT)
		add_fraction(&r[FZ_RATE_TIME_COMPRESSION],
		    mt->statutory_days - mt->promised_days,
		    mt->statutory_days);
	if (mt->materials != FZ_NOINT)
		add_fraction(&r[FZ_RATE_E_MATERIAL], mt->e_materials ==
		    FZ_NOINT ? 0 : mt->e_materials, mt->materials);
	if (mt->license == 1)
		add_fraction(&r[FZ_RATE_E_LICENSE], mt->e_license == 1, 1);
}

static void
add_apps(fz_metrics_figures *f, const struct app_counts *c)
{
	fz_metrics_fraction *r = f->rates;

	f->received += c->received;
	f->completed += c->completed;
	f->pending += c->pending;
	for (int i = 0; i < 4; i++)
		f->by_action[i] += c->by_action[i];
	for (int i = 0; i < 3; i++) {
		f->by_channel[i] += c->by_channel[i];
		f->by_outcome[i] += c->by_outcome[i];
	}
	f->site_surveys += c->site_surveys;
	add_fraction(&r[FZ_RATE_ONLINE_COMPLETION], c->online_completed,
	    c->completed);
	add_fraction(&r[FZ_RATE_SATISFACTION], c->score_sum, c->scored);
	add_fraction(&r[FZ_RATE_MEAN_WORKDAYS], c->workdays, c->completed);
	add_fraction(&r[FZ_RATE_ON_TIME], c->on_time, c->timed);
}

/* A matter's share of every figure: it is counted in the catalogue's
 * rates only when it has no children (a heading is not handled). */
static void
add_entry(fz_metrics_figures *f, const struct entry *e)
{
	f->matters++;
	if (e->m.level >= 0 && e->m.level < 3)
		f->by_level[e->m.level]++;
	if (e->children == 0)
		add_counted(f, &e->m);
	add_apps(f, &e->apps);
}

void
fz_metrics_total(const fz_metrics *m, fz_metrics_figures *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < m->n; i++)
		add_entry(out, m->entries[i]);
}

void
fz_metrics_period(const fz_metrics *m, fz_date *from, fz_date *to)
{
	*from = m->from != FZ_NODATE ? m->from : m->earliest;
	*to = m->to != FZ_NODATE ? m->to : m->latest;
}

static int
has_applications(const struct entry *e)
{
	return e->apps.received || e->apps.completed || e->apps.pending;
}

/* The group of e, or NULL for a group without a value (by office: no
 * office).  *own is 0 when e has no row (by matter: a heading nobody
 * applied to). */
static const char *
group_of(const struct entry *e, enum fz_metrics_by by, int *own)
{
	*own = 1;
	switch (by) {
	case FZ_BY_MATTER:
		*own = e->children == 0 || has_applications(e);
		return e->m.code;
	case FZ_BY_TYPE:
		return fz_field_find(FZ_KIND_MATTERS, "type")->
		    values[e->m.type].value;
	default:
		return e->m.office;
	}
}

/* Add e to the row of its group, made when the group is new.  The
 * groups' values index the rows; no value can be "\n". */
static void
add_to_row(fz_metrics *m, fz_map *groups, size_t *nrows,
    enum fz_metrics_by by, const struct entry *e)
{
	int own, added;
	const char *group = group_of(e, by, &own);
	const char *key = group != NULL ? group : "\n";
	void **slot;

	if (!own)
		return;
	slot = fz_map_insert(groups, key, strlen(key), &added, NULL);
	if (added) {
		fz_metrics_row *r = &m->rows[(*nrows)++];

		memset(r, 0, sizeof *r);
		r->group = group;
		r->name = by == FZ_BY_MATTER ? e->m.name : NULL;
		*slot = r;
	}
	add_entry(&((fz_metrics_row *)*slot)->figures, e);
}

size_t
fz_metrics_rows(fz_metrics *m, enum fz_metrics_by by,
    const fz_metrics_row **rows)
{
	fz_map *groups = fz_map_new();
	size_t nrows = 0;

	/* At most one row per matter: the rows never move while filled. */
	m->rows = fz_xrealloc(m->rows, (m->n + 1) * sizeof *m->rows);
	if (by == FZ_BY_TYPE) {
		/* In the order of the enumeration, as by_type. */
		for (int t = 0; t < 7; t++)
			for (size_t i = 0; i < m->n; i++)
				if (m->entries[i]->m.type == t)
					add_to_row(m, groups, &nrows, by,
					    m->entries[i]);
	} else {
		for (size_t i = 0; i < m->n; i++)
			add_to_row(m, groups, &nrows, by, m->entries[i]);
	}
	fz_map_free(groups);
	*rows = m->rows;
	return nrows;
}
