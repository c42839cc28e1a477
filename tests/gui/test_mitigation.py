# test_mitigation.py: the mitigation step with a copy of the example
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Add a measure linked to a risk, set its residual rating, save the file.

    /usr/bin/python3 test_mitigation.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Opens a copy of the example, goes to "Mitigation", adds a custom measure
linked to R3 through the dialog (keyboard and the accessibility tree),
gives R3 a residual rating of 2 x 2 and checks that the residual heat
map's accessible description changes, rates R5 above the appetite and
records who accepts it until nothing is left unaccepted, then saves with
Ctrl+S and reads the file back.
"""

import os
import shutil
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
ACTION = "Negotiate a humanitarian air service for Ebe"
NS = "{https://iapworkshop.github.io/ns/workshop/1}"


def ok(message):
    print("ok -", message, flush=True)


def description(node):
    return node.description or ""


def find_like(app, role, words, root=None):
    return iaptest.wait_for(f"{role} named like {words!r}",
                            lambda: next((n for n in app.find_all(role, root=root or app.root)
                                          if words in (n.name or "")), None))


def scroll_into_view(app, node):
    app.scroll_into_view(node)


def pick_level(session, app, frame, combo, level):
    """Choose a level in a level picker: open it with a click, then the
    keyboard (Home is "Not yet rated", so level Downs reach the level).
    The pointer leaves the list first: the list selects what it hovers."""
    pyatspi = iaptest.pyatspi
    scroll_into_view(app, combo)
    app.click(combo)
    pyatspi.Registry.generateMouseEvent(2, app.session.height - 5, "abs")
    iaptest.wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    time.sleep(0.5)
    session.press("Home")
    for _ in range(level):
        session.press("Down")
    session.press("Return")
    time.sleep(0.3)


def pick_rating(session, app, frame, number, likelihood, impact):
    """Give risk Rnumber a residual rating, checking what the row shows."""
    text = f"Residual: likelihood {likelihood}, impact {impact} ·"
    for _ in range(3):
        pick_level(session, app, frame,
                   app.find("combo box", f"Residual likelihood, R{number}", root=frame), likelihood)
        pick_level(session, app, frame,
                   app.find("combo box", f"Residual impact, R{number}", root=frame), impact)
        if any(text in (n.name or "") for n in app.find_all("label", root=frame)):
            return
    raise iaptest.TestFailure(f"R{number} did not take the residual rating {likelihood} x {impact}")


def add_measure(session, app):
    frame = app.find("frame")
    app.click(find_like(app, "push button", "Add Measure", root=frame))
    editor = app.find("frame", "Add Measure")
    session.press("alt+a")
    session.type_text(ACTION)
    check_box = find_like(app, "check box", "R3 · Dependence on mission helicopters", root=editor)
    app.click(check_box)
    iaptest.wait_for("R3 to be checked",
                     lambda: check_box.getState().contains(iaptest.pyatspi.STATE_CHECKED), 5)
    session.press("alt+o")
    session.type_text("Amara Diallo")
    session.press("alt+n")
    session.type_text("OCHA")
    session.press("alt+d")
    session.type_text("2026-01-15")
    session.screenshot("mitigation-en-editor")
    app.click(find_like(app, "push button", "Save", root=editor))
    iaptest.wait_for("the dialog to close", lambda: not app.find_all("frame", "Add Measure"), 5)
    app.find("label", ACTION, root=frame)
    ok("the new measure is in the plan")
    session.screenshot("mitigation-en-added")
    overdue = [n for n in app.find_all("label", root=frame) if "Overdue" in (n.name or "")]
    check(overdue, "no plan row says Overdue")
    ok(f"{len(overdue)} plan rows are marked Overdue in text")


def accept_risk(session, app, frame):
    """Rate R5 above the appetite, then record who accepts it."""
    pick_rating(session, app, frame, 5, 4, 4)
    find_like(app, "label", "1 risk above the appetite needs an acceptance: R5.", root=frame)
    find_like(app, "label", "Above appetite · Needs acceptance", root=frame)
    ok("R5 rated 4 x 4 is above the appetite and needs an acceptance")
    session.still_pixels(frame)
    ok(f"screenshot {session.screenshot('mitigation-en-needs-acceptance')}")
    for name, text in [("Accepted by, R5", "Ama Boateng"), ("Role of who accepts, R5", "DSRSG/RC/HC"),
                       ("Acceptance date, R5", "2026-03-12"),
                       ("Justification, R5", "NGO Forum consulted monthly; reviewed at the HCT retreat.")]:
        entry = app.find("text", name, root=frame)
        scroll_into_view(app, entry)
        app.click(entry)
        session.type_text(text)
    find_like(app, "label", "Nothing above the risk appetite is left unaccepted.", root=frame)
    ok("with the acceptance complete, nothing above the appetite is left unaccepted")


def check_saved(path):
    root = ET.parse(path).getroot()
    risk = next(r for r in root.iter(NS + "risk") if r.get("id") == "r3")
    residual = risk.find(NS + "residual")
    check(residual is not None and residual.get("likelihood") == "2" and residual.get("impact") == "2",
          "r3 has no residual 2 x 2 in the saved file")
    measures = [m for m in root.iter(NS + "mitigation")
                if (m.findtext(NS + "title") or "") == ACTION]
    check(len(measures) == 1, "the saved file does not hold the new measure")
    refs = [r.get("ref") for r in measures[0].findall(NS + "risk")]
    check(refs == ["r3"], f"the new measure links {refs}")
    check(measures[0].get("due") == "2026-01-15", "the due date was not saved")
    r5 = next(r for r in root.iter(NS + "risk") if r.get("id") == "r5")
    acceptance = r5.find(NS + "acceptance")
    check(acceptance is not None and acceptance.get("by") == "Ama Boateng"
          and acceptance.get("date") == "2026-03-12", "r5's acceptance was not saved")


def run(session, args, folder):
    path = os.path.join(folder, "plan.iapw")
    shutil.copy(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Mitigation", root=sidebar))
    residual_map = app.find("image", "Residual risk heat map", root=frame)
    app.find("image", "Inherent risk heat map", root=frame)
    iaptest.wait_for("the residual map to describe the example", lambda: description(residual_map))
    before = description(residual_map)
    ok(f"residual heat map: {before!r}")
    find_like(app, "label", "Nothing above the risk appetite is left unaccepted", root=frame)
    ok("the example has nothing above appetite left unaccepted")
    session.still_pixels(frame)
    ok(f"screenshot {session.screenshot('mitigation-en-example')}")

    add_measure(session, app)

    pick_rating(session, app, frame, 3, 2, 2)
    iaptest.wait_for("the residual map to change",
                     lambda: description(residual_map) != before, 5)
    ok(f"residual heat map after: {description(residual_map)!r}")
    check("Low: 1 (3)." in description(residual_map), "R3 is not Low on the residual map")
    session.still_pixels(frame)
    ok(f"screenshot {session.screenshot('mitigation-en-residual')}")
    scroll_into_view(app, residual_map)
    session.still_pixels(frame)
    ok(f"screenshot {session.screenshot('mitigation-en-before-after')}")

    accept_risk(session, app, frame)

    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved", lambda: ACTION in open(path, encoding="utf-8").read(), 10)
    check_saved(path)
    ok("the saved file links the measure to r3 and holds the residual rating")
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "mitigation-en",
                        "a measure linked to a risk and a residual rating are saved",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
