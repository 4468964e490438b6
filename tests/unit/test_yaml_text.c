/* test_yaml_text.c - libyaml's problem and context texts known to the
 * table of lib/io/reader_problem.c: each malformed text below makes
 * libyaml give words that fz_yaml_text finds (its own copy, translated;
 * in the C locale the same words), so that a libyaml whose words
 * changed fails here instead of leaving English in a Chinese message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <yaml.h>

#include "fazhi.h"

/* Each text and the problem libyaml finds in it. */
static const struct {
	const char *text, *problem;
} bad[] = {
	{ "[a\n", "did not find expected ',' or ']'" },
	{ "{a: 1\n", "did not find expected ',' or '}'" },
	{ "a: b: c\n", "mapping values are not allowed in this context" },
	{ "a: @b\n", "found character that cannot start any token" },
	{ "- a\nb\n", "could not find expected ':'" },
	{ "\"abc\n", "found unexpected end of stream" },
	{ "\"\\q\"\n", "found unknown escape character" },
	{ "key: \"\\x4\"\n", "did not find expected hexdecimal number" },
	{ "*\n", "did not find expected alphabetic or numeric character" },
	{ "&\n", "did not find expected alphabetic or numeric character" },
	{ "!<a\n", "did not find the expected '>'" },
	{ "!!\n", "did not find expected tag URI" },
	{ "a: !x!y b\n", "found undefined tag handle" },
	{ "%FOO\n---\n", "found unknown directive name" },
	{ "%YAML 1\n---\n", "did not find expected digit or '.' character" },
	{ "%YAML 1.1 x\n---\n", "did not find expected comment or line break" },
	{ "%YAML 1.1\n%YAML 1.1\n---\n", "found duplicate %YAML directive" },
	{ "%YAML 2.0\n---\n", "found incompatible YAML document" },
	{ "%TAG !a! x\n%TAG !a! y\n---\n", "found duplicate %TAG directive" },
	{ "a: |0\n", "found an indentation indicator equal to 0" },
	{ "a: b\n\tc: d\n", "found a tab character that violates indentation" },
	{ "\xff\n", "invalid leading UTF-8 octet" },
	{ "\x01\n", "control characters are not allowed" },
	{ "a: b\n- c\n", "did not find expected key" },
	{ "a:\n  - b\n  c: d\n", "did not find expected '-' indicator" },
	{ "{a: 1}}\n", "did not find expected <document start>" },
};

static void
test_libyaml_words_are_known(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		yaml_parser_t p;
		yaml_event_t e;
		int end = 0;

		assert_true(yaml_parser_initialize(&p));
		yaml_parser_set_input_string(&p,
		    (const unsigned char *)bad[i].text, strlen(bad[i].text));
		while (!end && yaml_parser_parse(&p, &e)) {
			end = e.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&e);
		}
		assert_false(end);
		assert_non_null(p.problem);
		assert_string_equal(p.problem, bad[i].problem);
		/* The table's own copy: the text was found in it. */
		assert_ptr_not_equal(fz_yaml_text(p.problem), p.problem);
		assert_string_equal(fz_yaml_text(p.problem), p.problem);
		if (p.context != NULL) {
			assert_ptr_not_equal(fz_yaml_text(p.context),
			    p.context);
			assert_string_equal(fz_yaml_text(p.context), p.context);
		}
		yaml_parser_delete(&p);
	}
}

static void
test_other_words_pass_through(void **state)
{
	static const char other[] = "did not find expected sunshine";
	char copy[sizeof "while parsing a flow sequence x"];

	(void)state;
	assert_ptr_equal(fz_yaml_text(other), other);
	assert_null(fz_yaml_text(NULL));
	/* Only the whole text: a longer one is not the same words. */
	snprintf(copy, sizeof copy, "%s", "while parsing a flow sequence x");
	assert_ptr_equal(fz_yaml_text(copy), copy);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_libyaml_words_are_known),
		cmocka_unit_test(test_other_words_pass_through),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
