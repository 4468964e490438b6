/* gen-draw KIND N: the inputs of a large draw on standard output.
 *   gen-draw entities N     N entities (block style, about 150 bytes each),
 *                           ids valid 统一社会信用代码, 2% closed
 *   gen-draw inspectors N   N inspectors of four departments, some
 *                           qualified for a few categories, some avoiding
 *   gen-draw plan N         a plan of N selections over seven categories,
 *                           teams of a 文旅 inspector and one more
 * Deterministic: the same arguments give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 20190701;

static unsigned
next(unsigned n)
{
	/* A 64-bit linear congruential generator (Knuth's MMIX constants). */
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

static const char *const categories[] = { "网吧", "娱乐场所", "印刷企业",
	"旅行社", "演出场所", "影院", "书店" };
static const unsigned per_category[] = { 20, 20, 15, 15, 10, 10, 10 };

/* The GB 32100 code of entity i: 91 (enterprise), 330203 (海曙区), nine
 * characters numbering it, and the check character. */
static void
uscc(long i, char out[19])
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	int sum = 0, w = 1;

	memcpy(out, "91330203", 8);
	for (int k = 16; k >= 8; k--, i /= 31)
		out[k] = chars[i % 31];
	for (int k = 0; k < 17; k++, w = w * 3 % 31)
		sum += (int)(strchr(chars, out[k]) - chars) * w;
	out[17] = chars[(31 - sum % 31) % 31];
	out[18] = '\0';
}

static void
entities(long n)
{
	static const char *const towns[] = { "月湖街道", "鼓楼街道",
		"西门街道", "南门街道", "江厦街道", "望春街道", "白云街道",
		"段塘街道", "石碶街道", "集士港镇", "古林镇", "高桥镇", "横街镇",
		"章水镇", "鄞江镇", "洞桥镇", "龙观乡" };
	static const char *const risks[] = { "low", "low", "medium", "high" };
	char id[19];

	printf("kind: entities\nversion: 1\nrecords:\n");
	for (long i = 0; i < n; i++) {
		unsigned c = next(100), k = 0;

		while (c >= per_category[k])
			c -= per_category[k++];
		uscc(i, id);
		printf("- id: %s\n  name: 海曙%s经营户%07ld\n  category: %s\n"
		    "  town: %s\n  risk: %s\n", id, categories[k], i,
		    categories[k], towns[next(17)], risks[next(4)]);
		if (next(3) == 0)
			printf("  last_inspected: 2019-%02u-%02u\n",
			    1 + next(6), 1 + next(28));
		if (next(50) == 0)
			printf("  status: closed\n");
	}
}

static void
inspectors(long n, long nentities)
{
	static const char *const departments[] = { "文旅", "文旅", "文旅",
		"文旅", "文旅", "文旅", "公安", "公安", "消防", "市场监管" };
	char id[19];

	printf("kind: inspectors\nversion: 1\nrecords:\n");
	for (long i = 0; i < n; i++) {
		printf("- id: ZJ-%05ld\n  name: 检查员%05ld\n  department: %s\n",
		    i, i, departments[next(10)]);
		if (next(4) == 0)
			printf("  categories: [%s, %s]\n", categories[next(7)],
			    categories[next(7)]);
		if (next(10) == 0) {
			uscc((long)next((unsigned)nentities), id);
			printf("  avoid: [%s]\n", id);
		}
		if (next(50) == 0)
			printf("  active: false\n");
	}
}

static void
plan(long n)
{
	printf("kind: plan\nversion: 1\ntask: bench-%ld\n"
	    "seed: \"58204719366102847315\"\ndate: 2019-07-01\nstrata:\n", n);
	for (int k = 0; k < 7; k++)
		printf("  - {name: %s, where: {category: %s}, count: %ld}\n",
		    categories[k], categories[k], n * per_category[k] / 100);
	printf("team: {size: 2, departments: [文旅]}\nmax_per_inspector: 20\n"
	    "exclude_inspected_within_days: 90\n");
}

int
main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 0;

	if (argc < 3 || n <= 0) {
		fprintf(stderr, "usage: gen-draw entities|inspectors|plan N\n");
		return 64;
	}
	if (strcmp(argv[1], "entities") == 0)
		entities(n);
	else if (strcmp(argv[1], "inspectors") == 0)
		inspectors(n, 1000000);
	else if (strcmp(argv[1], "plan") == 0)
		plan(n);
	else
		return 64;
	return 0;
}
