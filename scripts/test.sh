#!/usr/bin/env bash
# Every test: install what is missing, start a private Virtuoso on loopback
# (for the tests labelled `virtuoso`), build and run the tests, then build
# and run them again under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the threaded code's tests under ThreadSanitizer, then run every
# fuzz target for a minute, then a slice of differential testing against
# Oxigraph and one of the optimized engine against its unoptimized
# reference, then build the documentation, whose build checks itself.
# The W3C suites are read from $QUIVER_W3C_DIR, else ../shared/rdf-tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

echo "== Virtuoso 7 on loopback"
QUIVER_VIRTUOSO="$(scripts/virtuoso.sh start)"
export QUIVER_VIRTUOSO
trap 'scripts/virtuoso.sh stop >/dev/null 2>&1 || true' EXIT

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" 2>&1 | tee build/ctest.log

echo "== ASan+UBSan build and tests"
# The Virtuoso round trip drives the release binary's protocol code, which
# the sanitizer run covers through the server load loop and the C++ tests.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DQUIVER_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE virtuoso 2>&1 | tee build-asan/ctest.log

echo "== ThreadSanitizer: the tests of the code that runs threads (store, database, io, engine, server)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUIVER_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target store_test database_test io_test engine_test server_test
{
  for t in store/store_test io/io_test engine/engine_test server/server_test; do
    TSAN_OPTIONS="halt_on_error=1" "build-tsan/tests/$t" --gtest_brief=1 || exit 1
  done
  # In-process readers and a writer; the crash tests are processes, not threads.
  TSAN_OPTIONS="halt_on_error=1" build-tsan/tests/database/database_test --gtest_brief=1 \
    --gtest_filter='DiskStoreTest.*' || exit 1
} 2>&1 | tee build-tsan/tsan.log

echo "== fuzzing: every libFuzzer target for a bounded slice (ASan+UBSan, clang)"
# Long campaigns are bench/fuzz.sh; a crash found here fails the run and
# its reproducer goes to tests/fuzz/regressions/.
scripts/fuzz.sh --seconds "${QUIVER_FUZZ_SECONDS:-50}" 2>&1 | tee build-asan/fuzz.log

echo "== differential testing against Oxigraph (a bounded slice; tests/differential/)"
scripts/differential.sh "${QUIVER_DIFFERENTIAL_QUERIES:-5000}" 2>&1 | tee build/differential.log
echo "== differential testing, optimized against the unoptimized reference (a bounded slice)"
python3 tests/differential/differential.py build/src/cli/quiver build/bench/article.nq --reference \
  --queries "${QUIVER_REFERENCE_QUERIES:-10000}" --seed 2 --timeout 5 2>&1 |
  grep -v "^  [0-9]* queries" | tee build/differential-reference.log

echo "== documentation (man page, ontology page, pictures, guide examples, API, Chromium check)"
make -f Makefile.docs QUIVER_BUILD=build JOBS="$jobs"

# The last words are the test summaries, so CI reads the tests' outcome.
echo "== summary"
summary() { grep -E "tests passed|tests failed|Not Run|\(Skipped\)|Total Test time" "$1"; }
echo "ASan+UBSan build:"
summary build-asan/ctest.log
echo "ThreadSanitizer:"
grep -E "tests? (ran|passed)|PASSED|FAILED|ThreadSanitizer" build-tsan/tsan.log
echo "fuzzing:"
grep -E "^fuzz " build-asan/fuzz.log
echo "differential testing:"
grep -E "^differential" build/differential.log build/differential-reference.log
echo "release build (Virtuoso tests included):"
summary build/ctest.log
