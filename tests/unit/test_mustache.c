/* test_mustache.c - the mustache engine: every test of the official spec
 * (read with the project's YAML reader, rendered in html mode), and the
 * engine's own rules: YAML 1.1 truth and numbers, escaping modes, parse
 * errors with their positions, refused and runaway partials, files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fazhi.h"

/* ------------------------------------------------------------ the spec */

/* The spec folder: $FAZHI_MUSTACHE_SPEC, else in $FZ_SHARED (configure's
 * --with-shared, set by make check), else in ../shared beside the source
 * tree ($top_srcdir, or the current folder). */
static const char *
spec_dir(void)
{
	static char dir[4096];
	const char *env = getenv("FAZHI_MUSTACHE_SPEC");
	const char *shared = getenv("FZ_SHARED");
	const char *top = getenv("top_srcdir");

	if (env != NULL && *env != '\0')
		return env;
	if (shared != NULL && *shared != '\0')
		snprintf(dir, sizeof dir, "%s/conformance/mustache-spec",
		    shared);
	else
		snprintf(dir, sizeof dir, "%s/../shared/conformance/"
		    "mustache-spec", top != NULL && *top != '\0' ? top : ".");
	return dir;
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

	snprintf(path, sizeof path, "%s/%s", spec_dir(), name);
	if (access(path, R_OK) != 0)
		fail_msg("mustache spec not found: %s (set FAZHI_MUSTACHE_SPEC,"
		    " or configure --with-shared)", path);
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

/* ------------------------------------------------------- the engine's own */

static fz_arena *arena;

static int
setup(void **state)
{
	(void)state;
	arena = fz_arena_new();
	return arena == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	fz_arena_free(arena);
	return 0;
}

/* A plain scalar, as YAML would read it unquoted. */
static fz_node *
plain(const char *s)
{
	return fz_node_scalar(arena, s, strlen(s));
}

static fz_node *
quoted(const char *s)
{
	fz_node *n = plain(s);

	n->quoted = 1;
	return n;
}

/* A mapping of key, value pairs up to a NULL key. */
static fz_node *
map(const char *key, ...)
{
	fz_node *m = fz_node_map(arena);
	va_list ap;

	va_start(ap, key);
	for (; key != NULL; key = va_arg(ap, const char *))
		fz_node_put(arena, m, key, va_arg(ap, fz_node *));
	va_end(ap);
	return m;
}

static fz_node *
seq(int n, ...)
{
	fz_node *s = fz_node_seq(arena);
	va_list ap;

	va_start(ap, n);
	while (n-- > 0)
		fz_node_push(arena, s, va_arg(ap, fz_node *));
	va_end(ap);
	return s;
}

/* Partials of the engine tests: "self" includes itself, "bad" does not
 * parse, "../up" is refused, anything else is missing. */
static int
test_partial(void *ctx, const char *name, fz_partial *out, fz_error *err)
{
	const char *src = NULL;

	(void)ctx;
	if (strstr(name, "..") != NULL)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0,
		    "partial '%s' is outside the template's folder", name);
	if (strcmp(name, "self") == 0)
		src = "x{{>self}}";
	else if (strcmp(name, "bad") == 0)
		src = "ok\n {{#open}}";
	else if (strcmp(name, "lines") == 0)
		src = "a\n\nb\n";
	if (src != NULL) {
		out->src = fz_xstrdup(src);
		out->len = strlen(src);
		out->path = fz_xstrdup(name);
	}
	return FZ_OK;
}

/* Render tpl over data; the status, and the output or message in buf. */
static int
render(const char *tpl, const fz_node *data, enum fz_escape esc,
    char *buf, size_t size)
{
	fz_render_template *t = NULL;
	fz_error err = { 0 };
	fz_buf out = { 0 };
	int status = fz_render_template_parse("t.mustache", tpl, strlen(tpl), &t,
	    &err);

	if (status == FZ_OK) {
		fz_render_template_set_partials(t, test_partial, NULL);
		status = fz_render_template_render(t, data, esc, &out, &err);
	}
	if (status == FZ_OK)
		snprintf(buf, size, "%s", out.data ? out.data : "");
	else
		fz_error_format(&err, buf, size);
	fz_buf_free(&out);
	fz_render_template_free(t);
	return status;
}

static void
assert_renders(const char *tpl, const fz_node *data, const char *want)
{
	char buf[4096];

	assert_int_equal(render(tpl, data, FZ_ESCAPE_NONE, buf, sizeof buf),
	    FZ_OK);
	assert_string_equal(buf, want);
}

static void
assert_fails(const char *tpl, const char *want)
{
	char buf[4096];

	assert_int_equal(render(tpl, NULL, FZ_ESCAPE_NONE, buf, sizeof buf),
	    FZ_DATAERR);
	assert_string_equal(buf, want);
}

