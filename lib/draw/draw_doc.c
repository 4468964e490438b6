/* draw_doc.c - the draw document (FORMATS.md "draw") as a node tree, and
 * its comparison with a published one.  One tree serves both: fazhi-draw
 * writes it, --verify compares it line by line with what was published
 * (read here too), so that what is checked is exactly what is
 * written. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

static const char *const input_names[FZ_IN_COUNT] = { "plan", "entities",
	"inspectors", "credit" };

static fz_node *
str(fz_arena *a, const char *s)
{
	fz_node *n = fz_node_scalar(a, s, strlen(s));

	n->quoted = 1;	/* a string, whatever it looks like */
	return n;
}

static fz_node *
num(fz_arena *a, unsigned long long v)
{
	char buf[32];
	int len = snprintf(buf, sizeof buf, "%llu", v);

	return fz_node_scalar(a, buf, (size_t)len);
}

static void
put_str(fz_arena *a, fz_node *m, const char *key, const char *s)
{
	if (s != NULL)
		fz_node_put(a, m, key, str(a, s));
}

/* The rules a draw was made by (DRAW.md "Versions"): 1.1 when the plan
 * uses what 1.1 added (team.department, credit_ratios), else 1, whose
 * draws are the same under both, so a draw published under 1 verifies
 * as it was. */
static const char *
algorithm(const fz_plan *p, enum fz_hash h, fz_arena *a)
{
	char buf[256];

	snprintf(buf, sizeof buf, "fazhi draw rules %s: consistent sampling "
	    "(Rivest), first tickets with %s", p->department != NULL ||
	    p->credit ? "1.1" : "1", h == FZ_HASH_SM3 ? "SM3 in place of SHA-256; not checkable "
	    "with consistent_sampler" : "SHA-256; entity tickets are "
	    "consistent_sampler's first_fraction(id, seed)");
	return fz_arena_strdup(a, buf);
}

static fz_node *
inputs(const fz_draw_inputs *in, fz_arena *a)
{
	fz_node *m = fz_node_map(a);

	for (int k = 0; k < FZ_IN_COUNT; k++) {
		fz_node *i;

		/* A v1 draw has no credit: its document stays as it was. */
		if (k == FZ_IN_CREDIT && !in->credit_read && !in->plan.credit)
			continue;
		i = fz_node_map(a);

		fz_node_put(a, i, k == FZ_IN_PLAN ? "documents" : "records",
		    num(a, in->records[k]));
		put_str(a, i, "digest", in->digest[k]);
		fz_node_put(a, m, input_names[k], i);
	}
	return m;
}

static fz_node *
left_out(const fz_draw *d, fz_arena *a)
{
	fz_node *m = fz_node_map(a);

	fz_node_put(a, m, "closed", num(a, d->closed));
	fz_node_put(a, m, "recently_inspected", num(a, d->recent));
	fz_node_put(a, m, "in_no_stratum", num(a, d->unmatched));
	return m;
}

static fz_node *
strata(const fz_draw *d, fz_arena *a)
{
	fz_node *seq = fz_node_seq(a);

	for (size_t s = 0; s < d->plan->nstrata; s++) {
		fz_node *m = fz_node_map(a);

		put_str(a, m, "name", d->plan->strata[s].name);
		put_str(a, m, "class", d->plan->strata[s].credit);
		fz_node_put(a, m, "population", num(a, d->population[s]));
		fz_node_put(a, m, "selected", num(a, d->selected[s]));
		fz_node_push(a, seq, m);
	}
	return seq;
}

static fz_node *
team(const fz_draw *d, const fz_draw_pick *pk, fz_arena *a)
{
	fz_node *seq = fz_node_seq(a);

	for (size_t k = 0; k < pk->nteam; k++) {
		const fz_inspector *p = &d->inspectors[pk->team[k]];
		fz_node *m = fz_node_map(a);

		put_str(a, m, "id", p->id);
		put_str(a, m, "name", p->name);
		put_str(a, m, "department", p->department);
		fz_node_push(a, seq, m);
	}
	return seq;
}

static void
selections(const fz_draw *d, fz_arena *a, fz_node *doc)
{
	fz_node *sel = fz_node_seq(a), *unf = fz_node_seq(a);

	for (size_t i = 0; i < d->npicks; i++) {
		const fz_draw_pick *pk = &d->picks[i];
		const fz_entity *e = &d->entities[pk->entity];
		const char *stratum = d->plan->strata[pk->stratum].name;
		fz_node *m = fz_node_map(a);

		put_str(a, m, "entity", e->id);
		put_str(a, m, "name", e->name);
		put_str(a, m, "category", e->category);
		put_str(a, m, "town", e->town);
		put_str(a, m, "stratum", stratum);
		put_str(a, m, "ticket", pk->ticket);
		fz_node_put(a, m, "team", team(d, pk, a));
		fz_node_push(a, sel, m);
		if (pk->unfilled == NULL)
			continue;
		m = fz_node_map(a);
		put_str(a, m, "entity", e->id);
		put_str(a, m, "name", e->name);
		put_str(a, m, "stratum", stratum);
		put_str(a, m, "reason", pk->unfilled);
		fz_node_push(a, unf, m);
	}
	fz_node_put(a, doc, "selections", sel);
	fz_node_put(a, doc, "unfilled", unf);
}

