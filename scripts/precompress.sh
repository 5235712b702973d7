#!/usr/bin/env bash
# Writes brotli (quality 11) and gzip (level 9) copies of the release
# build's script, wasm and stylesheet beside them, once, at build time: the
# server sends them as they are to clients that accept them. Compressing a
# 1.7 MB wasm at brotli's best quality takes seconds, too slow to do per
# request; on-the-fly compression (for pages and the API) uses a fast level.
set -euo pipefail
dir="${1:-target/site/pkg}"
shopt -s nullglob
for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  brotli -f -q 11 -o "$file.br" "$file"
  gzip -f -k -9 "$file"
done
echo "precompressed: $(ls "$dir" | grep -cE '\.(br|gz)$') files in $dir"
