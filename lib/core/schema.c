/* schema.c - the kinds of FORMATS.md, their enumerations with Chinese
 * aliases, and the decoding of records into plain structs, driven by one
 * field table per kind. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core_int.h"

static const char *const kind_names[FZ_KIND_COUNT] = {
	"entities", "inspectors", "plan", "draw", "inspections", "cases",
	"matters", "applications", "calendar", "tally", "metrics", "results",
	"problems", "organization", "credit", "towns", "complaints",
	"items", "coverage", "casefile", "documents",
	"activities"
};

enum fz_kind
fz_kind_parse(const char *name)
{
	for (int k = 0; k < FZ_KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return (enum fz_kind)k;
	return FZ_KIND_NONE;
}

const char *
fz_kind_name(enum fz_kind k)
{
	return k > FZ_KIND_NONE && k < FZ_KIND_COUNT ? kind_names[k] : NULL;
}

int
fz_kind_has_records(enum fz_kind k)
{
	return fz_kind_fields(k) != NULL;
}

/* Enumerations: canonical value, then the Chinese word.  Extra aliases of
 * a value follow all the values, so an index is the canonical order. */
static const fz_enum_value risk_values[] = { { "low", "低" },
	{ "medium", "一般" }, { "high", "高" }, { "medium", "中" },
	{ NULL, NULL } };
static const fz_enum_value status_values[] = { { "active", "存续" },
	{ "closed", "注销" }, { NULL, NULL } };
/* A value given again further down is a synonym: another word staff
 * write for it in their exports, accepted and read as the first. */
static const fz_enum_value visit_values[] = { { "routine", "日常" },
	{ "random", "双随机" }, { "joint", "联合" }, { "special", "专项" },
	{ "night", "夜查" }, { "complaint", "举报核查" },
	{ "routine", "日常检查" }, { "random", "双随机抽查" },
	{ "random", "随机抽查" }, { "joint", "联合检查" },
	{ "special", "专项检查" }, { "night", "夜间检查" },
	{ "complaint", "投诉" }, { "complaint", "举报" },
	{ "complaint", "投诉举报" }, { NULL, NULL } };
static const fz_enum_value result_values[] = { { "ok", "合格" },
	{ "violation", "违规" }, { "banned", "取缔" },
	{ "ok", "正常" }, { "violation", "不合格" }, { "violation", "违法" },
	{ NULL, NULL } };
static const fz_enum_value reporter_values[] = { { "bureau", "本局" },
	{ "town", "镇街上报" }, { "bureau", "我局" }, { "town", "镇街" },
	{ NULL, NULL } };
static const fz_enum_value source_values[] = {
	{ "inspection", "检查发现" }, { "complaint", "举报" },
	{ "referral", "移交" }, { "town_lead", "镇街线索" },
	{ "random", "双随机" }, { NULL, NULL } };
static const fz_enum_value penalty_values[] = { { "warning", "警告" },
	{ "fine", "罚款" }, { "confiscation", "没收" },
	{ "suspension", "责令停业" }, { "revocation", "吊销" },
	{ "none", "不予处罚" }, { NULL, NULL } };
/* The defaults first, so that a zeroed case has them. */
static const fz_enum_value party_values[] = {
	{ "organization", "法人或者其他组织" }, { "person", "自然人" },
	{ "person", "公民" }, { "person", "个人" },
	{ "organization", "法人" }, { "organization", "单位" },
	{ NULL, NULL } };
static const fz_enum_value procedure_values[] = {
	{ "general", "普通程序" }, { "simple", "简易程序" },
	{ "simple", "简易" }, { "simple", "当场处罚" }, { "general", "普通" },
	{ NULL, NULL } };
static const fz_enum_value not_punished_values[] = {
	{ "minor", "轻微不罚" }, { "first_offense", "首违不罚" },
	{ "no_fault", "无过错不罚" }, { "minor", "轻微" },
	{ "first_offense", "首违" }, { NULL, NULL } };
