#!/usr/bin/env bash
# Differential testing of the engine against Oxigraph (tests/differential/):
# random queries over the article graph, answered by `quiver serve` and by
# Oxigraph (npm, installed here into build/bench/oxigraph), compared as
# multisets. Fails on any difference not explained in
# tests/differential/README.md.
#   scripts/differential.sh [QUERIES [SEED]]     (default 3000 queries, seed 1)
# CI runs this bounded slice; longer runs take more queries and other seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
queries="${1:-3000}"
seed="${2:-1}"
quiver="$root/build/src/cli/quiver"
work="$root/build/bench"

"$root/scripts/install-deps.sh" --bench
"$root/scripts/oxigraph.sh" "$work/oxigraph"
[[ -x "$quiver" ]] || cmake --build "$root/build" -j"$(nproc)" --target quiver >/dev/null
"$quiver" convert "$root/data/article.trig" --to nquads -o "$work/article.nq"
python3 "$root/tests/differential/differential.py" "$quiver" "$work/article.nq" \
  --queries "$queries" --seed "$seed" --timeout 5 --oxigraph "$work/oxigraph" \
  --report "$work/differential-report.json" | grep -v "^  [0-9]* queries"
