# test_print.py: printing and exporting the report from the window
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ctrl+P opens the print dialog on the example's report; the Export dialog writes it as PDF.

    /usr/bin/python3 test_print.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Opens a copy of the example; on the Summary step checks the report's
pages shown fitted to the step's width (at least 1.3 px a point), named
buttons, Next / Ctrl+Page Down / Ctrl+Page Up through the pages, Ctrl++
and Ctrl+0. Then presses Ctrl+P and checks that GTK's print
dialog comes up (the report is paginated when the dialog prints or
previews; the preview itself needs an external previewer such as evince,
which this test does not require), takes a screenshot and cancels with
Escape. Then Main Menu → Export… opens the export dialog, Export… asks
where, and the report is written as a PDF that is checked.
"""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def ok(message):
    print("ok -", message, flush=True)


def toplevel(app, title, timeout=30):
    return wait_for(f"a window {title!r}", lambda: next(
        (n for n in app.root if n is not None and n.name == title), None), timeout)


def closed(app, title, timeout=10):
    wait_for(f"the window {title!r} to close", lambda: not any(
        n is not None and n.name == title for n in app.root), timeout)


def summary_page(session, app):
    """The Summary step shows the report's pages at a readable zoom, with
    page navigation and zoom by button and keyboard, described."""
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Summary", root=sidebar))
    preview = app.find(None, "Preview of the report", root=frame)

    def page_shown(page):
        description = wait_for(f"the preview to describe page {page}",
                               lambda: re.match(rf"Page {page} of (\d+)\.\n", preview.description or "")
                               and preview.description, 10)
        return int(re.match(r"Page \d+ of (\d+)", description).group(1)), description

    pages, description = page_shown(1)
    check(pages >= 5 and "Operating environment" in description,
          f"page 1 of {pages} is described as {description[:200]!r}")
    app.find("label", f"Page 1 of {pages}", root=frame)
    buttons = [b.name for b in app.find_all("push button", root=frame)]
    for name in ("Print…", "Export…", "Previous", "Next", "Zoom out", "Fit Width", "Zoom in"):
        check(name in buttons, f"the Summary step has no {name!r} button: {buttons}")
    # Readable: fitted to the step's width, a point of the page is at
    # least 1.3 pixels (the report's 9-point text at 12 pixels or more)
    width = preview.queryComponent().getExtents(iaptest.pyatspi.WINDOW_COORDS).width
    check(width / 595 >= 1.3, f"the page is {width} px wide: {width / 595:.2f} px a point")
    app.scroll_into_view(preview)
    session.screenshot("summary-page")
    ok(f"the Summary step shows page 1 of {pages} at {width / 595:.2f} px a point, described with its words")

    app.click(app.find("push button", "Next", root=frame))
    page_shown(2)
    app.find("label", f"Page 2 of {pages}", root=frame)
    session.press("ctrl+Page_Down")
    page_shown(3)
    session.screenshot("summary-page-3")
    session.press("ctrl+Page_Up", "ctrl+Page_Up")
    page_shown(1)
    ok("Next, Ctrl+Page Down and Ctrl+Page Up move through the report's pages")

    session.press("ctrl+plus")
    wait_for("the page to be larger", lambda: preview.queryComponent().getExtents(
        iaptest.pyatspi.WINDOW_COORDS).width > width * 1.1 or None, 5)
    session.press("ctrl+0")
    wait_for("the page to fit the width again", lambda: preview.queryComponent().getExtents(
        iaptest.pyatspi.WINDOW_COORDS).width == width or None, 5)
    ok("Ctrl++ zooms in and Ctrl+0 fits the page to the width again")


def print_dialog(session, app):
    session.press("ctrl+p")
    dialog = toplevel(app, "Print")
    names = [n.name for n in app.find_all("push button", root=dialog)]
    check(any(name.endswith("Print") for name in names), f"the print dialog's buttons are {names}")
    session.screenshot("print-dialog")
    ok(f"Ctrl+P opens the print dialog with {names[-3:]}")
    session.press("Escape")
    closed(app, "Print")
    ok("Escape cancels printing")


def print_to_file(session, app, folder):
    """Prints through the IapPrintOperation (begin-print, draw-page) to the
    file printer the remembered settings name, and reads the PDF back."""
    path = os.path.join(folder, "printed.pdf")
    session.press("ctrl+p")
    dialog = toplevel(app, "Print")
    app.click(app.find("push button", "Print", root=dialog))
    wait_for(f"{path} to be printed", lambda: os.path.exists(path) and os.path.getsize(path) > 1000, 30)
    closed(app, "Print")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", path, "-"], capture_output=True, text=True).stdout
    check(pages >= 5 and "CONFIDENTIAL" in text and "Risk summary".upper() in text,
          f"the printed report has {pages} pages and starts {text[:200]!r}")
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", path,
                    os.path.join(session.output_dir or folder, "print-page")], check=False)
    ok(f"Print writes the report through the print operation ({pages} pages)")
    with open(settings_path(session)) as f:
        check("Print to File" in f.read(), "the print settings were not remembered")
    ok("the print settings are remembered in the user's configuration")


def settings_path(session):
    return os.path.join(session.env["XDG_CONFIG_HOME"], "iap-workshop", "print.ini")


def seed_settings(session, folder):
    """The file printer and its output, as a previous session left them."""
    os.makedirs(os.path.dirname(settings_path(session)), exist_ok=True)
    with open(settings_path(session), "w") as f:
        f.write("[Print Settings]\nprinter=Print to File\noutput-file-format=pdf\n"
                f"output-uri=file://{os.path.join(folder, 'printed.pdf')}\n")


def export_pdf(session, app, folder):
    frame = app.find("frame")
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "Export…", timeout=5))
    dialog = toplevel(app, "Export")
    session.screenshot("export-dialog")
    ok("Main Menu → Export… opens the export dialog")

    path = os.path.join(folder, "report.pdf")
    app.click(app.find("push button", "Export…", root=dialog))
    toplevel(app, "Export To")
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")
    wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path) > 1000, 15)
    with open(path, "rb") as f:
        check(f.read(5) == b"%PDF-", f"{path} is not a PDF")
    closed(app, "Export")
    ok(f"Export… writes the report as PDF ({os.path.getsize(path)} bytes) and closes")


def run(session, args, folder):
    copy = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, copy)
    app = session.launch([args.exe, copy], env=ENV)
    summary_page(session, app)
    print_dialog(session, app)
    export_pdf(session, app, folder)
    app.quit()
    ok("Ctrl+Q quits with status 0")

    # A second print dialog in one session, once a printer has been
    # selected, makes GTK 4.8's dialog log a critical (a stale handler in
    # GtkPrintUnixDialog), which this harness makes fatal: print in a
    # fresh session, with the settings a previous one remembered.
    seed_settings(session, folder)
    app = session.launch([args.exe, copy], env=ENV)
    app.find("frame")
    print_to_file(session, app, folder)
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "print",
                        "print dialog opened and cancelled; report exported as PDF",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
