/* tally_documents.c - the documents of a tally (规范性文件、政策性文件):
 * a register's section (tally_register.c), each document counted once,
 * in the period of the day it was issued: how many, of which type, how
 * many sent to the county level and below (the 30%-50% cut is the change
 * between two years' tallies), reviewed for legality and for fair
 * competition, found not to restrict competition, and issued as an
 * exception to it. */
#include "tally_int.h"

const char *const fz_tally_document_indicators[] = { "issued",
	"normative", "policy", "to_lower_levels", "legality_reviewed",
	"fair_competition_reviewed", "no_restriction", "exceptions", NULL };

static fz_tally__register *
documents_of(fz_tally *t)
{
	if (t->documents == NULL)
		t->documents = fz_tally__register_new("documents", "document",
		    fz_tally_document_indicators, NULL, NULL);
	return t->documents;
}

void
fz_tally__documents_open(fz_tally *t)
{
	(void)documents_of(t);
}

int
fz_tally__document(fz_tally *t, const fz_document *d, const fz_node *rec,
    fz_error *err)
{
	long long v[FZ_TALLY_NDOCUMENT];

	v[0] = 1;
	v[1] = d->type == FZ_DOC_NORMATIVE;
	v[2] = d->type == FZ_DOC_POLICY;
	v[3] = d->to_lower_levels == 1;
	v[4] = d->legality_review != FZ_NODATE;
	v[5] = d->fair_competition_review != FZ_NODATE;
	v[6] = d->fair_competition_result == FZ_FAIR_NO_RESTRICTION;
	v[7] = d->fair_competition_result == FZ_FAIR_EXCEPTION;
	return fz_tally__register_add(t, documents_of(t), FZ_KIND_DOCUMENTS,
	    d->id, d->issued, rec, v, NULL, err);
}

int
fz_tally__merge_documents(fz_tally *t, const fz_node *dq, fz_error *err)
{
	int fresh = t->documents == NULL;

	if (dq == NULL)
		return FZ_OK;
	return fz_tally__register_merge(t, documents_of(t), dq, fresh, err);
}
