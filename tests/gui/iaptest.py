# iaptest.py: a small harness for the GUI tests of IAP Workshop
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive IAP Workshop through its accessibility tree in a private session.

    with iaptest.Session(output_dir) as session:
        app = session.launch([exe], env={"LANGUAGE": "fr"})
        row = app.find("list item", "Contexte")
        app.activate(row)
        session.screenshot("steps-fr-context")
        app.quit()

A Session owns a private X server (Xvfb), D-Bus session bus and
accessibility bus, and tears them down on exit, on an exception and on
SIGTERM (meson's timeout).  One Session per process: libatspi connects to
the accessibility bus once and cannot be pointed at another one.

Run with /usr/bin/python3, which has python3-pyatspi.
"""

import argparse
import ctypes
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The screen, and the window filling it: a field laptop's 1366 x 768 unless
# IAPTEST_SCREEN (or Session(screen=...)) says otherwise, e.g. "1024x600".
SCREEN = os.environ.get("IAPTEST_SCREEN", "1366x768")
# The main window's size, WxH: the screen's unless set
WINDOW = None

if importlib.util.find_spec("pyatspi") is None:
    sys.exit(f"iaptest: pyatspi is missing from {sys.executable}: "
             "install python3-pyatspi and run the tests with /usr/bin/python3")

pyatspi = None  # imported by Session.start(), once the session's buses exist


class TestFailure(Exception):
    """A check failed; the message says what was expected and what was seen."""


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def wait_for(what, predicate, timeout=10.0, interval=0.1):
    """Poll predicate() until it returns something true; return that value."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except TestFailure:
            raise
        except Exception:  # the tree changes under our feet while it fills
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TestFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def describe(node):
    try:
        return f"{node.getRoleName()} {node.name!r}"
    except Exception:
        return repr(node)


def _keysym(name):
    """X keysym for a key name such as 'Down', 'Return' or 'q' (from libX11)."""
    libx11 = ctypes.CDLL("libX11.so.6")
    libx11.XStringToKeysym.restype = ctypes.c_ulong
    sym = libx11.XStringToKeysym(name.encode())
    if sym == 0:
        raise ValueError(f"unknown key name {name!r}")
    return sym


def _end_group(proc, grace=5):
    """SIGTERM a process group, then SIGKILL it if it is still there."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if proc.poll() is not None:  # reaps the leader; the others go to init
                try:
                    os.killpg(proc.pid, 0)
                except ProcessLookupError:
                    return
            time.sleep(0.05)


class Session:
    def __init__(self, output_dir=None, screen=None):
        self.output_dir = output_dir or os.environ.get("IAPTEST_OUTPUT", "screenshots")
        self.width, self.height = (int(v) for v in (screen or SCREEN).split("x")[:2])
        self.env = None
        self._groups = []  # process groups we started, oldest first
        self._apps = []
        self._tmp = None

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _spawn(self, argv, env=None, **kwargs):
        # A process group of its own, so that close() also reaches what it
        # starts (the bus launcher starts the accessibility bus and registry).
        proc = subprocess.Popen(argv, env=env or self.env, start_new_session=True, **kwargs)
        self._groups.append(proc)
        return proc

    def start(self):
        global pyatspi
        check(pyatspi is None, "one iaptest.Session per process")
        signal.signal(signal.SIGTERM, self._on_sigterm)
        self._tmp = tempfile.TemporaryDirectory(prefix="iaptest-")
        env = dict(os.environ)
        # The unit tests set NO_AT_BRIDGE; GTK_A11Y=none would do the same.
        for var in ("NO_AT_BRIDGE", "GTK_A11Y", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS",
                    "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER"):
            env.pop(var, None)
        env.update(XDG_RUNTIME_DIR=self._tmp.name,
                   XDG_CACHE_HOME=os.path.join(self._tmp.name, "cache"),
                   XDG_CONFIG_HOME=os.path.join(self._tmp.name, "config"),
                   XDG_DATA_HOME=os.path.join(self._tmp.name, "data"),
                   GSETTINGS_BACKEND="keyfile", GDK_BACKEND="x11")
        # With no window manager to maximize it, the window is given the
        # screen's size through its saved settings.
        settings = os.path.join(self._tmp.name, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as keyfile:
            width, height = (int(v) for v in WINDOW.split("x")) if WINDOW else (self.width, self.height)
            keyfile.write("[io/github/iapworkshop/Workshop]\n"
                          f"window-size=({width}, {height})\n")
        # A blinking cursor would keep a screen with an entry from ever
        # looking still.
        gtk = os.path.join(self._tmp.name, "config", "gtk-4.0")
        os.makedirs(gtk)
        with open(os.path.join(gtk, "settings.ini"), "w", encoding="utf-8") as ini:
            ini.write("[Settings]\ngtk-cursor-blink = false\n")
        env.setdefault("GSK_RENDERER", "cairo")  # no GL in Xvfb; same pixels every run
        self.env = env

        # Xvfb picks a free display number and writes it down the pipe.
        rfd, wfd = os.pipe()
        xvfb = self._spawn(["/usr/bin/Xvfb", "-displayfd", str(wfd), "-screen", "0",
                            f"{self.width}x{self.height}x24",
                            "-nolisten", "tcp", "-noreset"],
                           pass_fds=(wfd,), stderr=subprocess.DEVNULL)
        os.close(wfd)
        with os.fdopen(rfd) as pipe:
            display = pipe.readline().strip()
        check(display, f"Xvfb did not start (exit status {xvfb.poll()})")
        env["DISPLAY"] = ":" + display

        bus = self._spawn(["/usr/bin/dbus-daemon", "--session", "--nofork", "--print-address"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        check(env["DBUS_SESSION_BUS_ADDRESS"], "dbus-daemon did not start")

        self._spawn(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        # libatspi finds the accessibility bus through these when it first
        # connects, so they are set before pyatspi is imported.
        os.environ.clear()
        os.environ.update(env)
        import pyatspi as module
        pyatspi = module
        wait_for("the accessibility registry", lambda: pyatspi.Registry.getDesktop(0) is not None)
        os.makedirs(self.output_dir, exist_ok=True)

    def _on_sigterm(self, signum, frame):
        # meson sends SIGTERM on timeout and SIGKILL half a second later:
        # only pass the signal on, there is no time to wait.
        for proc in self._groups:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        if self._tmp is not None:
            shutil.rmtree(self._tmp.name, ignore_errors=True)
        os._exit(128 + signum)

    def close(self):
        for app in self._apps:
            if app.proc.poll() is None:
                try:
                    app.quit(timeout=5)
                except Exception as e:
                    print(f"iaptest: could not quit {app.name} cleanly: {e}", file=sys.stderr)
        for proc in reversed(self._groups):
            _end_group(proc)
        self._groups, self._apps = [], []
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def launch(self, argv, env=None, name=None, timeout=20):
        """Start argv with extra env; wait until it shows up in the AT-SPI desktop.

        A GLib critical aborts the application (G_DEBUG=fatal-criticals)
        unless env sets G_DEBUG."""
        name = name or os.path.basename(argv[0])
        merged = dict(self.env, G_DEBUG="fatal-criticals")
        merged.update(env or {})
        proc = self._spawn(argv, env=merged)
        app = App(self, proc, name)
        self._apps.append(app)
        seen = []

        def registered():
            check(proc.poll() is None, f"{name} exited with status {proc.returncode} on start-up")
            apps = [node for node in pyatspi.Registry.getDesktop(0) if node is not None]
            seen[:] = [node.name for node in apps]
            return next((n for n in apps if n.name == name and n.childCount > 0), None)
        try:
            app.root = wait_for(f"{name} on the accessibility bus", registered, timeout)
        except TestFailure as e:
            raise TestFailure(f"{e} (applications there: {seen})") from None
        return app

    def screenshot(self, name):
        """Save the whole screen as <output_dir>/<name>.png and return its path."""
        path = os.path.join(self.output_dir, name + ".png")
        subprocess.run(["/usr/bin/import", "-window", "root", path], env=self.env, check=True)
        return path

    def pixels(self, node, inset=16):
        """Raw RGB bytes of the screen under node, to compare with other grabs.

        With no window manager the window sits at the root origin; GTK 4.8
        gives window coordinates only, without its few pixels of CSD
        border, so the area is inset to stay inside the node."""
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        w, h = ext.width - 2 * inset, ext.height - 2 * inset
        check(w > 0 and h > 0, f"{describe(node)} is too small to grab ({ext.width}x{ext.height})")
        return subprocess.run(["/usr/bin/import", "-window", "root",
                               "-crop", f"{w}x{h}+{ext.x + inset}+{ext.y + inset}", "rgb:-"],
                              env=self.env, check=True, stdout=subprocess.PIPE).stdout

    def still_pixels(self, node, timeout=5):
        """pixels(node) once two grabs 150 ms apart agree (transitions are over)."""
        last = [self.pixels(node)]

        def settled():
            time.sleep(0.15)
            now = self.pixels(node)
            same, last[0] = now == last[0], now
            return now if same else None
        return wait_for(f"{describe(node)} to stop changing", settled, timeout, interval=0)

    # Keys are synthesized with XTest by the AT-SPI registry and go to the
    # window with the keyboard focus (without a window manager: the
    # window GTK last presented, or else the one under the pointer).

    def press(self, *keys):
        """Press keys one after the other: press('Down', 'Return', 'ctrl+q')."""
        masks = {"shift": 1 << int(pyatspi.MODIFIER_SHIFT),
                 "ctrl": 1 << int(pyatspi.MODIFIER_CONTROL),
                 "alt": 1 << int(pyatspi.MODIFIER_ALT)}
        for key in keys:
            *mods, base = key.split("+")
            mask = sum(masks[m.lower()] for m in mods)
            if mask:
                pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
            try:
                pyatspi.Registry.generateKeyboardEvent(_keysym(base), None, pyatspi.KEY_SYM)
            finally:
                if mask:
                    pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
            time.sleep(0.05)

    def type_text(self, text):
        """Type text (any Unicode) into the focused widget, as key presses."""
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


class App:
    def __init__(self, session, proc, name):
        self.session, self.proc, self.name, self.root = session, proc, name, None

    def find_all(self, role=None, name=None, root=None, predicate=None):
        """Every node under root (default: the application) with that role and name
        (and for which predicate(node) is true, if given).

        role is a pyatspi.ROLE_* or its name: "frame", "list item", "label"..."""
        if isinstance(role, str):
            role = getattr(pyatspi, "ROLE_" + role.upper().replace(" ", "_"))
        found = []

        def walk(node):
            for child in node:
                if child is None:
                    continue
                if (role is None or child.getRole() == role) and (name is None or child.name == name) \
                        and (predicate is None or predicate(child)):
                    found.append(child)
                walk(child)
        walk(root or self.root)
        return found

    def find_first(self, role=None, name=None, root=None, predicate=None, last=False):
        """The first node under root with that role and name, or None; the walk
        stops there.  With last=True the children are walked from the last one,
        which finds what was added on top (a toast, a popover) without walking
        the whole page first."""
        if isinstance(role, str):
            role = getattr(pyatspi, "ROLE_" + role.upper().replace(" ", "_"))

        def walk(node):
            children = [child for child in node]
            for child in reversed(children) if last else children:
                if child is None:
                    continue
                if (role is None or child.getRole() == role) and (name is None or child.name == name) \
                        and (predicate is None or predicate(child)):
                    return child
                found = walk(child)
                if found is not None:
                    return found
            return None
        return walk(root or self.root)

    def find(self, role=None, name=None, root=None, timeout=10, predicate=None, last=False):
        """The first node with that role and name, polling until it appears."""
        what = f"{role or 'a node'} named {name!r}" if name is not None else str(role)
        return wait_for(what, lambda: self.find_first(role, name, root, predicate, last),
                        timeout)

    def sidebar(self, root=None):
        """The list of the seven workshop steps, in any language."""
        return self.find("list", root=root,
                         predicate=lambda node: node.childCount == 7 and
                         node[0].getRole() == pyatspi.ROLE_LIST_ITEM)

    def activate(self, node):
        """Select a list item through its list (GTK 4.8 rows have no actions);
        otherwise run the node's click, activate or press action."""
        parent = node.parent
        if node.getState().contains(pyatspi.STATE_SELECTABLE) and parent is not None \
                and "Selection" in pyatspi.listInterfaces(parent):
            check(parent.querySelection().selectChild(node.getIndexInParent()),
                  f"{describe(parent)} refused to select {describe(node)}")
            return
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        for wanted in ("click", "activate", "press"):
            if wanted in names:
                check(action.doAction(names.index(wanted)), f"{wanted} on {describe(node)} failed")
                return
        raise TestFailure(f"{describe(node)} cannot be activated (actions: {names})")

    def click(self, node):
        """Click the middle of node with the first mouse button, as a person would.

        GTK 4.8 gives window coordinates only; with no window manager the
        window sits at the root origin, so they are screen coordinates."""
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        check(ext.width > 0 and ext.height > 0, f"{describe(node)} is not on screen")
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2,
                                            "b1c")
        time.sleep(0.1)

    def scroll_into_view(self, node, margin=100):
        """Scroll the page with the mouse wheel until node is on screen (GTK
        4.8 scroll bars have no AT-SPI Value and AT-SPI cannot move the
        focus). The wheel turns over the page's left margin, just right of
        the sidebar, where no inner list would take the scroll."""
        low, high = margin, self.session.height - margin
        for _ in range(160):
            ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if ext.height > 0 and low < ext.y and ext.y + min(ext.height, 80) < high:
                return
            pyatspi.Registry.generateMouseEvent(250, self.session.height // 2,
                                                "b5c" if ext.y >= low else "b4c")
            time.sleep(0.05)
        raise TestFailure(f"could not scroll {describe(node)} into view")

    def click_text(self, node):
        """Click a text field so that typing goes into it.

        An AdwEntryRow (libadwaita 1.2 under GTK 4.8) is a text node whose
        inner entry is not in the tree, and neither reports the focus: for
        those, a short pause stands in for the focus event."""
        self.click(node)
        focused = lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)  # noqa: E731
        if focused(node) or self.find_all(root=node, predicate=focused):
            return
        if node.getRole() == pyatspi.ROLE_TEXT and node.childCount > 0:
            time.sleep(0.4)
            return
        wait_for(f"{describe(node)} to have the focus", lambda: focused(node), 5)

    def selected(self, container):
        """Names of the selected children of a list (or of another Selection)."""
        sel = container.querySelection()
        return [sel.getSelectedChild(i).name for i in range(sel.nSelectedChildren)]

    @staticmethod
    def read_text(node):
        """The text of a label or entry (its accessible name if it has no Text)."""
        if "Text" in pyatspi.listInterfaces(node):
            text = node.queryText()
            # GTK 4.8 answers "" to getText(0, -1): ask for the exact length.
            return text.getText(0, text.characterCount)
        return node.name

    def quit(self, timeout=10):
        """Ask the application to quit (Ctrl+Q); kill it if it does not.
        Fails if it had to be killed or exited with a non-zero status."""
        if self.proc.poll() is None:
            self.session.press("ctrl+q")
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
                raise TestFailure(f"{self.name} did not quit within {timeout} s of Ctrl+Q; killed it")
        check(self.proc.returncode == 0, f"{self.name} exited with status {self.proc.returncode}")


def main(doc, run, name, summary, options=()):
    """The command line of a GUI test; returns its exit status.

    Parses --exe, --output and options (pairs of a flag and argparse
    keywords), then calls run(session, args, folder) with a Session, the
    arguments (args.exe made absolute) and a private temporary folder. A
    failure is reported with a screenshot named NAME-FAILED."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--exe", required=True, help="the iap-workshop executable")
    parser.add_argument("--output", default=None, help="folder for the screenshots")
    for flag, keywords in options:
        parser.add_argument(flag, **keywords)
    args = parser.parse_args()
    args.exe = os.path.abspath(args.exe)

    folder = tempfile.mkdtemp(prefix=f"iaptest-{name}-")
    try:
        with Session(args.output) as session:
            try:
                run(session, args, folder)
            except Exception:
                try:
                    print("screenshot of the failure:", session.screenshot(f"{name}-FAILED"),
                          file=sys.stderr)
                except Exception:
                    pass
                raise
    except TestFailure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"PASS: {summary}")
    return 0
