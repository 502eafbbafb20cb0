"""Plain sqlite3: the house pragmas and private files, with no SQLAlchemy import (start-up path)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
)

# How long a statement waits for another program's lock on the journal before giving up.
# A command can wait; the window can't: on its thread a wait is a frozen window, so it
# gives up soon, says so, and tries again (see docs/architecture.md, "A busy journal").
BUSY_MS = 5000
WINDOW_BUSY_MS = 250


def make_private(path: Path) -> None:
    """Create `path` if missing and make it readable by its owner only (0600)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def apply_pragmas(conn: sqlite3.Connection, busy_ms: int = BUSY_MS) -> None:
    cursor = conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def open_reader(db_path: Path, busy_ms: int = BUSY_MS) -> sqlite3.Connection:
    """A connection for reads only (`query_only`), autocommit, so each query sees the latest
    committed state of the journal. Rows come back as `sqlite3.Row`."""
    from mindful_desktop.db.cipher import connect, row_type

    conn = connect(db_path, isolation_level=None)
    try:
        apply_pragmas(conn, busy_ms)
        conn.execute("PRAGMA query_only=ON")
    except BaseException:
        conn.close()
        raise
    conn.row_factory = row_type(conn)
    return conn
