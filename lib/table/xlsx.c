/* xlsx.c - the tables as an xlsx workbook through libxlsxwriter: one
 * sheet per table, named for what it holds, typed cells with number
 * formats, columns as wide as their values, a frozen header and an
 * autofilter; how it prints and its charts are xlsx_print.c.
 *
 * Nothing in the workbook may depend on the clock or the machine, so
 * that the same inputs give the same parts: the creation date is taken
 * from the data. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "table.h"
#include "table_int.h"

#define SHEET_NAME_MAX 31	/* characters (UTF-16 units) Excel allows */
#define CELL_TEXT_MAX 32767	/* characters in a cell */
#define FIXED_CREATED 946684800	/* 2000-01-01T00:00:00Z */
#define EXCEL_EPOCH 25569	/* 1970-01-01 as an Excel serial day */
#define HEAD_WRAP 10		/* a head wider than this and its values wraps */

enum { PLAIN, TOTAL };

typedef struct book {
	lxw_workbook *wb;
	lxw_format *head, *title;
	lxw_format *cell[2][FZ_C_DATE + 1];	/* PLAIN/TOTAL by enum fz_ctype */
	double *width;				/* of the sheet being written */
	double *head_width;			/* its heads' */
	lxw_error status;
} book;

static void
book_formats(book *b)
{
	static const char *const numfmt[] = { NULL, "0", "#,##0.00",
		"0.00%", "0.00", "yyyy-mm-dd" };

	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_bg_color(b->head, 0xDDEBF7);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	format_set_align(b->head, LXW_ALIGN_CENTER);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(b->head);
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	for (int k = PLAIN; k <= TOTAL; k++)
		for (int t = FZ_C_TEXT; t <= FZ_C_DATE; t++) {
			lxw_format *f = workbook_add_format(b->wb);
			if (numfmt[t] != NULL)
				format_set_num_format(f, numfmt[t]);
			if (k == TOTAL) {
				format_set_bold(f);
				format_set_top(f, LXW_BORDER_THIN);
			}
			b->cell[k][t] = f;
		}
}

/* UTF-16 units of the UTF-8 sequence starting with byte c. */
static int
utf16_units(unsigned char c)
{
	return c >= 0xF0 ? 2 : 1;
}

/* Display width in a column: CJK and other wide text counts double. */
static double
text_width(const char *s)
{
	double w = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x80)
			w += 1;
		else if (*p >= 0xC0)
			w += *p >= 0xE0 ? 2 : 1;
	return w;
}

/* The widest value of each column, as shown: money and figures with
 * their thousands separators (#,##0.00). */
static void
note_width(book *b, lxw_col_t col, const char *s, int grouped)
{
	double w = text_width(s) + 2;
	size_t digits = strspn(s + (s[0] == '-'), "0123456789");

	if (grouped && digits > 3)
		w += (double)((digits - 1) / 3);
	if (w > b->width[col])
		b->width[col] = w;
}

static void
check(book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->status == LXW_NO_ERROR)
		b->status = e;
}

/* Text cut to what a cell holds, at a character boundary.  Returns s or
 * a copy owned by the caller in *copy. */
static const char *
cell_text(const char *s, char **copy)
{
	size_t units = 0, i = 0, len = strlen(s);

	*copy = NULL;
	if (len <= CELL_TEXT_MAX)
		return s;
	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			units += utf16_units((unsigned char)s[i]);
			if (units > CELL_TEXT_MAX)
				break;
		}
	*copy = fz_xmalloc(i + 1);
	memcpy(*copy, s, i);
	(*copy)[i] = '\0';
	return *copy;
}

/* A cell's value as shown, for its column's width. */
static void
measure_cell(book *b, lxw_col_t c, const fz_table_cell *cell)
{
	char buf[48];

	note_width(b, c, fz_table_cell_format(cell, buf),
	    cell->type == FZ_C_MONEY);
}

