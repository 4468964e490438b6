/* test_metrics.c - the approval metrics over plain structs: every count
 * and rate, exempt matters, empty and partial catalogues, the
 * cross-reference errors with their positions, the events taken,
 * --where and --by. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

/* 2019-01-07 is a Monday. */
#define MON fz_date_make(2019, 1, 7)

static fz_matter
matter(const char *code, int level, const char *parent, int type)
{
	fz_matter m;

	memset(&m, 0, sizeof m);
	m.code = code;
	m.name = code;
	m.level = level;
	m.parent = parent;
	m.type = type;
	m.online = m.mobile = m.zero_trip = -1;
	m.instant = 0;
	m.statutory_days = m.promised_days = FZ_NOINT;
	m.materials = m.e_materials = FZ_NOINT;
	return m;
}

static fz_matter
leaf(const char *code)
{
	return matter(code, FZ_LEVEL_ITEM, NULL, FZ_MT_LICENSING);
}

static fz_application
app(const char *matter_code, fz_date received, fz_date completed)
{
	fz_application a;

	memset(&a, 0, sizeof a);
	a.id = "A1";
	a.matter = matter_code;
	a.received = received;
	a.completed = completed;
	a.channel = FZ_CHANNEL_WINDOW;
	a.trips = 1;
	a.satisfaction = FZ_NOINT;
	return a;
}

static void
add_matter(fz_metrics *m, fz_matter mt)
{
	fz_error err = { 0 };

	assert_int_equal(fz_metrics_add_matter(m, &mt, NULL, &err), FZ_OK);
}

static void
add_app(fz_metrics *m, fz_application a)
{
	fz_error err = { 0 };

	assert_int_equal(fz_metrics_add_application(m, &a, NULL, &err),
	    FZ_OK);
}

static fz_metrics_figures
total(fz_metrics *m)
{
	fz_metrics_figures f;
	fz_error err = { 0 };

	assert_int_equal(fz_metrics_check(m, &err), FZ_OK);
	fz_metrics_total(m, &f);
	return f;
}

static void
assert_rate(const fz_metrics_figures *f, enum fz_metrics_rate_id r, long long num,
    long long den)
{
	assert_int_equal(f->rates[r].num, num);
	assert_int_equal(f->rates[r].den, den);
}

static const char *
fmt(long long num, long long den)
{
	static char buf[32];
	fz_metrics_fraction f = { num, den };

	return fz_metrics_fraction_format(f, buf);
}

static void
test_fraction_format(void **state)
{
	(void)state;
	assert_string_equal(fmt(1, 1), "1");
	assert_string_equal(fmt(913, 913), "1");
	assert_string_equal(fmt(0, 5), "0");
	assert_string_equal(fmt(0, 0), "null");
	assert_string_equal(fmt(7, 0), "null");
	assert_string_equal(fmt(2, 3), "0.6667");
	assert_string_equal(fmt(1, 3), "0.3333");
	assert_string_equal(fmt(1, 8), "0.125");
	assert_string_equal(fmt(5, 2), "2.5");
	assert_string_equal(fmt(10, 1), "10");
	assert_string_equal(fmt(99995, 100000), "1");
	assert_string_equal(fmt(99994, 100000), "0.9999");
	assert_string_equal(fmt(1, 20000), "0.0001");
	assert_string_equal(fmt(1, 20001), "0");
	assert_string_equal(fmt(798, 913), "0.874");
	assert_string_equal(fmt(3000000000000LL, 7), "428571428571.4286");
}

static void
test_rate_names(void **state)
{
	(void)state;
	assert_string_equal(fz_metrics_rate_key(FZ_RATE_ONLINE), "online_rate");
	assert_string_equal(fz_metrics_rate_label(FZ_RATE_ONLINE), "网上办实现率");
	assert_string_equal(fz_metrics_rate_key(FZ_RATE_ONLINE_COMPLETION),
	    "online_completion_rate");
	assert_string_equal(fz_metrics_rate_label(FZ_RATE_E_LICENSE),
	    "办理结果提供电子证照实现率");
	assert_string_equal(fz_metrics_rate_key(FZ_RATE_SATISFACTION), "satisfaction");
	assert_int_equal(fz_metrics_by_parse("matter"), FZ_BY_MATTER);
	assert_int_equal(fz_metrics_by_parse("type"), FZ_BY_TYPE);
	assert_int_equal(fz_metrics_by_parse("office"), FZ_BY_OFFICE);
	assert_int_equal(fz_metrics_by_parse("town"), -1);
}

