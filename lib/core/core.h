/* core.h - the base: errors, arena, threads, hash maps, YAML nodes, dates,
 * the schema of every kind and record decoding, --where, labels, buffers.
 *
 * What other folders of lib/ and the programs may use of lib/core/; what
 * stays inside it is in core_int.h. */
#ifndef FAZHI_CORE_H
#define FAZHI_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <libintl.h>

#define FZ_FORMAT_VERSION 1

/* ------------------------------------------------------------ messages */

/* The messages' translations (GNU gettext, po/zh_CN.po): _(s) is s in
 * the language of LC_MESSAGES, from the catalogue of the domain "fazhi"
 * (bound by fz_cli_start); N_(s) is s, marked for po/fazhi.pot where it
 * is a constant (an initializer) translated with _() where it is used.
 * Both take a string literal, so that xgettext finds it (--keyword=_
 * --keyword=N_, po/POTFILES).  _("") would be the catalogue's header:
 * never translate an empty string. */
#define FZ_TEXTDOMAIN "fazhi"
#define _(s) dgettext(FZ_TEXTDOMAIN, s)
#define N_(s) s
/* msgid in the language of LC_MESSAGES, as _(), for a format a function
 * is given (fz_error_set, fz_check_report, ...: each is an xgettext
 * keyword of Makefile.am's XGETTEXT_FLAGS, so that the literal formats
 * of their call sites are in the catalogue); "" stays "". */
const char *fz_gettext(const char *msgid) __attribute__((format_arg(1)));
/* P_(ctx, s): s translated in the context ctx (a msgctxt of the
 * catalogue), for a short message that means one thing in one place
 * and another elsewhere; both string literals (--keyword=P_:1c,2). */
#define P_(ctx, s) fz_pgettext(ctx "\004" s, s)
const char *fz_pgettext(const char *ctx_msgid, const char *msgid)
    __attribute__((format_arg(2)));

/* ---------------------------------------------------------------- errors */

