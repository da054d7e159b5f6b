/* test_series.c: a series has its periods' views, is placed once, keeps every actor's place across periods and draws an empty period with its title. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"
#include "graph.h"

/* Three decades: a tie in the 1980s, none in the 1990s, two in the 2000s. */
static const char NETWORK[] = "title: T\n"
                              "default_source: s\n"
                              "sources: {s: S}\n"
                              "actors: {A: {name: Alpha, kind: state}, B: {name: Beta, kind: state},\n"
                              "         C: {name: Gamma, kind: state}}\n"
                              "ties:\n"
                              "  - {from: A, to: B, type: arms, when: 1985}\n"
                              "  - {from: A, to: B, type: arms, when: 2004}\n"
                              "  - {from: B, to: C, type: training, when: 2006}\n";

/* One Graphviz context for the whole test, as the command has (see test_render.c). */
static an_renderer *renderer;
static an_network *net;

static int set_up(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	net = an_load_buffer("t.yaml", NETWORK, strlen(NETWORK), NULL, &diags);
	if (net)
		an_validate(net, &diags);
	renderer = an_renderer_new(&diags);
	bool ok = net && renderer && diags.errors == 0;
	an_diags_free(&diags);
	return ok && renderer ? 0 : -1;
}

static int tear_down(void **state)
{
	(void)state;
	an_renderer_free(renderer);
	an_network_free(net);
	return 0;
}

static void open_decades(an_period_series *s, int first, int last)
{
	an_filter selection;
	an_filter_init(&selection);
	an_step decade = {10, true};
	assert_true(an_period_series_open(s, net, &selection, &decade, first, last));
}

static void test_periods_have_their_views(void **state)
{
	(void)state;
	an_period_series s;
	open_decades(&s, 1985, 2006);
	assert_int_equal(s.count, 3);
	assert_string_equal(s.periods[0].name, "1980s");
	assert_string_equal(s.periods[2].name, "2000s");
	assert_int_equal(s.views[0].nlinks, 1);
	assert_int_equal(s.views[1].nlinks, 0);
	assert_int_equal(s.views[2].nlinks, 2);
	assert_int_equal(s.whole.nlinks, 3);
	assert_null(s.placement);
	an_period_series_free(&s);
}

static void test_too_many_periods_are_refused_with_their_count(void **state)
{
	(void)state;
	an_filter selection;
	an_filter_init(&selection);
	an_step year = {1, false};
	an_period_series s;
	assert_false(an_period_series_open(&s, net, &selection, &year, 1000, 2500));
	assert_int_equal(s.count, 1501);
	an_period_series_free(&s);
}

/* Places the series with dot; every period's graph is built. */
static void place(an_period_series *s)
{
	an_build_options bare = {0}, each = {0};
	bare.bare = true;
	an_graph *whole = an_graph_build(&s->whole, &bare);
	an_diags diags;
	an_diags_init(&diags);
	assert_true(an_period_series_place(s, renderer, whole, "dot", &each, true, &diags));
	assert_int_equal(diags.errors, 0);
	for (size_t i = 0; i < s->count; i++)
		assert_true(s->text[i] == 0); /* no target: no text size to be legible at */
	an_diags_free(&diags);
	an_graph_free(whole);
	assert_non_null(s->placement);
	assert_int_equal(s->placed_nodes, 3);
	assert_int_equal(s->placed_edges, 2); /* A -> B arms, merged across the years; B -> C */
	for (size_t i = 0; i < s->count; i++)
		assert_non_null(s->graphs[i]);
}

/* Period i drawn to SVG at the series' places, on the whole canvas or cropped. */
static char *draw(an_period_series *s, size_t i, bool whole_canvas)
{
	an_diags diags;
	an_diags_init(&diags);
	const char *svg_format = "svg";
	char *svg = NULL;
	size_t len;
	double seconds;
	assert_true(an_period_series_draw(s, renderer, i, whole_canvas, &svg_format, 1, NULL, &svg, &len,
	                                  &seconds, &diags));
	assert_true(seconds >= 0);
	assert_int_equal(diags.errors, 0);
	an_diags_free(&diags);
	return svg;
}

