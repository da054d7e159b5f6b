/* builder.c: turns a filtered view of the network into a Graphviz cgraph graph (the only file that builds graphs). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "internal.h"

struct an_graph {
	Agraph_t *g;
	size_t nodes, edges;
	const char *description; /* borrowed from the network, for the SVG's <desc> */
};

#define FONT "Helvetica"

static const char *const STATE_FILL = "#E8EEF4", *const STATE_LINE = "#2F4858";
static const char *const GROUP_FILL = "#FBF1DC", *const GROUP_LINE = "#7A5A20";
static const char *const CONFIDENCE_STYLE[] = {"bold", "solid", "dashed", "dotted"};

/*
 * Text that Graphviz draws literally in a plain label: it expands escapes
 * like \N and \l and decodes entities, so backslashes and ampersands are escaped.
 */
static void put_label_text(strbuf *b, const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--; /* the line break that ends a YAML block scalar */
	for (const char *end = s + n; s < end; s++) {
		if (*s == '\\')
			sb_puts(b, "\\\\");
		else if (*s == '&')
			sb_puts(b, "&amp;");
		else if (*s == '\n')
			sb_puts(b, "\\n");
		else if (*s != '\r')
			sb_putc(b, *s);
	}
}

/* Tooltips are unescaped twice by Graphviz 2.43: a backslash needs four. */
static void put_tooltip_text(strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			sb_puts(b, "\\\\\\\\");
		else if (*s == '&')
			sb_puts(b, "&amp;");
		else if (*s == '\n' || *s == '\r')
			sb_putc(b, ' ');
		else
			sb_putc(b, *s);
	}
}

/*
 * URLs reach the SVG unescaped, so everything outside RFC 3986's characters
 * (quotes, angle brackets, backslashes, spaces, non-ASCII) is percent-encoded,
 * and '&' is written as an XML entity so that query strings keep their meaning.
 */
static void put_url(strbuf *b, const char *s)
{
	static const char *const safe = "-._~:/?#[]@!$()*+,;=%";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr(safe, c)))
			sb_putc(b, (char)c);
		else if (c == '&')
			sb_puts(b, "&amp;");
		else
			sb_printf(b, "%%%02X", c);
	}
}

static char *take(strbuf *b)
{
	return sb_take(b, NULL);
}

/* Sets an attribute declared on the root graph with agattr. */
static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

static void declare(Agraph_t *g, int kind, const char *name, const char *value)
{
	agattr(g, kind, (char *)name, (char *)value);
}

static void add_title(Agraph_t *g, const an_view *view, const an_build_options *opt)
{
	const an_network *net = view->net;
	const char *title = opt && opt->title ? opt->title : net->title.text;
	strbuf b;
	sb_init(&b);
	if (title)
		put_label_text(&b, title);
	if (net->subtitle.text && !(opt && opt->title)) {
		if (b.len)
			sb_puts(&b, "\\n");
		put_label_text(&b, net->subtitle.text);
	}
	if (view->period_text[0]) {
		if (b.len)
			sb_puts(&b, "\\n");
		put_label_text(&b, view->period_text);
	}
	char *label = take(&b);
	set(g, "label", label);
	free(label);
}

static void add_actor(Agraph_t *g, const an_actor *a)
{
	Agnode_t *n = agnode(g, a->id.text, 1);
	strbuf b;
	sb_init(&b);
	put_label_text(&b, an_actor_label(a));
	char *s = take(&b);
	set(n, "label", s);
	free(s);

	if (a->kind == AN_NON_STATE) {
		set(n, "shape", "ellipse");
		set(n, "fillcolor", GROUP_FILL);
		set(n, "color", GROUP_LINE);
	}

	put_tooltip_text(&b, a->name.text ? a->name.text : a->id.text);
	sb_printf(&b, " (%s", an_kind_name(a->kind));
	if (a->type.text) {
		sb_puts(&b, ", ");
		put_tooltip_text(&b, a->type.text);
	}
	if (a->when_text.text && a->when_ok) {
		char when[96];
		an_when_label(&a->when, when, sizeof when);
		sb_puts(&b, ", ");
		put_tooltip_text(&b, when);
	}
	sb_putc(&b, ')');
	if (a->note.text) {
		sb_puts(&b, ". ");
		put_tooltip_text(&b, a->note.text);
	}
	s = take(&b);
	set(n, "tooltip", s);
	free(s);

	sb_printf(&b, "actor-%s", a->id.text);
	s = take(&b);
	set(n, "id", s);
	free(s);
	set(n, "class", a->kind == AN_STATE ? "actor state" : "actor non-state");
	if (a->url.text) {
		put_url(&b, a->url.text);
		s = take(&b);
		set(n, "URL", s);
		set(n, "target", "_blank");
		free(s);
	}
}

