/* test_filter.c: which links and actors a view shows, by period, type, confidence and focus, and its period text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actornet.h"

#define DASH "\xe2\x80\x93" /* – */

/* A network from YAML text, which must have no error (warnings are fine). */
static an_network *network(const char *yaml)
{
	an_diags diags;
	an_diags_init(&diags);
	an_network *net = an_load_buffer("f.yaml", yaml, strlen(yaml), NULL, &diags);
	if (net)
		an_validate(net, &diags);
	if (!net || diags.errors > 0) {
		an_diags_sort(&diags);
		for (size_t i = 0; i < diags.count; i++) {
			char *line = an_diag_format(&diags.items[i]);
			fprintf(stderr, "%s\n", line);
			free(line);
		}
		an_network_free(net);
		an_diags_free(&diags);
		fail_msg("the test network has errors");
	}
	an_diags_free(&diags);
	return net;
}

/* A filter for a period ("1990s", "1995", ...), or for none when period is NULL. */
static an_filter filter_for(const char *period, bool certain)
{
	an_filter f;
	an_filter_init(&f);
	if (period) {
		char problem[128];
		if (!an_period_parse(period, &f.period, problem, sizeof problem))
			fail_msg("period '%s': %s", period, problem);
		f.has_period = true;
	}
	f.certain = certain;
	return f;
}

/* The keys of the view's links and the ids of its actors, each separated by spaces. */
static void describe(const an_view *v, char *links, char *actors, size_t size)
{
	const an_network *net = v->net;
	links[0] = actors[0] = '\0';
	for (size_t i = 0; i < v->nlinks; i++) {
		strncat(links, i ? " " : "", size - strlen(links) - 1);
		strncat(links, net->links[v->links[i]].key, size - strlen(links) - 1);
	}
	size_t shown = 0;
	for (size_t i = 0; i < net->nactors; i++)
		if (v->actor_shown[i]) {
			strncat(actors, shown++ ? " " : "", size - strlen(actors) - 1);
			strncat(actors, net->actors[i].id.text, size - strlen(actors) - 1);
		}
	assert_int_equal(v->nactors_shown, shown);
}

/* Builds the view and checks exactly which links (by key) and actors (by id) it shows. */
static void check_view_at(const char *file, int line, const an_network *net, const an_filter *f,
                          const char *links, const char *actors)
{
	an_view v;
	an_view_build(&v, net, f);
	char got_links[1024], got_actors[1024];
	describe(&v, got_links, got_actors, sizeof got_links);
	an_view_free(&v);
	if (strcmp(got_links, links) != 0 || (actors && strcmp(got_actors, actors) != 0))
		fail_msg("%s:%d: links [%s], actors [%s]; expected links [%s], actors [%s]", file, line,
		         got_links, got_actors, links, actors ? actors : "(any)");
}
#define check_view(net, f, links, actors) check_view_at(__FILE__, __LINE__, net, f, links, actors)

/* Only the links, for one period. */
#define check_period(net, period, certain, links)                  \
	do {                                                           \
		an_filter f_ = filter_for(period, certain);                \
		check_view_at(__FILE__, __LINE__, net, &f_, links, NULL);  \
	} while (0)

static const char period_network[] =
	"title: Periods\n"
	"default_source: s\n"
	"sources: {s: S}\n"
	"actors:\n"
	"  A: {name: A, kind: state}\n"
	"  B: {name: B, kind: state}\n"
	"ties:\n"
	"  - {id: eighties, from: A, to: B, type: arms, when: 1980/1989-12-31}\n"
	"  - {id: edge, from: A, to: B, type: arms, when: 1989-12-31/1990-01-01}\n"
	"  - {id: x90, from: A, to: B, type: arms, when: 199X}\n"
	"  - {id: ongoing, from: A, to: B, type: arms, when: 1973/..}\n"
	"  - {id: undated, from: A, to: B, type: arms}\n"
	"  - {id: unknown-end, from: A, to: B, type: arms, when: 2010/}\n"
	"  - {id: maybe95, from: A, to: B, type: arms, when: 1995?}\n"
	"  - {id: last-day, from: A, to: B, type: arms, when: 1999-12-31}\n"
	"  - {id: y2000, from: A, to: B, type: arms, when: 2000-01-01}\n"
	"  - {id: open-start, from: A, to: B, type: arms, when: ../1989}\n";

