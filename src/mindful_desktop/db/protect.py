"""Protecting a journal with a passphrase, changing it, and taking it off again.

Each is the same careful rewrite, done while the journal is closed: SQLCipher's
`sqlcipher_export` copies every table, index, trigger and the search index into a new file
under the new key (or none), the copy is checked (integrity, the same row count in every
table) and fsynced, and only then swapped in by a rename. The backups in `backups/` are
rewritten the same way under the new key, or removed if the person chooses; the write-ahead
log is checkpointed away first, so no plaintext page is left beside the journal. A marker
file (`cipher.mark_path`) says that the journal is protected; it is written before the swap
and removed after it, so a crash in between leaves a journal that still opens.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mindful_desktop.db.backup import fsync_folder
from mindful_desktop.db.cipher import (
    is_plain,
    lock,
    mark_path,
    quote,
    sqlcipher,
    unlock,
)
from mindful_desktop.db.sqlite import make_private
from mindful_desktop.errors import DataDirError, KnownError
from mindful_desktop.paths import AppPaths

MIN_CHARS = 8
_WORK_NAME = ".converting-journal.sqlite3"


class ProtectionError(KnownError):
    title = "Your journal wasn't changed"


@dataclass(frozen=True)
class Converted:
    rows: int
    backups_rewritten: int
    backups_removed: int


def strength_hint(passphrase: str) -> str:
    """A plain hint, never a rule: length matters most; a few unrelated words are strong."""
    words = len(passphrase.split())
    if len(passphrase) < MIN_CHARS:
        return (
            f"Too short: use at least {MIN_CHARS} characters. A few words you'll remember "
            "work well."
        )
    if words >= 4 or len(passphrase) >= 20:
        return "Strong: long and hard to guess."
    if words >= 3 or len(passphrase) >= 14:
        return "Good. One more word would make it stronger."
    return "Fair. A longer one, such as three or four unrelated words, is much stronger."


def check_new(passphrase: str, again: str) -> None:
    if passphrase != again:
        raise ProtectionError("The two passphrases are different. Type the same one twice.")
    if len(passphrase) < MIN_CHARS:
        raise ProtectionError(
            f"A passphrase needs at least {MIN_CHARS} characters. A few words you'll remember "
            "work well, for example three things you can see from your window."
        )


def _counts(conn: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    counts = {}
    for name in names:
        try:
            counts[name] = int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        except Exception:  # noqa: BLE001 - a virtual table's own view of itself is its shadows'
            continue
    return counts


def _open(path: Path, key: str | None) -> Any:
    conn = sqlcipher().connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key:
        conn.execute(f"PRAGMA key = {quote(key)}")
    return conn


def rewrite(source: Path, dest: Path, source_key: str | None, dest_key: str | None) -> int:
    """Copy `source` (under `source_key`, or plain) to a new `dest` under `dest_key` (or
    plain), check it, fsync it. Returns the rows copied."""
    dest.unlink(missing_ok=True)
    make_private(dest)  # 0600 from the start; SQLCipher fills the empty file
    conn = _open(source, source_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _counts(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"ATTACH DATABASE ? AS target KEY {quote(dest_key or '')}", (str(dest),))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {version}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    check = _open(dest, dest_key)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
        after = _counts(check)
    finally:
        check.close()
    if result != "ok" or after != before:
        dest.unlink(missing_ok=True)
        raise ProtectionError(
            "The new copy of your journal didn't match the original, so it wasn't used. "
            "Your journal is exactly as it was."
        )
    with open(dest, "rb+") as handle:
        os.fsync(handle.fileno())
    return sum(before.values())


def _swap(work: Path, target: Path) -> None:
    os.replace(work, target)
    for side in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            target.with_name(target.name + side).unlink()
    fsync_folder(target.parent)


def _write_mark(db_path: Path) -> None:
    mark = mark_path(db_path)
    with open(mark, "w", encoding="utf-8") as handle:
        handle.write(
            "This journal is protected by a passphrase (SQLCipher 4). Without the passphrase "
            "nobody can open it, including the people who made Mindful Desktop.\n"
        )
        handle.flush()
        os.fsync(handle.fileno())


def convert(
    paths: AppPaths, old: str | None, new: str | None, remove_backups: bool = False
) -> Converted:
    """Protect (`old` None), change (both), or unprotect (`new` None) the closed journal at
    `paths`, and deal with its backups the same way. The unlocked key follows."""
    db_path = paths.db_path
    work = paths.data_dir / _WORK_NAME
    try:
        if new is not None:
            _write_mark(db_path)
        rows = rewrite(db_path, work, old, new)
        _swap(work, db_path)
        if new is None:
            mark_path(db_path).unlink(missing_ok=True)
            lock(paths.data_dir)
        else:
            unlock(paths.data_dir, new)
        fsync_folder(paths.data_dir)
        rewritten = removed = 0
        for backup in sorted(paths.backups_dir.glob("journal-*.sqlite3")):
            if remove_backups:
                backup.unlink()
                backup.with_name(backup.name + ".json").unlink(missing_ok=True)
                removed += 1
                continue
            was = None if is_plain(backup) else old
            if was == new:
                continue
            temp = backup.with_name(".converting-" + backup.name)
            rewrite(backup, temp, was, new)
            _swap(temp, backup)
            rewritten += 1
        for leftover in paths.backups_dir.glob(".partial-*"):
            leftover.unlink(missing_ok=True)
    except OSError as exc:
        work.unlink(missing_ok=True)
        if new is not None and is_plain(db_path):
            mark_path(db_path).unlink(missing_ok=True)
        raise DataDirError.from_os_error(paths.data_dir, exc) from exc
    except KnownError:
        work.unlink(missing_ok=True)
        if new is not None and is_plain(db_path):
            mark_path(db_path).unlink(missing_ok=True)
        raise
    return Converted(rows, rewritten, removed)
