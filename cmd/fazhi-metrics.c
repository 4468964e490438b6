/* fazhi-metrics - the "最多跑一次" approval figures from the matter
 * catalogue and the applications. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-metrics",
	.usage = "fazhi-metrics [-o FILE] [--from DATE] [--to DATE] "
	    "[--month YYYY-MM] [--year YYYY]\n                     "
	    "[--where KEY=VALUE]... [--calendar FILE] [--by KEY] [FILE...]",
	.help =
	    "Compute the approval metrics (FORMATS.md) from matters and "
	    "applications.\nName the matters before the applications.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --from DATE       count applications from DATE (YYYY-MM-DD)\n"
	    "      --to DATE         count applications up to DATE\n"
	    "      --month YYYY-MM   count one month\n"
	    "      --year YYYY       count one year\n"
	    "      --where KEY=VALUE count applications whose KEY, or their matter's, is\n"
	    "                        VALUE (repeatable)\n"
	    "      --calendar FILE   working days (calendar or holiday-cn)\n"
	    "      --by KEY          add a row per matter, type or office\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n",
};

struct opts {
	const char *calendar;
	fz_date from, to;
	int range_flags, by;
	fz_where *where;
};

enum { O_FROM = 256, O_TO, O_MONTH, O_YEAR, O_WHERE, O_CALENDAR, O_BY };

/* --from and --to, or --month, or --year: one way to name the period;
 * each sets its bit in range_flags. */
static int
period_opt(struct opts *o, int c, const char *arg)
{
	static const struct {
		const char *name, *form;
		int flag;
	} how[] = {
		[O_FROM - O_FROM] = { "--from", "a date (YYYY-MM-DD)", 1 },
		[O_TO - O_FROM] = { "--to", "a date (YYYY-MM-DD)", 1 },
		[O_MONTH - O_FROM] = { "--month", "a month (YYYY-MM)", 2 },
		[O_YEAR - O_FROM] = { "--year", "a year (YYYY)", 4 },
	};
	int bad;

	o->range_flags |= how[c - O_FROM].flag;
	if (c == O_FROM)
		bad = fz_date_parse(arg, strlen(arg), &o->from);
	else if (c == O_TO)
		bad = fz_date_parse(arg, strlen(arg), &o->to);
	else if (c == O_MONTH)
		bad = fz_month_parse(arg, &o->from, &o->to);
	else
		bad = fz_year_parse(arg, &o->from, &o->to);
	if (bad)
		return fz_cli_usage(&cli, "%s: '%s' is not %s",
		    how[c - O_FROM].name, arg, how[c - O_FROM].form);
	return -1;
}

static int
check_opts(const struct opts *o)
{
	if (o->range_flags != 0 && o->range_flags != 1 &&
	    o->range_flags != 2 && o->range_flags != 4)
		return fz_cli_usage(&cli, "--from/--to, --month and --year "
		    "exclude each other");
	if (o->from != FZ_NODATE && o->to != FZ_NODATE && o->to < o->from)
		return fz_cli_usage(&cli, "--to is before --from");
	return -1;
}

static int
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "month", required_argument, NULL, O_MONTH },
		{ "year", required_argument, NULL, O_YEAR },
		{ "where", required_argument, NULL, O_WHERE },
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "by", required_argument, NULL, O_BY },
		{ NULL, 0, NULL, 0 }
	};
	fz_error err;
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1) {
		switch (c) {
		case O_FROM: case O_TO: case O_MONTH: case O_YEAR:
			rc = period_opt(o, c, optarg);
			break;
		case O_CALENDAR:
			o->calendar = optarg;
			rc = -1;
			break;
		case O_WHERE:
			rc = fz_where_add(o->where, optarg, &err) == FZ_OK ? -1 :
			    fz_cli_usage(&cli, "%s", err.msg);
			break;
		case O_BY:
			rc = (o->by = fz_metrics_by_parse(optarg)) >= 0 ? -1 :
			    fz_cli_usage(&cli, "--by: '%s' is not one of "
			    "matter, type, office", optarg);
			break;
		default:
			rc = fz_cli_common(&cli, c, optarg);
			break;
		}
		if (rc >= 0)
			return rc;
	}
	return check_opts(o);
}

static int
add_record(fz_metrics *m, fz_event *ev, fz_error *err)
{
	fz_matter mt;
	fz_application a;
	int rc;

	if (strcmp(ev->kind, "matters") == 0) {
		rc = fz_record_decode(FZ_KIND_MATTERS, ev->node, &mt, NULL,
		    err);
		return rc != FZ_OK ? rc :
		    fz_metrics_add_matter(m, &mt, ev->node, err);
	}
	rc = fz_record_decode(FZ_KIND_APPLICATIONS, ev->node, &a, NULL, err);
	return rc != FZ_OK ? rc :
	    fz_metrics_add_application(m, &a, ev->node, err);
}

static int
read_inputs(fz_metrics *m, char **files, int nfiles, fz_error *err)
{
	fz_stream *s = fz_stream_open(files, nfiles, 0);
	fz_event ev;
	int rc;

	fz_cli_progress(&cli, s);
	while ((rc = fz_stream_next(s, &ev, err)) == 1) {
		if (ev.kind == NULL || (strcmp(ev.kind, "matters") != 0 &&
		    strcmp(ev.kind, "applications") != 0)) {
			rc = fz_error_set(err, FZ_DATAERR, ev.file,
			    ev.doc_line, ev.doc_col, "fazhi-metrics reads "
			    "matters and applications, not %s",
			    ev.kind ? ev.kind : "a document without kind");
			break;
		}
		if (ev.type == FZ_EV_RECORD &&
		    (rc = add_record(m, &ev, err)) != FZ_OK)
			break;
	}
	fz_stream_close(s);
	if (rc == 0)
		rc = fz_metrics_check(m, err);
	return rc;
}

static int
write_metrics(fz_metrics *m, int by, fz_error *err)
{
	fz_output out;
	fz_writer *w;
	int rc;

	if ((rc = fz_output_open(&out, cli.output, err)) != FZ_OK)
		return rc;
	w = fz_writer_new(out.fp);
	fz_metrics_write(m, w, by);
	if (fz_writer_free(w) != 0 && cli.output != NULL) {
		fz_output_abort(&out);
		return fz_error_set(err, FZ_IOERR, cli.output, 0, 0,
		    "write error");
	}
	return fz_output_commit(&out, err);
}

static int
run(const struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_calendar *cal = NULL;
	fz_metrics *m = NULL;
	int rc;

	if (o->calendar != NULL) {
		cal = fz_calendar_new();
		if ((rc = fz_calendar_load(cal, o->calendar, err)) != FZ_OK)
			goto done;
	}
	m = fz_metrics_new(cal, o->from, o->to);
	fz_metrics_set_where(m, o->where);
	if ((rc = read_inputs(m, files, nfiles, err)) == FZ_OK)
		rc = write_metrics(m, o->by, err);
done:
	fz_metrics_free(m);
	fz_calendar_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { .from = FZ_NODATE, .to = FZ_NODATE };
	fz_error err = { 0 };
	int rc;

	o.where = fz_where_new();
	if ((rc = parse_opts(argc, argv, &o)) >= 0) {
		/* --help and --version have finished standard output. */
		fz_where_free(o.where);
		return rc;
	}
	rc = run(&o, argv + optind, argc - optind, &err);
	fz_where_free(o.where);
	if (rc != FZ_OK && err.status != FZ_OK)
		fz_cli_fail(&cli, &err);
	return fz_cli_finish(&cli, rc);
}