/* I1 has subs S1 (with leaves L1, L2) and S2; I2 stands alone. */
static fz_metrics *
tree(void)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);

	add_matter(m, matter("I1", FZ_LEVEL_ITEM, NULL, FZ_MT_LICENSING));
	add_matter(m, matter("S1", FZ_LEVEL_SUB, "I1", FZ_MT_LICENSING));
	add_matter(m, matter("L1", FZ_LEVEL_LEAF, "S1", FZ_MT_FILING));
	add_matter(m, matter("L2", FZ_LEVEL_LEAF, "S1", FZ_MT_AWARD));
	add_matter(m, matter("S2", FZ_LEVEL_SUB, "I1", FZ_MT_RELAY));
	add_matter(m, matter("I2", FZ_LEVEL_ITEM, NULL,
	    FZ_MT_PUBLIC_SERVICE));
	return m;
}

static void
test_catalogue_counts(void **state)
{
	fz_metrics *m = tree();
	fz_metrics_figures f = total(m);

	(void)state;
	assert_int_equal(f.matters, 6);
	assert_int_equal(f.counted, 4);
	assert_int_equal(f.by_level[FZ_LEVEL_ITEM], 2);
	assert_int_equal(f.by_level[FZ_LEVEL_SUB], 2);
	assert_int_equal(f.by_level[FZ_LEVEL_LEAF], 2);
	/* Headings I1 and S1 are licensing but not counted. */
	assert_int_equal(f.by_type[FZ_MT_LICENSING], 0);
	assert_int_equal(f.by_type[FZ_MT_FILING], 1);
	assert_int_equal(f.by_type[FZ_MT_AWARD], 1);
	assert_int_equal(f.by_type[FZ_MT_RELAY], 1);
	assert_int_equal(f.by_type[FZ_MT_PUBLIC_SERVICE], 1);
	/* Every counted matter is in the instant rate's denominator. */
	assert_rate(&f, FZ_RATE_INSTANT, 0, 4);
	assert_non_null(fz_metrics_matter(m, "L2"));
	assert_null(fz_metrics_matter(m, "L3"));
	fz_metrics_free(m);
}

static void
test_flags_exempt(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A"), b = leaf("B"), c = leaf("C"), d = leaf("D");
	fz_matter h = leaf("H"), k = matter("K", FZ_LEVEL_SUB, "H",
	    FZ_MT_LICENSING);
	fz_metrics_figures f;

	(void)state;
	a.online = 1, b.online = 0, c.online = FZ_EXEMPT;	/* d absent */
	a.mobile = FZ_EXEMPT, b.mobile = FZ_EXEMPT, c.mobile = FZ_EXEMPT;
	d.mobile = FZ_EXEMPT;
	a.zero_trip = 1, b.zero_trip = 1, c.zero_trip = 1, d.zero_trip = 0;
	/* A heading's flags count for nothing. */
	h.online = 1, h.zero_trip = 1;
	k.online = 1, k.mobile = 1, k.zero_trip = 1;
	add_matter(m, a), add_matter(m, b), add_matter(m, c);
	add_matter(m, d), add_matter(m, h), add_matter(m, k);
	f = total(m);
	assert_int_equal(f.counted, 5);
	assert_rate(&f, FZ_RATE_ONLINE, 2, 4);
	assert_rate(&f, FZ_RATE_MOBILE, 1, 1);
	assert_rate(&f, FZ_RATE_ZERO_TRIP, 4, 5);
	fz_metrics_free(m);
}

static void
test_instant_and_compression(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A"), b = leaf("B"), c = leaf("C"), d = leaf("D");
	fz_metrics_figures f;

	(void)state;
	a.instant = 1, a.statutory_days = 20, a.promised_days = 0;
	b.statutory_days = 20, b.promised_days = 5;
	c.statutory_days = 10, c.promised_days = 10;
	/* absent instant, promised 0: instant (FORMATS.md) */
	d.instant = -1, d.promised_days = 0;
	add_matter(m, a), add_matter(m, b), add_matter(m, c), add_matter(m, d);
	f = total(m);
	assert_rate(&f, FZ_RATE_INSTANT, 2, 4);
	/* d has no statutory_days: left out. (20 + 15 + 0) / 50 */
	assert_rate(&f, FZ_RATE_TIME_COMPRESSION, 35, 50);
	fz_metrics_free(m);
}

