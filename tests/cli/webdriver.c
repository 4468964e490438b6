/* webdriver.c - a small driver of WebKit (WebKitGTK, the engine of
 * Safari) for the browser tests: classic W3C WebDriver, JSON over
 * HTTP/1.1, spoken by WebKitWebDriver, which starts WebKitGTK's
 * MiniBrowser for each session.
 *
 *   webdriver [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... URL [EXPRESSION]
 *
 * WebKitGTK has no headless mode: it draws on an X display, so the
 * driver starts a virtual one (Xvfb, at a display number Xvfb chooses
 * and writes back on -displayfd) and WebKitWebDriver on it, on a port
 * of 127.0.0.1 free a moment before, with a HOME of its own under
 * $TMPDIR (WebKit keeps caches and storage there).  It opens URL in a
 * page of WIDTH x HEIGHT (in a frame of that size when the window
 * cannot be made that small), gives each file input SELECTOR its FILEs
 * (Element Send Keys of their paths, one a line), evaluates EXPRESSION
 * as a script of the page (Execute Script, a promise awaited) and
 * prints its value, a string, on standard output.  Exit status 0, 1
 * when the expression threw, 2 when the browser failed or took longer
 * than 90 seconds.  Xvfb and WebKitWebDriver (each its whole process
 * group, the browser's with the driver's) are killed and the HOME
 * removed on every way out. */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "drive.h"

#define TIMEOUT 90
/* What names an element in the answers of WebDriver (its section 12.1). */
#define ELEMENT_KEY "element-6066-11e4-a52e-4f735466cecf"

const char *drive_name = "webdriver";

static pid_t xvfb_pid, driver_pid;
static char home[4096];
static int port;
static char session[128];

/* ---- Xvfb and WebKitWebDriver: started, and ended on every way out */

/* Xvfb asked to end first, so that it removes its socket and lock in
 * /tmp; killed if it has not within a second.  Safe in a signal
 * handler. */
static void
end_display(void)
{
	if (xvfb_pid > 0 && kill(xvfb_pid, SIGTERM) == 0)
		for (int i = 0; i < 20; i++) {
			if (waitpid(xvfb_pid, NULL, WNOHANG) == xvfb_pid) {
				xvfb_pid = 0;
				return;
			}
			nanosleep(&(struct timespec){ 0, 50000000L }, NULL);
		}
	end_group(&xvfb_pid);
}

static void
cleanup(void)
{
	end_group(&driver_pid);
	end_display();
	remove_tree(home);
}

