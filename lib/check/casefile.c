/* casefile.c - the 案卷评查表: what every rule of --rules says of every
 * case (符合 holds, 不符合 fails, 不适用 does not apply), the case's
 * procedure as a timeline, and the 评查 summary by rule.
 *
 * A rule of rules.c or procedure.c runs through fz_check__rule, which
 * keeps its verdict: not applicable when the rule said so at its early
 * return (fz_check__not_applicable), fails when it reported an error
 * or a warning, else holds.  A failure's detail is what the rule
 * reported, so the sheet and the problems never disagree.  Sheets are
 * kept only when asked for (opts.casefile): they grow with the cases. */
#include <string.h>

#include "check_int.h"

static const char *const verdict_names[] = {
	[FZ_CHECK_HOLDS] = "holds",
	[FZ_CHECK_FAILS] = "fails",
	[FZ_CHECK_NOT_APPLICABLE] = "not_applicable",
};

static const char *const verdict_labels[] = {
	[FZ_CHECK_HOLDS] = "符合",
	[FZ_CHECK_FAILS] = "不符合",
	[FZ_CHECK_NOT_APPLICABLE] = "不适用",
};

/* The timeline of a case, in the order of its procedure, and the
 * words of a review form for its steps. */
static const char *const steps[FZ_CHECK__STEPS] = {
	"filed", "notified", "hearing", "legal_review", "collective",
	"decided", "served", "published", "paid", "closed",
};
static const char *const step_labels[FZ_CHECK__STEPS] = {
	"立案", "告知", "听证", "法制审核", "集体讨论",
	"作出决定", "送达", "公示", "缴纳罚款", "结案",
};

/* What each rule of the cases is called on a review form. */
static const char *const rule_names[][2] = {
	{ "found", "追责时效" },
	{ "simple", "简易程序的适用" },
	{ "on_spot", "当场收缴及其上缴" },
	{ "evidence", "先行登记保存证据的处理" },
	{ "time_limit", "办案期限" },
	{ "extension", "延长期限的依据" },
	{ "not_punished", "不予处罚及教育" },
	{ "hearing", "听证程序" },
	{ "review", "法制审核" },
	{ "payment", "罚款缴纳及加处罚款" },
	{ "unpublished", "撤回公示" },
	{ "notified", "处罚前告知" },
	{ "collective", "负责人集体讨论" },
	{ "published", "处罚信息公示" },
	{ "served", "决定书送达" },
};

static const char *
rule_name(const char *rule)
{
	for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++)
		if (strcmp(rule_names[i][0], rule) == 0)
			return rule_names[i][1];
	return rule;
}

static void
timeline(const fz_case *k, fz_date *d)
{
	const fz_date v[FZ_CHECK__STEPS] = { k->filed, k->notified,
	    k->hearing, k->legal_review, k->collective, k->decided,
	    k->served, k->published, k->paid, k->closed };

	memcpy(d, v, sizeof v);
}

void
fz_check__sheet_begin(fz_check *c, const fz_check__rec *r)
{
	const fz_case *k = r->data;
	fz_check__sheet *s;

	if (!c->o.casefile)
		return;
	if (c->nsheets == c->capsheets) {
		c->capsheets = c->capsheets ? 2 * c->capsheets : 32;
		c->sheets = fz_xrealloc(c->sheets, c->capsheets * sizeof *s);
	}
	s = &c->sheets[c->nsheets++];
	s->id = fz_arena_strdup(c->arena, k->id);
	s->at = fz_check__pos_of(c, r->at);
	timeline(k, s->dates);
	s->first = c->nverdicts;
}

void
fz_check__not_applicable(fz_check *c, const char *why)
{
	c->rule_na = why;
}

