/* problems.c - what fazhi-check writes of the problems a check kept:
 * one line each (FILE:LINE:COL: severity: message), or the problems
 * document of FORMATS.md; and the exit status they make. */
#include "check_int.h"

/* The words of the problems document; the lines of the text name them
 * in the messages' language. */
static const char *const severity_names[] = { N_("warning"), N_("error"),
	N_("note") };

/* FZ_PROBLEMS for an error, or with --strict a warning. */
static int
status_of(const fz_check *c, const size_t counts[3])
{
	return counts[FZ_ERROR] > 0 || (c->o.strict && counts[FZ_WARNING] > 0)
	    ? FZ_PROBLEMS : FZ_OK;
}

static void
print_line(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	FILE *fp = ctx;
	char pos[1100];

	if (file != NULL)
		fprintf(fp, _("%s: "), fz_pos_format(pos, sizeof pos, file,
		    line, col));
	fprintf(fp, _("%s: %s\n"), fz_gettext(severity_names[severity]), msg);
}

int
fz_check_write_text(fz_check *c, FILE *fp)
{
	size_t counts[3];

	fz_check_finish(c, print_line, fp, counts);
	return status_of(c, counts);
}

static void
write_problem(void *ctx, int severity, const char *file, unsigned line,
    unsigned col, const char *msg)
{
	fz_writer *w = ctx;

	fz_write_map_begin(w, 0);
	fz_write_key(w, "file");
	fz_write_str(w, file ? file : "");
	fz_write_key_int(w, "line", line);
	fz_write_key_int(w, "col", col);
	fz_write_key(w, "severity");
	fz_write_str(w, severity_names[severity]);
	fz_write_key(w, "message");
	fz_write_str(w, msg);
	fz_write_map_end(w);
}

/* kind: problems, the version, every problem, then the counts. */
int
fz_check_write_yaml(fz_check *c, fz_writer *w)
{
	static const char *const keys[] = { "warnings", "errors", "notes" };
	size_t counts[3];

	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "kind");
	fz_write_str(w, "problems");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	fz_write_key(w, "problems");
	fz_write_seq_begin(w, 0);
	fz_check_finish(c, write_problem, w, counts);
	fz_write_seq_end(w);
	fz_write_key(w, "counts");
	fz_write_map_begin(w, 1);
	for (int i = 0; i < 3; i++)
		fz_write_key_int(w, keys[i], (long long)counts[i]);
	fz_write_map_end(w);
	fz_write_map_end(w);
	if (fz_write_doc_end(w) != 0)
		return -1;
	if (c->o.casefile && c->o.rules && fz_check__write_casefile(c, w) != 0)
		return -1;
	return status_of(c, counts);
}
