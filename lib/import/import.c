/* import.c - CSV exports into fazhi records.  libcsv splits the bytes
 * (RFC 4180: quotes, commas and newlines inside quotes, CRLF); each
 * cell is then made UTF-8 (iconv for GB18030 and GBK, whose multibyte
 * characters never contain a comma, quote or line end, so splitting
 * before converting is safe), mapped to a key by its column's header,
 * made canonical, and every row is checked as fazhi-check would.  A row
 * is the CSV record's number, the header being 1; a column is 1-based. */
#include <csv.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

struct map_entry {
	char *header, *key;	/* key "-": skip the column */
	int used;
};

struct fz_import {
	enum fz_kind kind;
	char *file;
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
	fz_node *rec;		/* record of the current row */
	int row_bad, row_blank;
	unsigned char head[4];	/* the first bytes, until a BOM is ruled out */
	size_t nhead;
	int started, stopped;
	fz_node *records;
	fz_check *check;
};

fz_import *
fz_import_new(enum fz_kind k, enum fz_import_encoding enc, const char *file,
    fz_date as_of)
{
	static const char *const names[] = { "UTF-8", "GB18030", "GBK" };
	fz_check_opts o = { .as_of = as_of, .due_within = -1 };
	fz_import *im;

	if (fz_kind_fields(k) == NULL)
		return NULL;
	im = fz_xcalloc(1, sizeof *im);
	im->kind = k;
	im->arena = fz_arena_new();
	im->file = fz_arena_strdup(im->arena, file);
	im->cd = (iconv_t)-1;
	if (enc != FZ_ENC_UTF8 &&
	    (im->cd = iconv_open("UTF-8", names[enc])) == (iconv_t)-1) {
		fz_arena_free(im->arena);
		free(im);
		return NULL;
	}
	csv_init(&im->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	im->records = fz_node_seq(im->arena);
	im->row_blank = 1;
	im->check = fz_check_new(&o);
	return im;
}

void
fz_import_free(fz_import *im)
{
	if (im == NULL)
		return;
	if (im->cd != (iconv_t)-1)
		iconv_close(im->cd);
	csv_free(&im->csv);
	fz_check_free(im->check);
	fz_arena_free(im->arena);
	free(im->map);
	free(im->headers);
	free(im->cols);
	free(im->filled);
	free(im);
}

/* ------------------------------------------------------------ --map */

static int
map_entry_add(fz_import *im, const char *s, size_t len, fz_error *err)
{
	const char *eq = memchr(s, '=', len);
	size_t hlen, klen;
	const char *h, *key;

	if (eq == NULL)
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0,
		    "--map: '%.*s' is not COLUMN=key", (int)len, s);
	hlen = (size_t)(eq - s);
	h = fz_trim(s, &hlen);
	klen = len - (size_t)(eq + 1 - s);
	key = fz_trim(eq + 1, &klen);
	key = fz_arena_strndup(im->arena, key, klen);
	if (hlen == 0 || (strcmp(key, "-") != 0 &&
	    fz_field_find(im->kind, key) == NULL))
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0,
		    "--map: '%.*s': %s is not a key of %s", (int)len, s,
		    hlen == 0 ? "no column" : key, fz_kind_name(im->kind));
	for (size_t i = 0; i < im->nmap; i++)
		if (strlen(im->map[i].header) == hlen &&
		    memcmp(im->map[i].header, h, hlen) == 0)
			return fz_error_set(err, FZ_USAGE, NULL, 0, 0,
			    "--map: column '%.*s' named twice", (int)hlen, h);
	im->map = fz_xrealloc(im->map, (im->nmap + 1) * sizeof *im->map);
	im->map[im->nmap++] = (struct map_entry){
		fz_arena_strndup(im->arena, h, hlen), (char *)key, 0 };
	return FZ_OK;
}

int
fz_import_map(fz_import *im, const char *spec, fz_error *err)
{
	const char *p = spec;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		size_t tlen = len;
		if (fz_trim(p, &tlen), tlen > 0) {
			int st = map_entry_add(im, p, len, err);
			if (st != FZ_OK)
				return st;
		}
		if (comma == NULL)
			return FZ_OK;
		p = comma + 1;
	}
}

/* ------------------------------------------------------------ header */

