/* route.c: routes a laid-out graph's edges around the nodes they do not join, looking only at each edge's neighbourhood. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>
#include <graphviz/pathplan.h>

#include "geometry.h"
#include "graph.h"
#include "internal.h"

/*
 * Graphviz 2.43 exports these from libpathplan and libgvc but installs no
 * header for them (vispath.h, render.h): the obstacle-avoiding shortest
 * path, and the installing of a spline on an edge, clipped at its nodes'
 * borders and ended by its arrowheads, as Graphviz's own routers do.
 */
typedef struct vconfig_s vconfig_t;
vconfig_t *Pobsopen(Ppoly_t **obs, int n_obs);
int Pobspath(vconfig_t *config, Ppoint_t p0, int poly0, Ppoint_t p1, int poly1,
             Ppolyline_t *output_route);
void Pobsclose(vconfig_t *config);
void clip_and_install(Agedge_t *fe, Agnode_t *hn, pointf *ps, int pn, splineInfo *info);
void gv_free_splines(Agedge_t *e);

/* Room kept between a routed edge and a node it passes, in points (Graphviz's esep is 3). */
#define ROUTE_MARGIN 3.0
/* The distance between the middles of parallel strands, in points. */
#define STRAND_GAP 3.0
/* The first neighbourhood of an edge: the box of its ends widened by this, in points. */
#define FIRST_REACH 24.0

/* A node as an obstacle: its box with the margin, clockwise, as pathplan takes polygons. */
typedef struct {
	Ppoint_t corner[4];
	Ppoly_t poly;
	boxf box;     /* the polygon's bounding box */
	boxf body;    /* the node itself, less a point: what a line must not cross */
	bool crowded; /* it touches or overlaps another node: route_between searches no path among it */
	Agnode_t *n;
} obstacle;

/* An edge to be routed, with its ends in a canonical order (the pair's lower index first). */
typedef struct {
	Agedge_t *e;
	int low, high;
	double place; /* where Graphviz drew it beside its pair's other edges (strand_offset) */
} pending;

/* How far apart two boxes are along the axis that separates them most (<= 0: they meet). */
static double box_gap(boxf a, boxf b)
{
	return fmax(fmax(b.LL.x - a.UR.x, a.LL.x - b.UR.x), fmax(b.LL.y - a.UR.y, a.LL.y - b.UR.y));
}

/*
 * The graph's nodes as obstacles (obs[0..count), in the graph's order).
 * A node's obstacle is its bounding box, an ellipse's too: a line that cuts
 * the corner of an ellipse's box passes close enough to read as touching it.
 * Its margin is ROUTE_MARGIN, or 0.45 of the gap to its nearest neighbour
 * where that is less: pathplan's Pobspath never returns when its end is
 * walled in by obstacles that overlap, so no two of them may (Graphviz 2.43).
 */
static void make_obstacles(Agraph_t *g, obstacle *obs, int count)
{
	boxf *bare = xcalloc((size_t)count + 1, sizeof *bare); /* the nodes' own boxes */
	int i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		obs[i] = (obstacle){.n = n};
		bare[i] = node_box(n, 0);
	}
	for (i = 0; i < count; i++) {
		double nearest = INFINITY;
		for (int j = 0; j < count; j++)
			if (j != i)
				nearest = fmin(nearest, box_gap(bare[i], bare[j]));
		double margin = fmin(ROUTE_MARGIN, 0.45 * nearest);
		obstacle *o = &obs[i];
		o->crowded = !(margin > 0);
		o->box = node_box(o->n, -fmax(margin, 0));
		o->body = node_box(o->n, 1);
		o->corner[0] = (Ppoint_t){o->box.LL.x, o->box.LL.y};
		o->corner[1] = (Ppoint_t){o->box.LL.x, o->box.UR.y};
		o->corner[2] = (Ppoint_t){o->box.UR.x, o->box.UR.y};
		o->corner[3] = (Ppoint_t){o->box.UR.x, o->box.LL.y};
		o->poly = (Ppoly_t){o->corner, 4};
	}
	free(bare);
}

/* The straight Bézier piece from a to b, as its four control points. */
static void straight_piece(pointf a, pointf b, pointf *out)
{
	for (int i = 0; i < 4; i++)
		out[i] = (pointf){a.x + (b.x - a.x) * i / 3, a.y + (b.y - a.y) * i / 3};
}


/* Whether the straight line between obstacles `from` and `to` enters another. */
static bool obstructed(const obstacle *obs, int count, int from, int to)
{
	pointf p = ND_coord(obs[from].n), q = ND_coord(obs[to].n);
	boxf span = segment_box(p, q);
	for (int i = 0; i < count; i++)
		if (i != from && i != to && boxes_meet(span, obs[i].box) && segment_enters(obs[i].box, p, q))
			return true;
	return false;
}

/*
 * Whether a spline (3k+1 control points) enters box b, along the chords
 * between its samples (a corner cut counts); an empty box (LL past UR)
 * it never enters.
 */
static bool spline_enters(boxf b, const pointf *ps, int pn)
{
	for (int j = 0; b.LL.x < b.UR.x && j + 3 < pn; j += 3) {
		pointf p = ps[j];
		for (int s = 1; s <= BEZIER_SAMPLES; s++) {
			pointf q = bezier_point(&ps[j], (double)s / BEZIER_SAMPLES);
			if (segment_enters(b, p, q))
				return true;
			p = q;
		}
	}
	return false;
}

/* The box of a set of points. */
static boxf box_of(const pointf *at, size_t count)
{
	boxf b = EMPTY_BOX;
	for (size_t i = 0; i < count; i++)
		box_hold(&b, at[i]);
	return b;
}

/* Whether a spline (3k+1 control points) passes through a node other than its ends. */
static bool spline_hits(const obstacle *obs, int count, int from, int to, const pointf *ps, int pn)
{
	boxf reach = box_of(ps, (size_t)pn); /* the curve, and its chords, lie within the box of its control points */
	for (int i = 0; i < count; i++)
		if (i != from && i != to && boxes_meet(reach, obs[i].body) && spline_enters(obs[i].body, ps, pn))
			return true;
	return false;
}

/* Whether the edge as drawn (one of its pair's spread strands, say) passes through a node other than its ends. */
static bool drawn_hits(const obstacle *obs, int count, int from, int to, Agedge_t *e)
{
	for (int i = 0; ED_spl(e) && i < ED_spl(e)->size; i++)
		if (spline_hits(obs, count, from, to, ED_spl(e)->list[i].list, ED_spl(e)->list[i].size))
			return true;
	return false;
}

/* vispath.h's POLYID_NONE: a path's end that is in no obstacle. */
#define IN_NO_OBSTACLE (-1111)

/* pathplan's polyline made a smooth curve that keeps off the barrier polygons: its control points (malloc'd), *pn of them, or NULL. */
static pointf *smooth_path(Ppoly_t **barrier_polys, int nb, Ppolyline_t line, int *pn)
{
	Pedge_t *barriers = NULL;
	int nbarriers = 0;
	Ppolyline_t spline;
	Pvector_t slopes[2] = {{0, 0}, {0, 0}};
	pointf *result = NULL;
	if (Ppolybarriers(barrier_polys, nb, &barriers, &nbarriers) &&
	    Proutespline(barriers, nbarriers, line, slopes, &spline) >= 0 && spline.pn >= 4) {
		result = xcalloc((size_t)spline.pn, sizeof *result);
		for (int i = 0; i < spline.pn; i++)
			result[i] = (pointf){spline.ps[i].x, spline.ps[i].y};
		*pn = spline.pn;
	}
	free(barriers);
	return result;
}

/*
 * The shortest smooth path from the centre of obstacle `from` to that of
 * `to` around the obstacles near them, through *via unless NULL (a point in
 * no obstacle): those within a box around both ends (and via), widened
 * until the path stays inside it. Returns its control points (3k+1,
 * malloc'd) and their count, or NULL when pathplan finds none.
 */
static pointf *route_between(obstacle *obs, int count, int from, int to, const pointf *via,
                             int *pn)
{
	Ppoint_t p = {ND_coord(obs[from].n).x, ND_coord(obs[from].n).y};
	Ppoint_t q = {ND_coord(obs[to].n).x, ND_coord(obs[to].n).y};
	Ppoint_t v = via ? (Ppoint_t){via->x, via->y} : p;
	Ppoly_t **near = xcalloc((size_t)count, sizeof *near);
	Ppoly_t **barriers_of = xcalloc((size_t)count, sizeof *barriers_of);
	pointf *result = NULL;
	for (double reach = FIRST_REACH;; reach *= 2) {
		boxf area = {{fmin(fmin(p.x, q.x), v.x) - reach, fmin(fmin(p.y, q.y), v.y) - reach},
		             {fmax(fmax(p.x, q.x), v.x) + reach, fmax(fmax(p.y, q.y), v.y) + reach}};
		int n = 0, nb = 0, pi = -1, qi = -1;
		bool everything = true, crowded = false;
		for (int i = 0; i < count; i++) {
			if (i != from && i != to && !boxes_meet(area, obs[i].box)) {
				everything = false;
				continue;
			}
			crowded |= obs[i].crowded;
			if (i == from)
				pi = n;
			else if (i == to)
				qi = n;
			else
				barriers_of[nb++] = &obs[i].poly;
			near[n++] = &obs[i].poly;
		}
		if (crowded)
			break;
		vconfig_t *config = Pobsopen(near, n);
		Ppolyline_t line = {NULL, 0}, rest = {NULL, 0};
		bool found = config && (via ? Pobspath(config, p, pi, v, IN_NO_OBSTACLE, &line) &&
		                                  Pobspath(config, v, IN_NO_OBSTACLE, q, qi, &rest)
		                            : Pobspath(config, p, pi, q, qi, &line));
		if (found && via && line.pn >= 1 && rest.pn >= 2) { /* one path: via once */
			line.ps = xrealloc(line.ps, (size_t)(line.pn + rest.pn - 1) * sizeof *line.ps);
			memcpy(&line.ps[line.pn], &rest.ps[1], (size_t)(rest.pn - 1) * sizeof *rest.ps);
			line.pn += rest.pn - 1;
		}
		if (found && line.pn >= 2) {
			result = smooth_path(barriers_of, nb, line, pn);
			if (result && !everything && !box_holds(area, box_of(result, (size_t)*pn))) {
				free(result);
				result = NULL;
			}
		}
		free(line.ps);
		free(rest.ps);
		if (config)
			Pobsclose(config);
		if (result || everything || !config)
			break;
	}
	free(near);
	free(barriers_of);
	return result;
}

