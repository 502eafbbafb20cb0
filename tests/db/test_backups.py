"""Backups: named only once whole and checked, never listing a damaged or half-written file;
daily ones thinned, the other kinds kept apart; restore swaps the file atomically."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from mindful_desktop.db.backup import backup_database, list_backups, prune_backups
from mindful_desktop.db.migrate import open_database
from mindful_desktop.db.restore import restore_backup
from mindful_desktop.errors import BackupError, KnownError
from mindful_desktop.paths import AppPaths
from tests.db.conftest import open_raw


@pytest.fixture
def journal(paths: AppPaths) -> AppPaths:
    db = open_database(paths)
    db.close()
    conn = open_raw(paths.db_path)
    conn.execute("CREATE TABLE IF NOT EXISTS scratch (word TEXT)")
    conn.execute("INSERT INTO scratch VALUES ('first')")
    conn.commit()
    conn.close()
    return paths


def _words(db_path: Path) -> list[str]:
    conn = open_raw(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT word FROM scratch ORDER BY rowid")]
    finally:
        conn.close()


def test_a_backup_is_checked_private_and_listed(journal: AppPaths) -> None:
    info = backup_database(journal.db_path, journal.backups_dir, "manual")
    assert info.path.exists() and info.kind == "manual"
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert info.counts["scratch"] == 1
    listed = list_backups(journal.backups_dir)
    assert [b.path for b in listed] == [info.path]
    assert listed[0].why == "Made by you"
    assert not list(journal.backups_dir.glob(".partial-*"))


def test_a_half_written_or_damaged_file_is_never_listed(journal: AppPaths) -> None:
    good = backup_database(journal.db_path, journal.backups_dir, "manual")
    # What a kill mid-backup leaves: only the temporary name, never the final one.
    (journal.backups_dir / ".partial-journal-20260101-000000-000000-daily.sqlite3").write_bytes(
        good.path.read_bytes()[:5000]
    )
    # A file under a backup's name that is damaged (an older version's half-written copy).
    damaged = journal.backups_dir / "journal-20250101-000000-000000-manual.sqlite3"
    damaged.write_bytes(good.path.read_bytes()[:4096] + b"\x00garbage" * 500)
    garbage = journal.backups_dir / "journal-20240101-000000-000000-manual.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert [b.path for b in list_backups(journal.backups_dir)] == [good.path]


def test_a_backup_changed_after_it_was_checked_is_checked_again(journal: AppPaths) -> None:
    good = backup_database(journal.db_path, journal.backups_dir, "manual")
    good.path.write_bytes(good.path.read_bytes()[: good.size // 2])
    assert list_backups(journal.backups_dir) == []


def test_daily_backups_thin_but_other_kinds_are_kept(journal: AppPaths) -> None:
    start = dt.datetime(2025, 1, 1, 9)
    upgrade = backup_database(journal.db_path, journal.backups_dir, "upgrade", now=start)
    manual = [
        backup_database(
            journal.db_path, journal.backups_dir, "manual", now=start + dt.timedelta(hours=h)
        )
        for h in range(1, 26)  # 25 manual backups must not push out the pre-upgrade one
    ]
    for day in range(60):
        backup_database(
            journal.db_path, journal.backups_dir, "daily", now=start + dt.timedelta(days=day)
        )
    listed = list_backups(journal.backups_dir)
    kinds = [b.kind for b in listed]
    assert upgrade.path in [b.path for b in listed]
    assert kinds.count("manual") == len(manual)
    daily = sorted(b.made_at for b in listed if b.kind == "daily")
    # 7 days, plus the newest of 4 weeks and of 2 months, overlapping: far fewer than 60.
    assert 7 <= len(daily) <= 7 + 4 + 12
    assert daily[-1] == start + dt.timedelta(days=59)


def test_prune_sweeps_old_partials_only(journal: AppPaths) -> None:
    import os

    old = journal.backups_dir / ".partial-old.sqlite3"
    new = journal.backups_dir / ".partial-new.sqlite3"
    old.write_bytes(b"x")
    new.write_bytes(b"x")
    os.utime(old, (0, 0))
    prune_backups(journal.backups_dir)
    assert not old.exists() and new.exists()  # the new one may be a backup being written


def test_restore_puts_the_backup_back_and_keeps_the_journal_it_replaced(
    journal: AppPaths,
) -> None:
    info = backup_database(journal.db_path, journal.backups_dir, "manual")
    conn = open_raw(journal.db_path)
    conn.execute("INSERT INTO scratch VALUES ('written after the backup')")
    conn.commit()
    conn.close()
    before = restore_backup(journal, info.path)
    assert _words(journal.db_path) == ["first"]
    assert before is not None and before.kind == "restore"
    assert _words(before.path) == ["first", "written after the backup"]
    assert stat.S_IMODE(journal.db_path.stat().st_mode) == 0o600
    db = open_database(journal)  # the restored journal opens
    db.close()


def test_restore_refuses_a_damaged_file_and_changes_nothing(
    journal: AppPaths, tmp_path: Path
) -> None:
    original = journal.db_path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(original[:4096] + b"\xff" * 8192)
    with pytest.raises(BackupError):
        restore_backup(journal, bad)
    with pytest.raises(KnownError):
        restore_backup(journal, tmp_path / "missing.sqlite3")
    assert journal.db_path.read_bytes() == original
    assert list_backups(journal.backups_dir) == []


def test_restore_refuses_a_backup_from_a_newer_version(journal: AppPaths, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(journal.db_path.read_bytes())
    conn = open_raw(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.commit()
    conn.close()
    with pytest.raises(KnownError, match="newer version"):
        restore_backup(journal, newer)
