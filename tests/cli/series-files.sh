# The files a series writes, named by their periods (run by tests/run; compared with series-files.expected).
A=$ACTORNET
NET=networks/iran-dprk.yaml
series() { # series ARGS...: renders a series of JSON files into an empty folder and lists them
	rm -rf "$TMP/series" && mkdir -p "$TMP/series"
	"$A" render -q "$NET" "$@" -o "$TMP/series/{period}.json"
	echo "exit $?: $(ls "$TMP/series" | tr '\n' ' ')"
}
series --each decade
series --each year --from 2015 --to 2017
series --each 5y --from 1990 --to 1999
series --each decade --from 1940s --to 1970s
series --each 10y --from 1995 --to 2004