/* The route moved sideways by `offset` points (to the left of its direction): a strand beside its pair's others. */
static void offset_route(const pointf *route, int pn, double offset, pointf *out)
{
	for (int i = 0; i < pn; i++) {
		pointf a = route[i > 0 ? i - 1 : 0], b = route[i + 1 < pn ? i + 1 : pn - 1];
		double dx = b.x - a.x, dy = b.y - a.y, length = hypot(dx, dy);
		double nx = length > 0 ? -dy / length : 0, ny = length > 0 ? dx / length : 0;
		out[i] = (pointf){route[i].x + offset * nx, route[i].y + offset * ny};
	}
}

/* Where an edge's drawn line runs beside the line between its pair's centres, to the left: its strand's place. */
static double strand_offset(Agedge_t *e, pointf from, pointf to)
{
	double dx = to.x - from.x, dy = to.y - from.y, length = hypot(dx, dy);
	if (!ED_spl(e) || length == 0)
		return 0;
	double sum = 0;
	int count = 0;
	for (int i = 0; i < ED_spl(e)->size; i++)
		for (int j = 0; j < ED_spl(e)->list[i].size; j++) {
			pointf p = ED_spl(e)->list[i].list[j];
			sum += (dx * (p.y - from.y) - dy * (p.x - from.x)) / length;
			count++;
		}
	return count ? sum / count : 0;
}

static boolean never(Agedge_t *e)
{
	(void)e;
	return FALSE;
}

static boolean no_merge(Agnode_t *n)
{
	(void)n;
	return FALSE;
}

static int by_pair(const void *a, const void *b)
{
	const pending *x = a, *y = b;
	if (x->low != y->low)
		return x->low < y->low ? -1 : 1;
	return x->high < y->high ? -1 : x->high > y->high;
}

static void widen_box(boxf *bb, const bezier *bz)
{
	for (int i = 0; i < bz->size; i++)
		box_hold(bb, bz->list[i]);
}

/*
 * Draws the n edges side by side along the route (pn control points, from
 * node `from` on), STRAND_GAP apart in the order given, each clipped at its
 * nodes and given its arrowheads by Graphviz; widens g's box to hold them.
 */
static void lay_side_by_side(Agraph_t *g, Agedge_t *const *edges, size_t n, const pointf *route,
                             int pn, Agnode_t *from)
{
	pointf *points = xcalloc((size_t)pn, sizeof *points);
	splineInfo info = {never, no_merge, TRUE, FALSE};
	for (size_t k = 0; k < n; k++) {
		Agedge_t *e = edges[k];
		offset_route(route, pn, ((double)k - (double)(n - 1) / 2) * STRAND_GAP, points);
		if (agtail(e) != from) /* drawn the other way: the route reversed */
			for (int a = 0, b = pn - 1; a < b; a++, b--) {
				pointf swap = points[a];
				points[a] = points[b];
				points[b] = swap;
			}
		gv_free_splines(e);
		clip_and_install(e, aghead(e), points, pn, &info);
		for (int s = 0; ED_spl(e) && s < ED_spl(e)->size; s++)
			widen_box(&GD_bb(g), &ED_spl(e)->list[s]);
	}
	free(points);
}

void an_draw_straight(Agraph_t *g)
{
	pointf piece[4];
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (aghead(e) != n) {
				straight_piece(ND_coord(n), ND_coord(aghead(e)), piece);
				lay_side_by_side(g, &e, 1, piece, 4, n);
			}
}

/* ------------------------------------------------------------ routing */

/* Crossings this close to a route's end nodes do not count: edges meet there (in points). */
#define CROSSING_CLEARANCE 8.0
/* The longest a route is taken when a shorter one is clear, times the distance between its nodes' centres. */
#define MAX_DETOUR 1.8

/* Appends points along a curve's control points ps (3k+1), BEZIER_SAMPLES per piece. */
static void sample_curve(const pointf *ps, int pn, pointf **at, size_t *count, size_t *cap)
{
	for (int j = 0; j + 3 < pn; j += 3)
		for (int k = (j == 0 ? 0 : 1); k <= BEZIER_SAMPLES; k++) {
			GROW(*at, *cap, *count + 1);
			(*at)[(*count)++] = bezier_point(&ps[j], (double)k / BEZIER_SAMPLES);
		}
}

pointf *an_edge_points(Agedge_t *e, size_t *count)
{
	pointf *at = NULL;
	size_t cap = 0;
	*count = 0;
	for (int i = 0; ED_spl(e) && i < ED_spl(e)->size; i++)
		sample_curve(ED_spl(e)->list[i].list, ED_spl(e)->list[i].size, &at, count, &cap);
	return at;
}

/* An edge of the graph as drawn now, sampled, with the box of its points. */
typedef struct {
	Agedge_t *e;
	pointf *at;
	size_t count;
	boxf box;
} drawn_edge;

static void sample_drawn(drawn_edge *d)
{
	free(d->at);
	d->at = an_edge_points(d->e, &d->count);
	d->box = box_of(d->at, d->count);
}

/* Whether e joins the nodes of obstacles a and b, either way. */
static bool joins(Agedge_t *e, const obstacle *a, const obstacle *b)
{
	return (agtail(e) == a->n && aghead(e) == b->n) || (agtail(e) == b->n && aghead(e) == a->n);
}

/*
 * How often the points `line` cross the edges drawn between other nodes
 * than low and high, away from these two; *first (unless NULL) is the edge
 * drawn that they cross first along the line, or -1.
 */
static size_t crossings_of(const pointf *line, size_t n, const drawn_edge *drawn, size_t ndrawn,
                           const obstacle *obs, int low, int high, int *first)
{
	boxf box = box_of(line, n);
	boxf ends[2] = {obs[low].body, obs[high].body};
	for (int k = 0; k < 2; k++)
		ends[k] = (boxf){{ends[k].LL.x - CROSSING_CLEARANCE, ends[k].LL.y - CROSSING_CLEARANCE},
		                 {ends[k].UR.x + CROSSING_CLEARANCE, ends[k].UR.y + CROSSING_CLEARANCE}};
	size_t crossings = 0, earliest = SIZE_MAX;
	if (first)
		*first = -1;
	for (size_t d = 0; d < ndrawn; d++) {
		if (joins(drawn[d].e, &obs[low], &obs[high]) || !boxes_meet(box, drawn[d].box))
			continue;
		for (size_t p = 1; p < n; p++)
			for (size_t q = 1; q < drawn[d].count; q++)
				if (segments_cross(line[p - 1], line[p], drawn[d].at[q - 1], drawn[d].at[q])) {
					pointf at = crossing_point(line[p - 1], line[p], drawn[d].at[q - 1], drawn[d].at[q]);
					if (inside(ends[0], at) || inside(ends[1], at))
						continue;
					crossings++;
					if (first && p < earliest) {
						earliest = p;
						*first = (int)d;
					}
				}
	}
	return crossings;
}

/*
 * A point just past node `end` of a drawn edge, on the far side from its
 * other end `other`: a way through it goes round that end of the edge
 * instead of across it. Where that falls in a node, a point as far again
 * past it; false when that does too.
 */
static bool past_end(const obstacle *obs, int count, int end, int other, pointf *via)
{
	pointf c = ND_coord(obs[end].n), o = ND_coord(obs[other].n);
	double dx = c.x - o.x, dy = c.y - o.y, length = hypot(dx, dy);
	if (length <= 0)
		return false;
	dx /= length;
	dy /= length;
	boxf b = obs[end].box;
	double reach = fabs(dx) * (b.UR.x - b.LL.x) / 2 + fabs(dy) * (b.UR.y - b.LL.y) / 2 + 3 * ROUTE_MARGIN;
	for (int step = 1; step <= 2; step++) {
		*via = (pointf){c.x + dx * reach * step, c.y + dy * reach * step};
		bool clear = true;
		for (int i = 0; i < count && clear; i++)
			clear = !inside(obs[i].box, *via);
		if (clear)
			return true;
	}
	return false;
}

/* The obstacle of node n, or -1. */
static int obstacle_of(const obstacle *obs, int count, Agnode_t *n)
{
	for (int i = 0; i < count; i++)
		if (obs[i].n == n)
			return i;
	return -1;
}

/*
 * A point beside the first node that the straight line from low to high
 * enters, on the other side of it from `route` (pn control points): a way
 * round that side passes through it. False when there is none clear.
 */
static bool other_side(const obstacle *obs, int count, int low, int high, const pointf *route,
                       int pn, pointf *via)
{
	pointf p = ND_coord(obs[low].n), q = ND_coord(obs[high].n);
	double dx = q.x - p.x, dy = q.y - p.y, length = hypot(dx, dy);
	if (length <= 0)
		return false;
	int first = -1;
	double nearest = INFINITY;
	for (int i = 0; i < count; i++) {
		pointf c = ND_coord(obs[i].n);
		double along = ((c.x - p.x) * dx + (c.y - p.y) * dy) / length;
		if (i != low && i != high && along < nearest && segment_enters(obs[i].box, p, q)) {
			first = i;
			nearest = along;
		}
	}
	if (first < 0)
		return false;
	double passes = 0; /* > 0: the route passes to the left of the line */
	for (int i = 0; i < pn; i++)
		passes += side(p, q, route[i]);
	double nx = -dy / length, ny = dx / length, away = passes > 0 ? -1 : 1;
	boxf b = obs[first].box;
	double reach = fabs(nx) * (b.UR.x - b.LL.x) / 2 + fabs(ny) * (b.UR.y - b.LL.y) / 2 + 3 * ROUTE_MARGIN;
	pointf c = ND_coord(obs[first].n);
	*via = (pointf){c.x + away * nx * reach, c.y + away * ny * reach};
	for (int i = 0; i < count; i++)
		if (inside(obs[i].box, *via))
			return false;
	return true;
}

