# Under a memory limit (ulimit -v) (run by tests/run for the plain build only: AddressSanitizer
# reserves terabytes of address space and cannot start under a limit; compared with memory.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
run() { "$@" 2>&1; echo "exit $?"; }
# Reading does not spin (glibc failed to give the parse thread its own
# malloc arena on every allocation: about 240,000 failed mmap calls on this 280 KB network, seconds
# instead of 0.02), memory running out is an error (exit 3), and Graphviz, whose libraries crash
# when memory runs out, is not started without room: the old file stays.
python3 -c "
print('title: x\ndefault_source: s\nsources: {s: {title: S}}\nactors:')
for i in range(400): print('  A%d: {name: Actor number %d, kind: state}' % (i, i))
print('ties:')
for i in range(2500): print('  - {from: A%d, to: A%d, type: arms, when: %d, label: a tie of some length}' % (i % 400, (i * 7 + 1) % 400, 1950 + i % 70))" >"$TMP/mem.yaml"
(ulimit -v 120000; strace -f -o "$TMP/mem.trace" -e trace=mmap "$A" check -q "$TMP/mem.yaml"; echo "exit $?")
echo "failed mmap calls: $(grep -c ENOMEM "$TMP/mem.trace")"
python3 -c "
print('title: x\nactors:')
for i in range(60000): print('  A%d: {name: Actor number %d, kind: state}' % (i, i))
print('ties: []')" >"$TMP/mem-big.yaml"
(ulimit -v 15000; run "$A" check -q "$TMP/mem-big.yaml")
echo old >"$TMP/mem.svg"
(ulimit -v 40000; run "$A" render -q "$NET" -o "$TMP/mem.svg")
echo "mem.svg: $(cat "$TMP/mem.svg")"
