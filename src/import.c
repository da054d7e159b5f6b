/* import.c: turns spreadsheets saved as CSV (actors, ties, sources, types) into a network file, checked as `check` would. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* The columns of each file: the format's keys (x- columns are extensions). */
static const char *const ACTOR_COLUMNS[] = {"id",   "name", "label", "kind",     "type",      "region", "part_of",
                                            "when", "url",  "note",  "latitude", "longitude", NULL};
static const char *const TIE_COLUMNS[] = {"id",      "from",   "to",    "type",  "when", "confidence",
                                          "label",   "sources", "mutual", "grade", "note", NULL};
static const char *const SOURCE_COLUMNS[] = {"key", "text", "title", "author", "date", "url", NULL};
static const char *const TYPE_COLUMNS[] = {"name", "label", "color", NULL};

/* ------------------------------------------------------------------- CSV */

typedef struct {
	const char *path;
	char *data;
	size_t len, at;
	int line;       /* of data[at] */
	char separator; /* ',' or, for a file whose header has only them, ';' or a tab */
} csv_file;

typedef struct {
	char **fields;
	size_t count, cap;
	int line;       /* where the record starts */
} csv_record;

static void record_clear(csv_record *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->fields[i]);
	r->count = 0;
}

static void record_free(csv_record *r)
{
	record_clear(r);
	free(r->fields);
}

/* Length of the valid UTF-8 prefix of s (see utf8_length). */
static size_t valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, length;
	unsigned code;
	while (i < n && (length = utf8_length(s + i, n - i, &code)))
		i += length;
	return i;
}

static int line_at(const char *data, size_t offset)
{
	int line = 1;
	for (size_t i = 0; i < offset; i++)
		line += data[i] == '\n';
	return line;
}

/* Reads a whole CSV file, checks its encoding and skips its byte order mark; false when reported. */
static bool csv_open(csv_file *f, const char *path, size_t max_size, an_diags *diags)
{
	memset(f, 0, sizeof *f);
	f->path = path;
	f->line = 1;
	an_diags_set_file(diags, path);
	FILE *in = fopen(path, "rb");
	if (!in) {
		an_error(diags, (an_pos){0, 0}, "cannot read the file: %s", strerror(errno));
		return false;
	}
	strbuf b;
	bool read = read_all(in, max_size, &b, diags);
	fclose(in);
	if (!read)
		return false;
	f->data = sb_take(&b, &f->len);
	const unsigned char *u = (const unsigned char *)f->data;
	int mark = byte_order_mark(u, f->len);
	if (mark < 0) {
		an_error(diags, (an_pos){1, 0}, "the file is UTF-16: save it as \"CSV UTF-8\"");
		return false;
	}
	f->at = (size_t)mark;
	size_t valid = f->at + valid_utf8(u + f->at, f->len - f->at);
	if (valid < f->len) {
		an_error(diags, (an_pos){line_at(f->data, valid), 0},
		         "invalid UTF-8 (byte 0x%02X): save the file as \"CSV UTF-8\"", u[valid]);
		return false;
	}
	if (memchr(f->data, '\0', f->len)) {
		an_error(diags, (an_pos){line_at(f->data, (size_t)((char *)memchr(f->data, '\0', f->len) - f->data)), 0},
		         "the file contains a NUL byte: is it a spreadsheet rather than CSV?");
		return false;
	}
	/* The separator: a comma, unless the header has none outside quotes but has semicolons or tabs. */
	bool quoted = false, comma = false, semicolon = false, tab = false;
	for (size_t i = f->at; i < f->len && (quoted || f->data[i] != '\n'); i++) {
		char c = f->data[i];
		quoted ^= c == '"';
		comma |= !quoted && c == ',';
		semicolon |= !quoted && c == ';';
		tab |= !quoted && c == '\t';
	}
	f->separator = comma || !(semicolon || tab) ? ',' : semicolon ? ';' : '\t';
	return true;
}

/*
 * Reads the next record into r: 1, or 0 at the end of the file, or -1 on
 * an error (reported; the rest of the file is not read).
 */
