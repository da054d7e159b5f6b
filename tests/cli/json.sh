# render's JSON and the filters it shows, byte for byte (run by tests/run; compared with json.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
run() { "$@" 2>&1; echo "exit $?"; }
ids() { # ids KEY: the ids of the JSON's actors or ties, one line
	python3 -c "import json, sys; print(' '.join(x['id'] for x in json.load(sys.stdin)['$1']))"
}
# The 2010s: their period and days, 25 ties.
run "$A" render -q "$NET" -p 2010s -T json -o -
# --certain drops the ties whose unknown end may fall before the period.
"$A" render -q "$NET" -p 2010s --certain -T json -o - | ids ties
# --all-actors draws every actor of the period, tied or not.
"$A" render -q "$NET" -p 1960s --all-actors -T json -o - | ids actors
# --focus keeps the actors within --depth ties; --type and --confidence filter the ties.
run "$A" render -q "$NET" --focus HAMAS --depth 1 -T json -o -
run "$A" render -q "$NET" --type missiles,nuclear --confidence confirmed -T json -o -
