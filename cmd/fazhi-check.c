/* fazhi-check - every problem of a set of fazhi files, and with --rules
 * the enforcement rules of the 行政处罚法 and 国办发〔2018〕118号. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-check",
	.usage = "fazhi-check [--strict] [--rules] [--as-of DATE] "
	    "[--calendar FILE]\n                   [--due-within DAYS] "
	    "[-f text|yaml] [-o FILE] [FILE...]",
	.help =
	    "Check fazhi files (FORMATS.md): every record of every kind, the\n"
	    "references among the files given together, and the legal rules.\n"
	    "\n"
	    "      --strict          report unknown keys; warnings make the exit status 1\n"
	    "      --rules           check the enforcement rules (two inspectors, 回避,\n"
	    "                        90-day limit, legal review, publication)\n"
	    "      --as-of DATE      later dates are errors, due dates count from DATE\n"
	    "                        (YYYY-MM-DD; default today)\n"
	    "      --calendar FILE   working days (calendar or holiday-cn file, or cn;\n"
	    "                        default cn, the shipped calendar)\n"
	    "      --due-within DAYS list open cases and unpublished decisions whose\n"
	    "                        time runs out within DAYS days of the as-of date\n"
	    "  -f, --format FMT      text (default): FILE:LINE:COL: error|warning|note: message;\n"
	    "                        yaml: one problems document\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n",
};

struct opts {
	fz_check_opts check;
	const char *calendar;
	int yaml;
};

enum { O_STRICT = 256, O_RULES, O_AS_OF, O_CALENDAR, O_DUE };

static int
parse_days(const char *arg, int *days, fz_error *err)
{
	long long n;

	if (fz_int_parse(arg, strlen(arg), &n) != 0 || n > 36500)
		return fz_cli_usage(err, "--due-within: '%s' is not a number "
		    "of days", arg);
	*days = (int)n;
	return -1;
}

static int
parse_opt(struct opts *o, int c, fz_error *err)
{
	switch (c) {
	case O_STRICT:
		o->check.strict = 1;
		return -1;
	case O_RULES:
		o->check.rules = 1;
		return -1;
	case O_CALENDAR:
		o->calendar = optarg;
		return -1;
	case O_DUE:
		return parse_days(optarg, &o->check.due_within, err);
	case O_AS_OF:
		if (fz_date_parse(optarg, strlen(optarg), &o->check.as_of) != 0)
			return fz_cli_usage(err, "--as-of: '%s' is not a date "
			    "(YYYY-MM-DD)", optarg);
		return -1;
	case 'f':
		if (strcmp(optarg, "text") != 0 && strcmp(optarg, "yaml") != 0)
			return fz_cli_usage(err, "--format: '%s' is not text "
			    "or yaml", optarg);
		o->yaml = strcmp(optarg, "yaml") == 0;
		return -1;
	default:
		return fz_cli_common(&cli, c, optarg, err);
	}
}

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		{ "strict", no_argument, NULL, O_STRICT },
		{ "rules", no_argument, NULL, O_RULES },
		{ "as-of", required_argument, NULL, O_AS_OF },
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "due-within", required_argument, NULL, O_DUE },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT "f:", longopts,
	    NULL)) != -1)
		if ((rc = parse_opt(o, c, err)) >= 0)
			return rc;
	return -1;
}

/* The shipped calendar when none is named; without it, Monday to
 * Friday, and the checks warn of the years it leaves uncovered. */
static int
load_calendar(fz_calendar *cal, const char *path, fz_error *err)
{
	int rc = fz_calendar_load(cal, path ? path : "cn", err);

	if (rc != FZ_OK && path == NULL) {
		err->status = FZ_OK;
		return FZ_OK;
	}
	return rc;
}

static int
read_inputs(fz_check *c, char **files, int nfiles, fz_stream **sp,
    fz_error *err)
{
	fz_stream *s = fz_stream_open(files, nfiles, FZ_STREAM_ANY_KIND);
	fz_event ev;
	int rc;

	*sp = s;
	fz_cli_progress(&cli, s);
	while ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		fz_check_take(c, &ev, err);
	return rc;
}

