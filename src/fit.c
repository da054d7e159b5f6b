/* fit.c: makes a drawing for a medium (--size): reads targets, steps through ways of drawing a view until its text is legible there, and finds the cuts that would make it so. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* ------------------------------------------------------------------ targets */

static const struct {
	const char *name;
	double width, height;
	bool page;
} NAMED_TARGETS[] = {
	{"a4", 451, 698, true},      /* A4's text block: 210 x 297 mm less 2.5 cm margins */
	{"letter", 468, 648, true},  /* US Letter less 1 inch margins */
	{"16:9", 960, 540, false},   /* PowerPoint's and Keynote's wide slide, 13.33 x 7.5 in */
	{"4:3", 720, 540, false},    /* the standard slide, 10 x 7.5 in */
};

/* Points per unit of a WxH target; inches when no unit is given. */
static const struct {
	const char *unit;
	double points;
} UNITS[] = {
	{"pt", 1}, {"in", 72}, {"cm", 72 / 2.54}, {"mm", 72 / 25.4}, {"px", 0.75}, {"", 72},
};

/* The smallest and largest target sides, in points: a business card, a poster. */
#define TARGET_MIN 72.0
#define TARGET_MAX 14400.0

bool an_target_parse(const char *text, an_target *t, char *problem, size_t size)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", text);
	for (size_t i = 0; i < sizeof NAMED_TARGETS / sizeof NAMED_TARGETS[0]; i++)
		if (strcasecmp(text, NAMED_TARGETS[i].name) == 0) {
			snprintf(t->name, sizeof t->name, "%s", NAMED_TARGETS[i].name);
			t->width = NAMED_TARGETS[i].width;
			t->height = NAMED_TARGETS[i].height;
			t->page = NAMED_TARGETS[i].page;
			t->min_text = t->page ? AN_PAGE_MIN_TEXT : AN_SLIDE_MIN_TEXT;
			return true;
		}
	char *end;
	double w = strtod(text, &end);
	if (end == text || (*end != 'x' && *end != 'X')) {
		snprintf(problem, size, "expected a4, letter, 16:9, 4:3 or WxH with a unit (e.g. 25x15cm)");
		return false;
	}
	const char *rest = end + 1;
	double h = strtod(rest, &end);
	size_t u = 0;
	while (u < sizeof UNITS / sizeof UNITS[0] && strcasecmp(end, UNITS[u].unit) != 0)
		u++;
	if (end == rest || u == sizeof UNITS / sizeof UNITS[0]) {
		snprintf(problem, size, "expected WxH with a unit: pt, in, cm, mm or px (e.g. 25x15cm)");
		return false;
	}
	w *= UNITS[u].points;
	h *= UNITS[u].points;
	if (!(w >= TARGET_MIN && h >= TARGET_MIN && w <= TARGET_MAX && h <= TARGET_MAX)) {
		snprintf(problem, size, "each side must be from 1 to 200 inches (72 to 14400 pt)");
		return false;
	}
	t->width = w;
	t->height = h;
	t->page = h > w;
	t->min_text = t->page ? AN_PAGE_MIN_TEXT : AN_SLIDE_MIN_TEXT;
	return true;
}

/* Layouts are measured to this, in points: texts closer are the same size. */
#define TEXT_TOLERANCE 0.05

bool an_target_readable(const an_target *t, double text)
{
	return text >= t->min_text - TEXT_TOLERANCE;
}

/* ------------------------------------------------------------------ fitting */

/*
 * The ways of drawing a view, most informative first: full labels, then
 * the ties of one pair and direction as one edge of strands (the label a
 * line per type), then only their dates, then no labels.
 */
static const struct {
	an_labels labels;
	bool merge_types;
} LEVELS[] = {
	{AN_LABELS_FULL, false},
	{AN_LABELS_FULL, true},
	{AN_LABELS_SHORT, true},
	{AN_LABELS_NONE, true},
};
#define NLEVELS (sizeof LEVELS / sizeof LEVELS[0])

/* One way of drawing tried: its options, engine and what it gives. */
typedef struct {
	an_build_options build;
	const char *engine;
	double text; /* the smallest text on the target, in points */
	bool overlapping; /* a map whose labels overlap one another or its actors */
} trial;