static void
header_error(fz_import *im, unsigned col, const char *fmt, const char *a,
    const char *b)
{
	fz_check_report(im->check, FZ_ERROR, im->file, 1, col, fmt, a, b);
	im->stopped = 1;
}

static const char *
column_key(fz_import *im, const char *h)
{
	for (size_t i = 0; i < im->nmap; i++)
		if (strcmp(im->map[i].header, h) == 0) {
			im->map[i].used = 1;
			return im->map[i].key;
		}
	return fz_import_header_key(im->kind, h, strlen(h));
}

static void
header_column(fz_import *im, size_t i)
{
	const char *key = column_key(im, im->headers[i]);

	if (key == NULL) {
		if (im->headers[i][0] != '\0')
			fz_check_report(im->check, FZ_WARNING, im->file, 1,
			    (unsigned)i + 1, "column '%s' has no key; skipped "
			    "(name one with --map '%s=KEY')", im->headers[i],
			    im->headers[i]);
		return;
	}
	if (strcmp(key, "-") == 0)
		return;
	im->cols[i] = fz_field_find(im->kind, key);
	for (size_t j = 0; j < i; j++)
		if (im->cols[j] == im->cols[i])
			header_error(im, (unsigned)i + 1, "columns '%s' and "
			    "'%s' give the same key (skip one with --map "
			    "'COLUMN=-')", im->headers[j], im->headers[i]);
}

static void
header_end(fz_import *im)
{
	const fz_field *f;

	for (size_t i = 0; i < im->ncols; i++)
		header_column(im, i);
	for (size_t i = 0; i < im->nmap; i++)
		if (!im->map[i].used)
			header_error(im, 0, "no column '%s'%s (named in --map)",
			    im->map[i].header, "");
	for (f = fz_kind_fields(im->kind); f->key != NULL; f++) {
		size_t i = 0;
		while (i < im->ncols && im->cols[i] != f)
			i++;
		if (f->required && i == im->ncols)
			header_error(im, 0, "no column gives the required key "
			    "'%s' (name one with --map 'COLUMN=%s')", f->key,
			    f->key);
	}
}

/* ------------------------------------------------------------ cells */

static int
utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], n, cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
		if (n == 0 || c > 0xf4 || i + n >= len)
			return 0;
		cp = c & (0x3f >> n);
		for (unsigned k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n + 1;
	}
	return 1;
}

/* The cell as UTF-8 in the arena, CRLF inside quotes made LF; NULL when
 * its bytes are not of the encoding. */
static char *
cell_text(fz_import *im, const char *s, size_t len, size_t *outlen)
{
	size_t cap = 2 * len + 4, left = cap, n = 0;
	char *buf = fz_arena_alloc(im->arena, cap), *out = buf;
	char *in = (char *)s;

	if (im->cd == (iconv_t)-1) {
		if (!utf8_valid((const unsigned char *)s, len))
			return NULL;
		memcpy(buf, s, len);
		left = cap - len;
	} else {
		iconv(im->cd, NULL, NULL, NULL, NULL);
		if (iconv(im->cd, &in, &len, &out, &left) == (size_t)-1)
			return NULL;
	}
	for (size_t i = 0; i < cap - left; i++)
		if (!(buf[i] == '\r' && i + 1 < cap - left && buf[i + 1] == '\n'))
			buf[n++] = buf[i];
	buf[n] = '\0';
	*outlen = n;
	return buf;
}

static void
cell_error(fz_import *im, const char *msg)
{
	fz_check_report(im->check, FZ_ERROR, im->file, (unsigned)im->row + 1,
	    (unsigned)im->cell + 1, "%s", msg);
	im->row_bad = 1;
}

static void
place(fz_node *n, const char *file, unsigned line, unsigned col)
{
	n->file = file, n->line = line, n->col = col;
	if (n->type == FZ_SEQ)
		for (size_t i = 0; i < n->n; i++)
			place(n->kids[i], file, line, col);
}

static void
header_cell(fz_import *im, const char *s, size_t len)
{
	if (im->ncols == im->cap) {
		im->cap = im->cap ? 2 * im->cap : 16;
		im->headers = fz_xrealloc(im->headers,
		    im->cap * sizeof *im->headers);
	}
	s = fz_trim(s, &len);
	im->headers[im->ncols++] = fz_arena_strndup(im->arena, s, len);
}

