/* fazhi-render - reports, announcements and spreadsheets from any fazhi
 * documents: mustache templates for text, md, html and docx, the
 * tables of the documents for csv and xlsx. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fazhi.h"

/* For shell completion: the formats of -f, the keys and values of
 * --where (entities', and entity for its id). */
static void
complete(const char *what, fz_buf *b)
{
	static const enum fz_kind entities = FZ_KIND_ENTITIES;
	static const char *const entity[] = { "entity", NULL };

	if (strcmp(what, "format") == 0)
		fz_buf_adds(b, "text\nmd\nhtml\ndocx\nxlsx\ncsv\n");
	else if (strcmp(what, "where") == 0)
		fz_key_words(&entities, 1, entity, b);
	else if (strncmp(what, "value=", 6) == 0)
		fz_value_words(&entities, 1, what + 6, b);
}

static fz_cli cli = {
	.prog = "fazhi-render",
	.complete = complete,
	.usage = N_("fazhi-render [-t TEMPLATE] [-f text|md|html|docx|xlsx|csv] "
	    "[-o FILE] [--bom] [--totals]\n                    [--where KEY=VALUE]... [--previous FILE]... [FILE...]\n       fazhi-render --list | "
	    "--dump NAME | --context [FILE...]"),
	.help =
	    N_("Render fazhi documents (tally, metrics, draw, records, or any "
	    "mapping) through a\nmustache template (text, Markdown, HTML or "
	    "a Word document), or as CSV or\nxlsx tables.\n"
	    "\n"
	    "  -t, --template T   a template file, or a built-in: annual, "
	    "monthly,\n"
	    "                     draw-notice, draw-tasks, draw-verify, draw-results,\n"
	    "                     venue-book, items-notice, casefile, statistics, tables\n"
	    "                     (default: by the inputs)\n"
	    "  -f, --format F     text, md, html, docx, xlsx or csv (default: "
	    "by the -o\n"
	    "                     suffix, else text)\n"
	    "  -o, --output FILE  write to FILE (atomically) instead of "
	    "standard output\n"
	    "      --bom          begin CSV with a byte order mark (Excel "
	    "on Windows)\n"
	    "      --totals       write the totals rows (合计) in CSV too\n"
	    "      --where K=V    the venue book of the entities whose K is V "
	    "only\n                     (entity=ID: one venue's; "
	    "repeatable)\n"
	    "      --previous F   a tally or metrics document of the same "
	    "period a year\n                     before: 同比 of each figure "
	    "(repeatable)\n"
	    "      --list         list the built-in templates\n"
	    "      --dump NAME    print a built-in template, to copy and "
	    "edit\n"
	    "      --context      print the context templates see, as YAML\n"
	    "      --progress     show progress on standard error\n"
	    "  -h, --help         show this help\n"
	    "  -V, --version      show the version\n"
	    "\nWith no FILE, or when FILE is -, read standard input.  "
	    "See fazhi-templates(7).\n"),
};

enum { O_BOM = 256, O_TOTALS, O_LIST, O_DUMP, O_CONTEXT, O_WHERE, O_PREVIOUS };

struct opts {
	const char *template, *format, *dump;
	int bom, totals, list, context;
	fz_where *where;	/* --where: the venue book's entities */
	char **previous;	/* --previous: the period a year before */
	int nprevious;
};

/* --where KEY=VALUE of the venue book.  -1, or FZ_USAGE. */
static int
where_add(struct opts *o, const char *expr, fz_error *err)
{
	if (o->where == NULL)
		o->where = fz_where_new();
	return fz_render_where_add(o->where, expr, err) == FZ_OK ? -1 :
	    FZ_USAGE;
}

/* -1 to go on; FZ_OK after --help or --version; FZ_USAGE with err set. */
static int
parse_opts(int argc, char **argv, struct opts *o, fz_error *err)
{
	static const struct option longopts[] = {
		FZ_CLI_OPTIONS,
		{ "template", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, O_BOM },
		{ "totals", no_argument, NULL, O_TOTALS },
		{ "list", no_argument, NULL, O_LIST },
		{ "dump", required_argument, NULL, O_DUMP },
		{ "context", no_argument, NULL, O_CONTEXT },
		{ "where", required_argument, NULL, O_WHERE },
		{ "previous", required_argument, NULL, O_PREVIOUS },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT "t:f:", longopts,
	    NULL)) != -1) {
		rc = -1;
		switch (c) {
		case 't': o->template = optarg; break;
		case 'f': o->format = optarg; break;
		case O_BOM: o->bom = 1; break;
		case O_TOTALS: o->totals = 1; break;
		case O_LIST: o->list = 1; break;
		case O_DUMP: o->dump = optarg; break;
		case O_CONTEXT: o->context = 1; break;
		case O_WHERE:
			rc = where_add(o, optarg, err);
			break;
		case O_PREVIOUS:
			o->previous = fz_xrealloc(o->previous,
			    (size_t)(o->nprevious + 1) * sizeof *o->previous);
			o->previous[o->nprevious++] = optarg;
			break;
		default: rc = fz_cli_common(&cli, c, optarg, err); break;
		}
		if (rc >= 0)
			return rc;
	}
	return -1;
}

