/* import.h - fazhi-import: CSV and workbooks into the records of one kind.
 *
 * What other folders of lib/ and the programs may use of lib/import/; what
 * stays inside it is in import_int.h. */
#ifndef FAZHI_IMPORT_H
#define FAZHI_IMPORT_H

#include "core/core.h"
#include "io/io.h"
#include "check/check.h"

/* fazhi-import: CSV (RFC 4180) into the records of one kind. */
enum fz_import_encoding { FZ_ENC_UTF8, FZ_ENC_GB18030, FZ_ENC_GBK };
/* "utf-8", "gb18030", "gbk" (any case, utf8 too); -1 otherwise. */
int fz_import_encoding_parse(const char *name);

/* A date as spreadsheets write it: 2019-3-5, 2019/3/5, 2019.3.5,
 * 2019年3月5日, 20190305, with a time after a space or T ignored.
 * Returns 0, or -1 when it is not a valid date. */
int fz_import_date(const char *s, size_t len, fz_date *out);
/* The canonical node of a cell for field f: a SEQ for lists (split on
 * 、 ， ； , ;), a scalar otherwise, NULL for an empty cell.  Aliases
 * become canonical values, dates ISO 8601, 是/否 true/false, 1,250元
 * 1250; text not recognised is kept as it is, for fz_record_decode to
 * report.  The node and its text are owned by a. */
fz_node *fz_import_value(fz_arena *a, const fz_field *f, const char *s,
    size_t len);
/* The built-in key of a column header for kind k, NULL when none: a
 * usual Chinese header (统一社会信用代码 ...) or the key itself. */
const char *fz_import_header_key(enum fz_kind k, const char *header,
    size_t len);
/* The built-in headers of kind k: the i-th header and its key, 0 past
 * the end. */
int fz_import_builtin(enum fz_kind k, size_t i, const char **header,
    const char **key);

typedef struct fz_import fz_import;

/* An import of records of kind k from the CSV named file (used in
 * messages; copied), in encoding enc, checked as of as_of (FZ_NODATE:
 * today).  Owned by the caller; NULL when k has no records or iconv
 * cannot convert from enc. */
fz_import *fz_import_new(enum fz_kind k, enum fz_import_encoding enc,
    const char *file, fz_date as_of);
void fz_import_free(fz_import *im);
/* The column map 'COLUMN=key,...' (key "-" skips the column), before
 * any feed.  Returns FZ_OK or FZ_USAGE with err set. */
int fz_import_map(fz_import *im, const char *spec, fz_error *err);
/* The next bytes of the CSV.  Returns FZ_OK; a CSV syntax error is
 * kept and reported by fz_import_end. */
int fz_import_feed(fz_import *im, const void *buf, size_t len);
/* End the input; call fn with every problem in row order and set
 * *records to the SEQ of records (owned by im).  Returns FZ_OK (warnings
 * allowed) or FZ_DATAERR with err set to the first error. */
int fz_import_end(fz_import *im, fz_problem_fn fn, void *ctx,
    const fz_node **records, fz_error *err);
/* The header is row n (from 1) of the CSV or sheet; the rows above it
 * are skipped.  Before any input; -1 when n is 0. */
int fz_import_header_row(fz_import *im, unsigned n);

/* A workbook instead of a CSV: its sheet named sheet (copied) is read,
 * positions become FILE:SHEET!CELL (FZ_COL_CELL), and its rows are
 * given by fz_import_row, then fz_import_end is called.  Without
 * --header-row, the header is the first row one of whose cells names a
 * column (the built-in map or --map): a title above it is skipped. */
void fz_import_sheet(fz_import *im, const char *sheet);
/* A cell of a sheet as text: a number as its decimal, a date as
 * YYYY-MM-DD, text as UTF-8 (not NUL-terminated). */
typedef struct fz_import_cell {
	unsigned col;		/* from 1 */
	const char *text;
	size_t len;
} fz_import_cell;
/* Row row (from 1, rising) of the sheet: its n cells in column order
 * (empty ones may be left out).  Used during the call only. */
void fz_import_row(fz_import *im, unsigned row, const fz_import_cell *cells,
    size_t n);

/* The sheets of a workbook: sel NULL or "" the first, a number N the
 * N-th (from 1), else the sheet of that name. */
/* Read the .xlsx at path (named file in messages) into im, through
 * fz_import_sheet and fz_import_row.  Returns FZ_OK (problems of the
 * cells are kept for fz_import_end), FZ_NOINPUT when it cannot be
 * opened, FZ_DATAERR when it is not a workbook or has no sheet sel. */
int fz_import_xlsx(fz_import *im, const char *path, const char *file,
    const char *sel, fz_error *err);
/* The same for an .xls (BIFF) workbook, through FreeXL. */
int fz_import_xls(fz_import *im, const char *path, const char *file,
    const char *sel, fz_error *err);

/* Write the document kind: K, version: 1, records: [...]. */
int fz_import_write(fz_writer *w, enum fz_kind k, const fz_node *records);

/* end of check and import */

#endif
