/* render.c: lays out and renders a built graph in-process with Graphviz's gvc (the only gvc user). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <graphviz/gvc.h>
#include <graphviz/xdot.h>

#include "geometry.h"
#include "graph.h"
#include "internal.h"
#include "map.h"
#include "pngdevice.h"
#include "textlayout.h"
#include "untangle.h"

/* The kicked searches a renderer keeps (untangle_once): a series of up to this many nudged periods searches each once. */
#define SEARCHES_KEPT 64

struct an_renderer {
	GVC_t *gvc;
	an_graph *laid_out; /* Graphviz caches attributes of the last layout only */
	char engine[16];    /* of the last layout */
	double layout_dpi;  /* the dpi the last layout was made for; 0 = Graphviz's default */
	double layout_fit;  /* how the last layout was fitted to its target (see layout_at) */
	FILE *caught;       /* standard error while Graphviz runs (see catch_stderr); NULL: not caught */
	/*
	 * The last SEARCHES_KEPT kicked searches (untangle_layout) and map
	 * untanglings (untangle_map): each start, byte for byte, and the
	 * places found. A fitted layout is laid out twice, seeded, from the
	 * same start; a series' nudged periods once to fit, then again to be
	 * drawn; a map's actors once for each trial of a fit.
	 */
	struct kept_search {
		strbuf from;
		double *places;
	} searches[SEARCHES_KEPT];
	size_t nsearches; /* made so far: the next replaces searches[nsearches % SEARCHES_KEPT] */
	double drawn_scale; /* the scale the last layout is drawn at on its target; 0: not fitted */
	/*
	 * The packed engine's start for a graph with label nodes (see
	 * layout_packed): searched when a drawing is laid out to be drawn,
	 * kept for its layouts again (measured, routed, at another dpi)
	 * while `seeded` is the graph laid out; 0: none.
	 */
	unsigned packed_seed;
	const an_graph *seeded;
	an_layout_watch watch; /* told of each layout; NULL: none */
	void *watch_context;
	/*
	 * Whether layouts have pango measure every text (an_renderer_will_rasterize),
	 * and whether the last one did: cairo draws only pango's layouts of texts.
	 */
	bool pango_text, laid_out_with_pango;
	/* Whether the last drawing laid out hid its crowded labels: hidden again when laid out anew. */
	bool hides_labels;
	/*
	 * The last map laid out (AN_ENGINE_MAP), for a series' placement
	 * (an_place): the outlines' xdot and how many shapes they are, each
	 * node's leader line (NULL: none), in node order, the map's box (the
	 * drawing but its title block) and the theme's colours.
	 */
	char *map_outline_xdot, **map_leader_xdot;
	size_t map_outline_shapes, map_nodes;
	boxf map_box;
	map_colors map_colors;
	/* The last outlines drawn, and what they were drawn for (a fit tries one frame and crop again and again). */
	strbuf outlines_for;
	char *outlines;
	size_t outlines_shapes;
};

static void forget_map(an_renderer *r);

/* How a layout is fitted to its graph's target: not at all, to fill it, or (> 0) at a given scale. */
#define FIT_NONE (-1.0)
#define FIT_FILL 0.0
/* Laid out again as it was fitted last time (its pad and size are set): no measuring first. */
#define FIT_KEPT (-2.0)

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

/* At most this much of what is caught from standard error is kept, per Graphviz call. */
#define CAUGHT_MAX 8192

/*
 * Graphviz's plugins and the libraries under them (cairo, pango, fontconfig)
 * also print straight to standard error, past agerr: while Graphviz runs,
 * standard error is a temporary file, whose lines join graphviz_messages as
 * warnings. Returns the descriptor to restore, or -1 when nothing is caught.
 */
static int catch_stderr(an_renderer *r)
{
	if (!r->caught)
		return -1;
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	if (saved >= 0 && dup2(fileno(r->caught), STDERR_FILENO) < 0) {
		close(saved);
		saved = -1;
	}
	return saved;
}

static void release_stderr(an_renderer *r, int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	int fd = fileno(r->caught);
	char text[CAUGHT_MAX + 1];
	ssize_t got = pread(fd, text, CAUGHT_MAX, 0);
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
		fclose(r->caught); /* not emptied: not used again */
		r->caught = NULL;
	}
	if (got <= 0)
		return;
	text[got] = '\0';
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		/* A plugin names the program as Graphviz's command name, which a library has not. */
		if (strncmp(line, "(null): ", 8) == 0)
			line += 8;
		if (strspn(line, " \t\r") < strlen(line))
			sb_printf(&graphviz_messages, "Warning: %s\n", line);
	}
}

/*
 * A layout's coordinates, to 1/2^SNAP_BITS of a point. sfdp's layouts and
 * nop's overlap removal (packed_start) differ from run to run in their last
 * bits, about 1e-11 pt (heap addresses, which the timing of pango's font
 * threads changes, order some of their sums): cairo places a glyph from
 * those bits, and a PNG's text moved by a pixel in one run of two. Snapped
 * to a millionth of a point, far below anything drawn, a layout keeps its
 * choices (snapped to 1/1024 pt, near-equal ones went the other way: the
 * shipped network's 2020s slide of a series ran a tie through another's
 * label; at 2^-20 only a value on the edge of the SVG's 2-decimal rounding
 * may print a step apart); the noise crosses a step about once in 50,000
 * coordinates, moving that one by a millionth. (fdp is beyond this: the
 * noise grows through its iterations into another drawing.)
 */
#define SNAP_BITS 20

static double snapped(double v)
{
	return ldexp(round(ldexp(v, SNAP_BITS)), -SNAP_BITS);
}

static void snap_point(pointf *p)
{
	*p = (pointf){snapped(p->x), snapped(p->y)};
}

static void snap_label(textlabel_t *label)
{
	if (label)
		snap_point(&label->pos);
}

static void snap_box(boxf *box)
{
	snap_point(&box->LL);
	snap_point(&box->UR);
}

static void snap_clusters(Agraph_t *g)
{
	for (int c = 1; c <= GD_n_cluster(g); c++) {
		Agraph_t *sub = GD_clust(g)[c];
		snap_box(&GD_bb(sub));
		snap_label(GD_label(sub));
		snap_clusters(sub);
	}
}

static void snap_layout(Agraph_t *g)
{
	snap_box(&GD_bb(g));
	snap_label(GD_label(g));
	snap_clusters(g);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		snap_point(&ND_coord(n));
		snap_label(ND_label(n));
		snap_label(ND_xlabel(n));
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			for (int b = 0; ED_spl(e) && b < ED_spl(e)->size; b++) {
				bezier *bz = &ED_spl(e)->list[b];
				for (int k = 0; k < bz->size; k++)
					snap_point(&bz->list[k]);
				snap_point(&bz->sp);
				snap_point(&bz->ep);
			}
			snap_label(ED_label(e));
			snap_label(ED_xlabel(e));
			snap_label(ED_head_label(e));
			snap_label(ED_tail_label(e));
		}
	}
}

static int layout_caught(an_renderer *r, Agraph_t *g, const char *engine)
{
	/* nop and nop2 keep the places they are given: nothing to wait for. */
	bool watched = r->watch && strncmp(engine, "nop", 3) != 0;
	size_t nodes = (size_t)agnnodes(g), edges = (size_t)agnedges(g);
	double estimate = watched ? an_layout_estimate(engine, nodes, edges) : 0;
	if (watched)
		r->watch(r->watch_context, engine, nodes, edges, estimate, false);
	int saved = catch_stderr(r);
	an_text_with_pango(r->pango_text);
	int rc = gvLayout(r->gvc, g, engine);
	r->laid_out_with_pango = r->pango_text;
	if (rc == 0 && strcmp(engine, "dot") != 0 && strncmp(engine, "nop", 3) != 0)
		snap_layout(g); /* dot's layouts are the same each time; nop keeps places given */
	release_stderr(r, saved);
	if (watched)
		r->watch(r->watch_context, engine, nodes, edges, estimate, true);
	return rc;
}

void an_renderer_will_rasterize(an_renderer *r)
{
	r->pango_text = true;
}

void an_renderer_watch(an_renderer *r, an_layout_watch watch, void *context)
{
	r->watch = watch;
	r->watch_context = context;
}

/*
 * dot's seconds for c ties beyond a tree: e^DOT_COST_LOG × c^DOT_COST_POWER,
 * fitted to dot's layouts of gen_network.py networks of 40 to 400 actors
 * and 80 to 600 ties (README "Layout engines"); off by up to 4 times on a
 * given graph, since dot's work depends on the ranks its ties span.
 */
#define DOT_COST_LOG (-18.2)
#define DOT_COST_POWER 3.92

double an_layout_estimate(const char *engine, size_t nodes, size_t edges)
{
	if (strcmp(engine, "dot") != 0 || edges <= nodes)
		return 0;
	return exp(DOT_COST_LOG + DOT_COST_POWER * log((double)(edges - nodes)));
}

/* Whether `bytes` of address space are free (reserved, never touched, and released). */
static bool room_to_draw(double bytes)
{
	if (bytes >= (double)SIZE_MAX)
		return false;
	void *room = mmap(NULL, (size_t)bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (room == MAP_FAILED)
		return false;
	munmap(room, (size_t)bytes);
	return true;
}

an_renderer *an_renderer_new(an_diags *diags)
{
	if (!room_to_draw(AN_RENDER_HEADROOM)) {
		an_error(diags, (an_pos){0, 0},
		         "out of memory: drawing needs %u MiB, more than the memory limit (ulimit -v) leaves",
		         AN_RENDER_HEADROOM >> 20);
		return NULL;
	}
	an_renderer *r = xcalloc(1, sizeof *r);
	agseterrf(collect_message);
	agseterr(AGWARN);
	r->caught = tmpfile();
	int saved = catch_stderr(r);
	r->gvc = an_text_context();
	release_stderr(r, saved);
	if (!r->gvc) {
		an_error(diags, (an_pos){0, 0}, "cannot start Graphviz");
		if (r->caught)
			fclose(r->caught);
		free(r);
		return NULL;
	}
	an_add_png_device(r->gvc);
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
	an_text_release();
	forget_map(r);
	sb_free(&r->outlines_for);
	free(r->outlines);
	if (r->caught)
		fclose(r->caught);
	sb_free(&graphviz_messages);
	for (size_t i = 0; i < SEARCHES_KEPT; i++) {
		sb_free(&r->searches[i].from);
		free(r->searches[i].places);
	}
	free(r);
}

/* dot reads best for who-supports-whom, but its cost explodes on dense graphs. */
const char *an_layout_auto(size_t nodes, size_t edges)
{
	if (edges <= AN_DOT_MAX_EDGES && edges <= nodes + AN_DOT_MAX_CYCLES)
		return "dot";
	return "sfdp";
}

/* The pad round a drawing for a target, in points; routes may take it (see center_on_canvas). */
#define TARGET_PAD_PT (AN_TARGET_PAD * 72)

/* The size of a drawing for a target whose layout's box is bb, in points, with `pad` points round it. */
static void box_drawing_size(boxf bb, double pad, double *width, double *height)
{
	*width = bb.UR.x - bb.LL.x + 2 * pad;
	*height = bb.UR.y - bb.LL.y + 2 * pad;
}

/* The size of the drawing for a target laid out last (see box_drawing_size), its least width kept. */
static void drawing_size(an_graph *graph, double pad, double *width, double *height)
{
	box_drawing_size(GD_bb(an_graph_cgraph(graph)), pad, width, height);
	*width = fmax(*width, an_graph_min_width(graph) + 2 * pad);
}

/* The scale at which a drawing of this size fills a target, at most AN_MAX_GROWTH. */
static double filling_scale(const an_target *t, double width, double height)
{
	return fmin(AN_MAX_GROWTH, fmin(t->width / width, t->height / height));
}

/*
 * Edges routed around obstacles (splines=true) cost neato eight times its
 * layout and hardly change its size: a layout made only to be measured
 * draws them straight. Returns the routing to give back with restore_routing
 * (NULL: nothing to give back). dot routes its edges its own way.
 */
static char *straight_edges(Agraph_t *g, const char *engine)
{
	Agsym_t *splines = agattr(g, AGRAPH, "splines", NULL);
	if (!splines || strcmp(engine, "dot") == 0)
		return NULL;
	char *routing = xstrdup(agxget(g, splines));
	agxset(g, splines, "false");
	return routing;
}

static void restore_routing(Agraph_t *g, char *routing)
{
	if (routing)
		agxset(g, agattr(g, AGRAPH, "splines", NULL), routing);
	free(routing);
}

/* Puts a node at (x, y) points for the nop engine. */
static void place_node(Agraph_t *g, Agnode_t *n, double x, double y)
{
	Agsym_t *pos = agattr(g, AGNODE, "pos", NULL);
	if (!pos)
		pos = agattr(g, AGNODE, "pos", "");
	char value[64];
	snprintf(value, sizeof value, "%.2f,%.2f", x, y);
	agxset(n, pos, value);
}

static bool measure_title(an_renderer *r, Agraph_t *cg, const char *label, bool html, int *width,
                          int *height, an_diags *diags);

/* Graphviz sets a graph's label 8 pt from the drawing, on each side: 16 pt more than the label. */
#define LABEL_GAP 16

/*
 * The height of the title block of a bare graph (see an_graph_title_block),
 * with Graphviz's 8 pt above and below, in points; 0 with none. Measured
 * in a graph of its own: call it with no layout under way.
 */
static bool bare_title_height(an_renderer *r, an_graph *graph, double *height)
{
	const char *block = an_graph_title_block(graph);
	*height = 0;
	if (!block)
		return true;
	int w = 0, h = 0;
	an_diags unused;
	an_diags_init(&unused);
	bool ok = measure_title(r, an_graph_cgraph(graph), block, true, &w, &h, &unused);
	an_diags_free(&unused);
	*height = h + LABEL_GAP;
	return ok;
}

/* The index of n in nodes, which are sorted by AGSEQ; count if it is not there. */
static size_t node_index(Agnode_t **nodes, size_t count, Agnode_t *n)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (AGSEQ(nodes[mid]) < AGSEQ(n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < count && nodes[lo] == n ? lo : count;
}

/* Nodes closer than this, in points, are moved apart before nop's overlap removal. */
#define DISTINCT_PLACES 0.5

/*
 * Scales the places `at` of g's nodes (in agfstnode order) by sx, sy, puts
 * each label node (tie.KEY, one edge in and one out) in the middle of its
 * tie, and moves apart nodes that would share a place, across their tie
 * for a label: the labels of A -> B and B -> A both start in the middle.
 * Graphviz 2.43's prism overlap removal triangulates the places with GTS,
 * which frees memory twice or loops on points that coincide: a crash or
 * hang in about 1 run of 15 of one focus of tests/fixtures/crowded.yaml,
 * varying with where the system puts the heap.
 */
static void squeeze_and_centre_labels(Agraph_t *g, pointf *at, size_t count, double sx, double sy)
{
	Agnode_t **nodes = xcalloc(count + 1, sizeof *nodes);
	pointf *away = xcalloc(count + 1, sizeof *away);
	size_t i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		nodes[i] = n;
		at[i].x *= sx;
		at[i].y *= sy;
		away[i] = (pointf){0, DISTINCT_PLACES};
	}
	/* agfstnode goes in creation order: the nodes are sorted by AGSEQ. */
	for (i = 0; i < count; i++) {
		Agedge_t *in = agfstin(g, nodes[i]), *out = agfstout(g, nodes[i]);
		if (strncmp(agnameof(nodes[i]), "tie.", 4) != 0 || !in || !out)
			continue;
		size_t from = node_index(nodes, count, agtail(in)), to = node_index(nodes, count, aghead(out));
		if (from == count || to == count)
			continue;
		at[i] = (pointf){(at[from].x + at[to].x) / 2, (at[from].y + at[to].y) / 2};
		double dx = at[to].x - at[from].x, dy = at[to].y - at[from].y, d = hypot(dx, dy);
		if (d > 0)
			away[i] = (pointf){-dy / d * DISTINCT_PLACES, dx / d * DISTINCT_PLACES};
	}
	for (i = 1; i < count; i++)
		for (size_t j = 0; j < i; j++)
			if (fabs(at[i].x - at[j].x) < DISTINCT_PLACES && fabs(at[i].y - at[j].y) < DISTINCT_PLACES) {
				at[i].x += away[i].x;
				at[i].y += away[i].y;
				j = (size_t)-1; /* from the start again: the new place may meet another */
			}
	free(away);
	free(nodes);
}

/* Times the packed drawing's shape may differ from the target's; the layouts tried to get there. */
#define SHAPE_TOLERANCE 1.05
#define SHAPE_ROUNDS 2

/* The width of the box of g's laid-out nodes over its height (0 for none). */
static double nodes_shape(Agraph_t *g)
{
	boxf box = EMPTY_BOX;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		boxf b = node_box(n, 0);
		box_hold(&box, b.LL), box_hold(&box, b.UR);
	}
	double h = box.UR.y - box.LL.y;
	return h > 0 ? (box.UR.x - box.LL.x) / h : 0;
}

