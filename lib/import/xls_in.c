/* xls_in.c - an .xls (BIFF 5 to 8) workbook into fz_import_row through
 * FreeXL, which gives each cell typed: text as UTF-8, a date cell (by
 * its number format) as YYYY-MM-DD, a number as an int or a double. */
#include <errno.h>
#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

static const char *
freexl_message(int rc)
{
	switch (rc) {
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_READ_ERROR:
	case FREEXL_CFBF_SEEK_ERROR:
	case FREEXL_CFBF_INVALID_SIGNATURE:
	case FREEXL_CFBF_INVALID_SECTOR_SIZE:
	case FREEXL_CFBF_EMPTY_FAT_CHAIN:
	case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
		return _("not an OLE2 compound file, the container of .xls");
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return _("no workbook stream");
	case FREEXL_INVALID_CHARACTER:
	case FREEXL_UNSUPPORTED_CHARSET:
		return _("text in a code page that cannot be read");
	case FREEXL_INSUFFICIENT_MEMORY:
		fz_nomem();
	default:
		return _("its records are damaged");
	}
}

/* The text of a cell into buf (of 32 bytes at least), or a pointer to
 * FreeXL's own; NULL for an empty cell.  A double is written with the
 * 15 significant digits a spreadsheet shows: the file holds no more
 * than that binary approximation, and the text is what the rest of the
 * import takes exactly. */
static const char *
cell_text(const FreeXL_CellValue *v, char *buf, size_t size)
{
	const char *t;

	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(buf, size, "%d", v->value.int_value);
		return buf;
	case FREEXL_CELL_DOUBLE:
		snprintf(buf, size, "%.15g", v->value.double_value);
		return buf;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		t = v->value.text_value;
		return t != NULL && t[0] != '\0' ? t : NULL;
	default:
		return NULL;
	}
}

/* The rows of the active sheet, rows x columns of it. */
static void
xls_rows(fz_import *im, const void *h, unsigned rows, unsigned short cols)
{
	fz_import_cell *cells = fz_xcalloc((size_t)cols + 1, sizeof *cells);
	char (*num)[32] = fz_xcalloc((size_t)cols + 1, sizeof *num);
	FreeXL_CellValue v;
	const char *t;
	size_t n;

	for (unsigned r = 0; r < rows && !im->stopped; r++) {
		n = 0;
		for (unsigned short c = 0; c < cols; c++) {
			if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK ||
			    (t = cell_text(&v, num[n], sizeof num[n])) == NULL)
				continue;
			cells[n++] = (fz_import_cell){ (unsigned)c + 1, t,
			    strlen(t) };
		}
		fz_import_row(im, r + 1, cells, n);
	}
	free(num);
	free(cells);
}

/* The index of the sheet sel picks, its name in *name; -1 with err. */
static long
xls_pick(const void *h, const char *file, const char *sel, const char **name,
    fz_error *err)
{
	unsigned count = 0;
	const char **names;
	long i;

	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
		count = 0;
	names = fz_xcalloc((size_t)count + 1, sizeof *names);
	for (unsigned k = 0; k < count; k++)
		if (freexl_get_worksheet_name(h, (unsigned short)k,
		    &names[k]) != FREEXL_OK || names[k] == NULL)
			names[k] = "";
	i = fz_import__pick_sheet(file, names, count, sel, err);
	if (i >= 0)
		*name = names[i];
	free(names);
	return i;
}

int
fz_import_xls(fz_import *im, const char *path, const char *file,
    const char *sel, fz_error *err)
{
	const void *h = NULL;
	const char *name = NULL;
	FILE *fp = fopen(path, "rb");
	unsigned rows = 0;
	unsigned short cols = 0;
	long i;
	int rc;

	/* Opened first for the reason it cannot be, which FreeXL keeps. */
	if (fp == NULL)
		return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
	fclose(fp);
	if ((rc = freexl_open(path, &h)) != FREEXL_OK) {
		if (h != NULL)
			freexl_close(h);
		return fz_error_set(err, FZ_DATAERR, file, 0, 0, "not an xls "
		    "workbook: %s", freexl_message(rc));
	}
	rc = FZ_DATAERR;
	if ((i = xls_pick(h, file, sel, &name, err)) >= 0) {
		if (freexl_select_active_worksheet(h, (unsigned short)i) ==
		    FREEXL_OK && freexl_worksheet_dimensions(h, &rows, &cols)
		    == FREEXL_OK) {
			fz_import_sheet(im, name);
			xls_rows(im, h, rows, cols);
			rc = FZ_OK;
		} else {
			fz_error_set(err, FZ_DATAERR, file, 0, 0, "not an xls "
			    "workbook: sheet '%s' cannot be read", name);
		}
	}
	freexl_close(h);
	return rc;
}