static const fz_enum_value reconsideration_values[] = {
	{ "upheld", "维持" }, { "revoked", "撤销" }, { "changed", "变更" },
	{ "confirmed_illegal", "确认违法" }, { "withdrawn", "撤回" },
	{ NULL, NULL } };
static const fz_enum_value litigation_values[] = {
	{ "won", "胜诉" }, { "lost", "败诉" }, { "withdrawn", "撤诉" },
	{ "settled", "调解" }, { NULL, NULL } };
static const fz_enum_value level_values[] = { { "item", "大项" },
	{ "sub", "子项" }, { "leaf", "孙项" }, { NULL, NULL } };
static const fz_enum_value matter_type_values[] = {
	{ "licensing", "行政许可" }, { "filing", "其他行政权力(备案)" },
	{ "confirmation", "行政确认" }, { "payment", "行政给付" },
	{ "relay", "审核转报" }, { "award", "行政奖励" },
	{ "public_service", "公共服务" },
	{ "filing", "其他行政权力（备案）" }, { "filing", "备案" },
	{ NULL, NULL } };
static const fz_enum_value channel_values[] = { { "online", "网上" },
	{ "mobile", "掌上" }, { "window", "窗口" }, { NULL, NULL } };
static const fz_enum_value action_values[] = { { "new", "新办" },
	{ "renewal", "换证" }, { "change", "变更" },
	{ "cancellation", "注销" }, { NULL, NULL } };
/* The result categories of 双随机 checks the national enterprise credit
 * publicity system shows; the single words after them are what staff
 * write for the last. */
static const fz_enum_value inspection_outcome_values[] = {
	{ "no_problem", "未发现问题" }, { "problem_pending", "发现问题待后续处理" },
	{ "corrected", "经责令已改正" },
	{ "not_operating", "未发现开展本次抽查涉及的经营活动" },
	{ "closed", "已关闭停业或正在组织清算" },
	{ "uncooperative", "不配合检查情节严重" },
	{ "deregistered", "注销/吊销/撤销/迁出" },
	{ "deregistered", "注销" }, { "deregistered", "吊销" },
	{ "deregistered", "撤销" }, { "deregistered", "迁出" },
	{ NULL, NULL } };
static const fz_enum_value finding_values[] = { { "none", "未发现问题" },
	{ "problem", "发现问题" }, { NULL, NULL } };
/* The channels of a complaint: the three hotlines by their number. */
static const fz_enum_value complaint_channel_values[] = {
	{ "12318", "文化市场举报" }, { "12345", "政务服务热线" },
	{ "12301", "旅游服务热线" }, { "letter", "来信" },
	{ "visit", "来访" }, { "online", "网络" }, { "referral", "交办移送" },
	{ "other", "其他" }, { "12318", "12318举报" },
	{ "12345", "12345热线" }, { "12301", "12301热线" },
	{ "letter", "信函" }, { "online", "网络举报" }, { "referral", "交办" },
	{ "referral", "移送" }, { NULL, NULL } };
static const fz_enum_value complaint_result_values[] = {
	{ "substantiated", "属实" }, { "partly", "部分属实" },
	{ "unsubstantiated", "不属实" }, { "referred", "已移送" },
	{ NULL, NULL } };
static const fz_enum_value item_level_values[] = {
	{ "general", "一般" }, { "key", "重点" }, { "general", "一般事项" },
	{ "key", "重点事项" }, { NULL, NULL } };
static const fz_enum_value document_type_values[] = {
	{ "normative", "规范性文件" }, { "policy", "政策性文件" },
	{ "other", "其他" }, { "normative", "行政规范性文件" }, { NULL, NULL } };
static const fz_enum_value fair_result_values[] = {
	{ "no_restriction", "无排除限制竞争" }, { "exception", "例外" },
	{ "no_restriction", "不排除限制竞争" },
	{ "no_restriction", "无排除限制竞争问题" },
	{ "exception", "例外规定" }, { NULL, NULL } };
