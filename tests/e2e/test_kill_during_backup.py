"""A backup killed part-way (SIGKILL: no cleanup, no `finally`) never leaves a half-written file
under a backup's name, is never listed, and leaves the journal whole; the next backup works."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mindful_desktop.db.backup import (
    STALE_PARTIAL_SECONDS,
    backup_database,
    list_backups,
    prune_backups,
    verify,
)
from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mindful_desktop.db.backup import backup_database

    print("starting", flush=True)
    backup_database(Path(sys.argv[1]), Path(sys.argv[2]), "manual")
    print("done", flush=True)
    """
)


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of about 40 MB, so a backup takes long enough to be caught in the middle."""
    folder = tmp_path_factory.mktemp("big")
    paths = AppPaths(folder)
    open_database(paths).close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("CREATE TABLE padding (words TEXT)")
    conn.executemany(
        "INSERT INTO padding VALUES (?)",
        ((os.urandom(2000).hex(),) for _ in range(10_000)),
    )
    conn.commit()
    conn.close()
    return paths.db_path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _copy_size(folder: Path) -> int:
    """The size of the copy being written, whatever it is named; -1 before there is one."""
    for name in _names(folder):
        if name.endswith(".sqlite3"):
            try:
                return (folder / name).stat().st_size
            except FileNotFoundError:
                return -1
    return -1


# When to kill, as seen from outside: the moments a backup passes through.
MOMENTS = {
    "file made": lambda size, journal: size >= 0,
    "copy half done": lambda size, journal: size >= journal // 2,
    "copied, being checked": lambda size, journal: size >= journal,
}


def _kill_at(journal: Path, backups: Path, moment: str) -> str:
    """Start a backup in a process of its own and kill it (SIGKILL) the moment its temporary
    file shows `moment`. Returns what the process printed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(journal), str(backups)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"starting\n"  # the imports are behind it
    size = journal.stat().st_size
    deadline = time.monotonic() + 30
    while not MOMENTS[moment](_copy_size(backups), size):
        assert proc.poll() is None, "the backup finished before it could be caught"
        assert time.monotonic() < deadline
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    return out.decode()


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_backup_killed_part_way_leaves_nothing_that_passes_for_a_backup(
    big_journal: Path, tmp_path: Path, moment: str
) -> None:
    backups = tmp_path / "backups"
    journal_before = big_journal.read_bytes()
    printed = _kill_at(big_journal, backups, moment)

    assert "done" not in printed
    left = _names(backups)
    assert any(n.startswith(".partial-") for n in left)  # caught in the middle
    assert not any(n.startswith("journal-") for n in left)  # nothing under a backup's name
    assert list_backups(backups) == []  # nothing half-written is offered
    assert big_journal.read_bytes() == journal_before  # the journal itself untouched

    # The next backup is made, checked and listed as usual, beside what the kill left.
    made = backup_database(big_journal, backups, "manual")
    assert [info.path for info in list_backups(backups)] == [made.path]
    verify(made.path)

    # What the kill left is swept once it is clearly no backup still being written.
    an_hour_ago = time.time() - STALE_PARTIAL_SECONDS - 60
    for name in left:
        os.utime(backups / name, (an_hour_ago, an_hour_ago))
    prune_backups(backups)
    assert not any(n.startswith(".partial-") for n in _names(backups))
    assert [info.path for info in list_backups(backups)] == [made.path]
