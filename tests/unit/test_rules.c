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

/* The dates of a reconsideration and a litigation, at their own keys:
 * not before what comes first, not after the as-of date. */
static void
test_appeal_dates(void **state)
{
	fz_check_opts o = opts(0, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;
	fz_node *m = record("c.yaml", 1, "id=C1", "filed=2019-03-01",
	    "decided=2019-03-11", "decision_revoked=2019-03-10", (char *)NULL);

	(void)state;
	fz_node_put(arena, m, "reconsideration", record("c.yaml", 20,
	    "applied=2019-03-10", "decided=2019-03-09", "result=撤销",
	    (char *)NULL));
	fz_node_put(arena, m, "litigation", record("c.yaml", 30,
	    "filed=2019-04-01", "judged=2020-02-01", (char *)NULL));
	assert_int_equal(fz_check_record(c, FZ_KIND_CASES, m), FZ_OK);
	assert_string_equal(finish(c, &g),
	    "c.yaml:4:10: error: decision_revoked 2019-03-10 is before "
	    "decided 2019-03-11\n"
	    "c.yaml:20:10: error: reconsideration applied 2019-03-10 is "
	    "before the decision 2019-03-11\n"
	    "c.yaml:21:10: error: reconsideration decided 2019-03-09 is "
	    "before applied 2019-03-10\n"
	    "c.yaml:31:10: error: litigation judged 2020-02-01 is after the "
	    "as-of date 2019-12-31\n");
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

/* art. 42: a certificate valid on the inspection's day, the last day
 * included; the roster read before the inspections or after them. */
static void
test_certificate(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 1, "date=2019-03-01",
	    "entity=E1", "inspectors=[P1 P2]");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 1, "id=P1", "name=甲",
	    "department=文旅", "cert_expires=2019-02-28");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 5, "id=P2", "name=乙",
	    "department=文旅", "cert_expires=2019-03-01");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 9, "id=P3", "name=丙",
	    "department=文旅");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 5, "date=2019-03-02",
	    "entity=E1", "inspectors=[P3 P2]");
	REC(c, FZ_KIND_INSPECTIONS, "i.yaml", 9, "date=2019-02-28",
	    "entity=E1", "inspectors=[P1 P3]");
	assert_string_equal(finish(c, &g),
	    "i.yaml:3:11: error: inspector 'P1' holds no valid 执法证 on "
	    "2019-03-01: it expired on 2019-02-28 (行政处罚法 art. 42)\n"
	    "i.yaml:7:14: error: inspector 'P2' holds no valid 执法证 on "
	    "2019-03-02: it expired on 2019-03-01 (行政处罚法 art. 42)\n");
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
	    "notified=2019-04-01", "served=2019-05-01",
	    "extension_basis=示例规章第十条");
	REC(c, FZ_KIND_CASES, "c.yaml", 19, "id=C4", "filed=2019-01-02",
	    "decided=2019-05-03", "legal_review=2019-05-01",
	    "published=2019-05-06", "extended_days=30",
	    "notified=2019-05-01", "served=2019-05-03",
	    "extension_basis=示例规章第十条");
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
		.handed_in = FZ_NODATE, .review_required = 1,
		.hearing_eligible = -1, .hearing_requested = FZ_NODATE,
		.hearing_notice = FZ_NODATE, .hearing = FZ_NODATE,
		.paid = FZ_NODATE, .not_punished = -1,
		.transferred = FZ_NODATE, .decision_revoked = FZ_NODATE,
		.unpublished = FZ_NODATE,
		.reconsideration = { FZ_NODATE, FZ_NODATE, -1 },
		.litigation = { FZ_NODATE, FZ_NODATE, -1, 0 } };

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
	    "penalty=fine", "fine=200", "paid=2019-03-05");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=简易程序", "party=自然人",
	    "penalty=fine", "fine=200.01", "paid=2019-03-05");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "penalty=[warning fine]", "fine=3000", "paid=2019-03-05");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "party=organization", "penalty=fine", "fine=3000.01",
	    "paid=2019-03-05");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-03-01",
	    "decided=2019-03-01", "legal_review=2019-03-01",
	    "published=2019-03-01", "procedure=simple",
	    "penalty=[warning confiscation suspension]");
	/* The general procedure has no such bound. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-03-01",
	    "decided=2019-03-11", "legal_review=2019-03-11",
	    "published=2019-03-11", "party=person", "penalty=fine",
	    "fine=5000", "notified=2019-03-05", "served=2019-03-11",
	    "paid=2019-03-26");
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

/* A check counting working days by the shipped calendar, which *cal
 * receives for the caller to free. */
