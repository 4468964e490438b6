/* draw_team.c - the teams of DRAW.md: for each entity in draw order, one
 * inspector of each department of team.departments, then the fill, each
 * seat to the eligible inspector with the smallest ticket of
 * "entity id|inspector id"; unfilled, with what ran out, when a seat
 * stays empty.
 *
 * The roster is turned into small integers once (departments,
 * categories, who avoids whom), so that the work per entity is one hash
 * per eligible inspector and a few scans of those tickets.  The hashes,
 * nearly all the work, do not depend on earlier teams: they are computed
 * for a batch of entities at a time on every core, and the teams are
 * then formed one by one, in draw order, from those tickets.  While the
 * teams of a batch are formed, the other cores ticket the next batch,
 * and the forming thread joins them when it is done. */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_int.h"

#define ANY (-1)	/* a seat of any department */
#define BATCH 256	/* entities ticketed together, at most */
#define BATCH_TICKETS (1u << 19)	/* tickets of a batch, at most */

/* A batch being ticketed: each thread takes the next pick not taken. */
struct job {
	const fz_draw *d;
	atomic_size_t next;
	size_t end;
};

/* One thread's ticketing. */
struct worker {
	fz_draw__staff *st;
	struct job *job;
	fz_draw_ticketer *tk;
	unsigned char *avoids;	/* for the entity being ticketed */
};

struct avoider {
	size_t inspector;
	struct avoider *next;
};

struct fz_draw__staff {
	const fz_plan *plan;
	const fz_inspector *insp;
	size_t n;
	size_t *idlen;
	int *dept;		/* department number of each inspector */
	int **cats;		/* category numbers, NULL: any category */
	size_t *ncats;
	long long *load;	/* assignments so far */
	unsigned char *avoids, *taken;	/* for the entity being staffed */
	int *seat_dept;		/* team.departments as numbers */
	int fill_dept;		/* team.department's, or ANY */
	fz_map *depts, *categories, *avoid;
	fz_draw_cand *cand;	/* batch rows of n tickets */
	size_t ncand[2 * BATCH];	/* two batches: formed, ticketed */
	size_t batch;		/* entities a batch, fewer for a large roster */
	struct worker workers[FZ_DRAW_MAX_THREADS];
	int nthreads;
	fz_arena *arena;
};

static int
intern(fz_map *m, const char *s)
{
	int added;
	void **v = fz_map_insert(m, s, strlen(s), &added, NULL);

	if (added)
		*v = (void *)(uintptr_t)fz_map_count(m);
	return (int)(uintptr_t)*v - 1;
}

static int
lookup(const fz_map *m, const char *s)
{
	void **v = fz_map_find(m, s, strlen(s));

	return v == NULL ? -2 : (int)(uintptr_t)*v - 1;
}

static void
roster(fz_draw__staff *st, size_t i)
{
	const fz_inspector *p = &st->insp[i];
	const fz_node *c = p->categories, *av = p->avoid;

	st->idlen[i] = strlen(p->id);
	st->dept[i] = intern(st->depts, p->department);
	if (c != NULL) {
		st->cats[i] = fz_arena_alloc(st->arena,
		    (c->n ? c->n : 1) * sizeof **st->cats);
		st->ncats[i] = c->n;
		for (size_t k = 0; k < c->n; k++)
			st->cats[i][k] = intern(st->categories, c->kids[k]->str);
	}
	for (size_t k = 0; av != NULL && k < av->n; k++) {
		struct avoider *a = fz_arena_alloc(st->arena, sizeof *a);
		const char *id = av->kids[k]->str;
		int added;
		void **slot = fz_map_insert(st->avoid, id, strlen(id), &added,
		    NULL);

		a->inspector = i;
		a->next = *slot;
		*slot = a;
	}
}

static size_t
active_of(const fz_draw__staff *st, int dept)
{
	size_t n = 0;

	for (size_t i = 0; i < st->n; i++)
		n += st->dept[i] == dept && st->insp[i].active;
	return n;
}

/* team.department has the active inspectors a team takes of it: the
 * seats beyond team.departments, and those of team.departments that
 * name it too.  Fewer, and no entity could ever be staffed. */
static int
check_fill(fz_draw__staff *st, fz_error *err)
{
	const fz_plan *p = st->plan;
	const fz_node *at = p->fill_at;
	size_t need = (size_t)p->team_size - p->ndepartments, have;

	st->fill_dept = lookup(st->depts, p->department);
	for (size_t k = 0; k < p->ndepartments; k++)
		need += st->seat_dept[k] == st->fill_dept;
	if ((have = active_of(st, st->fill_dept)) >= need)
		return FZ_OK;
	if (have == 0)
		return fz_error_set(err, FZ_DATAERR, at->file, at->line,
		    at->col, "team.department: no active inspector of "
		    "department '%s'", p->department);
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col,
	    "team.department: department '%s' has %zu active inspector%s, "
	    "fewer than the %zu a team of %lld takes of it", p->department,
	    have, have == 1 ? "" : "s", need, p->team_size);
}

