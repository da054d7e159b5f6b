/* pngdevice.c: a Graphviz output device that writes cairo's pixels as PNG quickly (the renderer's PNG; cairo's own writer spends most of a PNG's time choosing row filters). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <zlib.h>

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

/*
 * A large image is deflated in PNG_PARTS bands of rows at once, each by a
 * thread of its own, as pigz does: each band a raw deflate stream that
 * ends on a byte (a sync flush) but the last, their checksums combined.
 * Each band starts without the one before as its dictionary: the file is
 * a few hundred bytes larger. Smaller images are deflated whole.
 */
#define PNG_PARTS 2
#define PNG_PARTS_FROM ((size_t)1 << 20) /* bytes of rows */

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

/* One row as PNG bytes: its filter (0, none), then RGB, or RGBA with the colour unpremultiplied (rounded as cairo rounds it). */
static void row_bytes(const uint32_t *pixels, unsigned width, bool alpha, unsigned char *out)
{
	*out++ = 0;
	for (unsigned x = 0; x < width; x++) {
		uint32_t p = pixels[x], a = p >> 24;
		uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
		if (!alpha) {
			*out++ = (unsigned char)r;
			*out++ = (unsigned char)g;
			*out++ = (unsigned char)b;
		} else if (a == 0) {
			*out++ = 0;
			*out++ = 0;
			*out++ = 0;
			*out++ = 0;
		} else {
			*out++ = (unsigned char)((r * 255 + a / 2) / a);
			*out++ = (unsigned char)((g * 255 + a / 2) / a);
			*out++ = (unsigned char)((b * 255 + a / 2) / a);
			*out++ = (unsigned char)a;
		}
	}
}

/* A band of the image's rows and what deflating it gives. */
typedef struct {
	const uint32_t *pixels;
	unsigned width, first, rows; /* rows first .. first + rows - 1 */
	bool alpha, last;           /* last: the stream ends with this band */
	strbuf deflated;            /* raw deflate data, without zlib's header and checksum */
	uLong adler;                /* the checksum of the band's bytes */
	size_t length;              /* of the band's bytes */
	bool ok;
} band;