static void
test_materials_and_licences(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A"), b = leaf("B"), c = leaf("C"), d = leaf("D");
	fz_metrics_figures f;

	(void)state;
	a.materials = 4, a.e_materials = 4, a.license = 1, a.e_license = 1;
	b.materials = 2, b.license = 1;	/* no e_materials: none electronic */
	c.e_materials = 3, c.e_license = 1;	/* no materials, no licence */
	d.materials = 0, d.e_materials = 0, d.license = 1, d.e_license = 1;
	add_matter(m, a), add_matter(m, b), add_matter(m, c), add_matter(m, d);
	f = total(m);
	assert_rate(&f, FZ_RATE_E_MATERIAL, 4, 6);
	assert_rate(&f, FZ_RATE_E_LICENSE, 2, 3);
	fz_metrics_free(m);
}

static void
test_empty_catalogue(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_metrics_figures f = total(m);
	char buf[32];

	(void)state;
	assert_int_equal(f.matters, 0);
	assert_int_equal(f.counted, 0);
	assert_int_equal(f.completed, 0);
	for (int r = 0; r < FZ_RATE_COUNT; r++) {
		assert_int_equal(f.rates[r].den, 0);
		assert_string_equal(fz_metrics_fraction_format(f.rates[r], buf), "null");
	}
	fz_metrics_free(m);
}

/* A partial catalogue: a matter that says nothing but what is required. */
static void
test_partial_catalogue(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_metrics_figures f;

	(void)state;
	add_matter(m, leaf("A"));
	f = total(m);
	assert_int_equal(f.counted, 1);
	assert_rate(&f, FZ_RATE_ONLINE, 0, 1);
	assert_rate(&f, FZ_RATE_MOBILE, 0, 1);
	assert_rate(&f, FZ_RATE_ZERO_TRIP, 0, 1);
	assert_rate(&f, FZ_RATE_INSTANT, 0, 1);
	assert_rate(&f, FZ_RATE_TIME_COMPRESSION, 0, 0);
	assert_rate(&f, FZ_RATE_E_MATERIAL, 0, 0);
	assert_rate(&f, FZ_RATE_E_LICENSE, 0, 0);
	assert_rate(&f, FZ_RATE_ONLINE_COMPLETION, 0, 0);
	fz_metrics_free(m);
}

/* Applications of January 2019 to matters A (promises 2 working days)
 * and B (instant). */
static fz_metrics *
january(void)
{
	fz_metrics *m = fz_metrics_new(NULL, fz_date_make(2019, 1, 1),
	    fz_date_make(2019, 1, 31));
	fz_matter a = leaf("A"), b = leaf("B");
	fz_application x;

	a.promised_days = 2;
	b.instant = 1;
	add_matter(m, a);
	add_matter(m, b);
	/* Monday to Wednesday: 2 working days, on time. */
	x = app("A", MON, MON + 2);
	x.channel = FZ_CHANNEL_ONLINE, x.satisfaction = 10;
	add_app(m, x);
	/* Friday to Tuesday: 2 working days, on time. */
	x = app("A", MON + 4, MON + 8);
	x.channel = FZ_CHANNEL_MOBILE, x.action = FZ_ACTION_RENEWAL;
	x.site_survey = 1, x.satisfaction = 9;
	add_app(m, x);
	/* Thursday to Tuesday: 3 working days; the second working day after
	 * Thursday is Monday, so late. */
	x = app("A", MON + 3, MON + 8);
	x.action = FZ_ACTION_CANCELLATION, x.outcome = FZ_OUTCOME_REJECTED;
	add_app(m, x);
	/* Instant, done the same day. */
	add_app(m, app("B", MON, MON));
	/* Instant, done the next day: late. */
	x = app("B", MON, MON + 1);
	x.outcome = FZ_OUTCOME_WITHDRAWN;
	add_app(m, x);
	/* Received in December, completed in January. */
	add_app(m, app("B", fz_date_make(2018, 12, 28), MON));
	/* Received in January, completed in February: pending at the end. */
	add_app(m, app("B", MON, fz_date_make(2019, 2, 1)));
	/* Never completed; received in December: pending. */
	add_app(m, app("A", fz_date_make(2018, 12, 3), FZ_NODATE));
	/* Received in February: nothing in January. */
	add_app(m, app("A", fz_date_make(2019, 2, 4), FZ_NODATE));
	return m;
}

