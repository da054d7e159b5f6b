# Usage errors: each command's message and exit status (run by tests/run; compared with usage.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
run() { "$@" 2>&1; echo "exit $?"; }
run "$A"
run "$A" frobnicate
run "$A" render
run "$A" render "$NET"
run "$A" render "$NET" -o out.jpg
run "$A" render "$NET" -o x.svg --period 1995s
run "$A" render "$NET" -o x.svg --period 1990-99
run "$A" render "$NET" -o x.svg --type missile
run "$A" render "$NET" -o x.svg --confidence sure
run "$A" render "$NET" -o x.svg --layout circle
run "$A" render "$NET" -o x.svg --depth -1
run "$A" render "$NET" -o x.svg --undated maybe
run "$A" render "$NET" --each decade -o x.svg
run "$A" render "$NET" --each week -o 'x-{period}.svg'
run "$A" render "$NET" --each 0y -o 'x-{period}.svg'
run "$A" render "$NET" --each 1001y -o 'x-{period}.svg'
run "$A" render "$NET" --from 1990s -o x.svg
run "$A" render "$NET" -o x.html
run "$A" render "$NET" --each decade --from ../2000 -o 'x-{period}.svg'
run "$A" render "$NET" --each decade --to 2010- -o 'x-{period}.svg'
run "$A" render "$NET" --each decade --from 2000 --to 1990 -o 'x-{period}.svg'
run "$A" render "$NET" --each year --from 0001 --to 2020 -o 'x-{period}.svg'
run "$A" render "$NET" --each decade --jobs 0 -o 'x-{period}.svg'
run "$A" render "$NET" --period 1990s --each decade -o 'x-{period}.svg'
run "$A" render "$NET" other.yaml -o x.svg
run "$A" check
run "$A" check --max-size 12Q "$NET"
run "$A" help nothing
run "$A" --version
run "$A" render --bogus "$NET"
run "$A" render "$NET" -o
run "$A" check -z "$NET"
run "$A" stats
run "$A" stats "$NET" --by week
run "$A" stats "$NET" --table edges
run "$A" stats "$NET" -T xml
run "$A" stats "$NET" --type missile
run "$A" stats "$NET" -o "$NET"
run "$A" export "$NET"
run "$A" export "$NET" -o x.csv
run "$A" export "$NET" -o "$TMP/x.gexf" -o "$TMP/x.gexf"
run "$A" export "$NET" -o - -o - -T json
run "$A" render "$NET" -o "$TMP/x.svg" -o "$TMP/x.svg"
run "$A" render "$NET" --id-prefix 2fig -o "$TMP/x.svg"
run "$A" render "$NET" --id-prefix 'fig {period}' --each decade -o "$TMP/x-{period}.svg"
run "$A" render "$NET" --id-prefix 'fig-{period}' -o "$TMP/x.svg"
run "$A" export "$NET" -o x.gexf --period 1990s- 
run "$A" import --actors a.csv -o x.yaml
run "$A" import --actors a.csv --ties t.csv
run "$A" import --actors a.csv --ties t.csv -o x.yaml extra.csv
run "$A" import --actors "$NET" --ties t.csv -o "$NET"
run "$A" help import
run "$A" render "$NET" --no -o x.svg
run "$A" stats "$NET" --t missiles
# --size names what it takes; nothing is written on a usage error.
for size in a5 20x10ft 20x10pt; do
	run "$A" render "$NET" -o "$TMP/never.svg" --size "$size"
done
ls "$TMP/never.svg" 2>/dev/null
