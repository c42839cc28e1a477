#!/usr/bin/python3
# check-languages.py: the report in every language the application is
# translated into, whatever the interface's, read back with poppler.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Export the example's report with --lang for English and each language of
po/LINGUAS, from an English and from a French interface, and check:

- its section headings are the catalog's translations (read with Python's
  gettext from the built catalogs, so the check knows no language itself);
- no character is lost: no U+FFFD in the text, no warning that a font
  lacks a glyph, every font embedded, the Noto fonts of each script used;
- a language written right to left is laid out right to left: headings
  flush right, the running title on the right and the classification on
  the left, mirrored from an English report (pdftotext -bbox);
- the same check fails on a machine without a CJK font.

Until Arabic has a catalog of its own, tests/i18n's small one stands in
for it in the right-to-left checks.

    check-languages.py IAP_WORKSHOP EXAMPLE OUTDIR LOCALEDIR LINGUAS AR_MO ZH_MO

Leaves OUTDIR/lang-LANG.pdf and its pages as OUTDIR/lang-LANG-NN.png: look
at them.
"""

import gettext
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

iap, example, outdir, localedir, linguas_file, ar_mo, zh_mo = sys.argv[1:8]
os.makedirs(outdir, exist_ok=True)

SECTIONS = ["Risk summary", "Risk register", "Group results", "Mitigation plan", "Context", "Method"]
# The Noto family whose glyphs each language needs, as pdffonts names them
SCRIPT_FONTS = {"ar": "NotoNaskhArabic", "zh_CN": "NotoSansCJK"}

with open(linguas_file, encoding="utf-8") as f:
    LINGUAS = [w for line in f for w in line.split("#")[0].split()]


def environment(interface, catalogs=localedir, fonts=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["IAP_WORKSHOP_LOCALEDIR"] = catalogs
    if interface == "fr":
        env.update(LANGUAGE="fr", LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8")
    else:
        env.update(LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if fonts is not None:
        env["FONTCONFIG_FILE"] = fonts
    return env


def translations(lang, catalogs):
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iap-workshop", catalogs, languages=[lang])


def flat(text):
    return " ".join(text.split())


def export(lang, interface="en", catalogs=localedir, fonts=None, name=None):
    out = os.path.join(outdir, "lang-%s.pdf" % (name or lang))
    result = subprocess.run([iap, "export", example, "--lang", lang, "-o", out],
                            env=environment(interface, catalogs, fonts),
                            capture_output=True, text=True, timeout=120)
    return result, out


def pdffonts(path):
    out = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        # name, type (may hold spaces), encoding, emb, sub, uni, object, id
        fields = line.split()
        if len(fields) >= 7:
            fonts.append((fields[0], fields[-5], fields[-3]))
    return fonts


def words(path, page):
    """The words of @page with their boxes, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-"],
                         capture_output=True, text=True).stdout
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        found.append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)),
                      html.unescape(m.group(5))))
    return found


def page_width(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))


def heading_box(path, heading):
    """The page and x range of the line that holds @heading's letters and no
    other (pdftotext -bbox gives Arabic letter by letter, in visual order,
    so the line is matched by its letters, not its words)."""
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True,
                                                             text=True).stdout).group(1))
    letters = sorted(heading.replace(" ", ""))
    for page in range(1, pages + 1):
        lines = {}
        for w in words(path, page):
            lines.setdefault(round(w[1]), []).append(w)
        for line in lines.values():
            if sorted("".join(w[4] for w in line)) == letters:
                return page, min(w[0] for w in line), max(w[2] for w in line)
    return None, None, None


def check_language(lang, interface="en", catalogs=localedir, name=None):
    label = "%s report%s" % (name or lang, "" if interface == "en" else ", %s interface" % interface)
    result, out = export(lang, interface, catalogs, name=name)
    if not ok(result.returncode == 0 and result.stderr == "", label + ": export exits 0, nothing on stderr",
              result.stderr):
        return None
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    ok("\ufffd" not in text, label + ": no U+FFFD in the text")
    tr = translations(lang, catalogs)
    missing = [s for s in SECTIONS if flat(tr.gettext(s)).lower() not in flat(text).lower()]
    ok(not missing, label + ": every section heading is in the catalog's words",
       "missing: " + ", ".join("%s (%s)" % (s, tr.gettext(s)) for s in missing))
    fonts = pdffonts(out)
    ok(fonts and all(emb == "yes" for _, emb, _ in fonts), label + ": every font is embedded",
       "\n".join(" ".join(f) for f in fonts))
    ok(any("NotoSans" in f for f, _, _ in fonts), label + ": the text is set in Noto Sans",
       "\n".join(f for f, _, _ in fonts))
    script = SCRIPT_FONTS.get(lang)
    if script is not None and name is None:
        ok(any(script in f for f, _, _ in fonts), label + ": its script is set in " + script,
           "\n".join(f for f, _, _ in fonts))
    return out


