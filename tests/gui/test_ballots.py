# test_ballots.py: send ballots from the round window and collect them, keyboard only
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Send the example's 13 participants their ballots and collect them back.

    /usr/bin/python3 test_ballots.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The example is opened and its revealed round closed (Alt+C); Alt+B
starts a round of ballots. Send Ballots… (Alt+B) writes every form into
a folder typed in its Folder row. Participant 13's application ballot
is opened with Ctrl+O (the room's median and spread from round 1 beside
each risk), scored keyboard-only and saved. The test fills
the other spreadsheets as participants do (numbers, English and French labels), adds two bad
ballots (another round's, an edited participant) and a second ballot of
p4 with one score changed, and collects them all with Collect Ballots…
(Alt+C and the file chooser). The preview must refuse the two bad ones
with their reasons, show p4's conflict, and show counts, never a score;
choosing p4's first ballot and importing (Alt+I) puts every score in the
round; the toast's Undo takes them out again; Ctrl+S saves and the file
is read back.
"""

import csv
import glob
import io
import os
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402
import test_round_keyboard as kb  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
NS = "{https://iapworkshop.github.io/ns/workshop/1}"
N_PARTICIPANTS = 13
WORDS_EN = [["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
            ["Negligible", "Minor", "Moderate", "Major", "Severe"]]


def ok(message):
    print("ok -", message, flush=True)


def score(p, r):
    """The known score of participant p (1-13) for risk r."""
    return 1 + (p * 3 + r) % 5, 1 + (p + r * 2) % 5


def written(p, r, which):
    level = score(p, r)[which]
    return str(level) if (p + r + which) % 2 == 0 else WORDS_EN[which][level - 1]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(io.StringIO(f.read())))


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def fill_csv(path, p):
    rows = read_csv(path)
    header = rows[1]
    li, ii = header.index("likelihood"), header.index("impact")
    risks = []
    for row in rows[2:]:
        if not row or not row[0].startswith("r"):
            break
        r = int(row[0][1:])
        risks.append(r)
        row[li], row[ii] = written(p, r, 0), written(p, r, 1)
    write_csv(path, rows)
    return rows, risks


def send(session, app, window, folder):
    session.press("alt+b")
    dialog = kb.toplevel(app, "Send Ballots")
    nodes = [(n.getRoleName(), n.name) for n in app.find_all(root=dialog)]
    switches = [name for role, name in nodes if role in ("toggle button", "switch", "check box")]
    check(switches, f"no switch in {nodes}")
    for name in ("Printed ballot pack (PDF)", "Spreadsheets (CSV)", "Application ballots (.iapb)"):
        check(name in switches, f"no switch named {name!r} in {switches}")
    session.press("alt+f")
    session.press("ctrl+a")
    session.type_text(folder)
    time.sleep(0.3)
    ok(f"screenshot {session.screenshot('ballots-send')}")
    session.press("alt+w")
    kb.label_like(app, f"{N_PARTICIPANTS} ballots written in", window)
    csvs = sorted(glob.glob(os.path.join(folder, "*.csv")))
    iapbs = sorted(glob.glob(os.path.join(folder, "*.iapb")))
    pdfs = glob.glob(os.path.join(folder, "*.pdf"))
    check(len(csvs) == N_PARTICIPANTS and len(iapbs) == N_PARTICIPANTS and len(pdfs) == 1,
          f"{len(csvs)} spreadsheets, {len(iapbs)} application ballots, {pdfs}")
    ok(f"Send Ballots wrote {len(csvs)} spreadsheets, {len(iapbs)} application ballots and {pdfs[0]}")
    return csvs, iapbs


def score_in_application(session, app, iapb, returned):
    """Ctrl+O opens p13's application ballot in a window of its own;
    the levels are typed with Tab between boxes, Ctrl+S saves it and
    Ctrl+W closes it; it goes back to the facilitator."""
    name = os.path.basename(iapb)
    session.press("ctrl+o")
    time.sleep(0.8)
    session.press("ctrl+l")
    session.type_text(iapb)
    time.sleep(0.3)
    window = None
    for _ in range(3):
        session.press("Return")
        try:
            window = iaptest.wait_for(f"the window of {name}",
                                      lambda: next((n for n in app.root if n is not None
                                                    and n.name == name), None), 3)
            break
        except iaptest.TestFailure:
            pass
    check(window is not None, f"{iapb} did not open")
    heading = kb.label_like(app, "your ballot for round 2", window)
    check(app.read_text(heading).startswith("Participant 13") or "13" not in app.read_text(heading),
          app.read_text(heading))
    code = app.read_text(kb.label_like(app, "Ballot code:", window)).split(".")[0]
    earlier = app.read_text(kb.label_like(app, "Round before: median", window))
    ok(f"a second round: beside each risk, {earlier!r}")
    boxes = [n.name for n in app.find_all("spin button", root=window)]
    check(len(boxes) >= 2 and boxes[0].startswith("Likelihood of"), boxes[:2])
    iaptest.wait_for("the first box to have the focus",
                     lambda: getattr(kb.focused(app, window), "name", None) == boxes[0], 5)
    risks = []
    for i in range(0, len(boxes), 2):
        risks.append(boxes[i])
    ids = [int(r.get("ref")[1:]) for r in ET.parse(iapb).getroot().iter(f"{NS}risk") if r.get("ref")]
    check(len(ids) == len(boxes) // 2, f"{len(ids)} risks in the file, {len(boxes)} boxes")
    for r in ids:
        likelihood, impact = score(13, r)
        session.type_text(str(likelihood))
        session.press("Tab")
        session.type_text(str(impact))
        session.press("Tab")
    ok(f"screenshot {session.screenshot('ballots-application')}")
    session.press("ctrl+s")
    kb.label_like(app, "Ballot saved", window)
    iaptest.wait_for("the title to lose its mark", lambda: window.name == name, 5)
    session.press("ctrl+w")
    iaptest.wait_for(f"the window of {name} to close",
                     lambda: not any(n is not None and n.name == name for n in app.root), 5)
    os.replace(iapb, os.path.join(returned, name))
    ok(f"{name} opened with Ctrl+O: {code!r}, "
       f"{len(ids)} risks scored keyboard-only, saved with Ctrl+S")
    return {("p13", f"r{r}"): score(13, r) for r in ids}


def fill(csvs, returned):
    risks = None
    expected = {}
    for path in csvs:
        p = int(os.path.basename(path).split("-")[0][1:])
        if p == 13:  # scores in the application instead
            continue
        rows, risks = fill_csv(path, p)
        dest = os.path.join(returned, os.path.basename(path))
        os.replace(path, dest)
        for r in risks:
            expected[(f"p{p}", f"r{r}")] = score(p, r)
    # another round's ballot, an edited participant, p4 twice
    rows = read_csv(os.path.join(returned, os.path.basename(csvs[0])))
    rows[0][2] = "round1"
    write_csv(os.path.join(returned, "bad-round.csv"), rows)
    p2 = next(c for c in glob.glob(os.path.join(returned, "p2-*.csv")))
    rows = read_csv(p2)
    rows[0][3] = "p3"
    write_csv(os.path.join(returned, "bad-participant.csv"), rows)
    p4 = next(c for c in glob.glob(os.path.join(returned, "p4-*.csv")))
    rows = read_csv(p4)
    li = rows[1].index("likelihood")
    rows[2][li] = "5" if rows[2][li] not in ("5", "Almost certain") else "1"
    write_csv(os.path.join(returned, "p4-again.csv"), rows)
    return expected, risks


def choose(session, app, rows, path, n):
    """In the file chooser that has just opened: type the path, Return.
    A Return may go to the location's completion pop-up first: pressed
    again until the preview has n ballots."""
    time.sleep(0.6)
    session.press("ctrl+l")
    session.type_text(path)
    time.sleep(0.3)
    for _ in range(3):
        session.press("Return")
        try:
            iaptest.wait_for(f"{n} ballots in the preview",
                             lambda: len(app.find_all("list item", root=rows())) >= n, 2)
            return
        except iaptest.TestFailure:
            pass
    check(False, f"{path} was not added to the preview")


def collect(session, app, window, returned):
    """Alt+C opens the preview and the chooser over it; Alt+A adds the
    next ballot. The chooser takes one typed path at a time."""
    files = sorted(glob.glob(os.path.join(returned, "*")))
    found = {}

    def rows():
        if "rows" not in found:
            dialog = next(n for n in app.root if n is not None and n.name == "Collect Ballots"
                          and app.find_all("list", "Ballots to collect", root=n))
            found["dialog"] = dialog
            found["rows"] = app.find("list", "Ballots to collect", root=dialog)
        return found["rows"]
    for i, path in enumerate(files):
        session.press("alt+c" if i == 0 else "alt+a")
        choose(session, app, rows, path, i + 1)
    dialog, rows = found["dialog"], found["rows"]
    summary = kb.label_like(app, "To import:", dialog)
    ok(f"{len(files)} returned ballots chosen one by one with Alt+A and the file chooser")
    return dialog, summary, rows


def run(session, args, folder):
    path = os.path.join(folder, "example.iapw")
    with open(args.example, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out, returned = os.path.join(folder, "ballots"), os.path.join(folder, "returned")
    os.makedirs(returned, exist_ok=True)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step to be selected", lambda: app.selected(sidebar) == ["Set-up"], 5)
    kb.to_risk_matrix(session, app, sidebar)
    time.sleep(0.5)
    session.press("alt+g")
    window = kb.toplevel(app, "Scoring Round")
    kb.label_like(app, "revealed", window)
    session.press("alt+c")
    app.find("list", "Risks to score in this round", root=window)
    # The closed round's page is in the tree before it is on screen, and
    # its Alt+B answers only once it is
    kb.label_like(app, "No scoring round in progress", window)
    time.sleep(0.5)
    session.press("alt+b")
    kb.label_like(app, f"0 of {N_PARTICIPANTS} have scored", window)
    ok("the example's round closed with Alt+C, Alt+B starts a round of ballots")

    csvs, iapbs = send(session, app, window, out)
    p13 = next(b for b in iapbs if os.path.basename(b).startswith("p13-"))
    from_application = score_in_application(session, app, p13, returned)
    expected, risks = fill(csvs, returned)
    expected.update(from_application)
    ok(f"{len(csvs) - 1} spreadsheets filled with {len(risks)} risks each, and three bad ballots")

    dialog, summary, rows = collect(session, app, window, returned)
    text = kb.wait_text(app, summary, "Refused: 2.", 10)
    ok(f"screenshot {session.screenshot('ballots-collect-preview')}")
    check("To import: 12." in text and "In conflict: 2." in text, text)
    names = [r.name for r in app.find_all("list item", root=rows)]
    refused = [n for n in names if ", Refused." in n]
    check(any("bad-round.csv" in n and "round 1" in n for n in refused), refused)
    check(any("bad-participant.csv" in n and "code" in n for n in refused), refused)
    for n in names:
        for word in WORDS_EN[0] + WORDS_EN[1]:
            check(word not in n, f"the preview shows a score: {n!r}")
    check(not any("Row " in n for n in names), f"values left unread: {names}")
    ok(f"the preview: {text.splitlines()[0]!r}; refused with reasons: {len(refused)}")

    # p4's conflict: its first ballot is taken, by keyboard
    wanted = os.path.basename(glob.glob(os.path.join(returned, "p4-*-round2.csv"))[0])
    for _ in range(40):
        node = kb.focused(app, dialog)
        if node is not None and wanted in (node.name or "") and "In conflict" in node.name:
            break
        session.press("Tab")
    check(node is not None and wanted in (node.name or ""), f"Tab never reached {wanted!r}")
    session.press("space")
    text = kb.wait_text(app, summary, "To import: 13.", 5)
    check("In conflict: 0." in text, text)
    ok(f"Tab to {wanted!r} and Space settle p4's conflict: {text.split(' Nothing')[0]!r}")

    session.press("alt+i")
    progress = kb.label_like(app, "have scored", window)
    kb.wait_text(app, progress, f"{N_PARTICIPANTS} of {N_PARTICIPANTS} have scored.")
    kb.label_like(app, f"{N_PARTICIPANTS} ballots imported", window)
    ok(f"screenshot {session.screenshot('ballots-imported')}")
    ok("Alt+I imports them: every participant has scored; a toast offers Undo")
    session.press("ctrl+z")
    kb.wait_text(app, progress, f"0 of {N_PARTICIPANTS} have scored.")
    session.press("ctrl+shift+z")
    kb.wait_text(app, progress, f"{N_PARTICIPANTS} of {N_PARTICIPANTS} have scored.")
    ok("Ctrl+Z takes the whole import out, Shift+Ctrl+Z puts it back")

    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved with round 2's ratings",
                     lambda: 'id="round2"' in open(path, encoding="utf-8").read(), 10)
    root = ET.parse(path).getroot()
    rnd = next(r for r in root.iter(f"{NS}round") if r.get("number") == "2")
    seen = {(r.get("participant"), r.get("risk")): (int(r.get("likelihood")), int(r.get("impact")))
            for r in rnd.iter(f"{NS}rating")}
    wrong = {k: (seen.get(k), v) for k, v in expected.items() if seen.get(k) != v}
    check(not wrong and len(seen) == len(expected), f"{len(seen)} ratings saved; wrong: {list(wrong.items())[:4]}")
    ok(f"the saved file holds the {len(seen)} scores of the ballots, as written")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "ballots",
                        "ballots sent from the round window and collected back, keyboard only",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