/* Statuses are the exit statuses of every program (sysexits.h values). */
enum fz_status {
	FZ_OK = 0,
	FZ_PROBLEMS = 1,	/* a verification or check found problems */
	FZ_USAGE = 64,		/* bad command line */
	FZ_DATAERR = 65,	/* bad input data */
	FZ_NOINPUT = 66,	/* an input cannot be opened */
	FZ_SOFTWARE = 70,	/* internal failure: memory exhausted */
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
/* A column number with this bit set is a spreadsheet's: the position
 * (file, line, col) is then a cell, file naming the sheet
 * (名录库.xlsx:Sheet1), line its row and the rest of col its column
 * from 1 (0: the whole row). */
#define FZ_COL_CELL 0x80000000u
/* Write the known parts of a position into buf and return it:
 * file:line:col, file:line or file; a cell as file!C7, a whole row of a
 * sheet as file!7:7.  file NULL or "": nothing. */
char *fz_pos_format(char *buf, size_t size, const char *file,
    unsigned line, unsigned col);
/* The letters of spreadsheet column col (1: A, 27: AA) into buf, which
 * holds 8 bytes at least; returns buf. */
char *fz_col_letters(unsigned col, char *buf);

/* ----------------------------------------------------------------- arena */

/* Bump allocator: many small allocations, freed all at once. */
typedef struct fz_arena fz_arena;

/* Returns a new arena owned by the caller.  Arenas never return NULL:
 * memory exhausted is fz_nomem(), as for fz_xmalloc. */
fz_arena *fz_arena_new(void);
/* Frees the arena and everything allocated from it. */
void fz_arena_free(fz_arena *a);
/* Forgets every allocation (keeps the first block for reuse). */
void fz_arena_reset(fz_arena *a);
/* A point in an arena's allocations: fz_arena_release(a, m) forgets
 * everything allocated after fz_arena_mark(a, m) and frees the blocks
 * taken since, so a scratch arena serves a loop in constant memory.
 * Marks nest; releasing one forgets the marks taken after it. */
typedef struct fz_arena_mark {
	void *block;
	size_t used;
} fz_arena_mark;
void fz_arena_mark_at(fz_arena *a, fz_arena_mark *m);
void fz_arena_release(fz_arena *a, const fz_arena_mark *m);
/* Memory owned by the arena, aligned for any type. */
void *fz_arena_alloc(fz_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len) owned by the arena. */
char *fz_arena_strndup(fz_arena *a, const char *s, size_t len);
char *fz_arena_strdup(fz_arena *a, const char *s);
/* printf into memory owned by the arena. */
char *fz_arena_printf(fz_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Memory exhausted, the one failure no caller can mend: prints
 * "PROG: out of memory" to standard error and exits FZ_SOFTWARE (70),
 * leaving any output file untouched (outputs are written to a temporary
 * file renamed only on success). */
void fz_nomem(void) __attribute__((noreturn));
/* fz_nomem's message in the language of messages, made once beforehand
 * (fz_cli_start calls it, once the catalogue is bound): translating it
 * when memory has run out might itself need memory.  Without it, the
 * message is English. */
void fz_nomem_init(void);

/* Allocation that never returns NULL: fz_nomem() on exhaustion.
 * Memory owned by the caller. */
void *fz_xmalloc(size_t size);
void *fz_xcalloc(size_t n, size_t size);
void *fz_xrealloc(void *p, size_t size);
char *fz_xstrdup(const char *s);

/* Surrounding ASCII and UTF-8 (U+3000) white space removed: a pointer
 * into s and the new length in *len. */
const char *fz_trim(const char *s, size_t *len);

/* The characters of a document's text as the word limits count them
 * (字数): every code point of the UTF-8 text but white space (ASCII
 * space, tab, line ends, form feed, vertical tab; U+3000 and the other
 * Unicode spaces, U+00A0, U+FEFF) and the C0, DEL and C1 controls; a Chinese character, a
 * Latin letter, a digit and a punctuation mark (ASCII or full-width)
 * count one each.  -1 when the text is not valid UTF-8. */
long long fz_text_characters(const char *s, size_t len);

/* ---------------------------------------------------------------- buffer */

/* A growing buffer of bytes, NUL-terminated once anything was added:
 * the one string builder of libfazhi.  Start it as { 0 }; data is owned
 * by the buffer until fz_buf_free (or fz_buf_take). */
typedef struct fz_buf {
	char *data;
	size_t len, cap;
} fz_buf;
/* Append len bytes of s, or the string s. */
void fz_buf_add(fz_buf *b, const char *s, size_t len);
void fz_buf_adds(fz_buf *b, const char *s);
/* Empty it, keeping its memory for reuse. */
void fz_buf_reset(fz_buf *b);
/* Its text, "" when nothing was added; owned by the buffer. */
const char *fz_buf_str(const fz_buf *b);
void fz_buf_free(fz_buf *b);

/* --------------------------------------------------------------- threads */

/* The processors this program may use: $FAZHI_THREADS when it is a
 * number from 1, else those on line; at most 1024. */
int fz_nprocs(void);

/* A queue of items (pointers, never NULL) from the threads that push to
 * the threads that pop, in the order pushed, holding at most cap
 * (SIZE_MAX: no bound; 0 counts as 1).  The queue only passes items on:
 * what they point to is whoever holds them.  Owned by the caller. */
typedef struct fz_queue fz_queue;

fz_queue *fz_queue_new(size_t cap);
/* Push item, waiting while the queue holds cap: 1 when it is queued, 0
 * when the queue was closed or cancelled (the item stays the caller's). */
int fz_queue_push(fz_queue *q, void *item);
/* The oldest item, waiting while there is none; NULL once the queue is
 * closed and empty, or cancelled. */
void *fz_queue_pop(fz_queue *q);
/* The same without waiting: NULL when the queue is empty. */
void *fz_queue_trypop(fz_queue *q);
/* No more pushes: what is queued is still popped, then pops give NULL. */
void fz_queue_close(fz_queue *q);
/* Stop both sides now: pushes fail and pops give NULL from here on,
 * waiting ones included; the items queued stay for fz_queue_free. */
void fz_queue_cancel(fz_queue *q);
/* Free the queue (no thread may still use it), passing each item still
 * queued to drop unless drop is NULL. */
void fz_queue_free(fz_queue *q, void (*drop)(void *item));

/* A fan-out: fn(i, ctx) for every i in [0, n), each i on a thread of
 * its own but 0, which runs on the calling thread.  fz_fanout_start
 * starts 1 ... n - 1 and returns at once, so the caller may work beside
 * them; fz_fanout_join then runs fn(0, ctx), waits for the others and
 * frees the fan-out.  An i whose thread cannot start runs at the join,
 * on the calling thread: every i runs once whatever happens.
 * fz_fanout_run is both. */
typedef struct fz_fanout fz_fanout;

fz_fanout *fz_fanout_start(int n, void (*fn)(int i, void *ctx), void *ctx);
void fz_fanout_join(fz_fanout *fo);
void fz_fanout_run(int n, void (*fn)(int i, void *ctx), void *ctx);

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
/* The slots the inserts into m have looked at: the map's work, about one
 * an insert whatever the keys, for they are hashed with a key drawn at
 * random for each process (SipHash-1-3). */
size_t fz_map_probes(const fz_map *m);

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
/* The slots the inserts into m have looked at, as fz_map_probes. */
size_t fz_u64map_probes(const fz_u64map *m);

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
	unsigned char exact;	/* kids holds just its n slots (the
				 * reader's), not a power of two */
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
/* qsort and bsearch order of two fz_date. */
int fz_date_cmp(const void *a, const void *b);
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
/* The first day of the period labelled s (2019-Q3, 2020-W53, ...):
 * 0, or -1 when s is not a label of period p. */
int fz_period_first(enum fz_period p, const char *s, fz_date *first);
/* Parse "YYYY" or "YYYY-MM" into the first and last day. -1 when bad. */
int fz_year_parse(const char *s, fz_date *first, fz_date *last);
int fz_month_parse(const char *s, fz_date *first, fz_date *last);


/* ---------------------------------------------------------------- schema */

enum fz_kind {
	FZ_KIND_NONE = -1,
	FZ_KIND_ENTITIES, FZ_KIND_INSPECTORS, FZ_KIND_PLAN, FZ_KIND_DRAW,
	FZ_KIND_INSPECTIONS, FZ_KIND_CASES, FZ_KIND_MATTERS,
	FZ_KIND_APPLICATIONS, FZ_KIND_CALENDAR, FZ_KIND_TALLY,
	FZ_KIND_METRICS, FZ_KIND_RESULTS, FZ_KIND_PROBLEMS,
	FZ_KIND_ORGANIZATION, FZ_KIND_CREDIT, FZ_KIND_TOWNS,
	FZ_KIND_COMPLAINTS, FZ_KIND_ITEMS, FZ_KIND_COVERAGE,
	FZ_KIND_CASEFILE, FZ_KIND_DOCUMENTS,
	FZ_KIND_ACTIVITIES,
	FZ_KIND_COUNT
};

enum fz_kind fz_kind_parse(const char *name);
const char *fz_kind_name(enum fz_kind k);
/* 1 for kinds that keep their records in records: */
int fz_kind_has_records(enum fz_kind k);

/* An exact decimal ratio, num/den with den a power of ten. */
typedef struct fz_ratio {
	uint64_t num, den;		/* den 0: none */
} fz_ratio;
#define FZ_RATIO_DIGITS 9	/* decimals of a ratio: num * a population
				 * of entities fits in 64 bits */
/* Parse "0.25" as 25/100, "1" as 1/1: 0; -1 when not a decimal of at
 * most FZ_RATIO_DIGITS decimals; -2 when outside (0, 1]. */
int fz_ratio_parse(const char *s, size_t len, fz_ratio *r);

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
	FZ_T_STRS,	/* const fz_node * SEQ of strings, NULL when absent */
	FZ_T_MAP,	/* a struct of its own fields (fz_field.fields) */
	FZ_T_MAPS,	/* const fz_node * SEQ of mappings, each of its own
			 * fields (fz_field.fields, into a struct of max
			 * bytes), NULL when absent */
	FZ_T_DATE_OR_FALSE,	/* fz_date, FZ_FALSEDATE for false */
	FZ_T_RATIO,	/* fz_ratio, den 0 when absent: a decimal in (0, 1] */
	FZ_T_RATIOS	/* const fz_node * MAP of label: FZ_T_RATIO, NULL
			 * when absent */
};
/* 1 for a field that holds mappings (FZ_T_MAP, FZ_T_MAPS): no value to
 * group or filter by. */
#define FZ_FIELD_NESTED(f) ((f)->type == FZ_T_MAP || (f)->type == FZ_T_MAPS)
#define FZ_NOINT INT64_MIN
#define FZ_NOMONEY INT64_MIN
#define FZ_EXEMPT 2
/* A date key written false: the thing was refused (a complaint not
 * accepted), not merely left out. */
#define FZ_FALSEDATE (INT32_MIN + 1)

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
	const struct fz_field *fields;	/* FZ_T_MAP: its keys, NULL-key
					 * terminated, offsets into its struct */
} fz_field;

