/* render_files.c - templates on disk: a template given by path or by
 * the name of a built-in, its partials looked for beside it, then among
 * the widgets of the output format, then among the built-ins; the list
 * of built-ins for --list and their text for --dump. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render_int.h"

#define SUFFIX ".mustache"

/* Where a template's partials are looked for, in order: its own
 * folder, the widgets of the format, the built-ins; each with the prefix
 * their names take in messages. */
struct partial_dirs {
	const char *dir[3];
	const char *shown[3];
	int n;
};

/* The whole of a regular file into *src (malloc'd): FZ_OK, or
 * FZ_NOINPUT with err set. */
static int
read_file(const char *path, char **src, size_t *len, fz_error *err)
{
	FILE *fp = fopen(path, "rb");
	fz_buf b = { 0 };
	char chunk[8192];
	size_t n;
	struct stat st;

	if (fp == NULL || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		int e = fp == NULL ? errno : EISDIR;
		if (fp != NULL)
			fclose(fp);
		return fz_error_set(err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(e));
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		fz_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		fz_buf_free(&b);
		return fz_error_set(err, FZ_IOERR, path, 0, 0, "read error");
	}
	fclose(fp);
	*src = b.data != NULL ? b.data : fz_xstrdup("");
	*len = b.len;
	return FZ_OK;
}

static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A name that stays in its folder: no /, no \, not beginning with a
 * dot (so neither . nor ..), nothing unprintable. */
static int
plain_name(const char *name)
{
	if (*name == '\0' || *name == '.')
		return 0;
	for (const char *s = name; *s != '\0'; s++)
		if (*s == '/' || *s == '\\' || (unsigned char)*s < ' ')
			return 0;
	return 1;
}

/* dir/name.mustache (name.mustache when dir is ""), malloc'd. */
static char *
join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + sizeof SUFFIX + 1;
	char *path = fz_xmalloc(n);

	snprintf(path, n, "%s%s%s%s", dir, *dir ? "/" : "", name, SUFFIX);
	return path;
}

/* The file path of partial name, its links resolved, into *real
 * (malloc'd): FZ_OK when it lies in dir (its links resolved too), else
 * FZ_DATAERR, or FZ_NOINPUT when it cannot be resolved. */
static int
resolve(const char *dir, const char *path, const char *name, char **real,
    fz_error *err)
{
	char *d = realpath(dir, NULL);
	size_t n = d != NULL ? strlen(d) : 0;
	int rc = FZ_OK;

	if (d == NULL || (*real = realpath(path, NULL)) == NULL) {
		rc = fz_error_set(err, FZ_NOINPUT, path, 0, 0,
		    "partial '%s': cannot open: %s", name, strerror(errno));
	} else if (strncmp(*real, d, n) != 0 ||
	    (d[n - 1] != '/' && (*real)[n] != '/')) {
		rc = fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "partial '%s' "
		    "is a link to %s, outside the template's folder", name,
		    *real);
		free(*real);
		*real = NULL;
	}
	free(d);
	return rc;
}

static int
find_partial(void *ctx, const char *name, fz_partial *out, fz_error *err)
{
	const struct partial_dirs *pd = ctx;

	if (!plain_name(name) || strstr(name, "..") != NULL)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0, "partial '%s' "
		    "is not a name in the template's folder", name);
	for (int i = 0; i < pd->n; i++) {
		char *path = join(pd->dir[i], name), *real = NULL;
		int rc = FZ_OK;
		/* A link may lead anywhere: only what stays in the folder
		 * is read, by the path checked. */
		if (exists(path) &&
		    (rc = resolve(pd->dir[i], path, name, &real, err)) == FZ_OK) {
			rc = read_file(real, &out->src, &out->len, err);
			out->path = join(pd->shown[i], name);
		}
		free(real);
		free(path);
		if (rc != FZ_OK || out->src != NULL)
			return rc;
	}
	return FZ_OK;
}

static const char *const formats[] = { "text", "md", "html", "docx",
	NULL };

static int
is_format(const char *s, size_t len)
{
	for (int i = 0; formats[i] != NULL; i++)
		if (strlen(formats[i]) == len && memcmp(formats[i], s, len) == 0)
			return 1;
	return 0;
}

/* The folder of path, as written ("." when it has none), in a. */
static char *
folder(fz_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return fz_arena_strdup(a, ".");
	return fz_arena_strndup(a, path, slash == path ? 1 :
	    (size_t)(slash - path));
}

/* Partials beside own (shown as own_shown), then the format's widgets,
 * then the built-ins. */
