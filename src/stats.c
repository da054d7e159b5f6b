/* stats.c: the numbers of a view for a report (ties per period and type, actors per kind, each actor's ties) as text, CSV or JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A table of texts: row 0 is the header; columns after the first are right-aligned when numeric. */
typedef struct {
	const char *name;  /* "periods", "kinds", "actors": the JSON key */
	char **cells;      /* row-major, owned */
	size_t ncols, nrows, ncells, cap;
	bool *numeric;     /* per column */
	bool by_type;      /* JSON: the columns between the first and the last are under "ties" */
} table;

static void table_init(table *t, const char *name, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->name = name;
	t->ncols = ncols;
	t->numeric = xcalloc(ncols, sizeof *t->numeric);
}

/* Appends a cell, filling rows left to right. */
static void table_add(table *t, char *cell_owned)
{
	GROW(t->cells, t->cap, t->ncells + 1);
	if (t->ncells % t->ncols == 0)
		t->nrows++;
	t->cells[t->ncells++] = cell_owned;
}

static void table_free(table *t)
{
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->numeric);
}

static const char *cell(const table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;
	return i < t->ncells ? t->cells[i] : "";
}

/* Characters of UTF-8 text (what a terminal's column count comes closest to). */
static size_t text_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void put_padding(strbuf *b, size_t n)
{
	while (n-- > 0)
		sb_putc(b, ' ');
}

static void put_text_table(strbuf *b, const table *t)
{
	size_t *width = xcalloc(t->ncols, sizeof *width);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t w = text_width(cell(t, r, c));
			width[c] = w > width[c] ? w : width[c];
		}
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf line;
		sb_init(&line);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *text = cell(t, r, c);
			size_t pad = width[c] - text_width(text);
			if (c > 0)
				sb_puts(&line, "  ");
			if (t->numeric[c])
				put_padding(&line, pad);
			sb_puts(&line, text);
			if (!t->numeric[c])
				put_padding(&line, pad);
		}
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		sb_puts(b, line.data);
		sb_putc(b, '\n');
		sb_free(&line);
	}
	free(width);
}

/* Whether a spreadsheet would take the field as a formula: it starts with = + - @ or a tab, and is no number. */
static bool formula_like(const char *s)
{
	if (!*s || !strchr("=+-@\t\r", *s))
		return false;
	const char *p = s + (*s == '-' || *s == '+');
	size_t digits = strspn(p, "0123456789");
	if (digits && p[digits] == '.')
		digits += 1 + strspn(p + digits + 1, "0123456789");
	return digits == 0 || p[digits] != '\0';
}

/*
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes
 * doubled. A text a spreadsheet would run as a formula (a name "=HYPERLINK(...)")
 * is kept a text by a leading apostrophe, as OWASP advises.
 */
static void put_csv_field(strbuf *b, const char *s)
{
	bool formula = formula_like(s);
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		sb_puts(b, s);
		return;
	}
	sb_putc(b, '"');
	if (formula)
		sb_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			sb_putc(b, '"');
		sb_putc(b, *s);
	}
	sb_putc(b, '"');
}

static void put_csv_table(strbuf *b, const table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c > 0)
				sb_putc(b, ',');
			put_csv_field(b, cell(t, r, c));
		}
		sb_puts(b, "\r\n");
	}
}

/* Rows as JSON objects keyed by the header; numeric cells as numbers; by type, the counts in "ties". */
static void put_json_table(strbuf *b, const table *t)
{
	sb_puts(b, ",\n  ");
	sb_put_json(b, t->name);
	sb_puts(b, ": [");
	for (size_t r = 1; r < t->nrows; r++) {
		sb_puts(b, r > 1 ? ",\n    {" : "\n    {");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *separator = c == 0 ? "" : ", ";
			if (t->by_type && c == t->ncols - 1) /* closes "ties" */
				separator = c == 1 ? ", \"ties\": {}, " : "}, ";
			else if (t->by_type && c == 1)
				separator = ", \"ties\": {";
			sb_puts(b, separator);
			sb_put_json(b, cell(t, 0, c));
			sb_puts(b, ": ");
			if (t->numeric[c])
				sb_puts(b, cell(t, r, c));
			else
				sb_put_json(b, cell(t, r, c));
		}
		sb_putc(b, '}');
	}
	sb_puts(b, t->nrows > 1 ? "\n  ]" : "]");
}

static char *count_text(size_t n)
{
	return xasprintf("%zu", n);
}