static const fz_enum_value outcome_values[] = { { "approved", "准予" },
	{ "rejected", "不予" }, { "withdrawn", "撤回" }, { NULL, NULL } };

/* 1 when s[0..len) is word: by length first, as s may hold a NUL. */
static int
word_is(const char *word, const char *s, size_t len)
{
	return word != NULL && strlen(word) == len && memcmp(word, s, len) == 0;
}

int
fz_enum_lookup(const fz_enum_value *values, const char *s, size_t len)
{
	for (int i = 0; values[i].value != NULL; i++) {
		const fz_enum_value *v = &values[i];

		if (word_is(v->value, s, len) || word_is(v->alias, s, len)) {
			for (int j = 0; j <= i; j++)
				if (strcmp(values[j].value, v->value) == 0)
					return j;
		}
	}
	return -1;
}

void
fz_enum_words(const fz_enum_value *v, fz_buf *b, const char **words,
    size_t *n)
{
	for (int i = 0; v[i].value != NULL; i++) {
		if (words != NULL) {
			words[(*n)++] = v[i].value;
			if (v[i].alias != NULL)
				words[(*n)++] = v[i].alias;
		}
		if (fz_enum_lookup(v, v[i].value, strlen(v[i].value)) != i)
			continue;	/* a synonym */
		/* TRANSLATORS: between the words of an enumeration in
		 * a message (ok 合格, violation 违规). */
		fz_buf_adds(b, i ? _(", ") : "");
		if (v[i].alias != NULL) {
			char w[256];

			/* TRANSLATORS: a canonical word and its alias. */
			snprintf(w, sizeof w, P_("enumeration", "%s %s"),
			    v[i].value, v[i].alias);
			fz_buf_adds(b, w);
		} else
			fz_buf_adds(b, v[i].value);
	}
}


static const fz_field entity_fields[] = {
	F(fz_entity, "id", FZ_T_STR, 1, NULL, id),
	F(fz_entity, "name", FZ_T_STR, 1, NULL, name),
	F(fz_entity, "category", FZ_T_STR, 1, NULL, category),
	F(fz_entity, "town", FZ_T_STR, 0, NULL, town),
	F(fz_entity, "grade", FZ_T_STR, 0, NULL, grade),
	F(fz_entity, "risk", FZ_T_ENUM, 0, risk_values, risk),
	F(fz_entity, "last_inspected", FZ_T_DATE, 0, NULL, last_inspected),
	F(fz_entity, "status", FZ_T_ENUM, 0, status_values, status),
	END
};

static const fz_field inspector_fields[] = {
	F(fz_inspector, "id", FZ_T_STR, 1, NULL, id),
	F(fz_inspector, "name", FZ_T_STR, 1, NULL, name),
	F(fz_inspector, "department", FZ_T_STR, 1, NULL, department),
	F(fz_inspector, "squad", FZ_T_STR, 0, NULL, squad),
	F(fz_inspector, "categories", FZ_T_STRS, 0, NULL, categories),
	F(fz_inspector, "avoid", FZ_T_STRS, 0, NULL, avoid),
	F(fz_inspector, "active", FZ_T_BOOL, 0, NULL, active),
	F(fz_inspector, "cert_no", FZ_T_STR, 0, NULL, cert_no),
	F(fz_inspector, "cert_expires", FZ_T_DATE, 0, NULL, cert_expires),
	F(fz_inspector, "legal_reviewer", FZ_T_BOOL, 0, NULL, legal_reviewer),
	F(fz_inspector, "legal_qualification", FZ_T_BOOL, 0, NULL,
	    legal_qualification),
	END
};

static const fz_field credit_fields[] = {
	F(fz_credit, "entity", FZ_T_STR, 1, NULL, entity),
	F(fz_credit, "class", FZ_T_STR, 1, NULL, klass),
	F(fz_credit, "from", FZ_T_DATE, 1, NULL, from),
	F(fz_credit, "until", FZ_T_DATE, 0, NULL, until),
	F(fz_credit, "basis", FZ_T_STR, 0, NULL, basis),
	F(fz_credit, "source", FZ_T_STR, 0, NULL, source),
	END
};

