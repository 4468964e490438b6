/* tally_complaints.c - the complaints of a tally (举报投诉): a register's
 * section (tally_register.c), each complaint counted once, in the period
 * of the day it was received, whatever happened to it later, so that a
 * month's tally says what became of that month's complaints.  Beside its
 * rows, the reply clock replied_on_time counts by, which tallies merged
 * together must share. */
#include "tally_int.h"

const char *const fz_tally_complaint_indicators[] = { "received",
	"telephone", "accepted", "substantiated", "with_case",
	"replied_on_time", "handled", NULL };

static fz_tally__register *
complaints_of(fz_tally *t)
{
	if (t->complaints == NULL) {
		t->complaints = fz_tally__register_new("complaints",
		    "complaint", fz_tally_complaint_indicators,
		    "reply_workdays", N_("cannot merge tallies whose replies "
		    "were counted on time by different clocks "
		    "(reply_workdays)"));
		t->complaints->setting_value = t->complaint_reply_workdays;
	}
	return t->complaints;
}

void
fz_tally__complaints_free(fz_tally *t)
{
	fz_tally__register_free(t->complaints);
}

void
fz_tally_set_complaint_reply(fz_tally *t, int workdays)
{
	t->complaint_reply_workdays = workdays;
	if (t->complaints != NULL)
		t->complaints->setting_value = workdays;
}

/* Told within the reply clock of the day it was verified (or, without
 * it, referred); an anonymous report is never counted. */
static int
replied_on_time(const fz_tally *t, const fz_complaint *c)
{
	fz_date from = c->verified != FZ_NODATE ? c->verified : c->referred;

	if (c->anonymous == 1 || c->replied == FZ_NODATE || from == FZ_NODATE)
		return 0;
	return c->replied <= fz_calendar_add_workdays(t->cal, from,
	    (int)t->complaints->setting_value);
}

int
fz_tally__complaint(fz_tally *t, const fz_complaint *c, const fz_node *rec,
    fz_error *err)
{
	long long v[FZ_TALLY_NCOMPLAINT];

	v[0] = 1;
	v[1] = c->channel == FZ_CC_12318 || c->channel == FZ_CC_12345 ||
	    c->channel == FZ_CC_12301;
	v[2] = c->accepted != FZ_NODATE && c->accepted != FZ_FALSEDATE;
	v[3] = c->result == FZ_CR_SUBSTANTIATED || c->result == FZ_CR_PARTLY;
	v[4] = c->case_id != NULL;
	(void)complaints_of(t);
	v[5] = replied_on_time(t, c);
	v[6] = c->accepted == FZ_FALSEDATE || c->result >= 0;
	return fz_tally__register_add(t, complaints_of(t), FZ_KIND_COMPLAINTS,
	    c->id, c->received, rec, v, NULL, err);
}

void
fz_tally__complaints_open(fz_tally *t)
{
	(void)complaints_of(t);
}

void
fz_tally__write_complaints(fz_writer *w, fz_tally *t, int mergeable)
{
	fz_tally__register_write(w, t, t->complaints, mergeable);
}

int
fz_tally__merge_complaints(fz_tally *t, const fz_node *cq, fz_error *err)
{
	int fresh = t->complaints == NULL;
	int rc;

	if (cq == NULL)
		return FZ_OK;
	rc = fz_tally__register_merge(t, complaints_of(t), cq, fresh, err);
	if (rc == FZ_OK && fresh)
		t->complaint_reply_workdays = (int)t->complaints->setting_value;
	return rc;
}
