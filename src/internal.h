/* internal.h: helpers shared by the library's files: arenas, a string index, file reading, suggestions, the model's names. */
#ifndef ACTORNET_INTERNAL_H
#define ACTORNET_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "actornet.h"
#include "util.h"

/* An arena: many small allocations released at once. */
typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
} arena;

/* Objects from an arena are aligned for pointers, sizes and 64-bit numbers (not long double). */
#define ARENA_ALIGN _Alignof(union { void *p; size_t s; uint64_t u; double d; })
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

/*
 * An open-addressing index from borrowed strings to array positions. Each
 * slot keeps the key's hash and first bytes, so that a lookup of a short key
 * reads no memory but the slot (lookups of ids in large files are most of
 * the loader's cache misses otherwise).
 */
typedef struct {
	const char *key; /* NULL: an empty slot */
	size_t value;
	uint32_t hash;
	char head[12];   /* the key's first bytes, NUL-padded */
} si_slot;

typedef struct strindex {
	si_slot *slots;
	size_t cap, count;
} strindex;

void si_init(strindex *ix);
void si_free(strindex *ix);
/* Adds key -> value unless key is present; returns the value it now maps to. */
size_t si_put(strindex *ix, const char *key, size_t value);
/* SIZE_MAX when absent. */
size_t si_get(const strindex *ix, const char *key);
/* As si_get, and *stored is the key stored equal to key (or NULL). */
size_t si_find(const strindex *ix, const char *key, const char **stored);

/* What a network keeps to itself (an_network's `store`). */
struct an_network_store {
	arena strings;      /* owns every string of the network */
	strindex actor_ids; /* actor id -> index, for the actors read so far */
	strindex type_names, source_keys; /* likewise for types (built-in ones first) and sources */
};

/*
 * Browsers draw small text up to this much wider than Graphviz measures it
 * (Chromium drew a 10 pt line of sources 931 pt wide that Graphviz
 * measured 903): past the line's end where Graphviz starts it, on both
 * sides where the SVG centres it.
 */
#define AN_BROWSER_WIDER 1.03

/* The default limit on an input file's size (--max-size). */
#define DEFAULT_MAX_SIZE ((size_t)64 << 20)

/* Reports an input file past its size limit (diagnostics without a position). */
void file_too_large(an_diags *diags, size_t max_size);
/*
 * Reads the rest of f into out (emptied first; NUL-terminated); false, with
 * the problem reported ("cannot read the file" or too large) and out freed,
 * on a read error or past max_size bytes. Reading stops soon after a NUL
 * byte or a byte that is not UTF-8 (/dev/zero, a binary file): what follows
 * is not read, and the reader of out reports that byte.
 */
bool read_all(FILE *f, size_t max_size, strbuf *out, an_diags *diags);
/* 3 for a UTF-8 byte-order mark (to skip), -1 for UTF-16's (to refuse), else 0. */
int byte_order_mark(const unsigned char *p, size_t n);

/* Levenshtein distance, capped: returns limit + 1 when larger than limit. */
size_t edit_distance(const char *a, const char *b, size_t limit);

/* Finds the candidate nearest to a word, within edit distance 2, for "did you mean". */
typedef struct {
	const char *word;
	const char *best; /* NULL until a candidate is near enough */
	size_t distance;
} suggestion;

void suggest_init(suggestion *s, const char *word);
void suggest(suggestion *s, const char *candidate);

/* Built-in tie types, in the order of the palette. */
typedef struct {
	const char *name, *label, *color, *arrowhead, *ucdp;
} builtin_type;

/* The names of kinds and confidences in the file format, in enum order, NULL-terminated. */
extern const char *const KIND_NAMES[];
extern const char *const CONFIDENCE_NAMES[];

extern const builtin_type BUILTIN_TYPES[];
extern const size_t NBUILTIN_TYPES;

/* Whether s is a valid id: [A-Za-z][A-Za-z0-9_-]{0,63}. */
bool an_valid_id(const char *s);

/* Styles the n-th declared type that is not built in and has no colour of its own. */
void an_type_set_extra_style(an_type *t, size_t extra_index);

/*
 * Appends an SVG document (len bytes) to b with every id attribute and every
 * reference to one (`href="#X"`, `xlink:href="#X"`, `url(#X)` in any other
 * attribute) prefixed; text, comments and tooltips as they are (svg.c). With
 * `prolog`, the whole file; else from its <svg element on, without processing
 * instructions or trailing space, to inline it in HTML.
 */
void an_svg_put_prefixed(strbuf *b, const char *svg, size_t len, const char *prefix, bool prolog);
/* Writes an id (n bytes, not NUL-terminated) as it is to stand in the SVG. */
typedef void (*an_svg_id_writer)(strbuf *b, const char *id, size_t n, void *context);
/* an_svg_put_prefixed with each id, in an id attribute or a reference, written by put_id. */
void an_svg_put_renamed(strbuf *b, const char *svg, size_t len, an_svg_id_writer put_id, void *context,
                        bool prolog);

#endif
