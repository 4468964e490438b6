/* tally_fixture.c - records built by hand and tallies over them, for the
 * tests of the tally. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tally_fixture.h"

static void
put_str(fz_node *rec, const char *key, const char *value)
{
	if (value != NULL)
		fz_node_put(fx_arena, rec, key, fx_plain(fx_arena, value));
}

static fz_node *
split_list(const char *csv)
{
	fz_node *l = fz_node_seq(fx_arena);
	const char *p = csv, *comma;

	do {
		comma = strchr(p, ',');
		fz_node_push(fx_arena, l, fz_node_scalar(fx_arena, p,
		    comma ? (size_t)(comma - p) : strlen(p)));
		p = comma + 1;
	} while (comma != NULL);
	return l;
}

void
add_visit(fz_tally *t, const struct visit *v)
{
	add_visit_from(t, v, NULL);
}

void
add_visit_from(fz_tally *t, const struct visit *v, const char *reported_by)
{
	static const char *const results[] = { "ok", "violation", "banned" };
	fz_node *rec = fz_node_map(fx_arena);
	fz_inspection in = { 0 };

	put_str(rec, "date", v->date);
	put_str(rec, "entity", v->entity);
	put_str(rec, "town", v->town);
	put_str(rec, "category", v->category);
	in.inspectors = split_list(v->inspectors);
	fz_node_put(fx_arena, rec, "inspectors", (fz_node *)in.inspectors);
	put_str(rec, "outing", v->outing);
	put_str(rec, "result", results[v->result]);
	in.date = fx_date(v->date);
	in.entity = v->entity;
	in.town = v->town;
	in.category = v->category;
	in.outing = v->outing;
	in.type = FZ_VISIT_ROUTINE;
	in.result = v->result;
	in.leader_led = v->leader_led;
	put_str(rec, "reported_by", reported_by);
	in.reported_by = reported_by != NULL &&
	    strcmp(reported_by, "town") == 0 ? FZ_REPORTED_TOWN :
	    FZ_REPORTED_BUREAU;
	fz_tally_add_inspection(t, &in, rec);
}

/* The record rec decoded as a case, then added to t. */
static int
add_record(fz_tally *t, fz_node *rec, fz_error *err)
{
	fz_case c;
	int rc = fz_record_decode(FZ_KIND_CASES, rec, &c, NULL, err);

	return rc != FZ_OK ? rc : fz_tally_add_case(t, &c, rec, err);
}

int
try_case(fz_tally *t, const struct kase *k, fz_error *err)
{
	fz_node *rec = fz_node_map(fx_arena);
	char days[32], fine[32];

	snprintf(days, sizeof days, "%lld", k->extended_days);
	put_str(rec, "id", k->id);
	put_str(rec, "town", k->town);
	put_str(rec, "filed", k->filed);
	put_str(rec, "closed", k->closed);
	put_str(rec, "decided", k->decided);
	put_str(rec, "legal_review", k->legal_review);
	put_str(rec, "published", k->published);
	put_str(rec, "extended_days", days);
	if (k->fine != NOFINE)
		put_str(rec, "fine", fz_money_format(k->fine, fine));
	return add_record(t, rec, err);
}

void
add_case_yaml(fz_tally *t, const char *yaml)
{
	fz_error err = { 0 };
	fz_node *rec = fx_parse(fx_arena, yaml);

	if (rec == NULL || add_record(t, rec, &err) != FZ_OK)
		fail_msg("%s: %s", yaml, err.msg);
}

void
add_case(fz_tally *t, const struct kase *k)
{
	fz_error err = { 0 };

	if (try_case(t, k, &err) != FZ_OK)
		fail_msg("%s", err.msg);
}

/* A tally by the NULL-terminated keys. */
fz_tally *
tally_by(const char *key, ...)
{
	char *by[8];
	int n = 0;
	va_list ap;
	fz_error err = { 0 };
	fz_tally *t;

	va_start(ap, key);
	for (; key != NULL; key = va_arg(ap, const char *))
		by[n++] = (char *)key;
	va_end(ap);
	t = fz_tally_new(by, n, &err);
	if (t == NULL)
		fail_msg("%s", err.msg);
	return t;
}

/* The counts of the row whose keys are the given ones (NULL for null),
 * after checking that it is row i in output order. */
const fz_tally_counts *
row(fz_tally *t, size_t i, int nby, ...)
{
	const char *const *keys;
	const fz_tally_counts *c;
	va_list ap;

	fz_tally_finish(t);
	assert_true(i < fz_tally_nrows(t));
	c = fz_tally_row(t, i, &keys);
	va_start(ap, nby);
	for (int k = 0; k < nby; k++) {
		const char *want = va_arg(ap, const char *);

		if (want == NULL)
			assert_null(keys[k]);
		else if (keys[k] == NULL)
			fail_msg("row %zu key %d is null, not %s", i, k, want);
		else
			assert_string_equal(keys[k], want);
	}
	va_end(ap);
	return c;
}

