/* validate.c: the checks that need the whole network (references, lists, dates against actors), and tie expansion. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct {
	an_network *net;
	an_diags *diags;
	bool *actor_used;
	bool any_dated_actor; /* whether ties' dates are checked against actors' */
	size_t links_cap;
} validator;

static size_t resolve_actor(validator *V, const an_str *id, const char *role)
{
	size_t i = an_find_actor(V->net, id->text);
	if (i != SIZE_MAX)
		return i;
	const char *guess = an_suggest_actor(V->net, id->text);
	if (guess)
		an_error(V->diags, id->pos, "unknown actor '%s' in '%s' (did you mean %s?)", id->text,
		         role, guess);
	else
		an_error(V->diags, id->pos,
		         "unknown actor '%s' in '%s': every actor must be listed under 'actors'",
		         id->text, role);
	return SIZE_MAX;
}

static void resolve_type(validator *V, an_tie *t)
{
	if (!t->type.text)
		return;
	t->type_index = an_find_type(V->net, t->type.text);
	if (t->type_index != SIZE_MAX)
		return;
	const char *best = an_suggest_type(V->net, t->type.text);
	if (best)
		an_error(V->diags, t->type.pos, "unknown tie type '%s' (did you mean %s?)", t->type.text,
		         best);
	else
		an_error(V->diags, t->type.pos,
		         "unknown tie type '%s': use a built-in type or declare it under 'types'",
		         t->type.text);
}

static void resolve_source(validator *V, const an_str *key)
{
	if (an_find_source(V->net, key->text) != SIZE_MAX)
		return;
	const char *best = an_suggest_source(V->net, key->text);
	if (best)
		an_error(V->diags, key->pos, "unknown source '%s' (did you mean %s?)", key->text, best);
	else
		an_error(V->diags, key->pos, "unknown source '%s': list it under 'sources'", key->text);
}

/* Resolves the ids the loader could not (an actor listed after the tie, or unknown). */
static void resolve_list(validator *V, an_idlist *list, const char *role)
{
	if (!list->index) {
		list->index = arena_alloc(&V->net->store->strings, (list->count ? list->count : 1) * sizeof *list->index);
		for (size_t i = 0; i < list->count; i++)
			list->index[i] = SIZE_MAX;
	}
	for (size_t i = 0; i < list->count; i++) {
		if (list->index[i] == SIZE_MAX)
			list->index[i] = resolve_actor(V, &list->ids[i], role);
		if (list->index[i] != SIZE_MAX)
			V->actor_used[list->index[i]] = true;
	}
}

/* The actor's `when` (its lifetime), or NULL when it has none or a bad one. */
static const an_when *lifetime(const an_actor *a)
{
	return a->when_text.text && a->when_ok ? &a->when : NULL;
}

static void add_link(validator *V, size_t tie, size_t from, size_t to, size_t *nth)
{
	an_network *net = V->net;
	BIG_GROW(net->links, V->links_cap, net->nlinks + 1);
	an_link *l = &net->links[net->nlinks++];
	l->tie = tie;
	l->from = from;
	l->to = to;
	const an_tie *t = &net->ties[tie];
	if (t->when_text.text && t->when_ok)
		l->when = t->when;
	else
		l->when = (an_days){AN_DAY_MIN, AN_DAY_MAX, AN_DAY_MIN, AN_DAY_MAX, false};
	if (V->any_dated_actor) { /* else no actor's lifetime clips it (and none is looked at) */
		const an_actor *ends[2] = {&net->actors[from], &net->actors[to]};
		const an_when *lives[2] = {lifetime(ends[0]), lifetime(ends[1])};
		for (int k = 0; k < 2; k++)
			if (lives[k])
				an_days_clip(&l->when, lives[k]);
		if (lives[0] && lives[1] && !an_days_overlap(&lives[0]->days, lives[1], false))
			an_error(V->diags, t->pos,
			         "actors '%s' (%s) and '%s' (%s) never exist at the same time: a tie between them is never in force",
			         ends[0]->id.text, ends[0]->when_text.text, ends[1]->id.text, ends[1]->when_text.text);
	}
	const char *key = net->ties[tie].key;
	if (++*nth == 1) {
		l->key = (char *)key;
	} else {
		/* '.' cannot stand in an id, so "ID.2" never collides with another tie's id. */
		char *numbered = xasprintf("%s.%zu", key, *nth);
		l->key = arena_strdup(&net->store->strings, numbered);
		free(numbered);
	}
}

/* Whether the unordered pair {a, b} came earlier in this mutual tie's expansion; notes it. */
static bool seen_pair(strindex *pairs, arena *keys, size_t a, size_t b)
{
	char key[48];
	snprintf(key, sizeof key, "%zu %zu", a < b ? a : b, a < b ? b : a);
	if (si_get(pairs, key) != SIZE_MAX)
		return true;
	si_put(pairs, arena_strdup(keys, key), 0);
	return false;
}

