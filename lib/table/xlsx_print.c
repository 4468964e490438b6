/* xlsx_print.c - what a sheet needs to print and to be read at a
 * glance: A4, landscape when the table is wide, fitted to the page's
 * width with its header on every page, the title at the head of each
 * page and its number at the foot; and the charts of a tally by a
 * period, its large figures apart from its small ones, below the table
 * on a page of their own, so that no chart is split and no series is
 * flattened by another's scale. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "table.h"
#include "table_int.h"

#define PAPER_A4 9
#define PORTRAIT_WIDTH 95	/* characters of column that fit portrait */
#define LINE_CHART_ROWS 12	/* more periods than this: a line chart */
#define CHART_SERIES_MAX 4
#define CHART_ROWS 16		/* rows a chart takes, at 20 pixels a row */
#define CHAR_PIXELS 7		/* a character of column width, in pixels */

static void
check(lxw_error *status, lxw_error e)
{
	if (e != LXW_NO_ERROR && *status == LXW_NO_ERROR)
		*status = e;
}

/* title for a header or footer: & doubled, cut to what Excel keeps. */
static char *
page_text(const char *prefix, const char *title, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "%s", prefix);

	for (const char *p = title; *p != '\0' && n + 3 < size && n < 200;
	    p++) {
		if (*p == '&')
			buf[n++] = '&';
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return buf;
}

void
fz_table__xlsx_page(lxw_worksheet *ws, const fz_table *t, lxw_row_t head,
    const double *width, lxw_error *status)
{
	double total = 0;
	char buf[512];

	for (size_t j = 0; j < t->ncols; j++)
		total += width[j];
	worksheet_set_paper(ws, PAPER_A4);
	if (total > PORTRAIT_WIDTH)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	check(status, worksheet_repeat_rows(ws, head, head));
	check(status, worksheet_set_header(ws, page_text("&C", t->title, buf,
	    sizeof buf)));
	check(status, worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));
}

void
fz_table__xlsx_foot(lxw_worksheet *ws, const fz_table *t, lxw_row_t row,
    lxw_error *status)
{
	for (const char *p = t->foot; p != NULL && *p != '\0'; row++) {
		size_t n = strcspn(p, "\n");
		char *line = fz_xcalloc(n + 1, 1);

		memcpy(line, p, n);
		check(status, worksheet_write_string(ws, row, 0, line, NULL));
		free(line);
		p += n + (p[n] == '\n');
	}
}

/* The largest value of column col over rows [0, n). */
static long long
column_max(const fz_table *t, size_t col, size_t n)
{
	long long max = 0;

	for (size_t i = 0; i < n; i++)
		if (col < t->rows[i].n && !t->rows[i].cells[col].empty &&
		    t->rows[i].cells[col].num > max)
			max = t->rows[i].cells[col].num;
	return max;
}

/* The headline indicators a chart shows (visits, violations, filed,
 * closed; else the figures of the first type), those with a value. */
static size_t
chart_columns(const fz_table *t, size_t n, size_t *cols)
{
	static const char *const headline[] = { "visits", "violations",
		"filed", "closed", NULL };
	size_t k = 0;

	for (size_t h = 0; headline[h] != NULL; h++)
		for (size_t j = t->ngroup; j < t->ncols; j++)
			if (strcmp(t->cols[j].key, headline[h]) == 0 &&
			    t->cols[j].type == FZ_C_INT && column_max(t, j, n) > 0)
				cols[k++] = j;
	for (size_t j = t->ngroup; k == 0 && j < t->ncols; j++)
		if (t->cols[j].type == FZ_C_INT || t->cols[j].type == FZ_C_MONEY)
			for (size_t c = j; c < t->ncols && k < CHART_SERIES_MAX; c++)
				if (t->cols[c].type == t->cols[j].type)
					cols[k++] = c;
	return k;
}

