"""Beside two boxes of the safety plan, what the app already knows: the crisis contacts the
person has saved, and the helplines of their country. Each offers to copy them into the box,
so the plan can be read on its own; nothing is copied without a click."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout

from mindful_desktop.domain.crisis import COUNTRIES, ScreenEntry
from mindful_desktop.services.crisis import ContactView, CrisisService
from mindful_desktop.ui.widgets.common import label

NO_CONTACTS = (
    "You haven't saved any crisis contacts yet. People you add here also appear first on the "
    "crisis screen."
)
CHANGE_COUNTRY = "You can change the country in Settings, under Crisis support."


def contact_line(contact: ContactView) -> str:
    parts = [contact.name] + [p for p in (contact.phone, contact.note) if p]
    return ", ".join(parts)


def helpline_line(entry: ScreenEntry) -> str:
    if entry.number:
        how = entry.how[:1].lower() + entry.how[1:]  # "text SHOUT to": the keyword as it is
        return f"{entry.name}: {how} {entry.number}"
    if entry.website:
        return f"{entry.name}: {entry.website}"
    return f"{entry.name}: {entry.about}"


class KnownPanel(QFrame):
    """A quiet box under a safety-plan field: a heading, lines, and buttons."""

    def __init__(self, crisis: CrisisService, editor: QPlainTextEdit) -> None:
        super().__init__()
        self.setObjectName("Note")
        self._crisis = crisis
        self._editor = editor
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 10)
        self.body.setSpacing(4)
        self.lines = QVBoxLayout()
        self.lines.setSpacing(2)
        self.body.addLayout(self.lines)
        self.buttons = QHBoxLayout()
        self.copy_button = QPushButton("Add them to my plan")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_into_plan)
        self.buttons.addWidget(self.copy_button)
        self.body.addLayout(self.buttons)
        crisis.changed.connect(self.refresh)

    def finish(self) -> None:
        self.buttons.addStretch(1)
        self.refresh()

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        """The lines this panel would add to the plan, each with the words (a name, a number)
        that show it is in the plan already."""
        raise NotImplementedError

    def show_lines(self, heading: str, lines: list[str], after: str = "") -> None:
        while self.lines.count():
            item = self.lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
        self.lines.addWidget(label(heading, "Muted"))
        for line in lines:
            self.lines.addWidget(label(line))
        if after:
            self.lines.addWidget(label(after, "Muted"))
        self._missing_changed()

    def missing(self) -> list[str]:
        written = self._editor.toPlainText().casefold()
        return [
            line
            for line, keys in self.items()
            if not any(key.casefold() in written for key in keys if key)
        ]

    def _missing_changed(self) -> None:
        self.copy_button.setEnabled(bool(self.missing()))

    def copy_into_plan(self) -> None:
        for line in self.missing():
            self._editor.appendPlainText(line)  # saved as typed text is
        self._missing_changed()

    def refresh(self) -> None:
        raise NotImplementedError


class ContactsPanel(KnownPanel):
    """Field 4, people I can ask for help: the crisis contacts, and a way to add one."""

    def __init__(self, crisis: CrisisService, editor: QPlainTextEdit) -> None:
        super().__init__(crisis, editor)
        self.add_button = QPushButton("Add a crisis contact…")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_contact)
        self.buttons.addWidget(self.add_button)
        editor.textChanged.connect(self._missing_changed)
        self.finish()

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(contact_line(c), (c.name, c.phone)) for c in self._crisis.contacts()]

    def refresh(self) -> None:
        lines = [line for line, _ in self.items()]
        if lines:
            self.show_lines("Your crisis contacts:", lines)
        else:
            self.show_lines(NO_CONTACTS, [])
        self.copy_button.setVisible(bool(lines))

    def add_contact(self) -> None:
        from mindful_desktop.ui.widgets.crisis_settings import ContactDialog

        dialog = ContactDialog(self._crisis, None, self)
        dialog.open()


class HelplinesPanel(KnownPanel):
    """Field 5, professionals and services: the chosen country's lines and emergency number."""

    def __init__(self, crisis: CrisisService, editor: QPlainTextEdit) -> None:
        super().__init__(crisis, editor)
        editor.textChanged.connect(self._missing_changed)
        self.finish()

    def _entries(self) -> list[ScreenEntry]:
        return [e for e in self._crisis.entries() if e.kind != "contact"]

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (helpline_line(e), (e.number or e.website or "",))
            for e in self._entries()
            if e.number or e.website
        ]

    def refresh(self) -> None:
        code = self._crisis.country()
        place = COUNTRIES.get(code) if code else None
        heading = f"Helplines for {place.name}:" if place else "Helplines:"
        self.show_lines(heading, [helpline_line(e) for e in self._entries()], CHANGE_COUNTRY)


def panel_for(shows: str, crisis: CrisisService, editor: QPlainTextEdit) -> KnownPanel | None:
    if shows == "crisis-contacts":
        return ContactsPanel(crisis, editor)
    if shows == "crisis-lines":
        return HelplinesPanel(crisis, editor)
    return None
