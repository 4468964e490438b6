/*
 * fazhi.h - libfazhi, the library every fazhi program stands on.
 *
 * One header, one prefix (fz_), one module per concern:
 *   error.c     error values and exit statuses
 *   arena.c     arena allocation and string helpers
 *   hash.c      string-keyed hash maps (insertion order kept)
 *   node.c      YAML value trees and YAML 1.1 scalar resolution
 *   reader.c    the streaming document reader over files or stdin
 *   reader_feed.c  its parsing half, on a thread of its own
 *   writer.c    the YAML writer
 *   date.c      dates and periods
 *   calendar.c  working days
 *   schema.c    kinds, enumerations and record decoding
 *   output.c    atomic output files
 *   cli.c       shared program behaviour
 *   tally.c     the inspection and case tally
 *
 * Ownership is written beside every function that takes or returns
 * memory.  No function of this library exits; only cli.c writes, and
 * only to the streams its caller names.
 */
#ifndef FAZHI_H
#define FAZHI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define FZ_FORMAT_VERSION 1

/* ---------------------------------------------------------------- errors */

/* Statuses are the exit statuses of every program (sysexits.h values). */
enum fz_status {
	FZ_OK = 0,
	FZ_PROBLEMS = 1,	/* a verification or check found problems */
	FZ_USAGE = 64,		/* bad command line */
	FZ_DATAERR = 65,	/* bad input data */
	FZ_NOINPUT = 66,	/* an input cannot be opened */
	FZ_CANTCREAT = 73,	/* an output cannot be created */
	FZ_IOERR = 74		/* read or write error */
};

typedef struct fz_error {
	int status;		/* enum fz_status; FZ_OK when no error */
	char file[1024];	/* "" when the error has no file */
	unsigned line, col;	/* 1-based; 0 when unknown */
	char msg[1024];
} fz_error;

