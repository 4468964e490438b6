/* tally_parts.c - the inspections of a part of a large file counted
 * into a tally of their own on the part's thread (fz_stream_parts),
 * then added to the tally of the records before them: the merge of
 * --merge, from the partial tally's own state rather than from its
 * document.  The distinct counts (entities, outings, inspectors) are
 * sets, so the sum is exact; the part's ids are taken in its first-seen
 * order, as one read would have met them.  Cases, complaints and
 * documents are counted in one part: each id is refused when given
 * twice, at the second place, which only one read in order can tell. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

static uint64_t
pair(uint32_t a, uint32_t b)
{
	return (uint64_t)a << 32 | b;
}

static const char *
key_of(const fz_map *m, uint64_t i)
{
	return fz_map_key(m, (size_t)(uint32_t)i, NULL);
}

/* p's ids into t's maps in p's order; the totals count the new. */
static void
take_ids(fz_tally *t, const fz_tally *p)
{
	int added;

	for (size_t i = 0; i < fz_map_count(p->entity_ids); i++) {
		fz_tally__intern(t->entity_ids, key_of(p->entity_ids, i),
		    &added);
		t->total.c.units += added;
	}
	for (size_t i = 0; i < fz_map_count(p->outing_ids); i++) {
		fz_tally__intern(t->outing_ids, key_of(p->outing_ids, i),
		    &added);
		t->total.c.outings += added;
	}
	for (size_t i = 0; i < fz_map_count(p->inspector_ids); i++)
		fz_tally__intern(t->inspector_ids, key_of(p->inspector_ids, i),
		    &added);
}

/* p's rows added to t's (and to its totals); *rows: t's row of each. */
static uint32_t *
add_rows(fz_tally *t, const fz_tally *p)
{
	uint32_t *rows = fz_xcalloc(p->nrows + 1, sizeof *rows);

	for (size_t i = 0; i < p->nrows; i++) {
		const struct row *pr = &p->rows[i];

		rows[i] = fz_tally__row(t, pr->keys);
		for (int k = 0; k < 2; k++) {
			struct row *r = k ? &t->total : &t->rows[rows[i]];

			r->c.visits += pr->c.visits;
			r->c.violations += pr->c.violations;
			r->c.banned += pr->c.banned;
			r->c.leader_led += pr->c.leader_led;
			r->solo_outings += pr->solo_outings;
			r->solo_person_times += pr->solo_person_times;
			r->c.outings += pr->solo_outings;
			r->c.person_times += pr->solo_person_times;
		}
	}
	return rows;
}

/* p's entities, outings and inspectors of each row, as sets. */
static void
add_members(fz_tally *t, const fz_tally *p, const uint32_t *rows)
{
	uint32_t *ro = fz_xcalloc(p->nro + 1, sizeof *ro);
	uint32_t *o = fz_xcalloc(p->nro + 1, sizeof *o);
	size_t pos = 0;
	uint64_t key;
	uint32_t value, e;
	int added;

	while (fz_u64map_next(p->units, &pos, &key, &value)) {
		e = fz_tally__intern(t->entity_ids, key_of(p->entity_ids, key),
		    &added);
		t->rows[rows[key >> 32]].c.units += fz_u64set_add(t->units,
		    pair(rows[key >> 32], e));
	}
	for (size_t i = 0; i < p->nro; i++)
		ro[i] = fz_tally__row_outing(t, rows[p->ro[i].row],
		    key_of(p->outing_ids, p->ro[i].outing), &o[i]);
	for (pos = 0; fz_u64map_next(p->persons, &pos, &key, &value);) {
		uint32_t i = (uint32_t)(key >> 32);
		uint32_t who = fz_tally__intern(t->inspector_ids,
		    key_of(p->inspector_ids, key), &added);

		t->rows[rows[p->ro[i].row]].c.person_times +=
		    fz_u64set_add(t->persons, pair(ro[i], who));
		t->total.c.person_times += fz_u64set_add(t->all_persons,
		    pair(o[i], who));
	}
	free(ro);
	free(o);
}

/* p's counts added to t's; inner: the reporters' tally, whose ids are
 * its owner's. */
static void
absorb(fz_tally *t, const fz_tally *p, int inner)
{
	uint32_t *rows;

	if (!inner) {
		take_ids(t, p);
		for (int k = 0; k < FZ_KIND_COUNT; k++)
			t->inputs[k] += p->inputs[k];
		fz_tally__seen(t, p->lo);
		fz_tally__seen(t, p->hi);
	}
	rows = add_rows(t, p);
	add_members(t, p, rows);
	free(rows);
	t->finished = 0;
	if (!inner && t->rep != NULL && p->rep != NULL)
		absorb(t->rep, p->rep, 1);
}

/* A part's reader: a tally counted like r's, its own where (whose hits
 * are added to r's). */
void *
fz_tally_part_open(void *ctx, enum fz_kind k)
{
	const fz_tally_reader *r = ctx;
	fz_tally_reader *part;
	fz_error err;

	/* Counting an inspection costs about what parsing it does: on two
	 * processors the parser's thread beside the reader's already uses
	 * both, and a part would only add its merge (measured: 16% more
	 * processor time, and the part's own ids in memory). */
	if (r->merge || k != FZ_KIND_INSPECTIONS || r->tally == NULL ||
	    fz_nprocs() < 3)
		return NULL;
	part = fz_xcalloc(1, sizeof *part);
	*part = *r;
	part->where = fz_where_copy(r->where);
	part->tally = fz_tally_new_filled(r->tally->by, r->tally->nby,
	    r->tally->filled, &err);
	if (part->tally == NULL)
		abort();	/* r's keys were taken: the same are */
	fz_tally_set_range(part->tally, r->tally->from, r->tally->to);
	fz_tally_set_calendar(part->tally, r->tally->cal);
	return part;
}

int
fz_tally_part_take(void *part, const fz_event *ev, fz_error *err)
{
	return fz_tally_take(part, ev, err);
}

void
fz_tally_part_drop(void *part)
{
	fz_tally_reader *p = part;

	fz_tally_free(p->tally);
	fz_where_free(p->where);
	free(p);
}

int
fz_tally_part_merge(void *ctx, void *part, fz_error *err)
{
	fz_tally_reader *r = ctx;
	fz_tally_reader *p = part;

	(void)err;
	absorb(r->tally, p->tally, 0);
	fz_where_add_hits(r->where, p->where);
	fz_tally_part_drop(p);
	return FZ_OK;
}
