/* render.c - the context templates are rendered over: every document
 * under its kind, documents without kind merged at the top, and the
 * helpers a logic-less template cannot compute (percents, yuan, Chinese
 * words, counts, list positions).  fazhi-templates(7) is its manual. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* Put key: value, replacing what map has under key. */
static void
set(fz_arena *a, fz_node *map, const char *key, fz_node *value)
{
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->kids[2 * i]->str, key) == 0) {
			map->kids[2 * i + 1] = value;
			return;
		}
	fz_node_put(a, map, key, value);
}

/* period: from and to in words (2019年, 2019年第3季度, 2019年3月, or
 * 2019年3月5日至2019年4月8日); year when both fall in one. */
static void
period_helpers(fz_arena *a, fz_node *doc)
{
	static const enum fz_period whole[] = { FZ_P_YEAR, FZ_P_QUARTER,
		FZ_P_MONTH };
	const fz_node *from = fz_node_get(doc, "from");
	const fz_node *to = fz_node_get(doc, "to");
	fz_date f, t, first, last;
	int fy, fm, fd, ty, tm, td;
	char buf[96];

	if (from == NULL || to == NULL || from->type != FZ_SCALAR ||
	    to->type != FZ_SCALAR || fz_date_parse(from->str, from->len,
	    &f) != 0 || fz_date_parse(to->str, to->len, &t) != 0)
		return;
	fz_date_split(f, &fy, &fm, &fd);
	fz_date_split(t, &ty, &tm, &td);
	snprintf(buf, sizeof buf, "%d年%d月%d日至%d年%d月%d日", fy, fm, fd,
	    ty, tm, td);
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		fz_period_bounds(whole[i], f, &first, &last);
		if (first != f || last != t)
			continue;
		if (whole[i] == FZ_P_YEAR)
			snprintf(buf, sizeof buf, "%d年", fy);
		else if (whole[i] == FZ_P_QUARTER)
			snprintf(buf, sizeof buf, "%d年第%d季度", fy,
			    (fm - 1) / 3 + 1);
		else
			snprintf(buf, sizeof buf, "%d年%d月", fy, fm);
		break;
	}
	fz_render__add(a, doc, "period", fz_render__text(a, buf));
	if (fy == ty) {
		snprintf(buf, sizeof buf, "%d", fy);
		fz_render__add(a, doc, "year", fz_render__text(a, buf));
	}
}

fz_render_ctx *
fz_render_ctx_new(void)
{
	fz_render_ctx *c = fz_xcalloc(1, sizeof *c);

	if ((c->a = fz_arena_new()) == NULL ||
	    (c->tables = fz_table_set_new()) == NULL ||
	    (c->texts = fz_map_new()) == NULL)
		abort();
	c->yes = fz_render__plain(c->a, "true");
	c->no = fz_render__plain(c->a, "false");
	c->hole = fz_node_map(c->a);
	return c;
}

void
fz_render_ctx_lazy(fz_render_ctx *c)
{
	if (c->ndocs > 0)
		return;		/* documents added already have their helpers */
	c->lazy = 1;
	c->lazy_lists = fz_map_new();
	c->lazy_items = fz_map_new();
}

void
fz_render_ctx_share(fz_render_ctx *c)
{
	if (c->ndocs == 0)
		c->shared = 1;
}

void
fz_render_ctx_hold(fz_render_ctx *c, fz_arena *a)
{
	if (a == NULL)
		return;
	c->held = fz_xrealloc(c->held, (c->nheld + 1) * sizeof *c->held);
	c->held[c->nheld++] = a;
}

void
fz_render_ctx_free(fz_render_ctx *c)
{
	if (c == NULL)
		return;
	fz_arena_free(c->a);
	fz_table_set_free(c->tables);
	fz_map_free(c->texts);
	fz_map_free(c->lazy_lists);
	fz_map_free(c->lazy_items);
	for (size_t i = 0; i < c->nheld; i++)
		fz_arena_free(c->held[i]);
	free(c->held);
	free(c->docs);
	free(c->kinds);
	free(c->prev);
	free(c->prev_kinds);
	free(c);
}

