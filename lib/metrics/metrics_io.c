/* metrics_io.c - the metrics in and out: the matters and applications
 * taken from the events of the inputs, and the metrics document, the
 * figures in the order of FORMATS.md, each rate an exact fraction
 * beside its rounded value. */
#include <string.h>

#include "metrics_int.h"

static const struct {
	const char *key, *label;
} rate_names[FZ_RATE_COUNT] = {
	{ "online_rate", "网上办实现率" },
	{ "mobile_rate", "掌上办实现率" },
	{ "zero_trip_rate", "跑零次实现率" },
	{ "instant_rate", "即办事项比例" },
	{ "time_compression", "承诺期限压缩比" },
	{ "e_material_rate", "材料电子化比" },
	{ "e_license_rate", "办理结果提供电子证照实现率" },
	{ "online_completion_rate", "网上办结率" },
	{ "satisfaction", "满意度" },
	{ "mean_workdays", "平均办理时间(工作日)" },
	{ "on_time_rate", "承诺期限内办结率" },
};

const char *fz_metrics_rate_key(enum fz_metrics_rate_id r) { return rate_names[r].key; }
const char *fz_metrics_rate_label(enum fz_metrics_rate_id r) { return rate_names[r].label; }

char *
fz_metrics_fraction_format(fz_metrics_fraction f, char *buf)
{
	long long whole, rem;
	int frac, places = 4;

	if (f.den <= 0 || f.num < 0) {
		strcpy(buf, "null");
		return buf;
	}
	whole = f.num / f.den;
	rem = f.num % f.den;
	/* Half up: floor((rem * 10^4 + den / 2) / den), without overflow
	 * while den stays below 2^63 / 2 * 10^4. */
	frac = (int)((rem * 20000 + f.den) / (2 * f.den));
	if (frac == 10000) {
		whole++;
		frac = 0;
	}
	while (places > 0 && frac % 10 == 0) {
		frac /= 10;
		places--;
	}
	if (places == 0)
		snprintf(buf, 32, "%lld", whole);
	else
		snprintf(buf, 32, "%lld.%0*d", whole, places, frac);
	return buf;
}

int
fz_metrics_by_parse(const char *name)
{
	if (strcmp(name, "matter") == 0)
		return FZ_BY_MATTER;
	if (strcmp(name, "type") == 0)
		return FZ_BY_TYPE;
	if (strcmp(name, "office") == 0)
		return FZ_BY_OFFICE;
	return -1;
}

/* Counts by the values of an enumeration of FORMATS.md, in its order;
 * values nobody has are left out, as in FORMATS.md's example. */
static void
write_counts(fz_writer *w, const char *key, enum fz_kind k,
    const char *field, const long long *counts, int n)
{
	const fz_enum_value *values = fz_field_find(k, field)->values;

	fz_write_key(w, key);
	fz_write_map_begin(w, 1);
	for (int i = 0; i < n; i++) {
		if (counts[i] == 0)
			continue;
		fz_write_key(w, values[i].value);
		fz_write_int(w, counts[i]);
	}
	fz_write_map_end(w);
}

static void
write_catalogue(fz_writer *w, const fz_metrics_figures *f)
{
	fz_write_key(w, "catalogue");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "matters", f->matters);
	fz_write_key_int(w, "counted", f->counted);
	write_counts(w, "by_level", FZ_KIND_MATTERS, "level", f->by_level, 3);
	write_counts(w, "by_type", FZ_KIND_MATTERS, "type", f->by_type, 7);
	fz_write_map_end(w);
}

static void
write_applications(fz_writer *w, const fz_metrics_figures *f)
{
	enum fz_kind k = FZ_KIND_APPLICATIONS;

	fz_write_key(w, "applications");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "received", f->received);
	fz_write_key_int(w, "completed", f->completed);
	fz_write_key_int(w, "pending", f->pending);
	write_counts(w, "by_action", k, "action", f->by_action, 4);
	write_counts(w, "by_channel", k, "channel", f->by_channel, 3);
	write_counts(w, "by_outcome", k, "outcome", f->by_outcome, 3);
	fz_write_key_int(w, "site_surveys", f->site_surveys);
	fz_write_map_end(w);
}

