/* fuzz-workbook.c - the workbook readers: the bytes as an .xlsx (libzip
 * and expat) or an .xls (FreeXL), one of its sheets, the header guessed
 * or named; and when the import succeeds, the records it writes must
 * read back and decode without an error.
 *
 * Input: one byte (kind: % 6 over entities, inspectors, inspections,
 * cases, matters, applications; / 6 % 2: 0 xlsx, 1 xls), one byte (the
 * sheet: 0 the first, else that number; bits 6-7 nonzero: the header
 * is row bits 0-5 plus one), then the workbook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const enum fz_kind kinds[6] = { FZ_KIND_ENTITIES,
	FZ_KIND_INSPECTORS, FZ_KIND_INSPECTIONS, FZ_KIND_CASES,
	FZ_KIND_MATTERS, FZ_KIND_APPLICATIONS };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum fz_kind k;
	int xls;
	fz_import *im;
	fz_error err = { 0 };
	const fz_node *records;
	const char *path;
	char sheet[8];
	int rc;

	if (size < 2)
		return 0;
	k = kinds[data[0] % 6];
	xls = data[0] / 6 % 2;
	im = fz_import_new(k, FZ_ENC_UTF8, xls ? "t.xls" : "t.xlsx",
	    fz_date_make(2019, 12, 31));
	if (im == NULL)
		return 0;
	snprintf(sheet, sizeof sheet, "%u", (unsigned)(data[1] & 63));
	if (data[1] & 192)
		fz_import_header_row(im, (unsigned)(data[1] & 63) + 1);
	path = fuzz_file(data + 2, size - 2);
	rc = xls ? fz_import_xls(im, path, "t.xls", data[1] & 63 ? sheet :
	    NULL, &err) : fz_import_xlsx(im, path, "t.xlsx", data[1] & 63 ?
	    sheet : NULL, &err);
	FUZZ_ASSERT(rc == FZ_OK || rc == FZ_DATAERR, err.msg);
	if (rc == FZ_OK && fz_import_end(im, fuzz_problem_quiet, NULL,
	    &records, &err) == FZ_OK)
		fuzz_import_read_back(k, records);
	fz_import_free(im);
	return 0;
}
