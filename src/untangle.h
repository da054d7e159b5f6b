/* untangle.h: the packed engine's last step, in plain numbers (no Graphviz): actors swap and move places while their straight ties cross less. */
#ifndef ACTORNET_UNTANGLE_H
#define ACTORNET_UNTANGLE_H

#include <stddef.h>
#include <stdint.h>

/* A drawing's actors (boxes centred at x, y) and ties (straight lines between their actors' centres). */
typedef struct {
	size_t count;                 /* actors */
	double *x, *y;                /* their centres, changed in place */
	const double *width, *height; /* their boxes */
	size_t nties;
	const size_t (*ends)[2];      /* each tie's two actors (indexes) */
	double frame[4];              /* no actor's box leaves it: x0, y0, x1, y1 */
	double gap;                   /* the least room kept between two actors' boxes */
	/*
	 * Or NULL: each tie's drawings, one bit each (the periods of a stable
	 * series, which share the actors' places). Two ties cost a crossing in
	 * each drawing that shows both, a tie through an actor in each that
	 * shows the tie and one of the actor's ties; NULL: one drawing of all.
	 */
	const uint64_t *periods;
	/*
	 * Rounds of an iterated search after the first: each kicks the best
	 * places found (a few random swaps) and searches down again; 0: none.
	 */
	size_t kicks;
	/*
	 * The farthest an actor's centre may end from where it starts, in
	 * points (each axis apart); 0: anywhere in the frame.
	 */
	double reach;
	/*
	 * The least room, in points, between the boxes of two actors a tie
	 * joins, so that the tie shows: no actor moves nearer, and two actors
	 * nearer cost a crossing in each drawing of any tie between them; 0:
	 * only `gap`.
	 */
	double tie_room;
} an_tangle;

/*
 * Swaps pairs of actors' places, each pair in turn, where the two fit in
 * each other's places, and moves actors to free places, where that lowers
 * the ties' crossings plus their runs through actors (each weighs more: it
 * is routed round at a detour) plus the pairs cramped (see tie_room),
 * summed over t's drawings; within reach, an actor also moves to a place
 * that costs as little and is nearer its start. Then t->kicks rounds of
 * kicks and searches.
 * Returns how many actors changed places: their x and y.
 */
size_t an_untangle(an_tangle *t);

/* The crossings of t's straight ties, summed over its drawings. */
size_t an_tangle_crossings(const an_tangle *t);

#endif
