/* reader_parts.c - a part of a large file read on a thread of its own,
 * beside the rest: the reader (reader.c) gives the part's feed and what
 * to do with it, run here at once; stopping the run stops the part's
 * parser first, so that a read waiting for it ends. */
#include <pthread.h>
#include <stdlib.h>

#include "io_int.h"

struct fz_io__run {
	fz_io__feed *g;
	void (*body)(void *arg);
	void *arg;
	pthread_t thread;
	int live;		/* the thread is not joined */
};

static void *
run(void *arg)
{
	fz_io__run *r = arg;

	r->body(r->arg);
	return NULL;
}

fz_io__run *
fz_io__run_start(fz_io__feed *g, void (*body)(void *arg), void *arg)
{
	fz_io__run *r = fz_xcalloc(1, sizeof *r);

	r->g = g;
	r->body = body;
	r->arg = arg;
	if (pthread_create(&r->thread, NULL, run, r) != 0) {
		free(r);
		return NULL;
	}
	r->live = 1;
	return r;
}

void
fz_io__run_join(fz_io__run *r)
{
	if (r->live)
		pthread_join(r->thread, NULL);
	r->live = 0;
}

void
fz_io__run_free(fz_io__run *r)
{
	if (r == NULL)
		return;
	if (r->live)
		fz_io__feed_stop(r->g);
	fz_io__run_join(r);
	free(r);
}
