#!/usr/bin/python3
# check-cli-docs.py: the command line, its man page and its bash completion
# hold every command, option and exit status of the command table
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check --help, the man page and the bash completion against the command table.

    check-cli-docs.py --table TABLE-DUMPER --exe iap-workshop --version X.Y.Z \
        --man docs/iap-workshop.rst --roff iap-workshop.1 \
        --completion resources/iap-workshop.bash-completion

TABLE-DUMPER prints the table of app/cli/iap-cli-commands.c as JSON. A
command or option added to the table and not to the man page or the
completion fails here, and so does one left in them after it was removed.
Prints TAP.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"

def run(exe, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=60)


# --help, --version, each command's --help and usage errors

def check_help(exe, version, table):
    names = [c["name"] for c in table]

    main = run(exe, "--help")
    listed = re.findall(r"^  (\S+)\s", main.stdout.split("Commands:\n", 1)[-1].split("\n\n")[0], re.M)
    ok(main.returncode == 0 and main.stderr == "", "--help exits 0, nothing on stderr",
       f"status {main.returncode}, stderr {main.stderr!r}")
    ok(listed == names, "--help lists every command of the table, in order", f"{listed} != {names}")
    ok(all(f"  {s}  " in main.stdout for s in (0, 1, 2)), "--help gives the exit statuses", main.stdout)
    ok(run(exe, "-h").stdout == main.stdout, "-h is --help")
    ok(run(exe, "help").stdout == main.stdout, "help is --help")
    width = max(len(line) for line in main.stdout.splitlines())
    ok(width <= 79, "--help fits 79 columns", f"{width} columns")

    ver = run(exe, "--version")
    ok(ver.returncode == 0 and ver.stdout == f"iap-workshop {version}\n",
       "--version prints the version", f"status {ver.returncode}, {ver.stdout!r}")

    bad = run(exe, "--no-such-option")
    ok(bad.returncode == 2 and bad.stdout == "" and "--no-such-option" in bad.stderr,
       "an unknown option: status 2, the error on stderr",
       f"status {bad.returncode}, stdout {bad.stdout!r}, stderr {bad.stderr!r}")

    for command in table:
        name = command["name"]
        out = run(exe, name, "--help")
        text = out.stdout
        problems = []
        if out.returncode != 0 or out.stderr:
            problems.append(f"status {out.returncode}, stderr {out.stderr!r}")
        forms = command["synopsis"].split("\n")
        if not text.startswith(f"Usage: iap-workshop {name} {forms[0]}\n"):
            problems.append(f"does not start with its synopsis: {text.splitlines()[:1]}")
        for form in forms[1:]:
            if f"   or: iap-workshop {name} {form}\n" not in text:
                problems.append(f"lacks the form {form!r}")
        for option in command["options"] + [{"name": "help", "short": "h"}]:
            if f"--{option['name']}" not in text:
                problems.append(f"lacks --{option['name']}")
            if option.get("short") and f"-{option['short']}, --{option['name']}" not in text:
                problems.append(f"lacks -{option['short']}")
        statuses = [int(s) for s in re.findall(r"^  (\d)  ", text.split("Exit status:\n", 1)[-1], re.M)]
        if statuses != command["statuses"]:
            problems.append(f"exit statuses {statuses}, the table has {command['statuses']}")
        if max(len(line) for line in text.splitlines()) > 79 and "\n   or: " not in text:
            problems.append("wider than 79 columns")
        ok(not problems, f"{name} --help gives the synopsis, options and exit statuses",
           "\n".join(problems) + "\n" + text)
        ok(run(exe, name, "-h").stdout == text and run(exe, "help", name).stdout == text,
           f"{name} -h and help {name} are {name} --help")

        bad = run(exe, name, "--no-such-option")
        ok(bad.returncode == 2 and bad.stdout == "" and "--no-such-option" in bad.stderr
           and f"{name} --help" in bad.stderr,
           f"{name} --no-such-option: status 2, the error and where the help is on stderr",
           f"status {bad.returncode}, stdout {bad.stdout!r}, stderr {bad.stderr!r}")
        for option in command["options"]:
            if option["choices"]:
                bad = run(exe, name, f"--{option['name']}=no-such-value", "x.iapw")
                ok(bad.returncode == 2 and "no-such-value" in bad.stderr,
                   f"{name} --{option['name']} refuses a value that is not one of its choices",
                   f"status {bad.returncode}, stderr {bad.stderr!r}")
            elif option["arg"] is None:
                bad = run(exe, name, f"--{option['name']}=1")
                ok(bad.returncode == 2, f"{name} --{option['name']} takes no value",
                   f"status {bad.returncode}, stderr {bad.stderr!r}")