/* Whether the trial's drawing can be read on its target. */
static bool trial_readable(const trial *t)
{
	return an_target_readable(t->build.target, t->text) && !t->overlapping;
}

/*
 * Lays the view out as the trial says and measures its smallest text on the
 * target; a map's, in the same layout, whether its labels overlap one
 * another or its actors.
 */
static bool try_drawing(an_renderer *r, const an_view *view, trial *t, an_diags *diags)
{
	an_graph *g = an_graph_build(view, &t->build);
	double width, height;
	an_faults faults;
	bool map = strcmp(t->engine, AN_ENGINE_MAP) == 0;
	bool ok = map ? an_layout_faults(r, g, t->engine, &faults, &width, &height, diags)
	              : an_layout_measure(r, g, t->engine, &width, &height, diags);
	if (ok && map)
		t->overlapping = faults.overlaps > 0;
	an_graph_free(g);
	if (ok) {
		const an_target *target = t->build.target;
		double scale = fmin(AN_MAX_GROWTH, fmin(target->width / width, target->height / height));
		t->text = scale * target->min_text;
	}
	return ok;
}

/* A way of laying out: an engine, its direction, labels as nodes, actors packed tight. */
typedef struct {
	const char *engine;
	bool vertical, label_nodes, tight;
} way;

#define MAX_WAYS 4

/* Force-directed engines place labels well only as nodes (see label_nodes). */
static bool force_directed(const char *engine)
{
	return strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 ||
	       strcmp(engine, "sfdp") == 0;
}

/*
 * The ways tried: for `auto`, dot both ways (left to right and top to
 * bottom: a page is tall, a slide wide) while the graph is small enough
 * for dot, and the packed engine with labels as nodes (not with region
 * clusters, which it cannot draw, unless dot is too costly), then packed
 * tight (only where loose packed does not fit: see try_level); an engine asked
 * for, alone (dot both ways; packed, then tight).
 */
static size_t ways_for(const char *asked, const char *automatic, bool clusters, way *ways)
{
	size_t n = 0;
	bool packed = false;
	if (strcmp(asked, "auto") != 0) {
		ways[n++] = (way){asked, false, force_directed(asked) || strcmp(asked, AN_ENGINE_PACKED) == 0,
		                  false};
		if (strcmp(asked, "dot") == 0)
			ways[n++] = (way){asked, true, false, false};
		packed = strcmp(asked, AN_ENGINE_PACKED) == 0;
	} else {
		if (strcmp(automatic, "dot") == 0) {
			ways[n++] = (way){"dot", false, false, false};
			ways[n++] = (way){"dot", true, false, false};
		}
		if (!clusters || !n) { /* sfdp and nop draw no region boxes */
			ways[n++] = (way){AN_ENGINE_PACKED, false, true, false};
			packed = true;
		}
	}
	if (packed)
		ways[n++] = (way){AN_ENGINE_PACKED, false, true, true};
	return n;
}

/* The ways to try for the view: ways_for with the engine `auto` gives its graph (*automatic). */
static size_t view_ways(const an_view *view, const an_build_options *base, const char *engine,
                        const char **automatic, way *ways)
{
	an_graph *g = an_graph_build(view, base);
	*automatic = an_layout_auto(an_graph_nodes(g), an_graph_edges(g));
	an_graph_free(g);
	return ways_for(engine, *automatic, base->cluster != AN_CLUSTER_NONE, ways);
}

/* A trial of the options, laid out one way. */
static trial trial_of(const an_build_options *base, const way *w)
{
	trial t = {.build = *base, .engine = w->engine};
	t.build.vertical = w->vertical;
	t.build.label_nodes = w->label_nodes;
	t.build.tight = w->tight;
	return t;
}

/* Strands: not with --no-merge, nor in print, where types differ only by arrowhead. */
static bool strands_allowed(const an_build_options *base)
{
	return !base->no_merge && base->theme != AN_THEME_PRINT;
}

