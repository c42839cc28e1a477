#!/usr/bin/python3
# check-summary.py: what the report and the JSON summary say about group
# scoring: one vocabulary, and no statistic below the privacy floor.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-summary.py IAP_WORKSHOP EXAMPLE OUTDIR LOCALEDIR
# Writes variants of the example and their reports to OUTDIR.

import json
import os
import unicodedata
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

iap, example, outdir, localedir = sys.argv[1:5]
os.makedirs(outdir, exist_ok=True)
NS = 'https://iapworkshop.github.io/ns/workshop/1'
ET.register_namespace('', NS)
failures = []
n = 0


def check(ok, what):
    global n
    n += 1
    print(('ok %d - %s' if ok else 'not ok %d - %s') % (n, what), flush=True)
    if not ok:
        failures.append(what)


def env(lang='en'):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e.pop('WAYLAND_DISPLAY', None)
    e['IAP_WORKSHOP_LOCALEDIR'] = localedir
    if lang == 'fr':
        e['LANGUAGE'] = 'fr'
        e['LANG'] = e['LC_ALL'] = 'fr_FR.UTF-8'
    else:
        e['LANGUAGE'] = lang
        e['LANG'] = e['LC_ALL'] = 'C.UTF-8'
    return e


def run(args, lang='en'):
    return subprocess.run([iap] + args, env=env(lang), capture_output=True, text=True)


def q(tag):
    return '{%s}%s' % (NS, tag)


def variant(name, edit):
    """The example, changed by @edit (a function of the XML root)."""
    tree = ET.parse(example)
    edit(tree.getroot())
    path = os.path.join(outdir, name + '.iapw')
    tree.write(path, encoding='UTF-8', xml_declaration=True)
    r = run(['validate', path])
    check(r.returncode == 0, '%s is a valid workshop (%s)' % (name, r.stdout.strip()))
    return path


def flat(text):
    """The text on one line, so that words wrapped in a cell are found."""
    return re.sub(r'-\s+', '-', ' '.join(text.split()))


def report_text(path, extra=(), lang='en'):
    """The report of @path, as one line of text in reading order."""
    name = os.path.basename(path)[:-5] + ('-' + lang if lang != 'en' else '') + ''.join(extra).replace('-', '')
    out = os.path.join(outdir, name + '.pdf')
    r = run(['export', path, '-o', out] + list(extra), lang)
    check(r.returncode == 0, 'export %s exits 0 (%s)' % (os.path.basename(out), r.stderr.strip()))
    return flat(subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout)


def summary(path):
    r = run(['summary', '--json', path])
    check(r.returncode == 0, 'summary --json %s exits 0' % os.path.basename(path))
    return r.stdout, json.loads(r.stdout) if r.returncode == 0 else {}


def section(text, start, end):
    """The text of the report from the heading @start to the heading @end."""
    i = text.find(start)
    j = text.find(end, i + 1) if i >= 0 else -1
    return text[i:j] if i >= 0 and j > i else ''


def round1(root):
    return root.find('%s/%s' % (q('rounds'), q('round')))


def set_rating(root, participant, risk, likelihood, impact):
    rnd = round1(root)
    for r in rnd.findall(q('rating')):
        if r.get('participant') == participant and r.get('risk') == risk:
            r.set('likelihood', str(likelihood))
            r.set('impact', str(impact))
            return
    new = ET.Element(q('rating'), {'participant': participant, 'risk': risk,
                                   'likelihood': str(likelihood), 'impact': str(impact)})
    # Ratings come before the factor ratings of a round.
    index = len(rnd.findall(q('rating'))) + len(rnd.findall(q('risk')))
    rnd.insert(index, new)


# A: the lowest floor, 2, and four humanitarians and two political
# affairs officers who score: on r1 their medians are 4 and 2 apart. The
# NGO partner, the security and the development pillars have one scorer
# each: their "medians" are people's own scores.
def split_pillars(root):
    root.find(q('setup')).set('min-scorers', '2')
    for risk in ['r%d' % i for i in range(1, 13)]:
        set_rating(root, 'p9', risk, 4, 4)
        set_rating(root, 'p10', risk, 4, 4)
        set_rating(root, 'p2', risk, 3, 3)
    set_rating(root, 'p1', 'r1', 2, 3)
    set_rating(root, 'p2', 'r1', 2, 3)
    set_rating(root, 'p12', 'r1', 1, 1)


