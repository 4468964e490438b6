/* test_output.c - atomic output files (lib/output.c): the old file stays
 * until commit, nothing is left behind on abort or failure; an output
 * written whole by a function, kept or dropped by its status; the
 * temporary file made only when writing starts, and removed by a signal
 * that ends the program. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "core_fixture.h"

struct fx {
	char *dir;
	char *target;		/* dir/out.yaml, holding "old\n" */
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->dir = fx_tmpdir();
	f->target = fx_write_str(f->dir, "out.yaml", "old\n");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	free(f->target);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

static void
assert_content(const char *path, const char *want)
{
	char *got = fx_slurp(path, NULL);

	assert_string_equal(got, want);
	free(got);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static void
open_ok(fz_output *o, const char *path)
{
	fz_error err = { 0 };

	if (fz_output_open(o, path, &err) != FZ_OK)
		fail_msg("cannot open %s: %s", path, err.msg);
	assert_non_null(o->fp);
}

static void
test_replace_keeps_old_until_commit(void **state)
{
	struct fx *f = *state;
	fz_output o;
	fz_error err = { 0 };

	open_ok(&o, f->target);
	assert_string_equal(o.path, f->target);
	assert_non_null(o.tmp);
	/* The temporary file lies beside the target, hidden. */
	assert_true(strncmp(o.tmp, f->dir, strlen(f->dir)) == 0);
	assert_true(strncmp(o.tmp + strlen(f->dir), "/.out.yaml.", 11) == 0);
	fputs("new\n", o.fp);
	fflush(o.fp);
	assert_content(f->target, "old\n");
	assert_int_equal(fx_count_entries(f->dir), 2);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_content(f->target, "new\n");
	assert_int_equal(fx_count_entries(f->dir), 1);
	assert_null(o.fp);
	assert_null(o.path);
	assert_null(o.tmp);
}

static void
test_abort_leaves_old_and_no_temporary(void **state)
{
	struct fx *f = *state;
	fz_output o;

	open_ok(&o, f->target);
	fputs("half a docu", o.fp);
	fz_output_abort(&o);
	assert_content(f->target, "old\n");
	assert_int_equal(fx_count_entries(f->dir), 1);
	assert_null(o.path);
	assert_null(o.fp);
	fz_output_abort(&o);	/* twice is harmless */
}

static void
test_new_file_appears_only_on_commit(void **state)
{
	struct fx *f = *state;
	char path[4096];
	fz_output o;
	fz_error err = { 0 };

	snprintf(path, sizeof path, "%s/new.yaml", f->dir);
	open_ok(&o, path);
	fputs("kind: tally\n", o.fp);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_content(path, "kind: tally\n");
}

static void
test_missing_directory(void **state)
{
	struct fx *f = *state;
	char path[4096];
	fz_output o;
	fz_error err = { 0 };

	snprintf(path, sizeof path, "%s/no/such/out.yaml", f->dir);
	assert_int_equal(fz_output_open(&o, path, &err), FZ_CANTCREAT);
	assert_int_equal(err.status, FZ_CANTCREAT);
	assert_string_equal(err.file, path);
	assert_true(strncmp(err.msg, "cannot create", 13) == 0);
	assert_null(o.fp);
	assert_null(o.path);
	assert_null(o.tmp);
	assert_int_equal(fx_count_entries(f->dir), 1);
}

static void
test_directory_as_target(void **state)
{
	struct fx *f = *state;
	fz_output o;
	fz_error err = { 0 };

	assert_int_equal(fz_output_open(&o, f->dir, &err), FZ_CANTCREAT);
	assert_string_equal(err.file, f->dir);
	assert_int_equal(fx_count_entries(f->dir), 1);
}

static void
test_mode_of_replaced_file_kept(void **state)
{
	struct fx *f = *state;
	fz_output o;
	fz_error err = { 0 };

	assert_int_equal(chmod(f->target, 0640), 0);
	open_ok(&o, f->target);
	fputs("new\n", o.fp);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_int_equal(mode_of(f->target), 0640);
	assert_int_equal(chmod(f->target, 0604), 0);
	open_ok(&o, f->target);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_int_equal(mode_of(f->target), 0604);
	assert_content(f->target, "");
}

static void
test_mode_of_new_file_follows_umask(void **state)
{
	struct fx *f = *state;
	char path[4096];
	fz_output o;
	fz_error err = { 0 };
	mode_t old = umask(027);

	snprintf(path, sizeof path, "%s/fresh.yaml", f->dir);
	open_ok(&o, path);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	umask(old);
	assert_int_equal(mode_of(path), 0640);
}

static void
test_relative_path_in_current_directory(void **state)
{
	struct fx *f = *state;
	char cwd[4096];
	fz_output o;
	fz_error err = { 0 };

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(f->dir), 0);
	open_ok(&o, "out.yaml");
	assert_true(strncmp(o.tmp, ".out.yaml.", 10) == 0);
	fputs("here\n", o.fp);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_int_equal(chdir(cwd), 0);
	assert_content(f->target, "here\n");
}