static fz_check *
check_cn(fz_check_opts *o, fz_calendar **cal)
{
	*cal = calendar_cn();
	o->calendar = *cal;
	return fz_check_new(o);
}

/* A case decided Friday 2019-09-27, told a week before, served and
 * published that day: the keys of its record after its id. */
#define DECIDED_0927 "filed=2019-09-02", "notified=2019-09-20", \
	"decided=2019-09-27", "served=2019-09-27", "published=2019-09-27"
/* The same on Friday 2021-07-16, after the 2021 law took effect. */
#define DECIDED_0716 "filed=2021-07-01", "notified=2021-07-10", \
	"decided=2021-07-16", "served=2021-07-16", "published=2021-07-16"
/* Decided 2019-09-27 with statement and defence waived: not told. */
#define WAIVED_0927 "filed=2019-09-02", "decided=2019-09-27", \
	"served=2019-09-27", "published=2019-09-27", "statement_waived=true"

/* art. 58: review of the cases that require it (major by default, a
 * hearing held), or of every case by the bureau's policy. */
static void
test_review_required(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	c = check_cn(&o, &cal);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", DECIDED_0927);
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", DECIDED_0927,
	    "major=true", "collective=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", DECIDED_0927,
	    "major=true", "collective=2019-09-27", "review_required=false");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", DECIDED_0927,
	    "review_required=true", "legal_review=2019-09-27");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", DECIDED_0927,
	    "hearing_notice=2019-09-10", "hearing=2019-09-24");
	assert_string_equal(finish(c, &g),
	    "c.yaml:14:10: error: decided without legal review (法制审核, "
	    "行政处罚法 art. 58)\n"
	    "c.yaml:44:10: error: decided after a hearing without legal "
	    "review (法制审核, 行政处罚法 art. 58 ¶1 (二))\n");
	o.settings.review_all = 1;
	c = fz_check_new(&o);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", DECIDED_0927);
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", DECIDED_0927,
	    "legal_review=2019-09-26");
	assert_string_equal(finish(c, &g),
	    "c.yaml:4:10: error: decided without legal review, which the "
	    "bureau's policy asks of every case (法制审核, --review-all; "
	    "行政处罚法 art. 58)\n");
	fz_calendar_free(cal);
}

/* art. 58: the reviewer a legal_reviewer of the roster; ¶2: one who
 * first reviews on or after 2021-07-15 holds the qualification. */
