/* render_int.h - what the files of lib/render/ share and nothing else
 * sees: the parsed form of a mustache template (mustache.c parses it,
 * mustache_render.c renders it, render_files.c finds its partials), and
 * the render context with the helpers its parts add (render.c and the
 * render_*.c beside it). */
#ifndef FAZHI_RENDER_INT_H
#define FAZHI_RENDER_INT_H

#include "render.h"

struct fz_render_ctx {
	fz_arena *a;
	fz_node **docs;		/* copies, helpers added, in input order */
	const char **kinds;	/* their kinds, NULL for none */
	unsigned kinds_seen;	/* bit k: a document of kind k */
	size_t ndocs, cap;
	fz_node *records;	/* records of the document being read */
	const char *records_kind;
	fz_node *root;		/* built on first fz_render_ctx_root */
	fz_table_set *tables;	/* the documents' tables */
	fz_map *texts;		/* the text nodes of table cells, by text */
	fz_node *yes, *no;	/* plain true and false, shared */
	fz_where *where;	/* --where, for the venue book; NULL: none */
	/* Lazy (fz_render_ctx_lazy): the items of the documents' lists
	 * get their helpers only when a template comes to them, made in
	 * a scratch arena and forgotten after, so that memory holds the
	 * documents and not their helpers. */
	int lazy;
	int no_venues;		/* the template looks up no venues: none made */
	int statistics;		/* the template looks up statistics: made */
	fz_map *lazy_lists;	/* list node -> fz_render__lazy_list * */
	fz_map *lazy_items;	/* item node -> fz_render__lazy_item * */
	fz_node *hole;		/* an empty mapping: an item made on demand */
	fz_node **holes;	/* nholes of them */
	size_t nholes;
	int shared;		/* events' nodes kept, not copied */
	fz_node **prev;		/* --previous documents, copied */
	const char **prev_kinds; /* tally or metrics */
	size_t nprev;
	int yoy_done;		/* KEY_yoy put into the documents */
	fz_arena **held;	/* the arenas of those nodes, freed with c */
	size_t nheld;
};

/* A list whose items are made or completed on demand. */
typedef struct fz_render__lazy_list {
	enum { LZ_ITEMS, LZ_TABLE_ROWS, LZ_BARS } how;
	const fz_node *seq;
	int walked;		/* its items get the helpers of the walk */
	int depth;		/* their depth, for the walk */
	const fz_node *cols, *by; /* a tally's rows: cells and group first */
	const fz_table *table;	/* LZ_TABLE_ROWS: the table */
	const fz_node *rows;	/* LZ_BARS: the rows charted ... */
	const char *key;	/* ... the indicator */
	int64_t max;		/* ... and its largest value */
} fz_render__lazy_list;

typedef struct fz_render__lazy_item {
	const fz_render__lazy_list *list;
	size_t index;
} fz_render__lazy_item;

/* Give seq (empty) n items, all c->hole, sharing one array of them
 * with every such list: nothing may push onto it after. */
void fz_render__holes(fz_render_ctx *c, fz_node *seq, size_t n);
/* The list's entry, NULL when seq is not one made lazily. */
fz_render__lazy_list *fz_render__lazy_find(const fz_render_ctx *c,
    const fz_node *seq);
/* Item i of seq is found by a key too (tally_by, KEY_by_key): when seq
 * is a lazy list of c (c may be NULL), what that key gives is made on
 * demand as the item is. */
void fz_render__lazy_ref(fz_render_ctx *c, const fz_node *seq, size_t i);
/* Note seq as a lazy list (once: the entry it has, else a new one). */
fz_render__lazy_list *fz_render__lazy_note(fz_render_ctx *c,
    const fz_node *seq, int how);
/* What a template sees of node, item i of seq (seq NULL: a node reached
 * by a key): for an item of a lazy list, a copy in scratch with its
 * helpers; else node itself.  fz_render__lazy is the render context's
 * (ctx a fz_render_ctx). */
typedef const fz_node *(*fz_render__lazy_fn)(void *ctx, fz_arena *scratch,
    const fz_node *seq, size_t i, const fz_node *node);
const fz_node *fz_render__lazy(void *ctx, fz_arena *scratch,
    const fz_node *seq, size_t i, const fz_node *node);
/* Render t over data onto fp a chunk at a time, each node a template
 * comes to passed through lazy (NULL: none) with lazy_ctx; with whole,
 * into a temporary file first so that an error writes nothing onto
 * fp. */
int fz_render__stream(fz_render_template *t, fz_render__lazy_fn lazy,
    void *lazy_ctx, const fz_node *data, enum fz_escape escape, FILE *fp,
    int whole, fz_error *err);

/* New scalars owned by a: text always reads as text, a plain scalar
 * resolves as YAML would (numbers, true, null). */
fz_node *fz_render__text(fz_arena *a, const char *s);
fz_node *fz_render__plain(fz_arena *a, const char *s);
/* Put key: value into map unless map has key already. */
void fz_render__add(fz_arena *a, fz_node *map, const char *key, fz_node *value);
/* A whole number in a scalar, or with money set its fen; -1 when it is
 * not one. */
int fz_render__number(const fz_node *v, int money, int64_t *out);
/* The Chinese word of a key, else the key. */
const char *fz_render__word(const char *key);
/* The text of key in rec, or of key_HELPER when rec has it (helper
 * "label", "cn", "yuan" ...; NULL: none), or "". */
const char *fz_render__text_of(const fz_node *rec, const char *key,
    const char *helper);