/* The first shape an actor is drawn with in an SVG (its <polygon ...> line), copied. */
static char *shape_of(const char *svg, const char *actor)
{
	char id[64];
	snprintf(id, sizeof id, "id=\"actor&#45;%s\"", actor);
	const char *at = strstr(svg, id);
	assert_non_null(at);
	at = strstr(at, "<polygon");
	assert_non_null(at);
	const char *end = strchr(at, '\n');
	char *shape = malloc((size_t)(end - at) + 1);
	memcpy(shape, at, (size_t)(end - at));
	shape[end - at] = '\0';
	return shape;
}

static void test_every_actor_keeps_its_place_on_the_whole_canvas(void **state)
{
	(void)state;
	an_period_series s;
	open_decades(&s, 1985, 2006);
	place(&s);
	char *eighties = draw(&s, 0, true), *noughties = draw(&s, 2, true);
	for (const char *const *actor = (const char *const[]){"A", "B", NULL}; *actor; actor++) {
		char *then = shape_of(eighties, *actor), *now = shape_of(noughties, *actor);
		assert_string_equal(then, now);
		free(then);
		free(now);
	}
	free(eighties);
	free(noughties);
	an_period_series_free(&s);
}

static void test_an_empty_period_is_drawn_with_its_title(void **state)
{
	(void)state;
	an_period_series s;
	open_decades(&s, 1985, 2006);
	place(&s);
	char *nineties = draw(&s, 1, false);
	assert_non_null(strstr(nineties, "1990\xe2\x80\x93" "1999"));
	assert_null(strstr(nineties, "class=\"node"));
	free(nineties);
	an_period_series_free(&s);
}

/* A period that cannot be drawn (here: to a format Graphviz has no renderer for) fails alone. */
static void test_a_failed_period_leaves_the_others_drawable(void **state)
{
	(void)state;
	an_period_series s;
	open_decades(&s, 1985, 2006);
	place(&s);
	an_diags diags;
	an_diags_init(&diags);
	const char *formats[] = {"svg", "no-such-format"};
	char *data[2];
	size_t len[2];
	assert_false(an_period_series_draw(&s, renderer, 0, false, formats, 2, NULL, data, len, NULL,
	                                   &diags));
	assert_non_null(data[0]); /* drawn before the format that failed */
	assert_null(data[1]);
	assert_true(diags.errors > 0);
	free(data[0]);
	an_diags_free(&diags);
	char *noughties = draw(&s, 2, false);
	assert_non_null(strstr(noughties, "id=\"actor&#45;A\""));
	free(noughties);
	an_period_series_free(&s);
}

/* The periods of the series' edge from `from`: one bit per period (three periods: bits 0, 21 and 42). */
static uint64_t periods_from(an_graph *whole, const char *from)
{
	const char *key;
	Agedge_t *e;
	for (size_t i = 0; (e = an_graph_edge(whole, i, &key)); i++)
		if (strcmp(agnameof(agtail(e)), from) == 0)
			return an_graph_edge_periods(whole, i);
	fail_msg("no edge from %s", from);
	return 0;
}

/* The whole series' edges are marked with the periods that draw them: the placement weighs those. */
static void test_edges_are_marked_with_their_periods(void **state)
{
	(void)state;
	an_period_series s;
	open_decades(&s, 1980, 2009);
	an_build_options bare = {0};
	bare.bare = true;
	an_graph *whole = an_graph_build(&s.whole, &bare);
	an_graph *periods[3];
	for (size_t i = 0; i < 3; i++)
		periods[i] = an_graph_build(&s.views[i], &bare);
	assert_false(an_graph_has_periods(whole));
	an_graph_mark_periods(whole, periods, 3);
	assert_true(an_graph_has_periods(whole));
	uint64_t first = 1, third = UINT64_C(1) << 42; /* the 1990s (bit 21) draw no tie */
	assert_true(periods_from(whole, "A") == (first | third)); /* arms in 1985 and 2004, one edge */
	assert_true(periods_from(whole, "B") == third);
	for (size_t i = 0; i < 3; i++)
		an_graph_free(periods[i]);
	an_graph_free(whole);
	an_period_series_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods_have_their_views),
		cmocka_unit_test(test_too_many_periods_are_refused_with_their_count),
		cmocka_unit_test(test_every_actor_keeps_its_place_on_the_whole_canvas),
		cmocka_unit_test(test_an_empty_period_is_drawn_with_its_title),
		cmocka_unit_test(test_a_failed_period_leaves_the_others_drawable),
		cmocka_unit_test(test_edges_are_marked_with_their_periods),
	};
	return cmocka_run_group_tests(tests, set_up, tear_down);
}
