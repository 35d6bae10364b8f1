#!/usr/bin/env bash
# SHACL validation benchmark: Quiver against Apache Jena SHACL 4.5 (Debian)
# and shacl-engine 1.1.2 (npm, with its SPARQL plugin), same shapes, same
# data, same run.
#   bench/shacl.sh [100k|1M] [REPEAT]
# The shapes are bench/shacl/watdiv-shapes.ttl (3 node shapes, 11 property
# shapes: datatype, counts, class in a qualified shape, pattern, node
# kind, in, and a SPARQL constraint). Each engine runs as a user runs it,
# one command reading the data file and validating (Quiver and Jena write
# the report as N-Triples / Turtle to a file; shacl-engine, a library,
# builds its report in memory). Reports: wall seconds (median of REPEAT
# runs, default 3) and peak RSS of each, their result counts (which must
# agree: the script fails otherwise), and the ratios Quiver/Jena and
# Quiver/shacl-engine. shacl-engine runs once (about 11 minutes at 1M).
# Not a test: speed is reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1M}"
repeat="${2:-3}"
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
work="$root/build/bench"
mkdir -p "$work"

"$root/scripts/install-deps.sh" --bench
# Build in the existing release tree as it is configured (tests or not).
[[ -d "$root/build-release" ]] ||
  cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
cmake --build "$root/build-release" -j"$(nproc)" --target quiver >/dev/null
quiver="$root/build-release/src/cli/quiver"
shapes="$root/bench/shacl/watdiv-shapes.ttl"
data="$work/watdiv-$size.nt"
[[ -s "$data" ]] || zcat "$shared/bench/watdiv/watdiv-$size.nt.gz" > "$data"

engine_dir="$work/shacl-engine"
if ! (cd "$engine_dir" 2>/dev/null &&
      node -p "require('./node_modules/shacl-engine/package.json').version" 2>/dev/null |
      grep -qx 1.1.2); then
  mkdir -p "$engine_dir"
  (cd "$engine_dir" && npm install --silent --no-audit --no-fund shacl-engine@1.1.2 n3@1 rdf-ext@2 >/dev/null)
fi
cp "$root/bench/shacl_engine_runner.mjs" "$engine_dir/runner.mjs"

# run NAME COMMAND...: appends "seconds peak_kb" of one run to $work/shacl-NAME.times
run() {
  local name="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$work/shacl-$name.time" "$@" > "$work/shacl-$name.out" 2> "$work/shacl-$name.err" || true
  # time(1) adds "Command exited with non-zero status 1" (results found).
  grep -E '^[0-9]' "$work/shacl-$name.time" >> "$work/shacl-$name.times"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

rm -f "$work"/shacl-*.times
for ((i = 0; i < repeat; i++)); do
  run quiver "$quiver" validate --shapes "$shapes" "$data" --report-format ntriples -o "$work/shacl-quiver-report.nt"
  run jena env JENA_HEAP=8g JENA_CPUS="$(nproc)" "$root/scripts/jena.sh" shacl.shacl_validate \
    --shapes "$shapes" --data "$data"
done
# Once: it takes minutes at 1M, far beyond the run-to-run noise.
run engine node --max-old-space-size=12000 "$engine_dir/runner.mjs" "$shapes" "$data"

quiver_results=$(grep -c '<http://www.w3.org/ns/shacl#ValidationResult> \.$' "$work/shacl-quiver-report.nt" || true)
jena_results=$(grep -c 'sh:ValidationResult' "$work/shacl-jena.out" || true)
engine_results=$(node -p "JSON.parse(require('fs').readFileSync('$work/shacl-engine.out','utf8')).results" 2>/dev/null || echo "?")
seconds() { cut -d' ' -f1 < "$work/shacl-$1.times" | median; }
peak_mb() { cut -d' ' -f2 < "$work/shacl-$1.times" | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
q=$(seconds quiver); j=$(seconds jena); e=$(seconds engine)
printf "SHACL on WatDiv %s (%s triples), %s, median of %s runs (shacl-engine: 1)\n" \
  "$size" "$(wc -l < "$data")" "$(basename "$shapes")" "$repeat"
printf "  %-14s %8s s  %6s MB peak  %s results\n" "Quiver" "$q" "$(peak_mb quiver)" "$quiver_results"
printf "  %-14s %8s s  %6s MB peak  %s results\n" "Jena SHACL" "$j" "$(peak_mb jena)" "$jena_results"
printf "  %-14s %8s s  %6s MB peak  %s results\n" "shacl-engine" "$e" "$(peak_mb engine)" "$engine_results"
awk -v q="$q" -v j="$j" -v e="$e" 'BEGIN {
  printf "  Quiver/Jena %.3f, Quiver/shacl-engine %.3f (time ratios; below 1 Quiver is faster)\n", q / j, q / e }'
if [[ "$quiver_results" != "$jena_results" || "$quiver_results" != "$engine_results" ]]; then
  echo "shacl.sh: the engines disagree on the number of results" >&2
  exit 1
fi
