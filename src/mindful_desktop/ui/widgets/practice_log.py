"""The practice log: every session, practice done elsewhere, edit, delete with Undo."""

from __future__ import annotations

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
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate
from mindful_desktop.ui.widgets.undo_bar import UndoBar


class LogPanel(QWidget):
    def __init__(self, practice: PracticeService) -> None:
        super().__init__()
        self._practice = practice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
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
        practice.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        rows = []
        for s in self._practice.sessions(limit=500):
            minutes = max(1, round(s.minutes))
            how = {"manual": "added by hand", "timer": "silent timer"}.get(s.kind, "")
            state = "" if s.completed or s.kind == "manual" else "stopped part-way"
            parts = [f"{s.day:%a %d %b}", f"{minutes} min"] + [p for p in (how, state) if p]
            detail = s.title + (f" — “{s.note}”" if s.note else "")
            rows.append(Row(" · ".join(parts), s.id, detail=detail))
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
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
