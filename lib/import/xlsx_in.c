/* xlsx_in.c - an .xlsx workbook into fz_import_row: libzip opens the
 * package, expat reads its parts (the workbook and its relationships
 * for the sheets, the styles for which cells are dates, the shared
 * strings, then the chosen sheet, streamed).  Element names are taken
 * without their prefix. */
#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "import_int.h"

struct sheet_ref {
	char *name, *rid;
};

struct xlsx {
	fz_import *im;
	fz_arena *a;
	zip_t *zip;
	const char *file;
	int date1904;
	struct sheet_ref *sheets;
	size_t nsheets;
	char **rel_id, **rel_target, **rel_type;
	size_t nrels;
	char **sst;		/* shared strings */
	size_t nsst;
	unsigned char *xf_date;	/* cellXfs entry i formats a date */
	size_t nxf;
	int *fmt_date_id;	/* custom numFmt ids that are dates */
	size_t nfmt;
	/* the part being read */
	int depth_skip;		/* inside an element whose text is not kept */
	int in_text, in_v, in_si, in_xfs;
	fz_buf text;
	/* the sheet's row */
	unsigned row, col;
	char ctype[16];
	unsigned cstyle;
	fz_buf rowtext;
	size_t *off, *len;
	unsigned *cols;
	size_t ncells, capcells;
};

static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

static void *
grow(void *p, size_t n, size_t size)
{
	/* One more slot, room doubled at powers of two. */
	if ((n & (n - 1)) == 0)
		p = fz_xrealloc(p, (n ? 2 * n : 1) * size);
	return p;
}

/* ------------------------------------------------------------ parts */

static void XMLCALL
on_text(void *ctx, const XML_Char *s, int len)
{
	struct xlsx *x = ctx;

	if ((x->in_text || x->in_v) && x->depth_skip == 0)
		fz_buf_add(&x->text, s, (size_t)len);
}

/* Read the part name through a new expat parser calling start, end and
 * text with x.  A missing part is FZ_DATAERR when required, else FZ_OK
 * having read nothing. */
static int
read_part(struct xlsx *x, const char *name, int required,
    XML_StartElementHandler start, XML_EndElementHandler end,
    fz_error *err)
{
	zip_file_t *zf = zip_fopen(x->zip, name, 0);
	XML_Parser p;
	char buf[65536];
	zip_int64_t n = 0;
	int rc = FZ_OK, xml_ok = 1;

	if (zf == NULL)
		return required ? fz_error_set(err, FZ_DATAERR, x->file, 0, 0,
		    "not an xlsx workbook: no part %s", name) : FZ_OK;
	p = XML_ParserCreate("UTF-8");
	if (p == NULL)
		fz_nomem();
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, on_text);
	x->depth_skip = x->in_text = x->in_v = x->in_si = x->in_xfs = 0;
	fz_buf_reset(&x->text);
	while (xml_ok && (n = zip_fread(zf, buf, sizeof buf)) > 0)
		xml_ok = XML_Parse(p, buf, (int)n, 0) != XML_STATUS_ERROR;
	if (xml_ok && n == 0)
		xml_ok = XML_Parse(p, NULL, 0, 1) != XML_STATUS_ERROR;
	if (n < 0)	/* damaged compressed data, a wrong CRC ... */
		rc = fz_error_set(err, FZ_DATAERR, x->file, 0, 0, "not an xlsx "
		    "workbook: %s: %s", name, zip_file_strerror(zf));
	else if (!xml_ok)
		rc = fz_error_set(err, FZ_DATAERR, x->file, 0, 0, "%s:%lu:%lu: "
		    "XML: %s", name, (unsigned long)XML_GetCurrentLineNumber(p),
		    (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
		    XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	zip_fclose(zf);
	return rc;
}

/* workbook.xml: the sheets in order, the 1904 date system. */
static void XMLCALL
workbook_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ctx;
	const char *n = local(name), *v, *rid;

	if (strcmp(n, "workbookPr") == 0 && (v = attr(atts, "date1904")))
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	if (strcmp(n, "sheet") == 0 && (v = attr(atts, "name")) &&
	    (rid = attr(atts, "id"))) {
		x->sheets = grow(x->sheets, x->nsheets, sizeof *x->sheets);
		x->sheets[x->nsheets++] = (struct sheet_ref){
		    fz_arena_strdup(x->a, v), fz_arena_strdup(x->a, rid) };
	}
}

