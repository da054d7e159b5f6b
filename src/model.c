/* model.c: the network model's constructor, destructor, lookups and built-in tie types. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * The palette is Okabe and Ito's colour-blind-safe one, without its yellow
 * (too faint as a line on white). Six hues with a filled arrowhead, the same
 * six with a hollow one, and black with a tee for hostility, so no support
 * type can be mistaken for it. The UCDP column names the category of the
 * UCDP External Support Dataset each type belongs to.
 */
const builtin_type BUILTIN_TYPES[] = {
	{"arms", "Arms", "#D55E00", "normal", "weapons"},
	{"missiles", "Missiles", "#E69F00", "normal", "weapons; training and expertise"},
	{"nuclear", "Nuclear", "#CC79A7", "normal", "training and expertise; materiel"},
	{"troops", "Troops", "#0072B2", "normal", "troops as secondary warring party"},
	{"training", "Training", "#009E73", "normal", "training and expertise"},
	{"finance", "Finance", "#56B4E9", "normal", "funding"},
	{"intelligence", "Intelligence", "#CC79A7", "onormal", "intelligence"},
	{"safe-haven", "Safe haven", "#009E73", "onormal", "access to territory"},
	{"logistics", "Logistics", "#E69F00", "onormal", "materiel and logistics"},
	{"trade", "Trade", "#56B4E9", "onormal", "not coded (trade, not support)"},
	{"diplomatic", "Diplomatic", "#0072B2", "onormal", "not coded (political support)"},
	{"cooperation", "Cooperation", "#D55E00", "onormal", "other forms of support"},
	{"hostility", "Hostility", "#000000", "tee", "not support (adversarial)"},
};
const size_t NBUILTIN_TYPES = sizeof BUILTIN_TYPES / sizeof BUILTIN_TYPES[0];

/* Declared types without a colour take the support hues again, with other arrowheads. */
static const char *const EXTRA_HUES[] = {"#D55E00", "#E69F00", "#CC79A7",
                                         "#0072B2", "#009E73", "#56B4E9"};
/* Not "odiamond": that is the "part of" link's. */
static const char *const EXTRA_ARROWHEADS[] = {"diamond", "dot", "odot", "box", "obox", "inv"};

an_network *an_network_new(const char *path)
{
	an_network *net = xcalloc(1, sizeof *net);
	net->store = xcalloc(1, sizeof *net->store);
	si_init(&net->store->actor_ids);
	si_init(&net->store->type_names);
	si_init(&net->store->source_keys);
	net->path = arena_strdup(&net->store->strings, path);
	net->types = xcalloc(NBUILTIN_TYPES, sizeof *net->types);
	net->ntypes = NBUILTIN_TYPES;
	for (size_t i = 0; i < NBUILTIN_TYPES; i++) {
		an_type *t = &net->types[i];
		t->name.text = arena_strdup(&net->store->strings, BUILTIN_TYPES[i].name); /* the network owns its strings */
		t->builtin = true;
		t->builtin_color = BUILTIN_TYPES[i].color;
		t->builtin_label = BUILTIN_TYPES[i].label;
		t->arrowhead = BUILTIN_TYPES[i].arrowhead;
		si_put(&net->store->type_names, t->name.text, i);
	}
	return net;
}

void an_type_set_extra_style(an_type *t, size_t extra_index)
{
	size_t nhues = sizeof EXTRA_HUES / sizeof EXTRA_HUES[0];
	size_t nheads = sizeof EXTRA_ARROWHEADS / sizeof EXTRA_ARROWHEADS[0];
	t->builtin_color = EXTRA_HUES[extra_index % nhues];
	t->arrowhead = EXTRA_ARROWHEADS[(extra_index / nhues) % nheads];
}

void an_network_free(an_network *net)
{
	if (!net)
		return;
	free(net->sources);
	big_free(net->actors);
	free(net->types);
	big_free(net->ties);
	big_free(net->links);
	si_free(&net->store->actor_ids);
	si_free(&net->store->type_names);
	si_free(&net->store->source_keys);
	arena_free(&net->store->strings);
	free(net->store);
	free(net);
}

size_t an_find_actor(const an_network *net, const char *id)
{
	if (net->store->actor_ids.count == net->nactors)
		return si_get(&net->store->actor_ids, id);
	for (size_t i = 0; i < net->nactors; i++)
		if (net->actors[i].id.text && strcmp(net->actors[i].id.text, id) == 0)
			return i;
	return SIZE_MAX;
}

size_t an_find_type(const an_network *net, const char *name)
{
	if (net->store->type_names.count == net->ntypes)
		return si_get(&net->store->type_names, name);
	for (size_t i = 0; i < net->ntypes; i++)
		if (strcmp(net->types[i].name.text, name) == 0)
			return i;
	return SIZE_MAX;
}