static void
write_cell(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const fz_table_cell *cell, int kind)
{
	lxw_format *f = b->cell[kind][cell->type];
	char *copy;
	double v = (double)cell->num;

	if (cell->empty || ((cell->type == FZ_C_RATE ||
	    cell->type == FZ_C_MEAN) && cell->den == 0)) {
		if (kind == TOTAL)
			check(b, worksheet_write_blank(ws, r, c, f));
		return;
	}
	switch (cell->type) {
	case FZ_C_TEXT:
		/* Always a string cell: text from the input never becomes
		 * a formula, whatever it starts with. */
		check(b, worksheet_write_string(ws, r, c,
		    cell_text(cell->text, &copy), f));
		free(copy);
		return;
	case FZ_C_MONEY:
		v = (double)cell->num / 100;
		break;
	case FZ_C_RATE:
	case FZ_C_MEAN:
		v = (double)cell->num / (double)cell->den;
		break;
	case FZ_C_DATE:
		v = (double)cell->num + EXCEL_EPOCH;
		break;
	}
	check(b, worksheet_write_number(ws, r, c, v, f));
}

/* The cell of row i, column j, an empty one of the column's type past
 * the row's end. */
static const fz_table_cell *
cell_at(const fz_table *t, size_t i, size_t j, fz_table_cell *empty)
{
	const fz_row *r = &t->rows[i];

	if (j < r->n)
		return &r->cells[j];
	*empty = (fz_table_cell){ .type = t->cols[j].type, .empty = 1 };
	return empty;
}

/* The widths of a table's heads and values, before anything is
 * written: the workbook is written row by row, each row's cells leaving
 * memory when the next row begins (constant_memory), so what depends on
 * the whole table (widths, the print layout, the filter's rows) is set
 * first. */
static void
measure_table(book *b, const fz_table *t)
{
	fz_table_cell empty;

	for (size_t j = 0; j < t->ncols; j++) {
		double w = text_width(t->cols[j].label) + 2;
		if (w > b->head_width[j])
			b->head_width[j] = w;
	}
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j < t->ncols; j++)
			measure_cell(b, (lxw_col_t)j, cell_at(t, i, j, &empty));
}

/* The header frozen and filtered; head is its row. */
static void
set_filter(book *b, lxw_worksheet *ws, const fz_table *t, lxw_row_t head)
{
	lxw_row_t last = head + (lxw_row_t)(t->nrows - (size_t)t->totals);

	worksheet_freeze_panes(ws, head + 1, 0);
	if (t->ncols > 0)
		check(b, worksheet_autofilter(ws, head, 0, last,
		    (lxw_col_t)(t->ncols - 1)));
}

/* A table's header at row head, then its rows and totals. */
static void
write_table(book *b, lxw_worksheet *ws, const fz_table *t, lxw_row_t head)
{
	fz_table_cell empty;

	for (size_t j = 0; j < t->ncols; j++)
		check(b, worksheet_write_string(ws, head, (lxw_col_t)j,
		    t->cols[j].label, b->head));
	for (size_t i = 0; i < t->nrows; i++) {
		int kind = t->totals && i + 1 == t->nrows ? TOTAL : PLAIN;
		for (size_t j = 0; j < t->ncols; j++)
			write_cell(b, ws, head + 1 + (lxw_row_t)i, (lxw_col_t)j,
			    cell_at(t, i, j, &empty), kind);
	}
}

/* Excel folds case.  In ASCII, not by strcasecmp: the programs take
 * LC_CTYPE from the locale (fz_cli_start), and in a Turkish one I and
 * i are not each other's case. */
static int
same_name(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (*a != *b && ((*a | 0x20) != (*b | 0x20) ||
		    (*a | 0x20) < 'a' || (*a | 0x20) > 'z'))
			return 0;
	return *a == *b;
}

static int
name_taken(const char *name, char *const *used, size_t nused)
{
	if (same_name(name, "History"))	/* reserved by Excel */
		return 1;
	for (size_t i = 0; i < nused; i++)
		if (same_name(name, used[i]))
			return 1;
	return 0;
}

/* Bytes of s that fit in max UTF-16 units, at a character boundary. */
static size_t
fit(const char *s, size_t max)
{
	size_t units = 0, i = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			units += utf16_units((unsigned char)s[i]);
			if (units > max)
				break;
		}
	return i;
}

/* base cut to max UTF-16 units, no ' at its end, then suffix. */
static void
put_name(char *out, const char *base, size_t max, const char *suffix)
{
	size_t keep = fit(base, max);

	while (keep > 0 && base[keep - 1] == '\'')
		keep--;
	snprintf(out, 128, "%.*s%s", (int)keep, base, suffix);
}