fz_node *
fz_draw_document(const fz_draw *d, const fz_draw_inputs *in, fz_arena *a)
{
	fz_node *doc = fz_node_map(a), *seed;
	char date[16];

	fz_node_put(a, doc, "kind", fz_node_scalar(a, "draw", 4));
	fz_node_put(a, doc, "version", num(a, FZ_FORMAT_VERSION));
	put_str(a, doc, "task", d->plan->task);
	seed = fz_node_scalar(a, d->plan->seed, d->plan->seed_len);
	seed->quoted = 1;
	fz_node_put(a, doc, "seed", seed);
	fz_node_put(a, doc, "hash", str(a, fz_hash_name(d->hash)));
	fz_date_format(d->plan->date, date);
	fz_node_put(a, doc, "date", fz_node_scalar(a, date, strlen(date)));
	if (d->plan->nitems > 0) {
		fz_node *items = fz_node_seq(a);

		for (size_t i = 0; i < d->plan->nitems; i++)
			fz_node_push(a, items, str(a, d->plan->items[i]));
		fz_node_put(a, doc, "items", items);
	}
	put_str(a, doc, "algorithm", algorithm(d->plan, d->hash, a));
	fz_node_put(a, doc, "inputs", inputs(in, a));
	fz_node_put(a, doc, "left_out", left_out(d, a));
	fz_node_put(a, doc, "strata", strata(d, a));
	selections(d, a, doc);
	return doc;
}

/* ------------------------------------------------------------ compare */

struct cmp {
	fz_draw_diff_fn report;
	void *ctx;
	size_t count;
	int digests;	/* 1: only inputs.*.digest; 0: all but those */
};

static void
differ(struct cmp *c, const fz_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
differ(struct cmp *c, const fz_node *at, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fz_gettext(fmt), ap);
	va_end(ap);
	c->count++;
	c->report(c->ctx, at, msg);
}

/* A value in a message: a scalar's text, or what the collection is. */
static const char *
shown(const fz_node *n, char *buf, size_t size)
{
	if (n->type == FZ_SCALAR)
		snprintf(buf, size, "'%s'", n->str);
	else
		snprintf(buf, size, "a %s of %zu", n->type == FZ_MAP ?
		    "mapping" : "list", n->n);
	return buf;
}

static void compare(struct cmp *c, const fz_node *pub, const fz_node *rec,
    const char *path);

static void
child_path(char *buf, size_t size, const char *path, const char *key,
    size_t index)
{
	if (key != NULL)
		snprintf(buf, size, "%s%s%s", path, *path ? "." : "", key);
	else
		snprintf(buf, size, "%s[%zu]", path, index);
}

/* In the digests pass, only inputs.X.digest is looked at. */
static int
wanted(const struct cmp *c, const char *path, const char *key)
{
	int digest = strncmp(path, "inputs.", 7) == 0 &&
	    strchr(path + 7, '.') == NULL && strcmp(key, "digest") == 0;
	int within = strcmp(path, "") == 0 ? strcmp(key, "inputs") == 0 :
	    strcmp(path, "inputs") == 0 || digest;

	return c->digests ? within : !digest;
}

int
fz_draw_notice_date(const fz_node *draw, fz_date *when, fz_error *err)
{
	const fz_node *v = fz_node_get(draw, "published");
	const fz_node *date = fz_node_get(draw, "date");
	fz_date drawn;

	*when = FZ_NODATE;
	if (v == NULL || fz_node_is_null(v))
		return FZ_OK;
	if (v->type != FZ_SCALAR || fz_date_parse(v->str, v->len, when) != 0)
		return fz_error_set(err, FZ_DATAERR, v->file, v->line, v->col,
		    "published is not a date (expected YYYY-MM-DD: the day "
		    "the draw's notice went out)");
	if (date != NULL && date->type == FZ_SCALAR &&
	    fz_date_parse(date->str, date->len, &drawn) == 0 && *when < drawn)
		return fz_error_set(err, FZ_DATAERR, v->file, v->line, v->col,
		    "published %s is before the draw's date %s", v->str,
		    date->str);
	return FZ_OK;
}

/* published: of a draw, which the inputs do not give. */
static void
published(struct cmp *c, const fz_node *draw, const fz_node *v)
{
	fz_date when;
	fz_error err;

	if (fz_draw_notice_date(draw, &when, &err) != FZ_OK)
		differ(c, v, "%s", err.msg);
}

