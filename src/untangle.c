/* untangle.c: swaps the places of a drawing's actors while that makes its straight ties cross less and run through fewer actors. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "untangle.h"
#include "util.h"

/* A tie run through an actor costs as much as this many crossings (it is routed round, at a detour). */
#define THROUGH_COST 3
/* Sweeps over every pair of actors at most: each costs O(actors² · ties · degree); the first do most. */
#define MAX_SWEEPS 3

/*
 * A tangle with, per actor, the ties that end at it (SIZE_MAX-terminated)
 * and the periods that draw it (those of its ties), and per tie a mark: it moves.
 */
typedef struct {
	an_tangle *t;
	size_t **incident;
	uint64_t *shown;
	bool *moving;
} tangle;

/* In how many drawings ties i and j both show (one without periods). */
static inline size_t together(const an_tangle *t, size_t i, size_t j)
{
	return t->periods ? (size_t)__builtin_popcountll(t->periods[i] & t->periods[j]) : 1;
}

/* In how many drawings tie i and actor k both show. */
static inline size_t shown_with(const tangle *T, size_t i, size_t k)
{
	return T->t->periods ? (size_t)__builtin_popcountll(T->t->periods[i] & T->shown[k]) : 1;
}

/* Which side of the line ab c lies on: positive to the left, negative to the right. */
static double side_of(double ax, double ay, double bx, double by, double cx, double cy)
{
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* The lesser and the greater of two numbers (fmin and fmax are calls, in the innermost loops). */
static inline double least(double u, double v)
{
	return u < v ? u : v;
}

static inline double most(double u, double v)
{
	return u > v ? u : v;
}

/* The box of tie i drawn straight: x0, y0, x1, y1. */
static void tie_box(const an_tangle *t, size_t i, double box[4])
{
	size_t a = t->ends[i][0], b = t->ends[i][1];
	box[0] = least(t->x[a], t->x[b]);
	box[1] = least(t->y[a], t->y[b]);
	box[2] = most(t->x[a], t->x[b]);
	box[3] = most(t->y[a], t->y[b]);
}

/* Whether ties i (its box given) and j, drawn straight between their actors' centres, cross (ties that share an actor do not). */
static bool ties_cross(const an_tangle *t, size_t i, const double box[4], size_t j)
{
	size_t a = t->ends[i][0], b = t->ends[i][1], c = t->ends[j][0], d = t->ends[j][1];
	if (a == c || a == d || b == c || b == d)
		return false;
	const double *x = t->x, *y = t->y;
	if (most(x[c], x[d]) < box[0] || least(x[c], x[d]) > box[2] || most(y[c], y[d]) < box[1] ||
	    least(y[c], y[d]) > box[3])
		return false;
	return side_of(x[a], y[a], x[b], y[b], x[c], y[c]) * side_of(x[a], y[a], x[b], y[b], x[d], y[d]) < 0 &&
	       side_of(x[c], y[c], x[d], y[d], x[a], y[a]) * side_of(x[c], y[c], x[d], y[d], x[b], y[b]) < 0;
}

/* Whether tie i (its box given), drawn straight, runs through actor k's box (k not one of its ends): Liang–Barsky clipping. */
static bool tie_through(const an_tangle *t, size_t i, const double box[4], size_t k)
{
	size_t a = t->ends[i][0], b = t->ends[i][1];
	double hw = t->width[k] / 2, hh = t->height[k] / 2;
	if (k == a || k == b || t->x[k] + hw < box[0] || t->x[k] - hw > box[2] || t->y[k] + hh < box[1] ||
	    t->y[k] - hh > box[3])
		return false;
	double x0 = t->x[a], y0 = t->y[a], dx = t->x[b] - x0, dy = t->y[b] - y0;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {x0 - (t->x[k] - hw), t->x[k] + hw - x0, y0 - (t->y[k] - hh), t->y[k] + hh - y0};
	double enter = 0, leave = 1;
	for (int s = 0; s < 4; s++) {
		if (p[s] == 0) {
			if (q[s] <= 0)
				return false;
			continue;
		}
		double r = q[s] / p[s];
		if (p[s] < 0)
			enter = most(enter, r);
		else
			leave = least(leave, r);
	}
	return enter < leave;
}

/*
 * What the ties that end at actors a and b cost (crossings, and runs
 * through actors), and what the other ties cost where they run through a or b.
 */
static size_t local_cost(const tangle *T, size_t a, size_t b)
{
	const an_tangle *t = T->t;
	size_t cost = 0, movers[2] = {a, b}, n;
	for (int m = 0; m < 2; m++)
		for (const size_t *i = T->incident[movers[m]]; *i != SIZE_MAX; i++) {
			if (m == 1 && (t->ends[*i][0] == a || t->ends[*i][1] == a))
				continue; /* a tie between a and b: counted once */
			double box[4];
			tie_box(t, *i, box);
			for (size_t j = 0; j < t->nties; j++)
				if (j != *i && (!T->moving[j] || j > *i) && (n = together(t, *i, j)) && ties_cross(t, *i, box, j))
					cost += n;
			for (size_t k = 0; k < t->count; k++)
				if ((n = shown_with(T, *i, k)) && tie_through(t, *i, box, k))
					cost += THROUGH_COST * n;
		}
	for (size_t j = 0; j < t->nties; j++)
		if (!T->moving[j]) {
			double box[4];
			tie_box(t, j, box);
			for (int m = 0; m < 2; m++)
				if ((n = shown_with(T, j, movers[m])) && tie_through(t, j, box, movers[m]))
					cost += THROUGH_COST * n;
		}
	return cost;
}

/* Whether actor a, centred at (x, y), stays in the frame and `gap` clear of every actor but `except`. */
static bool fits_at(const an_tangle *t, size_t a, double x, double y, size_t except)
{
	double hw = t->width[a] / 2, hh = t->height[a] / 2;
	if (x - hw < t->frame[0] || x + hw > t->frame[2] || y - hh < t->frame[1] || y + hh > t->frame[3])
		return false;
	for (size_t k = 0; k < t->count; k++)
		if (k != a && k != except && fabs(x - t->x[k]) < hw + t->width[k] / 2 + t->gap &&
		    fabs(y - t->y[k]) < hh + t->height[k] / 2 + t->gap)
			return false;
	return true;
}

static void swap_places(an_tangle *t, size_t a, size_t b)
{
	double x = t->x[a], y = t->y[a];
	t->x[a] = t->x[b];
	t->y[a] = t->y[b];
	t->x[b] = x;
	t->y[b] = y;
}

static void mark_moving(tangle *T, size_t a, size_t b, bool on)
{
	for (const size_t *i = T->incident[a]; *i != SIZE_MAX; i++)
		T->moving[*i] = on;
	for (const size_t *i = T->incident[b]; *i != SIZE_MAX; i++)
		T->moving[*i] = on;
}

/* Swaps a and b if each fits in the other's place, clear of it, and that lowers the cost; returns whether it did. */
static bool try_swap(tangle *T, size_t a, size_t b)
{
	an_tangle *t = T->t;
	if (T->incident[a][0] == SIZE_MAX && T->incident[b][0] == SIZE_MAX)
		return false;
	if (!fits_at(t, a, t->x[b], t->y[b], b) || !fits_at(t, b, t->x[a], t->y[a], a) ||
	    (fabs(t->x[a] - t->x[b]) < (t->width[a] + t->width[b]) / 2 + t->gap &&
	     fabs(t->y[a] - t->y[b]) < (t->height[a] + t->height[b]) / 2 + t->gap))
		return false;
	mark_moving(T, a, b, true);
	size_t before = local_cost(T, a, b);
	swap_places(t, a, b);
	size_t after = local_cost(T, a, b);
	mark_moving(T, a, b, false);
	if (after < before)
		return true;
	swap_places(t, a, b);
	return false;
}

/*
 * The actors an actor may swap places with: in a drawing of at most
 * ALL_PAIRS actors every other (all pairs cross 10 % less than the ten
 * nearest on 40- and 60-actor graphs), else the NEAREST nearest to it.
 */
#define ALL_PAIRS 60
#define NEAREST 20

/* Writes into near the actors a may swap with (the actors after it, or its NEAREST nearest, nearest first); returns their number. */
static size_t partners(const an_tangle *t, size_t a, size_t *near)
{
	size_t n = 0;
	if (t->count <= ALL_PAIRS) {
		for (size_t b = a + 1; b < t->count; b++)
			near[n++] = b;
		return n;
	}
	double distance[NEAREST];
	for (size_t b = 0; b < t->count; b++) {
		if (b == a)
			continue;
		double d = (t->x[b] - t->x[a]) * (t->x[b] - t->x[a]) + (t->y[b] - t->y[a]) * (t->y[b] - t->y[a]);
		if (n == NEAREST && d >= distance[NEAREST - 1])
			continue;
		size_t at = n < NEAREST ? n++ : NEAREST - 1;
		for (; at > 0 && distance[at - 1] > d; at--) {
			distance[at] = distance[at - 1];
			near[at] = near[at - 1];
		}
		distance[at] = d;
		near[at] = b;
	}
	return n;
}

size_t an_untangle(an_tangle *t)
{
	size_t *near = xcalloc(t->count + 1, sizeof *near);
	tangle T = {t, xcalloc(t->count + 1, sizeof *T.incident), xcalloc(t->count + 1, sizeof *T.shown),
	            xcalloc(t->nties + 1, sizeof *T.moving)};
	size_t *degree = xcalloc(t->count + 1, sizeof *degree), swaps = 0;
	for (size_t i = 0; i < t->nties; i++)
		for (int end = 0; end < 2; end++)
			degree[t->ends[i][end]]++;
	for (size_t a = 0; a < t->count; a++) {
		T.incident[a] = xcalloc(degree[a] + 1, sizeof **T.incident);
		T.incident[a][0] = SIZE_MAX;
		degree[a] = 0;
	}
	for (size_t i = 0; i < t->nties; i++)
		for (int end = 0; end < 2; end++) {
			size_t a = t->ends[i][end];
			if (end == 1 && a == t->ends[i][0])
				continue; /* a loop: once */
			T.incident[a][degree[a]++] = i;
			T.incident[a][degree[a]] = SIZE_MAX;
			T.shown[a] |= t->periods ? t->periods[i] : 1;
		}
	for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
		size_t before = swaps;
		for (size_t a = 0; a < t->count; a++) {
			size_t n = partners(t, a, near);
			for (size_t k = 0; k < n; k++)
				swaps += try_swap(&T, a, near[k]);
		}
		if (swaps == before)
			break;
	}
	for (size_t a = 0; a < t->count; a++)
		free(T.incident[a]);
	free(T.incident);
	free(T.shown);
	free(T.moving);
	free(degree);
	free(near);
	return swaps;
}

size_t an_tangle_crossings(const an_tangle *t)
{
	size_t crossings = 0, n;
	for (size_t i = 0; i < t->nties; i++) {
		double box[4];
		tie_box(t, i, box);
		for (size_t j = i + 1; j < t->nties; j++)
			if ((n = together(t, i, j)) && ties_cross(t, i, box, j))
				crossings += n;
	}
	return crossings;
}
