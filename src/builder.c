/* builder.c: turns a filtered view of the network into a Graphviz cgraph graph (the only file that builds graphs). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo.h"
#include "graph.h"
#include "internal.h"

/* An edge drawn, and the key that names it in every graph built from the network. */
typedef struct {
	Agedge_t *e;
	char *key;
	size_t strands; /* the first of a bundle of strands without a label node: their number; else 0 */
	uint64_t periods; /* the periods of a series that draw it (an_graph_mark_periods) */
} keyed_edge;

struct an_graph {
	Agraph_t *g;
	size_t nodes, edges;
	const char *title;       /* borrowed, for the SVG's <title> */
	const char *description; /* borrowed from the network, for the SVG's <desc> */
	char *title_block;       /* the title block's HTML, or NULL */
	keyed_edge *keyed;       /* every edge, for a stable series (see an_graph_edge) */
	size_t nkeyed, keyed_cap;
	bool periods_marked;     /* keyed edges' periods set */
	const an_target *target; /* borrowed from the build options, or NULL */
	bool places_series;      /* the graph a series is placed with (its view's widest_names) */
	bool draws_ghosts;       /* built to draw, faintly, what lies outside its view (--ghost) */
	double min_width;        /* points the title block's sources need as a browser draws them (see an_graph_min_width) */
	const char *map_land, *map_border, *map_leader; /* the theme's (an_graph_map_colors) */
	double map_share;        /* an_build_options' map_share */
	const char *path;        /* the network's file, borrowed */
	const char *period;      /* the view's period ("2010–2019"), borrowed; "" for none */
	an_labels labels;        /* an_build_options' labels */
	size_t map_outlines, map_leaders; /* the map background's shapes as laid out (an_graph_map_shapes) */
	/* Each actor's place on a map, in the order drawn, and by id (an_graph_geo_place). */
	an_geo_place *places;
	const an_actor **placed; /* the actor of each place */
	size_t nplaces, places_cap, placed_cap;
	strindex place_of;
};

/*
 * The font text is measured with: named as it is, so that the layout, the
 * PDF and the SVG all use it (render.c adds its look-alikes to the SVG).
 */
#define FONT "DejaVu Sans"

/*
 * Text sizes in points at a drawing's natural size. A target scales them all
 * so that the smallest (a tie's label, the sources) is the target's minimum.
 */
enum {
	SIZE_TITLE = 20, SIZE_PERIOD = 15, SIZE_GRAPH = 14, SIZE_SUBTITLE = 13, SIZE_ACTOR = 12,
	SIZE_LEGEND = 11, SIZE_REGION = 11, SIZE_TIE = 10, SIZE_SOURCE = 10
};

/*
 * The advances of DejaVu Sans's printable ASCII characters, from ' ' to
 * '~', in thousandths of an em, as Graphviz measures them: text is
 * measured before layout to wrap it to a target's width.
 */
static const unsigned short ASCII_ADVANCE[95] = {
	316, 398, 458, 840, 638, 953, 781, 278, 390, 390, 503, 840, 316, 361, 316, 338, /*  !"#$%&'()*+,-./ */
	638, 638, 638, 638, 638, 638, 638, 638, 638, 638, 338, 338, 840, 840, 840, 533, /* 0123456789:;<=>? */
	998, 712, 683, 698, 773, 631, 578, 773, 750, 293, 293, 653, 556, 863, 750, 788, /* @ABCDEFGHIJKLMNO */
	601, 788, 698, 638, 593, 736, 683, 991, 683, 608, 683, 390, 338, 390, 840, 503, /* PQRSTUVWXYZ[\]^_ */
	503, 615, 638, 548, 638, 615, 345, 638, 638, 278, 278, 578, 278, 975, 638, 615, /* `abcdefghijklmno */
	638, 638, 392, 518, 390, 638, 593, 818, 593, 593, 525, 636, 337, 636, 840,      /* pqrstuvwxyz{|}~ */
};

/* The advance of other characters, in ems: most scripts' letters (Cyrillic's widest), and East Asian ones. */
#define OTHER_ADVANCE 0.78
#define WIDE_ADVANCE 1.0
/* Bold DejaVu Sans is this much wider, on average. */
#define BOLD_WIDER 1.15

/*
 * A tight drawing's overlap_scaling: before removing overlaps, Graphviz
 * scales a layout so that its edges are about this many times the average
 * node size (its default, -4, leaves wide gaps on a page or a slide).
 */
#define TIGHT_SCALING "-2"

/* The colours of a theme; a type's colour comes from the palette (or, in print, black). */
typedef struct {
	const char *background, *text, *muted, *edge_text;
	const char *state_fill, *state_line, *group_fill, *group_line;
	const char *part_of, *faded_fill, *faded_line, *faded_text;
	const char *hostility; /* replaces black on a dark background */
	bool greyscale;
	const char *international_fill, *international_line;
	const char *map_land, *map_border, *map_leader; /* a map's countries, and its lines to places */
} theme_colors;

static const theme_colors THEMES[] = {
	[AN_THEME_LIGHT] = {"white", "#1A1A1A", "#555555", "#333333", "#E8EEF4", "#2F4858",
	                    "#FBF1DC", "#7A5A20", "#9A9A9A", "#F2F2F2", "#C8C8C8", "#A8A8A8",
	                    NULL, false, "#E6F2EA", "#2E6B47", "#F1F0EC", "#CFCCC4", "#8A8A8A"},
	[AN_THEME_DARK] = {"#1E1E1E", "#EEEEEE", "#B0B0B0", "#DDDDDD", "#2C3E50", "#9FB3C8",
	                   "#4A3B22", "#E0C48A", "#808080", "#2A2A2A", "#4A4A4A", "#6A6A6A",
	                   "#FFFFFF", false, "#23402F", "#9CCFB0", "#2A2C2F", "#45484C", "#8A8A8A"},
	[AN_THEME_PRINT] = {"white", "#000000", "#444444", "#222222", "#EEEEEE", "#000000",
	                    "#FFFFFF", "#000000", "#888888", "#F6F6F6", "#BBBBBB", "#999999",
	                    NULL, true, "#FFFFFF", "#000000", "#F3F3F3", "#C4C4C4", "#777777"},
};

/*
 * In print every type is black, so each built-in type has an arrowhead of
 * its own (hostility keeps its tee); declared types keep theirs.
 */
static const struct {
	const char *type, *arrowhead;
} PRINT_ARROWHEADS[] = {
	{"arms", "normal"},      {"missiles", "vee"},         {"nuclear", "diamond"},
	{"troops", "box"},       {"training", "dot"},         {"finance", "onormal"},
	{"intelligence", "odot"}, {"safe-haven", "obox"},     {"logistics", "odiamond"},
	{"trade", "lnormal"},    {"diplomatic", "crow"},      {"cooperation", "lvee"},
	{"hostility", "tee"},
};

/*
 * In print, declared types take arrowheads no built-in type has there, in
 * the order of declaration, and a grey of their round of arrowheads (dark,
 * light, near black): with the built-ins' black, 21 types are told apart.
 */
static const char *const PRINT_EXTRA_ARROWHEADS[] = {"rnormal", "rvee", "ldiamond", "lbox",
                                                     "curve", "ornormal", "inv"};
static const char *const PRINT_EXTRA_GREYS[] = {"#555555", "#888888", "#222222"};

/* Legend glyphs that stand for each arrowhead (the legend is text, so it looks alike in every engine). */
static const struct {
	const char *arrowhead, *glyph;
} ARROW_GLYPHS[] = {
	{"normal", "\xE2\x96\xB6"},  /* ▶ */
	{"onormal", "\xE2\x96\xB7"}, /* ▷ */
	{"vee", "&gt;"},
	{"lvee", "\xE2\x80\xBA"},    /* › */
	{"lnormal", "\xE2\x97\xA3"}, /* ◣ */
	{"diamond", "\xE2\x97\x86"}, /* ◆ */
	{"odiamond", "\xE2\x97\x87"}, /* ◇ */
	{"dot", "\xE2\x97\x8F"},     /* ● */
	{"odot", "\xE2\x97\x8B"},    /* ○ */
	{"box", "\xE2\x96\xA0"},     /* ■ */
	{"obox", "\xE2\x96\xA1"},    /* □ */
	{"inv", "\xE2\x97\x80"},     /* ◀ */
	{"rnormal", "\xE2\x97\xA4"},  /* ◤ */
	{"rvee", "\xE2\x80\xB9"},     /* ‹ */
	{"ldiamond", "\xE2\xAC\x96"}, /* ⬖ */
	{"lbox", "\xE2\x96\x96"},     /* ▖ */
	{"curve", "\xE2\x8C\x92"},    /* ⌒ */
	{"ornormal", "\xE2\x97\xB8"}, /* ◸ */
	{"crow", "\xE2\x8B\x94"},    /* ⋔ */
	{"tee", "\xE2\x94\xA4"},     /* ┤ */
};

static const char *const CONFIDENCE_STYLE[] = {"bold", "solid", "dashed", "dotted"};
/* Line glyphs for the legend: heavy, light, dashed, dotted. */
static const char *const CONFIDENCE_GLYPH[] = {"\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81",
                                               "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80",
                                               "\xE2\x95\x8C\xE2\x95\x8C\xE2\x95\x8C",
                                               "\xE2\x94\x88\xE2\x94\x88\xE2\x94\x88"};
static const char LINE_GLYPH[] = "\xE2\x94\x80\xE2\x94\x80"; /* ── */

/* Everything the builder needs while it works. */
typedef struct {
	Agraph_t *g;
	an_graph *graph;
	const an_view *view;
	const an_network *net;
	const an_build_options *opt;
	const theme_colors *colors;
	size_t *citation;     /* per source: its number in the citation list, 0 = none yet */
	size_t ncited;
	size_t *cited_order;  /* source indices in order of first use */
	bool *type_used;      /* per type, for the legend */
	bool confidence_used[4];
	bool kind_used[AN_NSHOWN_KINDS]; /* an_shown_kind */
	bool part_of_used;
	bool ghost_used;      /* something outside the view is drawn faintly */
	double text_scale;    /* text sizes: 1 at the natural size, else the target's */
	double width;         /* points the title block may take (the target's width), 0: any */
} builder;

/* A text size of the drawing, as Graphviz reads it ("7.7"). */
typedef struct {
	char text[16];
} points;

static points text_size(double scale, int size)
{
	points p;
	snprintf(p.text, sizeof p.text, "%g", round(scale * size * 10) / 10);
	return p;
}

