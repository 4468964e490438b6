/* activities.c - the activities register in fazhi-check: its references
 * (the entities taking part in the entity directory, the case filed from
 * it among the cases), settled at the end when a document of their kind
 * was given; its dates and units are the decoder's (lib/core). */
#include "check_int.h"

void
fz_check__activity(fz_check *c, const fz_check__rec *r)
{
	const fz_activity *a = r->data;

	if (a->entities != NULL)
		for (size_t i = 0; i < a->entities->n; i++)
			fz_check__refer(c, FZ_KIND_ENTITIES,
			    a->entities->kids[i]->str, a->entities->kids[i]);
	if (a->case_id != NULL)
		fz_check__refer(c, FZ_KIND_CASES, a->case_id,
		    fz_check__at(r, "case"));
}
