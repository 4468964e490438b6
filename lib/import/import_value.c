/* import_value.c - spreadsheet cells into canonical fazhi values: the
 * dates people type, the Chinese words of the enumerations, lists
 * written in one cell.  The alias tables are schema.c's; only what a
 * spreadsheet adds to FORMATS.md (是/否, 2019年3月5日, 1,250元) is here. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import.h"

int
fz_import_encoding_parse(const char *name)
{
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		return FZ_ENC_UTF8;
	if (strcasecmp(name, "gb18030") == 0)
		return FZ_ENC_GB18030;
	if (strcasecmp(name, "gbk") == 0)
		return FZ_ENC_GBK;
	return -1;
}

/* Digits at *p, at least min and at most max of them. */
static int
take_number(const char **p, const char *end, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (*p < end && **p >= '0' && **p <= '9' && n < max) {
		v = v * 10 + (**p - '0');
		(*p)++, n++;
	}
	*out = v;
	return n >= min && !(*p < end && **p >= '0' && **p <= '9') ? 0 : -1;
}

static int
take_text(const char **p, const char *end, const char *text)
{
	size_t n = strlen(text);

	if ((size_t)(end - *p) < n || memcmp(*p, text, n) != 0)
		return -1;
	*p += n;
	return 0;
}

/* A time of day after the date ("14:30", "0:00:00") is ignored. */
static int
is_time_tail(const char *p, const char *end)
{
	if (p == end)
		return 1;
	if (*p != ' ' && *p != 'T')
		return 0;
	for (p++; p < end; p++)
		if (!(*p >= '0' && *p <= '9') && *p != ':' && *p != '.')
			return 0;
	return 1;
}

static int
date_parts(const char *s, size_t len, int *y, int *m, int *d)
{
	const char *p = s, *end = s + len;
	char sep;

	if (take_number(&p, end, 4, 4, y) != 0 || p == end)
		return -1;
	if (take_text(&p, end, "年") == 0) {
		if (take_number(&p, end, 1, 2, m) != 0 ||
		    take_text(&p, end, "月") != 0 ||
		    take_number(&p, end, 1, 2, d) != 0)
			return -1;
		(void)take_text(&p, end, "日");
		return is_time_tail(p, end) ? 0 : -1;
	}
	sep = *p++;
	if (strchr("-/.", sep) == NULL ||
	    take_number(&p, end, 1, 2, m) != 0 || p == end || *p++ != sep ||
	    take_number(&p, end, 1, 2, d) != 0)
		return -1;
	return is_time_tail(p, end) ? 0 : -1;
}

int
fz_import_date(const char *s, size_t len, fz_date *out)
{
	int y, m, d;
	const char *p = s;

	s = fz_trim(s, &len);
	p = s;
	if (len == 8 && take_number(&p, s + 8, 8, 8, &y) == 0) {
		d = y % 100, m = y / 100 % 100, y /= 10000;
	} else if (date_parts(s, len, &y, &m, &d) != 0) {
		return -1;
	}
	if (!fz_date_valid(y, m, d))
		return -1;
	*out = fz_date_make(y, m, d);
	return 0;
}

/* ------------------------------------------------------------ values */

/* A cell the conversions do not recognise is kept as it is, for the
 * record decoding to report with its position and the forms expected. */

static fz_node *
scalar(fz_arena *a, const char *s, size_t len, int quoted)
{
	fz_node *n = fz_node_scalar(a, s, len);

	n->quoted = (unsigned char)quoted;
	return n;
}

static fz_node *
word(fz_arena *a, const char *w)
{
	return scalar(a, w, strlen(w), 0);
}

static int
is_word(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

/* 是/否 of spreadsheets, yes/no of YAML, as true/false. */
static fz_node *
bool_value(fz_arena *a, const fz_field *f, const char *s, size_t len)
{
	if (is_word(s, len, "是") || is_word(s, len, "true") ||
	    is_word(s, len, "yes"))
		return word(a, "true");
	if (is_word(s, len, "否") || is_word(s, len, "false") ||
	    is_word(s, len, "no"))
		return word(a, "false");
	if (f->type == FZ_T_TRISTATE && is_word(s, len, "不适宜"))
		return word(a, "exempt");
	return scalar(a, s, len, 0);
}

/* Money as spreadsheets show it: 1,250.50 or 5000元. */
static fz_node *
money_value(fz_arena *a, const char *s, size_t len)
{
	char buf[64];
	size_t n = 0, all = len;
	int64_t fen;

	if (len >= 3 && memcmp(s + len - 3, "元", 3) == 0)
		len -= 3;
	for (size_t i = 0; i < len && n < sizeof buf; i++)
		if (s[i] != ',')
			buf[n++] = s[i];
	if (n < sizeof buf && fz_money_parse(buf, n, &fen) == 0)
		return scalar(a, buf, n, 0);
	return scalar(a, s, all, 0);
}

/* A value or its Chinese alias (schema.c's tables, the words fazhi
 * itself writes) as its canonical value. */
static fz_node *
enum_value(fz_arena *a, const fz_field *f, const char *s, size_t len)
{
	int i = fz_enum_lookup(f->values, s, len);

	return i >= 0 ? word(a, f->values[i].value) : scalar(a, s, len, 0);
}

static fz_node *
one_value(fz_arena *a, const fz_field *f, const char *s, size_t len)
{
	fz_date d;
	char buf[16];

	switch (f->type) {
	case FZ_T_DATE:
	case FZ_T_DATE_OR_FALSE:	/* false, 不予受理: read as they are */
		if (fz_import_date(s, len, &d) == 0)
			return scalar(a, fz_date_format(d, buf), 10, 0);
		return scalar(a, s, len, 0);
	case FZ_T_BOOL:
	case FZ_T_TRISTATE:
		return bool_value(a, f, s, len);
	case FZ_T_MONEY:
		return money_value(a, s, len);
	case FZ_T_ENUM:
	case FZ_T_ENUMS:
		return enum_value(a, f, s, len);
	case FZ_T_INT:
	case FZ_T_RATIO:
		return scalar(a, s, len, 0);
	default:
		return scalar(a, s, len, 1);
	}
}

/* The length of the list separator at s (、 ， ； , ;), 0 when none. */
static size_t
separator(const char *s, size_t left)
{
	static const char *const seps[] = { "、", "，", "；", ",", ";", NULL };

	for (const char *const *p = seps; *p != NULL; p++) {
		size_t n = strlen(*p);
		if (left >= n && memcmp(s, *p, n) == 0)
			return n;
	}
	return 0;
}

static fz_node *
list_value(fz_arena *a, const fz_field *f, const char *s, size_t len)
{
	fz_field item = *f;
	fz_node *seq = fz_node_seq(a);
	size_t start = 0, i = 0;

	item.type = f->type == FZ_T_ENUMS ? FZ_T_ENUM : FZ_T_STR;
	while (i <= len) {
		size_t sep = i < len ? separator(s + i, len - i) : 1;
		if (sep == 0) {
			i++;
			continue;
		}
		size_t n = i - start;
		const char *t = fz_trim(s + start, &n);
		if (n > 0)
			fz_node_push(a, seq, one_value(a, &item, t, n));
		i += sep;
		start = i;
	}
	return seq->n > 0 ? seq : NULL;
}

fz_node *
fz_import_value(fz_arena *a, const fz_field *f, const char *s, size_t len)
{
	s = fz_trim(s, &len);
	if (len == 0)
		return NULL;
	if (f->type == FZ_T_STRS || f->type == FZ_T_ENUMS)
		return list_value(a, f, s, len);
	return one_value(a, f, s, len);
}