static void
test_failed_write_keeps_old(void **state)
{
	struct fx *f = *state;
	fz_output o;
	fz_error err = { 0 };
	FILE *full = fopen("/dev/full", "w");

	if (full == NULL)
		skip();
	open_ok(&o, f->target);
	/* Stand in a stream that cannot be written for the temporary file. */
	fclose(o.fp);
	o.fp = full;
	fputs("new\n", o.fp);
	assert_int_equal(fz_output_commit(&o, &err), FZ_IOERR);
	assert_string_equal(err.file, f->target);
	assert_true(strncmp(err.msg, "write error", 11) == 0);
	assert_content(f->target, "old\n");
	assert_int_equal(fx_count_entries(f->dir), 1);
}

static void
test_standard_output(void **state)
{
	fz_output o;
	fz_error err = { 0 };

	(void)state;
	open_ok(&o, NULL);
	assert_ptr_equal(o.fp, stdout);
	assert_null(o.path);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	open_ok(&o, "-");
	assert_ptr_equal(o.fp, stdout);
	fz_output_abort(&o);
	assert_int_equal(fputs("", stdout) >= 0, 1);	/* still open */
}

static void
test_temporary_made_when_writing_starts(void **state)
{
	struct fx *f = *state;
	fz_output o;
	fz_error err = { 0 };

	open_ok(&o, f->target);
	assert_int_equal(fx_count_entries(f->dir), 1);
	fputs("new\n", o.fp);	/* still in the stream's buffer */
	assert_int_equal(fx_count_entries(f->dir), 1);
	fflush(o.fp);
	assert_int_equal(fx_count_entries(f->dir), 2);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_content(f->target, "new\n");
	/* Dropped before a byte was written: there never was a file. */
	open_ok(&o, f->target);
	fz_output_abort(&o);
	assert_int_equal(fx_count_entries(f->dir), 1);
}

/* In a child: write past the stream's buffer, so that the temporary file
 * exists, then take sig; 0 if the program lives on and commits. */
static int
write_then_signal(const char *target, int sig, int ignore)
{
	static char big[1 << 17];
	fz_output o;
	fz_error err = { 0 };

	if (ignore)
		signal(sig, SIG_IGN);
	if (fz_output_open(&o, target, &err) != FZ_OK)
		return 2;
	memset(big, 'x', sizeof big);
	if (fwrite(big, 1, sizeof big, o.fp) != sizeof big)
		return 3;
	raise(sig);
	return fz_output_commit(&o, &err) == FZ_OK ? 0 : 4;
}