/* The organization document as FORMATS.md has it, and only one: FZ_OK,
 * or FZ_DATAERR with err at the fault.  It is decoded from a copy, so
 * that the context keeps the keys as written. */
static int
organization(fz_render_ctx *c, const fz_node *doc, fz_error *err)
{
	fz_node *copy = fz_node_copy(c->a, doc);
	fz_organization org;

	if (copy == NULL)
		abort();
	if (c->kinds_seen & 1u << FZ_KIND_ORGANIZATION) {
		for (size_t i = 0; i < c->ndocs; i++)
			if (c->kinds[i] != NULL &&
			    !strcmp(c->kinds[i], "organization"))
				return fz_error_set(err, FZ_DATAERR, doc->file,
				    doc->line, doc->col, "a second organization "
				    "document (the first is at %s:%u:%u): give "
				    "one", c->docs[i]->file ? c->docs[i]->file :
				    "", c->docs[i]->line, c->docs[i]->col);
	}
	return fz_organization_decode(copy, &org, NULL, err);
}

/* Keep doc, memory of the context, of kind k named kind, with its
 * tables and helpers. */
static int
add_doc(fz_render_ctx *c, fz_node *copy, enum fz_kind k, const char *kind,
    fz_error *err)
{
	size_t at;
	int rc;

	if (k == FZ_KIND_ORGANIZATION &&
	    (rc = organization(c, copy, err)) != FZ_OK)
		return rc;
	if (k == FZ_KIND_INSPECTORS &&
	    (rc = fz_render__roster_check(copy, err)) != FZ_OK)
		return rc;
	if (c->ndocs == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->docs = fz_xrealloc(c->docs, c->cap * sizeof *c->docs);
		c->kinds = fz_xrealloc(c->kinds, c->cap * sizeof *c->kinds);
	}
	if (k != FZ_KIND_NONE)
		c->kinds_seen |= 1u << k;
	c->docs[c->ndocs] = copy;
	c->kinds[c->ndocs++] = kind != NULL ?
	    fz_arena_strdup(c->a, kind) : NULL;
	c->root = NULL;
	if (copy->type != FZ_MAP)
		return FZ_OK;
	if (k != FZ_KIND_NONE && fz_kind_has_records(k))
		fz_render__add(c->a, copy, "records", fz_node_seq(c->a));
	if ((rc = fz_render__tables_make(c, copy, &at, err)) != FZ_OK)
		return rc;
	if (k == FZ_KIND_TALLY)
		fz_render__tally(c, copy);
	else if (k == FZ_KIND_DRAW)
		fz_render__draw(c->a, copy);
	else if (k == FZ_KIND_CASEFILE)
		fz_render__casefile(c->a, copy);
	if (kind != NULL)
		fz_render__add(c->a, copy, "kind_label", fz_render__text(c->a, fz_render__word(kind)));
	period_helpers(c->a, copy);
	fz_render__walk(c->a, c->lazy ? c : NULL, 1, copy, 0);
	fz_render__tables_put(c, copy, at);
	return FZ_OK;
}

int
fz_render_ctx_add(fz_render_ctx *c, const fz_node *doc, const char *kind,
    fz_error *err)
{
	fz_node *copy = fz_node_copy(c->a, doc);

	if (copy == NULL)
		abort();
	return add_doc(c, copy, kind != NULL ? fz_kind_parse(kind) :
	    FZ_KIND_NONE, kind, err);
}