/* The fields of a record kind, NULL-key terminated; NULL otherwise. */
const fz_field *fz_kind_fields(enum fz_kind k);
const fz_field *fz_field_find(enum fz_kind k, const char *key);
/* The keys of a kind that is one document with typed keys of its own
 * (organization), NULL-key terminated; NULL for the others. */
const fz_field *fz_kind_doc_fields(enum fz_kind k);
/* The value of key in a decoded record of kind k, or, when the record
 * leaves it out, the default FORMATS.md gives (a static node), or NULL:
 * so that grouping and filtering see type: routine on a record that
 * does not say it. */
const fz_node *fz_record_get(enum fz_kind k, const fz_node *rec,
    const char *key);
/* The canonical value of an enumeration for a value or its alias. */
int fz_enum_lookup(const fz_enum_value *values, const char *s, size_t len);
/* "ok 合格, violation 违规, banned 取缔": each value with its word, for
 * messages, into b; with words, every value and word (synonyms too)
 * also appended to words at *n (room for two an entry). */
void fz_enum_words(const fz_enum_value *v, fz_buf *b, const char **words,
    size_t *n);

/* Canonical values, by index, of the enumerations below. */
enum fz_risk { FZ_RISK_LOW, FZ_RISK_MEDIUM, FZ_RISK_HIGH };
enum fz_entity_status { FZ_ENTITY_ACTIVE, FZ_ENTITY_CLOSED };
enum fz_visit_type { FZ_VISIT_ROUTINE, FZ_VISIT_RANDOM, FZ_VISIT_JOINT,
	FZ_VISIT_SPECIAL, FZ_VISIT_NIGHT, FZ_VISIT_COMPLAINT };
