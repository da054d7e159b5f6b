/* loader.c: the network file format's schema: reads a file's nodes (nodes.c) into the model, reporting every problem with its position. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nodes.h"

typedef struct {
	node_reader *nodes;
	an_network *net;
	arena *strings;
	an_diags *diags;
	strindex texts;    /* texts that recur (ids, types, dates), each kept once */
	struct parsed_when *whens; /* WHEN_CACHE of them, or NULL before the first */
	/*
	 * The plain text value of the key before the one being read (NULL if it
	 * had none), and the value being read: a ',' inside {...} ends a text
	 * early, and the rest becomes a key of its own.
	 */
	char key_before[16], last_key[16];
	an_str text_before, last_text;
	size_t comma_error; /* the diagnostic that reports such a text, while it may grow; else SIZE_MAX */
	strindex bool_words; /* yes, No, ON...: warned about once each */
} loader;

static const char *const TOP_KEYS[] = {"format", "title", "subtitle", "description", "sources",
                                       "default_source", "actors", "types", "ties", NULL};
static const char *const ACTOR_KEYS[] = {"name", "names", "label", "kind", "type", "region",
                                         "part_of", "when", "url", "note", "at", NULL};
static const char *const DATED_NAME_KEYS[] = {"name", "label", "when", NULL};
static const char *const TIE_KEYS[] = {"from", "to", "type", "when", "label", "confidence",
                                       "mutual", "sources", "grade", "note", "id", NULL};
static const char *const SOURCE_KEYS[] = {"title", "author", "date", "url", NULL};
static const char *const TYPE_KEYS[] = {"label", "color", NULL};

/* Whether a mapping's key (an event) is `word`, all of it: one with a NUL inside is none. */
#define KEY_IS(key, word) ((key).length == sizeof("" word) - 1 && memcmp((key).value, word, sizeof(word) - 1) == 0)

/* ------------------------------------------------------------------ nodes */

/* Consumes the rest of a node whose first event is `start`. */
static void skip_node(loader *L, const event *start)
{
	if (start->type != EV_SEQUENCE && start->type != EV_MAPPING)
		return;
	int depth = 1;
	event ev;
	while (depth > 0 && nodes_next(L->nodes, &ev)) {
		if (ev.type == EV_SEQUENCE || ev.type == EV_MAPPING)
			depth++;
		else if (ev.type == EV_SEQUENCE_END || ev.type == EV_MAPPING_END)
			depth--;
		event_free(&ev);
	}
}

static void skip_value(loader *L)
{
	event ev;
	if (nodes_next(L->nodes, &ev)) {
		skip_node(L, &ev);
		event_free(&ev);
	}
}

/* ---------------------------------------------------------------- scalars */

static bool is_null(const event *ev)
{
	return ev->type == EV_SCALAR && ev->plain &&
	       (ev->length == 0 || (ev->length == 4 && memcmp(ev->value, "null", 4) == 0) ||
	        (ev->length == 1 && ev->value[0] == '~'));
}

static const char *node_name(const event *ev)
{
	switch (ev->type) {
	case EV_SEQUENCE:
		return "a list";
	case EV_MAPPING:
		return "a mapping";
	default:
		return is_null(ev) ? "nothing" : "a text";
	}
}

bool an_valid_id(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	size_t n = 1;
	for (s++; *s; s++, n++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-'))
			return false;
	return n <= 64;
}

/* The one of `names` nearest to `word` within edit distance 2, or NULL. */
static const char *nearest(const char *word, const char *const *names)
{
	suggestion s;
	suggest_init(&s, word);
	for (; *names; names++)
		suggest(&s, *names);
	return s.best;
}

static void unknown_key(loader *L, const event *key, const char *where, const char *const *keys)
{
	event value;
	if (!nodes_next(L->nodes, &value))
		return;
	/*
	 * `{label: Visit (president, parliament)}`: the ',' ended the label, and
	 * "parliament)" became a key with no value, on the label's line.
	 */
	const an_str *text = &L->text_before;
	if (key->plain && value.type == EV_SCALAR && value.plain && value.length == 0 && text->text &&
	    text->pos.line == key->pos.line && text->pos.col < key->pos.col) {
		/* `Visit (a, b, c)`: the one message grows with each piece, "Visit (a, b" then "Visit (a, b, c)". */
		size_t previous = L->comma_error;
		char *whole = xasprintf("%s, %s", text->text, key->value);
		an_error(L->diags, text->pos, "a ',' inside {...} ends a text: put the whole text in quotes: %s: \"%s\"",
		         L->key_before, whole);
		if (previous != SIZE_MAX && previous + 2 == L->diags->count &&
		    L->diags->items[previous].pos.line == text->pos.line && L->diags->items[previous].pos.col == text->pos.col)
			an_diags_keep_last(L->diags, previous);
		L->comma_error = L->diags->count - 1;
		L->last_text = (an_str){arena_strdup(L->strings, whole), text->pos};
		strcpy(L->last_key, L->key_before);
		free(whole);
		event_free(&value);
		return;
	}
	if (memchr(key->value, '\0', key->length)) { /* reported as a control character: no key of the format */
		skip_node(L, &value);
		event_free(&value);
		return;
	}
	const char *guess = nearest(key->value, keys);
	strbuf known;
	sb_init(&known);
	for (const char *const *k = keys; *k; k++)
		sb_printf(&known, "%s%s", k == keys ? "" : ", ", *k);
	if (guess)
		an_error(L->diags, key->pos, "unknown key '%s' in %s (did you mean '%s'?)", key->value,
		         where, guess);
	else
		an_error(L->diags, key->pos, "unknown key '%s' in %s; known keys: %s", key->value, where,
		         known.data);
	sb_free(&known);
	skip_node(L, &value); /* after the message: a limit met in it is the one kept */
	event_free(&value);
}

/*
 * Reads a text value into *ev (which the caller frees); false when it is
 * absent (a null), empty while required, or not a text: reported unless
 * it is an optional null.
 */
static bool read_scalar(loader *L, const char *key, bool required, event *ev)
{
	if (!nodes_next(L->nodes, ev))
		return false;
	if (ev->type != EV_SCALAR) {
		an_error(L->diags, ev->pos, "'%s' must be a text, not %s", key, node_name(ev));
		skip_node(L, ev);
		return false;
	}
	if (is_null(ev) || (required && ev->length == 0)) {
		if (required)
			an_error(L->diags, ev->pos, "'%s' must not be empty", key);
		return false;
	}
	return true;
}

/* The network's copy of a text that recurs: one copy however often it is written. */
static char *intern(loader *L, const event *ev)
{
	const char *kept;
	si_find(&L->texts, ev->value, &kept);
	if (!kept) {
		kept = arena_strndup(L->strings, ev->value, ev->length);
		si_put(&L->texts, kept, 0);
	}
	return (char *)kept;
}

/* YAML 1.1's words for true and false: YAML 1.1 readers (PyYAML) take them, unquoted, as booleans. */
static const char *yaml_bool_word(const event *ev)
{
	/* Each word as written in lower case, capitalised or in capitals (not "yEs"). */
	static const struct {
		const char *lower, *reading;
	} words[] = {{"yes", "true"}, {"no", "false"}, {"on", "true"}, {"off", "false"}, {"true", "true"}, {"false", "false"}};
	if (!ev->plain || ev->length < 2 || ev->length > 5 || !strchr("yYnNoOtTfF", ev->value[0]))
		return NULL; /* most texts, at a glance */
	const char *s = ev->value;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *w = words[i].lower;
		if (strlen(w) != ev->length || (s[0] | 0x20) != w[0])
			continue;
		bool lower = true, upper = true; /* the letters after the first */
		size_t k = 1;
		for (; k < ev->length && (s[k] | 0x20) == w[k]; k++) {
			lower &= s[k] == w[k];
			upper &= s[k] != w[k];
		}
		if (k == ev->length && (lower || (upper && s[0] != w[0])))
			return words[i].reading;
	}
	return NULL;
}

