# A stable series placed by the packed engine: a decade cropped to its own picture moves its actors a little, so that two actors a tie joins have room for it (20 pt), where the placement drew them a few points apart (run by tests/run; compared with series-nudge.expected).
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
