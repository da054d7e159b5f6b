#!/bin/sh
# `make install` and `make uninstall` into a staging folder (DESTDIR), with PREFIX;
# prints "ok NAME" or "not ok NAME: why" for each check. Run by tests/run with TMP set.
T=${TMP:-tests/tmp}/install
rm -rf "$T" && mkdir -p "$T"
D=$(cd "$T" && pwd)/stage
P=/opt/actornet

. tests/check.sh

version=$(sed -n 's/^#define ACTORNET_VERSION "\(.*\)"$/\1/p' src/actornet.h)
check "make install DESTDIR=... PREFIX=$P" make --no-print-directory -s install DESTDIR="$D" PREFIX="$P"
(cd "$D" && find . -type f | sort) >"$T/files"
printf '%s\n' ".$P/bin/actornet" ".$P/share/actornet/network.schema.json" \
	".$P/share/bash-completion/completions/actornet" ".$P/share/man/man1/actornet.1" >"$T/files.want"
check "it installs the binary, the man page, the schema and the completion, nothing else" diff -u "$T/files.want" "$T/files"
check "the installed binary runs and tells its version" sh -c "[ \"\$('$D$P/bin/actornet' --version)\" = 'actornet $version' ]"
check "the installed man page carries the same version" sh -c "grep -qx '.Os actornet $version' '$D$P/share/man/man1/actornet.1' && ! grep -q @VERSION@ '$D$P/share/man/man1/actornet.1'"
check "the installed man page renders" sh -c "mandoc -Tlint -W warning '$D$P/share/man/man1/actornet.1' && mandoc -Tutf8 '$D$P/share/man/man1/actornet.1' | grep -q 'actornet import'"
check "the installed binary alone draws a map, run from another folder" sh -c "
	cp tests/fixtures/map.yaml '$D/../map.yaml' && cd / && '$D$P/bin/actornet' render -q '$D/../map.yaml' --layout map -o '$D/../map.svg' &&
	[ \$(grep -c '<polygon class=\"map\"' '$D/../map.svg') -gt 50 ]"
check "the installed schema is docs/network.schema.json" cmp docs/network.schema.json "$D$P/share/actornet/network.schema.json"
check "make uninstall removes every file it installed" sh -c "make --no-print-directory -s uninstall DESTDIR='$D' PREFIX='$P' && [ -z \"\$(find '$D' -type f)\" ]"
