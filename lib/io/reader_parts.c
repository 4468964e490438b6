/* reader_parts.c - a part of a large file read at once beside the rest:
 * its records, parsed by the part's own parser (reader_feed.c), built
 * by a stream of the part and taken into a partial result on a thread
 * of its own, while the first part is read as usual.  The part is used
 * only when the parser before it confirms its cut: then its result is
 * merged (or its first error told) where its records begin, so that
 * what a reader sees is what one read in order would give it.  Else it
 * is stopped and what it took dropped. */
#include <pthread.h>
#include <stdlib.h>

#include "io_int.h"

struct fz_io__run {
	fz_stream *sub;
	fz_io__feed *g;
	const fz_stream_parts *p;
	void *part;		/* the partial result, NULL once merged */
	pthread_t thread;
	int live;		/* the thread is not joined */
	int status;
	fz_error err;
};

/* The part's records into its result, up to the end of their list or
 * the first error. */
static void *
run_records(void *arg)
{
	fz_io__run *r = arg;
	fz_event ev;

	do {
		r->status = fz_stream_next(r->sub, &ev, &r->err);
		if (r->status == FZ_OK && ev.type == FZ_EV_RECORD)
			r->status = r->p->take(r->part, &ev, &r->err);
	} while (r->status == FZ_OK && ev.type != FZ_EV_END);
	return NULL;
}

fz_io__run *
fz_io__run_start(fz_stream *s, fz_io__feed *g, const fz_stream_parts *p)
{
	fz_io__run *r;
	void *part = p->open(p->ctx, fz_io__stream_kind(s));

	if (part == NULL)
		return NULL;
	r = fz_xcalloc(1, sizeof *r);
	r->sub = fz_io__stream_sub(s, g);
	r->g = g;
	r->p = p;
	r->part = part;
	if (pthread_create(&r->thread, NULL, run_records, r) != 0) {
		p->drop(part);
		fz_stream_close(r->sub);
		free(r);
		return NULL;	/* its records are read as the others */
	}
	r->live = 1;
	return r;
}

int
fz_io__run_end(fz_io__run *r, fz_stream *s, fz_error *err)
{
	const fz_stream_parts *p = r->p;
	void *part = r->part;
	int rc;

	pthread_join(r->thread, NULL);
	r->live = 0;
	r->part = NULL;
	if (r->status != FZ_OK) {
		/* What it took before its error, as a read in order would
		 * have taken it, then the error. */
		fz_io__stream_absorb(s, r->sub);
		if ((rc = p->merge(p->ctx, part, err)) != FZ_OK)
			return rc;
		*err = r->err;
		return r->status;
	}
	if (!fz_io__stream_closed(r->sub)) {
		/* The parser before it confirmed a cut the part could not
		 * count its lines to: no such file is known. */
		p->drop(part);
		return fz_error_set(err, FZ_IOERR, fz_io__stream_name(r->sub),
		    0, 0, "read error: a part of the file could not be read");
	}
	fz_io__stream_absorb(s, r->sub);
	return p->merge(p->ctx, part, err);
}

void
fz_io__run_free(fz_io__run *r)
{
	if (r == NULL)
		return;
	if (r->live) {
		fz_io__feed_stop(r->g);
		pthread_join(r->thread, NULL);
	}
	if (r->part != NULL)
		r->p->drop(r->part);
	fz_stream_close(r->sub);
	free(r);
}
