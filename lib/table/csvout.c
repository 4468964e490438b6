/* csvout.c - the tables as RFC 4180 CSV, safe to open in a spreadsheet:
 * text that a spreadsheet would take for a formula gets a leading '
 * (the OWASP advice against CSV injection), numbers are left alone. */
#include <errno.h>
#include <string.h>

#include "table.h"

/* = + - @ start a formula; a tab or CR before them is skipped by some
 * spreadsheets, so those are neutralised too.  A text that begins as a
 * guarded one does (quotes, then = + - or @) gets its ' as well, so
 * that fazhi-import, which takes one such quote off, gives back every
 * text as it was. */
static int
looks_like_formula(const char *s)
{
	const char *p = s + strspn(s, "'");

	return (*p != '\0' && strchr("=+-@", *p) != NULL) ||
	    (s[0] != '\0' && strchr("\t\r", s[0]) != NULL);
}

int
fz_table_csv_field(FILE *out, const char *s)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote && putc('"', out) == EOF)
		return EOF;
	if (looks_like_formula(s) && putc('\'', out) == EOF)
		return EOF;
	for (; *s != '\0'; s++) {
		if (*s == '"' && putc('"', out) == EOF)
			return EOF;
		if (putc(*s, out) == EOF)
			return EOF;
	}
	if (quote && putc('"', out) == EOF)
		return EOF;
	return 0;
}

static void
csv_cell(FILE *out, const fz_table_cell *c)
{
	char buf[48];

	if (c->empty)
		return;
	if (c->type == FZ_C_TEXT)
		fz_table_csv_field(out, c->text);
	else	/* digits, sign, point, %, -: nothing to quote */
		fputs(fz_table_cell_format(c, buf), out);
}

static void
csv_table(FILE *out, const fz_table *t, unsigned flags)
{
	size_t nrows = t->nrows - (t->totals && !(flags & FZ_CSV_TOTALS));

	for (size_t j = 0; j < t->ncols; j++) {
		if (j > 0)
			putc(',', out);
		fz_table_csv_field(out, t->cols[j].label);
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < nrows; i++) {
		const fz_row *r = &t->rows[i];
		for (size_t j = 0; j < t->ncols; j++) {
			if (j > 0)
				putc(',', out);
			if (j < r->n)
				csv_cell(out, &r->cells[j]);
		}
		fputs("\r\n", out);
	}
}

int
fz_table_csv_write(FILE *out, const fz_table_set *ts, unsigned flags,
    fz_error *err)
{
	size_t ntables = 0, done = 0;

	for (size_t d = 0; d < ts->ndocs; d++)
		for (const fz_table *t = ts->docs[d]; t != NULL; t = t->next)
			ntables++;
	if (flags & FZ_CSV_BOM)
		fputs("\xEF\xBB\xBF", out);
	for (size_t d = 0; d < ts->ndocs; d++)
		for (const fz_table *t = ts->docs[d]; t != NULL; t = t->next) {
			if (done++ > 0)
				fputs("\r\n", out);
			if (ntables > 1) {
				fz_table_csv_field(out, t->title);
				fputs("\r\n", out);
			}
			csv_table(out, t, flags);
		}
	if (fflush(out) == EOF || ferror(out))
		return fz_error_set(err, FZ_IOERR, NULL, 0, 0,
		    "write error: %s", strerror(errno ? errno : EIO));
	return FZ_OK;
}
