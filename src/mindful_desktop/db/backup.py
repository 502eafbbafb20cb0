"""Verified copies of the journal, and the list of them a person can restore from.

A backup is written under a temporary name (`.partial-…`), copied with SQLite's online backup,
checked (`integrity_check`, the same row counts as the journal), fsynced, and only then renamed
to `journal-<when>-<kind>.sqlite3`; a small `.json` beside it records what was checked. A file
without that record (a kill mid-way, an old version's copy) is checked once before it is ever
listed, and a file that doesn't pass is never listed. Kinds:

- `daily`: made by the app once a day it is used; thinned by `domain.retention` (7 days, 4
  weeks, 12 months);
- `manual` ("Back up now"), `upgrade` (before a schema upgrade), `restore` (the journal as it
  was just before a restore replaced it): kept apart, never thinned by the daily ones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mindful_desktop.db.cipher import connect, errors, key_for
from mindful_desktop.db.sqlite import make_private
from mindful_desktop.domain.retention import to_keep
from mindful_desktop.errors import BackupError, DataDirError, KnownError

KINDS = ("daily", "manual", "upgrade", "restore")
# What "how many entries" counts in a backup: the things a person wrote or logged.
ENTRY_TABLES = (
    "check_in",
    "journal_entry",
    "practice_session",
    "reflection",
    "worksheet_entry",
    "questionnaire_result",
)
_NAME = re.compile(r"^journal-(\d{8}-\d{6}-\d{6})-([a-z]+)(?:-([A-Za-z0-9]+))?\.sqlite3$")
_PARTIAL_PREFIX = ".partial-"
STALE_PARTIAL_SECONDS = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    made_at: dt.datetime  # local time, as the file name says
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    revision: str | None = None

    @property
    def entries(self) -> int:
        return sum(self.counts.get(name, 0) for name in ENTRY_TABLES)

    @property
    def why(self) -> str:
        return {
            "daily": "Daily",
            "manual": "Made by you",
            "upgrade": "Before an upgrade",
            "restore": "Before a restore",
        }.get(self.kind, self.kind)


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


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except errors():
        return None
    return None if row is None else str(row[0])


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every system lets a folder be opened; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _record_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _parse_name(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    made_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
    kind = match.group(2)
    if kind == "before":  # the name older versions gave a pre-upgrade copy
        kind = "upgrade"
    return made_at, kind if kind in KINDS else "manual"


def verify(path: Path) -> tuple[dict[str, int], str | None]:
    """Open `path` read-only (no `-wal` or `-shm` is made beside it), run `integrity_check`
    and count its rows. Raises BackupError, in a sentence, when it is not a whole journal."""
    try:
        conn = connect(path, mode="ro-immutable")
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            counts = _table_counts(conn) if check == "ok" else {}
            revision = _revision(conn)
        finally:
            conn.close()
    except errors() as exc:
        raise BackupError(f"The backup {path.name} can't be read ({exc}).") from exc
    if check != "ok":
        raise BackupError(f"The backup {path.name} is damaged ({check}).")
    if revision is None:
        raise BackupError(f"{path.name} isn't a Mindful Desktop journal.")
    return counts, revision


def backup_database(
    db_path: Path,
    backups_dir: Path,
    kind: str,
    detail: str = "",
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Copy `db_path` into `backups_dir`, prove the copy whole, then give it its name."""
    assert kind in KINDS, kind
    made_at = now or dt.datetime.now()
    suffix = f"-{re.sub(r'[^A-Za-z0-9]', '', detail)[:12]}" if detail else ""
    name = f"journal-{made_at:%Y%m%d-%H%M%S-%f}-{kind}{suffix}.sqlite3"
    while (backups_dir / name).exists():  # never replace a backup made in the same instant
        made_at += dt.timedelta(microseconds=1)
        name = f"journal-{made_at:%Y%m%d-%H%M%S-%f}-{kind}{suffix}.sqlite3"
    dest = backups_dir / name
    partial = backups_dir / f"{_PARTIAL_PREFIX}{name}"
    try:
        backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        make_private(partial)
        # A protected journal's copy is protected with the same key (both connections
        # come through the one door, keyed for this data folder).
        src = connect(db_path, mode="ro")
        try:
            out = connect(partial, key=key_for(db_path))
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                check = out.execute("PRAGMA integrity_check").fetchone()[0]
                counts = _table_counts(out)
                same = _table_counts(src) == counts
                revision = _revision(out)
            finally:
                out.close()
        finally:
            src.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        if check != "ok" or not same:
            partial.unlink(missing_ok=True)
            raise BackupError(
                "The safety copy of your journal didn't match the original, so it wasn't "
                "kept. Your journal is untouched; please try again."
            )
        os.replace(partial, dest)
        fsync_folder(backups_dir)
        info = BackupInfo(dest, kind, made_at, dest.stat().st_size, counts, revision)
        _write_record(info)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DataDirError.from_os_error(backups_dir, exc) from exc
    except errors() as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"Mindful Desktop couldn't make a safety copy of your journal ({exc}), so it "
            "changed nothing. Check that there is free disk space and try again."
        ) from exc
    if kind == "daily":
        prune_backups(backups_dir)
    return info