static void test_period_edges(void **state)
{
	(void)state;
	an_network *net = network(period_network);
	/* No period: every tie. */
	check_period(net, NULL, false,
	             "eighties edge x90 ongoing undated unknown-end maybe95 last-day y2000 open-start");
	/* A tie that ends on 1989-12-31 is not in the 1990s; one that ends on 1990-01-01 is. */
	check_period(net, "1990s", false, "edge x90 ongoing undated maybe95 last-day");
	check_period(net, "1990-1999", false, "edge x90 ongoing undated maybe95 last-day");
	check_period(net, "1980s", false, "eighties edge ongoing undated open-start");
	check_period(net, "2000s", false, "ongoing undated y2000");
	check_period(net, "1960s", false, "undated open-start");
	/* 199X is certainly in the 1990s, possibly in 1995; a qualified date is never certain. */
	check_period(net, "1990s", true, "edge x90 ongoing undated last-day");
	check_period(net, "1995", false, "x90 ongoing undated maybe95");
	check_period(net, "1995", true, "ongoing undated");
	check_period(net, "1980s", true, "eighties edge ongoing undated open-start");
	/* 2010/ (unknown end) ended some time after 2010: possibly in later decades, certainly in its own. */
	check_period(net, "2010s", false, "ongoing undated unknown-end");
	check_period(net, "2010s", true, "ongoing undated unknown-end");
	check_period(net, "2020s", false, "ongoing undated unknown-end");
	check_period(net, "2020s", true, "ongoing undated");
	check_period(net, "2009", false, "ongoing undated");
	/* Open ranges. */
	check_period(net, "2010-", false, "ongoing undated unknown-end");
	check_period(net, "../1972", false, "undated open-start");
	an_network_free(net);
}

/* 1973/.. is in every decade from the 1970s on, possibly and certainly. */
static void test_ongoing_every_later_decade(void **state)
{
	(void)state;
	an_network *net = network(period_network);
	for (int decade = 1970; decade <= 2090; decade += 10) {
		char period[16];
		snprintf(period, sizeof period, "%ds", decade);
		for (int certain = 0; certain <= 1; certain++) {
			an_filter f = filter_for(period, certain);
			an_view v;
			an_view_build(&v, net, &f);
			bool found = false;
			for (size_t i = 0; i < v.nlinks; i++)
				found |= strcmp(net->links[v.links[i]].key, "ongoing") == 0;
			an_view_free(&v);
			if (!found)
				fail_msg("1973/.. is not in the %s (certain: %d)", period, certain);
		}
	}
	an_network_free(net);
}

static void test_undated(void **state)
{
	(void)state;
	an_network *net = network(period_network);
	an_filter f = filter_for("1990s", false);
	f.undated = AN_UNDATED_HIDE;
	check_view(net, &f, "edge x90 ongoing maybe95 last-day", "A B");
	f = filter_for("1960s", false);
	check_view(net, &f, "undated open-start", "A B");
	f.undated = AN_UNDATED_HIDE;
	check_view(net, &f, "open-start", "A B");
	f = filter_for("1890s", false);
	check_view(net, &f, "undated open-start", "A B");
	f.undated = AN_UNDATED_HIDE;
	check_view(net, &f, "open-start", "A B");
	f = filter_for(NULL, false);
	f.undated = AN_UNDATED_HIDE;
	check_view(net, &f,
	           "eighties edge x90 ongoing unknown-end maybe95 last-day y2000 open-start", "A B");
	an_network_free(net);
}

