/* test_mustache_spec.c - every test of the official mustache spec, read
 * with the project's YAML reader and rendered in html mode.  The project
 * does not ship the spec: the suite runs when $FAZHI_MUSTACHE_SPEC or the
 * shared folder (configure's --with-shared) holds it, and is skipped
 * (exit 77, the reason on standard error) when neither does.  The engine's
 * own rules are tests/unit/test_mustache.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fazhi.h"

#define SKIP 77		/* automake's status for a test that cannot run */

static char spec_dir[4096];

/* The spec folder into spec_dir: $FAZHI_MUSTACHE_SPEC, else in
 * $FZ_SHARED (configure's --with-shared, which make check passes on;
 * empty for --without-shared), else, run by hand, in the shared folder
 * beside the source tree.  Returns 1 when the folder was named by
 * $FAZHI_MUSTACHE_SPEC; spec_dir is left empty when there is no shared
 * folder at all. */
static int
find_spec_dir(void)
{
	const char *env = getenv("FAZHI_MUSTACHE_SPEC");
	const char *shared = getenv("FZ_SHARED");
	const char *top = getenv("top_srcdir");

	if (env != NULL && *env != '\0') {
		snprintf(spec_dir, sizeof spec_dir, "%s", env);
		return 1;
	}
	if (shared != NULL && *shared != '\0')
		snprintf(spec_dir, sizeof spec_dir,
		    "%s/conformance/mustache-spec", shared);
	else if (shared == NULL)
		snprintf(spec_dir, sizeof spec_dir,
		    "%s/../shared/conformance/mustache-spec",
		    top != NULL && *top != '\0' ? top : FZ_SRCDIR);
	return 0;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Partials of a spec test come from its partials: mapping. */
static int
spec_partial(void *ctx, const char *name, fz_partial *out, fz_error *err)
{
	const fz_node *v = fz_node_get(ctx, name);

	(void)err;
	if (v != NULL && v->type == FZ_SCALAR) {
		out->src = fz_xstrdup(v->str);
		out->len = v->len;
		out->path = fz_xstrdup(name);
	}
	return FZ_OK;
}

static const char *
str(const fz_node *test, const char *key)
{
	const fz_node *v = fz_node_get(test, key);

	return v != NULL && v->type == FZ_SCALAR ? v->str : "";
}

/* 1 when the test passes; says why on stderr when not. */
static int
run_spec_test(const char *file, const fz_node *test)
{
	const char *tpl = str(test, "template"), *want = str(test, "expected");
	fz_render_template *t = NULL;
	fz_buf out = { 0 };
	fz_error err = { 0 };
	int status = fz_render_template_parse("template", tpl, strlen(tpl), &t, &err);
	int ok;

	if (status == FZ_OK) {
		fz_render_template_set_partials(t, spec_partial,
		    fz_node_get(test, "partials"));
		status = fz_render_template_render(t, fz_node_get(test, "data"),
		    FZ_ESCAPE_HTML, &out, &err);
	}
	ok = status == FZ_OK && strcmp(out.data ? out.data : "", want) == 0;
	if (!ok) {
		char msg[2200];
		fz_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "%s: %s: got [%s] want [%s] %s\n", file,
		    str(test, "name"), out.data ? out.data : "", want,
		    status == FZ_OK ? "" : msg);
	}
	fz_buf_free(&out);
	fz_render_template_free(t);
	return ok;
}

/* Run every test of one spec file; fails on a missing file too. */
static void
run_spec_file(const char *name, size_t at_least)
{
	char path[4200];
	char *paths[1] = { path };
	fz_stream *s;
	fz_event ev;
	fz_error err = { 0 };
	size_t run = 0, failed = 0;
	int status;

	snprintf(path, sizeof path, "%s/%s", spec_dir, name);
	if (access(path, R_OK) != 0)
		fail_msg("%s is missing from the mustache spec", path);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while ((status = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		const fz_node *tests = fz_node_get(ev.node, "tests");
		assert_non_null(tests);
		for (size_t i = 0; i < tests->n; i++, run++)
			failed += !run_spec_test(name, tests->kids[i]);
	}
	fz_stream_close(s);
	if (status != 0) {
		char msg[2200];
		fz_error_format(&err, msg, sizeof msg);
		fail_msg("%s", msg);
	}
	fprintf(stderr, "%s: %zu tests, %zu failed\n", name, run, failed);
	assert_int_equal(failed, 0);
	assert_true(run >= at_least);
}

static void spec_comments(void **s) { (void)s; run_spec_file("comments.yml", 12); }
static void spec_delimiters(void **s) { (void)s; run_spec_file("delimiters.yml", 14); }
static void spec_interpolation(void **s) { (void)s; run_spec_file("interpolation.yml", 42); }
static void spec_inverted(void **s) { (void)s; run_spec_file("inverted.yml", 22); }
static void spec_partials(void **s) { (void)s; run_spec_file("partials.yml", 12); }
static void spec_sections(void **s) { (void)s; run_spec_file("sections.yml", 34); }
static void spec_inheritance(void **s) { (void)s; run_spec_file("~inheritance.yml", 27); }
static void spec_dynamic_names(void **s) { (void)s; run_spec_file("~dynamic-names.yml", 21); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_comments),
		cmocka_unit_test(spec_delimiters),
		cmocka_unit_test(spec_interpolation),
		cmocka_unit_test(spec_inverted),
		cmocka_unit_test(spec_partials),
		cmocka_unit_test(spec_sections),
		cmocka_unit_test(spec_inheritance),
		cmocka_unit_test(spec_dynamic_names),
	};
	int named = find_spec_dir();

	if (*spec_dir == '\0') {
		fprintf(stderr, "test_mustache_spec: SKIP: no shared folder "
		    "(configure --without-shared), and FAZHI_MUSTACHE_SPEC is "
		    "not set: the official mustache spec, which the project "
		    "does not ship, is not run\n");
		return SKIP;
	}
	if (!is_dir(spec_dir)) {
		/* A folder asked for by name must be there. */
		if (named) {
			fprintf(stderr, "test_mustache_spec: FAZHI_MUSTACHE_SPEC="
			    "%s is not a folder\n", spec_dir);
			return 1;
		}
		fprintf(stderr, "test_mustache_spec: SKIP: the official "
		    "mustache spec, which the project does not ship, is not "
		    "in %s: configure --with-shared=DIR, or set "
		    "FAZHI_MUSTACHE_SPEC to its folder, to run it\n", spec_dir);
		return SKIP;
	}
	fprintf(stderr, "test_mustache_spec: the spec in %s\n", spec_dir);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
