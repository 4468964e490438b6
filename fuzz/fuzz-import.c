/* fuzz-import.c - the CSV importer: a column map, the CSV fed in pieces
 * of any size, in UTF-8, GB18030 or GBK; and when the import succeeds,
 * the records it writes must read back and decode without an error.
 *
 * Input: one byte (kind: % 6 over entities, inspectors, inspections,
 * cases, matters, applications; encoding: / 6 % 3), one byte (bits
 * 0-6: pieces of that many bytes plus one, 127 all at once; bit 7: the
 * first line is a --map), then the CSV. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum fz_kind k;
	fz_import *im;
	fz_error err;
	const fz_node *records;
	const uint8_t *map = NULL;
	size_t piece, maplen = 0;
	char *spec;
	int rc;

	if (size < 2)
		return 0;
	k = fuzz_import_kinds[data[0] % 6];
	im = fz_import_new(k, data[0] / 6 % 3, "t.csv",
	    fz_date_make(2019, 12, 31));
	if (im == NULL)
		return 0;
	piece = (data[1] & 127) == 127 ? SIZE_MAX : (size_t)(data[1] & 127) + 1;
	if (data[1] & 128) {
		data += 2;
		size -= 2;
		map = fuzz_take(&data, &size, '\n', &maplen);
		spec = fz_xmalloc(maplen + 1);
		memcpy(spec, map, maplen);
		spec[maplen] = '\0';
		rc = fz_import_map(im, spec, &err);
		free(spec);
		if (rc != FZ_OK) {	/* the program stops there */
			fz_import_free(im);
			return 0;
		}
	} else {
		data += 2;
		size -= 2;
	}
	while (size > 0) {
		size_t n = size < piece ? size : piece;

		fz_import_feed(im, data, n);
		data += n;
		size -= n;
	}
	if (fz_import_end(im, fuzz_problem_quiet, NULL, &records, &err) == FZ_OK)
		fuzz_import_read_back(k, records);
	fz_import_free(im);
	return 0;
}
