/* fuzz-render.c - fazhi-render's context (lib/render*.c) over any
 * documents, rendered through a built-in template of the source tree.
 *
 * Input: one byte (% 5: annual, monthly, draw-notice, draw-tasks,
 * tables; / 5 % 3: text, md, html), then the YAML documents. */
#include <stdlib.h>

#include "fuzz.h"

static const char *const names[5] = { "annual", "monthly", "draw-notice",
	"draw-tasks", "tables" };
static const char *const formats[3] = { "text", "md", "html" };

/* Each template opened once, for every run after. */
static fz_render_template *
template_of(int which, int format)
{
	static fz_render_template *open[5][3];
	fz_error err;

	if (open[which][format] == NULL &&
	    fz_render_template_open(FZ_SRCDIR "/templates", formats[format],
	    names[which], &open[which][format], &err) != FZ_OK)
		fuzz_fail("opening a built-in template", err.msg);
	return open[which][format];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_render_ctx *ctx;
	fz_render_template *t;
	char *paths[1];
	fz_stream *s;
	fz_event ev;
	fz_error err;
	fz_buf out = { 0 };
	fz_writer *w;
	int rc;

	if (size < 1)
		return 0;
	t = template_of(data[0] % 5, data[0] / 5 % 3);
	ctx = fz_render_ctx_new();
	paths[0] = (char *)fuzz_file(data + 1, size - 1);
	s = fz_stream_open(paths, 1, FZ_STREAM_ANY_KIND);
	while ((rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		if ((rc = fz_render_ctx_add_event(ctx, &ev, &err)) != FZ_OK)
			break;
	fz_stream_close(s);
	if (rc == 0) {
		fz_render_template_render(t, fz_render_ctx_root(ctx),
		    data[0] / 5 % 3 == 2 ? FZ_ESCAPE_HTML : FZ_ESCAPE_NONE,
		    &out, &err);
		w = fz_writer_new(fuzz_null());
		fz_write_node(w, fz_render_ctx_root(ctx));
		fz_writer_free(w);
	}
	fz_buf_free(&out);
	fz_render_ctx_free(ctx);
	return 0;
}
