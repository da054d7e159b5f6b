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
# Every shipped network and the format's example are clean: nothing printed, exit 0.
run "$A" check --strict networks/*.yaml docs/example.yaml
# A control character is an error; a pipe larger than --max-size is refused like a file.
printf 'title: "a\\x01b"\nactors: {}\nties: []\n' >"$TMP/ctrl.yaml"
run "$A" check "$TMP/ctrl.yaml"
cat "$NET" | run "$A" check --max-size 1k /dev/stdin
# A series' outputs, their {period} filled, are checked before anything is drawn: never the input, never in a missing folder (one message).
cp docs/example.yaml "$TMP/n-1990s.svg"
run "$A" render -q "$TMP/n-1990s.svg" --each decade -o "$TMP/n-{period}.svg"
head -1 "$TMP/n-1990s.svg"
run "$A" render -q docs/example.yaml --each decade -o "$TMP/no/such/n-{period}.svg"
run "$A" stats -q docs/example.yaml -o "$TMP/no/such/stats.txt"
# A drawing too large for a PNG (32767 px a side) or a PDF is refused before it is drawn (exit 3), and the old file stays: it was an empty PNG and exit 0, and cairo aborted on the PDF.
python3 -c "
L = 'W' * 65000
print('title: x\nx-l: &l ' + L + '\nactors:')
for i in range(8): print('  A%d: {name: *l, kind: state}' % i)
print('ties:')
for i in range(7): print('  - {from: A%d, to: A%d, type: arms, when: 1990, label: *l}' % (i, i + 1))" >"$TMP/huge.yaml"
echo old >"$TMP/huge.png"
run "$A" render -q "$TMP/huge.yaml" -o "$TMP/huge.png"
run "$A" render -q "$TMP/huge.yaml" -o "$TMP/huge.pdf"
echo "huge.png: $(cat "$TMP/huge.png")"
# "-" is standard input, named <stdin> in messages, read with the same limits; a file given as
# standard input cannot be the output either.
printf 'title: x\nactors:\n  A: {name: A, kind: stat}\nties: []\n' | run "$A" check -
run "$A" render -q - -o "$TMP/stdin.svg" <networks/iran-dprk.yaml
head -c 5 "$TMP/stdin.svg"; echo
cat "$NET" | run "$A" check --max-size 1k -
cp docs/example.yaml "$TMP/in.yaml"
run "$A" render -q - -T svg -o "$TMP/in.yaml" <"$TMP/in.yaml"
# A device or a pipe is not read to its size limit past a NUL or a byte that is not UTF-8.
run "$A" check /dev/zero
printf 'title: \377\n' | cat - /dev/zero | run "$A" check -
# A key longer than YAML's 1024 characters is named as that, at the key.
python3 -c "print('title: x\nactors:\n  ' + 'K' * 100000 + ': {name: A, kind: state}\nties: []')" >"$TMP/longkey.yaml"
run "$A" check "$TMP/longkey.yaml"
python3 -c "print('title: x\nactors:\n  A: {name: A, kind: state, \"' + 'k' * 1100 + '\": 1}\nties: []')" >"$TMP/longkey.yaml"
run "$A" check "$TMP/longkey.yaml"
