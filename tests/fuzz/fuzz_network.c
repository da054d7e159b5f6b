/*
 * fuzz_network.c: feeds arbitrary bytes through load (from memory and
 * streamed from a file), validate, filter and build (to DOT text), and
 * through the CSV importer, for libFuzzer and for replay.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "actornet.h"

/*
 * The bytes as a regular file, for the paths that read files (the streamed
 * loader, the CSV reader): a memory file, made once and rewritten per input,
 * named by its /proc/self/fd path (in `path`). NULL when it cannot be made.
 */
static const char *as_file(int *fd, char path[32], const uint8_t *data, size_t size)
{
	if (*fd < 0 && (*fd = memfd_create("fuzz", 0)) < 0)
		return NULL;
	if (ftruncate(*fd, 0) != 0 || (size && pwrite(*fd, data, size, 0) != (ssize_t)size))
		return NULL;
	snprintf(path, 32, "/proc/self/fd/%d", *fd);
	return path;
}

/* The network's diagnostics formatted (as the command line would) and freed. */
static void drop_diags(an_diags *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		free(an_diag_format(&diags->items[i]));
	an_diags_free(diags);
}

/*
 * The input as the two spreadsheets of `import`: actors, then ties after the
 * first form feed (none: the ties file is empty).
 */
static void import_csv(const uint8_t *data, size_t size)
{
	static int actors_fd = -1, ties_fd = -1;
	char actors_path[32], ties_path[32];
	const uint8_t *cut = size ? memchr(data, '\f', size) : NULL;
	size_t actors_size = cut ? (size_t)(cut - data) : size;
	an_import_options opt = {.title = "fuzz", .max_size = 1 << 20};
	opt.actors = as_file(&actors_fd, actors_path, data, actors_size);
	opt.ties = as_file(&ties_fd, ties_path, cut ? cut + 1 : data, cut ? size - actors_size - 1 : 0);
	if (!opt.actors || !opt.ties)
		return;
	an_diags diags;
	an_diags_init(&diags);
	size_t len;
	free(an_import_csv(&opt, &diags, &len));
	drop_diags(&diags);
}

/* The input as a network file on disk: the streamed loader's path. */
static void load_streamed(const uint8_t *data, size_t size)
{
	static int fd = -1;
	char path[32];
	if (!as_file(&fd, path, data, size))
		return;
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_file(path, NULL, &diags);
	if (net)
		an_validate(net, &diags);
	an_network_free(net);
	drop_diags(&diags);
}

/* One input, every stage that does not need Graphviz's layout; never crashes, hangs or leaks. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load_streamed(data, size);
	import_csv(data, size);
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_buffer("fuzz.yaml", (const char *)data, size, NULL, &diags);
	if (net) {
		an_validate(net, &diags);
		if (diags.errors == 0) {
			an_filter filter;
			an_filter_init(&filter);
			/* A period from the input's first bytes, when they make one. */
			char period[8] = "";
			memcpy(period, data, size < 7 ? size : 7);
			char problem[64];
			filter.has_period = an_period_parse(period, &filter.period, problem, sizeof problem);
			an_view view;
			an_view_build(&view, net, &filter);
			an_build_options opt = {.cite = size % 2 == 1, .cluster = size % 3 == 0 ? AN_CLUSTER_REGION : AN_CLUSTER_NONE};
			an_graph *graph = an_graph_build(&view, &opt);
			size_t len;
			free(an_graph_dot(graph, &len));
			free(an_view_json(&view, &len));
			an_graph_free(graph);
			an_view_free(&view);
		}
	}
	an_network_free(net);
	drop_diags(&diags);
	return 0;
}

#ifdef FUZZ_REPLAY
/* Without libFuzzer: runs every file named on the command line through the same code once. */
int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		char *data = NULL;
		size_t size = 0, cap = 0, n;
		char chunk[65536];
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
			if (size + n > cap) {
				cap = (size + n) * 2;
				data = realloc(data, cap);
				if (!data)
					abort();
			}
			memcpy(data + size, chunk, n);
			size += n;
		}
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)data, size);
		free(data);
	}
	printf("replayed %d inputs\n", argc - 1);
	return 0;
}
#endif
