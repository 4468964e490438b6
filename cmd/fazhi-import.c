/* fazhi-import - a CSV export (UTF-8 or GB18030) or a workbook (xlsx,
 * xls) into fazhi records. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fazhi.h"

/* For shell completion: the kinds of --kind, the encodings. */
static void
complete(const char *what, fz_buf *b)
{
	if (strcmp(what, "kind") == 0) {
		for (int k = 0; k < FZ_KIND_COUNT; k++)
			if (fz_kind_has_records((enum fz_kind)k)) {
				fz_buf_adds(b, fz_kind_name((enum fz_kind)k));
				fz_buf_adds(b, "\n");
			}
	} else if (strcmp(what, "encoding") == 0) {
		fz_buf_adds(b, "utf-8\ngb18030\ngbk\n");
	}
}

static fz_cli cli = {
	.prog = "fazhi-import",
	.complete = complete,
	.usage = N_("fazhi-import --kind KIND [--map 'COLUMN=key,...'] "
	    "[--encoding utf-8|gb18030|gbk]\n                    [--sheet NAME|N] "
	    "[--header-row N] [-o FILE] [FILE]"),
	.help =
	    N_("Turn a CSV export or a workbook (.xlsx, .xls) into a fazhi document of\n"
	    "one kind (fazhi-formats(5)).\n"
	    "\n"
	    "  -k, --kind KIND       entities, inspectors, inspections, cases, matters,\n"
	    "                        applications, credit or towns\n"
	    "  -m, --map MAP         COLUMN=key,... : the key of each column header\n"
	    "                        (key - skips the column); other columns by the\n"
	    "                        built-in map of usual Chinese headers\n"
	    "  -e, --encoding ENC    utf-8 (default, a BOM is allowed), gb18030 or gbk\n"
	    "                        (CSV only)\n"
	    "  -s, --sheet NAME|N    the sheet of a workbook, by name or number from 1\n"
	    "                        (default the first)\n"
	    "  -H, --header-row N    the header is row N (default: a CSV's first row;\n"
	    "                        a sheet's first row naming a known column)\n"
	    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\nA FILE ending in .xlsx or .xls is read as a workbook; with no FILE, or\n"
	    "when FILE is -, read a CSV from standard input.\n"),
};

struct opts {
	enum fz_kind kind;
	enum fz_import_encoding enc;
	const char *map;
	const char *sheet;
	unsigned header_row;
	int enc_given;
};

static int
parse_opt(struct opts *o, int c, fz_error *err)
{
	long long row;
	int enc;

	switch (c) {
	case 'k':
		o->kind = fz_kind_parse(optarg);
		if (!fz_kind_has_records(o->kind))
			return fz_cli_usage(err, "--kind: '%s' is not a kind "
			    "of records", optarg);
		return -1;
	case 'm':
		o->map = optarg;
		return -1;
	case 'e':
		if ((enc = fz_import_encoding_parse(optarg)) < 0)
			return fz_cli_usage(err, "--encoding: '%s' is not "
			    "utf-8, gb18030 or gbk", optarg);
		o->enc = (enum fz_import_encoding)enc;
		o->enc_given = 1;
		return -1;
	case 's':
		o->sheet = optarg;
		return -1;
	case 'H':
		/* 1048576: the rows of a sheet. */
		if (fz_int_parse(optarg, strlen(optarg), &row) != 0 ||
		    row < 1 || row > 1048576)
			return fz_cli_usage(err, "--header-row: '%s' is not a "
			    "row number (1 to 1048576)", optarg);
		o->header_row = (unsigned)row;
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
		{ "kind", required_argument, NULL, 'k' },
		{ "map", required_argument, NULL, 'm' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "sheet", required_argument, NULL, 's' },
		{ "header-row", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, FZ_CLI_SHORT "k:m:e:s:H:", longopts,
	    NULL)) != -1)
		if ((rc = parse_opt(o, c, err)) >= 0)
			return rc;
	if (o->kind == FZ_KIND_NONE)
		return fz_cli_usage(err, "--kind is required");
	if (argc - optind > 1)
		return fz_cli_usage(err, "one FILE at most");
	return -1;
}

