/* common.c: the command line's shared parts: usage messages, diagnostics, option values, outputs (only the command line prints or exits). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

const char *const program = "actornet";

int usage_error(const cli_command *command, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	char *shown = an_printable(message, true); /* it quotes the command line */
	fprintf(stderr, "%s: error: %s\nTry '%s %s%s--help' for more information.\n", program, shown,
	        program, command ? command->name : "", command ? " " : "");
	free(shown);
	free(message);
	return EXIT_USAGE;
}

/*
 * Reports what getopt_long refused: an unknown option, one without its value,
 * or the start of several long options' names.
 */
int bad_option(const cli_command *command, int c, char **argv, const struct option *options)
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
size_t print_diags(an_diags *diags, bool quiet, const char *file)
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
	if (file && (diags->errors || shown_warnings)) {
		char *shown = an_printable(an_input_name(file), false);
		fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", shown, diags->errors,
		        diags->errors == 1 ? "" : "s", shown_warnings, shown_warnings == 1 ? "" : "s");
		free(shown);
	}
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
bool parse_max_size(const cli_command *command, size_t *out)
{
	if (parse_size(optarg, out))
		return true;
	usage_error(command, "--max-size needs a size such as 64M, not '%s'", optarg);
	return false;
}

int index_of(const char *word, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	return -1;
}

/* The format that the path's extension names, one of `formats` (.gv is dot's), or NULL. */
const char *format_of(const char *path, const char *const *formats)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return NULL;
	int i = index_of(strcmp(dot, ".gv") == 0 ? "dot" : dot + 1, formats);
	return i < 0 ? NULL : formats[i];
}

/* Refuses an output that is one of the command's input files (never opened for writing). */
int refuse_input_as_output(const cli_command *command, const char *output,
                           const char *const *inputs, size_t ninputs)
{
	struct stat in, out;
	if (strcmp(output, "-") == 0 || stat(output, &out) != 0)
		return EXIT_OK;
	for (size_t i = 0; i < ninputs; i++) {
		if (!inputs[i])
			continue;
		/* "-" is standard input, which may be a file too (`< net.yaml`). */
		bool is_stdin = strcmp(inputs[i], "-") == 0;
		if ((is_stdin ? fstat(STDIN_FILENO, &in) : stat(inputs[i], &in)) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return usage_error(command, "the output '%s' is the input file '%s' itself", output,
			                   an_input_name(inputs[i]));
	}
	return EXIT_OK;
}

int refuse_missing_folder(const char *output)
{
	const char *slash = strrchr(output, '/');
	if (strcmp(output, "-") == 0 || !slash || slash == output)
		return EXIT_OK; /* standard output, the working folder or the root */
	char *folder = xstrndup(output, (size_t)(slash - output));
	struct stat st;
	int err = stat(folder, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	free(folder);
	if (!err)
		return EXIT_OK;
	char *shown = an_printable(output, false);
	fprintf(stderr, "%s: error: cannot write %s: %s\n", program, shown, strerror(err));
	free(shown);
	return EXIT_OUTPUT;
}

int refuse_repeated_outputs(const cli_command *command, const char *const *paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(paths[i], paths[j]) == 0)
				return strcmp(paths[i], "-") == 0
				               ? usage_error(command, "only one output can go to standard output ('-')")
				               : usage_error(command, "the output '%s' is given twice", paths[i]);
	return EXIT_OK;
}

int check_output_path(const cli_command *command, const char *output, const char *input)
{
	int status = refuse_input_as_output(command, output, &input, 1);
	return status != EXIT_OK ? status : refuse_missing_folder(output);
}

/* Writes a command's one output ("-": standard output); returns an exit status. */
int write_output(const char *path, const char *data, size_t len, bool quiet)
{
	an_diags diags;
	an_diags_init(&diags);
	bool ok = an_write_file(path, data, len, &diags);
	print_diags(&diags, quiet, NULL);
	an_diags_free(&diags);
	return ok ? EXIT_OK : EXIT_OUTPUT;
}

/* Seconds since an arbitrary start, for --verbose timings and progress. */
double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
