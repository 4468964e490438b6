/* calendar.c - working days: Monday to Friday, less the official
 * holidays, plus the weekend days made working days (调休). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"

struct dates {
	fz_date *v;
	size_t n, cap;
};

/* A day on which the calendar departs from Monday to Friday: +1 a
 * weekend day worked, -1 a weekday off; sum: of the changes up to and
 * including this day. */
struct change {
	fz_date day;
	int sum;
};

struct fz_calendar {
	struct dates holidays, workdays;
	int sorted;			/* and changes and covered made */
	unsigned char years[10000];	/* years the calendar lists */
	struct change *changes;		/* in order of days */
	size_t nchanges;
	int covered[10000];		/* years listed up to each year */
	int weekdays;			/* Monday to Friday, as asked: covers
					 * every year */
};

fz_calendar *
fz_calendar_new(void)
{
	return fz_xcalloc(1, sizeof(fz_calendar));
}

void
fz_calendar_free(fz_calendar *c)
{
	if (c == NULL)
		return;
	free(c->holidays.v);
	free(c->workdays.v);
	free(c->changes);
	free(c);
}

static void
dates_add(struct dates *ds, fz_date d)
{
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? 2 * ds->cap : 64;
		ds->v = fz_xrealloc(ds->v, ds->cap * sizeof *ds->v);
	}
	ds->v[ds->n++] = d;
}

static int
dates_has(const struct dates *ds, fz_date d)
{
	return ds->n > 0 &&
	    bsearch(&d, ds->v, ds->n, sizeof d, fz_date_cmp) != NULL;
}

static void
mark_year(fz_calendar *c, fz_date d)
{
	int y, m, day;

	fz_date_split(d, &y, &m, &day);
	if (y > 0 && y < 10000)
		c->years[y] = 1;
}

static int
date_of(const fz_node *n, fz_date *d, fz_error *err)
{
	if (n == NULL || n->type != FZ_SCALAR ||
	    fz_date_parse(n->str, n->len, d) != 0)
		return fz_error_set(err, FZ_DATAERR, n ? n->file : NULL,
		    n ? n->line : 0, n ? n->col : 0,
		    "expected a date like 2019-10-01");
	return FZ_OK;
}

static int
add_list(fz_calendar *c, const fz_node *list, struct dates *into,
    fz_error *err)
{
	fz_date d;
	int rc;

	if (list == NULL)
		return FZ_OK;
	if (list->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, list->file, list->line,
		    list->col, "expected a list of dates");
	for (size_t i = 0; i < list->n; i++) {
		if ((rc = date_of(list->kids[i], &d, err)) != FZ_OK)
			return rc;
		dates_add(into, d);
		mark_year(c, d);
	}
	return FZ_OK;
}

/* A holiday-cn year file: {year, days: [{name, date, isOffDay}]}. */
static int
add_holiday_cn(fz_calendar *c, const fz_node *doc, fz_error *err)
{
	const fz_node *days = fz_node_get(doc, "days");
	const fz_node *year = fz_node_get(doc, "year");
	long long y;
	fz_date d;
	int rc;

	if (days == NULL || days->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, doc->file, doc->line,
		    doc->col, "a holiday-cn file needs a list of days");
	if (year != NULL && year->type == FZ_SCALAR &&
	    fz_int_parse(year->str, year->len, &y) == 0 && y > 0 && y < 10000)
		c->years[y] = 1;
	for (size_t i = 0; i < days->n; i++) {
		const fz_node *day = days->kids[i];
		const fz_node *off = fz_node_get(day, "isOffDay");

		if ((rc = date_of(fz_node_get(day, "date"), &d, err)) != FZ_OK)
			return rc;
		int b = off == NULL || off->type != FZ_SCALAR ? -1 :
		    fz_scalar_bool(off->str, off->len);

		if (b < 0)
			return fz_error_set(err, FZ_DATAERR, day->file,
			    day->line, day->col, "isOffDay must be true or false");
		dates_add(b ? &c->holidays : &c->workdays, d);
	}
	return FZ_OK;
}

