/* test_rules.c - every check of fazhi-check: references, sanity, the
 * legal rules, the due dates, and the order problems come out in; the
 * events a check takes, and what fazhi-check writes of its problems. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static fz_arena *arena;

static int
setup(void **state)
{
	(void)state;
	arena = fz_arena_new();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fz_arena_free(arena);
	return 0;
}

static fz_node *
scalar_at(const char *s, const char *file, unsigned line, unsigned col)
{
	fz_node *n = fz_node_scalar(arena, s, strlen(s));

	n->file = file, n->line = line, n->col = col;
	return n;
}

/* A record node of "key=value" pairs, NULL-terminated: the record at
 * file:line:1, its i-th key on line + i at column 3 and its value at
 * column 10; "[a b]" is a list. */
static fz_node *
record(const char *file, unsigned line, ...)
{
	fz_node *m = fz_node_map(arena), *v;
	const char *kv;
	va_list ap;
	unsigned i = 0;

	m->file = file, m->line = line, m->col = 1;
	va_start(ap, line);
	while ((kv = va_arg(ap, const char *)) != NULL) {
		const char *eq = strchr(kv, '=');
		char *key = fz_arena_strndup(arena, kv, (size_t)(eq - kv));
		if (eq[1] == '[') {
			char *items = fz_arena_strndup(arena, eq + 2,
			    strlen(eq + 2) - 1), *save = NULL;
			v = fz_node_seq(arena);
			v->file = file, v->line = line + i, v->col = 10;
			for (char *t = strtok_r(items, " ", &save); t != NULL;
			    t = strtok_r(NULL, " ", &save))
				fz_node_push(arena, v, scalar_at(t, file,
				    line + i, 11 + (unsigned)(t - items)));
		} else {
			v = scalar_at(eq + 1, file, line + i, 10);
		}
		fz_node_put(arena, m, key, v);
		m->kids[2 * m->n - 2]->col = 3;
		i++;
	}
	va_end(ap);
	return m;
}

struct got {
	char text[8192];
	size_t n[3];
};

static void
collect(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	static const char *const names[] = { "warning", "error", "note" };
	struct got *g = ctx;
	size_t len = strlen(g->text);

	snprintf(g->text + len, sizeof g->text - len, "%s:%u:%u: %s: %s\n",
	    file ? file : "", line, col, names[severity], msg);
	g->n[severity]++;
}

static fz_check_opts
opts(int rules, int due)
{
	fz_check_opts o = { .as_of = fz_date_make(2019, 12, 31),
		.rules = rules, .due_within = due };
	return o;
}

static const char *
finish(fz_check *c, struct got *g)
{
	memset(g, 0, sizeof *g);
	fz_check_finish(c, collect, g, NULL);
	fz_check_free(c);
	return g->text;
}

#define REC(c, kind, ...) \
	fz_check_record((c), (kind), record(__VA_ARGS__, (char *)NULL))

static fz_date
date(int y, int m, int d)
{
	return fz_date_make(y, m, d);
}

/* ------------------------------------------------------------ references */

static void
test_duplicates(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_ENTITIES, "a.yaml", 2, "id=E1", "name=甲", "category=网吧");
	REC(c, FZ_KIND_ENTITIES, "a.yaml", 6, "id=E1", "name=乙", "category=网吧");
	REC(c, FZ_KIND_ENTITIES, "b.yaml", 2, "id=E1", "name=丙", "category=网吧");
	REC(c, FZ_KIND_INSPECTORS, "b.yaml", 9, "id=E1", "name=丁",
	    "department=文旅");
	REC(c, FZ_KIND_MATTERS, "b.yaml", 20, "code=M1", "name=x", "level=item",
	    "type=licensing");
	REC(c, FZ_KIND_MATTERS, "b.yaml", 30, "code=M1", "name=y", "level=item",
	    "type=licensing");
	assert_string_equal(finish(c, &g),
	    "a.yaml:6:10: error: duplicate id 'E1' in entities (first at "
	    "a.yaml:2:1)\n"
	    "b.yaml:2:10: error: duplicate id 'E1' in entities (first at "
	    "a.yaml:2:1)\n"
	    "b.yaml:30:10: error: duplicate code 'M1' in matters (first at "
	    "b.yaml:20:1)\n");
}

static void
test_entity_references(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 1, "id=E1", "name=甲", "category=网吧");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P2]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E9", "inspectors=[P1 P2]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 9, "date=2019-03-01",
	    "entity=黑网吧", "inspectors=[P1 P2]", "result=banned");
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-02",
	    "entity=黑网吧");
	REC(c, FZ_KIND_CASES, "c.yaml", 5, "id=C2", "filed=2019-03-02",
	    "entity=E8");
	assert_string_equal(finish(c, &g),
	    "i.yaml:6:10: error: entity 'E9' is not in the entity directory\n"
	    "c.yaml:7:10: error: entity 'E8' is not in the entity directory\n");

	/* Without a directory, nothing to check against. */
	c = fz_check_new(&o);
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E9", "inspectors=[P1 P2]");
	assert_string_equal(finish(c, &g), "");
	/* An empty directory is a directory. */
	c = fz_check_new(&o);
	fz_check_doc(c, "entities", record("e.yaml", 1, "kind=entities",
	    (char *)NULL));
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E9", "inspectors=[P1 P2]");
	assert_int_equal(finish(c, &g)[0] != '\0', 1);
}

