/* documents.c - the documents register (规范性文件、政策性文件) in
 * fazhi-check: a record's sanity (its dates in order, the keys that go
 * together, its text counted against characters), and with --rules what
 * a normative or policy document needs before it is issued: its legality
 * review and its fair-competition review, 30 days of consultation, a
 * policy document within 5000 characters, an exception with its term. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

/* 优化营商环境条例 art. 62: 30 days of public consultation, counted with
 * both the first and the last day (the days comments are taken). */
#define CONSULTATION_DAYS 30
/* The limit the bureau's 2019 report quotes: 印发的政策性文件字数控制在
 * 5000字以内 (5000 itself is within it). */
#define POLICY_CHARACTERS 5000

static const char *const report_source = "the 2019 requirement the "
    "bureau's 2019 report quotes: 印发的政策性文件字数控制在5000字以内";

/* The path of text, relative to the folder of the file the record is in
 * (standard input: the working directory), into buf. */
static const char *
text_path(const fz_check__rec *r, const char *text, char *buf, size_t size)
{
	const char *file = r->at->file, *slash;

	if (text[0] == '/' || file == NULL || strcmp(file, "-") == 0 ||
	    (slash = strrchr(file, '/')) == NULL)
		return text;
	snprintf(buf, size, "%.*s/%s", (int)(slash - file), file, text);
	return buf;
}

/* The characters of the file at path, or -1 (not UTF-8), -2 (cannot be
 * read: errno kept in *e). */
static long long
count_file(const char *path, int *e)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0, got;
	long long count;

	if (f == NULL)
		return *e = errno, -2;
	do {
		if (cap - n < 65536)
			s = fz_xrealloc(s, cap = cap * 2 + 65536);
		got = fread(s + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	*e = ferror(f) ? errno : 0;
	fclose(f);
	count = *e != 0 ? -2 : fz_text_characters(s, n);
	free(s);
	return count;
}

/* The document's characters: its text counted, else characters;
 * FZ_NOINT when neither is known. */
static long long
characters_of(fz_check *c, const fz_check__rec *r)
{
	const fz_document *d = r->data;
	char buf[4096];
	const char *path;
	long long n;
	int e = 0;

	if (d->text == NULL)
		return d->characters;
	path = text_path(r, d->text, buf, sizeof buf);
	n = count_file(path, &e);
	if (n == -2) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "text"),
		    "document '%s': cannot read its text %s: %s", d->id, path,
		    strerror(e));
		return d->characters;
	}
	if (n == -1) {
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "text"),
		    "document '%s': its text %s is not UTF-8 (not counted)",
		    d->id, path);
		return d->characters;
	}
	if (d->characters != FZ_NOINT && d->characters != n)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "characters"),
		    "document '%s' says characters: %lld, its text %s counts "
		    "%lld", d->id, d->characters, path, n);
	return n;
}

static void
pairs(fz_check *c, const fz_check__rec *r)
{
	const fz_document *d = r->data;

	if (d->exception_until != FZ_NODATE &&
	    d->fair_competition_result != FZ_FAIR_EXCEPTION)
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    "exception_until"), "document '%s': exception_until is the "
		    "term of an exception, given with fair_competition_result: "
		    "exception", d->id);
	if (d->fair_competition_result >= 0 &&
	    d->fair_competition_review == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    "fair_competition_result"), "document '%s' has a "
		    "fair_competition_result without fair_competition_review "
		    "(the day)", d->id);
	if (d->legality_result != NULL && d->legality_review == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    "legality_result"), "document '%s' has a legality_result "
		    "without legality_review (the day)", d->id);
	if ((d->consultation_from == FZ_NODATE) !=
	    (d->consultation_to == FZ_NODATE))
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    d->consultation_from == FZ_NODATE ? "consultation_to" :
		    "consultation_from"), "document '%s': a consultation "
		    "needs both consultation_from and consultation_to",
		    d->id);
}