int
fz_render_ctx_add_event(fz_render_ctx *c, const fz_event *ev,
    fz_error *err)
{
	fz_node *doc;

	if (ev->type == FZ_EV_END)
		return FZ_OK;
	if (ev->node == NULL || ev->node->type != FZ_MAP)
		return fz_error_set(err, FZ_DATAERR, ev->file,
		    ev->node ? ev->node->line : ev->doc_line,
		    ev->node ? ev->node->col : ev->doc_col,
		    ev->type == FZ_EV_RECORD ? _("a record must be a mapping") :
		    _("a document must be a mapping"));
	if (ev->type == FZ_EV_RECORD) {
		if (c->records == NULL)
			c->records = fz_node_seq(c->a);
		fz_node_push(c->a, c->records, c->shared ? ev->node :
		    fz_node_copy(c->a, ev->node));
		return FZ_OK;
	}
	if ((doc = c->shared ? ev->node : fz_node_copy(c->a, ev->node)) ==
	    NULL)
		abort();
	if (c->records != NULL) {
		/* The records came first; the document gathers them. */
		fz_render__add(c->a, doc, "records", c->records);
		c->records = NULL;
	}
	return add_doc(c, doc, ev->kind, ev->kind_name, err);
}

const char *
fz_render_ctx_template(const fz_render_ctx *c)
{
	unsigned seen = c->kinds_seen;

	return (seen & 1u << FZ_KIND_CASEFILE) ? "casefile" :
	    (seen & 1u << FZ_KIND_DRAW) ? "draw-notice" :
	    (seen & 1u << FZ_KIND_ITEMS) ? "items-notice" :
	    (seen & 1u << FZ_KIND_METRICS) ? "annual" :
	    (seen & 1u << FZ_KIND_TALLY) ? "monthly" : "tables";
}

/* The rows of rows under their value of key, as a mapping. */
static fz_node *
rows_by(fz_render_ctx *c, const fz_node *rows, const char *key)
{
	fz_arena *a = c->a;
	fz_node *group = fz_node_map(a);

	for (size_t r = 0; r < rows->n; r++) {
		const fz_node *v = fz_node_get(rows->kids[r], key);
		if (v != NULL && v->type == FZ_SCALAR) {
			fz_render__add(a, group, v->str, rows->kids[r]);
			fz_render__lazy_ref(c->lazy ? c : NULL, rows, r);
		}
	}
	return group;
}

static int
is_tally(const char *kind)
{
	return kind != NULL && strcmp(kind, "tally") == 0;
}

/* activities_by.G.VALUE: the activities row of VALUE in the first tally
 * by G alone that counted activities, beside tally_by. */
static void
activities_by(fz_render_ctx *c, fz_node *root)
{
	fz_node *by_all = fz_node_map(c->a);

	for (size_t i = 0; i < c->ndocs; i++) {
		const fz_node *by = fz_node_get(c->docs[i], "by");
		const fz_node *rows = fz_node_get(fz_node_get(c->docs[i],
		    "activities"), "rows");

		if (!is_tally(c->kinds[i]) || by == NULL || by->type != FZ_SEQ ||
		    by->n != 1 || by->kids[0]->type != FZ_SCALAR ||
		    rows == NULL || rows->type != FZ_SEQ ||
		    fz_node_get(by_all, by->kids[0]->str) != NULL)
			continue;
		fz_node_put(c->a, by_all, by->kids[0]->str,
		    rows_by(c, rows, by->kids[0]->str));
	}
	fz_node_put(c->a, root, "activities_by", by_all);
}

/* tally_by.G.VALUE: the row of VALUE in the first tally by G alone;
 * tally_by.reported_by, when no tally is by it alone, from the first
 * tally's reporters (the bureau's and the towns' inspections, which
 * every tally carries). */
