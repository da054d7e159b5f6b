/* check.c: `actornet check`: loads and checks network files and reports every problem. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include "cli.h"

static const char CHECK_HELP[] =
	"Usage: actornet check [OPTION]... FILE...\n"
	"Check network files and report every problem as FILE:LINE:COL: error: MESSAGE.\n"
	"A FILE of - is standard input (named <stdin> in messages).\n"
	"\n"
	"  -s, --strict           treat warnings as errors (exit 1 on any warning)\n"
	"      --max-size BYTES   refuse files larger than this (default 64M)\n"
	"  -q, --quiet            do not print warnings (unless --strict)\n"
	"  -h, --help             show this help and exit\n"
	"\n"
	"Exit status: 0 when every file is valid, 1 when any has an error, 2 on wrong usage.\n";

/* check's long options, for getopt_long. */
static const struct option OPTIONS[] = {
	{"strict", no_argument, NULL, 's'},
	{"max-size", required_argument, NULL, 'M'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int run_check(const cli_command *command, int argc, char **argv)
{
	bool strict = false, quiet = false;
	an_load_options load = {0};
	int c;
	while ((c = getopt_long(argc, argv, ":sqh", OPTIONS, NULL)) != -1) {
		switch (c) {
		case 's':
			strict = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'M':
			if (!parse_max_size(command, &load.max_size))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(command->help, stdout);
			return EXIT_OK;
		default:
			return bad_option(command, c, argv, OPTIONS);
		}
	}
	if (optind >= argc)
		return usage_error(command, "no network file given");
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		an_diags diags;
		an_diags_init(&diags);
		an_network *net = an_load_file(argv[i], &load, &diags);
		if (net)
			an_validate(net, &diags);
		/* With --strict warnings are errors: --quiet does not hide them. */
		print_diags(&diags, quiet && !strict, argv[i]);
		if (diags.errors || (strict && diags.warnings))
			status = EXIT_INVALID;
		an_network_free(net);
		an_diags_free(&diags);
	}
	return status;
}

const cli_command CHECK_COMMAND = {"check", CHECK_HELP, run_check};