static void
test_applications(void **state)
{
	fz_metrics *m = january();
	fz_metrics_figures f = total(m);
	fz_date from, to;

	(void)state;
	assert_int_equal(f.received, 6);
	assert_int_equal(f.completed, 6);
	assert_int_equal(f.pending, 2);
	assert_int_equal(f.by_action[FZ_ACTION_NEW], 4);
	assert_int_equal(f.by_action[FZ_ACTION_RENEWAL], 1);
	assert_int_equal(f.by_action[FZ_ACTION_CANCELLATION], 1);
	assert_int_equal(f.by_action[FZ_ACTION_CHANGE], 0);
	assert_int_equal(f.by_channel[FZ_CHANNEL_ONLINE], 1);
	assert_int_equal(f.by_channel[FZ_CHANNEL_MOBILE], 1);
	assert_int_equal(f.by_channel[FZ_CHANNEL_WINDOW], 4);
	assert_int_equal(f.by_outcome[FZ_OUTCOME_APPROVED], 4);
	assert_int_equal(f.by_outcome[FZ_OUTCOME_REJECTED], 1);
	assert_int_equal(f.by_outcome[FZ_OUTCOME_WITHDRAWN], 1);
	assert_int_equal(f.site_surveys, 1);
	assert_rate(&f, FZ_RATE_ONLINE_COMPLETION, 2, 6);
	assert_rate(&f, FZ_RATE_SATISFACTION, 19, 2);
	/* Friday 28 December to Monday 7 January is 6 working days without
	 * a calendar (31 December to 4 January, then 7 January). */
	assert_rate(&f, FZ_RATE_MEAN_WORKDAYS, 2 + 2 + 3 + 0 + 1 + 6, 6);
	assert_rate(&f, FZ_RATE_ON_TIME, 3, 6);
	fz_metrics_period(m, &from, &to);
	assert_int_equal(from, fz_date_make(2019, 1, 1));
	assert_int_equal(to, fz_date_make(2019, 1, 31));
	fz_metrics_free(m);
}

/* Without bounds, the period is the data's and nothing is out of it. */
static void
test_open_period(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_metrics_figures f;
	fz_date from, to;

	(void)state;
	add_matter(m, leaf("A"));
	fz_metrics_period(m, &from, &to);
	assert_int_equal(from, FZ_NODATE);
	assert_int_equal(to, FZ_NODATE);
	add_app(m, app("A", MON, MON + 3));
	add_app(m, app("A", MON - 30, FZ_NODATE));
	add_app(m, app("A", MON + 1, MON + 40));
	f = total(m);
	assert_int_equal(f.received, 3);
	assert_int_equal(f.completed, 2);
	assert_int_equal(f.pending, 1);
	/* No promised time: nothing is timed. */
	assert_rate(&f, FZ_RATE_ON_TIME, 0, 0);
	fz_metrics_period(m, &from, &to);
	assert_int_equal(from, MON - 30);
	assert_int_equal(to, MON + 40);
	fz_metrics_free(m);
}

/* A holiday moves the deadline and is not a working day. */
static void
test_calendar(void **state)
{
	fz_calendar *cal = fz_calendar_new();
	fz_arena *a = fz_arena_new();
	fz_node *doc = fz_node_map(a), *hol = fz_node_seq(a);
	fz_error err = { 0 };
	fz_metrics *m;
	fz_matter mt = leaf("A");
	fz_metrics_figures f;

	(void)state;
	fz_node_push(a, hol, fz_node_scalar(a, "2019-01-08", 10));
	fz_node_put(a, doc, "kind", fz_node_scalar(a, "calendar", 8));
	fz_node_put(a, doc, "holidays", hol);
	assert_int_equal(fz_calendar_add_doc(cal, doc, &err), FZ_OK);
	m = fz_metrics_new(cal, FZ_NODATE, FZ_NODATE);
	mt.promised_days = 1;
	add_matter(m, mt);
	/* Monday to Wednesday over a Tuesday holiday: 1 working day. */
	add_app(m, app("A", MON, MON + 2));
	f = total(m);
	assert_rate(&f, FZ_RATE_MEAN_WORKDAYS, 1, 1);
	assert_rate(&f, FZ_RATE_ON_TIME, 1, 1);
	fz_metrics_free(m);
	fz_calendar_free(cal);
	fz_arena_free(a);
}

/* On time is on or before the deadline's date: a Saturday after a
 * Friday deadline is late, a Saturday before a Monday one is not. */
static void
test_on_time_weekend(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A"), b = leaf("B");
	fz_metrics_figures f;

	(void)state;
	a.promised_days = 1;
	b.promised_days = 0;
	add_matter(m, a);
	add_matter(m, b);
	add_app(m, app("A", MON + 3, MON + 5));	/* Thursday to Saturday */
	add_app(m, app("A", MON + 4, MON + 5));	/* Friday to Saturday */
	add_app(m, app("A", MON + 4, MON + 7));	/* Friday to Monday */
	add_app(m, app("A", MON + 4, MON + 8));	/* Friday to Tuesday */
	add_app(m, app("B", MON + 5, MON + 5));	/* Saturday, same day */
	add_app(m, app("B", MON + 5, MON + 6));	/* Saturday to Sunday */
	f = total(m);
	assert_rate(&f, FZ_RATE_ON_TIME, 3, 6);
	assert_rate(&f, FZ_RATE_MEAN_WORKDAYS, 1 + 0 + 1 + 2 + 0 + 0, 6);
	fz_metrics_free(m);
}

