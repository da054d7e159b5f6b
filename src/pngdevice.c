/* pngdevice.c: a Graphviz output device that writes cairo's pixels as PNG quickly (the renderer's PNG; cairo's own writer spends most of a PNG's time choosing row filters). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <png.h>

#include "pngdevice.h"
#include "util.h"

/* libgvc's writer of a job's output; its header (gvio.h) is not installed. */
extern size_t gvwrite(GVJ_t *job, const char *s, size_t len);

/*
 * Rows are stored as they are (no filter) and deflated at this level: on
 * diagrams, mostly flat colour, that is 4 times as fast as cairo's
 * adaptive filtering at zlib's default level, and the files are smaller.
 */
#define PNG_DEFLATE_LEVEL 3

/* The PNG is encoded into memory and handed to Graphviz whole: a failure midway leaves no cut file. */
static void png_bytes(png_structp png, png_bytep data, png_size_t len)
{
	sb_add(png_get_io_ptr(png), (const char *)data, len);
}

static void png_flush_nothing(png_structp png)
{
	(void)png;
}

/* Whether every pixel of the image (cairo's ARGB32, premultiplied, native-endian words) is opaque. */
static bool opaque(const uint32_t *pixels, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (pixels[i] >> 24 != 0xff)
			return false;
	return true;
}

/*
 * Graphviz rounds the canvas up to whole pixels, and its background covers
 * the last column and row only in part: where the rest is opaque, they take
 * the colour of the pixels beside them (else a PNG on a coloured slide has
 * a faint line at its right and bottom edges). Returns whether the image is
 * then opaque.
 */
static bool fill_rounded_edges(uint32_t *pixels, unsigned width, unsigned height)
{
	if (width < 2 || height < 2)
		return opaque(pixels, (size_t)width * height);
	for (unsigned y = 0; y + 1 < height; y++)
		if (!opaque(pixels + (size_t)y * width, width - 1))
			return false;
	for (unsigned y = 0; y + 1 < height; y++) {
		uint32_t *row = pixels + (size_t)y * width;
		if (row[width - 1] >> 24 != 0xff)
			row[width - 1] = row[width - 2];
	}
	uint32_t *last = pixels + (size_t)(height - 1) * width, *above = last - width;
	for (unsigned x = 0; x < width; x++)
		if (last[x] >> 24 != 0xff)
			last[x] = above[x];
	return true;
}

/* One row as PNG bytes: RGB, or RGBA with the colour unpremultiplied (rounded as cairo rounds it). */
static void row_bytes(const uint32_t *pixels, unsigned width, bool alpha, png_bytep out)
{
	for (unsigned x = 0; x < width; x++) {
		uint32_t p = pixels[x], a = p >> 24;
		uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
		if (!alpha) {
			*out++ = (png_byte)r;
			*out++ = (png_byte)g;
			*out++ = (png_byte)b;
		} else if (a == 0) {
			*out++ = 0;
			*out++ = 0;
			*out++ = 0;
			*out++ = 0;
		} else {
			*out++ = (png_byte)((r * 255 + a / 2) / a);
			*out++ = (png_byte)((g * 255 + a / 2) / a);
			*out++ = (png_byte)((b * 255 + a / 2) / a);
			*out++ = (png_byte)a;
		}
	}
}

/* Encodes the image's header and rows; false on libpng's error. */
static bool write_image(png_structp png, png_infop info, const uint32_t *pixels, unsigned width,
                        unsigned height, bool alpha, png_bytep row)
{
	if (setjmp(png_jmpbuf(png)))
		return false;
	png_set_IHDR(png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
	             PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_color_16 white = {.red = 0xff, .green = 0xff, .blue = 0xff, .gray = 0xff};
	png_set_bKGD(png, info, &white);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_set_compression_level(png, PNG_DEFLATE_LEVEL);
	png_write_info(png, info);
	for (unsigned y = 0; y < height; y++) {
		row_bytes(pixels + (size_t)y * width, width, alpha, row);
		png_write_row(png, row);
	}
	png_write_end(png, info);
	return true;
}

/*
 * Writes the job's image as cairo_surface_write_to_png would, pixel for
 * pixel but its edges: RGB when it is opaque, else RGBA, with a white
 * background colour.
 * On libpng's failure (memory) nothing is written: the renderer reports
 * an empty PNG.
 */
static void png_format(GVJ_t *job)
{
	uint32_t *pixels = (uint32_t *)(void *)job->imagedata;
	unsigned width = job->width, height = job->height;
	if (!pixels || !width || !height)
		return;
	bool alpha = !fill_rounded_edges(pixels, width, height);
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	png_bytep row = malloc((size_t)width * 4);
	strbuf encoded;
	sb_init(&encoded);
	if (png && info && row) {
		png_set_write_fn(png, &encoded, png_bytes, png_flush_nothing);
		if (write_image(png, info, pixels, width, height, alpha, row))
			gvwrite(job, encoded.data, encoded.len);
	}
	png_destroy_write_struct(&png, &info);
	free(row);
	sb_free(&encoded);
}

static gvdevice_engine_t png_engine = {NULL, png_format, NULL};

/* As Graphviz's own png:cairo: binary, true colour, 96 dpi. */
static gvdevice_features_t png_features = {
	GVDEVICE_BINARY_FORMAT | GVDEVICE_DOES_TRUECOLOR, {0., 0.}, {0., 0.}, {96., 96.},
};

static gvplugin_installed_t png_devices[] = {
	{0, "png:cairo", 0, &png_engine, &png_features},
	{0, NULL, 0, NULL, NULL},
};

static gvplugin_api_t png_apis[] = {
	{API_device, png_devices},
	{(api_t)0, NULL},
};

static gvplugin_library_t png_library = {"actornet", png_apis};

void an_add_png_device(GVC_t *gvc)
{
	gvAddLibrary(gvc, &png_library);
}
