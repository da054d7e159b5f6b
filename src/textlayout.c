/* textlayout.c: measures a diagram's texts as Graphviz's pango plugin would, in DejaVu Sans with HarfBuzz, so that an SVG needs neither pango nor fontconfig; pango measures the rest. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <hb-ot.h>
#include <hb.h>

#include "internal.h"
#include "textlayout.h"

/* libgvc's measurer of a text span, through its context's text layout plugin; in no installed header. */
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

/* The family actornet draws in (builder.c). */
#define FAMILY "DejaVu Sans"

/*
 * Where the fonts are: where fontconfig found them when actornet was built
 * (Makefile), else where systems put them. A file is used only if it is
 * the face named (fonts are found by file, not by fontconfig's rules).
 */
#ifndef AN_DEJAVU_SANS
#define AN_DEJAVU_SANS ""
#endif
#ifndef AN_DEJAVU_SANS_BOLD
#define AN_DEJAVU_SANS_BOLD ""
#endif
static const char *const FONT_DIRS[] = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
                                        "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                                        "/usr/local/share/fonts/dejavu", NULL};
static const struct {
	const char *built, *file, *style;
} FACES[2] = {{AN_DEJAVU_SANS, "DejaVuSans.ttf", "Book"}, {AN_DEJAVU_SANS_BOLD, "DejaVuSans-Bold.ttf", "Bold"}};

/*
 * What pango's plugin does with a text, in Graphviz 2.42/2.43 and pango
 * 1.50: lays it out at 96 pixels an inch in pango units (1/1024 pixel),
 * each glyph's advance rounded to a whole pixel (hinted metrics), the
 * baseline at the font's ascent rounded up to a whole pixel; Graphviz then
 * turns pixels into points, rounds the width up, and takes the height and
 * centre line from the point size alone.
 */
#define PANGO_UNITS 1024
#define FONT_DPI 96.0
#define POINTS_PER_UNIT (POINTS_PER_INCH / (FONT_DPI * PANGO_UNITS)) /* POINTS_PER_INCH: Graphviz's 72 */

static struct {
	unsigned users;          /* contexts made by an_text_context and not yet released */
	bool opened;             /* the fonts were looked for */
	hb_font_t *fonts[2];     /* regular, bold; NULL when not found */
	hb_buffer_t *buffer;
	bool with_pango;         /* an_text_with_pango */
	GVC_t *pango;            /* a context with pango's plugin, for the texts measured there */
	/* What each text was measured to: a series lays out the same texts again and again. */
	strindex measured;       /* "FAMILY\nSIZE FLAGS TEXT" (see measure_here_once) -> index into sizes */
	arena keys;
	struct measurement {
		bool here;           /* false: left to pango */
		pointf size;
		double yoffset_layout;
	} *sizes;
	size_t nsizes, sizes_cap;
} text;

/* The face in the file, when it is the one named. */
static hb_font_t *open_face(const char *path, const char *style)
{
	hb_blob_t *blob = hb_blob_create_from_file(path);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	char family[64] = "", subfamily[64] = "";
	unsigned n = sizeof family;
	hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &n, family);
	n = sizeof subfamily;
	hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_SUBFAMILY, HB_LANGUAGE_INVALID, &n, subfamily);
	hb_font_t *font = NULL;
	if (strcmp(family, FAMILY) == 0 && strcmp(subfamily, style) == 0)
		font = hb_font_create(face);
	hb_face_destroy(face);
	return font;
}

static hb_font_t *find_face(int bold)
{
	if (*FACES[bold].built) {
		hb_font_t *font = open_face(FACES[bold].built, FACES[bold].style);
		if (font)
			return font;
	}
	for (const char *const *dir = FONT_DIRS; *dir; dir++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", *dir, FACES[bold].file);
		hb_font_t *font = open_face(path, FACES[bold].style);
		if (font)
			return font;
	}
	return NULL;
}

