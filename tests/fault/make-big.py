#!/usr/bin/python3
# Writes a large workshop: the example with its risks repeated up to N
# risks, each rated by every participant in every round.
#
#   make-big.py EXAMPLE OUTPUT N
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys


def main(example, output, n):
    text = open(example, encoding="utf-8").read()
    risks = re.findall(r'    <risk id="(r\d+)".*?</risk>\n', text, re.S)
    blocks = re.findall(r'    <risk id="r\d+".*?</risk>\n', text, re.S)
    participants = sorted(set(re.findall(r'<participant id="([^"]+)"', text)))
    extra, ratings = [], []
    for i in range(len(risks) + 1, n + 1):
        block = blocks[i % len(blocks)]
        extra.append(re.sub(r'<risk id="r\d+"', f'<risk id="r{i}"', block, count=1))
        for k, p in enumerate(participants):
            ratings.append(f'      <rating participant="{p}" risk="r{i}" '
                           f'likelihood="{1 + (i + k) % 5}" impact="{1 + (i * 3 + k) % 5}"/>\n')
    text = text.replace("  </risks>\n", "".join(extra) + "  </risks>\n", 1)
    # The new ratings go at the end of the first round.
    text = re.sub(r'(<round id="[^"]+"[^>]*>\n(?:.*\n)*?)(    </round>\n)',
                  lambda m: m.group(1) + "".join(ratings) + m.group(2), text, count=1)
    with open(output, "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
