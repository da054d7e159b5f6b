# A stable series placed by the packed engine: a decade cropped to its own picture moves its actors a little, so that two actors a tie joins have room for it (20 pt; the placement draws B and C 8 pt apart), but not with --ghost, where every decade draws every actor at its place (run by tests/run; compared with series-nudge.expected).
A=$ACTORNET
NET=tests/fixtures/bundle.yaml
# room SVG U V: the room between the boxes of actors U and V (the larger gap, across or down), in points
room() {
	awk -v u="$2" -v v="$3" '
		/class="node/ { match($0, /actor&#45;[^"]*/); id = substr($0, RSTART + 10, RLENGTH - 10) }
		id != "" && /<polygon/ {
			match($0, /points="[^"]*"/); n = split(substr($0, RSTART + 8, RLENGTH - 9), p, /[ ,]/)
			x0 = y0 = 1e9; x1 = y1 = -1e9
			for (i = 1; i < n; i += 2) {
				x = p[i] + 0; y = p[i + 1] + 0
				if (x < x0) x0 = x; if (x > x1) x1 = x
				if (y < y0) y0 = y; if (y > y1) y1 = y
			}
			X0[id] = x0; Y0[id] = y0; X1[id] = x1; Y1[id] = y1; id = ""
		}
		END {
			if (!(u in X0) || !(v in X0)) { print "missing"; exit }
			across = X0[u] > X1[v] ? X0[u] - X1[v] : X0[v] - X1[u]
			down = Y0[u] > Y1[v] ? Y0[u] - Y1[v] : Y0[v] - Y1[u]
			r = across > down ? across : down
			print (r >= 19.5 ? "20 pt or more" : sprintf("%.0f pt", r))
		}' "$1"
}
rm -rf "$TMP/nudge" && mkdir -p "$TMP/nudge"
"$A" render -q "$NET" --each decade --layout packed --labels none -o "$TMP/nudge/{period}.svg"
echo "exit $?"
for pair in A:B B:C C:D; do
	echo "2000s, ${pair%:*}-${pair#*:}: $(room "$TMP/nudge/2000s.svg" "${pair%:*}" "${pair#*:}")"
done
# With --ghost, nothing moves between decades: every actor's box is where it was (the shipped network on A4, which is nudged without --ghost).
boxes() { # boxes SVG: each actor's first shape
	grep -A3 'class="node actor' "$1" | grep -o 'points="[^"]*"'
}
"$A" render -q networks/iran-dprk.yaml --each decade --size a4 --ghost -o "$TMP/nudge/ghost-{period}.svg"
echo "exit $?"
for decade in 1980s 2000s 2020s; do
	if [ "$(boxes "$TMP/nudge/ghost-$decade.svg")" = "$(boxes "$TMP/nudge/ghost-1990s.svg")" ]; then
		echo "--ghost $decade: every actor where it is in the 1990s"
	else
		echo "--ghost $decade: actors moved"
	fi
done
