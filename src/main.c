/* main.c: the actornet command line: options, commands, messages and exit statuses (with src/cli/, the only code that prints or exits). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "cli/jobs.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_INVALID = 1, /* the network file has errors, or cannot be read */
	EXIT_USAGE = 2,   /* the command line is wrong */
	EXIT_OUTPUT = 3,  /* an output cannot be rendered or written */
};

#define STRING_OF(x) #x
#define STRING(x) STRING_OF(x) /* a macro's value as a string literal */

static const char *const FORMATS[] = {"svg", "png", "pdf", "dot", "json", "html", NULL};
static const char *const ENGINES[] = {"auto", "dot", AN_ENGINE_PACKED, "neato", "fdp", "sfdp", "circo", "twopi", NULL};

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

static const char RENDER_HELP[] =
	"Usage: actornet render FILE -o OUTPUT [OPTION]...\n"
	"Check a network file, keep the ties that pass the filters, and draw them.\n"
	"\n"
	"Output:\n"
	"  -o, --output FILE      write to FILE (repeatable); '-' is standard output (SVG\n"
	"                         unless -T). The format comes from the extension: .svg\n"
	"                         .png .pdf, .dot or .gv (the graph before layout), .json\n"
	"                         (the data), .html (a series' timeline page)\n"
	"  -T, --format FORMAT    svg, png, pdf, dot, json or html, whatever the extension\n"
	"  -l, --layout ENGINE    auto (default), dot, packed, neato, fdp, sfdp, circo,\n"
	"                         twopi; auto uses dot while the graph has at most\n"
	"                         " STRING(AN_DOT_MAX_EDGES) " ties and " STRING(AN_DOT_MAX_CYCLES) " more ties than actors, and sfdp\n"
	"                         beyond; from " STRING(AN_COMPACT_MIN_ACTORS) " actors, dot or packed, whichever\n"
	"                         draws fewer lines through actors and labels (with\n"
	"                         --size, packed where dot does not fit); packed:\n"
	"                         sfdp's places packed, labels kept clear\n"
	"      --draft            dot stops improving the layout sooner: 1.5 times as\n"
	"                         fast on large graphs, a few more crossings\n"
	"      --title TEXT       the diagram's title instead of the network's\n"
	"\n"
	"Series (one diagram per period):\n"
	"      --each STEP        decade, year or Ny (5y: 1990-1994, 1995-1999, ...), over\n"
	"                         the years of the network's dated ties; each OUTPUT\n"
	"                         must contain {period} (becomes 1990s, 2017, 1990-1994),\n"
	"                         except an .html OUTPUT: the timeline page of the series\n"
	"      --from PERIOD      start the series at PERIOD's start (e.g. 1980s)\n"
	"      --to PERIOD        end the series at PERIOD's end (e.g. 2010s)\n"
	"      --no-stable        lay out each period on its own (default: every actor is\n"
	"                         placed once, on the whole series, and keeps its place\n"
	"                         among the others)\n"
	"      --ghost            draw what is outside the period faintly, not hide it\n"
	"  -j, --jobs N           draw N periods at a time (default: the number of cores,\n"
	"                         when the periods are slow enough to be worth it)\n"
	"\n"
	"Drawing:\n"
	"      --no-merge         one edge per tie (default: ties with the same from, to,\n"
	"                         type and direction are one edge, labelled with their span)\n"
	"      --no-legend        no legend of the actor kinds, types and confidences shown\n"
	"      --no-source        no \"Source: ...\" line\n"
	"      --cite             a numbered marker on each tie and the numbered sources\n"
	"                         under the diagram, as a report's figure needs\n"
	"      --labels full|short|none  tie labels: text and dates (default), dates, none\n"
	"      --theme light|dark|print  colours (print: greyscale, types by arrowhead)\n"
	"      --cluster region   group the actors by region\n"
	"      --highlight IDS    emphasise these actors and their ties, grey the rest\n"
	"      --size TARGET      draw for a page or a slide: a4 or letter (a portrait\n"
	"                         page's text block, text at least 7 pt), 16:9 or 4:3\n"
	"                         (a slide, text at least 10 pt), or WxH with a unit\n"
	"                         (25x15cm, 800x450pt, 10x5.63in; taller than wide is a\n"
	"                         page); labels, merging and layout are chosen to fit,\n"
	"                         and a warning says what to cut when nothing does\n"
	"      --dpi N            PNG resolution (default 96, or 144 with --size: a 16:9\n"
	"                         slide is 1920x1080); SVG and PDF are not changed\n"
	"      --background transparent  no background colour, for slides\n"
	"      --outline-text     SVG text as glyph outlines (no font needed to show it)\n"
	"\n"
	FILTERS_HELP
	"\n"
	"Other:\n"
	SELECTION_OTHER_HELP
	"  -v, --verbose          say how each diagram was laid out, and how long it took\n"
	"  -h, --help             show this help and exit\n"
	"\n"
	"Examples:\n"
	"  actornet render networks/iran-dprk.yaml --period 1990s -o out/iran-dprk-1990s.svg\n"
	"  actornet render networks/iran-dprk.yaml --type missiles,nuclear -o out/tech.png\n"
	"  actornet render networks/iran-dprk.yaml --focus SYR --period 2010- -o out/syria.pdf\n"
	"  actornet render networks/iran-dprk.yaml --each decade -o 'out/iran-dprk-{period}.svg'\n"
	"  actornet render networks/iran-dprk.yaml --each decade --ghost -o out/iran-dprk.html\n";

static const char CHECK_HELP[] =
	"Usage: actornet check [OPTION]... FILE...\n"
	"Check network files and report every problem as FILE:LINE:COL: error: MESSAGE.\n"
	"\n"
	"  -s, --strict           treat warnings as errors (exit 1 on any warning)\n"
	"      --max-size BYTES   refuse files larger than this (default 64M)\n"
	"  -q, --quiet            do not print warnings (unless --strict)\n"
	"  -h, --help             show this help and exit\n"
	"\n"
	"Exit status: 0 when every file is valid, 1 when any has an error, 2 on wrong usage.\n";

static const char STATS_HELP[] =
	"Usage: actornet stats FILE [OPTION]...\n"
	"Count a network's ties for a report: ties per period and type, actors per\n"
	"kind, and each actor's ties out, in and mutual, with render's filters.\n"
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

static const char EXPORT_HELP[] =
	"Usage: actornet export FILE -o OUTPUT [OPTION]...\n"
	"Write a network, with render's filters, for network-analysis tools.\n"
	"\n"
	"  -o, --output FILE      write to FILE ('-': standard output, with -T); the\n"
	"                         format comes from the extension:\n"
	"                         .graphml  GraphML with typed attributes (Cytoscape,\n"
	"                                   yEd, networkx)\n"
	"                         .gexf     GEXF 1.2, each actor's and tie's dates as\n"
	"                                   spells: Gephi's timeline plays the network\n"
	"                         .json     the network as data, as render writes it\n"
	"  -T, --format FORMAT    graphml, gexf or json, whatever the extension\n"
	"\n"
	FILTERS_HELP
	"\n"
	"Other:\n"
	SELECTION_OTHER_HELP
	"  -h, --help             show this help and exit\n"
	"\n"
	"Examples:\n"
	"  actornet export networks/iran-dprk.yaml -o out/iran-dprk.gexf\n"
	"  actornet export networks/iran-dprk.yaml --period 2010- -o out/since-2010.graphml\n";