struct chart_at {
	const char *sheet;
	lxw_row_t first, last, head;	/* data rows and the header row */
	lxw_row_t row;			/* where the chart goes */
	lxw_col_t col;
	double x_scale;
};

static void
add_chart(lxw_workbook *wb, lxw_worksheet *ws, const fz_table *t,
    const struct chart_at *at, const size_t *cols, size_t n,
    lxw_error *status)
{
	lxw_chart_options where = { .x_offset = 4, .y_offset = 4,
		.x_scale = at->x_scale, .y_scale = 1.05 };
	lxw_chart *chart = workbook_add_chart(wb, at->last - at->first + 1 >
	    LINE_CHART_ROWS ? LXW_CHART_LINE : LXW_CHART_COLUMN);
	char title[256];

	if (chart == NULL) {
		check(status, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		/* Two or more group keys make a multi-level category axis. */
		chart_series_set_categories(s, at->sheet, at->first, 0, at->last,
		    (lxw_col_t)(t->ngroup - 1));
		chart_series_set_values(s, at->sheet, at->first,
		    (lxw_col_t)cols[i], at->last, (lxw_col_t)cols[i]);
		chart_series_set_name_range(s, at->sheet, at->head,
		    (lxw_col_t)cols[i]);
	}
	/* Its title: the labels of its series; one starting with = would
	 * be read as a formula. */
	title[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(title + strlen(title), sizeof title - strlen(title),
		    "%s%s", i > 0 ? "、" : "", t->cols[cols[i]].label);
	if (title[0] != '=')
		chart_title_set_name(chart, title);
	chart_legend_set_position(chart, n == 1 ? LXW_CHART_LEGEND_NONE :
	    LXW_CHART_LEGEND_BOTTOM);
	check(status, worksheet_insert_chart_opt(ws, at->row, at->col, chart,
	    &where));
}

void
fz_table__xlsx_charts(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
    const fz_table *t, lxw_row_t head, const double *width,
    lxw_error *status)
{
	size_t n = t->nrows - (size_t)t->totals, cols[CHART_SERIES_MAX];
	size_t k, large[CHART_SERIES_MAX], small[CHART_SERIES_MAX];
	size_t nl = 0, ns = 0;
	long long top = 0;
	double pixels = 0;
	struct chart_at at = { sheet, head + 1, head + (lxw_row_t)n, head,
		head + (lxw_row_t)t->nrows + 2, 0, 1 };
	lxw_row_t breaks[] = { at.row, 0 };

	if (t->period_col < 0 || t->ngroup == 0 || n == 0 ||
	    (k = chart_columns(t, n, cols)) == 0)
		return;
	for (size_t i = 0; i < k; i++)
		if (column_max(t, cols[i], n) > top)
			top = column_max(t, cols[i], n);
	/* A series under a tenth of the largest gets a chart of its own
	 * scale: on the other's it would be a line at the bottom. */
	for (size_t i = 0; i < k; i++)
		if (column_max(t, cols[i], n) * 10 < top)
			small[ns++] = cols[i];
		else
			large[nl++] = cols[i];
	for (size_t j = 0; j < t->ncols; j++)
		pixels += width[j] * CHAR_PIXELS + 5;
	/* Side by side across the table's width, each at least 400 px. */
	at.x_scale = (ns > 0 ? pixels / 2 : pixels) / 480;
	if (at.x_scale < 400.0 / 480)
		at.x_scale = 400.0 / 480;
	check(status, worksheet_set_h_pagebreaks(ws, breaks));
	add_chart(wb, ws, t, &at, large, nl, status);
	if (ns == 0)
		return;
	for (double x = 0; at.col < t->ncols && x < at.x_scale * 480 + 8;
	    at.col++)
		x += width[at.col] * CHAR_PIXELS + 5;
	if (at.col >= t->ncols) {	/* a narrow table: the second below */
		at.col = 0;
		at.row += CHART_ROWS;
	}
	add_chart(wb, ws, t, &at, small, ns, status);
}
