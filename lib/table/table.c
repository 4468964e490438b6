/* table.c - the tables CSV and xlsx are written from: columns that know
 * their type, rows of typed cells, and the conversion of YAML scalars
 * into cells.  Which rows a kind of document gives is table_kinds.c. */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "table_int.h"

fz_table_set *
fz_table_set_new(void)
{
	fz_table_set *ts = fz_xcalloc(1, sizeof *ts);

	ts->arena = fz_arena_new();
	if (ts->arena == NULL) {
		free(ts);
		return NULL;
	}
	return ts;
}

void
fz_table_set_free(fz_table_set *ts)
{
	if (ts == NULL)
		return;
	for (size_t i = 0; i < ts->ndocs; i++)
		for (fz_table *t = ts->docs[i], *next; t != NULL; t = next) {
			next = t->next;
			free(t->cols);
			free(t->rows);
		}
	free(ts->docs);
	free(ts->scratch);
	fz_arena_free(ts->arena);
	free(ts);
}

const char *
fz_table__label(const char *key)
{
	const char *label = fz_label(key);

	return label != NULL ? label : key;
}

char *
fz_table__strdup(fz_table_set *ts, const char *s)
{
	char *copy = fz_arena_strdup(ts->arena, s);

	return copy;
}

fz_table *
fz_table__new(fz_table_set *ts, const char *kind, const char *part,
    const fz_node *doc, const char *file)
{
	fz_table *t = fz_arena_alloc(ts->arena, sizeof *t);
	const fz_node *from = fz_node_get(doc, "from"), *to = fz_node_get(doc, "to");
	const char *name = kind != NULL ? fz_table__label(kind) : "数据";
	char *title;

	memset(t, 0, sizeof *t);
	t->kind = kind != NULL ? fz_table__strdup(ts, kind) : NULL;
	t->name = fz_table__strdup(ts, name);
	t->file = file != NULL ? fz_table__strdup(ts, file) : NULL;
	if (doc != NULL)
		t->line = doc->line, t->col = doc->col;
	t->period_col = -1;
	t->to = FZ_NODATE;
	if (to != NULL && to->type == FZ_SCALAR &&
	    fz_date_parse(to->str, to->len, &t->to) != 0)
		t->to = FZ_NODATE;
	title = fz_arena_printf(ts->arena, "%s%s%s", name,
	    part != NULL ? " · " : "", part != NULL ? part : "");
	if (from != NULL && to != NULL && from->type == FZ_SCALAR &&
	    to->type == FZ_SCALAR)
		title = fz_arena_printf(ts->arena, "%s %s 至 %s", title,
		    from->str, to->str);
	t->title = title;
	t->sheet = part != NULL ? fz_arena_printf(ts->arena, "%s·%s", name,
	    part) : t->name;
	return t;
}

/* Link t in as a new document, or after the last table of the last one. */
void
fz_table__attach(fz_table_set *ts, fz_table *t, int new_doc)
{
	if (new_doc || ts->ndocs == 0) {
		if (ts->ndocs == ts->cap) {
			ts->cap = ts->cap ? 2 * ts->cap : 8;
			ts->docs = fz_xrealloc(ts->docs,
			    ts->cap * sizeof *ts->docs);
		}
		ts->docs[ts->ndocs++] = t;
		return;
	}
	fz_table *last = ts->docs[ts->ndocs - 1];
	while (last->next != NULL)
		last = last->next;
	last->next = t;
}

/* The column of key, added with type and label when absent.  hint is
 * where the caller expects it (records repeat their key order). */
size_t
fz_table__column(fz_table_set *ts, fz_table *t, const char *key, int type,
    const char *label, size_t hint)
{
	if (hint < t->ncols && strcmp(t->cols[hint].key, key) == 0)
		return hint;
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].key, key) == 0)
			return i;
	if (t->ncols == t->cap_cols) {
		t->cap_cols = t->cap_cols ? 2 * t->cap_cols : 16;
		t->cols = fz_xrealloc(t->cols, t->cap_cols * sizeof *t->cols);
	}
	fz_column *c = &t->cols[t->ncols];
	c->key = fz_table__strdup(ts, key);
	/* Money says its unit in its head: every amount is in 元. */
	c->label = type == FZ_C_MONEY ? fz_arena_printf(ts->arena, "%s（元）",
	    label != NULL ? label : fz_table__label(key)) :
	    fz_table__strdup(ts, label != NULL ? label : fz_table__label(key));
	c->type = (unsigned char)type;
	c->code = 0;
	return t->ncols++;
}

/* Rows are gathered in the set's scratch row, then copied to the arena
 * at their final width: later records may bring new columns. */
void
fz_table__row_begin(fz_table_set *ts)
{
	ts->nscratch = 0;
}

void
fz_table__row_set(fz_table_set *ts, size_t col, fz_table_cell cell)
{
	if (col >= ts->cap_scratch) {
		ts->cap_scratch = col + 16;
		ts->scratch = fz_xrealloc(ts->scratch,
		    ts->cap_scratch * sizeof *ts->scratch);
	}
	for (; ts->nscratch <= col; ts->nscratch++)
		ts->scratch[ts->nscratch] = (fz_table_cell){ .empty = 1 };
	ts->scratch[col] = cell;
}

