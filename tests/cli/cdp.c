/* cdp.c - a small driver of headless Chromium for the browser tests:
 * the DevTools protocol over --remote-debugging-pipe (JSON messages, each
 * ended by a NUL, the browser reading fd 3 and writing fd 4).
 *
 *   cdp [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... [-s PNG]
 *       [-p PDF] URL [EXPRESSION]
 *
 * Opens URL in a page of WIDTH x HEIGHT (a phone's when WIDTH < 600),
 * gives each file input SELECTOR its FILEs (DOM.setFileInputFiles),
 * evaluates EXPRESSION (a promise is awaited) and prints its value, a
 * string, on standard output; -s writes a screenshot of the whole page,
 * -p the page printed on A4.  Exit status 0, 1 when the expression
 * threw, 2 when the browser failed or took longer than a minute. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "drive.h"

const char *drive_name = "cdp";

static int to_browser = -1, from_browser = -1;
static struct str in;
static long next_id;
static char session[128];

/* ---- the pipe */

/* The next message, NUL-terminated, valid until the next call. */
static const char *
receive(void)
{
	static size_t done;
	char *nul;

	if (done > 0) {
		drop(&in, done);
		done = 0;
	}
	while ((nul = in.n > 0 ? memchr(in.s, '\0', in.n) : NULL) == NULL)
		read_more(from_browser, &in);
	done = (size_t)(nul - in.s) + 1;
	return in.s;
}

/* Send method with params (a JSON object or NULL) and wait for its
 * answer; the answer's "result", copied into out.  An error answer
 * ends the run. */
static void
call(const char *method, const char *params, struct str *out)
{
	struct str m = { 0 };
	char id[32];
	long want = ++next_id;

	snprintf(id, sizeof id, "{\"id\":%ld,", want);
	puts_(&m, id);
	if (session[0] != '\0') {
		puts_(&m, "\"sessionId\":");
		put_json(&m, session);
		puts_(&m, ",");
	}
	puts_(&m, "\"method\":");
	put_json(&m, method);
	puts_(&m, ",\"params\":");
	puts_(&m, params != NULL ? params : "{}");
	puts_(&m, "}");
	write_all(to_browser, m.s, m.n + 1);
	free(m.s);
	for (;;) {
		const char *msg = receive(), *v = member(msg, "id"), *r;

		if (v == NULL || strtol(v, NULL, 10) != want)
			continue;
		if ((r = member(msg, "error")) != NULL)
			die("%s: %.*s", method, (int)(skip_value(r) - r), r);
		r = member(msg, "result");
		out->n = 0;
		put(out, "", 0);
		if (r != NULL)
			put(out, r, (size_t)(skip_value(r) - r));
		return;
	}
}