size_t an_find_source(const an_network *net, const char *key)
{
	if (net->store->source_keys.count == net->nsources)
		return si_get(&net->store->source_keys, key);
	for (size_t i = 0; i < net->nsources; i++)
		if (net->sources[i].key.text && strcmp(net->sources[i].key.text, key) == 0)
			return i;
	return SIZE_MAX;
}

const char *an_suggest_actor(const an_network *net, const char *id)
{
	suggestion s;
	suggest_init(&s, id);
	for (size_t i = 0; i < net->nactors && s.distance > 1; i++)
		suggest(&s, net->actors[i].id.text);
	return s.best;
}

const char *an_suggest_type(const an_network *net, const char *name)
{
	suggestion s;
	suggest_init(&s, name);
	for (size_t i = 0; i < net->ntypes; i++)
		suggest(&s, net->types[i].name.text);
	return s.best;
}

const char *an_suggest_source(const an_network *net, const char *key)
{
	suggestion s;
	suggest_init(&s, key);
	for (size_t i = 0; i < net->nsources; i++)
		suggest(&s, net->sources[i].key.text);
	return s.best;
}

/*
 * The dated name of a in the view's period (see an_actor_name_in), or NULL.
 * With a name of its own, only a dated name in use on the period's last day
 * replaces it; without, the latest that may overlap the period, or the
 * latest of all when none does or there is no view (or period).
 */
static const an_dated_name *dated_name(const an_actor *a, const an_view *view)
{
	const an_dated_name *found = NULL;
	bool own = a->name.text != NULL, period = view && view->has_period;
	if (own && !period)
		return NULL;
	for (size_t i = 0; i < a->nnames; i++) {
		const an_dated_name *d = &a->names[i];
		if (!d->when_ok || !d->name.text)
			continue;
		if (own ? d->when.days.first_day > view->period.days.last_day || d->when.days.last_day < view->period.days.last_day
		        : period && !an_days_overlap(&d->when.days, &view->period, false))
			continue;
		if (!found || d->when.days.first_day > found->when.days.first_day)
			found = d;
	}
	return found || own || !period ? found : dated_name(a, NULL);
}

const char *an_actor_name_in(const an_actor *a, const an_view *view)
{
	const an_dated_name *d = dated_name(a, view);
	return d ? d->name.text : a->name.text ? a->name.text : a->id.text;
}

const char *an_actor_label_in(const an_actor *a, const an_view *view)
{
	const an_dated_name *d = a->label.text ? NULL : dated_name(a, view);
	if (d)
		return d->label.text ? d->label.text : d->name.text;
	return a->label.text ? a->label.text : a->name.text ? a->name.text : a->id.text;
}

const char *an_type_label(const an_type *t)
{
	if (t->label.text)
		return t->label.text;
	if (t->builtin_label)
		return t->builtin_label;
	return t->name.text;
}

const char *an_type_color(const an_type *t)
{
	return t->color.text ? t->color.text : t->builtin_color;
}

bool an_tie_is_joint(const an_tie *t)
{
	if (!t->mutual || t->malformed)
		return false;
	size_t distinct[3], n = 0;
	for (int side = 0; side < 2 && n < 3; side++) {
		const an_idlist *ids = side ? &t->to : &t->from;
		for (size_t k = 0; k < ids->count && n < 3; k++) {
			size_t a = ids->index ? ids->index[k] : SIZE_MAX;
			bool seen = a == SIZE_MAX;
			for (size_t j = 0; j < n && !seen; j++)
				seen = distinct[j] == a;
			if (!seen)
				distinct[n++] = a;
		}
	}
	return n >= 3;
}

const char *const KIND_NAMES[] = {"state", "non-state", "international", NULL};
const char *const CONFIDENCE_NAMES[] = {"confirmed", "reported", "alleged", "disputed", NULL};

const char *an_kind_name(an_kind k)
{
	return KIND_NAMES[k];
}

int an_shown_kind(const an_actor *a)
{
	return a->kind == AN_STATE && a->part_of_index != SIZE_MAX ? AN_STATE_ORGAN : (int)a->kind;
}

const char *an_shown_kind_name(int shown_kind)
{
	return shown_kind == AN_STATE_ORGAN ? "state organ" : KIND_NAMES[shown_kind];
}

const char *an_confidence_name(an_confidence c)
{
	return CONFIDENCE_NAMES[c];
}

bool an_confidence_parse(const char *name, an_confidence *c)
{
	for (int i = 0; CONFIDENCE_NAMES[i]; i++)
		if (strcmp(name, CONFIDENCE_NAMES[i]) == 0) {
			*c = (an_confidence)i;
			return true;
		}
	return false;
}