static const char IMPORT_HELP[] =
	"Usage: actornet import --actors FILE --ties FILE -o OUTPUT [OPTION]...\n"
	"Build a network file from spreadsheets saved as CSV, and check it.\n"
	"\n"
	"      --actors FILE      the actors, one per row: id, name and kind (state or\n"
	"                         non-state), and optionally label, type, region,\n"
	"                         part_of, when, url, note\n"
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

static const char *program = "actornet";
static const char COMMANDS[] = "render, check, stats, export and import";

/* getopt_long values of the options that have no short form. */
enum {
	OPT_FROM = 256, OPT_TO, OPT_NO_STABLE, OPT_GHOST, OPT_DRAFT, OPT_BY, OPT_TABLE,
	OPT_ACTORS, OPT_TIES, OPT_SOURCES, OPT_TYPES, OPT_DEFAULT_SOURCE, OPT_TITLE,
};

static int usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: error: ", program);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s %s--help' for more information.\n", program, command);
	return EXIT_USAGE;
}

/*
 * Reports what getopt_long refused: an unknown option, one without its value,
 * or the start of several long options' names.
 */
static int bad_option(const char *command, int c, char **argv, const struct option *options)
{
	const char *arg = argv[optind - 1];
	if (c == ':')
		return usage_error(command, "option '%s' needs a value", arg);
	if (optopt && strncmp(arg, "--", 2) != 0)
		return usage_error(command, "unknown option '-%c'", optopt);
	size_t n = strcspn(arg + 2, "=");
	strbuf names;
	sb_init(&names);
	int matches = 0;
	for (const struct option *o = options; strncmp(arg, "--", 2) == 0 && o->name; o++)
		if (strncmp(o->name, arg + 2, n) == 0)
			sb_printf(&names, "%s--%s", matches++ ? ", " : "", o->name);
	int status = matches > 1 ? usage_error(command, "option '%.*s' is ambiguous: %s", (int)n + 2, arg, names.data)
	                         : usage_error(command, "unknown option '%s'", arg);
	sb_free(&names);
	return status;
}

/* Prints the diagnostics and, when there are any, the count line; returns the error count. */
static size_t print_diags(an_diags *diags, bool quiet, const char *file)
{
	an_diags_sort(diags);
	size_t shown_warnings = 0;
	for (size_t i = 0; i < diags->count; i++) {
		const an_diag *d = &diags->items[i];
		if (quiet && d->severity == AN_WARNING)
			continue;
		shown_warnings += d->severity == AN_WARNING;
		char *line = an_diag_format(d);
		fprintf(stderr, "%s\n", line);
		free(line);
	}
	if (file && (diags->errors || shown_warnings))
		fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", file, diags->errors,
		        diags->errors == 1 ? "" : "s", shown_warnings, shown_warnings == 1 ? "" : "s");
	return diags->errors;
}

/* Parses a size like 64M, 512k or 1000000. */
static bool parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return false;
	unsigned long long unit = 1;
	if (*end == 'k' || *end == 'K')
		unit = 1ull << 10, end++;
	else if (*end == 'm' || *end == 'M')
		unit = 1ull << 20, end++;
	else if (*end == 'g' || *end == 'G')
		unit = 1ull << 30, end++;
	if (*end || n == 0 || n > SIZE_MAX / unit)
		return false;
	*out = (size_t)(n * unit);
	return true;
}

/* Parses --max-size's value (optarg); false after reporting a usage error. */
static bool parse_max_size(const char *command, size_t *out)
{
	if (parse_size(optarg, out))
		return true;
	usage_error(command, "--max-size needs a size such as 64M, not '%s'", optarg);
	return false;
}