static void
test_reviewer(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	o.as_of = date(2021, 12, 31);
	c = check_cn(&o, &cal);
	/* The cases before the roster: settled at the end. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", DECIDED_0927,
	    "legal_review=2019-09-27", "reviewer=P1");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", DECIDED_0927,
	    "legal_review=2019-09-27", "reviewer=P2");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", DECIDED_0716,
	    "legal_review=2021-07-15", "reviewer=P3");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", DECIDED_0716,
	    "legal_review=2021-07-14", "reviewer=P4");
	/* P4's later review does not make them a first-time reviewer. */
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", DECIDED_0716,
	    "legal_review=2021-07-15", "reviewer=P4");
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", DECIDED_0716,
	    "legal_review=2021-07-15", "reviewer=P5");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", DECIDED_0927,
	    "legal_review=2019-09-27", "reviewer=P9");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 1, "id=P1", "name=甲",
	    "department=文旅", "legal_reviewer=true");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 5, "id=P2", "name=乙",
	    "department=文旅");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 9, "id=P3", "name=丙",
	    "department=文旅", "legal_reviewer=true");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 13, "id=P4", "name=丁",
	    "department=文旅", "legal_reviewer=true");
	REC(c, FZ_KIND_INSPECTORS, "p.yaml", 17, "id=P5", "name=戊",
	    "department=文旅", "legal_reviewer=true",
	    "legal_qualification=true");
	assert_string_equal(finish(c, &g),
	    "c.yaml:18:10: error: reviewer 'P2' is not marked legal_reviewer "
	    "in the inspector roster (法制审核人员, 行政处罚法 art. 58)\n"
	    "c.yaml:28:10: error: reviewer 'P3' first reviewed on 2021-07-15, "
	    "since 2021-07-15, without legal_qualification (法律职业资格, "
	    "行政处罚法 art. 58 ¶2)\n"
	    "c.yaml:68:10: error: inspector 'P9' is not in the inspector "
	    "roster\n");
	fz_calendar_free(cal);
}

/* art. 60: an extension names what allows it. */
static void
test_extension_basis(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_check *c = fz_check_new(&o);
	struct got g;

	(void)state;
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-12-01",
	    "extended_days=30");
	REC(c, FZ_KIND_CASES, "c.yaml", 5, "id=C2", "filed=2019-12-01",
	    "extended_days=30", "extension_basis=示例规章第十条");
	REC(c, FZ_KIND_CASES, "c.yaml", 9, "id=C3", "filed=2019-12-01",
	    "extended_days=0");
	assert_string_equal(finish(c, &g),
	    "c.yaml:3:10: warning: 30 days of extension without "
	    "extension_basis, the 法律、法规、规章 that allows them (行政处罚法 "
	    "art. 60)\n");
}

