#!/usr/bin/env bash
# Fails when a release build's main wasm (the one every board page loads)
# outgrows its share of the board page's 200 KiB first visit. Its usual
# causes: wasm-split keeping a lazy part's code or data in the main file
# (seen on 2026-12-06: 9 KB more with brotli, from one small paragraph in
# the admin controls), or new code the form does not need until later
# (sending, new rounds and edits load on first use since 2026-12-07).
# The limit leaves room for the HTML, stylesheet and scripts beside it:
# see docs/MEASUREMENTS.md for the figures it comes from.
set -euo pipefail
dir="${1:-target/site/pkg}"
limit="${MAIN_WASM_BROTLI_LIMIT:-165000}"
main=$(ls -t "$dir"/tally.*.wasm | grep -v '_bg' | head -n 1)
size=$(brotli -c -q 11 "$main" | wc -c)
if [ "$size" -gt "$limit" ]; then
  echo "check_split: the main wasm $main is $size bytes with brotli, over $limit" >&2
  exit 1
fi
echo "check_split: the main wasm is $size bytes with brotli (limit $limit)"
