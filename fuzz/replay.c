/* replay.c - a harness as a test: run it over every file named, or with
 * no argument over tests/data/fuzz/NAME/ (NAME from the program's name,
 * replay-NAME), where the inputs that once failed are kept.  Exit 0
 * when every input passes; a failing input ends the program. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static void
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		perror(path);
		exit(2);
	}
	do {
		if (len == cap)
			buf = fz_xrealloc(buf, cap = cap ? 2 * cap : 65536);
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of dir, in name order: the number run. */
static size_t
run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[4096];
	size_t n = 0;

	if (d == NULL) {
		perror(dir);
		exit(2);
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0)
			continue;
		names = fz_xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = fz_xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) <
		    (int)sizeof path)
			run_file(path);
		free(names[i]);
	}
	free(names);
	return n;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	const char *name = strrchr(argv[0], '/');
	char dir[4096];
	size_t n;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			run_file(argv[i]);
		return 0;
	}
	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay-", 7) == 0)
		name += 7;
	snprintf(dir, sizeof dir, "%s/tests/data/fuzz/%s",
	    top && *top ? top : ".", name);
	n = run_dir(dir);
	printf("%s: %zu inputs replayed\n", name, n);
	return n > 0 ? 0 : 1;
}