/* Years of the finite dates of the view's ties: false when none is dated. */
static bool ties_years(const an_view *view, int *first, int *last)
{
	const an_network *net = view->net;
	int32_t lo = AN_DAY_MAX, hi = AN_DAY_MIN;
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		if (!net->ties[l->tie].when_text.text)
			continue;
		int32_t days[2] = {l->when.first_day, l->when.last_day};
		for (int k = 0; k < 2; k++)
			if (days[k] != AN_DAY_MIN && days[k] != AN_DAY_MAX) {
				lo = days[k] < lo ? days[k] : lo;
				hi = days[k] > hi ? days[k] : hi;
			}
	}
	if (lo > hi)
		return false;
	int month, day;
	an_civil_from_days(lo, first, &month, &day);
	an_civil_from_days(hi, last, &month, &day);
	return true;
}

/*
 * The periods of the table: the steps over the view's period, an open end of
 * which is the years of the view's ties (or the other end). False when there
 * would be more than AN_SERIES_MAX of them (*count says how many).
 */
static bool table_periods(const an_view *view, const an_step *step, an_period **periods, size_t *count)
{
	*periods = NULL;
	*count = 0;
	int first = 0, last = 0, data_first = 0, data_last = 0, month, day;
	bool dated = ties_years(view, &data_first, &data_last);
	bool has_first = view->has_period && view->period.days.first_day != AN_DAY_MIN;
	bool has_last = view->has_period && view->period.days.last_day != AN_DAY_MAX;
	if (!has_first && !has_last && !dated)
		return true;
	if (has_first)
		an_civil_from_days(view->period.days.first_day, &first, &month, &day);
	if (has_last)
		an_civil_from_days(view->period.days.last_day, &last, &month, &day);
	if (!has_first)
		first = dated && (!has_last || data_first <= last) ? data_first : last;
	if (!has_last)
		last = dated && data_last >= first ? data_last : first;
	first = first < 0 ? 0 : first; /* the calendar of dates starts at year 0 */
	if (last < first)
		return true;
	*periods = an_series(step, first, last, count);
	return *periods != NULL;
}

/* The ties per period and type: one column per type drawn, in the network's order. */
static void periods_table(table *tab, const an_view *view, const an_stats_options *opt,
                          an_period *periods, size_t nperiods)
{
	const an_network *net = view->net;
	size_t *column = xmalloc((net->ntypes ? net->ntypes : 1) * sizeof *column);
	size_t ntypes = 0;
	for (size_t k = 0; k < net->ntypes; k++) {
		column[k] = SIZE_MAX;
		for (size_t i = 0; i < view->nlinks && column[k] == SIZE_MAX; i++)
			if (net->ties[net->links[view->links[i]].tie].type_index == k)
				column[k] = ntypes++;
	}

	/* Rows: the periods, then undated ties, then all ties once each. */
	size_t nrows = nperiods + 2, width = ntypes + 1;
	size_t *counts = xcalloc(nrows * width, sizeof *counts);
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		const an_tie *t = &net->ties[l->tie];
		size_t col = column[t->type_index];
		size_t *all = &counts[(nrows - 1) * width];
		all[col]++, all[ntypes]++;
		if (!t->when_text.text) {
			size_t *undated = &counts[nperiods * width];
			undated[col]++, undated[ntypes]++;
			continue;
		}
		for (size_t p = 0; p < nperiods; p++)
			if (an_days_overlap(&l->when, &periods[p].when, opt->certain)) {
				counts[p * width + col]++;
				counts[p * width + ntypes]++;
			}
	}
	table_init(tab, "periods", width + 1);
	table_add(tab, xstrdup("period"));
	for (size_t k = 0; k < net->ntypes; k++)
		if (column[k] != SIZE_MAX)
			table_add(tab, xstrdup(net->types[k].name.text));
	table_add(tab, xstrdup("total"));
	for (size_t r = 0; r < nrows; r++) {
		bool undated = r == nperiods;
		if (undated && counts[r * width + ntypes] == 0)
			continue; /* no undated tie: no row */
		table_add(tab, xstrdup(r < nperiods ? periods[r].name : undated ? "undated" : "all"));
		for (size_t c = 0; c < width; c++)
			table_add(tab, count_text(counts[r * width + c]));
	}
	for (size_t c = 1; c <= width; c++)
		tab->numeric[c] = true;
	tab->by_type = true; /* a type may be named "total" or "period" */
	free(counts);
	free(column);
}

