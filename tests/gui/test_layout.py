# test_layout.py: nothing cut off, at one screen size, in English and French
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every step and dialog of the example shows every word in full, in English and French.

    /usr/bin/python3 test_layout.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --screen 1024x600 --output shots

One process and one screen (--screen, the window filling it), the
application started once per language on a copy of the example. On each
of the steps, and in Add Risk, Matrix Settings and Add Measure, the application is asked (IAP_WORKSHOP_LAYOUT_REPORT and
Ctrl+Shift+Alt+L) which of its shown texts are cut: a label shortened
with "…" and no tooltip, narrower than its text, needing more height
than it has or hidden in part by what is around it (other than a
scrolled view, which can be scrolled), or an entry's text wider than the
entry; or the sidebar folded over a page too wide to sit beside it.
There must be none. Each label shortened with a tooltip must
also be read in full through the accessibility tree. A screenshot of
each screen is left as layout-WxH-LANG-NAME.png.
"""

import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

LANGUAGES = {
    "en": {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    "fr": {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"},
}
# Screenshots and dialogs are named after the step, in English
SLUGS = {"Set-up": "setup", "Préparation": "setup", "Contexte": "context",
         "Risk matrix": "matrix", "Matrice des risques": "matrix",
         "Triple casquette": "triple-hatting", "Atténuation": "mitigation", "Synthèse": "summary"}
# The dialogs: the step they open from, the button's name and the window's.
DIALOGS = {
    "en": [("matrix", "Add Risk…", "Add Risk"), ("matrix", "Matrix Settings…", "Matrix Settings"),
           ("mitigation", "Add Measure…", "Add Measure")],
    "fr": [("matrix", "Ajouter un risque…", "Ajouter un risque"),
           ("matrix", "Paramètres de la matrice…", "Paramètres de la matrice"),
           ("mitigation", "Ajouter une mesure…", "Ajouter une mesure")],
}


def ok(message):
    print("ok -", message, flush=True)


class Report:
    """The application's reports of cut texts, read as they are appended."""

    def __init__(self, path):
        self.path, self.done = path, 0

    def ask(self, session):
        session.press("ctrl+shift+alt+l")

        def section():
            if not os.path.exists(self.path):
                return None
            with open(self.path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            ends = [i for i, line in enumerate(lines) if line.startswith("end\t")]
            if len(ends) <= self.done:
                return None
            start = ends[self.done - 1] + 1 if self.done else 0
            self.done += 1
            return [line.split("\t") for line in lines[start:ends[self.done - 1] + 1]]
        return wait_for("the layout report", section, 10)


def read_in_full(app, window, shortened):
    """Each shortened label's full text is what the accessibility tree reads."""
    texts = {app.read_text(n) for n in app.find_all("label", root=window)}
    missing = [line[3] for line in shortened if line[3] not in texts]
    check(not missing, f"shortened labels not read in full by a screen reader: {missing}")


def check_screen(session, app, report, window, name):
    wait_for("the screen to settle", lambda: session.still_pixels(window) is not None, 10)
    lines = report.ask(session)
    shot = session.screenshot(name)
    cut = [f"{line[2]} {line[3]!r}: {line[4]}" for line in lines if line[0] in ("cut", "folded")]
    shortened = [line for line in lines if line[0] == "shortened"]
    check(not cut, f"{name}: {len(cut)} texts cut:\n  " + "\n  ".join(cut))
    read_in_full(app, window, shortened)
    ok(f"{name}: {lines[-1][1]} texts in full, {len(shortened)} shortened with a tooltip ({shot})")


def toplevel(app, title):
    return wait_for(f"the window {title!r}", lambda: next(
        (n for n in app.root if n is not None and n.name == title), None), 10)


def run_language(session, args, folder, lang):
    size = f"{session.width}x{session.height}"
    path = os.path.join(folder, f"layout-{lang}.iapw")
    shutil.copy(args.example, path)
    report = Report(os.path.join(folder, f"layout-{lang}.txt"))
    env = dict(LANGUAGES[lang], IAP_WORKSHOP_LAYOUT_REPORT=report.path)
    app = session.launch([args.exe, path], env=env)
    frame = wait_for("the example to open", lambda: next(
        (f for f in app.find_all("frame") if (f.name or "").startswith(f"layout-{lang}.iapw")), None), 15)
    sidebar = app.sidebar(frame)
    steps = [row.name for row in sidebar]

    check(len(steps) >= 6, f"the sidebar lists {steps}")
    for step in steps:
        slug = SLUGS.get(step, re.sub(r"\W+", "-", step.lower()).strip("-"))
        app.activate(app.find("list item", step, root=sidebar))
        wait_for(f"{step!r} to be selected", lambda: app.selected(sidebar) == [step], 5)
        check_screen(session, app, report, frame, f"layout-{size}-{lang}-{slug}")
        for where, button, title in DIALOGS[lang]:
            if where != slug:
                continue
            app.click(app.find("push button", button, root=frame))
            dialog = toplevel(app, title)
            check_screen(session, app, report, dialog, f"layout-{size}-{lang}-{where}-{title.lower().replace(' ', '-')}")
            session.press("Escape")
            wait_for(f"{title!r} to close", lambda: not any(
                n is not None and n.name == title for n in app.root), 5)
            time.sleep(0.2)
    app.quit()


def run(session, args, folder):
    for lang in args.lang.split(","):
        run_language(session, args, folder, lang)


def main():
    screen = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--screen=")), None)
    if screen is None and "--screen" in sys.argv:
        screen = sys.argv[sys.argv.index("--screen") + 1]
    if screen:
        iaptest.SCREEN = screen
    return iaptest.main(__doc__, run, f"layout-{screen or iaptest.SCREEN}",
                        "every screen shows every word in full",
                        [("--example", {"required": True, "help": "the example workshop"}),
                         ("--screen", {"default": None, "help": "WxH, such as 1024x600"}),
                         ("--lang", {"default": "en,fr", "help": "languages, such as en,fr"})])


if __name__ == "__main__":
    sys.exit(main())
