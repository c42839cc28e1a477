# test_languages.py: the window in one language, its report in another
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open the example in the interface of one language, visit every step, and
export its report in another language from the Export dialog.

    /usr/bin/python3 test_languages.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --lang ar --report-lang fr \
        --linguas po/LINGUAS --output _build/tests/gui/screenshots

--lang may be given several times: one display session then runs the
application once per language, each visiting every step, and only the
last one exports the report (one Xvfb and D-Bus start for them all);
--steps matrix,triple-hatting,summary visits only those steps.

Every name the test looks for comes from the built catalogs (Python's
gettext on IAP_WORKSHOP_LOCALEDIR), so the test knows no language itself.
In a language written right to left the window must be mirrored: the
sidebar of steps on the right of the page, the step's title flush right.
Screenshots: lang-LANG-STEP.png, lang-LANG-export.png; look at them.
"""

import gettext
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check, wait_for  # noqa: E402

SLUGS = ["setup", "context", "integration", "matrix", "triple-hatting", "mitigation", "summary"]
STEPS = ["Set-up", "Context", "Integration", "Risk matrix", "Triple-hatting", "Mitigation", "Summary"]
LOCALES = {"en": "C.UTF-8", "fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8", "ar": "ar_EG.UTF-8",
           "ru": "ru_RU.UTF-8", "zh_CN": "zh_CN.UTF-8"}


def ok(message):
    print("ok -", message, flush=True)


def catalog(lang):
    if lang == "en":
        return gettext.NullTranslations()
    localedir = os.environ.get("IAP_WORKSHOP_LOCALEDIR")
    check(localedir, "IAP_WORKSHOP_LOCALEDIR is not set")
    try:
        return gettext.translation("iap-workshop", localedir, languages=[lang])
    except OSError:
        raise iaptest.TestFailure(f"no {lang} catalog in {localedir}: is {lang} in po/LINGUAS?")


def environment(lang):
    loc = LOCALES[lang]
    return {"LANGUAGE": "" if lang == "en" else lang, "LANG": loc, "LC_ALL": loc}


def extents(node):
    return node.queryComponent().getExtents(iaptest.pyatspi.DESKTOP_COORDS)


def tour(session, app, lang, tr, rtl, visit=SLUGS):
    frame = app.find("frame")
    sidebar = app.find("list", tr.gettext("Workshop steps"), root=frame)
    names = [tr.pgettext("workshop step", s) for s in STEPS]
    rows = [row.name for row in sidebar]
    check(rows == names, f"the sidebar lists {rows}, expected {names}")
    ok(f"the sidebar lists the steps in {lang}: {rows}")

    for name, slug in zip(names, SLUGS):
        if slug not in visit:
            continue
        app.activate(app.find("list item", name, root=sidebar))
        wait_for(f"{name!r} to be selected", lambda: app.selected(sidebar) == [name], 5)
        page = app.find_all("panel", name, root=frame)[-1]
        wait_for(f"page {name!r} to be laid out", lambda: extents(page).width > 0, 5)
        side, body = extents(sidebar), extents(page)
        if rtl:
            check(side.x >= body.x + body.width - 2,
                  f"right to left, the sidebar ({side.x}..{side.x + side.width}) is not on the right of "
                  f"the page {name!r} ({body.x}..{body.x + body.width})")
        else:
            check(side.x + side.width <= body.x + 2,
                  f"the sidebar ({side.x}..{side.x + side.width}) is not on the left of "
                  f"the page {name!r} ({body.x}..{body.x + body.width})")
        session.still_pixels(page)
        path = session.screenshot(f"lang-{lang}-{slug}")
        ok(f"{name!r} shows its page, sidebar on the {'right' if rtl else 'left'} ({path})")
    return frame, sidebar, names


def choose(session, app, combo, index):
    """Choose the item @index of a drop-down with the keyboard."""
    app.click(combo)
    iaptest.pyatspi.Registry.generateMouseEvent(2, session.height - 5, "abs")
    wait_for("the drop-down's list", lambda: app.find_all("list", root=app.root), 5)
    session.press("Home")
    for _ in range(index):
        session.press("Down")
    session.press("Return")


def export(session, app, frame, lang, tr, report_lang, languages, folder):
    summary = tr.pgettext("workshop step", "Summary")
    page = app.find_all("panel", summary, root=frame)[-1]
    app.click(app.find("push button", tr.gettext("_Export…").replace("_", ""), root=page))
    dialog = wait_for("the Export dialog", lambda: next(
        (w for w in app.find_all("frame") + app.find_all("dialog")
         if w.name == tr.gettext("Export")), None), 10)
    language_row = app.find("combo box", tr.gettext("_Language").replace("_", ""), root=dialog)
    choose(session, app, language_row, 1 + languages.index(report_lang))
    chosen = tr.gettext("Same as the window (%s)")
    wait_for("the language to be chosen",
             lambda: any(n.name for n in app.find_all("label", root=language_row)
                         if n.name and n.name != tr.gettext("_Language").replace("_", "")
                         and n.name != chosen.split("(")[0]), 5)
    session.screenshot(f"lang-{lang}-export")
    ok(f"the Export dialog offers the languages, {report_lang} chosen")

    path = os.path.join(folder, f"report-{report_lang}.pdf")
    app.click(app.find("push button", tr.gettext("_Export…").replace("_", ""), root=dialog))
    wait_for("the file chooser", lambda: next(
        (w for w in app.root if w is not None and w.name == tr.gettext("Export To")), None), 10)
    session.press("ctrl+a")
    session.type_text(path)
    session.press("Return")
    def written():
        if not os.path.exists(path):
            return False
        with open(path, "rb") as f:
            f.seek(max(os.path.getsize(path) - 32, 0))
            return b"%%EOF" in f.read()
    wait_for(f"{path} to be written", written, 60)
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    report = catalog(report_lang)
    flat = " ".join(text.split()).lower()
    for heading in ["Risk register", "Mitigation plan"]:
        check(" ".join(report.gettext(heading).split()).lower() in flat,
              f"the report exported in {report_lang} has no heading {report.gettext(heading)!r}: "
              f"it begins {flat[:300]!r}")
    ok(f"the report is written in {report_lang} ({os.path.getsize(path)} bytes)")


def run(session, args, folder):
    with open(args.linguas, encoding="utf-8") as f:
        languages = ["en"] + [w for line in f for w in line.split("#")[0].split()]
    copy = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, copy)
    for lang in args.lang:
        tr = catalog(lang)
        rtl = tr.pgettext("text direction", "default:LTR") == "default:RTL"
        app = session.launch([args.exe, copy], env=environment(lang))
        frame, sidebar, names = tour(session, app, lang, tr, rtl, args.steps.split(","))
        if lang == args.lang[-1]:
            export(session, app, frame, lang, tr, args.report_lang, languages, folder)
            # The window did not change language with the report
            rows = [row.name for row in app.find("list", tr.gettext("Workshop steps"), root=frame)]
            check(rows == names, f"after the export the sidebar lists {rows}")
            ok(f"the window stays in {lang}")
        app.quit()
        ok(f"Ctrl+Q quits with status 0 ({lang})")


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--lang", choices=sorted(LOCALES), required=True, action="append")
    parser.add_argument("--report-lang", choices=sorted(LOCALES), required=True)
    parser.add_argument("--linguas", required=True)
    parser.add_argument("--steps", default=",".join(SLUGS),
                        help="the steps to visit, by slug, comma-separated (default: all)")
    parser.add_argument("--output", default=None)
    args = parser.parse_args()

    try:
        with tempfile.TemporaryDirectory() as folder, iaptest.Session(args.output) as session:
            try:
                run(session, args, folder)
            except Exception:
                try:
                    print("screenshot of the failure:",
                          session.screenshot(f"lang-{'-'.join(args.lang)}-FAILED"), file=sys.stderr)
                except Exception:
                    pass
                raise
    except iaptest.TestFailure as e:
        print(f"FAIL ({', '.join(args.lang)}): {e}", file=sys.stderr)
        return 1
    print(f"PASS ({', '.join(args.lang)}): every step shown, the report exported in {args.report_lang}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