/* A light link from an actor to the actor it is part of, when both are drawn. */
static void add_part_of(Agraph_t *g, const an_actor *child, const an_actor *parent)
{
	Agnode_t *tail = agnode(g, child->id.text, 0), *head = agnode(g, parent->id.text, 0);
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "part-of-%s", child->id.text);
	char *key = take(&b);
	Agedge_t *e = agedge(g, tail, head, key, 1);
	set(e, "id", key);
	free(key);
	set(e, "class", "part-of");
	set(e, "color", "#9A9A9A");
	set(e, "fontcolor", "#6B6B6B");
	set(e, "penwidth", "0.8");
	set(e, "arrowhead", "odiamond");
	set(e, "label", "part of");
	put_tooltip_text(&b, an_actor_label(child));
	sb_puts(&b, " is part of ");
	put_tooltip_text(&b, an_actor_label(parent));
	char *tooltip = take(&b);
	set(e, "tooltip", tooltip);
	free(tooltip);
}

static void put_source(strbuf *b, const an_network *net, const char *key)
{
	size_t i = an_find_source(net, key);
	const an_source *s = i == SIZE_MAX ? NULL : &net->sources[i];
	if (!s)
		put_tooltip_text(b, key);
	else if (s->text.text)
		put_tooltip_text(b, s->text.text);
	else {
		if (s->author.text) {
			put_tooltip_text(b, s->author.text);
			sb_puts(b, ", ");
		}
		put_tooltip_text(b, s->title.text ? s->title.text : key);
		if (s->date.text) {
			sb_puts(b, " (");
			put_tooltip_text(b, s->date.text);
			sb_putc(b, ')');
		}
	}
}

static void add_link(Agraph_t *g, const an_network *net, const an_link *l)
{
	const an_tie *t = &net->ties[l->tie];
	const an_type *type = &net->types[t->type_index];
	const an_actor *from = &net->actors[l->from], *to = &net->actors[l->to];
	Agnode_t *tail = agnode(g, from->id.text, 0), *head = agnode(g, to->id.text, 0);
	Agedge_t *e = agedge(g, tail, head, l->key, 1);

	char when[96] = "";
	if (t->when_text.text)
		an_when_label(&t->when, when, sizeof when);
	strbuf b;
	sb_init(&b);
	put_label_text(&b, t->label.text ? t->label.text : an_type_label(type));
	if (when[0]) {
		sb_puts(&b, "\\n");
		put_label_text(&b, when);
	}
	char *s = take(&b);
	set(e, "label", s);
	free(s);

	set(e, "color", an_type_color(type));
	set(e, "style", CONFIDENCE_STYLE[t->confidence]);
	if (t->confidence == AN_CONFIRMED)
		set(e, "penwidth", "2.4");
	set(e, "arrowhead", type->arrowhead);
	if (t->mutual) {
		set(e, "dir", "both");
		set(e, "arrowtail", type->arrowhead);
	}

	put_tooltip_text(&b, an_actor_label(from));
	sb_puts(&b, t->mutual ? " \xE2\x86\x94 " : " \xE2\x86\x92 "); /* ↔ → */
	put_tooltip_text(&b, an_actor_label(to));
	sb_puts(&b, ": ");
	put_tooltip_text(&b, an_type_label(type));
	if (t->label.text && strcmp(t->label.text, an_type_label(type)) != 0) {
		sb_puts(&b, " (");
		put_tooltip_text(&b, t->label.text);
		sb_putc(&b, ')');
	}
	sb_printf(&b, ", %s", when[0] ? "" : "undated");
	put_tooltip_text(&b, when);
	sb_printf(&b, ", %s", an_confidence_name(t->confidence));
	if (t->grade.text)
		sb_printf(&b, " (%s)", t->grade.text);
	sb_puts(&b, ".");
	if (t->note.text) {
		sb_putc(&b, ' ');
		put_tooltip_text(&b, t->note.text);
		if (!strchr(".!?", b.data[b.len - 1]))
			sb_putc(&b, '.');
	}
	const an_idlist *sources = &t->sources;
	if (sources->count > 0 || net->default_source.text) {
		sb_puts(&b, sources->count > 1 ? " Sources: " : " Source: ");
		if (sources->count == 0)
			put_source(&b, net, net->default_source.text);
		for (size_t i = 0; i < sources->count; i++) {
			if (i > 0)
				sb_puts(&b, "; ");
			put_source(&b, net, sources->ids[i].text);
		}
		sb_putc(&b, '.');
	}
	s = take(&b);
	set(e, "tooltip", s);
	free(s);

	sb_printf(&b, "tie-%s", l->key);
	s = take(&b);
	set(e, "id", s);
	free(s);
	sb_printf(&b, "tie %s %s", type->name.text, an_confidence_name(t->confidence));
	s = take(&b);
	set(e, "class", s);
	free(s);
}

