"""A worksheet, rendered from its definition; every change is saved as you type."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.content import WorksheetField
from mindful_desktop.errors import KnownError
from mindful_desktop.services.worksheets import EntryView, WorksheetService
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.navigator import Navigator
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.save_retry import SaveRetry
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

if TYPE_CHECKING:
    from mindful_desktop.services.crisis import CrisisService

SAVE_DELAY_MS = 600
HELPED_BOX_HEIGHT = 112  # a field with a help line: about five lines of text


class WorksheetDialog(QDialog):
    def __init__(
        self,
        service: WorksheetService,
        worksheet_id: str,
        parent: QWidget | None = None,
        crisis: CrisisService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._crisis = crisis  # for fields that show the crisis contacts or helplines
        self.sheet = service.definition(worksheet_id)
        self._entry_id: int | None = None
        self._loading = False
        self._dirty = False
        self.setWindowTitle(self.sheet.title)
        fit_to_window(self, QSize(860, 680))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 18)
        outer.setSpacing(12)
        outer.addWidget(label(self.sheet.title, "PageTitle"))
        outer.addWidget(label(self.sheet.intro, "Muted"))
        self.see_also = self._see_also()
        if self.see_also is not None:
            outer.addLayout(self.see_also)

        body = QHBoxLayout()
        body.setSpacing(18)
        self.calendar = self.sheet.kind == "calendar"
        self.model = RowsModel(self)
        if self.calendar:
            side = QVBoxLayout()
            side.addWidget(label("Your entries", "CardTitle"))
            self.list = QListView()
            self.list.setModel(self.model)
            self.list.setItemDelegate(TwoLineDelegate(self.list))
            self.list.setObjectName("LessonList")
            self.list.setMinimumWidth(230)
            self.list.setMaximumWidth(280)
            self.list.setAccessibleName("Your entries")
            self.list.clicked.connect(
                lambda index: self._open(self.model.data(index, RowsModel.PayloadRole))
            )
            side.addWidget(self.list, 1)
            self.new_button = QPushButton("New entry")
            self.new_button.clicked.connect(self.new_entry)
            side.addWidget(self.new_button)
            body.addLayout(side)

        form_host = QWidget()
        self.form = QFormLayout(form_host)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setVerticalSpacing(6)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setMaximumWidth(220)
        if self.calendar:
            self.form.addRow("Day", self.date_edit)
            self.date_edit.dateChanged.connect(self._changed)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        for field in self.sheet.fields:
            editor: QLineEdit | QPlainTextEdit
            if field.kind == "line":
                editor = QLineEdit()
                editor.textChanged.connect(self._changed)
            else:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setMinimumHeight(200 if len(self.sheet.fields) == 1 else 70)
                editor.textChanged.connect(self._changed)
            editor.setPlaceholderText(field.placeholder)
            editor.setAccessibleName(field.label)
            editor.setAccessibleDescription(field.help)
            self.editors[field.id] = editor
            self.form.addRow(field.label, self._with_help(field, editor))
        body.addWidget(vertical_scroll(form_host, self.windowTitle()), 1)
        outer.addLayout(body, 1)

        footer = QHBoxLayout()
        self.status = label("", "Muted")
        footer.addWidget(crisis_button(self))
        footer.addWidget(self.status, 1)
        if self.calendar:
            self.delete_button = QPushButton("Delete this entry")
            self.delete_button.clicked.connect(self.delete_entry)
            footer.addWidget(self.delete_button)
        self.close_button = QPushButton("Done")
        self.close_button.setObjectName("Primary")
        self.close_button.clicked.connect(self.close)
        footer.addWidget(self.close_button)
        outer.addLayout(footer)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._retry = SaveRetry(self.save_now, self)

        if self.calendar:
            self._refresh_list()
            self.new_entry()
        else:
            self._show(service.document(self.sheet.id))
            next(iter(self.editors.values())).setFocus()  # not the link above the boxes

    def _see_also(self) -> QHBoxLayout | None:
        """Buttons to the worksheets this one points to (the action plan to the safety plan),
        opened above this dialog."""
        nav = Navigator.of(self)
        if nav is None or not self.sheet.see_also:
            return None
        row = QHBoxLayout()
        for link in self.sheet.see_also:
            button = QPushButton(link.button)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, w=link.worksheet: self._open_other(nav, w))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _open_other(self, nav: Navigator, worksheet_id: str) -> None:
        self.save_now()
        nav.open_worksheet(worksheet_id)

    def _with_help(self, field: WorksheetField, editor: QWidget) -> QWidget:
        """The box, with its help sentence above it and what the app knows below it."""
        panel = None
        if field.shows and self._crisis is not None and isinstance(editor, QPlainTextEdit):
            from mindful_desktop.ui.widgets.safety_links import panel_for

            panel = panel_for(field.shows, self._crisis, editor)
        if not field.help and panel is None:
            return editor
        # A wrapped help line makes the form lay out by height-for-width, which gives every
        # box its full size hint (about ten lines): a few lines each keeps the plan readable.
        editor.setMaximumHeight(max(editor.minimumHeight(), HELPED_BOX_HEIGHT))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(6)
        if field.help:
            column.addWidget(label(field.help, "Muted"))
        column.addWidget(editor)
        if panel is not None:
            column.addWidget(panel)
        return holder

    # --- loading and showing --------------------------------------------------------------

    def _refresh_list(self) -> None:
        rows = []
        for entry in self._service.entries(self.sheet.id):
            first = next((v for v in entry.fields.values() if v.strip()), "")
            first = first.splitlines()[0][:80] if first else "(empty)"
            rows.append(Row(f"{entry.day:%A %d %B}", entry.id, detail=first))
        self.model.set_rows(rows)
        if self._entry_id is not None and self.calendar:
            row = self.model.row_of(self._entry_id)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row, 0))

    def _show(self, entry: EntryView | None) -> None:
        self._loading = True
        self._entry_id = None if entry is None else entry.id
        day = entry.day if entry else dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        for field_id, editor in self.editors.items():
            value = entry.fields.get(field_id, "") if entry else ""
            if isinstance(editor, QLineEdit):
                editor.setText(value)
            else:
                editor.setPlainText(value)
        self._loading = False
        self._dirty = False
        if entry is not None:
            self.status.setText(f"Saved · last changed {entry.updated:%d %B, %H:%M}")
        else:
            self.status.setText("Your words are saved as you type.")
        if self.calendar:
            self.delete_button.setEnabled(entry is not None)

    def _open(self, entry_id: int) -> None:
        self.save_now()
        entry = next((e for e in self._service.entries(self.sheet.id) if e.id == entry_id), None)
        self._show(entry)

    def new_entry(self) -> None:
        self.save_now()
        self._show(None)
        if self.calendar:
            self.list.clearSelection()
        first = next(iter(self.editors.values()))
        first.setFocus()

    # --- saving ---------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {
            fid: (e.text() if isinstance(e, QLineEdit) else e.toPlainText())
            for fid, e in self.editors.items()
        }

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status.setText("Saving…")
        self._timer.start()

    def save_now(self) -> bool:
        self._timer.stop()
        if not self._dirty:
            return True
        values = self.values()
        if self._entry_id is None and not any(v.strip() for v in values.values()):
            self._dirty = False
            return True  # nothing written yet: no empty entry
        qd = self.date_edit.date()
        day = dt.date(qd.year(), qd.month(), qd.day()) if self.calendar else None
        try:
            entry = self._service.save(self.sheet.id, values, self._entry_id, day)
        except KnownError as exc:
            self.status.setText(self._retry.failed(exc))  # the words stay in the boxes
            self.status.setObjectName("Error")
            return False
        self._retry.saved()
        self._entry_id = entry.id
        self._dirty = False
        self.status.setObjectName("Muted")
        self.status.setText(f"Saved at {entry.updated:%H:%M}")
        if self.calendar:
            self._refresh_list()
            self.delete_button.setEnabled(True)
        return True

    def delete_entry(self) -> None:
        if self._entry_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this entry?",
            "This entry will be removed from your worksheet. This can't be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._timer.stop()
        self._dirty = False
        try:
            self._service.delete(self._entry_id)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self._entry_id = None
        self._refresh_list()
        self._show(None)
        self.status.setText("Entry deleted.")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.save_now():
            answer = QMessageBox.warning(
                self,
                "Your changes aren't saved",
                f"{self.status.text()}\n\nClose anyway and lose the unsaved changes?",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        # Escape and Done both come here; save first.
        if self.save_now():
            super().done(result)