/* The width of UTF-8 text (its first n bytes) in ems of DejaVu Sans. */
static double text_ems(const char *s, size_t n)
{
	double ems = 0;
	for (const unsigned char *c = (const unsigned char *)s, *end = c + n; c < end; c++) {
		if (*c >= ' ' && *c <= '~')
			ems += ASCII_ADVANCE[*c - ' '] / 1000.0;
		else if (*c >= 0xE3 && *c < 0xF0) /* from U+3000: CJK, kana, hangul */
			ems += WIDE_ADVANCE;
		else if (*c >= 0xC0) /* the first byte of any other character */
			ems += OTHER_ADVANCE;
	}
	return ems;
}

/* ------------------------------------------------------------- escaping */

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

/* Text in an HTML-like label: markup characters become entities, and \N must not expand. */
static void put_html_text(strbuf *b, const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	for (const char *end = s + n; s < end; s++) {
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		case '\\': sb_puts(b, "\\\\"); break;
		case '\n': sb_puts(b, "<BR/>"); break;
		case '\r': break;
		default: sb_putc(b, *s);
		}
	}
}

/* Points of the title block's cell padding, on both sides (a cell within a cell, at most). */
#define TITLE_PADDING 8.0
/*
 * How far right of where Graphviz starts it a browser draws a line of text
 * in a title block, times its measured width (AN_BROWSER_WIDER): the extra
 * width all falls on the right of a line Graphviz centres.
 */
#define BROWSER_REACH (2 * AN_BROWSER_WIDER - 1)

/*
 * The width text may take in a title block `width` points wide (0: any):
 * a browser draws it, centred, within the drawing's pad.
 */
static double text_width(double width)
{
	return width > 0 ? fmax((width - 2 * AN_TARGET_PAD * 72 - TITLE_PADDING) / BROWSER_REACH, 1) : 0;
}

/*
 * The width, in points, the sources wrap to in a drawing made for no
 * target (a page's measure): as one line they set a small drawing's width,
 * and a browser draws them past its canvas.
 */
#define UNTARGETED_SOURCES_WIDTH 540.0

/* The width the title block's sources may take in B's drawing. */
static double sources_width(const builder *B)
{
	return B->width > 0 ? text_width(B->width) : UNTARGETED_SOURCES_WIDTH;
}

/* The width of a title block whose text is `text` points wide: text_width's inverse. */
static double block_width(double text)
{
	return text * BROWSER_REACH + TITLE_PADDING + 2 * AN_TARGET_PAD * 72;
}

/*
 * Plain text in an HTML-like label, broken at spaces into lines at most
 * `width` points wide at `size` points (width 0: one line), so that it
 * keeps to a target's width. A word wider than that has a line of its own.
 * Lines are parted by `line_break` (markup). Returns the widest line's
 * width in points.
 */
static double put_html_wrapped(strbuf *b, const char *s, double width, double size,
                               const char *line_break)
{
	if (width <= 0) {
		put_html_text(b, s);
		return text_ems(s, strlen(s)) * size;
	}
	double line = 0, widest = 0, space = ASCII_ADVANCE[0] / 1000.0, ems = width / size;
	while (*s) {
		size_t n = strcspn(s, " ");
		char *word = xstrndup(s, n);
		double len = text_ems(word, n);
		if (line > 0 && line + space + len > ems) {
			sb_puts(b, line_break);
			widest = fmax(widest, line);
			line = 0;
		} else if (line > 0) {
			sb_putc(b, ' ');
			line += space;
		}
		put_html_text(b, word);
		line += len;
		free(word);
		s += n;
		while (*s == ' ')
			s++;
	}
	return fmax(widest, line) * size;
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

/* A line break inside a tooltip (Graphviz writes it as &#10;). */
static void put_tooltip_break(strbuf *b)
{
	sb_puts(b, "\\n");
}

/*
 * URLs reach the SVG unescaped, so everything outside RFC 3986's characters
 * (quotes, angle brackets, backslashes, spaces, non-ASCII) is percent-encoded.
 * '&' stays, for query strings: render.c makes it an entity for SVG alone.
 */
static void put_url(strbuf *b, const char *s)
{
	static const char *const safe = "-._~:/?#[]@!$()*+,;=%";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr(safe, c)) || c == '&')
			sb_putc(b, (char)c);
		else
			sb_printf(b, "%%%02X", c);
	}
}

/* ------------------------------------------------------------ object ids */

/*
 * cgraph's default ids for named objects are the addresses of their names,
 * and it orders subgraphs by id: clusters would come out, and be laid out,
 * in a different order from run to run. These ids follow creation order:
 * named objects get even ids, anonymous ones odd ids, as cgraph expects.
 */
typedef struct {
	Agraph_t *g;
	strindex index; /* name -> position in names */
	char **names;   /* cgraph's reference-counted strings (it reads their flags), freed with g */
	size_t count, cap;
	IDTYPE next_anonymous;
} id_state;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	id_state *s = xcalloc(1, sizeof *s);
	s->g = g;
	s->next_anonymous = 1;
	return s;
}