/*
 * Warns when a text or an id written unquoted is a boolean to other YAML
 * readers: once per word (an id is written wherever it is used).
 */
static void warn_bool_word(loader *L, const event *ev)
{
	const char *reading = yaml_bool_word(ev);
	if (!reading || si_get(&L->bool_words, ev->value) != SIZE_MAX)
		return;
	si_put(&L->bool_words, intern(L, ev), 0);
	bool any_version = strchr("tTfF", ev->value[0]) != NULL; /* true and false, in YAML 1.2 too */
	an_warning(L->diags, ev->pos,
	           "'%s' is a text to actornet but %s to %s: put it in quotes, \"%s\", here and wherever it is written",
	           ev->value, reading, any_version ? "other YAML readers" : "YAML 1.1 readers such as PyYAML", ev->value);
}

static bool read_text_as(loader *L, const char *key, bool required, bool recurs, an_str *dst)
{
	event ev;
	bool ok = read_scalar(L, key, required, &ev);
	if (ok) {
		dst->text = recurs ? intern(L, &ev) : arena_strndup(L->strings, ev.value, ev.length);
		dst->pos = ev.pos;
		warn_bool_word(L, &ev);
		if (ev.plain && strlen(key) < sizeof L->last_key) {
			strcpy(L->last_key, key);
			L->last_text = *dst;
		}
	}
	event_free(&ev);
	return ok;
}

static bool read_text(loader *L, const char *key, bool required, an_str *dst)
{
	return read_text_as(L, key, required, false, dst);
}

