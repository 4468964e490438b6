/* test_directory.c - the entity directory by id (lib/directory.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core_fixture.h"

static void
test_add_find_count(void **state)
{
	fz_directory *d = fz_directory_new();
	char id[32] = "91350100M000100Y43", name[32] = "新华书店";
	fz_entity e = { id, name, "书店", "城关镇", NULL, FZ_RISK_HIGH,
		FZ_NODATE, FZ_ENTITY_ACTIVE, NULL };
	fz_entity e2 = { "E2", "星空网吧", "网吧", NULL, "A", -1, 17960,
		FZ_ENTITY_CLOSED, NULL };
	const fz_entity *got;
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_directory_count(d), 0);
	assert_null(fz_directory_find(d, "E2"));
	assert_int_equal(fz_directory_add(d, &e, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add(d, &e2, NULL, &err), FZ_OK);
	/* The directory keeps copies: the caller's strings may change. */
	strcpy(id, "changed");
	strcpy(name, "changed");
	got = fz_directory_find(d, "91350100M000100Y43");
	assert_non_null(got);
	assert_string_equal(got->id, "91350100M000100Y43");
	assert_string_equal(got->name, "新华书店");
	assert_string_equal(got->category, "书店");
	assert_string_equal(got->town, "城关镇");
	assert_null(got->grade);
	assert_int_equal(got->risk, FZ_RISK_HIGH);
	assert_null(fz_directory_find(d, "changed"));
	got = fz_directory_find(d, "E2");
	assert_null(got->town);
	assert_string_equal(got->grade, "A");
	assert_int_equal(got->last_inspected, 17960);
	assert_int_equal(got->status, FZ_ENTITY_CLOSED);
	assert_int_equal(fz_directory_count(d), 2);
	assert_null(fz_directory_find(d, "E"));
	fz_directory_free(d);
	fz_directory_free(NULL);
}

