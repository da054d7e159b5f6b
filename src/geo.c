/* geo.c: countries (their places and outlines, from countries.inc), named regions, and the map's equal-area projections. */
#define _DEFAULT_SOURCE /* M_PI, strcasecmp */
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define COUNTRY(code, numeric, name, latitude, longitude, outline, regional) \
	{code, numeric, name, latitude, longitude, outline, regional},
static const geo_country COUNTRIES[] = {
#include "countries.inc"
};
#undef COUNTRY
#define NCOUNTRIES (sizeof COUNTRIES / sizeof *COUNTRIES)

const geo_country *geo_countries(size_t *count)
{
	*count = NCOUNTRIES;
	return COUNTRIES;
}

static int compare_code(const void *key, const void *country)
{
	return strcmp(key, ((const geo_country *)country)->code);
}

const geo_country *geo_country_by_code(const char *code)
{
	return bsearch(code, COUNTRIES, NCOUNTRIES, sizeof *COUNTRIES, compare_code);
}

/* Whether a and b are the same words, ignoring case and a leading "the ". */
static bool same_words(const char *a, const char *b)
{
	if (strncasecmp(a, "the ", 4) == 0)
		a += 4;
	return strcasecmp(a, b) == 0;
}

/* Names in common use that ISO 3166-1's differ from. */
static const struct {
	const char *name, *code;
} COMMON_NAMES[] = {
	{"Russia", "RUS"},        {"Turkey", "TUR"},          {"Palestine", "PSE"},      {"Gaza", "PSE"},
	{"Gaza Strip", "PSE"},    {"West Bank", "PSE"},       {"US", "USA"},             {"USA", "USA"},
	{"United States of America", "USA"}, {"UK", "GBR"},    {"Britain", "GBR"},        {"Great Britain", "GBR"},
	{"DPRK", "PRK"},          {"ROK", "KOR"},
	{"Burma", "MMR"},         {"Czech Republic", "CZE"},  {"Ivory Coast", "CIV"},    {"DR Congo", "COD"},
	{"DRC", "COD"},           {"Democratic Republic of the Congo", "COD"}, {"Congo-Brazzaville", "COG"},
	{"Macedonia", "MKD"},     {"Holland", "NLD"},         {"Vatican", "VAT"},        {"UAE", "ARE"},
	{"Emirates", "ARE"},      {"Brunei", "BRN"},          {"Swaziland", "SWZ"},      {"East Timor", "TLS"},
	{"Cape Verde", "CPV"},    {"Micronesia", "FSM"},      {"Falklands", "FLK"},      {"Viet Nam", "VNM"},
};

const geo_country *geo_country_named(const char *text)
{
	const geo_country *c = geo_country_by_code(text);
	if (c)
		return c;
	for (size_t i = 0; i < NCOUNTRIES; i++)
		if (same_words(text, COUNTRIES[i].name))
			return &COUNTRIES[i];
	for (size_t i = 0; i < sizeof COMMON_NAMES / sizeof *COMMON_NAMES; i++)
		if (same_words(text, COMMON_NAMES[i].name))
			return geo_country_by_code(COMMON_NAMES[i].code);
	return NULL;
}

/* Regions analysts name, each at a point near its middle (on land where that is near). */
static const struct {
	const char *name;
	double latitude, longitude;
} REGIONS[] = {
	{"Middle East", 30.0, 44.0},      {"Near East", 32.0, 38.0},        {"Levant", 33.5, 36.5},
	{"Gulf", 26.5, 51.0},             {"Persian Gulf", 26.5, 51.0},     {"Arabian Gulf", 26.5, 51.0},
	{"Arabian Peninsula", 22.0, 46.0}, {"Mashriq", 33.0, 40.0},         {"Maghreb", 31.0, 2.0},
	{"North Africa", 28.0, 12.0},     {"MENA", 28.0, 30.0},             {"Sahel", 15.0, 5.0},
	{"Horn of Africa", 8.0, 44.0},    {"East Africa", 0.0, 36.0},       {"West Africa", 11.0, -5.0},
	{"Central Africa", 2.0, 20.0},    {"Southern Africa", -22.0, 25.0}, {"Sub-Saharan Africa", 2.0, 20.0},
	{"Africa", 5.0, 20.0},            {"Europe", 50.0, 12.0},           {"Western Europe", 48.0, 4.0},
	{"Eastern Europe", 52.0, 28.0},   {"Central Europe", 49.0, 16.0},   {"Northern Europe", 62.0, 15.0},
	{"Scandinavia", 62.0, 15.0},      {"Southern Europe", 41.0, 14.0},  {"Balkans", 43.0, 20.0},
	{"Caucasus", 42.0, 44.5},         {"Central Asia", 43.0, 65.0},     {"South Asia", 23.0, 78.0},
	{"Southeast Asia", 12.0, 103.0},  {"South-East Asia", 12.0, 103.0}, {"East Asia", 35.0, 115.0},
	{"Northeast Asia", 40.0, 128.0},  {"North-East Asia", 40.0, 128.0}, {"Korean Peninsula", 38.0, 127.5},
	{"Asia", 35.0, 90.0},             {"Asia-Pacific", 10.0, 120.0},    {"Indo-Pacific", 5.0, 110.0},
	{"Oceania", -22.0, 140.0},        {"Pacific", 0.0, 170.0},          {"North America", 45.0, -100.0},
	{"Central America", 14.0, -87.0}, {"Caribbean", 18.0, -72.0},       {"Latin America", -8.0, -62.0},
	{"South America", -15.0, -60.0},  {"Americas", 15.0, -90.0},        {"Arctic", 75.0, 30.0},
};

