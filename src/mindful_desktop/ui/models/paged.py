"""A list model that pages from SQL as the view scrolls (canFetchMore / fetchMore), and takes
a saved or removed row in place, so a save never resets the list."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)

from mindful_desktop.ui.models.rows import Row, RowsModel, row_data

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

PAGE_SIZE = 200
# The two-line lists (practice log, check-ins, results) show ~15 rows at 1920x1080: a page of
# a few screenfuls makes their first build cost the same in year ten as in week one (the view
# fetches the next page as it nears the end).
ROWS_PAGE_SIZE = 60


class PagedModel(QAbstractListModel, Generic[T]):
    """Items newest first. `fetch(last, limit)` returns the page after `last` (None: the
    first page); fewer than `limit` items means the oldest has been reached. `key` names an
    item (its row), `order` places it (larger is newer). Subclasses answer `data`."""

    def __init__(
        self,
        fetch: Callable[[T | None, int], list[T]],
        key: Callable[[T], Hashable],
        order: Callable[[T], Any],
        parent: Any = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._key = key
        self._order = order
        self.page_size = page_size
        self._items: list[T] = []
        self._complete = True  # nothing more to fetch until reload()

    # --- loading ----------------------------------------------------------------------------

    def set_fetch(self, fetch: Callable[[T | None, int], list[T]]) -> None:
        self._fetch = fetch

    def reload(self) -> None:
        """The first page again (after a change made elsewhere, or a new search)."""
        first = self._fetch(None, self.page_size)
        self.beginResetModel()
        self._items = list(first)
        self._complete = len(first) < self.page_size
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._complete:
            return
        more = self._fetch(self._items[-1] if self._items else None, self.page_size)
        self._complete = len(more) < self.page_size
        if more:
            start = len(self._items)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._items += more
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # --- one row at a time ------------------------------------------------------------------

    def upsert(self, item: T) -> int:
        """A saved item, in place: changed where it stands, moved if its order changed,
        inserted where it belongs. Returns its row, or -1 when it belongs past the pages
        loaded so far (scrolling will fetch it)."""
        row = self.row_of(self._key(item))
        if row >= 0 and self._fits_at(row, item):
            self._items[row] = item
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
            return row
        if row >= 0:
            self.remove(self._key(item))
        place = next(
            (n for n, other in enumerate(self._items) if self._order(other) < self._order(item)),
            len(self._items),
        )
        if place == len(self._items) and not self._complete:
            return -1
        self.beginInsertRows(QModelIndex(), place, place)
        self._items.insert(place, item)
        self.endInsertRows()
        return place

    def _fits_at(self, row: int, item: T) -> bool:
        newer = self._items[row - 1] if row > 0 else None
        older = self._items[row + 1] if row + 1 < len(self._items) else None
        order = self._order(item)
        return (newer is None or self._order(newer) > order) and (
            older is None or self._order(older) < order
        )

    def remove(self, key: Hashable) -> bool:
        row = self.row_of(key)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()
        return True

    def follow(
        self,
        saved: SignalInstance,
        removed: SignalInstance,
        changed: SignalInstance,
        after: Callable[[], None],
        reload: Callable[[], None],
    ) -> None:
        """Keep up with a service: a saved view is put in place and a removed id taken out
        (then `after` runs); a `changed` without either (something else altered) calls
        `reload`, the owner's refresh, which explains a failure."""
        handled = [False]

        def one(put: Callable[[Any], object]) -> Callable[[Any], None]:
            def apply(value: Any) -> None:
                handled[0] = True
                put(value)
                after()

            return apply

        def other() -> None:
            if not handled[0]:
                reload()
            handled[0] = False

        saved.connect(one(self.upsert))
        removed.connect(one(self.remove))
        changed.connect(other)

    # --- reading ----------------------------------------------------------------------------

    def items(self) -> list[T]:
        return list(self._items)

    def item(self, row: int) -> T | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key: Hashable | None) -> int:
        if key is None:
            return -1
        return next((n for n, i in enumerate(self._items) if self._key(i) == key), -1)

    def complete(self) -> bool:
        return self._complete

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)


class PagedRowsModel(PagedModel[T]):
    """A paged list of views shown as `Row`s (for the two-line delegate); each view's `id` is
    its key and its payload."""

    def __init__(
        self,
        fetch: Callable[[T | None, int], list[T]],
        order: Callable[[T], Any],
        to_row: Callable[[T], Row],
        parent: Any = None,
        page_size: int = ROWS_PAGE_SIZE,
    ) -> None:
        super().__init__(fetch, lambda v: v.id, order, parent, page_size)  # type: ignore[attr-defined]
        self._to_row = to_row
        self._rows: dict[Hashable, Row] = {}

    def reload(self) -> None:
        self._rows.clear()
        super().reload()

    def upsert(self, item: T) -> int:
        self._rows.pop(self._key(item), None)
        return super().upsert(item)

    def row(self, item: T) -> Row:
        key = self._key(item)
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = self._to_row(item)
        return row

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == RowsModel.PayloadRole:
            return self._key(item)
        return row_data(self.row(item), role)
