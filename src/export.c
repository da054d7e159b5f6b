/* export.c: writes a view for network-analysis tools: GraphML (Cytoscape, yEd, networkx) and GEXF 1.2draft (Gephi). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An attribute of actors or ties, as both formats declare it. */
typedef struct {
	const char *name;
	const char *type;  /* GraphML's attr.type, which GEXF's type names share */
	bool graphml_only; /* GEXF has it already: the element's label, or its spell */
} attribute;

static const attribute ACTOR_ATTRIBUTES[] = {
	{"name", "string", false},   {"label", "string", true},  {"kind", "string", false},
	{"type", "string", false},   {"region", "string", false}, {"part_of", "string", false},
	{"when", "string", false},   {"start", "string", true},  {"end", "string", true},
	{"url", "string", false},    {"note", "string", false},  {"ties", "int", false},
	{"latitude", "double", false}, {"longitude", "double", false}, /* `at`: for Gephi's GeoLayout */
};
enum { A_NAME, A_LABEL, A_KIND, A_TYPE, A_REGION, A_PART_OF, A_WHEN, A_START, A_END, A_URL, A_NOTE, A_TIES,
       A_LATITUDE, A_LONGITUDE, A_COUNT };

static const attribute TIE_ATTRIBUTES[] = {
	{"tie", "string", false},        {"type", "string", false},    {"type_label", "string", false},
	{"when", "string", false},       {"start", "string", true},    {"end", "string", true},
	{"uncertain", "boolean", false}, {"label", "string", true},    {"confidence", "string", false},
	{"mutual", "boolean", false},    {"joint", "string", false},   {"sources", "string", false},
	{"grade", "string", false},      {"note", "string", false},
};
enum { T_TIE, T_TYPE, T_TYPE_LABEL, T_WHEN, T_START, T_END, T_UNCERTAIN, T_LABEL, T_CONFIDENCE, T_MUTUAL,
       T_JOINT, T_SOURCES, T_GRADE, T_NOTE, T_COUNT };

#define VALUES_MAX ((int)A_COUNT > (int)T_COUNT ? (int)A_COUNT : (int)T_COUNT)

/* One exported value: NULL when the actor or tie has none (the attribute is left out). */
typedef struct {
	const char *text;
	char buf[24]; /* numbers, booleans and days are written here */
} value;

static void set_day(value *v, int32_t day)
{
	if (day == AN_DAY_MIN || day == AN_DAY_MAX)
		return;
	an_day_format(day, v->buf);
	v->text = v->buf;
}

static void set_number(value *v, size_t n)
{
	snprintf(v->buf, sizeof v->buf, "%zu", n);
	v->text = v->buf;
}

static void set_bool(value *v, bool b)
{
	v->text = b ? "true" : "false";
}

static void actor_values(const an_view *view, size_t i, const size_t *ties, value *v)
{
	const an_actor *a = &view->net->actors[i];
	memset(v, 0, A_COUNT * sizeof *v);
	v[A_NAME].text = an_actor_name_in(a, view); /* as in the view's period */
	v[A_LABEL].text = an_actor_label_in(a, view);
	v[A_KIND].text = an_kind_name(a->kind);
	v[A_TYPE].text = a->type.text;
	v[A_REGION].text = a->region.text;
	v[A_PART_OF].text = a->part_of.text;
	v[A_WHEN].text = a->when_text.text;
	if (a->when_text.text && a->when_ok) {
		set_day(&v[A_START], a->when.days.first_day);
		set_day(&v[A_END], a->when.days.last_day);
	}
	v[A_URL].text = a->url.text;
	v[A_NOTE].text = a->note.text;
	set_number(&v[A_TIES], ties[i]);
	if (a->has_at) {
		snprintf(v[A_LATITUDE].buf, sizeof v[A_LATITUDE].buf, "%.15g", a->latitude);
		snprintf(v[A_LONGITUDE].buf, sizeof v[A_LONGITUDE].buf, "%.15g", a->longitude);
		v[A_LATITUDE].text = v[A_LATITUDE].buf;
		v[A_LONGITUDE].text = v[A_LONGITUDE].buf;
	}
}

/* The tie's values; its sources (keys, or the default source) are joined into *sources. */
static void tie_values(const an_network *net, const an_link *l, strbuf *sources, value *v)
{
	const an_tie *t = &net->ties[l->tie];
	const an_type *type = &net->types[t->type_index];
	memset(v, 0, T_COUNT * sizeof *v);
	v[T_TIE].text = l->key;
	v[T_TYPE].text = type->name.text;
	v[T_TYPE_LABEL].text = an_type_label(type);
	v[T_WHEN].text = t->when_text.text;
	if (t->when_text.text) {
		set_day(&v[T_START], l->when.first_day);
		set_day(&v[T_END], l->when.last_day);
	}
	set_bool(&v[T_UNCERTAIN], t->when_text.text && l->when.uncertain);
	v[T_LABEL].text = t->label.text;
	v[T_CONFIDENCE].text = an_confidence_name(t->confidence);
	set_bool(&v[T_MUTUAL], t->mutual);
	v[T_JOINT].text = an_tie_is_joint(t) ? t->key : NULL; /* one value for all the pairs of one event */
	sources->len = 0;
	if (sources->data)
		sources->data[0] = '\0';
	if (t->sources.count == 0 && net->default_source.text)
		sb_puts(sources, net->default_source.text);
	for (size_t i = 0; i < t->sources.count; i++) {
		if (i > 0)
			sb_puts(sources, "; ");
		sb_puts(sources, t->sources.ids[i].text);
	}
	v[T_SOURCES].text = sources->len ? sources->data : NULL;
	v[T_GRADE].text = t->extra ? t->extra->grade.text : NULL;
	v[T_NOTE].text = t->extra ? t->extra->note.text : NULL;
}

/* Each actor's number of ties in the view. */
static size_t *count_ties(const an_view *view)
{
	const an_network *net = view->net;
	size_t *ties = xcalloc(net->nactors ? net->nactors : 1, sizeof *ties);
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		ties[l->from]++;
		ties[l->to]++;
	}
	return ties;
}

static void put_attr(strbuf *b, const char *name, const char *text)
{
	sb_printf(b, " %s=\"", name);
	sb_put_xml(b, text);
	sb_putc(b, '"');
}

/* --------------------------------------------------------------- GraphML */

static void graphml_keys(strbuf *b, const char *prefix, const char *domain, const attribute *attrs,
                         size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_printf(b, "  <key id=\"%s%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", prefix,
		          attrs[i].name, domain, attrs[i].name, attrs[i].type);
}

static void graphml_data(strbuf *b, const char *prefix, const attribute *attrs, const value *v,
                         size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!v[i].text)
			continue;
		sb_printf(b, "      <data key=\"%s%s\">", prefix, attrs[i].name);
		sb_put_xml(b, v[i].text);
		sb_puts(b, "</data>\n");
	}
}

char *an_view_graphml(const an_view *view, size_t *len)
{
	const an_network *net = view->net;
	strbuf b, sources;
	sb_init(&b);
	sb_init(&sources);
	sb_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	            "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	sb_puts(&b, "  <key id=\"g_title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n"
	            "  <key id=\"g_period\" for=\"graph\" attr.name=\"period\" attr.type=\"string\"/>\n");
	graphml_keys(&b, "a_", "node", ACTOR_ATTRIBUTES, A_COUNT);
	graphml_keys(&b, "t_", "edge", TIE_ATTRIBUTES, T_COUNT);
	sb_puts(&b, "  <graph id=\"network\" edgedefault=\"directed\">\n");
	if (net->title.text) {
		sb_puts(&b, "    <data key=\"g_title\">");
		sb_put_xml(&b, net->title.text);
		sb_puts(&b, "</data>\n");
	}
	if (view->has_period) {
		sb_puts(&b, "    <data key=\"g_period\">");
		sb_put_xml(&b, view->period_text);
		sb_puts(&b, "</data>\n");
	}
	size_t *ties = count_ties(view);
	value v[VALUES_MAX];
	for (size_t i = 0; i < net->nactors; i++) {
		if (!view->actor_shown[i])
			continue;
		sb_puts(&b, "    <node");
		put_attr(&b, "id", net->actors[i].id.text);
		sb_puts(&b, ">\n");
		actor_values(view, i, ties, v);
		graphml_data(&b, "a_", ACTOR_ATTRIBUTES, v, A_COUNT);
		sb_puts(&b, "    </node>\n");
	}
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		sb_puts(&b, "    <edge");
		put_attr(&b, "id", l->key);
		put_attr(&b, "source", net->actors[l->from].id.text);
		put_attr(&b, "target", net->actors[l->to].id.text);
		sb_puts(&b, ">\n");
		tie_values(net, l, &sources, v);
		graphml_data(&b, "t_", TIE_ATTRIBUTES, v, T_COUNT);
		sb_puts(&b, "    </edge>\n");
	}
	sb_puts(&b, "  </graph>\n</graphml>\n");
	free(ties);
	sb_free(&sources);
	return sb_take(&b, len);
}

/* ------------------------------------------------------------------ GEXF */

/* GEXF's name of a GraphML attribute type. */
static const char *gexf_type(const char *graphml_type)
{
	return strcmp(graphml_type, "int") == 0 ? "integer" : graphml_type;
}

