/* util.c: allocation that aborts on failure, growable buffers, an arena, a string index, edit distance and whole reads and writes of a file descriptor. */
#define _GNU_SOURCE /* mremap, MADV_HUGEPAGE */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

static void (*out_of_memory_handler)(void);

void an_set_out_of_memory(void (*handler)(void))
{
	out_of_memory_handler = handler;
}

void out_of_memory(void)
{
	if (out_of_memory_handler)
		out_of_memory_handler();
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

/* Transparent huge pages' size (x86-64's, arm64's with 4 KB pages). */
#define HUGE_PAGE ((size_t)2 << 20)

/*
 * A mapping of `bytes` (a multiple of the page size) at an address that is
 * a multiple of HUGE_PAGE when it is that large: only whole, aligned huge
 * pages can back it, and only an aligned mapping keeps them when moved.
 */
static char *map_aligned(size_t bytes)
{
	size_t slack = bytes >= HUGE_PAGE ? HUGE_PAGE : 0;
	char *p = mmap(NULL, bytes + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		out_of_memory();
	if (slack) {
		size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
		if (head)
			munmap(p, head);
		if (slack - head)
			munmap(p + head + bytes, slack - head);
		p += head;
	}
	advise_huge_pages(p, bytes);
	return p;
}

void advise_huge_pages(void *block, size_t size)
{
	uintptr_t first = ((uintptr_t)block + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)block + size) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (end > first)
		madvise((void *)first, end - first, MADV_HUGEPAGE);
}

/* A big array's mapping starts with its length in bytes; the array follows, aligned as malloc's. */
#define BIG_HEADER ((size_t)64)
void big_grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 64;
	while (n < need) {
		if (n > (SIZE_MAX - BIG_HEADER - 2 * HUGE_PAGE) / 2 / size)
			out_of_memory();
		n *= 2;
	}
	/* Whole huge pages once past one: a partial one at the end would be faulted in 4 KB at a time. */
	size_t bytes = BIG_HEADER + n * size, unit = bytes >= HUGE_PAGE ? HUGE_PAGE : (size_t)sysconf(_SC_PAGESIZE);
	bytes = (bytes + unit - 1) / unit * unit;
	char *base = map_aligned(bytes);
	if (*items) {
		/*
		 * The pages move, not their bytes; from an aligned mapping to an
		 * aligned one, huge pages stay whole. (Moved into part of the new
		 * mapping, they make two, which kernels before 6.17 cannot move
		 * as one: the next growth copies. Growing while moving would not,
		 * but valgrind then takes the new pages for unaddressable.)
		 */
		char *old = (char *)*items - BIG_HEADER;
		size_t old_bytes = *(size_t *)old;
		if (mremap(old, old_bytes, old_bytes, MREMAP_MAYMOVE | MREMAP_FIXED, base) == MAP_FAILED) {
			memcpy(base, old, old_bytes);
			munmap(old, old_bytes);
		}
	}
	*(size_t *)base = bytes;
	*items = base + BIG_HEADER;
	*cap = n;
}

