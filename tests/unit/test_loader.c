/* test_loader.c: every kind of loader and validation problem, with its exact severity, position and message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"

/* Messages that many cases share. */
#define NO_SOURCE "warning: tie has no source: add 'sources' to it or a 'default_source' to the file"
#define UNDATED "warning: tie has no date ('when'): it shows in every period"
#define BAD_ID "is not a valid id: an id starts with a letter, then up to 63 letters, digits, '-' or '_'"
#define TOP_KEYS "format, title, subtitle, description, sources, default_source, actors, types, ties"
#define CONFIDENCES "confirmed, reported, alleged or disputed"
#define BAD_GRADE \
	"must be an Admiralty grade: a letter A-F (source reliability) and a digit 1-6 (credibility), e.g. B2"
#define HTTP_ONLY "is not allowed: only http:// and https:// addresses"
#define NOT_UTF8 "error: invalid UTF-8: the file must be encoded in UTF-8"
#define EMPTY "t.yaml: error: the file is empty: a network needs a 'title', 'actors' and 'ties'\n"
#define ALIAS_LIMIT \
	"error: aliases expand to more than 100000 nodes: a network file does not need that many (an \"alias bomb\"?)"
#define NESTING "error: nesting deeper than 24 levels: a network file needs at most 5"

/* A valid preamble: every tie below it has a source (3 lines). */
#define HEAD "title: T\ndefault_source: s\nsources: {s: S}\n"