/* Whether an actor of the network is of this shown kind. */
static bool any_kind(const an_network *net, int kind)
{
	for (size_t i = 0; i < net->nactors; i++)
		if (an_shown_kind(&net->actors[i]) == kind)
			return true;
	return false;
}

static void kinds_table(table *tab, const an_view *view)
{
	const an_network *net = view->net;
	size_t count[AN_NSHOWN_KINDS] = {0};
	for (size_t i = 0; i < net->nactors; i++)
		if (view->actor_shown[i])
			count[an_shown_kind(&net->actors[i])]++;
	table_init(tab, "kinds", 2);
	tab->numeric[1] = true;
	table_add(tab, xstrdup("kind"));
	table_add(tab, xstrdup("actors"));
	/* State, state organ, non-state, international; a state organ and international only when the network has any. */
	static const int ORDER[] = {AN_STATE, AN_STATE_ORGAN, AN_NON_STATE, AN_INTERNATIONAL};
	for (size_t k = 0; k < sizeof ORDER / sizeof *ORDER; k++) {
		if ((ORDER[k] == AN_STATE_ORGAN || ORDER[k] == AN_INTERNATIONAL) && !any_kind(net, ORDER[k]))
			continue;
		table_add(tab, xstrdup(an_shown_kind_name(ORDER[k])));
		table_add(tab, count_text(count[ORDER[k]]));
	}
	table_add(tab, xstrdup("all"));
	table_add(tab, count_text(view->nactors_shown));
}

typedef struct {
	size_t actor;
	size_t out, in, mutual;
} actor_ties;

static int by_ties(const void *a, const void *b)
{
	const actor_ties *x = a, *y = b;
	size_t tx = x->out + x->in + x->mutual, ty = y->out + y->in + y->mutual;
	if (tx != ty)
		return tx > ty ? -1 : 1;
	return x->actor < y->actor ? -1 : x->actor > y->actor;
}

/* Each actor's ties out, in and mutual (both ends of a mutual tie count it), most ties first. */
static void actors_table(table *tab, const an_view *view)
{
	const an_network *net = view->net;
	actor_ties *rows = xcalloc(net->nactors ? net->nactors : 1, sizeof *rows);
	for (size_t i = 0; i < net->nactors; i++)
		rows[i].actor = i;
	for (size_t i = 0; i < view->nlinks; i++) {
		const an_link *l = &net->links[view->links[i]];
		if (net->ties[l->tie].mutual) {
			rows[l->from].mutual++;
			rows[l->to].mutual++;
		} else {
			rows[l->from].out++;
			rows[l->to].in++;
		}
	}
	qsort(rows, net->nactors, sizeof *rows, by_ties);
	static const char *const header[] = {"actor", "name", "kind", "out", "in", "mutual", "total"};
	table_init(tab, "actors", 7);
	for (size_t c = 0; c < 7; c++) {
		table_add(tab, xstrdup(header[c]));
		tab->numeric[c] = c >= 3;
	}
	for (size_t i = 0; i < net->nactors; i++) {
		const actor_ties *r = &rows[i];
		const an_actor *a = &net->actors[r->actor];
		if (!view->actor_shown[r->actor])
			continue;
		table_add(tab, xstrdup(a->id.text));
		table_add(tab, xstrdup(an_actor_name_in(a, view)));
		table_add(tab, xstrdup(an_shown_kind_name(an_shown_kind(a))));
		table_add(tab, count_text(r->out));
		table_add(tab, count_text(r->in));
		table_add(tab, count_text(r->mutual));
		table_add(tab, count_text(r->out + r->in + r->mutual));
	}
	free(rows);
}

static const char *step_name(const an_step *step, char *buf, size_t size)
{
	if (step->decade)
		return "decade";
	if (step->years == 1)
		return "year";
	snprintf(buf, size, "%dy", step->years);
	return buf;
}

/* Per tie of the network: how many of its pairs the view has, for its joint ties (0 for the others). */
static size_t *joint_pairs(const an_view *view, size_t *njoint)
{
	const an_network *net = view->net;
	size_t *pairs = xcalloc(net->nties + 1, sizeof *pairs);
	*njoint = 0;
	for (size_t i = 0; i < view->nlinks; i++) {
		size_t tie = net->links[view->links[i]].tie;
		if (an_tie_is_joint(&net->ties[tie]))
			*njoint += pairs[tie]++ == 0;
	}
	return pairs;
}

