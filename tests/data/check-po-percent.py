#!/usr/bin/python3
# check-po-percent.py: percentages written as each language writes them
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every translation of a message with a percentage ("%d%%",
"%u%%") writes it as docs/languages.md says the language does:

    fr, es, ru   42 %   the number, a NO-BREAK SPACE (U+00A0), the sign
    ar           42٪    Western digits, then ARABIC PERCENT SIGN (U+066A)
    zh_CN        42%    no space

    check-po-percent.py PODIR LANG...

Prints TAP: one line per language, the offending messages as comments.
"""

import os
import re
import sys

RULES = {
    "fr": "%{}\u00a0%%",
    "es": "%{}\u00a0%%",
    "ru": "%{}\u00a0%%",
    "ar": "%{}\u066a",
    "zh_CN": "%{}%%",
}
PERCENT = re.compile(r"%[du]%%")


def unquote(line):
    body = line[line.index('"') + 1:line.rindex('"')]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def entries(path):
    """(msgid, [msgstr...]) of each message, plural forms included."""
    msgid, msgstrs, field = None, [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith(("msgctxt ", "msgid ")) and field == "str":
                yield msgid, msgstrs
                msgid, msgstrs, field = None, [], None
            if line.startswith("msgid "):
                msgid, field = unquote(line), "id"
            elif line.startswith(("msgid_plural ", "msgctxt ")):
                field = "other"
            elif line.startswith("msgstr"):
                msgstrs.append(unquote(line))
                field = "str"
            elif line.startswith('"'):
                if field == "id":
                    msgid += unquote(line)
                elif field == "str":
                    msgstrs[-1] += unquote(line)
    if msgid is not None:
        yield msgid, msgstrs


def main():
    podir, languages = sys.argv[1], sys.argv[2:]
    failed = 0
    for n, lang in enumerate(languages, 1):
        bad, seen = [], 0
        for msgid, msgstrs in entries(os.path.join(podir, lang + ".po")):
            wanted = PERCENT.findall(msgid)
            if not wanted:
                continue
            for msgstr in msgstrs:
                if not msgstr:
                    continue
                seen += 1
                expected = [RULES[lang].format(w[1]) for w in wanted]
                written = msgstr
                for e in expected:
                    written = written.replace(e, "", 1)
                if written.count("%%") + written.count("\u066a") > 0 or \
                        sum(msgstr.count(e) for e in set(expected)) < len(expected):
                    bad.append(msgstr)
        good = seen > 0 and not bad
        failed += not good
        print(f"{'ok' if good else 'not ok'} {n} - {lang}: {seen} percentages written as "
              f"{RULES[lang].format('d')!r}")
        for b in bad:
            print(f"#   {b!r}")
    print(f"1..{len(languages)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
