/* directory.c - the entity directory by id, for the programs that look
 * entities up (category and town of an inspection, cross-references). */
#include <stdlib.h>
#include <string.h>

#include "io.h"

struct fz_directory {
	fz_map *byid;		/* id -> fz_entity, in the map's arena */
};

fz_directory *
fz_directory_new(void)
{
	fz_directory *d = fz_xcalloc(1, sizeof *d);

	d->byid = fz_map_new();
	return d;
}

void
fz_directory_free(fz_directory *d)
{
	if (d == NULL)
		return;
	fz_map_free(d->byid);
	free(d);
}

size_t fz_directory_count(const fz_directory *d) { return fz_map_count(d->byid); }

static const char *
copy(fz_arena *a, const char *s)
{
	return s == NULL ? NULL : fz_arena_strdup(a, s);
}

int
fz_directory_add(fz_directory *d, const fz_entity *e, const fz_node *at,
    fz_error *err)
{
	fz_arena *a = fz_map_arena(d->byid);
	int added;
	void **slot = fz_map_insert(d->byid, e->id, strlen(e->id), &added,
	    NULL);
	fz_entity *c;

	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0,
		    "duplicate entity id '%s'", e->id);
	c = fz_arena_alloc(a, sizeof *c);
	*c = *e;
	c->id = copy(a, e->id);
	c->name = copy(a, e->name);
	c->category = copy(a, e->category);
	c->town = copy(a, e->town);
	c->grade = copy(a, e->grade);
	*slot = c;
	return FZ_OK;
}

const fz_entity *
fz_directory_find(const fz_directory *d, const char *id)
{
	void **slot = fz_map_find(d->byid, id, strlen(id));

	return slot ? *slot : NULL;
}

int
fz_directory_load(fz_directory *d, const char *path, fz_error *err)
{
	char *paths[1] = { (char *)path };
	fz_stream *s = fz_stream_open(paths, 1, 0);
	fz_event ev;
	fz_entity e;
	int rc;

	while ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.kind != FZ_KIND_ENTITIES) {
			rc = fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
			    ev.doc_col, "expected an entity directory, not %s",
			    ev.kind_name);
			break;
		}
		if (ev.type != FZ_EV_RECORD)
			continue;
		if ((rc = fz_record_decode(FZ_KIND_ENTITIES, ev.node, &e, NULL,
		    err)) != FZ_OK ||
		    (rc = fz_directory_add(d, &e, fz_node_get(ev.node, "id"),
		    err)) != FZ_OK)
			break;
	}
	fz_stream_close(s);
	return rc;
}