/* A record at file:line:col with key nodes positioned one line apart. */
static fz_node *
record(fz_arena *a, unsigned line, const char *const *kv)
{
	fz_node *rec = fz_node_map(a);
	unsigned l = line;

	rec->file = "m.yaml", rec->line = line, rec->col = 5;
	for (; kv[0] != NULL; kv += 2, l++) {
		fz_node *v = fz_node_scalar(a, kv[1], strlen(kv[1]));

		v->file = "m.yaml", v->line = l, v->col = 13;
		fz_node_put(a, rec, kv[0], v);
	}
	return rec;
}

static void
assert_error(const fz_error *err, unsigned line, unsigned col,
    const char *msg)
{
	assert_int_equal(err->status, FZ_DATAERR);
	assert_string_equal(err->file, "m.yaml");
	assert_int_equal(err->line, line);
	assert_int_equal(err->col, col);
	assert_string_equal(err->msg, msg);
}

static void
test_error_parent(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	const char *kv[] = { "code", "S", "parent", "X", NULL };
	fz_matter s = matter("S", FZ_LEVEL_SUB, "X", FZ_MT_FILING);
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_metrics_add_matter(m, &s, record(a, 7, kv), &err),
	    FZ_OK);
	assert_int_equal(fz_metrics_check(m, &err), FZ_DATAERR);
	assert_error(&err, 8, 13, "parent 'X' of matter 'S' does not exist");
	fz_metrics_free(m);
	fz_arena_free(a);
}

/* The events of fazhi-metrics: records added, the catalogue checked at
 * the end, other kinds refused. */
static void
test_take(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	const char *kv[] = { "code", "S", "parent", "X", "name", "分项",
		"level", "sub", "type", "备案", NULL };
	const char *app[] = { "id", "A1", "matter", "S", "received",
		"2019-01-07", NULL };
	fz_event ev = { .type = FZ_EV_RECORD, .kind = FZ_KIND_MATTERS,
		.kind_name = "matters", .file = "m.yaml", .doc_line = 1,
		.doc_col = 1, .arena = a };
	fz_error err = { 0 };

	(void)state;
	ev.node = record(a, 7, kv);
	assert_int_equal(fz_metrics_take(m, &ev, &err), FZ_OK);
	assert_int_equal(fz_metrics_matter(m, "S")->type, FZ_MT_FILING);
	ev.kind = FZ_KIND_APPLICATIONS, ev.kind_name = "applications";
	ev.node = record(a, 20, app);
	assert_int_equal(fz_metrics_take(m, &ev, &err), FZ_OK);
	ev.type = FZ_EV_DOC, ev.kind = FZ_KIND_CASES, ev.kind_name = "cases";
	assert_int_equal(fz_metrics_take(m, &ev, &err), FZ_DATAERR);
	assert_error(&err, 1, 1, "fazhi-metrics reads matters and "
	    "applications, not cases");
	ev.kind = FZ_KIND_NONE, ev.kind_name = NULL;
	assert_int_equal(fz_metrics_take(m, &ev, &err), FZ_DATAERR);
	assert_error(&err, 1, 1, "fazhi-metrics reads matters and "
	    "applications, not a document without kind");
	ev = (fz_event){ .type = FZ_EV_END, .kind = FZ_KIND_NONE };
	assert_int_equal(fz_metrics_take(m, &ev, &err), FZ_DATAERR);
	assert_error(&err, 8, 13, "parent 'X' of matter 'S' does not exist");
	fz_metrics_free(m);
	fz_arena_free(a);
}

static void
test_error_cycle(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	const char *ka[] = { "code", "A", "parent", "C", NULL };
	const char *kb[] = { "code", "B", "parent", "A", NULL };
	const char *kc[] = { "code", "C", "parent", "B", NULL };
	fz_matter ma = matter("A", FZ_LEVEL_ITEM, "C", FZ_MT_FILING);
	fz_matter mb = matter("B", FZ_LEVEL_SUB, "A", FZ_MT_FILING);
	fz_matter mc = matter("C", FZ_LEVEL_LEAF, "B", FZ_MT_FILING);
	fz_error err = { 0 };

	(void)state;
	fz_metrics_add_matter(m, &ma, record(a, 1, ka), &err);
	fz_metrics_add_matter(m, &mb, record(a, 4, kb), &err);
	fz_metrics_add_matter(m, &mc, record(a, 7, kc), &err);
	assert_int_equal(fz_metrics_check(m, &err), FZ_DATAERR);
	assert_error(&err, 2, 13, "cycle in the parent chain of matter 'A'");
	fz_metrics_free(m);
	fz_arena_free(a);
}