static void XMLCALL
no_end(void *ctx, const XML_Char *name)
{
	(void)ctx, (void)name;
}

/* workbook.xml.rels: each relationship's id, target and type. */
static void XMLCALL
rels_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ctx;
	const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
	const char *type = attr(atts, "Type");

	if (strcmp(local(name), "Relationship") != 0 || !id || !t)
		return;
	x->rel_id = grow(x->rel_id, x->nrels, sizeof *x->rel_id);
	x->rel_target = grow(x->rel_target, x->nrels, sizeof *x->rel_target);
	x->rel_type = grow(x->rel_type, x->nrels, sizeof *x->rel_type);
	x->rel_id[x->nrels] = fz_arena_strdup(x->a, id);
	/* Targets are relative to xl/, or absolute in the package. */
	x->rel_target[x->nrels] = t[0] == '/' ? fz_arena_strdup(x->a, t + 1) :
	    fz_arena_printf(x->a, "xl/%s", t);
	x->rel_type[x->nrels++] = fz_arena_strdup(x->a, type ? type : "");
}

static const char *
rel_by(struct xlsx *x, const char *id, const char *type_end)
{
	for (size_t i = 0; i < x->nrels; i++) {
		size_t tl = strlen(x->rel_type[i]), el;
		if (id != NULL && strcmp(x->rel_id[i], id) == 0)
			return x->rel_target[i];
		if (type_end != NULL && tl >= (el = strlen(type_end)) &&
		    strcmp(x->rel_type[i] + tl - el, type_end) == 0)
			return x->rel_target[i];
	}
	return NULL;
}

/* ------------------------------------------------------------ styles */

static int
fmt_is_date(struct xlsx *x, long id)
{
	for (size_t i = 0; i < x->nfmt; i++)
		if (x->fmt_date_id[i] == id)
			return 1;
	return fz_import__builtin_is_date(id);
}

static void XMLCALL
styles_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ctx;
	const char *n = local(name), *id = attr(atts, "numFmtId");
	const char *code = attr(atts, "formatCode");

	if (strcmp(n, "numFmt") == 0 && id && code && fz_import__code_is_date(code)) {
		x->fmt_date_id = grow(x->fmt_date_id, x->nfmt,
		    sizeof *x->fmt_date_id);
		x->fmt_date_id[x->nfmt++] = (int)strtol(id, NULL, 10);
	} else if (strcmp(n, "cellXfs") == 0) {
		x->in_xfs = 1;
	} else if (strcmp(n, "xf") == 0 && x->in_xfs) {
		x->xf_date = grow(x->xf_date, x->nxf, 1);
		x->xf_date[x->nxf++] = id != NULL &&
		    fmt_is_date(x, strtol(id, NULL, 10));
	}
}

static void XMLCALL
styles_end(void *ctx, const XML_Char *name)
{
	struct xlsx *x = ctx;

	if (strcmp(local(name), "cellXfs") == 0)
		x->in_xfs = 0;
}

/* ------------------------------------------------------------ strings */

/* Shared strings: the text of each si, its runs joined, its phonetic
 * guides (rPh) left out. */
static void XMLCALL
sst_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ctx;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		x->in_si = 1;
		fz_buf_reset(&x->text);
	} else if (strcmp(n, "rPh") == 0) {
		x->depth_skip++;
	} else if (strcmp(n, "t") == 0 && x->in_si) {
		x->in_text = 1;
	}
}

static void XMLCALL
sst_end(void *ctx, const XML_Char *name)
{
	struct xlsx *x = ctx;
	const char *n = local(name);

	if (strcmp(n, "t") == 0) {
		x->in_text = 0;
	} else if (strcmp(n, "rPh") == 0) {
		x->depth_skip--;
	} else if (strcmp(n, "si") == 0) {
		x->in_si = 0;
		x->sst = grow(x->sst, x->nsst, sizeof *x->sst);
		x->sst[x->nsst++] = fz_arena_strndup(x->a, fz_buf_str(&x->text),
		    x->text.len);
	}
}