static int index_of(const char *word, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------------ check */

static int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{"strict", no_argument, NULL, 's'},
		{"max-size", required_argument, NULL, 'M'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool strict = false, quiet = false;
	an_load_options load = {0};
	int c;
	while ((c = getopt_long(argc, argv, ":sqh", options, NULL)) != -1) {
		switch (c) {
		case 's':
			strict = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'M':
			if (!parse_max_size("check ", &load.max_size))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(CHECK_HELP, stdout);
			return EXIT_OK;
		default:
			return bad_option("check ", c, argv, options);
		}
	}
	if (optind >= argc)
		return usage_error("check ", "no network file given");
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

/* ------------------------------------------------------------- selection */

/* What render, stats and export share: the filters and the network file's limits. */
typedef struct {
	const char *period;    /* -p */
	const char *types;     /* -t */
	const char *focus[64]; /* the --focus arguments, each an id or a comma-separated list */
	int nfocus;
	bool quiet;
	an_filter filter;
	an_load_options load;
	/* Filled by select_names, per type and actor of the network. */
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

static void select_init(selection *sel)
{
	memset(sel, 0, sizeof *sel);
	an_filter_init(&sel->filter);
}

/* Takes the option getopt_long returned: -1 when it is not a selection's, else an exit status. */
static int select_option(selection *sel, const char *command, int c)
{
	char *end;
	switch (c) {
	case 'p':
		sel->period = optarg;
		return EXIT_OK;
	case 'C':
		sel->filter.certain = true;
		return EXIT_OK;
	case 'U':
		if (strcmp(optarg, "show") == 0)
			sel->filter.undated = AN_UNDATED_SHOW;
		else if (strcmp(optarg, "hide") == 0)
			sel->filter.undated = AN_UNDATED_HIDE;
		else
			return usage_error(command, "--undated takes show or hide, not '%s'", optarg);
		return EXIT_OK;
	case 't':
		sel->types = optarg;
		return EXIT_OK;
	case 'c': {
		int level = index_of(optarg, CONFIDENCE_NAMES);
		if (level < 0)
			return usage_error(command, "unknown confidence '%s': use confirmed, reported, alleged or disputed", optarg);
		sel->filter.min_confidence = (an_confidence)level;
		return EXIT_OK;
	}
	case 'f':
		if (sel->nfocus == 64)
			return usage_error(command, "at most 64 --focus options (each may list ids: --focus A,B)");
		sel->focus[sel->nfocus++] = optarg;
		return EXIT_OK;
	case 'd': {
		errno = 0;
		long depth = strtol(optarg, &end, 10);
		if (errno || *end || end == optarg || depth < 0 || depth > 1000)
			return usage_error(command, "--depth needs a number from 0 to 1000, not '%s'", optarg);
		sel->filter.depth = (int)depth;
		return EXIT_OK;
	}
	case 'A':
		sel->filter.all_actors = true;
		return EXIT_OK;
	case 'M':
		return parse_max_size(command, &sel->load.max_size) ? EXIT_OK : EXIT_USAGE;
	case 'q':
		sel->quiet = true;
		return EXIT_OK;
	default:
		return -1;
	}
}

/* Parses --period, once the options are read. */
static int select_period(selection *sel, const char *command)
{
	if (!sel->period)
		return EXIT_OK;
	char problem[128];
	if (!an_period_parse(sel->period, &sel->filter.period, problem, sizeof problem))
		return usage_error(command, "bad period '%s': %s", sel->period, problem);
	sel->filter.has_period = true;
	return EXIT_OK;
}

/* Loads and checks the network file, printing its diagnostics; NULL when it has errors. */
static an_network *load_checked(const char *file, const selection *sel)
{
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_file(file, &sel->load, &diags);
	if (net)
		an_validate(net, &diags);
	size_t errors = print_diags(&diags, sel->quiet, file);
	an_diags_free(&diags);
	if (net && errors) {
		an_network_free(net);
		net = NULL;
	}
	return net;
}

/*
 * Marks in `marks` the actors (or types) a comma-separated list names; an
 * unknown name is a usage error that says which option it came from.
 */
static int mark_names(const an_network *net, const char *command, const char *list,
                      const char *option, bool types, bool *marks)
{
	char *copy = xstrdup(list), *save = NULL;
	int status = EXIT_OK;
	for (char *name = strtok_r(copy, ",", &save); name && status == EXIT_OK;
	     name = strtok_r(NULL, ",", &save)) {
		size_t i = types ? an_find_type(net, name) : an_find_actor(net, name);
		if (i != SIZE_MAX) {
			marks[i] = true;
			continue;
		}
		const char *what = types ? "tie type" : "actor";
		const char *best = types ? an_suggest_type(net, name) : an_suggest_actor(net, name);
		if (best)
			status = usage_error(command, "unknown %s '%s' in %s (did you mean %s?)", what, name,
			                     option, best);
		else
			status = usage_error(command, "unknown %s '%s' in %s", what, name, option);
	}
	free(copy);
	return status;
}

/* Resolves the names of --type and --focus against the network; free with select_free. */
static int select_names(selection *sel, const an_network *net, const char *command)
{
	sel->type_allowed = xcalloc(net->ntypes, sizeof *sel->type_allowed);
	sel->focused = xcalloc(net->nactors + 1, sizeof *sel->focused);
	sel->focus_index = xcalloc(net->nactors + 1, sizeof *sel->focus_index);
	if (sel->types) {
		if (mark_names(net, command, sel->types, "--type", true, sel->type_allowed) != EXIT_OK)
			return EXIT_USAGE;
		sel->filter.type_allowed = sel->type_allowed;
	}
	for (int i = 0; i < sel->nfocus; i++)
		if (mark_names(net, command, sel->focus[i], "--focus", false, sel->focused) != EXIT_OK)
			return EXIT_USAGE;
	for (size_t i = 0; i < net->nactors; i++)
		if (sel->focused[i])
			sel->focus_index[sel->filter.nfocus++] = i;
	sel->filter.focus = sel->focus_index;
	return EXIT_OK;
}

/* Refuses an output that is one of the command's input files (never opened for writing). */
static int refuse_input_as_output(const char *command, const char *output, const char *const *inputs,
                                  size_t ninputs)
{
	struct stat in, out;
	if (strcmp(output, "-") == 0 || stat(output, &out) != 0)
		return EXIT_OK;
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return usage_error(command, "the output '%s' is the input file '%s' itself", output, inputs[i]);
	return EXIT_OK;
}

static void select_free(selection *sel)
{
	free(sel->type_allowed);
	free(sel->focused);
	free(sel->focus_index);
}

/* ----------------------------------------------------------------- render */

typedef struct {
	const char *path;
	const char *format;
} output;

typedef struct {
	output outputs[16];
	an_target target;     /* --size, when build.target points here */
	an_build_options build;
	an_render_options render;
	const char *highlight;
	int noutputs;
	const char *format;   /* -T */
	const char *engine;
	const char *title;
	const char *period;
	bool each;            /* --each: a series */
	an_step step;
	bool has_from, has_to;
	an_when from, to;     /* --from, --to */
	bool stable;          /* a series' actors keep their places (not --no-stable) */
	bool ghost;
	int jobs;
	bool jobs_given;      /* --jobs: workers even for a quick series */
	bool page;            /* an .html output: the series' timeline page */
	bool verbose;
	selection sel;
} render_options;

/* The format that the path's extension names, one of `formats` (.gv is dot's), or NULL. */
static const char *format_of(const char *path, const char *const *formats)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return NULL;
	int i = index_of(strcmp(dot, ".gv") == 0 ? "dot" : dot + 1, formats);
	return i < 0 ? NULL : formats[i];
}

/* Replaces every "{period}" in the pattern. */
static char *expand_path(const char *pattern, const char *period)
{
	strbuf b;
	sb_init(&b);
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{period}", 8) == 0) {
			sb_puts(&b, period);
			p += 8;
		} else {
			sb_putc(&b, *p++);
		}
	}
	return sb_take(&b, NULL);
}

/* A target's PNG has two pixels per point: a 16:9 slide is 1920 x 1080. */
#define TARGET_DPI 144

/* Drawing time (seconds) of a stable series' other periods from which worker processes pay off. */
#define WORKERS_WORTH 0.05

/* Seconds since an arbitrary start, for --verbose timings and progress. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The engine --layout asks for a graph: auto picks by its size, and says so when it leaves dot. */
static const char *engine_for(const render_options *o, an_graph *graph)
{
	if (strcmp(o->engine, "auto") != 0)
		return o->engine;
	size_t nodes = an_graph_nodes(graph), edges = an_graph_edges(graph);
	const char *engine = an_layout_auto(nodes, edges);
	if (strcmp(engine, "sfdp") == 0 && !o->sel.quiet)
		fprintf(stderr,
		        "%s: note: %zu actors and %zu ties are too many for dot to lay out quickly: using %s (--layout dot forces dot)\n",
		        program, nodes, edges, engine);
	return engine;
}

/*
 * Builds the view's graph and, unless *engine is chosen already, chooses the
 * engine for it; the packed engine needs the graph built with labels as nodes.
 */
static an_graph *build_for(const render_options *o, const an_view *view, an_build_options *build,
                           const char **engine)
{
	an_graph *graph = an_graph_build(view, build);
	if (*engine)
		return graph;
	*engine = engine_for(o, graph);
	if (strcmp(*engine, AN_ENGINE_PACKED) == 0 && !build->label_nodes) {
		an_graph_free(graph);
		build->label_nodes = true;
		graph = an_graph_build(view, build);
	}
	return graph;
}

/* What a diagram is drawn from: a view, and for a stable series its graph and placement. */
typedef struct {
	const an_view *view;
	const an_build_options *build; /* a series' way of drawing, or NULL: the options' */
	const char *period_name;       /* fills {period}; NULL outside a series */
	an_graph *graph;               /* built ahead (stable series), or NULL */
	const an_placement *placement; /* NULL: the graph is laid out on its own */
	char **page_svg;               /* non-NULL: keeps the SVG for the timeline page */
	size_t *page_len;
} drawing;

/* The share of the target a whole series is fitted to (see place_series). */
#define SERIES_HEADROOM 0.94

