/* bidi.c - a small driver of headless Firefox for the browser tests:
 * WebDriver BiDi, which Firefox speaks over a WebSocket (RFC 6455) at
 * ws://127.0.0.1:PORT/session.
 *
 *   bidi [-w WIDTH] [-h HEIGHT] [-f SELECTOR=FILE[,FILE...]]... URL [EXPRESSION]
 *
 * Starts Firefox with a fresh profile (under $TMPDIR) and a port of its
 * choosing (--remote-debugging-port 0; the port is read back from the
 * profile's WebDriverBiDiServer.json), opens URL in a page of WIDTH x
 * HEIGHT, gives each file input SELECTOR its FILEs (input.setFiles),
 * evaluates EXPRESSION (a promise is awaited) and prints its value, a
 * string, on standard output.  Exit status 0, 1 when the expression
 * threw, 2 when the browser failed or took longer than 90 seconds.
 * Firefox (its whole process group) is killed and the profile removed
 * on every way out. */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include "drive.h"

#define MAXFILES 16
#define TIMEOUT 90

const char *drive_name = "bidi";

static int sock = -1;
static struct str in;
static unsigned char *inbuf;
static size_t inpos;
static long next_id;
static char context[128];
static pid_t browser_pid;
static char profile[4096];

/* ---- Firefox: started, and ended on every way out */

/* Kill Firefox's process group and remove the profile; safe in a
 * signal handler. */
static void
cleanup(void)
{
	end_group(&browser_pid);
	remove_tree(profile);
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[4200];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL || fputs(text, fp) == EOF || fclose(fp) != 0)
		die("%s: %s", path, strerror(errno));
}

/* Preferences for a browser that is only tested: no first run, no
 * network of its own, WebDriver BiDi only. */
static const char user_js[] =
    "user_pref(\"remote.active-protocols\", 1);\n"
    "user_pref(\"browser.shell.checkDefaultBrowser\", false);\n"
    "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");\n"
    "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);\n"
    "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);\n"
    "user_pref(\"app.update.disabledForTesting\", true);\n"
    "user_pref(\"app.normandy.enabled\", false);\n"
    "user_pref(\"messaging-system.rsexperimentloader.enabled\", false);\n"
    "user_pref(\"network.captive-portal-service.enabled\", false);\n"
    "user_pref(\"network.connectivity-service.enabled\", false);\n"
    "user_pref(\"browser.safebrowsing.update.enabled\", false);\n"
    "user_pref(\"extensions.update.enabled\", false);\n";

