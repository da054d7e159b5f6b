/* test_map.c: a crowded map's actors swap places where a tie then runs through no other, never away from their countries. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "map.h"

/*
 * Three 40x40 actors in a row, 60 points apart, spread about one true place
 * (the middle one's): a tie between the outer two runs through the middle
 * one, straight or bowed a little either way.
 */
static pointf row[3];
static const pointf HALF[3] = {{20, 20}, {20, 20}, {20, 20}};
static const map_pair OUTER[1] = {{0, 2}};

static void lay_row(void)
{
	for (int i = 0; i < 3; i++)
		row[i] = (pointf){60.0 * i, 0};
}

static void test_tie_through_an_actor_is_taken_off_it(void **state)
{
	(void)state;
	lay_row();
	const pointf truth[3] = {{60, 0}, {60, 0}, {60, 0}};
	const bool swaps[3] = {true, true, true}, exact[3] = {false, false, false};
	map_untangle(row, HALF, truth, swaps, exact, 3, OUTER, 1);
	/* One end of the tie now stands in the middle: it runs through no one. */
	assert_true(row[0].x == 60 || row[2].x == 60);
	/* The places are the three there were. */
	assert_true(row[0].x + row[1].x + row[2].x == 180);
}

static void test_an_actor_at_its_exact_place_stays(void **state)
{
	(void)state;
	lay_row();
	/* The middle one stands at its country's place; the others were spread from there. */
	const pointf truth[3] = {{60, 0}, {60, 0}, {60, 0}};
	const bool swaps[3] = {true, true, true}, exact[3] = {false, true, false};
	map_untangle(row, HALF, truth, swaps, exact, 3, OUTER, 1);
	assert_true(row[1].x == 60);
}

static void test_actors_of_different_places_never_swap(void **state)
{
	(void)state;
	lay_row();
	/* Each at its own place, farther apart than they are wide: three countries in a row. */
	const pointf truth[3] = {{0, 0}, {60, 0}, {120, 0}};
	const bool swaps[3] = {true, true, true}, exact[3] = {false, false, false};
	map_untangle(row, HALF, truth, swaps, exact, 3, OUTER, 1);
	for (int i = 0; i < 3; i++)
		assert_true(row[i].x == 60.0 * i);
}

static void test_only_actors_that_may_swap_do(void **state)
{
	(void)state;
	lay_row();
	const pointf truth[3] = {{60, 0}, {60, 0}, {60, 0}};
	const bool swaps[3] = {false, true, false}, exact[3] = {false, false, false};
	map_untangle(row, HALF, truth, swaps, exact, 3, OUTER, 1);
	for (int i = 0; i < 3; i++)
		assert_true(row[i].x == 60.0 * i);
}

static void test_a_clear_tie_keeps_its_places(void **state)
{
	(void)state;
	lay_row();
	const pointf truth[3] = {{60, 0}, {60, 0}, {60, 0}};
	const bool swaps[3] = {true, true, true}, exact[3] = {false, false, false};
	static const map_pair neighbours[1] = {{0, 1}};
	map_untangle(row, HALF, truth, swaps, exact, 3, neighbours, 1);
	for (int i = 0; i < 3; i++)
		assert_true(row[i].x == 60.0 * i);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tie_through_an_actor_is_taken_off_it),
		cmocka_unit_test(test_an_actor_at_its_exact_place_stays),
		cmocka_unit_test(test_actors_of_different_places_never_swap),
		cmocka_unit_test(test_only_actors_that_may_swap_do),
		cmocka_unit_test(test_a_clear_tie_keeps_its_places),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
