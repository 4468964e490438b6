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

const char *
fz_gettext(const char *msgid)
{
	return msgid[0] != '\0' ? dgettext(FZ_TEXTDOMAIN, msgid) : msgid;
}

const char *
fz_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = dgettext(FZ_TEXTDOMAIN, ctx_msgid);

	return t == ctx_msgid ? msgid : t;
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
	vsnprintf(err->msg, sizeof err->msg, fz_gettext(fmt), ap);
	va_end(ap);
	return status;
}

char *
fz_col_letters(unsigned col, char *buf)
{
	char rev[8];
	size_t n = 0, i;

	/* Bijective base 26: A..Z, then AA; col < 2^31 needs 7 letters. */
	for (; col > 0 && n < sizeof rev; col = (col - 1) / 26)
		rev[n++] = (char)('A' + (col - 1) % 26);
	for (i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

char *
fz_pos_format(char *buf, size_t size, const char *file, unsigned line,
    unsigned col)
{
	char letters[8];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (file == NULL || file[0] == '\0')
		return buf;
	if (line > 0 && (col & FZ_COL_CELL) && col != FZ_COL_CELL)
		snprintf(buf, size, "%s!%s%u", file,
		    fz_col_letters(col & ~FZ_COL_CELL, letters), line);
	else if (line > 0 && (col & FZ_COL_CELL))
		snprintf(buf, size, "%s!%u:%u", file, line, line);
	else if (line > 0 && col > 0)
		snprintf(buf, size, "%s:%u:%u", file, line, col);
	else if (line > 0)
		snprintf(buf, size, "%s:%u", file, line);
	else
		snprintf(buf, size, "%s", file);
	return buf;
}

void
fz_error_format(const fz_error *err, char *buf, size_t size)
{
	char pos[sizeof err->file + 32];

	fz_pos_format(pos, sizeof pos, err->file, err->line, err->col);
	if (pos[0] == '\0')
		snprintf(buf, size, "%s", err->msg);
	else
		snprintf(buf, size, _("%s: %s"), pos, err->msg);
}

/* fz_nomem's whole line, made while memory was there (fz_nomem_init):
 * a catalogue's lookup may allocate.  Empty until then. */
static char nomem_line[256];

void
fz_nomem_init(void)
{
	snprintf(nomem_line, sizeof nomem_line, _("%s: %s\n"),
	    program_invocation_short_name, _("out of memory"));
}

void
fz_nomem(void)
{
	/* No stdio buffers: they may need the memory that ran out. */
	static const char msg[] = ": out of memory\n";
	const char *prog = program_invocation_short_name;

	if (nomem_line[0] != '\0') {
		if (write(STDERR_FILENO, nomem_line, strlen(nomem_line)) < 0)
			_exit(FZ_SOFTWARE);
	} else if (write(STDERR_FILENO, prog, strlen(prog)) < 0 ||
	    write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(FZ_SOFTWARE);
	_exit(FZ_SOFTWARE);
}
