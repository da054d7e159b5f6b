/* render.c: `actornet render`: draws the selected ties, one diagram or a series of periods, to SVG, PNG, PDF, DOT, JSON and a timeline page. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "jobs.h"
#include "progress.h"

#define STRING_OF(x) #x
#define STRING(x) STRING_OF(x) /* a macro's value as a string literal */

static const char *const FORMATS[] = {"svg", "png", "pdf", "dot", "json", "html", NULL};
static const char *const ENGINES[] = {"auto", "dot", AN_ENGINE_PACKED, AN_ENGINE_MAP, "neato", "fdp", "sfdp", "circo", "twopi", NULL};


/* getopt_long values of the options that have no short form. */
enum { OPT_FROM = 256, OPT_TO, OPT_NO_STABLE, OPT_GHOST, OPT_DRAFT, OPT_ID_PREFIX, OPT_KEEP_COLOURS };

static const char RENDER_HELP[] =
	"Usage: actornet render FILE -o OUTPUT [OPTION]...\n"
	"Check a network file (- for standard input), keep the ties that pass the\n"
	"filters, and draw them.\n"
	"\n"
	"Output:\n"
	"  -o, --output FILE      write to FILE (repeatable); '-' is standard output (SVG\n"
	"                         unless -T). The format comes from the extension: .svg\n"
	"                         .png .pdf, .dot or .gv (the graph before layout), .json\n"
	"                         (the data), .html (a series' timeline page)\n"
	"  -T, --format FORMAT    svg, png, pdf, dot, json or html, whatever the extension\n"
	"  -l, --layout ENGINE    auto (default), dot, packed, map, neato, fdp, sfdp,\n"
	"                         circo, twopi; auto uses dot while the graph has at most\n"
	"                         " STRING(AN_DOT_MAX_EDGES) " ties and " STRING(AN_DOT_MAX_CYCLES) " more ties than actors, and sfdp\n"
	"                         beyond; from " STRING(AN_COMPACT_MIN_ACTORS) " actors, dot or packed, whichever\n"
	"                         draws fewer lines through actors and labels or far\n"
	"                         round (with --size, at any size, and packed where\n"
	"                         dot does not fit); packed: sfdp's places packed,\n"
	"                         labels kept clear; map: each actor at its place\n"
	"                         (a state's country, its 'at', its part_of's, its\n"
	"                         region's) over the countries, ties as arcs\n"
	"      --draft            dot stops improving the layout sooner: 1.5 times as\n"
	"                         fast on large graphs, a few more crossings\n"
	"      --title TEXT       the diagram's title instead of the network's\n"
	"\n"
	"Series (one diagram per period):\n"
	"      --each STEP        decade, year or Ny (5y: 1990-1994, 1995-1999, ...), over\n"
	"                         the years of the network's dated ties; each OUTPUT\n"
	"                         must contain {period} (becomes 1990s, 2017, 1990-1994),\n"
	"                         except an .html OUTPUT: the timeline page of the series\n"
	"      --from PERIOD      start the series at PERIOD's start (e.g. 1980s)\n"
	"      --to PERIOD        end the series at PERIOD's end (e.g. 2010s)\n"
	"      --no-stable        lay out each period on its own (default: every actor is\n"
	"                         placed once, on the whole series, and keeps its place\n"
	"                         among the others)\n"
	"      --ghost            draw what is outside the period faintly, not hide it\n"
	"  -j, --jobs N           draw N periods at a time (default: the number of cores,\n"
	"                         when the periods are slow enough to be worth it)\n"
	"\n"
	"Drawing:\n"
	"      --no-merge         one edge per tie (default: ties with the same from, to,\n"
	"                         type and direction are one edge, labelled with their span)\n"
	"      --no-legend        no legend of the actor kinds, types and confidences shown\n"
	"      --no-source        no \"Source: ...\" line\n"
	"      --cite             a numbered marker on each tie and the numbered sources\n"
	"                         under the diagram, as a report's figure needs\n"
	"      --labels full|short|none  tie labels: text and dates (default), dates, none\n"
	"      --theme light|dark|print  colours (print: greyscale, types by arrowhead)\n"
	"      --keep-colours     in print, types keep the colours the file gives them\n"
	"      --cluster region   group the actors by region\n"
	"      --highlight IDS    emphasise these actors and their ties, grey the rest\n"
	"      --size TARGET      draw for a page or a slide: a4 or letter (a portrait\n"
	"                         page's text block, text at least 7 pt), 16:9 or 4:3\n"
	"                         (a slide, text at least 10 pt), or WxH with a unit\n"
	"                         (25x15cm, 800x450pt, 10x5.63in; taller than wide is a\n"
	"                         page); labels, merging and layout are chosen to fit,\n"
	"                         and a warning says what to cut when nothing does\n"
	"      --dpi N            PNG resolution (default 96, or 144 with --size: a 16:9\n"
	"                         slide is 1920x1080); SVG and PDF are not changed\n"
	"      --background transparent  no background colour, for slides\n"
	"      --outline-text     SVG text as glyph outlines (no font needed to show it)\n"
	"      --id-prefix P      put P before every id of an SVG, so that several\n"
	"                         diagrams can be inlined in one HTML page; in a series\n"
	"                         {period} in P becomes the period, else the period is\n"
	"                         added (default for a series: p1990s_, none otherwise)\n"
	"\n"
	FILTERS_HELP
	"\n"
	"Other:\n"
	SELECTION_OTHER_HELP
	"  -v, --verbose          say how each diagram was laid out, and how long it took\n"
	"  -h, --help             show this help and exit\n"
	"\n"
	"Environment:\n"
	"  SOURCE_DATE_EPOCH      seconds since 1970: a PDF's creation date (else now),\n"
	"                         so that the same input gives the same PDF\n"
	"\n"
	"Examples:\n"
	"  actornet render networks/iran-dprk.yaml --period 1990s -o out/iran-dprk-1990s.svg\n"
	"  actornet render networks/iran-dprk.yaml --type missiles,nuclear -o out/tech.png\n"
	"  actornet render networks/iran-dprk.yaml --focus SYR --period 2010- -o out/syria.pdf\n"
	"  actornet render networks/iran-dprk.yaml --each decade -o 'out/iran-dprk-{period}.svg'\n"
	"  actornet render networks/iran-dprk.yaml --each decade --ghost -o out/iran-dprk.html\n";

/* ----------------------------------------------------------------- render */

typedef struct {
	const char *path;
	const char *format;
} output;

