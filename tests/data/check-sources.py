#!/usr/bin/python3
# check-sources.py: every catalog entry, scale and rule of the default
# catalog has its source, in resources/catalog.xml and in docs/domain.md.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-sources.py CATALOG.xml DOMAIN.md
# A source is a seed document and section with the words quoted
# (<source seed="001" section="D">quotation</source>), or this
# application's own operationalisation with its reason
# (<source of="application">reason</source>). docs/domain.md gives each
# entry, under its kind, as "- `id` ... Source: CITATION." with the same
# citation.

import re
import sys
import xml.etree.ElementTree as ET

catalog, domain = sys.argv[1:3]
failures = []
n = 0


def check(ok, what):
    global n
    n += 1
    print(('ok %d - %s' if ok else 'not ok %d - %s') % (n, what), flush=True)
    if not ok:
        failures.append(what)


def words(element):
    return ' '.join((element.text or '').split()) if element is not None else ''


def citation(source):
    if source.get('seed'):
        return 'seed %s, section %s' % (source.get('seed'), source.get('section'))
    return "this application's own operationalisation"


def source_problem(source):
    """Why @source is not a source, or None."""
    if source is None:
        return 'no <source>'
    if source.get('seed'):
        if not re.fullmatch(r'00[0-4]', source.get('seed')):
            return 'seed "%s" is not one of 000 to 004' % source.get('seed')
        if not source.get('section'):
            return 'a seed without a section'
        if len(words(source)) < 20:
            return 'a seed without the words it rests on'
        return None
    if source.get('of') == 'application':
        if len(words(source)) < 40:
            return "this application's own, without a reason"
        return None
    return 'a <source> that names neither a seed nor the application'


root = ET.parse(catalog).getroot()
items = []   # (heading in domain.md, id, source)
for kind in root.findall('kind'):
    for entry in kind.findall('entry'):
        items.append(('`%s`' % kind.get('id'), entry.get('id'), entry.find('source')))
for scale in root.findall('scale'):
    items.append(('Scales', scale.get('id'), scale.find('source')))
rules = root.find('rules')
check(rules is not None and len(rules.findall('rule')) >= 10, 'the catalog states its rules')
for rule in (rules.findall('rule') if rules is not None else []):
    items.append(('Rules, thresholds and defaults', rule.get('id'), rule.find('source')))

check(len(items) > 80, '%d entries, scales and rules' % len(items))
for heading, id, source in items:
    problem = source_problem(source)
    check(problem is None, 'catalog.xml: %s %s has a source%s' % (heading, id, ': ' + problem if problem else ''))

text = open(domain, encoding='utf-8').read()
# Each entry's line, under the heading of its kind, up to the next heading.
for heading, id, source in items:
    start = next((m.end() for m in re.finditer(r'^#+ .*' + re.escape(heading) + r'.*$', text, re.M)), -1)
    end = text.find('\n#', start) if start >= 0 else -1
    section = text[start:end if end >= 0 else len(text)] if start >= 0 else ''
    line = re.search(r'^- `%s`.*\n(?:  .*\n?)*' % re.escape(id), section, re.M)
    if source is None:
        continue
    expected = 'Source: %s.' % citation(source)
    check(line is not None and expected in ' '.join(line.group(0).split()),
          'docs/domain.md: %s %s, "%s"' % (heading, id, expected))
    if line is not None and source.get('seed'):
        quoted = words(source)[:60]
        check(quoted in ' '.join(line.group(0).split()), 'docs/domain.md quotes the source of %s' % id)

print('1..%d' % n)
sys.exit(1 if failures else 0)
