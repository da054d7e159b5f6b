/* test_dates.c: parsing, resolving, comparing and labelling `when` dates and periods. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"

#define MIN AN_DAY_MIN
#define MAX AN_DAY_MAX

static const char date_shape[] = "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD";
static const char period_shape[] =
	"not a period: expected 1990s, 2017, 1990-1999, 2009-12, 2010- or a date";

static int32_t ymd(int year, int month, int day)
{
	return an_days_from_civil(year, month, day);
}

/* The day as text for failure messages: YYYY-MM-DD, -inf or +inf. */
static const char *show(int32_t day, char *buf)
{
	if (day == MIN)
		return strcpy(buf, "-inf");
	if (day == MAX)
		return strcpy(buf, "+inf");
	an_day_format(day, buf);
	return buf;
}

/* Checks the four days of w: first_day, last_day, certain_first, certain_last. */
static void check_days(const char *text, const an_when *w, int32_t first, int32_t last,
                       int32_t certain_first, int32_t certain_last)
{
	if (w->days.first_day == first && w->days.last_day == last && w->days.certain_first == certain_first &&
	    w->days.certain_last == certain_last)
		return;
	char g[4][16], e[4][16];
	fail_msg("'%s': days %s %s, certain %s %s; expected %s %s, certain %s %s", text,
	         show(w->days.first_day, g[0]), show(w->days.last_day, g[1]), show(w->days.certain_first, g[2]),
	         show(w->days.certain_last, g[3]), show(first, e[0]), show(last, e[1]),
	         show(certain_first, e[2]), show(certain_last, e[3]));
}

static an_when parse_ok(const char *text)
{
	an_when w;
	char problem[128] = "";
	if (!an_when_parse(text, &w, problem, sizeof problem))
		fail_msg("'%s' rejected: %s", text, problem);
	return w;
}

static an_when period_ok(const char *text)
{
	an_when w;
	char problem[128] = "";
	if (!an_period_parse(text, &w, problem, sizeof problem))
		fail_msg("period '%s' rejected: %s", text, problem);
	return w;
}

/* A single date: an event whose start and end are the same date. */
static void check_event(const char *text, int32_t first, int32_t last, bool uncertain)
{
	an_when w = parse_ok(text);
	assert_false(w.interval);
	assert_memory_equal(&w.start, &w.end, sizeof w.start);
	assert_int_equal(w.start.kind, AN_BOUND_DATE);
	assert_int_equal(w.start.first, first);
	assert_int_equal(w.start.last, last);
	check_days(text, &w, first, last, last, first);
	assert_int_equal(w.days.uncertain, uncertain);
}

static void check_interval(const char *text, int32_t first, int32_t last, int32_t certain_first,
                           int32_t certain_last, bool uncertain)
{
	an_when w = parse_ok(text);
	assert_true(w.interval);
	check_days(text, &w, first, last, certain_first, certain_last);
	assert_int_equal(w.days.uncertain, uncertain);
}

typedef struct {
	const char *text;
	const char *problem;
} reject;

/* Each text is refused with exactly its problem, and *out is left as it was. */
static void check_rejects(const reject *cases, size_t n, bool period)
{
	for (size_t i = 0; i < n; i++) {
		an_when w, before;
		memset(&w, 0x5a, sizeof w);
		before = w;
		char problem[128] = "unchanged";
		bool ok = period ? an_period_parse(cases[i].text, &w, problem, sizeof problem)
		                 : an_when_parse(cases[i].text, &w, problem, sizeof problem);
		if (ok)
			fail_msg("'%s' accepted", cases[i].text);
		if (strcmp(problem, cases[i].problem) != 0)
			fail_msg("'%s': problem \"%s\", expected \"%s\"", cases[i].text, problem,
			         cases[i].problem);
		assert_memory_equal(&w, &before, sizeof w);
	}
}

typedef struct {
	const char *text;
	const char *label;
} labelled;

static void test_days_from_civil(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(1990, 1, 1), 7305);
	assert_int_equal(ymd(1999, 12, 31), 10956);
	assert_int_equal(ymd(2000, 2, 29), 11016);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(1, 1, 1), -719162);
	assert_int_equal(ymd(0, 1, 1), -719528);
	assert_int_equal(ymd(9999, 12, 31), 2932896);
}