/* A way the edges of one pair may be drawn: a route's control points, or (NULL) as they are drawn. */
typedef struct {
	pointf *route;
	int pn;
	bool outside; /* it runs past the rim (see bounds) */
} way;

/*
 * Where routes may run: never into the title block (the graph's label,
 * which Graphviz placed beside the actors), and out of the room the caller
 * gives (see an_route_edges) only when no way inside is clear.
 */
typedef struct {
	boxf title, room;
} bounds;

/* The points along a way of pair low-high's edges (group[0] as drawn when it has no route): malloc'd, *n of them. */
static pointf *way_points(const way *w, const pending *group, size_t *n)
{
	size_t cap = 0;
	pointf *points = NULL;
	*n = 0;
	if (w->route)
		sample_curve(w->route, w->pn, &points, n, &cap);
	else
		points = an_edge_points(group[0].e, n);
	return points;
}

/* How often a way crosses the edges drawn, and whether it is a long way (MAX_DETOUR). */
static size_t way_crossings(const obstacle *obs, int low, int high, const way *w, const pending *group,
                            const drawn_edge *drawn, size_t ndrawn, bool *long_way)
{
	size_t npoints;
	pointf *points = way_points(w, group, &npoints);
	size_t crossings = crossings_of(points, npoints, drawn, ndrawn, obs, low, high, NULL);
	double length = polyline_length(points, npoints);
	free(points);
	pointf a = ND_coord(obs[low].n), b = ND_coord(obs[high].n);
	/* A long way round reads as a tie to somewhere else: taken only when no other is clear. */
	*long_way = w->route && length > MAX_DETOUR * hypot(b.x - a.x, b.y - a.y);
	return crossings;
}

/*
 * Whether the curve (control points ps) lies within box b, as drawn: its
 * control points may stand outside where the curve itself does not.
 */
static bool within(boxf b, const pointf *ps, int pn)
{
	size_t count = 0, cap = 0;
	pointf *at = NULL;
	sample_curve(ps, pn, &at, &count, &cap);
	bool inside_all = true;
	for (size_t i = 0; i < count && inside_all; i++)
		inside_all = at[i].x >= b.LL.x && at[i].x <= b.UR.x && at[i].y >= b.LL.y && at[i].y <= b.UR.y;
	free(at);
	return inside_all;
}

/* The length of the curve (control points ps) as drawn, in points. */
static double curve_length(const pointf *ps, int pn)
{
	size_t count = 0, cap = 0;
	pointf *at = NULL;
	sample_curve(ps, pn, &at, &count, &cap);
	double length = polyline_length(at, count);
	free(at);
	return length;
}

/*
 * Takes a route found for pair low-high as a way, into *out, when it runs
 * through no other node and not into the title block (marked when it runs
 * out of the room); else frees it. Returns whether it took it.
 */
static bool take_way(const obstacle *obs, int count, int low, int high, const bounds *limits,
                     pointf *route, int pn, way *out)
{
	if (!route || spline_hits(obs, count, low, high, route, pn) || spline_enters(limits->title, route, pn)) {
		free(route);
		return false;
	}
	*out = (way){route, pn, !within(limits->room, route, pn)};
	return true;
}

/* How far, in points, a way round the end of an edge may run past the actors on the drawing's rim. */
#define RIM_SLACK 12.0

/* Drawings of at most this many edges also try the ways round the ends of an edge crossed (each costs a path search). */
#define ROUND_ENDS_MAX 60

/*
 * The ways round either end of the first edge that way `w` crosses, clear of
 * every node: into out[0..2); returns their number.
 */
static int round_ends(obstacle *obs, int count, int low, int high, const way *w, const pending *group,
                      const drawn_edge *drawn, size_t ndrawn, const bounds *limits, way *out)
{
	size_t npoints;
	pointf *points = way_points(w, group, &npoints);
	int d, found = 0;
	crossings_of(points, npoints, drawn, ndrawn, obs, low, high, &d);
	free(points);
	if (d < 0)
		return 0;
	int ends[2] = {obstacle_of(obs, count, agtail(drawn[d].e)), obstacle_of(obs, count, aghead(drawn[d].e))};
	/* Not far past the actors on the drawing's rim: the canvas would grow (by RIM_SLACK at most). */
	boxf hull = obs[0].box;
	for (int i = 1; i < count; i++)
		hull = (boxf){{fmin(hull.LL.x, obs[i].box.LL.x), fmin(hull.LL.y, obs[i].box.LL.y)},
		              {fmax(hull.UR.x, obs[i].box.UR.x), fmax(hull.UR.y, obs[i].box.UR.y)}};
	hull = (boxf){{hull.LL.x - RIM_SLACK, hull.LL.y - RIM_SLACK}, {hull.UR.x + RIM_SLACK, hull.UR.y + RIM_SLACK}};
	for (int k = 0; k < 2; k++) {
		pointf via;
		int pn = 0;
		/* round an end that is one of the pair's own would loop round it */
		if (ends[0] < 0 || ends[1] < 0 || ends[k] == low || ends[k] == high ||
		    !past_end(obs, count, ends[k], ends[1 - k], &via))
			continue;
		pointf *route = route_between(obs, count, low, high, &via, &pn);
		if (route && !within(hull, route, pn)) {
			free(route);
			route = NULL;
		}
		found += take_way(obs, count, low, high, limits, route, pn, &out[found]);
	}
	return found;
}

/*
 * Of the ways the edges of pair low-high (group[0..n)) may be drawn, the one
 * that crosses the fewest edges as drawn now, the first of equals: the
 * straight line when clear, as drawn when clear, the shortest way round the
 * nodes in between and the way round the other side of the first of them;
 * when the best of these crosses an edge, in a drawing small enough, the
 * ways round either end of the first edge it crosses too.
 * Returns its route (malloc'd), or NULL to keep them as drawn. `again`: the
 * pair was routed so before, and is kept if clear and crossing nothing.
 */
static pointf *fewest_crossings(obstacle *obs, int count, int low, int high,
                                const pending *group, size_t n, const drawn_edge *drawn,
                                size_t ndrawn, const bounds *limits, bool again, int *pn)
{
	way ways[6];
	int nways = 0;
	bool blocked = obstructed(obs, count, low, high), drawn_clear = true;
	for (size_t k = 0; k < n && drawn_clear; k++)
		drawn_clear = !drawn_hits(obs, count, low, high, group[k].e);
	if (again && drawn_clear) { /* chosen before: kept if it crosses nothing now */
		size_t npoints;
		pointf *points = an_edge_points(group[0].e, &npoints);
		size_t crossings = crossings_of(points, npoints, drawn, ndrawn, obs, low, high, NULL);
		free(points);
		if (crossings == 0)
			return NULL;
	}
	if (!blocked) {
		pointf *straight = xcalloc(4, sizeof *straight);
		straight_piece(ND_coord(obs[low].n), ND_coord(obs[high].n), straight);
		ways[nways++] = (way){straight, 4, false};
	}
	if (drawn_clear)
		ways[nways++] = (way){NULL, 0, false};
	if (blocked) {
		int around_pn = 0, other_pn = 0;
		pointf via, *around = route_between(obs, count, low, high, NULL, &around_pn);
		pointf *other = around && other_side(obs, count, low, high, around, around_pn, &via)
		                    ? route_between(obs, count, low, high, &via, &other_pn)
		                    : NULL;
		nways += take_way(obs, count, low, high, limits, around, around_pn, &ways[nways]);
		nways += take_way(obs, count, low, high, limits, other, other_pn, &ways[nways]);
	}
	/* The fewest crossings of the ways not much longer than the straight line, else of all. */
	int best = -1, best_long = -1;
	size_t fewest = SIZE_MAX, fewest_long = SIZE_MAX;
	for (int w = 0, first = nways; w < nways; w++) {
		bool long_way;
		size_t crossings = way_crossings(obs, low, high, &ways[w], group, drawn, ndrawn, &long_way);
		long_way |= ways[w].outside;
		if (!long_way && crossings < fewest) {
			fewest = crossings;
			best = w;
		}
		if (long_way && crossings < fewest_long) {
			fewest_long = crossings;
			best_long = w;
		}
		/* The best way crosses an edge: round either end of it, in a drawing small enough. */
		if (w == first - 1 && best >= 0 && fewest > 0 && ndrawn <= ROUND_ENDS_MAX)
			nways += round_ends(obs, count, low, high, &ways[best], group, drawn, ndrawn, limits,
			                    &ways[nways]);
	}
	if (best < 0)
		best = best_long;
	pointf *route = best >= 0 ? ways[best].route : NULL;
	*pn = best >= 0 ? ways[best].pn : 0;
	for (int w = 0; w < nways; w++)
		if (w != best)
			free(ways[w].route);
	return route;
}

size_t *an_node_indexes(Agraph_t *g)
{
	IDTYPE most = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		most = AGSEQ(n) > most ? AGSEQ(n) : most;
	size_t *index = xcalloc((size_t)most + 1, sizeof *index), i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		index[AGSEQ(n)] = i++;
	return index;
}

