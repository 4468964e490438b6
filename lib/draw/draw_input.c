/* draw_input.c - the inputs of a draw read from a stream: the plan, the
 * entity directory, the inspector roster and the credit classes, in any
 * order, with their digests; what the draw needs of each record kept,
 * the rest let go.
 *
 * A directory can hold a million entities, so an entity keeps only its
 * decoded fields, and is kept beside the reading (draw_entities.c); when
 * the inputs can be read twice and the plan comes first, only those that
 * can be taken are kept (draw_select.c). */
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

/* A credit record as the draw keeps it. */
struct credit {
	const char *entity, *klass;
	fz_date from, until;
	fz_place at;
};

struct fz_draw_store {
	fz_arena *arena;
	struct credit *credit;
	size_t ncredit, credit_cap;
	fz_draw__entity_sink *entities;
	fz_map *inspector_ids, *words;
	fz_place *inspector_at, plan_at;
	size_t inspector_cap;
	fz_draw__kind_digests *digests;
	int force, bounded;
	fz_draw__tally tally;	/* of a bounded selection */
	int relook;		/* the status of the second look */
	fz_error relook_err;
	enum fz_hash fallback;
	const fz_diag *diag;
};

static void
warn(const fz_draw_store *st, const fz_node *at, const char *msg)
{
	if (st->diag != NULL)
		st->diag->report(st->diag->ctx, FZ_WARNING, at, msg);
}

/* No '|' in an id. */
static int
check_bar(const fz_node *n, const char *what, fz_error *err)
{
	if (strchr(n->str, '|') != NULL)
		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "%s id '%s' contains '|', which the draw uses to join "
		    "ids", fz_gettext(what), n->str);
	return FZ_OK;
}

/* The id of an inspector: unique, without '|'.  *copy gets the map's
 * copy of it. */
static int
check_id(fz_map *ids, fz_place *at, size_t index, const fz_node *rec,
    const char **copy, fz_error *err)
{
	const fz_node *n = fz_node_get(rec, "id");
	int added, rc;
	void **slot;

	if ((rc = check_bar(n, N_("inspector"), err)) != FZ_OK)
		return rc;
	slot = fz_map_insert(ids, n->str, n->len, &added, copy);
	if (!added) {
		const fz_place *first = &at[(uintptr_t)*slot - 1];

		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "duplicate inspector id '%s' (first at %s:%u:%u)", n->str,
		    first->file, first->line, first->col);
	}
	*slot = (void *)(uintptr_t)(index + 1);
	at[index] = (fz_place){ n->file, n->line, n->col };
	return FZ_OK;
}

static void
grow(void **v, size_t *cap, size_t n, size_t size, void **at, size_t asize)
{
	if (n < *cap)
		return;
	*cap = *cap ? 2 * *cap : 64;
	*v = fz_xrealloc(*v, *cap * size);
	*at = fz_xrealloc(*at, *cap * asize);
}

static int
add_entity(fz_draw_inputs *in, fz_node *rec, fz_error *err)
{
	fz_draw_store *st = in->store;
	const fz_node *id;
	fz_entity e;
	int rc;

	if ((rc = fz_record_decode(FZ_KIND_ENTITIES, rec, &e, NULL, err)) ||
	    (rc = check_bar(id = fz_node_get(rec, "id"), N_("entity"), err)))
		return rc;
	if (fz_uscc_check(e.id) == 0)
		warn(st, id, _("the check character of this 统一社会信用代码 "
		    "is wrong (GB 32100)"));
	e.credit = NULL;	/* fz_draw_inputs_end sets it */
	fz_draw__entity_sink_add(st->entities, &e, id);
	in->records[FZ_IN_ENTITIES]++;
	return FZ_OK;
}

static int
add_inspector(fz_draw_inputs *in, fz_node *rec, fz_error *err)
{
	fz_draw_store *st = in->store;
	fz_inspector p;
	const char *id;
	int rc;

	if ((rc = fz_record_decode(FZ_KIND_INSPECTORS, rec, &p, NULL, err)))
		return rc;
	grow((void **)&in->inspectors, &st->inspector_cap, in->ninspectors,
	    sizeof p, (void **)&st->inspector_at, sizeof *st->inspector_at);
	if ((rc = check_id(st->inspector_ids, st->inspector_at,
	    in->ninspectors, rec, &id, err)) != FZ_OK)
		return rc;
	p.id = id;
	p.name = fz_arena_strdup(st->arena, p.name);
	p.department = fz_draw_word(st->words, p.department);
	p.squad = fz_draw_word(st->words, p.squad);
	p.cert_no = p.cert_no != NULL ? fz_arena_strdup(st->arena, p.cert_no) :
	    NULL;
	if (p.categories != NULL)
		p.categories = fz_node_copy(st->arena, p.categories);
	if (p.avoid != NULL)
		p.avoid = fz_node_copy(st->arena, p.avoid);
	in->inspectors[in->ninspectors++] = p;
	return FZ_OK;
}

