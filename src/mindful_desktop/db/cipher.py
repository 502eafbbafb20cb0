"""The one door to the journal's file: every SQLite connection to a journal or one of its
backups is opened here, in plain SQLite or, for a journal protected by a passphrase, in
SQLCipher 4 with the key set before anything else is read.

The passphrase lives only in this process's memory (`unlock` / `lock`), registered for a data
folder, and reaches SQLCipher as `PRAGMA key` on each new connection: never in a URL, a log
line, a setting or a file. A plain journal never imports SQLCipher.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from mindful_desktop.errors import KnownError

_SQLITE_MAGIC = b"SQLite format 3\x00"
_KEYS: dict[Path, str] = {}  # data folder -> passphrase, for this process only


class PassphraseNeededError(KnownError):
    title = "Your journal is protected"


class WrongPassphraseError(KnownError):
    title = "That passphrase doesn't open this journal"


WRONG = "Check it and try again: it must match exactly, capitals and spaces included."


def _folder_of(path: Path) -> Path:
    """The data folder a journal (or a backup in its backups/ folder) belongs to."""
    path = Path(path).resolve()
    return path.parent.parent if path.parent.name == "backups" else path.parent


def unlock(data_dir: Path, passphrase: str) -> None:
    _KEYS[Path(data_dir).resolve()] = passphrase


def lock(data_dir: Path) -> None:
    _KEYS.pop(Path(data_dir).resolve(), None)


def key_for(path: Path) -> str | None:
    """The key unlocked for the file's data folder; for a file elsewhere (a backup copied to
    another disk, to restore), the one journal's key unlocked in this process, if any."""
    found = _KEYS.get(_folder_of(path))
    if found is None and len(_KEYS) == 1:
        found = next(iter(_KEYS.values()))
    return found


def is_plain(path: Path) -> bool:
    """A file that starts as every plain SQLite file does (an encrypted one starts with its
    random salt; a missing or empty one is neither)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def mark_path(db_path: Path) -> Path:
    """Beside a protected journal, a small file that says so (it holds no secret). Without
    it, a file that isn't plain SQLite is a damaged one, not a protected one."""
    return db_path.with_name(db_path.name + ".protected")


def is_protected(db_path: Path) -> bool:
    return mark_path(db_path).exists()


def sqlcipher() -> ModuleType:
    import sqlcipher3.dbapi2 as module

    return module


def errors() -> tuple[type[BaseException], ...]:
    """The driver errors a journal connection can raise (SQLCipher's only once it is loaded)."""
    import sys

    loaded = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) if loaded is None else (sqlite3.Error, loaded.Error)


def quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


_DEFAULT: Any = object()


def connect(
    path: Path,
    *,
    mode: str = "",
    isolation_level: Any = "",
    key: str | None = _DEFAULT,
    check_same_thread: bool = True,
) -> sqlite3.Connection:
    """A connection to `path` (`mode`: "" read-write, "ro", or "ro-immutable"). With a key
    (by default the one unlocked for the file's data folder) it is a SQLCipher connection
    whose key is checked at once: a wrong one raises WrongPassphraseError, and an encrypted
    file with no key PassphraseNeededError, each in a sentence, before anything else runs."""
    explicit = key is not _DEFAULT
    if key is _DEFAULT:
        # A plain file (an old backup, say) opens plainly even while a key is unlocked; a
        # new or encrypted one gets the key.
        key = None if is_plain(path) else key_for(path)
    if key is None and is_protected(path) and not is_plain(path):
        raise PassphraseNeededError(
            "This journal is protected by a passphrase. Enter it to open the journal (on the "
            "command line: --passphrase-file FILE, or --passphrase-file - to type it)."
        )
    target: str | Path = path
    uri = False
    if mode:
        options = "mode=ro&immutable=1" if mode == "ro-immutable" else "mode=ro"
        target, uri = f"file:{path}?{options}", True
    if key is None:
        return sqlite3.connect(
            target, uri=uri, isolation_level=isolation_level, check_same_thread=check_same_thread
        )
    module = sqlcipher()
    conn = module.connect(
        str(target),
        uri=uri,
        isolation_level=isolation_level,
        check_same_thread=check_same_thread,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to explain
        conn.execute(f"PRAGMA key = {quote(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        conn.close()
        # A passphrase being tried that doesn't fit is the person's to retype; the unlocked
        # key (already shown to open this journal) not fitting means the file is damaged,
        # and the error goes on to the damaged-journal flow.
        if explicit and "not a database" in str(exc).lower():
            raise WrongPassphraseError(WRONG) from None
        raise
    return conn  # type: ignore[no-any-return]


def row_type(conn: Any) -> Any:
    """The Row class of the driver `conn` came from (a `sqlite3.Row` look-alike)."""
    return sqlite3.Row if isinstance(conn, sqlite3.Connection) else sqlcipher().Row


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the journal at `path` (read-only; changes no file)."""
    try:
        connect(path, mode="ro", key=passphrase).close()
    except WrongPassphraseError:
        return False
    return True
