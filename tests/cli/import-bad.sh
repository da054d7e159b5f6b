# import refuses spreadsheets with errors: each case of tests/import/bad-*, its exact messages, exit 1, and the output file left as it was (run by tests/run; compared with import-bad.expected).
A=$ACTORNET
for d in tests/import/bad-*; do
	echo "== ${d#tests/import/}"
	set --
	for kind in sources types; do
		[ -f "$d/$kind.csv" ] && set -- "$@" "--$kind" "$d/$kind.csv"
	done
	echo keep >"$TMP/kept.yaml"
	"$A" import --actors "$d/actors.csv" --ties "$d/ties.csv" "$@" --title "Imported" -o "$TMP/kept.yaml" 2>&1
	echo "exit $?"
	echo "output: $(cat "$TMP/kept.yaml")"
done