/* Every day of the years 0000-9999 goes to its date and back, one day after the other. */
static void test_civil_round_trip(void **state)
{
	(void)state;
	int year = 0, month = 1, day = 1;
	for (int32_t d = ymd(0, 1, 1); d <= ymd(9999, 12, 31); d++) {
		int y, m, dd;
		an_civil_from_days(d, &y, &m, &dd);
		if (y != year || m != month || dd != day)
			fail_msg("day %d: %04d-%02d-%02d, expected %04d-%02d-%02d", (int)d, y, m, dd, year,
			         month, day);
		if (an_days_from_civil(y, m, dd) != d)
			fail_msg("%04d-%02d-%02d is not day %d", y, m, dd, (int)d);
		static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
		if (++day > lengths[month - 1] + (month == 2 && leap)) {
			day = 1;
			if (++month > 12) {
				month = 1;
				year++;
			}
		}
	}
	/* The extremes are not dates, but must not overflow. */
	int y, m, d;
	an_civil_from_days(MIN, &y, &m, &d);
	assert_int_equal(an_days_from_civil(y, m, d), MIN);
	an_civil_from_days(MAX, &y, &m, &d);
	assert_int_equal(an_days_from_civil(y, m, d), MAX);
}

static void test_day_format(void **state)
{
	(void)state;
	char buf[11];
	an_day_format(0, buf);
	assert_string_equal(buf, "1970-01-01");
	an_day_format(ymd(2009, 12, 11), buf);
	assert_string_equal(buf, "2009-12-11");
	an_day_format(ymd(0, 1, 1), buf);
	assert_string_equal(buf, "0000-01-01");
	an_day_format(ymd(999, 3, 5), buf);
	assert_string_equal(buf, "0999-03-05");
	an_day_format(ymd(9999, 12, 31), buf);
	assert_string_equal(buf, "9999-12-31");
}

static void test_parse_dates(void **state)
{
	(void)state;
	check_event("1995", ymd(1995, 1, 1), ymd(1995, 12, 31), false);
	check_event("2009-12", ymd(2009, 12, 1), ymd(2009, 12, 31), false);
	check_event("2009-11", ymd(2009, 11, 1), ymd(2009, 11, 30), false);
	check_event("2009-12-11", ymd(2009, 12, 11), ymd(2009, 12, 11), false);
	check_event("0000", ymd(0, 1, 1), ymd(0, 12, 31), false);
	check_event("9999-12-31", ymd(9999, 12, 31), ymd(9999, 12, 31), false);

	an_when w = parse_ok("1995");
	assert_int_equal(w.start.precision, AN_PREC_YEAR);
	assert_int_equal(w.start.year, 1995);
	assert_int_equal(w.start.month, 0);
	assert_int_equal(w.start.unspecified, 0);
	assert_int_equal(w.start.qualifier, '\0');
	w = parse_ok("2009-12");
	assert_int_equal(w.start.precision, AN_PREC_MONTH);
	assert_int_equal(w.start.year, 2009);
	assert_int_equal(w.start.month, 12);
	assert_int_equal(w.start.day, 0);
	w = parse_ok("2009-12-11");
	assert_int_equal(w.start.precision, AN_PREC_DAY);
	assert_int_equal(w.start.year, 2009);
	assert_int_equal(w.start.month, 12);
	assert_int_equal(w.start.day, 11);
}

static void test_parse_unspecified(void **state)
{
	(void)state;
	check_event("199X", ymd(1990, 1, 1), ymd(1999, 12, 31), false);
	check_event("19XX", ymd(1900, 1, 1), ymd(1999, 12, 31), false);
	check_event("200X", ymd(2000, 1, 1), ymd(2009, 12, 31), false);
	check_event("00XX", ymd(0, 1, 1), ymd(99, 12, 31), false);
	an_when w = parse_ok("199X");
	assert_int_equal(w.start.precision, AN_PREC_YEAR);
	assert_int_equal(w.start.year, 1990);
	assert_int_equal(w.start.unspecified, 1);
	w = parse_ok("19XX");
	assert_int_equal(w.start.year, 1900);
	assert_int_equal(w.start.unspecified, 2);
}

static void test_parse_qualifiers(void **state)
{
	(void)state;
	check_event("2005?", ymd(2005, 1, 1), ymd(2005, 12, 31), true);
	check_event("2009-12~", ymd(2009, 12, 1), ymd(2009, 12, 31), true);
	check_event("2009-12-11%", ymd(2009, 12, 11), ymd(2009, 12, 11), true);
	check_event("199X?", ymd(1990, 1, 1), ymd(1999, 12, 31), true);
	assert_int_equal(parse_ok("2005?").start.qualifier, '?');
	assert_int_equal(parse_ok("2009-12~").start.qualifier, '~');
	assert_int_equal(parse_ok("2009-12-11%").start.qualifier, '%');
}

