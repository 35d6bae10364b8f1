#!/usr/bin/env bash
# Opens each page in headless Chromium, saves a screenshot and fails on
# console errors (uncaught exceptions, failed loads, CSP/JS errors).
#   scripts/docs/check-html.sh OUTDIR NAME=FILE...
# e.g. check-html.sh build/docs/screenshots ontology=build/docs/ontology.html
set -euo pipefail
outdir=$1
shift
mkdir -p "$outdir"
browser=$(command -v chromium || command -v chromium-browser)
status=0
for spec in "$@"; do
  name=${spec%%=*}
  file=$(realpath "${spec#*=}")
  profile=$(mktemp -d)
  log="$outdir/$name.console.log"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --hide-scrollbars \
    --window-size=1280,1600 --screenshot="$(realpath -m "$outdir/$name.png")" \
    "file://$file" >"$log" 2>&1 || { echo "check-html: chromium failed on $file" >&2; status=1; }
  rm -rf "$profile"
  # Chromium logs page console messages as INFO:CONSOLE(line)] "text"; its
  # own dbus/GPU chatter on a headless box is not the page's fault.
  if grep -E 'Uncaught|ERROR:CONSOLE|CONSOLE[:(][0-9]+\)?\] "[^"]*([Ee]rror|[Ff]ailed)|net::ERR_' \
    "$log" >&2; then
    echo "check-html: console errors in $file (see $log)" >&2
    status=1
  elif [[ ! -s "$outdir/$name.png" ]]; then
    echo "check-html: no screenshot of $file" >&2
    status=1
  else
    echo "check-html: $file opened without console errors -> $outdir/$name.png"
  fi
done
exit $status
