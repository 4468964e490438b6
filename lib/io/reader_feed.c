/* reader_feed.c - the parsing half of the reader.  libyaml runs over the
 * inputs in order, and its events are handed over in batches, compacted
 * (struct fz_pev) with their scalars copied beside them.
 *
 * With more than one processor the parsing runs on a thread of its
 * own, so that parsing the YAML and using what was parsed overlap: a
 * program then takes about the time of the parse alone.  Otherwise a
 * batch is parsed when the reader asks for it.  Either way the reader
 * sees the same events in the same order, and whatever it calls back
 * (tap, progress) runs on its own thread.
 *
 * When the reader asks for it (FZ_FEED_SPLIT), a large regular file is
 * parsed in two parts at once (the split, at the end of this file's
 * parsing side), the second part's events held until the first part is
 * read (the memory of a second copy of half the file's events, for
 * about half its parsing time): once its first record is met,
 * a second parser starts at a record's line near the middle, behind a
 * line of its own ("records:") that puts it where the first one will
 * be on reaching that line.  The first parser goes on up to the line;
 * only when it finds there, as it should, the start of an item of the
 * same list does the second part take over: its events follow, lines
 * counted from the cut.  Otherwise the second part is dropped and the
 * first goes on alone, so the events are always those of one parser.
 *
 * Closing stops the parsing wherever it is: between reads of a regular
 * file by a flag, in a read of a pipe or terminal by a byte on a pipe
 * of its own that the read polls beside its input. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "io_int.h"

#define NBATCH 4		/* batches between the two threads, at most */
#define BATCH_EVENTS 8192	/* a batch is handed over at this many */
#define BATCH_BYTES (128u << 10)	/* or at this many bytes */
#define SMALL_BATCH 256		/* with one thread, at this many */
#define NO_STR UINT32_MAX
#define PEV_ERROR 0		/* the input failed: f->err says how */
#define PEV_SPLIT 100		/* the file goes on in a part: off holds it */
#define PEV_CUT_AT 101		/* FZ_FEED_PARTS: the part of index len takes
				 * over here (its feed is the list's) */
#define PEV_PART_AT 102		/* FZ_FEED_PARTS: the part of index len began */
#define SPLIT_MIN (8u << 20)	/* bytes after the first record, at least */
#define SPLIT_SEARCH (1u << 20)	/* bytes searched for a cut */
#define SPLIT_PREFIX "records:\n"

/* An event in a batch: its bytes are at an offset, as the batch's
 * buffer may move while it is filled. */
struct item {
	unsigned char type, quoted, escaped, tagged;
	unsigned line, col;
	uint32_t len, off;	/* 20 bytes in all: a part may hold millions */
};

struct batch {
	struct item *ev;
	size_t nev, evcap;
	char *bytes;
	size_t used, cap;
	uint64_t done;		/* input bytes read when it was filled */
};

struct fz_io__feed {
	char *const *paths;
	int npaths, tap, can_split;

	/* The parsing side. */
	int cur, fd, owned, pollable, parser_live, read_errno, over;
	int stdin_closed;	/* descriptor 0 was closed when opened */
	const char *name;
	yaml_parser_t parser;
	uint64_t done, file_done;	/* bytes read: in all, of this input */
	struct batch *filling;
	fz_error err;		/* of the PEV_ERROR that ends the feed */
	fz_io__colon colon;	/* a scalar with ： just parsed */
	/* What libyaml holds between two events is bounded: bytes read
	 * since the last one, and where it ended (0-based). */
	uint64_t gap_from;
	unsigned gap_line, gap_col;
	int gap_over;
	int err_absolute;	/* its line counts from the file's start */

	/* The split of the file being parsed (see the end of the side). */
	off_t size;		/* of the file when regular, else 0 */
	int depth, tagged;	/* collections open; a %TAG was met */
	unsigned lists;		/* collections opened in documents' mappings */
	unsigned cut_list;	/* the one the part began in */
	unsigned char kinds[2];	/* of the two outer collections */
	enum { NO_SPLIT, SPLIT_PENDING, SPLIT_DONE } split_state;
	fz_io__feed *split;		/* the second part, pending */
	uint64_t cut;		/* its offset in the file */
	unsigned cut_col;	/* column of the item it starts with, 0-based */
	unsigned cut_line;	/* its line, 0-based, once read up to it */
	int cut_known, cut_bad;	/* read up to it; odd line breaks before */
	unsigned char *held;	/* bytes read past the cut, for the tap */
	size_t nheld, heldcap;

	/* A part's own (f->part): the file read from an offset. */
	int part, dropped;	/* the prefix's three events dropped so far */
	/* FZ_FEED_PARTS: the parts made, the feed's until it is closed,
	 * read by the reader's threads; a part's lines counted from the
	 * file's start (base: the lines before its cut, counted by the
	 * part's own thread before it parses), and its stop (dropped). */
	int parts_mode, absolute, count_base, base_bad;
	unsigned base;
	atomic_int stop;
	fz_io__feed **parts;	/* a slot NULL once the part is read */
	size_t nparts, capparts;
	size_t prefix_pos;
	uint64_t at;		/* file offset of the next read */

	/* Between the two sides: the batches go round, parsed to the
	 * reader and read back to the parser; there are at most limit, so
	 * the parser waits for one read once the reader holds them all. */
	fz_queue *parsed;	/* handed over, not yet taken */
	fz_queue *spent;	/* given back, to be filled again */
	struct batch *solo;	/* with one thread, the one batch */
	size_t made, limit;	/* batches made by the parser; at most */
	int threaded;
	atomic_int cancel;
	int wake[2];		/* a byte on it ends a blocked read */
	pthread_t thread;

	/* The reading side. */
	fz_io__feed *reading;	/* the part being read */
	size_t nsplits;		/* parts read */
	unsigned reading_line;	/* the line of its first, 1-based */
	size_t reading_part;	/* FZ_FEED_PARTS: its index */
	struct batch *taking;
	size_t pos;
	uint64_t taken_done;
	int ended;		/* END or an error was returned */
	int stopped;		/* by fz_io__feed_stop */
	fz_pev last;
	int last_status;
};

const char *
fz_io__feed_name(const fz_io__feed *f, size_t i)
{
	const char *path = f->npaths > 0 ? f->paths[i] : "-";

	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* ---------------------------------------------------------- the batches */

static struct item *
push(struct batch *b, unsigned type)
{
	struct item *it;

	if (b->nev == b->evcap) {
		b->evcap = b->evcap ? 2 * b->evcap : BATCH_EVENTS + 64;
		b->ev = fz_xrealloc(b->ev, b->evcap * sizeof *b->ev);
	}
	it = &b->ev[b->nev++];
	*it = (struct item){ .type = (unsigned char)type, .off = NO_STR };
	return it;
}

/* Copy len bytes and a NUL into b; their offset. */
static uint32_t
copy(struct batch *b, const void *p, size_t len)
{
	size_t at = b->used;

	if (at + len >= UINT32_MAX)
		fz_nomem();	/* one event of 4 GB: libyaml ran out first */
	if (b->cap - b->used <= len) {
		while (b->cap - b->used <= len)
			b->cap = b->cap ? 2 * b->cap : 2 * BATCH_BYTES;
		b->bytes = fz_xrealloc(b->bytes, b->cap);
	}
	memcpy(b->bytes + at, p, len);
	b->bytes[at + len] = '\0';
	b->used += len + 1;
	return (uint32_t)at;
}

/* ------------------------------------------------------- the parsing side */

static int
cancelled(fz_io__feed *f)
{
	return atomic_load_explicit(&f->cancel, memory_order_relaxed);
}

/* Wait until fd can be read, or the feed is closed: 0 then. */
static int
wait_readable(fz_io__feed *f)
{
	struct pollfd p[2] = { { f->fd, POLLIN, 0 },
		{ f->wake[0], POLLIN, 0 } };

	for (;;) {
		if (poll(p, 2, -1) >= 0)
			return !(p[1].revents & POLLIN);
		if (errno != EINTR)
			return 1;	/* let read say what is wrong */
	}
}

static int hand_over(fz_io__feed *f);
static void batch_free(struct batch *b, size_t from);
static size_t up_to_cut(fz_io__feed *f, const unsigned char *buf, size_t n,
    uint64_t at);

static void
tap_bytes(fz_io__feed *f, const void *buf, size_t n)
{
	struct item *it;

	if (!f->tap || n == 0)
		return;
	it = push(f->filling, FZ_PEV_BYTES);
	it->len = (uint32_t)n;
	it->off = copy(f->filling, buf, n);
}

/* Whether what was read since the last event is within FZ_MAX_GAP: an
 * endless scalar (or a key, a comment) would have libyaml hold all of it
 * before its event comes. */
static int
gap_ok(fz_io__feed *f)
{
	if (f->done - f->gap_from <= FZ_MAX_GAP)
		return 1;
	f->gap_over = 1;
	return 0;
}

/* A part's input: its prefix, then the file from the cut on. */
static int
read_part(fz_io__feed *f, unsigned char *buf, size_t size, size_t *got)
{
	static const char prefix[] = SPLIT_PREFIX;
	ssize_t n;

	if (f->prefix_pos < sizeof prefix - 1) {
		n = (ssize_t)(sizeof prefix - 1 - f->prefix_pos);
		if ((size_t)n > size)
			n = (ssize_t)size;
		memcpy(buf, prefix + f->prefix_pos, (size_t)n);
		f->prefix_pos += (size_t)n;
		*got = (size_t)n;
		return 1;
	}
	if (cancelled(f) || atomic_load_explicit(&f->stop,
	    memory_order_relaxed)) {
		f->read_errno = ECANCELED;
		return 0;
	}
	while ((n = pread(f->fd, buf, size, (off_t)f->at)) < 0 &&
	    errno == EINTR)
		;
	if (n < 0) {
		f->read_errno = errno ? errno : EIO;
		return 0;
	}
	*got = (size_t)n;
	f->at += (uint64_t)n;
	f->done += (uint64_t)n;
	tap_bytes(f, buf, (size_t)n);
	return gap_ok(f);
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *got)
{
	fz_io__feed *f = data;
	uint64_t at = f->file_done;
	size_t now;
	ssize_t n;

	if (f->part)
		return read_part(f, buf, size, got);
	if (f->threaded && f->pollable) {
		/* What is parsed goes to the reader before a read waits. */
		struct pollfd p = { f->fd, POLLIN, 0 };

		if (f->filling->nev > 0 && poll(&p, 1, 0) == 0)
			hand_over(f);
		if (!cancelled(f) && !wait_readable(f))
			atomic_store(&f->cancel, 1);
	}
	if (cancelled(f)) {
		f->read_errno = ECANCELED;
		return 0;
	}
	while ((n = read(f->fd, buf, size)) < 0 && errno == EINTR)
		;
	if (n < 0) {
		f->read_errno = errno ? errno : EIO;
		return 0;
	}
	*got = (size_t)n;
	f->done += (uint64_t)n;
	f->file_done += (uint64_t)n;
	now = f->split_state == SPLIT_PENDING ? up_to_cut(f, buf, (size_t)n,
	    at) : (size_t)n;
	tap_bytes(f, buf, now);
	return gap_ok(f);
}

static void
close_input(fz_io__feed *f)
{
	if (f->parser_live)
		yaml_parser_delete(&f->parser);
	f->parser_live = 0;
	if (f->fd >= 0 && f->owned)
		close(f->fd);
	f->fd = -1;
	f->owned = 0;
}

static void
fail(fz_io__feed *f)
{
	push(f->filling, PEV_ERROR);
	f->over = 1;
	close_input(f);
}

/* Open the next input: 1 when one is open, 0 at the end, -1 on error. */
static int
open_next(fz_io__feed *f)
{
	const char *path;
	struct stat st;
	int regular;

	close_input(f);
	if (++f->cur >= (f->npaths > 0 ? f->npaths : 1))
		return 0;
	path = f->npaths > 0 ? f->paths[f->cur] : "-";
	f->name = fz_io__feed_name(f, (size_t)f->cur);
	f->read_errno = 0;
	if (strcmp(path, "-") == 0 && f->stdin_closed) {
		fz_error_set(&f->err, FZ_IOERR, f->name, 0, 0,
		    "read error: standard input is closed");
		return -1;
	} else if (strcmp(path, "-") == 0) {
		f->fd = STDIN_FILENO;
	} else if ((f->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		fz_error_set(&f->err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
		return -1;
	} else {
		f->owned = 1;
	}
	if (f->owned && fstat(f->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		fz_error_set(&f->err, FZ_NOINPUT, path, 0, 0,
		    "cannot open: is a directory");
		return -1;
	}
	/* A read of a pipe or terminal may wait for ever: it is polled
	 * beside the pipe that ends it, unless it never waits. */
	regular = fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode);
	f->size = regular ? st.st_size : 0;
	f->pollable = !regular && !(fcntl(f->fd, F_GETFL) & O_NONBLOCK);
	f->depth = f->tagged = 0;
	f->file_done = 0;
	f->gap_from = f->done;
	f->gap_line = f->gap_col = 0;
	f->split_state = NO_SPLIT;
	if (!yaml_parser_initialize(&f->parser))
		fz_nomem();
	f->parser_live = 1;
	yaml_parser_set_input(&f->parser, read_handler, f);
	push(f->filling, FZ_PEV_FILE)->len = (uint32_t)f->cur;
	return 1;
}

/* libyaml's reader knows only the byte offset of an encoding error: find
 * its line and column (in characters) by reading the file again. */
static void
locate(const fz_io__feed *f, size_t offset, unsigned *line, unsigned *col)
{
	FILE *fp;
	int c;

	/* Never a pipe, FIFO or device: opening it again would wait for a
	 * writer, or read other bytes.  Its position stays unknown. */
	if (!f->owned || f->size == 0 || (fp = fopen(f->name, "rb")) == NULL)
		return;
	*line = *col = 1;
	for (size_t i = 0; i < offset && (c = getc(fp)) != EOF; i++) {
		if (c == '\n') {
			++*line;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			++*col;
		}
	}
	fclose(fp);
}

static void
parse_error(fz_io__feed *f)
{
	yaml_parser_t *p = &f->parser;
	yaml_mark_t m = p->problem_mark;

	if (f->read_errno != 0) {
		fz_error_set(&f->err, FZ_IOERR, f->name, 0, 0,
		    "read error: %s", strerror(f->read_errno));
	} else if (f->gap_over) {
		fz_error_set(&f->err, FZ_DATAERR, f->name, f->gap_line + 1,
		    f->gap_col + 1, "more than %u MiB of YAML after this "
		    "point without a node (an endless or oversized scalar, "
		    "key or comment): the limits are %u MiB between two "
		    "nodes, %u MiB in a scalar", FZ_MAX_GAP >> 20,
		    FZ_MAX_GAP >> 20, FZ_MAX_SCALAR >> 20);
	} else if (p->error == YAML_READER_ERROR) {
		unsigned line = 0, col = 0;
		size_t at = p->problem_offset;

		if (f->part)	/* the file's offset, not the part's */
			at = at - (sizeof SPLIT_PREFIX - 1) + (size_t)f->cut;
		locate(f, at, &line, &col);
		fz_error_set(&f->err, FZ_DATAERR, f->name, line, col,
		    "%s (byte %zu)", fz_yaml_text(p->problem), at);
		f->err_absolute = 1;
	} else if (p->error == YAML_MEMORY_ERROR) {
		fz_nomem();
	} else if (fz_io__colon_error(&f->colon, p, f->name, &f->err)) {
		/* a key typed with a full-width colon: said so */
	} else if (p->context != NULL && p->problem != NULL) {
		/* TRANSLATORS: libyaml's problem, then what it was reading
		 * ("did not find expected key", "while parsing a block
		 * mapping"). */
		fz_error_set(&f->err, FZ_DATAERR, f->name, m.line + 1,
		    m.column + 1, P_("libyaml", "%s %s"),
		    fz_yaml_text(p->problem), fz_yaml_text(p->context));
	} else {
		fz_error_set(&f->err, FZ_DATAERR, f->name, m.line + 1,
		    m.column + 1, "%s", p->problem ? fz_yaml_text(p->problem) :
		    _("malformed YAML"));
	}
}

static const unsigned char pev_of[] = {
	[YAML_STREAM_END_EVENT] = FZ_PEV_STREAM_END,
	[YAML_ALIAS_EVENT] = FZ_PEV_ALIAS,
	[YAML_SCALAR_EVENT] = FZ_PEV_SCALAR,
	[YAML_SEQUENCE_START_EVENT] = FZ_PEV_SEQ,
	[YAML_SEQUENCE_END_EVENT] = FZ_PEV_SEQ_END,
	[YAML_MAPPING_START_EVENT] = FZ_PEV_MAP,
	[YAML_MAPPING_END_EVENT] = FZ_PEV_MAP_END,
};

static void split_try(fz_io__feed *f, const yaml_event_t *e);
static int split_at_cut(fz_io__feed *f, const yaml_event_t *e);
static void split_drop(fz_io__feed *f);

/* The event begins a node: a scalar, an alias or a collection. */
static int
is_node(const yaml_event_t *e)
{
	return e->type == YAML_SCALAR_EVENT || e->type == YAML_ALIAS_EVENT ||
	    e->type == YAML_MAPPING_START_EVENT ||
	    e->type == YAML_SEQUENCE_START_EVENT;
}

/* Collections open, and the kinds of the outer two: a block mapping at
 * column 0, a block sequence, or something else. */
enum { OUTER_OTHER = 1, OUTER_MAP, OUTER_SEQ };

static void
nest(fz_io__feed *f, const yaml_event_t *e)
{
	unsigned char k = OUTER_OTHER;

	if (e->type == YAML_MAPPING_START_EVENT &&
	    e->data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE &&
	    e->start_mark.column == 0)
		k = OUTER_MAP;
	else if (e->type == YAML_SEQUENCE_START_EVENT &&
	    e->data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE)
		k = OUTER_SEQ;
	if (f->depth < 2)
		f->kinds[f->depth] = k;
	f->lists += f->depth == 1;
	f->depth++;
}

/* At an item of a block sequence that is a value of a document's block
 * mapping: where a part may begin. */
static int
at_record(const fz_io__feed *f)
{
	return f->depth == 2 && f->kinds[0] == OUTER_MAP &&
	    f->kinds[1] == OUTER_SEQ;
}

/* The split's part in an event (of a feed that may split, or of a
 * part): 1 when the event is not to be passed on. */
static int
split_event(fz_io__feed *f, const yaml_event_t *e)
{
	int node = is_node(e);

	if (e->type == YAML_DOCUMENT_START_EVENT &&
	    e->data.document_start.tag_directives.start !=
	    e->data.document_start.tag_directives.end)
		f->tagged = 1;
	if (f->part && node && f->dropped < 3) {
		/* The prefix's mapping, key and sequence. */
		f->dropped++;
		return 1;
	}
	if (f->split_state == SPLIT_PENDING && split_at_cut(f, e))
		return 1;
	if (node && !f->part && f->split_state == NO_SPLIT && at_record(f))
		split_try(f, e);
	return 0;
}

/* The event is a node with a tag that is not a scalar's !!str: no data
 * of fazhi, which the reader refuses. */
static int
foreign_tag(const yaml_event_t *e)
{
	if (e->type == YAML_SCALAR_EVENT)
		return e->data.scalar.tag != NULL && strcmp((const char *)
		    e->data.scalar.tag, YAML_STR_TAG) != 0;
	if (e->type == YAML_SEQUENCE_START_EVENT)
		return e->data.sequence_start.tag != NULL;
	return e->type == YAML_MAPPING_START_EVENT &&
	    e->data.mapping_start.tag != NULL;
}

/* Parse one event (or open or end an input) into the batch filling. */
static void
step(fz_io__feed *f)
{
	yaml_event_t e;
	struct item *it;
	int rc;

	if (!f->parser_live) {
		if (f->part) {
			push(f->filling, FZ_PEV_END);
			f->over = 1;
		} else if ((rc = open_next(f)) < 0) {
			fail(f);
		} else if (rc == 0) {
			push(f->filling, FZ_PEV_END);
			f->over = 1;
		}
		return;
	}
	if (!yaml_parser_parse(&f->parser, &e)) {
		parse_error(f);
		if (f->absolute && !f->err_absolute && f->err.line > 0)
			f->err.line += f->base;
		fail(f);
		return;
	}
	fz_io__colon_event(&f->colon, &e);
	f->gap_from = f->done;
	f->gap_line = (unsigned)e.end_mark.line;
	f->gap_col = (unsigned)e.end_mark.column;
	if ((f->can_split || f->part) && split_event(f, &e)) {
		yaml_event_delete(&e);
		return;
	}
	if ((size_t)e.type < sizeof pev_of && pev_of[e.type] != 0) {
		it = push(f->filling, pev_of[e.type]);
		it->line = (unsigned)e.start_mark.line + 1 + f->base;
		it->col = (unsigned)e.start_mark.column + 1;
		it->tagged = (unsigned char)foreign_tag(&e);
		if (e.type == YAML_SCALAR_EVENT) {
			/* A scalar's length past the limit is only told. */
			it->len = e.data.scalar.length < UINT32_MAX ?
			    (uint32_t)e.data.scalar.length : UINT32_MAX - 1;
			it->quoted = e.data.scalar.style !=
			    YAML_PLAIN_SCALAR_STYLE || (e.data.scalar.tag !=
			    NULL && strcmp((const char *)e.data.scalar.tag,
			    YAML_STR_TAG) == 0);
			it->escaped = e.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE;
			if (e.data.scalar.length <= FZ_MAX_SCALAR)
				it->off = copy(f->filling,
				    e.data.scalar.value, it->len);
		}
	}
	if (f->can_split && (e.type == YAML_MAPPING_START_EVENT ||
	    e.type == YAML_SEQUENCE_START_EVENT))
		nest(f, &e);
	else if (f->can_split && (e.type == YAML_MAPPING_END_EVENT ||
	    e.type == YAML_SEQUENCE_END_EVENT))
		f->depth--;
	if (e.type == YAML_STREAM_END_EVENT) {
		if (f->split_state == SPLIT_PENDING)
			split_drop(f);
		close_input(f);
	}
	yaml_event_delete(&e);
}

static void
start(fz_io__feed *f, struct batch *b)
{
	b->nev = b->used = 0;
	f->filling = b;
}

static int
full(const struct batch *b)
{
	return b->nev >= BATCH_EVENTS || b->used >= BATCH_BYTES;
}

/* Parse into b until it has a few events, still in the cache when they
 * are read, or the feed is over (one thread). */
static void
fill(fz_io__feed *f, struct batch *b)
{
	start(f, b);
	while (!f->over && b->nev < SMALL_BATCH)
		step(f);
	b->done = f->done;
}

/* A batch to fill: one given back, or a new one while fewer than the
 * limit are made, or else the next given back, waited for (NULL when
 * the feed is closed meanwhile). */
static struct batch *
fresh(fz_io__feed *f)
{
	struct batch *b = fz_queue_trypop(f->spent);

	if (b == NULL && f->made < f->limit) {
		f->made++;
		b = fz_xcalloc(1, sizeof *b);
	}
	return b != NULL ? b : fz_queue_pop(f->spent);
}

/* Hand the batch being filled over to the reader; unless the feed is
 * over, start another (waiting while the reader holds all there are).
 * 0 when the feed is closed. */
static int
hand_over(fz_io__feed *f)
{
	struct batch *b = f->filling;

	b->done = f->done;
	if (!fz_queue_push(f->parsed, b))
		batch_free(b, 0);	/* stopped: no reader takes it */
	f->filling = NULL;
	if (!f->over && (b = fresh(f)) != NULL)
		start(f, b);
	return !cancelled(f);
}

static void count_base(fz_io__feed *f);

static void *
produce(void *arg)
{
	fz_io__feed *f = arg;

	start(f, fresh(f));
	if (f->count_base)
		count_base(f);
	while (!f->over && !cancelled(f)) {
		step(f);
		if ((f->over || full(f->filling)) && !hand_over(f))
			break;
	}
	return NULL;
}

/* ------------------------------------------------------------ the split */

/* Count the lines of buf as libyaml does, or mark the count wrong: a CR,
 * or a NEL, LS or PS (perhaps cut at the end of buf), breaks lines too. */
static void
count_lines(fz_io__feed *f, const unsigned char *buf, size_t n)
{
	const unsigned char *p, *end = buf + n;
	unsigned lines = 0;

	for (size_t i = 0; i < n; i++)
		lines += buf[i] == '\n';
	f->cut_line += lines;
	if (memchr(buf, '\r', n) != NULL)
		f->cut_bad = 1;
	for (p = buf; (p = memchr(p, 0xC2, (size_t)(end - p))) != NULL; p++)
		if (end - p < 2 || p[1] == 0x85)
			f->cut_bad = 1;
	for (p = buf; (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++)
		if (end - p < 3 || (p[1] == 0x80 && (p[2] == 0xA8 ||
		    p[2] == 0xA9)))
			f->cut_bad = 1;
}

/* A part of FZ_FEED_PARTS, on its own thread before it parses: the
 * lines of the file before its cut, which its lines follow.  When they
 * cannot be counted as libyaml counts them, the part ends at once (the
 * parser before it finds the same and drops it). */
static void
count_base(fz_io__feed *f)
{
	unsigned char buf[64 << 10];
	uint64_t at = 0;
	ssize_t n;

	f->cut_line = 0;
	while (at < f->cut && !cancelled(f)) {
		size_t want = f->cut - at < sizeof buf ? (size_t)(f->cut - at) :
		    sizeof buf;

		if ((n = pread(f->fd, buf, want, (off_t)at)) <= 0) {
			f->cut_bad = 1;
			break;
		}
		count_lines(f, buf, (size_t)n);
		at += (uint64_t)n;
	}
	f->base = f->cut_line - 1;	/* the cut is the part's line 2 */
	if (f->cut_bad || f->cut_line == 0) {
		f->base_bad = 1;
		push(f->filling, FZ_PEV_END);
		f->over = 1;
	}
}

/* Bytes [at, at + n) of the file read while a part waits at the cut:
 * the lines before the cut counted, the bytes after it held for the tap
 * until the part is taken or dropped.  Returns the bytes before. */
static size_t
up_to_cut(fz_io__feed *f, const unsigned char *buf, size_t n, uint64_t at)
{
	size_t before = at >= f->cut ? 0 : f->cut - at < n ?
	    (size_t)(f->cut - at) : n;

	count_lines(f, buf, before);
	if (before == n)
		return n;
	f->cut_known = 1;
	if (f->tap) {
		if (f->heldcap - f->nheld < n - before) {
			while (f->heldcap - f->nheld < n - before)
				f->heldcap = f->heldcap ? 2 * f->heldcap :
				    1u << 16;
			f->held = fz_xrealloc(f->held, f->heldcap);
		}
		memcpy(f->held + f->nheld, buf + before, n - before);
		f->nheld += n - before;
	}
	return before;
}

static void *produce(void *arg);

static void drop_parsed(void *b);
static void drop_spent(void *b);

/* Parse on a thread of its own: 1, or 0 when it cannot start.  Neither
 * queue ever waits to push: there are only f->limit batches. */
static int
start_thread(fz_io__feed *f)
{
	f->parsed = fz_queue_new(SIZE_MAX);
	f->spent = fz_queue_new(SIZE_MAX);
	f->threaded = 1;
	if (pthread_create(&f->thread, NULL, produce, f) == 0)
		return 1;
	f->threaded = 0;
	fz_queue_free(f->parsed, drop_parsed);
	fz_queue_free(f->spent, drop_spent);
	f->parsed = f->spent = NULL;
	return 0;
}

/* A feed of the file from offset cut on, behind the prefix, parsing on
 * a thread of its own; NULL when it cannot start. */
static fz_io__feed *
part_open(fz_io__feed *f, uint64_t cut)
{
	fz_io__feed *g = fz_xcalloc(1, sizeof *g);

	g->paths = f->paths;
	g->npaths = f->npaths;
	g->tap = f->tap;
	g->cur = f->cur;
	g->name = f->name;
	g->part = 1;
	/* Held until read, however many; with parts, read at once. */
	g->limit = f->parts_mode ? NBATCH : (size_t)-1;
	g->absolute = g->count_base = f->parts_mode;
	atomic_init(&g->stop, 0);
	g->cut = g->at = cut;
	g->wake[0] = g->wake[1] = -1;
	atomic_init(&g->cancel, 0);
	if ((g->fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		free(g);
		return NULL;
	}
	g->owned = 1;
	if (!yaml_parser_initialize(&g->parser))
		fz_nomem();
	g->parser_live = 1;
	yaml_parser_set_input(&g->parser, read_handler, g);
	if (!start_thread(g)) {
		fz_io__feed_close(g);
		return NULL;
	}
	return g;
}

/* The offset of a line that begins with k spaces and "- ", searched
 * from from on; 0 when there is none near. */
static uint64_t
find_cut(const fz_io__feed *f, uint64_t from, unsigned k)
{
	uint64_t at = from;

	while (at < from + SPLIT_SEARCH && at + k + 3 < (uint64_t)f->size) {
		char win[64 << 10];
		ssize_t n = pread(f->fd, win, sizeof win, (off_t)at);
		const char *p, *end;

		if (n <= (ssize_t)k + 3)
			return 0;
		end = win + n - k - 2;
		for (p = win; (p = memchr(p, '\n', (size_t)(end - p))) !=
		    NULL; p++) {
			unsigned i = 0;

			while (i < k && p[1 + i] == ' ')
				i++;
			if (i == k && p[1 + k] == '-' && p[2 + k] == ' ')
				return at + (uint64_t)(p - win) + 1;
		}
		at += (uint64_t)n - k - 3;
	}
	return 0;
}

/* At the first record of a large regular file: look for a cut near the
 * middle of the rest, and start the part there. */
static void
split_try(fz_io__feed *f, const yaml_event_t *e)
{
	unsigned col = (unsigned)e->start_mark.column;
	unsigned char head[64 << 10];
	uint64_t cut;
	ssize_t n;

	f->split_state = SPLIT_DONE;	/* one try a file */
	if (!f->threaded || !f->can_split || f->size == 0 || f->tagged ||
	    col < 2 || f->parser.encoding != YAML_UTF8_ENCODING ||
	    (uint64_t)f->size < f->file_done + SPLIT_MIN ||
	    f->file_done > sizeof head)
		return;
	cut = find_cut(f, f->file_done + ((uint64_t)f->size - f->file_done) / 2,
	    col - 2);
	/* The lines of what was read so far: the count goes on as the
	 * file is read up to the cut. */
	if (cut == 0 || (n = pread(f->fd, head, (size_t)f->file_done, 0)) !=
	    (ssize_t)f->file_done)
		return;
	f->cut_line = 0;
	f->cut_bad = f->cut_known = 0;
	f->nheld = 0;
	count_lines(f, head, (size_t)n);
	if (f->cut_bad || (f->split = part_open(f, cut)) == NULL)
		return;
	f->cut = cut;
	f->cut_col = col;
	f->cut_list = f->lists;
	f->split_state = SPLIT_PENDING;
	if (f->parts_mode) {
		/* The reader may read it at once, from here on. */
		if (f->nparts == f->capparts) {
			f->capparts = f->capparts ? 2 * f->capparts : 4;
			f->parts = fz_xrealloc(f->parts, f->capparts *
			    sizeof *f->parts);
		}
		f->parts[f->nparts] = f->split;
		push(f->filling, PEV_PART_AT)->len = (uint32_t)f->nparts++;
	}
}

/* The part is not to be: the bytes held go to the tap, and the first
 * parser goes on alone. */
static void
split_drop(fz_io__feed *f)
{
	if (f->parts_mode)	/* the list's: stopped, closed with f */
		atomic_store(&f->split->stop, 1);
	else
		fz_io__feed_close(f->split);
	f->split = NULL;
	f->split_state = SPLIT_DONE;
	tap_bytes(f, f->held, f->nheld);
	f->nheld = 0;
}

/* An event while the part waits: at the cut line's first node, the
 * part takes over (1: the event and the rest of the file are the
 * part's), or is dropped.  0 when the event is the first parser's. */
static int
split_at_cut(fz_io__feed *f, const yaml_event_t *e)
{
	struct item *it;
	int node = is_node(e);

	if (!f->cut_known)
		return 0;
	if (f->cut_bad) {
		split_drop(f);
		return 0;
	}
	if (!node || e->start_mark.line < f->cut_line)
		return 0;
	/* In the list it began in: a reader of the part's records reads
	 * them as the items of that list. */
	if (e->start_mark.line != f->cut_line ||
	    e->start_mark.column != f->cut_col || !at_record(f) ||
	    f->lists != f->cut_list) {
		split_drop(f);
		return 0;
	}
	if (f->parts_mode) {
		it = push(f->filling, PEV_CUT_AT);
		it->len = (uint32_t)f->nparts - 1;
	} else {
		it = push(f->filling, PEV_SPLIT);
		it->off = copy(f->filling, &f->split, sizeof f->split);
	}
	it->line = f->cut_line + 1;
	f->split = NULL;
	f->split_state = SPLIT_DONE;
	f->nheld = 0;
	close_input(f);
	return 1;
}

/* ------------------------------------------------------- the reading side */

fz_io__feed *
fz_io__feed_open(char *const *paths, int npaths, unsigned flags)
{
	fz_io__feed *f = fz_xcalloc(1, sizeof *f);

	f->paths = paths;
	f->npaths = npaths;
	f->tap = (flags & FZ_FEED_TAP) != 0;
	f->can_split = (flags & (FZ_FEED_SPLIT | FZ_FEED_PARTS)) != 0;
	f->parts_mode = (flags & FZ_FEED_PARTS) != 0;
	atomic_init(&f->stop, 0);
	f->limit = NBATCH;
	f->cur = -1;
	f->fd = -1;
	f->wake[0] = f->wake[1] = -1;
	atomic_init(&f->cancel, 0);
	/* Looked at before anything is opened, which could be given the
	 * closed descriptor 0 and then be read as standard input. */
	f->stdin_closed = fcntl(STDIN_FILENO, F_GETFD) < 0;
	if (fz_nprocs() > 1 && pipe(f->wake) == 0)
		start_thread(f);
	return f;
}

/* Take the next batch to read.  The parser's last batch ends with the
 * end or an error, after which nothing is taken: there always is one to
 * wait for. */
static int
take(fz_io__feed *f)
{
	if (!f->threaded) {
		if (f->solo == NULL)
			f->solo = fz_xcalloc(1, sizeof *f->solo);
		fill(f, f->solo);
		f->taking = f->solo;
	} else if ((f->taking = fz_queue_pop(f->parsed)) == NULL) {
		return 0;	/* fz_io__feed_stop */
	}
	f->pos = 0;
	f->taken_done = f->taking->done;
	return 1;
}

/* The reading of a stopped part ends, with an error no one tells. */
static int
stopped(fz_io__feed *f, fz_pev *e, fz_error *err)
{
	memset(e, 0, sizeof *e);
	e->type = FZ_PEV_END;
	f->ended = 1;
	f->last = *e;
	f->last_status = FZ_IOERR;
	f->stopped = 1;
	return fz_error_set(err, FZ_IOERR, f->name, 0, 0, "reading stopped");
}

/* Hand the batch read back. */
static void
give_back(fz_io__feed *f)
{
	if (f->threaded)
		fz_queue_push(f->spent, f->taking);
	f->taking = NULL;
}

/* The next event of the part being read, its lines the file's. */
static int
part_next(fz_io__feed *f, fz_pev *e, fz_error *err)
{
	int rc = fz_io__feed_next(f->reading, e, err);

	/* The part's line 2 is the cut's line. */
	if (f->reading->absolute)
		return rc;
	if (e->line > 0)
		e->line = e->line - 2 + f->reading_line;
	if (rc != FZ_OK && err->line > 0 && !f->reading->err_absolute)
		err->line = err->line - 2 + f->reading_line;
	return rc;
}

/* A part began, or takes over at its cut: told to the reader, which
 * reads it on from there (the part's lines are the file's). */
static int
part_event(fz_io__feed *f, const struct item *it, fz_pev *e)
{
	memset(e, 0, sizeof *e);
	e->line = it->line;
	e->len = it->len;
	if (it->type == PEV_PART_AT) {
		e->type = FZ_PEV_PART;
		return FZ_OK;
	}
	e->type = FZ_PEV_CUT;
	f->reading = f->parts[it->len];
	f->reading_part = it->len;
	f->reading_line = it->line;
	f->nsplits++;
	return FZ_OK;
}

fz_io__feed *
fz_io__feed_part(const fz_io__feed *f, size_t i)
{
	return f->parts[i];
}

void
fz_io__feed_stop(fz_io__feed *f)
{
	atomic_store(&f->stop, 1);
	/* A reader waiting for a batch the stopped parser will not make. */
	if (f->threaded)
		fz_queue_cancel(f->parsed);
}

int
fz_io__feed_next(fz_io__feed *f, fz_pev *e, fz_error *err)
{
	const struct item *it;
	int rc;

	for (;;) {
		if (f->reading != NULL) {
			if ((rc = part_next(f, e, err)) != FZ_OK ||
			    e->type != FZ_PEV_END)
				return rc;
			/* Read to its end: nothing reads it any more. */
			fz_io__feed_close(f->reading);
			if (f->parts_mode)
				f->parts[f->reading_part] = NULL;
			f->reading = NULL;
		}
		if (f->ended) {
			*e = f->last;
			if (f->last_status != FZ_OK && !f->stopped)
				*err = f->err;
			return f->last_status;
		}
		while (f->taking == NULL || f->pos == f->taking->nev) {
			if (f->taking != NULL)
				give_back(f);
			if (!take(f))
				return stopped(f, e, err);
		}
		it = &f->taking->ev[f->pos++];
		if (it->type == PEV_CUT_AT || it->type == PEV_PART_AT)
			return part_event(f, it, e);
		if (it->type != PEV_SPLIT)
			break;
		memcpy(&f->reading, f->taking->bytes + it->off,
		    sizeof f->reading);
		f->reading_line = it->line;
		f->nsplits++;
	}
	e->type = it->type;
	e->quoted = it->quoted;
	e->escaped = it->escaped;
	e->tagged = it->tagged;
	e->line = it->line;
	e->col = it->col;
	e->len = it->len;
	e->str = it->off == NO_STR ? NULL : f->taking->bytes + it->off;
	if (it->type != PEV_ERROR && it->type != FZ_PEV_END)
		return FZ_OK;
	f->ended = 1;
	f->last = *e;
	f->last.str = NULL;
	f->last_status = it->type == PEV_ERROR ? f->err.status : FZ_OK;
	if (f->last_status != FZ_OK)
		*err = f->err;
	return f->last_status;
}

/* Free b, closing the parts it hands over from its item from on. */
static void
batch_free(struct batch *b, size_t from)
{
	if (b == NULL)
		return;
	for (size_t i = from; i < b->nev; i++)
		if (b->ev[i].type == PEV_SPLIT) {
			fz_io__feed *g;

			memcpy(&g, b->bytes + b->ev[i].off, sizeof g);
			fz_io__feed_close(g);
		}
	free(b->ev);
	free(b->bytes);
	free(b);
}

/* A batch handed over and not read: the parts in it are closed too. */
static void
drop_parsed(void *b)
{
	batch_free(b, 0);
}

/* A batch read: what it handed over is the reader's. */
static void
drop_spent(void *b)
{
	batch_free(b, ((struct batch *)b)->nev);
}

size_t
fz_io__feed_splits(const fz_io__feed *f)
{
	return f->nsplits;
}

uint64_t
fz_io__feed_done(const fz_io__feed *f)
{
	return f->taken_done;
}

void
fz_io__feed_close(fz_io__feed *f)
{
	if (f == NULL)
		return;
	if (f->threaded) {
		/* The flag between reads, the queue in a wait for a batch,
		 * the byte in a blocked read. */
		atomic_store(&f->cancel, 1);
		fz_queue_cancel(f->spent);
		while (write(f->wake[1], "", 1) < 0 && errno == EINTR)
			;
		pthread_join(f->thread, NULL);
	}
	if (f->wake[0] >= 0) {
		close(f->wake[0]);
		close(f->wake[1]);
	}
	close_input(f);
	/* The parts: pending, being read, and handed over but not read;
	 * with FZ_FEED_PARTS, those made. */
	if (!f->parts_mode) {
		fz_io__feed_close(f->split);
		fz_io__feed_close(f->reading);
	}
	for (size_t i = 0; i < f->nparts; i++)
		fz_io__feed_close(f->parts[i]);
	free(f->parts);
	if (f->solo != NULL) {
		batch_free(f->solo, 0);
	} else {
		batch_free(f->taking, f->pos);
		batch_free(f->filling, 0);
	}
	fz_queue_free(f->parsed, drop_parsed);
	fz_queue_free(f->spent, drop_spent);
	free(f->held);
	free(f);
}