typedef struct {
	const cli_command *command; /* render, for its messages */
	const char *paths[16];      /* -o, as given */
	int npaths;
	const char *bounds[2];      /* --from and --to, as given */
	output outputs[16];
	an_target target;     /* --size, when build.target points here */
	an_build_options build;
	an_render_options render;
	const char *highlight;
	int noutputs;
	const char *format;   /* -T */
	const char *engine;
	const char *title;
	bool each;            /* --each: a series */
	an_step step;
	bool has_from, has_to;
	an_when from, to;     /* --from, --to */
	bool stable;          /* a series' actors keep their places (not --no-stable) */
	bool ghost;
	int jobs;
	bool jobs_given;      /* --jobs: workers even for a quick series */
	bool page;            /* an .html output: the series' timeline page */
	bool verbose;
	const char *id_prefix; /* --id-prefix, as given */
	selection sel;
} render_options;

/* Replaces every "{period}" in the pattern. */
static char *expand_path(const char *pattern, const char *period)
{
	strbuf b;
	sb_init(&b);
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{period}", 8) == 0) {
			sb_puts(&b, period);
			p += 8;
		} else {
			sb_putc(&b, *p++);
		}
	}
	return sb_take(&b, NULL);
}

/*
 * The render options of one drawing: with the id prefix of the period's
 * diagram (NULL for a single diagram): --id-prefix with {period} replaced,
 * or the period and "_" added; by default "p" and the period ("p1990s_", as
 * the timeline page names a frame's ids). *prefix is freed by the caller.
 */
static an_render_options render_for(const render_options *o, const char *period, char **prefix)
{
	an_render_options r = o->render;
	*prefix = NULL;
	if (period && !o->id_prefix)
		*prefix = xasprintf("p%s_", period);
	else if (period && strstr(o->id_prefix, "{period}"))
		*prefix = expand_path(o->id_prefix, period);
	else if (period)
		*prefix = xasprintf("%s%s_", o->id_prefix, period);
	r.id_prefix = *prefix ? *prefix : o->id_prefix;
	return r;
}

/* A target's PNG has two pixels per point: a 16:9 slide is 1920 x 1080. */
#define TARGET_DPI 144

/* Drawing time (seconds) of a stable series' other periods from which worker processes pay off. */
#define WORKERS_WORTH 0.05

/* The engine --layout asks for a graph: auto picks by its size, and says so when it leaves dot. */
static const char *engine_for(const render_options *o, an_graph *graph)
{
	if (strcmp(o->engine, "auto") != 0)
		return o->engine;
	size_t nodes = an_graph_nodes(graph), edges = an_graph_edges(graph);
	const char *engine = an_layout_auto(nodes, edges);
	if (strcmp(engine, "sfdp") == 0 && !o->sel.quiet)
		fprintf(stderr,
		        "%s: note: %zu actors and %zu ties are too many for dot to lay out quickly: using %s (--layout dot forces dot)\n",
		        program, nodes, edges, engine);
	return engine;
}

/*
 * Builds the view's graph and, unless *engine is chosen already, chooses the
 * engine for it; the packed engine needs the graph built with labels as
 * nodes, a map with the ties of a pair and direction as one arc of strands
 * (one label: several arcs' labels would pile up at their tops).
 */
static an_graph *build_for(const render_options *o, const an_view *view, an_build_options *build,
                           const char **engine)
{
	an_graph *graph = an_graph_build(view, build);
	if (*engine)
		return graph;
	*engine = engine_for(o, graph);
	bool packed = strcmp(*engine, AN_ENGINE_PACKED) == 0, map = strcmp(*engine, AN_ENGINE_MAP) == 0;
	if ((packed && !build->label_nodes) || (map && !build->merge_types)) {
		an_graph_free(graph);
		build->label_nodes |= packed;
		build->merge_types |= map;
		graph = an_graph_build(view, build);
	}
	return graph;
}

/* What a diagram laid out on its own is drawn from (a stable series' periods: draw_placed). */
typedef struct {
	const an_view *view;
	const char *period_name;       /* fills {period}; NULL outside a series */
	char **page_svg;               /* non-NULL: keeps the SVG for the timeline page */
	size_t *page_len;
} drawing;

/* The share of the target a whole series is fitted to (see place_series). */
#define SERIES_HEADROOM 0.94

/*
 * Chooses how to draw a view for --size's target and, with `advise`, warns
 * with the cuts that would fit when it does not (see an_fit_view); *fits
 * (unless NULL) says whether it fits.
 */
static bool fit_view(const render_options *o, const an_view *view, const char *period_name,
                     bool advise, an_build_options *build, const char **engine, bool *fits,
                     an_renderer *renderer, an_diags *diags)
{
	an_fit_request request = {
		.selection = &o->sel.filter,
		.period_name = period_name,
		.engine = o->engine,
		.series = o->each,
		.advise = advise && !o->sel.quiet,
	};
	bool fitted;
	if (!an_fit_view(renderer, view, &request, build, engine, &fitted, diags))
		return false;
	if (fits)
		*fits = fitted;
	return true;
}

/* Lays out the drawing's graph with the engine the fit chose, or --layout's; false on failure. */
static bool lay_out(const render_options *o, const drawing *d, an_graph *graph,
                    const char *fitted_engine, an_renderer *renderer, an_diags *diags)
{
	double start = now();
	const char *engine = fitted_engine ? fitted_engine : engine_for(o, graph);
	bool ok = an_layout(renderer, graph, engine, diags);
	if (ok && o->verbose)
		fprintf(stderr, "%s: %s%slaid out %zu actors and %zu ties with %s in %.3f s\n", program,
		        d->period_name ? d->period_name : "", d->period_name ? ": " : "",
		        an_graph_nodes(graph), an_graph_edges(graph), engine, now() - start);
	return ok;
}

/* What draws a graph too costly for dot sooner, for progress_layout's warning. */
static const char QUICKER[] = "--layout auto draws it in seconds, --draft ends dot sooner";
static const char QUICKER_DRAFT[] = "--layout auto draws it in seconds";

/*
 * Starts Graphviz for the first drawing that needs it, its layouts watched
 * (progress.c); false on failure, in diags.
 */
static bool start_renderer(const render_options *o, an_renderer **renderer, an_diags *diags)
{
	if (*renderer)
		return true;
	if (!(*renderer = an_renderer_new(diags)))
		return false;
	bool cairo = o->render.outline_text; /* cairo draws these from pango's layouts of the texts */
	for (int i = 0; i < o->noutputs; i++)
		cairo |= strcmp(o->outputs[i].format, "png") == 0 || strcmp(o->outputs[i].format, "pdf") == 0;
	if (cairo)
		an_renderer_will_rasterize(*renderer);
	an_renderer_watch(*renderer, progress_layout, (void *)(o->build.draft ? QUICKER_DRAFT : QUICKER));
	return true;
}

