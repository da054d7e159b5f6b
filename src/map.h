/* map.h: a map's frame (its projection and scale) and its background of country outlines, for render.c's map layout (map.c). */
#ifndef ACTORNET_MAP_H
#define ACTORNET_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include <graphviz/geom.h>

#include "geo.h"
#include "internal.h"

/* How latitudes and longitudes become a drawing's points. */
typedef struct {
	geo_projection projection;
	double scale;          /* points per unit of the projection */
	double centre_x, centre_y; /* the projected point drawn at (0, 0) */
} map_frame;

/*
 * The frame for places[0..count) (latitude, longitude pairs; NaN for a node
 * without one): the projection for their extent, scaled so that they span
 * about as many points as a map of that many actors needs to be read
 * (times share, from 0 to 1: fewer on a small target).
 */
map_frame map_frame_for(const double *places, size_t count, double share);

/* Where a place is drawn, in points; false when the frame cannot draw it. */
bool map_place(const map_frame *f, double latitude, double longitude, pointf *at);

/*
 * Moves the boxes (centres at[i], half sizes half[i]) for which moves[i]
 * apart until none of them are closer than `gap`, each along the line
 * between the two that meet, as little as it takes: what is near its place
 * stays there. The others are left where they are, and out of it.
 */
void map_spread(pointf *at, const pointf *half, const bool *moves, size_t count, double gap);

/* The colours of a map's background (a theme's). */
typedef struct {
	const char *land, *border, *leader;
} map_colors;

/*
 * The countries' outlines a map drawn within `crop` meets, cut at it, as
 * Graphviz's xdot drawing operations; *shapes counts them (SVG elements).
 */
char *map_outlines(const map_frame *f, boxf crop, const map_colors *colors, size_t *shapes);

/*
 * The leader line from an actor drawn at `drawn`, far from its place
 * `truth` (more than its own size, `reach`, away), to a dot there (xdot,
 * LEADER_SHAPES shapes); NULL when it is near enough.
 */
#define LEADER_SHAPES 2
char *map_leader(pointf truth, pointf drawn, double reach);

/*
 * A map's background (the _background attribute): the outlines, then the
 * leader lines of leaders[0..count) (NULL: none) in their colour;
 * *nleaders counts their shapes.
 */
char *map_background(const char *outlines, const char *const *leaders, size_t count, const map_colors *colors,
                     size_t *nleaders);

#endif
