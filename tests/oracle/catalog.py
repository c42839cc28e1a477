# catalog.py: the default catalog as the domain brief lists it
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The default catalog's ids, in the order of the domain brief
("Catalogs (defaults, editable)"), which is the catalog order that ties
between drivers follow (docs/file-format.md, summary, options)."""

MISSION_TYPES = ['peacekeeping', 'special-political', 'none']
PHASES = ['stabilization', 'transition', 'consolidation']
PILLARS = ['political', 'security', 'development', 'humanitarian',
           'human-rights', 'ngo', 'other']
OPTIONS = ['no-structural', 'double-hatted', 'triple-hatted', 'ersg']

CORE_INDICATORS = ['combat-operations', 'perceived-party', 'neutrality-questioned']
TENSION_INDICATORS = ['robust-mandate', 'offensive-force', 'support-to-government',
                      'poc-military-action', 'mission-humanitarian-support',
                      'non-state-armed-actors']
INDICATORS = CORE_INDICATORS + TENSION_INDICATORS

ARRANGEMENTS = ['triple-hatting', 'double-hatting', 'integrated-office',
                'joint-technical-cell', 'co-location', 'un-logo', 'mission-assets',
                'military-escorts', 'joint-communication', 'joint-analysis',
                'security-management', 'joint-fundraising']
AREAS = ['staff-security', 'access', 'armed-actor-engagement', 'perception',
         'advocacy', 'politicization', 'ngo-relations']

BENEFIT_FACTORS = ['preferential-access', 'influence', 'asset-access', 'coherence',
                   'information-flow', 'peacebuilding-agenda']
RISK_FACTORS = ['visibility-security', 'humanitarian-voice', 'workload',
                'politicization', 'ngo-relations']
# docs/domain.md: transaction costs weigh on a side of their own
COST_FACTORS = ['transaction-costs']
# (id, polarity) in catalog order
FACTORS = ([(f, 'benefit') for f in BENEFIT_FACTORS] + [(f, 'risk') for f in RISK_FACTORS] +
           [(f, 'cost') for f in COST_FACTORS])

# docs/file-format.md, Versions: the minor version from which each
# <option> lists the arrangements it brings
ARRANGEMENTS_SINCE = 6

# docs/domain.md, structural options: what each brings by default
OPTION_ARRANGEMENTS = {
    'no-structural': [],
    'double-hatted': ['double-hatting'],
    'triple-hatted': ['triple-hatting', 'integrated-office'],
    'ersg': ['triple-hatting', 'integrated-office', 'co-location'],
}
# (consequence, options it follows from), in catalog order
CONSEQUENCES = [
    ('minimum-mechanisms', ['no-structural', 'double-hatted', 'triple-hatted', 'ersg']),
    ('reporting-lines', ['double-hatted', 'triple-hatted']),
    ('post-cost-sharing', ['double-hatted', 'triple-hatted']),
    ('deputy-designated-official', ['triple-hatted']),
    ('stand-alone-hc', ['double-hatted']),
    ('ersg-peacebuilding-offices', ['ersg']),
]
INTEGRATION_AREAS = ['rule-of-law', 'security-sector-reform', 'ddr', 'elections', 'human-rights',
                     'protection-of-civilians', 'return-reintegration', 'early-recovery',
                     'humanitarian-coordination', 'logistics-assets', 'security-management',
                     'public-information', 'joint-analysis']
DEPTHS = ['separate', 'information-sharing', 'coordinated-planning', 'joint-programme',
          'integrated-structure']
LEVELS = ['low', 'medium', 'high']

MEASURES = ['humanitarian-background', 'separate-support', 'coordinated-strategies',
            'mission-dialogue', 'community-engagement', 'asset-principles',
            'non-state-protocols', 'principled-delivery', 'do-no-harm',
            'last-resort-assets', 'hq-escalation']
TREATMENTS = ['avoid', 'reduce-likelihood', 'reduce-impact', 'share', 'accept']

BANDS = ['low', 'medium', 'high', 'critical']