static void
test_signal_removes_temporary(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct fx *f = *state;

	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		int status;
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0)
			_exit(write_then_signal(f->target, sigs[i], 0));
		assert_int_equal(waitpid(pid, &status, 0), pid);
		/* Dead of the signal itself, the old file whole, nothing
		 * left beside it. */
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		assert_content(f->target, "old\n");
		assert_int_equal(fx_count_entries(f->dir), 1);
	}
}

static void
test_ignored_signal_stays_ignored(void **state)
{
	struct fx *f = *state;
	char *got;
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(write_then_signal(f->target, SIGHUP, 1));	/* nohup */
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(fx_count_entries(f->dir), 1);
	got = fx_slurp(f->target, NULL);
	assert_int_equal(strlen(got), 1 << 17);
	free(got);
}

/* What a write function of fz_output_write does: its text, then its
 * status. */
struct writing {
	const char *text;
	int status;
};

static int
write_text(fz_output *o, void *ctx, fz_error *err)
{
	const struct writing *w = ctx;

	fputs(w->text, o->fp);
	if (w->status != FZ_OK && w->status != FZ_PROBLEMS)
		return fz_error_set(err, w->status, "in.yaml", 3, 1, "bad");
	return w->status;
}

static void
test_write_commits_or_drops(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };

	/* Problems found: the output is kept, and the status passed on. */
	assert_int_equal(fz_output_write(f->target, write_text,
	    &(struct writing){ "problems\n", FZ_PROBLEMS }, &err),
	    FZ_PROBLEMS);
	assert_content(f->target, "problems\n");
	/* A failure drops it, the old file stays, nothing is left. */
	assert_int_equal(fz_output_write(f->target, write_text,
	    &(struct writing){ "half", FZ_DATAERR }, &err), FZ_DATAERR);
	assert_string_equal(err.msg, "bad");
	assert_content(f->target, "problems\n");
	assert_int_equal(fx_count_entries(f->dir), 1);
	assert_int_equal(fz_output_write(f->target, write_text,
	    &(struct writing){ "new\n", FZ_OK }, &err), FZ_OK);
	assert_content(f->target, "new\n");
}

/* A writer that writes a document; with ctx, it says problems. */
static int
write_doc(fz_writer *w, void *ctx)
{
	fz_write_doc_begin(w);
	fz_write_map_begin(w, 0);
	fz_write_key_int(w, "count", 1);
	fz_write_map_end(w);
	fz_write_doc_end(w);
	return ctx != NULL ? FZ_PROBLEMS : FZ_OK;
}

static void
test_yaml_and_node(void **state)
{
	struct fx *f = *state;
	fz_error err = { 0 };
	fz_output o;

	assert_int_equal(fz_output_yaml(f->target, write_doc, f, &err),
	    FZ_PROBLEMS);
	assert_content(f->target, "---\ncount: 1\n");
	assert_int_equal(fz_output_yaml(f->target, write_doc, NULL, &err),
	    FZ_OK);
	open_ok(&o, f->target);
	assert_int_equal(fz_output_node(&o, fx_parse(fx_arena, "{a: [1, 2]}"),
	    &err), FZ_OK);
	assert_int_equal(fz_output_commit(&o, &err), FZ_OK);
	assert_content(f->target, "---\na:\n- 1\n- 2\n");
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_replace_keeps_old_until_commit),
		T(test_abort_leaves_old_and_no_temporary),
		T(test_new_file_appears_only_on_commit),
		T(test_missing_directory),
		T(test_directory_as_target),
		T(test_mode_of_replaced_file_kept),
		T(test_mode_of_new_file_follows_umask),
		T(test_relative_path_in_current_directory),
		T(test_failed_write_keeps_old),
		T(test_standard_output),
		T(test_temporary_made_when_writing_starts),
		T(test_signal_removes_temporary),
		T(test_ignored_signal_stays_ignored),
		T(test_write_commits_or_drops),
		T(test_yaml_and_node),
	};
#undef T

	return cmocka_run_group_tests(tests, fx_arena_setup,
	    fx_arena_teardown);
}
