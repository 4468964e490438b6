/* mustache.c - parsing mustache templates into trees of fz_render__mu_node.
 *
 * Whitespace follows the spec: a tag other than an interpolation that is
 * alone on its line ("standalone") takes the line with it.  Template
 * inheritance adds two rules: text directly inside a parent tag is not
 * rendered, so only the outer side of a parent pair decides whether it
 * stands alone; and a block carries indentation, taken from its content
 * when its opening tag ends a line, so that content moved from a child
 * into a parent is re-indented to fit where it lands. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

#define MU_MAX_NEST 100		/* sections, blocks and parents inside each other */
#define NOPOS ((size_t)-1)

struct vec {
	fz_render__mu_node **v;
	size_t n, cap;
};

/* An open section, block or parent. */
struct open {
	fz_render__mu_node *node;
	struct vec kids;
	size_t ts;		/* where its tag begins */
	size_t te;		/* where its tag ends */
	size_t lead;		/* where the white space before the tag begins */
	int clears_left;	/* only white space before the tag on its line */
	int standalone;		/* block: its content begins a line */
	size_t content;		/* block: where the content begins */
};

struct parser {
	fz_arena *a;
	fz_render__mu_tree *t;
	const char *src;
	size_t len;
	const char *otag, *ctag;	/* the delimiters */
	size_t olen, clen;
	struct open *stack;		/* stack[0] is the root */
	size_t depth, cap;
	size_t pos_off;			/* position(): where it stopped */
	unsigned pos_line, pos_col;
	size_t left_off, left_ls;	/* clears_left(): where it stopped, */
	int left_blank;			/* its line start, only blanks since */
	fz_error *err;
};

/* A tag as read: sigil is 0 for a plain interpolation. */
struct tag {
	char sigil;
	const char *name;
	size_t nlen;
	int dynamic;
	size_t ts, te;
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Line and column (in characters) of offset off; counted on from the
 * last offset asked, since tags are met in order. */
static void
position(struct parser *p, size_t off, unsigned *line, unsigned *col)
{
	if (off < p->pos_off)
		p->pos_off = 0, p->pos_line = 1, p->pos_col = 1;
	for (size_t i = p->pos_off; i < off && i < p->len; i++) {
		if (p->src[i] == '\n')
			p->pos_line++, p->pos_col = 1;
		else if (((unsigned char)p->src[i] & 0xC0) != 0x80)
			p->pos_col++;
	}
	p->pos_off = off;
	*line = p->pos_line, *col = p->pos_col;
}

static int
fail(struct parser *p, size_t off, const char *fmt, ...)
{
	char msg[512];
	unsigned line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fz_gettext(fmt), ap);
	va_end(ap);
	position(p, off, &line, &col);
	return fz_error_set(p->err, FZ_DATAERR, p->t->name, line, col, "%s",
	    msg);
}

/* The text of the tag [ts, te) for messages, at most 60 bytes. */
#define TAG_ARGS(p, ts, te) \
	(int)((te) - (ts) > 60 ? 60 : (te) - (ts)), (p)->src + (ts)

static size_t
find(const struct parser *p, size_t from, const char *s, size_t n)
{
	for (size_t i = from; i + n <= p->len; i++)
		if (p->src[i] == s[0] && memcmp(p->src + i, s, n) == 0)
			return i;
	return NOPOS;
}

static int
at_line_start(const struct parser *p, size_t off)
{
	return off == 0 || p->src[off - 1] == '\n';
}

/* Only blanks between the start of the line and ts; *ls: that start.
 * Carried on from the offset last asked, since tags are met in order, so
 * that many tags on one line cost the line once, not once each. */
static int
clears_left(struct parser *p, size_t ts, size_t *ls)
{
	size_t i = ts;

	if (ts < p->left_off) {		/* not in order: look back */
		while (i > 0 && p->src[i - 1] != '\n')
			i--;
		*ls = i;
		for (; i < ts; i++)
			if (!is_blank(p->src[i]))
				return 0;
		return 1;
	}
	for (i = p->left_off; i < ts; i++) {
		if (p->src[i] == '\n')
			p->left_ls = i + 1, p->left_blank = 1;
		else if (!is_blank(p->src[i]))
			p->left_blank = 0;
	}
	p->left_off = ts;
	*ls = p->left_ls;
	return p->left_blank;
}

