# test_scoring.py: a private scoring round for two participants
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a private scoring round for two participants and reveal it.

    /usr/bin/python3 test_scoring.py --exe _build/app/iap-workshop \
        --output _build/tests/gui/screenshots

A new workshop gets two participants on the Set-up step and one risk on
the Risk matrix step. A private round opens; participant 1 scores the
risk Almost certain x Major and passes the laptop. Participant 2's view
is searched, every name, text and description of the round window, for
any trace of that score: there must be none. Participant 2 scores Rare x
Major; two scorers are below the privacy floor (3), so the reveal and
the presenter view say "Withheld: fewer than 3 scorers" and show no
median, no spread and neither score. Removing participant 1 on the Set-up
step then asks first, counting the rating that would go with them.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
TITLE = "Joint patrols near camps deter returns"
SECRET = "Almost certain"


def ok(message):
    print("ok -", message, flush=True)


def find_like(app, role, words, root=None, timeout=10):
    return iaptest.wait_for(f"{role} named like {words!r}",
                            lambda: next((n for n in app.find_all(role, root=root or app.root)
                                          if words in (n.name or "")), None), timeout)


def toplevel(app, name):
    return iaptest.wait_for(f"the window {name!r}",
                            lambda: next((n for n in app.root if n is not None and n.name == name), None))


def every_text(app, root):
    """Every name, description and text under root."""
    texts = []

    def walk(node):
        for child in node:
            if child is None:
                continue
            texts.append(child.name or "")
            texts.append(child.description or "")
            try:
                texts.append(app.read_text(child) or "")
            except Exception:
                pass
            walk(child)
    walk(root)
    return texts


def pick(session, app, steps):
    """Open the focused drop-down and move steps items down."""
    session.press("space")
    iaptest.wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    for _ in range(steps):
        session.press("Down")
    session.press("Return")


def score(session, app, window, likelihood, impact):
    """The focus is on the first picker of the only risk."""
    find_like(app, "combo box", "Likelihood of", root=window)
    pick(session, app, likelihood)
    session.press("Tab")
    pick(session, app, impact)


def focused_named(app, root, name):
    return next((n for n in app.find_all(root=root) if (n.name or "").startswith(name)
                 and n.getState().contains(iaptest.pyatspi.STATE_FOCUSED)), None)


def choose_pillar(session, app, frame):
    """Adding a participant puts the focus in their name: Tab reaches their
    pillar, beside the name (the entity is on the line below), read as its
    name then the pillar;
    Space opens the pillars on the first; Down to the last, and Return."""
    name = "Pillar of Participant 2"
    iaptest.wait_for("the focus in the new name", lambda: focused_named(app, frame, "Name of Participant 2"), 5)
    session.press("Tab")
    focus = iaptest.wait_for(f"the focus on {name!r}", lambda: focused_named(app, frame, name), 5)
    button = app.find("push button", name, root=frame)
    before = button.description
    check(before and focus.name == f"{name} {before}", f"the focus reads {focus.name!r}, the button {before!r}")
    session.press("space")
    items = iaptest.wait_for("the list of pillars", lambda: [
        n for n in app.find_all(root=app.root) if "menu item" in n.getRoleName()] or None, 5)
    labels = [n.name for n in items]
    check(before in labels, f"{before!r} is not among the pillars {labels}")
    ok(f"screenshot {session.screenshot('scoring-pillar-menu')}")
    session.press(*["Down"] * (len(labels) - 1), "Return")
    iaptest.wait_for("another pillar", lambda: button.description != before or None, 5)
    check(button.description == labels[-1], f"{name} says {button.description!r}, not {labels[-1]!r}")
    ok(f"participant 2's pillar changed from the keyboard: {before} -> {button.description}")


def prepare(session, app, frame):
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Set-up", root=sidebar))
    find_like(app, "push button", "Add Participant", root=frame)
    session.press("alt+a")
    find_like(app, "text", "Name of Participant 1", root=frame)
    session.press("alt+a")
    find_like(app, "text", "Name of Participant 2", root=frame)
    ok("two participants added on the Set-up step with Alt+A")
    choose_pillar(session, app, frame)

    app.activate(app.find("list item", "Risk matrix", root=sidebar))
    app.activate(find_like(app, "push button", "Add Risk", root=frame))
    editor = app.find("frame", "Add Risk")
    find_like(app, "text", "Title", root=editor)
    session.press("alt+t")
    session.type_text(TITLE)
    session.press("ctrl+Return")
    app.find("label", TITLE, root=frame)
    ok("one risk added")


