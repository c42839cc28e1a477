# test_matrix.py: the risk matrix step with the example workshop
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open the example, add and score a risk from the keyboard, find it on the heat map.

    /usr/bin/python3 test_matrix.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The heat map is a picture: what a screen reader hears of it is its
accessible description, the count of risks in each band with their
numbers. The test reads that description before and after adding a risk
rated Almost certain x Severe, removes the risk with the Delete key, and
undoes both steps so the application quits without asking to save.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
TITLE = "Joint patrols near camps deter returns"


def ok(message):
    print("ok -", message, flush=True)


def description(node):
    return node.description or ""


def find_like(app, role, words, root=None):
    """The first node of role whose name contains words: GTK 4.8 adds the
    text of a mnemonic label or a button's label to the accessible name."""
    return iaptest.wait_for(f"{role} named like {words!r}",
                            lambda: next((n for n in app.find_all(role, root=root or app.root)
                                          if words in (n.name or "")), None))


def choose(session, app, mnemonic, steps):
    """Focus a drop-down by its label's mnemonic, open it and move steps
    items down (GTK 4.8 does not let AT-SPI move the focus)."""
    session.press(mnemonic)
    session.press("space")
    iaptest.wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    for _ in range(steps):
        session.press("Down")
    session.press("Return")


def run(session, args, folder):
    exe, example = args.exe, os.path.abspath(args.example)
    app = session.launch([exe, example], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Risk matrix", root=sidebar))
    heat_map = app.find("image", "Risk heat map", root=frame)
    iaptest.wait_for("the heat map to describe the example",
                     lambda: "Critical: 1 (2)." in description(heat_map))
    check("High: 8 (1, 3, 4, 5, 6, 7, 9, 10)." in description(heat_map),
          f"the heat map says {description(heat_map)!r}")
    check("2 risks not yet rated." in description(heat_map), description(heat_map))
    ok(f"heat map of the example: {description(heat_map)!r}")
    app.find("label", "Shared compound in Makori blurs mission and agencies", root=frame)
    ok("the register lists the example's risks")
    iaptest.wait_for("the page to settle", lambda: session.still_pixels(heat_map), 10)
    ok(f"screenshot {session.screenshot('matrix-en-example')}")

    app.activate(find_like(app, "push button", "Add Risk", root=frame))
    editor = app.find("frame", "Add Risk")
    find_like(app, "text", "Title", root=editor)
    session.press("alt+t")
    session.type_text(TITLE)
    choose(session, app, "alt+l", 5)
    choose(session, app, "alt+i", 5)
    iaptest.wait_for("the definition of the chosen level",
                     lambda: any("Almost certain" in app.read_text(label)
                                 for label in app.find_all("label", root=editor)), 5)
    session.screenshot("matrix-en-editor")
    session.press("ctrl+Return")
    iaptest.wait_for("the new risk on the heat map",
                     lambda: "Critical: 2 (2, 13)." in description(heat_map), 10)
    ok("the new risk, rated Almost certain x Severe, is counted as Critical on the heat map")
    app.find("label", TITLE, root=frame)
    app.find("label", "Critical · 5×5", root=frame)
    ok("the register lists it with its band and levels, never their product")
    session.still_pixels(heat_map)
    ok(f"screenshot {session.screenshot('matrix-en-added')}")

    session.press("Delete")
    iaptest.wait_for("the risk to leave the heat map",
                     lambda: "Critical: 1 (2)." in description(heat_map), 5)
    ok("Delete removes the selected risk")
    session.press("ctrl+z")
    iaptest.wait_for("Undo to bring the risk back",
                     lambda: "Critical: 2 (2, 13)." in description(heat_map), 5)
    session.press("ctrl+z")
    iaptest.wait_for("Undo to take the addition back",
                     lambda: "Critical: 1 (2)." in description(heat_map), 5)
    ok("Undo restores the removed risk, then takes back the addition")

    open_cell(session, app, frame, heat_map)
    app.quit()
    ok("Ctrl+Q quits with status 0")


def open_cell(session, app, frame, heat_map):
    """Space on a selected marker (as a click in its cell or on a "+N"
    badge) shows its cell's risks alone in the register; Show All Risks
    brings the others back."""
    # Risk 1 of the example is rated High 4×4, as are risks 3 and 9; risk
    # 2, Critical 4×5, is elsewhere
    outside = "Armed escorts draw attacks on humanitarian convoys"
    app.click(heat_map)
    session.press("Home")  # the first risk's marker
    session.press("space")
    bar = iaptest.wait_for("the register to show one cell", lambda: next(
        (n for n in app.find_all("label", root=frame) if app.read_text(n).startswith("Risks rated ")), None), 5)
    text = app.read_text(bar)
    check(text.endswith("(Inherent risk)"), f"the cell's bar says {text!r}")
    iaptest.wait_for(f"{outside!r} to leave the register", lambda: not any(
        app.read_text(n) == outside for n in app.find_all("label", root=frame)), 5)
    ratings = [app.read_text(n) for n in app.find_all("label", root=frame)
               if re.fullmatch(r"\w+ · \d×\d", app.read_text(n) or "")]
    levels = text[len("Risks rated "):].split(" (")[0]
    check(text.startswith("Risks rated Likely × Major") and ratings.count("High · 4×4") == 3
          and "Critical · 4×5" not in ratings, f"the register shows {ratings} under {text!r}")
    ok(f"Space on the first marker opens its cell: {text!r}, its 3 risks alone in the register")
    iaptest.wait_for("the page to settle", lambda: session.still_pixels(heat_map), 10)
    ok(f"screenshot {session.screenshot('matrix-en-cell')}")
    app.click(find_like(app, "push button", "Show All Risks", root=frame))
    app.find("label", outside, root=frame)
    ok(f"Show All Risks brings the others back ({levels} closed)")


def main():
    return iaptest.main(__doc__, run, "matrix-en",
                        "a risk added and scored from the keyboard is counted on the heat map",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
