# test_print_preview.py: the report's print preview, inside the application
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Main Menu → Print Preview shows the example's report page by page, in the application.

    /usr/bin/python3 test_print_preview.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

Exports the example from the command line to learn its page count N
(A4: the paper of the C locale, which the preview uses with no print
settings remembered). Then opens a copy of the example, opens the
preview from the main menu, and checks "Page 1 of N", the page's words
in the drawing's description, Next → "Page 2 of N", Page Down, End (the
words of the PDF's last page),
Page Up and Home; that the page is centred in the window; screenshots
the page fitted and zoomed in; that every page drawn, fitted, matches
the PDF's page as pdftoppm draws it at the same size (tiles of 16 px
within 24 grey levels); Escape closes. Ctrl+Shift+P opens the
preview again; its Print… button leaves it for the print dialog, whose
Preview button comes back to it.
"""

import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402
from test_print import ENV, closed, ok, toplevel  # noqa: E402

TITLE = "Print Preview"


def report_pages(session, exe, example, folder):
    """The example's A4 report as the command line makes it: its page count
    and the words of its last page's body (running header and footer left
    out). Which section ends the report depends on the fonts' metrics, so
    the preview's last page is compared with the PDF's, not with a name."""
    path = os.path.join(folder, "report.pdf")
    env = dict(session.env, **ENV)
    env.pop("DISPLAY", None)
    subprocess.run([exe, "export", example, "-o", path, "--paper", "a4"], env=env, check=True)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))

    def page_lines(page):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), path, "-"],
                              capture_output=True, text=True, check=True).stdout
        return [line.strip() for line in text.splitlines() if line.strip()]

    running = set(page_lines(1))  # the title and marking every page repeats
    lines = [line for line in page_lines(pages)
             if line not in running and not line.startswith(f"Page {pages} of {pages}")]
    words = sorted({w for line in lines for w in re.findall(r"\w{4,}", line)})
    return pages, words, path


def wait_page(app, window, area, page, pages, words=None):
    label = f"Page {page} of {pages}"
    app.find("label", label, root=window, timeout=10)
    description = wait_for(f"the page's description to start with {label!r}",
                           lambda: area.description.startswith(label + ".") and area.description, 10)
    # Inserted names are isolated (U+2068 … U+2069); the PDF's text is not
    plain = re.sub("[\u2066-\u2069]", "", description)
    for expected in [words] if isinstance(words, str) else (words or []):
        check(expected in plain, f"page {page}'s description lacks {expected!r}: {description[:300]!r}")


def sensitive(node):
    return node.getState().contains(iaptest.pyatspi.STATE_SENSITIVE)


DESK = (143, 145, 153)  # the grey the preview lays its page on


def grab_screen(session):
    data = subprocess.run(["/usr/bin/import", "-window", "root", "-depth", "8", "rgb:-"],
                          env=session.env, check=True, stdout=subprocess.PIPE).stdout
    w, h = session.width, session.height
    check(len(data) == w * h * 3, f"grabbed {len(data)} bytes of a {w}x{h} screen")
    return data


def page_box(session, data=None, absolute=False):
    """Left, top, right and bottom margins of the white page on the
    preview's grey desk, and the desk's size, in screen pixels.

    Found on a grab of the whole screen rather than at the drawing's
    extents, which GTK 4.8 gives without the window's border."""
    data = data or grab_screen(session)
    w, h = session.width, session.height

    def pixel(x, y):
        i = (y * w + x) * 3
        return data[i:i + 3]

    def desk(x, y):
        return all(abs(a - b) <= 2 for a, b in zip(pixel(x, y), DESK))

    def white(x, y):
        return min(pixel(x, y)) > 250
    desk_cols = [x for x in range(0, w, 2) if sum(desk(x, y) for y in range(0, h, 8)) > 4]
    desk_rows = [y for y in range(0, h, 2) if sum(desk(x, y) for x in range(0, w, 8)) > 4]
    check(desk_cols and desk_rows, "no preview desk on the screen")
    x0, x1, y0, y1 = desk_cols[0], desk_cols[-1], desk_rows[0], desk_rows[-1]
    cols = [x for x in range(x0, x1 + 1) if sum(white(x, y) for y in range(y0, y1, 4)) > (y1 - y0) // 16]
    rows = [y for y in range(y0, y1 + 1) if sum(white(x, y) for x in range(x0, x1, 4)) > (x1 - x0) // 16]
    check(cols and rows, "no white page on the preview's desk")
    if absolute:
        return cols[0], rows[0], cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1
    return cols[0] - x0, rows[0] - y0, x1 - cols[-1], y1 - rows[-1], x1 - x0 + 1, y1 - y0 + 1


# The preview's page against the PDF's page as pdftoppm draws it at the
# same size in pixels. Both are cut into TILE x TILE tiles; a tile's
# difference is the difference of its mean grey levels (0-255). Cairo
# and poppler antialias text differently (poppler's is a little darker:
# up to about 15 levels on a tile of dense text); a word moved to the
# next line, a clipped digit or a marker drawn smaller changes a tile by
# tens of levels (a chart drawn with the screen's hinted metrics, as the
# preview once did, differs by up to 180).
TILE = 16
TILE_TOLERANCE = 24.0


def grey(rgb, i):
    return (rgb[i] * 30 + rgb[i + 1] * 59 + rgb[i + 2] * 11) / 100


def pdf_page_grey(pdf, page, width, height, folder):
    """The PDF's page drawn by pdftoppm at width x height pixels, grey."""
    prefix = os.path.join(folder, "raster")
    subprocess.run(["pdftoppm", "-gray", "-f", str(page), "-l", str(page), "-singlefile",
                    "-scale-to-x", str(width), "-scale-to-y", str(height), pdf, prefix], check=True)
    with open(prefix + ".pgm", "rb") as f:
        data = f.read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    check(header and (int(header.group(1)), int(header.group(2))) == (width, height),
          f"pdftoppm drew page {page} at another size than {width}x{height}")
    return data[header.end():]


def compare_page(session, pdf, page, folder):
    """The worst tile difference between the preview's page on screen and
    the PDF's page, and the page's size in pixels."""
    data = grab_screen(session)
    x, y, width, height = page_box(session, data, absolute=True)
    paper = pdf_page_grey(pdf, page, width, height, folder)
    worst = 0.0
    sw = session.width
    for ty in range(0, height - TILE + 1, TILE):
        for tx in range(0, width - TILE + 1, TILE):
            ink = 0.0
            for row in range(ty, ty + TILE):
                screen_row = ((y + row) * sw + x) * 3
                paper_row = row * width
                for col in range(tx, tx + TILE):
                    ink += grey(data, screen_row + col * 3) - paper[paper_row + col]
            worst = max(worst, abs(ink) / (TILE * TILE))
    return worst, width, height


def check_centred(session, whole=True):
    """The page's size in pixels, once checked to be centred on the desk;
    with whole, also that all of it shows, with the shape of A4."""
    left, top, right, bottom, w, h = page_box(session)
    page_w, page_h = w - left - right, h - top - bottom
    check(abs(left - right) <= 3, f"the page is not centred: {left} px left of it, {right} px right")
    if not whole:
        return page_w, page_h
    check(min(left, right, top, bottom) >= 8, f"the page touches the window's edge ({left}, {top}, {right}, {bottom})")
    ratio = page_h / page_w
    check(abs(ratio - 297 / 210) < 0.03, f"the page is {page_w}x{page_h} px, not A4-shaped")
    return page_w, page_h


def open_from_menu(session, app):
    frame = app.find("frame")
    app.click(app.find("push button", "Main Menu", root=frame))
    app.activate(app.find("menu item", "Print Preview", timeout=5))
    return toplevel(app, TITLE)


def browse(session, app, window, pages, last_words):
    area = app.find(None, "Page of the report", root=window)
    previous = app.find("push button", "Previous", root=window)
    wait_page(app, window, area, 1, pages, "Operating environment")
    check(not sensitive(previous), "Previous is enabled on the first page")
    for name in ("Next", "Print…", "Close", "Zoom in", "Zoom out", "Fit Page"):
        app.find("push button", name, root=window, timeout=2)
    ok(f"the preview opens on page 1 of {pages}, described with its words; every button is named")

    app.click(app.find("push button", "Next", root=window))
    wait_page(app, window, area, 2, pages, "Risk register")
    check(sensitive(previous), "Previous is disabled on page 2")
    ok("Next shows page 2, the risk register")
    page_w, page_h = check_centred(session)
    session.screenshot("print-preview-page-2")
    ok(f"page 2 is centred, {page_w}x{page_h} px")

    session.press("Page_Down")
    wait_page(app, window, area, 3, pages)
    session.press("End")
    check(len(last_words) >= 3, f"the PDF's last page has too few words: {last_words!r}")
    wait_page(app, window, area, pages, pages, last_words)
    check(not sensitive(app.find("push button", "Next", root=window)), "Next is enabled on the last page")
    session.press("Page_Up")
    wait_page(app, window, area, pages - 1, pages)
    session.press("Home")
    wait_page(app, window, area, 1, pages)
    ok("Page Down, End, Page Up and Home move through the pages")

    session.press("ctrl+plus", "ctrl+plus")
    wait_for("the zoomed page to be larger", lambda: check_centred(session, whole=False)[0] > page_w * 1.4, 10)
    session.screenshot("print-preview-zoomed")
    session.press("ctrl+0")
    wait_for("the page to fit again", lambda: check_centred(session)[0] == page_w, 10)
    ok("Ctrl++ zooms in, centred, and Ctrl+0 fits the page again")


def compare_pages(session, app, window, pages, pdf, folder):
    """Every page of the preview, fitted, against the PDF's at the same size."""
    area = app.find(None, "Page of the report", root=window)
    session.press("Home")
    for page in range(1, pages + 1):
        if page > 1:
            session.press("Page_Down")
        wait_page(app, window, area, page, pages)
        # The page is drawn on the frame after its label changes
        for _ in range(6):
            worst, width, height = compare_page(session, pdf, page, folder)
            if worst <= TILE_TOLERANCE:
                break
            time.sleep(0.5)
        if worst > TILE_TOLERANCE:
            session.screenshot(f"print-preview-differs-{page}")
        check(worst <= TILE_TOLERANCE, f"page {page} of the preview differs from the PDF's: a {TILE} px tile "
              f"by {worst:.1f} grey levels (tolerance {TILE_TOLERANCE:g})")
        ok(f"page {page} matches the PDF's page at {width}x{height} px: "
           f"worst {TILE} px tile {worst:.1f} grey levels (tolerance {TILE_TOLERANCE:g})")


def run(session, args, folder):
    pages, last_words, pdf = report_pages(session, args.exe, args.example, folder)
    check(pages >= 5, f"the example's report has {pages} pages")
    copy = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, copy)
    app = session.launch([args.exe, copy], env=ENV)

    window = open_from_menu(session, app)
    ok("Main Menu → Print Preview opens the preview")
    browse(session, app, window, pages, last_words)
    compare_pages(session, app, window, pages, pdf, folder)
    session.press("Escape")
    closed(app, TITLE)
    ok("Escape closes the preview")

    app.find("frame")
    session.press("ctrl+shift+p")
    window = toplevel(app, TITLE)
    area = app.find(None, "Page of the report", root=window)
    wait_page(app, window, area, 1, pages)
    ok("Ctrl+Shift+P opens the preview again")
    app.click(app.find("push button", "Print…", root=window))
    dialog = toplevel(app, "Print")
    closed(app, TITLE)
    session.screenshot("print-preview-print-dialog")
    ok("Print… closes the preview and opens the print dialog")

    # The dialog's own Preview button comes back to the same window, not
    # to an external viewer.
    app.click(app.find("push button", "Preview", root=dialog))
    window = toplevel(app, TITLE)
    closed(app, "Print")
    area = app.find(None, "Page of the report", root=window)
    wait_page(app, window, area, 1, pages, "Operating environment")
    ok("the print dialog's Preview opens the preview in the application")
    session.press("Escape")
    closed(app, TITLE)
    ok("Escape closes it")
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "print-preview",
                        "print preview browsed, zoomed and closed; printing from it opens the print dialog",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
