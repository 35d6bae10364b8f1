#!/usr/bin/env python3
"""Checks that the man page renders and holds every option of every command.

    check-man.py QUIVER MANPAGE

Renders MANPAGE with `man -l` and, for each command listed by `quiver
--help`, looks for every option `quiver CMD --help` prints inside that
command's section of the rendered page. Exits 1 naming what is missing.
"""
import os
import re
import subprocess
import sys


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def option_names(help_text):
    names = set()
    for line in help_text.splitlines():
        if re.match(r"^  -", line):
            spec = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
            names.update(re.findall(r"--?[A-Za-z][\w-]*", spec))
    return names


def main():
    quiver, page = sys.argv[1], sys.argv[2]
    env = dict(os.environ, MANWIDTH="120", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    rendered = run("man", "-l", page, env=env)
    rendered = re.sub(r".\x08", "", rendered)  # overstrike bold/underline, if any
    # groff may print hyphens as U+2010 or U+2212; compare ASCII.
    rendered = rendered.replace("\u2010", "-").replace("\u2212", "-")
    if "COMMANDS" not in rendered:
        sys.exit(f"check-man: {page} did not render")
    commands = [line.split()[0] for line in run(quiver, "--help").split("Commands:\n")[1]
                .split("\n\n")[0].splitlines()]
    missing = []
    top = rendered.split("COMMANDS")[0]
    for name in option_names(run(quiver, "--help")):
        if not re.search(re.escape(name) + r"\b", top):
            missing.append(f"quiver {name}")
    for command in commands:
        if command == "help":
            continue
        start = rendered.find(f"quiver {command}\n")
        if start < 0:
            missing.append(f"section 'quiver {command}'")
            continue
        end = min([i for i in (rendered.find("\n   quiver ", start + 1),
                               rendered.find("\nEXIT STATUS", start)) if i > 0] or [len(rendered)])
        body = rendered[start:end]
        for name in sorted(option_names(run(quiver, command, "--help"))):
            if not re.search(re.escape(name) + r"(?![\w-])", body):
                missing.append(f"quiver {command} {name}")
    if missing:
        sys.exit("check-man: not in the man page: " + ", ".join(missing))
    print(f"check-man: {page} renders and documents every option of "
          f"{', '.join(c for c in commands if c != 'help')}")


if __name__ == "__main__":
    main()
