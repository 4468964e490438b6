/* core_fixture.h - scratch files and YAML text for the unit tests of the
 * core modules (tests/unit/core_fixture.c).  Every function fails the
 * running test on an error of its own. */
#ifndef CORE_FIXTURE_H
#define CORE_FIXTURE_H

#include "fazhi.h"

/* A fresh directory under $TMPDIR (or /tmp); the path is malloc'd. */
char *fx_tmpdir(void);
/* Remove dir and everything in it, and free the path. */
void fx_rmtree(char *dir);
/* Write len bytes of text to dir/name; returns the path, malloc'd. */
char *fx_write(const char *dir, const char *name, const char *text,
    size_t len);
/* The same for a NUL-terminated text. */
char *fx_write_str(const char *dir, const char *name, const char *text);
/* The whole content of path, NUL-terminated and malloc'd; *len, when not
 * NULL, receives its length. */
char *fx_slurp(const char *path, size_t *len);
/* The number of entries of dir, . and .. not counted. */
int fx_count_entries(const char *dir);

/* An arena for a test's nodes: made by fx_arena_setup and freed by
 * fx_arena_teardown, for cmocka's setup and teardown. */
extern fz_arena *fx_arena;
int fx_arena_setup(void **state);
int fx_arena_teardown(void **state);

/* Room for a decoded record of any kind. */
typedef union fx_record {
	fz_entity e;
	fz_inspector p;
	fz_inspection i;
	fz_case c;
	fz_matter m;
	fz_application a;
	fz_complaint q;
	fz_document d;
	fz_activity ac;
} fx_record;

/* The first document of yaml, read through the streaming reader (any
 * kind, records kept) and copied into a; its nodes name the file
 * "doc.yaml". */
fz_node *fx_parse(fz_arena *a, const char *yaml);
/* A plain scalar, or a quoted one (as a reader makes them). */
fz_node *fx_plain(fz_arena *a, const char *s);
fz_node *fx_quoted(fz_arena *a, const char *s);
/* A SEQ of the plain scalars of the NULL-terminated list. */
fz_node *fx_list(fz_arena *a, const char *const *items);

/* What a writer wrote: fn(w, ctx) runs on a writer over a memory
 * stream; the text is returned malloc'd, and *rc (when not NULL)
 * receives fz_writer_free's result. */
typedef void (*fx_write_fn)(fz_writer *w, void *ctx);
char *fx_written(fx_write_fn fn, void *ctx, int *rc);

/* The date of "YYYY-MM-DD", failing the test when it is not one. */
fz_date fx_date(const char *s);

#endif
