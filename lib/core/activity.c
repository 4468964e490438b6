/* activity.c - the activities kind: what the bureau or a town does that
 * is no inspection of one entity (行政约谈, 签订责任书, 演练, 联合执法行动,
 * 培训, 学法, 普法宣传, 明察暗访, 示范点创建, 聘任, 表彰, a town's 上报信息),
 * its fields and the rules a record keeps beyond each key's own. */
#include <stdio.h>

#include "core_int.h"

/* The canonical value, then the Chinese word; the words staff also
 * write for a value follow them all (fz_enum_lookup). */
static const fz_enum_value type_values[] = {
	{ "interview", "行政约谈" }, { "pledge", "签订责任书" },
	{ "drill", "演练" }, { "joint_action", "联合执法行动" },
	{ "training", "培训" }, { "law_study", "学法" },
	{ "publicity", "普法宣传" }, { "covert_visit", "明察暗访" },
	{ "demo_site", "示范点创建" }, { "appointment", "聘任" },
	{ "award", "表彰" }, { "other", "其他" },
	{ "report", "上报信息" },
	{ "interview", "约谈" }, { "pledge", "责任书" },
	{ "drill", "应急演练" }, { "joint_action", "联合执法" },
	{ "publicity", "宣传" }, { "demo_site", "示范点" },
	{ "report", "上报检查信息" },
	{ NULL, NULL } };
static const fz_enum_value level_values[] = {
	{ "national", "国家级" }, { "province_model", "省级标兵" },
	{ "province", "省级" }, { "city", "市级" }, { "district", "区级" },
	{ "town", "镇街级" }, { NULL, NULL } };

const fz_field fz_core__activity_fields[] = {
	F(fz_activity, "id", FZ_T_STR, 1, NULL, id),
	F(fz_activity, "date", FZ_T_DATE, 0, NULL, date),
	F(fz_activity, "from", FZ_T_DATE, 0, NULL, from),
	F(fz_activity, "to", FZ_T_DATE, 0, NULL, to),
	F(fz_activity, "type", FZ_T_ENUM, 1, type_values, type),
	F(fz_activity, "title", FZ_T_STR, 0, NULL, title),
	F(fz_activity, "departments", FZ_T_STRS, 0, NULL, departments),
	F(fz_activity, "entities", FZ_T_STRS, 0, NULL, entities),
	FI(fz_activity, "participants", 0, participants, 0, BIG),
	FI(fz_activity, "units", 0, units, 0, BIG),
	F(fz_activity, "level", FZ_T_ENUM, 0, level_values, level),
	F(fz_activity, "town", FZ_T_STR, 0, NULL, town),
	F(fz_activity, "campaign", FZ_T_STR, 0, NULL, campaign),
	F(fz_activity, "case", FZ_T_STR, 0, NULL, case_id),
	F(fz_activity, "lead", FZ_T_STR, 0, NULL, lead),
	END
};

fz_date
fz_activity_day(const fz_activity *a)
{
	return a->date != FZ_NODATE ? a->date : a->from;
}

long long
fz_activity_units(const fz_activity *a)
{
	if (a->units != FZ_NOINT)
		return a->units;
	return a->entities != NULL ? (long long)a->entities->n : 0;
}

static const fz_node *
at_key(const fz_node *rec, const char *key)
{
	const fz_node *v = fz_node_get(rec, key);

	return v != NULL ? v : rec;
}

int
fz_core__activity_rules(const fz_activity *a, const fz_node *rec,
    void (*report)(void *ctx, const fz_node *at, const char *msg),
    void *ctx)
{
	char msg[512];
	int n = 0;

	if (a->date != FZ_NODATE && (a->from != FZ_NODATE ||
	    a->to != FZ_NODATE))
		n++, report(ctx, at_key(rec, "date"), _("activity: date or "
		    "from and to, not both"));
	else if (a->date == FZ_NODATE && (a->from == FZ_NODATE ||
	    a->to == FZ_NODATE))
		n++, report(ctx, at_key(rec, a->from == FZ_NODATE ? "from" :
		    "to"), _("activity: a date, or from and to both"));
	else if (a->date == FZ_NODATE && a->to < a->from)
		n++, report(ctx, at_key(rec, "to"), _("activity: to is "
		    "before from"));
	/* The entities listed are units taking part: units counts them. */
	if (a->units != FZ_NOINT && a->entities != NULL &&
	    a->units < (long long)a->entities->n) {
		snprintf(msg, sizeof msg, _("activity: units %lld is fewer "
		    "than the %zu entities listed (units counts them too)"),
		    a->units, a->entities->n);
		n++, report(ctx, at_key(rec, "units"), msg);
	}
	return n;
}
