# test_round_keyboard.py: a full round for 12 participants and 20 risks, keyboard only
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a round of paper ballots for 12 participants and 20 risks, keyboard only.

    /usr/bin/python3 test_round_keyboard.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

A workshop of 12 participants (two per pillar, and a privacy floor of 2
scorers so that pillars are compared) and 20 risks is written with the
scales of the example and opened. From there on the test only
presses keys: Down to the Risk matrix step, Alt+G for the scoring round,
Alt+B for a round of paper ballots on every risk, Alt+B again to send
the ballots (their codes are read from the spreadsheets), then for each
participant Alt+S, their ballot code (participant 2's, on participant
1's ballot, is refused first; participant 2's own is typed in lower case
with spaces), the 40 levels of their ballot typed in with Tab between
boxes, and Alt+D for the next ballot. Risks 1 to 10 are scored
close together (consensus), risks 11 to 20 far apart, with the political
and humanitarian pillars at opposite ends (no consensus, polarized).

Alt+R reveals. The round's overview must name the ten risks with
consensus and the ten without; Alt+X steps through every risk and each
one's statistics must give its 12 scores, median and verdict. Alt+A sets
risk 1's agreed rating at the median; on risk 12 another rating is
picked with Alt+L and the arrows. Two dissents are recorded on risk 12,
one by name, one by pillar only; the overview must say who dissents.
Ctrl+S saves and the file is read back: 240 ratings, the agreed
ratings, both dissents and their attributions.

