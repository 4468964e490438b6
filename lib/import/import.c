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

#include "import_int.h"

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
	fz_check_report(im->check, FZ_ERROR, im->file, fz_import__line(im),
	    fz_import__col(im, im->cell), "%s", fz_gettext(msg));
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

void
fz_import__body_cell(fz_import *im, const char *s, size_t len)
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
		    fz_import__line(im), fz_import__col(im, im->cell), "cell "
		    "beyond the header's %zu columns", im->ncols);
		return;
	}
	if (f == NULL)
		return;
	v = fz_import_value(im->arena, f, s, len);
	if (v == NULL)		/* a list cell of separators only: empty */
		return;
	place(v, im->file, fz_import__line(im), fz_import__col(im, im->cell));
	fz_node_put(im->arena, im->rec, f->key, v);
	im->filled[im->cell] = 1;
}

/* A cell no YAML reader of fazhi takes back: one holding a NUL byte, or
 * longer than a scalar may be.  Said once: its key is not also
 * reported missing. */
int
fz_import__cell_unreadable(fz_import *im, const char *text, size_t len)
{
	size_t tlen = len;

	fz_trim(text, &tlen);
	if (memchr(text, '\0', len) != NULL) {
		cell_error(im, "a NUL byte in the cell");
	} else if (tlen > FZ_MAX_SCALAR) {
		fz_check_report(im->check, FZ_ERROR, im->file,
		    fz_import__line(im), fz_import__col(im, im->cell), "cell of "
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
		cell_error(im, im->cd == (iconv_t)-1 ? _("not UTF-8 (try "
		    "--encoding gb18030)") : _("not in the encoding given"));
		im->stopped = 1;
		return;
	}
	if (im->row < im->hrow) {
		/* A title above the header named by --header-row. */
	} else if (!fz_import__cell_unreadable(im, text, len)) {
		text = unguard(text, &len);
		if (im->row == im->hrow)
			fz_import__header_cell(im, text, len);
		else if (im->row > im->hrow)
			fz_import__body_cell(im, text, len);
	}
	im->cell++;
}

void
fz_import__row_start(fz_import *im)
{
	im->rec = fz_node_map(im->arena);
	place(im->rec, im->file, fz_import__line(im), fz_import__col(im, 0));
	if (im->filled != NULL)
		memset(im->filled, 0, im->ncols);
	im->row_bad = 0;
	im->row_blank = 1;
	im->cell = 0;
}

void
fz_import__body_row_end(fz_import *im)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->cols[i] != NULL && im->cols[i]->required &&
		    !im->filled[i]) {
			fz_check_report(im->check, FZ_ERROR, im->file,
			    fz_import__line(im), fz_import__col(im, i),
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
	if (im->row == im->hrow)
		fz_import__header_end(im);
	else if (im->row > im->hrow && !im->row_blank)
		fz_import__body_row_end(im);
	im->row++;
	fz_import__row_start(im);
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
		fz_import__row_start(im);
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
	    fz_import__line(im), fz_import__col(im, im->cell),
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
		    fz_import__line(im), fz_import__col(im, im->cell),
		    "CSV: a quoted cell is not closed");
	else if (!im->stopped && !im->have_header)
		fz_import__no_header(im);
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