static void
write_rates(fz_writer *w, const fz_metrics_figures *f)
{
	char buf[32];

	fz_write_key(w, "rates");
	fz_write_seq_begin(w, 0);
	for (int r = 0; r < FZ_RATE_COUNT; r++) {
		fz_write_map_begin(w, 1);
		fz_write_key(w, "key");
		fz_write_str(w, fz_metrics_rate_key(r));
		fz_write_key(w, "label");
		fz_write_str(w, fz_metrics_rate_label(r));
		fz_write_key_int(w, "numerator", f->rates[r].num);
		fz_write_key_int(w, "denominator", f->rates[r].den);
		fz_write_key(w, "value");
		fz_write_plain(w, fz_metrics_fraction_format(f->rates[r], buf));
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

static void
write_figures(fz_writer *w, const fz_metrics_figures *f)
{
	write_catalogue(w, f);
	write_applications(w, f);
	write_rates(w, f);
}

static void
write_group(fz_writer *w, const char *key, const char *value)
{
	fz_write_key(w, key);
	if (value == NULL)
		fz_write_null(w);
	else
		fz_write_str(w, value);
}

static void
write_rows(fz_metrics *m, fz_writer *w, enum fz_metrics_by by)
{
	static const char *const by_names[] = { NULL, "matter", "type",
		"office" };
	const fz_metrics_row *rows;
	size_t n = fz_metrics_rows(m, by, &rows);

	write_group(w, "by", by_names[by]);
	fz_write_key(w, "rows");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < n; i++) {
		fz_write_map_begin(w, 0);
		write_group(w, by_names[by], rows[i].group);
		if (by == FZ_BY_MATTER)
			write_group(w, "name", rows[i].name);
		write_figures(w, &rows[i].figures);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
}

static void
write_where(fz_writer *w, const fz_where *where)
{
	const char *key, *value;

	if (fz_where_count(where) == 0)
		return;
	fz_write_key(w, "where");
	fz_write_map_begin(w, 1);
	for (size_t i = 0; i < fz_where_count(where); i++) {
		fz_where_get(where, i, &key, &value);
		write_group(w, key, value);
	}
	fz_write_map_end(w);
}

int
fz_metrics_write(fz_metrics *m, fz_writer *w, enum fz_metrics_by by)
{
	fz_metrics_figures total;
	fz_date from, to;

	fz_metrics_total(m, &total);
	fz_metrics_period(m, &from, &to);
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	write_group(w, "kind", "metrics");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	fz_write_key(w, "from");
	fz_write_date(w, from);
	fz_write_key(w, "to");
	fz_write_date(w, to);
	write_figures(w, &total);
	fz_write_key(w, "inputs");
	fz_write_map_begin(w, 1);
	fz_write_key_int(w, "matters", (long long)m->n);
	fz_write_key_int(w, "applications", m->applications);
	fz_write_map_end(w);
	write_where(w, m->where);
	if (by != FZ_BY_NONE)
		write_rows(m, w, by);
	if (m->mergeable)
		fz_metrics__write_mergeable(m, w);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}

static int
add_record(fz_metrics *m, const fz_event *ev, fz_error *err)
{
	fz_matter mt;
	fz_application a;
	int rc;

	if (ev->kind == FZ_KIND_MATTERS) {
		rc = fz_record_decode(ev->kind, ev->node, &mt, NULL, err);
		return rc != FZ_OK ? rc :
		    fz_metrics_add_matter(m, &mt, ev->node, err);
	}
	rc = fz_record_decode(ev->kind, ev->node, &a, NULL, err);
	return rc != FZ_OK ? rc :
	    fz_metrics_add_application(m, &a, ev->node, err);
}

int
fz_metrics_take(fz_metrics *m, const fz_event *ev, fz_error *err)
{
	if (ev->type == FZ_EV_END)
		return fz_metrics_check(m, err);
	if (ev->kind != FZ_KIND_MATTERS && ev->kind != FZ_KIND_APPLICATIONS)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "fazhi-metrics reads matters and "
		    "applications, not %s", ev->kind_name != NULL ?
		    ev->kind_name : "a document without kind");
	return ev->type == FZ_EV_RECORD ? add_record(m, ev, err) : FZ_OK;
}

int
fz_metrics_merge_take(fz_metrics *m, const fz_event *ev, fz_error *err)
{
	int rc;

	if (ev->type == FZ_EV_END)
		return m->merged == 0 ? fz_error_set(err, FZ_DATAERR, NULL, 0,
		    0, "--merge found no metrics to merge") : FZ_OK;
	if ((ev->kind == FZ_KIND_MATTERS && m->merged > 0) ||
	    (ev->kind == FZ_KIND_METRICS && m->n == 0))
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "--merge: name the matters before the "
		    "metrics merged");
	if (ev->kind == FZ_KIND_MATTERS)
		return fz_metrics_take(m, ev, err);
	if (ev->kind != FZ_KIND_METRICS)
		return fz_error_set(err, FZ_DATAERR, ev->file, ev->doc_line,
		    ev->doc_col, "--merge reads matters and metrics, not %s",
		    ev->kind_name != NULL ? ev->kind_name :
		    "a document without kind");
	if (m->merged == 0 && (rc = fz_metrics_check(m, err)) != FZ_OK)
		return rc;
	if ((rc = fz_metrics_merge(m, ev->node, err)) != FZ_OK)
		return rc;
	m->merged++;
	return FZ_OK;
}
