/* labels.c - the Chinese words for keys and enumeration values, in one
 * place, so that reports, CSV and xlsx headers all say the same. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct label {
	const char *key, *label;
};

/* Sorted by key (bsearch): kinds, tally indicators and group keys,
 * metrics keys and rate keys, record fields, draw keys. */
static const struct label labels[] = {
	{ "action", "办理类型" },
	{ "active", "在岗" },
	{ "address", "地址" },
	{ "algorithm", "算法" },
	{ "applications", "办件" },
	{ "applied", "申请日期" },
	{ "av_recorded", "音视频记录" },
	{ "avoid", "回避对象" },
	{ "banned", "取缔" },
	{ "basis", "依据" },
	{ "by", "分组" },
	{ "by_action", "按办理类型" },
	{ "by_channel", "按渠道" },
	{ "by_level", "按层级" },
	{ "by_outcome", "按办理结果" },
	{ "by_type", "按类型" },
	{ "calendar", "工作日历" },
	{ "campaign", "专项行动" },
	{ "cap_of", "上限依据" },
	{ "case", "案件编号" },
	{ "case_figures", "案件指标" },
	{ "casefile", "案卷评查" },
	{ "cases", "案件" },
	{ "catalogue", "事项目录" },
	{ "categories", "可检查类别" },
	{ "category", "类别" },
	{ "cause", "案由" },
	{ "cert_expires", "执法证有效期至" },
	{ "cert_no", "执法证编号" },
	{ "channel", "渠道" },
	{ "class", "信用等级" },
	{ "closed", "办结" },
	{ "closed_on_time", "按期办结" },
	{ "code", "事项编码" },
	{ "collected_on_spot", "当场收缴罚款" },
	{ "collective", "集体讨论" },
	{ "completed", "办结" },
	{ "count", "数量" },
	{ "counted", "办事项" },
	{ "coverage", "抽查覆盖" },
	{ "credit", "信用分类" },
	{ "credit_default", "默认信用等级" },
	{ "credit_ratios", "按信用等级比例" },
	{ "date", "日期" },
	{ "day", "日期" },
	{ "decided", "处罚决定" },
	{ "decision_revoked", "处罚决定撤销" },
	{ "denominator", "分母" },
	{ "department", "部门" },
	{ "digest", "摘要" },
	{ "documents", "文档数" },
	{ "draw", "随机抽查" },
	{ "draws", "抽取结果" },
	{ "e_license", "电子证照" },
	{ "e_license_rate", "办理结果提供电子证照实现率" },
	{ "e_material_rate", "材料电子化比" },
	{ "e_materials", "电子材料" },
	{ "educated", "批评教育" },
	{ "entities", "检查对象名录" },
	{ "entity", "检查对象" },
	{ "evidence_decided", "证据处理决定" },
	{ "evidence_preserved", "先行登记保存" },
	{ "exclude_inspected_within_days", "近期已检查不抽取天数" },
	{ "extended_days", "延长天数" },
	{ "extension_basis", "延长期限依据" },
	{ "filed", "立案" },
	{ "fine", "罚款" },
	{ "fines", "罚没款" },
	{ "found", "发现违法" },
	{ "from", "起始日期" },
	{ "general_decided", "普通程序作出决定" },
	{ "general_within_half", "45日内作出决定" },
	{ "grade", "等级" },
	{ "handed_in", "罚款交至机关" },
	{ "handled", "办结" },
	{ "hash", "摘要算法" },
	{ "hearing", "听证" },
	{ "hearing_eligible", "适用听证" },
	{ "hearing_notice", "听证通知" },
	{ "hearing_requested", "申请听证" },
	{ "hearings", "听证" },
	{ "id", "编号" },
	{ "inputs", "输入" },
	{ "inspections", "检查记录" },
	{ "inspectors", "检查人员" },
	{ "instant", "即办" },
	{ "instant_rate", "即办事项比例" },
	{ "items", "抽查事项清单" },
	{ "judged", "判决日期" },
	{ "key", "代码" },
	{ "label", "名称" },
	{ "last_inspected", "上次检查日期" },
	{ "leader", "分管领导" },
	{ "leader_appeared", "负责人出庭应诉" },
	{ "leader_led", "领导带队" },
	{ "legal_qualification", "法律职业资格" },
	{ "legal_review", "法制审核" },
	{ "legal_reviewer", "法制审核人员" },
	{ "level", "层级" },
	{ "license", "证照" },
	{ "litigation", "行政诉讼" },
	{ "litigations", "行政诉讼" },
	{ "litigations_lost", "败诉" },
	{ "major", "重大案件" },
	{ "major_av_recorded", "音视频全过程记录" },
	{ "major_supervised", "重大及挂牌督办案件" },
	{ "materials", "申请材料" },
	{ "matter", "事项" },
	{ "matters", "事项" },
	{ "max_checks_per_year", "年度检查上限" },
	{ "max_per_inspector", "每人最多" },
	{ "mean_decision_days", "平均办案天数" },
	{ "mean_workdays", "平均办理时间(工作日)" },
	{ "method", "检查方式" },
	{ "metrics", "审批指标" },
	{ "mobile", "掌上办" },
	{ "mobile_rate", "掌上办实现率" },
	{ "month", "月份" },
	{ "name", "名称" },
	{ "needed", "应检查数" },
	{ "never_drawn", "全年未被抽取" },
	{ "not_punished", "不予处罚情形" },
	{ "not_punished_first_offense", "首违不罚" },
	{ "not_punished_minor", "轻微不罚" },
	{ "not_punished_no_fault", "无过错不罚" },
	{ "notified", "处罚告知" },
	{ "numerator", "分子" },
	{ "office", "承办科室" },
	{ "on_time_rate", "承诺期限内办结率" },
	{ "online", "网上办" },
	{ "online_completion_rate", "网上办结率" },
	{ "online_rate", "网上办实现率" },
	{ "open", "未结" },
	{ "organization", "单位" },
	{ "outcome", "办理结果" },
	{ "outing", "出动" },
	{ "outings", "出动次数" },
	{ "over_cap", "超过检查上限" },
	{ "overdue", "超期" },
	{ "paid", "缴纳罚款" },
	{ "parent", "上级事项" },
	{ "party", "当事人类型" },
	{ "penalized", "作出处罚决定的案件" },
	{ "penalty", "处罚种类" },
	{ "penalty_confiscation", "其中最重处罚为没收" },
	{ "penalty_fine", "其中最重处罚为罚款" },
	{ "penalty_revocation", "其中最重处罚为吊销许可证件" },
	{ "penalty_suspension", "其中最重处罚为责令停业" },
	{ "penalty_warning", "其中最重处罚为警告" },
	{ "pending", "在办" },
	{ "percent", "百分比" },
	{ "person_times", "出动检查人次" },
	{ "phone", "联系电话" },
	{ "plan", "抽查计划" },
	{ "plan_cap", "计划检查上限" },
	{ "plans", "抽查计划" },
	{ "population", "对象总数" },
	{ "procedure", "处罚程序" },
	{ "promised_days", "承诺期限" },
	{ "published", "公示" },
	{ "published_on_time", "按时公示" },
	{ "quarter", "季度" },
	{ "rates", "比率" },
	{ "ratio", "比例" },
	{ "ratios", "按信用等级比例" },
	{ "reached", "达到比例" },
	{ "reason", "原因" },
	{ "received", "受理" },
	{ "reconsideration", "行政复议" },
	{ "reconsiderations", "行政复议" },
	{ "reconsiderations_corrected", "复议纠错" },
	{ "records", "记录数" },
	{ "region", "行政区域" },
	{ "reported_by", "上报方" },
	{ "result", "检查结果" },
	{ "results", "检查结果" },
	{ "review_required", "须法制审核" },
	{ "reviewed", "法制审核" },
	{ "reviewed_required", "应审已审" },
	{ "reviewer", "法制审核人" },
	{ "risk", "风险等级" },
	{ "rounds", "抽查轮次" },
	{ "rows", "明细" },
	{ "satisfaction", "满意度" },
	{ "seed", "种子" },
	{ "selected", "抽取数" },
	{ "selections", "抽取结果" },
	{ "serious_harm", "有危害后果" },
	{ "served", "送达" },
	{ "served_on_spot", "当场交付" },
	{ "served_on_time", "按时送达" },
	{ "short", "未达要求" },
	{ "short_name", "简称" },
	{ "signer", "落款" },
	{ "simple_procedure", "简易程序案件" },
	{ "site_survey", "勘察场地" },
	{ "site_surveys", "勘察场地" },
	{ "source", "案件来源" },
	{ "squad", "中队" },
	{ "statement_waived", "放弃陈述申辩" },
	{ "status", "状态" },
	{ "statutory_days", "法定期限" },
	{ "strata", "分层" },
	{ "stratum", "分层" },
	{ "supervised", "挂牌督办" },
	{ "tally", "执法统计" },
	{ "task", "任务" },
	{ "team", "检查组" },
	{ "ticket", "签号" },
	{ "time_compression", "承诺期限压缩比" },
	{ "times", "频次" },
	{ "to", "截止日期" },
	{ "totals", "合计" },
	{ "town", "镇(乡)街道" },
	{ "towns", "镇街" },
	{ "transferred", "移送司法" },
	{ "trips", "跑动次数" },
	{ "type", "类型" },
	{ "unfilled", "未能组队" },
	{ "units", "检查单位家数" },
	{ "unpublished", "撤下公示" },
	{ "until", "有效期至" },
	{ "value", "数值" },
	{ "version", "版本" },
	{ "violation_date", "违法行为发生" },
	{ "violations", "违规家次" },
	{ "visits", "检查单位家次" },
	{ "week", "周" },
	{ "with", "配合部门" },
	{ "year", "年度" },
	{ "zero_trip", "跑零次" },
	{ "zero_trip_rate", "跑零次实现率" },
	{ "zone", "片区" },
};

