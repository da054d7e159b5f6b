/* render.c: lays out and renders a built graph in-process with Graphviz's gvc (the only gvc user). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "graph.h"
#include "internal.h"

struct an_renderer {
	GVC_t *gvc;
	an_graph *laid_out; /* Graphviz caches attributes of the last layout only */
	char engine[16];    /* of the last layout */
	double layout_dpi;  /* the dpi the last layout was made for; 0 = Graphviz's default */
};

/*
 * Graphviz reports problems through a process-wide callback with no context
 * pointer; this buffer collects them until they are moved into diagnostics.
 * It is the library's only global state, and it is confined to this file.
 */
static strbuf graphviz_messages;

static int collect_message(char *text)
{
	sb_puts(&graphviz_messages, text);
	return 0;
}

/* Moves what Graphviz said into diagnostics, one per line, "Error: " and "Warning: " removed. */
static void flush_messages(an_diags *diags, bool *had_error)
{
	if (!graphviz_messages.len)
		return;
	char *text = sb_take(&graphviz_messages, NULL);
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		while (*line == ' ')
			line++;
		if (!*line)
			continue;
		if (strncmp(line, "Warning: ", 9) == 0) {
			an_warning(diags, (an_pos){0, 0}, "Graphviz: %s", line + 9);
		} else {
			if (strncmp(line, "Error: ", 7) == 0)
				line += 7;
			an_error(diags, (an_pos){0, 0}, "Graphviz: %s", line);
			if (had_error)
				*had_error = true;
		}
	}
	free(text);
}

an_renderer *an_renderer_new(void)
{
	an_renderer *r = xcalloc(1, sizeof *r);
	agseterrf(collect_message);
	agseterr(AGWARN);
	r->gvc = gvContext();
	if (!r->gvc) {
		free(r);
		return NULL;
	}
	return r;
}

void an_layout_free(an_renderer *r, an_graph *g)
{
	if (r->laid_out == g && g) {
		gvFreeLayout(r->gvc, an_graph_cgraph(g));
		r->laid_out = NULL;
	}
}

void an_renderer_free(an_renderer *r)
{
	if (!r)
		return;
	if (r->laid_out)
		an_layout_free(r, r->laid_out);
	gvFreeContext(r->gvc);
	sb_free(&graphviz_messages);
	free(r);
}

/* dot reads best for who-supports-whom, but its cost explodes on dense graphs. */
const char *an_layout_auto(size_t nodes, size_t edges)
{
	if (edges <= AN_DOT_MAX_EDGES && edges <= nodes + AN_DOT_MAX_CYCLES)
		return "dot";
	return "sfdp";
}

/*
 * With `size` set to a slide ("W,H!"), sets the pad that gives the laid-out
 * drawing the slide's shape, and returns true; Graphviz then scales it to
 * fill the slide exactly once laid out again (pad is frozen at layout, and its
 * own ratio=fill ignores the title block and rankdir=LR).
 */
static bool fit_to_size(Agraph_t *g)
{
	const char *size = agget(g, "size");
	double w, h;
	if (!size || sscanf(size, "%lf,%lf", &w, &h) != 2 || w <= 0 || h <= 0)
		return false;
	boxf bb = GD_bb(g); /* the layout's bounding box, in points */
	const double margin = 0.3 * 72; /* the default pad, in points */
	double dw = bb.UR.x - bb.LL.x + 2 * margin, dh = bb.UR.y - bb.LL.y + 2 * margin;
	double padx = margin, pady = margin;
	if (dw / dh < w / h)
		padx += (dh * w / h - dw) / 2;
	else
		pady += (dw * h / w - dh) / 2;
	char pad[64];
	snprintf(pad, sizeof pad, "%.2f,%.2f", padx / 72, pady / 72);
	agsafeset(g, "pad", pad, "");
	return true;
}

/* Lays out g for a dpi (0: the default); dpi is frozen at layout in Graphviz 2.43. */
static bool layout_at(an_renderer *r, an_graph *g, const char *engine, double dpi, an_diags *diags)
{
	if (r->laid_out)
		an_layout_free(r, r->laid_out);
	Agraph_t *cg = an_graph_cgraph(g);
	char value[32] = "";
	if (dpi > 0)
		snprintf(value, sizeof value, "%g", dpi);
	agattr(cg, AGRAPH, "dpi", "");
	agsafeset(cg, "dpi", value, "");
	bool had_error = false;
	int rc = gvLayout(r->gvc, cg, engine);
	if (rc == 0 && fit_to_size(cg)) {
		gvFreeLayout(r->gvc, cg);
		rc = gvLayout(r->gvc, cg, engine);
	}
	flush_messages(diags, &had_error);
	if (rc == 0 && had_error) /* Graphviz may report an error and still return 0 */
		gvFreeLayout(r->gvc, cg);
	if (rc != 0 || had_error) {
		if (!had_error)
			an_error(diags, (an_pos){0, 0}, "Graphviz could not lay out the graph with %s",
			         engine);
		return false;
	}
	r->laid_out = g;
	snprintf(r->engine, sizeof r->engine, "%s", engine);
	r->layout_dpi = dpi;
	return true;
}

