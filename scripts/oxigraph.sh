#!/usr/bin/env bash
# Puts Oxigraph (npm, WebAssembly), the peer the benchmarks, the W3C scorer
# and the differential tester compare Quiver with, into DIR/node_modules,
# unless that version is already there. One pinned version, here, so that
# every comparison names the same peer.
#   scripts/oxigraph.sh DIR
set -euo pipefail
version=0.5.11
dir="$1"
installed=$(cd "$dir" 2>/dev/null &&
  node -p "require('./node_modules/oxigraph/package.json').version" 2>/dev/null || true)
if [[ "$installed" != "$version" ]]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund "oxigraph@$version" >/dev/null)
fi
