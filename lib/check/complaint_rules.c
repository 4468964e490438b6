/* complaint_rules.c - the complaint clocks file (data/complaint-rules.yaml,
 * fazhi-check --complaint-rules): how many working days acceptance,
 * verification and the reply may take, each with the source of its
 * number, which every breach quotes.  The file is read whole: a clock
 * left out or an unknown key is an error, so that a figure is never
 * taken for law by default. */
#include <string.h>

#include "check_int.h"

static const char *const clocks[] = { "acceptance", "verification",
	"reply", NULL };

static fz_check_complaint_clock *
clock_of(fz_check_complaint_rules *cr, int k)
{
	return k == 0 ? &cr->acceptance : k == 1 ? &cr->verification :
	    &cr->reply;
}

static int
bad_at(fz_error *err, const char *file, const fz_node *at, const char *msg,
    const char *what)
{
	return fz_error_set(err, FZ_DATAERR, file, at->line, at->col, msg,
	    what);
}

/* {workdays: N, source: TEXT}: N from 1 to 365, the source not empty. */
static int
take_clock(fz_check_complaint_clock *ck, const char *file,
    const fz_node *key, const fz_node *v, fz_error *err)
{
	const fz_node *n, *s;
	long long days;

	if (v->type != FZ_MAP)
		return bad_at(err, file, v, "%s must be a map of workdays and "
		    "source", key->str);
	n = fz_node_get(v, "workdays");
	s = fz_node_get(v, "source");
	if (n == NULL || n->type != FZ_SCALAR ||
	    fz_int_parse(n->str, n->len, &days) != 0 || days < 1 ||
	    days > 365)
		return bad_at(err, file, n != NULL ? n : v, "%s: workdays "
		    "must be a whole number of working days, 1 to 365",
		    key->str);
	if (s == NULL || s->type != FZ_SCALAR || s->len == 0 ||
	    s->len >= sizeof ck->source)
		return bad_at(err, file, s != NULL ? s : v, "%s: source must "
		    "say where the number comes from (at most 255 bytes)",
		    key->str);
	if (v->n != 2)
		return bad_at(err, file, v, "%s holds workdays and source, "
		    "nothing else", key->str);
	ck->workdays = (int)days;
	memcpy(ck->source, s->str, s->len + 1);
	return FZ_OK;
}

static int
take_key(void *ctx, int k, const char *file, const fz_node *key,
    const fz_node *v, fz_error *err)
{
	return take_clock(clock_of(ctx, k), file, key, v, err);
}

int
fz_check_complaint_rules_load(fz_check_complaint_rules *cr,
    const char *path, fz_error *err)
{
	static const fz_check__rules_file rf = { "complaint-rules.yaml",
		"complaint-rules", N_("complaint rules file"), N_("it sets "
		"acceptance, verification and reply"), clocks, take_key };
	fz_check_complaint_rules got;
	int rc;

	memset(&got, 0, sizeof got);
	rc = fz_check__rules_file_load(&rf, path, &got, err);
	if (rc == FZ_OK)
		*cr = got;
	return rc;
}
