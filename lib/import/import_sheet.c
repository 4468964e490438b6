/* import_sheet.c - the rows of a worksheet into records: the same
 * header and cells as a CSV's, at the sheet's own row and column
 * numbers.  The header is found, when --header-row does not name it,
 * as the first row with a cell that names a column: a title merged
 * across the columns above it, or a note, is skipped. */
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

void
fz_import_sheet(fz_import *im, const char *sheet)
{
	size_t n = strlen(im->file) + strlen(sheet) + 2;
	char *file = fz_arena_alloc(im->arena, n);

	snprintf(file, n, "%s:%s", im->file, sheet);
	im->file = file;
	im->colflag = FZ_COL_CELL;
	im->started = 1;
}

/* Does a cell of the row name a column? */
static int
names_a_column(fz_import *im, const fz_import_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = cells[i].len;
		const char *s = fz_trim(cells[i].text, &len);
		char *h;
		if (len == 0)
			continue;
		h = fz_arena_strndup(im->arena, s, len);
		if (fz_import__column_key(im, h) != NULL)
			return 1;
	}
	return 0;
}

static void
sheet_header(fz_import *im, const fz_import_cell *cells, size_t n)
{
	size_t last = 0;

	for (size_t i = 0; i < n; i++) {
		size_t len = cells[i].len;
		fz_trim(cells[i].text, &len);
		if (len > 0)
			last = i + 1;
	}
	/* Empty columns at the end are no columns. */
	for (size_t i = 0; i < last; i++) {
		while (im->ncols + 1 < cells[i].col)
			fz_import__header_cell(im, "", 0);
		im->cell = cells[i].col - 1;
		if (!fz_import__cell_unreadable(im, cells[i].text,
		    cells[i].len))
			fz_import__header_cell(im, cells[i].text,
			    cells[i].len);
		else
			fz_import__header_cell(im, "", 0);
	}
	for (size_t i = 0; i < im->nmap; i++)
		im->map[i].used = 0;	/* the guess looked them up */
	im->hrow = im->row;
	fz_import__header_end(im);
}

void
fz_import_row(fz_import *im, unsigned row, const fz_import_cell *cells,
    size_t n)
{
	if (im->stopped || row == 0)
		return;
	im->row = row - 1;
	if (!im->have_header) {
		if (im->header_row > 0 ? row == im->header_row :
		    names_a_column(im, cells, n))
			sheet_header(im, cells, n);
		return;
	}
	fz_import__row_start(im);
	for (size_t i = 0; i < n && !im->stopped; i++) {
		im->cell = cells[i].col - 1;
		if (!fz_import__cell_unreadable(im, cells[i].text,
		    cells[i].len))
			fz_import__body_cell(im, cells[i].text, cells[i].len);
	}
	if (!im->row_blank)
		fz_import__body_row_end(im);
}

long
fz_import__pick_sheet(const char *file, const char *const *names, size_t n,
    const char *sel, fz_error *err)
{
	fz_buf all = { 0 };
	char *end;
	unsigned long k;

	if (n == 0) {
		fz_error_set(err, FZ_DATAERR, file, 0, 0, "the workbook has "
		    "no sheet");
		return -1;
	}
	if (sel == NULL || sel[0] == '\0')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], sel) == 0)
			return (long)i;
	if (sel[0] >= '1' && sel[0] <= '9' &&
	    (k = strtoul(sel, &end, 10), *end == '\0') && k <= n)
		return (long)k - 1;
	for (size_t i = 0; i < n; i++) {
		fz_buf_adds(&all, i ? _(", ") : "");
		fz_buf_adds(&all, names[i]);
	}
	fz_error_set(err, FZ_DATAERR, file, 0, 0, "--sheet: no sheet '%s' "
	    "(the workbook has %zu: %s)", sel, n, fz_buf_str(&all));
	fz_buf_free(&all);
	return -1;
}
