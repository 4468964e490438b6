/* test_reader.c - the streaming document reader over files (lib/reader.c):
 * records one by one, kinds, positions, limits and refusals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core_fixture.h"

/* Each test has a scratch directory and up to twelve files in it. */
struct fx {
	char *dir;
	char *paths[12];
	int n;
	fz_stream *s;
	char *text;		/* a test's text, freed even when it fails */
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->dir = fx_tmpdir();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	fz_stream_close(f->s);
	free(f->text);
	for (int i = 0; i < f->n; i++)
		free(f->paths[i]);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

static const char *
add_file(struct fx *f, const char *text, size_t len)
{
	char name[32];

	snprintf(name, sizeof name, "in%d.yaml", f->n);
	f->paths[f->n] = fx_write(f->dir, name, text, len);
	return f->paths[f->n++];
}

/* A stream over one file holding text. */
static fz_stream *
open_text(struct fx *f, const char *text, unsigned flags)
{
	add_file(f, text, strlen(text));
	f->s = fz_stream_open(f->paths, f->n, flags);
	assert_non_null(f->s);
	return f->s;
}

static void
next_ok(fz_stream *s, fz_event *ev)
{
	fz_error err = { 0 };
	int rc = fz_stream_next(s, ev, &err);

	if (rc != FZ_OK)
		fail_msg("fz_stream_next gave %d: %s:%u:%u: %s", rc, err.file,
		    err.line, err.col, err.msg);
	if (ev->type == FZ_EV_END)
		fail_msg("fz_stream_next gave the end");
}

static void
at_end(fz_stream *s)
{
	fz_event ev;
	fz_error err = { 0 };

	/* The end, and again the end. */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(fz_stream_next(s, &ev, &err), FZ_OK);
		assert_int_equal(ev.type, FZ_EV_END);
		assert_int_equal(ev.kind, FZ_KIND_NONE);
		assert_null(ev.kind_name);
		assert_null(ev.node);
		assert_null(ev.file);
	}
}

/* Read until the stream fails; the error must be status at line:col
 * (0: not checked) with msg in its message. */
static void
fails_with(fz_stream *s, int status, unsigned line, unsigned col,
    const char *msg)
{
	fz_event ev;
	fz_error err = { 0 };
	int rc, n = 0;

	while ((rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		assert_true(++n < 1000);
	if (rc != status)
		fail_msg("status %d, not %d (%s)", rc, status, err.msg);
	assert_int_equal(err.status, status);
	if (line != 0)
		assert_int_equal(err.line, line);
	if (col != 0)
		assert_int_equal(err.col, col);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("message '%s' lacks '%s'", err.msg, msg);
}

static void
text_fails_with(struct fx *f, const char *text, unsigned flags, int status,
    unsigned line, unsigned col, const char *msg)
{
	fails_with(open_text(f, text, flags), status, line, col, msg);
}

static void
assert_scalar(const fz_node *n, const char *s, unsigned line, unsigned col)
{
	assert_non_null(n);
	assert_int_equal(n->type, FZ_SCALAR);
	assert_string_equal(n->str, s);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
}

static const char inspections[] =
	"kind: inspections\n"
	"version: 1\n"
	"records:\n"
	"  - date: 2019-03-05\n"
	"    entity: E1\n"
	"  - {date: 2019-03-06, entity: E2}\n";

static void
test_records_one_by_one_then_the_document(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, inspections, 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_int_equal(ev.kind, FZ_KIND_INSPECTIONS);
	assert_string_equal(ev.kind_name, "inspections");
	assert_string_equal(ev.file, f->paths[0]);
	assert_int_equal(ev.index, 0);
	assert_int_equal(ev.doc_line, 1);
	assert_int_equal(ev.doc_col, 1);
	assert_int_equal(ev.node->type, FZ_MAP);
	assert_int_equal(ev.node->n, 2);
	assert_string_equal(ev.node->file, f->paths[0]);
	assert_scalar(fz_node_get(ev.node, "entity"), "E1", 5, 13);
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_int_equal(ev.index, 1);
	assert_scalar(fz_node_get(ev.node, "entity"), "E2", 6, 32);
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.kind, FZ_KIND_INSPECTIONS);
	assert_scalar(fz_node_get(ev.node, "version"), "1", 2, 10);
	assert_scalar(fz_node_get(ev.node, "kind"), "inspections", 1, 7);
	/* The records went by one by one; the document does not hold them. */
	assert_null(fz_node_get(ev.node, "records"));
	at_end(s);
	assert_int_equal(fz_stream_count(s, FZ_KIND_INSPECTIONS), 2);
	assert_non_null(fz_stream_arena(s));
}

static void
test_positions_of_records(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, inspections, 0);
	fz_event ev;

	next_ok(s, &ev);
	/* The record's mapping begins at its first key. */
	assert_int_equal(ev.node->line, 4);
	assert_int_equal(ev.node->col, 5);
	assert_scalar(ev.node->kids[0], "date", 4, 5);
	assert_scalar(ev.node->kids[1], "2019-03-05", 4, 11);
	next_ok(s, &ev);
	assert_int_equal(ev.node->line, 6);
	assert_int_equal(ev.node->col, 5);
	assert_scalar(ev.node->kids[1], "2019-03-06", 6, 12);
}

static void
test_kind_after_records_is_buffered(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "records:\n"
	    "  - {id: C1, filed: 2019-01-02}\n"
	    "  - {id: C2, filed: 2019-01-03}\n"
	    "kind: cases\n", 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_int_equal(ev.kind, FZ_KIND_CASES);
	assert_int_equal(ev.index, 0);
	assert_scalar(fz_node_get(ev.node, "id"), "C1", 2, 10);
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_int_equal(ev.index, 1);
	assert_scalar(fz_node_get(ev.node, "id"), "C2", 3, 10);
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.kind, FZ_KIND_CASES);
	assert_null(fz_node_get(ev.node, "records"));
	at_end(s);
	assert_int_equal(fz_stream_count(s, FZ_KIND_CASES), 2);
}

static void
test_document_without_kind_is_refused(void **state)
{
	text_fails_with(*state, "version: 1\nrecords: []\n", 0, FZ_DATAERR,
	    1, 1, "document has no kind");
}

static void
test_document_without_kind_with_any_kind(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "year: 2019\nrecords:\n  - {a: 1}\n  - {a: 2}\n",
	    FZ_STREAM_ANY_KIND);
	fz_event ev;
	const fz_node *recs;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.kind, FZ_KIND_NONE);
	assert_null(ev.kind_name);
	assert_scalar(fz_node_get(ev.node, "year"), "2019", 1, 7);
	/* Without a record kind, records is an ordinary key. */
	recs = fz_node_get(ev.node, "records");
	assert_non_null(recs);
	assert_int_equal(recs->type, FZ_SEQ);
	assert_int_equal(recs->n, 2);
	at_end(s);
}

/* A mapping and a list as read hold just their items; adding to them
 * moves them, and leaves what was read after them alone. */
