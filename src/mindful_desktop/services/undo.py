"""Undo a delete: a deleted row is kept, every column as it was, so it can come back identical."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mindful_desktop.db.base import Base

RowT = TypeVar("RowT", bound="Base")


@dataclass(frozen=True)
class Deleted:
    """What a service's `delete` returns and its `restore` takes back."""

    label: str  # what was deleted, for the Undo bar: "Check-in of 4 March"
    columns: tuple[tuple[str, Any], ...]  # every column of the row, id and times included
    # Rows that went with it (a medication's changes), each put back after it.
    children: tuple[Deleted, ...] = ()

    @property
    def id(self) -> Any:
        return dict(self.columns)["id"]


def snapshot(row: Base, label: str, children: tuple[Deleted, ...] = ()) -> Deleted:
    columns = tuple((c.key, getattr(row, c.key)) for c in row.__mapper__.column_attrs)
    return Deleted(label, columns, children)


def put_back(session: Session, model: type[RowT], deleted: Deleted, **changes: Any) -> RowT:
    """Insert the row again with its own id; if that id has since been taken, with a new one.
    `changes` replace columns (a child's parent id, when the parent came back with a new id)."""
    values = dict(deleted.columns) | changes
    if session.get(model, values["id"]) is not None:
        del values["id"]
    row = model(**values)
    session.add(row)
    session.flush()
    return row