static an_faults count_faults(Agraph_t *g);

/* Whether a subgraph is a region box: Graphviz draws those named "cluster...". */
static bool is_cluster(Agraph_t *sub)
{
	return strncmp(agnameof(sub), "cluster", 7) == 0;
}

/* Room the untangling keeps between actors, in points (the packed engine's sep). */
#define UNTANGLE_GAP 4.0
/* Graphs larger than this are not untangled: a sweep costs O(actors² · ties · degree), 0.1 s at 60 actors and 200 ties. */
#define UNTANGLE_MAX_NODES 100
#define UNTANGLE_MAX_EDGES 400

/* The actors of a graph's layout and its edges drawn straight, as untangle.c takes them. */
typedef struct {
	an_tangle t;
	double *x, *y, *width, *height;
	size_t (*ends)[2];
	uint64_t *periods; /* the periods of a stable series' edges, or NULL */
} layout_tangle;

/*
 * The tangle of graph's layout: every actor stays within the box the actors
 * take now (the frame; a caller may widen it), so the title block keeps its
 * place.
 */
static void tangle_open(layout_tangle *lt, an_graph *graph)
{
	Agraph_t *g = an_graph_cgraph(graph);
	size_t count = (size_t)agnnodes(g), nties = (size_t)agnedges(g);
	lt->x = xcalloc(count + 1, sizeof *lt->x);
	lt->y = xcalloc(count + 1, sizeof *lt->y);
	lt->width = xcalloc(count + 1, sizeof *lt->width);
	lt->height = xcalloc(count + 1, sizeof *lt->height);
	lt->ends = xcalloc(nties + 1, sizeof *lt->ends);
	lt->periods = NULL;
	size_t *index = an_node_indexes(g), i = 0, t = 0;
	double frame[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		pointf at = hundredth(ND_coord(n));
		lt->x[i] = at.x;
		lt->y[i] = at.y;
		lt->width[i] = ND_width(n) * 72;
		lt->height[i] = ND_height(n) * 72;
		frame[0] = fmin(frame[0], lt->x[i] - lt->width[i] / 2);
		frame[1] = fmin(frame[1], lt->y[i] - lt->height[i] / 2);
		frame[2] = fmax(frame[2], lt->x[i] + lt->width[i] / 2);
		frame[3] = fmax(frame[3], lt->y[i] + lt->height[i] / 2);
	}
	/* A stable series' edges by sequence number: their periods (an edge without shows in all). */
	uint64_t *periods_of = NULL;
	IDTYPE last_edge = 0;
	const char *key;
	Agedge_t *e;
	for (size_t k = 0; an_graph_has_periods(graph) && (e = an_graph_edge(graph, k, &key)); k++)
		last_edge = AGSEQ(e) > last_edge ? AGSEQ(e) : last_edge;
	if (last_edge > 0) {
		periods_of = xcalloc((size_t)last_edge + 1, sizeof *periods_of);
		for (size_t k = 0; (e = an_graph_edge(graph, k, &key)); k++)
			periods_of[AGSEQ(e)] = an_graph_edge_periods(graph, k);
		lt->periods = xcalloc(nties + 1, sizeof *lt->periods);
	}
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e; e = agnxtout(g, e), t++) {
			lt->ends[t][0] = index[AGSEQ(agtail(e))];
			lt->ends[t][1] = index[AGSEQ(aghead(e))];
			if (lt->periods)
				lt->periods[t] = AGSEQ(e) <= last_edge && periods_of[AGSEQ(e)] ? periods_of[AGSEQ(e)] : UINT64_MAX;
		}
	lt->t = (an_tangle){count, lt->x, lt->y, lt->width, lt->height, t, (const size_t(*)[2])lt->ends,
	                    {frame[0], frame[1], frame[2], frame[3]}, UNTANGLE_GAP, lt->periods, 0, 0, 0};
	free(periods_of);
	free(index);
}

static void tangle_close(layout_tangle *lt)
{
	free(lt->x);
	free(lt->y);
	free(lt->width);
	free(lt->height);
	free(lt->ends);
	free(lt->periods);
}

/* Everything an_untangle reads of t, as bytes: two searches from equal starts find the same places. */
static void tangle_bytes(const an_tangle *t, strbuf *b)
{
	sb_init(b);
	sb_add(b, (const char *)&t->count, sizeof t->count);
	sb_add(b, (const char *)&t->nties, sizeof t->nties);
	sb_add(b, (const char *)t->frame, sizeof t->frame);
	sb_add(b, (const char *)&t->gap, sizeof t->gap);
	sb_add(b, (const char *)&t->kicks, sizeof t->kicks);
	sb_add(b, (const char *)&t->reach, sizeof t->reach);
	sb_add(b, (const char *)&t->tie_room, sizeof t->tie_room);
	const double *numbers[4] = {t->x, t->y, t->width, t->height};
	for (int k = 0; k < 4; k++)
		sb_add(b, (const char *)numbers[k], t->count * sizeof *numbers[k]);
	sb_add(b, (const char *)t->ends, t->nties * sizeof *t->ends);
	if (t->periods)
		sb_add(b, (const char *)t->periods, t->nties * sizeof *t->periods);
}

/* The places (x, y pairs) one of r's last searches found from the start `from` (its bytes), or NULL. */
static const double *kept_places(const an_renderer *r, const strbuf *from)
{
	for (size_t k = 0; k < SEARCHES_KEPT; k++) {
		const struct kept_search *kept = &r->searches[k];
		if (kept->places && from->len == kept->from.len && memcmp(from->data, kept->from.data, from->len) == 0)
			return kept->places;
	}
	return NULL;
}

/* Keeps the places (count x, y pairs) a search found from `from` (taken over), in place of the oldest kept. */
static void keep_places(an_renderer *r, strbuf *from, const double *places, size_t count)
{
	struct kept_search *kept = &r->searches[r->nsearches++ % SEARCHES_KEPT];
	sb_free(&kept->from);
	kept->from = *from;
	free(kept->places);
	kept->places = xcalloc(2 * count + 1, sizeof *kept->places);
	memcpy(kept->places, places, 2 * count * sizeof *places);
}

/*
 * Untangles t, or gives the places one of r's last searches found from the
 * same start: kicks take seconds, and a layout may be made twice.
 */
static size_t untangle_once(an_renderer *r, an_tangle *t)
{
	strbuf start;
	tangle_bytes(t, &start);
	size_t moved = 0;
	const double *kept = kept_places(r, &start);
	if (kept) {
		for (size_t i = 0; i < t->count; i++) {
			moved += t->x[i] != kept[2 * i] || t->y[i] != kept[2 * i + 1];
			t->x[i] = kept[2 * i];
			t->y[i] = kept[2 * i + 1];
		}
		sb_free(&start);
		return moved;
	}
	moved = an_untangle(t);
	double *places = xcalloc(2 * t->count + 1, sizeof *places);
	for (size_t i = 0; i < t->count; i++) {
		places[2 * i] = t->x[i];
		places[2 * i + 1] = t->y[i];
	}
	keep_places(r, &start, places, t->count);
	free(places);
	return moved;
}

/*
 * A period cropped from a packed placement is nudged (untangle_layout):
 * its actors move, each at most NUDGE_REACH points either way, where the
 * period's own straight ties cross less, or where two actors a tie joins
 * get NUDGE_TIE_ROOM between them (the placement packs them 4 pt apart,
 * the tie a bare arrowhead); none moves nearer than that to an actor it
 * has a tie with. The placement untangles the periods together, and each
 * alone crossed more than dot drawing it afresh: on eight generated 20- to
 * 30-actor networks by decade, slide and A4, 26 of 128 decades, 49
 * crossings (dot 22); nudged (and kept where no worse as drawn), none, 5
 * crossings, ties shorter than 8 pt 140 -> 17 of 1434, and 4.1 % of pairs
 * of actors change sides (on three of the networks). Fewer kicks or a
 * shorter reach cross more (100 pt: 13 decades); an unbounded reach moves
 * actors twice as much.
 */
#define NUDGE_REACH 150.0
#define NUDGE_TIE_ROOM 20.0
#define NUDGE_KICKS 20

/*
 * The actors of graph's layout swapped or moved where their straight edges
 * then cross less (untangle.c), in the periods that will draw them for a
 * stable series' placement, and edges drawn straight again; to `nudge` a
 * period of a series, each only a little (NUDGE_REACH, NUDGE_TIE_ROOM).
 * Not with ties' label nodes (each sits in the middle of its tie; an
 * event's node is placed like an actor). With kicks, r keeps the search.
 */
static void untangle_layout(an_renderer *r, an_graph *graph, size_t kicks, bool nudge)
{
	Agraph_t *g = an_graph_cgraph(graph);
	size_t count = (size_t)agnnodes(g), nties = (size_t)agnedges(g);
	size_t fewest = nudge ? 2 : 4; /* actors to cross: four; to cramp a tie: two */
	if (count < fewest || count > UNTANGLE_MAX_NODES || nties > UNTANGLE_MAX_EDGES ||
	    (nudge ? an_has_tie_label_nodes(g) : an_joins_label_nodes(g)))
		return;
	layout_tangle lt;
	tangle_open(&lt, graph);
	lt.t.kicks = kicks;
	if (nudge) {
		lt.t.reach = NUDGE_REACH;
		lt.t.tie_room = NUDGE_TIE_ROOM;
		/*
		 * Where no ties can cross, the picture may grow by the room a tie
		 * needs (elsewhere growing let more decades cross than dot's).
		 */
		double grow = count < 4 ? NUDGE_TIE_ROOM : 0;
		lt.t.frame[0] -= grow;
		lt.t.frame[1] -= grow;
		lt.t.frame[2] += grow;
		lt.t.frame[3] += grow;
	}
	if ((kicks > 0 ? untangle_once(r, &lt.t) : an_untangle(&lt.t)) > 0) {
		size_t i = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++)
			ND_coord(n) = (pointf){lt.x[i], lt.y[i]};
		an_draw_straight(g);
	}
	tangle_close(&lt);
}

/*
 * How much g's layout crosses: its edges' crossings as drawn, or for a
 * stable series' placement, straight, summed over the periods that draw them.
 */
static size_t layout_crossings(an_graph *graph)
{
	if (!an_graph_has_periods(graph))
		return count_faults(an_graph_cgraph(graph)).crossings;
	layout_tangle lt;
	tangle_open(&lt, graph);
	size_t crossings = an_tangle_crossings(&lt.t);
	tangle_close(&lt);
	return crossings;
}

/*
 * One start of the packed engine (see layout_packed): sfdp's places from
 * `seed`, squeezed to the target's shape below the title block (*title
 * points high; measured first when negative), nop's overlap removal, and
 * the actors untangled if asked, edges straight. Leaves g laid out, unless
 * it fails.
 */
static int packed_start(an_renderer *r, an_graph *graph, unsigned seed, double *title, bool untangle)
{
	Agraph_t *g = an_graph_cgraph(graph);
	Agsym_t *pos = agattr(g, AGNODE, "pos", NULL);
	for (Agnode_t *n = agfstnode(g); n && pos; n = agnxtnode(g, n))
		agxset(n, pos, ""); /* sfdp would start from an earlier layout's places */
	char *routing = straight_edges(g, "sfdp");
	/*
	 * sfdp's coarsening and nop's overlap removal draw from rand(): seeded,
	 * the same graph gets the same drawing whatever was laid out before it
	 * (the fit's trials, other periods, other processes).
	 */
	srand(seed);
	int rc = layout_caught(r, g, "sfdp");
	restore_routing(g, routing);
	if (rc != 0)
		return rc;
	size_t count = (size_t)agnnodes(g), i = 0;
	pointf *at = xcalloc(count + 1, sizeof *at);
	boxf box = EMPTY_BOX;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		at[i] = ND_coord(n);
		box_hold(&box, at[i]);
	}
	bool labelled = GD_label(g) != NULL;
	if (*title < 0 && labelled)
		*title = GD_label(g)->dimen.y + LABEL_GAP;
	gvFreeLayout(r->gvc, g);
	if (*title < 0 && !bare_title_height(r, graph, title)) {
		free(at);
		return -1;
	}
	/* The drawing's shape, as the target's below the title block: squeezed, never stretched. */
	const an_target *t = an_graph_target(graph);
	double w = box.UR.x - box.LL.x, h = box.UR.y - box.LL.y, sx = 1, sy = 1, want = 0;
	if (t && w > 0 && h > 0 && t->height > *title + 72) {
		want = t->width / (t->height - *title);
		double have = w / h;
		if (have < want)
			sy = have / want;
		else
			sx = want / have;
	}
	routing = straight_edges(g, "nop");
	pointf *placed = xcalloc(count + 1, sizeof *placed);
	for (int round = 0;; round++) {
		memcpy(placed, at, count * sizeof *at);
		squeeze_and_centre_labels(g, placed, count, sx, sy);
		i = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++)
			place_node(g, n, placed[i].x, placed[i].y);
		srand(seed);
		rc = layout_caught(r, g, "nop");
		if (rc == 0)
			snap_layout(g); /* its overlap removal's noise */
		/*
		 * Removing overlaps pushes wide actors apart sideways more than
		 * up and down: the shape it gives is squeezed again towards the
		 * target's, from sfdp's places, while that brings it closer.
		 */
		double have = rc == 0 && want > 0 ? nodes_shape(g) : 0;
		if (round + 1 >= SHAPE_ROUNDS || have <= 0 || fabs(log(have / want)) < log(SHAPE_TOLERANCE))
			break;
		gvFreeLayout(r->gvc, g);
		if (have > want)
			sx *= want / have;
		else
			sy *= have / want;
	}
	restore_routing(g, routing);
	free(placed);
	free(at);
	if (rc == 0 && untangle)
		untangle_layout(r, graph, 0, false);
	return rc;
}

