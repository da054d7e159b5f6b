# Checks completion/actornet.bash: prints "ok NAME" or "not ok NAME: why" per check, exits 0.
# usage: bash tests/completion.sh (from the repository's root; TMP: a scratch directory,
# ACTORNET: the binary, default bin/actornet)
# Completions are simulated: COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set as bash
# sets them, then the completion function called. The options offered are compared with
# the ones `actornet help COMMAND` lists, so that the two cannot drift apart.
ROOT=$PWD
ACTORNET=${ACTORNET:-bin/actornet}
case $ACTORNET in /*) ;; */*) ACTORNET=$ROOT/$ACTORNET ;; esac
S=${TMP:-tests/tmp}
case $S in /*) ;; *) S=$ROOT/$S ;; esac
T=$S/completion
mkdir -p "$S"

pass() { echo "ok $1"; }
fail() { echo "not ok $1: $2"; }

# Without bash-completion's helpers: the file must not need them.
unset -f _init_completion _get_comp_words_by_ref _filedir 2>/dev/null
complete -r actornet 2>/dev/null
if ! source completion/actornet.bash 2>"$S/completion.err"; then
	fail "completion/actornet.bash loads" "$(head -c 300 "$S/completion.err")"
	exit 0
fi
spec=$(complete -p actornet 2>&1)
if [[ $spec == "complete -F _actornet actornet" ]]; then
	pass "completion/actornet.bash registers _actornet for actornet, without bash-completion"
else
	fail "completion/actornet.bash registers _actornet for actornet, without bash-completion" "$spec"
fi

# comp WORD...: what completing the last WORD offers, sorted, on one line (the
# cursor is at the end of the last word; "" for a new word).
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_actornet actornet "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>&1
	((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

# expect NAME EXPECTED WORD...: the completion of WORD... is exactly EXPECTED (sorted).
expect() {
	local name=$1 want got
	# shellcheck disable=SC2086 # EXPECTED is a list of words
	want=$(printf '%s\n' $2 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	shift 2
	got=$(comp "$@")
	if [[ $got == "$want" ]]; then
		pass "$name"
	else
		fail "$name" "expected '$want', got '$got'"
	fi
}

# contains NAME WORD EXPECTED_WORDS... -- WORD...: the completion contains each EXPECTED_WORD.
contains() {
	local name=$1 got missing='' w
	shift
	local -a want=()
	while [[ $1 != -- ]]; do want+=("$1"); shift; done
	shift
	got=" $(comp "$@") "
	for w in "${want[@]}"; do
		[[ $got == *" $w "* ]] || missing+=" $w"
	done
	if [[ -z $missing ]]; then
		pass "$name"
	else
		fail "$name" "missing$missing in '$got'"
	fi
}

# --- Commands, options, values ---
expect "commands after 'actornet '" "render check stats export import help" actornet ""
expect "'actornet re' completes to render" "render" actornet re
expect "'actornet --' offers --help --version" "--help --version" actornet --
expect "'actornet -' offers -h -V --help --version" "-h -V --help --version" actornet -
expect "'actornet help ' offers the commands" "render check stats export import" actornet help ""
contains "render's long options contain --period and --each" --period --each --theme --output -- actornet render --
contains "render's options after '-' contain short and long ones" -o -T -p --period -- actornet render -
expect "'render --theme ' gives light dark print" "light dark print" actornet render --theme ""
expect "'render --theme=' (split at =) gives light dark print" "light dark print" actornet render --theme = ""
expect "'render --theme=d' (split at =) gives dark" "dark" actornet render --theme = d
expect "'render --theme=d' (= not a word break) gives --theme=dark" "--theme=dark" actornet render --theme=d
expect "'render -T ' gives render's formats" "svg png pdf dot json html" actornet render -T ""
expect "'render --layout ' gives the engines" "auto dot packed map neato fdp sfdp circo twopi" actornet render --layout ""
expect "'render --labels ' gives full short none" "full short none" actornet render --labels ""
expect "'render --cluster ' gives region" "region" actornet render --cluster ""
expect "'render --undated ' gives show hide" "show hide" actornet render --undated ""
expect "'render -c ' gives the confidences" "confirmed reported alleged disputed" actornet render -c ""
expect "'render --each ' gives decade year" "decade year" actornet render --each ""
expect "'render --size ' gives a4 letter 16:9 4:3" "a4 letter 16:9 4:3" actornet render --size ""
expect "'render --background ' gives transparent" "transparent" actornet render --background ""
expect "'render --period ' offers nothing (free text)" "" actornet render --period ""
expect "'render --focus ' offers nothing (free text)" "" actornet render --focus ""
expect "'stats --by ' gives decade year" "decade year" actornet stats --by ""
expect "'stats -T ' gives text csv json" "text csv json" actornet stats -T ""
expect "'stats --table ' gives periods kinds actors" "periods kinds actors" actornet stats --table ""
expect "'export --format ' gives graphml gexf json" "graphml gexf json" actornet export --format ""
expect "'check -' offers check's options" "-s -q -h --strict --max-size --quiet --help" actornet check -
expect "'frobnicate ' offers nothing" "" actornet frobnicate ""

# --- Files: a scratch directory ---
rm -rf "$T" && mkdir -p "$T/sub" && cd "$T" || { fail "scratch directory $T" "cannot create it"; exit 0; }
touch a.yaml b.csv c.svg d.gexf sub/e.yml sub/f.txt
expect "'render ' (the network file) offers a.yaml and sub" "a.yaml sub" actornet render ""
expect "'render sub/' offers sub/e.yml" "sub/e.yml" actornet render sub/
expect "'render -o x.svg ' (the network file after an option's value) offers a.yaml and sub" "a.yaml sub" actornet render -o x.svg ""
expect "'render --theme=dark ' (the network file after --opt=value) offers a.yaml and sub" "a.yaml sub" actornet render --theme=dark ""
expect "'render x.yaml -o ' offers c.svg and sub" "c.svg sub" actornet render x.yaml -o ""
expect "'render x.yaml --output=' offers c.svg and sub" "c.svg sub" actornet render x.yaml --output = ""
expect "'check a.yaml ' offers a.yaml and sub (check takes several files)" "a.yaml sub" actornet check a.yaml ""
expect "'stats ' offers a.yaml and sub" "a.yaml sub" actornet stats ""
expect "'stats x.yaml -o ' offers any file and sub" "a.yaml b.csv c.svg d.gexf sub" actornet stats x.yaml -o ""
expect "'export x.yaml -o ' offers d.gexf and sub" "d.gexf sub" actornet export x.yaml -o ""
expect "'import --actors ' offers b.csv and sub" "b.csv sub" actornet import --actors ""
expect "'import --ties ' offers b.csv and sub" "b.csv sub" actornet import --ties ""
expect "'import --sources ' offers b.csv and sub" "b.csv sub" actornet import --sources ""
expect "'import --types ' offers b.csv and sub" "b.csv sub" actornet import --types ""
expect "'import --actors b.csv -o ' offers a.yaml and sub" "a.yaml sub" actornet import --actors b.csv -o ""
contains "'render x.yaml ' (after the network file) offers the long options" --output --period -- actornet render x.yaml ""
cd "$ROOT" || exit 0

# --- No drift: the options offered are the options `actornet help COMMAND` lists ---
# long_of TEXT / short_of TEXT: the options a help text defines, one per line, sorted.
long_of() { sed -n 's/^ \{1,8\}\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | LC_ALL=C sort -u; }
short_of() { sed -n 's/^ \{1,8\}\(-[A-Za-z0-9]\), .*/\1/p' | LC_ALL=C sort -u; }
lines() { tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u; }
# agree NAME HELP_LIST COMPLETION_LIST: the two lists (one item per line) are the same.
agree() {
	local only_help only_comp
	only_help=$(LC_ALL=C comm -23 <(printf '%s\n' "$2") <(printf '%s\n' "$3") | tr '\n' ' ' | sed 's/ $//')
	only_comp=$(LC_ALL=C comm -13 <(printf '%s\n' "$2") <(printf '%s\n' "$3") | tr '\n' ' ' | sed 's/ $//')
	if [[ -z $2 ]]; then
		fail "$1" "the help lists none"
	elif [[ -z $only_help && -z $only_comp ]]; then
		pass "$1"
	else
		fail "$1" "only in the help: ${only_help:-none}; only in the completion: ${only_comp:-none}"
	fi
}

