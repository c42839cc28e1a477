#!/usr/bin/python3
# run-oracle.py: compare `iap-workshop summary --json` with the oracle
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates random valid workshops from a seed, runs
`iap-workshop summary --json` on each and compares every member with
what the documentation says it must be (oracle.py). Prints TAP: one test
per workshop; a workshop that disagrees is kept in --keep for a person
to read, with the list of differences.

  run-oracle.py IAP_WORKSHOP [--seed N] [--count N] [--keep DIR] [--jobs N]
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time

# Nothing written into the source tree
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate   # noqa: E402
import oracle     # noqa: E402


def check_one(app, directory, seed):
    path = os.path.join(directory, 'workshop-%d.iapw' % seed)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(generate.workshop(seed))
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    done = subprocess.run([app, 'summary', '--json', path], capture_output=True, env=env)
    if done.returncode != 0:
        return path, ['the application refused a valid workshop (exit %d): %s'
                      % (done.returncode, done.stderr.decode('utf-8', 'replace').strip())]
    actual = json.loads(done.stdout.decode('utf-8'))
    expected = oracle.summary(path)
    return path, oracle.compare(expected, actual)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('app')
    parser.add_argument('--seed', type=int, default=2026)
    parser.add_argument('--count', type=int, default=300)
    parser.add_argument('--keep', default=None, help='where to keep the workshops that disagree')
    parser.add_argument('--jobs', type=int, default=2)
    args = parser.parse_args()

    start = time.monotonic()
    failed = 0
    print('1..%d' % (args.count + 1))
    # A comparison that cannot fail proves nothing
    caught = oracle.compare({'a': [1, {'b': None}], 'c': True}, {'a': [1, {'b': 0}], 'c': 1})
    print('%s 1 - the comparison tells 0 from null and 1 from true (%d differences)'
          % ('ok' if len(caught) == 2 else 'not ok', len(caught)))
    if len(caught) != 2:
        failed += 1
    with tempfile.TemporaryDirectory() as directory:
        seeds = [args.seed * 100003 + k for k in range(args.count)]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = pool.map(lambda s: check_one(args.app, directory, s), seeds)
            for n, (seed, (path, problems)) in enumerate(zip(seeds, results), 2):
                if not problems:
                    print('ok %d - workshop %d' % (n, seed))
                    os.unlink(path)
                    continue
                failed += 1
                print('not ok %d - workshop %d disagrees with the documentation' % (n, seed))
                for problem in problems[:12]:
                    print('# %s' % problem)
                if len(problems) > 12:
                    print('# … and %d more' % (len(problems) - 12))
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    kept = os.path.join(args.keep, os.path.basename(path))
                    os.replace(path, kept)
                    with open(kept + '.problems', 'w', encoding='utf-8') as f:
                        f.write('\n'.join(problems) + '\n')
                    print('# kept as %s' % kept)
    print('# %d workshops, %d disagree, %.1f s' % (args.count, failed, time.monotonic() - start))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
