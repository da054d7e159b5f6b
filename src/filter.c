/* filter.c: selects the ties and actors a diagram shows: by period, type, confidence and focus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void an_filter_init(an_filter *f)
{
	memset(f, 0, sizeof *f);
	f->min_confidence = AN_DISPUTED;
	f->undated = AN_UNDATED_SHOW;
	f->depth = 1;
}

static bool link_passes(const an_network *net, const an_link *l, const an_filter *f)
{
	const an_tie *t = &net->ties[l->tie];
	if (f->type_allowed && (t->type_index == SIZE_MAX || !f->type_allowed[t->type_index]))
		return false;
	if (t->confidence > f->min_confidence)
		return false;
	if (!t->when_text.text) /* bounded by its actors' lifetimes only */
		return f->undated == AN_UNDATED_SHOW && (!f->has_period || an_days_overlap(&l->when, &f->period, false));
	if (!t->when_ok)
		return false;
	return !f->has_period || an_days_overlap(&l->when, &f->period, f->certain);
}

/* Marks in `reached` the actors within f->depth hops of the focus over the kept links. */
static void reach(const an_network *net, const size_t *links, size_t nlinks, const an_filter *f,
                  bool *reached)
{
	for (size_t i = 0; i < f->nfocus; i++)
		reached[f->focus[i]] = true;
	bool *frontier = xcalloc(net->nactors, sizeof *frontier);
	for (int hop = 0; hop < f->depth; hop++) {
		memcpy(frontier, reached, net->nactors * sizeof *frontier);
		bool grew = false;
		for (size_t i = 0; i < nlinks; i++) {
			const an_link *l = &net->links[links[i]];
			if (frontier[l->from] && !reached[l->to])
				reached[l->to] = grew = true;
			if (frontier[l->to] && !reached[l->from])
				reached[l->from] = grew = true;
		}
		if (!grew)
			break;
	}
	free(frontier);
}

void an_view_build(an_view *view, const an_network *net, const an_filter *f)
{
	memset(view, 0, sizeof *view);
	view->net = net;
	view->links = xmalloc((net->nlinks ? net->nlinks : 1) * sizeof *view->links);
	view->actor_shown = xcalloc(net->nactors, sizeof *view->actor_shown);
	for (size_t i = 0; i < net->nlinks; i++)
		if (link_passes(net, &net->links[i], f))
			view->links[view->nlinks++] = i;

	if (f->has_period) {
		view->period = f->period;
		view->has_period = true;
	} else if (net->has_span) {
		/* The span of the dated ties, in whole years. */
		int first, last, month, day;
		an_civil_from_days(net->span_first, &first, &month, &day);
		an_civil_from_days(net->span_last, &last, &month, &day);
		an_when_from_days(an_days_from_civil(first, 1, 1), an_days_from_civil(last, 12, 31),
		                  &view->period);
		view->has_period = true;
	}
	if (view->has_period)
		an_period_label(&view->period, view->period_text, sizeof view->period_text);

	if (f->nfocus > 0) {
		bool *reached = xcalloc(net->nactors, sizeof *reached);
		reach(net, view->links, view->nlinks, f, reached);
		size_t kept = 0;
		for (size_t i = 0; i < view->nlinks; i++) {
			const an_link *l = &net->links[view->links[i]];
			if (reached[l->from] && reached[l->to])
				view->links[kept++] = view->links[i];
		}
		view->nlinks = kept;
		for (size_t i = 0; i < f->nfocus; i++)
			view->actor_shown[f->focus[i]] = true;
		if (f->all_actors)
			memcpy(view->actor_shown, reached, net->nactors * sizeof *reached);
		free(reached);
	} else if (f->all_actors) {
		for (size_t i = 0; i < net->nactors; i++) {
			const an_actor *a = &net->actors[i];
			view->actor_shown[i] = !f->has_period || !a->when_text.text || !a->when_ok ||
			                       an_days_overlap(&a->when.days, &f->period, false);
		}
	}
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		view->actor_shown[l->from] = view->actor_shown[l->to] = true;
	}
	for (size_t i = 0; i < net->nactors; i++)
		view->nactors_shown += view->actor_shown[i];
}

void an_view_free(an_view *view)
{
	free(view->links);
	free(view->actor_shown);
	memset(view, 0, sizeof *view);
}