/* How the tables count joint ties: once per pair ("accords (6 pairs)"), JSON or text. */
static void put_joint_note(strbuf *b, const an_view *view, bool json)
{
	enum { SHOWN = 3 };
	size_t njoint, shown = 0;
	size_t *pairs = joint_pairs(view, &njoint);
	if (json)
		sb_puts(b, ",\n  \"joint_ties\": {");
	else if (njoint)
		sb_printf(b, "\nA joint tie (mutual, among three actors or more) counts once for each pair of its actors: ");
	for (size_t t = 0; t < view->net->nties && (json || shown < SHOWN); t++) {
		if (!pairs[t])
			continue;
		if (json) {
			sb_puts(b, shown ? ", " : "");
			sb_put_json(b, view->net->ties[t].key);
			sb_printf(b, ": %zu", pairs[t]);
		} else {
			sb_printf(b, "%s%s (%zu pair%s)", shown ? ", " : "", view->net->ties[t].key, pairs[t],
			          pairs[t] == 1 ? "" : "s");
		}
		shown++;
	}
	if (json)
		sb_puts(b, "}");
	else if (njoint > shown)
		sb_printf(b, " and %zu more.\n", njoint - shown);
	else if (njoint)
		sb_puts(b, ".\n");
	free(pairs);
}

char *an_stats(const an_view *view, const an_stats_options *opt, size_t *len, an_diags *diags)
{
	const an_network *net = view->net;
	unsigned wanted = opt->tables ? opt->tables : AN_TABLE_PERIODS | AN_TABLE_KINDS | AN_TABLE_ACTORS;
	an_period *periods = NULL;
	size_t nperiods = 0;
	if ((wanted & AN_TABLE_PERIODS) && !table_periods(view, &opt->step, &periods, &nperiods)) {
		an_error(diags, (an_pos){0, 0},
		         "%zu periods are too many for one table (at most %d): use a longer --by step, or --period",
		         nperiods, AN_SERIES_MAX);
		return NULL;
	}
	table tables[3];
	size_t ntables = 0;
	if (wanted & AN_TABLE_PERIODS)
		periods_table(&tables[ntables++], view, opt, periods, nperiods);
	free(periods);
	if (wanted & AN_TABLE_KINDS)
		kinds_table(&tables[ntables++], view);
	if (wanted & AN_TABLE_ACTORS)
		actors_table(&tables[ntables++], view);

	char step[16];
	const char *by = step_name(&opt->step, step, sizeof step);
	strbuf b;
	sb_init(&b);
	if (opt->format == AN_STATS_JSON) {
		sb_puts(&b, "{\n  \"title\": ");
		sb_put_json(&b, net->title.text ? net->title.text : "");
		sb_puts(&b, ",\n  \"period\": ");
		if (view->has_period)
			sb_put_json(&b, view->period_text);
		else
			sb_puts(&b, "null");
		sb_puts(&b, ",\n  \"by\": ");
		sb_put_json(&b, by);
		sb_printf(&b, ",\n  \"certain\": %s", opt->certain ? "true" : "false");
		if (wanted & (AN_TABLE_PERIODS | AN_TABLE_ACTORS))
			put_joint_note(&b, view, true);
		for (size_t i = 0; i < ntables; i++)
			put_json_table(&b, &tables[i]);
		sb_puts(&b, "\n}\n");
	}
	for (size_t i = 0; i < ntables && opt->format != AN_STATS_JSON; i++) {
		const table *t = &tables[i];
		if (i > 0)
			sb_puts(&b, opt->format == AN_STATS_CSV ? "\r\n" : "\n");
		if (opt->format == AN_STATS_CSV) {
			put_csv_table(&b, t);
			continue;
		}
		const char *title = net->title.text ? net->title.text : "";
		const char *period = view->has_period ? view->period_text : "";
		const char *sep = view->has_period ? ", " : "";
		if (strcmp(t->name, "periods") == 0)
			sb_printf(&b, "%s%s%s: ties per %s and type%s\n", title, sep, period, by,
			          opt->certain ? " (certainly in the period)" : "");
		else if (strcmp(t->name, "kinds") == 0)
			sb_printf(&b, "%s%s%s: actors per kind\n", title, sep, period);
		else
			sb_printf(&b, "%s%s%s: ties of each actor\n", title, sep, period);
		put_text_table(&b, t);
	}
	if (opt->format == AN_STATS_TEXT && (wanted & (AN_TABLE_PERIODS | AN_TABLE_ACTORS)))
		put_joint_note(&b, view, false);
	for (size_t i = 0; i < ntables; i++)
		table_free(&tables[i]);
	return sb_take(&b, len);
}
