/* test_thread.c - the CPU count, the queue between threads and the
 * fan-out (lib/core/thread.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/core.h"

/* Items are small numbers cast to pointers: never NULL from 1 on. */
#define ITEM(i) ((void *)(uintptr_t)(i))
#define NUM(p) ((size_t)(uintptr_t)(p))

static void
pause_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) != 0)
		;
}

/* Wait up to five seconds for *v to reach want: 1 when it did. */
static int
reaches(atomic_size_t *v, size_t want)
{
	for (int i = 0; i < 5000; i++) {
		if (atomic_load(v) >= want)
			return 1;
		pause_ms(1);
	}
	return 0;
}

/* Join t once it has set *done, waiting up to five seconds: 0 when it
 * did not (it is left running, so that a broken queue fails the test
 * instead of hanging it). */
static int
joins(pthread_t t, atomic_size_t *done)
{
	if (!reaches(done, 1))
		return 0;
	pthread_join(t, NULL);
	return 1;
}

/* ------------------------------------------------------------ fz_nprocs */

static void
test_nprocs_honours_fazhi_threads(void **state)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	int fallback = online < 1 ? 1 : online > 1024 ? 1024 : (int)online;
	char junk[16];

	(void)state;
	setenv("FAZHI_THREADS", "3", 1);
	assert_int_equal(fz_nprocs(), 3);
	setenv("FAZHI_THREADS", "1", 1);
	assert_int_equal(fz_nprocs(), 1);
	setenv("FAZHI_THREADS", "5000", 1);
	assert_int_equal(fz_nprocs(), 1024);
	/* Not a number from 1: the processors on line. */
	setenv("FAZHI_THREADS", "0", 1);
	assert_int_equal(fz_nprocs(), fallback);
	setenv("FAZHI_THREADS", "-2", 1);
	assert_int_equal(fz_nprocs(), fallback);
	snprintf(junk, sizeof junk, "%dx", fallback % 1024 + 1);
	setenv("FAZHI_THREADS", junk, 1);
	assert_int_equal(fz_nprocs(), fallback);
	setenv("FAZHI_THREADS", "", 1);
	assert_int_equal(fz_nprocs(), fallback);
	unsetenv("FAZHI_THREADS");
	assert_int_equal(fz_nprocs(), fallback);
}

/* ---------------------------------------------------- the queue, alone */

static void
test_queue_keeps_order_as_it_grows_and_wraps(void **state)
{
	fz_queue *q = fz_queue_new(SIZE_MAX);
	size_t next_in = 1, next_out = 1;

	(void)state;
	assert_null(fz_queue_trypop(q));
	/* In twos, out in ones: the ring wraps and grows past 16. */
	for (int round = 0; round < 200; round++) {
		assert_int_equal(fz_queue_push(q, ITEM(next_in++)), 1);
		assert_int_equal(fz_queue_push(q, ITEM(next_in++)), 1);
		assert_int_equal(NUM(fz_queue_pop(q)), next_out++);
	}
	while (next_out < next_in)
		assert_int_equal(NUM(fz_queue_trypop(q)), next_out++);
	assert_null(fz_queue_trypop(q));
	fz_queue_free(q, NULL);
}

static size_t dropped;

static void
count_drop(void *item)
{
	dropped += NUM(item);
}

static void
test_queue_close_drains_then_ends(void **state)
{
	fz_queue *q = fz_queue_new(4);

	(void)state;
	for (size_t i = 1; i <= 3; i++)
		assert_int_equal(fz_queue_push(q, ITEM(i)), 1);
	fz_queue_close(q);
	assert_int_equal(fz_queue_push(q, ITEM(9)), 0);
	for (size_t i = 1; i <= 3; i++)
		assert_int_equal(NUM(fz_queue_pop(q)), i);
	assert_null(fz_queue_pop(q));
	assert_null(fz_queue_pop(q));
	dropped = 0;
	fz_queue_free(q, count_drop);
	assert_int_equal(dropped, 0);
}