/* art. 63: who may ask for a hearing, by the rules file's 较大数额. */
static void
test_hearing_eligible(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;
	const char *told = "decided without telling the party of the right "
	    "to a hearing";

	(void)state;
	o.settings.hearing_fine_person = 500000;
	o.settings.hearing_fine_organization = 10000000;
	c = check_cn(&o, &cal);
	/* Waived statement and defence: no notice, so no hearing rights. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", WAIVED_0927,
	    "party=person",
	    "fine=5000", "paid=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", WAIVED_0927,
	    "party=person",
	    "fine=4999.99", "paid=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", WAIVED_0927,
	    "fine=99999.99", "paid=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", WAIVED_0927,
	    "fine=100000", "paid=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", WAIVED_0927,
	    "penalty=suspension");
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", WAIVED_0927,
	    "penalty=suspension", "hearing_eligible=false");
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", WAIVED_0927,
	    "hearing_eligible=true");
	finish(c, &g);
	assert_non_null(strstr(g.text, "c.yaml:3:10: error: a "
	    "hearing-eligible case decided without telling the party of the "
	    "right to a hearing (听证, 行政处罚法 art. 63, 64)\n"));
	assert_int_equal(g.n[FZ_ERROR], 4);
	assert_null(strstr(g.text, "c.yaml:13:10"));
	assert_null(strstr(g.text, "c.yaml:23:10"));
	assert_non_null(strstr(g.text, "c.yaml:33:10"));
	assert_non_null(strstr(g.text, "c.yaml:43:10"));
	assert_null(strstr(g.text, "c.yaml:53:10"));
	assert_non_null(strstr(g.text, "c.yaml:63:10"));
	assert_non_null(strstr(g.text, told));
	fz_calendar_free(cal);
}

/* art. 64: a request within 5 working days of the notice counts; the
 * hearing notice at least 7 working days before; art. 65: the decision
 * after the hearing.  Across National Day 2019 (09-29 and 10-12 worked)
 * and the Spring Festival (02-02 and 02-03 worked). */
static void
test_hearing(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	c = check_cn(&o, &cal);
	/* Told Friday 09-27: the 5th working day is 10-10, the 6th 10-11. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-02",
	    "notified=2019-09-27", "decided=2019-10-25",
	    "served=2019-10-25", "published=2019-10-25",
	    "hearing_eligible=true", "hearing_requested=2019-10-10");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-09-02",
	    "notified=2019-09-27", "decided=2019-10-25",
	    "served=2019-10-25", "published=2019-10-25",
	    "hearing_eligible=true", "hearing_requested=2019-10-11");
	/* Noticed Friday 09-27: the 7th working day is Saturday 10-12. */
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-09-02",
	    "notified=2019-09-25", "decided=2019-10-25",
	    "served=2019-10-25", "published=2019-10-25",
	    "legal_review=2019-10-24", "hearing_requested=2019-09-26",
	    "hearing_notice=2019-09-27", "hearing=2019-10-12");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-09-02",
	    "notified=2019-09-25", "decided=2019-10-25",
	    "served=2019-10-25", "published=2019-10-25",
	    "legal_review=2019-10-24", "hearing_requested=2019-09-26",
	    "hearing_notice=2019-09-27", "hearing=2019-10-11");
	/* Noticed Thursday 01-31: the 7th working day is 02-14. */
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-01-02",
	    "notified=2019-01-29", "decided=2019-02-20",
	    "served=2019-02-20", "published=2019-02-20",
	    "legal_review=2019-02-19", "hearing_notice=2019-01-31",
	    "hearing=2019-02-14");
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-01-02",
	    "notified=2019-01-29", "decided=2019-02-20",
	    "served=2019-02-20", "published=2019-02-20",
	    "legal_review=2019-02-19", "hearing_notice=2019-01-31",
	    "hearing=2019-02-13");
	/* Decided before the hearing; a hearing with no notice. */
	REC(c, FZ_KIND_CASES, "c.yaml", 61, "id=C7", "filed=2019-01-02",
	    "notified=2019-01-29", "decided=2019-02-13",
	    "served=2019-02-13", "published=2019-02-13",
	    "legal_review=2019-02-13", "hearing_notice=2019-01-31",
	    "hearing=2019-02-14");
	REC(c, FZ_KIND_CASES, "c.yaml", 71, "id=C8", "filed=2019-01-02",
	    "notified=2019-01-29", "decided=2019-02-20",
	    "served=2019-02-20", "published=2019-02-20",
	    "legal_review=2019-02-19", "hearing=2019-02-14");
	assert_string_equal(finish(c, &g),
	    "c.yaml:4:10: error: decided without the hearing the party asked "
	    "for on 2019-10-10 (行政处罚法 art. 63)\n"
	    "c.yaml:18:10: warning: a hearing requested 2019-10-11, after "
	    "2019-10-10, the 5th working day after the notice: the request "
	    "does not count (行政处罚法 art. 64 (一))\n"
	    "c.yaml:39:10: error: the hearing notice 2019-09-27, less than 7 "
	    "working days before the hearing 2019-10-11: 2019-10-12 at the "
	    "earliest (行政处罚法 art. 64 (二))\n"
	    "c.yaml:58:10: error: the hearing notice 2019-01-31, less than 7 "
	    "working days before the hearing 2019-02-13: 2019-02-14 at the "
	    "earliest (行政处罚法 art. 64 (二))\n"
	    "c.yaml:64:10: error: decided 2019-02-13, before the hearing "
	    "2019-02-14 (行政处罚法 art. 65)\n"
	    "c.yaml:78:10: error: a hearing without its hearing_notice "
	    "(行政处罚法 art. 64 (二))\n");
	fz_calendar_free(cal);
}