The only accessibility calls are reads; nothing is clicked or activated.
"""

import hashlib
import hmac
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
NS = "{https://iapworkshop.github.io/ns/workshop/1}"
PILLARS = ["political", "security", "development", "humanitarian", "human-rights", "ngo"]
ARRANGEMENTS = ["co-location", "military-escorts", "mission-assets", "triple-hatting",
                "joint-communication", "un-logo", "integrated-office", "security-management",
                "joint-analysis", "double-hatting"]
AREAS = ["perception", "staff-security", "access", "advocacy", "ngo-relations"]
N_PARTICIPANTS, N_RISKS = 12, 20


def ok(message):
    print("ok -", message, flush=True)


def title(r):
    return f"Risk {r + 1:02d}"


def levels(p, r):
    """The ballot of participant p (0-based) for risk r (0-based)."""
    if r < 10:  # close together: consensus
        return (4 if p % 4 == 0 else 3, 5 if p % 3 == 0 else 4)
    # far apart; political (p % 6 == 0) low, humanitarian (p % 6 == 3) high
    return (1 + p % 5, 5 - p % 5)


def write_workshop(example, path):
    scales = re.search(r"  <scales.*?</scales>\n", open(example, encoding="utf-8").read(), re.S)
    check(scales, f"no <scales> in {example}")
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<workshop xmlns="https://iapworkshop.github.io/ns/workshop/1" version="1.2">',
           '  <setup classification="internal" min-scorers="2" unct="yes" mission="yes">',
           "    <title>Twelve participants, twenty risks</title>",
           "  </setup>", scales.group(0).rstrip("\n"), "  <participants>"]
    for p in range(N_PARTICIPANTS):
        out += [f'    <participant id="p{p + 1}" pillar="{PILLARS[p % 6]}">',
                f"      <name>Participant {p + 1}</name>", "    </participant>"]
    out.append("  </participants>\n  <risks>")
    for r in range(N_RISKS):
        out += [f'    <risk id="r{r + 1}" arrangement="{ARRANGEMENTS[r % 10]}" area="{AREAS[r % 5]}">',
                f"      <title>{title(r)}</title>", "    </risk>"]
    out.append("  </risks>\n</workshop>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def toplevel(app, name):
    return iaptest.wait_for(f"the window {name!r}",
                            lambda: next((n for n in app.root if n is not None and n.name == name), None))


def label_like(app, words, root, timeout=10):
    """The label whose text contains words."""
    def find():
        return next((n for n in app.find_all("label", root=root) if words in app.read_text(n)), None)
    return iaptest.wait_for(f"a label saying {words!r}", find, timeout)


def wait_text(app, node, words, timeout=10):
    return iaptest.wait_for(f"{words!r} in {app.read_text(node)!r}",
                            lambda: words in app.read_text(node) and app.read_text(node), timeout)


def focused(app, root):
    """The accessible name of the focused node under root (a read)."""
    def walk(node):
        for child in node:
            if child is None:
                continue
            if child.getState().contains(iaptest.pyatspi.STATE_FOCUSED):
                return child
            found = walk(child)
            if found is not None:
                return found
        return None
    return walk(root)


def pick(session, app, position, key="space"):
    """Open a drop-down with key (space on the focused one, or the
    mnemonic of its label) and choose the item at position. The open list
    starts on the item it was left on last time: Home goes to the first."""
    session.press(key)
    iaptest.wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    session.press("Home")
    for _ in range(position):
        session.press("Down")
    session.press("Return")
    time.sleep(0.2)


def to_risk_matrix(session, app, sidebar):
    """Down from Set-up until the Risk matrix step is selected (the
    Integration step comes before it)."""
    for _ in range(6):
        if app.selected(sidebar) == ["Risk matrix"]:
            break
        session.press("Down")
        time.sleep(0.3)
    iaptest.wait_for("Down to reach the Risk matrix step",
                     lambda: app.selected(sidebar) == ["Risk matrix"], 5)


def open_round(session, app, frame):
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step to be selected", lambda: app.selected(sidebar) == ["Set-up"], 5)
    to_risk_matrix(session, app, sidebar)
    app.find("label", title(0), root=frame)
    session.press("alt+g")
    window = toplevel(app, "Scoring Round")
    risks = app.find("list", "Risks to score in this round", root=window)
    boxes = iaptest.wait_for("the 20 risks to choose from",
                             lambda: len(app.find_all("check box", root=risks)) == N_RISKS
                             and app.find_all("check box", root=risks))
    ticked = [b.name for b in boxes if b.getState().contains(iaptest.pyatspi.STATE_CHECKED)]
    check(len(ticked) == N_RISKS, f"every risk should start ticked: {ticked}")
    ok("Down to the Risk matrix step and Alt+G open the scoring round on the 20 risks")
    session.press("alt+b")
    label_like(app, f"0 of {N_PARTICIPANTS} have scored", window)
    ok("Alt+B starts a round of paper ballots")
    return window


def ballot_code(path, participant):
    """The ballot code of participant in the open round of the workshop
    saved at path, computed as docs/file-format.md says: a check that the
    window asks for the documented code."""
    root = ET.parse(path).getroot()
    workshop = root.find(f"{NS}setup").get("id")
    rnd = [r for r in root.iter(f"{NS}round") if r.get("state") == "open"][-1]
    message = "\x1f".join(["iap-ballot", workshop, rnd.get("id"), participant]).encode()
    digest = hmac.new(rnd.get("secret").encode(), message, hashlib.sha256).digest()
    bits = int.from_bytes(digest[:10], "big")
    digits = "".join("0123456789ABCDEFGHJKMNPQRSTVWXYZ"[(bits >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


def send_ballots(session, app, window, folder):
    """Send Ballots… (Alt+B again) writes the ballots with their codes;
    the codes are read from the spreadsheets, as from the paper."""
    session.press("alt+b")
    toplevel(app, "Send Ballots")
    session.press("alt+f")
    session.press("ctrl+a")
    session.type_text(folder)
    session.press("alt+w")
    label_like(app, f"{N_PARTICIPANTS} ballots written in", window)
    codes = {}
    for path in os.listdir(folder):
        if path.endswith(".csv"):
            with open(os.path.join(folder, path), encoding="utf-8-sig") as f:
                first = f.readline().strip().replace(";", ",").split(",")
            codes[first[3]] = first[4]
    check(len(codes) == N_PARTICIPANTS, f"{len(codes)} codes in {folder}")
    ok(f"Alt+B, Alt+F, Alt+W send the {N_PARTICIPANTS} ballots, each with its code")
    return codes


def type_code(session, app, window, p, codes):
    """The ballot code comes first: another participant's is refused and
    leaves the boxes shut; the right one opens them."""
    iaptest.wait_for("the ballot code to have the focus",
                     lambda: getattr(focused(app, window), "name", None) == "Ballot code", 5)
    if p == 0:
        session.type_text(codes["p2"])
        label_like(app, "This code is not this participant’s", window)
        session.press("Tab")
        time.sleep(0.2)
        node = focused(app, window)
        check(node is None or node.getRoleName() != "spin button",
              f"Tab reaches a box under another participant's code: {getattr(node, 'name', None)!r}")
        session.press("shift+Tab")
        iaptest.wait_for("the ballot code to have the focus again",
                         lambda: getattr(focused(app, window), "name", None) == "Ballot code", 5)
        ok("participant 2's code on participant 1's ballot is refused; Tab cannot reach the boxes")
        session.press("ctrl+a")
    session.type_text(codes[f"p{p + 1}"].lower().replace("-", " ") if p == 1 else codes[f"p{p + 1}"])


def type_ballots(session, app, window, codes):
    progress = label_like(app, "have scored", window)
    for p in range(N_PARTICIPANTS):
        session.press("alt+s")
        heading = label_like(app, f"Participant {p + 1}: paper ballot", window)
        type_code(session, app, window, p, codes)
        iaptest.wait_for(f"the first box of {app.read_text(heading)!r} to have the focus",
                         lambda: getattr(focused(app, window), "name", None)
                         == f"Likelihood of “{title(0)}”", 5)
        if p == 0:
            boxes = [n.name for n in app.find_all("spin button", root=window)]
            check(len(boxes) == 2 * N_RISKS, f"{len(boxes)} boxes on the ballot, expected {2 * N_RISKS}")
            check(boxes[:2] == [f"Likelihood of “{title(0)}”", f"Impact of “{title(0)}”"], boxes[:2])
        for r in range(N_RISKS):
            likelihood, impact = levels(p, r)
            session.type_text(str(likelihood))
            session.press("Tab")
            session.type_text(str(impact))
            session.press("Tab")
        if p == 0:
            ok(f"screenshot {session.screenshot('round-keyboard-ballot')}")
        session.press("alt+d")
        wait_text(app, progress, f"{p + 1} of {N_PARTICIPANTS} have scored.")
        leaks = [n.name for n in app.find_all("spin button", root=window)]
        check(not leaks, f"the last ballot is still on screen: {leaks[:4]}")
    ok(f"12 ballots of 20 risks typed in: {app.read_text(progress).splitlines()[0]!r}")


def check_overview(app, window):
    overview = label_like(app, "Consensus on", window)
    text = app.read_text(overview)
    check(f"Consensus on 10 of {N_RISKS} risks:" in text, text)
    agree_line, split_line = text.splitlines()[0], text.splitlines()[1]
    for r in range(N_RISKS):
        line = agree_line if r < 10 else split_line
        check(title(r) in line, f"{title(r)} is not where expected in {text!r}")
    check("(No consensus, polarized)" in split_line, f"the polarized risks are not flagged: {split_line!r}")
    ok(f"the overview: {agree_line[:60]!r}…, {split_line[:60]!r}…")
    return overview


# The one sentence of result: consensus risks have their 12 scores within
# one level of the median 3 × 4; the polarized ones (median 2 × 3) only
# those at likelihood 2 or 3 (impact is 6 - likelihood): 5 of 12.
SENTENCES = ("Consensus: 12 of 12 scores within one level of Possible × Major.",
             "No consensus, polarized: 5 of 12 scores within one level of Unlikely × Moderate, "
             "but the medians of two pillars are two levels or more apart.")
# The dot plot's text alternative: the scores at each level
COUNTS = (("Likelihood, scores per level: 1 Rare: 0; 2 Unlikely: 0; 3 Possible: 9; 4 Likely: 3;",
           "Impact, scores per level: 1 Negligible: 0; 2 Minor: 0; 3 Moderate: 0; 4 Major: 8; 5 Severe: 4."),
          ("Likelihood, scores per level: 1 Rare: 3; 2 Unlikely: 3; 3 Possible: 2; 4 Likely: 2;",))
def check_dot_plot(session, chart):
    """The plot is drawn: dark ink for its dots, the pale blue of the
    median's column (#dde6f3, within 6 levels)."""
    def drawn():
        ext = chart.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS)
        p = subprocess.run(["/usr/bin/import", "-window", "root", "-depth", "8", "-crop",
                            f"{ext.width - 8}x{ext.height - 8}+{ext.x + 4}+{ext.y + 4}", "rgb:-"],
                           env=session.env, check=True, stdout=subprocess.PIPE).stdout
        px = [p[i:i + 3] for i in range(0, len(p), 3)]
        ink = sum(1 for c in px if max(c) < 0x40)
        median = sum(1 for c in px if abs(c[0] - 0xdd) <= 6 and abs(c[1] - 0xe6) <= 6 and abs(c[2] - 0xf3) <= 6)
        return (ink, median) if ink > 200 and median > 200 else None
    return iaptest.wait_for("the dot plot to be drawn", drawn, 5)


