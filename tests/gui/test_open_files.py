# test_open_files.py: every file named on the command line gets a window
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start IAP Workshop with two workshop files: each opens in its own window.

    /usr/bin/python3 test_open_files.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The first file is still being read when the second is opened: its window
must not be taken for a fresh, empty one and reused, which would lose
the first file.
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def ok(message):
    print("ok -", message, flush=True)


def run(session, args, folder):
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


if __name__ == "__main__":
    sys.exit(iaptest.main(__doc__, run, "open-files",
                          "each file on the command line opens in its own window",
                          options=[("--example", {"required": True})]))
