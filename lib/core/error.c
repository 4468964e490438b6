/* error.c - error values and the exit statuses they carry. */
#define _GNU_SOURCE	/* program_invocation_short_name */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "core.h"

const char *
fz_strerror(int status)
{
	switch (status) {
	case FZ_OK:		return "success";
	case FZ_PROBLEMS:	return "problems found";
	case FZ_USAGE:		return "usage error";
	case FZ_DATAERR:	return "bad input data";
	case FZ_NOINPUT:	return "cannot open input";
	case FZ_CANTCREAT:	return "cannot create output";
	case FZ_IOERR:		return "read or write error";
	case FZ_SOFTWARE:	return "internal software error";
	default:		return "unknown error";
	}
}

int
fz_error_set(fz_error *err, int status, const char *file, unsigned line,
    unsigned col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	err->line = line;
	err->col = col;
	if (file == NULL)
		err->file[0] = '\0';
	else
		snprintf(err->file, sizeof err->file, "%s", file);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return status;
}

void
fz_error_format(const fz_error *err, char *buf, size_t size)
{
	if (err->file[0] == '\0')
		snprintf(buf, size, "%s", err->msg);
	else if (err->line == 0)
		snprintf(buf, size, "%s: %s", err->file, err->msg);
	else if (err->col == 0)
		snprintf(buf, size, "%s:%u: %s", err->file, err->line,
		    err->msg);
	else
		snprintf(buf, size, "%s:%u:%u: %s", err->file, err->line,
		    err->col, err->msg);
}

void
fz_nomem(void)
{
	/* No stdio buffers: they may need the memory that ran out. */
	static const char msg[] = ": out of memory\n";
	const char *prog = program_invocation_short_name;

	if (write(STDERR_FILENO, prog, strlen(prog)) < 0 ||
	    write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(FZ_SOFTWARE);
	_exit(FZ_SOFTWARE);
}
