/* tally_io.c - the tally document: writing it, with the state an exact
 * merge needs when asked, and reading such documents back to merge. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

static void
write_counts(fz_writer *w, const fz_tally_counts *c)
{
	const long long v[] = { c->visits, c->units, c->person_times,
		c->outings, c->violations, c->banned, c->leader_led, c->filed,
		c->closed, c->open, c->closed_on_time, c->overdue, c->reviewed,
		c->published_on_time };

	for (int i = 0; fz_tally_indicators[i] != NULL; i++) {
		fz_write_key(w, fz_tally_indicators[i]);
		if (strcmp(fz_tally_indicators[i], "fines") == 0)
			fz_write_money(w, c->fines);
		else
			fz_write_int(w, v[i]);
	}
}

static void
write_strs(fz_writer *w, const char *const *v, size_t n)
{
	fz_write_seq_begin(w, 1);
	for (size_t i = 0; i < n; i++)
		fz_write_str(w, v[i]);
	fz_write_seq_end(w);
}

static void
write_state(fz_writer *w, const struct row *r)
{
	fz_write_key(w, "state");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "entities");
	write_strs(w, r->entities, r->nent);
	fz_write_key(w, "outings");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < r->nout; i++) {
		fz_write_map_begin(w, 1);
		fz_write_key(w, "id");
		fz_write_str(w, r->outs[i].id);
		fz_write_key(w, "inspectors");
		write_strs(w, r->outs[i].inspectors, r->outs[i].n);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "solo_outings");
	fz_write_int(w, r->solo_outings);
	fz_write_key(w, "solo_person_times");
	fz_write_int(w, r->solo_person_times);
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
	static const char *const names[] = { "filed", "closed", "decided",
		"legal_review", "published" };

	fz_write_key(w, "mergeable");
	fz_write_map_begin(w, 0);
	fz_write_key(w, "cases");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < t->ncases; i++) {
		const struct tcase *c = &t->cases[i];
		const fz_date d[] = { c->filed, c->closed, c->decided,
			c->legal_review, c->published };

		fz_write_map_begin(w, 1);
		fz_write_key(w, "id");
		fz_write_str(w, c->id);
		for (int k = 0; k < 5; k++) {
			fz_write_key(w, names[k]);
			fz_write_date(w, d[k]);
		}
		fz_write_key(w, "extended_days");
		fz_write_int(w, c->extended_days);
		fz_write_key(w, "fine");
		if (c->fine == FZ_NOMONEY)
			fz_write_null(w);
		else
			fz_write_money(w, c->fine);
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
write_head(fz_writer *w, const fz_tally *t)
{
	fz_date from, to;

	fz__tally_range(t, &from, &to);
	fz_write_key(w, "kind");
	fz_write_str(w, "tally");
	fz_write_key(w, "version");
	fz_write_int(w, FZ_FORMAT_VERSION);
	fz_write_key(w, "from");
	fz_write_date(w, from);
	fz_write_key(w, "to");
	fz_write_date(w, to);
	fz_write_key(w, "by");
	write_strs(w, (const char *const *)t->by, (size_t)t->nby);
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
	fz_write_key(w, "inspections");
	fz_write_int(w, t->inputs[FZ_KIND_INSPECTIONS]);
	fz_write_key(w, "cases");
	fz_write_int(w, (long long)t->ncases);
	fz_write_map_end(w);
}

int
fz_tally_write(fz_tally *t, fz_writer *w, int mergeable)
{
	fz_tally_finish(t);
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	write_head(w, t);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct row *r = &t->rows[t->order[i]];

		fz_write_map_begin(w, 0);
		for (int k = 0; k < t->nby; k++)
			write_key_value(w, t, k, r->keys[k]);
		write_counts(w, &r->c);
		if (mergeable)
			write_state(w, r);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "totals");
	fz_write_map_begin(w, 0);
	write_counts(w, &t->total.c);
	fz_write_map_end(w);
	if (mergeable)
		write_cases(w, t);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
