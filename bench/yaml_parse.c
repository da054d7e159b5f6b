/* yaml_parse.c: the floor for loading a network file: libyaml's event parse of it, and nothing else. */
#include <stdio.h>

#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_parse FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return 1;
	}
	yaml_parser_set_input_file(&parser, f);
	unsigned long events = 0;
	int status = 0;
	for (int done = 0; !done; events++) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", argv[1], parser.problem_mark.line + 1,
			        parser.problem_mark.column + 1, parser.problem ? parser.problem : "error");
			status = 1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	if (status == 0)
		printf("%lu events\n", events);
	return status;
}