bool an_layout(an_renderer *r, an_graph *g, const char *engine, an_diags *diags)
{
	return layout_at(r, g, engine, 0, diags);
}

static void put_xml_text(strbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		default: sb_putc(b, *s);
		}
	}
}

/*
 * Writes the diagram's title as the SVG's first <title>, exactly, and its
 * description as a <desc> after it, for screen readers (Graphviz writes none).
 */
static void finish_svg(strbuf *svg, const char *title, const char *description)
{
	const char *start = strstr(svg->data, "<title>");
	const char *end = start ? strstr(start, "</title>") : NULL;
	if (!end)
		return;
	strbuf out;
	sb_init(&out);
	sb_add(&out, svg->data, (size_t)(start - svg->data) + strlen("<title>"));
	if (title)
		put_xml_text(&out, title);
	else
		sb_add(&out, start + strlen("<title>"), (size_t)(end - start) - strlen("<title>"));
	sb_puts(&out, "</title>");
	if (description) {
		sb_puts(&out, "\n<desc>");
		put_xml_text(&out, description);
		sb_puts(&out, "</desc>");
	}
	const char *rest = end + strlen("</title>");
	sb_add(&out, rest, svg->len - (size_t)(rest - svg->data));
	sb_free(svg);
	*svg = out;
}

/*
 * Graphviz writes URLs into SVG as they are: for the SVG alone, '&' becomes
 * "&amp;" (escape), and back after it (unescape), so PDF links keep the real URL.
 */
static void escape_urls(Agraph_t *g, bool escape)
{
	Agsym_t *sym = agattr(g, AGNODE, "URL", NULL);
	if (!sym)
		return;
	const char *from = escape ? "&" : "&amp;", *to = escape ? "&amp;" : "&";
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		const char *url = agxget(n, sym);
		if (!strstr(url, from))
			continue;
		strbuf b;
		sb_init(&b);
		for (const char *p = url; *p;) {
			if (strncmp(p, from, strlen(from)) == 0) {
				sb_puts(&b, to);
				p += strlen(from);
			} else {
				sb_putc(&b, *p++);
			}
		}
		agxset(n, sym, b.data);
		sb_free(&b);
	}
}

bool an_render(an_renderer *r, an_graph *g, const char *format, const an_render_options *opt,
               char **data, size_t *len, an_diags *diags)
{
	if (r->laid_out != g) {
		an_error(diags, (an_pos){0, 0}, "internal: rendering a graph that is not laid out");
		return false;
	}
	/*
	 * dpi applies to raster output only: Graphviz would also scale an SVG's
	 * size and viewBox. The layout is made again when the dpi must change.
	 */
	bool raster = strcmp(format, "png") == 0;
	double dpi = raster && opt && opt->dpi > 0 ? opt->dpi : 0;
	if (dpi != r->layout_dpi) {
		char engine[sizeof r->engine];
		memcpy(engine, r->engine, sizeof engine);
		if (!layout_at(r, g, engine, dpi, diags))
			return false;
	}
	bool svg = strcmp(format, "svg") == 0;
	if (svg && opt && opt->outline_text)
		format = "svg:cairo"; /* text as glyph outlines */
	char *out = NULL;
	unsigned int size = 0;
	if (svg)
		escape_urls(an_graph_cgraph(g), true);
	int rc = gvRenderData(r->gvc, an_graph_cgraph(g), format, &out, &size);
	if (svg)
		escape_urls(an_graph_cgraph(g), false);
	bool had_error = false;
	flush_messages(diags, &had_error);
	if (rc != 0 || !out || had_error) {
		if (!had_error)
			an_error(diags, (an_pos){0, 0}, "Graphviz could not render %s", format);
		if (out)
			gvFreeRenderData(out);
		return false;
	}
	strbuf result;
	sb_init(&result);
	sb_add(&result, out, size);
	gvFreeRenderData(out);
	if (svg)
		finish_svg(&result, an_graph_title(g), an_graph_description(g));
	*data = sb_take(&result, len);
	return true;
}
