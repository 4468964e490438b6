/* thread.c - the library's threads: the processors it may use, one
 * queue between threads, one fan-out of a function over threads.
 *
 * The queue is a ring of item pointers under one mutex, with a condition
 * for each side: poppers wait for an item, pushers for room.  It grows
 * as items come (up to its bound), so an unbounded queue costs no
 * allocation per item once it is as large as it gets.  Closing ends it
 * in order (what was pushed is still popped); cancelling ends it at once
 * on both sides, the items left being the owner's at fz_queue_free. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core.h"

#define MAX_PROCS 1024

int
fz_nprocs(void)
{
	const char *env = getenv("FAZHI_THREADS");
	char *end;
	long n;

	if (env != NULL && *env != '\0') {
		n = strtol(env, &end, 10);
		if (*end == '\0' && n >= 1)
			return n > MAX_PROCS ? MAX_PROCS : (int)n;
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_PROCS ? MAX_PROCS : (int)n;
}

/* ----------------------------------------------------------------- queue */

struct fz_queue {
	pthread_mutex_t lock;
	pthread_cond_t nonempty, nonfull;
	void **ring;		/* items at head, head + 1 ... modulo size */
	size_t head, n, size, cap;
	int closed, cancelled;
};

fz_queue *
fz_queue_new(size_t cap)
{
	fz_queue *q = fz_xcalloc(1, sizeof *q);

	q->cap = cap ? cap : 1;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->nonempty, NULL);
	pthread_cond_init(&q->nonfull, NULL);
	return q;
}

/* Room for one more item in the ring (the lock held, n < cap). */
static void
grow(fz_queue *q)
{
	size_t size = q->size ? 2 * q->size : 16;
	void **ring;

	if (q->n < q->size)
		return;
	if (size > q->cap)
		size = q->cap;
	ring = fz_xcalloc(size, sizeof *ring);
	for (size_t i = 0; i < q->n; i++)
		ring[i] = q->ring[(q->head + i) % q->size];
	free(q->ring);
	q->ring = ring;
	q->head = 0;
	q->size = size;
}

int
fz_queue_push(fz_queue *q, void *item)
{
	int ok;

	pthread_mutex_lock(&q->lock);
	while (q->n >= q->cap && !q->closed && !q->cancelled)
		pthread_cond_wait(&q->nonfull, &q->lock);
	if ((ok = !q->closed && !q->cancelled)) {
		grow(q);
		q->ring[(q->head + q->n++) % q->size] = item;
		pthread_cond_signal(&q->nonempty);
	}
	pthread_mutex_unlock(&q->lock);
	return ok;
}

/* The oldest item, the lock held; NULL when there is none to give. */
static void *
take(fz_queue *q)
{
	void *item;

	if (q->n == 0 || q->cancelled)
		return NULL;
	item = q->ring[q->head];
	q->head = (q->head + 1) % q->size;
	q->n--;
	pthread_cond_signal(&q->nonfull);
	return item;
}

void *
fz_queue_pop(fz_queue *q)
{
	void *item;

	pthread_mutex_lock(&q->lock);
	while (q->n == 0 && !q->closed && !q->cancelled)
		pthread_cond_wait(&q->nonempty, &q->lock);
	item = take(q);
	pthread_mutex_unlock(&q->lock);
	return item;
}

void *
fz_queue_trypop(fz_queue *q)
{
	void *item;

	pthread_mutex_lock(&q->lock);
	item = take(q);
	pthread_mutex_unlock(&q->lock);
	return item;
}

/* Set a flag and wake every thread waiting on either side. */
static void
end(fz_queue *q, int *flag)
{
	pthread_mutex_lock(&q->lock);
	*flag = 1;
	pthread_cond_broadcast(&q->nonempty);
	pthread_cond_broadcast(&q->nonfull);
	pthread_mutex_unlock(&q->lock);
}

void
fz_queue_close(fz_queue *q)
{
	end(q, &q->closed);
}

void
fz_queue_cancel(fz_queue *q)
{
	end(q, &q->cancelled);
}

void
fz_queue_free(fz_queue *q, void (*drop)(void *item))
{
	if (q == NULL)
		return;
	for (size_t i = 0; drop != NULL && i < q->n; i++)
		drop(q->ring[(q->head + i) % q->size]);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->nonempty);
	pthread_cond_destroy(&q->nonfull);
	free(q->ring);
	free(q);
}

/* --------------------------------------------------------------- fan-out */

struct slot {
	fz_fanout *fo;
	int i, started;
	pthread_t thread;
};

struct fz_fanout {
	void (*fn)(int i, void *ctx);
	void *ctx;
	int n;
	struct slot slot[];
};

static void *
run_slot(void *arg)
{
	struct slot *s = arg;

	s->fo->fn(s->i, s->fo->ctx);
	return NULL;
}

fz_fanout *
fz_fanout_start(int n, void (*fn)(int i, void *ctx), void *ctx)
{
	fz_fanout *fo;

	if (n < 0)
		n = 0;
	fo = fz_xcalloc(1, sizeof *fo + (size_t)n * sizeof *fo->slot);
	fo->fn = fn;
	fo->ctx = ctx;
	fo->n = n;
	for (int i = 1; i < n; i++) {
		fo->slot[i] = (struct slot){ .fo = fo, .i = i };
		fo->slot[i].started = pthread_create(&fo->slot[i].thread, NULL,
		    run_slot, &fo->slot[i]) == 0;
	}
	return fo;
}

void
fz_fanout_join(fz_fanout *fo)
{
	if (fo->n > 0)
		fo->fn(0, fo->ctx);
	for (int i = 1; i < fo->n; i++) {
		if (fo->slot[i].started)
			pthread_join(fo->slot[i].thread, NULL);
		else
			fo->fn(i, fo->ctx);	/* here, then */
	}
	free(fo);
}

void
fz_fanout_run(int n, void (*fn)(int i, void *ctx), void *ctx)
{
	fz_fanout_join(fz_fanout_start(n, fn, ctx));
}
