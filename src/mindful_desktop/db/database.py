"""A migrated journal: its engine, a session factory, and where it lives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from mindful_desktop.db.engine import make_sessionmaker
from mindful_desktop.errors import KnownError, translate_db_error


@dataclass
class Database:
    engine: Engine
    db_path: Path
    upgraded_from_backup: Path | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = make_sessionmaker(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed (and on disk, synchronous=FULL) when the block ends.

        Errors the environment causes (locked, full, read-only, damaged) come out as KnownError.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except KnownError:
            raise
        except Exception as exc:
            known = translate_db_error(exc, self.db_path)
            if known is None:
                raise
            raise known from exc

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        self.engine.dispose()
