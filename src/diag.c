/* diag.c: the diagnostics sink that every stage appends its errors and warnings to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void an_diags_init(an_diags *d)
{
	memset(d, 0, sizeof *d);
}

void an_diags_free(an_diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].message);
	free(d->items);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	an_diags_init(d);
}

void an_diags_set_file(an_diags *d, const char *file)
{
	if (!file) {
		d->file = NULL;
		return;
	}
	for (size_t i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], file) == 0) {
			d->file = d->files[i];
			return;
		}
	d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
	d->file = d->files[d->nfiles++] = xstrdup(file);
}

/*
 * Characters a message shows as escapes: controls (C0, DEL, C1), which a
 * terminal obeys, and line separators and bidirectional controls, which
 * forge lines or reorder what a reader sees.
 */
static bool shown_escaped(unsigned code)
{
	return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x061C || code == 0x200E ||
	       code == 0x200F || (code >= 0x2028 && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

/* A run of characters without a space longer than this is cut, keeping its head and tail. */
#define LONG_RUN 120
#define RUN_HEAD 60
#define RUN_TAIL 30
/* A message longer than this (in characters) is cut likewise. */
#define LONG_MESSAGE 1000
#define MESSAGE_HEAD 700
#define MESSAGE_TAIL 250

/* Text as shown: its characters, each one or an escape, and where each starts in `text`. */
typedef struct {
	strbuf text;
	size_t *starts; /* count + 1 offsets */
	size_t count, cap;
} shown;

static void shown_add(shown *s, const char *bytes, size_t n)
{
	GROW(s->starts, s->cap, s->count + 2);
	s->starts[s->count++] = s->text.len;
	sb_add(&s->text, bytes, n);
	s->starts[s->count] = s->text.len;
}

static void shown_free(shown *s)
{
	sb_free(&s->text);
	free(s->starts);
}

/* Appends characters [from, to) of `in` to out. */
static void shown_copy(shown *out, const shown *in, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		shown_add(out, in->text.data + in->starts[i], in->starts[i + 1] - in->starts[i]);
}

/* In place of s, its first `head` characters, "…" and its last `tail`. */
static void shown_cut(shown *s, size_t head, const char *mark, size_t tail)
{
	shown cut = {0};
	sb_init(&cut.text);
	shown_copy(&cut, s, 0, head);
	shown_add(&cut, mark, strlen(mark));
	shown_copy(&cut, s, s->count - tail, s->count);
	shown_free(s);
	*s = cut;
}

/* Text with the characters shown_escaped names as escapes, and bytes that are not UTF-8 as \xNN. */
static shown escaped(const char *text)
{
	shown s = {0};
	sb_init(&s.text);
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text);
	for (size_t i = 0, length; i < n; i += length) {
		unsigned code;
		char escape[16];
		length = utf8_length(p + i, n - i, &code);
		if (length == 0) {
			snprintf(escape, sizeof escape, "\\x%02x", p[i]);
			length = 1;
		} else if (!shown_escaped(code)) {
			shown_add(&s, text + i, length);
			continue;
		} else if (code == '\n' || code == '\r' || code == '\t') {
			snprintf(escape, sizeof escape, "\\%c", code == '\n' ? 'n' : code == '\r' ? 'r' : 't');
		} else if (code < 0x80) {
			snprintf(escape, sizeof escape, "\\x%02x", code);
		} else {
			snprintf(escape, sizeof escape, "\\u%04x", code);
		}
		shown_add(&s, escape, strlen(escape));
	}
	return s;
}

char *an_printable(const char *text, bool cut)
{
	shown s = escaped(text);
	if (cut) {
		shown runs = {0};
		sb_init(&runs.text);
		for (size_t i = 0, end; i < s.count; i = end + 1) {
			for (end = i; end < s.count && s.text.data[s.starts[end]] != ' '; end++)
				;
			shown run = {0};
			sb_init(&run.text);
			shown_copy(&run, &s, i, end);
			if (run.count > LONG_RUN)
				shown_cut(&run, RUN_HEAD, "…", RUN_TAIL);
			shown_copy(&runs, &run, 0, run.count);
			shown_free(&run);
			if (end < s.count) /* the space */
				shown_copy(&runs, &s, end, end + 1);
		}
		shown_free(&s);
		s = runs;
		if (s.count > LONG_MESSAGE)
			shown_cut(&s, MESSAGE_HEAD, " … ", MESSAGE_TAIL);
	}
	free(s.starts);
	return sb_take(&s.text, NULL);
}

static void add(an_diags *d, an_severity severity, an_pos pos, const char *fmt, va_list ap)
{
	GROW(d->items, d->cap, d->count + 1);
	an_diag *diag = &d->items[d->count++];
	diag->severity = severity;
	diag->file = d->file;
	diag->pos = pos;
	char *message = xvasprintf(fmt, ap);
	diag->message = an_printable(message, true);
	free(message);
	if (severity == AN_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void an_error(an_diags *d, an_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, AN_ERROR, pos, fmt, ap);
	va_end(ap);
}

void an_warning(an_diags *d, an_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, AN_WARNING, pos, fmt, ap);
	va_end(ap);
}

/* Forgets diagnostic i's message and count (its slot is the caller's to fill or drop). */
static void forget(an_diags *d, size_t i)
{
	if (d->items[i].severity == AN_ERROR)
		d->errors--;
	else
		d->warnings--;
	free(d->items[i].message);
}

void an_diags_keep_last(an_diags *d, size_t first)
{
	if (d->count <= first + 1)
		return;
	for (size_t i = first; i + 1 < d->count; i++)
		forget(d, i);
	d->items[first] = d->items[d->count - 1];
	d->count = first + 1;
}

void an_diags_drop_repeats(an_diags *d, size_t first)
{
	size_t kept = first;
	for (size_t i = first; i < d->count; i++) {
		const an_diag *x = &d->items[i];
		bool repeat = false;
		for (size_t j = 0; j < first && !repeat; j++) {
			const an_diag *y = &d->items[j];
			repeat = x->severity == y->severity && x->file == y->file && x->pos.line == y->pos.line &&
			         x->pos.col == y->pos.col && strcmp(x->message, y->message) == 0;
		}
		if (repeat)
			forget(d, i);
		else
			d->items[kept++] = *x;
	}
	d->count = kept;
}

typedef struct {
	an_diag diag;
	size_t file_rank, seq;
} sort_item;

static int compare_items(const void *pa, const void *pb)
{
	const sort_item *a = pa, *b = pb;
	if (a->file_rank != b->file_rank)
		return a->file_rank < b->file_rank ? -1 : 1;
	if (a->diag.pos.line != b->diag.pos.line)
		return a->diag.pos.line < b->diag.pos.line ? -1 : 1;
	if (a->diag.pos.col != b->diag.pos.col)
		return a->diag.pos.col < b->diag.pos.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void an_diags_sort(an_diags *d)
{
	if (d->count < 2)
		return;
	sort_item *items = xmalloc(d->count * sizeof *items);
	for (size_t i = 0; i < d->count; i++) {
		items[i].diag = d->items[i];
		items[i].seq = i;
		items[i].file_rank = 0;
		while (items[i].file_rank < d->nfiles && d->files[items[i].file_rank] != d->items[i].file)
			items[i].file_rank++;
	}
	qsort(items, d->count, sizeof *items, compare_items);
	for (size_t i = 0; i < d->count; i++)
		d->items[i] = items[i].diag;
	free(items);
}

char *an_diag_format(const an_diag *diag)
{
	const char *level = diag->severity == AN_ERROR ? "error" : "warning";
	char *file = an_printable(diag->file ? diag->file : "actornet", false), *line;
	if (diag->pos.line > 0 && diag->pos.col == 0)
		line = xasprintf("%s:%d: %s: %s", file, diag->pos.line, level, diag->message);
	else if (diag->pos.line > 0)
		line = xasprintf("%s:%d:%d: %s: %s", file, diag->pos.line, diag->pos.col, level,
		                 diag->message);
	else
		line = xasprintf("%s: %s: %s", file, level, diag->message);
	free(file);
	return line;
}