/*
 * How to draw a view not drawn yet: for a target, what fits; else, with
 * auto, what has the fewest faults (see an_choose_layout). Sets *build and
 * *engine (left NULL: the options'), and *fits: whether the fit found a way
 * that fits its target (else it warned); false on a failure, in diags.
 */
static bool choose_way(const render_options *o, const drawing *d, an_build_options *build,
                       const char **engine, bool *fits, an_renderer **renderer, an_diags *diags)
{
	bool drawn = false; /* whether any output is a drawing (DOT is its graph) */
	for (int i = 0; i < o->noutputs; i++)
		drawn |= strcmp(o->outputs[i].format, "json") != 0 && strcmp(o->outputs[i].format, "html") != 0;
	bool choose = build->target ? drawn || d->page_svg : drawn && strcmp(o->engine, "auto") == 0;
	if (!choose)
		return true;
	if (!start_renderer(o, renderer, diags))
		return false;
	if (build->target)
		return fit_view(o, d->view, d->period_name, true, build, engine, fits, *renderer, diags);
	an_fit_choice choice;
	bool ok = an_choose_layout(*renderer, d->view, build, false, &choice, diags);
	*build = choice.build;
	*engine = choice.engine;
	return ok;
}

/*
 * The fit measured the drawing with its ties straight and found it legible;
 * routed round its actors, it grew, and was drawn smaller, its text under
 * the minimum: said, with the cuts that fit (after the layout is freed:
 * they lay out others).
 */
static void warn_shrunk(const render_options *o, const drawing *d, const an_build_options *build,
                        double text, an_renderer *renderer, an_diags *diags)
{
	char *advice = an_fit_advice(renderer, d->view, &o->sel.filter, build, o->engine, o->each, diags);
	const an_target *t = build->target;
	an_warning(diags, (an_pos){0, 0},
	           "%s%son %s the smallest text is %.1f pt once the ties are routed round the actors "
	           "(minimum %g): %zu actors and %zu ties; %s",
	           d->period_name ? d->period_name : "", d->period_name ? ": " : "", t->name, text,
	           t->min_text, d->view->nactors_shown, d->view->nlinks, advice);
	free(advice);
}

/* Draws one view to every output; returns an exit status. */
static int draw(const render_options *o, const drawing *d, an_renderer **renderer)
{
	int status = EXIT_OK;
	an_build_options build = o->build;
	build.title = o->title;
	an_graph *graph = NULL; /* built when an output needs it: JSON does not */
	bool laid_out = false;
	an_diags diags;
	an_diags_init(&diags);
	const char *engine = NULL; /* the engine a target's fit chose */
	bool fits = false;         /* the fit found a way that fits the target */
	if (!choose_way(o, d, &build, &engine, &fits, renderer, &diags))
		status = EXIT_OUTPUT;
	double shrunk = 0; /* the smallest text as drawn, where routing took it under the minimum */
	/* DOT and JSON first, so that DOT shows the graph before layout; the timeline page's SVG last, when no output was an SVG. */
	for (int n = 0; n <= 2 * o->noutputs && status == EXIT_OK; n++) {
		bool page_only = n == 2 * o->noutputs;
		if (page_only && (!d->page_svg || *d->page_svg))
			continue;
		const output *out = page_only ? NULL : &o->outputs[n % o->noutputs];
		const char *format = page_only ? "svg" : out->format;
		if (strcmp(format, "html") == 0)
			continue; /* the series writes the page */
		bool unlaid = strcmp(format, "dot") == 0 || strcmp(format, "json") == 0;
		if (!page_only && unlaid != (n < o->noutputs))
			continue;
		char *data = NULL;
		size_t len = 0;
		bool ok = true;
		if (!graph && strcmp(format, "json") != 0)
			graph = build_for(o, d->view, &build, &engine);
		if (strcmp(format, "dot") == 0) {
			data = an_graph_dot(graph, &len);
		} else if (strcmp(format, "json") == 0) {
			data = an_view_json(d->view, &len);
		} else {
			if (!start_renderer(o, renderer, &diags))
				ok = false;
			if (ok && !laid_out) {
				ok = laid_out = lay_out(o, d, graph, engine, *renderer, &diags);
				double text = ok && fits ? an_layout_text(*renderer, graph) : 0;
				if (text > 0 && !an_target_readable(build.target, text))
					shrunk = text;
			}
			char *prefix;
			an_render_options render = render_for(o, d->period_name, &prefix);
			if (ok)
				ok = an_render(*renderer, graph, format, &render, &data, &len, &diags);
			free(prefix);
		}
		if (ok && d->page_svg && !*d->page_svg && strcmp(format, "svg") == 0) {
			*d->page_svg = xmalloc(len + 1);
			memcpy(*d->page_svg, data, len);
			(*d->page_svg)[len] = '\0';
			*d->page_len = len;
		}
		if (ok && !page_only) {
			char *path = d->period_name ? expand_path(out->path, d->period_name) : xstrdup(out->path);
			ok = an_write_file(path, data, len, &diags);
			free(path);
		}
		if (!ok)
			status = EXIT_OUTPUT;
		free(data);
	}
	if (laid_out)
		an_layout_free(*renderer, graph);
	if (shrunk > 0 && status == EXIT_OK && !o->sel.quiet)
		warn_shrunk(o, d, &build, shrunk, *renderer, &diags);
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	an_graph_free(graph);
	return status;
}

/* ------------------------------------------------------------------ series */

/* A series: one diagram per period, each drawn by draw_period. */
typedef struct {
	const render_options *o;
	an_period_series ps;     /* placed for a stable series only */
	bool page;               /* a timeline page is written */
	char **svg;              /* per period: the SVG for the page */
	size_t *svg_len;
	/* Progress, on a terminal only. */
	bool progress;
	size_t done;
} series;

static void show_progress(series *s, size_t period)
{
	s->done++;
	if (!s->progress)
		return;
	if (s->done < s->ps.count)
		fprintf(stderr, "\r%s: %zu of %zu periods drawn (%s)\033[K", program, s->done, s->ps.count,
		        s->ps.periods[period].name);
	else
		fputs("\r\033[K", stderr);
}

/* Writes an output of period i, its path's {period} filled; false on failure, in diags. */
static bool write_period(const series *s, size_t i, const output *out, const char *data, size_t len,
                         an_diags *diags)
{
	char *path = expand_path(out->path, s->ps.periods[i].name);
	bool ok = an_write_file(path, data, len, diags);
	free(path);
	return ok;
}

/* Says how a period was laid out at the series' places, with -v. */
static void say_placed(const series *s, size_t i, double seconds)
{
	if (s->o->verbose && seconds >= 0)
		fprintf(stderr, "%s: %s: laid out %zu actors and %zu ties with nop2 (at the series' places) in %.3f s\n",
		        program, s->ps.periods[i].name, an_graph_nodes(s->ps.graphs[i]),
		        an_graph_edges(s->ps.graphs[i]), seconds);
}

