# test_spreadsheets.py: risk lists in from a spreadsheet
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Risk matrix > Import Risks… reads a drafted risk list, previews it, and adds it as one edit.

    /usr/bin/python3 test_spreadsheets.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Opens a copy of the example, writes a risk list as a person drafts one in
LibreOffice (French headers, an arrangement the catalog lacks, a row
without a title), imports it through the file chooser and checks the
preview: the summary, the columns and what each is read as, the new
catalog entry, the row left out with its number and reason, and the risks.
Changing what a column holds updates the preview. Import adds the risks;
one Undo removes them all. The same list saved as a CSV file, as Excel
saves one in French (semicolons, byte order mark, CRLF), reads the same.
Then Export… writes the register alone as CSV.
"""

import os
import shutil
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
ROWS = [
    ["Risque", "Dispositif", "Domaine", "Probabilité", "Gravité", "Responsable"],
    ["Convoys escorted by the Force", "military-escorts", "Staff security", "4", "Severe", "WFP"],
    ["Joint patrols seen as military", "Joint patrols", "perception", "3", "2", "OCHA"],
    ["", "co-location", "access", "2", "2", ""],
    ["Shared warehouse in Ebe", "co-location", "access", "2", "3", "UNHCR"],
]


def ok(message):
    print("ok -", message, flush=True)


def write_ods(path):
    cells = lambda r: "".join(  # noqa: E731
        f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in r)
    body = "".join(f"<table:table-row>{cells(r)}</table:table-row>" for r in ROWS)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Risks">'
               f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)


def write_csv(path):
    """The same list as Excel saves it in French: "CSV UTF-8", semicolons."""
    def field(v):
        return f'"{v}"' if ";" in v or '"' in v else v
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.writelines(";".join(field(v) for v in r) + "\r\n" for r in ROWS)


def toplevel(app, title, timeout=30):
    return wait_for(f"a window {title!r}", lambda: next(
        (n for n in app.root if n is not None and n.name == title), None), timeout)


def closed(app, title, timeout=10):
    wait_for(f"the window {title!r} to close", lambda: not any(
        n is not None and n.name == title for n in app.root), timeout)


def texts(app, root):
    return [n.name or "" for n in app.find_all("label", root=root)]


def risk_labels(app, frame):
    return [t for t in texts(app, frame) if t in (ROWS[1][0], ROWS[2][0], ROWS[4][0])]


def open_preview(session, app, frame, sheet):
    button = wait_for("the Import Risks button", lambda: next(
        (b for b in app.find_all("push button", root=frame) if "import risks" in (b.name or "").lower()), None))
    app.click(button)
    toplevel(app, "Import Risks From")
    session.press("ctrl+l")
    session.press("ctrl+a")
    session.type_text(sheet)
    # The first Return may only accept the entry's completion of the name
    session.press("Return")
    try:
        return toplevel(app, "Import Risks", timeout=3)
    except iaptest.TestFailure:
        session.press("Return")
    return toplevel(app, "Import Risks")


def check_preview(session, app, window, screenshot="import-preview"):
    wait_for("the summary", lambda: any("3 risks will be added" in t for t in texts(app, window)))
    labels = texts(app, window)
    check(any("1 row cannot be read" in t for t in labels), f"the summary says {labels[:3]}")
    check(any(t.startswith("Row 4:") and "no title" in t for t in labels), "the row left out is listed")
    check(any("Arrangements: Joint patrols." in t for t in labels), "the new arrangement is offered")
    for name in (ROWS[1][0], ROWS[2][0], ROWS[4][0]):
        check(name in labels, f"the preview lists {name!r}")
    check(any("Joint patrols (new)" in t and "inherent 3 × 2" in t for t in labels),
          "the preview's rows say arrangement, area and ratings")
    for header in ROWS[0]:
        check(header in labels, f"the column {header!r} is listed")
    ok("the preview: 3 risks, the row without a title, the new arrangement, the columns")
    session.screenshot(screenshot)


def pick(session, app, window, title, index):
    """Choose item index (from 0) of the combo row titled title."""
    app.click(app.find("combo box", title, root=window))
    wait_for("the row's list", lambda: app.find_all("list", root=app.root), 5)
    time.sleep(0.5)
    session.press("Home")
    for _ in range(index):
        session.press("Down")
    session.press("Return")
    time.sleep(0.3)


def export_register_csv(session, app, frame, folder):
    """Main Menu > Export…: the register alone, as CSV."""
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "Export…", timeout=5))
    dialog = toplevel(app, "Export")
    pick(session, app, dialog, "Export", 7)
    pick(session, app, dialog, "Format", 1)
    session.screenshot("export-register-csv")
    name = os.path.join(folder, "register")
    app.click(app.find("push button", "Export…", root=dialog))
    toplevel(app, "Export To")
    session.press("ctrl+a")
    session.type_text(name)
    session.press("Return")
    path = name + ".csv"
    wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path) > 1000, 15)
    closed(app, "Export")
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"\xef\xbb\xbfNo.,Id,Title,") and b"\r\n" in data,
          f"{path} is the register as CSV: {data[:60]!r}")
    check(b"Shared compound in Makori blurs mission and agencies" in data, "the register's risks are in it")
    ok(f"Export… writes the register alone as CSV ({len(data)} bytes), the extension added")


def run(session, args, folder):
    copy = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, copy)
    sheet = os.path.join(folder, "draft.ods")
    write_ods(sheet)

    app = session.launch([args.exe, copy], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Risk matrix", root=sidebar))
    wait_for("the register", lambda: "Shared compound in Makori blurs mission and agencies" in texts(app, frame))
    check(risk_labels(app, frame) == [], "the example has none of the draft's risks")

    window = open_preview(session, app, frame, sheet)
    check_preview(session, app, window)

    # Leave the titles out: nothing can be read, Import is off
    title_row = wait_for("the Risque column", lambda: next(
        (n for n in app.find_all(None, root=window) if (n.name or "").startswith("Risque")), None))
    app.click(title_row)
    wait_for("the list of fields", lambda: app.find_all("list", root=app.root), 5)
    for _ in range(2):
        session.press("Up")
    session.press("Return")
    wait_for("the preview to change", lambda: any("0 risks will be added" in t for t in texts(app, window)))
    importer = next(b for b in app.find_all("push button", root=window) if "Import" in (b.name or ""))
    check(not importer.getState().contains(iaptest.pyatspi.STATE_SENSITIVE),
          "Import is off when no risk can be read")
    ok("a column read as another field changes the preview at once")
    session.press("Escape")
    closed(app, "Import Risks")

    window = open_preview(session, app, frame, sheet)
    check_preview(session, app, window)
    app.click(next(b for b in app.find_all("push button", root=window) if b.name == "Import"))
    closed(app, "Import Risks")
    wait_for("the imported risks in the register", lambda: len(risk_labels(app, frame)) == 3)
    ok("Import adds the three risks to the register")
    session.screenshot("import-done")

    session.press("ctrl+z")
    wait_for("one undo to remove them all", lambda: risk_labels(app, frame) == [])
    ok("one Undo removes every imported risk")

    # The same list as a CSV file, as Excel saves it
    csv_sheet = os.path.join(folder, "draft.csv")
    write_csv(csv_sheet)
    window = open_preview(session, app, frame, csv_sheet)
    check_preview(session, app, window, "import-preview-csv")
    app.click(next(b for b in app.find_all("push button", root=window) if b.name == "Import"))
    closed(app, "Import Risks")
    wait_for("the risks of the CSV file in the register", lambda: len(risk_labels(app, frame)) == 3)
    ok("a CSV file with semicolons and a byte order mark is previewed and imported the same")
    session.press("ctrl+z")
    wait_for("the undo of the CSV import", lambda: risk_labels(app, frame) == [])

    export_register_csv(session, app, frame, folder)
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "spreadsheets",
                        "risk list previewed, imported and undone in one step",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
