/* test_map.c: a crowded map's actors swap places where a tie then runs through no other (an_untangle_map), never away from their places; a region's map has finer outlines. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "graph.h"
#include "map.h"

/*
 * Three 40x40 actors in a row, 60 points apart, spread about one true place
 * (the middle one's): a tie between the outer two runs through the middle
 * one, straight or bowed a little either way.
 */
static pointf row[3];
static const pointf HALF[3] = {{20, 20}, {20, 20}, {20, 20}};
static const an_map_pair OUTER[1] = {{0, 2}};

/* Every actor free to swap; every actor's true place the middle one's. */
static const bool ALL_SWAP[3] = {true, true, true};
static const pointf ONE_PLACE[3] = {{60, 0}, {60, 0}, {60, 0}};

/* Lays the row out afresh and untangles it for the one tie `tie`. */
static void untangle_row(const pointf *truth, const bool *swaps, const an_map_pair *tie)
{
	for (int i = 0; i < 3; i++)
		row[i] = (pointf){60.0 * i, 0};
	an_untangle_map(row, HALF, truth, swaps, 3, tie, 1);
}

/* Whether every actor of the row is where it was laid. */
static bool row_as_laid(void)
{
	for (int i = 0; i < 3; i++)
		if (row[i].x != 60.0 * i || row[i].y != 0)
			return false;
	return true;
}

static void test_tie_through_an_actor_is_taken_off_it(void **state)
{
	(void)state;
	untangle_row(ONE_PLACE, ALL_SWAP, OUTER);
	/* One end of the tie now stands in the middle: it runs through no one. */
	assert_true(row[0].x == 60 || row[2].x == 60);
	/* The places are the three there were. */
	assert_true(row[0].x + row[1].x + row[2].x == 180);
}

static void test_none_ends_farther_than_the_farther_was(void **state)
{
	(void)state;
	/*
	 * Places 20 and 35 points apart (less than the actors' widths): 0 and
	 * 1 swapped, both would end 40 from their places (now 20 each); 1 and
	 * 2, 1 would end 80 from its place (the farther is now 45).
	 */
	const pointf truth[3] = {{20, 0}, {40, 0}, {75, 0}};
	untangle_row(truth, ALL_SWAP, OUTER);
	assert_true(row_as_laid());
}

static void test_actors_of_different_places_never_swap(void **state)
{
	(void)state;
	/* Each at its own place, farther apart than they are wide: three countries in a row. */
	const pointf truth[3] = {{0, 0}, {60, 0}, {120, 0}};
	untangle_row(truth, ALL_SWAP, OUTER);
	assert_true(row_as_laid());
}

static void test_only_actors_that_may_swap_do(void **state)
{
	(void)state;
	const bool swaps[3] = {false, true, false};
	untangle_row(ONE_PLACE, swaps, OUTER);
	assert_true(row_as_laid());
}

static void test_a_clear_tie_keeps_its_places(void **state)
{
	(void)state;
	static const an_map_pair neighbours[1] = {{0, 1}};
	untangle_row(ONE_PLACE, ALL_SWAP, neighbours);
	assert_true(row_as_laid());
}

/*
 * How many points the countries' outlines have on a map of the Korean
 * peninsula and Japan (between 33 and 43 N, 124 and 132 E), the map `share`
 * of its own size: its scale, in points a degree, follows the share.
 */
static size_t korea_points(double share)
{
	const double places[] = {40.0, 127.0, 36.0, 128.0, 36.0, 138.0}; /* PRK, KOR, JPN */
	map_frame f = map_frame_for(places, 3, share);
	pointf a, b;
	assert_true(map_place(&f, 43, 124, &a) && map_place(&f, 33, 132, &b));
	boxf crop = {{fmin(a.x, b.x), fmin(a.y, b.y)}, {fmax(a.x, b.x), fmax(a.y, b.y)}};
	map_colors colors = {"#F1F0EC", "#CFCCC4", "#8A8A8A"};
	size_t shapes, points = 0;
	char *xdot = map_outlines(&f, crop, &colors, &shapes);
	for (const char *p = strstr(xdot, "P "); p; p = strstr(p + 2, "P "))
		points += strtoul(p + 2, NULL, 10);
	free(xdot);
	assert_true(shapes > 0);
	return points;
}

static void test_a_region_drawn_large_has_finer_outlines(void **state)
{
	(void)state;
	size_t large = korea_points(1.0), small = korea_points(0.2); /* about 54 and 11 points a degree */
	assert_true(large > 2 * small); /* the same outlines would give about as many */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tie_through_an_actor_is_taken_off_it),
		cmocka_unit_test(test_none_ends_farther_than_the_farther_was),
		cmocka_unit_test(test_actors_of_different_places_never_swap),
		cmocka_unit_test(test_only_actors_that_may_swap_do),
		cmocka_unit_test(test_a_clear_tie_keeps_its_places),
		cmocka_unit_test(test_a_region_drawn_large_has_finer_outlines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
