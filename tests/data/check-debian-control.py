#!/usr/bin/python3
# check-debian-control.py: debian/control builds what meson.build needs
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check debian/ against the meson build: dependencies, programs, version.

    check-debian-control.py MESON SOURCE_ROOT BUILD_ROOT

- every dependency() of meson.build is a pkg-config file of a package in
  Build-Depends, with a version bound at least meson's;
- every program the configuration found (meson-log.txt) comes from a
  package in Build-Depends, one they depend on, or an essential package;
- debian/changelog's version is the project's version.

So a dependency added to meson.build (libadwaita, libsoup, libqrencode, a
help tool) fails here until debian/control has it. Prints TAP.
"""

import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

def build_depends(control):
    """{package: [(relation, version)]} of Build-Depends, profiles ignored."""
    with open(control, encoding="utf-8") as f:
        text = f.read()
    field = re.search(r"^Build-Depends:(.*?)^(?=\S)", text, re.M | re.S).group(1)
    packages = {}
    for item in field.split(","):
        item = re.sub(r"<[^>]*>|\[[^]]*\]", "", item).strip()
        if not item:
            continue
        first = item.split("|")[0].strip()
        match = re.fullmatch(r"([a-z0-9][a-z0-9+.-]+)(?::\w+)?\s*(?:\((<<|<=|=|>=|>>)\s*([^)]+)\))?", first)
        if not match:
            raise ValueError(f"cannot read the Build-Depends item {item!r}")
        packages.setdefault(match.group(1), []).append((match.group(2), match.group(3)))
    return packages


def owner(path):
    """The Debian package that ships path, or None."""
    for candidate in (path, os.path.realpath(path)):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].split(",")[0].strip()
    return None


def depends_of(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Depends},${Pre-Depends}", package],
                            capture_output=True, text=True)
    names = set()
    for item in result.stdout.split(","):
        for alternative in item.split("|"):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if name:
                names.add(name)
    return names


def essential():
    result = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Essential} ${Priority}\n"],
                            capture_output=True, text=True)
    return {line.split()[0] for line in result.stdout.splitlines()
            if len(line.split()) >= 2 and (line.split()[1] == "yes" or "required" in line.split()[1:])}


def version_at_least(a, b):
    return subprocess.run(["dpkg", "--compare-versions", a, "ge", b]).returncode == 0


def main():
    meson, source, build = sys.argv[1:4]
    control = build_depends(os.path.join(source, "debian", "control"))
    ok(control, f"debian/control has {len(control)} build dependencies")

    scan = json.loads(subprocess.run([meson, "introspect", "--scan-dependencies",
                                      os.path.join(source, "meson.build")],
                                     capture_output=True, text=True, check=True).stdout)
    seen = set()
    for dep in scan:
        name = dep["name"]
        if name in seen:
            continue
        seen.add(name)
        pcdir = subprocess.run(["pkg-config", "--variable=pcfiledir", name],
                               capture_output=True, text=True).stdout.strip()
        package = owner(os.path.join(pcdir, f"{name}.pc")) if pcdir else None
        if package is None:
            ok(not dep["required"], f"meson dependency {name}: no package ships {name}.pc here",
               "install it, and add its -dev package to debian/control")
            continue
        bounds = [v for rel, v in control.get(package, []) if rel in (">=", ">>", "=")]
        problems = []
        if package not in control:
            problems.append(f"{package} (which ships {name}.pc) is not in Build-Depends")
        for constraint in dep["version"]:
            match = re.fullmatch(r">=\s*(\S+)", constraint)
            if match and not any(version_at_least(b, match.group(1)) for b in bounds):
                problems.append(f"meson wants {name} {constraint}: Build-Depends needs {package} (>= {match.group(1)})")
        ok(not problems, f"meson dependency {name} is Build-Depends {package}"
           + (f" ({', '.join(dep['version'])})" if dep["version"] else ""), "\n".join(problems))

    # Programs: from the last configuration's log.
    with open(os.path.join(build, "meson-logs", "meson-log.txt"), encoding="utf-8", errors="replace") as f:
        log = f.read()
    programs = sorted(set(re.findall(r"^Program \S+ found: YES \(([^)\s]+)", log, re.M)))
    allowed = set(control)
    for package in list(control):
        allowed |= depends_of(package)
    allowed |= essential() | {"build-essential", "dpkg-dev", "gcc", "make"}
    for path in programs:
        if path.startswith(os.path.realpath(source) + os.sep) or path.startswith(source + os.sep):
            continue
        package = owner(path)
        ok(package is not None and package in allowed,
           f"program {path} comes from a build dependency ({package})",
           f"add {package} to Build-Depends (with <!nocheck> if only the tests use it)")

    with open(os.path.join(source, "debian", "changelog"), encoding="utf-8") as f:
        version = re.match(r"\S+ \(([^)]+)\)", f.readline()).group(1)
    project = json.loads(subprocess.run([meson, "introspect", "--projectinfo", build],
                                        capture_output=True, text=True, check=True).stdout)["version"]
    ok(version.split("-")[0] == project, f"debian/changelog is at the project's version {project}",
       f"debian/changelog says {version}")

    return plan()


if __name__ == "__main__":
    sys.exit(main())
