/* gen-inspections [-j] N: N inspection records of a busy district, as one
 * inspections document on standard output (about 190 bytes a record), or
 * with -j the same records as JSON Lines, one object a line, for the
 * tools that read no YAML (Miller, in make bench).
 * Deterministic: the same N gives the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 20190101;

static unsigned
next(unsigned n)
{
	/* A 64-bit linear congruential generator (Knuth's MMIX constants). */
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

int
main(int argc, char **argv)
{
	static const char *const towns[] = { "月湖街道", "鼓楼街道",
		"西门街道", "南门街道", "江厦街道", "望春街道", "白云街道",
		"段塘街道", "石碶街道", "集士港镇", "古林镇", "高桥镇", "横街镇",
		"章水镇", "鄞江镇", "洞桥镇", "龙观乡" };
	static const char *const categories[] = { "网吧", "娱乐场所",
		"印刷企业", "旅行社", "演出场所", "影院", "书店" };
	static const char *const types[] = { "routine", "routine", "routine",
		"random", "joint", "night", "special", "complaint" };
	int json = argc > 1 && strcmp(argv[1], "-j") == 0;
	long n = argc > 1 + json ? atol(argv[1 + json]) : 1000000;
	/* The same fields in the same order, either way. */
	const char *const fmt = json ?
	    "{\"date\": \"2019-%02u-%02u\", \"entity\": \"9133020%011u\", "
	    "\"town\": \"%s\", \"category\": \"%s\", "
	    "\"inspectors\": [\"330200%05u\", \"330200%05u\"], "
	    "\"outing\": \"O-%08ld\", \"type\": \"%s\", \"result\": \"%s\"}\n" :
	    "  - date: 2019-%02u-%02u\n"
	    "    entity: 9133020%011u\n"
	    "    town: %s\n"
	    "    category: %s\n"
	    "    inspectors: [330200%05u, 330200%05u]\n"
	    "    outing: O-%08ld\n"
	    "    type: %s\n"
	    "    result: %s\n";
	long outing = 0, left = 0;
	unsigned a = 0, b = 0, month = 1, day = 1;

	if (!json)
		printf("kind: inspections\nversion: 1\nrecords:\n");
	for (long i = 0; i < n; i++) {
		if (left-- <= 0) {	/* a new outing of 1 to 8 visits */
			outing++;
			left = (long)next(8);
			a = next(400);
			b = (a + 1 + next(399)) % 400;
			month = 1 + next(12);
			day = 1 + next(28);
		}
		unsigned e = next(20000);
		printf(fmt,
		    month, day, e, towns[e % 17], categories[e % 7], a, b,
		    outing, types[next(8)], next(200) ? "ok" : "violation");
	}
	return 0;
}