/*
 * sfdp's drawing of a graph depends much on where its coarsening starts:
 * crossings from one seed to the next, 79 to 194 on a 30-actor graph. A
 * graph of at most this many actors is laid out from this many seeds, and
 * drawn from the one whose straight edges, untangled, cross least of those
 * legible on its target (else the one with the largest text). With labels
 * as nodes, whose halves cross otherwise once routed, the one that crosses
 * least routed, from LABEL_NODE_STARTS, and only for the drawing, not for
 * the fit's trials (routed each time, they took 4 times as long): a
 * 20-actor, 50-tie network on a slide crossed 54 times instead of 82 from
 * three, in 0.7 s instead of 0.6 (a series' placement with labels as
 * nodes keeps one start). A stable series'
 * placement, from the one whose periods cross least in all (twelve seeds
 * instead of three gave 5 % fewer crossings, and no fewer drawings that
 * cross more than dot). Chosen instead by what the untangling weighs (runs
 * through actors too), the drawings crossed more once routed: on eight
 * generated 20- to 30-actor networks, whole and by decade, 75 of 144
 * drawings failed against 66.
 */
#define PACKED_STARTS 3
#define PACKED_STARTS_NODES 36
/*
 * A drawing with labels as nodes is searched from twice as many: the
 * 20-actor network on a slide, since routing judges crossings where they
 * lie (54 above), crossed 53 times from three starts, 40 from
 * six (dot's drawing of it: 40), in 1.0 s instead of 0.7; the shipped
 * network's slide took 0.6 s instead of 0.35.
 */
#define LABEL_NODE_STARTS 6
#define MOST_STARTS (LABEL_NODE_STARTS > PACKED_STARTS ? LABEL_NODE_STARTS : PACKED_STARTS)

/*
 * A stable series' placement is searched further, from the best start
 * (untangle.c's kicks): on eight generated 20- to 30-actor networks by
 * decade, 120 kicks cut the periods' crossings from 122 to 46 (dot, each
 * decade on its own: 24) and the drawings that cross more than dot from 51
 * of 128 to 24 (30 kicks: 68 crossings, 47 drawings), for 1.1 s more on a
 * 30-actor, 80-tie series (2.5 s in all; the search is made once, see
 * untangle_once). A kick's cost grows with actors times ties: larger
 * graphs get fewer, so that the search takes about as long (and none past
 * UNTANGLE_MAX_NODES, UNTANGLE_MAX_EDGES).
 */
#define SERIES_KICKS 120
#define SERIES_KICKS_SIZE 2400 /* actors × ties of a graph that gets all of them */

static size_t series_kicks(Agraph_t *g)
{
	size_t size = (size_t)agnnodes(g) * (size_t)agnedges(g);
	return size <= SERIES_KICKS_SIZE ? SERIES_KICKS : SERIES_KICKS * SERIES_KICKS_SIZE / size;
}

/*
 * The box g's laid-out drawing (its title block too) may grow to as its
 * edges are routed, on its target, before its text would shrink under the
 * target's minimum (scale 1; the pad gives way first, see
 * center_on_canvas). Any, without a target.
 */
static boxf route_room(an_graph *graph)
{
	const an_target *t = an_graph_target(graph);
	if (!t)
		return AN_ANY_ROOM;
	boxf bb = GD_bb(an_graph_cgraph(graph));
	pointf centre = {(bb.LL.x + bb.UR.x) / 2, (bb.LL.y + bb.UR.y) / 2};
	return box_around(centre, fmax(t->width, bb.UR.x - bb.LL.x), fmax(t->height, bb.UR.y - bb.LL.y), 0);
}

/*
 * What g's layout with label nodes costs once its edges are routed (see
 * route_room): its lines through actors and labels and long ways round,
 * each worth as much as a crossing of every pair of edges, and its
 * crossings. The edges are left straight, the nodes' places rounded.
 */
static size_t routed_cost(an_graph *graph)
{
	Agraph_t *g = an_graph_cgraph(graph);
	an_route_edges(g, route_room(graph));
	an_faults faults = count_faults(g);
	an_draw_straight(g);
	return (faults.through + faults.detours) * ((size_t)agnedges(g) * (size_t)agnedges(g) + 1) + faults.crossings;
}

/*
 * AN_ENGINE_PACKED: sfdp places the actors (edges straight), the places are
 * squeezed to the target's shape (below its title block) and each label
 * node moved to the middle of its tie, then Graphviz's nop engine removes
 * the overlaps this made, which packs the drawing, and the edges are
 * routed around actors and labels. Measured on 30- to 60-actor networks, it gives
 * the largest text on a slide or a page (bench/READABILITY.md).
 */
static int layout_packed(an_renderer *r, an_graph *graph, bool drawing)
{
	Agraph_t *g = an_graph_cgraph(graph);
	if (!agattr(g, AGRAPH, "K", NULL))
		agattr(g, AGRAPH, "K", "0.4"); /* the spring length, in inches, it was measured with */
	const an_target *t = an_graph_target(graph);
	bool label_nodes = an_joins_label_nodes(g), few = an_graph_nodes(graph) <= PACKED_STARTS_NODES;
	unsigned starts = few && !label_nodes ? PACKED_STARTS : 1, best = 1;
	if (few && label_nodes && !an_graph_places_series(graph)) {
		if (r->seeded == graph && r->packed_seed > 0)
			best = r->packed_seed;
		else if (drawing)
			starts = LABEL_NODE_STARTS;
	}
	/*
	 * Untangling keeps the box the actors take: a layout only measured
	 * (edges straight) needs it only to choose among starts as the drawing will.
	 */
	Agsym_t *splines = agattr(g, AGRAPH, "splines", NULL);
	bool routed = splines && strcmp(agxget(g, splines), "true") == 0, untangle = routed || starts > 1;
	double title = -1, scale[MOST_STARTS] = {0};
	size_t crossings[MOST_STARTS] = {0};
	for (unsigned seed = 1; starts > 1 && seed <= starts; seed++) {
		int rc = packed_start(r, graph, seed, &title, untangle);
		if (rc != 0)
			return rc;
		double width, height;
		drawing_size(graph, TARGET_PAD_PT, &width, &height);
		scale[seed - 1] = t ? filling_scale(t, width, height) : 1;
		crossings[seed - 1] = label_nodes ? routed_cost(graph) : layout_crossings(graph);
		if (seed < starts)
			gvFreeLayout(r->gvc, g);
	}
	/* Of the starts legible on the target, the one that crosses least; else the largest. */
	bool legible[MOST_STARTS] = {false};
	for (unsigned k = 0; k < starts; k++)
		legible[k] = !t || an_target_readable(t, scale[k] * t->min_text);
	for (unsigned k = 1; k < starts; k++) {
		unsigned b = best - 1;
		if (legible[k] ? !legible[b] || crossings[k] < crossings[b] : !legible[b] && scale[k] > scale[b])
			best = k + 1;
	}
	if (starts > 1 && label_nodes) {
		r->packed_seed = best;
		r->seeded = graph;
	}
	/*
	 * The last start is laid out still: kept when it is the best, unless
	 * routed_cost rounded and redrew it (a later layout of the seed must match).
	 */
	bool again = starts == 1 || best != starts || label_nodes;
	int rc = 0;
	if (starts > 1 && again)
		gvFreeLayout(r->gvc, g);
	if (again)
		rc = packed_start(r, graph, best, &title, untangle);
	if (rc == 0 && untangle && an_graph_has_periods(graph))
		untangle_layout(r, graph, series_kicks(g), false);
	/* nop drew the edges straight; they are routed round the nodes now (route.c). */
	if (rc == 0 && routed)
		an_route_edges(g, route_room(graph));
	return rc;
}

/* libgvc's parse of a graph's _background into its drawing (emit.c); in no installed header. */
void *init_xdot(Agraph_t *g);

/* The margin of a map around what is drawn on it, in points. */
#define MAP_MARGIN 24.0
/* The northernmost land a map draws (Kaffeklubben Island, 83.7 N): a world map above it is sea. */
#define LAND_NORTH 84.0
/* Where a map's actors without a place stand: this far right of the others, this far apart. */
#define MAP_COLUMN_GAP 60.0
#define MAP_COLUMN_STEP 40.0

/*
 * The country outlines of a map (map_outlines), drawn again only for another
 * frame, crop or theme: the key holds every field of map_frame (one added
 * there must be added here).
 */
static char *cached_outlines(an_renderer *r, const map_frame *f, boxf crop, const map_colors *colors, size_t *shapes)
{
	strbuf key;
	sb_init(&key);
	sb_printf(&key, "%d %a %a %a %a %a %a %a %a %a %s %s", f->projection.azimuthal, f->projection.centre_latitude,
	          f->projection.centre_longitude, f->scale, f->centre_x, f->centre_y, crop.LL.x, crop.LL.y, crop.UR.x,
	          crop.UR.y, colors->land, colors->border);
	if (!r->outlines || strcmp(key.data, r->outlines_for.data) != 0) {
		free(r->outlines);
		r->outlines = map_outlines(f, crop, colors, &r->outlines_shapes);
		sb_free(&r->outlines_for);
		r->outlines_for = key;
	} else {
		sb_free(&key);
	}
	*shapes = r->outlines_shapes;
	return xstrdup(r->outlines);
}

/* Frees what the renderer kept of its last map. */
static void forget_map(an_renderer *r)
{
	for (size_t i = 0; i < r->map_nodes; i++)
		free(r->map_leader_xdot[i]);
	free(r->map_leader_xdot);
	free(r->map_outline_xdot);
	r->map_leader_xdot = NULL;
	r->map_outline_xdot = NULL;
	r->map_nodes = 0;
}

/* Sets g's map background (its _background, parsed again: Graphviz parses it as it lays a graph out). */
static void set_background(Agraph_t *g, const char *background)
{
	agsafeset(g, "_background", (char *)background, "");
	if (GD_drawing(g)->xdots)
		freeXDot(GD_drawing(g)->xdots);
	GD_drawing(g)->xdots = init_xdot(g);
}

/* The gap a map leaves between actors it spreads apart, in points. */
#define MAP_GAP 6.0

/* The box of what g's layout draws but its graph label: nodes, edges and edge labels. */
static boxf drawn_box(Agraph_t *g)
{
	boxf b = EMPTY_BOX;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		boxf nb = node_box(n, 0);
		box_hold(&b, nb.LL), box_hold(&b, nb.UR);
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			for (int i = 0; ED_spl(e) && i < ED_spl(e)->size; i++)
				for (int j = 0; j < ED_spl(e)->list[i].size; j++)
					box_hold(&b, ED_spl(e)->list[i].list[j]);
			if (ED_label(e) && ED_label(e)->set) {
				boxf lb = box_around(ED_label(e)->pos, ED_label(e)->dimen.x, ED_label(e)->dimen.y, 0);
				box_hold(&b, lb.LL), box_hold(&b, lb.UR);
			}
		}
	}
	return b;
}

/* A map being laid out: for each node, in agfstnode order, its place and where it is drawn. */
typedef struct {
	size_t count;
	map_frame frame;
	bool *placed; /* it has a place on the map */
	bool *spread; /* moved apart with the others: all but the actors without a place (the column) */
	bool *anchored; /* at an exact place (a state at its country, an `at`): never swapped */
	pointf *truth; /* its place, when placed */
	pointf *at;    /* where it is drawn */
	pointf *half;  /* half its size, once nop has sized it */
} map_nodes;

/* Each actor's place (projected), where it starts; the column's actors far right of the others till placed. */
static void map_open(an_graph *graph, map_nodes *m)
{
	Agraph_t *g = an_graph_cgraph(graph);
	size_t count = m->count = (size_t)agnnodes(g), i = 0;
	double *places = xcalloc(2 * count + 2, sizeof *places);
	m->placed = xcalloc(count + 1, sizeof *m->placed);
	m->spread = xcalloc(count + 1, sizeof *m->spread);
	m->anchored = xcalloc(count + 1, sizeof *m->anchored);
	m->truth = xcalloc(count + 1, sizeof *m->truth);
	m->at = xcalloc(count + 1, sizeof *m->at);
	m->half = xcalloc(count + 1, sizeof *m->half);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		const an_geo_place *p = an_graph_geo_place(graph, n);
		m->placed[i] = p && p->source != AN_UNPLACED;
		m->spread[i] = m->placed[i] || !p; /* label nodes and events too */
		m->anchored[i] = m->placed[i] && (p->source == AN_PLACED_AT || p->source == AN_PLACED_COUNTRY);
		places[2 * i] = m->placed[i] ? p->latitude : NAN;
		places[2 * i + 1] = m->placed[i] ? p->longitude : NAN;
	}
	m->frame = map_frame_for(places, count, an_graph_map_share(graph));
	double east = 0, north = 0;
	for (i = 0; i < count; i++) {
		bool placed = m->placed[i];
		m->placed[i] = placed && map_place(&m->frame, places[2 * i], places[2 * i + 1], &m->truth[i]);
		if (placed && !m->placed[i]) /* on the far side of a local projection: to the column */
			m->spread[i] = false;
		m->at[i] = m->truth[i];
		east = fmax(east, m->at[i].x);
		north = fmax(north, m->at[i].y);
	}
	for (i = 0; i < count; i++)
		if (!m->spread[i])
			m->at[i] = (pointf){east + MAP_COLUMN_GAP * 4, north - MAP_COLUMN_STEP * (double)i};
	free(places);
}

static void map_close(map_nodes *m)
{
	free(m->placed);
	free(m->spread);
	free(m->anchored);
	free(m->truth);
	free(m->at);
	free(m->half);
}

/* Room kept round a tie's label between its two actors, in points. */
#define MAP_LABEL_ROOM 4.0
/* Rounds of making room for labels at most (each then spreads the nodes again). */
#define MAP_LABEL_ROUNDS 3

