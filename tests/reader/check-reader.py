#!/usr/bin/python3
# check-reader.py: the workshop reader gives every file of the tests the
# model and the problems recorded for it in expected/: `summary --json`
# (each member recorded must be there with the same value; members added
# since are allowed) and every `validate` line.
#
# Copyright 2026 The IAP Workshop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-reader.py IAP_WORKSHOP TESTS_DIR EXPECTED_DIR
#        check-reader.py --record IAP_WORKSHOP TESTS_DIR EXPECTED_DIR FILE...
# FILE names a workshop relative to TESTS_DIR; --record writes what
# IAP_WORKSHOP reads from each into EXPECTED_DIR.

import glob
import json
import os
import subprocess
import sys

record = sys.argv[1] == '--record'
args = sys.argv[2:] if record else sys.argv[1:]
iap, tests_dir, expected_dir = (os.path.abspath(a) for a in args[:3])


def env():
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e.pop('WAYLAND_DISPLAY', None)
    e['LANGUAGE'] = 'en'
    e['LANG'] = e['LC_ALL'] = 'C.UTF-8'
    e['GSETTINGS_BACKEND'] = 'memory'
    return e


def read(name):
    """What the reader makes of the file: its problems and its summary."""
    def run(*command):
        return subprocess.run([iap, *command, name], env=env(), cwd=tests_dir,
                              capture_output=True, text=True)

    validate = run('validate')
    summary = run('summary', '--json')
    return {
        'file': name,
        'validate': validate.stdout.splitlines(),
        'summary': json.loads(summary.stdout) if summary.returncode == 0 else None,
    }


def expected_path(name):
    return os.path.join(expected_dir, name.replace('../', '').replace('/', '-') + '.json')


def differences(expected, actual, where):
    """Where @actual lacks or changes what @expected holds."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return ['%s: %r became %r' % (where, expected, actual)]
        found = []
        for key, value in expected.items():
            if key not in actual:
                found.append('%s.%s: missing' % (where, key))
            else:
                found += differences(value, actual[key], '%s.%s' % (where, key))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return ['%s: %r became %r' % (where, expected, actual)]
        found = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            found += differences(e, a, '%s[%d]' % (where, i))
        return found
    return [] if expected == actual else ['%s: %r became %r' % (where, expected, actual)]


if record:
    os.makedirs(expected_dir, exist_ok=True)
    for name in args[3:]:
        with open(expected_path(name), 'w', encoding='utf-8') as f:
            json.dump(read(name), f, indent=2, ensure_ascii=False, sort_keys=True)
            f.write('\n')
    sys.exit(0)

cases = sorted(glob.glob(os.path.join(expected_dir, '*.json')))
print('1..%d' % len(cases))
failed = 0
for n, path in enumerate(cases, 1):
    with open(path, encoding='utf-8') as f:
        expected = json.load(f)
    found = differences(expected, read(expected['file']), expected['file'])
    if found:
        failed += 1
        print('not ok %d - %s' % (n, expected['file']))
        for line in found[:20]:
            print('# ' + line)
    else:
        print('ok %d - %s' % (n, expected['file']))

sys.exit(1 if failed else 0)
