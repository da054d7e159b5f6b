/* map.c: a map's frame (its projection and scale) and its background of country outlines, cut to the drawing, for render.c's map layout. */
#define _DEFAULT_SOURCE /* M_PI */
#include "map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * A map's scale: its places' typical distance to their nearest neighbour
 * drawn about as far as an actor's box is wide, so that most actors stand
 * at their places, with the map from MAP_MIN_WIDTH to MAP_MAX_WIDTH points
 * across (a close cluster is spread, with leader lines to its places);
 * `share` of that on a target where it must be smaller.
 */
#define NEIGHBOUR_POINTS 110.0
#define MAP_MIN_WIDTH 560.0
#define MAP_MAX_WIDTH 1800.0
/* The smallest span of places drawn, in the projection's units (about 10 degrees). */
#define MIN_SPAN 0.18

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The median distance from each of the points (x, y pairs) to its nearest other place; 0 for fewer than 2 places. */
static double median_neighbour(const double *xy, size_t count)
{
	if (count < 2)
		return 0;
	double *nearest = xcalloc(count, sizeof *nearest);
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		double d = INFINITY;
		for (size_t j = 0; j < count; j++) {
			double dj = hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
			if (dj > 1e-9) /* actors at one place (a state and its parts) are one place */
				d = fmin(d, dj);
		}
		if (isfinite(d))
			nearest[n++] = d;
	}
	qsort(nearest, n, sizeof *nearest, compare_doubles);
	double m = n ? nearest[n / 2] : 0;
	free(nearest);
	return m;
}

/*
 * The shortest arc of longitudes that holds them all, as west and east
 * (east may pass 180: Fiji and Samoa are 6 degrees apart, not 354).
 */
static void longitude_arc(const double *places, size_t count, double *west, double *east)
{
	double *lon = xcalloc(count + 1, sizeof *lon);
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (!isnan(places[2 * i]))
			lon[n++] = places[2 * i + 1];
	qsort(lon, n, sizeof *lon, compare_doubles);
	/* The widest gap between neighbours, round the circle: the arc is the rest. */
	size_t after = 0;
	double gap = n ? lon[0] + 360 - lon[n - 1] : 0;
	for (size_t i = 1; i < n; i++)
		if (lon[i] - lon[i - 1] > gap)
			gap = lon[i] - lon[i - 1], after = i;
	*west = n ? lon[after] : 0;
	*east = n ? (after ? lon[after - 1] + 360 : lon[n - 1]) : 0;
	free(lon);
}

map_frame map_frame_for(const double *places, size_t count, double share)
{
	double south = 90, north = -90, west = 180, east = -180;
	size_t placed = 0;
	for (size_t i = 0; i < count; i++) {
		double lat = places[2 * i];
		if (isnan(lat))
			continue;
		south = fmin(south, lat);
		north = fmax(north, lat);
		placed++;
	}
	longitude_arc(places, count, &west, &east);
	if (!placed) /* the world, between the Antarctic and the Arctic */
		south = -55, north = 75, west = -170, east = 180;
	map_frame f = {geo_projection_for(south, north, west, east), 1, 0, 0};
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	double *xy = xcalloc(2 * count + 2, sizeof *xy);
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		double x, y;
		if (isnan(places[2 * i]) || !geo_project(&f.projection, places[2 * i], places[2 * i + 1], &x, &y))
			continue;
		x0 = fmin(x0, x), x1 = fmax(x1, x), y0 = fmin(y0, y), y1 = fmax(y1, y);
		xy[2 * n] = x, xy[2 * n + 1] = y, n++;
	}
	if (x0 > x1)
		x0 = y0 = -1, x1 = y1 = 1;
	f.centre_x = (x0 + x1) / 2;
	f.centre_y = (y0 + y1) / 2;
	double span = fmax(fmax(x1 - x0, y1 - y0), MIN_SPAN), neighbour = median_neighbour(xy, n);
	free(xy);
	double width = neighbour > 0 ? NEIGHBOUR_POINTS / neighbour * span : MAP_MIN_WIDTH;
	width = fmin(fmax(width, MAP_MIN_WIDTH), MAP_MAX_WIDTH) * share;
	f.scale = width / span;
	return f;
}

bool map_place(const map_frame *f, double latitude, double longitude, pointf *at)
{
	double x, y;
	if (!geo_project(&f->projection, latitude, longitude, &x, &y))
		return false;
	*at = (pointf){(x - f->centre_x) * f->scale, (y - f->centre_y) * f->scale};
	return true;
}

/*
 * A map drawn at this many points a degree or more (a region's, the Levant
 * or the Balkans a page wide) has the countries' regional outlines, finer
 * than 1:110m; a map of a large part of the world the 1:110m ones, whose
 * detail is all it can show.
 */
#define REGIONAL_FROM 20.0

/* Rounds of map_spread at most: each moves every pair that meets. */
#define SPREAD_ROUNDS 400