a = variant('split-pillars', split_pillars)
text = report_text(a)
polarized = section(text, 'Polarized risks', 'Dissent register')
check('Humanitarian' in polarized and 'Political' in polarized,
      'the polarized risks name the two pillars of at least 2 scorers that are apart')
for single in ['NGO partner', 'Security', 'Development']:
    check(single not in polarized, 'the polarized risks never print the %s pillar of one scorer' % single)
raw, data = summary(a)
r1 = next((r for r in data.get('risks', []) if r['id'] == 'r1'), {})
check(r1.get('polarized') is True and r1.get('verdict') in ('polarized', 'no-consensus-polarized'),
      'JSON: r1 is polarized (%s, %s)' % (r1.get('polarized'), r1.get('verdict')))
check(data.get('min_scorers') == 2, 'JSON: min_scorers is the workshop\'s floor')
check('ngo' not in raw.replace('ngo-relations', ''), 'JSON: nothing is said of the NGO partner pillar')


# B: the default floor, 3, and a risk two people scored.
def two_scorers(root):
    rnd = round1(root)
    for r in list(rnd.findall(q('rating'))):
        if r.get('risk') == 'r12' and r.get('participant') not in ('p5', 'p12'):
            rnd.remove(r)


b = variant('two-scorers', two_scorers)
raw, data = summary(b)
r12 = next((r for r in data.get('risks', []) if r['id'] == 'r12'), {})
check(r12.get('ratings') == 2 and r12.get('median') is None and r12.get('iqr') is None
      and r12.get('verdict') == 'withheld' and r12.get('consensus') == 'withheld',
      'JSON: a risk of 2 scorers has its count and nothing else (%s)' % json.dumps(r12))
text = report_text(b)
row = section(text, '12. Joint appeal', 'Polarized risks')
check(re.search(r'Withheld: fewer than 3 scorers', row) is not None and '×' not in row,
      'the report withholds the median and verdict of a risk of 2 scorers (%s)' % row[:160])

# C: the example's report uses one vocabulary: no risk reads as a
# consensus and as polarized at once.
text = report_text(example)
consensus = section(text, 'Consensus per risk', 'Polarized risks')
check('polarized' not in consensus.lower().split('nothing computed')[-1],
      'the consensus table never adds "polarized" under a verdict')
check('Verdict' in consensus, 'the consensus table has a Verdict column')

# D: dissent by pillar never names the person nor their organisation,
# and an anonymised report names no participant's organisation.
text = report_text(example)
dissents = section(text, 'Dissent register', 'Mitigation plan')
check('A participant of the NGO partner pillar' in dissents and 'Leila Haddad' not in dissents
      and 'Kivara NGO Forum (' not in dissents,
      'a dissent by pillar names the pillar only')
text = report_text(example, ['--anonymize'])
organisations = ['MINUKIV Political Affairs Division', 'Kivara NGO Forum (', 'UNDP', 'OHCHR',
                 'ECHO (observer)', 'Resident Coordinator\'s Office', 'UNPOL']
found = [o for o in organisations if o in text]
check(not found, 'the anonymised report names no participant\'s organisation (found: %s)' % ', '.join(found))

# E: page 1 of the example, in A4 and in Letter, holds the decision and
# its basis, on that one page.
def page_one(paper):
    out = os.path.join(outdir, 'page-one-%s.pdf' % paper)
    r = run(['export', example, '-o', out, '--paper', paper])
    check(r.returncode == 0, 'export %s exits 0 (%s)' % (paper, r.stderr.strip()))
    page = lambda k: flat(subprocess.run(['pdftotext', '-f', str(k), '-l', str(k), out, '-'],
                                         capture_output=True, text=True).stdout)
    return page(1), page(2)


