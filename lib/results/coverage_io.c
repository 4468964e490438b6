/* coverage_io.c - the coverage document (fazhi-results(1) --coverage):
 * the year, the inputs, per item its counts, the share reached as an
 * exact fraction, its classes and its entities never drawn; the entities
 * past their cap.  Lists are in the item list's and the directory's
 * order, so the same inputs give the same bytes. */
#include <stdio.h>
#include <string.h>

#include "results_int.h"

/* num/den as the decimal it was written as: 25/100 is 0.25. */
static void
put_ratio(fz_writer *w, const char *key, fz_ratio r)
{
	char buf[64], frac[FZ_RATIO_DIGITS + 1];
	int digits = 0;
	uint64_t f = r.num % r.den;

	for (uint64_t d = r.den; d > 1 && digits < FZ_RATIO_DIGITS; d /= 10)
		digits++;
	/* The decimals with their leading zeros, written digit by digit. */
	frac[digits] = '\0';
	for (int i = digits; i > 0; i--, f /= 10)
		frac[i - 1] = (char)('0' + f % 10);
	if (digits == 0)
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)r.num);
	else
		snprintf(buf, sizeof buf, "%llu.%s",
		    (unsigned long long)(r.num / r.den), frac);
	fz_write_key(w, key);
	fz_write_plain(w, buf);
}

/* A share as inspected/population, exactly. */
static void
put_reached(fz_writer *w, const fz_results_coverage_count *n)
{
	char buf[48];

	snprintf(buf, sizeof buf, "%lld/%lld", n->inspected, n->population);
	fz_write_key(w, "reached");
	fz_write_str(w, buf);
}

static void
put_counts(fz_writer *w, const fz_results_coverage_count *n)
{
	fz_write_key_int(w, "population", n->population);
	if (n->ratio.den != 0)
		put_ratio(w, "ratio", n->ratio);
	if (n->ratio.den != 0 || n->needed > 0)
		fz_write_key_int(w, "needed", n->needed);
	fz_write_key_int(w, "drawn", n->drawn);
	fz_write_key_int(w, "inspected", n->inspected);
	put_reached(w, n);
}

static void
put_class(fz_writer *w, const fz_results__cov_class *c)
{
	fz_write_map_begin(w, 1);
	fz_write_key(w, "class");
	if (c->klass != NULL)
		fz_write_str(w, c->klass);
	else
		fz_write_null(w);
	put_counts(w, &c->n);
	if (c->n.ratio.den != 0) {
		fz_write_key(w, "short");
		fz_write_bool(w, c->n.short_);
	}
	fz_write_map_end(w);
}

static void
put_item(fz_writer *w, const fz_results__cov_item *ci)
{
	const fz_item *it = &ci->it;

	fz_write_map_begin(w, 0);
	fz_write_key(w, "code");
	fz_write_str(w, it->code);
	fz_write_key(w, "name");
	fz_write_str(w, it->name);
	fz_write_key(w, "times");
	fz_write_int(w, it->times);
	put_counts(w, &ci->n);
	fz_write_key_int(w, "rounds", ci->rounds);
	fz_write_key(w, "short");
	fz_write_bool(w, ci->short_);
	if (ci->nclasses > 0) {
		fz_write_key(w, "by_class");
		fz_write_seq_begin(w, 0);
		for (size_t j = 0; j < ci->nclasses; j++)
			put_class(w, &ci->classes[j]);
		fz_write_seq_end(w);
	}
	fz_write_key(w, "never_drawn");
	fz_write_strs(w, ci->never, ci->nnever);
	fz_write_map_end(w);
}

static void
put_head(fz_writer *w, const fz_results_coverage *cv)
{
	fz_write_key(w, "kind");
	fz_write_plain(w, "coverage");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	fz_write_key_int(w, "year", cv->year);
	fz_write_key(w, "inputs");
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "items", (long long)cv->nitems);
	fz_write_key_int(w, "draws", (long long)cv->ndraws);
	fz_write_key_int(w, "entities", cv->nentities);
	fz_write_key_int(w, "credit", cv->ncredit);
	fz_write_key_int(w, "inspections", cv->ninspections);
	fz_write_key_int(w, "plans", cv->nplans);
	fz_write_map_end(w);
	fz_write_key(w, "summary");
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "items", (long long)cv->nitems);
	fz_write_key_int(w, "short", (long long)cv->nshort);
	fz_write_key_int(w, "over_cap", (long long)cv->nover);
	fz_write_map_end(w);
}

static void
put_over(fz_writer *w, const fz_results__cov_over *o)
{
	fz_write_map_begin(w, 1);
	fz_write_key(w, "entity");
	fz_write_str(w, o->entity);
	if (o->name != NULL) {
		fz_write_key(w, "name");
		fz_write_str(w, o->name);
	}
	fz_write_key_int(w, "checks", o->checks);
	fz_write_key_int(w, "cap", o->cap);
	fz_write_key(w, "cap_of");
	fz_write_str(w, o->by != NULL ? o->by : "plan");
	fz_write_map_end(w);
}

int
fz_results__coverage_write(fz_results_coverage *cv, fz_writer *w)
{
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	put_head(w, cv);
	fz_write_key(w, "items");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < cv->nitems; i++)
		put_item(w, cv->items[i]);
	fz_write_seq_end(w);
	fz_write_key(w, "checks");
	fz_write_map_begin(w, 0);
	if (cv->plan_cap > 0)
		fz_write_key_int(w, "plan_cap", cv->plan_cap);
	fz_write_key(w, "over_cap");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < cv->nover; i++)
		put_over(w, &cv->over[i]);
	fz_write_seq_end(w);
	fz_write_map_end(w);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
