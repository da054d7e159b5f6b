/* events.c: libyaml's parse events for the loader, from memory or streamed from a file, parsed ahead in a second thread. */
#define _POSIX_C_SOURCE 200809L
#include "events.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * libyaml parses in a second thread, a few batches of events ahead of the
 * loader, so that its work and the model's overlap on two cores. The parser
 * thread copies each event's texts into its batch and frees the event at
 * once (malloc is fast when memory is freed where, and soon after, it was
 * taken). The batches form a bounded ring: the parser never runs far ahead
 * of a loader that has stopped (at a depth or alias limit, say), and a
 * batch is handed over whole, so the threads meet once per batch.
 */
#define AHEAD_EVENTS 2048
#define AHEAD_BATCHES 4
/* A smaller text is parsed in the loader's thread: a thread costs more than it saves (bench/RESULTS.md). */
#define AHEAD_MIN_BYTES (512u << 10)

typedef struct {
	parsed_event events[AHEAD_EVENTS];
	size_t value_at[AHEAD_EVENTS], anchor_at[AHEAD_EVENTS]; /* offsets in text while filling */
	strbuf text;
	size_t count;
	bool failed; /* the parser failed after these events: its error is in the parser */
	bool last;   /* no batch follows */
} event_batch;

struct event_source {
	yaml_parser_t parser; /* the parser thread's alone until it has finished */
	const char *data;     /* the text in memory, or read again (events_text) */
	size_t size;
	char *reread;
	bool reread_cut; /* what was read again stops short of the file's end */
	/* A streamed file. */
	FILE *file;
	long start;
	size_t read, max_size;
	bool too_large;
	int error;
	/* The parser thread, when it could be started. */
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	event_batch batches[AHEAD_BATCHES];
	size_t filled, taken; /* batches the parser filled, and the loader took (under lock) */
	bool stop;            /* the loader needs no more events (under lock) */
	event_batch *current; /* the batch the loader reads (loader only) */
	size_t next;          /* its next event (loader only) */
	/* Without a thread: the loader's own last event. */
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

/* Copies a text into the batch; returns its offset, or SIZE_MAX for none. */
static size_t batch_text(event_batch *b, const char *text, size_t length)
{
	if (!text)
		return SIZE_MAX;
	size_t at = b->text.len;
	sb_add(&b->text, text, length);
	sb_putc(&b->text, '\0');
	return at;
}

/* Parses the next batch of events. */
static void fill_batch(yaml_parser_t *parser, event_batch *b)
{
	b->count = 0;
	b->text.len = 0;
	b->failed = b->last = false;
	while (b->count < AHEAD_EVENTS && !b->last) {
		yaml_event_t e;
		if (!yaml_parser_parse(parser, &e)) {
			b->failed = b->last = true;
			break;
		}
		size_t i = b->count++;
		parsed_event *p = &b->events[i];
		describe_event(&e, p);
		b->value_at[i] = batch_text(b, p->value, p->length);
		b->anchor_at[i] = batch_text(b, p->anchor, p->anchor ? strlen(p->anchor) : 0);
		b->last = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	/* The text no longer moves: the offsets become pointers. */
	for (size_t i = 0; i < b->count; i++) {
		b->events[i].value = b->value_at[i] == SIZE_MAX ? NULL : b->text.data + b->value_at[i];
		b->events[i].anchor = b->anchor_at[i] == SIZE_MAX ? NULL : b->text.data + b->anchor_at[i];
	}
}

static void *parse_ahead(void *arg)
{
	event_source *s = arg;
	for (bool last = false; !last;) {
		pthread_mutex_lock(&s->lock);
		while (s->filled - s->taken == AHEAD_BATCHES && !s->stop)
			pthread_cond_wait(&s->changed, &s->lock);
		bool stop = s->stop;
		event_batch *b = &s->batches[s->filled % AHEAD_BATCHES];
		pthread_mutex_unlock(&s->lock);
		if (stop)
			break;
		fill_batch(&s->parser, b);
		last = b->last;
		pthread_mutex_lock(&s->lock);
		s->filled++;
		pthread_cond_broadcast(&s->changed);
		pthread_mutex_unlock(&s->lock);
	}
	return NULL;
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

/* Starts the parser, and for a text of `size` bytes the thread that runs it ahead, when one can be started. */
static event_source *start(event_source *s, size_t size)
{
	yaml_parser_set_encoding(&s->parser, YAML_UTF8_ENCODING);
	for (size_t k = 0; k < AHEAD_BATCHES; k++)
		sb_init(&s->batches[k].text);
	if (size < AHEAD_MIN_BYTES || pthread_mutex_init(&s->lock, NULL) != 0)
		return s;
	if (pthread_cond_init(&s->changed, NULL) != 0) {
		pthread_mutex_destroy(&s->lock);
		return s;
	}
	if (pthread_create(&s->thread, NULL, parse_ahead, s) != 0) {
		pthread_cond_destroy(&s->changed);
		pthread_mutex_destroy(&s->lock);
		return s;
	}
	s->threaded = true;
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
	return start(s, size);
}

event_source *events_from_file(FILE *f, long from, size_t size, size_t max_size)
{
	event_source *s = new_source();
	if (!s)
		return NULL;
	s->file = f;
	s->start = from;
	s->max_size = max_size;
	yaml_parser_set_input(&s->parser, read_file, s);
	return start(s, size);
}

const parsed_event *events_next(event_source *s)
{
	if (!s->threaded) {
		if (s->has_own)
			yaml_event_delete(&s->own);
		s->has_own = yaml_parser_parse(&s->parser, &s->own);
		if (!s->has_own)
			return NULL;
		describe_event(&s->own, &s->described);
		return &s->described;
	}
	static const parsed_event none; /* past the stream's end, as libyaml: no event */
	for (;;) {
		event_batch *b = s->current;
		if (b && s->next < b->count)
			return &b->events[s->next++];
		if (b && b->failed)
			return NULL;
		if (b && b->last)
			return &none;
		pthread_mutex_lock(&s->lock);
		if (b) {
			s->taken++;
			pthread_cond_broadcast(&s->changed);
		}
		while (s->filled == s->taken)
			pthread_cond_wait(&s->changed, &s->lock);
		s->current = &s->batches[s->taken % AHEAD_BATCHES];
		s->next = 0;
		pthread_mutex_unlock(&s->lock);
	}
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
		/* Only after a failure: the parser thread has finished with the file. */
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
	if (s->threaded) {
		pthread_mutex_lock(&s->lock);
		s->stop = true;
		pthread_cond_broadcast(&s->changed);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->thread, NULL);
		pthread_cond_destroy(&s->changed);
		pthread_mutex_destroy(&s->lock);
	}
	for (size_t k = 0; k < AHEAD_BATCHES; k++)
		sb_free(&s->batches[k].text);
	if (s->has_own)
		yaml_event_delete(&s->own);
	yaml_parser_delete(&s->parser);
	free(s->reread);
	free(s);
}
