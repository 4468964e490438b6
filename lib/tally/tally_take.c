/* tally_take.c - what fazhi-tally reads, taken one event at a time:
 * records of inspections and cases counted into a tally (an inspection
 * without category or town given them from the entity directory, then
 * the --where filters), or with merge, tallies written with --mergeable
 * added up. */
#include <string.h>

#include "tally_int.h"

/* The category and town an inspection leaves out, from the directory:
 * put into its record rec (in a) and into in. */
static void
fill_from_directory(const fz_directory *dir, fz_arena *a, fz_node *rec,
    fz_inspection *in)
{
	const fz_entity *e = fz_directory_find(dir, in->entity);

	if (e == NULL)
		return;
	if (in->category == NULL && e->category != NULL) {
		fz_node_put(a, rec, "category", fz_node_scalar(a, e->category,
		    strlen(e->category)));
		in->category = e->category;
	}
	if (in->town == NULL && e->town != NULL) {
		fz_node_put(a, rec, "town", fz_node_scalar(a, e->town,
		    strlen(e->town)));
		in->town = e->town;
	}
}

static int
add_record(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	fz_inspection in;
	fz_case c;
	int rc;

	if (ev->kind == FZ_KIND_INSPECTIONS) {
		if ((rc = fz_record_decode(ev->kind, ev->node, &in, NULL,
		    err)) != FZ_OK)
			return rc;
		if (r->dir != NULL)
			fill_from_directory(r->dir, ev->arena, ev->node, &in);
		if (fz_where_match(r->where, ev->kind, ev->node))
			fz_tally_add_inspection(r->tally, &in, ev->node);
		return FZ_OK;
	}
	if ((rc = fz_record_decode(ev->kind, ev->node, &c, NULL, err)) != FZ_OK)
		return rc;
	if (!fz_where_match(r->where, ev->kind, ev->node))
		return FZ_OK;
	return fz_tally_add_case(r->tally, &c, ev->node, err);
}

int
fz_tally_take(fz_tally_reader *r, const fz_event *ev, fz_error *err)
{
	int is_tally = ev->kind == FZ_KIND_TALLY;
	int is_record = ev->kind == FZ_KIND_INSPECTIONS ||
	    ev->kind == FZ_KIND_CASES;

	if (ev->type == FZ_EV_END)
		return r->merge && r->tally == NULL ? fz_error_set(err,
		    FZ_DATAERR, NULL, 0, 0, "--merge found no tally to merge")
		    : FZ_OK;
	if (r->merge ? !is_tally : !is_record)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, r->merge ? "--merge reads tallies, not %s" :
		    "fazhi-tally reads inspections and cases, not %s",
		    ev->kind_name);
	if (r->merge)
		return fz_tally_merge(&r->tally, ev->node, err);
	if (ev->type == FZ_EV_RECORD)
		return add_record(r, ev, err);
	return FZ_OK;
}
