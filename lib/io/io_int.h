/* reader_int.h - inside the reader: the feed of parser events that
 * reader.c turns into documents and records. */
#ifndef FAZHI_READER_INT_H
#define FAZHI_READER_INT_H

#include "io.h"

/* One libyaml event, compacted.  Stream and document starts and ends
 * are not passed on; the inputs' beginnings and ends are. */
enum fz_pev_type {
	FZ_PEV_FILE = 1,	/* an input begins: len is its index */
	FZ_PEV_BYTES,		/* bytes read from it (only with a tap) */
	FZ_PEV_STREAM_END,	/* the input ended */
	FZ_PEV_MAP,
	FZ_PEV_MAP_END,
	FZ_PEV_SEQ,
	FZ_PEV_SEQ_END,
	FZ_PEV_SCALAR,
	FZ_PEV_ALIAS,
	FZ_PEV_END,		/* every input is read */
	/* FZ_FEED_PARTS: a part of the file began (len: its index for
	 * fz_io__feed_part), parsed on its own from line on; or the part
	 * len takes over at its cut, line: the events that follow are its
	 * (after those its own reader took). */
	FZ_PEV_PART,
	FZ_PEV_CUT
};

typedef struct fz_pev {
	unsigned char type;	/* enum fz_pev_type */
	unsigned char quoted;	/* a scalar not plain, or tagged !!str */
	unsigned char escaped;	/* double-quoted: an escape may be a NUL */
	unsigned char tagged;	/* a node with a tag other than a scalar's
				 * !!str (!!int, !!binary, !name ...) */
	unsigned line, col;	/* 1-based */
	size_t len;		/* bytes of a scalar or of BYTES */
	/* The bytes, NUL-terminated; NULL for a scalar longer than
	 * FZ_MAX_SCALAR.  Valid until the next fz_io__feed_next. */
	const char *str;
} fz_pev;

typedef struct fz_io__feed fz_io__feed;

enum fz_io__feed_flags {
	FZ_FEED_TAP = 1,	/* the bytes read come as FZ_PEV_BYTES before
				 * the events they hold */
	FZ_FEED_SPLIT = 2,	/* a large file may be parsed in two parts */
	/* The same, but the parts are told (FZ_PEV_PART) as soon as they
	 * begin, for a reader of their own, and where one takes over
	 * (FZ_PEV_CUT); their lines are the file's.  The parts are the
	 * feed's, closed with it. */
	FZ_FEED_PARTS = 4
};

/* A feed over the inputs of fz_stream_open (paths must outlive it).
 * Parsing starts at once, on a thread of its own when the machine has
 * more than one processor.  Owned by the caller. */
fz_io__feed *fz_io__feed_open(char *const *paths, int npaths, unsigned flags);
/* The next event into *e: FZ_OK, or the status of an input that cannot
 * be opened, read or parsed, with err filled.  After FZ_PEV_END or an
 * error, every call returns the same again. */
int fz_io__feed_next(fz_io__feed *f, fz_pev *e, fz_error *err);
/* FZ_FEED_PARTS: part i (of an FZ_PEV_PART), to be read from any
 * thread, one at a time; stopped: its parsing ends, a read waiting
 * for it ends with FZ_IOERR (told by no one). */
fz_io__feed *fz_io__feed_part(const fz_io__feed *f, size_t i);
void fz_io__feed_stop(fz_io__feed *f);
/* How many inputs were read in two parts so far. */
size_t fz_io__feed_splits(const fz_io__feed *f);
/* Bytes read so far, as of the event last returned. */
uint64_t fz_io__feed_done(const fz_io__feed *f);
/* The name of input i: its path, "<stdin>" for "-". */
const char *fz_io__feed_name(const fz_io__feed *f, size_t i);
/* Stop the parsing, wherever it is, and free everything. */
void fz_io__feed_close(fz_io__feed *f);

/* body(arg) run at once on a thread of its own (reader_parts.c),
 * reading part g; NULL when no thread can start.  join: wait for its
 * end; free: g stopped (a read of it waiting ends), the end waited
 * for, r freed (NULL: nothing). */
typedef struct fz_io__run fz_io__run;
fz_io__run *fz_io__run_start(fz_io__feed *g, void (*body)(void *arg),
    void *arg);
void fz_io__run_join(fz_io__run *r);
void fz_io__run_free(fz_io__run *r);

/* The full-width colon behind a libyaml error (reader_colon.c).  The
 * feed tells fz_io__colon_event every event it parses; on an error,
 * fz_io__colon_error sets err to the hint, at the colon, and returns 1
 * when a scalar holding ： (U+FF1A) is where libyaml looked for a key's
 * ':' (the simple key it was scanning, or a scalar of several lines just
 * parsed), else 0. */
struct yaml_event_s;
struct yaml_parser_s;
typedef struct fz_io__colon {
	unsigned line, col;
	char hint[256];		/* empty: none */
	unsigned scalar_line;	/* of the event before, a scalar; else 0 */
} fz_io__colon;
void fz_io__colon_event(fz_io__colon *c, const struct yaml_event_s *e);
int fz_io__colon_error(const fz_io__colon *c, const struct yaml_parser_s *p,
    const char *file, fz_error *err);

#endif
