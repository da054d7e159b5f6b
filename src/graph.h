/* graph.h: what builder.c shares with render.c and route.c, the files that use Graphviz. */
#ifndef ACTORNET_GRAPH_H
#define ACTORNET_GRAPH_H

#include <graphviz/cgraph.h>
#include <graphviz/geom.h>
#include <math.h>
#include <stdint.h>

#include "actornet.h"

/* The pad around a drawing made for a target, in inches (fitting counts it in). */
#define AN_TARGET_PAD 0.1

/* The cgraph graph inside a built graph; owned by it. */
Agraph_t *an_graph_cgraph(an_graph *graph);
/* The network's description, or NULL: render.c writes it into the SVG's <desc>. */
const char *an_graph_description(const an_graph *graph);
/* The medium the graph is drawn for, or NULL (its natural size). */
const an_target *an_graph_target(const an_graph *graph);
/* Whether the graph is the one a series' actors are placed with (all its periods' ties). */
bool an_graph_places_series(const an_graph *graph);
/* Whether the graph is built to draw, faintly, the actors and ties outside its view (--ghost). */
bool an_graph_draws_ghosts(const an_graph *graph);
/*
 * The title block's HTML-like label, or NULL. A bare graph built for a
 * target has one though it does not draw it: the periods drawn from its
 * placement will, and the packed engine leaves room for it.
 */
const char *an_graph_title_block(const an_graph *graph);
/*
 * The least width of the drawing, in points (0: any): its title block's
 * lines of sources as a browser draws them, wider than Graphviz measures.
 */
double an_graph_min_width(const an_graph *graph);
/* The diagram's title, or NULL: render.c writes it into the SVG's <title>. */
const char *an_graph_title(const an_graph *graph);
/* The period the graph draws ("2010–2019"), "" when it draws no one period: for messages. */
const char *an_graph_period(const an_graph *graph);
/* The labels its ties were built with (an_build_options' labels). */
an_labels an_graph_labels(const an_graph *graph);

/* How a map found an actor's place (--layout map). */
typedef enum {
	AN_PLACED_AT,      /* its own `at` */
	AN_PLACED_COUNTRY, /* a state whose id is a country's code */
	AN_PLACED_PART_OF, /* beside the actor it is part of */
	AN_PLACED_REGION,  /* in its region's area */
	AN_UNPLACED        /* none: drawn in a column beside the map */
} an_place_source;

typedef struct {
	double latitude, longitude; /* degrees; unset when AN_UNPLACED */
	an_place_source source;
} an_geo_place;

/* The theme's colours for a map: its countries' fill and borders, and the lines to actors' places. */
void an_graph_map_colors(const an_graph *graph, const char **land, const char **border, const char **leader);
/* The share of its own width a map is drawn at (an_build_options' map_share; 1 for 0). */
double an_graph_map_share(const an_graph *graph);

/*
 * The shapes of the graph's map background as drawn (outlines, then leader
 * lines and their dots), for the SVG's classes: set by the layout that draws
 * the map; 0 and 0 without one.
 */
void an_graph_set_map_shapes(an_graph *graph, size_t outlines, size_t leaders);
void an_graph_map_shapes(const an_graph *graph, size_t *outlines, size_t *leaders);

/* Where a map draws the actor node n (named by its id), or NULL when n is no actor. */
const an_geo_place *an_graph_geo_place(const an_graph *graph, Agnode_t *n);
/*
 * Warns of each actor drawn that has no place on a map, with what would
 * give it one; returns how many there are.
 */
size_t an_graph_warn_unplaced(const an_graph *graph, an_diags *diags);

/*
 * The i-th edge of the graph (NULL past the last) and its key: the edge that
 * stands for the same ties (the same from, to, type and direction, merged)
 * has the same key in every graph built from one network, whatever the period.
 */
Agedge_t *an_graph_edge(an_graph *graph, size_t i, const char **key);

/*
 * The periods of a series that draw the i-th edge, one bit each (see
 * an_graph_mark_periods); 0 when the graph's periods are not marked.
 */
uint64_t an_graph_edge_periods(const an_graph *graph, size_t i);
/* Whether the graph's edges are marked with their periods. */
bool an_graph_has_periods(const an_graph *graph);

/*
 * The number of strands from the i-th edge on (an_graph_edge's order): the
 * ties of one pair and direction merged across types, an edge per type,
 * joined by no label node; 0 for every other edge, a bundle's others too.
 */
size_t an_graph_strands(const an_graph *graph, size_t i);