static void
test_read_nodes_grow(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, "m: {a: 1, b: 2, c: 3}\nn: x\n"
	    "l: [1, 2]\no: y\n", FZ_STREAM_ANY_KIND);
	fz_event ev;
	fz_node *m, *l, was[8];

	next_ok(s, &ev);
	m = fz_node_get(ev.node, "m");
	l = fz_node_get(ev.node, "l");
	assert_non_null(m);
	assert_non_null(l);
	assert_int_equal(ev.node->n, 4);
	for (size_t i = 0; i < 8; i++)
		was[i] = *ev.node->kids[i];
	fz_node_put(ev.arena, m, "d", fz_node_scalar(ev.arena, "4", 1));
	fz_node_push(ev.arena, l, fz_node_scalar(ev.arena, "3", 1));
	for (int i = 0; i < 4; i++)
		fz_node_push(ev.arena, l, fz_node_scalar(ev.arena, "9", 1));
	assert_int_equal(m->n, 4);
	assert_scalar(fz_node_get(m, "a"), "1", 1, 8);
	assert_scalar(fz_node_get(m, "c"), "3", 1, 20);
	assert_string_equal(fz_node_get(m, "d")->str, "4");
	assert_int_equal(l->n, 7);
	assert_scalar(l->kids[1], "2", 3, 8);
	assert_string_equal(l->kids[2]->str, "3");
	/* The keys and values read after each, where room kept for more
	 * items would have been. */
	for (size_t i = 0; i < 8; i++) {
		const fz_node *k = ev.node->kids[i];
		if (k == m || k == l)
			continue;
		assert_int_equal(k->type, was[i].type);
		assert_int_equal(k->line, was[i].line);
		assert_int_equal(k->col, was[i].col);
		assert_ptr_equal(k->file, was[i].file);
	}
	assert_scalar(fz_node_get(ev.node, "n"), "x", 2, 4);
	assert_scalar(fz_node_get(ev.node, "o"), "y", 4, 4);
	at_end(s);
}

static void
test_unknown_kind_is_refused(void **state)
{
	text_fails_with(*state, "kind: inspection\nrecords: []\n", 0,
	    FZ_DATAERR, 1, 7, "unknown kind 'inspection'");
}

static void
test_unknown_kind_with_any_kind(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, "kind: report\nrecords: [{a: 1}]\n",
	    FZ_STREAM_ANY_KIND);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.kind, FZ_KIND_NONE);
	assert_string_equal(ev.kind_name, "report");
	assert_int_equal(fz_node_get(ev.node, "records")->n, 1);
	at_end(s);
	assert_int_equal(fz_stream_count(s, FZ_KIND_NONE), 0);
}

static void
test_kind_must_be_a_name(void **state)
{
	text_fails_with(*state, "kind: [a]\n", FZ_STREAM_ANY_KIND,
	    FZ_DATAERR, 1, 7, "kind must be the name of a kind");
}

static void
test_empty_documents_are_nothing(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "---\n"
	    "---\n"
	    "# only a comment\n"
	    "---\n"
	    "kind: plan\n"
	    "task: T\n"
	    "...\n"
	    "---\n", 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.kind, FZ_KIND_PLAN);
	assert_int_equal(ev.doc_line, 5);
	assert_int_equal(ev.doc_col, 1);
	assert_string_equal(fz_node_get(ev.node, "task")->str, "T");
	at_end(s);
}

static void
test_empty_file_and_empty_records(void **state)
{
	struct fx *f = *state;
	fz_event ev;

	add_file(f, "", 0);
	add_file(f, "kind: cases\nrecords: []\n---\nkind: cases\nrecords:\n",
	    strlen("kind: cases\nrecords: []\n---\nkind: cases\nrecords:\n"));
	f->s = fz_stream_open(f->paths, f->n, 0);
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.doc_line, 1);
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.doc_line, 4);
	at_end(f->s);
	assert_int_equal(fz_stream_count(f->s, FZ_KIND_CASES), 0);
}

static void
test_document_must_be_a_mapping(void **state)
{
	text_fails_with(*state, "- a\n- b\n", FZ_STREAM_ANY_KIND, FZ_DATAERR,
	    1, 1, "a document must be a mapping");
}

static void
test_scalar_document_is_refused(void **state)
{
	text_fails_with(*state, "--- hello\n", FZ_STREAM_ANY_KIND, FZ_DATAERR,
	    1, 5, "a document must be a mapping");
}

static void
test_files_in_order(void **state)
{
	struct fx *f = *state;
	fz_event ev;

	add_file(f, inspections, strlen(inspections));
	add_file(f, "kind: cases\nrecords:\n  - {id: C1}\n---\nkind: calendar\n"
	    "holidays: [2019-10-01]\n", strlen("kind: cases\nrecords:\n  - "
	    "{id: C1}\n---\nkind: calendar\nholidays: [2019-10-01]\n"));
	add_file(f, "kind: inspections\nrecords: [{entity: E3}]\n",
	    strlen("kind: inspections\nrecords: [{entity: E3}]\n"));
	f->s = fz_stream_open(f->paths, f->n, 0);
	next_ok(f->s, &ev);
	assert_string_equal(ev.file, f->paths[0]);
	assert_string_equal(fz_node_get(ev.node, "entity")->str, "E1");
	next_ok(f->s, &ev);
	assert_string_equal(fz_node_get(ev.node, "entity")->str, "E2");
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	next_ok(f->s, &ev);
	assert_string_equal(ev.file, f->paths[1]);
	assert_int_equal(ev.kind, FZ_KIND_CASES);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_int_equal(ev.index, 0);
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	next_ok(f->s, &ev);
	assert_int_equal(ev.kind, FZ_KIND_CALENDAR);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_int_equal(ev.doc_line, 5);
	assert_int_equal(fz_node_get(ev.node, "holidays")->n, 1);
	next_ok(f->s, &ev);
	assert_string_equal(ev.file, f->paths[2]);
	assert_string_equal(fz_node_get(ev.node, "entity")->str, "E3");
	assert_int_equal(ev.index, 0);
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	at_end(f->s);
	assert_int_equal(fz_stream_count(f->s, FZ_KIND_INSPECTIONS), 3);
	assert_int_equal(fz_stream_count(f->s, FZ_KIND_CASES), 1);
	assert_int_equal(fz_stream_count(f->s, FZ_KIND_CALENDAR), 0);
	assert_int_equal(fz_stream_count(f->s, FZ_KIND_NONE), 0);
}

static void
test_missing_file(void **state)
{
	struct fx *f = *state;
	fz_event ev;
	fz_error err = { 0 };

	add_file(f, "kind: plan\n", strlen("kind: plan\n"));
	f->paths[f->n] = malloc(strlen(f->dir) + 32);
	sprintf(f->paths[f->n++], "%s/missing.yaml", f->dir);
	f->s = fz_stream_open(f->paths, f->n, 0);
	next_ok(f->s, &ev);
	assert_int_equal(ev.kind, FZ_KIND_PLAN);
	assert_int_equal(fz_stream_next(f->s, &ev, &err), FZ_NOINPUT);
	assert_int_equal(err.status, FZ_NOINPUT);
	assert_string_equal(err.file, f->paths[1]);
	assert_int_equal(err.line, 0);
	assert_true(strncmp(err.msg, "cannot open", 11) == 0);
}

