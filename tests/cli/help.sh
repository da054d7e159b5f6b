# Help texts: the program's and each command's, byte for byte (run by tests/run; compared with help.expected).
A=$ACTORNET
run() { "$@" 2>&1; echo "exit $?"; }
run "$A" --help
run "$A" -V
for command in render check stats export import; do
	run "$A" "$command" --help
	# `help COMMAND` shows the same text.
	[ "$("$A" help "$command")" = "$("$A" "$command" --help)" ] && echo "help $command: the same"
done
run "$A" help nothing