def check_every_risk(session, app, window):
    session.press("alt+t")  # De_tails: the statistics behind the result
    stats = label_like(app, "Median likelihood", window)
    result = label_like(app, "scores within one level of", window)
    for r in range(N_RISKS):
        if r > 0:
            session.press("alt+x")
        text = wait_text(app, stats, f"Risk {r + 1} of {N_RISKS}: “{title(r)}”", 5)
        sentence = app.read_text(result)
        check(sentence == SENTENCES[r >= 10], f"{title(r)}'s result reads {sentence!r}")
        chart = app.find("image", "Spread of the scores", root=window)
        missing = [c for c in COUNTS[r >= 10] if c not in (chart.description or "")]
        check(not missing, f"{title(r)}'s dot plot: {missing} missing from {chart.description!r}")
        if r in (0, 10):
            ink, median = check_dot_plot(session, chart)
            ok(f"{title(r)}: {sentence!r}; the dot plot is drawn ({ink} px of ink, {median} px of the median's column)")
            ok(f"screenshot {session.screenshot(f'round-keyboard-dot-plot-{r + 1}')}")
        verdict = text.splitlines()[1]
        if r < 10:
            expected = ["Consensus", "Median likelihood: 3 Possible", "Median impact: 4 Major"]
        else:
            expected = ["No consensus, polarized", "Median likelihood: 2 Unlikely"]
        missing = [e for e in expected if e not in text]
        check(verdict.startswith(expected[0]) and "12 scores" in text and not missing,
              f"{title(r)}: {missing} missing from {text!r}")
        chart = app.find("image", "Spread of the scores", root=window)
        check("12 scores" in (chart.description or ""), chart.description)
    session.press("alt+x")  # round the end, back to the first risk
    wait_text(app, stats, f"Risk 1 of {N_RISKS}: “{title(0)}”", 5)
    ok("Alt+X steps through the 20 risks: 10 with consensus, 10 without and polarized")
    return stats


