#!/bin/sh
# Checks man/actornet.1: prints "ok NAME" or "not ok NAME: why" per check, exits 0.
# usage: sh tests/man.sh (from the repository's root; TMP: a scratch directory, ACTORNET:
# the binary, default bin/actornet)
# The page must pass mandoc's lint, and name every option the commands' help texts list
# (each in its command's subsection), and no option that no help lists.
ACTORNET=${ACTORNET:-bin/actornet}
T=${TMP:-tests/tmp}/man
PAGE=man/actornet.1
rm -rf "$T" && mkdir -p "$T" || { echo "not ok scratch directory $T: cannot create it"; exit 0; }

pass() { echo "ok $1"; }
fail() { echo "not ok $1: $2"; }
oneline() { tr '\n' ' ' | sed 's/ *$//'; }

# The options a help text defines (on standard input), one per line, sorted.
long_of() { sed -n 's/^ \{1,8\}\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | LC_ALL=C sort -u; }
short_of() { sed -n 's/^ \{1,8\}\(-[A-Za-z0-9]\), .*/\1/p' | LC_ALL=C sort -u; }
# The options an mdoc text (on standard input) writes with Fl: --long, and -x for each letter
# of Fl x or Fl xyz.
man_long() { grep -o 'Fl -[a-z][a-z0-9-]*' | sed 's/^Fl /-/' | LC_ALL=C sort -u; }
man_short() {
	grep -o 'Fl [A-Za-z0-9][A-Za-z0-9]*' | sed 's/^Fl //' | fold -w 1 | sed 's/^/-/' | LC_ALL=C sort -u
}
# The subsection .Ss NAME of the page, up to the next .Ss or .Sh.
subsection() { awk -v name="$1" '/^\.Sh /{ f = 0 } /^\.Ss /{ f = ($2 == name) } f' "$PAGE"; }
# without NAMES...: the page without the subsections of the commands NAMES, nor their lines
# of the SYNOPSIS.
without() {
	awk -v names=" $* " '
		/^\.Sh / { f = 0; syn = ($2 == "SYNOPSIS") }
		/^\.Ss / { f = (index(names, " " $2 " ") > 0) }
		syn && /^\.Nm/ { f = 0 }
		syn && /^\.Cm / { f = (index(names, " " $2 " ") > 0) }
		!f' "$PAGE"
}

if [ ! -f "$PAGE" ]; then
	fail "$PAGE exists" "no such file"
	exit 0
fi

# --- mandoc's lint ---
if ! command -v mandoc >/dev/null 2>&1; then
	fail "mandoc -Tlint -W warning is silent on $PAGE" "mandoc is not installed (apt-get install mandoc)"
else
	# As written, and as installed: @VERSION@ replaced with the version.
	version=$("$ACTORNET" --version 2>/dev/null | sed -n 's/^actornet //p')
	sed "s/@VERSION@/${version:-0.0.0}/g" "$PAGE" >"$T/actornet.1"
	for page in "$PAGE" "$T/actornet.1"; do
		name="mandoc -Tlint -W warning is silent on $PAGE"
		[ "$page" = "$PAGE" ] || name="$name with @VERSION@ replaced"
		mandoc -Tlint -W warning "$page" >"$T/lint" 2>&1
		rc=$?
		if [ "$rc" = 0 ] && [ ! -s "$T/lint" ]; then
			pass "$name"
		else
			fail "$name" "exit $rc: $(head -n 5 "$T/lint" | oneline)"
		fi
	done
fi
if grep -q '^\.Os actornet @VERSION@$' "$PAGE"; then
	pass "$PAGE takes its version from the build (.Os actornet @VERSION@)"
else
	fail "$PAGE takes its version from the build (.Os actornet @VERSION@)" "$(grep '^\.Os' "$PAGE")"
fi

# --- No drift between the page and the help texts ---
# missing NAME NEEDED HAVE: ok when every line of NEEDED is in HAVE.
missing() {
	printf '%s\n' "$2" | sed '/^$/d' >"$T/needed"
	printf '%s\n' "$3" | sed '/^$/d' >"$T/have"
	gone=$(LC_ALL=C comm -23 "$T/needed" "$T/have" | oneline)
	if [ ! -s "$T/needed" ]; then
		fail "$1" "nothing to look for"
	elif [ -z "$gone" ]; then
		pass "$1"
	else
		fail "$1" "$gone"
	fi
}

main_help=$("$ACTORNET" --help 2>&1) || { fail "actornet --help works" "$(printf '%s' "$main_help" | head -c 300)"; exit 0; }
all_long=$(printf '%s\n' "$main_help" | long_of)
missing "the page has the options of actornet --help" "$all_long" "$(man_long <"$PAGE")"
absent=""
for cmd in render check stats export import; do
	if ! text=$("$ACTORNET" help "$cmd" 2>&1); then
		# stats, export and import may not be in this build yet; render and check must be.
		case $cmd in render | check) fail "actornet help $cmd works" "$(printf '%s' "$text" | head -c 300)" ;; esac
		absent="$absent $cmd"
		continue
	fi
	if [ -z "$(subsection "$cmd")" ]; then
		fail "the page has a subsection '.Ss $cmd'" "none"
		continue
	fi
	long=$(printf '%s\n' "$text" | long_of)
	short=$(printf '%s\n' "$text" | short_of)
	all_long=$(printf '%s\n%s\n' "$all_long" "$long" | LC_ALL=C sort -u)
	missing "$cmd: the page's subsection has every long option of 'actornet help $cmd'" \
		"$long" "$(subsection "$cmd" | man_long)"
	missing "$cmd: the page's subsection has every short option of 'actornet help $cmd'" \
		"$short" "$(subsection "$cmd" | man_short)"
	missing "$cmd: every short option of the page's subsection is in 'actornet help $cmd'" \
		"$(subsection "$cmd" | man_short)" "$short"
done
# The other way: every long option the page names (but in the subsections of commands this
# build lacks) is one that some help lists.
# shellcheck disable=SC2086
missing "every long option the page names is in some help" \
	"$(without $absent | man_long)" "$all_long"
exit 0