/*
 * Chooses how to draw a view for --size's target, and warns with the cuts
 * that would fit when it does not (see an_fit_view); *fits (unless NULL)
 * says whether it fits.
 */
static bool fit_view(const render_options *o, const an_view *view, const char *period_name,
                     an_build_options *build, const char **engine, bool *fits,
                     an_renderer *renderer, an_diags *diags)
{
	an_fit_request request = {
		.selection = &o->sel.filter,
		.period_name = period_name,
		.engine = o->engine,
		.series = o->each,
		.advise = !o->sel.quiet,
	};
	bool fitted;
	if (!an_fit_view(renderer, view, &request, build, engine, &fitted, diags))
		return false;
	if (fits)
		*fits = fitted;
	return true;
}

/*
 * Lays out the drawing's graph, pinned (a period of a stable series, on the
 * series' whole canvas when `whole_canvas`) or with the engine; false on failure.
 */
static bool lay_out(const render_options *o, const drawing *d, an_graph *graph,
                    const char *fitted_engine, bool whole_canvas, an_renderer *renderer,
                    an_diags *diags)
{
	double start = now();
	const char *engine = d->placement ? "nop2" : fitted_engine ? fitted_engine : engine_for(o, graph);
	bool ok = d->placement ? an_layout_pinned(renderer, graph, d->placement, whole_canvas, diags)
	                       : an_layout(renderer, graph, engine, diags);
	if (ok && o->verbose)
		fprintf(stderr, "%s: %s%slaid out %zu actors and %zu ties with %s%s in %.3f s\n", program,
		        d->period_name ? d->period_name : "", d->period_name ? ": " : "",
		        an_graph_nodes(graph), an_graph_edges(graph), engine,
		        d->placement ? " (at the series' places)" : "", now() - start);
	return ok;
}

/* Draws one view to every output; returns an exit status. */
static int draw(const render_options *o, const drawing *d, an_renderer **renderer)
{
	int status = EXIT_OK;
	an_build_options build = d->build ? *d->build : o->build;
	build.title = o->title;
	an_graph *graph = d->graph; /* built when an output needs it: JSON does not */
	bool laid_out = false;
	an_diags diags;
	an_diags_init(&diags);
	const char *engine = NULL; /* the engine a target's fit chose */
	bool drawn = false;        /* whether any output is a drawing (DOT is its graph) */
	for (int i = 0; i < o->noutputs; i++)
		drawn |= strcmp(o->outputs[i].format, "json") != 0 && strcmp(o->outputs[i].format, "html") != 0;
	/* How to draw it: for a target, what fits; else, with auto, what has the fewest faults. */
	bool choose = !d->graph && (build.target ? drawn || d->page_svg
	                                         : drawn && strcmp(o->engine, "auto") == 0);
	if (choose && !*renderer && !(*renderer = an_renderer_new())) {
		an_error(&diags, (an_pos){0, 0}, "cannot start Graphviz");
		status = EXIT_OUTPUT;
	} else if (choose && build.target) {
		if (!fit_view(o, d->view, d->period_name, &build, &engine, NULL, *renderer, &diags))
			status = EXIT_OUTPUT;
	} else if (choose) {
		an_fit_choice choice;
		if (!an_choose_layout(*renderer, d->view, &build, &choice, &diags))
			status = EXIT_OUTPUT;
		build = choice.build;
		engine = choice.engine;
	}
	/*
	 * DOT and JSON first, so that DOT shows the graph before layout; the
	 * timeline page's SVG last, when no output was an SVG or the outputs of
	 * a stable series are cropped (the page's frames share one canvas).
	 */
	for (int n = 0; n <= 2 * o->noutputs && status == EXIT_OK; n++) {
		bool page_only = n == 2 * o->noutputs;
		if (page_only && (!d->page_svg || *d->page_svg))
			continue;
		if (page_only && d->placement)
			laid_out = false; /* again, on the whole canvas */
		const output *out = page_only ? NULL : &o->outputs[n % o->noutputs];
		const char *format = page_only ? "svg" : out->format;
		if (strcmp(format, "html") == 0)
			continue; /* the series writes the page */
		bool unlaid = strcmp(format, "dot") == 0 || strcmp(format, "json") == 0;
		if (!page_only && unlaid != (n < o->noutputs))
			continue;
		char *data = NULL;
		size_t len = 0;
		bool ok = true;
		if (!graph && strcmp(format, "json") != 0)
			graph = build_for(o, d->view, &build, &engine);
		if (strcmp(format, "dot") == 0) {
			/* A stable series' graph is pinned already: DOT is the graph before layout. */
			an_graph *unpinned = d->placement ? an_graph_build(d->view, &build) : graph;
			data = an_graph_dot(unpinned, &len);
			if (unpinned != graph)
				an_graph_free(unpinned);
		} else if (strcmp(format, "json") == 0) {
			data = an_view_json(d->view, &len);
		} else {
			if (!*renderer && !(*renderer = an_renderer_new())) {
				an_error(&diags, (an_pos){0, 0}, "cannot start Graphviz");
				ok = false;
			}
			if (ok && !laid_out)
				ok = laid_out = lay_out(o, d, graph, engine, page_only, *renderer, &diags);
			if (ok)
				ok = an_render(*renderer, graph, format, &o->render, &data, &len, &diags);
		}
		if (ok && d->page_svg && !*d->page_svg && strcmp(format, "svg") == 0 &&
		    (page_only || !d->placement)) {
			*d->page_svg = xmalloc(len + 1);
			memcpy(*d->page_svg, data, len);
			(*d->page_svg)[len] = '\0';
			*d->page_len = len;
		}
		if (ok && !page_only) {
			char *path = d->period_name ? expand_path(out->path, d->period_name) : xstrdup(out->path);
			ok = an_write_file(path, data, len, &diags);
			free(path);
		}
		if (!ok)
			status = EXIT_OUTPUT;
		free(data);
	}
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	if (laid_out)
		an_layout_free(*renderer, graph);
	if (graph != d->graph)
		an_graph_free(graph);
	return status;
}

/* ------------------------------------------------------------------ series */

/* A series: one diagram per period, each drawn by draw_period. */
typedef struct {
	const render_options *o;
	an_period_series ps;     /* placed for a stable series only */
	bool page;               /* a timeline page is written */
	char **svg;              /* per period: the SVG for the page */
	size_t *svg_len;
	/* Progress, on a terminal only. */
	bool progress;
	size_t done;
} series;

static void show_progress(series *s, size_t period)
{
	s->done++;
	if (!s->progress)
		return;
	if (s->done < s->ps.count)
		fprintf(stderr, "\r%s: %zu of %zu periods drawn (%s)\033[K", program, s->done, s->ps.count,
		        s->ps.periods[period].name);
	else
		fputs("\r\033[K", stderr);
}

