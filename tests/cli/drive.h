/* drive.c - what the browser test drivers (tests/cli/cdp.c, tests/cli/bidi.c)
 * share: a growing string, JSON written and read (enough to find a value
 * by its path of keys), and dying with a message. */
#ifndef FZ_TESTS_DRIVE_H
#define FZ_TESTS_DRIVE_H
#include <stddef.h>
#include <sys/types.h>

/* The driver's name, for its messages. */
extern const char *drive_name;

/* A growing string, NUL-terminated. */
struct str {
	char *s;
	size_t n, cap;
};

#define MAXFILES 16

/* The page a driver opens: its size, and the file inputs' -f. */
struct page {
	long width, height;
	const char *files[MAXFILES];
	int nfiles;
};

/* Option c of the page (-w WIDTH, -h HEIGHT, -f SELECTOR=FILE[,FILE...])
 * into pg: 1, or 0 when c is none of them. */
int page_option(struct page *pg, int c, const char *arg);

/* The command line of a driver with no options of its own,
 * NAME [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... URL [EXPRESSION],
 * into pg: the index of URL in argv; a usage message and exit 2 when it
 * is not that. */
int page_args(int argc, char **argv, struct page *pg);
/* cleanup run on every way out: at exit, at the signals that end a
 * run and at the alarm of timeout seconds (then exit 2); SIGPIPE
 * ignored, a write's error reported where it is made. */
void end_with(void (*cleanup)(void), unsigned timeout);

/* What a driver does with its page, in order: open url at the page's
 * size, give each file input its files, then, when there is one,
 * evaluate the expression and print its value. */
void drive_page(const struct page *pg, const char *url, const char *expr,
    void (*open)(const char *url, long width, long height),
    void (*set_files)(const char *spec),
    void (*evaluate)(const char *expr, struct str *value));

/* Print "NAME: message" and exit 2. */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void *xrealloc(void *p, size_t n);
void put(struct str *b, const char *s, size_t n);
void puts_(struct str *b, const char *s);
/* s as a JSON string, quotes included. */
void put_json(struct str *b, const char *s);

/* All of buf written to fd; a failure ends the run. */
void write_all(int fd, const void *buf, size_t len);
/* What fd has to read (at least a byte) appended to b; the end of
 * the stream ends the run. */
void read_more(int fd, struct str *b);
/* The first n bytes of b dropped. */
void drop(struct str *b, size_t n);
/* A driver's -f SELECTOR=FILE[,FILE...]: the selector into sel, the
 * files' absolute paths, a JSON array, into files. */
void files_spec(const char *spec, struct str *sel, struct str *files);

/* In a child about to exec a browser or its helper: a process group of
 * its own, standard input from /dev/null, and standard output and error
 * too unless the environment names log_env; keep, when not -1, becomes
 * fd 3, and every other fd from 3 up is closed. */
void detach_child(const char *log_env, int keep);
/* Kill the process group *pid leads, reap it, and set *pid to 0; safe
 * in a signal handler. */
void end_group(pid_t *pid);
/* rm -rf path, waited for, and path emptied; nothing when it is empty;
 * safe in a signal handler. */
void remove_tree(char *path);

/* Past the JSON value at p. */
const char *skip_value(const char *p);
/* The value of key in the object at p, or NULL. */
const char *member(const char *p, const char *key);
/* The value at a path "a.b.c" from p, or NULL. */
const char *at_path(const char *p, const char *path);
/* The JSON string at p, unescaped, into b; 0 if p is no string. */
int get_string(const char *p, struct str *b);

#endif