void
fz_table__row_end(fz_table_set *ts, fz_table *t)
{
	fz_row row = { NULL, ts->nscratch };

	if (row.n > 0) {
		row.cells = fz_arena_alloc(ts->arena, row.n * sizeof *row.cells);
		memcpy(row.cells, ts->scratch, row.n * sizeof *row.cells);
	}
	if (t->nrows == t->cap_rows) {
		t->cap_rows = t->cap_rows ? 2 * t->cap_rows : 16;
		t->rows = fz_xrealloc(t->rows, t->cap_rows * sizeof *t->rows);
	}
	t->rows[t->nrows++] = row;
}

fz_table_cell
fz_table__text(fz_table_set *ts, const char *s)
{
	return (fz_table_cell){ .type = FZ_C_TEXT, .text = fz_table__strdup(ts, s) };
}

/* A plain decimal integer that a spreadsheet keeps exactly: at most 15
 * digits, no leading zero (YAML 1.1 reads 007 as octal; ids like it
 * stay text). */
static int
plain_int(const char *s, size_t len, long long *out)
{
	size_t i = (len > 0 && s[0] == '-') ? 1 : 0;

	if (len - i == 0 || len - i > 15 || (s[i] == '0' && len - i > 1))
		return -1;
	for (size_t j = i; j < len; j++)
		if (s[j] < '0' || s[j] > '9')
			return -1;
	*out = strtoll(s, NULL, 10);
	return 0;
}

static int
plain_date(const char *s, size_t len, long long *out)
{
	fz_date d;

	if (len != 10 || fz_date_parse(s, len, &d) != 0)
		return -1;
	*out = d;
	return 0;
}

/* A scalar as a cell of the type asked; FZ_C_TEXT keeps the text as
 * written, FZ_TABLE__AUTO takes integers and dates as such when plain.  A
 * scalar that is not what its type asks stays text. */
fz_table_cell
fz_table__scalar(fz_table_set *ts, const fz_node *n, int type)
{
	fz_table_cell c = { .type = (unsigned char)type };
	int64_t fen;

	if (fz_node_is_null(n))
		return (fz_table_cell){ .type = type == FZ_TABLE__AUTO ? FZ_C_TEXT :
		    (unsigned char)type, .empty = 1 };
	if (type == FZ_C_MONEY && fz_money_parse(n->str, n->len, &fen) == 0) {
		c.num = fen;
		return c;
	}
	if ((type == FZ_C_INT || (type == FZ_TABLE__AUTO && !n->quoted)) &&
	    plain_int(n->str, n->len, &c.num) == 0) {
		c.type = FZ_C_INT;
		return c;
	}
	if ((type == FZ_C_DATE || (type == FZ_TABLE__AUTO && !n->quoted)) &&
	    plain_date(n->str, n->len, &c.num) == 0) {
		c.type = FZ_C_DATE;
		return c;
	}
	return fz_table__text(ts, n->str);
}

/* num/den exactly, rounded half away from zero.  den > 0 is assumed
 * after the sign is moved to num. */
char *
fz_table_ratio_format(long long num, long long den, int decimals, int percent,
    char *buf)
{
	static const long long pow10[] = { 1, 10, 100, 1000, 10000, 100000,
		1000000 };
	unsigned long long n, d, scale, whole, frac, rem;
	int neg;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (den < 0)
		num = -num, den = -den;
	neg = num < 0;
	n = neg ? 0ULL - (unsigned long long)num : (unsigned long long)num;
	d = (unsigned long long)den;
	scale = (unsigned long long)pow10[decimals] * (percent ? 100 : 1);
	whole = n / d;
	rem = n % d;
	/* rem < d, so rem * scale stays in range while d < 2^64 / 10^8. */
	frac = (rem * scale * 2 + d) / (2 * d);
	whole = whole * scale + frac;
	frac = whole % (unsigned long long)pow10[decimals];
	whole /= (unsigned long long)pow10[decimals];
	if (decimals > 0)
		sprintf(buf, "%s%llu.%0*llu%s", neg && (whole || frac) ? "-" : "",
		    whole, decimals, frac, percent ? "%" : "");
	else
		sprintf(buf, "%s%llu%s", neg && whole ? "-" : "", whole,
		    percent ? "%" : "");
	return buf;
}

const char *
fz_table_cell_format(const fz_table_cell *c, char *buf)
{
	buf[0] = '\0';
	if (c->empty)
		return buf;
	switch (c->type) {
	case FZ_C_TEXT:
		return c->text;
	case FZ_C_INT:
		sprintf(buf, "%lld", c->num);
		return buf;
	case FZ_C_MONEY:	/* yuan, always with its two places */
		return fz_table_ratio_format(c->num, 100, 2, 0, buf);
	case FZ_C_RATE:
	case FZ_C_MEAN:
		if (c->den == 0)
			return buf;
		return fz_table_ratio_format(c->num, c->den, 2, c->type == FZ_C_RATE,
		    buf);
	case FZ_C_DATE:
		return fz_date_format((fz_date)c->num, buf);
	}
	return buf;
}