static void
body_cell(fz_import *im, const char *s, size_t len)
{
	const fz_field *f = im->cell < im->ncols ? im->cols[im->cell] : NULL;
	fz_node *v;

	s = fz_trim(s, &len);
	if (len == 0)
		return;
	im->row_blank = 0;
	if (im->cell >= im->ncols) {
		/* The row can still be decoded: it has all its columns. */
		fz_check_report(im->check, FZ_ERROR, im->file,
		    (unsigned)im->row + 1, (unsigned)im->cell + 1, "cell "
		    "beyond the header's %zu columns", im->ncols);
		return;
	}
	if (f == NULL)
		return;
	v = fz_import_value(im->arena, f, s, len);
	if (v == NULL)		/* a list cell of separators only: empty */
		return;
	place(v, im->file, (unsigned)im->row + 1, (unsigned)im->cell + 1);
	fz_node_put(im->arena, im->rec, f->key, v);
	im->filled[im->cell] = 1;
}

/* A cell no YAML reader of fazhi takes back: one holding a NUL byte, or
 * longer than a scalar may be.  Said once: its key is not also
 * reported missing. */
static int
cell_unreadable(fz_import *im, const char *text, size_t len)
{
	size_t tlen = len;

	fz_trim(text, &tlen);
	if (memchr(text, '\0', len) != NULL) {
		cell_error(im, "a NUL byte in the cell");
	} else if (tlen > FZ_MAX_SCALAR) {
		fz_check_report(im->check, FZ_ERROR, im->file,
		    (unsigned)im->row + 1, (unsigned)im->cell + 1, "cell of "
		    "%zu bytes is longer than the limit of %u bytes a "
		    "value may have", tlen, FZ_MAX_SCALAR);
		im->row_bad = 1;
	} else {
		return 0;
	}
	if (im->filled != NULL && im->cell < im->ncols)
		im->filled[im->cell] = 1;
	return 1;
}

/* The ' that fazhi-render's CSV puts before a text beginning with = + -
 * or @, so that a spreadsheet takes it for text, is taken off: a cell
 * of one or more quotes and then one of those loses its first quote,
 * and what was rendered imports back as it was (lib/table/csvout.c
 * guards a text of quotes and = + - @ too). */
static const char *
unguard(const char *text, size_t *len)
{
	size_t q = strspn(text, "'");

	if (q > 0 && q < *len && strchr("=+-@", text[q]) != NULL) {
		--*len;
		return text + 1;
	}
	return text;
}

static void
on_cell(void *s, size_t len, void *ctx)
{
	fz_import *im = ctx;
	const char *text;

	if (im->stopped)
		return;
	text = cell_text(im, s, len, &len);
	if (text == NULL) {
		/* A file in another encoding: once is enough. */
		cell_error(im, im->cd == (iconv_t)-1 ? "not UTF-8 (try "
		    "--encoding gb18030)" : "not in the encoding given");
		im->stopped = 1;
		return;
	}
	if (!cell_unreadable(im, text, len)) {
		text = unguard(text, &len);
		if (im->row == 0)
			header_cell(im, text, len);
		else
			body_cell(im, text, len);
	}
	im->cell++;
}

static void
row_start(fz_import *im)
{
	im->rec = fz_node_map(im->arena);
	place(im->rec, im->file, (unsigned)im->row + 1, 1);
	if (im->filled != NULL)
		memset(im->filled, 0, im->ncols);
	im->row_bad = 0;
	im->row_blank = 1;
	im->cell = 0;
}

static void
body_row_end(fz_import *im)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->cols[i] != NULL && im->cols[i]->required &&
		    !im->filled[i]) {
			fz_check_report(im->check, FZ_ERROR, im->file,
			    (unsigned)im->row + 1, (unsigned)i + 1,
			    "empty cell for the required key '%s'",
			    im->cols[i]->key);
			im->row_bad = 1;
		}
	if (!im->row_bad)
		fz_check_record(im->check, im->kind, im->rec);
	fz_node_push(im->arena, im->records, im->rec);
}