static int csv_next(csv_file *f, csv_record *r, an_diags *diags)
{
	record_clear(r);
	r->line = f->line;
	if (f->at >= f->len)
		return 0;
	for (;;) {
		strbuf field;
		sb_init(&field);
		if (f->data[f->at] == '"') {
			int opened = f->line;
			f->at++;
			for (;;) {
				if (f->at >= f->len) {
					sb_free(&field);
					an_error(diags, (an_pos){opened, 0},
					         "a quoted field is never closed: its opening quote is on this line");
					return -1;
				}
				char c = f->data[f->at++];
				if (c == '"' && f->at < f->len && f->data[f->at] == '"') {
					sb_putc(&field, '"');
					f->at++;
				} else if (c == '"') {
					break;
				} else if (c == '\r' && f->at < f->len && f->data[f->at] == '\n') {
					continue; /* a CRLF inside a field is a line break */
				} else {
					f->line += c == '\n';
					sb_putc(&field, c);
				}
			}
			if (f->at < f->len && f->data[f->at] != f->separator && f->data[f->at] != '\r' &&
			    f->data[f->at] != '\n') {
				sb_free(&field);
				an_error(diags, (an_pos){f->line, 0},
				         "text after a closing quote: a quote inside a quoted field is written twice (\"\")");
				return -1;
			}
		} else {
			while (f->at < f->len && f->data[f->at] != f->separator && f->data[f->at] != '\r' &&
			       f->data[f->at] != '\n')
				sb_putc(&field, f->data[f->at++]);
		}
		GROW(r->fields, r->cap, r->count + 1);
		r->fields[r->count++] = sb_take(&field, NULL);
		if (f->at >= f->len)
			return 1;
		char c = f->data[f->at++];
		if (c == f->separator)
			continue;
		if (c == '\r' && f->at < f->len && f->data[f->at] == '\n')
			f->at++;
		f->line++;
		return 1;
	}
}

/* Removes leading and trailing spaces and tabs in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* ---------------------------------------------------------------- import */

/* Where each line of the YAML came from: a CSV file and line, or nowhere (file NULL). */
typedef struct {
	const char *file;
	int line;
} origin;

typedef struct {
	const an_import_options *opt;
	an_diags *diags;
	strbuf yaml;
	origin *origins;     /* per YAML line, 1-based */
	size_t norigins, cap;
	size_t scanned;      /* bytes of yaml whose lines have an origin */
	strindex actor_rows, source_rows, type_rows, tie_rows; /* id -> CSV line, for duplicates */
	char **keys;         /* the ids of the indexes, owned */
	size_t nkeys, keys_cap;
} importer;

/* Gives the YAML lines written since the last call this origin. */
static void mark(importer *im, const char *file, int line)
{
	for (size_t i = im->scanned; i < im->yaml.len; i++)
		if (im->yaml.data[i] == '\n') {
			GROW(im->origins, im->cap, im->norigins + 2);
			im->origins[++im->norigins] = (origin){file, line};
		}
	im->scanned = im->yaml.len;
}

/* A word YAML would read as text in any of its versions: an id that is no boolean or null. */
static bool plain_word(const char *s)
{
	static const char *const RESERVED[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", NULL};
	if (!an_valid_id(s))
		return false;
	for (size_t i = 0; RESERVED[i]; i++)
		if (strcasecmp(s, RESERVED[i]) == 0)
			return false;
	return true;
}

/* true or false in any case (spreadsheets write TRUE and FALSE), as YAML's; else NULL. */
static const char *boolean(const char *s)
{
	return strcasecmp(s, "true") == 0 ? "true" : strcasecmp(s, "false") == 0 ? "false" : NULL;
}

/* A YAML scalar: plain when it is a word YAML reads as text, else double-quoted. */
static void put_scalar(strbuf *b, const char *s)
{
	if (plain_word(s)) {
		sb_puts(b, s);
		return;
	}
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
		} else if (c < 0x20 || c == 0x7F) {
			sb_printf(b, "\\x%02X", c);
		} else if (c == 0xC2 && (unsigned char)s[1] == 0x85) {
			sb_puts(b, "\\N"); /* YAML reads U+0085, U+2028 and U+2029 as line breaks */
			s++;
		} else if (c == 0xE2 && (unsigned char)s[1] == 0x80 && ((unsigned char)s[2] & 0xFE) == 0xA8) {
			sb_puts(b, (unsigned char)s[2] == 0xA8 ? "\\L" : "\\P");
			s += 2;
		} else {
			sb_putc(b, (char)c);
		}
	}
	sb_putc(b, '"');
}

