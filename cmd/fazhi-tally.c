/* fazhi-tally - case, inspection, complaint, document and activity tally by
 * period and by any key. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-tally",
	.complete = fz_tally_words,
	.usage = N_("fazhi-tally [-o FILE] [--by KEY[,KEY...]] [--from DATE] "
	    "[--to DATE]\n                   [--month YYYY-MM] [--year YYYY] "
	    "[--where KEY=VALUE]...\n                   [--entities FILE] "
	    "[--towns FILE] [--calendar cn|weekdays|FILE]\n"
	    "                   [--mergeable] [--as-of DATE] [--horizon DAYS] "
	    "[--progress]\n                   [--complaint-rules FILE] "
	    "[--merge] [FILE...]"),
	.help =
	    N_("Tally inspections, cases, complaints, documents and activities\n"
	    "(fazhi-formats(5)) into one tally document.\n"
	    "\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "      --by KEYS         group by period keys (year, quarter, month, week, day)\n"
	    "                        and record keys (town, category, type, ...), comma-separated\n"
	    "      --from DATE       count from DATE (YYYY-MM-DD)\n"
	    "      --to DATE         count up to DATE\n"
	    "      --month YYYY-MM   count one month\n"
	    "      --year YYYY       count one year\n"
	    "      --where KEY=VALUE keep records whose KEY is VALUE (repeatable)\n"
	    "      --entities FILE   fill category and town of inspections from a directory\n"
	    "      --towns FILE      fill zone and grade from the towns (片区, 等级): --by\n"
	    "                        and --where then take them; a town it leaves out\n"
	    "                        is an error\n"
	    "      --calendar FILE   working days for published_on_time: cn, the\n"
	    "                        shipped official calendar (the default);\n"
	    "                        weekdays, Monday to Friday; or a calendar or\n"
	    "                        holiday-cn file\n"
	    "      --complaint-rules FILE\n"
	    "                        the reply clock of the complaints' replied_on_time\n"
	    "                        instead of the shipped complaint-rules.yaml\n"
	    "      --as-of DATE      warn of dates more than --horizon days after DATE\n"
	    "                        (YYYY-MM-DD; default today)\n"
	    "      --horizon DAYS    days after --as-of a date may be (default 365)\n"
	    "      --mergeable       add what an exact --merge needs\n"
	    "      --merge           add tallies written with --mergeable\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n"),
};

struct opts {
	char *by, *entities, *towns, *calendar, *complaint_rules;
	fz_cli_range range;
	int mergeable, merge;
	fz_where *where;
	fz_date as_of;
	long long horizon;
};

enum { O_BY = 256, O_WHERE, O_ENTITIES, O_TOWNS, O_CALENDAR, O_MERGEABLE,
	O_MERGE, O_AS_OF, O_HORIZON, O_COMPLAINT_RULES };

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		FZ_CLI_RANGE_OPTIONS,
		{ "by", required_argument, NULL, O_BY },
		{ "where", required_argument, NULL, O_WHERE },
		{ "entities", required_argument, NULL, O_ENTITIES },
		{ "towns", required_argument, NULL, O_TOWNS },
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "mergeable", no_argument, NULL, O_MERGEABLE },
		{ "merge", no_argument, NULL, O_MERGE },
		{ "as-of", required_argument, NULL, O_AS_OF },
		{ "horizon", required_argument, NULL, O_HORIZON },
		{ "complaint-rules", required_argument, NULL,
		    O_COMPLAINT_RULES },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1) {
		rc = -1;
		switch (c) {
		case O_BY:		o->by = optarg; break;
		case O_ENTITIES:	o->entities = optarg; break;
		case O_TOWNS:		o->towns = optarg; break;
		case O_CALENDAR:	o->calendar = optarg; break;
		case O_COMPLAINT_RULES:	o->complaint_rules = optarg; break;
		case O_MERGEABLE:	o->mergeable = 1; break;
		case O_MERGE:		o->merge = 1; break;
		case O_AS_OF:
			rc = fz_cli_date_option("--as-of", optarg, &o->as_of,
			    err);
			break;
		case O_HORIZON:
			rc = fz_cli_days_option("--horizon", optarg,
			    &o->horizon, err);
			break;
		case FZ_OPT_FROM: case FZ_OPT_TO: case FZ_OPT_MONTH:
		case FZ_OPT_YEAR:
			rc = fz_cli_range_option(&o->range, c, optarg, err);
			break;
		case O_WHERE:
			if (fz_where_add(o->where, optarg, err) != FZ_OK)
				rc = FZ_USAGE;
			break;
		default:
			rc = fz_cli_common(&cli, c, optarg, err);
			break;
		}
		if (rc >= 0)
			return rc;
	}
	if ((rc = fz_cli_range_check(&o->range, err)) >= 0)
		return rc;
	if (o->merge && (o->by || o->entities || o->towns ||
	    fz_where_count(o->where) || o->range.flags ||
	    o->complaint_rules))
		return fz_cli_usage(err, "--merge takes the by, where, "
		    "period and reply clock of the tallies it merges");
	return -1;
}

static int
take(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_tally_take(ctx, ev, err);
}

/* The --by list split on commas. */
static char **
split_by(char *by, int *n)
{
	char **v = fz_xcalloc(by ? strlen(by) + 2 : 1, sizeof *v);
	char *save = NULL;

	*n = 0;
	for (char *p = by ? strtok_r(by, ",", &save) : NULL; p != NULL;
	    p = strtok_r(NULL, ",", &save))
		v[(*n)++] = p;
	return v;
}

