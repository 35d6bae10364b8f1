#!/usr/bin/env bash
# The main job's exports of the article graph load into Apache Jena
# (riot --validate, Debian's libapache-jena-java) without an error or a
# warning. Usage: jena_check.sh QUIVER SOURCE_DIR. Exit 77 (skipped) when
# Jena is not installed.
set -euo pipefail
quiver="$1"
root="$2"
if ! dpkg -s libapache-jena-java >/dev/null 2>&1 || ! command -v java >/dev/null; then
  echo "Apache Jena not installed (scripts/install-deps.sh installs it); skipping"
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$quiver" convert "$root/data/article.trig" --to nquads -o "$tmp/article.nq"
"$quiver" convert "$root/data/article.trig" --to trig -o "$tmp/article.trig"
"$quiver" convert "$root/data/article.trig" --graph default --to turtle -o "$tmp/article.ttl"
"$quiver" convert "$root/data/article.trig" --graph default --to ntriples -o "$tmp/article.nt"
"$quiver" convert "$root/ontology/quiver-article.ttl" --to turtle -o "$tmp/ontology.ttl"
out="$("$root/scripts/jena.sh" riotcmd.riot --validate --strict "$tmp"/article.* "$tmp/ontology.ttl" 2>&1)" || {
  echo "$out"; echo "riot failed"; exit 1; }
if [[ -n "$out" ]]; then
  echo "$out"
  echo "riot reported warnings"
  exit 1
fi
echo "riot --validate --strict: 5 exported files, no errors, no warnings"
