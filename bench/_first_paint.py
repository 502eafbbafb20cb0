"""Child process of bench/startup.py: show a window, report when its first paint is flushed.

`bare` shows an empty QMainWindow; `app DATA_DIR` runs Mindful Desktop. In both, the first
`QMainWindow.show()` installs an event filter on that window alone. Reports
"<time.time()> <VmRSS KiB>" on the file descriptor in PROBE_FD, then exits at once.

In `app` mode the app's entry module is imported before PySide6, as the `mindful-desktop`
command does: what a module imports before PySide6 is cheaper (see `mindful_desktop.app`).
"""

from __future__ import annotations

import os
import sys
import time

if sys.argv[1:2] == ["app"]:
    import mindful_desktop.app  # noqa: F401  (first, as the real entry point)

import PySide6.QtWidgets as QtWidgets  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _report() -> None:
    stamp = time.time()
    os.write(int(os.environ["PROBE_FD"]), f"{stamp:.6f} {_rss_kib()}\n".encode())
    os._exit(0)


class _PaintWatch(QObject):
    """Watches one window (not every object in the app: wrapping each object for a Python
    event filter would cost the app more than the bare window)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, _report)  # after this paint is flushed to the screen
        return False


_watch: _PaintWatch | None = None
_show = QtWidgets.QMainWindow.show


def _watched_show(self: QtWidgets.QMainWindow) -> None:
    global _watch
    if _watch is None:
        _watch = _PaintWatch()
        self.installEventFilter(_watch)
    _show(self)


def main() -> None:
    QtWidgets.QMainWindow.show = _watched_show  # type: ignore[method-assign]
    if sys.argv[1] == "bare":
        app = QtWidgets.QApplication(sys.argv[:1])
        window = QtWidgets.QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1180, 780)
        window.show()
        app.exec()
    else:
        from mindful_desktop.app import main as app_main

        app_main(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    main()
