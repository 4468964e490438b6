/* record.c - the record of an inspection (一单两库一细则: each check
 * ends in a record with a result category the public sees): the
 * outcome of a random inspection, the follow-up of a problem found and
 * left pending, and the dates of both. */
#include "check_int.h"

/* Days a problem may stay pending without its follow-up closed before
 * the record is taken to be forgotten rather than in progress. */
#define FOLLOWUP_DAYS 30

/* The follow-up: not closed before the inspection; a problem left
 * pending and never closed long after it is a warning. */
static void
followup(fz_check *c, const fz_check__rec *r)
{
	const fz_inspection *v = r->data;
	char a[16], b[16];

	if (v->followup_closed != FZ_NODATE && v->followup_closed < v->date)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "followup_closed"),
		    "followup_closed %s is before the inspection's date %s",
		    fz_check__day(v->followup_closed, a),
		    fz_check__day(v->date, b));
	if (v->outcome == FZ_IO_PROBLEM_PENDING &&
	    v->followup_closed == FZ_NODATE &&
	    c->o.as_of - v->date > FOLLOWUP_DAYS)
		fz_check__report(c, FZ_WARNING, fz_check__at(r, "outcome"),
		    "outcome problem_pending (发现问题待后续处理) since %s and "
		    "no followup_closed: %d days by %s, more than %d",
		    fz_check__day(v->date, a), (int)(c->o.as_of - v->date),
		    fz_check__day(c->o.as_of, b), FOLLOWUP_DAYS);
}

/* Each items[].item names an item of the list (抽查事项清单), checked
 * as every reference is: when an item list is among the inputs. */
static void
item_refs(fz_check *c, const fz_inspection *v)
{
	for (size_t i = 0; v->items != NULL && i < v->items->n; i++) {
		const fz_node *item = fz_node_get(v->items->kids[i], "item");

		if (item == NULL || item->type != FZ_SCALAR)
			continue;	/* refused by the decoder */
		fz_check__ref_add(c, &(fz_check__ref){ FZ_KIND_ITEMS,
		    fz_check__intern(c, item->str), NULL, 0, FZ_NODATE,
		    fz_check__pos_of(c, item) });
	}
}

void
fz_check__inspection_record(fz_check *c, const fz_check__rec *r)
{
	const fz_inspection *v = r->data;

	/* The result of a random check is published in one of the
	 * categories of the publicity system: without one, there is
	 * nothing to publish.  A warning, as records of contract v1
	 * stay valid. */
	if (v->type == FZ_VISIT_RANDOM && v->outcome < 0)
		fz_check__report(c, FZ_WARNING, r->at, "random inspection of "
		    "'%s' on %s without outcome: its result is published in "
		    "one of the categories of the credit publicity system",
		    v->entity, fz_check__day(v->date, (char[16]){ 0 }));
	followup(c, r);
	item_refs(c, v);
}