main_help=$("$ACTORNET" --help 2>&1)
if [[ $? != 0 ]]; then
	fail "actornet --help works" "$(head -c 300 <<<"$main_help")"
else
	agree "the completion offers the top-level options of actornet --help" \
		"$(long_of <<<"$main_help")" "$(comp actornet -- | lines)"
	# Every command the help lists is offered; every command offered that has a help is listed.
	listed=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$main_help" | LC_ALL=C sort -u)
	offered=
	for c in $(comp actornet ""); do
		[[ $c == help ]] || "$ACTORNET" help "$c" >/dev/null 2>&1 || continue
		offered+="$c "
	done
	agree "the completion offers the commands of actornet --help" "$listed" "$(lines <<<"$offered")"
fi

for cmd in render check stats export import; do
	text=$("$ACTORNET" help "$cmd" 2>&1)
	if [[ $? != 0 ]]; then
		# stats, export and import may not be in this build yet; render and check must be.
		case $cmd in render | check) fail "actornet help $cmd works" "$(head -c 300 <<<"$text")" ;; esac
		continue
	fi
	agree "$cmd: the completion offers the long options of 'actornet help $cmd', and only those" \
		"$(long_of <<<"$text")" "$(comp actornet "$cmd" -- | lines)"
	agree "$cmd: the completion offers the short options of 'actornet help $cmd', and only those" \
		"$(short_of <<<"$text")" "$(comp actornet "$cmd" - | lines | grep -v -- '^--')"
done
exit 0