# The man page source (reStructuredText) and the roff built from it

def rst_sections(text, underline):
    """{title: body} of the sections whose title is underlined with underline."""
    lines = text.split("\n")
    heads = [i for i in range(len(lines) - 1)
             if lines[i].strip() and re.fullmatch(re.escape(underline) + "+", lines[i + 1])
             and len(lines[i + 1]) == len(lines[i])
             and (i == 0 or not re.fullmatch(r"[=\-]+", lines[i - 1]))]
    sections = {}
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        sections[lines[i]] = "\n".join(lines[i + 2:end])
    return sections


def check_man(man, roff, table):
    with open(man, encoding="utf-8") as f:
        text = f.read()
    top = rst_sections(text, "=")
    for section in ("SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES"):
        ok(section in top, f"the man page has a {section} section", sorted(top))
    options = top.get("OPTIONS", "")
    ok("--help" in options and "--version" in options and "--no-network" in options,
       "the man page's OPTIONS has --help, --version and --no-network")

    sections = rst_sections(top.get("COMMANDS", ""), "-")
    names = [c["name"] for c in table]
    ok(list(sections) == names, "the man page's COMMANDS has one subsection per command, in the table's order",
       f"man page: {list(sections)}\ntable:    {names}")

    all_statuses = set()
    for command in table:
        name = command["name"]
        body = sections.get(name)
        if not ok(body is not None, f"man page: {name} has a subsection"):
            continue
        problems = []
        if not re.search(rf"^\| \*\*iap-workshop {re.escape(name)}\*\*", body, re.M):
            problems.append("no synopsis line '| **iap-workshop NAME** ...'")
        known = {option["name"] for option in command["options"]} | {"help"}
        for option in command["options"]:
            if not re.search(rf"^--{re.escape(option['name'])}\b", body, re.M) and \
               not re.search(rf"^-\w [A-Z]+, --{re.escape(option['name'])}\b", body, re.M):
                problems.append(f"--{option['name']} is not described (a definition line starting with it)")
            if option["short"] and not re.search(rf"^-{option['short']}\b", body, re.M):
                problems.append(f"-{option['short']} is not given")
            for choice in option["choices"]:
                if f"**{choice}**" not in body:
                    problems.append(f"--{option['name']}: the choice {choice} is not named")
        mentioned = set(re.findall(r"(?<![\w-])--([a-z][a-z-]*)", body))
        for extra in sorted(mentioned - known):
            problems.append(f"mentions --{extra}, which {name} does not take")
        status_line = re.search(r"^Exit status:(.*?)(?:\n\n|\Z)", body, re.M | re.S)
        statuses = [int(s) for s in re.findall(r"\*\*(\d)\*\*", status_line.group(1))] if status_line else []
        if statuses != command["statuses"]:
            problems.append(f"exit statuses {statuses}, the table has {command['statuses']}")
        all_statuses.update(command["statuses"])
        ok(not problems, f"man page: {name} has its synopsis, options, choices and exit statuses",
           "\n".join(problems))

    listed = [int(s) for s in re.findall(r"^\*\*(\d)\*\*$", top.get("EXIT STATUS", ""), re.M)]
    ok(set(listed) == all_statuses, "the man page's EXIT STATUS lists every status a command has",
       f"{listed} vs {sorted(all_statuses)}")

    if roff:
        with open(roff, encoding="utf-8") as f:
            built = f.read()
        ok(built.startswith(".\\\"") or ".TH" in built, "the man page is built as roff")
        th = re.search(r'^\.TH "?IAP-WORKSHOP"? "?1"?', built, re.M)
        ok(th, "the roff is iap-workshop(1)", built[:400])
        for command in table:
            # rst2man writes a hyphen as \-
            ss = re.escape(command["name"]).replace("\\-", r"\\?-")
            ok(re.search(rf'^\.SS "?{ss}"?$', built, re.M),
               f"the roff has the subsection {command['name']}")
        if shutil.which("man"):
            shown = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", roff],
                                   env=dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING=""),
                                   capture_output=True, text=True)
            ok(shown.returncode == 0 and shown.stderr == "", "man renders the page with no warning",
               shown.stderr)


# The bash completion, asked as bash asks it

def shell_quote(word):
    return "'" + word.replace("'", "'\\''") + "'"


