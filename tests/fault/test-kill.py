#!/usr/bin/python3
# Kills `iap-workshop upgrade` with SIGKILL at random moments while it
# saves a large workshop (400 risks, about 550 kB), 100 times, and checks that the file is never
# damaged or missing: it is always complete, valid, and either the old or
# the new contents. The backup FILE~, when there is one, is the old file.
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("IAP_KILL_RUNS", "100"))
binary = os.environ["IAP_WORKSHOP"]
make_big = os.environ["IAP_MAKE_BIG"]
example = os.environ["IAP_EXAMPLE"]


def env():
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "LD_PRELOAD"):
        e.pop(name, None)
    return e


def read(path):
    with open(path, "rb") as f:
        return f.read()


def put(path, data):
    with open(path + ".new", "wb") as f:
        f.write(data)
    os.replace(path + ".new", path)


def validate(path):
    result = subprocess.run([binary, "validate", path], env=env(), capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def main():
    random.seed(os.environ.get("IAP_KILL_SEED", str(time.time_ns())))
    top = tempfile.mkdtemp(prefix="iap-kill-")
    path = os.path.join(top, "big.iapw")
    failures = 0
    try:
        subprocess.run(["/usr/bin/python3", make_big, example, path, "400"], check=True)
        old = read(path)
        ok, out = validate(path)
        assert ok, f"the generated workshop is not valid: {out}"

        durations = []
        for _ in range(3):
            start = time.monotonic()
            subprocess.run([binary, "upgrade", path], env=env(), check=True)
            durations.append(time.monotonic() - start)
            new = read(path)
            put(path, old)
        duration = statistics.median(durations)
        # Most of an upgrade is reading; validating reads the same way, so
        # the save is roughly the time after that. Kills aim there.
        reading = []
        for _ in range(3):
            start = time.monotonic()
            validate(path)
            reading.append(time.monotonic() - start)
        save_start = min(statistics.median(reading), duration) * 0.8
        print(f"# {len(old)} bytes; an upgrade takes {duration * 1000:.0f} ms, "
              f"its save starts after about {save_start * 1000:.0f} ms")

        outcomes = {"old": 0, "new": 0, "temporary file left": 0}
        for i in range(RUNS):
            put(path, old)
            for name in os.listdir(top):
                if name.endswith(".tmp"):
                    os.unlink(os.path.join(top, name))
            delay = random.uniform(save_start, duration * 1.05)
            child = subprocess.Popen([binary, "upgrade", path], env=env())
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait()

            if not os.path.exists(path):
                print(f"not ok {i}: killed after {delay * 1000:.1f} ms, the file is missing")
                failures += 1
                continue
            now = read(path)
            backup = path + "~"
            if now not in (old, new):
                print(f"not ok {i}: killed after {delay * 1000:.1f} ms, the file is neither old nor new")
                failures += 1
            elif os.path.exists(backup) and read(backup) != old:
                print(f"not ok {i}: the backup is not the previous file")
                failures += 1
            else:
                ok, out = validate(path)
                if not ok:
                    print(f"not ok {i}: the file does not validate: {out}")
                    failures += 1
            outcomes["new" if now == new else "old"] += 1
            if any(n.endswith(".tmp") for n in os.listdir(top)):
                outcomes["temporary file left"] += 1
    finally:
        shutil.rmtree(top)

    print(f"# {RUNS} kills: {outcomes['old']} left the old file, {outcomes['new']} the new one, "
          f"{outcomes['temporary file left']} were mid-save (a temporary file remained)")
    print(f"{RUNS - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