static void
test_inspector_and_case_references(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 1, "id=P1", "name=甲",
	    "department=文旅");
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-02");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P7]", "case=C1");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 9, "date=2019-03-01",
	    "entity=E1", "inspectors=[网格员甲]", "reported_by=town",
	    "case=C5");
	assert_string_equal(finish(c, &g),
	    "i.yaml:3:14: error: inspector 'P7' is not in the inspector "
	    "roster\n"
	    "i.yaml:13:10: error: case 'C5' is not among the cases\n");
}

static void
test_matter_references(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_MATTERS, "m.yaml", 10, "code=A", "name=a", "level=item",
	    "type=licensing");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 20, "code=A1", "name=a1",
	    "level=sub", "type=licensing", "parent=A");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 30, "code=A11", "name=a11",
	    "level=leaf", "type=licensing", "parent=A1");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 40, "code=B", "name=b", "level=item",
	    "type=licensing", "parent=A");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 50, "code=C1", "name=c1",
	    "level=sub", "type=licensing");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 60, "code=D1", "name=d1",
	    "level=sub", "type=licensing", "parent=Z");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 70, "code=E11", "name=e11",
	    "level=leaf", "type=licensing", "parent=A");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 80, "code=L1", "name=l1",
	    "level=sub", "type=licensing", "parent=L2");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 90, "code=L2", "name=l2",
	    "level=sub", "type=licensing", "parent=L1");
	REC(c, FZ_KIND_APPLICATIONS, "a.yaml", 1, "id=1", "matter=A11",
	    "received=2019-05-01");
	REC(c, FZ_KIND_APPLICATIONS, "a.yaml", 5, "id=2", "matter=Q",
	    "received=2019-05-01");
	assert_string_equal(finish(c, &g),
	    "m.yaml:44:10: error: an item has no parent\n"
	    "m.yaml:50:1: error: a sub matter needs a parent\n"
	    "m.yaml:64:10: error: parent 'Z' is not in the matter "
	    "catalogue\n"
	    "m.yaml:74:10: error: the parent of a leaf must be a sub; 'A' is "
	    "an item\n"
	    "m.yaml:84:10: error: the parent of a sub must be an item; 'L2' is "
	    "a sub\n"
	    "m.yaml:84:10: error: the parents of 'L1' lead back to it\n"
	    "m.yaml:94:10: error: the parent of a sub must be an item; 'L1' is "
	    "a sub\n"
	    "m.yaml:94:10: error: the parents of 'L2' lead back to it\n"
	    "a.yaml:6:10: error: matter 'Q' is not in the matter catalogue\n");
}

/* The logs before the directories: references settled at the end, the
 * 回避 of an inspector met later included. */
static void
test_references_before_directories(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P2]", "case=C1");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E2", "inspectors=[P1 P3]", "case=C2");
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C9", "filed=2019-03-01",
	    "closed=2019-03-02", "entity=黑网吧");
	REC(c, FZ_KIND_APPLICATIONS, "a.yaml", 1, "id=1", "matter=M1",
	    "received=2019-05-01");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 20, "date=2019-03-01",
	    "entity=黑网吧", "inspectors=[P1 P2]", "result=banned");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C1", "filed=2019-03-01",
	    "closed=2019-03-02");
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 1, "id=E1", "name=甲",
	    "category=网吧");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 1, "id=P1", "name=甲",
	    "department=文旅", "avoid=[E1]");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 9, "id=P2", "name=乙",
	    "department=文旅");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 1, "code=M1", "name=a", "level=item",
	    "type=licensing");
	assert_string_equal(finish(c, &g),
	    "i.yaml:3:11: error: inspector 'P1' must avoid entity 'E1' (回避, "
	    "行政处罚法 art. 43)\n"
	    "i.yaml:6:10: error: entity 'E2' is not in the entity directory\n"
	    "i.yaml:7:14: error: inspector 'P3' is not in the inspector "
	    "roster\n"
	    "i.yaml:8:10: error: case 'C2' is not among the cases\n");
}

/* ------------------------------------------------------------ sanity */

static void
test_sanity(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 1, "id=91330203MA2AAAAA1Y",
	    "name=甲", "category=网吧", "last_inspected=2020-01-01");
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 5, "id=91330203MA2AAAAA1X",
	    "name=乙", "category=网吧");
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 9, "id=E3", "name=丙",
	    "category=网吧");
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-02",
	    "closed=2019-03-01", "decided=2019-03-01",
	    "published=2019-02-28");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-03-02",
	    "closed=2019-03-02", "decided=2019-03-02",
	    "published=2019-03-02");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 1, "code=A", "name=a", "level=item",
	    "type=licensing", "statutory_days=20", "promised_days=21");
	REC(c, FZ_KIND_MATTERS, "m.yaml", 9, "code=B", "name=b", "level=item",
	    "type=licensing", "statutory_days=20", "promised_days=20");
	REC(c, FZ_KIND_APPLICATIONS, "a.yaml", 1, "id=1", "matter=A",
	    "received=2019-05-02", "completed=2019-05-01");
	assert_string_equal(finish(c, &g),
	    "e.yaml:4:10: error: last_inspected 2020-01-01 is after the as-of "
	    "date 2019-12-31\n"
	    "e.yaml:5:10: warning: 统一社会信用代码 '91330203MA2AAAAA1X' has "
	    "a wrong check character (GB 32100)\n"
	    "c.yaml:3:10: error: closed 2019-03-01 is before filed "
	    "2019-03-02\n"
	    "c.yaml:4:10: error: decided 2019-03-01 is before filed "
	    "2019-03-02\n"
	    "c.yaml:5:10: error: published 2019-02-28 is before decided "
	    "2019-03-01\n"
	    "m.yaml:6:10: error: promised_days 21 is above statutory_days "
	    "20\n"
	    "a.yaml:4:10: error: completed 2019-05-01 is before received "
	    "2019-05-02\n");
}

