/* output.c - the -o FILE of every program: written to a temporary file
 * beside the target and renamed over it only when complete, so that a
 * failed run never leaves a partial file and an old file survives.  A
 * symbolic link is followed: the file it points to is replaced, and the
 * link stays.  The temporary file exists only from the first write to
 * the commit, and a signal that ends the program removes it. */
#define _GNU_SOURCE	/* fopencookie, mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
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

/* The folder that holds path: "." for a name without one. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (slash == NULL)
		return fz_xstrdup(".");
	d = fz_xstrdup(path);
	d[slash == path ? 1 : slash - path] = '\0';
	return d;
}

/* A link in a world-writable sticky folder, owned by neither the folder's
 * owner nor the user, is not followed (as the kernel's protected_symlinks
 * would refuse): someone else may have planted it. */
static int
unsafe_link(const char *path)
{
	struct stat st, dir;
	char *d;
	int bad;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return 0;
	d = folder_of(path);
	bad = stat(d, &dir) == 0 && (dir.st_mode & S_ISVTX) &&
	    (dir.st_mode & S_IWOTH) && st.st_uid != dir.st_uid &&
	    st.st_uid != geteuid();
	free(d);
	return bad;
}

/* ------------------------------------------- temporary files and signals */

/* The temporary files that exist now, for the signal handler to remove.
 * A slot is written with the signals blocked, so the handler never sees
 * one half made. */
