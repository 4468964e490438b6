/* cli.c - what every program does the same way: --help, --version, -o,
 * usage errors, messages with positions, and the check of standard output
 * at exit.  The one module of the library that writes messages: always
 * to standard error, and only when a program asks it to. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "io.h"

/* Where the catalogues are: the program's own folder is the build
 * tree's when the program was built and not installed. */
static const char *
locale_dir(char *buf, size_t size)
{
	const char *env = getenv("FAZHI_LOCALEDIR");
	char exe[PATH_MAX], top[PATH_MAX];
	ssize_t n;

	if (env != NULL && env[0] != '\0')
		return env;
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0 &&
	    realpath(FZ_BUILDDIR, top) != NULL) {
		exe[n] = '\0';
		if (strrchr(exe, '/') != NULL)
			*strrchr(exe, '/') = '\0';
		if (strcmp(exe, top) == 0) {
			snprintf(buf, size, "%s/po/locale", top);
			return buf;
		}
	}
	return LOCALEDIR;
}

void
fz_cli_start(void)
{
	char buf[PATH_MAX + 16];

	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	bindtextdomain(FZ_TEXTDOMAIN, locale_dir(buf, sizeof buf));
	textdomain(FZ_TEXTDOMAIN);
	fz_nomem_init();
}

/* s translated; "" stays "" (gettext would give the header). */
static const char *
tr(const char *s)
{
	return s[0] != '\0' ? _(s) : s;
}

static void
print_help(const fz_cli *c)
{
	printf(_("Usage: %s\n%s"), tr(c->usage), tr(c->help));
	putchar('\n');
	if (c->problems != NULL)
		printf(_("Exit status: 0 success, 1 %s, 64 usage, 65 bad input "
		    "data,\n66 cannot open input, 73 cannot create output, 74 "
		    "read or write error.\n"), tr(c->problems));
	else
		printf(_("Exit status: 0 success, 64 usage, 65 bad input data,"
		    "\n66 cannot open input, 73 cannot create output, 74 read "
		    "or write error.\n"));
	printf(_("See %s(1).\n"), c->prog);
}

int
fz_cli_common(fz_cli *c, int opt, const char *arg, fz_error *err)
{
	switch (opt) {
	case 'h':
		print_help(c);
		return FZ_OK;
	case 'V':
		printf("%s (%s) %s\n", c->prog, PACKAGE_NAME, PACKAGE_VERSION);
		return FZ_OK;
	case 'o':
		c->output = arg;
		return -1;
	case 'P':
		c->progress = 1;
		return -1;
	case 'C': {
		/* For the shell's completion (completion/fazhi.bash). */
		fz_buf b = { 0 };

		if (c->complete != NULL)
			c->complete(arg, &b);
		fputs(fz_buf_str(&b), stdout);
		fz_buf_free(&b);
		return FZ_OK;
	}
	default:
		/* getopt_long has said what was wrong. */
		return fz_cli_usage(err, "%s", "");
	}
}

int
fz_cli_usage(fz_error *err, const char *fmt, ...)
{
	va_list ap;

	err->status = FZ_USAGE;
	err->file[0] = '\0';
	err->line = err->col = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fz_gettext(fmt), ap);
	va_end(ap);
	return FZ_USAGE;
}

int
fz_cli_fail(const fz_cli *c, const fz_error *err)
{
	char buf[2200];

	fz_error_format(err, buf, sizeof buf);
	if (err->status != FZ_USAGE || buf[0] != '\0')
		fprintf(stderr, _("%s: %s\n"), c->prog, buf);
	if (err->status == FZ_USAGE)
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
		    c->prog);
	return err->status;
}

/* A part's warnings, told on the part's thread: told when it is
 * merged, in file order. */
static _Thread_local fz_buf *held_warnings;

static void
hold(fz_buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		fz_buf_add(b, small, (size_t)n);
	} else if (n >= 0) {
		char *big = fz_xmalloc((size_t)n + 1);

		vsnprintf(big, (size_t)n + 1, fmt, again);
		fz_buf_add(b, big, (size_t)n);
		free(big);
	}
	va_end(again);
}