def complete(completion, folder, queries):
    """One bash runs every query; returns the COMPREPLY of each."""
    script = [f"source {BASH_COMPLETION}", f"source {completion}",
              "spec=$(complete -p iap-workshop) || exit 3",
              'func=${spec#*-F }; func=${func%% *}',
              f"cd {folder}"]
    for words in queries:
        quoted = " ".join(shell_quote(w) for w in words)
        # As bash has them: "--paper=a" is the three words --paper, = and a.
        line = " ".join(words).replace(" = ", "=").replace(" =", "=")
        script.append(f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
                      f"COMP_LINE={shell_quote(line)}; "
                      'COMP_POINT=${#COMP_LINE}; COMPREPLY=(); '
                      '"$func" iap-workshop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; '
                      "printf '%s\\037' \"${COMPREPLY[@]}\"; printf '\\n'")
    out = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(script)],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"bash exited with {out.returncode}: {out.stderr}")
    lines = out.stdout.split("\n")[:len(queries)]
    return [set(filter(None, line.split("\x1f"))) for line in lines]


FILES = ["a.iapw", "b.iapb", "c.csv", "notes.txt", "report.pdf", "chart.png"]


def files_for(extensions):
    if extensions is None:
        return set()
    wanted = extensions.split()
    return {f for f in FILES if not wanted or f.rsplit(".", 1)[1] in wanted} | {"folder"}


def check_completion(completion, table):
    ok(os.path.exists(BASH_COMPLETION), f"{BASH_COMPLETION} is there (package bash-completion)")
    if not os.path.exists(BASH_COMPLETION):
        return
    folder = tempfile.mkdtemp(prefix="iap-completion-")
    try:
        for name in FILES:
            open(os.path.join(folder, name), "w").close()
        os.mkdir(os.path.join(folder, "folder"))

        queries, checks = [], []

        def expect(words, what, test):
            queries.append(["iap-workshop", *words])
            checks.append((what, test))

        names = {c["name"] for c in table}
        expect([""], "iap-workshop <TAB> completes every command and the workshop files",
               lambda r: r == names | files_for("iapw"))
        expect(["-"], "iap-workshop -<TAB> completes --help, --version and --no-network",
               lambda r: r == {"--help", "--version", "--no-network"})
        for command in table:
            name = command["name"]
            options = {f"--{o['name']}" for o in command["options"]} | {"--help"}
            expect([name, "-"], f"{name} -<TAB> completes exactly its options",
                   lambda r, options=options: r == options)
            if name == "help":
                expect([name, ""], "help <TAB> completes the commands", lambda r: r == names)
            else:
                expected = files_for(command["extensions"])
                expect([name, ""], f"{name} <TAB> completes its FILEs "
                       f"({command['extensions'] or 'none' if command['extensions'] is not None else 'none'})",
                       lambda r, expected=expected: r == expected)
            for option in command["options"]:
                if option["arg"] is None:
                    continue
                spellings = [[f"--{option['name']}", ""], [f"--{option['name']}", "=", ""]]
                if option["short"]:
                    spellings.append([f"-{option['short']}", ""])
                for spelling in spellings:
                    shown = "".join(spelling[:-1]) if "=" in spelling else " ".join(spelling[:-1])
                    what = f"{name} {shown} <TAB>"
                    if option["choices"]:
                        expect([name, "x.iapw", *spelling], f"{what} completes its choices",
                               lambda r, c=set(option["choices"]): r == c)
                    elif option["complete"] == "file":
                        expect([name, "x.iapw", *spelling], f"{what} completes files",
                               lambda r: "folder" in r and r <= set(FILES) | {"folder"} and len(r) > 1)
                    elif option["complete"] == "directory":
                        expect([name, "x.iapw", *spelling], f"{what} completes folders only",
                               lambda r: r == {"folder"})
                    else:
                        expect([name, "x.iapw", *spelling], f"{what} completes no file",
                               lambda r: not r & (set(FILES) | {"folder"}))

        replies = complete(completion, folder, queries)
        for (what, test), reply, words in zip(checks, replies, queries):
            ok(test(reply), what, f"{' '.join(words)!r} gave {sorted(reply)}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", required=True)
    parser.add_argument("--exe", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--man", required=True)
    parser.add_argument("--roff")
    parser.add_argument("--completion", required=True)
    args = parser.parse_args()

    table = json.loads(subprocess.run([args.table], capture_output=True, text=True, check=True).stdout)
    ok(len(table) >= 5, f"the command table has {len(table)} commands")
    check_help(args.exe, args.version, table)
    check_man(args.man, args.roff, table)
    check_completion(args.completion, table)

    return plan()


if __name__ == "__main__":
    sys.exit(main())
