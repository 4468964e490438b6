/* import_map.c - which key each column of a spreadsheet export feeds:
 * the headers the bureau's systems and Excel templates usually carry.
 * fazhi-import(1) lists this table; keep the two in step.  The words
 * fazhi itself writes for keys (fz_label) are read too. */
#include <string.h>

#include "import.h"

struct header_key {
	enum fz_kind kind;
	const char *header, *key;
};

static const struct header_key builtin[] = {
	{ FZ_KIND_ENTITIES, "统一社会信用代码", "id" },
	{ FZ_KIND_ENTITIES, "社会信用代码", "id" },
	{ FZ_KIND_ENTITIES, "单位名称", "name" },
	{ FZ_KIND_ENTITIES, "名称", "name" },
	{ FZ_KIND_ENTITIES, "企业名称", "name" },
	{ FZ_KIND_ENTITIES, "场所名称", "name" },
	{ FZ_KIND_ENTITIES, "行业类别", "category" },
	{ FZ_KIND_ENTITIES, "类别", "category" },
	{ FZ_KIND_ENTITIES, "所属镇街", "town" },
	{ FZ_KIND_ENTITIES, "镇街", "town" },
	{ FZ_KIND_ENTITIES, "镇(乡)街道", "town" },
	{ FZ_KIND_ENTITIES, "等级", "grade" },
	{ FZ_KIND_ENTITIES, "风险等级", "risk" },
	{ FZ_KIND_ENTITIES, "信用风险分类", "risk" },
	{ FZ_KIND_ENTITIES, "最近检查日期", "last_inspected" },
	{ FZ_KIND_ENTITIES, "状态", "status" },
	{ FZ_KIND_ENTITIES, "经营状态", "status" },

	{ FZ_KIND_INSPECTORS, "执法证号", "id" },
	{ FZ_KIND_INSPECTORS, "姓名", "name" },
	{ FZ_KIND_INSPECTORS, "所属部门", "department" },
	{ FZ_KIND_INSPECTORS, "部门", "department" },
	{ FZ_KIND_INSPECTORS, "中队", "squad" },
	{ FZ_KIND_INSPECTORS, "所属中队", "squad" },
	{ FZ_KIND_INSPECTORS, "检查类别", "categories" },
	{ FZ_KIND_INSPECTORS, "回避对象", "avoid" },
	{ FZ_KIND_INSPECTORS, "在岗", "active" },
	{ FZ_KIND_INSPECTORS, "执法证编号", "cert_no" },
	{ FZ_KIND_INSPECTORS, "执法证有效期", "cert_expires" },
	{ FZ_KIND_INSPECTORS, "有效期至", "cert_expires" },
	{ FZ_KIND_INSPECTORS, "法制审核人员", "legal_reviewer" },
	{ FZ_KIND_INSPECTORS, "法律职业资格", "legal_qualification" },

	{ FZ_KIND_INSPECTIONS, "检查日期", "date" },
	{ FZ_KIND_INSPECTIONS, "检查对象", "entity" },
	{ FZ_KIND_INSPECTIONS, "被检查单位", "entity" },
	{ FZ_KIND_INSPECTIONS, "统一社会信用代码", "entity" },
	{ FZ_KIND_INSPECTIONS, "行业类别", "category" },
	{ FZ_KIND_INSPECTIONS, "类别", "category" },
	{ FZ_KIND_INSPECTIONS, "所属镇街", "town" },
	{ FZ_KIND_INSPECTIONS, "检查人员", "inspectors" },
	{ FZ_KIND_INSPECTIONS, "执法人员", "inspectors" },
	{ FZ_KIND_INSPECTIONS, "出动编号", "outing" },
	{ FZ_KIND_INSPECTIONS, "检查类型", "type" },
	{ FZ_KIND_INSPECTIONS, "检查结果", "result" },
	{ FZ_KIND_INSPECTIONS, "领导带队", "leader_led" },
	{ FZ_KIND_INSPECTIONS, "上报单位", "reported_by" },
	{ FZ_KIND_INSPECTIONS, "抽查任务", "task" },
	{ FZ_KIND_INSPECTIONS, "案件编号", "case" },
	{ FZ_KIND_INSPECTIONS, "抽查结果", "outcome" },
	{ FZ_KIND_INSPECTIONS, "后续处理完结日期", "followup_closed" },

	{ FZ_KIND_CASES, "案件编号", "id" },
	{ FZ_KIND_CASES, "案号", "id" },
	{ FZ_KIND_CASES, "立案日期", "filed" },
	{ FZ_KIND_CASES, "结案日期", "closed" },
	{ FZ_KIND_CASES, "办结日期", "closed" },
	{ FZ_KIND_CASES, "处罚决定日期", "decided" },
	{ FZ_KIND_CASES, "决定日期", "decided" },
	{ FZ_KIND_CASES, "法制审核日期", "legal_review" },
	{ FZ_KIND_CASES, "公示日期", "published" },
	{ FZ_KIND_CASES, "延长天数", "extended_days" },
	{ FZ_KIND_CASES, "行业类别", "category" },
	{ FZ_KIND_CASES, "所属镇街", "town" },
	{ FZ_KIND_CASES, "当事人", "entity" },
	{ FZ_KIND_CASES, "统一社会信用代码", "entity" },
	{ FZ_KIND_CASES, "案件来源", "source" },
	{ FZ_KIND_CASES, "案由", "cause" },
	{ FZ_KIND_CASES, "处罚种类", "penalty" },
	{ FZ_KIND_CASES, "罚款金额", "fine" },
	{ FZ_KIND_CASES, "挂牌督办", "supervised" },
	{ FZ_KIND_CASES, "法制审核人", "reviewer" },
	{ FZ_KIND_CASES, "审核人员", "reviewer" },
	{ FZ_KIND_CASES, "听证申请日期", "hearing_requested" },
	{ FZ_KIND_CASES, "听证通知日期", "hearing_notice" },
	{ FZ_KIND_CASES, "听证日期", "hearing" },
	{ FZ_KIND_CASES, "缴款日期", "paid" },
	{ FZ_KIND_CASES, "缴纳罚款日期", "paid" },
	{ FZ_KIND_CASES, "不予处罚情形", "not_punished" },
	{ FZ_KIND_CASES, "批评教育", "educated" },
	{ FZ_KIND_CASES, "音视频记录", "av_recorded" },
	{ FZ_KIND_CASES, "延长期限依据", "extension_basis" },
	{ FZ_KIND_CASES, "移送日期", "transferred" },
	{ FZ_KIND_CASES, "撤销日期", "decision_revoked" },
	{ FZ_KIND_CASES, "撤下公示日期", "unpublished" },

	{ FZ_KIND_MATTERS, "事项编码", "code" },
	{ FZ_KIND_MATTERS, "事项名称", "name" },
	{ FZ_KIND_MATTERS, "事项层级", "level" },
	{ FZ_KIND_MATTERS, "上级事项编码", "parent" },
	{ FZ_KIND_MATTERS, "事项类型", "type" },
	{ FZ_KIND_MATTERS, "网上办", "online" },
	{ FZ_KIND_MATTERS, "掌上办", "mobile" },
	{ FZ_KIND_MATTERS, "跑零次", "zero_trip" },
	{ FZ_KIND_MATTERS, "即办", "instant" },
	{ FZ_KIND_MATTERS, "法定期限", "statutory_days" },
	{ FZ_KIND_MATTERS, "承诺期限", "promised_days" },
	{ FZ_KIND_MATTERS, "申请材料数", "materials" },
	{ FZ_KIND_MATTERS, "电子材料数", "e_materials" },
	{ FZ_KIND_MATTERS, "发证", "license" },
	{ FZ_KIND_MATTERS, "电子证照", "e_license" },
	{ FZ_KIND_MATTERS, "办理处室", "office" },

	{ FZ_KIND_APPLICATIONS, "办件编号", "id" },
	{ FZ_KIND_APPLICATIONS, "事项编码", "matter" },
	{ FZ_KIND_APPLICATIONS, "受理日期", "received" },
	{ FZ_KIND_APPLICATIONS, "办结日期", "completed" },
	{ FZ_KIND_APPLICATIONS, "办理渠道", "channel" },
	{ FZ_KIND_APPLICATIONS, "跑动次数", "trips" },
	{ FZ_KIND_APPLICATIONS, "办理类型", "action" },
	{ FZ_KIND_APPLICATIONS, "办理结果", "outcome" },
	{ FZ_KIND_APPLICATIONS, "勘察场地", "site_survey" },
	{ FZ_KIND_APPLICATIONS, "电子证照", "e_license" },
	{ FZ_KIND_APPLICATIONS, "满意度", "satisfaction" },

	{ FZ_KIND_TOWNS, "镇(乡)街道", "name" },
	{ FZ_KIND_TOWNS, "镇街", "name" },
	{ FZ_KIND_TOWNS, "片区", "zone" },
	{ FZ_KIND_TOWNS, "等级化管理片区", "grade" },
	{ FZ_KIND_TOWNS, "中队", "squad" },
	{ FZ_KIND_TOWNS, "中队长", "leader" },

	{ FZ_KIND_CREDIT, "统一社会信用代码", "entity" },
	{ FZ_KIND_CREDIT, "社会信用代码", "entity" },
	{ FZ_KIND_CREDIT, "信用等级", "class" },
	{ FZ_KIND_CREDIT, "信用分类", "class" },
	{ FZ_KIND_CREDIT, "生效日期", "from" },
	{ FZ_KIND_CREDIT, "有效期起", "from" },
	{ FZ_KIND_CREDIT, "有效期至", "until" },
	{ FZ_KIND_CREDIT, "失效日期", "until" },
	{ FZ_KIND_CREDIT, "评定依据", "basis" },
	{ FZ_KIND_CREDIT, "数据来源", "source" },
	{ FZ_KIND_CREDIT, "来源", "source" },
};