/*
 * The characters measured here: those of Latin, Greek and Cyrillic texts
 * and the punctuation and symbols diagrams use, where pango draws them in
 * DejaVu Sans alone and shapes them as one run. Left to pango: controls
 * and format characters (U+2027, soft hyphens, direction marks), marks,
 * other scripts, and symbols that may take an emoji font.
 */
static bool measured_here(hb_codepoint_t c)
{
	static const struct {
		hb_codepoint_t first, last;
	} RANGES[] = {{0x20, 0x7E},     {0xA0, 0xAC},     {0xAE, 0x24F},    {0x370, 0x3FF},   {0x400, 0x4FF},
	              {0x1E00, 0x1EFF}, {0x2010, 0x2026}, {0x2030, 0x205E}, {0x20A0, 0x20BF}, {0x2190, 0x2319},
	              {0x231C, 0x23E8}, {0x23ED, 0x23EF}, {0x23F1, 0x23F2}, {0x23F4, 0x23FF}, {0x2500, 0x25FC},
	              {0x25FF, 0x25FF}, {0x2B00, 0x2B1A}, {0x2B1D, 0x2B2F}};
	for (size_t i = 0; i < sizeof RANGES / sizeof *RANGES; i++)
		if (c >= RANGES[i].first && c <= RANGES[i].last)
			return true;
	return false;
}

/* Whether every character of the buffer is measured here, in the font, in one script at most. */
static bool measurable(hb_font_t *font, hb_buffer_t *buffer)
{
	unsigned count;
	const hb_glyph_info_t *chars = hb_buffer_get_glyph_infos(buffer, &count);
	hb_unicode_funcs_t *unicode = hb_unicode_funcs_get_default();
	hb_script_t script = HB_SCRIPT_COMMON;
	for (unsigned i = 0; i < count; i++) {
		hb_codepoint_t glyph, c = chars[i].codepoint;
		if (!measured_here(c) || !hb_font_get_nominal_glyph(font, c, &glyph))
			return false;
		hb_script_t s = hb_unicode_script(unicode, c);
		if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED)
			continue;
		if (script != HB_SCRIPT_COMMON && s != script)
			return false;
		script = s;
	}
	return count > 0;
}

/* Measures the span here; false when it is left to pango. */
static bool measure_here(textspan_t *span)
{
	const textfont_t *f = span->font;
	if (!f || !f->name || strcmp(f->name, FAMILY) != 0 || (f->flags & ~HTML_BF) || !span->str)
		return false;
	hb_font_t *font = text.fonts[(f->flags & HTML_BF) != 0];
	if (!font)
		return false;
	hb_buffer_t *b = text.buffer;
	hb_buffer_reset(b);
	hb_buffer_add_utf8(b, span->str, -1, 0, -1);
	if (!measurable(font, b))
		return false;
	hb_buffer_guess_segment_properties(b);
	int pixel = (int)((int)(f->size * PANGO_UNITS) * FONT_DPI / POINTS_PER_INCH + 0.5);
	hb_font_set_scale(font, pixel, pixel);
	hb_shape(font, b, NULL, 0);
	unsigned count;
	const hb_glyph_position_t *glyphs = hb_buffer_get_glyph_positions(b, &count);
	long width = 0;
	for (unsigned i = 0; i < count; i++)
		width += (glyphs[i].x_advance + PANGO_UNITS / 2) & ~(long)(PANGO_UNITS - 1);
	hb_font_extents_t extents;
	hb_font_get_h_extents(font, &extents);
	long baseline = (extents.ascender + PANGO_UNITS - 1) / PANGO_UNITS * PANGO_UNITS;
	span->size.x = (int)(width * POINTS_PER_UNIT + 1);
	span->size.y = (int)(f->size * 1.1 + .5);
	span->yoffset_layout = baseline * POINTS_PER_UNIT;
	span->yoffset_centerline = 0.2 * f->size;
	span->layout = NULL;
	span->free_layout = NULL;
	return true;
}