static int draw_period(series *s, size_t i, an_renderer **renderer)
{
	drawing d = {
		.view = &s->ps.views[i],
		.build = s->ps.placement ? &s->ps.build : NULL,
		.period_name = s->ps.periods[i].name,
		.graph = s->ps.graphs ? s->ps.graphs[i] : NULL,
		.placement = s->ps.placement,
		.page_svg = s->page ? &s->svg[i] : NULL,
		.page_len = s->page ? &s->svg_len[i] : NULL,
	};
	int status = draw(s->o, &d, renderer);
	if (s->ps.graphs) {
		an_graph_free(s->ps.graphs[i]);
		s->ps.graphs[i] = NULL;
	}
	return status;
}

/* A series and the renderer its periods are drawn with, for the worker processes. */
typedef struct {
	series *s;
	an_renderer **renderer;
} series_job;

/* In a worker: draws period i, and hands its SVG for the page back. */
static int draw_period_job(void *context, size_t i, char **svg, size_t *len)
{
	series_job *job = context;
	series *s = job->s;
	int status = draw_period(s, i, job->renderer);
	if (s->page && s->svg[i]) {
		*svg = s->svg[i];
		*len = s->svg_len[i];
		s->svg[i] = NULL;
	}
	return status;
}

/* In the parent: a period drawn by a worker, with its SVG for the page. */
static void period_drawn(void *context, size_t i, int status, char *svg, size_t len)
{
	(void)status;
	series *s = ((series_job *)context)->s;
	if (svg) {
		s->svg[i] = svg;
		s->svg_len[i] = len;
	}
	show_progress(s, i);
}

/*
 * Draws the periods in `jobs` processes forked now, after the one placement
 * (src/cli/jobs.c); the output is the same as one process's. A worker
 * inherits pango's font caches but not its font thread: that is safe
 * because a stable series has already measured, in this process, every
 * text the workers draw (an_placement_fit), and a per-period series has
 * drawn no text here yet. Draws the periods from `first` on; returns an
 * exit status, or -1 when nothing was started.
 */
static int draw_in_parallel(series *s, size_t first, int jobs, an_renderer **renderer)
{
	series_job job = {s, renderer};
	job_runner runner = {program, EXIT_OUTPUT, draw_period_job, period_drawn, &job};
	int status = run_jobs(&runner, first, s->ps.count, jobs);
	if (status == EXIT_OK && s->done < s->ps.count) {
		fprintf(stderr, "%s: error: %zu of %zu periods were not drawn\n", program,
		        s->ps.count - s->done, s->ps.count);
		status = EXIT_OUTPUT;
	}
	return status;
}

/*
 * Places the whole series once: builds it without a title block, lays it out
 * with the engine --layout picks for its size, and builds each period's graph
 * with title blocks of one size, so that every period has the same canvas.
 */
static int place_series(series *s, an_renderer **renderer)
{
	const render_options *o = s->o;
	an_build_options build = o->build;
	build.title = o->title;
	build.ghost = NULL;
	build.bare = true;
	an_diags diags;
	an_diags_init(&diags);
	int status = EXIT_OK;
	if (!*renderer && !(*renderer = an_renderer_new())) {
		fprintf(stderr, "%s: error: cannot start Graphviz\n", program);
		return EXIT_OUTPUT;
	}
	const char *engine = NULL;
	bool fits = true; /* whether the fit found a way for the whole series (else it warned) */
	if (build.target) { /* one way of drawing for every period: the one the whole series fits with */
		/*
		 * Periods are drawn with title blocks of one size, the largest, and
		 * labels of their own: the way is chosen to fit a slightly smaller
		 * target, so that every period still fits the real one.
		 */
		an_target smaller = *build.target;
		smaller.width *= SERIES_HEADROOM;
		smaller.height *= SERIES_HEADROOM;
		const an_target *target = build.target;
		build.target = &smaller;
		build.bare = false;
		bool ok = fit_view(o, &s->ps.whole, NULL, &build, &engine, &fits, *renderer, &diags);
		build.target = target;
		if (!ok) {
			print_diags(&diags, o->sel.quiet, NULL);
			an_diags_free(&diags);
			return EXIT_OUTPUT;
		}
		build.bare = true;
	} else if (strcmp(o->engine, "auto") == 0) { /* the way with the fewest faults */
		an_fit_choice choice;
		if (!an_choose_layout(*renderer, &s->ps.whole, &build, &choice, &diags)) {
			print_diags(&diags, o->sel.quiet, NULL);
			an_diags_free(&diags);
			return EXIT_OUTPUT;
		}
		build = choice.build;
		engine = choice.engine;
	}
	an_graph *whole = build_for(o, &s->ps.whole, &build, &engine);
	if (s->progress)
		fprintf(stderr, "%s: placing %zu actors with %s\033[K", program, an_graph_nodes(whole), engine);
	an_build_options each = build; /* each period: with its title block, and its ghosts */
	each.bare = false;
	each.ghost = o->ghost ? &s->ps.whole : NULL;
	double start = now(), text;
	bool readable;
	if (!an_period_series_place(&s->ps, *renderer, whole, engine, &each, s->page, &readable, &text,
	                            &diags))
		status = EXIT_OUTPUT;
	if (s->ps.placement && o->verbose)
		fprintf(stderr, "%s%s: placed %zu actors and %zu ties with %s in %.3f s\n",
		        s->progress ? "\r" : "", program, s->ps.placed_nodes, s->ps.placed_edges, engine,
		        now() - start);
	an_graph_free(whole);
	if (s->progress)
		fputs("\r\033[K", stderr);
	const an_target *t = each.target;
	if (status == EXIT_OK && fits && !readable)
		/* The fit judged the whole series; its periods, each with the largest title block, are larger. */
		an_warning(&diags, (an_pos){0, 0},
		           "on %s the series' smallest text is %.1f pt (minimum %g): its periods are larger than the whole series it was fitted on; a larger --size, or --no-stable (each period fitted alone)",
		           t->name, text, t->min_text);
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	return status;
}

/* Writes the timeline page of the series to every .html output. */
static int write_page(series *s)
{
	const render_options *o = s->o;
	const char *title = o->title ? o->title : s->ps.net->title.text;
	size_t len;
	char *html = an_period_series_page(&s->ps, s->svg, s->svg_len, title ? title : "actornet",
	                                   o->build.theme == AN_THEME_DARK, &len);
	int status = EXIT_OK;
	an_diags diags;
	an_diags_init(&diags);
	for (int i = 0; i < o->noutputs; i++)
		if (strcmp(o->outputs[i].format, "html") == 0 &&
		    !an_write_file(o->outputs[i].path, html, len, &diags))
			status = EXIT_OUTPUT;
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	free(html);
	return status;
}

/* The years a series covers: --from and --to, else the span of the network's dated ties. */
static bool series_years(const render_options *o, const an_network *net, int *first, int *last)
{
	int m, d;
	if (!net->has_span && (!o->has_from || !o->has_to))
		return false;
	if (o->has_from)
		an_civil_from_days(o->from.first_day, first, &m, &d);
	else
		an_civil_from_days(net->span_first, first, &m, &d);
	if (o->has_to)
		an_civil_from_days(o->to.last_day, last, &m, &d);
	else
		an_civil_from_days(net->span_last, last, &m, &d);
	return true;
}