static void
test_directory_is_not_an_input(void **state)
{
	struct fx *f = *state;
	fz_event ev;
	fz_error err = { 0 };

	f->paths[f->n++] = strdup(f->dir);
	f->s = fz_stream_open(f->paths, f->n, 0);
	assert_int_equal(fz_stream_next(f->s, &ev, &err), FZ_NOINPUT);
	assert_string_equal(err.file, f->dir);
	assert_true(strncmp(err.msg, "cannot open", 11) == 0);
}

static void
test_bom_and_crlf(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "\xEF\xBB\xBFkind: inspections\r\n"
	    "records:\r\n"
	    "  - {date: 2019-03-05, entity: 网吧一}\r\n"
	    "  - date: 2019-03-06\r\n"
	    "    entity: E2\r\n", 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_scalar(fz_node_get(ev.node, "entity"), "网吧一", 3, 32);
	next_ok(s, &ev);
	assert_scalar(fz_node_get(ev.node, "entity"), "E2", 5, 13);
	next_ok(s, &ev);
	assert_scalar(fz_node_get(ev.node, "kind"), "inspections", 1, 7);
	at_end(s);
}

static void
test_aliases_are_refused(void **state)
{
	text_fails_with(*state,
	    "kind: inspections\n"
	    "records:\n"
	    "  - &r {entity: E1}\n"
	    "  - *r\n", 0, FZ_DATAERR, 4, 5, "aliases (*name) are not accepted");
}

static void
test_aliases_in_a_document_are_refused(void **state)
{
	text_fails_with(*state,
	    "kind: plan\n"
	    "a: &x [1, 2]\n"
	    "b: {c: *x}\n", 0, FZ_DATAERR, 3, 8, "aliases");
}

/* Close the stream and forget the files, for a test of many texts. */
static void
forget(struct fx *f)
{
	fz_stream_close(f->s);
	f->s = NULL;
	for (int i = 0; i < f->n; i++)
		free(f->paths[i]);
	f->n = 0;
}

/* A merge key would bring keys in from elsewhere: refused at the key,
 * in a record and in a document; a quoted << is a key like any other. */
static void
test_merge_keys_are_refused(void **state)
{
	struct fx *f = *state;
	fz_event ev;

	text_fails_with(f,
	    "kind: inspections\n"
	    "records:\n"
	    "  - entity: E1\n"
	    "    <<: {result: violation}\n", 0, FZ_DATAERR, 4, 5,
	    "merge keys (<<) are not accepted");
	forget(f);
	text_fails_with(f, "kind: plan\n<<: {task: T}\n", 0, FZ_DATAERR, 2, 1,
	    "merge keys");
	forget(f);
	open_text(f, "kind: plan\n\"<<\": {task: T}\n", 0);
	next_ok(f->s, &ev);
	assert_non_null(fz_node_get(ev.node, "<<"));
}

/* A tag other than a scalar's !!str is refused at the tag: on a scalar,
 * a list, a mapping, a document, and through a %TAG handle. */
static void
test_tags_are_refused(void **state)
{
	static const char *const texts[] = {
		"kind: cases\nrecords:\n  - {fine: !!int 3}\n",
		"kind: cases\nrecords:\n  - {fine: !!binary MzAw}\n",
		"kind: cases\nrecords:\n  - {fine: !!python/object:x {}}\n",
		"kind: cases\nrecords:\n  - {fine: !mine 3}\n",
		"kind: cases\nrecords:\n  - {fine: ! 3}\n",
		"kind: cases\nrecords:\n  - {fine: !!seq [3]}\n",
		"kind: cases\nrecords:\n  - {fine: !!map {a: 3}}\n",
		"kind: cases\nrecords:\n  - {fine: !!str 3, !!int x: 3}\n",
	};
	struct fx *f = *state;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		text_fails_with(f, texts[i], 0, FZ_DATAERR, 3,
		    strstr(texts[i], "!!int x") != NULL ? 21 : 12,
		    "tags (!!int, !!binary, !name ...) are not accepted");
		forget(f);
	}
	text_fails_with(f, "--- !!map\nkind: cases\n", 0, FZ_DATAERR, 1, 5,
	    "tags");
	forget(f);
	text_fails_with(f, "kind: cases\nrecords: !!seq []\n", 0,
	    FZ_DATAERR, 2, 10, "tags");
	forget(f);
	text_fails_with(f, "%TAG !e! tag:example.com,2019:\n---\n"
	    "kind: cases\nrecords:\n  - !e!case {id: C1}\n", 0, FZ_DATAERR,
	    5, 5, "tags");
}

/* A record whose value x is depth nested flow lists holding 1. */
static char *
nested(int depth)
{
	size_t size = (size_t)depth * 2 + 64;
	char *text = malloc(size), *p = text;

	p += sprintf(p, "kind: cases\nrecords:\n  - {x: ");
	for (int i = 0; i < depth; i++)
		*p++ = '[';
	*p++ = '1';
	for (int i = 0; i < depth; i++)
		*p++ = ']';
	strcpy(p, "}\n");
	return text;
}

static void
test_deep_nesting_is_refused(void **state)
{
	struct fx *f = *state;
	/* Document, records, record and 62 lists: 65 levels. */
	char *text = f->text = nested(62);

	text_fails_with(f, text, 0, FZ_DATAERR, 3, 0,
	    "nesting deeper than the limit of 64 levels");
}

static void
test_very_deep_nesting_is_refused_not_crashed(void **state)
{
	struct fx *f = *state;
	char *text = f->text = nested(100000);

	text_fails_with(f, text, 0, FZ_DATAERR, 3, 0, "nesting deeper");
}

static void
test_nesting_within_the_limit(void **state)
{
	struct fx *f = *state;
	char *text = f->text = nested(40);
	fz_stream *s = open_text(f, text, 0);
	fz_event ev;
	const fz_node *n;
	int depth = 0;

	next_ok(s, &ev);
	for (n = fz_node_get(ev.node, "x"); n->type == FZ_SEQ; n = n->kids[0])
		depth++;
	assert_int_equal(depth, 40);
	assert_string_equal(n->str, "1");
}

