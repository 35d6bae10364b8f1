#!/usr/bin/env bash
# Oxigraph's score on the W3C RDF 1.2 and SPARQL 1.2 test suites (issue 13),
# to report beside the figures of Quiver's own runners (w3c_rdf,
# w3c_sparql_syntax, w3c_sparql_eval, w3c_sparql_update) on the same checkout
# of the suites. Oxigraph is the npm package (WebAssembly, in memory),
# installed once under build/bench/oxigraph as bench/update.sh installs it;
# bench/oxigraph_w3c12.mjs says how each test is judged, and why so.
#   bench/oxigraph_w3c12.sh      (QUIVER_W3C_DIR overrides where the suites are)
# Prints `<manifest folder>: N passed, N failed`, totals by kind of test, and
# the failing tests with a reason each. Not a test: it reports, never asserts.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suites="${QUIVER_W3C_DIR:-$root/../shared/rdf-tests}"
version=$(sed -n "s/^version=//p" "$root/scripts/oxigraph.sh")
work="$root/build/bench/oxigraph"
if [[ ! -d "$suites/rdf/rdf12" || ! -d "$suites/sparql/sparql12" ]]; then
  echo "W3C test suites not found at $suites (set QUIVER_W3C_DIR)"
  exit 0
fi
suites="$(cd "$suites" && pwd)"

"$root/scripts/oxigraph.sh" "$work"
# Beside node_modules, where `import "oxigraph"` finds the package.
cp "$root/bench/oxigraph_w3c12.mjs" "$work/w3c12.mjs"

echo "Oxigraph $version (npm, WebAssembly, in memory) on the W3C suites at $suites"
node "$work/w3c12.mjs" "$suites"
