"""Journal: everything written in the app on one timeline, a search, and a free-writing editor."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.errors import InvalidInputError, KnownError
from mindful_desktop.services.journal import (
    JOURNAL,
    JournalEntryView,
    JournalService,
    TimelineItem,
    first_line,
)
from mindful_desktop.services.worksheets import WorksheetService
from mindful_desktop.ui.models.timeline import Key, TimelineModel
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.journal_reader import ItemNames, JournalReader
from mindful_desktop.ui.widgets.rich_rows import RichRowDelegate
from mindful_desktop.ui.widgets.save_retry import SaveRetry
from mindful_desktop.ui.widgets.search_field import SearchField

SAVE_DELAY_MS = 700
SEARCH_DELAY_MS = 250


class JournalPage(QWidget):
    openWorksheetRequested = Signal(str)  # worksheet id
    openLessonRequested = Signal(str)  # lesson slug
    openPageRequested = Signal(str)  # a page's key (medication notes are changed on theirs)

    def __init__(
        self,
        journal: JournalService,
        worksheets: WorksheetService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self.names = ItemNames(journal.today, worksheets)
        self._current: TimelineItem | None = None  # what the right side shows
        self._entry: JournalEntryView | None = None  # the journal entry being edited, if saved
        self._dirty = False
        self._syncing = False  # selection changes made by code, not by the person
        self._undo: JournalEntryView | None = None
        self._stale = False  # changed elsewhere while hidden: refreshed on the next show
        self._saving = False  # this page's own save: its row is updated in place

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_side())
        layout.addWidget(self._build_main(), 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._retry = SaveRetry(self.save_now, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)

        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.search.escaped.connect(self.clear_search)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.new_button.clicked.connect(self.new_entry)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.title_edit.textChanged.connect(self._edited)
        self.body_edit.textChanged.connect(self._edited)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo_delete)
        self.reader.openWorksheetRequested.connect(self.openWorksheetRequested)
        self.reader.openLessonRequested.connect(self.openLessonRequested)
        self.reader.openPageRequested.connect(self.openPageRequested)
        journal.changed.connect(self._journal_changed)
        if worksheets is not None:
            worksheets.changed.connect(self.mark_stale)

        self.refresh()
        self._show_new()

    # --- building -------------------------------------------------------------------------

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setFixedWidth(300)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(28, 32, 12, 20)
        side_layout.setSpacing(10)
        side_layout.addWidget(label("Journal", "PageTitle"))
        side_layout.addWidget(label("Everything you have written here, newest first.", "Muted"))
        self.search = SearchField()
        self.search.setPlaceholderText("Search your journal")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search your journal")
        side_layout.addWidget(self.search)
        self.new_button = QPushButton("New entry")
        self.new_button.setObjectName("Primary")
        side_layout.addWidget(self.new_button)
        self.list_note = label("", "Muted")
        side_layout.addWidget(self.list_note)
        self.model = TimelineModel(self.names.describe, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("LessonList")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSpacing(2)
        self.list.setItemDelegate(RichRowDelegate(self.list))
        self.list.setAccessibleName("Journal timeline")
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        side_layout.addWidget(self.list, 1)
        return side

    def _build_main(self) -> QWidget:
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(28, 32, 36, 24)
        column = QWidget()
        column.setMaximumWidth(760)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(12)
        holder_layout.addWidget(column, 100)
        holder_layout.addStretch(1)

        self.stack = QStackedWidget()
        column_layout.addWidget(self.stack, 1)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(10)
        self.editor_header = label("", "Muted")
        editor_layout.addWidget(self.editor_header)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional)")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setMaxLength(300)
        big = QFont(self.title_edit.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setWeight(QFont.Weight.DemiBold)
        self.title_edit.setFont(big)
        editor_layout.addWidget(self.title_edit)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(
            "Write whatever is here for you today: a moment you noticed, a thought, a feeling. "
            "There is no right way to do it. It is saved as you type."
        )
        self.body_edit.setAccessibleName("Entry")
        self.body_edit.setTabChangesFocus(True)
        editor_layout.addWidget(self.body_edit, 1)
        self.stack.addWidget(editor)

        self.reader = JournalReader(self.names)
        self.stack.addWidget(self.reader)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.status = label("", "Muted")
        self.undo_button = QPushButton("Undo delete")
        self.undo_button.hide()
        self.delete_button = QPushButton("Delete entry")
        actions.addWidget(self.status, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.delete_button)
        column_layout.addLayout(actions)
        return holder

    # --- the list -------------------------------------------------------------------------

    def searching(self) -> bool:
        return bool(self.search.text().strip())

    def mark_stale(self, *_args: object) -> None:
        """Something shown here changed elsewhere: refresh now if on screen, else when shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _journal_changed(self) -> None:
        if not self._saving:  # an undo, a restore: anything but this page's own autosave
            self.mark_stale()

    def _fetch(self, last: TimelineItem | None, limit: int) -> list[TimelineItem]:
        """One page of the timeline or of the results, after `last`; scrolling asks for more."""
        try:
            if self.searching():
                return self._journal.search(self.search.text(), limit, before=last)
            return self._journal.timeline(limit, before=last)
        except KnownError as exc:
            self.list_note.setText(exc.message)
            self.list_note.show()
            return []

    def refresh(self) -> None:
        self._search_timer.stop()
        self._stale = False
        query = self.search.text()
        self.list_note.hide()
        self._syncing = True
        try:
            self.model.set_fetch(self._fetch)
            # The timeline's rows are all one height (a scroll through years lays out in
            # constant time per row); search results vary with their excerpts.
            self.list.setUniformItemSizes(not self.searching())
            self.model.reload()
            self._select(self._current.key if self._current else None)
        finally:
            self._syncing = False
        if self.list_note.isVisible():
            return  # the error from _fetch stays on screen
        count = self.model.rowCount()
        if self.searching():
            shown = query.strip()
            if not count:
                note = f"Nothing matches “{shown}”. Try a shorter word, or fewer words."
            elif self.model.complete():
                note = f"{count} {'entry matches' if count == 1 else 'entries match'}."
            else:
                note = f"More than {count} entries match, newest first: scroll for more."
        elif not count:
            note = (
                "Your journal is empty for now. Press “New entry” to write, or answer a "
                "reflection in a lesson: everything you write shows up here."
            )
        else:
            note = ""
        self.list_note.setText(note)
        self.list_note.setVisible(bool(note))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()
        self.refresh()

    def _select(self, key: Key | None) -> None:
        was = self._syncing
        self._syncing = True
        try:
            row = self.model.row_of(key)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row, 0))
            else:
                self.list.selectionModel().clearSelection()
                self.list.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        finally:
            self._syncing = was

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        item = self.model.item(current.row()) if current.isValid() else None
        if item is None or (self._current is not None and item.key == self._current.key):
            return
        if not self.save_now():  # keep what could not be saved on screen
            self._select(self._current.key if self._current else None)
            return
        self.show_item(item)

    # --- the right side -------------------------------------------------------------------

    def show_item(self, item: TimelineItem) -> None:
        if item.kind == JOURNAL:
            try:
                entry = self._journal.entry(item.id)
            except KnownError as exc:
                self._set_status(exc.message, error=True)
                return
            if entry is not None:
                self._show_entry(entry)
            return
        self._current = item
        self._entry = None
        self.reader.show_item(item)
        self.stack.setCurrentIndex(1)
        self.delete_button.hide()
        self._select(item.key)

    def _show_entry(self, entry: JournalEntryView) -> None:
        self._entry = entry
        self._current = TimelineItem(
            JOURNAL, entry.id, entry.day, entry.created, entry.title, entry.body
        )
        self._load_editor(entry.title, entry.body)
        written = f"Written {entry.created:%A %d %B %Y, %H:%M}"
        if entry.updated - entry.created > dt.timedelta(minutes=1):
            written += f" · last changed {entry.updated:%d %B, %H:%M}"
        self.editor_header.setText(written)
        self.delete_button.show()
        self._select(self._current.key)

    def _show_new(self) -> None:
        self._entry = None
        self._current = None
        self._load_editor("", "")
        self.editor_header.setText(f"New entry · {self._journal.today():%A %d %B %Y}")
        self.delete_button.hide()
        self._select(None)

    def _load_editor(self, title: str, body: str) -> None:
        self._save_timer.stop()
        self._dirty = False
        for box in (self.title_edit, self.body_edit):
            box.blockSignals(True)
        self.title_edit.setText(title)
        self.body_edit.setPlainText(body)
        for box in (self.title_edit, self.body_edit):
            box.blockSignals(False)
        self.stack.setCurrentIndex(0)
        self._set_status("")

    def _set_status(self, text: str, error: bool = False) -> None:
        name = "Error" if error else "Muted"
        if self.status.objectName() != name:
            self.status.setObjectName(name)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.status.setText(text)

    def _put_row(self, item: TimelineItem) -> None:
        """The saved entry's row, changed in place (no reload): in a search it stays as found
        until the next search, in the timeline it is updated or inserted where it belongs."""
        if self.searching():
            row = self.model.row_of(item.key)
            if row >= 0:
                found = self.model.item(row)
                snippet = found.snippet if found is not None else ""
                self.model.upsert(dataclasses.replace(item, snippet=snippet))
            return
        was = self._syncing
        self._syncing = True
        try:
            self.model.upsert(item)
        finally:
            self._syncing = was
        if self.model.rowCount() and self.list_note.text().startswith("Your journal is empty"):
            self.list_note.hide()

    # --- writing --------------------------------------------------------------------------

    def new_entry(self) -> None:
        if not self.save_now():
            return
        self._show_new()
        self.body_edit.setFocus()

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self._save_timer.start()

    def save_now(self) -> bool:
        """Save what is typed; False when it couldn't be (it stays in the boxes)."""
        self._save_timer.stop()
        if not self._dirty:
            return True
        title, body = self.title_edit.text(), self.body_edit.toPlainText()
        self._saving = True
        try:
            if self._entry is None:
                if not body.strip():
                    if title.strip():
                        self._set_status("Write a few words below and the entry saves itself.")
                    return True  # nothing written yet, so nothing to lose
                entry = self._journal.create(body, title=title)
            else:
                entry = self._journal.update(self._entry.id, body, title=title)
        except InvalidInputError as exc:
            if self._entry is not None and not body.strip():
                self._set_status(
                    "An empty entry isn't saved, so your last words are kept. "
                    "To remove the entry, press “Delete entry”."
                )
                return True
            self._set_status(exc.message, error=True)
            return False
        except KnownError as exc:
            self._set_status(self._retry.failed(exc), error=True)
            return False
        finally:
            self._saving = False
        self._retry.saved()
        self._dirty = False
        created = self._entry is None
        self._entry = entry
        self._current = TimelineItem(
            JOURNAL, entry.id, entry.day, entry.created, entry.title, entry.body
        )
        self._put_row(self._current)
        if created:
            self.editor_header.setText(f"Written {entry.created:%A %d %B %Y, %H:%M}")
            self.delete_button.show()
            self._select(self._current.key)
        self._set_status("Saved in your journal.")
        return True

    def delete_current(self) -> None:
        if self._entry is None:
            return
        self.save_now()
        self._saving = True
        try:
            removed = self._journal.delete(self._entry.id)
        except KnownError as exc:
            self._set_status(exc.message, error=True)
            return
        finally:
            self._saving = False
        if removed is None:
            return
        self.model.remove((JOURNAL, removed.id))
        self._undo = removed
        self._show_new()
        name = removed.title or first_line(removed.body)
        short = name if len(name) <= 40 else name[:39] + "…"
        short = f"\u2068{short}\u2069"  # isolated, so right-to-left words keep their place
        self._set_status(
            f"Deleted “{short}” from {removed.day:%d %B}: its words are gone from your journal "
            "file. Backups made before now keep it until they age out (Settings → Backups)."
        )
        self.undo_button.setToolTip(f"Bring back “{short}”")
        self.undo_button.show()

    def undo_delete(self) -> None:
        if self._undo is None or not self.save_now():
            return
        self._saving = True
        try:
            restored = self._journal.restore(self._undo)
        except KnownError as exc:
            self._set_status(exc.message, error=True)
            return
        finally:
            self._saving = False
        self._undo = None
        self.undo_button.hide()
        self._put_row(
            TimelineItem(
                JOURNAL, restored.id, restored.day, restored.created, restored.title, restored.body
            )
        )
        self._show_entry(restored)
        self._set_status("Restored.")

    # --- leaving --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:  # reflections, practice and check-in notes are written elsewhere
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_now()
        super().hideEvent(event)
