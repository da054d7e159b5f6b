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
