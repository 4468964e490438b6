/* metrics_int.h - the inside of the approval metrics, shared by
 * metrics.c (counting) and metrics_io.c (writing).  Not installed. */
#ifndef FAZHI_METRICS_INT_H
#define FAZHI_METRICS_INT_H

#include "metrics.h"

/* Where a value stood in the input, kept after its nodes are gone. */
struct pos {
	const char *file;
	unsigned line, col;
};

/* What the applications to one matter add up to. */
struct app_counts {
	long long received, completed, pending;
	long long by_action[4], by_channel[3], by_outcome[3];
	long long site_surveys, online_completed;
	long long scored, score_sum;
	long long workdays, timed, on_time;
};

struct entry {
	fz_matter m;		/* strings owned by the metrics' arena */
	struct pos at, at_parent;
	struct entry *up;	/* the parent, once checked */
	size_t children;
	int mark;		/* cycle search: 0 new, 1 on the path, 2 done */
	int selected;		/* passes the conditions on matters */
	size_t index;		/* in the metrics' entries */
	struct app_counts apps;
};

struct fz_metrics {
	fz_arena *arena;
	fz_map *codes;		/* code -> struct entry */
	fz_map *files;		/* interned file names */
	struct entry **entries;
	size_t n, cap;
	const fz_calendar *cal;
	fz_calendar *own_cal;
	fz_date from, to, earliest, latest;
	fz_where *where;	/* as given, for the document */
	fz_where *app_where, *matter_where;
	long long applications;	/* read, before any condition */
	fz_metrics_row *rows;
	/* A part's (metrics_parts.c): the applications of a part of a
	 * file counted apart, per entry, against the matters of whole
	 * (its codes and entries, read only). */
	struct app_counts *part_apps;
	const fz_metrics *whole;
	/* With mergeable (metrics_merge.c): the ids of the applications
	 * read, for a merge to refuse one counted twice. */
	fz_map *ids;
	int mergeable;
	size_t merged;		/* documents merged (fz_metrics_merge) */
};

/* The data's earliest and latest dates widened to d (FZ_NODATE: none). */
void fz_metrics__widen(fz_metrics *m, fz_date d);
/* to += c, every count (metrics_merge.c). */
void fz_metrics__add_counts(struct app_counts *to,
    const struct app_counts *c);
/* The mergeable: section of the document (metrics_merge.c). */
void fz_metrics__write_mergeable(fz_metrics *m, fz_writer *w);

#endif