static void
verdict_add(fz_check *c, const char *rule, const char *article,
    int verdict, const char *detail)
{
	fz_check__verdict *v;

	if (c->nverdicts == c->capverdicts) {
		c->capverdicts = c->capverdicts ? 2 * c->capverdicts : 256;
		c->verdicts = fz_xrealloc(c->verdicts,
		    c->capverdicts * sizeof *v);
	}
	v = &c->verdicts[c->nverdicts++];
	*v = (fz_check__verdict){ rule, article, verdict, detail };
}

/* The messages of the problems since n0 that a rule found (not the
 * calendar's notes aside, nor --due-within's), joined by "; ". */
static char *
failures(fz_check *c, size_t n0)
{
	size_t len = 0;
	char *s, *p;

	for (size_t i = n0; i < c->nproblems; i++)
		if (c->problems[i].severity != FZ_NOTE && !c->problems[i].aside)
			len += strlen(c->problems[i].msg) + 2;
	if (len == 0)
		return NULL;
	p = s = fz_arena_alloc(c->arena, len + 1);
	for (size_t i = n0; i < c->nproblems; i++) {
		const fz_check__problem *q = &c->problems[i];
		if (q->severity == FZ_NOTE || q->aside)
			continue;
		p += sprintf(p, "%s%s", p == s ? "" : "; ", q->msg);
	}
	return s;
}

void
fz_check__rule(fz_check *c, const fz_check__rec *r, const char *rule,
    const char *article, void (*fn)(fz_check *, const fz_check__rec *))
{
	size_t n0 = c->nproblems;
	char *failed;

	c->rule_na = NULL;
	fn(c, r);
	if (!c->o.casefile)
		return;
	failed = failures(c, n0);
	if (failed != NULL)
		verdict_add(c, rule, article, FZ_CHECK_FAILS, failed);
	else if (c->rule_na != NULL)
		verdict_add(c, rule, article, FZ_CHECK_NOT_APPLICABLE,
		    c->rule_na);
	else
		verdict_add(c, rule, article, FZ_CHECK_HOLDS, NULL);
}

void
fz_check__decision_rules(fz_check *c, const fz_check__rec *r,
    const fz_check__case_rule *rules, size_t n)
{
	const fz_case *k = r->data;

	for (size_t i = 0; i < n; i++)
		if (k->decided != FZ_NODATE)
			fz_check__rule(c, r, rules[i].rule, rules[i].article,
			    rules[i].fn);
		else if (c->o.casefile)
			verdict_add(c, rules[i].rule, rules[i].article,
			    FZ_CHECK_NOT_APPLICABLE, "not decided");
}

int
fz_check_verdict(const fz_check *c, const char *case_id, const char *rule)
{
	for (size_t i = 0; i < c->nsheets; i++) {
		const fz_check__sheet *s = &c->sheets[i];
		size_t end = i + 1 < c->nsheets ? c->sheets[i + 1].first :
		    c->nverdicts;

		if (strcmp(s->id, case_id) != 0)
			continue;
		for (size_t j = s->first; j < end; j++)
			if (strcmp(c->verdicts[j].rule, rule) == 0)
				return c->verdicts[j].verdict;
	}
	return -1;
}

/* ------------------------------------------------------------ writing */

/* The keys that name a verdict's rule: its id, its name, its article. */
static void
write_rule_keys(fz_writer *w, const fz_check__verdict *v)
{
	fz_write_key(w, "rule");
	fz_write_str(w, v->rule);
	fz_write_key(w, "name");
	fz_write_str(w, rule_name(v->rule));
	fz_write_key(w, "article");
	fz_write_str(w, v->article);
}

static void
write_verdict(fz_writer *w, const fz_check__verdict *v)
{
	fz_write_map_begin(w, 0);
	write_rule_keys(w, v);
	fz_write_key(w, "verdict");
	fz_write_str(w, verdict_names[v->verdict]);
	fz_write_key(w, "label");
	fz_write_str(w, verdict_labels[v->verdict]);
	if (v->detail != NULL) {
		fz_write_key(w, "detail");
		fz_write_str(w, v->detail);
	}
	fz_write_map_end(w);
}

