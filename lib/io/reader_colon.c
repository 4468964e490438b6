/* reader_colon.c - the full-width colon behind a YAML error.  A key typed
 * with ： (U+FF1A) for ':', as Chinese input methods do, is no key to
 * libyaml: "date：2019-03-01" is one scalar, and libyaml's own words
 * ("could not find expected ':'", "mapping values are not allowed")
 * point elsewhere.  The scalar is found where libyaml leaves it, and the
 * error says what to type instead. */
#include <string.h>
#include <yaml.h>

#include "io_int.h"

void
fz_io__colon_event(fz_io__colon *c, const yaml_event_t *e)
{
	unsigned prev = c->scalar_line;

	c->hint[0] = '\0';
	c->scalar_line = e->type == YAML_SCALAR_EVENT ?
	    (unsigned)e->start_mark.line + 1 : 0;
	/* A scalar of one line is a value like any other, and so is one
	 * after its key on the key's line; one that ran on into the next
	 * line from a line of its own may be a key that found no ':'. */
	if (e->type != YAML_SCALAR_EVENT ||
	    e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    e->end_mark.line == e->start_mark.line ||
	    prev == c->scalar_line)
		return;
	c->line = (unsigned)e->start_mark.line + 1;
	c->col = (unsigned)e->start_mark.column + 1;
	if (!fz_colon_hint((const char *)e->data.scalar.value,
	    e->data.scalar.length, &c->col, c->hint, sizeof c->hint))
		c->hint[0] = '\0';
}

int
fz_io__colon_error(const fz_io__colon *c, const yaml_parser_t *p,
    const char *file, fz_error *err)
{
	char hint[sizeof c->hint];

	/* The simple key libyaml was scanning when it found no ':' is
	 * still a token in its queue. */
	for (const yaml_token_t *t = p->tokens.head; p->context != NULL &&
	    t != NULL && t < p->tokens.tail; t++) {
		unsigned col = (unsigned)t->start_mark.column + 1;

		if (t->type != YAML_SCALAR_TOKEN ||
		    t->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
		    t->start_mark.index != p->context_mark.index ||
		    !fz_colon_hint((const char *)t->data.scalar.value,
		    t->data.scalar.length, &col, hint, sizeof hint))
			continue;
		fz_error_set(err, FZ_DATAERR, file,
		    (unsigned)t->start_mark.line + 1, col, "%s", hint);
		return 1;
	}
	/* The scalar just parsed, the error coming at its end. */
	if (c->hint[0] == '\0')
		return 0;
	fz_error_set(err, FZ_DATAERR, file, c->line, c->col, "%s", c->hint);
	return 1;
}