fz_table_cell
fz_table__text_cell(fz_table_set *ts, fz_buf *b)
{
	fz_table_cell c = fz_table__text(ts, fz_buf_str(b));

	fz_buf_free(b);
	return c;
}

static int
is_true(const char *s)
{
	return strchr("yYtT", s[0]) != NULL || strcmp(s, "on") == 0 ||
	    strcmp(s, "On") == 0 || strcmp(s, "ON") == 0;
}

/* A scalar in the words of its field: an enumeration's Chinese alias,
 * 是 / 否 / 不适宜 for booleans, else the text as written. */
const char *
fz_table__word(const fz_field *f, const fz_node *n)
{
	if (f != NULL && f->values != NULL) {
		int i = fz_enum_lookup(f->values, n->str, n->len);
		if (i >= 0)
			return f->values[i].alias != NULL ?
			    f->values[i].alias : f->values[i].value;
	}
	if (f != NULL && (f->type == FZ_T_BOOL || f->type == FZ_T_TRISTATE)) {
		if (fz_node_tag(n) == FZ_TAG_BOOL)
			return is_true(n->str) ? "是" : "否";
		if (strcmp(n->str, "exempt") == 0)
			return "不适宜";
	}
	return n->str;
}

/* A list joined with 、, a mapping as "key: value, ...". */
void
fz_table__node_text(fz_buf *b, const fz_node *n, const fz_field *f)
{
	if (n->type == FZ_SCALAR) {
		fz_buf_adds(b, fz_table__word(f, n));
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		if (n->type == FZ_SEQ) {
			if (i > 0)
				fz_buf_adds(b, "、");
			fz_table__node_text(b, n->kids[i], f);
			continue;
		}
		if (i > 0)
			fz_buf_adds(b, ", ");
		fz_buf_adds(b, n->kids[2 * i]->str);
		fz_buf_adds(b, ": ");
		fz_table__node_text(b, n->kids[2 * i + 1], NULL);
	}
}

int
fz_table__field_ctype(const fz_field *f)
{
	if (f == NULL)
		return FZ_TABLE__AUTO;
	switch (f->type) {
	case FZ_T_DATE: return FZ_C_DATE;
	case FZ_T_INT: return FZ_C_INT;
	case FZ_T_MONEY: return FZ_C_MONEY;
	default: return FZ_C_TEXT;
	}
}

/* A value as a cell of its field (f NULL: a key no schema names). */
fz_table_cell
fz_table__field_cell(fz_table_set *ts, const fz_field *f, const fz_node *v)
{
	fz_buf b = { 0 };

	if (v->type == FZ_SCALAR && !fz_node_is_null(v) &&
	    (fz_table__field_ctype(f) == FZ_C_TEXT))
		return fz_table__text(ts, fz_table__word(f, v));
	if (v->type == FZ_SCALAR)
		return fz_table__scalar(ts, v, fz_table__field_ctype(f));
	fz_table__node_text(&b, v, f);
	return fz_table__text_cell(ts, &b);
}

/* ------------------------------------------------------------ shapes
 * What the kinds' tables (table_kinds.c, table_kv.c) both need. */

static int
shape_error(fz_error *err, const char *file, const fz_node *at,
    const char *what, const char *expected)
{
	return fz_error_set(err, FZ_DATAERR, file, at->line, at->col,
	    "%s: expected %s", what, expected);
}

/* node, when present, must be of type; else a positioned error. */
int
fz_table__want(const fz_node *node, enum fz_node_type type, const char *what,
    const char *file, fz_error *err)
{
	static const char *const names[] = { N_("a scalar"), N_("a list"),
		N_("a mapping") };

	if (node == NULL || node->type == type ||
	    (type != FZ_SCALAR && fz_node_is_null(node)))
		return FZ_OK;
	return shape_error(err, file, node, what, _(names[type]));
}

/* Items of a list that must all be mappings. */
int
fz_table__want_maps(const fz_node *seq, const char *what, const char *file,
    fz_error *err)
{
	int status = fz_table__want(seq, FZ_SEQ, what, file, err);

	for (size_t i = 0; status == FZ_OK && seq != NULL &&
	    seq->type == FZ_SEQ && i < seq->n; i++)
		status = fz_table__want(seq->kids[i], FZ_MAP, what, file, err);
	return status;
}

size_t
fz_table__items(const fz_node *seq)
{
	return seq != NULL && seq->type != FZ_SCALAR ? seq->n : 0;
}

/* A group key's value in its Chinese word: result violation is 违规. */
fz_table_cell
fz_table__group_cell(fz_table_set *ts, const char *key, const fz_node *v)
{
	const char *word;

	if (v->type != FZ_SCALAR || fz_node_is_null(v))
		return fz_table__field_cell(ts, NULL, v);
	word = fz_value_label(key, v->str);
	return fz_table__text(ts, word != NULL ? word : v->str);
}
