/* cli.h: what the command line's files share: exit statuses, the commands, usage messages, the selection of ties and the writing of outputs. */
#ifndef ACTORNET_CLI_H
#define ACTORNET_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "../actornet.h"
#include "../util.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_INVALID = 1, /* the network file has errors, or cannot be read */
	EXIT_USAGE = 2,   /* the command line is wrong */
	EXIT_OUTPUT = 3,  /* an output cannot be rendered or written */
};

/* The program's name, as messages begin with it. */
extern const char *const program;

/*
 * A command: its name, its help, and what runs it, with its own arguments
 * (argv[0] is the command; getopt_long is reset for them). The command is
 * passed on so that its messages name it.
 */
typedef struct cli_command cli_command;
struct cli_command {
	const char *name;
	const char *help;
	int (*run)(const cli_command *command, int argc, char **argv);
};

extern const cli_command RENDER_COMMAND, CHECK_COMMAND, STATS_COMMAND, EXPORT_COMMAND,
	IMPORT_COMMAND;

/* The filters of render, stats and export (a selection), as their help shows them. */
#define FILTERS_HELP \
	"Filters:\n" \
	"  -p, --period PERIOD    ties whose dates overlap PERIOD: 1990s, 2017, 1990-1999,\n" \
	"                         2009-12, 2010- (since 2010), or an EDTF interval 1990/1999\n" \
	"      --certain          only ties certainly in the period (no ?, ~ or %, and\n" \
	"                         imprecise dates entirely inside it)\n" \
	"      --undated show|hide  show undated ties in every period (default) or not\n" \
	"  -t, --type LIST        only these tie types, e.g. arms,missiles\n" \
	"  -c, --confidence LEVEL only ties at least this certain: confirmed, reported,\n" \
	"                         alleged or disputed (default: all)\n" \
	"  -f, --focus ID         only actors within --depth ties of ID (repeatable)\n" \
	"  -d, --depth N          hops from the focus (default 1)\n" \
	"      --all-actors       every actor of the period, even without ties\n"
/* The rest of a selection's options (SELECTION_OPTIONS), under "Other:". */
#define SELECTION_OTHER_HELP \
	"      --max-size BYTES   refuse network files larger than this (default 64M)\n" \
	"  -q, --quiet            do not print warnings\n"

/*
 * Prints "actornet: error: ..." and where to find the command's help (the
 * program's without a command); returns EXIT_USAGE.
 */
int usage_error(const cli_command *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Reports what getopt_long refused (it returned c); returns EXIT_USAGE. */
int bad_option(const cli_command *command, int c, char **argv, const struct option *options);
/* Prints the diagnostics and, for a file, the count line when there are any; returns the error count. */
size_t print_diags(an_diags *diags, bool quiet, const char *file);
/* Parses --max-size's value (optarg); false after reporting a usage error. */
bool parse_max_size(const cli_command *command, size_t *out);
/* The index of word in the NULL-terminated names, or -1. */
int index_of(const char *word, const char *const *names);
/* The format that the path's extension names, one of `formats` (.gv is dot's), or NULL. */
const char *format_of(const char *path, const char *const *formats);
/* Refuses an output that is one of the command's input files (never opened for writing). */
int refuse_input_as_output(const cli_command *command, const char *output,
                           const char *const *inputs, size_t ninputs);
/* Refuses, with exit 3, an output whose folder does not exist (before anything is drawn). */
int refuse_missing_folder(const char *output);
/* Refuses an output given twice, and more than one to standard output ('-'). */
int refuse_repeated_outputs(const cli_command *command, const char *const *paths, size_t n);
/* Refuses an output that is the network file (exit 2) or lies in no folder (exit 3). */
int check_output_path(const cli_command *command, const char *output, const char *input);
/* Writes a command's one output ("-": standard output); returns an exit status. */
int write_output(const char *path, const char *data, size_t len, bool quiet);
/* Seconds since an arbitrary start, for --verbose timings and progress. */
double now(void);

/* What render, stats and export share: the filters and the network file's limits. */
typedef struct {
	const char *period;    /* -p */
	const char *types;     /* -t */
	const char *focus[64]; /* the --focus arguments, each an id or a comma-separated list */
	int nfocus;
	bool quiet;
	an_filter filter;
	an_load_options load;
	/* Filled by selection_open, per type and actor of the network. */
	bool *type_allowed, *focused;
	size_t *focus_index;
} selection;

/* The long options of a selection, for each command's table. */
#define SELECTION_OPTIONS                                                                  \
	{"period", required_argument, NULL, 'p'}, {"certain", no_argument, NULL, 'C'},         \
	{"undated", required_argument, NULL, 'U'}, {"type", required_argument, NULL, 't'},     \
	{"confidence", required_argument, NULL, 'c'}, {"focus", required_argument, NULL, 'f'}, \
	{"depth", required_argument, NULL, 'd'}, {"all-actors", no_argument, NULL, 'A'},       \
	{"max-size", required_argument, NULL, 'M'}, {"quiet", no_argument, NULL, 'q'}
#define SELECTION_SHORT "p:t:c:f:d:q"

void selection_init(selection *sel);
/* Takes the option getopt_long returned: -1 when it is not a selection's, else an exit status. */
int selection_option(selection *sel, const cli_command *command, int c);
/* The network file after the options (argv[optind]): exactly one; returns an exit status. */
int one_network_file(const cli_command *command, int argc, char **argv);
/*
 * Once the options are read and checked: refuses an output that is the
 * network file, parses --period, loads and checks the file (printing its
 * diagnostics) and resolves the names of --type and --focus. Returns an
 * exit status; *net is the network when it is EXIT_OK, else NULL.
 */
int selection_open(selection *sel, const cli_command *command, const char *file,
                   const char *const *outputs, size_t noutputs, an_network **net);
/*
 * Marks in `marks` the actors (or types) a comma-separated list names; an
 * unknown name is a usage error that says which option it came from.
 */
int mark_names(const an_network *net, const cli_command *command, const char *list,
               const char *option, bool types, bool *marks);
/* Frees what selection_open made, the network too. */
void selection_close(selection *sel, an_network *net);

#endif
