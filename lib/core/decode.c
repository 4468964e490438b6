/* decode.c - typed values out of record nodes: dates, whole numbers,
 * money as integer fen, ratios, enumerations, lists; the checks of
 * FORMATS.md; and the 统一社会信用代码 check character of GB 32100. */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "core_int.h"

/* The value of a character of a 统一社会信用代码 (GB 32100-2015): the
 * digits, then the capitals without I, O, S, V and Z; -1 for others. */
static int
uscc_value(unsigned char c)
{
	static const signed char letter[26] = { 10, 11, 12, 13, 14, 15, 16,
		17, -1, 18, 19, 20, 21, 22, -1, 23, 24, 25, -1, 26, 27, -1, 28,
		29, 30, -1 };

	if (c >= '0' && c <= '9')
		return c - '0';
	return c >= 'A' && c <= 'Z' ? letter[c - 'A'] : -1;
}

int
fz_uscc_check(const char *id)
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20,
		29, 25, 13, 8, 24, 10, 30, 28 };
	int sum = 0, c;

	if (strlen(id) != 18)
		return -1;
	for (int i = 0; i < 18; i++)
		if (uscc_value((unsigned char)id[i]) < 0)
			return -1;
	for (int i = 0; i < 17; i++)
		sum += uscc_value((unsigned char)id[i]) * weights[i];
	c = (31 - sum % 31) % 31;
	return id[17] == chars[c];
}

/* ------------------------------------------------------------ decoding */

struct decoder {
	enum fz_kind kind;
	const fz_diag *diag;
	fz_error *err;
	int status;
};

