/* render.c: lays out and renders a built graph in-process with Graphviz's gvc (the only gvc user). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "graph.h"
#include "internal.h"

struct an_renderer {
	GVC_t *gvc;
	an_graph *laid_out; /* Graphviz caches attributes of the last layout only */
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

bool an_layout(an_renderer *r, an_graph *g, const char *engine, an_diags *diags)
{
	if (r->laid_out)
		an_layout_free(r, r->laid_out);
	bool had_error = false;
	int rc = gvLayout(r->gvc, an_graph_cgraph(g), engine);
	flush_messages(diags, &had_error);
	if (rc != 0) {
		if (!had_error)
			an_error(diags, (an_pos){0, 0}, "Graphviz could not lay out the graph with %s",
			         engine);
		return false;
	}
	r->laid_out = g;
	return true;
}

/* Inserts <desc> after the SVG's first <title>, for screen readers; Graphviz writes none. */
static void add_svg_desc(strbuf *svg, const char *description)
{
	const char *title_end = strstr(svg->data, "</title>");
	if (!title_end || !description)
		return;
	size_t at = (size_t)(title_end - svg->data) + strlen("</title>");
	strbuf out;
	sb_init(&out);
	sb_add(&out, svg->data, at);
	sb_puts(&out, "\n<desc>");
	for (const char *s = description; *s; s++) {
		switch (*s) {
		case '&': sb_puts(&out, "&amp;"); break;
		case '<': sb_puts(&out, "&lt;"); break;
		case '>': sb_puts(&out, "&gt;"); break;
		default: sb_putc(&out, *s);
		}
	}
	sb_puts(&out, "</desc>");
	sb_add(&out, svg->data + at, svg->len - at);
	sb_free(svg);
	*svg = out;
}

bool an_render(an_renderer *r, an_graph *g, const char *format, char **data, size_t *len,
               an_diags *diags)
{
	if (r->laid_out != g) {
		an_error(diags, (an_pos){0, 0}, "internal: rendering a graph that is not laid out");
		return false;
	}
	char *out = NULL;
	unsigned int size = 0;
	int rc = gvRenderData(r->gvc, an_graph_cgraph(g), format, &out, &size);
	bool had_error = false;
	flush_messages(diags, &had_error);
	if (rc != 0 || !out) {
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
	if (strcmp(format, "svg") == 0)
		add_svg_desc(&result, an_graph_description(g));
	*data = sb_take(&result, len);
	return true;
}