for paper in ('a4', 'letter'):
    one, two = page_one(paper)
    expected = {
        'the classification': 'CONFIDENTIAL',
        'the current configuration': 'Triple-hatted DSRSG/RC/HC (current)',
        'the recommended configuration': 'Double-hatted DSRSG/RC (recommended)',
        'the rationale': 'Keeping the DSRSG/RC post preserves coherence',
        'the conditions': 'A stand-alone Humanitarian Coordinator is appointed by September 2026',
        'the dissent, verbatim': '“The NGO Forum considers that only the no-structural option restores NGO trust; '
                                 'double-hatting still ties recovery funding to the mission\'s political priorities.”',
        'who dissents, as they chose': 'A participant of the NGO partner pillar',
        'the environment': 'Operating environment: High-risk.',
        'its evidence': 'Perception survey (HCT, February 2026)',
        'that its definition is not policy': '“is not a matter of policy and is not contained in the IAP”',
        'how many scored': 'Round 1: scored by 6 of 13 participants.',
        'the consensus rule': 'Consensus rule: consensus when the interquartile range is at most 1 level',
        'the review date': 'Review date: 30 September 2026.',
    }
    for what, words in expected.items():
        check(words in one, '%s page 1 has %s: %r' % (paper, what, words))
    check('Kivara NGO Forum (' not in one and 'Leila Haddad' not in one,
          '%s page 1 does not name the dissenter who chose their pillar' % paper)
    check('Risk register' in two and 'Risk register' not in one,
          '%s: page 1 is one page, the register starts on page 2' % paper)

# F: a French report shows the default levels of the example in French,
# never in English; a level someone edited stays as typed.
def edited_level(root):
    level = root.find('%s/%s/%s' % (q('scales'), q('impact'), q('level')))
    level.attrib.pop('default', None)
    level.find(q('label')).text = 'Insignifiant (typed)'


text = report_text(example, lang='fr')
english = ['Unlikely', 'Likely', 'Almost certain', 'Negligible', 'Minor', 'Moderate', 'Major', 'Severe',
           'Could happen at some time', 'Hardly noticeable effect']
found = [w for w in english if re.search(r'\b%s\b' % w, text)]
check(not found, 'the French report has no English level label or definition (found: %s)' % ', '.join(found))
check('Presque certain' in text and 'Négligeable' in text, 'the French report names the levels in French')
# An older file (1.2, no default attribute) with the English defaults reads the same.
def older(root):
    root.set('version', '1.2')
    for level in root.iter(q('level')):
        level.attrib.pop('default', None)


text = report_text(variant('older', older), lang='fr')
found = [w for w in english if re.search(r'\b%s\b' % w, text)]
check(not found, 'a 1.2 file\'s untouched levels read in French too (found: %s)' % ', '.join(found))
text = report_text(variant('edited-level', edited_level), lang='fr')
check('Insignifiant (typed)' in text and 'Presque certain' in text,
      'an edited level stays as typed, the others are translated')

# G: `summary` prints words, translated, not ids.
r = run(['summary', example], 'fr')
check(r.returncode == 0 and 'Confidentiel' in r.stdout and 'confidential' not in r.stdout
      and '9 mars 2026' in r.stdout and '2026-03-09' not in r.stdout,
      'summary in French prints the marking and the dates in words (%s)' % r.stdout.splitlines()[1:2])


# H: the text summary's columns line up in a terminal whatever the
# language: accented bands take one column a letter, Chinese ones two.
def columns(text):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in text)


for lang in ('fr', 'zh_CN', 'ru'):
    r = run(['summary', example], lang)
    starts = {columns(line[:line.index(title)])
              for line in r.stdout.splitlines()
              for title in ('Shared compound in Makori', 'Armed escorts draw', 'Stabilisation funds')
              if re.match(r'  \d+\.', line) and title in line}
    check(r.returncode == 0 and len(starts) == 1,
          'summary in %s starts every risk title in the same column (%s)' % (lang, sorted(starts)))

print('1..%d' % n)
sys.exit(1 if failures else 0)
