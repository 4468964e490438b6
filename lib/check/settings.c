/* settings.c - the rules file: what the 行政处罚法 leaves to local rules
 * (the 较大数额 of a hearing) and the bureau's own policy (legal review
 * of every decision).  It holds nothing else: an unknown key is an
 * error, so that no one takes it for a way to change the statute. */
#include <string.h>

#include "check_int.h"

static const char *const keys[] = { "hearing_fine_person",
	"hearing_fine_organization", "review_all", NULL };

static int
bad(fz_error *err, const char *file, const fz_node *at, const char *what,
    const char *value)
{
	return fz_error_set(err, FZ_DATAERR, file, at->line, at->col, "%s%s%s",
	    what, value != NULL ? value : "", value != NULL ? "'" : "");
}

/* A threshold in yuan, more than nothing, into fen. */
static int
take_fine(const char *file, const fz_node *key, const fz_node *v,
    int64_t *fen, fz_error *err)
{
	if (v->type != FZ_SCALAR || fz_money_parse(v->str, v->len, fen) != 0 ||
	    *fen <= 0)
		return fz_error_set(err, FZ_DATAERR, file, v->line, v->col,
		    "%s must be an amount in yuan above 0, not '%s'", key->str,
		    v->type == FZ_SCALAR ? v->str : "");
	return FZ_OK;
}

static int
take_key(fz_check_settings *s, const char *file, const fz_node *key,
    const fz_node *v, fz_error *err)
{
	int b;

	if (strcmp(key->str, "hearing_fine_person") == 0)
		return take_fine(file, key, v, &s->hearing_fine_person, err);
	if (strcmp(key->str, "hearing_fine_organization") == 0)
		return take_fine(file, key, v, &s->hearing_fine_organization,
		    err);
	if (v->type != FZ_SCALAR || (b = fz_scalar_bool(v->str, v->len)) < 0)
		return bad(err, file, v, "review_all must be true or false, "
		    "not '", v->type == FZ_SCALAR ? v->str : "");
	s->review_all = b;
	return FZ_OK;
}

/* The keys of the document, each known and given once, none left out. */
static int
take_doc(fz_check_settings *s, const char *file, const fz_node *doc,
    fz_error *err)
{
	unsigned seen = 0;

	for (size_t i = 0; i < doc->n; i++) {
		const fz_node *key = doc->kids[2 * i], *v = doc->kids[2 * i + 1];
		int k = 0;

		if (!strcmp(key->str, "kind") || !strcmp(key->str, "version"))
			continue;
		while (keys[k] != NULL && strcmp(keys[k], key->str) != 0)
			k++;
		if (keys[k] == NULL)
			return bad(err, file, key, "unknown key in a rules file "
			    "(it sets hearing_fine_person, "
			    "hearing_fine_organization and review_all; nothing "
			    "of the statute): '", key->str);
		if (seen & (1u << k))
			return bad(err, file, key, "a second '", key->str);
		seen |= 1u << k;
		if (take_key(s, file, key, v, err) != FZ_OK)
			return FZ_DATAERR;
	}
	for (int k = 0; keys[k] != NULL; k++)
		if (!(seen & (1u << k)))
			return bad(err, file, doc, "the rules file does not give "
			    "'", keys[k]);
	return FZ_OK;
}

/* The document of the stream: one, of kind rules, version 1. */
static int
take_event(fz_check_settings *s, const fz_event *ev, int *docs,
    fz_error *err)
{
	const fz_node *v = fz_node_get(ev->node, "version");

	if (++*docs > 1)
		return bad(err, ev->file, ev->node, "a rules file holds one "
		    "document", NULL);
	if (ev->kind_name == NULL || strcmp(ev->kind_name, "rules") != 0)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "not a rules file (kind %s, not rules)",
		    ev->kind_name != NULL ? ev->kind_name : "none");
	if (v == NULL || v->type != FZ_SCALAR || strcmp(v->str, "1") != 0)
		return bad(err, ev->file, v != NULL ? v : ev->node, "a rules "
		    "file needs version: 1", NULL);
	return take_doc(s, ev->file, ev->node, err);
}

int
fz_check_settings_load(fz_check_settings *s, const char *path,
    fz_error *err)
{
	char shipped[4096];
	char *paths[1] = { (char *)path };
	fz_check_settings got = { 0 };
	fz_stream *st;
	fz_event ev;
	int rc, docs = 0;

	if (path == NULL) {
		if (fz_data_path("rules.yaml", shipped, sizeof shipped) == NULL)
			return fz_error_set(err, FZ_NOINPUT, "rules.yaml", 0, 0,
			    "cannot find the shipped rules file");
		paths[0] = shipped;
	}
	st = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while ((rc = fz_stream_next(st, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		if (ev.type == FZ_EV_DOC &&
		    (rc = take_event(&got, &ev, &docs, err)) != FZ_OK)
			break;
	fz_stream_close(st);
	if (rc == FZ_OK && docs == 0)
		rc = fz_error_set(err, FZ_DATAERR, paths[0], 0, 0, "a rules "
		    "file holds one document (kind: rules)");
	if (rc == FZ_OK)
		*s = got;
	return rc;
}
