"""Killing the app right after Save loses nothing: the save is on disk before Save returns."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mindful_desktop.app import main

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from mindful_desktop.paths import AppPaths
    from mindful_desktop.services.context import AppContext
    from mindful_desktop.ui.main_window import MainWindow

    app = QApplication([])
    ctx = AppContext.open(AppPaths.from_arg(sys.argv[1]))
    window = MainWindow(ctx)
    window.show()
    page = window.page("today")
    QTest.mouseClick(page.mood.buttons[8], Qt.MouseButton.LeftButton)
    QTest.keyClicks(page.note, "Saved, then the power went out ")
    page.note.insertPlainText("✨")  # typed through an input method
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    os.kill(os.getpid(), signal.SIGKILL)  # no clean shutdown, no flush, no close
    """
)


@pytest.mark.slow
def test_check_in_survives_sigkill_right_after_save(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data)], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    out = tmp_path / "export.json"
    assert main(["--data-dir", str(data), "export", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["tables"]["check_in"]
    assert [(r["mood"], r["note"]) for r in rows] == [(8, "Saved, then the power went out ✨")]
