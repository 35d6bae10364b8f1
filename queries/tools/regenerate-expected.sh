#!/usr/bin/env bash
# Recompute queries/expected/ with Apache Jena (the reference engine) after
# a change to data/article.trig or to a query: SELECT/ASK as SPARQL JSON
# results (.srj), CONSTRUCT as Turtle (.ttl). Review the diff before
# committing: the expected files are the specification Quiver is tested
# against. Also validates the data and the ontology (no warnings allowed).
set -euo pipefail
cd "$(dirname "$0")/../.."
jena=scripts/jena.sh
python3 data/tools/sync-default-graph.py --check
out=$("$jena" riotcmd.riot --validate --strict ontology/quiver-article.ttl data/article.trig 2>&1)
[ -z "$out" ] || { echo "$out" >&2; exit 1; }
for q in queries/*.rq; do
  name=$(basename "$q" .rq)
  if grep -q '^CONSTRUCT' "$q"; then
    "$jena" arq.sparql --data data/article.trig --query "$q" --results ttl > "queries/expected/$name.ttl"
  else
    "$jena" arq.sparql --data data/article.trig --query "$q" --results json > "queries/expected/$name.srj"
  fi
  echo "$name"
done