/* Lays the trial out with its edges routed and counts its faults. */
static bool trial_faults(an_renderer *r, const an_view *view, const trial *t, an_faults *faults,
                         an_diags *diags)
{
	an_graph *g = an_graph_build(view, &t->build);
	bool ok = an_layout_faults(r, g, t->engine, faults, NULL, NULL, diags);
	an_graph_free(g);
	return ok;
}

/*
 * A drawing's faults as one number: a line through an actor or a label, or
 * one that runs a long way round, costs a reader more than a crossing.
 */
static size_t fault_score(an_faults f)
{
	return 4 * (f.through + f.detours) + f.crossings;
}

/* How many times a map is drawn smaller at most, and the smallest share of its width it is drawn at. */
#define MAP_SHRINKS 4
#define MAP_MIN_SHARE 0.5
/* A map is drawn this much smaller than its text asks, for the title block and actors that do not shrink with it. */
#define MAP_SHRINK_MARGIN 0.95

/*
 * A map too large for its text to be read on the target is drawn smaller
 * (its actors and labels keep their size), just enough, as far as
 * MAP_MIN_SHARE of its width, and while its labels stay clear of one
 * another and of the actors: a map's labels crowd as it shrinks, where
 * fewer labels (the next level) read better.
 */
static bool shrink_map(an_renderer *r, const an_view *view, trial *t, an_diags *diags)
{
	if (strcmp(t->engine, AN_ENGINE_MAP) != 0)
		return true;
	for (int k = 0; k < MAP_SHRINKS && !t->overlapping && !trial_readable(t); k++) {
		double share = t->build.map_share > 0 ? t->build.map_share : 1;
		if (share <= MAP_MIN_SHARE)
			break;
		trial smaller = *t;
		smaller.build.map_share =
		    fmax(MAP_MIN_SHARE, share * t->text / t->build.target->min_text * MAP_SHRINK_MARGIN);
		if (!try_drawing(r, view, &smaller, diags))
			return false;
		if (smaller.text <= t->text + TEXT_TOLERANCE || (smaller.overlapping && !t->overlapping))
			break; /* no larger text, or the labels crowd: the map as it was */
		*t = smaller;
	}
	return true;
}

/*
 * The best trial of one level of labels, over the ways: of those whose text
 * is readable, the one with the fewest faults (the first of equals), or
 * without by_faults the first; when none is, the one with the largest text.
 * A tight way is tried only when its engine's loose way is not readable (a
 * drawing that fits with room to spare keeps it) and, without by_faults,
 * no way before it is: dot's readable drawing may still loop round or run
 * through labels, and the faults decide.
 */
static bool try_level(an_renderer *r, const an_view *view, const an_build_options *base,
                      const way *ways, size_t nways, size_t level, bool by_faults, trial *best,
                      an_diags *diags)
{
	*best = (trial){.build = *base, .engine = ways[0].engine, .text = -1};
	trial readable[MAX_WAYS];
	size_t nreadable = 0;
	bool loose_readable = false; /* a way of the same engine as the tight one, not tight, is readable */
	for (size_t i = 0; i < nways; i++) {
		if (ways[i].tight && (loose_readable || (nreadable && !by_faults)))
			continue;
		trial t = trial_of(base, &ways[i]);
		t.build.labels = LEVELS[level].labels;
		t.build.merge_types = LEVELS[level].merge_types && strands_allowed(base);
		if (!try_drawing(r, view, &t, diags) || !shrink_map(r, view, &t, diags))
			return false;
		if (t.text > best->text + TEXT_TOLERANCE)
			*best = t;
		if (trial_readable(&t)) {
			loose_readable |= strcmp(ways[i].engine, AN_ENGINE_PACKED) == 0 && !ways[i].tight;
			readable[nreadable++] = t;
			if (!by_faults)
				break;
		}
	}
	size_t fewest = SIZE_MAX;
	for (size_t i = 0; nreadable > 1 && i < nreadable; i++) {
		an_faults faults;
		if (!trial_faults(r, view, &readable[i], &faults, diags))
			return false;
		if (fault_score(faults) < fewest) {
			fewest = fault_score(faults);
			*best = readable[i];
		}
	}
	return true;
}

