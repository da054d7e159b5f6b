/* import.c: `actornet import`: builds a network file from spreadsheets saved as CSV. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* getopt_long values of the options that have no short form. */
enum { OPT_ACTORS = 256, OPT_TIES, OPT_SOURCES, OPT_TYPES, OPT_DEFAULT_SOURCE, OPT_TITLE };

static const char IMPORT_HELP[] =
	"Usage: actornet import --actors FILE --ties FILE -o OUTPUT [OPTION]...\n"
	"Build a network file from spreadsheets saved as CSV, and check it.\n"
	"\n"
	"      --actors FILE      the actors, one per row: id, name and kind (state,\n"
	"                         non-state or international), and optionally label,\n"
	"                         type, region, part_of, when, url, note, latitude and\n"
	"                         longitude (the actor's place on a map: at)\n"
	"      --ties FILE        the ties, one per row: from, to and type, and optionally\n"
	"                         id, when, confidence, label, sources, mutual, grade, note\n"
	"      --sources FILE     the sources that ties name: key, and title, author,\n"
	"                         date, url (or text: the whole citation)\n"
	"      --types FILE       tie types of your own: name, and label, color (#RRGGBB)\n"
	"      --default-source KEY  the source of the ties that name none\n"
	"  -o, --output FILE      the network file to write ('-': standard output)\n"
	"      --title TEXT       the network's title (default: the output's file name)\n"
	"      --max-size BYTES   refuse CSV files larger than this (default 64M)\n"
	"  -q, --quiet            do not print warnings\n"
	"  -h, --help             show this help and exit\n"
	"\n"
	"The first row of each file names its columns, in any order: the keys of the\n"
	"network file (docs/format.md), and x-NAME for columns of your own. A cell of\n"
	"from, to or sources may list several ids separated by ';'. Quoting follows\n"
	"RFC 4180; a file is UTF-8, with or without a byte order mark (\"CSV UTF-8\" in\n"
	"spreadsheets), separated by commas, or semicolons or tabs throughout. Each\n"
	"problem is reported as FILE:LINE of its row, and nothing is written until\n"
	"every row is right.\n"
	"\n"
	"Example:\n"
	"  actornet import --actors actors.csv --ties ties.csv --sources sources.csv \\\n"
	"      --title 'Iran and North Korea' -o networks/mine.yaml\n";

/* The default title of an imported network: the output's file name without its extension. */
static char *title_from_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return xstrndup(base, n);
}

/* import's long options, for getopt_long. */
static const struct option OPTIONS[] = {
	{"actors", required_argument, NULL, OPT_ACTORS},
	{"ties", required_argument, NULL, OPT_TIES},
	{"sources", required_argument, NULL, OPT_SOURCES},
	{"types", required_argument, NULL, OPT_TYPES},
	{"default-source", required_argument, NULL, OPT_DEFAULT_SOURCE},
	{"title", required_argument, NULL, OPT_TITLE},
	{"output", required_argument, NULL, 'o'},
	{"max-size", required_argument, NULL, 'M'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int run_import(const cli_command *command, int argc, char **argv)
{
	an_import_options im = {0};
	const char *path = NULL;
	bool quiet = false;
	int c;
	while ((c = getopt_long(argc, argv, ":o:qh", OPTIONS, NULL)) != -1) {
		switch (c) {
		case OPT_ACTORS:
			im.actors = optarg;
			break;
		case OPT_TIES:
			im.ties = optarg;
			break;
		case OPT_SOURCES:
			im.sources = optarg;
			break;
		case OPT_TYPES:
			im.types = optarg;
			break;
		case OPT_DEFAULT_SOURCE:
			im.default_source = optarg;
			break;
		case OPT_TITLE:
			im.title = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'M':
			if (!parse_max_size(command, &im.max_size))
				return EXIT_USAGE;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			fputs(command->help, stdout);
			return EXIT_OK;
		default:
			return bad_option(command, c, argv, OPTIONS);
		}
	}
	if (optind < argc)
		return usage_error(command, "'%s' is extra: the files are given with --actors, --ties, --sources and --types", argv[optind]);
	if (!im.actors || !im.ties)
		return usage_error(command, "%s: use --actors FILE.csv --ties FILE.csv",
		                   im.actors ? "no ties given" : im.ties ? "no actors given" : "no actors or ties given");
	if (!path)
		return usage_error(command, "no output given: use -o FILE.yaml");
	const char *const inputs[] = {im.actors, im.ties, im.sources, im.types};
	int status = refuse_input_as_output(command, path, inputs, 4);
	if (status != EXIT_OK)
		return status;
	char *title = im.title ? NULL : title_from_path(strcmp(path, "-") == 0 ? im.ties : path);
	if (!im.title)
		im.title = title;
	an_diags diags;
	an_diags_init(&diags);
	size_t len;
	char *yaml = an_import_csv(&im, &diags, &len);
	print_diags(&diags, quiet, NULL);
	if (diags.errors)
		fprintf(stderr, "%s: %zu error%s: nothing written\n", program, diags.errors,
		        diags.errors == 1 ? "" : "s");
	an_diags_free(&diags);
	status = yaml ? write_output(path, yaml, len, quiet) : EXIT_INVALID;
	free(yaml);
	free(title);
	return status;
}

const cli_command IMPORT_COMMAND = {"import", IMPORT_HELP, run_import};
