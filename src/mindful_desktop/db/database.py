"""A migrated journal: quick plain-SQL reads, and SQLAlchemy sessions built on first use.

Start-up reads what the first frame shows through `query()` (the standard library's sqlite3,
so SQLAlchemy, about a third of a second to import, is not on that path); `session()` and
`engine` import SQLAlchemy the first time they are used.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindful_desktop.db.sqlite import BUSY_MS
from mindful_desktop.errors import KnownError, translate_db_error

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

Params = Sequence[Any] | Mapping[str, Any]


class Database:
    def __init__(
        self,
        db_path: Path,
        upgraded_from_backup: Path | None = None,
        engine: Engine | None = None,
        busy_ms: int = BUSY_MS,
    ) -> None:
        self.db_path = db_path
        self.busy_ms = busy_ms  # how long to wait for another program's lock (db/sqlite.py)
        self.upgraded_from_backup = upgraded_from_backup
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._reader: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"Database({str(self.db_path)!r})"

    # --- reads on the standard library's sqlite3 ------------------------------------------

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Rows of one read-only statement. Environment errors come out as KnownError."""
        try:
            if self._reader is None:
                from mindful_desktop.db.sqlite import open_reader

                self._reader = open_reader(self.db_path, self.busy_ms)
            return self._reader.execute(sql, params).fetchall()
        except Exception as exc:
            known = translate_db_error(exc, self.db_path)
            if known is None:
                raise
            raise known from exc

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    # --- SQLAlchemy, on first use -----------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from mindful_desktop.db.engine import create_db_engine

            self._engine = create_db_engine(self.db_path, self.busy_ms)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed (and on disk, synchronous=FULL) when the block ends.

        Errors the environment causes (locked, full, read-only, damaged) come out as KnownError.
        """
        try:
            if self._sessions is None:
                from mindful_desktop.db.engine import make_sessionmaker

                self._sessions = make_sessionmaker(self.engine)
            with self._sessions.begin() as session:
                yield session
            # Read after the commit: its flush is what marks a deletion.
            if session.info.get("deletes_words"):
                self.forget_deleted()
        except KnownError:
            raise
        except Exception as exc:
            known = translate_db_error(exc, self.db_path)
            if known is None:
                raise
            raise known from exc

    def forget_deleted(self) -> None:
        """After words were deleted: merge the search index so they leave its segments (an
        FTS5 delete only marks them; 'optimize' rewrites without them), then checkpoint the
        write-ahead log so its old page images go too. `secure_delete` (a house pragma)
        zeroes the freed space in the file itself."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO search_index(search_index) VALUES('optimize')")
        from mindful_desktop.db.cipher import connect
        from mindful_desktop.db.sqlite import apply_pragmas

        checkpoint = connect(self.db_path, isolation_level=None)
        try:
            apply_pragmas(checkpoint, self.busy_ms)
            checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            checkpoint.close()

    def revision(self) -> str | None:
        row = self.query_one("SELECT version_num FROM alembic_version")
        return None if row is None else str(row[0])

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None


def warm_up() -> None:
    """Import SQLAlchemy and the models ahead of the first save (safe in a worker thread:
    it only imports; engines and connections are made on the main thread)."""
    import sqlalchemy.orm  # noqa: F401

    import mindful_desktop.db.models  # noqa: F401