static void
start_browser(const char *profile, pid_t *pid)
{
	int down[2], up[2];

	if (pipe(down) != 0 || pipe(up) != 0)
		die("pipe: %s", strerror(errno));
	if ((*pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (*pid == 0) {
		char dir[4200];
		int null = open("/dev/null", O_WRONLY);

		snprintf(dir, sizeof dir, "--user-data-dir=%s", profile);
		/* fds 3 and 4 for the browser, whatever they held */
		int r = dup(down[0]), w = dup(up[1]);

		if (r < 0 || w < 0 || dup2(r, 3) < 0 || dup2(w, 4) < 0)
			_exit(127);
		if (null >= 0 && getenv("CDP_BROWSER_LOG") == NULL) {
			dup2(null, 1);
			dup2(null, 2);
		}
		for (int fd = 5; fd < 256; fd++)
			close(fd);
		execlp("chromium", "chromium", "--headless", "--no-sandbox",
		    "--disable-gpu", "--disable-background-networking",
		    "--disable-component-update", "--disable-sync",
		    "--no-first-run", "--no-default-browser-check",
		    "--remote-debugging-pipe", dir, "about:blank", (char *)NULL);
		_exit(127);
	}
	close(down[0]);
	close(up[1]);
	to_browser = down[1];
	from_browser = up[0];
}

/* base64 in the answer's key, decoded into path. */
static void
write_base64(const struct str *result, const char *key, const char *path)
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct str b64 = { 0 };
	FILE *fp;
	unsigned long acc = 0;
	int bits = 0;

	if (!get_string(member(result->s, key), &b64))
		die("no %s in the answer", key);
	if ((fp = fopen(path, "wb")) == NULL)
		die("%s: %s", path, strerror(errno));
	for (size_t i = 0; i < b64.n; i++) {
		const char *c = strchr(alpha, b64.s[i]);

		if (c == NULL || b64.s[i] == '\0')
			continue;
		acc = acc << 6 | (unsigned long)(c - alpha);
		if ((bits += 6) >= 8) {
			bits -= 8;
			fputc((int)(acc >> bits & 0xff), fp);
		}
	}
	if (fclose(fp) != 0)
		die("%s: %s", path, strerror(errno));
	free(b64.s);
}

static pid_t browser_pid;

static void
timed_out(int sig)
{
	(void)sig;
	if (browser_pid > 0)
		kill(browser_pid, SIGKILL);
	_exit(2);
}

/* The value of an expression in the page, as a string; exit 1 when it
 * threw. */
static void
evaluate(const char *expr, struct str *value)
{
	struct str p = { 0 }, r = { 0 };
	const char *ex;

	puts_(&p, "{\"expression\":");
	put_json(&p, expr);
	puts_(&p, ",\"awaitPromise\":true,\"returnByValue\":true}");
	call("Runtime.evaluate", p.s, &r);
	if ((ex = member(r.s, "exceptionDetails")) != NULL) {
		const char *d = at_path(ex, "exception.description");

		if (!get_string(d, value))
			get_string(member(ex, "text"), value);
		fprintf(stderr, "cdp: the page threw: %s\n", value->s);
		exit(1);
	}
	if (!get_string(at_path(r.s, "result.value"), value)) {
		const char *v = at_path(r.s, "result.value");

		value->n = 0;
		if (v != NULL)
			put(value, v, (size_t)(skip_value(v) - v));
	}
	free(p.s);
	free(r.s);
}

static void
set_files(const char *spec)
{
	struct str p = { 0 }, r = { 0 }, sel = { 0 }, files = { 0 };
	const char *node;
	char id[32];

	files_spec(spec, &sel, &files);
	call("DOM.getDocument", "{\"depth\":0}", &r);
	node = at_path(r.s, "root.nodeId");
	snprintf(id, sizeof id, "%ld", node ? strtol(node, NULL, 10) : 0L);
	puts_(&p, "{\"nodeId\":");
	puts_(&p, id);
	puts_(&p, ",\"selector\":");
	put_json(&p, sel.s);
	puts_(&p, "}");
	call("DOM.querySelector", p.s, &r);
	node = member(r.s, "nodeId");
	if (node == NULL || strtol(node, NULL, 10) == 0)
		die("no element %s in the page", sel.s);
	snprintf(id, sizeof id, "%ld", strtol(node, NULL, 10));
	p.n = 0;
	puts_(&p, "{\"files\":");
	puts_(&p, files.s);
	puts_(&p, ",\"nodeId\":");
	puts_(&p, id);
	puts_(&p, "}");
	call("DOM.setFileInputFiles", p.s, &r);
	free(p.s);
	free(r.s);
	free(sel.s);
	free(files.s);
}

static void
metrics(long width, long height)
{
	char p[256];
	struct str r = { 0 };

	snprintf(p, sizeof p, "{\"width\":%ld,\"height\":%ld,\"deviceScaleFactor\":1,"
	    "\"mobile\":%s}", width, height, width < 600 ? "true" : "false");
	call("Emulation.setDeviceMetricsOverride", p, &r);
	free(r.s);
}

static void
open_page(const char *url, long width, long height)
{
	struct str r = { 0 }, p = { 0 }, v = { 0 };

	call("Target.createTarget", "{\"url\":\"about:blank\"}", &r);
	get_string(member(r.s, "targetId"), &v);
	puts_(&p, "{\"targetId\":");
	put_json(&p, v.s);
	puts_(&p, ",\"flatten\":true}");
	call("Target.attachToTarget", p.s, &r);
	if (!get_string(member(r.s, "sessionId"), &v) || v.n >= sizeof session)
		die("no session for the page");
	memcpy(session, v.s, v.n + 1);
	metrics(width, height);
	p.n = 0;
	puts_(&p, "{\"url\":");
	put_json(&p, url);
	puts_(&p, "}");
	call("Page.navigate", p.s, &r);
	for (;;) {
		evaluate("document.readyState", &v);
		if (strcmp(v.s, "complete") == 0)
			break;
		nanosleep(&(struct timespec){ 0, 50000000L }, NULL);
	}
	free(r.s);
	free(p.s);
	free(v.s);
}

static void
screenshot(const char *png, long width)
{
	struct str v = { 0 }, r = { 0 };

	evaluate("String(document.documentElement.scrollHeight)", &v);
	metrics(width, strtol(v.s, NULL, 10));
	call("Page.captureScreenshot", "{\"format\":\"png\"}", &r);
	write_base64(&r, "data", png);
	free(v.s);
	free(r.s);
}

int
main(int argc, char **argv)
{
	const char *png = NULL, *pdf = NULL;
	char profile[] = "/tmp/cdp-profile-XXXXXX";
	struct page pg = { .width = 1280, .height = 900 };
	int c, status;
	struct str v = { 0 }, r = { 0 };

	while ((c = getopt(argc, argv, "w:h:f:s:p:")) != -1)
		switch (c) {
		case 's': png = optarg; break;
		case 'p': pdf = optarg; break;
		default:
			if (!page_option(&pg, c, optarg))
				return 2;
		}
	if (optind >= argc || argc - optind > 2 || pg.width <= 0 || pg.height <= 0) {
		fprintf(stderr, "usage: cdp [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... "
		    "[-s PNG] [-p PDF] URL [EXPRESSION]\n");
		return 2;
	}
	if (mkdtemp(profile) == NULL)
		die("mkdtemp: %s", strerror(errno));
	signal(SIGPIPE, SIG_IGN);
	signal(SIGALRM, timed_out);
	alarm(60);
	start_browser(profile, &browser_pid);
	open_page(argv[optind], pg.width, pg.height);
	for (int i = 0; i < pg.nfiles; i++)
		set_files(pg.files[i]);
	if (optind + 1 < argc) {
		evaluate(argv[optind + 1], &v);
		printf("%s\n", v.s);
	}
	if (png != NULL)
		screenshot(png, pg.width);
	if (pdf != NULL) {
		call("Page.printToPDF", "{\"paperWidth\":8.27,\"paperHeight\":11.69,"
		    "\"preferCSSPageSize\":true}", &r);
		write_base64(&r, "data", pdf);
	}
	/* The browser may close the pipe before it answers. */
	write_all(to_browser, "{\"id\":0,\"method\":\"Browser.close\"}", 34);
	waitpid(browser_pid, &status, 0);
	browser_pid = 0;
	if (fork() == 0) {
		execlp("rm", "rm", "-rf", profile, (char *)NULL);
		_exit(127);
	}
	wait(&status);
	free(v.s);
	free(r.s);
	return fflush(stdout) == 0 ? 0 : 2;
}
