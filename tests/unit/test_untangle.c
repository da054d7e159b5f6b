/* test_untangle.c: actors swap places where that uncrosses their ties (in the drawings that show both), never where they would not fit, leave their reach or cross more. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "untangle.h"

/* Four 20x10 actors at the corners of a 100-point square, 0 1 over 3 2 (y up: 0 and 1 on top). */
static double square_x[4] = {0, 100, 100, 0}, square_y[4] = {100, 100, 0, 0};
static const double WIDTH[4] = {20, 20, 20, 20}, HEIGHT[4] = {10, 10, 10, 10};

static an_tangle square(size_t nties, const size_t (*ends)[2], double gap)
{
	an_tangle t = {4, square_x, square_y, WIDTH, HEIGHT, nties, ends, {-10, -5, 110, 105}, gap, NULL, 0, 0, 0};
	double x[4] = {0, 100, 100, 0}, y[4] = {100, 100, 0, 0};
	for (int i = 0; i < 4; i++) {
		square_x[i] = x[i];
		square_y[i] = y[i];
	}
	return t;
}

/* 0-2 and 1-3 are the square's diagonals, which cross: swapping 2 and 3 makes them its sides. */
static void test_crossed_diagonals_become_sides(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 2}, {1, 3}};
	an_tangle t = square(2, ends, 4);
	assert_true(an_untangle(&t) > 0);
	/* Every actor is still on a corner, and the ties no longer cross: 0-2 and 1-3 are parallel sides. */
	double a = (square_x[2] - square_x[0]) * (square_y[3] - square_y[1]) -
	           (square_y[2] - square_y[0]) * (square_x[3] - square_x[1]);
	assert_true(a == 0);
	for (int i = 0; i < 4; i++)
		assert_true((square_x[i] == 0 || square_x[i] == 100) && (square_y[i] == 0 || square_y[i] == 100));
}

/* Ties that do not cross are left where they are. */
static void test_uncrossed_stay(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 1}, {3, 2}};
	an_tangle t = square(2, ends, 4);
	assert_int_equal(an_untangle(&t), 0);
	assert_true(square_x[0] == 0 && square_y[0] == 100 && square_x[2] == 100 && square_y[2] == 0);
}

/* Where no actor fits in another's place with the room asked for between actors, none moves. */
static void test_no_swap_without_room(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 2}, {1, 3}};
	an_tangle t = square(2, ends, 150); /* the corners are 100 apart */
	assert_int_equal(an_untangle(&t), 0);
	assert_true(square_x[0] == 0 && square_y[0] == 100 && square_x[2] == 100 && square_y[2] == 0);
}

/* A tie straight through an actor it does not join: the actor swaps off the line. */
static void test_tie_through_an_actor(void **state)
{
	(void)state;
	/* 0 at the left, 1 at the right, 2 between them on their line, 3 below 2; ties 0-1 and 2-3. */
	double x[4] = {0, 200, 100, 100}, y[4] = {0, 0, 0, -60};
	static const double w[4] = {20, 20, 20, 20}, h[4] = {10, 10, 10, 10};
	static const size_t ends[2][2] = {{0, 1}, {2, 3}};
	an_tangle t = {4, x, y, w, h, 2, ends, {-10, -65, 210, 5}, 4, NULL, 0, 0, 0};
	assert_true(an_untangle(&t) > 0);
	assert_false(x[2] == 100 && y[2] == 0);
	/* Whatever moved, no actor now sits on the line between 0 and 1 if they are on one line. */
	for (int k = 2; k < 4; k++)
		assert_false(y[0] == y[1] && y[k] == y[0] && x[k] > (x[0] < x[1] ? x[0] : x[1]) &&
		             x[k] < (x[0] < x[1] ? x[1] : x[0]));
}

/* Within a reach shorter than the square's side, no actor can take another's corner: none moves. */
static void test_reach_bounds_the_moves(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 2}, {1, 3}};
	an_tangle t = square(2, ends, 4);
	t.reach = 50;
	assert_int_equal(an_untangle(&t), 0);
	for (int i = 0; i < 4; i++)
		assert_true((square_x[i] == 0 || square_x[i] == 100) && (square_y[i] == 0 || square_y[i] == 100));
}

/* Off a tie that runs through it, an actor (or a tie's end) moves as little as clears it, not as far as its reach. */
static void test_reach_moves_to_the_nearest_clear_place(void **state)
{
	(void)state;
	/* As in test_tie_through_an_actor: 2 sits on the line from 0 to 1. */
	double x[4] = {0, 200, 100, 100}, y[4] = {0, 0, 0, -60};
	const double x0[4] = {0, 200, 100, 100}, y0[4] = {0, 0, 0, -60};
	static const double w[4] = {20, 20, 20, 20}, h[4] = {10, 10, 10, 10};
	static const size_t ends[2][2] = {{0, 1}, {2, 3}};
	an_tangle t = {4, x, y, w, h, 2, ends, {-10, -65, 210, 5}, 4, NULL, 0, 40, 0};
	assert_true(an_untangle(&t) > 0);
	double moved = 0;
	for (int k = 0; k < 4; k++) {
		assert_true(x[k] - x0[k] <= 40 && x0[k] - x[k] <= 40 && y[k] - y0[k] <= 40 && y0[k] - y[k] <= 40);
		moved += (x[k] > x0[k] ? x[k] - x0[k] : x0[k] - x[k]) + (y[k] > y0[k] ? y[k] - y0[k] : y0[k] - y[k]);
	}
	print_message("moved %.1f points in all\n", moved);
	assert_true(moved <= 20);
	/* The line from 0 to 1 passes 2's box above or below it, touching it at most. */
	for (double at = x[2] - w[2] / 2; at <= x[2] + w[2] / 2; at += 1) {
		double line = y[0] + (y[1] - y[0]) * (at - x[0]) / (x[1] - x[0]);
		assert_true(line >= y[2] + h[2] / 2 || line <= y[2] - h[2] / 2);
	}
}

