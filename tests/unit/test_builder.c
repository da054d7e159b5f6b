/* test_builder.c: the builder's DOT for the fixtures, compared with checked-in expected files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *data = malloc((size_t)size + 1);
	size_t n = fread(data, 1, (size_t)size, f);
	data[n] = '\0';
	fclose(f);
	return data;
}

/* Renders `fixture` with the period (or NULL) and options to DOT and compares it with `expected`. */
static void check_dot_with(const char *fixture, const char *period, const an_build_options *opt,
                           const char *expected)
{
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_file(fixture, NULL, &diags);
	assert_non_null(net);
	an_validate(net, &diags);
	assert_int_equal(diags.errors, 0);

	an_filter filter;
	an_filter_init(&filter);
	if (period) {
		char problem[128];
		assert_true(an_period_parse(period, &filter.period, problem, sizeof problem));
		filter.has_period = true;
	}
	an_view view;
	an_view_build(&view, net, &filter);
	an_graph *graph = an_graph_build(&view, opt);
	size_t len;
	char *dot = an_graph_dot(graph, &len);
	char *want = read_file(expected);
	if (!want || strcmp(dot, want) != 0) {
		/* Leave what was produced beside the expected file's name, to diff or adopt. */
		char actual[512];
		snprintf(actual, sizeof actual, "tests/tmp/%s", strrchr(expected, '/') + 1);
		FILE *f = fopen(actual, "wb");
		if (f) {
			fwrite(dot, 1, len, f);
			fclose(f);
		}
		fail_msg("%s differs from %s (see %s)", fixture, expected, actual);
	}
	free(want);
	free(dot);
	an_graph_free(graph);
	an_view_free(&view);
	an_network_free(net);
	an_diags_free(&diags);
}

static void check_dot(const char *fixture, const char *period, const char *expected)
{
	check_dot_with(fixture, period, NULL, expected);
}

static void test_small_whole(void **state)
{
	(void)state;
	check_dot("tests/fixtures/small.yaml", NULL, "tests/golden/small.dot");
}

static void test_small_1990s(void **state)
{
	(void)state;
	check_dot("tests/fixtures/small.yaml", "1990s", "tests/golden/small-1990s.dot");
}

static void test_literal_text(void **state)
{
	(void)state;
	check_dot("tests/fixtures/literal.yaml", NULL, "tests/golden/literal.dot");
}

/* Merged ties: span, count, strongest confidence, mutual ties in either order as one. */
static void test_merged(void **state)
{
	(void)state;
	check_dot("tests/fixtures/merge.yaml", NULL, "tests/golden/merge.dot");
}

static void test_not_merged_short_labels(void **state)
{
	(void)state;
	an_build_options opt = {.no_merge = true, .labels = AN_LABELS_SHORT, .no_legend = true};
	check_dot_with("tests/fixtures/merge.yaml", NULL, &opt, "tests/golden/merge-no-merge.dot");
}

static void test_clusters_and_citations(void **state)
{
	(void)state;
	an_build_options opt = {.cluster = AN_CLUSTER_REGION, .cite = true};
	check_dot_with("tests/fixtures/merge.yaml", NULL, &opt, "tests/golden/merge-cluster-cite.dot");
}

static void test_dark_theme(void **state)
{
	(void)state;
	an_build_options opt = {.theme = AN_THEME_DARK};
	check_dot_with("tests/fixtures/merge.yaml", NULL, &opt, "tests/golden/merge-dark.dot");
}

static void test_print_theme_highlight(void **state)
{
	(void)state;
	bool highlight[4] = {false, false, true, false}; /* Gamma */
	an_build_options opt = {.theme = AN_THEME_PRINT, .highlight = highlight, .labels = AN_LABELS_NONE,
	                        .no_source = true, .title = "Gamma's ties", .target = &(an_target){"10x7.5", 720, 540, 10, false}};
	check_dot_with("tests/fixtures/merge.yaml", "2000s", &opt, "tests/golden/merge-print.dot");
}

/* In print, declared types are grey with arrowheads of their own, in declaration order; --keep-colours keeps the file's colours. */
static void test_print_declared_types(void **state)
{
	(void)state;
	an_build_options opt = {.theme = AN_THEME_PRINT, .merge_types = false};
	check_dot_with("tests/fixtures/print-types.yaml", NULL, &opt, "tests/golden/print-types.dot");
	opt.keep_colors = true;
	check_dot_with("tests/fixtures/print-types.yaml", NULL, &opt, "tests/golden/print-types-kept.dot");
}

/* A state organ (a state with part_of) is a dashed state box, an international actor a hexagon: each with its legend cell. */
static void test_kinds(void **state)
{
	(void)state;
	check_dot_with("tests/fixtures/kinds.yaml", NULL, NULL, "tests/golden/kinds.dot");
}

/* An actor's dated names: the 1980s end with the Republic of Afghanistan; the 1970s show the DRA's label. */
static void test_dated_names(void **state)
{
	(void)state;
	check_dot_with("tests/fixtures/names.yaml", "1980s", NULL, "tests/golden/names-1980s.dot");
	check_dot_with("tests/fixtures/names.yaml", "1970s", NULL, "tests/golden/names-1970s.dot");
}

static void test_strands(void **state)
{
	(void)state;
	an_build_options opt = {.merge_types = true, .labels = AN_LABELS_SHORT, .no_legend = true};
	check_dot_with("tests/fixtures/strands.yaml", NULL, &opt, "tests/golden/strands.dot");
}

static void test_strands_full_for_a_page(void **state)
{
	(void)state;
	an_target page = {"a4", 451, 698, AN_PAGE_MIN_TEXT, true};
	an_build_options opt = {.merge_types = true, .target = &page, .vertical = true};
	check_dot_with("tests/fixtures/strands.yaml", NULL, &opt, "tests/golden/strands-a4.dot");
}

static void test_joint(void **state)
{
	(void)state;
	check_dot_with("tests/fixtures/joint.yaml", NULL, NULL, "tests/golden/joint.dot");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_whole),
		cmocka_unit_test(test_small_1990s),
		cmocka_unit_test(test_literal_text),
		cmocka_unit_test(test_merged),
		cmocka_unit_test(test_not_merged_short_labels),
		cmocka_unit_test(test_clusters_and_citations),
		cmocka_unit_test(test_dark_theme),
		cmocka_unit_test(test_print_theme_highlight),
		cmocka_unit_test(test_print_declared_types),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_dated_names),
		cmocka_unit_test(test_strands),
		cmocka_unit_test(test_strands_full_for_a_page),
		cmocka_unit_test(test_joint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
