#!/usr/bin/python3
# bench-gui.py: the figures of docs/benchmarks.md that run the real
# application, in a private Xvfb and D-Bus session.
#
#   bench-gui.py --exe iap-workshop [--runs 7] bench-large.iapw bench-huge.iapw
#
# The time from the start of the process to the first frame that shows
# the workshop, as the application prints it with IAP_WORKSHOP_TIMING=exit
# (app/gui/iap-timing.c), and the peak resident memory (/usr/bin/time -f
# %M) of that start; `validate` against libxml2's own streaming reader,
# `xmllint --stream --noout`, in turn, run after run; and for files under
# 10 MB the full PDF report from the command line.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TIME = "/usr/bin/time"
SCREEN = "1280x1024x24"
CLI_TIMEOUT = 120


def start_session(tmp):
    """A private X server and session bus; returns (env, processes)."""
    env = dict(os.environ)
    for var in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER"):
        env.pop(var, None)
    env.update(XDG_RUNTIME_DIR=tmp,
               XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               GSETTINGS_BACKEND="memory", GDK_BACKEND="x11", NO_AT_BRIDGE="1")
    # Xvfb has no GPU: GL would run on the CPU (llvmpipe) and measure Mesa.
    env.setdefault("GSK_RENDERER", "cairo")
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(["/usr/bin/Xvfb", "-displayfd", str(wfd), "-screen", "0", SCREEN,
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(wfd,), stderr=subprocess.DEVNULL)
    os.close(wfd)
    with os.fdopen(rfd) as pipe:
        display = pipe.readline().strip()
    if not display:
        sys.exit("bench-gui: Xvfb did not start")
    env["DISPLAY"] = ":" + display
    bus = subprocess.Popen(["/usr/bin/dbus-daemon", "--session", "--nofork", "--print-address"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    return env, [bus, xvfb]


def run_timed(argv, env, tmp, timeout=60, statuses=(0,)):
    """Runs argv under /usr/bin/time; returns (stderr, peak RSS in KiB,
    CPU seconds), or None if it had not ended after timeout seconds."""
    out = os.path.join(tmp, "time.txt")
    proc = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", out] + argv, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    if proc.returncode not in statuses:
        sys.exit(f"bench-gui: {' '.join(argv)} exited with {proc.returncode}:\n{stderr}")
    with open(out) as f:
        rss, user, system = f.read().split()[-3:]
    return stderr, int(rss), float(user) + float(system)


def first_frames(stderr):
    """(first frame, first frame with the file) in ms, from the app's report."""
    plain = re.search(r"first frame after (\d+) ms", stderr)
    document = re.search(r"first frame with \S+ after (\d+) ms", stderr)
    if plain is None or document is None:
        sys.exit("bench-gui: the application quit without reporting its first frame:\n" + stderr)
    return int(plain.group(1)), int(document.group(1))


def describe(path):
    return os.path.basename(path).removeprefix("bench-").removesuffix(".iapw")


HUGE = 10 * 1024 * 1024


def wall(argv, env, tmp):
    """(wall clock in ms, peak RSS in KiB) of one run of argv."""
    start = time.monotonic()
    result = run_timed(argv, env, tmp, timeout=CLI_TIMEOUT, statuses=(0, 1))
    if result is None:
        sys.exit(f"bench-gui: {' '.join(argv)} did not finish in {CLI_TIMEOUT} s")
    return (time.monotonic() - start) * 1000, result[1]


def bench_validate(exe, path, runs, env, tmp):
    """`validate`, start-up included, against `xmllint --stream --noout`
    on the same file, in turn; both on a file in the page cache."""
    ours, theirs, our_rss, their_rss = [], [], [], []
    name = describe(path)
    commands = ([exe, "validate", path], ["xmllint", "--stream", "--noout", path])
    for argv in commands:
        wall(argv, env, tmp)
    for _ in range(runs):
        ms, rss = wall(commands[0], env, tmp)
        ours.append(ms)
        our_rss.append(rss)
        ms, rss = wall(commands[1], env, tmp)
        theirs.append(ms)
        their_rss.append(rss)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"validate / xmllint --stream {name}: validate {a:.1f} ms, xmllint --stream --noout "
          f"{b:.1f} ms, medians of {runs} paired runs: ratio {a / b:.2f} (target at most 3)")
    print(f"peak memory validate {name}: median {statistics.median(our_rss) / 1024:.1f} MiB "
          f"(xmllint --stream --noout {statistics.median(their_rss) / 1024:.1f} MiB)"
          + (" (target at most 64 MiB)" if os.path.getsize(path) > HUGE else ""))


def bench_gui(exe, path, runs, env, tmp):
    env = dict(env, IAP_WORKSHOP_TIMING="exit")
    plain, document, rss, cpu = [], [], [], []
    name = describe(path)
    for _ in range(runs):
        result = run_timed([exe, path], env, tmp)
        if result is None:
            print(f"first frame {name}: not yet: the application did not quit after its first "
                  "frame (iap_timing_watch_first_frame() is not called)")
            return
        stderr, peak, seconds = result
        first, with_file = first_frames(stderr)
        plain.append(first)
        document.append(with_file)
        rss.append(peak)
        cpu.append(seconds * 1000)
    huge = os.path.getsize(path) > HUGE
    print(f"first frame {name}: median {statistics.median(document):.0f} ms over {runs} runs "
          f"to the frame showing the workshop (first frame of the window "
          f"{statistics.median(plain):.0f} ms; CPU time of the process {statistics.median(cpu):.0f} ms; "
          f"renderer {env['GSK_RENDERER']})" + (" (target under 1000 ms)" if huge else ""))
    print(f"peak memory GUI {name}: median {statistics.median(rss) / 1024:.1f} MiB over {runs} runs "
          f"(max {max(rss) / 1024:.1f} MiB), at the first frame showing the workshop"
          + (" (target under 200 MiB)" if huge else ""))


def has_export(exe, env):
    """Whether the command line has `export` yet (issue 9)."""
    proc = subprocess.run([exe, "help"], env=env, capture_output=True, text=True)
    return re.search(r"^\s*export\b", proc.stdout + proc.stderr, re.M) is not None


def bench_cli(exe, path, runs, env, tmp):
    """Figure 5 (the full PDF report, from the command line, start-up
    included) and the command line's peak memory; with `summary --json`
    until `export` exists."""
    export = has_export(exe, env)
    argv = [exe, "export", path, "-o", os.path.join(tmp, "report.pdf")] if export \
        else [exe, "summary", "--json", path]
    rss, cpu, wall = [], [], []
    name = describe(path)
    for _ in range(runs):
        start = time.monotonic()
        result = run_timed(argv, env, tmp, timeout=CLI_TIMEOUT)
        if result is None:
            print(f"{'PDF report' if export else 'summary'} {name}: did not finish in {CLI_TIMEOUT} s")
            return
        _, peak, seconds = result
        wall.append((time.monotonic() - start) * 1000)
        rss.append(peak)
        cpu.append(seconds * 1000)
    if export:
        print(f"PDF report {name}: median {statistics.median(wall):.0f} ms over {runs} runs of "
              f"`export -o report.pdf`, start-up included (CPU time {statistics.median(cpu):.0f} ms)")
    command = "export FILE -o report.pdf" if export else "summary --json FILE"
    print(f"peak memory CLI {name}: median {statistics.median(rss) / 1024:.1f} MiB over {runs} runs "
          f"of `{command}` (CPU time {statistics.median(cpu):.0f} ms)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    if not os.access(TIME, os.X_OK):
        sys.exit("bench-gui: /usr/bin/time is missing: apt-get install time")

    with tempfile.TemporaryDirectory(prefix="iap-bench-") as tmp:
        env, processes = start_session(tmp)
        try:
            for path in args.files:
                bench_validate(args.exe, path, args.runs, env, tmp)
                bench_gui(args.exe, path, args.runs, env, tmp)
                if os.path.getsize(path) < HUGE:
                    bench_cli(args.exe, path, args.runs, env, tmp)
        finally:
            for proc in processes:
                proc.terminate()
                proc.wait()


if __name__ == "__main__":
    main()
