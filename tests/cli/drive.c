/* drive.c - what the browser test drivers share (see drive.h). */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drive.h"

void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", drive_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory");
	return p;
}

void
put(struct str *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
puts_(struct str *b, const char *s)
{
	put(b, s, strlen(s));
}

/* s as a JSON string, quotes included. */
void
put_json(struct str *b, const char *s)
{
	char esc[8];

	put(b, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(b, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			put(b, esc, 6);
		} else {
			put(b, (const char *)&c, 1);
		}
	}
	put(b, "\"", 1);
}

/* ---- reading JSON: enough to find a value by its path of keys */

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

static const char *
skip_string(const char *p)
{
	for (p++; *p != '\0' && *p != '"'; p++)
		if (*p == '\\' && p[1] != '\0')
			p++;
	return *p == '"' ? p + 1 : p;
}

/* Past the value at p. */
const char *
skip_value(const char *p)
{
	int depth = 0;

	p = skip_ws(p);
	do {
		if (*p == '"')
			p = skip_string(p);
		else if (*p == '{' || *p == '[')
			depth++, p++;
		else if (*p == '}' || *p == ']')
			depth--, p++;
		else if (*p == '\0')
			return p;
		else if (depth == 0) {
			while (*p != '\0' && *p != ',' && *p != '}' && *p != ']')
				p++;
			return p;
		} else
			p++;
	} while (depth > 0);
	return p;
}

/* The value of key in the object at p, or NULL. */
const char *
member(const char *p, const char *key)
{
	size_t klen = strlen(key);

	p = skip_ws(p);
	if (*p != '{')
		return NULL;
	for (p = skip_ws(p + 1); *p == '"'; p = skip_ws(p)) {
		const char *k = p + 1, *end = skip_string(p);
		int match = (size_t)(end - 1 - k) == klen && !strncmp(k, key, klen);

		p = skip_ws(end);
		if (*p != ':')
			return NULL;
		p = skip_ws(p + 1);
		if (match)
			return p;
		p = skip_ws(skip_value(p));
		if (*p == ',')
			p = skip_ws(p + 1);
	}
	return NULL;
}

/* The value at a path "a.b.c" from p, or NULL. */
const char *
at_path(const char *p, const char *path)
{
	char key[64];

	while (p != NULL && *path != '\0') {
		size_t n = strcspn(path, ".");

		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		p = member(p, key);
		path += n + (path[n] == '.');
	}
	return p;
}

static void
put_utf8(struct str *b, unsigned long c)
{
	char u[4];
	size_t n;

	if (c < 0x80)
		u[0] = (char)c, n = 1;
	else if (c < 0x800)
		u[0] = (char)(0xc0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3f)), n = 2;
	else if (c < 0x10000)
		u[0] = (char)(0xe0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3f)),
		u[2] = (char)(0x80 | (c & 0x3f)), n = 3;
	else
		u[0] = (char)(0xf0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3f)),
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f)), u[3] = (char)(0x80 | (c & 0x3f)), n = 4;
	put(b, u, n);
}

/* The JSON string at p, unescaped, into b; 0 if p is no string. */
int
get_string(const char *p, struct str *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";

	b->n = 0;
	put(b, "", 0);
	if (p == NULL || *p != '"')
		return 0;
	for (p++; *p != '"' && *p != '\0'; p++) {
		const char *e;

		if (*p != '\\') {
			put(b, p, 1);
			continue;
		}
		p++;
		if (*p == 'u') {
			unsigned long c = strtoul((char[5]){ p[1], p[2], p[3], p[4], 0 }, NULL, 16);

			p += 4;
			if (c >= 0xd800 && c < 0xdc00 && p[1] == '\\' && p[2] == 'u') {
				unsigned long lo = strtoul((char[5]){ p[3], p[4], p[5], p[6], 0 }, NULL, 16);

				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			}
			put_utf8(b, c);
		} else if ((e = strchr(from, *p)) != NULL && *p != '\0') {
			put(b, &to[e - from], 1);
		}
	}
	return 1;
}

void
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t k = write(fd, p, len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			die("writing to the browser: %s", strerror(errno));
		p += k;
		len -= (size_t)k;
	}
}