static void test_parse_leap_years(void **state)
{
	(void)state;
	check_event("2000-02-29", ymd(2000, 2, 29), ymd(2000, 2, 29), false);
	check_event("2004-02-29", ymd(2004, 2, 29), ymd(2004, 2, 29), false);
	check_event("0000-02-29", ymd(0, 2, 29), ymd(0, 2, 29), false);
	check_event("2000-02", ymd(2000, 2, 1), ymd(2000, 2, 29), false);
	check_event("1900-02", ymd(1900, 2, 1), ymd(1900, 2, 28), false);
	check_event("2009-02", ymd(2009, 2, 1), ymd(2009, 2, 28), false);
	static const reject cases[] = {
		{"1900-02-29", "February 1900 has no day 29"},
		{"2009-02-29", "February 2009 has no day 29"},
		{"2100-02-29", "February 2100 has no day 29"},
		{"2009-02-30", "February 2009 has no day 30"},
		{"2009-04-31", "April 2009 has no day 31"},
		{"0900-06-31", "June 0900 has no day 31"},
	};
	check_rejects(cases, sizeof cases / sizeof *cases, false);
}

static void test_parse_intervals(void **state)
{
	(void)state;
	check_interval("1980/1988", ymd(1980, 1, 1), ymd(1988, 12, 31), ymd(1980, 12, 31),
	               ymd(1988, 1, 1), false);
	check_interval("1973/..", ymd(1973, 1, 1), MAX, ymd(1973, 12, 31), MAX, false);
	check_interval("../1989", MIN, ymd(1989, 12, 31), MIN, ymd(1989, 1, 1), false);
	check_interval("2010/", ymd(2010, 1, 1), MAX, ymd(2010, 12, 31), ymd(2010, 1, 1), false);
	check_interval("/1989", MIN, ymd(1989, 12, 31), ymd(1989, 12, 31), ymd(1989, 1, 1), false);
	check_interval("1979?/1989", ymd(1979, 1, 1), ymd(1989, 12, 31), ymd(1979, 12, 31),
	               ymd(1989, 1, 1), true);
	check_interval("1990/1999-06~", ymd(1990, 1, 1), ymd(1999, 6, 30), ymd(1990, 12, 31),
	               ymd(1999, 6, 1), true);
	check_interval("198X/..", ymd(1980, 1, 1), MAX, ymd(1989, 12, 31), MAX, false);
	check_interval("199X/1995", ymd(1990, 1, 1), ymd(1995, 12, 31), ymd(1999, 12, 31),
	               ymd(1995, 1, 1), false);
	check_interval("1995/1995", ymd(1995, 1, 1), ymd(1995, 12, 31), ymd(1995, 12, 31),
	               ymd(1995, 1, 1), false);
	check_interval("1995-06/1995", ymd(1995, 6, 1), ymd(1995, 12, 31), ymd(1995, 6, 30),
	               ymd(1995, 1, 1), false);
	check_interval("1989-12-31/1990-01-01", ymd(1989, 12, 31), ymd(1990, 1, 1), ymd(1989, 12, 31),
	               ymd(1990, 1, 1), false);

	an_when w = parse_ok("1973/..");
	assert_int_equal(w.start.kind, AN_BOUND_DATE);
	assert_int_equal(w.end.kind, AN_BOUND_OPEN);
	w = parse_ok("2010/");
	assert_int_equal(w.end.kind, AN_BOUND_UNKNOWN);
	w = parse_ok("../1989");
	assert_int_equal(w.start.kind, AN_BOUND_OPEN);
	w = parse_ok("/1989");
	assert_int_equal(w.start.kind, AN_BOUND_UNKNOWN);
	assert_int_equal(w.end.kind, AN_BOUND_DATE);
	assert_int_equal(w.end.year, 1989);
	w = parse_ok("1979?/1989");
	assert_int_equal(w.start.qualifier, '?');
	assert_int_equal(w.end.qualifier, '\0');
}

