/* core_fixture.c - scratch files and YAML text for the unit tests of the
 * core modules. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <ftw.h>
#include <unistd.h>
#include <cmocka.h>

#include "core_fixture.h"

char *
fx_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	dir = malloc(strlen(base) + 32);
	assert_non_null(dir);
	sprintf(dir, "%s/fazhi-unit.XXXXXX", base);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void
fx_rmtree(char *dir)
{
	if (dir == NULL)
		return;
	assert_int_equal(nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS), 0);
	free(dir);
}

char *
fx_write(const char *dir, const char *name, const char *text, size_t len)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *fp;

	assert_non_null(path);
	sprintf(path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

char *
fx_write_str(const char *dir, const char *name, const char *text)
{
	return fx_write(dir, name, text, strlen(text));
}

char *
fx_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t size = 0;
	FILE *mem;
	int c;

	assert_non_null(fp);
	mem = open_memstream(&buf, &size);
	assert_non_null(mem);
	while ((c = getc(fp)) != EOF)
		putc(c, mem);
	fclose(fp);
	assert_int_equal(fclose(mem), 0);
	if (len != NULL)
		*len = size;
	return buf;
}

int
fx_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

fz_arena *fx_arena;

int
fx_arena_setup(void **state)
{
	(void)state;
	fx_arena = fz_arena_new();
	return fx_arena == NULL;
}

int
fx_arena_teardown(void **state)
{
	(void)state;
	fz_arena_free(fx_arena);
	fx_arena = NULL;
	return 0;
}

/* Point every node of n at file: the copy outlives the file's name. */
static void
refile(fz_node *n, const char *file)
{
	size_t slots = n->type == FZ_MAP ? 2 * n->n : n->n;

	n->file = file;
	for (size_t i = 0; i < slots; i++)
		if (n->kids[i] != NULL)
			refile(n->kids[i], file);
}

fz_node *
fx_parse(fz_arena *a, const char *yaml)
{
	char *dir = fx_tmpdir();
	char *path = fx_write_str(dir, "doc.yaml", yaml);
	char *paths[1] = { path };
	fz_stream *s = fz_stream_open(paths, 1,
	    FZ_STREAM_ANY_KIND | FZ_STREAM_KEEP);
	fz_node *copy = NULL;
	fz_event ev;
	fz_error err = { 0 };
	int rc;

	while ((rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		if (ev.type == FZ_EV_DOC) {
			copy = fz_node_copy(a, ev.node);
			refile(copy, fz_arena_strdup(a, "doc.yaml"));
			break;
		}
	if (rc != FZ_OK || ev.type != FZ_EV_DOC)
		fail_msg("cannot read the test's YAML: %s (line %u)", err.msg,
		    err.line);
	fz_stream_close(s);
	free(path);
	fx_rmtree(dir);
	assert_non_null(copy);
	return copy;
}

fz_node *
fx_plain(fz_arena *a, const char *s)
{
	fz_node *n = fz_node_scalar(a, s, strlen(s));

	assert_non_null(n);
	return n;
}

fz_node *
fx_quoted(fz_arena *a, const char *s)
{
	fz_node *n = fx_plain(a, s);

	n->quoted = 1;
	return n;
}

fz_node *
fx_list(fz_arena *a, const char *const *items)
{
	fz_node *seq = fz_node_seq(a);

	assert_non_null(seq);
	for (; *items != NULL; items++)
		fz_node_push(a, seq, fx_plain(a, *items));
	return seq;
}

char *
fx_written(fx_write_fn fn, void *ctx, int *rc)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&buf, &size);
	fz_writer *w;
	int r;

	assert_non_null(mem);
	w = fz_writer_new(mem);
	assert_non_null(w);
	fn(w, ctx);
	r = fz_writer_free(w);
	assert_int_equal(fclose(mem), 0);
	if (rc != NULL)
		*rc = r;
	return buf;
}

fz_date
fx_date(const char *s)
{
	fz_date d;

	if (fz_date_parse(s, strlen(s), &d) != 0)
		fail_msg("not a date: %s", s);
	return d;
}
