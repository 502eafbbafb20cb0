"""Plain sqlite3: the house pragmas and private files, with no SQLAlchemy import (start-up path)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
)


def make_private(path: Path) -> None:
    """Create `path` if missing and make it readable by its owner only (0600)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    cursor = conn.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def open_reader(db_path: Path) -> sqlite3.Connection:
    """A connection for reads only (`query_only`), autocommit, so each query sees the latest
    committed state of the journal. Rows come back as `sqlite3.Row`."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        apply_pragmas(conn)
        conn.execute("PRAGMA query_only=ON")
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn
