/* nodes.c: a network file's YAML as the loader reads it: libyaml's events converted and checked, aliases replayed, nesting and expansion bounded. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "nodes.h"

/* The format nests five levels (file, ties, tie, from list); extensions get some room. */
#define MAX_DEPTH 24
/* The longest text a network file needs (a long description is a few kilobytes). */
#define MAX_TEXT ((size_t)64 << 10)
/*
 * Nodes that aliases may add in all, so that an "alias bomb" stops early and
 * small: 100,000, or ten times the nodes the file itself has when that is more.
 */
#define MAX_ALIAS_NODES 100000
#define ALIAS_NODES_PER_NODE 10

/* A recorded anchored node: its events, replayed for each alias. */
typedef struct {
	char *name;
	event *events;
	size_t count, cap;
	int depth;       /* open collections while recording */
	bool complete;
} anchor;

typedef struct {
	size_t anchor;
	size_t next;
	an_pos alias;    /* where the alias stands */
} replay;

/* The nodes of one file: its events, the anchors recorded and the aliases being replayed. */
struct node_reader {
	event_source *events;
	size_t max_size;  /* of the file, for the message past it */
	an_diags *diags;
	bool fatal;       /* stop: a syntax error or a limit */
	anchor *anchors;
	size_t nanchors, anchors_cap;
	size_t *recording; /* anchors being recorded */
	size_t nrecording, recording_cap;
	replay *replays;
	size_t nreplays, replays_cap;
	size_t alias_nodes;
	size_t raw_nodes;  /* events read from the text itself */
	int depth;
};

void event_free(event *ev)
{
	if (!ev->borrowed)
		free(ev->value);
	memset(ev, 0, sizeof *ev);
}

static event event_copy(const event *ev)
{
	event copy = *ev;
	copy.value = ev->value ? xstrndup(ev->value, ev->length) : NULL;
	copy.borrowed = false;
	return copy;
}

static an_pos mark_pos(yaml_mark_t m)
{
	an_pos p = {(int)m.line + 1, (int)m.column + 1};
	return p;
}

/* Line and column (in characters) of a byte offset, for errors libyaml gives no mark for. */
static an_pos offset_pos(node_reader *L, size_t offset)
{
	size_t size;
	const char *data = events_text(L->events, offset, &size);
	an_pos p = {1, 1};
	for (size_t i = 0; i < offset && i < size; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '\n' || (c == '\r' && (i + 1 >= size || data[i + 1] != '\n'))) {
			p.line++;
			p.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p.col++;
		}
	}
	return p;
}

/* How many bytes of the text hold a mark and the character under it: at most 4 a character. */
static size_t mark_bytes(yaml_mark_t mark)
{
	return 4 * (mark.index + 2);
}

