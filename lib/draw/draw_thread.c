/* draw_thread.c - the draw's hashing on every core: the entity tickets
 * and the inspector tickets are independent of one another, so each
 * thread takes its share and the results do not depend on how many
 * threads there were. */
#include <pthread.h>

#include "draw_int.h"

int
fz_draw_nthreads(void)
{
	int cores = fz_nprocs();

	return cores > FZ_DRAW_MAX_THREADS ? FZ_DRAW_MAX_THREADS : cores;
}

void
fz_draw_parallel(void *(*fn)(void *), void *args, size_t size, int n)
{
	pthread_t th[FZ_DRAW_MAX_THREADS];
	int started[FZ_DRAW_MAX_THREADS] = { 0 };

	for (int t = 1; t < n; t++)
		started[t] = pthread_create(&th[t], NULL, fn,
		    (char *)args + (size_t)t * size) == 0;
	fn(args);
	for (int t = 1; t < n; t++) {
		if (started[t])
			pthread_join(th[t], NULL);
		else
			fn((char *)args + (size_t)t * size);	/* here, then */
	}
}
