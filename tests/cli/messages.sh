# Texts from the network or the command line in messages: control characters, line separators and bidi controls escaped, long runs cut (run by tests/run; compared with messages.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
mkdir -p "$TMP/messages"
N=$TMP/messages/net.yaml
# An actor id with CR, ESC, a right-to-left override and a C1 control; a url with a line break; a 3,000-character id.
{
	printf 'format: 1\ntitle: t\nsources:\n  s: {title: S, url: "javascript:x\\ny"}\ndefault_source: s\n'
	printf 'actors:\n  A: {name: A, kind: state}\nties:\n'
	printf '  - {from: A, to: "B\\r\\x1b[31mFAKE\\u202e\\x85", type: arms, when: 1990}\n'
	printf '  - {from: A, to: "%s", type: arms, when: 1990}\n' "$(printf '%03000d' 7)"
} >"$N"
run "$A" check "$N"
# A 3,000-character text with spaces: the message is cut in the middle.
printf 'format: 1\ntitle: t\nactors:\n  A: {name: A, kind: "%s"}\n' "$(printf 'word %.0s' $(seq 600))" >"$TMP/messages/long.yaml"
run "$A" check -q "$TMP/messages/long.yaml"
# The command line: an unknown option and an output path with an escape and a line break.
run "$A" render "$N" "$(printf -- '--\033[2Jx')"
run "$A" render -q networks/iran-dprk.yaml -o "$(printf "$TMP/no\033[31m\nfolder/x.svg")"
# A file name with an escape and a byte that is not UTF-8.
run "$A" check "$(printf "$TMP/messages/missing\033\377.yaml")"
# What the libraries under Graphviz print to standard error (fontconfig, with no
# configuration here, starting for a PNG's text) is a warning in actornet's form,
# and -q silences it; an SVG of texts in DejaVu Sans does not start fontconfig.
FONTCONFIG_FILE=/nonexistent run "$A" render networks/iran-dprk.yaml -o "$TMP/messages/fc.png"
FONTCONFIG_FILE=/nonexistent run "$A" render -q networks/iran-dprk.yaml -o "$TMP/messages/fc2.png"
FONTCONFIG_FILE=/nonexistent run "$A" render networks/iran-dprk.yaml -o "$TMP/messages/fc.svg"
# Two keys with a NUL byte in them (escaped in YAML) are told apart by their whole text.
printf 'title: x\nactors:\n  "A\\0B": {name: A, kind: state}\n  "A\\0B": {name: B, kind: state}\n  "A\\0C": {name: C, kind: state}\nties: []\n' >"$TMP/messages/nul-keys.yaml"
run "$A" check -q "$TMP/messages/nul-keys.yaml"
# A key of the format with a NUL in it ("from\0x") is no key of the format: only the control character is reported, no "did you mean".
printf 'title: x\nactors:\n  A: {name: A, kind: state}\n  B: {name: B, kind: state}\nties:\n  - {"from\\0x": A, to: B, type: arms, when: 1990}\n' >"$TMP/messages/nul-tie-key.yaml"
run "$A" check -q "$TMP/messages/nul-tie-key.yaml"
# An unquoted " #" ends a text (the rest is a comment): a warning with the text quoted; not in a block text, a quoted one or after a date.
cat >"$TMP/messages/hash.yaml" <<'YAML'
title: UN Resolution #2231 # the title
description: |
  A block text with a #hash
  and more # hash
actors:
  IRN: {name: Iran, kind: state}   # a comment
  PRK: {name: North Korea, kind: state}   #a comment
ties:
  - from: IRN
    to: PRK
    type: arms
    when: 1990 #approx
    label: Resolution #2231 and more
    sources: [a]
  - {from: IRN, to: PRK, type: arms, when: 1991, label: "Quoted #1", sources: [a]}
  - from: IRN
    to: PRK
    type: arms
    when: 1992
    note: "see label: b #c"
    label: it's "the" #3 offer
  - {from: IRN, to: PRK, type: arms, when: 1993, label: "a long
      label: x #y"}
subtitle: |   # a comment after the block's indicator
  label: x #y
sources:
  a: {title: A report}
YAML
run "$A" check "$TMP/messages/hash.yaml"
# Lines ended by CR alone are lines too.
printf 'title: T\rdescription: Resolution #2231\rdefault_source: s\rsources: {s: S}\ractors: {A: {name: A, kind: state}, B: {name: B, kind: state}}\rties: [{from: A, to: B, type: arms, when: 1990}]\r' >"$TMP/messages/cr.yaml"
run "$A" check "$TMP/messages/cr.yaml"