static int render_series(render_options *o, const an_network *net, an_renderer **renderer)
{
	int first, last;
	if (!series_years(o, net, &first, &last)) {
		if (!o->sel.quiet)
			fprintf(stderr, "%s: note: %s has no dated ties: no periods to draw (--from and --to set them)\n",
			        program, net->path);
		return EXIT_OK;
	}
	if (last < first && o->has_from && o->has_to)
		return usage_error("render ", "--from %04d is after --to %04d", first, last);
	if (last < first && o->has_from)
		return usage_error("render ", "--from %04d is after the network's last dated tie (%04d): add --to", first, last);
	if (last < first)
		return usage_error("render ", "--to %04d is before the network's first dated tie (%04d): add --from", last, first);
	series s = {.o = o, .page = o->page};
	if (!an_period_series_open(&s.ps, net, &o->sel.filter, &o->step, first, last))
		return usage_error("render ", "%zu periods from %04d to %04d are too many (at most %d): use a longer step or --from and --to",
		                   s.ps.count, first, last, AN_SERIES_MAX);
	s.svg = xcalloc(s.ps.count ? s.ps.count : 1, sizeof *s.svg);
	s.svg_len = xcalloc(s.ps.count ? s.ps.count : 1, sizeof *s.svg_len);
	s.progress = !o->sel.quiet && isatty(STDERR_FILENO);

	bool drawn = o->page; /* whether any output is laid out: DOT and JSON are not */
	for (int i = 0; i < o->noutputs; i++)
		drawn |= strcmp(o->outputs[i].format, "dot") != 0 && strcmp(o->outputs[i].format, "json") != 0;
	int status = o->stable && drawn ? place_series(&s, renderer) : EXIT_OK;
	if (o->ghost)
		o->build.ghost = &s.ps.whole;
	int jobs = o->jobs < (int)s.ps.count ? o->jobs : (int)s.ps.count;
	size_t here = 0; /* periods drawn in this process before the workers start */
	if (status == EXIT_OK && jobs > 1 && s.ps.placement && !o->jobs_given && s.ps.count > 2 * (size_t)jobs) {
		/*
		 * Workers take milliseconds to start: unless --jobs asks for them, one
		 * period of a long series is drawn here first, and they start only if
		 * the rest is worth it (in a short one, that period would hold up the rest).
		 */
		double start = now();
		status = draw_period(&s, 0, renderer);
		show_progress(&s, 0);
		here = 1;
		if ((now() - start) * (double)(s.ps.count - 1) < WORKERS_WORTH)
			jobs = 1;
	}
	if ((size_t)jobs > s.ps.count - here)
		jobs = (int)(s.ps.count - here);
	int parallel = status == EXIT_OK && jobs > 1 ? draw_in_parallel(&s, here, jobs, renderer) : -1;
	if (parallel != -1) {
		status = parallel;
	} else if (status == EXIT_OK || here > 0) {
		for (size_t i = here; i < s.ps.count; i++) {
			int drawn_status = draw_period(&s, i, renderer); /* every period, as the workers do */
			status = drawn_status > status ? drawn_status : status;
			show_progress(&s, i);
		}
	}
	if (s.progress && s.done < s.ps.count)
		fputs("\r\033[K", stderr);
	if (status == EXIT_OK && s.page)
		status = write_page(&s);

	for (size_t i = 0; i < s.ps.count; i++)
		free(s.svg[i]);
	an_period_series_free(&s.ps);
	free(s.svg);
	free(s.svg_len);
	o->build.ghost = NULL;
	return status;
}