bool an_fit(an_renderer *r, const an_view *view, const an_build_options *base,
            const char *engine, bool by_faults, an_fit_choice *choice, an_diags *diags)
{
	memset(choice, 0, sizeof *choice);
	way ways[MAX_WAYS];
	const char *automatic;
	size_t nways = view_ways(view, base, engine, &automatic, ways);
	/*
	 * The first level that fits; when none does, the last, the most compact
	 * (force-directed engines draw labels over the drawing without making
	 * it larger: fewer labels is then always better).
	 */
	trial best = {.build = *base, .engine = ways[0].engine, .text = -1};
	size_t first = 0;
	while (first + 1 < NLEVELS && LEVELS[first].labels != base->labels)
		first++; /* --labels short or none: never more than asked for */
	bool strands = strands_allowed(base);
	for (size_t level = first; level < NLEVELS; level++) {
		if (level > first && !strands && LEVELS[level].labels == LEVELS[level - 1].labels)
			continue; /* the same drawing as the level before */
		if (!try_level(r, view, base, ways, nways, level, by_faults, &best, diags))
			return false;
		if (trial_readable(&best))
			break;
	}
	choice->build = best.build;
	choice->engine = best.engine;
	choice->text = best.text;
	choice->fits = trial_readable(&best);
	return true;
}

bool an_choose_layout(an_renderer *r, const an_view *view, const an_build_options *base,
                      bool pinned_series, an_fit_choice *choice, an_diags *diags)
{
	memset(choice, 0, sizeof *choice);
	choice->build = *base;
	bool small = view->nactors_shown < AN_COMPACT_MIN_ACTORS;
	if ((small && pinned_series) || view->nactors_shown > AN_COMPACT_MAX_ACTORS)
		return true;
	way ways[MAX_WAYS];
	const char *automatic;
	size_t nways = view_ways(view, base, "auto", &automatic, ways);
	if (strcmp(automatic, "dot") != 0)
		return true; /* beyond dot, auto's scalable engine */
	/* A line through an actor or another tie's label, or a long way round, misleads; a crossing only tangles. */
	size_t least_misleading = SIZE_MAX, least_crossings = SIZE_MAX;
	for (size_t i = 0; i < nways; i++) {
		if (ways[i].tight)
			continue; /* without a target, no text to make larger */
		trial t = trial_of(base, &ways[i]);
		an_faults faults;
		/* Measured from one start of the packed engine: the drawing then searches more (LABEL_NODE_STARTS). */
		if (!trial_faults(r, view, &t, &faults, diags))
			return false;
		size_t misleading = faults.through + faults.detours;
		if (small && misleading == 0 && strcmp(t.engine, "dot") == 0 && !t.build.vertical)
			return true; /* auto's own drawing (dot, left to right: the first way), clean */
		if (misleading < least_misleading ||
		    (misleading == least_misleading && faults.crossings < least_crossings)) {
			least_misleading = misleading;
			least_crossings = faults.crossings;
			choice->build = t.build;
			choice->engine = t.engine;
		}
	}
	return true;
}

/* -------------------------------------------------------------------- cuts */

/* The smallest text of the view's most compact drawing (no labels), in points. */
static bool compact_text(an_renderer *r, const an_network *net, const an_filter *f,
                         const an_build_options *base, const char *engine, size_t *ties,
                         double *text, an_diags *diags)
{
	an_view view, context;
	an_view_build(&view, net, f);
	*ties = view.nlinks;
	an_fit_choice choice;
	an_build_options compact = *base;
	compact.labels = AN_LABELS_NONE; /* an_fit goes straight to the last level */
	if (base->ghost) { /* the cut's selection at every date, as render draws it with --ghost */
		an_filter every_date = *f;
		every_date.has_period = false;
		an_view_build(&context, net, &every_date);
		compact.ghost = &context;
	}
	bool ok = view.nlinks > 0 && an_fit(r, &view, &compact, engine, false, &choice, diags);
	an_view_free(&view);
	if (base->ghost)
		an_view_free(&context);
	*text = ok ? choice.text : 0;
	return ok;
}

/* Adds a cut that fits, if there is room for it. */
static void add_cut(an_cut *cuts, size_t *n, size_t max, const char *option, size_t ties,
                    double text)
{
	if (*n >= max)
		return;
	snprintf(cuts[*n].option, sizeof cuts[*n].option, "%s", option);
	cuts[*n].ties = ties;
	cuts[*n].text = text;
	(*n)++;
}

