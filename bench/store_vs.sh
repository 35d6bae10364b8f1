#!/usr/bin/env bash
# Quiver's on-disk store against Apache Jena TDB2 (Debian) and Virtuoso 7
# (Debian, a private instance as in scripts/virtuoso.sh), same data, same
# run: load time, triples/s, peak RSS of the load, bytes on disk, then warm
# per-query times (median of REPEAT runs after one warm-up) with row
# counts that must agree, their ratios and geometric means; Quiver's
# in-memory server beside (the "within 1.5x" bar) and Quiver's open + first
# query as a fresh process.
#   bench/store_vs.sh DATA.nt [QUERY.rq...]     (default: the 20 WatDiv queries)
#   QUIVER_BENCH_REPEAT=5 QUIVER_BENCH_ENGINES="quiver tdb2 virtuoso" bench/store_vs.sh ...
#   QUIVER_BENCH_TIMEOUT=1800: seconds a request may take before it counts as failed
# QUIVER_BENCH_MEMORY=no leaves out the in-memory server (data too large
# for memory: WatDiv 100M, `generate.sh 100 OUT 10`, is run so).
# Every engine answers over HTTP on loopback (SPARQL JSON), the same client
# timing each request: TDB2 through bench/Tdb2Queries.java's small server
# (Debian has no Fuseki); QUIVER_BENCH_TDB2=jvm times TDB2 inside its JVM
# instead, without HTTP. The loads run one at a time; then every server is
# up and each query's runs alternate between the engines, so that the
# machine's drifts in speed (large on a shared virtual machine) fall on
# all of them alike. Jena gets every core (JENA_CPUS) for its loader. Not
# a test: speed is reported, never asserted. Make large data with
# ../shared/bench/watdiv-gen/generate.sh 100 OUT (about 10M triples).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(realpath "${1:?usage: bench/store_vs.sh DATA.nt [QUERY.rq...]}")"
shift
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
queries=("$@")
[[ ${#queries[@]} -gt 0 ]] || queries=("$shared"/bench/watdiv/queries/1M/*.rq)
repeat="${QUIVER_BENCH_REPEAT:-5}"
engines="${QUIVER_BENCH_ENGINES:-quiver tdb2 virtuoso}"
quiver="${QUIVER_BIN:-$root/build-release/src/cli/quiver}"
work="${QUIVER_BENCH_WORK:-$root/build/bench/store_vs}"
rm -rf "$work"
mkdir -p "$work"
[[ -x "$quiver" ]] || { echo "store_vs.sh: build $quiver first (cmake --build build-release)" >&2; exit 2; }
triples=$(wc -l < "$data")
port=18931

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
bytes_of() { du -sb "$1" | cut -f1; }
# One SPARQL query over HTTP: prints "rows seconds".
http_query() {  # url query-file
  # A request past QUIVER_BENCH_TIMEOUT seconds, or one the server drops,
  # counts as failed (-1 rows), like an error.
  : > "$work/answer.json"
  curl -s -o "$work/answer.json" -w '%{time_total}' -H 'Accept: application/sparql-results+json' \
    --max-time "${QUIVER_BENCH_TIMEOUT:-1800}" --data-urlencode "query@$2" "$1" > "$work/time" || true
  # An engine's error (not JSON) counts as -1 rows: the run goes on.
  python3 -c '
import json, sys
try: rows = len(json.load(open(sys.argv[1]))["results"]["bindings"])
except Exception: rows = -1
print(rows, open(sys.argv[2]).read() if rows >= 0 else "nan")' "$work/answer.json" "$work/time"
}
# Warm figures of every query at every endpoint of $work/endpoints ("name
# url" lines): for each query one warm-up per engine, then its runs
# interleaved (run r of every engine, then run r + 1), so that the
# machine's drifts fall on every engine alike. Writes $work/NAME.q, lines
# of "query rows median".
http_queries() {
  local name url
  for q in "${queries[@]}"; do
    while read -r name url; do http_query "$url" "$q" < /dev/null > /dev/null; done < "$work/endpoints"
    for ((r = 0; r < repeat; ++r)); do
      while read -r name url; do
        http_query "$url" "$q" < /dev/null >> "$work/$name.runs"
      done < "$work/endpoints"
    done
    while read -r name url; do
      printf '%s %s %s\n' "$(basename "$q" .rq)" "$(head -1 "$work/$name.runs" | cut -d' ' -f1)" \
        "$(cut -d' ' -f2 "$work/$name.runs" | median)" >> "$work/$name.q"
      rm -f "$work/$name.runs"
    done < "$work/endpoints"
  done
}
wait_http() {  # url
  for _ in $(seq 1 600); do curl -sf "$1?query=ASK%7B%7D" > /dev/null 2>&1 && return 0; sleep 0.1; done
  echo "store_vs.sh: $1 did not answer" >&2
  return 1
}
report_load() {  # engine seconds kib bytes
  awk -v e="$1" -v s="$2" -v k="$3" -v b="$4" -v n="$triples" 'BEGIN {
    printf "%-10s load %8.2f s %10.0f triples/s  peak %6.0f MiB  disk %6.1f MiB %6.1f bytes/triple\n",
      e, s, n / s, k / 1024, b / 1048576, b / n }'
}

echo "data: $data ($triples triples), ${#queries[@]} queries, median of $repeat warm runs"

if [[ " $engines " == *" quiver "* ]]; then
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/quiver.kib" "$quiver" load --db "$work/quiver-db" "$data" 2> "$work/quiver-load.log"
  report_load quiver "$(elapsed "$t0")" "$(cat "$work/quiver.kib")" "$(bytes_of "$work/quiver-db")" | tee -a "$work/loads"
  # Open + first query as a fresh process (the L and S queries).
  for q in "${queries[@]}"; do
    name=$(basename "$q" .rq)
    [[ $name == L* || $name == S* ]] || continue
    t0=$(now)
    "$quiver" query --db "$work/quiver-db" --query "$q" --format tsv > /dev/null
    echo "$name $(elapsed "$t0")"
  done > "$work/quiver-cold"
  awk '{s += $2; if ($2 > m) m = $2} END {if (NR) printf "quiver open + first query, fresh process, L and S queries: mean %.3f s, max %.3f s\n", s / NR, m}' "$work/quiver-cold"
fi

if [[ " $engines " == *" tdb2 "* ]]; then
  t0=$(now)
  export JENA_HEAP="${JENA_HEAP:-8g}" JENA_CPUS="${JENA_CPUS:-$(nproc)}"
  /usr/bin/time -f '%M' -o "$work/tdb2.kib" \
    "$root/scripts/jena.sh" tdb2.tdbloader --loc "$work/tdb2-db" "$data" > "$work/tdb2-load.log" 2>&1
  report_load tdb2 "$(elapsed "$t0")" "$(cat "$work/tdb2.kib")" "$(bytes_of "$work/tdb2-db")" | tee -a "$work/loads"
fi

if [[ " $engines " == *" virtuoso "* ]]; then
  "$root/scripts/virtuoso.sh" stop > /dev/null 2>&1 || true
  endpoint=$("$root/scripts/virtuoso.sh" start)
  base="${VIRT_BASE:-${TMPDIR:-/tmp}/quiver-virtuoso}"
  mkdir -p "$base/data/store_vs"
  ln -f "$data" "$base/data/store_vs/data.nt" 2> /dev/null || cp "$data" "$base/data/store_vs/data.nt"
  vpid=$(cat "$base/db/virtuoso.pid")
  before=$(bytes_of "$base/db")
  t0=$(now)
  isql-vt 127.0.0.1:"${VIRT_ISQL_PORT:-11111}" dba "${VIRT_DBA_PWD:-dba}" > "$work/virtuoso-load.log" 2>&1 <<SQL
ld_dir('$base/data/store_vs', 'data.nt', 'http://example.org/store_vs');
rdf_loader_run();
checkpoint;
SQL
  seconds=$(elapsed "$t0")
  kib=$(awk '/VmHWM/ {print $2}' "/proc/$vpid/status")
  report_load virtuoso "$seconds" "$kib" "$(( $(bytes_of "$base/db") - before ))" | tee -a "$work/loads"
fi

# Every server up at once, queried in turn (http_queries).
: > "$work/endpoints"
pids=()
if [[ " $engines " == *" quiver "* ]]; then
  "$quiver" serve --db "$work/quiver-db" --port $port --max-rows 100000000 --timeout 600 2> "$work/quiver-serve.log" &
  pids+=($!)
  wait_http "http://127.0.0.1:$port/sparql"
  echo "quiver http://127.0.0.1:$port/sparql" >> "$work/endpoints"
  if [[ ${QUIVER_BENCH_MEMORY:-yes} != no ]]; then
    "$quiver" serve --data "$data" --port $((port + 1)) --max-rows 100000000 --timeout 600 2> "$work/memory-serve.log" &
    pids+=($!)
    wait_http "http://127.0.0.1:$((port + 1))/sparql"
    echo "memory http://127.0.0.1:$((port + 1))/sparql" >> "$work/endpoints"
  fi
fi
if [[ " $engines " == *" tdb2 "* && ${QUIVER_BENCH_TDB2:-http} != jvm ]]; then
  "$root/scripts/jena.sh" "$root/bench/Tdb2Queries.java" "$work/tdb2-db" serve $((port + 2)) \
    2> "$work/tdb2-serve.log" &
  pids+=($!)
  wait_http "http://127.0.0.1:$((port + 2))/sparql"
  echo "tdb2 http://127.0.0.1:$((port + 2))/sparql" >> "$work/endpoints"
fi
if [[ " $engines " == *" virtuoso "* ]]; then
  echo "virtuoso $endpoint/sparql?default-graph-uri=http%3A%2F%2Fexample.org%2Fstore_vs" >> "$work/endpoints"
fi
http_queries
for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2> /dev/null || true; done
if [[ " $engines " == *" virtuoso "* ]]; then
  "$root/scripts/virtuoso.sh" stop > /dev/null 2>&1 || true
  rm -f "$base/data/store_vs/data.nt"
fi
# TDB2 timed inside its own JVM, without HTTP, after the others.
if [[ " $engines " == *" tdb2 "* && ${QUIVER_BENCH_TDB2:-http} == jvm ]]; then
  "$root/scripts/jena.sh" "$root/bench/Tdb2Queries.java" "$work/tdb2-db" "$repeat" "${queries[@]}" \
    > "$work/tdb2.q" 2> "$work/tdb2-queries.log"
fi

# The table: rows must agree; ratios are the other engine's time over Quiver's.
python3 - "$work" <<'PY'
import math, os, sys
work = sys.argv[1]
def read(name):
    path = os.path.join(work, name + ".q")
    if not os.path.exists(path): return {}
    return {l.split()[0]: (int(l.split()[1]), float(l.split()[2])) for l in open(path) if l.strip()}
engines = {e: read(e) for e in ("quiver", "memory", "tdb2", "virtuoso")}
names = list(engines["quiver"] or engines["tdb2"] or engines["virtuoso"])
print(f"{'query':6} {'rows':>9} {'quiver_ms':>10} {'memory_ms':>10} {'tdb2_ms':>9} {'virt_ms':>9} {'disk/mem':>8} {'tdb2/q':>7} {'virt/q':>7}")
logs = {"disk/mem": [], "tdb2/q": [], "virt/q": []}
disagree = []
for n in names:
    row = {e: engines[e].get(n) for e in engines}
    counts = {e: r[0] for e, r in row.items() if r}
    failed = [e for e, c in counts.items() if c < 0]
    counts = {e: c for e, c in counts.items() if c >= 0}
    if failed: disagree.append(f"{n}: failed in {', '.join(failed)}")
    if len(set(counts.values())) > 1: disagree.append(f"{n}: {counts}")
    ms = {e: (r[1] * 1000 if r else float("nan")) for e, r in row.items()}
    q = ms["quiver"]
    ratios = {"disk/mem": q / ms["memory"], "tdb2/q": ms["tdb2"] / q, "virt/q": ms["virtuoso"] / q}
    for k, v in ratios.items():
        if v == v and v > 0: logs[k].append(math.log(v))
    rows = next(iter(counts.values()), 0)
    print(f"{n:6} {rows:9d} {ms['quiver']:10.2f} {ms['memory']:10.2f} {ms['tdb2']:9.2f} {ms['virtuoso']:9.2f} "
          f"{ratios['disk/mem']:8.2f} {ratios['tdb2/q']:7.2f} {ratios['virt/q']:7.2f}")
for k, v in logs.items():
    if v: print(f"geometric mean {k}: {math.exp(sum(v) / len(v)):.3f}")
for e, r in engines.items():
    if r: print(f"geometric mean ms {e}: {math.exp(sum(math.log(max(t, 1e-6)) for _, t in r.values()) / len(r)) * 1000:.2f}")
if disagree:
    print("ROW COUNTS DISAGREE:\n  " + "\n  ".join(disagree))
else:
    print("row counts agree")
PY
