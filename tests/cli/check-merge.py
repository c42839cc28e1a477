#!/usr/bin/python3
# check-merge.py: diff and merge from the command line. Three field
# offices' copies of the example, each with its own edits, merged into
# one; the result read back with summary --json.
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-merge.py IAP_WORKSHOP EXAMPLE.iapw WORKDIR. Prints TAP."""

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

NS = "https://iapworkshop.github.io/ns/workshop/1"
ET.register_namespace("", NS)
iap, example, work = sys.argv[1:4]


def q(tag):
    return f"{{{NS}}}{tag}"


def run(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LC_ALL="C.UTF-8", LANGUAGE="", GSETTINGS_BACKEND="memory")
    return subprocess.run([iap, *args], env=env, capture_output=True, text=True, cwd=work, timeout=120)


def summary(name):
    out = run("summary", "--json", name)
    return json.loads(out.stdout) if out.returncode == 0 else None


def edit(name, change):
    tree = ET.parse(example)
    change(tree.getroot())
    tree.write(os.path.join(work, name), encoding="UTF-8", xml_declaration=True)


def find(root, tag, ident):
    return next(e for e in root.iter(q(tag)) if e.get("id") == ident)


def sub(parent, tag, attrs=None, text=None, position=None):
    element = ET.Element(q(tag), attrs or {})
    element.text = text
    if position is None:
        parent.append(element)
    else:
        parent.insert(position, element)
    return element


def rate(risk, kind, likelihood, impact):
    element = risk.find(q(kind))
    if element is None:
        # <inherent> and <residual> come after title, description, notes
        after = [i for i, c in enumerate(risk) if c.tag in (q("title"), q("description"), q("notes"), q("inherent"))]
        element = sub(risk, kind, position=(after[-1] + 1) if after else 0)
    element.set("likelihood", str(likelihood))
    element.set("impact", str(impact))


def new_risk(root, ident, title):
    risk = sub(root.find(q("risks")), "risk", {"id": ident, "arrangement": "mission-assets", "area": "staff-security"})
    sub(risk, "title", text=title)
    rate(risk, "inherent", 3, 5)
    return risk


def ebe(root):
    new_risk(root, "r13", "Helicopter landing sites draw fire in Ebe")
    m = sub(root.find(q("mitigations")), "mitigation",
            {"id": "m8", "measure": "last-resort-assets", "status": "planned"})
    sub(m, "title", text="Civilian helicopters for Ebe deliveries")
    sub(m, "owner", {"entity": "WFP"}, "Yusuf Abdi")
    sub(m, "risk", {"ref": "r13"})
    rate(find(root, "risk", "r3"), "residual", 3, 3)


def tanaro(root):
    rate(find(root, "risk", "r1"), "inherent", 5, 4)
    find(root, "mitigation", "m1").find(q("owner")).text = "Sofía Lindqvist"
    find(root, "mitigation", "m1").find(q("owner")).set("entity", "UNICEF")
    p = sub(root.find(q("participants")), "participant", {"id": "p99", "pillar": "ngo"})
    sub(p, "name", text="Lena Fischer")
    sub(p, "entity", text="NRC")


def makori(root):
    new_risk(root, "r13", "Helicopter landing sites draw fire at Ebe")
    rate(find(root, "risk", "r3"), "residual", 2, 3)


def main():
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copy(example, os.path.join(work, "capital.iapw"))
    edit("Ebe field office.iapw", ebe)
    edit("Tanaro field office.iapw", tanaro)
    edit("Makori field office.iapw", makori)
    offices = ["Ebe field office.iapw", "Tanaro field office.iapw", "Makori field office.iapw"]
    for name in offices:
        out = run("validate", name)
        ok(out.returncode == 0 and out.stdout == "", f"{name} is a valid workshop", out.stdout + out.stderr)

    # diff
    same = run("diff", "capital.iapw", "capital.iapw")
    ok(same.returncode == 0 and same.stdout == "", "diff of a file against itself: nothing, status 0",
       f"{same.returncode} {same.stdout!r} {same.stderr!r}")
    same = run("diff", "--json", "capital.iapw", "capital.iapw")
    doc = json.loads(same.stdout) if same.returncode == 0 else {}
    ok(doc.get("equal") is True and doc.get("changes") == [], "diff --json of a file against itself: equal, no changes",
       same.stdout)
    out = run("diff", "--json", "capital.iapw", "Tanaro field office.iapw")
    doc = json.loads(out.stdout) if out.stdout else {}
    fields = {(c["subject"], c["id"], c["field"], c["change"]) for c in doc.get("changes", [])}
    ok(out.returncode == 1 and fields == {("risk", "r1", "inherent", "changed"),
                                          ("mitigation", "m1", "owner", "changed"),
                                          ("participant", "p99", None, "added")},
       "diff --json: the rating, the owner and the participant, status 1", f"{out.returncode} {fields}")
    r1 = next((c for c in doc.get("changes", []) if c["id"] == "r1"), {})
    ok(r1.get("old") == {"likelihood": 4, "impact": 4, "band": "high"} and
       r1.get("new") == {"likelihood": 5, "impact": 4, "band": "critical"} and r1.get("number") == 1,
       "diff --json: a rating before and after, with its band", r1)
    ok([m["number"] for m in doc.get("movements", {}).get("inherent", [])] == [1],
       "diff --json: R1 moved on the heat map", doc.get("movements"))
    bad = run("diff", "capital.iapw", "missing.iapw")
    ok(bad.returncode == 2 and "missing.iapw" in bad.stderr, "diff of a missing file: status 2", bad.stderr)

    # merge refuses an undecided conflict, and writes nothing
    out = run("merge", "capital.iapw", *offices, "-o", "merged.iapw")
    ok(out.returncode == 1 and "4 conflicts are not decided yet" in out.stderr and
       "Tanaro field office: R1: Shared compound in Makori" in out.stderr and
       not os.path.exists(os.path.join(work, "merged.iapw")),
       "merge without --prefer: status 1, says which conflicts, writes nothing", out.stderr)
    usage = run("merge", "capital.iapw", *offices)
    ok(usage.returncode == 2, "merge without -o: status 2", usage.stderr)
    usage = run("merge", "capital.iapw", offices[0], "-o", "x.iapw", "--prefer=maybe")
    ok(usage.returncode == 2, "merge --prefer=maybe: status 2", usage.stderr)

    # --prefer theirs
    out = run("merge", "capital.iapw", *offices, "-o", "merged.iapw", "--prefer=theirs", "--json")
    report = json.loads(out.stdout) if out.returncode == 0 else {}
    ok(out.returncode == 0 and report.get("written") and report.get("unresolved") == 0,
       "merge --prefer=theirs --json: written", out.stderr)
    sources = report.get("sources", [])
    ok([s["name"] for s in sources] == ["Ebe field office", "Tanaro field office", "Makori field office"],
       "each file named after its file", [s.get("name") for s in sources])
    ok([len(s["additions"]) for s in sources] == [3, 1, 0] and [len(s["conflicts"]) for s in sources] == [0, 2, 2],
       "what each file adds and what conflicts",
       [(len(s["additions"]), len(s["conflicts"])) for s in sources])
    out = run("validate", "merged.iapw")
    ok(out.returncode == 0, "the merged workshop is valid", out.stdout)

    merged = summary("merged.iapw") or {}
    risks = {r["id"]: r for r in merged.get("risks", [])}
    ok(len(risks) == 13, "one new risk: the two offices' wordings of it are one risk", sorted(risks))
    ok(risks.get("r13", {}).get("source") == "Ebe field office" and
       risks["r13"]["title"] == "Helicopter landing sites draw fire at Ebe",
       "the new risk comes from Ebe, in Makori's words (theirs)", risks.get("r13"))
    ok(risks.get("r1", {}).get("inherent", {}).get("band") == "critical" and risks["r1"].get("source") is None,
       "R1 rated as Tanaro rated it; still the workshop's own", risks.get("r1"))
    ok((risks.get("r3", {}).get("residual") or {}).get("likelihood") == 2,
       "R3's residual rating from Makori, the last to decide", risks.get("r3"))
    plan_ = {m["id"]: m for m in merged.get("mitigations", [])}
    ok(plan_.get("m1", {}).get("owner") == "Sofía Lindqvist", "m1's owner from Tanaro", plan_.get("m1"))
    ok(plan_.get("m8", {}).get("source") == "Ebe field office" and plan_["m8"]["risks"] == ["r13"],
       "Ebe's measure, from Ebe, treating the new risk", plan_.get("m8"))
    ok(merged.get("participants") == 14, "Tanaro's participant joins", merged.get("participants"))

    # --prefer ours
    out = run("merge", "capital.iapw", *offices, "-o", "ours.iapw", "--prefer=ours")
    ours = summary("ours.iapw") or {}
    risks = {r["id"]: r for r in ours.get("risks", [])}
    ok(out.returncode == 0 and risks.get("r1", {}).get("inherent", {}).get("band") == "high" and
       risks.get("r13", {}).get("title") == "Helicopter landing sites draw fire in Ebe" and
       (risks.get("r3", {}).get("residual") or {}).get("likelihood") == 3,
       "merge --prefer=ours: the capital's values, then the first office's", out.stderr)
    ok("Tanaro field office: 1 new participant, 2 conflicts" in out.stdout,
       "merge prints what each file brings", out.stdout)

    # what changed since the capital's workshop
    out = run("diff", "--json", "capital.iapw", "merged.iapw")
    doc = json.loads(out.stdout) if out.stdout else {}
    added = [c["id"] for c in doc.get("changes", []) if c["change"] == "added" and c["subject"] == "risk"]
    ok(out.returncode == 1 and added == ["r13"], "diff shows the merged risk as added", added)
    return plan()


sys.exit(main())