/* The diagnostics, sorted, each formatted and followed by a newline; caller frees. */
static char *format_all(an_diags *diags)
{
	an_diags_sort(diags);
	size_t size = 1;
	char **lines = calloc(diags->count + 1, sizeof *lines);
	for (size_t i = 0; i < diags->count; i++) {
		lines[i] = an_diag_format(&diags->items[i]);
		size += strlen(lines[i]) + 1;
	}
	char *all = malloc(size), *p = all;
	*p = '\0';
	for (size_t i = 0; i < diags->count; i++) {
		p += sprintf(p, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return all;
}

/*
 * Loads `len` bytes of YAML as "t.yaml", validates the network when there is
 * one, and checks that the diagnostics are exactly `expected`. Returns the
 * network (NULL when the loader gave none); free it with an_network_free.
 */
static an_network *load_n(const char *text, size_t len, const char *expected)
{
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_buffer("t.yaml", text, len, NULL, &diags);
	if (net)
		an_validate(net, &diags);
	char *got = format_all(&diags);
	/* The counts agree with the lines. */
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < diags.count; i++)
		diags.items[i].severity == AN_ERROR ? errors++ : warnings++;
	assert_int_equal(diags.errors, errors);
	assert_int_equal(diags.warnings, warnings);
	an_diags_free(&diags);
	if (strcmp(got, expected) != 0) {
		fprintf(stderr, "--- got:\n%s--- expected:\n%s---\n", got, expected);
		free(got);
		an_network_free(net);
		fail_msg("diagnostics differ");
	}
	free(got);
	return net;
}

static an_network *load(const char *text, const char *expected)
{
	return load_n(text, strlen(text), expected);
}

/* Loads, checks and frees. */
static void check(const char *text, const char *expected)
{
	an_network_free(load(text, expected));
}

/* The same, for input that the loader must refuse as a whole (no network). */
static void check_fatal_n(const char *text, size_t len, const char *expected)
{
	an_network *net = load_n(text, len, expected);
	if (net) {
		an_network_free(net);
		fail_msg("the loader returned a network");
	}
}

static void check_fatal(const char *text, const char *expected)
{
	check_fatal_n(text, strlen(text), expected);
}

/* The text with every "\n" written "\r\n"; caller frees. */
static char *crlf(const char *text)
{
	char *out = malloc(2 * strlen(text) + 1), *p = out;
	for (; *text; text++) {
		if (*text == '\n')
			*p++ = '\r';
		*p++ = *text;
	}
	*p = '\0';
	return out;
}

/* ------------------------------------------------------------ unknown keys */

static void test_unknown_keys(void **state)
{
	(void)state;
	check("title: T\n"
	      "colour: red\n"
	      "titel: again\n"
	      "x-anything: [1, {a: b}]\n"
	      "sources:\n"
	      "  s1: {title: S, autor: me}\n"
	      "  s2: {title: S2, zzz: 1, x-ok: 1}\n"
	      "default_source: s1\n"
	      "types:\n"
	      "  tunnels: {label: Tunnels, colr: \"#123456\"}\n"
	      "  arms: {zzz: 1}\n"
	      "actors:\n"
	      "  A: {name: A, kind: state, regoin: R, x-note: fine}\n"
	      "  B: {name: B, kind: state, qqqq: 1}\n"
	      "ties:\n"
	      "  - {from: A, to: B, type: arms, when: 1990, confidance: confirmed}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, zzzzzz: 1, x-why: because}\n",
	      "t.yaml:2:1: error: unknown key 'colour' in the network; known keys: " TOP_KEYS "\n"
	      "t.yaml:3:1: error: unknown key 'titel' in the network (did you mean 'title'?)\n"
	      "t.yaml:6:18: error: unknown key 'autor' in a source (did you mean 'author'?)\n"
	      "t.yaml:7:19: error: unknown key 'zzz' in a source; known keys: title, author, date, url\n"
	      "t.yaml:10:29: error: unknown key 'colr' in a type (did you mean 'color'?)\n"
	      "t.yaml:11:10: error: unknown key 'zzz' in a type; known keys: label, color\n"
	      "t.yaml:13:29: error: unknown key 'regoin' in an actor (did you mean 'region'?)\n"
	      "t.yaml:14:29: error: unknown key 'qqqq' in an actor; known keys: name, names, label, kind, "
	      "type, region, part_of, when, url, note, at\n"
	      "t.yaml:16:46: error: unknown key 'confidance' in a tie (did you mean 'confidence'?)\n"
	      "t.yaml:17:46: error: unknown key 'zzzzzz' in a tie; known keys: from, to, type, when, "
	      "label, confidence, mutual, sources, grade, note, id\n");
}

/* Block style: the key's own line and column. */
static void test_unknown_key_block(void **state)
{
	(void)state;
	check(HEAD "actors:\n"
	           "  A:\n"
	           "    name: A\n"
	           "    kind: state\n"
	           "    nam: B\n"
	           "  B: {name: B, kind: state}\n"
	           "ties:\n"
	           "  - from: A\n"
	           "    to: B\n"
	           "    type: arms\n"
	           "    when: 1990\n"
	           "    sourcse: [s]\n",
	      "t.yaml:8:5: error: unknown key 'nam' in an actor (did you mean 'name'?)\n"
	      "t.yaml:15:5: error: unknown key 'sourcse' in a tie (did you mean 'sources'?)\n");
}

/* ---------------------------------------------------------- duplicate keys */

static void test_duplicate_keys(void **state)
{
	(void)state;
	check("title: T\n"
	      "title: U\n"
	      "default_source: s\n"
	      "sources: {s: S, s: S2}\n"
	      "actors:\n"
	      "  A: {name: A, kind: state, name: B}\n"
	      "  A: {name: A2, kind: state}\n"
	      "  B: {name: B, kind: state}\n"
	      "ties:\n"
	      "  - {from: A, to: B, type: arms, when: 1990, when: 1991}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, x-a: 1, x-a: 2}\n",
	      "t.yaml:2:1: error: duplicate key 'title' (first at line 1, column 1)\n"
	      "t.yaml:4:17: error: duplicate key 's' (first at line 4, column 11)\n"
	      "t.yaml:6:29: error: duplicate key 'name' (first at line 6, column 7)\n"
	      "t.yaml:7:3: error: duplicate key 'A' (first at line 6, column 3)\n"
	      "t.yaml:10:46: error: duplicate key 'when' (first at line 10, column 34)\n"
	      "t.yaml:11:54: error: duplicate key 'x-a' (first at line 11, column 46)\n");
}

/* ------------------------------------------------------ wrong value types */

static void test_wrong_value_types(void **state)
{
	(void)state;
	check(HEAD "actors:\n"
	           "  A:\n"
	           "    name: [A]\n"
	           "    kind: state\n"
	           "  B: {name: {x: 1}, kind: state}\n"
	           "  C: [1]\n"
	           "  D: Dee\n"
	           "ties:\n"
	           "  - {from: {a: A}, to: B, type: arms, when: 1990}\n"
	           "  - {from: A, to: [B, [C]], type: [arms], when: 1990}\n"
	           "  - {from: A, to: B, type: arms, when: 1990, sources: {s: s}}\n",
	      "t.yaml:6:11: error: 'name' must be a text, not a list\n"
	      "t.yaml:8:13: error: 'name' must be a text, not a mapping\n"
	      "t.yaml:9:3: warning: actor 'C' is in no tie\n"
	      "t.yaml:9:6: error: actor 'C' must be a mapping, not a list\n"
	      "t.yaml:10:3: warning: actor 'D' is in no tie\n"
	      "t.yaml:10:6: error: actor 'D' must be a mapping, not a text\n"
	      "t.yaml:12:12: error: 'from' must be an id or a list of ids, not a mapping\n"
	      "t.yaml:13:23: error: 'to' lists ids, not a list\n"
	      "t.yaml:13:35: error: 'type' must be a text, not a list\n"
	      "t.yaml:14:55: error: 'sources' must be an id or a list of ids, not a mapping\n");
}

static void test_wrong_collection_types(void **state)
{
	(void)state;
	check("title: [T]\n"
	      "actors: [A]\n"
	      "ties: text\n",
	      "t.yaml:1:8: error: 'title' must be a text, not a list\n"
	      "t.yaml:2:9: error: 'actors' must be a mapping, not a list\n"
	      "t.yaml:3:7: error: 'ties' must be a list, not a text\n");
	check("title: T\n"
	      "sources: [s]\n"
	      "types: text\n"
	      "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
	      "ties: {a: 1}\n",
	      "t.yaml:2:10: error: 'sources' must be a mapping, not a list\n"
	      "t.yaml:3:8: error: 'types' must be a mapping, not a text\n"
	      "t.yaml:4:10: warning: actor 'A' is in no tie\n"
	      "t.yaml:4:37: warning: actor 'B' is in no tie\n"
	      "t.yaml:5:7: error: 'ties' must be a list, not a mapping: start each of its entries with '- '\n");
	check("title: T\n"
	      "actors:\n"
	      "ties:\n",
	      "t.yaml:2:8: error: 'actors' must not be empty\n"
	      "t.yaml:3:6: error: 'ties' must not be empty\n");
	check(HEAD "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
	           "ties:\n"
	           "  - just text\n"
	           "  - {from: A, to: B, type: arms, when: 1990}\n",
	      "t.yaml:6:5: error: a tie must be a mapping (from, to, type, ...), not a text\n");
}

static void test_empty_values(void **state)
{
	(void)state;
	check(HEAD "actors:\n"
	           "  A:\n"
	           "    name:\n"
	           "    kind: state\n"
	           "  B: {name: B, kind: state}\n"
	           "ties:\n"
	           "  - from: A\n"
	           "    to: B\n"
	           "    type:\n"
	           "    when: 1990\n"
	           "  - {from: , to: [], type: arms, when: 1990}\n",
	      "t.yaml:6:10: error: 'name' must not be empty\n"
	      "t.yaml:12:10: error: 'type' must not be empty\n"
	      "t.yaml:14:12: error: 'from' must be an id or a list of ids, not nothing\n"
	      "t.yaml:14:18: error: 'to' must list at least one id\n");
}

/* ------------------------------------------------------------ missing keys */

/* A missing key is reported at the mapping's first key (or the mapping when it has none). */
static void test_missing_keys(void **state)
{
	(void)state;
	check("title: T\n"
	      "sources:\n"
	      "  s1: {author: me}\n"
	      "default_source: s1\n"
	      "actors:\n"
	      "  A:\n"
	      "    label: a\n"
	      "    name: A\n"
	      "  B: {kind: state}\n"
	      "  C: {}\n"
	      "  D:\n"
	      "    x-note: first\n"
	      "    name: D\n"
	      "ties:\n"
	      "  - type: arms\n"
	      "    when: 1990\n"
	      "  - {}\n"
	      "  - {from: A, to: B}\n",
	      "t.yaml:3:8: error: source 's1' needs a 'title'\n"
	      "t.yaml:7:5: error: actor 'A' needs a 'kind' (state, non-state or international)\n"
	      "t.yaml:9:7: error: actor 'B' needs a 'name' (or dated 'names')\n"
	      "t.yaml:10:3: warning: actor 'C' is in no tie\n"
	      "t.yaml:10:6: error: actor 'C' needs a 'name' (or dated 'names')\n"
	      "t.yaml:10:6: error: actor 'C' needs a 'kind' (state, non-state or international)\n"
	      "t.yaml:11:3: warning: actor 'D' is in no tie\n"
	      "t.yaml:12:5: error: actor 'D' needs a 'kind' (state, non-state or international)\n"
	      "t.yaml:15:5: error: a tie needs 'from' (the actor that gives)\n"
	      "t.yaml:15:5: error: a tie needs 'to' (the actor that receives)\n"
	      "t.yaml:17:5: error: a tie needs 'from' (the actor that gives)\n"
	      "t.yaml:17:5: error: a tie needs 'to' (the actor that receives)\n"
	      "t.yaml:17:5: error: a tie needs a 'type'\n"
	      "t.yaml:17:5: " UNDATED "\n"
	      "t.yaml:18:5: " UNDATED "\n"
	      "t.yaml:18:6: error: a tie needs a 'type'\n");
}

static void test_missing_top_keys(void **state)
{
	(void)state;
	check("title: T\n",
	      "t.yaml:1:1: error: the network needs 'actors' (a mapping of actor ids)\n"
	      "t.yaml:1:1: error: the network needs 'ties' (a list of ties)\n");
	check("# a comment\n"
	      "x-a: 1\n"
	      "ties: []\n",
	      "t.yaml:2:1: error: the network needs a 'title' (drawn above the diagram)\n"
	      "t.yaml:2:1: error: the network needs 'actors' (a mapping of actor ids)\n");
}

/* ------------------------------------------------------- unknown references */

static void test_unknown_references(void **state)
{
	(void)state;
	check("title: T\n"
	      "sources: {seric2023: Seric, un: UN}\n"
	      "default_source: seric2032\n"
	      "actors:\n"
	      "  IRN: {name: Iran, kind: state}\n"
	      "  PRK: {name: North Korea, kind: state, part_of: IRM}\n"
	      "  SHIG: {name: S, kind: non-state, part_of: XYZZY}\n"
	      "  SELF: {name: S, kind: non-state, part_of: SELF}\n"
	      "types:\n"
	      "  tunnels: {label: Tunnels}\n"
	      "ties:\n"
	      "  - {from: IRM, to: PKR, type: missle, when: 1990, sources: [un, unn, nothing]}\n"
	      "  - {from: [IRN, QQQQ], to: SHIG, type: tunnel, when: 1990, sources: seric2023}\n"
	      "  - {from: SHIG, to: SELF, type: zzzzzzz, when: 1990, sources: seric2023}\n",
	      "t.yaml:3:17: error: unknown source 'seric2032' (did you mean seric2023?)\n"
	      "t.yaml:6:3: warning: actor 'PRK' is in no tie\n"
	      "t.yaml:6:50: error: unknown actor 'IRM' in 'part_of' (did you mean IRN?)\n"
	      "t.yaml:7:45: error: unknown actor 'XYZZY' in 'part_of': every actor must be listed under 'actors'\n"
	      "t.yaml:8:45: error: actor 'SELF' cannot be part of itself\n"
	      "t.yaml:12:12: error: unknown actor 'IRM' in 'from' (did you mean IRN?)\n"
	      "t.yaml:12:21: error: unknown actor 'PKR' in 'to' (did you mean PRK?)\n"
	      "t.yaml:12:32: error: unknown tie type 'missle' (did you mean missiles?)\n"
	      "t.yaml:12:66: error: unknown source 'unn' (did you mean un?)\n"
	      "t.yaml:12:71: error: unknown source 'nothing': list it under 'sources'\n"
	      "t.yaml:13:18: error: unknown actor 'QQQQ' in 'from': every actor must be listed under 'actors'\n"
	      "t.yaml:13:41: error: unknown tie type 'tunnel' (did you mean tunnels?)\n"
	      "t.yaml:14:34: error: unknown tie type 'zzzzzzz': use a built-in type or declare it under 'types'\n");
}

/* ------------------------------------------------------------------ dates */

static void test_bad_dates(void **state)
{
	(void)state;
	check("title: T\n"
	      "default_source: s\n"
	      "sources: {s: {title: S, date: 2023-1}}\n"
	      "actors:\n"
	      "  A: {name: A, kind: state, when: 1990/1980}\n"
	      "  B: {name: B, kind: state}\n"
	      "ties:\n"
	      "  - {from: A, to: B, type: arms, when: \" 1990\"}\n"
	      "  - {from: A, to: B, type: arms, when: 19?90}\n"
	      "  - {from: A, to: B, type: arms, when: 1990?~}\n"
	      "  - {from: A, to: B, type: arms, when: 95}\n"
	      "  - {from: A, to: B, type: arms, when: 199x}\n"
	      "  - {from: A, to: B, type: arms, when: 1X95}\n"
	      "  - {from: A, to: B, type: arms, when: 199X-05}\n"
	      "  - {from: A, to: B, type: arms, when: 1995-13}\n"
	      "  - {from: A, to: B, type: arms, when: 1995-00}\n"
	      "  - {from: A, to: B, type: arms, when: 1995-01-32}\n"
	      "  - {from: A, to: B, type: arms, when: 2009-02-29}\n"
	      "  - {from: A, to: B, type: arms, when: 1990/1991/1992}\n"
	      "  - {from: A, to: B, type: arms, when: /..}\n"
	      "  - {from: A, to: B, type: arms, when: ..}\n"
	      "  - {from: A, to: B, type: arms, when: \"spring 1990\"}\n"
	      "  - {from: A, to: B, type: arms, when: 2008-02-29}\n"
	      "  - {from: A, to: B, type: arms, when: \"1995\"}\n"
	      "  - {from: A, to: B, type: arms, when: 1979?/..}\n",
	      "t.yaml:3:31: error: bad date '2023-1': not a date: expected YYYY, YYYY-MM or YYYY-MM-DD\n"
	      "t.yaml:5:35: error: bad date '1990/1980': the end (1980) is before the start (1990)\n"
	      "t.yaml:8:40: error: bad date ' 1990': spaces are not allowed around a date\n"
	      "t.yaml:9:40: error: bad date '19?90': a qualifier (?, ~ or %) may only end a date\n"
	      "t.yaml:10:40: error: bad date '1990?~': a date takes at most one qualifier (?, ~ or %)\n"
	      "t.yaml:11:40: error: bad date '95': not a date: expected YYYY, YYYY-MM or YYYY-MM-DD\n"
	      "t.yaml:12:40: error: bad date '199x': unspecified digits are written X, not x\n"
	      "t.yaml:13:40: error: bad date '1X95': X may only replace the last one or two digits of a year\n"
	      "t.yaml:14:40: error: bad date '199X-05': a year with X cannot have a month or day\n"
	      "t.yaml:15:40: error: bad date '1995-13': month must be 01 to 12\n"
	      "t.yaml:16:40: error: bad date '1995-00': month must be 01 to 12\n"
	      "t.yaml:17:40: error: bad date '1995-01-32': day must be 01 to 31\n"
	      "t.yaml:18:40: error: bad date '2009-02-29': February 2009 has no day 29\n"
	      "t.yaml:19:40: error: bad date '1990/1991/1992': an interval has only one /\n"
	      "t.yaml:20:40: error: bad date '/..': an interval needs a start or an end\n"
	      "t.yaml:21:40: error: bad date '..': an open end (..) needs an interval, e.g. 1973/..\n"
	      "t.yaml:22:40: error: bad date 'spring 1990': not a date: expected YYYY, YYYY-MM or YYYY-MM-DD\n");
}

static void test_end_before_start(void **state)
{
	(void)state;
	check(HEAD "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
	           "ties:\n"
	           "  - from: A\n"
	           "    to: B\n"
	           "    type: arms\n"
	           "    when: 1999/1990\n"
	           "  - {from: A, to: B, type: arms, when: 1995-06/1995-05-31}\n"
	           /* Imprecise ends that may still overlap are fine. */
	           "  - {from: A, to: B, type: arms, when: 199X/1995}\n"
	           "  - {from: A, to: B, type: arms, when: 1995-06/1995}\n",
	      "t.yaml:9:11: error: bad date '1999/1990': the end (1990) is before the start (1999)\n"
	      "t.yaml:10:40: error: bad date '1995-06/1995-05-31': the end (1995-05-31) is before "
	      "the start (1995-06)\n");
}

/* ------------------------------------------------------------------ lists */

static void test_lists_and_self_ties(void **state)
{
	(void)state;
	check(HEAD "actors:\n"
	           "  PRK: {name: P, kind: state}\n"
	           "  IRN: {name: I, kind: state}\n"
	           "ties:\n"
	           "  - {from: [PRK, PRK], to: IRN, type: arms, when: 2000}\n"
	           "  - {from: PRK, to: [IRN, PRK, IRN], type: arms, when: 2000}\n"
	           "  - {from: IRN, to: IRN, type: arms, when: 2000}\n"
	           "  - {from: [PRK, IRN], to: [IRN], type: arms, when: 2000}\n"
	           "  - {from: PRK, to: PRK, mutual: true, type: arms, when: 2000}\n",
	      "t.yaml:8:18: error: 'from' lists 'PRK' twice\n"
	      "t.yaml:9:27: error: a tie from 'PRK' to itself\n"
	      "t.yaml:9:32: error: 'to' lists 'IRN' twice\n"
	      "t.yaml:10:21: error: a tie from 'IRN' to itself\n"
	      "t.yaml:11:29: error: a tie from 'IRN' to itself\n"
	      "t.yaml:12:21: error: a mutual tie needs two different actors\n");
}

static void test_mutual_expansion(void **state)
{
	(void)state;
	an_network *net = load(HEAD "actors:\n"
	                            "  PRK: {name: P, kind: state}\n"
	                            "  IRN: {name: I, kind: state}\n"
	                            "  SYR: {name: S, kind: state}\n"
	                            "ties:\n"
	                            "  - {id: ID, from: [PRK, IRN, SYR], to: [PRK, IRN, SYR], mutual: true,"
	                            " type: cooperation, when: 2000}\n"
	                            "  - {from: [PRK, IRN], to: SYR, type: arms, when: 2001}\n",
	                       "");
	assert_non_null(net);
	assert_int_equal(net->nties, 2);
	assert_true(net->ties[0].mutual);
	assert_int_equal(net->nlinks, 5);
	static const struct {
		const char *key, *from, *to;
		size_t tie;
	} want[] = {
		{"ID", "PRK", "IRN", 0}, {"ID.2", "PRK", "SYR", 0}, {"ID.3", "IRN", "SYR", 0},
		{"2", "PRK", "SYR", 1},  {"2.2", "IRN", "SYR", 1},
	};
	for (size_t i = 0; i < 5; i++) {
		const an_link *l = &net->links[i];
		assert_string_equal(l->key, want[i].key);
		assert_string_equal(net->actors[l->from].id.text, want[i].from);
		assert_string_equal(net->actors[l->to].id.text, want[i].to);
		assert_int_equal(l->tie, want[i].tie);
	}
	an_network_free(net);

	/* The same three-way tie written in another order is still three links. */
	net = load(HEAD "actors:\n"
	                "  PRK: {name: P, kind: state}\n"
	                "  IRN: {name: I, kind: state}\n"
	                "  SYR: {name: S, kind: state}\n"
	                "ties:\n"
	                "  - {from: [PRK, IRN, SYR], to: [SYR, IRN, PRK], mutual: true,"
	                " type: cooperation, when: 2000}\n",
	           "");
	assert_int_equal(net->nlinks, 3);
	assert_string_equal(net->links[0].key, "1");
	assert_string_equal(net->links[1].key, "1.2");
	assert_string_equal(net->links[2].key, "1.3");
	an_network_free(net);
}

/* ------------------------------------------------------------ bad values */

static void test_invalid_ids(void **state)
{
	(void)state;
	check("title: T\n"
	      "default_source: 1s\n"
	      "sources: {\"s 1\": S, s: S}\n"
	      "types: {\"my type\": {label: x}}\n"
	      "actors:\n"
	      "  \"P R K\": {name: P, kind: state}\n"
	      "  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA: {name: P, kind: state}\n"
	      "  BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB: {name: P, kind: state}\n"
	      "  A_b-9: {name: P, kind: state, part_of: 9X}\n"
	      "  \xce\xa9: {name: P, kind: state}\n"
	      "ties:\n"
	      "  - {from: A_b-9, to: BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,"
	      " type: arms, when: 2000, id: \"two words\", sources: s}\n"
	      "  - {from: A_b-9, to: BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,"
	      " type: arms, when: 2000, id: t1, sources: s}\n"
	      "  - {from: A_b-9, to: BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,"
	      " type: arms, when: 2000, id: t1, sources: s}\n",
	      "t.yaml:2:17: error: '1s' " BAD_ID "\n"
	      "t.yaml:3:11: error: 's 1' " BAD_ID "\n"
	      "t.yaml:4:9: error: 'my type' " BAD_ID "\n"
	      "t.yaml:6:3: error: 'P R K' " BAD_ID "\n"
	      "t.yaml:6:3: warning: actor 'P R K' is in no tie\n"
	      "t.yaml:7:3: error: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' " BAD_ID "\n"
	      "t.yaml:7:3: warning: actor 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' is in no tie\n"
	      "t.yaml:9:42: error: '9X' " BAD_ID "\n"
	      "t.yaml:10:3: error: '\xce\xa9' " BAD_ID "\n"
	      "t.yaml:10:3: warning: actor '\xce\xa9' is in no tie\n"
	      "t.yaml:12:117: error: 'two words' " BAD_ID "\n"
	      "t.yaml:14:117: error: tie id 't1' is already used by the tie at line 13\n");
}

static void test_bad_values(void **state)
{
	(void)state;
	check("format: 2\n"
	      "title: T\n"
	      "default_source: s\n"
	      "sources:\n"
	      "  s: {title: S, url: \"javascript:alert(1)\"}\n"
	      "  t: {title: S, url: \"https://\"}\n"
	      "  u: {title: S, url: \"ftp://example.org\"}\n"
	      "  v: {title: S, url: \"https://example.org/a?b=c\"}\n"
	      "types:\n"
	      "  tunnels: {label: Tunnels, color: red}\n"
	      "  arms: {color: \"#12345\"}\n"
	      "  trade: {color: \"#12345G\"}\n"
	      "  finance: {color: \"#AbCdEf\"}\n"
	      "actors:\n"
	      "  A: {name: A, kind: stat, url: \"javascript:x\"}\n"
	      "  B: {name: B, kind: State, url: \"http://ok.example\"}\n"
	      "  C: {name: C, kind: nonstate}\n"
	      "  D: {name: D, kind: rebel}\n"
	      "ties:\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: Z9, confidence: sure}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: b2, confidence: Confirmed}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: B7, confidence: alledged}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: B, confidence: 3}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: B22}\n"
	      "  - {from: A, to: B, type: arms, when: 1990, grade: F6, confidence: disputed}\n",
	      "t.yaml:1:9: error: format '2' is not supported: this version of actornet reads format 1\n"
	      "t.yaml:5:22: error: url 'javascript:alert(1)' " HTTP_ONLY "\n"
	      "t.yaml:6:22: error: url 'https://' " HTTP_ONLY "\n"
	      "t.yaml:7:22: error: url 'ftp://example.org' " HTTP_ONLY "\n"
	      "t.yaml:10:36: error: color 'red' must be written #RRGGBB\n"
	      "t.yaml:11:17: error: color '#12345' must be written #RRGGBB\n"
	      "t.yaml:12:18: error: color '#12345G' must be written #RRGGBB\n"
	      "t.yaml:15:22: error: unknown kind 'stat': expected state, non-state or international (did you mean state?)\n"
	      "t.yaml:15:33: error: url 'javascript:x' " HTTP_ONLY "\n"
	      "t.yaml:16:22: error: unknown kind 'State': expected state, non-state or international (did you mean state?)\n"
	      "t.yaml:17:3: warning: actor 'C' is in no tie\n"
	      "t.yaml:17:22: error: unknown kind 'nonstate': expected state, non-state or international (did you mean non-state?)\n"
	      "t.yaml:18:3: warning: actor 'D' is in no tie\n"
	      "t.yaml:18:22: error: unknown kind 'rebel': expected state, non-state or international\n"
	      "t.yaml:20:53: error: grade 'Z9' " BAD_GRADE "\n"
	      "t.yaml:20:69: error: unknown confidence 'sure': expected " CONFIDENCES "\n"
	      "t.yaml:21:53: error: grade 'b2' " BAD_GRADE "\n"
	      "t.yaml:21:69: error: unknown confidence 'Confirmed': expected " CONFIDENCES
	      " (did you mean confirmed?)\n"
	      "t.yaml:22:53: error: grade 'B7' " BAD_GRADE "\n"
	      "t.yaml:22:69: error: unknown confidence 'alledged': expected " CONFIDENCES
	      " (did you mean alleged?)\n"
	      "t.yaml:23:53: error: grade 'B' " BAD_GRADE "\n"
	      "t.yaml:23:68: error: unknown confidence '3': expected " CONFIDENCES "\n"
	      "t.yaml:24:53: error: grade 'B22' " BAD_GRADE "\n");
}

/*
 * Booleans are YAML 1.2's: true and false, True, TRUE, False, FALSE (quoted
 * or not), as the JSON Schema's readers take them; YAML 1.1's yes, on... are errors.
 */
static void test_booleans(void **state)
{
	(void)state;
	an_network *net =
		load(HEAD "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
		          "ties:\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: yes}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: True}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: on}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: 1}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: FALSE}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: true}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: \"true\"}\n"
		          "  - {from: A, to: B, type: arms, when: 1990, mutual: false}\n",
		     "t.yaml:6:54: error: 'mutual' must be true or false, not 'yes' (write true)\n"
		     "t.yaml:8:54: error: 'mutual' must be true or false, not 'on' (write true)\n"
		     "t.yaml:9:54: error: 'mutual' must be true or false, not '1'\n");
	assert_int_equal(net->nties, 8);
	assert_true(net->ties[1].mutual);
	assert_false(net->ties[4].mutual);
	assert_true(net->ties[5].mutual);
	assert_true(net->ties[6].mutual);
	assert_false(net->ties[7].mutual);
	an_network_free(net);
}

static void test_format(void **state)
{
	(void)state;
	check("format: 1\ntitle: T\nactors: {}\nties: []\n", "");
	check("format: \"1\"\ntitle: T\nactors: {}\nties: []\n", "");
	check("format: 1.0\ntitle: T\nactors: {}\nties: []\n",
	      "t.yaml:1:9: error: format '1.0' is not supported: this version of actornet reads format 1\n");
	check("title: T\nformat: two\nactors: {}\nties: []\n",
	      "t.yaml:2:9: error: format 'two' is not supported: this version of actornet reads format 1\n");
}

/* ------------------------------------------------------- document shapes */

static void test_empty_documents(void **state)
{
	(void)state;
	check("", EMPTY);
	check("\n\n", EMPTY);
	check("# only a comment\n", EMPTY);
	check("---\n", EMPTY);
	check("~\n", EMPTY);
}

static void test_not_a_mapping(void **state)
{
	(void)state;
	check("- just\n- a list\n",
	      "t.yaml:1:1: error: a network file must be a mapping of keys (title, actors, ties, ...), "
	      "not a list\n");
	check("# first\n\njust a text\n",
	      "t.yaml:3:1: error: a network file must be a mapping of keys (title, actors, ties, ...), "
	      "not a text\n");
}

static void test_size_limit(void **state)
{
	(void)state;
	an_diags diags;
	an_diags_init(&diags);
	an_load_options opt = {.max_size = 10};
	const char *text = "title: T\nactors: {}\n";
	assert_null(an_load_buffer("t.yaml", text, strlen(text), &opt, &diags));
	char *got = format_all(&diags);
	assert_string_equal(got, "t.yaml: error: the file is 20 bytes, larger than the limit of 10 "
	                         "(raise it with --max-size)\n");
	free(got);
	an_diags_free(&diags);
}

/* -------------------------------------------------------- syntax, encoding */

/* A syntax error is reported alone: nothing before it, though there were errors and warnings. */
static void test_syntax_error_alone(void **state)
{
	(void)state;
	check_fatal("title: T\n"
	            "colour: red\n"
	            "actors:\n"
	            "  A: {name: A, kind: stat}\n"
	            "  B: {name: B, kind: state\n"
	            "ties: []\n",
	            "t.yaml:5:6: error: YAML syntax: this '{' is not closed: end it with '}'\n");
	check_fatal("title: T\n"
	            "colour: red\n"
	            "actors:\n"
	            "\tA: {name: A, kind: state}\n",
	            "t.yaml:4:1: error: YAML syntax: found character that cannot start any token "
	            "(a tab: YAML is indented with spaces only) (while scanning for the next token "
	            "at line 4, column 1)\n");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* The bad byte is the 21st character of line 3 (its 23rd byte). */
	check_fatal("colour: red\n"
	            "actors:\n"
	            "  IRN: {name: \"\xc3\x8er\xc3\xa2n \xff\", kind: state}\n",
	            "t.yaml:3:21: " NOT_UTF8 "\n");
	check_fatal("title: \"\xc3\x8er\xc3\xa2n \x80\"\n", "t.yaml:1:14: " NOT_UTF8 "\n");
	/* An encoding error is found before any syntax error or semantic problem. */
	check_fatal("colour: red\n"
	            "actors: {A: {\n"
	            "ties: \xfe\n",
	            "t.yaml:3:7: " NOT_UTF8 "\n");
	/* A sequence cut short: libyaml reports the byte after its lead byte (see the report). */
	check_fatal("title: \"ab\xe2\x82\"\n", "t.yaml:1:12: " NOT_UTF8 "\n");
}

static void test_nul_byte(void **state)
{
	(void)state;
	static const char text[] = "title: T\n"
	                           "actors:\n"
	                           "  IRN: {name: \"\xc3\x8er\xc3\xa2n\0\", kind: state}\n"
	                           "ties: []\n";
	check_fatal_n(text, sizeof text - 1,
	              "t.yaml:3:20: error: a NUL byte is not allowed in a network file\n");
	/* Written as an escape, it is a NUL character in a value. */
	check("title: \"a\\0b\"\nactors: {}\nties: []\n",
	      "t.yaml:1:8: error: the control character U+0000 is not allowed in a text (write it out, or remove it)\n");
}

static const char positions_text[] = "title: T\n"
                                     "colour: x\n"
                                     "actors:\n"
                                     "  IRN: {name: \"\xc3\x8er\xc3\xa2n\", kind: stat}\n"
                                     "  PRK: {name: P, kind: state}\n"
                                     "ties:\n"
                                     "  - {from: IRN, to: PKR, type: arms, when: 1990}\n";
static const char positions_expected[] =
	"t.yaml:2:1: error: unknown key 'colour' in the network; known keys: " TOP_KEYS "\n"
	"t.yaml:4:29: error: unknown kind 'stat': expected state, non-state or international (did you mean state?)\n"
	"t.yaml:5:3: warning: actor 'PRK' is in no tie\n"
	"t.yaml:7:5: " NO_SOURCE "\n"
	"t.yaml:7:21: error: unknown actor 'PKR' in 'to' (did you mean PRK?)\n";

/* A byte order mark is accepted and changes no position. */
static void test_bom(void **state)
{
	(void)state;
	check("\xef\xbb\xbftitle: T\nactors: {}\nties: []\n", "");
	char *text = malloc(sizeof positions_text + 3);
	strcpy(text, "\xef\xbb\xbf");
	strcat(text, positions_text);
	check(text, positions_expected);
	free(text);
	/* An encoding error on the first line: its column does not count the mark. */
	check_fatal("\xef\xbb\xbftitle: \"\xc3\x8er\xc3\xa2n \x80\"\n", "t.yaml:1:14: " NOT_UTF8 "\n");
}

/* CRLF line endings are accepted and give the same positions as LF. */
static void test_crlf(void **state)
{
	(void)state;
	check(positions_text, positions_expected);
	char *text = crlf(positions_text);
	check(text, positions_expected);
	free(text);
	text = crlf("title: T\nactors:\n  IRN: {name: \"\xc3\x8er\xc3\xa2n \xff\", kind: state}\n");
	check_fatal(text, "t.yaml:3:21: " NOT_UTF8 "\n");
	free(text);
}

/* Columns are 1-based and count characters, not bytes. */
static void test_positions_count_characters(void **state)
{
	(void)state;
	check("title: \"\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1\"\n"
	      "actors:\n"
	      "  GRC: {name: \"\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1\", kind: stat}\n"
	      /* A flag is two code points of four bytes each. */
	      "  TUR: {name: \"T\xc3\xbcrkiye \xf0\x9f\x87\xb9\xf0\x9f\x87\xb7\", region: \"Orta "
	      "Do\xc4\x9fu\", kind: stat}\n"
	      "ties: []\n",
	      "t.yaml:3:3: warning: actor 'GRC' is in no tie\n"
	      "t.yaml:3:31: error: unknown kind 'stat': expected state, non-state or international (did you mean state?)\n"
	      "t.yaml:4:3: warning: actor 'TUR' is in no tie\n"
	      "t.yaml:4:56: error: unknown kind 'stat': expected state, non-state or international (did you mean state?)\n");
}

/* ---------------------------------------------------------- YAML features */

static void test_tags(void **state)
{
	(void)state;
	check(HEAD "actors: !!map\n"
	           "  A: {name: A, kind: !custom state}\n"
	           "  B: {name: !!str B, kind: state}\n"
	           "ties:\n"
	           "  - {from: A, to: B, type: arms, when: !!int 1990}\n",
	      "t.yaml:4:9: error: explicit tags are not supported in a network file\n"
	      "t.yaml:5:22: error: explicit tags are not supported in a network file\n"
	      "t.yaml:6:13: error: explicit tags are not supported in a network file\n"
	      "t.yaml:8:40: error: explicit tags are not supported in a network file\n");
}

static void test_merge_keys(void **state)
{
	(void)state;
	check(HEAD "actors:\n"
	           "  A: &a {name: A, kind: state}\n"
	           "  B: {<<: *a, name: B}\n"
	           "  C: {name: C, kind: state, <<: {region: X}}\n"
	           "ties:\n"
	           "  - {from: A, to: B, type: arms, when: 1990}\n",
	      "t.yaml:6:7: error: merge keys ('<<') are not supported: write the keys out\n"
	      "t.yaml:6:7: error: actor 'B' needs a 'kind' (state, non-state or international)\n"
	      "t.yaml:7:3: warning: actor 'C' is in no tie\n"
	      "t.yaml:7:29: error: merge keys ('<<') are not supported: write the keys out\n");
}

static void test_directives(void **state)
{
	(void)state;
	check("%YAML 1.2\n---\ntitle: T\ncolour: x\nactors: {}\nties: []\n",
	      "t.yaml:1:1: error: %YAML 1.2 is not supported: network files are YAML 1.1\n"
	      "t.yaml:4:1: error: unknown key 'colour' in the network; known keys: " TOP_KEYS "\n");
	check("%YAML 1.1\n---\ntitle: T\nactors: {}\nties: []\n", "");
	check("%TAG !e! tag:example.com,2000:\n---\ntitle: T\nactors: {}\nties: []\n",
	      "t.yaml:1:1: error: %TAG directives are not supported\n");
}

static void test_documents(void **state)
{
	(void)state;
	static const char second[] = "t.yaml:5:1: error: a second YAML document: a network file holds "
	                             "exactly one (remove this '---' and what follows, or merge it)\n";
	check("---\ntitle: T\nactors: {}\nties: []\n---\ntitle: U\n", second);
	check("---\ntitle: T\nactors: {}\nties: []\n---\n", second);
	check("title: T\nactors: {}\nties: []\n...\n", "");
	check("---\ntitle: T\nactors: {}\nties: []\n...\n", "");
}

static void test_undefined_alias(void **state)
{
	(void)state;
	/* Fatal, so reported alone: not the unknown key before it. */
	check_fatal("title: T\n"
	            "colour: red\n"
	            "actors:\n"
	            "  A: {name: A, kind: state}\n"
	            "ties:\n"
	            "  - {from: A, to: *nope, type: arms}\n",
	            "t.yaml:6:19: error: alias '*nope' refers to no anchor '&nope' before it\n");
	check_fatal("title: T\n"
	            "actors:\n"
	            "  A: {name: *later, kind: state}\n"
	            "  B: {name: &later B, kind: state}\n"
	            "ties: []\n",
	            "t.yaml:3:13: error: alias '*later' refers to no anchor '&later' before it\n");
	/* An alias inside its own anchor's node (see the report on the message). */
	check_fatal("title: T\n"
	            "actors:\n"
	            "  A: &a {name: A, kind: state, region: *a}\n"
	            "ties: []\n",
	            "t.yaml:3:40: error: alias '*a' stands inside the node it refers to\n");
}

/*
 * A file longer than the parser thread's batches (2,048 events): an anchor
 * and its alias thousands of events apart, ties before the actors they name,
 * and a mapping of more than 16 keys, long ones alike in their first 12 bytes.
 */
/* A syntax error past the first 512 KiB, found by the parser thread, is reported where it is. */
static void test_syntax_error_ahead(void **state)
{
	(void)state;
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	len += (size_t)snprintf(text + len, cap - len, HEAD "actors:\n");
	for (int i = 0; i < 20000; i++)
		len += (size_t)snprintf(text + len, cap - len, "  A%d: {name: Actor %d, kind: state}\n", i, i);
	len += (size_t)snprintf(text + len, cap - len, "ties:\n\t- {from: A1, to: A2}\n");
	assert_true(len < cap && len > 512 << 10);
	check_fatal_n(text, len, "t.yaml:20006:1: error: YAML syntax: found character that cannot start "
	                         "any token (a tab: YAML is indented with spaces only) (while scanning "
	                         "for the next token at line 20006, column 1)\n");
	free(text);
}

static void test_many_events(void **state)
{
	(void)state;
	size_t cap = 1 << 21, len = 0;
	char *text = malloc(cap);
	len += (size_t)snprintf(text + len, cap - len, HEAD "x-when: &w 1990\nx-padding: [");
	/* Past 512 KiB, and many batches of events: parsed ahead in the second thread (events.c). */
	for (int i = 0; i < 110000; i++)
		len += (size_t)snprintf(text + len, cap - len, "%s%d", i ? ", " : "", i);
	len += (size_t)snprintf(text + len, cap - len, "]\nties:\n  - {from: A, to: B, type: arms, when: *w");
	for (int i = 1; i <= 17; i++)
		len += (size_t)snprintf(text + len, cap - len, ", x-shared-prefix-%02d: %d", i, i);
	len += (size_t)snprintf(text + len, cap - len,
	                        ", x-shared-prefix-03: again}\n"
	                        "  - {from: [B, A], to: C, type: arms, when: 1991}\n"
	                        "actors:\n  A: {name: Alpha, kind: state}\n"
	                        "  B: {name: Beta, kind: state}\n  C: {name: Gamma, kind: state}\n");
	assert_true(len < cap && len > 512 << 10);
	an_network *net = load_n(text, len, "t.yaml:7:443: error: duplicate key 'x-shared-prefix-03' "
	                                    "(first at line 7, column 90)\n");
	assert_non_null(net);
	assert_int_equal(net->nties, 2);
	assert_string_equal(net->ties[0].when_text.text, "1990");
	assert_int_equal(net->nlinks, 3);
	assert_int_equal(net->links[0].from, 0);
	assert_int_equal(net->links[0].to, 1);
	assert_int_equal(net->links[1].from, 1);
	assert_int_equal(net->links[2].to, 2);
	an_network_free(net);
	free(text);
}

static void test_anchors_and_aliases(void **state)
{
	(void)state;
	an_network *net = load(HEAD "x-templates:\n"
	                            "  state: &st {name: Somewhere, kind: state, region: Middle East}\n"
	                            "actors:\n"
	                            "  A: *st\n"
	                            "  B: &b {name: B, kind: non-state, when: &w 1980/1999}\n"
	                            "  C: *b\n"
	                            "ties:\n"
	                            "  - &tie {from: A, to: B, type: arms, when: *w}\n"
	                            "  - {from: C, to: A, type: &t training, when: 1990}\n"
	                            "  - {from: A, to: C, type: *t, when: 1991}\n",
	                       "");
	assert_non_null(net);
	assert_int_equal(net->nactors, 3);
	assert_string_equal(net->actors[0].id.text, "A");
	assert_string_equal(net->actors[0].name.text, "Somewhere");
	assert_string_equal(net->actors[0].region.text, "Middle East");
	assert_true(net->actors[0].has_kind);
	assert_int_equal(net->actors[0].kind, AN_STATE);
	assert_string_equal(net->actors[2].id.text, "C");
	assert_string_equal(net->actors[2].name.text, "B");
	assert_int_equal(net->actors[2].kind, AN_NON_STATE);
	assert_true(net->actors[2].when_ok);
	assert_string_equal(net->actors[2].when_text.text, "1980/1999");
	assert_int_equal(net->nties, 3);
	assert_string_equal(net->ties[0].when_text.text, "1980/1999");
	assert_string_equal(net->ties[2].type.text, "training");
	assert_int_equal(net->nlinks, 3);
	an_network_free(net);

	/* A whole tie reused: two ties. */
	net = load(HEAD "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
	                "ties:\n"
	                "  - &tie {from: A, to: B, type: arms, when: 1990}\n"
	                "  - *tie\n",
	           "");
	assert_int_equal(net->nties, 2);
	assert_int_equal(net->nlinks, 2);
	an_network_free(net);
}

/* Nine levels of ten aliases each would be 10^9 nodes: refused at the bound, alone. */
static void test_alias_bomb(void **state)
{
	(void)state;
	char text[4096];
	char *p = text;
	p += sprintf(p, "title: T\ncolour: red\nx-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i <= 9; i++) {
		p += sprintf(p, "  a%d: &a%d [", i, i);
		for (int j = 0; j < 10; j++)
			p += sprintf(p, "%s*a%d", j ? ", " : "", i - 1);
		p += sprintf(p, "]\n");
	}
	sprintf(p, "actors: {A: {name: A, kind: stat}}\nties: []\n");
	check_fatal(text, "t.yaml:8:42: " ALIAS_LIMIT "\n");
}

/* 10,000 nested lists in an extension value: refused at the limit, alone. */
static void test_deep_nesting(void **state)
{
	(void)state;
	size_t n = 10000;
	const char *head = "title: T\ncolour: red\nx-deep: ";
	const char *tail = "\nactors: {}\nties: []\n";
	char *text = malloc(strlen(head) + 2 * n + strlen(tail) + 1);
	strcpy(text, head);
	memset(text + strlen(head), '[', n);
	strcpy(text + strlen(head) + n, tail);
	check_fatal(text, "t.yaml:3:32: " NESTING "\n");
	/* Closed, too. */
	strcpy(text, head);
	memset(text + strlen(head), '[', n);
	memset(text + strlen(head) + n, ']', n);
	strcpy(text + strlen(head) + 2 * n, tail);
	check_fatal(text, "t.yaml:3:32: " NESTING "\n");
	free(text);
	/* Twenty levels in an extension are fine. */
	check("title: T\nx-deep: [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]\nactors: {}\nties: []\n", "");
}

/* --------------------------------------------------------------- warnings */

static void test_warnings(void **state)
{
	(void)state;
	check("title: T\n"
	      "sources: {s: S}\n"
	      "actors:\n"
	      "  IRN: {name: Iran, kind: state, when: 1979/..}\n"
	      "  PRK: {name: North Korea, kind: state, when: 1948/..}\n"
	      "  SU: {name: Soviet Union, kind: state, when: 1922/1991-12-26}\n"
	      "  ZZ: {name: Unused, kind: state}\n"
	      "ties:\n"
	      "  - {from: PRK, to: IRN, type: arms}\n"
	      "  - {from: PRK, to: IRN, type: arms, when: 1980, sources: s}\n"
	      "  - {from: SU, to: PRK, type: arms, when: 1975/1995, sources: s}\n"
	      "  - {from: SU, to: IRN, type: arms, when: 1970, sources: s}\n"
	      "  - {from: SU, to: [PRK, IRN], type: arms, when: 1992/, sources: s}\n"
	      "  - {from: SU, to: IRN, type: arms, when: 199X, sources: s}\n"
	      "  - {from: SU, to: IRN, type: arms, when: 1991-12-26, sources: s}\n"
	      "  - {from: SU, to: IRN, type: arms, when: 1991-12-27, sources: [s]}\n",
	      "t.yaml:7:3: warning: actor 'ZZ' is in no tie\n"
	      "t.yaml:9:5: " UNDATED " while its actors exist\n"
	      "t.yaml:9:5: " NO_SOURCE "\n"
	      "t.yaml:11:43: warning: the tie's date '1975/1995' runs past the 'when' of actor 'SU' "
	      "(1922/1991-12-26, line 6): it is drawn and counted only within it\n"
	      "t.yaml:12:43: error: the tie's date '1970' is outside the 'when' of actor 'IRN' (1979/.., line 4): "
	      "a tie is only in force while its actors exist\n"
	      "t.yaml:13:50: error: the tie's date '1992/' is outside the 'when' of actor 'SU' "
	      "(1922/1991-12-26, line 6): a tie is only in force while its actors exist\n"
	      "t.yaml:16:43: error: the tie's date '1991-12-27' is outside the 'when' of actor 'SU' "
	      "(1922/1991-12-26, line 6): a tie is only in force while its actors exist\n");
	/* With a default source no tie lacks one. */
	check(HEAD "actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\n"
	           "ties: [{from: A, to: B, type: arms}]\n",
	      "t.yaml:5:8: " UNDATED "\n");
}

/* A valid network with every key gives no diagnostic at all. */
static void test_valid_network(void **state)
{
	(void)state;
	an_network *net =
		load("format: 1\n"
		     "title: Iran \xe2\x80\x93 North Korea\n"
		     "subtitle: Ties\n"
		     "description: >\n"
		     "  Free text.\n"
		     "sources:\n"
		     "  seric2023:\n"
		     "    title: A partnership\n"
		     "    author: Matija \xc5\xa0\x65ri\xc4\x87\n"
		     "    date: 2023-11\n"
		     "    url: https://example.org/a\n"
		     "  un: \"UN Panel of Experts report\"\n"
		     "default_source: seric2023\n"
		     "actors:\n"
		     "  IRN:\n"
		     "    name: Iran\n"
		     "    label: Iran\n"
		     "    kind: state\n"
		     "    type: Islamic Republic\n"
		     "    region: Middle East\n"
		     "    part_of: null\n"
		     "    when: 1979/..\n"
		     "    url: https://example.org/iran\n"
		     "    note: free text\n"
		     "  PRK: {name: North Korea, kind: state}\n"
		     "  SHIG: {name: Shahid Hemmat, kind: non-state, part_of: IRN}\n"
		     "types:\n"
		     "  tunnels: {label: Tunnel construction, color: \"#8c564b\"}\n"
		     "  arms: {color: \"#b30000\"}\n"
		     "ties:\n"
		     "  - from: PRK\n"
		     "    to: IRN\n"
		     "    type: arms\n"
		     "    when: 1980\n"
		     "    label: Artillery shells\n"
		     "    confidence: confirmed\n"
		     "    mutual: false\n"
		     "    sources: [seric2023, un]\n"
		     "    grade: B2\n"
		     "    note: Three planes\n"
		     "    id: prk-irn-shells-1980\n"
		     "  - {from: PRK, to: [IRN, SHIG], type: tunnels, when: 198X/.., confidence: alleged}\n",
		     "");
	assert_int_equal(net->nactors, 3);
	assert_int_equal(net->nties, 2);
	assert_int_equal(net->nlinks, 3);
	assert_string_equal(net->links[0].key, "prk-irn-shells-1980");
	assert_string_equal(net->links[1].key, "2");
	assert_string_equal(net->links[2].key, "2.2");
	assert_int_equal(net->ties[0].confidence, AN_CONFIRMED);
	assert_int_equal(net->ties[1].confidence, AN_ALLEGED);
	assert_int_equal(net->actors[2].part_of_index, 0);
	assert_int_equal(net->nsources, 2);
	an_network_free(net);
}

/* Null is "absent" for optional keys (defaults apply); required texts may not be empty. */
static void test_null_optional(void **state)
{
	(void)state;
	an_network *net = load(HEAD "subtitle: ~\ntypes: ~\n"
	                            "actors: {A: {name: A, kind: state, label: ~, region: null},\n"
	                            "         B: {name: B, kind: state}}\n"
	                            "ties:\n"
	                            "  - {from: A, to: B, type: arms, when: 1990, mutual: ~, confidence: ~}\n",
	                       "");
	assert_non_null(net);
	assert_null(net->actors[0].label.text);
	assert_false(net->ties[0].mutual);
	assert_int_equal(net->ties[0].confidence, AN_REPORTED);
	an_network_free(net);
	check("sources: ~\nactors: {A: {name: A, kind: state}}\nties: []\n",
	      "t.yaml:1:1: error: the network needs a 'title' (drawn above the diagram)\n"
	      "t.yaml:2:10: warning: actor 'A' is in no tie\n");
	check(HEAD "title2: x\nactors: {A: {name: A, kind: state}, B: {name: \"\", kind: state}}\n"
	           "ties: [{from: A, to: B, type: \"\", when: 1990}]\n",
	      "t.yaml:4:1: error: unknown key 'title2' in the network (did you mean 'title'?)\n"
	      "t.yaml:5:47: error: 'name' must not be empty\n"
	      "t.yaml:6:31: error: 'type' must not be empty\n");
}

/* The keys of actors, sources and types are ids: an `x-` there is an id, not an extension. */
static void test_x_ids(void **state)
{
	(void)state;
	an_network *net = load(HEAD "actors: {x-ray: {name: X, kind: state}, B: {name: B, kind: state}}\n"
	                            "ties: [{from: x-ray, to: B, type: arms, when: 1990}]\n",
	                       "");
	assert_non_null(net);
	assert_int_equal(net->nactors, 2);
	assert_int_equal(net->nlinks, 1);
	an_network_free(net);
}

/* A text longer than 64 KiB is an error at its position; one of 64 KiB is fine. */
static void check_long_name(size_t n, const char *expected)
{
	const char *head = "title: T\nactors: {A: {kind: state, name: \"", *tail = "\"}}\nties: []\n";
	char *text = malloc(strlen(head) + n + strlen(tail) + 1);
	strcpy(text, head);
	memset(text + strlen(head), 'x', n);
	strcpy(text + strlen(head) + n, tail);
	check(text, expected);
	free(text);
}

static void test_long_texts(void **state)
{
	(void)state;
	check_long_name(65537, "t.yaml:2:10: warning: actor 'A' is in no tie\n"
	                       "t.yaml:2:33: error: a text of 65537 bytes: a network file's texts have at most 65536 (is this the file you meant?)\n");
	check_long_name(65536, "t.yaml:2:10: warning: actor 'A' is in no tie\n");
}

/* part_of may not lead back to the actor; tie sources and type colours may be null. */
static void test_part_of_cycles(void **state)
{
	(void)state;
	check(HEAD "types: {tunnels: {color: ~}}\n"
	           "actors:\n"
	           "  A: {name: A, kind: state, part_of: B}\n"
	           "  B: {name: B, kind: state, part_of: C}\n"
	           "  C: {name: C, kind: state, part_of: A}\n"
	           "  D: {name: D, kind: state, part_of: A}\n"
	           "ties: [{from: A, to: D, type: tunnels, when: 1990, sources: ~}]\n",
	      "t.yaml:6:38: error: actor 'A' is part of itself through 'part_of' ('B' leads back to it)\n"
	      "t.yaml:7:3: warning: actor 'B' is in no tie\n"
	      "t.yaml:8:3: warning: actor 'C' is in no tie\n");
}

/* UTF-16 is refused at once; a control character is named. */
static void test_encodings(void **state)
{
	(void)state;
	check_fatal_n("\xFF\xFEt\0i\0", 6,
	              "t.yaml:1:1: error: the file is UTF-16: save it as UTF-8 (network files are UTF-8)\n");
	check_fatal("title: \"a\x01" "b\"\nactors: {}\nties: []\n",
	            "t.yaml:1:10: error: the control character U+0001 is not allowed in a network file\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_unknown_key_block),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_wrong_value_types),
		cmocka_unit_test(test_wrong_collection_types),
		cmocka_unit_test(test_empty_values),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_missing_top_keys),
		cmocka_unit_test(test_unknown_references),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_end_before_start),
		cmocka_unit_test(test_lists_and_self_ties),
		cmocka_unit_test(test_mutual_expansion),
		cmocka_unit_test(test_invalid_ids),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_booleans),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_empty_documents),
		cmocka_unit_test(test_not_a_mapping),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_syntax_error_alone),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_positions_count_characters),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_merge_keys),
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_undefined_alias),
		cmocka_unit_test(test_anchors_and_aliases),
		cmocka_unit_test(test_many_events),
		cmocka_unit_test(test_syntax_error_ahead),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_valid_network),
		cmocka_unit_test(test_null_optional),
		cmocka_unit_test(test_x_ids),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_part_of_cycles),
		cmocka_unit_test(test_long_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
