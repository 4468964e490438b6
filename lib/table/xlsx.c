/* xlsx.c - the tables as an xlsx workbook through libxlsxwriter: one
 * sheet per document, typed cells with number formats, a frozen header,
 * an autofilter, and a native chart for every tally by a period.
 *
 * Nothing in the workbook may depend on the clock or the machine, so
 * that the same inputs give the same parts: the creation date is taken
 * from the data. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "table.h"

#define SHEET_NAME_MAX 31	/* characters (UTF-16 units) Excel allows */
#define CELL_TEXT_MAX 32767	/* characters in a cell */
#define FIXED_CREATED 946684800	/* 2000-01-01T00:00:00Z */
#define EXCEL_EPOCH 25569	/* 1970-01-01 as an Excel serial day */
#define LINE_CHART_ROWS 12	/* more periods than this: a line chart */
#define CHART_SERIES_MAX 4

enum { PLAIN, TOTAL };

typedef struct book {
	lxw_workbook *wb;
	lxw_format *head, *title;
	lxw_format *cell[2][FZ_C_DATE + 1];	/* PLAIN/TOTAL by enum fz_ctype */
	double *width;				/* of the sheet being written */
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

static void
note_width(book *b, lxw_col_t col, const char *s)
{
	double w = text_width(s) + 2;

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

static void
write_cell(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const fz_table_cell *cell, int kind)
{
	lxw_format *f = b->cell[kind][cell->type];
	char buf[48], *copy;
	double v = (double)cell->num;

	note_width(b, c, fz_table_cell_format(cell, buf));
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

/* The indicators a chart shows: the headline ones, else the first. */
static size_t
chart_columns(const fz_table *t, size_t *cols)
{
	static const char *const headline[] = { "visits", "violations",
		"filed", "closed", NULL };
	size_t n = 0;

	for (size_t h = 0; headline[h] != NULL; h++)
		for (size_t j = t->ngroup; j < t->ncols; j++)
			if (strcmp(t->cols[j].key, headline[h]) == 0 &&
			    t->cols[j].type == FZ_C_INT)
				cols[n++] = j;
	for (size_t j = t->ngroup; n == 0 && j < t->ncols; j++)
		if (t->cols[j].type == FZ_C_INT ||
		    t->cols[j].type == FZ_C_MONEY) {
			for (size_t k = j; k < t->ncols && n < CHART_SERIES_MAX; k++)
				if (t->cols[k].type == t->cols[j].type)
					cols[n++] = k;
		}
	return n;
}

/* A column chart of the indicators by period (a line chart for many
 * periods), beside the table whose header is at row head. */
static void
add_chart(book *b, lxw_worksheet *ws, const char *sheet, const fz_table *t,
    lxw_row_t head)
{
	size_t cols[CHART_SERIES_MAX], n = chart_columns(t, cols);
	lxw_row_t first = head + 1, last = head + (lxw_row_t)(t->nrows -
	    (size_t)t->totals);
	lxw_chart_options where = { .x_offset = 16, .y_offset = 8,
		.x_scale = 1.6, .y_scale = 1.3 };
	lxw_chart *chart;

	if (n == 0 || last < first)
		return;
	chart = workbook_add_chart(b->wb, last - first + 1 > LINE_CHART_ROWS ?
	    LXW_CHART_LINE : LXW_CHART_COLUMN);
	if (chart == NULL) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		/* Two or more group keys make a multi-level category axis. */
		chart_series_set_categories(s, sheet, first, 0, last,
		    (lxw_col_t)(t->ngroup - 1));
		chart_series_set_values(s, sheet, first, (lxw_col_t)cols[i],
		    last, (lxw_col_t)cols[i]);
		chart_series_set_name_range(s, sheet, head, (lxw_col_t)cols[i]);
	}
	/* A title starting with = would be read as a formula. */
	if (t->title[0] != '=')
		chart_title_set_name(chart, t->title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	check(b, worksheet_insert_chart_opt(ws, head,
	    (lxw_col_t)(t->ncols + 1), chart, &where));
}

/* One table from row *row on: its header, rows and totals. */
static void
write_table(book *b, lxw_worksheet *ws, const char *sheet, const fz_table *t,
    lxw_row_t *row, int first)
{
	lxw_row_t head;

	if (!first) {
		check(b, worksheet_write_string(ws, ++*row, 0, t->title,
		    b->title));
		++*row;
	}
	head = *row;
	for (size_t j = 0; j < t->ncols; j++) {
		note_width(b, (lxw_col_t)j, t->cols[j].label);
		check(b, worksheet_write_string(ws, head, (lxw_col_t)j,
		    t->cols[j].label, b->head));
	}
	for (size_t i = 0; i < t->nrows; i++) {
		int kind = t->totals && i + 1 == t->nrows ? TOTAL : PLAIN;
		const fz_row *r = &t->rows[i];
		for (size_t j = 0; j < t->ncols; j++) {
			fz_table_cell empty = { .type = t->cols[j].type, .empty = 1 };
			write_cell(b, ws, head + 1 + (lxw_row_t)i, (lxw_col_t)j,
			    j < r->n ? &r->cells[j] : &empty, kind);
		}
	}
	*row = head + 1 + (lxw_row_t)t->nrows;
	if (first) {
		lxw_row_t last = head + (lxw_row_t)(t->nrows - (size_t)t->totals);
		worksheet_freeze_panes(ws, head + 1, 0);
		if (t->ncols > 0)
			check(b, worksheet_autofilter(ws, head, 0, last,
			    (lxw_col_t)(t->ncols - 1)));
	}
	if (t->period_col >= 0 && t->ngroup > 0)
		add_chart(b, ws, sheet, t, head);
}

static int
same_name(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;	/* Excel folds case */
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

/* Rows a document takes on its sheet. */
static size_t
doc_rows(const fz_table *t, size_t *cols)
{
	size_t rows = 0;

	*cols = 0;
	for (int first = 1; t != NULL; t = t->next, first = 0) {
		rows += t->nrows + 1 + (first ? 0 : 2);
		if (t->ncols > *cols)
			*cols = t->ncols;
	}
	return rows;
}

static int
write_sheet(book *b, const fz_table *doc, char *name, fz_error *err)
{
	size_t ncols, nrows = doc_rows(doc, &ncols);
	lxw_worksheet *ws;
	lxw_row_t row = 0;

	if (nrows > LXW_ROW_MAX || ncols + 1 > LXW_COL_MAX)
		return fz_error_set(err, FZ_DATAERR, doc->file, doc->line,
		    doc->col, "%s: %zu rows and %zu columns do not fit a "
		    "sheet (at most %d and %d)", doc->title, nrows, ncols,
		    LXW_ROW_MAX, LXW_COL_MAX - 1);
	ws = workbook_add_worksheet(b->wb, name);
	if (ws == NULL)
		return fz_error_set(err, FZ_IOERR, NULL, 0, 0,
		    "cannot add sheet %s", name);
	b->width = fz_xcalloc(ncols + 1, sizeof *b->width);
	for (const fz_table *t = doc; t != NULL; t = t->next)
		write_table(b, ws, name, t, &row, t == doc);
	for (size_t j = 0; j < ncols; j++)
		check(b, worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
		    b->width[j] < 8 ? 8 : b->width[j] > 60 ? 60 : b->width[j],
		    NULL));
	free(b->width);
	b->width = NULL;
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

/* names[d] (128 bytes each) receive the sheet names; libxlsxwriter
 * reads them again when it closes the workbook. */
static int
write_sheets(book *b, const fz_table_set *ts, char (*names)[128],
    fz_error *err)
{
	char **used = fz_xcalloc(ts->ndocs + 1, sizeof *used);
	int status = FZ_OK;

	for (size_t d = 0; status == FZ_OK && d < ts->ndocs; d++) {
		used[d] = fz_table_sheet_name(ts->docs[d]->name, used, d, names[d]);
		status = write_sheet(b, ts->docs[d], names[d], err);
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

int
fz_table_xlsx_write(const char *path, const fz_table_set *ts, fz_error *err)
{
	char dir[4096], title[256];
	lxw_workbook_options opt = { .constant_memory = 0 };
	lxw_doc_properties props = { .author = "fazhi" };
	char (*names)[128];
	book b = { 0 };
	lxw_error closed;
	int status;

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
	names = fz_xcalloc(ts->ndocs + 1, sizeof *names);
	status = write_sheets(&b, ts, names, err);
	if (status == FZ_OK && ts->ndocs == 0)
		workbook_add_worksheet(b.wb, "Sheet");	/* a workbook needs one */
	closed = workbook_close(b.wb);
	free(names);
	if (status != FZ_OK)
		return status;
	if (closed == LXW_ERROR_CREATING_XLSX_FILE ||
	    closed == LXW_ERROR_CREATING_TMPFILE)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0, "%s",
		    lxw_strerror(closed));
	if (closed != LXW_NO_ERROR || b.status != LXW_NO_ERROR)
		return fz_error_set(err, FZ_IOERR, path, 0, 0, "%s",
		    lxw_strerror(closed != LXW_NO_ERROR ? closed : b.status));
	return FZ_OK;
}

static int
copy_file(FILE *in, FILE *out)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return -1;
	return ferror(in) || fflush(out) == EOF ? -1 : 0;
}

int
fz_table_xlsx_stream(FILE *out, const char *tmpdir, const fz_table_set *ts,
    fz_error *err)
{
	char path[4096];
	FILE *in;
	int fd, status;

	snprintf(path, sizeof path, "%s/fazhi-xlsx-XXXXXX",
	    tmpdir != NULL ? tmpdir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0,
		    "cannot create a temporary file: %s", strerror(errno));
	close(fd);
	status = fz_table_xlsx_write(path, ts, err);
	if (status == FZ_OK) {
		if ((in = fopen(path, "rb")) == NULL ||
		    copy_file(in, out) != 0)
			status = fz_error_set(err, FZ_IOERR, NULL, 0, 0,
			    "write error: %s", strerror(errno ? errno : EIO));
		if (in != NULL)
			fclose(in);
	}
	unlink(path);
	return status;
}

int
fz_table_xlsx_output(fz_output *o, const fz_table_set *ts, fz_error *err)
{
	const char *tmpdir = getenv("TMPDIR");
	int status;

	/* Standard output, a device or a FIFO: made aside, then copied. */
	if (o->path == NULL || o->tmp == NULL)
		return fz_table_xlsx_stream(o->fp, tmpdir != NULL &&
		    *tmpdir != '\0' ? tmpdir : NULL, ts, err);
	status = fz_table_xlsx_write(o->tmp, ts, err);
	/* Messages name the target, not its temporary file. */
	if (status != FZ_OK && strcmp(err->file, o->tmp) == 0)
		snprintf(err->file, sizeof err->file, "%s", o->path);
	return status;
}
