/* render_certs.c - the roster's 持证率 for the yearly enforcement
 * statistics: of the active inspectors, those holding an enforcement
 * certificate (执法证) still valid on the last day of the period the
 * statistics are of, in all and by department, as exact numerators and
 * denominators with their percent.  A roster that records no certificate
 * at all says nothing of them: no figure is made (a place to write),
 * rather than a rate of 0; only its active staff are counted
 * (roster_staff), for the yearbook to say why the rate is not given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* The counts of one department, or of all. */
struct certs {
	const char *department;
	long long staff, holding, undated;
};

/* The last day of the period: the first tally's to, else the first
 * metrics document's; FZ_NODATE when none gives one. */
static fz_date
period_end(const fz_render_ctx *c)
{
	static const char *const kinds[] = { "tally", "metrics" };

	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < c->ndocs; i++) {
			const fz_node *to = c->kinds[i] != NULL &&
			    strcmp(c->kinds[i], kinds[k]) == 0 ?
			    fz_node_get(c->docs[i], "to") : NULL;
			fz_date d;

			if (to != NULL && to->type == FZ_SCALAR &&
			    fz_date_parse(to->str, to->len, &d) == 0)
				return d;
		}
	return FZ_NODATE;
}

static void
count(struct certs *s, const fz_inspector *in, fz_date end)
{
	s->staff++;
	if (in->cert_no == NULL)
		return;
	if (in->cert_expires == FZ_NODATE)
		s->undated++;
	else if (in->cert_expires >= end)
		s->holding++;
}

/* {department, staff, holding, undated, rate: {numerator, denominator,
 * percent}} of s. */
static fz_node *
certs_node(fz_arena *a, const struct certs *s)
{
	fz_node *m = fz_node_map(a), *rate = fz_node_map(a);
	char buf[64];

	if (s->department != NULL && *s->department != '\0')
		fz_node_put(a, m, "department", fz_render__text(a,
		    s->department));
	snprintf(buf, sizeof buf, "%lld", s->staff);
	fz_node_put(a, m, "staff", fz_render__plain(a, buf));
	snprintf(buf, sizeof buf, "%lld", s->holding);
	fz_node_put(a, m, "holding", fz_render__plain(a, buf));
	fz_node_put(a, rate, "numerator", fz_render__plain(a, buf));
	snprintf(buf, sizeof buf, "%lld", s->undated);
	fz_node_put(a, m, "undated", fz_render__plain(a, buf));
	snprintf(buf, sizeof buf, "%lld", s->staff);
	fz_node_put(a, rate, "denominator", fz_render__plain(a, buf));
	if (s->staff > 0)
		fz_node_put(a, rate, "percent", fz_render__text(a,
		    fz_table_ratio_format(s->holding, s->staff, 2, 1, buf)));
	fz_node_put(a, m, "rate", rate);
	return m;
}

/* The counts of the roster's departments, in order of first sight. */
struct departments {
	struct certs *v;
	size_t n, cap;
};

/* The department's counts, added when new. */
static struct certs *
department(struct departments *ds, const char *name)
{
	for (size_t i = 0; i < ds->n; i++)
		if (strcmp(ds->v[i].department, name) == 0)
			return &ds->v[i];
	if (ds->n == ds->cap)
		ds->v = fz_xrealloc(ds->v, (ds->cap = ds->cap * 2 + 8) *
		    sizeof *ds->v);
	ds->v[ds->n] = (struct certs){ name, 0, 0, 0 };
	return &ds->v[ds->n++];
}

/* Count the active inspectors of the roster's records; 1 when one of
 * them records a certificate. */
static int
count_roster(const fz_node *recs, fz_date end, struct certs *all,
    struct departments *ds)
{
	int any = 0;

	for (size_t i = 0; recs != NULL && recs->type == FZ_SEQ &&
	    i < recs->n; i++) {
		fz_inspector in;
		fz_error err = { 0 };

		/* Decoded when the document was added: cannot fail now. */
		if (fz_record_decode(FZ_KIND_INSPECTORS, recs->kids[i], &in,
		    NULL, &err) != FZ_OK || in.active != 1)
			continue;
		any |= in.cert_no != NULL;
		count(all, &in, end);
		count(department(ds, in.department != NULL ? in.department :
		    ""), &in, end);
	}
	return any;
}

/* {staff, by_department: [{department, staff}]}: a roster's active
 * staff, all and by department, when it records no certificate. */
static fz_node *
staff_node(fz_arena *a, const struct certs *all,
    const struct departments *ds)
{
	fz_node *m = fz_node_map(a), *list = fz_node_seq(a);
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", all->staff);
	fz_node_put(a, m, "staff", fz_render__plain(a, buf));
	for (size_t i = 0; i < ds->n; i++) {
		fz_node *d = fz_node_map(a);

		if (*ds->v[i].department != '\0')
			fz_node_put(a, d, "department", fz_render__text(a,
			    ds->v[i].department));
		snprintf(buf, sizeof buf, "%lld", ds->v[i].staff);
		fz_node_put(a, d, "staff", fz_render__plain(a, buf));
		fz_node_push(a, list, d);
	}
	fz_render__list_flags(a, list);
	fz_node_put(a, m, "by_department", list);
	return m;
}

void
fz_render__certificates(fz_render_ctx *c, fz_node *root)
{
	fz_date end = period_end(c);
	struct certs all = { NULL, 0, 0, 0 };
	struct departments ds = { NULL, 0, 0 };
	int any = 0, roster = 0;
	fz_node *m, *list;
	char buf[16];

	if (end == FZ_NODATE)
		return;
	for (size_t i = 0; i < c->ndocs; i++)
		if (c->kinds[i] != NULL && strcmp(c->kinds[i], "inspectors") ==
		    0) {
			roster = 1;
			any |= count_roster(fz_node_get(c->docs[i], "records"),
			    end, &all, &ds);
		}
	/* The staff are known without certificates: the rate is not. */
	if (roster && !any)
		fz_render__add(c->a, root, "roster_staff", staff_node(c->a,
		    &all, &ds));
	if (any) {
		m = certs_node(c->a, &all);
		fz_node_put(c->a, m, "on", fz_render__plain(c->a,
		    fz_date_format(end, buf)));
		list = fz_node_seq(c->a);
		for (size_t i = 0; i < ds.n; i++)
			fz_node_push(c->a, list, certs_node(c->a, &ds.v[i]));
		fz_render__list_flags(c->a, list);
		fz_node_put(c->a, m, "by_department", list);
		fz_render__add(c->a, root, "certificates", m);
	}
	free(ds.v);
}

int
fz_render__roster_check(fz_node *doc, fz_error *err)
{
	fz_node *recs = fz_node_get(doc, "records");
	int rc;

	for (size_t i = 0; recs != NULL && recs->type == FZ_SEQ &&
	    i < recs->n; i++) {
		fz_inspector in;

		if ((rc = fz_record_decode(FZ_KIND_INSPECTORS, recs->kids[i],
		    &in, NULL, err)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}
