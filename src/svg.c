/* svg.c: rewrites an SVG's ids and every reference to them: with a prefix, so that several diagrams can share one HTML page, or as a caller says. */
#include <string.h>

#include "internal.h"

/* Where `what` (NUL-terminated) first occurs in s[0, n), or NULL. */
static const char *find(const char *s, size_t n, const char *what)
{
	size_t w = strlen(what);
	for (size_t i = 0; i + w <= n; i++) {
		if (memcmp(s + i, what, w) == 0)
			return s + i;
	}
	return NULL;
}

static bool starts(const char *s, const char *end, const char *what)
{
	size_t w = strlen(what);
	return (size_t)(end - s) >= w && memcmp(s, what, w) == 0;
}

/* Past the end of the construct that starts at s and ends with `close`, or `end`. */
static const char *skip_past(const char *s, const char *end, const char *close)
{
	const char *at = find(s, (size_t)(end - s), close);
	return at ? at + strlen(close) : end;
}

/* The start of the <svg element, past the XML declaration, DOCTYPE and comments before it. */
static const char *svg_start(const char *s, const char *end)
{
	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
			s++;
		if (starts(s, end, "<?"))
			s = skip_past(s, end, "?>");
		else if (starts(s, end, "<!--"))
			s = skip_past(s, end, "-->");
		else if (starts(s, end, "<!DOCTYPE"))
			s = skip_past(s, end, ">"); /* Graphviz's has no internal subset */
		else
			break;
	}
	const char *svg = find(s, (size_t)(end - s), "<svg");
	return svg ? svg : end;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* How ids are written: each id, and each reference's, through put_id. */
typedef struct {
	an_svg_id_writer put_id;
	void *context;
} id_writer;

/* Copies an attribute value, its ids and references to ids rewritten (see an_svg_put_renamed). */
static void put_value(strbuf *b, const char *name, size_t name_len, const char *v, size_t n,
                      const id_writer *w)
{
	bool id = name_len == 2 && memcmp(name, "id", 2) == 0;
	bool href = (name_len == 4 && memcmp(name, "href", 4) == 0) ||
	            (name_len == 10 && memcmp(name, "xlink:href", 10) == 0);
	bool title = name_len >= 5 && memcmp(name + name_len - 5, "title", 5) == 0;
	if (id) {
		w->put_id(b, v, n, w->context);
	} else if (href && n > 0 && v[0] == '#') {
		sb_putc(b, '#');
		w->put_id(b, v + 1, n - 1, w->context);
	} else if (href || title) {
		sb_add(b, v, n); /* a link elsewhere, or a tooltip's text */
	} else {
		const char *end = v + n, *at;
		while ((at = find(v, (size_t)(end - v), "url(#")) != NULL) {
			sb_add(b, v, (size_t)(at - v) + 5);
			v = at + 5;
			const char *close = memchr(v, ')', (size_t)(end - v));
			const char *id_end = close ? close : end;
			w->put_id(b, v, (size_t)(id_end - v), w->context);
			v = id_end;
		}
		sb_add(b, v, (size_t)(end - v));
	}
}

/* Copies a start or end tag from s; returns where it ends. */
static const char *put_tag(strbuf *b, const char *s, const char *end, const id_writer *w)
{
	const char *p = s + 1;
	if (p < end && *p == '/')
		p++;
	while (p < end && !is_space(*p) && *p != '>' && *p != '/')
		p++;
	sb_add(b, s, (size_t)(p - s));
	while (p < end && *p != '>') {
		if (is_space(*p) || *p == '/') {
			sb_putc(b, *p++);
			continue;
		}
		const char *name = p;
		while (p < end && !is_space(*p) && *p != '=' && *p != '>' && *p != '/')
			p++;
		size_t name_len = (size_t)(p - name);
		sb_add(b, name, name_len);
		if (name_len == 0) { /* a stray character: keep it and move on */
			sb_putc(b, *p++);
			continue;
		}
		if (p >= end || *p != '=')
			continue;
		sb_putc(b, *p++);
		if (p >= end || (*p != '"' && *p != '\''))
			continue;
		char quote = *p++;
		const char *v = p;
		while (p < end && *p != quote)
			p++;
		sb_putc(b, quote);
		put_value(b, name, name_len, v, (size_t)(p - v), w);
		if (p < end)
			sb_putc(b, *p++);
	}
	if (p < end)
		sb_putc(b, *p++);
	return p;
}

void an_svg_put_renamed(strbuf *b, const char *svg, size_t len, an_svg_id_writer put_id, void *context,
                        bool prolog)
{
	const id_writer w = {put_id, context};
	const char *end = svg ? svg + len : NULL;
	const char *s = svg;
	if (!prolog) {
		s = svg ? svg_start(svg, end) : NULL;
		while (end > s && is_space(end[-1]))
			end--;
	} else if (svg) {
		const char *start = svg_start(svg, end);
		sb_add(b, svg, (size_t)(start - svg));
		s = start;
	}
	while (s < end) {
		const char *lt = memchr(s, '<', (size_t)(end - s));
		if (!lt) {
			sb_add(b, s, (size_t)(end - s));
			break;
		}
		sb_add(b, s, (size_t)(lt - s));
		if (starts(lt, end, "<!--")) {
			s = skip_past(lt, end, "-->");
			sb_add(b, lt, (size_t)(s - lt));
		} else if (starts(lt, end, "<![CDATA[")) {
			s = skip_past(lt, end, "]]>");
			sb_add(b, lt, (size_t)(s - lt));
		} else if (starts(lt, end, "<?")) {
			s = skip_past(lt, end, "?>");
			if (prolog)
				sb_add(b, lt, (size_t)(s - lt));
		} else {
			s = put_tag(b, lt, end, &w);
		}
	}
}

static void put_prefixed_id(strbuf *b, const char *id, size_t n, void *prefix)
{
	sb_puts(b, prefix);
	sb_add(b, id, n);
}

void an_svg_put_prefixed(strbuf *b, const char *svg, size_t len, const char *prefix, bool prolog)
{
	an_svg_put_renamed(b, svg, len, put_prefixed_id, (void *)prefix, prolog);
}
