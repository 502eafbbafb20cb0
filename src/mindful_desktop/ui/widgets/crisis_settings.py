"""Settings card for the crisis screen: which country's lines, and the user's own people."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.crisis_lines import Line
from mindful_desktop.errors import KnownError
from mindful_desktop.services.crisis import ContactView, CrisisService
from mindful_desktop.ui.dialogs.frame import crisis_button
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import Card, label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate


class ContactDialog(QDialog):
    """A person's own contact, or (`correcting`) their version of a bundled helpline: it is
    shown first and instead of the bundled one, and app updates leave it as it is."""

    def __init__(
        self,
        crisis: CrisisService,
        existing: ContactView | None = None,
        parent: QWidget | None = None,
        correcting: Line | None = None,
    ) -> None:
        super().__init__(parent)
        self._crisis = crisis
        self._existing = existing
        self._replaces = correcting.key if correcting else (existing.replaces if existing else "")
        if correcting is not None:
            self.setWindowTitle(f"Correct {correcting.name}")
        else:
            self.setWindowTitle("Edit contact" if existing else "Add a contact")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        form = QFormLayout()
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setPlaceholderText("e.g. Dr Okafor, or my sister Ana")
        self.phone = QLineEdit(existing.phone if existing else "")
        self.phone.setPlaceholderText("Phone number (optional)")
        self.note = QLineEdit(existing.note if existing else "")
        self.note.setPlaceholderText("e.g. weekdays 9–5; say it's urgent")
        if correcting is not None:
            self.name.setText(correcting.name)
            self.phone.setText(correcting.number)
            layout.addWidget(
                label(
                    "Change what is wrong, or add what you know (a local branch, the hours). "
                    "Your version is shown first, in place of this one, and stays yours when "
                    "the app is updated.",
                    "Muted",
                )
            )
        form.addRow("Name", self.name)
        form.addRow("Phone", self.phone)
        form.addRow("Note", self.note)
        layout.addLayout(form)
        self.error = label("", "Error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            if self._existing is None:
                self._crisis.add_contact(
                    self.name.text(), self.phone.text(), self.note.text(), self._replaces
                )
            else:
                self._crisis.update_contact(
                    self._existing.id, self.name.text(), self.phone.text(), self.note.text()
                )
        except KnownError as exc:
            self.error.setText(exc.message)  # what was typed stays
            return
        self.accept()


class CrisisSettingsCard(Card):
    def __init__(self, crisis: CrisisService) -> None:
        super().__init__("Crisis support")
        self._crisis = crisis
        self.body.addWidget(
            label(
                "The crisis screen (Help → Crisis support, or the link at the bottom of the "
                "sidebar) lists your own people first, then helplines for your country.",
                "Muted",
            )
        )
        row = QHBoxLayout()
        row.addWidget(label("Country", wrap=False))
        self.country = QComboBox()
        self.country.setAccessibleName("Country for helplines")
        self.country.addItem("Not chosen, or not listed", "")
        for code, name in crisis.countries():
            self.country.addItem(name, code)
        self.country.setCurrentIndex(max(0, self.country.findData(crisis.country() or "")))
        self.country.setMaximumWidth(320)
        self.country.currentIndexChanged.connect(self._country_changed)
        row.addWidget(self.country)
        row.addStretch(1)
        self.body.addLayout(row)
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Your crisis contacts")
        self.list.setMaximumHeight(170)
        self.body.addWidget(self.list)
        self.empty = label(
            "No contacts yet: add a therapist, a doctor or someone you trust.", "Muted"
        )
        self.body.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add a contact…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        correct = QHBoxLayout()
        self.correct_button = QPushButton("Correct a helpline…")
        self.correct_button.setToolTip(
            "If a number for your country is wrong or has changed, put in the right one"
        )
        self.correct_menu = QMenu(self.correct_button)
        self.correct_button.setMenu(self.correct_menu)
        correct.addWidget(self.correct_button)
        correct.addStretch(1)
        self.body.addLayout(correct)
        self.status = label("", "Muted")
        self.body.addWidget(self.status)
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(lambda: self._open(self._selected()))
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.list.selectionModel().selectionChanged.connect(self._selection)
        crisis.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        contacts = self._crisis.contacts()
        self.model.set_rows(
            [
                Row(
                    c.phone or "no phone number",
                    c.id,
                    detail=c.name
                    + (f" — {c.note}" if c.note else "")
                    + (" (your correction of a helpline)" if c.replaces else ""),
                )
                for c in contacts
            ]
        )
        self.list.setVisible(bool(contacts))
        self.empty.setVisible(not contacts)
        self.country.blockSignals(True)
        self.country.setCurrentIndex(max(0, self.country.findData(self._crisis.country() or "")))
        self.country.blockSignals(False)
        self.correct_menu.clear()
        corrected = {c.replaces for c in contacts}
        for line in self._crisis.lines():
            if line.key in corrected:
                continue
            action = self.correct_menu.addAction(f"{line.name}: {line.number}")
            action.triggered.connect(lambda _=False, line=line: self.correct(line))
        self.correct_button.setEnabled(not self.correct_menu.isEmpty())
        self._selection()

    def correct(self, line: Line) -> ContactDialog:
        dialog = ContactDialog(self._crisis, None, self, correcting=line)
        dialog.open()
        return dialog

    def _move(self, step: int) -> None:
        contact = self._selected()
        if contact is None:
            return
        try:
            self._crisis.move_contact(contact.id, step)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        row = self.model.row_of(contact.id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _selected(self) -> ContactView | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        contact_id = self.model.data(index, RowsModel.PayloadRole)
        return next((c for c in self._crisis.contacts() if c.id == contact_id), None)

    def _selection(self, *_args: object) -> None:
        chosen = self._selected()
        rows = self.model.rowCount()
        current = self.list.currentIndex().row() if chosen is not None else -1
        self.edit_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        self.up_button.setEnabled(current > 0)
        self.down_button.setEnabled(0 <= current < rows - 1)

    def _open(self, existing: ContactView | None) -> ContactDialog:
        dialog = ContactDialog(self._crisis, existing, self)
        dialog.open()
        return dialog

    def _remove(self) -> None:
        contact = self._selected()
        if contact is None:
            return
        try:
            self._crisis.remove_contact(contact.id)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(f"Removed {contact.name}.")

    def _country_changed(self, _index: int) -> None:
        try:
            self._crisis.set_country(str(self.country.currentData()))
        except KnownError as exc:
            self.status.setText(exc.message)
