# test_triple_hatting.py: the triple-hatting analysis page
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open the example workshop, go to Triple-hatting, read the policy banner
and the chart's accessible description, change one factor's score through
the accessibility tree, check the description follows, save, undo, and take
screenshots in English and in French.

    /usr/bin/python3 test_triple_hatting.py --exe _build/app/iap-workshop \
        --output _build/tests/gui/screenshots
"""

import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
FRENCH = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "example.iapw")
CHART = "Benefits and risks chart"
SCORE = "Preferential access: Triple-hatted DSRSG/RC/HC score"
TRIPLE_BEFORE = ("Triple-hatted DSRSG/RC/HC: Benefits 92% of their maximum · Risks 95% of their maximum · "
                 "Transaction costs 75% of their maximum.")
TRIPLE_AFTER = ("Triple-hatted DSRSG/RC/HC: Benefits 87% of their maximum · Risks 95% of their maximum · "
                "Transaction costs 75% of their maximum.")
SAVED = re.compile(r'<factor ref="preferential-access" weight="4">(?:(?!</factor>).)*'
                   r'<score option="triple-hatted" value="3"/>', re.S)


def ok(message):
    print("ok -", message, flush=True)


def open_example(session, exe, path, env):
    """Launch on path and wait until the window shows it: the file loads in
    the background and showing it goes back to the first step."""
    app = session.launch([exe, path], env=env)
    frame = wait_for("the window to show example.iapw",
                     lambda: next((f for f in app.find_all("frame")
                                   if (f.name or "").startswith("example.iapw")), None), 10)
    return app, frame


def go_to(app, frame, step):
    sidebar = app.sidebar(frame)
    app.activate(app.find("list item", step, root=sidebar))
    wait_for(f"{step!r} to be selected", lambda: app.selected(sidebar) == [step], 5)


def description(node):
    return node.description or ""


def wait_description(app, chart, what, needle):
    seen = [""]

    def has():
        seen[0] = description(chart)
        return needle in seen[0]
    try:
        wait_for(what, has, 5)
    except iaptest.TestFailure as e:
        raise iaptest.TestFailure(f"{e}; the chart says {seen[0]!r}") from None
    return seen[0]


def choose(session, app, dropdown, position):
    """Open a drop-down by clicking it and pick the item at position with
    the keyboard: the list opens with the focus on its first item."""
    app.click(dropdown)
    wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    session.press(*(["Down"] * position), "Return")


def read_banner(app, frame):
    banner = app.find(None, "What policy says", root=frame)
    return [app.read_text(label) for label in app.find_all("label", root=banner)
            if label.getState().contains(iaptest.pyatspi.STATE_VISIBLE)]


def score_one(session, app, frame, path):
    chart = app.find(None, CHART, root=frame)
    text = wait_description(app, chart, "the chart's description", TRIPLE_BEFORE)
    check("Main risks: Visibility and security, Humanitarian voice, NGO relations." in text,
          f"the description does not name the drivers: {text!r}")
    ok(f"the chart describes the example: {text.splitlines()[2]!r}")

    banner = read_banner(app, frame)
    check(any("may be avoided" in t for t in banner), f"no policy note in a high-risk environment: {banner}")
    check(any("Separate support structures" in t for t in banner), f"no measures in the banner: {banner}")
    ok(f"the high-risk banner says what policy says and lists measures: {banner[0]!r}")

    weight = app.find("combo box", "NGO relations: weight", root=frame)
    check(weight is not None, "no weight drop-down for NGO relations")
    dropdown = app.find("combo box", SCORE, root=frame)
    session.still_pixels(frame)
    session.screenshot("triple-hatting-en-top")
    choose(session, app, dropdown, 4)  # —, 0, 1, 2, 3
    wait_description(app, chart, "the chart to follow the new score", TRIPLE_AFTER)
    ok("scoring preferential access 3 for triple-hatting makes its benefits 87% of their maximum")

    session.press("ctrl+s")
    wait_for("the file to be saved", lambda: SAVED.search(open(path, encoding="utf-8").read()), 10)
    ok("Ctrl+S writes the new score")

    # The mnemonic of the rationale scrolls the chart into view.
    session.press("alt+t")
    time.sleep(1.5)  # the scroll and the scrollbar's fade; a blinking cursor never settles
    session.screenshot("triple-hatting-en-chart")

    session.press("ctrl+z")
    wait_description(app, chart, "undo to bring the score back", TRIPLE_BEFORE)
    ok("Ctrl+Z undoes the score and the chart follows")
    session.press("ctrl+s")
    wait_for("the file to be saved again", lambda: not SAVED.search(open(path, encoding="utf-8").read()), 10)


def run(session, args, folder):
    exe, example = args.exe, args.example
    path = os.path.join(folder, "example.iapw")
    shutil.copy(example, path)

    app, frame = open_example(session, exe, path, ENGLISH)
    go_to(app, frame, "Triple-hatting")
    score_one(session, app, frame, path)
    app.quit()

    app, frame = open_example(session, exe, path, FRENCH)
    go_to(app, frame, "Triple casquette")
    session.still_pixels(frame)
    session.screenshot("triple-hatting-fr-top")
    ok("the page in French (screenshot triple-hatting-fr-top)")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "triple-hatting", "triple-hatting analysis", [
        ("--example", {"default": EXAMPLE, "help": "the example workshop to copy and edit"})])


if __name__ == "__main__":
    sys.exit(main())