struct write_ctx {
	fz_tally *t;
	int mergeable;
};

static int
write_tally(fz_writer *w, void *ctx)
{
	struct write_ctx *c = ctx;

	return fz_tally_write(c->t, w, c->mergeable);
}

/* What a mergeable tally covers: each input read, but an empty one
 * (it holds no records), by its digest. */
static int
add_covers(fz_tally *t, fz_input_digests *ds, char **files, int nfiles,
    fz_error *err)
{
	char hex[FZ_DIGEST_HEX];
	int rc;

	for (int i = 0; i < (nfiles > 0 ? nfiles : 1); i++)
		if (fz_input_digests_hex(ds, (size_t)i, hex) > 0 &&
		    (rc = fz_tally_add_cover(t, nfiles > 0 ? files[i] : "-",
		    hex, err)) != FZ_OK)
			return rc;
	return FZ_OK;
}

/* A new tally of o; its calendar and reply clock (the complaint rules
 * file's) before the complaints are counted by them. */
static int
new_tally(struct opts *o, fz_tally_reader *r, char **by, int nby,
    const fz_calendar *cal, const fz_directory *dir, fz_error *err)
{
	fz_check_complaint_rules cr;
	int rc;

	if ((rc = fz_check_complaint_rules_load(&cr, o->complaint_rules,
	    err)) != FZ_OK)
		return rc;
	if ((r->tally = fz_tally_new_filled(by, nby,
	    fz_directory_filled(dir), err)) == NULL)
		return err->status;
	fz_tally_set_range(r->tally, o->range.from, o->range.to);
	fz_tally_set_calendar(r->tally, cal);
	fz_tally_set_complaint_reply(r->tally, cr.reply.workdays);
	return fz_tally_set_where(r->tally, o->where, err);
}

static int
run(struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_input_digests *ds = NULL;
	fz_calendar *cal = NULL;
	fz_directory *dir = NULL;
	fz_tally_reader r = { NULL, o->merge, o->where, NULL, &cli,
		o->as_of, o->horizon };
	char **by = NULL;
	int nby, rc;

	if ((cal = fz_calendar_open(o->calendar, err)) == NULL) {
		rc = err->status;
		goto done;
	}
	if ((rc = fz_directory_open(o->entities, o->towns, &dir, err)) !=
	    FZ_OK)
		goto done;
	r.dir = dir;
	if (!o->merge) {
		by = split_by(o->by, &nby);
		if ((rc = new_tally(o, &r, by, nby, cal, dir, err)) != FZ_OK)
			goto done;
	}
	if (o->mergeable && !o->merge &&
	    (ds = fz_input_digests_new(FZ_HASH_SHA256)) == NULL)
		abort();	/* every libcrypto has SHA-256 */
	rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){ .take = take,
	    .ctx = &r, .tap = ds ? fz_input_digests_tap : NULL,
	    .tap_ctx = ds, .parts = &(fz_stream_parts){ &r,
	    fz_tally_part_open, fz_tally_part_take, fz_tally_part_merge,
	    fz_tally_part_drop } }, err);
	if (rc == FZ_OK && ds != NULL)
		rc = add_covers(r.tally, ds, files, nfiles, err);
	if (rc == FZ_OK && o->merge && fz_tally_uncovered(r.tally) != NULL)
		fz_cli_warn(&cli, "warning: %s does not say what it covers "
		    "(made by an older fazhi-tally): the merge cannot refuse "
		    "records counted twice in it, and writes no covers",
		    fz_tally_uncovered(r.tally));
	if (rc == FZ_OK) {
		fz_cli_unmatched(&cli, o->where, FZ_KIND_INSPECTIONS);
		fz_tally_set_calendar(r.tally, cal);
		rc = fz_output_yaml(cli.output, write_tally,
		    &(struct write_ctx){ r.tally, o->mergeable }, err);
	}
done:
	fz_input_digests_free(ds);
	fz_tally_free(r.tally);
	free(by);
	fz_directory_free(dir);
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
	o.as_of = fz_date_today();
	o.horizon = 365;
	o.where = fz_where_new();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	fz_where_free(o.where);
	return fz_cli_finish(&cli, rc, &err);
}
