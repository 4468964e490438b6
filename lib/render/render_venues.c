/* render_venues.c - the venue book (一店一本): for each entity of the
 * directory, its record, the inspections and the cases of the inputs
 * that name it, in date order, and the two as tables of the context
 * (head, rows of cells) that every format's table widget prints. */
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* The names of an inspection's inspectors (their ids where the inputs
 * hold no roster), joined by 、. */
static const char *
names_of(fz_arena *a, const fz_node *insp, const fz_map *people)
{
	const fz_node *ids = fz_node_get(insp, "inspectors");
	fz_buf b = { 0 };
	char *s;

	if (ids == NULL || ids->type != FZ_SEQ)
		return "";
	for (size_t i = 0; i < ids->n; i++) {
		const fz_node *id = ids->kids[i];
		void **p;
		const char *name;

		if (id->type != FZ_SCALAR)
			continue;
		p = fz_map_find(people, id->str, id->len);
		name = p != NULL ? *p : id->str;
		if (b.len > 0)
			fz_buf_adds(&b, "、");
		fz_buf_adds(&b, name);
	}
	s = fz_arena_strdup(a, fz_buf_str(&b));
	fz_buf_free(&b);
	return s;
}

static void
inspection_row(fz_arena *a, fz_node *t, const fz_node *insp,
    const fz_map *people)
{
	fz_node *cells = fz_node_seq(a);
	const char *result = fz_render__text_of(insp, "result", "label");
	const char *type = fz_render__text_of(insp, "type", "label");

	/* A record without a type is a routine one (the default of
	 * fazhi-formats(5)), one without a result one where nothing was
	 * wrong. */
	fz_render__cell_add(a, cells, insp, "date", NULL, 0, 1);
	fz_node_push(a, cells, fz_render__cell(a, *type ? type :
	    fz_value_label("type", "routine"), 0, 0));
	fz_node_push(a, cells, fz_render__cell(a, names_of(a, insp, people),
	    0, 0));
	fz_node_push(a, cells, fz_render__cell(a, *result ? result :
	    fz_value_label("result", "ok"), 0, 0));
	fz_render__cell_add(a, cells, insp, "case", NULL, 0, 0);
	fz_render__table_row_add(a, t, cells);
}

static void
case_row(fz_arena *a, fz_node *t, const fz_node *cs)
{
	fz_node *cells = fz_node_seq(a);

	fz_render__cell_add(a, cells, cs, "id", NULL, 0, 0);
	fz_render__cell_add(a, cells, cs, "filed", NULL, 0, 1);
	fz_render__cell_add(a, cells, cs, "cause", NULL, 0, 0);
	fz_render__cell_add(a, cells, cs, "penalty", "label", 0, 0);
	fz_render__cell_add(a, cells, cs, "fine", "yuan", 1, 0);
	fz_render__cell_add(a, cells, cs, "decided", NULL, 0, 1);
	fz_render__cell_add(a, cells, cs, "closed", NULL, 0, 1);
	fz_render__table_row_add(a, t, cells);
}

/* A record and the date it is ordered by. */
struct dated {
	const char *date;
	size_t i;
	fz_node *rec;
};

static int
by_date(const void *x, const void *y)
{
	const struct dated *p = x, *q = y;
	int c = strcmp(p->date, q->date);

	return c != 0 ? c : (p->i > q->i) - (p->i < q->i);
}

/* The records of list in the order of their date under key (a record
 * without one first), the input's order among equal dates. */
static void
sort_by(fz_node *list, const char *key)
{
	struct dated *d;

	if (list->n < 2)
		return;
	d = fz_xcalloc(list->n, sizeof *d);
	for (size_t i = 0; i < list->n; i++)
		d[i] = (struct dated){ fz_render__text_of(list->kids[i], key,
		    NULL), i,
		    list->kids[i] };
	qsort(d, list->n, sizeof *d, by_date);
	for (size_t i = 0; i < list->n; i++)
		list->kids[i] = d[i].rec;
	free(d);
}

/* The records of document i when it is of kind, else NULL; of a lazy
 * context, each made with its helpers, for good (the book reads them
 * and holds them). */
static const fz_node *
records_of(fz_render_ctx *c, size_t i, const char *kind)
{
	const fz_node *recs;
	fz_node *made;

	if (c->kinds[i] == NULL || strcmp(c->kinds[i], kind) != 0 ||
	    (recs = fz_node_get(c->docs[i], "records")) == NULL ||
	    recs->type != FZ_SEQ)
		return NULL;
	if (!c->lazy)
		return recs;
	made = fz_node_seq(c->a);
	for (size_t r = 0; r < recs->n; r++)
		fz_node_push(c->a, made, (fz_node *)fz_render__lazy(c, c->a,
		    recs, r, recs->kids[r]));
	return made;
}

