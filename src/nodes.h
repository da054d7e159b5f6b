/* nodes.h: a network file's YAML as the loader reads it, node event by node event (nodes.c): the loader sees no libyaml type. */
#ifndef ACTORNET_NODES_H
#define ACTORNET_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "internal.h"

typedef enum {
	EV_NONE,
	EV_SCALAR,
	EV_SEQUENCE,
	EV_SEQUENCE_END,
	EV_MAPPING,
	EV_MAPPING_END,
	EV_ALIAS,
	EV_DOCUMENT,
	EV_DOCUMENT_END,
	EV_STREAM_END,
} event_type;

/* One parse event, owning its text. */
typedef struct {
	event_type type;
	char *value;     /* a scalar's text (EV_SCALAR) */
	size_t length;
	bool plain;      /* an unquoted scalar; for a sequence, a block one ("- " items) */
	bool tagged;     /* an explicit tag was written */
	bool borrowed;   /* value belongs to a mapping's keys (map_keep): not freed here */
	size_t target;   /* EV_ALIAS: the anchor it refers to */
	an_pos pos;
} event;

typedef struct node_reader node_reader;

/*
 * Reads the nodes of UTF-8 text in memory (borrowed until nodes_close), or
 * of the regular file f (borrowed) from byte `start` on, at most max_size
 * bytes of it (see events.h), reporting problems to diags. NULL when
 * libyaml cannot start (out of memory).
 */
node_reader *nodes_from_memory(const char *data, size_t size, size_t max_size, an_diags *diags);
node_reader *nodes_from_file(FILE *f, long start, size_t max_size, an_diags *diags);
/*
 * The next node event with aliases expanded (the caller frees it with
 * event_free). False after a fatal problem, already reported (a syntax
 * error or a limit); every later call is false too.
 */
bool nodes_next(node_reader *r, event *ev);
/*
 * After the last node: warns where an unquoted text (a label, a name, a
 * note...) is followed by " #", which YAML reads as a comment that cuts it short.
 */
void nodes_warn_cut_texts(node_reader *r);
/* Whether a fatal problem stopped the reading. */
bool nodes_failed(const node_reader *r);
void nodes_close(node_reader *r);
void event_free(event *ev);

#endif