static void
test_decoding_and_documents(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c;
	struct got g;

	(void)state;
	o.strict = 1;
	c = fz_check_new(&o);
	/* A record that does not decode still has its id registered. */
	assert_int_equal(REC(c, FZ_KIND_ENTITIES, "e.yaml", 1, "id=E1",
	    "name=甲", "category=网吧", "risk=很高", "colour=red"), FZ_DATAERR);
	REC(c, FZ_KIND_ENTITIES, "e.yaml", 9, "id=E1", "name=乙",
	    "category=网吧");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P2]");
	fz_check_doc(c, NULL, record("x.yaml", 1, "a=b", (char *)NULL));
	fz_check_doc(c, "plans", record("x.yaml", 5, "kind=plans",
	    (char *)NULL));
	fz_check_doc(c, "cases", record("x.yaml", 9, "kind=cases",
	    "version=2", "title=x", (char *)NULL));
	fz_check_doc(c, "calendar", record("x.yaml", 20, "kind=calendar",
	    "holidays=[2019-10-01 2019-13-01]", (char *)NULL));
	assert_string_equal(finish(c, &g),
	    "e.yaml:4:10: error: unknown risk '很高' (expected low 低, "
	    "medium 一般, high 高)\n"
	    "e.yaml:5:3: warning: unknown key 'colour' in entities\n"
	    "e.yaml:9:10: error: duplicate id 'E1' in entities (first at "
	    "e.yaml:1:1)\n"
	    "x.yaml:1:1: error: document has no kind\n"
	    "x.yaml:5:10: error: unknown kind 'plans'\n"
	    "x.yaml:10:10: error: version 2 is not supported (expected 1)\n"
	    "x.yaml:11:3: warning: unknown key 'title' in a cases document\n"
	    "x.yaml:21:22: error: expected a date like 2019-10-01\n");
}

/* ------------------------------------------------------------ the rules */

static void
test_two_inspectors(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P2]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 9, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P1]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 13, "date=2019-03-01",
	    "entity=E1", "inspectors=[网格员]", "reported_by=town");
	assert_string_equal(finish(c, &g),
	    "i.yaml:7:10: error: 1 inspector: an inspection needs at least "
	    "two (行政处罚法 art. 42)\n"
	    "i.yaml:11:10: error: 1 inspector: an inspection needs at least "
	    "two (行政处罚法 art. 42)\n");
	/* Without --rules the law is not checked. */
	o.rules = 0;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1]");
	assert_string_equal(finish(c, &g), "");
}

static void
test_avoid(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 1, "id=P1", "name=甲",
	    "department=文旅", "avoid=[E1 E2]");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 9, "id=P2", "name=乙",
	    "department=文旅");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E2", "inspectors=[P2 P1]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-01",
	    "entity=E3", "inspectors=[P2 P1]");
	assert_string_equal(finish(c, &g),
	    "i.yaml:3:14: error: inspector 'P1' must avoid entity 'E2' "
	    "(回避, 行政处罚法 art. 43)\n");
}

static void
test_time_limit(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	/* 2019-01-02 + 90 days = 2019-04-02. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-01-02",
	    "closed=2019-04-02");
	REC(c, FZ_KIND_CASES, "c.yaml", 5, "id=C2", "filed=2019-01-02",
	    "closed=2019-04-03");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C3", "filed=2019-01-02",
	    "decided=2019-05-01", "legal_review=2019-05-01",
	    "published=2019-05-01", "extended_days=30",
	    "notified=2019-04-01", "served=2019-05-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 19, "id=C4", "filed=2019-01-02",
	    "decided=2019-05-03", "legal_review=2019-05-01",
	    "published=2019-05-06", "extended_days=30",
	    "notified=2019-05-01", "served=2019-05-03");
	/* 10-01 + 90 = 12-30, past the as-of date; 10-02 + 90 is it. */
	REC(c, FZ_KIND_CASES, "c.yaml", 29, "id=C5", "filed=2019-10-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 39, "id=C6", "filed=2019-10-02");
	assert_string_equal(finish(c, &g),
	    "c.yaml:7:10: error: closed 91 days after filing, past the limit "
	    "of 90 days (行政处罚法 art. 60)\n"
	    "c.yaml:11:10: warning: the calendar does not cover 2019: its "
	    "working days are counted Monday to Friday\n"
	    "c.yaml:21:10: error: decided 121 days after filing, past the "
	    "limit of 90 days plus 30 days of extension (行政处罚法 art. 60)\n"
	    "c.yaml:30:10: error: case 'C5' is not decided by 2019-12-30, "
	    "90 days after filing (行政处罚法 art. 60)\n");
	assert_int_equal(g.n[FZ_WARNING], 1);
}

static void
test_legal_review(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;
	fz_case k = { .id = "C9", .filed = date(2019, 3, 1),
		.closed = FZ_NODATE, .decided = date(2019, 3, 11),
		.legal_review = FZ_NODATE, .published = date(2019, 3, 12),
		.extended_days = 0, .fine = FZ_NOMONEY,
		.violation_date = FZ_NODATE, .found = FZ_NODATE,
		.collective = FZ_NODATE, .notified = date(2019, 3, 8),
		.served = date(2019, 3, 11), .evidence_preserved = FZ_NODATE,
		.evidence_decided = FZ_NODATE, .collected_on_spot = FZ_NOMONEY,
		.handed_in = FZ_NODATE };

	(void)state;
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11",
	    "notified=2019-03-01", "served=2019-03-11");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-12",
	    "published=2019-03-12",
	    "notified=2019-03-01", "served=2019-03-11");
	/* A record built without a file: its problems are at its node. */
	fz_check_add(c, FZ_KIND_CASES, &k, scalar_at("", "s.yaml", 7, 7));
	assert_string_equal(finish(c, &g),
	    "c.yaml:3:10: warning: the calendar does not cover 2019: its "
	    "working days are counted Monday to Friday\n"
	    "c.yaml:12:10: error: legal review 2019-03-12 after the decision "
	    "2019-03-11 (行政处罚法 art. 58)\n"
	    "s.yaml:7:7: error: decided without legal review (法制审核, "
	    "行政处罚法 art. 58)\n");
}

