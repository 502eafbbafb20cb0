"""A damaged journal at start: keep it exactly as it is, find the newest good backup, and say
what happened in plain words. Qt-free; `Application` asks the person what to do."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mindful_desktop.db.backup import BackupInfo, list_backups
from mindful_desktop.errors import DataDirError
from mindful_desktop.paths import AppPaths


def damaged_dir(paths: AppPaths) -> Path:
    return paths.data_dir / "damaged"


def keep_damaged_copy(paths: AppPaths, now: dt.datetime | None = None) -> Path:
    """Copy the journal (and its write-ahead log, if any) byte for byte into `damaged/`, dated.
    Only reads the journal. Returns the copy."""
    folder = damaged_dir(paths)
    stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
    copy = folder / f"journal-{stamp}.sqlite3"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for extra in ("", "-wal"):
            source = Path(f"{paths.db_path}{extra}")
            if source.exists():
                target = Path(f"{copy}{extra}")
                shutil.copyfile(source, target)
                os.chmod(target, 0o600)
    except OSError as exc:
        raise DataDirError.from_os_error(folder, exc) from exc
    return copy


def age_text(then: dt.datetime, now: dt.datetime) -> str:
    days = (now.date() - then.date()).days
    if days <= 0:
        return "from today"
    if days == 1:
        return "from yesterday"
    if days < 60:
        return f"{days} days old"
    return f"from {then:%d %B %Y}"


@dataclass(frozen=True)
class Damage:
    why: str
    copy: Path
    backup: BackupInfo | None

    def explain(self, now: dt.datetime) -> str:
        text = (
            f"Your journal file couldn't be read safely: {self.why}\n\n"
            f"A copy of it, exactly as it was, is kept in {self.copy.parent}, and nothing has "
            "been written to it."
        )
        if self.backup is None:
            return text + (
                "\n\nThere is no backup to restore from. Mindful Desktop will close now, so "
                "nothing is lost; someone who knows SQLite may be able to rescue the copy."
            )
        return text + (
            f"\n\nThe newest good backup is {age_text(self.backup.made_at, now)} "
            f"({self.backup.made_at:%a %d %b %Y, %H:%M}, {self.backup.entries:,} entries). "
            "Restore it and carry on? Anything written after it stays in the damaged copy."
        )


def assess(paths: AppPaths, why: str, now: dt.datetime | None = None) -> Damage:
    copy = keep_damaged_copy(paths, now)
    backups = list_backups(paths.backups_dir)
    return Damage(why, copy, backups[0] if backups else None)
