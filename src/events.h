/* events.h: libyaml's parse events for the loader, from memory or streamed from a file, the parser's texts handed over rather than copied. */
#ifndef ACTORNET_EVENTS_H
#define ACTORNET_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

/* A parse event, reduced to what the loader looks at. */
typedef struct {
	yaml_event_type_t type;
	yaml_mark_t mark;
	const char *value;   /* a scalar's text (NUL-terminated), an alias's anchor name */
	size_t length;
	const char *anchor;  /* &name on a node, or NULL */
	bool plain;          /* an unquoted scalar; for a sequence, a block one ("- " items) */
	bool escaped;        /* a double-quoted scalar: the one style with escapes ("\x01") */
	bool tagged;         /* an explicit tag was written */
	bool has_version;    /* a %YAML directive: version_major.version_minor */
	int version_major, version_minor;
	bool tag_directives; /* any %TAG directive */
} parsed_event;

typedef struct event_source event_source;

/*
 * Parses UTF-8 text in memory (borrowed until events_free), or the regular
 * file f (borrowed) from byte `start` on, at most max_size bytes of it (it
 * may grow), never holding it whole. NULL when libyaml cannot
 * start (out of memory).
 */
event_source *events_from_memory(const char *data, size_t size);
event_source *events_from_file(FILE *f, long start, size_t max_size);

/* The next event, lent until the next call; NULL once parsing has failed. */
const parsed_event *events_next(event_source *s);
/*
 * The last event's scalar text, handed over (NUL-terminated, from malloc:
 * the caller frees it) instead of copied; NULL for another event. The
 * event's `value` is NULL after.
 */
char *events_take_value(event_source *s);

/* After a failure: libyaml's parser, holding the error. */
const yaml_parser_t *events_parser(const event_source *s);
/* After a failure: whether the file passed max_size, and the errno of a failed read (or 0). */
bool events_too_large(const event_source *s);
int events_read_error(const event_source *s);

/*
 * The text, to place an error that libyaml gives as a byte offset or to look
 * at it: its first `upto` bytes at least, or all of it when it is shorter (a
 * streamed file is read again, only that far); *size is the length given.
 */
const char *events_text(event_source *s, size_t upto, size_t *size);

/*
 * After the last event: whether a '#' follows a space or a tab anywhere in
 * the text, where YAML may have read the rest of a line as a comment (a
 * streamed file is read again).
 */
bool events_any_spaced_hash(event_source *s);

/*
 * After the last event: calls each() with every line of the text in turn,
 * without its line feed (a streamed file is read again, a line at a time).
 */
void events_each_line(event_source *s, void (*each)(const char *line, size_t length, void *arg), void *arg);

/* Frees the parser and everything it holds. */
void events_free(event_source *s);

#endif
