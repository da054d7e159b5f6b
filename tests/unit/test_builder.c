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

/* Renders `fixture` with the period (or NULL) to DOT and compares it with `expected`. */
static void check_dot(const char *fixture, const char *period, const char *expected)
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
	an_graph *graph = an_graph_build(&view, NULL);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_whole),
		cmocka_unit_test(test_small_1990s),
		cmocka_unit_test(test_literal_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
