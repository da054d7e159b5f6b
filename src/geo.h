/* geo.h: countries (their places and outlines), named regions, and the map's equal-area projections (geo.c). */
#ifndef ACTORNET_GEO_H
#define ACTORNET_GEO_H

#include <stdbool.h>
#include <stddef.h>

/* A country of Natural Earth's, as src/countries.inc has it. */
typedef struct {
	const char *code;  /* ISO 3166-1 alpha-3 */
	int numeric;       /* ISO 3166-1 numeric */
	const char *name;
	double latitude, longitude; /* its place: inside its largest polygon, far from its border */
	/* Polygons separated by '|', "lon,lat" points in hundredths of a degree: at 1:110m, and finer for a region's map. */
	const char *outline, *regional;
} geo_country;

/* The country with this alpha-3 code (upper case), or NULL. */
const geo_country *geo_country_by_code(const char *code);
/* The country a text names (its code, its name or a common one: "Iran", "Syria", "Turkey"), or NULL. */
const geo_country *geo_country_named(const char *text);

/*
 * A region's area ("Middle East", "Gulf", "East Asia", or a country's
 * name): a point in it; false when the text names none.
 */
bool geo_region_place(const char *region, double *latitude, double *longitude);

/* The countries, in code order, and how many. */
const geo_country *geo_countries(size_t *count);

/*
 * A country's outline (its regional one: finer), one polygon at a time:
 * call with *at = 0 first; each call fills points (longitude, latitude
 * pairs in degrees, at most `cap` pairs; more are dropped) and returns
 * their count, 0 after the last.
 */
size_t geo_next_polygon(const geo_country *c, bool regional, size_t *at, double *points, size_t cap);

/*
 * An equal-area projection: Equal Earth for a wide extent (the world), a
 * Lambert azimuthal equal-area projection centred on a small one (a
 * region), which keeps its shapes. x grows east, y north; units are the
 * Earth's radius.
 */
typedef struct {
	bool azimuthal;
	double centre_latitude, centre_longitude; /* azimuthal only, radians */
} geo_projection;

/* The projection for places between these latitudes and longitudes (degrees). */
geo_projection geo_projection_for(double south, double north, double west, double east);
/* Projects a point (degrees); false when it cannot be drawn (the far side of an azimuthal projection). */
bool geo_project(const geo_projection *p, double latitude, double longitude, double *x, double *y);

#endif
