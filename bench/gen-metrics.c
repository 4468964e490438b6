/* gen-metrics - a catalogue of matters and a year of applications to
 * it, as large as asked, for the fazhi-metrics benchmark.  The same
 * arguments always give the same files.
 *
 *   gen-metrics MATTERS APPLICATIONS MATTERS.yaml APPLICATIONS.yaml
 *
 * The catalogue comes in groups of five: a 大项 with two 子项, the first
 * of which has two 孙项; the applications are spread over 2019. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*: fast, and the same on every machine. */
static unsigned
draw(unsigned n)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (unsigned)((state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static const char *const types[] = { "licensing", "filing",
	"confirmation", "payment", "relay", "award", "public_service" };
static const char *const offices[] = { "文化市场", "新闻出版", "旅游",
	"文物", "广电" };

static void
write_matter(FILE *fp, long i, const char *level, long parent)
{
	unsigned statutory = 5 + draw(26);

	fprintf(fp, "  - code: \"M%06ld\"\n    name: 行政审批事项%ld\n"
	    "    level: %s\n", i, i, level);
	if (parent >= 0)
		fprintf(fp, "    parent: \"M%06ld\"\n", parent);
	fprintf(fp, "    type: %s\n    online: true\n    mobile: %s\n"
	    "    zero_trip: %s\n    statutory_days: %u\n"
	    "    promised_days: %u\n    materials: %u\n    e_materials: %u\n"
	    "    license: true\n    e_license: true\n    office: %s\n",
	    types[draw(7)], draw(10) ? "true" : "exempt",
	    draw(5) ? "true" : "false", statutory, draw(statutory / 2 + 1),
	    4 + draw(4), 4, offices[draw(5)]);
}

static void
write_matters(FILE *fp, long n)
{
	static const char *const levels[] = { "item", "sub", "leaf", "leaf",
		"sub" };
	static const int parent[] = { -1, 0, 1, 1, 0 };	/* within the group */

	fprintf(fp, "---\nkind: matters\nversion: 1\nrecords:\n");
	for (long i = 0; i < n; i++) {
		long g = i - i % 5;

		write_matter(fp, i, levels[i % 5], parent[i % 5] < 0 ? -1 :
		    g + parent[i % 5]);
	}
}

/* Matters that have no children: 2, 3 and 4 of each group (and a last
 * group cut short: its item or first sub). */
static long
counted_matter(long n)
{
	long i = draw((unsigned)n);

	if (i % 5 == 0 && i + 1 < n)
		i += 4 < n - i ? 4 : n - i - 1;
	if (i % 5 == 1 && i + 2 < n)
		i++;
	return i;
}

static void
write_applications(FILE *fp, long n, long matters)
{
	static const char *const channels[] = { "online", "online", "mobile",
		"window" };
	static const char *const actions[] = { "new", "new", "new", "new",
		"new", "new", "renewal", "change", "cancellation" };

	fprintf(fp, "---\nkind: applications\nversion: 1\nrecords:\n");
	for (long i = 0; i < n; i++) {
		unsigned day = draw(360), took = draw(12);

		fprintf(fp, "  - id: SP2019%07ld\n    matter: \"M%06ld\"\n"
		    "    received: 2019-%02u-%02u\n", i, counted_matter(matters),
		    day / 30 + 1, day % 28 + 1);
		if (draw(50) != 0)
			fprintf(fp, "    completed: 2019-%02u-%02u\n",
			    day / 30 + 1, (day % 28 + 1 + took) > 28 ? 28 :
			    day % 28 + 1 + took);
		fprintf(fp, "    channel: %s\n    action: %s\n", channels[draw(4)],
		    actions[draw(9)]);
		if (draw(10) == 0)
			fprintf(fp, "    site_survey: true\n");
		if (draw(3) == 0)
			fprintf(fp, "    satisfaction: %u\n", 8 + draw(3));
	}
}

int
main(int argc, char **argv)
{
	FILE *m, *a;

	if (argc != 5) {
		fprintf(stderr, "usage: gen-metrics MATTERS APPLICATIONS "
		    "MATTERS.yaml APPLICATIONS.yaml\n");
		return 64;
	}
	if ((m = fopen(argv[3], "w")) == NULL ||
	    (a = fopen(argv[4], "w")) == NULL) {
		perror("gen-metrics");
		return 73;
	}
	write_matters(m, atol(argv[1]));
	write_applications(a, atol(argv[2]), atol(argv[1]));
	if (fclose(m) != 0 || fclose(a) != 0) {
		perror("gen-metrics");
		return 74;
	}
	return 0;
}
