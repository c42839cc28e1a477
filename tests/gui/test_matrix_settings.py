# test_matrix_settings.py: change the size of the matrix, and undo it
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the example's matrix 3 x 5 from Matrix Settings, then undo it.

    /usr/bin/python3 test_matrix_settings.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Opens a copy of the example on the Risk matrix step and opens Matrix
Settings. Likelihood levels are set to 3 from the keyboard and Change
Size asks first, since risks are rated: Move Ratings maps every rating
to the new scales, which the heat map's description shows (and three
likelihood levels left to name). Closing the settings and pressing Ctrl+Z in the main
window restores the 5 x 5 matrix and every rating in one step.
"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def ok(message):
    print("ok -", message, flush=True)


def toplevel(app, match, what):
    """A window of the application whose title matches."""
    return iaptest.wait_for(f"a window {what!r}", lambda: next(
        (n for n in app.root if n is not None and match(n.name or "")), None), 10)


def find_like(app, role, words, root=None):
    return iaptest.wait_for(f"{role} named like {words!r}",
                            lambda: next((n for n in app.find_all(role, root=root or app.root)
                                          if words in (n.name or "")), None))


def run(session, args, folder):
    path = os.path.join(folder, "matrix.iapw")
    shutil.copy(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Risk matrix", root=sidebar))
    heat_map = app.find("image", "Risk heat map", root=frame)
    iaptest.wait_for("the heat map to describe the example",
                     lambda: "Critical: 1 (2)." in (heat_map.description or ""))
    before = heat_map.description

    app.activate(find_like(app, "push button", "Matrix Settings", root=frame))
    settings = toplevel(app, lambda name: name == "Matrix Settings", "Matrix Settings")
    spin = app.find("spin button", "Likelihood levels", root=settings)
    session.press("alt+l", "ctrl+a")
    session.type_text("3")
    session.press("Tab")
    iaptest.wait_for("3 likelihood levels typed", lambda: app.read_text(spin) == "3" or None, 5)
    session.press("alt+c")
    question = toplevel(app, lambda name: name.startswith("Move the ratings to a 3 × 5 matrix"),
                        "Move the ratings…")
    ok(f"Change Size asks first: {question.name!r}")
    ok(f"screenshot {session.screenshot('matrix-settings-remap')}")
    session.press("alt+m")
    iaptest.wait_for("the heat map to change", lambda: heat_map.description != before or None, 5)
    after = heat_map.description

    def likelihood_levels():
        names = [n.name for n in app.find_all("text", root=settings)]
        return sorted(int(m.group(1)) for m in (re.fullmatch(r"Name of Likelihood (\d+)", name or "")
                                                for name in names) if m)
    iaptest.wait_for("three likelihood levels in the settings", lambda: likelihood_levels() == [1, 2, 3] or None, 5)
    ok(f"Move Ratings maps every rating to 3 x 5: {after!r}")
    ok(f"screenshot {session.screenshot('matrix-settings-3x5')}")

    session.press("Escape")
    iaptest.wait_for("the settings to close", lambda: not any(
        n is not None and n.name == "Matrix Settings" for n in app.root) or None, 5)
    session.press("ctrl+z")
    iaptest.wait_for("Ctrl+Z to restore the 5 x 5 matrix",
                     lambda: heat_map.description == before or None, 5)
    ok("Ctrl+Z restores the 5 x 5 matrix and every rating in one step")
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "matrix-settings",
                        "the matrix resized with its ratings moved, and undone in one step",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
