#!/usr/bin/env bash
# Long fuzzing campaigns: every target (or those named) for HOURS each,
# one after the other, on the corpus CI's short runs keep growing in
# build-fuzz/corpus/. Reports executions and coverage per target; a crash
# stops at that target with its reproducer in tests/fuzz/regressions/.
#   bench/fuzz.sh [HOURS] [TARGET...]      (default 1 hour a target)
# Not a test: run it before resolving the hardening issue, and after any
# change to a reader, the parser, the engine or the server.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hours="${1:-1}"
shift || true
exec "$root/scripts/fuzz.sh" --seconds "$(awk -v h="$hours" 'BEGIN {print int(h * 3600)}')" "$@"
