/* docx.c - a template rendered as a Word document (GB/T 9704-2012, the
 * layout of 党政机关公文): the template, built on the docx widgets,
 * gives word/document.xml; the other parts (styles, settings, fonts,
 * footers with the page numbers, the content types and relationships)
 * are the widgets of templates/docx named below, rendered over the same
 * context.  Every value is XML-escaped by the engine; a line feed or a
 * tab in a text becomes a Word line break or tab, and the other control
 * characters, which XML cannot hold, are left out.  libzip deflates the
 * parts into the package. */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "render_int.h"

#define FIXED_MTIME 946684800	/* 2000-01-01T00:00:00Z: the same inputs
				 * give the same bytes */

/* The parts besides word/document.xml, in the order they are zipped
 * ([Content_Types].xml first), each with the widget that makes it. */
static const struct part {
	const char *name, *widget;
} parts[] = {
	{ "[Content_Types].xml", "content-types" },
	{ "_rels/.rels", "rels" },
	{ "word/_rels/document.xml.rels", "document-rels" },
	{ "word/styles.xml", "styles" },
	{ "word/settings.xml", "settings" },
	{ "word/fontTable.xml", "fonts" },
	{ "word/footer1.xml", "footer-odd" },
	{ "word/footer2.xml", "footer-even" },
};
#define NPARTS (sizeof parts / sizeof parts[0])

/* Does a <w:t> or <w:t ...> tag begin at s? */
static int
text_open(const char *s, size_t left)
{
	return left >= 5 && memcmp(s, "<w:t", 4) == 0 &&
	    (s[4] == '>' || s[4] == ' ');
}

/* in as Word reads it into out: inside the texts of runs, a line feed
 * is a line break, a tab a tab, and other control characters (which XML
 * 1.0 does not allow) are dropped. */
static void
runs_clean(const fz_buf *in, fz_buf *out)
{
	static const char reopen[] = "<w:t xml:space=\"preserve\">";
	const char *s = fz_buf_str(in);
	size_t n = in->len;
	int inside = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!inside && text_open(s + i, n - i)) {
			const char *gt = memchr(s + i, '>', n - i);
			size_t len = gt != NULL ? (size_t)(gt - (s + i)) + 1 :
			    n - i;
			fz_buf_add(out, s + i, len);
			i += len - 1;
			inside = 1;
			continue;
		}
		if (inside && c == '<' && n - i >= 6 &&
		    memcmp(s + i, "</w:t>", 6) == 0)
			inside = 0;
		if (inside && c == '\n') {
			fz_buf_adds(out, "</w:t><w:br/>");
			fz_buf_adds(out, reopen);
		} else if (inside && c == '\t') {
			fz_buf_adds(out, "</w:t><w:tab/>");
			fz_buf_adds(out, reopen);
		} else if (c >= 0x20 || c == '\n' || c == '\t') {
			fz_buf_add(out, s + i, 1);
		}
	}
}

/* ------------------------------------------------------------ tables */

#define TEXT_TWIPS 8845		/* the text column: 210 - 28 - 26 mm */
#define CELL_MARGIN 114		/* a cell's margins, left and right */
#define MIN_UNITS 4		/* no column under two characters */
#define HEAD_UNITS 8		/* a head longer than four characters may
				 * take two lines */
#define CODE_UNITS 36		/* a digest wraps beyond this */
#define MAX_COLS 64

/* The end of the element that begins with open at s, or NULL. */
static const char *
after(const char *s, const char *end, const char *close)
{
	size_t n = strlen(close);

	for (const char *p = s; p + n <= end; p++)
		if (memcmp(p, close, n) == 0)
			return p + n;
	return NULL;
}

/* Half-width units of the texts of the runs in [s, end): a character
 * of CJK two, any other one, an entity one, and a fifth more for the
 * Latin ones (digits and letters of the fonts a CJK face stands in with
 * are wider than half its square: a date of ten would wrap). */
static unsigned
text_units(const char *s, const char *end)
{
	unsigned units = 0, latin = 0;
	int inside = 0;

	for (const char *p = s; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (!inside && text_open(p, (size_t)(end - p))) {
			p = memchr(p, '>', (size_t)(end - p));
			if (p == NULL)
				break;
			inside = 1;
		} else if (inside && c == '<') {
			inside = 0;
		} else if (inside && c == '&') {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			units++;
			p = semi != NULL ? semi : p;
		} else if (inside && (c & 0xC0) != 0x80) {
			units += c >= 0xE0 ? 2 : 1;
			latin += c < 0x80;
		}
	}
	return units + (latin + 4) / 5;
}

