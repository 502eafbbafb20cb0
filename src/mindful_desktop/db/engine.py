"""Engine factory: the house SQLite pragmas on every connection, transactional DDL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from mindful_desktop.db.sqlite import apply_pragmas, make_private
from mindful_desktop.domain.text import clean_value


def create_db_engine(db_path: Path) -> Engine:
    make_private(db_path)
    engine = create_engine(f"sqlite:///{db_path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy's pysqlite recipe: let us emit BEGIN ourselves so DDL is transactional.
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

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


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
