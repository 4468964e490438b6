/* fazhi-results - a published draw joined to the inspections that
 * followed it: what each drawn entity went through, and what is due for
 * publication (抽查结果公示). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-results",
	.usage = N_("fazhi-results [-o FILE] [--as-of DATE] "
	    "[--calendar cn|weekdays|FILE]\n                     "
	    "[--within DAYS] DRAW [FILE...]\n"
	    "       fazhi-results [-o FILE] --coverage --year YYYY ITEMS DRAW... "
	    "FILE..."),
	.problems = N_("something flagged"),
	.help =
	    N_("Join a published draw to the random inspections of its task (and to\n"
	    "their cases): per drawn entity its inspections, flagged when none was\n"
	    "made, none in time, or none by the drawn team; the random inspections\n"
	    "of entities not drawn; the results due for publication.  Exit status 1\n"
	    "when anything is flagged.\n"
	    "\n"
	    "With --coverage, the year's coverage of the item list (抽查事项清单):\n"
	    "per item its population (by credit class), drawn, inspected, the\n"
	    "share reached and the rounds against its ratio and times, its entities\n"
	    "never drawn; the entities whose checks of the year pass their cap.\n"
	    "The files hold the items, the year's draws, the entity directory,\n"
	    "the inspections, and may hold credit records and plans (their\n"
	    "max_checks_per_year and credit_default).  Exit status 1 when an item\n"
	    "falls short or an entity passes its cap.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --as-of DATE      the day the results are taken on (YYYY-MM-DD; default\n"
	    "                        today): later inspections are left out, due dates\n"
	    "                        are compared with it\n"
	    "      --calendar FILE   working days: cn, the shipped official calendar\n"
	    "                        (the default); weekdays, Monday to Friday; or a\n"
	    "                        calendar or holiday-cn file\n"
	    "      --within DAYS     working days after the draw to inspect in (default:\n"
	    "                        the draw's inspect_within_days, else 20)\n"
	    "      --coverage        the year's coverage of the item list (needs --year)\n"
	    "      --year YYYY       the year of --coverage\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nFILE holds inspections and cases, and the organization whose name the\n"
	    "results carry (检查实施机关); with no FILE, or when FILE is -, read\n"
	    "standard input.\n"),
};

enum { O_AS_OF = 256, O_CALENDAR, O_WITHIN, O_COVERAGE, O_YEAR };

struct opts {
	fz_results_opts r;
	const char *calendar;
	int coverage;
	long long year;			/* 0: not given */
};

static int
option(struct opts *o, int c, const char *arg, fz_error *err)
{
	long long days;

	switch (c) {
	case O_AS_OF:
		if (fz_date_parse(arg, strlen(arg), &o->r.as_of) != 0)
			return fz_cli_usage(err, "--as-of: '%s' is not a date "
			    "(YYYY-MM-DD)", arg);
		return -1;
	case O_CALENDAR:
		o->calendar = arg;
		return -1;
	case O_COVERAGE:
		o->coverage = 1;
		return -1;
	case O_YEAR:
		if (strlen(arg) != 4 || fz_int_parse(arg, 4, &o->year) != 0 ||
		    o->year < 1)
			return fz_cli_usage(err, "--year: '%s' is not a year "
			    "(YYYY)", arg);
		return -1;
	case O_WITHIN:
		if (fz_int_parse(arg, strlen(arg), &days) != 0 ||
		    days > FZ_RESULTS_MAX_DAYS)
			return fz_cli_usage(err, "--within: '%s' is not a "
			    "number of working days (0 to %d)", arg,
			    FZ_RESULTS_MAX_DAYS);
		o->r.inspect_within_days = days;
		return -1;
	}
	return fz_cli_common(&cli, c, arg, err);
}

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		{ "as-of", required_argument, NULL, O_AS_OF },
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "within", required_argument, NULL, O_WITHIN },
		{ "coverage", no_argument, NULL, O_COVERAGE },
		{ "year", required_argument, NULL, O_YEAR },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1)
		if ((rc = option(o, c, optarg, err)) >= 0)
			return rc;
	if (o->coverage != (o->year != 0))
		return fz_cli_usage(err, o->coverage ? _("--coverage needs "
		    "--year") : _("--year is for --coverage"));
	if (o->coverage && (o->r.as_of != FZ_NODATE || o->calendar != NULL ||
	    o->r.inspect_within_days >= 0))
		return fz_cli_usage(err, "--as-of, --calendar and --within are "
		    "not for --coverage (it takes the whole --year)");
	if (o->coverage)
		return optind == argc ? fz_cli_usage(err, "no ITEMS given") :
		    -1;
	if (optind == argc)
		return fz_cli_usage(err, "no DRAW given");
	if (strcmp(argv[optind], "-") == 0) {
		int stdin_twice = optind + 1 == argc;
		for (int i = optind + 1; i < argc; i++)
			stdin_twice |= strcmp(argv[i], "-") == 0;
		if (stdin_twice)
			return fz_cli_usage(err, "the draw is read from "
			    "standard input: name the files of inspections");
	}
	return -1;
}

static int
take(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_results_take(ctx, ev, err);
}

static int
write_results(fz_writer *w, void *ctx)
{
	return fz_results_write(ctx, w);
}

static int
take_coverage(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_results_coverage_take(ctx, ev, err);
}

static int
write_coverage(fz_writer *w, void *ctx)
{
	return fz_results_coverage_write(ctx, w);
}

/* The files in any order: items, draws, the directory, inspections,
 * credit, plans, told apart by kind. */
static int
run_coverage(struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_results_coverage *cv = fz_results_coverage_new((int)o->year);
	int rc;

	if ((rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){
	    .flags = FZ_STREAM_ANY_KIND, .take = take_coverage, .ctx = cv },
	    err)) == FZ_OK && (rc = fz_results_coverage_ready(cv, err)) == FZ_OK &&
	    (rc = fz_output_yaml(cli.output, write_coverage, cv, err)) ==
	    FZ_OK)
		rc = fz_results_coverage_status(cv);
	fz_results_coverage_free(cv);
	return rc;
}

static int
run(struct opts *o, const char *draw, char **files, int nfiles,
    fz_error *err)
{
	fz_arena *a = fz_arena_new();
	fz_calendar *cal = NULL;
	fz_results *r = NULL;
	fz_results_draw d;
	int rc;

	if ((cal = fz_calendar_open(o->calendar, err)) == NULL) {
		rc = err->status;
		goto done;
	}
	if ((rc = fz_results_draw_read(draw, &d, a, err)) != FZ_OK)
		goto done;
	o->r.calendar = cal;
	r = fz_results_new(&d, &o->r);
	if ((rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){
	    .take = take, .ctx = r }, err)) != FZ_OK)
		goto done;
	if ((rc = fz_output_yaml(cli.output, write_results, r, err)) == FZ_OK)
		rc = fz_results_status(r);
done:
	fz_results_free(r);
	fz_calendar_free(cal);
	fz_arena_free(a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { .r = { .as_of = FZ_NODATE,
		.inspect_within_days = -1 } };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0) {
		if (o.r.as_of == FZ_NODATE)
			o.r.as_of = fz_date_today();
		if (o.coverage)
			rc = run_coverage(&o, argv + optind, argc - optind,
			    &err);
		else
			rc = run(&o, argv[optind], argv + optind + 1,
			    argc - optind - 1, &err);
	}
	return fz_cli_finish(&cli, rc, &err);
}