static int
problem(struct decoder *d, int severity, const fz_node *at,
    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
problem(struct decoder *d, int severity, const fz_node *at,
    const char *fmt, ...)
{
	char msg[sizeof d->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fz_gettext(fmt), ap);
	va_end(ap);
	if (severity == FZ_ERROR && d->status == FZ_OK) {
		fz_error_set(d->err, FZ_DATAERR, at->file, at->line, at->col,
		    "%s", msg);
		d->status = FZ_DATAERR;
	}
	if (d->diag != NULL)
		d->diag->report(d->diag->ctx, severity, at, msg);
	return severity == FZ_ERROR ? FZ_DATAERR : FZ_OK;
}

static int
want_scalar(struct decoder *d, const fz_field *f, fz_node *v)
{
	if (v->type != FZ_SCALAR)
		return problem(d, FZ_ERROR, v, "%s must be a single value, "
		    "not a %s", f->key,
		    v->type == FZ_MAP ? _("mapping") : _("list"));
	return FZ_OK;
}

static void
trim_node(fz_node *v)
{
	size_t len = v->len;
	const char *s = fz_trim(v->str, &len);

	if (s != v->str || len != v->len) {
		v->str = (char *)s;
		v->len = len;
		v->str[len] = '\0';
	}
}

/* Rewrite a value to its canonical spelling, so that grouping and
 * filtering by the key see one spelling. */
static void
canonical(fz_node *v, const char *value)
{
	v->str = (char *)value;
	v->len = strlen(value);
	v->quoted = 0;
}

static int
decode_enum(struct decoder *d, const fz_field *f, fz_node *v, int *out)
{
	fz_buf list = { 0 };
	int i, rc;

	trim_node(v);
	i = fz_enum_lookup(f->values, v->str, v->len);
	if (i < 0) {
		fz_enum_words(f->values, &list, NULL, NULL);
		rc = problem(d, FZ_ERROR, v, "unknown %s '%s' (expected %s)",
		    fz_key_word(f->key), v->str, fz_buf_str(&list));
		fz_buf_free(&list);
		return rc;
	}
	canonical(v, f->values[i].value);
	*out = i;
	return FZ_OK;
}

static int
decode_bool(struct decoder *d, const fz_field *f, fz_node *v, int *out,
    int exempt_ok)
{
	int b;

	trim_node(v);
	if ((b = fz_scalar_bool(v->str, v->len)) >= 0) {
		canonical(v, b ? "true" : "false");
		*out = b;
		return FZ_OK;
	}
	if (exempt_ok && (strcmp(v->str, "exempt") == 0 ||
	    strcmp(v->str, "不适宜") == 0))
		return canonical(v, "exempt"), *out = FZ_EXEMPT, FZ_OK;
	return problem(d, FZ_ERROR, v, "%s must be true or false%s, not '%s'",
	    f->key, exempt_ok ? _(" or exempt") : "", v->str);
}

static int
decode_list(struct decoder *d, const fz_field *f, fz_node *v,
    const fz_node **out)
{
	int rc = FZ_OK;

	if (v->type != FZ_SEQ)
		return problem(d, FZ_ERROR, v, "%s must be a list", f->key);
	if (v->n < (size_t)f->min)
		return problem(d, FZ_ERROR, v, "%s must list at least %lld",
		    f->key, f->min);
	for (size_t i = 0; i < v->n; i++) {
		fz_node *item = v->kids[i];

		if (item->type != FZ_SCALAR || fz_node_is_null(item)) {
			rc = problem(d, FZ_ERROR, item, "%s: each item must be "
			    "a single value", f->key);
			continue;
		}
		trim_node(item);
	}
	*out = v;
	return rc;
}

static int
decode_enums(struct decoder *d, const fz_field *f, fz_node *v,
    unsigned *out)
{
	int i, rc = FZ_OK;

	*out = 0;
	if (v->type == FZ_SCALAR) {
		if ((rc = decode_enum(d, f, v, &i)) == FZ_OK)
			*out = 1u << i;
		return rc;
	}
	if (v->type != FZ_SEQ)
		return problem(d, FZ_ERROR, v, "%s must be a value or a list",
		    f->key);
	for (size_t k = 0; k < v->n; k++) {
		if (want_scalar(d, f, v->kids[k]) != FZ_OK ||
		    decode_enum(d, f, v->kids[k], &i) != FZ_OK)
			rc = FZ_DATAERR;
		else
			*out |= 1u << i;
	}
	return rc;
}

/* A decimal ratio in (0, 1], exactly; key names it in messages. */
static int
decode_ratio(struct decoder *d, const char *key, fz_node *v, fz_ratio *out)
{
	int bad;

	trim_node(v);
	if ((bad = fz_ratio_parse(v->str, v->len, out)) == 0)
		return FZ_OK;
	out->den = 0;
	if (bad == -2)
		return problem(d, FZ_ERROR, v, "%s %s is outside (0, 1]", key,
		    v->str);
	return problem(d, FZ_ERROR, v, "%s must be a decimal such as 0.3 "
	    "(at most %d decimals), not '%s'", key, FZ_RATIO_DIGITS, v->str);
}

/* A mapping of labels (credit classes) to ratios. */
static int
decode_ratios(struct decoder *d, const fz_field *f, fz_node *v,
    const fz_node **out)
{
	int rc = FZ_OK;
	fz_ratio r;

	if (v->type != FZ_MAP || v->n == 0)
		return problem(d, FZ_ERROR, v, "%s must be a mapping of "
		    "classes to ratios, such as {A: 0.05, D: 1}", f->key);
	for (size_t i = 0; i < v->n; i++) {
		fz_node *k = v->kids[2 * i], *r_at = v->kids[2 * i + 1];

		if (want_scalar(d, f, r_at) != FZ_OK ||
		    decode_ratio(d, k->str, r_at, &r) != FZ_OK)
			rc = FZ_DATAERR;
	}
	*out = v;
	return rc;
}

static int decode_keys(struct decoder *d, const fz_field *fields,
    fz_node *rec, void *out, const char *what);

/* A mapping of keys of its own (a case's reconsideration). */
static int
decode_map(struct decoder *d, const fz_field *f, fz_node *v, void *out)
{
	fz_buf keys = { 0 };
	int rc;

	if (v->type != FZ_MAP) {
		for (const fz_field *k = f->fields; k->key != NULL; k++) {
			fz_buf_adds(&keys, k == f->fields ? "" : ", ");
			fz_buf_adds(&keys, k->key);
		}
		rc = problem(d, FZ_ERROR, v, "%s must be a mapping of %s",
		    f->key, fz_buf_str(&keys));
		fz_buf_free(&keys);
		return rc;
	}
	return decode_keys(d, f->fields, v, out, f->key);
}

/* A list of mappings of keys of their own (an inspection's items): each
 * decoded into a scratch struct, so that its values are checked and
 * rewritten to their canonical spelling in the nodes, which are what
 * the record keeps. */
static int
decode_maps(struct decoder *d, const fz_field *f, fz_node *v,
    const fz_node **out)
{
	union { max_align_t align; char bytes[256]; } scratch;
	int rc = FZ_OK;

	if (v->type != FZ_SEQ)
		return problem(d, FZ_ERROR, v, "%s must be a list of mappings",
		    f->key);
	if ((size_t)f->max > sizeof scratch)
		return problem(d, FZ_ERROR, v, "%s: no room to decode", f->key);
	for (size_t i = 0; i < v->n; i++)
		if (decode_keys(d, f->fields, v->kids[i], &scratch,
		    f->key) != FZ_OK) {
			rc = FZ_DATAERR;
			if (d->diag == NULL)
				return rc;
		}
	*out = v;
	return rc;
}

static int
decode_value(struct decoder *d, const fz_field *f, fz_node *v, char *out)
{
	void *p = out + f->offset;
	long long n;

	if (f->type == FZ_T_STRS)
		return decode_list(d, f, v, (const fz_node **)p);
	if (f->type == FZ_T_ENUMS)
		return decode_enums(d, f, v, (unsigned *)p);
	if (f->type == FZ_T_MAP)
		return decode_map(d, f, v, p);
	if (f->type == FZ_T_MAPS)
		return decode_maps(d, f, v, (const fz_node **)p);
	if (f->type == FZ_T_RATIOS)
		return decode_ratios(d, f, v, (const fz_node **)p);
	if (want_scalar(d, f, v) != FZ_OK)
		return FZ_DATAERR;
	switch (f->type) {
	case FZ_T_STR:
		trim_node(v);
		if (v->len == 0)
			return problem(d, FZ_ERROR, v, "%s must not be empty",
			    f->key);
		*(const char **)p = v->str;
		return FZ_OK;
	case FZ_T_DATE:
		trim_node(v);
		if (fz_date_parse(v->str, v->len, (fz_date *)p) != 0)
			return problem(d, FZ_ERROR, v, "%s: '%s' is not a date "
			    "(expected YYYY-MM-DD)", f->key, v->str);
		return FZ_OK;
	case FZ_T_DATE_OR_FALSE:
		trim_node(v);
		/* 不予受理, as registers write it. */
		if (fz_scalar_bool(v->str, v->len) == 0 ||
		    strcmp(v->str, "否") == 0 || strcmp(v->str, "不予受理") == 0)
			return canonical(v, "false"), *(fz_date *)p =
			    FZ_FALSEDATE, FZ_OK;
		if (fz_date_parse(v->str, v->len, (fz_date *)p) != 0)
			return problem(d, FZ_ERROR, v, "%s: '%s' is neither a "
			    "date (YYYY-MM-DD) nor false", f->key, v->str);
		return FZ_OK;
	case FZ_T_INT:
		trim_node(v);
		if (fz_int_parse(v->str, v->len, &n) != 0)
			return problem(d, FZ_ERROR, v, "%s: '%s' is not a whole "
			    "number", f->key, v->str);
		if (n < f->min || n > f->max)
			return problem(d, FZ_ERROR, v, "%s: %lld is out of "
			    "range (%lld to %lld)", f->key, n, f->min, f->max);
		*(long long *)p = n;
		return FZ_OK;
	case FZ_T_MONEY:
		trim_node(v);
		if (fz_money_parse(v->str, v->len, (int64_t *)p) != 0)
			return problem(d, FZ_ERROR, v, "%s: '%s' is not an "
			    "amount in yuan (a number with at most 2 decimals, "
			    "not negative)", f->key, v->str);
		return FZ_OK;
	case FZ_T_BOOL:
		return decode_bool(d, f, v, (int *)p, 0);
	case FZ_T_TRISTATE:
		return decode_bool(d, f, v, (int *)p, 1);
	case FZ_T_ENUM:
		return decode_enum(d, f, v, (int *)p);
	case FZ_T_RATIO:
		return decode_ratio(d, f->key, v, (fz_ratio *)p);
	default:
		return FZ_DATAERR;
	}
}

/* Every field absent. */
static void
clear(const fz_field *fields, char *out)
{
	for (const fz_field *f = fields; f->key != NULL; f++) {
		void *p = out + f->offset;

		switch (f->type) {
		case FZ_T_STR:		*(const char **)p = NULL; break;
		case FZ_T_STRS:
		case FZ_T_MAPS:		*(const fz_node **)p = NULL; break;
		case FZ_T_RATIOS:	*(const fz_node **)p = NULL; break;
		case FZ_T_RATIO:	((fz_ratio *)p)->den = 0; break;
		case FZ_T_DATE:		*(fz_date *)p = FZ_NODATE; break;
		case FZ_T_DATE_OR_FALSE: *(fz_date *)p = FZ_NODATE; break;
		case FZ_T_INT:		*(long long *)p = FZ_NOINT; break;
		case FZ_T_MONEY:	*(int64_t *)p = FZ_NOMONEY; break;
		case FZ_T_ENUMS:	*(unsigned *)p = 0; break;
		case FZ_T_MAP:		clear(f->fields, p); break;
		default:		*(int *)p = -1; break;
		}
	}
}

#define DEFAULT(x, v) do { if ((x) == -1) (x) = (v); } while (0)

/* The defaults FORMATS.md gives for absent keys. */
static void
apply_defaults(enum fz_kind k, void *out)
{
	fz_entity *e = out;
	fz_inspector *p = out;
	fz_inspection *in = out;
	fz_case *c = out;
	fz_matter *m = out;
	fz_application *a = out;
	fz_complaint *q = out;
	fz_item *it = out;
	fz_document *doc = out;

	switch (k) {
	case FZ_KIND_ENTITIES:
		DEFAULT(e->status, FZ_ENTITY_ACTIVE);
		break;
	case FZ_KIND_INSPECTORS:
		DEFAULT(p->active, 1);
		DEFAULT(p->legal_reviewer, 0);
		DEFAULT(p->legal_qualification, 0);
		break;
	case FZ_KIND_INSPECTIONS:
		DEFAULT(in->type, FZ_VISIT_ROUTINE);
		DEFAULT(in->result, FZ_RESULT_OK);
		DEFAULT(in->leader_led, 0);
		DEFAULT(in->reported_by, FZ_REPORTED_BUREAU);
		break;
	case FZ_KIND_CASES:
		if (c->extended_days == FZ_NOINT)
			c->extended_days = 0;
		DEFAULT(c->party, FZ_PARTY_ORGANIZATION);
		DEFAULT(c->procedure, FZ_PROCEDURE_GENERAL);
		DEFAULT(c->serious_harm, 0);
		DEFAULT(c->major, 0);
		DEFAULT(c->statement_waived, 0);
		DEFAULT(c->served_on_spot, 0);
		DEFAULT(c->supervised, 0);
		DEFAULT(c->review_required, c->major);
		DEFAULT(c->educated, 0);
		DEFAULT(c->av_recorded, 0);
		DEFAULT(c->litigation.leader_appeared, 0);
		break;
	case FZ_KIND_MATTERS:
		DEFAULT(m->instant, m->promised_days == 0);
		DEFAULT(m->license, 0);
		DEFAULT(m->e_license, 0);
		break;
	case FZ_KIND_ITEMS:
		DEFAULT(it->level, FZ_ITEM_GENERAL);
		if (it->times == FZ_NOINT)
			it->times = 1;
		break;
	case FZ_KIND_APPLICATIONS:
		DEFAULT(a->channel, FZ_CHANNEL_WINDOW);
		DEFAULT(a->action, FZ_ACTION_NEW);
		DEFAULT(a->outcome, FZ_OUTCOME_APPROVED);
		DEFAULT(a->site_survey, 0);
		DEFAULT(a->e_license, 0);
		if (a->trips == FZ_NOINT)
			a->trips = a->channel == FZ_CHANNEL_WINDOW ? 1 : 0;
		break;
	case FZ_KIND_COMPLAINTS:
		DEFAULT(q->anonymous, 0);
		break;
	case FZ_KIND_DOCUMENTS:
		DEFAULT(doc->to_lower_levels, 0);
		break;
	default:
		break;
	}
}

static const fz_field *
field_in(const fz_field *fields, const char *key)
{
	for (const fz_field *f = fields; f->key != NULL; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

/* The keys of map rec by the table fields into out; what is "record",
 * "document" (kind and version are its own keys), or the key of a
 * record whose value rec is (a mapping, an entry of a list of them). */
static int
decode_keys(struct decoder *d, const fz_field *fields, fz_node *rec,
    void *out, const char *what)
{
	int doc = strcmp(what, "document") == 0;
	int nested = !doc && strcmp(what, "record") != 0;
	uint64_t seen = 0;
	const fz_field *f;
	char note[320];

	if (rec->type != FZ_MAP)
		return problem(d, FZ_ERROR, rec, nested ? _("%s: each entry must "
		    "be a mapping") : _("a %s must be a mapping"), what);
	clear(fields, out);
	for (size_t i = 0; i < rec->n; i++) {
		fz_node *key = rec->kids[2 * i], *v = rec->kids[2 * i + 1];

		f = field_in(fields, key->str);
		if (f == NULL) {
			if (d->diag != NULL && d->diag->strict && !(doc &&
			    (!strcmp(key->str, "kind") ||
			    !strcmp(key->str, "version"))))
				problem(d, FZ_WARNING, key, "unknown key '%s' "
				    "in %s%s", key->str, fz_kind_name(d->kind),
				    fz_colon_note(key, note, sizeof note));
			continue;
		}
		/* An explicit null is the same as an absent key. */
		if (fz_node_is_null(v))
			continue;
		seen |= (uint64_t)1 << (f - fields);
		if (decode_value(d, f, v, out) != FZ_OK && d->diag == NULL)
			return d->status;
	}
	for (f = fields; f->key != NULL; f++)
		if (f->required && !(seen & ((uint64_t)1 << (f - fields))) &&
		    problem(d, FZ_ERROR, rec, "%s %s%s without %s%s",
		    fz_kind_name(d->kind), nested ? what : fz_gettext(what),
		    nested ? _(" entry") : "", f->key,
		    fz_colon_note(fz_colon_key(rec), note, sizeof note)) !=
		    FZ_OK && d->diag == NULL)
			return d->status;
	return d->status;
}

static void
rule_broken(void *ctx, const fz_node *at, const char *msg)
{
	(void)problem(ctx, FZ_ERROR, at, "%s", msg);
}

int
fz_record_decode(enum fz_kind k, fz_node *rec, void *out,
    const fz_diag *diag, fz_error *err)
{
	const fz_field *fields = fz_kind_fields(k);
	struct decoder d = { k, diag, err, FZ_OK };
	int rc;

	if (fields == NULL)
		return fz_error_set(err, FZ_DATAERR, rec->file, rec->line,
		    rec->col, "%s has no records", fz_kind_name(k));
	rc = decode_keys(&d, fields, rec, out, N_("record"));
	if (rec->type == FZ_MAP && (rc == FZ_OK || diag != NULL))
		apply_defaults(k, out);
	if (k == FZ_KIND_ACTIVITIES && rec->type == FZ_MAP && rc == FZ_OK &&
	    fz_core__activity_rules(out, rec, rule_broken, &d) > 0)
		rc = FZ_DATAERR;
	return rc;
}

int
fz_organization_decode(fz_node *doc, fz_organization *out,
    const fz_diag *diag, fz_error *err)
{
	struct decoder d = { FZ_KIND_ORGANIZATION, diag, err, FZ_OK };

	return decode_keys(&d, fz_kind_doc_fields(FZ_KIND_ORGANIZATION), doc,
	    out, N_("document"));
}
