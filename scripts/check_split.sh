#!/usr/bin/env bash
# Fails when a release build's main wasm (the one every board page loads)
# holds text that belongs to a lazy island: wasm-split then kept that
# island's data, and with it every other lazy island's, in the main file
# (seen on 2026-12-06: 9 KB more with brotli, from one small paragraph in
# the admin controls; the debug build splits the same code correctly).
# One text per lazy part, each said nowhere else.
set -euo pipefail
dir="${1:-target/site/pkg}"
main=$(ls "$dir"/tally.*.wasm | grep -v '_bg' | head -n 1)
failed=0
for text in "Start the next round" "Scan, or go to" "Median level per row and round" "Rows that moved most first" "Create a board on this matrix"; do
  if grep -q --fixed-strings "$text" "$main"; then
    echo "check_split: '$text' (a lazy island's text) is in the main wasm $main" >&2
    failed=1
  fi
done
[ "$failed" = 0 ] && echo "check_split: the lazy islands' data stayed out of $main"
exit "$failed"