/* A cell of ids, separated by ';' (or ','): one id plain, several as a flow list. */
static void put_ids(strbuf *b, const char *cell)
{
	char *copy = xstrdup(cell), *save = NULL;
	size_t n = 0;
	strbuf list;
	sb_init(&list);
	for (char *id = strtok_r(copy, ";,", &save); id; id = strtok_r(NULL, ";,", &save)) {
		id = trim(id);
		if (!*id)
			continue;
		if (n++ > 0)
			sb_puts(&list, ", ");
		put_scalar(&list, id);
	}
	if (n == 1)
		sb_puts(b, list.data);
	else
		sb_printf(b, "[%s]", list.data ? list.data : "");
	sb_free(&list);
	free(copy);
}

/* What a file's header names: the key of each column, or NULL for a column without a name. */
typedef struct {
	const char *what;              /* "actors", "ties", "sources" */
	const char *const *columns;
	const char *const *required;   /* NULL-terminated */
	char **keys;                   /* per column, owned */
	size_t count;
} header;

static const char *suggest_column(const char *const *columns, const char *name)
{
	suggestion s;
	suggest_init(&s, name);
	for (size_t i = 0; columns[i]; i++)
		suggest(&s, columns[i]);
	return s.best;
}

/* Reads the header row; false when it has errors (reported). */
static bool read_header(csv_file *f, header *h, an_diags *diags)
{
	csv_record r = {0};
	int got = csv_next(f, &r, diags);
	bool ok = got == 1;
	if (got == 0)
		an_error(diags, (an_pos){1, 0}, "the file is empty: its first row must name the columns");
	h->keys = xcalloc(r.count ? r.count : 1, sizeof *h->keys);
	h->count = r.count;
	for (size_t i = 0; ok && i < r.count; i++) {
		char *name = trim(r.fields[i]);
		bool extension = (name[0] == 'x' || name[0] == 'X') && name[1] == '-';
		for (char *p = name; *p && (!extension || p < name + 2); p++)
			*p = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
		if (!*name)
			continue;
		if (extension && !an_valid_id(name)) {
			an_error(diags, (an_pos){1, 0},
			         "column '%s': an x- column's name continues with letters, digits, '-' or '_'", name);
			continue;
		}
		bool known = extension;
		for (size_t k = 0; !known && h->columns[k]; k++)
			known = strcmp(name, h->columns[k]) == 0;
		const char *best = known ? NULL : suggest_column(h->columns, name);
		strbuf names;
		sb_init(&names);
		for (size_t k = 0; h->columns[k]; k++)
			sb_printf(&names, "%s%s", k ? ", " : "", h->columns[k]);
		if (!known && best)
			an_error(diags, (an_pos){1, 0}, "unknown column '%s' (did you mean %s?)", name, best);
		else if (!known)
			an_error(diags, (an_pos){1, 0},
			         "unknown column '%s': the columns of %s are %s, and x-NAME for your own", name,
			         h->what, names.data);
		sb_free(&names);
		for (size_t k = 0; k < i; k++)
			if (h->keys[k] && strcmp(h->keys[k], name) == 0)
				an_error(diags, (an_pos){1, 0}, "column '%s' is named twice", name);
		h->keys[i] = xstrdup(name);
	}
	for (size_t k = 0; ok && h->required[k]; k++) {
		bool found = false;
		for (size_t i = 0; i < h->count && !found; i++)
			found = h->keys[i] && strcmp(h->keys[i], h->required[k]) == 0;
		if (!found)
			an_error(diags, (an_pos){1, 0}, "no '%s' column: the %s file needs one", h->required[k],
			         h->what);
	}
	record_free(&r);
	return ok;
}

static void header_free(header *h)
{
	for (size_t i = 0; i < h->count; i++)
		free(h->keys[i]);
	free(h->keys);
}