/* Only blanks between te and the end of the line; *after: past it. */
static int
clears_right(const struct parser *p, size_t te, size_t *after)
{
	size_t i = te;

	while (i < p->len && is_blank(p->src[i]))
		i++;
	if (i == p->len)
		*after = i;
	else if (p->src[i] == '\n')
		*after = i + 1;
	else if (p->src[i] == '\r' && i + 1 < p->len && p->src[i + 1] == '\n')
		*after = i + 2;
	else
		return 0;
	return 1;
}

static fz_render__mu_node *
node_new(struct parser *p, enum fz_render__mu_type type, size_t at)
{
	fz_render__mu_node *n = fz_arena_alloc(p->a, sizeof *n);

	if (n == NULL)
		abort();
	memset(n, 0, sizeof *n);
	n->type = type;
	n->file = p->t->name;
	position(p, at, &n->line, &n->col);
	return n;
}

static void
vec_push(struct vec *v, fz_render__mu_node *n)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 8;
		v->v = fz_xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = n;
}

static struct open *
top(struct parser *p)
{
	return &p->stack[p->depth - 1];
}

/* Add n to the open container; a parent keeps only its blocks. */
static void
add(struct parser *p, fz_render__mu_node *n)
{
	struct open *o = top(p);

	if (o->node->type != MU_PARENT || n->type == MU_BLOCK)
		vec_push(&o->kids, n);
}

static fz_render__mu_node *
text_node(struct parser *p, size_t a, size_t b)
{
	fz_render__mu_node *n = fz_arena_alloc(p->a, sizeof *n);

	if (n == NULL)
		abort();
	memset(n, 0, sizeof *n);
	n->type = MU_TEXT;
	n->s = p->src + a;
	n->len = b - a;
	n->bol = at_line_start(p, a);
	return n;
}

/* The text [a, b) as one node per line, so that each line start can be
 * indented when the text is rendered inside an indented partial. */
static void
add_text(struct parser *p, size_t a, size_t b)
{
	while (a < b) {
		const char *nl = memchr(p->src + a, '\n', b - a);
		size_t end = nl != NULL ? (size_t)(nl - p->src) + 1 : b;
		add(p, text_node(p, a, end));
		a = end;
	}
}

/* An empty text where a rendering tag begins a line: its line start. */
static void
add_marker(struct parser *p, size_t ts)
{
	if (at_line_start(p, ts))
		add(p, text_node(p, ts, ts));
}

/* Read the tag whose opening delimiter is at ts. */
static int
read_tag(struct parser *p, size_t ts, struct tag *tg)
{
	size_t i = ts + p->olen, end, b;
	char c = i < p->len ? p->src[i] : '\0';
	char closer = c == '{' ? '}' : c == '=' ? '=' : 0;

	memset(tg, 0, sizeof *tg);
	tg->ts = ts;
	if (c != '\0' && strchr("#^/!><$=&{", c) != NULL)
		tg->sigil = c, i++;
	for (end = i;; end++) {
		end = find(p, end, p->ctag, p->clen);
		if (end == NOPOS)
			return fail(p, ts, "unclosed tag '%.*s'",
			    TAG_ARGS(p, ts, ts + p->olen + 20 < p->len ?
			    ts + p->olen + 20 : p->len));
		if (closer == 0 || (end > i && p->src[end - 1] == closer))
			break;
	}
	tg->te = end + p->clen;
	if (closer != 0)
		end--;
	while (i < end && is_space(p->src[i]))
		i++;
	while (end > i && is_space(p->src[end - 1]))
		end--;
	if (strchr("></", c) != NULL && i < end && p->src[i] == '*') {
		tg->dynamic = 1;
		for (i++; i < end && is_space(p->src[i]); i++)
			;
	}
	tg->name = p->src + i;
	tg->nlen = end - i;
	if (c == '!' || c == '=')
		return FZ_OK;
	if (tg->nlen == 0)
		return fail(p, ts, "empty tag '%.*s'", TAG_ARGS(p, ts,
		    tg->te));
	for (b = i; b < end; b++)
		if (is_space(p->src[b]))
			return fail(p, ts, "white space inside the name of "
			    "tag '%.*s'", TAG_ARGS(p, ts, tg->te));
	return FZ_OK;
}