/* Indices of the view's actors (or types), most ties first; returns how many have any. */
static size_t by_ties(const an_view *view, bool types, size_t *order)
{
	const an_network *net = view->net;
	size_t n = types ? net->ntypes : net->nactors;
	size_t *count = xcalloc(n + 1, sizeof *count);
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		if (types) {
			count[net->ties[l->tie].type_index]++;
		} else {
			count[l->from]++;
			count[l->to]++;
		}
	}
	size_t used = 0;
	for (size_t i = 0; i < n; i++)
		if (count[i])
			order[used++] = i;
	for (size_t i = 1; i < used; i++) /* insertion sort, stable: few items */
		for (size_t k = i; k > 0 && count[order[k]] > count[order[k - 1]]; k--) {
			size_t swap = order[k];
			order[k] = order[k - 1];
			order[k - 1] = swap;
		}
	free(count);
	return used;
}

/* Actors tried as a focus, most connected first, and the most focus cuts given. */
#define FOCUS_TRIES 8
#define FOCUS_CUTS 2

size_t an_fit_cuts(an_renderer *r, const an_view *view, const an_filter *filter,
                   const an_build_options *base, const char *engine, bool periods, an_cut *cuts,
                   size_t max, an_diags *diags)
{
	const an_network *net = view->net;
	double text;
	size_t n = 0, ties;
	strbuf option;
	sb_init(&option);

	/* On a map: every tie, drawn as a diagram instead (a map spends room on geography). */
	if (strcmp(engine, AN_ENGINE_MAP) == 0 && compact_text(r, net, filter, base, "auto", &ties, &text, diags) &&
	    an_target_readable(base->target, text))
		add_cut(cuts, &n, max, "--layout auto", ties, text);

	/* One actor and its neighbours. */
	size_t *order = xcalloc((net->nactors > net->ntypes ? net->nactors : net->ntypes) + 1,
	                        sizeof *order);
	size_t actors = filter->nfocus ? 0 : by_ties(view, false, order), focus_cuts = 0;
	for (size_t i = 0; i < actors && i < FOCUS_TRIES && focus_cuts < FOCUS_CUTS; i++) {
		an_filter f = *filter;
		f.focus = &order[i];
		f.nfocus = 1;
		f.depth = 1;
		if (!compact_text(r, net, &f, base, engine, &ties, &text, diags))
			continue;
		if (an_target_readable(base->target, text)) {
			sb_printf(&option, "--focus %s%s", net->actors[order[i]].id.text,
			          filter->depth == 1 ? "" : " --depth 1");
			add_cut(cuts, &n, max, option.data, ties, text);
			option.len = 0;
			focus_cuts++;
		}
	}

	/* Half the years: the later half, else the earlier. */
	int first = 0, last = 0, month, day;
	if (view->has_period && view->period.days.first_day != AN_DAY_MIN &&
	    view->period.days.last_day != AN_DAY_MAX) {
		an_civil_from_days(view->period.days.first_day, &first, &month, &day);
		an_civil_from_days(view->period.days.last_day, &last, &month, &day);
	}
	/* Not in a series (its periods are --each's), nor with ghosts (they show every year). */
	bool halves = periods && !base->ghost && view->has_period &&
	              view->period.days.first_day != AN_DAY_MIN && view->period.days.last_day != AN_DAY_MAX;
	for (int later = 1; later >= 0 && halves && last > first; later--) {
		int middle = first + (last - first + 1) / 2; /* the later half's first year */
		int from = later ? middle : first, to = later ? last : middle - 1;
		an_filter f = *filter;
		int32_t start = an_days_from_civil(from, 1, 1), end = an_days_from_civil(to, 12, 31);
		an_when_from_days(start > view->period.days.first_day ? start : view->period.days.first_day,
		                  end < view->period.days.last_day ? end : view->period.days.last_day, &f.period);
		f.has_period = true;
		if (compact_text(r, net, &f, base, engine, &ties, &text, diags) && an_target_readable(base->target, text)) {
			sb_printf(&option, "--period %04d-%04d", from, to);
			add_cut(cuts, &n, max, option.data, ties, text);
			option.len = 0;
			break;
		}
	}

	/* The most frequent types: as many as fit (found by halving). */
	size_t types = by_ties(view, true, order);
	bool *allowed = xcalloc(net->ntypes + 1, sizeof *allowed);
	size_t low = 0, high = types; /* `low` types fit (0: none tried yet); `high` do not */
	double low_text = 0;
	size_t low_ties = 0;
	while (high - low > 1) {
		size_t mid = (low + high) / 2;
		an_filter f = *filter;
		memset(allowed, 0, (net->ntypes + 1) * sizeof *allowed);
		for (size_t i = 0; i < mid; i++)
			allowed[order[i]] = true;
		f.type_allowed = allowed;
		if (compact_text(r, net, &f, base, engine, &ties, &text, diags) && an_target_readable(base->target, text)) {
			low = mid;
			low_text = text;
			low_ties = ties;
		} else {
			high = mid;
		}
	}
	if (low > 0) {
		sb_puts(&option, "--type ");
		for (size_t i = 0; i < low; i++)
			sb_printf(&option, "%s%s", i ? "," : "", net->types[order[i]].name.text);
		add_cut(cuts, &n, max, option.data, low_ties, low_text);
		option.len = 0;
	}

	/* Only the ties most certainly there. */
	for (int c = AN_ALLEGED; c >= AN_CONFIRMED; c--) {
		if ((an_confidence)c >= filter->min_confidence)
			continue;
		an_filter f = *filter;
		f.min_confidence = (an_confidence)c;
		if (compact_text(r, net, &f, base, engine, &ties, &text, diags) && an_target_readable(base->target, text) &&
		    ties < view->nlinks) {
			sb_printf(&option, "--confidence %s", an_confidence_name((an_confidence)c));
			add_cut(cuts, &n, max, option.data, ties, text);
			option.len = 0;
			break;
		}
	}
	free(allowed);
	free(order);
	sb_free(&option);
	return n;
}