/* The limit counts collections: a scalar inside the 64th is no level. */
static void
test_nesting_of_64_collections_is_accepted(void **state)
{
	struct fx *f = *state;
	/* Document, records, record and 61 lists: 64 collections, the
	 * limit FZ_MAX_DEPTH names, with a scalar in the innermost. */
	char *text = f->text = nested(61);
	fz_stream *s = open_text(f, text, 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
}

/* A record {x: "aaa..."} whose scalar has len bytes. */
static char *
long_scalar(size_t len)
{
	char *text = malloc(len + 64), *p = text;

	p += sprintf(p, "kind: cases\nrecords:\n  - x: ");
	memset(p, 'a', len);
	strcpy(p + len, "\n");
	return text;
}

static void
test_scalar_over_1mib_is_refused(void **state)
{
	struct fx *f = *state;
	char *text = f->text = long_scalar(FZ_MAX_SCALAR + 1);

	text_fails_with(f, text, 0, FZ_DATAERR, 3, 8,
	    "scalar of 1048577 bytes is longer than the limit of 1048576");
}

static void
test_scalar_of_1mib_is_accepted(void **state)
{
	struct fx *f = *state;
	char *text = f->text = long_scalar(FZ_MAX_SCALAR);
	fz_stream *s = open_text(f, text, 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(fz_node_get(ev.node, "x")->len, FZ_MAX_SCALAR);
}

static void
test_duplicate_key_in_a_record(void **state)
{
	text_fails_with(*state,
	    "kind: inspections\n"
	    "records:\n"
	    "  - date: 2019-03-05\n"
	    "    entity: E1\n"
	    "    date: 2019-03-06\n", 0, FZ_DATAERR, 5, 5,
	    "duplicate key in mapping");
}

static void
test_duplicate_key_in_a_document(void **state)
{
	text_fails_with(*state, "kind: plan\ntask: a\ntask: b\n", 0,
	    FZ_DATAERR, 3, 1, "duplicate key");
}

static void
test_duplicate_key_nested(void **state)
{
	text_fails_with(*state, "kind: plan\nteam: {size: 2, size: 3}\n", 0,
	    FZ_DATAERR, 2, 17, "duplicate key");
}

/* A second records: key, after records streamed without being put into
 * the document. */
static void
test_duplicate_records_key(void **state)
{
	text_fails_with(*state,
	    "kind: cases\n"
	    "records:\n"
	    "  - {id: C1, filed: 2019-01-02}\n"
	    "records:\n"
	    "  - {id: C2, filed: 2019-01-03}\n", 0, FZ_DATAERR, 4, 1,
	    "duplicate key");
}

/* A second records: key while the first is kept aside until kind:. */
static void
test_duplicate_records_key_before_kind(void **state)
{
	text_fails_with(*state,
	    "records:\n"
	    "  - {id: C1, filed: 2019-01-02}\n"
	    "records:\n"
	    "  - {id: C2, filed: 2019-01-03}\n"
	    "kind: cases\n", FZ_STREAM_KEEP, FZ_DATAERR, 3, 1,
	    "duplicate key");
}

static void
test_invalid_utf8_is_refused(void **state)
{
	text_fails_with(*state,
	    "kind: inspections\n"
	    "records:\n"
	    "  - {entity: \"a\xff\"}\n", 0, FZ_DATAERR, 3, 16, "");
}

static void
test_invalid_utf8_sequences(void **state)
{
	static const char *const bad[] = {
		"kind: plan\nname: \xc0\xaf\n",		/* overlong */
		"kind: plan\nname: \xed\xa0\x80\n",	/* surrogate */
		"kind: plan\nname: \xe7\xbd\n",		/* cut short */
		"kind: plan\nname: \x80\n",		/* lone continuation */
	};
	struct fx *f = *state;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		fz_stream_close(f->s);
		f->s = NULL;
		free(f->paths[0]);
		f->n = 0;
		text_fails_with(f, bad[i], 0, FZ_DATAERR, 2, 0, "");
	}
}

static void
test_syntax_error_has_a_position(void **state)
{
	text_fails_with(*state, "kind: plan\ntask: [a, b\nseed: 1\n", 0,
	    FZ_DATAERR, 0, 0, "");
}

static void
test_record_must_be_a_mapping(void **state)
{
	text_fails_with(*state, "kind: cases\nrecords:\n  - {id: C1}\n  - C2\n",
	    0, FZ_DATAERR, 4, 5, "a record must be a mapping");
}

static void
test_buffered_record_must_be_a_mapping(void **state)
{
	text_fails_with(*state, "records: [C2]\nkind: cases\n", 0,
	    FZ_DATAERR, 1, 11, "a record must be a mapping");
}

/* A key typed with a full-width colon, in block style: whatever libyaml
 * or the reader would have said, the hint, at the colon. */
static void
test_full_width_colon(void **state)
{
	static const struct {
		const char *text;
		unsigned line, col;
		const char *quoted;
	} cases[] = {
		/* The record's first line: key, value and the next key run
		 * into one scalar, the record. */
		{ "kind: inspections\nrecords:\n  - date：2019-03-01\n"
		    "    type: routine\n", 3, 9, "'date：2019-03-01 type'" },
		/* Alone, the record is that scalar. */
		{ "kind: inspections\nrecords:\n  - date：2019-03-01\n", 3, 9,
		    "'date：2019-03-01'" },
		/* Mid-mapping and last: the simple key that found no ':'. */
		{ "kind: inspections\nrecords:\n  - type: routine\n"
		    "    date：2019-03-01\n    result: ok\n", 4, 9,
		    "'date：2019-03-01'" },
		{ "kind: inspections\nrecords:\n  - date: 2019-03-01\n"
		    "    result：ok\n    town: x\n", 4, 11, "'result：ok'" },
		{ "kind: inspections\nrecords:\n  - date: 2019-03-01\n"
		    "    result：ok\n", 4, 11, "'result：ok'" },
		{ "kind: inspections\nrecords:\n  - date: 2019-03-01\n"
		    "    result： ok\n", 4, 11, "'result： ok'" },
		/* A nested value run on into its next line. */
		{ "kind: inspections\nrecords:\n  - date: 2019-03-01\n"
		    "    items:\n      a：1\n      b: 2\n", 5, 8, "'a：1 b'" },
		/* The document's own keys. */
		{ "kind：inspections\nrecords: []\n", 1, 5,
		    "'kind：inspections records'" },
		{ "kind: plan\nteam：\n  size: 3\n", 2, 5, "'team： size'" },
		{ "{kind：inspections, records: []}\n", 1, 1, "'kind：inspections'" },
	};
	struct fx *f = *state;
	char want[128];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		snprintf(want, sizeof want, "full-width colon ： in %s",
		    cases[i].quoted);
		fz_stream_close(f->s);
		f->s = NULL;
		for (int k = 0; k < f->n; k++)
			free(f->paths[k]);
		f->n = 0;
		text_fails_with(f, cases[i].text, 0, FZ_DATAERR, cases[i].line,
		    cases[i].col, want);
	}
}

/* A value holding ： is a value; an error after it is libyaml's own. */
static void
test_full_width_colon_in_a_value(void **state)
{
	struct fx *f = *state;
	fz_event ev;

	open_text(f, "kind: entities\nrecords:\n  - id: E1\n"
	    "    name: 地址：海曙\n", 0);
	next_ok(f->s, &ev);
	assert_scalar(fz_node_get(ev.node, "name"), "地址：海曙", 4, 11);
	fz_stream_close(f->s);
	f->s = NULL;
	free(f->paths[0]);
	f->n = 0;
	text_fails_with(f, "kind: entities\nrecords:\n  - id: E1\n"
	    "    name: 地址：海曙\n     x: [1\n", 0, FZ_DATAERR, 0, 0,
	    "mapping values are not allowed");
}