static void test_parse_rejects(void **state)
{
	(void)state;
	static const reject cases[] = {
		{"", date_shape},
		{"95", date_shape},
		{"abc", date_shape},
		{"spring 1990", date_shape},
		{"1995-1", date_shape},
		{"19950", date_shape},
		{"+1995", date_shape},
		{"1995/12/11", "an interval has only one /"},
		{"1995.12", date_shape},
		{"2009-12-1", date_shape},
		{"2009_12", date_shape},
		{"?", date_shape},
		/* Forms of prose: what was probably meant is suggested. */
		{"1990s", "a decade is written 199X (X stands for its last digit)"},
		{"1995s", date_shape},
		{"1994-2001", "an interval is written 1994/2001 (a slash between its ends)"},
		{"1980 - 1989", "an interval is written 1980/1989 (a slash between its ends)"},
		{"March 2003", "a month is written 2003-03 (YYYY-MM)"},
		{"mar. 2003", "a month is written 2003-03 (YYYY-MM)"},
		{"2003 March", "a month is written 2003-03 (YYYY-MM)"},
		{"11 March 2003", "a day is written 2003-03-11 (YYYY-MM-DD)"},
		{"Sept. 4, 2006", "a day is written 2006-09-04 (YYYY-MM-DD)"},
		{"31 February 2003", date_shape},
		{"March 11", date_shape},
		{"Marching 2003", date_shape},
		{" 1995", "spaces are not allowed around a date"},
		{"1995 ", "spaces are not allowed around a date"},
		{"1995\t", "spaces are not allowed around a date"},
		{"1990 / 1999", "spaces are not allowed around a date"},
		{"1990/ 1999", "spaces are not allowed around a date"},
		{"2009 -12", date_shape},
		{"1995-13", "month must be 01 to 12"},
		{"1995-00", "month must be 01 to 12"},
		{"2009-12-00", "day must be 01 to 31"},
		{"2009-12-32", "day must be 01 to 31"},
		{"1X95", "X may only replace the last one or two digits of a year"},
		{"1XXX", "X may only replace the last one or two digits of a year"},
		{"XXXX", "X may only replace the last one or two digits of a year"},
		{"19X5", "X may only replace the last one or two digits of a year"},
		{"2009-1X", "X may only replace the last one or two digits of a year"},
		{"2009-12-1X", "X may only replace the last one or two digits of a year"},
		{"199X-05", "a year with X cannot have a month or day"},
		{"19XX-05-01", "a year with X cannot have a month or day"},
		{"199x", "unspecified digits are written X, not x"},
		{"2005??", "a date takes at most one qualifier (?, ~ or %)"},
		{"2005?~", "a date takes at most one qualifier (?, ~ or %)"},
		{"2005?-12", "a qualifier (?, ~ or %) may only end a date"},
		{"?2005", "a qualifier (?, ~ or %) may only end a date"},
		{"/", "an interval needs a start or an end"},
		{"../..", "an interval needs a start or an end"},
		{"/..", "an interval needs a start or an end"},
		{"../", "an interval needs a start or an end"},
		{"..", "an open end (..) needs an interval, e.g. 1973/.."},
		{"1990/1995/1999", "an interval has only one /"},
		{"//", "an interval has only one /"},
		{"1990/...", date_shape},
		{"1990/abc", date_shape},
		{"1990/1989", "the end (1989) is before the start (1990)"},
		{"1999/1990", "the end (1990) is before the start (1999)"},
		{"1995-06/1995-05-31", "the end (1995-05-31) is before the start (1995-06)"},
		{"1990?/198X~", "the end (198X~) is before the start (1990?)"},
	};
	check_rejects(cases, sizeof cases / sizeof *cases, false);
}

/* The problem is cut to the caller's buffer and always terminated. */
static void test_problem_truncation(void **state)
{
	(void)state;
	an_when w;
	char problem[8];
	assert_false(an_when_parse("1995-13", &w, problem, sizeof problem));
	assert_string_equal(problem, "month m");
	memset(problem, 'z', sizeof problem);
	assert_false(an_when_parse("1995-13", &w, problem, 1));
	assert_string_equal(problem, "");
	assert_int_equal(problem[1], 'z');
	assert_false(an_when_parse("1995-13", &w, NULL, 0));
	assert_false(an_period_parse("1995s", &w, NULL, 0));
	assert_false(an_period_parse("1995s", &w, problem, sizeof problem));
	assert_string_equal(problem, "a decad");
}

