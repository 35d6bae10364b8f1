#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a
# while on a corpus seeded from tests/fuzz/seeds and the W3C suites.
#   scripts/fuzz.sh [--seconds N] [TARGET...]
# CI runs a bounded slice (50 s a target, scripts/test.sh); bench/fuzz.sh runs
# long campaigns with the same script. The corpus of each target grows in
# build-fuzz/corpus/TARGET and is kept between runs. A crash stops the run
# with exit 1; its reproducer is copied to tests/fuzz/regressions/TARGET/,
# where, once fixed, it stays a test (fuzz_replay_TARGET in ctest).
# Prints, per target, the executions, the coverage (edges) and features.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=60
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=(read parse_query query update read_results service http_request disk_files database_log shacl)
w3c="${QUIVER_W3C_DIR:-$root/../shared/rdf-tests}"
shacl_tests="${QUIVER_SHACL_DIR:-$root/../shared/shacl-tests}"
build="$root/build-fuzz"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DQUIVER_FUZZ=ON -DQUIVER_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# Seeds from the W3C suites: the first byte of a reader's input picks the
# format (see each target), so files get it prepended by extension.
seed_with_byte() {  # DIR BYTE FILE...
  local dir="$1" byte="$2"
  shift 2
  local f
  for f in "$@"; do
    { printf "\\x$byte"; head -c 65536 "$f"; } > "$dir/w3c-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
seed_corpus() {  # TARGET DIR
  local target="$1" dir="$2"
  mkdir -p "$dir"
  cp "$root/tests/fuzz/seeds/$target/"* "$dir/" 2>/dev/null || true
  [[ -d "$w3c" ]] || return 0
  case "$target" in
    read)
      seed_with_byte "$dir" 00 $(find "$w3c/rdf/rdf11/rdf-turtle" -name '*.ttl' | sort | sed -n '1,150p')
      seed_with_byte "$dir" 01 $(find "$w3c/rdf/rdf11/rdf-trig" -name '*.trig' | sort | sed -n '1,100p')
      seed_with_byte "$dir" 02 $(find "$w3c/rdf/rdf11/rdf-n-triples" -name '*.nt' | sort | sed -n '1,60p')
      seed_with_byte "$dir" 03 $(find "$w3c/rdf/rdf11/rdf-n-quads" -name '*.nq' | sort | sed -n '1,60p')
      seed_with_byte "$dir" 00 $(find "$w3c/rdf/rdf12/rdf-turtle" -name '*.ttl' | sort | sed -n '1,150p')
      seed_with_byte "$dir" 01 $(find "$w3c/rdf/rdf12/rdf-trig" -name '*.trig' | sort | sed -n '1,100p')
      seed_with_byte "$dir" 02 $(find "$w3c/rdf/rdf12/rdf-n-triples" -name '*.nt' | sort | sed -n '1,60p')
      seed_with_byte "$dir" 03 $(find "$w3c/rdf/rdf12/rdf-n-quads" -name '*.nq' | sort | sed -n '1,60p')
      seed_with_byte "$dir" 04 $(find "$w3c/rdf/rdf11/rdf-xml" -name '*.rdf' | sort | sed -n '1,100p')
      ;;
    parse_query | query)
      find "$w3c/sparql/sparql11" "$w3c/sparql/sparql10" -name '*.rq' -size -16k 2>/dev/null |
        sort | sed -n '1,600p' | while read -r f; do cp "$f" "$dir/w3c-$(basename "$(dirname "$f")")-$(basename "$f")"; done
      ;;
    update)
      find "$w3c/sparql/sparql11" -name '*.ru' -size -16k 2>/dev/null |
        sort | sed -n '1,400p' | while read -r f; do cp "$f" "$dir/w3c-$(basename "$(dirname "$f")")-$(basename "$f")"; done
      ;;
    shacl)
      # The W3C SHACL tests hold shapes and data in one file, as the target reads.
      find "$shacl_tests/tests" -name '*.ttl' -size -8k 2>/dev/null | grep -v manifest |
        sort | while read -r f; do cp "$f" "$dir/w3c-$(basename "$(dirname "$f")")-$(basename "$f")"; done
      ;;
    read_results)
      seed_with_byte "$dir" 00 $(find "$w3c/sparql" -name '*.srj' -size -16k | sort | sed -n '1,100p')
      seed_with_byte "$dir" 01 $(find "$w3c/sparql" -name '*.srx' -size -16k | sort | sed -n '1,100p')
      seed_with_byte "$dir" 02 $(find "$w3c/sparql" -name '*.csv' -size -16k | sort | sed -n '1,40p')
      seed_with_byte "$dir" 03 $(find "$w3c/sparql" -name '*.tsv' -size -16k | sort | sed -n '1,40p')
      ;;
  esac
}
dictionary_of() {
  case "$1" in
    read) echo rdf ;;
    parse_query | query | update) echo sparql ;;
    read_results) echo results ;;
    shacl) echo shacl ;;
    service) echo service ;;
    http_request) echo http ;;
    disk_files) ;;  # binary files: no words to suggest
    database_log) ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  [[ -d "$corpus" ]] || seed_corpus "$target" "$corpus"
  crashes="$build/crashes/$target"
  mkdir -p "$crashes"
  log="$build/fuzz-$target.log"
  # -rss_limit_mb and -timeout: an input that takes more than 2 GiB or 10 s
  # is a finding (the engine's own limits must stop it first).
  dict=()
  [[ -z "$(dictionary_of "$target")" ]] || dict=(-dict="$root/tests/fuzz/dict/$(dictionary_of "$target").dict")
  if ! "$build/src/"*/fuzz_"$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=8192 -print_final_stats=1 \
      "${dict[@]}" -artifact_prefix="$crashes/" > "$log" 2>&1; then
    status=1
    echo "fuzz $target: FOUND A FAILURE (log: $log)"
    grep -E "ERROR:|SUMMARY:|Test unit written|failed:" "$log" | head -5 || true
    mkdir -p "$root/tests/fuzz/regressions/$target"
    cp "$crashes"/* "$root/tests/fuzz/regressions/$target/" 2>/dev/null || true
  fi
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  echo "fuzz $target: ${seconds}s, $execs executions, ${cov:-no coverage line}, corpus $(ls "$corpus" | wc -l) inputs"
done
exit "$status"
