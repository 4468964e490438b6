/* clocks.c - the clocks of the case rules: a day written out, the n-th
 * working day after a date (art. 85: the first day not counted, the
 * calendar's holidays and make-up days), a clock's breach at its key,
 * and its --due-within note. */
#include "check_int.h"

const char *
fz_check__day(fz_date d, char *buf)
{
	return fz_date_format(d, buf);
}

fz_date
fz_check__workdays_after(fz_check *c, const fz_check__rec *r,
    const char *key, fz_date from, int n)
{
	fz_date by = fz_calendar_add_workdays(c->o.calendar, from, n);
	int y0, y1, m, d;

	fz_date_split(from, &y0, &m, &d);
	fz_date_split(by, &y1, &m, &d);
	for (int y = y0; y <= y1 && y >= 0 && y < 10000; y++) {
		if (fz_calendar_covers(c->o.calendar, y) ||
		    (c->years_warned[y / 8] & (1u << (y % 8))))
			continue;
		c->years_warned[y / 8] |= (unsigned char)(1u << (y % 8));
		fz_check__report(c, FZ_WARNING, fz_check__at(r, key), "the "
		    "calendar does not cover %d: its working days are counted "
		    "Monday to Friday", y);
		c->problems[c->nproblems - 1].aside = 1;
	}
	return by;
}

void
fz_check__clock(fz_check *c, const fz_check__rec *r, const char *done_key,
    fz_date done, const char *open_key, fz_date by, const char *did,
    const char *undone, const char *since)
{
	char a[16], b[16];

	if (done != FZ_NODATE && done > by)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, done_key), "%s %s, "
		    "after %s, %s", fz_gettext(did), fz_check__day(done, a),
		    fz_check__day(by, b), fz_gettext(since));
	else if (done == FZ_NODATE && c->o.as_of > by)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, open_key), "%s by %s, "
		    "%s", fz_gettext(undone), fz_check__day(by, a),
		    fz_gettext(since));
}

/* "today", "in 1 day", "in 5 days". */
static const char *
days_from(fz_date from, fz_date by, char *buf)
{
	int n = by - from;

	if (n == 0)
		return _("today");
	snprintf(buf, 32, _("in %d day%s"), n, n == 1 ? "" : "s");
	return buf;
}

void
fz_check__due_of(fz_check *c, const fz_check__rec *r, const char *key,
    const char *noun, const char *id, fz_date by, const char *what,
    const char *law)
{
	fz_date from = c->o.as_of;
	char a[16], n[32];

	if (by >= from && by <= from + c->o.due_within)
		fz_check__report(c, FZ_NOTE, fz_check__at(r, key), "%s '%s' "
		    "must %s by %s, %s (%s)", fz_gettext(noun), id,
		    fz_gettext(what),
		    fz_check__day(by, a), days_from(from, by, n), law);
}

void
fz_check__due(fz_check *c, const fz_check__rec *r, const char *key,
    fz_date by, const char *what, const char *law)
{
	const fz_case *k = r->data;

	fz_check__due_of(c, r, key, N_("case"), k->id, by, what, law);
}