/*
 * Draws period i of a stable series at its places to every output (DOT and
 * JSON first: DOT is the graph before layout), then the timeline page's
 * frame on the whole canvas; returns an exit status.
 */
static int draw_placed(series *s, size_t i, an_renderer **renderer)
{
	const render_options *o = s->o;
	an_build_options build = s->ps.build;
	build.title = o->title;
	const char *formats[16];
	const output *drawn[16];
	size_t n = 0;
	an_diags diags;
	an_diags_init(&diags);
	bool ok = true;
	for (int k = 0; k < o->noutputs && ok; k++) {
		const output *out = &o->outputs[k];
		char *data = NULL;
		size_t len = 0;
		if (strcmp(out->format, "dot") == 0) {
			an_graph *unpinned = an_graph_build(&s->ps.views[i], &build);
			data = an_graph_dot(unpinned, &len);
			an_graph_free(unpinned);
		} else if (strcmp(out->format, "json") == 0) {
			data = an_view_json(&s->ps.views[i], &len);
		} else {
			if (strcmp(out->format, "html") != 0) {
				formats[n] = out->format;
				drawn[n++] = out;
			}
			continue;
		}
		ok = write_period(s, i, out, data, len, &diags);
		free(data);
	}
	if (ok && (n || s->page) && !start_renderer(o, renderer, &diags))
		ok = false;
	char *data[16], *prefix;
	size_t len[16];
	double seconds;
	an_render_options render = render_for(o, s->ps.periods[i].name, &prefix);
	if (ok && n) {
		ok = an_period_series_draw(&s->ps, *renderer, i, false, formats, n, &render, data, len,
		                           &seconds, &diags);
		say_placed(s, i, seconds);
		for (size_t k = 0; k < n; k++) {
			if (data[k] && ok)
				ok = write_period(s, i, drawn[k], data[k], len[k], &diags);
			free(data[k]);
		}
	}
	if (ok && s->page) { /* the page's frames share the whole canvas */
		const char *svg = "svg";
		size_t said = diags.count;
		ok = an_period_series_draw(&s->ps, *renderer, i, true, &svg, 1, &render, &s->svg[i],
		                           &s->svg_len[i], &seconds, &diags);
		an_diags_drop_repeats(&diags, said); /* the period drawn again says nothing new */
		say_placed(s, i, seconds);
	}
	free(prefix);
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	return ok ? EXIT_OK : EXIT_OUTPUT;
}

static int draw_period(series *s, size_t i, an_renderer **renderer)
{
	if (s->ps.placement) {
		int status = draw_placed(s, i, renderer);
		an_graph_free(s->ps.graphs[i]);
		s->ps.graphs[i] = NULL;
		return status;
	}
	drawing d = {
		.view = &s->ps.views[i],
		.period_name = s->ps.periods[i].name,
		.page_svg = s->page ? &s->svg[i] : NULL,
		.page_len = s->page ? &s->svg_len[i] : NULL,
	};
	return draw(s->o, &d, renderer);
}

/* A series and the renderer its periods are drawn with, for the worker processes. */
typedef struct {
	series *s;
	an_renderer **renderer;
} series_job;

/* In a worker: draws period i, and hands its SVG for the page back. */
static int draw_period_job(void *context, size_t i, char **svg, size_t *len)
{
	series_job *job = context;
	series *s = job->s;
	int status = draw_period(s, i, job->renderer);
	if (s->page && s->svg[i]) {
		*svg = s->svg[i];
		*len = s->svg_len[i];
		s->svg[i] = NULL;
	}
	return status;
}

/* In the parent: a period drawn by a worker, with its SVG for the page. */
static void period_drawn(void *context, size_t i, int status, char *svg, size_t len)
{
	(void)status;
	series *s = ((series_job *)context)->s;
	if (svg) {
		s->svg[i] = svg;
		s->svg_len[i] = len;
	}
	show_progress(s, i);
}

/*
 * Draws the periods in `jobs` processes forked now, after the one placement
 * (src/cli/jobs.c); the output is the same as one process's. A worker
 * inherits pango's font caches, forked once pango's threads have ended.
 * Draws the periods from `first` on; returns an exit status, or -1 when
 * nothing was started.
 */
static int draw_in_parallel(series *s, size_t first, int jobs, an_renderer **renderer)
{
	series_job job = {s, renderer};
	progress_stop(); /* its thread would keep run_jobs from forking */
	job_runner runner = {program, EXIT_OUTPUT, draw_period_job, period_drawn, &job};
	int status = run_jobs(&runner, first, s->ps.count, jobs);
	if (status == EXIT_OK && s->done < s->ps.count) {
		fprintf(stderr, "%s: error: %zu of %zu periods were not drawn\n", program,
		        s->ps.count - s->done, s->ps.count);
		status = EXIT_OUTPUT;
	}
	return status;
}

/* Periods named in a warning before the rest are counted. */
#define NAMED_PERIODS 4

/*
 * Warns of the periods of a placed series whose text is under the target's
 * minimum (each drawn as large as fits, see an_placement_crop), naming them
 * and giving the others' text. When the whole series did not fit either
 * (fitted: the way it was fitted with; fits: whether it fitted), the cuts
 * that would fit all of it follow; when it did, its periods are larger
 * than it (their title blocks, their labels) and the remedy is another size.
 */
static void warn_illegible_periods(const series *s, an_renderer *renderer,
                                   const an_build_options *fitted, bool fits, an_diags *diags)
{
	const an_period_series *ps = &s->ps;
	const an_target *t = ps->build.target;
	strbuf text;
	sb_init(&text);
	size_t illegible = 0;
	double shared = 0; /* the legible periods' text: they share one scale */
	for (size_t i = 0; i < ps->count; i++) {
		if (an_target_readable(t, ps->text[i])) {
			shared = ps->text[i];
			continue;
		}
		if (illegible < NAMED_PERIODS)
			sb_printf(&text, "%s%s (%.1f pt)", illegible ? ", " : "", ps->periods[i].name,
			          ps->text[i]);
		illegible++;
	}
	if (!illegible || s->o->sel.quiet) {
		sb_free(&text);
		return;
	}
	if (illegible > NAMED_PERIODS)
		sb_printf(&text, " and %zu more", illegible - NAMED_PERIODS);
	if (shared > 0 && ps->count - illegible == 1)
		sb_printf(&text, "; the other period has %.1f pt text", shared);
	else if (shared > 0)
		sb_printf(&text, "; the other %zu share one scale, with %.1f pt text", ps->count - illegible,
		          shared);
	char *advice = fits ? NULL
	                    : an_fit_advice(renderer, &ps->whole, &s->o->sel.filter, fitted,
	                                    s->o->engine, true, diags);
	an_warning(diags, (an_pos){0, 0},
	           "on %s, periods with text under %g pt, each drawn as large as fits: %s; %s%s", t->name,
	           t->min_text, text.data, fits ? "" : "to fit every period: ",
	           fits ? "a period can be larger than the whole series it was fitted on: a larger --size, or --no-stable (each period fitted alone)"
	                : advice);
	free(advice);
	sb_free(&text);
}

