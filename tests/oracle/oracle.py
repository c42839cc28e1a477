# oracle.py: what `iap-workshop summary --json` must give, from the docs
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent reading of a workshop file and of the rules that
docs/file-format.md (summary), docs/privacy.md, docs/domain.md and the
domain brief state, in the standard library only. It never looks at how
the application computes anything: where the two disagree, the
documentation decides which is wrong."""

import math
import unicodedata
import xml.etree.ElementTree as ET

import catalog

NS = '{https://iapworkshop.github.io/ns/workshop/1}'

# Unicode White_Space (PropList.txt)
WHITE_SPACE = set([chr(c) for c in range(0x09, 0x0e)] +
                  [' ', '\u0085', '\u00a0', '\u1680'] +
                  [chr(c) for c in range(0x2000, 0x200b)] +
                  ['\u2028', '\u2029', '\u202f', '\u205f', '\u3000'])


def is_blank(text):
    """docs/file-format.md, "Blank is empty": only white space and
    invisible format characters (Cf)."""
    if text is None:
        return True
    return all(c in WHITE_SPACE or unicodedata.category(c) == 'Cf' for c in text)


def text_or_none(text):
    return None if is_blank(text) else text


def child(element, name):
    return element.find(NS + name) if element is not None else None


def children(element, name):
    return element.findall(NS + name) if element is not None else []


def child_text(element, name):
    found = child(element, name)
    if found is None:
        return None
    return ''.join(found.itertext())


def attr(element, name):
    """Empty means absent."""
    if element is None:
        return None
    value = element.get(name)
    return value if value else None


class Workshop:
    """The file, read as docs/file-format.md describes it."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.root = root
        self.version = root.get('version')
        self.minor = int(self.version.split('.')[1])
        self.setup = child(root, 'setup')
        self.context = child(root, 'context')
        self.scales = child(root, 'scales')

        # Catalog: defaults, then the workshop's own entries in file order
        self.custom = {}
        for entry in children(child(root, 'catalog'), 'entry'):
            self.custom.setdefault(entry.get('kind'), []).append(entry)
        self.factors = list(catalog.FACTORS) + [
            (e.get('id'), e.get('polarity')) for e in self.custom.get('factor', [])]
        self.custom_measures = set(e.get('id') for e in self.custom.get('measure', []))

        levels = child(self.scales, 'likelihood')
        self.n_likelihood = len(children(levels, 'level'))
        self.n_impact = len(children(child(self.scales, 'impact'), 'level'))
        self.bands = {}
        for row in children(child(self.scales, 'bands'), 'row'):
            self.bands[int(row.get('likelihood'))] = row.text.split()
        self.appetite = self.scales.get('appetite')
        self.max_iqr = int(self.scales.get('consensus-iqr'))
        self.min_agreement = int(self.scales.get('consensus-agreement'))
        floor = attr(self.setup, 'min-scorers')
        self.min_scorers = int(floor) if floor is not None else 3

        self.participants = children(child(root, 'participants'), 'participant')
        self.pillar_of = dict((p.get('id'), p.get('pillar')) for p in self.participants)
        self.risks = children(child(root, 'risks'), 'risk')
        self.rounds = children(child(root, 'rounds'), 'round')
        self.mitigations = children(child(root, 'mitigations'), 'mitigation')
        self.dissents = children(child(root, 'dissents'), 'dissent')
        self.recommendation = child(root, 'recommendation')

    def band(self, likelihood, impact):
        return self.bands[likelihood][impact - 1]


# Group statistics (docs/file-format.md "Each risk object", docs/domain.md)

