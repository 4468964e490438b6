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

struct fz_calendar {
	struct dates holidays, workdays;
	int sorted;
	unsigned char years[10000];	/* years the calendar lists */
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
cmp_date(const void *a, const void *b)
{
	fz_date x = *(const fz_date *)a, y = *(const fz_date *)b;

	return (x > y) - (x < y);
}

static int
dates_has(const struct dates *ds, fz_date d)
{
	return ds->n > 0 &&
	    bsearch(&d, ds->v, ds->n, sizeof d, cmp_date) != NULL;
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

static void
sort_dates(fz_calendar *c)
{
	if (c->sorted)
		return;
	/* The lists are NULL while empty, which qsort may not be given. */
	if (c->holidays.n > 0)
		qsort(c->holidays.v, c->holidays.n, sizeof(fz_date), cmp_date);
	if (c->workdays.n > 0)
		qsort(c->workdays.v, c->workdays.n, sizeof(fz_date), cmp_date);
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
	if (dates_has(&c->holidays, d))
		return 0;
	if (dates_has(&c->workdays, d))
		return 1;
	return fz_date_weekday(d) < 5;
}

fz_date
fz_calendar_add_workdays(const fz_calendar *c, fz_date d, int n)
{
	while (n > 0) {
		d++;
		if (fz_calendar_is_workday(c, d))
			n--;
	}
	return d;
}

int
fz_calendar_workdays_between(const fz_calendar *c, fz_date a, fz_date b)
{
	int sign = 1, n = 0;

	if (b < a) {
		fz_date t = a;
		a = b;
		b = t;
		sign = -1;
	}
	for (fz_date d = a + 1; d <= b; d++)
		n += fz_calendar_is_workday(c, d);
	return sign * n;
}

int
fz_calendar_covers(const fz_calendar *c, int year)
{
	return c != NULL && year > 0 && year < 10000 && c->years[year];
}