static const fz_field town_fields[] = {
	F(fz_town, "name", FZ_T_STR, 1, NULL, name),
	F(fz_town, "zone", FZ_T_STR, 0, NULL, zone),
	F(fz_town, "grade", FZ_T_STR, 0, NULL, grade),
	F(fz_town, "squad", FZ_T_STR, 0, NULL, squad),
	F(fz_town, "leader", FZ_T_STR, 0, NULL, leader),
	END
};

static const fz_field inspection_item_fields[] = {
	F(fz_inspection_item, "item", FZ_T_STR, 1, NULL, item),
	F(fz_inspection_item, "finding", FZ_T_ENUM, 1, finding_values,
	    finding),
	F(fz_inspection_item, "disposal", FZ_T_STR, 0, NULL, disposal),
	END
};

static const fz_field complaint_fields[] = {
	F(fz_complaint, "id", FZ_T_STR, 1, NULL, id),
	F(fz_complaint, "received", FZ_T_DATE, 1, NULL, received),
	F(fz_complaint, "channel", FZ_T_ENUM, 1, complaint_channel_values,
	    channel),
	F(fz_complaint, "anonymous", FZ_T_BOOL, 0, NULL, anonymous),
	F(fz_complaint, "subject", FZ_T_STR, 0, NULL, subject),
	F(fz_complaint, "category", FZ_T_STR, 0, NULL, category),
	F(fz_complaint, "town", FZ_T_STR, 0, NULL, town),
	F(fz_complaint, "accepted", FZ_T_DATE_OR_FALSE, 0, NULL, accepted),
	F(fz_complaint, "reason", FZ_T_STR, 0, NULL, reason),
	F(fz_complaint, "referred", FZ_T_DATE, 0, NULL, referred),
	F(fz_complaint, "to", FZ_T_STR, 0, NULL, to),
	F(fz_complaint, "verified", FZ_T_DATE, 0, NULL, verified),
	F(fz_complaint, "result", FZ_T_ENUM, 0, complaint_result_values,
	    result),
	F(fz_complaint, "replied", FZ_T_DATE, 0, NULL, replied),
	F(fz_complaint, "inspection", FZ_T_STR, 0, NULL, inspection),
	F(fz_complaint, "case", FZ_T_STR, 0, NULL, case_id),
	END
};

static const fz_field item_fields[] = {
	F(fz_item, "code", FZ_T_STR, 1, NULL, code),
	F(fz_item, "name", FZ_T_STR, 1, NULL, name),
	F(fz_item, "basis", FZ_T_STR, 0, NULL, basis),
	{ "categories", FZ_T_STRS, 1, NULL, offsetof(fz_item, categories), 1,
	    0, NULL },
	F(fz_item, "level", FZ_T_ENUM, 0, item_level_values, level),
	F(fz_item, "ratio", FZ_T_RATIO, 0, NULL, ratio),
	F(fz_item, "ratios", FZ_T_RATIOS, 0, NULL, ratios),
	FI(fz_item, "times", 0, times, 1, 1000),
	F(fz_item, "method", FZ_T_STR, 0, NULL, method),
	F(fz_item, "department", FZ_T_STR, 0, NULL, department),
	F(fz_item, "with", FZ_T_STRS, 0, NULL, with),
	FI(fz_item, "max_checks_per_year", 0, max_checks_per_year, 1, 1000),
	END
};

