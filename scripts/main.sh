#!/usr/bin/env bash
# The main job: install what is missing, build Quiver, and run it on the
# bundled data (for now: convert the example graph to pretty Turtle).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQUIVER_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target quiver
./build/src/cli/quiver convert data/example.ttl --to turtle -o build/example.ttl
./build/src/cli/quiver convert data/example.ttl --to ntriples -o build/example.nt
cat build/example.ttl
echo "main: wrote build/example.ttl and build/example.nt ($(wc -l < build/example.nt) triples)" >&2