static int
add_credit(fz_draw_inputs *in, fz_node *rec, fz_error *err)
{
	fz_draw_store *st = in->store;
	fz_credit c;
	int rc;

	if ((rc = fz_record_decode(FZ_KIND_CREDIT, rec, &c, NULL, err)))
		return rc;
	if (st->ncredit == st->credit_cap) {
		st->credit_cap = st->credit_cap ? 2 * st->credit_cap : 64;
		st->credit = fz_xrealloc(st->credit, st->credit_cap *
		    sizeof *st->credit);
	}
	st->credit[st->ncredit++] = (struct credit){
		fz_arena_strdup(st->arena, c.entity),
		fz_draw_word(st->words, c.klass), c.from, c.until,
		{ rec->file, rec->line, rec->col } };
	in->records[FZ_IN_CREDIT]++;
	return FZ_OK;
}

/* The hash of the draw, once the plan is known. */
static int
decide_hash(fz_draw_inputs *in, fz_error *err)
{
	fz_draw_store *st = in->store;
	const fz_plan *p = &in->plan;

	if (st->force >= 0 && p->hash >= 0 && p->hash != st->force)
		return fz_error_set(err, FZ_DATAERR, p->hash_at->file,
		    p->hash_at->line, p->hash_at->col, "the plan's hash is "
		    "%s, but %s was asked for", fz_hash_name(p->hash),
		    fz_hash_name(st->force));
	in->hash = st->force >= 0 ? (enum fz_hash)st->force : p->hash >= 0 ?
	    (enum fz_hash)p->hash : st->fallback;
	if (!fz_draw__kind_digests_has(st->digests, in->hash))
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "this "
		    "OpenSSL has no %s", fz_hash_name(in->hash));
	fz_draw__kind_digests_keep(st->digests, in->hash);
	return FZ_OK;
}

static int
add_plan(fz_draw_inputs *in, const fz_event *ev, fz_error *err)
{
	fz_draw_store *st = in->store;
	fz_node *doc;
	int rc;

	if (in->records[FZ_IN_PLAN]++ > 0)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "a second plan (the first at %s:%u:%u): a draw "
		    "takes exactly one", st->plan_at.file, st->plan_at.line,
		    st->plan_at.col);
	st->plan_at = (fz_place){ ev->file, ev->doc_line, ev->doc_col };
	doc = fz_node_copy(st->arena, ev->node);
	if ((rc = fz_draw_plan_decode(doc, &in->plan, st->arena, st->diag,
	    err)) != FZ_OK || (rc = decide_hash(in, err)) != FZ_OK)
		return rc;
	/* The class of an entity needs the credit records, which may come
	 * after it: a plan by credit class keeps the directory. */
	if (st->bounded && in->records[FZ_IN_ENTITIES] == 0 && !in->plan.credit)
		fz_draw__entity_sink_select(st->entities, &in->plan, in->hash);
	return FZ_OK;
}

static int
input_of(const fz_event *ev, enum fz_draw_input *k, fz_error *err)
{
	switch (ev->kind) {
	case FZ_KIND_PLAN:
		*k = FZ_IN_PLAN;
		return FZ_OK;
	case FZ_KIND_ENTITIES:
		*k = FZ_IN_ENTITIES;
		return FZ_OK;
	case FZ_KIND_INSPECTORS:
		*k = FZ_IN_INSPECTORS;
		return FZ_OK;
	case FZ_KIND_CREDIT:
		*k = FZ_IN_CREDIT;
		return FZ_OK;
	default:
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "a draw reads plan, entities, inspectors and "
		    "credit, not %s", ev->kind_name);
	}
}

static int
take_event(fz_draw_inputs *in, const fz_event *ev, fz_error *err)
{
	enum fz_draw_input k = FZ_IN_PLAN;
	int rc;

	if ((rc = input_of(ev, &k, err)) != FZ_OK)
		return rc;
	fz_draw__kind_digests_seen(in->store->digests, k);
	if (ev->type == FZ_EV_RECORD && k == FZ_IN_ENTITIES)
		return add_entity(in, ev->node, err);
	if (ev->type == FZ_EV_RECORD && k == FZ_IN_INSPECTORS)
		return add_inspector(in, ev->node, err);
	if (k == FZ_IN_CREDIT)
		in->credit_read = 1;
	if (ev->type == FZ_EV_RECORD && k == FZ_IN_CREDIT)
		return add_credit(in, ev->node, err);
	if (ev->type == FZ_EV_DOC && k == FZ_IN_PLAN)
		return add_plan(in, ev, err);
	return FZ_OK;
}

void
fz_draw_inputs_init(fz_draw_inputs *in, int force,
    enum fz_hash fallback, const fz_diag *diag)
{
	fz_draw_store *st = fz_xcalloc(1, sizeof *st);

