# generate.py: random valid workshops
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Random workshop files that are valid by docs/file-format.md and
resources/workshop.rng: 3 x 3 to 6 x 6 matrices with their own bands,
rounds held in any order of their numbers, the workshop's own factors,
measures and options, Unicode and right-to-left text, and texts made only
of Unicode white space where a text is required."""

import datetime
import random
from xml.sax.saxutils import escape

import catalog

WORDS = [
    'Shared compound', 'Armed escorts', 'Sécurité du personnel', 'Accès humanitaire',
    'مخاطر الاندماج', 'ممر إنساني', 'الأمم المتحدة', 'סיכון לגישה', '联合国综合风险评估',
    'Ñandú & <Co>', 'quote " and \' apostrophe', 'e\u0301te\u0301', '⚠️ visibility',
    'Kivara — Makori', 'UNICEF', 'OCHA مكتب', 'Привет', 'Δ > 2 levels',
    'line one\nline two', '  leading and trailing  ', 'نص عربي طويل مع English words و 123',
]
BLANKS = ['\u00a0', '\u3000', '\u200b', ' \u00a0 ', '\u2007\u202f', '\u2028', '\ufeff',
          '\u200e\u200f', '\u205f\u1680', '\u2000\u2001\u200a']
NAMES = ['Amara Diallo', 'أمينة ديالو', 'Jean-Pierre Müller', 'Ngozi Okafor', 'דוד לוי',
         '王芳', 'María José Núñez', 'Ama Boateng', 'Омар Саидов', 'Siosaia Tupou']


def esc_text(text):
    return escape(text)


def esc_attr(text):
    # White space in attributes would be normalised: character references
    # keep it as written
    return (escape(text, {'"': '&quot;'})
            .replace('\n', '&#10;').replace('\t', '&#9;').replace('\r', '&#13;'))


class Gen:
    def __init__(self, rng):
        self.r = rng

    def chance(self, p):
        return self.r.random() < p

    def text(self, blank_p=0.1, long_p=0.05):
        r = self.r
        if r.random() < blank_p:
            return r.choice(BLANKS)
        words = [r.choice(WORDS) for _ in range(r.randint(1, 3))]
        if r.random() < long_p:
            words = [r.choice(WORDS) for _ in range(r.randint(40, 120))]
        return ' '.join(words)

    def maybe_text(self, p=0.7, blank_p=0.1):
        return self.text(blank_p) if self.chance(p) else None

    def date(self):
        d = datetime.date(2020, 1, 1) + datetime.timedelta(days=self.r.randint(0, 3000))
        return d.isoformat()

    def pick(self, items, k=None):
        if k is None:
            k = self.r.randint(0, len(items))
        return self.r.sample(items, min(k, len(items)))


def bands_for(g, n_l, n_i):
    r = g.r
    rows = []
    if g.chance(0.3):
        # any band in any cell: a matrix is stored per cell
        for l in range(n_l):
            rows.append([r.choice(catalog.BANDS) for _ in range(n_i)])
        return rows
    cuts = sorted(r.random() for _ in range(3))
    for l in range(1, n_l + 1):
        row = []
        for i in range(1, n_i + 1):
            x = (l * i) / (n_l * n_i)
            row.append(catalog.BANDS[sum(1 for c in cuts if x > c)])
        rows.append(row)
    return rows


def workshop(seed):
    """Returns (xml text, description) of the workshop made from @seed."""
    g = Gen(random.Random(seed))
    r = g.r
    # The format that records what each option brings and the integration map
    decision = g.chance(0.6)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<workshop xmlns="https://iapworkshop.github.io/ns/workshop/1" version="%s">'
           % ('1.%d' % catalog.ARRANGEMENTS_SINCE if decision else '1.2')]

    def el(indent, name, text, attrs=''):
        if text is None:
            return
        out.append('%s<%s%s>%s</%s>' % (' ' * indent, name, attrs, esc_text(text), name))

    def attrs_of(pairs):
        return ''.join(' %s="%s"' % (k, esc_attr(v)) for k, v in pairs if v is not None)

    # setup
    setup_attrs = [
        ('classification', r.choice([None, 'unclassified', 'internal', 'confidential',
                                     'strictly-confidential'])),
        ('anonymize', r.choice([None, 'true', 'false'])),
        ('min-scorers', r.choice([None, None, '2', '3', '4', '5', '100'])),
        ('unct', r.choice([None, 'yes', 'no', 'unknown'])),
        ('mission', r.choice([None, 'yes', 'no', 'unknown'])),
    ]
    out.append('  <setup%s>' % attrs_of(setup_attrs))
    el(4, 'title', g.maybe_text(0.9))
    el(4, 'country', g.maybe_text(0.7))
    start = g.date()
    if g.chance(0.8):
        el(4, 'start-date', start)
    if g.chance(0.6):
        el(4, 'end-date', g.date())
    el(4, 'facilitator', g.maybe_text(0.5))
    el(4, 'notes', g.maybe_text(0.3))
    out.append('  </setup>')

    # the workshop's own entries
    custom = {}
    for kind in ('arrangement', 'area', 'factor', 'measure', 'option'):
        custom[kind] = ['x-%s-%d' % (kind, n + 1) for n in range(r.choice([0, 0, 1, 2, 3]))]
    polarity = dict((f, r.choice(['benefit', 'risk', 'cost'])) for f in custom['factor'])
    all_options = catalog.OPTIONS + custom['option']

    # context
    if g.chance(0.9):
        ctx_attrs = [
            ('mission-type', r.choice([None] + catalog.MISSION_TYPES)),
            ('phase', r.choice([None] + catalog.PHASES)),
            ('current-option', r.choice([None] + all_options)),
        ]
        out.append('  <context%s>' % attrs_of(ctx_attrs))
        el(4, 'mandate', g.maybe_text(0.4))
        for option in g.pick(all_options):
            brings = g.pick(catalog.ARRANGEMENTS + custom['arrangement']) if decision and g.chance(0.7) else []
            if brings:
                out.append('    <option ref="%s">' % option)
                for arrangement in brings:
                    out.append('      <arrangement ref="%s"/>' % arrangement)
                out.append('    </option>')
            else:
                out.append('    <option ref="%s"/>' % option)
        for indicator in g.pick(catalog.INDICATORS):
            answer = r.choice(['yes', 'yes', 'no', 'unknown'])
            note = g.maybe_text(0.5) or ''
            out.append('    <indicator ref="%s" answer="%s">%s</indicator>'
                       % (indicator, answer, esc_text(note)))
        if g.chance(0.3):
            level = r.choice([None, 'permissive', 'elevated', 'high-risk'])
            justification = r.choice([None, g.text(0), r.choice(BLANKS)])
            out.append('    <override%s>%s</override>'
                       % (attrs_of([('classification', level)]), esc_text(justification or '')))
        out.append('  </context>')

    if any(custom.values()):
        out.append('  <catalog>')
        for kind, ids in custom.items():
            for eid in ids:
                pol = ' polarity="%s"' % polarity[eid] if kind == 'factor' else ''
                out.append('    <entry kind="%s" id="%s"%s>' % (kind, eid, pol))
                el(6, 'label', g.text(0))
                el(6, 'description', g.maybe_text(0.3, 0))
                out.append('    </entry>')
        out.append('  </catalog>')

    # scales
    n_l, n_i = r.randint(3, 6), r.randint(3, 6)
    appetite = r.choice(catalog.BANDS)
    out.append('  <scales consensus-iqr="%d" consensus-agreement="%d" appetite="%s">'
               % (r.choice([0, 1, 1, 1, 2, 3]), r.choice([50, 67, 75, 80, 80, 90, 100, r.randint(1, 100)]),
                  appetite))
    for name, n in (('likelihood', n_l), ('impact', n_i)):
        out.append('    <%s>' % name)
        for _ in range(n):
            out.append('      <level>')
            el(8, 'label', g.maybe_text(0.8, 0))
            el(8, 'definition', g.maybe_text(0.3, 0))
            out.append('      </level>')
        out.append('    </%s>' % name)
    out.append('    <bands>')
    for l, row in enumerate(bands_for(g, n_l, n_i)):
        out.append('      <row likelihood="%d">%s</row>' % (l + 1, ' '.join(row)))
    out.append('    </bands>')
    out.append('  </scales>')

    # participants: a few pillars, so that pillars reach the floor
    pillars = g.pick(catalog.PILLARS, r.randint(1, 4))
    participants = ['p%d' % (n + 1) for n in range(r.choice([0, 1, 2, 3, 5, 8, 12, 18, 25]))]
    if participants:
        out.append('  <participants>')
        for pid in participants:
            out.append('    <participant id="%s" pillar="%s">' % (pid, r.choice(pillars)))
            if g.chance(0.9):
                el(6, 'name', r.choice(NAMES + [g.text(0.2)]))
            el(6, 'entity', g.maybe_text(0.6))
            out.append('    </participant>')
        out.append('  </participants>')

    # risks
    risks = ['r%d' % (n + 1) for n in range(r.choice([0, 1, 2, 4, 6, 9]))]
    if risks:
        out.append('  <risks>')
        for rid in risks:
            out.append('    <risk id="%s" arrangement="%s" area="%s">'
                       % (rid, r.choice(catalog.ARRANGEMENTS + custom['arrangement']),
                          r.choice(catalog.AREAS + custom['area'])))
            el(6, 'title', g.maybe_text(0.9))
            el(6, 'description', g.maybe_text(0.5))
            el(6, 'notes', g.maybe_text(0.2))
            for name in ('inherent', 'residual'):
                if g.chance(0.7):
                    out.append('      <%s likelihood="%d" impact="%d"/>'
                               % (name, r.randint(1, n_l), r.randint(1, n_i)))
            if g.chance(0.4):
                acc = [('by', r.choice([None, r.choice(NAMES), r.choice(BLANKS)])),
                       ('role', r.choice([None, 'DSRSG/RC/HC', 'رئيس البعثة', r.choice(BLANKS)])),
                       ('date', r.choice([None, g.date()]))]
                why = r.choice([None, g.text(0), r.choice(BLANKS)])
                out.append('      <acceptance%s>%s</acceptance>' % (attrs_of(acc), esc_text(why or '')))
            out.append('    </risk>')
        out.append('  </risks>')

    # the integration map, each area once, each criterion perhaps
    if decision and g.chance(0.7):
        out.append('  <integration>')
        for area in g.pick(catalog.INTEGRATION_AREAS):
            depth = r.choice([None] + catalog.DEPTHS)
            out.append('    <area ref="%s"%s>' % (area, attrs_of([('depth', depth)])))
            for element in ('impact', 'costs', 'risks'):
                if g.chance(0.8):
                    level = r.choice([None] + catalog.LEVELS)
                    el(6, element, g.maybe_text(0.5) or '', attrs_of([('level', level)]))
            for rid in g.pick(risks):
                out.append('      <risk ref="%s"/>' % rid)
            out.append('    </area>')
        out.append('  </integration>')

    # factors: weights and scores agreed by the group
    factor_ids = [f for f, _ in catalog.FACTORS] + custom['factor']
    if g.chance(0.8):
        out.append('  <factors>')
        for fid in g.pick(factor_ids):
            weight = ' weight="%d"' % r.randint(1, 5) if g.chance(0.8) else ''
            out.append('    <factor ref="%s"%s>' % (fid, weight))
            for option in sorted(g.pick(all_options)):
                out.append('      <score option="%s" value="%d"/>' % (option, r.randint(0, 4)))
            out.append('    </factor>')
        out.append('  </factors>')

    # rounds, in any order of their numbers
    n_rounds = r.choice([0, 1, 2, 3, 4]) if participants and risks else 0
    if n_rounds:
        numbers = r.sample(range(1, 9), n_rounds)
        out.append('  <rounds>')
        for k in range(n_rounds):
            state = r.choice(['open', 'revealed', 'revealed', 'closed'])
            scores_factors = g.chance(0.3)
            out.append('    <round id="round%d" number="%d" mode="%s" state="%s"%s>'
                       % (k + 1, numbers[k], r.choice(['private', 'ballot']), state,
                          ' factors="true"' if scores_factors else ''))
            listed = g.pick(risks, r.randint(1, len(risks)))
            ratings = []
            for rid in listed:
                if g.chance(0.15):
                    continue            # listed, nobody scored it
                centre_l, centre_i = r.randint(1, n_l), r.randint(1, n_i)
                spread = r.choice([0, 1, 1, 2, 5])
                for pid in g.pick(participants):
                    l = min(n_l, max(1, centre_l + r.randint(-spread, spread)))
                    i = min(n_i, max(1, centre_i + r.randint(-spread, spread)))
                    ratings.append((pid, rid, l, i))
            r.shuffle(ratings)
            if g.chance(0.85):
                for rid in listed:
                    out.append('      <risk ref="%s"/>' % rid)
            else:
                # a 1.0 round: its risks are those its ratings score
                pass
            for pid, rid, l, i in ratings:
                out.append('      <rating participant="%s" risk="%s" likelihood="%d" impact="%d"/>'
                           % (pid, rid, l, i))
            if scores_factors:
                seen = set()
                for _ in range(r.randint(0, 6)):
                    key = (r.choice(participants), r.choice(factor_ids), r.choice(all_options))
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append('      <factor-rating participant="%s" factor="%s" option="%s" value="%d"/>'
                               % (key + (r.randint(0, 4),)))
            out.append('    </round>')
        out.append('  </rounds>')

    # mitigations
    n_mitigations = r.choice([0, 0, 1, 3, 5])
    if n_mitigations:
        out.append('  <mitigations>')
        for k in range(n_mitigations):
            m_attrs = [('id', 'm%d' % (k + 1)),
                       ('measure', r.choice(catalog.MEASURES + custom['measure'])),
                       ('status', r.choice(['planned', 'in-progress', 'done', 'dropped'])),
                       ('treatment', r.choice([None] + catalog.TREATMENTS)),
                       ('due', r.choice([None, g.date()]))]
            out.append('    <mitigation%s>' % attrs_of(m_attrs))
            el(6, 'title', g.maybe_text(0.8))
            if g.chance(0.7):
                owner = g.maybe_text(0.8) or ''
                entity = r.choice([None, 'OCHA', 'بعثة الأمم المتحدة', r.choice(BLANKS)])
                out.append('      <owner%s>%s</owner>' % (attrs_of([('entity', entity)]), esc_text(owner)))
            for rid in g.pick(risks, r.randint(0, min(3, len(risks)))):
                out.append('      <risk ref="%s"/>' % rid)
            for fid in g.pick(factor_ids, r.randint(0, 2)):
                out.append('      <factor ref="%s"/>' % fid)
            el(6, 'notes', g.maybe_text(0.2))
            out.append('    </mitigation>')
        out.append('  </mitigations>')

    if g.chance(0.6):
        out.append('  <recommendation%s>' % attrs_of([('option', r.choice([None] + all_options))]))
        el(4, 'rationale', g.maybe_text(0.7))
        el(4, 'conditions', g.maybe_text(0.5))
        out.append('  </recommendation>')

    n_dissents = r.choice([0, 0, 1, 2, 4]) if participants else 0
    if n_dissents:
        out.append('  <dissents>')
        for k in range(n_dissents):
            subject = r.choice(['risk', 'recommendation', 'general']) if risks else \
                r.choice(['recommendation', 'general'])
            d_attrs = [('id', 'd%d' % (k + 1)), ('participant', r.choice(participants)),
                       ('attribution', r.choice(['name', 'pillar'])), ('subject', subject),
                       ('risk', r.choice(risks) if subject == 'risk' else None)]
            out.append('    <dissent%s>%s</dissent>' % (attrs_of(d_attrs), esc_text(g.text(0))))
        out.append('  </dissents>')

    out.append('</workshop>')
    return '\n'.join(out) + '\n'