static void expand(validator *V, size_t index)
{
	an_network *net = V->net;
	an_tie *t = &net->ties[index];
	if (t->from.count == 0 || t->to.count == 0)
		return;
	size_t nth = 0;
	bool self = false;
	strindex pairs;
	si_init(&pairs);
	arena keys = {0};
	for (size_t i = 0; i < t->from.count; i++)
		for (size_t j = 0; j < t->to.count; j++) {
			size_t a = t->from.index[i], b = t->to.index[j];
			if (a == SIZE_MAX || b == SIZE_MAX)
				continue;
			if (a == b) {
				if (!t->mutual)
					an_error(V->diags, t->to.ids[j].pos, "a tie from '%s' to itself",
					         t->to.ids[j].text);
				self = true;
				continue;
			}
			if (t->mutual && seen_pair(&pairs, &keys, a, b))
				continue;
			add_link(V, index, a, b, &nth);
		}
	si_free(&pairs);
	arena_free(&keys);
	if (t->mutual && self && nth == 0)
		an_error(V->diags, t->to.pos, "a mutual tie needs two different actors");
}

/*
 * A tie can only be in force while its actors exist (add_link clips it to
 * their days): one dated outside an actor's `when` altogether is an error;
 * one certainly in force on a day outside it, a warning.
 */
static void check_actor_dates(validator *V, const an_tie *t, const an_idlist *list)
{
	for (size_t i = 0; i < list->count; i++) {
		if (list->index[i] == SIZE_MAX)
			continue;
		const an_actor *a = &V->net->actors[list->index[i]];
		if (!lifetime(a))
			continue;
		if (!an_days_overlap(&t->when, &a->when, false)) {
			an_error(V->diags, t->when_text.pos,
			         "the tie's date '%s' is outside the 'when' of actor '%s' (%s, line %d): "
			         "a tie is only in force while its actors exist",
			         t->when_text.text, a->id.text, a->when_text.text, a->when_text.pos.line);
		} else if ((t->when.first_day != AN_DAY_MIN && t->when.certain_first < a->when.days.first_day) ||
		           (t->when.last_day != AN_DAY_MAX && t->when.certain_last > a->when.days.last_day)) {
			/* Certainly in force on a day the actor did not exist; an open end (`../1989`) is clipped quietly. */
			an_warning(V->diags, t->when_text.pos,
			           "the tie's date '%s' runs past the 'when' of actor '%s' (%s, line %d): "
			           "it is drawn and counted only within it",
			           t->when_text.text, a->id.text, a->when_text.text, a->when_text.pos.line);
		}
	}
}

/* An actor has one name at a time: two dated names certainly in use on a common day are an error. */
static void check_dated_names(const an_actor *a, an_diags *diags)
{
	for (size_t j = 1; j < a->nnames; j++)
		for (size_t i = 0; i < j; i++) {
			const an_dated_name *x = &a->names[i], *y = &a->names[j];
			if (!x->when_ok || !y->when_ok || x->when.days.certain_first > x->when.days.certain_last ||
			    y->when.days.certain_first > y->when.days.certain_last)
				continue;
			an_days both = x->when.days; /* the days both are certainly in use */
			an_days_clip(&both, &y->when);
			if (both.certain_first <= both.certain_last) {
				an_error(diags, y->when_text.pos,
				         "the names '%s' (%s) and '%s' (%s, line %d) of actor '%s' are in use at the same time: "
				         "an actor has one name at a time",
				         y->name.text ? y->name.text : "", y->when_text.text, x->name.text ? x->name.text : "",
				         x->when_text.text, x->when_text.pos.line, a->id.text);
				break;
			}
		}
}

/* Whether an actor of the list has a `when`. */
static bool dated_actor(const an_network *net, const an_idlist *list)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->index[i] != SIZE_MAX && lifetime(&net->actors[list->index[i]]))
			return true;
	return false;
}

static void widen_span(an_network *net, int32_t day)
{
	if (day == AN_DAY_MIN || day == AN_DAY_MAX)
		return;
	if (!net->has_span) {
		net->has_span = true;
		net->span_first = net->span_last = day;
	} else if (day < net->span_first) {
		net->span_first = day;
	} else if (day > net->span_last) {
		net->span_last = day;
	}
}

