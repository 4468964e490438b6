/* tally_figures.c - the case figures of a tally (行政处罚法 2021 and
 * the bureau's plan: major cases recorded on video, general cases
 * decided within half the limit, 首违不罚, hearings, service, review,
 * reconsideration and litigation), and the keys of a case a tally keeps
 * for them: copied from the decoded case, written with --mergeable as
 * a cases record, and read back through the record decoder, so that a
 * merge counts exactly what one run over the records counts. */
#include <stddef.h>
#include <string.h>

#include "cases/cases.h"
#include "tally_int.h"

/* The keys of a case the figures read, in the order written. */
static const char *const kept[] = { "filed", "closed", "decided",
	"legal_review", "published", "extended_days", "fine", "procedure",
	"major", "supervised", "review_required", "av_recorded",
	"served_on_spot", "not_punished", "served", "hearing", "transferred",
	"reconsideration", "litigation", "penalty", NULL };

static size_t
leaf_size(enum fz_type t)
{
	switch (t) {
	case FZ_T_DATE:		return sizeof(fz_date);
	case FZ_T_INT:		return sizeof(long long);
	case FZ_T_MONEY:	return sizeof(int64_t);
	default:		return sizeof(int);
	}
}

/* Copy (cmp 0) the values of fields, at base, from src into dst, or
 * compare them (cmp 1): 0 when equal. */
static int
walk(const fz_field *f, size_t base, void *dst, const void *src, int cmp)
{
	size_t off = base + f->offset;
	int d = 0;

	if (f->type == FZ_T_MAP) {
		for (const fz_field *k = f->fields; k->key != NULL && !d; k++)
			d = walk(k, off, dst, src, cmp);
		return d;
	}
	if (cmp)
		return memcmp((char *)dst + off, (const char *)src + off,
		    leaf_size(f->type)) != 0;
	memcpy((char *)dst + off, (const char *)src + off, leaf_size(f->type));
	return 0;
}

void
fz_tally__case_copy(fz_case *dst, const fz_case *src)
{
	memset(dst, 0, sizeof *dst);
	dst->id = src->id;
	for (size_t i = 0; kept[i] != NULL; i++)
		walk(fz_field_find(FZ_KIND_CASES, kept[i]), 0, dst, src, 0);
}

int
fz_tally__case_same(const fz_case *a, const fz_case *b)
{
	for (size_t i = 0; kept[i] != NULL; i++)
		if (walk(fz_field_find(FZ_KIND_CASES, kept[i]), 0, (void *)a, b,
		    1))
			return 0;
	return 1;
}

/* 1 when a mapping (a reconsideration, a litigation) at p says
 * something: a leaf given, or a bool true.  A false bool alone is the
 * default decoding gives a null, so null is written for it. */
static int
any_leaf(const fz_field *f, const char *p)
{
	for (const fz_field *k = f->fields; k->key != NULL; k++) {
		const void *v = p + k->offset;

		if (k->type == FZ_T_DATE ? *(const fz_date *)v != FZ_NODATE :
		    k->type == FZ_T_BOOL ? *(const int *)v == 1 :
		    *(const int *)v >= 0)
			return 1;
	}
	return 0;
}

/* A list of values (a mask of their bits), as the record gives it;
 * none given: null. */
static void
write_enums(fz_writer *w, const fz_field *f, unsigned mask)
{
	if (mask == 0) {
		fz_write_null(w);
		return;
	}
	fz_write_seq_begin(w, 1);
	for (int i = 0; f->values[i].value != NULL; i++)
		if (mask & 1u << i)
			fz_write_str(w, f->values[i].value);
	fz_write_seq_end(w);
}

/* One value of field f of the case at p; absent: null, or nothing when
 * skip (inside a mapping). */
static void
write_value(fz_writer *w, const fz_field *f, const char *p, int skip)
{
	const void *v = p + f->offset;
	int i = *(const int *)v;

	if (f->type == FZ_T_MAP) {
		fz_write_key(w, f->key);
		if (!any_leaf(f, v)) {
			fz_write_null(w);
			return;
		}
		fz_write_map_begin(w, 1);
		for (const fz_field *k = f->fields; k->key != NULL; k++)
			write_value(w, k, v, 1);
		fz_write_map_end(w);
		return;
	}
	if (skip && (f->type == FZ_T_DATE ? *(const fz_date *)v == FZ_NODATE :
	    i < 0))
		return;
	fz_write_key(w, f->key);
	if (f->type == FZ_T_ENUMS)
		write_enums(w, f, *(const unsigned *)v);
	else if (f->type == FZ_T_DATE)
		fz_write_date(w, *(const fz_date *)v);
	else if (f->type == FZ_T_INT)
		fz_write_int(w, *(const long long *)v);
	else if (f->type == FZ_T_MONEY && *(const int64_t *)v == FZ_NOMONEY)
		fz_write_null(w);
	else if (f->type == FZ_T_MONEY)
		fz_write_money(w, *(const int64_t *)v);
	else if (i < 0)
		fz_write_null(w);
	else if (f->type == FZ_T_BOOL)
		fz_write_bool(w, i);
	else
		fz_write_str(w, f->values[i].value);
}

