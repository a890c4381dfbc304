#!/usr/bin/env bash
# Runs the README's quick start as a new user would, on a fresh clone: npm ci, npm run example, then the commands it shows.
#
# A fresh clone matters: in a built tree the CLIs' dist/ already exists, which hides a command npm
# did not link. The shown commands are read from the README's ```sh blocks (lines starting with
# curl or npx, without placeholders such as https://host or $TOKEN); the example listens on a free
# port, put in place of the README's 127.0.0.1:8080. Any command that fails fails the check.
set -euo pipefail

# The commit to check (default HEAD): an older one shows what the check finds there.
ref=${1:-HEAD}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readme-check.XXXXXX")
server_pid=''

stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

say() { echo "readme-check [${SECONDS}s]: $*"; }
fail() {
  echo "readme-check: FAILED: $*" >&2
  [ -f "$work/example.log" ] && tail -n 20 "$work/example.log" >&2
  exit 1
}

# The commands a reader runs once the example is up, in the README's order.
commands=$(awk '
  /^```sh$/ { block = 1; next }
  /^```/ { block = 0; next }
  block && /^(curl|npx) / && !/https:\/\/host|\$TOKEN|\$\{?[A-Z_]+/ { sub(/[ \t]+#.*$/, ""); print }
' "$repo/README.md")
[ -n "$commands" ] || fail "found no curl or npx command in README.md"
grep -q '^npm ci && npm run example' "$repo/README.md" || fail "README.md no longer starts the example with 'npm ci && npm run example'"

say "cloning $repo at $ref"
git clone --quiet --no-hardlinks "$repo" "$work/clone"
cd "$work/clone"
git checkout --quiet "$ref"

say "npm ci"
npm ci --no-audit --no-fund --prefer-offline >"$work/npm-ci.log" 2>&1 || { tail -n 30 "$work/npm-ci.log" >&2; fail "npm ci"; }

say "npm run example (in the background)"
PORT=0 setsid npm run example >"$work/example.log" 2>&1 &
server_pid=$!
origin=''
for _ in $(seq 1 600); do
  origin=$(grep -o 'http://127\.0\.0\.1:[0-9][0-9]*' "$work/example.log" | head -n 1 || true)
  [ -n "$origin" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "npm run example exited before listening"
  sleep 0.5
done
[ -n "$origin" ] || fail "npm run example did not say its URL within 300 s"
say "example listening at $origin"

while IFS= read -r line; do
  command=${line//http:\/\/127.0.0.1:8080/$origin}
  command=${command/#npx /npx --no-install }
  command=${command/#curl /curl --fail --show-error }
  say "\$ $command"
  output=$(bash -c "$command" 2>&1) || { echo "$output" >&2; fail "$command"; }
  echo "$output" | tail -n 3
done <<<"$commands"

say "every command of the README worked"
