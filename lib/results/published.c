/* draw_published.c - a published draw document (FORMATS.md "draw") read
 * back into plain structs, for the programs that follow a draw up: its
 * task, date and seed, and each selection with its drawn team. */
#include <string.h>

#include "results.h"

/* A node's place, for fz_error_set. */
#define AT(n) (n)->file, (n)->line, (n)->col

/* The trimmed text of the scalar v into *out (memory of a): FZ_OK, or
 * FZ_DATAERR when v is not a scalar, or when it is empty and required. */
static int
scalar_text(const fz_node *v, const char *what, int required,
    const char **out, fz_arena *a, fz_error *err)
{
	size_t len;
	const char *s;

	*out = NULL;
	if (v == NULL || (!required && fz_node_is_null(v)))
		return FZ_OK;
	if (v->type != FZ_SCALAR)
		return fz_error_set(err, FZ_DATAERR, AT(v), _("%s must be a "
		    "single value"), what);
	len = v->len;
	s = fz_trim(v->str, &len);
	if (len == 0 || (!v->quoted && fz_node_is_null(v)))
		return required ? fz_error_set(err, FZ_DATAERR, AT(v), _("%s "
		    "must not be empty"), what) : FZ_OK;
	*out = fz_arena_strndup(a, s, len);
	return FZ_OK;
}

/* The value of key in m, which must be there. */
static int
required(const fz_node *m, const char *key, const char *what,
    const char **out, fz_arena *a, fz_error *err)
{
	const fz_node *v = fz_node_get(m, key);

	if (v == NULL)
		return fz_error_set(err, FZ_DATAERR, AT(m), _("%s without %s"),
		    what, key);
	return scalar_text(v, key, 1, out, a, err);
}

static int
member(const fz_node *m, fz_draw_member *p, fz_arena *a, fz_error *err)
{
	int rc;

	if (m->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, AT(m), _("a team member "
		    "must be a mapping with id, name and department"));
	if ((rc = required(m, "id", _("a team member"), &p->id, a, err)) ||
	    (rc = scalar_text(fz_node_get(m, "name"), "name", 0, &p->name,
	    a, err)) ||
	    (rc = scalar_text(fz_node_get(m, "department"), "department", 0,
	    &p->department, a, err)))
		return rc;
	return FZ_OK;
}

static int
selection(const fz_node *m, fz_draw_selection *s, fz_arena *a,
    fz_error *err)
{
	static const char *const optional[] = { "name", "category", "town",
		"stratum" };
	const char **slots[] = { &s->name, &s->category, &s->town,
		&s->stratum };
	const fz_node *team;
	int rc;

	if (m->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, AT(m), _("a selection must "
		    "be a mapping with entity and team"));
	s->at = m;
	if ((rc = required(m, "entity", _("a selection"), &s->entity, a, err)))
		return rc;
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		if ((rc = scalar_text(fz_node_get(m, optional[i]), optional[i],
		    0, slots[i], a, err)))
			return rc;
	team = fz_node_get(m, "team");
	if (team == NULL || fz_node_is_null(team))
		return FZ_OK;	/* unfilled: no team was formed */
	if (team->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, AT(team), _("team must be a "
		    "list of inspectors"));
	s->nteam = team->n;
	s->team = fz_arena_alloc(a, (team->n + 1) * sizeof *s->team);
	memset(s->team, 0, (team->n + 1) * sizeof *s->team);
	for (size_t i = 0; i < team->n; i++)
		if ((rc = member(team->kids[i], &s->team[i], a, err)))
			return rc;
	return FZ_OK;
}

static int
selections(const fz_node *v, fz_results_draw *d, fz_arena *a, fz_error *err)
{
	fz_map *seen;
	int rc = FZ_OK;

	if (v == NULL || fz_node_is_null(v))
		return FZ_OK;
	if (v->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, AT(v), _("selections must be "
		    "a list"));
	d->selections = fz_arena_alloc(a, (v->n + 1) * sizeof *d->selections);
	memset(d->selections, 0, (v->n + 1) * sizeof *d->selections);
	seen = fz_map_new();
	for (size_t i = 0; rc == FZ_OK && i < v->n; i++) {
		fz_draw_selection *s = &d->selections[i];
		int added;

		if ((rc = selection(v->kids[i], s, a, err)) != FZ_OK)
			break;
		fz_map_insert(seen, s->entity, strlen(s->entity), &added, NULL);
		if (!added)
			rc = fz_error_set(err, FZ_DATAERR,
			    AT(fz_node_get(v->kids[i], "entity")), _("entity "
			    "'%s' is drawn twice"), s->entity);
		d->nselections = i + 1;
	}
	fz_map_free(seen);
	return rc;
}

/* The draw's date and hash, and the working days it gives for the
 * inspections when it says. */
