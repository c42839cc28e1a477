# test_steps.py: walk the seven workshop steps through the sidebar
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start IAP Workshop, select each step in the sidebar and check its page is shown.

    /usr/bin/python3 test_steps.py --exe _build/app/iap-workshop --lang fr \
        --output _build/tests/gui/screenshots

GTK 4.8 does not tell AT-SPI which page of a GtkStack is on screen (no
SHOWING state, every page stays VISIBLE), so "shown" is checked three ways:
the row is the list's selection; the page got a size when selected while
the pages not visited yet still have none (GtkStack only allocates the
visible page); and the pixels of the page area differ from every other
step's, and are the same again when a step is selected a second time.
"""

import argparse
import locale
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
import pyatspi  # noqa: E402
from iaptest import check  # noqa: E402

SLUGS = ["setup", "context", "integration", "matrix", "triple-hatting", "mitigation", "summary"]
STEPS = {
    "en": ["Set-up", "Context", "Integration", "Risk matrix", "Triple-hatting", "Mitigation", "Summary"],
    "fr": ["Préparation", "Contexte", "Intégration", "Matrice des risques", "Triple casquette",
           "Atténuation", "Synthèse"],
}
SIDEBAR = {"en": "Workshop steps", "fr": "Étapes de l’atelier"}
LOCALES = {
    "en": {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    "fr": {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"},
}


def ok(message):
    print("ok -", message, flush=True)


def check_prerequisites(lang):
    """Say plainly when the machine, not the application, is at fault."""
    env = LOCALES[lang]
    try:
        locale.setlocale(locale.LC_ALL, env["LC_ALL"])
        locale.setlocale(locale.LC_ALL, "C")
    except locale.Error:
        raise iaptest.TestFailure(f"the locale {env['LC_ALL']} is not installed "
                                  "(uncomment it in /etc/locale.gen and run locale-gen)")
    localedir = os.environ.get("IAP_WORKSHOP_LOCALEDIR")
    if lang != "en" and localedir:
        mo = os.path.join(localedir, lang, "LC_MESSAGES", "iap-workshop.mo")
        check(os.path.exists(mo), f"no {lang} catalogue at {mo}: is {lang} in po/LINGUAS?")


def size(node):
    ext = node.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS)
    return ext.width, ext.height


def run(session, exe, lang):
    names = STEPS[lang]
    app = session.launch([exe], env=LOCALES[lang])
    frame = app.find("frame")
    ok(f"main window {frame.name!r} is on the accessibility bus")

    sidebar = app.find("list", SIDEBAR[lang], root=frame)
    rows = [row.name for row in sidebar]
    check(rows == names, f"sidebar {sidebar.name!r} lists {rows}, expected {names}")
    ok(f"sidebar {sidebar.name!r} lists the seven steps")

    # The innermost panel with the step's name is the page itself (the
    # GtkStackPage around it has the same name).
    pages = {}
    for name in names:
        found = app.find_all("panel", name, root=frame)
        check(found, f"no page named {name!r}")
        pages[name] = found[-1]

    check(app.selected(sidebar) == [names[0]],
          f"at start-up {app.selected(sidebar)} is selected, expected {names[0]!r}")
    iaptest.wait_for("the window to be laid out", lambda: size(pages[names[0]]) != (0, 0))
    unsized = [n for n in names if size(pages[n]) == (0, 0)]
    check(unsized == names[1:], f"at start-up the pages without a size are {unsized}, "
          f"expected all but {names[0]!r}: another page was shown first")

    # The pages' pixels are compared with each other and with themselves
    # later: the pointer (Xvfb starts it mid-screen, over a page's rows)
    # waits below the sidebar's steps, where nothing lights up under it.
    pyatspi.Registry.generateMouseEvent(100, session.height - 40, "abs")

    shots = {}
    for index, (name, slug) in enumerate(zip(names, SLUGS)):
        page = pages[name]
        app.activate(app.find("list item", name, root=sidebar))
        iaptest.wait_for(f"{name!r} to be selected", lambda: app.selected(sidebar) == [name], 5)
        iaptest.wait_for(f"page {name!r} to be laid out", lambda: size(page) != (0, 0), 5)
        early = [n for n in names[index + 1:] if size(pages[n]) != (0, 0)]
        check(not early, f"selecting {name!r} laid out the pages {early} as well")

        labels = [app.read_text(label) for label in app.find_all("label", root=page)]
        check(len(labels) >= 3, f"page {name!r} has labels {labels}, expected step, title, text")
        step, title, text = labels[:3]
        check(title == name, f"page {name!r} has the title {title!r}")
        if lang == "en":
            check(step == f"Step {index + 1} of 7", f"page {name!r} says {step!r}")
        else:
            check(f"{index + 1}" in step and "7" in step and "Step" not in step,
                  f"page {name!r} says {step!r}, expected it translated with {index + 1} and 7")
        check(len(text) > 40, f"page {name!r} has no paragraph: {text!r}")

        pixels = session.still_pixels(page)
        same = [n for n, p in shots.items() if p == pixels]
        check(not same, f"after selecting {name!r} the page area looks the same as for {same}")
        shots[name] = pixels
        path = session.screenshot(f"steps-{lang}-{slug}")
        ok(f"{name!r} shows its page ({step}; {path})")

    # Back to the first step, with the list's selection, then on with the
    # keyboard: the pixels must be those seen the first time.
    app.activate(app.find("list item", names[0], root=sidebar))
    iaptest.wait_for(f"{names[0]!r} to be selected again",
                     lambda: app.selected(sidebar) == [names[0]], 5)
    check(session.still_pixels(pages[names[0]]) == shots[names[0]],
          f"{names[0]!r} is selected again but its page is not what it was")
    ok(f"selecting {names[0]!r} again shows its page again")

    session.press("Down")
    iaptest.wait_for(f"Down to select {names[1]!r}", lambda: app.selected(sidebar) == [names[1]], 5)
    check(session.still_pixels(pages[names[1]]) == shots[names[1]],
          f"Down selected {names[1]!r} but its page is not shown")
    ok(f"the Down key goes on to {names[1]!r}")

    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True, help="the iap-workshop executable")
    parser.add_argument("--lang", choices=sorted(STEPS), default="en")
    parser.add_argument("--output", default=None, help="folder for the screenshots")
    args = parser.parse_args()

    try:
        check_prerequisites(args.lang)
        with iaptest.Session(args.output) as session:
            try:
                run(session, os.path.abspath(args.exe), args.lang)
            except Exception:
                try:
                    print("screenshot of the failure:",
                          session.screenshot(f"steps-{args.lang}-FAILED"), file=sys.stderr)
                except Exception:
                    pass
                raise
    except iaptest.TestFailure as e:
        print(f"FAIL ({args.lang}): {e}", file=sys.stderr)
        return 1
    print(f"PASS ({args.lang}): the seven steps show their pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
