#!/usr/bin/env bash
# Streaming and memory: queries whose answer or intermediate results are
# far larger than what they need to hold, on WatDiv 1M, one process each.
#   bench/streaming.sh [1M|100k]
#   QUIVER_BASELINE=/path/to/older/quiver bench/streaming.sh   # before/after, same run
# For each query: wall seconds and peak RSS of the whole process, next to a
# load-only run (ASK {}) of the same data, so the query's own share shows:
# a LIMIT over a scan or a cartesian product must cost no time and no
# memory beyond the load; the DISTINCT friends-of-friends query holds only
# its distinct rows. This build's `--time` also gives the query's own
# seconds (plan, run and write, the load apart). With QUIVER_BASELINE each figure is also measured for
# that binary and the ratios new/old are printed.
# Not a test: figures are reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1M}"
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
work="$root/build/bench"
mkdir -p "$work"

cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
cmake --build "$root/build-release" -j"$(nproc)" --target quiver >/dev/null
quiver="$root/build-release/src/cli/quiver"
baseline="${QUIVER_BASELINE:-}"

data="$work/watdiv-$size.nt"
[[ -s "$data" ]] || zcat "$shared/bench/watdiv/watdiv-$size.nt.gz" > "$data"
echo 'ASK {}' > "$work/load-only.rq"

# "seconds peak_kib rows query_seconds" of one run of $1 on query file $2
# (further arguments go to quiver; query_seconds is nan without --time).
measure() {
  local bin="$1" query="$2"
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" query --data "$data" --query "$query" \
    --format tsv "$@" > "$work/out.tsv" 2> "$work/err.txt" || { echo "nan 0 0 nan"; return; }
  local rows query_s
  rows=$(($(wc -l < "$work/out.tsv") - 1))
  query_s=$(awk '/^time: load/ {print $6}' "$work/err.txt")
  echo "$(tail -1 "$work/time.txt") $rows ${query_s:-nan}"
}

echo "WatDiv $size: $(wc -l < "$data") triples"
printf "%-16s %8s %10s %10s %10s" query rows seconds query_s peak_MiB
[[ -n "$baseline" ]] && printf " %10s %10s %8s %8s" old_s old_MiB t_ratio m_ratio
printf "\n"
for q in "$work/load-only.rq" "$root"/bench/queries/{limit-scan,limit-cartesian,fof-distinct}.rq; do
  name=$(basename "$q" .rq)
  read -r s kib rows qs < <(measure "$quiver" "$q" --time)
  printf "%-16s %8s %10.2f %10.3f %10.0f" "$name" "$rows" "$s" "$qs" "$(awk -v k="$kib" 'BEGIN {print k / 1024}')"
  if [[ -n "$baseline" ]]; then
    read -r bs bkib _ < <(measure "$baseline" "$q")
    awk -v s="$s" -v k="$kib" -v bs="$bs" -v bk="$bkib" \
      'BEGIN {printf " %10.2f %10.0f %8.3f %8.3f", bs, bk / 1024, s / bs, k / bk}'
  fi
  printf "\n"
done
