#!/usr/bin/python3
# test_room_mode.py: F5 shows the current step to the room, and nothing private
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open room mode with F5, follow the facilitator's steps and selection, leave with Esc.

    /usr/bin/python3 test_room_mode.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The example is opened with two rounds added after its revealed one: a
revealed round where only two participants scored the third risk (below
the privacy floor of 3) and an open round where six more score it, and a
dissent on that risk by a participant who chose to be named by pillar
only. F5 opens the room's window on the Set-up step; the facilitator's
window then goes to the Risk matrix step and selects risks in its
register (through the accessibility tree, while the room's window has the
keyboard), and the room follows: the first risk with the medians of its
revealed round, the third with its two scores withheld, never the open
round's six, and the dissent by pillar, never by name. The other steps
show their charts with a text alternative, the Mitigation step its two
heat maps one at a time (Page Down, Page Up), the Triple-hatting step its
three charts page by page; Esc closes the room's window and the
facilitator's stays. The heat maps and the Triple-hatting step's charts
are seen again in French. Screenshots room-*.png. On the one screen, room
mode fills it.

With --monitors (and --monitors-shim, which makes Xvfb's one screen read
as those monitors), room mode goes full screen on the monitor the
facilitator's window is not on, and Esc brings the facilitator back.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
import pyatspi  # noqa: E402
from iaptest import check  # noqa: E402
import test_spreadsheets as sheets  # noqa: E402
import test_layout as layout  # noqa: E402

NS = "https://iapworkshop.github.io/ns/workshop/1"
ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
ROOM = "Room Mode"


def q(tag):
    return "{%s}%s" % (NS, tag)


def ok(message):
    print("ok -", message, flush=True)


def write_workshop(example, path):
    """The example, with r3 scored by two in a later revealed round and by
    six in an open one, and a dissent on r3 by pillar only. Returns the
    participants' names, the risks' titles and the number of measures."""
    ET.register_namespace("", NS)
    tree = ET.parse(example)
    root = tree.getroot()
    rounds = root.find(q("rounds"))
    check(rounds is not None and len(rounds) > 0, "the example has a round")
    revealed = ET.SubElement(rounds, q("round"), {"id": "round2", "number": "2", "mode": "private",
                                                  "state": "revealed"})
    for participant in ("p1", "p2"):
        ET.SubElement(revealed, q("rating"), {"participant": participant, "risk": "r3",
                                              "likelihood": "1", "impact": "1"})
    still_open = ET.SubElement(rounds, q("round"), {"id": "round3", "number": "3", "mode": "private",
                                                    "state": "open"})
    for participant in ("p3", "p4", "p5", "p6", "p7", "p8"):
        ET.SubElement(still_open, q("rating"), {"participant": participant, "risk": "r3",
                                                "likelihood": "5", "impact": "5"})
    dissents = root.find(q("dissents"))
    dissent = ET.SubElement(dissents, q("dissent"), {"id": "d9", "participant": "p12", "attribution": "pillar",
                                                     "subject": "risk", "risk": "r3"})
    dissent.text = "The compound question is settled elsewhere."
    names = [p.find(q("name")).text for p in root.find(q("participants")) if p.find(q("name")) is not None]
    titles = [r.find(q("title")).text for r in root.find(q("risks"))]
    measures = len(root.find(q("mitigations")))
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    return names, titles, measures


def room_window(app, present=True):
    """The room's window among the application's top levels (or None)."""
    found = next((n for n in app.root if n is not None and n.name == ROOM), None)
    return found if present else found is None


def texts(app, root):
    return [app.read_text(n) or "" for n in app.find_all("label", root=root)]


def description(node):
    return node.description or ""


def wait_step(app, room, number, title):
    wanted = f"Step {number} of 7 · {title}"
    iaptest.wait_for(f"the room to show {wanted!r}", lambda: wanted in texts(app, room), 5)


def check_private(app, room, names, where):
    shown = "\n".join(texts(app, room))
    leaks = [n for n in names if n in shown]
    check(not leaks, f"{where}: the room names participants {leaks}")


