/* fazhi-draw - the random inspection draw (双随机), and its verification. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-draw",
	.usage = "fazhi-draw [-o FILE] [--hash sha256|sm3] [FILE...]\n"
	    "       fazhi-draw --verify DRAW [-o FILE] [--hash sha256|sm3] "
	    "[FILE...]",
	.help =
	    "Draw the entities to inspect and their inspectors from a plan, the\n"
	    "entity directory and the inspector roster (in any order), by the\n"
	    "rules of fazhi-draw(1); or check a published draw against them.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --hash NAME       sha256 (the default) or sm3, unless the plan names one\n"
	    "      --verify DRAW     recompute the draw and list every line of DRAW that\n"
	    "                        does not hold (exit status 1), the digests first\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n",
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
		    (o->hash = fz_draw_hash_parse(optarg, strlen(optarg))) < 0)
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
		fprintf(stderr, "%s: %s:%u:%u: warning: %s\n", cli.prog,
		    at->file, at->line, at->col, msg);
	else
		fprintf(stderr, "%s: warning: %s\n", cli.prog, msg);
}

static const fz_diag warnings = { warning, NULL, 0 };

/* The draw of the inputs, as a document in a. */
static int
draw(char **files, int nfiles, int force, enum fz_draw_hash fallback,
    fz_draw_inputs *in, fz_draw *d, fz_node **doc, fz_arena *a,
    fz_error *err)
{
	fz_stream *s = fz_stream_open(files, nfiles, FZ_STREAM_SPLIT);
	int rc;

	fz_cli_progress(&cli, s);
	rc = fz_draw_read(in, s, force, fallback, &warnings, err);
	fz_stream_close(s);
	if (isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);	/* the progress line */
	if (rc != FZ_OK)
		return rc;
	if ((rc = fz_draw_run(d, &in->plan, in->hash, in->entities,
	    in->nentities, in->inspectors, in->ninspectors, &warnings,
	    err)) != FZ_OK)
		return rc;
	*doc = fz_draw_document(d, in, a);
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
	fprintf(stderr, "%s: %s: %zu of %zu entities drawn in %zu strata, "
	    "%zu staffed from %zu inspectors, %zu unfilled (%s)\n", cli.prog,
	    d->plan->task, d->npicks, population, d->plan->nstrata,
	    d->npicks - d->nunfilled, in->ninspectors, d->nunfilled,
	    fz_draw_hash_name(d->hash));
}

static int
write_doc(fz_output *out, const fz_node *doc, fz_error *err)
{
	fz_writer *w = fz_writer_new(out->fp);

	fz_write_doc_begin(w);
	fz_write_node(w, doc);
	fz_write_doc_end(w);
	if (fz_writer_free(w) != 0 && cli.output != NULL) {
		fz_output_abort(out);
		return fz_error_set(err, FZ_IOERR, cli.output, 0, 0,
		    "write error");
	}
	return fz_output_commit(out, err);
}

/* The published draw: one document of kind draw, kept in the stream. */
static int
read_published(const char *path, fz_stream **s, fz_node **doc, fz_error *err)
{
	char *paths[1] = { (char *)path };
	fz_event ev;
	int rc;

	*s = fz_stream_open(paths, 1, FZ_STREAM_KEEP);
	if ((rc = fz_stream_next(*s, &ev, err)) != FZ_OK)
		return rc;
	if (ev.type == FZ_EV_END)
		return fz_error_set(err, FZ_DATAERR, path, 0, 0, "no draw "
		    "document to verify");
	if (ev.kind != FZ_KIND_DRAW)
		return fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
		    ev.doc_col, "--verify takes a draw, not %s", ev.kind_name);
	*doc = ev.node;
	if ((rc = fz_stream_next(*s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		return fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
		    ev.doc_col, "--verify takes one draw document");
	return rc;
}

struct report {
	FILE *out;
};

static void
difference(void *ctx, const fz_node *at, const char *msg)
{
	struct report *r = ctx;

	fprintf(r->out, "%s:%u:%u: %s\n", at->file, at->line, at->col, msg);
}

/* Compare the published draw with the one the inputs give. */
static int
verify(const struct opts *o, char **files, int nfiles, fz_output *out,
    fz_arena *a, fz_error *err)
{
	fz_draw_inputs in = { 0 };
	fz_draw d = { 0 };
	fz_stream *ps = NULL;
	fz_node *pub = NULL, *doc = NULL;
	const fz_node *h;
	struct report r = { out->fp };
	size_t n;
	int fallback = FZ_HASH_SHA256, rc;

	if ((rc = read_published(o->verify, &ps, &pub, err)) != FZ_OK)
		goto done;
	h = fz_node_get(pub, "hash");
	if (h != NULL && h->type == FZ_SCALAR &&
	    fz_draw_hash_parse(h->str, h->len) >= 0)
		fallback = fz_draw_hash_parse(h->str, h->len);
	if ((rc = draw(files, nfiles, o->hash, fallback, &in, &d, &doc, a,
	    err)) != FZ_OK)
		goto done;
	n = fz_draw_compare(pub, doc, difference, &r);
	if (n == 0)
		fprintf(out->fp, "%s: the draw holds: %zu selection%s, %zu "
		    "strat%s, the digests of the inputs match\n", o->verify,
		    d.npicks, d.npicks == 1 ? "" : "s", in.plan.nstrata,
		    in.plan.nstrata == 1 ? "um" : "a");
	else
		fprintf(out->fp, "%s: %zu difference%s from the draw the "
		    "inputs give\n", o->verify, n, n == 1 ? "" : "s");
	rc = n > 0 ? FZ_PROBLEMS : FZ_OK;
done:
	fz_draw_free(&d);
	fz_draw_inputs_free(&in);
	fz_stream_close(ps);
	return rc;
}

static int
run(const struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_arena *a = fz_arena_new();
	fz_draw_inputs in = { 0 };
	fz_draw d = { 0 };
	fz_output out;
	fz_node *doc;
	int rc, crc;

	if ((rc = fz_output_open(&out, cli.output, err)) != FZ_OK)
		goto done;
	if (o->verify != NULL) {
		rc = verify(o, files, nfiles, &out, a, err);
		if (rc != FZ_OK && rc != FZ_PROBLEMS)
			fz_output_abort(&out);
		else if ((crc = fz_output_commit(&out, err)) != FZ_OK)
			rc = crc;
	} else if ((rc = draw(files, nfiles, o->hash, FZ_HASH_SHA256, &in,
	    &d, &doc, a, err)) != FZ_OK) {
		fz_output_abort(&out);
	} else if ((rc = write_doc(&out, doc, err)) == FZ_OK &&
	    !ferror(stdout)) {
		summary(&d, &in);	/* (it would reset errno of a failed write) */
	}
done:
	fz_draw_free(&d);
	fz_draw_inputs_free(&in);
	fz_arena_free(a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { -1, NULL };
	fz_error err = { 0 };
	int rc;

	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	return fz_cli_finish(&cli, rc, &err);
}
