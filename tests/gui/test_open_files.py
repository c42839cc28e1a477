# test_open_files.py: every file named on the command line gets a window
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start IAP Workshop with two workshop files: each opens in its own window.

    /usr/bin/python3 test_open_files.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --fault-shim _build/tests/fault/iap-fault.so \
        --make-big tests/fault/make-big.py --output _build/tests/gui/screenshots

The first file is still being read when the second is opened: its window
must not be taken for a fresh, empty one and reused, which would lose
the first file.

Then a large file on a slow disk (the fault shim slows each read): the
window shows at once, a progress bar comes once the reading takes more
than half a second, the steps can be visited meanwhile, and Cancel stops
the reading and leaves the window's workshop as it was.
"""

import os
import shutil
import subprocess
import sys
import time

import pyatspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def ok(message):
    print("ok -", message, flush=True)


def run(session, args, folder):
    run_two_files(session, args, folder)
    run_slow_file(session, args, folder)


def run_two_files(session, args, folder):
    paths = [os.path.join(folder, name) for name in ("first.iapw", "second.iapw")]
    for path in paths:
        shutil.copy(args.example, path)
    app = session.launch([args.exe] + paths, env=ENV)
    expected = sorted(f"{os.path.basename(p)} — IAP Workshop" for p in paths)

    def titles():
        found = sorted(n.name for n in app.root if n is not None and n.getRoleName() == "frame")
        return found if found == expected else None

    iaptest.wait_for(f"the windows {expected}", titles, 10)
    ok(f"two files on the command line, two windows: {titles()}")
    for path in paths:
        check(os.path.exists(f"{os.path.dirname(path)}/.~lock.{os.path.basename(path)}#"),
              f"{path} is not locked by its window")
    ok("each file is locked by its window")
    app.quit()


def run_slow_file(session, args, folder):
    slow = os.path.join(folder, "slow")
    os.mkdir(slow)
    path = os.path.join(slow, "big.iapw")
    subprocess.run(["/usr/bin/python3", args.make_big, args.example, path, "400"], check=True)
    # Some 560 kB, read 64 kB at a time: about 18 s at 2 s a read
    log = os.path.join(folder, "reads.log")
    env = dict(ENV, LD_PRELOAD=os.path.abspath(args.fault_shim), IAP_FAULT_DIR=slow,
               IAP_SLOW_READ="2000", IAP_FAULT_LOG=log)

    def reads():
        with open(log) as f:
            return len(f.readlines())
    app = session.launch([args.exe, path], env=env)
    frame = app.find("frame")
    title = frame.name
    check("big.iapw" not in title, f"the window shows the file before it is read: {title!r}")

    # Shown, the bar is in the accessibility tree; hidden, it is not
    bar = app.find("progress bar", name="Opening “big.iapw”…", timeout=5)
    ok(f"the window shows at once ({title!r}), then the progress of the reading: {bar.name!r}")

    # The window answers while the file is read: another step opens
    sidebar = app.sidebar()
    app.activate(sidebar[2])
    iaptest.wait_for("the Risk matrix step", lambda: sidebar[2].getState().contains(pyatspi.STATE_SELECTED), 5)
    session.still_pixels(frame)
    ok("a step opens while the file is read")
    session.screenshot("open-progress")

    check(frame.name == title, f"the file was read before it could be cancelled: {frame.name!r}")
    before = reads()
    check(before < 8, f"the file was nearly read before Cancel could be pressed ({before} reads)")
    app.click(app.find("push button", name="Cancel"))
    iaptest.wait_for("the progress bar to go", lambda: not app.find_all("progress bar"), 5)
    # The bar goes when the reading is cancelled, and a read is logged as it
    # starts: the read under way may end, but no other may start (however
    # long a busy machine took to deliver the click)
    cancelled = reads()
    time.sleep(2.5)
    stopped = reads()
    time.sleep(4)
    check(stopped == cancelled and reads() == stopped,
          f"the file is still read after Cancel ({before} reads at the click, {cancelled} "
          f"when the bar went, then {stopped}, then {reads()})")
    check(frame.name == title, f"the window changed after Cancel: {frame.name!r}, not {title!r}")
    check(not app.find_all("dialog") and not app.find_all("alert"), "Cancel brought a dialog")
    check(not os.path.exists(os.path.join(slow, ".~lock.big.iapw#")), "the cancelled file is locked")
    ok(f"Cancel stops the reading; the window keeps its workshop ({frame.name!r})")
    app.quit()


if __name__ == "__main__":
    sys.exit(iaptest.main(__doc__, run, "open-files",
                          "each file on the command line opens in its own window; "
                          "a slow one shows its progress and can be cancelled",
                          options=[("--example", {"required": True}),
                                   ("--fault-shim", {"required": True}),
                                   ("--make-big", {"required": True})]))