/* Two actors with a tie between them 4 points apart: one moves, to the room asked for, and no nearer. */
static void test_cramped_tie_gets_room(void **state)
{
	(void)state;
	double x[3] = {0, 24, 100}, y[3] = {0, 0, 40};
	static const double w[3] = {20, 20, 20}, h[3] = {10, 10, 10};
	static const size_t ends[1][2] = {{0, 1}};
	an_tangle t = {3, x, y, w, h, 1, ends, {-10, -5, 110, 45}, 4, NULL, 0, 40, 20};
	assert_true(an_untangle(&t) > 0);
	double across = (x[1] > x[0] ? x[1] - x[0] : x[0] - x[1]) - 20, down = (y[1] > y[0] ? y[1] - y[0] : y[0] - y[1]) - 10;
	print_message("room between the tie's actors: %.1f across, %.1f down\n", across, down);
	assert_true(across >= 20 || down >= 20);
	assert_true(across < 30 && down < 30); /* the nearest place with room */
	assert_true(x[2] == 100 && y[2] == 40);
}

/* Diagonals drawn in different periods of a series never cross in a drawing: they stay. */
static void test_ties_of_different_periods_stay(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 2}, {1, 3}};
	static const uint64_t periods[2] = {1, 2};
	an_tangle t = square(2, ends, 4);
	assert_int_equal(an_tangle_crossings(&t), 1); /* one drawing of all */
	t.periods = periods;
	assert_int_equal(an_tangle_crossings(&t), 0);
	assert_int_equal(an_untangle(&t), 0);
	assert_true(square_x[0] == 0 && square_y[0] == 100 && square_x[2] == 100 && square_y[2] == 0);
}

/* Diagonals drawn together in three periods cross three times, and are uncrossed. */
static void test_ties_of_shared_periods_uncross(void **state)
{
	(void)state;
	static const size_t ends[2][2] = {{0, 2}, {1, 3}};
	static const uint64_t periods[2] = {7, 15};
	an_tangle t = square(2, ends, 4);
	t.periods = periods;
	assert_int_equal(an_tangle_crossings(&t), 3);
	assert_true(an_untangle(&t) > 0);
	assert_int_equal(an_tangle_crossings(&t), 0);
}

/* A 24-actor tangle: actors on a 6 x 4 grid 100 points apart, 40 ties between actors chosen by a fixed sequence. */
enum { GRID_ACTORS = 24, GRID_TIES = 40 };
static double grid_x[GRID_ACTORS], grid_y[GRID_ACTORS], grid_w[GRID_ACTORS], grid_h[GRID_ACTORS];
static size_t grid_ends[GRID_TIES][2];

static an_tangle grid(size_t kicks)
{
	unsigned state = 7;
	for (size_t a = 0; a < GRID_ACTORS; a++) {
		grid_x[a] = (double)(a % 6) * 100;
		grid_y[a] = (double)(a / 6) * 100;
		grid_w[a] = 40;
		grid_h[a] = 20;
	}
	for (size_t i = 0; i < GRID_TIES; i++) {
		do {
			state = state * 1103515245u + 12345u;
			grid_ends[i][0] = (state >> 8) % GRID_ACTORS;
			state = state * 1103515245u + 12345u;
			grid_ends[i][1] = (state >> 8) % GRID_ACTORS;
		} while (grid_ends[i][0] == grid_ends[i][1]);
	}
	return (an_tangle){GRID_ACTORS, grid_x, grid_y, grid_w, grid_h, GRID_TIES,
	                   (const size_t(*)[2])grid_ends, {-20, -10, 520, 310}, 4, NULL, kicks, 0, 0};
}

/* Kicks find places that cross less than the search alone, and the same ones every time. */
static void test_kicks_cross_less_the_same_way(void **state)
{
	(void)state;
	an_tangle t = grid(0);
	size_t start = an_tangle_crossings(&t);
	an_untangle(&t);
	size_t searched = an_tangle_crossings(&t);
	t = grid(30);
	an_untangle(&t);
	size_t kicked = an_tangle_crossings(&t);
	double x[GRID_ACTORS], y[GRID_ACTORS];
	for (size_t a = 0; a < GRID_ACTORS; a++) {
		x[a] = grid_x[a];
		y[a] = grid_y[a];
	}
	t = grid(30);
	an_untangle(&t);
	for (size_t a = 0; a < GRID_ACTORS; a++)
		assert_true(grid_x[a] == x[a] && grid_y[a] == y[a]);
	print_message("crossings: %zu at the start, %zu searched, %zu kicked\n", start, searched, kicked);
	assert_true(searched < start);
	assert_true(kicked < searched);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crossed_diagonals_become_sides),
		cmocka_unit_test(test_uncrossed_stay),
		cmocka_unit_test(test_no_swap_without_room),
		cmocka_unit_test(test_tie_through_an_actor),
		cmocka_unit_test(test_reach_bounds_the_moves),
		cmocka_unit_test(test_reach_moves_to_the_nearest_clear_place),
		cmocka_unit_test(test_cramped_tie_gets_room),
		cmocka_unit_test(test_ties_of_different_periods_stay),
		cmocka_unit_test(test_ties_of_shared_periods_uncross),
		cmocka_unit_test(test_kicks_cross_less_the_same_way),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
