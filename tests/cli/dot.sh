# render's DOT, the graph before layout, byte for byte (run by tests/run; compared with dot.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
# A joint tie is one event, cited once; a tie named like the part-of link keeps both edges.
run "$A" render -q tests/fixtures/joint.yaml --cite -T dot -o -
run "$A" render -q tests/fixtures/collide.yaml -T dot -o -
# --draft shortens dot's search, and only with --draft.
"$A" render -q networks/iran-dprk.yaml --draft -T dot -o - | grep -E 'nslimit|searchsize|remincross'
"$A" render -q networks/iran-dprk.yaml -T dot -o - | grep -cE 'nslimit|searchsize|remincross'
# DOT is the graph before layout, also beside a drawing and in a stable series (no pos, no anchor);
# a --ghost series writing DOT only keeps its ghosts.
NET=networks/iran-dprk.yaml
rm -rf "$TMP/dot" && mkdir -p "$TMP/dot"
"$A" render -q "$NET" -o "$TMP/dot/whole.dot" -o "$TMP/dot/whole.svg"
"$A" render -q "$NET" --each decade -o "$TMP/dot/{period}.svg" -o "$TMP/dot/{period}.dot"
"$A" render -q "$NET" --each decade --ghost -o "$TMP/dot/ghost-{period}.dot"
echo "positions or anchors: $(cat "$TMP/dot/whole.dot" "$TMP/dot/1990s.dot" | grep -c 'pos=\|anchor')"
cat "$TMP/dot/1990s.dot"
echo "ghosts in the 1990s: $(grep -c 'ghost' "$TMP/dot/ghost-1990s.dot")"
# A title ending in a backslash, or with one before a quote, keeps the DOT readable by dot.
printf 'title: '"'"'a\\'"'"'\nactors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\nties: [{from: A, to: B, type: arms, when: 1990}]\n' >"$TMP/dot/backslash.yaml"
"$A" render -q "$TMP/dot/backslash.yaml" -o "$TMP/dot/backslash.dot"
"$A" render -q "$TMP/dot/backslash.yaml" --title 'x\"y' -o "$TMP/dot/quote.dot"
for f in backslash quote; do
	head -1 "$TMP/dot/$f.dot"
	dot -Tcanon "$TMP/dot/$f.dot" >/dev/null 2>&1
	echo "dot reads it: exit $?"
done
