/* dates.c: parses `when` dates (an EDTF subset) and command-line periods, and compares and labels them. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

#define EN_DASH "\xe2\x80\x93" /* U+2013 EN DASH, between the ends of a range */

static const char *const month_names[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

static const char *const month_abbrevs[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const char date_shape[] = "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD";
static const char period_shape[] =
	"not a period: expected 1990s, 2017, 1990-1999, 2009-12, 2010- or a date";

/* Writes the problem (truncated to size, always terminated) and returns false. */
__attribute__((format(printf, 3, 4)))
static bool fail(char *problem, size_t size, const char *fmt, ...)
{
	if (size > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(problem, size, fmt, ap);
		va_end(ap);
	}
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_qualifier(char c)
{
	return c == '?' || c == '~' || c == '%';
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* The value of n digits, an X counting as 0. */
static int digits_value(const char *s, size_t n)
{
	int value = 0;
	for (size_t i = 0; i < n; i++)
		value = value * 10 + (s[i] == 'X' ? 0 : s[i] - '0');
	return value;
}

static bool is_leap_year(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/*
 * Howard Hinnant's days_from_civil: years are counted from 1 March, so the
 * leap day ends a year, and 400-year eras repeat exactly (146097 days).
 */
int32_t an_days_from_civil(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t year_of_era = y - era * 400;
	int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	return (int32_t)(era * 146097 + day_of_era - 719468);
}

void an_civil_from_days(int32_t days, int *year, int *month, int *day)
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t day_of_era = z - era * 146097;
	int64_t year_of_era =
		(day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	int64_t march_month = (5 * day_of_year + 2) / 153; /* 0 = March ... 11 = February */
	*day = (int)(day_of_year - (153 * march_month + 2) / 5 + 1);
	*month = (int)(march_month < 10 ? march_month + 3 : march_month - 9);
	*year = (int)(year_of_era + era * 400 + (*month <= 2));
}

/* Years 0000 to 9999 fit; others are cut to the 10 characters. */
void an_day_format(int32_t day, char *buf)
{
	int y, m, d;
	an_civil_from_days(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

/*
 * Parses the date s[0..len): YYYY, YYYY-MM or YYYY-MM-DD, X for the last one
 * or two digits of a lone year, then at most one qualifier. `shape` is the
 * problem to report when the text has none of these forms.
 */
static bool parse_date(const char *s, size_t len, const char *shape, an_date *d, char *problem,
                       size_t size)
{
	memset(d, 0, sizeof *d);
	d->kind = AN_BOUND_DATE;
	if (len > 0 && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[len - 1])))
		return fail(problem, size, "spaces are not allowed around a date");
	if (len > 0 && is_qualifier(s[len - 1]))
		d->qualifier = s[--len];
	for (size_t i = 0; i < len; i++)
		if (is_qualifier(s[i]))
			return fail(problem, size, "%s",
			            i + 1 == len && d->qualifier ? "a date takes at most one qualifier (?, ~ or %)"
			                                         : "a qualifier (?, ~ or %) may only end a date");

	if (len != 4 && len != 7 && len != 10)
		return fail(problem, size, "%s", shape);
	for (size_t i = 0; i < len; i++) {
		bool ok = i == 4 || i == 7 ? s[i] == '-' : is_digit(s[i]) || s[i] == 'X' || s[i] == 'x';
		if (!ok)
			return fail(problem, size, "%s", shape);
	}
	if (memchr(s, 'x', len))
		return fail(problem, size, "unspecified digits are written X, not x");
	int x = 0;
	while (x < 4 && s[3 - x] == 'X')
		x++;
	if (x > 2 || memchr(s, 'X', (size_t)(4 - x)) || memchr(s + 4, 'X', len - 4))
		return fail(problem, size, "X may only replace the last one or two digits of a year");
	if (x > 0 && len > 4)
		return fail(problem, size, "a year with X cannot have a month or day");

	d->year = digits_value(s, 4);
	d->unspecified = x;
	if (len == 4) {
		static const int years[3] = {1, 10, 100}; /* how many years 1995, 199X, 19XX mean */
		d->precision = AN_PREC_YEAR;
		d->first = an_days_from_civil(d->year, 1, 1);
		d->last = an_days_from_civil(d->year + years[x] - 1, 12, 31);
		return true;
	}
	d->month = digits_value(s + 5, 2);
	if (d->month < 1 || d->month > 12)
		return fail(problem, size, "month must be 01 to 12");
	if (len == 7) {
		d->precision = AN_PREC_MONTH;
		d->first = an_days_from_civil(d->year, d->month, 1);
		d->last = an_days_from_civil(d->year, d->month, days_in_month(d->year, d->month));
		return true;
	}
	d->day = digits_value(s + 8, 2);
	if (d->day < 1 || d->day > 31)
		return fail(problem, size, "day must be 01 to 31");
	if (d->day > days_in_month(d->year, d->month))
		return fail(problem, size, "%s %04d has no day %d", month_names[d->month - 1], d->year,
		            d->day);
	d->precision = AN_PREC_DAY;
	d->first = d->last = an_days_from_civil(d->year, d->month, d->day);
	return true;
}

/* Parses one end of an interval: nothing (unknown), ".." (open) or a date. */
static bool parse_bound(const char *s, size_t len, const char *shape, an_date *d, char *problem,
                        size_t size)
{
	if (len == 0 || (len == 2 && memcmp(s, "..", 2) == 0)) {
		memset(d, 0, sizeof *d);
		d->kind = len == 0 ? AN_BOUND_UNKNOWN : AN_BOUND_OPEN;
		/* An open or unknown end can be any day. */
		d->first = AN_DAY_MIN;
		d->last = AN_DAY_MAX;
		return true;
	}
	return parse_date(s, len, shape, d, problem, size);
}

/* Sets the days of w from its start and end. */
static void resolve(an_when *w)
{
	const an_date *start = &w->start, *end = &w->end;
	bool dated_start = start->kind == AN_BOUND_DATE, dated_end = end->kind == AN_BOUND_DATE;
	w->days.first_day = dated_start ? start->first : AN_DAY_MIN;
	w->days.last_day = dated_end ? end->last : AN_DAY_MAX;
	/* An unknown start is only known to come before the end; an unknown end, after the start. */
	if (dated_start)
		w->days.certain_first = start->last;
	else
		w->days.certain_first = start->kind == AN_BOUND_OPEN ? AN_DAY_MIN : end->last;
	if (dated_end)
		w->days.certain_last = end->first;
	else
		w->days.certain_last = end->kind == AN_BOUND_OPEN ? AN_DAY_MAX : start->first;
	w->days.uncertain = start->qualifier != '\0' || end->qualifier != '\0';
}

/* Parses `when` text into *out, which is written only on success. */
static bool parse_when(const char *text, const char *shape, an_when *out, char *problem, size_t size)
{
	an_when w;
	memset(&w, 0, sizeof w);
	const char *slash = strchr(text, '/');
	if (!slash) {
		if (strcmp(text, "..") == 0)
			return fail(problem, size, "an open end (..) needs an interval, e.g. 1973/..");
		if (!parse_date(text, strlen(text), shape, &w.start, problem, size))
			return false;
		w.end = w.start;
		resolve(&w);
		*out = w;
		return true;
	}
	if (strchr(slash + 1, '/'))
		return fail(problem, size, "an interval has only one /");
	const char *end = slash + 1;
	size_t start_len = (size_t)(slash - text), end_len = strlen(end);
	if (!parse_bound(text, start_len, shape, &w.start, problem, size) ||
	    !parse_bound(end, end_len, shape, &w.end, problem, size))
		return false;
	if (w.start.kind != AN_BOUND_DATE && w.end.kind != AN_BOUND_DATE)
		return fail(problem, size, "an interval needs a start or an end");
	if (w.start.kind == AN_BOUND_DATE && w.end.kind == AN_BOUND_DATE && w.end.last < w.start.first)
		return fail(problem, size, "the end (%.*s) is before the start (%.*s)", (int)end_len, end,
		            (int)start_len, text);
	w.interval = true;
	resolve(&w);
	*out = w;
	return true;
}

/* The month a word names (January, Jan, jan., Sept), 1 to 12, or 0. */
static int month_named(const char *word, size_t len)
{
	while (len > 0 && (word[len - 1] == '.' || word[len - 1] == ','))
		len--;
	if (len == 4 && strncasecmp(word, "sept", 4) == 0)
		return 9;
	for (int m = 0; m < 12; m++)
		if ((len == 3 && strncasecmp(word, month_abbrevs[m], 3) == 0) ||
		    (len == strlen(month_names[m]) && strncasecmp(word, month_names[m], len) == 0))
			return m + 1;
	return 0;
}

/*
 * What a `when` that is not one was probably meant to be, as a problem to
 * report: a decade (1990s), a range with a dash (1994-2001, 1980 - 1989), a
 * month or a day in words (March 2003, 11 March 2003, March 11, 2003).
 * False when it looks like none of these.
 */
static bool suggest_when(const char *text, char *problem, size_t size)
{
	size_t len = strlen(text);
	int year, end;
	char tail[2];
	if (len == 5 && all_digits(text, 4) && text[3] == '0' && text[4] == 's') {
		snprintf(problem, size, "a decade is written %.3sX (X stands for its last digit)", text);
		return true;
	}
	if (sscanf(text, "%4d - %4d%1s", &year, &end, tail) == 2 && all_digits(text, 4) && len >= 9 &&
	    all_digits(text + len - 4, 4)) {
		snprintf(problem, size, "an interval is written %04d/%04d (a slash between its ends)", year, end);
		return true;
	}
	/* Words: up to three, a day, a month's name and a year in either order. */
	char words[3][16];
	int n = sscanf(text, "%15s %15s %15s %1s", words[0], words[1], words[2], tail);
	if (n < 2 || n > 3)
		return false;
	int month = 0, day = 0;
	year = 0;
	for (int i = 0; i < n; i++) {
		size_t w = strlen(words[i]);
		while (w > 0 && words[i][w - 1] == ',')
			words[i][--w] = '\0';
		int named = month_named(words[i], w);
		if (named && !month)
			month = named;
		else if (w == 4 && all_digits(words[i], 4) && !year)
			year = digits_value(words[i], 4);
		else if (w >= 1 && w <= 2 && all_digits(words[i], w) && !day)
			day = digits_value(words[i], w);
		else
			return false;
	}
	if (!month || !year || (n == 3) != (day > 0) || day > days_in_month(year, month))
		return false;
	if (day)
		snprintf(problem, size, "a day is written %04d-%02d-%02d (YYYY-MM-DD)", year, month, day);
	else
		snprintf(problem, size, "a month is written %04d-%02d (YYYY-MM)", year, month);
	return true;
}

bool an_when_parse(const char *text, an_when *out, char *problem, size_t size)
{
	if (parse_when(text, date_shape, out, problem, size))
		return true;
	suggest_when(text, problem, size);
	return false;
}

bool an_period_parse(const char *text, an_when *out, char *problem, size_t size)
{
	/* The shorthands are `when` text in other words: 1990s is 199X, 1990-1999 is 1990/1999, 2010- is 2010/.. */
	char when[16];
	const char *parsed = text;
	size_t len = strlen(text);
	if (len == 5 && all_digits(text, 4) && text[4] == 's') {
		if (text[3] != '0')
			return fail(problem, size, "a decade must start with a year ending in 0");
		snprintf(when, sizeof when, "%.3sX", text);
		parsed = when;
	} else if (len == 9 && all_digits(text, 4) && text[4] == '-' && all_digits(text + 5, 4)) {
		snprintf(when, sizeof when, "%.4s/%.4s", text, text + 5);
		parsed = when;
	} else if (len == 5 && all_digits(text, 4) && text[4] == '-') {
		snprintf(when, sizeof when, "%.4s/..", text);
		parsed = when;
	} else if (len == 7 && all_digits(text, 4) && text[4] == '-' && all_digits(text + 5, 2) &&
	           (text[5] > '1' || (text[5] == '1' && text[6] > '2'))) {
		return fail(problem, size, "not a month (01 to 12); for a range of years write both in full, e.g. 2009-2013");
	}
	an_when w;
	if (!parse_when(parsed, period_shape, &w, problem, size))
		return false;
	if (w.days.uncertain)
		return fail(problem, size, "a period is exact: leave out ?, ~ and %%");
	/* A period is every day from its first to its last: all of them certainly. */
	w.days.certain_first = w.days.first_day;
	w.days.certain_last = w.days.last_day;
	*out = w;
	return true;
}

static void day_bound(int32_t day, int32_t infinite, an_date *d)
{
	memset(d, 0, sizeof *d);
	if (day == infinite) {
		d->kind = AN_BOUND_OPEN;
		d->first = AN_DAY_MIN;
		d->last = AN_DAY_MAX;
		return;
	}
	d->kind = AN_BOUND_DATE;
	d->precision = AN_PREC_DAY;
	int year, month, mday;
	an_civil_from_days(day, &year, &month, &mday);
	d->year = (int16_t)year; /* the days of 4-digit years */
	d->month = (signed char)month;
	d->day = (signed char)mday;
	d->first = d->last = day;
}

void an_when_from_days(int32_t first, int32_t last, an_when *out)
{
	memset(out, 0, sizeof *out);
	out->interval = true;
	day_bound(first, AN_DAY_MIN, &out->start);
	day_bound(last, AN_DAY_MAX, &out->end);
	resolve(out);
}

static int32_t later(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

static int32_t earlier(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

bool an_days_clip(an_days *days, const an_when *within)
{
	an_days was = *days;
	const an_days *w = &within->days;
	days->first_day = later(days->first_day, w->first_day);
	days->last_day = earlier(days->last_day, w->last_day);
	/* Certainly in force only while the actor certainly exists: narrowed even where the possible days fit. */
	days->certain_first = later(days->certain_first, w->certain_first);
	days->certain_last = earlier(days->certain_last, w->certain_last);
	return days->first_day != was.first_day || days->last_day != was.last_day ||
	       days->certain_first != was.certain_first || days->certain_last != was.certain_last;
}

bool an_days_overlap(const an_days *days, const an_when *period, bool certain)
{
	if (certain)
		return !days->uncertain && days->certain_first <= period->days.last_day &&
		       days->certain_last >= period->days.first_day;
	return days->first_day <= period->days.last_day && days->last_day >= period->days.first_day;
}

/* Copies the label into buf, cut (if it must be) before a whole UTF-8 character. */
static void copy_label(const char *label, char *buf, size_t size)
{
	if (size == 0)
		return;
	size_t n = strlen(label);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)label[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, label, n);
	buf[n] = '\0';
}

static void date_label(const an_date *d, char *buf, size_t size)
{
	char date[32];
	if (d->unspecified == 1)
		snprintf(date, sizeof date, "%04ds", d->year);
	else if (d->unspecified == 2)
		snprintf(date, sizeof date, "%02dXX", d->year / 100);
	else if (d->precision == AN_PREC_YEAR)
		snprintf(date, sizeof date, "%04d", d->year);
	else if (d->precision == AN_PREC_MONTH)
		snprintf(date, sizeof date, "%s %04d", month_abbrevs[d->month - 1], d->year);
	else
		snprintf(date, sizeof date, "%d %s %04d", d->day, month_abbrevs[d->month - 1], d->year);
	char q = d->qualifier;
	snprintf(buf, size, "%s%s%s", q == '~' || q == '%' ? "c. " : "", date,
	         q == '?' || q == '%' ? "?" : "");
}

static void bound_label(const an_date *d, char *buf, size_t size)
{
	if (d->kind == AN_BOUND_DATE)
		date_label(d, buf, size);
	else
		snprintf(buf, size, "%s", d->kind == AN_BOUND_UNKNOWN ? "?" : "");
}

void an_when_label(const an_when *w, char *buf, size_t size)
{
	char start[48], end[48], label[112];
	if (w->interval) {
		bound_label(&w->start, start, sizeof start);
		bound_label(&w->end, end, sizeof end);
		snprintf(label, sizeof label, "%s" EN_DASH "%s", start, end);
	} else {
		date_label(&w->start, label, sizeof label);
	}
	copy_label(label, buf, size);
}

/* One end of a period: its year when the period starts on 1 January (or ends on 31 December). */
static void period_end_label(int32_t day, bool start, char *buf, size_t size)
{
	int y, m, d;
	an_civil_from_days(day, &y, &m, &d);
	if (start ? m == 1 && d == 1 : m == 12 && d == 31)
		snprintf(buf, size, "%04d", y);
	else
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

void an_period_label(const an_when *p, char *buf, size_t size)
{
	char first[32], last[32], label[80];
	bool open_start = p->days.first_day == AN_DAY_MIN, open_end = p->days.last_day == AN_DAY_MAX;
	if (open_start && open_end) {
		snprintf(label, sizeof label, "all dates");
	} else if (open_start) {
		period_end_label(p->days.last_day, false, last, sizeof last);
		snprintf(label, sizeof label, EN_DASH "%s", last);
	} else if (open_end) {
		period_end_label(p->days.first_day, true, first, sizeof first);
		snprintf(label, sizeof label, "%s" EN_DASH, first);
	} else {
		int y1, m1, d1, y2, m2, d2;
		an_civil_from_days(p->days.first_day, &y1, &m1, &d1);
		an_civil_from_days(p->days.last_day, &y2, &m2, &d2);
		bool whole_months = d1 == 1 && d2 == days_in_month(y2, m2);
		bool whole_years = whole_months && m1 == 1 && m2 == 12;
		if (whole_years && y1 == y2)
			snprintf(label, sizeof label, "%04d", y1);
		else if (whole_years)
			snprintf(label, sizeof label, "%04d" EN_DASH "%04d", y1, y2);
		else if (whole_months && y1 == y2 && m1 == m2)
			snprintf(label, sizeof label, "%s %04d", month_abbrevs[m1 - 1], y1);
		else if (whole_months)
			snprintf(label, sizeof label, "%s %04d" EN_DASH "%s %04d", month_abbrevs[m1 - 1], y1,
			         month_abbrevs[m2 - 1], y2);
		else {
			an_day_format(p->days.first_day, first);
			an_day_format(p->days.last_day, last);
			if (p->days.first_day == p->days.last_day)
				snprintf(label, sizeof label, "%s", first);
			else
				snprintf(label, sizeof label, "%s" EN_DASH "%s", first, last);
		}
	}
	copy_label(label, buf, size);
}

bool an_step_parse(const char *text, an_step *out, char *problem, size_t size)
{
	if (strcmp(text, "decade") == 0) {
		*out = (an_step){10, true};
		return true;
	}
	if (strcmp(text, "year") == 0) {
		*out = (an_step){1, false};
		return true;
	}
	size_t len = strlen(text);
	if (len < 2 || len > 5 || text[len - 1] != 'y' || !all_digits(text, len - 1) || text[0] == '0')
		return fail(problem, size, "use decade, year, or a number of years such as 5y");
	int years = digits_value(text, len - 1);
	if (years > 1000)
		return fail(problem, size, "a step is at most 1000y");
	*out = (an_step){years, false};
	return true;
}

an_period *an_series(const an_step *step, int first, int last, size_t *count)
{
	int start = first - first % step->years; /* years are never negative */
	size_t n = last < start ? 0 : (size_t)((last - start) / step->years + 1);
	*count = n;
	if (n > AN_SERIES_MAX)
		return NULL;
	an_period *periods = xcalloc(n ? n : 1, sizeof *periods);
	for (size_t i = 0; i < n; i++) {
		int y1 = start + (int)i * step->years, y2 = y1 + step->years - 1;
		an_period *p = &periods[i];
		if (step->decade)
			snprintf(p->name, sizeof p->name, "%04ds", y1);
		else if (step->years == 1)
			snprintf(p->name, sizeof p->name, "%04d", y1);
		else
			snprintf(p->name, sizeof p->name, "%04d-%04d", y1, y2);
		an_when_from_days(an_days_from_civil(y1, 1, 1), an_days_from_civil(y2, 12, 31), &p->when);
	}
	return periods;
}