static const fz_field document_fields[] = {
	F(fz_document, "id", FZ_T_STR, 1, NULL, id),
	F(fz_document, "title", FZ_T_STR, 1, NULL, title),
	F(fz_document, "issued", FZ_T_DATE, 1, NULL, issued),
	F(fz_document, "type", FZ_T_ENUM, 1, document_type_values, type),
	F(fz_document, "to_lower_levels", FZ_T_BOOL, 0, NULL,
	    to_lower_levels),
	FI(fz_document, "characters", 0, characters, 0, BIG),
	F(fz_document, "text", FZ_T_STR, 0, NULL, text),
	F(fz_document, "legality_review", FZ_T_DATE, 0, NULL,
	    legality_review),
	F(fz_document, "legality_result", FZ_T_STR, 0, NULL, legality_result),
	F(fz_document, "fair_competition_review", FZ_T_DATE, 0, NULL,
	    fair_competition_review),
	F(fz_document, "fair_competition_result", FZ_T_ENUM, 0,
	    fair_result_values, fair_competition_result),
	F(fz_document, "exception_until", FZ_T_DATE, 0, NULL, exception_until),
	F(fz_document, "consultation_from", FZ_T_DATE, 0, NULL,
	    consultation_from),
	F(fz_document, "consultation_to", FZ_T_DATE, 0, NULL, consultation_to),
	F(fz_document, "published", FZ_T_DATE, 0, NULL, published),
	F(fz_document, "filed_record", FZ_T_DATE, 0, NULL, filed_record),
	F(fz_document, "valid_until", FZ_T_DATE, 0, NULL, valid_until),
	END
};

static const fz_field inspection_fields[] = {
	F(fz_inspection, "date", FZ_T_DATE, 1, NULL, date),
	F(fz_inspection, "entity", FZ_T_STR, 1, NULL, entity),
	F(fz_inspection, "category", FZ_T_STR, 0, NULL, category),
	F(fz_inspection, "town", FZ_T_STR, 0, NULL, town),
	{ "inspectors", FZ_T_STRS, 1, NULL,
	    offsetof(fz_inspection, inspectors), 1, 0, NULL },
	F(fz_inspection, "outing", FZ_T_STR, 0, NULL, outing),
	F(fz_inspection, "type", FZ_T_ENUM, 0, visit_values, type),
	F(fz_inspection, "result", FZ_T_ENUM, 0, result_values, result),
	F(fz_inspection, "leader_led", FZ_T_BOOL, 0, NULL, leader_led),
	F(fz_inspection, "reported_by", FZ_T_ENUM, 0, reporter_values,
	    reported_by),
	F(fz_inspection, "task", FZ_T_STR, 0, NULL, task),
	F(fz_inspection, "case", FZ_T_STR, 0, NULL, case_id),
	F(fz_inspection, "campaign", FZ_T_STR, 0, NULL, campaign),
	F(fz_inspection, "published", FZ_T_DATE, 0, NULL, published),
	FL(fz_inspection, "items", items, inspection_item_fields,
	    fz_inspection_item),
	F(fz_inspection, "outcome", FZ_T_ENUM, 0, inspection_outcome_values,
	    outcome),
	F(fz_inspection, "followup_closed", FZ_T_DATE, 0, NULL,
	    followup_closed),
	END
};

static const fz_field reconsideration_fields[] = {
	F(fz_reconsideration, "applied", FZ_T_DATE, 0, NULL, applied),
	F(fz_reconsideration, "decided", FZ_T_DATE, 0, NULL, decided),
	F(fz_reconsideration, "result", FZ_T_ENUM, 0, reconsideration_values,
	    result),
	END
};

static const fz_field litigation_fields[] = {
	F(fz_litigation, "filed", FZ_T_DATE, 0, NULL, filed),
	F(fz_litigation, "judged", FZ_T_DATE, 0, NULL, judged),
	F(fz_litigation, "result", FZ_T_ENUM, 0, litigation_values, result),
	F(fz_litigation, "leader_appeared", FZ_T_BOOL, 0, NULL,
	    leader_appeared),
	END
};

