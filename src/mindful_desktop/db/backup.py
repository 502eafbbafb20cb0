"""Verified copies of the journal: SQLite's online backup, then an integrity check of the copy."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from mindful_desktop.db.sqlite import make_private
from mindful_desktop.errors import BackupError, DataDirError, KnownError

KEEP_BACKUPS = 20


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names
    }


def backup_database(db_path: Path, backups_dir: Path, reason: str) -> Path:
    """Copy `db_path` into `backups_dir` and prove the copy is whole before returning it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backups_dir / f"journal-{stamp}-{reason}.sqlite3"
    try:
        backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        make_private(dest)
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(dest)
            try:
                src.backup(out)
                check = out.execute("PRAGMA integrity_check").fetchone()[0]
                same = _table_counts(src) == _table_counts(out)
            finally:
                out.close()
        finally:
            src.close()
        with open(dest, "rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:
        dest.unlink(missing_ok=True)
        raise DataDirError.from_os_error(backups_dir, exc) from exc
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise BackupError(
            f"Mindful Desktop couldn't make a safety copy of your journal ({exc}), so it "
            "changed nothing. Check that there is free disk space and try again."
        ) from exc
    if check != "ok" or not same:
        dest.unlink(missing_ok=True)
        raise BackupError(
            "The safety copy of your journal didn't match the original, so nothing was "
            "changed. Your journal is untouched; please try again."
        )
    prune_backups(backups_dir)
    return dest


def prune_backups(backups_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Keep the newest `keep` backups; return the ones removed."""
    found = sorted(backups_dir.glob("journal-*.sqlite3"))
    removed = found[:-keep] if len(found) > keep else []
    for old in removed:
        try:
            old.unlink()
        except OSError:
            pass  # An old backup we can't delete is harmless.
    return removed


def list_backups(backups_dir: Path) -> list[Path]:
    return sorted(backups_dir.glob("journal-*.sqlite3"), reverse=True)


__all__ = ["KnownError", "backup_database", "list_backups", "prune_backups"]
