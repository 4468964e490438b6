/* sheet_date.c - the dates of a workbook: which number formats show a
 * date, and a date cell's serial number as the date it counts. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

/* A number format code shows a date when it has a y or a d outside
 * quotes, brackets ([Red], [$-804]) and escapes: m alone may be
 * minutes, and a time of day is no date. */
int
fz_import__code_is_date(const char *code)
{
	for (const char *p = code; *p != '\0'; p++) {
		if (*p == '"') {
			while (p[1] != '\0' && p[1] != '"')
				p++;
			p += p[1] != '\0';
		} else if (*p == '[') {
			while (p[1] != '\0' && p[1] != ']')
				p++;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
		} else if (strchr("yYdD", *p) != NULL) {
			return 1;
		}
	}
	return 0;
}

/* The built-in formats that show a date: the ISO/US ones and those of
 * the Chinese locale (yyyy"年"m"月"d"日" ...). */
int
fz_import__builtin_is_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
	    id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* A date cell's serial number (days from 1899-12-30, or in the 1904
 * system from 1904-01-01; a fraction is its time of day) as
 * YYYY-MM-DD; 0 when it is no plain number.  1900 was taken for a leap
 * year: serials below 60 count from 1899-12-31 (1 is 1900-01-01), and
 * 60 is the day that never was, 1900-02-29, which the date check
 * reports. */
int
fz_import__serial_date(int date1904, const char *v, char out[16])
{
	char *end;
	long days;
	int y, m, d;

	if (*v < '0' || *v > '9')
		return 0;
	errno = 0;
	days = strtol(v, &end, 10);
	if (errno != 0 || days > 2958465 ||
	    (*end != '\0' && (*end != '.' || strspn(end + 1, "0123456789") !=
	    strlen(end + 1))))
		return 0;
	if (date1904) {
		fz_date_split(fz_date_make(1904, 1, 1) + (fz_date)days, &y, &m,
		    &d);
	} else if (days == 60) {
		snprintf(out, 16, "1900-02-29");
		return 1;
	} else {
		fz_date_split(fz_date_make(1899, 12, days < 60 ? 31 : 30) +
		    (fz_date)days, &y, &m, &d);
	}
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
	return 1;
}