#define NBUILTIN (sizeof builtin / sizeof builtin[0])

int
fz_import_builtin(enum fz_kind k, size_t i, const char **header,
    const char **key)
{
	for (size_t j = 0; j < NBUILTIN; j++) {
		if (builtin[j].kind != k)
			continue;
		if (i-- == 0) {
			*header = builtin[j].header;
			*key = builtin[j].key;
			return 1;
		}
	}
	return 0;
}

const char *
fz_import_header_key(enum fz_kind k, const char *header, size_t len)
{
	const fz_field *f;

	header = fz_trim(header, &len);
	/* A money column's unit, as fazhi-render writes it: 罚款（元）. */
	if (len > strlen("（元）") && memcmp(header + len - strlen("（元）"),
	    "（元）", strlen("（元）")) == 0) {
		const char *key = fz_import_header_key(k, header, len -
		    strlen("（元）"));
		const fz_field *money = key != NULL ? fz_field_find(k, key) : NULL;
		if (money != NULL && money->type == FZ_T_MONEY)
			return key;
	}
	for (size_t j = 0; j < NBUILTIN; j++)
		if (builtin[j].kind == k && strlen(builtin[j].header) == len &&
		    memcmp(builtin[j].header, header, len) == 0)
			return builtin[j].key;
	/* The key itself, or its word in fazhi's own tables (fz_label),
	 * as fazhi-render -f csv writes it. */
	for (f = fz_kind_fields(k); f != NULL && f->key != NULL; f++) {
		const char *label = fz_label(f->key);
		if ((strlen(f->key) == len && memcmp(f->key, header, len) == 0) ||
		    (label != NULL && strlen(label) == len &&
		    memcmp(label, header, len) == 0))
			return f->key;
	}
	return NULL;
}
