/* events.c: libyaml's parse events for the loader, from memory or streamed from a file. */
#define _POSIX_C_SOURCE 200809L
#include "events.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct event_source {
	yaml_parser_t parser;
	const char *data; /* the text in memory, or read again (events_text) */
	size_t size;
	char *reread;
	bool reread_cut; /* what was read again stops short of the file's end */
	/* A streamed file. */
	FILE *file;
	long start;
	size_t read, max_size;
	bool too_large;
	int error;
	/* The last event, and what the loader sees of it. */
	yaml_event_t own;
	bool has_own;
	parsed_event described;
};

/* Describes libyaml's event; the texts stay libyaml's. */
static void describe_event(const yaml_event_t *e, parsed_event *p)
{
	memset(p, 0, sizeof *p);
	p->type = e->type;
	p->mark = e->start_mark;
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (e->data.document_start.version_directive) {
			p->has_version = true;
			p->version_major = e->data.document_start.version_directive->major;
			p->version_minor = e->data.document_start.version_directive->minor;
		}
		p->tag_directives =
			e->data.document_start.tag_directives.start != e->data.document_start.tag_directives.end;
		break;
	case YAML_ALIAS_EVENT:
		p->value = (const char *)e->data.alias.anchor;
		p->length = strlen(p->value);
		break;
	case YAML_SCALAR_EVENT:
		p->value = (const char *)e->data.scalar.value;
		p->length = e->data.scalar.length;
		p->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		p->escaped = e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		p->tagged = e->data.scalar.tag != NULL;
		p->anchor = (const char *)e->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		p->plain = e->data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE;
		p->tagged = e->data.sequence_start.tag != NULL;
		p->anchor = (const char *)e->data.sequence_start.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		p->tagged = e->data.mapping_start.tag != NULL;
		p->anchor = (const char *)e->data.mapping_start.anchor;
		break;
	default:
		break;
	}
}

/* libyaml asks for more of a streamed file; past max_size, or on a read error, it fails. */
static int read_file(void *ctx, unsigned char *buffer, size_t size, size_t *size_read)
{
	event_source *s = ctx;
	size_t n = fread(buffer, 1, size, s->file);
	if (n == 0 && ferror(s->file)) {
		s->error = errno ? errno : EIO;
		return 0;
	}
	s->read += n;
	if (s->read > s->max_size) {
		s->too_large = true;
		return 0;
	}
	*size_read = n;
	return 1;
}

/* Starts the parser on UTF-8 text. */
static event_source *start(event_source *s)
{
	yaml_parser_set_encoding(&s->parser, YAML_UTF8_ENCODING);
	return s;
}

/* A source with its parser; NULL when libyaml has no memory for it. */
static event_source *new_source(void)
{
	event_source *s = xcalloc(1, sizeof *s);
	if (!yaml_parser_initialize(&s->parser)) {
		free(s);
		return NULL;
	}
	return s;
}

event_source *events_from_memory(const char *data, size_t size)
{
	event_source *s = new_source();
	if (!s)
		return NULL;
	s->data = data;
	s->size = size;
	yaml_parser_set_input_string(&s->parser, (const unsigned char *)data, size);
	return start(s);
}

event_source *events_from_file(FILE *f, long from, size_t max_size)
{
	event_source *s = new_source();
	if (!s)
		return NULL;
	s->file = f;
	s->start = from;
	s->max_size = max_size;
	yaml_parser_set_input(&s->parser, read_file, s);
	return start(s);
}

const parsed_event *events_next(event_source *s)
{
	if (s->has_own)
		yaml_event_delete(&s->own);
	s->has_own = yaml_parser_parse(&s->parser, &s->own);
	if (!s->has_own)
		return NULL;
	describe_event(&s->own, &s->described);
	return &s->described;
}

char *events_take_value(event_source *s)
{
	if (!s->has_own || s->own.type != YAML_SCALAR_EVENT)
		return NULL;
	char *value = (char *)s->own.data.scalar.value; /* libyaml's, from malloc */
	s->own.data.scalar.value = NULL;
	s->described.value = NULL;
	return value;
}

const yaml_parser_t *events_parser(const event_source *s)
{
	return &s->parser;
}

bool events_too_large(const event_source *s)
{
	return s->too_large;
}

int events_read_error(const event_source *s)
{
	return s->error;
}

const char *events_text(event_source *s, size_t upto, size_t *size)
{
	upto = upto < s->max_size ? upto : s->max_size;
	if (s->file && (!s->data || (s->size < upto && s->reread_cut))) {
		/* Only after a failure, or after the last event: the parser has finished with the file. */
		strbuf b;
		sb_init(&b);
		char chunk[65536];
		size_t n = 0;
		if (fseek(s->file, s->start, SEEK_SET) == 0)
			while (b.len < upto && (n = fread(chunk, 1, sizeof chunk, s->file)) > 0)
				sb_add(&b, chunk, n);
		s->reread_cut = n > 0; /* stopped short of the end */
		free(s->reread);
		s->size = b.len;
		s->reread = sb_take(&b, NULL);
		s->data = s->reread;
	}
	*size = s->size;
	return s->data;
}

/* Whether a '#' follows a space or a tab in the n bytes at s (`before`: the byte before them). */
static bool spaced_hash(const char *s, size_t n, char before)
{
	for (const char *h = memchr(s, '#', n); h; h = memchr(h + 1, '#', n - (size_t)(h + 1 - s))) {
		char c = h > s ? h[-1] : before;
		if (c == ' ' || c == '\t')
			return true;
	}
	return false;
}

bool events_any_spaced_hash(event_source *s)
{
	if (!s->file)
		return spaced_hash(s->data, s->size, '\n');
	if (fseek(s->file, s->start, SEEK_SET) != 0)
		return true; /* cannot tell */
	enum { CHUNK = 65536 };
	char *chunk = xmalloc(CHUNK), before = '\n';
	bool found = false;
	size_t read = 0, n;
	while (!found && read < s->max_size && (n = fread(chunk, 1, CHUNK, s->file)) > 0) {
		found = spaced_hash(chunk, n, before);
		before = chunk[n - 1];
		read += n;
	}
	free(chunk);
	return found;
}

void events_each_line(event_source *s, void (*each)(const char *line, size_t length, void *arg), void *arg)
{
	if (!s->file) {
		for (size_t at = 0; at < s->size;) {
			const char *nl = memchr(s->data + at, '\n', s->size - at);
			size_t end = nl ? (size_t)(nl - s->data) : s->size;
			each(s->data + at, end - at, arg);
			at = end + 1;
		}
		return;
	}
	if (fseek(s->file, s->start, SEEK_SET) != 0)
		return;
	char *line = NULL;
	size_t cap = 0, read = 0;
	ssize_t n;
	while (read < s->max_size && (n = getline(&line, &cap, s->file)) > 0) {
		read += (size_t)n;
		each(line, (size_t)n - (line[n - 1] == '\n'), arg);
	}
	free(line);
}

void events_free(event_source *s)
{
	if (!s)
		return;
	if (s->has_own)
		yaml_event_delete(&s->own);
	yaml_parser_delete(&s->parser);
	free(s->reread);
	free(s);
}