/* A chain of part_of that comes back on itself is an error, reported once per cycle. */
static void check_part_of_cycles(const an_network *net, an_diags *diags)
{
	enum { UNSEEN, ON_PATH, DONE };
	unsigned char *state = xcalloc(net->nactors, 1);
	for (size_t i = 0; i < net->nactors; i++) {
		size_t at = i;
		while (at != SIZE_MAX && state[at] == UNSEEN) {
			state[at] = ON_PATH;
			at = net->actors[at].part_of_index;
		}
		if (at != SIZE_MAX && state[at] == ON_PATH)
			an_error(diags, net->actors[at].part_of.pos,
			         "actor '%s' is part of itself through 'part_of' ('%s' leads back to it)",
			         net->actors[at].id.text, net->actors[at].part_of.text);
		for (at = i; at != SIZE_MAX && state[at] == ON_PATH; at = net->actors[at].part_of_index)
			state[at] = DONE;
	}
	free(state);
}

void an_validate(an_network *net, an_diags *diags)
{
	validator V = {.net = net, .diags = diags};
	an_diags_set_file(diags, net->path);
	for (size_t i = 0; i < net->nactors; i++)
		V.any_dated_actor |= lifetime(&net->actors[i]) != NULL;
	V.actor_used = xcalloc(net->nactors, sizeof *V.actor_used);

	if (net->default_source.text)
		resolve_source(&V, &net->default_source);

	for (size_t i = 0; i < net->nactors; i++) {
		an_actor *a = &net->actors[i];
		if (!a->part_of.text)
			continue;
		a->part_of_index = resolve_actor(&V, &a->part_of, "part_of");
		if (a->part_of_index == i) {
			an_error(diags, a->part_of.pos, "actor '%s' cannot be part of itself", a->id.text);
			a->part_of_index = SIZE_MAX;
		}
	}

	check_part_of_cycles(net, diags);
	for (size_t i = 0; i < net->nactors; i++)
		check_dated_names(&net->actors[i], diags);

	strindex tie_ids;
	si_init(&tie_ids);
	BIG_GROW(net->links, V.links_cap, net->nties); /* one link a tie, mostly: grown once */
	size_t unsourced = 0; /* ties without a source, when the file has no default_source */
	an_pos first_unsourced = {0, 0};
	for (size_t i = 0; i < net->nties; i++) {
		an_tie *t = &net->ties[i];
		if (t->malformed)
			continue;
		const an_str *id = t->extra ? &t->extra->id : NULL;
		if (id && id->text) {
			size_t first = si_put(&tie_ids, id->text, i);
			if (first != i)
				an_error(diags, id->pos, "tie id '%s' is already used by the tie at line %d",
				         id->text, net->ties[first].pos.line);
			t->key = id->text;
		} else {
			char number[24], *digit = number + sizeof number; /* i + 1 in decimal, written backwards */
			*--digit = '\0';
			for (size_t n = i + 1; n > 0; n /= 10)
				*--digit = (char)('0' + n % 10);
			t->key = arena_strdup(&net->store->strings, digit);
		}
		resolve_type(&V, t);
		resolve_list(&V, &t->from, "from");
		resolve_list(&V, &t->to, "to");
		for (size_t j = 0; j < t->sources.count; j++)
			resolve_source(&V, &t->sources.ids[j]);
		size_t first_link = net->nlinks;
		expand(&V, i);

		if (!t->when_text.text)
			an_warning(diags, t->pos, "tie has no date ('when'): it shows in every period%s",
			           dated_actor(net, &t->from) || dated_actor(net, &t->to) ? " while its actors exist" : "");
		else if (t->when_ok) {
			if (V.any_dated_actor) {
				check_actor_dates(&V, t, &t->from);
				check_actor_dates(&V, t, &t->to);
			}
			/*
			 * The days it is in force, where its own date bounds them:
			 * `../1989` does not stretch the span back to its actor's birth.
			 */
			for (size_t k = first_link; k < net->nlinks; k++) {
				const an_days *w = &net->links[k].when;
				if (t->when.first_day != AN_DAY_MIN)
					widen_span(net, w->first_day), widen_span(net, w->certain_first);
				if (t->when.last_day != AN_DAY_MAX)
					widen_span(net, w->last_day), widen_span(net, w->certain_last);
			}
		}
		if (t->sources.count == 0 && !net->default_source.text && !unsourced++)
			first_unsourced = t->pos;
	}
	si_free(&tie_ids);
	/* One warning for them all, at the first: a file without sources would get one per tie. */
	if (unsourced == 1)
		an_warning(diags, first_unsourced,
		           "tie has no source: add 'sources' to it or a 'default_source' to the file");
	else if (unsourced > 1)
		an_warning(diags, first_unsourced,
		           "%zu ties have no source, the first here: add 'sources' to each, or a "
		           "'default_source' to the file",
		           unsourced);

	for (size_t i = 0; i < net->nactors; i++)
		if (!V.actor_used[i])
			an_warning(diags, net->actors[i].id.pos, "actor '%s' is in no tie",
			           net->actors[i].id.text);
	free(V.actor_used);
}