def check_mirrored(rtl_pdf, ltr_pdf, heading, tr):
    """Headings flush right, the page header mirrored."""
    width = page_width(rtl_pdf)
    page, x_min, x_max = heading_box(rtl_pdf, flat(tr.gettext(heading)))
    ok(page is not None and width - x_max < 18 * 72 / 25.4 + 4,
       "right to left: the heading %s ends at the right margin" % heading,
       "page %s, x %s to %s of %.0f" % (page, x_min, x_max, width))
    page, l_min, l_max = heading_box(ltr_pdf, heading)
    ok(page is not None and l_min < 18 * 72 / 25.4 + 4,
       "left to right: the heading %s starts at the left margin" % heading,
       "page %s, x %s to %s" % (page, l_min, l_max))
    # The running header of page 2: the classification on the left, the
    # workshop's title on the right (the other way round in English)
    rtl_words = [w for w in words(rtl_pdf, 2) if w[1] < 20 * 72 / 25.4 + 12]
    ltr_words = [w for w in words(ltr_pdf, 2) if w[1] < 20 * 72 / 25.4 + 12]
    # The classification is in the report's words (Arabic letters come
    # out of pdftotext one by one): the header's words that are not the
    # title's
    title = set("Integration risk workshop: MINUKIV and the UN Country Team".split())
    classified = [w for w in rtl_words if w[4] not in title]
    titled = [w for w in rtl_words if w[4] in title]
    ok(classified and titled and max(w[2] for w in classified) < min(w[0] for w in titled),
       "right to left: the running header has the classification on the left, the title on the right",
       repr(rtl_words))
    classified = [w for w in ltr_words if w[4] == "CONFIDENTIAL"]
    titled = [w for w in ltr_words if w[4] == "MINUKIV"]
    ok(classified and titled and titled[0][2] < classified[0][0],
       "left to right: the running header has the title on the left, the classification on the right",
       repr(ltr_words))


def check_isolated(rtl_pdf):
    """English descriptions inside a right-to-left report keep their full
    stop at their end (each line isolated): pdftotext reads each line in
    visual order, so "ambush." and not ".drivers and staff ..."."""
    import xml.etree.ElementTree as ET
    ns = "{https://iapworkshop.github.io/ns/workshop/1}"
    text = flat(subprocess.run(["pdftotext", rtl_pdf, "-"], capture_output=True, text=True).stdout)
    ends = [" ".join(d.text.split()[-1:]) for d in ET.parse(example).getroot().iter(ns + "description")
            if d.text and d.text.strip().endswith(".") and d.text.isascii()]
    lost = [e for e in ends if e not in text]
    ok(ends and not lost, "%s: %d English descriptions end with their full stop right to left"
       % (os.path.basename(rtl_pdf), len(ends)), repr(lost[:5]))


def rtl_language(lang, catalogs):
    return translations(lang, catalogs).pgettext("text direction", "default:LTR") == "default:RTL"


def fixture_catalogs(tmp):
    for lang, mo in (("ar", ar_mo), ("zh_CN", zh_mo)):
        os.makedirs(os.path.join(tmp, lang, "LC_MESSAGES"))
        shutil.copy(mo, os.path.join(tmp, lang, "LC_MESSAGES", "iap-workshop.mo"))
    return tmp


def main():
    english = check_language("en")
    for lang in LINGUAS:
        out = check_language(lang)
        if out is not None and english is not None and rtl_language(lang, localedir):
            check_mirrored(out, english, "Risk register", translations(lang, localedir))
            check_isolated(out)
    # The interface's language does not leak into the report's, nor the
    # other way round
    if "fr" in LINGUAS:
        check_language("en", interface="fr", name="en-from-fr")
        bad = subprocess.run([iap, "export", example, "--lang", "tlh", "-o",
                              os.path.join(outdir, "x.pdf")], env=environment("fr"),
                             capture_output=True, text=True)
        ok(bad.returncode == 2 and "il n’y a pas de traduction en « tlh »" in bad.stderr,
           "an unknown --lang is a usage error, in the interface's language", bad.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        catalogs = fixture_catalogs(tmp)
        if "ar" not in LINGUAS and english is not None:
            out = check_language("ar", catalogs=catalogs, name="ar-fixture")
            if out is not None:
                check_mirrored(out, english, "Risk register", translations("ar", catalogs))

        # Without a CJK font the Chinese characters are boxes, and the
        # export says so: the checks above can fail.
        conf = os.path.join(tmp, "fonts.conf")
        with open(conf, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    '<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                    '<cachedir>%s</cachedir></fontconfig>\n' % os.path.join(tmp, "cache"))
        result, out = export("zh_CN", catalogs=catalogs, fonts=conf, name="zh-without-cjk-font")
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
        ok(result.returncode == 0 and "U+98CE" in result.stderr and "fonts-noto-cjk" in result.stderr,
           "without a CJK font, the export names the characters it lacks and the package",
           result.stderr)
        ok("风险登记册" not in text, "without a CJK font, the missing characters are not in the PDF's text")

    # The file format is the same whatever the locale: a file saved under
    # each locale the tests use is, byte for byte, the one saved under C.
    with tempfile.TemporaryDirectory() as tmp:
        saved = {}
        installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
        for loc in ["C.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "ar_EG.UTF-8", "ru_RU.UTF-8", "zh_CN.UTF-8"]:
            if loc != "C.UTF-8" and loc.lower().replace("utf-8", "utf8") not in installed:
                ok(False, "the locale %s is installed (build-aux/iap-dev deps generates it)" % loc)
                continue
            path = os.path.join(tmp, "%s.iapw" % loc)
            shutil.copy(example, path)
            env = environment("en")
            env.update(LANG=loc, LC_ALL=loc)
            result = subprocess.run([iap, "upgrade", path], env=env, capture_output=True, text=True)
            with open(path, "rb") as f:
                saved[loc] = f.read()
            if loc != "C.UTF-8":
                ok(result.returncode == 0 and saved[loc] == saved["C.UTF-8"],
                   "a workshop saved under %s is the one saved under C" % loc, result.stderr)

    for pdf in sorted(os.listdir(outdir)):
        if pdf.startswith("lang-") and pdf.endswith(".pdf"):
            subprocess.run(["pdftoppm", "-r", "60", "-png", os.path.join(outdir, pdf),
                            os.path.join(outdir, pdf[:-4])], check=True)
    return plan()


sys.exit(main())