def nearest_rank(scores, q_num, q_den):
    """The q-quantile of n sorted scores is the score at rank ceil(q·n)."""
    ordered = sorted(scores)
    rank = max(1, -(-q_num * len(ordered) // q_den))
    return ordered[rank - 1]


def median(scores):
    return nearest_rank(scores, 1, 2)


def iqr(scores):
    return nearest_rank(scores, 3, 4) - nearest_rank(scores, 1, 4)


def meets_rule(scores, max_iqr, min_agreement):
    m = median(scores)
    within = sum(1 for s in scores if abs(s - m) <= 1)
    return iqr(scores) <= max_iqr or 100 * within >= min_agreement * len(scores)


def latest_scores(w, risk_id):
    """The ratings of the risk in its latest scored round: the last public
    round in the file with at least one score for it."""
    for rnd in reversed(w.rounds):
        if rnd.get('state') == 'open':
            continue
        found = [r for r in children(rnd, 'rating') if r.get('risk') == risk_id]
        if found:
            return found
    return []


def risk_scoring(w, risk_id):
    ratings = latest_scores(w, risk_id)
    n = len(ratings)
    out = {'ratings': n, 'median': None, 'iqr': None, 'consensus': 'none',
           'polarized': False, 'verdict': 'none'}
    if n == 0:
        return out
    if n < w.min_scorers:
        out['consensus'] = out['verdict'] = 'withheld'
        return out
    ls = [int(r.get('likelihood')) for r in ratings]
    ms = [int(r.get('impact')) for r in ratings]
    out['median'] = {'likelihood': median(ls), 'impact': median(ms)}
    out['iqr'] = {'likelihood': iqr(ls), 'impact': iqr(ms)}
    reached = (meets_rule(ls, w.max_iqr, w.min_agreement) and
               meets_rule(ms, w.max_iqr, w.min_agreement))
    out['consensus'] = 'reached' if reached else 'not-reached'

    by_pillar = {}
    for r in ratings:
        by_pillar.setdefault(w.pillar_of[r.get('participant')], []).append(r)
    medians_l, medians_i = [], []
    for pillar_ratings in by_pillar.values():
        if len(pillar_ratings) < w.min_scorers:
            continue
        medians_l.append(median([int(r.get('likelihood')) for r in pillar_ratings]))
        medians_i.append(median([int(r.get('impact')) for r in pillar_ratings]))
    polarized = any(len(m) >= 2 and max(m) - min(m) >= 2 for m in (medians_l, medians_i))
    out['polarized'] = polarized
    if reached:
        out['verdict'] = 'polarized' if polarized else 'consensus'
    else:
        out['verdict'] = 'no-consensus-polarized' if polarized else 'no-consensus'
    return out


def rating(w, element):
    if element is None:
        return None
    l, i = int(element.get('likelihood')), int(element.get('impact'))
    return {'likelihood': l, 'impact': i, 'score': l * i, 'band': w.band(l, i)}


# The environment (docs/file-format.md "The environment object", the
# domain brief's rule)

LEVELS = ['permissive', 'elevated', 'high-risk']


def classify(answers, mission_type, unknown_is_yes):
    def yes(i):
        a = answers.get(i)
        return a == 'yes' or (unknown_is_yes and a == 'unknown')
    core = [i for i in catalog.CORE_INDICATORS if yes(i)]
    tension = [i for i in catalog.TENSION_INDICATORS if yes(i)]
    combat = yes('combat-operations')
    if (combat or yes('perceived-party')) and yes('neutrality-questioned'):
        level, reasons = 2, core
    elif core or len(tension) >= 2:
        level, reasons = 1, core + (tension if len(tension) >= 2 else [])
    else:
        level, reasons = 0, []
    lowered = mission_type == 'special-political' and not combat and level > 0
    if lowered:
        level -= 1
    return level, reasons, lowered


def environment(w):
    answers = {}
    for indicator in children(w.context, 'indicator'):
        answers[indicator.get('ref')] = indicator.get('answer')
    mission_type = attr(w.context, 'mission-type')
    computed, reasons, lowered = classify(answers, mission_type, False)
    potential, _, _ = classify(answers, mission_type, True)
    override = child(w.context, 'override')
    chosen = attr(override, 'classification')
    justification = ''.join(override.itertext()) if override is not None else None
    overridden = chosen is not None and not is_blank(justification)
    yes = [i for i in catalog.INDICATORS if answers.get(i) == 'yes']
    return {
        'classification': chosen if overridden else LEVELS[computed],
        'computed': LEVELS[computed],
        'potential': LEVELS[potential],
        'overridden': overridden,
        'justification': justification if overridden else None,
        'lowered': lowered,
        'reasons': reasons,
        'also_yes': [i for i in yes if i not in reasons],
        'unknown': [i for i in catalog.INDICATORS if answers.get(i) == 'unknown'],
        'unanswered': [i for i in catalog.INDICATORS if i not in answers],
    }


def applicable(w):
    unct = attr(w.setup, 'unct')
    mission = attr(w.setup, 'mission')
    mission_type = attr(w.context, 'mission-type')
    mission_absent = mission == 'no' or mission_type == 'none'
    mission_present = mission == 'yes' or mission_type in ('peacekeeping', 'special-political')
    if unct == 'no' or mission_absent:
        return False
    if unct == 'yes' and mission_present:
        return True
    return None


# The mitigation plan and the appetite

def has_acceptance(risk):
    a = child(risk, 'acceptance')
    if a is None:
        return False
    return (not is_blank(a.get('by')) and not is_blank(a.get('role')) and
            attr(a, 'date') is not None and not is_blank(''.join(a.itertext())))


def mitigation(m, w):
    measure = attr(m, 'measure')
    custom = measure in w.custom_measures
    owner = child(m, 'owner')
    return {
        'id': m.get('id'),
        'measure': None if custom else measure,
        'custom_measure': measure if custom else None,
        'title': text_or_none(child_text(m, 'title')),
        'risks': [r.get('ref') for r in children(m, 'risk')],
        'owner': text_or_none(''.join(owner.itertext())) if owner is not None else None,
        'entity': text_or_none(attr(owner, 'entity')),
        'due': attr(m, 'due'),
        'status': attr(m, 'status'),
        'treatment': attr(m, 'treatment'),
    }


# The triple-hatting analysis

def share(part, whole, counted):
    """A whole percentage, rounded half up; null when nothing counts."""
    if counted == 0:
        return None
    return (200 * part + whole) // (2 * whole)


def top(contributions):
    ordered = sorted((c for c in contributions if c[0] > 0), key=lambda c: (-c[0], c[1]))
    return [c[2] for c in ordered[:3]]


def options(w):
    weights, scores = {}, {}
    for factor in children(child(w.root, 'factors'), 'factor'):
        ref = factor.get('ref')
        if attr(factor, 'weight') is not None:
            weights[ref] = int(factor.get('weight'))
        for score in children(factor, 'score'):
            scores[(ref, score.get('option'))] = int(score.get('value'))
    out = []
    for option in children(w.context, 'option'):
        oid = option.get('ref')
        sums = {'benefit': [0, 0, 0], 'risk': [0, 0, 0], 'cost': [0, 0, 0]}   # sum, max, counted
        contributions = {'benefit': [], 'risk': [], 'cost': []}
        has_cost = any(polarity == 'cost' for _, polarity in w.factors)
        unscored = 0
        for position, (fid, polarity) in enumerate(w.factors):
            if fid not in weights or (fid, oid) not in scores:
                unscored += 1
                continue
            value = weights[fid] * scores[(fid, oid)]
            sums[polarity][0] += value
            sums[polarity][1] += weights[fid] * 4
            sums[polarity][2] += 1
            contributions[polarity].append((value, position, fid))
        out.append({
            'id': oid,
            'benefit': sums['benefit'][0],
            'benefit_max': sums['benefit'][1],
            'benefit_share': share(*sums['benefit']),
            'risk': sums['risk'][0],
            'risk_max': sums['risk'][1],
            'risk_share': share(*sums['risk']),
            'unscored': unscored,
            'drivers': top(contributions['benefit'] + contributions['risk']),
            'benefit_drivers': top(contributions['benefit']),
            'risk_drivers': top(contributions['risk']),
            # docs/file-format.md: transaction costs apart, null without a cost factor
            'transaction_costs': {
                'value': sums['cost'][0],
                'max': sums['cost'][1],
                'share': share(*sums['cost']),
                'unscored': sum(1 for f, polarity in w.factors if polarity == 'cost'
                                and (f not in weights or (f, oid) not in scores)),
            } if has_cost else None,
        })
        out[-1].update(option_brings(w, option))
    return out


def option_brings(w, option):
    """What an option brings: its <arrangement> children from format 1.6,
    else the default catalog's; the register's risks of those; the
    consequences the catalog gives it."""
    oid = option.get('ref')
    if w.minor >= catalog.ARRANGEMENTS_SINCE or children(option, 'arrangement'):
        arrangements = [a.get('ref') for a in children(option, 'arrangement')]
    else:
        arrangements = list(catalog.OPTION_ARRANGEMENTS.get(oid, []))
    return {
        'arrangements': arrangements,
        'arrangement_risks': [r.get('id') for r in w.risks if r.get('arrangement') in arrangements],
        'consequences': [c for c, options in catalog.CONSEQUENCES if oid in options],
    }


def integration_map(w):
    """docs/file-format.md, integration_map: each area as the file gives it,
    and its two marks."""
    out = []
    risk_of = dict((r.get('id'), r) for r in w.risks)
    for area in children(child(w.root, 'integration'), 'area'):
        levels = {}
        entry = {'area': area.get('ref'), 'depth': attr(area, 'depth')}
        for element, name in (('impact', 'impact'), ('costs', 'transaction_costs'), ('risks', 'risks')):
            criterion = child(area, element)
            level = attr(criterion, 'level') if criterion is not None else None
            levels[name] = catalog.LEVELS.index(level) if level is not None else None
            entry[name] = level
            entry[name + '_reason'] = text_or_none(criterion.text if criterion is not None else None)
        linked = [r.get('ref') for r in children(area, 'risk')]
        entry['linked_risks'] = linked
        high = [rating(w, child(risk_of[rid], 'inherent')) for rid in linked]
        entry['risks_high'] = (levels['risks'] == 2 or
                               any(h is not None and h['band'] in ('high', 'critical') for h in high))
        entry['costs_exceed_impact'] = (levels['transaction_costs'] is not None and
                                        levels['impact'] is not None and
                                        levels['transaction_costs'] > levels['impact'])
        out.append(entry)
    return out


def summary(path):
    """The summary --json of the workshop at @path, by the documentation."""
    w = Workshop(path)
    risks = []
    bands = dict((b, 0) for b in catalog.BANDS)
    bands['unrated'] = 0
    unaccepted, unassessed = [], []
    appetite = catalog.BANDS.index(w.appetite)
    for risk in w.risks:
        rid = risk.get('id')
        inherent = rating(w, child(risk, 'inherent'))
        residual = rating(w, child(risk, 'residual'))
        entry = {
            'id': rid,
            'arrangement': risk.get('arrangement'),
            'area': risk.get('area'),
            'title': text_or_none(child_text(risk, 'title')),
            'inherent': inherent,
            'residual': residual,
        }
        entry.update(risk_scoring(w, rid))
        entry['dissent'] = sum(1 for d in w.dissents
                               if d.get('subject') == 'risk' and d.get('risk') == rid)
        risks.append(entry)
        if inherent is None:
            bands['unrated'] += 1
        else:
            bands[inherent['band']] += 1
        if residual is None:
            unassessed.append(rid)
        elif catalog.BANDS.index(residual['band']) > appetite and not has_acceptance(risk):
            unaccepted.append(rid)

    return {
        'title': text_or_none(child_text(w.setup, 'title')),
        'version': w.version,
        'country': text_or_none(child_text(w.setup, 'country')),
        'classification': attr(w.setup, 'classification'),
        'applicable': applicable(w),
        'environment': environment(w),
        'participants': len(w.participants),
        'min_scorers': w.min_scorers,
        'risks': risks,
        'bands': bands,
        'mitigations': [mitigation(m, w) for m in w.mitigations],
        'unaccepted': unaccepted,
        'unassessed': unassessed,
        'recommendation': attr(w.recommendation, 'option'),
        'options': options(w),
        'integration_map': integration_map(w),
        'rationale': text_or_none(child_text(w.recommendation, 'rationale')),
        'conditions': text_or_none(child_text(w.recommendation, 'conditions')),
    }


def compare(expected, actual, path='', problems=None):
    """Every member the oracle computes, compared: a list of "path:
    expected X, got Y". Members the application adds beyond the oracle's
    are not compared."""
    if problems is None:
        problems = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append('%s: expected an object, got %r' % (path or '.', actual))
            return problems
        for key, value in expected.items():
            if key not in actual:
                problems.append('%s.%s: missing' % (path, key))
            else:
                compare(value, actual[key], '%s.%s' % (path, key), problems)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            problems.append('%s: expected %r, got %r' % (path, expected, actual))
        else:
            for i, (e, a) in enumerate(zip(expected, actual)):
                compare(e, a, '%s[%d]' % (path, i), problems)
    elif expected != actual or type(expected) != type(actual):
        problems.append('%s: expected %r, got %r' % (path, expected, actual))
    return problems
