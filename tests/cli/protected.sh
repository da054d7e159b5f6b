# An output the user could not write is not replaced, like cp: a write-protected file, a file in a write-protected folder, a link to nothing, a loop of links: exit 3, the old file kept. Run as nobody when the tests run as root, who may write anything (run by tests/run; compared with protected.expected).
A=$ACTORNET
D=$(mktemp -d /tmp/actornet-protected.XXXXXX)
cp "$A" "$D/actornet"
cp docs/example.yaml "$D/net.yaml"
chmod 755 "$D" "$D/actornet"
chmod 644 "$D/net.yaml"
cd "$D" || exit 1
as_user() {
	if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi
}
run() { as_user "$@" 2>&1; echo "exit $?"; }
mkdir out rodir
echo old >out/ro.svg
chmod 444 out/ro.svg
echo old >rodir/x.svg
chmod 666 rodir/x.svg
chmod 555 rodir
ln -s missing.svg out/dangling.svg
ln -s loop2.svg out/loop1.svg
ln -s loop1.svg out/loop2.svg
chmod 777 out
run ./actornet render -q net.yaml -o out/ro.svg
run ./actornet stats -q net.yaml -o out/ro.svg
echo "out/ro.svg: $(cat out/ro.svg)"
run ./actornet render -q net.yaml -o rodir/x.svg
echo "rodir/x.svg: $(cat rodir/x.svg)"
run ./actornet render -q net.yaml -o out/dangling.svg
run ./actornet render -q net.yaml -o out/loop1.svg
ls out
# A writable file is replaced, and keeps its mode.
run ./actornet render -q net.yaml -o out/new.svg
chmod 666 out/new.svg
run ./actornet render -q net.yaml -p 1990s -o out/new.svg
stat -c '%a' out/new.svg
cd / && rm -rf "$D"