/* Actors are shown when one of their shown ties is. */
static void test_actors_follow_ties(void **state)
{
	(void)state;
	an_network *net = network("title: T\n"
	                          "default_source: s\n"
	                          "sources: {s: S}\n"
	                          "actors:\n"
	                          "  IRN: {name: Iran, kind: state}\n"
	                          "  PRK: {name: North Korea, kind: state}\n"
	                          "  SYR: {name: Syria, kind: state}\n"
	                          "  HZB: {name: Hezbollah, kind: non-state}\n"
	                          "ties:\n"
	                          "  - {from: PRK, to: IRN, type: missiles, when: 1987/1993}\n"
	                          "  - {from: IRN, to: [HZB, SYR], type: arms, when: 2006}\n"
	                          "  - {from: [PRK, IRN, SYR], to: [PRK, IRN, SYR], mutual: true,"
	                          " type: cooperation, when: 2010/..}\n");
	an_filter f = filter_for("1990s", false);
	check_view(net, &f, "1", "IRN PRK");
	f = filter_for("2000s", false);
	check_view(net, &f, "2 2.2", "IRN SYR HZB");
	f = filter_for("2010s", false);
	check_view(net, &f, "3 3.2 3.3", "IRN PRK SYR");
	f = filter_for("1960s", false);
	check_view(net, &f, "", "");
	an_network_free(net);
}

static const char kinds_network[] =
	"title: T\n"
	"default_source: s\n"
	"sources: {s: S}\n"
	"types:\n"
	"  tunnels: {label: Tunnels}\n"
	"actors:\n"
	"  A: {name: A, kind: state}\n"
	"  B: {name: B, kind: state}\n"
	"  C: {name: C, kind: non-state}\n"
	"  D: {name: D, kind: non-state}\n"
	"ties:\n"
	"  - {id: arms, from: A, to: B, type: arms, when: 1990, confidence: confirmed}\n"
	"  - {id: missiles, from: A, to: C, type: missiles, when: 1990, confidence: reported}\n"
	"  - {id: training, from: B, to: C, type: training, when: 1990}\n"
	"  - {id: tunnels, from: C, to: D, type: tunnels, when: 1990, confidence: alleged}\n"
	"  - {id: hostility, from: D, to: A, type: hostility, when: 1990, confidence: disputed}\n";

static void test_type_filter(void **state)
{
	(void)state;
	an_network *net = network(kinds_network);
	bool *allowed = calloc(net->ntypes, sizeof *allowed);
	an_filter f = filter_for(NULL, false);
	f.type_allowed = allowed;
	check_view(net, &f, "", "");
	allowed[an_find_type(net, "arms")] = true;
	check_view(net, &f, "arms", "A B");
	allowed[an_find_type(net, "tunnels")] = true;
	check_view(net, &f, "arms tunnels", "A B C D");
	allowed[an_find_type(net, "arms")] = false;
	allowed[an_find_type(net, "missiles")] = true;
	allowed[an_find_type(net, "training")] = true;
	check_view(net, &f, "missiles training tunnels", "A B C D");
	memset(allowed, 0, net->ntypes * sizeof *allowed);
	allowed[an_find_type(net, "hostility")] = true;
	check_view(net, &f, "hostility", "A D");
	/* With a period too. */
	allowed[an_find_type(net, "arms")] = true;
	f = filter_for("2000s", false);
	f.type_allowed = allowed;
	check_view(net, &f, "", "");
	free(allowed);
	an_network_free(net);
}

static void test_min_confidence(void **state)
{
	(void)state;
	an_network *net = network(kinds_network);
	an_filter f = filter_for(NULL, false);
	assert_int_equal(f.min_confidence, AN_DISPUTED);
	check_view(net, &f, "arms missiles training tunnels hostility", "A B C D");
	f.min_confidence = AN_ALLEGED;
	check_view(net, &f, "arms missiles training tunnels", "A B C D");
	/* Reported hides alleged and disputed; a tie without confidence is reported. */
	f.min_confidence = AN_REPORTED;
	check_view(net, &f, "arms missiles training", "A B C");
	f.min_confidence = AN_CONFIRMED;
	check_view(net, &f, "arms", "A B");
	an_network_free(net);
}

