# test_safety.py: nothing is lost: crash recovery, locks, changes on disk
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill the application with SIGKILL after an edit and recover the edit at the
next start; open a file another copy holds and get it read-only; save over a
file changed on disk and be warned first.

    /usr/bin/python3 test_safety.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots
"""

import glob
import os
import shutil
import signal
import socket
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "IAP_WORKSHOP_AUTOSAVE_SECONDS": "1"}
TITLE = "Workshop typed before the power cut"


def ok(message):
    print("ok -", message, flush=True)


def toplevel(app, prefix, timeout=30):
    return wait_for(f"a window {prefix!r}…", lambda: next(
        (n for n in app.root if n is not None and n.name.startswith(prefix)), None), timeout)


def gone(app, prefix, timeout=5):
    wait_for(f"the window {prefix!r}… to close", lambda: not [
        n for n in app.root if n is not None and n.name.startswith(prefix)], timeout)


def button(app, dialog, label):
    return app.find("push button", label, root=dialog, timeout=5)


def title_entry(app):
    return app.find("text", "Workshop title", root=app.find("frame"))


def drafts(session):
    folder = os.path.join(session.env["XDG_DATA_HOME"], "iap-workshop", "drafts")
    return sorted(glob.glob(os.path.join(folder, "*.draft")))


def crash_and_recover(session, exe):
    app = session.launch([exe], env=ENGLISH)
    entry = title_entry(app)
    app.click_text(entry)
    session.type_text(TITLE)
    found = wait_for("a draft of the change", lambda: drafts(session), 10)
    draft = found[0][:-len(".draft")] + ".iapw"
    mode = stat.S_IMODE(os.stat(draft).st_mode)
    check(mode == 0o600, f"the draft {draft} has mode {oct(mode)}, expected 0o600")
    check(not draft.startswith("/tmp/") or session.env["XDG_DATA_HOME"].startswith("/tmp/"),
          "the draft is not in the user's data folder")
    ok(f"an edit is kept as a private draft within seconds ({oct(mode)})")

    os.kill(app.proc.pid, signal.SIGKILL)
    app.proc.wait(5)
    ok("the application was killed with SIGKILL")

    app = session.launch([exe], env=ENGLISH)
    offer = toplevel(app, f"Recover unsaved changes to “{TITLE}”?")
    button(app, offer, "Recover")
    session.screenshot("safety-recovery-offer")
    session.press("Return")  # Recover is the default answer
    gone(app, "Recover unsaved changes")
    wait_for("the recovered title", lambda: app.read_text(title_entry(app)) == TITLE, 5)
    check(app.find("frame").name == f"• {TITLE} — IAP Workshop",
          f"the recovered workshop is titled {app.find('frame').name!r}, not marked unsaved")
    ok("the next start offers the draft and recovers the edit, still unsaved")

    session.press("ctrl+w")
    question = toplevel(app, "Save changes to")
    button(app, question, "Discard")
    session.press("alt+d")
    app.proc.wait(10)
    check(not drafts(session), f"drafts left after discarding: {drafts(session)}")
    ok("discarding the recovered workshop removes its draft")


def write_lock(path):
    """A lock as another live copy of the application on this machine leaves it."""
    folder, name = os.path.split(path)
    with open(os.path.join(folder, f".~lock.{name}#"), "w", encoding="utf-8") as lock:
        lock.write("[Lock]\nUser=Amina Diallo\nHost=%s\nProcess=1\n"
                   "Since=2026-11-22T09:42:00Z\n" % socket.gethostname())


def locked_read_only(session, exe, path):
    write_lock(path)
    app = session.launch([exe, path], env=ENGLISH)
    question = toplevel(app, "“kivara.iapw” is open in another copy")
    texts = [app.read_text(n) for n in app.find_all("label", root=question)]
    check(any("Amina Diallo" in t for t in texts), f"the warning does not say who: {texts}")
    button(app, question, "Open Read-Only")
    session.screenshot("safety-locked")
    session.press("Return")  # Open Read-Only is the default answer
    wait_for("the read-only title", lambda: app.find("frame").name ==
             "kivara.iapw (read-only) — IAP Workshop", 10)
    ok("a file open elsewhere is announced with its owner and opened read-only")
    app.quit()


def changed_on_disk(session, exe, path):
    os.unlink(os.path.join(os.path.dirname(path), ".~lock.kivara.iapw#"))
    app = session.launch([exe, path], env=ENGLISH)
    wait_for("the workshop", lambda: app.find("frame").name == "kivara.iapw — IAP Workshop", 10)
    entry = title_entry(app)
    app.click_text(entry)
    session.press("End")
    session.type_text(" (draft)")
    with open(path, "a", encoding="utf-8") as f:
        f.write("<!-- edited by someone else -->\n")
    before = open(path, encoding="utf-8").read()
    session.press("ctrl+s")
    warning = toplevel(app, "“kivara.iapw” changed on disk")
    button(app, warning, "Cancel")
    session.screenshot("safety-changed-on-disk")
    session.press("Escape")
    gone(app, "“kivara.iapw” changed on disk")
    check(open(path, encoding="utf-8").read() == before, "the file was overwritten anyway")
    ok("saving over a file changed on disk asks first, and Cancel leaves it alone")

    session.press("ctrl+s")
    warning = toplevel(app, "“kivara.iapw” changed on disk")
    # Replace throws the other changes away: it is never the default answer.
    app.activate(button(app, warning, "Replace"))
    wait_for("the save", lambda: app.find("frame").name == "kivara.iapw — IAP Workshop", 10)
    check(" (draft)</title>" in open(path, encoding="utf-8").read(), "Replace did not save")
    ok("Replace saves over it")
    app.quit()


def run(session, args, folder):
    path = os.path.join(folder, "kivara.iapw")
    shutil.copy(args.example, path)
    crash_and_recover(session, args.exe)
    locked_read_only(session, args.exe, path)
    changed_on_disk(session, args.exe, path)


def main():
    return iaptest.main(__doc__, run, "safety", "crash recovery, lock, change on disk",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