/* {{=<% %>=}}: two delimiters without white space. */
static int
set_delimiters(struct parser *p, const struct tag *tg)
{
	const char *s = tg->name, *e = tg->name + tg->nlen, *o, *c;
	size_t olen, clen;

	for (o = s; s < e && !is_space(*s); s++)
		;
	olen = (size_t)(s - o);
	while (s < e && is_space(*s))
		s++;
	for (c = s; s < e && !is_space(*s); s++)
		;
	clen = (size_t)(s - c);
	if (olen == 0 || clen == 0 || s != e)
		return fail(p, tg->ts, "a delimiter tag names two "
		    "delimiters: '%.*s'", TAG_ARGS(p, tg->ts, tg->te));
	p->otag = o, p->olen = olen;
	p->ctag = c, p->clen = clen;
	return FZ_OK;
}

static int
push_open(struct parser *p, fz_render__mu_node *n, const struct tag *tg)
{
	struct open *o;

	if (p->depth > MU_MAX_NEST)
		return fail(p, tg->ts, "sections nested deeper than %d",
		    MU_MAX_NEST);
	if (p->depth == p->cap) {
		p->cap *= 2;
		p->stack = fz_xrealloc(p->stack, p->cap * sizeof *p->stack);
	}
	o = &p->stack[p->depth++];
	memset(o, 0, sizeof *o);
	o->node = n;
	o->ts = tg->ts;
	o->te = tg->te;
	return FZ_OK;
}

/* Close the top container: its kids go into the arena, it into its
 * own container. */
static void
pop(struct parser *p)
{
	struct open *o = top(p);
	fz_render__mu_node *n = o->node;

	n->n = o->kids.n;
	n->kids = fz_arena_alloc(p->a, (n->n ? n->n : 1) * sizeof *n->kids);
	if (n->kids == NULL)
		abort();
	if (n->n > 0)
		memcpy(n->kids, o->kids.v, n->n * sizeof *n->kids);
	free(o->kids.v);
	p->depth--;
	add(p, n);
}

static fz_render__mu_node *
tag_node(struct parser *p, enum fz_render__mu_type type, const struct tag *tg)
{
	fz_render__mu_node *n = node_new(p, type, tg->ts);

	n->s = tg->name;
	n->len = tg->nlen;
	n->dynamic = (unsigned char)tg->dynamic;
	return n;
}

/* The indentation of the first line of [a, b) that is not blank. */
static int
intrinsic(const struct parser *p, size_t a, size_t b, fz_render__mu_node *n)
{
	while (a < b) {
		size_t j = a;
		const char *nl;

		while (j < b && is_blank(p->src[j]))
			j++;
		if (j >= b)
			return 0;
		if (p->src[j] != '\n' && p->src[j] != '\r') {
			n->def = p->src + a;
			n->dlen = j - a;
			return 1;
		}
		nl = memchr(p->src + j, '\n', b - j);
		if (nl == NULL)
			return 0;
		a = (size_t)(nl - p->src) + 1;
	}
	return 0;
}

/* A tag that takes its line when alone on it: sections, comments,
 * delimiters, partials. */
static int
line_tag(struct parser *p, const struct tag *tg, size_t *pos)
{
	size_t ls, after = 0;
	int alone = clears_left(p, tg->ts, &ls) &&
	    clears_right(p, tg->te, &after);
	fz_render__mu_node *n;

	add_text(p, *pos, alone ? ls : tg->ts);
	if (!alone)
		add_marker(p, tg->ts);
	*pos = alone ? after : tg->te;
	switch (tg->sigil) {
	case '#':
	case '^':
		n = tag_node(p, tg->sigil == '#' ? MU_SECTION : MU_INVERTED, tg);
		return push_open(p, n, tg);
	case '>':
		n = tag_node(p, MU_PARTIAL, tg);
		n->standalone = (unsigned char)alone;
		n->indent = p->src + ls;
		n->ilen = alone ? tg->ts - ls : 0;
		add(p, n);
		return FZ_OK;
	case '=':
		return set_delimiters(p, tg);
	}
	return FZ_OK;
}

