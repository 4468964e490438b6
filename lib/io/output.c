/* output.c - the -o FILE of every program: written to a temporary file
 * beside the target and renamed over it only when complete, so that a
 * failed run never leaves a partial file and an old file survives.  A
 * symbolic link is followed: the file it points to is replaced, and the
 * link stays. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"

/* The file that path names: itself, or where its link points (a link to
 * nothing yet names the file to make; a link in it is not followed). */
static char *
target(const char *path)
{
	struct stat st;
	char *real, *link;
	const char *slash;
	ssize_t n;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return fz_xstrdup(path);
	if ((real = realpath(path, NULL)) != NULL)
		return real;
	link = fz_xmalloc(PATH_MAX + strlen(path) + 2);
	slash = strrchr(path, '/');
	if ((n = readlink(path, link, PATH_MAX)) <= 0) {
		free(link);
		return fz_xstrdup(path);
	}
	link[n] = '\0';
	if (link[0] != '/' && slash != NULL) {
		size_t dirlen = (size_t)(slash - path) + 1;

		memmove(link + dirlen, link, (size_t)n + 1);
		memcpy(link, path, dirlen);
	}
	return link;
}

/* A link in a world-writable sticky folder, owned by neither the folder's
 * owner nor the user, is not followed (as the kernel's protected_symlinks
 * would refuse): someone else may have planted it. */
static int
unsafe_link(const char *path)
{
	struct stat st, dir;
	const char *slash = strrchr(path, '/');
	char *d;
	int bad;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return 0;
	if (slash == NULL) {
		d = fz_xstrdup(".");
	} else {
		d = fz_xstrdup(path);
		d[slash == path ? 1 : slash - path] = '\0';
	}
	bad = stat(d, &dir) == 0 && (dir.st_mode & S_ISVTX) &&
	    (dir.st_mode & S_IWOTH) && st.st_uid != dir.st_uid &&
	    st.st_uid != geteuid();
	free(d);
	return bad;
}

/* Open a character device or a FIFO to write to as it is. */
static int
open_straight(fz_output *o, const char *given, const struct stat *st,
    fz_error *err)
{
	int fd;

	if (!S_ISCHR(st->st_mode) && !S_ISFIFO(st->st_mode))
		return fz_error_set(err, FZ_CANTCREAT, given, 0, 0,
		    "cannot create: not a regular file, a device or a FIFO");
	if ((fd = open(given, O_WRONLY | O_CLOEXEC)) < 0)
		return fz_error_set(err, FZ_CANTCREAT, given, 0, 0,
		    "cannot create: %s", strerror(errno));
	o->path = fz_xstrdup(given);
	if ((o->fp = fdopen(fd, "wb")) == NULL)
		abort();
	return FZ_OK;
}