static void
on_row(int c, void *ctx)
{
	fz_import *im = ctx;

	(void)c;
	if (im->stopped)
		return;
	if (im->row == 0) {
		im->cols = fz_xcalloc(im->ncols + 1, sizeof *im->cols);
		im->filled = fz_xcalloc(im->ncols + 1, 1);
		header_end(im);
	} else if (!im->row_blank) {
		body_row_end(im);
	}
	im->row++;
	row_start(im);
}

/* ------------------------------------------------------------ input */

/* libcsv grows its cell buffer by a fixed block, 128 bytes unless told,
 * so that a cell of n bytes would cost n²/256 bytes allocated and copied.
 * Before each piece of input the block is set to the buffer's size (64
 * KiB at least), and a piece is no longer than the block: the buffer at
 * most doubles in one piece, and a large cell costs a few reallocations. */
#define CSV_MIN_BLOCK (64 * 1024)

static void
parse(fz_import *im, const void *buf, size_t len)
{
	const char *p = buf;
	size_t block, n;

	if (im->stopped || len == 0)
		return;
	if (im->rec == NULL)
		row_start(im);
	for (; len > 0 && !im->stopped; p += n, len -= n) {
		block = csv_get_buffer_size(&im->csv);
		if (block < CSV_MIN_BLOCK)
			block = CSV_MIN_BLOCK;
		csv_set_blk_size(&im->csv, block);
		n = len < block ? len : block;
		if (csv_parse(&im->csv, p, n, on_cell, on_row, im) != n)
			break;
	}
	if (len == 0 || im->stopped)
		return;
	fz_check_report(im->check, FZ_ERROR, im->file,
	    (unsigned)im->row + 1, (unsigned)im->cell + 1,
	    "CSV: a quote inside an unquoted cell, or text after "
	    "a closing quote");
	im->stopped = 1;
}

/* A leading BOM is taken off before libcsv sees it: a quoted first
 * header after it would otherwise be a syntax error. */
static const char *
bom_of(const fz_import *im, size_t *n)
{
	*n = im->cd == (iconv_t)-1 ? 3 : 4;
	return im->cd == (iconv_t)-1 ? "\xef\xbb\xbf" : "\x84\x31\x95\x33";
}

int
fz_import_feed(fz_import *im, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t n;
	const char *bom = bom_of(im, &n);

	if (!im->started) {
		while (len > 0 && im->nhead < n) {
			im->head[im->nhead++] = *p++, len--;
			if (memcmp(im->head, bom, im->nhead) != 0)
				break;
		}
		if (im->nhead < n && memcmp(im->head, bom, im->nhead) == 0)
			return FZ_OK;
		im->started = 1;
		if (memcmp(im->head, bom, n) != 0)
			parse(im, im->head, im->nhead);
	}
	parse(im, p, len);
	return FZ_OK;
}

struct relay {
	fz_problem_fn fn;
	void *ctx;
	fz_error *err;
};

static void
relay_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	struct relay *r = ctx;

	if (severity == FZ_ERROR && r->err->status == FZ_OK)
		fz_error_set(r->err, FZ_DATAERR, file, line, col, "%s", msg);
	if (r->fn != NULL)
		r->fn(r->ctx, severity, file, line, col, msg);
}

int
fz_import_end(fz_import *im, fz_problem_fn fn, void *ctx,
    const fz_node **records, fz_error *err)
{
	struct relay r = { fn, ctx, err };

	if (!im->started) {
		im->started = 1;
		parse(im, im->head, im->nhead);
	}
	if (!im->stopped && csv_fini(&im->csv, on_cell, on_row, im) != 0)
		fz_check_report(im->check, FZ_ERROR, im->file,
		    (unsigned)im->row + 1, (unsigned)im->cell + 1,
		    "CSV: a quoted cell is not closed");
	else if (!im->stopped && im->row == 0)
		fz_check_report(im->check, FZ_ERROR, im->file, 1, 0,
		    "no header row");
	err->status = FZ_OK;
	fz_check_finish(im->check, relay_problem, &r, NULL);
	*records = im->records;
	return err->status;
}

int
fz_import_write(fz_writer *w, enum fz_kind k, const fz_node *records)
{
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "kind");
	fz_write_str(w, fz_kind_name(k));
	fz_write_key(w, "version");
	fz_write_int(w, FZ_FORMAT_VERSION);
	fz_write_key(w, "records");
	fz_write_node(w, records);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
