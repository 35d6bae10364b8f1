#!/usr/bin/env bash
# WatDiv benchmark: Quiver against Apache Jena ARQ (Debian) and Oxigraph
# (npm, WebAssembly) on the same data and queries, in the same run.
#   bench/watdiv.sh [100k|1M] [QUERY...]
#   QUIVER_BASELINE=/path/to/older/quiver bench/watdiv.sh   # before/after, same run
# Reports load time, each query's time, peak memory, bytes per triple, the
# row counts of each engine (they must agree) and the ratios
# Quiver/Jena and Quiver/Oxigraph with their geometric means.
#
# Quiver and Jena are timed as one-shot commands (load + query, as a user
# runs them); Oxigraph loads once in a Node process and runs every query,
# so its one-shot figure is its load time plus the query time. Quiver's
# own `--time` splits its load from its query, which is set beside
# Oxigraph's query-only time. A load sorts only the SPO table; the first
# query needing another sorts them all, so Quiver's query-only time
# includes that sort (about 0.1 s at 1M), as Oxigraph's load includes its.
# With QUIVER_BASELINE, an older quiver binary runs each query too, and its ratios against the same Jena and Oxigraph
# runs are printed beside. Quiver (and the baseline) run
# QUIVER_BENCH_REPEAT times per query (default 5, interleaved) and report
# the median, as a one-shot second is mostly load and noisy; Jena runs once.
# Not a test: speed is reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1M}"
shift || true
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
work="$root/build/bench"
mkdir -p "$work"

"$root/scripts/install-deps.sh" --bench
cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
cmake --build "$root/build-release" -j"$(nproc)" --target quiver >/dev/null
quiver="$root/build-release/src/cli/quiver"
baseline="${QUIVER_BASELINE:-}"

data="$work/watdiv-$size.nt"
[[ -s "$data" ]] || zcat "$shared/bench/watdiv/watdiv-$size.nt.gz" > "$data"
triples=$(wc -l < "$data")
"$root/scripts/oxigraph.sh" "$work/oxigraph"
cp "$root/bench/oxigraph_runner.mjs" "$work/oxigraph/runner.mjs"

