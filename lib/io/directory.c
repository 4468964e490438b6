/* directory.c - the entity directory by id, and the towns by name, for
 * the programs that look them up: what a record leaves out filled in
 * from them (the category and town of an inspection from its entity,
 * the zone and grade of a record from its town). */
#include <stdlib.h>
#include <string.h>

#include "io.h"

struct fz_directory {
	fz_map *byid;		/* id -> fz_entity, in the map's arena */
	fz_map *towns;		/* name -> fz_town, in its arena; NULL
				 * until a towns file is loaded */
	const char *towns_file;	/* the first, for messages */
};

const char *const fz_directory_town_keys[] = { "zone", "grade", NULL };

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
	fz_map_free(d->towns);
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
fz_directory_add_town(fz_directory *d, const fz_town *t, const fz_node *at,
    fz_error *err)
{
	fz_arena *a;
	int added;
	void **slot;
	fz_town *c;

	if (d->towns == NULL)
		d->towns = fz_map_new();
	a = fz_map_arena(d->towns);
	slot = fz_map_insert(d->towns, t->name, strlen(t->name), &added, NULL);
	if (!added)
		return fz_error_set(err, FZ_DATAERR, at ? at->file : NULL,
		    at ? at->line : 0, at ? at->col : 0,
		    "duplicate town '%s'", t->name);
	c = fz_arena_alloc(a, sizeof *c);
	*c = (fz_town){ copy(a, t->name), copy(a, t->zone), copy(a, t->grade),
	    copy(a, t->squad), copy(a, t->leader) };
	*slot = c;
	return FZ_OK;
}

const fz_town *
fz_directory_town(const fz_directory *d, const char *name)
{
	void **slot = d->towns == NULL ? NULL :
	    fz_map_find(d->towns, name, strlen(name));

	return slot ? *slot : NULL;
}

const char *const *
fz_directory_filled(const fz_directory *d)
{
	return d != NULL && d->towns != NULL ? fz_directory_town_keys : NULL;
}

/* Put key: value into rec (in a) when value is given. */
static void
put(fz_arena *a, fz_node *rec, const char *key, const char *value)
{
	if (value != NULL)
		fz_node_put(a, rec, key, fz_node_scalar(a, value,
		    strlen(value)));
}

int
fz_directory_fill(const fz_directory *d, fz_arena *a, fz_node *rec,
    const char *entity, const char **category, const char **town,
    fz_error *err)
{
	const fz_entity *e = entity != NULL ? fz_directory_find(d, entity) :
	    NULL;
	const fz_node *at = fz_node_get(rec, "town");
	const fz_town *t;

	if (e != NULL && *category == NULL && e->category != NULL)
		put(a, rec, "category", *category = e->category);
	if (e != NULL && *town == NULL && e->town != NULL) {
		put(a, rec, "town", *town = e->town);
		at = fz_node_get(rec, "entity");
	}
	if (d->towns == NULL || *town == NULL)
		return FZ_OK;
	/* A town the file leaves out would be counted in no zone: a
	 * blank group nobody asked for. */
	if ((t = fz_directory_town(d, *town)) == NULL) {
		at = at != NULL ? at : rec;
		const char *whose = at == fz_node_get(rec, "entity") ?
		    _(" (the entity's)") : "";

		if (d->towns_file == NULL)
			return fz_error_set(err, FZ_DATAERR, at->file,
			    at->line, at->col, "town '%s'%s is not in the "
			    "towns file", *town, whose);
		return fz_error_set(err, FZ_DATAERR, at->file, at->line,
		    at->col, "town '%s'%s is not in the towns file %s",
		    *town, whose, d->towns_file);
	}
	put(a, rec, "zone", t->zone);
	put(a, rec, "grade", t->grade);
	return FZ_OK;
}

/* Add a decoded record of kind k from node rec. */
static int
add_record(fz_directory *d, enum fz_kind k, fz_node *rec, fz_error *err)
{
	fz_entity e;
	fz_town t;
	int rc;

	if (k == FZ_KIND_TOWNS)
		return (rc = fz_record_decode(k, rec, &t, NULL, err)) != FZ_OK ?
		    rc : fz_directory_add_town(d, &t, fz_node_get(rec, "name"),
		    err);
	return (rc = fz_record_decode(k, rec, &e, NULL, err)) != FZ_OK ? rc :
	    fz_directory_add(d, &e, fz_node_get(rec, "id"), err);
}

/* Every record of the documents of kind k of a file; what, in the
 * language of messages, is what the file must be. */
static int
load(fz_directory *d, const char *path, enum fz_kind k, const char *what,
    fz_error *err)
{
	char *paths[1] = { (char *)path };
	fz_stream *s = fz_stream_open(paths, 1, 0);
	fz_event ev;
	int rc;

	while ((rc = fz_stream_next(s, &ev, err)) == FZ_OK &&
	    ev.type != FZ_EV_END) {
		if (ev.kind != k) {
			rc = fz_error_set(err, FZ_DATAERR, ev.file, ev.doc_line,
			    ev.doc_col, "expected %s, not %s", what,
			    ev.kind_name);
			break;
		}
		if (ev.type == FZ_EV_RECORD &&
		    (rc = add_record(d, k, ev.node, err)) != FZ_OK)
			break;
	}
	fz_stream_close(s);
	return rc;
}

int
fz_directory_load(fz_directory *d, const char *path, fz_error *err)
{
	return load(d, path, FZ_KIND_ENTITIES, _("an entity directory"), err);
}

int
fz_directory_load_towns(fz_directory *d, const char *path, fz_error *err)
{
	if (d->towns == NULL)
		d->towns = fz_map_new();
	if (d->towns_file == NULL)
		d->towns_file = fz_arena_strdup(fz_map_arena(d->towns), path);
	return load(d, path, FZ_KIND_TOWNS, "towns", err);
}

int
fz_directory_open(const char *entities, const char *towns,
    fz_directory **out, fz_error *err)
{
	fz_directory *d = NULL;
	int rc = FZ_OK;

	*out = NULL;
	if (entities == NULL && towns == NULL)
		return FZ_OK;
	d = fz_directory_new();
	if (entities != NULL)
		rc = fz_directory_load(d, entities, err);
	if (rc == FZ_OK && towns != NULL)
		rc = fz_directory_load_towns(d, towns, err);
	if (rc != FZ_OK) {
		fz_directory_free(d);
		return rc;
	}
	*out = d;
	return FZ_OK;
}