void map_spread(pointf *at, const pointf *half, const bool *moves, size_t count, double gap)
{
	for (int round = 0; round < SPREAD_ROUNDS; round++) {
		bool moved = false;
		for (size_t i = 0; i < count; i++)
			for (size_t j = i + 1; j < count && moves[i]; j++) {
				if (!moves[j])
					continue;
				double dx = at[j].x - at[i].x, dy = at[j].y - at[i].y;
				double ox = half[i].x + half[j].x + gap - fabs(dx), oy = half[i].y + half[j].y + gap - fabs(dy);
				if (ox <= 0 || oy <= 0)
					continue;
				double d = hypot(dx, dy);
				if (d < 1e-9) { /* the same place: apart at an angle of their own */
					double angle = (double)(i * 7 + j * 13) * 0.6180339887 * 2 * M_PI;
					dx = cos(angle), dy = sin(angle), d = 1;
				}
				double ux = dx / d, uy = dy / d;
				/* Along the line between them, until they part in x or in y, whichever comes first. */
				double t = fmin(fabs(ux) > 1e-9 ? ox / fabs(ux) : INFINITY, fabs(uy) > 1e-9 ? oy / fabs(uy) : INFINITY);
				t = t / 2 + 0.01;
				at[i].x -= ux * t, at[i].y -= uy * t;
				at[j].x += ux * t, at[j].y += uy * t;
				moved = true;
			}
		if (!moved)
			break;
	}
}

/* A polygon being cut: its points, and room for them. */
typedef struct {
	pointf *at;
	size_t count, cap;
} ring;

static void ring_add(ring *r, pointf p)
{
	GROW(r->at, r->cap, r->count + 1);
	r->at[r->count++] = p;
}

/* Which side of one of the crop's edges p is on: inside when >= 0. */
static double inside(boxf crop, int edge, pointf p)
{
	switch (edge) {
	case 0:
		return p.x - crop.LL.x;
	case 1:
		return crop.UR.x - p.x;
	case 2:
		return p.y - crop.LL.y;
	default:
		return crop.UR.y - p.y;
	}
}

/* Cuts the polygon in *in at the crop's edges, one edge at a time (Sutherland and Hodgman); the result in *in. */
static void cut(ring *in, ring *out, boxf crop)
{
	for (int edge = 0; edge < 4 && in->count > 0; edge++) {
		out->count = 0;
		for (size_t i = 0; i < in->count; i++) {
			pointf p = in->at[i], q = in->at[(i + 1) % in->count];
			double a = inside(crop, edge, p), b = inside(crop, edge, q);
			if (a >= 0)
				ring_add(out, p);
			if ((a >= 0) != (b >= 0)) {
				double t = a / (a - b);
				ring_add(out, (pointf){p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t});
			}
		}
		ring swap = *in;
		*in = *out;
		*out = swap;
	}
}

/* An xdot operation's colour or style: the text with its length. */
static void put_xdot_text(strbuf *b, char op, const char *text)
{
	sb_printf(b, "%c %zu -%s ", op, strlen(text), text);
}

/* A leader line is drawn for an actor more than this many times its own size from its place. */
#define LEADER_REACH 1.0
/* The dot at an actor's true place, in points across. */
#define PLACE_DOT 3.0

char *map_outlines(const map_frame *f, boxf crop, const map_colors *colors, size_t *shapes)
{
	strbuf b;
	sb_init(&b);
	put_xdot_text(&b, 'C', colors->land);
	put_xdot_text(&b, 'c', colors->border);
	put_xdot_text(&b, 'S', "setlinewidth(0.6)");
	*shapes = 0;
	size_t ncountries;
	const geo_country *countries = geo_countries(&ncountries);
	double *points = NULL;
	size_t points_cap = 0;
	ring poly = {0}, spare = {0};
	bool regional = f->scale * M_PI / 180 >= REGIONAL_FROM; /* the scale is in points an Earth's radius */
	for (size_t c = 0; c < ncountries; c++) {
		size_t at = 0, n;
		for (;;) {
			GROW(points, points_cap, 16384);
			if (!(n = geo_next_polygon(&countries[c], regional, &at, points, points_cap / 2)))
				break;
			poly.count = 0;
			bool drawable = true;
			for (size_t i = 0; i < n; i++) {
				pointf p = {0, 0};
				if (!(drawable = map_place(f, points[2 * i + 1], points[2 * i], &p)))
					break;
				ring_add(&poly, p);
			}
			if (!drawable)
				continue;
			cut(&poly, &spare, crop);
			if (poly.count < 3)
				continue;
			sb_printf(&b, "P %zu", poly.count);
			for (size_t i = 0; i < poly.count; i++)
				sb_printf(&b, " %.1f %.1f", poly.at[i].x, poly.at[i].y);
			sb_putc(&b, ' ');
			(*shapes)++;
		}
	}
	free(points);
	free(poly.at);
	free(spare.at);
	return sb_take(&b, NULL);
}

char *map_leader(pointf truth, pointf drawn, double reach)
{
	if (hypot(drawn.x - truth.x, drawn.y - truth.y) <= LEADER_REACH * reach)
		return NULL;
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "L 2 %.1f %.1f %.1f %.1f E %.1f %.1f %.1f %.1f ", truth.x, truth.y, drawn.x, drawn.y, truth.x,
	          truth.y, PLACE_DOT / 2, PLACE_DOT / 2);
	return sb_take(&b, NULL);
}

char *map_background(const char *outlines, const char *const *leaders, size_t count, const map_colors *colors,
                     size_t *nleaders)
{
	strbuf b;
	sb_init(&b);
	sb_puts(&b, outlines);
	*nleaders = 0;
	for (size_t i = 0; i < count; i++) {
		if (!leaders[i])
			continue;
		if (*nleaders == 0) {
			put_xdot_text(&b, 'C', colors->leader);
			put_xdot_text(&b, 'c', colors->leader);
			put_xdot_text(&b, 'S', "setlinewidth(0.8)");
		}
		sb_puts(&b, leaders[i]);
		*nleaders += LEADER_SHAPES;
	}
	return sb_take(&b, NULL);
}