void an_route_edges(Agraph_t *g, boxf room)
{
	int count = agnnodes(g);
	if (count < 3)
		return;
	obstacle *obs = xcalloc((size_t)count, sizeof *obs);
	size_t *index = an_node_indexes(g);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		ND_coord(n) = hundredth(ND_coord(n));
	make_obstacles(g, obs, count);
	bounds limits = {{{0, 0}, {0, 0}}, room};
	if (GD_label(g) && GD_label(g)->set)
		limits.title = box_around(GD_label(g)->pos, GD_label(g)->dimen.x, GD_label(g)->dimen.y, 0);
	/* The edges that join nodes, without labels of their own, grouped by their pair of nodes; every edge as drawn. */
	pending *todo = NULL;
	drawn_edge *drawn = NULL;
	size_t ntodo = 0, cap = 0, ndrawn = 0, drawn_cap = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			GROW(drawn, drawn_cap, ndrawn + 1);
			drawn[ndrawn] = (drawn_edge){e, NULL, 0, {{0, 0}, {0, 0}}};
			sample_drawn(&drawn[ndrawn++]);
			int t = (int)index[AGSEQ(agtail(e))], h = (int)index[AGSEQ(aghead(e))];
			if (t == h || edge_labelled(e))
				continue;
			GROW(todo, cap, ntodo + 1);
			todo[ntodo++] = (pending){e, t < h ? t : h, t < h ? h : t, 0};
		}
	if (ntodo)
		qsort(todo, ntodo, sizeof *todo, by_pair);
	Agedge_t **ordered = xcalloc(ntodo + 1, sizeof *ordered);
	/* Twice: the first time, a pair sees only the pairs before it as they end up. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t first = 0, last; first < ntodo; first = last) {
			for (last = first; last < ntodo && by_pair(&todo[first], &todo[last]) == 0; last++)
				;
			int low = todo[first].low, high = todo[first].high, pn = 0;
			pointf *route = fewest_crossings(obs, count, low, high, &todo[first], last - first,
			                                 drawn, ndrawn, &limits, pass > 0, &pn);
			if (!route)
				continue;
			pointf from = ND_coord(obs[low].n), to = ND_coord(obs[high].n);
			for (size_t k = first; k < last; k++)
				todo[k].place = strand_offset(todo[k].e, from, to);
			/* The strands in the order Graphviz spread them (ties by their order here). */
			for (size_t k = first; k < last; k++) {
				size_t rank = 0;
				for (size_t j = first; j < last; j++)
					rank += todo[j].place < todo[k].place || (todo[j].place == todo[k].place && j < k);
				ordered[rank] = todo[k].e;
			}
			lay_side_by_side(g, ordered, last - first, route, pn, obs[low].n);
			free(route);
			for (size_t d = 0; d < ndrawn; d++) /* the pair's edges as they are drawn now */
				if (joins(drawn[d].e, &obs[low], &obs[high]))
					sample_drawn(&drawn[d]);
		}
	}
	for (size_t d = 0; d < ndrawn; d++)
		free(drawn[d].at);
	free(drawn);
	free(ordered);
	free(todo);
	free(index);
	free(obs);
}

/* Whether n holds a label, not an actor ('.' is in no actor id): tie.KEY, or joint.KEY for an event. */
static bool label_node(Agnode_t *n)
{
	return strchr(agnameof(n), '.') != NULL;
}

/*
 * Draws e again with its curve carried straight on to the centre of each
 * label node it joins, and clipped there by Graphviz: the curve then meets
 * the node's border as it is now, and its arrowheads are placed again.
 */
static void end_at_label_nodes(Agedge_t *e)
{
	const bezier *bz = &ED_spl(e)->list[0];
	bool tail = label_node(agtail(e)), head = label_node(aghead(e));
	int pn = bz->size + 3 * tail + 3 * head, k = 0;
	pointf *points = xcalloc((size_t)pn, sizeof *points);
	pointf first = bz->sflag ? bz->sp : bz->list[0];
	pointf last = bz->eflag ? bz->ep : bz->list[bz->size - 1];
	if (tail) {
		straight_piece(ND_coord(agtail(e)), first, points);
		k = 3;
	}
	for (int i = 0; i < bz->size; i++)
		points[k++] = bz->list[i];
	points[tail ? 3 : 0] = first;
	points[k - 1] = last;
	if (head)
		straight_piece(last, ND_coord(aghead(e)), &points[k - 1]);
	splineInfo info = {never, no_merge, TRUE, FALSE};
	gv_free_splines(e);
	clip_and_install(e, aghead(e), points, pn, &info);
	free(points);
}

bool an_joins_label_node(Agedge_t *e)
{
	return label_node(agtail(e)) || label_node(aghead(e));
}

bool an_joins_label_nodes(Agraph_t *g)
{
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (an_joins_label_node(e))
				return true;
	return false;
}

bool an_has_tie_label_nodes(Agraph_t *g)
{
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		if (strncmp(agnameof(n), "tie.", 4) == 0)
			return true;
	return false;
}

void an_end_at_label_nodes(Agraph_t *g)
{
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (an_joins_label_node(e) && ED_spl(e) && ED_spl(e)->size == 1 &&
			    ED_spl(e)->list[0].size >= 4)
				end_at_label_nodes(e);
}

void an_bundle_strands(Agraph_t *g, Agedge_t *const *strands, size_t n)
{
	Agedge_t *e = strands[0];
	if (n < 2 || agtail(e) == aghead(e) || !ED_spl(e) || ED_spl(e)->size != 1 ||
	    ED_spl(e)->list[0].size < 4)
		return;
	/* The first strand's curve, from its tail's centre to its head's, for Graphviz to clip. */
	const bezier *bz = &ED_spl(e)->list[0];
	int pn = bz->size + 6;
	pointf *route = xcalloc((size_t)pn, sizeof *route), *points = xcalloc((size_t)pn, sizeof *points);
	pointf first = bz->sflag ? bz->sp : bz->list[0];
	pointf last = bz->eflag ? bz->ep : bz->list[bz->size - 1];
	straight_piece(ND_coord(agtail(e)), first, route);
	for (int i = 1; i + 1 < bz->size; i++)
		route[3 + i] = bz->list[i];
	straight_piece(last, ND_coord(aghead(e)), &route[bz->size + 2]);
	/* Side by side only where no strand would then pass through an actor. */
	int count = agnnodes(g), i = 0, from = -1, to = -1;
	obstacle *obs = xcalloc((size_t)count + 1, sizeof *obs);
	for (Agnode_t *node = agfstnode(g); node; node = agnxtnode(g, node), i++) {
		obs[i] = (obstacle){.n = node, .body = node_box(node, 1)}; /* all spline_hits looks at */
		from = node == agtail(e) ? i : from;
		to = node == aghead(e) ? i : to;
	}
	bool clear = true;
	for (size_t k = 0; k < n && clear; k++) {
		offset_route(route, pn, ((double)k - (double)(n - 1) / 2) * STRAND_GAP, points);
		clear = !spline_hits(obs, count, from, to, points, pn);
	}
	free(obs);
	free(points);
	if (clear)
		lay_side_by_side(g, strands, n, route, pn, agtail(e));
	free(route);
}

/* ------------------------------------------------------------ labels */

/* How far a label moves at most from where the engine put it: LABEL_SHIFTS steps of LABEL_SHIFT_STEP points (32 pt). */
#define LABEL_SHIFTS 16
#define LABEL_SHIFT_STEP 2.0
/* Room kept between a label and another edge's line, a node or another label, in points. */
#define LABEL_CLEARANCE 1.0
/* How far, in points, a line may run into a label's box and only graze its text. */
#define LABEL_GRAZE 0.5
/* The farthest a label is put from its own line, in points: read with it, not with another. */
#define LABEL_NEAR 8.0

/*
 * How much higher than Graphviz measures it a browser's box of a label's
 * text is on each side, in ems: from its font's ascent over the first line
 * to its descent under the last (DejaVu Sans in Chromium: a 10 pt label's
 * box runs 1.3 pt above Graphviz's).
 */
#define BROWSER_TEXT_HIGHER 0.13

/* An edge label's box at `at` as a browser draws its text (AN_BROWSER_WIDER, centred), widened by margin. */
static boxf label_box(const textlabel_t *label, pointf at, double margin)
{
	return box_around(at, label->dimen.x * AN_BROWSER_WIDER,
	                  label->dimen.y + 2 * BROWSER_TEXT_HIGHER * label->fontsize, -margin);
}

/* Whether a sampled line enters box b. */
static bool line_enters(const drawn_edge *d, boxf b)
{
	if (!boxes_meet(b, d->box))
		return false;
	for (size_t p = 1; p < d->count; p++)
		if (segment_enters(b, d->at[p - 1], d->at[p]))
			return true;
	return false;
}

/*
 * The drawing as label_cost sees it: the nodes' boxes, the labels' boxes
 * where they are now and the lines, each listed in the cells of a grid it
 * reaches into, so that a label's place is weighed against what is near
 * it only (a thousand labels, each tried at a thousand places, against a
 * thousand of each: minutes, without).
 */
#define LABEL_CELL 48.0
#define LABEL_GRID_SIDE 256

typedef struct {
	size_t *items;
	size_t count, cap;
} label_cell;

typedef struct {
	Agraph_t *g;
	const drawn_edge *drawn;
	size_t ndrawn, nnodes; /* items: nodes 0..nnodes-1, then each drawn edge's label, then its line */
	boxf *node_boxes, *label_boxes;
	double x0, y0, cell;
	int cols, rows;
	label_cell *cells;
	unsigned *seen; /* per item: the last query that met it */
	unsigned query;
} label_scene;

/* The cells box b reaches into (clamped to the grid: what lies outside is in its border cells). */
static void cells_of(const label_scene *s, boxf b, int *c0, int *c1, int *r0, int *r1)
{
	double x[2] = {(b.LL.x - s->x0) / s->cell, (b.UR.x - s->x0) / s->cell};
	double y[2] = {(b.LL.y - s->y0) / s->cell, (b.UR.y - s->y0) / s->cell};
	*c0 = (int)fmax(0, fmin(s->cols - 1, floor(x[0])));
	*c1 = (int)fmax(0, fmin(s->cols - 1, floor(x[1])));
	*r0 = (int)fmax(0, fmin(s->rows - 1, floor(y[0])));
	*r1 = (int)fmax(0, fmin(s->rows - 1, floor(y[1])));
}

static void scene_add(label_scene *s, size_t item, boxf b)
{
	int c0, c1, r0, r1;
	cells_of(s, b, &c0, &c1, &r0, &r1);
	for (int r = r0; r <= r1; r++)
		for (int c = c0; c <= c1; c++) {
			label_cell *cell = &s->cells[r * s->cols + c];
			if (cell->count && cell->items[cell->count - 1] == item)
				continue; /* a line's next piece in the same cell */
			GROW(cell->items, cell->cap, cell->count + 1);
			cell->items[cell->count++] = item;
		}
}

