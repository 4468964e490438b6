/* fuzz-mustache.c - the template parser and renderer: a template, two
 * partials it may name (a and b; any name with / or .. is refused, any
 * other is missing) and the data, rendered as text and as HTML.
 *
 * Input: template NUL partial-a NUL partial-b NUL data (YAML; its first
 * document is the context). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

struct parts {
	const uint8_t *src[2];
	size_t len[2];
};

static int
partial(void *ctx, const char *name, fz_partial *out, fz_error *err)
{
	const struct parts *p = ctx;
	int i = strcmp(name, "a") == 0 ? 0 : strcmp(name, "b") == 0 ? 1 : -1;

	if (strchr(name, '/') != NULL || strstr(name, "..") != NULL)
		return fz_error_set(err, FZ_DATAERR, NULL, 0, 0,
		    "partial '%s' is outside the template's folder", name);
	if (i < 0)
		return FZ_OK;
	out->src = fz_xmalloc(p->len[i] + 1);
	memcpy(out->src, p->src[i], p->len[i]);
	out->src[p->len[i]] = '\0';
	out->len = p->len[i];
	out->path = fz_xstrdup(i == 0 ? "a.mustache" : "b.mustache");
	return FZ_OK;
}

static void
render(const uint8_t *tpl, size_t len, struct parts *p, const fz_node *data)
{
	fz_render_template *t = NULL;
	fz_error err;
	fz_buf out = { 0 };

	if (fz_render_template_parse("t.mustache", (const char *)tpl, len, &t,
	    &err) != FZ_OK)
		return;
	fz_render_template_set_partials(t, partial, p);
	fz_render_template_render(t, data, FZ_ESCAPE_NONE, &out, &err);
	fz_buf_free(&out);
	fz_render_template_render(t, data, FZ_ESCAPE_HTML, &out, &err);
	fz_buf_free(&out);
	fz_render_template_render_file(t, data, FZ_ESCAPE_HTML, fuzz_null(), &err);
	fz_render_template_free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parts p;
	const uint8_t *tpl;
	size_t len;
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	const fz_node *ctx = NULL;

	tpl = fuzz_take(&data, &size, 0, &len);
	p.src[0] = fuzz_take(&data, &size, 0, &p.len[0]);
	p.src[1] = fuzz_take(&data, &size, 0, &p.len[1]);
	paths[0] = (char *)fuzz_file(data, size);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND | FZ_STREAM_KEEP);
	if (fz_stream_next(s, &ev, &err) == FZ_OK && ev.type != FZ_EV_END)
		ctx = ev.node;
	render(tpl, len, &p, ctx);
	fz_stream_close(s);
	return 0;
}
