/* table.h - the tables of any document; CSV and xlsx out.
 *
 * What other folders of lib/ and the programs may use of lib/table/; what
 * stays inside it is in table_int.h. */
#ifndef FAZHI_TABLE_H
#define FAZHI_TABLE_H

#include "core/core.h"
#include "io/io.h"

/* -------------------------------------------------------------------------- tables */

/* The table of a fazhi document, for CSV and xlsx: tally rows and their
 * totals, metrics rates and counts, draw selections, one row per record
 * of a record kind, or key/value rows of any other mapping.  Headers are
 * Chinese (fz_label).  Everything a table holds is copied into its
 * tableset, so nodes may be freed once added. */
enum fz_ctype {
	FZ_C_TEXT,	/* text */
	FZ_C_INT,	/* integer: num */
	FZ_C_MONEY,	/* money: num fen */
	FZ_C_RATE,	/* num / den shown as a percent */
	FZ_C_MEAN,	/* num / den shown as a number (a mean score) */
	FZ_C_DATE	/* num is an fz_date */
};

typedef struct fz_table_cell {
	unsigned char type;	/* enum fz_ctype */
	unsigned char empty;	/* absent, null, or a ratio over 0 */
	const char *text;	/* FZ_C_TEXT, never NULL then */
	long long num, den;
} fz_table_cell;

typedef struct fz_column {
	const char *key;	/* "visits" */
	const char *label;	/* the header: "检查单位家次" */
	unsigned char type;	/* enum fz_ctype: the type its cells are meant to have */
	unsigned char code;	/* an id, ticket or digest: shown in a fixed
				 * font and broken anywhere */
} fz_column;

/* A row: cells past n are empty. */
typedef struct fz_row {
	fz_table_cell *cells;
	size_t n;
} fz_row;

typedef struct fz_table {
	const char *kind;	/* "tally" ...; NULL for a document without kind */
	const char *name;	/* short Chinese name: the kind's label, "数据" */
	const char *title;	/* name, part and period: "统计 2019-01-01 至 2019-12-31" */
	const char *key;	/* which table of its document it is, for
				 * templates ("tickets"), or NULL */
	const char *sheet;	/* its xlsx sheet's name, what it holds:
				 * 按类型, a draw's task */
	const char *info;	/* a line said above it in xlsx (a draw's
				 * task, seed and date), or NULL */
	const char *heading;	/* a bold line atop its xlsx sheet, above its
				 * title (a report's name), or NULL */
	const char *foot;	/* lines below it in xlsx, "\n" between (who
				 * files a report, and when), or NULL */
	const char *file;	/* where the document begins */
	unsigned line, col;
	fz_date to;		/* the document's to:, FZ_NODATE when none */
	fz_column *cols;
	size_t ncols;
	fz_row *rows;
	size_t nrows;
	size_t ngroup;		/* tally: the leading group-key columns */
	int period_col;		/* tally: the first period key's column, or -1 */
	int totals;		/* 1: the last row is the totals row (合计) */
	struct fz_table *next;	/* the next table of the same document */
	size_t cap_cols, cap_rows;
} fz_table;

typedef struct fz_table_set {
	fz_table **docs;	/* the first table of each document, in order */
	size_t ndocs;
	/* private */
	fz_arena *arena;
	size_t cap;
	fz_table *open;		/* the record table events are filling */
	enum fz_kind open_kind;	/* and its kind */
	fz_table_cell *scratch;
	size_t nscratch, cap_scratch;
} fz_table_set;

/* An empty set owned by the caller; free with fz_table_set_free. */
fz_table_set *fz_table_set_new(void);
void fz_table_set_free(fz_table_set *ts);
/* Add the tables of one document: a MAP whose kind: says what it is
 * (a record kind keeps its records in records:).  file names it in
 * messages and may be NULL.  FZ_OK, or FZ_DATAERR with err set when a
 * known kind has the wrong shape (rows: not a list ...). */
int fz_table_set_add_doc(fz_table_set *ts, const fz_node *doc,
    const char *file, fz_error *err);
/* Add a table of given cells (a report's own, not a document's): its
 * title and sheet name, its column heads (NULL-terminated; a leading #
 * marks a column of numbers, where a whole number is a number, a
 * decimal of two places one of two places ("12.62"), a percent of two
 * places a rate ("40.00%"), and any other text, such as a place to
 * write, stays text), and
 * nrows rows of as many cells, row by row.  new_doc: the first table of
 * a document of its own, else after the last table added.  Everything
 * is copied.  Returns the table, owned by ts. */
fz_table *fz_table_set_add_grid(fz_table_set *ts, const char *title,
    const char *sheet, const char *const *heads, const char *const *cells,
    size_t nrows, int new_doc);