/* The format named by -f, else by the suffix of -o, else text. */
static const char *
output_format(const char *output)
{
	static const char *const by_suffix[][2] = { { ".html", "html" },
		{ ".htm", "html" }, { ".md", "md" }, { ".csv", "csv" },
		{ ".xlsx", "xlsx" }, { ".docx", "docx" }, { ".txt", "text" } };
	size_t n = output != NULL ? strlen(output) : 0;

	for (size_t i = 0; i < sizeof by_suffix / sizeof by_suffix[0]; i++) {
		size_t s = strlen(by_suffix[i][0]);
		if (n > s && strcmp(output + n - s, by_suffix[i][0]) == 0)
			return by_suffix[i][1];
	}
	return "text";
}

static int
check_opts(struct opts *o, int nfiles, fz_error *err)
{
	static const char *const formats[] = { "text", "md", "html", "docx",
		"csv", "xlsx", NULL };
	int i, modes = o->list + (o->dump != NULL) + o->context;

	if (o->format == NULL)
		o->format = output_format(cli.output);
	for (i = 0; formats[i] != NULL && strcmp(formats[i], o->format); i++)
		;
	if (formats[i] == NULL)
		return fz_cli_usage(err, "-f: '%s' is not one of text, md, "
		    "html, docx, xlsx, csv", o->format);
	if (modes > 1)
		return fz_cli_usage(err, "--list, --dump and --context "
		    "exclude each other");
	if ((o->list || o->dump != NULL) && nfiles > 0)
		return fz_cli_usage(err, "--list and --dump read no files");
	if (o->template != NULL && strcmp(o->template, "statistics") != 0 &&
	    (!strcmp(o->format, "csv") || !strcmp(o->format, "xlsx")))
		return fz_cli_usage(err, "-t: %s needs no template (but "
		    "statistics, whose tables it writes)", o->format);
	if (o->nprevious > 0 && (o->list || o->dump != NULL ||
	    !strcmp(o->format, "csv") || !strcmp(o->format, "xlsx")))
		return fz_cli_usage(err, "--previous is for reports (text, "
		    "md, html, docx) and --context");
	if (o->bom && strcmp(o->format, "csv") != 0)
		return fz_cli_usage(err, "--bom is for csv");
	if (o->totals && strcmp(o->format, "csv") != 0)
		return fz_cli_usage(err, "--totals is for csv (the other "
		    "formats have them)");
	if (o->where != NULL && ((o->template == NULL && !o->context) ||
	    (o->template != NULL &&
	    (strchr(o->template, '/') == NULL &&
	    strcmp(o->template, "venue-book") != 0))))
		return fz_cli_usage(err, "--where picks the entities of "
		    "-t venue-book (or of a template of your own)");
	if (o->where != NULL && fz_where_check(o->where,
	    &(enum fz_kind){ FZ_KIND_ENTITIES }, 1, NULL, err) != FZ_OK)
		return FZ_USAGE;
	if ((!strcmp(o->format, "xlsx") || !strcmp(o->format, "docx")) &&
	    !o->context && cli.output == NULL && isatty(STDOUT_FILENO))
		return fz_cli_usage(err, "%s is not for a terminal: give "
		    "-o FILE", o->format);
	return -1;
}

/* The built-in templates: $FAZHI_TEMPLATES, the source tree's when it
 * is there (a build tree's program), else the installed ones. */
static const char *
templates_dir(void)
{
	const char *env = getenv("FAZHI_TEMPLATES");

	if (env != NULL && *env != '\0')
		return env;
	if (access(FZ_SRCDIR "/templates/annual.mustache", R_OK) == 0)
		return FZ_SRCDIR "/templates";
	return PKGDATADIR "/templates";
}

