#!/usr/bin/env bash
# `quiver push` against a plain `curl` upload of the same N-Triples file to
# a private Virtuoso 7 on loopback, alternating the two; prints each median
# and the ratio. Both sides end with the same COUNT(*) query, because
# Virtuoso answers a Graph Store PUT before the data is queryable, and a
# push is only done when the store holds the triples.
#   bench/push_vs_curl.sh [LINES] [RUNS]
# Default: the first 500,000 lines of ../shared/bench/watdiv/watdiv-1M.nt.gz,
# 3 runs each. Starts Virtuoso (scripts/virtuoso.sh) and leaves it running.
# Not a test: speed is reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lines="${1:-500000}"
runs="${2:-3}"
quiver="$root/build/src/cli/quiver"
src="$root/../shared/bench/watdiv/watdiv-1M.nt.gz"

"$root/scripts/install-deps.sh"
if [[ ! -x "$quiver" ]]; then
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$root/build" -j"$(nproc)" --target quiver
fi
endpoint="$("$root/scripts/virtuoso.sh" start)"
mkdir -p "$root/build/bench"
nt="$root/build/bench/watdiv-$lines.nt"
# head closes the pipe early, which pipefail would take for a failure.
[[ -s "$nt" ]] || (set +o pipefail; zcat "$src" | head -n "$lines" > "$nt")

count() {  # graph -> triples, by the store's own count
  curl -s -G "$endpoint/sparql" -H 'Accept: text/csv' \
    --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" | tail -n 1
}
by_quiver() {
  "$quiver" push "$nt" --endpoint "$endpoint/sparql-graph-crud" --graph urn:bench:quiver \
    --replace --query-endpoint "$endpoint/sparql" --quiet > /dev/null
}
by_curl() {
  curl -sf -o /dev/null -X PUT -H 'Content-Type: application/n-triples' --data-binary @"$nt" \
    "$endpoint/sparql-graph-crud?graph=urn:bench:curl"
  count urn:bench:curl > /dev/null
}
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

q=() c=()
for _ in $(seq "$runs"); do
  q+=("$(seconds by_quiver)")
  c+=("$(seconds by_curl)")
done
qm=$(printf '%s\n' "${q[@]}" | median)
cm=$(printf '%s\n' "${c[@]}" | median)
echo "file: $nt ($lines lines), Virtuoso at $endpoint, $runs runs each, median wall time"
echo "stored: quiver $(count urn:bench:quiver) triples, curl $(count urn:bench:curl) triples"
printf 'quiver push (batches of 100,000, verified)  %6.2f s  %8.0f triples/s\n' "$qm" \
  "$(awk -v n="$lines" -v t="$qm" 'BEGIN {print n / t}')"
printf 'curl PUT + COUNT                            %6.2f s  %8.0f triples/s\n' "$cm" \
  "$(awk -v n="$lines" -v t="$cm" 'BEGIN {print n / t}')"
printf 'ratio quiver/curl %.2f\n' "$(awk -v a="$qm" -v b="$cm" 'BEGIN {print a / b}')"
