# test_style.py: the application's style sheet is applied; About opens
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that resources/style.css reaches the widgets.

resources/style.css gives the step numbers of the sidebar (.step-number) a
min-width of 24px; unstyled, a one-digit label with width-chars 2 is about
16px wide.  AdwApplication loads style.css from the application's
resource base path, so this fails if the file or the path goes astray.
The About window (AdwAboutWindow) opens from the main menu and names the
application and its version.

    /usr/bin/python3 test_style.py --exe _build/app/iap-workshop
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402

MIN_WIDTH = 24  # .step-number { min-width } in resources/style.css


def run(session, exe):
    app = session.launch([exe], env={"LANGUAGE": "", "LC_ALL": "C.UTF-8"})
    sidebar = app.sidebar()
    for number, row in enumerate(sidebar, start=1):
        badge = app.find("label", str(number), root=row)
        ext = badge.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS)
        iaptest.check(ext.width >= MIN_WIDTH,
                      f"the step number {number} of {row.name!r} is {ext.width}px wide, "
                      f"style.css makes it at least {MIN_WIDTH}px: is the style sheet loaded?")
    print("ok - the step numbers are styled by style.css")

    frame = app.find("frame")
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "About IAP Workshop", timeout=5))
    def about_window():
        for window in app.root:
            if window is not None and window != frame and app.find_all("label", "IAP Workshop",
                                                                       root=window):
                return window
        return None
    about = iaptest.wait_for("the About window", about_window, 5)
    texts = [app.read_text(label) for label in app.find_all("label", root=about)]
    iaptest.check("IAP Workshop" in texts and any(t[:1].isdigit() for t in texts),
                  f"the About window shows {texts}, expected the name and the version")
    session.screenshot("style-about")
    print("ok - About names the application and its version")
    session.press("Escape")
    iaptest.wait_for("Escape to close the About window", lambda: about_window() is None, 5)
    app.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True, help="the iap-workshop executable")
    parser.add_argument("--output", default=None, help="folder for the screenshots")
    args = parser.parse_args()
    try:
        with iaptest.Session(args.output) as session:
            try:
                run(session, os.path.abspath(args.exe))
            except iaptest.TestFailure:
                session.screenshot("style-FAILED")
                raise
    except iaptest.TestFailure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
