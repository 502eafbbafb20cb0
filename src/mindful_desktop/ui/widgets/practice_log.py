"""The practice log: every session (paged as it scrolls), practice done elsewhere, edit, delete
with Undo. A save changes its row alone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.errors import KnownError
from mindful_desktop.services.practice import PracticeService, SessionView
from mindful_desktop.ui.dialogs.practice import ManualEntryDialog, SessionEditDialog
from mindful_desktop.ui.models.paged import PagedRowsModel
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate
from mindful_desktop.ui.widgets.undo_bar import UndoBar


def _row(s: SessionView) -> Row:
    minutes = max(1, round(s.minutes))
    how = {"manual": "added by hand", "timer": "silent timer"}.get(s.kind, "")
    state = "" if s.completed or s.kind == "manual" else "stopped part-way"
    year = "%a %d %b" if s.day.year == dt.date.today().year else "%a %d %b %Y"
    parts = [f"{s.day:{year}}", f"{minutes} min"] + [p for p in (how, state) if p]
    detail = s.title + (f" — “{s.note}”" if s.note else "")
    return Row(" · ".join(parts), s.id, detail=detail)


class LogPanel(QWidget):
    def __init__(self, practice: PracticeService) -> None:
        super().__init__()
        self._practice = practice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.model: PagedRowsModel[SessionView] = PagedRowsModel(
            lambda last, limit: practice.sessions(limit, before=last),
            lambda s: (s.day, s.started, s.id),
            _row,
            self,
        )
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list, one_line_each=True))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Practice log")
        self.list.setMinimumHeight(180)
        layout.addWidget(self.list, 1)
        self.empty = label(
            "Nothing logged yet. Practices you finish here appear in this list.", "Muted"
        )
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add practice done elsewhere…")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setAccessibleName("Edit the selected practice")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete the selected practice")
        row.addWidget(self.add_button)
        row.addStretch(1)
        for button in (self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.undo_bar = UndoBar()
        layout.addWidget(self.undo_bar)
        self.status = label("", "Muted")
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_manual)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.selectionModel().selectionChanged.connect(self._selection)
        # A recording renamed or removed changes titles: `changed` alone reloads.
        self.model.follow(
            practice.saved, practice.removed, practice.changed, self._after_change, self.refresh
        )
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.reload()
        except KnownError as exc:
            self.status.setText(exc.message)
        self._after_change()

    def _after_change(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        self._selection()

    def _selected(self) -> SessionView | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        return self._practice.session(self.model.data(index, RowsModel.PayloadRole))

    def _selection(self, *_args: object) -> None:
        selected = self._selected()
        self.edit_button.setEnabled(selected is not None)
        self.delete_button.setEnabled(selected is not None)

    def add_manual(self) -> None:
        self.undo_bar.dismiss()
        dialog = ManualEntryDialog(self._practice, self._practice.today(), parent=self)
        dialog.open()

    def edit_selected(self) -> QDialog | None:
        """A session added by hand is edited fully; one the app logged, in what it can't know."""
        selected = self._selected()
        if selected is None:
            return None
        self.undo_bar.dismiss()
        dialog: QDialog
        if selected.kind == "manual":
            dialog = ManualEntryDialog(
                self._practice, self._practice.today(), selected, parent=self
            )
        else:
            dialog = SessionEditDialog(self._practice, selected, parent=self)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        self.status.setText("")
        try:
            deleted = self._practice.delete(selected.id)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        if deleted is not None:
            self.undo_bar.offer(
                f"{deleted.label} deleted.", lambda: self._practice.restore(deleted)
            )