/*
 * Places the whole series once: builds it without a title block, lays it out
 * with the engine --layout picks for its size, and builds each period's graph
 * with title blocks of one size, so that every period has the same canvas.
 */
static int place_series(series *s, an_renderer **renderer)
{
	const render_options *o = s->o;
	an_build_options build = o->build;
	build.title = o->title;
	build.ghost = NULL;
	build.bare = true;
	an_diags diags;
	an_diags_init(&diags);
	int status = EXIT_OK;
	if (!start_renderer(o, renderer, &diags)) {
		print_diags(&diags, false, NULL);
		an_diags_free(&diags);
		return EXIT_OUTPUT;
	}
	const char *engine = NULL;
	bool fits = true; /* whether the fit found a way for the whole series */
	/*
	 * Periods are drawn with title blocks of one size, the largest, and
	 * labels of their own: the way is chosen to fit a slightly smaller
	 * target, so that every period still fits the real one.
	 */
	an_target smaller = build.target ? *build.target : (an_target){0};
	smaller.width *= SERIES_HEADROOM;
	smaller.height *= SERIES_HEADROOM;
	an_build_options fitted = build; /* the way the fit chose, for the smaller target */
	if (build.target) { /* one way of drawing for every period: the one the whole series fits with */
		fitted.target = &smaller;
		fitted.bare = false;
		/* Not advised here: what does not fit is said of the periods, once they are placed. */
		if (!fit_view(o, &s->ps.whole, NULL, false, &fitted, &engine, &fits, *renderer, &diags)) {
			print_diags(&diags, o->sel.quiet, NULL);
			an_diags_free(&diags);
			return EXIT_OUTPUT;
		}
		build = fitted;
		build.target = o->build.target;
		build.bare = true;
	} else if (strcmp(o->engine, "auto") == 0) { /* the way with the fewest faults */
		an_fit_choice choice;
		if (!an_choose_layout(*renderer, &s->ps.whole, &build, true, &choice, &diags)) {
			print_diags(&diags, o->sel.quiet, NULL);
			an_diags_free(&diags);
			return EXIT_OUTPUT;
		}
		build = choice.build;
		engine = choice.engine;
	}
	an_graph *whole = build_for(o, &s->ps.whole, &build, &engine);
	if (s->progress)
		fprintf(stderr, "%s: placing %zu actors with %s\033[K", program, an_graph_nodes(whole), engine);
	an_build_options each = build; /* each period: with its title block, and its ghosts */
	each.bare = false;
	each.ghost = o->ghost ? &s->ps.whole : NULL;
	double start = now();
	if (!an_period_series_place(&s->ps, *renderer, whole, engine, &each, s->page, &diags))
		status = EXIT_OUTPUT;
	if (s->ps.placement && o->verbose)
		fprintf(stderr, "%s%s: placed %zu actors and %zu ties with %s in %.3f s\n",
		        s->progress ? "\r" : "", program, s->ps.placed_nodes, s->ps.placed_edges, engine,
		        now() - start);
	an_graph_free(whole);
	if (s->progress)
		fputs("\r\033[K", stderr);
	if (status == EXIT_OK && each.target)
		warn_illegible_periods(s, *renderer, &fitted, fits, &diags);
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	return status;
}

/* Writes the timeline page of the series to every .html output. */
static int write_page(series *s)
{
	const render_options *o = s->o;
	const char *title = o->title ? o->title : s->ps.net->title.text;
	size_t len;
	char *html = an_period_series_page(&s->ps, s->svg, s->svg_len, true, title ? title : "actornet",
	                                   o->build.theme == AN_THEME_DARK, &len);
	int status = EXIT_OK;
	an_diags diags;
	an_diags_init(&diags);
	for (int i = 0; i < o->noutputs; i++)
		if (strcmp(o->outputs[i].format, "html") == 0 &&
		    !an_write_file(o->outputs[i].path, html, len, &diags))
			status = EXIT_OUTPUT;
	print_diags(&diags, o->sel.quiet, NULL);
	an_diags_free(&diags);
	free(html);
	return status;
}

/* The years a series covers: --from and --to, else the span of the network's dated ties. */
static bool series_years(const render_options *o, const an_network *net, int *first, int *last)
{
	int m, d;
	if (!net->has_span && (!o->has_from || !o->has_to))
		return false;
	if (o->has_from)
		an_civil_from_days(o->from.days.first_day, first, &m, &d);
	else
		an_civil_from_days(net->span_first, first, &m, &d);
	if (o->has_to)
		an_civil_from_days(o->to.days.last_day, last, &m, &d);
	else
		an_civil_from_days(net->span_last, last, &m, &d);
	return true;
}

/*
 * Refuses, before anything is drawn, an output of the series whose path,
 * its {period} filled, is the network file (exit 2) or lies in a folder
 * that does not exist (exit 3).
 */
static int check_period_paths(const render_options *o, const an_period_series *ps, const char *input)
{
	for (int k = 0; k < o->noutputs; k++) {
		if (!strstr(o->outputs[k].path, "{period}"))
			continue; /* the timeline page: checked as given, by selection_open */
		for (size_t i = 0; i < ps->count; i++) {
			char *path = expand_path(o->outputs[k].path, ps->periods[i].name);
			int status = check_output_path(o->command, path, input);
			free(path);
			if (status != EXIT_OK)
				return status;
		}
	}
	return EXIT_OK;
}