/* Reads one of `names`; returns its index, or -1 (reported, or a null when not required). */
static int read_enum(loader *L, const char *key, bool required, const char *const *names,
                     an_pos *pos)
{
	event ev;
	int found = -1;
	if (!read_scalar(L, key, required, &ev)) {
		event_free(&ev);
		return -1;
	}
	*pos = ev.pos;
	for (int i = 0; names[i] && found < 0; i++)
		if (strcmp(ev.value, names[i]) == 0)
			found = i;
	if (found < 0) {
		strbuf list;
		sb_init(&list);
		for (int i = 0; names[i]; i++)
			sb_printf(&list, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ", names[i]);
		const char *guess = nearest(ev.value, names);
		if (guess)
			an_error(L->diags, ev.pos, "unknown %s '%s': expected %s (did you mean %s?)", key,
			         ev.value, list.data, guess);
		else
			an_error(L->diags, ev.pos, "unknown %s '%s': expected %s", key, ev.value, list.data);
		sb_free(&list);
	}
	event_free(&ev);
	return found;
}

/*
 * Reads true or false, as YAML 1.2's core schema writes them (True and TRUE
 * too, as the JSON Schema's YAML readers take them); a null leaves *dst as it is.
 */
static void read_bool(loader *L, const char *key, bool *dst)
{
	event ev;
	if (read_scalar(L, key, false, &ev)) {
		const char *v = ev.value, *meant = yaml_bool_word(&ev);
		if (strcmp(v, "true") == 0 || strcmp(v, "True") == 0 || strcmp(v, "TRUE") == 0)
			*dst = true;
		else if (strcmp(v, "false") == 0 || strcmp(v, "False") == 0 || strcmp(v, "FALSE") == 0)
			*dst = false;
		else if (meant)
			an_error(L->diags, ev.pos, "'%s' must be true or false, not '%s' (write %s)", key, v, meant);
		else
			an_error(L->diags, ev.pos, "'%s' must be true or false, not '%s'", key, v);
	}
	event_free(&ev);
}

static void read_id(loader *L, const char *key, an_str *dst)
{
	if (read_text(L, key, false, dst) && !an_valid_id(dst->text)) {
		an_error(L->diags, dst->pos,
		         "'%s' is not a valid id: an id starts with a letter, then up to 63 letters, digits, '-' or '_'",
		         dst->text);
		dst->text = NULL;
	}
}

static bool valid_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

static void read_url(loader *L, an_str *dst)
{
	if (read_text(L, "url", false, dst) && (!valid_url(dst->text) || !dst->text[dst->text[4] == 's' ? 8 : 7])) {
		an_error(L->diags, dst->pos, "url '%s' is not allowed: only http:// and https:// addresses",
		         dst->text);
		dst->text = NULL;
	}
}

/*
 * Dates parsed, by their text: a text that recurs is kept once (intern), so
 * its address stands for it. Direct-mapped by that address: a date written
 * again (a large network's ties share a few thousand dates) is not parsed again.
 */
#define WHEN_CACHE 1024
struct parsed_when {
	const char *text; /* the interned text, or NULL */
	an_when when;
};

/* Reads a `when`; *ok tells whether it parsed (false too when absent). */
static void read_when(loader *L, an_str *text, an_when *when, bool *ok)
{
	*ok = false;
	if (!read_text_as(L, "when", false, true, text))
		return;
	if (!L->whens)
		L->whens = xcalloc(WHEN_CACHE, sizeof *L->whens);
	struct parsed_when *cached = &L->whens[(uintptr_t)text->text % WHEN_CACHE]; /* the arena packs texts bytewise */
	if (cached->text == text->text) {
		*when = cached->when;
		*ok = true;
		return;
	}
	char problem[160];
	*ok = an_when_parse(text->text, when, problem, sizeof problem);
	if (*ok)
		*cached = (struct parsed_when){text->text, *when};
	else
		an_error(L->diags, text->pos, "bad date '%s': %s", text->text, problem);
}

/* Reads a tie's `when`, keeping only the days it covers. */
static void read_tie_when(loader *L, an_tie *t)
{
	an_when when;
	read_when(L, &t->when_text, &when, &t->when_ok);
	if (t->when_ok)
		t->when = when.days;
}

static bool valid_color(const char *s)
{
	if (s[0] != '#' || strlen(s) != 7)
		return false;
	for (int i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	return true;
}

/* --------------------------------------------------------------- mappings */

/* Walks a mapping's keys, handling what every mapping shares. */
#define MAP_INLINE_KEYS 16 /* keys kept without a heap array; a tie has at most 11 */

typedef struct {
	const char *text; /* owned: taken from the key's event */
	size_t length;
	an_pos pos;
} map_key;

typedef struct {
	an_pos first_key;  /* where a missing key is reported */
	bool any_key;
	bool keys_are_ids; /* actors, sources, types: no `x-` extension keys */
	map_key inline_keys[MAP_INLINE_KEYS];
	map_key *keys;     /* inline_keys, or a heap array past MAP_INLINE_KEYS */
	size_t nkeys, cap;
	strindex seen;     /* key -> index, built once the mapping outgrows inline_keys */
} mapreader;

static void map_begin(mapreader *m, an_pos start)
{
	m->first_key = start;
	m->any_key = false;
	m->keys_are_ids = false;
	m->keys = m->inline_keys;
	m->nkeys = 0;
	m->cap = MAP_INLINE_KEYS;
	si_init(&m->seen);
}

static void map_end(mapreader *m)
{
	for (size_t i = 0; i < m->nkeys; i++)
		free((char *)m->keys[i].text);
	if (m->keys != m->inline_keys)
		free(m->keys);
	si_free(&m->seen);
}

/*
 * The index of a key already read, or SIZE_MAX. A key may hold a NUL byte (an
 * error, reported with its text): the index, which sees the text up to it,
 * only serves when the lengths agree.
 */
static size_t map_find(const mapreader *m, const char *key, size_t length)
{
	if (m->nkeys > MAP_INLINE_KEYS && !memchr(key, '\0', length)) {
		size_t i = si_get(&m->seen, key);
		if (i == SIZE_MAX || m->keys[i].length == length)
			return i;
	}
	for (size_t i = 0; i < m->nkeys; i++)
		if (m->keys[i].length == length && memcmp(m->keys[i].text, key, length) == 0)
			return i;
	return SIZE_MAX;
}

/* Keeps a key; the mapping takes over its text, which the event then only borrows. */
static void map_keep(mapreader *m, event *key)
{
	if (m->nkeys == m->cap) {
		size_t cap = m->cap * 2;
		map_key *keys = xmalloc(cap * sizeof *keys);
		memcpy(keys, m->keys, m->nkeys * sizeof *keys);
		if (m->keys != m->inline_keys)
			free(m->keys);
		m->keys = keys;
		m->cap = cap;
	}
	m->keys[m->nkeys++] = (map_key){key->value, key->length, key->pos};
	key->borrowed = true;
	if (m->nkeys == MAP_INLINE_KEYS + 1) {
		for (size_t i = 0; i < m->nkeys; i++)
			si_put(&m->seen, m->keys[i].text, i);
	} else if (m->nkeys > MAP_INLINE_KEYS) {
		si_put(&m->seen, key->value, m->nkeys - 1);
	}
}

/*
 * The next key of the mapping, or false at its end. Skips (after reporting)
 * non-text keys, merge keys, duplicates, and `x-` extension keys.
 */
static bool map_next(loader *L, mapreader *m, event *key)
{
	/* The value just read belongs to the key before the next one. */
	L->text_before = L->last_text;
	memcpy(L->key_before, L->last_key, sizeof L->key_before);
	L->last_text = (an_str){NULL, {0, 0}};
	for (;;) {
		if (!nodes_next(L->nodes, key))
			return false;
		if (key->type == EV_MAPPING_END) {
			event_free(key);
			return false;
		}
		if (!m->any_key) {
			m->any_key = true;
			m->first_key = key->pos;
		}
		if (key->type != EV_SCALAR || is_null(key)) {
			an_error(L->diags, key->pos, "a key must be a text, not %s", node_name(key));
			skip_node(L, key);
			event_free(key);
			skip_value(L);
			continue;
		}
		if (key->plain && strcmp(key->value, "<<") == 0) {
			an_error(L->diags, key->pos,
			         "merge keys ('<<') are not supported: write the keys out");
			event_free(key);
			skip_value(L);
			continue;
		}
		size_t prev = map_find(m, key->value, key->length);
		if (prev != SIZE_MAX) {
			/* A NUL byte is shown as messages show control characters. */
			strbuf shown;
			sb_init(&shown);
			for (size_t i = 0; i < key->length; i++)
				if (key->value[i])
					sb_putc(&shown, key->value[i]);
				else
					sb_puts(&shown, "\\x00");
			an_error(L->diags, key->pos, "duplicate key '%s' (first at line %d, column %d)",
			         shown.data ? shown.data : "", m->keys[prev].pos.line, m->keys[prev].pos.col);
			sb_free(&shown);
			event_free(key);
			skip_value(L);
			continue;
		}
		map_keep(m, key);
		if (!m->keys_are_ids && strncmp(key->value, "x-", 2) == 0) {
			event_free(key);
			skip_value(L);
			continue;
		}
		return true;
	}
}

static bool map_has(const mapreader *m, const char *key)
{
	return map_find(m, key, strlen(key)) != SIZE_MAX;
}

static bool expect_or_null(loader *L, event_type type, const char *what, an_pos *pos,
                           bool optional);

/*
 * Reads the start of a collection value of the expected type; on a mismatch
 * (a null too) reports it, skips the value and returns false.
 */
static bool expect(loader *L, event_type type, const char *what, an_pos *pos)
{
	return expect_or_null(L, type, what, pos, false);
}

/* As expect; with `optional`, a null is an absent value and no error. */
static bool expect_or_null(loader *L, event_type type, const char *what, an_pos *pos,
                           bool optional)
{
	event ev;
	if (!nodes_next(L->nodes, &ev))
		return false;
	*pos = ev.pos;
	bool ok = ev.type == type;
	if (!ok && !(optional && is_null(&ev))) {
		if (is_null(&ev))
			an_error(L->diags, ev.pos, "%s must not be empty", what);
		else if (type == EV_MAPPING && ev.type == EV_SEQUENCE && ev.plain)
			an_error(L->diags, ev.pos, "%s must be a mapping, not a list: write its entries as 'KEY: VALUE' lines, without '- '",
			         what);
		else if (type == EV_SEQUENCE && ev.type == EV_MAPPING)
			an_error(L->diags, ev.pos, "%s must be a list, not a mapping: start each of its entries with '- '",
			         what);
		else
			an_error(L->diags, ev.pos, "%s must be %s, not %s", what,
			         type == EV_MAPPING ? "a mapping" : "a list", node_name(&ev));
		skip_node(L, &ev);
	}
	event_free(&ev);
	return ok;
}

/* ----------------------------------------------------------------- parts */

static void read_source(loader *L, an_source *s)
{
	event ev;
	if (!nodes_next(L->nodes, &ev))
		return;
	if (ev.type == EV_SCALAR && !is_null(&ev) && ev.length > 0) {
		s->text.text = arena_strndup(L->strings, ev.value, ev.length);
		s->text.pos = ev.pos;
		event_free(&ev);
		return;
	}
	if (ev.type != EV_MAPPING) {
		if (ev.type == EV_SCALAR)
			an_error(L->diags, ev.pos, "source '%s' must not be empty", s->key.text);
		else
			an_error(L->diags, ev.pos, "source '%s' must be a text or a mapping, not %s",
			         s->key.text, node_name(&ev));
		skip_node(L, &ev);
		event_free(&ev);
		return;
	}
	mapreader m;
	map_begin(&m, ev.pos);
	event_free(&ev);
	event key;
	while (map_next(L, &m, &key)) {
		const char *k = key.value;
		if (KEY_IS(key, "title"))
			read_text(L, k, true, &s->title);
		else if (KEY_IS(key, "author"))
			read_text(L, k, false, &s->author);
		else if (KEY_IS(key, "date")) {
			an_when w;
			bool ok;
			read_when(L, &s->date, &w, &ok); /* checked only: a source's date is shown as written */
		} else if (KEY_IS(key, "url"))
			read_url(L, &s->url);
		else
			unknown_key(L, &key, "a source", SOURCE_KEYS);
		event_free(&key);
	}
	if (!nodes_failed(L->nodes) && !map_has(&m, "title"))
		an_error(L->diags, m.first_key, "source '%s' needs a 'title'", s->key.text);
	map_end(&m);
}

/* Reads a mapping of `key: value` entries whose keys are ids. */
typedef void (*entry_reader)(loader *L, const event *key, void *ctx);

static void read_id_mapping(loader *L, const char *what, bool optional, entry_reader read_entry,
                            void *ctx)
{
	an_pos pos;
	if (!expect_or_null(L, EV_MAPPING, what, &pos, optional))
		return;
	mapreader m;
	map_begin(&m, pos);
	m.keys_are_ids = true;
	event key;
	while (map_next(L, &m, &key)) {
		/* An invalid id is reported, and its entry still read: ties may name it. */
		if (!an_valid_id(key.value))
			an_error(L->diags, key.pos,
			         "'%s' is not a valid id: an id starts with a letter, then up to 63 letters, digits, '-' or '_'",
			         key.value);
		read_entry(L, &key, ctx);
		event_free(&key);
	}
	map_end(&m);
}

static void read_source_entry(loader *L, const event *key, void *ctx)
{
	(void)ctx;
	an_network *net = L->net;
	net->sources = xrealloc(net->sources, (net->nsources + 1) * sizeof *net->sources);
	an_source *s = &net->sources[net->nsources++];
	memset(s, 0, sizeof *s);
	s->key.text = arena_strndup(L->strings, key->value, key->length);
	s->key.pos = key->pos;
	si_put(&net->store->source_keys, s->key.text, net->nsources - 1);
	read_source(L, s);
}

static void read_type_entry(loader *L, const event *key, void *ctx)
{
	size_t *extra = ctx;
	an_network *net = L->net;
	size_t i = an_find_type(net, key->value);
	if (i == SIZE_MAX) {
		net->types = xrealloc(net->types, (net->ntypes + 1) * sizeof *net->types);
		i = net->ntypes++;
		memset(&net->types[i], 0, sizeof net->types[i]);
		net->types[i].name.text = arena_strndup(L->strings, key->value, key->length);
		si_put(&net->store->type_names, net->types[i].name.text, i);
	}
	an_type *t = &net->types[i];
	t->name.pos = key->pos;
	an_pos pos;
	if (!expect(L, EV_MAPPING, "a type", &pos))
		return;
	mapreader m;
	map_begin(&m, pos);
	event k;
	while (map_next(L, &m, &k)) {
		if (KEY_IS(k, "label"))
			read_text(L, "label", false, &t->label);
		else if (KEY_IS(k, "color")) {
			if (read_text(L, "color", false, &t->color) && !valid_color(t->color.text)) {
				an_error(L->diags, t->color.pos, "color '%s' must be written #RRGGBB",
				         t->color.text);
				t->color.text = NULL;
			}
		} else
			unknown_key(L, &k, "a type", TYPE_KEYS);
		event_free(&k);
	}
	map_end(&m);
	if (!t->builtin && !t->color.text)
		an_type_set_extra_style(t, (*extra)++);
	else if (!t->builtin)
		t->arrowhead = "normal";
}

/* One item of `names`: {name, label, when}. */
static void read_dated_name(loader *L, an_dated_name *d, an_pos pos)
{
	mapreader m;
	map_begin(&m, pos);
	event key;
	while (map_next(L, &m, &key)) {
		const char *k = key.value;
		if (KEY_IS(key, "name"))
			read_text(L, k, true, &d->name);
		else if (KEY_IS(key, "label"))
			read_text(L, k, false, &d->label);
		else if (KEY_IS(key, "when"))
			read_when(L, &d->when_text, &d->when, &d->when_ok);
		else
			unknown_key(L, &key, "a dated name", DATED_NAME_KEYS);
		event_free(&key);
	}
	if (!nodes_failed(L->nodes)) {
		if (!map_has(&m, "name"))
			an_error(L->diags, m.first_key, "a dated name needs a 'name'");
		if (!map_has(&m, "when"))
			an_error(L->diags, m.first_key, "a dated name needs a 'when': the period it was in use");
	}
	map_end(&m);
}

/* `names`: a list of dated names, {name, label, when} each. */
static void read_names(loader *L, an_actor *a)
{
	an_pos pos;
	if (!expect(L, EV_SEQUENCE, "'names'", &pos))
		return;
	an_dated_name *names = NULL;
	size_t count = 0, cap = 0;
	event ev;
	while (nodes_next(L->nodes, &ev) && ev.type != EV_SEQUENCE_END) {
		GROW(names, cap, count + 1);
		an_dated_name *d = &names[count++];
		memset(d, 0, sizeof *d);
		if (ev.type == EV_MAPPING) {
			read_dated_name(L, d, ev.pos);
		} else {
			an_error(L->diags, ev.pos, "a dated name must be a mapping ({name: ..., when: ...}), not %s",
			         node_name(&ev));
			skip_node(L, &ev);
		}
		event_free(&ev);
	}
	event_free(&ev);
	if (count == 0 && !nodes_failed(L->nodes))
		an_error(L->diags, pos, "'names' must list at least one dated name");
	if (count > 0) {
		a->names = arena_alloc(L->strings, count * sizeof *a->names);
		memcpy(a->names, names, count * sizeof *names);
		a->nnames = count;
	}
	free(names);
}

/* One of `at`'s numbers (ev): a plain decimal number from -limit to limit; false when reported. */
static bool read_degrees(loader *L, const event *ev, const char *what, double limit, double *degrees)
{
	if (ev->type != EV_SCALAR) {
		an_error(L->diags, ev->pos, "the %s in 'at' must be a number of degrees, not %s", what, node_name(ev));
		return false;
	}
	char *end = NULL;
	errno = 0;
	double v = ev->length > 0 && !strpbrk(ev->value, "xXnN") ? strtod(ev->value, &end) : 0;
	if (!end || *end || errno) {
		an_error(L->diags, ev->pos, "the %s in 'at' must be a number of degrees, not '%s'", what, ev->value);
		return false;
	}
	if (!ev->plain) {
		an_error(L->diags, ev->pos, "the %s in 'at' must be a number, not the text '%s': write it without quotes",
		         what, ev->value);
		return false;
	}
	if (v < -limit || v > limit) {
		an_error(L->diags, ev->pos, "the %s in 'at' must be from %g to %g degrees, not %s", what, -limit,
		         limit, ev->value);
		return false;
	}
	*degrees = v;
	return true;
}

/* `at: [LATITUDE, LONGITUDE]`, where a map draws the actor; a null is absent. */
static void read_at(loader *L, an_actor *a)
{
	static const char USAGE[] = "'at' must be [latitude, longitude] in degrees, north and east positive, "
	                            "such as [33.9, 35.5]";
	event ev;
	if (!nodes_next(L->nodes, &ev))
		return;
	a->at_pos = ev.pos;
	if (is_null(&ev)) {
		event_free(&ev);
		return;
	}
	if (ev.type != EV_SEQUENCE) {
		an_error(L->diags, ev.pos, "%s, not %s", USAGE, node_name(&ev));
		skip_node(L, &ev);
		event_free(&ev);
		return;
	}
	event_free(&ev);
	double degrees[2];
	size_t count = 0;
	bool ok = true;
	while (nodes_next(L->nodes, &ev) && ev.type != EV_SEQUENCE_END) {
		if (count < 2)
			ok &= read_degrees(L, &ev, count == 0 ? "latitude" : "longitude", count == 0 ? 90 : 180,
			                   &degrees[count]);
		count++;
		skip_node(L, &ev);
		event_free(&ev);
	}
	event_free(&ev);
	if (count != 2 && !nodes_failed(L->nodes)) {
		an_error(L->diags, a->at_pos, "%s: it has %zu number%s", USAGE, count, count == 1 ? "" : "s");
		return;
	}
	if (ok && count == 2) {
		a->has_at = true;
		a->latitude = degrees[0];
		a->longitude = degrees[1];
	}
}

static void read_actor_body(loader *L, an_actor *a, an_pos pos)
{
	mapreader m;
	map_begin(&m, pos);
	event key;
	while (map_next(L, &m, &key)) {
		const char *k = key.value;
		if (KEY_IS(key, "name"))
			read_text(L, k, true, &a->name);
		else if (KEY_IS(key, "names"))
			read_names(L, a);
		else if (KEY_IS(key, "label"))
			read_text(L, k, false, &a->label);
		else if (KEY_IS(key, "kind")) {
			an_pos kind_pos;
			int kind = read_enum(L, k, true, KIND_NAMES, &kind_pos);
			if (kind >= 0) {
				a->kind = (an_kind)kind;
				a->has_kind = true;
			}
		} else if (KEY_IS(key, "type"))
			read_text(L, k, false, &a->type);
		else if (KEY_IS(key, "region"))
			read_text(L, k, false, &a->region);
		else if (KEY_IS(key, "part_of"))
			read_id(L, k, &a->part_of);
		else if (KEY_IS(key, "when"))
			read_when(L, &a->when_text, &a->when, &a->when_ok);
		else if (KEY_IS(key, "url"))
			read_url(L, &a->url);
		else if (KEY_IS(key, "note"))
			read_text(L, k, false, &a->note);
		else if (KEY_IS(key, "at"))
			read_at(L, a);
		else
			unknown_key(L, &key, "an actor", ACTOR_KEYS);
		event_free(&key);
	}
	if (!nodes_failed(L->nodes)) {
		if (!map_has(&m, "name") && !map_has(&m, "names"))
			an_error(L->diags, m.first_key, "actor '%s' needs a 'name' (or dated 'names')", a->id.text);
		if (!map_has(&m, "kind"))
			an_error(L->diags, m.first_key, "actor '%s' needs a 'kind' (state, non-state or international)",
			         a->id.text);
	}
	map_end(&m);
}

static void read_actor_entry(loader *L, const event *key, void *ctx)
{
	size_t *cap = ctx;
	an_network *net = L->net;
	BIG_GROW(net->actors, *cap, net->nactors + 1);
	an_actor *a = &net->actors[net->nactors++];
	memset(a, 0, sizeof *a);
	a->id.text = arena_strndup(L->strings, key->value, key->length);
	a->id.pos = key->pos;
	warn_bool_word(L, key);
	a->part_of_index = SIZE_MAX;
	si_put(&net->store->actor_ids, a->id.text, net->nactors - 1);
	an_pos pos;
	char what[96];
	snprintf(what, sizeof what, "actor '%.64s'", key->value);
	if (expect(L, EV_MAPPING, what, &pos))
		read_actor_body(L, a, pos);
}

/*
 * An id of a list: an actor's id text and index when `actors` lists them
 * and the actor came earlier in the file (validation resolves the others).
 */
static char *list_id(loader *L, const event *ev, bool actors, size_t *index)
{
	const char *id = NULL; /* the actor's own id text: the index's key */
	warn_bool_word(L, ev);
	*index = actors ? si_find(&L->net->store->actor_ids, ev->value, &id) : SIZE_MAX;
	return id ? (char *)id : intern(L, ev);
}

/*
 * Reads `from` or `to` (actors: true) or `sources`: one id or a list of ids;
 * a null is absent when optional.
 */
static void read_idlist(loader *L, const char *key, bool optional, bool actors, an_idlist *list)
{
	event ev;
	if (!nodes_next(L->nodes, &ev))
		return;
	list->pos = ev.pos;
	if (optional && is_null(&ev)) {
		event_free(&ev);
		return;
	}
	if (ev.type == EV_SCALAR && !is_null(&ev)) {
		size_t index;
		list->ids = arena_alloc(L->strings, sizeof *list->ids);
		list->ids[0] = (an_str){list_id(L, &ev, actors, &index), ev.pos};
		list->count = 1;
		if (actors) {
			list->index = arena_alloc(L->strings, sizeof *list->index);
			list->index[0] = index;
		}
		event_free(&ev);
		return;
	}
	if (ev.type != EV_SEQUENCE) {
		an_error(L->diags, ev.pos, "'%s' must be an id or a list of ids, not %s", key,
		         node_name(&ev));
		skip_node(L, &ev);
		event_free(&ev);
		return;
	}
	event_free(&ev);
	/* The ids are gathered here, then moved into the network's arena. */
	an_str *ids = NULL;
	size_t *indices = NULL;
	size_t count = 0, cap = 0, indices_cap = 0;
	strindex seen;
	si_init(&seen);
	while (nodes_next(L->nodes, &ev) && ev.type != EV_SEQUENCE_END) {
		if (ev.type != EV_SCALAR || is_null(&ev)) {
			an_error(L->diags, ev.pos, "'%s' lists ids, not %s", key, node_name(&ev));
			skip_node(L, &ev);
		} else {
			size_t index;
			char *text = list_id(L, &ev, actors, &index);
			if (si_put(&seen, text, count) != count) {
				an_error(L->diags, ev.pos, "'%s' lists '%s' twice", key, ev.value);
			} else {
				GROW(ids, cap, count + 1);
				GROW(indices, indices_cap, count + 1);
				ids[count] = (an_str){text, ev.pos};
				indices[count++] = index;
			}
		}
		event_free(&ev);
	}
	event_free(&ev);
	si_free(&seen);
	if (count > 0) {
		list->ids = arena_alloc(L->strings, count * sizeof *list->ids);
		memcpy(list->ids, ids, count * sizeof *list->ids);
		list->count = count;
		if (actors) {
			list->index = arena_alloc(L->strings, count * sizeof *list->index);
			memcpy(list->index, indices, count * sizeof *list->index);
		}
	}
	free(ids);
	free(indices);
	if (list->count == 0 && !nodes_failed(L->nodes))
		an_error(L->diags, list->pos, "'%s' must list at least one id", key);
}

static void read_grade(loader *L, an_str *grade)
{
	if (!read_text(L, "grade", false, grade))
		return;
	const char *g = grade->text;
	if (!(g[0] >= 'A' && g[0] <= 'F' && g[1] >= '1' && g[1] <= '6' && !g[2])) {
		an_error(L->diags, grade->pos,
		         "grade '%s' must be an Admiralty grade: a letter A-F (source reliability) and a digit 1-6 (credibility), e.g. B2",
		         g);
		grade->text = NULL;
	}
}

static an_tie_extra *tie_extra(loader *L, an_tie *t)
{
	if (!t->extra) {
		t->extra = arena_alloc(L->strings, sizeof *t->extra);
		memset(t->extra, 0, sizeof *t->extra);
	}
	return t->extra;
}

static void read_tie_body(loader *L, an_tie *t)
{
	mapreader m;
	map_begin(&m, t->pos);
	event key;
	while (map_next(L, &m, &key)) {
		const char *k = key.value;
		if (KEY_IS(key, "from"))
			read_idlist(L, k, false, true, &t->from);
		else if (KEY_IS(key, "to"))
			read_idlist(L, k, false, true, &t->to);
		else if (KEY_IS(key, "type"))
			read_text_as(L, k, true, true, &t->type);
		else if (KEY_IS(key, "when"))
			read_tie_when(L, t);
		else if (KEY_IS(key, "label"))
			read_text(L, k, false, &t->label);
		else if (KEY_IS(key, "confidence")) {
			an_pos p;
			int c = read_enum(L, k, false, CONFIDENCE_NAMES, &p);
			if (c >= 0)
				t->confidence = (an_confidence)c;
		} else if (KEY_IS(key, "mutual"))
			read_bool(L, k, &t->mutual);
		else if (KEY_IS(key, "sources"))
			read_idlist(L, k, true, false, &t->sources);
		else if (KEY_IS(key, "grade"))
			read_grade(L, &tie_extra(L, t)->grade);
		else if (KEY_IS(key, "note"))
			read_text(L, k, false, &tie_extra(L, t)->note);
		else if (KEY_IS(key, "id"))
			read_id(L, k, &tie_extra(L, t)->id);
		else
			unknown_key(L, &key, "a tie", TIE_KEYS);
		event_free(&key);
	}
	if (!nodes_failed(L->nodes)) {
		if (!map_has(&m, "from"))
			an_error(L->diags, m.first_key, "a tie needs 'from' (the actor that gives)");
		if (!map_has(&m, "to"))
			an_error(L->diags, m.first_key, "a tie needs 'to' (the actor that receives)");
		if (!map_has(&m, "type"))
			an_error(L->diags, m.first_key, "a tie needs a 'type'");
	}
	map_end(&m);
}

static void read_ties(loader *L)
{
	an_pos pos;
	if (!expect(L, EV_SEQUENCE, "'ties'", &pos))
		return;
	an_network *net = L->net;
	size_t cap = 0;
	event ev;
	while (nodes_next(L->nodes, &ev) && ev.type != EV_SEQUENCE_END) {
		BIG_GROW(net->ties, cap, net->nties + 1);
		an_tie *t = &net->ties[net->nties++];
		memset(t, 0, sizeof *t);
		t->confidence = AN_REPORTED;
		t->type_index = SIZE_MAX;
		t->pos = ev.pos;
		if (ev.type == EV_MAPPING) {
			read_tie_body(L, t);
		} else {
			t->malformed = true;
			an_error(L->diags, ev.pos, "a tie must be a mapping (from, to, type, ...), not %s",
			         node_name(&ev));
			skip_node(L, &ev);
		}
		event_free(&ev);
	}
	event_free(&ev);
}

static void read_network(loader *L, an_pos pos)
{
	an_network *net = L->net;
	mapreader m;
	map_begin(&m, pos);
	event key;
	size_t actors_cap = 0, extra_types = 0;
	while (map_next(L, &m, &key)) {
		const char *k = key.value;
		if (KEY_IS(key, "format")) {
			an_str f = {0};
			if (read_text(L, k, false, &f) && strcmp(f.text, "1") != 0)
				an_error(L->diags, f.pos,
				         "format '%s' is not supported: this version of actornet reads format 1",
				         f.text);
		} else if (KEY_IS(key, "title"))
			read_text(L, k, true, &net->title);
		else if (KEY_IS(key, "subtitle"))
			read_text(L, k, false, &net->subtitle);
		else if (KEY_IS(key, "description"))
			read_text(L, k, false, &net->description);
		else if (KEY_IS(key, "sources"))
			read_id_mapping(L, "'sources'", true, read_source_entry, NULL);
		else if (KEY_IS(key, "default_source"))
			read_id(L, k, &net->default_source);
		else if (KEY_IS(key, "actors"))
			read_id_mapping(L, "'actors'", false, read_actor_entry, &actors_cap);
		else if (KEY_IS(key, "types"))
			read_id_mapping(L, "'types'", true, read_type_entry, &extra_types);
		else if (KEY_IS(key, "ties"))
			read_ties(L);
		else
			unknown_key(L, &key, "the network", TOP_KEYS);
		event_free(&key);
	}
	if (!nodes_failed(L->nodes)) {
		if (!map_has(&m, "title"))
			an_error(L->diags, m.first_key, "the network needs a 'title' (drawn above the diagram)");
		if (!map_has(&m, "actors"))
			an_error(L->diags, m.first_key, "the network needs 'actors' (a mapping of actor ids)");
		if (!map_has(&m, "ties"))
			an_error(L->diags, m.first_key, "the network needs 'ties' (a list of ties)");
	}
	map_end(&m);
}

static void read_stream(loader *L)
{
	event ev;
	if (!nodes_next(L->nodes, &ev))
		return;
	if (ev.type == EV_STREAM_END) {
		an_error(L->diags, (an_pos){0, 0},
		         "the file is empty: a network needs a 'title', 'actors' and 'ties'");
		event_free(&ev);
		return;
	}
	event_free(&ev); /* the document start */
	if (!nodes_next(L->nodes, &ev))
		return;
	if (is_null(&ev)) {
		an_error(L->diags, (an_pos){0, 0},
		         "the file is empty: a network needs a 'title', 'actors' and 'ties'");
	} else if (ev.type != EV_MAPPING) {
		an_error(L->diags, ev.pos,
		         "a network file must be a mapping of keys (title, actors, ties, ...), not %s",
		         node_name(&ev));
		skip_node(L, &ev);
	} else {
		read_network(L, ev.pos);
	}
	event_free(&ev);
	if (!nodes_next(L->nodes, &ev)) /* the document end */
		return;
	event_free(&ev);
	if (!nodes_next(L->nodes, &ev))
		return;
	if (ev.type == EV_DOCUMENT)
		an_error(L->diags, ev.pos,
		         "a second YAML document: a network file holds exactly one (remove this '---' and what follows, or merge it)");
	event_free(&ev);
}

static void loader_free(loader *L)
{
	nodes_close(L->nodes);
	si_free(&L->texts);
	si_free(&L->bool_words);
	free(L->whens);
}

static void utf16_error(an_diags *diags)
{
	an_error(diags, (an_pos){1, 1}, "the file is UTF-16: save it as UTF-8 (network files are UTF-8)");
}


/* Reads a network from its nodes (taken over: freed here); NULL nodes: out of memory. */
static an_network *load(const char *name, node_reader *nodes, an_diags *diags)
{
	if (!nodes) {
		an_error(diags, (an_pos){0, 0}, "out of memory");
		return NULL;
	}
	loader L;
	memset(&L, 0, sizeof L);
	L.nodes = nodes;
	L.diags = diags;
	L.comma_error = SIZE_MAX;
	L.net = an_network_new(name);
	L.strings = &L.net->store->strings;
	size_t first_diag = diags->count;
	read_stream(&L);
	bool failed = nodes_failed(L.nodes);
	if (!failed)
		nodes_warn_cut_texts(L.nodes);
	loader_free(&L);
	if (failed) {
		/* Past a syntax error or a limit nothing is known: that problem alone is reported. */
		an_diags_keep_last(diags, first_diag);
		an_network_free(L.net);
		return NULL;
	}
	return L.net;
}

an_network *an_load_buffer(const char *name, const char *data, size_t size,
                           const an_load_options *opt, an_diags *diags)
{
	an_diags_set_file(diags, name);
	size_t max_size = opt && opt->max_size ? opt->max_size : DEFAULT_MAX_SIZE;
	if (size > max_size) {
		an_error(diags, (an_pos){0, 0},
		         "the file is %zu bytes, larger than the limit of %zu (raise it with --max-size)",
		         size, max_size);
		return NULL;
	}
	if (!data)
		data = ""; /* libyaml asserts on a NULL input, even an empty one */
	/* A UTF-8 byte-order mark is allowed and is no column; UTF-16 and UTF-32 are not. */
	int mark = byte_order_mark((const unsigned char *)data, size);
	if (mark < 0) {
		utf16_error(diags);
		return NULL;
	}
	return load(name, nodes_from_memory(data + mark, size - (size_t)mark, max_size, diags), diags);
}

/* Reads what cannot be streamed (a pipe, a device) into memory, then loads it. */
static an_network *load_unstreamed(const char *path, FILE *f, size_t max_size,
                                   const an_load_options *opt, an_diags *diags)
{
	strbuf buf;
	if (!read_all(f, max_size, &buf, diags))
		return NULL;
	an_network *net = an_load_buffer(path, buf.data, buf.len, opt, diags);
	sb_free(&buf);
	return net;
}

const char *an_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

an_network *an_load_file(const char *path, const an_load_options *opt, an_diags *diags)
{
	const char *name = an_input_name(path);
	bool from_stdin = name != path;
	an_diags_set_file(diags, name);
	FILE *f = from_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		an_error(diags, (an_pos){0, 0}, "cannot read the file: %s", strerror(errno));
		return NULL;
	}
	size_t max_size = opt && opt->max_size ? opt->max_size : DEFAULT_MAX_SIZE;
	struct stat st;
	an_network *net = NULL;
	if (fstat(fileno(f), &st) != 0) {
		an_error(diags, (an_pos){0, 0}, "cannot read the file: %s", strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		an_error(diags, (an_pos){0, 0}, "cannot read the file: it is a directory");
	} else if (!S_ISREG(st.st_mode) || from_stdin) {
		/* Standard input is read from where it stands, once: never sought back. */
		net = load_unstreamed(name, f, max_size, opt, diags);
	} else if ((uintmax_t)st.st_size > max_size) {
		file_too_large(diags, max_size);
	} else {
		/* A regular file is streamed: its text is never held whole (issue 7's memory target). */
		unsigned char head[3];
		size_t n = fread(head, 1, sizeof head, f);
		int mark = byte_order_mark(head, n);
		if (mark < 0)
			utf16_error(diags);
		else if (ferror(f) || fseek(f, mark, SEEK_SET) != 0)
			an_error(diags, (an_pos){0, 0}, "cannot read the file: %s", strerror(errno));
		else
			net = load(path, nodes_from_file(f, mark, max_size, diags), diags);
	}
	if (!from_stdin)
		fclose(f);
	return net;
}
