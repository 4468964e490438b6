/* draw_plan.c - the plan document of a draw (FORMATS.md "plan") into a
 * struct, every mistake reported at its place. */
#include <stdarg.h>
#include <string.h>

#include "draw.h"

#define MIDDLE_DOT "\xc2\xb7"	/* U+00B7 in UTF-8 */
#define DOT_LEN 2

static int
fail(fz_error *err, const fz_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(fz_error *err, const fz_node *at, const char *fmt, ...)
{
	char msg[sizeof err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fz_gettext(fmt), ap);
	va_end(ap);
	return fz_error_set(err, FZ_DATAERR, at->file, at->line, at->col, "%s",
	    msg);
}

/* Every key of the mapping m is one of keys (NULL-terminated); what, in
 * the language of messages, is what m is. */
static int
known_keys(const fz_node *m, const char *what, const char *const *keys,
    fz_error *err)
{
	char note[320];

	for (size_t i = 0; i < m->n; i++) {
		const fz_node *k = m->kids[2 * i];
		size_t j = 0;

		while (keys[j] != NULL && strcmp(keys[j], k->str) != 0)
			j++;
		if (keys[j] == NULL)
			return fail(err, k, "unknown key '%s' in %s%s", k->str,
			    what, fz_colon_note(k, note, sizeof note));
	}
	return FZ_OK;
}

/* A non-empty single value. */
static int
text(const fz_node *v, const char *key, fz_error *err)
{
	if (v->type != FZ_SCALAR)
		return fail(err, v, "%s must be a single value", key);
	if (fz_node_is_null(v) || v->len == 0)
		return fail(err, v, "%s must not be empty", key);
	return FZ_OK;
}

static int
whole(const fz_node *v, const char *key, long long min, long long *out,
    fz_error *err)
{
	size_t len = v->len;
	const char *s = v->type == FZ_SCALAR ? fz_trim(v->str, &len) : "";

	if (v->type != FZ_SCALAR || fz_int_parse(s, len, out) != 0 ||
	    *out < min)
		return fail(err, v, "%s must be a whole number of at least "
		    "%lld", key, min);
	return FZ_OK;
}

/* "0.3" as 3/10, exactly; 0 < ratio <= 1. */
static int
ratio(const fz_node *v, fz_stratum *s, fz_error *err)
{
	size_t len = v->len;
	const char *t = v->type == FZ_SCALAR ? fz_trim(v->str, &len) : "";
	fz_ratio r;
	int bad = v->type == FZ_SCALAR ? fz_ratio_parse(t, len, &r) : -1;

	if (bad == -1)
		return fail(err, v, "ratio must be a decimal such as 0.3 "
		    "(at most %d decimals)", FZ_RATIO_DIGITS);
	if (bad == -2)
		return fail(err, v, "ratio %.*s is outside (0, 1]", (int)len, t);
	s->ratio_num = r.num;
	s->ratio_den = r.den;
	return FZ_OK;
}

/* The values of one where condition: a value or a list of values. */
static int
cond_values(const fz_node *v, fz_draw_cond *c, fz_arena *a, fz_error *err)
{
	size_t n = v->type == FZ_SEQ ? v->n : 1;

	if (v->type == FZ_MAP || n == 0)
		return fail(err, v, "where: %s takes a value or a list of "
		    "values", c->field->key);
	c->values = fz_arena_alloc(a, n * sizeof *c->values);
	c->indexes = fz_arena_alloc(a, n * sizeof *c->indexes);
	c->nvalues = n;
	for (size_t i = 0; i < n; i++) {
		const fz_node *item = v->type == FZ_SEQ ? v->kids[i] : v;
		size_t len = item->len;
		const char *s;

		if (item->type != FZ_SCALAR)
			return fail(err, item, "where: each value of %s must "
			    "be a single value", c->field->key);
		s = fz_trim(item->str, &len);
		c->values[i] = fz_arena_strndup(a, s, len);
		c->indexes[i] = -1;
		if (c->field->type != FZ_T_ENUM)
			continue;
		c->indexes[i] = fz_enum_lookup(c->field->values, s, len);
		if (c->indexes[i] < 0)
			return fail(err, item, "where: unknown %s '%s'",
			    c->field->key, c->values[i]);
		c->values[i] = c->field->values[c->indexes[i]].value;
	}
	return FZ_OK;
}

static int
stratum_where(const fz_node *w, fz_stratum *s, fz_arena *a, fz_error *err)
{
	if (w == NULL || fz_node_is_null(w))
		return FZ_OK;	/* no condition: every entity */
	if (w->type != FZ_MAP)
		return fail(err, w, "where must be a mapping of entity keys "
		    "to values");
	s->where = fz_arena_alloc(a, (w->n ? w->n : 1) * sizeof *s->where);
	s->nwhere = w->n;
	for (size_t i = 0; i < w->n; i++) {
		const fz_node *k = w->kids[2 * i];
		fz_draw_cond *c = &s->where[i];
		int rc;

		c->field = fz_field_find(FZ_KIND_ENTITIES, k->str);
		if (c->field == NULL || (c->field->type != FZ_T_STR &&
		    c->field->type != FZ_T_ENUM))
			return fail(err, k, "where: '%s' is not a key of an "
			    "entity (id, name, category, town, grade, risk, "
			    "status)", k->str);
		if ((rc = cond_values(w->kids[2 * i + 1], c, a, err)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

/* One stratum of credit_ratios: base's where, the class's ratio, the
 * name NAME·CLASS (DRAW.md "Strata by credit class"). */
static int
credit_stratum(const fz_stratum *base, const fz_node *cls,
    const fz_node *r, fz_stratum *s, fz_arena *a, fz_error *err)
{
	size_t len = cls->len, nlen = strlen(base->name);
	const char *label = fz_trim(cls->str, &len);
	char *name;
	int rc;

	if (len == 0)
		return fail(err, cls, "credit_ratios: a class must not be "
		    "empty");
	*s = *base;
	s->at = cls;
	s->credit = fz_arena_strndup(a, label, len);
	name = fz_arena_alloc(a, nlen + DOT_LEN + len + 1);
	memcpy(name, base->name, nlen);
	memcpy(name + nlen, MIDDLE_DOT, DOT_LEN);
	memcpy(name + nlen + DOT_LEN, label, len);
	name[nlen + DOT_LEN + len] = '\0';
	s->name = name;
	if ((rc = ratio(r, s, err)) != FZ_OK)
		return rc;
	return FZ_OK;
}

/* The strata one entry of strata: stands for, at out (room for
 * strata_in of them); *n gets how many. */
static int
stratum(const fz_node *m, fz_stratum *out, size_t *n, fz_arena *a,
    fz_error *err)
{
	static const char *const keys[] = { "name", "where", "count",
		"ratio", "credit_ratios", NULL };
	const fz_node *name, *count, *r, *cr;
	fz_stratum *s = out;
	int rc;

	*n = 1;
	if (m->type != FZ_MAP)
		return fail(err, m, "a stratum must be a mapping with name, "
		    "where and count, ratio or credit_ratios");
	if ((rc = known_keys(m, _("a stratum"), keys, err)) != FZ_OK)
		return rc;
	s->at = m;
	name = fz_node_get(m, "name");
	if (name == NULL)
		return fail(err, m, "stratum without name");
	if ((rc = text(name, "name", err)) != FZ_OK)
		return rc;
	s->name = name->str;
	count = fz_node_get(m, "count");
	r = fz_node_get(m, "ratio");
	cr = fz_node_get(m, "credit_ratios");
	if ((count != NULL) + (r != NULL) + (cr != NULL) != 1)
		return fail(err, count && r ? r : count || r ? cr : m,
		    "stratum %s: give exactly one of count, ratio and "
		    "credit_ratios", s->name);
	s->count = -1;
	if (count != NULL)
		rc = whole(count, "count", 0, &s->count, err);
	else if (r != NULL)
		rc = ratio(r, s, err);
	if (rc != FZ_OK ||
	    (rc = stratum_where(fz_node_get(m, "where"), s, a, err)) != FZ_OK ||
	    cr == NULL)
		return rc;
	if (cr->type != FZ_MAP || cr->n == 0)
		return fail(err, cr, "credit_ratios must be a mapping of "
		    "credit classes to ratios, such as A: 0.05");
	*n = cr->n;
	for (size_t i = cr->n; i-- > 0;)	/* out[0] is the base till last */
		if ((rc = credit_stratum(out, cr->kids[2 * i],
		    cr->kids[2 * i + 1], &out[i], a, err)) != FZ_OK)
			return rc;
	return FZ_OK;
}

/* The strata an entry stands for: one, or one per class. */
static size_t
strata_in(const fz_node *m)
{
	const fz_node *cr = m->type == FZ_MAP ?
	    fz_node_get(m, "credit_ratios") : NULL;

	return cr != NULL && cr->type == FZ_MAP && cr->n > 0 ? cr->n : 1;
}

static int
strata(const fz_node *v, fz_plan *p, fz_arena *a, fz_error *err)
{
	size_t total = 0, n;
	int rc;

	if (v->type != FZ_SEQ || v->n == 0)
		return fail(err, v, "strata must be a list of at least one "
		    "stratum");
	for (size_t i = 0; i < v->n; i++)
		total += strata_in(v->kids[i]);
	p->strata = fz_arena_alloc(a, total * sizeof *p->strata);
	memset(p->strata, 0, total * sizeof *p->strata);
	p->nstrata = 0;
	for (size_t i = 0; i < v->n; i++) {
		fz_stratum *s = &p->strata[p->nstrata];

		if ((rc = stratum(v->kids[i], s, &n, a, err)) != FZ_OK)
			return rc;
		p->credit |= s->credit != NULL;
		for (size_t k = p->nstrata; k < p->nstrata + n; k++)
			for (size_t j = 0; j < k; j++)
				if (strcmp(p->strata[j].name,
				    p->strata[k].name) == 0)
					return fail(err, p->strata[k].credit ?
					    p->strata[k].at : fz_node_get(
					    v->kids[i], "name"), "duplicate "
					    "stratum name '%s'",
					    p->strata[k].name);
		p->nstrata += n;
	}
	return FZ_OK;
}

/* A name the plan gives (a department, a class): the text of d,
 * trimmed. */
static int
name_text(const fz_node *d, const char *what, const char **out,
    fz_arena *a, fz_error *err)
{
	size_t len = d->len;
	const char *s;
	int rc;

	if ((rc = text(d, what, err)) != FZ_OK)
		return rc;
	s = fz_trim(d->str, &len);
	*out = fz_arena_strndup(a, s, len);
	return FZ_OK;
}

/* items: the codes of the list's items the draw is for, each once. */
static int
items(const fz_node *v, fz_plan *p, fz_arena *a, fz_error *err)
{
	int rc;

	if (v->type != FZ_SEQ || v->n == 0)
		return fail(err, v, "items must be a list of item codes");
	p->items = fz_arena_alloc(a, v->n * sizeof *p->items);
	for (size_t i = 0; i < v->n; i++) {
		if ((rc = name_text(v->kids[i], "items", &p->items[i], a,
		    err)) != FZ_OK)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->items[j], p->items[i]) == 0)
				return fail(err, v->kids[i], "item '%s' is "
				    "named twice", p->items[i]);
	}
	p->nitems = v->n;
	return FZ_OK;
}

static int
departments(const fz_node *deps, fz_plan *p, fz_arena *a, fz_error *err)
{
	int rc;

	if (deps->type != FZ_SEQ)
		return fail(err, deps, "team.departments must be a list");
	p->ndepartments = deps->n;
	p->departments = fz_arena_alloc(a, (deps->n + 1) *
	    sizeof *p->departments);
	p->department_at = fz_arena_alloc(a, (deps->n + 1) *
	    sizeof *p->department_at);
	for (size_t i = 0; i < deps->n; i++) {
		if ((rc = name_text(deps->kids[i], "a department",
		    &p->departments[i], a, err)) != FZ_OK)
			return rc;
		p->department_at[i] = deps->kids[i];
	}
	return FZ_OK;
}

static int
team(const fz_node *t, fz_plan *p, fz_arena *a, fz_error *err)
{
	static const char *const keys[] = { "size", "departments",
		"department", NULL };
	const fz_node *size, *deps;
	int rc;

	if (t->type != FZ_MAP)
		return fail(err, t, "team must be a mapping with size, "
		    "departments and department");
	if ((rc = known_keys(t, "team", keys, err)) != FZ_OK)
		return rc;
	p->team_at = t;
	if ((deps = fz_node_get(t, "departments")) != NULL &&
	    (rc = departments(deps, p, a, err)) != FZ_OK)
		return rc;
	if ((p->fill_at = fz_node_get(t, "department")) != NULL &&
	    (rc = name_text(p->fill_at, "team.department", &p->department,
	    a, err)) != FZ_OK)
		return rc;
	p->team_size = p->ndepartments > 2 ? (long long)p->ndepartments : 2;
	if ((size = fz_node_get(t, "size")) == NULL)
		return FZ_OK;
	if ((rc = whole(size, "team.size", 0, &p->team_size, err)) != FZ_OK)
		return rc;
	if (p->team_size < 2)
		return fail(err, size, "team.size must be at least 2 (two "
		    "inspectors per entity)");
	if ((size_t)p->team_size < p->ndepartments)
		return fail(err, size, "team.size %lld is smaller than the %zu "
		    "departments of team.departments", p->team_size,
		    p->ndepartments);
	return FZ_OK;
}

static void
seed_warning(const fz_node *seed, const fz_diag *diag)
{
	size_t digits = 0;
	char msg[128];

	for (size_t i = 0; i < seed->len; i++)
		digits += seed->str[i] >= '0' && seed->str[i] <= '9';
	if (digits >= 15 || diag == NULL)
		return;
	snprintf(msg, sizeof msg, _("the seed has %zu digits: at least 15 "
	    "random digits make a draw nobody can guess"), digits);
	diag->report(diag->ctx, FZ_WARNING, seed, msg);
}

/* task, seed, date and hash. */
static int
heading(const fz_node *doc, fz_plan *p, const fz_diag *diag, fz_error *err)
{
	const fz_node *task = fz_node_get(doc, "task");
	const fz_node *seed = fz_node_get(doc, "seed");
	const fz_node *date = fz_node_get(doc, "date");
	size_t len;
	const char *s;
	int rc;

	if (task == NULL || seed == NULL || date == NULL)
		return fail(err, doc, "plan without %s", task == NULL ? "task"
		    : seed == NULL ? "seed" : "date");
	if ((rc = text(task, "task", err)) != FZ_OK ||
	    (rc = text(seed, "seed", err)) != FZ_OK ||
	    (rc = text(date, "date", err)) != FZ_OK)
		return rc;
	len = task->len;
	p->task = fz_trim(task->str, &len);
	p->seed = seed->str;	/* the text exactly as written */
	p->seed_len = seed->len;
	len = date->len;
	s = fz_trim(date->str, &len);
	if (fz_date_parse(s, len, &p->date) != 0)
		return fail(err, date, "date: '%s' is not a date (expected "
		    "YYYY-MM-DD)", date->str);
	seed_warning(seed, diag);
	p->hash = -1;
	if ((p->hash_at = fz_node_get(doc, "hash")) != NULL) {
		len = p->hash_at->len;
		s = fz_trim(p->hash_at->str, &len);
		if (p->hash_at->type != FZ_SCALAR ||
		    (p->hash = fz_hash_parse(s, len)) < 0)
			return fail(err, p->hash_at, "hash must be sha256 or "
			    "sm3");
	}
	return FZ_OK;
}

int
fz_draw_plan_decode(const fz_node *doc, fz_plan *p, fz_arena *a,
    const fz_diag *diag, fz_error *err)
{
	static const char *const keys[] = { "kind", "version", "task",
		"seed", "date", "hash", "strata", "team", "max_per_inspector",
		"exclude_inspected_within_days", "credit_default", "items",
		"max_checks_per_year", NULL };
	const fz_node *v;
	int rc;

	memset(p, 0, sizeof *p);
	p->doc = doc;
	p->team_size = 2;
	if (doc->type != FZ_MAP)
		return fail(err, doc, "a plan must be a mapping");
	if ((rc = known_keys(doc, _("a plan"), keys, err)) != FZ_OK ||
	    (rc = heading(doc, p, diag, err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "version")) != NULL &&
	    (v->type != FZ_SCALAR || strcmp(v->str, "1") != 0))
		return fail(err, v, "unsupported plan version (this is "
		    "version 1)");
	if ((v = fz_node_get(doc, "strata")) == NULL)
		return fail(err, doc, "plan without strata");
	if ((rc = strata(v, p, a, err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "team")) != NULL &&
	    (rc = team(v, p, a, err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "max_per_inspector")) != NULL &&
	    (rc = whole(v, "max_per_inspector", 1, &p->max_per_inspector,
	    err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "exclude_inspected_within_days")) != NULL &&
	    (rc = whole(v, "exclude_inspected_within_days", 0,
	    &p->exclude_days, err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "max_checks_per_year")) != NULL &&
	    (rc = whole(v, "max_checks_per_year", 1, &p->max_checks_per_year,
	    err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "items")) != NULL &&
	    (rc = items(v, p, a, err)) != FZ_OK)
		return rc;
	if ((v = fz_node_get(doc, "credit_default")) != NULL)
		return name_text(v, "credit_default", &p->credit_default, a,
		    err);
	return FZ_OK;
}
