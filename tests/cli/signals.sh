# A signal while an output is being written leaves no temporary file, keeps the old output and the signal's exit status, and stops the workers (run by tests/run; compared with signals.expected). strace holds the write at fsync for 5 s.
A=$ACTORNET
D=$TMP/signals
# actornet is started as process DIR/pid, with SIGINT not ignored (sh ignores it in background jobs).
START='import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
open(sys.argv[1] + "/pid", "w").write(str(os.getpid()))
os.execv(sys.argv[2], sys.argv[2:])' # python3 -c "$START" DIR ARGS...
if ! command -v strace >/dev/null; then
	echo "strace is needed (scripts/install-deps installs it)"
	exit 0
fi
for sig in TERM INT HUP; do
	rm -rf "$D" && mkdir -p "$D" && echo old >"$D/out.svg"
	strace -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=5000000 -- \
		python3 -c "$START" "$D" "$A" render -q networks/iran-dprk.yaml -o "$D/out.svg" &
	tracer=$!
	for i in $(seq 600); do ls "$D"/out.svg.tmp-* >/dev/null 2>&1 && break; sleep 0.05; done
	echo "SIG$sig while out.svg is written: $(ls "$D" | grep -c 'tmp-') temporary file"
	kill -"$sig" "$(cat "$D/pid")"
	wait $tracer
	echo "exit $?; temporary files left: $(ls "$D" | grep -c 'tmp-'); out.svg: $(head -c 20 "$D/out.svg")"
done
# A series drawn by two workers (each held at its first fsync): SIGTERM to actornet stops the workers with it.
rm -rf "$D" && mkdir -p "$D"
strace -f -o "$D/trace" -e trace=fsync -e inject=fsync:delay_enter=5000000 -- \
	python3 -c "$START" "$D" "$A" render -q tests/fixtures/crowded.yaml --each decade -j 2 -o "$D/{period}.svg" &
tracer=$!
for i in $(seq 600); do [ -s "$D/pid" ] && [ "$(pgrep -c -P "$(cat "$D/pid")")" = 2 ] && break; sleep 0.05; done
kill -TERM "$(cat "$D/pid")"
wait $tracer
echo "exit $?; processes killed by SIGTERM (actornet and its two workers): $(grep -c 'killed by SIGTERM' "$D/trace"); temporary files left: $(ls "$D" | grep -c 'tmp-')"
