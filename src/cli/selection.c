/* selection.c: the filters render, stats and export share, from their options to the network file loaded and its names resolved. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void selection_init(selection *sel)
{
	memset(sel, 0, sizeof *sel);
	an_filter_init(&sel->filter);
}

int selection_option(selection *sel, const cli_command *command, int c)
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
	case 'c':
		if (!an_confidence_parse(optarg, &sel->filter.min_confidence))
			return usage_error(command, "unknown confidence '%s': use confirmed, reported, alleged or disputed", optarg);
		return EXIT_OK;
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
static int select_period(selection *sel, const cli_command *command)
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

int mark_names(const an_network *net, const cli_command *command, const char *list,
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

/* Resolves the names of --type and --focus against the network; freed by selection_close. */
static int select_names(selection *sel, const an_network *net, const cli_command *command)
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

int one_network_file(const cli_command *command, int argc, char **argv)
{
	if (optind >= argc)
		return usage_error(command, "no network file given");
	if (optind + 1 < argc)
		return usage_error(command, "one network file at a time ('%s' is extra)", argv[optind + 1]);
	return EXIT_OK;
}

int selection_open(selection *sel, const cli_command *command, const char *file,
                   const char *const *outputs, size_t noutputs, an_network **net)
{
	*net = NULL;
	for (size_t i = 0; i < noutputs; i++) {
		/* A series' outputs are checked once their {period} is known (render's check_period_paths). */
		int refused = strstr(outputs[i], "{period}") ? EXIT_OK : check_output_path(command, outputs[i], file);
		if (refused != EXIT_OK)
			return refused;
	}
	int status = select_period(sel, command);
	if (status != EXIT_OK)
		return status;
	if (!(*net = load_checked(file, sel)))
		return EXIT_INVALID;
	status = select_names(sel, *net, command);
	if (status != EXIT_OK) {
		selection_close(sel, *net);
		*net = NULL;
	}
	return status;
}

void selection_close(selection *sel, an_network *net)
{
	free(sel->type_allowed);
	free(sel->focused);
	free(sel->focus_index);
	sel->type_allowed = sel->focused = NULL;
	sel->focus_index = NULL;
	an_network_free(net);
}