/* A chain A -> B <- C -> D (and E -> F apart): a hop follows a tie in either direction. */
static const char chain_network[] =
	"title: T\n"
	"default_source: s\n"
	"sources: {s: S}\n"
	"actors:\n"
	"  A: {name: A, kind: state}\n"
	"  B: {name: B, kind: state}\n"
	"  C: {name: C, kind: state}\n"
	"  D: {name: D, kind: state}\n"
	"  E: {name: E, kind: state}\n"
	"  F: {name: F, kind: state}\n"
	"ties:\n"
	"  - {id: ab, from: A, to: B, type: arms, when: 1990}\n"
	"  - {id: cb, from: C, to: B, type: arms, when: 1980}\n"
	"  - {id: cd, from: C, to: D, type: arms, when: 1991}\n"
	"  - {id: ef, from: E, to: F, type: arms, when: 1992}\n";

static void check_focus_at(int line, const an_network *net, const char *const *ids, int depth,
                           const char *period, bool all_actors, const char *links,
                           const char *actors)
{
	size_t focus[8], n = 0;
	for (; ids[n]; n++) {
		focus[n] = an_find_actor(net, ids[n]);
		assert_int_not_equal(focus[n], SIZE_MAX);
	}
	an_filter f = filter_for(period, false);
	f.focus = focus;
	f.nfocus = n;
	f.depth = depth;
	f.all_actors = all_actors;
	check_view_at(__FILE__, line, net, &f, links, actors);
}
#define FOCUS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define check_focus(net, ids, depth, period, all, links, actors) \
	check_focus_at(__LINE__, net, ids, depth, period, all, links, actors)

static void test_focus(void **state)
{
	(void)state;
	an_network *net = network(chain_network);
	an_filter f = filter_for(NULL, false);
	assert_int_equal(f.depth, 1);
	check_focus(net, FOCUS("B"), 0, NULL, false, "", "B");
	check_focus(net, FOCUS("B"), 1, NULL, false, "ab cb", "A B C");
	check_focus(net, FOCUS("B"), 2, NULL, false, "ab cb cd", "A B C D");
	check_focus(net, FOCUS("A"), 0, NULL, false, "", "A");
	check_focus(net, FOCUS("A"), 1, NULL, false, "ab", "A B");
	check_focus(net, FOCUS("A"), 2, NULL, false, "ab cb", "A B C");
	check_focus(net, FOCUS("A"), 3, NULL, false, "ab cb cd", "A B C D");
	check_focus(net, FOCUS("A"), 50, NULL, false, "ab cb cd", "A B C D");
	check_focus(net, FOCUS("D"), 1, NULL, false, "cd", "C D");
	check_focus(net, FOCUS("D"), 2, NULL, false, "cb cd", "B C D");
	/* Several focus actors: the ties among every actor reached. */
	check_focus(net, FOCUS("A", "D"), 1, NULL, false, "ab cb cd", "A B C D");
	check_focus(net, FOCUS("A", "E"), 1, NULL, false, "ab ef", "A B E F");
	check_focus(net, FOCUS("A", "E"), 0, NULL, false, "", "A E");
	/* Hops follow only the ties the other filters keep: cb is in the 1980s. */
	check_focus(net, FOCUS("A"), 3, "1990s", false, "ab", "A B");
	check_focus(net, FOCUS("D"), 3, "1990s", false, "cd", "C D");
	/* A focus actor with no tie in the period is still drawn. */
	check_focus(net, FOCUS("B"), 1, "2000s", false, "", "B");
	an_network_free(net);
}

