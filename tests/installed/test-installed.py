#!/usr/bin/python3
# test-installed.py: install the Debian package, test the installed
# application as a user finds it, remove it and check nothing is left
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install iap-workshop_*.deb on this machine, test it, purge it.

    sudo /usr/bin/python3 tests/installed/test-installed.py \
        --deb _build-deb/iap-workshop_0.1.0_amd64.deb --version 0.1.0 \
        --output _build-deb/screenshots --testlog _build-deb/meson-logs/testlog.json

Needs root (apt installs the package and its dependencies), Xvfb, D-Bus,
at-spi2-core, python3-pyatspi and the fr_FR.UTF-8 locale, as the GUI suite
does. Nothing of the source tree is used but this script and
tests/gui/iaptest.py: the application, its schema, translations, desktop
file, MIME types and example are the installed ones. Prints TAP; with
--testlog, appends one JSON line per check as meson's testlog.json has.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))

APP_ID = "io.github.iapworkshop.Workshop"
EXAMPLE = "/usr/share/iap-workshop/example.iapw"
DESKTOP = f"/usr/share/applications/{APP_ID}.desktop"
METAINFO = f"/usr/share/metainfo/{APP_ID}.metainfo.xml"

# What the package must install, beyond what dpkg -L lists anyway.
EXPECTED = [
    "/usr/bin/iap-workshop",
    DESKTOP,
    METAINFO,
    f"/usr/share/glib-2.0/schemas/{APP_ID}.gschema.xml",
    f"/usr/share/mime/packages/{APP_ID}.xml",
    f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    f"/usr/share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
    "/usr/share/icons/hicolor/scalable/mimetypes/application-x-iap-workshop.svg",
    "/usr/share/icons/hicolor/scalable/mimetypes/application-x-iap-ballot.svg",
    "/usr/share/locale/fr/LC_MESSAGES/iap-workshop.mo",
    EXAMPLE,
    "/usr/share/iap-workshop/workshop.rng",
    "/usr/share/man/man1/iap-workshop.1.gz",
    "/usr/share/bash-completion/completions/iap-workshop",
    "/usr/share/doc/iap-workshop/copyright",
    "/usr/share/doc/iap-workshop/changelog.gz",
    "/usr/share/doc/iap-workshop/file-format.md",
]
FRENCH_STEPS = ["Préparation", "Contexte", "Intégration", "Matrice des risques", "Triple casquette",
                "Atténuation", "Synthèse"]
FRENCH = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}

# Where a package could leave something behind; the caches that triggers
# rewrite are checked by content instead.
WATCHED = ["/usr/bin", "/usr/share", "/usr/lib", "/usr/libexec", "/etc"]
CACHES = ["/usr/share/mime/mime.cache", "/usr/share/mime/globs2",
          "/usr/share/applications/mimeinfo.cache",
          "/usr/share/icons/hicolor/icon-theme.cache",
          "/usr/share/glib-2.0/schemas/gschemas.compiled"]


class Checks:
    def __init__(self, testlog):
        self.results = []
        self.testlog = testlog

    def check(self, name, function):
        """Runs function(); it returns nothing or raises with what is wrong."""
        start = time.monotonic()
        try:
            function()
            passed, detail = True, ""
        except Exception as e:  # a check fails, the others still run
            passed, detail = False, f"{type(e).__name__}: {e}" if not isinstance(e, AssertionError) else str(e)
        duration = time.monotonic() - start
        self.results.append(passed)
        print(f"{'ok' if passed else 'not ok'} {len(self.results)} - {name} ({duration:.1f} s)", flush=True)
        for line in detail.splitlines():
            print(f"#   {line}", flush=True)
        if self.testlog:
            os.makedirs(os.path.dirname(self.testlog), exist_ok=True)
            with open(self.testlog, "a", encoding="utf-8") as log:
                log.write(json.dumps({"name": f"installed/{name}", "result": "OK" if passed else "FAIL",
                                      "duration": round(duration, 2)}) + "\n")
        return passed


