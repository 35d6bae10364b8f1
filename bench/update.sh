#!/usr/bin/env bash
# SPARQL Update benchmark (issue 11): Quiver against Oxigraph (npm,
# WebAssembly, in memory, store.update) and Apache Jena (Debian, in-memory
# dataset, UpdateAction), in the same run, on WatDiv:
#   1. INSERT DATA of every triple of the file into an empty store;
#   2. DELETE WHERE of about 10% of them from a store holding the file: one
#      request, one `DELETE WHERE { ?s <p> ?o }` per predicate, taking the
#      largest predicates under 10% until their triples make 10%.
#   bench/update.sh [100k|1M]
# Each engine runs each step QUIVER_BENCH_REPEAT times (default 3,
# interleaved) as its own process; the median of the update's own time
# (each engine times it, parsing the request included: Quiver's `--time`,
# the peers around their update call) is reported with the peak memory of the process (/usr/bin/time),
# and the ratios peer/Quiver. Quiver's process also writes the resulting
# dataset (to /dev/null), which the peers do not. Not a test: speed is
# reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1M}"
repeat="${QUIVER_BENCH_REPEAT:-3}"
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
work="$root/build/bench"
mkdir -p "$work"

"$root/scripts/install-deps.sh" --bench
cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
cmake --build "$root/build-release" -j"$(nproc)" --target quiver >/dev/null
quiver="$root/build-release/src/cli/quiver"
"$root/scripts/oxigraph.sh" "$work/oxigraph"
cp "$root/bench/oxigraph_update.mjs" "$work/oxigraph/update.mjs"

data="$work/watdiv-$size.nt"
[[ -s "$data" ]] || zcat "$shared/bench/watdiv/watdiv-$size.nt.gz" > "$data"
triples=$(wc -l < "$data")
insert="$work/update-insert-$size.ru"
delete="$work/update-delete-$size.ru"
{ echo "INSERT DATA {"; cat "$data"; echo "}"; } > "$insert"
awk '{ n[$2]++ } END { for (p in n) print n[p], p }' "$data" | sort -rn |
  awk -v total="$triples" '$1 < total / 10 && sum < total / 10 { sum += $1; print $1, $2 }' > "$delete.predicates"
sed 's/^[0-9]* \(.*\)/DELETE WHERE { ?s \1 ?o } ;/' "$delete.predicates" > "$delete"
deleted=$(awk '{ sum += $1 } END { print sum }' "$delete.predicates")
echo "WatDiv $size: $triples triples; DELETE WHERE of $(wc -l < "$delete") predicates: $deleted triples"

# One run: `<update seconds> <peak KiB>` of ENGINE on STEP.
run() {  # ENGINE STEP
  local engine="$1" step="$2" out="$work/update-run.out" mem="$work/update-run.mem"
  local request data_args=()
  if [[ "$step" == insert ]]; then request="$insert"; else request="$delete"; data_args=("$data"); fi
  case "$engine" in
    quiver)
      local q_data=()
      [[ "$step" == insert ]] || q_data=(--data "$data")
      /usr/bin/time -f "%M" -o "$mem" "$quiver" update "${q_data[@]}" --update "$request" --time \
        --format nquads -o /dev/null 2> "$out"
      awk '/^time:/ { print $3 + $9 }' "$out" | tr -d '\n' ;;
    oxigraph)
      (cd "$work/oxigraph" && /usr/bin/time -f "%M" -o "$mem" node --max-old-space-size=16384 update.mjs \
        "${data_args[@]}" "$request") > "$out"
      awk '$1 == "update" { print $2 }' "$out" | tr -d '\n' ;;
    jena)
      JENA_HEAP=16g /usr/bin/time -f "%M" -o "$mem" "$root/scripts/jena.sh" "$root/bench/JenaUpdate.java" \
        "${data_args[@]}" "$request" > "$out"
      awk '$1 == "update" { print $2 }' "$out" | tr -d '\n' ;;
  esac
  echo " $(tail -1 "$mem")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for step in insert delete; do
  for engine in quiver oxigraph jena; do : > "$work/update-$step-$engine.txt"; done
  for ((i = 1; i <= repeat; i++)); do
    for engine in quiver oxigraph jena; do run "$engine" "$step" >> "$work/update-$step-$engine.txt"; done
  done
  q=$(cut -d' ' -f1 "$work/update-$step-quiver.txt" | median)
  o=$(cut -d' ' -f1 "$work/update-$step-oxigraph.txt" | median)
  j=$(cut -d' ' -f1 "$work/update-$step-jena.txt" | median)
  qm=$(cut -d' ' -f2 "$work/update-$step-quiver.txt" | sort -n | tail -1)
  om=$(cut -d' ' -f2 "$work/update-$step-oxigraph.txt" | sort -n | tail -1)
  jm=$(cut -d' ' -f2 "$work/update-$step-jena.txt" | sort -n | tail -1)
  awk -v s="$step" -v q="$q" -v o="$o" -v j="$j" -v qm="$qm" -v om="$om" -v jm="$jm" -v n="$repeat" 'BEGIN {
    printf "%s: update (median of %d) quiver %.3f s, oxigraph %.3f s, jena %.3f s; oxigraph/quiver %.2f, jena/quiver %.2f\n", s, n, q, o, j, o / q, j / q
    printf "%s: peak memory of the process quiver %.0f MiB, oxigraph %.0f MiB, jena %.0f MiB\n", s, qm / 1024, om / 1024, jm / 1024 }'
done
