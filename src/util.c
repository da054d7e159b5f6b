/* util.c: allocation that aborts on failure, growable buffers, a string index and edit distance. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void out_of_memory(void)
{
	fputs("actornet: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory();
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			out_of_memory();
		n *= 2;
	}
	*items = xrealloc(*items, n * size);
	*cap = n;
}

void sb_init(strbuf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void sb_free(strbuf *b)
{
	free(b->data);
	sb_init(b);
}

void sb_add(strbuf *b, const char *s, size_t n)
{
	GROW(b->data, b->cap, b->len + n + 1);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void sb_putc(strbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	sb_puts(b, s);
	free(s);
}

char *sb_take(strbuf *b, size_t *len)
{
	if (!b->data)
		sb_add(b, "", 0);
	char *p = b->data;
	if (len)
		*len = b->len;
	sb_init(b);
	return p;
}

struct arena_block {
	arena_block *next;
	size_t used, size;
	max_align_t data[];
};

static void *arena_take(arena *a, size_t size, size_t align)
{
	arena_block *b = a->head;
	if (b)
		b->used = (b->used + align - 1) / align * align;
	if (!b || b->used > b->size || b->size - b->used < size) {
		size_t cap = size > 65536 ? size : 65536;
		b = xmalloc(sizeof *b + cap);
		b->size = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

void *arena_alloc(arena *a, size_t size)
{
	return arena_take(a, size, sizeof(max_align_t));
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(arena *a)
{
	while (a->head) {
		arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

static size_t hash(const char *s)
{
	size_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

void si_init(strindex *ix)
{
	memset(ix, 0, sizeof *ix);
}

void si_free(strindex *ix)
{
	free(ix->keys);
	free(ix->values);
	si_init(ix);
}

static size_t slot_of(const strindex *ix, const char *key)
{
	size_t mask = ix->cap - 1;
	size_t i = hash(key) & mask;
	while (ix->keys[i] && strcmp(ix->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

size_t si_put(strindex *ix, const char *key, size_t value)
{
	if ((ix->count + 1) * 2 > ix->cap) {
		strindex bigger = {0};
		bigger.cap = ix->cap ? ix->cap * 2 : 16;
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
		for (size_t i = 0; i < ix->cap; i++)
			if (ix->keys[i]) {
				size_t j = slot_of(&bigger, ix->keys[i]);
				bigger.keys[j] = ix->keys[i];
				bigger.values[j] = ix->values[i];
			}
		bigger.count = ix->count;
		si_free(ix);
		*ix = bigger;
	}
	size_t i = slot_of(ix, key);
	if (!ix->keys[i]) {
		ix->keys[i] = key;
		ix->values[i] = value;
		ix->count++;
	}
	return ix->values[i];
}

size_t si_get(const strindex *ix, const char *key)
{
	if (!ix->cap)
		return SIZE_MAX;
	size_t i = slot_of(ix, key);
	return ix->keys[i] ? ix->values[i] : SIZE_MAX;
}

void suggest_init(suggestion *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->distance = 3;
}

void suggest(suggestion *s, const char *candidate)
{
	size_t d = edit_distance(s->word, candidate, s->distance - 1);
	if (d < s->distance) {
		s->best = candidate;
		s->distance = d;
	}
}

size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > limit || lb > 64)
		return limit + 1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = diag + cost;
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb] > limit ? limit + 1 : row[lb];
}