def _write_record(info: BackupInfo) -> None:
    record = {
        "kind": info.kind,
        "size": info.size,
        "counts": info.counts,
        "revision": info.revision,
        "integrity_check": "ok",
    }
    target = _record_path(info.path)
    partial = target.with_name(_PARTIAL_PREFIX + target.name)
    make_private(partial)
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, target)


def _read_record(path: Path, size: int) -> tuple[dict[str, int], str | None] | None:
    try:
        record = json.loads(_record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("size") != size:
        return None  # changed since it was checked: check it again
    counts = record.get("counts")
    if not isinstance(counts, dict):
        return None
    revision = record.get("revision")
    return {str(k): int(v) for k, v in counts.items()}, (
        str(revision) if revision is not None else None
    )


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Every backup that has been checked whole, newest first. A file not yet checked (from an
    older version) is checked now and remembered; one that fails is left out, never offered."""
    found = []
    try:
        candidates = sorted(backups_dir.glob("journal-*.sqlite3"))
    except OSError:
        return []
    for path in candidates:
        parsed = _parse_name(path)
        if parsed is None:
            continue
        made_at, kind = parsed
        try:
            size = path.stat().st_size
        except OSError:
            continue
        known = _read_record(path, size)
        if known is None:
            try:
                known = verify(path)
            except KnownError:
                continue
            info = BackupInfo(path, kind, made_at, size, *known)
            try:
                _write_record(info)
            except OSError:
                pass  # a read-only folder: it is checked again next time
        else:
            info = BackupInfo(path, kind, made_at, size, *known)
        found.append(info)
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def daily_made_on(backups_dir: Path, day: dt.date) -> bool:
    """Whether a daily backup of `day` exists (by its name; a kill mid-backup leaves only a
    `.partial-` name, which doesn't count)."""
    try:
        names = list(backups_dir.glob(f"journal-{day:%Y%m%d}-*-daily.sqlite3"))
    except OSError:
        return False
    return any(_parse_name(path) is not None for path in names)


def remove_backup(info: BackupInfo) -> None:
    try:
        info.path.unlink(missing_ok=True)
        _record_path(info.path).unlink(missing_ok=True)
    except OSError as exc:
        raise DataDirError.from_os_error(info.path.parent, exc) from exc


def prune_backups(backups_dir: Path, listed: Iterable[BackupInfo] | None = None) -> list[Path]:
    """Thin the daily backups (see `domain.retention`) and sweep away what a kill mid-backup
    left behind. Other kinds are never touched. Returns the files removed."""
    backups = list(listed) if listed is not None else list_backups(backups_dir)
    daily = [b for b in backups if b.kind == "daily"]
    keep = to_keep(b.made_at for b in daily)
    removed = []
    for old in daily:
        if old.made_at not in keep:
            try:
                remove_backup(old)
            except KnownError:
                continue  # an old backup we can't delete is harmless
            removed.append(old.path)
    stale = dt.datetime.now().timestamp() - STALE_PARTIAL_SECONDS
    for partial in backups_dir.glob(f"{_PARTIAL_PREFIX}*"):
        try:
            if partial.stat().st_mtime < stale:  # not one being written right now
                partial.unlink()
                removed.append(partial)
        except OSError:
            pass
    return removed


__all__ = [
    "KINDS",
    "BackupInfo",
    "KnownError",
    "backup_database",
    "daily_made_on",
    "list_backups",
    "prune_backups",
    "remove_backup",
    "verify",
]
