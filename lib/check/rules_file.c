/* rules_file.c - the files fazhi-check reads its locally set figures
 * from (rules.yaml, complaint-rules.yaml): one document of its kind,
 * version 1, each of its keys given once and none left out, so that a
 * figure is never taken by default nor a stray key for a setting. */
#include <string.h>

#include "check_int.h"

static int
bad(fz_error *err, const char *file, const fz_node *at, const char *fmt,
    const char *a, const char *b)
{
	return fz_error_set(err, FZ_DATAERR, file, at->line, at->col, fmt, a,
	    b);
}

static int
take_doc(const fz_check__rules_file *rf, void *ctx, const char *file,
    const fz_node *doc, fz_error *err)
{
	unsigned seen = 0;

	for (size_t i = 0; i < doc->n; i++) {
		const fz_node *key = doc->kids[2 * i], *v = doc->kids[2 * i + 1];
		int k = 0;

		if (!strcmp(key->str, "kind") || !strcmp(key->str, "version"))
			continue;
		while (rf->keys[k] != NULL && strcmp(rf->keys[k], key->str))
			k++;
		if (rf->keys[k] == NULL)
			return fz_error_set(err, FZ_DATAERR, file, key->line,
			    key->col, "unknown key in a %s (%s): '%s'",
			    fz_gettext(rf->noun), fz_gettext(rf->unknown),
			    key->str);
		if (seen & (1u << k))
			return bad(err, file, key, "a second '%s'%s", key->str,
			    "");
		seen |= 1u << k;
		if (rf->take(ctx, k, file, key, v, err) != FZ_OK)
			return FZ_DATAERR;
	}
	for (int k = 0; rf->keys[k] != NULL; k++)
		if (!(seen & (1u << k)))
			return bad(err, file, doc, "the %s does not give '%s'",
			    fz_gettext(rf->noun), rf->keys[k]);
	return FZ_OK;
}

static int
take_event(const fz_check__rules_file *rf, void *ctx, const fz_event *ev,
    int *docs, fz_error *err)
{
	const fz_node *v = fz_node_get(ev->node, "version");

	if (++*docs > 1)
		return bad(err, ev->file, ev->node, "a %s holds one document%s",
		    fz_gettext(rf->noun), "");
	if (ev->kind_name == NULL || strcmp(ev->kind_name, rf->kind) != 0)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "not a %s (kind %s, not %s)",
		    fz_gettext(rf->noun),
		    ev->kind_name != NULL ? ev->kind_name : "none", rf->kind);
	if (v == NULL || v->type != FZ_SCALAR || strcmp(v->str, "1") != 0)
		return bad(err, ev->file, v != NULL ? v : ev->node, "a %s needs "
		    "version: 1%s", fz_gettext(rf->noun), "");
	return take_doc(rf, ctx, ev->file, ev->node, err);
}

int
fz_check__rules_file_load(const fz_check__rules_file *rf, const char *path,
    void *ctx, fz_error *err)
{
	char shipped[4096];
	char *paths[1] = { (char *)path };
	fz_stream *st;
	fz_event ev;
	int rc, docs = 0;

	if (path == NULL) {
		if (fz_data_path(rf->shipped, shipped, sizeof shipped) == NULL)
			return fz_error_set(err, FZ_NOINPUT, rf->shipped, 0, 0,
			    "cannot find the shipped %s", fz_gettext(rf->noun));
		paths[0] = shipped;
	}
	st = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while ((rc = fz_stream_next(st, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		if (ev.type == FZ_EV_DOC &&
		    (rc = take_event(rf, ctx, &ev, &docs, err)) != FZ_OK)
			break;
	fz_stream_close(st);
	if (rc == FZ_OK && docs == 0)
		rc = fz_error_set(err, FZ_DATAERR, paths[0], 0, 0, "a %s holds "
		    "one document (kind: %s)", fz_gettext(rf->noun), rf->kind);
	return rc;
}
