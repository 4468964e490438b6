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

#include "reader_int.h"

#define NBATCH 4		/* batches between the two threads */
#define BATCH_EVENTS 8192	/* a batch is handed over at this many */
#define BATCH_BYTES (128u << 10)	/* or at this many bytes */
#define SMALL_BATCH 256		/* with one thread, at this many */
#define NO_STR ((size_t)-1)
#define PEV_ERROR 0		/* the input failed: f->err says how */

/* An event in a batch: its bytes are at an offset, as the batch's
 * buffer may move while it is filled. */
struct item {
	unsigned char type, quoted;
	unsigned line, col;
	size_t len, off;
};

struct batch {
	struct item *ev;
	size_t nev, evcap;
	char *bytes;
	size_t used, cap;
	uint64_t done;		/* input bytes read when it was filled */
};

struct fz_feed {
	char *const *paths;
	int npaths, tap;

	/* The parsing side. */
	int cur, fd, owned, pollable, parser_live, read_errno, over;
	const char *name;
	yaml_parser_t parser;
	uint64_t done;
	struct batch *filling;
	fz_error err;		/* of the PEV_ERROR that ends the feed */

	/* Between the two sides. */
	struct batch ring[NBATCH];
	size_t head, tail;	/* batches taken back, handed over */
	int threaded;
	atomic_int cancel;
	int wake[2];		/* a byte on it ends a blocked read */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled, emptied;

	/* The reading side. */
	struct batch *taking;
	size_t pos;
	uint64_t taken_done;
	int ended;		/* END or an error was returned */
	fz_pev last;
	int last_status;
};