static long ids_map(void *state, int objtype, char *name, IDTYPE *id, int createflag)
{
	(void)objtype;
	id_state *s = state;
	if (!name) {
		*id = s->next_anonymous;
		s->next_anonymous += 2;
		return 1;
	}
	size_t i = si_get(&s->index, name);
	if (i == SIZE_MAX && createflag) {
		GROW(s->names, s->cap, s->count + 1);
		s->names[s->count] = agstrdup(s->g, name);
		i = si_put(&s->index, s->names[s->count], s->count);
		s->count++;
	}
	*id = i == SIZE_MAX ? 0 : (IDTYPE)(2 * (i + 1)); /* 0 matches no object */
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id; /* names live until the graph is closed */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	id_state *s = state;
	if (id == 0 || id % 2 || id / 2 > s->count)
		return NULL;
	return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
	id_state *s = state;
	free(s->names);
	si_free(&s->index);
	free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t creation_order_ids = {ids_open, ids_map, ids_alloc, ids_free,
                                       ids_print, ids_close, ids_register};

/* ------------------------------------------------------------ attributes */

/* Sets an attribute declared on the root graph with agattr. */
static void set_attr(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* Sets an attribute from a buffer, and empties the buffer. */
static void set_taken(void *obj, const char *name, strbuf *b)
{
	char *s = sb_take(b, NULL);
	set_attr(obj, name, s);
	free(s);
}

static void declare(Agraph_t *g, int kind, const char *name, const char *value)
{
	agattr(g, kind, (char *)name, (char *)value);
}

/* ---------------------------------------------------------------- styles */

/* Whether a type keeps the colour the file gives it: always, but in print without --keep-colours. */
static bool own_color(const builder *B, const an_type *t)
{
	return t->color.text && (!B->colors->greyscale || B->opt->keep_colors);
}

/* In print, the number of declared types before t drawn grey (see PRINT_EXTRA_ARROWHEADS). */
static size_t greyed_before(const builder *B, const an_type *t)
{
	size_t n = 0;
	for (const an_type *u = B->net->types; u < t; u++)
		n += !u->builtin && !own_color(B, u);
	return n;
}

#define NPRINT_EXTRA (sizeof PRINT_EXTRA_ARROWHEADS / sizeof *PRINT_EXTRA_ARROWHEADS)

static const char *type_color(const builder *B, const an_type *t)
{
	if (own_color(B, t))
		return t->color.text; /* the file's own colour wins over the theme */
	if (B->colors->greyscale)
		return t->builtin ? "#000000"
		                  : PRINT_EXTRA_GREYS[greyed_before(B, t) / NPRINT_EXTRA %
		                                      (sizeof PRINT_EXTRA_GREYS / sizeof *PRINT_EXTRA_GREYS)];
	const char *c = an_type_color(t);
	if (B->colors->hostility && strcmp(c, "#000000") == 0)
		return B->colors->hostility;
	return c;
}

static const char *type_arrowhead(const builder *B, const an_type *t)
{
	if (!B->colors->greyscale)
		return t->arrowhead;
	if (t->builtin) {
		for (size_t i = 0; i < sizeof PRINT_ARROWHEADS / sizeof *PRINT_ARROWHEADS; i++)
			if (strcmp(PRINT_ARROWHEADS[i].type, t->name.text) == 0)
				return PRINT_ARROWHEADS[i].arrowhead;
		return t->arrowhead;
	}
	if (own_color(B, t))
		return t->arrowhead; /* its own colour tells it apart (--keep-colours) */
	return PRINT_EXTRA_ARROWHEADS[greyed_before(B, t) % NPRINT_EXTRA];
}

static const char *arrow_glyph(const char *arrowhead)
{
	for (size_t i = 0; i < sizeof ARROW_GLYPHS / sizeof *ARROW_GLYPHS; i++)
		if (strcmp(ARROW_GLYPHS[i].arrowhead, arrowhead) == 0)
			return ARROW_GLYPHS[i].glyph;
	return "\xE2\x96\xB6";
}

/* An actor outside the view, drawn because --ghost shows what is outside the period. */
static bool ghosted(const builder *B, size_t actor)
{
	return B->opt->ghost && !B->view->actor_shown[actor];
}

/* An actor drawn faintly: outside the view, or not among the highlighted. */
static bool faded(const builder *B, size_t actor)
{
	return ghosted(B, actor) || (B->opt->highlight && !B->opt->highlight[actor]);
}

/* Records an edge under its key (see an_graph_edge). */
static void keep_edge(builder *B, Agedge_t *e, const char *key)
{
	an_graph *graph = B->graph;
	GROW(graph->keyed, graph->keyed_cap, graph->nkeyed + 1);
	graph->keyed[graph->nkeyed++] = (keyed_edge){e, xstrdup(key), 0, 0};
}

/* -------------------------------------------------------------- sources */

/* Text as it is, to be escaped later. */
static void put_plain_text(strbuf *b, const char *s)
{
	sb_puts(b, s);
}

/* A source's citation text, written with `put` (which escapes it for its place). */
static void put_source(strbuf *b, const an_network *net, const char *key,
                       void (*put)(strbuf *, const char *))
{
	size_t i = an_find_source(net, key);
	const an_source *s = i == SIZE_MAX ? NULL : &net->sources[i];
	if (!s) {
		put(b, key);
	} else if (s->text.text) {
		put(b, s->text.text);
	} else {
		if (s->author.text) {
			put(b, s->author.text);
			sb_puts(b, ", ");
		}
		put(b, s->title.text ? s->title.text : key);
		if (s->date.text) {
			sb_puts(b, " (");
			put(b, s->date.text);
			sb_putc(b, ')');
		}
	}
}

/* How many sources a tie has: its own, or the network's default. */
static size_t tie_source_count(const an_network *net, const an_tie *t)
{
	return t->sources.count ? t->sources.count : net->default_source.text ? 1 : 0;
}

/* The i-th source key of a tie, i < tie_source_count. */
static const char *tie_source(const an_network *net, const an_tie *t, size_t i)
{
	return t->sources.count ? t->sources.ids[i].text : net->default_source.text;
}

/* The citation number of a source, numbering it on first use. */
static size_t cite(builder *B, const char *key)
{
	size_t i = an_find_source(B->net, key);
	if (i == SIZE_MAX)
		return 0;
	if (!B->citation[i]) {
		B->citation[i] = ++B->ncited;
		B->cited_order[B->ncited - 1] = i;
	}
	return B->citation[i];
}

/* ---------------------------------------------------------------- actors */

/* The width of a label's widest line, in ems. */
static double label_ems(const char *s)
{
	double widest = 0;
	for (size_t n; *s; s += n + (s[n] != '\0')) {
		n = strcspn(s, "\n");
		widest = fmax(widest, text_ems(s, n));
	}
	return widest;
}

/*
 * An actor's label in the view. Where the view places a series, the widest
 * of its dated labels, so that it has room for each period's.
 */
static const char *actor_label(const builder *B, const an_actor *a)
{
	const char *label = an_actor_label_in(a, B->view);
	for (size_t i = 0; B->view->widest_names && !a->label.text && i < a->nnames; i++) {
		const an_dated_name *d = &a->names[i];
		const char *other = d->label.text ? d->label.text : d->name.text;
		if (other && label_ems(other) > label_ems(label))
			label = other;
	}
	return label;
}

/* part_of chains followed for a place: a longer one (an error) stops there. */
#define PLACE_DEPTH 8

/*
 * Where a map draws an actor: its `at`; a state's country, when its id is
 * one's code; else beside the actor it is part of; else its region's area.
 */
static an_geo_place geo_place(const an_network *net, const an_actor *a, int depth)
{
	an_geo_place p = {0, 0, AN_UNPLACED};
	const geo_country *c;
	if (a->has_at) {
		p = (an_geo_place){a->latitude, a->longitude, AN_PLACED_AT};
	} else if (a->kind == AN_STATE && (c = geo_country_by_code(a->id.text))) {
		p = (an_geo_place){c->latitude, c->longitude, AN_PLACED_COUNTRY};
	} else if (a->part_of_index != SIZE_MAX && depth < PLACE_DEPTH &&
	           (p = geo_place(net, &net->actors[a->part_of_index], depth + 1)).source != AN_UNPLACED) {
		p.source = AN_PLACED_PART_OF;
	} else if (a->region.text && geo_region_place(a->region.text, &p.latitude, &p.longitude)) {
		p.source = AN_PLACED_REGION;
	}
	return p;
}

bool an_actors_have_places(const an_network *net, const bool *shown)
{
	for (size_t i = 0; i < net->nactors; i++)
		if ((!shown || shown[i]) && geo_place(net, &net->actors[i], 0).source != AN_UNPLACED)
			return true;
	return false;
}

static void keep_place(an_graph *graph, const an_network *net, const an_actor *a)
{
	GROW(graph->places, graph->places_cap, graph->nplaces + 1);
	GROW(graph->placed, graph->placed_cap, graph->nplaces + 1);
	graph->places[graph->nplaces] = geo_place(net, a, 0);
	graph->placed[graph->nplaces] = a;
	si_put(&graph->place_of, a->id.text, graph->nplaces++);
}

void an_graph_map_colors(const an_graph *graph, const char **land, const char **border, const char **leader)
{
	*land = graph->map_land;
	*border = graph->map_border;
	*leader = graph->map_leader;
}

void an_graph_set_map_shapes(an_graph *graph, size_t outlines, size_t leaders)
{
	graph->map_outlines = outlines;
	graph->map_leaders = leaders;
}

void an_graph_map_shapes(const an_graph *graph, size_t *outlines, size_t *leaders)
{
	*outlines = graph->map_outlines;
	*leaders = graph->map_leaders;
}

double an_graph_map_share(const an_graph *graph)
{
	return graph->map_share > 0 && graph->map_share < 1 ? graph->map_share : 1;
}

const an_geo_place *an_graph_geo_place(const an_graph *graph, Agnode_t *n)
{
	size_t i = si_get(&graph->place_of, agnameof(n));
	return i == SIZE_MAX ? NULL : &graph->places[i];
}

size_t an_graph_warn_unplaced(const an_graph *graph, an_diags *diags)
{
	size_t count = 0;
	const char *file = diags->file; /* the warnings are the network file's, at its actors */
	an_diags_set_file(diags, graph->path);
	for (size_t i = 0; i < graph->nplaces; i++)
		if (graph->places[i].source == AN_UNPLACED) {
			const an_actor *a = graph->placed[i];
			an_warning(diags, a->id.pos,
			           "actor '%s' has no place on the map: it is drawn in the column on the right; give it "
			           "'at: [LATITUDE, LONGITUDE]', a 'part_of' actor or a 'region' the map knows "
			           "(a country, or Middle East, Gulf, East Asia...)",
			           a->id.text);
			count++;
		}
	diags->file = file;
	return count;
}

static void add_actor(builder *B, const an_actor *a, size_t index, Agraph_t *parent)
{
	Agnode_t *n = agnode(parent, a->id.text, 1);
	strbuf b;
	sb_init(&b);
	put_label_text(&b, actor_label(B, a));
	set_taken(n, "label", &b);
	int kind = an_shown_kind(a);
	if (ghosted(B, index))
		B->ghost_used = true;
	else
		B->kind_used[kind] = true;

	const theme_colors *c = B->colors;
	if (kind == AN_NON_STATE && B->opt->target) {
		/* Packed: edges are routed around boxes more closely than around ellipses. */
		set_attr(n, "style", "filled,rounded");
	} else if (kind == AN_NON_STATE) {
		set_attr(n, "shape", "ellipse");
	} else if (kind == AN_STATE_ORGAN) {
		set_attr(n, "style", "filled,dashed"); /* a state's box, drawn as a part of one */
	} else if (kind == AN_INTERNATIONAL) {
		set_attr(n, "shape", "hexagon");
	}
	if (faded(B, index)) {
		set_attr(n, "fillcolor", c->faded_fill);
		set_attr(n, "color", c->faded_line);
		set_attr(n, "fontcolor", c->faded_text);
	} else if (kind == AN_NON_STATE) {
		set_attr(n, "fillcolor", c->group_fill);
		set_attr(n, "color", c->group_line);
	} else if (kind == AN_INTERNATIONAL) {
		set_attr(n, "fillcolor", c->international_fill);
		set_attr(n, "color", c->international_line);
	}

	put_tooltip_text(&b, an_actor_name_in(a, B->view));
	sb_printf(&b, " (%s", an_shown_kind_name(kind));
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
	set_taken(n, "tooltip", &b);

	sb_printf(&b, "actor-%s", a->id.text);
	set_taken(n, "id", &b);
	sb_printf(&b, "actor %s%s", an_shown_kind_name(kind), ghosted(B, index) ? " ghost" : "");
	set_taken(n, "class", &b);
	if (a->url.text) {
		put_url(&b, a->url.text);
		set_taken(n, "URL", &b);
		set_attr(n, "target", "_blank");
	}
}

/* A light link from an actor to the actor it is part of, when both are drawn. */
static void add_part_of(builder *B, const an_actor *child, const an_actor *parent, bool ghost)
{
	Agnode_t *tail = agnode(B->g, child->id.text, 0), *head = agnode(B->g, parent->id.text, 0);
	strbuf b;
	sb_init(&b);
	/* '.' cannot stand in an id: no tie's key can be this edge's. */
	sb_printf(&b, "part-of.%s", child->id.text);
	char *key = sb_take(&b, NULL);
	Agedge_t *e = agedge(B->g, tail, head, key, 1);
	keep_edge(B, e, key);
	free(key);
	sb_printf(&b, "part-of-%s", child->id.text);
	set_taken(e, "id", &b);
	set_attr(e, "class", ghost ? "part-of ghost" : "part-of");
	set_attr(e, "color", ghost ? B->colors->faded_line : B->colors->part_of);
	set_attr(e, "fontcolor", B->colors->muted);
	set_attr(e, "penwidth", "0.8");
	set_attr(e, "arrowhead", "none");
	/* No label: dot 2.43 crashes on labelled edges inside a rank=same group. */
	put_tooltip_text(&b, an_actor_label_in(child, B->view));
	sb_puts(&b, " is part of ");
	put_tooltip_text(&b, an_actor_label_in(parent, B->view));
	set_taken(e, "tooltip", &b);
	if (ghost)
		B->ghost_used = true;
	else
		B->part_of_used = true;
}

/* ------------------------------------------------------------------ ties */

/* Ties drawn as one edge: the same from, to, type and direction. */
typedef struct {
	size_t *links;   /* indices into net->links, in file order */
	size_t count, cap;
	char *key;       /* the same for the same from, to, type and direction in any view */
	bool ghost;      /* outside the view: drawn faintly, without a label */
} tie_group;

/* A tie's date as its label shows it ("1995", "c. 1995", "1980–1988"); the tie keeps only its days. */
static void tie_when_label(const an_tie *t, char *buf, size_t size)
{
	an_when when;
	char problem[160];
	if (an_when_parse(t->when_text.text, &when, problem, sizeof problem))
		an_when_label(&when, buf, size);
}

/* The span of the group's dates in years ("1995–2017", "1979–", "2009"), or nothing. */
static void put_year_span(strbuf *b, const an_network *net, const tie_group *grp)
{
	int32_t first = AN_DAY_MAX, last = AN_DAY_MIN;
	bool open_start = false, open_end = false, dated = false;
	for (size_t i = 0; i < grp->count; i++) {
		const an_tie *t = &net->ties[net->links[grp->links[i]].tie];
		if (!t->when_text.text || !t->when_ok)
			continue;
		dated = true; /* as written, as a single tie's label is */
		if (t->when.first_day == AN_DAY_MIN)
			open_start = true;
		else if (t->when.first_day < first)
			first = t->when.first_day;
		if (t->when.last_day == AN_DAY_MAX)
			open_end = true;
		else if (t->when.last_day > last)
			last = t->when.last_day;
	}
	if (!dated)
		return;
	int y1 = 0, y2 = 0, m, d;
	if (first != AN_DAY_MAX)
		an_civil_from_days(first, &y1, &m, &d);
	if (last != AN_DAY_MIN)
		an_civil_from_days(last, &y2, &m, &d);
	if (!open_start && !open_end && y1 == y2) {
		sb_printf(b, "%04d", y1);
		return;
	}
	if (!open_start)
		sb_printf(b, "%04d", y1);
	sb_puts(b, "\xE2\x80\x93"); /* – */
	if (!open_end && (open_start || y2 > y1))
		sb_printf(b, "%04d", y2);
}

/*
 * The tie's label: its text and dates (full), its dates (short) or nothing,
 * its text written with `put` and its lines parted by `line_break`.
 */
static void put_edge_label(builder *B, strbuf *b, const tie_group *grp,
                           void (*put)(strbuf *, const char *), const char *line_break)
{
	const an_network *net = B->net;
	const an_tie *t = &net->ties[net->links[grp->links[0]].tie];
	const an_type *type = &net->types[t->type_index];
	if (B->opt->labels == AN_LABELS_NONE)
		return;
	strbuf dates;
	sb_init(&dates);
	if (grp->count == 1) {
		char when[96] = "";
		if (t->when_text.text && t->when_ok)
			tie_when_label(t, when, sizeof when);
		put(&dates, when);
	} else {
		put_year_span(&dates, net, grp);
		sb_printf(&dates, "%s(%zu)", dates.len ? " " : "", grp->count);
	}
	if (B->opt->labels == AN_LABELS_FULL) {
		put(b, grp->count == 1 && t->label.text ? t->label.text : an_type_label(type));
		if (dates.len)
			sb_puts(b, line_break);
	}
	if (dates.len)
		sb_add(b, dates.data, dates.len);
	sb_free(&dates);
}

/* " [1,3]": the citation numbers of the group's sources, ascending. */
static void put_citations(builder *B, strbuf *b, const tie_group *grp)
{
	bool *cited = xcalloc(B->net->nsources + 1, sizeof *cited); /* by citation number */
	bool any = false;
	for (size_t i = 0; i < grp->count; i++) {
		const an_tie *t = &B->net->ties[B->net->links[grp->links[i]].tie];
		for (size_t k = 0; k < tie_source_count(B->net, t); k++) {
			size_t number = cite(B, tie_source(B->net, t, k));
			if (number) {
				cited[number] = true;
				any = true;
			}
		}
	}
	if (any) {
		sb_puts(b, b->len ? " [" : "[");
		const char *sep = "";
		for (size_t i = 1; i <= B->net->nsources; i++)
			if (cited[i]) {
				sb_printf(b, "%s%zu", sep, i);
				sep = ",";
			}
		sb_putc(b, ']');
	}
	free(cited);
}

/* One line of a tie's tooltip: date, label, confidence, grade, note, sources. */
static void put_tie_line(builder *B, strbuf *b, const an_tie *t)
{
	const an_network *net = B->net;
	const an_type *type = &net->types[t->type_index];
	char when[96] = "undated";
	if (t->when_text.text && t->when_ok)
		tie_when_label(t, when, sizeof when);
	put_tooltip_text(b, when);
	sb_puts(b, ": ");
	put_tooltip_text(b, t->label.text ? t->label.text : an_type_label(type));
	sb_printf(b, " (%s", an_confidence_name(t->confidence));
	const char *grade = t->extra ? t->extra->grade.text : NULL;
	const char *note = t->extra ? t->extra->note.text : NULL;
	if (grade)
		sb_printf(b, ", %s", grade);
	sb_puts(b, ").");
	if (note) {
		sb_putc(b, ' ');
		put_tooltip_text(b, note);
		if (!strchr(".!?", b->data[b->len - 1]))
			sb_putc(b, '.');
	}
	size_t nkeys = tie_source_count(net, t);
	if (nkeys) {
		sb_puts(b, nkeys > 1 ? " Sources: " : " Source: ");
		for (size_t i = 0; i < nkeys; i++) {
			if (i > 0)
				sb_puts(b, "; ");
			put_source(b, net, tie_source(net, t, i), put_tooltip_text);
		}
		sb_putc(b, '.');
	}
}

/* The types of a group's ties, in the network's order; returns how many (at least 1). */
static size_t group_types(const an_network *net, const tie_group *grp, bool *seen, size_t *types)
{
	memset(seen, 0, net->ntypes * sizeof *seen);
	for (size_t i = 0; i < grp->count; i++)
		seen[net->ties[net->links[grp->links[i]].tie].type_index] = true;
	size_t n = 0;
	for (size_t i = 0; i < net->ntypes; i++)
		if (seen[i])
			types[n++] = i;
	return n;
}

/*
 * The label of a group of several types: a line per type in its colour
 * (an HTML-like label), the type's name and dates (full) or its dates (short).
 */
static void put_strands_label(builder *B, strbuf *b, const tie_group *grp, const size_t *types,
                              size_t ntypes)
{
	const an_network *net = B->net;
	tie_group one = {.links = xcalloc(grp->count, sizeof *one.links)};
	for (size_t k = 0; k < ntypes; k++) {
		one.count = 0;
		for (size_t i = 0; i < grp->count; i++)
			if (net->ties[net->links[grp->links[i]].tie].type_index == types[k])
				one.links[one.count++] = grp->links[i];
		sb_printf(b, "%s<FONT COLOR=\"%s\">", k ? "<BR/>" : "",
		          type_color(B, &net->types[types[k]]));
		put_edge_label(B, b, &one, put_html_text, " ");
		sb_puts(b, "</FONT>");
	}
	free(one.links);
}

/*
 * A node drawn as its label alone, on the background, with a little room
 * around the text so that edges ending at it stop short of the letters.
 */
static void set_as_text(Agnode_t *n)
{
	set_attr(n, "shape", "none");
	set_attr(n, "margin", "0.04,0.02");
	set_attr(n, "style", "");
}

/* Gives obj the label of edge e, as it is (HTML-like or plain). */
static void copy_label(builder *B, void *obj, Agedge_t *e)
{
	char *text = agget(e, "label");
	agset(obj, "label", aghtmlstr(text) ? agstrdup_html(B->g, text) : text);
}

/* Whether edge e is drawn with an arrowhead at each end (a mutual tie). */
static bool both_ways(Agedge_t *e)
{
	return strcmp(agget(e, "dir"), "both") == 0;
}

/* A copy of edge e (but its label) from tail to head, named e's name and `side`. */
static Agedge_t *copy_edge(builder *B, Agedge_t *e, Agnode_t *tail, Agnode_t *head, const char *side)
{
	char *name = xasprintf("%s%s", agnameof(e), side);
	Agedge_t *copy = agedge(B->g, tail, head, name, 1);
	free(name);
	for (Agsym_t *sym = agnxtattr(B->g, AGEDGE, NULL); sym; sym = agnxtattr(B->g, AGEDGE, sym))
		if (strcmp(sym->name, "label") != 0)
			agxset(copy, sym, agxget(e, sym));
	return copy;
}

/*
 * The node holding the label of edge e, whose key is `key` (tie.KEY: the
 * same in every period): force-directed engines then keep labels off
 * actors and other labels, as they do nodes. It has the edge's tooltip,
 * and its id is the edge's with -label.
 */
static Agnode_t *label_node(builder *B, Agedge_t *e, const char *key)
{
	strbuf b;
	sb_init(&b);
	/* '.' cannot stand in an id: no actor's name can be a label's; the key is a series'. */
	sb_printf(&b, "tie.%s", key);
	Agnode_t *label = agnode(B->g, b.data, 1);
	b.len = 0;
	copy_label(B, label, e);
	set_as_text(label);
	set_attr(label, "fontsize", text_size(B->text_scale, SIZE_TIE).text);
	set_attr(label, "fontcolor", agget(e, "fontcolor"));
	set_attr(label, "tooltip", agget(e, "tooltip"));
	sb_printf(&b, "%s-label", agget(e, "id"));
	set_taken(label, "id", &b);
	sb_printf(&b, "tie-label %s", agget(e, "class"));
	set_taken(label, "class", &b);
	return label;
}

/*
 * Draws edge e, whose key is `key`, as two halves that meet at its label
 * node: the first (key KEY<) starts at the tail without an arrowhead (with
 * the tail's for a mutual tie), the second (KEY>, id ID-head) ends at the head.
 */
static void split_at(builder *B, Agedge_t *e, Agnode_t *label, const char *key)
{
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "%s<", key);
	Agedge_t *in = copy_edge(B, e, agtail(e), label, "<");
	keep_edge(B, in, b.data);
	b.len = 0;
	sb_printf(&b, "%s>", key);
	Agedge_t *out = copy_edge(B, e, label, aghead(e), ">");
	keep_edge(B, out, b.data);
	b.len = 0;
	set_attr(in, "dir", both_ways(e) ? "back" : "none");
	set_attr(out, "dir", "forward");
	sb_printf(&b, "%s-head", agget(e, "id"));
	set_taken(out, "id", &b);
	sb_free(&b);
	agdelete(B->g, e);
}

/*
 * Edge e of a group of several types, drawn as strands: an edge per type
 * side by side, each in its type's colour and with its arrowhead (key
 * KEY/TYPE, id ID-TYPE), under one label: the first strand's, or, with
 * label nodes, a node they all pass through.
 */
static void add_strands(builder *B, Agedge_t *e, const char *key, bool labelled, const size_t *types,
                        size_t ntypes, const char *confidence)
{
	Agnode_t *label = labelled ? label_node(B, e, key) : NULL;
	size_t first = B->graph->nkeyed;
	strbuf b;
	sb_init(&b);
	for (size_t k = 0; k < ntypes; k++) {
		const an_type *type = &B->net->types[types[k]];
		char *side = xasprintf("/%s", type->name.text);
		Agedge_t *strand = copy_edge(B, e, agtail(e), aghead(e), side);
		set_attr(strand, "color", type_color(B, type));
		set_attr(strand, "arrowhead", type_arrowhead(B, type));
		if (both_ways(e))
			set_attr(strand, "arrowtail", type_arrowhead(B, type));
		sb_printf(&b, "%s-%s", agget(e, "id"), type->name.text);
		set_taken(strand, "id", &b);
		sb_printf(&b, "tie %s %s merged", type->name.text, confidence);
		set_taken(strand, "class", &b);
		if (k == 0 && !label)
			copy_label(B, strand, e);
		sb_printf(&b, "%s%s", key, side);
		if (label)
			split_at(B, strand, label, b.data);
		else
			keep_edge(B, strand, b.data);
		b.len = 0;
		free(side);
	}
	if (!label)
		B->graph->keyed[first].strands = ntypes;
	sb_free(&b);
	agdelete(B->g, e);
}

static void add_edge(builder *B, const tie_group *grp)
{
	const an_network *net = B->net;
	const an_link *first = &net->links[grp->links[0]];
	const an_tie *t = &net->ties[first->tie];
	const an_type *type = &net->types[t->type_index];
	size_t from_index = first->from, to_index = first->to;
	if (t->mutual && !B->opt->no_merge && from_index > to_index) { /* A-B is B-A, merged */
		from_index = first->to;
		to_index = first->from;
	}
	const an_actor *from = &net->actors[from_index], *to = &net->actors[to_index];
	Agnode_t *tail = agnode(B->g, from->id.text, 0), *head = agnode(B->g, to->id.text, 0);
	Agedge_t *e = agedge(B->g, tail, head, first->key, 1);

	an_confidence strongest = AN_DISPUTED;
	for (size_t i = 0; i < grp->count; i++) {
		an_confidence c = net->ties[net->links[grp->links[i]].tie].confidence;
		if (c < strongest)
			strongest = c;
	}
	bool *seen = xcalloc(net->ntypes, sizeof *seen);
	size_t *types = xcalloc(net->ntypes, sizeof *types);
	size_t ntypes = group_types(net, grp, seen, types);
	if (grp->ghost) {
		B->ghost_used = true;
	} else {
		for (size_t k = 0; k < ntypes; k++)
			B->type_used[types[k]] = true;
		B->confidence_used[strongest] = true;
	}

	strbuf b;
	sb_init(&b);
	bool strands = ntypes > 1 && !grp->ghost;
	if (!grp->ghost && B->opt->labels != AN_LABELS_NONE) {
		if (strands)
			put_strands_label(B, &b, grp, types, ntypes);
		else
			put_edge_label(B, &b, grp, put_label_text, "\\n");
	}
	if (!grp->ghost && B->opt->cite)
		put_citations(B, &b, grp);
	if (b.len && strands) {
		agsafeset(e, "label", agstrdup_html(B->g, b.data), "");
		b.len = 0;
	} else if (b.len) {
		set_taken(e, "label", &b);
	}

	bool fade = grp->ghost || (faded(B, first->from) && faded(B, first->to));
	set_attr(e, "color", fade ? B->colors->faded_line : type_color(B, type));
	if (fade)
		set_attr(e, "fontcolor", B->colors->faded_text);
	set_attr(e, "style", CONFIDENCE_STYLE[strongest]);
	/* Strands are drawn side by side, each this wide: thinner, and as wide whatever their number. */
	double width = grp->ghost ? 1
	             : strands    ? (strongest == AN_CONFIRMED ? 1.8 : 1.2)
	                          : (strongest == AN_CONFIRMED ? 2.4 : 1.2) + 0.8 * log2((double)grp->count);
	if (width != 1.2) {
		sb_printf(&b, "%.2g", width);
		set_taken(e, "penwidth", &b);
	}
	const char *arrowhead = type_arrowhead(B, type);
	set_attr(e, "arrowhead", arrowhead);
	if (t->mutual) {
		set_attr(e, "dir", "both");
		set_attr(e, "arrowtail", arrowhead);
	}

	bool mixed = false;
	for (size_t i = 1; i < grp->count; i++)
		mixed |= net->ties[net->links[grp->links[i]].tie].confidence != t->confidence;
	put_tooltip_text(&b, an_actor_label_in(from, B->view));
	sb_puts(&b, t->mutual ? " \xE2\x86\x94 " : " \xE2\x86\x92 "); /* ↔ → */
	put_tooltip_text(&b, an_actor_label_in(to, B->view));
	if (grp->count > 1) {
		sb_puts(&b, ": ");
		for (size_t k = 0; k < ntypes; k++) {
			sb_puts(&b, k ? ", " : "");
			put_tooltip_text(&b, an_type_label(&net->types[types[k]]));
		}
		sb_printf(&b, ", %zu ties", grp->count);
		if (mixed)
			sb_printf(&b, " (drawn as the most certain: %s)", an_confidence_name(strongest));
	}
	for (size_t i = 0; i < grp->count; i++) {
		if (grp->count > 1) {
			put_tooltip_break(&b);
			sb_puts(&b, "\xE2\x80\xA2 "); /* • */
		} else {
			sb_puts(&b, ": ");
		}
		put_tie_line(B, &b, &net->ties[net->links[grp->links[i]].tie]);
	}
	set_taken(e, "tooltip", &b);

	if (grp->count == 1)
		sb_printf(&b, "tie-%s", first->key);
	else /* several types: no type in the id, which no tie type's id can be */
		sb_printf(&b, "ties-%s-%s%s%s%s", from->id.text, to->id.text, ntypes > 1 ? "" : "-",
		          ntypes > 1 ? "" : type->name.text, t->mutual ? "-mutual" : "");
	set_taken(e, "id", &b);
	sb_puts(&b, "tie");
	for (size_t k = 0; k < ntypes; k++)
		sb_printf(&b, " %s", net->types[types[k]].name.text);
	sb_printf(&b, " %s%s%s", an_confidence_name(strongest), grp->count > 1 ? " merged" : "",
	          grp->ghost ? " ghost" : "");
	set_taken(e, "class", &b);
	/*
	 * Every edge is split when labels are drawn, even one whose label is
	 * empty (a ghost, an undated tie): a series' periods then have the
	 * label nodes its whole graph was placed with.
	 */
	bool labelled = B->opt->label_nodes && B->opt->labels != AN_LABELS_NONE;
	if (strands && !fade) {
		add_strands(B, e, grp->key, labelled, types, ntypes, an_confidence_name(strongest));
	} else {
		/* Keyed as a strand when strands are drawn: a period may have one type where the series has two. */
		if (B->opt->merge_types && ntypes == 1)
			sb_printf(&b, "%s/%s", grp->key, type->name.text);
		else
			sb_puts(&b, grp->key);
		if (labelled)
			split_at(B, e, label_node(B, e, grp->key), b.data);
		else
			keep_edge(B, e, b.data);
		sb_free(&b);
	}
	free(seen);
	free(types);
}

/* ---------------------------------------------------------- joint ties */

/* Per tie of the network: whether it is joint (an_tie_is_joint), drawn as an event. */
static bool *joint_ties(const an_network *net)
{
	bool *joint = xcalloc(net->nties + 1, sizeof *joint);
	for (size_t i = 0; i < net->nties; i++)
		joint[i] = an_tie_is_joint(&net->ties[i]);
	return joint;
}

/*
 * One joint tie: an event node (its label, or a dot without labels) and a
 * spoke to each of its actors that the view (or, faded, the ghost view) has.
 */
static void add_joint(builder *B, size_t tie, const bool *actors, bool ghost)
{
	const an_network *net = B->net;
	const an_tie *t = &net->ties[tie];
	const an_type *type = &net->types[t->type_index];
	const theme_colors *c = B->colors;
	const char *color = ghost ? c->faded_line : type_color(B, type);
	strbuf b;
	sb_init(&b);
	/* '.' cannot stand in an id: no actor's name can be the event's. */
	sb_printf(&b, "joint.%s", t->key);
	char *name = sb_take(&b, NULL);
	Agnode_t *event = agnode(B->g, name, 1); /* not counted: graph->nodes counts actors */
	size_t first_link = 0; /* the label is the tie's, as its first pair's would be */
	while (first_link < net->nlinks && net->links[first_link].tie != tie)
		first_link++;
	tie_group one = {.links = &first_link, .count = 1};
	if (!ghost && B->opt->labels != AN_LABELS_NONE)
		put_edge_label(B, &b, &one, put_label_text, "\\n");
	if (!ghost && B->opt->cite)
		put_citations(B, &b, &one);
	if (b.len) {
		set_taken(event, "label", &b);
		set_as_text(event);
		set_attr(event, "fontcolor", ghost ? c->faded_text : c->edge_text);
		set_attr(event, "fontsize", text_size(B->text_scale, SIZE_TIE).text);
	} else {
		set_attr(event, "label", "");
		set_attr(event, "shape", "point");
		set_attr(event, "width", "0.08");
		set_attr(event, "color", color);
		set_attr(event, "fillcolor", color);
	}
	sb_puts(&b, "Joint: ");
	for (size_t a = 0, n = 0; a < net->nactors; a++)
		if (actors[a]) {
			sb_puts(&b, n++ ? ", " : "");
			put_tooltip_text(&b, an_actor_label_in(&net->actors[a], B->view));
		}
	sb_puts(&b, ": ");
	put_tie_line(B, &b, t);
	set_taken(event, "tooltip", &b);
	sb_printf(&b, "joint-%s", t->key);
	set_taken(event, "id", &b);
	sb_printf(&b, "joint %s %s%s", type->name.text, an_confidence_name(t->confidence),
	          ghost ? " ghost" : "");
	set_taken(event, "class", &b);
	for (size_t a = 0; a < net->nactors; a++) {
		if (!actors[a])
			continue;
		const char *id = net->actors[a].id.text;
		sb_printf(&b, "%s.%s", name, id);
		char *key = sb_take(&b, NULL);
		Agedge_t *e = agedge(B->g, agnode(B->g, (char *)id, 0), event, key, 1);
		keep_edge(B, e, key);
		free(key);
		set_attr(e, "color", color);
		set_attr(e, "style", CONFIDENCE_STYLE[t->confidence]);
		set_attr(e, "arrowhead", "none");
		if (t->confidence == AN_CONFIRMED)
			set_attr(e, "penwidth", "2");
		sb_printf(&b, "joint-%s-%s", t->key, id);
		set_taken(e, "id", &b);
		sb_printf(&b, "tie %s %s joint%s", type->name.text, an_confidence_name(t->confidence),
		          ghost ? " ghost" : "");
		set_taken(e, "class", &b);
		set_attr(e, "tooltip", agget(event, "tooltip"));
	}
	if (ghost) {
		B->ghost_used = true;
	} else {
		B->type_used[t->type_index] = true;
		B->confidence_used[t->confidence] = true;
	}
	free(name);
}

/* Every joint tie that the view, or the ghost view, draws. */
static void add_joints(builder *B, const bool *joint)
{
	const an_network *net = B->net;
	bool *actors = xcalloc(net->nactors + 1, sizeof *actors);
	bool *done = xcalloc(net->nties + 1, sizeof *done);
	for (int pass = 0; pass < (B->opt->ghost ? 2 : 1); pass++) {
		const an_view *v = pass ? B->opt->ghost : B->view;
		for (size_t i = 0; i < v->nlinks; i++) {
			size_t tie = net->links[v->links[i]].tie;
			if (!joint[tie] || done[tie])
				continue;
			done[tie] = true;
			memset(actors, 0, net->nactors * sizeof *actors);
			/* A tie's links are next to each other. */
			for (size_t k = i; k < v->nlinks && net->links[v->links[k]].tie == tie; k++) {
				actors[net->links[v->links[k]].from] = true;
				actors[net->links[v->links[k]].to] = true;
			}
			add_joint(B, tie, actors, pass == 1);
		}
	}
	free(actors);
	free(done);
}

/*
 * The key of a link's group: its own key, or, merging, its from, to, type and
 * direction (a mutual A-B tie is the same as a mutual B-A tie).
 */
static char *group_key(const an_network *net, const an_link *l, bool merge, bool merge_types)
{
	if (!merge)
		return xstrdup(l->key);
	const an_tie *t = &net->ties[l->tie];
	size_t a = l->from, b = l->to;
	if (t->mutual && a > b)
		a = l->to, b = l->from;
	char key[96];
	if (merge_types) /* '*' stands for every type: no key of one type can be this */
		snprintf(key, sizeof key, "%zu %zu * %d", a, b, t->mutual);
	else
		snprintf(key, sizeof key, "%zu %zu %zu %d", a, b, t->type_index, t->mutual);
	return xstrdup(key);
}

/*
 * Groups the view's links, one group per key (see group_key); with a ghost
 * view, then its links outside the view's groups, as ghost groups.
 */
static tie_group *group_links(const an_view *view, const an_view *ghost, bool merge,
                              bool merge_types, const bool *joint, size_t *ngroups)
{
	const an_network *net = view->net;
	size_t most = view->nlinks + (ghost ? ghost->nlinks : 0);
	tie_group *groups = xcalloc(most ? most : 1, sizeof *groups);
	size_t n = 0;
	strindex index;
	si_init(&index);
	for (int pass = 0; pass < (ghost ? 2 : 1); pass++) {
		const an_view *v = pass ? ghost : view;
		size_t first_ghost = n;
		for (size_t i = 0; i < v->nlinks; i++) {
			if (joint[net->links[v->links[i]].tie])
				continue; /* drawn as an event (add_joint) */
			char *key = group_key(net, &net->links[v->links[i]], merge, merge_types);
			size_t g = si_put(&index, key, n);
			if (g == n) {
				groups[n].key = key;
				groups[n++].ghost = pass == 1;
			} else {
				free(key);
			}
			if (g < first_ghost)
				continue; /* drawn with the view's links, not again as a ghost */
			GROW(groups[g].links, groups[g].cap, groups[g].count + 1);
			groups[g].links[groups[g].count++] = v->links[i];
		}
	}
	si_free(&index);
	*ngroups = n;
	return groups;
}

/* ---------------------------------------------------- title, legend, sources */

/*
 * A legend item, in one left-aligned cell (Graphviz 2.43 spreads a narrow
 * table's extra width over its cells): the glyph, three no-break spaces so that
 * a program that draws the glyph with a wider font (LibreOffice, for one)
 * does not run it into the label, and the label.
 */
static void put_legend_cell(strbuf *b, const char *color, const char *glyph, const char *label,
                            const char *text_color)
{
	sb_printf(b, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s\xC2\xA0\xC2\xA0\xC2\xA0</FONT><FONT COLOR=\"%s\">",
	          color, glyph, text_color);
	put_html_text(b, label);
	sb_puts(b, "</FONT></TD>");
}

/* A legend item's glyph and the three spaces after it, in ems (Chromium: 2.8 to 2.9). */
#define LEGEND_GLYPH_EMS 3.0

/* Legend items per row of tie types at the natural size. */
#define LEGEND_ROW 6

/* Legend items per row of tie types: as many as `width` points hold (0: any). */
static size_t legend_columns(const builder *B, double width)
{
	if (width <= 0)
		return LEGEND_ROW;
	double widest = 0;
	for (size_t i = 0; i < B->net->ntypes; i++) {
		const char *label = an_type_label(&B->net->types[i]);
		if (B->type_used[i])
			widest = fmax(widest, text_ems(label, strlen(label)));
	}
	/* A cell: the glyph, three spaces, the label, and 8 pt of spacing. */
	double size = B->text_scale * SIZE_LEGEND;
	double cell = (widest + LEGEND_GLYPH_EMS) * size + 8;
	size_t columns = (size_t)(width / cell);
	return columns < 1 ? 1 : columns > 12 ? 12 : columns;
}

/*
 * Moves the cells, if there are any, into a row of the legend, with empty
 * cells after them up to `columns`: Graphviz shares the room a table is
 * given beyond its own width among its columns, and a legend of one column
 * drew its "State" box across the whole title block.
 */
static void put_legend_row(strbuf *rows, strbuf *cells, size_t columns)
{
	if (!cells->len)
		return;
	sb_puts(rows, "<TR>");
	sb_add(rows, cells->data, cells->len);
	size_t count = 0; /* the cells' text is escaped: "<TD" starts a cell */
	for (const char *at = cells->data; (at = strstr(at, "<TD")); at++)
		count++;
	for (; count < columns; count++)
		sb_puts(rows, "<TD></TD>");
	sb_puts(rows, "</TR>");
	cells->len = 0;
	cells->data[0] = '\0';
}

/*
 * The legend, as the content of a cell `width` points wide (0: any): the
 * actor kinds, tie types and confidence styles this diagram uses, and only
 * those, in one table: a row for the kinds, rows for the types, a row for
 * the confidences.
 */
static void put_legend(builder *B, strbuf *b, double width)
{
	const theme_colors *c = B->colors;
	strbuf rows; /* a row with no cell would be an error in Graphviz's HTML */
	sb_init(&rows);
	strbuf cells;
	sb_init(&cells);
	if (B->kind_used[AN_STATE])
		sb_printf(&cells, "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\"><FONT COLOR=\"%s\">State</FONT></TD>",
		          c->state_fill, c->state_line, c->text);
	if (B->kind_used[AN_STATE_ORGAN])
		sb_printf(&cells, "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\" STYLE=\"DASHED\"><FONT COLOR=\"%s\">State organ</FONT></TD>",
		          c->state_fill, c->state_line, c->text);
	if (B->kind_used[AN_NON_STATE])
		sb_printf(&cells, "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\" STYLE=\"ROUNDED\"><FONT COLOR=\"%s\">Non-state</FONT></TD>",
		          c->group_fill, c->group_line, c->text);
	if (B->kind_used[AN_INTERNATIONAL]) /* ⬡: the hexagon a cell cannot take */
		sb_printf(&cells, "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\"><FONT COLOR=\"%s\">\xE2\xAC\xA1 International</FONT></TD>",
		          c->international_fill, c->international_line, c->text);
	if (B->part_of_used)
		put_legend_cell(&cells, c->part_of, LINE_GLYPH, "part of", c->text);
	if (B->ghost_used)
		put_legend_cell(&cells, c->faded_line, LINE_GLYPH, "other periods", c->muted);
	size_t count = 0, columns = legend_columns(B, width);
	put_legend_row(&rows, &cells, columns);
	for (size_t i = 0; i < B->net->ntypes; i++) {
		if (!B->type_used[i])
			continue;
		const an_type *t = &B->net->types[i];
		if (count++ % columns == 0)
			put_legend_row(&rows, &cells, columns);
		char glyph[64];
		snprintf(glyph, sizeof glyph, "%s%s", LINE_GLYPH, arrow_glyph(type_arrowhead(B, t)));
		put_legend_cell(&cells, type_color(B, t), glyph, an_type_label(t), c->text);
	}
	put_legend_row(&rows, &cells, columns);
	for (int i = 0; i < 4; i++)
		if (B->confidence_used[i])
			put_legend_cell(&cells, c->text, CONFIDENCE_GLYPH[i],
			                an_confidence_name((an_confidence)i), c->text);
	put_legend_row(&rows, &cells, columns);
	if (rows.len) {
		sb_printf(b, "<FONT POINT-SIZE=\"%s\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">",
		          text_size(B->text_scale, SIZE_LEGEND).text);
		sb_add(b, rows.data, rows.len);
		sb_puts(b, "</TABLE></FONT>");
	}
	sb_free(&rows);
	sb_free(&cells);
}

/*
 * Widens the graph's drawing to hold a line of the title block's sources
 * `width` points wide as a browser draws it: Graphviz centres the line
 * by its own measure, and the browser's extra width all falls on its right.
 */
static void reach_out(builder *B, double width)
{
	if (B->width > 0) /* drawn for a target (else the pad is Graphviz's own, and nothing is fitted) */
		B->graph->min_width = fmax(B->graph->min_width, width * BROWSER_REACH);
}

/*
 * "Source: ..." from the sources of the ties shown, or, with --cite, the
 * numbered list: rows of the title block, each a cell `span` columns wide (1 or 2).
 */
static void put_sources(builder *B, strbuf *b, int span)
{
	const char *colspan = span > 1 ? " COLSPAN=\"2\"" : "";
	const an_network *net = B->net;
	points size = text_size(B->text_scale, SIZE_SOURCE);
	double source_points = B->text_scale * SIZE_SOURCE;
	strbuf plain;
	sb_init(&plain);
	if (B->opt->cite) {
		for (size_t i = 0; i < B->ncited; i++) {
			sb_printf(b, "<TR><TD%s ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">",
			          colspan, size.text, B->colors->muted);
			sb_printf(&plain, "[%zu] ", i + 1);
			put_source(&plain, net, net->sources[B->cited_order[i]].key.text, put_plain_text);
			reach_out(B, put_html_wrapped(b, plain.data, sources_width(B), source_points, "<BR/>"));
			plain.len = 0;
			sb_puts(b, "</FONT></TD></TR>");
		}
		sb_free(&plain);
		return;
	}
	/* The sources of the shown ties, in order of first use. */
	for (size_t i = 0; i < B->view->nlinks; i++) {
		const an_tie *t = &net->ties[net->links[B->view->links[i]].tie];
		for (size_t k = 0; k < tie_source_count(net, t); k++)
			cite(B, tie_source(net, t, k));
	}
	if (!B->ncited) {
		sb_free(&plain);
		return;
	}
	sb_puts(&plain, B->ncited > 1 ? "Sources: " : "Source: ");
	const size_t shown = 3;
	for (size_t i = 0; i < B->ncited && i < shown; i++) {
		if (i > 0)
			sb_puts(&plain, "; ");
		put_source(&plain, net, net->sources[B->cited_order[i]].key.text, put_plain_text);
	}
	if (B->ncited > shown)
		sb_printf(&plain, "; and\u00a0%zu\u00a0more", B->ncited - shown); /* kept on one line */
	sb_printf(b, "<TR><TD%s><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", colspan, size.text,
	          B->colors->muted);
	reach_out(B, put_html_wrapped(b, plain.data, sources_width(B), source_points, "<BR/>"));
	sb_puts(b, "</FONT></TD></TR>");
	sb_free(&plain);
}

/* The size a heading is measured at, in points: bold is wider, as a larger font. */
static double heading_points(const builder *B, int size, bool bold)
{
	return B->text_scale * size * (bold ? BOLD_WIDER : 1);
}

/* Points a heading's text takes on one line. */
static double heading_width(const builder *B, const char *text, int size, bool bold)
{
	return text_ems(text, strlen(text)) * heading_points(B, size, bold);
}

/*
 * A heading of the title block (title, subtitle, period), wrapped to `width`
 * points (0: any), a row per line: Graphviz sets an HTML label's lines one
 * font size apart, and a browser draws large text's lines into each other.
 */
static void put_heading(builder *B, strbuf *b, const char *text, int size, const char *color,
                        bool bold, double width)
{
	char open[96], line_break[128];
	snprintf(open, sizeof open, "<TR><TD><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s",
	         text_size(B->text_scale, size).text, color, bold ? "<B>" : "");
	const char *close = bold ? "</B></FONT></TD></TR>" : "</FONT></TD></TR>";
	snprintf(line_break, sizeof line_break, "%s%s", close, open);
	sb_puts(b, open);
	put_html_wrapped(b, text, text_width(width), heading_points(B, size, bold), line_break);
	sb_puts(b, close);
}

/* The lines text takes when wrapped to `width` points at `size` (see put_html_wrapped). */
static size_t wrapped_lines(const char *text, double width, double size)
{
	strbuf b;
	sb_init(&b);
	put_html_wrapped(&b, text, width, size, "<BR/>");
	size_t lines = 1;
	for (const char *br = b.data; (br = strstr(br, "<BR/>")); br++)
		lines++;
	sb_free(&b);
	return lines;
}

/* The headings of a title block: the title, subtitle and period, any of them NULL. */
typedef struct {
	const char *text[3];
} headings;

static const int HEADING_SIZE[3] = {SIZE_TITLE, SIZE_SUBTITLE, SIZE_PERIOD};

/*
 * Estimated heights, in points: of the headings wrapped to `width` points,
 * and of the legend's rows when it is `width` points wide.
 */
static double headings_height(const builder *B, const headings *h, double width)
{
	double height = 0;
	for (int i = 0; i < 3; i++)
		if (h->text[i])
			height += (double)wrapped_lines(h->text[i], text_width(width), heading_points(B, HEADING_SIZE[i], i == 0)) *
			          (1.2 * B->text_scale * HEADING_SIZE[i] + 4);
	return height;
}

static double legend_height(builder *B, double width)
{
	strbuf legend;
	sb_init(&legend);
	put_legend(B, &legend, width);
	size_t rows = 0;
	for (const char *row = legend.data; row && (row = strstr(row, "<TR>")); row++)
		rows++;
	sb_free(&legend);
	return (double)rows * (1.2 * B->text_scale * SIZE_LEGEND + 4);
}

/* The most of a slide's width the headings may take beside the legend. */
#define HEADINGS_BESIDE 0.55

/*
 * The width the headings take beside the legend, each on one line, when
 * that makes the title block lower than the legend under them; else 0.
 */
static double headings_beside(builder *B, const headings *h)
{
	double width = 0;
	for (int i = 0; i < 3; i++)
		if (h->text[i])
			width = fmax(width, heading_width(B, h->text[i], HEADING_SIZE[i], i == 0));
	/* The cell that holds it, and a point: a heading exactly as wide would wrap on rounding. */
	width = block_width(width) + 1;
	if (width > HEADINGS_BESIDE * B->width)
		return 0;
	double under = headings_height(B, h, B->width) + legend_height(B, B->width);
	double beside = fmax(headings_height(B, h, width), legend_height(B, B->width - width - 16));
	return beside < under ? width : 0;
}

/*
 * The title block: title, subtitle, period, legend and sources, as one
 * HTML-like label (the graph's, when `draw`). On a slide, the headings and
 * the legend side by side (a slide's height is what runs short), else the
 * legend under the headings; the sources under both.
 */
static void add_title_block(builder *B, bool draw)
{
	const an_network *net = B->net;
	const an_build_options *opt = B->opt;
	const theme_colors *c = B->colors;
	const char *title = opt->title ? opt->title : net->title.text;
	headings h = {{title, opt->title ? NULL : net->subtitle.text,
	               B->view->period_text[0] ? B->view->period_text : NULL}};
	bool slide = B->width > 0 && !opt->target->page && !opt->no_legend;
	double beside = slide && (h.text[0] || h.text[1] || h.text[2]) ? headings_beside(B, &h) : 0;
	strbuf b;
	sb_init(&b);
	sb_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
	if (beside > 0)
		sb_puts(&b, "<TR><TD VALIGN=\"MIDDLE\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
	const char *color[3] = {c->text, c->muted, c->text};
	for (int i = 0; i < 3; i++)
		if (h.text[i])
			put_heading(B, &b, h.text[i], HEADING_SIZE[i], color[i], i == 0,
			            beside > 0 ? beside : B->width);
	strbuf legend;
	sb_init(&legend);
	if (!opt->no_legend)
		/* 16 pt between the headings and the legend beside them */
		put_legend(B, &legend, beside > 0 ? B->width - beside - 16 : B->width);
	if (beside > 0) {
		sb_puts(&b, "</TABLE></TD><TD VALIGN=\"MIDDLE\">");
		sb_add(&b, legend.data, legend.len);
		sb_puts(&b, "</TD></TR>");
	} else if (legend.len) {
		sb_puts(&b, "<TR><TD>");
		sb_add(&b, legend.data, legend.len);
		sb_puts(&b, "</TD></TR>");
	}
	sb_free(&legend);
	if (!opt->no_source)
		put_sources(B, &b, beside > 0 ? 2 : 1);
	sb_puts(&b, "</TABLE>");
	B->graph->title_block = sb_take(&b, NULL);
	if (!draw)
		return;
	agset(B->g, "label", agstrdup_html(B->g, B->graph->title_block));
	if (opt->cite)
		set_attr(B->g, "labelloc", "b"); /* a report's figure: caption and sources under it */
}

/* ---------------------------------------------------------------- layout */

/*
 * Region clusters (--cluster region), each a subgraph the actors of that
 * region go into, numbered in the network's order so that a region has the
 * same name in every period.
 */
static Agraph_t *region_cluster(builder *B, size_t actor, strindex *clusters, Agraph_t ***list,
                                size_t *n)
{
	const char *region = B->net->actors[actor].region.text;
	size_t i = si_get(clusters, region);
	if (i != SIZE_MAX)
		return (*list)[i];
	size_t number = 1; /* 1 + the regions met before this one in the network */
	strindex seen;
	si_init(&seen);
	for (size_t k = 0; k < actor; k++) {
		const char *r = B->net->actors[k].region.text;
		if (r && strcmp(r, region) == 0)
			break;
		if (r && si_put(&seen, r, number) == number)
			number++;
	}
	si_free(&seen);
	char name[32];
	snprintf(name, sizeof name, "cluster_%zu", number);
	Agraph_t *sub = agsubg(B->g, name, 1);
	strbuf b;
	sb_init(&b);
	put_label_text(&b, region);
	set_taken(sub, "label", &b);
	set_attr(sub, "style", "rounded");
	set_attr(sub, "color", B->colors->part_of);
	set_attr(sub, "fontcolor", B->colors->muted);
	set_attr(sub, "labeljust", "l");
	set_attr(sub, "labelloc", "t");
	set_attr(sub, "fontsize", text_size(B->text_scale, SIZE_REGION).text);
	sb_printf(&b, "region-%zu", number);
	set_taken(sub, "id", &b);
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[*n] = sub;
	si_put(clusters, region, (*n)++);
	return sub;
}

/* part_of actors sit in the same column (rank) as their parent under dot. */
static void place_parts(builder *B, Agraph_t *const *actor_graph)
{
	const an_network *net = B->net;
	for (size_t i = 0; i < net->nactors; i++) {
		size_t parent = net->actors[i].part_of_index;
		if (!actor_graph[i] || parent == SIZE_MAX || !actor_graph[parent])
			continue; /* not both drawn */
		add_part_of(B, &net->actors[i], &net->actors[parent], ghosted(B, i) || ghosted(B, parent));
		if (actor_graph[i] != actor_graph[parent])
			continue; /* rank=same across clusters would break the clusters */
		char name[96];
		snprintf(name, sizeof name, "parts-%s", net->actors[parent].id.text);
		Agraph_t *same = agsubg(actor_graph[parent], name, 1);
		agsafeset(same, "rank", "same", "");
		agsubnode(same, agnode(B->g, net->actors[parent].id.text, 0), 1);
		agsubnode(same, agnode(B->g, net->actors[i].id.text, 0), 1);
	}
}

static void declare_attributes(Agraph_t *g, const theme_colors *c, const an_build_options *opt,
                               double text_scale)
{
	/*
	 * Every attribute is declared on the root graph before layout, with its
	 * default: Graphviz only shows later changes to attributes declared then.
	 */
	declare(g, AGRAPH, "label", "");
	declare(g, AGRAPH, "labelloc", "t");
	declare(g, AGRAPH, "fontname", FONT);
	declare(g, AGRAPH, "fontcolor", c->text);
	declare(g, AGRAPH, "rankdir", opt->vertical ? "TB" : "LR");
	/* A drawing for a target is packed: every point of a slide or page counts. */
	bool packed = opt->target != NULL;
	declare(g, AGRAPH, "nodesep", packed ? "0.15" : "0.4");
	declare(g, AGRAPH, "ranksep", packed ? "0.4" : "0.9");
	char pad[16];
	snprintf(pad, sizeof pad, "%g", packed ? AN_TARGET_PAD : 0.3);
	declare(g, AGRAPH, "pad", pad);
	declare(g, AGRAPH, "bgcolor", opt->transparent ? "transparent" : c->background);
	declare(g, AGRAPH, "outputorder", "edgesfirst");
	declare(g, AGRAPH, "overlap", "false");
	/* Labels as nodes: edges are routed around actors and labels alike, close to them. */
	declare(g, AGRAPH, "sep", opt->label_nodes ? "+4" : "+10");
	if (opt->label_nodes)
		declare(g, AGRAPH, "splines", "true");
	if (opt->tight)
		declare(g, AGRAPH, "overlap_scaling", TIGHT_SCALING);
	declare(g, AGRAPH, "charset", "UTF-8");
	declare(g, AGRAPH, "style", "");
	declare(g, AGRAPH, "color", "");
	declare(g, AGRAPH, "labeljust", "c");
	declare(g, AGRAPH, "fontsize", text_size(text_scale, SIZE_GRAPH).text);
	declare(g, AGRAPH, "id", "");
	declare(g, AGRAPH, "rank", "");
	if (opt->cluster != AN_CLUSTER_NONE)
		/*
		 * dot 2.43's ranking with clusters frees memory twice when labelled
		 * ties join clusters (gvFreeLayout after flat_edges); its newer
		 * ranking, which keeps the clusters, does not.
		 */
		declare(g, AGRAPH, "newrank", "true");
	if (opt->draft) {
		/*
		 * dot's x-positioning (network simplex) takes most of its time on
		 * large graphs: fewer iterations, a smaller search and no second
		 * crossing pass are 1.5 times faster at 5% more crossings (bench/RESULTS.md).
		 */
		declare(g, AGRAPH, "nslimit", "10");
		declare(g, AGRAPH, "searchsize", "10");
		declare(g, AGRAPH, "remincross", "false");
	}
	if (opt->target) {
		declare(g, AGRAPH, "margin", "0"); /* cairo's PDF adds half an inch each side */
		/* In inches; render.c scales the drawing to fill exactly this (see fit_to_target). */
		char size[64];
		snprintf(size, sizeof size, "%g,%g", opt->target->width / 72, opt->target->height / 72);
		declare(g, AGRAPH, "size", size);
	}

	declare(g, AGNODE, "label", "\\N");
	declare(g, AGNODE, "shape", "box");
	declare(g, AGNODE, "style", "filled");
	declare(g, AGNODE, "fillcolor", c->state_fill);
	declare(g, AGNODE, "color", c->state_line);
	declare(g, AGNODE, "fontcolor", c->text);
	declare(g, AGNODE, "fontname", FONT);
	declare(g, AGNODE, "fontsize", text_size(text_scale, SIZE_ACTOR).text);
	declare(g, AGNODE, "margin", packed ? "0.08,0.03" : "0.15,0.06");
	if (packed)
		declare(g, AGNODE, "height", "0.3");
	declare(g, AGNODE, "tooltip", "");
	declare(g, AGNODE, "id", "");
	declare(g, AGNODE, "class", "");
	declare(g, AGNODE, "URL", "");
	declare(g, AGNODE, "target", "");

	declare(g, AGEDGE, "label", "");
	declare(g, AGEDGE, "color", c->text);
	declare(g, AGEDGE, "fontcolor", c->edge_text);
	declare(g, AGEDGE, "style", "solid");
	declare(g, AGEDGE, "penwidth", "1.2");
	declare(g, AGEDGE, "arrowhead", "normal");
	declare(g, AGEDGE, "arrowtail", "none");
	declare(g, AGEDGE, "arrowsize", "0.8");
	declare(g, AGEDGE, "dir", "forward");
	declare(g, AGEDGE, "fontname", FONT);
	declare(g, AGEDGE, "fontsize", text_size(text_scale, SIZE_TIE).text);
	declare(g, AGEDGE, "tooltip", "");
	declare(g, AGEDGE, "id", "");
	declare(g, AGEDGE, "class", "");
}

an_graph *an_graph_build(const an_view *view, const an_build_options *options)
{
	static const an_build_options defaults = {0};
	const an_build_options *opt = options ? options : &defaults;
	const an_network *net = view->net;
	/*
	 * The graph's name becomes the SVG's <title> (render.c writes it again,
	 * exactly): cgraph takes a name that starts with '%' for an internal one.
	 */
	const char *title = opt->title ? opt->title : net->title.text;
	/*
	 * Graphviz writes the name into DOT as it is, quotes escaped: a
	 * backslash before a quote or the closing one would escape it ('a\'
	 * left the DOT unreadable), so that one is doubled. DOT keeps every
	 * other backslash as it is.
	 */
	strbuf name;
	sb_init(&name);
	for (const char *c = title && title[0] != '%' ? title : "network"; *c; c++) {
		if (*c == '\\' && (c[1] == '"' || c[1] == '\0'))
			sb_putc(&name, '\\');
		sb_putc(&name, *c);
	}
	static Agdisc_t disc = {&AgMemDisc, &creation_order_ids, &AgIoDisc}; /* the graph keeps it */
	Agraph_t *g = agopen(name.data, Agdirected, &disc);
	sb_free(&name);
	an_graph *graph = xcalloc(1, sizeof *graph);
	graph->g = g;
	si_init(&graph->place_of);
	builder B = {
		.g = g,
		.graph = graph,
		.view = view,
		.net = net,
		.opt = opt,
		.colors = &THEMES[opt->theme],
		.citation = xcalloc(net->nsources + 1, sizeof *B.citation),
		.cited_order = xcalloc(net->nsources + 1, sizeof *B.cited_order),
		.type_used = xcalloc(net->ntypes, sizeof *B.type_used),
		.text_scale = opt->target ? opt->target->min_text / SIZE_TIE : 1,
		.width = opt->target ? opt->target->width : 0,
	};
	declare_attributes(g, B.colors, opt, B.text_scale);

	const an_view *ghost = opt->ghost;
	Agraph_t **actor_graph = xcalloc(net->nactors + 1, sizeof *actor_graph);
	strindex clusters;
	si_init(&clusters);
	Agraph_t **cluster_list = NULL;
	size_t nclusters = 0;
	for (size_t i = 0; i < net->nactors; i++) {
		if (!view->actor_shown[i] && !(ghost && ghost->actor_shown[i]))
			continue;
		const an_actor *a = &net->actors[i];
		actor_graph[i] = g;
		if (opt->cluster == AN_CLUSTER_REGION && a->region.text)
			actor_graph[i] = region_cluster(&B, i, &clusters, &cluster_list, &nclusters);
		add_actor(&B, a, i, actor_graph[i]);
		keep_place(graph, net, a);
		graph->nodes++;
	}
	place_parts(&B, actor_graph);
	size_t ngroups;
	bool *joint = joint_ties(net);
	add_joints(&B, joint);
	tie_group *groups = group_links(view, ghost, !opt->no_merge, opt->merge_types, joint, &ngroups);
	free(joint);
	for (size_t i = 0; i < ngroups; i++) {
		add_edge(&B, &groups[i]);
		graph->edges++;
		free(groups[i].links);
		free(groups[i].key);
	}
	free(groups);
	if (!opt->bare || opt->target)
		add_title_block(&B, !opt->bare);

	si_free(&clusters);
	free(cluster_list);
	free(actor_graph);
	free(B.citation);
	free(B.cited_order);
	free(B.type_used);
	graph->title = opt->title ? opt->title : net->title.text;
	graph->description = net->description.text;
	graph->target = opt->target;
	graph->map_land = B.colors->map_land;
	graph->map_border = B.colors->map_border;
	graph->map_leader = B.colors->map_leader;
	graph->map_share = opt->map_share;
	graph->path = net->path;
	graph->period = view->period_text;
	graph->labels = opt->labels;
	graph->places_series = view->widest_names;
	graph->draws_ghosts = opt->ghost != NULL;
	return graph;
}

void an_graph_free(an_graph *graph)
{
	if (!graph)
		return;
	agclose(graph->g);
	for (size_t i = 0; i < graph->nkeyed; i++)
		free(graph->keyed[i].key);
	free(graph->keyed);
	free(graph->title_block);
	free(graph->places);
	free(graph->placed);
	si_free(&graph->place_of);
	free(graph);
}

Agedge_t *an_graph_edge(an_graph *graph, size_t i, const char **key)
{
	if (i >= graph->nkeyed)
		return NULL;
	*key = graph->keyed[i].key;
	return graph->keyed[i].e;
}

void an_graph_mark_periods(an_graph *whole, an_graph *const *periods, size_t count)
{
	strindex at;
	si_init(&at);
	for (size_t i = 0; i < whole->nkeyed; i++) {
		whole->keyed[i].periods = 0;
		si_put(&at, whole->keyed[i].key, i);
	}
	for (size_t p = 0; p < count; p++) {
		uint64_t bit = UINT64_C(1) << (p * AN_PERIOD_BITS / count);
		for (size_t k = 0; periods[p] && k < periods[p]->nkeyed; k++) {
			size_t i = si_get(&at, periods[p]->keyed[k].key);
			if (i != SIZE_MAX)
				whole->keyed[i].periods |= bit;
		}
	}
	si_free(&at);
	whole->periods_marked = count > 0;
}

uint64_t an_graph_edge_periods(const an_graph *graph, size_t i)
{
	return i < graph->nkeyed ? graph->keyed[i].periods : 0; /* 0 until marked (keep_edge) */
}

bool an_graph_has_periods(const an_graph *graph)
{
	return graph->periods_marked;
}

size_t an_graph_strands(const an_graph *graph, size_t i)
{
	return i < graph->nkeyed ? graph->keyed[i].strands : 0;
}

const char *an_graph_title_block(const an_graph *graph)
{
	return graph->title_block;
}

double an_graph_min_width(const an_graph *graph)
{
	return graph->min_width;
}

void an_graph_title_size(an_graph *graph, int width, int height)
{
	const char *html = graph->title_block;
	if (!html || strncmp(html, "<TABLE", 6) != 0)
		return;
	strbuf b;
	sb_init(&b);
	sb_puts(&b, "<TABLE");
	if (width > 0)
		sb_printf(&b, " WIDTH=\"%d\"", width);
	if (height > 0)
		sb_printf(&b, " HEIGHT=\"%d\"", height);
	sb_puts(&b, html + 6);
	char *sized = sb_take(&b, NULL);
	agset(graph->g, "label", agstrdup_html(graph->g, sized));
	free(sized);
}

const char *an_graph_description(const an_graph *graph)
{
	return graph->description;
}

const char *an_graph_title(const an_graph *graph)
{
	return graph->title;
}

const char *an_graph_period(const an_graph *graph)
{
	return graph->period;
}

an_labels an_graph_labels(const an_graph *graph)
{
	return graph->labels;
}

bool an_graph_places_series(const an_graph *graph)
{
	return graph->places_series;
}

bool an_graph_draws_ghosts(const an_graph *graph)
{
	return graph->draws_ghosts;
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
		out_of_memory();
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

const an_target *an_graph_target(const an_graph *graph)
{
	return graph->target;
}
