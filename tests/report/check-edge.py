#!/usr/bin/python3
# check-edge.py: the report of a workshop made to break it, read back
# with poppler: long texts, Arabic, unknowns, incomplete acceptances.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-edge.py IAP_WORKSHOP EDGE.iapw OUTDIR
# Writes OUTDIR/edge.pdf and its pages as OUTDIR/edge-NN.png (100 dpi):
# look at them.

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.dont_write_bytecode = True
from tap import ok as check, plan  # noqa: E402

iap, edge, outdir = sys.argv[1:4]
os.makedirs(outdir, exist_ok=True)


def flat(text):
    """One line, without the direction marks pdftotext puts around
    right-to-left runs, so that sentences are found whole."""
    text = re.sub('[\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', text)
    return ' '.join(text.split())


env = dict(os.environ, LANGUAGE='en', LANG='C.UTF-8', LC_ALL='C.UTF-8')
env.pop('DISPLAY', None)
env.pop('WAYLAND_DISPLAY', None)
pdf = os.path.join(outdir, 'edge.pdf')
result = subprocess.run([iap, 'export', edge, '-o', pdf], env=env, capture_output=True, text=True)
check(result.returncode == 0, 'the edge-case workshop exports (%s)' % result.stderr.strip())
if result.returncode != 0:
    sys.exit(plan())

info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
n_pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
pages = [subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), pdf, '-'],
                        capture_output=True, text=True).stdout for p in range(1, n_pages + 1)]
layout = [subprocess.run(['pdftotext', '-layout', '-f', str(p), '-l', str(p), pdf, '-'],
                         capture_output=True, text=True).stdout for p in range(1, n_pages + 1)]
everything = flat('\n'.join(pages))

# The marking: not set in the file, printed as a default and said so
check(all('INTERNAL (DEFAULT)' in p for p in pages),
      'every page is marked "Internal (default)": the file has no classification')

# The date line, whatever the direction of the country's name
check('14 June 2026 – 16 June 2026' in flat(pages[0]), 'page 1 gives the dates in order')
check('Siosaia Tupou' in flat(pages[0]), 'page 1 names the facilitator')

# The summary: the pages before the register (page 1 runs on when the
# decision's dissents fill it)
register = [i for i, p in enumerate(pages) if re.search(r'^Risk register$', p, re.M)]
summary = flat('\n'.join(pages[:register[0]] if register else pages[:1]))
check(len(register) == 1 and register[0] >= 1, 'the register starts after the summary (page %s)'
      % (register[0] + 1 if register else None))

# Nothing silently cut from the summary: the options chart, or where it is
elsewhere = re.search(r'The structural options do not fit on this page: Group results, page (\d+), weighs them',
                      summary)
group = [i + 1 for i, p in enumerate(pages) if re.search(r'^Group results$', p, re.M)]
check('each as a share of its maximum' in summary or
      (elsewhere is not None and group and int(elsewhere.group(1)) == group[0]),
      'page 1 shows the structural options, or says on which page they are (%s, Group results on %s)'
      % (elsewhere.group(1) if elsewhere else None, group[:1]))

# The environment: every indicator unknown is not just "Permissive"
check(re.search(r'Operating environment: Permissive\..*Open questions \(answered Unknown\): Combat operations; '
                r'UN perceived as a party.*Confirmed, they would make the computed level High-risk', summary)
      is not None, 'the summary lists the unknown answers and the level they could reach')
check('Permissive. Unknown: Combat operations; UN perceived as a party' in everything and
      'confirmed, they would make the computed level High-risk' in everything,
      'the Context section says the same')

# Every word of the long description, once, and its source at the end
for k in range(1, 39):
    check(everything.count('Paragraph %d. Armed escorts' % k) == 1,
          'paragraph %d of the long description is printed once' % k)
check('https://example.org/kivara/northern-corridor-incident-log-2026(thelastwordsofthisdescription).'
      in ''.join(everything.split()), 'the long description ends with its source, printed whole')
check('…' not in everything, 'no text is cut with an ellipsis')
check('Raised by the NGO forum; see the incident log.' in everything, 'the risk\'s notes are printed')

# Acceptances: complete, incomplete, missing
check(re.search(r'Incomplete:\s*no role, no justification', everything) is not None,
      'an acceptance without role or justification is shown incomplete')
check(re.search(r'Incomplete:\s*no justification', everything) is not None,
      'an acceptance justified by a no-break space is shown incomplete')
check(everything.count('Not accepted') == 3, 'the three risks above the appetite with no acceptance are listed')
check('The plan cannot be signed yet: 4 risks above the appetite have no complete acceptance (risks 2, 4, 5, 8).'
      in everything, 'the unaccepted risks are named')
check('1 risk has no residual rating yet and cannot be judged against the appetite (risk 7).' in everything,
      'the risk without a residual rating is named')

# People: no "Name ()", no mis-nested parentheses
check('()' not in everything and '( )' not in everything, 'no empty parentheses')
check('Participant p4' in everything, 'a participant with neither name nor entity is named by id')
check(re.search(r'^\s*Security\s+1\s+Omar Saidov\s*$', '\n'.join(layout), re.M) is not None,
      'a participant whose entity is blank is listed by name alone')

# The context as recorded: indicators with their notes, settings
check(everything.count('Not yet confirmed by the field offices.') == 9, 'every indicator\'s note is printed')
check('Chapter VII protection of civilians mandate, renewed in March.' in everything, 'the mandate is printed')
check('Held in Makori; the northern pillar leads joined by video.' in everything, 'the set-up notes are printed')
check('30 September 2026' in everything, 'the review date is printed')
check('Premises identified; lease under review.' in everything and 'Treatment: Reduce likelihood' in everything,
      'a mitigation\'s treatment and notes are printed')
check('An independent coordinator office outside the mission.' in everything,
      'the workshop\'s own option is described')

# Keep with next: no page ends on a heading or a table's header row
headings = {'Risk register', 'Group results', 'Mitigation plan', 'Method', 'Context', 'Dissent register',
            'Polarized risks', 'Consensus per risk', 'Residual risk and acceptances', 'Participants by pillar',
            'Top risks', 'Band matrix', 'Consensus rule', 'Likelihood scale', 'Impact scale',
            'High-risk environment indicators', 'The workshop’s own catalog entries'}
for p, text in enumerate(layout, 1):
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    body = [l for l in lines if not l.startswith('Page ') and 'INTERNAL (DEFAULT)' not in l]
    last = body[-1] if body else ''
    check(last not in headings and not re.match(r'^(No\.|Risk|By|Measure|Level|Pillar|Indicator|Setting)\s{2,}', last),
          'page %d does not end on a heading or a header row (%r)' % (p, last[:60]))

prefix = os.path.join(outdir, 'edge')
subprocess.run(['pdftoppm', '-r', '100', '-png', pdf, prefix], check=True)
sys.exit(plan())