static void
test_duplicate_id(void **state)
{
	fz_directory *d = fz_directory_new();
	fz_entity e = { "E1", "a", "网吧", NULL, NULL, -1, FZ_NODATE, 0, NULL };
	fz_entity again = { "E1", "b", "书店", NULL, NULL, -1, FZ_NODATE, 0, NULL };
	fz_node at = { .type = FZ_SCALAR, .line = 7, .col = 9,
		.file = "ents.yaml", .str = "E1", .len = 2 };
	fz_error err = { 0 };

	(void)state;
	assert_int_equal(fz_directory_add(d, &e, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add(d, &again, &at, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "duplicate entity id 'E1'");
	assert_string_equal(err.file, "ents.yaml");
	assert_int_equal(err.line, 7);
	assert_int_equal(err.col, 9);
	assert_int_equal(fz_directory_count(d), 1);
	/* The first one stays. */
	assert_string_equal(fz_directory_find(d, "E1")->name, "a");
	assert_int_equal(fz_directory_add(d, &again, NULL, &err), FZ_DATAERR);
	assert_string_equal(err.file, "");
	fz_directory_free(d);
}

static void
test_many_entities(void **state)
{
	enum { N = 20000 };
	fz_directory *d = fz_directory_new();
	char id[32], name[32];
	fz_error err = { 0 };

	(void)state;
	for (int i = 0; i < N; i++) {
		fz_entity e = { id, name, "网吧", NULL, NULL, -1, FZ_NODATE, 0, NULL };

		snprintf(id, sizeof id, "E%d", i);
		snprintf(name, sizeof name, "网吧%d", i);
		assert_int_equal(fz_directory_add(d, &e, NULL, &err), FZ_OK);
	}
	assert_int_equal(fz_directory_count(d), N);
	for (int i = 0; i < N; i += 7) {
		snprintf(id, sizeof id, "E%d", i);
		snprintf(name, sizeof name, "网吧%d", i);
		assert_string_equal(fz_directory_find(d, id)->name, name);
	}
	fz_directory_free(d);
}

struct fx {
	char *dir;
	fz_directory *d;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->dir = fx_tmpdir();
	f->d = fz_directory_new();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	fz_directory_free(f->d);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

/* Load text as a file; returns the status and fills err. */
static int
load(struct fx *f, const char *text, fz_error *err)
{
	char *path = fx_write_str(f->dir, "entities.yaml", text);
	int rc = fz_directory_load(f->d, path, err);

	free(path);
	return rc;
}

static void
test_load(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };
	const fz_entity *e;

	assert_int_equal(load(f,
	    "kind: entities\n"
	    "version: 1\n"
	    "records:\n"
	    "  - {id: E1, name: 星空网吧, category: 网吧, town: 城关镇, "
	    "risk: 高}\n"
	    "  - {id: E2, name: 新华书店, category: 书店, status: 注销}\n"
	    "---\n"
	    "records: [{id: E3, name: 影城, category: 影院}]\n"
	    "kind: entities\n", &err), FZ_OK);
	assert_int_equal(fz_directory_count(f->d), 3);
	e = fz_directory_find(f->d, "E1");
	assert_string_equal(e->name, "星空网吧");
	assert_string_equal(e->town, "城关镇");
	assert_int_equal(e->risk, FZ_RISK_HIGH);
	assert_int_equal(e->status, FZ_ENTITY_ACTIVE);
	assert_int_equal(fz_directory_find(f->d, "E2")->status,
	    FZ_ENTITY_CLOSED);
	assert_string_equal(fz_directory_find(f->d, "E3")->category, "影院");
}

static void
test_load_duplicate(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };

	assert_int_equal(load(f,
	    "kind: entities\n"
	    "records:\n"
	    "  - {id: E1, name: a, category: 网吧}\n"
	    "  - {id: E1, name: b, category: 网吧}\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "duplicate entity id 'E1'");
	assert_int_equal(err.line, 4);
	assert_int_equal(err.col, 10);
	assert_true(strstr(err.file, "entities.yaml") != NULL);
}

static void
test_load_bad_record(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };

	assert_int_equal(load(f,
	    "kind: entities\n"
	    "records:\n"
	    "  - {id: E1, category: 网吧}\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "entities record without name");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 5);
}

static void
test_load_other_kind(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };

	assert_int_equal(load(f,
	    "kind: entities\n"
	    "records: [{id: E1, name: a, category: 网吧}]\n"
	    "---\n"
	    "kind: inspections\n"
	    "records: []\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg,
	    "expected an entity directory, not inspections");
	assert_int_equal(err.line, 4);
	assert_int_equal(err.col, 1);
}

static void
test_load_missing_file(void **state)
{
	struct fx *f = *state;
	char path[4096];
	fz_error err = { 0 };

	snprintf(path, sizeof path, "%s/none.yaml", f->dir);
	assert_int_equal(fz_directory_load(f->d, path, &err), FZ_NOINPUT);
	assert_string_equal(err.file, path);
	assert_int_equal(fz_directory_count(f->d), 0);
}

static void
test_load_bad_yaml(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };

	assert_int_equal(load(f, "kind: entities\nrecords: [\n", &err),
	    FZ_DATAERR);
	assert_int_equal(load(f, "records: []\n", &err), FZ_DATAERR);
	assert_string_equal(err.msg, "document has no kind");
}

/* Towns: zone and grade of a record's town, its town first from its
 * entity when it leaves it out; a town not listed is an error at the
 * town's node, or at the entity's when the directory gave it. */
static void
test_towns_fill(void **state)
{
	fz_arena *a = fz_arena_new();
	fz_directory *d = fz_directory_new();
	fz_entity e = { "E1", "甲", "网吧", "南门街道", NULL, -1, FZ_NODATE, 0,
		NULL };
	fz_town t = { "南门街道", "老城片区", "一级", "一中队", "P1" };
	fz_town bare = { "鼓楼街道", NULL, NULL, NULL, NULL };
	fz_node *rec = fx_parse(a, "{entity: E1, date: 2019-01-02}");
	const char *category = NULL, *town = NULL;
	fz_error err = { 0 };

	(void)state;
	assert_null(fz_directory_filled(d));
	assert_null(fz_directory_filled(NULL));
	assert_int_equal(fz_directory_add(d, &e, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add_town(d, &t, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add_town(d, &bare, NULL, &err), FZ_OK);
	assert_int_equal(fz_directory_add_town(d, &t, NULL, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "duplicate town '南门街道'");
	assert_ptr_equal(fz_directory_filled(d), fz_directory_town_keys);
	assert_int_equal(fz_directory_fill(d, a, rec, "E1", &category, &town,
	    &err), FZ_OK);
	assert_string_equal(category, "网吧");
	assert_string_equal(town, "南门街道");
	assert_string_equal(fz_node_get(rec, "zone")->str, "老城片区");
	assert_string_equal(fz_node_get(rec, "grade")->str, "一级");
	/* A town without zone gives none: nothing is made up. */
	rec = fx_parse(a, "{entity: E9, town: 鼓楼街道}");
	town = "鼓楼街道";
	assert_int_equal(fz_directory_fill(d, a, rec, "E9", &category, &town,
	    &err), FZ_OK);
	assert_null(fz_node_get(rec, "zone"));
	rec = fx_parse(a, "{entity: E9, town: 月湖街道}");
	town = "月湖街道";
	assert_int_equal(fz_directory_fill(d, a, rec, "E9", &category, &town,
	    &err), FZ_DATAERR);
	assert_string_equal(err.msg, "town '月湖街道' is not in the towns file");
	assert_int_equal(err.col, fz_node_get(rec, "town")->col);
	e = (fz_entity){ "E2", "乙", "网吧", "月湖街道", NULL, -1, FZ_NODATE, 0,
		NULL };
	assert_int_equal(fz_directory_add(d, &e, NULL, &err), FZ_OK);
	rec = fx_parse(a, "{entity: E2}");
	category = town = NULL;
	assert_int_equal(fz_directory_fill(d, a, rec, "E2", &category, &town,
	    &err), FZ_DATAERR);
	assert_string_equal(err.msg, "town '月湖街道' (the entity's) is not in "
	    "the towns file");
	fz_directory_free(d);
	fz_arena_free(a);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_count),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_many_entities),
		cmocka_unit_test(test_towns_fill),
		T(test_load),
		T(test_load_duplicate),
		T(test_load_bad_record),
		T(test_load_other_kind),
		T(test_load_missing_file),
		T(test_load_bad_yaml),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
