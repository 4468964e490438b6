/* fazhi-tally - case and inspection tally by period and by any key. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static fz_cli cli = {
	.prog = "fazhi-tally",
	.usage = "fazhi-tally [-o FILE] [--by KEY[,KEY...]] [--from DATE] "
	    "[--to DATE]\n                   [--month YYYY-MM] [--year YYYY] "
	    "[--where KEY=VALUE]...\n                   [--entities FILE] "
	    "[--calendar FILE] [--mergeable] [--merge] [FILE...]",
	.help =
	    "Tally inspections and cases (FORMATS.md) into one tally document.\n"
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
	    "      --calendar FILE   working days for published_on_time (calendar or holiday-cn)\n"
	    "      --mergeable       add what an exact --merge needs\n"
	    "      --merge           add tallies written with --mergeable\n"
	    "      --progress        show progress on standard error\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.\n",
};

struct opts {
	char *by, *entities, *calendar;
	fz_cli_range range;
	int mergeable, merge;
	fz_where *where;
};

enum { O_BY = 256, O_WHERE, O_ENTITIES, O_CALENDAR, O_MERGEABLE, O_MERGE };

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
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ "mergeable", no_argument, NULL, O_MERGEABLE },
		{ "merge", no_argument, NULL, O_MERGE },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT, longopts,
	    NULL)) != -1) {
		rc = -1;
		switch (c) {
		case O_BY:		o->by = optarg; break;
		case O_ENTITIES:	o->entities = optarg; break;
		case O_CALENDAR:	o->calendar = optarg; break;
		case O_MERGEABLE:	o->mergeable = 1; break;
		case O_MERGE:		o->merge = 1; break;
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
	if (o->merge && (o->by || o->entities || fz_where_count(o->where) ||
	    o->range.flags))
		return fz_cli_usage(err, "--merge takes the by, where and "
		    "period of the tallies it merges");
	return -1;
}

/* Fill category and town of an inspection from the directory. */
static void
fill_from_directory(const fz_directory *dir, fz_arena *a, fz_node *rec,
    fz_inspection *in)
{
	const fz_entity *e = fz_directory_find(dir, in->entity);

	if (e == NULL)
		return;
	if (in->category == NULL && e->category != NULL) {
		fz_node_put(a, rec, "category", fz_node_scalar(a, e->category,
		    strlen(e->category)));
		in->category = e->category;
	}
	if (in->town == NULL && e->town != NULL) {
		fz_node_put(a, rec, "town", fz_node_scalar(a, e->town,
		    strlen(e->town)));
		in->town = e->town;
	}
}

static int
wrong_kind(const fz_event *ev, int merge, fz_error *err)
{
	return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
	    ev->doc_col, merge ? "--merge reads tallies, not %s"
	    : "fazhi-tally reads inspections and cases, not %s", ev->kind_name);
}

static int
add_record(fz_tally *t, const struct opts *o, const fz_directory *dir,
    fz_stream *s, const fz_event *ev, fz_error *err)
{
	enum fz_kind k = ev->kind;
	fz_inspection in;
	fz_case c;
	int rc;

	if (k == FZ_KIND_INSPECTIONS) {
		if ((rc = fz_record_decode(k, ev->node, &in, NULL, err)) != FZ_OK)
			return rc;
		if (dir != NULL)
			fill_from_directory(dir, fz_stream_arena(s), ev->node,
			    &in);
		if (fz_where_match(o->where, k, ev->node))
			fz_tally_add_inspection(t, &in, ev->node);
		return FZ_OK;
	}
	if ((rc = fz_record_decode(k, ev->node, &c, NULL, err)) != FZ_OK)
		return rc;
	if (!fz_where_match(o->where, k, ev->node))
		return FZ_OK;
	return fz_tally_add_case(t, &c, ev->node, err);
}

struct reading {
	fz_tally **t;
	const struct opts *o;
	const fz_directory *dir;
};

static int
take(void *ctx, fz_stream *s, const fz_event *ev, fz_error *err)
{
	struct reading *r = ctx;
	int is_tally = ev->kind == FZ_KIND_TALLY;
	int is_record = ev->kind == FZ_KIND_INSPECTIONS ||
	    ev->kind == FZ_KIND_CASES;

	if (r->o->merge ? !is_tally : !is_record)
		return wrong_kind(ev, r->o->merge, err);
	if (r->o->merge)
		return fz_tally_merge(r->t, ev->node, err);
	if (ev->type == FZ_EV_RECORD)
		return add_record(*r->t, r->o, r->dir, s, ev, err);
	return FZ_OK;
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

static int
run(struct opts *o, char **files, int nfiles, fz_error *err)
{
	fz_calendar *cal = NULL;
	fz_directory *dir = NULL;
	fz_tally *t = NULL;
	struct reading r = { &t, o, NULL };
	char **by = NULL;
	int nby, rc;

	if (o->calendar != NULL) {
		cal = fz_calendar_new();
		if ((rc = fz_calendar_load(cal, o->calendar, err)) != FZ_OK)
			goto done;
	}
	if (o->entities != NULL) {
		dir = fz_directory_new();
		if ((rc = fz_directory_load(dir, o->entities, err)) != FZ_OK)
			goto done;
	}
	if (!o->merge) {
		by = split_by(o->by, &nby);
		if ((t = fz_tally_new(by, nby, err)) == NULL) {
			rc = err->status;
			goto done;
		}
		fz_tally_set_range(t, o->range.from, o->range.to);
		fz_tally_set_where(t, o->where);
	}
	r.dir = dir;
	rc = fz_cli_read(&cli, files, nfiles, 0, take, &r, err);
	if (rc == FZ_OK && t == NULL)
		rc = fz_error_set(err, FZ_DATAERR, NULL, 0, 0,
		    "--merge found no tally to merge");
	if (rc == FZ_OK) {
		struct write_ctx c = { t, o->mergeable };

		fz_tally_set_calendar(t, cal);
		rc = fz_output_yaml(cli.output, write_tally, &c, err);
	}
done:
	fz_tally_free(t);
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

	fz_cli_range_init(&o.range);
	o.where = fz_where_new();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, argv + optind, argc - optind, &err);
	fz_where_free(o.where);
	return fz_cli_finish(&cli, rc, &err);
}