/* What each column of the table in [s, end) needs, in units: its
 * widest cell, a head cell on two lines, a code cell wrapped.  The
 * number of columns, at most MAX_COLS. */
static size_t
column_needs(const char *s, const char *end, unsigned *need)
{
	size_t ncols = 0;
	int row = 0;

	for (const char *tr = s; (tr = after(tr, end, "<w:tr>")) != NULL;
	    row++) {
		const char *row_end = after(tr, end, "</w:tr>");
		size_t col = 0;
		if (row_end == NULL)
			break;
		for (const char *tc = tr; col < MAX_COLS &&
		    (tc = after(tc, row_end, "<w:tc>")) != NULL; col++) {
			const char *tc_end = after(tc, row_end, "</w:tc>");
			unsigned u;
			if (tc_end == NULL)
				break;
			u = text_units(tc, tc_end);
			if (row == 0 && u > HEAD_UNITS)
				u = (u + 1) / 2 > HEAD_UNITS ? (u + 1) / 2 :
				    HEAD_UNITS;
			if (after(tc, tc_end, "fzTableCode") != NULL &&
			    u > CODE_UNITS)
				u = CODE_UNITS;
			if (col >= ncols)
				need[ncols++] = MIN_UNITS;
			if (u > need[col])
				need[col] = u;
			tc = tc_end;
		}
		tr = row_end;
	}
	return ncols;
}

/* The grid of a table whose columns need need[0..n) units: each its
 * margins and a share of the rest of the text column in proportion to
 * its need (the room left over shared out, or every column narrowed
 * when the values do not fit on a line). */
static void
grid(fz_buf *out, const unsigned *need, size_t n)
{
	unsigned long total = 0, given = 0, room;
	char col[64];

	for (size_t i = 0; i < n; i++)
		total += need[i];
	room = TEXT_TWIPS > n * CELL_MARGIN ? TEXT_TWIPS - n * CELL_MARGIN : 0;
	fz_buf_adds(out, "<w:tblGrid>");
	for (size_t i = 0; i < n; i++) {
		unsigned long w = i + 1 < n ? CELL_MARGIN + (room *
		    need[i] + total / 2) / total : TEXT_TWIPS - given;
		given += w;
		snprintf(col, sizeof col, "<w:gridCol w:w=\"%lu\"/>", w);
		fz_buf_adds(out, col);
	}
	fz_buf_adds(out, "</w:tblGrid>");
}

/* in with the grid of every table whose template left its columns
 * without widths (<w:gridCol/>) made from what its cells hold. */
static void
tables_size(const fz_buf *in, fz_buf *out)
{
	const char *s = fz_buf_str(in), *end = s + in->len, *tbl;
	unsigned need[MAX_COLS];

	while ((tbl = after(s, end, "<w:tbl>")) != NULL) {
		const char *tbl_end = after(tbl, end, "</w:tbl>");
		const char *g = after(tbl, tbl_end ? tbl_end : end,
		    "<w:tblGrid>");
		const char *g_end = g ? after(g, tbl_end, "</w:tblGrid>") : NULL;
		size_t n;
		if (tbl_end == NULL || g_end == NULL) {
			fz_buf_add(out, s, (size_t)(tbl - s));
			s = tbl;
			continue;
		}
		g -= strlen("<w:tblGrid>");
		fz_buf_add(out, s, (size_t)(g - s));
		n = column_needs(g_end, tbl_end, need);
		if (n > 0 && after(g, g_end, "w:w=") == NULL)
			grid(out, need, n);
		else
			fz_buf_add(out, g, (size_t)(g_end - g));
		fz_buf_add(out, g_end, (size_t)(tbl_end - g_end));
		s = tbl_end;
	}
	fz_buf_add(out, s, (size_t)(end - s));
}

/* The widget name of templates/docx over root into out. */
static int
render_part(const char *builtin, const char *widget, const fz_node *root,
    fz_buf *out, fz_error *err)
{
	size_t n = strlen(builtin) + strlen(widget) + 32;
	char *path = fz_xmalloc(n);
	fz_render_template *t = NULL;
	int rc;

	snprintf(path, n, "%s/docx/%s.mustache", builtin, widget);
	rc = fz_render_template_open(builtin, "docx", path, &t, err);
	if (rc == FZ_OK)
		rc = fz_render_template_render(t, root, FZ_ESCAPE_HTML, out,
		    err);
	fz_render_template_free(t);
	free(path);
	return rc;
}