static void check_overlap(const char *text, const char *period, bool possibly, bool certainly)
{
	an_when w = parse_ok(text);
	an_when p = period_ok(period);
	if (an_days_overlap(&w.days, &p, false) != possibly)
		fail_msg("'%s' is%s possibly in %s", text, possibly ? " not" : "", period);
	if (an_days_overlap(&w.days, &p, true) != certainly)
		fail_msg("'%s' is%s certainly in %s", text, certainly ? " not" : "", period);
}

static void test_overlaps(void **state)
{
	(void)state;
	check_overlap("1980/1989-12-31", "1990s", false, false);
	check_overlap("1980/1989-12-31", "1980s", true, true);
	check_overlap("1989-12-31/1990-01-01", "1990s", true, true);
	check_overlap("1989-12-31/1990-01-01", "1980s", true, true);
	check_overlap("2000-01-01/2001", "1990s", false, false);
	check_overlap("199X", "1990s", true, true);
	check_overlap("199X", "1995", true, false);
	check_overlap("199X", "1980s", false, false);
	check_overlap("1995", "1995", true, true);
	check_overlap("1995", "1995-06", true, false);
	check_overlap("1995-06-15", "1995-06", true, true);

	check_overlap("1973/..", "1960s", false, false);
	check_overlap("1973/..", "1970s", true, true);
	check_overlap("1973/..", "1980s", true, true);
	check_overlap("1973/..", "1990s", true, true);
	check_overlap("1973/..", "2000s", true, true);
	check_overlap("1973/..", "2010s", true, true);
	check_overlap("1973/..", "2020s", true, true);
	check_overlap("1973/..", "9990s", true, true);
	check_overlap("1973/..", "2010-", true, true);
	check_overlap("1973/..", "../1972", false, false);

	check_overlap("2010/", "2010s", true, true);
	check_overlap("2010/", "2020s", true, false);
	check_overlap("2010/", "2000s", false, false);
	check_overlap("/1989", "1980s", true, true);
	check_overlap("/1989", "1900s", true, false);
	check_overlap("/1989", "1990s", false, false);
	check_overlap("../1989", "0000s", true, true);
	check_overlap("../1989", "1980s", true, true);
	check_overlap("../1989", "1990s", false, false);
	check_overlap("../1989", "2010-", false, false);
	check_overlap("../1989", "../1900", true, true);

	check_overlap("1995?", "1990s", true, false);
	check_overlap("1995?", "1980s", false, false);
	check_overlap("1979?/1989", "1980s", true, false);

	/* A period from days that covers everything, with dates that reach the extremes. */
	an_when all;
	an_when_from_days(MIN, MAX, &all);
	an_when w = parse_ok("../1989");
	assert_true(an_days_overlap(&w.days, &all, false));
	assert_true(an_days_overlap(&w.days, &all, true));
	w = parse_ok("1973/..");
	assert_true(an_days_overlap(&w.days, &all, true));
	w = parse_ok("0000-01-01");
	assert_true(an_days_overlap(&w.days, &all, true));
}

