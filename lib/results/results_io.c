/* results_io.c - the results document (fazhi-formats(5) "results"):
 * the draw it follows, the summary, each selection with its flags and
 * inspections, the inspections of entities not drawn, and the results
 * due for publication and late.  Every list is in a fixed order, so the
 * same inputs give the same bytes. */
#include <string.h>

#include "results_int.h"

static const char *const flag_names[] = { "not_inspected", "overdue",
	"team_changed" };

static void
put_str(fz_writer *w, const char *key, const char *s)
{
	if (s == NULL)
		return;
	fz_write_key(w, key);
	fz_write_str(w, s);
}

static void
put_date(fz_writer *w, const char *key, fz_date d)
{
	if (d == FZ_NODATE)
		return;
	fz_write_key(w, key);
	fz_write_date(w, d);
}

static void
put_strs(fz_writer *w, const char *key, const char *const *v, size_t n)
{
	fz_write_key(w, key);
	fz_write_strs(w, v, n);
}

/* The canonical value of an enumeration of kind k's field key. */
static const char *
enum_value(enum fz_kind k, const char *key, int i)
{
	return fz_field_find(k, key)->values[i].value;
}

/* The case of an inspection: its state, and the decision when made. */
static void
put_case(fz_writer *w, const fz_results *r, const fz_results_visit *v)
{
	const fz_case *c = v->c;

	put_str(w, "case", v->case_id);
	if (v->case_id == NULL || !r->have_cases)
		return;
	put_str(w, "case_outcome", c == NULL ? "unknown" :
	    c->closed != FZ_NODATE ? "closed" :
	    c->decided != FZ_NODATE ? "decided" : "open");
	if (c == NULL)
		return;
	put_date(w, "decided", c->decided);
	if (c->penalty != 0) {
		fz_write_key(w, "penalty");
		fz_write_seq_begin(w, 1);
		for (int i = 0; i <= FZ_PENALTY_NONE; i++)
			if (c->penalty & (1u << i))
				fz_write_str(w, enum_value(FZ_KIND_CASES,
				    "penalty", i));
		fz_write_seq_end(w);
	}
	if (c->fine != FZ_NOMONEY) {
		fz_write_key(w, "fine");
		fz_write_money(w, c->fine);
	}
}

static void
put_visit(fz_writer *w, const fz_results *r, const fz_results_visit *v,
    int drawn)
{
	fz_write_map_begin(w, 0);
	if (!drawn) {
		put_str(w, "entity", v->entity);
		put_str(w, "category", v->category);
		put_str(w, "town", v->town);
	}
	put_date(w, "date", v->date);
	put_strs(w, "inspectors", v->inspectors, v->ninspectors);
	put_str(w, "result", enum_value(FZ_KIND_INSPECTIONS, "result",
	    v->result));
	if (v->outcome >= 0)
		put_str(w, "outcome", enum_value(FZ_KIND_INSPECTIONS,
		    "outcome", v->outcome));
	put_date(w, "followup_closed", v->followup_closed);
	if (drawn && v->nadded + v->nmissing > 0) {
		put_strs(w, "added", v->added, v->nadded);
		put_strs(w, "missing", v->missing, v->nmissing);
	}
	put_case(w, r, v);
	if (drawn)
		put_date(w, "publish_by", v->publish_by);
	fz_write_map_end(w);
}

static void
put_team(fz_writer *w, const fz_draw_selection *s)
{
	fz_write_key(w, "team");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < s->nteam; i++) {
		fz_write_map_begin(w, 1);
		put_str(w, "id", s->team[i].id);
		put_str(w, "name", s->team[i].name);
		put_str(w, "department", s->team[i].department);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

/* The entity's outcome as the public sees it: that of its last
 * inspection that gives one (visits are in date order); -1 for none. */
static int
outcome_of(const fz_results_selection *rs)
{
	for (size_t i = rs->nvisits; i > 0; i--)
		if (rs->visits[i - 1]->outcome >= 0)
			return rs->visits[i - 1]->outcome;
	return -1;
}

static void
put_selection(fz_writer *w, const fz_results *r,
    const fz_results_selection *rs)
{
	const fz_draw_selection *s = rs->sel;
	const char *flags[3];
	size_t nflags = 0;

	for (int i = 0; i < 3; i++)
		if (rs->flags & (1u << i))
			flags[nflags++] = flag_names[i];
	fz_write_map_begin(w, 0);
	put_str(w, "entity", s->entity);
	put_str(w, "name", s->name);
	put_str(w, "category", s->category);
	put_str(w, "town", s->town);
	put_str(w, "stratum", s->stratum);
	put_team(w, s);
	if (outcome_of(rs) >= 0)
		put_str(w, "outcome", enum_value(FZ_KIND_INSPECTIONS,
		    "outcome", outcome_of(rs)));
	put_strs(w, "flags", flags, nflags);
	fz_write_key(w, "inspections");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < rs->nvisits; i++)
		put_visit(w, r, rs->visits[i], 1);
	fz_write_seq_end(w);
	fz_write_map_end(w);
}

