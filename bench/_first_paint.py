"""Child process of bench/startup.py: show a window, report when its first paint is flushed.

`bare` shows an empty QMainWindow; `app DATA_DIR` runs Mindful Desktop. The same QApplication
subclass is used in both, so both pay the same (tiny) cost for being watched. Reports
"<time.time()> <VmRSS KiB>" on the file descriptor in PROBE_FD, then exits at once.
"""

from __future__ import annotations

import os
import sys
import time

import PySide6.QtWidgets as QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer


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


class _ProbeApp(QtWidgets.QApplication):
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self._seen = False
        self.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QtWidgets.QMainWindow)
        ):
            self._seen = True
            QTimer.singleShot(0, _report)  # after this paint is flushed to the screen
        return False


def main() -> None:
    QtWidgets.QApplication = _ProbeApp  # type: ignore[misc]
    if sys.argv[1] == "bare":
        app = _ProbeApp(sys.argv[:1])
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
