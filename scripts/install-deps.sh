#!/usr/bin/env bash
# Installs, with apt, exactly the Debian packages Quiver needs that are not
# there yet; silent when nothing is missing. Idempotent; needs root (or sudo)
# only when something must be installed.
#   scripts/install-deps.sh          build and test dependencies
#   scripts/install-deps.sh --bench  also the peers the benchmarks compare with
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libserd-dev libsord-dev libraptor2-dev zlib1g-dev
  libboost-program-options-dev
  libgtest-dev
  libpcre2-dev libssl-dev nlohmann-json3-dev libxml2-dev
  # HTTP: libcurl for the client (push, query --endpoint), in its GnuTLS
  # flavour because libraptor2-dev depends on that one (the OpenSSL -dev
  # would remove Raptor's headers); cpp-httplib for quiver serve; curl and
  # the Python clients test the server.
  libcurl4-gnutls-dev libcpp-httplib-dev curl python3-sparqlwrapper python3-rdflib
  # Apache Jena checks that our exports load cleanly in another toolkit.
  libapache-jena-java unzip
  # The fuzz targets: clang with its libFuzzer and sanitizer runtimes.
  clang libclang-rt-dev
)
# A machine may already have its own Java or Node.js; only add Debian's if none.
command -v java >/dev/null || packages+=(default-jre-headless)
if [[ "${1:-}" == "--bench" ]]; then
  # liblmdb-dev and librocksdb-dev: the candidates store_candidates_bench
  # measured the on-disk layout against (src/README.md, store/).
  packages+=(serdi time liblmdb-dev librocksdb-dev)
  command -v node >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