int
fz_calendar_add_doc(fz_calendar *c, const fz_node *doc, fz_error *err)
{
	int rc;

	c->sorted = 0;
	if (fz_node_get(doc, "days") != NULL)
		return add_holiday_cn(c, doc, err);
	if ((rc = add_list(c, fz_node_get(doc, "holidays"), &c->holidays,
	    err)) != FZ_OK)
		return rc;
	if ((rc = add_list(c, fz_node_get(doc, "workdays"), &c->workdays,
	    err)) != FZ_OK)
		return rc;
	const fz_node *years = fz_node_get(doc, "years");
	long long y;
	for (size_t i = 0; years != NULL && years->type == FZ_SEQ &&
	    i < years->n; i++)
		if (fz_int_parse(years->kids[i]->str, years->kids[i]->len,
		    &y) == 0 && y > 0 && y < 10000)
			c->years[y] = 1;
	return FZ_OK;
}

/* Whether d is a working day by the lists (sorted) and the weekday. */
static int
listed_workday(const fz_calendar *c, fz_date d)
{
	if (dates_has(&c->holidays, d))
		return 0;
	if (dates_has(&c->workdays, d))
		return 1;
	return fz_date_weekday(d) < 5;
}

/* The days the lists change, from both lists merged in order. */
static void
make_changes(fz_calendar *c)
{
	size_t i = 0, j = 0, n = 0;
	int sum = 0;

	free(c->changes);
	c->changes = fz_xmalloc((c->holidays.n + c->workdays.n + 1) *
	    sizeof *c->changes);
	while (i < c->holidays.n || j < c->workdays.n) {
		fz_date d = j == c->workdays.n || (i < c->holidays.n &&
		    c->holidays.v[i] <= c->workdays.v[j]) ?
		    c->holidays.v[i] : c->workdays.v[j];
		int change = listed_workday(c, d) - (fz_date_weekday(d) < 5);

		while (i < c->holidays.n && c->holidays.v[i] == d)
			i++;
		while (j < c->workdays.n && c->workdays.v[j] == d)
			j++;
		if (change != 0) {
			sum += change;
			c->changes[n++] = (struct change){ d, sum };
		}
	}
	c->nchanges = n;
}

static void
sort_dates(fz_calendar *c)
{
	int covered = 0;

	if (c->sorted)
		return;
	/* The lists are NULL while empty, which qsort may not be given. */
	if (c->holidays.n > 0)
		qsort(c->holidays.v, c->holidays.n, sizeof(fz_date), fz_date_cmp);
	if (c->workdays.n > 0)
		qsort(c->workdays.v, c->workdays.n, sizeof(fz_date), fz_date_cmp);
	make_changes(c);
	for (int y = 0; y < 10000; y++)
		c->covered[y] = covered += c->years[y];
	c->sorted = 1;
}

char *
fz_data_path(const char *name, char *buf, size_t size)
{
	const char *dirs[3] = { getenv("FAZHI_DATADIR"), FZ_SRCDIR "/data",
		PKGDATADIR };

	for (int i = 0; i < 3; i++) {
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		snprintf(buf, size, "%s/%s", dirs[i], name);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

int
fz_calendar_load(fz_calendar *c, const char *path, fz_error *err)
{
	char shipped[4096];
	char *paths[1] = { (char *)path };

	if (strcmp(path, "cn") == 0 && access(path, F_OK) != 0) {
		if (fz_data_path("calendar-cn.yaml", shipped,
		    sizeof shipped) == NULL)
			return fz_error_set(err, FZ_NOINPUT, "calendar-cn.yaml",
			    0, 0, "cannot find the shipped calendar");
		paths[0] = shipped;
	}
	fz_stream *s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	fz_event ev;
	int rc;

	while ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.type != FZ_EV_DOC)
			continue;
		if (ev.kind_name != NULL && ev.kind != FZ_KIND_CALENDAR) {
			rc = fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
			    ev.doc_col, "not a calendar (kind %s)",
			    ev.kind_name);
			break;
		}
		if ((rc = fz_calendar_add_doc(c, ev.node, err)) != FZ_OK)
			break;
	}
	fz_stream_close(s);
	sort_dates(c);
	return rc;
}