/* holds, fails, not_applicable: of the verdicts from first to end, of
 * rule only unless NULL. */
static void
write_counts(const fz_check *c, fz_writer *w, size_t first, size_t end,
    const char *rule)
{
	long long n[3] = { 0, 0, 0 };

	for (size_t j = first; j < end; j++)
		if (rule == NULL || strcmp(c->verdicts[j].rule, rule) == 0)
			n[c->verdicts[j].verdict]++;
	if (rule == NULL) {
		fz_write_key(w, "counts");
		fz_write_map_begin(w, 1);
	}
	fz_write_key_int(w, "holds", n[FZ_CHECK_HOLDS]);
	fz_write_key_int(w, "fails", n[FZ_CHECK_FAILS]);
	fz_write_key_int(w, "not_applicable", n[FZ_CHECK_NOT_APPLICABLE]);
	if (rule == NULL)
		fz_write_map_end(w);
}

static void
write_sheet(const fz_check *c, fz_writer *w, size_t i)
{
	const fz_check__sheet *s = &c->sheets[i];
	size_t end = i + 1 < c->nsheets ? c->sheets[i + 1].first :
	    c->nverdicts;

	fz_write_map_begin(w, 0);
	fz_write_key(w, "case");
	fz_write_str(w, s->id);
	fz_write_key(w, "file");
	fz_write_str(w, s->at.file ? s->at.file : "");
	fz_write_key_int(w, "line", s->at.line);
	fz_write_key(w, "timeline");
	fz_write_seq_begin(w, 0);
	for (int j = 0; j < FZ_CHECK__STEPS; j++) {
		if (s->dates[j] == FZ_NODATE)
			continue;
		fz_write_map_begin(w, 1);
		fz_write_key(w, "step");
		fz_write_str(w, steps[j]);
		fz_write_key(w, "label");
		fz_write_str(w, step_labels[j]);
		fz_write_key(w, "date");
		fz_write_date(w, s->dates[j]);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_key(w, "rules");
	fz_write_seq_begin(w, 0);
	for (size_t j = s->first; j < end; j++)
		write_verdict(w, &c->verdicts[j]);
	fz_write_seq_end(w);
	write_counts(c, w, s->first, end, NULL);
	fz_write_map_end(w);
}

/* The summary: each rule in the order first met, with its counts. */
static void
write_summary(const fz_check *c, fz_writer *w)
{
	fz_write_key(w, "summary");
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "cases", (long long)c->nsheets);
	write_counts(c, w, 0, c->nverdicts, NULL);
	fz_write_key(w, "rules");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < c->nverdicts; i++) {
		const fz_check__verdict *v = &c->verdicts[i];
		size_t j = 0;

		while (j < i && strcmp(c->verdicts[j].rule, v->rule) != 0)
			j++;
		if (j < i)
			continue;	/* counted where first met */
		fz_write_map_begin(w, 1);
		write_rule_keys(w, v);
		write_counts(c, w, i, c->nverdicts, v->rule);
		fz_write_map_end(w);
	}
	fz_write_seq_end(w);
	fz_write_map_end(w);
}

int
fz_check__write_casefile(fz_check *c, fz_writer *w)
{
	char a[16];

	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key(w, "kind");
	fz_write_str(w, "casefile");
	fz_write_key_int(w, "version", FZ_FORMAT_VERSION);
	fz_write_key(w, "as_of");
	fz_write_plain(w, fz_check__day(c->o.as_of, a));
	fz_write_key(w, "cases");
	fz_write_seq_begin(w, 0);
	for (size_t i = 0; i < c->nsheets; i++)
		write_sheet(c, w, i);
	fz_write_seq_end(w);
	write_summary(c, w);
	fz_write_map_end(w);
	return fz_write_doc_end(w);
}
