"""What playing a guided track costs the processor, on the Practice page (player and captions
shown) and on another page (the sidebar's "Now playing"), against a bare QMediaPlayer playing
the same file in a bare window (the floor). Each measure is its own process: CPU time of the
whole process (every thread, decoding included) over `--seconds` of playback, after the first
second. Medians of several runs.

    .venv/bin/python bench/playback_cpu.py [--runs 3] [--seconds 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._child import reported, run_child  # noqa: E402

TRACK = ROOT / "assets" / "audio" / "breath.opus"

_CHILD = """
import shutil, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QWidget

where, seconds, track = sys.argv[1], float(sys.argv[2]), sys.argv[3]
app = QApplication([])

def spin(s):
    loop = QEventLoop()
    QTimer.singleShot(int(s * 1000), loop.quit)
    loop.exec()

def until(test, limit=10.0):
    end = time.monotonic() + limit
    while not test() and time.monotonic() < end:
        spin(0.05)
    assert test(), "playback did not start"

if where in ("bare", "bare+slot"):
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    window = QWidget()
    window.resize(1280, 800)
    window.show()
    media = QMediaPlayer()
    media.setAudioOutput(QAudioOutput(media))
    media.setSource(QUrl.fromLocalFile(track))
    if where == "bare+slot":
        media.positionChanged.connect(lambda _ms: None)
    media.play()
    playing = lambda: media.playbackState() == QMediaPlayer.PlaybackState.PlayingState
else:
    from mindful_desktop.paths import AppPaths
    from mindful_desktop.services.context import AppContext
    from mindful_desktop.ui.main_window import MainWindow
    folder = Path(tempfile.mkdtemp(prefix="mindful-cpu-"))
    ctx = AppContext.open(AppPaths(folder))
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    spin(0.5)
    window.start_practice("breath")
    if where == "other page":
        window.show_page("journal")
    playing = ctx.playback.player.is_playing
until(playing)
spin(1.0)
start_cpu, start_wall = time.process_time(), time.monotonic()
spin(seconds)
cpu, wall = time.process_time() - start_cpu, time.monotonic() - start_wall
assert playing()
print("cpu", cpu, wall, flush=True)
"""


def one(where: str, seconds: float) -> float:
    proc = run_child(_CHILD, where, str(seconds), str(TRACK))
    for line in reported(proc, "cpu"):
        cpu, wall = line.split()
        return float(cpu) / float(wall)
    raise RuntimeError(f"{where}: no result\n{proc.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args(argv)
    wheres = ["bare", "bare+slot", "practice page", "other page"]
    results: dict[str, list[float]] = {w: [] for w in wheres}
    for _ in range(args.runs):
        for where in wheres:  # in turns, so a busy minute elsewhere is shared
            results[where].append(one(where, args.seconds))
    floor = statistics.median(results["bare"])
    print(f"CPU while playing {TRACK.name}, share of one core (medians of {args.runs})")
    for where in wheres:
        value = statistics.median(results[where])
        print(f"{where:14} {value * 100:6.2f} %   {value / floor:5.2f}x the bare QMediaPlayer")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