/* art. 33: no penalty given, and the party educated. */
static void
test_not_punished(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	c = check_cn(&o, &cal);
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", DECIDED_0927,
	    "not_punished=first_offense", "educated=true", "penalty=none");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", DECIDED_0927,
	    "not_punished=minor", "educated=true", "fine=200",
	    "paid=2019-09-30");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", DECIDED_0927,
	    "not_punished=no_fault", "penalty=warning", "educated=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", DECIDED_0927,
	    "not_punished=首违不罚");
	assert_string_equal(finish(c, &g),
	    "c.yaml:17:10: error: 轻微不罚, yet a penalty or a fine is given "
	    "(不予行政处罚, 行政处罚法 art. 33)\n"
	    "c.yaml:27:10: error: 无过错不罚, yet a penalty or a fine is given "
	    "(不予行政处罚, 行政处罚法 art. 33)\n"
	    "c.yaml:37:10: error: 首违不罚 without educating the party "
	    "(educated, 行政处罚法 art. 33 ¶3)\n");
	fz_calendar_free(cal);
}

/* art. 72: 3% of the fine a day, to the fen, never above the fine. */
static void
test_surcharge(void **state)
{
	(void)state;
	assert_int_equal(fz_check_surcharge(100000, 1), 3000);
	assert_int_equal(fz_check_surcharge(100000, 33), 99000);
	assert_int_equal(fz_check_surcharge(100000, 34), 100000);
	assert_int_equal(fz_check_surcharge(100000, 365), 100000);
	assert_int_equal(fz_check_surcharge(100000, 0), 0);
	/* 3% of 0.33 yuan is 0.99 fen: 1 fen; of 0.16 yuan, 0.48: none. */
	assert_int_equal(fz_check_surcharge(33, 1), 1);
	assert_int_equal(fz_check_surcharge(16, 1), 0);
	assert_int_equal(fz_check_surcharge(17, 1), 1);
	/* A fine near the largest amount: no overflow. */
	assert_int_equal(fz_check_surcharge(99999999999999999LL, 33),
	    98999999999999999LL);
}

/* art. 67: paid within 15 days of service, days not working days; late
 * or unpaid, the surcharge in the message. */
static void
test_payment(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	c = check_cn(&o, &cal);
	/* Served 01-17: the 15th day is 02-01, across the month's end. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-01-02",
	    "notified=2019-01-14", "decided=2019-01-17",
	    "served=2019-01-17", "published=2019-01-17", "fine=1000",
	    "paid=2019-02-01");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-01-02",
	    "notified=2019-01-14", "decided=2019-01-17",
	    "served=2019-01-17", "published=2019-01-17", "fine=1000",
	    "paid=2019-02-02");
	/* Unpaid: served 12-01, due 12-16, 15 days late on 12-31; served
	 * 03-01, long past: the surcharge stops at the fine. */
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-11-02",
	    "notified=2019-11-25", "decided=2019-11-29",
	    "served=2019-12-01", "published=2019-11-29", "fine=1000");
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-02-02",
	    "notified=2019-02-25", "decided=2019-03-01",
	    "served=2019-03-01", "published=2019-03-01", "fine=200.50");
	/* On the spot, of the simple procedure: served on the decision's
	 * day; collected on the spot: no bank to pay at. */
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-03-01",
	    "decided=2019-03-01", "published=2019-03-01",
	    "procedure=simple", "fine=50", "paid=2019-03-17");
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-03-01",
	    "decided=2019-03-01", "published=2019-03-01",
	    "procedure=simple", "fine=50", "collected_on_spot=50",
	    "handed_in=2019-03-01");
	assert_string_equal(finish(c, &g),
	    "c.yaml:18:10: error: the fine of 1000 yuan paid 2019-02-02, "
	    "after 2019-02-01, the 15th day after service (行政处罚法 art. 67): "
	    "a surcharge of 30 yuan for 1 day (3% a day, at most the fine, "
	    "art. 72)\n"
	    "c.yaml:27:10: error: the fine of 1000 yuan not paid by "
	    "2019-12-16, the 15th day after service (行政处罚法 art. 67): the "
	    "surcharge on 2019-12-31 is 450 yuan for 15 days (3% a day, at "
	    "most the fine, art. 72)\n"
	    "c.yaml:37:10: error: the fine of 200.50 yuan not paid by "
	    "2019-03-16, the 15th day after service (行政处罚法 art. 67): the "
	    "surcharge on 2019-12-31 is 200.50 yuan for 290 days (3% a day, "
	    "at most the fine, art. 72)\n"
	    "c.yaml:47:10: error: the fine of 50 yuan paid 2019-03-17, after "
	    "2019-03-16, the 15th day after service (行政处罚法 art. 67): a "
	    "surcharge of 1.50 yuan for 1 day (3% a day, at most the fine, "
	    "art. 72)\n");
	fz_calendar_free(cal);
}

