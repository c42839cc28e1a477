# tap.py: the TAP lines of the checks written in Python
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""ok(condition, what, detail) prints one TAP line; plan() the closing one."""

results = []


def ok(condition, what, detail=""):
    """Prints "ok N - what", or "not ok N - what" and the detail as comments."""
    results.append(bool(condition))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {what}", flush=True)
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f"#   {line}", flush=True)
    return condition


def plan():
    """Prints the plan; returns the exit status: 0 when every check passed."""
    print(f"1..{len(results)}")
    return 0 if all(results) else 1
