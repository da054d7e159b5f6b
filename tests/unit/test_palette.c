/* test_palette.c: the built-in tie colours stay apart for colour-blind readers (CIEDE2000 >= 10 under simulation). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

typedef struct {
	double v[3];
} triple;

/* Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB. */
static const double DEUTERANOPIA[3][3] = {{0.367322, 0.860646, -0.227968},
                                          {0.280085, 0.672501, 0.047413},
                                          {-0.011820, 0.042940, 0.968881}};
static const double PROTANOPIA[3][3] = {{0.152286, 1.052583, -0.204868},
                                        {0.114503, 0.786281, 0.099216},
                                        {-0.003882, -0.048116, 1.051998}};

static double linear(int c)
{
	double x = c / 255.0;
	return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
}

/* "#RRGGBB" in linear RGB, seen through `vision` (NULL: normal vision). */
static triple seen(const char *hex, const double (*vision)[3])
{
	unsigned r, g, b;
	assert_int_equal(sscanf(hex, "#%2x%2x%2x", &r, &g, &b), 3);
	triple rgb = {{linear((int)r), linear((int)g), linear((int)b)}};
	if (!vision)
		return rgb;
	triple out;
	for (int i = 0; i < 3; i++)
		out.v[i] = vision[i][0] * rgb.v[0] + vision[i][1] * rgb.v[1] + vision[i][2] * rgb.v[2];
	return out;
}

/* Linear sRGB to CIE L*a*b* (D65). */
static triple lab(triple rgb)
{
	for (int i = 0; i < 3; i++)
		rgb.v[i] = rgb.v[i] < 0 ? 0 : rgb.v[i] > 1 ? 1 : rgb.v[i];
	double x = (0.4124 * rgb.v[0] + 0.3576 * rgb.v[1] + 0.1805 * rgb.v[2]) / 0.95047;
	double y = 0.2126 * rgb.v[0] + 0.7152 * rgb.v[1] + 0.0722 * rgb.v[2];
	double z = (0.0193 * rgb.v[0] + 0.1192 * rgb.v[1] + 0.9505 * rgb.v[2]) / 1.08883;
	double f[3], t[3] = {x, y, z};
	for (int i = 0; i < 3; i++)
		f[i] = t[i] > 216.0 / 24389 ? cbrt(t[i]) : (24389.0 / 27 * t[i] + 16) / 116;
	triple out = {{116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])}};
	return out;
}

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static double radians(double d)
{
	return d * M_PI / 180;
}

/* CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation). */
static double delta_e2000(triple p, triple q)
{
	double L1 = p.v[0], a1 = p.v[1], b1 = p.v[2], L2 = q.v[0], a2 = q.v[1], b2 = q.v[2];
	double Cbar = (hypot(a1, b1) + hypot(a2, b2)) / 2;
	double G = 0.5 * (1 - sqrt(pow(Cbar, 7) / (pow(Cbar, 7) + pow(25, 7))));
	double a1p = (1 + G) * a1, a2p = (1 + G) * a2;
	double C1p = hypot(a1p, b1), C2p = hypot(a2p, b2);
	double h1p = fmod(atan2(b1, a1p) * 180 / M_PI + 360, 360);
	double h2p = fmod(atan2(b2, a2p) * 180 / M_PI + 360, 360);
	double dh = h2p - h1p;
	if (C1p * C2p == 0)
		dh = 0;
	else if (dh > 180)
		dh -= 360;
	else if (dh < -180)
		dh += 360;
	double dLp = L2 - L1, dCp = C2p - C1p;
	double dHp = 2 * sqrt(C1p * C2p) * sin(radians(dh / 2));
	double Lbp = (L1 + L2) / 2, Cbp = (C1p + C2p) / 2, hbp;
	if (C1p * C2p == 0)
		hbp = h1p + h2p;
	else if (fabs(h1p - h2p) <= 180)
		hbp = (h1p + h2p) / 2;
	else
		hbp = (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2;
	double T = 1 - 0.17 * cos(radians(hbp - 30)) + 0.24 * cos(radians(2 * hbp)) +
	           0.32 * cos(radians(3 * hbp + 6)) - 0.20 * cos(radians(4 * hbp - 63));
	double dtheta = 30 * exp(-pow((hbp - 275) / 25, 2));
	double RC = 2 * sqrt(pow(Cbp, 7) / (pow(Cbp, 7) + pow(25, 7)));
	double SL = 1 + 0.015 * pow(Lbp - 50, 2) / sqrt(20 + pow(Lbp - 50, 2));
	double SC = 1 + 0.045 * Cbp, SH = 1 + 0.015 * Cbp * T;
	double RT = -sin(radians(2 * dtheta)) * RC;
	return sqrt(pow(dLp / SL, 2) + pow(dCp / SC, 2) + pow(dHp / SH, 2) +
	            RT * (dCp / SC) * (dHp / SH));
}

/* Sharma's published test pairs pin the formula. */
static void test_delta_e2000(void **state)
{
	(void)state;
	triple a = {{50.0, 2.6772, -79.7751}}, b = {{50.0, 0.0, -82.7485}};
	assert_true(fabs(delta_e2000(a, b) - 2.0425) < 1e-4);
	triple c = {{50.0, 2.5, 0.0}}, d = {{73.0, 25.0, -18.0}};
	assert_true(fabs(delta_e2000(c, d) - 27.1492) < 1e-4);
	triple e = {{2.0776, 0.0795, -1.1350}}, f = {{0.9033, -0.0636, -0.5514}};
	assert_true(fabs(delta_e2000(e, f) - 0.9082) < 1e-4);
}

/* Every two types that share an arrowhead differ by at least 10 for every kind of vision. */
static void check_vision(const double (*vision)[3], const char *name)
{
	for (size_t i = 0; i < NBUILTIN_TYPES; i++)
		for (size_t j = i + 1; j < NBUILTIN_TYPES; j++) {
			const builtin_type *a = &BUILTIN_TYPES[i], *b = &BUILTIN_TYPES[j];
			if (strcmp(a->arrowhead, b->arrowhead) != 0)
				continue;
			double d = delta_e2000(lab(seen(a->color, vision)), lab(seen(b->color, vision)));
			if (d < 10)
				fail_msg("%s and %s (%s, %s) differ by only %.1f under %s", a->name, b->name,
				         a->color, b->color, d, name);
		}
}

static void test_normal_vision(void **state)
{
	(void)state;
	check_vision(NULL, "normal vision");
}

static void test_deuteranopia(void **state)
{
	(void)state;
	check_vision(DEUTERANOPIA, "deuteranopia");
}

static void test_protanopia(void **state)
{
	(void)state;
	check_vision(PROTANOPIA, "protanopia");
}

/* Hostility alone is black, and alone has the tee: it cannot be taken for support. */
static void test_hostility_stands_apart(void **state)
{
	(void)state;
	for (size_t i = 0; i < NBUILTIN_TYPES; i++) {
		bool hostility = strcmp(BUILTIN_TYPES[i].name, "hostility") == 0;
		assert_int_equal(hostility, strcmp(BUILTIN_TYPES[i].arrowhead, "tee") == 0);
		assert_int_equal(hostility, strcmp(BUILTIN_TYPES[i].color, "#000000") == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delta_e2000),
		cmocka_unit_test(test_normal_vision),
		cmocka_unit_test(test_deuteranopia),
		cmocka_unit_test(test_protanopia),
		cmocka_unit_test(test_hostility_stands_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
