"""The crisis screen: the user's own people first, then the country's lines. Works offline."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.crisis import (
    CRISIS_ADD_CONTACTS,
    CRISIS_BACK_TO_QUESTIONNAIRE,
    CRISIS_CANNOT_CALL,
    CRISIS_EMERGENCY,
    CRISIS_LEAD,
    CRISIS_LEAD_ITEM9,
    CRISIS_PRIVACY,
    CRISIS_TITLE,
    NO_COUNTRY,
    ScreenEntry,
    checked_text,
    with_article,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.services.crisis import CrisisService
from mindful_desktop.ui.dialogs.frame import fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import Card, label


def entry_card(entry: ScreenEntry) -> Card:
    card = Card()
    card.body.setSpacing(4)
    card.body.setContentsMargins(18, 12, 18, 12)
    top = QHBoxLayout()
    name = label(entry.name, "CardTitle")
    top.addWidget(name, 1)
    if entry.number:
        number = label(f"{entry.how} {entry.number}".strip(), "CrisisNumber", wrap=False)
        number.setAccessibleName(f"{entry.name}: {entry.how} {entry.number}")
        top.addWidget(number)
    card.body.addLayout(top)
    if entry.about:
        card.body.addWidget(label(entry.about, "Muted"))
    if entry.hours:
        card.body.addWidget(label(entry.hours, "Muted"))
    if entry.checked is not None:
        checked = label(checked_text(entry.checked), "Muted")
        small = checked.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        checked.setFont(small)
        card.body.addWidget(checked)
    if entry.kind == "contact":
        card.setProperty("contact", True)
    return card


class CrisisDialog(QDialog):
    editContactsRequested = Signal()
    safetyPlanRequested = Signal()  # opened above this screen, which stays beneath it

    def __init__(
        self, crisis: CrisisService, from_questionnaire: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._crisis = crisis
        self.setWindowTitle("Crisis support")
        fit_to_window(self, QSize(720, 720))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        holder = QWidget()
        self.column = QVBoxLayout(holder)
        self.column.setContentsMargins(32, 26, 32, 16)
        self.column.setSpacing(12)
        self.column.addWidget(label(CRISIS_TITLE, "PageTitle"))
        self.column.addWidget(label(CRISIS_LEAD_ITEM9 if from_questionnaire else CRISIS_LEAD))
        self.column.addWidget(label(CRISIS_EMERGENCY, "Status"))
        self.column.addWidget(label(f"{CRISIS_PRIVACY} {CRISIS_CANNOT_CALL}", "Muted"))
        # The country the numbers are for, with the way to change it right here.
        where = QHBoxLayout()
        self.country_label = label("", "CardTitle")
        where.addWidget(self.country_label, 1)
        self.country = QComboBox()
        self.country.setAccessibleName("Change country")
        self.country.setToolTip("The country whose helplines this screen shows")
        self.country.addItem("Choose your country…", "")
        for code, name in crisis.countries():
            self.country.addItem(name, code)
        self.country.currentIndexChanged.connect(self._country_chosen)
        where.addWidget(label("Change country", "Muted", wrap=False))
        where.addWidget(self.country)
        self.column.addLayout(where)
        self.no_country = label(NO_COUNTRY, "Muted")
        self.column.addWidget(self.no_country)
        self.entries = QVBoxLayout()
        self.entries.setSpacing(10)
        self.column.addLayout(self.entries)
        if not crisis.contacts():
            self.add_hint = label(CRISIS_ADD_CONTACTS, "Muted")
            self.column.addWidget(self.add_hint)
        self.column.addStretch(1)
        outer.addWidget(vertical_scroll(holder, self.windowTitle()), 1)
        if from_questionnaire:
            # On its own line above the buttons: beside three of them it wrapped word by word.
            back = label(CRISIS_BACK_TO_QUESTIONNAIRE, "Muted")
            back.setContentsMargins(32, 0, 32, 4)
            outer.addWidget(back)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(32, 0, 32, 0)
        buttons.addStretch(1)
        self.plan_button = QPushButton("Open my safety plan")
        self.plan_button.setToolTip("The steps you wrote for yourself for a moment like this")
        self.plan_button.clicked.connect(self.safetyPlanRequested.emit)
        buttons.addWidget(self.plan_button)
        self.contacts_button = QPushButton("My contacts and country…")
        self.contacts_button.clicked.connect(self._edit_contacts)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("Primary")
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.contacts_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        self.cards: list[Card] = []
        self.refresh()

    def refresh(self) -> None:
        for card in self.cards:
            self.entries.removeWidget(card)
            card.setParent(None)
        self.cards = [entry_card(e) for e in self._crisis.entries()]
        for card in self.cards:
            self.entries.addWidget(card)
        name = self._crisis.country_name()
        heading = f"Helplines for {with_article(name)}" if name else "Which country are you in?"
        self.country_label.setText(heading)
        self.no_country.setVisible(name is None)
        self.country.blockSignals(True)
        self.country.setCurrentIndex(max(0, self.country.findData(self._crisis.country() or "")))
        self.country.blockSignals(False)

    def _country_chosen(self, _index: int) -> None:
        code = str(self.country.currentData() or "")
        if not code:
            return
        try:
            self._crisis.set_country(code)
        except KnownError as exc:
            self.no_country.setText(exc.message)
            self.no_country.show()
            return
        self.refresh()

    def numbers_text(self) -> str:
        """Everything on the screen in reading order (tests, screen readers)."""
        parts = []
        for entry in self._crisis.entries():
            parts.append(f"{entry.name} {entry.how} {entry.number or ''} {entry.about}")
        return "\n".join(parts)

    def _edit_contacts(self) -> None:
        self.editContactsRequested.emit()
        self.accept()


__all__ = ["CrisisDialog", "Qt"]