/* Name of a status, e.g. "bad input data". Static string. */
const char *fz_strerror(int status);
/* Fill err and return status.  file may be NULL. */
int fz_error_set(fz_error *err, int status, const char *file, unsigned line,
    unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Write "file:line:col: msg" (the parts that are known) into buf. */
void fz_error_format(const fz_error *err, char *buf, size_t size);

/* ----------------------------------------------------------------- arena */

/* Bump allocator: many small allocations, freed all at once. */
typedef struct fz_arena fz_arena;

/* Returns a new arena owned by the caller, NULL when out of memory. */
fz_arena *fz_arena_new(void);
/* Frees the arena and everything allocated from it. */
void fz_arena_free(fz_arena *a);
/* Forgets every allocation (keeps the first block for reuse). */
void fz_arena_reset(fz_arena *a);
/* Memory owned by the arena, aligned for any type; NULL when out of memory. */
void *fz_arena_alloc(fz_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len) owned by the arena. */
char *fz_arena_strndup(fz_arena *a, const char *s, size_t len);
char *fz_arena_strdup(fz_arena *a, const char *s);
/* printf into memory owned by the arena. */
char *fz_arena_printf(fz_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Allocation that never returns NULL: aborts the process on exhaustion,
 * the one failure no caller can mend.  Memory owned by the caller. */
void *fz_xmalloc(size_t size);
void *fz_xcalloc(size_t n, size_t size);
void *fz_xrealloc(void *p, size_t size);
char *fz_xstrdup(const char *s);

/* Surrounding ASCII and UTF-8 (U+3000) white space removed: a pointer
 * into s and the new length in *len. */
const char *fz_trim(const char *s, size_t *len);

/* ------------------------------------------------------------------ hash */

/* A map from byte strings to pointers.  Keys are copied into the map's
 * own arena; entries are kept in insertion order, so iteration is
 * deterministic. */
typedef struct fz_map fz_map;

fz_map *fz_map_new(void);		/* owned by the caller */
void fz_map_free(fz_map *m);		/* values are the caller's */
size_t fz_map_count(const fz_map *m);
/* The value slot of key, NULL when absent; valid until the next insert. */
void **fz_map_find(const fz_map *m, const char *key, size_t len);
/* The value slot of key, inserted (value NULL) when absent; *added is set
 * to 1 when it was.  *key_out, when not NULL, receives the map's copy of
 * the key, valid as long as the map. */
void **fz_map_insert(fz_map *m, const char *key, size_t len, int *added,
    const char **key_out);
/* The i-th entry in insertion order. */
const char *fz_map_key(const fz_map *m, size_t i, size_t *len);
void *fz_map_value(const fz_map *m, size_t i);
/* The map's arena, for values that should live as long as the map. */
fz_arena *fz_map_arena(fz_map *m);

/* A map from 64-bit keys to 32-bit values, 16 bytes an entry: for large
 * sets of interned numbers, where a string map would cost too much.  The
 * key UINT64_MAX is reserved.  Iteration order is the table's, so
 * callers sort what they write. */
typedef struct fz_u64map fz_u64map;

fz_u64map *fz_u64map_new(void);		/* owned by the caller */
void fz_u64map_free(fz_u64map *m);
size_t fz_u64map_count(const fz_u64map *m);
/* The value of key, inserted as 0 when absent (*added then 1); valid
 * until the next insert. */
uint32_t *fz_u64map_insert(fz_u64map *m, uint64_t key, int *added);
/* Add key to a map used as a set (8 bytes a slot while no value is
 * asked for): 1 when it was not there. */
int fz_u64set_add(fz_u64map *m, uint64_t key);
/* Walk the entries: start with *pos = 0; 1 while there is one. */
int fz_u64map_next(const fz_u64map *m, size_t *pos, uint64_t *key,
    uint32_t *value);

/* ------------------------------------------------------------------ node */

enum fz_node_type { FZ_SCALAR, FZ_SEQ, FZ_MAP };

/* A YAML value with its position.  A MAP keeps keys and values
 * alternately in kids: kids[2i] is the key (always a SCALAR), kids[2i+1]
 * the value, and n counts pairs.  A SEQ has n items in kids.  Nodes are
 * owned by the arena they were made in. */
typedef struct fz_node fz_node;
struct fz_node {
	enum fz_node_type type;
	unsigned char quoted;	/* scalar written quoted or as a block */
	unsigned line, col;	/* 1-based */
	const char *file;
	char *str;		/* scalar text, NUL-terminated */
	size_t len;
	fz_node **kids;
	size_t n;
};

/* YAML 1.1 resolution of a plain scalar. */
enum fz_scalar_tag { FZ_TAG_STR, FZ_TAG_NULL, FZ_TAG_BOOL, FZ_TAG_INT,
	FZ_TAG_FLOAT };
enum fz_scalar_tag fz_scalar_resolve(const char *s, size_t len);
/* A YAML 1.1 boolean (true, yes, on, y ... in their cases): 1 or 0, and
 * -1 for anything else. */
int fz_scalar_bool(const char *s, size_t len);
/* The tag of a scalar node: quoted scalars are always strings. */
enum fz_scalar_tag fz_node_tag(const fz_node *n);
/* 1 when n is NULL or a plain null scalar (null, ~, empty). */
int fz_node_is_null(const fz_node *n);

/* The value of key in a MAP, NULL when absent or when m is not a MAP. */
fz_node *fz_node_get(const fz_node *m, const char *key);
/* New nodes owned by the arena. */
fz_node *fz_node_scalar(fz_arena *a, const char *s, size_t len);
fz_node *fz_node_seq(fz_arena *a);
fz_node *fz_node_map(fz_arena *a);
/* Append to a SEQ, or a key/value pair to a MAP (no duplicate check). */
void fz_node_push(fz_arena *a, fz_node *seq, fz_node *item);
void fz_node_put(fz_arena *a, fz_node *map, const char *key, fz_node *value);
/* A deep copy of n owned by a. */
fz_node *fz_node_copy(fz_arena *a, const fz_node *n);

/* ---------------------------------------------------------------- reader */

/* Limits the reader enforces (fazhi-formats(5)). */
#define FZ_MAX_DEPTH 64			/* nesting of collections */
#define FZ_MAX_SCALAR (1u << 20)	/* bytes in one scalar */
#define FZ_MAX_DOCUMENTS 100000		/* documents in one run */

enum fz_event_type { FZ_EV_RECORD = 1, FZ_EV_DOC };

/* One step of the stream.  For a record kind, every item of records: is
 * an FZ_EV_RECORD, and the document itself then comes as an FZ_EV_DOC
 * whose node holds its other keys.  Any other document is one FZ_EV_DOC
 * with the whole mapping.  Nodes belong to the stream and are valid
 * until the next fz_stream_next, or until fz_stream_close with
 * FZ_STREAM_KEEP. */
typedef struct fz_event {
	enum fz_event_type type;
	const char *kind;	/* NULL for a document without kind */
	fz_node *node;
	const char *file;	/* the input's name as given ("-" is "<stdin>") */
	unsigned doc_line, doc_col;	/* where the document's mapping begins */
	size_t index;		/* a record's index in its document */
} fz_event;

enum fz_stream_flags {
	FZ_STREAM_ANY_KIND = 1,	/* accept documents without or with any kind */
	FZ_STREAM_KEEP = 2,	/* keep every node until fz_stream_close */
	/* A large file may be parsed in two parts at once, the events of
	 * the second held until they are read: faster with two processors,
	 * at the cost of memory, for a reader that keeps what it reads. */
	FZ_STREAM_SPLIT = 4
};

typedef struct fz_stream fz_stream;

/* Called with every block of bytes read, for digests. */
typedef void (*fz_tap_fn)(void *ctx, size_t file_index, const void *buf,
    size_t len);
/* Called now and then with bytes read so far and the total of the
 * regular files named (0 when unknown). */
typedef void (*fz_progress_fn)(void *ctx, uint64_t done, uint64_t total);

/* A stream over the named files in order, standard input when npaths is
 * 0 or a path is "-".  paths must outlive the stream.  Returns a stream
 * owned by the caller. */
fz_stream *fz_stream_open(char *const *paths, int npaths, unsigned flags);
void fz_stream_set_tap(fz_stream *s, fz_tap_fn fn, void *ctx);
void fz_stream_set_progress(fz_stream *s, fz_progress_fn fn, void *ctx);
/* The next event: 1 with *ev filled, 0 at the end of the last input, or
 * an error status with err filled. */
int fz_stream_next(fz_stream *s, fz_event *ev, fz_error *err);
/* The arena that holds the current event's nodes. */
fz_arena *fz_stream_arena(fz_stream *s);
/* Records read so far of a kind, and the count of files. */
size_t fz_stream_count(const fz_stream *s, const char *kind);
/* How many inputs were parsed in two parts (FZ_STREAM_SPLIT) so far. */
size_t fz_stream_splits(const fz_stream *s);
void fz_stream_close(fz_stream *s);
/* The processors this program may use: $FAZHI_THREADS when it is a
 * number from 1, else those on line. */
int fz_nprocs(void);

/* ---------------------------------------------------------------- writer */

/* A YAML writer over libyaml's emitter: UTF-8 unescaped, block style
 * unless flow is asked, strings quoted whenever they would read back as
 * anything but a string. */
typedef struct fz_writer fz_writer;

/* A writer on out (not closed by the writer); owned by the caller. */
fz_writer *fz_writer_new(FILE *out);
/* The errno of the last failed write of a writer on standard output (0:
 * none), for the message fz_cli_finish gives at exit. */
extern int fz_stdout_errno;
/* Returns 0, or -1 once any write failed (then nothing more is written). */
int fz_writer_free(fz_writer *w);
int fz_write_doc_begin(fz_writer *w);
int fz_write_doc_end(fz_writer *w);
int fz_write_map_begin(fz_writer *w, int flow);
int fz_write_map_end(fz_writer *w);
int fz_write_seq_begin(fz_writer *w, int flow);
int fz_write_seq_end(fz_writer *w);
int fz_write_str(fz_writer *w, const char *s);
int fz_write_strn(fz_writer *w, const char *s, size_t len);
int fz_write_int(fz_writer *w, long long v);
int fz_write_bool(fz_writer *w, int v);
int fz_write_null(fz_writer *w);
int fz_write_money(fz_writer *w, int64_t fen);
int fz_write_date(fz_writer *w, int32_t date);
/* A plain scalar written as it is (numbers, dates the caller formatted). */
int fz_write_plain(fz_writer *w, const char *s);
/* A whole tree, scalars keeping their resolution. */
int fz_write_node(fz_writer *w, const fz_node *n);
/* key: then a value call. */
int fz_write_key(fz_writer *w, const char *key);
/* key: and a whole number. */
int fz_write_key_int(fz_writer *w, const char *key, long long v);
/* A flow sequence of n strings. */
int fz_write_strs(fz_writer *w, const char *const *v, size_t n);

/* ------------------------------------------------------------------ date */

/* A calendar date as days since 1970-01-01; FZ_NODATE when absent. */
typedef int32_t fz_date;
#define FZ_NODATE INT32_MIN

/* Parse "YYYY-MM-DD", or a datetime "YYYY-MM-DDTHH:MM[:SS]" whose time is
 * ignored.  Returns 0, or -1 for anything else (2019-02-30 included). */
int fz_date_parse(const char *s, size_t len, fz_date *out);
fz_date fz_date_make(int y, int m, int d);	/* no check */
void fz_date_split(fz_date d, int *y, int *m, int *day);
int fz_date_valid(int y, int m, int d);
/* 0 Monday .. 6 Sunday */
int fz_date_weekday(fz_date d);
/* "2019-03-05" into buf (at least 11 bytes). */
char *fz_date_format(fz_date d, char *buf);
/* Today in local time: the default of every --as-of. */
fz_date fz_date_today(void);

enum fz_period { FZ_P_NONE = -1, FZ_P_YEAR, FZ_P_QUARTER, FZ_P_MONTH,
	FZ_P_WEEK, FZ_P_DAY };
/* "year", "quarter", "month", "week", "day"; FZ_P_NONE otherwise. */
enum fz_period fz_period_parse(const char *name);
const char *fz_period_name(enum fz_period p);
/* The label of d's period: 2019, 2019-Q3, 2019-03, 2019-W09 (ISO 8601),
 * 2019-03-05; buf of at least 16 bytes. */
char *fz_period_label(enum fz_period p, fz_date d, char *buf);
/* The first and last day of d's period. */
void fz_period_bounds(enum fz_period p, fz_date d, fz_date *first,
    fz_date *last);
/* Parse "YYYY" or "YYYY-MM" into the first and last day. -1 when bad. */
int fz_year_parse(const char *s, fz_date *first, fz_date *last);
int fz_month_parse(const char *s, fz_date *first, fz_date *last);

/* -------------------------------------------------------------- calendar */

/* Working days: Monday to Friday, less holidays, plus make-up workdays. */
typedef struct fz_calendar fz_calendar;

/* An empty calendar (Monday to Friday), owned by the caller. */
fz_calendar *fz_calendar_new(void);
void fz_calendar_free(fz_calendar *c);
/* Add the days of a calendar document or of a holiday-cn year file. */
int fz_calendar_add_doc(fz_calendar *c, const fz_node *doc, fz_error *err);
/* Read every document of a file (kind calendar, or holiday-cn JSON).  The
 * name "cn" is the calendar shipped with fazhi (2018-2027). */
int fz_calendar_load(fz_calendar *c, const char *path, fz_error *err);
/* The path of a file shipped in fazhi's data folder: $FAZHI_DATADIR, the
 * source tree's data/ when run from the build tree, then the installed
 * package data folder.  Written into buf; NULL when found nowhere. */
char *fz_data_path(const char *name, char *buf, size_t size);
int fz_calendar_is_workday(const fz_calendar *c, fz_date d);
/* The n-th working day after d, d itself not counted (n >= 0; 0 is d). */
fz_date fz_calendar_add_workdays(const fz_calendar *c, fz_date d, int n);
/* Working days in (a, b], negative when b < a. */
int fz_calendar_workdays_between(const fz_calendar *c, fz_date a,
    fz_date b);
/* 1 when the calendar lists days of year y (holidays or workdays). */
int fz_calendar_covers(const fz_calendar *c, int year);

/* ---------------------------------------------------------------- schema */

enum fz_kind {
	FZ_KIND_NONE = -1,
	FZ_KIND_ENTITIES, FZ_KIND_INSPECTORS, FZ_KIND_PLAN, FZ_KIND_DRAW,
	FZ_KIND_INSPECTIONS, FZ_KIND_CASES, FZ_KIND_MATTERS,
	FZ_KIND_APPLICATIONS, FZ_KIND_CALENDAR, FZ_KIND_TALLY,
	FZ_KIND_METRICS, FZ_KIND_RESULTS, FZ_KIND_PROBLEMS,
	FZ_KIND_COUNT
};

enum fz_kind fz_kind_parse(const char *name);
const char *fz_kind_name(enum fz_kind k);
/* 1 for kinds that keep their records in records: */
int fz_kind_has_records(enum fz_kind k);

/* Field types of the record kinds. */
enum fz_type {
	FZ_T_STR,	/* const char * */
	FZ_T_DATE,	/* fz_date */
	FZ_T_INT,	/* long long, with FZ_NOINT when absent */
	FZ_T_BOOL,	/* int: -1 absent, 0, 1 */
	FZ_T_TRISTATE,	/* int: -1 absent, 0, 1, FZ_EXEMPT */
	FZ_T_MONEY,	/* int64_t fen, FZ_NOMONEY when absent */
	FZ_T_ENUM,	/* int index, -1 absent */
	FZ_T_ENUMS,	/* unsigned bit set of indexes, one value or a list */
	FZ_T_STRS	/* const fz_node * SEQ of strings, NULL when absent */
};
#define FZ_NOINT INT64_MIN
#define FZ_NOMONEY INT64_MIN
#define FZ_EXEMPT 2

/* An enumeration value and its Chinese alias. */
typedef struct fz_enum_value {
	const char *value;
	const char *alias;
} fz_enum_value;

typedef struct fz_field {
	const char *key;
	enum fz_type type;
	int required;
	const fz_enum_value *values;	/* FZ_T_ENUM(S): NULL-terminated */
	size_t offset;			/* into the kind's struct */
	long long min, max;		/* FZ_T_INT range */
} fz_field;

/* The fields of a record kind, NULL-key terminated; NULL otherwise. */
const fz_field *fz_kind_fields(enum fz_kind k);
const fz_field *fz_field_find(enum fz_kind k, const char *key);
/* The value of key in a decoded record of kind k, or, when the record
 * leaves it out, the default FORMATS.md gives (a static node), or NULL:
 * so that grouping and filtering see type: routine on a record that
 * does not say it. */
const fz_node *fz_record_get(enum fz_kind k, const fz_node *rec,
    const char *key);
/* The canonical value of an enumeration for a value or its alias. */
int fz_enum_lookup(const fz_enum_value *values, const char *s, size_t len);

/* Canonical values, by index, of the enumerations below. */
enum fz_risk { FZ_RISK_LOW, FZ_RISK_MEDIUM, FZ_RISK_HIGH };
enum fz_entity_status { FZ_ENTITY_ACTIVE, FZ_ENTITY_CLOSED };
enum fz_visit_type { FZ_VISIT_ROUTINE, FZ_VISIT_RANDOM, FZ_VISIT_JOINT,
	FZ_VISIT_SPECIAL, FZ_VISIT_NIGHT, FZ_VISIT_COMPLAINT };
enum fz_result { FZ_RESULT_OK, FZ_RESULT_VIOLATION, FZ_RESULT_BANNED };
enum fz_reporter { FZ_REPORTED_BUREAU, FZ_REPORTED_TOWN };
enum fz_source { FZ_SOURCE_INSPECTION, FZ_SOURCE_COMPLAINT,
	FZ_SOURCE_REFERRAL, FZ_SOURCE_TOWN_LEAD, FZ_SOURCE_RANDOM };
enum fz_penalty { FZ_PENALTY_WARNING, FZ_PENALTY_FINE,
	FZ_PENALTY_CONFISCATION, FZ_PENALTY_SUSPENSION,
	FZ_PENALTY_REVOCATION, FZ_PENALTY_NONE };
enum fz_level { FZ_LEVEL_ITEM, FZ_LEVEL_SUB, FZ_LEVEL_LEAF };
enum fz_matter_type { FZ_MT_LICENSING, FZ_MT_FILING, FZ_MT_CONFIRMATION,
	FZ_MT_PAYMENT, FZ_MT_RELAY, FZ_MT_AWARD, FZ_MT_PUBLIC_SERVICE };
enum fz_channel { FZ_CHANNEL_ONLINE, FZ_CHANNEL_MOBILE, FZ_CHANNEL_WINDOW };
enum fz_action { FZ_ACTION_NEW, FZ_ACTION_RENEWAL, FZ_ACTION_CHANGE,
	FZ_ACTION_CANCELLATION };
enum fz_outcome { FZ_OUTCOME_APPROVED, FZ_OUTCOME_REJECTED,
	FZ_OUTCOME_WITHDRAWN };

/* The records.  Strings point into the record's nodes. */
typedef struct fz_entity {
	const char *id, *name, *category, *town, *grade;
	int risk;
	fz_date last_inspected;
	int status;
} fz_entity;

typedef struct fz_inspector {
	const char *id, *name, *department, *squad;
	const fz_node *categories, *avoid;
	int active;
} fz_inspector;

typedef struct fz_inspection {
	fz_date date;
	const char *entity, *category, *town;
	const fz_node *inspectors;
	const char *outing;
	int type, result, leader_led, reported_by;
	const char *task, *case_id;
} fz_inspection;

typedef struct fz_case {
	const char *id;
	fz_date filed, closed, decided, legal_review, published;
	long long extended_days;
	const char *category, *town, *entity, *cause;
	int source;
	unsigned penalty;
	int64_t fine;
} fz_case;

typedef struct fz_matter {
	const char *code, *name, *parent, *office;
	int level, type;
	int online, mobile, zero_trip, instant;
	long long statutory_days, promised_days, materials, e_materials;
	int license, e_license;
} fz_matter;

typedef struct fz_application {
	const char *id, *matter;
	fz_date received, completed;
	int channel;
	long long trips;
	int action, outcome, site_survey, e_license;
	long long satisfaction;
} fz_application;

/* A report sink: with one, decoding goes on after a problem and reports
 * each; without one (NULL), it stops at the first error. */
enum fz_severity { FZ_WARNING, FZ_ERROR };
typedef struct fz_diag {
	void (*report)(void *ctx, int severity, const fz_node *at,
	    const char *msg);
	void *ctx;
	int strict;		/* report keys the kind does not name */
} fz_diag;

/* Decode a record of kind k from the MAP rec into the kind's struct out
 * (fz_entity, fz_inspector, ... as the kind says).  Enumeration values
 * are rewritten in rec to their canonical value.  Defaults of FORMATS.md
 * are applied.  Returns FZ_OK or FZ_DATAERR with err set to the first
 * error.  Strings in out point into rec. */
int fz_record_decode(enum fz_kind k, fz_node *rec, void *out,
    const fz_diag *diag, fz_error *err);
/* Parse a money scalar ("1250.50") into fen; -1 when not money. */
int fz_money_parse(const char *s, size_t len, int64_t *fen);
/* "1250.50" or "5000" into buf (at least 32 bytes). */
char *fz_money_format(int64_t fen, char *buf);
/* Parse a non-negative decimal integer; -1 when not one or too large. */
int fz_int_parse(const char *s, size_t len, long long *out);
/* 1 when the 18-character id's GB 32100 check character is right, 0 when
 * wrong, -1 when id is not an 18-character code at all. */
int fz_uscc_check(const char *id);

/* ----------------------------------------------------------------- where */

/* The --where KEY=VALUE filters of fazhi-tally and fazhi-metrics: a record
 * matches when every condition holds: its KEY equals VALUE (or, for a
 * list, one of its items does), VALUE given as the canonical value or its
 * Chinese alias.  A record without the key does not match. */
typedef struct fz_where fz_where;

fz_where *fz_where_new(void);		/* owned by the caller */
void fz_where_free(fz_where *w);
/* Add "KEY=VALUE" (copied).  FZ_USAGE with err set when malformed. */
int fz_where_add(fz_where *w, const char *expr, fz_error *err);
size_t fz_where_count(const fz_where *w);
/* The i-th condition, for writing it out. */
void fz_where_get(const fz_where *w, size_t i, const char **key,
    const char **value);
/* 1 when the decoded record rec of kind k matches every condition. */
int fz_where_match(const fz_where *w, enum fz_kind k, const fz_node *rec);

/* The text of a record's key for grouping: a scalar's text, a list's
 * items joined by ","; NULL when absent or null.  Memory from a. */
const char *fz_node_group_value(fz_arena *a, const fz_node *v);

/* ------------------------------------------------------------- directory */

/* An entity directory (检查对象名录库) by id. */
typedef struct fz_directory fz_directory;

fz_directory *fz_directory_new(void);	/* owned by the caller */
void fz_directory_free(fz_directory *d);
/* Add a decoded entity, copied.  FZ_DATAERR at `at` for a duplicate id. */
int fz_directory_add(fz_directory *d, const fz_entity *e, const fz_node *at,
    fz_error *err);
/* The entity of id, NULL when absent; valid as long as the directory. */
const fz_entity *fz_directory_find(const fz_directory *d, const char *id);
size_t fz_directory_count(const fz_directory *d);
/* Add every record of the entities documents of a file. */
int fz_directory_load(fz_directory *d, const char *path, fz_error *err);

/* ----------------------------------------------------------------- tally */

/* The indicators of FORMATS.md's tally, for one row or the totals. */
typedef struct fz_tally_counts {
	long long visits, units, person_times, outings, violations, banned,
	    leader_led, filed, closed, open, closed_on_time, overdue,
	    reviewed, published_on_time;
	int64_t fines;		/* fen */
} fz_tally_counts;

/* The indicator keys in output order, NULL-terminated. */
extern const char *const fz_tally_indicators[];

typedef struct fz_tally fz_tally;

/* A tally grouped by the keys of by (period keys year, quarter, month,
 * week, day, and any record key), in that order.  Returns a tally owned
 * by the caller, or NULL with err set (FZ_USAGE) when by names a period
 * twice or an empty key.  by is copied. */
fz_tally *fz_tally_new(char *const *by, int nby, fz_error *err);
void fz_tally_free(fz_tally *t);
/* Count only what falls within [from, to]; either may be FZ_NODATE, and
 * an open end is then the data's first or last date. */
void fz_tally_set_range(fz_tally *t, fz_date from, fz_date to);
/* The filters the records passed, written into the document (copied). */
void fz_tally_set_where(fz_tally *t, const fz_where *w);
/* Working days for published_on_time (borrowed; NULL: Monday-Friday). */
void fz_tally_set_calendar(fz_tally *t, const fz_calendar *c);
/* Add a decoded inspection; rec is its node, for the group keys. */
void fz_tally_add_inspection(fz_tally *t, const fz_inspection *in,
    const fz_node *rec);
/* Add a decoded case; FZ_DATAERR when its id was added before. */
int fz_tally_add_case(fz_tally *t, const fz_case *c, const fz_node *rec,
    fz_error *err);
/* Add a tally document written with --mergeable.  *t NULL: a new tally
 * with the document's by and where.  FZ_DATAERR when the merge cannot
 * be exact (no state, other by or where, a case that differs). */
int fz_tally_merge(fz_tally **t, const fz_node *doc, fz_error *err);
/* Compute the case indicators and order the rows (idempotent). */
void fz_tally_finish(fz_tally *t);
size_t fz_tally_nrows(const fz_tally *t);
/* Row i in output order; *keys receives its group values (NULL: null). */
const fz_tally_counts *fz_tally_row(const fz_tally *t, size_t i,
    const char *const **keys);
const fz_tally_counts *fz_tally_totals(const fz_tally *t);
/* Finish and write the tally document; with mergeable, the state an
 * exact merge needs.  0, or -1 on a write error. */
int fz_tally_write(fz_tally *t, fz_writer *w, int mergeable);

/* ---------------------------------------------------------------- output */

/* An output: standard output, or a temporary file beside the target
 * that replaces it only on fz_output_commit. */
typedef struct fz_output {
	FILE *fp;
	char *path;		/* target, NULL for standard output */
	char *tmp;		/* temporary file */
} fz_output;

/* path NULL or "-" is standard output.  Returns FZ_OK or FZ_CANTCREAT. */
int fz_output_open(fz_output *o, const char *path, fz_error *err);
/* Flush, check, close and rename into place: FZ_OK or FZ_IOERR/CANTCREAT;
 * on failure the temporary file is removed and the target untouched. */
int fz_output_commit(fz_output *o, fz_error *err);
/* Remove the temporary file; the target is untouched. */
void fz_output_abort(fz_output *o);

/* ------------------------------------------------------------------- cli */

/* Shared program behaviour.  Every program declares one of these. */
typedef struct fz_cli {
	const char *prog;	/* "fazhi-tally" */
	const char *usage;	/* the synopsis, one or more lines */
	const char *help;	/* the options, for --help */
	const char *output;	/* -o FILE, NULL for standard output */
	int progress;		/* --progress */
} fz_cli;

/* Long options every program has; merge them into the program's own. */
#define FZ_CLI_OPTIONS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "progress", no_argument, NULL, 'P' }
#define FZ_CLI_SHORT "ho:V"

/* Handle a common option: returns -1 when the caller should go on, or a
 * status to return from main (0 after --help or --version). */
int fz_cli_common(fz_cli *c, int opt, const char *arg);
/* "prog: message" and the Try line on stderr; returns FZ_USAGE. */
int fz_cli_usage(const fz_cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "prog: file:line:col: message" on stderr; returns err->status. */
int fz_cli_fail(const fz_cli *c, const fz_error *err);
/* "prog: warning: ..." style message on stderr. */
void fz_cli_warn(const fz_cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Flush and close standard output; a write error turns status into
 * FZ_IOERR with a message.  Returns the exit status. */
int fz_cli_finish(const fz_cli *c, int status);
/* Hook the stream's progress to a line on stderr, when it is a terminal
 * or --progress was given. */
void fz_cli_progress(fz_cli *c, fz_stream *s);
/* Read the inputs (files, or standard input when nfiles is 0) through
 * one stream opened with flags, with that progress line: each event
 * goes to take, in order.  FZ_OK at the end, or the first status of the
 * reading or of take (err filled). */
typedef int (*fz_cli_take_fn)(void *ctx, fz_stream *s, const fz_event *ev,
    fz_error *err);
int fz_cli_read(fz_cli *c, char **files, int nfiles, unsigned flags,
    fz_cli_take_fn take, void *ctx, fz_error *err);

/* The period options of the programs that count: --from and --to, or
 * --month, or --year.  from and to are FZ_NODATE when not given. */
typedef struct fz_cli_range {
	fz_date from, to;
	int flags;		/* which of the three ways was used */
} fz_cli_range;

enum { FZ_OPT_FROM = 0x4000, FZ_OPT_TO, FZ_OPT_MONTH, FZ_OPT_YEAR };
#define FZ_CLI_RANGE_OPTIONS \
	{ "from", required_argument, NULL, FZ_OPT_FROM }, \
	{ "to", required_argument, NULL, FZ_OPT_TO }, \
	{ "month", required_argument, NULL, FZ_OPT_MONTH }, \
	{ "year", required_argument, NULL, FZ_OPT_YEAR }

/* r with no period. */
void fz_cli_range_init(fz_cli_range *r);
/* Handle one of the FZ_OPT_ options: -1 to go on, or FZ_USAGE after a
 * message. */
int fz_cli_range_option(const fz_cli *c, fz_cli_range *r, int opt,
    const char *arg);
/* After the options: -1 when they agree, or FZ_USAGE after a message. */
int fz_cli_range_check(const fz_cli *c, const fz_cli_range *r);

/* Write one YAML output to path (NULL: standard output) with write(w,
 * ctx), atomically: FZ_OK, or the status of the failure with err set. */
int fz_output_yaml(const char *path, int (*write)(fz_writer *w, void *ctx),
    void *ctx, fz_error *err);

/* ---------------------------------------------------------------- ticket and draw (lib/ticket.c, lib/draw.c) */

/* The hash of a draw (DRAW.md): SHA-256, or SM3 (GB/T 32905). */
enum fz_hash { FZ_HASH_SHA256, FZ_HASH_SM3 };
#define FZ_DIGEST_SIZE 32	/* bytes of either digest */
#define FZ_DIGEST_HEX 65	/* its lowercase hex and a NUL */
#define FZ_TICKET_SIZE 81	/* "0.", at most 78 digits, a NUL */

/* "sha256" or "sm3"; fz_hash_parse gives -1 for any other name. */
const char *fz_hash_name(enum fz_hash h);
int fz_hash_parse(const char *s, size_t len);

/* An incremental digest.  fz_digest_new returns one owned by the caller,
 * NULL when libcrypto lacks the hash.  fz_digest_hex writes the hex of
 * what was given so far and leaves d open to more. */
typedef struct fz_digest fz_digest;
fz_digest *fz_digest_new(enum fz_hash h);
void fz_digest_free(fz_digest *d);
void fz_digest_update(fz_digest *d, const void *buf, size_t len);
/* dst takes src's state; both of the same hash. */
void fz_digest_copy(fz_digest *dst, const fz_digest *src);
void fz_digest_hex(const fz_digest *d, char hex[FZ_DIGEST_HEX]);
/* The hex digest of buf; -1 when libcrypto lacks the hash. */
int fz_hash_hex(enum fz_hash h, const void *buf, size_t len,
    char hex[FZ_DIGEST_HEX]);

/* DRAW.md steps 3-4: the digest as a 256-bit big-endian integer, in
 * decimal padded to 64 digits, reversed, after "0.". */
void fz_ticket_format(const unsigned char md[FZ_DIGEST_SIZE],
    char ticket[FZ_TICKET_SIZE]);
/* Steps 3-4 on the digest of buf (consistent_sampler's sha256_uniform);
 * -1 when libcrypto lacks the hash. */
int fz_hash_uniform(enum fz_hash h, const void *buf, size_t len,
    char ticket[FZ_TICKET_SIZE]);
/* The first nine digits of the ticket of md, as an integer: tickets with
 * different leads are ordered as their leads. */
uint32_t fz_ticket_lead(const unsigned char md[FZ_DIGEST_SIZE]);
/* <0, 0, >0 as the ticket of a is below, equal to, above that of b. */
int fz_ticket_cmp(const unsigned char a[FZ_DIGEST_SIZE],
    const unsigned char b[FZ_DIGEST_SIZE]);

/* Tickets under one seed (step 1 done once).  The identifier ticketed is
 * the prefix last set (none at first) followed by id, so the inspector
 * tickets of an entity E hash E.id + "|" once.  fz_ticketer_new copies
 * nothing it is given and returns a ticketer owned by the caller, NULL
 * when libcrypto lacks the hash.  A ticketer is not shared by threads. */
typedef struct fz_ticketer fz_ticketer;
fz_ticketer *fz_ticketer_new(enum fz_hash h, const char *seed, size_t len);
void fz_ticketer_free(fz_ticketer *t);
void fz_ticketer_prefix(fz_ticketer *t, const char *prefix, size_t len);
/* Step 2: the digest n of the identifier. */
void fz_ticketer_digest(fz_ticketer *t, const char *id, size_t len,
    unsigned char md[FZ_DIGEST_SIZE]);
/* fz_ticket_lead of that digest, at less cost. */
uint32_t fz_ticketer_lead(fz_ticketer *t, const char *id, size_t len);
/* The first three digits of the ticket, 0 to 999, at less cost still:
 * tickets with different heads are ordered as their heads. */
uint32_t fz_ticketer_head(fz_ticketer *t, const char *id, size_t len);
/* The ticket of the identifier. */
void fz_ticket(fz_ticketer *t, const char *id, size_t len,
    char ticket[FZ_TICKET_SIZE]);

/* A condition of a stratum: the entity's field equals one of values
 * (enumerations as their canonical value, index in indexes). */
typedef struct fz_draw_cond {
	const fz_field *field;		/* an entity field, FZ_T_STR or ENUM */
	const char **values;
	int *indexes;
	size_t nvalues;
} fz_draw_cond;

typedef struct fz_stratum {
	const char *name;
	fz_draw_cond *where;		/* all must hold; none: every entity */
	size_t nwhere;
	long long count;		/* -1 when the stratum has a ratio */
	uint64_t ratio_num, ratio_den;	/* the exact decimal ratio, num/den */
	const fz_node *at;		/* for messages */
} fz_stratum;

/* The plan document (FORMATS.md "plan"). */
typedef struct fz_plan {
	const char *task, *seed;
	size_t seed_len;
	fz_date date;
	int hash;			/* enum fz_hash, -1 when not named */
	fz_stratum *strata;
	size_t nstrata;
	long long team_size;		/* at least 2 */
	const char **departments;	/* team.departments, in order */
	const fz_node **department_at;
	size_t ndepartments;
	long long max_per_inspector;	/* 0: no cap */
	long long exclude_days;		/* exclude_inspected_within_days, 0: none */
	const fz_node *doc, *hash_at;
} fz_plan;

/* Decode the plan document doc into plan: every error of FORMATS.md and
 * DRAW.md with its position (FZ_DATAERR, err set), the warning of a seed
 * under 15 digits to diag (may be NULL).  plan points into doc and into
 * memory from a; both must outlive it. */
int fz_plan_decode(const fz_node *doc, fz_plan *plan, fz_arena *a,
    const fz_diag *diag, fz_error *err);

/* One entity taken, in draw order. */
typedef struct fz_draw_pick {
	size_t entity;			/* index into the entities */
	size_t stratum;
	char ticket[FZ_TICKET_SIZE];
	size_t *team;			/* indexes into the inspectors, as taken */
	size_t nteam;			/* 0 when unfilled */
	const char *unfilled;		/* why no team could be formed, or NULL */
} fz_draw_pick;

/* The result of a draw.  It borrows the plan, entities and inspectors
 * it was run on. */
typedef struct fz_draw {
	const fz_plan *plan;
	const fz_entity *entities;
	const fz_inspector *inspectors;
	enum fz_hash hash;
	size_t *population, *selected;	/* per stratum */
	size_t closed, recent, unmatched;	/* entities left out */
	fz_draw_pick *picks;
	size_t npicks, nunfilled;
	fz_arena *arena;		/* picks, teams, reasons */
} fz_draw;

/* Run the draw of DRAW.md over decoded entities and inspectors (ids
 * unique and without '|', as fz_draw_read checks).  Warnings (a stratum
 * that matches nothing, entities in no stratum) go to diag, which may be
 * NULL; a report's node is NULL when it has no place.  Returns FZ_OK, or
 * FZ_DATAERR with err set when a department of team.departments has no
 * active inspector.  d is filled and owned by the caller: fz_draw_free. */
int fz_draw_run(fz_draw *d, const fz_plan *plan, enum fz_hash h,
    const fz_entity *entities, size_t nentities,
    const fz_inspector *inspectors, size_t ninspectors,
    const fz_diag *diag, fz_error *err);
void fz_draw_free(fz_draw *d);

/* The inputs of a draw, read from files by kind in any order. */
enum fz_draw_input { FZ_IN_PLAN, FZ_IN_ENTITIES, FZ_IN_INSPECTORS,
	FZ_IN_COUNT };

typedef struct fz_draw_inputs {
	fz_plan plan;
	fz_entity *entities;
	size_t nentities;
	fz_inspector *inspectors;
	size_t ninspectors;
	enum fz_hash hash;		/* the draw's hash, once read */
	size_t records[FZ_IN_COUNT];	/* records (plan: documents) read */
	char digest[FZ_IN_COUNT][FZ_DIGEST_HEX];
	struct fz_draw_store *store;	/* private */
} fz_draw_inputs;

/* Read the plan, entities and inspectors of the stream s (opened without
 * FZ_STREAM_KEEP; its tap is taken) into in, with the digests of DRAW.md.
 * The hash is force when it is not -1 (a plan naming another is an
 * error), else the plan's, else fallback.  Errors (FZ_DATAERR, or the
 * stream's): every error of the plan, no plan or two, duplicate ids, '|'
 * in an id, a document of another kind.  Warnings (an 18-character id
 * whose check character is wrong, a short seed) go to diag (may be NULL).
 * in is owned by the caller: fz_draw_inputs_free, also after an error. */
int fz_draw_read(fz_draw_inputs *in, fz_stream *s, int force,
    enum fz_hash fallback, const fz_diag *diag, fz_error *err);
void fz_draw_inputs_free(fz_draw_inputs *in);

/* The draw document of FORMATS.md for d read from in, as a tree owned by
 * a: what fazhi-draw writes and what --verify compares. */
fz_node *fz_draw_document(const fz_draw *d, const fz_draw_inputs *in,
    fz_arena *a);

/* Compare a published draw document with the recomputed one: each
 * difference goes to report (at: the published node nearest to it), the
 * digests first.  Returns the number of differences. */
typedef void (*fz_draw_diff_fn)(void *ctx, const fz_node *at,
    const char *msg);
size_t fz_draw_compare(const fz_node *published, const fz_node *recomputed,
    fz_draw_diff_fn report, void *ctx);

/* end of ticket and draw */

/* ---------------------------------------------------------------- metrics (lib/metrics.c) */

/* The "最多跑一次" approval figures of fazhi-metrics(1): the matter
 * catalogue, the applications of a period and the rates of FORMATS.md,
 * every rate an exact fraction.  Matters are kept (a few thousand);
 * applications are counted and forgotten, so memory does not grow with
 * their number.  The matters must be added before the applications to
 * them. */

/* The rates, in the order they are written. */
enum fz_rate_id {
	FZ_RATE_ONLINE, FZ_RATE_MOBILE, FZ_RATE_ZERO_TRIP, FZ_RATE_INSTANT,
	FZ_RATE_TIME_COMPRESSION, FZ_RATE_E_MATERIAL, FZ_RATE_E_LICENSE,
	FZ_RATE_ONLINE_COMPLETION, FZ_RATE_SATISFACTION,
	FZ_RATE_MEAN_WORKDAYS, FZ_RATE_ON_TIME,
	FZ_RATE_COUNT
};

typedef struct fz_fraction {
	long long num, den;
} fz_fraction;

/* "online_rate", "网上办实现率" ...: static strings. */
const char *fz_rate_key(enum fz_rate_id r);
const char *fz_rate_label(enum fz_rate_id r);
/* num/den (both >= 0) as a decimal rounded half up to 4 places, trailing
 * zeros dropped ("1", "0.9813"), by integer arithmetic; "null" when den
 * is 0.  Written into buf (at least 32 bytes), which is returned. */
char *fz_fraction_format(fz_fraction f, char *buf);

/* The figures of a group of matters, or of the whole catalogue.
 * Applications counts are of completed applications unless named
 * otherwise (received, pending). */
typedef struct fz_metrics_figures {
	long long matters, counted;	/* all; without children */
	long long by_level[3];		/* enum fz_level, all matters */
	long long by_type[7];		/* enum fz_matter_type, counted */
	long long received, completed, pending;
	long long by_action[4], by_channel[3], by_outcome[3];
	long long site_surveys;
	fz_fraction rates[FZ_RATE_COUNT];
} fz_metrics_figures;

enum fz_metrics_by { FZ_BY_NONE, FZ_BY_MATTER, FZ_BY_TYPE, FZ_BY_OFFICE };
/* "matter", "type", "office"; -1 for anything else. */
int fz_metrics_by_parse(const char *name);

/* One row of --by: the group's value (matter code, type, office; NULL
 * for matters without an office) and, by matter, the matter's name. */
typedef struct fz_metrics_row {
	const char *group, *name;
	fz_metrics_figures figures;
} fz_metrics_row;

typedef struct fz_metrics fz_metrics;

/* Metrics of the applications of [from, to]; either bound may be
 * FZ_NODATE (open).  cal may be NULL (Monday to Friday); it must outlive
 * m.  Returns metrics owned by the caller. */
fz_metrics *fz_metrics_new(const fz_calendar *cal, fz_date from,
    fz_date to);
void fz_metrics_free(fz_metrics *m);
/* Count only the applications that pass the conditions of w (copied),
 * with the records given to the add functions: a condition on a key of
 * applications is tested on the application, one on a key only matters
 * have (office, type, level ...) on its matter.  Before the first add. */
void fz_metrics_set_where(fz_metrics *m, const fz_where *w);

/* Add a matter to the catalogue.  Its strings are copied; rec (may be
 * NULL) is its record, for the positions of errors, and is not kept.
 * FZ_DATAERR for a duplicate code, promised_days above statutory_days
 * or e_materials above materials. */
int fz_metrics_add_matter(fz_metrics *m, const fz_matter *mt,
    const fz_node *rec, fz_error *err);
/* The matter of a code, NULL when unknown.  Owned by m. */
const fz_matter *fz_metrics_matter(const fz_metrics *m, const char *code);

/* Count one application (rec as above).  FZ_DATAERR for an unknown
 * matter or a completion before receipt. */
int fz_metrics_add_application(fz_metrics *m, const fz_application *a,
    const fz_node *rec, fz_error *err);

/* Cross-references of the catalogue, after its last matter and before
 * the figures are asked: a parent that does not exist, a cycle in the
 * parent chain, a sub or leaf without a parent.  FZ_OK or FZ_DATAERR. */
int fz_metrics_check(fz_metrics *m, fz_error *err);

/* The figures over the whole catalogue. */
void fz_metrics_total(const fz_metrics *m, fz_metrics_figures *out);
/* The rows of a grouping (not FZ_BY_NONE), in catalogue order (by type:
 * in the order of the enumeration); *rows is owned by m and valid until
 * the next call.  Returns the number of rows. */
size_t fz_metrics_rows(fz_metrics *m, enum fz_metrics_by by,
    const fz_metrics_row **rows);
/* The period written: the bounds given, an open one replaced by the
 * earliest receipt or latest date of the applications counted
 * (FZ_NODATE when there are none). */
void fz_metrics_period(const fz_metrics *m, fz_date *from, fz_date *to);

/* Write the metrics document (lib/metrics_io.c): kind, version, from,
 * to, catalogue, applications, rates, then with a grouping by and rows.
 * Returns 0, or -1 when a write failed. */
int fz_metrics_write(fz_metrics *m, fz_writer *w, enum fz_metrics_by by);

/* end of metrics */

/* ---------------------------------------------------------------- mustache and render (lib/mustache.c, lib/render*.c) */

/* Chinese words (lib/labels.c), the one table reports, CSV and xlsx
 * headers share.  Static strings; NULL when there is none. */
/* The word for a key: "visits" 检查单位家次, "tally" 执法统计 ... */
const char *fz_label(const char *key);
/* The word for an enumeration value of the field key of any record
 * kind: ("result", "violation") 违规, ("channel", "online") 网上 ... */
const char *fz_value_label(const char *key, const char *value);
/* The i-th key of the table in key order and its word in *label; NULL
 * past the end. */
const char *fz_label_at(size_t i, const char **label);
/* 1 for a rate that is a mean (满意度, 平均办理时间): shown as a number,
 * never as a percent. */
int fz_rate_is_mean(const char *key);

/* A growing buffer of bytes, NUL-terminated once anything was added.
 * Start it as { 0 }; data is owned by the buffer until fz_buf_free. */
typedef struct fz_buf {
	char *data;
	size_t len, cap;
} fz_buf;
void fz_buf_add(fz_buf *b, const char *s, size_t len);
void fz_buf_free(fz_buf *b);

/* Mustache templates (lib/mustache.c, lib/mustache_render.c), as the
 * mustache spec says: interpolation, sections, inverted sections,
 * comments, set delimiters, partials, template inheritance (parents and
 * blocks) and dynamic names, over a tree of nodes.  A plain scalar
 * resolves as YAML 1.1 does: null, false, 0 and "" are falsey, as are
 * an empty list and a missing name; a decimal prints without trailing
 * zeros (1.50 as 1.5). */
enum fz_escape {
	FZ_ESCAPE_NONE,		/* text and Markdown */
	FZ_ESCAPE_HTML		/* {{x}} escapes & < > " ' */
};

/* The source of a partial, as a partial function gives it. */
typedef struct fz_partial {
	char *src;		/* malloc'd; the template takes it */
	size_t len;
	char *path;		/* malloc'd, taken: its name in messages */
} fz_partial;

/* Finds the partial (or parent) called name for {{>name}}: FZ_OK with
 * out filled, or with out->src NULL when there is none (it renders as
 * nothing); or another status with err's message set (a name that is
 * refused), which the template points at the tag. */
typedef int (*fz_partial_fn)(void *ctx, const char *name, fz_partial *out,
    fz_error *err);

typedef struct fz_template fz_template;

/* Parse src[0..len) (copied); name is the template's name in messages.
 * FZ_OK with *out owned by the caller (fz_template_free), or FZ_DATAERR
 * with err at the line and column of the fault. */
int fz_template_parse(const char *name, const char *src, size_t len,
    fz_template **out, fz_error *err);
void fz_template_free(fz_template *t);
/* Where partials come from; without it every partial is missing.  Each
 * name is asked once and kept. */
void fz_template_set_partials(fz_template *t, fz_partial_fn fn, void *ctx);
/* Render with data as the context (NULL: an empty one), appending to
 * out.  FZ_OK; FZ_DATAERR when a partial does not parse or partials nest
 * deeper than 256; or the status of the partial function. */
int fz_template_render(fz_template *t, const fz_node *data,
    enum fz_escape escape, fz_buf *out, fz_error *err);
/* The same onto fp; FZ_IOERR when writing fails. */
int fz_template_render_file(fz_template *t, const fz_node *data,
    enum fz_escape escape, FILE *fp, fz_error *err);

/* The context fazhi-render renders over (lib/render.c), as
 * fazhi-templates(7) tells: the first document of each kind under its
 * kind (tally), all of them in KIND_list (tally_list), every document in
 * documents, the keys of documents without kind at the top; and helpers
 * added everywhere: percent and bar of a rate, KEY_yuan of money,
 * KEY_label of an enumeration value, KEY_cn of a date, KEY_count and
 * KEY_items, index, first and last in lists, the tables of each
 * document (as CSV shows them), a tally's columns, cells and charts, a
 * draw's teams, tally_by and labels at the top. */
typedef struct fz_render_ctx fz_render_ctx;

/* An empty context owned by the caller. */
fz_render_ctx *fz_render_ctx_new(void);
void fz_render_ctx_free(fz_render_ctx *c);
/* Add a document of kind (NULL: none); doc is copied.  FZ_OK, or
 * FZ_DATAERR with err set when a known kind has the wrong shape (the
 * tables of fz_tableset_add_doc). */
int fz_render_ctx_add(fz_render_ctx *c, const fz_node *doc,
    const char *kind, fz_error *err);
/* Add an event of fz_stream_next (without FZ_STREAM_KEEP): a record
 * kind's records are gathered into records: of their document.  FZ_OK,
 * or FZ_DATAERR with err set when a document is not a mapping. */
int fz_render_ctx_add_event(fz_render_ctx *c, const fz_event *ev,
    fz_error *err);
/* The context, owned by c and valid until the next add or free. */
const fz_node *fz_render_ctx_root(fz_render_ctx *c);

/* Templates on disk (lib/render_files.c).  builtin is the folder of the
 * built-in templates; its subfolders text, md and html hold the widgets
 * of each format (page, h1, p, tally-table ...). */
/* Open which: a template file when it holds a / or ends in .mustache or
 * names a file, else the built-in of that name.  Its partials are looked
 * for beside it, then in builtin/format, then in builtin; a partial
 * whose name would leave those folders is refused (FZ_DATAERR at the
 * tag).  FZ_OK with *out (fz_template_free); FZ_USAGE for an unknown
 * built-in or format, FZ_NOINPUT, FZ_DATAERR. */
int fz_template_open(const char *builtin, const char *format,
    const char *which, fz_template **out, fz_error *err);
/* "name<TAB>description<LF>" for each built-in, sorted, onto out. */
int fz_templates_list(const char *builtin, fz_buf *out, fz_error *err);
/* The text of a built-in, or of a widget named FORMAT/NAME, onto out;
 * FZ_USAGE when there is none. */
int fz_template_dump(const char *builtin, const char *name, fz_buf *out,
    fz_error *err);

/* end of mustache and render */

/* ---------------------------------------------------------------- tables, csv and xlsx (lib/table.c, lib/csvout.c, lib/xlsx.c) */

/* The table of a fazhi document, for CSV and xlsx: tally rows and their
 * totals, metrics rates and counts, draw selections, one row per record
 * of a record kind, or key/value rows of any other mapping.  Headers are
 * Chinese (fz_label).  Everything a table holds is copied into its
 * tableset, so nodes may be freed once added. */
enum fz_ctype {
	FZ_C_TEXT,	/* text */
	FZ_C_INT,	/* integer: num */
	FZ_C_MONEY,	/* money: num fen */
	FZ_C_RATE,	/* num / den shown as a percent */
	FZ_C_MEAN,	/* num / den shown as a number (a mean score) */
	FZ_C_DATE	/* num is an fz_date */
};

typedef struct fz_cell {
	unsigned char type;	/* enum fz_ctype */
	unsigned char empty;	/* absent, null, or a ratio over 0 */
	const char *text;	/* FZ_C_TEXT, never NULL then */
	long long num, den;
} fz_cell;

typedef struct fz_column {
	const char *key;	/* "visits" */
	const char *label;	/* the header: "检查单位家次" */
	unsigned char type;	/* enum fz_ctype: the type its cells are meant to have */
} fz_column;

/* A row: cells past n are empty. */
typedef struct fz_row {
	fz_cell *cells;
	size_t n;
} fz_row;

typedef struct fz_table {
	const char *kind;	/* "tally" ...; NULL for a document without kind */
	const char *name;	/* short Chinese name: the kind's label, "数据" */
	const char *title;	/* name, part and period: "统计 2019-01-01 至 2019-12-31" */
	const char *file;	/* where the document begins */
	unsigned line, col;
	fz_date to;		/* the document's to:, FZ_NODATE when none */
	fz_column *cols;
	size_t ncols;
	fz_row *rows;
	size_t nrows;
	size_t ngroup;		/* tally: the leading group-key columns */
	int period_col;		/* tally: the first period key's column, or -1 */
	int totals;		/* 1: the last row is the totals row (合计) */
	struct fz_table *next;	/* the next table of the same document */
	size_t cap_cols, cap_rows;
} fz_table;

typedef struct fz_tableset {
	fz_table **docs;	/* the first table of each document, in order */
	size_t ndocs;
	/* private */
	fz_arena *arena;
	size_t cap;
	fz_table *open;		/* the record table events are filling */
	fz_cell *scratch;
	size_t nscratch, cap_scratch;
} fz_tableset;

/* An empty set owned by the caller; free with fz_tableset_free. */
fz_tableset *fz_tableset_new(void);
void fz_tableset_free(fz_tableset *ts);
/* Add the tables of one document: a MAP whose kind: says what it is
 * (a record kind keeps its records in records:).  file names it in
 * messages and may be NULL.  FZ_OK, or FZ_DATAERR with err set when a
 * known kind has the wrong shape (rows: not a list ...). */
int fz_tableset_add_doc(fz_tableset *ts, const fz_node *doc,
    const char *file, fz_error *err);
/* Add an event of fz_stream_next (any flags): records go one by one into
 * their document's table, so a record kind need not be kept whole. */
int fz_tableset_add_event(fz_tableset *ts, const fz_event *ev,
    fz_error *err);
/* The text of a cell as CSV writes it: "42", "1250.50", "98.34%", "8.50",
 * "2019-03-05", "" when empty; a text cell's own text.  Returns a pointer
 * to buf (at least 48 bytes) or to the cell's text. */
const char *fz_cell_format(const fz_cell *c, char *buf);
/* num / den rounded half away from zero to `decimals` places (0..6), as
 * a percent ("98.34%") when percent is set; den must not be 0. */
char *fz_ratio_format(long long num, long long den, int decimals,
    int percent, char *buf);

/* CSV (RFC 4180): CRLF line ends, a field quoted when it holds a comma,
 * quote, CR or LF, quotes doubled.  Text that starts with = + - @, tab or
 * CR gets a leading ' so that no spreadsheet reads it as a formula.
 * With more than one table, each is preceded by a line holding its title
 * and followed by an empty line. */
enum fz_csv_flags { FZ_CSV_BOM = 1 };	/* begin with a UTF-8 BOM */
/* FZ_OK, or FZ_IOERR when writing out fails (out is not closed). */
int fz_csv_write(FILE *out, const fz_tableset *ts, unsigned flags,
    fz_error *err);
/* Write one field, neutralised and quoted as above: 0, or EOF. */
int fz_csv_field(FILE *out, const char *s);

/* xlsx through libxlsxwriter: one sheet per document, Chinese header
 * row, number formats, frozen header, autofilter, totals row, and a
 * native chart for every tally by a period.  Every part of the zip
 * depends on the tables alone (the creation date is the first
 * document's to:, else 2000-01-01).  Text is always a string cell,
 * never a formula. */
/* Write the workbook to path (created or truncated; libxlsxwriter's
 * temporary files go beside it).  FZ_OK, FZ_CANTCREAT or FZ_IOERR; a
 * failed write may leave path partly written: give it a temporary name
 * (fz_output's tmp) and rename on success. */
int fz_xlsx_write(const char *path, const fz_tableset *ts, fz_error *err);
/* The workbook copied onto out (standard output) through a temporary
 * file in tmpdir (NULL: /tmp), which is removed. */
int fz_xlsx_stream(FILE *out, const char *tmpdir, const fz_tableset *ts,
    fz_error *err);
/* The workbook into an open fz_output: with a target, into its
 * temporary file (nothing is written to o->fp; then fz_output_commit,
 * or fz_output_abort on failure), errors naming the target; on standard
 * output, through fz_xlsx_stream in $TMPDIR or /tmp. */
int fz_xlsx_output(fz_output *o, const fz_tableset *ts, fz_error *err);
/* A valid, unique sheet name for want into out (at least 128 bytes):
 * []:*?/\ become _, no ' at either end, at most 31 characters, and
 * "~2", "~3" ... appended when one of used[0..nused) has it (case
 * folded). */
char *fz_sheet_name(const char *want, char *const *used, size_t nused,
    char *out);

/* end of tables, csv and xlsx */

/* ---------------------------------------------------------------- check and import (lib/rules.c, lib/import.c) */

/* fazhi-check.  A check takes the records one at a time and checks
 * each as it comes; what a record refers to and is not yet known (its
 * directory may come later) is settled at the end.  Every problem is
 * reported at the end, sorted in file order (files in the order first
 * met, then line and column).  Memory grows with the distinct ids and
 * the problems, not with the records. */

/* Severity of a --due-within line: a date coming, not a problem. */
#define FZ_NOTE 2

typedef struct fz_check_opts {
	fz_date as_of;		/* later dates are errors, due dates count
				 * from it; FZ_NODATE: today */
	int rules;		/* the legal rules (--rules) */
	int strict;		/* report keys a kind does not name */
	int due_within;		/* days for --due-within, -1 for none */
	const fz_calendar *calendar;	/* working days; NULL: Monday to Friday */
} fz_check_opts;

/* One problem; severity is FZ_WARNING, FZ_ERROR or FZ_NOTE.  file and
 * msg are valid only during the call. */
typedef void (*fz_problem_fn)(void *ctx, int severity, const char *file,
    unsigned line, unsigned col, const char *msg);

typedef struct fz_check fz_check;

/* A check owned by the caller; o is copied (the calendar is borrowed
 * and must outlive the check). */
fz_check *fz_check_new(const fz_check_opts *o);
void fz_check_free(fz_check *c);
/* Decode rec, a record of kind k, and check it, keeping every problem
 * of it.  rec is used during the call only (enumerations are rewritten
 * to their canonical values).  Returns FZ_OK, or FZ_DATAERR when rec is
 * not a valid record. */
int fz_check_record(fz_check *c, enum fz_kind k, fz_node *rec);
/* Check a decoded record (an fz_entity, fz_case ... as k says) whose
 * problems are placed at node at or its keys; both are used during the
 * call only.  For callers that build records without files. */
void fz_check_add(fz_check *c, enum fz_kind k, const void *rec,
    const fz_node *at);
/* Check a document (its node without records, kind its kind: NULL
 * when it has none): the kind is known, version is 1, a calendar reads
 * as one; --strict: no other key beside records.  References to a kind
 * are checked only when some document of it was given.  doc is used
 * during the call only. */
void fz_check_doc(fz_check *c, const char *kind, const fz_node *doc);
/* Keep a problem found outside the records (a document, a cell). */
void fz_check_report(fz_check *c, int severity, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Check the records together, then call fn with every problem kept, in
 * file order; counts[severity] receives the number of each (counts may
 * be NULL).  Call once. */
void fz_check_finish(fz_check *c, fz_problem_fn fn, void *ctx,
    size_t counts[3]);

/* fazhi-import: CSV (RFC 4180) into the records of one kind. */
enum fz_encoding { FZ_ENC_UTF8, FZ_ENC_GB18030, FZ_ENC_GBK };
/* "utf-8", "gb18030", "gbk" (any case, utf8 too); -1 otherwise. */
int fz_encoding_parse(const char *name);

/* A date as spreadsheets write it: 2019-3-5, 2019/3/5, 2019.3.5,
 * 2019年3月5日, 20190305, with a time after a space or T ignored.
 * Returns 0, or -1 when it is not a valid date. */
int fz_import_date(const char *s, size_t len, fz_date *out);
/* The canonical node of a cell for field f: a SEQ for lists (split on
 * 、 ， ； , ;), a scalar otherwise, NULL for an empty cell.  Aliases
 * become canonical values, dates ISO 8601, 是/否 true/false, 1,250元
 * 1250; text not recognised is kept as it is, for fz_record_decode to
 * report.  The node and its text are owned by a. */
fz_node *fz_import_value(fz_arena *a, const fz_field *f, const char *s,
    size_t len);
/* The built-in key of a column header for kind k, NULL when none: a
 * usual Chinese header (统一社会信用代码 ...) or the key itself. */
const char *fz_import_header_key(enum fz_kind k, const char *header,
    size_t len);
/* The built-in headers of kind k: the i-th header and its key, 0 past
 * the end. */
int fz_import_builtin(enum fz_kind k, size_t i, const char **header,
    const char **key);

typedef struct fz_import fz_import;

/* An import of records of kind k from the CSV named file (used in
 * messages; copied), in encoding enc, checked as of as_of (FZ_NODATE:
 * today).  Owned by the caller; NULL when k has no records or iconv
 * cannot convert from enc. */
fz_import *fz_import_new(enum fz_kind k, enum fz_encoding enc,
    const char *file, fz_date as_of);
void fz_import_free(fz_import *im);
/* The column map 'COLUMN=key,...' (key "-" skips the column), before
 * any feed.  Returns FZ_OK or FZ_USAGE with err set. */
int fz_import_map(fz_import *im, const char *spec, fz_error *err);
/* The next bytes of the CSV.  Returns FZ_OK; a CSV syntax error is
 * kept and reported by fz_import_end. */
int fz_import_feed(fz_import *im, const void *buf, size_t len);
/* End the input; call fn with every problem in row order and set
 * *records to the SEQ of records (owned by im).  Returns FZ_OK (warnings
 * allowed) or FZ_DATAERR with err set to the first error. */
int fz_import_end(fz_import *im, fz_problem_fn fn, void *ctx,
    const fz_node **records, fz_error *err);
/* Write the document kind: K, version: 1, records: [...]. */
int fz_import_write(fz_writer *w, enum fz_kind k, const fz_node *records);

/* end of check and import */

/* ---------------------------------------------------------------- results (lib/results.c) */

/* fazhi-results: a published draw joined to the inspections that
 * followed it (and to their cases), what each drawn entity went
 * through, and what is due for publication (抽查结果公示). */

/* A published draw document read back (lib/draw_published.c): its
 * task, seed, hash and date, and each selection with its drawn team.
 * Every string is a copy owned by the arena given. */
typedef struct fz_draw_member {
	const char *id, *name, *department;	/* name, department may be NULL */
} fz_draw_member;

typedef struct fz_draw_selection {
	const char *entity, *name, *category, *town, *stratum;	/* all but
				 * entity may be NULL */
	fz_draw_member *team;	/* in the order drawn; none when unfilled */
	size_t nteam;
	const fz_node *at;	/* the selection, for messages */
} fz_draw_selection;

#define FZ_RESULTS_MAX_DAYS 3650	/* working days a limit may span */

typedef struct fz_draw_doc {
	const char *task, *seed;
	enum fz_hash hash;
	fz_date date;
	long long inspect_within_days;	/* the draw's, -1 when it does not say */
	fz_draw_selection *selections;	/* in draw order */
	size_t nselections;
	char digest[FZ_DIGEST_HEX];	/* of the file read, by hash; "" when
					 * decoded from a node */
	const fz_node *doc;
} fz_draw_doc;

/* Decode the draw document doc into d: FZ_OK, or FZ_DATAERR with err at
 * the fault (not a draw; task, seed or date missing or bad; hash not
 * sha256 or sm3; a selection without entity, a member without id; an
 * entity drawn twice).  Keys it does not use are ignored.  d points
 * into doc and into memory of a; both must outlive it. */
int fz_draw_doc_decode(const fz_node *doc, fz_draw_doc *d, fz_arena *a,
    fz_error *err);
/* Read the one draw document of path ("-": standard input) into d, its
 * nodes copied into a, with the digest of the file's bytes under the
 * draw's hash.  FZ_OK; FZ_NOINPUT, FZ_IOERR; FZ_DATAERR for no document,
 * another kind, a second document, or the errors of fz_draw_doc_decode. */
int fz_draw_doc_read(const char *path, fz_draw_doc *d, fz_arena *a,
    fz_error *err);

/* What a selection is flagged with. */
enum fz_results_flag {
	FZ_RF_NOT_INSPECTED = 1,	/* no inspection yet */
	FZ_RF_OVERDUE = 2,		/* none within the working days given */
	FZ_RF_TEAM_CHANGED = 4		/* no inspection by the drawn team */
};

/* A random inspection under the draw's task, copied (memory of the
 * results).  added and missing compare its inspectors with the drawn
 * team (none for the inspection of an entity not drawn). */
typedef struct fz_results_visit {
	fz_date date, publish_by;
	const char *entity, *category, *town;
	const char **inspectors;
	size_t ninspectors;
	int result;			/* enum fz_result */
	const char *case_id;		/* NULL when none */
	const fz_case *c;		/* its case; NULL without one or unknown */
	const char **added, **missing;
	size_t nadded, nmissing;
	size_t selection;		/* index of its selection, or SIZE_MAX */
	size_t order;			/* in reading order */
} fz_results_visit;

typedef struct fz_results_selection {
	const fz_draw_selection *sel;
	fz_results_visit **visits;	/* by date, then reading order */
	size_t nvisits;
	unsigned flags;			/* enum fz_results_flag */
} fz_results_selection;

/* The summary: selections (家) drawn, inspected, inspected by their
 * drawn team, whose inspections were all ok, with a violation or a ban;
 * distinct cases filed from their inspections and the fines of those
 * cases (fen; FZ_NOMONEY without cases); then the counts of each flag,
 * of inspections of entities not drawn, and of results due for
 * publication and late. */
typedef struct fz_results_summary {
	long long drawn, inspected, by_drawn_team, compliant, violations,
	    filed;
	int64_t fines;
	long long not_inspected, overdue, team_changed, not_drawn,
	    publication_due, publication_late;
} fz_results_summary;

#define FZ_RESULTS_DEFAULT_DAYS 20	/* to inspect, and to publish */

typedef struct fz_results_opts {
	fz_date as_of;			/* later inspections are left out */
	long long inspect_within_days;	/* -1: the draw's, else 20 */
	const fz_calendar *calendar;	/* borrowed; NULL: Monday to Friday */
} fz_results_opts;

typedef struct fz_results fz_results;

/* Results of the draw d (borrowed: it must outlive them) with o (copied).
 * Owned by the caller: fz_results_free. */
fz_results *fz_results_new(const fz_draw_doc *d, const fz_results_opts *o);
void fz_results_free(fz_results *r);
/* Keep a decoded inspection (copied) when its type is random, its task
 * the draw's and its date within [draw date, as-of]. */
void fz_results_add_inspection(fz_results *r, const fz_inspection *in);
/* Keep a decoded case (copied); FZ_DATAERR at `at` (may be NULL) when
 * its id was added before.  Once a case is added, or fz_results_add_event
 * has seen a cases document, every case is taken to have been given. */
int fz_results_add_case(fz_results *r, const fz_case *c, const fz_node *at,
    fz_error *err);
/* An event of fz_stream_next: records of inspections and cases decoded
 * (their nodes rewritten to canonical values) and added.  FZ_OK, or
 * FZ_DATAERR with err set for a bad record or a document of another
 * kind. */
int fz_results_add_event(fz_results *r, const fz_event *ev, fz_error *err);
/* Join, flag and count; idempotent, and done by the functions below. */
void fz_results_finish(fz_results *r);
/* The i-th selection in draw order, i below the draw's nselections. */
const fz_results_selection *fz_results_selection_at(fz_results *r,
    size_t i);
/* The inspections of entities the draw did not select, by date, then
 * entity, then reading order; *v owned by r. */
size_t fz_results_not_drawn(fz_results *r, fz_results_visit *const **v);
/* Inspections of the selections whose results are due for publication
 * (publish_by on or after the as-of date) or late (before it), by
 * publish_by, then draw order, then date; *v owned by r. */
size_t fz_results_due(fz_results *r, int late, fz_results_visit *const **v);
const fz_results_summary *fz_results_summary_of(fz_results *r);
/* Working days used, and the last day to inspect. */
long long fz_results_within(const fz_results *r);
fz_date fz_results_inspect_by(const fz_results *r);
/* FZ_OK when every selection was inspected by its drawn team in time and
 * nothing is flagged, FZ_PROBLEMS otherwise. */
int fz_results_status(fz_results *r);
/* Write the results document (lib/results_io.c); 0, or -1 when a write
 * failed. */
int fz_results_write(fz_results *r, fz_writer *w);

/* end of results */

#endif
