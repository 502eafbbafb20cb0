"""The log folder: a rotating log for the app and the headless commands, and native crashes.

Files are private (0600). Calling `setup_logging` again for the same folder changes nothing;
for another folder it moves the log there (tests open many data folders in one process).
"""

from __future__ import annotations

import faulthandler
import logging
import os
from pathlib import Path
from typing import IO

LOG_NAME = "mindful-desktop.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
KEEP = 3  # mindful-desktop.log.1 … .3

_handler: logging.Handler | None = None
_handler_dir: Path | None = None
_crash_file: IO[str] | None = None


class _LogFile(logging.FileHandler):
    """A log line that can't be written (the disk filled up) is dropped quietly: the log is
    for later, and a traceback on stderr helps no one using the window."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        pass

    def close(self) -> None:
        try:
            super().close()
        except OSError:
            pass  # the last lines didn't fit on the disk; the file itself is closed


def _private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def rotate(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """At start, a log past `max_bytes` becomes `.1` (and `.1` becomes `.2`, …). Rotating
    once per start keeps `logging.handlers` (and the sockets and pickling it imports) off the
    start-up path; one session's log is small."""
    try:
        if path.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for n in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def setup_logging(logs_dir: Path) -> None:
    global _handler, _handler_dir
    if _handler_dir == logs_dir:
        return
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        rotate(logs_dir / LOG_NAME)
        _private(logs_dir / LOG_NAME)
        handler = _LogFile(logs_dir / LOG_NAME, encoding="utf-8")
    except OSError:
        return  # a read-only folder: the app still works, it just can't keep a log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler, _handler_dir = handler, logs_dir


def enable_crash_traces(logs_dir: Path) -> None:
    """A native crash (in Qt, in a driver) leaves the Python stack in crash.log."""
    global _crash_file
    try:
        _private(logs_dir / CRASH_NAME)
        crash = open(logs_dir / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
    except OSError:
        return
    faulthandler.enable(file=crash, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash
