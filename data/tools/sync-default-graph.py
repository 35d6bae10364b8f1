#!/usr/bin/env python3
"""Regenerate the union block at the end of data/article.trig.

The default graph of data/article.trig holds, besides the descriptions of the
article and of its named graphs, a copy of every named graph's triples, so
that facts are reachable without GRAPH and property paths can cross
sentences. This script rewrites that copy (everything after the BEGIN marker)
from the named-graph blocks above it. With --check it changes nothing and
exits 1 if the copy is out of date.

Named-graph blocks must be written as `g:NAME {` on a line of their own and
closed by `}` at the start of a line; bodies use no blank nodes, so a textual
copy denotes exactly the same triples.
"""
import re
import sys
from pathlib import Path

MARKER = "# BEGIN GENERATED UNION"
HEADER = f"""{MARKER} (default graph = union of the named graphs above)
# Do not edit by hand: python3 data/tools/sync-default-graph.py
#################################################################
"""
BLOCK = re.compile(r"^(g:[A-Za-z0-9_-]+) \{\n(.*?)^\}\n", re.S | re.M)


def union_of(source: str) -> str:
    parts = [HEADER]
    for name, body in BLOCK.findall(source):
        lines = [l[4:] if l.startswith("    ") else l for l in body.splitlines()]
        parts.append(f"\n# ---- copy of {name} ----\n" + "\n".join(lines).strip("\n") + "\n")
    return "".join(parts)


def main() -> int:
    path = Path(__file__).resolve().parent.parent / "article.trig"
    text = path.read_text(encoding="utf-8")
    cut = text.find("#################################################################\n" + MARKER)
    hand = text if cut < 0 else text[:cut]
    wanted = hand + "#################################################################\n" + union_of(hand)
    if "--check" in sys.argv[1:]:
        if wanted != text:
            print(f"{path}: the generated union block is out of date; run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    if wanted != text:
        path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
