/* test_map.c: a crowded map's actors swap places where a tie then runs through no other (an_untangle_map), never away from their places. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "graph.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tie_through_an_actor_is_taken_off_it),
		cmocka_unit_test(test_none_ends_farther_than_the_farther_was),
		cmocka_unit_test(test_actors_of_different_places_never_swap),
		cmocka_unit_test(test_only_actors_that_may_swap_do),
		cmocka_unit_test(test_a_clear_tie_keeps_its_places),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
