/* table_int.h - what the files of lib/table/ share: table.c with the
 * kinds' tables, xlsx.c with xlsx_print.c; not installed. */
#ifndef FAZHI_TABLE_INT_H
#define FAZHI_TABLE_INT_H

#include <xlsxwriter.h>

#include "table.h"

/* A type for fz_table__scalar: integers and dates when plain, else text. */
#define FZ_TABLE__AUTO 255

/* fz_label(key), or key when it has none. */
const char *fz_table__label(const char *key);
/* A copy of s owned by the set's arena. */
char *fz_table__strdup(fz_table_set *ts, const char *s);
/* A new table (owned by the set) titled from kind, part and doc's from:
 * and to:; doc and file may be NULL.  Attach it with fz_table__attach. */
fz_table *fz_table__new(fz_table_set *ts, const char *kind, const char *part,
    const fz_node *doc, const char *file);
void fz_table__attach(fz_table_set *ts, fz_table *t, int new_doc);
/* The column of key; added with type and label (NULL: fz_table__label) when
 * new.  hint: where it probably is. */
size_t fz_table__column(fz_table_set *ts, fz_table *t, const char *key, int type,
    const char *label, size_t hint);
void fz_table__row_begin(fz_table_set *ts);
void fz_table__row_set(fz_table_set *ts, size_t col, fz_table_cell cell);
void fz_table__row_end(fz_table_set *ts, fz_table *t);
fz_table_cell fz_table__text(fz_table_set *ts, const char *s);
/* A scalar node as a cell of type (enum fz_ctype or FZ_TABLE__AUTO). */
fz_table_cell fz_table__scalar(fz_table_set *ts, const fz_node *n, int type);

/* A text cell of b's string; frees b's memory. */
fz_table_cell fz_table__text_cell(fz_table_set *ts, fz_buf *b);
/* A scalar in the words of its field (f may be NULL): an enumeration's
 * Chinese alias, 是 / 否 / 不适宜 for booleans, else its text. */
const char *fz_table__word(const fz_field *f, const fz_node *n);
/* A list joined with 、, a mapping as "key: value, ...". */
void fz_table__node_text(fz_buf *b, const fz_node *n, const fz_field *f);
/* The cell type of a field's values, FZ_TABLE__AUTO for f NULL. */
int fz_table__field_ctype(const fz_field *f);
/* A value as a cell of its field (f NULL: a key no schema names). */
fz_table_cell fz_table__field_cell(fz_table_set *ts, const fz_field *f, const fz_node *v);

/* node, when present and not null, must be of type: FZ_OK, or
 * FZ_DATAERR with err at the node ("what: expected a list"). */
int fz_table__want(const fz_node *node, enum fz_node_type type, const char *what,
    const char *file, fz_error *err);
/* A list, when present, of mappings only. */
int fz_table__want_maps(const fz_node *seq, const char *what, const char *file,
    fz_error *err);
/* Items of a list or pairs of a mapping; 0 for NULL or a scalar. */
size_t fz_table__items(const fz_node *seq);
/* A group key's value in its Chinese word: result violation is 违规. */
fz_table_cell fz_table__group_cell(fz_table_set *ts, const char *key, const fz_node *v);

/* table_rows.c, for the tables of draws and results: one record as a row, its keys
 * columns in first-seen order; a team as 张三(文旅)、李四(公安); the sheet
 * names and the task, seed and date above the tables from first on, of
 * a draw or results document doc. */
void fz_table__record_row(fz_table_set *ts, fz_table *t, enum fz_kind kind,
    const fz_node *rec);
fz_table_cell fz_table__team_cell(fz_table_set *ts, const fz_node *team);
void fz_table__name_by_task(fz_table_set *ts, const fz_node *doc,
    fz_table *first);
/* table_results.c: the tables of a results document. */
int fz_table__results(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err);
/* table_casefile.c: the tables of a casefile document. */
int fz_table__casefile(fz_table_set *ts, const fz_node *doc,
    const char *file, fz_error *err);

/* table_cases.c: the case figures of a tally's totals (the keys after
 * fines) as a table of their own (a row a figure), for the caller to
 * attach, or NULL when totals has none or doc counted no case. */
fz_table *fz_table__tally_cases(fz_table_set *ts, const fz_node *doc,
    const fz_node *totals, const char *file);

/* table_kv.c: key/value rows of a mapping without the keys skip[]
 * (NULL-terminated), as a new table the caller attaches, with a column
 * of the key paths when keys is set; and the tables of a metrics
 * document. */
fz_table *fz_table__kv(fz_table_set *ts, const fz_node *doc, const char *kind,
    const char *part, const char *file, const char *const *skip, int keys);
int fz_table__metrics(fz_table_set *ts, const fz_node *doc, const char *file,
    fz_error *err);

/* xlsx_print.c, for xlsx.c: how the sheet ws of table t (its header at
 * row head, its columns width[] characters wide) prints; and its charts
 * when it is a tally by a period.  A failure is kept in *status. */
void fz_table__xlsx_page(lxw_worksheet *ws, const fz_table *t,
    lxw_row_t head, const double *width, lxw_error *status);
/* The lines of t's foot below its table, from row on, in ws. */
void fz_table__xlsx_foot(lxw_worksheet *ws, const fz_table *t,
    lxw_row_t row, lxw_error *status);
void fz_table__xlsx_charts(lxw_workbook *wb, lxw_worksheet *ws,
    const char *sheet, const fz_table *t, lxw_row_t head,
    const double *width, lxw_error *status);

#endif