#define LIVE_MAX 8
static char *volatile live[LIVE_MAX];
static const int dying[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

static void
on_signal(int sig)
{
	int saved = errno;

	for (size_t i = 0; i < LIVE_MAX; i++)
		if (live[i] != NULL)
			unlink(live[i]);
	/* Die of the signal itself, as without the handler: it is blocked
	 * until the handler returns, then taken with the default action. */
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

static void
block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof dying / sizeof dying[0]; i++)
		sigaddset(&set, dying[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

/* Catch the signals that end a program, but for those it was started
 * ignoring (nohup, a shell's trap ''): they stay ignored. */
static void
catch_signals(void)
{
	static int caught;
	struct sigaction sa, was;

	if (caught)
		return;
	caught = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof dying / sizeof dying[0]; i++)
		sigaddset(&sa.sa_mask, dying[i]);
	for (size_t i = 0; i < sizeof dying / sizeof dying[0]; i++)
		if (sigaction(dying[i], NULL, &was) == 0 &&
		    was.sa_handler == SIG_DFL)
			sigaction(dying[i], &sa, NULL);
}

static void
live_set(const char *old, char *now)
{
	for (size_t i = 0; i < LIVE_MAX; i++)
		if (live[i] == old) {
			live[i] = now;
			return;
		}
}

/* Make the temporary file: o->fd, or -1 with o->made_errno. */
static int
make_temp(fz_output *o)
{
	sigset_t old;

	if (o->fd >= 0 || o->made_errno != 0)
		return o->fd;
	block_signals(&old);
	catch_signals();
	if ((o->fd = mkostemp(o->tmp, O_CLOEXEC)) < 0) {
		o->made_errno = errno;
	} else {
		/* mkstemp makes 0600: give it the mode a new file would
		 * have, or the mode of the file it replaces. */
		fchmod(o->fd, (mode_t)o->mode);
		live_set(NULL, o->tmp);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return o->fd;
}

/* Remove the temporary file, or rename it over the target: either way it
 * is no longer one to remove on a signal. */
static int
drop_temp(fz_output *o, int keep)
{
	sigset_t old;
	int rc = 0, e = 0;

	if (o->fd < 0 && o->made_errno == 0)
		return 0;
	block_signals(&old);
	if (keep && o->fd >= 0) {
		rc = rename(o->tmp, o->path);
		e = errno;
	} else if (o->fd >= 0) {
		unlink(o->tmp);
	}
	live_set(o->tmp, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return rc;
}

/* The stream of a replacing output: the temporary file is made by the
 * first write that reaches it. */
static ssize_t
temp_write(void *cookie, const char *buf, size_t n)
{
	fz_output *o = cookie;
	size_t done = 0;
	ssize_t k;

	if (make_temp(o) < 0) {
		errno = o->made_errno;
		return 0;
	}
	while (done < n) {
		if ((k = write(o->fd, buf + done, n - done)) < 0) {
			if (errno == EINTR)
				continue;
			if (o->write_errno == 0)
				o->write_errno = errno;
			return done > 0 ? (ssize_t)done : 0;
		}
		done += (size_t)k;
	}
	return (ssize_t)n;
}

/* o->fd stays as it was: it tells drop_temp there is a file. */
static int
temp_close(void *cookie)
{
	fz_output *o = cookie;
	int rc = 0;

	if (o->fd >= 0 && close(o->fd) != 0 && o->write_errno == 0)
		o->write_errno = errno, rc = -1;
	return rc;
}

/* ----------------------------------------------------------------- open */

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
		fz_nomem();
	return FZ_OK;
}

/* Whether the temporary file can be made: made and removed at once, with
 * the signals blocked, so that a folder that is missing or cannot be
 * written to is told before any input is read; 0, or an errno. */
static int
creatable(fz_output *o)
{
	struct stat st;
	sigset_t old;
	int fd, e = 0;

	if (stat(o->path, &st) == 0 && S_ISDIR(st.st_mode))
		return EISDIR;
	block_signals(&old);
	if ((fd = mkostemp(o->tmp, O_CLOEXEC)) < 0) {
		e = errno;
	} else {
		unlink(o->tmp);
		close(fd);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* mkstemp wrote its letters into the name: make it a pattern again. */
	memcpy(o->tmp + strlen(o->tmp) - 6, "XXXXXX", 6);
	return e;
}

int
fz_output_open(fz_output *o, const char *given, fz_error *err)
{
	static const cookie_io_functions_t temp_io = {
		.write = temp_write, .close = temp_close
	};
	const char *slash, *path;
	size_t dirlen;
	struct stat st;
	mode_t mask;
	int e;

	memset(o, 0, sizeof *o);
	o->fd = -1;
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
	if ((e = creatable(o)) != 0) {
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		o->fd = -1;
		return fz_error_set(err, FZ_CANTCREAT, given, 0, 0,
		    "cannot create: %s", strerror(e));
	}
	if (stat(path, &st) == 0) {
		o->mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		o->mode = 0666 & ~mask;
	}
	if ((o->fp = fopencookie(o, "wb", temp_io)) == NULL)
		fz_nomem();
	return FZ_OK;
}

int
fz_output_temp(fz_output *o, const char **tmp, fz_error *err)
{
	*tmp = NULL;
	if (o->path == NULL || o->tmp == NULL)
		return FZ_OK;
	if (make_temp(o) < 0)
		return fz_error_set(err, FZ_CANTCREAT, o->path, 0, 0,
		    "cannot create: %s", strerror(o->made_errno));
	*tmp = o->tmp;
	return FZ_OK;
}

void
fz_output_abort(fz_output *o)
{
	if (o->path == NULL)
		return;
	if (o->fp != NULL)
		fclose(o->fp);
	drop_temp(o, 0);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	o->fd = -1;
}

int
fz_output_commit(fz_output *o, fz_error *err)
{
	int e = 0, status = FZ_IOERR;

	if (o->path == NULL)
		return FZ_OK;	/* standard output is checked at exit */
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		e = errno ? errno : EIO;
	/* An empty output is a file too. */
	if (e == 0 && o->tmp != NULL && make_temp(o) < 0)
		e = o->made_errno, status = FZ_CANTCREAT;
	if (e == 0 && o->tmp != NULL && fsync(o->fd) != 0)
		e = errno;
	if (fclose(o->fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	o->fp = NULL;
	/* The write's own errno (ENOSPC, EDQUOT), not what stdio made of it. */
	if (o->write_errno != 0 && status == FZ_IOERR)
		e = o->write_errno;
	else if (o->made_errno != 0)
		e = o->made_errno, status = FZ_CANTCREAT;
	if (e != 0) {
		fz_error_set(err, status, o->path, 0, 0, status == FZ_IOERR ?
		    _("write error: %s") : _("cannot create: %s"), strerror(e));
		fz_output_abort(o);
		return status;
	}
	if (o->tmp != NULL && drop_temp(o, 1) != 0) {
		fz_error_set(err, FZ_CANTCREAT, o->path, 0, 0,
		    "cannot replace: %s", strerror(errno));
		o->fd = -1;	/* closed; nothing to remove but the file */
		unlink(o->tmp);
		fz_output_abort(o);
		return FZ_CANTCREAT;
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	o->fd = -1;
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
	/* The temporary file could not be made when writing started (the
	 * folder went away since it was opened). */
	if (rc == FZ_IOERR && out.made_errno != 0)
		rc = fz_error_set(err, FZ_CANTCREAT, out.path, 0, 0,
		    "cannot create: %s", strerror(out.made_errno));
	/* The write's own errno (ENOSPC), not what stdio made of it. */
	else if (rc == FZ_IOERR && out.write_errno != 0)
		rc = fz_error_set(err, FZ_IOERR, out.path, 0, 0,
		    "write error: %s", strerror(out.write_errno));
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