/*
 * Draws the n strands of a bundle side by side along the route of the
 * first, laid out by an engine that spread them apart (dot draws each as
 * its own curve, and they cross the edges around them): route.c.
 */
void an_bundle_strands(Agraph_t *g, Agedge_t *const *strands, size_t n);

/*
 * Routes the edges of g's layout among its nodes (splines=true at a cost
 * that grows with each edge's neighbourhood, not with the whole graph): the
 * edges of each pair of nodes side by side along one route, the way, of
 * those through no node, that crosses the fewest other edges as drawn then:
 * straight, as drawn, or round the nodes in the way on either side, a long
 * way round only when nothing shorter is clear, and never through the
 * title block (the graph's label). A way out of `room` is taken only when
 * none in it is clear: the box the drawing may grow to without its text
 * shrinking under its target's minimum (AN_ANY_ROOM: any). route.c.
 */
void an_route_edges(Agraph_t *g, boxf room);

/*
 * Draws the edges of g's layout as arcs, for a map: each from its tail to
 * its head, bulging to its left (ties both ways between two actors: an arc
 * on either side), bent more, lopsided, or to the other side where it would
 * run through a node it does not join (around the nodes, pathplan's way,
 * where every arc would and few nodes are near); a pair's edges of one
 * direction side by side along one line. Then clears the labels
 * (an_clear_labels), bends the lines that run through other edges' labels
 * round them where an arc through no more nodes can, and clears the labels
 * again. `bounded` (a period of a map series, on the series' canvas): every
 * line kept within g's box, a pair left as drawn where no line there runs
 * through no node: route.c.
 */
void an_draw_arcs(Agraph_t *g, bool bounded);

/* Two actors of an_untangle_map joined by a tie (indexes). */
typedef struct {
	size_t a, b;
} an_map_pair;

/*
 * A crowded map's actors (centres at[i], half sizes half[i]) swap places
 * with their neighbours where fewer of the ties `pairs` then run through
 * other actors, each tie counted on the least crowded of the evenly bowed
 * arcs an_draw_arcs tries first: only actors that swaps[i] lets move (not
 * a state at its country), only two whose true places (truth) are less
 * than their widths apart (actors spread about one country), and only
 * where neither ends farther from its true place than the farther of the
 * two was. Actors may meet after it: spread them again. route.c.
 */
void an_untangle_map(pointf *at, const pointf *half, const pointf *truth, const bool *swaps, size_t count,
                     const an_map_pair *pairs, size_t npairs);

/* Room for an_route_edges without bounds. */
#define AN_ANY_ROOM ((boxf){{-INFINITY, -INFINITY}, {INFINITY, INFINITY}})

/* Each node's place in g's node order, indexed by its AGSEQ: malloc'd (route.c). */
size_t *an_node_indexes(Agraph_t *g);

/*
 * Moves each edge label of g's layout that a line of another edge runs
 * through, or that overlaps a node, another label or the title block
 * (measured by the box a browser draws its text in), to the nearest place
 * within 32 points, else beside its own line anywhere along it, where it is
 * clear of them all, off its own line and near it, inside the drawing's
 * box; where there is none, to the place whose text the fewest lines run
 * through, if fewer than where it is: route.c.
 */
void an_clear_labels(Agraph_t *g);

/*
 * Hides the edge labels of g's layout that overlap a node's box, then,
 * greedily, others till no two overlap (the one that overlaps the most
 * first); overlaps of less than a point do not count: a crowded map's
 * labels that an_clear_labels found no room for. Returns how many it hid;
 * *shown: how many labels are left. route.c.
 */
size_t an_hide_crowded_labels(Agraph_t *g, size_t *shown);

/* Draws every edge of g's layout (but loops) as a straight line between its nodes as they are now: route.c. */
void an_draw_straight(Agraph_t *g);

/*
 * Ends the edges of g's layout at the borders of the label nodes they join
 * (tie.KEY, and joint.KEY for a joint tie's event) as they are now: a
 * period of a stable series is drawn with curves routed for the whole
 * series, whose labels are longer: route.c.
 */
void an_end_at_label_nodes(Agraph_t *g);

/* Whether any edge of g joins a label node (tie.KEY or joint.KEY): route.c. */
bool an_joins_label_nodes(Agraph_t *g);
/* Whether g has a tie's label node (tie.KEY; an event, joint.KEY, is placed like an actor): route.c. */
bool an_has_tie_label_nodes(Agraph_t *g);
/* Whether e joins a label node (one half of a labelled tie, or a joint tie's spoke). */
bool an_joins_label_node(Agedge_t *e);

#endif
