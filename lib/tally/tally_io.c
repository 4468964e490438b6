/* tally_io.c - the tally document: writing it, with the state an exact
 * merge needs when asked, and reading such documents back to merge. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

/* A rate as an exact numerator and denominator. */
static void
write_rate(fz_writer *w, long long num, long long den)
{
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "numerator", num);
	fz_write_key_int(w, "denominator", den);
	fz_write_map_end(w);
}

/* The first n indicators of c (INT_MAX: all). */
static void
write_counts(fz_writer *w, const fz_tally_counts *c, int n)
{
	const long long v[] = { c->visits, c->units, c->person_times,
		c->outings, c->violations, c->banned, c->leader_led, c->filed,
		c->closed, c->open, c->closed_on_time, c->overdue, c->reviewed,
		c->published_on_time, 0, c->major, c->major_supervised,
		c->major_av_recorded, c->simple_procedure, c->general_decided,
		c->general_within_half, 0, c->not_punished_minor,
		c->not_punished_first_offense, c->not_punished_no_fault,
		c->hearings, c->served_on_time, c->transferred,
		c->reviewed_required, c->reconsiderations,
		c->reconsiderations_corrected, c->litigations,
		c->litigations_lost, 0, c->penalized, c->penalty_revocation,
		c->penalty_suspension, c->penalty_confiscation,
		c->penalty_fine, c->penalty_warning };

	for (int i = 0; i < n && fz_tally_indicators[i] != NULL; i++) {
		const char *key = fz_tally_indicators[i];

		fz_write_key(w, key);
		if (strcmp(key, "fines") == 0)
			fz_write_money(w, c->fines);
		else if (strcmp(key, "mean_decision_days") == 0)
			write_rate(w, c->decision_days, c->general_decided);
		else if (strcmp(key, "leader_appeared") == 0)
			write_rate(w, c->leader_appeared, c->litigations);
		else
			fz_write_int(w, v[i]);
	}
}

/* The memberships of the maps, sorted: by row, then by first sight. */
struct members {
	uint64_t *v;
	size_t n;
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static struct members
sorted(const fz_u64map *m)
{
	struct members s = { fz_xcalloc(fz_u64map_count(m) + 1,
	    sizeof(uint64_t)), 0 };
	size_t pos = 0;
	uint64_t key;
	uint32_t value;

	while (fz_u64map_next(m, &pos, &key, &value))
		s.v[s.n++] = key;
	qsort(s.v, s.n, sizeof *s.v, cmp_u64);
	return s;
}

/* The first member of s whose high half is at least hi. */
static size_t
lower(const struct members *s, uint32_t hi)
{
	size_t lo = 0, up = s->n;
	uint64_t key = (uint64_t)hi << 32;

	while (lo < up) {
		size_t mid = (lo + up) / 2;

		if (s->v[mid] < key)
			lo = mid + 1;
		else
			up = mid;
	}
	return lo;
}

static const char *
name_of(const fz_map *m, uint64_t key)
{
	return fz_map_key(m, (size_t)(uint32_t)key, NULL);
}

/* The row's entities and outings, for an exact merge. */
static void
write_state(fz_writer *w, const fz_tally *t, uint32_t row,
    const struct members *units, const struct members *outings,
    const struct members *persons)
{
	const struct row *r = &t->rows[row];

	fz_write_key(w, "state");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "entities");
	fz_write_seq_begin(w, 1);
	for (size_t i = lower(units, row); i < units->n &&
	    units->v[i] >> 32 == row; i++)
		fz_write_str(w, name_of(t->entity_ids, units->v[i]));
	fz_write_seq_end(w);
	fz_write_key(w, "outings");
	fz_write_seq_begin(w, 0);
	for (size_t i = lower(outings, row); i < outings->n &&
	    outings->v[i] >> 32 == row; i++) {
		uint32_t o = (uint32_t)outings->v[i], ro;
		int added;

		ro = *fz_u64map_insert(t->outings, outings->v[i], &added) - 1;
		fz_write_map_begin(w, 1);
		fz_write_key(w, "id");
		fz_write_str(w, fz_map_key(t->outing_ids, o, NULL));
		fz_write_key(w, "inspectors");
		fz_write_seq_begin(w, 1);
		for (size_t j = lower(persons, ro); j < persons->n &&
		    persons->v[j] >> 32 == ro; j++)
			fz_write_str(w, name_of(t->inspector_ids,
			    persons->v[j]));
		fz_write_seq_end(w);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key_int(w, "solo_outings", r->solo_outings);
	fz_write_key_int(w, "solo_person_times", r->solo_person_times);
	fz_write_map_end(w);
}

static void
write_key_value(fz_writer *w, const fz_tally *t, int i, const char *v)
{
	fz_write_key(w, t->by[i]);
	if (v == NULL)
		fz_write_null(w);
	else if (t->period[i] != FZ_P_NONE)
		fz_write_plain(w, v);
	else
		fz_write_str(w, v);
}

static void
write_cases(fz_writer *w, const fz_tally *t)
{
	fz_write_key(w, "mergeable");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "cases");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < t->ncases; i++) {
		const struct tcase *c = &t->cases[i];

		fz_write_map_begin(w, 1);
		fz_write_key(w, "id");
		fz_write_str(w, c->k.id);
		fz_tally__case_write(w, &c->k);
		fz_write_key(w, "keys");
		fz_write_seq_begin(w, 1);
		for (int k = 0; k < t->nby; k++)
			if (c->keys[k] == NULL)
				fz_write_null(w);
			else
				fz_write_str(w, c->keys[k]);
		fz_write_seq_end(w);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_map_end(w);
}

