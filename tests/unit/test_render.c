/* test_render.c: Graphviz's own messages come back as actornet diagnostics, an error fails the render, faults are counted on what is drawn, and a PNG after an SVG is laid out again by pango to the same places. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"

static const char NETWORK[] = "title: T\n"
                              "default_source: s\n"
                              "sources: {s: S}\n"
                              "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
                              "ties: [{from: A, to: B, type: arms, when: 1990}]\n";

/*
 * One Graphviz context for the whole test, as the command has: Graphviz 2.43's
 * pango plugin reads freed memory in a second context after a bad HTML label.
 */
static an_renderer *renderer;

static int open_renderer(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	renderer = an_renderer_new(&diags);
	an_diags_free(&diags);
	return renderer ? 0 : -1;
}

static int close_renderer(void **state)
{
	(void)state;
	an_renderer_free(renderer);
	return 0;
}

/* The view of the whole of a network that loaded, once it is validated without errors. */
static void whole_view(an_network *net, an_diags *diags, an_view *view)
{
	assert_non_null(net);
	an_validate(net, diags);
	assert_int_equal(diags->errors, 0);
	an_filter filter;
	an_filter_init(&filter);
	an_view_build(view, net, &filter);
}

/* Lays out and renders the network to SVG, its title replaced; returns whether both succeeded. */
static bool render_with_title(char *title, an_diags *diags, char **svg)
{
	an_diags load;
	an_diags_init(&load);
	an_network *net = an_load_buffer("t.yaml", NETWORK, strlen(NETWORK), NULL, &load);
	an_view view;
	whole_view(net, &load, &view);
	an_diags_free(&load);
	net->title.text = title; /* past the loader's checks: what Graphviz itself refuses */
	an_graph *graph = an_graph_build(&view, NULL);
	an_renderer *r = renderer;
	size_t len;
	*svg = NULL;
	bool ok = an_layout(r, graph, "dot", diags) &&
	          an_render(r, graph, "svg", NULL, svg, &len, diags);
	an_layout_free(r, graph);
	an_graph_free(graph);
	an_view_free(&view);
	net->title.text = NULL;
	an_network_free(net);
	return ok;
}

static void test_clean_render_has_no_messages(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	char *svg;
	char title[] = "A title";
	assert_true(render_with_title(title, &diags, &svg));
	assert_int_equal(diags.count, 0);
	assert_non_null(strstr(svg, "<title>A title</title>"));
	free(svg);
	an_diags_free(&diags);
}

/* A control character breaks Graphviz's HTML-like label: reported, not printed, and a failure. */
static void test_graphviz_error_is_a_diagnostic(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	char *svg;
	char title[] = "bad \x01 title";
	assert_false(render_with_title(title, &diags, &svg));
	assert_true(diags.errors > 0);
	bool from_graphviz = false;
	for (size_t i = 0; i < diags.count; i++)
		from_graphviz |= strncmp(diags.items[i].message, "Graphviz: ", 10) == 0;
	assert_true(from_graphviz);
	free(svg);
	an_diags_free(&diags);
}

/*
 * A pair's ties drawn by dot as strands side by side, each ending on its
 * actors and longer than its arrowheads: none is a fault (count_faults
 * counts a line that stops short of its actors, or is all arrowhead).
 */
static void test_strands_drawn_by_dot_are_no_faults(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_file("tests/fixtures/strands.yaml", NULL, &diags);
	an_view view;
	whole_view(net, &diags, &view);
	an_build_options opt = {.merge_types = true, .labels = AN_LABELS_NONE, .no_legend = true};
	an_graph *graph = an_graph_build(&view, &opt);
	an_faults faults;
	assert_true(an_layout_faults(renderer, graph, "dot", &faults, NULL, NULL, &diags));
	assert_int_equal(faults.through, 0);
	an_graph_free(graph);
	an_view_free(&view);
	an_network_free(net);
	an_diags_free(&diags);
}

/* What a layout watch was told. */
typedef struct {
	int calls;
	bool done[4];
	size_t nodes, edges;
	char engine[8];
} watched;