static void scene_remove(label_scene *s, size_t item, boxf b)
{
	int c0, c1, r0, r1;
	cells_of(s, b, &c0, &c1, &r0, &r1);
	for (int r = r0; r <= r1; r++)
		for (int c = c0; c <= c1; c++) {
			label_cell *cell = &s->cells[r * s->cols + c];
			for (size_t k = 0; k < cell->count; k++)
				if (cell->items[k] == item) {
					cell->items[k] = cell->items[--cell->count];
					break;
				}
		}
}

static bool has_label(Agedge_t *e)
{
	return ED_label(e) && ED_label(e)->set;
}

static void scene_open(label_scene *s, Agraph_t *g, const drawn_edge *drawn, size_t ndrawn)
{
	memset(s, 0, sizeof *s);
	s->g = g;
	s->drawn = drawn;
	s->ndrawn = ndrawn;
	s->nnodes = (size_t)agnnodes(g);
	boxf bb = GD_bb(g);
	s->x0 = bb.LL.x;
	s->y0 = bb.LL.y;
	s->cell = fmax(LABEL_CELL, fmax(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y) / LABEL_GRID_SIDE);
	s->cols = (int)fmax(1, ceil((bb.UR.x - bb.LL.x) / s->cell));
	s->rows = (int)fmax(1, ceil((bb.UR.y - bb.LL.y) / s->cell));
	s->cells = xcalloc((size_t)s->cols * (size_t)s->rows, sizeof *s->cells);
	s->seen = xcalloc(s->nnodes + 2 * ndrawn + 1, sizeof *s->seen);
	s->node_boxes = xcalloc(s->nnodes + 1, sizeof *s->node_boxes);
	s->label_boxes = xcalloc(ndrawn + 1, sizeof *s->label_boxes);
	size_t i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		s->node_boxes[i] = node_box(n, 0);
		scene_add(s, i, s->node_boxes[i]);
	}
	for (size_t d = 0; d < ndrawn; d++) {
		if (has_label(drawn[d].e)) {
			const textlabel_t *label = ED_label(drawn[d].e);
			s->label_boxes[d] = label_box(label, label->pos, 0);
			scene_add(s, s->nnodes + d, s->label_boxes[d]);
		}
		for (size_t p = 1; p < drawn[d].count; p++)
			scene_add(s, s->nnodes + ndrawn + d, box_of(&drawn[d].at[p - 1], 2));
	}
}

static void scene_close(label_scene *s)
{
	for (int c = 0; c < s->cols * s->rows; c++)
		free(s->cells[c].items);
	free(s->cells);
	free(s->seen);
	free(s->node_boxes);
	free(s->label_boxes);
}

/* drawn[d]'s label, moved to `at`. */
static void scene_move_label(label_scene *s, size_t d, pointf at)
{
	textlabel_t *label = ED_label(s->drawn[d].e);
	scene_remove(s, s->nnodes + d, s->label_boxes[d]);
	label->pos = at;
	s->label_boxes[d] = label_box(label, at, 0);
	scene_add(s, s->nnodes + d, s->label_boxes[d]);
}

/*
 * Runs `body` once for each item listed in the cells box b reaches into,
 * with `item` its id; a `return` in body ends the search. Not nested: each
 * search stamps the items it meets.
 */
#define EACH_ITEM_NEAR(s, b, item, body)                                                          \
	do {                                                                                      \
		int c0_, c1_, r0_, r1_;                                                           \
		cells_of((s), (b), &c0_, &c1_, &r0_, &r1_);                                       \
		unsigned query_ = ++(s)->query;                                                   \
		for (int r_ = r0_; r_ <= r1_; r_++)                                               \
			for (int c_ = c0_; c_ <= c1_; c_++) {                                     \
				const label_cell *cell_ = &(s)->cells[r_ * (s)->cols + c_];        \
				for (size_t k_ = 0; k_ < cell_->count; k_++) {                     \
					size_t item = cell_->items[k_];                            \
					if ((s)->seen[item] == query_)                             \
						continue;                                          \
					(s)->seen[item] = query_;                                  \
					body                                                       \
				}                                                                  \
			}                                                                          \
	} while (0)

/* How many lines but drawn[self]'s enter box b, counted up to `enough`. */
static size_t lines_entering(label_scene *s, size_t self, boxf b, size_t enough)
{
	size_t lines = 0, first_line = s->nnodes + s->ndrawn;
	if (enough == 0)
		return 0;
	EACH_ITEM_NEAR(s, b, item, {
		if (item >= first_line && item - first_line != self && line_enters(&s->drawn[item - first_line], b) &&
		    ++lines >= enough)
			return lines;
	});
	return lines;
}

/* Where a label may not go, whatever lines enter it (see label_cost). */
#define LABEL_BLOCKED SIZE_MAX

/*
 * How many other edges' lines enter drawn[self]'s label at `at`, its box
 * widened by `margin` (narrowed where negative), counted up to `enough`;
 * LABEL_BLOCKED where the label may not go: within LABEL_CLEARANCE of the
 * title block, a node or another label, or, when `placed` (a place it is
 * moved to), off the drawing's box, on its own line or farther from it
 * than LABEL_NEAR.
 */
static size_t label_cost(label_scene *s, size_t self, pointf at, bool placed, double margin,
                         size_t enough)
{
	Agraph_t *g = s->g;
	const drawn_edge *own = &s->drawn[self];
	const textlabel_t *label = ED_label(own->e);
	if (placed) {
		boxf b = label_box(label, at, 0), bb = GD_bb(g);
		if (b.LL.x < bb.LL.x || b.LL.y < bb.LL.y || b.UR.x > bb.UR.x || b.UR.y > bb.UR.y ||
		    line_enters(own, b) || !line_enters(own, label_box(label, at, LABEL_NEAR)))
			return LABEL_BLOCKED;
	}
	boxf b = label_box(label, at, LABEL_CLEARANCE);
	if (GD_label(g) && GD_label(g)->set &&
	    boxes_meet(b, box_around(GD_label(g)->pos, GD_label(g)->dimen.x, GD_label(g)->dimen.y, 0)))
		return LABEL_BLOCKED;
	size_t first_line = s->nnodes + s->ndrawn;
	EACH_ITEM_NEAR(s, b, item, {
		if (item < s->nnodes ? boxes_meet(b, s->node_boxes[item])
		                     : item < first_line && item - s->nnodes != self &&
		                               boxes_meet(b, s->label_boxes[item - s->nnodes]))
			return LABEL_BLOCKED;
	});
	return lines_entering(s, self, label_box(label, at, margin), enough);
}

/* An offset to try a label at, and its length. */
typedef struct {
	pointf at;
	double length;
} label_offset;

/* Orders offsets by their length, then by their place in the grid (the same order every run). */
static int by_length(const void *a, const void *b)
{
	const label_offset *p = a, *q = b;
	if (p->length != q->length)
		return p->length < q->length ? -1 : 1;
	if (p->at.y != q->at.y)
		return p->at.y < q->at.y ? -1 : 1;
	return (p->at.x > q->at.x) - (p->at.x < q->at.x);
}

/* The offsets a label is tried at, nearest first: the same for every drawing, so made once. */
static const label_offset *label_offsets(int *count)
{
	static label_offset offsets[(2 * LABEL_SHIFTS + 1) * (2 * LABEL_SHIFTS + 1) - 1];
	static int made;
	if (!made) {
		for (int i = -LABEL_SHIFTS; i <= LABEL_SHIFTS; i++)
			for (int j = -LABEL_SHIFTS; j <= LABEL_SHIFTS; j++)
				if (i || j) {
					pointf at = {i * LABEL_SHIFT_STEP, j * LABEL_SHIFT_STEP};
					offsets[made++] = (label_offset){at, hypot(at.x, at.y)};
				}
		qsort(offsets, (size_t)made, sizeof *offsets, by_length);
	}
	*count = made;
	return offsets;
}

/* The best place found for a label, how many lines enter it there and how far it moves. */
typedef struct {
	pointf at;
	size_t lines;
	double distance;
} label_place;

/*
 * Takes `at` for drawn[self]'s label if fewer lines enter it there (see
 * label_cost, counted up to `most`) than at the best place, or as few nearer.
 */
static void consider_place(label_scene *s, size_t self, pointf at, double margin, size_t most,
                           label_place *best)
{
	const textlabel_t *label = ED_label(s->drawn[self].e);
	double distance = hypot(at.x - label->pos.x, at.y - label->pos.y);
	if (best->lines == 0 && distance >= best->distance)
		return;
	size_t enough = best->lines < most ? best->lines + 1 : most; /* as many, or more */
	size_t lines = label_cost(s, self, at, true, margin, enough);
	if (lines < best->lines || (lines == best->lines && lines != LABEL_BLOCKED && distance < best->distance))
		*best = (label_place){at, lines, distance};
}

/*
 * The place for drawn[self]'s label that the fewest lines enter (counted up
 * to `most`), its box widened by margin: the nearest within LABEL_SHIFTS steps
 * across and up or down from where it is (offsets, nearest first), else,
 * where fewer enter there, beside its own line, above, below, left, right
 * or off a corner of a point along it, a little apart (the nearest of
 * those); where it is, with LABEL_BLOCKED, when it may go nowhere.
 */
static label_place fewest_lines(label_scene *s, size_t self, const label_offset *offsets, int count,
                                double margin, size_t most)
{
	const textlabel_t *label = ED_label(s->drawn[self].e);
	label_place best = {label->pos, LABEL_BLOCKED, INFINITY};
	for (int k = 0; k < count && best.lines > 0; k++)
		consider_place(s, self, (pointf){label->pos.x + offsets[k].at.x, label->pos.y + offsets[k].at.y}, margin,
		               most, &best);
	if (best.lines == 0)
		return best;
	const drawn_edge *own = &s->drawn[self];
	boxf drawn_box = label_box(label, (pointf){0, 0}, 0);
	double apart_x = drawn_box.UR.x + LABEL_NEAR / 2, apart_y = drawn_box.UR.y + LABEL_NEAR / 2;
	/* Corners too: beside a slanting line only a label off its corner clears it. */
	pointf sides[8] = {{0, apart_y},        {0, -apart_y},       {apart_x, 0},
	                   {-apart_x, 0},       {apart_x, apart_y},  {-apart_x, apart_y},
	                   {apart_x, -apart_y}, {-apart_x, -apart_y}};
	label_place beside = {label->pos, best.lines, INFINITY};
	for (size_t p = 0; p < own->count; p++)
		for (int k = 0; k < 8; k++)
			consider_place(s, self, (pointf){own->at[p].x + sides[k].x, own->at[p].y + sides[k].y}, margin,
			               most, &beside);
	return beside.lines < best.lines ? beside : best;
}

