"""Open the journal: refuse what we don't know, back up, then migrate in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from mindful_desktop.db.backup import backup_database
from mindful_desktop.db.cipher import connect, errors
from mindful_desktop.db.database import Database
from mindful_desktop.db.revisions import Chain, read_chain
from mindful_desktop.db.sqlite import BUSY_MS
from mindful_desktop.errors import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    KnownError,
    NotOurDatabaseError,
    translate_db_error,
)
from mindful_desktop.paths import AppPaths, migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def chain() -> Chain:
    return read_chain(migrations_dir() / "versions")


def head_revision() -> str:
    return chain().head


def known_revisions() -> set[str]:
    return set(chain().revisions)


@dataclass(frozen=True)
class StoredState:
    """What the file on disk holds, read without changing a byte of it."""

    exists: bool
    revision: str | None
    tables: tuple[str, ...]


def damaged(db_path: Path, why: str) -> DatabaseCorruptError:
    error = DatabaseCorruptError(
        f"Your journal file {db_path} is damaged ({why}). Mindful Desktop hasn't written "
        f"anything to it. Your backups are in {db_path.parent / 'backups'}: "
        "`mindful-desktop backups` lists them and `mindful-desktop restore FILE` puts one back."
    )
    error.why = why
    return error


def read_state(db_path: Path, check: bool = False) -> StoredState:
    """What the file holds, read-only. With `check`, SQLite's `quick_check` runs over every
    page first, and a damaged file raises DatabaseCorruptError."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return StoredState(exists=db_path.exists(), revision=None, tables=())
    try:
        conn = connect(db_path, mode="ro")
        try:
            if check:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise damaged(db_path, f"SQLite's check says: {str(result)[:200]}")
            tables = tuple(
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            )
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
        finally:
            conn.close()
    except errors() as exc:
        known = translate_db_error(exc, db_path)
        if known is None or isinstance(known, DatabaseCorruptError):
            known = damaged(db_path, str(exc))
        raise known from exc
    return StoredState(exists=True, revision=revision, tables=tables)


def has_backups(paths: AppPaths) -> bool:
    try:
        return any(paths.backups_dir.glob("journal-*.sqlite3"))
    except OSError:
        return False


def check_compatible(db_path: Path, state: StoredState) -> None:
    if state.revision is None and state.tables:
        raise NotOurDatabaseError(
            f"{db_path} holds a database that Mindful Desktop didn't create, so it won't touch "
            "it. Choose another folder with --data-dir, or move that file away."
        )
    if state.revision is not None and state.revision not in known_revisions():
        raise DatabaseTooNewError(
            f"Your journal ({db_path}) was last opened by a newer version of Mindful Desktop "
            f"(schema {state.revision}). This version can't read it safely, so it has left the "
            "file exactly as it is. Please install the newer version again to open it."
        )


def open_database(paths: AppPaths, busy_ms: int = BUSY_MS) -> Database:
    """The one way the app gets a database: checked, backed up when needed, at the head
    revision. `busy_ms`: how long its statements wait for another program's lock."""
    paths.ensure()
    db_path = paths.db_path
    if db_path.exists() and db_path.stat().st_size == 0 and has_backups(paths):
        # An empty file where a journal was (a full disk, a bad copy): not a new start.
        raise damaged(db_path, "the file is empty, though there are backups of it")
    state = read_state(db_path, check=True)
    check_compatible(db_path, state)
    head = head_revision()
    backup = None
    if state.revision is not None and state.revision != head:
        backup = backup_database(db_path, paths.backups_dir, "upgrade", detail=head[:12]).path
    db = Database(db_path, upgraded_from_backup=backup, busy_ms=busy_ms)
    try:
        if state.revision != head:
            # Only now are alembic and SQLAlchemy imported: a journal at the head revision
            # opens on the standard library alone.
            from alembic import command

            cfg = alembic_config()
            with db.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        else:
            from mindful_desktop.db.sqlite import make_private

            make_private(db_path)
    except KnownError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        known = translate_db_error(exc, db_path)
        if known is None:
            raise
        raise known from exc
    return db
