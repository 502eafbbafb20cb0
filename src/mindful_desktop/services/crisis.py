"""The crisis screen's data: the user's country and own contacts, with the country's lines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Signal
from sqlalchemy import func, select

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CrisisContact
from mindful_desktop.domain.crisis import (
    COUNTRIES,
    Contact,
    Line,
    ScreenEntry,
    clean_contact,
    default_country,
    screen_entries,
)
from mindful_desktop.domain.crisis_lines import LINE_KEYS
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.settings import SettingsStore


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    phone: str
    note: str
    replaces: str = ""  # the key of the bundled line this corrects, or ""


class CrisisService(QObject):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        settings: SettingsStore,
        locale_name: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._locale = locale_name if locale_name is not None else QLocale.system().name()

    def countries(self) -> list[tuple[str, str]]:
        return [(code, country.name) for code, country in COUNTRIES.items()]

    def country(self) -> str | None:
        """The country the person chose; None until they have. Never a guess: a guess shown
        as "your" lines could be another country's numbers."""
        chosen = self._settings.get("crisis_country")
        return str(chosen) if chosen in COUNTRIES else None

    def suggested_country(self) -> str | None:
        """What the system's language settings point to: offered, for the person to confirm."""
        return self.country() or default_country(self._locale)

    def country_name(self) -> str | None:
        code = self.country()
        return COUNTRIES[code].name if code is not None else None

    def lines(self) -> tuple[Line, ...]:
        """The bundled lines of the chosen country (each of which the person can correct)."""
        code = self.country()
        return COUNTRIES[code].lines if code is not None else ()

    def set_country(self, code: str) -> None:
        if code and code not in COUNTRIES:
            raise InvalidInputError(f"There is no list of helplines for {code!r} yet.")
        self._settings.set("crisis_country", code)
        self.changed.emit()

    def contacts(self) -> list[ContactView]:
        with self._db.session() as session:
            rows = session.scalars(
                select(CrisisContact).order_by(CrisisContact.position, CrisisContact.id)
            ).all()
            return [ContactView(r.id, r.name, r.phone, r.note, r.replaces) for r in rows]

    def add_contact(self, name: str, phone: str, note: str = "", replaces: str = "") -> ContactView:
        """A person's own contact, or (`replaces`: a bundled line's key) their corrected
        version of that line, shown first and instead of it; kept across app updates."""
        contact = self._clean(name, phone, note, replaces)
        with self._db.session() as session:
            last = session.execute(select(func.max(CrisisContact.position))).scalar()
            row = CrisisContact(
                name=contact.name,
                phone=contact.phone,
                note=contact.note,
                position=(last or 0) + 1,
                replaces=contact.replaces,
            )
            session.add(row)
            session.flush()
            view = ContactView(row.id, row.name, row.phone, row.note, row.replaces)
        self.changed.emit()
        return view

    def update_contact(self, contact_id: int, name: str, phone: str, note: str = "") -> None:
        contact = self._clean(name, phone, note)
        with self._db.session() as session:
            row = session.get(CrisisContact, contact_id)
            if row is None:
                raise InvalidInputError("That contact is no longer in your list.")
            row.name, row.phone, row.note = contact.name, contact.phone, contact.note
        self.changed.emit()

    def remove_contact(self, contact_id: int) -> None:
        with self._db.session() as session:
            row = session.get(CrisisContact, contact_id)
            if row is not None:
                session.delete(row)
        self.changed.emit()

    def move_contact(self, contact_id: int, step: int) -> None:
        """One place up (step -1) or down (+1) in the person's own list."""
        with self._db.session() as session:
            rows = list(
                session.scalars(
                    select(CrisisContact).order_by(CrisisContact.position, CrisisContact.id)
                )
            )
            index = next((i for i, r in enumerate(rows) if r.id == contact_id), None)
            if index is None:
                raise InvalidInputError("That contact is no longer in your list.")
            other = index + step
            if not 0 <= other < len(rows):
                return
            rows[index], rows[other] = rows[other], rows[index]
            for position, row in enumerate(rows, start=1):
                row.position = position
        self.changed.emit()

    def entries(self) -> tuple[ScreenEntry, ...]:
        contacts = [Contact(c.name, c.phone, c.note, c.replaces) for c in self.contacts()]
        return screen_entries(self.country(), contacts)

    @staticmethod
    def _clean(name: str, phone: str, note: str, replaces: str = "") -> Contact:
        if replaces and replaces not in LINE_KEYS:
            raise InvalidInputError("That helpline is no longer in the app's list.")
        try:
            return clean_contact(name, phone, note, replaces)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
