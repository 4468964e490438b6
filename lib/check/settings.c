/* settings.c - the rules file: what the 行政处罚法 leaves to local rules
 * (the 较大数额 of a hearing) and the bureau's own policy (legal review
 * of every decision).  It holds nothing else: an unknown key is an
 * error, so that no one takes it for a way to change the statute. */
#include <string.h>

#include "check_int.h"

static const char *const keys[] = { "hearing_fine_person",
	"hearing_fine_organization", "review_all", NULL };

static int
bad(fz_error *err, const char *file, const fz_node *at, const char *what,
    const char *value)
{
	return fz_error_set(err, FZ_DATAERR, file, at->line, at->col, "%s%s%s",
	    fz_gettext(what), value != NULL ? value : "", value != NULL ? "'" : "");
}

/* A threshold in yuan, more than nothing, into fen. */
static int
take_fine(const char *file, const fz_node *key, const fz_node *v,
    int64_t *fen, fz_error *err)
{
	if (v->type != FZ_SCALAR || fz_money_parse(v->str, v->len, fen) != 0 ||
	    *fen <= 0)
		return fz_error_set(err, FZ_DATAERR, file, v->line, v->col,
		    "%s must be an amount in yuan above 0, not '%s'", key->str,
		    v->type == FZ_SCALAR ? v->str : "");
	return FZ_OK;
}

static int
take_key(void *ctx, int k, const char *file, const fz_node *key,
    const fz_node *v, fz_error *err)
{
	fz_check_settings *s = ctx;
	int b;

	if (k == 0)
		return take_fine(file, key, v, &s->hearing_fine_person, err);
	if (k == 1)
		return take_fine(file, key, v, &s->hearing_fine_organization,
		    err);
	if (v->type != FZ_SCALAR || (b = fz_scalar_bool(v->str, v->len)) < 0)
		return bad(err, file, v, "review_all must be true or false, "
		    "not '", v->type == FZ_SCALAR ? v->str : "");
	s->review_all = b;
	return FZ_OK;
}

int
fz_check_settings_load(fz_check_settings *s, const char *path,
    fz_error *err)
{
	static const fz_check__rules_file rf = { "rules.yaml", "rules",
		N_("rules file"), N_("it sets hearing_fine_person, "
		"hearing_fine_organization and review_all; nothing of the "
		"statute"), keys, take_key };
	fz_check_settings got = { 0 };
	int rc = fz_check__rules_file_load(&rf, path, &got, err);

	if (rc == FZ_OK)
		*s = got;
	return rc;
}
