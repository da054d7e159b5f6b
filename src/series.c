/* series.c: a series of periods over one network: their views, the one placement a stable series draws every period at, and its timeline page. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

bool an_period_series_open(an_period_series *s, const an_network *net, const an_filter *selection,
                           const an_step *step, int first, int last)
{
	memset(s, 0, sizeof *s);
	s->net = net;
	s->periods = an_series(step, first, last, &s->count);
	if (!s->periods)
		return false;
	size_t slots = s->count ? s->count : 1;
	s->views = xcalloc(slots, sizeof *s->views);
	for (size_t i = 0; i < s->count; i++) {
		an_filter f = *selection;
		f.period = s->periods[i].when;
		f.has_period = true;
		an_view_build(&s->views[i], net, &f);
	}
	an_filter whole = *selection;
	an_when_from_days(s->periods[0].when.days.first_day, s->periods[s->count - 1].when.days.last_day,
	                  &whole.period);
	whole.has_period = true;
	an_view_build(&s->whole, net, &whole);
	s->whole.widest_names = true; /* its periods may draw longer names */
	return true;
}

bool an_period_series_place(an_period_series *s, an_renderer *r, an_graph *whole,
                            const char *engine, const an_build_options *build, bool whole_canvas,
                            an_diags *diags)
{
	s->placed_nodes = an_graph_nodes(whole);
	s->placed_edges = an_graph_edges(whole);
	s->build = *build;
	s->graphs = xcalloc(s->count ? s->count : 1, sizeof *s->graphs);
	for (size_t i = 0; i < s->count; i++)
		s->graphs[i] = an_graph_build(&s->views[i], &s->build);
	an_graph_mark_periods(whole, s->graphs, s->count); /* placed for what the periods draw */
	s->placement = an_place(r, whole, engine, diags);
	if (!s->placement)
		return false;
	/* Every period with a title block of one size, the largest, on one canvas. */
	int width = 0, height = 0;
	for (size_t i = 0; i < s->count; i++) {
		int w, h;
		if (!an_placement_fit(r, s->placement, s->graphs[i], whole_canvas, &w, &h, diags))
			return false;
		width = w > width ? w : width;
		height = h > height ? h : height;
	}
	for (size_t i = 0; i < s->count; i++)
		an_graph_title_size(s->graphs[i], width, height);
	s->text = xcalloc(s->count ? s->count : 1, sizeof *s->text);
	return an_placement_crop(r, s->placement, s->graphs, s->count, s->text, diags);
}

/* Seconds since an arbitrary start. */
static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

bool an_period_series_draw(an_period_series *s, an_renderer *r, size_t i, bool whole_canvas,
                           const char *const *formats, size_t n, const an_render_options *opt,
                           char **data, size_t *len, double *layout_seconds, an_diags *diags)
{
	for (size_t k = 0; k < n; k++) {
		data[k] = NULL;
		len[k] = 0;
	}
	if (layout_seconds)
		*layout_seconds = -1;
	if (!s->placement || i >= s->count || !s->graphs[i]) {
		an_error(diags, (an_pos){0, 0}, "internal: period %zu of the series is not placed", i);
		return false;
	}
	double start = seconds();
	if (!an_layout_pinned(r, s->graphs[i], s->placement, i, whole_canvas, diags))
		return false;
	if (layout_seconds)
		*layout_seconds = seconds() - start;
	bool ok = true;
	for (size_t k = 0; k < n && ok; k++)
		ok = an_render(r, s->graphs[i], formats[k], opt, &data[k], &len[k], diags);
	an_layout_free(r, s->graphs[i]);
	return ok;
}

char *an_period_series_page(const an_period_series *s, char *const *svg, const size_t *svg_len,
                            bool ids_prefixed, const char *title, bool dark, size_t *len)
{
	an_frame *frames = xcalloc(s->count ? s->count : 1, sizeof *frames);
	for (size_t i = 0; i < s->count; i++)
		frames[i] = (an_frame){s->periods[i].name, s->views[i].period_text, svg[i], svg_len[i], ids_prefixed};
	char *html = an_timeline_html(title, frames, s->count, dark, len);
	free(frames);
	return html;
}

void an_period_series_free(an_period_series *s)
{
	for (size_t i = 0; i < s->count && s->views; i++) {
		an_view_free(&s->views[i]);
		if (s->graphs)
			an_graph_free(s->graphs[i]);
	}
	if (s->views)
		an_view_free(&s->whole);
	an_placement_free(s->placement);
	free(s->graphs);
	free(s->text);
	free(s->views);
	free(s->periods);
	memset(s, 0, sizeof *s);
}
