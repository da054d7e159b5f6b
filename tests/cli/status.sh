# Exit statuses and their messages: invalid input 1, usage 2, cannot write 3 (run by tests/run; compared with status.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
run() { "$@" 2>&1; echo "exit $?"; }
run "$A" check "$TMP/none.yaml"
run "$A" render --bogus "$NET" -o x.svg
run "$A" render -q "$NET" --focus XYZ -o "$TMP/f.svg"
run "$A" render -q "$NET" -o "$TMP/no/such/x.svg"
run "$A" render -q "$NET" --each decade -o -
run "$A" check --max-size 1k "$NET"
run "$A" check --strict -q tests/fixtures/literal.yaml
run "$A" check --strict networks/iran-dprk.yaml docs/example.yaml
