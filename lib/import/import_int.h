/* import_int.h - what the files of lib/import/ share and no other
 * folder sees: the state of an import, and the steps a CSV and a
 * worksheet both go through (a header row, then rows of cells). */
#ifndef FAZHI_IMPORT_INT_H
#define FAZHI_IMPORT_INT_H

#include <csv.h>
#include <iconv.h>

#include "import.h"

struct map_entry {
	char *header, *key;	/* key "-": skip the column */
	int used;
};

struct fz_import {
	enum fz_kind kind;
	char *file;		/* the CSV's name, or FILE:SHEET */
	fz_arena *arena;	/* nodes and texts of every record */
	iconv_t cd;		/* (iconv_t)-1 for UTF-8 */
	struct csv_parser csv;
	struct map_entry *map;
	size_t nmap;
	char **headers;		/* texts of the header row */
	const fz_field **cols;	/* field of each column, NULL: skipped */
	unsigned char *filled;	/* columns given in the current row */
	size_t ncols, cap;
	size_t row, cell;	/* rows done, cells of the current row */
	size_t hrow;		/* the header's row, from 0 */
	int have_header;	/* the header row is read */
	unsigned header_row;	/* --header-row, 0: the first (CSV), guessed
				 * (sheet) */
	unsigned colflag;	/* FZ_COL_CELL in a sheet, else 0 */
	fz_node *rec;		/* record of the current row */
	int row_bad, row_blank;
	unsigned char head[4];	/* the first bytes, until a BOM is ruled out */
	size_t nhead;
	int started, stopped;
	fz_node *records;
	fz_check *check;
};

/* The position of the current row, and of column i (from 0) in it. */
static inline unsigned
fz_import__line(const fz_import *im)
{
	return (unsigned)im->row + 1;
}

static inline unsigned
fz_import__col(const fz_import *im, size_t i)
{
	return ((unsigned)i + 1) | im->colflag;
}

/* import_head.c: the key a header names (--map first), NULL if none;
 * a header cell; the end of the header row (keys, and what is
 * missing). */
const char *fz_import__column_key(fz_import *im, const char *h);
void fz_import__header_cell(fz_import *im, const char *s, size_t len);
void fz_import__header_end(fz_import *im);
/* Report that no header row was found. */
void fz_import__no_header(fz_import *im);

/* import.c: a body cell at im->cell, already UTF-8; a cell no reader
 * takes back (reported, 1) or not (0); a row begun and ended. */
void fz_import__body_cell(fz_import *im, const char *s, size_t len);
int fz_import__cell_unreadable(fz_import *im, const char *text, size_t len);
void fz_import__row_start(fz_import *im);
void fz_import__body_row_end(fz_import *im);

/* import_sheet.c: the index of the sheet sel picks among the n names
 * of the workbook file (fz_import_xlsx's sel); -1 with err set (FZ_DATAERR). */
long fz_import__pick_sheet(const char *file, const char *const *names,
    size_t n, const char *sel, fz_error *err);

/* sheet_date.c: does a number format code show a date (a y or a d
 * outside quotes, brackets and escapes), does built-in format id; the
 * serial number v of a date cell (1900 or 1904 system) as YYYY-MM-DD
 * into out, 0 when v is no plain number. */
int fz_import__code_is_date(const char *code);
int fz_import__builtin_is_date(long id);
int fz_import__serial_date(int date1904, const char *v, char out[16]);

#endif