/* A virtual display; its number, as Xvfb writes it on -displayfd. */
static long
start_display(void)
{
	int fds[2];
	struct str num = { 0 };
	char buf[32];
	ssize_t k;

	if (pipe(fds) != 0)
		die("pipe: %s", strerror(errno));
	if ((xvfb_pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (xvfb_pid == 0) {
		detach_child("WEBDRIVER_BROWSER_LOG", fds[1]);
		execlp("Xvfb", "Xvfb", "-displayfd", "3", "-screen", "0", "1920x1200x24",
		    "-nolisten", "tcp", (char *)NULL);
		_exit(127);
	}
	setpgid(xvfb_pid, xvfb_pid);
	close(fds[1]);
	put(&num, "", 0);
	while (strchr(num.s, '\n') == NULL &&
	    ((k = read(fds[0], buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR)))
		if (k > 0)
			put(&num, buf, (size_t)k);
	close(fds[0]);
	if (strchr(num.s, '\n') == NULL || num.s[0] < '0' || num.s[0] > '9')
		die("Xvfb ended before it chose a display (is the package xvfb installed?)");
	k = strtol(num.s, NULL, 10);
	free(num.s);
	return (long)k;
}

/* A port of 127.0.0.1 that no one listens on now. */
static int
free_port(void)
{
	struct sockaddr_in addr = { 0 };
	socklen_t len = sizeof addr;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 ||
	    getsockname(s, (struct sockaddr *)&addr, &len) != 0)
		die("a free port: %s", strerror(errno));
	close(s);
	return ntohs(addr.sin_port);
}

static void
start_driver(long display)
{
	const char *tmp = getenv("TMPDIR");
	char opt[32], disp[32];

	snprintf(home, sizeof home, "%s/webdriver-home-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(home) == NULL) {
		home[0] = '\0';
		die("mkdtemp: %s", strerror(errno));
	}
	port = free_port();
	snprintf(opt, sizeof opt, "--port=%d", port);
	snprintf(disp, sizeof disp, ":%ld", display);
	if ((driver_pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (driver_pid == 0) {
		detach_child("WEBDRIVER_BROWSER_LOG", -1);
		/* Nothing of root's home, nor of a desktop's session. */
		setenv("HOME", home, 1);
		unsetenv("XDG_CONFIG_HOME");
		unsetenv("XDG_CACHE_HOME");
		unsetenv("XDG_DATA_HOME");
		unsetenv("WAYLAND_DISPLAY");
		setenv("DISPLAY", disp, 1);
		setenv("GDK_BACKEND", "x11", 1);
		execlp("WebKitWebDriver", "WebKitWebDriver", opt, "--host=local", (char *)NULL);
		_exit(127);
	}
	setpgid(driver_pid, driver_pid);
}

/* A connection to the driver, once it listens. */
static int
connect_driver(void)
{
	struct sockaddr_in addr = { 0 };

	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (;;) {
		int s = socket(AF_INET, SOCK_STREAM, 0), status;

		if (s < 0)
			die("socket: %s", strerror(errno));
		if (connect(s, (struct sockaddr *)&addr, sizeof addr) == 0)
			return s;
		close(s);
		if (errno != ECONNREFUSED)
			die("connecting to 127.0.0.1:%d: %s", port, strerror(errno));
		if (waitpid(driver_pid, &status, WNOHANG) == driver_pid) {
			driver_pid = 0;
			die("WebKitWebDriver ended before it listened (exit status %d)",
			    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		}
		nanosleep(&(struct timespec){ 0, 100000000L }, NULL);
	}
}

/* ---- HTTP/1.1: a request, its answer framed by Content-Length or
 * chunked (RFC 9112 6.3) */

/* The value of header name in the head (its lines from after the
 * status line, up to the empty line), or NULL. */
static const char *
header(const char *head, const char *name)
{
	size_t n = strlen(name);

	for (const char *h = head; (h = strstr(h, "\r\n")) != NULL;) {
		h += 2;
		if (strncasecmp(h, name, n) == 0 && h[n] == ':') {
			h += n + 1;
			while (*h == ' ' || *h == '\t')
				h++;
			return h;
		}
	}
	return NULL;
}

/* The chunked body at in->s + at into body. */
static void
read_chunked(int s, struct str *in, size_t at, struct str *body)
{
	for (;;) {
		char *eol, *end;
		unsigned long size;

		while ((eol = strstr(in->s + at, "\r\n")) == NULL)
			read_more(s, in);
		size = strtoul(in->s + at, &end, 16);
		if (end == in->s + at)
			die("a chunk with no size in the driver's answer");
		at = (size_t)(eol + 2 - in->s);
		if (size == 0)
			return;
		while (in->n < at + size + 2)
			read_more(s, in);
		put(body, in->s + at, size);
		at += size + 2;
	}
}

/* METHOD path with body (JSON, or NULL): the HTTP status, and the
 * answer's body into out. */
static int
http(const char *method, const char *path, const char *body, struct str *out)
{
	struct str req = { 0 }, in = { 0 };
	char line[512];
	const char *v, *end;
	size_t at;
	int s = connect_driver(), status;

	puts_(&req, method);
	puts_(&req, " ");
	puts_(&req, path);
	snprintf(line, sizeof line, " HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
	    "Content-Type: application/json; charset=utf-8\r\nContent-Length: %zu\r\n"
	    "Connection: close\r\n\r\n", port, body != NULL ? strlen(body) : 0);
	puts_(&req, line);
	if (body != NULL)
		puts_(&req, body);
	write_all(s, req.s, req.n);
	put(&in, "", 0);
	while ((end = strstr(in.s, "\r\n\r\n")) == NULL)
		read_more(s, &in);
	at = (size_t)(end + 4 - in.s);
	if (sscanf(in.s, "HTTP/1.%*d %d", &status) != 1)
		die("%s %s: not an HTTP answer: %.*s", method, path, (int)strcspn(in.s, "\r"), in.s);
	out->n = 0;
	put(out, "", 0);
	if ((v = header(in.s, "Content-Length")) != NULL && v < end) {
		size_t len = strtoul(v, NULL, 10);

		while (in.n < at + len)
			read_more(s, &in);
		put(out, in.s + at, len);
	} else if ((v = header(in.s, "Transfer-Encoding")) != NULL && v < end &&
	    strncasecmp(v, "chunked", 7) == 0) {
		read_chunked(s, &in, at, out);
	} else {
		die("%s %s: an answer with no length", method, path);
	}
	close(s);
	free(req.s);
	free(in.s);
	return status;
}

/* ---- WebDriver */

/* A command of the session (suffix after /session/ID, or the whole path
 * when there is no session yet): the answer's "value" into out, 0; or,
 * when it is an error, its code into out and its message into msg, -1. */
static int
command(const char *method, const char *suffix, const char *body, struct str *out, struct str *msg)
{
	char path[512];
	struct str answer = { 0 };
	const char *v;
	int status;

	snprintf(path, sizeof path, "/session%s%s%s", session[0] != '\0' ? "/" : "", session, suffix);
	status = http(method, path, body, &answer);
	v = member(answer.s, "value");
	out->n = 0;
	put(out, "", 0);
	if (status != 200 || v == NULL) {
		if (!get_string(member(v != NULL ? v : "", "error"), out))
			die("%s %s: HTTP status %d: %s", method, path, status, answer.s);
		get_string(member(v, "message"), msg);
		free(answer.s);
		return -1;
	}
	put(out, v, (size_t)(skip_value(v) - v));
	free(answer.s);
	return 0;
}

/* A command that must succeed. */
static void
must(const char *method, const char *suffix, const char *body, struct str *out)
{
	struct str msg = { 0 };

	if (command(method, suffix, body, out, &msg) != 0)
		die("%s %s: %s: %s", method, suffix[0] != '\0' ? suffix : "/session", out->s, msg.s);
	free(msg.s);
}

/* The page's own width and height, from a script of it. */
static void
inner_size(long *w, long *h, const char *script)
{
	struct str r = { 0 }, v = { 0 }, body = { 0 };

	puts_(&body, "{\"script\":");
	put_json(&body, script);
	puts_(&body, ",\"args\":[]}");
	must("POST", "/execute/sync", body.s, &r);
	if (!get_string(r.s, &v) || sscanf(v.s, "%ld %ld", w, h) != 2)
		die("the size of the page: %s", r.s);
	free(r.s);
	free(v.s);
	free(body.s);
}

static void
navigate(const char *url)
{
	struct str body = { 0 }, r = { 0 };

	puts_(&body, "{\"url\":");
	put_json(&body, url);
	puts_(&body, "}");
	must("POST", "/url", body.s, &r);
	free(body.s);
	free(r.s);
}

/* A page of exactly width x height, as a frame of that size in a page
 * of the driver's, which the session then works in (Switch To Frame):
 * MiniBrowser's window is never narrower than its toolbar, wider than
 * a phone. */
static void
open_framed(const char *url, long width, long height)
{
	char path[4200];
	struct str html = { 0 }, r = { 0 };
	FILE *fp;
	char size[96];

	puts_(&html, "<!DOCTYPE html>\n<html><body style=\"margin:0\"><iframe src=\"");
	for (const char *c = url; *c != '\0'; c++)
		puts_(&html, *c == '"' ? "%22" : *c == '&' ? "&amp;" : (char[2]){ *c, 0 });
	snprintf(size, sizeof size, "\" style=\"border:0;width:%ldpx;height:%ldpx\"></iframe>\n",
	    width, height);
	puts_(&html, size);
	snprintf(path, sizeof path, "%s/frame.html", home);
	if ((fp = fopen(path, "w")) == NULL || fputs(html.s, fp) == EOF || fclose(fp) != 0)
		die("%s: %s", path, strerror(errno));
	html.n = 0;
	puts_(&html, "file://");
	puts_(&html, path);
	navigate(html.s);
	must("POST", "/frame", "{\"id\":0}", &r);
	free(html.s);
	free(r.s);
}

/* A session whose page is width x height: the window set, then set
 * again by what the browser's own frame takes of it; a page in a frame
 * when the window cannot be that small. */
static void
open_page(const char *url, long width, long height)
{
	struct str r = { 0 }, v = { 0 };
	char rect[96];
	long w = width, h = height;

	must("POST", "", "{\"capabilities\":{\"alwaysMatch\":{\"timeouts\":{\"script\":85000}}}}", &r);
	if (!get_string(member(r.s, "sessionId"), &v) || v.n == 0 || v.n >= sizeof session)
		die("no session in the answer: %s", r.s);
	memcpy(session, v.s, v.n + 1);
	for (int i = 0; i < 2; i++) {
		snprintf(rect, sizeof rect, "{\"width\":%ld,\"height\":%ld}", w, h);
		must("POST", "/window/rect", rect, &r);
		inner_size(&w, &h, "return [outerWidth - innerWidth, outerHeight - innerHeight].join(' ');");
		w += width, h += height;
	}
	inner_size(&w, &h, "return [innerWidth, innerHeight].join(' ');");
	if (w == width && h == height)
		navigate(url);
	else
		open_framed(url, width, height);
	free(r.s);
	free(v.s);
}

/* The file input SELECTOR given its FILEs: their paths, one a line, as
 * the keys sent to it (WebDriver 12.5.3). */
static void
set_files(const char *spec)
{
	struct str sel = { 0 }, files = { 0 }, text = { 0 }, one = { 0 }, body = { 0 }, r = { 0 }, id = { 0 };
	char suffix[256];

	files_spec(spec, &sel, &files);
	for (const char *p = files.s + 1; *p == '"'; p += *p == ',') {
		get_string(p, &one);
		if (text.n > 0)
			put(&text, "\n", 1);
		put(&text, one.s, one.n);
		p = skip_value(p);
	}
	puts_(&body, "{\"using\":\"css selector\",\"value\":");
	put_json(&body, sel.s);
	puts_(&body, "}");
	if (command("POST", "/element", body.s, &r, &id) != 0 ||
	    !get_string(member(r.s, ELEMENT_KEY), &id) || id.n > 200)
		die("no element %s in the page", sel.s);
	snprintf(suffix, sizeof suffix, "/element/%s/value", id.s);
	body.n = 0;
	puts_(&body, "{\"text\":");
	put_json(&body, text.s);
	puts_(&body, "}");
	must("POST", suffix, body.s, &r);
	free(sel.s), free(files.s), free(text.s), free(one.s);
	free(body.s), free(r.s), free(id.s);
}

/* The value of a script of the page (evaluated as a whole script is, in
 * the page's global scope), a string; exit 1 when it threw. */
static void
evaluate(const char *expr, struct str *value)
{
	struct str body = { 0 }, r = { 0 }, msg = { 0 };

	puts_(&body, "{\"script\":\"return (0, eval)(arguments[0]);\",\"args\":[");
	put_json(&body, expr);
	puts_(&body, "]}");
	if (command("POST", "/execute/sync", body.s, &r, &msg) != 0) {
		if (strcmp(r.s, "javascript error") != 0)
			die("execute: %s: %s", r.s, msg.s);
		fprintf(stderr, "webdriver: the page threw: %s\n", msg.s);
		exit(1);
	}
	if (!get_string(r.s, value)) {
		value->n = 0;
		put(value, r.s, r.n);
	}
	free(body.s);
	free(r.s);
	free(msg.s);
}

int
main(int argc, char **argv)
{
	struct page pg = { .width = 1280, .height = 900 };
	struct str r = { 0 }, msg = { 0 };
	int url = page_args(argc, argv, &pg);

	end_with(cleanup, TIMEOUT);
	start_driver(start_display());
	drive_page(&pg, argv[url], url + 1 < argc ? argv[url + 1] : NULL, open_page, set_files, evaluate);
	/* Delete Session closes the browser; the driver and Xvfb go at exit. */
	command("DELETE", "", NULL, &r, &msg);
	free(r.s);
	free(msg.s);
	return fflush(stdout) == 0 ? 0 : 2;
}
