"""Put a backup back as the journal. The journal must be closed (the app reopens it after).

The backup is checked first; the journal as it is now is backed up (kind `restore`) unless it
is damaged and already copied aside; the backup is copied next to the journal under a
temporary name, fsynced, and renamed over it, so at every moment the journal file is either the
old one or the restored one, never half of each.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mindful_desktop.db.backup import BackupInfo, backup_database, fsync_folder, verify
from mindful_desktop.db.migrate import known_revisions
from mindful_desktop.db.sqlite import make_private
from mindful_desktop.errors import BackupError, DatabaseTooNewError, DataDirError, KnownError
from mindful_desktop.paths import AppPaths


def restore_backup(paths: AppPaths, source: Path, keep_current: bool = True) -> BackupInfo | None:
    """Replace the journal with `source`. Returns the backup made of the journal it replaced
    (None when there was none to keep). Raises a KnownError, changing nothing, if `source`
    isn't a whole journal this version can read."""
    source = source.expanduser()
    if not source.is_file():
        raise BackupError(f"There is no file at {source}.")
    _counts, revision = verify(source)
    if revision not in known_revisions():
        raise DatabaseTooNewError(
            f"{source.name} was made by a newer version of Mindful Desktop (schema {revision}), "
            "so this version can't restore it. Your journal is unchanged."
        )
    db_path = paths.db_path
    before = None
    if keep_current and db_path.exists() and db_path.stat().st_size > 0:
        try:
            before = backup_database(db_path, paths.backups_dir, "restore")
        except BackupError as exc:
            raise BackupError(
                "Mindful Desktop couldn't keep a copy of your journal as it is now, so it "
                f"didn't restore anything. {exc.message}"
            ) from exc
    partial = db_path.with_name(f".restoring-{db_path.name}")
    try:
        make_private(partial)
        shutil.copyfile(source, partial)
        os.chmod(partial, 0o600)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        # The old journal's write-ahead log belongs to the old file: it must not be replayed
        # into the restored one.
        for extra in ("-wal", "-shm"):
            Path(f"{db_path}{extra}").unlink(missing_ok=True)
        os.replace(partial, db_path)
        fsync_folder(db_path.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DataDirError.from_os_error(db_path.parent, exc) from exc
    return before


__all__ = ["KnownError", "restore_backup"]