/* Each record of the records lists of kind k, under the entity it names:
 * pushed to the list key of that venue. */
static void
gather(fz_arena *a, fz_render_ctx *c, const char *kind, fz_map *venue_of,
    const char *key)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		const fz_node *recs = records_of(c, i, kind);

		for (size_t r = 0; recs != NULL && r < recs->n; r++) {
			const fz_node *e = fz_node_get(recs->kids[r], "entity");
			void **v;

			if (e == NULL || e->type != FZ_SCALAR ||
			    (v = fz_map_find(venue_of, e->str, e->len)) == NULL)
				continue;
			fz_node_push(a, fz_node_get(*v, key), recs->kids[r]);
		}
	}
}

static int
list_flag(const char *key)
{
	return !strcmp(key, "index") || !strcmp(key, "first") ||
	    !strcmp(key, "last");
}

int
fz_render_where_add(fz_where *w, const char *expr, fz_error *err)
{
	return fz_where_add_as(w, expr, "entity", "id", err);
}

fz_node *
fz_render__venues(fz_render_ctx *c, fz_where *w)
{
	static const char *const insp_heads[] = { "检查日期", "检查类型",
		"检查人员", "检查结果", "立案", NULL };
	static const char *const case_heads[] = { "案号", "立案日期", "案由",
		"处罚种类", "#罚没款（元）", "决定日期", "结案日期", NULL };
	fz_arena *a = c->a;
	fz_node *venues = fz_node_seq(a);
	fz_map *venue_of = fz_map_new(), *people = fz_map_new();

	/* The roster's names, for the inspectors of each inspection. */
	for (size_t i = 0; i < c->ndocs; i++) {
		const fz_node *recs = records_of(c, i, "inspectors");

		for (size_t r = 0; recs != NULL && r < recs->n; r++) {
			const fz_node *id = fz_node_get(recs->kids[r], "id");
			const char *name = fz_render__text_of(recs->kids[r],
			    "name", NULL);

			if (id != NULL && id->type == FZ_SCALAR && *name)
				*fz_map_insert(people, id->str, id->len, NULL,
				    NULL) = (void *)name;
		}
	}
	for (size_t i = 0; i < c->ndocs; i++) {
		const fz_node *recs = records_of(c, i, "entities");

		for (size_t r = 0; recs != NULL && r < recs->n; r++) {
			const fz_node *e = recs->kids[r];
			const fz_node *id = fz_node_get(e, "id");
			fz_node *v;
			int added;
			void **slot;

			if (id == NULL || id->type != FZ_SCALAR || (w != NULL && !fz_where_match(w, FZ_KIND_ENTITIES, e)))
				continue;
			slot = fz_map_insert(venue_of, id->str, id->len, &added,
			    NULL);
			if (!added)
				continue;	/* listed twice: fazhi-check says so */
			v = fz_node_map(a);
			/* Its keys and helpers, but its place in the
			 * directory: the venue's is its place in the book. */
			for (size_t k = 0; k < e->n; k++)
				if (!list_flag(e->kids[2 * k]->str))
					fz_node_put(a, v, e->kids[2 * k]->str,
					    e->kids[2 * k + 1]);
			fz_node_put(a, v, "inspections", fz_node_seq(a));
			fz_node_put(a, v, "cases", fz_node_seq(a));
			*slot = v;
			fz_node_push(a, venues, v);
		}
	}
	gather(a, c, "inspections", venue_of, "inspections");
	gather(a, c, "cases", venue_of, "cases");
	for (size_t i = 0; i < venues->n; i++) {
		fz_node *v = venues->kids[i];
		fz_node *insp = fz_node_get(v, "inspections");
		fz_node *cases = fz_node_get(v, "cases");
		fz_node *t;

		sort_by(insp, "date");
		sort_by(cases, "filed");
		t = fz_render__table_new(a, insp_heads, "检查记录");
		for (size_t k = 0; k < insp->n; k++)
			inspection_row(a, t, insp->kids[k], people);
		fz_node_put(a, v, "inspection_table", t);
		t = fz_render__table_new(a, case_heads, "行政处罚案件");
		for (size_t k = 0; k < cases->n; k++)
			case_row(a, t, cases->kids[k]);
		fz_node_put(a, v, "case_table", t);
		fz_render__seq_helpers(a, NULL, v, "inspections", insp);
		fz_render__seq_helpers(a, NULL, v, "cases", cases);
	}
	fz_render__list_flags(a, venues);
	fz_map_free(venue_of);
	fz_map_free(people);
	return venues;
}
