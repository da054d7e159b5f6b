/* test_untangle.c: actors swap places where that uncrosses their ties (in the drawings that show both), never where they would not fit or cross more. */
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
	an_tangle t = {4, square_x, square_y, WIDTH, HEIGHT, nties, ends, {-10, -5, 110, 105}, gap, NULL};
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
	an_tangle t = {4, x, y, w, h, 2, ends, {-10, -65, 210, 5}, 4, NULL};
	assert_true(an_untangle(&t) > 0);
	assert_false(x[2] == 100 && y[2] == 0);
	/* Whatever moved, no actor now sits on the line between 0 and 1 if they are on one line. */
	for (int k = 2; k < 4; k++)
		assert_false(y[0] == y[1] && y[k] == y[0] && x[k] > (x[0] < x[1] ? x[0] : x[1]) &&
		             x[k] < (x[0] < x[1] ? x[1] : x[0]));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crossed_diagonals_become_sides),
		cmocka_unit_test(test_uncrossed_stay),
		cmocka_unit_test(test_no_swap_without_room),
		cmocka_unit_test(test_tie_through_an_actor),
		cmocka_unit_test(test_ties_of_different_periods_stay),
		cmocka_unit_test(test_ties_of_shared_periods_uncross),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