/* Every department of team.departments has an active inspector, and
 * team.department enough of them. */
static int
check_departments(fz_draw__staff *st, fz_error *err)
{
	const fz_plan *p = st->plan;

	st->seat_dept = fz_arena_alloc(st->arena,
	    (p->ndepartments + 1) * sizeof *st->seat_dept);
	for (size_t k = 0; k < p->ndepartments; k++) {
		const fz_node *at = p->department_at[k];

		st->seat_dept[k] = lookup(st->depts, p->departments[k]);
		if (active_of(st, st->seat_dept[k]) == 0)
			return fz_error_set(err, FZ_DATAERR, at->file, at->line,
			    at->col, "team.departments: no active inspector "
			    "of department '%s'", p->departments[k]);
	}
	st->fill_dept = ANY;
	return p->department != NULL ? check_fill(st, err) : FZ_OK;
}

void
fz_draw__staff_free(fz_draw__staff *st)
{
	if (st == NULL)
		return;
	fz_map_free(st->depts);
	fz_map_free(st->categories);
	fz_map_free(st->avoid);
	fz_arena_free(st->arena);
	free(st->idlen);
	free(st->dept);
	free(st->cats);
	free(st->ncats);
	free(st->load);
	free(st->avoids);
	free(st->taken);
	free(st->cand);
	for (int t = 0; t < st->nthreads; t++) {
		fz_draw_ticketer_free(st->workers[t].tk);
		free(st->workers[t].avoids);
	}
	free(st);
}

/* One worker a core, each with its own ticketer. */
static void
workers(fz_draw__staff *st, enum fz_hash h, size_t m)
{
	st->nthreads = fz_draw__nthreads();
	for (int t = 0; t < st->nthreads; t++) {
		st->workers[t].st = st;
		st->workers[t].tk = fz_draw_ticketer_new(h, st->plan->seed,
		    st->plan->seed_len);
		st->workers[t].avoids = fz_xcalloc(m, 1);
	}
}

fz_draw__staff *
fz_draw__staff_new(const fz_plan *plan, enum fz_hash h,
    const fz_inspector *inspectors, size_t n, fz_error *err)
{
	fz_draw__staff *st = fz_xcalloc(1, sizeof *st);
	size_t m = n ? n : 1;

	st->plan = plan;
	st->insp = inspectors;
	st->n = n;
	st->depts = fz_map_new();
	st->categories = fz_map_new();
	st->avoid = fz_map_new();
	st->arena = fz_arena_new();
	st->idlen = fz_xcalloc(m, sizeof *st->idlen);
	st->dept = fz_xcalloc(m, sizeof *st->dept);
	st->cats = fz_xcalloc(m, sizeof *st->cats);
	st->ncats = fz_xcalloc(m, sizeof *st->ncats);
	st->load = fz_xcalloc(m, sizeof *st->load);
	st->avoids = fz_xcalloc(m, 1);
	st->taken = fz_xcalloc(m, 1);
	st->batch = BATCH_TICKETS / m < BATCH ? BATCH_TICKETS / m : BATCH;
	if (st->batch == 0)
		st->batch = 1;
	st->cand = fz_xcalloc(m * 2 * st->batch, sizeof *st->cand);
	for (size_t i = 0; i < n; i++)
		roster(st, i);
	workers(st, h, m);
	if (check_departments(st, err) != FZ_OK) {
		fz_draw__staff_free(st);
		return NULL;
	}
	return st;
}

static int
qualified(const fz_draw__staff *st, size_t i, int category)
{
	if (st->cats[i] == NULL)
		return 1;
	for (size_t k = 0; k < st->ncats[i]; k++)
		if (st->cats[i][k] == category)
			return 1;
	return 0;
}

/* No cert_expires, or not before the plan's date (行政处罚法 art. 42:
 * only those holding an 执法证 inspect). */
static int
certified(const fz_draw__staff *st, size_t i)
{
	fz_date until = st->insp[i].cert_expires;

	return until == FZ_NODATE || until >= st->plan->date;
}

static int
below_cap(const fz_draw__staff *st, size_t i)
{
	return st->plan->max_per_inspector == 0 ||
	    st->load[i] < st->plan->max_per_inspector;
}

static void
mark_avoiders(const fz_draw__staff *st, unsigned char *marks, const char *entity,
    unsigned char v)
{
	void **slot = fz_map_find(st->avoid, entity, strlen(entity));

	for (struct avoider *a = slot ? *slot : NULL; a != NULL; a = a->next)
		marks[a->inspector] = v;
}