static void
start_browser(void)
{
	const char *tmp = getenv("TMPDIR");
	char home[4200];

	snprintf(profile, sizeof profile, "%s/bidi-profile-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(profile) == NULL) {
		profile[0] = '\0';
		die("mkdtemp: %s", strerror(errno));
	}
	snprintf(home, sizeof home, "%s/home", profile);
	if (mkdir(home, 0700) != 0)
		die("%s: %s", home, strerror(errno));
	write_file(profile, "user.js", user_js);
	if ((browser_pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (browser_pid == 0) {
		detach_child("BIDI_BROWSER_LOG", -1);
		/* A home of its own: root's may belong to no one here. */
		setenv("HOME", home, 1);
		setenv("MOZ_HEADLESS", "1", 1);
		setenv("MOZ_CRASHREPORTER_DISABLE", "1", 1);
		unsetenv("DISPLAY");
		unsetenv("WAYLAND_DISPLAY");
		execlp("firefox", "firefox", "--headless", "--no-remote",
		    "--profile", profile, "--remote-debugging-port", "0",
		    "about:blank", (char *)NULL);
		_exit(127);
	}
	setpgid(browser_pid, browser_pid);
}

/* The port Firefox chose, once it has written it in the profile. */
static int
browser_port(void)
{
	char path[4200];
	struct str text = { 0 };

	snprintf(path, sizeof path, "%s/WebDriverBiDiServer.json", profile);
	for (;;) {
		FILE *fp = fopen(path, "r");
		int status;

		if (fp != NULL) {
			char buf[512];
			size_t k;
			const char *v;

			text.n = 0;
			put(&text, "", 0);
			while ((k = fread(buf, 1, sizeof buf, fp)) > 0)
				put(&text, buf, k);
			fclose(fp);
			if ((v = member(text.s, "ws_port")) != NULL && strtol(v, NULL, 10) > 0) {
				int port = (int)strtol(v, NULL, 10);

				free(text.s);
				return port;
			}
		}
		if (waitpid(browser_pid, &status, WNOHANG) == browser_pid) {
			browser_pid = 0;
			die("firefox ended before it listened (exit status %d)",
			    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		}
		nanosleep(&(struct timespec){ 0, 100000000L }, NULL);
	}
}

/* ---- the WebSocket (RFC 6455) */

/* At least n bytes unread in inbuf. */
static void
fill(size_t n)
{
	if (inpos > 0) {
		drop(&in, inpos);
		inpos = 0;
	}
	while (in.n < n)
		read_more(sock, &in);
	inbuf = (unsigned char *)in.s;
}

static void
random_bytes(unsigned char *b, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd < 0 || read(fd, b, n) != (ssize_t)n)
		die("/dev/urandom: %s", strerror(errno));
	close(fd);
}

/* One frame from the client: masked, as RFC 6455 5.3 requires. */
static void
send_frame(int opcode, const char *payload, size_t len)
{
	unsigned char head[14], mask[4];
	size_t h = 0;
	char *masked = xrealloc(NULL, len + 1);

	head[h++] = (unsigned char)(0x80 | opcode);
	if (len < 126) {
		head[h++] = (unsigned char)(0x80 | len);
	} else if (len < 65536) {
		head[h++] = 0x80 | 126;
		head[h++] = (unsigned char)(len >> 8);
		head[h++] = (unsigned char)len;
	} else {
		head[h++] = 0x80 | 127;
		for (int i = 7; i >= 0; i--)
			head[h++] = (unsigned char)((uint64_t)len >> (8 * i));
	}
	random_bytes(mask, sizeof mask);
	memcpy(head + h, mask, 4);
	h += 4;
	for (size_t i = 0; i < len; i++)
		masked[i] = (char)(payload[i] ^ mask[i % 4]);
	write_all(sock, head, h);
	write_all(sock, masked, len);
	free(masked);
}

/* The next text message, NUL-terminated, into msg: the frames of a
 * fragmented message joined, pings answered. */
static void
receive(struct str *msg)
{
	int started = 0;

	msg->n = 0;
	put(msg, "", 0);
	for (;;) {
		unsigned char *p;
		int fin, opcode;
		uint64_t len;
		size_t h = 2;

		fill(2);
		p = inbuf + inpos;
		fin = p[0] & 0x80;
		opcode = p[0] & 0x0f;
		if (p[1] & 0x80)
			die("the browser sent a masked frame");
		len = p[1] & 0x7f;
		if (len == 126) {
			fill(4);
			p = inbuf + inpos;
			len = (uint64_t)p[2] << 8 | p[3];
			h = 4;
		} else if (len == 127) {
			fill(10);
			p = inbuf + inpos;
			len = 0;
			for (int i = 2; i < 10; i++)
				len = len << 8 | p[i];
			h = 10;
		}
		if (len > (uint64_t)1 << 30)
			die("a frame of %llu bytes", (unsigned long long)len);
		fill(h + (size_t)len);
		p = inbuf + inpos + h;
		inpos += h + (size_t)len;
		switch (opcode) {
		case 0x1:
		case 0x0:
			if ((opcode == 0x1) == started)
				die("a frame out of order (opcode %d)", opcode);
			started = 1;
			put(msg, (const char *)p, (size_t)len);
			if (fin)
				return;
			break;
		case 0x8:
			die("the browser closed the WebSocket");
		case 0x9:
			send_frame(0xa, (const char *)p, (size_t)len);
			break;
		case 0xa:
			break;
		default:
			die("a frame of opcode %d", opcode);
		}
	}
}

/* Connect to ws://127.0.0.1:port/session, checking the server's
 * Sec-WebSocket-Accept against the key sent (RFC 6455 4.2.2). */
static void
connect_ws(int port)
{
	static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	struct sockaddr_in addr = { 0 };
	unsigned char nonce[16], sha[SHA_DIGEST_LENGTH];
	char key[32], accept[32], keyguid[128], req[512], *end, *h;
	size_t got;

	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((sock = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		die("socket: %s", strerror(errno));
	if (connect(sock, (struct sockaddr *)&addr, sizeof addr) != 0)
		die("connecting to 127.0.0.1:%d: %s", port, strerror(errno));
	random_bytes(nonce, sizeof nonce);
	EVP_EncodeBlock((unsigned char *)key, nonce, sizeof nonce);
	snprintf(req, sizeof req, "GET /session HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
	    "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
	    "Sec-WebSocket-Version: 13\r\n\r\n", port, key);
	write_all(sock, req, strlen(req));
	snprintf(keyguid, sizeof keyguid, "%s%s", key, guid);
	SHA1((const unsigned char *)keyguid, strlen(keyguid), sha);
	EVP_EncodeBlock((unsigned char *)accept, sha, sizeof sha);
	/* The answer's head, up to its empty line. */
	for (got = 1;; got++) {
		fill(got);
		if (got >= 4 && memcmp(inbuf + got - 4, "\r\n\r\n", 4) == 0)
			break;
		if (got > 8192)
			die("no end to the WebSocket handshake's answer");
	}
	inbuf[got - 2] = '\0';
	if (strncmp((char *)inbuf, "HTTP/1.1 101", 12) != 0)
		die("the WebSocket handshake was refused: %.*s",
		    (int)strcspn((char *)inbuf, "\r"), (char *)inbuf);
	for (h = (char *)inbuf; (h = strstr(h, "\r\n")) != NULL; h = end) {
		h += 2;
		end = h + strcspn(h, "\r");
		if (strncasecmp(h, "Sec-WebSocket-Accept:", 21) == 0) {
			const char *v = h + 21;

			while (*v == ' ')
				v++;
			if ((size_t)(end - v) != strlen(accept) || strncmp(v, accept, strlen(accept)) != 0)
				die("the server's Sec-WebSocket-Accept %.*s is not %s",
				    (int)(end - v), v, accept);
			inpos = got;
			return;
		}
	}
	die("no Sec-WebSocket-Accept in the handshake's answer");
}

/* ---- WebDriver BiDi */

/* Send method with params (a JSON object) and wait for its answer; its
 * "result", copied into out.  An error answer ends the run. */
static void
call(const char *method, const char *params, struct str *out)
{
	struct str m = { 0 }, msg = { 0 };
	char id[32];
	long want = ++next_id;

	snprintf(id, sizeof id, "{\"id\":%ld,", want);
	puts_(&m, id);
	puts_(&m, "\"method\":");
	put_json(&m, method);
	puts_(&m, ",\"params\":");
	puts_(&m, params);
	puts_(&m, "}");
	send_frame(0x1, m.s, m.n);
	free(m.s);
	for (;;) {
		const char *v, *r;

		receive(&msg);
		v = member(msg.s, "id");
		if (v == NULL || strtol(v, NULL, 10) != want)
			continue;
		v = member(msg.s, "type");
		if (v == NULL || strncmp(v, "\"success\"", 9) != 0) {
			struct str e = { 0 }, t = { 0 };

			get_string(member(msg.s, "error"), &e);
			get_string(member(msg.s, "message"), &t);
			die("%s: %s: %s", method, e.s, t.s);
		}
		r = member(msg.s, "result");
		out->n = 0;
		put(out, "", 0);
		if (r != NULL)
			put(out, r, (size_t)(skip_value(r) - r));
		free(msg.s);
		return;
	}
}

/* The params' start, {"context":"...", for a command on the page. */
static void
in_context(struct str *p)
{
	p->n = 0;
	puts_(p, "{\"context\":");
	put_json(p, context);
}

/* script.evaluate of expr in the page: the answer's result into r; 1
 * when it threw (its text into r). */
static int
evaluate_raw(const char *expr, const char *extra, struct str *r)
{
	struct str p = { 0 }, e = { 0 };
	const char *ex;

	puts_(&p, "{\"expression\":");
	put_json(&p, expr);
	puts_(&p, ",\"target\":{\"context\":");
	put_json(&p, context);
	puts_(&p, "},\"awaitPromise\":true");
	puts_(&p, extra);
	puts_(&p, "}");
	call("script.evaluate", p.s, r);
	free(p.s);
	if ((ex = member(r->s, "exceptionDetails")) == NULL)
		return 0;
	if (!get_string(at_path(ex, "exception.value"), &e))
		get_string(member(ex, "text"), &e);
	r->n = 0;
	put(r, e.s, e.n);
	free(e.s);
	return 1;
}

/* The value of an expression in the page, a string; exit 1 when it
 * threw. */
static void
evaluate(const char *expr, struct str *value)
{
	struct str r = { 0 };
	const char *v;

	if (evaluate_raw(expr, "", &r)) {
		fprintf(stderr, "bidi: the page threw: %s\n", r.s);
		exit(1);
	}
	v = at_path(r.s, "result.value");
	if (!get_string(v, value)) {
		value->n = 0;
		put(value, "", 0);
		if (v != NULL)
			put(value, v, (size_t)(skip_value(v) - v));
	}
	free(r.s);
}

static void
set_files(const char *spec)
{
	struct str p = { 0 }, r = { 0 }, sel = { 0 }, files = { 0 }, id = { 0 };

	files_spec(spec, &sel, &files);
	puts_(&p, "document.querySelector(");
	put_json(&p, sel.s);
	puts_(&p, ")");
	if (evaluate_raw(p.s, "", &r) || !get_string(at_path(r.s, "result.sharedId"), &id))
		die("no element %s in the page", sel.s);
	in_context(&p);
	puts_(&p, ",\"element\":{\"sharedId\":");
	put_json(&p, id.s);
	puts_(&p, "},\"files\":");
	puts_(&p, files.s);
	puts_(&p, "}");
	call("input.setFiles", p.s, &r);
	free(p.s);
	free(r.s);
	free(sel.s);
	free(files.s);
	free(id.s);
}

static void
open_page(const char *url, long width, long height)
{
	struct str r = { 0 }, p = { 0 }, v = { 0 };
	const char *c;
	char size[96];

	call("session.new", "{\"capabilities\":{}}", &r);
	call("browsingContext.getTree", "{\"maxDepth\":0}", &r);
	/* The first of the contexts: {"contexts":[{"context":"...",...}]} */
	c = member(r.s, "contexts");
	while (c != NULL && (*c == '[' || *c == ' ' || *c == '\n'))
		c++;
	if (c == NULL || !get_string(member(c, "context"), &v) || v.n >= sizeof context)
		die("no browsing context");
	memcpy(context, v.s, v.n + 1);
	in_context(&p);
	snprintf(size, sizeof size, ",\"viewport\":{\"width\":%ld,\"height\":%ld}}", width, height);
	puts_(&p, size);
	call("browsingContext.setViewport", p.s, &r);
	in_context(&p);
	puts_(&p, ",\"url\":");
	put_json(&p, url);
	puts_(&p, ",\"wait\":\"complete\"}");
	call("browsingContext.navigate", p.s, &r);
	free(r.s);
	free(p.s);
	free(v.s);
}

int
main(int argc, char **argv)
{
	struct page pg = { .width = 1280, .height = 900 };
	int url = page_args(argc, argv, &pg);

	end_with(cleanup, TIMEOUT);
	start_browser();
	connect_ws(browser_port());
	drive_page(&pg, argv[url], url + 1 < argc ? argv[url + 1] : NULL, open_page, set_files, evaluate);
	/* browser.close: the browser may close the socket before it answers. */
	{
		static const char bye[] = "{\"id\":0,\"method\":\"browser.close\",\"params\":{}}";

		send_frame(0x1, bye, sizeof bye - 1);
		for (int i = 0; i < 50 && waitpid(browser_pid, NULL, WNOHANG) == 0; i++)
			nanosleep(&(struct timespec){ 0, 100000000L }, NULL);
	}
	return fflush(stdout) == 0 ? 0 : 2;
}
