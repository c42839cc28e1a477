#!/usr/bin/python3
# Fails each system call of a save in turn, on the real binary, and checks
# that the previous file survives every failure and the error is reported.
#
# For every call (open, write, fsync, fchmod, close, link, rename) and
# errno (ENOSPC, EIO, EACCES), `iap-workshop upgrade` runs with the Nth
# such call under the test folder failing, for N = 1, 2, … until a run
# makes no such call any more. Then:
#   - exit 1: the file is byte-identical to before, stderr has a
#     “FILE:LINE: …” line naming it with a plain reason;
#   - exit 0: only when the failed call could not matter (flushing or
#     closing the folder, closing the file that was read), and the file is
#     the upgraded one;
#   - never a temporary file left behind.
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

CALLS = ["open", "write", "fsync", "fchmod", "close", "link", "rename"]
# The saver's words, or the system's when reading the file failed.
ERRNOS = {
    "ENOSPC": ("the disk is full", "no space left on device"),
    "EIO": ("input/output error",),
    "EACCES": ("permission denied",),
}

binary = os.environ["IAP_WORKSHOP"]
shim = os.environ["IAP_FAULT_SHIM"]
example = os.environ["IAP_EXAMPLE"]
failures = []


def fail(message):
    failures.append(message)
    print("not ok:", message)


def upgraded_bytes(top):
    """The bytes an unhindered upgrade writes."""
    work = os.path.join(top, "clean")
    os.mkdir(work)
    path = os.path.join(work, "workshop.iapw")
    shutil.copy(example, path)
    subprocess.run([binary, "upgrade", path], check=True, env=base_env())
    with open(path, "rb") as f:
        return f.read()


def base_env():
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "LD_PRELOAD"):
        env.pop(name, None)
    env["LC_ALL"] = "C.UTF-8"
    env["LANGUAGE"] = ""
    return env


def run_one(top, call, nth, errno_name):
    work = os.path.join(top, f"{call}-{errno_name}-{nth}")
    os.mkdir(work)
    path = os.path.join(work, "workshop.iapw")
    log = os.path.join(top, f"{call}-{errno_name}-{nth}.log")
    shutil.copy(example, path)
    env = base_env()
    env.update(LD_PRELOAD=shim, IAP_FAULT=f"{call}:{nth}:{errno_name}",
               IAP_FAULT_DIR=work, IAP_FAULT_LOG=log)
    result = subprocess.run([binary, "upgrade", path], env=env,
                            capture_output=True, text=True, timeout=30)
    fired = open(log).read().split() if os.path.exists(log) else None
    return work, path, result, fired


def check(top, call, nth, errno_name, original, upgraded):
    work, path, result, fired = run_one(top, call, nth, errno_name)
    name = f"{call}:{nth}:{errno_name}"
    if fired is None:
        if result.returncode != 0:
            fail(f"{name}: no fault, yet exit {result.returncode}: {result.stderr}")
        return False

    where = fired[2]
    stray = [f for f in os.listdir(work) if f.endswith(".tmp")]
    if stray:
        fail(f"{name}: temporary files left behind: {stray}")
    with open(path, "rb") as f:
        now = f.read()

    harmless = where == work or (call == "close" and not where.endswith(".tmp"))
    if result.returncode == 0 and harmless:
        if now != upgraded:
            fail(f"{name} on {where}: exit 0 but the file is not the upgraded one")
        print(f"ok {name} on {os.path.basename(where)}: harmless, saved")
        return True
    if result.returncode != 1:
        fail(f"{name} on {where}: exit {result.returncode}, expected 1; stderr: {result.stderr}")
        return True
    if now != original:
        fail(f"{name} on {where}: the file changed after a failed save")
    lines = result.stderr.strip().split("\n")
    reason = ERRNOS[errno_name]
    if not any(re.match(re.escape(path) + r":[0-9]+: ", line) and any(r in line.lower() for r in reason)
               for line in lines):
        fail(f"{name} on {where}: no “{path}:LINE: … {reason[0]}” in: {result.stderr!r}")
    print(f"ok {name} on {os.path.basename(where)}: refused, file intact: {lines[0][len(work) + 1:]}")
    return True


def main():
    with open(example, "rb") as f:
        original = f.read()
    top = tempfile.mkdtemp(prefix="iap-fault-")
    runs = injected = 0
    try:
        upgraded = upgraded_bytes(top)
        for call in CALLS:
            fired_any = False
            for errno_name in ERRNOS:
                for nth in range(1, 50):
                    runs += 1
                    if not check(top, call, nth, errno_name, original, upgraded):
                        break
                    injected += 1
                    fired_any = True
            if not fired_any:
                fail(f"{call}: the shim never intercepted it; does the save still call it?")
    finally:
        shutil.rmtree(top)

    print(f"{runs} runs, {injected} injected faults, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