int
fz_output_open(fz_output *o, const char *given, fz_error *err)
{
	const char *slash, *path;
	size_t dirlen;
	struct stat st;
	mode_t mode, mask;
	int fd;

	memset(o, 0, sizeof *o);
	if (given == NULL || strcmp(given, "-") == 0) {
		o->fp = stdout;
		return FZ_OK;
	}
	/* Only a regular file (or a new one) is replaced; a device, a FIFO
	 * or /dev/stdout is written straight to, and nothing else that is
	 * not a regular file is renamed over. */
	if (unsafe_link(given))
		return fz_error_set(err, FZ_CANTCREAT, given, 0, 0,
		    "cannot create: a link in a sticky world-writable folder "
		    "owned by someone else is not followed");
	if (stat(given, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return open_straight(o, given, &st, err);
	path = o->path = target(given);
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	o->tmp = fz_xmalloc(strlen(path) + 16);
	snprintf(o->tmp, strlen(path) + 16, "%.*s.%s.XXXXXX", (int)dirlen,
	    path, path + dirlen);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		fd = -1;
	} else {
		fd = mkstemp(o->tmp);
	}
	if (fd < 0) {
		int e = errno;

		fz_error_set(err, FZ_CANTCREAT, given, 0, 0, "cannot create: %s",
		    strerror(e));
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return FZ_CANTCREAT;
	}
	/* mkstemp makes 0600; give the file the mode a new file would have,
	 * or the mode of the file it replaces. */
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	fchmod(fd, mode);
	o->fp = fdopen(fd, "wb");
	if (o->fp == NULL)
		abort();
	return FZ_OK;
}

void
fz_output_abort(fz_output *o)
{
	if (o->path == NULL)
		return;
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

int
fz_output_commit(fz_output *o, fz_error *err)
{
	int e = 0;

	if (o->path == NULL)
		return FZ_OK;	/* standard output is checked at exit */
	if (fflush(o->fp) != 0 || ferror(o->fp) ||
	    (o->tmp != NULL && fsync(fileno(o->fp)) != 0))
		e = errno ? errno : EIO;
	if (fclose(o->fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	o->fp = NULL;
	if (e != 0) {
		fz_error_set(err, FZ_IOERR, o->path, 0, 0, "write error: %s",
		    strerror(e));
		fz_output_abort(o);
		return FZ_IOERR;
	}
	if (o->tmp != NULL && rename(o->tmp, o->path) != 0) {
		fz_error_set(err, FZ_CANTCREAT, o->path, 0, 0,
		    "cannot replace: %s", strerror(errno));
		fz_output_abort(o);
		return FZ_CANTCREAT;
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return FZ_OK;
}

int
fz_output_write(const char *path, fz_output_fn write, void *ctx,
    fz_error *err)
{
	fz_output out;
	int rc, committed;

	if ((rc = fz_output_open(&out, path, err)) != FZ_OK)
		return rc;
	rc = write(&out, ctx, err);
	if (rc == FZ_IOERR && out.path == NULL && ferror(out.fp))
		rc = FZ_OK;	/* told at exit, by fz_cli_finish */
	/* A write error names the output it went to. */
	if (rc == FZ_IOERR && out.path != NULL && err->file[0] == '\0')
		snprintf(err->file, sizeof err->file, "%s", out.path);
	if (rc != FZ_OK && rc != FZ_PROBLEMS) {
		fz_output_abort(&out);
		return rc;
	}
	committed = fz_output_commit(&out, err);
	return committed != FZ_OK ? committed : rc;
}

/* The end of a writer on o: FZ_OK, or FZ_IOERR at o's target when a
 * write failed.  On standard output a failure is checked at exit (by
 * fz_cli_finish), where a closed pipe is no error. */
static int
writer_end(fz_output *o, fz_writer *w, fz_error *err)
{
	if (fz_writer_free(w) != 0 && o->path != NULL)
		return fz_error_set(err, FZ_IOERR, o->path, 0, 0,
		    "write error: %s", strerror(errno ? errno : EIO));
	return FZ_OK;
}

struct yaml_output {
	int (*write)(fz_writer *w, void *ctx);
	void *ctx;
};

static int
write_yaml(fz_output *o, void *ctx, fz_error *err)
{
	const struct yaml_output *y = ctx;
	fz_writer *w = fz_writer_new(o->fp);
	int rc = y->write(w, y->ctx);

	if (writer_end(o, w, err) != FZ_OK)
		return FZ_IOERR;
	return rc == FZ_PROBLEMS ? FZ_PROBLEMS : FZ_OK;
}

int
fz_output_yaml(const char *path, int (*write)(fz_writer *w, void *ctx),
    void *ctx, fz_error *err)
{
	struct yaml_output y = { write, ctx };

	return fz_output_write(path, write_yaml, &y, err);
}

int
fz_output_node(fz_output *o, const fz_node *doc, fz_error *err)
{
	fz_writer *w = fz_writer_new(o->fp);

	fz_write_doc_begin(w);
	fz_write_node(w, doc);
	fz_write_doc_end(w);
	return writer_end(o, w, err);
}