static void
print_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	(void)ctx;
	char pos[1100];

	fprintf(stderr, _("%s: %s: %s%s\n"), cli.prog, fz_pos_format(pos,
	    sizeof pos, file, line, col), severity == FZ_WARNING ?
	    _("warning: ") : "", msg);
}

static int
read_csv(fz_import *im, FILE *fp, const char *name, fz_error *err)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		fz_import_feed(im, buf, n);
	if (ferror(fp))
		return fz_error_set(err, FZ_IOERR, name, 0, 0, "read error: %s",
		    strerror(errno));
	return FZ_OK;
}

struct write_ctx {
	enum fz_kind kind;
	const fz_node *records;
};

static int
write_records(fz_writer *w, void *ctx)
{
	const struct write_ctx *c = ctx;

	return fz_import_write(w, c->kind, c->records);
}

/* The problems printed, the records written. */
static int
end_import(const struct opts *o, fz_import *im, fz_error *err)
{
	const fz_node *records;
	int rc = fz_import_end(im, print_problem, NULL, &records, err);

	if (rc == FZ_OK)
		return fz_output_yaml(cli.output, write_records,
		    &(struct write_ctx){ o->kind, records }, err);
	if (rc == FZ_DATAERR)
		err->status = FZ_OK;	/* printed with the others */
	return rc;
}

/* The workbook reader of path by its extension (any case), NULL for a
 * CSV. */
static int (*workbook_reader(const char *path))(fz_import *, const char *,
    const char *, const char *, fz_error *)
{
	size_t n = path != NULL ? strlen(path) : 0;

	if (n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0)
		return fz_import_xlsx;
	if (n > 4 && strcasecmp(path + n - 4, ".xls") == 0)
		return fz_import_xls;
	return NULL;
}

static int
read_input(const struct opts *o, fz_import *im, const char *path,
    fz_error *err)
{
	int stdin_ = path == NULL || strcmp(path, "-") == 0;
	const char *name = stdin_ ? "<stdin>" : path;
	int (*reader)(fz_import *, const char *, const char *, const char *,
	    fz_error *) = stdin_ ? NULL : workbook_reader(path);
	FILE *fp;
	int rc;

	if (reader != NULL)
		return reader(im, path, path, o->sheet, err);
	if (o->sheet != NULL)
		return fz_cli_usage(err, "--sheet: %s is not a workbook "
		    "(.xlsx or .xls)", name);
	if ((fp = stdin_ ? stdin : fopen(path, "rb")) == NULL)
		return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
	rc = read_csv(im, fp, name, err);
	if (!stdin_)
		fclose(fp);
	return rc;
}

static int
run(const struct opts *o, const char *path, fz_error *err)
{
	int stdin_ = path == NULL || strcmp(path, "-") == 0;
	const char *name = stdin_ ? "<stdin>" : path;
	fz_import *im;
	int rc;

	if (!stdin_ && workbook_reader(path) != NULL && o->enc_given)
		return fz_cli_usage(err, "--encoding: a workbook's text is "
		    "Unicode; the option is for CSV");
	im = fz_import_new(o->kind, o->enc, name, FZ_NODATE);
	if (im == NULL) {
		rc = fz_cli_usage(err, "this system's iconv cannot convert "
		    "from %s", o->enc == FZ_ENC_GBK ? "GBK" : "GB18030");
	} else if (o->map == NULL ||
	    (rc = fz_import_map(im, o->map, err)) == FZ_OK) {
		if (o->header_row > 0)
			fz_import_header_row(im, o->header_row);
		if ((rc = read_input(o, im, path, err)) == FZ_OK)
			rc = end_import(o, im, err);
	}
	fz_import_free(im);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { .kind = FZ_KIND_NONE, .enc = FZ_ENC_UTF8 };
	fz_error err = { 0 };
	int rc;

	fz_cli_start();
	if ((rc = parse_opts(argc, argv, &o, &err)) < 0)
		rc = run(&o, optind < argc ? argv[optind] : NULL, &err);
	return fz_cli_finish(&cli, rc, &err);
}