def go_to(session, app, stats, r):
    """Alt+X until risk r shows; a button ignores a second activation while
    it is still pressed in from the first, so each one is waited for."""
    current = int(re.match(r"Risk (\d+) of", app.read_text(stats)).group(1)) - 1
    while current != r:
        current = (current + 1) % N_RISKS
        session.press("alt+x")
        wait_text(app, stats, f"Risk {current + 1} of {N_RISKS}:", 5)


def agree(session, app, window, stats):
    agreed = label_like(app, "No agreed rating yet", window)
    session.press("alt+a")
    wait_text(app, agreed, "An agreed rating is set.")
    ok(f"Alt+A sets risk 1's agreed rating at the median: {app.read_text(agreed)!r}")
    go_to(session, app, stats, 11)
    wait_text(app, agreed, "No agreed rating yet")
    pick(session, app, 4, "alt+l")  # "Not agreed", then the levels: 4 Likely
    session.press("alt+a")
    wait_text(app, agreed, "An agreed rating is set. The median is likelihood 2 Unlikely")
    ok("on risk 12, Alt+L and the arrows pick another likelihood; Alt+A sets it")


def dissent(session, app, window, who, by_pillar, text):
    pick(session, app, who, "alt+f")
    session.press("Tab")
    pick(session, app, 1 if by_pillar else 0)
    session.press("Tab", "Tab")
    session.type_text(text)
    session.press("Return")


