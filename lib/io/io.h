/* io.h - reading and writing: the streaming reader, the YAML writer,
 * atomic output, digests (SHA-256, SM3), calendars, the entity directory,
 * data paths, and the behaviour every program shares (cli).
 *
 * What other folders of lib/ and the programs may use of lib/io/; what
 * stays inside it is in io_int.h. */
#ifndef FAZHI_IO_H
#define FAZHI_IO_H

#include "core/core.h"

/* ---------------------------------------------------------------- reader */

/* Limits the reader enforces (fazhi-formats(5)). */
#define FZ_MAX_DEPTH 64			/* nesting of collections */
#define FZ_MAX_SCALAR (1u << 20)	/* bytes in one scalar */
#define FZ_MAX_DOCUMENTS 100000		/* documents in one run */
#define FZ_MAX_GAP (16u << 20)		/* bytes read between two events */

enum fz_event_type { FZ_EV_RECORD = 1, FZ_EV_DOC, FZ_EV_END };

/* One step of the stream.  For a record kind, every item of records: is
 * an FZ_EV_RECORD, and the document itself then comes as an FZ_EV_DOC
 * whose node holds its other keys.  Any other document is one FZ_EV_DOC
 * with the whole mapping.  After the last input, FZ_EV_END: no kind,
 * node or place.  Nodes belong to the stream and are valid until the
 * next fz_stream_next, or until fz_stream_close with FZ_STREAM_KEEP. */
