/* geometry.h: the point, box and Bézier arithmetic that render.c (counting faults) and route.c (routing) share. */
#ifndef ACTORNET_GEOMETRY_H
#define ACTORNET_GEOMETRY_H

#include <math.h>
#include <stdbool.h>

#include <graphviz/gvc.h>

/* Points looked at per cubic Bézier piece: enough to find where curves cross or pass through a box. */
#define BEZIER_SAMPLES 8

/* The point at t (0 to 1) of the cubic Bézier piece with control points c[0..3]. */
static inline pointf bezier_point(const pointf *c, double t)
{
	double u = 1 - t;
	return (pointf){u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x + t * t * t * c[3].x,
	                u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y + t * t * t * c[3].y};
}

/* The box of that size centred on c, each side moved in by `shrink` (out when negative). */
static inline boxf box_around(pointf c, double width, double height, double shrink)
{
	return (boxf){{c.x - width / 2 + shrink, c.y - height / 2 + shrink},
	              {c.x + width / 2 - shrink, c.y + height / 2 - shrink}};
}

/* A box that holds nothing yet: box_hold widens it. */
#define EMPTY_BOX ((boxf){{INFINITY, INFINITY}, {-INFINITY, -INFINITY}})

/* Widens box b to hold point p. */
static inline void box_hold(boxf *b, pointf p)
{
	b->LL.x = fmin(b->LL.x, p.x), b->LL.y = fmin(b->LL.y, p.y);
	b->UR.x = fmax(b->UR.x, p.x), b->UR.y = fmax(b->UR.y, p.y);
}

/* Box b with `margin` points more on each side. */
static inline boxf box_grown(boxf b, double margin)
{
	return (boxf){{b.LL.x - margin, b.LL.y - margin}, {b.UR.x + margin, b.UR.y + margin}};
}

/* A laid-out node's box, less `shrink` points on each side (negative: more). */
static inline boxf node_box(Agnode_t *n, double shrink)
{
	return box_around(ND_coord(n), ND_width(n) * 72, ND_height(n) * 72, shrink);
}

/* The length of a polyline of count points, in points. */
static inline double polyline_length(const pointf *at, size_t count)
{
	double length = 0;
	for (size_t i = 1; i < count; i++)
		length += hypot(at[i].x - at[i - 1].x, at[i].y - at[i - 1].y);
	return length;
}

/* The box of segment pq. */
static inline boxf segment_box(pointf p, pointf q)
{
	return (boxf){{fmin(p.x, q.x), fmin(p.y, q.y)}, {fmax(p.x, q.x), fmax(p.y, q.y)}};
}

/* Whether boxes a and b meet (touching counts). */
static inline bool boxes_meet(boxf a, boxf b)
{
	return a.LL.x <= b.UR.x && b.LL.x <= a.UR.x && a.LL.y <= b.UR.y && b.LL.y <= a.UR.y;
}

/* Whether box a holds box b whole. */
static inline bool box_holds(boxf a, boxf b)
{
	return b.LL.x >= a.LL.x && b.LL.y >= a.LL.y && b.UR.x <= a.UR.x && b.UR.y <= a.UR.y;
}

/* Whether p lies strictly inside b. */
static inline bool inside(boxf b, pointf p)
{
	return p.x > b.LL.x && p.x < b.UR.x && p.y > b.LL.y && p.y < b.UR.y;
}

/* Which side of the line ab c lies on: positive to the left, negative to the right. */
static inline double side(pointf a, pointf b, pointf c)
{
	return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/* Whether segments ab and cd cross (touching is not crossing). */
static inline bool segments_cross(pointf a, pointf b, pointf c, pointf d)
{
	return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/* Where segments ab and cd cross, when they do (segments_cross). */
static inline pointf crossing_point(pointf a, pointf b, pointf c, pointf d)
{
	double from_a = side(c, d, a), from_b = side(c, d, b), t = from_a / (from_a - from_b);
	return (pointf){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

/* Whether segment pq enters box b. */
static inline bool segment_enters(boxf b, pointf p, pointf q)
{
	if ((p.x <= b.LL.x && q.x <= b.LL.x) || (p.x >= b.UR.x && q.x >= b.UR.x) || (p.y <= b.LL.y && q.y <= b.LL.y) ||
	    (p.y >= b.UR.y && q.y >= b.UR.y))
		return false; /* both ends on the far side of one edge: most segments, at a glance */
	pointf corner[4] = {b.LL, {b.LL.x, b.UR.y}, b.UR, {b.UR.x, b.LL.y}};
	if (inside(b, p) || inside(b, q))
		return true;
	for (int i = 0; i < 4; i++)
		if (segments_cross(p, q, corner[i], corner[(i + 1) % 4]))
			return true;
	return false;
}

/*
 * p to a hundredth of a point, as the SVG writes it: layouts differ from run
 * to run in their last bits, and choices made on places (which way crosses
 * fewer, which swap helps) must not.
 */
static inline pointf hundredth(pointf p)
{
	return (pointf){round(p.x * 100) / 100, round(p.y * 100) / 100};
}

/* Whether a laid-out edge carries a label of its own, anywhere along it (which routing leaves where it is). */
static inline bool edge_labelled(Agedge_t *e)
{
	return ED_label(e) || ED_xlabel(e) || ED_head_label(e) || ED_tail_label(e);
}

/* An edge's drawn curve as points along it, BEZIER_SAMPLES per piece: malloc'd, *count of them (route.c). */
pointf *an_edge_points(Agedge_t *e, size_t *count);

#endif