/* The tickets of the inspectors who may go to pick i, whatever the
 * teams before it: active, certified, qualified, not avoiding. */
static void
ticket_pick(struct worker *w, size_t i)
{
	const fz_draw__staff *st = w->st;
	const fz_entity *e = &w->job->d->entities[w->job->d->picks[i].entity];
	fz_draw_cand *row = st->cand + (i % (2 * st->batch)) * st->n;
	int category = lookup(st->categories, e->category);
	size_t elen = strlen(e->id), n = 0;
	char *prefix = fz_xmalloc(elen + 2);

	memcpy(prefix, e->id, elen);
	memcpy(prefix + elen, "|", 2);
	fz_draw_ticketer_prefix(w->tk, prefix, elen + 1);
	free(prefix);
	mark_avoiders(st, w->avoids, e->id, 1);
	for (size_t p = 0; p < st->n; p++) {
		if (!st->insp[p].active || w->avoids[p] ||
		    !certified(st, p) || !qualified(st, p, category))
			continue;
		row[n++] = (fz_draw_cand){ fz_draw_ticketer_head(w->tk,
		    st->insp[p].id, st->idlen[p]), (uint32_t)p };
	}
	w->st->ncand[i % (2 * st->batch)] = n;
	mark_avoiders(st, w->avoids, e->id, 0);
}

/* Worker t of the staffer ctx: the next picks not taken. */
static void
work(int t, void *ctx)
{
	struct worker *w = &((fz_draw__staff *)ctx)->workers[t];
	size_t i;

	while ((i = atomic_fetch_add(&w->job->next, 1)) < w->job->end)
		ticket_pick(w, i);
}

/* Start ticketing picks [first, end) on the helper threads (workers 1
 * and up).  Joining the fan-out tickets what is left here (worker 0)
 * and waits for the helpers. */
static fz_fanout *
ticket_start(fz_draw__staff *st, struct job *job, const fz_draw *d,
    size_t first, size_t end)
{
	job->d = d;
	atomic_init(&job->next, first);
	job->end = end;
	for (int t = 0; t < st->nthreads; t++)
		st->workers[t].job = job;
	return fz_fanout_start(st->nthreads, work, st);
}

static const char *
inspector_id(const void *items, uint32_t i)
{
	return ((const fz_inspector *)items)[i].id;
}

/* The order of the tickets of the draw, the entities' (draw.c) and the
 * inspectors' (here): defined here, so that calls between the two files
 * go one way. */
int
fz_draw_cand_cmp(const fz_draw_order *o, const fz_draw_cand *a,
    const fz_draw_cand *b)
{
	unsigned char ma[FZ_DIGEST_SIZE], mb[FZ_DIGEST_SIZE];
	const char *ia, *ib;
	int c;

	if (a->lead != b->lead)
		return a->lead < b->lead ? -1 : 1;
	if (a->index == b->index)
		return 0;
	ia = o->id(o->items, a->index);
	ib = o->id(o->items, b->index);
	fz_draw_ticketer_digest(o->tk, ia, strlen(ia), ma);
	fz_draw_ticketer_digest(o->tk, ib, strlen(ib), mb);
	if ((c = fz_draw_ticket_cmp(ma, mb)) != 0)
		return c;
	return strcmp(ia, ib);	/* a tie: the identifier's bytes */
}

/* The candidate of a row with the smallest ticket for a seat, or -1. */
static long
best(const fz_draw__staff *st, const fz_draw_order *o, const fz_draw_cand *row,
    size_t n, int dept)
{
	long b = -1;

	for (size_t k = 0; k < n; k++) {
		const fz_draw_cand *c = &row[k];

		if (st->taken[c->index] || (dept != ANY &&
		    st->dept[c->index] != dept) || !below_cap(st, c->index))
			continue;
		if (b < 0 || fz_draw_cand_cmp(o, c, &row[b]) < 0)
			b = (long)k;
	}
	return b;
}

/* The department of a seat: team.departments', then team.department's
 * for the rest (ANY without it). */
static int
seat_department(const fz_draw__staff *st, size_t seat)
{
	return seat < st->plan->ndepartments ? st->seat_dept[seat] :
	    st->fill_dept;
}

/* Its name, for a reason. */
static const char *
seat_name(const fz_draw__staff *st, size_t seat)
{
	return seat < st->plan->ndepartments ? st->plan->departments[seat] :
	    st->plan->department;
}

static void
append(char *buf, size_t size, size_t *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* printf at the end of buf, cut at its size. */
static void
append(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n >= size - 1)
		return;
	va_start(ap, fmt);
	k = vsnprintf(buf + *n, size - *n, fmt, ap);
	va_end(ap);
	*n = k < 0 || (size_t)k >= size - *n ? size - 1 : *n + (size_t)k;
}