def record_dissent(session, app, window, overview):
    dissents = label_like(app, "Dissent on this risk", window)
    # Each picker is read by one name, not its own and then its mnemonic label's
    names = [n.name for n in app.find_all("combo box", root=window)]
    check("Who dissents" in names and "Attribute the dissent" in names, f"the dissent pickers read as {names}")
    dissent(session, app, window, 3, False, "The escorts are the only way in")
    wait_text(app, dissents, "Participant 4: The escorts are the only way in")
    dissent(session, app, window, 9, True, "Acceptance is already lost")
    wait_text(app, dissents, "A participant of the Humanitarian pillar: Acceptance is already lost")
    text = wait_text(app, overview, "Participant 4 on “Risk 12”")
    check(f"A participant of the Humanitarian pillar on “{title(11)}”" in text, text)
    ok(f"two dissents on risk 12, by name and by pillar: {text.splitlines()[-1]!r}")
    ok(f"screenshot {session.screenshot('round-keyboard-reveal')}")


def check_file(path):
    root = ET.parse(path).getroot()
    ratings = root.findall(f".//{NS}round/{NS}rating")
    check(len(ratings) == N_PARTICIPANTS * N_RISKS, f"{len(ratings)} ratings saved")
    seen = {(r.get("participant"), r.get("risk")): (int(r.get("likelihood")), int(r.get("impact")))
            for r in ratings}
    wrong = [(k, v) for k, v in seen.items()
             if v != levels(int(k[0][1:]) - 1, int(k[1][1:]) - 1)]
    check(not wrong, f"ratings saved with other levels than typed: {wrong[:5]}")
    risks = {r.get("id"): r for r in root.iter(f"{NS}risk")}
    first = risks["r1"].find(f"{NS}inherent")
    check(first is not None and (first.get("likelihood"), first.get("impact")) == ("3", "4"),
          f"risk 1's agreed rating: {first.attrib if first is not None else None}")
    twelfth = risks["r12"].find(f"{NS}inherent")
    check(twelfth is not None and twelfth.get("likelihood") == "4",
          f"risk 12's agreed rating: {twelfth.attrib if twelfth is not None else None}")
    dissents = [(d.get("participant"), d.get("attribution"), d.get("risk"))
                for d in root.iter(f"{NS}dissent")]
    check(sorted(dissents) == [("p10", "pillar", "r12"), ("p4", "name", "r12")], dissents)
    ok("the saved file holds the 240 ratings as typed, both agreed ratings and both dissents")


def run(session, args, folder):
    path = os.path.join(folder, "twelve-by-twenty.iapw")
    write_workshop(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    window = open_round(session, app, frame)
    codes = send_ballots(session, app, window, os.path.join(folder, "ballots"))
    type_ballots(session, app, window, codes)

    session.press("alt+r")
    overview = check_overview(app, window)
    stats = check_every_risk(session, app, window)
    agree(session, app, window, stats)
    record_dissent(session, app, window, overview)

    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved",
                     lambda: len(open(path, encoding="utf-8").read()) > 20000, 10)
    saved = os.path.join(folder, "saved.iapw")
    shutil.copy(path, saved)
    check_file(saved)
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "round-keyboard",
                        "12 participants score 20 risks, revealed, agreed and dissented on, keyboard only",
                        [("--example", {"required": True, "help": "the example workshop, for its scales"})])


if __name__ == "__main__":
    sys.exit(main())
