#!/usr/bin/python3
# test_privacy.py: no statistic of a pillar of one scorer reaches the room
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reveal a round where some pillars have a single scorer.

    /usr/bin/python3 test_privacy.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The example is opened with a privacy floor of 2 scorers and a revealed
round where four humanitarians and two political affairs officers score,
but the NGO partner, the security and the development pillars have one
scorer each; on the first risk the humanitarian and political medians
are apart. Alt+G opens the round on its reveal: the statistics of the
first risk name the humanitarian and political pillars' medians and say
that three pillars are withheld, never naming the NGO partner's, and the
presenter view (Alt+E), what the room sees, names no pillar at all.
"""

import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402
import test_round_keyboard as kb  # noqa: E402

NS = "https://iapworkshop.github.io/ns/workshop/1"
SINGLE = ["NGO partner", "Security", "Development"]


def q(tag):
    return "{%s}%s" % (NS, tag)


def write_workshop(example, path):
    ET.register_namespace("", NS)
    tree = ET.parse(example)
    root = tree.getroot()
    root.find(q("setup")).set("min-scorers", "2")
    rnd = root.find(q("rounds")).find(q("round"))
    ratings = rnd.findall(q("rating"))

    def rate(participant, risk, likelihood, impact):
        for r in rnd.findall(q("rating")):
            if r.get("participant") == participant and r.get("risk") == risk:
                r.set("likelihood", str(likelihood))
                r.set("impact", str(impact))
                return
        rnd.insert(len(rnd.findall(q("rating"))),
                   ET.Element(q("rating"), {"participant": participant, "risk": risk,
                                            "likelihood": str(likelihood), "impact": str(impact)}))

    for risk in ["r%d" % i for i in range(1, 13)]:
        rate("p9", risk, 4, 4)
        rate("p10", risk, 4, 4)
        rate("p2", risk, 3, 3)
    rate("p1", "r1", 2, 3)
    rate("p2", "r1", 2, 3)
    rate("p12", "r1", 1, 1)
    check(len(ratings) > 0, "the example has a revealed round")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def texts(app, root):
    return [app.read_text(n) or "" for n in app.find_all("label", root=root)]


def run(session, args, folder):
    path = os.path.join(folder, "pillars.iapw")
    write_workshop(args.example, path)
    app = session.launch([args.exe, path], env=kb.ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step", lambda: app.selected(sidebar) == ["Set-up"], 5)
    session.press("Down", "Down", "Down")
    iaptest.wait_for("the Risk matrix step", lambda: app.selected(sidebar) == ["Risk matrix"], 5)
    session.press("alt+g")
    window = kb.toplevel(app, "Scoring Round")
    chart = app.find("image", "Spread of the scores", root=window)
    shapes = chart.description or ""
    check("rings: pillars of too few scorers to be shown" in shapes and not [p for p in SINGLE if p in shapes],
          f"the dot plot tells a pillar of one scorer by its shape: {shapes!r}")
    kb.ok(f"the dot plot draws the pillars of one scorer as rings: {shapes[-160:]!r}")
    session.press("alt+t")  # De_tails: the statistics behind the result
    stats = kb.label_like(app, "Median likelihood", window)
    text = app.read_text(stats)
    check("Humanitarian: 4 × 4 (4)" in text and "Political: 2 × 3 (2)" in text,
          f"the pillars of two scorers or more are not shown: {text!r}")
    check("3 pillars with fewer than 2 scorers: withheld" in text, f"the withheld pillars are not counted: {text!r}")
    leaks = [p for p in SINGLE if p in text]
    check(not leaks, f"the reveal names a pillar of one scorer: {leaks} in {text!r}")
    verdict = text.splitlines()[1] if len(text.splitlines()) > 1 else ""
    check(verdict in ("No consensus, polarized", "Polarized"), f"risk 1 is not polarized: {verdict!r}")
    kb.ok(f"the reveal gives the medians of the pillars of 2 or more, withholds 3: {verdict!r}")
    kb.ok(f"screenshot {session.screenshot('privacy-reveal')}")

    session.press("alt+e")
    presenter = kb.toplevel(app, "Presenter View")
    iaptest.wait_for("the presenter's verdict",
                     lambda: any("polarized" in t.lower() for t in texts(app, presenter)) or None, 5)
    shown = " ".join(texts(app, presenter))
    leaks = [p for p in SINGLE + ["Humanitarian", "Political"] if p in shown]
    check(not leaks, f"the presenter view names a pillar: {leaks} in {shown!r}")
    kb.ok(f"the presenter view shows the verdict and names no pillar: {shown[:80]!r}")
    kb.ok(f"screenshot {session.screenshot('privacy-presenter')}")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "privacy",
                        "no pillar of one scorer in the reveal or on the presenter view",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