static int
list_or_dump(const struct opts *o, fz_error *err)
{
	fz_buf out = { 0 };
	int rc = o->list ? fz_render_templates_list(templates_dir(), &out, err) :
	    fz_render_template_dump(templates_dir(), o->dump, &out, err);

	if (rc == FZ_OK && out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	fz_buf_free(&out);
	return rc;
}

/* What the inputs are read into: the context of a template, or the
 * tables of csv and xlsx; and the template (NULL with --context or
 * tables). */
struct reading {
	const struct opts *o;
	fz_render_ctx *ctx;
	fz_table_set *tables;
	fz_render_template *t;
};

static int
take(void *ctx, const fz_event *ev, fz_error *err)
{
	struct reading *r = ctx;

	return r->tables != NULL ? fz_table_set_add_event(r->tables, ev, err)
	    : fz_render_ctx_add_event(r->ctx, ev, err);
}

static int
take_previous(void *ctx, const fz_event *ev, fz_error *err)
{
	return fz_render_ctx_add_previous(ctx, ev, err);
}

/* The context through the template, or itself with --context. */
static int
write_text(fz_output *out, void *ctx, fz_error *err)
{
	struct reading *r = ctx;
	enum fz_escape esc = !strcmp(r->o->format, "html") ? FZ_ESCAPE_HTML :
	    FZ_ESCAPE_NONE;

	if (r->t == NULL)
		return fz_output_node(out, fz_render_ctx_root(r->ctx), err);
	if (!strcmp(r->o->format, "docx"))
		return fz_render_docx_output(out, r->t,
		    fz_render_ctx_root(r->ctx), templates_dir(), err);
	/* Straight into a temporary file that replaces -o FILE only when
	 * whole; through one of its own onto standard output or a device,
	 * so that an error there writes nothing. */
	return fz_render_ctx_render(r->ctx, r->t, esc, out->fp,
	    out->path == NULL || out->tmp == NULL, err);
}

static int
write_tables(fz_output *out, void *ctx, fz_error *err)
{
	struct reading *r = ctx;

	if (!strcmp(r->o->format, "xlsx"))
		return fz_table_xlsx_output(out, r->tables, err);
	return fz_table_csv_write(out->fp, r->tables, (r->o->bom ? FZ_CSV_BOM :
	    0) | (r->o->totals ? FZ_CSV_TOTALS : 0), err);
}

static int
run(const struct opts *o, char **files, int nfiles, fz_error *err)
{
	struct reading r = { .o = o };
	int tables = !o->context && (!strcmp(o->format, "csv") ||
	    !strcmp(o->format, "xlsx"));
	/* -t statistics as tables: the context's, not the documents'. */
	int statistics = tables && o->template != NULL;
	int rc = FZ_OK;

	if (statistics)
		tables = 0;
	/* A template's own errors come before any input is read. */
	if (o->template != NULL && !o->context && !statistics)
		rc = fz_render_template_open(templates_dir(), o->format,
		    o->template, &r.t, err);
	if (tables)
		r.tables = fz_table_set_new();
	else
		r.ctx = fz_render_ctx_new();
	if (r.ctx != NULL)
		fz_render_ctx_set_where(r.ctx, o->where);
	/* Each item's helpers only when the template comes to it; the
	 * context printed whole, and docx's own renderer, have them all. */
	if (r.ctx != NULL && !o->context && strcmp(o->format, "docx") != 0)
		fz_render_ctx_lazy(r.ctx);
	if (r.ctx != NULL && !o->context)
		fz_render_ctx_share(r.ctx);
	/* The previous period first: copied, as it is only compared. */
	if (rc == FZ_OK && o->nprevious > 0)
		rc = fz_cli_read(&cli, o->previous, o->nprevious,
		    &(fz_cli_input){ .flags = FZ_STREAM_ANY_KIND,
		    .take = take_previous, .ctx = r.ctx }, err);
	if (rc == FZ_OK) {
		/* The documents as read, their alike keys one node, not
		 * copied: the stream keeps them and hands them over (the
		 * tables copy what they need). */
		fz_arena *kept = NULL;
		rc = fz_cli_read(&cli, files, nfiles, &(fz_cli_input){
		    .flags = FZ_STREAM_ANY_KIND | (o->context ? 0 :
		    FZ_STREAM_KEEP | FZ_STREAM_SHARE_KEYS), .take = take,
		    .ctx = &r, .keep = &kept }, err);
		if (r.ctx != NULL)
			fz_render_ctx_hold(r.ctx, kept);
		else
			fz_arena_free(kept);
	}
	if (rc == FZ_OK && !tables && !o->context && r.t == NULL &&
	    !statistics)
		rc = fz_render_template_open(templates_dir(), o->format,
		    fz_render_ctx_template(r.ctx), &r.t, err);
	if (rc == FZ_OK && !tables)
		rc = fz_render_ctx_check(r.ctx, r.t, err);
	if (rc == FZ_OK && statistics) {
		r.tables = fz_table_set_new();
		rc = fz_render_ctx_statistics(r.ctx, r.tables, err);
		tables = 1;
	}
	if (rc == FZ_OK)
		rc = fz_output_write(cli.output, tables ? write_tables :
		    write_text, &r, err);
	fz_render_template_free(r.t);
	fz_render_ctx_free(r.ctx);
	fz_table_set_free(r.tables);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { 0 };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0 &&
	    (rc = check_opts(&o, argc - optind, &err)) < 0)
		rc = o.list || o.dump != NULL ? list_or_dump(&o, &err) :
		    run(&o, argv + optind, argc - optind, &err);
	fz_where_free(o.where);
	free(o.previous);
	return fz_cli_finish(&cli, rc, &err);
}
