# test_mitigation_plan.py: edit and delete a measure of the plan, and undo both
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit a measure of the mitigation plan, delete it, and undo both.

    /usr/bin/python3 test_mitigation_plan.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Opens a copy of the example on the Mitigation step and selects the
escorts measure in the plan. Edit… (Alt+E) opens it in the editor, with
its owner; the owner is changed and saved. Delete (Alt+D) removes the
measure and offers Undo, which (Alt+U) brings it back with the new
owner; Ctrl+Z then takes the edit back. Saving writes the measure as it
was in the example.
"""

import os
import shutil
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
NS = "{https://iapworkshop.github.io/ns/workshop/1}"
MEASURE = "Escorts only as a last resort, decided case by case by the HC"
OWNER = "Yusuf Abdi"
NEW_OWNER = "Grace Mensah"


def ok(message):
    print("ok -", message, flush=True)


def labels(app, frame, text):
    return [n for n in app.find_all("label", root=frame) if n.name == text]


def run(session, args, folder):
    path = os.path.join(folder, "plan.iapw")
    shutil.copy(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Mitigation", root=sidebar))
    measure = app.find("label", MEASURE, root=frame)
    app.find("label", OWNER, root=frame)
    app.click(measure)

    session.press("alt+e")
    editor = app.find("frame", "Edit Measure")
    owner = app.find("text", "Owner", root=editor)
    check(app.read_text(owner) == OWNER, f"the editor shows the owner {app.read_text(owner)!r}")
    ok(f"Alt+E opens the selected measure, owned by {OWNER}")
    session.press("alt+o", "ctrl+a")
    session.type_text(NEW_OWNER)
    session.screenshot("mitigation-plan-edit")
    session.press("alt+s")
    iaptest.wait_for("the editor to close", lambda: not app.find_all("frame", "Edit Measure"), 5)
    iaptest.wait_for("the new owner in the plan", lambda: labels(app, frame, NEW_OWNER) or None, 5)
    check(not labels(app, frame, OWNER), f"{OWNER} is still in the plan")
    ok(f"the plan shows the new owner, {NEW_OWNER}")

    session.press("alt+d")
    iaptest.wait_for("the measure to go", lambda: not labels(app, frame, MEASURE) or None, 5)
    app.find("label", f"“{MEASURE}” deleted", root=frame)
    ok(f"screenshot {session.screenshot('mitigation-plan-deleted')}")
    ok("Alt+D deletes the measure and says so, with Undo")
    session.press("alt+u")
    iaptest.wait_for("Undo to bring the measure back", lambda: labels(app, frame, MEASURE) or None, 5)
    check(labels(app, frame, NEW_OWNER), "the measure came back without its new owner")
    ok("Alt+U brings the measure back as it was before the deletion")

    session.press("ctrl+z")
    iaptest.wait_for("Ctrl+Z to take the edit back", lambda: labels(app, frame, OWNER) or None, 5)
    check(not labels(app, frame, NEW_OWNER), f"{NEW_OWNER} is still in the plan")
    ok(f"Ctrl+Z takes the edit back: {OWNER} again")

    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved", lambda: os.path.exists(path + "~"), 10)
    root = ET.parse(path).getroot()
    saved = [m for m in root.iter(NS + "mitigation") if m.findtext(NS + "title") == MEASURE]
    check(len(saved) == 1, f"{len(saved)} copies of the measure saved")
    check(saved[0].findtext(NS + "owner") == OWNER, f"saved owner {saved[0].findtext(NS + 'owner')!r}")
    check([r.get("ref") for r in saved[0].findall(NS + "risk")] == ["r2", "r3"], "the links changed")
    ok("the saved file has the measure as in the example")
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "mitigation-plan",
                        "a measure edited, deleted, and both undone from the keyboard",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
