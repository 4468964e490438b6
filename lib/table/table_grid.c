/* table_grid.c - a table of given cells, not of a document: a report's
 * own table (the yearly enforcement statistics), so that csv and xlsx
 * show it as the report does. */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "table_int.h"

/* The value of a decimal of exactly two places ("12.62", "-0.50") in
 * hundredths into *v, with a % after it when percent: 0, else -1. */
static int
two_places(const char *s, int percent, long long *v)
{
	size_t n = strlen(s), digits = strspn(s + (*s == '-'), "0123456789");
	const char *dot = s + (*s == '-') + digits;

	if (digits == 0 || digits > 15 || *dot != '.' ||
	    strspn(dot + 1, "0123456789") != 2 ||
	    n != (size_t)(dot - s) + 3 + (percent != 0) ||
	    (percent && dot[3] != '%'))
		return -1;
	*v = strtoll(s, NULL, 10) * 100 + (*s == '-' ? -1 : 1) *
	    ((dot[1] - '0') * 10 + (dot[2] - '0'));
	return 0;
}

/* A cell of a number column: a whole number as a number, a decimal of
 * two places as one of two places (the yearbook's 万元), a percent of two
 * places as a rate of that value; any other text (a place to write) as
 * its text, unchanged. */
static fz_table_cell
grid_cell(fz_table_set *ts, const char *s, int num)
{
	char *end;
	long long v;

	if (num && *s != '\0' && strspn(s, "-0123456789") == strlen(s)) {
		v = strtoll(s, &end, 10);
		if (*end == '\0')
			return (fz_table_cell){ FZ_C_INT, 0, NULL, v, 0 };
	}
	if (num && two_places(s, 0, &v) == 0)
		return (fz_table_cell){ FZ_C_MONEY, 0, NULL, v, 0 };
	if (num && two_places(s, 1, &v) == 0)
		return (fz_table_cell){ FZ_C_RATE, 0, NULL, v, 10000 };
	return fz_table__text(ts, s);
}

fz_table *
fz_table_set_add_grid(fz_table_set *ts, const char *title,
    const char *sheet, const char *const *heads, const char *const *cells,
    size_t nrows, int new_doc)
{
	fz_table *t = fz_table__new(ts, NULL, NULL, NULL, NULL);
	size_t ncols = 0;

	t->title = fz_table__strdup(ts, title);
	t->sheet = fz_table__strdup(ts, sheet);
	for (; heads[ncols] != NULL; ncols++) {
		const char *h = heads[ncols] + (heads[ncols][0] == '#');

		fz_table__column(ts, t, h, heads[ncols][0] == '#' ? FZ_C_INT :
		    FZ_C_TEXT, h, ncols);
	}
	for (size_t r = 0; r < nrows; r++) {
		fz_table__row_begin(ts);
		for (size_t c = 0; c < ncols; c++)
			fz_table__row_set(ts, c, grid_cell(ts,
			    cells[r * ncols + c], heads[c][0] == '#'));
		fz_table__row_end(ts, t);
	}
	fz_table__attach(ts, t, new_doc);
	return t;
}

void
fz_table_frame(fz_table_set *ts, fz_table *t, const char *heading,
    const char *foot)
{
	t->heading = heading != NULL ? fz_table__strdup(ts, heading) : NULL;
	t->foot = foot != NULL ? fz_table__strdup(ts, foot) : NULL;
}
