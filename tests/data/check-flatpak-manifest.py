#!/usr/bin/python3
# check-flatpak-manifest.py: the Flatpak manifest would build this project
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check build-aux/io.github.iapworkshop.Workshop.json without the runtime.

    check-flatpak-manifest.py MANIFEST MESON SOURCE_ROOT APP_ID

The GNOME runtime is not on this machine, so the manifest cannot be built
here: this checks that it is valid JSON that flatpak-builder reads without
a warning (--show-manifest), that it names the application, a GNOME
runtime of version 47 or later and the executable, that its last module
builds this source tree with meson, and that every required dependency of
meson.build is in the GNOME SDK or built by a module of the manifest.
Prints TAP.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

# pkg-config names the GNOME 47 SDK provides (org.gnome.Sdk, over the
# freedesktop SDK).
GNOME_SDK = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0", "libxml-2.0",
    "json-glib-1.0", "cairo", "cairo-gobject", "pango", "pangocairo", "pangoft2", "gtk4",
    "libadwaita-1", "libsoup-3.0", "gdk-pixbuf-2.0", "librsvg-2.0", "harfbuzz", "fontconfig",
    "bash-completion",
}

def stem(name):
    """"libqrencode" and "qrencode", "libfoo-1.0" and "foo" are one library."""
    return re.sub(r"^lib", "", re.sub(r"[-.\d]+$", "", name))


def main():
    path, meson, source, app_id = sys.argv[1:5]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except ValueError as e:
        ok(False, "the manifest is JSON", e)
        return plan()
    ok(True, "the manifest is JSON")

    try:
        # flatpak-builder leaves its .flatpak-builder state where it runs.
        with tempfile.TemporaryDirectory(prefix="iap-flatpak-") as scratch:
            shown = subprocess.run(["flatpak-builder", "--show-manifest", os.path.abspath(path)],
                                   capture_output=True, text=True, timeout=60, cwd=scratch)
        ok(shown.returncode == 0 and not shown.stderr.strip(),
           "flatpak-builder --show-manifest reads it without a warning", shown.stderr)
    except FileNotFoundError:
        ok(False, "flatpak-builder --show-manifest reads it",
           "flatpak-builder is missing: install it (build-aux/iap-dev deps)")

    ok(manifest.get("id") == app_id, f"its id is {app_id}", manifest.get("id"))
    ok(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
       "it builds on the GNOME runtime and SDK", f"{manifest.get('runtime')}, {manifest.get('sdk')}")
    version = str(manifest.get("runtime-version", ""))
    ok(version.isdigit() and int(version) >= 47, "the runtime is GNOME 47 or later", version)
    ok(manifest.get("command") == "iap-workshop", "its command is iap-workshop", manifest.get("command"))

    modules = manifest.get("modules", [])
    last = modules[-1] if modules else {}
    sources = last.get("sources", [])
    here = os.path.dirname(os.path.abspath(path))
    ok(last.get("buildsystem") == "meson" and any(
        s.get("type") == "dir" and
        os.path.realpath(os.path.join(here, s.get("path", ""))) == os.path.realpath(source)
        for s in sources), "its last module builds this source tree with meson", json.dumps(last))

    scan = json.loads(subprocess.run([meson, "introspect", "--scan-dependencies",
                                      os.path.join(source, "meson.build")],
                                     capture_output=True, text=True, check=True).stdout)
    built = {m.get("name") for m in modules[:-1] if isinstance(m, dict)}
    for dep in scan:
        if not dep["required"] or dep["name"] in GNOME_SDK:
            continue
        ok(any(stem(name) == stem(dep["name"]) for name in built if name),
           f"meson dependency {dep['name']}, not in the GNOME SDK, is built by a module",
           f"modules: {sorted(n for n in built if n)}")

    return plan()


if __name__ == "__main__":
    sys.exit(main())
