/* render.h - mustache templates, render contexts, and text, Markdown and HTML
 * reports.
 *
 * What other folders of lib/ and the programs may use of lib/render/; what
 * stays inside it is in render_int.h. */
#ifndef FAZHI_RENDER_H
#define FAZHI_RENDER_H

#include "core/core.h"
#include "io/io.h"
#include "table/table.h"


/* Mustache templates, as the
 * mustache spec says: interpolation, sections, inverted sections,
 * comments, set delimiters, partials, template inheritance (parents and
 * blocks) and dynamic names, over a tree of nodes.  A plain scalar
 * resolves as YAML 1.1 does: null, false, 0 and "" are falsey, as are
 * an empty list and a missing name; a decimal prints without trailing
 * zeros (1.50 as 1.5). */
enum fz_escape {
	FZ_ESCAPE_NONE,		/* text and Markdown */
	FZ_ESCAPE_HTML		/* {{x}} escapes & < > " ' */
};

/* The source of a partial, as a partial function gives it. */
typedef struct fz_partial {
	char *src;		/* malloc'd; the template takes it */
	size_t len;
	char *path;		/* malloc'd, taken: its name in messages */
} fz_partial;

/* Finds the partial (or parent) called name for {{>name}}: FZ_OK with
 * out filled, or with out->src NULL when there is none (it renders as
 * nothing); or another status with err's message set (a name that is
 * refused), which the template points at the tag. */
typedef int (*fz_partial_fn)(void *ctx, const char *name, fz_partial *out,
    fz_error *err);

typedef struct fz_render_template fz_render_template;

/* Parse src[0..len) (copied); name is the template's name in messages.
 * FZ_OK with *out owned by the caller (fz_render_template_free), or FZ_DATAERR
 * with err at the line and column of the fault. */
int fz_render_template_parse(const char *name, const char *src, size_t len,
    fz_render_template **out, fz_error *err);
void fz_render_template_free(fz_render_template *t);
/* Where partials come from; without it every partial is missing.  Each
 * name is asked once and kept. */
void fz_render_template_set_partials(fz_render_template *t, fz_partial_fn fn, void *ctx);
/* 1 when t, its partials or its parents may look up name (or name.x): a
 * dynamic partial, or one that cannot be loaded, may look up anything.
 * The partials it loads are kept for rendering. */
int fz_render_template_mentions(fz_render_template *t, const char *name);
/* Render with data as the context (NULL: an empty one), appending to
 * out.  FZ_OK; FZ_DATAERR when a partial does not parse or partials nest
 * deeper than 256; or the status of the partial function. */
int fz_render_template_render(fz_render_template *t, const fz_node *data,
    enum fz_escape escape, fz_buf *out, fz_error *err);
/* The same onto fp, rendered whole into a temporary file first: on any
 * error nothing is written.  FZ_IOERR when writing fails, FZ_CANTCREAT
 * when no temporary file can be made. */
int fz_render_template_render_file(fz_render_template *t, const fz_node *data,
    enum fz_escape escape, FILE *fp, fz_error *err);

/* The context fazhi-render renders over, as
 * fazhi-templates(7) tells: the first document of each kind under its
 * kind (tally), all of them in KIND_list (tally_list), every document in
 * documents, the keys of documents without kind at the top; and helpers
 * added everywhere: percent and bar of a rate, KEY_yuan of money,
 * KEY_label of an enumeration value, KEY_cn of a date, KEY_count and
 * KEY_items, index, first and last in lists, the tables of each
 * document (as CSV shows them), a tally's columns, cells and charts, a
 * draw's teams, tally_by and labels at the top. */
typedef struct fz_render_ctx fz_render_ctx;

/* An empty context owned by the caller. */
fz_render_ctx *fz_render_ctx_new(void);
void fz_render_ctx_free(fz_render_ctx *c);
/* Add a document of kind (NULL: none); doc is copied.  FZ_OK, or
 * FZ_DATAERR with err set when a known kind has the wrong shape (the
 * tables of fz_table_set_add_doc). */
int fz_render_ctx_add(fz_render_ctx *c, const fz_node *doc,
    const char *kind, fz_error *err);
/* Add an event of fz_stream_next (without FZ_STREAM_KEEP): a record
 * kind's records are gathered into records: of their document; the end
 * event is nothing.  FZ_OK, or FZ_DATAERR with err set when a document
 * is not a mapping. */
int fz_render_ctx_add_event(fz_render_ctx *c, const fz_event *ev,
    fz_error *err);
/* The built-in template for the documents added, when none is named:
 * the announcement of a draw (draw-notice), the annual report when
 * there are approval metrics, the monthly statistics of a tally, else
 * the tables of whatever they are.  A static string. */
const char *fz_render_ctx_template(const fz_render_ctx *c);
/* The context, owned by c and valid until the next add or free. */
const fz_node *fz_render_ctx_root(fz_render_ctx *c);
/* The --where conditions of the venue book: only the entities they keep
 * are venues (NULL: every one; w stays the caller's). */
void fz_render_ctx_set_where(fz_render_ctx *c, fz_where *w);
/* Add --where KEY=VALUE to w for the venue book: a key of the entities
 * directory, or entity=ID for its id, as the records that name an
 * entity spell it.  FZ_OK, or FZ_USAGE with err set when malformed. */
int fz_render_where_add(fz_where *w, const char *expr, fz_error *err);
/* Before any document is added: give the items of the documents' lists
 * (a tally's rows, records, table rows, chart bars ...) their helpers
 * only when fz_render_ctx_render comes to them, one at a time, so that
 * memory holds the documents and not the helpers of every item.  The
 * root then holds those lists bare: render it only through
 * fz_render_ctx_render. */