/* ------------------------------------------------------------ sheet */

/* A1 into its column and row; 0s when it is not a reference. */
static void
cell_ref(const char *r, unsigned *col, unsigned *row)
{
	unsigned long c = 0, n = 0;

	for (; *r >= 'A' && *r <= 'Z' && c < 1u << 20; r++)
		c = c * 26 + (unsigned long)(*r - 'A' + 1);
	for (; *r >= '0' && *r <= '9' && n < 1u << 24; r++)
		n = n * 10 + (unsigned long)(*r - '0');
	*col = *r == '\0' ? (unsigned)c : 0;
	*row = *r == '\0' ? (unsigned)n : 0;
}

static void
row_cell(struct xlsx *x, const char *s, size_t len)
{
	x->off = grow(x->off, x->ncells, sizeof *x->off);
	x->len = grow(x->len, x->ncells, sizeof *x->len);
	x->cols = grow(x->cols, x->ncells, sizeof *x->cols);
	x->off[x->ncells] = x->rowtext.len;
	x->len[x->ncells] = len;
	x->cols[x->ncells++] = x->col;
	fz_buf_add(&x->rowtext, s, len);
}

/* The cell ended: its text by its type and number format. */
static void
cell_end(struct xlsx *x)
{
	const char *v = fz_buf_str(&x->text);
	char date[16];
	char *end;
	unsigned long i;

	if (strcmp(x->ctype, "s") == 0) {
		errno = 0;
		i = strtoul(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0 || i >= x->nsst) {
			fz_check_report(x->im->check, FZ_ERROR, x->im->file,
			    x->row, x->col | FZ_COL_CELL, "shared string "
			    "'%s' is not one of the workbook's %zu", v, x->nsst);
			return;
		}
		row_cell(x, x->sst[i], strlen(x->sst[i]));
	} else if (strcmp(x->ctype, "b") == 0) {
		row_cell(x, strcmp(v, "1") == 0 ? "true" : "false",
		    strcmp(v, "1") == 0 ? 4 : 5);
	} else if (strcmp(x->ctype, "n") == 0 && x->cstyle < x->nxf &&
	    x->xf_date[x->cstyle] && fz_import__serial_date(x->date1904, v, date)) {
		row_cell(x, date, strlen(date));
	} else {
		row_cell(x, v, x->text.len);
	}
}

static void XMLCALL
sheet_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ctx;
	const char *n = local(name), *r = attr(atts, "r"), *t, *s;
	unsigned col, row;

	if (strcmp(n, "row") == 0) {
		cell_ref(r ? r : "", &col, &row);
		x->row = r && row > 0 ? row : x->row + 1;
		x->col = 0;
		x->ncells = 0;
		fz_buf_reset(&x->rowtext);
	} else if (strcmp(n, "c") == 0) {
		cell_ref(r ? r : "", &col, &row);
		x->col = r && col > 0 ? col : x->col + 1;
		t = attr(atts, "t");
		s = attr(atts, "s");
		snprintf(x->ctype, sizeof x->ctype, "%s", t ? t : "n");
		x->cstyle = s ? (unsigned)strtoul(s, NULL, 10) : 0;
		fz_buf_reset(&x->text);
	} else if (strcmp(n, "v") == 0) {
		x->in_v = 1;
	} else if (strcmp(n, "t") == 0) {
		x->in_text = 1;
	} else if (strcmp(n, "rPh") == 0) {
		x->depth_skip++;
	}
}

