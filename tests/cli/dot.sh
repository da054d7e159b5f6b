# render's DOT, the graph before layout, byte for byte (run by tests/run; compared with dot.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
# A joint tie is one event, cited once; a tie named like the part-of link keeps both edges.
run "$A" render -q tests/fixtures/joint.yaml --cite -T dot -o -
run "$A" render -q tests/fixtures/collide.yaml -T dot -o -
# --draft shortens dot's search, and only with --draft.
"$A" render -q networks/iran-dprk.yaml --draft -T dot -o - | grep -E 'nslimit|searchsize|remincross'
"$A" render -q networks/iran-dprk.yaml -T dot -o - | grep -cE 'nslimit|searchsize|remincross'
