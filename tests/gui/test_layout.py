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

Then the scoring round, on a copy of the example whose revealed round
also scored the triple-hatting factors: its reveal (Details open) at the
top and scrolled to the end, the
presenter view of the reveal, the set-up of a new round, a round of
paper ballots waiting for them and one ballot typed in after its code,
then (the ballot round undone) a private round, a participant's own
scores and the presenter view while the room scores. Each is checked as
above and left as round-WxH-LANG-STAGE.png. The presenter view is the
room's: the report also names any of its texts smaller than the room
font of its height (docs/charts.md).
"""

import gettext
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402
import test_round_keyboard as kb  # noqa: E402

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
    cut = [f"{line[2]} {line[3]!r}: {line[4]}" for line in lines if line[0] in ("cut", "folded", "small")]
    shortened = [line for line in lines if line[0] == "shortened"]
    check(not cut, f"{name}: {len(cut)} texts cut:\n  " + "\n  ".join(cut))
    read_in_full(app, window, shortened)
    ok(f"{name}: {lines[-1][1]} texts in full, {len(shortened)} shortened with a tooltip ({shot})")


def toplevel(app, title):
    return wait_for(f"the window {title!r}", lambda: next(
        (n for n in app.root if n is not None and n.name == title), None), 10)


def write_workshop(example, path):
    """The example, its revealed round having scored the factors too."""
    with open(example, encoding="utf-8") as f:
        text = f.read()
    factors = re.findall(r'<factor ref="([^"]+)"', re.search(r"<factors>.*?</factors>", text, re.S).group(0))
    options = re.findall(r'<option ref="([^"]+)"', re.search(r"<context[ >].*?</context>", text, re.S).group(0))
    start = text.index('<round id="round1"')
    end = text.index("</round>", start)
    people = sorted(set(re.findall(r'participant="(p\d+)"', text[start:end])))
    scores = [f'      <factor-rating participant="{p}" factor="{f}" option="{o}" value="{(i + j + k) % 5}"/>'
              for i, p in enumerate(people) for j, f in enumerate(factors) for k, o in enumerate(options)]
    head = re.sub(r" *<factor-rating [^>]*/>\n", "", text[start:end])
    risks = sorted(set(re.findall(r'<rating [^>]*risk="([^"]+)"', head)), key=lambda r: int(r[1:]))
    check(risks and "<risk ref" not in head and 'factors="true"' not in head, "round1 of the example changed")
    head = head.replace('state="revealed">', 'state="revealed" factors="true">\n'
                        + "\n".join(f'      <risk ref="{r}"/>' for r in risks), 1)
    text = text[:start] + head + "\n".join(scores) + "\n    " + text[end:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run_round(session, app, frame, sidebar, report, lang, path):
    """The scoring round's stages, each checked as a step is."""
    t = gettext.translation("iap-workshop", os.environ.get("IAP_WORKSHOP_LOCALEDIR"), [lang], fallback=True)

    def name(text):
        return t.gettext(text).replace("_", "")

    def button(text, root):
        return app.find("push button", name(text), root=root)

    def stage(window, what):
        check_screen(session, app, report, window, f"round-{session.width}x{session.height}-{lang}-{what}")

    def focused(role, what, prefix):
        """Each page gives the focus to its first control: the page is shown (a
        drop-down's focus is on its button, named after the drop-down)."""
        def ok_focus():
            n = kb.focused(app, window)
            return n is not None and n.getRoleName() == role and (n.name or "").startswith(prefix)
        return wait_for(what, ok_focus, 10)

    def no_round():
        kb.label_like(app, t.gettext("No scoring round in progress"), window)

    def tick_factors():
        box = app.find("check box", name("Also score the triple-hatting _factors for each structural option "
                                         "under study"), root=window)
        if not box.getState().contains(iaptest.pyatspi.STATE_CHECKED):
            app.click(box)
        wait_for("the factors to be ticked", lambda: box.getState().contains(iaptest.pyatspi.STATE_CHECKED), 5)

    def presenter():
        node = toplevel(app, presenter_title)
        wait_for("the presenter view to be laid out",
                 lambda: node.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS).height > 100, 5)
        return node

    def closed(title):
        wait_for(f"{title!r} to close", lambda: not any(n is not None and n.name == title for n in app.root), 5)

    matrix = next(step for step, slug in SLUGS.items() if slug == "matrix" and step in [r.name for r in sidebar])
    app.activate(app.find("list item", matrix, root=sidebar))
    app.activate(app.find("push button", name("Scorin_g Round…"), root=frame))
    window = toplevel(app, name("Scoring Round"))
    presenter_title = name("Presenter View")

    # The revealed round, its statistics open, and what the room sees of it
    focused("push button", "the reveal's risk picker to have the focus", name("Ris_k"))
    details = t.gettext("De_tails")
    session.press("alt+" + details[details.index("_") + 1].lower())
    stage(window, "reveal")
    for _ in range(40):  # the wheel, over the page, to its end
        iaptest.pyatspi.Registry.generateMouseEvent(400, session.height // 2, "b5c")
        time.sleep(0.02)
    stage(window, "reveal-end")
    app.activate(button("Pr_esenter View", window))
    stage(presenter(), "presenter-reveal")
    session.press("Escape")
    closed(presenter_title)

    # A new round: its set-up, then paper ballots on the risks and factors
    app.activate(button("_Close the Round", window))
    no_round()
    stage(window, "setup")
    tick_factors()
    app.activate(button("Start a Round of Paper _Ballots", window))
    focused("push button", "the participant picker to have the focus", name("_Who scores now?"))
    stage(window, "ballots")
    session.press("ctrl+s")
    wait_for("the round's secret to be saved", lambda: 'state="open"' in open(path, encoding="utf-8").read(), 10)
    code = kb.ballot_code(path, "p1")
    app.activate(button("_Start Scoring", window))
    focused("text", "the ballot code to have the focus", name("Ballot _code"))
    session.type_text(code)
    kb.label_like(app, t.gettext("The code matches: type the scores."), window)
    stage(window, "paper")

    # Nothing typed: the ballot round is undone, a private round starts
    app.activate(button("_Done, Next Ballot", window))
    focused("push button", "the participant picker to have the focus again", name("_Who scores now?"))
    session.press("ctrl+z")
    no_round()
    tick_factors()
    app.activate(button("Start a _Private Round", window))
    focused("push button", "the participant picker to have the focus", name("_Who scores now?"))
    app.activate(button("_Start Scoring", window))
    kb.label_like(app, t.gettext("%s: your scores. Nobody else's are shown.").split("%s")[1], window)
    stage(window, "private")
    app.activate(button("_Done, Pass the Laptop", window))
    focused("push button", "the participant picker to have the focus again", name("_Who scores now?"))
    app.activate(button("Pr_esenter View", window))
    stage(presenter(), "presenter-scoring")
    session.press("Escape")
    closed(presenter_title)
    session.press("ctrl+z")
    no_round()
    session.press("Escape")
    closed(name("Scoring Round"))
    # Saved, so that the application quits without asking
    session.press("ctrl+s")
    wait_for("the closed round to be saved", lambda: 'state="open"' not in open(path, encoding="utf-8").read()
             and 'state="closed"' in open(path, encoding="utf-8").read(), 10)


def run_language(session, args, folder, lang):
    size = f"{session.width}x{session.height}"
    path = os.path.join(folder, f"layout-{lang}.iapw")
    write_workshop(args.example, path)
    report = Report(os.path.join(folder, f"layout-{lang}.txt"))
    env = dict(LANGUAGES[lang], IAP_WORKSHOP_LAYOUT_REPORT=report.path)
    app = session.launch([args.exe, path], env=env)
    frame = wait_for("the example to open", lambda: next(
        (f for f in app.find_all("frame") if (f.name or "").startswith(f"layout-{lang}.iapw")), None), 15)
    sidebar = app.sidebar(frame)
    steps = [row.name for row in sidebar]

    check(len(steps) >= 6, f"the sidebar lists {steps}")
    for step in steps if "steps" in args.parts.split(",") else []:
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
    if "round" in args.parts.split(","):
        run_round(session, app, frame, sidebar, report, lang, path)
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
                         ("--lang", {"default": "en,fr", "help": "languages, such as en,fr"}),
                         ("--parts", {"default": "steps,round", "help": "what to visit: steps, round or both"})])


if __name__ == "__main__":
    sys.exit(main())