void fz_render_ctx_lazy(fz_render_ctx *c);
/* Before any document is added: the nodes of the events added are kept
 * as they are (and given their helpers in place) instead of copied; the
 * stream must keep them (FZ_STREAM_KEEP) and its arena be handed to
 * fz_render_ctx_hold. */
void fz_render_ctx_share(fz_render_ctx *c);
/* c frees a (NULL: nothing) with itself. */
void fz_render_ctx_hold(fz_render_ctx *c, fz_arena *a);
/* Render t over the context onto fp, a chunk at a time as it is made.
 * With whole, into a temporary file first, so that on any error nothing
 * is written onto fp; without it, an error may leave part of the output
 * (for a temporary file that is then removed).  FZ_OK, the statuses of
 * fz_render_template_render, FZ_IOERR when writing fails, FZ_CANTCREAT
 * when no temporary file can be made. */
int fz_render_ctx_render(fz_render_ctx *c, fz_render_template *t,
    enum fz_escape escape, FILE *fp, int whole, fz_error *err);

/* Templates on disk.  builtin is the folder of the
 * built-in templates; its subfolders text, md and html hold the widgets
 * of each format (page, h1, p, tally-table ...). */
/* Open which: a template file when it holds a / or ends in .mustache or
 * names a file, else the built-in of that name.  Its partials are looked
 * for beside it, then in builtin/format, then in builtin; a partial
 * whose name would leave those folders, or whose file is a link to a
 * file outside the folder it is found in, is refused (FZ_DATAERR at the
 * tag).  FZ_OK with *out (fz_render_template_free); FZ_USAGE for an unknown
 * built-in or format, FZ_NOINPUT, FZ_DATAERR. */
int fz_render_template_open(const char *builtin, const char *format,
    const char *which, fz_render_template **out, fz_error *err);
/* "name<TAB>description<LF>" for each built-in, sorted, onto out. */
int fz_render_templates_list(const char *builtin, fz_buf *out, fz_error *err);
/* The text of a built-in, or of a widget named FORMAT/NAME, onto out;
 * FZ_USAGE when there is none. */
int fz_render_template_dump(const char *builtin, const char *name, fz_buf *out,
    fz_error *err);

/* A Word document (docx, laid out to GB/T 9704-2012) into o: t, built
 * on the docx page widget, over root makes word/document.xml; the
 * widgets of builtin/docx make the other parts; libzip writes them
 * into o's temporary file (through fz_output_by_path).  FZ_OK;
 * FZ_DATAERR when t makes no document, or a status of the templates,
 * FZ_CANTCREAT or FZ_IOERR with err set. */
int fz_render_docx_output(fz_output *o, fz_render_template *t,
    const fz_node *root, const char *builtin, fz_error *err);

/* 同比: the documents of the previous period.  Add an event of
 * fz_stream_next from a --previous file: a tally or metrics document is
 * copied; anything else is FZ_DATAERR with err at it.  At
 * fz_render_ctx_check each is paired with the first added document of
 * its kind and grouping (by:), which must cover the same period a year
 * before (from and to each a year earlier, a month's last day staying
 * its last day), else FZ_DATAERR naming both files; each figure both
 * have then gets KEY_yoy beside it (fazhi-templates(7)). */
int fz_render_ctx_add_previous(fz_render_ctx *c, const fz_event *ev,
    fz_error *err);
/* The arithmetic of 同比, integers only, rounded half away from zero.
 * The change of current against previous in tenths of a percent of
 * |previous|: 0, or -1 when previous is 0 or it overflows. */
int fz_render_yoy_percent(int64_t previous, int64_t current,
    int64_t *tenths);
/* The change of the rate cn/cd against pn/pd in tenths of a percentage
 * point: 0, or -1 when a denominator is not positive or it overflows. */
int fz_render_yoy_points(int64_t pn, int64_t pd, int64_t cn, int64_t cd,
    int64_t *tenths);
/* The words of a change into buf: 比上年增加45，增长12.3% /
 * 比上年减少4，下降4.0% / 与上年持平 / 比上年增加5，上年为0; money
 * in fen says yuan (1262.10元).  0, or -1 on overflow. */
int fz_render_yoy_words(int64_t previous, int64_t current, int money,
    char *buf, size_t n);
/* 比上年提高1.2个百分点 / 降低 / 与上年持平 of tenths of a point. */
int fz_render_yoy_points_words(int64_t tenths, char *buf, size_t n);
/* tenths as a signed decimal ("12.3", "-4.0") into buf. */
const char *fz_render_yoy_tenths_text(int64_t tenths, char *buf, size_t n);

/* end of mustache and render */

/* What a built-in template prints that its documents must hold, beyond
 * their kinds: the annual report's bureau's and towns' inspections
 * come from a tally's reporters: (or a tally by reported_by), never
 * from its totals.  FZ_OK, or FZ_DATAERR at the document that lacks
 * them, saying which tally gives them.  t may be NULL (no template).
 * Called before rendering with t: the venues of the venue book are then
 * made only when t (or a partial of it) looks them up. */
/* The tables of -t statistics (行政执法统计年报) over the documents of c,
 * added to ts as a document of their own, for csv and xlsx.  A figure
 * the documents lack is a place to write (待填写), never a 0.  FZ_OK, or
 * FZ_DATAERR with ts untouched when the documents would make a figure
 * wrong (as fz_render_ctx_check says for a template of statistics). */
int fz_render_ctx_statistics(fz_render_ctx *c, fz_table_set *ts,
    fz_error *err);
int fz_render_ctx_check(fz_render_ctx *c, fz_render_template *t,
    fz_error *err);

#endif
