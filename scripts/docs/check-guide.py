#!/usr/bin/env python3
"""Runs every example of the user guide and compares its output.

    check-guide.py QUIVER_DIR GUIDE.md          fail if an example drifted
    check-guide.py QUIVER_DIR GUIDE.md --update rewrite the outputs in place

An example is a ```console block: each `$ command` line is run with bash
from the repository root (QUIVER_DIR first on PATH, stderr merged into
stdout), and the lines after it, up to the next `$ ` line or the end of the
block, are its expected output. Trailing spaces are ignored. ```sh blocks
are shown, not run (installing, pushing to a remote triplestore).
"""
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)


def run(command, path):
    env = dict(os.environ, PATH=path, LC_ALL="C.UTF-8", COLUMNS="100")
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    return [line.rstrip() for line in done.stdout.rstrip("\n").split("\n")] if done.stdout else []


def examples(block):
    """[(command, expected lines)] of one console block."""
    out = []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line.rstrip())
    return out


def main():
    quiver_dir, guide = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    update = "--update" in sys.argv[3:]
    path = quiver_dir + os.pathsep + os.environ.get("PATH", "")
    text = guide.read_text()
    failures = 0
    count = 0

    def check(match):
        nonlocal failures, count
        rebuilt = []
        for command, expected in examples(match.group(1)):
            count += 1
            actual = run(command, path)
            rebuilt += ["$ " + command] + actual
            if actual != expected and not update:
                failures += 1
                diff = difflib.unified_diff(expected, actual, "guide", "actual", lineterm="")
                print(f"check-guide: '{command}' drifted:\n" + "\n".join(diff), file=sys.stderr)
        return "```console\n" + "\n".join(rebuilt) + "\n```"

    new_text = BLOCK.sub(check, text)
    if update:
        guide.write_text(new_text)
        print(f"check-guide: updated {count} examples in {guide}")
        return
    if failures:
        sys.exit(f"check-guide: {failures} of {count} examples drifted "
                 f"(fix the guide, or run with --update and review the diff)")
    print(f"check-guide: all {count} examples in {guide} give the output shown")


if __name__ == "__main__":
    main()