static int
interpolation(struct parser *p, const struct tag *tg, size_t *pos)
{
	add_text(p, *pos, tg->ts);
	add_marker(p, tg->ts);
	add(p, tag_node(p, tg->sigil == 0 ? MU_VAR : MU_RAW, tg));
	*pos = tg->te;
	return FZ_OK;
}

/* {{<parent}}: whether it stands alone is known at its closing tag. */
static int
open_parent(struct parser *p, const struct tag *tg, size_t *pos)
{
	size_t ls;
	int left = clears_left(p, tg->ts, &ls);
	int status;

	add_text(p, *pos, left ? ls : tg->ts);
	status = push_open(p, tag_node(p, MU_PARENT, tg), tg);
	top(p)->clears_left = left;
	top(p)->lead = ls;
	*pos = tg->te;
	return status;
}

/* {{$block}} directly inside a parent: what comes before it is not
 * rendered, so it takes its line end when nothing follows it. */
static int
open_argument(struct parser *p, const struct tag *tg, size_t *pos)
{
	size_t after;
	int alone = clears_right(p, tg->te, &after);
	int status = push_open(p, tag_node(p, MU_BLOCK, tg), tg);

	top(p)->standalone = alone;
	top(p)->content = *pos = alone ? after : tg->te;
	return status;
}

/* {{$block}} anywhere else: the place a parameter is rendered. */
static int
open_block(struct parser *p, const struct tag *tg, size_t *pos)
{
	size_t ls, after = 0;
	int left = clears_left(p, tg->ts, &ls);
	int alone = left && clears_right(p, tg->te, &after);
	int status;

	add_text(p, *pos, alone ? ls : tg->ts);
	if (!alone)
		add_marker(p, tg->ts);
	status = push_open(p, tag_node(p, MU_BLOCK, tg), tg);
	top(p)->clears_left = left;
	top(p)->lead = ls;
	top(p)->standalone = alone;
	top(p)->content = *pos = alone ? after : tg->te;
	return status;
}

/* The closing tag of a section, or of a block that is not an argument. */
static void
close_section(struct parser *p, const struct tag *tg, size_t *pos)
{
	struct open *o = top(p);
	fz_render__mu_node *n = o->node;
	size_t ls, after = 0;
	int right = clears_right(p, tg->te, &after);
	int alone = clears_left(p, tg->ts, &ls) && right;
	size_t end = alone ? ls : tg->ts;

	add_text(p, *pos, end);
	if (n->type == MU_BLOCK) {
		/* Where content passed in lands: at the indentation of the
		 * default content, else at the column of the tag when the
		 * pair stands alone, else where it is. */
		int found = o->standalone && intrinsic(p, o->content, end, n);
		if (found) {
			n->indent = n->def, n->ilen = n->dlen;
		} else if (o->standalone || (o->clears_left && right)) {
			n->indent = p->src + o->lead;
			n->ilen = o->ts - o->lead;
		}
	}
	pop(p);
	if (!alone)
		add_marker(p, tg->ts);
	*pos = alone ? after : tg->te;
}

/* The closing tag of a block passed to a parent. */
static void
close_argument(struct parser *p, const struct tag *tg, size_t *pos)
{
	struct open *o = top(p);
	size_t ls;
	size_t end = clears_left(p, tg->ts, &ls) ? ls : tg->ts;

	add_text(p, *pos, end);
	if (o->standalone)
		intrinsic(p, o->content, end, o->node);
	pop(p);
	*pos = tg->te;
}

/* {{/parent}}: the pair stands alone when nothing but blanks is before
 * its opening tag and after its closing tag. */
static void
close_parent(struct parser *p, const struct tag *tg, size_t *pos)
{
	struct open *o = top(p);
	fz_render__mu_node *n = o->node;
	size_t after = 0;

	n->standalone = o->clears_left && clears_right(p, tg->te, &after);
	if (n->standalone) {
		n->indent = p->src + o->lead;
		n->ilen = o->ts - o->lead;
		*pos = after;
	} else {
		if (o->clears_left)
			n->lead = text_node(p, o->lead, o->ts);
		*pos = tg->te;
	}
	pop(p);
}

