#!/usr/bin/python3
# check-report.py: the printed report and the chart exports, made by the
# command line with no display, checked with poppler's tools.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-report.py IAP_WORKSHOP EXAMPLE OUTDIR LOCALEDIR
# Writes OUTDIR/report-*.pdf and the pages as PNG (colour and grey):
# look at them.

import os
import re
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

iap, example, outdir, localedir = sys.argv[1:5]
os.makedirs(outdir, exist_ok=True)
failures = []
n = 0

SECTIONS = {
    'en': ['Risk summary', 'Risk register', 'Group results', 'Mitigation plan', 'Context', 'Method'],
}


def env(lang=None):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e.pop('WAYLAND_DISPLAY', None)
    e['IAP_WORKSHOP_LOCALEDIR'] = localedir
    if lang == 'fr':
        e['LANGUAGE'] = 'fr'
        e['LANG'] = e['LC_ALL'] = 'fr_FR.UTF-8'
    else:
        e['LANGUAGE'] = 'en'
        e['LANG'] = e['LC_ALL'] = 'C.UTF-8'
    return e


def check(ok, what):
    global n
    n += 1
    print(('ok %d - %s' if ok else 'not ok %d - %s') % (n, what))
    if not ok:
        failures.append(what)


def run(args, lang=None):
    return subprocess.run([iap] + args, env=env(lang), capture_output=True, text=True)


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    size = re.search(r'Page size:\s+([\d.]+) x ([\d.]+)', info)
    return pages, float(size.group(1)), float(size.group(2))


def page_text(path, page):
    return subprocess.run(['pdftotext', '-f', str(page), '-l', str(page), path, '-'],
                          capture_output=True, text=True).stdout


def check_report(paper, lang, extra=()):
    out = os.path.join(outdir, 'report-%s-%s%s.pdf' % (paper, lang, ''.join(extra).replace('-', '')))
    start = time.monotonic()
    result = run(['export', example, '-o', out, '--paper', paper] + list(extra), lang)
    elapsed = time.monotonic() - start
    check(result.returncode == 0, '%s %s export exits 0 (%s)' % (paper, lang, result.stderr.strip()))
    if result.returncode != 0:
        return None
    # Reported, not judged: speed is measured by the benchmarks, and a
    # sanitizer build or a busy machine is slower.
    print('# %s %s export took %.2f s' % (paper, lang, elapsed), flush=True)
    pages, width, height = pdf_pages(out)
    expected = (595.3, 841.9) if paper == 'a4' else (612, 792)
    check(abs(width - expected[0]) < 1 and abs(height - expected[1]) < 1,
          '%s page size %.1f x %.1f' % (paper, width, height))
    check(7 <= pages <= 20, '%s %s has %d pages' % (paper, lang, pages))
    text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout
    for title in SECTIONS.get(lang, []):
        check(title.lower() in text.lower(), '%s %s has the section "%s"' % (paper, lang, title))
    classification = 'CONFIDENTIAL' if lang == 'en' else 'CONFIDENTIEL'
    for page in range(1, pages + 1):
        t = page_text(out, page)
        check(classification in t, '%s %s page %d has the classification' % (paper, lang, page))
        check(re.search(r'\b%d\D+%d\b' % (page, pages), t) is not None,
              '%s %s page %d says page %d of %d' % (paper, lang, page, page, pages))
    prefix = os.path.join(outdir, os.path.basename(out)[:-4])
    subprocess.run(['pdftoppm', '-r', '70', '-png', out, prefix], check=True)
    subprocess.run(['pdftoppm', '-r', '70', '-gray', '-png', out, prefix + '-grey'], check=True)
    return text


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def personal_names(path):
    """Every person the workshop file names: participants, the facilitator
    (the text before a comma: "Name, title"), owners of mitigations and
    officials who accepted a risk."""
    ns = {'w': 'https://iapworkshop.github.io/ns/workshop/1'}
    root = ET.parse(path).getroot()
    names = {e.text for e in root.iterfind('.//w:participant/w:name', ns)}
    names |= {e.text for e in root.iterfind('.//w:mitigation/w:owner', ns)}
    names |= {e.get('by') for e in root.iterfind('.//w:acceptance', ns)}
    names |= {e.text.split(',')[0] for e in root.iterfind('.//w:setup/w:facilitator', ns)}
    return sorted(n.strip() for n in names if n and n.strip())


def flat(text):
    """The text on one line, so that a name wrapped across lines is found."""
    return re.sub(r'-\s+', '-', ' '.join(text.split()))


def check_names(named, anonymous):
    names = personal_names(example)
    check(len(names) >= 10, 'the example names %d people: %s' % (len(names), ', '.join(names)))
    if named is None or anonymous is None:
        return
    missing = [n for n in names if n not in flat(named)]
    check(not missing, 'the report names everyone the workshop names (missing: %s)' % ', '.join(missing))
    left = [n for n in names if n in flat(anonymous)]
    check(not left, 'the anonymised report names nobody (found: %s)' % ', '.join(left))
    check('Facilitator not named' in flat(anonymous) and 'DSRSG/RC/HC' in flat(anonymous),
          'the anonymised report says the facilitator is not named and gives the accepting official\'s role')


def check_charts():
    for chart in ['heatmap', 'residual', 'triple-hatting']:
        base = os.path.join(outdir, 'chart-' + chart)
        r = run(['export', example, '--chart', chart, '--size', '640x480', '-o', base + '.png'])
        check(r.returncode == 0 and png_size(base + '.png') == (640, 480), chart + ' PNG is 640x480')
        r = run(['export', example, '--chart', chart, '-o', base + '.svg'])
        with open(base + '.svg') as f:
            svg = f.read(2000)
        check(r.returncode == 0 and re.search(r'width="800(px)?"', svg) and re.search(r'height="600(px)?"', svg),
              chart + ' SVG is 800x600')
        r = run(['export', example, '--chart', chart, '--size', '500x300', '-o', base + '.pdf'])
        pages, width, height = pdf_pages(base + '.pdf')
        check(r.returncode == 0 and pages == 1 and (round(width), round(height)) == (500, 300),
              chart + ' PDF is 500x300 pt')


def check_errors():
    r = run(['export', example, '-o', os.path.join(outdir, 'x.doc')])
    check(r.returncode == 2, 'a report to .doc is a usage error (2)')
    r = run(['export', example, '--chart', 'pie', '-o', os.path.join(outdir, 'x.png')])
    check(r.returncode == 2, 'an unknown chart is a usage error (2)')
    r = run(['export', example])
    check(r.returncode == 2, 'export without -o is a usage error (2)')
    bad = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data', 'bad', 'truncated.iapw')
    r = run(['export', bad, '-o', os.path.join(outdir, 'bad.pdf')])
    check(r.returncode == 1 and re.search(r'truncated\.iapw:\d+: ', r.stderr) is not None,
          'a bad file exits 1 with FILE:LINE: message (%s)' % r.stderr.strip().splitlines()[:1])
    r = run(['summary', example])
    check(r.returncode == 0 and 'Republic of Kivara' in r.stdout, 'summary prints the workshop')


named = check_report('a4', 'en')
check_report('letter', 'en')
anonymous = check_report('a4', 'en', ['--anonymize'])
check_names(named, anonymous)
french = check_report('a4', 'fr')
check(french is not None and 'mars 2026' in french and 'Confidentiel'.upper() in french,
      'the French report has French dates and the French classification')
check_charts()
check_errors()
print('1..%d' % n)
sys.exit(1 if failures else 0)
