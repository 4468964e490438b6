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

/* ------------------------------------------------------------ coverage */

/* An entity of the directory, with its credit spans and its class. */
typedef struct fz_results__cov_entity {
	const char *id, *name, *category;
	int active;
	struct fz_results__cov_span *spans;
	const char *klass;		/* on the year's last day; NULL: none */
} fz_results__cov_entity;

typedef struct fz_results__cov_span {
	const char *klass;
	fz_date from, until;
	struct fz_results__cov_span *next;
} fz_results__cov_span;

/* A class of an item: its counts and its label (NULL: no class). */
typedef struct fz_results__cov_class {
	const char *klass;
	fz_results_coverage_count n;
} fz_results__cov_class;

typedef struct fz_results__cov_item {
	fz_item it;			/* strings and nodes copied */
	const char *ratio_text;		/* as written, or NULL */
	const char *file;		/* where the record is, for messages */
	unsigned line, col;
	fz_results_coverage_count n;
	long long rounds;
	int short_;
	fz_results__cov_class *classes;
	size_t nclasses;
	const char **never;		/* population never drawn, by id */
	size_t nnever;
} fz_results__cov_item;

/* An entity whose checks of the year pass its cap. */
typedef struct fz_results__cov_over {
	const char *entity, *name, *by;	/* by: the item's code, or NULL for
					 * the plans' cap; name may be NULL */
	long long checks, cap;
} fz_results__cov_over;

/* A random inspection under some task, in the year. */
typedef struct fz_results__cov_visit {
	const char *entity, *task;
	fz_date date;
} fz_results__cov_visit;

struct fz_results_coverage {
	int year;
	fz_date first, last;
	fz_arena *a;
	fz_map *entities;		/* id -> fz_results__cov_entity */
	fz_map *item_codes;		/* code -> fz_results__cov_item */
	fz_results__cov_item **items;
	size_t nitems, capitems;
	fz_results_draw **draws;	/* of the year, in reading order */
	size_t ndraws, capdraws;
	fz_results__cov_visit *visits;
	size_t nvisits, capvisits;
	fz_map *checks;			/* entity id -> long long checks of the
					 * year, but complaint visits */
	struct fz_results__cov_over *over;	/* entities past their cap,
						 * by id */
	long long plan_cap;		/* the least of the plans'; 0: none */
	const char *credit_default;	/* the first plan's */
	long long nentities, ncredit, ninspections, nplans;
	int have_credit, finished;
	size_t nshort, nover;
};

/* Write the coverage (coverage_io.c). */
int fz_results__coverage_write(fz_results_coverage *cv, fz_writer *w);

/* Free what fz_results_finish made (results_join.c). */
void fz_results__forget(fz_results *r);

#endif
