/* reader_problem.c - libyaml's own words in the language of messages.
 * A parse error's problem ("did not find expected ',' or ']'") and its
 * context ("while parsing a flow sequence") are fixed English texts of
 * libyaml, which has no catalogue of its own: they are listed here,
 * marked for po/fazhi.pot, and looked up by their exact text.  These
 * are the texts of libyaml 0.2.5's reader, scanner and parser; its
 * emitter's and loader's never reach a message of fazhi (the writer
 * reports its failures in its own words, and documents are read event
 * by event, not loaded).  A text of another version of libyaml that is
 * not listed stays as libyaml wrote it. */
#include <string.h>

#include "io.h"

static const char *const texts[] = {
	/* The reader: bytes that are no characters. */
	N_("input error"),
	N_("input is too long"),
	N_("invalid leading UTF-8 octet"),
	N_("incomplete UTF-8 octet sequence"),
	N_("invalid trailing UTF-8 octet"),
	N_("invalid length of a UTF-8 sequence"),
	N_("invalid Unicode character"),
	N_("incomplete UTF-16 character"),
	N_("unexpected low surrogate area"),
	N_("incomplete UTF-16 surrogate pair"),
	N_("expected low surrogate area"),
	N_("control characters are not allowed"),
	/* The scanner: characters that make no token. */
	N_("could not find expected ':'"),
	N_("found character that cannot start any token"),
	N_("block sequence entries are not allowed in this context"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("could not find expected directive name"),
	N_("found unknown directive name"),
	N_("did not find expected comment or line break"),
	N_("did not find expected whitespace"),
	N_("did not find expected digit or '.' character"),
	N_("found extremely long version number"),
	N_("did not find expected version number"),
	N_("did not find expected whitespace or line break"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find the expected '>'"),
	N_("did not find expected tag URI"),
	N_("did not find URI escaped octet"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("did not find expected '!'"),
	N_("found an indentation indicator equal to 0"),
	N_("found a tab character where an indentation space is expected"),
	N_("found a tab character that violates indentation"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("did not find expected hexdecimal number"),
	N_("found invalid Unicode character escape code"),
	N_("found unexpected ':'"),
	N_("found unexpected non-alphabetical character"),
	/* The parser: tokens in an order YAML does not allow. */
	N_("did not find expected <stream-start>"),
	N_("did not find expected <document start>"),
	/* xgettext:no-c-format */
	N_("found duplicate %YAML directive"),
	N_("found incompatible YAML document"),
	/* xgettext:no-c-format */
	N_("found duplicate %TAG directive"),
	N_("found undefined tag handle"),
	N_("did not find expected node content"),
	N_("did not find expected key"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	/* The contexts: what libyaml was reading when the problem came. */
	N_("while scanning a simple key"),
	N_("while scanning for the next token"),
	N_("while scanning a directive"),
	/* xgettext:no-c-format */
	N_("while scanning a %YAML directive"),
	/* xgettext:no-c-format */
	N_("while scanning a %TAG directive"),
	N_("while scanning a tag directive"),
	N_("while parsing a tag directive"),
	/* xgettext:no-c-format */
	N_("while parsing a %TAG directive"),
	N_("while scanning an anchor"),
	N_("while scanning an alias"),
	N_("while scanning a tag"),
	N_("while parsing a tag"),
	N_("while scanning a block scalar"),
	N_("while scanning a quoted scalar"),
	N_("while parsing a quoted scalar"),
	N_("while scanning a plain scalar"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a flow mapping"),
	N_("while parsing a node"),
};

const char *
fz_yaml_text(const char *text)
{
	if (text == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i], text) == 0)
			return _(texts[i]);
	return text;
}
