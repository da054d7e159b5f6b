/* diag.c: the diagnostics sink that every stage appends its errors and warnings to. */
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

static void add(an_diags *d, an_severity severity, an_pos pos, const char *fmt, va_list ap)
{
	GROW(d->items, d->cap, d->count + 1);
	an_diag *diag = &d->items[d->count++];
	diag->severity = severity;
	diag->file = d->file;
	diag->pos = pos;
	diag->message = xvasprintf(fmt, ap);
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

void an_diags_keep_last(an_diags *d, size_t first)
{
	if (d->count <= first + 1)
		return;
	for (size_t i = first; i + 1 < d->count; i++) {
		if (d->items[i].severity == AN_ERROR)
			d->errors--;
		else
			d->warnings--;
		free(d->items[i].message);
	}
	d->items[first] = d->items[d->count - 1];
	d->count = first + 1;
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
	const char *file = diag->file ? diag->file : "actornet";
	if (diag->pos.line > 0 && diag->pos.col == 0)
		return xasprintf("%s:%d: %s: %s", file, diag->pos.line, level, diag->message);
	if (diag->pos.line > 0)
		return xasprintf("%s:%d:%d: %s: %s", file, diag->pos.line, diag->pos.col, level,
		                 diag->message);
	return xasprintf("%s: %s: %s", file, level, diag->message);
}