/*
 * Moves drawn[self]'s label, which a line enters or which is too near a
 * node or another label, to the nearest place clear by LABEL_CLEARANCE
 * (fewest_lines); where there is none, to the place whose text the fewest
 * lines run through (the box a browser draws it in, less LABEL_GRAZE), if
 * fewer than where it is.
 */
static void place_label(label_scene *s, size_t self, const label_offset *offsets, int count)
{
	textlabel_t *label = ED_label(s->drawn[self].e);
	/* First only whether a place is clear: how many lines enter it counts only when none is. */
	label_place best = fewest_lines(s, self, offsets, count, LABEL_CLEARANCE, 1);
	if (best.lines > 0) {
		best = fewest_lines(s, self, offsets, count, -LABEL_GRAZE, LABEL_BLOCKED);
		boxf text = label_box(label, label->pos, -LABEL_GRAZE);
		if (best.lines >= lines_entering(s, self, text, SIZE_MAX))
			return;
	}
	scene_move_label(s, self, best.at);
}

void an_clear_labels(Agraph_t *g)
{
	bool labelled = false;
	for (Agnode_t *n = agfstnode(g); n && !labelled; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e && !labelled; e = agnxtout(g, e))
			labelled = has_label(e);
	if (!labelled)
		return; /* labels as nodes, or none: nothing to sample */
	drawn_edge *drawn = NULL;
	size_t ndrawn = 0, cap = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			GROW(drawn, cap, ndrawn + 1);
			drawn[ndrawn] = (drawn_edge){e, NULL, 0, {{0, 0}, {0, 0}}};
			sample_drawn(&drawn[ndrawn++]);
		}
	int count;
	const label_offset *offsets = label_offsets(&count);
	label_scene scene;
	scene_open(&scene, g, drawn, ndrawn);
	for (size_t d = 0; d < ndrawn; d++)
		if (has_label(drawn[d].e) &&
		    label_cost(&scene, d, ED_label(drawn[d].e)->pos, false, LABEL_CLEARANCE, 1) != 0)
			place_label(&scene, d, offsets, count);
	scene_close(&scene);
	for (size_t d = 0; d < ndrawn; d++)
		free(drawn[d].at);
	free(drawn);
}

size_t an_hide_crowded_labels(Agraph_t *g, size_t *shown)
{
	Agedge_t **edges = NULL;
	boxf *boxes = NULL;
	size_t n = 0, cap = 0, boxes_cap = 0, hidden = 0;
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
		for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e))
			if (has_label(e)) {
				GROW(edges, cap, n + 1);
				GROW(boxes, boxes_cap, n + 1);
				edges[n] = e;
				/* Text that only grazes another (LABEL_GRAZE) stays legible. */
				boxes[n++] = label_box(ED_label(e), ED_label(e)->pos, -LABEL_GRAZE);
			}
	/* Each label's overlaps with the other labels still shown; one on a node goes first. */
	size_t *meets = xcalloc(n + 1, sizeof *meets);
	bool *gone = xcalloc(n + 1, sizeof *gone);
	for (size_t i = 0; i < n; i++) {
		for (Agnode_t *v = agfstnode(g); v && !gone[i]; v = agnxtnode(g, v))
			gone[i] = boxes_meet(boxes[i], node_box(v, 0));
		hidden += gone[i];
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && !gone[i]; j++)
			if (!gone[j] && boxes_meet(boxes[i], boxes[j]))
				meets[i]++, meets[j]++;
	for (;;) { /* the label that meets the most others, the last of equals, till none meets another */
		size_t worst = SIZE_MAX;
		for (size_t i = 0; i < n; i++)
			if (!gone[i] && meets[i] > 0 && (worst == SIZE_MAX || meets[i] >= meets[worst]))
				worst = i;
		if (worst == SIZE_MAX)
			break;
		gone[worst] = true;
		hidden++;
		for (size_t j = 0; j < n; j++)
			if (!gone[j] && boxes_meet(boxes[worst], boxes[j]))
				meets[j]--;
	}
	for (size_t i = 0; i < n; i++)
		if (gone[i])
			ED_label(edges[i])->set = FALSE;
	*shown = n - hidden;
	free(meets);
	free(gone);
	free(boxes);
	free(edges);
	return hidden;
}

/*
 * How far a map's arc bulges from its chord, as a share of the chord's
 * length: tried in turn to the left of its direction, then to the right,
 * for one through no node it does not join.
 */
static const double ARC_BULGES[] = {0.15, 0.25, 0.35, 0.08, 0.5, 0.7, 0.9};
#define NBULGES (sizeof ARC_BULGES / sizeof *ARC_BULGES)

/*
 * The arc from p to q as a cubic Bézier whose control points stand at a
 * third and two thirds of the chord, moved to its left (negative: right)
 * by `near` and `far` of the chord's length times 2/3: equal, the arc of a
 * quadratic bulging that much; unequal, a lopsided arc that swells nearer
 * one end.
 */
static void arc_piece(pointf p, pointf q, double near, double far, pointf *out)
{
	double dx = q.x - p.x, dy = q.y - p.y;
	out[0] = p;
	out[1] = (pointf){p.x + dx / 3 - dy * near * 2 / 3, p.y + dy / 3 + dx * near * 2 / 3};
	out[2] = (pointf){q.x - dx / 3 - dy * far * 2 / 3, q.y - dy / 3 + dx * far * 2 / 3};
	out[3] = q;
}

/* How many nodes but its ends the arc runs through, or passes closer than `wide` points to (its strands' spread). */
static int arc_hits(const obstacle *obs, int count, int from, int to, const pointf *arc, int pn,
                    double wide)
{
	boxf reach = box_grown(box_of(arc, (size_t)pn), wide);
	int hits = 0;
	for (int i = 0; i < count; i++) {
		boxf body = box_grown(obs[i].body, wide);
		hits += i != from && i != to && boxes_meet(reach, body) && spline_enters(body, arc, pn);
	}
	return hits;
}

/*
 * an_untangle_map's arcs: the first ARC_BOWS_TRIED bulges of ARC_BULGES
 * either way; its rounds, each a sweep over every pair of neighbours; and
 * the most ties it looks at in all (each against every actor), which
 * bounds its time: Syria's 2010s (39 actors, 139 ties) looks at 9,700 and
 * the whole network 11,300; a crowd of a hundred actors about one place
 * with 390 ties would look at 197,000 (its map 6.4 s instead of 0.9).
 */
#define ARC_BOWS_TRIED 3
#define UNTANGLE_ROUNDS 4
#define UNTANGLE_LOOKS 20000

/* How many actors (boxes) but its ends' the least crowded of tie p's first arcs runs through. */
static size_t tie_hits(const pointf *at, const pointf *half, size_t count, an_map_pair p)
{
	size_t least = SIZE_MAX;
	for (int k = 0; k < 2 * ARC_BOWS_TRIED && least > 0; k++) {
		double bow = (k % 2 ? -1 : 1) * ARC_BULGES[k / 2];
		pointf arc[4];
		arc_piece(at[p.a], at[p.b], bow, bow, arc);
		boxf reach = box_of(arc, 4);
		size_t hits = 0;
		for (size_t i = 0; i < count && hits < least; i++) {
			boxf body = box_around(at[i], 2 * half[i].x, 2 * half[i].y, 0);
			hits += i != p.a && i != p.b && boxes_meet(reach, body) && spline_enters(body, arc, 4);
		}
		least = hits < least ? hits : least;
	}
	return least;
}

/* Whether a and b may swap places (see an_untangle_map): neighbours spread about one place, neither to end farther from it. */
static bool may_swap(const pointf *at, const pointf *half, const pointf *truth, size_t a, size_t b)
{
	double wide = half[a].x + half[b].x, high = half[a].y + half[b].y;
	if (fabs(at[a].x - at[b].x) > 2 * wide || fabs(at[a].y - at[b].y) > 2 * high ||
	    hypot(truth[a].x - truth[b].x, truth[a].y - truth[b].y) > wide)
		return false;
	double was = fmax(hypot(at[a].x - truth[a].x, at[a].y - truth[a].y), hypot(at[b].x - truth[b].x, at[b].y - truth[b].y));
	return fmax(hypot(at[b].x - truth[a].x, at[b].y - truth[a].y), hypot(at[a].x - truth[b].x, at[a].y - truth[b].y)) <=
	       was;
}

void an_untangle_map(pointf *at, const pointf *half, const pointf *truth, const bool *swaps, size_t count,
                     const an_map_pair *pairs, size_t npairs)
{
	size_t *hits = xcalloc(npairs + 1, sizeof *hits), *trial = xcalloc(npairs + 1, sizeof *trial);
	size_t looks = npairs;
	for (size_t k = 0; k < npairs; k++)
		hits[k] = tie_hits(at, half, count, pairs[k]);
	bool swapped = true;
	for (int round = 0; round < UNTANGLE_ROUNDS && swapped; round++) {
		swapped = false;
		for (size_t a = 0; a < count; a++)
			for (size_t b = a + 1; b < count && swaps[a] && looks < UNTANGLE_LOOKS; b++) {
				if (!swaps[b] || !may_swap(at, half, truth, a, b))
					continue;
				pointf was = at[a];
				at[a] = at[b], at[b] = was;
				/* What may change: a's and b's ties, and those whose arcs reach either place. */
				pointf widest = {fmax(half[a].x, half[b].x), fmax(half[a].y, half[b].y)};
				boxf here = box_around(at[a], 2 * widest.x, 2 * widest.y, 0);
				boxf there = box_around(at[b], 2 * widest.x, 2 * widest.y, 0);
				long change = 0;
				for (size_t k = 0; k < npairs; k++) {
					an_map_pair p = pairs[k];
					double bow = ARC_BULGES[ARC_BOWS_TRIED - 1] *
					             hypot(at[p.b].x - at[p.a].x, at[p.b].y - at[p.a].y);
					boxf reach = box_grown(box_of((pointf[]){at[p.a], at[p.b]}, 2), bow);
					bool near = p.a == a || p.b == a || p.a == b || p.b == b || boxes_meet(reach, here) ||
					            boxes_meet(reach, there);
					trial[k] = near ? tie_hits(at, half, count, p) : hits[k];
					looks += near;
					change += (long)trial[k] - (long)hits[k];
				}
				if (change < 0) {
					memcpy(hits, trial, npairs * sizeof *hits);
					swapped = true;
				} else {
					at[b] = at[a], at[a] = was;
				}
			}
	}
	free(hits);
	free(trial);
}

