/* test_docx.c - a template as a Word document: the parts of the package
 * in order and deflated, values XML-escaped, a tab a Word tab, the grid
 * of a table sized from its cells (a grid given is kept), a template
 * not built on the page widget refused with nothing written, and the
 * package made aside for standard output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>

#include "fazhi.h"

#define BUILTIN FZ_SRCDIR "/templates"

/* The Word document of template src over {greeting: value} at path:
 * the status of fz_render_docx_output, the output committed on FZ_OK
 * and dropped otherwise. */
static int
docx_of(const char *src, const char *value, const char *path)
{
	char tpl[] = "/tmp/test_docx_XXXXXX.mustache";
	int fd = mkstemps(tpl, (int)strlen(".mustache"));
	FILE *fp = fdopen(fd, "w");
	fz_arena *a = fz_arena_new();
	fz_node *doc = fz_node_map(a);
	fz_render_ctx *c = fz_render_ctx_new();
	fz_render_template *t = NULL;
	fz_output o;
	fz_error err = { 0 };
	int rc;

	assert_non_null(fp);
	fputs(src, fp);
	fclose(fp);
	fz_node_put(a, doc, "greeting", fz_node_scalar(a, value,
	    strlen(value)));
	assert_int_equal(fz_render_ctx_add(c, doc, NULL, &err), FZ_OK);
	assert_int_equal(fz_render_template_open(BUILTIN, "docx", tpl, &t,
	    &err), FZ_OK);
	assert_int_equal(fz_output_open(&o, path, &err), FZ_OK);
	rc = fz_render_docx_output(&o, t, fz_render_ctx_root(c), BUILTIN,
	    &err);
	if (rc == FZ_OK)
		assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	else
		fz_output_abort(&o);
	fz_render_template_free(t);
	fz_render_ctx_free(c);
	fz_arena_free(a);
	unlink(tpl);
	return rc;
}

/* The part name of the zip at path, malloc'd and NUL-terminated. */
static char *
part(const char *path, const char *name)
{
	int code;
	zip_t *z = zip_open(path, ZIP_RDONLY, &code);
	zip_stat_t st;
	zip_file_t *f;
	char *text;

	assert_non_null(z);
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	text = calloc(1, st.size + 1);
	assert_non_null(f = zip_fopen(z, name, 0));
	assert_int_equal(zip_fread(f, text, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(z);
	return text;
}

static const char hello[] =
    "{{<page}}{{$title}}{{greeting}}{{/title}}"
    "{{$body}}{{<p}}{{$p}}{{greeting}}{{/p}}{{/p}}{{/body}}{{/page}}";

static void
test_parts_in_order_deflated(void **state)
{
	static const char *const names[] = { "[Content_Types].xml",
		"_rels/.rels", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footer1.xml", "word/footer2.xml", "word/document.xml" };
	char path[] = "/tmp/test_docx_out_XXXXXX";
	int code, fd = mkstemp(path);
	zip_t *z;
	zip_stat_t st;

	(void)state;
	close(fd);
	assert_int_equal(docx_of(hello, "你好", path), FZ_OK);
	assert_non_null(z = zip_open(path, ZIP_RDONLY, &code));
	assert_int_equal(zip_get_num_entries(z, 0), 9);
	for (zip_uint64_t i = 0; i < 9; i++) {
		assert_int_equal(zip_stat_index(z, i, 0, &st), 0);
		assert_string_equal(st.name, names[i]);
		assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
	}
	zip_close(z);
	unlink(path);
}

static void
test_values_escaped_tab_a_tab(void **state)
{
	char path[] = "/tmp/test_docx_out_XXXXXX";
	int fd = mkstemp(path);
	char *xml;

	(void)state;
	close(fd);
	assert_int_equal(docx_of(hello, "甲\t<乙> & \"丙\"\001", path), FZ_OK);
	xml = part(path, "word/document.xml");
	assert_non_null(strstr(xml, "<w:t xml:space=\"preserve\">甲</w:t>"
	    "<w:tab/><w:t xml:space=\"preserve\">&lt;乙&gt; &amp; "
	    "&quot;丙&quot;</w:t>"));
	assert_null(strchr(xml, '\001'));
	assert_int_equal(strncmp(xml, "<?xml", 5), 0);
	free(xml);
	unlink(path);
}

static void
test_table_grid_from_cells(void **state)
{
	static const char tbl[] =
	    "{{<page}}{{$body}}<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/>"
	    "<w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>序号</w:t>"
	    "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{{greeting}}</w:t>"
	    "</w:r></w:p></w:tc></w:tr></w:tbl>"
	    "<w:tbl><w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid><w:tr>"
	    "<w:tc><w:p/></w:tc></w:tr></w:tbl>{{/body}}{{/page}}";
	char path[] = "/tmp/test_docx_out_XXXXXX";
	int fd = mkstemp(path);
	char *xml;

	(void)state;
	close(fd);
	/* A head of 14 characters takes two lines: 14 units against the
	 * 4 of 序号, of the 8845 twips less two margins of 114. */
	assert_int_equal(docx_of(tbl, "名称很长很长很长很长很长很长", path),
	    FZ_OK);
	xml = part(path, "word/document.xml");
	assert_non_null(strstr(xml, "<w:tblGrid><w:gridCol w:w=\"2029\"/>"
	    "<w:gridCol w:w=\"6816\"/></w:tblGrid>"));
	assert_non_null(strstr(xml, "<w:tblGrid><w:gridCol w:w=\"100\"/>"
	    "</w:tblGrid>"));
	free(xml);
	unlink(path);
}

static void
test_not_a_document_refused(void **state)
{
	char path[] = "/tmp/test_docx_none_XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(docx_of("{{greeting}}\n", "你好", path), FZ_DATAERR);
	assert_int_equal(access(path, F_OK), -1);
}

static int
write_hello(const char *path, void *ctx, fz_error *err)
{
	FILE *fp = fopen(path, "wb");

	(void)err;
	fputs(ctx, fp);
	return fclose(fp) == 0 ? FZ_OK : FZ_IOERR;
}

static void
test_standard_output_made_aside(void **state)
{
	FILE *out = tmpfile();
	fz_output o = { .fp = out, .fd = -1 };
	fz_error err = { 0 };
	char got[16] = "";

	(void)state;
	assert_int_equal(fz_output_by_path(&o, write_hello, "PK hello", &err),
	    FZ_OK);
	rewind(out);
	assert_non_null(fgets(got, sizeof got, out));
	assert_string_equal(got, "PK hello");
	fclose(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_in_order_deflated),
		cmocka_unit_test(test_values_escaped_tab_a_tab),
		cmocka_unit_test(test_table_grid_from_cells),
		cmocka_unit_test(test_not_a_document_refused),
		cmocka_unit_test(test_standard_output_made_aside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