/* The cell of `key` in the row, trimmed, or NULL when empty or absent. */
static const char *cell_of(const header *h, csv_record *r, const char *key)
{
	for (size_t i = 0; i < h->count && i < r->count; i++)
		if (h->keys[i] && strcmp(h->keys[i], key) == 0) {
			char *v = trim(r->fields[i]);
			return *v ? v : NULL;
		}
	return NULL;
}

/*
 * Reports a row whose fields do not match the header, and makes it match
 * (missing fields empty, extra ones dropped), so that the rest of the row is
 * still read and ties that name it are not reported as well.
 */
static void fit_row(const header *h, csv_record *r, an_diags *diags)
{
	if (r->count != h->count)
		an_error(diags, (an_pos){r->line, 0}, "this row has %zu fields, the header %zu", r->count, h->count);
	for (size_t i = 0; i < r->count && i < h->count; i++)
		if (!h->keys[i] && *trim(r->fields[i]))
			an_error(diags, (an_pos){r->line, 0}, "a value in column %zu, which has no name in the header", i + 1);
	while (r->count > h->count)
		free(r->fields[--r->count]);
	GROW(r->fields, r->cap, h->count);
	while (r->count < h->count)
		r->fields[r->count++] = xstrdup("");
}

static bool blank_row(csv_record *r)
{
	for (size_t i = 0; i < r->count; i++)
		if (*trim(r->fields[i]))
			return false;
	return true;
}

/* Records a row's id; false (and reported) when an earlier row has it. */
static bool first_use(importer *im, strindex *ix, const char *id, int line, const char *what)
{
	GROW(im->keys, im->keys_cap, im->nkeys + 1);
	char *key = xstrdup(id);
	size_t first = si_put(ix, key, (size_t)line);
	if (first != (size_t)line) {
		free(key);
		an_error(im->diags, (an_pos){line, 0}, "%s '%s' is already on line %zu", what, id, first);
		return false;
	}
	im->keys[im->nkeys++] = key;
	return true;
}

/* Writes `    key: value` for each named, non-empty cell but those in `skip`. */
static void put_cells(importer *im, const header *h, csv_record *r, const char *const *skip,
                      const char *indent)
{
	for (size_t i = 0; i < h->count && i < r->count; i++) {
		const char *key = h->keys[i];
		char *v = trim(r->fields[i]);
		bool skipped = !key || !*v;
		for (size_t k = 0; skip[k] && !skipped; k++)
			skipped = strcmp(key, skip[k]) == 0;
		if (skipped)
			continue;
		sb_printf(&im->yaml, "%s%s: ", indent, key);
		bool ids = strcmp(key, "from") == 0 || strcmp(key, "to") == 0 || strcmp(key, "sources") == 0;
		const char *flag = strcmp(key, "mutual") == 0 ? boolean(v) : NULL;
		if (ids)
			put_ids(&im->yaml, v);
		else if (flag)
			sb_puts(&im->yaml, flag);
		else
			put_scalar(&im->yaml, v); /* anything else in `mutual` is the loader's to report */
		sb_putc(&im->yaml, '\n');
	}
}

/*
 * Reads one CSV file, writing each good row with `put_row`; false when the
 * file could not be read to its end or its header is wrong (its rows are then
 * missing from the YAML, and checking it would only report their absence).
 */
static bool import_file(importer *im, const char *path, header *h,
                        void (*put_row)(importer *, const header *, csv_record *, const char *))
{
	csv_file f;
	size_t max = im->opt->max_size ? im->opt->max_size : DEFAULT_MAX_SIZE;
	size_t errors = im->diags->errors;
	bool whole = csv_open(&f, path, max, im->diags) && read_header(&f, h, im->diags) &&
	             im->diags->errors == errors;
	if (whole) {
		csv_record r = {0};
		int got;
		while ((got = csv_next(&f, &r, im->diags)) == 1)
			if (!blank_row(&r)) {
				fit_row(h, &r, im->diags);
				put_row(im, h, &r, path);
			}
		record_free(&r);
		whole = got == 0;
	}
	free(f.data);
	return whole;
}