static void
truth_follows_yaml(void **state)
{
	static const char *const falsey[] = { "false", "False", "FALSE",
		"no", "off", "n", "null", "~", "", "0", "-0", "0.0", "0x0",
		"000", NULL };
	static const char *const truthy[] = { "true", "yes", "Yes", "on",
		"y", "1", "0.01", "0x10", ".inf", "text", NULL };
	const char *tpl = "{{#v}}T{{/v}}{{^v}}F{{/v}}";

	(void)state;
	for (int i = 0; falsey[i] != NULL; i++)
		assert_renders(tpl, map("v", plain(falsey[i]), NULL), "F");
	for (int i = 0; truthy[i] != NULL; i++)
		assert_renders(tpl, map("v", plain(truthy[i]), NULL), "T");
	/* Quoted, every word is text, and only "" is falsey. */
	assert_renders(tpl, map("v", quoted("false"), NULL), "T");
	assert_renders(tpl, map("v", quoted("0"), NULL), "T");
	assert_renders(tpl, map("v", quoted(""), NULL), "F");
	assert_renders(tpl, map("v", seq(0), NULL), "F");
	assert_renders(tpl, map("v", map(NULL), NULL), "T");
	assert_renders(tpl, NULL, "F");
}

static void
numbers_print_as_written(void **state)
{
	(void)state;
	assert_renders("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}", map("a",
	    plain("42"), "b", plain("1.50"), "c", plain("2.0"), "d",
	    plain("98.34"), "e", quoted("1250.50"), "f", plain("1e5"), NULL),
	    "42 1.5 2 98.34 1250.50 1e5");
	/* null and collections interpolate as nothing. */
	assert_renders("[{{n}}{{s}}{{m}}]", map("n", plain("null"), "s",
	    seq(1, plain("x")), "m", map("k", plain("v"), NULL), NULL),
	    "[]");
	/* A list item by index after the first name part. */
	assert_renders("{{l.1}}{{l.5}}{{l.x}}", map("l", seq(2, plain("a"),
	    plain("b")), NULL), "b");
}

static void
escaping_modes(void **state)
{
	const fz_node *d = map("v", quoted("<a href='x'>&\"</a>"), NULL);
	char buf[256];

	(void)state;
	assert_int_equal(render("{{v}}|{{{v}}}", d, FZ_ESCAPE_HTML, buf,
	    sizeof buf), FZ_OK);
	assert_string_equal(buf, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
	    "&lt;/a&gt;|<a href='x'>&\"</a>");
	assert_int_equal(render("{{v}}", d, FZ_ESCAPE_NONE, buf, sizeof buf),
	    FZ_OK);
	assert_string_equal(buf, "<a href='x'>&\"</a>");
}

static void
parse_errors_are_positioned(void **state)
{
	(void)state;
	assert_fails("line\n  {{#a}}\n", "t.mustache:2:3: '{{#a}}' is not "
	    "closed");
	assert_fails("x {{/a}}", "t.mustache:1:3: '{{/a}}' closes nothing");
	assert_fails("{{#a}}\n{{/b}}", "t.mustache:2:1: '{{/b}}' does not "
	    "close '{{#a}}' of line 1");
	assert_fails("中文 {{x", "t.mustache:1:4: unclosed tag '{{x'");
	assert_fails("{{ }}", "t.mustache:1:1: empty tag '{{ }}'");
	assert_fails("{{a b}}", "t.mustache:1:1: white space inside the "
	    "name of tag '{{a b}}'");
	assert_fails("{{=<%=}}", "t.mustache:1:1: a delimiter tag names two "
	    "delimiters: '{{=<%=}}'");
	assert_fails("{{=<% %>=}}\n<%#a%>", "t.mustache:2:1: '<%#a%>' is "
	    "not closed");
	assert_fails("{{{a}}", "t.mustache:1:1: unclosed tag '{{{a}}'");
}

static void
partials_errors(void **state)
{
	(void)state;
	/* A refused name points at the tag. */
	assert_fails("a\n {{>../up}}", "t.mustache:2:2: partial '../up' is "
	    "outside the template's folder");
	/* A partial that does not parse points into the partial. */
	assert_fails("{{>bad}}", "bad:2:2: '{{#open}}' is not closed");
	/* A partial that includes itself stops. */
	assert_fails("{{>self}}", "self:1:2: templates nested deeper than "
	    "256 (a partial that includes itself?)");
	/* A missing one is nothing; blank lines are not indented. */
	assert_renders("[{{>none}}]\n  {{>lines}}\n", NULL, "[]\n  a\n\n  b\n");
}

static void
renders_to_files(void **state)
{
	fz_render_template *t = NULL;
	fz_error err = { 0 };
	FILE *fp = tmpfile();
	char buf[64] = "";

	(void)state;
	assert_non_null(fp);
	assert_int_equal(fz_render_template_parse("t", "{{#l}}<{{.}}>{{/l}}", 19, &t,
	    &err), FZ_OK);
	assert_int_equal(fz_render_template_render_file(t, map("l", seq(2,
	    plain("a"), plain("&")), NULL), FZ_ESCAPE_HTML, fp, &err), FZ_OK);
	rewind(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	assert_string_equal(buf, "<a><&amp;>");
	fclose(fp);
	fp = fopen("/dev/full", "w");
	if (fp != NULL) {
		assert_int_equal(fz_render_template_render_file(t, map("l", seq(1,
		    plain("a")), NULL), FZ_ESCAPE_NONE, fp, &err), FZ_IOERR);
		fclose(fp);
	}
	fz_render_template_free(t);
}

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
		cmocka_unit_test(truth_follows_yaml),
		cmocka_unit_test(numbers_print_as_written),
		cmocka_unit_test(escaping_modes),
		cmocka_unit_test(parse_errors_are_positioned),
		cmocka_unit_test(partials_errors),
		cmocka_unit_test(renders_to_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