/* ------------------------------------------------------------ output */

static const char *const severity_names[] = { "warning", "error", "note" };

static void
print_text(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	FILE *fp = ctx;

	if (file != NULL && line > 0 && col > 0)
		fprintf(fp, "%s:%u:%u: ", file, line, col);
	else if (file != NULL && line > 0)
		fprintf(fp, "%s:%u: ", file, line);
	else if (file != NULL)
		fprintf(fp, "%s: ", file);
	fprintf(fp, "%s: %s\n", severity_names[severity], msg);
}

static void
write_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	fz_writer *w = ctx;

	fz_write_map_begin(w, 0);
	fz_write_key(w, "file");
	fz_write_str(w, file ? file : "");
	fz_write_key(w, "line");
	fz_write_int(w, line);
	fz_write_key(w, "col");
	fz_write_int(w, col);
	fz_write_key(w, "severity");
	fz_write_str(w, severity_names[severity]);
	fz_write_key(w, "message");
	fz_write_str(w, msg);
	fz_write_map_end(w);
}

/* kind: problems, the as-of date, the counts, then every problem. */
static int
write_yaml(fz_check *c, const struct opts *o, FILE *fp)
{
	fz_writer *w = fz_writer_new(fp);
	size_t counts[3];

	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "kind");
	fz_write_str(w, "problems");
	fz_write_key(w, "version");
	fz_write_int(w, FZ_FORMAT_VERSION);
	fz_write_key(w, "problems");
	fz_write_seq_begin(w, 0);
	fz_check_finish(c, write_problem, w, counts);
	fz_write_seq_end(w);
	fz_write_key(w, "counts");
	fz_write_map_begin(w, 1);
	for (int i = 0; i < 3; i++) {
		static const char *const keys[] = { "warnings", "errors",
			"notes" };
		fz_write_key(w, keys[i]);
		fz_write_int(w, (long long)counts[i]);
	}
	fz_write_map_end(w);
	fz_write_map_end(w);
	fz_write_doc_end(w);
	if (fz_writer_free(w) != 0)
		return -1;
	return counts[FZ_ERROR] > 0 ||
	    (o->check.strict && counts[FZ_WARNING] > 0);
}

static int
report(fz_check *c, const struct opts *o, fz_error *err)
{
	fz_output out;
	size_t counts[3];
	int found, rc;

	if ((rc = fz_output_open(&out, cli.output, err)) != FZ_OK)
		return rc;
	if (o->yaml) {
		found = write_yaml(c, o, out.fp);
	} else {
		fz_check_finish(c, print_text, out.fp, counts);
		found = counts[FZ_ERROR] > 0 ||
		    (o->check.strict && counts[FZ_WARNING] > 0);
	}
	if (found < 0 && cli.output != NULL) {
		fz_output_abort(&out);
		return fz_error_set(err, FZ_IOERR, cli.output, 0, 0,
		    "write error");
	}
	if ((rc = fz_output_commit(&out, err)) != FZ_OK)
		return rc;
	return found > 0 ? FZ_PROBLEMS : FZ_OK;
}

static int
run(struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_calendar *cal = fz_calendar_new();
	fz_stream *s = NULL;
	fz_check *c = NULL;
	int rc;

	if ((rc = load_calendar(cal, o->calendar, err)) != FZ_OK)
		goto done;
	o->check.calendar = cal;
	c = fz_check_new(&o->check);
	rc = read_inputs(c, files, nfiles, &s, err);
	if (rc == FZ_OK) {
		rc = report(c, o, err);
	} else if (!o->yaml && cli.output == NULL) {
		/* Input that is not fazhi YAML: the problems found before
		 * it, then (from main) the error. */
		fz_error keep = *err;
		report(c, o, err);
		*err = keep;
	}
done:
	fz_check_free(c);
	if (s != NULL)
		fz_stream_close(s);
	fz_calendar_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { .check = { .as_of = FZ_NODATE, .due_within = -1 } };
	fz_error err = { 0 };
	int rc;

	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	return fz_cli_finish(&cli, rc, &err);
}