enum fz_result { FZ_RESULT_OK, FZ_RESULT_VIOLATION, FZ_RESULT_BANNED };
enum fz_reporter { FZ_REPORTED_BUREAU, FZ_REPORTED_TOWN };
enum fz_source { FZ_SOURCE_INSPECTION, FZ_SOURCE_COMPLAINT,
	FZ_SOURCE_REFERRAL, FZ_SOURCE_TOWN_LEAD, FZ_SOURCE_RANDOM };
enum fz_party { FZ_PARTY_ORGANIZATION, FZ_PARTY_PERSON };
enum fz_procedure { FZ_PROCEDURE_GENERAL, FZ_PROCEDURE_SIMPLE };
enum fz_not_punished { FZ_NOT_PUNISHED_MINOR, FZ_NOT_PUNISHED_FIRST_OFFENSE,
	FZ_NOT_PUNISHED_NO_FAULT };
enum fz_reconsideration_result { FZ_RECONSIDERATION_UPHELD,
	FZ_RECONSIDERATION_REVOKED, FZ_RECONSIDERATION_CHANGED,
	FZ_RECONSIDERATION_CONFIRMED_ILLEGAL, FZ_RECONSIDERATION_WITHDRAWN };
enum fz_litigation_result { FZ_LITIGATION_WON, FZ_LITIGATION_LOST,
	FZ_LITIGATION_WITHDRAWN, FZ_LITIGATION_SETTLED };
enum fz_penalty { FZ_PENALTY_WARNING, FZ_PENALTY_FINE,
	FZ_PENALTY_CONFISCATION, FZ_PENALTY_SUSPENSION,
	FZ_PENALTY_REVOCATION, FZ_PENALTY_NONE };
