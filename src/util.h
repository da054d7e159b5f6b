/* util.h: allocation that aborts on failure, growable byte buffers and whole reads and writes: util.c, for the library and the command line alike. */
#ifndef ACTORNET_UTIL_H
#define ACTORNET_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation failure ends here (see an_set_out_of_memory); no caller checks for NULL. */
_Noreturn void out_of_memory(void);
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grows *items (of *cap elements of `size` bytes) to hold at least `need`. */
void grow(void **items, size_t *cap, size_t need, size_t size);
#define GROW(array, cap, need) grow((void **)&(array), &(cap), (need), sizeof *(array))

/*
 * GROW for the arrays a large network makes many megabytes long (its
 * actors, ties and links): each in a mapping of its own, which the kernel
 * is asked to back by transparent huge pages. Where a page fault costs
 * microseconds (a virtual machine), 4 KB pages took longer to fault in than
 * the arrays took to fill. Free such an array with big_free, never free.
 */
void big_grow(void **items, size_t *cap, size_t need, size_t size);
/* Asks that the whole 2 MB pages within a block be transparent huge pages (a hint, which may be refused). */
void advise_huge_pages(void *block, size_t size);
#define BIG_GROW(array, cap, need) big_grow((void **)&(array), &(cap), (need), sizeof *(array))
void big_free(void *items);

/* A growable NUL-terminated byte buffer. */
typedef struct {
	char *data;
	size_t len, cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Text or an attribute value in XML or HTML: the five markup characters as
 * entities, tab and line breaks as character references, and the characters
 * XML 1.0 forbids (other controls, U+FFFE, U+FFFF) as U+FFFD.
 */
void sb_put_xml(strbuf *b, const char *s);
/* A JSON string, quotes included. */
void sb_put_json(strbuf *b, const char *s);
/* Hands the buffer's bytes to the caller (always NUL-terminated) and resets it. */
char *sb_take(strbuf *b, size_t *len);

/*
 * The length of the UTF-8 character that the n bytes at s start with (1 to
 * 4), or 0 when they do not start with one (overlong forms, surrogates and
 * code points past U+10FFFF are not UTF-8); *code gets its code point.
 */
size_t utf8_length(const unsigned char *s, size_t n, unsigned *code);

/* Reads or writes exactly n bytes, retrying when interrupted; false at end of file or on error (errno). */
bool read_full(int fd, void *buf, size_t n);
bool write_full(int fd, const void *buf, size_t n);

#endif