static void test_all_actors(void **state)
{
	(void)state;
	an_network *net = network("title: T\n"
	                          "default_source: s\n"
	                          "sources: {s: S}\n"
	                          "actors:\n"
	                          "  A: {name: A, kind: state}\n"
	                          "  B: {name: B, kind: state, when: 2000/..}\n"
	                          "  C: {name: C, kind: state, when: 1950/1985}\n"
	                          "  D: {name: D, kind: state, when: 1985/1995}\n"
	                          "  E: {name: E, kind: state}\n"
	                          "ties:\n"
	                          "  - {id: ae, from: A, to: E, type: arms, when: 1990}\n"
	                          "  - {id: ad, from: A, to: D, type: arms, when: 1980/2010}\n"
	                          "  - {id: be, from: B, to: E, type: arms}\n");
	/* A tie is in force only while its actors exist: ad in 1985-1995, the undated be from 2000. */
	an_filter f = filter_for("1990s", false);
	check_view(net, &f, "ae ad", "A D E");
	f = filter_for("2000s", false);
	check_view(net, &f, "be", "B E");
	f = filter_for("1970s", false);
	check_view(net, &f, "", "");
	f = filter_for("1990s", false);
	f.undated = AN_UNDATED_HIDE;
	check_view(net, &f, "ae ad", "A D E");
	/* Every actor that exists in the period, with or without a tie. */
	f.all_actors = true;
	check_view(net, &f, "ae ad", "A D E");
	f = filter_for("2000s", false);
	f.undated = AN_UNDATED_HIDE;
	f.all_actors = true;
	check_view(net, &f, "", "A B E");
	f = filter_for(NULL, false);
	f.undated = AN_UNDATED_HIDE;
	f.all_actors = true;
	check_view(net, &f, "ae ad", "A B C D E");
	/* With a focus: the actors reached, even without a tie among them. */
	size_t focus = an_find_actor(net, "C");
	f = filter_for("1990s", false);
	f.focus = &focus;
	f.nfocus = 1;
	f.all_actors = true;
	check_view(net, &f, "", "C");
	an_network_free(net);
}

static void check_period_text(const char *yaml, const char *period, bool has_period,
                              const char *text)
{
	an_network *net = network(yaml);
	an_filter f = filter_for(period, false);
	an_view v;
	an_view_build(&v, net, &f);
	assert_int_equal(v.has_period, has_period);
	assert_string_equal(v.period_text, text);
	an_view_free(&v);
	an_network_free(net);
}

#define TIES_HEAD                                                                  \
	"title: T\ndefault_source: s\nsources: {s: S}\n"                                \
	"actors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\nties:\n"

static void test_period_text(void **state)
{
	(void)state;
	static const char net[] = TIES_HEAD
		"  - {from: A, to: B, type: arms, when: 1973/..}\n"
		"  - {from: A, to: B, type: arms, when: 2023-05}\n"
		"  - {from: A, to: B, type: arms, when: 1990}\n"
		"  - {from: A, to: B, type: arms}\n";
	check_period_text(net, "1990s", true, "1990" DASH "1999");
	check_period_text(net, "1990-1999", true, "1990" DASH "1999");
	check_period_text(net, "2017", true, "2017");
	check_period_text(net, "2010-", true, "2010" DASH);
	/* No period: the span of the dated ties in whole years. */
	check_period_text(net, NULL, true, "1973" DASH "2023");
	check_period_text(TIES_HEAD "  - {from: A, to: B, type: arms, when: 2009-12-11}\n"
	                            "  - {from: A, to: B, type: arms, when: 2011-02}\n",
	                  NULL, true, "2009" DASH "2011");
	check_period_text(TIES_HEAD "  - {from: A, to: B, type: arms, when: 199X}\n", NULL, true,
	                  "1990" DASH "1999");
	check_period_text(TIES_HEAD "  - {from: A, to: B, type: arms, when: 1995-06-01}\n", NULL,
	                  true, "1995");
	check_period_text(TIES_HEAD "  - {from: A, to: B, type: arms, when: ../1989}\n"
	                            "  - {from: A, to: B, type: arms, when: 1985/1987}\n",
	                  NULL, true, "1985" DASH "1989");
	/* No dated tie: no period. */
	check_period_text(TIES_HEAD "  - {from: A, to: B, type: arms}\n", NULL, false, "");

	/* The view's days are the whole years of the span. */
	an_network *n = network(net);
	an_filter f = filter_for(NULL, false);
	an_view v;
	an_view_build(&v, n, &f);
	assert_int_equal(v.period.days.first_day, an_days_from_civil(1973, 1, 1));
	assert_int_equal(v.period.days.last_day, an_days_from_civil(2023, 12, 31));
	an_view_free(&v);
	an_network_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_edges),
		cmocka_unit_test(test_ongoing_every_later_decade),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_actors_follow_ties),
		cmocka_unit_test(test_type_filter),
		cmocka_unit_test(test_min_confidence),
		cmocka_unit_test(test_focus),
		cmocka_unit_test(test_all_actors),
		cmocka_unit_test(test_period_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
