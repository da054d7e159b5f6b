/* main.c: the actornet command line: finds the command and runs it (src/cli/ holds the commands; only the command line prints or exits). */
#define _POSIX_C_SOURCE 200809L
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/jobs.h"

static const char MAIN_HELP[] =
	"Usage: actornet COMMAND [OPTION]... [FILE]...\n"
	"Draw diagrams of a network of actors and their dated ties, for a given period.\n"
	"\n"
	"Commands:\n"
	"  render FILE -o OUT   check the network and draw it (SVG, PNG, PDF, DOT, JSON,\n"
	"                       or a timeline page of a series: HTML)\n"
	"  check FILE...        check network files and report every problem\n"
	"  stats FILE           count ties per decade and type, actors, each actor's ties\n"
	"  export FILE -o OUT   write it for Gephi, Cytoscape, yEd, networkx (GraphML,\n"
	"                       GEXF, JSON)\n"
	"  import --actors CSV --ties CSV -o FILE\n"
	"                       build a network file from spreadsheets saved as CSV\n"
	"  help [COMMAND]       show this help, or a command's\n"
	"\n"
	"Options:\n"
	"  -h, --help           show help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Examples:\n"
	"  actornet import --actors actors.csv --ties ties.csv -o network.yaml\n"
	"  actornet check networks/iran-dprk.yaml\n"
	"  actornet render networks/iran-dprk.yaml --period 1990s -o out/iran-dprk-1990s.svg\n"
	"  actornet stats networks/iran-dprk.yaml --table periods\n"
	"  actornet export networks/iran-dprk.yaml -o out/iran-dprk.gexf\n"
	"\n"
	"Exit status: 0 ok, 1 invalid input, 2 wrong usage, 3 cannot write or render.\n"
	"The network file format is described in docs/format.md.\n";

/* The commands, in the order of the help. */
static const cli_command *const COMMANDS[] = {
	&RENDER_COMMAND, &CHECK_COMMAND, &STATS_COMMAND, &EXPORT_COMMAND, &IMPORT_COMMAND, NULL,
};

static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; COMMANDS[i]; i++)
		if (strcmp(name, COMMANDS[i]->name) == 0)
			return COMMANDS[i];
	return NULL;
}

/* Refuses a word that names no command, listing those that do ("render, check ... and import"). */
static int no_command(const char *word)
{
	strbuf names;
	sb_init(&names);
	for (size_t i = 0; COMMANDS[i]; i++)
		sb_printf(&names, "%s%s", i == 0 ? "" : COMMANDS[i + 1] ? ", " : " and ", COMMANDS[i]->name);
	int status = word[0] == '-'
	                 ? usage_error(NULL, "'%s' before a command: the commands are %s", word, names.data)
	                 : usage_error(NULL, "no command '%s': the commands are %s", word, names.data);
	sb_free(&names);
	return status;
}

/* `actornet help [COMMAND]`. */
static int help(int argc, char **argv)
{
	if (argc < 3) {
		fputs(MAIN_HELP, stdout);
		return EXIT_OK;
	}
	const cli_command *command = find_command(argv[2]);
	if (!command)
		return no_command(argv[2]);
	fputs(command->help, stdout);
	return EXIT_OK;
}

/*
 * SIGINT, SIGTERM and SIGHUP: the file being written and the workers go
 * first, then the signal, raised again with its default action restored
 * (SA_RESETHAND), ends the process as it would have (its exit status kept).
 */
static void on_stop_signal(int sig)
{
	an_remove_pending_output();
	stop_workers(sig);
	raise(sig);
}

/* Memory ran out in the library: nothing is left half-written, and the status is 3. */
static _Noreturn void on_out_of_memory(void)
{
	an_remove_pending_output();
	static const char message[] = "actornet: error: out of memory\n";
	ssize_t written = write(STDERR_FILENO, message, sizeof message - 1);
	(void)written; /* nothing more can be done if it is not */
	_exit(EXIT_OUTPUT);
}

static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	const int stops[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		struct sigaction old;
		/* A signal ignored by whoever started us (nohup) stays ignored. */
		if (sigaction(stops[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(stops[i], &sa, NULL);
	}
}

int main(int argc, char **argv)
{
	/* Past a file-size limit, write must fail (and the output be left alone), not kill us. */
	signal(SIGXFSZ, SIG_IGN);
#ifdef M_ARENA_MAX
	/*
	 * One malloc arena for every thread (pango's, the progress line's): under
	 * a memory limit (ulimit -v) glibc failed to make a thread its own on
	 * every allocation, which took seconds; with one arena it is as fast.
	 */
	mallopt(M_ARENA_MAX, 1);
#endif
	catch_stop_signals();
	an_set_out_of_memory(on_out_of_memory);
	if (argc < 2) {
		fputs(MAIN_HELP, stderr);
		return EXIT_USAGE;
	}
	const char *word = argv[1];
	if (strcmp(word, "-h") == 0 || strcmp(word, "--help") == 0) {
		fputs(MAIN_HELP, stdout);
		return EXIT_OK;
	}
	if (strcmp(word, "-V") == 0 || strcmp(word, "--version") == 0) {
		printf("actornet %s\n", ACTORNET_VERSION);
		return EXIT_OK;
	}
	if (strcmp(word, "help") == 0)
		return help(argc, argv);
	const cli_command *command = find_command(word);
	if (!command)
		return no_command(word);
	/* getopt_long sees the command's own arguments, with the command as argv[0]. */
	optind = 1;
	opterr = 0;
	return command->run(command, argc - 1, argv + 1);
}
