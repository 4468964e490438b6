/* output_path.c - an output made by a library that writes a whole file
 * by its name (libxlsxwriter, libzip): to the temporary file of -o, or,
 * for standard output, a device or a FIFO, to a file aside that is then
 * copied.  The xlsx and docx writers share it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"

static int
copy_file(FILE *in, FILE *out)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return -1;
	return ferror(in) || fflush(out) == EOF ? -1 : 0;
}

int
fz_output_aside(FILE *out, const char *tmpdir, fz_output_path_fn write,
    void *ctx, fz_error *err)
{
	char path[4096];
	FILE *in;
	int fd, status;

	snprintf(path, sizeof path, "%s/fazhi-out-XXXXXX",
	    tmpdir != NULL && *tmpdir != '\0' ? tmpdir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return fz_error_set(err, FZ_CANTCREAT, path, 0, 0,
		    "cannot create a temporary file: %s", strerror(errno));
	close(fd);
	status = write(path, ctx, err);
	if (status == FZ_OK) {
		errno = 0;
		if ((in = fopen(path, "rb")) == NULL ||
		    copy_file(in, out) != 0)
			status = fz_error_set(err, FZ_IOERR, NULL, 0, 0,
			    "write error: %s", strerror(errno ? errno : EIO));
		if (in != NULL)
			fclose(in);
	}
	unlink(path);
	return status;
}

int
fz_output_by_path(fz_output *o, fz_output_path_fn write, void *ctx,
    fz_error *err)
{
	const char *tmp;
	int status;

	if ((status = fz_output_temp(o, &tmp, err)) != FZ_OK)
		return status;
	if (tmp == NULL)
		return fz_output_aside(o->fp, getenv("TMPDIR"), write, ctx,
		    err);
	status = write(tmp, ctx, err);
	/* Messages name the target, not its temporary file. */
	if (status != FZ_OK && strcmp(err->file, tmp) == 0)
		snprintf(err->file, sizeof err->file, "%s", o->path);
	return status;
}