/* 2019: National Day 10-01 to 10-07 off, 09-29 and 10-12 worked. */
static fz_calendar *
calendar_2019(void)
{
	fz_calendar *cal = fz_calendar_new();
	fz_error err;

	assert_int_equal(fz_calendar_add_doc(cal, record("cal.yaml", 1,
	    "holidays=[2019-10-01 2019-10-02 2019-10-03 2019-10-04 2019-10-07]",
	    "workdays=[2019-09-29 2019-10-12]", (char *)NULL), &err), FZ_OK);
	return cal;
}

static void
test_publication(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_2019();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	/* Friday 09-27: the 7th working day after it is Saturday 10-12. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-01",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-10-12",
	    "notified=2019-09-01", "served=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-09-01",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-10-14",
	    "notified=2019-09-01", "served=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 19, "id=C3", "filed=2019-09-01",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "notified=2019-09-01", "served=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 29, "id=C4", "filed=2019-12-01",
	    "decided=2019-12-30", "legal_review=2019-12-30",
	    "notified=2019-12-01", "served=2019-12-30");
	assert_string_equal(finish(c, &g),
	    "c.yaml:13:10: error: published 2019-10-14, after 2019-10-12, the "
	    "7th working day after the decision (国办发〔2018〕118号)\n"
	    "c.yaml:21:10: error: not published by 2019-10-12, the 7th "
	    "working day after the decision (国办发〔2018〕118号)\n"
	    "c.yaml:31:10: warning: the calendar does not cover 2020: its "
	    "working days are counted Monday to Friday\n");

	/* Monday to Friday only: the 7th working day is 10-08. */
	o.calendar = NULL;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-01",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-10-08",
	    "notified=2019-09-01", "served=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-09-01",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-10-09",
	    "notified=2019-09-01", "served=2019-09-27");
	assert_string_equal(finish(c, &g),
	    "c.yaml:3:10: warning: the calendar does not cover 2019: its "
	    "working days are counted Monday to Friday\n"
	    "c.yaml:13:10: error: published 2019-10-09, after 2019-10-08, the "
	    "7th working day after the decision (国办发〔2018〕118号)\n");
	fz_calendar_free(cal);
}

/* The calendar shipped in data/: 2019's Spring Festival off from 02-04
 * to 02-10, Saturday 02-02 and Sunday 02-03 worked; National Day off
 * from 10-01 to 10-07, Sunday 09-29 and Saturday 10-12 worked. */
static fz_calendar *
calendar_cn(void)
{
	const char *top = getenv("top_srcdir");
	fz_calendar *cal = fz_calendar_new();
	char path[4096];
	fz_error err = { 0 };

	snprintf(path, sizeof path, "%s/data/calendar-cn.yaml",
	    top != NULL && *top != '\0' ? top : FZ_SRCDIR);
	assert_int_equal(fz_calendar_load(cal, path, &err), FZ_OK);
	return cal;
}

/* art. 36: two years to the day, five with serious harm; 29 February
 * ends on the 28th. */