/* Deflates a band of rows (a thread's work): ok false when zlib fails (memory). */
static void *deflate_band(void *arg)
{
	band *b = arg;
	size_t stride = (size_t)b->width * (b->alpha ? 4 : 3) + 1;
	enum { OUT = 64 << 10 };
	unsigned char *row = malloc(stride), *out = malloc(OUT); /* not on a thread's stack */
	z_stream z;
	memset(&z, 0, sizeof z);
	b->ok = row && out && deflateInit2(&z, PNG_DEFLATE_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
	b->adler = adler32(0, NULL, 0);
	b->length = stride * b->rows;
	for (unsigned y = 0; b->ok && y < b->rows; y++) {
		row_bytes(b->pixels + (size_t)(b->first + y) * b->width, b->width, b->alpha, row);
		b->adler = adler32(b->adler, row, (uInt)stride);
		z.next_in = row;
		z.avail_in = (uInt)stride;
		int flush = y + 1 < b->rows ? Z_NO_FLUSH : b->last ? Z_FINISH : Z_SYNC_FLUSH;
		do {
			z.next_out = out;
			z.avail_out = OUT;
			int rc = deflate(&z, flush);
			if (rc == Z_STREAM_ERROR)
				b->ok = false;
			sb_add(&b->deflated, (const char *)out, OUT - z.avail_out);
		} while (b->ok && (z.avail_in > 0 || z.avail_out == 0));
	}
	deflateEnd(&z);
	free(row);
	free(out);
	return NULL;
}

static void put_u32(unsigned char *at, uint32_t v)
{
	at[0] = (unsigned char)(v >> 24);
	at[1] = (unsigned char)(v >> 16);
	at[2] = (unsigned char)(v >> 8);
	at[3] = (unsigned char)v;
}

/* Appends a PNG chunk: its length, type, data (head then rest) and the CRC of type and data. */
static void put_chunk(strbuf *png, const char type[4], const void *head, size_t head_len, const void *rest,
                      size_t rest_len)
{
	unsigned char bytes[8];
	put_u32(bytes, (uint32_t)(head_len + rest_len));
	memcpy(bytes + 4, type, 4);
	sb_add(png, (const char *)bytes, sizeof bytes);
	uLong crc = crc32(0, (const unsigned char *)type, 4);
	if (head_len) {
		sb_add(png, head, head_len);
		crc = crc32_z(crc, head, head_len);
	}
	if (rest_len) {
		sb_add(png, rest, rest_len);
		crc = crc32_z(crc, rest, rest_len);
	}
	put_u32(bytes, (uint32_t)crc);
	sb_add(png, (const char *)bytes, 4);
}

/*
 * The PNG of the image: its header (8-bit RGB or RGBA, a white background
 * colour), its rows deflated (in bands at once when large) as one zlib
 * stream in IDAT chunks, its end; false when zlib fails.
 */
static bool encode(const uint32_t *pixels, unsigned width, unsigned height, bool alpha, strbuf *png)
{
	size_t stride = (size_t)width * (alpha ? 4 : 3) + 1;
	size_t parts = stride * height >= PNG_PARTS_FROM && height >= PNG_PARTS ? PNG_PARTS : 1;
	band bands[PNG_PARTS];
	pthread_t threads[PNG_PARTS];
	bool started[PNG_PARTS] = {false};
	for (size_t k = 0; k < parts; k++) {
		unsigned first = (unsigned)(height * k / parts), next = (unsigned)(height * (k + 1) / parts);
		bands[k] = (band){pixels, width, first, next - first, alpha, k + 1 == parts, {NULL, 0, 0}, 0, 0, false};
	}
	for (size_t k = 1; k < parts; k++)
		started[k] = pthread_create(&threads[k], NULL, deflate_band, &bands[k]) == 0;
	deflate_band(&bands[0]);
	for (size_t k = 1; k < parts; k++) {
		if (started[k])
			pthread_join(threads[k], NULL);
		else
			deflate_band(&bands[k]); /* no thread to be had: here */
	}
	bool ok = true;
	uLong adler = bands[0].adler;
	for (size_t k = 0; k < parts; k++) {
		ok &= bands[k].ok;
		if (k > 0)
			adler = adler32_combine(adler, bands[k].adler, (z_off_t)bands[k].length);
	}
	if (ok) {
		static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
		unsigned char header[13];
		put_u32(header, width);
		put_u32(header + 4, height);
		header[8] = 8;             /* bits a channel */
		header[9] = alpha ? 6 : 2; /* RGBA, RGB */
		header[10] = header[11] = header[12] = 0; /* deflate, filters per row, not interlaced */
		static const unsigned char white[6] = {0, 0xff, 0, 0xff, 0, 0xff};
		sb_add(png, (const char *)signature, sizeof signature);
		put_chunk(png, "IHDR", header, sizeof header, NULL, 0);
		put_chunk(png, "bKGD", white, sizeof white, NULL, 0);
		/*
		 * The zlib stream in IDAT chunks, which a reader joins: zlib's
		 * header (deflate, 32 KB window, a fast level) and the first band,
		 * each further band, the checksum.
		 */
		unsigned char sum[4];
		put_u32(sum, (uint32_t)adler);
		for (size_t k = 0; k < parts; k++)
			put_chunk(png, "IDAT", k == 0 ? "\x78\x5e" : NULL, k == 0 ? 2 : 0, bands[k].deflated.data,
			          bands[k].deflated.len);
		put_chunk(png, "IDAT", sum, sizeof sum, NULL, 0);
		put_chunk(png, "IEND", NULL, 0, NULL, 0);
	}
	for (size_t k = 0; k < parts; k++)
		sb_free(&bands[k].deflated);
	return ok;
}

/*
 * Writes the job's image as cairo_surface_write_to_png would, pixel for
 * pixel but its edges: RGB when it is opaque, else RGBA, with a white
 * background colour. The PNG is made in memory and handed to Graphviz
 * whole: when zlib fails (memory) nothing is written, and the renderer
 * reports an empty PNG.
 */
static void png_format(GVJ_t *job)
{
	uint32_t *pixels = (uint32_t *)(void *)job->imagedata;
	unsigned width = job->width, height = job->height;
	if (!pixels || !width || !height)
		return;
	bool alpha = !fill_rounded_edges(pixels, width, height);
	strbuf png;
	sb_init(&png);
	if (encode(pixels, width, height, alpha, &png))
		gvwrite(job, png.data, png.len);
	sb_free(&png);
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
