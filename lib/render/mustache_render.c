/* mustache_render.c - rendering parsed templates over node trees: the
 * context stack, YAML 1.1 truth and number text, escaping, partials
 * found through the caller's function, and the blocks parents pass. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

#define MU_MAX_DEPTH 256	/* sections, partials and blocks being rendered */

/* How the start of each line of a template is re-indented: white space
 * beginning with strip loses it and gains add, then the outer level
 * applies.  A standalone partial adds its indentation; a block swaps its
 * content's indentation for its site's. */
struct indent {
	const char *strip, *add;
	size_t slen, alen;
	const struct indent *outer;
};

struct render {
	fz_render_template *t;
	enum fz_escape escape;
	fz_buf *buf;		/* output, or with fp what is not yet written */
	FILE *fp;		/* NULL: all of it into buf */
	int write_errno;	/* the first failed write's errno, -1 none */
	fz_render__lazy_fn lazy; /* what a template sees of a node */
	void *lazy_ctx;
	fz_arena *scratch;	/* what lazy makes is made in */
	int at_bol;		/* the output is at the start of a line */
	const fz_node **ctx;	/* the context stack */
	size_t nctx, capctx;
	const fz_render__mu_node **args;	/* parents being rendered, outermost first */
	size_t nargs, capargs;
	int depth;
	fz_error *err;
};

#define OUT_CHUNK (64 * 1024)	/* what is written onto fp at once */

static void
flush_out(struct render *r)
{
	if (r->fp == NULL || r->buf->len == 0)
		return;
	errno = 0;
	if (r->write_errno < 0 && fwrite(r->buf->data, 1, r->buf->len,
	    r->fp) != r->buf->len)
		r->write_errno = errno ? errno : EIO;
	r->buf->len = 0;
}

static void
out(struct render *r, const char *s, size_t len)
{
	if (len == 0)
		return;
	fz_buf_add(r->buf, s, len);
	r->at_bol = s[len - 1] == '\n';
	if (r->buf->len >= OUT_CHUNK)
		flush_out(r);
}