static void
check_document(fz_check *c, const fz_check__rec *r)
{
	const fz_document *d = r->data;

	fz_check__not_before(c, r, "consultation_to", d->consultation_to,
	    "consultation_from", d->consultation_from);
	fz_check__not_before(c, r, "issued", d->issued, "consultation_to",
	    d->consultation_to);
	fz_check__not_before(c, r, "published", d->published, "issued",
	    d->issued);
	fz_check__not_before(c, r, "filed_record", d->filed_record, "issued",
	    d->issued);
	fz_check__not_before(c, r, "valid_until", d->valid_until, "issued",
	    d->issued);
	fz_check__not_before(c, r, "exception_until", d->exception_until,
	    "issued", d->issued);
	pairs(c, r);
}

/* A review a normative or policy document is issued after. */
static void
review_before(fz_check *c, const fz_check__rec *r, const char *key,
    fz_date review, const char *what, const char *source)
{
	const fz_document *d = r->data;
	char a[16], b[16];

	if (review == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, "issued"),
		    "document '%s' was issued %s without its %s (%s)", d->id,
		    fz_check__day(d->issued, a), what, source);
	else if (review > d->issued)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, key),
		    "document '%s' was issued %s before its %s ended %s (%s)",
		    d->id, fz_check__day(d->issued, a), what,
		    fz_check__day(review, b), source);
}

/* The fair-competition review answers to the instrument in force on the
 * day the document was issued: the 公平竞争审查条例 from 2024-08-01, before
 * it the State Council's opinion of 2016 and its implementing rules
 * (a 2019 document cannot have broken a 2024 regulation).  exception: the
 * source of the exception's term, else that of the review. */
static const char *
fair_competition_source(fz_date issued, int exception)
{
	if (issued != FZ_NODATE && issued < fz_date_make(2024, 8, 1))
		return exception ? _("国务院关于在市场体系建设中建立公平竞争审查"
		    "制度的意见, 国发〔2016〕34号, 三（四）例外规定: an "
		    "exception states its term") : _("国务院关于在市场体系建设中"
		    "建立公平竞争审查制度的意见, 国发〔2016〕34号, and its 实施"
		    "细则: a measure is reviewed before it is issued");
	return exception ? _("公平竞争审查条例, in force 2024-08-01, art. 12: "
	    "an exception has a set term") : _("公平竞争审查条例, in force "
	    "2024-08-01: a measure is reviewed before it is issued");
}

static void
document_rules(fz_check *c, const fz_check__rec *r, long long chars)
{
	const fz_document *d = r->data;
	long long days;

	if (d->type == FZ_DOC_OTHER)
		return;
	review_before(c, r, "legality_review", d->legality_review,
	    _("legality review (合法性审查)"), _("国务院办公厅关于全面推行行政"
	    "规范性文件合法性审核机制的指导意见, 2018: reviewed before issue"));
	review_before(c, r, "fair_competition_review",
	    d->fair_competition_review, _("fair-competition review (公平竞争"
	    "审查)"), fair_competition_source(d->issued, 0));
	if (d->fair_competition_result == FZ_FAIR_EXCEPTION &&
	    d->exception_until == FZ_NODATE)
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    "fair_competition_result"), "document '%s' is an exception "
		    "without exception_until (%s)", d->id,
		    fair_competition_source(d->issued, 1));
	days = d->consultation_from != FZ_NODATE && d->consultation_to !=
	    FZ_NODATE ? (long long)d->consultation_to - d->consultation_from +
	    1 : -1;
	if (days >= 1 && days < CONSULTATION_DAYS)
		fz_check__report(c, FZ_ERROR, fz_check__at(r,
		    "consultation_to"), "document '%s': its consultation "
		    "lasted %lld day%s, fewer than %d (优化营商环境条例 art. 62; "
		    "the first and the last day counted)", d->id, days,
		    days == 1 ? "" : "s", CONSULTATION_DAYS);
	if (d->type == FZ_DOC_POLICY && chars != FZ_NOINT &&
	    chars > POLICY_CHARACTERS)
		fz_check__report(c, FZ_ERROR, fz_check__at(r, d->text != NULL ?
		    "text" : "characters"), "policy document '%s' has %lld "
		    "characters, over %d (%s)", d->id, chars,
		    POLICY_CHARACTERS, report_source);
}

void
fz_check__document(fz_check *c, const fz_check__rec *r)
{
	long long chars;

	check_document(c, r);
	chars = characters_of(c, r);
	if (c->o.rules)
		document_rules(c, r, chars);
}