static void XMLCALL
sheet_end(void *ctx, const XML_Char *name)
{
	struct xlsx *x = ctx;
	const char *n = local(name);
	fz_import_cell *cells;

	if (strcmp(n, "v") == 0) {
		x->in_v = 0;
	} else if (strcmp(n, "t") == 0) {
		x->in_text = 0;
	} else if (strcmp(n, "rPh") == 0) {
		x->depth_skip--;
	} else if (strcmp(n, "c") == 0) {
		cell_end(x);
	} else if (strcmp(n, "row") == 0) {
		cells = fz_xcalloc(x->ncells + 1, sizeof *cells);
		for (size_t i = 0; i < x->ncells; i++)
			cells[i] = (fz_import_cell){ x->cols[i],
			    x->rowtext.data + x->off[i], x->len[i] };
		fz_import_row(x->im, x->row, cells, x->ncells);
		free(cells);
	}
}

/* ------------------------------------------------------------ workbook */

static void
xlsx_free(struct xlsx *x)
{
	if (x->zip != NULL)
		zip_discard(x->zip);
	fz_buf_free(&x->text);
	fz_buf_free(&x->rowtext);
	free(x->sheets);
	free(x->rel_id);
	free(x->rel_target);
	free(x->rel_type);
	free(x->sst);
	free(x->xf_date);
	free(x->fmt_date_id);
	free(x->off);
	free(x->len);
	free(x->cols);
}

static int
xlsx_open(struct xlsx *x, const char *path, fz_error *err)
{
	zip_error_t ze;
	FILE *fp = fopen(path, "rb");
	int code;

	/* Opened first for the reason it cannot be: what libzip then
	 * refuses (a central directory past the end ...) is the file's. */
	if (fp == NULL)
		return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
	fclose(fp);
	if ((x->zip = zip_open(path, ZIP_RDONLY, &code)) != NULL)
		return FZ_OK;
	if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ ||
	    code == ZIP_ER_SEEK)	/* said of a file that opens: damage */
		return fz_error_set(err, FZ_DATAERR, x->file, 0, 0, "not an "
		    "xlsx workbook: its zip directory cannot be read");
	zip_error_init_with_code(&ze, code);
	fz_error_set(err, FZ_DATAERR, x->file, 0, 0, "not an xlsx workbook: "
	    "%s", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return FZ_DATAERR;
}

/* The workbook's sheets and parts: the index of the sheet sel picks,
 * its part in *part; -1 with err set. */
static long
xlsx_index(struct xlsx *x, const char *sel, const char **part,
    fz_error *err)
{
	const char **names;
	long i;

	if (read_part(x, "xl/_rels/workbook.xml.rels", 1, rels_start, no_end,
	    err) != FZ_OK || read_part(x, "xl/workbook.xml", 1,
	    workbook_start, no_end, err) != FZ_OK)
		return -1;
	names = fz_xcalloc(x->nsheets + 1, sizeof *names);
	for (size_t k = 0; k < x->nsheets; k++)
		names[k] = x->sheets[k].name;
	i = fz_import__pick_sheet(x->file, names, x->nsheets, sel, err);
	free(names);
	if (i >= 0 && (*part = rel_by(x, x->sheets[i].rid, NULL)) == NULL) {
		fz_error_set(err, FZ_DATAERR, x->file, 0, 0, "not an xlsx "
		    "workbook: sheet '%s' has no part", x->sheets[i].name);
		return -1;
	}
	return i;
}

int
fz_import_xlsx(fz_import *im, const char *path, const char *file,
    const char *sel, fz_error *err)
{
	struct xlsx x = { .im = im, .a = im->arena, .file = file };
	const char *part = NULL, *styles, *strings;
	long i;
	int rc;

	if ((rc = xlsx_open(&x, path, err)) != FZ_OK)
		return rc;
	rc = FZ_DATAERR;
	if ((i = xlsx_index(&x, sel, &part, err)) >= 0) {
		styles = rel_by(&x, NULL, "/styles");
		strings = rel_by(&x, NULL, "/sharedStrings");
		if ((styles == NULL || (rc = read_part(&x, styles, 1,
		    styles_start, styles_end, err)) == FZ_OK) &&
		    (strings == NULL || (rc = read_part(&x, strings, 1,
		    sst_start, sst_end, err)) == FZ_OK)) {
			fz_import_sheet(im, x.sheets[i].name);
			rc = read_part(&x, part, 1, sheet_start, sheet_end,
			    err);
		}
	}
	xlsx_free(&x);
	return rc;
}
