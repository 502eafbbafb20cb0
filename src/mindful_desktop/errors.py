"""Errors the environment causes, phrased for a person, kept apart from bugs."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class KnownError(Exception):
    """A problem we can explain. `message` is shown to the user as it is."""

    title = "Something needs your attention"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataDirError(KnownError):
    title = "Can't use the data folder"

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError) -> KnownError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError(
                f"The disk holding {path} is full. Free some space and try again; "
                "nothing you have saved was lost."
            )
        if exc.errno == errno.EROFS:
            return cls(
                f"{path} is on a disk that can only be read just now (it is mounted "
                "read-only), so Mindful Desktop can't keep your journal there. Make the disk "
                "writable again, or choose another folder with --data-dir; your journal file "
                "hasn't been touched."
            )
        if exc.errno in (errno.EACCES, errno.EPERM):
            return cls(
                f"Mindful Desktop isn't allowed to write to {path}. Check the folder's "
                "permissions, or choose another folder with --data-dir."
            )
        return cls(f"Mindful Desktop couldn't use {path}: {exc.strerror or exc}.")


class DiskFullError(KnownError):
    title = "The disk is full"


class DatabaseTooNewError(KnownError):
    title = "Your journal is from a newer version"


class DatabaseCorruptError(KnownError):
    title = "Your journal file is damaged"
    why = ""  # what SQLite found, when known


class DatabaseLockedError(KnownError):
    title = "Your journal is busy"


class NotOurDatabaseError(KnownError):
    title = "This isn't a Mindful Desktop journal"


class BackupError(KnownError):
    title = "The safety backup didn't work"


class BundledContentError(KnownError):
    title = "The app's own files are damaged"


class InvalidInputError(KnownError):
    title = "Please check what you entered"


def write_probe(folder: Path) -> OSError | None:
    """Write (and sync) a little file in `folder` and remove it: the OSError that stops it
    (read-only, full, not allowed), or None when writing there works. Asked only after
    something failed, to say which of those it was."""
    probe = folder / ".write-check"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"mindful-desktop\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError as exc:
        return exc
    return None


def translate_db_error(exc: BaseException, db_path: Path) -> KnownError | None:
    """Map a driver or OS error to a sentence a person can act on; None for bugs."""
    if isinstance(exc, KnownError):
        return exc
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError):
        return DataDirError.from_os_error(db_path.parent, exc)
    from mindful_desktop.db.cipher import errors

    if not isinstance(exc, errors()):
        return None
    text = str(exc).lower()
    if "disk i/o" in text or "readonly" in text or "read-only" in text:
        # SQLite says "disk I/O error" when it can't grow its shared-memory file on a full
        # disk: the folder itself says what really stops it.
        blocked = write_probe(db_path.parent)
        if blocked is not None:
            return DataDirError.from_os_error(db_path.parent, blocked)
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "Another program is using your journal right now, so it couldn't be opened or saved. "
            "Close other copies of Mindful Desktop (or any tool looking at the file) and try "
            "again. "
            "What you typed is still here."
        )
    if "full" in text:
        return DiskFullError(
            f"The disk holding {db_path.parent} is full, so your entry couldn't be saved. "
            "Free some space and press Save again; what you typed is still here."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DataDirError(
            f"Mindful Desktop can't write to {db_path}. Check that the folder isn't read-only "
            "and that you own it, or choose another folder with --data-dir."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorruptError(
            f"The journal file {db_path} is damaged and can't be read. It has been left exactly "
            f"as it is. Your automatic backups are in {db_path.parent / 'backups'}; "
            "the README explains how to restore one."
        )
    if "disk i/o" in text:
        return DataDirError(
            f"The computer reported a disk error while using {db_path}. Check the disk, then "
            "try again."
        )
    return None
