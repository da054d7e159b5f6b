#!/bin/sh
# End-to-end checks of the actornet command; prints "ok NAME" or "not ok NAME: why" for each.
# Run by tests/run with ACTORNET (the binary) and TMP (a scratch folder) set.
A=${ACTORNET:-bin/actornet}
T=${TMP:-tests/tmp}/e2e
rm -rf "$T" && mkdir -p "$T"
NET=networks/iran-dprk.yaml

. tests/check.sh

# The SVG's tie and actor ids, sorted (xmllint decodes Graphviz's &#45; escapes).
svg_ids() { # svg_ids FILE PREFIX
	xmllint --xpath "//*[local-name()='g'][starts-with(@id,'$2')]/@id" "$1" 2>/dev/null |
		tr ' ' '\n' | sed -n 's/^id="\(.*\)"$/\1/p' | sort
}

# --- the shipped network, 1990s, three formats
check "render the 1990s as SVG, PNG and PDF" \
	"$A" render -q "$NET" --period 1990s -o "$T/d.svg" -o "$T/d.png" -o "$T/d.pdf"
check "the SVG is well-formed XML" xmllint --noout "$T/d.svg"
"$A" render -q "$NET" --period 1990s --no-merge -o "$T/each.svg"
svg_ids "$T/each.svg" tie- >"$T/ties"
check "the SVG holds exactly the ties of the 1990s" diff -u tests/golden/iran-dprk-1990s.ties "$T/ties"
svg_ids "$T/d.svg" tie >"$T/merged"
printf 'tie-chn-irn-military-agreement-1991\ntie-irn-prk-cooperation-1979\ntie-prk-irn-arms-1990s\nties-PRK-IRN-missiles\n' >"$T/merged.want"
check "merged, the three missile ties of the 1990s are one edge" sh -c "diff -u '$T/merged.want' '$T/merged' && grep -q '1990–1999 (3)' '$T/d.svg'"
svg_ids "$T/d.svg" actor- >"$T/actors"
printf 'actor-CHN\nactor-IRN\nactor-PRK\n' >"$T/actors.want"
check "the SVG holds exactly the actors of those ties" diff -u "$T/actors.want" "$T/actors"
check "the SVG shows the period" grep -q '>1990–1999</text>' "$T/d.svg"
check "the SVG has no script" sh -c "! grep -qi '<script' '$T/d.svg'"
check "the PNG has its signature" sh -c "head -c 8 '$T/d.png' | od -An -c | grep -q 'P   N   G'"
check "the PNG has a sensible size" sh -c "[ \$(wc -c <'$T/d.png') -gt 20000 ] && [ \$(wc -c <'$T/d.png') -lt 2000000 ]"
check "the PDF has its signature" sh -c "head -c 5 '$T/d.pdf' | grep -q '%PDF-' && tail -c 8 '$T/d.pdf' | grep -q '%%EOF'"
check "the PDF has a sensible size" sh -c "[ \$(wc -c <'$T/d.pdf') -gt 5000 ] && [ \$(wc -c <'$T/d.pdf') -lt 2000000 ]"

# --- SVG that embeds well
"$A" render -q "$NET" --period 2010s -o "$T/s1.svg" -o "$T/s1.png"
"$A" render -q "$NET" --period 2010s --dpi 192 -o "$T/s2.svg" -o "$T/s2.png"
check "the same input gives byte-identical SVG and PNG" sh -c "'$A' render -q '$NET' --period 2010s -o '$T/s3.svg' -o '$T/s3.png' && cmp '$T/s1.svg' '$T/s3.svg' && cmp '$T/s1.png' '$T/s3.png'"
check "the SVG has a title, a desc and a viewBox" sh -c "grep -q '<title>Iran – North Korea partnership</title>' '$T/s1.svg' && grep -q '<desc>' '$T/s1.svg' && grep -q 'viewBox=' '$T/s1.svg'"
check "every tie in the SVG has a tooltip" sh -c "[ \$(xmllint --xpath 'count(//*[local-name()=\"g\"][starts-with(@id,\"tie\")])' '$T/s1.svg') -gt 0 ] && [ \$(xmllint --xpath 'count(//*[local-name()=\"g\"][starts-with(@id,\"tie\")][.//*[@*[local-name()=\"title\"]]])' '$T/s1.svg') = \$(xmllint --xpath 'count(//*[local-name()=\"g\"][starts-with(@id,\"tie\")])' '$T/s1.svg') ]"
check "--dpi changes the PNG, never the SVG" sh -c "cmp '$T/s1.svg' '$T/s2.svg' && [ \$(wc -c <'$T/s2.png') -gt \$(wc -c <'$T/s1.png') ]"
check "--size 16:9 fills a 13.33 x 7.5 inch slide" sh -c "'$A' render -q '$NET' -p 2000s --size 16:9 -o - | head -c 400 | grep -q 'width=\"960pt\" height=\"54[01]pt\"'"

# --- drawings made for a page or a slide
png_size() { # png_size FILE: WIDTHxHEIGHT in pixels
	python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"
}
canvas_is() { # canvas_is SVG WIDTH HEIGHT (pt) [PNG WIDTHxHEIGHT]
	head -c 600 "$1" | grep -q "width=\"$2pt\" height=\"$3pt\"" || return 1
	[ -z "${4:-}" ] || [ "$(png_size "${1%.svg}.png")" = "$4" ]
}
smallest_text() { # smallest_text SVG: the smallest font size, in points
	grep -o 'font-size="[0-9.]*"' "$1" | tr -dc '0-9.\n' | sort -n | head -1
}
"$A" render -q "$NET" --size 16:9 -o "$T/slide.svg" -o "$T/slide.png" -o "$T/slide.dot"
"$A" render -q "$NET" --size a4 -o "$T/page.svg" -o "$T/page.png" -o "$T/page.pdf"
check "a 16:9 slide is 960 x 540 pt, its PNG 1920 x 1080 px" canvas_is "$T/slide.svg" 960 540 1920x1080
check "an A4 page's figure is its text block's width and its drawing's height, 451 x 492 pt (the block is 698 high), its PNG 902 x 984 px" canvas_is "$T/page.svg" 451 492 902x984
check "text on a slide is drawn at 10 pt and more" test "$(smallest_text "$T/slide.svg")" = 10.00
check "text on a page is drawn at 7 pt and more" test "$(smallest_text "$T/page.svg")" = 7.00
strands_of() { # strands_of DOT ID TYPE...: an edge per type (ID-TYPE), one label node (ID-label)
	dot=$1 id=$2
	shift 2
	[ "$(grep -c "id=\"$id-label\"" "$dot")" = 1 ] || return 1
	for type; do grep -q "id=\"$id-$type\"" "$dot" || return 1; done
}
check "on a slide, the ties of a pair and direction are strands, an edge per type, under one label" strands_of "$T/slide.dot" ties-PRK-IRN arms missiles nuclear training
check "on a page drawn with dot, each edge's strands run side by side along one route" python3 tests/strands.py "$T/page.svg"
check "on a slide drawn packed, each edge's strands run side by side to their label" python3 tests/strands.py "$T/slide.svg"
check "... and a pair's strands with dot's own curves too (tests/fixtures/strands.yaml)" sh -c "'$A' render -q tests/fixtures/strands.yaml --size a4 --layout dot --labels short -o '$T/strands.svg' && python3 tests/strands.py '$T/strands.svg'"
check "the SVG names the font the layout measured with, and its look-alikes" grep -q 'font-family="DejaVu Sans,Verdana,Geneva,sans-serif"' "$T/slide.svg"
check "--size WxH takes a unit: 25x15cm is 708 x 425 pt" sh -c "'$A' render -q '$NET' -p 1990s --size 25x15cm -o '$T/cm.svg'"
check "... and draws on that canvas" canvas_is "$T/cm.svg" 708 425
"$A" render -q tests/fixtures/routed-growth.yaml --size 16:9 -o "$T/growth.svg" -o "$T/growth.png"
check "a slide stays 960 x 540 pt (1920 x 1080 px) when its routed ties reach past the box it was fitted in" canvas_is "$T/growth.svg" 960 540 1920x1080
drawn_text() { # drawn_text SVG: its smallest font size times the scale it is drawn at, in points
	python3 -c 'import re,sys; s=open(sys.argv[1]).read(); k=float(re.search(r"scale\(([0-9.]+)", s).group(1)); print("%.2f" % (k * min(map(float, re.findall(r"font-size=\"([0-9.]+)\"", s)))))' "$1"
}
"$A" render -q tests/fixtures/routed-wider.yaml --size a4 -o "$T/wider.svg"
check "a page routed wider than it was fitted in gives up its pad, not its text: 7 pt and more as drawn" python3 -c "import sys; sys.exit(float('$(drawn_text "$T/wider.svg")') < 7)"
legible_or_said() { # legible_or_said FILE SIZE MIN: drawn at SIZE, its text is MIN pt or more, or a warning says how small
	out=$T/said-$(basename "$1" .yaml)-$(echo "$2" | tr : x)
	"$A" render "$1" --size "$2" -o "$out.svg" 2>"$out.err" || return 1
	python3 -c "import sys; sys.exit(float('$(drawn_text "$out.svg")') < $3)" && return 0
	said=$(sed -n "s/^actornet: warning: on $2 the smallest text is \([0-9.]*\) pt once the ties are routed round the actors (minimum $3): [0-9]* actors and [0-9]* ties; --.*/\1/p" "$out.err")
	[ -n "$said" ] && python3 -c "import sys; sys.exit(abs($said - $(drawn_text "$out.svg")) > 0.06)" # the SVG's scale has two decimals
}
check "a drawing the fit finds legible within its tolerance gets no warning (dot routes nothing)" sh -c "'$A' render tests/fixtures/small.yaml --layout dot --size 309x463.5pt -o '$T/tolerance.svg' 2>'$T/tolerance.err' && ! grep -q 'smallest text' '$T/tolerance.err'"
for f in routed-smaller routed-wider over-the-top walled-in crowded; do
	check "$f.yaml on A4: its text is 7 pt or more as drawn, or a warning gives its size and the cuts" legible_or_said "tests/fixtures/$f.yaml" a4 7
	check "$f.yaml on 16:9: its text is 10 pt or more as drawn, or a warning gives its size and the cuts" legible_or_said "tests/fixtures/$f.yaml" 16:9 10