/* The parts zipped into path. */
struct package {
	const char *names[NPARTS + 1];
	fz_buf data[NPARTS + 1];
};

static int
zip_fail(zip_t *z, const char *path, int status, const char *what,
    fz_error *err)
{
	int rc = fz_error_set(err, status, path, 0, 0, "%s: %s", what,
	    zip_strerror(z));

	zip_discard(z);
	return rc;
}

/* Why zip_close failed: the system's reason, as every output says it
 * (write error: No space left on device), else libzip's. */
static int
close_fail(zip_t *z, const char *path, fz_error *err)
{
	zip_error_t *e = zip_get_error(z);
	int code = zip_error_code_zip(e), rc;
	int sys = zip_error_system_type(e) == ZIP_ET_SYS ?
	    zip_error_code_system(e) : 0;
	int create = code == ZIP_ER_TMPOPEN || code == ZIP_ER_OPEN;

	if (sys != 0)
		rc = fz_error_set(err, create ? FZ_CANTCREAT : FZ_IOERR, path,
		    0, 0, create ? _("cannot create: %s") : _("write error: %s"),
		    strerror(sys));
	else
		rc = fz_error_set(err, FZ_IOERR, path, 0, 0, "write error: %s",
		    zip_error_strerror(e));
	zip_discard(z);
	return rc;
}

static int
write_zip(const char *path, void *ctx, fz_error *err)
{
	const struct package *p = ctx;
	zip_error_t ze;
	zip_t *z;
	int code;

	if ((z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code)) == NULL) {
		int rc;
		zip_error_init_with_code(&ze, code);
		rc = fz_error_set(err, FZ_CANTCREAT, path, 0, 0,
		    "cannot create: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	for (size_t i = 0; i <= NPARTS; i++) {
		zip_source_t *src = zip_source_buffer(z, p->data[i].data,
		    p->data[i].len, 0);
		zip_int64_t at;
		if (src == NULL || (at = zip_file_add(z, p->names[i], src,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(src);
			return zip_fail(z, path, FZ_IOERR, p->names[i], err);
		}
		if (zip_set_file_compression(z, (zip_uint64_t)at,
		    ZIP_CM_DEFLATE, 9) != 0 || zip_file_set_mtime(z,
		    (zip_uint64_t)at, FIXED_MTIME, 0) != 0)
			return zip_fail(z, path, FZ_IOERR, p->names[i], err);
	}
	if (zip_close(z) != 0)
		return close_fail(z, path, err);
	return FZ_OK;
}

/* word/document.xml: t over root, which must make a document (a
 * template built on the docx page widget). */
static int
render_document(fz_render_template *t, const fz_node *root, fz_buf *out,
    fz_error *err)
{
	fz_buf raw = { 0 };
	int rc = fz_render_template_render(t, root, FZ_ESCAPE_HTML, &raw, err);

	if (rc == FZ_OK && strstr(fz_buf_str(&raw), "<w:body>") == NULL)
		rc = fz_error_set(err, FZ_DATAERR, t->main->name, 0, 0,
		    "this template makes no Word document: a template for "
		    "docx is built on the page widget ({{<page}}, see "
		    "fazhi-templates(7))");
	if (rc == FZ_OK) {
		fz_buf clean = { 0 };
		runs_clean(&raw, &clean);
		tables_size(&clean, out);
		fz_buf_free(&clean);
	}
	fz_buf_free(&raw);
	return rc;
}

int
fz_render_docx_output(fz_output *o, fz_render_template *t,
    const fz_node *root, const char *builtin, fz_error *err)
{
	struct package p;
	int rc = FZ_OK;

	memset(&p, 0, sizeof p);
	for (size_t i = 0; i < NPARTS && rc == FZ_OK; i++) {
		p.names[i] = parts[i].name;
		rc = render_part(builtin, parts[i].widget, root, &p.data[i], err);
	}
	p.names[NPARTS] = "word/document.xml";
	if (rc == FZ_OK)
		rc = render_document(t, root, &p.data[NPARTS], err);
	if (rc == FZ_OK)
		rc = fz_output_by_path(o, write_zip, &p, err);
	for (size_t i = 0; i <= NPARTS; i++)
		fz_buf_free(&p.data[i]);
	return rc;
}
