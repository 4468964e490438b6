/* store.c - what fazhi-check keeps while it reads: the problems found,
 * with the order of the files they are in, the ids and strings, and the
 * references and matters settled at the end (rules.c). */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

/* ------------------------------------------------------------ problems */

/* The order of a file, the files being numbered as first met, and the
 * check's copy of its name. */
static size_t
file_order(fz_check *c, const char *file, const char **kept)
{
	void **slot;
	int added;

	if (file == NULL) {
		*kept = NULL;
		return SIZE_MAX;
	}
	slot = fz_map_insert(c->files, file, strlen(file), &added, kept);
	if (added)
		*slot = (void *)(uintptr_t)fz_map_count(c->files);
	return (size_t)(uintptr_t)*slot;
}

fz_check__pos
fz_check__pos_of(fz_check *c, const fz_node *n)
{
	fz_check__pos pos = { NULL, n->line, n->col };

	file_order(c, n->file, &pos.file);
	return pos;
}

static void
problem_add(fz_check *c, int severity, const char *file, unsigned line,
    unsigned col, const char *fmt, va_list ap)
{
	char msg[2048];
	fz_check__problem *p;

	vsnprintf(msg, sizeof msg, fz_gettext(fmt), ap);
	if (c->nproblems == c->capproblems) {
		c->capproblems = c->capproblems ? 2 * c->capproblems : 64;
		c->problems = fz_xrealloc(c->problems,
		    c->capproblems * sizeof *c->problems);
	}
	p = &c->problems[c->nproblems];
	*p = (fz_check__problem){ severity, 0, c->nproblems, NULL, line, col,
		fz_arena_strdup(c->arena, msg), 0 };
	p->order = file_order(c, file, &p->file);
	c->nproblems++;
}

void
fz_check__report(fz_check *c, int severity, const fz_node *at, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_add(c, severity, at->file, at->line, at->col, fmt, ap);
	va_end(ap);
}

void
fz_check__report_pos(fz_check *c, int severity, fz_check__pos pos, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_add(c, severity, pos.file, pos.line, pos.col, fmt, ap);
	va_end(ap);
}

void
fz_check_report(fz_check *c, int severity, const char *file, unsigned line,
    unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_add(c, severity, file, line, col, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ records */

const char *
fz_check__id_key(enum fz_kind k)
{
	switch (k) {
	case FZ_KIND_ENTITIES:
	case FZ_KIND_INSPECTORS:
	case FZ_KIND_CASES:
	case FZ_KIND_APPLICATIONS:
	case FZ_KIND_COMPLAINTS:
	case FZ_KIND_DOCUMENTS:
	case FZ_KIND_ACTIVITIES:
		return "id";
	case FZ_KIND_MATTERS:
	case FZ_KIND_ITEMS:
		return "code";
	case FZ_KIND_TOWNS:
		return "name";
	default:
		return NULL;
	}
}

const fz_node *
fz_check__at(const fz_check__rec *r, const char *key)
{
	const fz_node *v = fz_node_get(r->at, key);

	return v != NULL ? v : r->at;
}

const fz_check__id *
fz_check__find(const fz_check *c, enum fz_kind k, const char *id)
{
	void **slot = fz_map_find(c->ids[k], id, strlen(id));

	return slot != NULL ? *slot : NULL;
}

const char *
fz_check__intern(fz_check *c, const char *s)
{
	const char *kept;

	fz_map_insert(c->strings, s, strlen(s), NULL, &kept);
	return kept;
}

void
fz_check__ref_add(fz_check *c, const fz_check__ref *ref)
{
	if (c->nrefs == c->caprefs) {
		c->caprefs = c->caprefs ? 2 * c->caprefs : 64;
		c->refs = fz_xrealloc(c->refs, c->caprefs * sizeof *c->refs);
	}
	c->refs[c->nrefs++] = *ref;
}

void
fz_check__matter_add(fz_check *c, const fz_check__matter *m)
{
	if (c->nmatters == c->capmatters) {
		c->capmatters = c->capmatters ? 2 * c->capmatters : 64;
		c->matters = fz_xrealloc(c->matters,
		    c->capmatters * sizeof *c->matters);
	}
	c->matters[c->nmatters++] = *m;
}