static const fz_field case_fields[] = {
	F(fz_case, "id", FZ_T_STR, 1, NULL, id),
	F(fz_case, "filed", FZ_T_DATE, 1, NULL, filed),
	F(fz_case, "closed", FZ_T_DATE, 0, NULL, closed),
	F(fz_case, "decided", FZ_T_DATE, 0, NULL, decided),
	F(fz_case, "legal_review", FZ_T_DATE, 0, NULL, legal_review),
	F(fz_case, "published", FZ_T_DATE, 0, NULL, published),
	FI(fz_case, "extended_days", 0, extended_days, 0, 3650),
	F(fz_case, "category", FZ_T_STR, 0, NULL, category),
	F(fz_case, "town", FZ_T_STR, 0, NULL, town),
	F(fz_case, "entity", FZ_T_STR, 0, NULL, entity),
	F(fz_case, "source", FZ_T_ENUM, 0, source_values, source),
	F(fz_case, "cause", FZ_T_STR, 0, NULL, cause),
	F(fz_case, "campaign", FZ_T_STR, 0, NULL, campaign),
	F(fz_case, "penalty", FZ_T_ENUMS, 0, penalty_values, penalty),
	F(fz_case, "fine", FZ_T_MONEY, 0, NULL, fine),
	F(fz_case, "party", FZ_T_ENUM, 0, party_values, party),
	F(fz_case, "procedure", FZ_T_ENUM, 0, procedure_values, procedure),
	F(fz_case, "violation_date", FZ_T_DATE, 0, NULL, violation_date),
	F(fz_case, "found", FZ_T_DATE, 0, NULL, found),
	F(fz_case, "serious_harm", FZ_T_BOOL, 0, NULL, serious_harm),
	F(fz_case, "major", FZ_T_BOOL, 0, NULL, major),
	F(fz_case, "collective", FZ_T_DATE, 0, NULL, collective),
	F(fz_case, "notified", FZ_T_DATE, 0, NULL, notified),
	F(fz_case, "statement_waived", FZ_T_BOOL, 0, NULL, statement_waived),
	F(fz_case, "served", FZ_T_DATE, 0, NULL, served),
	F(fz_case, "served_on_spot", FZ_T_BOOL, 0, NULL, served_on_spot),
	F(fz_case, "evidence_preserved", FZ_T_DATE, 0, NULL,
	    evidence_preserved),
	F(fz_case, "evidence_decided", FZ_T_DATE, 0, NULL, evidence_decided),
	F(fz_case, "collected_on_spot", FZ_T_MONEY, 0, NULL,
	    collected_on_spot),
	F(fz_case, "handed_in", FZ_T_DATE, 0, NULL, handed_in),
	F(fz_case, "supervised", FZ_T_BOOL, 0, NULL, supervised),
	F(fz_case, "review_required", FZ_T_BOOL, 0, NULL, review_required),
	F(fz_case, "reviewer", FZ_T_STR, 0, NULL, reviewer),
	F(fz_case, "hearing_eligible", FZ_T_BOOL, 0, NULL, hearing_eligible),
	F(fz_case, "hearing_requested", FZ_T_DATE, 0, NULL,
	    hearing_requested),
	F(fz_case, "hearing_notice", FZ_T_DATE, 0, NULL, hearing_notice),
	F(fz_case, "hearing", FZ_T_DATE, 0, NULL, hearing),
	F(fz_case, "paid", FZ_T_DATE, 0, NULL, paid),
	F(fz_case, "not_punished", FZ_T_ENUM, 0, not_punished_values,
	    not_punished),
	F(fz_case, "educated", FZ_T_BOOL, 0, NULL, educated),
	F(fz_case, "av_recorded", FZ_T_BOOL, 0, NULL, av_recorded),
	F(fz_case, "extension_basis", FZ_T_STR, 0, NULL, extension_basis),
	F(fz_case, "transferred", FZ_T_DATE, 0, NULL, transferred),
	F(fz_case, "decision_revoked", FZ_T_DATE, 0, NULL, decision_revoked),
	F(fz_case, "unpublished", FZ_T_DATE, 0, NULL, unpublished),
	FM(fz_case, "reconsideration", reconsideration,
	    reconsideration_fields),
	FM(fz_case, "litigation", litigation, litigation_fields),
	END
};

