"""Does a play/stop cycle ever freeze? The FFmpeg backend's renderer thread and the window's
thread could deadlock over Python's lock when the QMediaPlayer and QAudioOutput were made by
PySide (see src/mindful_desktop/audio/native.py). Each run is a subprocess doing `--cycles`
play/stop cycles on one track, with another process keeping a core busy (the freeze showed
under load); a run that stalls for 15 s is killed by faulthandler and counted as a freeze.

    .venv/bin/python bench/player_stress.py [--objects native|python|both] [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._child import reported, run_child  # noqa: E402

TRACK = ROOT / "assets" / "audio" / "breath.opus"

_CHILD = """
import faulthandler, sys
from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QApplication
from mindful_desktop.audio import native

app = QApplication([])
objects, cycles, track = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

owner = QObject()
done = 0
for _ in range(cycles // 4):
    faulthandler.dump_traceback_later(15, exit=True)
    if objects == "native":
        media, output = native.media_player(owner), native.audio_output(owner)
    else:
        media, output = QMediaPlayer(owner), QAudioOutput(owner)
    media.setAudioOutput(output)
    media.positionChanged.connect(lambda _position: None)
    media.setSource(QUrl.fromLocalFile(track))
    for _ in range(4):
        media.play()
        spin(40)
        media.stop()
        done += 1
    media.deleteLater()
    output.deleteLater()
    spin(5)
    faulthandler.cancel_dump_traceback_later()
    print("cycles", done, flush=True)
"""


def run(objects: str, cycles: int) -> tuple[bool, int, float]:
    """(froze, cycles done, seconds)."""
    start = time.perf_counter()
    proc = run_child(_CHILD, objects, str(cycles), str(TRACK))
    seconds = time.perf_counter() - start
    counts = [int(line) for line in reported(proc, "cycles")]
    done = counts[-1] if counts else 0
    froze = "Timeout (0:00:15)!" in proc.stderr
    return froze, done, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objects", choices=["native", "python", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cycles", type=int, default=200)
    args = parser.parse_args(argv)
    kinds = ["python", "native"] if args.objects == "both" else [args.objects]
    load = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        for objects in kinds:
            frozen = 0
            for i in range(args.runs):
                froze, done, seconds = run(objects, args.cycles)
                frozen += froze
                what = f"froze after {done} cycles" if froze else f"{done} cycles, no freeze"
                print(f"{objects:6} run {i + 1}: {what} ({seconds:.0f} s)", flush=True)
            print(f"{objects:6}: {frozen} of {args.runs} runs froze", flush=True)
    finally:
        load.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
