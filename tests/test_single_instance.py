"""A second launch for the same data folder asks the first window to come forward."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mindful_desktop.paths import AppPaths
from mindful_desktop.single_instance import InstanceGuard


def test_second_instance_is_refused_and_wakes_the_first(paths: AppPaths, qtbot: QtBot) -> None:
    paths.ensure()
    first = InstanceGuard(paths)
    second = InstanceGuard(paths)
    try:
        assert first.acquire()
        assert not second.acquire()
        with qtbot.waitSignal(first.activationRequested, timeout=5000):
            assert second.ask_running_instance_to_show()
    finally:
        first.release()
        second.release()


def test_the_folder_is_free_again_after_release(paths: AppPaths) -> None:
    paths.ensure()
    first = InstanceGuard(paths)
    assert first.acquire()
    first.release()
    again = InstanceGuard(paths)
    assert again.acquire()
    again.release()


def test_different_folders_do_not_block_each_other(paths: AppPaths, tmp_path: object) -> None:
    from pathlib import Path

    other = AppPaths(Path(str(tmp_path)) / "other").ensure()
    paths.ensure()
    a, b = InstanceGuard(paths), InstanceGuard(other)
    try:
        assert a.acquire() and b.acquire()
    finally:
        a.release()
        b.release()


def test_a_second_launch_waits_for_a_first_that_is_still_starting(
    paths: AppPaths, qtbot: QtBot
) -> None:
    import subprocess
    import sys

    from PySide6.QtCore import QTimer

    paths.ensure()
    first = InstanceGuard(paths)
    probe = (
        "import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([])\n"
        "from mindful_desktop.paths import AppPaths\n"
        "from mindful_desktop.single_instance import InstanceGuard\n"
        f"g = InstanceGuard(AppPaths.from_arg({str(paths.data_dir)!r}))\n"
        "sys.exit(0 if g.ask_running_instance_to_show(timeout_ms=8000) else 1)\n"
    )
    try:
        assert first.acquire(listen=False)  # the lock is held; the window isn't up yet
        with qtbot.waitSignal(first.activationRequested, timeout=15000):
            second = subprocess.Popen([sys.executable, "-c", probe])
            QTimer.singleShot(1500, first.listen)  # the second is already knocking
        assert second.wait(timeout=30) == 0
    finally:
        first.release()
