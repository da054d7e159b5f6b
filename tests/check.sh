# Sourced by the tests that print "ok NAME" or "not ok NAME: why" (tests/e2e.sh, tests/install.sh);
# they set T to their scratch folder first.

check() { # check NAME COMMAND...: ok when the command succeeds
	name=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		echo "ok $name"
	else
		echo "not ok $name: $(head -c 600 "$T/check.out" | tr '\n' ' ')"
	fi
}
