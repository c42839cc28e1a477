# test_context.py: set-up and context steps, and the environment classification
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill in the set-up, answer high-risk indicators on the Context page through
the accessibility tree, read the classification banner, save, reopen (also in
French) and check the answers and the classification survived.

    /usr/bin/python3 test_context.py --exe _build/app/iap-workshop \
        --output _build/tests/gui/screenshots
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
FRENCH = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}
BANNER = "Environment classification"


def ok(message):
    print("ok -", message, flush=True)


def go_to(app, frame, step):
    """Show a step; return its page, to search in it rather than in the
    whole window (much faster with dozens of rows)."""
    sidebar = app.sidebar(frame)
    app.activate(app.find("list item", step, root=sidebar))
    wait_for(f"{step!r} to be selected", lambda: app.selected(sidebar) == [step], 5)
    steps = [row.name for row in sidebar]
    found = []

    # The other pages hold hundreds of nodes: do not walk them.
    def walk(node):
        for child in node:
            if child is None or child.name in steps and child.name != step:
                continue
            if child.name == step and child.getRole() == iaptest.pyatspi.ROLE_PANEL:
                found.append(child)
            walk(child)
    walk(frame)
    check(found, f"no page named {step!r}")
    return found[-1]


def banner_texts(app, frame, name=BANNER):
    """The texts of the banner's labels that are shown."""
    banner = app.find(None, name, root=frame)
    labels = app.find_all("label", root=banner)
    showing = [label for label in labels
               if label.getState().contains(iaptest.pyatspi.STATE_VISIBLE)]
    return [app.read_text(label) for label in showing]


def wait_banner(app, frame, what, predicate):
    seen = []

    def matches():
        seen[:] = banner_texts(app, frame)
        return predicate(seen)
    try:
        wait_for(what, matches, 5)
    except iaptest.TestFailure as e:
        raise iaptest.TestFailure(f"{e}; the banner says {seen}") from None
    return list(seen)


def answer(app, frame, indicator, value):
    button = app.find("push button", f"{indicator}: {value}", root=frame)
    app.activate(button)
    wait_for(f"{indicator!r} to be answered {value}",
             lambda: button.getState().contains(iaptest.pyatspi.STATE_CHECKED)
             or button.getState().contains(iaptest.pyatspi.STATE_PRESSED), 5)


def toggle(node):
    """GTK 4.8 gives a switch a "toggle" action, which app.activate() does not run."""
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    check("toggle" in names, f"{iaptest.describe(node)} has no toggle action: {names}")
    check(action.doAction(names.index("toggle")), f"toggle on {iaptest.describe(node)} failed")


def date_hint(app, frame):
    """The text of the date hint, if it is shown (hidden labels leave the tree)."""
    return next((app.read_text(label) for label in app.find_all("label", root=frame)
                 if "year-month-day" in app.read_text(label)), None)


def fill_setup(session, app, frame):
    frame = go_to(app, frame, "Set-up")
    title = app.find("text", "Workshop title", root=frame)
    app.click_text(title)
    session.type_text("Kivara integration review")

    start = app.find("text", "Start date", root=frame)
    app.click_text(start)
    session.type_text("2026-13-45")
    invalid = iaptest.pyatspi.STATE_INVALID
    wait_for("the entry to be marked invalid", lambda: start.getState().contains(invalid), 5)
    hint = wait_for("the date hint", lambda: date_hint(app, frame), 5)
    session.screenshot("context-en-setup-invalid-date")
    ok(f"an impossible date is marked invalid with a hint: {hint!r}")
    session.press("ctrl+a")
    session.type_text("2026-11-03")
    wait_for("the entry to be valid", lambda: not start.getState().contains(invalid), 5)
    wait_for("the hint to go", lambda: date_hint(app, frame) is None, 5)
    ok("a valid date clears the hint")

    unct = app.find("combo box", "Is a UN Country Team present?", root=frame)
    check(unct is not None, "no drop-down for the UN Country Team")
    applicability = [app.read_text(label) for label in app.find_all("label", root=frame)
                     if "integration policy" in app.read_text(label).lower()]
    check(any("Answer both questions" in text for text in applicability),
          f"a new workshop does not say applicability is unknown: {applicability}")
    ok("a new workshop says both applicability questions need answers")
    session.screenshot("context-en-setup")