int
fz_nprocs(void)
{
	const char *env = getenv("FAZHI_THREADS");
	char *end;
	long n;

	if (env != NULL && *env != '\0') {
		n = strtol(env, &end, 10);
		if (*end == '\0' && n >= 1)
			return n > 1024 ? 1024 : (int)n;
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

const char *
fz_feed_name(const fz_feed *f, size_t i)
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
static size_t
copy(struct batch *b, const void *p, size_t len)
{
	size_t at = b->used;

	if (b->cap - b->used <= len) {
		while (b->cap - b->used <= len)
			b->cap = b->cap ? 2 * b->cap : 2 * BATCH_BYTES;
		b->bytes = fz_xrealloc(b->bytes, b->cap);
	}
	memcpy(b->bytes + at, p, len);
	b->bytes[at + len] = '\0';
	b->used += len + 1;
	return at;
}

/* ------------------------------------------------------- the parsing side */

static int
cancelled(fz_feed *f)
{
	return atomic_load_explicit(&f->cancel, memory_order_relaxed);
}

/* Wait until fd can be read, or the feed is closed: 0 then. */
static int
wait_readable(fz_feed *f)
{
	struct pollfd p[2] = { { f->fd, POLLIN, 0 }, { f->wake[0], POLLIN, 0 } };

	for (;;) {
		if (poll(p, 2, -1) >= 0)
			return !(p[1].revents & POLLIN);
		if (errno != EINTR)
			return 1;	/* let read say what is wrong */
	}
}

static int hand_over(fz_feed *f);

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *got)
{
	fz_feed *f = data;
	ssize_t n;

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
	if (f->tap && n > 0) {
		struct item *it = push(f->filling, FZ_PEV_BYTES);

		it->len = (size_t)n;
		it->off = copy(f->filling, buf, (size_t)n);
	}
	return 1;
}

static void
close_input(fz_feed *f)
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
fail(fz_feed *f)
{
	push(f->filling, PEV_ERROR);
	f->over = 1;
	close_input(f);
}

/* Open the next input: 1 when one is open, 0 at the end, -1 on error. */
static int
open_next(fz_feed *f)
{
	const char *path;
	struct stat st;

	close_input(f);
	if (++f->cur >= (f->npaths > 0 ? f->npaths : 1))
		return 0;
	path = f->npaths > 0 ? f->paths[f->cur] : "-";
	f->name = fz_feed_name(f, (size_t)f->cur);
	f->read_errno = 0;
	if (strcmp(path, "-") == 0) {
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
	f->pollable = !(fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) &&
	    !(fcntl(f->fd, F_GETFL) & O_NONBLOCK);
	if (!yaml_parser_initialize(&f->parser))
		abort();
	f->parser_live = 1;
	yaml_parser_set_input(&f->parser, read_handler, f);
	push(f->filling, FZ_PEV_FILE)->len = (size_t)f->cur;
	return 1;
}

/* libyaml's reader knows only the byte offset of an encoding error: find
 * its line and column (in characters) by reading the file again. */
static void
locate(const fz_feed *f, size_t offset, unsigned *line, unsigned *col)
{
	FILE *fp;
	int c;

	if (!f->owned || (fp = fopen(f->name, "rb")) == NULL)
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
parse_error(fz_feed *f)
{
	yaml_parser_t *p = &f->parser;
	yaml_mark_t m = p->problem_mark;

	if (f->read_errno != 0) {
		fz_error_set(&f->err, FZ_IOERR, f->name, 0, 0,
		    "read error: %s", strerror(f->read_errno));
	} else if (p->error == YAML_READER_ERROR) {
		unsigned line = 0, col = 0;

		locate(f, p->problem_offset, &line, &col);
		fz_error_set(&f->err, FZ_DATAERR, f->name, line, col,
		    "%s (byte %zu)", p->problem, p->problem_offset);
	} else if (p->error == YAML_MEMORY_ERROR) {
		abort();
	} else if (p->context != NULL) {
		fz_error_set(&f->err, FZ_DATAERR, f->name, m.line + 1,
		    m.column + 1, "%s %s", p->problem, p->context);
	} else {
		fz_error_set(&f->err, FZ_DATAERR, f->name, m.line + 1,
		    m.column + 1, "%s", p->problem ? p->problem :
		    "malformed YAML");
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

/* Parse one event (or open or end an input) into the batch filling. */
static void
step(fz_feed *f)
{
	yaml_event_t e;
	struct item *it;
	int rc;

	if (!f->parser_live) {
		if ((rc = open_next(f)) < 0) {
			fail(f);
		} else if (rc == 0) {
			push(f->filling, FZ_PEV_END);
			f->over = 1;
		}
		return;
	}
	if (!yaml_parser_parse(&f->parser, &e)) {
		parse_error(f);
		fail(f);
		return;
	}
	if ((size_t)e.type < sizeof pev_of && pev_of[e.type] != 0) {
		it = push(f->filling, pev_of[e.type]);
		it->line = (unsigned)e.start_mark.line + 1;
		it->col = (unsigned)e.start_mark.column + 1;
		if (e.type == YAML_SCALAR_EVENT) {
			it->len = e.data.scalar.length;
			it->quoted = e.data.scalar.style !=
			    YAML_PLAIN_SCALAR_STYLE || (e.data.scalar.tag !=
			    NULL && strcmp((const char *)e.data.scalar.tag,
			    YAML_STR_TAG) == 0);
			if (it->len <= FZ_MAX_SCALAR)
				it->off = copy(f->filling,
				    e.data.scalar.value, it->len);
		}
	}
	if (e.type == YAML_STREAM_END_EVENT)
		close_input(f);
	yaml_event_delete(&e);
}

static void
start(fz_feed *f, struct batch *b)
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
fill(fz_feed *f, struct batch *b)
{
	start(f, b);
	while (!f->over && b->nev < SMALL_BATCH)
		step(f);
	b->done = f->done;
}

/* Hand the batch being filled over to the reader; unless the feed is
 * over, wait for a free one and start it.  0 when the feed is closed. */
static int
hand_over(fz_feed *f)
{
	f->filling->done = f->done;
	pthread_mutex_lock(&f->lock);
	f->tail++;
	pthread_cond_signal(&f->filled);
	while (!f->over && f->tail - f->head >= NBATCH && !cancelled(f))
		pthread_cond_wait(&f->emptied, &f->lock);
	pthread_mutex_unlock(&f->lock);
	if (!f->over)
		start(f, &f->ring[f->tail % NBATCH]);
	return !cancelled(f);
}

static void *
produce(void *arg)
{
	fz_feed *f = arg;

	start(f, &f->ring[0]);
	while (!f->over && !cancelled(f)) {
		step(f);
		if ((f->over || full(f->filling)) && !hand_over(f))
			break;
	}
	return NULL;
}

/* ------------------------------------------------------- the reading side */

fz_feed *
fz_feed_open(char *const *paths, int npaths, int tap)
{
	fz_feed *f = fz_xcalloc(1, sizeof *f);

	f->paths = paths;
	f->npaths = npaths;
	f->tap = tap;
	f->cur = -1;
	f->fd = -1;
	f->wake[0] = f->wake[1] = -1;
	atomic_init(&f->cancel, 0);
	if (fz_nprocs() > 1 && pipe(f->wake) == 0) {
		pthread_mutex_init(&f->lock, NULL);
		pthread_cond_init(&f->filled, NULL);
		pthread_cond_init(&f->emptied, NULL);
		f->threaded = 1;
		if (pthread_create(&f->thread, NULL, produce, f) != 0) {
			f->threaded = 0;
			pthread_mutex_destroy(&f->lock);
			pthread_cond_destroy(&f->filled);
			pthread_cond_destroy(&f->emptied);
		}
	}
	return f;
}

/* Take the next batch to read. */
static void
take(fz_feed *f)
{
	if (!f->threaded) {
		fill(f, &f->ring[0]);
		f->taking = &f->ring[0];
	} else {
		pthread_mutex_lock(&f->lock);
		while (f->head == f->tail)
			pthread_cond_wait(&f->filled, &f->lock);
		f->taking = &f->ring[f->head % NBATCH];
		pthread_mutex_unlock(&f->lock);
	}
	f->pos = 0;
	f->taken_done = f->taking->done;
}

/* Hand the batch read back. */
static void
give_back(fz_feed *f)
{
	if (f->threaded) {
		pthread_mutex_lock(&f->lock);
		f->head++;
		pthread_cond_signal(&f->emptied);
		pthread_mutex_unlock(&f->lock);
	}
	f->taking = NULL;
}

int
fz_feed_next(fz_feed *f, fz_pev *e, fz_error *err)
{
	const struct item *it;

	if (f->ended) {
		*e = f->last;
		if (f->last_status != FZ_OK)
			*err = f->err;
		return f->last_status;
	}
	while (f->taking == NULL || f->pos == f->taking->nev) {
		if (f->taking != NULL)
			give_back(f);
		take(f);
	}
	it = &f->taking->ev[f->pos++];
	e->type = it->type;
	e->quoted = it->quoted;
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

uint64_t
fz_feed_done(const fz_feed *f)
{
	return f->taken_done;
}

void
fz_feed_close(fz_feed *f)
{
	if (f == NULL)
		return;
	if (f->threaded) {
		pthread_mutex_lock(&f->lock);
		atomic_store(&f->cancel, 1);
		pthread_cond_broadcast(&f->emptied);
		pthread_mutex_unlock(&f->lock);
		while (write(f->wake[1], "", 1) < 0 && errno == EINTR)
			;
		pthread_join(f->thread, NULL);
		pthread_mutex_destroy(&f->lock);
		pthread_cond_destroy(&f->filled);
		pthread_cond_destroy(&f->emptied);
	}
	if (f->wake[0] >= 0) {
		close(f->wake[0]);
		close(f->wake[1]);
	}
	close_input(f);
	for (int i = 0; i < NBATCH; i++) {
		free(f->ring[i].ev);
		free(f->ring[i].bytes);
	}
	free(f);
}