/* The number of rows, once finished (cases make rows of their own). */
size_t
nrows(fz_tally *t)
{
	fz_tally_finish(t);
	return fz_tally_nrows(t);
}

const fz_tally_counts *
totals(fz_tally *t)
{
	fz_tally_finish(t);
	return fz_tally_totals(t);
}

void
assert_indicators(const fz_tally_counts *c, int first, int n, ...)
{
	const long long got[] = { c->visits, c->units, c->person_times,
		c->outings, c->violations, c->banned, c->leader_led, c->filed,
		c->closed, c->open, c->closed_on_time, c->overdue, c->reviewed,
		c->published_on_time };
	va_list ap;

	va_start(ap, n);
	for (int i = first; i < first + n; i++) {
		int want = va_arg(ap, int);

		if (got[i] != want)
			fail_msg("%s is %lld, not %d", fz_tally_indicators[i],
			    got[i], want);
	}
	va_end(ap);
}

/* Five visits: two in outing O1 (inspectors P1, P2, P3 between them), a
 * solo visit with P2 named twice, a solo visit without a town, and a
 * visit of outing O2; E1 is visited three times. */
const struct visit five[5] = {
	{ "2019-03-05", "E1", "城关镇", "P1,P2", "O1", FZ_RESULT_OK, 0, "网吧" },
	{ "2019-03-05", "E2", "城关镇", "P1,P3", "O1", FZ_RESULT_VIOLATION, 1,
	    "网吧" },
	{ "2019-03-06", "E1", "新桥镇", "P2,P2", NULL, FZ_RESULT_BANNED, 0,
	    NULL },
	{ "2019-04-01", "E3", NULL, "P4", NULL, FZ_RESULT_OK, 0, "书店" },
	{ "2019-04-02", "E1", "城关镇", "P1", "O2", FZ_RESULT_OK, 0, "网吧" },
};

fz_tally *
five_by(fz_tally *t)
{
	for (size_t i = 0; i < 5; i++)
		add_visit(t, &five[i]);
	return t;
}

fz_calendar *
national_day(void)
{
	fz_calendar *cal = fz_calendar_new();
	fz_error err = { 0 };

	assert_int_equal(fz_calendar_add_doc(cal, fx_parse(fx_arena,
	    "kind: calendar\n"
	    "holidays: [2019-10-01, 2019-10-02, 2019-10-03, 2019-10-04, "
	    "2019-10-05, 2019-10-06, 2019-10-07]\n"
	    "workdays: [2019-09-29, 2019-10-12]\n"), &err), FZ_OK);
	return cal;
}

void
write_plain(fz_writer *w, void *ctx)
{
	assert_int_equal(fz_tally_write(ctx, w, 0), 0);
}

void
write_mergeable(fz_writer *w, void *ctx)
{
	assert_int_equal(fz_tally_write(ctx, w, 1), 0);
}

int
add_register(fz_tally *t, enum fz_kind k, const char *records, fz_error *err)
{
	char yaml[4096];
	fz_node *doc, *list;
	int rc = FZ_OK;

	snprintf(yaml, sizeof yaml, "kind: %s\nrecords:\n%s", fz_kind_name(k),
	    records);
	doc = fx_parse(fx_arena, yaml);
	list = fz_node_get(doc, "records");
	for (size_t i = 0; i < list->n && rc == FZ_OK; i++) {
		fx_record r;

		assert_int_equal(fz_record_decode(k, list->kids[i], &r, NULL,
		    err), FZ_OK);
		rc = k == FZ_KIND_COMPLAINTS ? fz_tally_add_complaint(t, &r.q,
		    list->kids[i], err) : k == FZ_KIND_DOCUMENTS ?
		    fz_tally_add_document(t, &r.d, list->kids[i], err) :
		    fz_tally_add_activity(t, &r.ac, list->kids[i], err);
	}
	return rc;
}

char *
section_of(fz_tally *t, int mergeable, const char *start)
{
	char *text = fx_written(mergeable ? write_mergeable : write_plain, t,
	    NULL);
	char *at = strstr(text, start);
	char *end = at != NULL ? strstr(at, "\nmergeable:") : NULL;
	char *out;

	assert_non_null(at);
	if (end != NULL)
		*end = '\0';
	out = strdup(at);
	free(text);
	return out;
}
