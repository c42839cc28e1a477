# test_round_factors.py: a round on the triple-hatting factors, keyboard only
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score the triple-hatting factors for each option in a round of paper ballots.

    /usr/bin/python3 test_round_factors.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

A workshop with three participants, no risks and two options under study
(double-hatted, triple-hatted) is opened. With key presses only: the
scoring round, Alt+F to add the factors, Alt+B for paper ballots; each
ballot is a box per factor and option, typed in with Tab between boxes
(the round window is first closed and opened again: the round keeps
what it scores),
one box left empty. The reveal must give each factor's median score for
each option with the number of scores, and the saved file the factor
ratings as typed, without the empty box. Last, the presenter view shows
the table, six factors a page, Page Down to the next, every word in full
and at the room font of its height.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402
import test_layout as layout  # noqa: E402
import test_round_keyboard as kb  # noqa: E402

OPTIONS = ["double-hatted", "triple-hatted"]
N_FACTORS = 12  # the default catalog's six benefits and six risks
N_PARTICIPANTS = 3


def value(p, f, o):
    """Participant p's score of factor f for option o; None leaves the box empty."""
    if (p, f, o) == (2, 0, 1):
        return None
    return (p + f + 3 * o) % 5


def write_workshop(example, path):
    scales = re.search(r"  <scales.*?</scales>\n", open(example, encoding="utf-8").read(), re.S)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<workshop xmlns="https://iapworkshop.github.io/ns/workshop/1" version="1.0">',
           '  <setup classification="internal" unct="yes" mission="yes">',
           "    <title>Factors</title>", "  </setup>", "  <context>"]
    out += [f'    <option ref="{o}"/>' for o in OPTIONS]
    out += ["  </context>", scales.group(0).rstrip("\n"), "  <participants>"]
    for p in range(N_PARTICIPANTS):
        out += [f'    <participant id="p{p + 1}" pillar="{kb.PILLARS[p]}">',
                f"      <name>Participant {p + 1}</name>", "    </participant>"]
    out.append("  </participants>\n</workshop>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def run(session, args, folder):
    path = os.path.join(folder, "factors.iapw")
    write_workshop(args.example, path)
    report = layout.Report(os.path.join(folder, "layout.txt"))
    app = session.launch([args.exe, path], env=dict(kb.ENV, IAP_WORKSHOP_LAYOUT_REPORT=report.path))
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step", lambda: app.selected(sidebar) == ["Set-up"], 5)
    kb.to_risk_matrix(session, app, sidebar)
    session.press("alt+g")
    window = kb.toplevel(app, "Scoring Round")
    box = app.find("check box", "Also score the triple-hatting factors for each structural option under study",
                   root=window)
    session.press("alt+f")
    iaptest.wait_for("Alt+F to tick the factors",
                     lambda: box.getState().contains(iaptest.pyatspi.STATE_CHECKED), 5)
    session.press("alt+b")
    progress = kb.label_like(app, f"0 of {N_PARTICIPANTS} have scored", window)
    kb.ok("Alt+F ticks the factors, Alt+B starts the round")

    # Closed before anyone scores and opened again, the round still covers
    # the factors: the round keeps what it scores
    session.press("Escape")
    iaptest.wait_for("the round window to close",
                     lambda: not any(n is not None and n.name == "Scoring Round" for n in app.root) or None, 5)
    session.press("alt+g")
    window = kb.toplevel(app, "Scoring Round")
    progress = kb.label_like(app, f"0 of {N_PARTICIPANTS} have scored", window)
    kb.label_like(app, "factors only", window)
    kb.ok("closed and opened again with Alt+G, the round is still on the factors alone")

    # Each paper ballot is typed in after its code, computed here from the
    # saved file as docs/file-format.md describes it
    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved with the round's secret",
                     lambda: 'secret="' in open(path, encoding="utf-8").read(), 10)
    codes = {f"p{p + 1}": kb.ballot_code(path, f"p{p + 1}") for p in range(N_PARTICIPANTS)}

    for p in range(N_PARTICIPANTS):
        session.press("alt+s")
        kb.label_like(app, f"Participant {p + 1}: paper ballot", window)
        kb.type_code(session, app, window, p, codes)
        iaptest.wait_for("the first box to have the focus",
                         lambda: getattr(kb.focused(app, window), "name", "").startswith("Preferential access, for Double-hatted"), 5)
        boxes = app.find_all("spin button", root=window)
        check(len(boxes) == N_FACTORS * len(OPTIONS), f"{len(boxes)} boxes, expected {N_FACTORS * len(OPTIONS)}")
        for f in range(N_FACTORS):
            for o in range(len(OPTIONS)):
                v = value(p, f, o)
                if v is not None:
                    session.type_text(str(v))
                session.press("Tab")
        if p == 0:
            kb.ok(f"screenshot {session.screenshot('round-factors-ballot')}")
        session.press("alt+d")
        kb.wait_text(app, progress, f"{p + 1} of {N_PARTICIPANTS} have scored.")
    session.press("alt+r")

    kb.label_like(app, "Triple-hatting factors, median score", window)
    # A table: a heading row (Factor, then the options), then a row per
    # factor: its name, then its median and count for each option
    options = ["Double-hatted DSRSG/RC", "Triple-hatted DSRSG/RC/HC"]
    grid = iaptest.wait_for("the table of the factors' medians", lambda: next(
        (n for n in app.find_all(None, "Median scores of the triple-hatting factors", root=window)), None), 5)
    cells = [app.read_text(n) for n in app.find_all("label", root=grid)]
    width = len(options) + 1
    check(cells[:width] == ["Factor"] + options, f"the table's heading row is {cells[:width]}")
    rows = [cells[i:i + width] for i in range(width, len(cells), width)]
    check(len(rows) == N_FACTORS, f"{len(rows)} factor rows: {cells!r}")
    for f, row in enumerate(rows):
        for o, label in enumerate(options):
            scores = sorted(v for v in (value(p, f, o) for p in range(N_PARTICIPANTS)) if v is not None)
            median = scores[(len(scores) + 1) // 2 - 1]  # the lower middle score
            # Below the privacy floor (3 scorers by default) only the count is shown.
            shown = f"{median} ({len(scores)})" if len(scores) >= 3 else f"withheld ({len(scores)})"
            check(row[o + 1] == shown, f"factor {f + 1}, {label}: {row!r}")
    kb.ok(f"the reveal gives each factor's median per option in a table, withheld for 2 scores: {rows[0]!r}")
    kb.label_like(app, "Round 1, paper ballots, factors only: revealed", window)
    # GTK 4.8 leaves hidden widgets out of the tree (and sets SHOWING on none)
    buttons = [n.name for n in app.find_all("push button", root=window)]
    check("Record Dissent" in buttons, f"no Record Dissent among {buttons}")
    shown = [b for b in ("Previous Risk", "Next Risk", "Set Agreed Rating") if b in buttons]
    check(not shown, f"a round without risks still shows {shown}")
    kb.ok("a round on the factors alone says so, and shows no risk to pick or agree")
    kb.ok(f"screenshot {session.screenshot('round-factors-reveal')}")

    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved", lambda: "factor-rating" in open(path, encoding="utf-8").read(), 10)
    root = ET.parse(path).getroot()
    saved = {(r.get("participant"), r.get("factor"), r.get("option")): int(r.get("value"))
             for r in root.iter(f"{kb.NS}factor-rating")}
    check(len(saved) == N_PARTICIPANTS * N_FACTORS * len(OPTIONS) - 1, f"{len(saved)} factor ratings saved")
    p3_triple = [k for k in saved if k[0] == "p3" and k[2] == "triple-hatted"]
    check(len(p3_triple) == N_FACTORS - 1, f"participant 3's empty box was saved: {p3_triple}")
    zeros = [k for k, v in saved.items() if v == 0]
    check(zeros, "no 0 (Not at all) was saved, yet some were typed")
    kb.ok(f"saved: {len(saved)} factor ratings, the empty box left out, {len(zeros)} scores of 0 kept")

    # Last, as the projector's window then has the keyboard: the table, a
    # page at a time, Page Down to the next, every word in full and at the
    # room font of its height (the layout report)
    session.press("alt+e")
    presenter = kb.toplevel(app, "Presenter View")
    kb.label_like(app, "Triple-hatting factors", presenter)
    kb.label_like(app, "median score for each option", presenter)
    pages = []
    for page in range(2):
        kb.label_like(app, f"Page {page + 1} of 2 · Page Down: next page", presenter)
        table = iaptest.wait_for("the presenter's table", lambda: next(
            (n for n in app.find_all(None, "Median scores of the triple-hatting factors", root=presenter)), None), 5)
        cells = [app.read_text(n) for n in app.find_all("label", root=table)]
        check(cells[:width] == ["Factor"] + options, f"page {page + 1}'s heading row is {cells[:width]}")
        pages += [cells[i:i + width] for i in range(width, len(cells), width)]
        layout.check_screen(session, app, report, presenter, f"round-factors-presenter-{page + 1}")
        session.press("Page_Down")
    check(pages == rows, f"the projector's two pages show {pages!r}, not {rows!r}")
    kb.ok("Alt+E puts the factors' medians on the presenter view")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "round-factors",
                        "the triple-hatting factors scored per option in a round, keyboard only",
                        [("--example", {"required": True, "help": "the example workshop, for its scales"})])


if __name__ == "__main__":
    sys.exit(main())