void
fz_tally__case_write(fz_writer *w, const fz_case *k)
{
	for (size_t i = 0; kept[i] != NULL; i++)
		write_value(w, fz_field_find(FZ_KIND_CASES, kept[i]),
		    (const char *)k, 0);
}

int
fz_tally__case_read(fz_node *cn, fz_case *out, fz_error *err)
{
	fz_case k;
	int rc;

	/* Written before the case figures: they would be counted as 0. */
	if (fz_node_get(cn, "procedure") == NULL)
		return fz_error_set(err, FZ_DATAERR, cn->file, cn->line,
		    cn->col, "a merged case needs procedure: the tally was "
		    "written before the case figures, merging it would not "
		    "be exact");
	/* Written before the penalty figures: likewise. */
	if (fz_node_get(cn, "penalty") == NULL)
		return fz_error_set(err, FZ_DATAERR, cn->file, cn->line,
		    cn->col, "a merged case needs penalty (null when none): "
		    "the tally was written before the penalty figures, "
		    "merging it would not be exact");
	if ((rc = fz_record_decode(FZ_KIND_CASES, cn, &k, NULL, err)) !=
	    FZ_OK)
		return rc;
	fz_tally__case_copy(out, &k);
	return FZ_OK;
}

#define FIG(field, date, cond) do { \
	if ((cond) && (date) != FZ_NODATE) \
		hit[n++] = (struct fz_tally__hit){ (date), \
		    offsetof(fz_tally_counts, field), 1 }; \
} while (0)

/* The figures of the decision (counted in the period of decided). */
static size_t
decision_hits(const fz_calendar *cal, const fz_case *k,
    struct fz_tally__hit *hit, size_t n)
{
	fz_date d = k->decided;
	int general = k->procedure == FZ_PROCEDURE_GENERAL &&
	    d != FZ_NODATE && d >= k->filed;

	FIG(simple_procedure, d, k->procedure == FZ_PROCEDURE_SIMPLE);
	FIG(general_decided, d, general);
	FIG(general_within_half, d, fz_cases_within_half(k));
	if (general)
		hit[n++] = (struct fz_tally__hit){ d,
		    offsetof(fz_tally_counts, decision_days), d - k->filed };
	FIG(not_punished_minor, d, k->not_punished == FZ_NOT_PUNISHED_MINOR);
	FIG(not_punished_first_offense, d,
	    k->not_punished == FZ_NOT_PUNISHED_FIRST_OFFENSE);
	FIG(not_punished_no_fault, d,
	    k->not_punished == FZ_NOT_PUNISHED_NO_FAULT);
	FIG(served_on_time, d, fz_cases_served_on_time(cal, k));
	FIG(reviewed_required, d, fz_cases_reviewed_required(k));
	return n;
}

/* The penalties (counted in the period of the decision): the case once,
 * and once under its heaviest penalty. */
static size_t
penalty_hits(const fz_case *k, struct fz_tally__hit *hit, size_t n)
{
	fz_date d = fz_cases_decision_of(k);
	int h = fz_cases_heaviest_penalty(k->penalty);

	FIG(penalized, d, h >= 0);
	FIG(penalty_revocation, d, h == FZ_PENALTY_REVOCATION);
	FIG(penalty_suspension, d, h == FZ_PENALTY_SUSPENSION);
	FIG(penalty_confiscation, d, h == FZ_PENALTY_CONFISCATION);
	FIG(penalty_fine, d, h == FZ_PENALTY_FINE);
	FIG(penalty_warning, d, h == FZ_PENALTY_WARNING);
	return n;
}

size_t
fz_tally__case_hits(const fz_calendar *cal, const fz_case *k,
    struct fz_tally__hit hit[FZ_TALLY__MAXHITS])
{
	const fz_reconsideration *rc = &k->reconsideration;
	const fz_litigation *lit = &k->litigation;
	int ms = k->major == 1 || k->supervised == 1;
	size_t n = 0;

	FIG(major, k->filed, k->major == 1);
	FIG(major_supervised, k->filed, ms);
	FIG(major_av_recorded, k->filed, ms && k->av_recorded == 1);
	n = decision_hits(cal, k, hit, n);
	FIG(hearings, k->hearing, 1);
	FIG(transferred, k->transferred, 1);
	FIG(reconsiderations, rc->applied, 1);
	FIG(reconsiderations_corrected, rc->decided,
	    fz_cases_corrected(rc->result));
	FIG(litigations, lit->filed, 1);
	FIG(leader_appeared, lit->filed, lit->leader_appeared == 1);
	FIG(litigations_lost, lit->judged, lit->result == FZ_LITIGATION_LOST);
	return penalty_hits(k, hit, n);
}