static void
test_unfound(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-01",
	    "closed=2019-03-01", "violation_date=2017-03-01",
	    "found=2019-03-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-03-02",
	    "closed=2019-03-02", "violation_date=2017-03-01",
	    "found=2019-03-02");
	REC(c, FZ_KIND_CASES, "c.yaml", 19, "id=C3", "filed=2019-03-02",
	    "closed=2019-03-02", "violation_date=2017-03-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 29, "id=C4", "filed=2019-03-01",
	    "closed=2019-03-01", "violation_date=2014-03-01",
	    "serious_harm=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 39, "id=C5", "filed=2019-03-02",
	    "closed=2019-03-02", "violation_date=2014-03-01",
	    "serious_harm=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 49, "id=C6", "filed=2018-02-28",
	    "closed=2018-02-28", "violation_date=2016-02-29");
	REC(c, FZ_KIND_CASES, "c.yaml", 59, "id=C7", "filed=2018-03-01",
	    "closed=2018-03-01", "violation_date=2016-02-29");
	/* Found before the violation: a slip of the pen. */
	REC(c, FZ_KIND_CASES, "c.yaml", 69, "id=C8", "filed=2019-03-01",
	    "closed=2019-03-01", "violation_date=2019-03-02",
	    "found=2019-03-01");
	assert_string_equal(finish(c, &g),
	    "c.yaml:13:10: error: found 2019-03-02, more than 2 years after "
	    "the violation of 2017-03-01: no penalty may be given (行政处罚法 "
	    "art. 36)\n"
	    "c.yaml:20:10: error: found 2019-03-02, more than 2 years after "
	    "the violation of 2017-03-01: no penalty may be given (行政处罚法 "
	    "art. 36)\n"
	    "c.yaml:40:10: error: found 2019-03-02, more than 5 years after "
	    "the violation of 2014-03-01: no penalty may be given (行政处罚法 "
	    "art. 36)\n"
	    "c.yaml:60:10: error: found 2018-03-01, more than 2 years after "
	    "the violation of 2016-02-29: no penalty may be given (行政处罚法 "
	    "art. 36)\n"
	    "c.yaml:73:10: error: found 2019-03-01 is before violation_date "
	    "2019-03-02\n");
}

/* art. 51: 200 yuan for a person, 3000 for an organization, a warning;
 * nothing else on the spot. */
static void
test_simple_procedure(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple", "party=person",
	    "penalty=fine", "fine=200");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=简易程序", "party=自然人",
	    "penalty=fine", "fine=200.01");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "penalty=[warning fine]", "fine=3000");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "party=organization", "penalty=fine", "fine=3000.01");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "penalty=[warning confiscation suspension]");
	/* The general procedure has no such bound. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "party=person", "penalty=fine",
	    "fine=5000", "notified=2019-03-05", "served=2019-03-11");
	assert_string_equal(finish(c, &g),
	    "c.yaml:19:10: error: a fine of 200.01 yuan in the simple "
	    "procedure: above 200 yuan for a person (行政处罚法 art. 51)\n"
	    "c.yaml:39:10: error: a fine of 3000.01 yuan in the simple "
	    "procedure: above 3000 yuan for an organization (行政处罚法 "
	    "art. 51)\n"
	    "c.yaml:47:10: error: confiscation in the simple procedure: only "
	    "a warning or a small fine may be decided on the spot (行政处罚法 "
	    "art. 51)\n"
	    "c.yaml:47:10: error: suspension in the simple procedure: only "
	    "a warning or a small fine may be decided on the spot (行政处罚法 "
	    "art. 51)\n");
	fz_calendar_free(cal);
}

/* art. 68: at most 100 yuan, of a decision on the spot; art. 71: handed
 * in by the 2nd working day, make-up working days counted. */
static void
test_collected_on_spot(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	/* Friday 09-27: Sunday 09-29 and Monday 09-30 are the two. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-27",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-09-27", "procedure=simple", "fine=100",
	    "collected_on_spot=100", "handed_in=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-09-27",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-09-27", "procedure=simple", "fine=100.01",
	    "collected_on_spot=100.01", "handed_in=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-09-27",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-09-27", "procedure=simple", "fine=50",
	    "collected_on_spot=50", "handed_in=2019-10-08");
	/* Friday 02-01: Saturday 02-02 and Sunday 02-03 are worked. */
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-02-01",
	    "decided=2019-02-01", "legal_review=2019-02-01",
	    "published=2019-02-01", "procedure=simple", "fine=50",
	    "collected_on_spot=50", "handed_in=2019-02-03");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-02-01",
	    "decided=2019-02-01", "legal_review=2019-02-01",
	    "published=2019-02-01", "procedure=simple", "fine=50",
	    "collected_on_spot=50", "handed_in=2019-02-11");
	/* Not handed in: Friday 12-27 is due on the as-of date 12-31,
	 * Thursday 12-26 on 12-30, past it. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-12-27",
	    "decided=2019-12-27", "legal_review=2019-12-27",
	    "published=2019-12-27", "procedure=simple", "fine=50",
	    "collected_on_spot=50");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", "filed=2019-12-26",
	    "decided=2019-12-26", "legal_review=2019-12-26",
	    "published=2019-12-26", "procedure=simple", "fine=50",
	    "collected_on_spot=50");
	REC(c, FZ_KIND_CASES, "c.yaml", 71, "id=C8", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "fine=50", "notified=2019-03-05",
	    "served=2019-03-11", "collected_on_spot=50",
	    "handed_in=2019-03-11");
	assert_string_equal(finish(c, &g),
	    "c.yaml:18:10: error: 100.01 yuan collected on the spot: above "
	    "100 yuan (行政处罚法 art. 68)\n"
	    "c.yaml:29:10: error: handed in 2019-10-08, after 2019-09-30, the "
	    "2nd working day after the collection (行政处罚法 art. 71)\n"
	    "c.yaml:49:10: error: handed in 2019-02-11, after 2019-02-03, the "
	    "2nd working day after the collection (行政处罚法 art. 71)\n"
	    "c.yaml:68:10: error: not handed in by 2019-12-30, the 2nd "
	    "working day after the collection (行政处罚法 art. 71)\n"
	    "c.yaml:79:10: error: a fine collected on the spot in the general "
	    "procedure: only a decision made on the spot may be (行政处罚法 "
	    "art. 68)\n");
	fz_calendar_free(cal);
}

/* art. 56: the 7th working day after the preservation, across National
 * Day and the Spring Festival. */
