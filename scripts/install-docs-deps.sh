#!/usr/bin/env bash
# Installs, with apt, exactly the Debian packages the documentation build
# (Makefile.docs) needs that are not there yet; silent when nothing is
# missing. Idempotent; needs root (or sudo) only when something must be
# installed. The build dependencies of Quiver itself come from
# scripts/install-deps.sh.
set -euo pipefail

packages=(
  doxygen     # API reference
  graphviz    # pictures of the article graph (dot → SVG, PNG)
  pandoc      # user guide (Markdown → HTML)
  chromium    # headless check of the HTML pages, screenshots
  man-db groff-base  # man -l build/docs/quiver.1
  python3     # the small generators in scripts/docs/ (standard library only)
  fonts-dejavu-core  # readable text in the rendered pictures and screenshots
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-docs-deps: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
