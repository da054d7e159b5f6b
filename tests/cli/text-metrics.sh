# actornet measures texts in DejaVu Sans itself to the same sizes pango gives (src/textlayout.c): an SVG
# drawn alone (its texts measured by actornet, the rest by pango) and one drawn beside a PNG (every text
# measured by pango, whose layouts cairo draws) are the same bytes, for texts of every kind and at the
# sizes a fitted drawing scales its text to (run by tests/run; compared with text-metrics.expected).
A=$ACTORNET
rm -rf "$TMP/metrics" && mkdir -p "$TMP/metrics"
for net in tests/fixtures/texts.yaml tests/fixtures/scripts.yaml networks/iran-dprk.yaml; do
	for size in natural 16:9 a4; do
		opts=""
		[ "$size" != natural ] && opts="--size $size"
		name=$(basename "$net" .yaml)-$(echo "$size" | tr ':' 'x')
		"$A" render -q $opts "$net" -o "$TMP/metrics/$name.svg"
		"$A" render -q $opts "$net" -o "$TMP/metrics/$name-pango.svg" -o "$TMP/metrics/$name.png"
		if cmp -s "$TMP/metrics/$name.svg" "$TMP/metrics/$name-pango.svg"; then
			echo "$name: same"
		else
			echo "$name: differs"
		fi
	done
done
# A series: each period laid out once, its texts measured by actornet, then by pango.
"$A" render -q networks/iran-dprk.yaml --each decade -o "$TMP/metrics/{period}.svg"
"$A" render -q networks/iran-dprk.yaml --each decade -o "$TMP/metrics/{period}-pango.svg" -o "$TMP/metrics/{period}.pdf"
for f in "$TMP"/metrics/[12]*0s.svg; do
	cmp -s "$f" "${f%.svg}-pango.svg" && echo "$(basename "$f" .svg): same" || echo "$(basename "$f" .svg): differs"
done
# Text as outlines is drawn by cairo: laid out by pango too, and it still has the texts' glyphs.
"$A" render -q --outline-text tests/fixtures/texts.yaml -o "$TMP/metrics/outline.svg"
echo "outline glyphs: $(grep -c '<symbol\|<path' "$TMP/metrics/outline.svg" | sed 's/^[1-9][0-9]*$/some/')"
