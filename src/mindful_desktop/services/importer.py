"""Reading an export back into an empty journal (`mindful-desktop import FILE.json`). Qt-free.

Every export format version this app has written is read: version 1 kept the JSON columns as
strings, version 2 gives them as values. An export → import → export round trip gives the same
data. It all happens in one transaction: a file that doesn't import whole imports nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Table, delete
from sqlalchemy.exc import IntegrityError, StatementError

from mindful_desktop.db.base import Base
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import known_revisions
from mindful_desktop.domain.words import count
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services.data import (
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    JSON_COLUMNS,
    row_count,
)

# Preferences don't make a journal "not empty": a first start writes a few of them.
REPLACED_TABLES = frozenset({"setting"})


def read_export(path: Path) -> dict[str, Any]:
    """The parsed export at `path`, or a sentence saying why it can't be one."""
    path = path.expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInputError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder. Choose an export file (.json).") from None
    except PermissionError:
        raise InvalidInputError(f"{path} can't be read: permission denied.") from None
    except UnicodeDecodeError:
        raise InvalidInputError(f"{path.name} isn't a Mindful Desktop export (not text).") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise InvalidInputError(
            f"{path.name} isn't a Mindful Desktop export: it isn't complete JSON. If it was cut "
            "short (a full disk, a copy stopped halfway), export again from where it came from."
        ) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise InvalidInputError(f"{path.name} isn't a Mindful Desktop export.")
    version = data.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise InvalidInputError(f"{path.name} doesn't say which export version it is.")
    if version > EXPORT_FORMAT_VERSION:
        raise InvalidInputError(
            f"{path.name} was made by a newer version of Mindful Desktop (export version "
            f"{version}). Install that version to import it."
        )
    revision = data.get("schema_revision")
    if revision is not None and revision not in known_revisions():
        raise InvalidInputError(
            f"{path.name} was made by a newer version of Mindful Desktop (schema {revision}). "
            "Install that version to import it."
        )
    if not isinstance(data.get("tables"), dict):
        raise InvalidInputError(f"{path.name} has no tables in it.")
    return data


def entries_in(db: Database) -> int:
    """What an import won't mix with: every row but the settings (which an import replaces)."""
    return row_count(db, skip=REPLACED_TABLES)


def import_json(db: Database, path: Path) -> dict[str, int]:
    """Read the export at `path` into `db`, which must hold no entries yet. Rows per table."""
    return import_data(db, read_export(path))


def import_data(db: Database, data: dict[str, Any]) -> dict[str, int]:
    """Put an export read by `read_export` into `db`, which must hold no entries yet."""
    existing = entries_in(db)
    if existing:
        raise InvalidInputError(
            f"This journal already holds {count(existing, 'entry', 'entries')}, so nothing was "
            "imported: an import only fills an empty journal, so it never mixes or doubles "
            "entries. To replace this journal, back it up and restore instead, or import with "
            "--data-dir into a new folder."
        )
    version = data["format_version"]
    tables = {table.name: table for table in Base.metadata.sorted_tables}
    rows_by_table: dict[str, list[dict[str, Any]]] = {}
    for name, rows in data["tables"].items():
        if name not in tables:
            raise InvalidInputError(f"The export has a table this version doesn't know: {name}.")
        if not isinstance(rows, list):
            raise InvalidInputError(f"The export's {name} table isn't a list of rows.")
        rows_by_table[name] = [
            _row(tables[name], version, index, row) for index, row in enumerate(rows, 1)
        ]
    counts: dict[str, int] = {}
    with db.session() as session:
        for name in REPLACED_TABLES & rows_by_table.keys():
            session.execute(delete(tables[name]))
        for table in Base.metadata.sorted_tables:  # parents before children
            rows = rows_by_table.get(table.name, [])
            by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for row in rows:
                by_columns[tuple(sorted(row))].append(row)
            try:
                for group in by_columns.values():
                    session.execute(table.insert(), group)
            except (IntegrityError, StatementError) as exc:
                reason = str(getattr(exc, "orig", exc)).split("\n")[0]
                raise InvalidInputError(
                    f"The export's {table.name} rows don't fit the journal ({reason}). "
                    "Nothing was imported."
                ) from None
            counts[table.name] = len(rows)
    return counts


def _row(table: Table, version: int, index: int, row: Any) -> dict[str, Any]:
    where = f"row {index} of {table.name}"
    if not isinstance(row, dict):
        raise InvalidInputError(f"The export's {where} isn't a record.")
    values: dict[str, Any] = {}
    for key, value in row.items():
        if key not in table.columns:
            raise InvalidInputError(
                f"The export's {where} has a field this version doesn't know: {key}."
            )
        try:
            values[key] = _value(table, key, value, version)
        except (TypeError, ValueError):
            raise InvalidInputError(
                f"The export's {where} has a {key} that can't be read: {value!r:.60}."
            ) from None
    return values


def _value(table: Table, key: str, value: Any, version: int) -> Any:
    if (table.name, key) in JSON_COLUMNS:
        if version == 1:  # kept as JSON text; check that it is some
            if not isinstance(value, str):
                raise TypeError(key)
            json.loads(value)
            return value
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return None
    kind = table.columns[key].type
    if isinstance(kind, DateTime):
        if not isinstance(value, str):
            raise TypeError(key)
        instant = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if instant.tzinfo is not None:  # stored instants are naive UTC
            instant = instant.astimezone(dt.UTC).replace(tzinfo=None)
        return instant
    if isinstance(kind, Date):
        if not isinstance(value, str):
            raise TypeError(key)
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        if value not in (True, False, 0, 1):
            raise ValueError(key)
        return bool(value)
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(key)
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(key)
        return float(value)
    if not isinstance(value, str):
        raise TypeError(key)
    return value