static void watch_layout(void *context, const char *engine, size_t nodes, size_t edges,
                         double estimate, bool done)
{
	(void)estimate;
	watched *w = context;
	if (w->calls < 4)
		w->done[w->calls] = done;
	w->calls++;
	w->nodes = nodes;
	w->edges = edges;
	snprintf(w->engine, sizeof w->engine, "%s", engine);
}

/* A watch is told of a layout before and after it, with its engine and size; dot's estimate grows with the ties beyond a tree. */
static void test_layouts_are_watched_and_estimated(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_file("tests/fixtures/strands.yaml", NULL, &diags);
	an_view view;
	whole_view(net, &diags, &view);
	an_build_options opt = {.labels = AN_LABELS_NONE, .no_legend = true};
	an_graph *graph = an_graph_build(&view, &opt);
	watched w = {0};
	an_renderer_watch(renderer, watch_layout, &w);
	assert_true(an_layout(renderer, graph, "dot", &diags));
	an_renderer_watch(renderer, NULL, NULL);
	assert_int_equal(w.calls, 2);
	assert_false(w.done[0]);
	assert_true(w.done[1]);
	assert_string_equal(w.engine, "dot");
	assert_int_equal(w.nodes, an_graph_nodes(graph));
	assert_int_equal(w.edges, an_graph_edges(graph));
	an_layout_free(renderer, graph);
	an_graph_free(graph);
	an_view_free(&view);
	an_network_free(net);
	an_diags_free(&diags);

	assert_true(an_layout_estimate("dot", 60, 60) == 0);
	assert_true(an_layout_estimate("sfdp", 60, 300) == 0);
	double some = an_layout_estimate("dot", 60, 180), more = an_layout_estimate("dot", 60, 300);
	assert_true(some > 0 && some < 2);   /* 120 beyond a tree: auto's limit, about a second */
	assert_true(more > 10 && more < 100); /* 240: tens of seconds */
}

/*
 * Texts are measured by actornet until a PNG is asked for, then by pango
 * (whose layouts cairo draws): the graph is laid out again, and the SVG
 * drawn after it is the same bytes as before.
 */
static void test_png_after_svg_lays_out_with_pango(void **state)
{
	(void)state;
	static const char texts[] = "title: \"Title — Ελλάδα, Россия, Việt Nam\"\n"
	                            "default_source: s\n"
	                            "sources: {s: S}\n"
	                            "actors: {A: {name: \"Ťůň AV Wa\", kind: state}, B: {name: 서울, kind: state}}\n"
	                            "ties: [{from: A, to: B, type: arms, when: 1990, label: \"★ 1–2 … ±\"}]\n";
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_buffer("t.yaml", texts, strlen(texts), NULL, &diags);
	an_view view;
	whole_view(net, &diags, &view);
	an_graph *graph = an_graph_build(&view, NULL);
	char *before, *png, *after;
	size_t before_len, png_len, after_len;
	assert_true(an_layout(renderer, graph, "dot", &diags));
	assert_true(an_render(renderer, graph, "svg", NULL, &before, &before_len, &diags));
	assert_true(an_render(renderer, graph, "png", NULL, &png, &png_len, &diags));
	assert_true(an_render(renderer, graph, "svg", NULL, &after, &after_len, &diags));
	assert_int_equal(diags.errors + diags.warnings, 0); /* cairo given no layout: pango complains */
	assert_true(png_len > 8 && memcmp(png, "\x89PNG", 4) == 0);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(png);
	free(after);
	an_layout_free(renderer, graph);
	an_graph_free(graph);
	an_view_free(&view);
	an_network_free(net);
	an_diags_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_render_has_no_messages),
		cmocka_unit_test(test_strands_drawn_by_dot_are_no_faults),
		cmocka_unit_test(test_layouts_are_watched_and_estimated),
		cmocka_unit_test(test_png_after_svg_lays_out_with_pango),
		/* Last: after Graphviz 2.43 refuses a label, the next layout leaks its text (LeakSanitizer: do_graph_label). */
		cmocka_unit_test(test_graphviz_error_is_a_diagnostic),
	};
	return cmocka_run_group_tests(tests, open_renderer, close_renderer);
}
