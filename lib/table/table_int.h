/* table_int.h - what table.c shares with table_kinds.c; not installed. */
#ifndef FAZHI_TABLE_INT_H
#define FAZHI_TABLE_INT_H

#include "table.h"

/* A type for tab_scalar: integers and dates when plain, else text. */
#define TAB_AUTO 255

/* fz_label(key), or key when it has none. */
const char *tab_label(const char *key);
/* A copy of s owned by the set's arena. */
char *tab_strdup(fz_tableset *ts, const char *s);
/* A new table (owned by the set) titled from kind, part and doc's from:
 * and to:; doc and file may be NULL.  Attach it with tab_attach. */
fz_table *tab_new(fz_tableset *ts, const char *kind, const char *part,
    const fz_node *doc, const char *file);
void tab_attach(fz_tableset *ts, fz_table *t, int new_doc);
/* The column of key; added with type and label (NULL: tab_label) when
 * new.  hint: where it probably is. */
size_t tab_column(fz_tableset *ts, fz_table *t, const char *key, int type,
    const char *label, size_t hint);
void tab_row_begin(fz_tableset *ts);
void tab_row_set(fz_tableset *ts, size_t col, fz_cell cell);
void tab_row_end(fz_tableset *ts, fz_table *t);
fz_cell tab_text(fz_tableset *ts, const char *s);
/* A scalar node as a cell of type (enum fz_ctype or TAB_AUTO). */
fz_cell tab_scalar(fz_tableset *ts, const fz_node *n, int type);

/* A growing string (s owned by it, freed by tab_text_cell). */
typedef struct tab_buf {
	char *s;
	size_t len, cap;
} tab_buf;
void tab_text_add(tab_buf *b, const char *s);
/* A text cell of b's string; frees b's memory. */
fz_cell tab_text_cell(fz_tableset *ts, tab_buf *b);
/* A scalar in the words of its field (f may be NULL): an enumeration's
 * Chinese alias, 是 / 否 / 不适宜 for booleans, else its text. */
const char *tab_word(const fz_field *f, const fz_node *n);
/* A list joined with 、, a mapping as "key: value, ...". */
void tab_node_text(tab_buf *b, const fz_node *n, const fz_field *f);
/* The cell type of a field's values, TAB_AUTO for f NULL. */
int tab_field_ctype(const fz_field *f);
/* A value as a cell of its field (f NULL: a key no schema names). */
fz_cell tab_field_cell(fz_tableset *ts, const fz_field *f, const fz_node *v);

/* node, when present and not null, must be of type: FZ_OK, or
 * FZ_DATAERR with err at the node ("what: expected a list"). */
int tab_want(const fz_node *node, enum fz_node_type type, const char *what,
    const char *file, fz_error *err);
/* A list, when present, of mappings only. */
int tab_want_maps(const fz_node *seq, const char *what, const char *file,
    fz_error *err);
/* Items of a list or pairs of a mapping; 0 for NULL or a scalar. */
size_t tab_items(const fz_node *seq);
/* A group key's value in its Chinese word: result violation is 违规. */
fz_cell tab_group_cell(fz_tableset *ts, const char *key, const fz_node *v);

/* table_kv.c: key/value rows of a mapping without the keys skip[]
 * (NULL-terminated), as a new table the caller attaches; and the tables
 * of a metrics document. */
fz_table *tab_kv(fz_tableset *ts, const fz_node *doc, const char *kind,
    const char *part, const char *file, const char *const *skip);
int tab_metrics(fz_tableset *ts, const fz_node *doc, const char *file,
    fz_error *err);

#endif