static int cmd_render(int argc, char **argv)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'T'},
		{"layout", required_argument, NULL, 'l'},
		SELECTION_OPTIONS,
		{"title", required_argument, NULL, 'I'},
		{"each", required_argument, NULL, 'E'},
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"no-stable", no_argument, NULL, OPT_NO_STABLE},
		{"ghost", no_argument, NULL, OPT_GHOST},
		{"draft", no_argument, NULL, OPT_DRAFT},
		{"jobs", required_argument, NULL, 'j'},
		{"verbose", no_argument, NULL, 'v'},
		{"no-merge", no_argument, NULL, 'm'},
		{"no-legend", no_argument, NULL, 'g'},
		{"no-source", no_argument, NULL, 's'},
		{"cite", no_argument, NULL, 'x'},
		{"labels", required_argument, NULL, 'L'},
		{"theme", required_argument, NULL, 'H'},
		{"cluster", required_argument, NULL, 'K'},
		{"highlight", required_argument, NULL, 'G'},
		{"size", required_argument, NULL, 'S'},
		{"dpi", required_argument, NULL, 'D'},
		{"background", required_argument, NULL, 'B'},
		{"outline-text", no_argument, NULL, 'O'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const LABELS[] = {"full", "short", "none", NULL};
	static const char *const THEME_NAMES[] = {"light", "dark", "print", NULL};
	render_options o;
	memset(&o, 0, sizeof o);
	select_init(&o.sel);
	o.engine = "auto";
	o.stable = true;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	const char *from = NULL, *to = NULL;
	const char *paths[16];
	int npaths = 0;
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, ":o:T:l:j:vh" SELECTION_SHORT, options, NULL)) != -1) {
		int taken = select_option(&o.sel, "render ", c);
		if (taken > EXIT_OK)
			return taken;
		if (taken == EXIT_OK)
			continue;
		switch (c) {
		case 'o':
			if (npaths == 16)
				return usage_error("render ", "at most 16 outputs");
			paths[npaths++] = optarg;
			break;
		case 'T':
			if (index_of(optarg, FORMATS) < 0)
				return usage_error("render ", "unknown format '%s': use svg, png, pdf, dot, json or html", optarg);
			o.format = optarg;
			break;
		case 'l':
			if (index_of(optarg, ENGINES) < 0)
				return usage_error("render ", "unknown layout '%s': use auto, dot, packed, neato, fdp, sfdp, circo or twopi", optarg);
			o.engine = optarg;
			break;
		case 'I':
			o.title = optarg;
			break;
		case 'E': {
			char problem[128];
			if (!an_step_parse(optarg, &o.step, problem, sizeof problem))
				return usage_error("render ", "bad --each '%s': %s", optarg, problem);
			o.each = true;
			break;
		}
		case OPT_FROM:
			from = optarg;
			break;
		case OPT_TO:
			to = optarg;
			break;
		case OPT_NO_STABLE:
			o.stable = false;
			break;
		case OPT_GHOST:
			o.ghost = true;
			break;
		case OPT_DRAFT:
			o.build.draft = true;
			break;
		case 'j':
			errno = 0;
			long jobs = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || jobs < 1 || jobs > 64)
				return usage_error("render ", "--jobs needs a number from 1 to 64, not '%s'", optarg);
			o.jobs = (int)jobs;
			o.jobs_given = true;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'm':
			o.build.no_merge = true;
			break;
		case 'g':
			o.build.no_legend = true;
			break;
		case 's':
			o.build.no_source = true;
			break;
		case 'x':
			o.build.cite = true;
			break;
		case 'L': {
			int i = index_of(optarg, LABELS);
			if (i < 0)
				return usage_error("render ", "--labels takes full, short or none, not '%s'", optarg);
			o.build.labels = (an_labels)i;
			break;
		}
		case 'H': {
			int i = index_of(optarg, THEME_NAMES);
			if (i < 0)
				return usage_error("render ", "--theme takes light, dark or print, not '%s'", optarg);
			o.build.theme = (an_theme)i;
			break;
		}
		case 'K':
			if (strcmp(optarg, "region") != 0)
				return usage_error("render ", "--cluster takes region, not '%s'", optarg);
			o.build.cluster = AN_CLUSTER_REGION;
			break;
		case 'G':
			o.highlight = optarg;
			break;
		case 'S': {
			char problem[128];
			if (!an_target_parse(optarg, &o.target, problem, sizeof problem))
				return usage_error("render ", "bad --size '%s': %s", optarg, problem);
			o.build.target = &o.target;
			break;
		}
		case 'D':
			errno = 0;
			o.render.dpi = strtod(optarg, &end);
			if (errno || *end || end == optarg || o.render.dpi < 10 || o.render.dpi > 2400)
				return usage_error("render ", "--dpi needs a number from 10 to 2400, not '%s'", optarg);
			break;
		case 'B':
			if (strcmp(optarg, "transparent") != 0)
				return usage_error("render ", "--background takes transparent, not '%s'", optarg);
			o.build.transparent = true;
			break;
		case 'O':
			o.render.outline_text = true;
			break;
		case 'h':
			fputs(RENDER_HELP, stdout);
			return EXIT_OK;
		default:
			return bad_option("render ", c, argv, options);
		}
	}
	if (o.build.target && o.render.dpi == 0)
		o.render.dpi = TARGET_DPI;
	if (optind >= argc)
		return usage_error("render ", "no network file given");
	if (optind + 1 < argc)
		return usage_error("render ", "one network file at a time ('%s' is extra)", argv[optind + 1]);
	if (npaths == 0)
		return usage_error("render ", "no output given: use -o FILE (.svg, .png, .pdf, .dot, .json or .html)");
	for (int i = 0; i < npaths; i++) {
		const char *format = o.format ? o.format : strcmp(paths[i], "-") == 0 ? "svg" : format_of(paths[i], FORMATS);
		if (!format)
			return usage_error("render ", "cannot tell the format of '%s' from its extension: use .svg, .png, .pdf, .dot, .json or .html, or -T FORMAT", paths[i]);
		if (strcmp(format, "html") == 0) {
			if (!o.each)
				return usage_error("render ", "a timeline page ('%s') shows a series: add --each decade (or year, or 5y)", paths[i]);
			o.page = true;
		} else if (o.each && !strstr(paths[i], "{period}")) {
			return usage_error("render ", "with --each, the output '%s' needs {period} in its name (or .html for the timeline page)", paths[i]);
		}
		o.outputs[o.noutputs++] = (output){paths[i], format};
	}
	for (int i = 0; i < o.noutputs; i++) {
		int refused = refuse_input_as_output("render ", o.outputs[i].path, (const char *const[]){argv[optind]}, 1);
		if (refused != EXIT_OK)
			return refused;
	}
	if (o.sel.period && o.each)
		return usage_error("render ", "--period and --each cannot go together: use --from and --to to narrow a series");
	if ((from || to) && !o.each)
		return usage_error("render ", "--from and --to narrow a series: add --each decade (or year, or 5y), or use --period");
	const char *const bounds[2] = {from, to};
	for (int i = 0; i < 2; i++) {
		an_when *w = i ? &o.to : &o.from;
		char problem[128];
		if (!bounds[i])
			continue;
		if (!an_period_parse(bounds[i], w, problem, sizeof problem))
			return usage_error("render ", "bad --%s '%s': %s", i ? "to" : "from", bounds[i], problem);
		if (i ? w->last_day == AN_DAY_MAX : w->first_day == AN_DAY_MIN)
			return usage_error("render ", "--%s needs a date, not an open end: '%s'", i ? "to" : "from", bounds[i]);
	}
	o.has_from = from != NULL;
	o.has_to = to != NULL;
	int status = select_period(&o.sel, "render ");
	if (status != EXIT_OK)
		return status;

	an_network *net = load_checked(argv[optind], &o.sel);
	if (!net)
		return EXIT_INVALID;
	bool *highlight = xcalloc(net->nactors + 1, sizeof *highlight);
	status = select_names(&o.sel, net, "render ");
	if (status == EXIT_OK && o.highlight) {
		status = mark_names(net, "render ", o.highlight, "--highlight", false, highlight);
		o.build.highlight = highlight;
	}
	an_renderer *renderer = NULL;
	if (status == EXIT_OK) {
		if (o.each) {
			status = render_series(&o, net, &renderer);
		} else {
			an_view view, context;
			an_view_build(&view, net, &o.sel.filter);
			if (o.ghost) { /* the same filters at every date */
				an_filter all_dates = o.sel.filter;
				all_dates.has_period = false;
				an_view_build(&context, net, &all_dates);
				o.build.ghost = &context;
			}
			status = draw(&o, &(drawing){.view = &view}, &renderer);
			an_view_free(&view);
			if (o.ghost)
				an_view_free(&context);
		}
	}
	an_renderer_free(renderer);
	free(highlight);
	select_free(&o.sel);
	an_network_free(net);
	return status;
}

/* ------------------------------------------------------------------ stats */

/* Writes a command's one output ("-": standard output); returns an exit status. */
static int write_output(const char *path, const char *data, size_t len, bool quiet)
{
	an_diags diags;
	an_diags_init(&diags);
	bool ok = an_write_file(path, data, len, &diags);
	print_diags(&diags, quiet, NULL);
	an_diags_free(&diags);
	return ok ? EXIT_OK : EXIT_OUTPUT;
}

/* The network file of stats and export: exactly one, after the options. */
static int one_network_file(const char *command, int argc, char **argv)
{
	if (optind >= argc)
		return usage_error(command, "no network file given");
	if (optind + 1 < argc)
		return usage_error(command, "one network file at a time ('%s' is extra)", argv[optind + 1]);
	return EXIT_OK;
}