/*
 * Moves apart the two actors of each labelled tie that stand too close for
 * its label to lie between them (across the gap, or along it), along the
 * line between them; true when any moved. Short ties between neighbours
 * (Hamas and Israel) else have nowhere to put their labels but on the
 * actors.
 */
static bool room_for_labels(Agraph_t *g, map_nodes *m, const size_t *index)
{
	bool moved = false;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			size_t i = index[AGSEQ(agtail(e))], j = index[AGSEQ(aghead(e))];
			if (!ED_label(e) || i == j || !m->spread[i] || !m->spread[j])
				continue;
			double dx = m->at[j].x - m->at[i].x, dy = m->at[j].y - m->at[i].y, d = hypot(dx, dy);
			double gap_x = fabs(dx) - m->half[i].x - m->half[j].x, gap_y = fabs(dy) - m->half[i].y - m->half[j].y;
			pointf label = ED_label(e)->dimen;
			double need_x = label.x + 2 * MAP_LABEL_ROOM - gap_x, need_y = label.y + 2 * MAP_LABEL_ROOM - gap_y;
			if (need_x <= 0 || need_y <= 0 || d < 1e-9)
				continue;
			/* Up and down, room for the label's height (the least they move), unless side by side: its width. */
			if (fabs(dy) >= fabs(dx) / 4 || need_y <= need_x) {
				double s = dy >= 0 ? 1 : -1;
				m->at[i].y -= s * need_y / 2, m->at[j].y += s * need_y / 2;
			} else {
				double s = dx >= 0 ? 1 : -1;
				m->at[i].x -= s * need_x / 2, m->at[j].x += s * need_x / 2;
			}
			moved = true;
		}
	return moved;
}

static int by_ends(const void *a, const void *b)
{
	const an_map_pair *p = a, *q = b;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

/*
 * Swaps the places of actors spread about the same places where fewer ties
 * then run through others (an_untangle_map); a state at its country, or an
 * actor at its `at`, stays. Each pair of actors with ties counts once, so
 * that a fit's trials (ties merged or not, labels or not) search from the
 * same start, and r gives the places found before. Not on maps larger
 * than the other layouts untangle.
 */
static void untangle_map(an_renderer *r, Agraph_t *g, map_nodes *m, const size_t *index)
{
	if (m->count > UNTANGLE_MAX_NODES || (size_t)agnedges(g) > UNTANGLE_MAX_EDGES)
		return;
	bool *swaps = xcalloc(m->count + 1, sizeof *swaps);
	an_map_pair *pairs = NULL;
	size_t npairs = 0, cap = 0, i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
		swaps[i] = m->placed[i] && !m->anchored[i]; /* an actor with a place is spread, an event has none */
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			size_t a = index[AGSEQ(n)], b = index[AGSEQ(aghead(e))];
			if (a == b || !m->spread[a] || !m->spread[b])
				continue;
			GROW(pairs, cap, npairs + 1);
			pairs[npairs++] = (an_map_pair){a < b ? a : b, a < b ? b : a};
		}
	}
	if (npairs)
		qsort(pairs, npairs, sizeof *pairs, by_ends);
	size_t unique = 0;
	for (size_t k = 0; k < npairs; k++)
		if (unique == 0 || by_ends(&pairs[k], &pairs[unique - 1]) != 0)
			pairs[unique++] = pairs[k];
	strbuf start;
	sb_init(&start);
	sb_add(&start, (const char *)&m->count, sizeof m->count);
	sb_add(&start, (const char *)m->at, m->count * sizeof *m->at);
	sb_add(&start, (const char *)m->half, m->count * sizeof *m->half);
	sb_add(&start, (const char *)m->truth, m->count * sizeof *m->truth);
	sb_add(&start, (const char *)swaps, m->count * sizeof *swaps);
	sb_add(&start, (const char *)pairs, unique * sizeof *pairs);
	const double *kept = kept_places(r, &start);
	if (kept) {
		memcpy(m->at, kept, m->count * sizeof *m->at);
		sb_free(&start);
	} else {
		an_untangle_map(m->at, m->half, m->truth, swaps, m->count, pairs, unique);
		keep_places(r, &start, (const double *)m->at, m->count);
	}
	free(pairs);
	free(swaps);
}

/*
 * Spreads the map's nodes apart (map_spread), label nodes put in the middle
 * of their ties and events among their actors as the actors stand, twice
 * (an event none of whose actors is on the map goes to their column);
 * then makes room between close actors for their ties' labels.
 */
static void spread_map(an_renderer *r, Agraph_t *g, an_graph *graph, map_nodes *m)
{
	size_t *index = an_node_indexes(g);
	size_t j = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), j++) { /* an event none of whose actors is on the map: in their column */
		if (an_graph_geo_place(graph, n))
			continue;
		bool on_map = false;
		for (Agedge_t *e = agfstedge(g, n); e && !on_map; e = agnxtedge(g, e, n))
			on_map = m->spread[index[AGSEQ(agtail(e) == n ? aghead(e) : agtail(e))]];
		if (!on_map)
			m->spread[j] = false;
	}
	for (int round = 0; round < 2; round++) {
		size_t i = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++) {
			if (an_graph_geo_place(graph, n))
				continue;
			pointf sum = {0, 0};
			size_t k = 0;
			for (Agedge_t *e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
				size_t other = index[AGSEQ(agtail(e) == n ? aghead(e) : agtail(e))];
				if (m->spread[other])
					sum.x += m->at[other].x, sum.y += m->at[other].y, k++;
			}
			if (k)
				m->at[i] = (pointf){sum.x / (double)k, sum.y / (double)k};
		}
		map_spread(m->at, m->half, m->spread, m->count, MAP_GAP);
		if (round == 0)
			untangle_map(r, g, m, index);
	}
	for (int round = 0; round < MAP_LABEL_ROUNDS && room_for_labels(g, m, index); round++)
		map_spread(m->at, m->half, m->spread, m->count, MAP_GAP);
	free(index);
}

/* The box of the spread nodes and the places their leader lines reach, with a margin. */
static boxf spread_box(const map_nodes *m)
{
	boxf b = EMPTY_BOX;
	for (size_t i = 0; i < m->count; i++)
		if (m->spread[i]) {
			box_hold(&b, (pointf){m->at[i].x - m->half[i].x, m->at[i].y - m->half[i].y});
			box_hold(&b, (pointf){m->at[i].x + m->half[i].x, m->at[i].y + m->half[i].y});
			if (m->placed[i])
				box_hold(&b, m->truth[i]);
		}
	if (!isfinite(b.LL.x))
		b = (boxf){{0, 0}, {0, 0}};
	return box_grown(b, MAP_MARGIN);
}

/* Puts the actors without a place in a column right of the map's box, from its top down; false when there are none. */
static bool place_column(map_nodes *m, boxf map)
{
	double widest = 0, y = map.UR.y - MAP_MARGIN;
	bool any = false;
	for (size_t i = 0; i < m->count; i++)
		widest = m->spread[i] ? widest : fmax(widest, m->half[i].x);
	for (size_t i = 0; i < m->count; i++)
		if (!m->spread[i]) {
			m->at[i] = (pointf){map.UR.x + MAP_COLUMN_GAP + widest, y - m->half[i].y};
			y -= 2 * m->half[i].y + MAP_COLUMN_STEP / 2;
			any = true;
		}
	return any;
}

/*
 * For a slide, the crop grown to the slide's shape below the title block
 * (title_height): the map fills it, grown as evenly up and down as the
 * land allows (land_top, land_bottom: beyond them only sea is drawn, a band
 * that would part the title block from the map). A page's drawing is
 * cropped to its height, its map too: it is not grown.
 */
static boxf slide_shape(const an_target *t, boxf crop, double title_height, double land_top, double land_bottom)
{
	if (!t || t->page || t->width <= 0 || t->height <= 0)
		return crop;
	double w = crop.UR.x - crop.LL.x, h = crop.UR.y - crop.LL.y, want = t->width / t->height;
	if (w / (h + title_height) > want) {
		double grow = w / want - title_height - h;
		double up = fmin(grow / 2, fmax(land_top - crop.UR.y, 0));
		double down = fmin(grow - up, fmax(crop.LL.y - land_bottom, 0));
		crop.LL.y -= down, crop.UR.y += grow - down;
	} else {
		double grow = (want * (h + title_height) - w) / 2;
		crop.LL.x -= grow, crop.UR.x += grow;
	}
	return crop;
}

/*
 * Frames the map's drawing: the map under all that is drawn and the places
 * its leader lines reach, with a margin, but the column (right of
 * column_left); the title block above; the background (the outlines and
 * leader lines, kept by the renderer for a series' placement); the box.
 */
static void frame_map(an_renderer *r, an_graph *graph, const map_nodes *m, bool column, double column_left)
{
	Agraph_t *g = an_graph_cgraph(graph);
	boxf crop = drawn_box(g);
	for (size_t i = 0; i < m->count; i++)
		if (m->placed[i])
			box_hold(&crop, m->truth[i]);
	if (!isfinite(crop.LL.x)) /* nothing drawn: an empty period */
		crop = (boxf){{0, 0}, {0, 0}};
	crop = box_grown(crop, MAP_MARGIN);
	textlabel_t *title = GD_label(g);
	double land_top = INFINITY, land_bottom = -INFINITY;
	pointf north, south;
	if (!m->frame.projection.azimuthal && map_place(&m->frame, LAND_NORTH, 0, &north) &&
	    map_place(&m->frame, -90, 0, &south))
		land_top = north.y, land_bottom = south.y; /* a world map's latitudes are its rows */
	crop = slide_shape(an_graph_target(graph), crop, title ? title->dimen.y + MAP_MARGIN : 0, land_top, land_bottom);
	boxf map = crop, content = crop; /* content: the drawing but its title block */
	if (column)
		map.UR.x = fmin(map.UR.x, column_left);
	if (title) { /* above the map, or below it (--cite: labelloc=b) */
		double middle = (crop.LL.x + crop.UR.x) / 2, width = fmax(crop.UR.x - crop.LL.x, title->dimen.x + 2 * MAP_MARGIN);
		crop.LL.x = middle - width / 2, crop.UR.x = middle + width / 2;
		const char *loc = agget(g, "labelloc");
		if (loc && *loc == 'b') {
			title->pos = (pointf){middle, crop.LL.y - MAP_MARGIN / 2 - title->dimen.y / 2};
			crop.LL.y -= title->dimen.y + MAP_MARGIN;
		} else {
			title->pos = (pointf){middle, crop.UR.y + MAP_MARGIN / 2 + title->dimen.y / 2};
			crop.UR.y += title->dimen.y + MAP_MARGIN;
		}
		title->set = TRUE;
	}
	map_colors colors;
	an_graph_map_colors(graph, &colors.land, &colors.border, &colors.leader);
	forget_map(r);
	bool any = false; /* a map with no actor on it (all in the column, or none) draws no countries */
	for (size_t i = 0; i < m->count; i++)
		any |= m->placed[i];
	r->map_outline_shapes = 0;
	r->map_outline_xdot = any ? cached_outlines(r, &m->frame, map, &colors, &r->map_outline_shapes) : xstrdup("");
	r->map_leader_xdot = xcalloc(m->count + 1, sizeof *r->map_leader_xdot);
	r->map_nodes = m->count;
	r->map_box = content;
	r->map_colors = colors;
	for (size_t i = 0; i < m->count; i++)
		if (m->placed[i])
			r->map_leader_xdot[i] = map_leader(m->truth[i], m->at[i], hypot(m->half[i].x, m->half[i].y));
	size_t leaders;
	char *background = map_background(r->map_outline_xdot, (const char *const *)r->map_leader_xdot, m->count,
	                                  &colors, &leaders);
	an_graph_set_map_shapes(graph, r->map_outline_shapes, leaders);
	set_background(g, background);
	free(background);
	GD_bb(g) = crop;
}

/*
 * AN_ENGINE_MAP: each actor at its place, projected (map.c), or in a
 * column on the right when it has none; events among their actors; nop
 * sizes the nodes where they are, then they are spread apart just enough
 * not to overlap (spread_map), the ties drawn as arcs and their labels
 * cleared (route.c); the countries' outlines, and leader lines to the places
 * of actors moved far from them, are the background (frame_map).
 */
static int layout_map(an_renderer *r, an_graph *graph)
{
	Agraph_t *g = an_graph_cgraph(graph);
	map_nodes m;
	map_open(graph, &m);
	squeeze_and_centre_labels(g, m.at, m.count, 1, 1);
	size_t i = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++)
		place_node(g, n, m.at[i].x, m.at[i].y);
	/* nop sizes the nodes where they are, overlaps left (map_spread removes them), edges straight. */
	Agsym_t *overlap = agattr(g, AGRAPH, "overlap", NULL);
	char *kept = overlap ? xstrdup(agxget(g, overlap)) : NULL;
	agsafeset(g, "overlap", "true", "");
	char *routing = straight_edges(g, "nop");
	int rc = layout_caught(r, g, "nop");
	restore_routing(g, routing);
	agsafeset(g, "overlap", kept ? kept : "", "");
	free(kept);
	if (rc == 0) {
		i = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++)
			m.half[i] = (pointf){ND_width(n) * 36, ND_height(n) * 36};
		spread_map(r, g, graph, &m);
		boxf spread = spread_box(&m);
		bool column = place_column(&m, spread);
		i = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), i++)
			ND_coord(n) = m.at[i];
		/* Labels are cleared within the drawing as it stands now, the title block not placed yet. */
		GD_bb(g) = spread;
		for (i = 0; i < m.count; i++)
			if (!m.spread[i])
				box_hold(&GD_bb(g), (pointf){m.at[i].x + m.half[i].x, m.at[i].y - m.half[i].y});
		if (GD_label(g))
			GD_label(g)->set = FALSE;
		an_draw_arcs(g, false);
		frame_map(r, graph, &m, column, spread.UR.x + MAP_COLUMN_GAP / 2);
	}
	map_close(&m);
	return rc;
}

/* Draws each bundle of strands of g's layout along one route (an_bundle_strands). */
static void bundle_strands(an_graph *graph)
{
	const char *key;
	Agedge_t *e, **strands = NULL;
	size_t cap = 0;
	for (size_t i = 0; (e = an_graph_edge(graph, i, &key)); i++) {
		size_t n = an_graph_strands(graph, i), got = 0;
		if (n < 2)
			continue;
		GROW(strands, cap, n);
		while (got < n && (strands[got] = an_graph_edge(graph, i + got, &key)))
			got++;
		if (got == n)
			an_bundle_strands(an_graph_cgraph(graph), strands, n);
	}
	free(strands);
}