static void
out_escaped(struct render *r, const char *s, size_t len)
{
	size_t from = 0;

	if (r->escape != FZ_ESCAPE_HTML) {
		out(r, s, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		const char *e;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		out(r, s + from, i - from);
		out(r, e, strlen(e));
		from = i + 1;
	}
	out(r, s + from, len - from);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The white space ws[0..len) re-indented through every level. */
static void
out_indent(struct render *r, const char *ws, size_t len,
    const struct indent *ind)
{
	char *cur = fz_xmalloc(len + 1), *next;

	if (len > 0)
		memcpy(cur, ws, len);
	for (; ind != NULL; ind = ind->outer) {
		size_t skip = ind->slen > 0 && len >= ind->slen &&
		    memcmp(cur, ind->strip, ind->slen) == 0 ? ind->slen : 0;
		if (skip == 0 && ind->slen > 0)
			continue;	/* less indented than its block */
		next = fz_xmalloc(ind->alen + len - skip + 1);
		if (ind->alen > 0)
			memcpy(next, ind->add, ind->alen);
		if (len > skip)
			memcpy(next + ind->alen, cur + skip, len - skip);
		len = ind->alen + len - skip;
		free(cur);
		cur = next;
	}
	out(r, cur, len);
	free(cur);
}

static void
out_text(struct render *r, const fz_render__mu_node *n, const struct indent *ind)
{
	size_t w = 0;

	if (n->bol && ind != NULL && r->at_bol) {
		while (w < n->len && is_blank(n->s[w]))
			w++;
		/* A blank line stays as it is. */
		if (w == n->len || (n->s[w] != '\n' && n->s[w] != '\r'))
			out_indent(r, n->s, w, ind);
		else
			w = 0;
	}
	out(r, n->s + w, n->len - w);
}

/* What a template sees of node, item i of seq when seq is not NULL:
 * with a lazy context, what the context makes of it in scratch. */
static const fz_node *
seen(const struct render *r, const fz_node *seq, size_t i,
    const fz_node *node)
{
	if (r->lazy == NULL || node == NULL)
		return node;
	return r->lazy(r->lazy_ctx, r->scratch, seq, i, node);
}

/* The value of one name part in v: a mapping's key, or a list's index
 * (list.0) after the first part. */
static const fz_node *
child(const struct render *r, const fz_node *v, const char *s, size_t len,
    int index_ok)
{
	if (v != NULL && v->type == FZ_MAP) {
		for (size_t i = 0; i < v->n; i++)
			if (v->kids[2 * i]->len == len &&
			    memcmp(v->kids[2 * i]->str, s, len) == 0)
				return seen(r, NULL, 0, v->kids[2 * i + 1]);
	} else if (v != NULL && v->type == FZ_SEQ && index_ok && len > 0 &&
	    len < 10 && strspn(s, "0123456789") >= len) {
		size_t i = (size_t)strtoul(s, NULL, 10);
		return i < v->n ? seen(r, v, i, v->kids[i]) : NULL;
	}
	return NULL;
}

/* A dotted name: the first part is looked for down the context stack,
 * each further part only in what the one before gave.  What a lazy
 * context makes for it lives in scratch until the caller's mark is
 * released. */
static const fz_node *
lookup(const struct render *r, const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	size_t part = dot != NULL ? (size_t)(dot - name) : len;
	const fz_node *v = NULL;

	if (len == 1 && name[0] == '.')
		return r->nctx > 0 ? r->ctx[r->nctx - 1] : NULL;
	for (size_t i = r->nctx; i-- > 0 && v == NULL;)
		v = child(r, r->ctx[i], name, part, 0);
	while (v != NULL && dot != NULL) {
		len -= part + 1;
		name = dot + 1;
		dot = memchr(name, '.', len);
		part = dot != NULL ? (size_t)(dot - name) : len;
		v = child(r, v, name, part, 1);
	}
	return v;
}

/* Scratch marks around what a lookup makes (nothing without a lazy
 * context). */
static void
mark(const struct render *r, fz_arena_mark *m)
{
	if (r->scratch != NULL)
		fz_arena_mark_at(r->scratch, m);
}

static void
release(const struct render *r, const fz_arena_mark *m)
{
	if (r->scratch != NULL)
		fz_arena_release(r->scratch, m);
}

/* 1 when a number's digits are all zero. */
static int
is_zero(const char *s, enum fz_scalar_tag tag)
{
	int hex = tag == FZ_TAG_INT && strchr(s, 'x') != NULL;

	if (tag == FZ_TAG_FLOAT && strpbrk(s, "iInN") != NULL)
		return 0;	/* .inf, .nan */
	for (; *s != '\0'; s++) {
		if (*s == 'e' || *s == 'E') {
			if (!hex)
				break;	/* the exponent of a float */
		}
		if ((*s >= '1' && *s <= '9') ||
		    (hex && strchr("abcdefABCDEF", *s) != NULL))
			return 0;
	}
	return 1;
}

static int
truthy(const fz_node *v)
{
	enum fz_scalar_tag tag;

	if (v == NULL)
		return 0;
	if (v->type != FZ_SCALAR)
		return v->type == FZ_MAP || v->n > 0;
	tag = fz_node_tag(v);
	switch (tag) {
	case FZ_TAG_NULL:
		return 0;
	case FZ_TAG_BOOL:	/* y, yes, true, on in the cases YAML allows */
		return strchr("yYtT", v->str[0]) != NULL ||
		    strncmp(v->str, "on", 2) == 0 ||
		    strncmp(v->str, "On", 2) == 0 ||
		    strncmp(v->str, "ON", 2) == 0;
	case FZ_TAG_INT:
	case FZ_TAG_FLOAT:
		return !is_zero(v->str, tag);
	default:
		return v->len > 0;
	}
}

/* The text a scalar interpolates as: null as nothing, a decimal without
 * trailing zeros, anything else as written.  Lists and mappings give
 * nothing. */
static void
scalar_text(const fz_node *v, const char **s, size_t *len)
{
	enum fz_scalar_tag tag = fz_node_tag(v);
	const char *dot;

	*s = "", *len = 0;
	if (v == NULL || v->type != FZ_SCALAR || tag == FZ_TAG_NULL)
		return;
	*s = v->str, *len = v->len;
	dot = memchr(v->str, '.', v->len);
	if (tag != FZ_TAG_FLOAT || dot == NULL ||
	    strpbrk(v->str, "eE_iInN") != NULL)
		return;
	while (*len > (size_t)(dot - v->str) + 1 && v->str[*len - 1] == '0')
		(*len)--;
	if (*len == (size_t)(dot - v->str) + 1 && *len > 1)
		(*len)--;
}

static void
push_ctx(struct render *r, const fz_node *v)
{
	if (r->nctx == r->capctx) {
		r->capctx = r->capctx ? 2 * r->capctx : 16;
		r->ctx = fz_xrealloc(r->ctx, r->capctx * sizeof *r->ctx);
	}
	r->ctx[r->nctx++] = v;
}

static int
at_tag(struct render *r, const fz_render__mu_node *n, int status)
{
	snprintf(r->err->file, sizeof r->err->file, "%s", n->file);
	r->err->line = n->line;
	r->err->col = n->col;
	r->err->status = status;
	return status;
}

/* The tree of the partial called name, parsed on first use; NULL in
 * *tree when there is none. */
static int
load(struct render *r, const fz_render__mu_node *at, const char *name, size_t len,
    fz_render__mu_tree **tree)
{
	fz_render_template *t = r->t;
	void **slot = fz_map_find(t->partials, name, len);
	fz_partial part = { 0 };
	int status = FZ_OK;

	if (slot != NULL) {
		*tree = *slot;
		return FZ_OK;
	}
	*tree = NULL;
	if (t->find != NULL) {
		char *z = fz_arena_strndup(t->arena, name, len);
		status = t->find(t->find_ctx, z, &part, r->err);
		if (status != FZ_OK)
			return at_tag(r, at, status);
	}
	if (part.src != NULL) {
		status = fz_render__mu_parse(t->arena, part.path ? part.path : name,
		    part.src, part.len, tree, r->err);
		if (status != FZ_OK)
			*tree = NULL;
	}
	free(part.path);
	if (status == FZ_OK)
		*fz_map_insert(t->partials, name, len, NULL, NULL) = *tree;
	return status;
}

/* The name of a partial or parent: as written, or for *name the text of
 * what name gives (NULL when it gives no text). */
static const char *
target(const struct render *r, const fz_render__mu_node *n, size_t *len)
{
	const char *s;

	if (!n->dynamic) {
		*len = n->len;
		return n->s;
	}
	scalar_text(lookup(r, n->s, n->len), &s, len);
	return *len > 0 ? s : NULL;
}

static int render_list(struct render *r, fz_render__mu_node *const *kids, size_t n,
    const struct indent *ind);

/* A partial, or with n a parent, the template it names. */
static int
render_partial(struct render *r, const fz_render__mu_node *n, const struct indent *ind)
{
	struct indent level = { "", n->indent, 0, n->ilen, ind };
	size_t len;
	const char *name;
	fz_render__mu_tree *tree = NULL;
	fz_arena_mark m;
	int status;

	if (n->type == MU_PARENT && !n->standalone && n->lead != NULL)
		out_text(r, n->lead, ind);
	mark(r, &m);
	name = target(r, n, &len);
	status = name != NULL ? load(r, n, name, len, &tree) : FZ_OK;
	release(r, &m);
	if (status != FZ_OK || tree == NULL)
		return status;
	if (n->type == MU_PARENT) {
		if (r->nargs == r->capargs) {
			r->capargs = r->capargs ? 2 * r->capargs : 8;
			r->args = fz_xrealloc(r->args,
			    r->capargs * sizeof *r->args);
		}
		r->args[r->nargs++] = n;
	}
	status = render_list(r, tree->root.kids, tree->root.n,
	    n->standalone ? &level : NULL);
	if (n->type == MU_PARENT)
		r->nargs--;
	return status;
}

/* A block: the argument the outermost parent passes for it, else its
 * own content. */
static int
render_block(struct render *r, const fz_render__mu_node *n, const struct indent *ind)
{
	const fz_render__mu_node *content = n;
	struct indent level;

	for (size_t i = 0; i < r->nargs && content == n; i++)
		for (size_t j = 0; j < r->args[i]->n; j++) {
			const fz_render__mu_node *b = r->args[i]->kids[j];
			if (b->len == n->len &&
			    memcmp(b->s, n->s, n->len) == 0) {
				content = b;
				break;
			}
		}
	level = (struct indent){ content->def, n->indent, content->dlen,
		n->ilen, ind };
	return render_list(r, content->kids, content->n, &level);
}

static int
render_section(struct render *r, const fz_render__mu_node *n, const struct indent *ind)
{
	fz_arena_mark m, each;
	const fz_node *v;
	int status = FZ_OK;

	mark(r, &m);
	v = lookup(r, n->s, n->len);
	if (n->type == MU_INVERTED) {
		if (!truthy(v))
			status = render_list(r, n->kids, n->n, ind);
	} else if (truthy(v)) {
		for (size_t i = 0; status == FZ_OK &&
		    i < (v->type == FZ_SEQ ? v->n : 1); i++) {
			mark(r, &each);
			push_ctx(r, v->type == FZ_SEQ ? seen(r, v, i,
			    v->kids[i]) : v);
			status = render_list(r, n->kids, n->n, ind);
			r->nctx--;
			release(r, &each);
		}
	}
	release(r, &m);
	return status;
}

static int
render_node(struct render *r, const fz_render__mu_node *n, const struct indent *ind)
{
	const char *s;
	size_t len;
	fz_arena_mark m;

	switch (n->type) {
	case MU_TEXT:
		out_text(r, n, ind);
		return FZ_OK;
	case MU_VAR:
	case MU_RAW:
		mark(r, &m);
		scalar_text(lookup(r, n->s, n->len), &s, &len);
		if (n->type == MU_VAR)
			out_escaped(r, s, len);
		else
			out(r, s, len);
		release(r, &m);
		return FZ_OK;
	default:
		break;
	}
	if (r->depth >= MU_MAX_DEPTH) {
		fz_error_set(r->err, FZ_DATAERR, NULL, 0, 0, "templates nested "
		    "deeper than %d (a partial that includes itself?)",
		    MU_MAX_DEPTH);
		return at_tag(r, n, FZ_DATAERR);
	}
	switch (n->type) {
	case MU_SECTION:
	case MU_INVERTED:
		return render_section(r, n, ind);
	case MU_PARTIAL:
	case MU_PARENT:
		return render_partial(r, n, ind);
	case MU_BLOCK:
		return render_block(r, n, ind);
	default:
		return FZ_OK;
	}
}

static int
render_list(struct render *r, fz_render__mu_node *const *kids, size_t n,
    const struct indent *ind)
{
	int status = FZ_OK;

	r->depth++;
	for (size_t i = 0; i < n && status == FZ_OK; i++)
		status = render_node(r, kids[i], ind);
	r->depth--;
	return status;
}

int
fz_render_template_parse(const char *name, const char *src, size_t len,
    fz_render_template **out, fz_error *err)
{
	fz_render_template *t = fz_xcalloc(1, sizeof *t);
	char *copy = fz_xmalloc(len + 1);
	int status;

	memcpy(copy, src, len);
	copy[len] = '\0';
	t->arena = fz_arena_new();
	t->partials = fz_map_new();
	if (t->arena == NULL || t->partials == NULL)
		abort();
	status = fz_render__mu_parse(t->arena, name, copy, len, &t->main, err);
	if (status != FZ_OK) {
		fz_render_template_free(t);
		return status;
	}
	*out = t;
	return FZ_OK;
}

void
fz_render_template_free(fz_render_template *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; t->partials != NULL &&
	    i < fz_map_count(t->partials); i++)
		fz_render__mu_tree_free(fz_map_value(t->partials, i));
	fz_map_free(t->partials);
	fz_render__mu_tree_free(t->main);
	fz_arena_free(t->arena);
	free(t);
}

void
fz_render_template_set_partials(fz_render_template *t, fz_partial_fn fn, void *ctx)
{
	t->find = fn;
	t->find_ctx = ctx;
}

static int
render_main(struct render *r, const fz_node *data)
{
	int status;

	r->at_bol = 1;
	r->write_errno = -1;
	if (data != NULL)
		push_ctx(r, data);
	status = render_list(r, r->t->main->root.kids, r->t->main->root.n,
	    NULL);
	free(r->ctx);
	free(r->args);
	return status;
}

int
fz_render_template_render(fz_render_template *t, const fz_node *data,
    enum fz_escape escape, fz_buf *out, fz_error *err)
{
	struct render r = { .t = t, .escape = escape, .buf = out,
		.err = err };

	return render_main(&r, data);
}

/* Render onto fp as the output grows, a chunk at a time; with lazy,
 * over its root and its lists' items made on demand. */
static int
render_stream(fz_render_template *t, fz_render__lazy_fn lazy,
    void *lazy_ctx, const fz_node *data, enum fz_escape escape, FILE *fp,
    fz_error *err)
{
	fz_buf chunk = { 0 };
	struct render r = { .t = t, .escape = escape, .buf = &chunk,
		.fp = fp, .err = err, .lazy = lazy, .lazy_ctx = lazy_ctx };
	int status;

	if (lazy != NULL)
		r.scratch = fz_arena_new();
	status = render_main(&r, data);
	if (status == FZ_OK)
		flush_out(&r);
	fz_buf_free(&chunk);
	fz_arena_free(r.scratch);
	errno = 0;
	if (status == FZ_OK && r.write_errno < 0 && fflush(fp) != 0)
		r.write_errno = errno ? errno : EIO;
	if (status == FZ_OK && (r.write_errno >= 0 || ferror(fp)))
		status = fz_error_set(err, FZ_IOERR, NULL, 0, 0,
		    "write error: %s", strerror(r.write_errno > 0 ?
		    r.write_errno : EIO));
	return status;
}

/* Copy what is in tmp onto fp: FZ_OK or FZ_IOERR. */
static int
copy_out(FILE *tmp, FILE *fp, fz_error *err)
{
	char buf[OUT_CHUNK];
	size_t n;

	errno = 0;
	if (fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0)
		return fz_error_set(err, FZ_IOERR, NULL, 0, 0, "write error: "
		    "%s", strerror(errno ? errno : EIO));
	while ((n = fread(buf, 1, sizeof buf, tmp)) > 0) {
		errno = 0;
		if (fwrite(buf, 1, n, fp) != n)
			return fz_error_set(err, FZ_IOERR, NULL, 0, 0,
			    "write error: %s", strerror(errno ? errno : EIO));
	}
	errno = 0;
	if (ferror(tmp) || fflush(fp) != 0 || ferror(fp))
		return fz_error_set(err, FZ_IOERR, NULL, 0, 0, "write error: "
		    "%s", strerror(errno ? errno : EIO));
	return FZ_OK;
}

/* 1 when a tag of the n nodes, or of the partials and parents they
 * name, may look up name (len bytes): name itself, name.x, or whatever
 * a dynamic partial gives.  A partial that cannot be loaded counts as
 * one that does (rendering says what is wrong with it); seen: the trees
 * walked already. */
static int
mentions(struct render *r, fz_render__mu_node *const *kids, size_t n,
    const char *name, size_t len, fz_map *seen)
{
	for (size_t i = 0; i < n; i++) {
		const fz_render__mu_node *k = kids[i];
		fz_render__mu_tree *tree = NULL;
		int added;

		if (k->type == MU_TEXT)
			continue;
		if (k->type == MU_PARTIAL || k->type == MU_PARENT) {
			if (k->dynamic || load(r, k, k->s, k->len, &tree) !=
			    FZ_OK)
				return 1;
			if (tree != NULL) {
				fz_map_insert(seen, (const char *)&tree,
				    sizeof tree, &added, NULL);
				if (added && mentions(r, tree->root.kids,
				    tree->root.n, name, len, seen))
					return 1;
			}
		} else if (k->len >= len && memcmp(k->s, name, len) == 0 &&
		    (k->len == len || k->s[len] == '.')) {
			return 1;
		}
		if (k->kids != NULL && mentions(r, k->kids, k->n, name, len,
		    seen))
			return 1;
	}
	return 0;
}

int
fz_render_template_mentions(fz_render_template *t, const char *name)
{
	fz_error err = { 0 };
	struct render r = { .t = t, .err = &err };
	fz_map *seen = fz_map_new();
	int yes = mentions(&r, t->main->root.kids, t->main->root.n, name,
	    strlen(name), seen);

	fz_map_free(seen);
	return yes;
}

int
fz_render__stream(fz_render_template *t, fz_render__lazy_fn lazy,
    void *lazy_ctx, const fz_node *data, enum fz_escape escape, FILE *fp,
    int whole, fz_error *err)
{
	FILE *tmp;
	int status;

	if (!whole)
		return render_stream(t, lazy, lazy_ctx, data, escape, fp, err);
	/* Rendered whole into a file of its own before a byte is
	 * written: a template that fails half-way (a partial refused, or
	 * nested too deep) writes nothing, and memory holds a chunk of
	 * the output, not all of it. */
	if ((tmp = tmpfile()) == NULL)
		return fz_error_set(err, FZ_CANTCREAT, NULL, 0, 0, "cannot "
		    "make a temporary file for the output: %s",
		    strerror(errno));
	status = render_stream(t, lazy, lazy_ctx, data, escape, tmp, err);
	if (status == FZ_IOERR)
		err->file[0] = '\0';	/* the temporary file's, not fp's */
	if (status == FZ_OK)
		status = copy_out(tmp, fp, err);
	fclose(tmp);
	return status;
}

int
fz_render_template_render_file(fz_render_template *t, const fz_node *data,
    enum fz_escape escape, FILE *fp, fz_error *err)
{
	return fz_render__stream(t, NULL, NULL, data, escape, fp, 1, err);
}