/* art. 48: a published decision revoked or changed is withdrawn within
 * 3 working days. */
static void
test_unpublished(void **state)
{
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	c = check_cn(&o, &cal);
	/* Revoked Friday 09-27: 09-29, 09-30 and 10-08 are the three. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", DECIDED_0927,
	    "decision_revoked=2019-09-27", "unpublished=2019-10-08");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", DECIDED_0927,
	    "decision_revoked=2019-09-27", "unpublished=2019-10-09");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", DECIDED_0927,
	    "decision_revoked=2019-09-27");
	assert_string_equal(finish(c, &g),
	    "c.yaml:18:10: error: the publication withdrawn 2019-10-09, "
	    "after 2019-10-08, the 3rd working day after the decision was "
	    "revoked or changed (行政处罚法 art. 48)\n"
	    "c.yaml:27:10: error: the publication not withdrawn by "
	    "2019-10-08, the 3rd working day after the decision was revoked "
	    "or changed (行政处罚法 art. 48)\n");
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

/* --due-within: the time to ask for a hearing, the fine's 15 days and
 * the withdrawal of a publication. */
static void
test_due_within_hearing_payment(void **state)
{
	fz_check_opts o = opts(0, 7);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	o.as_of = date(2019, 9, 30);
	c = check_cn(&o, &cal);
	/* Told Tuesday 09-24: the 5th working day is 09-30; told 09-26,
	 * 10-09, beyond the week. */
	REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-02",
	    "notified=2019-09-24", "hearing_eligible=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2", "filed=2019-09-02",
	    "notified=2019-09-26", "hearing_eligible=true");
	REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3", "filed=2019-09-02",
	    "notified=2019-09-24", "hearing_eligible=true",
	    "hearing_requested=2019-09-25");
	/* Served 09-20: paid by 10-05. */
	REC(c, FZ_KIND_CASES, "c.yaml", 31, "id=C4", "filed=2019-09-02",
	    "notified=2019-09-16", "decided=2019-09-20",
	    "served=2019-09-20", "published=2019-09-20", "fine=1000");
	REC(c, FZ_KIND_CASES, "c.yaml", 41, "id=C5", "filed=2019-09-02",
	    "notified=2019-09-16", "decided=2019-09-20",
	    "served=2019-09-20", "published=2019-09-20", "fine=1000",
	    "paid=2019-09-24");
	/* Revoked Thursday 09-26: withdrawn by 09-30. */
	REC(c, FZ_KIND_CASES, "c.yaml", 51, "id=C6", "filed=2019-09-02",
	    "notified=2019-09-16", "decided=2019-09-20",
	    "served=2019-09-20", "published=2019-09-20",
	    "decision_revoked=2019-09-26");
	assert_string_equal(finish(c, &g),
	    "c.yaml:3:10: note: case 'C1' must see whether a hearing is "
	    "requested by 2019-09-30, today (行政处罚法 art. 64 (一))\n"
	    "c.yaml:37:10: note: case 'C4' must have the fine paid by "
	    "2019-10-05, in 5 days (行政处罚法 art. 67)\n"
	    "c.yaml:57:10: note: case 'C6' must withdraw the publication by "
	    "2019-09-30, today (行政处罚法 art. 48)\n");
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

