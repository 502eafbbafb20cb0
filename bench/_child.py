"""Run a bench's measuring code in a Python process of its own: offscreen Qt, the project's
`src` first on the path, output captured (bench/playback_cpu.py, reminders_idle.py and
player_stress.py each time one process, so one measure can't warm or load the next)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def reported(proc: subprocess.CompletedProcess[str], tag: str) -> list[str]:
    """The words after `tag` on each line the child printed that starts with it."""
    prefix = f"{tag} "
    return [line[len(prefix) :] for line in proc.stdout.splitlines() if line.startswith(prefix)]