static void
test_error_self_parent(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter ok = leaf("O");
	fz_matter s = matter("S", FZ_LEVEL_ITEM, "S", FZ_MT_FILING);
	fz_error err = { 0 };

	(void)state;
	add_matter(m, ok);
	add_matter(m, s);
	assert_int_equal(fz_metrics_check(m, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "cycle in the parent chain of matter 'S'");
	fz_metrics_free(m);
}

static void
test_error_orphans(void **state)
{
	fz_arena *a = fz_arena_new();
	const char *kv[] = { "code", "L", NULL };
	fz_matter sub = matter("S", FZ_LEVEL_SUB, NULL, FZ_MT_FILING);
	fz_matter lf = matter("L", FZ_LEVEL_LEAF, NULL, FZ_MT_FILING);
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_error err = { 0 };

	(void)state;
	fz_metrics_add_matter(m, &lf, record(a, 3, kv), &err);
	assert_int_equal(fz_metrics_check(m, &err), FZ_DATAERR);
	assert_error(&err, 3, 5, "matter 'L' is a leaf without a parent");
	fz_metrics_free(m);
	m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	add_matter(m, sub);
	assert_int_equal(fz_metrics_check(m, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "matter 'S' is a sub without a parent");
	assert_string_equal(err.file, "");
	fz_metrics_free(m);
	fz_arena_free(a);
}

static void
test_error_fields(void **state)
{
	fz_arena *a = fz_arena_new();
	const char *kv[] = { "code", "A", "statutory_days", "5",
		"promised_days", "6", "materials", "2", "e_materials", "3",
		NULL };
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter mt = leaf("A");
	fz_error err = { 0 };

	(void)state;
	mt.statutory_days = 5, mt.promised_days = 6;
	assert_int_equal(fz_metrics_add_matter(m, &mt, record(a, 10, kv),
	    &err), FZ_DATAERR);
	assert_error(&err, 12, 13,
	    "matter 'A': promised_days above statutory_days");
	mt.promised_days = 5, mt.materials = 2, mt.e_materials = 3;
	assert_int_equal(fz_metrics_add_matter(m, &mt, record(a, 10, kv),
	    &err), FZ_DATAERR);
	assert_error(&err, 14, 13, "matter 'A': e_materials above materials");
	mt.e_materials = 2;
	assert_int_equal(fz_metrics_add_matter(m, &mt, record(a, 10, kv),
	    &err), FZ_OK);
	assert_int_equal(fz_metrics_add_matter(m, &mt, record(a, 20, kv),
	    &err), FZ_DATAERR);
	assert_error(&err, 20, 13,
	    "duplicate matter code 'A' (first at m.yaml:10:5)");
	fz_metrics_free(m);
	fz_arena_free(a);
}

static void
test_error_applications(void **state)
{
	fz_arena *a = fz_arena_new();
	const char *kv[] = { "id", "X1", "matter", "Q", "received",
		"2019-01-07", "completed", "2019-01-04", NULL };
	fz_node *rec = record(a, 30, kv);
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_application x = app("Q", MON, MON - 3);
	fz_error err = { 0 };

	(void)state;
	x.id = "X1";
	assert_int_equal(fz_metrics_add_application(m, &x, rec, &err),
	    FZ_DATAERR);
	assert_error(&err, 31, 13, "application to matter 'Q' before any "
	    "matter: name the matters before the applications");
	add_matter(m, leaf("A"));
	assert_int_equal(fz_metrics_add_application(m, &x, rec, &err),
	    FZ_DATAERR);
	assert_error(&err, 31, 13, "application to unknown matter 'Q'");
	x.matter = "A";
	assert_int_equal(fz_metrics_add_application(m, &x, rec, &err),
	    FZ_DATAERR);
	assert_error(&err, 33, 13,
	    "application 'X1' completed before it was received");
	fz_metrics_free(m);
	fz_arena_free(a);
}

/* Conditions on applications and on their matters, with aliases. */
static void
test_where(void **state)
{
	fz_arena *a = fz_arena_new();
	const char *ka[] = { "code", "A", "office", "新闻出版", NULL };
	const char *kb[] = { "code", "B", "office", "文化", NULL };
	const char *online[] = { "matter", "A", "channel", "online", NULL };
	const char *mobile[] = { "matter", "A", "channel", "mobile", NULL };
	const char *other[] = { "matter", "B", "channel", "mobile", NULL };
	fz_matter ma = leaf("A"), mb = leaf("B");
	fz_where *w = fz_where_new();
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_error err = { 0 };
	fz_application x = app("A", MON, MON);
	fz_metrics_figures f;

	(void)state;
	assert_int_equal(fz_where_add(w, "office=新闻出版", &err), FZ_OK);
	assert_int_equal(fz_where_add(w, "channel=掌上", &err), FZ_OK);
	assert_int_equal(fz_metrics_set_where(m, w, &err), FZ_OK);
	fz_where_free(w);
	ma.office = "新闻出版", mb.office = "文化";
	fz_metrics_add_matter(m, &ma, record(a, 1, ka), &err);
	fz_metrics_add_matter(m, &mb, record(a, 4, kb), &err);
	fz_metrics_add_application(m, &x, record(a, 7, online), &err);
	fz_metrics_add_application(m, &x, record(a, 9, mobile), &err);
	x.matter = "B";
	fz_metrics_add_application(m, &x, record(a, 11, other), &err);
	f = total(m);
	assert_int_equal(f.completed, 1);
	/* The catalogue is not filtered. */
	assert_int_equal(f.counted, 2);
	fz_metrics_free(m);
	fz_arena_free(a);
}

static void
test_rows(void **state)
{
	fz_metrics *m = tree();
	const fz_metrics_row *rows;
	size_t n;

	(void)state;
	add_app(m, app("L1", MON, MON));
	add_app(m, app("L1", MON, MON));
	add_app(m, app("I1", MON, MON));
	total(m);
	n = fz_metrics_rows(m, FZ_BY_MATTER, &rows);
	/* I1 (a heading with an application), L1, L2, S2, I2; not S1. */
	assert_int_equal(n, 5);
	assert_string_equal(rows[0].group, "I1");
	assert_int_equal(rows[0].figures.completed, 1);
	assert_int_equal(rows[0].figures.counted, 0);
	assert_string_equal(rows[1].group, "L1");
	assert_string_equal(rows[1].name, "L1");
	assert_int_equal(rows[1].figures.completed, 2);
	assert_int_equal(rows[1].figures.counted, 1);
	assert_string_equal(rows[4].group, "I2");
	n = fz_metrics_rows(m, FZ_BY_TYPE, &rows);
	/* In the enumeration's order: licensing (the headings), filing,
	 * relay, award, public_service. */
	assert_int_equal(n, 5);
	assert_string_equal(rows[0].group, "licensing");
	assert_int_equal(rows[0].figures.matters, 2);
	assert_int_equal(rows[0].figures.counted, 0);
	assert_int_equal(rows[0].figures.completed, 1);
	assert_string_equal(rows[1].group, "filing");
	assert_int_equal(rows[1].figures.completed, 2);
	assert_string_equal(rows[2].group, "relay");
	assert_string_equal(rows[3].group, "award");
	assert_string_equal(rows[4].group, "public_service");
	n = fz_metrics_rows(m, FZ_BY_OFFICE, &rows);
	assert_int_equal(n, 1);
	assert_null(rows[0].group);
	assert_int_equal(rows[0].figures.matters, 6);
	fz_metrics_free(m);
}

static void
test_rows_office(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A"), b = leaf("B"), c = leaf("C");
	const fz_metrics_row *rows;
	fz_metrics_figures f;

	(void)state;
	a.office = "新闻出版", a.online = 1;
	b.office = "文化", b.online = 0;
	c.office = "新闻出版", c.online = 0;
	add_matter(m, a), add_matter(m, b), add_matter(m, c);
	f = total(m);
	assert_int_equal(fz_metrics_rows(m, FZ_BY_OFFICE, &rows), 2);
	assert_string_equal(rows[0].group, "新闻出版");
	assert_null(rows[0].name);
	assert_rate(&rows[0].figures, FZ_RATE_ONLINE, 1, 2);
	assert_string_equal(rows[1].group, "文化");
	assert_rate(&rows[1].figures, FZ_RATE_ONLINE, 0, 1);
	assert_rate(&f, FZ_RATE_ONLINE, 1, 3);
	fz_metrics_free(m);
}

static char *
written(fz_metrics *m, enum fz_metrics_by by)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	fz_writer *w = fz_writer_new(fp);

	assert_int_equal(fz_metrics_write(m, w, by), 0);
	assert_int_equal(fz_writer_free(w), 0);
	fclose(fp);
	return buf;
}

static void
test_write(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	fz_matter a = leaf("A");
	fz_application x = app("A", MON, MON + 1);
	char *out;

	(void)state;
	a.online = 1, a.mobile = FZ_EXEMPT, a.office = "新闻出版";
	add_matter(m, a);
	x.satisfaction = 10;
	add_app(m, x);
	total(m);
	out = written(m, FZ_BY_NONE);
	assert_string_equal(out,
	    "---\n"
	    "kind: metrics\n"
	    "version: 1\n"
	    "from: 2019-01-07\n"
	    "to: 2019-01-08\n"
	    "catalogue:\n"
	    "  matters: 1\n"
	    "  counted: 1\n"
	    "  by_level: {item: 1}\n"
	    "  by_type: {licensing: 1}\n"
	    "applications:\n"
	    "  received: 1\n"
	    "  completed: 1\n"
	    "  pending: 0\n"
	    "  by_action: {new: 1}\n"
	    "  by_channel: {window: 1}\n"
	    "  by_outcome: {approved: 1}\n"
	    "  site_surveys: 0\n"
	    "rates:\n"
	    "- {key: online_rate, label: 网上办实现率, numerator: 1, denominator: 1, value: 1}\n"
	    "- {key: mobile_rate, label: 掌上办实现率, numerator: 0, denominator: 0, value: null}\n"
	    "- {key: zero_trip_rate, label: 跑零次实现率, numerator: 0, denominator: 1, value: 0}\n"
	    "- {key: instant_rate, label: 即办事项比例, numerator: 0, denominator: 1, value: 0}\n"
	    "- {key: time_compression, label: 承诺期限压缩比, numerator: 0, denominator: 0, value: null}\n"
	    "- {key: e_material_rate, label: 材料电子化比, numerator: 0, denominator: 0, value: null}\n"
	    "- {key: e_license_rate, label: 办理结果提供电子证照实现率, numerator: 0, denominator: 0, value: null}\n"
	    "- {key: online_completion_rate, label: 网上办结率, numerator: 0, denominator: 1, value: 0}\n"
	    "- {key: satisfaction, label: 满意度, numerator: 10, denominator: 1, value: 10}\n"
	    "- {key: mean_workdays, label: 平均办理时间(工作日), numerator: 1, denominator: 1, value: 1}\n"
	    "- {key: on_time_rate, label: 承诺期限内办结率, numerator: 0, denominator: 0, value: null}\n"
	    "inputs: {matters: 1, applications: 1}\n");
	free(out);
	/* Rows repeat the figures, one level in. */
	out = written(m, FZ_BY_OFFICE);
	assert_non_null(strstr(out, "\n"
	    "inputs: {matters: 1, applications: 1}\n"
	    "by: office\n"
	    "rows:\n"
	    "- office: 新闻出版\n"
	    "  catalogue:\n"
	    "    matters: 1\n"));
	assert_non_null(strstr(out, "\n"
	    "  rates:\n"
	    "  - {key: online_rate, label: 网上办实现率, numerator: 1, denominator: 1, value: 1}\n"));
	free(out);
	fz_metrics_free(m);
}

/* An empty run still writes a whole document, with null values. */
static void
test_write_empty(void **state)
{
	fz_metrics *m = fz_metrics_new(NULL, FZ_NODATE, FZ_NODATE);
	char *out;

	(void)state;
	total(m);
	out = written(m, FZ_BY_MATTER);
	assert_non_null(strstr(out, "from: null\nto: null\n"));
	assert_non_null(strstr(out, "  by_level: {}\n"));
	assert_non_null(strstr(out, "- {key: satisfaction, label: 满意度, "
	    "numerator: 0, denominator: 0, value: null}\n"));
	assert_non_null(strstr(out, "by: matter\nrows: []\n"));
	free(out);
	fz_metrics_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fraction_format),
		cmocka_unit_test(test_rate_names),
		cmocka_unit_test(test_catalogue_counts),
		cmocka_unit_test(test_flags_exempt),
		cmocka_unit_test(test_instant_and_compression),
		cmocka_unit_test(test_materials_and_licences),
		cmocka_unit_test(test_empty_catalogue),
		cmocka_unit_test(test_partial_catalogue),
		cmocka_unit_test(test_applications),
		cmocka_unit_test(test_open_period),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_on_time_weekend),
		cmocka_unit_test(test_error_parent),
		cmocka_unit_test(test_take),
		cmocka_unit_test(test_error_cycle),
		cmocka_unit_test(test_error_self_parent),
		cmocka_unit_test(test_error_orphans),
		cmocka_unit_test(test_error_fields),
		cmocka_unit_test(test_error_applications),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_rows_office),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_write_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