def user_env(**extra):
    """The environment of a user's shell: nothing pointing into a build."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("IAP_", "GSETTINGS_", "G_TEST", "MESON"))}
    env.update(LC_ALL="C.UTF-8", LANGUAGE="", PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(extra)
    return env


def run(argv, env=None, check=True, timeout=120):
    result = subprocess.run(argv, env=env or user_env(), capture_output=True, text=True, timeout=timeout)
    if check:
        assert result.returncode == 0, (f"{' '.join(argv)} exited with {result.returncode}\n"
                                        f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result


def snapshot():
    files = set()
    for top in WATCHED:
        for folder, dirs, names in os.walk(top):
            for name in names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
                files.add(os.path.join(folder, name))
    return files


def cache_mentions():
    """The caches that still name the application or its types."""
    found = []
    for path in CACHES:
        if os.path.exists(path):
            with open(path, "rb") as f:
                data = f.read()
            if b"iap-workshop" in data or b"iapworkshop" in data or b"x-iap-" in data:
                found.append(path)
    return found


def check_files():
    missing = [path for path in EXPECTED if not os.path.exists(path)]
    assert not missing, f"not installed: {missing}"
    listed = run(["dpkg", "-L", "iap-workshop"]).stdout.split()
    assert "/usr/bin/iap-workshop" in listed, "dpkg -L does not list /usr/bin/iap-workshop"


def check_version(version):
    out = run(["iap-workshop", "--version"]).stdout
    assert out == f"iap-workshop {version}\n", f"--version printed {out!r}"


def check_help():
    out = run(["iap-workshop", "--help"])
    assert out.stderr == "", f"--help wrote on stderr: {out.stderr!r}"
    for command in ("validate", "summary", "export", "upgrade", "help"):
        assert re.search(rf"^  {command}\s", out.stdout, re.M), f"--help does not list {command}:\n{out.stdout}"
    out = run(["iap-workshop", "export", "--help"]).stdout
    assert "Exit status:" in out and "--chart" in out, f"export --help:\n{out}"
    bad = run(["iap-workshop", "--no-such-option"], check=False)
    assert bad.returncode == 2 and bad.stdout == "" and "--no-such-option" in bad.stderr, \
        f"an unknown option: status {bad.returncode}, {bad.stdout!r}, {bad.stderr!r}"
    french = run(["iap-workshop", "--help"], env=user_env(**FRENCH)).stdout
    assert "Commandes :" in french, f"the installed French translation is not used:\n{french}"


def check_man():
    page = run(["man", "-w", "iap-workshop"]).stdout.strip()
    assert page == "/usr/share/man/man1/iap-workshop.1.gz", f"man -w found {page!r}"
    text = run(["man", "iap-workshop"], env=user_env(MANWIDTH="80", MANPAGER="cat", PAGER="cat")).stdout
    for needle in ("COMMANDS", "EXIT STATUS", "validate", "export", "--version"):
        assert needle in text, f"man iap-workshop has no {needle!r}"


def check_completion():
    script = ("source /usr/share/bash-completion/bash_completion; "
              "__load_completion iap-workshop || exit 3; "
              "COMP_WORDS=(iap-workshop exp); COMP_CWORD=1; COMP_LINE='iap-workshop exp'; "
              "COMP_POINT=${#COMP_LINE}; COMPREPLY=(); "
              "spec=$(complete -p iap-workshop); func=${spec#*-F }; \"${func%% *}\" iap-workshop exp iap-workshop; "
              "echo \"${COMPREPLY[*]}\"")
    out = run(["bash", "--norc", "--noprofile", "-c", script]).stdout.strip()
    assert out == "export", f"bash completes 'iap-workshop exp' as {out!r}"


def check_validate_export(folder):
    out = run(["iap-workshop", "validate", EXAMPLE])
    assert out.stdout == "" and out.stderr == "", f"validate printed {out.stdout!r} {out.stderr!r}"
    summary = json.loads(run(["iap-workshop", "summary", "--json", EXAMPLE]).stdout)
    assert summary["risks"], "summary --json lists no risk"
    pdf = os.path.join(folder, "report.pdf")
    run(["iap-workshop", "export", EXAMPLE, "-o", pdf])
    text = run(["pdftotext", pdf, "-"]).stdout
    assert summary["title"].split(":")[0] in text, f"the report does not have the title {summary['title']!r}"
    png = os.path.join(folder, "heatmap.png")
    run(["iap-workshop", "export", EXAMPLE, "--chart=heatmap", "--size=400x300", "-o", png])
    with open(png, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n", "the chart is not a PNG"


def check_mime(folder):
    out = run(["gio", "mime", "application/x-iap-workshop"]).stdout
    assert f"Default application for “application/x-iap-workshop”: {APP_ID}.desktop" in out, \
        f"gio mime says:\n{out}"
    # A workshop by its name and content, as the file manager sees it.
    path = os.path.join(folder, "plan.iapw")
    shutil.copy(EXAMPLE, path)
    info = run(["gio", "info", "-a", "standard::content-type,standard::icon", path]).stdout
    assert "standard::content-type: application/x-iap-workshop" in info, info
    assert "application-x-iap-workshop" in info, f"plan.iapw has not its icon: {info}"
    # A ballot by its name alone (its content is for the ballot format).
    script = ("from gi.repository import Gio\n"
              "t = Gio.content_type_guess('ballot.iapb', None)[0]\n"
              "print(t, ' '.join(Gio.content_type_get_icon(t).get_names()))")
    out = run(["/usr/bin/python3", "-c", script]).stdout.split()
    assert out[0] == "application/x-iap-ballot" and "application-x-iap-ballot" in out[1:], \
        f"*.iapb is {out}"


def check_metadata():
    run(["appstreamcli", "validate", "--no-net", "--pedantic", METAINFO])
    run(["desktop-file-validate", DESKTOP])
    with open(METAINFO, encoding="utf-8") as f:
        metainfo = f.read()
    assert "<screenshot" in metainfo, "the metainfo has no screenshot"
    assert re.search(r"<release [^>]*>\s*<description>", metainfo), "the metainfo has no release notes"
    run(["gsettings", "list-keys", APP_ID])


def check_gui(output):
    import iaptest

    with open(DESKTOP, encoding="utf-8") as f:
        entry = f.read()
    exec_line = re.search(r"^Exec=(.*)$", entry, re.M).group(1)
    icon = re.search(r"^Icon=(.*)$", entry, re.M).group(1)
    assert os.path.exists(f"/usr/share/icons/hicolor/scalable/apps/{icon}.svg"), \
        f"Icon={icon} is not in the hicolor theme"
    # As the menu or the file manager expands the field codes: %U and %u
    # give URIs, %F and %f paths.
    codes = {"%U": "file://" + EXAMPLE, "%u": "file://" + EXAMPLE, "%F": EXAMPLE, "%f": EXAMPLE}
    argv = [codes.get(word, word) for word in exec_line.split()]
    assert argv[0] == "iap-workshop" and shutil.which(argv[0]) == "/usr/bin/iap-workshop", \
        f"Exec={exec_line} does not start /usr/bin/iap-workshop"
    summary = json.loads(run(["iap-workshop", "summary", "--json", EXAMPLE]).stdout)

    with iaptest.Session(output) as session:
        for var in ("IAP_WORKSHOP_LOCALEDIR", "GSETTINGS_SCHEMA_DIR"):
            session.env.pop(var, None)
        try:
            app = session.launch(argv, env=FRENCH, name="iap-workshop")
            frame = app.find("frame")
            sidebar = app.find("list", "Étapes de l’atelier", root=frame)
            rows = [row.name for row in sidebar]
            assert rows == FRENCH_STEPS, f"the sidebar lists {rows}, expected {FRENCH_STEPS}"
            assert frame.name.startswith(os.path.basename(EXAMPLE)) and "Atelier IAP" in frame.name, \
                f"the window is {frame.name!r}, expected the example's file name and the French title"
            title = [node for node in app.find_all(root=frame)
                     if summary["title"] in (app.read_text(node) or "")]
            assert title, f"no widget shows the example's title {summary['title']!r}"
            # The example's risk matrix: the page gets a size once shown.
            matrix = app.find_all("panel", "Matrice des risques", root=frame)[-1]
            app.activate(app.find("list item", "Matrice des risques", root=sidebar))
            iaptest.wait_for("the risk matrix step", lambda: app.selected(sidebar) == ["Matrice des risques"], 5)
            iaptest.wait_for("the risk matrix page", lambda: matrix.queryComponent().getExtents(
                iaptest.pyatspi.WINDOW_COORDS).width > 0, 5)
            session.still_pixels(matrix)
            print("screenshot:", session.screenshot("installed-fr-matrix"), flush=True)
            app.quit()
        except Exception:
            try:
                print("screenshot of the failure:", session.screenshot("installed-FAILED"), flush=True)
            except Exception:
                pass
            raise


def check_gui_as_user(output):
    """Runs check_gui() as nobody, a user who cannot write where the
    example is installed, as anyone who opens it from the menu."""
    work = tempfile.mkdtemp(prefix="iap-installed-gui-")
    try:
        here = os.path.dirname(os.path.abspath(__file__))
        os.makedirs(os.path.join(work, "installed"))
        os.makedirs(os.path.join(work, "gui"))
        os.makedirs(os.path.join(work, "home"))
        os.makedirs(os.path.join(work, "shots"))
        shutil.copy(os.path.abspath(__file__), os.path.join(work, "installed"))
        shutil.copy(os.path.join(here, "..", "gui", "iaptest.py"), os.path.join(work, "gui"))
        for folder, dirs, files in os.walk(work):
            os.chmod(folder, 0o777)
        argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "env", "-i", f"HOME={work}/home", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
                "/usr/bin/python3", os.path.join(work, "installed", os.path.basename(__file__)),
                "--gui-only", "--output", os.path.join(work, "shots")]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=180)
        os.makedirs(output, exist_ok=True)
        for name in os.listdir(os.path.join(work, "shots")):
            shutil.copy(os.path.join(work, "shots", name), output)
        assert result.returncode == 0, (result.stdout + result.stderr).replace(
            os.path.join(work, "shots"), output)[-3000:]
        for line in result.stdout.splitlines():
            print(f"#   {line}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb")
    parser.add_argument("--version")
    parser.add_argument("--output", default="screenshots")
    parser.add_argument("--testlog")
    parser.add_argument("--gui-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_only:
        check_gui(args.output)
        return 0
    if not args.deb or not args.version:
        parser.error("--deb and --version are needed")
    if os.geteuid() != 0:
        sys.exit("test-installed.py: run as root: it installs and removes the package")

    checks = Checks(args.testlog)
    apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")

    # A copy left by an earlier run would be in the "before" picture, and
    # so would the dependencies apt installs with the package: they stay
    # when it is removed.
    subprocess.run(["apt-get", "purge", "-y", "-q", "iap-workshop"], env=apt_env,
                   capture_output=True, text=True)
    depends = run(["dpkg-deb", "--field", args.deb, "Depends"]).stdout.strip()
    subprocess.run(["apt-get", "satisfy", "-y", "-q", "--no-install-recommends", depends],
                   env=apt_env, capture_output=True, text=True)
    before = snapshot()

    def install():
        deb = os.path.abspath(args.deb)
        result = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", deb],
                                env=apt_env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        status = run(["dpkg-query", "-W", "-f=${db:Status-Status} ${Version}", "iap-workshop"]).stdout
        assert status == f"installed {args.version}", f"dpkg says {status!r}"

    if not checks.check("apt installs the package", install):
        print(f"1..{len(checks.results)}")
        return 1

    folder = tempfile.mkdtemp(prefix="iap-installed-")
    os.chmod(folder, 0o755)
    try:
        checks.check("every file is installed", check_files)
        checks.check("--version prints the version", lambda: check_version(args.version))
        checks.check("--help lists the commands, in French too", check_help)
        checks.check("man iap-workshop", check_man)
        checks.check("bash completes the commands", check_completion)
        checks.check("validate, summary and export of the installed example",
                     lambda: check_validate_export(folder))
        checks.check("gio mime: the desktop file opens *.iapw; *.iapw and *.iapb have their types and icons",
                     lambda: check_mime(folder))
        checks.check("appstreamcli and desktop-file-validate accept the metadata; the schema is compiled",
                     check_metadata)
        checks.check("the desktop file's command opens the example, in French, for a user",
                     lambda: check_gui_as_user(args.output))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def remove():
        result = subprocess.run(["apt-get", "purge", "-y", "-q", "iap-workshop"], env=apt_env,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert shutil.which("iap-workshop") is None, "iap-workshop is still on the PATH"
        after = snapshot()
        left = sorted(after - before)
        assert not left, f"left behind: {left[:20]}"
        mentions = cache_mentions()
        assert not mentions, f"still named in {mentions}"
        out = run(["gio", "mime", "application/x-iap-workshop"], check=False).stdout
        assert f"{APP_ID}.desktop" not in out, f"gio mime still knows the desktop file:\n{out}"

    checks.check("apt purge leaves nothing behind", remove)

    print(f"1..{len(checks.results)}")
    return 0 if all(checks.results) else 1


if __name__ == "__main__":
    sys.exit(main())