static void gexf_attributes(strbuf *b, const char *domain, const attribute *attrs, size_t n)
{
	sb_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", domain);
	for (size_t i = 0; i < n; i++)
		if (!attrs[i].graphml_only)
			sb_printf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", attrs[i].name,
			          attrs[i].name, gexf_type(attrs[i].type));
	sb_puts(b, "    </attributes>\n");
}

static void gexf_values(strbuf *b, const attribute *attrs, const value *v, size_t n)
{
	sb_puts(b, "        <attvalues>\n");
	for (size_t i = 0; i < n; i++) {
		if (!v[i].text || attrs[i].graphml_only)
			continue;
		sb_printf(b, "          <attvalue for=\"%s\"", attrs[i].name);
		put_attr(b, "value", v[i].text);
		sb_puts(b, "/>\n");
	}
	sb_puts(b, "        </attvalues>\n");
}

/* A day GEXF can hold: xsd:date has no year 0, so an earlier day is left open. */
static const char *gexf_day(const value *v)
{
	return v->text && strncmp(v->text, "0000", 4) != 0 ? v->text : NULL;
}

/* The spell of a dated actor or tie (open ends left out); nothing when both ends are open. */
static void gexf_spell(strbuf *b, const value *start_value, const value *end_value)
{
	const char *start = gexf_day(start_value), *end = gexf_day(end_value);
	if (!start && !end)
		return;
	sb_puts(b, "        <spells>\n          <spell");
	if (start)
		put_attr(b, "start", start);
	if (end)
		put_attr(b, "end", end);
	sb_puts(b, "/>\n        </spells>\n");
}

/*
 * The type's colour ("#RRGGBB") as the published 1.2draft schema declares
 * it: <color> in GEXF's namespace (the schema has no viz:color), which Gephi
 * reads by its local name as it would viz:color.
 */
static void gexf_color(strbuf *b, const char *hex)
{
	unsigned red, green, blue;
	if (hex && sscanf(hex, "#%2x%2x%2x", &red, &green, &blue) == 3)
		sb_printf(b, "        <color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", red, green, blue);
}

char *an_view_gexf(const an_view *view, size_t *len)
{
	const an_network *net = view->net;
	strbuf b, sources;
	sb_init(&b);
	sb_init(&sources);
	sb_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<gexf xmlns=\"http://www.gexf.net/1.2draft\"\n"
	            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	            "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
	            "http://www.gexf.net/1.2draft/gexf.xsd\"\n"
	            "    version=\"1.2\">\n");
	sb_puts(&b, "  <meta>\n    <creator>actornet " ACTORNET_VERSION "</creator>\n");
	if (net->title.text) {
		sb_puts(&b, "    <description>");
		sb_put_xml(&b, net->title.text);
		if (view->has_period) {
			sb_puts(&b, ", ");
			sb_put_xml(&b, view->period_text);
		}
		sb_puts(&b, "</description>\n");
	}
	sb_puts(&b, "  </meta>\n"
	            "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n");
	gexf_attributes(&b, "node", ACTOR_ATTRIBUTES, A_COUNT);
	gexf_attributes(&b, "edge", TIE_ATTRIBUTES, T_COUNT);
	size_t *ties = count_ties(view);
	value v[VALUES_MAX];
	sb_puts(&b, "    <nodes>\n");
	for (size_t i = 0; i < net->nactors; i++) {
		if (!view->actor_shown[i])
			continue;
		const an_actor *a = &net->actors[i];
		sb_puts(&b, "      <node");
		put_attr(&b, "id", a->id.text);
		put_attr(&b, "label", an_actor_label_in(a, view));
		sb_puts(&b, ">\n");
		actor_values(view, i, ties, v);
		gexf_values(&b, ACTOR_ATTRIBUTES, v, A_COUNT);
		gexf_spell(&b, &v[A_START], &v[A_END]);
		sb_puts(&b, "      </node>\n");
	}
	sb_puts(&b, "    </nodes>\n    <edges>\n");
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		const an_tie *t = &net->ties[l->tie];
		sb_puts(&b, "      <edge");
		put_attr(&b, "id", l->key);
		put_attr(&b, "source", net->actors[l->from].id.text);
		put_attr(&b, "target", net->actors[l->to].id.text);
		if (t->label.text)
			put_attr(&b, "label", t->label.text);
		sb_puts(&b, ">\n");
		tie_values(net, l, &sources, v);
		gexf_values(&b, TIE_ATTRIBUTES, v, T_COUNT);
		gexf_spell(&b, &v[T_START], &v[T_END]);
		gexf_color(&b, an_type_color(&net->types[t->type_index]));
		sb_puts(&b, "      </edge>\n");
	}
	sb_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
	free(ties);
	sb_free(&sources);
	return sb_take(&b, len);
}
