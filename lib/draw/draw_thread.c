/* draw_thread.c - how many threads the draw's hashing runs on: the
 * entity tickets and the inspector tickets are independent of one
 * another, so each thread of a fan-out (fz_fanout) takes its share and
 * the results do not depend on how many threads there were. */
#include "draw_int.h"

int
fz_draw__nthreads(void)
{
	int n = fz_nprocs();

	return n > FZ_DRAW_MAX_THREADS ? FZ_DRAW_MAX_THREADS : n;
}
