#!/usr/bin/env bash
# RDF 1.2 WatDiv (issue 13): every WatDiv triple asserted, reified and
# annotated, loaded and queried by Quiver (in memory and on disk) and by
# Oxigraph 0.5.11 (npm, WebAssembly, in memory) in the same run.
#   bench/watdiv12.sh [100k|1M] [QUERY...]
#   QUIVER=/path/to/quiver bench/watdiv12.sh 1M    # that binary, no build
#   QUIVER_BENCH_REPEAT=3 (Quiver runs per query, median)
#   QUIVER_BENCH_FORMAT=ntriples|turtle (the file the queries run on)
#   QUIVER_BENCH_WORK=DIR (default build/bench/watdiv12)
#   QUIVER_BENCH_TIMEOUT=60 (seconds a Quiver query may take; past it, or
#   on an error, the query counts as failed, rows -1, and is not repeated)
# Each line N `<s> <p> <o> .` of the WatDiv file becomes, in Turtle 1.2,
#   <s> <p> <o> ~ _:rN {| ex:source ex:watdiv ; ex:line N |} .
# and in N-Triples 1.2 the same four triples (the assertion, then
# `_:rN rdf:reifies <<( <s> <p> <o> )>>` and the two annotations), made by
# awk. Both files are loaded by each engine (load time, peak memory).
# The 20 WatDiv queries must give the plain file's row counts (the
# reifiers only add triples with the predicates rdf:reifies, ex:source and
# ex:line, which no WatDiv query names); six RDF 1.2 queries read the
# annotations. Row counts of every engine are printed and must agree, and
# a one-row result's values too (COUNTs): a disagreement is flagged
# loudly. Timing as in bench/watdiv.sh: Quiver is a one-shot command whose
# `--time` splits load from query (the first query needing a table other
# than SPO sorts them all, inside its query time); Oxigraph loads once in
# Node and runs every query, so its one-shot figure is load + query. The
# disk store is a fresh `quiver query --db` process per query. Not a test:
# speed is reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1M}"
shift || true
shared="$(realpath "${QUIVER_SHARED_DIR:-$root/../shared}")"
work="$(realpath -m "${QUIVER_BENCH_WORK:-$root/build/bench/watdiv12}")"
repeat="${QUIVER_BENCH_REPEAT:-3}"
format="${QUIVER_BENCH_FORMAT:-ntriples}"
timeout="${QUIVER_BENCH_TIMEOUT:-60}"
mkdir -p "$work/q12"

quiver="${QUIVER:+$(realpath "$QUIVER")}"
if [[ -z "$quiver" ]]; then
  "$root/scripts/install-deps.sh" --bench
  cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
  cmake --build "$root/build-release" -j"$(nproc)" --target quiver >/dev/null
  quiver="$root/build-release/src/cli/quiver"
fi
command -v node >/dev/null && [[ -x /usr/bin/time ]] || "$root/scripts/install-deps.sh" --bench
"$root/scripts/oxigraph.sh" "$work/oxigraph"
cp "$root/bench/oxigraph_runner.mjs" "$work/oxigraph/runner.mjs"

# The data: plain, N-Triples 1.2 and Turtle 1.2.
plain="$work/watdiv-$size.nt"
[[ -s "$plain" ]] || zcat "$shared/bench/watdiv/watdiv-$size.nt.gz" > "$plain"
ex='http://example.org/bench/'
declare -A file=([ntriples]="$work/watdiv12-$size.nt" [turtle]="$work/watdiv12-$size.ttl")
t0=$(date +%s.%N)
[[ -s "${file[ntriples]}" ]] || awk -v ex="$ex" '{
  sub(/[ \t]+\.[ \t]*$/, ""); n++
  printf "%s .\n_:r%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( %s )>> .\n", $0, n, $0
  printf "_:r%d <%ssource> <%swatdiv> .\n", n, ex, ex
  printf "_:r%d <%sline> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", n, ex, n
}' "$plain" > "${file[ntriples]}"
[[ -s "${file[turtle]}" ]] || awk -v ex="$ex" '{
  sub(/[ \t]+\.[ \t]*$/, ""); n++
  printf "%s ~ _:r%d {| <%ssource> <%swatdiv> ; <%sline> %d |} .\n", $0, n, ex, ex, ex, n
}' "$plain" > "${file[turtle]}"
made=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
made=$([[ $made == 0.0 ]] && echo "files made before" || echo "made by awk in $made s")
data="${file[$format]}"
other=$([[ $format == ntriples ]] && echo turtle || echo ntriples)