void
files_spec(const char *spec, struct str *sel, struct str *files)
{
	const char *eq = strchr(spec, '='), *f;
	struct str path = { 0 };

	if (eq == NULL)
		die("-f SELECTOR=FILE[,FILE...], not '%s'", spec);
	sel->n = files->n = 0;
	put(sel, spec, (size_t)(eq - spec));
	put(files, "[", 1);
	for (f = eq + 1; *f != '\0';) {
		size_t n = strcspn(f, ",");
		char *abs;

		path.n = 0;
		put(&path, f, n);
		if ((abs = realpath(path.s, NULL)) == NULL)
			die("%s: %s", path.s, strerror(errno));
		if (f != eq + 1)
			puts_(files, ",");
		put_json(files, abs);
		free(abs);
		f += n + (f[n] == ',');
	}
	put(files, "]", 1);
	free(path.s);
}

int
page_option(struct page *pg, int c, const char *arg)
{
	switch (c) {
	case 'w': pg->width = strtol(arg, NULL, 10); return 1;
	case 'h': pg->height = strtol(arg, NULL, 10); return 1;
	case 'f':
		if (pg->nfiles == MAXFILES)
			die("at most %d -f", MAXFILES);
		pg->files[pg->nfiles++] = arg;
		return 1;
	default:
		return 0;
	}
}

int
page_args(int argc, char **argv, struct page *pg)
{
	int c;

	while ((c = getopt(argc, argv, "w:h:f:")) != -1)
		if (!page_option(pg, c, optarg))
			exit(2);
	if (optind >= argc || argc - optind > 2 || pg->width <= 0 || pg->height <= 0) {
		fprintf(stderr, "usage: %s [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... "
		    "URL [EXPRESSION]\n", drive_name);
		exit(2);
	}
	return optind;
}

void
drive_page(const struct page *pg, const char *url, const char *expr,
    void (*open)(const char *url, long width, long height),
    void (*set_files)(const char *spec),
    void (*evaluate)(const char *expr, struct str *value))
{
	struct str v = { 0 };

	open(url, pg->width, pg->height);
	for (int i = 0; i < pg->nfiles; i++)
		set_files(pg->files[i]);
	if (expr != NULL) {
		evaluate(expr, &v);
		printf("%s\n", v.s);
	}
	free(v.s);
}

static void (*at_end)(void);

static void
on_signal(int sig)
{
	(void)sig;
	at_end();
	_exit(2);
}

void
end_with(void (*cleanup)(void), unsigned timeout)
{
	at_end = cleanup;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGALRM, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	atexit(cleanup);
	alarm(timeout);
}

void
read_more(int fd, struct str *b)
{
	for (;;) {
		ssize_t k;

		if (b->n + 65536 > b->cap)
			b->s = xrealloc(b->s, b->cap = 2 * (b->n + 65536));
		k = read(fd, b->s + b->n, b->cap - b->n - 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			die("the browser closed the connection");
		b->n += (size_t)k;
		b->s[b->n] = '\0';
		return;
	}
}

void
drop(struct str *b, size_t n)
{
	memmove(b->s, b->s + n, b->n - n + 1);
	b->n -= n;
}

/* ---- the processes a driver starts */

void
detach_child(const char *log_env, int keep)
{
	int null = open("/dev/null", O_RDWR);

	setpgid(0, 0);
	if (null >= 0) {
		dup2(null, 0);
		if (getenv(log_env) == NULL) {
			dup2(null, 1);
			dup2(null, 2);
		}
	}
	if (keep >= 0 && keep != 3)
		dup2(keep, 3);
	for (int fd = keep >= 0 ? 4 : 3; fd < 256; fd++)
		close(fd);
}

void
end_group(pid_t *pid)
{
	pid_t p = *pid;

	*pid = 0;
	if (p > 0) {
		kill(-p, SIGKILL);
		kill(p, SIGKILL);
		waitpid(p, NULL, 0);
	}
}

void
remove_tree(char *path)
{
	pid_t rm;

	if (path[0] == '\0')
		return;
	if ((rm = fork()) == 0) {
		char *argv[] = { "rm", "-rf", path, NULL };

		execv("/bin/rm", argv);
		_exit(127);
	}
	if (rm > 0)
		waitpid(rm, NULL, 0);
	path[0] = '\0';
}
