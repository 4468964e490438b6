/* fazhi-check - every problem of a set of fazhi files, and with --rules
 * the enforcement rules of the 行政处罚法 and 国办发〔2018〕118号. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

/* For shell completion: the formats of -f. */
static void
complete(const char *what, fz_buf *b)
{
	if (strcmp(what, "format") == 0)
		fz_buf_adds(b, "text\nyaml\n");
}

static fz_cli cli = {
	.prog = "fazhi-check",
	.complete = complete,
	.usage = N_("fazhi-check [--strict] [--rules] [--review-all] [--as-of DATE]\n"
	    "                   [--due-within DAYS] [--rules-file FILE]\n"
	    "                   [--complaint-rules FILE]\n"
	    "                   [--calendar cn|weekdays|FILE] [-f text|yaml] [-o FILE]\n"
	    "                   [FILE...]"),
	.problems = N_("problems found"),
	.help =
	    N_("Check fazhi files (fazhi-formats(5)): every record of every kind, the\n"
	    "references among the files given together, and the legal rules.\n"
	    "\n"
	    "      --strict          report unknown keys; warnings make the exit status 1\n"
	    "      --rules           check the enforcement rules of the 行政处罚法 (two\n"
	    "                        inspectors, 回避, time limits, legal review, hearings,\n"
	    "                        payment, publication)\n"
	    "      --review-all      bureau policy: every decision needs legal review\n"
	    "      --rules-file FILE the locally set figures (较大数额 of a hearing, the\n"
	    "                        review policy) instead of the shipped rules.yaml\n"
	    "      --complaint-rules FILE\n"
	    "                        the complaint clocks (acceptance, verification,\n"
	    "                        reply, each with its source) instead of the\n"
	    "                        shipped complaint-rules.yaml\n"
	    "      --as-of DATE      later dates are errors, due dates count from DATE\n"
	    "                        (YYYY-MM-DD; default today)\n"
	    "      --calendar FILE   working days: cn, the shipped official calendar\n"
	    "                        (the default); weekdays, Monday to Friday; or a\n"
	    "                        calendar or holiday-cn file\n"
	    "      --due-within DAYS list every clock of a case (decision, service,\n"
	    "                        hearing, payment, publication ...) or of a\n"
	    "                        complaint (acceptance, verification, reply) that\n"
	    "                        runs out within DAYS days of the as-of date\n"
	    "  -f, --format FMT      text (default): FILE:LINE:COL: error|warning|note: message;\n"
	    "                        yaml: one problems document\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n"),
};

struct opts {
	fz_check_opts check;
	const char *calendar;
	const char *rules_file;	/* NULL: the shipped rules.yaml */
	const char *complaint_rules;	/* NULL: complaint-rules.yaml */
	int review_all;
	int yaml;
};

enum { O_STRICT = 256, O_RULES, O_AS_OF, O_CALENDAR, O_DUE, O_RULES_FILE,
	O_REVIEW_ALL, O_COMPLAINT_RULES };

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
	case O_RULES_FILE:
		o->rules_file = optarg;
		return -1;
	case O_REVIEW_ALL:
		o->review_all = 1;
		return -1;
	case O_COMPLAINT_RULES:
		o->complaint_rules = optarg;
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
		{ "rules-file", required_argument, NULL, O_RULES_FILE },
		{ "review-all", no_argument, NULL, O_REVIEW_ALL },
		{ "complaint-rules", required_argument, NULL,
		    O_COMPLAINT_RULES },
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

static int
take(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_check_take(ctx, ev, err);
}

static int
write_yaml(fz_writer *w, void *ctx)
{
	return fz_check_write_yaml(ctx, w);
}

static int
write_text(fz_output *out, void *ctx, fz_error *err)
{
	(void)err;
	return fz_check_write_text(ctx, out->fp);
}

/* The rules files, when the rules or the clocks need them or one is
 * named; --review-all over what it says. */
static int
settings(struct opts *o, fz_error *err)
{
	int clocks = o->check.rules || o->check.due_within >= 0;
	int rc = FZ_OK;

	if (clocks || o->rules_file)
		rc = fz_check_settings_load(&o->check.settings, o->rules_file,
		    err);
	if (rc == FZ_OK && (clocks || o->complaint_rules))
		rc = fz_check_complaint_rules_load(&o->check.complaint_rules,
		    o->complaint_rules, err);
	if (o->review_all)
		o->check.settings.review_all = 1;
	return rc;
}

static int
run(struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_calendar *cal = fz_calendar_open(o->calendar, err);
	fz_check *c = NULL;
	int rc = FZ_OK;

	if (cal == NULL) {
		rc = err->status;
		goto done;
	}
	if ((rc = settings(o, err)) != FZ_OK)
		goto done;
	o->check.calendar = cal;
	o->check.casefile = o->yaml && o->check.rules;
	c = fz_check_new(&o->check);
	rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){
	    .flags = FZ_STREAM_ANY_KIND, .take = take, .ctx = c }, err);
	if (rc == FZ_OK && o->yaml)
		rc = fz_output_yaml(cli.output, write_yaml, c, err);
	else if (rc == FZ_OK)
		rc = fz_output_write(cli.output, write_text, c, err);
	else if (!o->yaml && cli.output == NULL)
		/* Input that is not fazhi YAML: the problems found before
		 * it, then (from main) the error. */
		fz_check_write_text(c, stdout);
done:
	fz_check_free(c);
	fz_calendar_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { .check = { .as_of = FZ_NODATE, .due_within = -1 } };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	return fz_cli_finish(&cli, rc, &err);
}