/* An edge and its place in the graph's node order, for grouping a map's edges by direction. */
typedef struct {
	Agedge_t *e;
	int tail, head;
} directed;

static int by_direction(const void *a, const void *b)
{
	const directed *x = a, *y = b;
	if (x->tail != y->tail)
		return x->tail < y->tail ? -1 : 1;
	return x->head < y->head ? -1 : x->head > y->head;
}

/* by_direction, then the edges' order in the graph: the same order whatever qsort does with ties. */
static int by_direction_then_order(const void *a, const void *b)
{
	int c = by_direction(a, b);
	if (c)
		return c;
	IDTYPE x = AGSEQ(((const directed *)a)->e), y = AGSEQ(((const directed *)b)->e);
	return x < y ? -1 : x > y;
}

/* A map's bundle: the edges of one direction between two nodes, side by side along one line. */
typedef struct {
	Agedge_t **edges;
	size_t n;
	int from, to; /* its ends' obstacles */
	double wide;  /* how far its outer strands lie from its line */
	pointf *line; /* its line's control points (malloc'd), pn of them */
	int pn;
} bundle;

/* What a line running through a node costs, against 1 for each other edge's label it runs through. */
#define NODE_HIT_COST 1000
/* Maps of at most this many bundles also bend their lines round other edges' labels, in at most LABEL_ROUNDS rounds. */
#define LABEL_AVOIDING_MAX 100
#define LABEL_ROUNDS 3
/* A line bent round labels is at most this much longer than it was. */
#define LABEL_DETOUR 1.5

/*
 * What bundle b's line would cost drawn along `line`: nodes it runs
 * through, then labels (boxes); counted no further than `enough`.
 */
static int line_cost(const obstacle *obs, int count, const bundle *b, const pointf *line, int pn,
                     const boxf *labels, size_t nlabels, int enough)
{
	int cost = arc_hits(obs, count, b->from, b->to, line, pn, b->wide) * NODE_HIT_COST;
	boxf reach = box_grown(box_of(line, (size_t)pn), b->wide);
	for (size_t i = 0; i < nlabels && cost < enough; i++) {
		boxf near = box_grown(labels[i], b->wide);
		cost += boxes_meet(reach, near) && spline_enters(near, line, pn);
	}
	return cost;
}

/*
 * The arc for bundle b (into best[4]) of least line_cost, its control
 * points and strands inside *inside_of unless NULL (Graphviz's box of a
 * drawing holds its curves' control points), no longer than `longest`:
 * the evenly bowed arcs first, to the left then to the right, then
 * lopsided ones; the first that costs nothing ends the search. Returns its
 * cost (-1: no arc fits).
 */
static int cheapest_arc(const obstacle *obs, int count, const bundle *b, const boxf *labels,
                        size_t nlabels, const boxf *inside_of, double longest, pointf *best)
{
	pointf p = ND_coord(obs[b->from].n), q = ND_coord(obs[b->to].n), arc[4];
	int least = -1;
	for (int lopsided = 0; lopsided <= 1; lopsided++)
		for (int side = 1; side >= -1; side -= 2)
			for (size_t i = 0; i < NBULGES; i++)
				for (size_t j = lopsided ? 0 : i; j < (lopsided ? NBULGES : i + 1); j++) {
					if (lopsided && i == j)
						continue;
					arc_piece(p, q, side * ARC_BULGES[i], side * ARC_BULGES[j], arc);
					if (inside_of && !box_holds(*inside_of, box_grown(box_of(arc, 4), b->wide)))
						continue;
					if (longest < INFINITY && curve_length(arc, 4) > longest)
						continue;
					int cost = line_cost(obs, count, b, arc, 4, labels, nlabels, least < 0 ? INT_MAX : least);
					if (least < 0 || cost < least) {
						least = cost;
						memcpy(best, arc, sizeof arc);
					}
					if (least == 0)
						return 0;
				}
	return least;
}

/* Draws bundle b's edges along its line, their labels at its middle (for an_clear_labels to clear). */
static void lay_bundle(Agraph_t *g, const obstacle *obs, const bundle *b)
{
	lay_side_by_side(g, b->edges, b->n, b->line, b->pn, obs[b->from].n);
	int pieces = (b->pn - 1) / 3;
	pointf middle = pieces % 2 ? bezier_point(b->line + 3 * (pieces / 2), 0.5) : b->line[3 * (pieces / 2)];
	for (size_t k = 0; k < b->n; k++)
		if (ED_label(b->edges[k])) {
			ED_label(b->edges[k])->pos = middle;
			ED_label(b->edges[k])->set = TRUE;
		}
}

/*
 * The map's nodes near the lines that need a way round them, and the ways
 * between them: each node's obstacle box (with its margin) in view, their
 * corners, and which corners see each other (the segment between them
 * enters no box), computed once for all the lines. A way round is the
 * shortest polyline from one node's centre to another's turning only at
 * corners (a visibility graph, as pathplan's Pobspath finds; its own,
 * because pathplan's took most of a crowded map's time, the Syrian test
 * network's 2010s on a slide 1.24 s instead of 0.56, and never returns
 * among boxes that touch).
 */
#define MAP_VIEW_MAX 200
typedef struct {
	Ppoly_t **polys;   /* the obstacles in view, for smoothing a way round */
	Ppoly_t **others;  /* scratch: all in view but a path's ends */
	int *slot;         /* each obstacle's place among them (-1: not in view) */
	int *of;           /* the obstacle each one in view is */
	int npolys;
	pointf *corner;    /* 4 a box in view, as its polygon goes */
	bool *usable;      /* a corner inside another box is no turning point */
	unsigned char *sees; /* ncorners x ncorners: 1 where the segment between two corners enters no box */
	int ncorners;
} map_view;

/* A box less a hundredth of a point all round: a line along its edge or through its corner does not enter it. */
static boxf interior(boxf b)
{
	return box_grown(b, -0.01);
}

/* Whether segment pq enters a box in view but those of the obstacles `skip1` and `skip2` (-1: none). */
static bool view_blocks(const map_view *view, const obstacle *obs, pointf p, pointf q, int skip1, int skip2)
{
	boxf span = segment_box(p, q);
	for (int k = 0; k < view->npolys; k++) {
		int i = view->of[k];
		if (i == skip1 || i == skip2 || !boxes_meet(span, obs[i].box))
			continue;
		/* segment_enters misses a line along a diagonal, through two corners: its middle is inside. */
		boxf inner = interior(obs[i].box);
		if (segment_enters(inner, p, q) || inside(inner, (pointf){(p.x + q.x) / 2, (p.y + q.y) / 2}))
			return true;
	}
	return false;
}

/* The way round's area for bundle b: its ends' box, widened by a quarter of its chord. */
static boxf way_round_area(const obstacle *obs, const bundle *b)
{
	pointf p = ND_coord(obs[b->from].n), q = ND_coord(obs[b->to].n);
	return box_grown(segment_box(p, q), fmax(FIRST_REACH, hypot(q.x - p.x, q.y - p.y) / 4));
}

/*
 * Opens the view of the nodes in the areas of the bundles with no clear arc
 * (cost not 0: through a node, or none fits), at most MAP_VIEW_MAX of them
 * (else no way round is looked for).
 */
static void map_view_open(map_view *view, obstacle *obs, int count, const bundle *bundles,
                          size_t nbundles, const int *cost)
{
	view->polys = xcalloc((size_t)count + 1, sizeof *view->polys);
	view->others = xcalloc((size_t)count + 1, sizeof *view->others);
	view->slot = xcalloc((size_t)count + 1, sizeof *view->slot);
	view->of = xcalloc((size_t)count + 1, sizeof *view->of);
	for (int i = 0; i < count; i++) {
		bool near = false;
		for (size_t k = 0; k < nbundles && !near; k++)
			near = cost[k] != 0 && (bundles[k].from == i || bundles[k].to == i ||
			                       boxes_meet(way_round_area(obs, &bundles[k]), obs[i].box));
		view->slot[i] = near ? view->npolys : -1;
		if (near) {
			view->of[view->npolys] = i;
			view->polys[view->npolys++] = &obs[i].poly;
		}
	}
	if (view->npolys > MAP_VIEW_MAX)
		return;
	int n = view->ncorners = 4 * view->npolys;
	view->corner = xcalloc((size_t)n + 1, sizeof *view->corner);
	view->usable = xcalloc((size_t)n + 1, sizeof *view->usable);
	view->sees = xcalloc((size_t)n * (size_t)n + 1, 1);
	for (int c = 0; c < n; c++) {
		Ppoint_t at = view->polys[c / 4]->ps[c % 4];
		view->corner[c] = (pointf){at.x, at.y};
		view->usable[c] = !view_blocks(view, obs, view->corner[c], view->corner[c], -1, -1);
	}
	for (int a = 0; a < n; a++)
		for (int b = a + 1; b < n && view->usable[a]; b++)
			if (view->usable[b] && !view_blocks(view, obs, view->corner[a], view->corner[b], -1, -1))
				view->sees[a * n + b] = view->sees[b * n + a] = 1;
}

static void map_view_close(map_view *view)
{
	free(view->polys);
	free(view->others);
	free(view->slot);
	free(view->of);
	free(view->corner);
	free(view->usable);
	free(view->sees);
}

/* The distance between two points (a square root: hypot's care for overflow costs a third of a way round's search). */
static double distance(pointf p, pointf q)
{
	return sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
}

/*
 * The shortest polyline from the centre of bundle b's first node to its
 * second's through the view's corners (A*, over the corners and the two
 * ends, the straight distance left as its guide); false when there is none.
 */