/* The casefile's verdicts at an edge: decided Friday 2019-09-27 before
 * 国庆, served on the 7th working day (the make-up Saturday 10-12) the
 * rule holds, on the next it fails; a case not major has no collective
 * discussion to hold (不适用), nor an undecided case a service.  The
 * problems are the same with and without the verdicts kept. */
static void
test_casefile_verdicts(void **state)
{
	static const struct {
		const char *id, *rule;
		int verdict;
	} want[] = {
		{ "C1", "served", FZ_CHECK_HOLDS },
		{ "C2", "served", FZ_CHECK_FAILS },
		{ "C1", "collective", FZ_CHECK_NOT_APPLICABLE },
		{ "C2", "collective", FZ_CHECK_FAILS },
		{ "C3", "served", FZ_CHECK_NOT_APPLICABLE },
		{ "C3", "time_limit", FZ_CHECK_HOLDS },
	};
	fz_check_opts o = opts(1, -1);
	fz_calendar *cal;
	fz_check *c;
	struct got g;

	(void)state;
	for (int kept = 1; kept >= 0; kept--) {
		o.casefile = kept;
		c = check_cn(&o, &cal);
		REC(c, FZ_KIND_CASES, "c.yaml", 1, "id=C1", "filed=2019-09-02",
		    "notified=2019-09-20", "decided=2019-09-27",
		    "served=2019-10-12", "published=2019-09-27");
		REC(c, FZ_KIND_CASES, "c.yaml", 11, "id=C2",
		    "filed=2019-09-02", "notified=2019-09-20",
		    "decided=2019-09-27", "served=2019-10-14",
		    "published=2019-09-27", "major=true",
		    "legal_review=2019-09-26");
		REC(c, FZ_KIND_CASES, "c.yaml", 21, "id=C3",
		    "filed=2019-12-02");
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
			assert_int_equal(fz_check_verdict(c, want[i].id,
			    want[i].rule), kept ? want[i].verdict : -1);
		assert_int_equal(fz_check_verdict(c, "C9", "served"), -1);
		finish(c, &g);
		fz_calendar_free(cal);
		assert_string_equal(g.text, "c.yaml:14:10: error: a major case "
		    "decided without the leaders' collective discussion "
		    "(集体讨论, 行政处罚法 art. 57)\n"
		    "c.yaml:15:10: error: served 2019-10-14, after 2019-10-12, "
		    "the 7th working day after the decision (行政处罚法 "
		    "art. 61)\n");
	}
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
		cmocka_unit_test(test_appeal_dates),
		cmocka_unit_test(test_decoding_and_documents),
		cmocka_unit_test(test_two_inspectors),
		cmocka_unit_test(test_certificate),
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
		cmocka_unit_test(test_review_required),
		cmocka_unit_test(test_reviewer),
		cmocka_unit_test(test_extension_basis),
		cmocka_unit_test(test_hearing_eligible),
		cmocka_unit_test(test_hearing),
		cmocka_unit_test(test_not_punished),
		cmocka_unit_test(test_surcharge),
		cmocka_unit_test(test_payment),
		cmocka_unit_test(test_unpublished),
		cmocka_unit_test(test_due_within),
		cmocka_unit_test(test_due_within_procedure),
		cmocka_unit_test(test_due_within_hearing_payment),
		cmocka_unit_test(test_file_order),
		cmocka_unit_test(test_problems_text_and_document),
		cmocka_unit_test(test_casefile_verdicts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
