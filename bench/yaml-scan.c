/* yaml-scan FILE...: parse the files with libyaml and discard the events:
 * the floor under any libyaml reader, against which the programs are
 * measured.  Prints the number of events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Parse one input to its end; 0 on a parse error (reported). */
static int
scan(FILE *fp, const char *name, unsigned long long *events)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int done = 0, ok = 1;

	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "yaml-scan: %s:%zu:%zu: %s\n", name,
			    parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "parse error");
			ok = 0;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		++*events;
	}
	yaml_parser_delete(&parser);
	return ok;
}

int
main(int argc, char **argv)
{
	unsigned long long events = 0;
	int status = 0;

	if (argc < 2 && !scan(stdin, "<stdin>", &events))
		status = 65;
	for (int i = 1; i < argc; i++) {
		FILE *fp = strcmp(argv[i], "-") == 0 ? stdin :
		    fopen(argv[i], "rb");

		if (fp == NULL) {
			perror(argv[i]);
			return 66;
		}
		if (!scan(fp, argv[i], &events))
			status = 65;
		if (fp != stdin)
			fclose(fp);
	}
	printf("%llu events\n", events);
	return status;
}
