# A stable series for a target: the periods legible on it share one scale; one too large to be legible at any scale is drawn as large as fits, named in a warning, and does not shrink the others (run by tests/run; compared with series-fit.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
sizes() { # sizes DIR: each period's canvas, in points
	for f in "$1"/*.svg; do
		echo "$(basename "$f"): $(sed -n 's/^<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 x \2/p' "$f")"
	done
}
rm -rf "$TMP/fit" && mkdir -p "$TMP/fit"
# On 4 x 5 inches (a page: 7 pt), the 2000s to the 2020s cannot be legible; the four decades before share 7 pt.
"$A" render "$NET" --each decade --size 4x5in -o "$TMP/fit/{period}.svg" 2>&1
echo "exit $?"
sizes "$TMP/fit"
# On an A4 page every decade is legible: one scale, and no warning.
rm -rf "$TMP/fit" && mkdir -p "$TMP/fit"
"$A" render "$NET" --each decade --size a4 -o "$TMP/fit/{period}.svg" 2>&1
echo "exit $?"
sizes "$TMP/fit"
# Following the warning's first cut makes every period legible: no warning.
rm -rf "$TMP/fit" && mkdir -p "$TMP/fit"
"$A" render "$NET" --each decade --size 4x5in --focus USA -o "$TMP/fit/{period}.svg" 2>&1
echo "exit $?"
