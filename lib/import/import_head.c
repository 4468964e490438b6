/* import_head.c - the column map of --map and the header row: each
 * column's key, and the keys a header must give. */
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

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
		    hlen == 0 ? _("no column") : key, fz_kind_name(im->kind));
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
	fz_check_report(im->check, FZ_ERROR, im->file,
	    (unsigned)im->hrow + 1, col | im->colflag, fmt, a, b);
	im->stopped = 1;
}

const char *
fz_import__column_key(fz_import *im, const char *h)
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
	const char *key = fz_import__column_key(im, im->headers[i]);

	if (key == NULL) {
		if (im->headers[i][0] != '\0')
			fz_check_report(im->check, FZ_WARNING, im->file,
			    (unsigned)im->hrow + 1, fz_import__col(im, i),
			    "column '%s' has no key; skipped "
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

void
fz_import__header_end(fz_import *im)
{
	const fz_field *f;

	im->have_header = 1;
	im->cols = fz_xcalloc(im->ncols + 1, sizeof *im->cols);
	im->filled = fz_xcalloc(im->ncols + 1, 1);
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


void
fz_import__header_cell(fz_import *im, const char *s, size_t len)
{
	if (im->ncols == im->cap) {
		im->cap = im->cap ? 2 * im->cap : 16;
		im->headers = fz_xrealloc(im->headers,
		    im->cap * sizeof *im->headers);
	}
	s = fz_trim(s, &len);
	im->headers[im->ncols++] = fz_arena_strndup(im->arena, s, len);
}

void
fz_import__no_header(fz_import *im)
{
	if (im->header_row > 0)
		fz_check_report(im->check, FZ_ERROR, im->file, 0, 0,
		    "no header row: --header-row %u is past the last row",
		    im->header_row);
	else if (im->colflag != 0)
		fz_check_report(im->check, FZ_ERROR, im->file, 0, 0,
		    "no header row: no row names a known column (name it "
		    "with --header-row N, or the columns with --map)");
	else
		fz_check_report(im->check, FZ_ERROR, im->file, 1, 0,
		    "no header row");
}

int
fz_import_header_row(fz_import *im, unsigned n)
{
	if (n == 0 || im->started)
		return -1;
	im->header_row = n;
	im->hrow = n - 1;
	return 0;
}
