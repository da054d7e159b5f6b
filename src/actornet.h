/* actornet.h: the library's public interface: the network model, dates, diagnostics and stages. */
#ifndef ACTORNET_H
#define ACTORNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Ownership: an_network owns every string and array it points to (the
 * strings live in its arena, so no single one is freed or reallocated);
 * an_network_free releases all of it. An an_view borrows its network.
 * Every other returned pointer is documented where it is returned.
 * No library function prints or exits: problems go to an an_diags sink.
 */

#define ACTORNET_VERSION "0.1.0"

/* ---------------------------------------------------------------- positions */

/* A position in the input: 1-based line and column in characters; 0 = none. */
typedef struct {
	int line;
	int col;
} an_pos;

/* ------------------------------------------------------------- diagnostics */

typedef enum { AN_WARNING, AN_ERROR } an_severity;

typedef struct {
	an_severity severity;
	const char *file; /* borrowed from the sink's file names */
	an_pos pos;
	char *message;
} an_diag;

typedef struct {
	an_diag *items;
	size_t count, cap;
	size_t errors, warnings;
	char **files; /* file names, owned */
	size_t nfiles;
	const char *file; /* current file, one of files */
} an_diags;

/*
 * The library's allocations do not fail: when memory runs out it calls the
 * handler set here, which must not return (the command line's reports and
 * exits with status 3); with none, it aborts.
 */
void an_set_out_of_memory(void (*handler)(void));