static int
date_hash_days(const fz_node *doc, fz_results_draw *d, fz_error *err)
{
	const fz_node *date = fz_node_get(doc, "date");
	const fz_node *hash = fz_node_get(doc, "hash");
	const fz_node *days = fz_node_get(doc, "inspect_within_days");

	if (date == NULL)
		return fz_error_set(err, FZ_DATAERR, AT(doc), _("draw without "
		    "date"));
	if (date->type != FZ_SCALAR ||
	    fz_date_parse(date->str, date->len, &d->date) != 0)
		return fz_error_set(err, FZ_DATAERR, AT(date), _("date: '%s' is "
		    "not a date (YYYY-MM-DD)"), date->type == FZ_SCALAR ?
		    date->str : "");
	d->hash = FZ_HASH_SHA256;
	if (hash != NULL && (hash->type != FZ_SCALAR ||
	    fz_hash_parse(hash->str, hash->len) < 0))
		return fz_error_set(err, FZ_DATAERR, AT(hash), _("hash: expected "
		    "sha256 or sm3"));
	if (hash != NULL)
		d->hash = fz_hash_parse(hash->str, hash->len);
	d->inspect_within_days = -1;
	if (days != NULL && (days->type != FZ_SCALAR ||
	    fz_int_parse(days->str, days->len, &d->inspect_within_days) != 0 ||
	    d->inspect_within_days > FZ_RESULTS_MAX_DAYS))
		return fz_error_set(err, FZ_DATAERR, AT(days),
		    _("inspect_within_days: expected a whole number of working "
		    "days up to %d"), FZ_RESULTS_MAX_DAYS);
	return FZ_OK;
}

int
fz_results_draw_decode(const fz_node *doc, fz_results_draw *d, fz_arena *a,
    fz_error *err)
{
	const fz_node *kind = fz_node_get(doc, "kind"), *seed;
	int rc;

	memset(d, 0, sizeof *d);
	d->doc = doc;
	if (doc->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, AT(doc), _("a draw must be "
		    "a mapping"));
	if (kind == NULL || kind->type != FZ_SCALAR ||
	    strcmp(kind->str, "draw") != 0)
		return fz_error_set(err, FZ_DATAERR, AT(kind ? kind : doc),
		    _("expected a draw (kind: draw), not %s"), kind != NULL &&
		    kind->type == FZ_SCALAR ? kind->str : _("a document without "
		    "kind"));
	if ((rc = required(doc, "task", "draw", &d->task, a, err)) ||
	    (rc = required(doc, "seed", "draw", &d->seed, a, err)) ||
	    (rc = date_hash_days(doc, d, err)))
		return rc;
	/* The seed is its text exactly as written (DRAW.md). */
	seed = fz_node_get(doc, "seed");
	d->seed = fz_arena_strndup(a, seed->str, seed->len);
	return selections(fz_node_get(doc, "selections"), d, a, err);
}

/* The digests of the bytes read, under both hashes: the draw names its
 * own only once it is read. */
struct digests {
	fz_digest *d[2];
};

static void
tap(void *ctx, size_t file, const void *buf, size_t len)
{
	struct digests *g = ctx;

	(void)file;
	for (int h = 0; h < 2; h++)
		if (g->d[h] != NULL)
			fz_digest_update(g->d[h], buf, len);
}

/* The one document of the stream, copied into a. */
static int
only_doc(fz_stream *s, const char *path, fz_node **doc, fz_arena *a,
    fz_error *err)
{
	fz_event ev;
	int rc;

	if ((rc = fz_stream_next(s, &ev, err)) != FZ_OK)
		return rc;
	if (ev.type == FZ_EV_END)
		return fz_error_set(err, FZ_DATAERR, path, 0, 0, "no draw "
		    "document");
	if (ev.type != FZ_EV_DOC || ev.kind != FZ_KIND_DRAW)
		return fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
		    ev.doc_col, "expected a draw (kind: draw), not %s",
		    ev.kind_name != NULL ? ev.kind_name :
		    _("a document without kind"));
	*doc = fz_node_copy(a, ev.node);
	if ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		return fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
		    ev.doc_col, "a draw file holds one document");
	return rc;
}

int
fz_results_draw_read(const char *path, fz_results_draw *d, fz_arena *a,
    fz_error *err)
{
	char *paths[1] = { (char *)path };
	struct digests g = { { fz_digest_new(FZ_HASH_SHA256),
		fz_digest_new(FZ_HASH_SM3) } };
	fz_stream *s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	fz_node *doc = NULL;
	int rc;

	memset(d, 0, sizeof *d);
	fz_stream_set_tap(s, tap, &g);
	rc = only_doc(s, path, &doc, a, err);
	fz_stream_close(s);
	if (rc == FZ_OK)
		rc = fz_results_draw_decode(doc, d, a, err);
	if (rc == FZ_OK && g.d[d->hash] == NULL)
		rc = fz_error_set(err, FZ_DATAERR, AT(doc), _("%s is not "
		    "available in this libcrypto"), fz_hash_name(d->hash));
	if (rc == FZ_OK)
		fz_digest_hex(g.d[d->hash], d->digest);
	fz_digest_free(g.d[0]);
	fz_digest_free(g.d[1]);
	return rc;
}