static int
close_tag(struct parser *p, const struct tag *tg, size_t *pos)
{
	struct open *o = top(p);
	fz_render__mu_node *n = o->node;
	unsigned line, col;

	if (p->depth == 1)
		return fail(p, tg->ts, "'%.*s' closes nothing",
		    TAG_ARGS(p, tg->ts, tg->te));
	if (n->len != tg->nlen || n->dynamic != tg->dynamic ||
	    memcmp(n->s, tg->name, tg->nlen) != 0) {
		position(p, o->ts, &line, &col);
		return fail(p, tg->ts, "'%.*s' does not close '%.*s'"
		    " of line %u", TAG_ARGS(p, tg->ts, tg->te),
		    TAG_ARGS(p, o->ts, o->te), line);
	}
	if (n->type == MU_PARENT)
		close_parent(p, tg, pos);
	else if (n->type == MU_BLOCK &&
	    p->stack[p->depth - 2].node->type == MU_PARENT)
		close_argument(p, tg, pos);
	else
		close_section(p, tg, pos);
	return FZ_OK;
}

static int
parse_tag(struct parser *p, const struct tag *tg, size_t *pos)
{
	int in_parent = top(p)->node->type == MU_PARENT;

	switch (tg->sigil) {
	case 0:
	case '&':
	case '{':
		return interpolation(p, tg, pos);
	case '<':
		return open_parent(p, tg, pos);
	case '$':
		return in_parent ? open_argument(p, tg, pos) :
		    open_block(p, tg, pos);
	case '/':
		return close_tag(p, tg, pos);
	}
	return line_tag(p, tg, pos);
}

static int
parse_all(struct parser *p)
{
	size_t pos = 0;
	struct tag tg;
	int status;

	for (;;) {
		size_t ts = find(p, pos, p->otag, p->olen);
		if (ts == NOPOS)
			break;
		if ((status = read_tag(p, ts, &tg)) != FZ_OK ||
		    (status = parse_tag(p, &tg, &pos)) != FZ_OK)
			return status;
	}
	add_text(p, pos, p->len);
	if (p->depth > 1) {
		struct open *o = top(p);
		return fail(p, o->ts, "'%.*s' is not closed",
		    TAG_ARGS(p, o->ts, o->te));
	}
	return FZ_OK;
}

void
fz_render__mu_tree_free(fz_render__mu_tree *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->src);
	free(t);
}

int
fz_render__mu_parse(fz_arena *a, const char *name, char *src, size_t len,
    fz_render__mu_tree **out, fz_error *err)
{
	fz_render__mu_tree *t = fz_xcalloc(1, sizeof *t);
	struct parser p = { .a = a, .t = t, .src = src, .len = len,
		.otag = "{{", .olen = 2, .ctag = "}}", .clen = 2, .depth = 1,
		.cap = 16, .pos_line = 1, .pos_col = 1, .left_blank = 1,
		.err = err };
	int status;

	t->name = fz_xstrdup(name);
	t->src = src;
	t->len = len;
	t->root.type = MU_SECTION;
	t->root.file = t->name;
	p.stack = fz_xcalloc(p.cap, sizeof *p.stack);
	p.stack[0].node = &t->root;
	status = parse_all(&p);
	while (p.depth > 1)
		free(p.stack[--p.depth].kids.v);
	if (status == FZ_OK) {
		t->root.n = p.stack[0].kids.n;
		t->root.kids = fz_arena_alloc(a, (t->root.n + 1) *
		    sizeof *t->root.kids);
		if (t->root.kids == NULL)
			abort();
		if (t->root.n > 0)
			memcpy(t->root.kids, p.stack[0].kids.v,
			    t->root.n * sizeof *t->root.kids);
	}
	free(p.stack[0].kids.v);
	free(p.stack);
	if (status != FZ_OK) {
		fz_render__mu_tree_free(t);
		return status;
	}
	*out = t;
	return FZ_OK;
}
