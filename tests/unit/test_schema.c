/* test_schema.c - the kinds of FORMATS.md, their fields, enumerations
 * with Chinese aliases and defaults (lib/schema.c). */
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
test_kinds(void **state)
{
	(void)state;
	for (int k = 0; k < FZ_KIND_COUNT; k++)
		assert_int_equal(fz_kind_parse(fz_kind_name((enum fz_kind)k)), k);
	assert_string_equal(fz_kind_name(FZ_KIND_INSPECTIONS), "inspections");
	assert_string_equal(fz_kind_name(FZ_KIND_CALENDAR), "calendar");
	assert_int_equal(fz_kind_parse("inspection"), FZ_KIND_NONE);
	assert_int_equal(fz_kind_parse(""), FZ_KIND_NONE);
	assert_null(fz_kind_name(FZ_KIND_NONE));
	assert_null(fz_kind_name(FZ_KIND_COUNT));
	assert_true(fz_kind_has_records(FZ_KIND_ENTITIES));
	assert_true(fz_kind_has_records(FZ_KIND_INSPECTORS));
	assert_true(fz_kind_has_records(FZ_KIND_INSPECTIONS));
	assert_true(fz_kind_has_records(FZ_KIND_CASES));
	assert_true(fz_kind_has_records(FZ_KIND_MATTERS));
	assert_true(fz_kind_has_records(FZ_KIND_APPLICATIONS));
	assert_false(fz_kind_has_records(FZ_KIND_PLAN));
	assert_false(fz_kind_has_records(FZ_KIND_DRAW));
	assert_false(fz_kind_has_records(FZ_KIND_CALENDAR));
	assert_false(fz_kind_has_records(FZ_KIND_TALLY));
	assert_false(fz_kind_has_records(FZ_KIND_METRICS));
	assert_false(fz_kind_has_records(FZ_KIND_NONE));
}

static void
test_fields(void **state)
{
	const fz_field *f = fz_field_find(FZ_KIND_CASES, "fine");

	(void)state;
	assert_non_null(f);
	assert_int_equal(f->type, FZ_T_MONEY);
	assert_int_equal(f->offset, offsetof(fz_case, fine));
	assert_false(f->required);
	assert_true(fz_field_find(FZ_KIND_CASES, "filed")->required);
	assert_int_equal(fz_field_find(FZ_KIND_INSPECTIONS, "case")->offset,
	    offsetof(fz_inspection, case_id));
	assert_null(fz_field_find(FZ_KIND_CASES, "nonsense"));
	assert_null(fz_field_find(FZ_KIND_PLAN, "task"));
	assert_null(fz_kind_fields(FZ_KIND_TALLY));
	assert_string_equal(fz_kind_fields(FZ_KIND_ENTITIES)[0].key, "id");
}

static void
test_enum_lookup(void **state)
{
	const fz_enum_value *risk = fz_field_find(FZ_KIND_ENTITIES,
	    "risk")->values;
	const fz_enum_value *type = fz_field_find(FZ_KIND_MATTERS,
	    "type")->values;

	(void)state;
	assert_int_equal(fz_enum_lookup(risk, "low", 3), FZ_RISK_LOW);
	assert_int_equal(fz_enum_lookup(risk, "高", strlen("高")), FZ_RISK_HIGH);
	assert_int_equal(fz_enum_lookup(risk, "一般", strlen("一般")),
	    FZ_RISK_MEDIUM);
	/* An extra alias gives the index of the canonical value. */
	assert_int_equal(fz_enum_lookup(risk, "中", strlen("中")),
	    FZ_RISK_MEDIUM);
	assert_int_equal(fz_enum_lookup(type, "备案", strlen("备案")),
	    FZ_MT_FILING);
	assert_int_equal(fz_enum_lookup(risk, "Low", 3), -1);
	assert_int_equal(fz_enum_lookup(risk, "lo", 2), -1);
	assert_int_equal(fz_enum_lookup(risk, "", 0), -1);
}

static void
test_record_get_gives_defaults(void **state)
{
	fz_node *doc = fx_parse(fx_arena, "kind: inspections\nrecords:\n"
	    "  - {date: 2019-03-05, entity: E1, town: ~, result: violation}\n"
	    "  - {id: E1, status: null}\n");
	const fz_node *r = fz_node_get(doc, "records")->kids[0];
	const fz_node *nulled = fz_node_get(doc, "records")->kids[1];

	(void)state;
	assert_ptr_equal(fz_record_get(FZ_KIND_INSPECTIONS, r, "result"),
	    fz_node_get(r, "result"));
	assert_string_equal(fz_record_get(FZ_KIND_INSPECTIONS, r, "type")->str,
	    "routine");
	assert_string_equal(fz_record_get(FZ_KIND_INSPECTIONS, r,
	    "reported_by")->str, "bureau");
	assert_string_equal(fz_record_get(FZ_KIND_INSPECTIONS, r,
	    "leader_led")->str, "false");
	assert_null(fz_record_get(FZ_KIND_INSPECTIONS, r, "town"));
	assert_null(fz_record_get(FZ_KIND_INSPECTIONS, r, "task"));
	assert_null(fz_record_get(FZ_KIND_INSPECTIONS, r, "nonsense"));
	/* An explicit null is as absent: the default. */
	assert_string_equal(fz_record_get(FZ_KIND_ENTITIES, nulled,
	    "status")->str, "active");
	assert_string_equal(fz_record_get(FZ_KIND_CASES, nulled,
	    "extended_days")->str, "0");
	assert_null(fz_record_get(FZ_KIND_CASES, nulled, "status"));
	assert_string_equal(fz_record_get(FZ_KIND_APPLICATIONS, nulled,
	    "channel")->str, "window");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_enum_lookup),
		cmocka_unit_test(test_record_get_gives_defaults),
	};

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
