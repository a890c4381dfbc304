#!/usr/bin/env bash
# Regenerates examples/example-server from its connector.yaml and fails when any byte changes: nobody edits it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent example:generate
# git diff misses files the generator would add: list those too.
added=$(git ls-files --others --exclude-standard -- examples/example-server)
if ! git diff --exit-code --stat -- examples/example-server || [ -n "$added" ]; then
  [ -z "$added" ] || echo "not in git: $added" >&2
  echo "examples/example-server differs from what its connector.yaml generates:" \
    "run npm run example:generate and commit the result (change the generator or the spec, not the files)" >&2
  exit 1
fi
echo "examples/example-server is exactly what its connector.yaml generates"
