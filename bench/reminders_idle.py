"""Idle CPU with gentle reminders on: the real window with a three-slot plan and its reminder
timer armed, left alone, against a bare PySide6 window left alone (the floor). Each in its own
process; CPU time of the whole process over `--seconds`. Medians of several runs.

    .venv/bin/python bench/reminders_idle.py [--runs 3] [--seconds 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._child import reported, run_child  # noqa: E402

_CHILD = """
import sys, tempfile, time, datetime as dt
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

what, seconds = sys.argv[1], float(sys.argv[2])
app = QApplication([])

def spin(s):
    loop = QEventLoop()
    QTimer.singleShot(int(s * 1000), loop.quit)
    loop.exec()

if what == "bare":
    window = QWidget()
    window.resize(1280, 800)
    window.show()
else:
    from mindful_desktop.domain.plan import EVERY_DAY
    from mindful_desktop.paths import AppPaths
    from mindful_desktop.presence import Presence
    from mindful_desktop.services.context import AppContext
    from mindful_desktop.ui.main_window import MainWindow
    ctx = AppContext.open(AppPaths(Path(tempfile.mkdtemp(prefix="mindful-idle-"))))
    soon = (dt.datetime.now() + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    for at in (soon, dt.time(7, 30), dt.time(13, 0)):
        ctx.plan.add(EVERY_DAY, at, "breath", "Mindfulness of the breath", 10)
    ctx.settings.set("reminders", True)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    presence = Presence(ctx, window, app.quit)
    assert presence.reminders.next is not None
spin(2.0)
start = time.process_time()
spin(seconds)
print("cpu", (time.process_time() - start) / seconds, flush=True)
"""


def one(what: str, seconds: float) -> float:
    proc = run_child(_CHILD, what, str(seconds))
    for line in reported(proc, "cpu"):
        return float(line)
    raise RuntimeError(f"{what}: no result\n{proc.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {"bare": [], "app, reminders on": []}
    for _ in range(args.runs):
        results["bare"].append(one("bare", args.seconds))
        results["app, reminders on"].append(one("app", args.seconds))
    print(f"Idle CPU over {args.seconds:.0f} s, share of one core (medians of {args.runs})")
    for what, values in results.items():
        print(f"{what:20} {statistics.median(values) * 100:7.3f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