/* ------------------------------------------------------------- a view fitted */

/* Cuts suggested when a drawing does not fit its target. */
#define MAX_CUTS 5

char *an_fit_advice(an_renderer *r, const an_view *view, const an_filter *selection,
                    const an_build_options *build, const char *engine, bool series,
                    an_diags *diags)
{
	an_cut cuts[MAX_CUTS];
	an_filter selected = *selection; /* the view's own selection, a series' period included */
	selected.period = view->period;
	selected.has_period = view->has_period;
	size_t ncuts = an_fit_cuts(r, view, &selected, build, engine, !series, cuts, MAX_CUTS, diags);
	strbuf advice;
	sb_init(&advice);
	for (size_t i = 0; i < ncuts; i++)
		sb_printf(&advice, "%s%s keeps %zu ties (%.1f pt)", i ? ", " : "", cuts[i].option,
		          cuts[i].ties, cuts[i].text);
	if (!ncuts)
		sb_printf(&advice, "no one focus, type or confidence cut fits: draw %s, or on a larger --size",
		          series ? "shorter periods (--each)" : "fewer years (--period)");
	return advice.data;
}

bool an_fit_view(an_renderer *r, const an_view *view, const an_fit_request *request,
                 an_build_options *build, const char **engine, bool *fits, an_diags *diags)
{
	an_fit_choice choice;
	if (!an_fit(r, view, build, request->engine, true, &choice, diags))
		return false;
	*build = choice.build;
	*engine = choice.engine;
	*fits = choice.fits;
	if (choice.fits || !request->advise)
		return true;
	char *advice = an_fit_advice(r, view, request->selection, build, request->engine,
	                             request->series, diags);
	const an_target *t = build->target;
	const char *name = request->period_name;
	an_warning(diags, (an_pos){0, 0},
	           "%s%son %s the smallest text would be %.1f pt (minimum %g): %zu actors and %zu ties; %s",
	           name ? name : "", name ? ": " : "", t->name, choice.text, t->min_text,
	           view->nactors_shown, view->nlinks, advice);
	free(advice);
	return true;
}