enum fz_level { FZ_LEVEL_ITEM, FZ_LEVEL_SUB, FZ_LEVEL_LEAF };
enum fz_matter_type { FZ_MT_LICENSING, FZ_MT_FILING, FZ_MT_CONFIRMATION,
	FZ_MT_PAYMENT, FZ_MT_RELAY, FZ_MT_AWARD, FZ_MT_PUBLIC_SERVICE };
enum fz_channel { FZ_CHANNEL_ONLINE, FZ_CHANNEL_MOBILE, FZ_CHANNEL_WINDOW };
enum fz_action { FZ_ACTION_NEW, FZ_ACTION_RENEWAL, FZ_ACTION_CHANGE,
	FZ_ACTION_CANCELLATION };
enum fz_inspection_outcome { FZ_IO_NO_PROBLEM, FZ_IO_PROBLEM_PENDING,
	FZ_IO_CORRECTED, FZ_IO_NOT_OPERATING, FZ_IO_CLOSED,
	FZ_IO_UNCOOPERATIVE, FZ_IO_DEREGISTERED };
enum fz_finding { FZ_FINDING_NONE, FZ_FINDING_PROBLEM };
enum fz_item_level { FZ_ITEM_GENERAL, FZ_ITEM_KEY };
enum fz_outcome { FZ_OUTCOME_APPROVED, FZ_OUTCOME_REJECTED,
	FZ_OUTCOME_WITHDRAWN };
enum fz_complaint_channel { FZ_CC_12318, FZ_CC_12345, FZ_CC_12301,
	FZ_CC_LETTER, FZ_CC_VISIT, FZ_CC_ONLINE, FZ_CC_REFERRAL, FZ_CC_OTHER };
enum fz_complaint_result { FZ_CR_SUBSTANTIATED, FZ_CR_PARTLY,
	FZ_CR_UNSUBSTANTIATED, FZ_CR_REFERRED };
enum fz_activity_type { FZ_AT_INTERVIEW, FZ_AT_PLEDGE, FZ_AT_DRILL,
	FZ_AT_JOINT_ACTION, FZ_AT_TRAINING, FZ_AT_LAW_STUDY, FZ_AT_PUBLICITY,
	FZ_AT_COVERT_VISIT, FZ_AT_DEMO_SITE, FZ_AT_APPOINTMENT, FZ_AT_AWARD,
	FZ_AT_OTHER, FZ_AT_REPORT };
enum fz_activity_level { FZ_AL_NATIONAL, FZ_AL_PROVINCE_MODEL,
	FZ_AL_PROVINCE, FZ_AL_CITY, FZ_AL_DISTRICT, FZ_AL_TOWN };

/* The records.  Strings point into the record's nodes. */
typedef struct fz_entity {
	const char *id, *name, *category, *town, *grade;
	int risk;
	fz_date last_inspected;
	int status;
	const char *credit;	/* the credit class on a draw's date: no key
				 * of the record, a draw sets it (DRAW.md) */
} fz_entity;

typedef struct fz_inspector {
	const char *id, *name, *department, *squad;
	const fz_node *categories, *avoid;
	int active;
	const char *cert_no;		/* 执法证 number */
	fz_date cert_expires;		/* FZ_NODATE: no expiry given */
	int legal_reviewer;		/* does 法制审核 (行政处罚法 art. 58) */
	int legal_qualification;	/* holds 法律职业资格, art. 58 ¶2 */
} fz_inspector;

/* A credit class of an entity (信用分类), valid from a day until a day
 * (FZ_NODATE: open). */
typedef struct fz_credit {
	const char *entity, *klass, *basis, *source;
	fz_date from, until;
} fz_credit;

/* A town (镇街) of the district: its 片区, its 等级化管理片区 (any labels
 * the plan gives: 一级, 二级 ...), the 中队 that covers it and its
 * 中队长 (an inspector id). */
typedef struct fz_town {
	const char *name, *zone, *grade, *squad, *leader;
} fz_town;

/* One entry of an inspection's items: the item of the list (抽查事项)
 * checked, what was found, and what was done about it. */
