#!/usr/bin/env bash
# A private Virtuoso 7 on loopback for the tests labelled `virtuoso`:
#   scripts/virtuoso.sh start   install if missing, start from a fresh database,
#                               print the endpoint (http://127.0.0.1:18890) on stdout
#   scripts/virtuoso.sh stop    stop it (nothing to do when it is not running)
#
#   export QUIVER_VIRTUOSO="$(scripts/virtuoso.sh start)"
#   ctest --test-dir build -L virtuoso --output-on-failure
#   scripts/virtuoso.sh stop
#
# It wraps ../shared/virtuoso/{start,stop}.sh (read their README for the
# endpoints and Virtuoso's quirks); their log goes to stderr, so stdout is
# only the endpoint. The database lives in ${TMPDIR:-/tmp}/quiver-virtuoso
# unless VIRT_BASE says otherwise; VIRT_HTTP_PORT and the other VIRT_*
# settings are passed through. `start` on a running instance keeps it (and
# its data) and prints the endpoint again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${QUIVER_SHARED_DIR:-$root/../shared}/virtuoso"
export VIRT_BASE="${VIRT_BASE:-${TMPDIR:-/tmp}/quiver-virtuoso}"
endpoint="http://127.0.0.1:${VIRT_HTTP_PORT:-18890}"

[[ -x "$shared/start.sh" ]] || { echo "virtuoso.sh: $shared/start.sh not found" >&2; exit 2; }

running() {
  local pidfile="${VIRT_DB:-$VIRT_BASE/db}/virtuoso.pid"
  [[ -f "$pidfile" ]] && [[ -r "/proc/$(cat "$pidfile")/stat" ]] &&
    curl -s -o /dev/null --max-time 5 "$endpoint/sparql?query=ASK%7B%7D"
}

case "${1:-}" in
  start)
    if running; then
      echo "virtuoso.sh: already running, keeping its data" >&2
    else
      "$shared/stop.sh" >&2 || true   # a half-started instance would block --clean
      "$shared/start.sh" --clean >&2
    fi
    echo "$endpoint"
    ;;
  stop)
    "$shared/stop.sh" >&2
    ;;
  *)
    echo "usage: scripts/virtuoso.sh start|stop" >&2
    exit 2
    ;;
esac