static void
test_preserved_evidence(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-27",
	    "closed=2019-11-01", "evidence_preserved=2019-09-27",
	    "evidence_decided=2019-10-12");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C2", "filed=2019-09-27",
	    "closed=2019-11-01", "evidence_preserved=2019-09-27",
	    "evidence_decided=2019-10-14");
	/* Thursday 01-31: 02-01, 02-02, 02-03, 02-11 ... 02-14. */
	REC(c, FZ_KIND_CASES, "c.yaml", 19, "id=C3", "filed=2019-01-31",
	    "closed=2019-03-01", "evidence_preserved=2019-01-31",
	    "evidence_decided=2019-02-14");
	REC(c, FZ_KIND_CASES, "c.yaml", 29, "id=C4", "filed=2019-01-31",
	    "closed=2019-03-01", "evidence_preserved=2019-01-31",
	    "evidence_decided=2019-02-15");
	/* Undecided: 12-20 is due on 12-31, the as-of date; 12-19 before. */
	REC(c, FZ_KIND_CASES, "c.yaml", 39, "id=C5", "filed=2019-12-20",
	    "evidence_preserved=2019-12-20");
	REC(c, FZ_KIND_CASES, "c.yaml", 49, "id=C6", "filed=2019-12-19",
	    "evidence_preserved=2019-12-19");
	REC(c, FZ_KIND_CASES, "c.yaml", 59, "id=C7", "filed=2019-12-19",
	    "evidence_preserved=2019-12-19", "evidence_decided=2019-12-18");
	assert_string_equal(finish(c, &g),
	    "c.yaml:13:10: error: the preserved evidence decided on "
	    "2019-10-14, after 2019-10-12, the 7th working day after its "
	    "preservation (行政处罚法 art. 56)\n"
	    "c.yaml:33:10: error: the preserved evidence decided on "
	    "2019-02-15, after 2019-02-14, the 7th working day after its "
	    "preservation (行政处罚法 art. 56)\n"
	    "c.yaml:51:10: error: the preserved evidence not decided on by "
	    "2019-12-30, the 7th working day after its preservation "
	    "(行政处罚法 art. 56)\n"
	    "c.yaml:62:10: error: evidence_decided 2019-12-18 is before "
	    "evidence_preserved 2019-12-19\n");
	fz_calendar_free(cal);
}

/* art. 44, 62: told before the decision, in the general procedure,
 * unless the party waived it; art. 57: a major case's collective
 * discussion on or before the decision. */
static void
test_notified_and_collective(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-08");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-11");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "statement_waived=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple", "penalty=warning");
	/* art. 57. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-08", "major=true", "collective=2019-03-11");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-08", "major=true", "collective=2019-03-12");
	REC(c, FZ_KIND_CASES, "c.yaml", 71, "id=C8", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-08", "major=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 81, "id=C9", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "served=2019-03-11",
	    "notified=2019-03-08", "major=false");
	assert_string_equal(finish(c, &g),
	    "c.yaml:13:10: error: decided without telling the party first "
	    "(告知, 行政处罚法 art. 44, 62)\n"
	    "c.yaml:27:10: error: the party told 2019-03-11, not before the "
	    "decision 2019-03-11 (告知, 行政处罚法 art. 44, 62)\n"
	    "c.yaml:69:10: error: the collective discussion 2019-03-12 after "
	    "the decision 2019-03-11 (行政处罚法 art. 57)\n"
	    "c.yaml:73:10: error: a major case decided without the leaders' "
	    "collective discussion (集体讨论, 行政处罚法 art. 57)\n");
	fz_calendar_free(cal);
}

/* art. 61: served by the 7th working day after the decision, unless
 * handed over on the spot. */
