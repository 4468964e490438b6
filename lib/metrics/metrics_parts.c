/* metrics_parts.c - the applications of a part of a large file counted
 * on the part's thread (fz_stream_parts) against the matters read
 * before them, each matter's counts apart, then added to the matters'
 * counts: sums, so exact.  Matters are read in one part: a matter is
 * checked against those before it. */
#include <stdlib.h>

#include "metrics_int.h"

void *
fz_metrics_part_open(void *ctx, enum fz_kind k)
{
	const fz_metrics *m = ctx;
	fz_metrics *p;

	if (k != FZ_KIND_APPLICATIONS || m->n == 0)
		return NULL;	/* an application then is an error at once */
	p = fz_xcalloc(1, sizeof *p);
	p->whole = m;
	p->arena = fz_arena_new();
	p->files = fz_map_new();
	p->codes = m->codes;
	p->entries = m->entries;
	p->n = m->n;
	p->cal = m->cal;
	p->own_cal = m->own_cal;	/* only looked at: m's */
	p->from = m->from;
	p->to = m->to;
	p->earliest = p->latest = FZ_NODATE;
	p->app_where = fz_where_copy(m->app_where);
	p->part_apps = fz_xcalloc(m->n + 1, sizeof *p->part_apps);
	return p;
}

int
fz_metrics_part_take(void *part, const fz_event *ev, fz_error *err)
{
	return fz_metrics_take(part, ev, err);
}

void
fz_metrics_part_drop(void *part)
{
	fz_metrics *p = part;

	fz_arena_free(p->arena);
	fz_map_free(p->files);
	fz_where_free(p->app_where);
	free(p->part_apps);
	free(p);
}

int
fz_metrics_part_merge(void *ctx, void *part, fz_error *err)
{
	fz_metrics *m = ctx;
	fz_metrics *p = part;

	(void)err;
	for (size_t i = 0; i < p->n; i++)
		fz_metrics__add_counts(&m->entries[i]->apps, &p->part_apps[i]);
	m->applications += p->applications;
	fz_metrics__widen(m, p->earliest);
	fz_metrics__widen(m, p->latest);
	fz_where_add_hits(m->app_where, p->app_where);
	fz_metrics_part_drop(p);
	return FZ_OK;
}