static int
label_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct label *)entry)->key);
}

const char *
fz_label(const char *key)
{
	const struct label *l;

	if (key == NULL)
		return NULL;
	l = bsearch(key, labels, sizeof labels / sizeof labels[0],
	    sizeof labels[0], label_cmp);
	return l != NULL ? l->label : NULL;
}

const char *
fz_key_word(const char *key)
{
	const char *l = fz_label(key);

	/* TRANSLATORS: "label" when the messages name a key by its word
	 * of lib/core/labels.c (未知的检查结果), anything else when they
	 * name it as written. */
	return l != NULL && strcmp(_("keys named as: key"), "label") == 0 ?
	    l : key;
}

const char *
fz_label_at(size_t i, const char **label)
{
	if (i >= sizeof labels / sizeof labels[0])
		return NULL;
	if (label != NULL)
		*label = labels[i].label;
	return labels[i].key;
}

int
fz_rate_is_mean(const char *key)
{
	return strcmp(key, "satisfaction") == 0 ||
	    strcmp(key, "mean_workdays") == 0;
}

/* The record kinds whose fields give enumeration words, in the order a
 * key is looked for: a tally groups inspections first, then cases. */
static const enum fz_kind word_kinds[] = { FZ_KIND_INSPECTIONS,
	FZ_KIND_CASES, FZ_KIND_ENTITIES, FZ_KIND_MATTERS,
	FZ_KIND_APPLICATIONS, FZ_KIND_ITEMS };