static void
test_served(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-02",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-09-27", "notified=2019-09-20",
	    "served=2019-10-12");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-09-02",
	    "decided=2019-09-27", "legal_review=2019-09-27",
	    "published=2019-09-27", "notified=2019-09-20",
	    "served=2019-10-14");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-01-02",
	    "decided=2019-01-31", "legal_review=2019-01-31",
	    "published=2019-01-31", "notified=2019-01-25",
	    "served=2019-02-14");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-01-02",
	    "decided=2019-01-31", "legal_review=2019-01-31",
	    "published=2019-01-31", "notified=2019-01-25",
	    "served=2019-02-15");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-01-02",
	    "decided=2019-01-31", "legal_review=2019-01-31",
	    "published=2019-01-31", "notified=2019-01-25",
	    "served_on_spot=true");
	/* Not served: Friday 12-20 is due on 12-31; 12-19 on 12-30. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-12-02",
	    "decided=2019-12-20", "legal_review=2019-12-20",
	    "published=2019-12-20", "notified=2019-12-16");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", "filed=2019-12-02",
	    "decided=2019-12-19", "legal_review=2019-12-19",
	    "published=2019-12-19", "notified=2019-12-16");
	REC(c, FZ_KIND_CASES, "c.yaml", 71, "id=C8", "filed=2019-12-02",
	    "decided=2019-12-19", "legal_review=2019-12-19",
	    "published=2019-12-19", "notified=2019-12-16",
	    "served=2019-12-18");
	assert_string_equal(finish(c, &g),
	    "c.yaml:17:10: error: served 2019-10-14, after 2019-10-12, the "
	    "7th working day after the decision (行政处罚法 art. 61)\n"
	    "c.yaml:37:10: error: served 2019-02-15, after 2019-02-14, the "
	    "7th working day after the decision (行政处罚法 art. 61)\n"
	    "c.yaml:63:10: error: not served by 2019-12-30, the 7th working "
	    "day after the decision (行政处罚法 art. 61)\n"
	    "c.yaml:77:10: error: served 2019-12-18 is before decided "
	    "2019-12-19\n");
	fz_calendar_free(cal);
}

static void
test_due_within(void **state)
{
	fz_check_opts o = opts(0, 7);
	fz_calendar *cal = calendar_2019();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	o.as_of = date(2019, 9, 30);
	c = fz_check_new(&o);
	/* 07-02 + 90 = 09-30, today; 07-09 + 90 = 10-07, in 7 days;
	 * 07-10 + 90 = 10-08, in 8; 07-01 + 90 = 09-29, past. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-07-02");
	REC(c, FZ_KIND_CASES, "c.yaml", 5, "id=C2", "filed=2019-07-09");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C3", "filed=2019-07-10");
	REC(c, FZ_KIND_CASES, "c.yaml", 13, "id=C4", "filed=2019-07-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 17, "id=C5", "filed=2019-06-01",
	    "extended_days=31");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C6", "filed=2019-07-01",
	    "closed=2019-09-01");
	/* Decided 09-27: publish by 10-12, in 12 days; decided Friday
	 * 09-20: the 7th working day after it is 09-30, today. */
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C7", "filed=2019-09-01",
	    "decided=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C8", "filed=2019-09-01",
	    "decided=2019-09-20");
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C9", "filed=2019-09-01",
	    "decided=2019-09-20", "published=2019-09-20",
	    "served=2019-09-23");
	assert_string_equal(finish(c, &g),
	    "c.yaml:2:10: note: case 'C1' must be decided by 2019-09-30, today "
	    "(行政处罚法 art. 60)\n"
	    "c.yaml:6:10: note: case 'C2' must be decided by 2019-10-07, in 7 "
	    "days (行政处罚法 art. 60)\n"
	    "c.yaml:18:10: note: case 'C5' must be decided by 2019-09-30, today "
	    "(行政处罚法 art. 60)\n"
	    "c.yaml:43:10: note: case 'C8' must be published by 2019-09-30, "
	    "today (国办发〔2018〕118号)\n"
	    "c.yaml:43:10: note: case 'C8' must be served by 2019-09-30, "
	    "today (行政处罚法 art. 61)\n");
	assert_int_equal(g.n[FZ_NOTE], 5);
	fz_calendar_free(cal);
}

/* --due-within: service (art. 61), the preserved evidence (art. 56) and
 * the fine collected on the spot (art. 71), counted in working days. */
static void
test_due_within_procedure(void **state)
{
	fz_check_opts o = opts(1, 7);
	fz_calendar *cal = calendar_cn();
	fz_check *c;
	struct got g;

	(void)state;
	o.calendar = cal;
	o.as_of = date(2019, 9, 27);
	c = fz_check_new(&o);
	/* Friday 09-20: the 7th working day is 09-30, Sunday 09-29
	 * counted; Thursday 09-26's is 10-11, past the week. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-02",
	    "decided=2019-09-20", "legal_review=2019-09-20",
	    "published=2019-09-20", "notified=2019-09-16");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-09-02",
	    "decided=2019-09-26", "legal_review=2019-09-26",
	    "published=2019-09-26", "notified=2019-09-16");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-09-02",
	    "decided=2019-09-20", "legal_review=2019-09-20",
	    "published=2019-09-20", "notified=2019-09-16",
	    "served_on_spot=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-09-20",
	    "evidence_preserved=2019-09-20");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-09-20",
	    "evidence_preserved=2019-09-20", "evidence_decided=2019-09-23");
	/* Thursday 09-26: handed in by Sunday 09-29. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-09-26",
	    "decided=2019-09-26", "legal_review=2019-09-26",
	    "published=2019-09-26", "procedure=simple", "fine=50",
	    "collected_on_spot=50");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", "filed=2019-09-26",
	    "decided=2019-09-26", "legal_review=2019-09-26",
	    "published=2019-09-26", "procedure=simple", "fine=50",
	    "collected_on_spot=50", "handed_in=2019-09-26");
	assert_string_equal(finish(c, &g),
	    "c.yaml:3:10: note: case 'C1' must be served by 2019-09-30, in 3 "
	    "days (行政处罚法 art. 61)\n"
	    "c.yaml:33:10: note: case 'C4' must decide on the preserved "
	    "evidence by 2019-09-30, in 3 days (行政处罚法 art. 56)\n"
	    "c.yaml:58:10: note: case 'C6' must hand in the fine collected on "
	    "the spot by 2019-09-29, in 2 days (行政处罚法 art. 71)\n");
	assert_int_equal(g.n[FZ_NOTE], 3);
	fz_calendar_free(cal);
}

static void
test_file_order(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	/* Records of z.yaml come first, so z.yaml's problems do, whatever
	 * check finds them and whichever kind. */
	REC(c, FZ_KIND_INSPECTIONS, "z.yaml", 50, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1]");
	REC(c, FZ_KIND_ENTITIES, "z.yaml", 9, "id=91330203MA2AAAAA1X",
	    "name=甲", "category=网吧");
	REC(c, FZ_KIND_CASES, "a.yaml", 1, "id=C1", "filed=2020-03-01");
	fz_check_report(c, FZ_ERROR, "a.yaml", 1, 1, "first in a.yaml");
	fz_check_report(c, FZ_ERROR, "z.yaml", 60, 1, "last in z.yaml");
	assert_string_equal(finish(c, &g),
	    "z.yaml:9:10: warning: 统一社会信用代码 '91330203MA2AAAAA1X' has "
	    "a wrong check character (GB 32100)\n"
	    "z.yaml:51:10: error: entity 'E1' is not in the entity "
	    "directory\n"
	    "z.yaml:52:10: error: 1 inspector: an inspection needs at least "
	    "two (行政处罚法 art. 42)\n"
	    "z.yaml:60:1: error: last in z.yaml\n"
	    "a.yaml:1:1: error: first in a.yaml\n"
	    "a.yaml:2:10: error: filed 2020-03-01 is after the as-of date "
	    "2019-12-31\n");
	assert_int_equal(g.n[FZ_ERROR], 5);
	assert_int_equal(g.n[FZ_WARNING], 1);
}