static void
hold_prefix(fz_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hold(b, fmt, ap);
	va_end(ap);
}

void
fz_cli_warn(const fz_cli *c, const char *fmt, ...)
{
	va_list ap;

	if (held_warnings != NULL) {
		hold_prefix(held_warnings, _("%s: "), c->prog);
		va_start(ap, fmt);
		hold(held_warnings, fmt, ap);
		va_end(ap);
		fz_buf_add(held_warnings, "\n", 1);
		return;
	}
	fprintf(stderr, _("%s: "), c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fz_gettext(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
write_errno(int e)
{
	switch (e) {
	case ENOSPC: case EFBIG: case EPIPE: case EDQUOT: case EIO:
		return e;
	default:
		return EIO;
	}
}

/* Set once a progress line is on the terminal, to end it at exit. */
static int progress_shown;

int
fz_cli_finish(const fz_cli *c, int status, const fz_error *err)
{
	int e = 0;

	if (status != FZ_OK && status != FZ_PROBLEMS && err != NULL &&
	    err->status != FZ_OK)
		fz_cli_fail(c, err);
	if (status == FZ_USAGE)
		return status;	/* found before anything was written */
	if (progress_shown)
		fputc('\n', stderr);
	if (status == FZ_IOERR) {	/* said already */
		fclose(stdout);
		return status;
	}

	/* errno is the flush's when the flush itself failed.  Otherwise an
	 * earlier write failed: its error is the one a writer kept, or the
	 * errno left by it when that is a write's error at all (a stale
	 * ENOTTY from isatty is not). */
	int before = errno;

	errno = 0;
	if (fflush(stdout) != 0)
		e = errno ? errno : EIO;
	else if (ferror(stdout))
		e = fz_stdout_errno ? fz_stdout_errno : write_errno(before);
	errno = 0;
	if (fclose(stdout) != 0 && e == 0)
		e = errno ? errno : EIO;
	/* Standard output closed (>&-) while the output went to -o FILE:
	 * nothing was to be written to it, so no error. */
	if (e == EBADF && c->output != NULL && strcmp(c->output, "-") != 0)
		e = 0;
	if (e != 0 && e != EPIPE) {
		fprintf(stderr, _("%s: write error: %s\n"), c->prog,
		    strerror(e));
		return status == FZ_OK || status == FZ_PROBLEMS ? FZ_IOERR
		    : status;
	}
	return status;
}

static void
progress_line(void *ctx, uint64_t done, uint64_t total)
{
	const fz_cli *c = ctx;

	progress_shown = 1;
	fputc('\r', stderr);
	if (total > 0)
		fprintf(stderr, _("%s: %llu of %llu MB read"), c->prog,
		    (unsigned long long)(done >> 20),
		    (unsigned long long)(total >> 20));
	else
		fprintf(stderr, _("%s: %llu MB read"), c->prog,
		    (unsigned long long)(done >> 20));
}

/* The progress line, on a terminal or with --progress. */
static void
progress(fz_cli *c, fz_stream *s)
{
	if (c->progress || isatty(STDERR_FILENO))
		fz_stream_set_progress(s, progress_line, c);
}

/* A part of the program's (fz_cli_input's parts), and the warnings
 * told while it was taken. */
struct held_part {
	const fz_stream_parts *p;
	void *part;
	fz_buf warnings;
};

static void *
part_open(void *ctx, enum fz_kind k)
{
	const fz_stream_parts *p = ctx;
	void *part = p->open(p->ctx, k);
	struct held_part *h;

	if (part == NULL)
		return NULL;
	h = fz_xcalloc(1, sizeof *h);
	h->p = p;
	h->part = part;
	return h;
}

static int
part_take(void *part, const fz_event *ev, fz_error *err)
{
	struct held_part *h = part;
	int rc;

	held_warnings = &h->warnings;
	rc = h->p->take(h->part, ev, err);
	held_warnings = NULL;
	return rc;
}

static void
part_drop(void *part)
{
	struct held_part *h = part;

	h->p->drop(h->part);
	fz_buf_free(&h->warnings);
	free(h);
}

static int
part_merge(void *ctx, void *part, fz_error *err)
{
	struct held_part *h = part;
	const fz_stream_parts *p = ctx;
	int rc;

	if (h->warnings.len > 0)
		fwrite(h->warnings.data, 1, h->warnings.len, stderr);
	rc = p->merge(p->ctx, h->part, err);
	fz_buf_free(&h->warnings);
	free(h);
	return rc;
}

int
fz_cli_read(fz_cli *c, char **files, int nfiles, const fz_cli_input *in,
    fz_error *err)
{
	fz_stream *s = fz_stream_open(files, nfiles, in->flags);
	fz_event ev;
	int rc;

	fz_stream_parts parts = { (void *)in->parts, part_open, part_take,
		part_merge, part_drop };

	if (in->tap != NULL)
		fz_stream_set_tap(s, in->tap, in->tap_ctx);
	if (in->parts != NULL)
		fz_stream_set_parts(s, &parts);
	progress(c, s);
	do {
		if ((rc = fz_stream_next(s, &ev, err)) == FZ_OK)
			rc = in->take(in->ctx, &ev, err);
	} while (rc == FZ_OK && ev.type != FZ_EV_END);
	if (in->keep != NULL)
		*in->keep = fz_stream_take_arena(s);
	fz_stream_close(s);
	return rc;
}

void
fz_cli_range_init(fz_cli_range *r)
{
	r->from = r->to = FZ_NODATE;
	r->flags = 0;
}

int
fz_cli_range_option(fz_cli_range *r, int opt, const char *arg,
    fz_error *err)
{
	static const struct {
		const char *name, *form;
		int flag;
	} how[] = {
		{ "--from", N_("a date (YYYY-MM-DD)"), 1 },
		{ "--to", N_("a date (YYYY-MM-DD)"), 1 },
		{ "--month", N_("a month (YYYY-MM)"), 2 },
		{ "--year", N_("a year (YYYY)"), 4 },
	};
	int i = opt - FZ_OPT_FROM, bad;

	r->flags |= how[i].flag;
	if (opt == FZ_OPT_FROM)
		bad = fz_date_parse(arg, strlen(arg), &r->from);
	else if (opt == FZ_OPT_TO)
		bad = fz_date_parse(arg, strlen(arg), &r->to);
	else if (opt == FZ_OPT_MONTH)
		bad = fz_month_parse(arg, &r->from, &r->to);
	else
		bad = fz_year_parse(arg, &r->from, &r->to);
	if (bad)
		return fz_cli_usage(err, _("%s: '%s' is not %s"),
		    how[i].name, arg, _(how[i].form));
	return -1;
}

int
fz_cli_range_check(const fz_cli_range *r, fz_error *err)
{
	if (r->flags != 0 && r->flags != 1 && r->flags != 2 && r->flags != 4)
		return fz_cli_usage(err, _("--from/--to, --month and --year "
		    "exclude each other"));
	if (r->from != FZ_NODATE && r->to != FZ_NODATE && r->to < r->from)
		return fz_cli_usage(err, _("--to is before --from"));
	return -1;
}

int
fz_cli_date_option(const char *opt, const char *arg, fz_date *d,
    fz_error *err)
{
	if (fz_date_parse(arg, strlen(arg), d) != 0)
		return fz_cli_usage(err,
		    _("%s: '%s' is not a date (YYYY-MM-DD)"), opt, arg);
	return -1;
}

int
fz_cli_days_option(const char *opt, const char *arg, long long *days,
    fz_error *err)
{
	if (fz_int_parse(arg, strlen(arg), days) != 0 || *days < 0 ||
	    *days > 36500)
		return fz_cli_usage(err, _("%s: '%s' is not a number of "
		    "days (0 to 36500)"), opt, arg);
	return -1;
}

void
fz_cli_unmatched(const fz_cli *c, const fz_where *w, enum fz_kind k)
{
	const char *key, *value;

	for (size_t i = 0; i < fz_where_count(w); i++)
		if (fz_where_unmatched(w, k, i)) {
			fz_where_get(w, i, &key, &value);
			fz_cli_warn(c, _("warning: --where %s=%s: no record "
			    "has this value"), key, value);
		}
}
