#!/usr/bin/env bash
# The API fuzzed by a tool no one here wrote: schemathesis (installed by
# bootstrap.sh) against the real binary on 127.0.0.1 with the per-address
# limits off, for at most FUZZ_API_SECONDS (default 150). It makes a board
# and reads its admin key first, so the checks reach past "no such board".
# Fails on any finding: a 5xx, a response that does not match its schema or
# its documented statuses, a valid request refused or an invalid one taken.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_API_SECONDS:-150}
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
env DATABASE_URL="sqlite://$dir/tally.db" TALLY_MATRICES=matrices LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_OUTPUT_NAME=tally LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD RUST_LOG=warn \
  TALLY_LIMIT_SUBMIT_IP=off TALLY_LIMIT_SUBMIT_RESPONDENT=off TALLY_LIMIT_NEW_RESPONDENTS_IP=off \
  TALLY_LIMIT_CONNECT_IP=off TALLY_MAX_SOCKETS_PER_IP=off TALLY_MAX_CONNECTIONS_PER_IP=off \
  TALLY_LIMIT_CREATE_IP=off TALLY_MAX_BOARDS_PER_HOUR=off TALLY_LIMIT_ADMIN_GUESSES_IP=off \
  TALLY_LIMIT_JOIN_GUESSES_IP=off TALLY_LIMIT_INVITES_BOARD=off \
  target/debug/server > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done
created=$(curl -sf -X POST "$base/api/boards" -d '{"matrix": "programmer", "slug": "fuzz"}')
export TALLY_FUZZ_BOARD=fuzz
TALLY_FUZZ_KEY=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["admin_key"])' <<< "$created")
export TALLY_FUZZ_KEY
# Deleting the run's own board would leave every later check a 410, so that
# one operation is left to server/tests/it/deletion.rs.
tests/schemathesis/.venv/bin/schemathesis --config-file tests/schemathesis/schemathesis.toml \
  run "$base/api/openapi.json" --max-time "$seconds" --seed 7 \
  --exclude-path-regex '/live$' --exclude-name 'DELETE /api/boards/{board}' --output-truncate true --report ndjson --report-dir "$dir/report"
