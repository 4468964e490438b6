/* tables_fixture.h - tables from YAML text for the tests of table.c,
 * csvout.c and xlsx.c (tests/unit/tables_fixture.c). */
#ifndef TABLES_FIXTURE_H
#define TABLES_FIXTURE_H

#include "fazhi.h"

/* The tables of the documents of yaml, read through the streaming
 * reader into fz_table_set_add_event.  Fails the test on any error.
 * Owned by the caller. */
fz_table_set *tables_of(const char *yaml);
/* The same, but returns the status and fills err. */
int tables_try(const char *yaml, fz_table_set **out, fz_error *err);
/* The cell at row i, column j (an empty one past the row's end). */
const fz_table_cell *cell_at(const fz_table *t, size_t i, size_t j);
/* The column of key, failing the test when absent. */
size_t column_of(const fz_table *t, const char *key);
/* A fresh scratch directory, and its removal with everything in it. */
char *scratch_dir(void);
void scratch_remove(char *dir);

#endif
