/*
 * fuzz.h - what the libFuzzer harnesses of fuzz/ share.
 *
 * Each harness defines LLVMFuzzerTestOneInput.  Built with clang
 * -fsanitize=fuzzer it is a fuzzer (make fuzz); linked with replay.c
 * it is a test that runs it over the inputs kept in tests/data/fuzz/
 * (make check).  A harness must free all it takes, so that a leak is
 * a finding, and calls fuzz_fail for a property that does not hold.
 */
#ifndef FAZHI_FUZZ_H
#define FAZHI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fazhi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The path of a file of this process holding data[0..size), rewritten
 * at each call (the reader takes paths).  Static string. */
const char *fuzz_file(const void *data, size_t size);
/* A second such file, for a harness that reads what it wrote. */
const char *fuzz_file2(const void *data, size_t size);

/* /dev/null, opened once. */
FILE *fuzz_null(void);

/* Room for a record of any kind, for fz_record_decode. */
union fuzz_record {
	fz_entity entity;
	fz_inspector inspector;
	fz_inspection inspection;
	fz_case case_;
	fz_matter matter;
	fz_application application;
};

/* A diag that reads its reports and says nothing. */
extern const fz_diag fuzz_quiet_diag;

/* The next piece of data up to the byte sep (not included), advancing
 * *data and *size past it; the rest when there is no sep. */
const uint8_t *fuzz_take(const uint8_t **data, size_t *size, int sep,
    size_t *len);

/* Print what failed and abort: the fuzzer keeps the input as a crash. */
void fuzz_fail(const char *what, const char *detail)
    __attribute__((noreturn));
#define FUZZ_ASSERT(cond, detail) \
	do { if (!(cond)) fuzz_fail(#cond, (detail)); } while (0)

/* A memory stream for what a writer writes: open, then close to read
 * buf and len (owned by the caller: free). */
typedef struct fuzz_mem {
	FILE *fp;
	char *buf;
	size_t len;
} fuzz_mem;
void fuzz_mem_open(fuzz_mem *m);
void fuzz_mem_close(fuzz_mem *m);

/* Levels of a tree: 1 for a scalar (same.c). */
size_t fuzz_depth(const fz_node *n);
/* NULL when a and b are the same tree (same shapes, same scalar text
 * and YAML 1.1 type, nulls of any spelling alike, keys by their text
 * alone), else the first node of a (or b) that differs. */
const fz_node *fuzz_differ(const fz_node *a, const fz_node *b);

/* Read back the first document of path (kept in the stream *s, which
 * the caller closes): its node, or NULL with err set. */
fz_node *fuzz_read_back(const char *path, fz_stream **s, fz_error *err);

/* The kinds of records, in the order the import harnesses' first byte
 * picks them. */
extern const enum fz_kind fuzz_import_kinds[6];
/* A problem of an import read and dropped (fz_problem_fn). */
void fuzz_problem_quiet(void *ctx, int severity, const char *file,
    unsigned line, unsigned col, const char *msg);
/* The records of kind k an import made, written as fazhi-import writes
 * them, must read back and decode; fuzz_fail otherwise. */
void fuzz_import_read_back(enum fz_kind k, const fz_node *records);

#endif
