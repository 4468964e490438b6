/* tables_fixture.c - see tables_fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tables_fixture.h"

int
tables_try(const char *yaml, fz_table_set **out, fz_error *err)
{
	char path[] = "/tmp/fazhi-tables-XXXXXX";
	char *paths[] = { path };
	int fd = mkstemp(path), status = FZ_OK, r;
	FILE *fp;
	fz_stream *s;
	fz_event ev;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(yaml, fp);
	assert_int_equal(fclose(fp), 0);
	*out = fz_table_set_new();
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	assert_non_null(s);
	while (status == FZ_OK && (r = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		status = fz_table_set_add_event(*out, &ev, err);
	if (status == FZ_OK && r != 0)
		status = r;
	fz_stream_close(s);
	unlink(path);
	return status;
}

fz_table_set *
tables_of(const char *yaml)
{
	fz_table_set *ts;
	fz_error err = { 0 };
	int status = tables_try(yaml, &ts, &err);

	if (status != FZ_OK)
		fail_msg("%d %s:%u:%u: %s", status, err.file, err.line, err.col,
		    err.msg);
	return ts;
}

const fz_table_cell *
cell_at(const fz_table *t, size_t i, size_t j)
{
	static const fz_table_cell empty = { .empty = 1 };

	assert_true(i < t->nrows);
	assert_true(j < t->ncols);
	return j < t->rows[i].n ? &t->rows[i].cells[j] : &empty;
}

size_t
column_of(const fz_table *t, const char *key)
{
	for (size_t j = 0; j < t->ncols; j++)
		if (strcmp(t->cols[j].key, key) == 0)
			return j;
	fail_msg("no column %s", key);
	return 0;
}

char *
scratch_dir(void)
{
	char *dir = strdup("/tmp/fazhi-test-XXXXXX");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

void
scratch_remove(char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}
