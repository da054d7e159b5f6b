/* json.c: writes the filtered network as JSON data (the `.json` output). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Writes `"key": "value"` after a separator, when value is present. */
static void put_member(strbuf *b, const char *key, const char *value)
{
	if (!value)
		return;
	sb_puts(b, ", ");
	sb_put_json(b, key);
	sb_puts(b, ": ");
	sb_put_json(b, value);
}

static void put_day(strbuf *b, const char *key, int32_t day)
{
	sb_printf(b, ", \"%s\": ", key);
	if (day == AN_DAY_MIN || day == AN_DAY_MAX) {
		sb_puts(b, "null");
		return;
	}
	char text[16];
	an_day_format(day, text);
	sb_put_json(b, text);
}

/* An actor, named as in the view's period (its dated names). */
static void put_actor(strbuf *b, const an_actor *a, const an_view *view)
{
	sb_puts(b, "    {\"id\": ");
	sb_put_json(b, a->id.text);
	const char *name = an_actor_name_in(a, view), *label = an_actor_label_in(a, view);
	put_member(b, "name", name);
	put_member(b, "label", a->label.text || strcmp(label, name) != 0 ? label : NULL); /* a dated name's label too */
	put_member(b, "kind", an_kind_name(a->kind));
	put_member(b, "type", a->type.text);
	put_member(b, "region", a->region.text);
	put_member(b, "part_of", a->part_of.text);
	put_member(b, "when", a->when_text.text);
	put_member(b, "url", a->url.text);
	put_member(b, "note", a->note.text);
	if (a->has_at)
		sb_printf(b, ", \"at\": [%.15g, %.15g]", a->latitude, a->longitude);
	sb_putc(b, '}');
}

static void put_tie(strbuf *b, const an_network *net, const an_link *l)
{
	const an_tie *t = &net->ties[l->tie];
	sb_puts(b, "    {\"id\": ");
	sb_put_json(b, l->key);
	put_member(b, "from", net->actors[l->from].id.text);
	put_member(b, "to", net->actors[l->to].id.text);
	put_member(b, "type", net->types[t->type_index].name.text);
	sb_puts(b, ", \"when\": ");
	if (t->when_text.text) {
		sb_put_json(b, t->when_text.text);
		put_day(b, "first_day", l->when.first_day);
		put_day(b, "last_day", l->when.last_day);
	} else {
		sb_puts(b, "null, \"first_day\": null, \"last_day\": null");
	}
	sb_printf(b, ", \"uncertain\": %s", t->when_text.text && l->when.uncertain ? "true" : "false");
	put_member(b, "label", t->label.text);
	put_member(b, "confidence", an_confidence_name(t->confidence));
	sb_printf(b, ", \"mutual\": %s", t->mutual ? "true" : "false");
	if (an_tie_is_joint(t))
		put_member(b, "joint", t->key); /* one value for all the pairs of one event */
	sb_puts(b, ", \"sources\": [");
	if (t->sources.count == 0 && net->default_source.text)
		sb_put_json(b, net->default_source.text);
	for (size_t i = 0; i < t->sources.count; i++) {
		if (i > 0)
			sb_puts(b, ", ");
		sb_put_json(b, t->sources.ids[i].text);
	}
	sb_putc(b, ']');
	put_member(b, "grade", t->extra ? t->extra->grade.text : NULL);
	put_member(b, "note", t->extra ? t->extra->note.text : NULL);
	sb_putc(b, '}');
}

char *an_view_json(const an_view *view, size_t *len)
{
	const an_network *net = view->net;
	strbuf b;
	sb_init(&b);
	sb_puts(&b, "{\n  \"title\": ");
	if (net->title.text)
		sb_put_json(&b, net->title.text);
	else
		sb_puts(&b, "null");
	sb_puts(&b, ",\n  \"period\": ");
	if (view->has_period) {
		sb_puts(&b, "{\"text\": ");
		sb_put_json(&b, view->period_text);
		put_day(&b, "first_day", view->period.days.first_day);
		put_day(&b, "last_day", view->period.days.last_day);
		sb_putc(&b, '}');
	} else {
		sb_puts(&b, "null");
	}
	sb_puts(&b, ",\n  \"actors\": [");
	const char *sep = "\n";
	for (size_t i = 0; i < net->nactors; i++)
		if (view->actor_shown[i]) {
			sb_puts(&b, sep);
			put_actor(&b, &net->actors[i], view);
			sep = ",\n";
		}
	sb_puts(&b, view->nactors_shown ? "\n  ],\n  \"ties\": [" : "],\n  \"ties\": [");
	sep = "\n";
	for (size_t i = 0; i < view->nlinks; i++) {
		sb_puts(&b, sep);
		put_tie(&b, net, &net->links[view->links[i]]);
		sep = ",\n";
	}
	sb_puts(&b, view->nlinks ? "\n  ]\n}\n" : "]\n}\n");
	return sb_take(&b, len);
}