static void
write_head(fz_writer *w, const fz_tally *t, int mergeable)
{
	fz_date from, to;

	fz_tally__range(t, &from, &to);
	fz_write_key(w, "kind");
	fz_write_str(w, "tally");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	fz_write_key(w, "from");
	fz_write_date(w, from);
	fz_write_key(w, "to");
	fz_write_date(w, to);
	fz_write_key(w, "by");
	fz_write_strs(w, (const char *const *)t->by, (size_t)t->nby);
	if (t->nwhere > 0) {
		fz_write_key(w, "where");
		fz_write_map_begin(w, 1);
		for (size_t i = 0; i < t->nwhere; i++) {
			fz_write_key(w, t->where_key[i]);
			fz_write_str(w, t->where_value[i]);
		}
		fz_write_map_end(w);
	}
	/* The records counted: inspections of the period, and every case
	 * (a case filed before the period may still be open in it). */
	fz_write_key(w, "inputs");
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "inspections", t->inputs[FZ_KIND_INSPECTIONS]);
	fz_write_key_int(w, "cases", (long long)t->ncases);
	if (t->complaints != NULL)
		fz_write_key_int(w, "complaints", t->inputs[FZ_KIND_COMPLAINTS]);
	if (t->documents != NULL)
		fz_write_key_int(w, "documents", t->inputs[FZ_KIND_DOCUMENTS]);
	if (t->activities != NULL)
		fz_write_key_int(w, "activities", t->inputs[FZ_KIND_ACTIVITIES]);
	fz_write_map_end(w);
	if (mergeable)
		fz_tally__write_covers(w, t);
}

/* The rows of t in output order, each with its state when mergeable;
 * only the first n indicators. */
static void
write_rows(fz_writer *w, fz_tally *t, int mergeable, int n)
{
	struct members units = { 0 }, outings = { 0 }, persons = { 0 };

	if (mergeable) {
		units = sorted(t->units);
		outings = sorted(t->outings);
		persons = sorted(t->persons);
	}
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct row *r = &t->rows[t->order[i]];

		fz_write_map_begin(w, 0);
		for (int k = 0; k < t->nby; k++)
			write_key_value(w, t, k, r->keys[k]);
		write_counts(w, &r->c, n);
		if (mergeable)
			write_state(w, t, (uint32_t)t->order[i], &units,
			    &outings, &persons);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	free(units.v);
	free(outings.v);
	free(persons.v);
}

int
fz_tally_write(fz_tally *t, fz_writer *w, int mergeable)
{
	fz_tally_finish(t);
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	write_head(w, t, mergeable);
	fz_write_key(w, "rows");
	write_rows(w, t, mergeable, INT_MAX);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_counts(w, &t->total.c, INT_MAX);
	fz_write_map_end(w);
	/* The bureau's and the towns' inspections, whatever by is. */
	if (t->rep != NULL && !t->rep_lost) {
		fz_write_key(w, "reporters");
		write_rows(w, t->rep, mergeable, FZ_TALLY__NINSPECTION);
	}
	fz_tally__write_complaints(w, t, mergeable);
	fz_tally__register_write(w, t, t->documents, mergeable);
	fz_tally__register_write(w, t, t->activities, mergeable);
	if (mergeable)
		write_cases(w, t);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