/* What ran out for a seat: the active inspectors of the seat's
 * department narrowed step by step, down to none.  The certified are
 * told only when a certificate has expired, so that a roster without
 * cert_expires gives the reasons of rules v1. */
static const char *
reason(const fz_draw__staff *st, fz_draw *d, const fz_entity *e, int category,
    size_t seat, int dept)
{
	size_t active = 0, cert = 0, qual = 0, free_of = 0, below = 0, n = 0;
	long long cap = st->plan->max_per_inspector;
	char buf[1024], day[16];

	for (size_t i = 0; i < st->n; i++) {
		if (!st->insp[i].active || (dept != ANY && st->dept[i] != dept))
			continue;
		active++;
		if (!certified(st, i))
			continue;
		cert++;
		if (!qualified(st, i, category))
			continue;
		qual++;
		if (st->avoids[i])
			continue;
		free_of++;
		below += below_cap(st, i);
	}
	fz_date_format(st->plan->date, day);
	append(buf, sizeof buf, &n, "seat %zu of %lld (%s): %zu active",
	    seat + 1, st->plan->team_size, dept == ANY ? "any department" :
	    seat_name(st, seat), active);
	if (cert < active)
		append(buf, sizeof buf, &n, ", %zu certified on %s", cert,
		    day);
	if (cert > 0)
		append(buf, sizeof buf, &n, ", %zu qualified for %s", qual,
		    e->category);
	if (qual > 0)
		append(buf, sizeof buf, &n, ", %zu not avoiding it", free_of);
	if (free_of > 0 && cap > 0)
		append(buf, sizeof buf, &n, ", %zu below max_per_inspector "
		    "%lld", below, cap);
	if (free_of > 0 && (cap == 0 || below > 0))
		append(buf, sizeof buf, &n, ", all on the team already");
	return fz_arena_strdup(d->arena, buf);
}

/* The team of pick i, its tickets in the batch. */
static void
staff_pick(fz_draw__staff *st, fz_draw *d, size_t i, fz_draw_ticketer *tk)
{
	fz_draw_pick *pick = &d->picks[i];
	const fz_entity *e = &d->entities[pick->entity];
	const fz_draw_cand *row = st->cand + (i % (2 * st->batch)) * st->n;
	size_t size = (size_t)st->plan->team_size, elen = strlen(e->id);
	fz_draw_order o = { tk, inspector_id, st->insp };
	char *prefix = fz_xmalloc(elen + 2);

	memcpy(prefix, e->id, elen);	/* for tickets with equal leads */
	memcpy(prefix + elen, "|", 2);
	fz_draw_ticketer_prefix(tk, prefix, elen + 1);
	free(prefix);
	/* A team never outgrows the roster, whatever team.size says. */
	pick->team = fz_arena_alloc(d->arena, (size < st->n ? size : st->n + 1) *
	    sizeof *pick->team);
	for (size_t seat = 0; seat < size; seat++) {
		int dept = seat_department(st, seat);
		long b;

		if ((b = best(st, &o, row, st->ncand[i % (2 * st->batch)], dept)) < 0) {
			mark_avoiders(st, st->avoids, e->id, 1);
			pick->unfilled = reason(st, d, e, lookup(st->categories,
			    e->category), seat, dept);
			mark_avoiders(st, st->avoids, e->id, 0);
			break;
		}
		pick->team[pick->nteam++] = row[b].index;
		st->taken[row[b].index] = 1;
	}
	for (size_t k = 0; k < pick->nteam; k++) {
		st->taken[pick->team[k]] = 0;
		if (pick->unfilled == NULL)
			st->load[pick->team[k]]++;
	}
	if (pick->unfilled != NULL)
		pick->nteam = 0;
	fz_draw_ticketer_prefix(tk, "", 0);
}

void
fz_draw__staff_run(fz_draw__staff *st, fz_draw *d, fz_draw_ticketer *tk)
{
	struct job jobs[2];
	size_t nb = st->batch;
	fz_fanout *fo = NULL;

	if (d->npicks == 0)
		return;
	fz_fanout_join(ticket_start(st, &jobs[0], d, 0, nb < d->npicks ? nb :
	    d->npicks));
	for (size_t first = 0; first < d->npicks; first += nb) {
		size_t end = first + nb < d->npicks ? first + nb : d->npicks;
		size_t next_end = end + nb < d->npicks ? end + nb : d->npicks;
		int more = end < d->npicks;

		if (more)
			fo = ticket_start(st, &jobs[(first / nb + 1) % 2], d,
			    end, next_end);
		for (size_t i = first; i < end; i++) {
			staff_pick(st, d, i, tk);
			d->nunfilled += d->picks[i].unfilled != NULL;
		}
		if (more)
			fz_fanout_join(fo);
	}
}