/* Lays g out with an engine of Graphviz's or actornet's own (AN_ENGINE_PACKED), for a `drawing` or a fit's trial. */
static int run_engine(an_renderer *r, an_graph *g, const char *engine, bool drawing)
{
	if (strncmp(engine, "nop", 3) != 0) { /* nop keeps a drawing as it was given, its map too; others draw anew */
		an_graph_set_map_shapes(g, 0, 0);
		if (agget(an_graph_cgraph(g), "_background"))
			agset(an_graph_cgraph(g), "_background", "");
	}
	if (strcmp(engine, AN_ENGINE_PACKED) == 0)
		return layout_packed(r, g, drawing);
	if (strcmp(engine, AN_ENGINE_MAP) == 0)
		return layout_map(r, g);
	int rc = layout_caught(r, an_graph_cgraph(g), engine);
	if (rc == 0 && strncmp(engine, "nop", 3) != 0) { /* nop keeps the curves it is given */
		bundle_strands(g);
		/* A series' labels are cleared in each period's drawing, of its own lines (layout_placed). */
		if (!an_graph_places_series(g))
			an_clear_labels(an_graph_cgraph(g));
	}
	return rc;
}

/* Less than this, in points, is noise in a layout's last bits (see fit_to_target). */
#define CANVAS_NOISE 1e-6

/*
 * Sets the pad that centres g's laid-out drawing on a canvas of this size at
 * `scale`, or at less where the drawing has grown past it (routed edges
 * reach further than straight ones): Graphviz reads the pad when it renders,
 * and scales the drawing and its pad to the size, so the canvas stays exact.
 * Returns the scale the drawing is drawn at.
 */
static double center_on_canvas(an_graph *graph, pointf canvas, double scale)
{
	Agraph_t *g = an_graph_cgraph(graph);
	double dw, dh;
	drawing_size(graph, 0, &dw, &dh);
	/* A drawing grown past the canvas takes its pad first (down to none), then less scale. */
	scale = fmin(scale, fmin(canvas.x / dw, canvas.y / dh));
	/* The pad is round the layout's box, which may be narrower than the drawing (see drawing_size). */
	double bw, bh;
	box_drawing_size(GD_bb(g), 0, &bw, &bh);
	double padx = (canvas.x / scale - bw) / 2, pady = (canvas.y / scale - bh) / 2;
	char value[64];
	snprintf(value, sizeof value, "%.4f,%.4f", padx / 72, pady / 72);
	agsafeset(g, "pad", value, "");
	return scale;
}

/*
 * For a graph drawn for a target, sets the pad and size that make the
 * laid-out drawing fill the target's canvas exactly, scaled by as much as
 * fits (FIT_FILL), or that draw it at a given scale on a canvas of its own
 * (fit > 0: a period of a series, cropped); Graphviz applies them when the
 * graph is laid out again (its own ratio=fill ignores the title block and
 * rankdir=LR). `routed`: the drawing's routes may have taken its pad.
 * Returns whether it set them, and the canvas and scale.
 */
static bool fit_to_target(an_graph *graph, double fit, bool routed, pointf *canvas, double *scale)
{
	const an_target *t = an_graph_target(graph);
	if (!t || fit == FIT_NONE)
		return false;
	double dw, dh;
	drawing_size(graph, routed ? 0 : TARGET_PAD_PT, &dw, &dh); /* routed: its routes took the pad */
	*scale = fit > 0 ? fit : filling_scale(t, dw, dh);
	/* A slide's canvas is the slide; a page's figure, like a period's, is as large as its drawing. */
	bool crop = fit > 0 || t->page;
	/*
	 * Whole points: Graphviz writes the canvas's size rounded down, which
	 * would shrink the text. Rounded up from a hair below: layouts differ
	 * from run to run in their last bits (451.00000000000006 or
	 * 450.99999999999994 pt), which must not make the canvas a point wider.
	 */
	double width = crop ? fmin(t->width, ceil(dw * *scale - CANVAS_NOISE)) : t->width;
	double height = crop ? fmin(t->height, ceil(dh * *scale - CANVAS_NOISE)) : t->height;
	*canvas = (pointf){width, height};
	center_on_canvas(graph, *canvas, *scale);
	char value[64];
	snprintf(value, sizeof value, "%.4f,%.4f!", width / 72, height / 72);
	agsafeset(an_graph_cgraph(graph), "size", value, "");
	return true;
}

/*
 * Whether a drawing fitted to target t on a canvas of that size when its
 * box was `measured` has text under t's minimum now that it is `routed`.
 */
static bool text_lost(const an_target *t, pointf canvas, boxf measured, boxf routed)
{
	double mw, mh, rw, rh;
	box_drawing_size(measured, TARGET_PAD_PT, &mw, &mh);
	box_drawing_size(routed, 0, &rw, &rh);
	double before = filling_scale(t, mw, mh);
	/* The canvas holds the routed drawing at `before` while it fits in the pad (center_on_canvas). */
	double now = fmin(before, fmin(canvas.x / rw, canvas.y / rh));
	return now < before && now < 1 && an_target_readable(t, before * t->min_text);
}

/*
 * Hides the labels of a map's drawing that have no room (an_hide_crowded_labels),
 * says how many, with what would draw more, and has r hide them again
 * whenever the drawing is laid out anew (another dpi, pango's measures).
 */
static void hide_crowded_labels(an_renderer *r, an_graph *g, an_diags *diags)
{
	size_t shown, hidden = an_hide_crowded_labels(an_graph_cgraph(g), &shown);
	r->hides_labels = true;
	if (!hidden)
		return;
	const char *period = an_graph_period(g);
	an_labels labels = an_graph_labels(g);
	an_warning(diags, (an_pos){0, 0},
	           "the map%s%s has no room for %zu of its %zu tie labels: they are left out (%s--type, --confidence or --focus draw fewer ties)",
	           *period ? " of " : "", period, hidden, hidden + shown,
	           labels == AN_LABELS_FULL ? "--labels short draws dates only; " : labels == AN_LABELS_SHORT ? "--labels none draws none; " : "");
}

/*
 * Lays out g for a dpi (0: the default; dpi is frozen at layout in Graphviz
 * 2.43), fitted to its target as `fit` says (FIT_NONE, FIT_FILL or a scale).
 */
static bool layout_at(an_renderer *r, an_graph *g, const char *engine, double dpi, double fit,
                      an_diags *diags)
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
	if (fit != FIT_KEPT) { /* laid out again as kept: drawn as before */
		r->drawn_scale = 0;
		r->packed_seed = 0;
		r->hides_labels = false;
	}
	bool drawing = fit == FIT_FILL; /* an_layout's drawing, not a trial or a measure */
	/* Fitted, the first layout is only measured: its edges need not be routed. */
	bool measure = fit >= FIT_FILL && an_graph_target(g);
	char *routing = measure ? straight_edges(cg, engine) : NULL;
	int rc = run_engine(r, g, engine, drawing);
	restore_routing(cg, routing);
	pointf canvas;
	double scale;
	if (rc == 0 && measure && fit_to_target(g, fit, false, &canvas, &scale)) {
		boxf measured = GD_bb(cg);
		gvFreeLayout(r->gvc, cg);
		rc = run_engine(r, g, engine, drawing);
		/*
		 * Edges routed round actors at the edge of the drawing may reach
		 * past the box its straight edges were measured in, and the canvas
		 * shrinks the whole to hold them: where that would take a page's
		 * text under the target's minimum, it is fitted again to the
		 * drawing as routed (the same places and routes: the layouts are
		 * seeded), its canvas cropped anew. A slide's canvas is the target
		 * already: center_on_canvas gives the drawing what fits.
		 */
		if (rc == 0 && fit == FIT_FILL && an_graph_target(g)->page &&
		    text_lost(an_graph_target(g), canvas, measured, GD_bb(cg))) {
			fit_to_target(g, fit, true, &canvas, &scale);
			gvFreeLayout(r->gvc, cg);
			rc = run_engine(r, g, engine, drawing);
		}
		if (rc == 0)
			r->drawn_scale = center_on_canvas(g, canvas, scale);
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
	if (fit != FIT_KEPT)
		r->layout_fit = fit;
	size_t shown;
	if (fit == FIT_KEPT && r->hides_labels) /* as the drawing laid out before hid them */
		an_hide_crowded_labels(cg, &shown);
	return true;
}

static bool has_clusters(Agraph_t *g);

bool an_layout(an_renderer *r, an_graph *g, const char *engine, an_diags *diags)
{
	if (strcmp(engine, AN_ENGINE_MAP) == 0) {
		an_graph_warn_unplaced(g, diags);
		if (has_clusters(an_graph_cgraph(g)))
			an_warning(diags, (an_pos){0, 0},
			           "a map draws no region boxes (--cluster region): each actor stands at its own place");
	}
	if (!layout_at(r, g, engine, 0, FIT_FILL, diags))
		return false;
	if (strcmp(engine, AN_ENGINE_MAP) == 0 && !an_graph_places_series(g)) /* a series' periods hide their own */
		hide_crowded_labels(r, g, diags);
	return true;
}

double an_layout_text(const an_renderer *r, const an_graph *g)
{
	const an_target *t = an_graph_target(g);
	return t && r->laid_out == g ? r->drawn_scale * t->min_text : 0;
}

bool an_layout_measure(an_renderer *r, an_graph *g, const char *engine, double *width,
                       double *height, an_diags *diags)
{
	Agraph_t *cg = an_graph_cgraph(g);
	char *routing = straight_edges(cg, engine);
	bool ok = layout_at(r, g, engine, 0, FIT_NONE, diags);
	if (ok) {
		drawing_size(g, TARGET_PAD_PT, width, height);
		an_layout_free(r, g);
	}
	restore_routing(cg, routing);
	return ok;
}

/* ---------------------------------------------------------------- faults */

/* An edge as drawn: its spline sampled into a polyline, and its ends. */
typedef struct {
	pointf *at;
	size_t count;
	boxf reach; /* the box of its points */
	Agedge_t *e;
} polyline;

/* A box something is drawn in: a node's, or an edge's label's (owner: that edge). */
typedef struct {
	boxf b;
	Agnode_t *node;
	Agedge_t *owner;
} obstacle;

static polyline sample_edge(Agedge_t *e)
{
	polyline line = {.e = e, .reach = EMPTY_BOX};
	line.at = an_edge_points(e, &line.count);
	for (size_t i = 0; i < line.count; i++)
		box_hold(&line.reach, line.at[i]);
	return line;
}

/* Whether p lies within `margin` points of a node. */
static bool near_node(const obstacle *obstacles, size_t count, pointf p, double margin)
{
	for (size_t i = 0; i < count; i++)
		if (obstacles[i].node) {
			boxf b = obstacles[i].b;
			b.LL.x -= margin, b.LL.y -= margin, b.UR.x += margin, b.UR.y += margin;
			if (inside(b, p))
				return true;
		}
	return false;
}

/* The least line a tie shows besides its arrowheads, in points: a little more than an arrowhead. */
#define MIN_LINE 10.0

/*
 * Whether an edge's drawn line between two actors can be read: it ends on
 * them (a strand of a bundle wider than the actors it joins, laid beside
 * them, points at nothing) and shows some line besides its arrowheads
 * (between actors packed close, arrowheads pile up on each other). Halves
 * that meet at a label node are read with their label, and not judged.
 */
static bool readable_line(Agedge_t *e, const pointf *at, size_t count)
{
	const splines *spl = ED_spl(e);
	if (!spl || spl->size == 0 || an_joins_label_node(e))
		return true;
	const bezier *first = &spl->list[0], *last = &spl->list[spl->size - 1];
	pointf start = first->sflag ? first->sp : first->list[0];
	pointf end = last->eflag ? last->ep : last->list[last->size - 1];
	/* Each end on its actor's box, or within 2 points of it. */
	if (!inside(node_box(agtail(e), -2), start) || !inside(node_box(aghead(e), -2), end))
		return false;
	return agtail(e) == aghead(e) || polyline_length(at, count) >= MIN_LINE;
}

/* Whether a line is drawn more than AN_MAX_DETOUR times as long as the straight line between its ends. */
static bool long_way_round(const polyline *l)
{
	if (l->count < 2 || agtail(l->e) == aghead(l->e))
		return false;
	pointf a = l->at[0], b = l->at[l->count - 1];
	double straight = hypot(b.x - a.x, b.y - a.y);
	return straight > 4 && polyline_length(l->at, l->count) > AN_MAX_DETOUR * straight;
}

/*
 * The faults of g's layout (the reader's measure: bench/READABILITY.md),
 * and, with `judge_lines`, lines that cannot be read (readable_line), counted
 * as lines through an actor.
 */
static an_faults faults_of(Agraph_t *g, bool judge_lines)
{
	polyline *lines = NULL;
	obstacle *obstacles = NULL;
	size_t nlines = 0, nobstacles = 0, lines_cap = 0, obstacles_cap = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		GROW(obstacles, obstacles_cap, nobstacles + 1);
		obstacles[nobstacles++] = (obstacle){node_box(n, 2), n, NULL};
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			GROW(lines, lines_cap, nlines + 1);
			lines[nlines++] = sample_edge(e);
		}
	}
	size_t nnodes = nobstacles; /* the labels' boxes follow */
	for (size_t i = 0; i < nlines; i++) {
		textlabel_t *label = ED_label(lines[i].e);
		if (label && label->set) {
			GROW(obstacles, obstacles_cap, nobstacles + 1);
			obstacles[nobstacles++] = (obstacle){
				box_around(label->pos, label->dimen.x, label->dimen.y, 1), NULL, lines[i].e};
		}
	}
	an_faults faults = {0, 0, 0, 0};
	for (size_t k = nnodes; k < nobstacles; k++) /* each label against the nodes and the labels before it */
		for (size_t i = 0; i < k; i++)
			faults.overlaps += boxes_meet(obstacles[i].b, obstacles[k].b);
	for (size_t i = 0; i < nlines; i++) {
		const polyline *l = &lines[i];
		faults.through += judge_lines && !readable_line(l->e, l->at, l->count);
		faults.detours += long_way_round(l);
		for (size_t k = 0; k < nobstacles; k++) {
			const obstacle *o = &obstacles[k];
			if (o->owner == l->e || o->node == agtail(l->e) || o->node == aghead(l->e) || !boxes_meet(o->b, l->reach))
				continue;
			for (size_t p = 1; p < l->count; p++)
				if (segment_enters(o->b, l->at[p - 1], l->at[p])) { /* a corner cut counts */
					faults.through++;
					break;
				}
		}
		for (size_t j = i + 1; j < nlines; j++) {
			if (!boxes_meet(l->reach, lines[j].reach))
				continue;
			for (size_t p = 1; p < l->count; p++) {
				if (!boxes_meet(segment_box(l->at[p - 1], l->at[p]), lines[j].reach))
					continue;
				for (size_t q = 1; q < lines[j].count; q++)
					if (segments_cross(l->at[p - 1], l->at[p], lines[j].at[q - 1], lines[j].at[q]) &&
					    !near_node(obstacles, nobstacles,
					               crossing_point(l->at[p - 1], l->at[p], lines[j].at[q - 1], lines[j].at[q]), 8))
						faults.crossings++;
			}
		}
	}
	for (size_t i = 0; i < nlines; i++)
		free(lines[i].at);
	free(lines);
	free(obstacles);
	return faults;
}

