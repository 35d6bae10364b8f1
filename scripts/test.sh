#!/usr/bin/env bash
# Every test: install what is missing, build and run the tests, then build
# and run them again under AddressSanitizer + UndefinedBehaviorSanitizer,
# then build the documentation, whose build checks itself.
# The W3C suites are read from $QUIVER_W3C_DIR, else ../shared/rdf-tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== ASan+UBSan build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DQUIVER_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== documentation (man page, ontology page, pictures, guide examples, API, Chromium check)"
make -f Makefile.docs QUIVER_BUILD=build JOBS="$jobs"

# The last word is the test summary, so CI reads the tests' outcome.
echo "== summary"
ctest --test-dir build -j"$jobs" 2>&1 | tail -3