static const fz_field matter_fields[] = {
	F(fz_matter, "code", FZ_T_STR, 1, NULL, code),
	F(fz_matter, "name", FZ_T_STR, 1, NULL, name),
	F(fz_matter, "level", FZ_T_ENUM, 1, level_values, level),
	F(fz_matter, "parent", FZ_T_STR, 0, NULL, parent),
	F(fz_matter, "type", FZ_T_ENUM, 1, matter_type_values, type),
	F(fz_matter, "online", FZ_T_TRISTATE, 0, NULL, online),
	F(fz_matter, "mobile", FZ_T_TRISTATE, 0, NULL, mobile),
	F(fz_matter, "zero_trip", FZ_T_TRISTATE, 0, NULL, zero_trip),
	F(fz_matter, "instant", FZ_T_BOOL, 0, NULL, instant),
	FI(fz_matter, "statutory_days", 0, statutory_days, 0, 36500),
	FI(fz_matter, "promised_days", 0, promised_days, 0, 36500),
	FI(fz_matter, "materials", 0, materials, 0, BIG),
	FI(fz_matter, "e_materials", 0, e_materials, 0, BIG),
	F(fz_matter, "license", FZ_T_BOOL, 0, NULL, license),
	F(fz_matter, "e_license", FZ_T_BOOL, 0, NULL, e_license),
	F(fz_matter, "office", FZ_T_STR, 0, NULL, office),
	END
};

static const fz_field application_fields[] = {
	F(fz_application, "id", FZ_T_STR, 1, NULL, id),
	F(fz_application, "matter", FZ_T_STR, 1, NULL, matter),
	F(fz_application, "received", FZ_T_DATE, 1, NULL, received),
	F(fz_application, "completed", FZ_T_DATE, 0, NULL, completed),
	F(fz_application, "channel", FZ_T_ENUM, 0, channel_values, channel),
	FI(fz_application, "trips", 0, trips, 0, 1000),
	F(fz_application, "action", FZ_T_ENUM, 0, action_values, action),
	F(fz_application, "outcome", FZ_T_ENUM, 0, outcome_values, outcome),
	F(fz_application, "site_survey", FZ_T_BOOL, 0, NULL, site_survey),
	F(fz_application, "e_license", FZ_T_BOOL, 0, NULL, e_license),
	FI(fz_application, "satisfaction", 0, satisfaction, 1, 10),
	END
};

static const fz_field organization_fields[] = {
	F(fz_organization, "name", FZ_T_STR, 1, NULL, name),
	F(fz_organization, "short_name", FZ_T_STR, 0, NULL, short_name),
	F(fz_organization, "region", FZ_T_STR, 0, NULL, region),
	F(fz_organization, "address", FZ_T_STR, 0, NULL, address),
	F(fz_organization, "phone", FZ_T_STR, 0, NULL, phone),
	F(fz_organization, "signer", FZ_T_STR, 0, NULL, signer),
	F(fz_organization, "leader", FZ_T_STR, 0, NULL, leader),
	END
};

const fz_field *
fz_kind_doc_fields(enum fz_kind k)
{
	return k == FZ_KIND_ORGANIZATION ? organization_fields : NULL;
}

const fz_field *
fz_kind_fields(enum fz_kind k)
{
	switch (k) {
	case FZ_KIND_ENTITIES:		return entity_fields;
	case FZ_KIND_INSPECTORS:	return inspector_fields;
	case FZ_KIND_INSPECTIONS:	return inspection_fields;
	case FZ_KIND_CASES:		return case_fields;
	case FZ_KIND_MATTERS:		return matter_fields;
	case FZ_KIND_APPLICATIONS:	return application_fields;
	case FZ_KIND_CREDIT:		return credit_fields;
	case FZ_KIND_TOWNS:		return town_fields;
	case FZ_KIND_COMPLAINTS:	return complaint_fields;
	case FZ_KIND_ITEMS:		return item_fields;
	case FZ_KIND_DOCUMENTS:		return document_fields;
	case FZ_KIND_ACTIVITIES:	return fz_core__activity_fields;
	default:			return NULL;
	}
}

