# test_compare_merge.py: File > Compare With… and File > Merge Files…
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""What changed since the version before the last save, with its movement
chart; then a field office's file merged, its one conflict decided, the
merged risk in the register with its source, and the merge undone.

    /usr/bin/python3 test_compare_merge.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
NS = "https://iapworkshop.github.io/ns/workshop/1"
ET.register_namespace("", NS)
R1 = "R1: Shared compound in Makori blurs mission and agencies"
R2_MOVED = "Inherent rating: High (3×4) → Critical (4×5)"
NEW_RISK = "Helicopter landing sites draw fire in Ebe"


def ok(message):
    print("ok -", message, flush=True)


def q(tag):
    return f"{{{NS}}}{tag}"


def edit(example, path, change):
    tree = ET.parse(example)
    change(tree.getroot())
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def risk(root, ident):
    return next(e for e in root.iter(q("risk")) if e.get("id") == ident)


def earlier(root):
    """The version before the last save: R2 rated lower."""
    inherent = risk(root, "r2").find(q("inherent"))
    inherent.set("likelihood", "3")
    inherent.set("impact", "4")


def field_office(root):
    """Ebe's copy: R1 rated higher (a conflict) and a risk of its own."""
    inherent = risk(root, "r1").find(q("inherent"))
    inherent.set("likelihood", "5")
    new = ET.SubElement(root.find(q("risks")), q("risk"),
                        {"id": "r13", "arrangement": "mission-assets", "area": "staff-security"})
    ET.SubElement(new, q("title")).text = NEW_RISK
    ET.SubElement(new, q("inherent"), {"likelihood": "3", "impact": "5"})


def toplevel(app, title, timeout=20):
    return wait_for(f"the window {title!r}", lambda: next(
        (n for n in app.root if n is not None and n.name == title), None), timeout)


def gone(app, title):
    return not any(n is not None and n.name == title for n in app.root)


def labels(app, root):
    return [app.read_text(label) for label in app.find_all("label", root=root)]


def wait_label(app, root, predicate, what, timeout=10):
    return wait_for(what, lambda: next((t for t in labels(app, root) if predicate(t)), None), timeout)


def open_menu_item(app, frame, item):
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", item, timeout=5))


def export_report(session, app, window, folder):
    """Export Report… writes the report with its "Changes since" section."""
    path = os.path.join(folder, "changes.pdf")
    app.activate(app.find("push button", "Export Report…", root=window))
    toplevel(app, "Export Report To")
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")
    app.find("label", "Report exported", root=window, timeout=15)
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    check("Changes since the version before the last save" in text, "the PDF has no Changes since section")
    check("R2: Armed escorts" in text and "High (3×4) → Critical (4×5)" in text,
          "the PDF's Changes since section does not list R2's new rating")
    ok("Export Report… writes the report with the changes and where R2 moved")


def compare_with_backup(session, app, frame, folder):
    open_menu_item(app, frame, "Compare With…")
    window = toplevel(app, "Compare")
    app.activate(app.find("push button", "The Version Before the Last Save", root=window))
    wait_label(app, window, lambda t: t == R2_MOVED, "the rating of R2 in the change list")
    summary = wait_label(app, window, lambda t: t.startswith("From the version before the last save"),
                         "the summary of the comparison")
    check("1 change: Risk matrix 1" in summary, f"the summary says {summary!r}")
    ok(f"Compare With… the version before the last save lists one change: {summary!r}")

    chart = app.find("image", "Movement chart", root=window)
    description = chart.description
    check("R2 from High (3×4) to Critical (4×5)" in description,
          f"the chart's text alternative is {description!r}")
    check("9 risks stayed where they were" in description, f"the chart says {description!r}")
    ok("the movement chart says in words where R2 moved")
    session.screenshot("compare-backup")
    export_report(session, app, window, folder)

    search = app.find(None, "Search the changes", root=window)
    app.click(search)
    session.type_text("no such change")
    wait_for("the search to leave no change", lambda: R2_MOVED not in labels(app, window), 5)
    session.press("ctrl+a")
    session.type_text("escorts")
    wait_label(app, window, lambda t: t == R2_MOVED, "the search to find R2 again")
    ok("the search filters the change list")

    session.press("Escape")
    session.press("Escape")
    wait_for("Escape, Escape to clear the search and close the window", lambda: gone(app, "Compare"), 5)


def merge_field_office(session, app, frame, path):
    open_menu_item(app, frame, "Merge Files…")
    window = toplevel(app, "Merge Workshop Files")
    app.activate(app.find("push button", "Add Files…", root=window))
    toplevel(app, "Open Workshop")
    session.press("ctrl+l")
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")
    wait_label(app, window, lambda t: t == "Ebe field office.iapw", "the file's preview")
    wait_label(app, window, lambda t: t == "1 conflict of 1 to decide before merging.", "one conflict")
    merge = app.find("push button", "Merge", root=window)
    check(not merge.getState().contains(iaptest.pyatspi.STATE_SENSITIVE),
          "Merge can be pressed with a conflict undecided")
    session.screenshot("merge-conflict")
    ok("the preview of the file shows what it adds and its one conflict; Merge waits for a decision")
    return window


def decide_and_merge(session, app, frame, window):
    row = app.find("combo box", R1, root=window)
    app.click(row)
    app.find(None, "Take theirs", timeout=5)
    # The choices are in a popover: from the keyboard, as a person would
    session.press("Down")
    session.press("Down")
    session.press("Return")
    wait_label(app, window, lambda t: t == "The conflict is decided: ready to merge.", "the decision")
    ok("the conflict is decided one by one: take theirs")

    app.activate(app.find("push button", "Merge", root=window))
    # The toast shows for a few seconds from the merge: look for it first
    app.find("label", "1 file merged", root=frame, timeout=10)
    wait_for("the Merge window to close", lambda: gone(app, "Merge Workshop Files"), 10)
    ok("Merge merges, closes and says so in a toast with Undo")


def check_register(session, app, frame):
    app.activate(app.find("list item", "Risk matrix", root=frame))
    merged = f"{NEW_RISK} — from: Ebe field office"
    wait_label(app, frame, lambda t: t == merged, "the merged risk in the register, with its source")
    session.screenshot("merge-register")
    ok("the register shows the merged risk “from: Ebe field office”")

    session.press("ctrl+z")
    wait_for("Undo to take the merge back", lambda: merged not in labels(app, frame), 10)
    ok("one Undo takes the whole merge back")


def run(session, args, folder):
    path = os.path.join(folder, "kivara.iapw")
    shutil.copy(args.example, path)
    edit(args.example, path + "~", earlier)
    office = os.path.join(folder, "Ebe field office.iapw")
    edit(args.example, office, field_office)

    app = session.launch([args.exe, path], env=ENGLISH)
    frame = app.find("frame")
    compare_with_backup(session, app, frame, folder)
    window = merge_field_office(session, app, frame, office)
    decide_and_merge(session, app, frame, window)
    check_register(session, app, frame)
    app.quit()


if __name__ == "__main__":
    sys.exit(iaptest.main(__doc__, run, "compare-merge",
                          "Compare With… and a merge with one conflict, from the keyboard and the mouse",
                          options=[("--example", {"required": True})]))