static void
tally_by(fz_render_ctx *c, fz_node *root)
{
	fz_arena *a = c->a;
	fz_node *const *docs = c->docs;
	const char *const *kinds = c->kinds;
	size_t n = c->ndocs;
	fz_node *by_all = fz_node_map(a);

	for (size_t i = 0; i < n; i++) {
		const fz_node *by = fz_node_get(docs[i], "by");
		const fz_node *rows = fz_node_get(docs[i], "rows");
		if (!is_tally(kinds[i]) || by == NULL || by->type != FZ_SEQ ||
		    by->n != 1 || by->kids[0]->type != FZ_SCALAR ||
		    rows == NULL || rows->type != FZ_SEQ ||
		    fz_node_get(by_all, by->kids[0]->str) != NULL)
			continue;
		fz_node_put(a, by_all, by->kids[0]->str,
		    rows_by(c, rows, by->kids[0]->str));
	}
	for (size_t i = 0; i < n && fz_node_get(by_all, "reported_by") ==
	    NULL; i++) {
		const fz_node *reps = fz_node_get(docs[i], "reporters");
		if (is_tally(kinds[i]) && reps != NULL && reps->type == FZ_SEQ)
			fz_node_put(a, by_all, "reported_by",
			    rows_by(c, reps, "reported_by"));
	}
	fz_node_put(a, root, "tally_by", by_all);
}

static fz_node *
labels_map(fz_arena *a)
{
	fz_node *m = fz_node_map(a);
	const char *key, *label;

	for (size_t i = 0; (key = fz_label_at(i, &label)) != NULL; i++)
		fz_node_put(a, m, key, fz_render__text(a, label));
	return m;
}

const fz_node *
fz_render_ctx_root(fz_render_ctx *c)
{
	fz_arena *a = c->a;
	fz_node *root, *all;
	char name[128];

	if (c->root != NULL)
		return c->root;
	root = fz_node_map(a);
	all = fz_node_seq(a);
	/* Documents without kind first, later keys replacing earlier. */
	for (size_t i = 0; i < c->ndocs; i++)
		if (c->kinds[i] == NULL && c->docs[i]->type == FZ_MAP)
			for (size_t j = 0; j < c->docs[i]->n; j++)
				set(a, root, c->docs[i]->kids[2 * j]->str,
				    c->docs[i]->kids[2 * j + 1]);
	for (size_t i = 0; i < c->ndocs; i++) {
		const char *k = c->kinds[i];
		fz_node *list;
		fz_node_push(a, all, c->docs[i]);
		if (k == NULL || strlen(k) > sizeof name - 8)
			continue;
		snprintf(name, sizeof name, "%s_list", k);
		if ((list = fz_node_get(root, name)) == NULL ||
		    fz_node_get(root, k) == NULL) {
			set(a, root, k, c->docs[i]);
			set(a, root, name, list = fz_node_seq(a));
		}
		fz_node_push(a, list, c->docs[i]);
	}
	for (size_t i = 0; i < c->ndocs; i++)
		if (c->kinds[i] != NULL && fz_node_get(root, c->kinds[i]) ==
		    c->docs[i]) {
			snprintf(name, sizeof name, "%s_list", c->kinds[i]);
			fz_render__list_flags(a, fz_node_get(root, name));
		}
	fz_render__add(a, root, "documents", all);
	if ((c->kinds_seen & 1u << FZ_KIND_ENTITIES) && !c->no_venues)
		fz_render__add(a, root, "venues", fz_render__venues(c,
		    c->where));
	for (size_t i = 0; i < root->n; i++)
		if (root->kids[2 * i + 1]->type == FZ_SEQ)
			fz_render__seq_helpers(a, c->lazy ? c : NULL, root,
			    root->kids[2 * i]->str,
			    root->kids[2 * i + 1]);
	/* year: of the first document within one, for titles. */
	for (size_t i = 0; i < c->ndocs; i++)
		if (fz_node_get(c->docs[i], "year") != NULL) {
			fz_render__add(a, root, "year", fz_node_get(c->docs[i], "year"));
			break;
		}
	tally_by(c, root);
	activities_by(c, root);
	fz_render__certificates(c, root);
	if (c->statistics)
		fz_render__statistics(c, root);
	if (c->nprev > 0) {
		fz_node *prev = fz_node_map(a);
		for (size_t i = 0; i < c->nprev; i++)
			fz_render__add(a, prev, c->prev_kinds[i], c->prev[i]);
		fz_render__add(a, root, "previous", prev);
	}
	fz_render__add(a, root, "labels", labels_map(a));
	return c->root = root;
}