static void
test_records_must_be_a_list(void **state)
{
	text_fails_with(*state, "kind: cases\nrecords: 5\n", 0, FZ_DATAERR,
	    2, 10, "records must be a list");
}

static void
test_keep_holds_records_under_records(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, inspections, FZ_STREAM_KEEP);
	fz_event ev;
	const fz_node *first, *second, *recs;

	next_ok(s, &ev);
	first = ev.node;
	next_ok(s, &ev);
	second = ev.node;
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	recs = fz_node_get(ev.node, "records");
	assert_non_null(recs);
	assert_int_equal(recs->type, FZ_SEQ);
	assert_int_equal(recs->n, 2);
	assert_ptr_equal(recs->kids[0], first);
	assert_ptr_equal(recs->kids[1], second);
	/* The first record is still whole after the second was read. */
	assert_string_equal(fz_node_get(first, "entity")->str, "E1");
	assert_string_equal(fz_node_get(second, "entity")->str, "E2");
	at_end(s);
}

static void
test_keep_arena_taken_outlives_the_stream(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, inspections, FZ_STREAM_KEEP);
	fz_event ev;
	const fz_node *first, *doc;
	fz_arena *a;

	next_ok(s, &ev);
	first = ev.node;
	next_ok(s, &ev);
	next_ok(s, &ev);
	doc = ev.node;
	at_end(s);
	a = fz_stream_take_arena(s);
	assert_non_null(a);
	fz_stream_close(s);
	f->s = NULL;
	/* Every node read is the taker's now, the stream gone. */
	assert_string_equal(fz_node_get(first, "entity")->str, "E1");
	assert_int_equal(fz_node_get(doc, "records")->n, 2);
	fz_arena_free(a);
}

static void
test_share_keys_makes_alike_keys_one_node(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, "kind: tally\nrows:\n"
	    "- {month: 2019-01, visits: 1, \"visits2\": 2}\n"
	    "- {month: 2019-02, visits: 3, visits2: 4}\n",
	    FZ_STREAM_KEEP | FZ_STREAM_SHARE_KEYS);
	fz_event ev;
	const fz_node *rows, *a, *b;

	next_ok(s, &ev);
	rows = fz_node_get(ev.node, "rows");
	a = rows->kids[0];
	b = rows->kids[1];
	/* One node per key text, where it was first met; a quoted key is
	 * another. */
	assert_ptr_equal(a->kids[0], b->kids[0]);
	assert_ptr_equal(a->kids[2], b->kids[2]);
	assert_ptr_not_equal(a->kids[4], b->kids[4]);
	assert_int_equal(b->kids[0]->line, 3);
	/* Values are each their own. */
	assert_string_equal(fz_node_get(b, "visits")->str, "3");
	assert_int_equal(fz_node_get(b, "visits")->line, 4);
	at_end(s);
}

static void
test_built_collections_grow_after(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, "kind: plan\nm: {a: 1, b: 2, c: 3, d: 4, "
	    "e: 5}\nl: [1, 2, 3, 4, 5]\n", 0);
	fz_event ev;
	fz_node *m, *l;
	char key[16];

	next_ok(s, &ev);
	m = fz_node_get(ev.node, "m");
	l = fz_node_get(ev.node, "l");
	assert_int_equal(m->n, 5);
	assert_int_equal(l->n, 5);
	assert_string_equal(fz_node_get(m, "e")->str, "5");
	assert_string_equal(l->kids[4]->str, "5");
	/* Each kids array has the room fz_node_put and fz_node_push take
	 * it to have: what they add keeps what was read. */
	for (int i = 0; i < 40; i++) {
		snprintf(key, sizeof key, "k%d", i);
		fz_node_put(ev.arena, m, key, l->kids[i % 5]);
		fz_node_push(ev.arena, l, m->kids[1]);
	}
	assert_int_equal(m->n, 45);
	assert_string_equal(fz_node_get(m, "a")->str, "1");
	assert_string_equal(fz_node_get(m, "e")->str, "5");
	assert_string_equal(fz_node_get(m, "k39")->str, "5");
	assert_string_equal(l->kids[0]->str, "1");
	assert_string_equal(l->kids[44]->str, "1");
	at_end(s);
}

static void
test_no_arena_taken_without_keep(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f, inspections, 0);

	assert_null(fz_stream_take_arena(s));
}

static void
test_keep_across_documents_and_buffered(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "kind: cases\nrecords: [{id: C1}]\n"
	    "---\nrecords: [{id: C2}, {id: C3}]\nkind: cases\n",
	    FZ_STREAM_KEEP);
	fz_event ev;
	const fz_node *doc1, *doc2;

	next_ok(s, &ev);
	next_ok(s, &ev);
	doc1 = ev.node;
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_RECORD);
	assert_string_equal(fz_node_get(ev.node, "id")->str, "C2");
	next_ok(s, &ev);
	next_ok(s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	doc2 = ev.node;
	at_end(s);
	assert_string_equal(fz_node_get(fz_node_get(doc1, "records")->kids[0],
	    "id")->str, "C1");
	assert_int_equal(fz_node_get(doc2, "records")->n, 2);
	assert_string_equal(fz_node_get(fz_node_get(doc2, "records")->kids[1],
	    "id")->str, "C3");
	assert_int_equal(fz_stream_count(s, FZ_KIND_CASES), 3);
}

struct tapped {
	char *buf[4];
	size_t len[4];
	size_t calls;
};

static void
tap(void *ctx, size_t file_index, const void *buf, size_t len)
{
	struct tapped *t = ctx;

	assert_true(file_index < 4);
	t->buf[file_index] = realloc(t->buf[file_index],
	    t->len[file_index] + len);
	memcpy(t->buf[file_index] + t->len[file_index], buf, len);
	t->len[file_index] += len;
	t->calls++;
}

