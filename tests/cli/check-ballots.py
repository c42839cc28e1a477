#!/usr/bin/python3
# check-ballots.py: a round of ballots for every participant of the
# example, filled by script, collected and checked in the summary
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Send ballots for every participant, fill them in, collect them.

    check-ballots.py --exe iap-workshop --example example.iapw --output DIR

`ballots --new-round` writes the 13 participants' ballots of the example
(PDF pack, CSV, .iapb). The CSVs are filled with known scores the way
participants would: numbers, English and French words, "4 - Likely",
semicolons as LibreOffice writes them in French; one participant fills
their .iapb instead. Bad ballots go in first with them: one for another
round, one whose participant was edited, a second ballot of one
participant with a different score. Nothing may be imported then
(status 1), and the JSON must say why. Collected again without them,
every rating must be in FILE, and once the round is revealed, every
risk's count and median in `summary --json`. Prints TAP.
"""

import argparse
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "https://iapworkshop.github.io/ns/workshop/1"
WORDS_EN = [["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
            ["Negligible", "Minor", "Moderate", "Major", "Severe"]]
WORDS_FR = [["Rare", "Peu probable", "Possible", "Probable", "Presque certain"],
            ["Négligeable", "Mineur", "Modéré", "Majeur", "Grave"]]

results = []


def ok(condition, what, detail=""):
    results.append(bool(condition))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {what}", flush=True)
    if not condition and detail:
        for line in str(detail).splitlines()[:40]:
            print(f"#   {line}", flush=True)
    return condition


def run(exe, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=120)


def score(p, r):
    """The known score of participant p (1-13) for risk r (1-12)."""
    return 1 + (p * 3 + r) % 5, 1 + (p + r * 2) % 5


def written(p, r, which):
    """How participant p writes a level: as participants do."""
    level = score(p, r)[which]
    form = (p + r + which) % 4
    if form == 0:
        return str(level)
    if form == 1:
        return WORDS_EN[which][level - 1]
    if form == 2:
        return WORDS_FR[which][level - 1].lower()
    return f"{level} - {WORDS_EN[which][level - 1]}"


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
    return list(csv.reader(io.StringIO(text), dialect))


def write_csv(path, rows, delimiter):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def fill_csv(path, p, delimiter):
    rows = read_csv(path)
    header = rows[1]
    li, ii = header.index("likelihood"), header.index("impact")
    for row in rows[2:]:
        if not row or not row[0].startswith("r"):
            break
        r = int(row[0][1:])
        row[li], row[ii] = written(p, r, 0), written(p, r, 1)
    write_csv(path, rows, delimiter)
    return rows


def fill_iapb(path, p):
    ET.register_namespace("", NS)
    tree = ET.parse(path)
    rnd = tree.getroot().find(f"{{{NS}}}rounds/{{{NS}}}round")
    for ref in rnd.findall(f"{{{NS}}}risk"):
        r = int(ref.get("ref")[1:])
        likelihood, impact = score(p, r)
        ET.SubElement(rnd, f"{{{NS}}}rating", participant=f"p{p}", risk=f"r{r}",
                      likelihood=str(likelihood), impact=str(impact))
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def lower_median(values):
    values = sorted(values)
    return values[(len(values) + 1) // 2 - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    shutil.rmtree(args.output, ignore_errors=True)
    os.makedirs(args.output)
    workshop = os.path.join(args.output, "workshop.iapw")
    folder = os.path.join(args.output, "ballots")
    shutil.copy(args.example, workshop)

    usage = run(args.exe, "ballots", workshop, "--new-round")
    ok(usage.returncode == 2, "ballots without -o DIR is a usage error (2)", usage.stderr)
    usage = run(args.exe, "collect", workshop)
    ok(usage.returncode == 2, "collect without a BALLOT is a usage error (2)", usage.stderr)
    none = run(args.exe, "ballots", workshop, "-o", folder)
    ok(none.returncode == 1 and "--new-round" in none.stderr, "without an open round, ballots says to start one",
       none.stderr)

    sent = run(args.exe, "ballots", workshop, "--new-round", "-o", folder)
    ok(sent.returncode == 0, "ballots --new-round writes the ballots", sent.stderr)
    csvs = sorted(glob.glob(os.path.join(folder, "*.csv")))
    iapbs = sorted(glob.glob(os.path.join(folder, "*.iapb")))
    ok(len(csvs) == 13 and len(iapbs) == 13, "13 spreadsheet and 13 application ballots", f"{csvs} {iapbs}")
    pdf = os.path.join(folder, "ballots-round2.pdf")
    ok(os.path.exists(pdf), "the printed pack is there")
    if os.path.exists(pdf) and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        pages = text.split("\f")
        codes = {read_csv(c)[0][3]: read_csv(c)[0][4] for c in csvs}
        ok(all("CONFIDENTIAL" in page for page in pages if page.strip()),
           "every page of the pack carries the classification")
        ok(all(code in text for code in codes.values()), "every participant's code is in the pack")
        ok(all("Ballot code" in page for page in pages[1:] if page.strip()),
           "every ballot page carries a ballot code")
    root = ET.parse(workshop).getroot()
    rnd = root.findall(f"{{{NS}}}rounds/{{{NS}}}round")[-1]
    ok(rnd.get("state") == "open" and rnd.get("mode") == "ballot" and len(rnd.get("secret", "")) == 64,
       "FILE was saved with the new round of ballots and its secret", ET.tostring(rnd)[:300])

    # Each participant fills their own ballot; p13 in the application
    for path in csvs:
        p = int(os.path.basename(path).split("-")[0][1:])
        if p != 13:
            fill_csv(path, p, ";" if p % 2 == 0 else ",")
    p13 = next(b for b in iapbs if os.path.basename(b).startswith("p13-"))
    fill_iapb(p13, 13)
    returned = [c for c in csvs if not os.path.basename(c).startswith("p13-")] + [p13]

    # The bad ones: another round, an edited participant, a second
    # ballot of p4 with one score changed
    bad_round = os.path.join(args.output, "bad-round.csv")
    rows = read_csv(csvs[0])
    rows[0][2] = "round1"
    write_csv(bad_round, rows, ",")
    bad_who = os.path.join(args.output, "bad-participant.csv")
    p2 = next(c for c in csvs if os.path.basename(c).startswith("p2-"))
    rows = read_csv(p2)
    rows[0][3] = "p3"
    write_csv(bad_who, rows, ",")
    p4 = next(c for c in csvs if os.path.basename(c).startswith("p4-"))
    again = os.path.join(args.output, "p4-again.csv")
    rows = read_csv(p4)
    li = rows[1].index("likelihood")
    rows[2][li] = "5" if score(4, 1)[0] != 5 else "1"
    write_csv(again, rows, ",")
    before = open(workshop, "rb").read()

    mixed = run(args.exe, "collect", workshop, *returned, bad_round, bad_who, again, "--json")
    ok(mixed.returncode == 1, "with bad ballots, collect exits 1", mixed.stderr)
    ok(open(workshop, "rb").read() == before, "and imports nothing")
    try:
        report = json.loads(mixed.stdout)
    except json.JSONDecodeError:
        report = {}
    refused = {os.path.basename(r["file"]): r["reason"] for r in report.get("refused", [])}
    ok("round 1" in refused.get("bad-round.csv", ""), "the ballot for another round is refused, saying so", refused)
    ok("code" in refused.get("bad-participant.csv", ""), "the edited participant is refused by the code", refused)
    conflicts = report.get("conflicts", [])
    ok(len(conflicts) == 1 and conflicts[0]["participant"] == "p4" and len(conflicts[0]["files"]) == 2,
       "p4's two different ballots are one conflict, with both files", conflicts)
    ok(report.get("written") is False, "the JSON says nothing was written")
    words = [w for w in WORDS_EN[0] + WORDS_EN[1] + ["likelihood", "impact", "median"] if w in mixed.stdout]
    ok(not words, "the report of the collect holds no score, level or median", words)

    dry = run(args.exe, "collect", workshop, *returned, "--dry-run")
    ok(dry.returncode == 0 and open(workshop, "rb").read() == before,
       "--dry-run of the good ballots: status 0, FILE untouched", dry.stdout + dry.stderr)
    ok("Nothing was imported" in dry.stdout, "--dry-run says nothing was imported")
    leaks = [line for line in dry.stdout.splitlines() for w in WORDS_EN[0] + WORDS_EN[1] if w in line]
    ok(not leaks, "the preview shows counts, never a score", leaks)

    good = run(args.exe, "collect", workshop, *returned, "--json")
    ok(good.returncode == 0, "the 13 ballots are collected", good.stdout[-2000:] + good.stderr)
    report = json.loads(good.stdout) if good.returncode == 0 else {}
    ok(len(report.get("imported", [])) == 13 and all(i["scores"] == 12 for i in report["imported"]),
       "13 ballots of 12 scores imported", report.get("imported"))

    tree = ET.parse(workshop)
    rnd = tree.getroot().findall(f"{{{NS}}}rounds/{{{NS}}}round")[-1]
    ratings = {(r.get("participant"), r.get("risk")): (int(r.get("likelihood")), int(r.get("impact")))
               for r in rnd.findall(f"{{{NS}}}rating")}
    expected = {(f"p{p}", f"r{r}"): score(p, r) for p in range(1, 14) for r in range(1, 13)}
    wrong = {k: (ratings.get(k), v) for k, v in expected.items() if ratings.get(k) != v}
    ok(not wrong and len(ratings) == 156, f"all 156 ratings are in FILE as written ({len(ratings)})", wrong)

    again_run = run(args.exe, "collect", workshop, returned[0])
    ok(again_run.returncode == 0 and "already in the round" in again_run.stdout,
       "a ballot collected twice changes nothing", again_run.stdout)

    # Revealed (the command line has no reveal: as the window would)
    rnd.set("state", "revealed")
    tree.write(workshop, encoding="UTF-8", xml_declaration=True)
    summary = run(args.exe, "summary", "--json", workshop)
    risks = {r["id"]: r for r in json.loads(summary.stdout)["risks"]} if summary.returncode == 0 else {}
    bad = []
    for r in range(1, 13):
        got = risks.get(f"r{r}", {})
        want = {"likelihood": lower_median([score(p, r)[0] for p in range(1, 14)]),
                "impact": lower_median([score(p, r)[1] for p in range(1, 14)])}
        if got.get("ratings") != 13 or got.get("median") != want:
            bad.append((r, got.get("ratings"), got.get("median"), want))
    ok(summary.returncode == 0 and not bad, "every risk's count and median in summary --json", bad or summary.stderr)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