bool geo_region_place(const char *region, double *latitude, double *longitude)
{
	for (size_t i = 0; i < sizeof REGIONS / sizeof *REGIONS; i++)
		if (same_words(region, REGIONS[i].name)) {
			*latitude = REGIONS[i].latitude;
			*longitude = REGIONS[i].longitude;
			return true;
		}
	const geo_country *c = geo_country_named(region);
	if (c) {
		*latitude = c->latitude;
		*longitude = c->longitude;
	}
	return c != NULL;
}

size_t geo_next_polygon(const geo_country *c, bool regional, size_t *at, double *points, size_t cap)
{
	const char *outline = regional ? c->regional : c->outline, *s = outline + *at;
	if (!*s)
		return 0;
	size_t count = 0;
	while (*s && *s != '|') {
		char *end;
		long lon = strtol(s, &end, 10);
		long lat = *end == ',' ? strtol(end + 1, &end, 10) : 0;
		if (count < cap) {
			points[2 * count] = lon / 100.0;
			points[2 * count + 1] = lat / 100.0;
			count++;
		}
		s = end;
		while (*s == ' ')
			s++;
	}
	if (*s == '|')
		s++;
	*at = (size_t)(s - outline);
	return count;
}

#define RADIANS(degrees) ((degrees) * M_PI / 180)

/*
 * An extent this small or smaller (in degrees) is drawn around its centre
 * (Lambert); a larger one in Equal Earth, the whole world's shape.
 */
#define AZIMUTHAL_LONGITUDES 100.0
#define AZIMUTHAL_LATITUDES 70.0

geo_projection geo_projection_for(double south, double north, double west, double east)
{
	geo_projection p = {false, 0, 0};
	if (east - west <= AZIMUTHAL_LONGITUDES && north - south <= AZIMUTHAL_LATITUDES) {
		p.azimuthal = true;
		p.centre_latitude = RADIANS((south + north) / 2);
		p.centre_longitude = RADIANS((west + east) / 2);
	}
	return p;
}

/* Equal Earth (Šavrič, Patterson and Jenny, 2018), on the Greenwich meridian. */
static void equal_earth(double phi, double lambda, double *x, double *y)
{
	static const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
	double theta = asin(sqrt(3) / 2 * sin(phi)), t2 = theta * theta, t6 = t2 * t2 * t2;
	*x = 2 * sqrt(3) * lambda * cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1));
	*y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

bool geo_project(const geo_projection *p, double latitude, double longitude, double *x, double *y)
{
	double phi = RADIANS(latitude), lambda = RADIANS(longitude);
	if (!p->azimuthal) {
		equal_earth(phi, lambda, x, y);
		return true;
	}
	double d = lambda - p->centre_longitude, phi0 = p->centre_latitude;
	double cosine = sin(phi0) * sin(phi) + cos(phi0) * cos(phi) * cos(d); /* of the angle from the centre */
	if (cosine < -0.5) /* beyond 120 degrees from the centre: too distorted to be drawn */
		return false;
	double k = sqrt(2 / (1 + cosine));
	*x = k * cos(phi) * sin(d);
	*y = k * (cos(phi0) * sin(phi) - sin(phi0) * cos(phi) * cos(d));
	return true;
}