static void
test_queue_cancel_ends_now_and_leaves_items(void **state)
{
	fz_queue *q = fz_queue_new(SIZE_MAX);

	(void)state;
	for (size_t i = 1; i <= 4; i++)
		assert_int_equal(fz_queue_push(q, ITEM(i)), 1);
	assert_int_equal(NUM(fz_queue_pop(q)), 1);
	fz_queue_cancel(q);
	assert_null(fz_queue_pop(q));
	assert_null(fz_queue_trypop(q));
	assert_int_equal(fz_queue_push(q, ITEM(9)), 0);
	dropped = 0;
	fz_queue_free(q, count_drop);
	assert_int_equal(dropped, 2 + 3 + 4);
}

/* ---------------------------------------------- the queue, two threads */

struct producer {
	fz_queue *q;
	size_t n;		/* items 1 ... n */
	atomic_size_t pushed;	/* pushes returned so far */
	int refused;		/* a push returned 0 */
	atomic_size_t done;
};

static void *
produce(void *arg)
{
	struct producer *p = arg;

	for (size_t i = 1; i <= p->n; i++) {
		if (!fz_queue_push(p->q, ITEM(i))) {
			p->refused = 1;
			break;
		}
		atomic_fetch_add(&p->pushed, 1);
	}
	atomic_store(&p->done, 1);
	return NULL;
}

static void
test_queue_order_across_threads(void **state)
{
	struct producer p = { .q = fz_queue_new(3), .n = 100000 };
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, produce, &p), 0);
	for (size_t i = 1; i <= p.n; i++)
		assert_int_equal(NUM(fz_queue_pop(p.q)), i);
	pthread_join(t, NULL);
	assert_null(fz_queue_trypop(p.q));
	fz_queue_free(p.q, NULL);
}

static void
test_queue_push_waits_at_capacity(void **state)
{
	struct producer p = { .q = fz_queue_new(3), .n = 10 };
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, produce, &p), 0);
	assert_true(reaches(&p.pushed, 3));
	pause_ms(100);
	assert_int_equal(atomic_load(&p.pushed), 3);	/* the 4th waits */
	assert_int_equal(NUM(fz_queue_pop(p.q)), 1);
	assert_true(reaches(&p.pushed, 4));
	pause_ms(100);
	assert_int_equal(atomic_load(&p.pushed), 4);
	for (size_t i = 2; i <= 10; i++)
		assert_int_equal(NUM(fz_queue_pop(p.q)), i);
	pthread_join(t, NULL);
	assert_int_equal(p.refused, 0);
	fz_queue_free(p.q, NULL);
}

/* A consumer may stop a producer waiting for room. */
static void
test_queue_cancel_wakes_a_waiting_push(void **state)
{
	struct producer p = { .q = fz_queue_new(2), .n = 10 };
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, produce, &p), 0);
	assert_true(reaches(&p.pushed, 2));
	pause_ms(50);
	fz_queue_cancel(p.q);
	assert_true(joins(t, &p.done));
	assert_int_equal(p.refused, 1);
	assert_int_equal(atomic_load(&p.pushed), 2);
	dropped = 0;
	fz_queue_free(p.q, count_drop);
	assert_int_equal(dropped, 1 + 2);
}

struct consumer {
	fz_queue *q;
	atomic_size_t popped;
	size_t sum;
	atomic_size_t ended;	/* a pop gave NULL */
};

static void *
consume(void *arg)
{
	struct consumer *c = arg;
	void *item;

	while ((item = fz_queue_pop(c->q)) != NULL) {
		c->sum += NUM(item);
		atomic_fetch_add(&c->popped, 1);
	}
	atomic_store(&c->ended, 1);
	return NULL;
}

/* A producer may end a consumer waiting for items, in order (close) or
 * at once (cancel). */
static void
waiting_pop_ends(int cancel)
{
	struct consumer c = { .q = fz_queue_new(SIZE_MAX) };
	pthread_t t;

	assert_int_equal(pthread_create(&t, NULL, consume, &c), 0);
	assert_int_equal(fz_queue_push(c.q, ITEM(5)), 1);
	assert_true(reaches(&c.popped, 1));
	pause_ms(50);		/* the consumer waits again */
	if (cancel)
		fz_queue_cancel(c.q);
	else
		fz_queue_close(c.q);
	assert_true(joins(t, &c.ended));
	assert_int_equal(c.sum, 5);
	fz_queue_free(c.q, NULL);
}

