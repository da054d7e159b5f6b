/* stats.c: `actornet stats`: tables of a network's ties per period and type, its actors, and each actor's ties. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* getopt_long values of the options that have no short form. */
enum { OPT_BY = 256, OPT_TABLE };

static const char STATS_HELP[] =
	"Usage: actornet stats FILE [OPTION]...\n"
	"Count a network's ties for a report: ties per period and type, actors per\n"
	"kind, and each actor's ties out, in and mutual, with render's filters.\n"
	"A FILE of - is standard input.\n"
	"\n"
	"Tables:\n"
	"      --by STEP          the rows of the periods table: decade (default), year,\n"
	"                         or Ny (5y: 1990-1994, 1995-1999, ...)\n"
	"      --table NAME       only this table: periods, kinds or actors (repeatable)\n"
	"  -T, --format FORMAT    text (default: aligned columns), csv or json\n"
	"  -o, --output FILE      write to FILE instead of standard output\n"
	"\n"
	"A tie (each from/to pair of it) counts in every period its dates may overlap,\n"
	"with --certain only in those it is certainly in; undated ties have a row of\n"
	"their own, and the row 'all' counts every tie once.\n"
	"\n"
	FILTERS_HELP
	"\n"
	"Other:\n"
	SELECTION_OTHER_HELP
	"  -h, --help             show this help and exit\n"
	"\n"
	"Examples:\n"
	"  actornet stats networks/iran-dprk.yaml\n"
	"  actornet stats networks/iran-dprk.yaml --table periods -T csv -o decades.csv\n"
	"  actornet stats networks/iran-dprk.yaml --period 2010- --by year --type missiles\n";

/* stats's long options, for getopt_long. */
static const struct option OPTIONS[] = {
	{"by", required_argument, NULL, OPT_BY},
	{"table", required_argument, NULL, OPT_TABLE},
	{"format", required_argument, NULL, 'T'},
	{"output", required_argument, NULL, 'o'},
	SELECTION_OPTIONS,
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int run_stats(const cli_command *command, int argc, char **argv)
{
	static const char *const STATS_FORMATS[] = {"text", "csv", "json", NULL};
	static const char *const TABLES[] = {"periods", "kinds", "actors", NULL};
	selection sel;
	selection_init(&sel);
	an_stats_options stats = {.step = {10, true}};
	const char *path = "-";
	int c;
	while ((c = getopt_long(argc, argv, ":T:o:h" SELECTION_SHORT, OPTIONS, NULL)) != -1) {
		int taken = selection_option(&sel, command, c);
		if (taken > EXIT_OK)
			return taken;
		if (taken == EXIT_OK)
			continue;
		int i;
		char problem[128];
		switch (c) {
		case OPT_BY:
			if (!an_step_parse(optarg, &stats.step, problem, sizeof problem))
				return usage_error(command, "bad --by '%s': %s", optarg, problem);
			break;
		case OPT_TABLE:
			if ((i = index_of(optarg, TABLES)) < 0)
				return usage_error(command, "unknown table '%s': use periods, kinds or actors", optarg);
			stats.tables |= 1u << i;
			break;
		case 'T':
			if ((i = index_of(optarg, STATS_FORMATS)) < 0)
				return usage_error(command, "unknown format '%s': use text, csv or json", optarg);
			stats.format = (an_stats_format)i;
			break;
		case 'o':
			path = optarg;
			break;
		case 'h':
			fputs(command->help, stdout);
			return EXIT_OK;
		default:
			return bad_option(command, c, argv, OPTIONS);
		}
	}
	int status = one_network_file(command, argc, argv);
	an_network *net = NULL;
	if (status == EXIT_OK)
		status = selection_open(&sel, command, argv[optind], &path, 1, &net);
	if (status != EXIT_OK)
		return status;
	stats.certain = sel.filter.certain;
	an_view view;
	an_view_build(&view, net, &sel.filter);
	size_t len;
	an_diags diags;
	an_diags_init(&diags);
	char *text = an_stats(&view, &stats, &len, &diags);
	print_diags(&diags, sel.quiet, NULL);
	an_diags_free(&diags);
	status = text ? write_output(path, text, len, sel.quiet) : EXIT_USAGE;
	free(text);
	an_view_free(&view);
	selection_close(&sel, net);
	return status;
}

const cli_command STATS_COMMAND = {"stats", STATS_HELP, run_stats};