int
fz_render_ctx_statistics(fz_render_ctx *c, fz_table_set *ts,
    fz_error *err)
{
	int rc = fz_render__statistics_check(c, err);

	if (rc != FZ_OK)
		return rc;
	c->statistics = 1;
	c->root = NULL;
	fz_render__statistics_grids(fz_render_ctx_root(c), ts);
	return FZ_OK;
}

void
fz_render_ctx_set_where(fz_render_ctx *c, fz_where *w)
{
	c->where = w;
	c->root = NULL;
}

/* --where that keeps no venue: a typo, or the wrong directory. */
static int
where_check(fz_render_ctx *c, const fz_node *root, fz_error *err)
{
	const fz_node *venues = fz_node_get(root, "venues");
	fz_buf b = { 0 };
	int rc;

	if (fz_where_count(c->where) == 0 || (venues != NULL && venues->n > 0))
		return FZ_OK;
	for (size_t i = 0; i < fz_where_count(c->where); i++) {
		fz_buf_adds(&b, i ? " " : "");
		fz_buf_adds(&b, fz_where_shown(c->where, i));
	}
	rc = fz_error_set(err, FZ_DATAERR, NULL, 0, 0, venues == NULL ?
	    _("--where %s: the inputs hold no entities directory to pick from "
	    "(give entities.yaml)") : _("--where %s: no entity of the "
	    "directory has it (a typo?): the venue book would be empty"),
	    fz_buf_str(&b));
	fz_buf_free(&b);
	return rc;
}

int
fz_render_ctx_check(fz_render_ctx *c, fz_render_template *t,
    fz_error *err)
{
	const fz_node *root, *tally;
	int rc, no_venues, statistics;

	/* The venue book's lists are made for a template that shows them,
	 * or to say that --where kept none. */
	if ((rc = fz_render__yoy(c, err)) != FZ_OK)
		return rc;
	no_venues = t != NULL && fz_where_count(c->where) == 0 &&
	    !fz_render_template_mentions(t, "venues");
	statistics = t != NULL && fz_render_template_mentions(t,
	    "statistics");
	if (no_venues != c->no_venues || statistics != c->statistics) {
		c->no_venues = no_venues;
		c->statistics = statistics;
		c->root = NULL;
	}
	root = fz_render_ctx_root(c);

	if ((rc = where_check(c, root, err)) != FZ_OK ||
	    (statistics && (rc = fz_render__statistics_check(c, err)) !=
	    FZ_OK))
		return rc;

	if (t == NULL || t->builtin == NULL || strcmp(t->builtin, "annual"))
		return FZ_OK;
	tally = fz_node_get(root, "tally");
	if (tally == NULL || fz_node_get(fz_node_get(root, "tally_by"),
	    "reported_by") != NULL)
		return FZ_OK;
	return fz_error_set(err, FZ_DATAERR, tally->file, tally->line,
	    tally->col, "this tally does not give the bureau's and the "
	    "towns' inspections apart (it has no reporters:, made by an "
	    "older fazhi-tally or merged from such tallies): the annual "
	    "report needs them; tally the inspections again, or give a "
	    "tally made with --by reported_by");
}

int
fz_render_ctx_render(fz_render_ctx *c, fz_render_template *t,
    enum fz_escape escape, FILE *fp, int whole, fz_error *err)
{
	return fz_render__stream(t, c->lazy ? fz_render__lazy : NULL, c,
	    fz_render_ctx_root(c), escape, fp, whole, err);
}