static int render_series(render_options *o, const an_network *net, an_renderer **renderer)
{
	int first, last;
	if (!series_years(o, net, &first, &last)) {
		if (!o->sel.quiet) {
			char *shown = an_printable(net->path, false);
			fprintf(stderr, "%s: note: %s has no dated ties: no periods to draw (--from and --to set them)\n",
			        program, shown);
			free(shown);
		}
		return EXIT_OK;
	}
	if (last < first && o->has_from && o->has_to)
		return usage_error(o->command, "--from %04d is after --to %04d", first, last);
	if (last < first && o->has_from)
		return usage_error(o->command, "--from %04d is after the network's last dated tie (%04d): add --to", first, last);
	if (last < first)
		return usage_error(o->command, "--to %04d is before the network's first dated tie (%04d): add --from", last, first);
	series s = {.o = o, .page = o->page};
	if (!an_period_series_open(&s.ps, net, &o->sel.filter, &o->step, first, last))
		return usage_error(o->command, "%zu periods from %04d to %04d are too many (at most %d): use a longer step or --from and --to",
		                   s.ps.count, first, last, AN_SERIES_MAX);
	int checked = check_period_paths(o, &s.ps, net->path);
	if (checked != EXIT_OK) {
		an_period_series_free(&s.ps);
		return checked;
	}
	s.svg = xcalloc(s.ps.count ? s.ps.count : 1, sizeof *s.svg);
	s.svg_len = xcalloc(s.ps.count ? s.ps.count : 1, sizeof *s.svg_len);
	s.progress = !o->sel.quiet && isatty(STDERR_FILENO);

	bool drawn = o->page; /* whether any output is laid out: DOT and JSON are not */
	for (int i = 0; i < o->noutputs; i++)
		drawn |= strcmp(o->outputs[i].format, "dot") != 0 && strcmp(o->outputs[i].format, "json") != 0;
	int status = o->stable && drawn ? place_series(&s, renderer) : EXIT_OK;
	if (o->ghost)
		o->build.ghost = &s.ps.whole;
	int jobs = o->jobs < (int)s.ps.count ? o->jobs : (int)s.ps.count;
	size_t here = 0; /* periods drawn in this process before the workers start */
	if (status == EXIT_OK && jobs > 1 && s.ps.placement && !o->jobs_given && s.ps.count > 2 * (size_t)jobs) {
		/*
		 * Workers take milliseconds to start: unless --jobs asks for them, one
		 * period of a long series is drawn here first, and they start only if
		 * the rest is worth it (in a short one, that period would hold up the rest).
		 */
		double start = now();
		status = draw_period(&s, 0, renderer);
		show_progress(&s, 0);
		here = 1;
		/* The others' time, by what each draws against the first: a series' first decades are its smallest. */
		double rest = 0, first_size = (double)(s.ps.views[0].nlinks + s.ps.views[0].nactors_shown + 1);
		for (size_t i = 1; i < s.ps.count; i++)
			rest += (double)(s.ps.views[i].nlinks + s.ps.views[i].nactors_shown + 1) / first_size;
		if ((now() - start) * rest < WORKERS_WORTH)
			jobs = 1;
	}
	if ((size_t)jobs > s.ps.count - here)
		jobs = (int)(s.ps.count - here);
	int parallel = status == EXIT_OK && jobs > 1 ? draw_in_parallel(&s, here, jobs, renderer) : -1;
	if (parallel != -1) {
		status = parallel;
	} else if (status == EXIT_OK || here > 0) {
		for (size_t i = here; i < s.ps.count; i++) {
			int drawn_status = draw_period(&s, i, renderer); /* every period, as the workers do */
			status = drawn_status > status ? drawn_status : status;
			show_progress(&s, i);
		}
	}
	if (s.progress && s.done < s.ps.count)
		fputs("\r\033[K", stderr);
	if (status == EXIT_OK && s.page)
		status = write_page(&s);

	for (size_t i = 0; i < s.ps.count; i++)
		free(s.svg[i]);
	an_period_series_free(&s.ps);
	free(s.svg);
	free(s.svg_len);
	o->build.ghost = NULL;
	return status;
}

/* render's long options; `options` for getopt_long. */
static const struct option OPTIONS[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, 'T'},
	{"layout", required_argument, NULL, 'l'},
	SELECTION_OPTIONS,
	{"title", required_argument, NULL, 'I'},
	{"each", required_argument, NULL, 'E'},
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"no-stable", no_argument, NULL, OPT_NO_STABLE},
	{"ghost", no_argument, NULL, OPT_GHOST},
	{"draft", no_argument, NULL, OPT_DRAFT},
	{"jobs", required_argument, NULL, 'j'},
	{"verbose", no_argument, NULL, 'v'},
	{"no-merge", no_argument, NULL, 'm'},
	{"no-legend", no_argument, NULL, 'g'},
	{"no-source", no_argument, NULL, 's'},
	{"cite", no_argument, NULL, 'x'},
	{"labels", required_argument, NULL, 'L'},
	{"theme", required_argument, NULL, 'H'},
	{"keep-colours", no_argument, NULL, OPT_KEEP_COLOURS},
	{"keep-colors", no_argument, NULL, OPT_KEEP_COLOURS},
	{"cluster", required_argument, NULL, 'K'},
	{"highlight", required_argument, NULL, 'G'},
	{"size", required_argument, NULL, 'S'},
	{"dpi", required_argument, NULL, 'D'},
	{"background", required_argument, NULL, 'B'},
	{"outline-text", no_argument, NULL, 'O'},
	{"id-prefix", required_argument, NULL, OPT_ID_PREFIX},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};
#define SHORT_OPTIONS ":o:T:l:j:vh" SELECTION_SHORT

/* Whether an --id-prefix makes XML ids: [A-Za-z_][A-Za-z0-9._-]*, {period} anywhere, at most 64 characters. */
static bool valid_id_prefix(const char *p)
{
	size_t n = 0;
	for (const char *c = p; *c; c++, n++) {
		if (strncmp(c, "{period}", 8) == 0) {
			if (c == p)
				return false; /* a period starts with a digit */
			c += 7;
			continue;
		}
		bool letter = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || *c == '_';
		if (!letter && !(c > p && ((*c >= '0' && *c <= '9') || *c == '-' || *c == '.')))
			return false;
	}
	return n > 0 && n <= 64;
}

/* Takes an option of what is drawn and where (c from getopt_long): -1 when it is none, else an exit status. */
static int output_option(render_options *o, int c)
{
	const cli_command *command = o->command;
	char problem[128], *end;
	switch (c) {
	case 'o':
		if (o->npaths == 16)
			return usage_error(command, "at most 16 outputs");
		o->paths[o->npaths++] = optarg;
		return EXIT_OK;
	case 'T':
		if (index_of(optarg, FORMATS) < 0)
			return usage_error(command, "unknown format '%s': use svg, png, pdf, dot, json or html", optarg);
		o->format = optarg;
		return EXIT_OK;
	case 'l':
		if (index_of(optarg, ENGINES) < 0)
			return usage_error(command, "unknown layout '%s': use auto, dot, packed, neato, fdp, sfdp, circo or twopi", optarg);
		o->engine = optarg;
		return EXIT_OK;
	case 'I':
		o->title = optarg;
		return EXIT_OK;
	case 'E':
		if (!an_step_parse(optarg, &o->step, problem, sizeof problem))
			return usage_error(command, "bad --each '%s': %s", optarg, problem);
		o->each = true;
		return EXIT_OK;
	case OPT_FROM:
		o->bounds[0] = optarg;
		return EXIT_OK;
	case OPT_TO:
		o->bounds[1] = optarg;
		return EXIT_OK;
	case OPT_NO_STABLE:
		o->stable = false;
		return EXIT_OK;
	case OPT_GHOST:
		o->ghost = true;
		return EXIT_OK;
	case 'j':
		errno = 0;
		long jobs = strtol(optarg, &end, 10);
		if (errno || *end || end == optarg || jobs < 1 || jobs > 64)
			return usage_error(command, "--jobs needs a number from 1 to 64, not '%s'", optarg);
		o->jobs = (int)jobs;
		o->jobs_given = true;
		return EXIT_OK;
	case 'v':
		o->verbose = true;
		return EXIT_OK;
	default:
		return -1;
	}
}