/* A check given as events a record with a key entities have not, and
 * with plans, before it, a document of an unknown kind; strict when
 * asked. */
static fz_check *
taken(int strict, int plans)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c;
	fz_event ev = { .type = FZ_EV_DOC, .kind = FZ_KIND_NONE,
		.kind_name = "plans", .file = "x.yaml", .arena = arena };
	fz_error err = { 0 };

	o.strict = strict;
	c = fz_check_new(&o);
	ev.node = record("x.yaml", 5, "kind=plans", (char *)NULL);
	if (plans)
		assert_int_equal(fz_check_take(c, &ev, &err), FZ_OK);
	ev.type = FZ_EV_RECORD, ev.kind = FZ_KIND_ENTITIES;
	ev.kind_name = "entities", ev.file = "e.yaml";
	ev.node = record("e.yaml", 1, "id=E1", "name=甲", "category=网吧",
	    "colour=red", (char *)NULL);
	assert_int_equal(fz_check_take(c, &ev, &err), FZ_OK);
	ev = (fz_event){ .type = FZ_EV_END, .kind = FZ_KIND_NONE };
	assert_int_equal(fz_check_take(c, &ev, &err), FZ_OK);
	return c;
}

/* What fn writes of c onto a memory stream, and its status in *rc. */
static char *
written(fz_check *c, int yaml, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	fz_writer *w;

	assert_non_null(fp);
	if (yaml) {
		w = fz_writer_new(fp);
		*rc = fz_check_write_yaml(c, w);
		assert_int_equal(fz_writer_free(w), 0);
	} else {
		*rc = fz_check_write_text(c, fp);
	}
	assert_int_equal(fclose(fp), 0);
	fz_check_free(c);
	return buf;
}

static void
test_problems_text_and_document(void **state)
{
	char *text;
	int rc;

	(void)state;
	text = written(taken(0, 1), 0, &rc);
	assert_string_equal(text, "x.yaml:5:10: error: unknown kind "
	    "'plans'\n");
	assert_int_equal(rc, FZ_PROBLEMS);
	free(text);
	/* With --strict, the unknown key is a warning too; files in the
	 * order first met. */
	text = written(taken(1, 1), 1, &rc);
	assert_string_equal(text, "---\n"
	    "kind: problems\n"
	    "version: 1\n"
	    "problems:\n"
	    "- file: x.yaml\n"
	    "  line: 5\n"
	    "  col: 10\n"
	    "  severity: error\n"
	    "  message: unknown kind 'plans'\n"
	    "- file: e.yaml\n"
	    "  line: 4\n"
	    "  col: 3\n"
	    "  severity: warning\n"
	    "  message: unknown key 'colour' in entities\n"
	    "counts: {warnings: 1, errors: 1, notes: 0}\n");
	assert_int_equal(rc, FZ_PROBLEMS);
	free(text);
	/* A warning alone makes problems only with --strict. */
	text = written(taken(0, 0), 0, &rc);
	assert_string_equal(text, "");
	assert_int_equal(rc, FZ_OK);
	free(text);
	text = written(taken(1, 0), 0, &rc);
	assert_string_equal(text, "e.yaml:4:3: warning: unknown key 'colour' "
	    "in entities\n");
	assert_int_equal(rc, FZ_PROBLEMS);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_entity_references),
		cmocka_unit_test(test_inspector_and_case_references),
		cmocka_unit_test(test_matter_references),
		cmocka_unit_test(test_references_before_directories),
		cmocka_unit_test(test_sanity),
		cmocka_unit_test(test_decoding_and_documents),
		cmocka_unit_test(test_two_inspectors),
		cmocka_unit_test(test_avoid),
		cmocka_unit_test(test_time_limit),
		cmocka_unit_test(test_legal_review),
		cmocka_unit_test(test_publication),
		cmocka_unit_test(test_unfound),
		cmocka_unit_test(test_simple_procedure),
		cmocka_unit_test(test_collected_on_spot),
		cmocka_unit_test(test_preserved_evidence),
		cmocka_unit_test(test_notified_and_collective),
		cmocka_unit_test(test_served),
		cmocka_unit_test(test_due_within),
		cmocka_unit_test(test_due_within_procedure),
		cmocka_unit_test(test_file_order),
		cmocka_unit_test(test_problems_text_and_document),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
