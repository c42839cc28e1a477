# test_document.py: a workshop's life in the window
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""New workshop, title typed, undone and redone, saved, closed, reopened from the
recent files; a malformed file is then refused and the window keeps its document.

    /usr/bin/python3 test_document.py --exe _build/app/iap-workshop \
        --bad tests/data/bad/truncated.iapw --output _build/tests/gui/screenshots
"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
TITLE = "Kivara integration review"


def ok(message):
    print("ok -", message, flush=True)


def title_entry(app, frame):
    # The name comes from the mnemonic label; a screen reader says it once.
    return app.find("text", "Workshop title", root=frame)


def window_title(app):
    return app.find("frame").name


def wait_title(app, expected, what):
    return wait_for(f"the window title to be {expected!r} ({what})",
                    lambda: window_title(app) == expected, 10)


def toplevel(app, match, what, timeout=30):
    """A window of the application whose title matches (GTK 4.8 gives its
    dialogs various roles, so they are found by title)."""
    return wait_for(f"a window {what!r}", lambda: next(
        (n for n in app.root if n is not None and match(n.name)), None), timeout)


def open_toplevels(app, match):
    return [n for n in app.root if n is not None and match(n.name)]


def type_into_chooser(session, app, title, path):
    """Type a full path into the file chooser that has just opened, and accept."""
    toplevel(app, lambda name: name == title, title)
    if title == "Open Workshop":
        session.press("ctrl+l")
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")


def create_and_save(session, app, folder):
    frame = app.find("frame")
    wait_title(app, "Untitled workshop — IAP Workshop", "a new workshop")
    entry = title_entry(app, frame)
    app.click_text(entry)
    session.type_text(TITLE)
    wait_for("the typed title in the entry", lambda: app.read_text(entry) == TITLE, 5)
    wait_title(app, f"• {TITLE} — IAP Workshop", "unsaved changes are marked")
    ok("typing a title marks the workshop as changed")

    session.press("ctrl+z")
    wait_for("undo to empty the title", lambda: app.read_text(entry) == "", 5)
    wait_title(app, "Untitled workshop — IAP Workshop", "undo back to the start")
    session.press("ctrl+shift+z")
    wait_for("redo to bring the title back", lambda: app.read_text(entry) == TITLE, 5)
    ok("Ctrl+Z undoes the typing as one step and Ctrl+Shift+Z redoes it")

    path = os.path.join(folder, "kivara.iapw")
    session.press("ctrl+s")
    type_into_chooser(session, app, "Save Workshop", path)
    wait_for(f"{path} to be written", lambda: os.path.exists(path), 10)
    # The toast leaves after 5 s: look for it before anything slower.
    app.find("label", "Saved", root=frame, timeout=5, last=True)
    session.screenshot("document-saved")
    wait_title(app, "kivara.iapw — IAP Workshop", "saved")
    with open(path, encoding="utf-8") as f:
        check(f"<title>{TITLE}</title>" in f.read(), f"{path} does not hold the title")
    ok(f"Ctrl+S asks where, writes {path}, clears the mark and says “Saved” in a toast")
    return path


def close_last_window(app):
    app.session.press("ctrl+w")
    try:
        app.proc.wait(10)
    except Exception:
        raise iaptest.TestFailure("closing the only saved window did not end the application")
    check(app.proc.returncode == 0, f"the application exited with {app.proc.returncode}")
    ok("Ctrl+W on a saved workshop closes without asking")


def reopen_from_recent(session, exe):
    app = session.launch([exe], env=ENGLISH)
    frame = app.find("frame")
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "Open Recent", timeout=5))
    app.activate(app.find("menu item", "kivara.iapw", timeout=5))
    wait_title(app, "kivara.iapw — IAP Workshop", "reopened from Open Recent")
    entry = title_entry(app, frame)
    wait_for("the saved title in the entry", lambda: app.read_text(entry) == TITLE, 5)
    ok("Open Recent lists the workshop and reopens it with its title")
    return app


def refuse_malformed(session, app, bad):
    frame = app.find("frame")
    app.click(app.find("push button", "Open", root=frame))
    type_into_chooser(session, app, "Open Workshop", bad)
    alert = toplevel(app, lambda name: name.startswith("Could not open"), "Could not open …")
    texts = [alert.name] + [app.read_text(label) for label in app.find_all("label", root=alert)]
    # In words: the line and the file, what may have happened, what to do;
    # libxml2's own message only under Details
    reason = next((t for t in texts if re.match(rf"Line \d+ of “{re.escape(os.path.basename(bad))}” is damaged", t)), None)
    check(reason is not None and "earlier copy" in reason, f"the error dialog does not say which line is damaged: {texts}")
    check(not any("Specification mandates" in t or "parser error" in t for t in texts),
          f"libxml2's message shows before Details is opened: {texts}")
    session.screenshot("document-malformed")
    ok(f"the malformed file is refused in words: {reason!r}")
    app.click(app.find(None, "Details", root=alert))
    details = wait_for("libxml2's message under Details", lambda: next(
        (app.read_text(n) for n in app.find_all("label", root=alert)
         if re.search(rf"{re.escape(os.path.basename(bad))}:\d+: ", app.read_text(n) or "")), None), 5)
    session.screenshot("document-malformed-details")
    ok(f"Details shows the parser's message: {details!r}")

    frames = [n.name for n in app.find_all("frame")]
    check(frames == ["kivara.iapw — IAP Workshop"],
          f"after the refused file the windows are {frames}")
    check(app.read_text(title_entry(app, frame)) == TITLE,
          "after the refused file the workshop title changed")
    session.press("Escape")
    wait_for("the error dialog to close", lambda: not open_toplevels(
        app, lambda name: name.startswith("Could not open")), 5)
    ok("the window keeps its document")


def run(session, args, folder):
    exe, bad = args.exe, os.path.abspath(args.bad)
    app = session.launch([exe], env=ENGLISH)
    create_and_save(session, app, folder)
    close_last_window(app)
    app = reopen_from_recent(session, exe)
    copy = os.path.join(folder, "damaged.iapw")
    shutil.copy(bad, copy)
    refuse_malformed(session, app, copy)
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "document",
                        "new, title, undo, save, close, reopen from recent, malformed file refused",
                        [("--bad", {"required": True, "help": "a malformed workshop file"})])


if __name__ == "__main__":
    sys.exit(main())