/* Words of values that no record field holds: a draw's hash. */
static const char *const other_words[][3] = {
	{ "hash", "sha256", "SHA-256" }, { "hash", "sm3", "SM3（国密）" },
};

/* The enumeration field key names, NULL when none. */
static const fz_field *
enum_field(const char *key)
{
	for (size_t k = 0; k < sizeof word_kinds / sizeof word_kinds[0];
	    k++) {
		const fz_field *f = fz_field_find(word_kinds[k], key);
		if (f != NULL && f->values != NULL)
			return f;
	}
	return NULL;
}

int
fz_value_rank(const char *key, const char *value)
{
	const fz_field *f = enum_field(key);

	return f != NULL ? fz_enum_lookup(f->values, value, strlen(value)) : -1;
}

const char *
fz_value_label(const char *key, const char *value)
{
	for (size_t i = 0; i < sizeof other_words / sizeof other_words[0]; i++)
		if (strcmp(other_words[i][0], key) == 0 &&
		    strcmp(other_words[i][1], value) == 0)
			return other_words[i][2];
	for (size_t k = 0; k < sizeof word_kinds / sizeof word_kinds[0];
	    k++) {
		const fz_field *f = fz_field_find(word_kinds[k], key);
		int i;

		if (f == NULL || f->values == NULL)
			continue;
		i = fz_enum_lookup(f->values, value, strlen(value));
		if (i < 0)
			continue;
		/* The first entry of a value holds its preferred word. */
		for (int j = 0; f->values[j].value != NULL; j++)
			if (strcmp(f->values[j].value, f->values[i].value) == 0)
				return f->values[j].alias;
	}
	return NULL;
}