done
"$A" render tests/fixtures/crowded.yaml --size 16:9 -o "$T/crowded-slide.svg" 2>"$T/crowded-slide.err"
check "40 actors and 120 ties fit a slide (labels dropped, packed)" sh -c "! grep -q 'smallest text' '$T/crowded-slide.err'"
# On A4 it fits (packed tight): on a 5 x 7 inch page it cannot.
"$A" render tests/fixtures/crowded.yaml --size 5x7in -o "$T/crowded.svg" 2>"$T/crowded.err"
check "a network too large for a page is still drawn, exit 0" xmllint --noout "$T/crowded.svg"
check "... with a warning that gives the figures and the cuts that fit" grep -q '^actornet: warning: on 5x7in the smallest text would be [0-9.]* pt (minimum 7): 39 actors and 120 ties; --focus [A-Z0-9]* keeps [0-9]* ties ([0-9.]* pt)' "$T/crowded.err"
cut=$(sed -n 's/.*ties; \(--[a-z]* [A-Za-z0-9_,-]*\) keeps.*/\1/p' "$T/crowded.err")
no_warning() { # no_warning ARGS...: renders the crowded network with ARGS and no warning on size
	[ -n "$*" ] && "$A" render tests/fixtures/crowded.yaml -o "$T/cut.svg" "$@" 2>"$T/cut.err" && ! grep -q 'smallest text' "$T/cut.err"
}
check "following the warning's first cut ($cut) gives a page without it" no_warning --size 5x7in $cut
check "40 actors and 120 ties fit an A4 page" no_warning --size a4
# The same map fits a 16:9 slide, its ties drawn round the actors they do not join (the arcs ran through them);
# on a 4:3 slide it is too crowded.
"$A" render tests/fixtures/crowded.yaml --layout map --size 16:9 -o "$T/crowded-map-169.svg" 2>"$T/crowded-map-169.err"
check "a crowded map fits a 16:9 slide, no tie through an actor it does not join" sh -c "
	! grep -q 'smallest text' '$T/crowded-map-169.err' && python3 tests/map-places.py '$T/crowded-map-169.svg'"
"$A" render tests/fixtures/crowded.yaml --layout map --size 4:3 -o "$T/crowded-map.svg" 2>"$T/crowded-map.err"
check "a map too crowded for a slide names a diagram as its first cut: every tie, the text it would have" grep -q '^actornet: warning: on 4:3 the smallest text would be [0-9.]* pt (minimum 10): 39 actors and 120 ties; --layout auto keeps 120 ties ([0-9.]* pt)' "$T/crowded-map.err"
check "... and the diagram it names fits the slide" no_warning --size 4:3 --layout auto
# A crowded map at its own size: the tie labels with no room are left out, said with the period it draws (the
# network's span), the count and what to do.
"$A" render tests/fixtures/crowded.yaml --layout map -o "$T/crowded-map-own.svg" 2>"$T/crowded-map-own.err"
check "a crowded map leaves out the tie labels it has no room for, and says how many" grep -qx 'actornet: warning: the map of 1950–2029 has no room for [0-9]* of its [0-9]* tie labels: they are left out (--labels short draws dates only; --type, --confidence or --focus draw fewer ties)' "$T/crowded-map-own.err"
sh tests/browser/run.sh svg-text.mjs --labels-clear "$T/crowded-map-own.svg"
check "... and runs no tie through an actor it does not join" python3 tests/map-places.py "$T/crowded-map-own.svg"
check "... and leaves them out at another dpi too: its SVG after a 150-dpi PNG is the same bytes" sh -c "
	'$A' render -q tests/fixtures/crowded.yaml --layout map --dpi 150 -o '$T/crowded-map-dpi.png' -o '$T/crowded-map-dpi.svg' && cmp '$T/crowded-map-own.svg' '$T/crowded-map-dpi.svg'"