an_graph *an_graph_build(const an_view *view, const an_build_options *opt)
{
	const an_network *net = view->net;
	/* The graph's name becomes the SVG's <title>. */
	const char *name = opt && opt->title ? opt->title : net->title.text;
	Agraph_t *g = agopen((char *)(name ? name : "network"), Agdirected, NULL);

	/*
	 * Every attribute is declared on the root graph before layout, with its
	 * default: Graphviz only shows later changes to attributes declared then.
	 */
	declare(g, AGRAPH, "label", "");
	declare(g, AGRAPH, "labelloc", "t");
	declare(g, AGRAPH, "fontname", FONT);
	declare(g, AGRAPH, "fontsize", "18");
	declare(g, AGRAPH, "rankdir", "LR");
	declare(g, AGRAPH, "nodesep", "0.4");
	declare(g, AGRAPH, "ranksep", "0.9");
	declare(g, AGRAPH, "pad", "0.3");
	declare(g, AGRAPH, "bgcolor", "white");
	declare(g, AGRAPH, "outputorder", "edgesfirst");
	declare(g, AGRAPH, "overlap", "false");
	declare(g, AGRAPH, "sep", "+10");
	declare(g, AGRAPH, "charset", "UTF-8");

	declare(g, AGNODE, "label", "\\N");
	declare(g, AGNODE, "shape", "box");
	declare(g, AGNODE, "style", "filled");
	declare(g, AGNODE, "fillcolor", STATE_FILL);
	declare(g, AGNODE, "color", STATE_LINE);
	declare(g, AGNODE, "fontname", FONT);
	declare(g, AGNODE, "fontsize", "12");
	declare(g, AGNODE, "margin", "0.15,0.06");
	declare(g, AGNODE, "tooltip", "");
	declare(g, AGNODE, "id", "");
	declare(g, AGNODE, "class", "");
	declare(g, AGNODE, "URL", "");
	declare(g, AGNODE, "target", "");

	declare(g, AGEDGE, "label", "");
	declare(g, AGEDGE, "color", "#000000");
	declare(g, AGEDGE, "fontcolor", "#333333");
	declare(g, AGEDGE, "style", "solid");
	declare(g, AGEDGE, "penwidth", "1.2");
	declare(g, AGEDGE, "arrowhead", "normal");
	declare(g, AGEDGE, "arrowtail", "none");
	declare(g, AGEDGE, "arrowsize", "0.8");
	declare(g, AGEDGE, "dir", "forward");
	declare(g, AGEDGE, "fontname", FONT);
	declare(g, AGEDGE, "fontsize", "10");
	declare(g, AGEDGE, "tooltip", "");
	declare(g, AGEDGE, "id", "");
	declare(g, AGEDGE, "class", "");

	add_title(g, view, opt);

	an_graph *graph = xcalloc(1, sizeof *graph);
	graph->g = g;
	for (size_t i = 0; i < net->nactors; i++)
		if (view->actor_shown[i]) {
			add_actor(g, &net->actors[i]);
			graph->nodes++;
		}
	for (size_t i = 0; i < net->nactors; i++) {
		size_t parent = net->actors[i].part_of_index;
		if (view->actor_shown[i] && parent != SIZE_MAX && view->actor_shown[parent])
			add_part_of(g, &net->actors[i], &net->actors[parent]);
	}
	for (size_t i = 0; i < view->nlinks; i++) {
		add_link(g, net, &net->links[view->links[i]]);
		graph->edges++;
	}
	graph->description = net->description.text;
	return graph;
}

void an_graph_free(an_graph *graph)
{
	if (!graph)
		return;
	agclose(graph->g);
	free(graph);
}

const char *an_graph_description(const an_graph *graph)
{
	return graph->description;
}

size_t an_graph_nodes(const an_graph *graph)
{
	return graph->nodes;
}

size_t an_graph_edges(const an_graph *graph)
{
	return graph->edges;
}

char *an_graph_dot(an_graph *graph, size_t *len)
{
	char *data = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&data, &size);
	if (!f)
		abort();
	agwrite(graph->g, f);
	fclose(f);
	if (len)
		*len = size;
	return data;
}

Agraph_t *an_graph_cgraph(an_graph *graph)
{
	return graph->g;
}