static void put_source(importer *im, const header *h, csv_record *r, const char *path)
{
	const char *key = cell_of(h, r, "key"), *text = cell_of(h, r, "text");
	if (!key) {
		an_error(im->diags, (an_pos){r->line, 0}, "the source has no key: ties name their sources by it");
		return;
	}
	bool more = false; /* cells besides key and text */
	for (size_t i = 0; i < h->count; i++)
		more |= h->keys[i] && strcmp(h->keys[i], "key") != 0 && strcmp(h->keys[i], "text") != 0 &&
		        *trim(r->fields[i]);
	if (text && more) {
		an_error(im->diags, (an_pos){r->line, 0},
		         "source '%s' has a 'text' and other columns: a source is either a whole citation (text) or title, author, date and url",
		         key);
		return;
	}
	if (!first_use(im, &im->source_rows, key, r->line, "source"))
		return;
	sb_puts(&im->yaml, "  ");
	put_scalar(&im->yaml, key);
	if (text) {
		sb_puts(&im->yaml, ": ");
		put_scalar(&im->yaml, text);
		sb_putc(&im->yaml, '\n');
	} else {
		sb_puts(&im->yaml, ":\n");
		put_cells(im, h, r, (const char *const[]){"key", NULL}, "    ");
	}
	mark(im, path, r->line);
}

/* Whether a cell is a plain decimal number (what `at` takes). */
static bool decimal_number(const char *s)
{
	char *end;
	errno = 0;
	strtod(s, &end);
	return *s && !*end && !errno && !strpbrk(s, "xXnNiI");
}

/* The latitude and longitude columns as the actor's `at: [LATITUDE, LONGITUDE]`; both or neither. */
static void put_at(importer *im, const header *h, csv_record *r)
{
	const char *lat = cell_of(h, r, "latitude"), *lon = cell_of(h, r, "longitude");
	if (!lat && !lon)
		return;
	if (!lat || !lon) {
		an_error(im->diags, (an_pos){r->line, 0}, "the actor has a %s but no %s: a place on a map needs both",
		         lat ? "latitude" : "longitude", lat ? "longitude" : "latitude");
		return;
	}
	if (!decimal_number(lat) || !decimal_number(lon)) {
		an_error(im->diags, (an_pos){r->line, 0},
		         "the actor's latitude and longitude must be numbers of degrees (33.9 and 35.5), not '%s' and '%s'", lat,
		         lon);
		return;
	}
	sb_printf(&im->yaml, "    at: [%s, %s]\n", lat, lon);
}

static void put_actor(importer *im, const header *h, csv_record *r, const char *path)
{
	const char *id = cell_of(h, r, "id");
	if (!id) {
		an_error(im->diags, (an_pos){r->line, 0}, "the actor has no id: ties name actors by it");
		return;
	}
	if (!first_use(im, &im->actor_rows, id, r->line, "actor"))
		return;
	sb_puts(&im->yaml, "  ");
	put_scalar(&im->yaml, id);
	sb_puts(&im->yaml, ":\n");
	put_cells(im, h, r, (const char *const[]){"id", "latitude", "longitude", NULL}, "    ");
	put_at(im, h, r);
	mark(im, path, r->line);
}

static void put_type(importer *im, const header *h, csv_record *r, const char *path)
{
	const char *name = cell_of(h, r, "name");
	if (!name) {
		an_error(im->diags, (an_pos){r->line, 0}, "the type has no name: ties name their type by it");
		return;
	}
	if (!first_use(im, &im->type_rows, name, r->line, "type"))
		return;
	sb_puts(&im->yaml, "  ");
	put_scalar(&im->yaml, name);
	sb_puts(&im->yaml, ":\n");
	size_t start = im->yaml.len;
	put_cells(im, h, r, (const char *const[]){"name", NULL}, "    ");
	if (im->yaml.len == start)
		sb_puts(&im->yaml, "    {}\n");
	mark(im, path, r->line);
}

static void put_tie(importer *im, const header *h, csv_record *r, const char *path)
{
	const char *id = cell_of(h, r, "id");
	if (id && !first_use(im, &im->tie_rows, id, r->line, "tie id"))
		return;
	/* Every tie's first line is `  - KEY: ...`, the rest indented under it. */
	size_t start = im->yaml.len;
	put_cells(im, h, r, (const char *const[]){NULL}, "    ");
	if (im->yaml.len == start)
		sb_puts(&im->yaml, "    {}\n");
	im->yaml.data[start + 2] = '-';
	mark(im, path, r->line);
}