static an_faults count_faults(Agraph_t *g)
{
	return faults_of(g, true);
}

bool an_layout_faults(an_renderer *r, an_graph *g, const char *engine, an_faults *faults,
                      double *width, double *height, an_diags *diags)
{
	if (!layout_at(r, g, engine, 0, FIT_NONE, diags))
		return false;
	*faults = count_faults(an_graph_cgraph(g));
	if (width)
		drawing_size(g, TARGET_PAD_PT, width, height);
	an_layout_free(r, g);
	return true;
}

/* ------------------------------------------------------------ placements */

struct an_placement {
	arena strings;
	strindex nodes, edges, clusters; /* name or key -> index into the arrays below */
	const char **node_pos;           /* "x,y" in points */
	const char **edge_pos, **edge_lp; /* spline; label position or NULL */
	const char **cluster_bb, **cluster_lp;
	size_t nnodes, nedges, nclusters;
	boxf bb; /* the canvas: the whole layout's box, widened by an_placement_fit */
	bool crop;      /* each period on a canvas of its own (an_placement_crop) */
	bool nudge;     /* laid out by the packed engine: a cropped period's actors may move a little */
	double *scales; /* then each period's scale for a target, else NULL */
	size_t nscales;
	/*
	 * Per period, once an_placement_crop laid it out: whether its nudged
	 * drawing was kept (1) or not (0); -1: not yet weighed. NULL: none.
	 * Written by layout_placed, so that drawing the period weighs it no more.
	 */
	signed char *nudge_kept;
	size_t nperiods;
	/*
	 * A map's placement (AN_ENGINE_MAP): every period drawn on its whole
	 * canvas (bb: the map, its title block left to each period), with its
	 * outlines and the leader lines of the actors it draws (map_leaders,
	 * by node index; NULL: none).
	 */
	bool map;
	char *map_outlines;
	size_t map_outline_shapes;
	char **map_leaders;
	size_t map_nodes; /* of map_leaders */
	map_colors map_colors;
};

/*
 * A point as Graphviz reads it back exactly: in hexadecimal (%a), which
 * its sscanf("%lf") reads as strtod does, at a fraction of the cost of 17
 * decimal digits. These texts only carry places from one layout to the
 * next; no output shows them.
 */
static void put_point(strbuf *b, pointf p)
{
	sb_printf(b, "%a,%a", p.x, p.y);
}

/* A box as a cluster's `bb` attribute: "llx,lly,urx,ury". */
static void put_box(strbuf *b, boxf box)
{
	sb_printf(b, "%a,%a,%a,%a", box.LL.x, box.LL.y, box.UR.x, box.UR.y);
}

/* Moves a buffer's text into the arena. */
static const char *keep_text(arena *a, strbuf *b)
{
	const char *kept = arena_strdup(a, b->data ? b->data : "");
	sb_free(b);
	return kept;
}

static const char *keep_point(arena *a, pointf p)
{
	strbuf b;
	sb_init(&b);
	put_point(&b, p);
	return keep_text(a, &b);
}

/* An edge's spline as its `pos` attribute: "s,x,y e,x,y x,y x,y ...;..." (Graphviz's own form). */
static void put_spline(strbuf *b, const splines *spl)
{
	for (int i = 0; i < spl->size; i++) {
		const bezier *bz = &spl->list[i];
		if (i > 0)
			sb_putc(b, ';');
		if (bz->sflag) {
			sb_puts(b, "s,");
			put_point(b, bz->sp);
			sb_putc(b, ' ');
		}
		if (bz->eflag) {
			sb_puts(b, "e,");
			put_point(b, bz->ep);
			sb_putc(b, ' ');
		}
		for (int k = 0; k < bz->size; k++) {
			if (k > 0)
				sb_putc(b, ' ');
			put_point(b, bz->list[k]);
		}
	}
}

static const char *keep_spline(arena *a, const splines *spl)
{
	strbuf b;
	sb_init(&b);
	put_spline(&b, spl);
	return keep_text(a, &b);
}

an_placement *an_place(an_renderer *r, an_graph *g, const char *engine, an_diags *diags)
{
	if (!an_layout(r, g, engine, diags))
		return NULL;
	Agraph_t *cg = an_graph_cgraph(g);
	an_placement *p = xcalloc(1, sizeof *p);
	p->nudge = engine && strcmp(engine, AN_ENGINE_PACKED) == 0;
	p->map = engine && strcmp(engine, AN_ENGINE_MAP) == 0 && r->map_outline_xdot;
	si_init(&p->nodes);
	si_init(&p->edges);
	si_init(&p->clusters);
	p->bb = p->map ? r->map_box : GD_bb(cg);
	if (p->map) {
		p->map_outlines = xstrdup(r->map_outline_xdot);
		p->map_outline_shapes = r->map_outline_shapes;
		p->map_leaders = xcalloc(r->map_nodes + 1, sizeof *p->map_leaders);
		p->map_nodes = r->map_nodes;
		for (size_t i = 0; i < r->map_nodes; i++)
			p->map_leaders[i] = r->map_leader_xdot[i] ? xstrdup(r->map_leader_xdot[i]) : NULL;
		p->map_colors = r->map_colors;
	}
	size_t cap = 0;
	for (Agnode_t *n = agfstnode(cg); n; n = agnxtnode(cg, n)) {
		GROW(p->node_pos, cap, p->nnodes + 1);
		p->node_pos[p->nnodes] = keep_point(&p->strings, ND_coord(n));
		si_put(&p->nodes, arena_strdup(&p->strings, agnameof(n)), p->nnodes++);
	}
	cap = 0;
	size_t lp_cap = 0;
	const char *key;
	Agedge_t *e;
	for (size_t i = 0; (e = an_graph_edge(g, i, &key)); i++) {
		GROW(p->edge_pos, cap, p->nedges + 1);
		GROW(p->edge_lp, lp_cap, p->nedges + 1);
		p->edge_pos[p->nedges] = ED_spl(e) ? keep_spline(&p->strings, ED_spl(e)) : NULL;
		p->edge_lp[p->nedges] = ED_label(e) && ED_label(e)->set
		                         ? keep_point(&p->strings, ED_label(e)->pos) : NULL;
		si_put(&p->edges, arena_strdup(&p->strings, key), p->nedges++);
	}
	cap = lp_cap = 0;
	for (Agraph_t *sub = agfstsubg(cg); sub; sub = agnxtsubg(sub)) {
		/* Engines that draw no clusters (sfdp) give subgraphs no layout record. */
		Agraphinfo_t *info = (Agraphinfo_t *)aggetrec(sub, "Agraphinfo_t", 0);
		if (!is_cluster(sub) || !info)
			continue;
		boxf bb = info->bb;
		if (bb.UR.x <= bb.LL.x)
			continue;
		GROW(p->cluster_bb, cap, p->nclusters + 1);
		GROW(p->cluster_lp, lp_cap, p->nclusters + 1);
		strbuf b;
		sb_init(&b);
		put_box(&b, bb);
		p->cluster_bb[p->nclusters] = keep_text(&p->strings, &b);
		p->cluster_lp[p->nclusters] = info->label && info->label->set
		                               ? keep_point(&p->strings, info->label->pos) : NULL;
		si_put(&p->clusters, arena_strdup(&p->strings, agnameof(sub)), p->nclusters++);
	}
	an_layout_free(r, g);
	return p;
}

void an_placement_free(an_placement *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->map_nodes; i++)
		free(p->map_leaders[i]);
	free(p->map_leaders);
	free(p->map_outlines);
	si_free(&p->nodes);
	si_free(&p->edges);
	si_free(&p->clusters);
	free(p->node_pos);
	free(p->edge_pos);
	free(p->edge_lp);
	free(p->cluster_bb);
	free(p->cluster_lp);
	free(p->scales);
	free(p->nudge_kept);
	arena_free(&p->strings);
	free(p);
}

static bool layout_placed(an_renderer *r, an_graph *g, const an_placement *p, size_t period,
                          bool whole, double fit, an_diags *diags);

/* Graph attributes the title block's text depends on. */
static const char *const TITLE_ATTRIBUTES[] = {"fontname", "fontsize", "fontcolor", "charset", NULL};

/* Measures a title block (a label of cg) in points, rounded up, in a scratch graph. */
static bool measure_title(an_renderer *r, Agraph_t *cg, const char *label, bool html, int *width,
                          int *height, an_diags *diags)
{
	Agraph_t *scratch = agopen("title", Agdirected, NULL);
	for (int i = 0; TITLE_ATTRIBUTES[i]; i++) {
		const char *value = agget(cg, (char *)TITLE_ATTRIBUTES[i]);
		agattr(scratch, AGRAPH, (char *)TITLE_ATTRIBUTES[i], (char *)(value ? value : ""));
	}
	agattr(scratch, AGRAPH, "label", "");
	agset(scratch, "label", html ? agstrdup_html(scratch, (char *)label) : (char *)label);
	bool had_error = false;
	int rc = layout_caught(r, scratch, "nop2");
	flush_messages(diags, &had_error);
	if (rc == 0) {
		if (GD_label(scratch)) {
			*width = (int)ceil(GD_label(scratch)->dimen.x);
			*height = (int)ceil(GD_label(scratch)->dimen.y);
		}
		gvFreeLayout(r->gvc, scratch);
	}
	agclose(scratch);
	if (rc != 0 && !had_error)
		an_error(diags, (an_pos){0, 0}, "Graphviz could not measure the title block");
	return rc == 0 && !had_error;
}

/* A graph's title block (its label), taken off while a layout does without it. */
typedef struct {
	char *label;
	bool html;
} title_block;

static title_block take_title(Agraph_t *cg)
{
	const char *label = agget(cg, "label");
	title_block t = {xstrdup(label ? label : ""), label && aghtmlstr((char *)label)};
	agset(cg, "label", "");
	return t;
}

static void give_title_back(Agraph_t *cg, title_block t)
{
	agset(cg, "label", t.html ? agstrdup_html(cg, t.label) : t.label);
	free(t.label);
}

bool an_placement_fit(an_renderer *r, an_placement *p, an_graph *g, bool widen, int *width,
                      int *height, an_diags *diags)
{
	*width = *height = 0;
	Agraph_t *cg = an_graph_cgraph(g);
	if (r->laid_out)
		an_layout_free(r, r->laid_out); /* Graphviz caches the attributes of one layout */
	/* The drawing without its title block: labels may reach past the whole layout's box. */
	title_block title = take_title(cg);
	bool ok = !*title.label || measure_title(r, cg, title.label, title.html, width, height, diags);
	if (ok && widen && (ok = layout_placed(r, g, p, SIZE_MAX, true, FIT_NONE, diags))) {
		boxf bb = GD_bb(cg);
		p->bb.LL.x = fmin(p->bb.LL.x, bb.LL.x);
		p->bb.LL.y = fmin(p->bb.LL.y, bb.LL.y);
		p->bb.UR.x = fmax(p->bb.UR.x, bb.UR.x);
		p->bb.UR.y = fmax(p->bb.UR.y, bb.UR.y);
		an_layout_free(r, g);
	}
	/* A title block narrower than the canvas leaves it alone. */
	if (ok && *width + LABEL_GAP <= p->bb.UR.x - p->bb.LL.x)
		*width = 0;
	give_title_back(cg, title);
	return ok;
}

