/* fuzz-workbook.c - the xlsx reader (libzip and expat): the bytes as a
 * workbook, one of its sheets, the header guessed or named; and when
 * the import succeeds, the records it writes must read back and decode
 * without an error.  The xls reader is not fuzzed here: FreeXL 1.0.6
 * itself reads memory it never set on damaged files, so a harness over
 * it finds FreeXL's faults, not fazhi's.
 *
 * Input: one byte (kind: % 6 over entities, inspectors, inspections,
 * cases, matters, applications), one byte (the sheet: bits 0-5, 0 the
 * first, else that number; bits 6-7 nonzero: the header is row bits
 * 0-5 plus one), then the workbook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum fz_kind k;
	fz_import *im;
	fz_error err = { 0 };
	const fz_node *records;
	const char *path;
	char sheet[8];
	int rc;

	if (size < 2)
		return 0;
	k = fuzz_import_kinds[data[0] % 6];
	im = fz_import_new(k, FZ_ENC_UTF8, "t.xlsx", fz_date_make(2019, 12,
	    31));
	if (im == NULL)
		return 0;
	snprintf(sheet, sizeof sheet, "%u", (unsigned)(data[1] & 63));
	if (data[1] & 192)
		fz_import_header_row(im, (unsigned)(data[1] & 63) + 1);
	path = fuzz_file(data + 2, size - 2);
	rc = fz_import_xlsx(im, path, "t.xlsx", data[1] & 63 ? sheet : NULL,
	    &err);
	FUZZ_ASSERT(rc == FZ_OK || rc == FZ_DATAERR, err.msg);
	if (rc == FZ_OK && fz_import_end(im, fuzz_problem_quiet, NULL,
	    &records, &err) == FZ_OK)
		fuzz_import_read_back(k, records);
	fz_import_free(im);
	return 0;
}