static void test_when_labels(void **state)
{
	(void)state;
	static const labelled cases[] = {
		{"1995", "1995"},
		{"0800", "0800"},
		{"199X", "1990s"},
		{"19XX", "19XX"},
		{"2009-12", "Dec 2009"},
		{"2009-01", "Jan 2009"},
		{"2009-12-11", "11 Dec 2009"},
		{"2009-05-01", "1 May 2009"},
		{"1995?", "1995?"},
		{"1995~", "c. 1995"},
		{"1995%", "c. 1995?"},
		{"199X~", "c. 1990s"},
		{"2009-12-11?", "11 Dec 2009?"},
		{"1980/1988", "1980\xe2\x80\x93" "1988"},
		{"1973/..", "1973\xe2\x80\x93"},
		{"2010/", "2010\xe2\x80\x93?"},
		{"../1989", "\xe2\x80\x93" "1989"},
		{"/1989", "?\xe2\x80\x93" "1989"},
		{"1979?/1989", "1979?\xe2\x80\x93" "1989"},
		{"198X/..", "1980s\xe2\x80\x93"},
		{"2009-12~/2010-02-03%", "c. Dec 2009\xe2\x80\x93" "c. 3 Feb 2010?"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		an_when w = parse_ok(cases[i].text);
		char label[64];
		an_when_label(&w, label, sizeof label);
		if (strcmp(label, cases[i].label) != 0)
			fail_msg("'%s': label \"%s\", expected \"%s\"", cases[i].text, label, cases[i].label);
	}
}

/* A label cut to a small buffer stays terminated and never splits the dash. */
static void test_label_truncation(void **state)
{
	(void)state;
	an_when w = parse_ok("1980/1988");
	char buf[16];
	static const struct {
		size_t size;
		const char *label;
	} cases[] = {
		{1, ""}, {2, "1"}, {5, "1980"}, {6, "1980"}, {7, "1980"}, {8, "1980\xe2\x80\x93"},
		{12, "1980\xe2\x80\x93" "1988"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		memset(buf, 'z', sizeof buf);
		an_when_label(&w, buf, cases[i].size);
		assert_string_equal(buf, cases[i].label);
		assert_int_equal(buf[cases[i].size], 'z');
	}
	memset(buf, 'z', sizeof buf);
	an_when_label(&w, buf, 0);
	assert_int_equal(buf[0], 'z');

	an_when p = period_ok("1990s");
	an_period_label(&p, buf, 7);
	assert_string_equal(buf, "1990");
	an_period_label(&p, buf, 0);
	assert_string_equal(buf, "1990");
}

static void check_period(const char *text, int32_t first, int32_t last)
{
	an_when p = period_ok(text);
	/* A period means all of its days: its certain bounds are its bounds. */
	check_days(text, &p, first, last, first, last);
}

static void test_period_parse(void **state)
{
	(void)state;
	check_period("1990s", ymd(1990, 1, 1), ymd(1999, 12, 31));
	check_period("2000s", ymd(2000, 1, 1), ymd(2009, 12, 31));
	check_period("0000s", ymd(0, 1, 1), ymd(9, 12, 31));
	check_period("2017", ymd(2017, 1, 1), ymd(2017, 12, 31));
	check_period("1990-1999", ymd(1990, 1, 1), ymd(1999, 12, 31));
	check_period("1990-1990", ymd(1990, 1, 1), ymd(1990, 12, 31));
	check_period("2009-12", ymd(2009, 12, 1), ymd(2009, 12, 31));
	check_period("2010-", ymd(2010, 1, 1), MAX);
	check_period("1990/1999", ymd(1990, 1, 1), ymd(1999, 12, 31));
	check_period("2010/..", ymd(2010, 1, 1), MAX);
	check_period("2010/", ymd(2010, 1, 1), MAX);
	check_period("../1989", MIN, ymd(1989, 12, 31));
	check_period("/1989", MIN, ymd(1989, 12, 31));
	check_period("2009-12-11", ymd(2009, 12, 11), ymd(2009, 12, 11));
	check_period("2009-12/2010-02", ymd(2009, 12, 1), ymd(2010, 2, 28));
	check_period("199X", ymd(1990, 1, 1), ymd(1999, 12, 31));
	check_period("19XX", ymd(1900, 1, 1), ymd(1999, 12, 31));
	check_period("198X/..", ymd(1980, 1, 1), MAX);

	/* A decade is the year with its last digit unspecified. */
	an_when p = period_ok("1990s");
	assert_false(p.interval);
	assert_int_equal(p.start.year, 1990);
	assert_int_equal(p.start.unspecified, 1);
	char label[32];
	an_when_label(&p, label, sizeof label);
	assert_string_equal(label, "1990s");
	p = period_ok("1990-1999");
	assert_true(p.interval);
	assert_int_equal(p.start.year, 1990);
	assert_int_equal(p.end.year, 1999);
	p = period_ok("2010-");
	assert_true(p.interval);
	assert_int_equal(p.end.kind, AN_BOUND_OPEN);
	p = period_ok("2009-12");
	assert_false(p.interval);
	assert_int_equal(p.start.precision, AN_PREC_MONTH);
}

static void test_period_rejects(void **state)
{
	(void)state;
	static const reject cases[] = {
		{"1995s", "a decade must start with a year ending in 0"},
		{"1999-1990", "the end (1990) is before the start (1999)"},
		{"2009-13", "not a month (01 to 12); for a range of years write both in full, e.g. 2009-2013"},
		{"1990-99", "not a month (01 to 12); for a range of years write both in full, e.g. 2009-2013"},
		{"1995?", "a period is exact: leave out ?, ~ and %"},
		{"1990~/1999", "a period is exact: leave out ?, ~ and %"},
		{"2009-00", "month must be 01 to 12"},
		{"abc", period_shape},
		{"", period_shape},
		{"199Xs", period_shape},
		{"1990s-", period_shape},
		{"1990-199", period_shape},
		{"1990-19999", period_shape},
		{"2010--", period_shape},
		{"2009-12-", period_shape},
		{"1990 - 1999", period_shape},
		{" 1990s", "spaces are not allowed around a date"},
		{"1990/1989", "the end (1989) is before the start (1990)"},
		{"../..", "an interval needs a start or an end"},
		{"..", "an open end (..) needs an interval, e.g. 1973/.."},
		{"2009-02-30", "February 2009 has no day 30"},
		{"199X-05", "a year with X cannot have a month or day"},
	};
	check_rejects(cases, sizeof cases / sizeof *cases, true);
}

static void test_period_labels(void **state)
{
	(void)state;
	static const labelled cases[] = {
		{"1990s", "1990\xe2\x80\x93" "1999"},
		{"2017", "2017"},
		{"1990-1999", "1990\xe2\x80\x93" "1999"},
		{"2009-01/2009-12", "2009"},
		{"1990-01/1999-12", "1990\xe2\x80\x93" "1999"},
		{"2009-12", "Dec 2009"},
		{"2000-02", "Feb 2000"},
		{"2009-12/2010-02", "Dec 2009\xe2\x80\x93" "Feb 2010"},
		{"2009-11/2009-12", "Nov 2009\xe2\x80\x93" "Dec 2009"},
		{"2009-12-11", "2009-12-11"},
		{"2009-12-01/2009-12-30", "2009-12-01\xe2\x80\x93" "2009-12-30"},
		{"2009-12-11/2010-01-05", "2009-12-11\xe2\x80\x93" "2010-01-05"},
		{"2010-", "2010\xe2\x80\x93"},
		{"2010/", "2010\xe2\x80\x93"},
		{"2010-03-04/..", "2010-03-04\xe2\x80\x93"},
		{"2010-03/..", "2010-03-01\xe2\x80\x93"},
		{"../1989", "\xe2\x80\x93" "1989"},
		{"/1989", "\xe2\x80\x93" "1989"},
		{"../1989-06", "\xe2\x80\x93" "1989-06-30"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		an_when p = period_ok(cases[i].text);
		char label[64];
		an_period_label(&p, label, sizeof label);
		if (strcmp(label, cases[i].label) != 0)
			fail_msg("'%s': label \"%s\", expected \"%s\"", cases[i].text, label, cases[i].label);
	}
	an_when p;
	char label[64];
	an_when_from_days(MIN, MAX, &p);
	an_period_label(&p, label, sizeof label);
	assert_string_equal(label, "all dates");
	an_when_from_days(ymd(1990, 1, 1), ymd(1999, 12, 31), &p);
	an_period_label(&p, label, sizeof label);
	assert_string_equal(label, "1990\xe2\x80\x93" "1999");
	an_when_from_days(ymd(1990, 3, 5), ymd(1999, 12, 31), &p);
	an_period_label(&p, label, sizeof label);
	assert_string_equal(label, "1990-03-05\xe2\x80\x93" "1999-12-31");
}

static void test_when_from_days(void **state)
{
	(void)state;
	an_when w;
	int32_t first = ymd(1990, 3, 5), last = ymd(2001, 7, 9);
	an_when_from_days(first, last, &w);
	assert_true(w.interval);
	assert_false(w.days.uncertain);
	check_days("from days", &w, first, last, first, last);
	assert_int_equal(w.start.kind, AN_BOUND_DATE);
	assert_int_equal(w.start.precision, AN_PREC_DAY);
	assert_int_equal(w.start.year, 1990);
	assert_int_equal(w.start.month, 3);
	assert_int_equal(w.start.day, 5);
	assert_int_equal(w.end.kind, AN_BOUND_DATE);
	assert_int_equal(w.end.year, 2001);
	assert_int_equal(w.end.month, 7);
	assert_int_equal(w.end.day, 9);

	an_when_from_days(first, first, &w);
	check_days("one day", &w, first, first, first, first);

	an_when_from_days(MIN, last, &w);
	assert_int_equal(w.start.kind, AN_BOUND_OPEN);
	assert_int_equal(w.end.kind, AN_BOUND_DATE);
	check_days("open start", &w, MIN, last, MIN, last);

	an_when_from_days(first, MAX, &w);
	assert_int_equal(w.start.kind, AN_BOUND_DATE);
	assert_int_equal(w.end.kind, AN_BOUND_OPEN);
	check_days("open end", &w, first, MAX, first, MAX);

	char label[64];
	an_when_from_days(first, last, &w);
	an_when_label(&w, label, sizeof label);
	assert_string_equal(label, "5 Mar 1990\xe2\x80\x93" "9 Jul 2001");
}

static void test_steps(void **state)
{
	(void)state;
	an_step step;
	char problem[128];
	assert_true(an_step_parse("decade", &step, problem, sizeof problem));
	assert_int_equal(step.years, 10);
	assert_true(step.decade);
	assert_true(an_step_parse("year", &step, problem, sizeof problem));
	assert_int_equal(step.years, 1);
	assert_false(step.decade);
	assert_true(an_step_parse("5y", &step, problem, sizeof problem));
	assert_int_equal(step.years, 5);
	assert_true(an_step_parse("1000y", &step, problem, sizeof problem));
	assert_int_equal(step.years, 1000);
	const char *bad[] = {"", "y", "0y", "05y", "5", "5 y", "-5y", "decades", "1001y", "99999y"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(an_step_parse(bad[i], &step, problem, sizeof problem));
	assert_false(an_step_parse("1001y", &step, problem, sizeof problem));
	assert_string_equal(problem, "a step is at most 1000y");
}

/* Each period's name, its label, and that the periods tile the years without gaps. */
static void check_series(const char *step_text, int first, int last, const char *const *names,
                         const char *const *labels, size_t count)
{
	an_step step;
	char problem[128];
	assert_true(an_step_parse(step_text, &step, problem, sizeof problem));
	size_t n;
	an_period *periods = an_series(&step, first, last, &n);
	assert_non_null(periods);
	assert_int_equal(n, count);
	for (size_t i = 0; i < n; i++) {
		char label[64];
		assert_string_equal(periods[i].name, names[i]);
		an_period_label(&periods[i].when, label, sizeof label);
		assert_string_equal(label, labels[i]);
		if (i > 0)
			assert_int_equal(periods[i].when.days.first_day, periods[i - 1].when.days.last_day + 1);
	}
	assert_true(periods[0].when.days.first_day <= an_days_from_civil(first, 1, 1));
	assert_true(periods[n - 1].when.days.last_day >= an_days_from_civil(last, 12, 31));
	free(periods);
}

static void test_series(void **state)
{
	(void)state;
	check_series("decade", 1962, 2023,
	             (const char *const[]){"1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s"},
	             (const char *const[]){"1960\xe2\x80\x93" "1969", "1970\xe2\x80\x93" "1979",
	                                   "1980\xe2\x80\x93" "1989", "1990\xe2\x80\x93" "1999",
	                                   "2000\xe2\x80\x93" "2009", "2010\xe2\x80\x93" "2019",
	                                   "2020\xe2\x80\x93" "2029"},
	             7);
	check_series("year", 2016, 2018, (const char *const[]){"2016", "2017", "2018"},
	             (const char *const[]){"2016", "2017", "2018"}, 3);
	check_series("5y", 1992, 2000, (const char *const[]){"1990-1994", "1995-1999", "2000-2004"},
	             (const char *const[]){"1990\xe2\x80\x93" "1994", "1995\xe2\x80\x93" "1999",
	                                   "2000\xe2\x80\x93" "2004"},
	             3);
	check_series("10y", 1990, 1990, (const char *const[]){"1990-1999"},
	             (const char *const[]){"1990\xe2\x80\x93" "1999"}, 1);
	/* A decade starts at a year ending in 0, whatever the first year. */
	check_series("decade", 2000, 2000, (const char *const[]){"2000s"},
	             (const char *const[]){"2000\xe2\x80\x93" "2009"}, 1);

	an_step year = {1, false};
	size_t n;
	assert_null(an_series(&year, 1, 2020, &n));
	assert_int_equal(n, 2020);
	an_period *p = an_series(&year, 1001, 2000, &n);
	assert_non_null(p);
	assert_int_equal(n, AN_SERIES_MAX);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_from_civil),
		cmocka_unit_test(test_civil_round_trip),
		cmocka_unit_test(test_day_format),
		cmocka_unit_test(test_parse_dates),
		cmocka_unit_test(test_parse_unspecified),
		cmocka_unit_test(test_parse_qualifiers),
		cmocka_unit_test(test_parse_leap_years),
		cmocka_unit_test(test_parse_intervals),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_problem_truncation),
		cmocka_unit_test(test_overlaps),
		cmocka_unit_test(test_when_labels),
		cmocka_unit_test(test_label_truncation),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_period_rejects),
		cmocka_unit_test(test_period_labels),
		cmocka_unit_test(test_when_from_days),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_series),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
