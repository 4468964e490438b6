/* date.c - calendar dates as day numbers, and the periods a tally groups
 * them by (year, quarter, month, ISO 8601 week, day). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int
fz_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= month_days(y, m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date: count whole
 * 400-year eras from March 1 of year 0, so that the leap day falls last. */
fz_date
fz_date_make(int y, int m, int d)
{
	int yy = m <= 2 ? y - 1 : y;
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
fz_date_split(fz_date z, int *y, int *m, int *d)
{
	int zz = z + 719468;
	int era = (zz >= 0 ? zz : zz - 146096) / 146097;
	int doe = zz - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

int
fz_date_weekday(fz_date d)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (d % 7 + 7) % 7;

	return (w + 3) % 7;
}

/* n decimal digits of v at p, zero-padded: fixed widths, no printf. */
static char *
put(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

char *
fz_date_format(fz_date d, char *buf)
{
	int y, m, day;
	char *p = buf;

	fz_date_split(d, &y, &m, &day);
	p = put(p, y, 4);
	*p++ = '-';
	p = put(p, m, 2);
	*p++ = '-';
	p = put(p, day, 2);
	*p = '\0';
	return buf;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "THH:MM" or "THH:MM:SS", with T or a space, checked and ignored. */
static int
time_ok(const char *s, size_t len)
{
	int h, mi, se = 0;

	if ((len != 6 && len != 9) || (s[0] != 'T' && s[0] != ' ') ||
	    digits(s + 1, 2, &h) || s[3] != ':' || digits(s + 4, 2, &mi))
		return 0;
	if (len == 9 && (s[6] != ':' || digits(s + 7, 2, &se)))
		return 0;
	return h < 24 && mi < 60 && se < 61;
}

int
fz_date_parse(const char *s, size_t len, fz_date *out)
{
	int y, m, d;

	if (len < 10 || digits(s, 4, &y) || s[4] != '-' ||
	    digits(s + 5, 2, &m) || s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (len > 10 && !time_ok(s + 10, len - 10))
		return -1;
	if (!fz_date_valid(y, m, d))
		return -1;
	*out = fz_date_make(y, m, d);
	return 0;
}

static const char *const period_names[] = { "year", "quarter", "month",
	"week", "day" };

enum fz_period
fz_period_parse(const char *name)
{
	for (int i = 0; i < 5; i++)
		if (strcmp(name, period_names[i]) == 0)
			return (enum fz_period)i;
	return FZ_P_NONE;
}

const char *
fz_period_name(enum fz_period p)
{
	return p >= FZ_P_YEAR && p <= FZ_P_DAY ? period_names[p] : NULL;
}

/* The ISO 8601 week-numbering year and week of d. */
static void
iso_week(fz_date d, int *year, int *week)
{
	fz_date thursday = d - fz_date_weekday(d) + 3;
	int y, m, day;

	fz_date_split(thursday, &y, &m, &day);
	*year = y;
	*week = (thursday - fz_date_make(y, 1, 1)) / 7 + 1;
}

char *
fz_period_label(enum fz_period p, fz_date d, char *buf)
{
	int y, m, day, w;
	char *q;

	fz_date_split(d, &y, &m, &day);
	if (p == FZ_P_WEEK)
		iso_week(d, &y, &w);
	if (p == FZ_P_DAY)
		return fz_date_format(d, buf);
	q = put(buf, y, 4);
	switch (p) {
	case FZ_P_QUARTER:
		q = put((char *)memcpy(q, "-Q", 2) + 2, (m - 1) / 3 + 1, 1);
		break;
	case FZ_P_MONTH:
		*q++ = '-';
		q = put(q, m, 2);
		break;
	case FZ_P_WEEK:
		q = put((char *)memcpy(q, "-W", 2) + 2, w, 2);
		break;
	default:
		break;
	}
	*q = '\0';
	return buf;
}

void
fz_period_bounds(enum fz_period p, fz_date d, fz_date *first, fz_date *last)
{
	int y, m, day, q;

	fz_date_split(d, &y, &m, &day);
	switch (p) {
	case FZ_P_YEAR:
		*first = fz_date_make(y, 1, 1);
		*last = fz_date_make(y, 12, 31);
		break;
	case FZ_P_QUARTER:
		q = (m - 1) / 3;
		*first = fz_date_make(y, 3 * q + 1, 1);
		*last = fz_date_make(y, 3 * q + 3, month_days(y, 3 * q + 3));
		break;
	case FZ_P_MONTH:
		*first = fz_date_make(y, m, 1);
		*last = fz_date_make(y, m, month_days(y, m));
		break;
	case FZ_P_WEEK:
		*first = d - fz_date_weekday(d);
		*last = *first + 6;
		break;
	default:
		*first = *last = d;
		break;
	}
}

int
fz_date_cmp(const void *a, const void *b)
{
	fz_date x = *(const fz_date *)a, y = *(const fz_date *)b;

	return (x > y) - (x < y);
}

/* The first day of the period labelled s (as fz_period_label writes
 * it): 0, or -1 when s is no such label. */
int
fz_period_first(enum fz_period p, const char *s, fz_date *first)
{
	char buf[16];
	int y, n = 0;
	fz_date d, last;

	if (strlen(s) < 4 || digits(s, 4, &y) || y < 1)
		return -1;
	switch (p) {
	case FZ_P_YEAR:
	case FZ_P_MONTH:
		if ((p == FZ_P_YEAR ? fz_year_parse(s, &d, &last) :
		    fz_month_parse(s, &d, &last)) != 0)
			return -1;
		break;
	case FZ_P_QUARTER:
		if (strlen(s) != 7 || s[4] != '-' || s[5] != 'Q' ||
		    digits(s + 6, 1, &n) || n < 1 || n > 4)
			return -1;
		d = fz_date_make(y, 3 * n - 2, 1);
		break;
	case FZ_P_WEEK:
		if (strlen(s) != 8 || s[4] != '-' || s[5] != 'W' ||
		    digits(s + 6, 2, &n) || n < 1 || n > 53)
			return -1;
		d = fz_date_make(y, 1, 4);
		d = d - fz_date_weekday(d) + 7 * (n - 1);
		break;
	case FZ_P_DAY:
		if (strlen(s) != 10 || fz_date_parse(s, 10, &d) != 0)
			return -1;
		break;
	default:
		return -1;
	}
	/* 2020-W53 is a week, 2019-W53 is not. */
	if (strcmp(fz_period_label(p, d, buf), s) != 0)
		return -1;
	*first = d;
	return 0;
}

int
fz_year_parse(const char *s, fz_date *first, fz_date *last)
{
	int y;

	if (strlen(s) != 4 || digits(s, 4, &y) || y < 1)
		return -1;
	*first = fz_date_make(y, 1, 1);
	*last = fz_date_make(y, 12, 31);
	return 0;
}

int
fz_month_parse(const char *s, fz_date *first, fz_date *last)
{
	int y, m;

	if (strlen(s) != 7 || digits(s, 4, &y) || s[4] != '-' ||
	    digits(s + 5, 2, &m) || !fz_date_valid(y, m, 1))
		return -1;
	*first = fz_date_make(y, m, 1);
	*last = fz_date_make(y, m, month_days(y, m));
	return 0;
}

fz_date
fz_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return fz_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