char *an_import_csv(const an_import_options *opt, an_diags *diags, size_t *len)
{
	importer im = {.opt = opt, .diags = diags};
	sb_init(&im.yaml);
	si_init(&im.actor_rows);
	si_init(&im.source_rows);
	si_init(&im.type_rows);
	si_init(&im.tie_rows);
	sb_puts(&im.yaml, "# Written by actornet import from");
	const char *const named[] = {opt->sources, opt->actors, opt->types, opt->ties};
	for (size_t i = 0, n = 0; i < 4; i++)
		if (named[i]) {
			sb_puts(&im.yaml, n++ ? ", " : " ");
			put_scalar(&im.yaml, named[i]); /* escaped: a path may hold a line break */
		}
	sb_puts(&im.yaml, ".\nformat: 1\ntitle: ");
	put_scalar(&im.yaml, opt->title);
	sb_putc(&im.yaml, '\n');
	mark(&im, NULL, 0);

	if (opt->default_source) {
		sb_puts(&im.yaml, "default_source: ");
		put_scalar(&im.yaml, opt->default_source);
		sb_putc(&im.yaml, '\n');
		mark(&im, NULL, 0);
	}
	header files[] = {
		{"sources", SOURCE_COLUMNS, (const char *const[]){"key", NULL}, NULL, 0},
		{"actors", ACTOR_COLUMNS, (const char *const[]){"id", "name", "kind", NULL}, NULL, 0},
		{"types", TYPE_COLUMNS, (const char *const[]){"name", NULL}, NULL, 0},
		{"ties", TIE_COLUMNS, (const char *const[]){"from", "to", "type", NULL}, NULL, 0},
	};
	const char *paths[] = {opt->sources, opt->actors, opt->types, opt->ties};
	void (*const writers[])(importer *, const header *, csv_record *, const char *) = {
		put_source, put_actor, put_type, put_tie};
	bool whole = true; /* every file read, so that checking the YAML means something */
	for (size_t i = 0; i < 4; i++) {
		if (!paths[i])
			continue;
		sb_printf(&im.yaml, "\n%s:\n", files[i].what);
		mark(&im, NULL, 0);
		size_t before = im.yaml.len;
		whole &= import_file(&im, paths[i], &files[i], writers[i]);
		if (im.yaml.len == before)
			sb_puts(&im.yaml, writers[i] == put_tie ? "  []\n" : "  {}\n");
		mark(&im, NULL, 0);
	}

	/*
	 * The written network, checked as `check` would; its problems are
	 * reported at their rows, after those of the rows left out.
	 */
	if (whole) {
		an_diags found;
		an_diags_init(&found);
		an_load_options unlimited = {.max_size = im.yaml.len + 1};
		an_network *net = an_load_buffer("import", im.yaml.data, im.yaml.len, &unlimited, &found);
		if (net)
			an_validate(net, &found);
		for (size_t i = 0; i < found.count; i++) {
			const an_diag *d = &found.items[i];
			origin o = {NULL, 0};
			if (d->pos.line > 0 && (size_t)d->pos.line <= im.norigins)
				o = im.origins[d->pos.line];
			an_diags_set_file(diags, o.file);
			if (d->severity == AN_ERROR)
				an_error(diags, (an_pos){o.line, 0}, "%s", d->message);
			else
				an_warning(diags, (an_pos){o.line, 0}, "%s", d->message);
		}
		an_network_free(net);
		an_diags_free(&found);
	}
	for (size_t i = 0; i < 4; i++)
		header_free(&files[i]);
	si_free(&im.actor_rows);
	si_free(&im.source_rows);
	si_free(&im.type_rows);
	si_free(&im.tie_rows);
	for (size_t i = 0; i < im.nkeys; i++)
		free(im.keys[i]);
	free(im.keys);
	free(im.origins);
	if (diags->errors) {
		sb_free(&im.yaml);
		return NULL;
	}
	return sb_take(&im.yaml, len);
}
