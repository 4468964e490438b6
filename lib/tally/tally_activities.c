/* tally_activities.c - the activities of a tally (工作活动): a register's
 * section (tally_register.c), each activity counted once in the period
 * of its day (date, or from).  count: the activities; participants:
 * their people (人次); units: the units taking part (家次), each
 * activity's units, or the number of its entities when it gives none,
 * so that a unit listed in entities is never counted again beside
 * units; entities: the distinct entities listed (家), a unit in two
 * activities of a row once, kept per row (entity_ids when mergeable) so
 * that a merge counts the distinct entities of the union exactly. */
#include "tally_int.h"

const char *const fz_tally_activity_indicators[] = { "count",
	"participants", "units", "entities", NULL };

static fz_tally__register *
activities_of(fz_tally *t)
{
	if (t->activities == NULL) {
		t->activities = fz_tally__register_new("activities",
		    "activity", fz_tally_activity_indicators, NULL, NULL);
		fz_tally__register_set(t->activities, "entity_ids");
	}
	return t->activities;
}

void
fz_tally__activities_open(fz_tally *t)
{
	(void)activities_of(t);
}

int
fz_tally__activity(fz_tally *t, const fz_activity *a, const fz_node *rec,
    fz_error *err)
{
	long long v[FZ_TALLY_NACTIVITY - 1];

	v[0] = 1;
	v[1] = a->participants != FZ_NOINT ? a->participants : 0;
	v[2] = fz_activity_units(a);
	return fz_tally__register_add(t, activities_of(t), FZ_KIND_ACTIVITIES,
	    a->id, fz_activity_day(a), rec, v, a->entities, err);
}

int
fz_tally__merge_activities(fz_tally *t, const fz_node *aq, fz_error *err)
{
	int fresh = t->activities == NULL;

	if (aq == NULL)
		return FZ_OK;
	return fz_tally__register_merge(t, activities_of(t), aq, fresh, err);
}