def run(session, args, folder):
    app = session.launch([args.exe], env=ENV)
    frame = app.find("frame")
    prepare(session, app, frame)

    app.activate(find_like(app, "push button", "coring", root=frame))
    window = toplevel(app, "Scoring Round")
    app.find("check box", TITLE, root=window)
    ok(f"screenshot {session.screenshot('scoring-start')}")
    app.activate(find_like(app, "push button", "Start a Private Round", root=window))
    find_like(app, "label", "0 of 2 have scored", root=window)
    start = find_like(app, "push button", "Start Scoring", root=window)
    app.activate(start)
    find_like(app, "label", "Participant 1: your scores", root=window)
    for word in ("Likelihood", "Impact"):
        app.find("label", word, root=window)
    ok("the pickers are labelled Likelihood and Impact on screen")
    score(session, app, window, 5, 4)
    iaptest.wait_for("participant 1's score on their own screen",
                     lambda: any(SECRET in t for t in every_text(app, window)), 5)
    ok(f"screenshot {session.screenshot('scoring-private')}")

    session.press("alt+d")
    progress = find_like(app, "label", "have scored", root=window)
    iaptest.wait_for("participant 1 counted as scored",
                     lambda: "1 of 2 have scored." in app.read_text(progress), 5)
    ok(f"the progress says who has scored: {app.read_text(progress)!r}")
    app.activate(find_like(app, "push button", "Start Scoring", root=window))
    find_like(app, "label", "Participant 2: your scores", root=window)
    leaks = [t for t in every_text(app, window) if SECRET in t]
    check(not leaks, f"participant 2 can see participant 1's score: {leaks}")
    ok("participant 2's screen holds no trace of participant 1's score")
    ok(f"screenshot {session.screenshot('scoring-private-second')}")

    score(session, app, window, 1, 4)
    iaptest.wait_for("participant 2's score on their screen",
                     lambda: any("1 Rare" in t for t in every_text(app, window)), 5)
    session.press("alt+d")
    progress = find_like(app, "label", "have scored", root=window)
    iaptest.wait_for("both to have scored", lambda: "2 of 2 have scored." in app.read_text(progress), 5)
    app.activate(find_like(app, "push button", "Reveal the Scores", root=window))

    # Two scorers are below the privacy floor (3 by default): the median of
    # two is one of their scores, so only the count is revealed.
    result = find_like(app, "label", "Withheld: fewer than 3 scorers.", root=window)
    check(app.read_text(result) == "Withheld: fewer than 3 scorers.", app.read_text(result))
    session.press("alt+t")  # De_tails: the statistics behind the result
    stats = find_like(app, "label", "2 scores", root=window)
    text = app.read_text(stats)
    check("Withheld: fewer than 3 scorers" in text, text)
    for secret in ("Median", "1 Rare", "5 Almost certain", "Interquartile"):
        check(secret not in text, f"{secret!r} is revealed for two scorers: {text!r}")
    ok(f"the reveal withholds the statistics of two scorers: {text.splitlines()[:3]!r}")
    chart = app.find("image", "Spread of the scores", root=window)
    check("2 scores: not shown" in (chart.description or ""), chart.description)
    ok(f"the chart describes itself: {chart.description!r}")
    ok(f"screenshot {session.screenshot('scoring-reveal')}")

    app.activate(find_like(app, "push button", "Presenter View", root=window))
    presenter = toplevel(app, "Presenter View")
    result = iaptest.wait_for("the presenter's verdict",
                              lambda: next((n for n in app.find_all("label", root=presenter)
                                            if "Withheld: fewer than 3 scorers" in app.read_text(n)), None), 5)
    shown = [app.read_text(n) for n in app.find_all("label", root=presenter)]
    leaks = [t for t in shown if "Median" in t or "1 Rare" in t]
    check(not leaks, f"the presenter view reveals the scores of two: {leaks}")
    ok(f"the presenter view shows {app.read_text(result).splitlines()[0]!r}")
    ok(f"screenshot {session.screenshot('scoring-presenter')}")
    # Escape leaves the room's view (full screen over the windows), then the round
    for title in ("Presenter View", "Scoring Round"):
        session.press("Escape")
        iaptest.wait_for(f"{title!r} to close",
                         lambda: not any(n is not None and n.name == title for n in app.root), 5)

    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Set-up", root=sidebar))
    app.activate(find_like(app, "push button", "Remove Participant 1", root=frame))
    ask = iaptest.wait_for("the removal question",
                           lambda: next((n for n in app.root if n is not None
                                         and (n.name or "").startswith("Remove Participant 1")), None))
    texts = " ".join(every_text(app, ask))
    check("1 rating" in texts, f"the removal question does not count the ratings: {texts!r}")
    ok("removing a participant who scored asks first and counts their ratings")
    app.activate(find_like(app, "push button", "Cancel", root=ask))
    find_like(app, "text", "Name of Participant 1", root=frame)
    ok("Cancel keeps the participant")

    session.press("ctrl+q")
    ask = iaptest.wait_for("the save question",
                           lambda: next((n for n in app.root if n is not None
                                         and (n.name or "").startswith("Save changes")), None))
    app.activate(find_like(app, "push button", "Discard", root=ask))
    app.proc.wait(10)
    check(app.proc.returncode == 0, f"exit status {app.proc.returncode}")
    ok("quits with status 0 after discarding")


def main():
    return iaptest.main(__doc__, run, "scoring",
                        "a private round for two: nobody sees another's score before the reveal",
                        [])


if __name__ == "__main__":
    sys.exit(main())
