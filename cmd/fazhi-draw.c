/* fazhi-draw - the random inspection draw (双随机), and its verification. */
#include <sys/stat.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-draw",
	.usage = N_("fazhi-draw [-o FILE] [--hash sha256|sm3] [FILE...]\n"
	    "       fazhi-draw --verify DRAW [-o FILE] [--hash sha256|sm3] "
	    "[FILE...]"),
	.problems = N_("differences (--verify)"),
	.help =
	    N_("Draw the entities to inspect and their inspectors from a plan, the\n"
	    "entity directory, the inspector roster and, for strata by credit\n"
	    "class, the credit classes (in any order), by the rules of\n"
	    "fazhi-draw(1); or check a published draw against them.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --hash NAME       sha256 (the default) or sm3, unless the plan names one\n"
	    "      --verify DRAW     recompute the draw and list every line of DRAW that\n"
	    "                        does not hold (exit status 1), the digests first\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n"),
};

enum { O_HASH = 256, O_VERIFY };

struct opts {
	int hash;		/* -1: the plan's */
	const char *verify;	/* the published draw, or NULL */
};

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		{ "hash", required_argument, NULL, O_HASH },
		{ "verify", required_argument, NULL, O_VERIFY },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1) {
		rc = -1;
		if (c == O_VERIFY)
			o->verify = optarg;
		else if (c == O_HASH &&
		    (o->hash = fz_hash_parse(optarg, strlen(optarg))) < 0)
			rc = fz_cli_usage(err, "--hash: '%s' is not sha256 or "
			    "sm3", optarg);
		else if (c != O_HASH)
			rc = fz_cli_common(&cli, c, optarg, err);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

static void
warning(void *ctx, int severity, const fz_node *at, const char *msg)
{
	(void)ctx;
	(void)severity;
	if (at != NULL)
		fprintf(stderr, _("%s: %s:%u:%u: warning: %s\n"), cli.prog,
		    at->file, at->line, at->col, msg);
	else
		fprintf(stderr, _("%s: warning: %s\n"), cli.prog, msg);
}

static const fz_diag warnings = { warning, NULL, 0 };

/* What a run reads and makes. */
struct run {
	const struct opts *o;
	char **files;
	int nfiles;
	fz_draw_inputs in;
	fz_draw d;
	fz_arena *a;		/* the documents */
};

static int
take_input(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_draw_take(ctx, ev, err);
}

static int
look_again(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_draw_look_again(ctx, ev, err);
}

/* Files, every one: the inputs can be read a second time. */
static int
rereadable(char **files, int nfiles)
{
	struct stat sb;

	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0 || stat(files[i], &sb) != 0 ||
		    !S_ISREG(sb.st_mode))
			return 0;
	return nfiles > 0;
}

/* The inputs read, in bounded memory when they are files: read a second
 * time when two entities' fingerprints are equal or a stratum takes a
 * ratio.  Not split then: the reader holds a split file's second half
 * until the first is read, half the directory's events at once. */
static int
read_inputs(struct run *r, fz_error *err)
{
	fz_draw_inputs *in = &r->in;
	fz_cli_input how = { .flags = FZ_STREAM_SPLIT, .take = take_input,
		.ctx = in, .tap = fz_draw_inputs_tap, .tap_ctx = in };
	fz_error again = { 0 };
	int rc;

	if (rereadable(r->files, r->nfiles)) {
		fz_draw_inputs_bounded(in);
		how.flags = 0;
	}
	rc = fz_cli_read(&cli, r->files, r->nfiles, &how, err);
	if (fz_draw_inputs_again(in)) {
		how.take = look_again;
		how.tap = NULL;
		/* Its own error is the first reading's, already in err. */
		(void)fz_cli_read(&cli, r->files, r->nfiles, &how, &again);
	}
	return fz_draw_inputs_end(in, rc, err);
}

/* The draw of the inputs, as a document in r->a. */
static int
draw(struct run *r, enum fz_hash fallback, fz_node **doc,
    fz_error *err)
{
	fz_draw_inputs *in = &r->in;
	int rc;

	fz_draw_inputs_init(in, r->o->hash, fallback, &warnings);
	rc = read_inputs(r, err);
	if (isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);	/* the progress line */
	if (rc != FZ_OK)
		return rc;
	if ((rc = fz_draw_run_inputs(&r->d, in, &warnings, err)) != FZ_OK)
		return rc;
	*doc = fz_draw_document(&r->d, in, r->a);
	return FZ_OK;
}

/* One line for a person at a terminal. */
static void
summary(const fz_draw *d, const fz_draw_inputs *in)
{
	size_t population = 0;

	if (!isatty(STDERR_FILENO))
		return;
	for (size_t s = 0; s < d->plan->nstrata; s++)
		population += d->population[s];
	fprintf(stderr, _("%s: %s: %zu of %zu entities drawn in %zu strata, "
	    "%zu staffed from %zu inspectors, %zu unfilled (%s)\n"), cli.prog,
	    d->plan->task, d->npicks, population, d->plan->nstrata,
	    d->npicks - d->nunfilled, in->ninspectors, d->nunfilled,
	    fz_hash_name(d->hash));
}

static int
write_draw(fz_output *out, void *ctx, fz_error *err)
{
	fz_node *doc;
	int rc = draw(ctx, FZ_HASH_SHA256, &doc, err);

	return rc != FZ_OK ? rc : fz_output_node(out, doc, err);
}

static int
take_published(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_draw_published_take(ctx, ev, err);
}

/* The published draw against the one its inputs give, by its hash. */
static int
verify(fz_output *out, void *ctx, fz_error *err)
{
	struct run *r = ctx;
	char *path[1] = { (char *)r->o->verify };
	fz_draw_published pub = { r->o->verify, r->a, NULL };
	fz_node *doc;
	int rc;

	rc = fz_cli_read(&cli, path, 1, &(fz_cli_input){ .take =
	    take_published, .ctx = &pub }, err);
	if (rc == FZ_OK)
		rc = draw(r, fz_draw_published_hash(&pub), &doc, err);
	return rc != FZ_OK ? rc : fz_draw_verify_write(out->fp, &pub, doc,
	    &r->d);
}

/* The output is made before anything is read: one that cannot be is
 * told first. */
static int
run(const struct opts *o, char **files, int nfiles, fz_error *err)
{
	struct run r = { .o = o, .files = files, .nfiles = nfiles,
		.a = fz_arena_new() };
	int rc = fz_output_write(cli.output, o->verify != NULL ? verify :
	    write_draw, &r, err);

	/* Not after a failed write: it would reset the write's errno. */
	if (rc == FZ_OK && o->verify == NULL && !ferror(stdout))
		summary(&r.d, &r.in);
	fz_draw_free(&r.d);
	fz_draw_inputs_free(&r.in);
	fz_arena_free(r.a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { -1, NULL };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	return fz_cli_finish(&cli, rc, &err);
}
