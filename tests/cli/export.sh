# export: GraphML, GEXF and JSON, byte for byte (run by tests/run; compared with export.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
for format in graphml gexf json; do
	run "$A" export -q tests/fixtures/small.yaml -T "$format" -o -
done
# render's filters: the 1990s keep their 6 ties.
run "$A" export -q networks/iran-dprk.yaml --period 1990s -T gexf -o -
