"""Engine factory: the house SQLite pragmas on every connection, transactional DDL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from mindful_desktop.db.sqlite import BUSY_MS, apply_pragmas, make_private
from mindful_desktop.domain.text import clean_value


def create_db_engine(db_path: Path, busy_ms: int = BUSY_MS) -> Engine:
    from mindful_desktop.db.cipher import connect, key_for, sqlcipher

    make_private(db_path)
    # Connections come from the one door (db/cipher.py), which sets the key first on a
    # protected journal: the engine's URL never holds it. SQLAlchemy is told which driver
    # made them, so it recognises that driver's errors.
    module = sqlcipher() if key_for(db_path) is not None else sqlite3
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(db_path, check_same_thread=False),
        module=module,
        # The URL names no file, so SQLAlchemy would pick the one-connection pool it uses
        # for in-memory databases; a file journal takes the usual pool of connections.
        poolclass=QueuePool,
        future=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy's pysqlite recipe: let us emit BEGIN ourselves so DDL is transactional.
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection, busy_ms)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean_text(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> tuple[str, Any]:
        # Every value written goes through here: half a character (a lone surrogate from a
        # bad paste) is replaced instead of making sqlite3 refuse the whole save.
        return statement, clean_value(parameters)

    return engine


# Columns whose words a person deletes by emptying them (a practice note, a reflection).
TEXT_COLUMNS = ("note", "body", "title", "agreed")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)

    @event.listens_for(factory, "before_flush")
    def _note_deletions(session: Session, _context: Any, _instances: Any) -> None:
        """Mark a unit of work that deletes words, so `Database.session` wipes them after."""
        if session.deleted or any(_emptied(obj) for obj in session.dirty):
            session.info["deletes_words"] = True

    return factory


def _emptied(obj: object) -> bool:
    """Whether a text column of `obj` was emptied (a note or reflection deleted). Only then:
    an edit that merely shortens text is an autosave on every pause in typing, too often to
    rewrite the search index for."""
    from sqlalchemy import inspect

    state = inspect(obj)
    for name in TEXT_COLUMNS:
        if name in state.attrs:
            history = state.attrs[name].history
            if any(history.deleted or ()) and not any(history.added or ()):
                return True
    return False
