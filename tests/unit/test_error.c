/* test_error.c - error values, their statuses and how they print
 * (lib/error.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fazhi.h"

static void
test_strerror_names_every_status(void **state)
{
	(void)state;
	assert_string_equal(fz_strerror(FZ_OK), "success");
	assert_string_equal(fz_strerror(FZ_PROBLEMS), "problems found");
	assert_string_equal(fz_strerror(FZ_USAGE), "usage error");
	assert_string_equal(fz_strerror(FZ_DATAERR), "bad input data");
	assert_string_equal(fz_strerror(FZ_NOINPUT), "cannot open input");
	assert_string_equal(fz_strerror(FZ_CANTCREAT), "cannot create output");
	assert_string_equal(fz_strerror(FZ_IOERR), "read or write error");
	assert_string_equal(fz_strerror(2), "unknown error");
	assert_string_equal(fz_strerror(-1), "unknown error");
}

static void
test_statuses_are_sysexits(void **state)
{
	(void)state;
	assert_int_equal(FZ_OK, 0);
	assert_int_equal(FZ_PROBLEMS, 1);
	assert_int_equal(FZ_USAGE, 64);
	assert_int_equal(FZ_DATAERR, 65);
	assert_int_equal(FZ_NOINPUT, 66);
	assert_int_equal(FZ_CANTCREAT, 73);
	assert_int_equal(FZ_IOERR, 74);
}

static void
test_set_fills_and_returns_the_status(void **state)
{
	fz_error err;

	(void)state;
	memset(&err, 'x', sizeof err);
	assert_int_equal(fz_error_set(&err, FZ_DATAERR, "logs/2019-03.yaml",
	    12, 5, "unknown result '%s' (expected %s)", "pass",
	    "ok, violation, banned"), FZ_DATAERR);
	assert_int_equal(err.status, FZ_DATAERR);
	assert_string_equal(err.file, "logs/2019-03.yaml");
	assert_int_equal(err.line, 12);
	assert_int_equal(err.col, 5);
	assert_string_equal(err.msg,
	    "unknown result 'pass' (expected ok, violation, banned)");
}

static void
test_set_without_file_or_error(void **state)
{
	fz_error err;

	(void)state;
	memset(&err, 'x', sizeof err);
	assert_int_equal(fz_error_set(&err, FZ_USAGE, NULL, 0, 0, "bad"),
	    FZ_USAGE);
	assert_string_equal(err.file, "");
	assert_string_equal(err.msg, "bad");
	/* Callers that do not want the message pass NULL. */
	assert_int_equal(fz_error_set(NULL, FZ_NOINPUT, "f", 1, 1, "x"),
	    FZ_NOINPUT);
}

static void
test_long_message_is_cut_not_overflowed(void **state)
{
	char big[3000];
	fz_error err;

	(void)state;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	fz_error_set(&err, FZ_DATAERR, big, 1, 1, "%s", big);
	assert_int_equal(strlen(err.msg), sizeof err.msg - 1);
	assert_int_equal(strlen(err.file), sizeof err.file - 1);
}

static void
test_format_shows_the_parts_known(void **state)
{
	fz_error err;
	char buf[256];

	(void)state;
	fz_error_set(&err, FZ_DATAERR, "a.yaml", 12, 5, "bad date");
	fz_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "a.yaml:12:5: bad date");
	fz_error_set(&err, FZ_DATAERR, "a.yaml", 12, 0, "bad date");
	fz_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "a.yaml:12: bad date");
	fz_error_set(&err, FZ_NOINPUT, "a.yaml", 0, 0, "cannot open");
	fz_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "a.yaml: cannot open");
	fz_error_set(&err, FZ_USAGE, NULL, 3, 4, "no file");
	fz_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "no file");
}

static void
test_format_truncates_to_the_buffer(void **state)
{
	fz_error err;
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof buf);
	fz_error_set(&err, FZ_DATAERR, "abcdef.yaml", 1, 2, "message");
	fz_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "abcdef.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strerror_names_every_status),
		cmocka_unit_test(test_statuses_are_sysexits),
		cmocka_unit_test(test_set_fills_and_returns_the_status),
		cmocka_unit_test(test_set_without_file_or_error),
		cmocka_unit_test(test_long_message_is_cut_not_overflowed),
		cmocka_unit_test(test_format_shows_the_parts_known),
		cmocka_unit_test(test_format_truncates_to_the_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