/* Measures the span here, or remembers that it is left to pango, once for each text, size and weight. */
static bool measure_here_once(textspan_t *span)
{
	const textfont_t *f = span->font;
	if (!f || !span->str)
		return false;
	/* The key: the family, the size's bits and the flags in hexadecimal, the text (by hand: every text measured builds one). */
	const char *family = f->name ? f->name : "";
	size_t family_length = strlen(family), text_length = strlen(span->str);
	size_t length = family_length + 1 + 16 + 8 + 1 + text_length;
	char *key = xmalloc(length + 1), *end = key;
	memcpy(end, family, family_length);
	end += family_length;
	*end++ = '\n';
	uint64_t bits;
	memcpy(&bits, &f->size, sizeof bits);
	for (int shift = 60; shift >= 0; shift -= 4)
		*end++ = "0123456789abcdef"[(bits >> shift) & 15];
	for (int shift = 28; shift >= 0; shift -= 4)
		*end++ = "0123456789abcdef"[(f->flags >> shift) & 15];
	*end++ = ' ';
	memcpy(end, span->str, text_length + 1);
	size_t at = si_get(&text.measured, key);
	if (at != SIZE_MAX) {
		free(key);
		const struct measurement *m = &text.sizes[at];
		if (!m->here)
			return false;
		span->size = m->size;
		span->yoffset_layout = m->yoffset_layout;
		span->yoffset_centerline = 0.2 * f->size;
		span->layout = NULL;
		span->free_layout = NULL;
		return true;
	}
	bool here = measure_here(span);
	GROW(text.sizes, text.sizes_cap, text.nsizes + 1);
	text.sizes[text.nsizes] = (struct measurement){here, span->size, span->yoffset_layout};
	si_put(&text.measured, arena_strndup(&text.keys, key, length), text.nsizes++);
	free(key);
	return here;
}

static boolean measure(textspan_t *span, char **fontpath)
{
	(void)fontpath;
	if (!span->str || !*span->str)
		return FALSE; /* Graphviz's estimate, as after pango's plugin (it fails on a width of 0) */
	if (!text.with_pango && measure_here_once(span))
		return TRUE;
	if (!text.pango && !(text.pango = gvContext()))
		return FALSE; /* Graphviz estimates it */
	textspan_size(text.pango, span); /* pango's plugin, or Graphviz's estimate where pango fails */
	return TRUE;
}

static gvtextlayout_engine_t engine = {measure};
/* Above pango's plugin (10): Graphviz picks the best when a context starts. */
static gvplugin_installed_t textlayout_types[] = {{0, "textlayout", 100, &engine, NULL}, {0, NULL, 0, NULL, NULL}};
static gvplugin_api_t apis[] = {{API_textlayout, textlayout_types}, {(api_t)0, NULL}};
static gvplugin_library_t library = {"actornet", apis};
static lt_symlist_t builtins[] = {{"gvplugin_actornet_LTX_library", &library}, {NULL, NULL}};

GVC_t *an_text_context(void)
{
	if (!text.opened) {
		text.opened = true;
		text.fonts[0] = find_face(0);
		text.fonts[1] = find_face(1);
		text.buffer = hb_buffer_create();
	}
	GVC_t *gvc = gvContextPlugins(builtins, 1);
	if (gvc)
		text.users++;
	return gvc;
}

void an_text_with_pango(bool pango)
{
	text.with_pango = pango;
}

void an_text_release(void)
{
	if (text.users == 0 || --text.users > 0)
		return;
	for (int i = 0; i < 2; i++)
		hb_font_destroy(text.fonts[i]);
	hb_buffer_destroy(text.buffer);
	if (text.pango)
		gvFreeContext(text.pango);
	si_free(&text.measured);
	arena_free(&text.keys);
	free(text.sizes);
	memset(&text, 0, sizeof text);
}
