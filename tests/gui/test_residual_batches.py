# test_residual_batches.py: the residual rows of a long register come in batches
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a workshop of 60 risks on the Mitigation step and show its residual rows.

    /usr/bin/python3 test_residual_batches.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The example's register is extended to 60 risks. The Mitigation step
builds the residual rows of the first 25 and says so; "Show More Risks"
(reached from the keyboard with its mnemonic) adds 25 at a time, the
focus going on to the first new row, until the whole register is there
and the button goes away.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
N_RISKS = 60


def ok(message):
    print("ok -", message, flush=True)


def write_workshop(example, path):
    """The example with risks r13 to r60 added to its register."""
    with open(example, encoding="utf-8") as f:
        text = f.read()
    count = len(re.findall(r'<risk id="', text))
    extra = "".join(f'    <risk id="r{n}" arrangement="co-location" area="perception">\n'
                    f'      <title>Added risk {n}</title>\n'
                    f'      <inherent likelihood="{1 + n % 5}" impact="{1 + n % 4}"/>\n'
                    f'    </risk>\n'
                    for n in range(count + 1, N_RISKS + 1))
    check("  </risks>" in text, "the example has no </risks>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("  </risks>", extra + "  </risks>", 1))


def residual_numbers(app, frame):
    """The register numbers of the residual rows built."""
    names = (n.name or "" for n in app.find_all("combo box", root=frame))
    return sorted(int(m.group(1)) for m in (re.fullmatch(r"Residual likelihood, R(\d+)", name)
                                            for name in names) if m)


def focused(app, frame, name):
    return next((n for n in app.find_all(root=frame) if n.name == name
                 and n.getState().contains(iaptest.pyatspi.STATE_FOCUSED)), None)


def count_label(app, frame):
    return next((n.name for n in app.find_all("label", root=frame)
                 if re.fullmatch(r"The first \d+ of \d+ risks\.", n.name or "")), None)


def run(session, args, folder):
    path = os.path.join(folder, "long.iapw")
    write_workshop(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    app.activate(app.find("list item", "Mitigation", root=sidebar))

    iaptest.wait_for("the first residual rows", lambda: residual_numbers(app, frame) or None)
    check(residual_numbers(app, frame) == list(range(1, 26)), residual_numbers(app, frame))
    check(count_label(app, frame) == f"The first 25 of {N_RISKS} risks.", count_label(app, frame))
    ok(f"the first 25 of {N_RISKS} residual rows are built, and the page says so")

    button = app.find("push button", "Show More Risks", root=frame)
    session.press("alt+m")
    iaptest.wait_for("50 rows", lambda: len(residual_numbers(app, frame)) == 50 or None)
    check(count_label(app, frame) == f"The first 50 of {N_RISKS} risks.", count_label(app, frame))
    ok("Alt+M shows 25 more")
    iaptest.wait_for("the focus on the first new row", lambda: focused(app, frame, "R26 · Added risk 26"), 5)
    ok("the focus moves on to the first new row, R26")

    app.activate(button)
    iaptest.wait_for("every row", lambda: len(residual_numbers(app, frame)) == N_RISKS or None)
    check(residual_numbers(app, frame) == list(range(1, N_RISKS + 1)), residual_numbers(app, frame))
    iaptest.wait_for("the button to go", lambda: not any(
        n.name == "Show More Risks" and n.getState().contains(iaptest.pyatspi.STATE_SHOWING)
        for n in app.find_all("push button", root=frame)) or None, 5)
    check(count_label(app, frame) is None, count_label(app, frame))
    iaptest.wait_for("the focus on the first new row", lambda: focused(app, frame, "R51 · Added risk 51"), 5)
    ok(f"all {N_RISKS} rows once the register is all shown; the button is gone")
    app.quit()


if __name__ == "__main__":
    sys.exit(iaptest.main(__doc__, run, "residual-batches",
                          "the residual rows of a long register come 25 at a time",
                          options=[("--example", {"required": True})]))