/* The byte under a libyaml mark (marks count lines and characters). */
static size_t mark_offset(const char *s, size_t size, yaml_mark_t mark)
{
	size_t line = 0, i = 0;
	while (i < size && line < mark.line)
		if (s[i++] == '\n')
			line++;
	for (size_t col = 0; i < size && col < mark.column; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;
	while (i < size && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* libyaml takes a text as a key only if it ends at most this many characters after it starts. */
#define YAML_KEY_MAX 1024

/*
 * The length in characters of the key that ends before the colon at s[colon]:
 * quoted, back to its opening quote; plain, back to the start of its line
 * (after indentation and "- ") or to a flow's '{', '[' or ", ".
 */
static size_t key_length(const char *s, size_t colon)
{
	size_t start = colon;
	char quote = colon > 0 && (s[colon - 1] == '"' || s[colon - 1] == '\'') ? s[colon - 1] : 0;
	if (quote) {
		start = colon - 1;
		while (start > 0 && s[start - 1] != '\n' &&
		       !(s[start - 1] == quote && (start < 2 || quote == '\'' || s[start - 2] != '\\')))
			start--;
		if (start > 0 && s[start - 1] == quote)
			start--;
	} else {
		while (start > 0 && !strchr("\n{[", s[start - 1]) &&
		       !(s[start - 1] == ' ' && start >= 2 && strchr(",-", s[start - 2])))
			start--;
		while (start < colon && s[start] == ' ')
			start++;
	}
	size_t length = 0;
	for (size_t i = start; i < colon; i++)
		length += ((unsigned char)s[i] & 0xC0) != 0x80;
	return length;
}

/*
 * Where the text of a `key: value` starts on a line (n bytes) that holds a
 * colon and a space: the value that itself has a ': ' in it; NULL when none.
 */
static const char *colon_before(const char *line, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (line[i] == ':' && line[i + 1] == ' ') {
			i += 2;
			while (i < n && line[i] == ' ')
				i++;
			return i < n ? line + i : NULL;
		}
	return NULL;
}

/*
 * For a line (from byte `line` of s) that libyaml read as the rest of the
 * text above it: how its indentation differs from the line above, if it does.
 */
static void indent_hint(const char *s, size_t line, char *hint, size_t size)
{
	size_t above = line, number = 1;
	for (size_t i = 0; i < line; i++)
		number += s[i] == '\n';
	/* The nearest line above with something on it. */
	while (above > 0) {
		size_t start = above - 1;
		while (start > 0 && s[start - 1] != '\n')
			start--;
		number--;
		above = start;
		if (s[start + strspn(s + start, " ")] != '\n')
			break;
	}
	size_t here = strspn(s + line, " "), there = strspn(s + above, " ");
	if (here > there)
		snprintf(hint, size,
		         " (this line is indented %zu space%s more than line %zu above it: the keys of one mapping line up)",
		         here - there, here - there == 1 ? "" : "s", number);
}

static void syntax_error(node_reader *L)
{
	const yaml_parser_t *p = events_parser(L->events);
	L->fatal = true;
	if (p->error == YAML_MEMORY_ERROR) {
		an_error(L->diags, (an_pos){0, 0}, "out of memory while reading YAML");
		return;
	}
	if (p->error == YAML_READER_ERROR && events_too_large(L->events)) {
		file_too_large(L->diags, L->max_size);
		return;
	}
	if (p->error == YAML_READER_ERROR && events_read_error(L->events)) {
		an_error(L->diags, (an_pos){0, 0}, "cannot read the file: %s",
		         strerror(events_read_error(L->events)));
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		an_pos pos = offset_pos(L, p->problem_offset);
		if (p->problem_value == 0 && strstr(p->problem, "control"))
			an_error(L->diags, pos, "a NUL byte is not allowed in a network file");
		else if (strstr(p->problem, "control"))
			an_error(L->diags, pos, "the control character U+%04X is not allowed in a network file",
			         (unsigned)p->problem_value);
		else if (strstr(p->problem, "UTF-8") || strstr(p->problem, "utf-8"))
			an_error(L->diags, pos, "invalid UTF-8: the file must be encoded in UTF-8");
		else
			an_error(L->diags, pos, "%s: the file must be UTF-8 text", p->problem);
		return;
	}
	an_pos pos = mark_pos(p->problem_mark);
	char hint[200] = "";
	size_t size;
	const char *s = events_text(L->events, mark_bytes(p->problem_mark), &size);
	size_t at = mark_offset(s, size, p->problem_mark), line = at;
	while (line > 0 && s[line - 1] != '\n')
		line--;
	if (p->problem && strstr(p->problem, "cannot start any token") && at < size && s[at] == '\t')
		snprintf(hint, sizeof hint, " (a tab: YAML is indented with spaces only)");
	bool mapping_values = p->problem && strstr(p->problem, "mapping values are not allowed");
	if (at < size && s[at] == ':' &&
	    (mapping_values || (p->problem && strstr(p->problem, "did not find expected ',' or '}'")))) {
		size_t length = key_length(s, at);
		if (length > YAML_KEY_MAX) {
			pos.col -= (int)length;
			an_error(L->diags, pos,
			         "this key is %zu characters long: YAML allows at most %d in a key", length,
			         YAML_KEY_MAX);
			return;
		}
		/* In braces or brackets, the item the colon is in: back to its '{', '[' or ','. */
		bool flow = memchr(s + line, '{', at - line) || memchr(s + line, '[', at - line);
		size_t item = flow ? at : line;
		while (flow && item > line && !strchr("{[,", s[item - 1]))
			item--;
		const char *text = colon_before(s + item, at - item);
		if (text) {
			/* `label: Operation Cyclone: Stingers`: the value has a colon and a space in it. */
			size_t start = (size_t)(text - s), end = at;
			while (end < size && !strchr("\r\n", s[end]) && !(flow && strchr(",}]", s[end])))
				end++;
			while (end > at && s[end - 1] == ' ')
				end--;
			snprintf(hint, sizeof hint, " (a text with ': ' in it must be in quotes: \"%.*s\")",
			         (int)(end - start > 80 ? 80 : end - start), text);
		} else if (mapping_values) {
			indent_hint(s, line, hint, sizeof hint);
		}
	}
	/* A quote or a brace left open: said at the opening, which libyaml gives as its context. */
	if (p->context && strstr(p->context, "quoted scalar") && p->problem &&
	    strstr(p->problem, "end of stream")) {
		an_error(L->diags, mark_pos(p->context_mark),
		         "YAML syntax: this quote is not closed: end the text with the same quote");
		return;
	}
	if (p->context && strstr(p->context, "while parsing a flow") && p->problem &&
	    strstr(p->problem, "did not find expected ',' or")) {
		/* Left open: the line ends with it open, or it meets the other kind of closing bracket. */
		const char *open = s + mark_offset(s, size, p->context_mark), *end = open, *comment = NULL;
		int depth = 0, code_depth = 0;
		char quote = 0;
		for (; end < s + size && *end != '\n'; end++) {
			const char *before = end; /* a quote opens a text only where one starts: Iran's is plain */
			while (before > open && before[-1] == ' ')
				before--;
			if (quote ? *end == quote : (*end == '"' || *end == '\'') && strchr("{[,:", before[-1]))
				quote = quote ? 0 : *end;
			if (!quote && !comment && *end == '#' && end > open && end[-1] == ' ')
				comment = end;
			depth += (*end == '{' || *end == '[') - (*end == '}' || *end == ']');
			if (!comment)
				code_depth = depth;
		}
		if (comment && code_depth > 0 && depth <= 0) {
			/* `{name: Iran, note: see #5}`: the comment hides the closing bracket. */
			an_error(L->diags, offset_pos(L, (size_t)(comment - s)),
			         "YAML syntax: ' #' starts a comment, which hides the rest of the line and its '%c': "
			         "put the text with '#' in it in quotes",
			         *open == '{' ? '}' : ']');
			return;
		}
		char closer = *open == '{' ? '}' : ']';
		bool other_closer = at < size && (s[at] == '}' || s[at] == ']') && s[at] != closer;
		if ((*open == '{' || *open == '[') &&
		    ((p->context_mark.line < p->problem_mark.line && depth > 0) || other_closer)) {
			an_error(L->diags, mark_pos(p->context_mark),
			         "YAML syntax: this '%c' is not closed: end it with '%c'", *open, closer);
			return;
		}
	}
	if (p->problem && strstr(p->problem, "did not find expected key") && p->context &&
	    strstr(p->context, "block mapping")) {
		size_t indent = strspn(s + line, " "), keys = p->context_mark.column;
		if (indent != keys)
			snprintf(hint, sizeof hint,
			         " (line %d is indented %zu spaces, the keys of its mapping %zu, as on line %d: "
			         "the keys of one mapping line up)",
			         pos.line, indent, keys, (int)p->context_mark.line + 1);
	}
	if (p->context)
		an_error(L->diags, pos, "YAML syntax: %s%s (%s at line %d, column %d)", p->problem,
		         hint, p->context, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
	else
		an_error(L->diags, pos, "YAML syntax: %s%s", p->problem ? p->problem : "error", hint);
}

static size_t find_anchor(const node_reader *L, const char *name)
{
	for (size_t i = L->nanchors; i-- > 0;)
		if (L->anchors[i].complete && strcmp(L->anchors[i].name, name) == 0)
			return i;
	return SIZE_MAX;
}

static void record(node_reader *L, const event *ev)
{
	for (size_t r = 0; r < L->nrecording; r++) {
		anchor *a = &L->anchors[L->recording[r]];
		GROW(a->events, a->cap, a->count + 1);
		a->events[a->count++] = event_copy(ev);
		if (ev->type == EV_SEQUENCE || ev->type == EV_MAPPING)
			a->depth++;
		else if (ev->type == EV_SEQUENCE_END || ev->type == EV_MAPPING_END)
			a->depth--;
	}
	/* An anchor is complete when its node is: a scalar or alias, or its closing event. */
	while (L->nrecording > 0) {
		anchor *a = &L->anchors[L->recording[L->nrecording - 1]];
		if (a->depth > 0)
			break;
		a->complete = true;
		L->nrecording--;
	}
}

/*
 * The first control character of a text (C0 but tab and line breaks, DEL,
 * C1), or -1. YAML escapes ("\x01", "\e") let them in; no diagram can draw them.
 */
static long control_character(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			return c;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return (unsigned char)s[i + 1];
	}
	return -1;
}

/* The next event from libyaml, converted, with aliases resolved to their anchors. */
static bool raw_next(node_reader *L, event *ev)
{
	memset(ev, 0, sizeof *ev);
	const parsed_event *y = events_next(L->events);
	if (!y) {
		syntax_error(L);
		return false;
	}
	if (y->type == YAML_STREAM_START_EVENT)
		return raw_next(L, ev);
	bool ok = true;
	ev->pos = mark_pos(y->mark);
	switch (y->type) {
	case YAML_STREAM_END_EVENT:
		ev->type = EV_STREAM_END;
		break;
	case YAML_DOCUMENT_START_EVENT:
		ev->type = EV_DOCUMENT;
		if (y->has_version && (y->version_major != 1 || y->version_minor != 1))
			an_error(L->diags, ev->pos, "%%YAML %d.%d is not supported: network files are YAML 1.1",
			         y->version_major, y->version_minor);
		if (y->tag_directives)
			an_error(L->diags, ev->pos, "%%TAG directives are not supported");
		break;
	case YAML_DOCUMENT_END_EVENT:
		ev->type = EV_DOCUMENT_END;
		break;
	case YAML_ALIAS_EVENT: {
		ev->type = EV_ALIAS;
		const char *name = y->value;
		ev->target = find_anchor(L, name);
		bool inside = false;
		for (size_t r = 0; r < L->nrecording; r++)
			inside |= strcmp(L->anchors[L->recording[r]].name, name) == 0;
		if (inside) {
			an_error(L->diags, ev->pos, "alias '*%s' stands inside the node it refers to", name);
			ok = false;
		} else if (ev->target == SIZE_MAX) {
			an_error(L->diags, ev->pos, "alias '*%s' refers to no anchor '&%s' before it", name,
			         name);
			ok = false;
		}
		break;
	}
	case YAML_SCALAR_EVENT: {
		ev->type = EV_SCALAR;
		ev->length = y->length;
		ev->plain = y->plain;
		ev->value = events_take_value(L->events);
		/*
		 * Only an escape lets one in: libyaml refuses the file that holds a
		 * control character but tab and line breaks, and reads a NEL (U+0085)
		 * written as it is as a line break.
		 */
		long control = y->escaped ? control_character(ev->value, ev->length) : -1;
		if (control >= 0)
			an_error(L->diags, ev->pos,
			         "the control character U+%04lX is not allowed in a text (write it out, or remove it)",
			         control);
		if (ev->length > MAX_TEXT)
			an_error(L->diags, ev->pos,
			         "a text of %zu bytes: a network file's texts have at most %zu (is this the file you meant?)",
			         ev->length, MAX_TEXT);
		break;
	}
	case YAML_SEQUENCE_START_EVENT:
		ev->type = EV_SEQUENCE;
		ev->plain = y->plain;
		break;
	case YAML_SEQUENCE_END_EVENT:
		ev->type = EV_SEQUENCE_END;
		break;
	case YAML_MAPPING_START_EVENT:
		ev->type = EV_MAPPING;
		break;
	case YAML_MAPPING_END_EVENT:
		ev->type = EV_MAPPING_END;
		break;
	default:
		ev->type = EV_NONE;
		break;
	}
	ev->tagged = y->tagged;
	if (ok && y->anchor) {
		GROW(L->anchors, L->anchors_cap, L->nanchors + 1);
		anchor *a = &L->anchors[L->nanchors];
		memset(a, 0, sizeof *a);
		a->name = xstrdup(y->anchor);
		GROW(L->recording, L->recording_cap, L->nrecording + 1);
		L->recording[L->nrecording++] = L->nanchors++;
	}
	if (!ok) {
		L->fatal = true;
		return false;
	}
	record(L, ev);
	L->raw_nodes++;
	return true;
}

bool nodes_next(node_reader *L, event *ev)
{
	for (;;) {
		if (L->fatal) {
			memset(ev, 0, sizeof *ev);
			return false;
		}
		if (L->nreplays > 0) {
			replay *r = &L->replays[L->nreplays - 1];
			const anchor *a = &L->anchors[r->anchor];
			if (r->next == a->count) {
				L->nreplays--;
				continue;
			}
			*ev = event_copy(&a->events[r->next++]);
			size_t limit = L->raw_nodes * ALIAS_NODES_PER_NODE;
			if (limit < MAX_ALIAS_NODES)
				limit = MAX_ALIAS_NODES;
			if (++L->alias_nodes > limit) {
				an_error(L->diags, L->replays[0].alias,
				         "aliases expand to more than %zu nodes: a network file does not need that many (an \"alias bomb\"?)",
				         limit);
				event_free(ev);
				L->fatal = true;
				return false;
			}
		} else if (!raw_next(L, ev)) {
			return false;
		}
		if (ev->type == EV_ALIAS) {
			if (L->nreplays >= (size_t)MAX_DEPTH) {
				an_error(L->diags, ev->pos, "aliases nest deeper than %d levels", MAX_DEPTH);
				event_free(ev);
				L->fatal = true;
				return false;
			}
			GROW(L->replays, L->replays_cap, L->nreplays + 1);
			L->replays[L->nreplays++] = (replay){ev->target, 0, ev->pos};
			event_free(ev);
			continue;
		}
		if (ev->type == EV_SEQUENCE || ev->type == EV_MAPPING) {
			if (++L->depth > MAX_DEPTH) {
				an_error(L->diags, ev->pos,
				         "nesting deeper than %d levels: a network file needs at most 5",
				         MAX_DEPTH);
				event_free(ev);
				L->fatal = true;
				return false;
			}
		} else if (ev->type == EV_SEQUENCE_END || ev->type == EV_MAPPING_END) {
			L->depth--;
		}
		if (ev->tagged)
			an_error(L->diags, ev->pos, "explicit tags are not supported in a network file");
		return true;
	}
}

/* Nodes from the events (NULL: out of memory, and NULL is returned). */
static node_reader *nodes_open(event_source *events, size_t max_size, an_diags *diags)
{
	if (!events)
		return NULL;
	node_reader *r = xcalloc(1, sizeof *r);
	r->events = events;
	r->max_size = max_size;
	r->diags = diags;
	return r;
}

node_reader *nodes_from_memory(const char *data, size_t size, size_t max_size, an_diags *diags)
{
	return nodes_open(events_from_memory(data, size), max_size, diags);
}

node_reader *nodes_from_file(FILE *f, long start, size_t max_size, an_diags *diags)
{
	return nodes_open(events_from_file(f, start, max_size), max_size, diags);
}

/* The keys whose values are free texts, where an unquoted " #" cuts the text short. */
static const char *const TEXT_KEYS[] = {"name", "label", "note", "title", "subtitle", "description",
                                        "author", "region", NULL};

/* Whether the n bytes at s are one of TEXT_KEYS. */
static bool is_text_key(const char *s, size_t n)
{
	for (const char *const *k = TEXT_KEYS; *k; k++)
		if (strlen(*k) == n && memcmp(s, *k, n) == 0)
			return true;
	return false;
}

/* Column (in characters, from 1) of byte `at` of a line. */
static int column_of(const char *line, size_t at)
{
	int col = 1;
	for (size_t i = 0; i < at; i++)
		col += ((unsigned char)line[i] & 0xC0) != 0x80;
	return col;
}

/* The pass over the lines for texts cut short by a comment. */
typedef struct {
	node_reader *r;
	int number;          /* of the line */
	size_t block_indent; /* inside a block text (| or >): its key's indentation; else SIZE_MAX */
	char open_quote;     /* inside a quoted text that goes on past its line: its quote; else 0 */
} cut_texts;

/* Past the quoted text whose quote is s[at] (or its end on a later line: then *open is the quote). */
static size_t past_quoted(const char *s, size_t at, size_t end, char quote, char *open)
{
	for (size_t i = at; i < end; i++) {
		if (quote == '"' && s[i] == '\\') {
			i++;
		} else if (s[i] == quote) {
			if (quote == '\'' && i + 1 < end && s[i + 1] == '\'') {
				i++; /* '' is a quote inside '...' */
				continue;
			}
			*open = 0;
			return i + 1;
		}
	}
	*open = quote;
	return end;
}

/*
 * Scans one line (end bytes, no line break) as YAML reads it, enough to find
 * an unquoted value of a TEXT_KEYS key that " #" and a character cut short:
 * YAML reads the rest as a comment. Quoted texts (on this line or from the
 * lines above) and block texts are skipped.
 */
static void cut_text_in_line(cut_texts *c, const char *s, size_t end)
{
	size_t i = 0, key = 0, key_end = 0; /* the key whose value comes next: s[key, key_end) */
	int depth = 0;                      /* braces and brackets open on this line */
	if (c->open_quote && (i = past_quoted(s, 0, end, c->open_quote, &c->open_quote)) >= end)
		return;
	while (i < end) {
		while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '{' || s[i] == '[' ||
		                   s[i] == '}' || s[i] == ']' || (s[i] == '-' && (i + 1 >= end || s[i + 1] == ' ')))) {
			depth += (s[i] == '{' || s[i] == '[') - (s[i] == '}' || s[i] == ']');
			if (s[i] == ',' || s[i] == '{' || s[i] == '[')
				key_end = key; /* a new item: no key */
			i++;
		}
		if (i >= end || s[i] == '#')
			return; /* a comment to the end of the line */
		if (s[i] == '"' || s[i] == '\'') {
			i = past_quoted(s, i + 1, end, s[i], &c->open_quote);
			key_end = key;
			continue;
		}
		if ((s[i] == '|' || s[i] == '>') && key_end > key) {
			c->block_indent = strspn(s, " "); /* the lines indented further are its text */
			return;
		}
		/* A plain text: up to ": " (a key), " #" (a comment), or in braces ',', '}' or ']'. */
		size_t start = i;
		while (i < end && !(s[i] == ':' && (i + 1 >= end || s[i + 1] == ' ')) &&
		       !(s[i] == ' ' && i + 1 < end && s[i + 1] == '#') && !(depth > 0 && strchr(",}]", s[i])))
			i++;
		if (i < end && s[i] == ':') {
			key = start, key_end = i++;
			continue;
		}
		if (i < end && s[i] == ' ' && s[i + 1] == '#' && i + 2 < end && s[i + 2] != ' ' && key_end > key &&
		    is_text_key(s + key, key_end - key)) {
			size_t stop = i + 2;
			while (stop < end && !(s[stop] == ' ' && stop + 1 < end && s[stop + 1] == '#' &&
			                       (stop + 2 >= end || s[stop + 2] == ' ')))
				stop++; /* up to a comment of its own: " # " */
			while (stop > start && s[stop - 1] == ' ')
				stop--;
			strbuf quoted; /* the text as a double-quoted YAML text */
			sb_init(&quoted);
			for (size_t k = start; k < stop; k++) {
				if (s[k] == '"' || s[k] == '\\')
					sb_putc(&quoted, '\\');
				sb_putc(&quoted, s[k]);
			}
			an_warning(c->r->diags, (an_pos){c->number, column_of(s, i + 1)},
			           "YAML reads ' #' and what follows as a comment, so the %.*s stops before it: "
			           "put the whole text in quotes: %.*s: \"%s\"",
			           (int)(key_end - key), s + key, (int)(key_end - key), s + key, quoted.data);
			sb_free(&quoted);
			return;
		}
		key_end = key;
	}
}

/* One line of the file: lines of a block text are skipped. */
static void cut_texts_one(cut_texts *c, const char *s, size_t end)
{
	size_t indent = strspn(s, " ");
	bool blank = indent >= end;
	if (c->block_indent != SIZE_MAX && (blank || indent > c->block_indent))
		return;
	c->block_indent = SIZE_MAX;
	if (!blank)
		cut_text_in_line(c, s, end);
}

/* A line as events_each_line gives it: a CR before its end is a line break too (old Mac files). */
static void cut_texts_line(const char *s, size_t end, void *arg)
{
	cut_texts *c = arg;
	if (end > 0 && s[end - 1] == '\r')
		end--;
	for (size_t at = 0;;) {
		const char *cr = memchr(s + at, '\r', end - at);
		size_t stop = cr ? (size_t)(cr - s) : end;
		cut_texts_one(c, s + at, stop - at);
		c->number++;
		if (!cr)
			break;
		at = stop + 1;
	}
}

void nodes_warn_cut_texts(node_reader *r)
{
	cut_texts c = {r, 1, SIZE_MAX, 0};
	if (events_any_spaced_hash(r->events)) /* else no comment cut a text: most files */
		events_each_line(r->events, cut_texts_line, &c);
}

bool nodes_failed(const node_reader *r)
{
	return r->fatal;
}

void nodes_close(node_reader *r)
{
	events_free(r->events);
	for (size_t i = 0; i < r->nanchors; i++) {
		for (size_t j = 0; j < r->anchors[i].count; j++)
			event_free(&r->anchors[i].events[j]);
		free(r->anchors[i].events);
		free(r->anchors[i].name);
	}
	free(r->anchors);
	free(r->recording);
	free(r->replays);
	free(r);
}