char *
fz_table_sheet_name(const char *want, char *const *used, size_t nused, char *out)
{
	char base[128];
	size_t len = 0;

	/* 127 bytes hold more than 31 units of any text. */
	for (const char *p = want + strspn(want, "'"); *p != '\0' &&
	    len + 1 < sizeof base; p++)
		base[len++] = (strchr("[]:*?/\\", *p) != NULL ||
		    (unsigned char)*p < 0x20) ? '_' : *p;
	base[len] = '\0';
	put_name(out, base, SHEET_NAME_MAX, "");
	if (out[0] == '\0')
		strcpy(base, "Sheet"), strcpy(out, base);
	for (unsigned n = 2; name_taken(out, used, nused); n++) {
		char suffix[16];
		snprintf(suffix, sizeof suffix, "~%u", n);
		put_name(out, base, SHEET_NAME_MAX - strlen(suffix), suffix);
	}
	return out;
}

/* Each column as wide as its widest value, its head wrapped when it is
 * wider still (within HEAD_WRAP), between 6 and 60. */
static void
set_widths(book *b, lxw_worksheet *ws, size_t ncols)
{
	for (size_t j = 0; j < ncols; j++) {
		double w = b->width[j], h = b->head_width[j];
		if (h > w)
			w = h < HEAD_WRAP || w >= HEAD_WRAP ? (h < w + HEAD_WRAP ?
			    h : w) : HEAD_WRAP;
		b->width[j] = w < 6 ? 6 : w > 60 ? 60 : w;
		check(b, worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
		    b->width[j], NULL));
	}
}

/* One table on a sheet of its own called name: a title and its info
 * line above it when it has one (a draw's task, seed and date), or a
 * report's heading above its title and its foot below it. */
static int
write_sheet(book *b, const fz_table *t, char *name, fz_error *err)
{
	lxw_worksheet *ws;
	lxw_row_t row = 0, head;

	if (t->nrows + 4 > LXW_ROW_MAX || t->ncols + 1 > LXW_COL_MAX)
		return fz_error_set(err, FZ_DATAERR, t->file, t->line,
		    t->col, "%s: %zu rows and %zu columns do not fit a "
		    "sheet (at most %d and %d)", t->title, t->nrows, t->ncols,
		    LXW_ROW_MAX, LXW_COL_MAX - 1);
	ws = workbook_add_worksheet(b->wb, name);
	if (ws == NULL)
		return fz_error_set(err, FZ_IOERR, NULL, 0, 0,
		    "cannot add sheet %s", name);
	b->width = fz_xcalloc(t->ncols + 1, sizeof *b->width);
	b->head_width = fz_xcalloc(t->ncols + 1, sizeof *b->head_width);
	if (t->heading != NULL) {
		check(b, worksheet_write_string(ws, 0, 0, t->heading, b->title));
		check(b, worksheet_write_string(ws, 1, 0, t->title, NULL));
		row = 3;
	} else if (t->info != NULL) {
		check(b, worksheet_write_string(ws, 0, 0, t->title, b->title));
		check(b, worksheet_write_string(ws, 1, 0, t->info, NULL));
		row = 3;
	}
	head = row;
	measure_table(b, t);
	set_widths(b, ws, t->ncols);
	set_filter(b, ws, t, head);
	fz_table__xlsx_page(ws, t, head, b->width, &b->status);
	fz_table__xlsx_charts(b->wb, ws, name, t, head, b->width, &b->status);
	write_table(b, ws, t, head);
	fz_table__xlsx_foot(ws, t, head + 2 + (lxw_row_t)t->nrows, &b->status);
	free(b->width);
	free(b->head_width);
	b->width = b->head_width = NULL;
	return FZ_OK;
}

/* The first document's to:, as a fixed creation time. */
static time_t
created(const fz_table_set *ts)
{
	for (size_t d = 0; d < ts->ndocs; d++)
		if (ts->docs[d]->to != FZ_NODATE && ts->docs[d]->to > 0)
			return (time_t)ts->docs[d]->to * 86400;
	return FIXED_CREATED;
}

/* Every table, in order, as a list; its length in *n. */
static const fz_table **
all_tables(const fz_table_set *ts, size_t *n)
{
	const fz_table **list;

	*n = 0;
	for (size_t d = 0; d < ts->ndocs; d++)
		for (const fz_table *t = ts->docs[d]; t != NULL; t = t->next)
			(*n)++;
	list = fz_xcalloc(*n + 1, sizeof *list);
	*n = 0;
	for (size_t d = 0; d < ts->ndocs; d++)
		for (const fz_table *t = ts->docs[d]; t != NULL; t = t->next)
			list[(*n)++] = t;
	return list;
}