/* Takes an option of how it is drawn: -1 when it is none, else an exit status. */
static int drawing_option(render_options *o, int c)
{
	static const char *const LABELS[] = {"full", "short", "none", NULL};
	static const char *const THEME_NAMES[] = {"light", "dark", "print", NULL};
	const cli_command *command = o->command;
	char problem[128], *end;
	int i;
	switch (c) {
	case OPT_DRAFT:
		o->build.draft = true;
		return EXIT_OK;
	case 'm':
		o->build.no_merge = true;
		return EXIT_OK;
	case 'g':
		o->build.no_legend = true;
		return EXIT_OK;
	case 's':
		o->build.no_source = true;
		return EXIT_OK;
	case 'x':
		o->build.cite = true;
		return EXIT_OK;
	case 'L':
		if ((i = index_of(optarg, LABELS)) < 0)
			return usage_error(command, "--labels takes full, short or none, not '%s'", optarg);
		o->build.labels = (an_labels)i;
		return EXIT_OK;
	case 'H':
		if ((i = index_of(optarg, THEME_NAMES)) < 0)
			return usage_error(command, "--theme takes light, dark or print, not '%s'", optarg);
		o->build.theme = (an_theme)i;
		return EXIT_OK;
	case OPT_KEEP_COLOURS:
		o->build.keep_colors = true;
		return EXIT_OK;
	case 'K':
		if (strcmp(optarg, "region") != 0)
			return usage_error(command, "--cluster takes region, not '%s'", optarg);
		o->build.cluster = AN_CLUSTER_REGION;
		return EXIT_OK;
	case 'G':
		o->highlight = optarg;
		return EXIT_OK;
	case 'S':
		if (!an_target_parse(optarg, &o->target, problem, sizeof problem))
			return usage_error(command, "bad --size '%s': %s", optarg, problem);
		o->build.target = &o->target;
		return EXIT_OK;
	case 'D':
		errno = 0;
		o->render.dpi = strtod(optarg, &end);
		if (errno || *end || end == optarg || o->render.dpi < 10 || o->render.dpi > 2400)
			return usage_error(command, "--dpi needs a number from 10 to 2400, not '%s'", optarg);
		return EXIT_OK;
	case 'B':
		if (strcmp(optarg, "transparent") != 0)
			return usage_error(command, "--background takes transparent, not '%s'", optarg);
		o->build.transparent = true;
		return EXIT_OK;
	case 'O':
		o->render.outline_text = true;
		return EXIT_OK;
	case OPT_ID_PREFIX:
		if (!valid_id_prefix(optarg))
			return usage_error(command, "bad --id-prefix '%s': use up to 64 letters, digits, '-', '_', '.' and {period}, starting with a letter or '_'", optarg);
		o->id_prefix = optarg;
		return EXIT_OK;
	default:
		return -1;
	}
}

/* Reads the options; *help when --help was shown (then EXIT_OK). Returns an exit status. */
static int read_options(render_options *o, int argc, char **argv, bool *help)
{
	int c;
	*help = false;
	while ((c = getopt_long(argc, argv, SHORT_OPTIONS, OPTIONS, NULL)) != -1) {
		int taken = selection_option(&o->sel, o->command, c);
		if (taken == -1)
			taken = output_option(o, c);
		if (taken == -1)
			taken = drawing_option(o, c);
		if (taken != -1 && taken != EXIT_OK)
			return taken;
		if (taken != -1)
			continue;
		if (c != 'h')
			return bad_option(o->command, c, argv, OPTIONS);
		fputs(o->command->help, stdout);
		*help = true;
		return EXIT_OK;
	}
	return EXIT_OK;
}

/* Gives each output path its format, and checks that the outputs suit a series or a single diagram. */
static int check_outputs(render_options *o)
{
	const cli_command *command = o->command;
	if (o->npaths == 0)
		return usage_error(command, "no output given: use -o FILE (.svg, .png, .pdf, .dot, .json or .html)");
	for (int i = 0; i < o->npaths; i++) {
		const char *path = o->paths[i];
		const char *format = o->format ? o->format : strcmp(path, "-") == 0 ? "svg" : format_of(path, FORMATS);
		if (!format)
			return usage_error(command, "cannot tell the format of '%s' from its extension: use .svg, .png, .pdf, .dot, .json or .html, or -T FORMAT", path);
		if (strcmp(format, "html") == 0) {
			if (!o->each)
				return usage_error(command, "a timeline page ('%s') shows a series: add --each decade (or year, or 5y)", path);
			o->page = true;
		} else if (o->each && !strstr(path, "{period}")) {
			return usage_error(command, "with --each, the output '%s' needs {period} in its name (or .html for the timeline page)", path);
		}
		o->outputs[o->noutputs++] = (output){path, format};
	}
	return refuse_repeated_outputs(command, o->paths, (size_t)o->npaths);
}

/*
 * A PDF's creation date from SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds convention: a malformed value is an error), so that
 * the same input gives the same PDF; else cairo's, the time it is drawn.
 * Dated, the process keeps UTC: cairo writes a date's offset from local
 * time, which would make the bytes differ from one time zone to another.
 */
static int read_source_date(render_options *o)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (!epoch)
		return EXIT_OK;
	char *end;
	errno = 0;
	long long seconds = strtoll(epoch, &end, 10); /* digits alone: strtoll would take spaces and signs */
	if (!*epoch || epoch[strspn(epoch, "0123456789")] || errno || *end || seconds > AN_LATEST_DATE)
		return usage_error(o->command, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to %lld, not '%s'",
		                   (long long)AN_LATEST_DATE, epoch);
	o->render.dated = true;
	o->render.date = seconds;
	setenv("TZ", "UTC0", 1);
	tzset();
	return EXIT_OK;
}

