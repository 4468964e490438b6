/* results_int.h - what the modules of the results share; private to
 * libfazhi. */
#ifndef FAZHI_RESULTS_INT_H
#define FAZHI_RESULTS_INT_H

#include "results.h"

struct fz_results {
	const fz_results_draw *d;
	fz_results_opts o;
	const fz_calendar *cal;
	fz_calendar *own_cal;		/* Monday to Friday, when none is given */
	fz_arena *a;			/* the visits and cases kept */
	fz_map *by_entity;		/* entity id -> its fz_draw_selection */
	fz_map *cases;			/* case id -> fz_case */
	int have_cases;
	const char *organization;	/* its name, NULL when none given */
	const char *organization_at;	/* FILE:LINE:COL of its document */
	long long within;		/* working days to inspect */
	fz_date inspect_by;
	size_t ninspections, ncases;	/* records read */
	fz_results_visit **visits;	/* kept, in reading order */
	size_t nvisits, cap;
	/* fz_results_finish */
	int finished;
	fz_results_selection *sels;
	fz_results_visit **not_drawn;
	size_t nnot_drawn;
	/* by enum fz_results_publication */
	fz_results_visit **due[FZ_RESULTS_NPUBLICATION];
	size_t ndue[FZ_RESULTS_NPUBLICATION];
	fz_results_summary sum;
};

/* Free what fz_results_finish made (results_join.c). */
void fz_results__forget(fz_results *r);

#endif
