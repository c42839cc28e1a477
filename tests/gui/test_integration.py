# test_integration.py: record where to integrate and how deeply
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open the example workshop, go to the Integration step, read the areas of
the map and the chart's text alternative, deepen one area through the
accessibility tree, check the row, the chart and the saved file follow,
undo; read the small multiples of the Triple-hatting step; add an
arrangement to an option with the mouse and with the keyboard, check the
small multiples and the saved file follow, undo; give an IAP
requirement a status on the Summary step and undo it; take screenshots in
English and in French.

    /usr/bin/python3 test_integration.py --exe _build/app/iap-workshop \
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
from test_triple_hatting import ENGLISH, FRENCH, EXAMPLE, open_example, go_to, wait_description  # noqa: E402

AREAS = "Integration areas"
CHART = "Chart of the integration map"
AREA = "Early recovery"
DEPTH = "Early recovery: Depth"
SAVED_AFTER = re.compile(r'<area ref="early-recovery" depth="coordinated-planning"')
SAVED_BEFORE = re.compile(r'<area ref="early-recovery" depth="information-sharing"')


def ok(message):
    print("ok -", message, flush=True)


def area_rows(app, frame):
    areas = app.find("list", AREAS, root=frame)
    return [row.name for row in areas]


def subtitle_of(app, frame):
    """The words of the area's header row: its name and its subtitle."""
    header = app.find("list item", AREA, root=app.find("list", AREAS, root=frame),
                      predicate=lambda n: n.childCount > 0 and n.getRole() == iaptest.pyatspi.ROLE_LIST_ITEM)
    return " ".join(app.read_text(label) for label in app.find_all("label", root=header))


def record(session, app, frame, path):
    names = wait_for("the areas of the map", lambda: area_rows(app, frame) if len(area_rows(app, frame)) >= 13 else None, 10)
    check("Humanitarian coordination and operations" in names, f"the map lists {names}")
    ok(f"the map lists {len(names)} areas, from {names[0]!r} to {names[-1]!r}")

    chart = app.find(None, CHART, root=frame)
    text = wait_description(app, chart, "the chart's text alternative", "Information sharing: Electoral assistance, Early recovery")
    ok(f"the chart says: {text[:120]!r}")

    session.still_pixels(frame)
    session.screenshot("integration-en-top")

    row = app.find("list item", AREA, root=app.find("list", AREAS, root=frame))
    app.click(row)
    dropdown = app.find("combo box", DEPTH, root=frame)
    ok("opening the area shows its depth, criteria and reasons")
    app.scroll_into_view(dropdown)
    time.sleep(1)
    session.still_pixels(frame)
    session.screenshot("integration-en-area")

    app.click(dropdown)
    wait_for("the depth list", lambda: app.find_all("list", root=app.root,
                                                     predicate=lambda n: n.childCount == 6), 5)
    # The list opens with the focus on its first item: not chosen yet,
    # separate, information sharing, coordinated planning
    session.press("Down", "Down", "Down", "Return")
    wait_description(app, chart, "the chart to follow the new depth",
                     "Coordinated planning: Security sector reform, Protection of civilians, "
                     "Return and reintegration, Early recovery,")
    words = subtitle_of(app, frame)
    check("Coordinated planning" in words, f"the row of early recovery says {words!r}")
    ok("choosing coordinated planning for early recovery moves it on the chart")

    session.press("ctrl+s")
    wait_for("the file to be saved", lambda: SAVED_AFTER.search(open(path, encoding="utf-8").read()), 10)
    ok("Ctrl+S writes the new depth")

    session.press("ctrl+z")
    wait_description(app, chart, "undo to bring the depth back", "Information sharing: Electoral assistance, Early recovery")
    session.press("ctrl+s")
    wait_for("the file to be saved again", lambda: SAVED_BEFORE.search(open(path, encoding="utf-8").read()), 10)
    ok("Ctrl+Z undoes the depth; the chart and the file follow")

    app.scroll_into_view(chart)
    time.sleep(1)
    session.still_pixels(frame)
    session.screenshot("integration-en-chart")


REQUIREMENTS = "IAP Minimum Requirements and ISF Elements"
REQUIREMENT = "Shared vision"
SAVED_STATUS = re.compile(r'<requirement ref="shared-vision" status="met"')


def option_maps(session, app, frame):
    go_to(app, frame, "Triple-hatting")
    maps = app.find(None, "Risks each structural option brings, one heat map per option", root=frame)
    # Names are isolated (FSI ... PDI) for right-to-left languages
    text = wait_description(app, maps, "the small multiples' text alternative", "Triple-hatted DSRSG/RC/HC\u2069:")
    text = text.replace("\u2068", "").replace("\u2069", "")
    check("No structural integration: Brings no integration arrangement. No risk of the register." in text,
          f"the small multiples say {text!r}")
    ok(f"the small multiples say: {text.splitlines()[0][:100]!r}")
    app.scroll_into_view(maps)
    time.sleep(1)
    session.still_pixels(frame)
    session.screenshot("integration-en-option-maps")