static void
compare_map(struct cmp *c, const fz_node *pub, const fz_node *rec,
    const char *path)
{
	char sub[512], v[160];

	for (size_t i = 0; i < rec->n; i++) {
		const char *key = rec->kids[2 * i]->str;
		const fz_node *p = fz_node_get(pub, key);

		if (!wanted(c, path, key))
			continue;
		child_path(sub, sizeof sub, path, key, 0);
		if (p == NULL)
			differ(c, pub, "%s is missing; the inputs give %s", sub,
			    shown(rec->kids[2 * i + 1], v, sizeof v));
		else
			compare(c, p, rec->kids[2 * i + 1], sub);
	}
	for (size_t i = 0; i < pub->n && !c->digests; i++) {
		const fz_node *k = pub->kids[2 * i];

		/* The day the notice went out is the bureau's to add. */
		if (*path == '\0' && strcmp(k->str, "published") == 0) {
			published(c, pub, pub->kids[2 * i + 1]);
			continue;
		}
		if (fz_node_get(rec, k->str) == NULL) {
			child_path(sub, sizeof sub, path, k->str, 0);
			differ(c, k, "%s is not in the draw the inputs give",
			    sub);
		}
	}
}

static void
compare_seq(struct cmp *c, const fz_node *pub, const fz_node *rec,
    const char *path)
{
	char sub[512], v[160];
	size_t n = pub->n < rec->n ? pub->n : rec->n;

	for (size_t i = 0; i < n; i++) {
		child_path(sub, sizeof sub, path, NULL, i);
		compare(c, pub->kids[i], rec->kids[i], sub);
	}
	for (size_t i = n; i < rec->n; i++) {
		child_path(sub, sizeof sub, path, NULL, i);
		differ(c, pub, "%s is missing; the inputs give %s", sub,
		    shown(rec->kids[i], v, sizeof v));
	}
	for (size_t i = n; i < pub->n; i++) {
		child_path(sub, sizeof sub, path, NULL, i);
		differ(c, pub->kids[i], "%s is not in the draw the inputs give",
		    sub);
	}
}

static void
compare(struct cmp *c, const fz_node *pub, const fz_node *rec,
    const char *path)
{
	char a[160], b[160];

	if (pub->type != rec->type || (rec->type == FZ_SCALAR &&
	    strcmp(pub->str, rec->str) != 0)) {
		differ(c, pub, "%s is %s; the inputs give %s", path,
		    shown(pub, a, sizeof a), shown(rec, b, sizeof b));
		return;
	}
	if (rec->type == FZ_MAP)
		compare_map(c, pub, rec, path);
	else if (rec->type == FZ_SEQ)
		compare_seq(c, pub, rec, path);
}

size_t
fz_draw_compare(const fz_node *published, const fz_node *recomputed,
    fz_draw_diff_fn report, void *ctx)
{
	struct cmp c = { report, ctx, 0, 1 };

	compare(&c, published, recomputed, "");	/* the digests first */
	c.digests = 0;
	compare(&c, published, recomputed, "");
	return c.count;
}

int
fz_draw_published_take(fz_draw_published *p, const fz_event *ev,
    fz_error *err)
{
	if (ev->type == FZ_EV_END)
		return p->doc != NULL ? FZ_OK : fz_error_set(err, FZ_DATAERR,
		    p->path, 0, 0, "no draw document to verify");
	if (p->doc != NULL)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "--verify takes one draw document");
	if (ev->kind != FZ_KIND_DRAW)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "--verify takes a draw, not %s",
		    ev->kind_name != NULL ? ev->kind_name :
		    "a document without kind");
	p->doc = fz_node_copy(p->arena, ev->node);
	return FZ_OK;
}

enum fz_hash
fz_draw_published_hash(const fz_draw_published *p)
{
	const fz_node *h = fz_node_get(p->doc, "hash");
	int hash = h != NULL && h->type == FZ_SCALAR ?
	    fz_hash_parse(h->str, h->len) : -1;

	return hash >= 0 ? (enum fz_hash)hash : FZ_HASH_SHA256;
}

static void
difference(void *ctx, const fz_node *at, const char *msg)
{
	fprintf(ctx, _("%s:%u:%u: %s\n"), at->file, at->line, at->col, msg);
}

int
fz_draw_verify_write(FILE *fp, const fz_draw_published *p,
    const fz_node *recomputed, const fz_draw *d)
{
	size_t n = fz_draw_compare(p->doc, recomputed, difference, fp);
	size_t strata = d->plan->nstrata;

	if (n == 0)
		fprintf(fp, _("%s: the draw holds: %zu selection%s, %zu strat%s, "
		    "the digests of the inputs match\n"), p->path, d->npicks,
		    d->npicks == 1 ? "" : "s", strata,
		    strata == 1 ? "um" : "a");
	else
		fprintf(fp, _("%s: %zu difference%s from the draw the inputs "
		    "give\n"), p->path, n, n == 1 ? "" : "s");
	return n > 0 ? FZ_PROBLEMS : FZ_OK;
}