/* names[i] (128 bytes each) receive the sheet names; libxlsxwriter
 * reads them again when it closes the workbook. */
static int
write_sheets(book *b, const fz_table **tables, size_t n, char (*names)[128],
    fz_error *err)
{
	char **used = fz_xcalloc(n + 1, sizeof *used);
	int status = FZ_OK;

	for (size_t i = 0; status == FZ_OK && i < n; i++) {
		used[i] = fz_table_sheet_name(tables[i]->sheet != NULL ?
		    tables[i]->sheet : tables[i]->name, used, i, names[i]);
		status = write_sheet(b, tables[i], names[i], err);
	}
	free(used);
	return status;
}

static const char *
dir_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return ".";
	if (slash == path)
		return "/";
	snprintf(buf, size, "%.*s", (int)(slash - path), path);
	return buf;
}

/* workbook_close, with what libxlsxwriter prints of its failures kept
 * off standard error (the program says what failed, once, naming the
 * output); *sys is the errno the failure left, or 0. */
static lxw_error
close_quietly(lxw_workbook *wb, int *sys)
{
	int saved, null;
	lxw_error rc;

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	errno = 0;
	rc = workbook_close(wb);
	*sys = errno;
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (null >= 0)
		close(null);
	return rc;
}

int
fz_table_xlsx_write(const char *path, const fz_table_set *ts, fz_error *err)
{
	char dir[4096], title[256];
	lxw_workbook_options opt = { .constant_memory = 1 };
	lxw_doc_properties props = { .author = "fazhi" };
	char (*names)[128];
	const fz_table **tables;
	size_t ntables;
	book b = { 0 };
	lxw_error closed;
	int status, sys;

	opt.tmpdir = (char *)dir_of(path, dir, sizeof dir);
	b.wb = workbook_new_opt(path, &opt);
	if (b.wb == NULL)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0,
		    "cannot create workbook: out of memory");
	snprintf(title, sizeof title, "%s", ts->ndocs == 1 ?
	    ts->docs[0]->title : "fazhi");
	props.title = title;
	props.created = created(ts);
	check(&b, workbook_set_properties(b.wb, &props));
	book_formats(&b);
	tables = all_tables(ts, &ntables);
	names = fz_xcalloc(ntables + 1, sizeof *names);
	status = write_sheets(&b, tables, ntables, names, err);
	if (status == FZ_OK && ntables == 0)
		workbook_add_worksheet(b.wb, "Sheet");	/* a workbook needs one */
	closed = close_quietly(b.wb, &sys);
	free(names);
	free(tables);
	if (status != FZ_OK)
		return status;
	if ((closed == LXW_ERROR_CREATING_XLSX_FILE ||
	    closed == LXW_ERROR_CREATING_TMPFILE) && sys != 0)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0,
		    "cannot create: %s", strerror(sys));
	if (closed == LXW_ERROR_CREATING_XLSX_FILE ||
	    closed == LXW_ERROR_CREATING_TMPFILE)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0, "%s",
		    lxw_strerror(closed));
	/* A zip that could not be written: the system's reason, as for
	 * every other output (a full device: No space left on device). */
	if (closed >= LXW_ERROR_ZIP_FILE_OPERATION &&
	    closed <= LXW_ERROR_ZIP_CLOSE && sys != 0)
		return fz_error_set(err, FZ_IOERR, path, 0, 0,
		    "write error: %s", strerror(sys));
	if (closed != LXW_NO_ERROR || b.status != LXW_NO_ERROR)
		return fz_error_set(err, FZ_IOERR, path, 0, 0, "%s",
		    lxw_strerror(closed != LXW_NO_ERROR ? closed : b.status));
	return FZ_OK;
}

static int
write_book(const char *path, void *ctx, fz_error *err)
{
	return fz_table_xlsx_write(path, ctx, err);
}

int
fz_table_xlsx_stream(FILE *out, const char *tmpdir, const fz_table_set *ts,
    fz_error *err)
{
	return fz_output_aside(out, tmpdir, write_book, (void *)ts, err);
}

int
fz_table_xlsx_output(fz_output *o, const fz_table_set *ts, fz_error *err)
{
	return fz_output_by_path(o, write_book, (void *)ts, err);
}