/* Sets an attribute on a graph object, declaring it on the root first. */
static void pin(Agraph_t *root, void *obj, int kind, const char *name, const char *value)
{
	if (!agattr(root, kind, (char *)name, NULL))
		agattr(root, kind, (char *)name, "");
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* Pins a point attribute, as Graphviz reads it back exactly. */
static void pin_point(Agraph_t *root, void *obj, int kind, const char *name, pointf at)
{
	strbuf b;
	sb_init(&b);
	put_point(&b, at);
	pin(root, obj, kind, name, b.data);
	sb_free(&b);
}

/* An invisible point that holds a corner of the canvas. */
static void add_anchor(Agraph_t *g, const char *name, const char *id, pointf at)
{
	Agnode_t *n = agnode(g, (char *)name, 1);
	pin_point(g, n, AGNODE, "pos", at);
	pin(g, n, AGNODE, "style", "invis");
	pin(g, n, AGNODE, "shape", "point");
	pin(g, n, AGNODE, "width", "0");
	pin(g, n, AGNODE, "height", "0");
	pin(g, n, AGNODE, "label", "");
	pin(g, n, AGNODE, "id", id);
	pin(g, n, AGNODE, "class", "anchor");
}

/*
 * Compaction of a cropped period. The placement spreads the whole series'
 * actors; a period that draws few of them would keep the empty bands
 * between them. Along each axis, the extents of what the period draws (its
 * actors with room for arrowheads, its labels and clusters' labels) are
 * kept as they are and every empty band between them is narrowed to
 * COMPACT_GAP: a monotone map, so every actor keeps its place left, right,
 * above or below every other, and edges are carried along by their points.
 */

/* Room kept around an actor, in points: an arrowhead (10 pt) and a little. */
#define COMPACT_MARGIN 12.0
/* The widest an empty band between two things drawn is left, in points. */
#define COMPACT_GAP 24.0

/* An axis's map: the kept extents [from[k], to[k]] move by shift[k]; the bands between are scaled. */
typedef struct {
	double *from, *to, *shift;
	size_t count, cap;
} axis_map;

static void axis_add(axis_map *m, double from, double to)
{
	if (m->count == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->from = xrealloc(m->from, m->cap * sizeof *m->from);
		m->to = xrealloc(m->to, m->cap * sizeof *m->to);
	}
	m->from[m->count] = from;
	m->to[m->count++] = to;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Merges the extents and narrows the bands between them; returns the length it saves. */
static double axis_close(axis_map *m)
{
	if (!m->count)
		return 0;
	/* Sorted by start: extents sort by their from, to travels along. */
	double *pairs = xcalloc(2 * m->count, sizeof *pairs);
	for (size_t k = 0; k < m->count; k++) {
		pairs[2 * k] = m->from[k];
		pairs[2 * k + 1] = m->to[k];
	}
	qsort(pairs, m->count, 2 * sizeof *pairs, compare_doubles);
	size_t merged = 0;
	for (size_t k = 0; k < m->count; k++) {
		double from = pairs[2 * k], to = pairs[2 * k + 1];
		if (merged && from <= m->to[merged - 1])
			m->to[merged - 1] = fmax(m->to[merged - 1], to);
		else {
			m->from[merged] = from;
			m->to[merged++] = to;
		}
	}
	free(pairs);
	m->count = merged;
	m->shift = xcalloc(merged, sizeof *m->shift);
	double saved = 0;
	for (size_t k = 1; k < merged; k++) {
		double band = m->from[k] - m->to[k - 1];
		saved += fmax(0, band - COMPACT_GAP);
		m->shift[k] = -saved;
	}
	return saved;
}

static double axis_apply(const axis_map *m, double x)
{
	size_t k = 0;
	while (k < m->count && m->to[k] < x)
		k++;
	if (k == m->count)
		return x + (m->count ? m->shift[m->count - 1] : 0);
	if (k == 0 || x >= m->from[k])
		return x + m->shift[k];
	/* In the band between extent k-1 and k: scaled into what is left of it. */
	double start = m->to[k - 1] + m->shift[k - 1], end = m->from[k] + m->shift[k];
	return start + (x - m->to[k - 1]) * (end - start) / (m->from[k] - m->to[k - 1]);
}

static void axis_free(axis_map *m)
{
	free(m->from);
	free(m->to);
	free(m->shift);
}

/* Adds a box's extent on each axis, widened by margin. */
static void keep_box(axis_map *x, axis_map *y, pointf centre, double width, double height,
                     double margin)
{
	axis_add(x, centre.x - width / 2 - margin, centre.x + width / 2 + margin);
	axis_add(y, centre.y - height / 2 - margin, centre.y + height / 2 + margin);
}

static pointf map_point(const axis_map *x, const axis_map *y, pointf p)
{
	return (pointf){axis_apply(x, p.x), axis_apply(y, p.y)};
}

/*
 * A mapped curve's pieces meet at an angle where the map's scale changes
 * between their control points: each join's two control points are turned
 * onto one line through it again, keeping their distances.
 */
static void smooth_joins(bezier *bz)
{
	for (int k = 3; k + 1 < bz->size; k += 3) {
		pointf before = bz->list[k - 1], at = bz->list[k], after = bz->list[k + 1];
		double dx = after.x - before.x, dy = after.y - before.y, d = hypot(dx, dy);
		if (d <= 0)
			continue;
		double back = hypot(at.x - before.x, at.y - before.y);
		double ahead = hypot(after.x - at.x, after.y - at.y);
		bz->list[k - 1] = (pointf){at.x - dx / d * back, at.y - dy / d * back};
		bz->list[k + 1] = (pointf){at.x + dx / d * ahead, at.y + dy / d * ahead};
	}
}

/* Narrows the empty bands of a laid-out period (see above), in the layout itself. */
static void compact_period(Agraph_t *g)
{
	axis_map x = {0}, y = {0};
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		keep_box(&x, &y, ND_coord(n), ND_width(n) * 72, ND_height(n) * 72, COMPACT_MARGIN);
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (ED_label(e) && ED_label(e)->set)
				keep_box(&x, &y, ED_label(e)->pos, ED_label(e)->dimen.x, ED_label(e)->dimen.y, 0);
	}
	for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
		Agraphinfo_t *info = (Agraphinfo_t *)aggetrec(sub, "Agraphinfo_t", 0);
		if (info && info->label && info->label->set)
			keep_box(&x, &y, info->label->pos, info->label->dimen.x, info->label->dimen.y, 0);
	}
	bool moved = axis_close(&x) + axis_close(&y) > 0;
	for (Agnode_t *n = agfstnode(g); n && moved; n = agnxtnode(g, n)) {
		ND_coord(n) = map_point(&x, &y, ND_coord(n));
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			if (ED_label(e) && ED_label(e)->set)
				ED_label(e)->pos = map_point(&x, &y, ED_label(e)->pos);
			for (int i = 0; ED_spl(e) && i < ED_spl(e)->size; i++) {
				bezier *bz = &ED_spl(e)->list[i];
				bz->sp = map_point(&x, &y, bz->sp);
				bz->ep = map_point(&x, &y, bz->ep);
				for (int k = 0; k < bz->size; k++)
					bz->list[k] = map_point(&x, &y, bz->list[k]);
				smooth_joins(bz);
			}
		}
	}
	for (Agraph_t *sub = agfstsubg(g); sub && moved; sub = agnxtsubg(sub)) {
		Agraphinfo_t *info = (Agraphinfo_t *)aggetrec(sub, "Agraphinfo_t", 0);
		if (!info || info->bb.UR.x <= info->bb.LL.x)
			continue;
		info->bb = (boxf){map_point(&x, &y, info->bb.LL), map_point(&x, &y, info->bb.UR)};
		if (info->label && info->label->set)
			info->label->pos = map_point(&x, &y, info->label->pos);
	}
	axis_free(&x);
	axis_free(&y);
}

/* Pins every node, edge and region box of g where its layout has it, for the next layout. */
static void pin_layout(Agraph_t *g)
{
	strbuf b;
	sb_init(&b);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		pin_point(g, n, AGNODE, "pos", ND_coord(n));
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			if (ED_label(e) && ED_label(e)->set)
				pin_point(g, e, AGEDGE, "lp", ED_label(e)->pos);
			if (!ED_spl(e) || ED_spl(e)->size == 0)
				continue;
			b.len = 0;
			put_spline(&b, ED_spl(e));
			pin(g, e, AGEDGE, "pos", b.data);
		}
	}
	for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
		Agraphinfo_t *info = (Agraphinfo_t *)aggetrec(sub, "Agraphinfo_t", 0);
		if (!info || !is_cluster(sub) || info->bb.UR.x <= info->bb.LL.x)
			continue;
		b.len = 0;
		put_box(&b, info->bb);
		pin(g, sub, AGRAPH, "bb", b.data);
		if (info->label && info->label->set)
			pin_point(g, sub, AGRAPH, "lp", info->label->pos);
	}
	sb_free(&b);
}

/* Whether g draws region boxes (clusters; other subgraphs only group actors for dot). */
static bool has_clusters(Agraph_t *g)
{
	for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub))
		if (is_cluster(sub))
			return true;
	return false;
}

/* Whether any edge of g's layout carries a label of its own (a label node is a node). */
static bool has_edge_labels(Agraph_t *g)
{
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			if (edge_labelled(e))
				return true;
	return false;
}

/* The length of every edge of g's layout, in points. */
static double drawn_length(Agraph_t *g)
{
	double length = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			polyline line = sample_edge(e);
			length += polyline_length(line.at, line.count);
			free(line.at);
		}
	return length;
}

/*
 * A cropped period's edges follow the routes the placement found for the
 * whole series, past actors and round ties the period may not draw: routed
 * again among its own (an_route_edges), they may cross less, or as little
 * on shorter ways (a way round an actor the period does not draw can run
 * along another edge, which crosses it at every wiggle).
 * Pins them so when they run through fewer actors and labels, or as few and
 * cross less, or as little on shorter ways; else leaves the pins as they are.
 * Returns the faults of the edges as pinned.
 */
static an_faults reroute_if_clearer(Agraph_t *g)
{
	/*
	 * Lines too short to read are not weighed: the actors stay where they
	 * are, and only the detours of the whole series' routes make them longer.
	 */
	an_faults placed = faults_of(g, false);
	double placed_length = drawn_length(g);
	an_route_edges(g, AN_ANY_ROOM); /* cropped: a period's canvas may grow */
	an_faults rerouted = faults_of(g, false);
	if (rerouted.through < placed.through ||
	    (rerouted.through == placed.through &&
	     (rerouted.crossings < placed.crossings ||
	      (rerouted.crossings == placed.crossings && drawn_length(g) < placed_length - 1)))) {
		pin_layout(g);
		return rerouted;
	}
	return placed;
}

/* Pins g where the placement put everything, on the whole canvas or cropped (its anchors then dropped). */
static bool pin_placement(an_graph *g, const an_placement *p, bool whole, an_diags *diags)
{
	Agraph_t *cg = an_graph_cgraph(g);
	pin(cg, cg, AGRAPH, "notranslate", "true");
	for (Agnode_t *n = agfstnode(cg), *next; n; n = next) {
		next = agnxtnode(cg, n);
		if (strncmp(agnameof(n), "anchor.", 7) == 0) {
			/* ours, from an earlier layout ('.' is in no actor id) */
			if (!whole)
				agdelnode(cg, n);
			continue;
		}
		size_t i = si_get(&p->nodes, agnameof(n));
		if (i == SIZE_MAX) {
			an_error(diags, (an_pos){0, 0}, "internal: actor %s has no place in the series",
			         agnameof(n));
			return false;
		}
		pin(cg, n, AGNODE, "pos", p->node_pos[i]);
	}
	const char *key;
	Agedge_t *e;
	for (size_t k = 0; (e = an_graph_edge(g, k, &key)); k++) {
		size_t i = si_get(&p->edges, key);
		bool placed = i != SIZE_MAX && p->edge_pos[i];
		/* Without a place: routed by Graphviz between the pinned actors, whatever an earlier mend pinned. */
		pin(cg, e, AGEDGE, "pos", placed ? p->edge_pos[i] : "");
		pin(cg, e, AGEDGE, "lp", placed && p->edge_lp[i] ? p->edge_lp[i] : "");
	}
	for (Agraph_t *sub = agfstsubg(cg); sub; sub = agnxtsubg(sub)) {
		size_t i = si_get(&p->clusters, agnameof(sub));
		if (i == SIZE_MAX)
			continue;
		pin(cg, sub, AGRAPH, "bb", p->cluster_bb[i]);
		if (p->cluster_lp[i])
			pin(cg, sub, AGRAPH, "lp", p->cluster_lp[i]);
	}
	return true;
}

/*
 * Lays g out at its pins and mends it (see layout_placed), nudged if asked,
 * and pins it as mended; *nudgeable says whether it can be nudged; with
 * `faults`, gives the faults of its edges then.
 */
static bool mend_placed(an_renderer *r, an_graph *g, bool whole, bool nudge, bool *nudgeable,
                        an_faults *faults, an_diags *diags)
{
	Agraph_t *cg = an_graph_cgraph(g);
	if (!layout_at(r, g, "nop2", 0, FIT_NONE, diags))
		return false;
	/* Not with labels on edges or region boxes, which keep the placement's places, nor with ghosts. */
	bool can = !whole && !has_edge_labels(cg) && !has_clusters(cg) && !an_graph_draws_ghosts(g);
	if (nudgeable)
		*nudgeable = can;
	if (nudge && can)
		untangle_layout(r, g, NUDGE_KICKS, true);
	if (!whole)
		compact_period(cg);
	an_end_at_label_nodes(cg);
	an_clear_labels(cg);
	pin_layout(cg);
	if (!whole && !has_edge_labels(cg)) { /* labels on edges stay where the placement put them */
		an_faults kept = reroute_if_clearer(cg);
		if (faults)
			*faults = kept;
	} else if (faults) {
		*faults = faults_of(cg, false);
	}
	an_layout_free(r, g);
	return true;
}

/* Whether a nudged drawing runs through no more actors and labels, and crosses no more, than the one at the placement's places. */
static bool no_worse(an_faults nudged, an_faults placed)
{
	return nudged.through < placed.through ||
	       (nudged.through == placed.through && nudged.crossings <= placed.crossings);
}

/*
 * Lays g, the placement's `period` (SIZE_MAX: unknown), out where the
 * placement put everything, on the whole canvas or cropped, fitted as said.
 */
static bool layout_placed(an_renderer *r, an_graph *g, const an_placement *p, size_t period,
                          bool whole, double fit, an_diags *diags)
{
	Agraph_t *cg = an_graph_cgraph(g);
	an_layout_free(r, g); /* before nodes come and go: Graphviz frees what it laid out */
	if (!pin_placement(g, p, whole, diags))
		return false;
	if (whole) { /* the whole series' canvas */
		add_anchor(cg, "anchor.ll", "anchor-ll", p->bb.LL);
		add_anchor(cg, "anchor.ur", "anchor-ur", p->bb.UR);
	}
	/*
	 * A period on a canvas of its own, or with label nodes, is laid out
	 * twice: the first time to be mended, without the bands it leaves empty,
	 * with its edges ended at its own labels' borders and, cropped, routed
	 * again where they then cross less, then pinned as mended for the
	 * layout that is drawn. On the whole canvas without label nodes only
	 * the labels are mended, once it is laid out.
	 * A period cropped from a packed placement is also mended nudged
	 * (NUDGE_REACH), and kept so where its edges, as drawn, run through no
	 * more actors and labels and cross no more: not with labels on edges or
	 * region boxes, which keep the placement's places, nor with ghosts,
	 * where every period draws every actor and none may move from slide to
	 * slide. The timeline's frames keep the exact places.
	 */
	bool mend = !whole || an_joins_label_nodes(cg);
	if (mend) {
		/* Without the title block, which this layout does not use: measuring it is costly. */
		title_block title = take_title(cg);
		bool may_nudge = !whole && p->nudge, nudgeable = false;
		signed char *kept = may_nudge && period < p->nperiods ? &p->nudge_kept[period] : NULL;
		bool ok;
		if (kept && *kept >= 0) { /* weighed when the period was laid out to be cropped */
			ok = mend_placed(r, g, whole, *kept, NULL, NULL, diags);
		} else {
			an_faults placed_faults, nudged_faults;
			ok = mend_placed(r, g, whole, false, &nudgeable, may_nudge ? &placed_faults : NULL, diags);
			bool keep = false;
			if (ok && may_nudge && nudgeable) {
				ok = pin_placement(g, p, whole, diags) &&
				     mend_placed(r, g, whole, true, NULL, &nudged_faults, diags);
				keep = ok && no_worse(nudged_faults, placed_faults);
				if (ok && !keep)
					ok = pin_placement(g, p, whole, diags) && mend_placed(r, g, whole, false, NULL, NULL, diags);
			}
			if (ok && kept)
				*kept = keep;
		}
		give_title_back(cg, title);
		if (!ok)
			return false;
	}
	if (!layout_at(r, g, "nop2", 0, fit, diags))
		return false;
	if (p->map) /* a map's period: its own ties' arcs, on the series' canvas */
		an_draw_arcs(cg, true);
	else if (!mend) /* labels on edges cleared of the lines this period draws */
		an_clear_labels(cg);
	return true;
}

/* A map's period: its placement's outlines, and the leader lines of the actors it draws. */
static void pin_map(an_graph *graph, const an_placement *p)
{
	Agraph_t *g = an_graph_cgraph(graph);
	size_t count = (size_t)agnnodes(g), k = 0;
	const char **leaders = xcalloc(count + 1, sizeof *leaders);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		size_t i = si_get(&p->nodes, agnameof(n));
		if (i < p->map_nodes && p->map_leaders[i])
			leaders[k++] = p->map_leaders[i];
	}
	size_t nleaders;
	char *background = map_background(p->map_outlines, leaders, k, &p->map_colors, &nleaders);
	set_background(g, background);
	an_graph_set_map_shapes(graph, p->map_outline_shapes, nleaders);
	free(background);
	free(leaders);
}

bool an_layout_pinned(an_renderer *r, an_graph *g, const an_placement *p, size_t period,
                      bool whole_canvas, an_diags *diags)
{
	bool whole = whole_canvas || !p->crop || p->map; /* a map: one canvas, every actor at one place */
	double fit = whole || period >= p->nscales ? FIT_FILL : p->scales[period];
	if (!layout_placed(r, g, p, period, whole, fit, diags))
		return false;
	if (p->map) {
		pin_map(g, p);
		hide_crowded_labels(r, g, diags);
	}
	return true;
}