# The RDF 1.2 queries (User0 and User7, whose friends like products, are in
# both WatDiv sizes).
w='http://db.uwaterloo.ca/~galuc/wsdbm/'
reifies='<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>'
q12="$work/q12"
echo "SELECT (COUNT(*) AS ?n) { << ?s ?p ?o >> <${ex}source> ?src }" > "$q12/R1.rq"
echo "SELECT ?s ?line { << ?s <${w}likes> ?o ~ ?r >> <${ex}line> ?line } ORDER BY ?line LIMIT 10" > "$q12/R2.rq"
echo "SELECT ?r ?p ?o { ?r $reifies <<( <${w}User0> ?p ?o )>> }" > "$q12/R3.rq"
echo "SELECT ?p (COUNT(*) AS ?n) { ?r $reifies ?t BIND(PREDICATE(?t) AS ?p) } GROUP BY ?p" > "$q12/R4.rq"
echo "SELECT ?f ?o ?line { <${w}User7> <${w}friendOf> ?f . ?f <${w}likes> ?o {| <${ex}line> ?line |} }" > "$q12/R5.rq"
echo "SELECT ?s ?p ?o { << ?s ?p ?o >> <${ex}line> 42 }" > "$q12/R6.rq"
queries=()
if [[ $# -gt 0 ]]; then
  for q in "$@"; do
    [[ $q == R* ]] && queries+=("$q12/$q.rq") || queries+=("$shared/bench/watdiv/queries/$size/$q.rq")
  done
else
  queries=("$shared"/bench/watdiv/queries/"$size"/*.rq "$q12"/R*.rq)
fi
watdiv=(); for q in "${queries[@]}"; do [[ $q == "$q12"/* ]] || watdiv+=("$q"); done

# "seconds peak_kib" of a command, its stdout to $1 (FAILED if it fails);
# its stderr stays in $work/stderr.txt (Quiver's --time line).
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt" || {
    echo "FAILED: $* ($(grep -v '^time:' "$work/stderr.txt" | tail -1))" >&2; echo "nan 0" > "$work/time.txt"; echo FAILED > "$out"; }
  tail -1 "$work/time.txt"
}
quiver_time() { awk '/^time: load/ {v = $'"$1"'} END {print (v == "" ? "nan" : v)}' "$work/stderr.txt"; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
rows_of() {
  local n; n=$(wc -l < "$1")
  [[ $(head -c 6 "$1") == FAILED ]] && echo -1 || echo $((n > 0 ? n - 1 : 0))
}
# The values of a one-row TSV result, as Oxigraph's runner prints them.
values_of() {
  [[ $(rows_of "$1") == 1 ]] || return 0
  sed -n 2p "$1" | tr '\t' '\n' | sed -E 's/^<(.*)>$/\1/; s/^"(.*)"(\^\^<.*>|@.*)?$/\1/; s/^_:.*/_/' | LC_ALL=C sort | awk '{printf "%s%s", (NR > 1 ? " | " : ""), $0}'
}
oxigraph() {  # format file out [query...]
  local fmt="$1" f="$2" out="$3"; shift 3
  (cd "$work/oxigraph" && timed "$out" node --max-old-space-size=8192 runner.mjs "$fmt" "$f" "$@")
}

echo "WatDiv $size RDF 1.2: $(wc -l < "$plain") triples, each reified and annotated ($made);" \
  "queries on $format, ${#queries[@]} queries, quiver median of $repeat; quiver $quiver"
# Loads of both formats, as lines "engine format load_s oneshot_s peak_kib
# disk_bytes". Quiver in memory: `ASK { ?s a ?o }`, its --time load (parse
# and SPO sort) and its one-shot second (every index built, as Oxigraph's
# load builds its own); on disk: `quiver load`.
: > "$work/loads.txt"
for fmt in ntriples turtle; do
  f="${file[$fmt]}"
  : > "$work/load.runs"
  for ((i = 0; i < repeat; i++)); do
    read -r s k < <(timed /dev/null "$quiver" query --time --data "$f" 'ASK { ?s a ?o }')
    echo "$(quiver_time 3) $s $k" >> "$work/load.runs"
  done
  echo "quiver-mem $fmt $(cut -d' ' -f1 "$work/load.runs" | median) $(cut -d' ' -f2 "$work/load.runs" | median)" \
    "$(cut -d' ' -f3 "$work/load.runs" | sort -g | tail -1) 0" >> "$work/loads.txt"
  rm -rf "$work/db-$fmt"
  read -r s k < <(timed "$work/load.txt" "$quiver" load --db "$work/db-$fmt" "$f")
  echo "quiver-db $fmt $s $s $k $(du -sb "$work/db-$fmt" | cut -f1)" >> "$work/loads.txt"
  o="$work/oxigraph-$fmt.txt"
  if [[ $fmt == "$format" ]]; then
    read -r s k < <(oxigraph "$fmt" "$f" "$o" "${queries[@]}")
  else
    read -r s k < <(oxigraph "$fmt" "$f" "$o")
    rm -rf "$work/db-$fmt"
  fi
  l=$(awk '$1 == "load" {print $2}' "$o")
  echo "oxigraph $fmt ${l:-nan} ${l:-nan} $k 0" >> "$work/loads.txt"
done
awk '{o[$2] = ($1 == "oxigraph" ? $4 : o[$2]); line[NR] = $0}
  END {
    printf "%-10s %-9s %8s %9s %9s %9s %14s\n", "engine", "format", "load_s", "oneshot_s", "peak_MiB", "disk_MiB", "1shot/oxigraph"
    for (i = 1; i <= NR; i++) {
      split(line[i], f, " ")
      printf "%-10s %-9s %8.2f %9.2f %9.0f %9s %14.3f\n", f[1], f[2], f[3], f[4], f[5] / 1024,
        (f[6] > 0 ? sprintf("%.1f", f[6] / 1048576) : "-"), f[4] / o[f[2]]
    }
    print "(oxigraph peak: the whole Node process, the file bytes included; quiver-db oneshot = load)"
  }' "$work/loads.txt"
cp "$work/oxigraph-$format.txt" "$work/oxigraph.txt"
o_load=$(awk '$1 == "load" {print $2}' "$work/oxigraph.txt")
[[ -n "$o_load" ]] || { echo "Oxigraph failed on $data" >&2; o_load=nan; }

# The plain file's row counts of the WatDiv queries, from both engines.
oxigraph ntriples "$plain" "$work/oxigraph-plain.txt" "${watdiv[@]}" > /dev/null
: > "$work/results.txt"
for qf in "${queries[@]}"; do
  name=$(basename "$qf" .rq)
  plain_rows=-; plain_oxi=-
  if [[ $qf != "$q12"/* ]]; then
    timed "$work/p.out" "$quiver" query --timeout "$timeout" --data "$plain" --query "$qf" --format tsv > /dev/null
    plain_rows=$(rows_of "$work/p.out")
    plain_oxi=$(awk -v n="$name" '$1 == "query" && $2 == n {print $4}' "$work/oxigraph-plain.txt")
  fi
  : > "$work/mem.runs"; : > "$work/disk.runs"
  for ((i = 0; i < repeat; i++)); do  # memory and disk interleaved; a failure is not repeated
    if ! grep -q '^nan' "$work/mem.runs"; then
      read -r s k < <(timed "$work/m.out" "$quiver" query --time --timeout "$timeout" --data "$data" --query "$qf" --format tsv)
      [[ $s == nan ]] && echo "nan nan 0" >> "$work/mem.runs" || echo "$s $(quiver_time 6) $k" >> "$work/mem.runs"
    fi
    if ! grep -q '^nan' "$work/disk.runs"; then
      read -r s _ < <(timed "$work/d.out" "$quiver" query --time --timeout "$timeout" --db "$work/db-$format" --query "$qf" --format tsv)
      [[ $s == nan ]] && echo "nan nan" >> "$work/disk.runs" || echo "$s $(quiver_time 6)" >> "$work/disk.runs"
    fi
  done
  ox=$(awk -v n="$name" '$1 == "query" && $2 == n' "$work/oxigraph.txt")
  o_values=$(echo "$ox" | cut -d' ' -f5-)
  agree=yes
  [[ $(values_of "$work/m.out") == "$o_values" && $(values_of "$work/d.out") == "$o_values" ]] || agree="VALUES: quiver '$(values_of "$work/m.out")' oxigraph '$o_values'"
  # name plain_quiver plain_oxi mem_rows disk_rows oxi_rows mem_s mem_q disk_s disk_q oxi_q peak_kib agree
  echo "$name $plain_rows ${plain_oxi:--} $(rows_of "$work/m.out") $(rows_of "$work/d.out") $(echo "$ox" | awk '{print ($4 == "" ? -1 : $4)}')" \
    "$(cut -d' ' -f1 "$work/mem.runs" | median) $(cut -d' ' -f2 "$work/mem.runs" | median)" \
    "$(cut -d' ' -f1 "$work/disk.runs" | median) $(cut -d' ' -f2 "$work/disk.runs" | median)" \
    "$(echo "$ox" | awk '{print ($3 == "" ? "nan" : $3)}') $(cut -d' ' -f3 "$work/mem.runs" | sort -g | tail -1) $agree" >> "$work/results.txt"
done

# The table: one-shot (load + query) and query-only ratios Quiver/Oxigraph.
python3 - "$work/results.txt" "$o_load" <<'PY'
import math, sys
o_load = float(sys.argv[2])
print(f"{'query':5} {'plain':>7} {'q_rows':>7} {'d_rows':>7} {'o_rows':>7} {'q_1shot':>8} {'o_1shot':>8} {'ratio':>6}"
      f" {'q_query':>8} {'d_query':>8} {'o_query':>8} {'q/o':>7} {'d/o':>7} {'d_1shot':>8} {'peak_MiB':>8}")
groups = {"watdiv": {}, "rdf12": {}}
bad = []
for line in open(sys.argv[1]):
    f = line.split(maxsplit=12)
    name, pq, po, qr, dr, orows = f[0], f[1], f[2], int(f[3]), int(f[4]), int(f[5])
    ms, mq, ds, dq, oq, kib, agree = float(f[6]), float(f[7]), float(f[8]), float(f[9]), float(f[10]), int(f[11]), f[12].strip()
    expected = {qr, dr, orows} | {int(c) if c != "-" else -1 for c in (pq, po) if name[0] != "R"}
    if len(expected) > 1: bad.append(f"{name}: rows plain quiver {pq}, plain oxigraph {po}, quiver {qr}, disk {dr}, oxigraph {orows}")
    for engine, r in (("quiver memory", qr), ("quiver disk", dr), ("oxigraph", orows)):
        if r < 0: bad.append(f"{name}: {engine} failed (an error, or past the timeout)")
    if agree != "yes": bad.append(f"{name}: {agree}")
    ratios = {"1shot": ms / (o_load + oq), "q/o": mq / max(oq, 1e-6), "d/o": dq / max(oq, 1e-6)}
    g = groups["rdf12" if name.startswith("R") else "watdiv"]
    for k, v in ratios.items():
        if v == v and v > 0: g.setdefault(k, []).append(math.log(v))
    mark = "!" if any(b.startswith(name + ":") for b in bad) else ""
    print(f"{name + mark:5} {pq:>7} {qr:7d} {dr:7d} {orows:7d} {ms:8.3f} {o_load + oq:8.3f} {ratios['1shot']:6.2f}"
          f" {mq:8.4f} {dq:8.4f} {oq:8.4f} {ratios['q/o']:7.2f} {ratios['d/o']:7.2f} {ds:8.3f} {kib / 1024:8.0f}")
for k, label in (("1shot", "one-shot quiver/oxigraph"), ("q/o", "query-only quiver memory/oxigraph"), ("d/o", "query-only quiver disk/oxigraph")):
    parts = []
    for gname, g in groups.items():
        if g.get(k): parts.append(f"{gname} {math.exp(sum(g[k]) / len(g[k])):.3f} ({len(g[k])})")
    alls = groups["watdiv"].get(k, []) + groups["rdf12"].get(k, [])
    if alls: parts.append(f"all {math.exp(sum(alls) / len(alls)):.3f}")
    print(f"geometric mean {label}: " + ", ".join(parts))
if bad: print("!!! ROW COUNTS OR VALUES DISAGREE !!!\n  " + "\n  ".join(bad))
else: print("row counts agree: plain (quiver, oxigraph), quiver memory, quiver disk, oxigraph; one-row values agree")
PY