void big_free(void *items)
{
	if (items) {
		char *base = (char *)items - BIG_HEADER;
		munmap(base, *(size_t *)base);
	}
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

/* Formatted straight into the buffer's room, made larger and formatted again when it is short. */
void sb_printf(strbuf *b, const char *fmt, ...)
{
	GROW(b->data, b->cap, b->len + 64);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	if ((size_t)n >= b->cap - b->len) {
		GROW(b->data, b->cap, b->len + (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
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

/*
 * A block serves both ends: objects are taken upward from `low` (aligned),
 * texts downward from `high` (unaligned), so no text leaves padding before
 * the next object.
 */
struct arena_block {
	arena_block *next;
	size_t low, high;
	max_align_t data[];
};

#define ARENA_BLOCK_SIZE ((size_t)65536)

static void *arena_take(arena *a, size_t size, size_t align)
{
	arena_block *b = a->head;
	size_t low = b ? (b->low + align - 1) / align * align : 0;
	if (!b || low > b->high || b->high - low < size) {
		size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
		b = xmalloc(sizeof *b + cap);
		b->low = low = 0;
		b->high = cap;
		b->next = a->head;
		a->head = b;
	}
	if (align == 1) {
		b->high -= size;
		return (char *)b->data + b->high;
	}
	b->low = low + size;
	return (char *)b->data + low;
}

void *arena_alloc(arena *a, size_t size)
{
	return arena_take(a, size, ARENA_ALIGN);
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

/* FNV-1a of the key; *length is the key's length. */
static uint64_t hash(const char *s, size_t *length)
{
	uint64_t h = 14695981039346656037u;
	const char *p = s;
	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	*length = (size_t)(p - s);
	return h;
}

void si_init(strindex *ix)
{
	memset(ix, 0, sizeof *ix);
}

void si_free(strindex *ix)
{
	free(ix->slots);
	si_init(ix);
}

static bool same_key(const si_slot *slot, uint32_t h, const char *key, size_t length)
{
	if (slot->hash != h)
		return false;
	if (length < sizeof slot->head)
		return memcmp(slot->head, key, length + 1) == 0;
	return memcmp(slot->head, key, sizeof slot->head) == 0 &&
	       strcmp(slot->key + sizeof slot->head, key + sizeof slot->head) == 0;
}

/* The slot holding key, or the empty slot where it would go. */
static si_slot *slot_of(const strindex *ix, const char *key, uint64_t h, size_t length)
{
	size_t mask = ix->cap - 1;
	size_t i = (size_t)(h ^ (h >> 32)) & mask;
	while (ix->slots[i].key && !same_key(&ix->slots[i], (uint32_t)h, key, length))
		i = (i + 1) & mask;
	return &ix->slots[i];
}

static void fill_slot(si_slot *slot, const char *key, uint64_t h, size_t length, size_t value)
{
	slot->key = key;
	slot->value = value;
	slot->hash = (uint32_t)h;
	memset(slot->head, 0, sizeof slot->head);
	memcpy(slot->head, key, length < sizeof slot->head ? length : sizeof slot->head);
}

size_t si_put(strindex *ix, const char *key, size_t value)
{
	if ((ix->count + 1) * 4 > ix->cap * 3) { /* at most three quarters full */
		strindex bigger = {0};
		bigger.cap = ix->cap ? ix->cap * 2 : 16;
		bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
		for (size_t i = 0; i < ix->cap; i++)
			if (ix->slots[i].key) {
				size_t length;
				uint64_t h = hash(ix->slots[i].key, &length);
				*slot_of(&bigger, ix->slots[i].key, h, length) = ix->slots[i];
			}
		bigger.count = ix->count;
		si_free(ix);
		*ix = bigger;
	}
	size_t length;
	uint64_t h = hash(key, &length);
	si_slot *slot = slot_of(ix, key, h, length);
	if (!slot->key) {
		fill_slot(slot, key, h, length, value);
		ix->count++;
	}
	return slot->value;
}

size_t si_find(const strindex *ix, const char *key, const char **stored)
{
	*stored = NULL;
	if (!ix->cap)
		return SIZE_MAX;
	size_t length;
	uint64_t h = hash(key, &length);
	const si_slot *slot = slot_of(ix, key, h, length);
	*stored = slot->key;
	return slot->key ? slot->value : SIZE_MAX;
}

size_t si_get(const strindex *ix, const char *key)
{
	const char *stored;
	return si_find(ix, key, &stored);
}

void suggest_init(suggestion *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->distance = 3;
}

/* Whether a and b share a stem: 5 characters or more, all but the last 3 of the shorter (diplomacy, diplomatic). */
static bool same_stem(const char *a, const char *b)
{
	size_t common = 0, shorter = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
	while (a[common] && a[common] == b[common])
		common++;
	return common >= 5 && common + 3 >= shorter;
}

void suggest(suggestion *s, const char *candidate)
{
	size_t d = edit_distance(s->word, candidate, s->distance - 1);
	if (d > 2 && same_stem(s->word, candidate))
		d = 2; /* as close as two edits */
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

bool read_full(int fd, void *buf, size_t n)
{
	for (char *p = buf; n > 0;) {
		ssize_t got = read(fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		p += got;
		n -= (size_t)got;
	}
	return true;
}

bool write_full(int fd, const void *buf, size_t n)
{
	for (const char *p = buf; n > 0;) {
		ssize_t put = write(fd, p, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0) {
			if (put == 0)
				errno = EIO; /* no progress: an error, not a loop */
			return false;
		}
		p += put;
		n -= (size_t)put;
	}
	return true;
}

void sb_put_xml(strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		case '\'': sb_puts(b, "&#39;"); break;
		/* As references, so that attribute values keep them (a parser turns them into spaces). */
		case '\t': sb_puts(b, "&#9;"); break;
		case '\n': sb_puts(b, "&#10;"); break;
		case '\r': sb_puts(b, "&#13;"); break;
		default:
			if (c < 0x20) {
				sb_puts(b, "\xEF\xBF\xBD"); /* U+FFFD: XML 1.0 has no other control characters */
			} else if (c == 0xEF && (unsigned char)s[1] == 0xBF && ((unsigned char)s[2] & 0xFE) == 0xBE) {
				sb_puts(b, "\xEF\xBF\xBD"); /* nor U+FFFE and U+FFFF */
				s += 2;
			} else {
				sb_putc(b, (char)c);
			}
		}
	}
}

void sb_put_json(strbuf *b, const char *s)
{
	sb_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			sb_putc(b, '\\');
			sb_putc(b, (char)c);
		} else if (c == '\n') {
			sb_puts(b, "\\n");
		} else if (c == '\t') {
			sb_puts(b, "\\t");
		} else if (c < 0x20) {
			sb_printf(b, "\\u%04x", c);
		} else {
			sb_putc(b, (char)c);
		}
	}
	sb_putc(b, '"');
}

void file_too_large(an_diags *diags, size_t max_size)
{
	an_error(diags, (an_pos){0, 0},
	         "the file is larger than the limit of %zu bytes (raise it with --max-size)", max_size);
}

/*
 * Checks s from `from` to len for a NUL byte or a byte that is not UTF-8;
 * returns where checking stopped: at the first such byte (*bad set), or
 * before a last character that may be incomplete, or at len.
 */
static size_t check_text(const unsigned char *s, size_t from, size_t len, bool *bad)
{
	size_t i = from;
	while (i < len && len - i >= 4) {
		unsigned code;
		size_t k = s[i] < 0x80 ? 1 : utf8_length(s + i, len - i, &code);
		if (k == 0 || s[i] == 0) {
			*bad = true;
			break;
		}
		i += k;
	}
	return i;
}

bool read_all(FILE *f, size_t max_size, strbuf *out, an_diags *diags)
{
	sb_init(out);
	char chunk[65536];
	size_t n, checked = 0;
	bool bad = false;
	/* Past a NUL or a byte that is not UTF-8 it is not text: its reader reports that, not its size. */
	while (!bad && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (out->len + n > max_size) {
			file_too_large(diags, max_size);
			sb_free(out);
			return false;
		}
		sb_add(out, chunk, n);
		checked = check_text((const unsigned char *)out->data, checked, out->len, &bad);
	}
	if (ferror(f)) {
		an_error(diags, (an_pos){0, 0}, "cannot read the file: %s", strerror(errno));
		sb_free(out);
		return false;
	}
	if (!out->data)
		sb_add(out, "", 0);
	return true;
}

int byte_order_mark(const unsigned char *p, size_t n)
{
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		return 3;
	if (n >= 2 && (p[0] == 0xFE || p[0] == 0xFF) && (p[0] ^ p[1]) == 0x01)
		return -1;
	return 0;
}

size_t utf8_length(const unsigned char *s, size_t n, unsigned *code)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	size_t more;
	if (c < 0x80) {
		*code = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		more = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		more = 2;
	} else if (c >= 0xF0 && c <= 0xF4) {
		more = 3;
	} else {
		return 0;
	}
	if (more >= n)
		return 0;
	unsigned value = c & (0x3F >> more);
	for (size_t k = 1; k <= more; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		value = value << 6 | (s[k] & 0x3F);
	}
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
	    (c == 0xF4 && s[1] >= 0x90))
		return 0;
	*code = value;
	return more + 1;
}