const fz_field *
fz_field_find(enum fz_kind k, const char *key)
{
	const fz_field *f = fz_kind_fields(k);

	for (; f != NULL && f->key != NULL; f++)
		if (f->key[0] == key[0] && strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

/* The defaults of FORMATS.md, as the nodes a record would hold. */
#define DEFAULT_NODE(text) { .type = FZ_SCALAR, .str = (char *)(text), \
	.len = sizeof(text) - 1 }

static const struct {
	enum fz_kind kind;
	const char *key;
	fz_node node;
} defaults[] = {
	{ FZ_KIND_ENTITIES, "status", DEFAULT_NODE("active") },
	{ FZ_KIND_INSPECTORS, "active", DEFAULT_NODE("true") },
	{ FZ_KIND_INSPECTIONS, "type", DEFAULT_NODE("routine") },
	{ FZ_KIND_INSPECTIONS, "result", DEFAULT_NODE("ok") },
	{ FZ_KIND_INSPECTIONS, "leader_led", DEFAULT_NODE("false") },
	{ FZ_KIND_INSPECTIONS, "reported_by", DEFAULT_NODE("bureau") },
	{ FZ_KIND_CASES, "extended_days", DEFAULT_NODE("0") },
	{ FZ_KIND_COMPLAINTS, "anonymous", DEFAULT_NODE("false") },
	{ FZ_KIND_ITEMS, "level", DEFAULT_NODE("general") },
	{ FZ_KIND_ITEMS, "times", DEFAULT_NODE("1") },
	{ FZ_KIND_DOCUMENTS, "to_lower_levels", DEFAULT_NODE("false") },
	{ FZ_KIND_MATTERS, "license", DEFAULT_NODE("false") },
	{ FZ_KIND_MATTERS, "e_license", DEFAULT_NODE("false") },
	{ FZ_KIND_APPLICATIONS, "channel", DEFAULT_NODE("window") },
	{ FZ_KIND_APPLICATIONS, "action", DEFAULT_NODE("new") },
	{ FZ_KIND_APPLICATIONS, "outcome", DEFAULT_NODE("approved") },
	{ FZ_KIND_APPLICATIONS, "site_survey", DEFAULT_NODE("false") },
	{ FZ_KIND_APPLICATIONS, "e_license", DEFAULT_NODE("false") },
};

static const fz_node node_true = DEFAULT_NODE("true");
static const fz_node node_false = DEFAULT_NODE("false");
static const fz_node node_zero = DEFAULT_NODE("0");
static const fz_node node_one = DEFAULT_NODE("1");

/* The defaults that depend on another key of the record. */
static const fz_node *
derived_default(enum fz_kind k, const fz_node *rec, const char *key)
{
	const fz_node *v;

	if (k == FZ_KIND_MATTERS && strcmp(key, "instant") == 0) {
		v = fz_node_get(rec, "promised_days");
		if (v == NULL || fz_node_is_null(v))
			return NULL;
		return strcmp(v->str, "0") == 0 ? &node_true : &node_false;
	}
	if (k == FZ_KIND_APPLICATIONS && strcmp(key, "trips") == 0) {
		v = fz_node_get(rec, "channel");
		if (v != NULL && (strcmp(v->str, "online") == 0 ||
		    strcmp(v->str, "mobile") == 0))
			return &node_zero;
		return &node_one;
	}
	return NULL;
}

const fz_node *
fz_record_get(enum fz_kind k, const fz_node *rec, const char *key)
{
	const fz_node *v = fz_node_get(rec, key);

	if (v != NULL && !fz_node_is_null(v))
		return v;
	if ((v = derived_default(k, rec, key)) != NULL)
		return v;
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		if (defaults[i].kind == k && strcmp(defaults[i].key, key) == 0)
			return &defaults[i].node;
	return NULL;
}