ARRANGEMENTS = "Arrangements each option brings"
OPTION = "Triple-hatted DSRSG/RC/HC"
CO_LOCATION = "Triple-hatted DSRSG/RC/HC: Co-location"
SAVED_BROUGHT = re.compile(r'<option ref="triple-hatted">\s*<arrangement ref="triple-hatting"/>\s*'
                           r'<arrangement ref="integrated-office"/>\s*<arrangement ref="co-location"/>\s*</option>')
SAVED_AGREED = re.compile(r'<option ref="triple-hatted">\s*<arrangement ref="triple-hatting"/>\s*'
                          r'<arrangement ref="integrated-office"/>\s*</option>')


def arrangements(session, app, frame, path):
    """Still on the Triple-hatting step: the triple-hatted option brings
    co-location too, then no longer."""
    maps = app.find(None, "Risks each structural option brings, one heat map per option", root=frame)
    before = maps.description
    option = app.find("list item", OPTION, root=app.find("list", ARRANGEMENTS, root=frame))
    app.scroll_into_view(option)
    app.click(option)
    box = app.find("check box", CO_LOCATION, root=frame)
    checked = lambda: box.getState().contains(iaptest.pyatspi.STATE_CHECKED)  # noqa: E731
    check(not checked(), f"{CO_LOCATION!r} starts unchecked")
    app.scroll_into_view(box)
    time.sleep(1)
    session.still_pixels(frame)
    session.screenshot("integration-en-arrangements")

    app.click(box)
    wait_for("the check box to be checked", checked, 10)
    wait_for("the small multiples to follow", lambda: maps.description != before, 10)
    after = maps.description.replace("\u2068", "").replace("\u2069", "")
    brought = "Triple-hatted DSRSG/RC/HC: Brings: Triple-hatting, Integrated office, Co-location."
    check(brought in after, f"the small multiples say {after!r}")
    ok(f"the small multiples follow: {brought!r}")
    session.press("ctrl+s")
    wait_for("the arrangement to be saved", lambda: SAVED_BROUGHT.search(open(path, encoding="utf-8").read()), 10)
    ok("checking co-location for the triple-hatted option is saved")

    session.press("ctrl+z")
    wait_for("undo to uncheck the box", lambda: not checked(), 10)
    wait_for("the small multiples to come back", lambda: maps.description == before, 10)
    session.press("ctrl+s")
    wait_for("undo to be saved", lambda: SAVED_AGREED.search(open(path, encoding="utf-8").read()), 10)
    ok("Ctrl+Z takes co-location back out; the small multiples and the file follow")

    # The keyboard: the check box has the focus after the click
    session.press("space")
    wait_for("Space to check the box", checked, 10)
    session.press("ctrl+z")
    wait_for("undo to uncheck the box again", lambda: not checked(), 10)
    ok("Space checks the arrangement, Ctrl+Z undoes it")


def requirements(session, app, frame, path):
    go_to(app, frame, "Summary")
    row = app.find("list item", REQUIREMENT, root=frame)
    words = " ".join(app.read_text(label) for label in app.find_all("label", root=row))
    check("Partly met (suggested)" in words, f"the row of {REQUIREMENT!r} says {words!r}")
    ok(f"{REQUIREMENT!r} shows the status the workshop suggests: {words[:90]!r}")
    app.scroll_into_view(row)
    app.click(row)
    status = app.find("combo box", f"{REQUIREMENT}: Status", root=frame)
    app.scroll_into_view(status)
    time.sleep(1)
    session.still_pixels(frame)
    session.screenshot("integration-en-requirements")
    app.click(status)
    wait_for("the status list", lambda: app.find_all("list", root=app.root,
                                                      predicate=lambda n: n.childCount == 5), 5)
    # As the workshop suggests, met, ...
    session.press("Down", "Return")

    def says(words):
        row = app.find("list item", REQUIREMENT, root=frame)
        return words in " ".join(app.read_text(label) for label in app.find_all("label", root=row))
    wait_for("the row to say Met", lambda: says("Met · The four elements"), 10)
    time.sleep(0.5)  # the list's popover closes and gives the focus back
    session.press("ctrl+s")
    wait_for("the status to be saved", lambda: SAVED_STATUS.search(open(path, encoding="utf-8").read()), 10)
    ok("choosing Met for the shared vision is saved")
    session.press("ctrl+z")
    wait_for("the row to say suggested again", lambda: says("Partly met (suggested)"), 10)
    session.press("ctrl+s")
    wait_for("undo to be saved", lambda: not SAVED_STATUS.search(open(path, encoding="utf-8").read()), 10)
    ok("Ctrl+Z gives the suggested status back")


def run(session, args, folder):
    path = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, path)

    app, frame = open_example(session, args.exe, path, ENGLISH)
    go_to(app, frame, "Integration")
    record(session, app, frame, path)
    option_maps(session, app, frame)
    arrangements(session, app, frame, path)
    requirements(session, app, frame, path)
    app.quit()

    app, frame = open_example(session, args.exe, path, FRENCH)
    go_to(app, frame, "Intégration")
    app.find("list", "Domaines d’intégration", root=frame)
    session.still_pixels(frame)
    session.screenshot("integration-fr-top")
    ok("the step in French (screenshot integration-fr-top)")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "integration", "integration map", [
        ("--example", {"default": EXAMPLE, "help": "the example workshop to copy and edit"})])


if __name__ == "__main__":
    sys.exit(main())
