/* export.c: `actornet export`: writes the selected ties as GraphML, GEXF or JSON for other tools. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char EXPORT_HELP[] =
	"Usage: actornet export FILE -o OUTPUT [OPTION]...\n"
	"Write a network (FILE, or - for standard input), with render's filters, for\n"
	"network-analysis tools.\n"
	"\n"
	"  -o, --output FILE      write to FILE (repeatable; '-': standard output, with\n"
	"                         -T); the format comes from the extension:\n"
	"                         .graphml  GraphML with typed attributes (Cytoscape,\n"
	"                                   yEd, networkx)\n"
	"                         .gexf     GEXF 1.2, each actor's and tie's dates as\n"
	"                                   spells: Gephi's timeline plays the network\n"
	"                         .json     the network as data, as render writes it\n"
	"  -T, --format FORMAT    graphml, gexf or json: the format of OUTPUT whatever\n"
	"                         its extension; with several, of '-' and of those\n"
	"                         whose extension is none of these\n"
	"\n"
	FILTERS_HELP
	"\n"
	"Other:\n"
	SELECTION_OTHER_HELP
	"  -h, --help             show this help and exit\n"
	"\n"
	"Examples:\n"
	"  actornet export networks/iran-dprk.yaml -o out/iran-dprk.gexf\n"
	"  actornet export networks/iran-dprk.yaml --period 2010- -o out/since-2010.graphml\n"
	"  actornet export networks/iran-dprk.yaml -o out/iran-dprk.gexf -o out/iran-dprk.graphml\n";

/* export's long options, for getopt_long. */
static const struct option OPTIONS[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, 'T'},
	SELECTION_OPTIONS,
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int run_export(const cli_command *command, int argc, char **argv)
{
	static const char *const EXPORT_FORMATS[] = {"graphml", "gexf", "json", NULL};
	selection sel;
	selection_init(&sel);
	enum { MAX_OUTPUTS = 16 };
	const char *paths[MAX_OUTPUTS], *formats[MAX_OUTPUTS], *format = NULL;
	size_t npaths = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:T:h" SELECTION_SHORT, OPTIONS, NULL)) != -1) {
		int taken = selection_option(&sel, command, c);
		if (taken > EXIT_OK)
			return taken;
		if (taken == EXIT_OK)
			continue;
		switch (c) {
		case 'o':
			if (npaths == MAX_OUTPUTS)
				return usage_error(command, "at most %d outputs", MAX_OUTPUTS);
			paths[npaths++] = optarg;
			break;
		case 'T':
			if (index_of(optarg, EXPORT_FORMATS) < 0)
				return usage_error(command, "unknown format '%s': use graphml, gexf or json", optarg);
			format = optarg;
			break;
		case 'h':
			fputs(command->help, stdout);
			return EXIT_OK;
		default:
			return bad_option(command, c, argv, OPTIONS);
		}
	}
	int status = one_network_file(command, argc, argv);
	if (status != EXIT_OK)
		return status;
	if (npaths == 0)
		return usage_error(command, "no output given: use -o FILE (.graphml, .gexf or .json)");
	/* -T: the format of one output whatever its name; of several, of those whose extension names none ('-'). */
	for (size_t i = 0; i < npaths; i++) {
		const char *named = strcmp(paths[i], "-") == 0 ? NULL : format_of(paths[i], EXPORT_FORMATS);
		formats[i] = format && (npaths == 1 || !named) ? format : named;
		if (!formats[i])
			return usage_error(command, "cannot tell the format of '%s' from its extension: use .graphml, .gexf or .json, or -T FORMAT", paths[i]);
	}
	if ((status = refuse_repeated_outputs(command, paths, npaths)) != EXIT_OK)
		return status;
	an_network *net;
	status = selection_open(&sel, command, argv[optind], paths, npaths, &net);
	if (status != EXIT_OK)
		return status;
	an_view view;
	an_view_build(&view, net, &sel.filter);
	for (size_t i = 0; i < npaths && status == EXIT_OK; i++) {
		size_t len;
		char *data = strcmp(formats[i], "graphml") == 0 ? an_view_graphml(&view, &len)
		             : strcmp(formats[i], "gexf") == 0  ? an_view_gexf(&view, &len)
		                                                : an_view_json(&view, &len);
		status = write_output(paths[i], data, len, sel.quiet);
		free(data);
	}
	an_view_free(&view);
	selection_close(&sel, net);
	return status;
}

const cli_command EXPORT_COMMAND = {"export", EXPORT_HELP, run_export};