queries=()
if [[ $# -gt 0 ]]; then
  for q in "$@"; do queries+=("$shared/bench/watdiv/queries/$size/$q.rq"); done
else
  queries=("$shared"/bench/watdiv/queries/"$size"/*.rq)
fi

# Debian's Jena needs the class path scripts/jena.sh builds.
export JENA_HEAP=8g JENA_CPUS="$(nproc)"
jena=("$root/scripts/jena.sh" arq.sparql)
# A bound predicate: the first query that needs a table other than SPO
# builds them all, so the load's figures include every index.
echo 'ASK { ?s a ?o }' > "$work/ask.rq"
# "seconds peak_kib" of a command; its stdout goes to $2.
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$out" 2>"$work/stderr.txt" || {
    echo "failed: $* ($(tail -1 "$work/stderr.txt"))" >&2; echo "nan 0" > "$work/time.txt"; }
  cat "$work/time.txt" | tail -1
}
repeat="${QUIVER_BENCH_REPEAT:-5}"
# "median_seconds max_peak_kib median_query_seconds" of `repeat` runs of
# quiver binary $2 (its stdout to $1, its --time line read when it has one).
timed_quiver() {
  local out="$1" bin="$2"; shift 2
  local i s k runs=()
  for ((i = 0; i < repeat; i++)); do
    read -r s k < <(timed "$out" "$bin" "$@")
    runs+=("$s $k $(awk '/^time: load/ {print $6}' "$work/stderr.txt")")
  done
  local mid=$(((repeat + 1) / 2))
  echo "$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | sort -g | sed -n "${mid}p")" \
    "$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -g | tail -1)" \
    "$(printf '%s\n' "${runs[@]}" | awk '{print ($3 == "" ? "nan" : $3)}' | sort -g | sed -n "${mid}p")"
}
rows_of() { local n; n=$(wc -l < "$1"); echo $((n > 0 ? n - 1 : 0)); }

echo "WatDiv $size: $triples triples, ${#queries[@]} queries"
read -r q_load q_load_kib < <(timed "$work/q.out" "$quiver" query --data "$data" --query "$work/ask.rq" --format tsv)
if [[ -n "$baseline" ]]; then
  read -r b_load b_load_kib < <(timed "$work/b.out" "$baseline" query --data "$data" --query "$work/ask.rq" --format tsv)
  echo "baseline load: $b_load s, peak $((b_load_kib / 1024)) MiB (this build: $q_load s, $((q_load_kib / 1024)) MiB)"
fi
read -r j_load j_load_kib < <(timed "$work/j.out" "${jena[@]}" --data "$data" --query "$work/ask.rq" --results tsv)
read -r s_parse _ < <(timed /dev/null serdi -i ntriples -o ntriples "$data")
(cd "$work/oxigraph" && node --max-old-space-size=8192 runner.mjs ntriples "$data" "${queries[@]}") > "$work/oxigraph.txt"
o_load=$(awk '$1 == "load" {print $2}' "$work/oxigraph.txt")
o_peak=$(awk '$1 == "peak_rss_mb" {print $2}' "$work/oxigraph.txt")
awk -v sp="$s_parse" -v q="$q_load" -v j="$j_load" -v o="$o_load" -v qm="$q_load_kib" -v jm="$j_load_kib" -v om="$o_peak" -v n="$triples" 'BEGIN {
  printf "load (one-shot ASK { ?s a ?o }, every index built): quiver %.2f s, jena %.2f s, oxigraph %.2f s; serdi parse %.2f s (quiver/serdi %.2f)\n", q, j, o, sp, q / sp
  printf "peak memory after load: quiver %.0f MiB (%.0f bytes/triple), jena %.0f MiB, oxigraph %s MiB (whole run)\n", qm/1024, qm*1024/n, jm/1024, om
}'
printf "%-4s %8s %8s %8s %10s %10s %10s %8s %8s %9s %9s %8s" query q_rows j_rows o_rows quiver_s jena_s oxi_s q/jena q/oxi q_query oxi_query qq/oq
[[ -n "$baseline" ]] && printf " %10s %8s %8s %8s" old_s old/jena old/oxi peak_KiB/old
printf "\n"
ratios_j=(); ratios_o=(); ratios_q=(); old_j=(); old_o=(); mismatch=0
for qf in "${queries[@]}"; do
  name=$(basename "$qf" .rq)
  read -r qs qkib qq < <(timed_quiver "$work/q.out" "$quiver" query --time --data "$data" --query "$qf" --format tsv)
  read -r js _ < <(timed "$work/j.out" "${jena[@]}" --data "$data" --query "$qf" --results tsv)
  qr=$(rows_of "$work/q.out"); jr=$(rows_of "$work/j.out")
  os=$(awk -v n="$name" '$1 == "query" && $2 == n {print $3}' "$work/oxigraph.txt")
  orows=$(awk -v n="$name" '$1 == "query" && $2 == n {print $4}' "$work/oxigraph.txt")
  oneshot=$(awk -v a="$o_load" -v b="$os" 'BEGIN {print a + b}')
  [[ "$qr" == "$jr" && "$qr" == "$orows" ]] || { mismatch=1; name="$name!"; }
  rj=$(awk -v a="$qs" -v b="$js" 'BEGIN {print a / b}')
  ro=$(awk -v a="$qs" -v b="$oneshot" 'BEGIN {print a / b}')
  ratios_j+=("$rj"); ratios_o+=("$ro")
  rq=$(awk -v a="$qq" -v b="$os" 'BEGIN {print (b > 0 ? a / b : "nan")}')
  ratios_q+=("$rq")
  printf "%-4s %8s %8s %8s %10.3f %10.3f %10.3f %8.3f %8.3f %9.4f %9.4f %8.3f" "$name" "$qr" "$jr" "$orows" "$qs" "$js" "$oneshot" "$rj" "$ro" "$qq" "$os" "$rq"
  if [[ -n "$baseline" ]]; then
    read -r bs bkib _ < <(timed_quiver "$work/b.out" "$baseline" query --data "$data" --query "$qf" --format tsv)
    [[ "$(rows_of "$work/b.out")" == "$qr" ]] || mismatch=1
    bj=$(awk -v a="$bs" -v b="$js" 'BEGIN {print a / b}')
    bo=$(awk -v a="$bs" -v b="$oneshot" 'BEGIN {print a / b}')
    old_j+=("$bj"); old_o+=("$bo")
    printf " %10.3f %8.3f %8.3f %8.3f" "$bs" "$bj" "$bo" "$(awk -v a="$qkib" -v b="$bkib" 'BEGIN {print a / b}')"
  fi
  printf "\n"
done
printf '%s\n' "${ratios_j[@]}" | awk '{s += log($1)} END {printf "geometric mean quiver/jena: %.3f\n", exp(s / NR)}'
printf '%s\n' "${ratios_o[@]}" | awk '{s += log($1)} END {printf "geometric mean quiver/oxigraph (one-shot): %.3f\n", exp(s / NR)}'
printf '%s\n' "${ratios_q[@]}" | awk '$1 != "nan" && $1 > 0 {s += log($1); n++} END {if (n) printf "geometric mean quiver/oxigraph (query only, %d queries): %.3f\n", n, exp(s / n)}'
if [[ -n "$baseline" ]]; then
  printf '%s\n' "${old_j[@]}" | awk '{s += log($1)} END {printf "geometric mean baseline/jena: %.3f\n", exp(s / NR)}'
  printf '%s\n' "${old_o[@]}" | awk '{s += log($1)} END {printf "geometric mean baseline/oxigraph (one-shot): %.3f\n", exp(s / NR)}'
fi
awk '$1 == "query" {printf "oxigraph query-only %s %.4f s\n", $2, $3}' "$work/oxigraph.txt" > "$work/oxigraph-query-times.txt"
[[ $mismatch -eq 0 ]] && echo "row counts: all engines agree" || echo "row counts: MISMATCH (marked !)"
