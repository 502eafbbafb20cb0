"""Benchmark: time to the first painted window, and RSS then, against a bare PySide6 window.

Each run is a fresh process on a real X server (Xvfb, started here if DISPLAY is unset): first a
bare `QMainWindow`, then the app over a copy of the heavy decade (`bench/decade.py`), alternating,
N times each. The clock runs from just before the process is spawned until the window's first
paint has been flushed; RSS is read in the child at that moment. Prints both medians and the
ratio (the goal: at most 2x the bare window, at most 120 MiB).

    .venv/bin/python bench/startup.py [--runs 5] [--days 3650]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "_first_paint.py"


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        raise SystemExit("bench/startup.py needs Xvfb (apt-get install xvfb) or a DISPLAY")
    for n in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.environ["DISPLAY"] = f":{n}"
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    break
                time.sleep(0.05)
            time.sleep(0.2)
            return proc
    raise SystemExit("no free X display")


def one_run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    read_fd, write_fd = os.pipe()
    env = dict(env, PROBE_FD=str(write_fd))
    start = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(PROBE), *args],
        env=env,
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        line = pipe.read().strip()
    _, err = proc.communicate(timeout=60)
    if not line:
        raise SystemExit(f"probe {args} reported nothing:\n{err.decode(errors='replace')}")
    painted, rss_kib = line.split()
    return (float(painted) - start) * 1000, int(rss_kib) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--days", type=int, default=3650)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from decade import heavy_decade

    source = heavy_decade(args.days)
    xvfb = start_xvfb()
    # An installed app has its bytecode compiled (pip does it at install); let the children
    # write theirs on the uncounted first run rather than compile every module every time.
    drop = ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["QT_QPA_PLATFORM"] = "xcb"
    bare: list[tuple[float, float]] = []
    app: list[tuple[float, float]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # The first pair warms the disk cache and is not counted. Its content cache (the
            # parsed lessons, `paths.cache_dir`) goes into every later copy, as it is there
            # on every start but the first after an install or update.
            kept = Path(tmp) / "content-cache"
            for i in range(args.runs + 1):
                data = Path(tmp) / f"run-{i}"
                shutil.copytree(source, data)
                if kept.exists():
                    shutil.copytree(kept, data / "cache")
                b = one_run(["bare"], env)
                a = one_run(["app", str(data)], env)
                if i:
                    bare.append(b)
                    app.append(a)
                elif (data / "cache").exists():
                    shutil.copytree(data / "cache", kept)
                shutil.rmtree(data)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    b_ms = statistics.median(t for t, _ in bare)
    a_ms = statistics.median(t for t, _ in app)
    b_rss = statistics.median(r for _, r in bare)
    a_rss = statistics.median(r for _, r in app)
    print(f"runs: {args.runs} each, {args.days} days of heavy data, DISPLAY={env['DISPLAY']}")
    print(f"bare window : {b_ms:7.0f} ms to first paint, {b_rss:6.1f} MiB RSS")
    print(f"Mindful app : {a_ms:7.0f} ms to first paint, {a_rss:6.1f} MiB RSS")
    print(f"ratio       : {a_ms / b_ms:7.2f}x  (goal <= 2x; RSS goal <= 120 MiB)")
    print("all runs (ms): bare", [round(t) for t, _ in bare], "app", [round(t) for t, _ in app])
    return 0


if __name__ == "__main__":
    sys.exit(main())
