# A layout dot is expected to take long on is warned of before it starts, with the estimate and what is quicker; stopped, it leaves no output (run by tests/run; compared with slow-layout.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
run timeout 2 "$A" render --layout dot tests/fixtures/dense.yaml -o "$TMP/dense.svg"
[ -e "$TMP/dense.svg" ] && echo "dense.svg written" || echo "no dense.svg"
# With --draft, only the other engine is offered; with -q, nothing is said.
run timeout 2 "$A" render --layout dot --draft tests/fixtures/dense.yaml -o "$TMP/dense.svg"
run timeout 2 "$A" render -q --layout dot tests/fixtures/dense.yaml -o "$TMP/dense.svg"