static int cmd_stats(int argc, char **argv)
{
	static const struct option options[] = {
		{"by", required_argument, NULL, OPT_BY},
		{"table", required_argument, NULL, OPT_TABLE},
		{"format", required_argument, NULL, 'T'},
		{"output", required_argument, NULL, 'o'},
		SELECTION_OPTIONS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const STATS_FORMATS[] = {"text", "csv", "json", NULL};
	static const char *const TABLES[] = {"periods", "kinds", "actors", NULL};
	selection sel;
	select_init(&sel);
	an_stats_options stats = {.step = {10, true}};
	const char *path = "-";
	int c;
	while ((c = getopt_long(argc, argv, ":T:o:h" SELECTION_SHORT, options, NULL)) != -1) {
		int taken = select_option(&sel, "stats ", c);
		if (taken > EXIT_OK)
			return taken;
		if (taken == EXIT_OK)
			continue;
		int i;
		char problem[128];
		switch (c) {
		case OPT_BY:
			if (!an_step_parse(optarg, &stats.step, problem, sizeof problem))
				return usage_error("stats ", "bad --by '%s': %s", optarg, problem);
			break;
		case OPT_TABLE:
			if ((i = index_of(optarg, TABLES)) < 0)
				return usage_error("stats ", "unknown table '%s': use periods, kinds or actors", optarg);
			stats.tables |= 1u << i;
			break;
		case 'T':
			if ((i = index_of(optarg, STATS_FORMATS)) < 0)
				return usage_error("stats ", "unknown format '%s': use text, csv or json", optarg);
			stats.format = (an_stats_format)i;
			break;
		case 'o':
			path = optarg;
			break;
		case 'h':
			fputs(STATS_HELP, stdout);
			return EXIT_OK;
		default:
			return bad_option("stats ", c, argv, options);
		}
	}
	int status = one_network_file("stats ", argc, argv);
	if (status == EXIT_OK)
		status = refuse_input_as_output("stats ", path, (const char *const[]){argv[optind]}, 1);
	if (status == EXIT_OK)
		status = select_period(&sel, "stats ");
	if (status != EXIT_OK)
		return status;
	stats.certain = sel.filter.certain;
	an_network *net = load_checked(argv[optind], &sel);
	if (!net)
		return EXIT_INVALID;
	status = select_names(&sel, net, "stats ");
	if (status == EXIT_OK) {
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
	}
	select_free(&sel);
	an_network_free(net);
	return status;
}

/* ----------------------------------------------------------------- export */

static int cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'T'},
		SELECTION_OPTIONS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const EXPORT_FORMATS[] = {"graphml", "gexf", "json", NULL};
	selection sel;
	select_init(&sel);
	const char *path = NULL, *format = NULL;
	int c;
	while ((c = getopt_long(argc, argv, ":o:T:h" SELECTION_SHORT, options, NULL)) != -1) {
		int taken = select_option(&sel, "export ", c);
		if (taken > EXIT_OK)
			return taken;
		if (taken == EXIT_OK)
			continue;
		switch (c) {
		case 'o':
			if (path)
				return usage_error("export ", "one output at a time ('%s' is extra)", optarg);
			path = optarg;
			break;
		case 'T':
			if (index_of(optarg, EXPORT_FORMATS) < 0)
				return usage_error("export ", "unknown format '%s': use graphml, gexf or json", optarg);
			format = optarg;
			break;
		case 'h':
			fputs(EXPORT_HELP, stdout);
			return EXIT_OK;
		default:
			return bad_option("export ", c, argv, options);
		}
	}
	int status = one_network_file("export ", argc, argv);
	if (status != EXIT_OK)
		return status;
	if (!path)
		return usage_error("export ", "no output given: use -o FILE (.graphml, .gexf or .json)");
	if (!format && !(format = format_of(path, EXPORT_FORMATS)))
		return usage_error("export ", "cannot tell the format of '%s' from its extension: use .graphml, .gexf or .json, or -T FORMAT", path);
	status = refuse_input_as_output("export ", path, (const char *const[]){argv[optind]}, 1);
	if (status == EXIT_OK)
		status = select_period(&sel, "export ");
	if (status != EXIT_OK)
		return status;
	an_network *net = load_checked(argv[optind], &sel);
	if (!net)
		return EXIT_INVALID;
	status = select_names(&sel, net, "export ");
	if (status == EXIT_OK) {
		an_view view;
		an_view_build(&view, net, &sel.filter);
		size_t len;
		char *data = strcmp(format, "graphml") == 0 ? an_view_graphml(&view, &len)
		             : strcmp(format, "gexf") == 0  ? an_view_gexf(&view, &len)
		                                            : an_view_json(&view, &len);
		status = write_output(path, data, len, sel.quiet);
		free(data);
		an_view_free(&view);
	}
	select_free(&sel);
	an_network_free(net);
	return status;
}

/* ----------------------------------------------------------------- import */

/* The default title of an imported network: the output's file name without its extension. */
static char *title_from_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return xstrndup(base, n);
}

static int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
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
	an_import_options im = {0};
	const char *path = NULL;
	bool quiet = false;
	int c;
	while ((c = getopt_long(argc, argv, ":o:qh", options, NULL)) != -1) {
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
			if (!parse_max_size("import ", &im.max_size))
				return EXIT_USAGE;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			fputs(IMPORT_HELP, stdout);
			return EXIT_OK;
		default:
			return bad_option("import ", c, argv, options);
		}
	}
	if (optind < argc)
		return usage_error("import ", "'%s' is extra: the files are given with --actors, --ties, --sources and --types", argv[optind]);
	if (!im.actors || !im.ties)
		return usage_error("import ", "%s: use --actors FILE.csv --ties FILE.csv",
		                   im.actors ? "no ties given" : im.ties ? "no actors given" : "no actors or ties given");
	if (!path)
		return usage_error("import ", "no output given: use -o FILE.yaml");
	const char *const inputs[] = {im.actors, im.ties, im.sources, im.types};
	int status = refuse_input_as_output("import ", path, inputs, 4);
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

int main(int argc, char **argv)
{
	/* Past a file-size limit, write must fail (and the output be left alone), not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		fputs(MAIN_HELP, stderr);
		return EXIT_USAGE;
	}
	const char *command = argv[1];
	if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0) {
		fputs(MAIN_HELP, stdout);
		return EXIT_OK;
	}
	if (strcmp(command, "-V") == 0 || strcmp(command, "--version") == 0) {
		printf("actornet %s\n", ACTORNET_VERSION);
		return EXIT_OK;
	}
	if (strcmp(command, "help") == 0) {
		if (argc < 3)
			fputs(MAIN_HELP, stdout);
		else if (strcmp(argv[2], "render") == 0)
			fputs(RENDER_HELP, stdout);
		else if (strcmp(argv[2], "check") == 0)
			fputs(CHECK_HELP, stdout);
		else if (strcmp(argv[2], "stats") == 0)
			fputs(STATS_HELP, stdout);
		else if (strcmp(argv[2], "export") == 0)
			fputs(EXPORT_HELP, stdout);
		else if (strcmp(argv[2], "import") == 0)
			fputs(IMPORT_HELP, stdout);
		else
			return usage_error("", "no command '%s': the commands are %s", argv[2], COMMANDS);
		return EXIT_OK;
	}
	/* getopt_long sees the command's own arguments, with the command as argv[0]. */
	optind = 1;
	opterr = 0;
	if (strcmp(command, "render") == 0)
		return cmd_render(argc - 1, argv + 1);
	if (strcmp(command, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(command, "stats") == 0)
		return cmd_stats(argc - 1, argv + 1);
	if (strcmp(command, "export") == 0)
		return cmd_export(argc - 1, argv + 1);
	if (strcmp(command, "import") == 0)
		return cmd_import(argc - 1, argv + 1);
	if (command[0] == '-')
		return usage_error("", "'%s' before a command: the commands are %s", command, COMMANDS);
	return usage_error("", "no command '%s': the commands are %s", command, COMMANDS);
}
