"""While the window is open, every file and folder in the data folder is its owner's alone:
the journal and its -wal and -shm, the instance lock, the log, the crash log, the daily
backup, whatever the desktop's umask is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import json, os, stat, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from mindful_desktop.app import main

    os.umask(0o022)  # a usual desktop umask: main() must not rely on it
    data = Path(sys.argv[1])
    app = QApplication([])

    def look():
        names = {"/".join(p.relative_to(data).parts) or ".":
                 [stat.S_IMODE(p.stat().st_mode), p.is_dir()]
                 for p in [data, *data.rglob("*")]}
        print(json.dumps(names), flush=True)
        app.quit()

    def when_backed_up():
        if any(data.glob("backups/journal-*-daily.sqlite3.json")):
            QTimer.singleShot(200, look)
        else:
            QTimer.singleShot(50, when_backed_up)

    QTimer.singleShot(300, when_backed_up)  # after the first frame and the daily backup
    sys.exit(main(["--data-dir", str(data)]))
    """
)


@pytest.mark.slow
def test_the_running_app_keeps_every_file_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data)], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()
    modes: dict[str, list[int]] = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    for name in [
        "journal.sqlite3",
        "journal.sqlite3-wal",
        "journal.sqlite3-shm",
        "instance.lock",
        "logs/mindful-desktop.log",
        "logs/crash.log",
    ]:
        assert name in modes, f"{name} wasn't made while the app ran: {sorted(modes)}"
    assert any(n.startswith("backups/journal-") for n in modes)
    for name, (mode, is_dir) in modes.items():
        wanted = 0o700 if is_dir else 0o600
        assert mode == wanted, f"{name} is {oct(mode)}, not {oct(wanted)}"
