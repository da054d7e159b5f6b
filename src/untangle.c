/* untangle.c: swaps and moves the places of a drawing's actors while that makes its straight ties cross less, run through fewer actors and show (room between the actors they join). */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "untangle.h"
#include "util.h"

/* A tie run through an actor costs as much as this many crossings (it is routed round, at a detour). */
#define THROUGH_COST 3
/* Sweeps over every pair of actors at most: each costs O(actors² · ties · degree); the first do most. */
#define MAX_SWEEPS 3

/* A tie or an actor, and in how many drawings it shows with another; lists of them end at index SIZE_MAX. */
typedef struct {
	size_t index, count;
} shared;

/*
 * A tangle with, per actor, the ties that end at it (SIZE_MAX-terminated),
 * the periods that draw it (those of its ties) and the ties drawn with it;
 * per tie, the other ties and the actors drawn with it, and a mark: it moves.
 */
typedef struct {
	an_tangle *t;
	double *home_x, *home_y; /* where each actor started (see an_tangle's reach) */
	size_t **incident;
	uint64_t *shown;
	bool *moving;
	shared **ties_with_tie, **actors_with_tie, **ties_with_actor;
	/* Per tie: if it is the lowest-numbered tie between its two actors, the drawings of all ties between them; else 0. */
	uint64_t *pair_shown;
} tangle;

/* How many bits of v are set (inline: without a popcount instruction, GCC calls libgcc). */
static inline size_t bits_set(uint64_t v)
{
	v = v - ((v >> 1) & UINT64_C(0x5555555555555555));
	v = (v & UINT64_C(0x3333333333333333)) + ((v >> 2) & UINT64_C(0x3333333333333333));
	v = (v + (v >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (size_t)((v * UINT64_C(0x0101010101010101)) >> 56);
}

/* In how many drawings ties i and j both show (one without periods). */
static inline size_t together(const an_tangle *t, size_t i, size_t j)
{
	uint64_t both = t->periods ? t->periods[i] & t->periods[j] : 1;
	return both ? bits_set(both) : 0;
}

/* In how many drawings tie i and actor k both show. */
static inline size_t shown_with(const tangle *T, size_t i, size_t k)
{
	uint64_t both = T->t->periods ? T->t->periods[i] & T->shown[k] : 1;
	return both ? bits_set(both) : 0;
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

/* Whether actor a, centred at (x, y), and actor b are less than `room` apart, across and down. */
static bool closer_than(const an_tangle *t, size_t a, double x, double y, size_t b, double room)
{
	return fabs(x - t->x[b]) < (t->width[a] + t->width[b]) / 2 + room &&
	       fabs(y - t->y[b]) < (t->height[a] + t->height[b]) / 2 + room;
}

/* What tie i costs when its actors are closer than tie_room: for the first tie of a pair, a crossing in each of the pair's drawings. */
static size_t cramped_cost(const tangle *T, size_t i)
{
	const an_tangle *t = T->t;
	size_t a = t->ends[i][0], b = t->ends[i][1];
	if (t->tie_room <= 0 || !T->pair_shown[i] || !closer_than(t, a, t->x[a], t->y[a], b, t->tie_room))
		return 0;
	return bits_set(T->pair_shown[i]);
}

/*
 * What the ties that end at actors a and b cost (crossings, runs through
 * actors, cramped pairs), and what the other ties cost where they run
 * through a or b; or `bound`, as soon as the cost reaches it (SIZE_MAX: none).
 */
static size_t local_cost(const tangle *T, size_t a, size_t b, size_t bound)
{
	const an_tangle *t = T->t;
	size_t cost = 0, movers[2] = {a, b};
	int count = a == b ? 1 : 2;
	for (int m = 0; m < count; m++)
		for (const size_t *i = T->incident[movers[m]]; *i != SIZE_MAX; i++) {
			if (m == 1 && (t->ends[*i][0] == a || t->ends[*i][1] == a))
				continue; /* a tie between a and b: counted once */
			double box[4];
			tie_box(t, *i, box);
			for (const shared *j = T->ties_with_tie[*i]; j->index != SIZE_MAX; j++)
				if ((!T->moving[j->index] || j->index > *i) && ties_cross(t, *i, box, j->index))
					cost += j->count;
			for (const shared *k = T->actors_with_tie[*i]; k->index != SIZE_MAX; k++)
				if (tie_through(t, *i, box, k->index))
					cost += THROUGH_COST * k->count;
			cost += cramped_cost(T, *i);
			if (cost >= bound)
				return bound;
		}
	for (int m = 0; m < count; m++)
		for (const shared *j = T->ties_with_actor[movers[m]]; j->index != SIZE_MAX; j++)
			if (!T->moving[j->index]) {
				double box[4];
				tie_box(t, j->index, box);
				if (tie_through(t, j->index, box, movers[m]))
					cost += THROUGH_COST * j->count;
			}
	return cost;
}

/*
 * Whether actor a, centred at (x, y), stays in the frame and within reach of
 * its start, `gap` clear of every actor but `except` and `tie_room` clear of
 * those it has ties with.
 */
static bool fits_at(const tangle *T, size_t a, double x, double y, size_t except)
{
	const an_tangle *t = T->t;
	double hw = t->width[a] / 2, hh = t->height[a] / 2;
	if (x - hw < t->frame[0] || x + hw > t->frame[2] || y - hh < t->frame[1] || y + hh > t->frame[3])
		return false;
	if (t->reach > 0 && (fabs(x - T->home_x[a]) > t->reach || fabs(y - T->home_y[a]) > t->reach))
		return false;
	for (const size_t *i = T->incident[a]; t->tie_room > 0 && *i != SIZE_MAX; i++) {
		size_t other = t->ends[*i][0] == a ? t->ends[*i][1] : t->ends[*i][0];
		if (other != a && other != except && closer_than(t, a, x, y, other, t->tie_room))
			return false;
	}
	for (size_t k = 0; k < t->count; k++)
		if (k != a && k != except && closer_than(t, a, x, y, k, t->gap))
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
	if (!fits_at(T, a, t->x[b], t->y[b], b) || !fits_at(T, b, t->x[a], t->y[a], a) ||
	    closer_than(t, a, t->x[a], t->y[a], b, t->gap))
		return false;
	mark_moving(T, a, b, true);
	size_t before = local_cost(T, a, b, SIZE_MAX);
	swap_places(t, a, b);
	size_t after = local_cost(T, a, b, before);
	mark_moving(T, a, b, false);
	if (after < before)
		return true;
	swap_places(t, a, b);
	return false;
}

/* How far (x, y) is from where actor a started, squared. */
static double squared_distance_from_start(const tangle *T, size_t a, double x, double y)
{
	return (x - T->home_x[a]) * (x - T->home_x[a]) + (y - T->home_y[a]) * (y - T->home_y[a]);
}

/* The places an actor may move to, per side of the frame: a grid of at most this many by this many. */
#define MOVE_GRID 16

/*
 * Moves a to the free place of a grid over the frame (within reach of its
 * start) where its ties cost least, if that is less than where it is, or,
 * within reach, as little and nearer its start; returns whether it moved.
 */
static bool try_move(tangle *T, size_t a)
{
	an_tangle *t = T->t;
	if (T->incident[a][0] == SIZE_MAX)
		return false;
	double hw = t->width[a] / 2, hh = t->height[a] / 2, was_x = t->x[a], was_y = t->y[a];
	double x0 = t->frame[0] + hw, y0 = t->frame[1] + hh, x1 = t->frame[2] - hw, y1 = t->frame[3] - hh;
	if (t->reach > 0) {
		x0 = most(x0, T->home_x[a] - t->reach);
		y0 = most(y0, T->home_y[a] - t->reach);
		x1 = least(x1, T->home_x[a] + t->reach);
		y1 = least(y1, T->home_y[a] + t->reach);
	}
	double step_x = most((x1 - x0) / MOVE_GRID, hw / 2), step_y = most((y1 - y0) / MOVE_GRID, hh / 2);
	mark_moving(T, a, a, true);
	size_t best = local_cost(T, a, a, SIZE_MAX);
	double best_x = was_x, best_y = was_y, best_away = squared_distance_from_start(T, a, was_x, was_y);
	/* Within reach, of the places that cost as little, the nearest its start. */
	bool nearest = t->reach > 0;
	for (double y = y0; y <= y1 && (best > 0 || nearest); y += step_y)
		for (double x = x0; x <= x1 && (best > 0 || nearest); x += step_x) {
			if (!fits_at(T, a, x, y, a))
				continue;
			t->x[a] = x;
			t->y[a] = y;
			size_t cost = local_cost(T, a, a, nearest ? best + 1 : best);
			double distance = nearest ? squared_distance_from_start(T, a, x, y) : 0;
			if (cost < best || (nearest && cost == best && distance < best_away)) {
				best = cost;
				best_x = x;
				best_y = y;
				best_away = distance;
			}
		}
	mark_moving(T, a, a, false);
	t->x[a] = best_x;
	t->y[a] = best_y;
	return best_x != was_x || best_y != was_y;
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

/* What all of T's ties cost: crossings, runs through actors and cramped pairs, summed over its drawings. */
static size_t total_cost(const tangle *T)
{
	const an_tangle *t = T->t;
	size_t cost = 0;
	for (size_t i = 0; i < t->nties; i++) {
		double box[4];
		tie_box(t, i, box);
		for (const shared *j = T->ties_with_tie[i]; j->index != SIZE_MAX; j++)
			if (j->index > i && ties_cross(t, i, box, j->index))
				cost += j->count;
		for (const shared *k = T->actors_with_tie[i]; k->index != SIZE_MAX; k++)
			if (tie_through(t, i, box, k->index))
				cost += THROUGH_COST * k->count;
		cost += cramped_cost(T, i);
	}
	return cost;
}

/* Sweeps of swaps, and of moves if asked, while they lower the cost (at most MAX_SWEEPS). */
static void descend(tangle *T, size_t *near, bool moves)
{
	an_tangle *t = T->t;
	for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
		bool changed = false;
		for (size_t a = 0; a < t->count; a++) {
			size_t n = partners(t, a, near);
			for (size_t k = 0; k < n; k++)
				changed |= try_swap(T, a, near[k]);
		}
		for (size_t a = 0; moves && a < t->count; a++)
			changed |= try_move(T, a);
		if (!changed)
			break;
	}
}

/* The next of a fixed sequence of numbers below `below` (a linear congruential generator: the same layout every run). */
static size_t next_random(uint32_t *state, size_t below)
{
	*state = *state * 1103515245u + 12345u;
	return (size_t)(*state >> 8) % below;
}

/* Copies n places (x and y) from one pair of arrays to another. */
static void copy_places(double *to_x, double *to_y, const double *x, const double *y, size_t n)
{
	memcpy(to_x, x, n * sizeof *to_x);
	memcpy(to_y, y, n * sizeof *to_y);
}

/* A copy of every actor's place. */
typedef struct {
	double *x, *y;
} places;

static places places_of(const an_tangle *t)
{
	places p = {xcalloc(t->count + 1, sizeof *p.x), xcalloc(t->count + 1, sizeof *p.y)};
	copy_places(p.x, p.y, t->x, t->y, t->count);
	return p;
}

static void places_free(places *p)
{
	free(p->x);
	free(p->y);
}

/* Actors a kick swaps at random, before the search goes down again. */
#define KICK_SWAPS 3

/*
 * Iterated local search: kicks the best places found (KICK_SWAPS random
 * swaps), searches down from there, and keeps what costs less, `kicks` times.
 */
static void kick_and_descend(tangle *T, size_t *near, size_t kicks)
{
	an_tangle *t = T->t;
	places best_places = places_of(t);
	size_t best = total_cost(T);
	uint32_t state = 1;
	for (size_t k = 0; k < kicks && best > 0; k++) {
		for (int s = 0; s < KICK_SWAPS; s++) {
			size_t a = next_random(&state, t->count), b = next_random(&state, t->count);
			if (a != b && fits_at(T, a, t->x[b], t->y[b], b) && fits_at(T, b, t->x[a], t->y[a], a))
				swap_places(t, a, b);
		}
		descend(T, near, true);
		size_t cost = total_cost(T);
		if (cost < best) {
			best = cost;
			copy_places(best_places.x, best_places.y, t->x, t->y, t->count);
		} else {
			copy_places(t->x, t->y, best_places.x, best_places.y, t->count);
		}
	}
	places_free(&best_places);
}

/* The lists a tangle keeps of what is drawn with what. */
enum { TIES_WITH_TIE, ACTORS_WITH_TIE, TIES_WITH_ACTOR };

/* The ties or actors drawn with tie or actor `of` (see the enum), and in how many drawings. T->shown must be complete. */
static shared *shared_list(const tangle *T, size_t of, int which)
{
	size_t n = which == ACTORS_WITH_TIE ? T->t->count : T->t->nties, used = 0;
	shared *list = xcalloc(n + 1, sizeof *list);
	for (size_t other = 0; other < n; other++) {
		size_t times = which == TIES_WITH_TIE    ? (other != of ? together(T->t, of, other) : 0)
		               : which == ACTORS_WITH_TIE ? shown_with(T, of, other)
		                                          : shown_with(T, other, of);
		if (times)
			list[used++] = (shared){other, times};
	}
	list[used].index = SIZE_MAX;
	return list;
}

size_t an_untangle(an_tangle *t)
{
	size_t *near = xcalloc(t->count + 1, sizeof *near);
	places start = places_of(t);
	tangle T = {t, start.x, start.y, xcalloc(t->count + 1, sizeof *T.incident),
	            xcalloc(t->count + 1, sizeof *T.shown), xcalloc(t->nties + 1, sizeof *T.moving), NULL, NULL, NULL, NULL};
	size_t *degree = xcalloc(t->count + 1, sizeof *degree), moved = 0;
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
	T.pair_shown = xcalloc(t->nties + 1, sizeof *T.pair_shown);
	for (size_t i = 0; i < t->nties; i++) {
		size_t a = t->ends[i][0], b = t->ends[i][1], first = i;
		for (const size_t *j = T.incident[a]; *j != SIZE_MAX; j++)
			if ((t->ends[*j][0] == b || t->ends[*j][1] == b) && *j < first)
				first = *j;
		T.pair_shown[first] |= a == b ? 0 : t->periods ? t->periods[i] : 1;
	}
	T.ties_with_tie = xcalloc(t->nties + 1, sizeof *T.ties_with_tie);
	T.actors_with_tie = xcalloc(t->nties + 1, sizeof *T.actors_with_tie);
	T.ties_with_actor = xcalloc(t->count + 1, sizeof *T.ties_with_actor);
	for (size_t i = 0; i < t->nties; i++) {
		T.ties_with_tie[i] = shared_list(&T, i, TIES_WITH_TIE);
		T.actors_with_tie[i] = shared_list(&T, i, ACTORS_WITH_TIE);
	}
	for (size_t k = 0; k < t->count; k++)
		T.ties_with_actor[k] = shared_list(&T, k, TIES_WITH_ACTOR);
	descend(&T, near, true);
	if (t->kicks > 0 && t->count >= 2)
		kick_and_descend(&T, near, t->kicks);
	for (size_t a = 0; a < t->count; a++)
		moved += t->x[a] != start.x[a] || t->y[a] != start.y[a];
	places_free(&start);
	for (size_t a = 0; a < t->count; a++)
		free(T.incident[a]);
	free(T.incident);
	for (size_t i = 0; i < t->nties; i++) {
		free(T.ties_with_tie[i]);
		free(T.actors_with_tie[i]);
	}
	for (size_t k = 0; k < t->count; k++)
		free(T.ties_with_actor[k]);
	free(T.ties_with_tie);
	free(T.actors_with_tie);
	free(T.ties_with_actor);
	free(T.shown);
	free(T.moving);
	free(T.pair_shown);
	free(degree);
	free(near);
	return moved;
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