static void
test_tap_sees_every_byte(void **state)
{
	struct fx *f = *state;
	struct tapped t = { { 0 }, { 0 }, 0 };
	char *big = f->text = long_scalar(300000);
	fz_event ev;
	fz_error err;
	int rc;

	add_file(f, inspections, strlen(inspections));
	add_file(f, big, strlen(big));
	add_file(f, "", 0);
	add_file(f, "kind: plan\n# trailing comment\n\n",
	    strlen("kind: plan\n# trailing comment\n\n"));
	f->s = fz_stream_open(f->paths, f->n, 0);
	fz_stream_set_tap(f->s, tap, &t);
	while ((rc = fz_stream_next(f->s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		;
	assert_int_equal(rc, 0);
	for (int i = 0; i < f->n; i++) {
		size_t len;
		char *want = fx_slurp(f->paths[i], &len);

		assert_int_equal(t.len[i], len);
		if (len > 0)
			assert_memory_equal(t.buf[i], want, len);
		free(want);
		free(t.buf[i]);
	}
	assert_true(t.calls >= 3);
}

struct progress {
	uint64_t done, total;
	int calls;
};

static void
progress(void *ctx, uint64_t done, uint64_t total)
{
	struct progress *p = ctx;

	assert_true(done >= p->done);
	p->done = done;
	p->total = total;
	p->calls++;
}

static void
test_progress_reports_bytes(void **state)
{
	struct fx *f = *state;
	struct progress p = { 0, 0, 0 };
	char *big = f->text = long_scalar(FZ_MAX_SCALAR);
	size_t size = strlen(big);
	fz_event ev;
	fz_error err;
	int rc;

	/* Nine files of 1 MiB: more than the step between reports. */
	for (int i = 0; i < 9; i++)
		add_file(f, big, size);
	f->s = fz_stream_open(f->paths, f->n, 0);
	fz_stream_set_progress(f->s, progress, &p);
	while ((rc = fz_stream_next(f->s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		;
	assert_int_equal(rc, 0);
	assert_true(p.calls >= 1);
	assert_int_equal(p.total, 9 * (uint64_t)size);
	assert_true(p.done <= p.total);
}

static void
test_document_limit(void **state)
{
	struct fx *f = *state;
	const char doc[] = "---\nkind: plan\n";
	size_t n = FZ_MAX_DOCUMENTS, len = strlen(doc);
	char *text = f->text = malloc(n * len + len + 1);
	fz_event ev;
	fz_error err = { 0 };
	size_t docs = 0;
	int rc;

	for (size_t i = 0; i < n; i++)
		memcpy(text + i * len, doc, len);
	/* 100000 documents in two files are read ... */
	add_file(f, text, (n - 10) * len);
	add_file(f, text, 10 * len);
	f->s = fz_stream_open(f->paths, f->n, 0);
	while ((rc = fz_stream_next(f->s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		docs++;
	assert_int_equal(rc, 0);
	assert_int_equal(docs, n);
	/* ... one more is refused. */
	fz_stream_close(f->s);
	add_file(f, doc, len);
	f->s = fz_stream_open(f->paths, f->n, 0);
	while ((rc = fz_stream_next(f->s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END)
		;
	assert_int_equal(rc, FZ_DATAERR);
	assert_string_equal(err.file, f->paths[2]);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "more documents than the limit of 100000");
}

static void
test_standard_input(void **state)
{
	struct fx *f = *state;
	char *dash[1] = { "-" };
	fz_event ev;

	add_file(f, inspections, strlen(inspections));
	assert_non_null(freopen(f->paths[0], "rb", stdin));
	f->s = fz_stream_open(NULL, 0, 0);
	next_ok(f->s, &ev);
	assert_string_equal(ev.file, "<stdin>");
	assert_string_equal(fz_node_get(ev.node, "entity")->file, "<stdin>");
	assert_string_equal(fz_node_get(ev.node, "entity")->str, "E1");
	fz_stream_close(f->s);
	assert_non_null(freopen(f->paths[0], "rb", stdin));
	f->s = fz_stream_open(dash, 1, 0);
	next_ok(f->s, &ev);
	next_ok(f->s, &ev);
	next_ok(f->s, &ev);
	assert_int_equal(ev.type, FZ_EV_DOC);
	assert_string_equal(ev.file, "<stdin>");
	at_end(f->s);
}

/* An explicit !!str tag makes a plain scalar a string. */
static void
test_explicit_str_tag_is_a_string(void **state)
{
	struct fx *f = *state;
	fz_stream *s = open_text(f,
	    "kind: plan\n"
	    "task: !!str 123\n"
	    "seed: !!str null\n", 0);
	fz_event ev;

	next_ok(s, &ev);
	assert_int_equal(fz_node_tag(fz_node_get(ev.node, "task")), FZ_TAG_STR);
	assert_false(fz_node_is_null(fz_node_get(ev.node, "seed")));
}

/* A NUL character is refused: every program takes scalars as C
 * strings. */
static void
test_nul_in_a_scalar_is_refused(void **state)
{
	text_fails_with(*state,
	    "kind: inspections\n"
	    "records:\n"
	    "  - {date: 2019-03-05, entity: \"E\\0\"}\n", 0, FZ_DATAERR, 3, 32,
	    "a scalar must not hold a NUL character (\\0)");
}

/* Many times the events and bytes the parser hands over at once, across
 * three files, with a scalar of 600 kB among them: every record comes,
 * in order, at its place, and the tap sees every byte. */
#define NREC 20000

static void
test_many_batches_in_order(void **state)
{
	struct fx *f = *state;
	struct tapped t = { { 0 }, { 0 }, 0 };
	size_t cap = 4u << 20, len, got = 0;
	char *text = f->text = malloc(cap);
	fz_event ev;
	fz_error err;
	int rc;

	for (int file = 0; file < 3; file++) {
		len = (size_t)snprintf(text, cap, "kind: inspections\nrecords:\n");
		for (int i = 0; i < NREC; i++) {
			if (file == 1 && i == NREC / 2) {
				len += (size_t)snprintf(text + len, cap - len,
				    "  - {date: 2019-03-05, entity: \"");
				memset(text + len, 'x', 600000);
				len += 600000;
				len += (size_t)snprintf(text + len, cap - len,
				    "\"}\n");
			}
			len += (size_t)snprintf(text + len, cap - len,
			    "  - {date: 2019-03-05, entity: E%d-%d, "
			    "inspectors: [P1, P2]}\n", file, i);
		}
		add_file(f, text, len);
	}
	f->s = fz_stream_open(f->paths, f->n, 0);
	fz_stream_set_tap(f->s, tap, &t);
	for (int file = 0; file < 3; file++) {
		for (int i = 0; i < NREC; i++) {
			const fz_node *e;
			unsigned line = (unsigned)i + 3;
			char want[32];

			next_ok(f->s, &ev);
			e = fz_node_get(ev.node, "entity");
			assert_string_equal(ev.file, f->paths[file]);
			if (file == 1 && i == NREC / 2) {
				assert_int_equal(e->len, 600000);
				assert_int_equal(e->line, line);
				next_ok(f->s, &ev);
				e = fz_node_get(ev.node, "entity");
			}
			if (file == 1 && i >= NREC / 2)
				line++;
			snprintf(want, sizeof want, "E%d-%d", file, i);
			assert_scalar(e, want, line, 32);
			got++;
		}
		next_ok(f->s, &ev);
		assert_int_equal(ev.type, FZ_EV_DOC);
	}
	assert_int_equal((rc = fz_stream_next(f->s, &ev, &err)), FZ_OK);
	assert_int_equal(ev.type, FZ_EV_END);
	assert_int_equal(got, 3 * NREC);
	for (int i = 0; i < f->n; i++) {
		char *want = fx_slurp(f->paths[i], &len);

		assert_int_equal(t.len[i], len);
		assert_memory_equal(t.buf[i], want, len);
		free(want);
		free(t.buf[i]);
	}
}

/* An error in the first of many batches, the rest unread: closing stops
 * the parsing and frees it all. */
static void
test_close_before_the_end(void **state)
{
	struct fx *f = *state;
	size_t cap = 2u << 20, len;
	char *text = f->text = malloc(cap);
	fz_event ev;
	fz_error err;

	len = (size_t)snprintf(text, cap, "kind: inspections\nrecords:\n"
	    "  - [not, a, mapping]\n");
	for (int i = 0; i < 40000; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "  - {date: 2019-03-05, entity: E%d}\n", i);
	add_file(f, text, len);
	f->s = fz_stream_open(f->paths, f->n, 0);
	assert_int_equal(fz_stream_next(f->s, &ev, &err), FZ_DATAERR);
	assert_int_equal(err.line, 3);
	fz_stream_close(f->s);
	f->s = NULL;
}

/* ------------------------------------------------ a file in two parts */

/* What a stream gave: each record's entity with its place, the
 * document, the tapped bytes, the status at the end. */
struct seen {
	char **entity;
	unsigned *line, *col;
	size_t n, cap;
	int docs, rc;
	unsigned err_line, err_col;
	char err_msg[1024];
	char *bytes;
	size_t nbytes;
	size_t splits;
};

static void
seen_tap(void *ctx, size_t file, const void *buf, size_t len)
{
	struct seen *w = ctx;

	(void)file;
	w->bytes = realloc(w->bytes, w->nbytes + len);
	memcpy(w->bytes + w->nbytes, buf, len);
	w->nbytes += len;
}

/* A record's entity and place noted in w. */
static void
note(struct seen *w, const char *entity, unsigned line, unsigned col)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 1024;
		w->entity = realloc(w->entity, w->cap * sizeof *w->entity);
		w->line = realloc(w->line, w->cap * sizeof *w->line);
		w->col = realloc(w->col, w->cap * sizeof *w->col);
	}
	w->entity[w->n] = strdup(entity);
	w->line[w->n] = line;
	w->col[w->n++] = col;
}

static void
note_record(struct seen *w, const fz_event *ev)
{
	const fz_node *e = fz_node_get(ev->node, "entity");

	note(w, e != NULL ? e->str : "-", e != NULL ? e->line : ev->node->line,
	    e != NULL ? e->col : ev->node->col);
}

/* Read paths in parts when parts is given (without a tap), else with
 * flags and a tap. */
static void
read_with(char **paths, unsigned flags, const fz_stream_parts *parts,
    struct seen *w)
{
	fz_stream *s = fz_stream_open(paths, 1, flags);
	fz_event ev;
	fz_error err = { 0 };

	memset(w, 0, sizeof *w);
	if (parts != NULL)
		fz_stream_set_parts(s, parts);
	else
		fz_stream_set_tap(s, seen_tap, w);
	while ((w->rc = fz_stream_next(s, &ev, &err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.type == FZ_EV_DOC)
			w->docs++;
		else
			note_record(w, &ev);
	}
	w->err_line = err.line;
	w->err_col = err.col;
	snprintf(w->err_msg, sizeof w->err_msg, "%s", err.msg);
	if (parts == NULL)	/* else the merges counted */
		w->splits = fz_stream_splits(s);
	fz_stream_close(s);
}

static void
seen_free(struct seen *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->entity[i]);
	free(w->entity);
	free(w->line);
	free(w->col);
	free(w->bytes);
}

static void
read_all(char **paths, unsigned flags, struct seen *w)
{
	read_with(paths, flags, NULL, w);
}

/* Parts read at once: each records what it took, merged in order into
 * the reader's (ctx), which counts the merges in splits. */
static void *
part_open(void *ctx, enum fz_kind k)
{
	(void)ctx;
	(void)k;
	return calloc(1, sizeof(struct seen));
}

static int
part_take(void *part, const fz_event *ev, fz_error *err)
{
	(void)err;
	note_record(part, ev);
	return FZ_OK;
}

static void
part_drop(void *part)
{
	seen_free(part);
	free(part);
}

static int
part_merge(void *ctx, void *part, fz_error *err)
{
	struct seen *w = ctx, *p = part;

	(void)err;
	for (size_t i = 0; i < p->n; i++)
		note(w, p->entity[i], p->line[i], p->col[i]);
	w->splits++;
	part_drop(p);
	return FZ_OK;
}

static void
read_parts(char **paths, struct seen *w)
{
	fz_stream_parts parts = { w, part_open, part_take, part_merge,
		part_drop };

	read_with(paths, 0, &parts, w);
}

/* The same records, places and end when the parts are taken each by a
 * thread of its own, as when read in one part (one). */
static void
same_in_parts(struct fx *f, const struct seen *one, size_t want_splits)
{
	struct seen w;

	read_parts(f->paths, &w);
	assert_int_equal(w.splits, fz_nprocs() > 1 ? want_splits : 0);
	assert_int_equal(w.rc, one->rc);
	assert_int_equal(w.n, one->n);
	for (size_t i = 0; i < one->n; i++) {
		assert_string_equal(w.entity[i], one->entity[i]);
		assert_int_equal(w.line[i], one->line[i]);
		assert_int_equal(w.col[i], one->col[i]);
	}
	assert_int_equal(w.docs, one->docs);
	assert_int_equal(w.err_line, one->err_line);
	assert_int_equal(w.err_col, one->err_col);
	assert_string_equal(w.err_msg, one->err_msg);
	seen_free(&w);
}

/* The same records, places, bytes and end, read in one part or two. */
static void
same_either_way(struct fx *f, size_t want_splits)
{
	struct seen one, two;
	size_t len;
	char *text = fx_slurp(f->paths[0], &len);

	read_all(f->paths, 0, &one);
	read_all(f->paths, FZ_STREAM_SPLIT, &two);
	same_in_parts(f, &one, want_splits);
	assert_int_equal(one.splits, 0);
	assert_int_equal(two.splits, fz_nprocs() > 1 ? want_splits : 0);
	assert_int_equal(two.rc, one.rc);
	assert_int_equal(two.n, one.n);
	for (size_t i = 0; i < one.n; i++) {
		assert_string_equal(two.entity[i], one.entity[i]);
		assert_int_equal(two.line[i], one.line[i]);
		assert_int_equal(two.col[i], one.col[i]);
	}
	assert_int_equal(two.docs, one.docs);
	assert_int_equal(two.err_line, one.err_line);
	assert_int_equal(two.err_col, one.err_col);
	assert_string_equal(two.err_msg, one.err_msg);
	if (one.rc == 0) {
		assert_int_equal(one.nbytes, len);
		assert_int_equal(two.nbytes, len);
		assert_memory_equal(one.bytes, text, len);
		assert_memory_equal(two.bytes, text, len);
	}
	free(text);
	seen_free(&one);
	seen_free(&two);
}

/* An entity directory of about 11 MB, records of every shape, and at
 * record `at` (of 100000) the text `odd`; its line ends are eol. */
static void
big_directory(struct fx *f, size_t at, const char *odd, const char *eol)
{
	size_t cap = 16u << 20, len = 0;
	char *t = f->text = malloc(cap);

	len += (size_t)snprintf(t + len, cap - len, "kind: entities%sversion: 1"
	    "%srecords:%s", eol, eol, eol);
	for (size_t i = 0; i < 100000; i++) {
		if (i == at)
			len += (size_t)snprintf(t + len, cap - len, "%s", odd);
		if (i % 3 == 0)
			len += (size_t)snprintf(t + len, cap - len, "  - {id: E%zu, "
			    "name: 海曙经营户%zu, category: 网吧}%s", i, i, eol);
		else
			len += (size_t)snprintf(t + len, cap - len, "  - id: E%zu%s"
			    "    name: \"海曙 %zu\"%s    category: 印刷企业%s"
			    "    note: |%s      第一行%s      第二行%s", i, eol,
			    i, eol, eol, eol, eol, eol);
	}
	len += (size_t)snprintf(t + len, cap - len, "source: bench%s", eol);
	add_file(f, t, len);
}

static void
test_split_gives_the_same(void **state)
{
	struct fx *f = *state;

	big_directory(f, 0, "", "\n");
	same_either_way(f, 1);
}

/* The lines near the middle that look like records are inside a quoted
 * scalar: the second part is dropped, the first parser reads on. */
static void
test_split_refused_inside_a_scalar(void **state)
{
	struct fx *f = *state;
	size_t cap = 2u << 20, len = 0;
	char *odd = malloc(cap);

	len += (size_t)snprintf(odd, cap, "  - id: X\n    name: \"a\n");
	for (int i = 0; i < 40000; i++)
		len += (size_t)snprintf(odd + len, cap - len,
		    "  - {id: fake%d}\n", i);
	snprintf(odd + len, cap - len, "  b\"\n");
	big_directory(f, 49000, odd, "\n");	/* its middle among them */
	free(odd);
	same_either_way(f, 0);
}

/* Errors in the second part are found at their places in the file:
 * one of libyaml's, and one of the reader's. */
static void
test_split_errors_in_the_second_part(void **state)
{
	struct fx *f = *state;

	big_directory(f, 90000, "  - {id: [unclosed}\n", "\n");
	same_either_way(f, 1);
	free(f->text);
	f->text = NULL;
	unlink(f->paths[0]);
	free(f->paths[0]);
	f->n = 0;
	big_directory(f, 90000, "  - {id: D, id: D}\n", "\n");
	same_either_way(f, 1);
}

/* A key typed with a full-width colon in the second part: the hint at
 * its place in the file, as when read in one part. */
static void
test_split_colon_in_the_second_part(void **state)
{
	struct fx *f = *state;
	struct seen w;
	unsigned line = 1;
	const char *colon;

	big_directory(f, 90000, "  - id: X\n    name：海曙\n    category: 网吧\n",
	    "\n");
	same_either_way(f, 1);
	colon = strstr(f->text, "name：");
	assert_non_null(colon);
	for (const char *p = f->text; p < colon; p++)
		line += *p == '\n';
	read_all(f->paths, FZ_STREAM_SPLIT, &w);
	assert_int_equal(w.rc, FZ_DATAERR);
	assert_int_equal(w.err_line, line);
	assert_int_equal(w.err_col, 9);
	assert_string_equal(w.err_msg, "full-width colon ： in 'name：海曙': a "
	    "key ends with an ASCII ':' and a space, as in 'name: '");
	seen_free(&w);
}

/* An error early in the first part: the second part, started, is never
 * read, and closing frees it (the sanitizers would say otherwise). */
static void
test_split_error_in_the_first_part(void **state)
{
	struct fx *f = *state;

	big_directory(f, 10, "  - [not, a, mapping]\n", "\n");
	same_either_way(f, 0);
}

/* CR LF line ends: libyaml counts lines otherwise than by LF alone, and
 * the file is read in one part. */
static void
test_split_not_with_cr(void **state)
{
	struct fx *f = *state;

	big_directory(f, 0, "", "\r\n");
	same_either_way(f, 0);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_records_one_by_one_then_the_document),
		T(test_positions_of_records),
		T(test_kind_after_records_is_buffered),
		T(test_document_without_kind_is_refused),
		T(test_document_without_kind_with_any_kind),
		T(test_read_nodes_grow),
		T(test_unknown_kind_is_refused),
		T(test_unknown_kind_with_any_kind),
		T(test_kind_must_be_a_name),
		T(test_empty_documents_are_nothing),
		T(test_empty_file_and_empty_records),
		T(test_document_must_be_a_mapping),
		T(test_scalar_document_is_refused),
		T(test_files_in_order),
		T(test_missing_file),
		T(test_directory_is_not_an_input),
		T(test_bom_and_crlf),
		T(test_aliases_are_refused),
		T(test_aliases_in_a_document_are_refused),
		T(test_merge_keys_are_refused),
		T(test_tags_are_refused),
		T(test_deep_nesting_is_refused),
		T(test_very_deep_nesting_is_refused_not_crashed),
		T(test_nesting_within_the_limit),
		T(test_nesting_of_64_collections_is_accepted),
		T(test_scalar_over_1mib_is_refused),
		T(test_scalar_of_1mib_is_accepted),
		T(test_duplicate_key_in_a_record),
		T(test_duplicate_key_in_a_document),
		T(test_duplicate_key_nested),
		T(test_duplicate_records_key),
		T(test_duplicate_records_key_before_kind),
		T(test_invalid_utf8_is_refused),
		T(test_invalid_utf8_sequences),
		T(test_syntax_error_has_a_position),
		T(test_record_must_be_a_mapping),
		T(test_buffered_record_must_be_a_mapping),
		T(test_full_width_colon),
		T(test_full_width_colon_in_a_value),
		T(test_records_must_be_a_list),
		T(test_keep_holds_records_under_records),
		T(test_keep_arena_taken_outlives_the_stream),
		T(test_no_arena_taken_without_keep),
		T(test_built_collections_grow_after),
		T(test_share_keys_makes_alike_keys_one_node),
		T(test_keep_across_documents_and_buffered),
		T(test_tap_sees_every_byte),
		T(test_progress_reports_bytes),
		T(test_document_limit),
		T(test_standard_input),
		T(test_explicit_str_tag_is_a_string),
		T(test_nul_in_a_scalar_is_refused),
		T(test_many_batches_in_order),
		T(test_close_before_the_end),
		T(test_split_gives_the_same),
		T(test_split_refused_inside_a_scalar),
		T(test_split_errors_in_the_second_part),
		T(test_split_colon_in_the_second_part),
		T(test_split_error_in_the_first_part),
		T(test_split_not_with_cr),
	};
#undef T
	int failed;

	/* Parsing on a thread of its own, then on the reader's. */
	setenv("FAZHI_THREADS", "2", 1);
	failed = cmocka_run_group_tests_name("parser thread", tests, NULL,
	    NULL);
	setenv("FAZHI_THREADS", "1", 1);
	return failed + cmocka_run_group_tests_name("one thread", tests,
	    NULL, NULL);
}
