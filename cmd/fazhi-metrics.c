/* fazhi-metrics - the "最多跑一次" approval figures from the matter
 * catalogue and the applications. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-metrics",
	.complete = fz_metrics_words,
	.usage = N_("fazhi-metrics [-o FILE] [--from DATE] [--to DATE] "
	    "[--month YYYY-MM]\n                     [--year YYYY] "
	    "[--where KEY=VALUE]... [--by KEY]\n                     "
	    "[--calendar cn|weekdays|FILE] [--mergeable] [--merge]\n"
	    "                     [FILE...]"),
	.help =
	    N_("Compute the approval metrics (fazhi-formats(5)) from matters and "
	    "applications.\nName the matters before the applications.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --from DATE       count applications from DATE (YYYY-MM-DD)\n"
	    "      --to DATE         count applications up to DATE\n"
	    "      --month YYYY-MM   count one month\n"
	    "      --year YYYY       count one year\n"
	    "      --where KEY=VALUE count applications whose KEY, or their matter's, is\n"
	    "                        VALUE (repeatable)\n"
	    "      --calendar FILE   working days: cn, the shipped official calendar\n"
	    "                        (the default); weekdays, Monday to Friday; or a\n"
	    "                        calendar or holiday-cn file\n"
	    "      --by KEY          add a row per matter, type or office\n"
	    "      --mergeable       add what an exact --merge needs\n"
	    "      --merge           add metrics written with --mergeable, after\n"
	    "                        the matters they were counted with\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n"),
};

struct opts {
	const char *calendar;
	fz_cli_range range;
	int by, mergeable, merge;
	fz_where *where;
};

enum { O_WHERE = 256, O_CALENDAR, O_BY, O_MERGEABLE, O_MERGE };

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		FZ_CLI_RANGE_OPTIONS,
		{ "where", required_argument, NULL, O_WHERE },
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "by", required_argument, NULL, O_BY },
		{ "mergeable", no_argument, NULL, O_MERGEABLE },
		{ "merge", no_argument, NULL, O_MERGE },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1) {
		switch (c) {
		case FZ_OPT_FROM: case FZ_OPT_TO: case FZ_OPT_MONTH:
		case FZ_OPT_YEAR:
			rc = fz_cli_range_option(&o->range, c, optarg, err);
			break;
		case O_CALENDAR:
			o->calendar = optarg;
			rc = -1;
			break;
		case O_WHERE:
			rc = fz_where_add(o->where, optarg, err) == FZ_OK ? -1 :
			    FZ_USAGE;
			break;
		case O_MERGEABLE:
			o->mergeable = 1;
			rc = -1;
			break;
		case O_MERGE:
			o->merge = 1;
			rc = -1;
			break;
		case O_BY:
			rc = (o->by = fz_metrics_by_parse(optarg)) >= 0 ? -1 :
			    fz_cli_usage(err, "--by: '%s' is not one of "
			    "matter, type, office", optarg);
			break;
		default:
			rc = fz_cli_common(&cli, c, optarg, err);
			break;
		}
		if (rc >= 0)
			return rc;
	}
	return fz_cli_range_check(&o->range, err);
}

static int
take(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_metrics_take(ctx, ev, err);
}

static int
merge_take(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_metrics_merge_take(ctx, ev, err);
}

/* A mergeable metrics keeps the ids of the applications in one table:
 * read in one part.  A merge reads no applications. */
static const fz_stream_parts *
parts_of(const struct opts *o, fz_metrics *m, fz_stream_parts *p)
{
	if (o->mergeable || o->merge)
		return NULL;
	*p = (fz_stream_parts){ m, fz_metrics_part_open, fz_metrics_part_take,
	    fz_metrics_part_merge, fz_metrics_part_drop };
	return p;
}

struct write_ctx {
	fz_metrics *m;
	int by;
};

static int
write_metrics(fz_writer *w, void *ctx)
{
	struct write_ctx *c = ctx;

	return fz_metrics_write(c->m, w, c->by);
}

static int
run(const struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_calendar *cal = NULL;
	fz_metrics *m = NULL;
	fz_stream_parts parts;
	int rc;

	if ((cal = fz_calendar_open(o->calendar, err)) == NULL) {
		rc = err->status;
		goto done;
	}
	m = fz_metrics_new(cal, o->range.from, o->range.to);
	if ((rc = fz_metrics_set_where(m, o->where, err)) != FZ_OK)
		goto done;
	if (o->mergeable)
		fz_metrics_set_mergeable(m);
	rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){ .take =
	    o->merge ? merge_take : take, .ctx = m,
	    .parts = parts_of(o, m, &parts) }, err);
	if (rc == FZ_OK) {
		fz_cli_unmatched(&cli, fz_metrics_where_of(m,
		    FZ_KIND_APPLICATIONS), FZ_KIND_APPLICATIONS);
		fz_cli_unmatched(&cli, fz_metrics_where_of(m, FZ_KIND_MATTERS),
		    FZ_KIND_MATTERS);
	}
	if (rc == FZ_OK)
		rc = fz_output_yaml(cli.output, write_metrics,
		    &(struct write_ctx){ m, o->by }, err);
done:
	fz_metrics_free(m);
	fz_calendar_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { 0 };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	fz_cli_range_init(&o.range);
	o.where = fz_where_new();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	fz_where_free(o.where);
	return fz_cli_finish(&cli, rc, &err);
}
