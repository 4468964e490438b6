/* table_grid.c - a table of given cells, not of a document: a report's
 * own table (the yearly enforcement statistics), so that csv and xlsx
 * show it as the report does. */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "table_int.h"

/* A cell of a number column: a whole number as a number, any other text
 * (a decimal, a percent, a place to write) as its text, unchanged. */
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
