/* fuzz_network.c: feeds arbitrary bytes through load, validate, filter and build (to DOT text), for libFuzzer and for replay. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actornet.h"

/* One input, every stage that does not need Graphviz's layout; never crashes, hangs or leaks. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
	for (size_t i = 0; i < diags.count; i++)
		free(an_diag_format(&diags.items[i]));
	an_network_free(net);
	an_diags_free(&diags);
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