/* Checks --period against --each, and parses --from and --to. */
static int check_series_bounds(render_options *o)
{
	const cli_command *command = o->command;
	if (o->sel.period && o->each)
		return usage_error(command, "--period and --each cannot go together: use --from and --to to narrow a series");
	if (o->id_prefix && strstr(o->id_prefix, "{period}") && !o->each)
		return usage_error(command, "{period} in --id-prefix needs a series: add --each decade (or year, or 5y)");
	if ((o->bounds[0] || o->bounds[1]) && !o->each)
		return usage_error(command, "--from and --to narrow a series: add --each decade (or year, or 5y), or use --period");
	for (int i = 0; i < 2; i++) {
		an_when *w = i ? &o->to : &o->from;
		char problem[128];
		if (!o->bounds[i])
			continue;
		if (!an_period_parse(o->bounds[i], w, problem, sizeof problem))
			return usage_error(command, "bad --%s '%s': %s", i ? "to" : "from", o->bounds[i], problem);
		if (i ? w->days.last_day == AN_DAY_MAX : w->days.first_day == AN_DAY_MIN)
			return usage_error(command, "--%s needs a date, not an open end: '%s'", i ? "to" : "from", o->bounds[i]);
	}
	o->has_from = o->bounds[0] != NULL;
	o->has_to = o->bounds[1] != NULL;
	return EXIT_OK;
}

/*
 * --layout map where none of the actors drawn (`shown`; NULL: the network's)
 * has a place: drawn as --layout auto, with a warning that says why (`whose`
 * actors) and what gives an actor a place.
 */
static void map_or_auto(render_options *o, const an_network *net, const bool *shown, const char *whose)
{
	if (strcmp(o->engine, AN_ENGINE_MAP) != 0 || an_actors_have_places(net, shown))
		return;
	if (!o->sel.quiet)
		fprintf(stderr,
		        "%s: warning: no actor %s has a place on a map: drawn with --layout auto instead; "
		        "give states their ISO 3166-1 alpha-3 codes as ids, or actors 'at: [LATITUDE, LONGITUDE]', "
		        "a 'part_of' actor with a place or a 'region' the map knows\n",
		        program, whose);
	o->engine = "auto";
}

/* Draws the selection of the network: a series, or one diagram (with --ghost, beside everything at every date). */
static int render_network(render_options *o, const an_network *net)
{
	an_renderer *renderer = NULL;
	int status;
	if (o->each) {
		status = render_series(o, net, &renderer);
	} else {
		an_view view, context;
		an_view_build(&view, net, &o->sel.filter);
		if (o->ghost) { /* the same filters at every date */
			an_filter all_dates = o->sel.filter;
			all_dates.has_period = false;
			an_view_build(&context, net, &all_dates);
			o->build.ghost = &context;
		}
		if (view.nactors_shown && strcmp(o->engine, AN_ENGINE_MAP) == 0) { /* drawn: the view's actors, with --ghost every date's */
			bool *shown = xcalloc(net->nactors + 1, sizeof *shown);
			for (size_t i = 0; i < net->nactors; i++)
				shown[i] = view.actor_shown[i] || (o->ghost && context.actor_shown[i]);
			char *whose = o->sel.filter.has_period && *view.period_text ? xasprintf("drawn for %s", view.period_text)
			                                                            : xstrdup("drawn");
			map_or_auto(o, net, shown, whose);
			free(whose);
			free(shown);
		}
		status = draw(o, &(drawing){.view = &view}, &renderer);
		an_view_free(&view);
		if (o->ghost)
			an_view_free(&context);
	}
	an_renderer_free(renderer);
	return status;
}

#ifdef M_MMAP_THRESHOLD
/* How much freed memory the heap keeps when PNGs are drawn, in bytes. */
#define RASTER_HEAP_KEPT (64 << 20)
/*
 * Readies the heap for PNG surfaces before anything else is on it: a block
 * of most of what it keeps is taken, advised to be backed by huge pages,
 * and freed, so that the surfaces carved from it later fault 2 MB at a
 * time, not 4 KB (a decade series of the shipped network as PNG: 3,800
 * page faults -> 800, a sixth of its time on a virtual machine). Pages
 * never touched cost nothing; nothing is drawn differently.
 */
static void ready_raster_heap(void)
{
	size_t size = RASTER_HEAP_KEPT / 4 * 3; /* freed, it stays on the heap: under M_TRIM_THRESHOLD */
	char *block = malloc(size);
	if (!block)
		return;
	advise_huge_pages(block, size);
	free(block);
}
#endif

static int run_render(const cli_command *command, int argc, char **argv)
{
	render_options o;
	memset(&o, 0, sizeof o);
	selection_init(&o.sel);
	o.command = command;
	o.engine = "auto";
	o.stable = true;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	bool help;
	int status = read_options(&o, argc, argv, &help);
	if (status != EXIT_OK || help)
		return status;
	if (o.build.target && o.render.dpi == 0)
		o.render.dpi = TARGET_DPI;
	if ((status = one_network_file(command, argc, argv)) != EXIT_OK ||
	    (status = check_outputs(&o)) != EXIT_OK || (status = check_series_bounds(&o)) != EXIT_OK ||
	    (status = read_source_date(&o)) != EXIT_OK)
		return status;
#ifdef M_MMAP_THRESHOLD
	for (int i = 0; i < o.noutputs; i++)
		if (strcmp(o.outputs[i].format, "png") == 0) {
			/*
			 * A PNG is drawn on a surface of 4 bytes a pixel (9 MB for a
			 * 1500 px square): kept on the heap when freed, the next
			 * period's surface reuses it instead of mapping and faulting
			 * in fresh pages (a series' PNGs: 10 % faster). Without a PNG,
			 * glibc's defaults keep less: a large file's arrays, once grown,
			 * are given back.
			 */
			if (mallopt(M_MMAP_THRESHOLD, RASTER_HEAP_KEPT) == 1 && mallopt(M_TRIM_THRESHOLD, RASTER_HEAP_KEPT) == 1)
				ready_raster_heap();
			break;
		}
#endif
	an_network *net;
	status = selection_open(&o.sel, command, argv[optind], o.paths, (size_t)o.npaths, &net);
	if (status != EXIT_OK)
		return status;
	if (net->nactors) {
		char *whose = xasprintf("in %s", argv[optind]);
		map_or_auto(&o, net, NULL, whose);
		free(whose);
	}
	bool *highlight = xcalloc(net->nactors + 1, sizeof *highlight);
	if (o.highlight) {
		status = mark_names(net, command, o.highlight, "--highlight", false, highlight);
		o.build.highlight = highlight;
	}
	if (status == EXIT_OK) {
		progress_start(isatty(STDERR_FILENO), o.sel.quiet);
		status = render_network(&o, net);
		progress_stop();
	}
	free(highlight);
	selection_close(&o.sel, net);
	return status;
}

const cli_command RENDER_COMMAND = {"render", RENDER_HELP, run_render};