bool an_placement_crop(an_renderer *r, an_placement *p, an_graph *const *periods, size_t count,
                       double *text, an_diags *diags)
{
	p->crop = !p->map; /* a map's periods are drawn on the whole map, at one scale */
	for (size_t i = 0; i < count; i++)
		text[i] = 0;
	const an_target *t = count ? an_graph_target(periods[0]) : NULL;
	if (!t)
		return true;
	if (p->map) {
		double width, height;
		if (!layout_placed(r, periods[0], p, 0, true, FIT_NONE, diags))
			return false;
		drawing_size(periods[0], TARGET_PAD_PT, &width, &height);
		an_layout_free(r, periods[0]);
		double scale = fmin(filling_scale(t, width, height), AN_MAX_GROWTH);
		for (size_t i = 0; i < count; i++)
			text[i] = scale * t->min_text;
		return true;
	}
	/* Each period's own picture, laid out as it will be drawn, and the scale that fills the target. */
	free(p->scales);
	p->scales = xcalloc(count, sizeof *p->scales);
	p->nscales = count;
	free(p->nudge_kept);
	p->nudge_kept = xcalloc(count ? count : 1, sizeof *p->nudge_kept);
	memset(p->nudge_kept, -1, count);
	p->nperiods = count;
	for (size_t i = 0; i < count; i++) {
		if (!layout_placed(r, periods[i], p, i, false, FIT_NONE, diags))
			return false;
		double width, height;
		drawing_size(periods[i], TARGET_PAD_PT, &width, &height);
		an_layout_free(r, periods[i]);
		p->scales[i] = filling_scale(t, width, height);
	}
	/*
	 * One scale, the largest at which every legible period fits: a period
	 * too large to be legible on the target anyway is drawn as large as it
	 * fits, and does not shrink the others with it.
	 */
	double shared = AN_MAX_GROWTH;
	for (size_t i = 0; i < count; i++)
		if (an_target_readable(t, p->scales[i] * t->min_text))
			shared = fmin(shared, p->scales[i]);
	for (size_t i = 0; i < count; i++) {
		p->scales[i] = fmin(p->scales[i], shared);
		text[i] = p->scales[i] * t->min_text;
	}
	return true;
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
 * The font the layout measured text with, and the fonts closest to it in
 * width where it is not installed: Verdana (Windows, macOS) was drawn to the
 * same proportions as DejaVu Sans's ancestor, Bitstream Vera.
 */
#define SVG_FONT "font-family=\"DejaVu Sans\""
#define SVG_FONT_STACK "font-family=\"DejaVu Sans,Verdana,Geneva,sans-serif\""

/* Names the font's look-alikes after it wherever the SVG names it. */
static void add_font_stack(strbuf *svg)
{
	if (!strstr(svg->data, SVG_FONT))
		return;
	strbuf out;
	sb_init(&out);
	const char *p = svg->data, *hit;
	while ((hit = strstr(p, SVG_FONT))) {
		sb_add(&out, p, (size_t)(hit - p));
		sb_puts(&out, SVG_FONT_STACK);
		p = hit + strlen(SVG_FONT);
	}
	sb_add(&out, p, svg->len - (size_t)(p - svg->data));
	sb_free(svg);
	*svg = out;
}

/*
 * Writes the diagram's title as the SVG's first <title>, exactly, and its
 * description as a <desc> after it, for screen readers (Graphviz writes none).
 */
static void finish_svg(strbuf *svg, const char *title, const char *description)
{
	add_font_stack(svg);
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

/* Whether s starts one of the shapes Graphviz draws a background's operations with. */
static bool background_shape(const char *s)
{
	return strncmp(s, "<polygon ", 9) == 0 || strncmp(s, "<polyline ", 10) == 0 || strncmp(s, "<ellipse ", 9) == 0;
}

/*
 * Gives a map's background shapes their classes in its SVG: the last
 * `outlines` + `leaders` shapes before the drawing's first other element
 * (the page's own background comes before them), "map" for the countries'
 * outlines, "map-leader" for the lines to actors' places and their dots: a
 * page can restyle or hide them.
 */
static void tag_map(strbuf *svg, size_t outlines, size_t leaders)
{
	const char *graph = strstr(svg->data, "class=\"graph\"");
	const char *line = graph ? strstr(graph, "</title>") : NULL; /* the graph's title and description, of any length */
	const char *desc = line ? strstr(line, "</desc>") : NULL;
	if (desc && (!strstr(line, "<g id=") || desc < strstr(line, "<g id=")))
		line = desc;
	line = line ? strchr(line, '\n') : NULL;
	size_t shapes = 0;
	const char **starts = NULL;
	size_t cap = 0;
	while (line && *++line && background_shape(line)) {
		GROW(starts, cap, shapes + 1);
		starts[shapes++] = line;
		line = strchr(line, '\n');
	}
	if (shapes < outlines + leaders) {
		free(starts);
		return;
	}
	strbuf out;
	sb_init(&out);
	const char *from = svg->data;
	for (size_t k = shapes - outlines - leaders; k < shapes; k++) {
		const char *space = strchr(starts[k], ' ');
		sb_add(&out, from, (size_t)(space - from));
		sb_puts(&out, k < shapes - leaders ? " class=\"map\"" : " class=\"map-leader\"");
		from = space;
	}
	sb_add(&out, from, svg->len - (size_t)(from - svg->data));
	free(starts);
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

/*
 * The most pixels a side of a PNG may have: Graphviz shrinks a bitmap of
 * 32767 or more to fit cairo's image surfaces, and says so on stderr as is
 * (a little room for its rounding).
 */
#define PNG_MAX_PIXELS 32700.0
/* The largest side of a PDF, in points: beyond half its fixed-point range, cairo aborts. */
#define PDF_MAX_POINTS 4194304.0

/* The canvas a render of g's layout has, in points: the size it was fitted to, else its box and pad. */
static pointf canvas_points(Agraph_t *g)
{
	const char *size = agget(g, "size");
	double w, h;
	if (size && strchr(size, '!') && sscanf(size, "%lf,%lf", &w, &h) == 2)
		return (pointf){w * 72, h * 72};
	const char *pad = agget(g, "pad");
	double px = 4, py = 4; /* Graphviz's default pad */
	if (pad && *pad) {
		int n = sscanf(pad, "%lf,%lf", &px, &py);
		px *= 72;
		py = n == 2 ? py * 72 : px;
	}
	boxf bb = GD_bb(g);
	return (pointf){bb.UR.x - bb.LL.x + 2 * px, bb.UR.y - bb.LL.y + 2 * py};
}

/*
 * Whether a drawing this large can be rendered to the format: a PNG is at
 * most PNG_MAX_PIXELS a side at its dpi, a PDF PDF_MAX_POINTS (else Graphviz
 * shrinks the PNG to a blur, or leaves it empty, and cairo aborts on the PDF).
 */
/* What drawing a PNG takes besides its pixels (measured: 5 MiB for the shipped network's). */
#define PNG_HEADROOM (16u << 20)

static bool renderable(Agraph_t *g, const char *format, double dpi, an_diags *diags)
{
	pointf c = canvas_points(g);
	if (strcmp(format, "png") == 0) {
		double scale = (dpi > 0 ? dpi : 96) / 72, side = fmax(c.x, c.y);
		if (side * scale > PNG_MAX_PIXELS) {
			/* A lower dpi is worth naming while the PNG it gives is still of use. */
			int fits = (int)floor(PNG_MAX_PIXELS * 72 / side);
			char dpi_hint[64] = "";
			if (fits >= 24)
				snprintf(dpi_hint, sizeof dpi_hint, ", --dpi %d or lower", fits);
			an_error(diags, (an_pos){0, 0},
			         "the PNG would be %.0f x %.0f px, more than %.0f a side: draw it for a page or a slide (--size)%s, or write SVG",
			         ceil(c.x * scale), ceil(c.y * scale), PNG_MAX_PIXELS, dpi_hint);
			return false;
		}
		/* cairo draws a PNG in memory, 4 bytes a pixel, and crashes when it cannot have them. */
		double pixels = ceil(c.x * scale) * ceil(c.y * scale);
		if (!room_to_draw(4 * pixels + PNG_HEADROOM)) {
			an_error(diags, (an_pos){0, 0},
			         "out of memory: the PNG of %.0f x %.0f px needs %.0f MiB, more than the memory limit (ulimit -v) leaves: lower --dpi, draw it for a page or a slide (--size), or write SVG",
			         ceil(c.x * scale), ceil(c.y * scale), ceil((4 * pixels + PNG_HEADROOM) / (1 << 20)));
			return false;
		}
	} else if (strcmp(format, "pdf") == 0 && (c.x > PDF_MAX_POINTS || c.y > PDF_MAX_POINTS)) {
		an_error(diags, (an_pos){0, 0},
		         "the PDF would be %.0f x %.0f pt, more than %.0f a side: draw it for a page or a slide (--size), or write SVG",
		         ceil(c.x), ceil(c.y), PDF_MAX_POINTS);
		return false;
	}
	return true;
}

/* The surfaces' numbers met in an SVG, in order (number_surfaces). */
typedef struct {
	unsigned long *seen;
	size_t count, cap;
} surface_numbers;

/* Writes an id, "surfaceN" as "surfaceK", K the rank of N among the numbers met. */
static void put_surface_id(strbuf *b, const char *id, size_t n, void *context)
{
	static const char word[] = "surface";
	size_t w = sizeof word - 1, digits = w;
	while (digits < n && id[digits] >= '0' && id[digits] <= '9')
		digits++;
	if (n <= w || digits != n || memcmp(id, word, w) != 0 || n - w > 18) {
		sb_add(b, id, n);
		return;
	}
	surface_numbers *s = context;
	unsigned long number = 0;
	for (size_t i = w; i < n; i++)
		number = number * 10 + (unsigned long)(id[i] - '0');
	size_t k = 0;
	while (k < s->count && s->seen[k] != number)
		k++;
	if (k == s->count) {
		GROW(s->seen, s->cap, s->count + 1);
		s->seen[s->count++] = number;
	}
	sb_printf(b, "%s%zu", word, k + 1);
}

/*
 * Numbers cairo's surfaces in an SVG (svg:cairo: text as outlines) in the
 * order they appear: cairo counts them through the process ("surface265"),
 * so the same drawing's ids would depend on what the process drew before
 * (a series' periods, in one worker or two).
 */
static void number_surfaces(strbuf *svg)
{
	surface_numbers numbers = {NULL, 0, 0};
	strbuf out;
	sb_init(&out);
	an_svg_put_renamed(&out, svg->data, svg->len, put_surface_id, &numbers, true);
	free(numbers.seen);
	sb_free(svg);
	*svg = out;
}

/*
 * Dates a PDF that cairo drew: its /CreationDate, written as the time it was
 * drawn (D:YYYYMMDDHHmmSSZ; with an offset, +HH'mm, unless the process
 * keeps UTC, as the CLI does), becomes `seconds` in UTC, in as many bytes
 * (the cross-reference table counts them). False when there is no such date.
 */
static bool date_pdf(char *pdf, size_t size, long long seconds)
{
	static const char key[] = "/CreationDate (D:";
	size_t keyed = sizeof key - 1;
	char *at = NULL;
	for (size_t i = size >= keyed ? size - keyed + 1 : 0; !at && i-- > 0;) /* the document's information is at its end */
		if (pdf[i] == '/' && memcmp(pdf + i, key, keyed) == 0)
			at = pdf + i;
	if (!at)
		return false;
	char *date = at + keyed - 2, *end = memchr(date, ')', size - (size_t)(date - pdf));
	time_t t = (time_t)seconds;
	struct tm utc;
	char value[32];
	if (!end || !gmtime_r(&t, &utc) || strftime(value, sizeof value, "D:%Y%m%d%H%M%S", &utc) != 16)
		return false;
	size_t length = (size_t)(end - date);
	if (length == 17)
		strcat(value, "Z");
	else if (length == 22)
		strcat(value, "+00'00");
	else
		return false;
	memcpy(date, value, length);
	return true;
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
	bool svg = strcmp(format, "svg") == 0;
	bool cairo = raster || strcmp(format, "pdf") == 0 || (svg && opt && opt->outline_text);
	if (cairo && !r->laid_out_with_pango)
		r->pango_text = true; /* laid out again, the texts measured by pango: cairo draws its layouts */
	if (dpi != r->layout_dpi || (cairo && !r->laid_out_with_pango)) {
		char engine[sizeof r->engine];
		memcpy(engine, r->engine, sizeof engine);
		if (!layout_at(r, g, engine, dpi, r->layout_fit == FIT_NONE ? FIT_NONE : FIT_KEPT, diags))
			return false;
	}
	if (!renderable(an_graph_cgraph(g), format, dpi, diags))
		return false;
	if (svg && opt && opt->outline_text)
		format = "svg:cairo"; /* text as glyph outlines */
	char *out = NULL;
	unsigned int size = 0;
	if (svg)
		escape_urls(an_graph_cgraph(g), true);
	int saved = catch_stderr(r);
	int rc = gvRenderData(r->gvc, an_graph_cgraph(g), raster ? AN_PNG_FORMAT : format, &out, &size);
	release_stderr(r, saved);
	if (svg)
		escape_urls(an_graph_cgraph(g), false);
	bool had_error = false;
	flush_messages(diags, &had_error);
	if (rc != 0 || !out || size == 0 || had_error) {
		if (!had_error)
			an_error(diags, (an_pos){0, 0}, "Graphviz could not render %s%s", format,
			         rc == 0 && out ? ": it drew an empty file" : "");
		if (out)
			gvFreeRenderData(out);
		return false;
	}
	strbuf result;
	sb_init(&result);
	sb_add(&result, out, size);
	gvFreeRenderData(out);
	if (strcmp(format, "pdf") == 0 && opt && opt->dated && !date_pdf(result.data, result.len, opt->date))
		an_warning(diags, (an_pos){0, 0}, "the PDF is dated now, not by SOURCE_DATE_EPOCH: cairo wrote no creation date that actornet can change");
	if (svg && opt && opt->outline_text)
		number_surfaces(&result);
	if (svg)
		finish_svg(&result, an_graph_title(g), an_graph_description(g));
	size_t outlines, leaders;
	an_graph_map_shapes(g, &outlines, &leaders);
	if (svg && outlines + leaders > 0)
		tag_map(&result, outlines, leaders);
	if (svg && opt && opt->id_prefix && *opt->id_prefix) {
		strbuf prefixed;
		sb_init(&prefixed);
		an_svg_put_prefixed(&prefixed, result.data, result.len, opt->id_prefix, true);
		sb_free(&result);
		result = prefixed;
	}
	*data = sb_take(&result, len);
	return true;
}