typedef struct fz_event {
	enum fz_event_type type;
	/* The document's kind: FZ_KIND_NONE for a document without kind,
	 * or with one fazhi does not know (FZ_STREAM_ANY_KIND).  Decide by
	 * kind; kind_name is its text, for messages and output only (NULL
	 * for a document without kind), valid as long as node. */
	enum fz_kind kind;
	const char *kind_name;
	fz_node *node;
	fz_arena *arena;	/* node's, for what a reader adds to it */
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
	FZ_STREAM_SPLIT = 4,
	/* With FZ_STREAM_KEEP: the keys of the mappings inside documents
	 * that have one text (and quoting) are one node, placed where it
	 * was first met, so that a long list of alike mappings holds its
	 * keys once.  For a reader that never tells where a key is. */
	FZ_STREAM_SHARE_KEYS = 8
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
/* How a reader takes a large file's records in parts at once, one
 * part per processor (FAZHI_THREADS): each part after the first is
 * read by a parser and a thread of its own into a partial result,
 * used only when the parser before it confirms the cut at one of its
 * records (so the records, positions and errors are those of one
 * read), then merged, in file order, between the records before the
 * cut and those after.  open gives the partial result for records of
 * kind k (NULL: they are read in one part); take is called on the
 * part's thread with its records only, in order (FZ_OK, or a status
 * with err: the part stops there; when the part is used, what it took
 * is merged and its error is then the stream's); merge adds a part to
 * ctx and frees it (FZ_OK, or a status with err); drop frees one not
 * used.  None of a stream with a tap, FZ_STREAM_KEEP or
 * FZ_STREAM_SPLIT.  p must outlive the stream. */
typedef struct fz_stream_parts {
	void *ctx;
	void *(*open)(void *ctx, enum fz_kind k);
	int (*take)(void *part, const fz_event *ev, fz_error *err);
	int (*merge)(void *ctx, void *part, fz_error *err);
	void (*drop)(void *part);
} fz_stream_parts;
void fz_stream_set_parts(fz_stream *s, const fz_stream_parts *p);
/* The next event: FZ_OK with *ev filled (FZ_EV_END at the end of the
 * last input, and again at every call after), or an error status with
 * err filled. */
int fz_stream_next(fz_stream *s, fz_event *ev, fz_error *err);
/* The arena that holds the current event's nodes. */
fz_arena *fz_stream_arena(fz_stream *s);
/* Records read so far of kind k (0 for FZ_KIND_NONE). */
size_t fz_stream_count(const fz_stream *s, enum fz_kind k);
/* How many inputs were parsed in two parts (FZ_STREAM_SPLIT) so far. */
size_t fz_stream_splits(const fz_stream *s);
void fz_stream_close(fz_stream *s);
/* With FZ_STREAM_KEEP: the arena of every node read so far, handed to
 * the caller (who frees it, after fz_stream_close too); the stream
 * keeps on with a new one.  NULL without FZ_STREAM_KEEP. */
fz_arena *fz_stream_take_arena(fz_stream *s);
/* A problem or context text of libyaml's parser (yaml_parser_t's
 * problem, context) in the language of messages: the translation of a
 * text libyaml 0.2.5 gives, any other text itself, NULL for NULL.  The
 * result is static or text. */
const char *fz_yaml_text(const char *text);

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


/* ---------------------------------------------------------------- digest */

/* SHA-256, or SM3 (GB/T 32905). */
enum fz_hash { FZ_HASH_SHA256, FZ_HASH_SM3 };
#define FZ_DIGEST_SIZE 32	/* bytes of either digest */
#define FZ_DIGEST_HEX 65	/* its lowercase hex and a NUL */

/* "sha256" or "sm3"; fz_hash_parse gives -1 for any other name. */
const char *fz_hash_name(enum fz_hash h);
int fz_hash_parse(const char *s, size_t len);

/* An incremental digest.  fz_digest_new returns one owned by the caller,
 * NULL when libcrypto lacks the hash.  fz_digest_peek and fz_digest_hex
 * give the digest of what was given so far and leave d open to more. */
typedef struct fz_digest fz_digest;
fz_digest *fz_digest_new(enum fz_hash h);
void fz_digest_free(fz_digest *d);
void fz_digest_update(fz_digest *d, const void *buf, size_t len);
/* dst takes src's state; both of the same hash. */
void fz_digest_copy(fz_digest *dst, const fz_digest *src);
void fz_digest_peek(const fz_digest *d, unsigned char md[FZ_DIGEST_SIZE]);
void fz_digest_hex(const fz_digest *d, char hex[FZ_DIGEST_HEX]);
/* The lowercase hex of md. */
void fz_digest_hex_of(const unsigned char md[FZ_DIGEST_SIZE],
    char hex[FZ_DIGEST_HEX]);
/* The hex digest of buf; -1 when libcrypto lacks the hash. */
int fz_hash_hex(enum fz_hash h, const void *buf, size_t len,
    char hex[FZ_DIGEST_HEX]);

/* The digest of each input a stream reads, on its own: give
 * fz_input_digests_tap to fz_stream_set_tap (or fz_cli_input's tap) with
 * the digests as its context.  New: owned by the caller, NULL when
 * libcrypto lacks the hash.  fz_input_digests_hex writes the hex digest
 * of the bytes of input i read so far (of no bytes, for an input empty
 * or not read) and returns how many they were. */
typedef struct fz_input_digests fz_input_digests;
fz_input_digests *fz_input_digests_new(enum fz_hash h);
void fz_input_digests_free(fz_input_digests *ds);
void fz_input_digests_tap(void *ctx, size_t file, const void *buf,
    size_t len);
uint64_t fz_input_digests_hex(fz_input_digests *ds, size_t file,
    char hex[FZ_DIGEST_HEX]);

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
/* The calendar every program counts working days by: name NULL or "cn"
 * the shipped official one (2018-2027), "weekdays" Monday to Friday,
 * else a calendar or holiday-cn file.  Owned by the caller; NULL with
 * err set when it cannot be read (the shipped one not found: FZ_NOINPUT,
 * naming FAZHI_DATADIR and --calendar weekdays). */
fz_calendar *fz_calendar_open(const char *name, fz_error *err);
/* The path of a file shipped in fazhi's data folder: $FAZHI_DATADIR, the
 * source tree's data/ when run from the build tree, then the installed
 * package data folder.  Written into buf; NULL when found nowhere. */
char *fz_data_path(const char *name, char *buf, size_t size);
int fz_calendar_is_workday(const fz_calendar *c, fz_date d);
/* The n-th working day after d, d itself not counted (n >= 0; 0 is d). */
fz_date fz_calendar_add_workdays(const fz_calendar *c, fz_date d, int n);
/* Working days in (a, b], negative when b < a: counted, not walked, so a
 * span of 10,000 years costs what one of a day does. */
int fz_calendar_workdays_between(const fz_calendar *c, fz_date a,
    fz_date b);
/* 1 when the calendar lists days of year y (holidays or workdays). */
int fz_calendar_covers(const fz_calendar *c, int year);
/* The first year from y0 to y1 (y0 >= 1) that the calendar does not
 * cover, or 0 when it covers them all; it covers none when NULL, and no
 * year after 9999. */
int fz_calendar_uncovered(const fz_calendar *c, int y0, int y1);


/* ------------------------------------------------------------- directory */

/* An entity directory (检查对象名录库) by id, and the towns (镇街) by
 * name with their zones. */
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
/* Add every record of the towns documents of a file (copied); the first
 * file is named in messages.  FZ_DATAERR for another kind, a bad record,
 * a town named twice. */
int fz_directory_load_towns(fz_directory *d, const char *path,
    fz_error *err);
int fz_directory_add_town(fz_directory *d, const fz_town *t,
    const fz_node *at, fz_error *err);
/* The directory of --entities FILE and --towns FILE (either may be
 * NULL) into *out, owned by the caller: NULL when neither is given.
 * FZ_OK, or the status of the load that failed, with err set. */
int fz_directory_open(const char *entities, const char *towns,
    fz_directory **out, fz_error *err);
/* The town of name, NULL when absent; valid as long as the directory. */
const fz_town *fz_directory_town(const fz_directory *d, const char *name);
/* The keys fz_directory_fill puts that no record kind has: zone and
 * grade, NULL-terminated. */
extern const char *const fz_directory_town_keys[];
/* fz_directory_town_keys when towns are loaded, else NULL (d may be
 * NULL): what --by and --where take beside the keys of the records. */
const char *const *fz_directory_filled(const fz_directory *d);
/* What record rec leaves out, put into it (nodes in a): with entity
 * (NULL: none to look up) in the directory, the category and town it
 * does not give, set in *category and *town too; with towns loaded, the
 * zone and grade of *town (when it has one).  FZ_OK, or FZ_DATAERR at
 * the town (or the entity that gave it) when the towns do not list it.
 * What is put points into the directory. */
int fz_directory_fill(const fz_directory *d, fz_arena *a, fz_node *rec,
    const char *entity, const char **category, const char **town,
    fz_error *err);


/* ---------------------------------------------------------------- output */

/* An output: standard output, or a temporary file beside the target
 * that replaces it only on fz_output_commit.  The temporary file is made
 * when the first bytes are written (or at commit, for an empty output),
 * not at open, and a SIGINT, SIGTERM, SIGHUP or SIGPIPE while it exists
 * removes it before the program dies of the signal. */
typedef struct fz_output {
	FILE *fp;
	char *path;		/* target, NULL for standard output */
	char *tmp;		/* name of the temporary file; NULL when written
				 * straight to path (a device, a FIFO,
				 * /dev/stdout) */
	int fd;			/* the temporary file, -1 until made */
	int made_errno;		/* why it could not be made, or 0 */
	int write_errno;	/* the errno of the first failed write, or 0 */
	unsigned mode;		/* the mode it gets */
} fz_output;

/* path NULL or "-" is standard output.  Returns FZ_OK or FZ_CANTCREAT
 * (a folder that is missing or not writable is told here, before any
 * input is read). */
int fz_output_open(fz_output *o, const char *path, fz_error *err);
/* The temporary file, made now if it is not yet, for a library that
 * writes a file by name (libxlsxwriter): *tmp is its name, or NULL when
 * the output is standard output, a device or a FIFO.  FZ_OK or
 * FZ_CANTCREAT. */
int fz_output_temp(fz_output *o, const char **tmp, fz_error *err);
/* Flush, check, close and rename into place: FZ_OK or FZ_IOERR/CANTCREAT;
 * on failure the temporary file is removed and the target untouched. */
int fz_output_commit(fz_output *o, fz_error *err);
/* Remove the temporary file; the target is untouched. */
void fz_output_abort(fz_output *o);

/* For a library that writes a whole file by its name (libxlsxwriter,
 * libzip): write(path, ctx, err) makes the file at path, FZ_OK or a
 * status with err set.  fz_output_by_path gives it o's temporary file
 * (a message at that file names o's target instead); for standard
 * output, a device or a FIFO, fz_output_aside: a file made in tmpdir
 * ($TMPDIR, else /tmp) and copied onto out, then removed. */
typedef int (*fz_output_path_fn)(const char *path, void *ctx, fz_error *err);
int fz_output_by_path(fz_output *o, fz_output_path_fn write, void *ctx,
    fz_error *err);
int fz_output_aside(FILE *out, const char *tmpdir, fz_output_path_fn write,
    void *ctx, fz_error *err);

/* ------------------------------------------------------------------- cli */

/* Shared program behaviour.  Every program declares one of these. */
typedef struct fz_cli {
	const char *prog;	/* "fazhi-tally" */
	const char *usage;	/* the synopsis, one or more lines */
	const char *help;	/* the options, for --help */
	const char *problems;	/* what exit status 1 means, NULL when the
				 * program never exits 1 */
	const char *output;	/* -o FILE, NULL for standard output */
	int progress;		/* --progress */
	/* The words of --complete WHAT for shell completion, one a line
	 * into b (nothing for what the program does not know); NULL: the
	 * program completes nothing but its options and files. */
	void (*complete)(const char *what, fz_buf *b);
} fz_cli;

/* Long options every program has; merge them into the program's own. */
#define FZ_CLI_OPTIONS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "progress", no_argument, NULL, 'P' }, \
	{ "complete", required_argument, NULL, 'C' }
#define FZ_CLI_SHORT "ho:V"

/* The start of every program, before it reads its options: the
 * messages in the language of the locale (LC_MESSAGES, LANG), from the
 * catalogues of $FAZHI_LOCALEDIR, else of the build tree when the
 * program is the build tree's, else of the installed localedir.  Only
 * LC_MESSAGES and LC_CTYPE are taken from the environment: LC_NUMERIC
 * would change a number printed with %g, LC_COLLATE nothing fazhi
 * uses; every other category stays "C". */
void fz_cli_start(void);

/* Handle a common option: -1 when the caller should go on; FZ_OK after
 * --help or --version (printed: the program ends with fz_cli_finish);
 * FZ_USAGE with err set for an option getopt_long refused (it has told
 * what was wrong, so err's message is empty). */
int fz_cli_common(fz_cli *c, int opt, const char *arg, fz_error *err);
/* err set to a usage error (FZ_USAGE, no place) with the message; returns
 * FZ_USAGE.  It is told by fz_cli_fail, with the Try line. */
int fz_cli_usage(fz_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "prog: file:line:col: message" on stderr, and for FZ_USAGE the Try
 * line after it (alone when the message is empty); returns
 * err->status.  The one place usage errors are told. */
int fz_cli_fail(const fz_cli *c, const fz_error *err);
/* "prog: warning: ..." style message on stderr. */
/* A warning for each condition of w on free text of kind k that no
 * record read had (fz_where_unmatched): a likely typo, the figures zero
 * because of it. */
void fz_cli_unmatched(const fz_cli *c, const fz_where *w, enum fz_kind k);
void fz_cli_warn(const fz_cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The end of every program: a failure (status neither FZ_OK nor
 * FZ_PROBLEMS) is told with fz_cli_fail when err is set; then, but for
 * a usage error (found before anything was written), standard output
 * is flushed and closed, and a write error turns status into FZ_IOERR
 * with a message.  err may be NULL.  Returns the exit status. */
int fz_cli_finish(const fz_cli *c, int status, const fz_error *err);
/* How a program reads its inputs, and where the events go. */
typedef struct fz_cli_input {
	unsigned flags;		/* of fz_stream_open */
	/* Every event in order, the end event last: FZ_OK to go on, or a
	 * status (err set) to stop with. */
	int (*take)(void *ctx, const fz_event *ev, fz_error *err);
	void *ctx;
	fz_tap_fn tap;		/* NULL, or every block of bytes read */
	void *tap_ctx;
	/* With FZ_STREAM_KEEP, where the nodes' arena (fz_stream_take_arena)
	 * goes when reading ends, so that take can keep nodes without
	 * copying them; NULL: freed with the stream. */
	fz_arena **keep;
	/* NULL, or the records of a large file taken in parts at once
	 * (fz_stream_parts): a warning told on a part's thread is told
	 * when the part is merged, in file order. */
	const fz_stream_parts *parts;
} fz_cli_input;
/* Read the inputs (files, or standard input when nfiles is 0) through
 * one stream, as in says, with a progress line on stderr when it is a
 * terminal or --progress was given.  FZ_OK when the end event was
 * taken, or the first status of the reading or of take (err filled).
 * The stream is closed before it returns: what take keeps of an event,
 * it copies, unless in->keep is given (then *in->keep is set, whatever
 * the status). */
int fz_cli_read(fz_cli *c, char **files, int nfiles, const fz_cli_input *in,
    fz_error *err);

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
/* Handle one of the FZ_OPT_ options: -1 to go on, or FZ_USAGE with err
 * set. */
int fz_cli_range_option(fz_cli_range *r, int opt, const char *arg,
    fz_error *err);
/* After the options: -1 when they agree, or FZ_USAGE with err set. */
int fz_cli_range_check(const fz_cli_range *r, fz_error *err);

/* An option's date (YYYY-MM-DD) or number of days (0 to 36500) into
 * *d or *days: -1 to go on, or FZ_USAGE with err set, naming opt. */
int fz_cli_date_option(const char *opt, const char *arg, fz_date *d,
    fz_error *err);
int fz_cli_days_option(const char *opt, const char *arg, long long *days,
    fz_error *err);

/* Write one output to path (NULL or "-": standard output) with
 * write(o, ctx, err), atomically.  When write returns FZ_OK or
 * FZ_PROBLEMS, the output is committed and that status returned (or
 * the commit's failure); any other status (err set) drops the output
 * and is returned, but for a write error on standard output (FZ_IOERR,
 * its error flag set), which fz_cli_finish tells at exit. */
typedef int (*fz_output_fn)(fz_output *o, void *ctx, fz_error *err);
int fz_output_write(const char *path, fz_output_fn write, void *ctx,
    fz_error *err);
/* The same for one YAML output written by write(w, ctx), which returns
 * FZ_OK or FZ_PROBLEMS (passed on as above), or -1 once a write failed:
 * FZ_IOERR at a file, while standard output is left to fz_cli_finish. */
int fz_output_yaml(const char *path, int (*write)(fz_writer *w, void *ctx),
    void *ctx, fz_error *err);
/* doc as one YAML document onto o, inside a write function: FZ_OK, or
 * FZ_IOERR with err set at o's target when a write to it failed (on
 * standard output a failure is left to fz_cli_finish). */
int fz_output_node(fz_output *o, const fz_node *doc, fz_error *err);

#endif