def window_geometry(session, title):
    """(x, y, width, height) of the top-level X window named title, or None."""
    tree = subprocess.run(["/usr/bin/xwininfo", "-root", "-tree"], env=session.env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout
    for line in tree.splitlines():
        found = re.search(r'"(.*)": \(.*\)\s+(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+([+-]-?\d+)([+-]-?\d+)', line)
        if found and found.group(1) == title:
            return (int(found.group(4)), int(found.group(5)), int(found.group(2)), int(found.group(3)))
    return None


# The application's layout report (IAP_WORKSHOP_LAYOUT_REPORT), asked for
# at each screenshot of a room window, and the charts it told about
REPORT = None
FONTS = {}


def shot(session, name):
    """A screenshot; first, each chart the room's window shows says the
    smallest text it asked for, which is at least the room font of the
    window's height: 1/28 of it, 768 / 28 = 27.4 px full screen on a
    laptop's 1366 x 768. Without a window manager the window is not made
    full screen and keeps its frame (758 px high inside it, 27.1 px)."""
    if REPORT is not None:
        for line in REPORT.ask(session):
            if line[0] != "font":
                continue
            smallest, font = (float(v) for v in line[4].split())
            check(font >= (session.height - 20) / 28,
                  f"{name}: the room window's font is {font:.2f} px, for a screen {session.height} px high")
            check(smallest >= font - 0.01,
                  f"{name}: a {line[2]} asks for text of {smallest:.2f} px, below the room font {font:.2f} px")
            FONTS.setdefault(line[2], []).append((name, smallest, font))
    return session.screenshot(name)


def window_state(session, title):
    """The _NET_WM_STATE property of the top-level X window named title."""
    tree = subprocess.run(["/usr/bin/xwininfo", "-root", "-tree"], env=session.env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout
    ids = [line.split()[0] for line in tree.splitlines() if f'"{title}"' in line]
    check(ids, f"no X window named {title!r}")
    return subprocess.run(["/usr/bin/xprop", "-id", ids[0], "_NET_WM_STATE"], env=session.env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout.strip()


def check_room_on(session, geometry, where, facilitator):
    """The room's window covers geometry, (x, y, width, height), and asked
    to be full screen: its default size is the monitor's, so the geometry
    alone would match a window that did not. With no window manager in
    the test's X server nothing acts on the request, so what is checked is
    the state GTK set on the window (_NET_WM_STATE_FULLSCREEN) when it
    asked, and that the facilitator's window has no such state."""
    shown = iaptest.wait_for(f"the room's window to fill {where} {geometry}",
                             lambda: window_geometry(session, ROOM) == geometry and geometry, 10)
    state = iaptest.wait_for("the room's window to be full screen",
                             lambda: "_NET_WM_STATE_FULLSCREEN" in window_state(session, ROOM)
                             and window_state(session, ROOM), 5)
    check("_NET_WM_STATE_FULLSCREEN" not in window_state(session, facilitator),
          f"the facilitator's window is full screen too: {window_state(session, facilitator)}")
    ok(f"room mode fills {where}: {shown}, full screen ({state})")


def run_monitors(session, args, folder):
    """A laptop's screen and a projector: room mode on the projector."""
    monitors = [tuple(int(v) for v in re.split(r"[x+]", spec)) for spec in args.monitors.split(",")]
    app = session.launch([args.exe, args.example],
                         env=dict(ENV, LD_PRELOAD=os.path.abspath(args.monitors_shim),
                                  IAPTEST_MONITORS=args.monitors))
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step", lambda: app.selected(sidebar) == ["Set-up"], 5)
    laptop = (monitors[0][2], monitors[0][3], monitors[0][0], monitors[0][1])
    check(window_geometry(session, frame.name) == laptop,
          f"the facilitator's window is not on the laptop's screen {laptop}: "
          f"{window_geometry(session, frame.name)}")

    session.press("F5")
    iaptest.wait_for("F5 to open the room's window", lambda: room_window(app), 10)
    w, h, x, y = monitors[1]
    check_room_on(session, (x, y, w, h), "the projector, beside the facilitator's screen", frame.name)
    ok(f"screenshot {session.screenshot('room-monitors')}")
    check(window_geometry(session, frame.name) == laptop, "the facilitator's window moved")

    session.press("Escape")
    iaptest.wait_for("Esc to close the room's window", lambda: room_window(app, present=False), 5)
    check(app.find("frame", root=app.root) is not None, "the facilitator's window went with the room's")
    ok("Esc leaves room mode; the facilitator's window stays on the laptop's screen")
    app.quit()


def run(session, args, folder):
    if args.monitors:
        run_monitors(session, args, folder)
        return
    path = os.path.join(folder, "room.iapw")
    names, titles, measures = write_workshop(args.example, path)
    global REPORT
    REPORT = layout.Report(os.path.join(folder, "layout.txt"))
    app = session.launch([args.exe, path], env=dict(ENV, IAP_WORKSHOP_LAYOUT_REPORT=REPORT.path))
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step", lambda: app.selected(sidebar) == ["Set-up"], 5)

    session.press("F5")
    room = iaptest.wait_for("F5 to open the room's window", lambda: room_window(app), 10)
    wait_step(app, room, 1, "Set-up")
    check_room_on(session, (0, 0, session.width, session.height), "the only screen", frame.name)
    shown = texts(app, room)
    check("What is this workshop for, and who takes part?" in shown, f"no question on the Set-up step: {shown}")
    check("13 participants" in shown, f"the room does not count the participants: {shown}")
    check_private(app, room, names, "Set-up")
    ok(f"F5 opens the room's window on the Set-up step: {shown[:3]}")
    ok(f"screenshot {shot(session, 'room-setup')}")

    # The facilitator moves on; the keyboard stays with the room
    app.activate(app.find("list item", "Risk matrix", root=sidebar))
    wait_step(app, room, 4, "Risk matrix")
    heat_map = app.find("image", "Heat map for the room", root=room)
    iaptest.wait_for("the room's heat map to describe the example",
                     lambda: "Critical: 1 (2)." in description(heat_map), 5)
    ok(f"the room follows the step change to the Risk matrix: {description(heat_map)[:60]!r}")

    register = app.find("list", root=frame, predicate=lambda n: n.childCount == len(titles)
                        and "Selection" in pyatspi.listInterfaces(n))

    def select(index):
        check(register.querySelection().selectChild(index), f"the register refused to select row {index}")
        return iaptest.wait_for(f"the room to show {titles[index]!r}",
                                lambda: next((t for t in texts(app, room) if titles[index] in t), None), 5)

    select(0)
    detail = "\n".join(texts(app, room))
    check("Inherent risk: High" in detail and "4 Likely × 4 Major" in detail,
          f"the room does not give the first risk's agreed rating: {detail!r}")
    check("Median likelihood" in detail, f"the first risk's revealed round has no medians: {detail!r}")
    ok("selecting risk 1 shows it with its agreed rating and its revealed round's medians")
    ok(f"screenshot {shot(session, 'room-matrix-risk1')}")

    select(2)
    detail = "\n".join(texts(app, room))
    check("2 scores" in detail and "Withheld" in detail,
          f"risk 3's two scores are not withheld: {detail!r}")
    check("Median" not in detail and "Rare" not in detail,
          f"the room shows a statistic of two scores: {detail!r}")
    check("6 scores" not in detail and "Almost certain" not in detail,
          f"the room shows the open round's private scores: {detail!r}")
    check("A participant of the NGO partner pillar" in detail,
          f"the dissent on risk 3 is not shown by pillar: {detail!r}")
    check_private(app, room, names, "risk 3")
    ok("selecting risk 3 follows: two scores withheld, the open round unseen, the dissent by pillar")
    ok(f"screenshot {shot(session, 'room-matrix-risk3')}")

    # The other steps: each chart with its words for a screen reader
    charts = {
        "Integration": (3, "Integration map for the room"),
        "Triple-hatting": (5, "Benefits and risks of each option for the room"),
    }
    for step, (number, chart) in charts.items():
        app.activate(app.find("list item", step, root=sidebar))
        wait_step(app, room, number, step)
        node = app.find(None, chart, root=room)
        iaptest.wait_for(f"the {step} chart's text alternative", lambda: len(description(node)) > 20, 5)
        check_private(app, room, names, step)
        ok(f"{step}: {chart!r} says {description(node)[:70]!r}")
        ok(f"screenshot {shot(session, 'room-' + step.lower())}")
        if step == "Integration":
            turn_integration_pages(session, app, room, "Page {} of {} · Page Down: next page",
                                   node, "Page {} of {}: ")
    # One chart at a time on the Triple-hatting step, Page Down for the next
    # page of a chart that needs more than one screen, then the next chart
    pages = turn_charts(session, app, room, "", CHARTS)
    ok(f"Page Down turns the charts' pages: {pages}")
    check(pages[0] == 1 and pages[1] > 1,
          f"at 1366 x 768 the example's four options are not on one screen, or the grid needs no pages: {pages}")
    grid = app.find(None, "Score of each factor for each option, for the room", root=room)
    check("Preferential access 4" in description(grid),
          f"the grid's text alternative does not give the scores: {description(grid)[:80]!r}")
    # Page Up back through the small multiples and the grid comes to the
    # first chart's last page, Page Down back to the small multiples
    for _ in range(pages[2] + pages[1]):
        session.press("Page_Up")
    (single, paged), charts = CHARTS[""]
    wanted = single.format(n=1, title=charts[0]) if pages[0] == 1 else \
        paged.format(n=1, title=charts[0], page=pages[0], pages=pages[0])
    iaptest.wait_for(f"Page Up to show {wanted!r}", lambda: wanted in texts(app, room), 5)
    for _ in range(1 + pages[1]):
        session.press("Page_Down")
    back = single.format(n=3, title=charts[2]) if pages[2] == 1 else \
        paged.format(n=3, title=charts[2], page=1, pages=pages[2])
    iaptest.wait_for(f"Page Down back to {back!r}", lambda: back in texts(app, room), 5)
    ok(f"Page Up turns back through the pages of the other charts: {wanted!r}")
    maps = app.find(None, "Risks each option brings, for the room", root=room)
    check(len(description(maps)) > 20, f"the small multiples have no text alternative: {description(maps)!r}")
    # A page, one option: the text alternative says which page, and that
    # option alone
    first = iaptest.wait_for("the small multiples' first page described", lambda: description(maps) if description(
        maps).startswith(f"Page 1 of {pages[2]}: ") else None, 5)
    session.press("Page_Down" if pages[2] > 1 else "Page_Up")
    if pages[2] > 1:
        second = iaptest.wait_for("the small multiples' second page described", lambda: description(maps) if description(
            maps).startswith(f"Page 2 of {pages[2]}: ") else None, 5)
        check(first.split(": ", 1)[1] not in second and second.split(": ", 1)[1] not in first,
              f"the pages are not described alone: {first[:80]!r}, {second[:80]!r}")
        ok(f"the small multiples' pages are described one at a time: {first[:60]!r}, {second[:60]!r}")

    app.activate(app.find("list item", "Mitigation", root=sidebar))
    wait_step(app, room, 6, "Mitigation")
    app.find("image", "Residual risk heat map", root=room)
    plan = app.find("list", "GtkColumnListView", root=frame, predicate=lambda n: n.childCount == measures
                    and "Selection" in pyatspi.listInterfaces(n))
    check(plan.querySelection().selectChild(0), "the plan refused to select its first measure")
    shown = iaptest.wait_for("the room to show the measure selected in the plan",
                             lambda: next((t for t in texts(app, room) if "Risks treated: " in t), None), 5)
    check("\nOwner: " in shown, f"the measure's owning entity is not shown: {shown!r}")
    check_private(app, room, names, "Mitigation")
    ok(f"selecting a measure in the plan shows it to the room: {shown!r}")
    ok(f"screenshot {shot(session, 'room-mitigation')}")
    # The two maps one at a time, at the room's font
    check("Chart 1 of 2: Inherent risk (before) · Page Down: next chart" in texts(app, room),
          f"the Mitigation step does not say which map it shows: {texts(app, room)}")
    before = session.still_pixels(room)
    session.press("Page_Down")
    wanted = "Chart 2 of 2: Residual risk (after) · Page Down: next chart"
    iaptest.wait_for(f"Page Down to show {wanted!r}", lambda: wanted in texts(app, room), 5)
    check(session.still_pixels(room) != before, "Page Down did not turn to the residual map")
    ok(f"Page Down turns to the residual map: screenshot {shot(session, 'room-mitigation-2')}")
    session.press("Page_Up")
    iaptest.wait_for("Page Up to turn back to the inherent map",
                     lambda: "Chart 1 of 2: Inherent risk (before) · Page Down: next chart" in texts(app, room), 5)

    app.activate(app.find("list item", "Summary", root=sidebar))
    wait_step(app, room, 7, "Summary")
    shown = texts(app, room)
    check("What does the workshop recommend?" in shown, f"no question on the Summary step: {shown}")
    check_private(app, room, names, "Summary")
    ok(f"the Summary step gives the recommendation: {[t for t in shown if t][2:4]}")
    ok(f"screenshot {shot(session, 'room-summary')}")

    session.press("Escape")
    iaptest.wait_for("Esc to close the room's window", lambda: room_window(app, present=False), 5)
    check(app.proc.poll() is None and app.find("frame", root=app.root) is not None,
          "the facilitator's window went with the room's")
    check(app.selected(sidebar) == ["Summary"], f"the facilitator's step changed: {app.selected(sidebar)}")
    ok("Esc leaves room mode; the facilitator's window stays on its step")

    # The two charts of the IAP decision, from the Export dialog as any other
    pictures = [export_chart(session, app, frame, folder, 4 + index, chart, slug)
                for index, (chart, slug) in enumerate([("Integration map", "integration-map"),
                                                       ("Risks by option", "option-maps")])]
    check(pictures[0] != pictures[1], "the two charts exported are the same picture")
    app.quit()
    run_french(session, args, path, titles)
    # The room's charts drawn by app/render and its heat maps all told
    for kind in ("GtkDrawingArea", "IapHeatMapView"):
        check(FONTS.get(kind), f"no {kind} of the room's window reported its smallest text: {sorted(FONTS)}")
    ok("every chart of the room's window asks for text of at least the room font: " + ", ".join(
        f"{kind} {min(s for _, s, _ in pages):.2f} px (room font {min(f for _, _, f in pages):.2f}) "
        f"on {len(pages)} screens" for kind, pages in sorted(FONTS.items())))


def run_french(session, args, path, titles):
    """The heat maps and the Triple-hatting step's charts in room mode in
    French: screenshots room-*-fr.png."""
    app = session.launch([args.exe, path], env={"LANGUAGE": "fr", "IAP_WORKSHOP_LAYOUT_REPORT": REPORT.path})
    frame = app.find("frame")
    sidebar = app.sidebar(root=frame)
    iaptest.wait_for("the first step", lambda: app.selected(sidebar) == ["Préparation"], 5)
    session.press("F5")
    room = iaptest.wait_for("F5 to open the room's window",
                            lambda: next((n for n in app.root if n is not None and n.name == "Mode salle"), None),
                            10)
    app.activate(sidebar[3])
    iaptest.wait_for("the room to show the risk matrix",
                     lambda: "Étape 4 sur 7 · Matrice des risques" in texts(app, room), 5)
    register = app.find("list", root=frame, predicate=lambda n: n.childCount == len(titles)
                        and "Selection" in pyatspi.listInterfaces(n))
    check(register.querySelection().selectChild(0), "the register refused to select its first row")
    detail = iaptest.wait_for("the room to show the first risk's rating",
                              lambda: next((t for t in texts(app, room) if t.startswith("Risque inhérent")), None), 5)
    ok(f"in French, the room gives the selected risk's rating: {detail!r}")
    ok(f"screenshot {shot(session, 'room-matrix-fr')}")
    app.activate(sidebar[5])
    wanted = "Graphique 1 sur 2 : Risque inhérent (avant) · Page suivante : graphique suivant"
    iaptest.wait_for(f"the room to show {wanted!r}", lambda: wanted in texts(app, room), 5)
    session.still_pixels(room)
    ok(f"screenshot {shot(session, 'room-mitigation-fr')}")
    session.press("Page_Down")
    wanted = "Graphique 2 sur 2 : Risque résiduel (après) · Page suivante : graphique suivant"
    iaptest.wait_for(f"Page Down to show {wanted!r}", lambda: wanted in texts(app, room), 5)
    session.still_pixels(room)
    ok(f"in French, Page Down turns to the residual map: screenshot {shot(session, 'room-mitigation-2-fr')}")

    # The integration map and the Triple-hatting step's charts, at the
    # room's font in French
    app.activate(sidebar[2])
    iaptest.wait_for("the room to show the integration map", lambda: "Étape 3 sur 7 · Intégration" in texts(app, room), 5)
    session.still_pixels(room)
    ok(f"screenshot {shot(session, 'room-integration-fr')}")
    turn_integration_pages(session, app, room, "Page {} sur {} · Page suivante : page suivante",
                           app.find(None, "Carte de l’intégration pour la salle", root=room), "Page {} sur {} : ",
                           "room-integration-fr")
    app.activate(sidebar[4])
    iaptest.wait_for("the room to show the Triple-hatting step", lambda: "Étape 5 sur 7 · Triple casquette" in texts(app, room), 5)
    session.still_pixels(room)
    ok(f"screenshot {shot(session, 'room-triple-hatting-fr')}")
    pages = turn_charts(session, app, room, "fr", CHARTS)
    ok(f"in French, Page Down turns the charts' pages: {pages}")
    check(pages[0] == 1, f"in French the example's four options are not on one screen: {pages}")
    app.quit()


def turn_integration_pages(session, app, room, label, chart, described, slug="room-integration"):
    """The integration map at the room's font takes pages: Page Down turns
    each, the last back to the first; Page Up goes back. The chart's text
    alternative says the page shown (@described) and its areas alone."""
    pattern = label.replace("{}", "(\\d+)")
    found = iaptest.wait_for("the integration map's page count",
                             lambda: next((m for t in texts(app, room) if (m := re.search(pattern, t))), None), 5)
    check(found.group(1) == "1", f"the room does not start on the map's first page: {found.group(0)!r}")
    n_pages = int(found.group(2))
    check(n_pages >= 2, f"the example's 13 areas fit one page at the room's font? {found.group(0)!r}")
    seen = []
    for page in list(range(2, n_pages + 1)) + [1]:
        before = session.still_pixels(room)
        session.press("Page_Down")
        wanted = label.format(page, n_pages)
        iaptest.wait_for(f"Page Down to show {wanted!r}", lambda: wanted in texts(app, room), 5)
        check(session.still_pixels(room) != before, f"Page Down did not change the page shown ({wanted})")
        said = iaptest.wait_for(f"the map's text alternative to say {described.format(page, n_pages)!r}",
                                lambda: description(chart) if description(chart).startswith(
                                    described.format(page, n_pages)) else None, 5)
        check(said not in seen, f"page {page} is described as another page is: {said[:80]!r}")
        seen.append(said)
        if page > 1:
            ok(f"Page Down turns the map to page {page} of {n_pages}: "
               f"screenshot {shot(session, slug + '-' + str(page))}")
    session.press("Page_Up")
    wanted = label.format(n_pages, n_pages)
    iaptest.wait_for(f"Page Up to go back to {wanted!r}", lambda: wanted in texts(app, room), 5)
    session.press("Page_Down")
    iaptest.wait_for("Page Down to come back to the first page",
                     lambda: label.format(1, n_pages) in texts(app, room), 5)
    ok(f"Page Up from the first page goes to the last ({n_pages}), Page Down back to the first")


# The Triple-hatting step's charts in room mode, in English and in French
CHARTS = {
    "": [("Chart {n} of 3: {title} · Page Down: next chart",
          "Chart {n} of 3: {title}, page {page} of {pages} · Page Down: next"),
         ["Benefits and risks", "Factor scores", "Risks by option"]],
    "fr": [("Graphique {n} sur 3 : {title} · Page suivante : graphique suivant",
            "Graphique {n} sur 3 : {title}, page {page} sur {pages} · Page suivante : suite"),
           ["Avantages et risques", "Notes des facteurs", "Risques par option"]],
}


def turn_charts(session, app, room, lang, charts):
    """From the first page of the first chart, Page Down through every page
    of every chart, a screenshot of each. Returns each chart's pages."""
    (single, paged), titles = charts[lang]
    suffix = "-" + lang if lang else ""
    counts = []
    for n, title in enumerate(titles, 1):
        first = paged.split("{pages}")[0].format(n=n, title=title, page=1)
        if n > 1:
            before = session.still_pixels(room)
            session.press("Page_Down")
        label = iaptest.wait_for(f"chart {n}, {title!r}, to be shown", lambda: next(
            (t for t in texts(app, room) if t == single.format(n=n, title=title) or t.startswith(first)), None), 5)
        if n > 1:
            check(session.still_pixels(room) != before, f"Page Down did not change the chart shown ({label})")
        pages = 1 if label == single.format(n=n, title=title) else int(label[len(first):].split(" ")[0])
        shot(session, f"room-options-{n}{suffix}")
        for page in range(2, pages + 1):
            wanted = paged.format(n=n, title=title, page=page, pages=pages)
            before = session.still_pixels(room)
            session.press("Page_Down")
            iaptest.wait_for(f"Page Down to show {wanted!r}", lambda: wanted in texts(app, room), 5)
            check(session.still_pixels(room) != before, f"Page Down did not change the page shown ({wanted})")
            shot(session, f"room-options-{n}-{page}{suffix}")
        counts.append(pages)
    return counts


def export_chart(session, app, frame, folder, index, chart, slug):
    """Main Menu > Export…: one chart as PNG, its pixels looked at."""
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "Export…", timeout=5))
    dialog = sheets.toplevel(app, "Export")
    sheets.pick(session, app, dialog, "Export", index)
    iaptest.wait_for(f"{chart!r} to be chosen",
                     lambda: any(chart == (n.name or "") or chart in (app.read_text(n) or "")
                                 for n in app.find_all(None, root=dialog)), 5)
    session.screenshot(f"room-export-{slug}")
    name = os.path.join(folder, slug)
    app.click(app.find("push button", "Export…", root=dialog))
    sheets.toplevel(app, "Export To")
    session.press("ctrl+a")
    session.type_text(name)
    session.press("Return")
    path = name + ".png"
    iaptest.wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path) > 1000, 15)
    sheets.closed(app, "Export")
    size, colours = subprocess.run(["/usr/bin/identify", "-format", "%wx%h %k", path], check=True,
                                   stdout=subprocess.PIPE, text=True).stdout.split()
    check(int(colours) > 8, f"{path} ({size}) has {colours} colours: is the chart drawn?")
    ok(f"Export… writes the {chart.lower()} as PNG ({size}, {colours} colours)")
    with open(path, "rb") as f:
        return f.read()


def main():
    monitors = sys.argv[sys.argv.index("--monitors") + 1] if "--monitors" in sys.argv else None
    if monitors:
        # One screen holding the monitors side by side; the facilitator's
        # window on the first
        boxes = [[int(v) for v in re.split(r"[x+]", spec)] for spec in monitors.split(",")]
        iaptest.SCREEN = "%dx%d" % (max(w + x for w, h, x, y in boxes), max(h + y for w, h, x, y in boxes))
        iaptest.WINDOW = "%dx%d" % (boxes[0][0], boxes[0][1])
    return iaptest.main(__doc__, run, "room-mode-monitors" if monitors else "room-mode",
                        "room mode follows the steps and the selection and shows nothing private"
                        if not monitors else "room mode goes full screen on the other monitor",
                        [("--example", {"required": True, "help": "the example workshop"}),
                         ("--monitors", {"default": None,
                                         "help": "monitors WxH+X+Y, comma-separated: laptop first"}),
                         ("--monitors-shim", {"default": None, "help": "the iap-monitors module"})])


if __name__ == "__main__":
    sys.exit(main())