static void
set_dirs(fz_render_template *t, const char *builtin, const char *format,
    const char *own, const char *own_shown)
{
	struct partial_dirs *pd = fz_arena_alloc(t->arena, sizeof *pd);

	if (pd == NULL)
		abort();
	memset(pd, 0, sizeof *pd);
	if (strcmp(own, builtin) != 0) {
		pd->dir[pd->n] = own;
		pd->shown[pd->n++] = own_shown;
	}
	pd->dir[pd->n] = fz_arena_printf(t->arena, "%s/%s", builtin, format);
	pd->shown[pd->n++] = format;
	pd->dir[pd->n] = fz_arena_strdup(t->arena, builtin);
	pd->shown[pd->n++] = "";
	fz_render_template_set_partials(t, find_partial, pd);
}

int
fz_render_template_open(const char *builtin, const char *format, const char *which,
    fz_render_template **out, fz_error *err)
{
	size_t n = strlen(which);
	int is_path = strchr(which, '/') != NULL || exists(which) ||
	    (n > strlen(SUFFIX) && strcmp(which + n - strlen(SUFFIX),
	    SUFFIX) == 0);
	char *path = is_path ? fz_xstrdup(which) : join(builtin, which);
	char *shown = is_path ? fz_xstrdup(which) : join("", which);
	char *src = NULL;
	size_t len;
	int rc;

	if (!is_format(format, strlen(format)))
		rc = fz_error_set(err, FZ_USAGE, NULL, 0, 0, "templates are "
		    "for text, md, html and docx, not %s", format);
	else if (!is_path && (!plain_name(which) || !exists(path)))
		rc = fz_error_set(err, FZ_USAGE, NULL, 0, 0, "no built-in "
		    "template '%s' (--list names them)", which);
	else
		rc = read_file(path, &src, &len, err);
	if (rc == FZ_OK &&
	    (rc = fz_render_template_parse(shown, src, len, out, err)) == FZ_OK) {
		fz_arena *a = (*out)->arena;
		const char *own = is_path ? folder(a, which) : builtin;
		set_dirs(*out, builtin, format, own,
		    strchr(which, '/') != NULL ? own : "");
		if (!is_path)
			(*out)->builtin = fz_arena_strdup(a, which);
	}
	free(src);
	free(path);
	free(shown);
	return rc;
}

/* The words of a template's first line when it is a comment
 * ({{! annual: the annual report }}), else "". */
static void
describe(const char *dir, const char *name, fz_buf *out)
{
	char *path = join(dir, name), line[512] = "";
	FILE *fp = fopen(path, "rb");
	char *b, *e;

	free(path);
	if (fp == NULL)
		return;
	if (fgets(line, sizeof line, fp) != NULL &&
	    (b = strstr(line, "{{!")) != NULL &&
	    (e = strstr(b, "}}")) != NULL) {
		size_t n = strlen(name);
		for (b += 3; *b == ' '; b++)
			;
		/* {{! annual: the annual report }} says "the annual report" */
		if (strncmp(b, name, n) == 0 && b[n] == ':')
			for (b += n + 1; *b == ' '; b++)
				;
		while (e > b && e[-1] == ' ')
			e--;
		fz_buf_add(out, b, (size_t)(e - b));
	}
	fclose(fp);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
fz_render_templates_list(const char *builtin, fz_buf *out, fz_error *err)
{
	DIR *d = opendir(builtin);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, sl = strlen(SUFFIX);

	if (d == NULL)
		return fz_error_set(err, FZ_NOINPUT, builtin, 0, 0, "%s",
		    strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= sl || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - sl, SUFFIX) != 0)
			continue;
		if (n == cap)
			names = fz_xrealloc(names, (cap = 2 * cap + 8) *
			    sizeof *names);
		names[n] = fz_xstrdup(e->d_name);
		names[n++][len - sl] = '\0';
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		fz_buf_add(out, names[i], strlen(names[i]));
		fz_buf_add(out, "\t", 1);
		describe(builtin, names[i], out);
		fz_buf_add(out, "\n", 1);
		free(names[i]);
	}
	free(names);
	return FZ_OK;
}

int
fz_render_template_dump(const char *builtin, const char *name, fz_buf *out,
    fz_error *err)
{
	const char *slash = strchr(name, '/');
	char *path, *src = NULL;
	size_t len;
	int rc;

	/* A built-in, or a widget of a format: html/page. */
	if ((slash != NULL && (!is_format(name, (size_t)(slash - name)) ||
	    !plain_name(slash + 1))) || (slash == NULL && !plain_name(name)))
		return fz_error_set(err, FZ_USAGE, NULL, 0, 0, "no built-in "
		    "template '%s' (--list names them)", name);
	path = join(builtin, name);
	if (!exists(path))
		rc = fz_error_set(err, FZ_USAGE, NULL, 0, 0, "no built-in "
		    "template '%s' (--list names them)", name);
	else if ((rc = read_file(path, &src, &len, err)) == FZ_OK)
		fz_buf_add(out, src, len);
	free(src);
	free(path);
	return rc;
}
