/* mustache.h - the parsed form of a mustache template, shared by the
 * parser (mustache.c) and the renderer (mustache_render.c); private to
 * libfazhi. */
#ifndef FAZHI_MUSTACHE_H
#define FAZHI_MUSTACHE_H

#include "render.h"

enum fz_render__mu_type {
	MU_TEXT,	/* literal text */
	MU_VAR,		/* {{name}}: escaped */
	MU_RAW,		/* {{{name}}}, {{&name}}: not escaped */
	MU_SECTION,	/* {{#name}} ... {{/name}} */
	MU_INVERTED,	/* {{^name}} ... {{/name}} */
	MU_PARTIAL,	/* {{>name}} */
	MU_PARENT,	/* {{<name}} blocks {{/name}} */
	MU_BLOCK	/* {{$name}} default {{/name}} */
};

/* A node; every string points into its tree's source.  Indentation
 * follows the inheritance spec: a block's content loses `def` at the
 * start of each of its lines and gains `indent` (its site's) instead. */
typedef struct fz_render__mu_node fz_render__mu_node;
struct fz_render__mu_node {
	enum fz_render__mu_type type;
	const char *s;		/* TEXT: the text; tags: the name */
	size_t len;
	unsigned char bol;	/* TEXT: begins a line of the source */
	unsigned char dynamic;	/* PARTIAL, PARENT: the name is *dotted.name */
	unsigned char standalone; /* PARTIAL, PARENT: on a line of its own */
	const char *indent;	/* PARTIAL, PARENT: white space before the tag;
				 * BLOCK: the indentation of its site */
	size_t ilen;
	const char *def;	/* BLOCK: the intrinsic indentation of its
				 * content, removed from each line */
	size_t dlen;
	fz_render__mu_node *lead;		/* PARENT: the white space before it as a TEXT,
				 * rendered when it is not standalone */
	fz_render__mu_node **kids;		/* SECTION, INVERTED, BLOCK: the content;
				 * PARENT: its blocks; the tree: its root */
	size_t n;
	const char *file;	/* tags: where they are, for messages */
	unsigned line, col;
};

/* A parsed source: the main template or a partial. */
typedef struct fz_render__mu_tree {
	char *name;		/* for messages */
	char *src;
	size_t len;
	fz_render__mu_node root;		/* a SECTION holding the whole template */
} fz_render__mu_tree;

/* Parse src (taken: freed with the tree) into a tree owned by arena a.
 * FZ_OK or FZ_DATAERR with err at the fault. */
int fz_render__mu_parse(fz_arena *a, const char *name, char *src, size_t len,
    fz_render__mu_tree **out, fz_error *err);
void fz_render__mu_tree_free(fz_render__mu_tree *t);

/* What fz_render_template holds: the main tree and the partials met so far. */
struct fz_render_template {
	fz_arena *arena;
	fz_render__mu_tree *main;
	fz_map *partials;	/* name -> fz_render__mu_tree *, NULL when not found */
	fz_partial_fn find;
	void *find_ctx;
};

#endif