typedef struct fz_inspection_item {
	const char *item, *disposal;	/* disposal NULL when not given */
	int finding;			/* enum fz_finding */
} fz_inspection_item;
/* A complaint from the public (举报投诉).  accepted is a date, or
 * FZ_FALSEDATE when it was not accepted (reason says why), FZ_NODATE
 * when not yet decided. */
typedef struct fz_complaint {
	const char *id, *subject, *category, *town, *reason, *to;
	const char *inspection;		/* the outing id of its 核查 */
	const char *case_id;		/* the case filed from it */
	fz_date received, accepted, referred, verified, replied;
	int channel;			/* enum fz_complaint_channel */
	int anonymous;
	int result;			/* enum fz_complaint_result, -1 none */
} fz_complaint;
/* An action of the bureau or a town that is no inspection of one entity
 * (an activity: 行政约谈, 演练, 联合执法行动 ...), on a day (date) or over
 * days (from, to; date then FZ_NODATE).  units: the units taking part,
 * those of entities among them (never fewer); FZ_NOINT when not given.
 * fz_activity_day is the day it is counted in: date, or from. */
typedef struct fz_activity {
	const char *id, *title, *town, *campaign, *case_id, *lead;
	fz_date date, from, to;
	int type;			/* enum fz_activity_type */
	int level;			/* enum fz_activity_level, -1 none */
	const fz_node *departments, *entities;	/* SEQ, or NULL */
	long long participants, units;	/* FZ_NOINT when not given */
} fz_activity;
fz_date fz_activity_day(const fz_activity *a);
/* The units an activity counts (家次): units when given, else the
 * number of its entities (0 without either). */
long long fz_activity_units(const fz_activity *a);

/* An inspection item of the published list (抽查事项清单): what is
 * checked, on what basis, at what minimum share of its population and
 * how many rounds a year. */
typedef struct fz_item {
	const char *code, *name, *basis;
	const fz_node *categories;	/* the entity categories it covers */
	int level;			/* enum fz_item_level */
	fz_ratio ratio;			/* den 0 when ratios is given */
	const fz_node *ratios;		/* credit class: ratio, or NULL */
	long long times;		/* rounds a year, at least 1 */
	const char *method, *department;
	const fz_node *with;		/* 配合部门, or NULL */
	long long max_checks_per_year;	/* FZ_NOINT: none */
} fz_item;

enum fz_document_type { FZ_DOC_NORMATIVE, FZ_DOC_POLICY, FZ_DOC_OTHER };
enum fz_fair_result { FZ_FAIR_NO_RESTRICTION, FZ_FAIR_EXCEPTION };

/* A document the bureau issued (规范性文件, 政策性文件): its reviews
 * before issue, its consultation, publication and filing.  characters
 * is FZ_NOINT when not given; text is the path of its text, relative to
 * the folder of the file the record is in. */
typedef struct fz_document {
	const char *id, *title, *text, *legality_result;
	fz_date issued, legality_review, fair_competition_review;
	fz_date exception_until, consultation_from, consultation_to;
	fz_date published, filed_record, valid_until;
	long long characters;
	int type;			/* enum fz_document_type */
	int to_lower_levels;
	int fair_competition_result;	/* enum fz_fair_result, -1 none */
} fz_document;

typedef struct fz_inspection {
	fz_date date;
	const char *entity, *category, *town;
	const fz_node *inspectors;
	const char *outing;
	int type, result, leader_led, reported_by;
	const char *task, *case_id;
	const char *campaign;	/* the 专项行动 it belongs to, or NULL */
	fz_date published;	/* its result made public (抽查结果公示) */
	const fz_node *items;	/* SEQ of fz_inspection_item mappings
				 * (canonical values), NULL when none */
	int outcome;		/* enum fz_inspection_outcome, -1 none */
	fz_date followup_closed;	/* the follow-up ended; FZ_NODATE */
} fz_inspection;

/* A case's 行政复议 and 行政诉讼; every member absent when none. */
typedef struct fz_reconsideration {
	fz_date applied, decided;
	int result;			/* enum fz_reconsideration_result */
} fz_reconsideration;