	memset(in, 0, sizeof *in);
	in->store = st;
	st->arena = fz_arena_new();
	st->entities = fz_draw__entity_sink_new();
	st->inspector_ids = fz_map_new();
	st->words = fz_map_new();
	st->digests = fz_draw__kind_digests_new(force);
	st->force = force;
	st->fallback = fallback;
	st->diag = diag;
}

void
fz_draw_inputs_bounded(fz_draw_inputs *in)
{
	in->store->bounded = 1;
}

int
fz_draw_inputs_again(fz_draw_inputs *in)
{
	fz_draw__select *s = fz_draw__entity_sink_drained(in->store->entities);

	return s != NULL && fz_draw__select_again(s);
}

int
fz_draw_look_again(fz_draw_inputs *in, const fz_event *ev, fz_error *err)
{
	fz_draw_store *st = in->store;
	fz_draw__select *s = fz_draw__entity_sink_drained(st->entities);

	if (s == NULL || ev->type != FZ_EV_RECORD ||
	    ev->kind != FZ_KIND_ENTITIES)
		return FZ_OK;
	st->relook = fz_draw__select_relook(s, ev->node, &st->relook_err);
	if (st->relook != FZ_OK)
		*err = st->relook_err;
	return st->relook;
}

void
fz_draw_inputs_tap(void *in, size_t file, const void *buf, size_t len)
{
	fz_draw_inputs *inputs = in;

	fz_draw__kind_digests_tap(inputs->store->digests, file, buf, len);
}

int
fz_draw_take(fz_draw_inputs *in, const fz_event *ev, fz_error *err)
{
	return ev->type == FZ_EV_END ? FZ_OK : take_event(in, ev, err);
}

/* DRAW.md "Strata by credit class": the class of each entity on the
 * plan's date, the one credit record valid then, else the default. */
static int
credit_classes(fz_draw_inputs *in, fz_error *err)
{
	fz_draw_store *st = in->store;
	fz_date day = in->plan.date;
	fz_map *valid = fz_map_new();	/* entity: index + 1 of its record */
	int rc = FZ_OK;

	for (size_t i = 0; i < st->ncredit && rc == FZ_OK; i++) {
		const struct credit *c = &st->credit[i], *first;
		int added;
		void **slot;

		if (c->from > day || (c->until != FZ_NODATE && c->until < day))
			continue;
		slot = fz_map_insert(valid, c->entity, strlen(c->entity),
		    &added, NULL);
		if (added) {
			*slot = (void *)(uintptr_t)(i + 1);
			continue;
		}
		first = &st->credit[(uintptr_t)*slot - 1];
		rc = fz_error_set(err, FZ_DATAERR, c->at.file, c->at.line,
		    c->at.col, "a second credit record of entity '%s' valid on "
		    "the plan's date (the first at %s:%u:%u): an entity has "
		    "one class on a day", c->entity, first->at.file,
		    first->at.line, first->at.col);
	}
	for (size_t i = 0; i < in->nentities && rc == FZ_OK; i++) {
		fz_entity *e = &in->entities[i];
		void **slot = fz_map_find(valid, e->id, strlen(e->id));

		e->credit = slot != NULL ?
		    st->credit[(uintptr_t)*slot - 1].klass :
		    in->plan.credit_default;
	}
	fz_map_free(valid);
	return rc;
}

int
fz_draw_inputs_end(fz_draw_inputs *in, int status, fz_error *err)
{
	fz_error dup;

	/* A duplicate entity comes before anything met later. */
	if (fz_draw__entity_sink_finish(in->store->entities, &in->entities,
	    &in->nentities, &in->store->tally, &dup) != FZ_OK) {
		*err = dup;
		return dup.status;
	}
	if (in->store->relook != FZ_OK) {
		*err = in->store->relook_err;
		return err->status;
	}
	if (status != FZ_OK)
		return status;
	if (in->records[FZ_IN_PLAN] == 0)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "no plan among "
		    "the inputs: a draw takes exactly one");
	if (credit_classes(in, err) != FZ_OK)
		return err->status;
	in->records[FZ_IN_INSPECTORS] = in->ninspectors;
	fz_draw__kind_digests_hex(in->store->digests, in->hash, in->digest);
	return FZ_OK;
}

int
fz_draw_run_inputs(fz_draw *d, const fz_draw_inputs *in, const fz_diag *diag,
    fz_error *err)
{
	const fz_draw__tally *t = &in->store->tally;

	return fz_draw__run(d, &in->plan, in->hash, in->entities,
	    in->nentities, t->population != NULL ? t : NULL, in->inspectors,
	    in->ninspectors, diag, err);
}

void
fz_draw_inputs_free(fz_draw_inputs *in)
{
	fz_draw_store *st = in->store;

	if (st != NULL) {
		fz_draw__entity_sink_free(st->entities);
		fz_map_free(st->inspector_ids);
		fz_map_free(st->words);
		fz_draw__kind_digests_free(st->digests);
		fz_arena_free(st->arena);
		free(st->inspector_at);
		free(st->credit);
		free(st);
	}
	free(in->inspectors);
	memset(in, 0, sizeof *in);
}