static void
test_queue_close_wakes_a_waiting_pop(void **state)
{
	(void)state;
	waiting_pop_ends(0);
}

static void
test_queue_cancel_wakes_a_waiting_pop(void **state)
{
	(void)state;
	waiting_pop_ends(1);
}

/* Two producers, two consumers, room for one: every item once. */
static void
test_queue_many_on_each_side(void **state)
{
	enum { N = 5000 };
	fz_queue *q = fz_queue_new(1);
	struct producer p[2] = { { .q = q, .n = N }, { .q = q, .n = N } };
	struct consumer c[2] = { { .q = q }, { .q = q } };
	pthread_t tp[2], tc[2];

	(void)state;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pthread_create(&tc[i], NULL, consume, &c[i]), 0);
		assert_int_equal(pthread_create(&tp[i], NULL, produce, &p[i]), 0);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(tp[i], NULL);
	fz_queue_close(q);
	for (int i = 0; i < 2; i++)
		pthread_join(tc[i], NULL);
	assert_int_equal(atomic_load(&c[0].popped) + atomic_load(&c[1].popped),
	    2 * N);
	assert_int_equal(c[0].sum + c[1].sum, (size_t)N * (N + 1));
	fz_queue_free(q, NULL);
}

/* ------------------------------------------------------------- fan-out */

#define MAXN 8

struct fan {
	pthread_t caller;
	atomic_int runs[MAXN];
	int on_caller[MAXN];
	atomic_int go;		/* set by the caller between start and join */
	int saw_go[MAXN];
};

static void
note(int i, void *ctx)
{
	struct fan *f = ctx;

	atomic_fetch_add(&f->runs[i], 1);
	f->on_caller[i] = pthread_equal(pthread_self(), f->caller);
}

static void
test_fanout_runs_each_once(void **state)
{
	(void)state;
	for (int n = 0; n <= MAXN; n++) {
		struct fan f = { .caller = pthread_self() };

		fz_fanout_run(n, note, &f);
		for (int i = 0; i < MAXN; i++)
			assert_int_equal(atomic_load(&f.runs[i]), i < n);
		for (int i = 0; i < n; i++)
			assert_int_equal(f.on_caller[i], i == 0);
	}
}

/* The threads wait (up to five seconds) for the caller's go. */
static void
wait_go(int i, void *ctx)
{
	struct fan *f = ctx;

	note(i, ctx);
	for (int k = 0; i > 0 && k < 5000 && !atomic_load(&f->go); k++)
		pause_ms(1);
	f->saw_go[i] = atomic_load(&f->go);
}

static void
test_fanout_start_returns_while_they_work(void **state)
{
	struct fan f = { .caller = pthread_self() };
	fz_fanout *fo;

	(void)state;
	fo = fz_fanout_start(4, wait_go, &f);
	assert_int_equal(atomic_load(&f.runs[0]), 0);	/* 0 runs at the join */
	atomic_store(&f.go, 1);
	fz_fanout_join(fo);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(atomic_load(&f.runs[i]), 1);
		assert_int_equal(f.saw_go[i], 1);
	}
	assert_int_equal(f.on_caller[0], 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nprocs_honours_fazhi_threads),
		cmocka_unit_test(test_queue_keeps_order_as_it_grows_and_wraps),
		cmocka_unit_test(test_queue_close_drains_then_ends),
		cmocka_unit_test(test_queue_cancel_ends_now_and_leaves_items),
		cmocka_unit_test(test_queue_order_across_threads),
		cmocka_unit_test(test_queue_push_waits_at_capacity),
		cmocka_unit_test(test_queue_cancel_wakes_a_waiting_push),
		cmocka_unit_test(test_queue_close_wakes_a_waiting_pop),
		cmocka_unit_test(test_queue_cancel_wakes_a_waiting_pop),
		cmocka_unit_test(test_queue_many_on_each_side),
		cmocka_unit_test(test_fanout_runs_each_once),
		cmocka_unit_test(test_fanout_start_returns_while_they_work),
	};

	alarm(120);	/* a queue that never wakes fails, not hangs */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