/* How many of the selections stand at each public outcome (in the order
 * of the categories), those with one only; nothing when none has one. */
static void
put_outcomes(fz_writer *w, const fz_results *r)
{
	long long n[FZ_IO_DEREGISTERED + 1] = { 0 }, any = 0;

	for (size_t i = 0; i < r->d->nselections; i++) {
		int o = outcome_of(&r->sels[i]);

		if (o >= 0 && o <= FZ_IO_DEREGISTERED) {
			n[o]++;
			any++;
		}
	}
	if (any == 0)
		return;
	fz_write_key(w, "outcomes");
	fz_write_seq_begin(w, 0);
	for (int o = 0; o <= FZ_IO_DEREGISTERED; o++) {
		if (n[o] == 0)
			continue;
		fz_write_map_begin(w, 1);
		put_str(w, "outcome", enum_value(FZ_KIND_INSPECTIONS, "outcome",
		    o));
		fz_write_key_int(w, "count", n[o]);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

static void
put_summary(fz_writer *w, const fz_results *r)
{
	const fz_results_summary *m = &r->sum;

	fz_write_key(w, "summary");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "drawn", m->drawn);
	fz_write_key_int(w, "inspected", m->inspected);
	fz_write_key_int(w, "by_drawn_team", m->by_drawn_team);
	fz_write_key_int(w, "compliant", m->compliant);
	fz_write_key_int(w, "violations", m->violations);
	fz_write_key_int(w, "filed", m->filed);
	fz_write_key(w, "fines");
	if (m->fines == FZ_NOMONEY)
		fz_write_null(w);
	else
		fz_write_money(w, m->fines);
	fz_write_key_int(w, "not_inspected", m->not_inspected);
	fz_write_key_int(w, "overdue", m->overdue);
	fz_write_key_int(w, "team_changed", m->team_changed);
	fz_write_key_int(w, "not_drawn", m->not_drawn);
	fz_write_key_int(w, "publication_due", m->publication_due);
	fz_write_key_int(w, "publication_late", m->publication_late);
	fz_write_key_int(w, "published_on_time", m->published_on_time);
	fz_write_key_int(w, "published_late", m->published_late);
	put_outcomes(w, r);
	fz_write_map_end(w);
}

/* An inspection whose result is to be published, in a line. */
static void
put_due(fz_writer *w, const fz_results *r, const char *key,
    fz_results_visit *const *v, size_t n)
{
	fz_write_key(w, key);
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < n; i++) {
		fz_write_map_begin(w, 1);
		put_str(w, "entity", v[i]->entity);
		put_str(w, "name", r->d->selections[v[i]->selection].name);
		put_date(w, "date", v[i]->date);
		put_date(w, "publish_by", v[i]->publish_by);
		if (v[i]->published != FZ_NODATE)
			put_date(w, "published", v[i]->published);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

/* The draw followed, and the limits applied. */
static void
put_head(fz_writer *w, const fz_results *r)
{
	const fz_results_draw *d = r->d;

	put_str(w, "kind", "results");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	put_str(w, "task", d->task);
	put_str(w, "seed", d->seed);
	put_str(w, "hash", fz_hash_name(d->hash));
	put_date(w, "date", d->date);
	/* Not "organization": a template renders the results inside the
	 * context of the organization document, whose name it would hide. */
	put_str(w, "organ", r->organization);
	if (d->digest[0] != '\0')
		put_str(w, "digest", d->digest);
	put_date(w, "as_of", r->o.as_of);
	fz_write_key_int(w, "inspect_within_days", r->within);
	put_date(w, "inspect_by", r->inspect_by);
	fz_write_key_int(w, "publish_within_days", FZ_RESULTS_DEFAULT_DAYS);
	fz_write_key(w, "inputs");
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "inspections", (long long)r->ninspections);
	fz_write_key_int(w, "cases", (long long)r->ncases);
	fz_write_map_end(w);
}

int
fz_results_write(fz_results *r, fz_writer *w)
{
	fz_results_visit *const *v;
	size_t n;

	fz_results_finish(r);
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	put_head(w, r);
	put_summary(w, r);
	fz_write_key(w, "selections");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < r->d->nselections; i++)
		put_selection(w, r, &r->sels[i]);
	fz_write_seq_end(w);
	fz_write_key(w, "not_drawn");
	fz_write_seq_begin(w, 0);
	n = fz_results_not_drawn(r, &v);
	for (size_t i = 0; i < n; i++)
		put_visit(w, r, v[i], 0);
	fz_write_seq_end(w);
	fz_write_key(w, "publication");
	fz_write_map_begin(w, 0);
	n = fz_results_due(r, FZ_RESULTS_DUE, &v);
	put_due(w, r, "due", v, n);
	n = fz_results_due(r, FZ_RESULTS_LATE, &v);
	put_due(w, r, "late", v, n);
	n = fz_results_due(r, FZ_RESULTS_PUBLISHED_LATE, &v);
	put_due(w, r, "published_late", v, n);
	fz_write_map_end(w);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