int
fz_calendar_is_workday(const fz_calendar *c, fz_date d)
{
	if (c == NULL)
		return fz_date_weekday(d) < 5;
	sort_dates((fz_calendar *)c);
	return listed_workday(c, d);
}

/* The working days up to and including d, counted from a Monday long
 * ago (1969-12-29, day -3): whole weeks of five, the days of the week
 * begun, and the calendar's changes up to d.  A count, not a loop:
 * found in the changes by halving. */
static int64_t
workdays_to(const fz_calendar *c, int64_t d)
{
	int64_t q = (d + 3) / 7, r = (d + 3) % 7;
	size_t lo = 0, hi = c != NULL ? c->nchanges : 0;

	if (r < 0)
		q--, r += 7;
	while (lo < hi) {		/* the first change after d */
		size_t mid = lo + (hi - lo) / 2;

		if (c->changes[mid].day <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 5 * q + (r < 5 ? r + 1 : 5) + (lo > 0 ? c->changes[lo - 1].sum :
	    0);
}

/* The first day after d with n working days in (d, day], by halving
 * between d and a day far enough: every week has five weekdays, and the
 * calendar takes at most one a day it lists. */
fz_date
fz_calendar_add_workdays(const fz_calendar *c, fz_date d, int n)
{
	int64_t want, lo = d, hi;

	if (n <= 0)
		return d;
	if (c != NULL)
		sort_dates((fz_calendar *)c);
	want = workdays_to(c, d) + n;
	hi = (int64_t)d + 7 * (((int64_t)n + (c != NULL ? (int64_t)
	    c->holidays.n : 0)) / 5 + 1);
	if (hi > INT32_MAX)
		hi = INT32_MAX;
	while (hi - lo > 1) {		/* lo has too few, hi enough */
		int64_t mid = lo + (hi - lo) / 2;

		if (workdays_to(c, mid) >= want)
			hi = mid;
		else
			lo = mid;
	}
	return (fz_date)hi;
}

int
fz_calendar_workdays_between(const fz_calendar *c, fz_date a, fz_date b)
{
	if (c != NULL)
		sort_dates((fz_calendar *)c);
	return (int)(workdays_to(c, b) - workdays_to(c, a));
}

int
fz_calendar_covers(const fz_calendar *c, int year)
{
	return c != NULL && (c->weekdays || (year > 0 && year < 10000 &&
	    c->years[year]));
}

/* Covered years counted up to each year say at once whether a span is
 * covered whole; the first year missing is looked for only when not. */
int
fz_calendar_uncovered(const fz_calendar *c, int y0, int y1)
{
	int top = y1 < 9999 ? y1 : 9999;

	if (y0 > y1 || (c != NULL && c->weekdays))
		return 0;
	if (c == NULL || y0 > 9999)
		return y0;
	if (y0 < 1)
		y0 = 1;
	sort_dates((fz_calendar *)c);
	if (c->covered[top] - c->covered[y0 - 1] == top - y0 + 1)
		return top < y1 ? top + 1 : 0;
	for (int y = y0;; y++)
		if (!c->years[y])
			return y;
}

fz_calendar *
fz_calendar_open(const char *name, fz_error *err)
{
	fz_calendar *c = fz_calendar_new();

	if (name != NULL && strcmp(name, "weekdays") == 0 &&
	    access(name, F_OK) != 0) {
		c->weekdays = 1;
		return c;
	}
	if (fz_calendar_load(c, name != NULL ? name : "cn", err) == FZ_OK)
		return c;
	if (name == NULL && err->status == FZ_NOINPUT)
		fz_error_set(err, FZ_NOINPUT, "calendar-cn.yaml", 0, 0,
		    "cannot find the shipped calendar: set FAZHI_DATADIR to "
		    "its folder, or give --calendar FILE, or --calendar "
		    "weekdays to count Monday to Friday");
	fz_calendar_free(c);
	return NULL;
}