static bool corner_path(const obstacle *obs, const map_view *view, const bundle *b, Ppolyline_t *line)
{
	int n = view->ncorners, start = n, goal = n + 1;
	pointf end[2] = {ND_coord(obs[b->from].n), ND_coord(obs[b->to].n)};
	double *dist = xcalloc((size_t)n + 2, sizeof *dist), *left = xcalloc((size_t)n + 2, sizeof *left);
	int *prev = xcalloc((size_t)n + 2, sizeof *prev);
	bool *done = xcalloc((size_t)n + 2, sizeof *done);
	for (int v = 0; v < n + 2; v++) {
		pointf at = v == start ? end[0] : v == goal ? end[1] : view->corner[v];
		dist[v] = INFINITY, prev[v] = -1, left[v] = distance(at, end[1]);
	}
	dist[start] = 0;
	for (;;) {
		int u = -1;
		for (int v = 0; v < n + 2; v++)
			if (!done[v] && isfinite(dist[v]) && (u < 0 || dist[v] + left[v] < dist[u] + left[u]))
				u = v;
		if (u < 0 || u == goal)
			break;
		done[u] = true;
		pointf at = u == start ? end[0] : view->corner[u];
		for (int v = 0; v < n + 2; v++) {
			if (done[v] || (v < n && !view->usable[v]))
				continue;
			pointf to = v == goal ? end[1] : view->corner[v];
			double d = dist[u] + distance(at, to);
			if (d >= dist[v])
				continue;
			/* From an end, its own box is no obstacle; nor is the far end's box on the way into it. */
			bool sees = u == start || v == goal ? !view_blocks(view, obs, at, to, u == start ? b->from : -1, v == goal ? b->to : -1)
			                                    : view->sees[u * n + v];
			if (sees)
				dist[v] = d, prev[v] = u;
		}
	}
	bool found = isfinite(dist[goal]);
	if (found) {
		int pn = 0;
		for (int v = goal; v >= 0; v = prev[v])
			pn++;
		line->pn = pn;
		line->ps = xcalloc((size_t)pn, sizeof *line->ps);
		for (int v = goal, k = pn - 1; v >= 0; v = prev[v], k--) {
			pointf at = v == goal ? end[1] : v == start ? end[0] : view->corner[v];
			line->ps[k] = (Ppoint_t){at.x, at.y};
		}
	}
	free(dist);
	free(left);
	free(prev);
	free(done);
	return found;
}

/* How far from a way round's corners the boxes its smoothed curve keeps off lie, in points. */
#define SMOOTHING_REACH 36.0

/* The way round the nodes in view for bundle b, smoothed: malloc'd, *pn points, or NULL. */
static pointf *route_round(const obstacle *obs, map_view *view, const bundle *b, int *pn)
{
	Ppolyline_t line = {NULL, 0};
	int from = view->slot[b->from], to = view->slot[b->to];
	if (!view->corner || from < 0 || to < 0 || !corner_path(obs, view, b, &line) || line.pn < 2) {
		free(line.ps);
		return NULL;
	}
	/*
	 * The curve keeps off the boxes near the path; if it strays beyond them,
	 * it is smoothed again among all in view.
	 */
	boxf near = EMPTY_BOX;
	for (int k = 0; k < line.pn; k++)
		box_hold(&near, (pointf){line.ps[k].x, line.ps[k].y});
	near = box_grown(near, SMOOTHING_REACH);
	pointf *result = NULL;
	for (int all = 0; all <= 1 && !result; all++) {
		int nb = 0;
		for (int i = 0; i < view->npolys; i++)
			if (i != from && i != to && (all || boxes_meet(near, obs[view->of[i]].box)))
				view->others[nb++] = view->polys[i];
		result = smooth_path(view->others, nb, line, pn);
		if (result && !all && !box_holds(near, box_of(result, (size_t)*pn))) {
			free(result);
			result = NULL;
		}
	}
	free(line.ps);
	return result;
}

/*
 * The bundles' first lines: each the arc through the fewest nodes it does
 * not join, or when every arc runs through one, the shortest way around
 * them if that runs through fewer. Within *canvas unless NULL: where no
 * line there runs through no node, none (the bundle is left as drawn).
 */
static void first_lines(obstacle *obs, int count, bundle *bundles, size_t nbundles, const boxf *canvas)
{
	int *cost = xcalloc(nbundles + 1, sizeof *cost);
	bool blocked = false;
	for (size_t k = 0; k < nbundles; k++) {
		bundle *b = &bundles[k];
		b->pn = 4;
		b->line = xcalloc(4, sizeof *b->line);
		cost[k] = cheapest_arc(obs, count, b, NULL, 0, canvas, INFINITY, b->line);
		blocked |= cost[k] != 0;
	}
	if (blocked) {
		map_view view = {0};
		map_view_open(&view, obs, count, bundles, nbundles, cost);
		for (size_t k = 0; k < nbundles; k++) {
			bundle *b = &bundles[k];
			int routed_pn = 0;
			pointf *routed = cost[k] != 0 ? route_round(obs, &view, b, &routed_pn) : NULL;
			bool fits = routed && (!canvas || box_holds(*canvas, box_grown(box_of(routed, (size_t)routed_pn), b->wide)));
			int routed_cost = fits ? line_cost(obs, count, b, routed, routed_pn, NULL, 0, INT_MAX) : 0;
			if (fits && (cost[k] < 0 || routed_cost < cost[k])) {
				free(b->line);
				b->line = routed;
				b->pn = routed_pn;
				cost[k] = routed_cost;
			} else {
				free(routed);
			}
			if (canvas && cost[k] != 0) {
				free(b->line);
				b->line = NULL;
			}
		}
		map_view_close(&view);
	}
	free(cost);
}

/* The boxes of the labels of every bundle's edges but b's, as they stand: into *labels, their count. */
static size_t others_labels(const bundle *bundles, size_t nbundles, const bundle *b, boxf **labels,
                            size_t *cap)
{
	size_t n = 0;
	for (size_t i = 0; i < nbundles; i++)
		for (size_t k = 0; &bundles[i] != b && k < bundles[i].n; k++)
			if (has_label(bundles[i].edges[k])) {
				const textlabel_t *label = ED_label(bundles[i].edges[k]);
				GROW(*labels, *cap, n + 1);
				(*labels)[n++] = label_box(label, label->pos, 0);
			}
	return n;
}

/*
 * Bends bundle b's line round the labels of other edges it runs through,
 * as they stand, if an arc through no more nodes and fewer labels keeps within
 * `drawing` (or its line's box now, control points and all: the drawing
 * grows no larger) and is not much longer. Returns whether it did.
 */
static bool bend_round_labels(Agraph_t *g, const obstacle *obs, int count, bundle *bundles,
                              size_t nbundles, bundle *b, boxf drawing, boxf **labels, size_t *cap)
{
	if (!b->line)
		return false;
	size_t nlabels = others_labels(bundles, nbundles, b, labels, cap);
	int now = line_cost(obs, count, b, b->line, b->pn, *labels, nlabels, INT_MAX);
	if (now % NODE_HIT_COST == 0)
		return false;
	boxf room = drawing, reach = box_grown(box_of(b->line, (size_t)b->pn), b->wide);
	box_hold(&room, reach.LL);
	box_hold(&room, reach.UR);
	pointf arc[4];
	int cost = cheapest_arc(obs, count, b, *labels, nlabels, &room,
	                        LABEL_DETOUR * curve_length(b->line, b->pn), arc);
	if (cost < 0 || cost >= now)
		return false;
	b->line = xrealloc(b->line, sizeof arc);
	memcpy(b->line, arc, sizeof arc);
	b->pn = 4;
	lay_bundle(g, obs, b);
	return true;
}

void an_draw_arcs(Agraph_t *g, bool bounded)
{
	boxf drawing = GD_bb(g); /* bounded, every line keeps within it; else one bent round labels, or its first box */
	int count = agnnodes(g);
	obstacle *obs = xcalloc((size_t)count + 1, sizeof *obs);
	size_t *index = an_node_indexes(g);
	make_obstacles(g, obs, count);
	directed *edges = NULL;
	size_t nedges = 0, cap = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (aghead(e) != n) {
				GROW(edges, cap, nedges + 1);
				edges[nedges++] = (directed){e, (int)index[AGSEQ(n)], (int)index[AGSEQ(aghead(e))]};
			}
	if (nedges)
		qsort(edges, nedges, sizeof *edges, by_direction_then_order);
	Agedge_t **grouped = xcalloc(nedges + 1, sizeof *grouped);
	bundle *bundles = xcalloc(nedges + 1, sizeof *bundles);
	size_t nbundles = 0;
	for (size_t first = 0, last; first < nedges; first = last) {
		bundle *b = &bundles[nbundles++];
		b->edges = &grouped[first];
		for (last = first; last < nedges && by_direction(&edges[first], &edges[last]) == 0; last++)
			b->edges[b->n++] = edges[last].e;
		b->from = edges[first].tail, b->to = edges[first].head;
		b->wide = (double)(b->n - 1) / 2 * STRAND_GAP;
	}
	first_lines(obs, count, bundles, nbundles, bounded ? &drawing : NULL);
	for (size_t i = 0; i < nbundles; i++)
		if (bundles[i].line)
			lay_bundle(g, obs, &bundles[i]);
	an_clear_labels(g);
	/* Then each line that runs through another edge's label, where it stands now, bent round it if an arc can be. */
	boxf *labels = NULL;
	size_t labels_cap = 0;
	bool moved = nbundles <= LABEL_AVOIDING_MAX;
	for (int round = 0; round < LABEL_ROUNDS && moved; round++) {
		moved = false;
		for (size_t i = 0; i < nbundles; i++)
			moved |= bend_round_labels(g, obs, count, bundles, nbundles, &bundles[i], drawing, &labels,
			                           &labels_cap);
		if (moved)
			an_clear_labels(g);
	}
	for (size_t i = 0; i < nbundles; i++)
		free(bundles[i].line);
	free(labels);
	free(bundles);
	free(grouped);
	free(edges);
	free(index);
	free(obs);
}