void an_diags_init(an_diags *d);
void an_diags_free(an_diags *d);
/* Sets the file that the next diagnostics belong to (copied); NULL for none. */
void an_diags_set_file(an_diags *d, const char *file);
void an_error(an_diags *d, an_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void an_warning(an_diags *d, an_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Drops the diagnostics from index `first` on, except the last one. */
void an_diags_keep_last(an_diags *d, size_t first);
/* Drops the diagnostics from index `first` on that repeat one before it (a drawing made twice). */
void an_diags_drop_repeats(an_diags *d, size_t first);
/* Orders the diagnostics of each file by position, keeping the order of equals. */
void an_diags_sort(an_diags *d);
/*
 * Text from a network or a command line as a message may show it (caller
 * frees): control characters, line separators, bidirectional controls and
 * bytes that are not UTF-8 escaped (\x1b, \n, \u202e), and, when `cut`, a
 * run of over 120 characters without a space, or a text of over 1,000, cut
 * in the middle with "…". Every diagnostic's message is shown so.
 */
char *an_printable(const char *text, bool cut);
/*
 * Formats one diagnostic as "FILE:LINE:COL: error: MESSAGE" (no newline;
 * "FILE:LINE: " when it has no column, "actornet: " when no file); caller frees.
 */
char *an_diag_format(const an_diag *diag);

/* -------------------------------------------------------------- dates */

/* A day is a count of days since 1970-01-01 in the proleptic Gregorian calendar. */
#define AN_DAY_MIN INT32_MIN /* -infinity: open or unknown start */
#define AN_DAY_MAX INT32_MAX /* +infinity: open or unknown end */

typedef enum {
	AN_BOUND_DATE,    /* a date, possibly qualified or with unspecified digits */
	AN_BOUND_OPEN,    /* ".." : open, still going on (end) / since always (start) */
	AN_BOUND_UNKNOWN, /* ""   : exists but not known */
} an_bound_kind;

typedef enum {
	AN_PREC_YEAR,  /* 1995, 199X, 19XX */
	AN_PREC_MONTH, /* 2009-12 */
	AN_PREC_DAY,   /* 2009-12-11 */
} an_precision;

/* One end of a `when`, or a single date (16 bytes). */
typedef struct {
	int32_t first, last;      /* the day range the date can mean */
	int16_t year;             /* as written (4 digits); X digits as 0 (199X -> 1990) */
	signed char month, day;   /* as written; 0 when not given */
	signed char unspecified;  /* number of X digits in the year: 0, 1 or 2 */
	char qualifier;           /* '\0', '?', '~' or '%' */
	/* The enums in a byte each (an enum bit-field is implementation-defined in C11). */
	unsigned char kind;      /* an_bound_kind */
	unsigned char precision; /* an_precision; AN_BOUND_DATE only */
} an_date;

/* The days a `when` covers: possibly, and certainly. */
typedef struct {
	int32_t first_day;   /* earliest possible start (AN_DAY_MIN when open/unknown) */
	int32_t last_day;    /* latest possible end (AN_DAY_MAX when open/unknown) */
	int32_t certain_first; /* latest possible start */
	int32_t certain_last;  /* earliest possible end */
	bool uncertain;      /* some date carries ?, ~ or % */
} an_days;

/* A resolved `when`: a single date (an event) or an interval. */
typedef struct {
	an_date start, end;
	an_days days;
	bool interval;       /* false: a single date; start == end */
} an_when;

/*
 * Parses `when` text (EDTF subset). On failure returns false and writes what
 * is wrong into problem (no position, no quoted input, no trailing period),
 * e.g. "month must be 01 to 12".
 */
bool an_when_parse(const char *text, an_when *out, char *problem, size_t size);

/*
 * Parses a command-line period: a decade "1990s", "2017", "1990-1999",
 * "2009-12", "2010-", and every `when` form. Fills *out as an_when_parse.
 */
bool an_period_parse(const char *text, an_when *out, char *problem, size_t size);

/* The period [first, last] as an_when (for spans computed from data). */
void an_when_from_days(int32_t first, int32_t last, an_when *out);

/* Day count of a Gregorian date (month 1-12, day 1-31), and back. */
int32_t an_days_from_civil(int year, int month, int day);
void an_civil_from_days(int32_t days, int *year, int *month, int *day);

/* Writes the day as "YYYY-MM-DD" into buf (at least 11 bytes). */
void an_day_format(int32_t day, char *buf);

/*
 * Writes a human label for the `when` into buf: "1995", "1995?", "c. 1995",
 * "Dec 2009", "1990s", "1980–1988", "1973–" (ongoing), "2010–?" (unknown end),
 * "–1989" (open start), "?–1989" (unknown start).
 */
void an_when_label(const an_when *w, char *buf, size_t size);

/* Writes a period's display text: "1990–1999", "2017", "2010–", "–1989". */
void an_period_label(const an_when *p, char *buf, size_t size);

/*
 * Narrows days, possible and certain, to those of `within` (an actor's
 * lifetime: the tie is certainly in force only while the actor certainly
 * exists); `uncertain` stays as written. Returns whether it narrowed any.
 */
bool an_days_clip(an_days *days, const an_when *within);

/* Whether a tie in force on `days` is shown in `period`: possibly (default) or certainly. */
bool an_days_overlap(const an_days *days, const an_when *period, bool certain);

/* The step of a series: `--each decade`, `year` or `Ny` (N years). */
typedef struct {
	int years;   /* 1 to 1000 */
	bool decade; /* periods named "1990s" rather than "1990-1999" */
} an_step;

/* Parses "decade", "year" or "Ny" (e.g. 5y); false with the problem written, as an_when_parse. */
bool an_step_parse(const char *text, an_step *out, char *problem, size_t size);

/* One period of a series. */
typedef struct {
	an_when when;
	char name[24]; /* "1990s", "2017" or "1990-1994": what {period} becomes */
} an_period;

#define AN_SERIES_MAX 1000 /* periods in one series */

/*
 * The periods of `step` that cover the years first to last (inclusive), in
 * order, aligned on multiples of the step (5y: 1990-1994, 1995-1999).
 * Returns NULL (and *count set to the number it would be) when there would
 * be more than AN_SERIES_MAX; caller frees.
 */
an_period *an_series(const an_step *step, int first, int last, size_t *count);

/* ----------------------------------------------------------------- model */

/* An actor's `kind`, as written: a state, a non-state actor, an international organisation. */
typedef enum { AN_STATE, AN_NON_STATE, AN_INTERNATIONAL } an_kind;
#define AN_NKINDS 3

/* Strongest first, so a smaller value is more certain. */
typedef enum { AN_CONFIRMED, AN_REPORTED, AN_ALLEGED, AN_DISPUTED } an_confidence;

const char *an_kind_name(an_kind k);
const char *an_confidence_name(an_confidence c);
/* The confidence a name of the file format stands for; false when it is none. */
bool an_confidence_parse(const char *name, an_confidence *c);

/* A string value with the position of its YAML node. */
typedef struct {
	char *text; /* NULL when absent */
	an_pos pos;
} an_str;

/* One of an actor's dated names (`names:`): its name, and label, while `when`. */
typedef struct {
	an_str name, label; /* label: NULL when not given */
	an_str when_text;
	an_when when;       /* valid when when_ok */
	bool when_ok;
} an_dated_name;

typedef struct {
	an_str id;       /* pos: the key */
	an_str name, label, type, region, part_of, url, note; /* name: NULL when only `names` gives them */
	an_dated_name *names; /* `names`, in the file's order (arena), or NULL */
	size_t nnames;
	an_kind kind;
	bool has_kind;   /* whether `kind` was given (AN_STATE is also the zero value) */
	an_str when_text;
	an_when when;     /* valid when when_text.text && when_ok */
	bool when_ok;
	size_t part_of_index; /* resolved by validation, or SIZE_MAX */
	/* `at: [LATITUDE, LONGITUDE]`: where a map draws it, in degrees (has_at: given and valid). */
	bool has_at;
	double latitude, longitude;
	an_pos at_pos;
} an_actor;

/*
 * How an actor is drawn and counted: as its kind, except that a state
 * actor part of another actor (an agency, an armed force, a ministry) is a
 * state organ. AN_NKINDS for a state organ.
 */
#define AN_STATE_ORGAN AN_NKINDS
#define AN_NSHOWN_KINDS (AN_NKINDS + 1)
int an_shown_kind(const an_actor *a);
/* "state", "non-state", "international", or "state organ". */
const char *an_shown_kind_name(int shown_kind);

typedef struct {
	an_str key;      /* pos: the key */
	an_str text;     /* a plain string source, or NULL */
	an_str title, author, date, url;
} an_source;

typedef struct {
	an_str name;     /* pos: the key */
	an_str label, color;
	bool builtin;    /* one of the built-in types (possibly restyled) */
	const char *arrowhead; /* static: "normal", "vee", "tee", ... */
	const char *builtin_color; /* static, the palette colour */
	const char *builtin_label; /* static */
} an_type;

/* A list of ids as written: `from: IRN` or `from: [IRN, SYR]`. */
typedef struct {
	an_str *ids;
	size_t count;
	an_pos pos;
	size_t *index; /* from/to: actor indices, SIZE_MAX when unknown (the loader
	                  resolves the actors read before the tie, validation the rest) */
} an_idlist;

/* What few ties have, kept apart so that a large network stays small. */
typedef struct {
	an_str grade;
	an_str note;
	an_str id;       /* as written, or NULL */
} an_tie_extra;

typedef struct {
	an_pos pos;      /* the tie's mapping */
	bool malformed;  /* not a mapping: reported, and skipped by validation */
	bool when_ok;
	bool mutual;
	an_confidence confidence;
	an_idlist from, to;
	an_str type;
	size_t type_index; /* resolved by validation, or SIZE_MAX */
	an_str when_text;
	an_days when;    /* the days `when` covers, valid when when_ok (its text is parsed again to label it) */
	an_str label;
	an_idlist sources; /* keys into network sources; empty when none given */
	an_tie_extra *extra; /* grade, note and id; NULL when the tie has none */
	char *key;       /* the id, or its 1-based position ("3") when none */
} an_tie;

/* One from/to pair of a tie after lists are expanded. */
typedef struct {
	size_t tie;      /* index into ties */
	size_t from, to; /* actor indices */
	char *key;       /* the tie's key, with ".2", ".3"... for further pairs */
	/*
	 * The days it is in force: the tie's `when`'s (always, when it has none
	 * or a bad one), clipped to both actors' `when` (see an_days_clip).
	 */
	an_days when;
} an_link;

typedef struct {
	struct an_network_store *store; /* private (internal.h): its strings and actor ids */
	char *path;      /* the file it came from */
	an_str title, subtitle, description, default_source;
	an_source *sources;
	size_t nsources;
	an_actor *actors;
	size_t nactors;
	an_type *types;  /* built-in types first, then declared ones */
	size_t ntypes;
	an_tie *ties;
	size_t nties;
	an_link *links;  /* filled by validation */
	size_t nlinks;
	bool has_span;   /* whether any tie is dated with a finite bound */
	int32_t span_first, span_last; /* earliest finite start, latest finite end */
} an_network;

/* Returns a network holding only the built-in types; free with an_network_free. */
an_network *an_network_new(const char *path);
void an_network_free(an_network *net);

/* Index lookups; SIZE_MAX when absent. */
size_t an_find_actor(const an_network *net, const char *id);
size_t an_find_type(const an_network *net, const char *name);
size_t an_find_source(const an_network *net, const char *key);

/* The known actor id, type name or source key nearest to a misspelt one, or NULL. */
const char *an_suggest_actor(const an_network *net, const char *id);
const char *an_suggest_type(const an_network *net, const char *name);
const char *an_suggest_source(const an_network *net, const char *key);

/* The display label of a type. */
const char *an_type_label(const an_type *t);
const char *an_type_color(const an_type *t);
/*
 * Whether a tie is joint: mutual among three actors or more (a summit, a
 * joint exercise). A diagram draws it once, as an event; stats and exports
 * count and list its pairs, exports marking them with its key.
 */
bool an_tie_is_joint(const an_tie *t);

/* --------------------------------------------------------------- stages */

/* Limits of the loader (issue: bad input never crashes actornet). */
typedef struct {
	size_t max_size;     /* bytes; 0 = default (64 MiB) */
} an_load_options;

/*
 * Reads a network file into a new network. Returns NULL when nothing can be
 * trusted (a missing or oversized file, a YAML syntax or encoding error, the
 * nesting or alias limit), with that one problem in `diags`; otherwise the
 * network, possibly incomplete, with every problem appended to `diags`.
 * The path "-" is standard input, read whole (within the size limit).
 */
an_network *an_load_file(const char *path, const an_load_options *opt, an_diags *diags);
/* The name messages give the input `path`: "<stdin>" for "-", else the path. */
const char *an_input_name(const char *path);
/* The same from memory; `name` is used in diagnostics. */
an_network *an_load_buffer(const char *name, const char *data, size_t size,
                           const an_load_options *opt, an_diags *diags);

/* Checks references, dates and lists, expands ties into links, warns. */
void an_validate(an_network *net, an_diags *diags);

typedef enum { AN_UNDATED_SHOW, AN_UNDATED_HIDE } an_undated;

typedef struct {
	bool has_period;
	an_when period;
	bool certain;            /* --certain */
	an_undated undated;      /* --undated show|hide */
	bool *type_allowed;      /* per type index, or NULL for all */
	an_confidence min_confidence; /* AN_DISPUTED shows all */
	size_t *focus;           /* actor indices */
	size_t nfocus;
	int depth;               /* hops from the focus */
	bool all_actors;         /* --all-actors */
} an_filter;

void an_filter_init(an_filter *f);

/* What a diagram shows: a subset of links and actors, in file order. */
typedef struct an_view_s {
	const an_network *net;
	size_t *links;    /* indices into net->links */
	size_t nlinks;
	bool *actor_shown; /* per actor */
	size_t nactors_shown;
	an_when period;   /* the period shown (the span when none was given) */
	bool has_period;  /* false: no period and no dated ties */
	char period_text[64]; /* "1990–1999" etc., "" when none */
	bool widest_names; /* a series' placement: each actor takes the room of its widest label (set by an_period_series_open) */
} an_view;

/*
 * An actor's name and label in a view (NULL: in none): with a `name` of its
 * own, the dated name (`names`) in use on the last day of the view's period,
 * else that name; without, the latest dated name that may overlap the
 * period, else its latest. The label is the actor's own `label`, else that
 * name's label, else the name; the id when it has no name at all.
 */
const char *an_actor_name_in(const an_actor *a, const an_view *view);
const char *an_actor_label_in(const an_actor *a, const an_view *view);

/*
 * Applies the filter; the view borrows `net`. The stages from here on take a
 * network that an_validate passed without errors. Free with an_view_free.
 */
void an_view_build(an_view *view, const an_network *net, const an_filter *f);
void an_view_free(an_view *view);

/* ------------------------------------------------------ building, rendering */

typedef enum { AN_THEME_LIGHT, AN_THEME_DARK, AN_THEME_PRINT } an_theme;
typedef enum { AN_LABELS_FULL, AN_LABELS_SHORT, AN_LABELS_NONE } an_labels;
typedef enum { AN_CLUSTER_NONE, AN_CLUSTER_REGION } an_cluster;

/*
 * A medium a drawing is made for (--size): the area it fills, in points, and
 * the smallest text a reader can read on it.
 */
typedef struct {
	char name[32];      /* as given: "a4", "16:9", "10x5.63in" */
	double width, height; /* points */
	double min_text;    /* points: 10 on a slide, 7 on a page */
	bool page;          /* a page's text block (portrait), not a slide */
} an_target;

/* Slides are read from further away than pages: their text must be larger. */
#define AN_SLIDE_MIN_TEXT 10.0
#define AN_PAGE_MIN_TEXT 7.0
/* Whether text of this size (points) is large enough on the target (to 0.05 pt: layouts are measured to that). */
bool an_target_readable(const an_target *t, double text);

/*
 * Reads a target: a4 and letter (the text block of a portrait page: 451 x 698
 * and 468 x 648 pt), 16:9 and 4:3 (slides of 960 x 540 and 720 x 540 pt), or
 * WxH with a unit (pt, in, cm, mm, px at 96 per inch; none: inches). WxH is
 * a page when taller than wide, else a slide. False with the problem.
 */
bool an_target_parse(const char *text, an_target *t, char *problem, size_t size);

/* How a view is drawn; all zero is the default drawing. */
typedef struct {
	const char *title;     /* overrides the network's title, or NULL */
	bool no_merge;         /* one edge per tie instead of one per from/to/type/direction */
	bool no_legend;
	bool no_source;        /* no "Source: ..." line */
	bool cite;             /* numbered markers on ties and a numbered source list */
	an_theme theme;
	bool keep_colors;      /* print: types with a colour in the file keep it (else grey) */
	an_labels labels;
	an_cluster cluster;
	const bool *highlight; /* per actor: emphasised; the rest is greyed; NULL for none */
	/*
	 * The medium the drawing is for (borrowed), or NULL for its natural size:
	 * text sizes are the medium's, and the drawing is scaled to fill its
	 * canvas: a slide's exactly, a page's text block in one direction, the
	 * canvas cropped to the drawing in the other (see an_fit).
	 */
	const an_target *target;
	bool vertical;         /* ranks from top to bottom instead of left to right */
	/*
	 * Merged ties of one pair and direction are one edge whatever their
	 * types: parallel strands in the types' colours, a label line per type.
	 */
	bool merge_types;
	/*
	 * A labelled edge is two halves that meet at a node holding its label,
	 * for force-directed engines (neato), which then keep labels clear.
	 */
	bool label_nodes;
	/*
	 * Actors packed closer (Graphviz's overlap_scaling -2, not -4): a denser
	 * drawing, its text larger on a target, for one that does not fit else.
	 */
	bool tight;
	/*
	 * A map's width as a share of the width it is drawn at for its own sake
	 * (0: the whole): drawn smaller, its text larger on a target (see an_fit).
	 */
	double map_share;
	bool transparent;      /* no background colour */
	/*
	 * --ghost: what this view (borrowed; a wider view of the same network)
	 * shows beyond the view drawn is drawn faintly, without labels. NULL: none.
	 */
	const struct an_view_s *ghost;
	bool bare;             /* no title block: the graph a stable series is placed with */
	bool draft;            /* dot stops improving the layout sooner (--draft) */
} an_build_options;

/* A Graphviz graph built from a view (opaque: only builder.c and render.c see inside). */
typedef struct an_graph an_graph;

/*
 * Whether any of the network's actors (those `shown`, per actor; NULL: all)
 * has a place on a map (--layout map): an `at`, a country's code as a
 * state's id, a part_of or region with one.
 */
bool an_actors_have_places(const an_network *net, const bool *shown);
/* Builds the graph of a view; it borrows the view's network. Free with an_graph_free. */
an_graph *an_graph_build(const an_view *view, const an_build_options *opt);
void an_graph_free(an_graph *g);
size_t an_graph_nodes(const an_graph *g);
size_t an_graph_edges(const an_graph *g);
/*
 * Marks each edge of `whole` (a stable series' graph) with the periods whose
 * graphs draw an edge of its key: the placement then weighs what the
 * periods will draw, not the whole. Periods past AN_PERIOD_BITS share bits
 * with their neighbours.
 */
#define AN_PERIOD_BITS 64
void an_graph_mark_periods(an_graph *whole, an_graph *const *periods, size_t count);
/* The DOT text of the graph before layout; caller frees with free(). */
char *an_graph_dot(an_graph *g, size_t *len);

/* A Graphviz rendering context (opaque). */
typedef struct an_renderer an_renderer;

/*
 * Starts Graphviz; NULL, with the reason in diags, when it cannot start or
 * when the memory limit (ulimit -v) leaves it less than AN_RENDER_HEADROOM
 * bytes: cairo, pango, fontconfig and GLib do not survive running out (they
 * crash), so a render is not begun that would.
 */
#define AN_RENDER_HEADROOM (64u << 20)
an_renderer *an_renderer_new(an_diags *diags);
void an_renderer_free(an_renderer *r);
/*
 * Says that drawings will include PNG or PDF (or SVG with text as
 * outlines): cairo draws them from pango's layouts of the texts, so pango
 * measures every text from the next layout on. Without it the renderer
 * measures texts in DejaVu Sans itself (the same sizes, without starting
 * pango and fontconfig), and lays a graph out again before drawing it so.
 */
void an_renderer_will_rasterize(an_renderer *r);
/*
 * `--layout auto` gives dot the graphs it lays out in about a second: at most
 * AN_DOT_MAX_EDGES ties, and at most AN_DOT_MAX_CYCLES more ties than actors
 * (dot's cost grows with the cycles; README "Layout engines" has the numbers).
 */
#define AN_DOT_MAX_EDGES 1000
#define AN_DOT_MAX_CYCLES 120
/*
 * actornet's own engine (--layout packed), which the fit tries for a
 * target: sfdp's places, squeezed to the target's shape, packed, labels as
 * nodes, edges routed around them (see render.c). Routing around many
 * labels is slow: seconds for 40 actors with full labels.
 */
#define AN_ENGINE_PACKED "packed"
/*
 * A map (--layout map): each actor at its place (a state's country, its
 * `at`, beside the actor it is part of, in its region), spread apart just
 * enough not to overlap, ties as arcs, over the countries' outlines.
 */
#define AN_ENGINE_MAP "map"
/* The engine `auto` picks for a graph of this size: "dot" or a scalable one. */
const char *an_layout_auto(size_t nodes, size_t edges);
/*
 * The seconds a layout of a graph of this size is expected to take on a
 * machine like the one measured (README "Layout engines"): dot's grow
 * with the ties beyond a tree, about as their fourth power, within a
 * factor of 3 or so either way; 0 for the engines that take seconds at
 * most on any graph actornet draws.
 */
double an_layout_estimate(const char *engine, size_t nodes, size_t edges);
/*
 * Told before (done false) and after (done true) each layout that places
 * a graph's nodes: its engine, size and an_layout_estimate. For saying
 * what a long command is doing; it must not call the library.
 */
typedef void (*an_layout_watch)(void *context, const char *engine, size_t nodes, size_t edges,
                                double estimate, bool done);
void an_renderer_watch(an_renderer *r, an_layout_watch watch, void *context);
/*
 * Lays out the graph with an engine name ("dot", "neato", ...); false on
 * failure, with diagnostics. A graph built for a target is scaled to fill the
 * target's canvas exactly (never grown past AN_MAX_GROWTH).
 */
bool an_layout(an_renderer *r, an_graph *g, const char *engine, an_diags *diags);
#define AN_MAX_GROWTH 1.5
/*
 * The smallest text of g's layout (the last an_layout) as drawn on its
 * target, in points: routed edges may have made the drawing larger than
 * the fit measured it. 0 without a target, or when g's layout is not the
 * renderer's last fitted one.
 */
double an_layout_text(const an_renderer *r, const an_graph *g);
/*
 * Lays out the graph with an engine, measures the drawing at its natural
 * size (title block and margins included) in points, and frees the layout.
 */
bool an_layout_measure(an_renderer *r, an_graph *g, const char *engine, double *width,
                       double *height, an_diags *diags);
/* What makes a drawing hard to read, counted on its routed edges. */
typedef struct {
	size_t crossings; /* points where two edges cross, away from nodes */
	size_t through;   /* (edge, node or label) pairs where an edge runs through one not its own */
	size_t detours;   /* edges drawn more than AN_MAX_DETOUR times as long as the line between their ends */
	size_t overlaps;  /* (label, label or node) pairs whose boxes overlap */
} an_faults;
/* The longest an edge is drawn and still read as a tie between its ends, times the straight line. */
#define AN_MAX_DETOUR 2.5
/*
 * Lays out the graph with an engine, edges routed as they will be drawn,
 * counts its faults, measures it as an_layout_measure does unless width is
 * NULL, and frees the layout.
 */
bool an_layout_faults(an_renderer *r, an_graph *g, const char *engine, an_faults *faults,
                      double *width, double *height, an_diags *diags);
/* The last second a PDF's date can hold (its year has four digits): 9999-12-31 23:59:59 UTC. */
#define AN_LATEST_DATE 253402300799LL
typedef struct {
	double dpi;         /* PNG resolution; 0 for Graphviz's 96. Never changes SVG or PDF */
	bool outline_text;  /* SVG text as glyph outlines, for programs that lack the font */
	const char *id_prefix; /* or NULL: put before every id in an SVG, to inline several in one page */
	bool dated;         /* a PDF's creation date is `date`, not the time it is drawn */
	long long date;     /* seconds since 1970-01-01 UTC (SOURCE_DATE_EPOCH) */
} an_render_options;

/*
 * A placement: where a whole series' actors, ties and region clusters were
 * laid out, so that every period is drawn with each of them in that place.
 */
typedef struct an_placement an_placement;

/*
 * Lays out g (the whole series, built with `bare`) with an engine and keeps
 * where everything went; NULL on failure, with diagnostics. The layout of g
 * is freed: g may be freed at once. Free with an_placement_free.
 */
an_placement *an_place(an_renderer *r, an_graph *g, const char *engine, an_diags *diags);
void an_placement_free(an_placement *p);

/*
 * Fits the placement's canvas to g, a period of the series: with `widen`,
 * widens it to hold g's drawing at the placed positions (a tie's label may
 * be longer in one period than in the whole: a period drawn on the whole
 * canvas needs it), and measures g's title block, in points, rounded up:
 * its height (0 when there is none), and its width when it is wider than
 * the canvas, else 0. Call it for every period before any is laid out with
 * an_layout_pinned; it leaves nothing laid out.
 */
bool an_placement_fit(an_renderer *r, an_placement *p, an_graph *g, bool widen, int *width,
                      int *height, an_diags *diags);
/*
 * Makes g's title block at least width x height points (the largest sizes
 * an_placement_fit found); 0 leaves that side as it is.
 */
void an_graph_title_size(an_graph *g, int width, int height);

/*
 * From now on, each period is drawn on a canvas of its own, cropped to what
 * it draws (an_layout_pinned), and, for graphs built for a target, at one
 * scale: the largest at which every period legible on the target fits it
 * (each is laid out to be measured); a period that is not legible at any
 * scale that fits is drawn as large as fits. text[i] is then period i's
 * smallest text, in points (else 0). Call it with every period's graph,
 * their title blocks sized (an_graph_title_size). False on a layout failure.
 */
bool an_placement_crop(an_renderer *r, an_placement *p, an_graph *const *periods, size_t count,
                       double *text, an_diags *diags);

/*
 * Lays out g, period `period` of the series (its index among the graphs
 * given to an_placement_crop), with every actor, tie and cluster where the
 * placement put it (Graphviz's nop2), on the placement's canvas (periods
 * whose title blocks have one size get identical canvases) or, once cropped
 * and unless `whole_canvas` (a timeline page's frames need one), on a
 * canvas of its own. False on failure, with diagnostics (an actor the
 * placement lacks is one).
 */
bool an_layout_pinned(an_renderer *r, an_graph *g, const an_placement *p, size_t period,
                      bool whole_canvas, an_diags *diags);

/* Frees the layout of g (before an_graph_free), if g was laid out last. */
void an_layout_free(an_renderer *r, an_graph *g);
/*
 * Renders the graph laid out last to "svg", "png" or "pdf". On success stores
 * a malloc'd buffer (free with free()) and its length; false on failure.
 */
bool an_render(an_renderer *r, an_graph *g, const char *format, const an_render_options *opt,
               char **data, size_t *len, an_diags *diags);

/* ------------------------------------------------------- drawing for a medium */

/* How a view is best drawn for its target. */
typedef struct {
	an_build_options build; /* the options asked for, with the labels and direction chosen */
	const char *engine;     /* static */
	double text;            /* the smallest text on the target, in points */
	bool fits;              /* text is at least the target's minimum */
} an_fit_choice;

/*
 * Finds how to draw the view for base->target (which must be set): tries
 * full labels, full labels on strands, dates on strands, then none (never
 * more than base->labels), each level with dot left to right and top to
 * bottom (while dot is affordable) and the packed engine (with `engine`
 * alone when it is not "auto"), and takes the first level whose smallest
 * text is at least the target's minimum, else the last. Within a level,
 * of the ways whose text is large enough, the one whose routed drawing has
 * the fewest faults (by_faults; for a series, the whole's stand for its
 * periods'), or the first (where only the text counts: a cut's). False on a
 * layout failure, with diagnostics.
 */
bool an_fit(an_renderer *r, const an_view *view, const an_build_options *base,
            const char *engine, bool by_faults, an_fit_choice *choice, an_diags *diags);

/*
 * How to draw the view at its natural size (no target) with `auto`: for a
 * graph that dot can afford, lays it out each way (dot left to right and
 * top to bottom, the packed engine) and takes the one with the fewest lines
 * through actors and labels and long ways round, then the fewest crossings.
 * choice->engine stays NULL where `auto`'s engine is kept: for larger
 * graphs and views of more than AN_COMPACT_MAX_ACTORS actors (no drawing
 * of them is legible at its natural size, and weighing the ways costs
 * seconds a period), and for one of fewer than AN_COMPACT_MIN_ACTORS actors, which dot
 * draws well, where its drawing has none of those faults or the view is
 * what a stable series is placed for (`pinned_series`: its periods'
 * drawings are pinned to it; with label nodes placed for every period, a
 * period's lines run through them). False on a layout failure, with
 * diagnostics.
 */
bool an_choose_layout(an_renderer *r, const an_view *view, const an_build_options *base,
                      bool pinned_series, an_fit_choice *choice, an_diags *diags);
#define AN_COMPACT_MIN_ACTORS 20
#define AN_COMPACT_MAX_ACTORS 100

/* What an_fit_view fits a view for, beside its build options. */
typedef struct {
	const an_filter *selection; /* the selection the view was built with */
	const char *period_name;    /* a series' period, named in the warning; NULL outside one */
	const char *engine;         /* --layout: "auto" or an engine */
	bool series;                /* the view is a period of --each: no shorter --period is offered */
	bool advise;                /* warn, with cuts, when it does not fit (they cost layouts) */
} an_fit_request;

/*
 * an_fit by faults for build->target, with build and *engine set to the way
 * chosen; when even its most compact drawing has text under the target's
 * minimum, and request->advise, a warning with the figures and the cuts
 * that would fit (an_fit_cuts). *fits says whether it fits. False on a
 * layout failure, with diagnostics.
 */
bool an_fit_view(an_renderer *r, const an_view *view, const an_fit_request *request,
                 an_build_options *build, const char **engine, bool *fits, an_diags *diags);

/* A narrower selection whose most compact drawing would fit the target. */
typedef struct {
	char option[256]; /* the options to add: "--focus SYR", "--type arms,troops" */
	size_t ties;      /* the ties it keeps */
	double text;      /* the smallest text it gives, in points */
} an_cut;

/*
 * Cuts of a view (built with `filter`) that fit base->target, each checked
 * by laying it out (with base->ghost, against the cut's own selection at
 * every date): one of its most connected actors with its neighbours, its
 * most frequent types, only its more certain ties, and, with `periods`
 * (not in a series) and no ghosts, half its years. Returns how many it
 * stored in cuts (at most max).
 */
size_t an_fit_cuts(an_renderer *r, const an_view *view, const an_filter *filter,
                   const an_build_options *base, const char *engine, bool periods, an_cut *cuts,
                   size_t max, an_diags *diags);

/*
 * The cuts of a view (built with `selection`, its period aside) that would
 * fit build->target, as a warning gives them: "--focus SYR keeps 12 ties
 * (7.4 pt), ...", or what to do when none does; `series`: the view is a
 * series' (no shorter --period is offered). Caller frees.
 */
char *an_fit_advice(an_renderer *r, const an_view *view, const an_filter *selection,
                    const an_build_options *build, const char *engine, bool series,
                    an_diags *diags);

/*
 * Writes a finished output to path ("-": standard output) without ever
 * leaving a partial file or losing the previous one; false on failure.
 */
bool an_write_file(const char *path, const char *data, size_t len, an_diags *diags);
/*
 * Removes the temporary file an_write_file is writing, if any: for a signal
 * handler (async-signal-safe), so that a signal leaves no file behind.
 */
void an_remove_pending_output(void);

/* The filtered network as JSON (see docs/format.md); caller frees. */
char *an_view_json(const an_view *view, size_t *len);

/* ------------------------------------------------------------ stats, export */

typedef enum { AN_STATS_TEXT, AN_STATS_CSV, AN_STATS_JSON } an_stats_format;

/* The tables of `stats`, as bits: all three when zero. */
enum { AN_TABLE_PERIODS = 1, AN_TABLE_KINDS = 2, AN_TABLE_ACTORS = 4 };

typedef struct {
	an_step step;            /* the periods of the per-period table */
	bool certain;            /* count a tie in a period only when certainly in it */
	an_stats_format format;
	unsigned tables;         /* AN_TABLE_* bits; 0 for all */
} an_stats_options;

/*
 * The view's numbers for a report: its ties (each from/to pair) per period
 * and type, its actors per kind, and each actor's ties out, in and mutual,
 * as an aligned text table, CSV or JSON. The periods are those of
 * opt->step over the view's period (an open end: the years of its ties);
 * a tie counts in every period its dates may overlap (opt->certain: only
 * where it certainly is), undated ties in a row of their own. Caller frees.
 * NULL, with the error in diags, when the step gives more than
 * AN_SERIES_MAX periods.
 */
char *an_stats(const an_view *view, const an_stats_options *opt, size_t *len, an_diags *diags);

/*
 * The view as GraphML (typed attributes) or as GEXF 1.2draft (a dynamic
 * graph: each actor's and tie's dates are its spell, so Gephi's timeline
 * plays the network; each tie in its type's colour). In both every tie is a
 * directed edge with a `mutual` attribute: networkx refuses undirected edges
 * in a directed graph, and Gephi refuses GEXF's "mutual". Caller frees.
 */
char *an_view_graphml(const an_view *view, size_t *len);
char *an_view_gexf(const an_view *view, size_t *len);

/* ---------------------------------------------------------------- import */

typedef struct {
	const char *actors;  /* paths of the CSV files; sources and types may be NULL */
	const char *ties;
	const char *sources;
	const char *types;
	const char *title;   /* the network's title */
	const char *default_source; /* a source key, or NULL */
	size_t max_size;     /* bytes per file; 0 = default (64 MiB) */
} an_import_options;

/*
 * Reads spreadsheets saved as CSV (a header row naming the format's keys,
 * RFC 4180 quoting, UTF-8 with or without a byte order mark) and writes
 * them as a network file. Every problem goes to diags at FILE:LINE of its
 * CSV row, including those that checking the written network finds; returns
 * the YAML (caller frees), or NULL when there is any error.
 */
char *an_import_csv(const an_import_options *opt, an_diags *diags, size_t *len);

/* ------------------------------------------------------------------ series */

/*
 * A series of periods over one network (render --each): each period's view,
 * the view of their whole span, and, once placed, the placement every
 * period of a stable series is drawn at (series.c).
 */
typedef struct {
	const an_network *net;   /* borrowed */
	an_period *periods;
	size_t count;
	an_view *views;          /* per period */
	an_view whole;           /* the series' whole span: the placement's and --ghost's view */
	/* Set by an_period_series_place; NULL and 0 before. */
	an_placement *placement;
	an_graph **graphs;       /* per period, built for the placement; the caller may free each */
	an_build_options build;  /* how every period is drawn */
	double *text;            /* per period: its smallest text on build.target, in points (0 without) */
	size_t placed_nodes, placed_edges; /* of the whole graph placed */
} an_period_series;

/*
 * The periods of `step` over the years first to last, each with the view of
 * the selection in it. False, with s->count set to the number there would
 * be, when they are more than AN_SERIES_MAX. Free with an_period_series_free.
 */
bool an_period_series_open(an_period_series *s, const an_network *net, const an_filter *selection,
                           const an_step *step, int first, int last);

/*
 * Places the series once: lays out `whole` (the whole span's graph, built
 * bare, without a title block) with the engine, then builds each period's
 * graph with `build`, all with title blocks of one size, and crops every
 * period to what it draws, at one scale for all legible periods (see
 * an_placement_crop), which sets s->text. With `whole_canvas`, the periods
 * will also be drawn on the whole series' canvas (the timeline page), which
 * is then widened to hold each. False on a layout failure, with diagnostics.
 */
bool an_period_series_place(an_period_series *s, an_renderer *r, an_graph *whole,
                            const char *engine, const an_build_options *build, bool whole_canvas,
                            an_diags *diags);

/*
 * Draws period i of a placed series in each of the n formats (svg, png,
 * pdf) in memory: data[k] (malloc'd, or NULL) and len[k]. It is laid out
 * once at the series' places, cropped to what it draws or, with
 * whole_canvas, on the whole series' canvas (a frame of the timeline page);
 * *layout_seconds (unless NULL) is the time the layout took, or -1 when it
 * failed. False, with diagnostics, when a format cannot be drawn: those
 * before it are kept, and the other periods can still be drawn.
 */
bool an_period_series_draw(an_period_series *s, an_renderer *r, size_t i, bool whole_canvas,
                           const char *const *formats, size_t n, const an_render_options *opt,
                           char **data, size_t *len, double *layout_seconds, an_diags *diags);

/* The timeline page of the series, from each period's SVG (see an_timeline_html). Caller frees. */
char *an_period_series_page(const an_period_series *s, char *const *svg, const size_t *svg_len,
                            bool ids_prefixed, const char *title, bool dark, size_t *len);

void an_period_series_free(an_period_series *s);

/* ------------------------------------------------------------ timeline page */

/* One diagram of a series, as the timeline page shows it. */
typedef struct {
	const char *name;  /* "1990s", "2017", "1990-1994": the page's URL fragment */
	const char *label; /* "1990–1999": the period as the page shows it */
	const char *svg;   /* the diagram as an_render wrote it (with its XML prolog) */
	size_t svg_len;
	bool ids_prefixed; /* rendered with an id prefix of its own in the series: its ids are kept */
} an_frame;

/*
 * A self-contained HTML page (no network access, no external scripts or
 * fonts) that shows the frames one at a time, with a slider, previous/next
 * buttons, the arrow keys and a play button; the frame shown is in the page
 * title and the URL fragment. Every id inside a frame's SVG is prefixed with
 * that frame's name (unless ids_prefixed), so no id repeats in the page. `dark`: dark page colours.
 * Caller frees.
 */
char *an_timeline_html(const char *title, const an_frame *frames, size_t count, bool dark,
                       size_t *len);

#endif
