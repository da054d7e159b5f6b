#!/bin/sh
# Runs a check in headless Chromium: timeline.mjs (a timeline page) or svg-text.mjs (SVGs); prints "ok NAME" or "not ok NAME: why" per check.
# usage: tests/browser/run.sh timeline.mjs PAGE.html SCREENSHOT.png
#        tests/browser/run.sh svg-text.mjs [--labels-clear] FILE.svg...
# Installs playwright-core (package-lock.json) into tests/browser/node_modules on first use.
if [ $# -lt 2 ]; then
	echo "usage: tests/browser/run.sh SCRIPT.mjs ARGUMENT..." >&2
	exit 2
fi
dir=$(cd "$(dirname "$0")" && pwd)
script=$1
shift
fail() {
	echo "not ok $script in Chromium: $1"
	exit 0
}
command -v node >/dev/null 2>&1 || fail "node is not installed: run scripts/install-deps"
command -v npm >/dev/null 2>&1 || fail "npm is not installed: run scripts/install-deps"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is not installed: run scripts/install-deps"
[ -f "$dir/$script" ] || fail "no script $dir/$script"
file=$1
[ "$file" = --labels-clear ] && file=$2 # svg-text.mjs's option
[ -f "$file" ] || fail "no file $file"
if [ ! -d "$dir/node_modules/playwright-core" ]; then
	log=$(cd "$dir" && timeout 300 npm ci --no-audit --no-fund --loglevel=error 2>&1) ||
		fail "npm ci failed: $(printf '%s' "$log" | tr '\n' ' ' | head -c 300)"
fi
timeout 180 node "$dir/$script" "$@"
rc=$?
if [ "$rc" = 124 ]; then
	fail "timed out after 180 s"
elif [ "$rc" != 0 ]; then
	fail "node exited with status $rc"
fi