"$A" render tests/fixtures/crowded.yaml --layout map --each decade -o "$T/crowded-map-{period}.svg" -o "$T/crowded-map.html" 2>"$T/crowded-series.err"
check "... a series' map names the period, once per period though the timeline page draws it again" sh -c "
	grep -q '^actornet: warning: the map of [0-9]*–[0-9]* has no room for' '$T/crowded-series.err' && [ -z \"\$(grep 'has no room' '$T/crowded-series.err' | sort | uniq -d)\" ]"
same_runs() { # same_runs N EXT FILE ARGS...: N renders of FILE with ARGS to .EXT, each done in time, exit 0, the same bytes
	runs=$1 ext=$2 file=$3
	shift 3
	timeout 60 "$A" render -q "$file" -o "$T/again-0.$ext" "$@" || return 1
	for i in $(seq 2 "$runs"); do
		timeout 60 "$A" render -q "$file" -o "$T/again.$ext" "$@" && cmp -s "$T/again-0.$ext" "$T/again.$ext" || return 1
	done
}
same_twenty() { same_runs 20 svg "$@"; }
# Labels of A -> B and B -> A start at one place: Graphviz's prism (GTS) crashed or hung on it in 1 run of 15.
# cairo places glyphs from a layout's last bits, which sfdp and GTS leave different from run to run unless snapped.
check "a slide's PNG is the same bytes over 10 runs" same_runs 10 png "$NET" --size 16:9
check "an SVG with its text as outlines is the same bytes over 10 runs" same_runs 10 svg "$NET" --outline-text
check "SOURCE_DATE_EPOCH dates a PDF: two runs a second apart are the same bytes, dated then" sh -c "SOURCE_DATE_EPOCH=1700000000 '$A' render -q '$NET' -p 1990s -o '$T/dated1.pdf' && sleep 1.1 && SOURCE_DATE_EPOCH=1700000000 TZ=Europe/Paris '$A' render -q '$NET' -p 1990s -o '$T/dated2.pdf' && cmp '$T/dated1.pdf' '$T/dated2.pdf' && grep -a -q '/CreationDate (D:20231114221320Z)' '$T/dated1.pdf'"
check "a malformed SOURCE_DATE_EPOCH is refused, with what it must be" sh -c "SOURCE_DATE_EPOCH=2023-11-14 '$A' render -q '$NET' -o '$T/undated.pdf' 2>'$T/undated.err'; [ \$? = 2 ] && [ ! -e '$T/undated.pdf' ] && grep -qxF \"actornet: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to 253402300799, not '2023-11-14'\" '$T/undated.err'"
check "... and so is a signed or spaced one (strtoll would take ' -5')" sh -c "for v in ' -5' ' 17' '+5'; do SOURCE_DATE_EPOCH=\"\$v\" '$A' render -q '$NET' -o '$T/undated.pdf' 2>/dev/null; [ \$? = 2 ] && [ ! -e '$T/undated.pdf' ] || exit 1; done"
check "an --outline-text series is the same bytes with 1 and 2 workers (cairo's surfaces numbered in each SVG)" sh -c "'$A' render -q '$NET' --each decade -j 1 --outline-text -o '$T/ot1-{period}.svg' && '$A' render -q '$NET' --each decade -j 2 --outline-text -o '$T/ot2-{period}.svg' && for f in '$T'/ot1-*.svg; do cmp \"\$f\" \"\$(echo \"\$f\" | sed 's|/ot1-|/ot2-|')\" || exit 1; done"
check "a packed page with ties both ways between actors: 20 runs, each drawn, the same" same_twenty tests/fixtures/crowded.yaml --size a4 --focus N0016
# Layouts differ in their last bits from run to run; untangling on them unrounded drew this slide 4 ways in 10 runs.
check "a packed slide whose actors swap places to cross less: 20 runs, the same" same_twenty tests/fixtures/medium.yaml --size 16:9
check "--layout packed draws each tie's label as a node of its own" sh -c "'$A' render -q '$NET' -p 2010s --layout packed -o '$T/packed.svg' && xmllint --noout '$T/packed.svg' && grep -q 'class=\"node tie&#45;label tie ' '$T/packed.svg'"
check "a stable series laid out packed keeps every actor in place" sh -c "'$A' render -q '$NET' --each decade --layout packed -o '$T/packed-{period}.svg' && python3 tests/same-places.py '$T'/packed-*.svg"
check "a series whose actors stand close together is routed and finishes (pathplan never returns from a walled-in point)" sh -c "timeout 300 '$A' render -q tests/fixtures/walled-in.yaml --each decade --size 16:9 -o '$T/walled-{period}.svg' && [ \$(ls '$T'/walled-*.svg | wc -l) = 8 ]"
check "a stable series gives a long early name its room: no actor overlaps another in any decade" sh -c "'$A' render -q tests/fixtures/early-names.yaml --each decade --labels none -o '$T/early-{period}.svg' && grep -q 'Dominion of Pakistan' '$T/early-1940s.svg' && python3 tests/same-places.py '$T'/early-*.svg"
check "an A4 PDF is the figure's size, without cairo's margin" sh -c "'$A' render -q '$NET' --size a4 -o '$T/page-only.pdf' && grep -a -q 'MediaBox \[ 0 0 451 492 \]' '$T/page-only.pdf'"
check "--cite keeps its markers without labels (the most compact level)" sh -c "'$A' render -q '$NET' -p 1990s --labels none --cite -o '$T/cite-none.svg' && [ \$(grep -c '>\[[0-9,]*\]<' '$T/cite-none.svg') -ge 3 ]"
check "--cluster region keeps its boxes on a slide (dot, not packed)" sh -c "'$A' render -q tests/fixtures/crowded.yaml --cluster region --size 16:9 -o '$T/cluster.svg' && grep -q 'class=\"cluster' '$T/cluster.svg'"
check "the packed engine draws the same with and without the warning's trial layouts" sh -c "'$A' render tests/fixtures/crowded.yaml --size 5x7in -o '$T/w1.svg' 2>/dev/null && '$A' render -q tests/fixtures/crowded.yaml --size 5x7in -o '$T/w2.svg' && cmp '$T/w1.svg' '$T/w2.svg'"
check "a packed series writes the same bytes with 1 and 2 workers" sh -c "'$A' render -q '$NET' --each decade --no-stable --layout packed -j 1 -o '$T/pj1-{period}.svg' && '$A' render -q '$NET' --each decade --no-stable --layout packed -j 2 -o '$T/pj2-{period}.svg' && for f in '$T'/pj1-*.svg; do cmp \"\$f\" \"\$(echo \"\$f\" | sed 's|/pj1-|/pj2-|')\" || exit 1; done"
check "-q keeps the warning to itself" sh -c "'$A' render -q tests/fixtures/crowded.yaml --size 5x7in -o '$T/crowded-q.svg' 2>&1 | grep -c . | grep -qx 0"
check "--background transparent draws no background" sh -c "'$A' render -q '$NET' -p 1990s --background transparent -o - | grep -c 'fill=\"white\"' | grep -qx 0"
# Two diagrams inlined in one page: ids repeat without --id-prefix (Graphviz's a_actor-IRN,
# cairo's glyph0-1), never with it, and every reference still finds its id.
"$A" render -q "$NET" -p 2000s -o "$T/plain-2000s.svg"
"$A" render -q "$NET" -p 2010s -o "$T/plain-2010s.svg"
check "two diagrams inlined as they are repeat ids" sh -c "/usr/bin/python3 tests/inline-ids.py '$T/plain-2000s.svg' '$T/plain-2010s.svg' >'$T/inline.out'; [ \$? = 1 ] && grep -q '^id repeated: a_actor-IRN (2 times)' '$T/inline.out'"
check "with --id-prefix, two diagrams (text as outlines too) inline with no id repeated" sh -c "
	'$A' render -q '$NET' -p 2000s --id-prefix fig1- -o '$T/fig1.svg' &&
	'$A' render -q '$NET' -p 2010s --id-prefix fig2- -o '$T/fig2.svg' &&
	'$A' render -q '$NET' -p 2010s --id-prefix fig3- --outline-text -o '$T/fig3.svg' &&
	'$A' render -q '$NET' -p 2000s --id-prefix fig4- --outline-text -o '$T/fig4.svg' &&
	/usr/bin/python3 tests/inline-ids.py '$T/fig1.svg' '$T/fig2.svg' '$T/fig3.svg' '$T/fig4.svg' >/dev/null &&
	grep -q ' id=\"fig1-actor&#45;IRN\"' '$T/fig1.svg' && grep -q ' id=\"fig1-graph0\"' '$T/fig1.svg'"
check "a series' diagrams carry their period in their ids, and inline together" sh -c "
	'$A' render -q '$NET' --each decade --from 1990s --to 2010s -o '$T/ids-{period}.svg' &&
	grep -q ' id=\"p1990s_graph0\"' '$T/ids-1990s.svg' &&
	/usr/bin/python3 tests/inline-ids.py '$T'/ids-*.svg >/dev/null &&
	'$A' render -q '$NET' --each decade --from 2000s --to 2010s --id-prefix 'deck-{period}-' -o '$T/deck-{period}.svg' &&
	grep -q ' id=\"deck-2000s-graph0\"' '$T/deck-2000s.svg'"
check "--outline-text draws no text elements" sh -c "'$A' render -q '$NET' -p 1990s --outline-text -o '$T/o.svg' && xmllint --noout '$T/o.svg' && ! grep -q '<text' '$T/o.svg'"
check "every theme renders" sh -c "for t in light dark print; do '$A' render -q '$NET' -p 2010s --theme \$t -o '$T/theme.png' || exit 1; done"

# --- the SVG in a real browser (headless Chromium): it renders, not blank, at the window's size
if command -v chromium >/dev/null 2>&1; then
	"$A" render -q "$NET" --period 2010s -o "$T/browser.svg"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/chromium" --window-size=1280,800 \
		--screenshot="$T/browser.png" "file://$(pwd)/$T/browser.svg" >/dev/null 2>&1
	check "Chromium renders the 2010s SVG (tests/tmp/e2e/browser.png)" sh -c "python3 tests/png-stats.py '$T/browser.png' | awk '\$1 == 1280 && \$2 == 800 && \$3 > 50 { ok = 1 } END { exit !ok }'"
else
	echo "not ok Chromium is not installed: run scripts/install-deps"
fi
check "Korean, Persian and Croatian names render" "$A" render -q tests/fixtures/scripts.yaml -o "$T/scripts.png" -o "$T/scripts.pdf"

# --- hostile input: no user text becomes markup, no link runs a script
"$A" render -q tests/fixtures/hostile.yaml -o "$T/hostile.svg"
check "a hostile network gives well-formed SVG" xmllint --noout "$T/hostile.svg"
check "a hostile network gives no script element" sh -c "[ \$(xmllint --xpath 'count(//*[local-name()=\"script\"])' '$T/hostile.svg') = 0 ]"
check "a hostile network gives no event attribute" sh -c "[ \$(xmllint --xpath 'count(//@*[starts-with(local-name(),\"on\")])' '$T/hostile.svg') = 0 ]"
check "links are percent-encoded http(s) only" sh -c "xmllint --xpath '//@*[local-name()=\"href\"]' '$T/hostile.svg' | tr ' ' '\n' | grep -v '^\$' | grep -vq 'href=\"https\\?://' && exit 1; grep -q 'x%22%3E%3Cscript%3E' '$T/hostile.svg'"
check "names are drawn as written" sh -c "grep -q '&lt;script&gt;alert(5)&lt;/script&gt;' '$T/hostile.svg' && grep -q 'B &amp; &lt;b&gt;bold&lt;/b&gt; \\\\N \\\\G' '$T/hostile.svg'"

check "a URL's & is an entity in SVG only" sh -c "'$A' render -q tests/fixtures/literal.yaml -o '$T/u.svg' -o '$T/u.dot' && grep -q 'x=1&amp;y=' '$T/u.svg' && grep -q 'x=1&y=' '$T/u.dot' && xmllint --noout '$T/u.svg'"


# --- series: one diagram per period, every actor in one place
S="$T/series"
mkdir -p "$S"
check "a stable decade series as SVG and PNG, one process" \
	"$A" render -q "$NET" --each decade --jobs 1 -o "$S/j1-{period}.svg" -o "$S/j1-{period}.png"
check "the same with --jobs 2" \
	"$A" render -q "$NET" --each decade --jobs 2 -o "$S/j2-{period}.svg" -o "$S/j2-{period}.png"
check "--jobs 2 and --jobs 1 write byte-identical SVG and PNG" sh -c "
	n=0; for f in '$S'/j1-*; do cmp \"\$f\" \"\$(echo \"\$f\" | sed 's|/j1-|/j2-|')\" || exit 1; n=\$((n + 1)); done; [ \$n = 14 ]"
check "without --jobs (one period first, workers for the rest when it is worth it): the same files" sh -c "
	'$A' render -q '$NET' --each decade -o '$S/jd-{period}.svg' -o '$S/jd-{period}.png' &&
	'$A' render -q '$NET' --each decade -o '$S/js-{period}.svg' &&
	n=0; for f in '$S'/j1-*; do cmp \"\$f\" \"\$(echo \"\$f\" | sed 's|/j1-|/jd-|')\" || exit 1; n=\$((n + 1)); done; [ \$n = 14 ] &&
	for f in '$S'/j1-*.svg; do cmp \"\$f\" \"\$(echo \"\$f\" | sed 's|/j1-|/js-|')\" || exit 1; done"
check "every actor keeps its place among the others, at one size, in every decade (shipped network)" python3 tests/same-places.py "$S"/j1-*.svg
area() { # area SVG: the canvas's width times height, in square points
	sed -n 's/^<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 * \2/p' "$1"
}
"$A" render -q "$NET" -p 1990s -o "$S/alone-1990s.svg"
alone=$(($(area "$S/alone-1990s.svg"))) in_series=$(($(area "$S/j1-1990s.svg")))
check "a decade of a stable series leaves out the others' empty space: the 1990s take at most 1.5 times their own drawing's area ($in_series and $alone pt²)" \
	test "$in_series" -gt 0 -a $((in_series * 2)) -le $((alone * 3))
check "--no-stable lays out each decade on its own: actors move" sh -c "'$A' render -q '$NET' --each decade --no-stable -o '$S/ns-{period}.svg' && ! python3 tests/same-places.py '$S'/ns-*.svg >/dev/null"
"$A" render -q -v "$NET" --each decade --jobs 1 -o "$S/v-{period}.svg" 2>"$S/verbose"
check "a stable series of 7 decades places the actors once, and pins 7 diagrams" sh -c "
	[ \$(grep -c '^actornet: placed 16 actors and 32 ties with dot in ' '$S/verbose') = 1 ] &&
	[ \$(grep -c '^actornet: [0-9]*s: laid out .* with nop2 (at the series. places)' '$S/verbose') = 7 ] &&
	[ \$(wc -l <'$S/verbose') = 8 ]"
"$A" render -q -v "$NET" --each decade --no-stable --jobs 1 -o "$S/w-{period}.svg" 2>"$S/verbose-ns"
check "--no-stable lays out each of the 7 decades on its own, and places nothing: with dot where it draws one clean, else packed (the 2020s)" sh -c "
	[ \$(grep -c ' with dot in ' '$S/verbose-ns') = 6 ] && grep -q '^actornet: 2020s: laid out .* with packed in ' '$S/verbose-ns' && ! grep -q placed '$S/verbose-ns'"
check "a decade without ties is drawn with its title alone, cropped to it" sh -c "'$A' render -q '$NET' --each decade --from 1940s --to 1970s -o '$S/e-{period}.svg' && xmllint --noout '$S/e-1940s.svg' && grep -q '>1940–1949</text>' '$S/e-1940s.svg' && ! grep -q 'class=\"node' '$S/e-1940s.svg' && [ \"\$(head -12 '$S/e-1940s.svg' | grep viewBox)\" != \"\$(head -12 '$S/e-1970s.svg' | grep viewBox)\" ]"
"$A" render -q "$NET" --each decade --ghost -o "$S/g-{period}.svg"
check "--ghost draws the 2010s' actors faintly in the 1990s" sh -c "xmllint --xpath '//*[@id=\"p1990s_actor-SYR\"]/@class' '$S/g-1990s.svg' | grep -q 'actor state ghost' && xmllint --xpath '//*[@id=\"p1990s_actor-IRN\"]/@class' '$S/g-1990s.svg' | grep -q '\"node actor state\"'"
check "--ghost keeps the 1990s' own ties drawn, and labels no ghost" sh -c "[ \$(xmllint --xpath 'count(//*[local-name()=\"g\"][contains(@class,\"ghost\")][starts-with(@id,\"p1990s_tie\")]//*[local-name()=\"text\"])' '$S/g-1990s.svg') = 0 ] && grep -q '1990–1999 (3)' '$S/g-1990s.svg' && grep -q 'other periods' '$S/g-1990s.svg'"
check "--ghost series keep every actor in place" python3 tests/same-places.py "$S"/g-*.svg
mkdir -p "$S/fail1/x-1990s.svg" "$S/fail2/x-1990s.svg"
check "a period that cannot be written: exit 3, the other periods written, no page, with --jobs 1 and 2" sh -c "
	'$A' render -q '$NET' --each decade -j 1 -o '$S/fail1/x-{period}.svg' -o '$S/fail1/p.html' 2>/dev/null; [ \$? = 3 ] || exit 1
	'$A' render -q '$NET' --each decade -j 2 -o '$S/fail2/x-{period}.svg' -o '$S/fail2/p.html' 2>/dev/null; [ \$? = 3 ] || exit 1
	[ \"\$(ls '$S/fail1')\" = \"\$(ls '$S/fail2')\" ] && [ \$(ls '$S/fail1' | wc -l) = 7 ] && [ ! -e '$S/fail1/p.html' ]"
check "a series says nothing on standard error when it is not a terminal" sh -c "'$A' render -q '$NET' --each decade -o '$S/q-{period}.svg' 2>'$S/quiet.err' && [ ! -s '$S/quiet.err' ]"
if command -v script >/dev/null 2>&1; then
	check "a series shows its progress on a terminal" sh -c "script -qec \"'$A' render '$NET' --each decade -o '$S/t-{period}.svg'\" /dev/null | tr '\r' '\n' | grep -Eq '^actornet: [1-6] of 7 periods drawn \\([0-9]{4}s\\)'"
fi
if [ -x /usr/bin/python3 ] && [ -f ../shared/bench/gen_network.py ]; then
	/usr/bin/python3 ../shared/bench/gen_network.py 60 150 >"$S/g60.yaml"
	"$A" render -q -v "$S/g60.yaml" --each decade -o "$S/sixty-{period}.svg" 2>"$S/sixty.log"
	check "60 actors, 150 ties: placed once, packed (dot's curves run through labels)" sh -c "grep -q '^actornet: placed 60 actors and 150 ties with packed' '$S/sixty.log' && [ \$(grep -c placed '$S/sixty.log') = 1 ]"
	check "60 actors, 150 ties: every actor in place in every decade" python3 tests/same-places.py "$S"/sixty-*.svg
	/usr/bin/python3 ../shared/bench/gen_network.py 300 1500 >"$S/g300.yaml"
	"$A" render -v "$S/g300.yaml" --each decade -o "$S/big-{period}.svg" -o "$S/big.html" 2>"$S/big.log"
	check "300 actors, 1,500 ties: placed once with sfdp" sh -c "grep -q '^actornet: placed 300 actors and 1500 ties with sfdp' '$S/big.log' && [ \$(grep -c placed '$S/big.log') = 1 ]"
	check "300 actors, 1,500 ties: every actor in place in every decade" python3 tests/same-places.py "$S"/big-*.svg
fi

# --- the timeline page of a series, in Chromium driven by Playwright (tests/browser/run.sh)
"$A" render -q "$NET" --each decade -o "$T/timeline.html"
check "the timeline page is well-formed (HTML that is also XML)" xmllint --noout "$T/timeline.html"
check "the timeline page fetches nothing" sh -c "! grep -Eq '<link|<script src|@import|url\\(http' '$T/timeline.html'"
check "the timeline page holds the seven decades' diagrams" sh -c "[ \$(grep -c '<figure class=\"tl-frame\" data-name=\"[12][0-9]*s\"' '$T/timeline.html') = 7 ] && [ \$(grep -c '<svg width=\"[0-9.]*pt\" height=\"[0-9.]*pt\"' '$T/timeline.html') = 7 ]"
sh tests/browser/run.sh timeline.mjs "$T/timeline.html" "$T/timeline.png"

# --- a title block's text as a browser draws it (wider than Graphviz measures it) stays on the canvas,
for size in 16:9 4:3 a4 4x5in; do
	"$A" render -q tests/fixtures/long-sources.yaml --size "$size" -o "$T/long-sources-$(echo "$size" | tr : x).svg"
done
# ... also at the drawing's natural size, where the sources wrap to a page's measure (once one line 1,950 pt wide)
"$A" render -q tests/fixtures/long-sources.yaml -o "$T/long-sources-natural.svg"
# ... and no tie is routed through it (tests/fixtures/over-the-top.yaml once was, over its top actor)
"$A" render -q tests/fixtures/over-the-top.yaml --size 16:9 -o "$T/over-the-top.svg"
# ... nor through another tie's label (dot put the 1970s' "Intelligence 1974" under another tie's line)
"$A" render -q tests/fixtures/over-the-top.yaml --period 1970s --size 16:9 -o "$T/squeezed-label.svg"
# ... nor grazing the top of its text, which a browser draws higher than Graphviz measures it
"$A" render -q tests/fixtures/grazed-label.yaml --period 1980s --size 16:9 -o "$T/grazed-label.svg"
sh tests/browser/run.sh svg-text.mjs "$T"/long-sources-*.svg "$T/over-the-top.svg" "$T/squeezed-label.svg" "$T/grazed-label.svg"

# --- limits
if [ -x /usr/bin/python3 ] && [ -f ../shared/bench/gen_network.py ]; then
	/usr/bin/python3 ../shared/bench/gen_network.py 20000 100000 >"$T/big.yaml"
	check "20,000 actors and 100,000 ties check clean" "$A" check "$T/big.yaml"
	check "and render a decade" "$A" render -q "$T/big.yaml" -p 1990s -o "$T/big.json"
	# A large file is streamed and parsed ahead in a second thread: errors deep in it keep
	# their positions (the text is read again to place them), and a limit stops it early.
	line=$(grep -n 'label: "Tie note' "$T/big.yaml" | sed -n '20000p' | cut -d: -f1)
	awk -v n="$line" 'NR == n { sub(/Tie note/, "Tie \377note") } { print }' "$T/big.yaml" >"$T/big-utf8.yaml"
	check "an invalid byte deep in a large file: its line and column, exit 1" sh -c "'$A' check '$T/big-utf8.yaml' 2>'$T/big.err'; [ \$? = 1 ] && grep -qx '$T/big-utf8.yaml:$line:17: error: invalid UTF-8: the file must be encoded in UTF-8' '$T/big.err'"
	# A tie's first line, after a quoted label, indented with a tab.
	line=$(awk '/^  - from/ && prev ~ /label: "/ { if (++n == 20000) { print NR; exit } } { prev = $0 }' "$T/big.yaml")
	awk -v n="$line" 'NR == n { sub(/^  /, "\t") } { print }' "$T/big.yaml" >"$T/big-tab.yaml"
	check "a tab deep in a large file is named as the cause" sh -c "'$A' check '$T/big-tab.yaml' 2>'$T/big.err'; [ \$? = 1 ] && grep -q '^$T/big-tab.yaml:$line:1: .*(a tab: YAML is indented with spaces only)' '$T/big.err'"
	{ echo "deep: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"; cat "$T/big.yaml"; } >"$T/big-deep.yaml"
	check "a limit at the start of a large file stops the parser thread, exit 1" sh -c "timeout 60 '$A' check '$T/big-deep.yaml' 2>'$T/big.err'; [ \$? = 1 ] && grep -q '^$T/big-deep.yaml:1:.*nesting deeper than 24 levels' '$T/big.err' && [ \$(grep -c ': error: ' '$T/big.err') = 1 ]"
fi
# A pipe is read whole (it cannot be read again), within --max-size.
"$A" check "$NET" >"$T/file.out" 2>&1
check "a network from a pipe is checked as from its file" sh -c "cat '$NET' | '$A' check /dev/stdin 2>&1 | sed 's|^/dev/stdin:|$NET:|' | diff -u '$T/file.out' -"

# --- no file is ever lost
"$A" render -q "$NET" -p 1990s -o "$T/good.png"
cp "$T/good.png" "$T/good.copy"
check "a write cut short by a file-size limit exits 3 and keeps the old file" sh -c "(ulimit -f 8; '$A' render -q '$NET' -p 2010s -o '$T/good.png' 2>/dev/null); [ \$? = 3 ] && cmp '$T/good.png' '$T/good.copy'"
check "a full device exits 3 and is not replaced" sh -c "'$A' render -q '$NET' -p 1990s -T svg -o /dev/full 2>'$T/full.err'; [ \$? = 3 ] && [ -c /dev/full ] && grep -q 'No space left' '$T/full.err'"
check "an unwritable folder exits 3" sh -c "'$A' render -q '$NET' -o /proc/actornet-test.svg 2>/dev/null; [ \$? = 3 ]"
ln -sf good.png "$T/link.png"
check "a symlink is written through, and stays a link" sh -c "'$A' render -q '$NET' -p 2000s -o '$T/link.png' && [ -L '$T/link.png' ] && ! cmp -s '$T/good.png' '$T/good.copy'"
check "the network file is never an output" sh -c "cp '$NET' '$T/net.yaml' && '$A' render -q '$T/net.yaml' -T svg -o '$T/net.yaml' 2>/dev/null; [ \$? = 2 ] && cmp '$NET' '$T/net.yaml'"
check "a new file gets the mode the umask gives" sh -c "(umask 027; '$A' render -q '$NET' -p 1990s -o '$T/mode.svg') && [ \$(stat -c %a '$T/mode.svg') = 640 ]"
check "no temporary file is left after the failures" sh -c "! ls -a '$T' | grep -q 'tmp-'"

# --- other outputs
check "-o - writes SVG to standard output" sh -c "'$A' render -q '$NET' -p 1990s -o - | xmllint --noout -"
check "-T overrides the extension" sh -c "'$A' render -q '$NET' -T png -o '$T/png.svg' && head -c 4 '$T/png.svg' | grep -q PNG"

# --- the shipped network is clean, and its decades have the expected ties
"$A" render -q "$NET" --each decade -o "$T/iran-{period}.json"
: >"$T/decades"
for f in "$T"/iran-*.json; do
	d=${f##*/iran-}
	python3 -c "import json,sys; print('${d%.json}', len(json.load(open('$f'))['ties']))" >>"$T/decades"
done
grep -v '^#' tests/golden/iran-dprk-decades.txt >"$T/decades.want"
check "ties per decade of the shipped network" diff -u "$T/decades.want" "$T/decades"
"$A" render -q networks/iran-dprk.yaml -o "$T/all.json"
python3 -c "
import json
for t in json.load(open('$T/all.json'))['ties']:
    if not t['when'] or not t['sources']:
        print('tie without a date or a source:', t['id'])
" >"$T/every-tie" 2>&1
check "every shipped tie has a date and a source" sh -c "[ ! -s '$T/every-tie' ]"

# --- exit statuses, and no file is lost
echo keep >"$T/keep.svg"
check "invalid input leaves the output as it was" sh -c "'$A' render tests/bad/bad-date.yaml -o '$T/keep.svg' 2>/dev/null; [ \$? = 1 ] && [ \"\$(cat '$T/keep.svg')\" = keep ]"
check "no temporary file is left behind" sh -c "! ls '$T' | grep -q 'tmp-'"

# --- stats: the tables of a report
# The per-decade totals of stats are the ties that render draws for each decade.
"$A" stats "$NET" -T json -o "$T/stats.json"
python3 -c "
import json
for row in json.load(open('$T/stats.json'))['periods']:
    if row['period'] != 'all':
        print(row['period'], row['total'])
" >"$T/stats-decades"
check "stats' decade totals are the ties drawn per decade" diff -u "$T/decades.want" "$T/stats-decades"

# --- export: GraphML, GEXF and JSON, each valid against its published schema and read by networkx
"$A" export "$NET" -o "$T/net.graphml"
"$A" export "$NET" -o "$T/net.gexf"
"$A" export "$NET" -o "$T/net.json"
check "the GraphML is valid against GraphML 1.0's schema" xmllint --nonet --noout --schema tests/schemas/graphml.xsd "$T/net.graphml"
check "the GEXF is valid against GEXF 1.2draft's schema" xmllint --nonet --noout --schema tests/schemas/gexf.xsd "$T/net.gexf"
check "the JSON is valid against its schema" /usr/bin/python3 -c "
import json, jsonschema
schema = json.load(open('tests/schemas/actornet-json.schema.json'))
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.validate(json.load(open('$T/net.json')), schema, cls=jsonschema.Draft7Validator)"
check "the JSON export is render's JSON" sh -c "'$A' render -q '$NET' -o '$T/render.json' && cmp '$T/render.json' '$T/net.json'"
check "networkx reads the GraphML: 16 actors, 62 ties, typed attributes" /usr/bin/python3 -c "
import networkx as nx
g = nx.read_graphml('$T/net.graphml')
assert (g.number_of_nodes(), g.number_of_edges()) == (16, 62), (g.number_of_nodes(), g.number_of_edges())
assert g.nodes['IRN']['kind'] == 'state' and g.nodes['IRN']['ties'] == 43, g.nodes['IRN']
e = [d for _, _, d in g.edges(data=True) if d['tie'] == 'prk-irn-arms-1990s'][0]
assert (e['type'], e['start'], e['end'], e['mutual']) == ('arms', '1990-01-01', '1999-12-31', False), e"
check "networkx reads the GEXF: 16 actors, 62 ties, dynamic, with spells" /usr/bin/python3 -c "
import networkx as nx
g = nx.read_gexf('$T/net.gexf')
assert (g.number_of_nodes(), g.number_of_edges()) == (16, 62), (g.number_of_nodes(), g.number_of_edges())
assert sum(d['mutual'] for _, _, d in g.edges(data=True)) == 21
assert g.graph['mode'] == 'dynamic', g.graph
e = [d for _, _, d in g.edges(data=True) if d['tie'] == 'prk-irn-arms-1990s'][0]
assert e['spells'] == [('1990-01-01', '1999-12-31')], e
assert g.nodes['PRK']['spells'] == [('1948-01-01', None)] or g.nodes['PRK']['spells'][0][0] == '1948-01-01', g.nodes['PRK']"
check "every GEXF edge has its type's colour (arms: #D55E00)" sh -c "[ \$(grep -c '<color ' '$T/net.gexf') = 62 ] && grep -A30 '<edge id=\"prk-irn-arms-1990s\"' '$T/net.gexf' | grep -m1 '<color ' | grep -q 'r=\"213\" g=\"94\" b=\"0\"'"

# --- import: spreadsheets to a checked network file
import_case() { # import_case DIR OUTPUT: runs import on the CSV files DIR has
	set -- "$1" "$2"
	d=$1 out=$2
	shift 2
	for kind in sources types; do
		[ -f "$d/$kind.csv" ] && set -- "$@" "--$kind" "$d/$kind.csv"
	done
	"$A" import --actors "$d/actors.csv" --ties "$d/ties.csv" "$@" --title "Imported" -o "$out"
}
import_case tests/import/good "$T/good.yaml" 2>"$T/good.err"
check "import writes the golden network file, silently" sh -c "diff -u tests/import/good/expected.yaml '$T/good.yaml' && [ ! -s '$T/good.err' ]"
check "the imported network passes check --strict" "$A" check --strict "$T/good.yaml"
# The bad cases (tests/import/bad-*) are tests/cli/import-bad.sh.
# Round trip: a network saved as CSV the way a spreadsheet does, imported, is the same network.
for n in "$NET" docs/example.yaml tests/fixtures/small.yaml; do
	name=$(basename "$n" .yaml)
	rm -rf "$T/csv-$name"
	/usr/bin/python3 tests/network-to-csv.py "$n" "$T/csv-$name"
	default=$(sed -n 2p "$T/csv-$name/options")
	"$A" import -q --actors "$T/csv-$name/actors.csv" --ties "$T/csv-$name/ties.csv" \
		--sources "$T/csv-$name/sources.csv" --types "$T/csv-$name/types.csv" \
		${default:+--default-source "$default"} --title "$(sed -n 1p "$T/csv-$name/options")" \
		-o "$T/csv-$name/network.yaml"
	check "$name.yaml round-trips through CSV: check --strict passes, the same JSON" sh -c "
		'$A' check -q '$T/csv-$name/network.yaml' &&
		'$A' export -q '$n' -o '$T/csv-$name/before.json' &&
		'$A' export -q '$T/csv-$name/network.yaml' -o '$T/csv-$name/after.json' &&
		cmp '$T/csv-$name/before.json' '$T/csv-$name/after.json'"
done
check "import reads semicolon-separated CSV (commas in quotes) and writes to standard output" sh -c "
	printf 'id;name;\"kind\"\nIRN;\"Iran, Islamic Republic of\";state\nPRK;North Korea, DPRK;state\n' >'$T/semi-actors.csv' &&
	printf 'from;to;type;when\nPRK;IRN;missiles;1993\n' >'$T/semi-ties.csv' &&
	'$A' import -q --actors '$T/semi-actors.csv' --ties '$T/semi-ties.csv' -o - | '$A' check -q /dev/stdin"

# --- texts and dates that exports must carry unchanged (tests/fixtures/export.yaml)
"$A" export -q tests/fixtures/export.yaml -o "$T/texts.gexf"
"$A" export -q tests/fixtures/export.yaml -o "$T/texts.graphml"
check "export writes several -o in one run, each as a run of its own" sh -c "
	'$A' export -q tests/fixtures/export.yaml -o '$T/both.gexf' -o '$T/both.graphml' &&
	cmp '$T/both.gexf' '$T/texts.gexf' && cmp '$T/both.graphml' '$T/texts.graphml'"
check "tabs, line breaks and U+FFFE keep the GEXF valid" xmllint --nonet --noout --schema tests/schemas/gexf.xsd "$T/texts.gexf"
check "tabs, line breaks and U+FFFE keep the GraphML valid" xmllint --nonet --noout --schema tests/schemas/graphml.xsd "$T/texts.graphml"
check "networkx reads the texts back as written (U+FFFE as U+FFFD), year 0 left open" /usr/bin/python3 -c "
import networkx as nx
for g in (nx.read_gexf('$T/texts.gexf'), nx.read_graphml('$T/texts.graphml')):
    assert g.nodes['NEW']['name'] == 'Line one\nline two', g.nodes['NEW']
    assert g.nodes['OLD']['name'] == 'Ancient\tstate', g.nodes['OLD']
    notes = [d.get('note') for _, _, d in g.edges(data=True) if d.get('tie') == 'old-new']
    assert notes == ['CR\r\nLF and \ufffd'], notes
assert nx.read_gexf('$T/texts.gexf').nodes['OLD']['spells'] == [('None', '0100-12-31')]"

# --- a map (--layout map, tests/fixtures/map.yaml): geography, every format, a stable series, the column
M=tests/fixtures/map.yaml
PLACES="IRN east IRQ|PRK north KOR|RUS north PRK|RUS north KOR|USA west IRN|USA west IRQ|USA west PRK|USA west KOR|USA west RUS|USA west ISR|USA west SYR|USA west LBN|IRN east SYR|SYR north ISR|USA west HZB|USA west IRGC|USA west HAMAS"
"$A" render "$M" --layout map -o "$T/map.svg" -o "$T/map.png" -o "$T/map.pdf" 2>"$T/map.err"
"$A" render -q "$M" -o "$T/nomap.png" -o "$T/nomap.pdf"
check "a map: Iran east of Iraq, North Korea north of South Korea, Russia north of both, the United States west of all; no overlap, no tie through an actor, outlines drawn" \
	sh -c "IFS='|'; python3 tests/map-places.py '$T/map.svg' \$(echo '$PLACES')"
check "a map's SVG is well-formed, its outlines class=map (a page can restyle or hide them)" sh -c \
	"xmllint --noout '$T/map.svg' && [ \$(grep -c '<polygon class=\"map\"' '$T/map.svg') -gt 50 ]"
check "a map's PNG is drawn (not blank) and differs from the drawing without the map" sh -c \
	"python3 tests/png-stats.py '$T/map.png' | awk '\$3 > 50 { ok = 1 } END { exit !ok }' && ! cmp -s '$T/map.png' '$T/nomap.png'"
check "a map's PDF, drawn as a picture, shows the countries (a fifth of it the land's colour; none without the map)" sh -c "
	pdftoppm -png -r 30 -singlefile '$T/map.pdf' '$T/map-pdf' && pdftoppm -png -r 30 -singlefile '$T/nomap.pdf' '$T/nomap-pdf' &&
	python3 tests/png-stats.py '$T/map-pdf.png' F1F0EC | awk '\$4 > 20 { ok = 1 } END { exit !ok }' &&
	python3 tests/png-stats.py '$T/nomap-pdf.png' F1F0EC | awk '\$4 < 1 { ok = 1 } END { exit !ok }'"
check "an actor without a place: the warning at its id, with what gives it one" grep -qF \
	"tests/fixtures/map.yaml:20:3: warning: actor 'NET' has no place on the map: it is drawn in the column on the right; give it 'at: [LATITUDE, LONGITUDE]'" "$T/map.err"
check "an actor without a place stands in the column right of every other actor" sh -c \
	"IFS='|'; python3 tests/map-places.py '$T/map.svg' \$(for a in IRN IRQ SYR LBN ISR PRK KOR RUS USA HZB IRGC HAMAS; do printf 'NET east %s|' \$a; done)"
"$A" render -q tests/fixtures/map-events.yaml --layout map -o "$T/map-events.svg"
check "an event none of whose actors has a place stands in their column, right of every actor on the map" python3 -c "
import re, sys
s = open('$T/map-events.svg').read()
event = re.search(r'<g id=\"joint&#45;meeting\" class=\"node joint.*?<text[^>]* x=\"([-0-9.]+)\"', s, re.S)
right = max(float(x) for a in ('IRN', 'PRK') for x in re.findall(r'([-0-9.]+),[-0-9.]+', re.search(r'<g id=\"actor&#45;' + a + r'\" class=\"node.*?<polygon[^>]* points=\"([^\"]*)\"', s, re.S).group(1)))
sys.exit(not (event and float(event.group(1)) > right))"
"$A" render docs/example.yaml --layout map -o "$T/nowhere-map.svg" 2>"$T/nowhere-map.err"
"$A" render -q docs/example.yaml -o "$T/nowhere-auto.svg"
check "a network none of whose actors has a place: drawn as --layout auto draws it, with a warning that says why and what gives a place" sh -c \
	"cmp '$T/nowhere-map.svg' '$T/nowhere-auto.svg' && [ \"\$(cat '$T/nowhere-map.err')\" = \"actornet: warning: no actor in docs/example.yaml has a place on a map: drawn with --layout auto instead; give states their ISO 3166-1 alpha-3 codes as ids, or actors 'at: [LATITUDE, LONGITUDE]', a 'part_of' actor with a place or a 'region' the map knows\" ]"
U=tests/fixtures/map-unplaced.yaml
"$A" render "$U" --layout map -p 1990s -o "$T/offmap-map.svg" 2>"$T/offmap-map.err"
"$A" render -q "$U" -p 1990s -o "$T/offmap-auto.svg"
"$A" render -q "$U" --layout map -p 2000s -o "$T/onmap.svg"
check "a period none of whose actors has a place: drawn as --layout auto draws it, with a warning that names the period" sh -c \
	"cmp '$T/offmap-map.svg' '$T/offmap-auto.svg' && [ \"\$(cat '$T/offmap-map.err')\" = \"actornet: warning: no actor drawn for 1990–1999 has a place on a map: drawn with --layout auto instead; give states their ISO 3166-1 alpha-3 codes as ids, or actors 'at: [LATITUDE, LONGITUDE]', a 'part_of' actor with a place or a 'region' the map knows\" ] && grep -q 'class=\"map\"' '$T/onmap.svg'"
"$A" render "$U" --layout map -p 1990s --ghost -o "$T/offmap-ghost.svg" 2>"$T/offmap-ghost.err"
check "... but with --ghost, whose actors of every date are drawn too, it stays a map" sh -c \
	"grep -q 'class=\"map\"' '$T/offmap-ghost.svg' && ! grep -q 'has a place on a map' '$T/offmap-ghost.err'"
"$A" render -q "$M" --layout map --each decade -j 1 -o "$T/mapj1-{period}.svg" -o "$T/mapj1-{period}.png" -o "$T/mapj1.html"
"$A" render -q "$M" --layout map --each decade -j 2 -o "$T/mapj2-{period}.svg" -o "$T/mapj2-{period}.png" -o "$T/mapj2.html"
"$A" render -q "$M" --layout map --each decade -j 1 -o "$T/mapj3-{period}.svg" -o "$T/mapj3-{period}.png"
check "a stable map series keeps every actor at the same place, each period over the map" sh -c \
	"python3 tests/same-places.py --exact '$T'/mapj1-*.svg && for f in '$T'/mapj1-*.svg; do python3 tests/map-places.py \"\$f\" || exit 1; done"
check "a map series is the same bytes run again and with two workers" sh -c \
	"for f in '$T'/mapj1-*; do g=\${f#'$T'/mapj1-}; cmp \"\$f\" '$T'/mapj2-\$g && cmp \"\$f\" '$T'/mapj3-\$g || exit 1; done && cmp '$T/mapj1.html' '$T/mapj2.html'"
check "the timeline page of a map series draws the map in every frame" sh -c \
	"[ \$(grep -c 'class=\"map\"' '$T/mapj1.html') -eq \$((3 * \$(grep -c 'class=\"map\"' '$T/mapj1-1990s.svg'))) ]"
check "the shipped network's 2020s on a map: Iran east of Israel, North Korea north-east of Iran, Russia north of it, the United States west" \
	sh -c "'$A' render -q '$NET' --layout map -p 2020s -o '$T/seed-map.svg' && python3 tests/map-places.py '$T/seed-map.svg' 'IRN east ISR' 'PRK east IRN' 'PRK north IRN' 'RUS north PRK' 'USA west IRN' 'USA west RUS'"
check "a map's outlines keep their class after a description of several paragraphs, and a map with --cite has its title block below" sh -c "
	printf 'title: Two paragraphs\ndescription: |\n  First.\n\n  Second.\ndefault_source: s\nsources: {s: S}\nactors:\n  IRN: {name: Iran, kind: state}\n  SYR: {name: Syria, kind: state}\nties:\n  - {from: IRN, to: SYR, type: arms, when: 1990}\n' >'$T/desc.yaml' &&
	'$A' render -q '$T/desc.yaml' --layout map -o '$T/desc.svg' && [ \$(grep -c '<polygon class=\"map\"' '$T/desc.svg') -gt 0 ] &&
	'$A' render -q '$T/desc.yaml' --layout map --cite -o '$T/cite.svg' && python3 -c \"
import re, sys
s = open('$T/cite.svg').read()
title = float(re.search(r'<text[^>]*y=\\\"(-?[0-9.]+)\\\"[^>]*>Two paragraphs<', s).group(1))
node = float(re.search(r'<title>SYR</title>.*?points=\\\"[-0-9.]+,(-?[0-9.]+)', s, re.S).group(1))
sys.exit(0 if title > node else 1)\""
check "a map series for a slide: every period on the one map (same places), the warning gives the text the periods are drawn at" sh -c "
	'$A' render '$M' --layout map --each decade --size 16:9 -o '$T/mapslide-{period}.svg' 2>'$T/mapslide.err';
	python3 tests/same-places.py --exact '$T'/mapslide-*.svg >/dev/null &&
	if grep -q 'periods with text under' '$T/mapslide.err'; then
		[ \$(sed -n 's/.*as large as fits: \\([^;]*\\);.*/\\1/p' '$T/mapslide.err' | grep -o '([0-9.]* pt)' | sort -u | wc -l) -eq 1 ]
	fi"
"$A" render "$NET" --layout map -p 2020s --size 16:9 -o "$T/seed-map-slide.svg" 2>"$T/seed-map-slide.err"
check "the shipped network's 2020s on a slide map fits: the map drawn smaller, its actors and text not (10 pt and more as drawn, no warning)" sh -c \
	"! grep -q 'smallest text' '$T/seed-map-slide.err' && python3 -c 'import sys; sys.exit(float(sys.argv[1]) < 9.95)' '$(drawn_text "$T/seed-map-slide.svg")'"
check "... and the map stands right under the title block, not below a band of Arctic sea (at most 40 pt between them)" python3 -c "
import re, sys
s = open('$T/seed-map-slide.svg').read()
k = float(re.search(r'scale\(([0-9.]+)', s).group(1))
top = min(float(y) for points in re.findall(r'<polygon class=\"map\"[^>]*points=\"([^\"]*)\"', s) for y in re.findall(r',(-?[0-9.]+)', points))
source = float(re.search(r'<text[^>]*y=\"(-?[0-9.]+)\"[^>]*>Source:', s).group(1))
sys.exit(0 if 0 < (top - source) * k < 40 else 1)"
# ... and in Chromium: its texts within the slide, its ties' labels (if any) clear of each other and of the actors.
sh tests/browser/run.sh svg-text.mjs "$T/seed-map-slide.svg"
# ... and at its own size: actors close together (Hamas and Israel) are moved apart for their tie's label
sh tests/browser/run.sh svg-text.mjs --labels-clear "$T/seed-map.svg"
check "a map across the antimeridian is drawn round it: Fiji (180) and Tonga (175 W) east of New Zealand (172 E), Tonga south of Fiji" sh -c "
	printf 'title: Pacific\ndefault_source: s\nsources: {s: S}\nactors:\n  FJI: {name: Fiji, kind: state}\n  NZL: {name: New Zealand, kind: state}\n  TON: {name: Tonga, kind: state}\nties:\n  - {from: NZL, to: FJI, type: trade, when: 1990}\n  - {from: TON, to: FJI, type: trade, when: 1990}\n' >'$T/pacific.yaml' &&
	'$A' render -q '$T/pacific.yaml' --layout map -o '$T/pacific.svg' && python3 tests/map-places.py '$T/pacific.svg' 'FJI east NZL' 'TON east NZL' 'TON south FJI'"
check "GEXF and GraphML carry an actor's at as latitude and longitude (Gephi's GeoLayout reads them)" /usr/bin/python3 -c "
import subprocess, networkx as nx
subprocess.run(['$A', 'export', '-q', '$NET', '-o', '$T/geo.gexf', '-o', '$T/geo.graphml'], check=True)
for g in (nx.read_gexf('$T/geo.gexf'), nx.read_graphml('$T/geo.graphml')):
    assert (g.nodes['HZB']['latitude'], g.nodes['HZB']['longitude']) == (33.85, 35.86), g.nodes['HZB']
    assert 'latitude' not in g.nodes['IRN'], g.nodes['IRN']"