typedef struct fz_litigation {
	fz_date filed, judged;
	int result;			/* enum fz_litigation_result */
	int leader_appeared;		/* 行政机关负责人出庭应诉 */
} fz_litigation;

typedef struct fz_case {
	const char *id;
	fz_date filed, closed, decided, legal_review, published;
	long long extended_days;
	const char *category, *town, *entity, *cause;
	const char *campaign;		/* the 专项行动 it belongs to, or NULL */
	int source;
	unsigned penalty;
	int64_t fine;
	/* The procedure of the 行政处罚法 (2021). */
	int party;			/* enum fz_party */
	int procedure;			/* enum fz_procedure */
	fz_date violation_date;		/* art. 36 */
	fz_date found;			/* FZ_NODATE: the filing date */
	int serious_harm, major;	/* art. 36's five years; art. 57 ¶2 */
	fz_date collective;		/* 负责人集体讨论, art. 57 */
	fz_date notified;		/* 告知, art. 44 */
	int statement_waived;		/* art. 62 */
	fz_date served;			/* the decision reached the party */
	int served_on_spot;		/* art. 61: 当场交付 */
	fz_date evidence_preserved, evidence_decided;	/* art. 56 */
	int64_t collected_on_spot;	/* art. 68, FZ_NOMONEY when none */
	fz_date handed_in;		/* art. 71 */
	int supervised;			/* 上级挂牌督办 */
	int review_required;		/* art. 58 ¶1; default: major */
	const char *reviewer;		/* inspector id of the 法制审核 */
	int hearing_eligible;		/* art. 63; -1: derived (fazhi-check) */
	fz_date hearing_requested, hearing_notice, hearing; /* art. 63-64 */
	fz_date paid;			/* art. 67 */
	int not_punished;		/* enum fz_not_punished, -1 none */
	int educated;			/* art. 33 ¶3 */
	int av_recorded;		/* 音视频全过程记录 */
	const char *extension_basis;	/* art. 60: what allows extended_days */
	fz_date transferred;		/* moved to the judiciary, art. 27 */
	fz_date decision_revoked, unpublished;	/* art. 48 */
	fz_reconsideration reconsideration;	/* 行政复议 */
	fz_litigation litigation;		/* 行政诉讼 */
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

/* The organization document (one document, not records): the bureau
 * that heads and signs every notice and report.  Strings point into the
 * document's nodes; an absent key is NULL. */
typedef struct fz_organization {
	const char *name;	/* required: 海曙区文化和广电旅游体育局 */
	const char *short_name, *region, *address, *phone;
	const char *signer;	/* the office or person who signs */
	const char *leader;	/* 分管领导 */
} fz_organization;

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
/* Decode the organization document doc into out: name required, every
 * key a single value that is not empty; with diag->strict a key it does
 * not name (beside kind and version) is warned about.  Values are
 * trimmed in doc.  FZ_OK, or FZ_DATAERR with err at the first error. */
int fz_organization_decode(fz_node *doc, fz_organization *out,
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
/* The same, KEY alias standing for key ("entity" for "id"). */
int fz_where_add_as(fz_where *w, const char *expr, const char *alias,
    const char *key, fz_error *err);
/* A copy of w's conditions, none hit yet (NULL for NULL), owned by the
 * caller: for records matched on another thread, whose hits are then
 * added to w's by fz_where_add_hits. */
fz_where *fz_where_copy(const fz_where *w);
void fz_where_add_hits(fz_where *w, const fz_where *from);
size_t fz_where_count(const fz_where *w);
/* The i-th condition as given: "entity=E1". */
const char *fz_where_shown(const fz_where *w, size_t i);
/* The i-th condition, for writing it out. */
void fz_where_get(const fz_where *w, size_t i, const char **key,
    const char **value);
/* 1 when the decoded record rec of kind k matches every condition; each
 * condition counts the records that had its value. */
int fz_where_match(fz_where *w, enum fz_kind k, const fz_node *rec);
/* Every condition against the fields of the nk kinds records come in,
 * or a key of extra (NULL-terminated, may be NULL: keys filled in from
 * elsewhere, whose values are free text): FZ_OK, or FZ_USAGE naming an
 * unknown key (and the known ones) or an unknown value of an
 * enumeration or bool (and the known ones), with the nearest as a "did
 * you mean". */
int fz_where_check(const fz_where *w, const enum fz_kind *kinds, size_t nk,
    const char *const *extra, fz_error *err);
/* 1 when condition i is on free text (town, category ...) of kind k and
 * no record read had its value: a likely typo, worth a warning. */
int fz_where_unmatched(const fz_where *w, enum fz_kind k, size_t i);
/* key a field of one of the nk kinds, or one of the NULL-terminated
 * extra (may be NULL): FZ_OK, else FZ_USAGE for option opt ("--by")
 * naming the known keys and the nearest. */
int fz_key_check(const char *opt, const char *key, const enum fz_kind *kinds,
    size_t nk, const char *const *extra, fz_error *err);

/* For shell completion: the keys of the nk kinds (after the
 * NULL-terminated extra, which may be NULL), and the values of key in
 * them (an enumeration's canonical words and Chinese aliases, or true
 * and false), one a line, each once, appended to b. */
void fz_key_words(const enum fz_kind *kinds, size_t nk,
    const char *const *extra, fz_buf *b);
void fz_value_words(const enum fz_kind *kinds, size_t nk, const char *key,
    fz_buf *b);
/* The words of --complete WHAT of a program whose --where filters
 * records of the nk kinds: "by" (the NULL-terminated by, then with by_keys
 * the kinds' keys), "where" (the keys), "value=KEY" (its values). */
void fz_complete_words(const char *what, const enum fz_kind *kinds,
    size_t nk, const char *const *by, int by_keys, fz_buf *b);

/* The nearest of the n known words to word, when near enough to be a
 * typo of it ("twon": "town"); NULL otherwise. */
const char *fz_nearest(const char *word, const char *const *known, size_t n);

/* A full-width colon ： (U+FF1A), as Chinese input methods type ':', in
 * the len bytes of s, a plain scalar read at column *col (col may be
 * NULL): 1, with the hint for a message about it in buf ("full-width
 * colon ： in 'date：2019-03-01': a key ends with an ASCII ':' and a
 * space, as in 'date: '"), and *col moved to the colon when nothing
 * before it in s can be a folded line break; 0, nothing touched, when s
 * has none. */
int fz_colon_hint(const char *s, size_t len, unsigned *col, char *buf,
    size_t size);
/* The first key of the mapping m holding a full-width colon, or NULL:
 * a key and its value typed as one scalar. */
const fz_node *fz_colon_key(const fz_node *m);
/* " (the hint)" of fz_colon_hint for the key k into buf, to follow a
 * message about a key missing or unknown; "" when k is NULL or holds no
 * full-width colon.  Returns buf. */
const char *fz_colon_note(const fz_node *k, char *buf, size_t size);

/* The text of a record's key for grouping: a scalar's text, a list's
 * items joined by ","; NULL when absent or null.  Memory from a. */
const char *fz_node_group_value(fz_arena *a, const fz_node *v);


/* Chinese words, the one table reports, CSV and xlsx
 * headers share.  Static strings; NULL when there is none. */
/* The word for a key: "visits" 检查单位家次, "tally" 执法统计 ... */
const char *fz_label(const char *key);
/* How a message names key: key itself, or its label where the
 * catalogue of the messages' language says so (检查结果 for result). */
const char *fz_key_word(const char *key);
/* The word for an enumeration value of the field key of any record
 * kind: ("result", "violation") 违规, ("channel", "online") 网上 ... */
const char *fz_value_label(const char *key, const char *value);
/* The place of value in the enumeration of the field key names, in the
 * order fazhi-formats(5) gives (日常, 双随机, 联合 ...), for sorting in
 * the Chinese reader's order; -1 when key names no enumeration or value
 * is none of it. */
int fz_value_rank(const char *key, const char *value);
/* The i-th key of the table in key order and its word in *label; NULL
 * past the end. */
const char *fz_label_at(size_t i, const char **label);
/* 1 for a rate that is a mean (满意度, 平均办理时间): shown as a number,
 * never as a percent. */
int fz_rate_is_mean(const char *key);

#endif
