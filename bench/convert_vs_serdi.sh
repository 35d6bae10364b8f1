#!/usr/bin/env bash
# Throughput of `quiver convert` against `serdi` on the same file, in the
# same run, alternating the two; prints each median and the ratio.
#   bench/convert_vs_serdi.sh [FILE.nt.gz] [RUNS]
# Default file: ../shared/bench/watdiv/watdiv-1M.nt.gz (decompressed once
# into build/bench/ so neither tool pays for gzip).
# Not a test: speed is reported, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$root/../shared/bench/watdiv/watdiv-1M.nt.gz}"
runs="${2:-5}"
quiver="$root/build/src/cli/quiver"

"$root/scripts/install-deps.sh" --bench
if [[ ! -x "$quiver" ]]; then
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$root/build" -j"$(nproc)" --target quiver
fi
mkdir -p "$root/build/bench"
nt="$root/build/bench/$(basename "${src%.gz}")"
[[ -s "$nt" ]] || zcat -f "$src" > "$nt"
ttl="$root/build/bench/$(basename "${nt%.nt}").ttl"
"$quiver" convert "$nt" --to turtle -o "$ttl"
triples=$(wc -l < "$nt")

# Median wall time in seconds of running "$@" $runs times, output discarded.
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

report() {  # name quiver-seconds serdi-seconds
  printf '%-28s quiver %6.3f s   serdi %6.3f s   ratio quiver/serdi %.2f\n' \
    "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN {print a / b}')"
}

echo "file: $nt ($triples triples), $runs runs each, median wall time"
q=$(median "$quiver" convert "$nt" --from ntriples --to ntriples)
s=$(median serdi -i ntriples -o ntriples "$nt")
report "N-Triples -> N-Triples" "$q" "$s"
q=$(median "$quiver" convert "$nt" --from ntriples --to turtle)
s=$(median serdi -i ntriples -o turtle "$nt")
report "N-Triples -> pretty Turtle" "$q" "$s"
q=$(median "$quiver" convert "$ttl" --from turtle --to ntriples)
s=$(median serdi -i turtle -o ntriples "$ttl")
report "Turtle -> N-Triples" "$q" "$s"