/* A cell of a table widget: its text, num for a number (aligned right),
 * period for a date. */
fz_node *fz_render__cell(fz_arena *a, const char *text, int num, int period);
/* A table: the heads (a leading '#' marks a number column), the
 * caption, no rows yet; fz_render__table_row_add appends a row of
 * cells (a list of fz_render__cell). */
fz_node *fz_render__table_new(fz_arena *a, const char *const *heads,
    const char *caption);
void fz_render__table_row_add(fz_arena *a, fz_node *t, fz_node *cells);
/* Push onto cells the cell of fz_render__text_of(rec, key, helper). */
void fz_render__cell_add(fz_arena *a, fz_node *cells, const fz_node *rec,
    const char *key, const char *helper, int num, int period);

/* certificates: the 持证率 of the inspectors documents on the last day
 * of the first tally (else metrics document), in root; nothing when the
 * roster records no certificate or no document gives the period
 * (render_certs.c). */
void fz_render__certificates(fz_render_ctx *c, fz_node *root);
/* statistics: the tables of the yearly enforcement statistics from what
 * root holds, for -t statistics (render_stats.c). */
void fz_render__statistics(fz_render_ctx *c, fz_node *root);
/* The statistics tables of root as grids of ts, the first a document of
 * its own. */
void fz_render__statistics_grids(const fz_node *root, fz_table_set *ts);
/* What the statistics refuse to be filled from (render_stats_check.c):
 * a tally or metrics document of another period than the first tally's,
 * a filtered tally or metrics document where the yearbook needs all the
 * records, a tally by type not of the bureau's inspections alone.
 * FZ_OK, or FZ_DATAERR at the document, saying what to give instead. */
int fz_render__statistics_check(const fz_render_ctx *c, fz_error *err);
/* Every record of the inspectors document doc decodes: FZ_OK, or
 * FZ_DATAERR with err at the first that does not. */
int fz_render__roster_check(fz_node *doc, fz_error *err);

/* KEY_yuan ("1250.50") and KEY_wan (万元, "0.13") of money v beside it
 * in map; 1 when key holds money (fines, a case's fine). */
void fz_render__money(fz_arena *a, fz_node *map, const char *key, fz_node *v);
/* Money v as a text of yuan with two places, NULL when not money. */
fz_node *fz_render__yuan(fz_arena *a, const fz_node *v);
int fz_render__is_money(const char *key);
/* index (from 1), first and last in each mapping of a list. */
void fz_render__list_flags(fz_arena *a, fz_node *seq);
/* KEY_count of a list in map; KEY_by_key for a list of mappings with
 * key:; KEY_label for a list of enumeration values, joined with 、. */
void fz_render__seq_helpers(fz_arena *a, fz_render_ctx *lazy, fz_node *map, const char *key,
    fz_node *seq);
/* Add the helpers everywhere below n (render_helpers.c), at depth.
 * With lazy, a list is noted as a lazy one of lazy instead (when
 * note, or when it is one already) and its items are left as they
 * are. */
void fz_render__walk(fz_arena *a, fz_render_ctx *lazy, int note,
    fz_node *n, int depth);
/* index, first and last of item i of n items. */
void fz_render__item_flags(fz_arena *a, fz_node *item, size_t i, size_t n);

/* The helpers of a tally: groups, columns, each row's cells and group,
 * the totals' cells, a chart per indicator. */
void fz_render__tally(fz_render_ctx *c, fz_node *doc);
/* With a lazy context: the cells and group of a tally's row, and the
 * bar of row i of a chart (render_kinds.c). */
void fz_render__tally_row(fz_arena *a, fz_node *row, const fz_node *cols,
    const fz_node *by);
fz_node *fz_render__bar(fz_arena *a, const fz_render__lazy_list *l,
    size_t i);
/* Row r of table t as the table widgets have it, made in a. */
fz_node *fz_render__table_row(fz_render_ctx *c, fz_arena *a,
    const fz_table *t, size_t r);
/* The venue book (一店一本): each entity of the directory documents
 * that w keeps (NULL: every one), with its inspections and cases and
 * their tables (render_venues.c). */
fz_node *fz_render__venues(fz_render_ctx *c, fz_where *w);
/* The helpers of a casefile document: timeline_table and rule_table of
 * each case, summary_table of its summary (render_casefile.c). */
void fz_render__casefile(fz_arena *a, fz_node *doc);
/* Pair the previous documents with the documents and put KEY_yoy
 * into these (once): FZ_OK, or FZ_DATAERR with err at the previous one
 * refused (render_yoy.c). */
int fz_render__yoy(fz_render_ctx *c, fz_error *err);
/* KEY_yoy beside each figure of cur that prev has too. */
void fz_render__yoy_doc(fz_arena *a, fz_node *cur, const fz_node *prev);
/* The helpers of a draw: its teams, each with its selections. */
void fz_render__draw(fz_arena *a, fz_node *doc);
/* The tables of doc as CSV and xlsx show them, made from doc as it came
 * (before any helper), the first at *at of the context's tableset.
 * FZ_OK, or FZ_DATAERR when a kind has the wrong shape. */
int fz_render__tables_make(fz_render_ctx *c, const fz_node *doc, size_t *at,
    fz_error *err);
/* tables: those tables as nodes, put into doc (after the helpers, which
 * they need none of). */
void fz_render__tables_put(fz_render_ctx *c, fz_node *doc, size_t at);

/* ------------------------------------------------------------ mustache */

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
	const char *builtin;	/* its name when built in, else NULL */
};

#endif