/* A report's frame of t, a table of ts, on its xlsx sheet: heading, a
 * bold line above its title, and foot, lines below it ("\n" between, as
 * a report ends); either may be NULL.  Both are copied. */
void fz_table_frame(fz_table_set *ts, fz_table *t, const char *heading,
    const char *foot);
/* Add an event of fz_stream_next (any flags): records go one by one into
 * their document's table, so a record kind need not be kept whole; the
 * end event is nothing. */
int fz_table_set_add_event(fz_table_set *ts, const fz_event *ev,
    fz_error *err);
/* The text of a cell as CSV writes it: "42", money in yuan with two
 * places ("1250.50", "5000.00"), "98.34%", "8.50", "2019-03-05", ""
 * when empty; a text cell's own text.  Returns a pointer
 * to buf (at least 48 bytes) or to the cell's text. */
const char *fz_table_cell_format(const fz_table_cell *c, char *buf);
/* num / den rounded half away from zero to `decimals` places (0..6), as
 * a percent ("98.34%") when percent is set; den must not be 0. */
char *fz_table_ratio_format(long long num, long long den, int decimals,
    int percent, char *buf);

/* The two parts of a tally's figures (fazhi-formats(5) "tally"): those
 * of the inspections (visits ... leader_led) and those of the cases
 * (filed ... fines), for a report that shows each in a table of its
 * own. */
enum fz_table_part { FZ_PART_INSPECTIONS, FZ_PART_CASES };
/* A table of a tally table t's group columns and the figures of part,
 * with its rows that have a figure other than 0 (and its totals); NULL
 * when t is not a tally's, a group key is no key of part's records (a
 * case has no type), or no row but the totals is left.  Owned by ts, not
 * among its documents (CSV and xlsx do not see it); key is the part's
 * name, "inspections" or "cases". */
const fz_table *fz_table_tally_part(fz_table_set *ts, const fz_table *t,
    enum fz_table_part part);

/* CSV (RFC 4180): CRLF line ends, a field quoted when it holds a comma,
 * quote, CR or LF, quotes doubled.  Text that starts with = + - @, tab or
 * CR gets a leading ' so that no spreadsheet reads it as a formula.
 * With more than one table, each is preceded by a line holding its title
 * and followed by an empty line. */
/* A table's totals row (合计) is left out unless FZ_CSV_TOTALS asks for
 * it: inside the data it would be counted again by a pivot table. */
enum fz_table_csv_flags {
	FZ_CSV_BOM = 1,		/* begin with a UTF-8 BOM */
	FZ_CSV_TOTALS = 2	/* write the totals rows */
};
/* FZ_OK, or FZ_IOERR when writing out fails (out is not closed). */
int fz_table_csv_write(FILE *out, const fz_table_set *ts, unsigned flags,
    fz_error *err);
/* Write one field, neutralised and quoted as above: 0, or EOF. */
int fz_table_csv_field(FILE *out, const char *s);

/* xlsx through libxlsxwriter: one sheet per table, named for what it
 * holds (按类型, a draw's task), a Chinese header row, number formats,
 * columns as wide as their values, a frozen header, an autofilter,
 * totals row; printed on A4 (landscape when wide) fitted to the page's
 * width, the header repeated on each page, the title at its head and
 * the page number at its foot; native charts for a tally by a period,
 * its large and small figures apart, below the table on a page of
 * their own.  Every part of the zip
 * depends on the tables alone (the creation date is the first
 * document's to:, else 2000-01-01).  Text is always a string cell,
 * never a formula. */
/* Write the workbook to path (created or truncated; libxlsxwriter's
 * temporary files go beside it).  FZ_OK, FZ_CANTCREAT or FZ_IOERR; a
 * failed write may leave path partly written: give it a temporary name
 * (fz_output's tmp) and rename on success. */
int fz_table_xlsx_write(const char *path, const fz_table_set *ts, fz_error *err);
/* The workbook copied onto out (standard output) through a temporary
 * file in tmpdir (NULL: /tmp), which is removed. */
int fz_table_xlsx_stream(FILE *out, const char *tmpdir, const fz_table_set *ts,
    fz_error *err);
/* The workbook into an open fz_output: with a target, into its
 * temporary file (nothing is written to o->fp; then fz_output_commit,
 * or fz_output_abort on failure), errors naming the target; on standard
 * output, through fz_table_xlsx_stream in $TMPDIR or /tmp. */
int fz_table_xlsx_output(fz_output *o, const fz_table_set *ts, fz_error *err);
/* A valid, unique sheet name for want into out (at least 128 bytes):
 * []:*?/\ become _, no ' at either end, at most 31 characters, and
 * "~2", "~3" ... appended when one of used[0..nused) has it (case
 * folded). */
char *fz_table_sheet_name(const char *want, char *const *used, size_t nused,
    char *out);

/* end of tables, csv and xlsx */

#endif
