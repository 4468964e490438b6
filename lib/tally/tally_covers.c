/* tally_covers.c - what a mergeable tally covers: each input it counted,
 * by name, SHA-256 digest and the period counted of it.  A merge takes
 * the union of the covers of the tallies merged, and refuses two covers
 * of the same bytes whose periods meet: the same records counted twice
 * (the same month merged twice, or the year merged with its months). */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

/* The periods [a0, a1] and [b0, b1] meet; FZ_NODATE is an open end. */
static int
meet(fz_date a0, fz_date a1, fz_date b0, fz_date b1)
{
	return (a0 == FZ_NODATE || b1 == FZ_NODATE || a0 <= b1) &&
	    (b0 == FZ_NODATE || a1 == FZ_NODATE || b0 <= a1);
}

static void
push(fz_tally *t, const struct cover *c)
{
	if (t->ncovers == t->capcovers) {
		t->capcovers = t->capcovers ? 2 * t->capcovers : 16;
		t->covers = fz_xrealloc(t->covers, t->capcovers *
		    sizeof *t->covers);
	}
	t->covers[t->ncovers++] = *c;
}

/* The cover of the same bytes as c whose period meets c's, NULL when
 * none. */
static const struct cover *
overlap(const fz_tally *t, const struct cover *c)
{
	for (size_t i = 0; i < t->ncovers; i++) {
		const struct cover *o = &t->covers[i];

		if (strcmp(o->sha256, c->sha256) == 0 &&
		    (o->own || c->own || meet(o->from, o->to, c->from, c->to)))
			return o;
	}
	return NULL;
}

int
fz_tally_add_cover(fz_tally *t, const char *input,
    const char sha256[FZ_DIGEST_HEX], fz_error *err)
{
	struct cover c = { fz_arena_strdup(t->arena, input), NULL, { 0 },
		FZ_NODATE, FZ_NODATE, 1 };
	const struct cover *o;

	memcpy(c.sha256, sha256, FZ_DIGEST_HEX);
	if ((o = overlap(t, &c)) != NULL)
		return fz_error_set(err, FZ_DATAERR, input, 0, 0, "%s%s%s: "
		    "its records would be counted twice", strcmp(o->input,
		    input) ? _("the same bytes as ") : _("read twice"),
		    strcmp(o->input, input) ? o->input : "",
		    strcmp(o->input, input) ? _(", read before") : "");
	push(t, &c);
	return FZ_OK;
}

const char *
fz_tally_uncovered(const fz_tally *t)
{
	return t->uncovered;
}

/* "from 2019-01-01 to 2019-01-31", an open end said so. */
static const char *
period_text(fz_date from, fz_date to, char buf[64])
{
	char a[11], b[11];

	/* The translations fit too: 起点, 终点. */
	snprintf(a, sizeof a, "%s", _("the start"));
	snprintf(b, sizeof b, "%s", _("the end"));
	if (from != FZ_NODATE)
		fz_date_format(from, a);
	if (to != FZ_NODATE)
		fz_date_format(to, b);
	snprintf(buf, 64, _("from %s to %s"), a, b);
	return buf;
}

static int
is_hex64(const fz_node *n)
{
	if (n == NULL || n->type != FZ_SCALAR || n->len != 64)
		return 0;
	for (size_t i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", n->str[i]) == NULL ||
		    n->str[i] == '\0')
			return 0;
	return 1;
}

/* One item of a tally's covers:, checked, into c (strings in t's arena,
 * the tally named file). */
static int
read_cover(fz_tally *t, const fz_node *n, const char *file,
    struct cover *c, fz_error *err)
{
	const fz_node *input = fz_node_get(n, "input");
	const fz_node *sha = fz_node_get(n, "sha256");
	const fz_node *from = fz_node_get(n, "from");
	const fz_node *to = fz_node_get(n, "to");

	*c = (struct cover){ .from = FZ_NODATE, .to = FZ_NODATE };
	if (n->type != FZ_MAP || input == NULL || input->type != FZ_SCALAR ||
	    !is_hex64(sha) || from == NULL || to == NULL)
		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "a cover needs input, sha256 (64 hex digits), from and to");
	if ((!fz_node_is_null(from) && (from->type != FZ_SCALAR ||
	    fz_date_parse(from->str, from->len, &c->from) != 0)) ||
	    (!fz_node_is_null(to) && (to->type != FZ_SCALAR ||
	    fz_date_parse(to->str, to->len, &c->to) != 0)))
		return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
		    "a cover's from and to must be dates");
	c->input = fz_arena_strdup(t->arena, input->str);
	c->tally = fz_arena_strdup(t->arena, file);
	memcpy(c->sha256, sha->str, 64);
	c->sha256[64] = '\0';
	return FZ_OK;
}

/* c of the tally at n meets o, taken before: both tallies named. */
static int
refuse(fz_error *err, const fz_node *n, const struct cover *c,
    const struct cover *o)
{
	char when[64], as[1100] = "";

	if (strcmp(o->input, c->input) != 0)
		snprintf(as, sizeof as, _(" (as %s, the same bytes)"), o->input);
	return fz_error_set(err, FZ_DATAERR, n->file, n->line, n->col,
	    "counts %s %s, which %s counts too%s: merging both would count "
	    "its records twice", c->input, period_text(c->from, c->to, when),
	    o->tally, as);
}

int
fz_tally__merge_covers(fz_tally *t, const fz_node *doc, fz_error *err)
{
	const fz_node *covers = fz_node_get(doc, "covers");
	const char *file = doc->file ? doc->file : "-";
	int rc;

	if (covers == NULL) {
		if (t->uncovered == NULL)
			t->uncovered = fz_arena_strdup(t->arena, file);
		return FZ_OK;
	}
	if (covers->type != FZ_SEQ)
		return fz_error_set(err, FZ_DATAERR, covers->file, covers->line,
		    covers->col, "covers: must be a list");
	for (size_t i = 0; i < covers->n; i++) {
		const fz_node *n = covers->kids[i];
		const struct cover *o;
		struct cover c;

		if ((rc = read_cover(t, n, file, &c, err)) != FZ_OK)
			return rc;
		if ((o = overlap(t, &c)) != NULL)
			return refuse(err, n, &c, o);
		push(t, &c);
	}
	return FZ_OK;
}

void
fz_tally__write_covers(fz_writer *w, const fz_tally *t)
{
	fz_date from, to;

	if (t->uncovered != NULL)
		return;		/* unknown: a tally merged in had none */
	fz_tally__range(t, &from, &to);
	fz_write_key(w, "covers");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < t->ncovers; i++) {
		const struct cover *c = &t->covers[i];

		fz_write_map_begin(w, 1);
		fz_write_key(w, "input");
		fz_write_str(w, c->input);
		fz_write_key(w, "sha256");
		fz_write_str(w, c->sha256);
		fz_write_key(w, "from");
		fz_write_date(w, c->own ? from : c->from);
		fz_write_key(w, "to");
		fz_write_date(w, c->own ? to : c->to);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}
