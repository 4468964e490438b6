/* table_rows.c - what the tables of a draw and of a results document
 * both make: a record as a row, a team in a cell, and the sheets named
 * by the task. */
#include <string.h>

#include "table.h"
#include "table_int.h"

static void
record_cell(fz_table_set *ts, fz_table *t, enum fz_kind kind, const char *key,
    const fz_node *v, size_t hint)
{
	const fz_field *f = fz_field_find(kind, key);
	size_t col = fz_table__column(ts, t, key, fz_table__field_ctype(f) ==
	    FZ_TABLE__AUTO ? FZ_C_TEXT : fz_table__field_ctype(f), NULL, hint);

	fz_table__row_set(ts, col, fz_table__field_cell(ts, f, v));
}

/* One record: its keys become columns in first-seen order, then the
 * keys it leaves to their defaults (上报方 本局, 检查结果 合格 ...), filled
 * in as fazhi reads them. */
void
fz_table__record_row(fz_table_set *ts, fz_table *t, enum fz_kind kind,
    const fz_node *rec)
{
	const fz_field *fields = fz_kind_fields(kind);

	fz_table__row_begin(ts);
	for (size_t i = 0; i < rec->n; i++)
		record_cell(ts, t, kind, rec->kids[2 * i]->str,
		    rec->kids[2 * i + 1], i);
	for (const fz_field *f = fields; f != NULL && f->key != NULL; f++) {
		const fz_node *v = fz_node_get(rec, f->key);
		if (v != NULL && !fz_node_is_null(v))
			continue;
		if ((v = fz_record_get(kind, rec, f->key)) != NULL)
			record_cell(ts, t, kind, f->key, v, t->ncols);
	}
	fz_table__row_end(ts, t);
}

/* A team as 张三(文旅)、李四(公安). */
fz_table_cell
fz_table__team_cell(fz_table_set *ts, const fz_node *team)
{
	fz_buf b = { 0 };

	if (team->type != FZ_SEQ)
		return fz_table__field_cell(ts, NULL, team);
	for (size_t i = 0; i < team->n; i++) {
		const fz_node *m = team->kids[i];
		const fz_node *name = fz_node_get(m, "name");
		const fz_node *dept = fz_node_get(m, "department");
		if (name == NULL)
			name = fz_node_get(m, "id");
		if (i > 0)
			fz_buf_adds(&b, "、");
		if (name == NULL || name->type != FZ_SCALAR) {
			fz_table__node_text(&b, m, NULL);
			continue;
		}
		fz_buf_adds(&b, name->str);
		if (dept != NULL && dept->type == FZ_SCALAR) {
			fz_buf_adds(&b, "(");
			fz_buf_adds(&b, dept->str);
			fz_buf_adds(&b, ")");
		}
	}
	return fz_table__text_cell(ts, &b);
}

/* A draw's or a results document's tables: a sheet by its task (the
 * first) or the task and the part; the task, seed and date above. */
void
fz_table__name_by_task(fz_table_set *ts, const fz_node *doc, fz_table *first)
{
	const fz_node *task = fz_node_get(doc, "task");
	const fz_node *seed = fz_node_get(doc, "seed");
	const fz_node *date = fz_node_get(doc, "date");
	const char *part;

	if (task == NULL || task->type != FZ_SCALAR || task->len == 0)
		return;
	for (fz_table *t = first; t != NULL; t = t->next) {
		part = strstr(t->title, " · ");
		part = part != NULL ? part + strlen(" · ") : "";
		t->sheet = t == first && strcmp(t->kind, "draw") == 0 ?
		    fz_table__strdup(ts, task->str) : fz_arena_printf(ts->arena, "%s·%.*s", task->str,
		    (int)strcspn(part, " "), part);
		t->info = fz_arena_printf(ts->arena, "任务：%s%s%s%s%s",
		    task->str, seed != NULL && seed->type == FZ_SCALAR ?
		    "　随机种子：" : "", seed != NULL && seed->type == FZ_SCALAR ?
		    seed->str : "", date != NULL && date->type == FZ_SCALAR ?
		    "　抽取日期：" : "", date != NULL && date->type == FZ_SCALAR ?
		    date->str : "");
	}
}