def classify(session, app, frame):
    frame = go_to(app, frame, "Context")
    texts = wait_banner(app, frame, "the banner of a new workshop",
                        lambda t: t and t[0] == "Permissive environment")
    check(any("9 indicators are not answered yet" in t for t in texts),
          f"the banner of a new workshop does not count unanswered indicators: {texts}")
    ok(f"a new workshop is permissive, with nothing answered: {texts}")

    answer(app, frame, "Combat operations", "Yes")
    texts = wait_banner(app, frame, "elevated after combat operations",
                        lambda t: t[0] == "Elevated-risk environment")
    check(any("this application’s own level" in t and "not a" in t and "policy category" in t for t in texts),
          f"the elevated banner does not say the level is the application's own: {texts}")
    ok(f"combat operations alone make it elevated, by the application's own level: {texts}")

    answer(app, frame, "Neutrality questioned", "Yes")
    texts = wait_banner(app, frame, "high-risk after neutrality questioned",
                        lambda t: t[0] == "High-risk environment")
    reasons = next((t for t in texts if t.startswith("Reasons:")), "")
    check("Combat operations" in reasons and "Neutrality questioned" in reasons,
          f"the high-risk banner does not give both reasons: {texts}")
    check("is not a matter of policy" in reasons, f"the high-risk banner does not say it is not policy: {reasons!r}")
    ok(f"with neutrality questioned it is high-risk: {reasons!r}")

    answer(app, frame, "UN perceived as a party", "Unknown")
    texts = wait_banner(app, frame, "an open question",
                        lambda t: any(x.startswith("Open questions:") for x in t))
    question = next(t for t in texts if t.startswith("Open questions:"))
    check("UN perceived as a party" in question, f"the open question is not named: {texts}")
    check(texts[0] == "High-risk environment", f"an Unknown answer changed the level: {texts}")
    ok(f"an Unknown answer is an open question, not a No: {question!r}")

    answer(app, frame, "Robust mandate", "Unknown")
    texts = wait_banner(app, frame, "two open questions",
                        lambda t: any("Robust mandate" in x for x in t))
    session.press("ctrl+z")
    wait_banner(app, frame, "undo to take the second open question back",
                lambda t: not any("Robust mandate" in x for x in t))
    ok("Ctrl+Z undoes an answer and the banner follows")
    session.screenshot("context-en-banner")

    # The override waits for both a classification and a justification.
    switch = app.find("check box", "Override the classification", root=frame)
    toggle(switch)
    justification = app.find("text", "Justification (required)", root=frame)
    # The entry slides in: it is clicked once it has stopped moving, and
    # typed into once it has the focus.
    def settled():
        before = justification.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS)
        time.sleep(0.3)
        after = justification.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS)
        return after.height > 0 and (before.x, before.y, before.width, before.height) == \
            (after.x, after.y, after.width, after.height)
    wait_for("the justification entry to be still on screen", settled, 10)
    app.click_text(justification)
    session.type_text("Ceasefire signed")
    texts = wait_banner(app, frame, "the override to wait for a classification",
                        lambda t: any("takes effect once" in x for x in t))
    check(texts[0] == "High-risk environment", f"a half-made override changed the level: {texts}")
    session.screenshot("context-en-override-pending")
    toggle(switch)
    wait_banner(app, frame, "the override to be withdrawn",
                lambda t: not any("takes effect once" in x for x in t))
    ok("an override needs a justification and a classification; switching it off withdraws it")

    # With the keyboard from the mandate entry: four options, then the
    # first indicator's buttons and note; the page scrolls to the focus.
    mandate = app.find("text", "Mandate features", root=frame)
    app.scroll_into_view(mandate)
    app.click_text(mandate)
    session.type_text("Chapter VII")
    session.press("Tab", "space", "Tab", "Tab", "space", "Tab", "Tab")
    yes = app.find("push button", "Combat operations: Yes", root=frame)
    wait_for("the focus on the first indicator",
             lambda: yes.getState().contains(iaptest.pyatspi.STATE_FOCUSED), 5)
    session.press("Tab", "Tab", "Tab")
    session.type_text("FLT offensive")
    session.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
    note = app.find("text", "Combat operations: note", root=frame)
    check(app.read_text(note) == "FLT offensive", f"the note reads {app.read_text(note)!r}")
    session.screenshot("context-en-indicators")
    ok("Tab reaches the options, the answers and the notes; Space ticks an option")


def save(session, app, path):
    session.press("ctrl+s")
    wait_for("the save dialog", lambda: next(
        (n for n in app.root if n is not None and n.name == "Save Workshop"), None), 10)
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")
    wait_for(f"{path} to be written", lambda: os.path.exists(path), 10)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for needle in ('ref="combat-operations" answer="yes"', 'ref="perceived-party" answer="unknown"',
                   "<start-date>2026-11-03</start-date>", "<mandate>Chapter VII</mandate>",
                   '<option ref="no-structural"/>',
                   '<option ref="triple-hatted">\n      <arrangement ref="triple-hatting"/>',
                   ">FLT offensive</indicator>"):
        check(needle in text, f"{path} lacks {needle}")
    ok(f"Ctrl+S writes the answers, dates and mandate to {path}")


def reopen(session, exe, path, env, lang):
    app = session.launch([exe, path], env=env)
    frame = app.find("frame")
    step = "Context" if lang == "en" else "Contexte"
    return app, go_to(app, frame, step)


def run(session, args, folder):
    exe = args.exe
    path = os.path.join(folder, "context.iapw")
    app = session.launch([exe], env=ENGLISH)
    frame = app.find("frame")
    fill_setup(session, app, frame)
    classify(session, app, frame)
    save(session, app, path)
    app.quit()

    app, frame = reopen(session, exe, path, ENGLISH, "en")
    texts = wait_banner(app, frame, "the reopened classification",
                        lambda t: t and t[0] == "High-risk environment")
    check(any("UN perceived as a party" in t for t in texts), f"the open question is lost: {texts}")
    yes = app.find("push button", "Combat operations: Yes", root=frame)
    check(yes.getState().contains(iaptest.pyatspi.STATE_CHECKED)
          or yes.getState().contains(iaptest.pyatspi.STATE_PRESSED),
          "the reopened workshop does not show combat operations answered Yes")
    ok("the answers and the classification survive save and reopen")
    app.quit()

    app, frame = reopen(session, exe, path, FRENCH, "fr")
    session.still_pixels(frame)
    session.screenshot("context-fr-banner")
    ok("the reopened workshop in French (screenshot context-fr-banner)")
    app.quit()


def main():
    return iaptest.main(__doc__, run, "context",
                        "set-up, context and the environment classification")


if __name__ == "__main__":
    sys.exit(main())
